//! Problems: why a call cannot be evaluated. Each has a field path, a stable code and a
//! message in the caller's language.

use crate::words::{self, Lang};
use serde::Serialize;

/// Stable problem codes (contract v1 and extensions).
///
/// The seven codes that only a file reader finds (JSON text, CSV rows, lines that are not
/// UTF-8) exist only in the builds that read files: natively and in the batch page's module
/// (`--features files`). The core module reads JS values, so it cannot meet them, and leaving
/// them out lets the compiler prove it and keeps their sentences out of the module every page
/// downloads (issue 8 item 6, 1.3 KB gzipped). The contract's list of codes is unchanged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Code {
    InvalidDate,
    InvalidValue,
    InvalidType,
    UnknownField,
    MissingField,
    NegativeAmount,
    TooManyDecimals,
    OutOfRange,
    EmptyMembers,
    IdChecksum,
    IdBirthDateMismatch,
    IdSexMismatch,
    BornAfterAsOf,
    DateAfterAsOf,
    MissingAsOf,
    TransferItemsExceedTransfer,
    NoPovertyLine,
    NoMonitoringLine,
    #[cfg(reads_files)]
    InvalidJson,
    /// Two dates of the record in an order that cannot happen (issue 9 item 9; docs/rules.md).
    ImpossibleDateOrder,
    #[cfg(reads_files)]
    UnterminatedQuote,
    #[cfg(reads_files)]
    HouseholdRowsNotContiguous,
    MultipleHeads,
    #[cfg(reads_files)]
    InvalidUtf8,
    #[cfg(reads_files)]
    WrongCellCount,
    #[cfg(reads_files)]
    TextAfterQuote,
    InvalidNumber,
    AmountTooLarge,
    #[cfg(reads_files)]
    DuplicateKey,
    TooManyMembers,
    ValueTooLong,
    InputTooLarge,
    TooDeep,
    CircularReference,
    UnreadableValue,
}

impl Code {
    pub fn as_str(self) -> &'static str {
        match self {
            Code::InvalidDate => "invalid_date",
            Code::InvalidValue => "invalid_value",
            Code::InvalidType => "invalid_type",
            Code::UnknownField => "unknown_field",
            Code::MissingField => "missing_field",
            Code::NegativeAmount => "negative_amount",
            Code::TooManyDecimals => "too_many_decimals",
            Code::OutOfRange => "out_of_range",
            Code::EmptyMembers => "empty_members",
            Code::IdChecksum => "id_checksum",
            Code::IdBirthDateMismatch => "id_birth_date_mismatch",
            Code::IdSexMismatch => "id_sex_mismatch",
            Code::BornAfterAsOf => "born_after_as_of",
            Code::DateAfterAsOf => "date_after_as_of",
            Code::MissingAsOf => "missing_as_of",
            Code::TransferItemsExceedTransfer => "transfer_items_exceed_transfer",
            Code::NoPovertyLine => "no_poverty_line",
            Code::NoMonitoringLine => "no_monitoring_line",
            #[cfg(reads_files)]
            Code::InvalidJson => "invalid_json",
            Code::ImpossibleDateOrder => "impossible_date_order",
            #[cfg(reads_files)]
            Code::UnterminatedQuote => "unterminated_quote",
            #[cfg(reads_files)]
            Code::HouseholdRowsNotContiguous => "household_rows_not_contiguous",
            Code::MultipleHeads => "multiple_heads",
            #[cfg(reads_files)]
            Code::InvalidUtf8 => "invalid_utf8",
            #[cfg(reads_files)]
            Code::WrongCellCount => "wrong_cell_count",
            #[cfg(reads_files)]
            Code::TextAfterQuote => "text_after_quote",
            Code::InvalidNumber => "invalid_number",
            Code::AmountTooLarge => "amount_too_large",
            #[cfg(reads_files)]
            Code::DuplicateKey => "duplicate_key",
            Code::TooManyMembers => "too_many_members",
            Code::ValueTooLong => "value_too_long",
            Code::InputTooLarge => "input_too_large",
            Code::TooDeep => "too_deep",
            Code::CircularReference => "circular_reference",
            Code::UnreadableValue => "unreadable_value",
        }
    }
}

/// Written as its [`Code::as_str`] text, which is what `#[serde(rename_all = "snake_case")]`
/// made of the variant names (`tests/report_json.rs` compares every code): a derive would
/// repeat the 35 names in a second table of its own (issue 8 item 6).
impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// A problem before it is put into words: the facts the message needs, in no language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub path: String,
    pub code: Code,
    /// The offending input, quoted in the message when present.
    pub given: Option<String>,
    /// What was expected (a list of values, a type, a limit), when it helps.
    pub expected: Option<String>,
}

impl Finding {
    pub fn new(path: impl Into<String>, code: Code) -> Finding {
        Finding {
            // A path is short unless a key is hostile (a 1 MB field name): cut like a value.
            path: echo(path.into()),
            code,
            given: None,
            expected: None,
        }
    }

    /// The offending input, cut to [`ECHO_MAX_CHARS`] characters: a message quotes what was
    /// given, never all of a 10 MB value (issue 9 item 10).
    pub fn given(mut self, given: impl Into<String>) -> Finding {
        self.given = Some(echo(given.into()));
        self
    }

    pub fn expected(mut self, expected: impl Into<String>) -> Finding {
        self.expected = Some(expected.into());
        self
    }

    pub fn render(&self, lang: Lang) -> Problem {
        Problem {
            path: self.path.clone(),
            code: self.code,
            message: words::problem(lang, self),
        }
    }
}

/// At most this many characters of an invalid value are quoted in a message.
pub const ECHO_MAX_CHARS: usize = 200;

fn echo(s: String) -> String {
    match s.char_indices().nth(ECHO_MAX_CHARS) {
        None => s,
        Some((cut, _)) => {
            let mut short = s;
            short.truncate(cut);
            short.push('…');
            short
        }
    }
}

/// A problem as the contract shows it: `{ path, code, message }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub path: String,
    pub code: Code,
    pub message: String,
}

pub fn render_all(findings: &[Finding], lang: Lang) -> Vec<Problem> {
    findings.iter().map(|f| f.render(lang)).collect()
}
