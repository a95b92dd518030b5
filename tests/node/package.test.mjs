// Issue 11 §4 (packaging, Node): the packed package as a Node project sees it. `npm pack pkg/`,
// unpacked into test-artifacts/node-package/app/node_modules/tuopin, then imported by name:
// ESM `import init, { assess } from "tuopin"`, `import("tuopin/element")` on a server (no DOM),
// `require("tuopin")`, and the types TypeScript picks for each (tsc --noEmit, module nodenext).
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const work = path.join(root, "test-artifacts/node-package");
const app = path.join(work, "app");

// One person with exactly the 2019 line (3218 yuan): income must be above the line to exit, so
// under the default strict reading the household is not ready and income blocks it.
const household = {
  id: "P-1", province: "CN-YN", registration: "poor", identifiedOn: "2016-03-01",
  members: [{ relation: "head", sex: "male", birthDate: "1970-05-01", medicalInsurance: "resident" }],
  income: { wage: 3218, business: 0, property: 0, transfer: 0, businessCosts: 0 },
  spending: { medicalOutOfPocket: 0, education: 0 }, food: { secure: true }, clothing: { secure: true },
  housing: { grade: "A" }, water: { pipedToHome: true, litresPerPersonDay: 60, daysWithoutSupply: 0, qualityOk: true },
};

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 64 << 20, ...opts });
  return { ...r, out: `${r.stdout}\n${r.stderr}` };
}

// An ESM file inside the app, so that bare specifiers resolve as in a user's project.
let load;
let resolve;
let requireFromApp;

before(async () => {
  assert.ok(fs.existsSync(path.join(root, "pkg/package.json")), "pkg/ is not built (bash scripts/build.sh)");
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(path.join(app, "node_modules/tuopin"), { recursive: true });
  const packed = run("npm", ["pack", "./pkg", "--json", "--pack-destination", work], { cwd: root });
  assert.equal(packed.status, 0, packed.out);
  const tarball = path.join(work, JSON.parse(packed.stdout)[0].filename);
  // What npm does with a tarball of a package without dependencies or scripts: unpack it.
  const untar = run("tar", ["-xzf", tarball, "-C", path.join(app, "node_modules/tuopin"), "--strip-components=1"]);
  assert.equal(untar.status, 0, untar.out);
  fs.writeFileSync(path.join(app, "package.json"), JSON.stringify({ private: true, type: "module" }, null, 2));
  fs.writeFileSync(path.join(app, "load.mjs"), "export const load = (s) => import(s);\nexport const resolve = (s) => import.meta.resolve(s);\n");
  ({ load, resolve } = await import(pathToFileURL(path.join(app, "load.mjs")).href));
  requireFromApp = createRequire(path.join(app, "index.cjs"));
});

test("ESM under Node: `import init, { assess } from \"tuopin\"` works, init() resolves (issue 11 §4)", async () => {
  assert.match(resolve("tuopin"), /\/node_modules\/tuopin\/node\/tuopin\.mjs$/);
  const tuopin = await load("tuopin");
  assert.equal(typeof tuopin.default, "function", "default export init");
  assert.equal(await tuopin.default(), undefined);
  assert.equal(tuopin.initSync(), undefined);
  const report = tuopin.assess(household, { asOf: "2019-12-31" });
  assert.equal(report.income.line, 3218);
  assert.deepEqual([report.exit.verdict, report.exit.blocking], ["not_ready", ["income"]]);
  // The same engine as require(): the ESM entry wraps the CommonJS build, it does not copy it.
  assert.equal(tuopin.assess, requireFromApp("tuopin").assess);
  for (const fn of ["assessMany", "validate", "policies", "version"]) assert.equal(typeof tuopin[fn], "function", fn);
});

test("server-side rendering: import(\"tuopin/element\") defines nothing and does not throw (issue 11 §4)", async () => {
  assert.equal(typeof globalThis.customElements, "undefined");
  assert.match(resolve("tuopin/element"), /\/node\/element\.mjs$/);
  const element = await load("tuopin/element");
  assert.equal(element.TuopinAssessment, undefined);
  const v = await element.loadEngine();
  assert.equal(v.contract, 1);
  assert.equal(typeof globalThis.HTMLElement, "undefined", "the module must not install DOM globals");
  const cjs = requireFromApp("tuopin/element");
  assert.equal((await cjs.loadEngine()).contract, 1);
});

