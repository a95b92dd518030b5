//! A whole file already known to be UTF-8 (the batch page's `BatchJob` holds the file's bytes
//! and checks them once), read line by line where it lies (issue 8, the wasm batch): no line is
//! copied into a buffer first and none is checked for UTF-8 again, which `PhysicalLines`
//! must do for a stream. The lines are exactly `PhysicalLines`' lines (the unit test
//! `text_lines_are_the_physical_lines` compares them on every kind of line end).

use super::{LineSource, RawLine};

/// The physical lines of a UTF-8 text: split at LF, CRLF or a lone CR, a BOM at the very start
/// dropped, a final line break starting no other line (as `PhysicalLines`).
pub struct TextSource<T> {
    text: T,
    /// Start of the next piece of text ending at a LF (or at the end).
    pos: usize,
    /// The current piece's lines between bare CRs: the next at `at`, none left when
    /// `at > end`.
    at: usize,
    end: usize,
    line: usize,
    started: bool,
    /// Whether the current piece holds a CR (before its LF, which is cut off already): when
    /// not, the piece is one line and is not searched again for a CR (LF files: one pass over
    /// the text instead of two, ~5% of `BatchJob` on JSON Lines in wasm, BENCHMARKS.md "speed2").
    cr_in_piece: bool,
}

impl<T: AsRef<str>> TextSource<T> {
    pub fn new(text: T) -> TextSource<T> {
        TextSource {
            text,
            pos: 0,
            at: 1,
            end: 0,
            line: 0,
            started: false,
            cr_in_piece: true,
        }
    }

    /// Lines handed out so far.
    pub fn lines_read(&self) -> usize {
        self.line
    }

    /// Bytes of the text consumed so far.
    pub fn bytes_read(&self) -> u64 {
        u64::try_from(self.pos).unwrap_or(u64::MAX)
    }

    /// The next line, numbered from 1.
    pub fn next_line(&mut self) -> Option<(usize, &str)> {
        let text = self.text.as_ref();
        if self.at > self.end {
            let rest = text.get(self.pos..).unwrap_or("");
            if rest.is_empty() {
                return None;
            }
            // One pass to the first LF or CR; only a CR first needs the LF looked for again.
            let first = first_line_break(rest.as_bytes());
            self.cr_in_piece = first.is_some_and(|i| rest.as_bytes().get(i) == Some(&b'\r'));
            let ended = if self.cr_in_piece {
                rest.find('\n')
            } else {
                first
            };
            let chunk = self.pos;
            self.pos += ended.map_or(rest.len(), |i| i + 1);
            let mut start = chunk;
            if !std::mem::replace(&mut self.started, true) && rest.starts_with('\u{feff}') {
                start += '\u{feff}'.len_utf8();
            }
            let bytes = text.as_bytes();
            let mut end = self.pos;
            if ended.is_some() {
                end -= 1;
                if end > start && bytes.get(end - 1) == Some(&b'\r') {
                    end -= 1;
                }
            } else if end == start {
                // Only a BOM: no line at all.
                return None;
            } else if bytes.get(end - 1) == Some(&b'\r') {
                // "a\r" at the end of the text: the CR ends line "a", it starts no new line.
                end -= 1;
            }
            self.at = start;
            self.end = end;
        }
        let rest = text.get(self.at..self.end).unwrap_or("");
        let len = if self.cr_in_piece {
            rest.find('\r').unwrap_or(rest.len())
        } else {
            rest.len()
        };
        let from = self.at;
        self.at += len + 1;
        self.line += 1;
        Some((self.line, text.get(from..from + len).unwrap_or("")))
    }
}

/// The index of the first LF or CR in `bytes`: eight bytes at a time (a word test for either
/// byte), then byte by byte in the last seven.
fn first_line_break(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let mut words = bytes.chunks_exact(8);
    let mut base = 0;
    for chunk in &mut words {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        let x = u64::from_le_bytes(w);
        let lf = x ^ (ONES * u64::from(b'\n'));
        let cr = x ^ (ONES * u64::from(b'\r'));
        // A zero byte of `lf` or `cr` sets its high bit here; a set bit above the lowest may be
        // a borrow's false alarm, the lowest never is.
        let hit = ((lf.wrapping_sub(ONES) & !lf) | (cr.wrapping_sub(ONES) & !cr)) & HIGHS;
        if hit != 0 {
            return Some(base + (hit.trailing_zeros() / 8) as usize);
        }
        base += 8;
    }
    words
        .remainder()
        .iter()
        .position(|&b| b == b'\n' || b == b'\r')
        .map(|i| base + i)
}

