//! The flat CSV layout for many households: one row per member, household fields repeated on
//! each member's row (or left empty after the first), rows of one household contiguous and
//! keyed by `id`. Headers may be English (the contract's field names) or Chinese; see
//! `docs/csv-layout.md`. A household whose cells all read without a problem fills a `Household`
//! directly (`fill.rs`, with the same cell-reading functions); any other is turned into the
//! contract's JSON and read by the same reader as single calls, so a CSV cell gets exactly the
//! same checks and problem codes; each problem path is then mapped back to its row and column.

mod cells;
mod fill;
mod text;

pub use cells::{split_cells, split_line, split_text, trimmed, Cells};
pub use fill::Field;
pub use text::TextSource;

use crate::json_value::{Json, JsonMap, JsonNumber};
use serde::Serialize;

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
    /// The household as contract JSON, for the path-collecting reader; `null` when the rows
    /// filled [`TableHousehold::household`] directly.
    pub value: Json,
    /// The household filled straight from its rows by the fast path (issue 8 item 1), when
    /// every cell read without a problem; `None` otherwise (then `value` holds it).
    pub household: Option<Box<crate::household::Household>>,
    /// The household's rows as read: where each field came from is worked out from them only
    /// when a problem needs a [`Location`] (most households have none).
    records: Vec<(usize, Record)>,
    columns: std::sync::Arc<[Option<&'static Column>]>,
    headers: std::sync::Arc<[String]>,
    pub conflicts: Vec<Conflict>,
    /// Physical lines the household spans (its rows).
    pub rows: usize,
    /// Problems of its rows found while reading (broken rows, rows not contiguous).
    pub faults: Vec<RowIssue>,
    /// Indexes of members whose row could not be read.
    pub broken: Vec<usize>,
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
    /// The header of column `c`.
    pub fn column_name(&self, c: u16) -> String {
        self.headers
            .get(usize::from(c))
            .cloned()
            .unwrap_or_default()
    }

    /// Where each field came from, as `(path key, line, column index)`: every member's row,
    /// each of its member cells, and the first cell that gave each household field.
    fn cells(&self) -> Vec<(CellKey, usize, u16)> {
        let mut cells = Vec::new();
        let mut seen: Vec<&'static str> = Vec::new();
        for (i, (line, rec)) in self.records.iter().enumerate() {
            let index = u32::try_from(i).unwrap_or(u32::MAX);
            cells.push((CellKey::MemberRow(index), *line, 0));
            // A broken row has no cells of its own (its problem says why).
            let Record::Cells(rec) = rec else {
                continue;
            };
            for (c, (col, cell)) in self.columns.iter().zip(rec.iter()).enumerate() {
                let (Some(col), cell) = (col, cell.trim()) else {
                    continue;
                };
                if cell.is_empty() {
                    continue;
                }
                let c = u16::try_from(c).unwrap_or(u16::MAX);
                if col.4 {
                    cells.push((CellKey::Member(index, col.2), *line, c));
                } else if !seen.contains(&col.2) {
                    seen.push(col.2);
                    cells.push((CellKey::Household(col.2), *line, c));
                }
            }
        }
        cells
    }

    /// The table cell a problem path points at (or the nearest enclosing one).
    pub fn locate(&self, path: &str) -> Option<Location> {
        let cells = self.cells();
        let mut p = path;
        loop {
            if let Some((_, line, col)) = cells.iter().find(|(k, _, _)| k.matches(p)) {
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

/// Physical lines of a byte source, split at LF, CRLF or a lone CR (old Mac files; a CR that a
/// text editor shows as a line break is one here too, so line numbers match what people see).
/// A UTF-8 BOM at the very start is dropped. Yields `(1-based line, bytes)`; a final line break
/// does not start another line.
pub struct PhysicalLines<R> {
    inner: R,
    /// The last chunk read (up to and without its `\n`); its pieces between bare CRs are handed
    /// out one by one. Reused from chunk to chunk: reading a line allocates nothing.
    chunk: Vec<u8>,
    /// Start of the next piece in `chunk`, and the end of the chunk's content; no piece is
    /// left when `at > end`.
    at: usize,
    end: usize,
    line: usize,
    bytes: u64,
    started: bool,
}

impl<R: std::io::BufRead> PhysicalLines<R> {
    pub fn new(inner: R) -> PhysicalLines<R> {
        PhysicalLines {
            inner,
            chunk: Vec::new(),
            at: 1,
            end: 0,
            line: 0,
            bytes: 0,
            started: false,
        }
    }

    /// Lines handed out so far.
    pub fn lines_read(&self) -> usize {
        self.line
    }

    /// Bytes of the source consumed so far.
    pub fn bytes_read(&self) -> u64 {
        self.bytes
    }

    /// The next line, numbered from 1, borrowed from a buffer that the next call reuses (JSON
    /// Lines are read this way, with no allocation per line; the iterator copies each line).
    pub fn next_line(&mut self) -> Option<std::io::Result<(usize, &[u8])>> {
        if self.at > self.end {
            self.chunk.clear();
            match self.inner.read_until(b'\n', &mut self.chunk) {
                Ok(0) => return None,
                Ok(n) => self.bytes += u64::try_from(n).unwrap_or(0),
                Err(e) => return Some(Err(e)),
            }
            let mut start = 0;
            if !std::mem::replace(&mut self.started, true)
                && self.chunk.starts_with(b"\xEF\xBB\xBF")
            {
                start = 3;
            }
            let mut end = self.chunk.len();
            let ended = self.chunk.last() == Some(&b'\n');
            if ended {
                end -= 1;
                if end > start && self.chunk.get(end - 1) == Some(&b'\r') {
                    end -= 1;
                }
            } else if end == start {
                // Only a BOM: no line at all.
                return None;
            } else if self.chunk.get(end - 1) == Some(&b'\r') {
                // "a\r" at the end of the file: the CR ends line "a", it starts no new line.
                end -= 1;
            }
            self.at = start;
            self.end = end;
        }
        let rest = self.chunk.get(self.at..self.end).unwrap_or(&[]);
        // Most lines have no bare CR: `contains` (a word-at-a-time memchr) says so faster than
        // looking for its position byte by byte.
        let len = if rest.contains(&b'\r') {
            rest.iter().position(|b| *b == b'\r').unwrap_or(rest.len())
        } else {
            rest.len()
        };
        let from = self.at;
        self.at += len + 1;
        self.line += 1;
        let piece = self.chunk.get(from..from + len).unwrap_or(&[]);
        Some(Ok((self.line, piece)))
    }
}

impl<R: std::io::BufRead> Iterator for PhysicalLines<R> {
    type Item = std::io::Result<(usize, Vec<u8>)>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_line()
            .map(|r| r.map(|(line, bytes)| (line, bytes.to_vec())))
    }
}

/// One line of a table as its source gives it: the bytes of a text line, or the cells of a
/// spreadsheet row (a cell may then hold a line break: it is one row all the same).
pub enum RawLine {
    Bytes(Vec<u8>),
    /// A line of a text already checked to be UTF-8 ([`TextSource`]).
    Text(String),
    Cells(Vec<String>),
}

/// Where a table's lines come from, numbered as the person sees them (a text file's lines, a
/// worksheet's row numbers).
pub trait LineSource: Iterator<Item = std::io::Result<(usize, RawLine)>> {
    /// Lines handed out so far.
    fn lines_read(&self) -> usize;
    /// Bytes of the source consumed so far (0 when not known).
    fn bytes_read(&self) -> u64;
}

/// A text file's lines (CSV).
pub struct TextLines<R>(pub PhysicalLines<R>);

impl<R: std::io::BufRead> Iterator for TextLines<R> {
    type Item = std::io::Result<(usize, RawLine)>;
    fn next(&mut self) -> Option<Self::Item> {
        self.0
            .next()
            .map(|r| r.map(|(n, bytes)| (n, RawLine::Bytes(bytes))))
    }
}

impl<R: std::io::BufRead> LineSource for TextLines<R> {
    fn lines_read(&self) -> usize {
        self.0.lines_read()
    }
    fn bytes_read(&self) -> u64 {
        self.0.bytes_read()
    }
}

/// A worksheet's rows, each with its row number in the sheet (XLSX).
pub struct SheetRows {
    rows: std::vec::IntoIter<(usize, Vec<String>)>,
    read: usize,
}

impl SheetRows {
    pub fn new(rows: Vec<(usize, Vec<String>)>) -> SheetRows {
        SheetRows {
            rows: rows.into_iter(),
            read: 0,
        }
    }
}

impl Iterator for SheetRows {
    type Item = std::io::Result<(usize, RawLine)>;
    fn next(&mut self) -> Option<Self::Item> {
        let (n, cells) = self.rows.next()?;
        self.read += 1;
        Some(Ok((n, RawLine::Cells(cells))))
    }
}

impl LineSource for SheetRows {
    fn lines_read(&self) -> usize {
        self.read
    }
    fn bytes_read(&self) -> u64 {
        0
    }
}

/// A line as a record: text is split into cells; a sheet row's cells are taken as they are
/// (empty cells past the header's width are dropped, missing ones are empty).
fn record_of(line: RawLine, width: Option<usize>) -> Record {
    match line {
        RawLine::Bytes(bytes) => split_line(bytes, width),
        RawLine::Text(text) => split_text(text, width),
        RawLine::Cells(mut cells) => {
            if cells.iter().all(|c| c.trim().is_empty()) {
                return Record::Blank;
            }
            let Some(w) = width else {
                while cells.last().is_some_and(|c| c.trim().is_empty()) {
                    cells.pop();
                }
                return Record::Cells(Cells::of(&cells));
            };
            if cells.iter().skip(w).any(|c| !c.trim().is_empty()) {
                return Record::Broken {
                    fault: RowFault {
                        code: crate::problem::Code::WrongCellCount,
                        column: None,
                        given: cells.len().to_string(),
                        expected: Some(w.to_string()),
                    },
                    cells: Cells::of(&cells),
                };
            }
            cells.resize(w, String::new());
            Record::Cells(Cells::of(&cells))
        }
    }
}

/// Why one physical row of a table could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowFault {
    pub code: crate::problem::Code,
    /// The column where reading broke down, when known.
    pub column: Option<usize>,
    pub given: String,
    pub expected: Option<String>,
}

/// One physical line of a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Record {
    /// Empty, only spaces, or only separators.
    Blank,
    Cells(Cells),
    /// Unreadable; `cells` holds the cells read before the fault (to find the row's id).
    Broken {
        cells: Cells,
        fault: RowFault,
    },
}

/// At most 200 characters of a value, for a message.
fn clip(s: &str) -> String {
    match s.char_indices().nth(200) {
        Some((i, _)) => format!("{}…", s.get(..i).unwrap_or("")),
        None => s.to_string(),
    }
}

/// A 64-bit fingerprint of a household id: the reader remembers ids by fingerprint only, so
/// memory grows by a few bytes per household (BENCHMARKS.md). Two ids sharing a fingerprint
/// (odds ~N²/2⁶⁵) would be reported as one split household: a false alarm, never a silent merge.
pub fn fingerprint(id: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    h.write(id.as_bytes());
    h.finish()
}

/// Hashes a fingerprint to itself (it is already a hash).
#[derive(Default, Clone, Copy)]
pub struct SelfHasher(u64);

impl std::hash::Hasher for SelfHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(*b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub type FingerprintSet = std::collections::HashSet<u64, std::hash::BuildHasherDefault<SelfHasher>>;

/// What a first pass over a table learns: which household ids come back after another
/// household (their rows are not contiguous), and on which lines each later run starts.
#[derive(Debug, Default)]
pub struct Layout {
    seen: FingerprintSet,
    /// Ids met in more than one run → the first lines of the runs after the first.
    split: std::collections::HashMap<u64, Vec<usize>>,
}

impl Layout {
    /// Reads the table once, keeping only id fingerprints. Header problems come back as they
    /// would from [`TableReader::new`].
    pub fn scan<R: std::io::BufRead>(source: R) -> Result<Layout, Vec<FileProblem>> {
        let mut reader = TableReader::new(source)?;
        let mut runs = Runs::default();
        let (id_column, width) = (reader.id_column, reader.headers.len());
        // Each line is looked at where it lies (no copy, no cells made): only its id cell
        // matters here.
        while let Some(Ok((line, bytes))) = reader.lines.0.next_line() {
            match std::str::from_utf8(bytes) {
                Ok(text) => runs.text_row(line, text, id_column, width),
                // Not UTF-8: a broken row, without an id.
                Err(_) => runs.row(line, None),
            }
        }
        Ok(runs.layout)
    }

    /// As [`Layout::scan`], for a whole text known to be UTF-8 (no line is copied or checked).
    pub fn scan_text(text: &str) -> Result<Layout, Vec<FileProblem>> {
        let mut reader = TableReader::from_source(TextSource::new(text))?;
        let mut runs = Runs::default();
        let (id_column, width) = (reader.id_column, reader.headers.len());
        while let Some((line, text)) = reader.lines.next_line() {
            runs.text_row(line, text, id_column, width);
        }
        Ok(runs.layout)
    }

    /// As [`Layout::scan`], from any line source.
    pub fn scan_source<S: LineSource>(source: S) -> Result<Layout, Vec<FileProblem>> {
        let mut reader = TableReader::from_source(source)?;
        let mut runs = Runs::default();
        while let Some((line, record)) = reader.next_record() {
            runs.row(line, id_cell(reader.id_column, &record));
        }
        Ok(runs.layout)
    }

    /// Bytes held for the fingerprints: the set's buckets (a power of two, at most 7/8 full)
    /// of 8 bytes each, plus one control byte per bucket and a group's worth more.
    pub fn bytes(&self) -> usize {
        let cap = self.seen.capacity();
        let buckets = if cap < 8 {
            cap.next_power_of_two().max(4)
        } else {
            (cap * 8 / 7).next_power_of_two()
        };
        buckets * (std::mem::size_of::<u64>() + 1) + 16
    }

    /// Household ids remembered.
    pub fn households(&self) -> usize {
        self.seen.len()
    }
}

/// The runs of a first pass: a run is the rows of one id in a row (what `TableReader` makes one
/// household of); a row without an id stands alone and ends the run. Only a new run's id is
/// copied and fingerprinted.
#[derive(Default)]
struct Runs {
    layout: Layout,
    run: Option<String>,
    last: Option<u64>,
}

impl Runs {
    /// A line of text: a line without quotes has its id cell between two commas; a line with a
    /// quote is split as the reader splits it.
    fn text_row(&mut self, line: usize, text: &str, id_column: Option<usize>, width: usize) {
        // Most rows: an id cell that is not blank, with no quote up to its end. Such a row is
        // not blank and its id is that cell whatever follows (cells are read in order, and a
        // row broken further on keeps the cells before the fault), so the rest is not read.
        if let Some(i) = id_column {
            let (mut end, mut id) = (0, None);
            for (k, cell) in text.split(',').enumerate().take(i + 1) {
                end += cell.len() + usize::from(k > 0);
                if k == i {
                    id = Some(trimmed(cell));
                }
            }
            if let Some(id) = id.filter(|id| !id.is_empty()) {
                if !text.get(..end).unwrap_or("\"").contains('"') {
                    self.row(line, Some(id));
                    return;
                }
            }
        }
        if text.contains('"') {
            let record = split_text(text.to_string(), Some(width));
            if record != Record::Blank {
                self.row(line, id_cell(id_column, &record));
            }
            return;
        }
        // Blank: every cell empty or spaces (as `Cells::blank` after splitting).
        if text.chars().all(|c| c == ',' || c.is_whitespace()) {
            return;
        }
        let id = id_column
            .and_then(|i| text.split(',').nth(i))
            .map(trimmed)
            .filter(|v| !v.is_empty());
        self.row(line, id);
    }

    /// The next row that is not blank, with its id.
    fn row(&mut self, line: usize, id: Option<&str>) {
        match id {
            None => {
                self.run = None;
                self.last = None;
            }
            Some(id) if self.run.as_deref() == Some(id) => {}
            Some(id) => {
                let f = fingerprint(id);
                if self.last != Some(f) && !self.layout.seen.insert(f) {
                    self.layout.split.entry(f).or_default().push(line);
                }
                self.last = Some(f);
                self.run = Some(id.to_string());
            }
        }
    }
}

/// Reads households from CSV, one at a time, from any byte source (memory stays flat in the
/// number of rows; with a [`Layout`], a few bytes per household).
pub struct TableReader<S> {
    lines: S,
    columns: std::sync::Arc<[Option<&'static Column>]>,
    /// The field each column fills (the fast path's dispatch, found once per file).
    fields: Vec<Option<Field>>,
    headers: std::sync::Arc<[String]>,
    id_column: Option<usize>,
    /// The first line of the next run, read ahead.
    pending: Option<(usize, Record)>,
    layout: Option<Layout>,
    /// First line of the first run of each split id, met so far.
    split_first: std::collections::HashMap<u64, usize>,
    header_lines: usize,
    blank: usize,
    io_error: Option<String>,
}

/// What the reader yields: a household, or a row that could not be read at all.
pub enum TableItem {
    Household(TableHousehold),
    /// A row that belongs to no household: its id is blank, or it broke before the id cell.
    BadRow {
        line: usize,
        problem: crate::problem::Finding,
    },
}

/// Rows of one household as read (before building), or a row belonging to no household.
enum Run {
    Household {
        id: String,
        line: usize,
        rows: Vec<(usize, Record)>,
    },
    Lone {
        line: usize,
        record: Record,
    },
}

pub fn header_row_problems(headers: &[String]) -> Vec<FileProblem> {
    let mut out = Vec::new();
    for h in headers.iter() {
        if find_column(h).is_none() {
            out.push(FileProblem {
                code: "unknown_column",
                message: format!("unknown column \"{}\" / 未知列“{}”", clip(h), clip(h)),
                given: Some(clip(h)),
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

impl<R: std::io::BufRead> TableReader<TextLines<R>> {
    /// A CSV text: see [`TableReader::from_source`].
    pub fn new(source: R) -> Result<TableReader<TextLines<R>>, Vec<FileProblem>> {
        TableReader::from_source(TextLines(PhysicalLines::new(source)))
    }
}

impl<S: LineSource> TableReader<S> {
    /// Reads and checks the header (the first line that is not blank); file-level problems
    /// stop everything before any row is read.
    pub fn from_source(source: S) -> Result<TableReader<S>, Vec<FileProblem>> {
        let file_problem = |code: &'static str, message: String| {
            vec![FileProblem {
                code,
                message,
                given: None,
            }]
        };
        let mut lines = source;
        let mut blank = 0;
        let headers = loop {
            match lines.next() {
                None => {
                    return Err(file_problem(
                        "malformed_csv",
                        "the file has no header row / 文件没有表头行".into(),
                    ))
                }
                Some(Err(e)) => return Err(file_problem("malformed_csv", e.to_string())),
                Some(Ok((line, raw))) => match record_of(raw, None) {
                    Record::Blank => blank += 1,
                    Record::Cells(cells) => break cells.to_strings(),
                    Record::Broken { fault, .. } if fault.code == crate::problem::Code::InvalidUtf8 => {
                        return Err(file_problem(
                            "not_utf8",
                            "the file is not UTF-8 text: its header cannot be read / 文件不是UTF-8文本，无法读取表头".into(),
                        ))
                    }
                    Record::Broken { fault, .. } => {
                        return Err(file_problem(
                            "malformed_csv",
                            format!(
                                "line {line}, the header: {} {} / 第{line}行（表头）无法读取",
                                fault.code.as_str(),
                                fault.given
                            ),
                        ))
                    }
                },
            }
        };
        let problems = header_row_problems(&headers);
        if !problems.is_empty() {
            return Err(problems);
        }
        let columns: std::sync::Arc<[Option<&'static Column>]> =
            headers.iter().map(|h| find_column(h)).collect();
        Ok(TableReader {
            fields: columns.iter().map(|c| c.and_then(Field::of)).collect(),
            id_column: columns.iter().position(|c| c.is_some_and(|c| c.0 == "id")),
            columns,
            headers: headers
                .iter()
                .map(|h| h.trim_start_matches('\u{feff}').trim().to_string())
                .collect(),
            header_lines: lines.lines_read() - blank,
            lines,
            pending: None,
            layout: None,
            split_first: std::collections::HashMap::new(),
            blank,
            io_error: None,
        })
    }

    /// With what a first pass learnt (see [`Layout::scan`]): households whose rows are not
    /// contiguous are reported, never assessed in pieces.
    pub fn with_layout(mut self, layout: Layout) -> TableReader<S> {
        self.layout = Some(layout);
        self
    }

    /// Bytes of the source consumed so far (for progress over a file).
    pub fn bytes_read(&self) -> u64 {
        self.lines.bytes_read()
    }

    /// Line accounting so far: `(lines read, header lines, blank lines)`. Every other line read
    /// belongs to a household or a bad row the reader has handed out (or holds read ahead).
    pub fn lines(&self) -> (usize, usize, usize) {
        (self.lines.lines_read(), self.header_lines, self.blank)
    }

    /// An I/O error that ended the reading early, if any.
    pub fn io_error(&self) -> Option<&str> {
        self.io_error.as_deref()
    }

    fn next_record(&mut self) -> Option<(usize, Record)> {
        if let Some(p) = self.pending.take() {
            return Some(p);
        }
        loop {
            match self.lines.next()? {
                Err(e) => {
                    self.io_error = Some(e.to_string());
                    return None;
                }
                Ok((line, raw)) => match record_of(raw, Some(self.headers.len())) {
                    Record::Blank => self.blank += 1,
                    record => return Some((line, record)),
                },
            }
        }
    }

    fn next_run(&mut self) -> Option<Run> {
        let (line, first) = self.next_record()?;
        let Some(id) = id_cell(self.id_column, &first).map(str::to_string) else {
            return Some(Run::Lone {
                line,
                record: first,
            });
        };
        let mut rows = vec![(line, first)];
        while let Some((l, rec)) = self.next_record() {
            if id_cell(self.id_column, &rec) == Some(id.as_str()) {
                rows.push((l, rec));
            } else {
                self.pending = Some((l, rec));
                break;
            }
        }
        Some(Run::Household { id, line, rows })
    }
}

/// The id of a row, trimmed: `None` when blank or not readable.
fn id_cell(id_column: Option<usize>, record: &Record) -> Option<&str> {
    let cells = match record {
        Record::Cells(c) | Record::Broken { cells: c, .. } => c,
        Record::Blank => return None,
    };
    cells.get(id_column?).map(trimmed).filter(|v| !v.is_empty())
}

impl<S: LineSource> Iterator for TableReader<S> {
    type Item = TableItem;

    fn next(&mut self) -> Option<TableItem> {
        use crate::problem::{Code, Finding};
        match self.next_run()? {
            Run::Lone { line, record } => {
                let problem = match record {
                    Record::Broken { fault, .. } => {
                        // The best path there is: the column where reading broke down.
                        let path = fault
                            .column
                            .and_then(|c| self.columns.get(c).copied().flatten())
                            .map(|c| c.2.to_string())
                            .unwrap_or_default();
                        let mut f = Finding::new(path, fault.code).given(fault.given);
                        f.expected = fault.expected;
                        f
                    }
                    _ => Finding::new("id", Code::MissingField),
                };
                Some(TableItem::BadRow { line, problem })
            }
            Run::Household { id, line, rows } => {
                // Most files have no split household: then no id needs a fingerprint here.
                let split = self
                    .layout
                    .as_ref()
                    .filter(|l| !l.split.is_empty())
                    .and_then(|l| {
                        let f = fingerprint(&id);
                        l.split.get(&f).map(|later| (f, later))
                    });
                let mut faults = Vec::new();
                if let Some((f, later)) = split {
                    let first = *self.split_first.entry(f).or_insert(line);
                    let mut places = vec![first];
                    places.extend(later.iter().copied());
                    let places: Vec<String> = places.iter().map(usize::to_string).collect();
                    let id_col = self
                        .id_column
                        .and_then(|c| u16::try_from(c).ok())
                        .unwrap_or(0);
                    for (l, _) in &rows {
                        faults.push(RowIssue {
                            line: *l,
                            column: id_col,
                            finding: Finding::new("id", Code::HouseholdRowsNotContiguous)
                                .given(clip(&id))
                                .expected(places.join(", ")),
                        });
                    }
                }
                let mut broken = Vec::new();
                for (k, (l, record)) in rows.iter().enumerate() {
                    let Record::Broken { fault, .. } = record else {
                        continue;
                    };
                    let col = fault
                        .column
                        .and_then(|c| self.columns.get(c).copied().flatten());
                    let path = match col {
                        Some(c) if c.4 => format!("members[{k}].{}", c.2),
                        Some(c) => c.2.to_string(),
                        None => format!("members[{k}]"),
                    };
                    broken.push(k);
                    let mut finding = Finding::new(path, fault.code).given(fault.given.clone());
                    finding.expected = fault.expected.clone();
                    faults.push(RowIssue {
                        line: *l,
                        column: fault
                            .column
                            .and_then(|c| u16::try_from(c).ok())
                            .unwrap_or(u16::MAX),
                        finding,
                    });
                }
                // Rows that fill a household directly need no JSON tree (issue 8 item 1).
                let typed = match split {
                    None => fill::fill(&self.columns, &self.fields, &rows).map(Box::new),
                    Some(_) => None,
                };
                let mut household = build(&self.columns, &self.headers, rows, typed.is_none());
                household.household = typed;
                // Known from the rows even when none could be built (all broken).
                household.id = Some(id);
                household.faults = faults;
                household.broken = broken;
                Some(TableItem::Household(household))
            }
        }
    }
}

/// A problem of one physical row of a household (a broken row, a split household), found by
/// the reader rather than by the household reader.
#[derive(Debug, Clone)]
pub struct RowIssue {
    pub line: usize,
    /// Column index (`u16::MAX`: none).
    pub column: u16,
    pub finding: crate::problem::Finding,
}

/// A household field given differently on two of its rows.
#[derive(Debug, Clone, Serialize)]
pub struct Conflict {
    pub location: Location,
    pub first: String,
    pub other: String,
}

fn build(
    columns: &std::sync::Arc<[Option<&'static Column>]>,
    headers: &std::sync::Arc<[String]>,
    rows: Vec<(usize, Record)>,
    with_value: bool,
) -> TableHousehold {
    let mut household = Json::Null;
    let mut conflicts = Vec::new();
    // A household its rows filled directly has no conflict (the fast path gives up on one)
    // and needs no JSON tree: only the slow path builds one.
    if with_value {
        let mut root = Json::Object(JsonMap::new());
        let mut members = Vec::with_capacity(rows.len());
        let mut seen: Vec<(&'static str, &str)> = Vec::new();
        for (line, rec) in &rows {
            let mut member = Json::Object(JsonMap::new());
            // A broken row still takes its member's place, so later members keep their
            // index; its problem says why it is empty.
            if let Record::Cells(rec) = rec {
                for (c, (col, cell)) in columns.iter().zip(rec.iter()).enumerate() {
                    let (Some(col), cell) = (col, cell.trim()) else {
                        continue;
                    };
                    if cell.is_empty() {
                        continue;
                    }
                    if col.4 {
                        set(&mut member, col.2, cell_value(col, cell));
                        continue;
                    }
                    match seen.iter().find(|(k, _)| *k == col.2) {
                        None => {
                            seen.push((col.2, cell));
                            set(&mut root, col.2, cell_value(col, cell));
                        }
                        Some((_, first)) if *first != cell => conflicts.push(Conflict {
                            location: Location {
                                path: col.2.to_string(),
                                line: *line,
                                column: headers.get(c).cloned().unwrap_or_default(),
                            },
                            first: first.to_string(),
                            other: cell.to_string(),
                        }),
                        Some(_) => {}
                    }
                }
            }
            members.push(member);
        }
        if let Json::Object(m) = &mut root {
            m.insert("members".into(), Json::Array(members));
        }
        household = root;
    }
    let id = household
        .get("id")
        .and_then(Json::as_str)
        .map(str::to_string);
    TableHousehold {
        line: rows.first().map(|r| r.0).unwrap_or(0),
        id,
        value: household,
        household: None,
        rows: rows.len(),
        records: rows,
        columns: columns.clone(),
        headers: headers.clone(),
        conflicts,
        faults: Vec::new(),
        broken: Vec::new(),
    }
}

/// Sets a dotted path, creating objects on the way.
fn set(root: &mut Json, path: &str, value: Json) {
    let mut cur = root;
    let mut parts = path.split('.').peekable();
    while let Some(part) = parts.next() {
        let Json::Object(map) = cur else { return };
        if parts.peek().is_none() {
            map.insert(part.to_string(), value);
            return;
        }
        let Some(next) = map.get_or_insert_with(part, || Json::Object(JsonMap::new())) else {
            return;
        };
        cur = next;
    }
}

fn cell_value(col: &Column, cell: &str) -> Json {
    match col.3 {
        Kind::Text => {
            // Every alias is Chinese text: an ASCII cell (most cells) has none to look up.
            let alias = if cell.is_ascii() {
                None
            } else {
                VALUE_ALIASES
                    .iter()
                    .find(|(c, zh, _)| *c == col.0 && *zh == cell)
                    .map(|(_, _, code)| *code)
            };
            let text = alias.unwrap_or(cell);
            if col.0 == "medicalInsurance" && text.contains([';', '；']) {
                return Json::Array(
                    text.split([';', '；'])
                        .map(|t| Json::String(alias_of(col.0, t.trim()).to_string()))
                        .collect(),
                );
            }
            Json::String(text.to_string())
        }
        Kind::Number => cell
            .parse::<serde_json::Number>()
            .map(|n| Json::Number(JsonNumber::from(&n)))
            .unwrap_or_else(|_| Json::String(cell.to_string())),
        Kind::Bool => match bool_cell(cell) {
            Some(b) => Json::Bool(b),
            None => Json::String(cell.to_string()),
        },
        Kind::List => Json::Array(
            cell.split([';', '；', ','])
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(|t| Json::String(t.to_string()))
                .collect(),
        ),
    }
}

/// The yes/no spellings a boolean cell may use; anything else is text (a wrong type).
fn bool_cell(cell: &str) -> Option<bool> {
    match cell {
        "true" | "TRUE" | "True" | "1" | "是" | "yes" | "Yes" | "Y" | "y" => Some(true),
        "false" | "FALSE" | "False" | "0" | "否" | "no" | "No" | "N" | "n" => Some(false),
        _ => None,
    }
}

fn alias_of<'a>(column: &str, cell: &'a str) -> &'a str {
    VALUE_ALIASES
        .iter()
        .find(|(c, zh, _)| *c == column && *zh == cell)
        .map(|(_, _, code)| *code)
        .unwrap_or(cell)
}

/// One cell of a CSV file this project writes. A cell starting with `=`, `+`, `-`, `@`, a tab
/// or a CR would be run as a formula by a spreadsheet (OWASP "CSV Injection"): it is prefixed
/// with a single quote and quoted. A plain number (`-12.5`) is left as it is: a spreadsheet reads
/// it as a number, not a formula. A cell holding a quote, comma, CR or LF is quoted (so a CR or
/// LF can never start a row of its own), inner quotes doubled.
pub fn csv_cell(s: &str) -> String {
    let number = is_plain_number(s);
    let formula = !number && s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if formula {
        return format!("\"'{}\"", s.replace('"', "\"\""));
    }
    if s.contains([',', '"', '\n', '\r']) {
        return format!("\"{}\"", s.replace('"', "\"\""));
    }
    s.to_string()
}

/// `12`, `-12.5`: digits, at most one point with digits on both sides, an optional minus.
fn is_plain_number(s: &str) -> bool {
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let n = s.strip_prefix('-').unwrap_or(s);
    match n.split_once('.') {
        Some((int, frac)) => digits(int) && digits(frac),
        None => digits(n),
    }
}

/// The header row of the layout, English or Chinese, for a template file.
pub fn template_header(chinese: bool) -> String {
    COLUMNS
        .iter()
        .map(|c| if chinese { c.1 } else { c.0 })
        .collect::<Vec<_>>()
        .join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8]) -> Vec<(usize, String)> {
        PhysicalLines::new(input)
            .map(|l| {
                let (n, b) = l.unwrap();
                (n, String::from_utf8(b).unwrap())
            })
            .collect()
    }

    #[test]
    fn issue9_item4_line_numbers_count_lf_crlf_and_a_bare_cr() {
        let got = lines(b"\xEF\xBB\xBFa,b\r\n1,2\r3,4\n\n5,6\r");
        let want = [(1, "a,b"), (2, "1,2"), (3, "3,4"), (4, ""), (5, "5,6")];
        assert_eq!(
            got,
            want.iter()
                .map(|(n, s)| (*n, s.to_string()))
                .collect::<Vec<_>>()
        );
        assert_eq!(lines(b"x\r\r\ny").len(), 3, "CR then CRLF: two line ends");
        assert!(lines(b"").is_empty());
        assert!(lines(b"\xEF\xBB\xBF").is_empty());
    }

    #[test]
    fn issue9_item2_the_id_fingerprints_take_10_to_21_bytes_per_household() {
        // BENCHMARKS.md quotes these figures: 8 bytes of fingerprint + 1 control byte per
        // bucket, buckets a power of two at most 7/8 full.
        for n in [1_000usize, 100_000] {
            let mut text = String::from("id,province,relation,sex,birthDate\n");
            for i in 0..n {
                text.push_str(&format!("H{i},CN-YN,head,male,1980-01-01\n"));
            }
            let layout = Layout::scan(text.as_bytes()).unwrap();
            assert_eq!(layout.households(), n);
            let per = layout.bytes() as f64 / n as f64;
            assert!(
                (9.0..=21.0).contains(&per),
                "{n} households: {per} bytes each"
            );
            assert!(layout.split.is_empty());
        }
    }

    #[test]
    fn issue9_item2_the_text_scan_finds_the_same_split_households_as_the_reader() {
        // `Layout::scan` looks at a text line's id cell where it lies; `scan_source` splits
        // every row as the reader does. Both must find the same runs: blank lines (also of
        // ideographic spaces) do not end a run, a row without an id or not UTF-8 does, quoted
        // ids are unquoted, a row with the wrong number of cells keeps its id.
        let text: &[u8] = b"id,province,relation,sex,birthDate\n\
            A,CN-YN,head,male,1980-01-01\n\
            ,,,,\n\
            \xe3\x80\x80, ,,,\n\
            A,CN-YN,spouse,female,1980-01-01\n\
            B,CN-YN,head,male,1980-01-01\n\
            \"A\",CN-YN,child,male,2010-01-01\n\
            C,CN-YN,head\n\
            \xff,CN-YN,head,male,1980-01-01\n\
            C,CN-YN,head,male,1980-01-01\n\
            ,CN-YN,head,male,1980-01-01\n\
            D,\"x\"y,head,male,1980-01-01\n\
            D,CN-YN,head,male,1980-01-01\n\
            ,\"\",\" \",,\n\
            D,CN-YN,\"unterminated\n\
            B,CN-YN,child,male,2010-01-01\n";
        let fast = Layout::scan(text).unwrap();
        let slow = Layout::scan_source(TextLines(PhysicalLines::new(text))).unwrap();
        // A text known to be UTF-8: the same runs (the line that is not UTF-8 replaced by one
        // that is broken another way, a quote that does not close).
        let valid = String::from_utf8_lossy(text).replace('\u{fffd}', "\"");
        let whole = Layout::scan_text(&valid).unwrap();
        let mut c: Vec<_> = whole.split.values().cloned().collect();
        c.sort();
        assert_eq!(c, vec![vec![7], vec![10], vec![16]]);
        assert_eq!(whole.households(), 4);
        assert_eq!(fast.households(), slow.households());
        assert_eq!(fast.households(), 4);
        let mut a: Vec<_> = fast.split.values().cloned().collect();
        let mut b: Vec<_> = slow.split.values().cloned().collect();
        a.sort();
        b.sort();
        assert_eq!(a, b);
        // A again on line 7, C again on line 10 (after a row that is not UTF-8), B on line 16
        // (a row of quoted blanks is blank; D's unterminated row still belongs to D).
        assert_eq!(a, vec![vec![7], vec![10], vec![16]]);
    }

    #[test]
    fn issue9_item1_a_quote_must_close_on_its_own_line() {
        assert_eq!(
            split_cells(b"A,\"Zhang,x", None),
            Record::Broken {
                cells: Cells::of(&["A"]),
                fault: RowFault {
                    code: crate::problem::Code::UnterminatedQuote,
                    column: Some(1),
                    given: "\"Zhang,x".into(),
                    expected: None
                }
            }
        );
        assert_eq!(
            split_cells(b"A,\"a \"\"b\"\", c\",", None),
            Record::Cells(Cells::of(&["A", "a \"b\", c", ""]))
        );
        assert_eq!(split_cells(b" , ,", None), Record::Blank);
        assert!(matches!(
            split_cells(b"a,b", Some(3)),
            Record::Broken { .. }
        ));
    }

    #[test]
    fn every_value_alias_is_chinese_so_ascii_cells_skip_the_lookup() {
        assert!(VALUE_ALIASES.iter().all(|(_, zh, _)| !zh.is_ascii()));
    }

    #[test]
    fn problems_point_at_their_line_and_column_in_crlf_files() {
        let text = "id,province,relation,sex,birthDate\r\nA,CN-YN,head,male,1980-01-01\r\nA,CN-YN,spouse,female,1980-02-30\r\n";
        let mut reader = TableReader::new(text.as_bytes()).unwrap();
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