test("require(\"tuopin\") and require(\"tuopin/node\") give the CommonJS build (issue 11 §4)", () => {
  assert.match(requireFromApp.resolve("tuopin"), /\/node\/tuopin\.cjs$/);
  const tuopin = requireFromApp("tuopin");
  assert.equal(tuopin, requireFromApp("tuopin/node"));
  const report = tuopin.assess({ ...household, income: { ...household.income, wage: 3219 } }, { asOf: "2019-12-31" });
  // One yuan above the line: income passes and nothing else blocks.
  assert.equal(report.exit.verdict, "ready");
  assert.equal(tuopin.init, undefined, "require gets the loaded module, no init()");
});

test("the Node types describe what Node gets: .d.mts for import, .d.cts for require (tsc --noEmit) (issue 11 §4)", () => {
  const tsc = path.join(root, "node_modules/typescript/bin/tsc");
  assert.ok(fs.existsSync(tsc), "typescript is a dev dependency (npm ci)");
  fs.writeFileSync(
    path.join(app, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        module: "nodenext", moduleResolution: "nodenext", target: "es2022", lib: ["es2022"], types: [],
        strict: true, noEmit: true, skipLibCheck: false,
      },
      files: ["esm.mts", "cjs.cts"],
    }, null, 2),
  );
  fs.writeFileSync(
    path.join(app, "esm.mts"),
    `import init, { assess, initSync, type Household, type Report } from "tuopin";
import { loadEngine, TuopinAssessment } from "tuopin/element";

const household = JSON.parse("{}") as Household;
await init();
initSync();
const report: Report = assess(household, { asOf: "2019-12-31" });
const verdict: "ready" | "not_ready" | "incomplete" | undefined = report.exit?.verdict;
// @ts-expect-error options (asOf) are required
assess(household);
const version = await loadEngine();
const contract: number = version.contract;
// Under Node the element module defines no element.
const none: undefined = TuopinAssessment;
export { verdict, contract, none };
`,
  );
  fs.writeFileSync(
    path.join(app, "cjs.cts"),
    `import tuopin = require("tuopin");
import element = require("tuopin/element");

const household = JSON.parse("{}") as tuopin.Household;
const report: tuopin.Report = tuopin.assess(household, { asOf: "2019-12-31" });
// @ts-expect-error require() gets the loaded CommonJS build: there is no init()
tuopin.init();
const pending: Promise<tuopin.VersionInfo> = element.loadEngine();
export = { report, pending };
`,
  );
  const r = run(process.execPath, [tsc, "-p", app, "--explainFiles"], { cwd: app });
  assert.equal(r.status, 0, r.out);
  for (const f of ["node/tuopin.d.mts", "node/tuopin.d.cts", "node/element.d.mts", "node/element.d.cts"]) {
    assert.ok(r.stdout.includes(`node_modules/tuopin/${f}`), `tsc did not read ${f}:\n${r.stdout}`);
  }
  assert.ok(!/node_modules\/tuopin\/tuopin\.d\.ts/.test(r.stdout), "Node must not get the browser types");
});

test("browser types resolve with `exports` (bundler) and without (node10, webpack 4 era: element/package.json) (issue 11 §4)", () => {
  const tsc = path.join(root, "node_modules/typescript/bin/tsc");
  fs.writeFileSync(
    path.join(app, "browser.ts"),
    `import init, { assess, type Household } from "tuopin";
import { loadEngine, TuopinAssessment } from "tuopin/element";

const household = JSON.parse("{}") as Household;
init().then(() => assess(household, { asOf: "2019-12-31" }).exit?.blocking);
// @ts-expect-error options (asOf) are required
assess(household);
const el: TuopinAssessment | null = document.querySelector("tuopin-assessment");
el?.assess().then((r) => r?.exit?.verdict);
loadEngine().then((v) => v.contract);
export {};
`,
  );
  for (const resolution of ["bundler", "node10"]) {
    const config = `tsconfig.${resolution}.json`;
    fs.writeFileSync(
      path.join(app, config),
      JSON.stringify({
        compilerOptions: {
          module: "esnext", moduleResolution: resolution, target: "es2019", lib: ["es2020", "dom"], types: [],
          strict: true, noEmit: true, skipLibCheck: false, ignoreDeprecations: "5.0",
        },
        files: ["browser.ts"],
      }, null, 2),
    );
    const r = run(process.execPath, [tsc, "-p", config, "--explainFiles"], { cwd: app });
    assert.equal(r.status, 0, `${resolution}:\n${r.out}`);
    for (const f of ["tuopin.d.ts", "tuopin-assessment.d.ts"]) {
      assert.ok(r.stdout.includes(`node_modules/tuopin/${f}`), `${resolution}: tsc did not read ${f}:\n${r.stdout}`);
    }
    assert.ok(!r.stdout.includes("node_modules/tuopin/node/"), `${resolution}: a browser build must not get the Node types`);
  }
});
