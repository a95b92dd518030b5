//! JSON text read strictly: what `serde_json::from_str` would silently settle is a problem at
//! its path instead (issue 9 item 8).
//!
//! * the same key twice in one object is `duplicate_key` (serde_json keeps the last one: a
//!   file with `"wage": 9000, "wage": 1` would be assessed on 1 yuan without a word);
//! * a number written with more digits than a double holds is read from its text, so `1e-400`
//!   is `too_many_decimals` (a double makes it 0) and `1e400` is `out_of_range`;
//! * nesting deeper than [`limits::MAX_DEPTH`] is `too_deep`, never a stack overflow.
//!
//! Used wherever the program reads JSON text (the CLI's household and policy files, and
//! available to the batch readers). The browser's values never pass through text: JS objects
//! cannot hold a key twice, and `src/wasm.rs` reads them directly.

use crate::json_value::JsonNumber;
use crate::number::{Decimal, NumberError};
// The parser is for JSON text, which only files bring (natively, and in the batch page's
// build): the core module reads JS values and carries neither the parser nor the problems only
// it finds (`invalid_json`, `duplicate_key`), issue 8 item 6.
#[cfg(reads_files)]
use crate::json_value::{Json, JsonMap};
#[cfg(reads_files)]
use crate::problem::{Code, Finding};
#[cfg(reads_files)]
use crate::reader::{index, join, limits};

/// Parses `text` (a leading UTF-8 BOM is allowed). `Err` is a syntax error (`invalid_json`,
/// with line and column); `Ok` carries the value and the problems found at their paths (the
/// value there is `null`), with `root` as the path of the whole document.
#[cfg(reads_files)]
pub fn parse(text: &str, root: &str) -> Result<(Json, Vec<Finding>), Finding> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.len() > limits::MAX_INPUT_BYTES {
        return Err(Finding::new(root, Code::InputTooLarge)
            .given(text.len().to_string())
            .expected(limits::MAX_INPUT_BYTES.to_string()));
    }
    let mut p = Parser {
        src: text.as_bytes(),
        text,
        at: 0,
        findings: Vec::new(),
    };
    p.space();
    let v = p.value(root, 0)?;
    p.space();
    if p.at < p.src.len() {
        return Err(p.syntax(root, "trailing characters after the value"));
    }
    Ok((v, p.findings))
}

/// The number a JSON number token stands for, read by this module's rules (shared with the typed
/// fast path, `crate::household::read_household_text`, so both read every number alike): an
/// integer that fits is exact; plain decimal text with more decimals or digits than allowed is
/// `TooPrecise` / `OutOfRange`; an exponent form that underflows a double to 0 is `TooPrecise`,
/// one that overflows is `OutOfRange`. `token` must be a syntactically valid JSON number.
pub fn number(token: &str) -> Result<JsonNumber, NumberError> {
    let plain = !token.bytes().any(|b| matches!(b, b'.' | b'e' | b'E'));
    if plain {
        if let Ok(i) = token.parse::<i64>() {
            return Ok(JsonNumber::from(i));
        }
    }
    let has_exp = token.bytes().any(|b| matches!(b, b'e' | b'E'));
    if !has_exp {
        // Plain decimal text is read exactly: more decimals or digits than a double holds
        // are a problem here, not a rounded value later.
        Decimal::parse(token)?;
    }
    let f: f64 = token.parse().unwrap_or(f64::NAN);
    let mantissa_nonzero = token
        .split(['e', 'E'])
        .next()
        .is_some_and(|m| m.bytes().any(|b| (b'1'..=b'9').contains(&b)));
    if f == 0.0 && mantissa_nonzero {
        return Err(NumberError::TooPrecise);
    }
    if !f.is_finite() {
        return Err(NumberError::OutOfRange);
    }
    JsonNumber::from_f64(f).ok_or(NumberError::NotFinite)
}

/// Whether any of eight bytes (a little-endian word of JSON text) is a quote, a backslash or a
/// control character (< 0x20): the bytes that end or escape a string, or that a string may not
/// hold raw. Used to skip over string content a word at a time (the typed reader, the report
/// writer).
pub fn word_has_special(w: u64) -> bool {
    special_bits(w) != 0
}

/// The position (0–7, in text order) of the first quote, backslash or control character among
/// eight bytes, if any.
pub fn first_special(w: u64) -> Option<usize> {
    match special_bits(w) {
        0 => None,
        bits => usize::try_from(bits.trailing_zeros() / 8).ok(),
    }
}

