//! Reports written as compact JSON (issue 8: `tuopin batch --out` spends half its time writing
//! reports): byte for byte what `serde_json::to_writer` writes, faster.
//!
//! It is a `serde::Serializer` like serde_json's compact one, straight into a `Vec<u8>`, with two
//! differences that do not show in the output: a string is scanned for characters to escape
//! eight bytes at a time (reports are mostly Chinese text, which never needs escaping; serde_json
//! looks at every byte in turn), and integers are written with `itoa` into the vector. An `f64`
//! is written as serde_json writes it, with serde_json's own float writer (`zmij`), and `null`
//! when not finite (`write_f64`; so the core wasm module holds no serde_json serializer at all);
//! an `f32` is handed to serde_json itself. Anything this writer does not handle the way serde_json does (a map key that
//! is not a string or an integer, serde_json's private raw-value and number tokens, an error
//! raised by a `Serialize` impl) makes it give up, and the value is written by serde_json
//! instead: the output never depends on which one wrote it. `tests/report_json.rs` compares the
//! two on every golden case and on strings of every control character.

use serde::ser::{self, Serialize};
use std::fmt;

/// Appends `value` to `out` as compact JSON, exactly as `serde_json::to_writer` would.
pub fn write_compact<T: Serialize + ?Sized>(
    value: &T,
    out: &mut Vec<u8>,
) -> serde_json::Result<()> {
    let start = out.len();
    match write_alone(value, out) {
        Ok(()) => Ok(()),
        Err(GiveUp) => {
            out.truncate(start);
            serde_json::to_writer(&mut *out, value)
        }
    }
}

/// Appends `value` to `out` as compact JSON with this writer only, with no serde_json fallback:
/// `Err(GiveUp)` for what only serde_json writes (see the module comment), with `out` then
/// holding a partial value. The core wasm module writes its answers this way (`src/wasm.rs`
/// `to_js`): none of them has such a value, and leaving serde_json's serializer out of the
/// module means one set of per-type serializing code instead of two (BENCHMARKS.md, "Core
/// package size", third round).
pub fn write_alone<T: Serialize + ?Sized>(value: &T, out: &mut Vec<u8>) -> Result<(), GiveUp> {
    value.serialize(&mut Compact { out })
}

/// Why the fast writer stopped: serde_json writes the value instead (and reports any error).
#[derive(Debug)]
pub struct GiveUp;

impl fmt::Display for GiveUp {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("left to serde_json")
    }
}

impl std::error::Error for GiveUp {}

impl ser::Error for GiveUp {
    fn custom<T: fmt::Display>(_: T) -> GiveUp {
        GiveUp
    }
}

struct Compact<'a> {
    out: &'a mut Vec<u8>,
}

/// serde_json's escape of a byte: 0 for none, `u` for `\u00XX`, else the letter after `\`.
const fn escape_of(b: u8) -> u8 {
    match b {
        0x08 => b'b',
        0x09 => b't',
        0x0A => b'n',
        0x0C => b'f',
        0x0D => b'r',
        0x00..=0x1F => b'u',
        b'"' => b'"',
        b'\\' => b'\\',
        _ => 0,
    }
}

/// `s` as a JSON string, escaped as serde_json escapes it.
fn write_str(out: &mut Vec<u8>, s: &str) {
    out.reserve(s.len() + 2);
    out.push(b'"');
    write_escaped(out, s);
    out.push(b'"');
}

/// The escaped content of a JSON string, without its quotes.
fn write_escaped(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    // Start of the run of bytes not yet copied.
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(word) = bytes.get(i..i + 8) {
            let mut w = [0u8; 8];
            w.copy_from_slice(word);
            if !crate::json_text::word_has_special(u64::from_le_bytes(w)) {
                i += 8;
                continue;
            }
        }
        // Byte by byte to the end of this word (or of the string).
        let end = (i + 8).min(bytes.len());
        while i < end {
            let b = bytes.get(i).copied().unwrap_or(0);
            let e = escape_of(b);
            if e != 0 {
                out.extend_from_slice(bytes.get(run..i).unwrap_or(&[]));
                if e == b'u' {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    let hi = HEX.get(usize::from(b >> 4)).copied().unwrap_or(b'0');
                    let lo = HEX.get(usize::from(b & 0xF)).copied().unwrap_or(b'0');
                    out.extend_from_slice(&[b'\\', b'u', b'0', b'0', hi, lo]);
                } else {
                    out.extend_from_slice(&[b'\\', e]);
                }
                run = i + 1;
            }
            i += 1;
        }
    }
    out.extend_from_slice(bytes.get(run..).unwrap_or(&[]));
}

