//! What `policies()` and `version()` answer: the built-in packs and the versions.

use crate::date::Date;
use crate::policy::{packs, Entry};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PackInfo {
    pub id: String,
    pub title: String,
    pub province: Option<String>,
    pub valid_from: Option<Date>,
    pub valid_to: Option<Date>,
    pub sources: Vec<String>,
    pub parameters: Vec<ParameterInfo>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ParameterInfo {
    pub key: String,
    pub entries: Vec<Entry>,
}

/// The `provinces` of the contract's `policies()` row: the national pack applies everywhere.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PackRow {
    #[serde(flatten)]
    pub info: PackInfo,
    pub provinces: Vec<String>,
}

pub fn policies() -> Vec<PackRow> {
    packs()
        .iter()
        .map(|p| {
            let (from, to) = p.valid_range();
            PackRow {
                provinces: match &p.province {
                    Some(code) => vec![code.clone()],
                    None => vec!["*".to_string()],
                },
                info: PackInfo {
                    id: p.id.clone(),
                    title: p.title.clone(),
                    province: p.province.clone(),
                    valid_from: from,
                    valid_to: to,
                    sources: p.sources.clone(),
                    parameters: p
                        .parameters
                        .iter()
                        .map(|(k, e)| ParameterInfo {
                            key: k.clone(),
                            entries: e.clone(),
                        })
                        .collect(),
                },
            }
        })
        .collect()
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Version {
    #[serde(rename = "crate")]
    pub crate_version: &'static str,
    pub contract: u32,
    pub policy_packs: Vec<String>,
}

pub fn version() -> Version {
    Version {
        crate_version: env!("CARGO_PKG_VERSION"),
        contract: 1,
        policy_packs: packs().iter().map(|p| p.id.clone()).collect(),
    }
}
