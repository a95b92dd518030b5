//! Resident identity card numbers (公民身份号码, GB 11643-1999): 6-digit area code, 8-digit
//! birth date, 3-digit sequence (odd for men, even for women), and an ISO 7064 MOD 11-2
//! check character.

use super::Sex;
use crate::date::Date;
use crate::problem::Code;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdNumber {
    /// The 18 characters as given, `x` as `X` (ASCII, checked by `parse`). Held inline, not as
    /// a `String`: every member of a batch row has one, and the allocation showed in the
    /// profile of `BatchJob` (BENCHMARKS.md "speed2").
    text: [u8; 18],
    birth: Date,
    sex: Sex,
}

const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK: &[u8; 11] = b"10X98765432";

impl IdNumber {
    /// Reads an 18-character number; a lowercase `x` is taken as `X`.
    pub fn parse(text: &str) -> Result<IdNumber, Code> {
        let bytes = text.as_bytes();
        if bytes.len() != 18 {
            return Err(Code::InvalidValue);
        }
        let (body, last) = bytes.split_at(17);
        if !body.iter().all(u8::is_ascii_digit) {
            return Err(Code::InvalidValue);
        }
        let check = match last.first() {
            Some(b'x') => b'X',
            Some(c) if c.is_ascii_digit() || *c == b'X' => *c,
            _ => return Err(Code::InvalidValue),
        };
        let sum: u32 = body
            .iter()
            .zip(WEIGHTS)
            .map(|(d, w)| u32::from(d - b'0') * w)
            .sum();
        if CHECK.get((sum % 11) as usize) != Some(&check) {
            return Err(Code::IdChecksum);
        }
        let birth = text
            .get(6..14)
            .and_then(Date::parse_compact)
            .ok_or(Code::InvalidValue)?;
        let sex = match body.get(16) {
            Some(d) if (d - b'0') % 2 == 1 => Sex::Male,
            _ => Sex::Female,
        };
        let mut upper = [0u8; 18];
        for (to, from) in upper.iter_mut().zip(bytes) {
            *to = from.to_ascii_uppercase();
        }
        Ok(IdNumber {
            text: upper,
            birth,
            sex,
        })
    }

    pub fn birth_date(&self) -> Date {
        self.birth
    }

    pub fn sex(&self) -> Sex {
        self.sex
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_a_valid_number() {
        // The standard's own example: 11010519491231002X.
        let id = IdNumber::parse("11010519491231002X").unwrap();
        assert_eq!(id.birth_date(), Date::parse("1949-12-31").unwrap());
        assert_eq!(id.sex(), Sex::Female);
    }

    #[test]
    fn refuses_a_wrong_check_character() {
        assert_eq!(IdNumber::parse("110105194912310021"), Err(Code::IdChecksum));
    }

    #[test]
    fn refuses_wrong_length_or_letters() {
        assert_eq!(IdNumber::parse("1101051949123100"), Err(Code::InvalidValue));
        assert_eq!(
            IdNumber::parse("11010519491231A02X"),
            Err(Code::InvalidValue)
        );
    }

    /// GB 11643: the check character X may be written `x`; the two spellings are one number,
    /// and a different number is not equal (the text is kept inline, issue 8 speed work).
    #[test]
    fn lowercase_x_is_the_same_number() {
        assert_eq!(
            IdNumber::parse("11010519491231002x"),
            IdNumber::parse("11010519491231002X")
        );
        assert_ne!(
            IdNumber::parse("11010519491231002X"),
            IdNumber::parse("110105194912310038")
        );
    }
}
