//! The flat CSV layout for many households: one row per member, household fields repeated on
//! each member's row (or left empty after the first), rows of one household contiguous and
//! keyed by `id`. Headers may be English (the contract's field names) or Chinese; see
//! `docs/csv-layout.md`. Each household is turned into the contract's JSON and read by the same
//! reader as single calls, so a CSV cell gets exactly the same checks and problem codes; each
//! problem path is then mapped back to its row and column.

use serde::Serialize;
use serde_json::{Map, Number, Value};

/// How a cell is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Number,
    Bool,
    /// Semicolon-separated codes (`industry;employment`).
    List,
}

/// `(English header, Chinese header, JSON path, kind, member-level)`.
type Column = (&'static str, &'static str, &'static str, Kind, bool);

#[rustfmt::skip]
pub const COLUMNS: &[Column] = &[
    ("id", "户编号", "id", Kind::Text, false),
    ("province", "省份", "province", Kind::Text, false),
    ("village", "行政村", "survey.village", Kind::Text, false),
    ("registration", "户类型", "registration", Kind::Text, false),
    ("identifiedOn", "识别时间", "identifiedOn", Kind::Text, false),
    ("exitedOn", "脱贫时间", "exitedOn", Kind::Text, false),
    ("waterShortArea", "缺水地区", "waterShortArea", Kind::Bool, false),
    ("wage", "工资性收入", "income.wage", Kind::Number, false),
    ("business", "生产经营性收入", "income.business", Kind::Number, false),
    ("property", "财产性收入", "income.property", Kind::Number, false),
    ("transfer", "转移性收入", "income.transfer", Kind::Number, false),
    ("businessCosts", "生产经营性支出", "income.businessCosts", Kind::Number, false),
    ("basicPension", "基础养老金", "income.transferItems.basicPension", Kind::Number, false),
    ("dibaoA", "A类低保金", "income.transferItems.dibaoA", Kind::Number, false),
    ("dibaoB", "B类低保金", "income.transferItems.dibaoB", Kind::Number, false),
    ("dibaoC", "C类低保金", "income.transferItems.dibaoC", Kind::Number, false),
    ("oneOffRelief", "临时救助", "income.transferItems.oneOffRelief", Kind::Number, false),
    ("medicalOutOfPocket", "医疗自付支出", "spending.medicalOutOfPocket", Kind::Number, false),
    ("educationSpending", "教育支出", "spending.education", Kind::Number, false),
    ("disasterLoss", "灾害损失", "spending.disasterLoss", Kind::Number, false),
    ("foodSecure", "不愁吃", "food.secure", Kind::Bool, false),
    ("clothingSecure", "不愁穿", "clothing.secure", Kind::Bool, false),
    ("houseGrade", "住房等级", "housing.grade", Kind::Text, false),
    ("areaM2", "住房面积", "housing.areaM2", Kind::Number, false),
    ("relocationMode", "搬迁安置方式", "housing.relocation.mode", Kind::Text, false),
    ("keysHandedOver", "已交钥匙", "housing.relocation.keysHandedOver", Kind::Bool, false),
    ("movedIn", "已入住", "housing.relocation.movedIn", Kind::Bool, false),
    ("safeAlternative", "安全住房保障方式", "housing.safeAlternative", Kind::Text, false),
    ("pipedToHome", "供水入户", "water.pipedToHome", Kind::Bool, false),
    ("litresPerPersonDay", "人均日用水量", "water.litresPerPersonDay", Kind::Number, false),
    ("fetchMinutes", "取水往返分钟", "water.fetchMinutes", Kind::Number, false),
    ("horizontalM", "取水水平距离", "water.horizontalM", Kind::Number, false),
    ("verticalM", "取水垂直距离", "water.verticalM", Kind::Number, false),
    ("daysWithoutSupply", "全年断水天数", "water.daysWithoutSupply", Kind::Number, false),
    ("waterQualityOk", "水质达标", "water.qualityOk", Kind::Bool, false),
    ("electricity", "通生活用电", "electricity.connected", Kind::Bool, false),
    ("monitoringCategory", "监测对象类别", "monitoring.category", Kind::Text, false),
    ("monitoringIdentifiedOn", "识别监测时间", "monitoring.identifiedOn", Kind::Text, false),
    ("measures", "帮扶措施", "monitoring.measures", Kind::List, false),
    ("risks", "风险类型", "monitoring.risks", Kind::List, false),
    ("riskGone", "风险自然消除", "monitoring.riskGone", Kind::Bool, false),
    ("riskEliminatedOn", "风险消除时间", "monitoring.riskEliminatedOn", Kind::Text, false),
    ("exitSample", "错退抽样", "survey.exitSample", Kind::Bool, false),
    ("missedSample", "漏评抽样", "survey.missedSample", Kind::Bool, false),
    ("recognised", "群众认可", "survey.recognised", Kind::Bool, false),
    ("name", "姓名", "name", Kind::Text, true),
    ("idNumber", "身份证号", "idNumber", Kind::Text, true),
    ("relation", "与户主关系", "relation", Kind::Text, true),
    ("sex", "性别", "sex", Kind::Text, true),
    ("birthDate", "出生日期", "birthDate", Kind::Text, true),
    ("health", "健康状况", "health", Kind::Text, true),
    ("disabilityGrade", "残疾等级", "disabilityGrade", Kind::Number, true),
    ("labour", "劳动能力", "labour", Kind::Text, true),
    ("schooling", "在校状况", "schooling", Kind::Text, true),
    ("dropoutReason", "辍学原因", "dropoutReason", Kind::Text, true),
    ("completedCompulsory", "完成义务教育", "completedCompulsory", Kind::Bool, true),
    ("medicalInsurance", "医疗保险", "medicalInsurance", Kind::Text, true),
    ("criticalIllnessInsurance", "大病保险", "criticalIllnessInsurance", Kind::Bool, true),
    ("medicalAssistance", "医疗救助", "medicalAssistance", Kind::Bool, true),
];

const REQUIRED: &[&str] = &["id", "province", "relation", "sex", "birthDate"];

/// Chinese values accepted beside the contract's codes, for the columns people type by hand.
#[rustfmt::skip]
const VALUE_ALIASES: &[(&str, &str, &str)] = &[
    ("sex", "男", "male"), ("sex", "女", "female"),
    ("registration", "贫困户", "poor"), ("registration", "脱贫户", "exited"), ("registration", "一般农户", "ordinary"),
    ("relation", "户主", "head"), ("relation", "本人或户主", "head"), ("relation", "配偶", "spouse"),
    ("relation", "子女", "child"), ("relation", "之子", "child"), ("relation", "之女", "child"),
    ("relation", "儿媳", "child_in_law"), ("relation", "女婿", "child_in_law"), ("relation", "孙子女", "grandchild"),
    ("relation", "父母", "parent"), ("relation", "之父", "parent"), ("relation", "之母", "parent"),
    ("relation", "祖父母", "grandparent"), ("relation", "兄弟姐妹", "sibling"), ("relation", "其他", "other"),
    ("health", "健康", "healthy"), ("health", "长期慢性病", "chronic"), ("health", "患有大病", "serious"),
    ("health", "大病", "serious"), ("health", "残疾", "disabled"),
    ("labour", "普通劳动力", "normal"), ("labour", "技能劳动力", "skilled"), ("labour", "弱劳动力或半劳动力", "weak"),
    ("labour", "弱劳动力", "weak"), ("labour", "丧失劳动力", "lost"), ("labour", "无劳动力", "none"),
    ("houseGrade", "A级", "A"), ("houseGrade", "B级", "B"), ("houseGrade", "C级", "C"), ("houseGrade", "D级", "D"),
    ("houseGrade", "无房", "none"),
    ("medicalInsurance", "城乡居民", "resident"), ("medicalInsurance", "城镇职工", "employee"),
    ("medicalInsurance", "商业保险", "commercial"), ("medicalInsurance", "未参保", "none"),
];

/// A problem with the file as a whole (encoding, header).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileProblem {
    pub code: &'static str,
    pub message: String,
    pub given: Option<String>,
}

