//! The options of a call: `{ asOf, province?, lang?, policy? }`.

use crate::date::Date;
use crate::json_value::Json;
use crate::problem::{Code, Finding};
use crate::reader::Reader;
use crate::words::Lang;

#[derive(Debug, Clone)]
pub struct Options {
    pub as_of: Date,
    pub province: Option<String>,
    pub lang: Lang,
    /// Overrides, read against the parameters once the province and date are known.
    pub policy: Option<Json>,
}

const FIELDS: &[&str] = &["asOf", "province", "lang", "policy"];

/// The earliest date with rules: the 2011 national line (纲要 2011—2020). Earlier dates have
/// no pack values at all, so they are refused rather than assessed against nothing.
pub fn earliest_as_of() -> Date {
    Date::EARLIEST_RULES
}

/// The language asked for, read leniently so that problems can be worded in it even when
/// the rest of the options are wrong.
pub fn lang_of(v: Option<&Json>) -> Lang {
    v.and_then(|v| v.get("lang"))
        .and_then(Json::as_str)
        .and_then(Lang::from_tag)
        .unwrap_or_default()
}

pub fn read_options(r: &mut Reader, v: Option<&Json>) -> Option<Options> {
    let read = read_fields(r, v, true)?;
    if !r.is_clean() {
        return None;
    }
    Some(Options {
        as_of: read.as_of?,
        province: read.province,
        lang: read.lang,
        policy: read.policy,
    })
}

/// The options as `validate` reads them: every field checked exactly as for `assess`
/// (issue 9 item 6), except that `asOf` may be left out.
pub struct OptionsRead {
    pub as_of: Option<Date>,
    pub province: Option<String>,
    pub lang: Lang,
    pub policy: Option<Json>,
}

pub fn read_fields(r: &mut Reader, v: Option<&Json>, as_of_required: bool) -> Option<OptionsRead> {
    let empty = Json::Object(Default::default());
    let v = v.unwrap_or(&empty);
    let path = "options";
    let map = r.object(v, path, FIELDS)?;
    let as_of = match map.get("asOf") {
        None | Some(Json::Null) => {
            if as_of_required {
                r.note(Finding::new("options.asOf", Code::MissingAsOf));
            }
            None
        }
        Some(v) => r.date(v, "options.asOf"),
    };
    if let Some(d) = as_of {
        if d < earliest_as_of() {
            r.note(
                Finding::new("options.asOf", Code::OutOfRange)
                    .given(d.to_string())
                    .expected("≥ 2011-01-01"),
            );
        }
    }
    let province = r.optional(map, path, "province", crate::household::read_province_code);
    let lang = r.optional(map, path, "lang", |r, v, p| {
        let s = r.string(v, p)?;
        let l = Lang::from_tag(s);
        if l.is_none() {
            r.note(
                Finding::new(p, Code::InvalidValue)
                    .given(s)
                    .expected("zh-CN | en"),
            );
        }
        l
    });
    let policy = match map.get("policy") {
        None | Some(Json::Null) => None,
        Some(p) => Some(p.clone()),
    };
    Some(OptionsRead {
        as_of,
        province,
        lang: lang.unwrap_or_default(),
        policy,
    })
}