impl<T: AsRef<str>> Iterator for TextSource<T> {
    type Item = std::io::Result<(usize, RawLine)>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_line()
            .map(|(n, line)| Ok((n, RawLine::Text(line.to_string()))))
    }
}

impl<T: AsRef<str>> LineSource for TextSource<T> {
    fn lines_read(&self) -> usize {
        TextSource::lines_read(self)
    }
    fn bytes_read(&self) -> u64 {
        TextSource::bytes_read(self)
    }
}

#[cfg(test)]
mod tests {
    use super::super::PhysicalLines;
    use super::*;

    /// The physical lines of bytes, as [`PhysicalLines`] reads them.
    fn physical(bytes: &[u8]) -> Vec<(usize, String)> {
        let mut lines = PhysicalLines::new(bytes);
        let mut out = Vec::new();
        while let Some(Ok((n, line))) = lines.next_line() {
            out.push((n, String::from_utf8_lossy(line).into_owned()));
        }
        out
    }

    #[test]
    fn issue9_item4_text_lines_are_the_physical_lines() {
        let cases = [
            "",
            "\u{feff}",
            "\u{feff}\n",
            "\u{feff}a,b\r\n1,2\r3,4\n\n5,6\r",
            "x\r\r\ny",
            "a\n",
            "a",
            "\n",
            "\r",
            "\r\n",
            "\n\n",
            "a\r\rb\r\n\r\nc",
            "中文\r\n户主,男\r",
            "a\u{feff}b\n\u{feff}c",
            "\u{feff}\u{feff}x",
            // Longer than a word (eight bytes), so the word-at-a-time search is on the path:
            // breaks at every offset within a word, mixed ends, CR first and LF first.
            "{\"id\":\"YN-1\",\"province\":\"CN-YN\"}\n{\"id\":\"YN-2\"}\n",
            "0123456\n01234567\n012345678\n0123456789abcdef\n0123456789abcdef0",
            "0123456789\r\n0123456789abcdef\r\n0123456789\r0123456789abcdef\n",
            "中文中文中文\n户主户主户主户主\r户主,男,汉族汉族\r\n\n\n0123456789abcdefg\r",
            "0123456789abcdef0123456789abcdef0123456789abcdef\r\r\r\n\n\r",
        ];
        for text in cases {
            let mut source = TextSource::new(text);
            let mut got = Vec::new();
            while let Some((n, line)) = source.next_line() {
                got.push((n, line.to_string()));
            }
            assert_eq!(got, physical(text.as_bytes()), "{text:?}");
            assert_eq!(source.lines_read(), got.len(), "{text:?}");
            assert_eq!(source.bytes_read(), text.len() as u64, "{text:?}");
        }
    }

    /// The word-at-a-time search finds what a byte-by-byte search finds, wherever the LF or
    /// CR lies in or after a word (issue 8: the JSON Lines path of `BatchJob`).
    #[test]
    fn issue8_first_line_break_is_the_first_lf_or_cr() {
        for len in 0..40 {
            for at in 0..=len {
                for brk in [b'\n', b'\r'] {
                    let mut bytes = vec![b'a'; len];
                    // Bytes next to the break values, which a careless word test could take
                    // for one.
                    for (i, b) in bytes.iter_mut().enumerate() {
                        *b = [b'\x0b', b'\x0c', b'\x0e', b'\x09', 0x8a, 0x8d, b'a'][i % 7];
                    }
                    if let Some(b) = bytes.get_mut(at) {
                        *b = brk;
                    }
                    let naive = bytes.iter().position(|&b| b == b'\n' || b == b'\r');
                    assert_eq!(first_line_break(&bytes), naive, "{bytes:?}");
                }
            }
        }
    }
}