/// Where a household field came from.
#[derive(Debug, Clone, Serialize)]
pub struct Location {
    pub path: String,
    /// 1-based line number in the file (the header is line 1).
    pub line: usize,
    pub column: String,
}

/// One household read from the table, as contract JSON, with where each field came from.
#[derive(Debug, Clone)]
pub struct TableHousehold {
    /// 1-based line of its first row.
    pub line: usize,
    pub id: Option<String>,
    pub value: Value,
    /// Where each field came from, as `(path key, line, column index)`; turned into a
    /// [`Location`] only when a problem needs one (most rows have none).
    cells: Vec<(CellKey, usize, u16)>,
    headers: std::sync::Arc<[String]>,
    pub conflicts: Vec<Conflict>,
}

/// A field of the household (`income.wage`) or of member `i` (`members[i].birthDate`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CellKey {
    Household(&'static str),
    Member(u32, &'static str),
    /// The member as a whole (its first cell).
    MemberRow(u32),
}

impl CellKey {
    fn matches(&self, path: &str) -> bool {
        match self {
            CellKey::Household(p) => *p == path,
            CellKey::Member(i, field) => member_prefix(path)
                .is_some_and(|(n, rest)| n == *i && rest.strip_prefix('.') == Some(field)),
            CellKey::MemberRow(i) => {
                member_prefix(path).is_some_and(|(n, rest)| n == *i && rest.is_empty())
            }
        }
    }
}

/// `members[3].sex` → `(3, ".sex")`.
fn member_prefix(path: &str) -> Option<(u32, &str)> {
    let rest = path.strip_prefix("members[")?;
    let (n, rest) = rest.split_once(']')?;
    Some((n.parse().ok()?, rest))
}

impl TableHousehold {
    /// The table cell a problem path points at (or the nearest enclosing one).
    pub fn locate(&self, path: &str) -> Option<Location> {
        let mut p = path;
        loop {
            if let Some((_, line, col)) = self.cells.iter().find(|(k, _, _)| k.matches(p)) {
                return Some(Location {
                    path: p.to_string(),
                    line: *line,
                    column: self
                        .headers
                        .get(usize::from(*col))
                        .cloned()
                        .unwrap_or_default(),
                });
            }
            match p.rfind(['.', '[']) {
                Some(i) => p = p.get(..i)?,
                None => return None,
            }
        }
    }
}

/// Text of a CSV file: UTF-8 (a BOM is skipped). Anything else is refused with a clear reason;
/// GBK files (Excel's "CSV" on Chinese Windows) are recognised so the message can say so.
pub fn decode(bytes: &[u8]) -> Result<&str, FileProblem> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|_| FileProblem {
        code: if looks_like_gbk(bytes) { "gbk_encoding" } else { "not_utf8" },
        message: if looks_like_gbk(bytes) {
            "the file looks GBK-encoded (Excel's CSV on Chinese Windows): save it as \"CSV UTF-8\", or open it on the batch page, which converts GBK / 文件似为GBK编码,请另存为“CSV UTF-8”,或在批量页面打开(会自动转换)".into()
        } else {
            "the file is not UTF-8 text / 文件不是UTF-8文本".into()
        },
        given: None,
    })
}

