// The core package's imports carry short names (scripts/pkg-short-imports.mjs, issue 8 item 6:
// the hashed names wasm-bindgen gives them do not compress). The module and its glue must still
// agree on every name, and the script must refuse a glue it cannot rename exactly.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { renameImports, renameInGlue } from "../../scripts/pkg-short-imports.mjs";

const wasmBytes = readFileSync(new URL("../../pkg/tuopin_bg.wasm", import.meta.url));
const household = {
  province: "CN-YN", registration: "poor", identifiedOn: "2016-03-01",
  members: [{ relation: "head", sex: "male", birthDate: "1970-05-01", medicalInsurance: "resident" }],
  income: { wage: 5000, business: 0, property: 0, transfer: 0, businessCosts: 0 },
};

test("every import of the core module has a short name, and the glue instantiates it", async () => {
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(wasmBytes));
  assert.ok(imports.length > 0);
  for (const i of imports) {
    assert.equal(i.module, "./tuopin_bg.js");
    assert.ok(i.name.length <= 3, `import ${i.name} was not shortened`);
  }
  const tuopin = await import("../../pkg/tuopin.js");
  tuopin.initSync({ module: wasmBytes });
  const report = tuopin.assess(household, { asOf: "2019-12-31" });
  assert.equal(report.income.line, 3218);
  // An import used only on the error path (Error with problems) is linked too.
  assert.throws(() => tuopin.assess({ ...household, members: [] }, { asOf: "2019-12-31" }),
    (e) => e.name === "TuopinInputError" && e.problems[0].code === "empty_members");
});

test("renaming refuses a glue that mentions an import name anywhere but its key", () => {
  const renamed = new Map([["__wbg_get_0123456789abcdef", "a"]]);
  const good = "const import0 = {\n        __wbg_get_0123456789abcdef: function(arg0) {\n        },\n    };";
  assert.match(renameInGlue(good, renamed), /\n {8}a: function/);
  assert.throws(() => renameInGlue(good + " // __wbg_get_0123456789abcdef", renamed), /found 1 key\(s\), 2 mention/);
  assert.throws(() => renameInGlue("const import0 = {};", renamed), /found 0 key/);
});

test("renaming an already renamed module finds nothing to rename and leaves it byte for byte", () => {
  const { bytes, renamed } = renameImports(wasmBytes, new Set());
  assert.equal(renamed.size, 0);
  assert.ok(Buffer.compare(bytes, wasmBytes) === 0);
});