/// The high bit of each byte that is special, exact for the first one: the subtractions borrow
/// only into the bytes above a match, so a byte can be flagged wrongly only after a true one.
fn special_bits(w: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let below_space = w.wrapping_sub(ONES * 0x20) & !w & HIGHS;
    let q = w ^ (ONES * u64::from(b'"'));
    let quote = q.wrapping_sub(ONES) & !q & HIGHS;
    let b = w ^ (ONES * u64::from(b'\\'));
    let backslash = b.wrapping_sub(ONES) & !b & HIGHS;
    below_space | quote | backslash
}

#[cfg(test)]
mod word_tests {
    use super::*;

    fn special(b: u8) -> bool {
        b < 0x20 || b == b'"' || b == b'\\'
    }

    /// Every byte value at every position, with and without a second byte of every value
    /// after it: the first special byte is found exactly, and none is ever missed.
    #[test]
    fn the_first_special_byte_is_found_exactly() {
        for first in 0..8 {
            for a in 0..=255u8 {
                for later in [
                    None,
                    Some(b'"'),
                    Some(0x00),
                    Some(0x1F),
                    Some(b'\\'),
                    Some(0xFF),
                ] {
                    let mut word = [b'a'; 8];
                    word[first] = a;
                    if let Some(l) = later {
                        if first + 1 < 8 {
                            word[7] = l;
                        }
                    }
                    let want = word.iter().position(|&b| special(b));
                    let w = u64::from_le_bytes(word);
                    assert_eq!(first_special(w), want, "{word:?}");
                    assert_eq!(word_has_special(w), want.is_some(), "{word:?}");
                }
            }
        }
    }
}

#[cfg(reads_files)]
struct Parser<'a> {
    src: &'a [u8],
    text: &'a str,
    at: usize,
    findings: Vec<Finding>,
}