fn write_int<I: itoa::Integer>(out: &mut Vec<u8>, v: I) {
    let mut buf = itoa::Buffer::new();
    out.extend_from_slice(buf.format(v).as_bytes());
}

/// Every integer up to 64 bits through one formatting routine (`u64`), a sign written first:
/// one copy of itoa's digit loop instead of one per integer type (the core module's size,
/// issue 8 item 6).
fn write_u64(out: &mut Vec<u8>, v: u64) {
    write_int(out, v);
}

fn write_i64(out: &mut Vec<u8>, v: i64) {
    if v < 0 {
        out.push(b'-');
    }
    write_u64(out, v.unsigned_abs());
}

/// serde_json's own float text (its shortest round-trip form; `null` when not finite).
fn write_float<F: Serialize>(out: &mut Vec<u8>, v: F) -> Result<(), GiveUp> {
    serde_json::to_writer(&mut *out, &v).map_err(|_| GiveUp)
}

/// An `f64` exactly as serde_json's `serialize_f64` writes it: `null` for NaN and the
/// infinities, else `zmij`'s shortest text (issue 8 item 6: serde_json's writer, its `io::Write`
/// plumbing and error type leave the core module; `float_tests` ties the two together).
fn write_f64(out: &mut Vec<u8>, v: f64) -> Result<(), GiveUp> {
    if v.is_finite() {
        out.extend_from_slice(zmij::Buffer::new().format_finite(v).as_bytes());
    } else {
        out.extend_from_slice(b"null");
    }
    Ok(())
}

/// `Display` text as a JSON string, escaped piece by piece as it is formatted.
struct Escaping<'a>(&'a mut Vec<u8>);

impl fmt::Write for Escaping<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        write_escaped(self.0, s);
        Ok(())
    }
}

/// The opening of `{"variant":` for enum variants with content.
fn open_variant(out: &mut Vec<u8>, variant: &str) {
    out.push(b'{');
    write_str(out, variant);
    out.push(b':');
}

/// A sequence or map being written: whether an element has been written yet.
struct Seq<'s, 'a> {
    ser: &'s mut Compact<'a>,
    first: bool,
}

impl Seq<'_, '_> {
    fn comma(&mut self) {
        if !std::mem::replace(&mut self.first, false) {
            self.ser.out.push(b',');
        }
    }

    /// `,"key":` (no comma before the first field). Kept out of line in wasm: `serialize_field`
    /// is compiled once per field type, and with this not inlined each copy is two calls (the
    /// core module's size, issue 8 item 6); native builds inline as they see fit.
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn field_key(&mut self, key: &str) {
        self.comma();
        write_str(self.ser.out, key);
        self.ser.out.push(b':');
    }
}

impl<'s, 'a> ser::Serializer for &'s mut Compact<'a> {
    type Ok = ();
    type Error = GiveUp;
    type SerializeSeq = Seq<'s, 'a>;
    type SerializeTuple = Seq<'s, 'a>;
    type SerializeTupleStruct = Seq<'s, 'a>;
    type SerializeTupleVariant = Seq<'s, 'a>;
    type SerializeMap = Seq<'s, 'a>;
    type SerializeStruct = Seq<'s, 'a>;
    type SerializeStructVariant = Seq<'s, 'a>;

