//! Turns the policy packs (`src/policy/packs/*.toml`, human-edited law-as-data) into one JSON
//! document embedded in the library. Parsing TOML at build time keeps the TOML parser out of
//! the wasm module; the JSON parser is needed there anyway.

use std::fs;
use std::path::Path;

fn main() {
    let dir = Path::new("src/policy/packs");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut names: Vec<_> = match fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect(),
        Err(e) => {
            println!("cargo:warning=cannot read {}: {e}", dir.display());
            Vec::new()
        }
    };
    names.sort();
    let mut packs = Vec::new();
    for path in names {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path).unwrap_or_else(|e| fail(&path, &e.to_string()));
        let value: toml::Value =
            toml::from_str(&text).unwrap_or_else(|e| fail(&path, &e.to_string()));
        let json = serde_json::to_value(value).unwrap_or_else(|e| fail(&path, &e.to_string()));
        packs.push(json);
    }
    let out = std::env::var("OUT_DIR").unwrap_or_else(|_| fail(dir, "OUT_DIR not set"));
    let text = serde_json::to_string(&packs).unwrap_or_else(|e| fail(dir, &e.to_string()));
    fs::write(Path::new(&out).join("packs.json"), text)
        .unwrap_or_else(|e| fail(dir, &e.to_string()));
}

fn fail(path: &Path, why: &str) -> ! {
    eprintln!("policy pack {}: {why}", path.display());
    std::process::exit(1)
}