/// GBK double bytes: a lead byte 0x81–0xFE followed by a trail byte 0x40–0xFE (not 0x7F).
pub fn looks_like_gbk(bytes: &[u8]) -> bool {
    let mut pairs = 0usize;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            i += 1;
            continue;
        }
        match bytes.get(i + 1) {
            Some(&t) if (0x81..=0xFE).contains(&b) && (0x40..=0xFE).contains(&t) && t != 0x7F => {
                pairs += 1;
                i += 2;
            }
            _ => return false,
        }
    }
    pairs > 0
}

/// Reads households from CSV, one at a time, from any byte source (memory stays flat in the
/// number of rows).
pub struct TableReader<R: std::io::Read> {
    reader: csv::Reader<R>,
    columns: Vec<Option<&'static Column>>,
    headers: std::sync::Arc<[String]>,
    pending: Option<(usize, csv::StringRecord)>,
    /// A row that failed to parse right after a household, reported on the next call.
    error_after: Option<(usize, String)>,
    done: bool,
}

/// What the reader yields: a household, or a row that could not be read at all.
pub enum TableItem {
    Household(TableHousehold),
    BadRow { line: usize, message: String },
}

pub fn header_row_problems(headers: &csv::StringRecord) -> Vec<FileProblem> {
    let mut out = Vec::new();
    for h in headers.iter() {
        if find_column(h).is_none() {
            out.push(FileProblem {
                code: "unknown_column",
                message: format!("unknown column \"{h}\" / 未知列“{h}”"),
                given: Some(h.into()),
            });
        }
    }
    for req in REQUIRED {
        if !headers
            .iter()
            .any(|h| find_column(h).is_some_and(|c| c.0 == *req))
        {
            let zh = COLUMNS
                .iter()
                .find(|c| c.0 == *req)
                .map(|c| c.1)
                .unwrap_or("");
            out.push(FileProblem {
                code: "missing_column",
                message: format!("missing column \"{req}\" / 缺少列“{zh}”"),
                given: Some((*req).into()),
            });
        }
    }
    out
}