    fn serialize_bool(self, v: bool) -> Result<(), GiveUp> {
        self.out
            .extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), GiveUp> {
        write_i64(self.out, i64::from(v));
        Ok(())
    }
    fn serialize_i16(self, v: i16) -> Result<(), GiveUp> {
        write_i64(self.out, i64::from(v));
        Ok(())
    }
    fn serialize_i32(self, v: i32) -> Result<(), GiveUp> {
        write_i64(self.out, i64::from(v));
        Ok(())
    }
    fn serialize_i64(self, v: i64) -> Result<(), GiveUp> {
        write_i64(self.out, v);
        Ok(())
    }
    fn serialize_i128(self, v: i128) -> Result<(), GiveUp> {
        write_int(self.out, v);
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), GiveUp> {
        write_u64(self.out, u64::from(v));
        Ok(())
    }
    fn serialize_u16(self, v: u16) -> Result<(), GiveUp> {
        write_u64(self.out, u64::from(v));
        Ok(())
    }
    fn serialize_u32(self, v: u32) -> Result<(), GiveUp> {
        write_u64(self.out, u64::from(v));
        Ok(())
    }
    fn serialize_u64(self, v: u64) -> Result<(), GiveUp> {
        write_u64(self.out, v);
        Ok(())
    }
    fn serialize_u128(self, v: u128) -> Result<(), GiveUp> {
        write_int(self.out, v);
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), GiveUp> {
        write_float(self.out, v)
    }
    fn serialize_f64(self, v: f64) -> Result<(), GiveUp> {
        write_f64(self.out, v)
    }
    fn serialize_char(self, v: char) -> Result<(), GiveUp> {
        let mut buf = [0; 4];
        write_str(self.out, v.encode_utf8(&mut buf));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), GiveUp> {
        write_str(self.out, v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), GiveUp> {
        // serde_json writes bytes as an array of numbers.
        self.out.push(b'[');
        for (i, b) in v.iter().enumerate() {
            if i > 0 {
                self.out.push(b',');
            }
            write_u64(self.out, u64::from(*b));
        }
        self.out.push(b']');
        Ok(())
    }
    fn serialize_none(self) -> Result<(), GiveUp> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<(), GiveUp> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), GiveUp> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), GiveUp> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), GiveUp> {
        write_str(self.out, variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<(), GiveUp> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        v: &T,
    ) -> Result<(), GiveUp> {
        open_variant(self.out, variant);
        v.serialize(&mut *self)?;
        self.out.push(b'}');
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Seq<'s, 'a>, GiveUp> {
        self.out.push(b'[');
        Ok(Seq {
            ser: self,
            first: true,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Seq<'s, 'a>, GiveUp> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Seq<'s, 'a>, GiveUp> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Seq<'s, 'a>, GiveUp> {
        open_variant(self.out, variant);
        self.serialize_seq(Some(len))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Seq<'s, 'a>, GiveUp> {
        self.out.push(b'{');
        Ok(Seq {
            ser: self,
            first: true,
        })
    }
    fn serialize_struct(self, name: &'static str, len: usize) -> Result<Seq<'s, 'a>, GiveUp> {
        // serde_json's private tokens (raw JSON text, arbitrary-precision numbers) are its own.
        if name.starts_with("$serde_json") {
            return Err(GiveUp);
        }
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Seq<'s, 'a>, GiveUp> {
        open_variant(self.out, variant);
        self.serialize_map(Some(len))
    }
    /// What serde's default does (`[`, the elements between commas, `]`), without its length
    /// hint. This is compiled once per element type, so it only wraps the iterator in a
    /// closure: the brackets and commas are written by [`write_seq`], compiled once (the core
    /// wasm module, issue 8 item 6).
    fn collect_seq<I>(self, iter: I) -> Result<(), GiveUp>
    where
        I: IntoIterator,
        I::Item: Serialize,
    {
        let mut iter = iter.into_iter();
        write_seq(self, &mut |ser| match iter.next() {
            Some(item) => item.serialize(ser).map(|()| true),
            None => Ok(false),
        })
    }
    fn collect_str<T: fmt::Display + ?Sized>(self, v: &T) -> Result<(), GiveUp> {
        use fmt::Write as _;
        self.out.push(b'"');
        write!(Escaping(self.out), "{v}").map_err(|_| GiveUp)?;
        self.out.push(b'"');
        Ok(())
    }
}

/// `[`, then each element `next` writes (it says `false` when there is none left) with commas
/// between them, then `]`.
fn write_seq(
    ser: &mut Compact,
    next: &mut dyn FnMut(&mut Compact) -> Result<bool, GiveUp>,
) -> Result<(), GiveUp> {
    ser.out.push(b'[');
    let mut first = true;
    loop {
        let mark = ser.out.len();
        if !std::mem::replace(&mut first, false) {
            ser.out.push(b',');
        }
        if !next(ser)? {
            // No element after all: no comma for it.
            ser.out.truncate(mark);
            break;
        }
    }
    ser.out.push(b']');
    Ok(())
}

impl ser::SerializeSeq for Seq<'_, '_> {
    type Ok = ();
    type Error = GiveUp;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), GiveUp> {
        self.comma();
        v.serialize(&mut *self.ser)
    }
    fn end(self) -> Result<(), GiveUp> {
        self.ser.out.push(b']');
        Ok(())
    }
}

impl ser::SerializeTuple for Seq<'_, '_> {
    type Ok = ();
    type Error = GiveUp;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), GiveUp> {
        ser::SerializeSeq::serialize_element(self, v)
    }
    fn end(self) -> Result<(), GiveUp> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for Seq<'_, '_> {
    type Ok = ();
    type Error = GiveUp;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), GiveUp> {
        ser::SerializeSeq::serialize_element(self, v)
    }
    fn end(self) -> Result<(), GiveUp> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleVariant for Seq<'_, '_> {
    type Ok = ();
    type Error = GiveUp;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), GiveUp> {
        ser::SerializeSeq::serialize_element(self, v)
    }
    fn end(self) -> Result<(), GiveUp> {
        self.ser.out.extend_from_slice(b"]}");
        Ok(())
    }
}

impl ser::SerializeMap for Seq<'_, '_> {
    type Ok = ();
    type Error = GiveUp;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), GiveUp> {
        self.comma();
        key.serialize(Key(&mut *self.ser.out))
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), GiveUp> {
        self.ser.out.push(b':');
        v.serialize(&mut *self.ser)
    }
    fn end(self) -> Result<(), GiveUp> {
        self.ser.out.push(b'}');
        Ok(())
    }
}

impl ser::SerializeStruct for Seq<'_, '_> {
    type Ok = ();
    type Error = GiveUp;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), GiveUp> {
        self.field_key(key);
        v.serialize(&mut *self.ser)
    }
    fn end(self) -> Result<(), GiveUp> {
        ser::SerializeMap::end(self)
    }
}

impl ser::SerializeStructVariant for Seq<'_, '_> {
    type Ok = ();
    type Error = GiveUp;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), GiveUp> {
        ser::SerializeStruct::serialize_field(self, key, v)
    }
    fn end(self) -> Result<(), GiveUp> {
        self.ser.out.extend_from_slice(b"}}");
        Ok(())
    }
}

/// A map key: a string, or an integer written as a string, as serde_json writes them; any
/// other key is left to serde_json.
struct Key<'a>(&'a mut Vec<u8>);

