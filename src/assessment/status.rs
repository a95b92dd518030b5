//! Three-valued outcomes.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Pass,
    Fail,
    Unknown,
    NotApplicable,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Fail => "fail",
            Status::Unknown => "unknown",
            Status::NotApplicable => "not_applicable",
        }
    }

    /// All must pass: a fail anywhere fails (even beside an unknown); `not_applicable` items
    /// are ignored, and with nothing applicable the whole is `not_applicable`.
    pub fn all(items: impl IntoIterator<Item = Status>) -> Status {
        let mut seen = Status::NotApplicable;
        for s in items {
            match s {
                Status::Fail => return Status::Fail,
                Status::Unknown => seen = Status::Unknown,
                Status::Pass if seen == Status::NotApplicable => seen = Status::Pass,
                _ => {}
            }
        }
        seen
    }

    /// Any one suffices: a pass anywhere passes; else an unknown leaves it unknown.
    pub fn any(items: impl IntoIterator<Item = Status>) -> Status {
        let mut seen = Status::NotApplicable;
        for s in items {
            match s {
                Status::Pass => return Status::Pass,
                Status::Unknown => seen = Status::Unknown,
                Status::Fail if seen == Status::NotApplicable => seen = Status::Fail,
                _ => {}
            }
        }
        seen
    }

    pub fn from_tri(t: Tri) -> Status {
        match t {
            Some(true) => Status::Pass,
            Some(false) => Status::Fail,
            None => Status::Unknown,
        }
    }
}

/// A yes / no / not known answer.
pub type Tri = Option<bool>;