fn find_column(header: &str) -> Option<&'static Column> {
    let h = header.trim_start_matches('\u{feff}').trim();
    COLUMNS
        .iter()
        .find(|c| c.0.eq_ignore_ascii_case(h) || c.1 == h)
}

impl<R: std::io::Read> TableReader<R> {
    /// Reads and checks the header; file-level problems stop everything before any row is read.
    /// The source must be UTF-8 (see [`decode`]).
    pub fn new(source: R) -> Result<TableReader<R>, Vec<FileProblem>> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(false)
            .from_reader(source);
        let headers = reader
            .headers()
            .map_err(|e| {
                vec![FileProblem {
                    code: "malformed_csv",
                    message: e.to_string(),
                    given: None,
                }]
            })?
            .clone();
        let problems = header_row_problems(&headers);
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(TableReader {
            columns: headers.iter().map(find_column).collect(),
            headers: headers
                .iter()
                .map(|h| h.trim_start_matches('\u{feff}').to_string())
                .collect(),
            reader,
            pending: None,
            error_after: None,
            done: false,
        })
    }

    fn next_record(&mut self) -> Option<Result<(usize, csv::StringRecord), (usize, String)>> {
        if let Some(p) = self.pending.take() {
            return Some(Ok(p));
        }
        let mut rec = csv::StringRecord::new();
        let line = |p: Option<&csv::Position>| {
            p.map(|p| usize::try_from(p.line()).unwrap_or(0))
                .unwrap_or(0)
        };
        match self.reader.read_record(&mut rec) {
            Ok(true) => Some(Ok((line(rec.position()), rec))),
            Ok(false) => None,
            Err(e) => Some(Err((line(e.position()), e.to_string()))),
        }
    }

    /// Bytes of the source consumed so far (for progress over a file).
    pub fn bytes_read(&self) -> u64 {
        self.reader.position().byte()
    }

    fn id_of(&self, rec: &csv::StringRecord) -> Option<String> {
        self.columns
            .iter()
            .zip(rec.iter())
            .find(|(c, _)| c.is_some_and(|c| c.0 == "id"))
            .map(|(_, v)| v.trim().to_string())
    }
}

impl<R: std::io::Read> Iterator for TableReader<R> {
    type Item = TableItem;

    fn next(&mut self) -> Option<TableItem> {
        if let Some((line, message)) = self.error_after.take() {
            return Some(TableItem::BadRow { line, message });
        }
        if self.done {
            return None;
        }
        let (line, first) = match self.next_record()? {
            Ok(r) => r,
            Err((line, message)) => return Some(TableItem::BadRow { line, message }),
        };
        let id = self.id_of(&first);
        let mut rows = vec![(line, first)];
        loop {
            match self.next_record() {
                None => {
                    self.done = true;
                    break;
                }
                Some(Ok((l, rec))) => {
                    let same =
                        id.as_deref().is_some_and(|i| !i.is_empty()) && self.id_of(&rec) == id;
                    if same {
                        rows.push((l, rec));
                    } else {
                        self.pending = Some((l, rec));
                        break;
                    }
                }
                Some(Err((l, message))) => {
                    // Keep the household read so far; the bad row is reported on the next call.
                    self.pending = None;
                    let household = build(&self.columns, &self.headers, &rows);
                    self.error_after = Some((l, message));
                    return Some(TableItem::Household(household));
                }
            }
        }
        Some(TableItem::Household(build(
            &self.columns,
            &self.headers,
            &rows,
        )))
    }
}