impl Key<'_> {
    fn int(self, v: i128) -> Result<(), GiveUp> {
        self.0.push(b'"');
        match (u64::try_from(v), i64::try_from(v)) {
            (Ok(u), _) => write_u64(self.0, u),
            (_, Ok(i)) => write_i64(self.0, i),
            _ => return Err(GiveUp),
        }
        self.0.push(b'"');
        Ok(())
    }
}

impl ser::Serializer for Key<'_> {
    type Ok = ();
    type Error = GiveUp;
    type SerializeSeq = ser::Impossible<(), GiveUp>;
    type SerializeTuple = ser::Impossible<(), GiveUp>;
    type SerializeTupleStruct = ser::Impossible<(), GiveUp>;
    type SerializeTupleVariant = ser::Impossible<(), GiveUp>;
    type SerializeMap = ser::Impossible<(), GiveUp>;
    type SerializeStruct = ser::Impossible<(), GiveUp>;
    type SerializeStructVariant = ser::Impossible<(), GiveUp>;

    fn serialize_str(self, v: &str) -> Result<(), GiveUp> {
        write_str(self.0, v);
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), GiveUp> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<(), GiveUp> {
        v.serialize(self)
    }
    fn serialize_i8(self, v: i8) -> Result<(), GiveUp> {
        self.int(i128::from(v))
    }
    fn serialize_i16(self, v: i16) -> Result<(), GiveUp> {
        self.int(i128::from(v))
    }
    fn serialize_i32(self, v: i32) -> Result<(), GiveUp> {
        self.int(i128::from(v))
    }
    fn serialize_i64(self, v: i64) -> Result<(), GiveUp> {
        self.int(i128::from(v))
    }
    fn serialize_u8(self, v: u8) -> Result<(), GiveUp> {
        self.int(i128::from(v))
    }
    fn serialize_u16(self, v: u16) -> Result<(), GiveUp> {
        self.int(i128::from(v))
    }
    fn serialize_u32(self, v: u32) -> Result<(), GiveUp> {
        self.int(i128::from(v))
    }
    fn serialize_u64(self, v: u64) -> Result<(), GiveUp> {
        self.int(i128::from(v))
    }
    fn serialize_bool(self, _: bool) -> Result<(), GiveUp> {
        Err(GiveUp)
    }
    fn serialize_f32(self, _: f32) -> Result<(), GiveUp> {
        Err(GiveUp)
    }
    fn serialize_f64(self, _: f64) -> Result<(), GiveUp> {
        Err(GiveUp)
    }
    fn serialize_char(self, _: char) -> Result<(), GiveUp> {
        Err(GiveUp)
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), GiveUp> {
        Err(GiveUp)
    }
    fn serialize_none(self) -> Result<(), GiveUp> {
        Err(GiveUp)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), GiveUp> {
        Err(GiveUp)
    }
    fn serialize_unit(self) -> Result<(), GiveUp> {
        Err(GiveUp)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), GiveUp> {
        Err(GiveUp)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), GiveUp> {
        Err(GiveUp)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, GiveUp> {
        Err(GiveUp)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, GiveUp> {
        Err(GiveUp)
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, GiveUp> {
        Err(GiveUp)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, GiveUp> {
        Err(GiveUp)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, GiveUp> {
        Err(GiveUp)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, GiveUp> {
        Err(GiveUp)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, GiveUp> {
        Err(GiveUp)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn same_as_serde_json<T: Serialize + ?Sized>(v: &T) {
        let mut out = Vec::new();
        assert!(write_alone(v, &mut out).is_ok());
        assert_eq!(
            String::from_utf8(out).unwrap(),
            serde_json::to_string(v).unwrap()
        );
    }

    /// Issue 8 item 6: every integer type goes through one `u64` routine with the sign written
    /// first; the text must stay serde_json's at every edge, as values and as map keys.
    #[test]
    fn integers_at_their_edges_as_serde_json_writes_them() {
        same_as_serde_json(&(i8::MIN, i8::MAX, i16::MIN, i16::MAX, i32::MIN, i32::MAX));
        same_as_serde_json(&(i64::MIN, i64::MAX, -1i64, 0i64, 1i64));
        same_as_serde_json(&(u8::MAX, u16::MAX, u32::MAX, u64::MAX, 0u64, 10u64, 99u8));
        same_as_serde_json(&(usize::MAX, isize::MIN, 1_000_000_007u64));
        let keys: BTreeMap<i64, u8> = [(i64::MIN, 1), (-7, 2), (0, 3), (i64::MAX, 4)].into();
        same_as_serde_json(&keys);
        let keys: BTreeMap<u64, i8> = [(0, -1), (u64::MAX, i8::MIN)].into();
        same_as_serde_json(&keys);
        same_as_serde_json(&serde_bytes_like(&[0, 9, 10, 255]));
    }

    /// `serialize_bytes` (serde_json writes an array of numbers).
    fn serde_bytes_like(b: &[u8]) -> impl Serialize + '_ {
        struct Bytes<'a>(&'a [u8]);
        impl Serialize for Bytes<'_> {
            fn serialize<S: ser::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_bytes(self.0)
            }
        }
        Bytes(b)
    }

    /// Issue 8 item 6: sequences are written by one `write_seq` that takes back the comma it
    /// wrote before finding no element; empty, one and several elements, nested.
    #[test]
    fn sequences_of_every_length_as_serde_json_writes_them() {
        same_as_serde_json(&Vec::<u8>::new());
        same_as_serde_json(&vec![7u8]);
        same_as_serde_json(&vec!["a", "b\"", "户"]);
        same_as_serde_json(&vec![Vec::<i32>::new(), vec![1], vec![-1, 2, -3]]);
        same_as_serde_json(&vec![Some(1.5f64), None, Some(-0.25)]);
    }
}

#[cfg(test)]
mod float_tests {
    use super::*;

    /// Issue 8 item 6: doubles written without serde_json are byte for byte serde_json's, the
    /// special values (NaN, ±∞ as null, -0.0, subnormals, the extremes) and a spread of others.
    #[test]
    fn doubles_are_written_as_serde_json_writes_them() {
        let mut cases = vec![
            0.0,
            -0.0,
            0.1,
            1.0,
            -3.25,
            1e-7,
            1e15,
            1e16,
            1e21,
            1e300,
            5e-324,
            f64::MIN_POSITIVE,
            f64::MAX,
            f64::MIN,
            f64::EPSILON,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            cases.push(f64::from_bits(x));
        }
        for f in cases {
            let mut ours = Vec::new();
            write_alone(&f, &mut ours).unwrap();
            assert_eq!(ours, serde_json::to_vec(&f).unwrap(), "{:x}", f.to_bits());
        }
    }
}
