//! Warnings: facts worth a second look that do not stop the assessment (data inconsistencies,
//! readings the rules leave open, rules applied past their period).

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub path: String,
    pub code: &'static str,
    pub message: String,
}

impl Warning {
    pub fn new(path: impl Into<String>, code: &'static str, message: String) -> Warning {
        Warning {
            path: path.into(),
            code,
            message,
        }
    }
}
