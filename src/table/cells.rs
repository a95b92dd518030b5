//! The cells of one table row, held as one text and the cells' ends in it (issue 8, the CSV
//! path): a `String` per cell was a quarter of reading a CSV file in wasm (an allocation and a
//! free for each of ~60 cells of every row). A line without a quote keeps its own bytes as the
//! text, so splitting it allocates only the list of ends.

use super::{clip, Record, RowFault};
use crate::problem::Code;

/// The cells of a row: `text` is the cells joined by commas (a quoted cell unescaped, so it
/// may hold a comma of its own), `ends[i]` where cell `i` ends; cell `i` starts one past the end
/// of cell `i - 1` (at 0 for the first).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cells {
    text: String,
    ends: Vec<usize>,
}

impl Cells {
    /// Cells given one by one (a spreadsheet row, a test).
    pub fn of<S: AsRef<str>>(cells: &[S]) -> Cells {
        let mut out = Cells::default();
        for c in cells {
            out.push(c.as_ref());
        }
        out
    }

    fn push(&mut self, cell: &str) {
        self.open();
        self.text.push_str(cell);
        self.close();
    }

    /// Starts a cell in `text` (after the comma that ends the one before).
    fn open(&mut self) {
        if !self.ends.is_empty() {
            self.text.push(',');
        }
    }

    /// Ends the cell being written in `text` (quoted cells are unescaped into it).
    fn close(&mut self) {
        self.ends.push(self.text.len());
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Cell `i`, as it was given (not trimmed).
    pub fn get(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)?;
        let start = match i.checked_sub(1) {
            Some(j) => *self.ends.get(j)? + 1,
            None => 0,
        };
        self.text.get(start..end)
    }

    /// Whether cells `from..to` of both rows are the same: the same text from the first to the
    /// last, cut at the same places (one comparison of the whole stretch instead of one per cell).
    pub fn same(&self, other: &Cells, from: usize, to: usize) -> bool {
        let (Some(a), Some(b)) = (self.span(from, to), other.span(from, to)) else {
            return false;
        };
        if a != b {
            return false;
        }
        let (Some(x), Some(y)) = (self.ends.get(from..to), other.ends.get(from..to)) else {
            return false;
        };
        let (x0, y0) = (self.start(from), other.start(from));
        x.iter().zip(y).all(|(p, q)| p - x0 == q - y0)
    }

    /// Where cell `i` starts in `text`.
    fn start(&self, i: usize) -> usize {
        match i.checked_sub(1) {
            Some(j) => self.ends.get(j).map_or(0, |e| e + 1),
            None => 0,
        }
    }

    /// The text of cells `from..to` as one piece, with the commas between them.
    pub fn span(&self, from: usize, to: usize) -> Option<&str> {
        let end = *self.ends.get(to.checked_sub(1)?)?;
        let start = match from.checked_sub(1) {
            Some(j) => *self.ends.get(j)? + 1,
            None => 0,
        };
        self.text.get(start..end.max(start))
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len()).map(|i| self.get(i).unwrap_or(""))
    }

    /// Whether every cell is empty or spaces (a blank row).
    fn blank(&self) -> bool {
        self.iter().all(|c| c.trim().is_empty())
    }

    /// The cells as separate strings (the header row).
    pub fn to_strings(&self) -> Vec<String> {
        self.iter().map(str::to_string).collect()
    }
}

/// `cell.trim()`, answered without looking at the characters when the cell starts and ends
/// with an ASCII character that is not a space (most cells): trimming every cell of every row
/// was a few percent of reading a CSV file.
pub fn trimmed(cell: &str) -> &str {
    // The ASCII characters `char::is_whitespace` knows: tab, LF, vertical tab, form feed, CR,
    // space. A non-ASCII byte may start or end a Unicode space: then `trim` decides.
    let plain = |b: &u8| b.is_ascii() && !matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ');
    match (cell.as_bytes().first(), cell.as_bytes().last()) {
        (Some(a), Some(z)) if plain(a) && plain(z) => cell,
        _ => cell.trim(),
    }
}

/// Splits one line into cells (RFC 4180 quoting, but a quoted cell must close on its line: a
/// quote that does not is reported on that line instead of swallowing the rest of the file).
pub fn split_cells(line: &[u8], width: Option<usize>) -> Record {
    split_line(line.to_vec(), width)
}

/// As [`split_cells`], taking the line's bytes (kept as the cells' text when the line has no
/// quote, the common case).
pub fn split_line(line: Vec<u8>, width: Option<usize>) -> Record {
    match String::from_utf8(line) {
        Ok(text) => split_text(text, width),
        Err(_) => Record::Broken {
            cells: Cells::default(),
            fault: RowFault {
                code: Code::InvalidUtf8,
                column: None,
                given: String::new(),
                expected: None,
            },
        },
    }
}

/// As [`split_line`], for a line already known to be text.
pub fn split_text(text: String, width: Option<usize>) -> Record {
    // One pass: the commas, unless a quote turns up (then the line is read character by
    // character).
    let mut ends: Vec<usize> = Vec::with_capacity(width.unwrap_or(8));
    let mut quoted = false;
    for (i, b) in text.bytes().enumerate() {
        if b == b',' {
            ends.push(i);
        } else if b == b'"' {
            quoted = true;
            break;
        }
    }
    let cells = if quoted {
        match split_quoted(&text) {
            Ok(cells) => cells,
            Err(broken) => return broken,
        }
    } else {
        // No quote: the cells are the text between commas, as they are.
        ends.push(text.len());
        Cells { text, ends }
    };
    if cells.blank() {
        return Record::Blank;
    }
    match width {
        Some(w) if w != cells.len() => Record::Broken {
            fault: RowFault {
                code: Code::WrongCellCount,
                column: None,
                given: cells.len().to_string(),
                expected: Some(w.to_string()),
            },
            cells,
        },
        _ => Record::Cells(cells),
    }
}

