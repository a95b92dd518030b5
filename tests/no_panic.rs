//! Property test: thousands of random and mutated households through validate + assess must
//! each give a report or a problem list, never a panic.

#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use proptest::prelude::*;
use serde_json::{json, Map, Value};

fn base() -> Value {
    json!({
      "id": "P", "province": "CN-YN", "registration": "poor", "identifiedOn": "2016-03-01",
      "members": [
        { "relation": "head", "sex": "male", "birthDate": "1980-01-01", "labour": "normal", "health": "healthy",
          "schooling": "not_student", "medicalInsurance": "resident" },
        { "relation": "child", "sex": "female", "birthDate": "2010-06-01", "labour": "none", "schooling": "primary",
          "medicalInsurance": "resident" }
      ],
      "income": { "wage": 9000, "business": 1000, "property": 0, "transfer": 500, "businessCosts": 200 },
      "spending": { "medicalOutOfPocket": 0, "education": 0, "disasterLoss": 0 },
      "food": { "secure": true }, "clothing": { "secure": true },
      "housing": { "grade": "B", "areaM2": 60 },
      "water": { "pipedToHome": true, "litresPerPersonDay": 50, "daysWithoutSupply": 3, "qualityOk": true },
      "electricity": { "connected": true },
      "monitoring": { "category": "marginal", "identifiedOn": "2022-01-15", "measures": ["industry"], "riskGone": false }
    })
}

/// Values of every JSON shape, including the awkward ones (huge, tiny, negative, fractional).
fn any_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| json!(f)),
        (-100_000i64..100_000, 0u32..4).prop_map(|(n, d)| json!(n as f64 / 10f64.powi(d as i32))),
        "[a-zA-Z0-9_\\-]{0,12}".prop_map(Value::String),
        prop_oneof![
            Just("2019-12-31"),
            Just("2020-02-29"),
            Just("2019-02-29"),
            Just("CN-GX"),
            Just("CN-ZZ"),
            Just("poor"),
            Just("exited"),
            Just("ordinary"),
            Just("disabled"),
            Just("dropped_out"),
            Just("11010519491231002X"),
            Just("A"),
            Just("D"),
            Just("none"),
            Just("centralized"),
        ]
        .prop_map(|s| Value::String(s.to_string())),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-zA-Z]{1,8}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

const PATHS: &[&str] = &[
    "province",
    "registration",
    "identifiedOn",
    "members",
    "income",
    "spending",
    "food",
    "housing",
    "water",
    "waterShortArea",
    "monitoring",
    "electricity",
    "exitProcedure",
    "survey",
    "income.wage",
    "income.business",
    "income.transfer",
    "income.transferItems",
    "housing.grade",
    "housing.relocation",
    "housing.areaM2",
    "water.litresPerPersonDay",
    "water.fetchMinutes",
    "members.0.birthDate",
    "members.0.labour",
    "members.0.medicalInsurance",
    "members.0.idNumber",
    "members.1.schooling",
    "members.1.dropoutReason",
    "monitoring.identifiedOn",
    "monitoring.measures",
    "monitoring.riskGone",
    "members.0.disabilityGrade",
];

/// Sets `path` (dot-separated, numbers index arrays) when its parent exists.
fn set(root: &mut Value, path: &str, v: Value) {
    let (parent, last) = match path.rsplit_once('.') {
        Some((p, l)) => (format!("/{}", p.replace('.', "/")), l),
        None => (String::new(), path),
    };
    match root.pointer_mut(&parent) {
        Some(Value::Object(m)) => {
            m.insert(last.to_string(), v);
        }
        Some(Value::Array(a)) => {
            if let Some(slot) = last.parse::<usize>().ok().and_then(|i| a.get_mut(i)) {
                *slot = v;
            }
        }
        _ => {}
    }
}

fn options() -> impl Strategy<Value = Value> {
    (
        prop_oneof![
            Just("2016-12-31"),
            Just("2019-06-30"),
            Just("2020-12-31"),
            Just("2023-07-01"),
            Just("2026-03-01"),
            Just("bad")
        ],
        prop_oneof![
            Just(Value::Null),
            Just(json!("CN-GX")),
            Just(json!("CN-YN")),
            Just(json!("CN-ZJ"))
        ],
        prop_oneof![
            Just(Value::Null),
            Just(json!({ "monitoringLine": 8000 })),
            Just(json!({ "boundary": "lenient", "povertyLine": 3000 })),
            any_value()
        ],
        prop_oneof![Just("zh-CN"), Just("en")],
    )
        .prop_map(|(d, p, pol, l)| json!({ "asOf": d, "province": p, "policy": pol, "lang": l }))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, .. ProptestConfig::default() })]

    #[test]
    fn mutated_households_never_panic(
        edits in prop::collection::vec((prop::sample::select(PATHS), any_value()), 0..6),
        opts in options(),
    ) {
        let mut h = base();
        for (path, v) in edits {
            set(&mut h, path, v);
        }
        let _ = tuopin::validate_json(&h, Some(&opts));
        match tuopin::assess_json(&h, Some(&opts)) {
            Ok(report) => { serde_json::to_string(&report).unwrap(); }
            Err(problems) => prop_assert!(!problems.is_empty()),
        }
    }

    #[test]
    fn random_documents_never_panic(doc in any_value(), opts in any_value()) {
        let _ = tuopin::validate_json(&doc, Some(&opts));
        if let Err(problems) = tuopin::assess_json(&doc, Some(&opts)) {
            prop_assert!(!problems.is_empty());
        }
        let _ = tuopin::batch::assess_many_json(&json!([doc.clone(), base()]), Some(&opts));
    }
}
