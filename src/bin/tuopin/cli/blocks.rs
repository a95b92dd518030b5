//! JSON Lines read in large blocks (issue 8 item 1 and item 5): the file is read a block at a
//! time, each block cut after its last line feed, and its lines found with `memchr` in place —
//! no copy and no allocation per line. A block holds whole records, so a worker thread can split
//! and assess it on its own (`--jobs`), numbering its lines from 1; the reading thread adds the
//! lines of the blocks before it.
//!
//! Lines are exactly those of [`tuopin::table::PhysicalLines`] (what a text editor shows, issue 9
//! item 1): LF, CRLF and a lone CR each end a line, a UTF-8 byte-order mark at the very start is
//! not part of the first line, and a final line end starts no new line. The tests below compare
//! the two on random files cut into blocks of every size.

use std::io::{self, Read};
use std::ops::Range;

/// Bytes read at a time. A block holds a few hundred households (1.6 KB each in the generated
/// files): large enough that handing it to a worker costs nothing beside assessing it, small
/// enough that the last block keeps one worker busy alone only briefly.
pub const BLOCK_BYTES: usize = 256 * 1024;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A source cut into blocks of whole records (each ending in `\n`, except the file's last).
pub struct Blocks<R> {
    src: R,
    /// What followed the last line feed of the previous block: the start of the next record.
    carry: Vec<u8>,
    size: usize,
    eof: bool,
    /// Whether the next block is the start of the file (where a byte-order mark may be).
    at_start: bool,
}

impl<R: Read> Blocks<R> {
    pub fn new(src: R, size: usize) -> Blocks<R> {
        Blocks {
            src,
            carry: Vec::new(),
            size: size.max(1),
            eof: false,
            at_start: true,
        }
    }

    /// Fills `buf` (cleared first; its capacity is reused) with the next block. `Ok(None)` at the
    /// end of the source; else whether the block starts the file.
    pub fn next_into(&mut self, buf: &mut Vec<u8>) -> io::Result<Option<bool>> {
        buf.clear();
        buf.append(&mut self.carry);
        loop {
            // The part read now: a record longer than a block grows the block until it ends.
            let from = buf.len();
            if !self.eof {
                let want = u64::try_from(self.size).unwrap_or(u64::MAX);
                let n = (&mut self.src).take(want).read_to_end(buf)?;
                if n == 0 {
                    self.eof = true;
                }
            }
            if buf.is_empty() {
                return Ok(None);
            }
            match memchr::memrchr(b'\n', buf.get(from..).unwrap_or(&[])) {
                Some(at) => {
                    let end = from + at + 1;
                    self.carry.extend_from_slice(buf.get(end..).unwrap_or(&[]));
                    buf.truncate(end);
                    return Ok(Some(std::mem::replace(&mut self.at_start, false)));
                }
                None if self.eof => {
                    return Ok(Some(std::mem::replace(&mut self.at_start, false)));
                }
                None => {}
            }
        }
    }
}

/// Calls `f` with each line of a block (its number within the block, from 1, and where its bytes
/// are), as [`tuopin::table::PhysicalLines`] would hand them out; returns the number of lines.
/// `at_start`: the block starts the file, so a byte-order mark there is skipped.
pub fn split_lines<E>(
    block: &[u8],
    at_start: bool,
    mut f: impl FnMut(usize, Range<usize>) -> Result<(), E>,
) -> Result<usize, E> {
    let mut line = 0;
    let mut from = 0;
    let mut first = at_start;
    while from < block.len() {
        let rest = block.get(from..).unwrap_or(&[]);
        let (record_end, ended) = match memchr::memchr(b'\n', rest) {
            Some(at) => (from + at, true),
            None => (block.len(), false),
        };
        let next = if ended { record_end + 1 } else { record_end };
        let mut start = from;
        if std::mem::replace(&mut first, false) && rest.starts_with(BOM) {
            start += BOM.len();
        }
        if !ended && record_end == start {
            // Only a byte-order mark: no line at all.
            break;
        }
        // A CR before the LF (or ending the file) belongs to the line end.
        let mut end = record_end;
        if end > start && block.get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        // Every CR left ends a line of its own (old Mac files).
        let mut piece = start;
        for cr in memchr::memchr_iter(b'\r', block.get(start..end).unwrap_or(&[])) {
            line += 1;
            f(line, piece..start + cr)?;
            piece = start + cr + 1;
        }
        line += 1;
        f(line, piece..end)?;
        from = next;
    }
    Ok(line)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use tuopin::table::PhysicalLines;

    /// Every line of `bytes` read through blocks of `size` bytes, with absolute numbers.
    fn by_blocks(bytes: &[u8], size: usize) -> Vec<(usize, Vec<u8>)> {
        let mut blocks = Blocks::new(bytes, size);
        let mut buf = Vec::new();
        let mut out = Vec::new();
        let mut base = 0;
        while let Some(at_start) = blocks.next_into(&mut buf).unwrap() {
            assert!(
                buf.ends_with(b"\n") || blocks.eof,
                "a block ends with a whole record"
            );
            let n = split_lines(&buf, at_start, |k, range| {
                out.push((base + k, buf[range].to_vec()));
                Ok::<(), ()>(())
            })
            .unwrap();
            base += n;
        }
        out
    }

    fn by_physical_lines(bytes: &[u8]) -> Vec<(usize, Vec<u8>)> {
        let mut lines = PhysicalLines::new(bytes);
        let mut out = Vec::new();
        while let Some(item) = lines.next_line() {
            let (n, line) = item.unwrap();
            out.push((n, line.to_vec()));
        }
        out
    }

    /// Pieces that make line ends interesting (issue 9 item 1's property test has the same).
    const PIECES: &[&[u8]] = &[
        b"{\"id\":\"J\"}\n",
        b"\n",
        b"\r",
        b"\r\n",
        b" ",
        b"\xEF\xBB\xBF",
        b"\xFF",
        b"\xE4\xB8",
        b"x",
        b"{}",
    ];

    fn file() -> impl Strategy<Value = Vec<u8>> {
        prop::collection::vec(0..PIECES.len(), 0..40)
            .prop_map(|ix| ix.iter().flat_map(|&i| PIECES[i].to_vec()).collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

        /// Issue 8 item 1 (reading JSON Lines in blocks) keeps issue 9 item 1: the same lines,
        /// numbered the same, as the line reader every other path uses, whatever the block size.
        #[test]
        fn blocks_give_the_lines_of_physical_lines(bytes in file(), size in 1usize..64) {
            prop_assert_eq!(by_blocks(&bytes, size), by_physical_lines(&bytes));
        }
    }

    #[test]
    fn a_bom_is_skipped_only_at_the_start_of_the_file() {
        let bytes = b"\xEF\xBB\xBFa\n\xEF\xBB\xBFb\r\n\r\nc\rd\r";
        let want = by_physical_lines(bytes);
        assert_eq!(want.len(), 5);
        for size in 1..bytes.len() + 2 {
            assert_eq!(by_blocks(bytes, size), want, "block size {size}");
        }
    }

    #[test]
    fn a_line_longer_than_a_block_is_one_line() {
        let mut bytes = vec![b'x'; 1000];
        bytes.extend_from_slice(b"\nyy\n");
        let got = by_blocks(&bytes, 7);
        assert_eq!(got, vec![(1, vec![b'x'; 1000]), (2, b"yy".to_vec())]);
    }
}