/// A household field given differently on two of its rows.
#[derive(Debug, Clone, Serialize)]
pub struct Conflict {
    pub location: Location,
    pub first: String,
    pub other: String,
}

fn build(
    columns: &[Option<&'static Column>],
    headers: &std::sync::Arc<[String]>,
    rows: &[(usize, csv::StringRecord)],
) -> TableHousehold {
    let mut household = Value::Object(Map::new());
    let mut members = Vec::with_capacity(rows.len());
    let mut cells = Vec::new();
    let mut seen: Vec<(&'static str, &str)> = Vec::new();
    let mut conflicts = Vec::new();
    for (i, (line, rec)) in rows.iter().enumerate() {
        let index = u32::try_from(i).unwrap_or(u32::MAX);
        let mut member = Value::Object(Map::new());
        cells.push((CellKey::MemberRow(index), *line, 0));
        for (c, (col, cell)) in columns.iter().zip(rec.iter()).enumerate() {
            let (Some(col), cell) = (col, cell.trim()) else {
                continue;
            };
            if cell.is_empty() {
                continue;
            }
            let c = u16::try_from(c).unwrap_or(u16::MAX);
            if col.4 {
                set(&mut member, col.2, cell_value(col, cell));
                cells.push((CellKey::Member(index, col.2), *line, c));
                continue;
            }
            match seen.iter().find(|(k, _)| *k == col.2) {
                None => {
                    seen.push((col.2, cell));
                    set(&mut household, col.2, cell_value(col, cell));
                    cells.push((CellKey::Household(col.2), *line, c));
                }
                Some((_, first)) if *first != cell => conflicts.push(Conflict {
                    location: Location {
                        path: col.2.to_string(),
                        line: *line,
                        column: headers.get(usize::from(c)).cloned().unwrap_or_default(),
                    },
                    first: first.to_string(),
                    other: cell.to_string(),
                }),
                Some(_) => {}
            }
        }
        members.push(member);
    }
    if let Value::Object(m) = &mut household {
        m.insert("members".into(), Value::Array(members));
    }
    let id = household
        .get("id")
        .and_then(Value::as_str)
        .map(str::to_string);
    TableHousehold {
        line: rows.first().map(|r| r.0).unwrap_or(0),
        id,
        value: household,
        cells,
        headers: headers.clone(),
        conflicts,
    }
}

/// Sets a dotted path, creating objects on the way.
fn set(root: &mut Value, path: &str, value: Value) {
    let mut cur = root;
    let mut parts = path.split('.').peekable();
    while let Some(part) = parts.next() {
        let Value::Object(map) = cur else { return };
        if parts.peek().is_none() {
            map.insert(part.to_string(), value);
            return;
        }
        cur = map
            .entry(part.to_string())
            .or_insert_with(|| Value::Object(Map::new()));
    }
}

fn cell_value(col: &Column, cell: &str) -> Value {
    match col.3 {
        Kind::Text => {
            let alias = VALUE_ALIASES
                .iter()
                .find(|(c, zh, _)| *c == col.0 && *zh == cell)
                .map(|(_, _, code)| *code);
            let text = alias.unwrap_or(cell);
            if col.0 == "medicalInsurance" && text.contains([';', '；']) {
                return Value::Array(
                    text.split([';', '；'])
                        .map(|t| Value::String(alias_of(col.0, t.trim()).to_string()))
                        .collect(),
                );
            }
            Value::String(text.to_string())
        }
        Kind::Number => cell
            .parse::<Number>()
            .map(Value::Number)
            .unwrap_or_else(|_| Value::String(cell.to_string())),
        Kind::Bool => match cell {
            "true" | "TRUE" | "True" | "1" | "是" | "yes" | "Yes" | "Y" | "y" => Value::Bool(true),
            "false" | "FALSE" | "False" | "0" | "否" | "no" | "No" | "N" | "n" => {
                Value::Bool(false)
            }
            other => Value::String(other.to_string()),
        },
        Kind::List => Value::Array(
            cell.split([';', '；', ','])
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(|t| Value::String(t.to_string()))
                .collect(),
        ),
    }
}

fn alias_of<'a>(column: &str, cell: &'a str) -> &'a str {
    VALUE_ALIASES
        .iter()
        .find(|(c, zh, _)| *c == column && *zh == cell)
        .map(|(_, _, code)| *code)
        .unwrap_or(cell)
}