#[cfg(reads_files)]
impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.src.get(self.at).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// A syntax error with the line and column of where reading stopped.
    fn syntax(&self, path: &str, what: &str) -> Finding {
        let before = self.src.get(..self.at).unwrap_or(self.src);
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let column = before.iter().rev().take_while(|b| **b != b'\n').count() + 1;
        Finding::new(path, Code::InvalidJson)
            .given(format!("{what} at line {line} column {column}"))
    }

    fn eat(&mut self, word: &str, path: &str) -> Result<(), Finding> {
        let end = self.at + word.len();
        if self.src.get(self.at..end) == Some(word.as_bytes()) {
            self.at = end;
            Ok(())
        } else {
            Err(self.syntax(path, "unexpected character"))
        }
    }

    fn value(&mut self, path: &str, depth: usize) -> Result<Json, Finding> {
        match self.peek() {
            Some(b'{') | Some(b'[') if depth >= limits::MAX_DEPTH => {
                Err(Finding::new(path, Code::TooDeep).expected(limits::MAX_DEPTH.to_string()))
            }
            Some(b'{') => self.object(path, depth),
            Some(b'[') => self.array(path, depth),
            Some(b'"') => self.string(path).map(Json::String),
            Some(b't') => self.eat("true", path).map(|_| Json::Bool(true)),
            Some(b'f') => self.eat("false", path).map(|_| Json::Bool(false)),
            Some(b'n') => self.eat("null", path).map(|_| Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(path),
            Some(_) => Err(self.syntax(path, "unexpected character")),
            None => Err(self.syntax(path, "unexpected end of input")),
        }
    }

    fn object(&mut self, path: &str, depth: usize) -> Result<Json, Finding> {
        self.at += 1;
        // Entries in arrival order, made an object once at the end (`JsonMap::from_entries`):
        // kept sorted entry by entry, an object of 100,000 keys in descending order (within the
        // 1 MiB limit) took seconds.
        let mut entries: Vec<(String, Json)> = Vec::new();
        let mut keys = SeenKeys::default();
        self.space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Json::Object(JsonMap::new()));
        }
        loop {
            self.space();
            if self.peek() != Some(b'"') {
                return Err(self.syntax(path, "expected a key in double quotes"));
            }
            let key = self.string(path)?;
            let at = join(path, &key);
            self.space();
            if self.peek() != Some(b':') {
                return Err(self.syntax(&at, "expected ':'"));
            }
            self.at += 1;
            self.space();
            let v = self.value(&at, depth + 1)?;
            if keys.seen_before(&key, &entries) {
                self.findings
                    .push(Finding::new(at, Code::DuplicateKey).given(key.clone()));
                // Neither value is assessed (the later `null` replaces the earlier value): the
                // problem makes the call fail.
                entries.push((key, Json::Null));
            } else {
                entries.push((key, v));
            }
            self.space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Json::Object(JsonMap::from_entries(entries)));
                }
                _ => return Err(self.syntax(path, "expected ',' or '}'")),
            }
        }
    }

    fn array(&mut self, path: &str, depth: usize) -> Result<Json, Finding> {
        self.at += 1;
        let mut items = Vec::new();
        self.space();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Json::Array(items));
        }
        loop {
            self.space();
            let v = self.value(&index(path, items.len()), depth + 1)?;
            items.push(v);
            self.space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Json::Array(items));
                }
                _ => return Err(self.syntax(path, "expected ',' or ']'")),
            }
        }
    }

    fn hex4(&mut self, path: &str) -> Result<u32, Finding> {
        let digits = self
            .text
            .get(self.at..self.at + 4)
            .ok_or_else(|| self.syntax(path, "short \\u escape"))?;
        let n = u32::from_str_radix(digits, 16).map_err(|_| self.syntax(path, "bad \\u escape"))?;
        self.at += 4;
        Ok(n)
    }

    fn string(&mut self, path: &str) -> Result<String, Finding> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let start = self.at;
            while !matches!(self.peek(), Some(b'"' | b'\\') | None) {
                if self.peek().is_some_and(|b| b < 0x20) {
                    return Err(self.syntax(path, "control character in a string"));
                }
                self.at += 1;
            }
            out.push_str(self.text.get(start..self.at).unwrap_or(""));
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let c = self.peek().ok_or_else(|| self.syntax(path, "bad escape"))?;
                    self.at += 1;
                    match c {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let hi = self.hex4(path)?;
                            let code = if (0xD800..0xDC00).contains(&hi) {
                                self.eat("\\u", path)?;
                                let lo = self.hex4(path)?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return Err(self.syntax(path, "lone surrogate"));
                                }
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else {
                                hi
                            };
                            let ch = char::from_u32(code)
                                .ok_or_else(|| self.syntax(path, "lone surrogate"))?;
                            out.push(ch);
                        }
                        _ => return Err(self.syntax(path, "bad escape")),
                    }
                }
                _ => return Err(self.syntax(path, "unterminated string")),
            }
        }
    }

    fn number(&mut self, path: &str) -> Result<Json, Finding> {
        let start = self.at;
        let digits = |p: &mut Self| {
            let s = p.at;
            while p.peek().is_some_and(|b| b.is_ascii_digit()) {
                p.at += 1;
            }
            p.at > s
        };
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        if !digits(self) {
            return Err(self.syntax(path, "bad number"));
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if !digits(self) {
                return Err(self.syntax(path, "bad number"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if !digits(self) {
                return Err(self.syntax(path, "bad number"));
            }
        }
        let token = self.text.get(start..self.at).unwrap_or("");
        match number(token) {
            Ok(n) => Ok(Json::Number(n)),
            Err(e) => Ok(self.bad_number(path, token, e)),
        }
    }

    fn bad_number(&mut self, path: &str, token: &str, e: NumberError) -> Json {
        let f = match e {
            NumberError::TooPrecise => Finding::new(path, Code::TooManyDecimals)
                .given(token)
                .expected(crate::number::MAX_SCALE.to_string()),
            _ => Finding::new(path, Code::OutOfRange)
                .given(token)
                .expected(crate::number::MAX_ABS_TEXT),
        };
        self.findings.push(f);
        Json::Null
    }
}

/// The keys of one object read so far, to find a repeated one: the few keys of a household's
/// objects are compared in place; past [`SeenKeys::SMALL`] they go into a hash set, so a huge
/// object is not compared key by key.
#[cfg(reads_files)]
#[derive(Default)]
struct SeenKeys {
    set: Option<std::collections::HashSet<String>>,
}

#[cfg(reads_files)]
impl SeenKeys {
    const SMALL: usize = 16;

    /// Whether `key` is among the keys of `entries` (every key read before it), noting it.
    fn seen_before(&mut self, key: &str, entries: &[(String, Json)]) -> bool {
        if let Some(set) = &mut self.set {
            return !set.insert(key.to_string());
        }
        if entries.len() < Self::SMALL {
            return entries.iter().any(|(k, _)| k == key);
        }
        let mut set: std::collections::HashSet<String> =
            entries.iter().map(|(k, _)| k.clone()).collect();
        let seen = !set.insert(key.to_string());
        self.set = Some(set);
        seen
    }
}

#[cfg(test)]
#[cfg(reads_files)]
mod tests {
    use super::*;

    fn codes(text: &str) -> Vec<(String, &'static str)> {
        let (_, f) = parse(text, "").unwrap();
        f.into_iter().map(|f| (f.path, f.code.as_str())).collect()
    }

    #[test]
    fn issue9_item8_duplicate_key_is_a_problem_at_its_path() {
        assert_eq!(
            codes(r#"{"income": {"wage": 9000, "wage": 1}}"#),
            vec![("income.wage".to_string(), "duplicate_key")]
        );
    }

    /// Objects are sorted once when read (issue 8): keys in any order, a repeated key (before
    /// and after the switch to a hash set at `SeenKeys::SMALL` keys) is `duplicate_key` at its
    /// path in reading order, with `null` as its value, as when the object was kept sorted key
    /// by key; the result is serde_json's map of the same text with those keys set to null.
    #[test]
    fn large_objects_in_any_order_read_as_sorted_maps() {
        for n in [3usize, SeenKeys::SMALL - 1, SeenKeys::SMALL, 40, 300] {
            // Descending keys, then a repeat of an early and of a late key, then a new key whose
            // value holds a problem of its own (found after the first repeat, before the second).
            let mut parts: Vec<String> =
                (0..n).rev().map(|i| format!(r#""k{i:04}": {i}"#)).collect();
            parts.push(format!(r#""k{:04}": 1"#, n - 1));
            parts.push(r#""z": 1e-400"#.to_string());
            parts.push(r#""k0000": 2"#.to_string());
            let text = format!("{{{}}}", parts.join(", "));
            let (value, found) = parse(&text, "").unwrap();
            let got: Vec<(String, &str)> = found
                .into_iter()
                .map(|f| (f.path, f.code.as_str()))
                .collect();
            assert_eq!(
                got,
                vec![
                    (format!("k{:04}", n - 1), "duplicate_key"),
                    ("z".to_string(), "too_many_decimals"),
                    ("k0000".to_string(), "duplicate_key"),
                ],
                "{n} keys"
            );
            let mut expected: serde_json::Value = serde_json::from_str(&text).unwrap();
            expected[format!("k{:04}", n - 1)] = serde_json::Value::Null;
            expected["k0000"] = serde_json::Value::Null;
            expected["z"] = serde_json::Value::Null;
            assert_eq!(value, Json::from(&expected), "{n} keys");
        }
    }

    #[test]
    fn issue9_item8_underflow_is_too_many_decimals() {
        assert_eq!(
            codes(r#"{"wage": 1e-400}"#),
            vec![("wage".to_string(), "too_many_decimals")]
        );
        assert_eq!(
            codes(r#"{"a": [0.1234567890123]}"#),
            vec![("a[0]".to_string(), "too_many_decimals")]
        );
        assert_eq!(
            codes(r#"{"a": 1e400}"#),
            vec![("a".to_string(), "out_of_range")]
        );
        // Zero written any way is zero, and ordinary numbers read as before.
        assert!(codes(r#"{"a": 0e-400, "b": 0.0, "c": 12.34, "d": -5, "e": 1.5e3}"#).is_empty());
    }

    #[test]
    fn issue9_item10_deep_nesting_is_a_problem_not_a_stack_overflow() {
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        assert_eq!(parse(&deep, "").unwrap_err().code, Code::TooDeep);
    }

    #[test]
    fn agrees_with_serde_json_on_plain_documents() {
        let text =
            r#"{"s": "a\"b\\c\u00e9\ud83d\ude00", "n": [1, -2, 3.5, true, false, null], "o": {}}"#;
        let (v, f) = parse(text, "").unwrap();
        assert!(f.is_empty());
        assert_eq!(
            v,
            Json::from(serde_json::from_str::<serde_json::Value>(text).unwrap())
        );
        assert!(parse("{\"a\":1,}", "").is_err());
        assert!(parse("[1 2]", "").is_err());
        assert!(parse("\u{feff}{}", "").is_ok());
    }
}