/// A line with quotes, character by character; a row that breaks comes back as the broken
/// record (with the cells read before the fault, to find its id).
fn split_quoted(text: &str) -> Result<Cells, Record> {
    let mut cells = Cells {
        text: String::with_capacity(text.len()),
        ends: Vec::new(),
    };
    let mut chars = text.chars().peekable();
    loop {
        let before = cells.text.len();
        cells.open();
        let start = cells.text.len();
        if chars.peek() == Some(&'"') {
            chars.next();
            let mut closed = false;
            while let Some(c) = chars.next() {
                if c == '"' {
                    if chars.peek() == Some(&'"') {
                        chars.next();
                        cells.text.push('"');
                    } else {
                        closed = true;
                        break;
                    }
                } else {
                    cells.text.push(c);
                }
            }
            let column = cells.len();
            let cell = cells.text.get(start..).unwrap_or("").to_string();
            if !closed {
                cells.text.truncate(before);
                return Err(Record::Broken {
                    cells,
                    fault: RowFault {
                        code: Code::UnterminatedQuote,
                        column: Some(column),
                        given: clip(&format!("\"{cell}")),
                        expected: None,
                    },
                });
            }
            match chars.next() {
                None => {
                    cells.close();
                    break;
                }
                Some(',') => cells.close(),
                Some(c) => {
                    // `"abc"def`: text after the closing quote; never glued on silently.
                    let rest: String = std::iter::once(c).chain(chars.by_ref()).collect();
                    cells.text.truncate(before);
                    return Err(Record::Broken {
                        cells,
                        fault: RowFault {
                            code: Code::TextAfterQuote,
                            column: Some(column),
                            given: clip(&format!("\"{cell}\"{rest}")),
                            expected: None,
                        },
                    });
                }
            }
        } else {
            let mut end = true;
            for c in chars.by_ref() {
                if c == ',' {
                    end = false;
                    break;
                }
                cells.text.push(c);
            }
            cells.close();
            if end {
                break;
            }
        }
    }
    Ok(cells)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue8_cells_of_a_line_without_quotes_are_the_text_between_commas() {
        let Record::Cells(c) = split_cells("a, b ,,中文,".as_bytes(), None) else {
            panic!("not cells")
        };
        assert_eq!(c.to_strings(), ["a", " b ", "", "中文", ""]);
        assert_eq!(c, Cells::of(&["a", " b ", "", "中文", ""]));
        assert_eq!(c.get(5), None);
        assert_eq!(split_cells(b"", None), Record::Blank);
        assert_eq!(split_cells(b" ,\t,", None), Record::Blank);
    }

    #[test]
    fn issue8_a_span_is_its_cells_joined() {
        let Record::Cells(c) = split_cells(b"a,\"b,c\",,d", None) else {
            panic!("not cells")
        };
        assert_eq!(c.span(0, 4), Some("a,b,c,,d"));
        assert_eq!(c.span(1, 3), Some("b,c,"));
        assert_eq!(c.span(2, 3), Some(""));
        assert_eq!(c.span(3, 4), Some("d"));
        assert_eq!(c.span(0, 5), None);
        // The same text is not always the same cells: "b,c" quoted is one cell, unquoted two.
        let Record::Cells(d) = split_cells(b"a,b,\"c,\",d", None) else {
            panic!("not cells")
        };
        assert_eq!(d.span(1, 3), c.span(1, 3));
        assert!(!c.same(&d, 1, 3), "cut at other places");
        assert!(c.same(&c.clone(), 0, 4));
        assert!(c.same(&d, 0, 1) && c.same(&d, 3, 4));
        assert!(!c.same(&d, 0, 2));
    }

    #[test]
    fn issue8_trimmed_is_trim() {
        for c in [
            "",
            " ",
            "a",
            " a",
            "a ",
            "\u{b}a",
            "a\u{b}",
            "\u{3000}张三\u{3000}",
            "张三",
            "\u{85}x",
            "x\u{a0}",
            "\t1\r",
            "a b",
            "\u{feff}a",
        ] {
            assert_eq!(trimmed(c), c.trim(), "{c:?}");
        }
    }

    #[test]
    fn issue8_quoted_and_unquoted_lines_split_alike() {
        // The same cells with and without quotes give the same record.
        for (plain, quoted) in [
            ("a,b,c", "\"a\",b,\"c\""),
            ("x,,y", "x,\"\",\"y\""),
            ("1,2", "\"1\",\"2\""),
        ] {
            assert_eq!(
                split_cells(plain.as_bytes(), Some(plain.split(',').count())),
                split_cells(quoted.as_bytes(), Some(plain.split(',').count())),
                "{plain} / {quoted}"
            );
        }
        let Record::Cells(c) = split_cells(b"\"a,\"\"b\"\"\",c\"d,", None) else {
            panic!("not cells")
        };
        assert_eq!(c.to_strings(), ["a,\"b\"", "c\"d", ""]);
    }

    #[test]
    fn issue9_item1_a_broken_quoted_row_keeps_the_cells_before_the_fault() {
        let Record::Broken { cells, fault } = split_cells(b"H1,\"x\"y,z", None) else {
            panic!("not broken")
        };
        assert_eq!(cells.to_strings(), ["H1"]);
        assert_eq!((fault.code, fault.column), (Code::TextAfterQuote, Some(1)));
        assert_eq!(fault.given, "\"x\"y,z");
        let Record::Broken { fault, .. } = split_cells(b"\xff,a", None) else {
            panic!("not broken")
        };
        assert_eq!(fault.code, Code::InvalidUtf8);
    }
}