/// The header row of the layout, English or Chinese, for a template file.
pub fn template_header(chinese: bool) -> String {
    COLUMNS
        .iter()
        .map(|c| if chinese { c.1 } else { c.0 })
        .collect::<Vec<_>>()
        .join(",")
}

/// Turns CRLF line ends into LF while reading. Excel writes CRLF, and the csv reader's line
/// numbers are one short on CRLF input; with LF they are the file's own line numbers.
pub struct LfReader<R> {
    inner: R,
    /// Normalised bytes not yet handed out.
    buf: Vec<u8>,
    pos: usize,
    /// A `\r` at the end of the last chunk, held back: its `\n` may come with the next one.
    held_cr: bool,
    eof: bool,
}

impl<R: std::io::Read> LfReader<R> {
    pub fn new(inner: R) -> LfReader<R> {
        LfReader {
            inner,
            buf: Vec::new(),
            pos: 0,
            held_cr: false,
            eof: false,
        }
    }

    fn fill(&mut self) -> std::io::Result<()> {
        let mut chunk = vec![0u8; 1 << 16];
        let n = self.inner.read(&mut chunk)?;
        chunk.truncate(n);
        self.buf.clear();
        self.pos = 0;
        if n == 0 {
            self.eof = true;
            if std::mem::take(&mut self.held_cr) {
                self.buf.push(b'\r');
            }
            return Ok(());
        }
        let mut data = Vec::with_capacity(n + 1);
        if std::mem::take(&mut self.held_cr) {
            data.push(b'\r');
        }
        data.extend_from_slice(&chunk);
        if data.last() == Some(&b'\r') {
            data.pop();
            self.held_cr = true;
        }
        let mut bytes = data.iter().peekable();
        while let Some(&b) = bytes.next() {
            if b == b'\r' && bytes.peek() == Some(&&b'\n') {
                continue;
            }
            self.buf.push(b);
        }
        Ok(())
    }
}

impl<R: std::io::Read> std::io::Read for LfReader<R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        while self.pos >= self.buf.len() {
            if self.eof {
                return Ok(0);
            }
            self.fill()?;
        }
        let available = self.buf.get(self.pos..).unwrap_or(&[]);
        let n = available.len().min(out.len());
        if let (Some(dst), Some(src)) = (out.get_mut(..n), available.get(..n)) {
            dst.copy_from_slice(src);
        }
        self.pos += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    /// A source that hands out one byte at a time, to cut every CRLF across reads.
    struct Trickle<'a>(&'a [u8]);
    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            match (self.0.split_first(), buf.first_mut()) {
                (Some((b, rest)), Some(slot)) => {
                    *slot = *b;
                    self.0 = rest;
                    Ok(1)
                }
                _ => Ok(0),
            }
        }
    }

    #[test]
    fn crlf_becomes_lf_even_across_reads() {
        let input = b"a,b\r\n1,2\r\n\"x\ry\",3\r";
        let mut out = String::new();
        LfReader::new(Trickle(input))
            .read_to_string(&mut out)
            .unwrap();
        assert_eq!(out, "a,b\n1,2\n\"x\ry\",3\r");
        let mut out = String::new();
        LfReader::new(&input[..]).read_to_string(&mut out).unwrap();
        assert_eq!(out, "a,b\n1,2\n\"x\ry\",3\r");
    }

    #[test]
    fn problems_point_at_their_line_and_column_in_crlf_files() {
        let text = "id,province,relation,sex,birthDate\r\nA,CN-YN,head,male,1980-01-01\r\nA,CN-YN,spouse,female,1980-02-30\r\n";
        let mut reader = TableReader::new(LfReader::new(text.as_bytes())).unwrap();
        let Some(TableItem::Household(h)) = reader.next() else {
            panic!("no household")
        };
        let loc = h.locate("members[1].birthDate").unwrap();
        assert_eq!((loc.line, loc.column.as_str()), (3, "birthDate"));
        assert_eq!(h.locate("members[0]").unwrap().line, 2);
        assert!(
            h.locate("income").is_none(),
            "a missing field has no cell: the row number says where"
        );
    }
}
