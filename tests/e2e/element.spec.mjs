// The embedded <tuopin-assessment> element on plain host pages (not the demo site): the missing
// income line asked in place (issue 10 §1), host-set lines, events with their cause (contract v1.1
// item 5), <html lang> following (issue 10 §4), the ID number filling birth date and sex and money
// typed the way people type it (issue 10 §2, §5).

import {
  test, assert, EL, field, waitForEngine, nextEvent, readJson, elementFixture, fixtureUrl, FIXTURES,
  recordEvents, recordedEvents, activeInfo, screenshot,
} from "./lib.mjs";

const LINES_STORE = "tuopin-assessment:lines:v1";

/** A 3-person household of Gansu (甘肃): no built-in pack has a monitoring line for it. */
function gansuHousehold(env) {
  const data = readJson(env, "www/samples/monitoring-marginal-yn-2024.json");
  data.household.province = "CN-GS";
  data.household.id = "GS-0001";
  return data.household;
}

async function openFixture(ctx, name, opts) {
  elementFixture(ctx, name, opts);
  const o = await ctx.open({ ...FIXTURES, ...(opts.context ?? {}) });
  await o.page.goto(fixtureUrl(ctx, name));
  await o.page.evaluate(() => localStorage.clear());
  return o;
}

async function loadOnly(page, household, el = EL) {
  await page.evaluate(([sel, hh]) => document.querySelector(sel).load(hh), [el, household]);
}

test("element: a missing monitoring line is asked in place for today's date, used, remembered per province and year (issue 10 §1)", async (ctx) => {
  // No as-of attribute: the element assesses on today's date, for which no province has a built-in line.
  const { page } = await openFixture(ctx, "line-today", { body: `<main><tuopin-assessment></tuopin-assessment></main>` });
  await waitForEngine(page);
  const year = String(new Date().getFullYear());
  await loadOnly(page, gansuHousehold(ctx));
  // The date hint no longer says the opposite of what happens.
  const regime = await page.locator(`${EL} .regime-hint`).textContent();
  if (Number(year) >= 2026) {
    assert.doesNotMatch(regime, /将按 2021–2025 年规则评估并提示/);
    assert.match(regime, /2021–2025 年防止返贫监测规则/);
    assert.match(regime, /本省当年通知/);
  }

  let ev = nextEvent(page);
  await page.locator(`${EL} button[type=submit]`).click();
  const invalid = await ev;
  assert.equal(invalid.type, "tuopin-invalid");
  assert.equal(invalid.detail.cause, "submit");
  assert.ok(invalid.detail.problems.some((p) => p.code === "no_monitoring_line"), JSON.stringify(invalid.detail.problems));

  const prompt = page.locator(`${EL} .line-prompt`);
  await prompt.waitFor();
  const text = await prompt.textContent();
  assert.match(await prompt.locator("legend").first().textContent(), new RegExp(`甘肃${year}年的防止返贫监测范围`));
  assert.match(text, /元\/人·年/, "says the unit");
  assert.match(text, /由各省每年确定/, "says why it is needed");
  assert.match(text, /本省或本县当年印发/, "says where an official finds it");
  if (Number(year) >= 2026) assert.equal((text.match(/2021–2025 年/g) ?? []).length, 1, "the 2021–2025 rule is stated once");
  assert.doesNotMatch(text, /policy\.monitoringLine|[A-Za-z]{4,}/, "plain Chinese, no developer words");
  // Focus is in the prompt, and the error summary (if shown) links to it.
  assert.equal((await activeInfo(page)).id.endsWith("-line-amount"), true);
  await screenshot(page, ctx, "element-line-prompt-1280");

  // Money typed as people type it.
  ev = nextEvent(page);
  await page.keyboard.type("7,000元");
  await page.keyboard.press("Enter");
  const result = await ev;
  assert.equal(result.type, "tuopin-result");
  assert.equal(result.detail.cause, "submit");
  assert.equal(result.detail.report.income.line, 7000);
  assert.equal(result.detail.report.policy.overrides.monitoringLine, 7000);
  assert.ok(await prompt.count() === 0 || await prompt.isHidden(), "the prompt closes");
  const stored = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)), LINES_STORE);
  assert.deepEqual(Object.keys(stored), [`monitoringLine|CN-GS|${year}`]);
  assert.deepEqual(stored[`monitoringLine|CN-GS|${year}`], { value: 7000, province: "CN-GS", year: Number(year) }, "only province, year and amount");
  const resultText = await page.locator(`${EL} .result`).textContent();
  assert.match(resultText, new RegExp(`7,?000 元/人·年（在本机为甘肃${year}年填写）`), "the result says which line and from where");
  // Issue 10 §5: no pack ids or parameter keys in the zh-CN result.
  assert.doesNotMatch(resultText, /cn-national|cn-gs|monitoringLine/);
  assert.match(resultText, /自定义参数监测线 7,?000/);

  // Another visit: the remembered line is used without asking, and can be changed.
  await page.reload();
  await waitForEngine(page);
  await loadOnly(page, gansuHousehold(ctx));
  ev = nextEvent(page);
  await page.locator(`${EL} button[type=submit]`).click();
  const again = await ev;
  assert.equal(again.type, "tuopin-result");
  assert.equal(again.detail.report.income.line, 7000);
  await page.locator(`${EL} .line-in-use button`).click();
  await prompt.waitFor();
  assert.equal(await page.locator(`${EL} .line-prompt input[inputmode=decimal]`).first().inputValue(), "7000");
});

test("element: a missing poverty line (exit rules, 2017) is asked in place without the after-2025 note (issue 10 §1)", async (ctx) => {
  const { page } = await openFixture(ctx, "line-2017", { body: `<main><tuopin-assessment as-of="2017-12-31"></tuopin-assessment></main>` });
  await waitForEngine(page);
  const hh = readJson(ctx, "www/samples/exit-ready-yn-2019.json").household;
  hh.province = "CN-GS";
  delete hh.exitProcedure; // its dates are of 2019
  await loadOnly(page, hh);
  const ev = nextEvent(page);
  await page.locator(`${EL} button[type=submit]`).click();
  const invalid = await ev;
  assert.equal(invalid.type, "tuopin-invalid");
  // The 2017 national line is not confirmed (marked N in the packs), so there is none to apply.
  assert.ok(invalid.detail.problems.some((p) => p.code === "no_poverty_line"), JSON.stringify(invalid.detail.problems));
  const prompt = page.locator(`${EL} .line-prompt`);
  await prompt.waitFor();
  assert.match(await prompt.locator("legend").first().textContent(), /甘肃2017年的扶贫标准/);
  assert.doesNotMatch(await prompt.textContent(), /2026 年起/);
  // A host's poverty-lines attribute for that province and year answers it without asking.
  const ev2 = nextEvent(page);
  await page.evaluate((sel) => document.querySelector(sel).setAttribute("poverty-lines", '{"CN-GS":{"2017":3300}}'), EL);
  await page.evaluate((sel) => document.querySelector(sel).assess(), EL);
  const r = await ev2;
  assert.equal(r.type, "tuopin-result", JSON.stringify(r.detail.problems));
  assert.equal(r.detail.report.income.line, 3300);
  assert.equal(r.detail.report.income.lineKind, "poverty_line");
});

test("element: host lines (monitoring-lines attribute, lines property) and policy, each assessment one event with its cause (contract v1.1 item 5)", async (ctx) => {
  const { page } = await openFixture(ctx, "line-host", {
    body: `<main><tuopin-assessment as-of="2024-12-31" monitoring-lines='{"CN-GS":{"2024":7100}}'></tuopin-assessment></main>`,
  });
  await waitForEngine(page);
  await recordEvents(page);
  await loadOnly(page, gansuHousehold(ctx));
  const count = async (n) => page.waitForFunction((k) => window.__events.length === k, n);
  await page.evaluate((sel) => document.querySelector(sel).assess(), EL);
  await count(1);
  await page.evaluate((sel) => { document.querySelector(sel).lines = { monitoringLine: { "CN-GS": { 2024: 7200 } } }; }, EL);
  await count(2);
  await page.evaluate((sel) => { document.querySelector(sel).policy = { monitoringLine: 7300 }; }, EL);
  await count(3);
  await page.evaluate((sel) => document.querySelector(sel).setAttribute("lang", "en"), EL);
  await count(4);
  await page.evaluate((sel) => document.querySelector(sel).setAttribute("as-of", "2024-06-30"), EL);
  await count(5);
  await page.evaluate((sel) => { document.querySelector(sel).asOf = "2024-07-31"; }, EL);
  await count(6);
  await page.evaluate((sel) => { document.querySelector(sel).policy = { monitoringLine: "x" }; }, EL);
  await count(7);
  await page.waitForTimeout(300);
  const events = await recordedEvents(page);
  assert.equal(events.length, 7, "exactly one event per assessment asked for");
  assert.deepEqual(events.map((e) => [e.type, e.detail.cause]), [
    ["tuopin-result", "submit"], ["tuopin-result", "property"], ["tuopin-result", "policy"], ["tuopin-result", "language"],
    ["tuopin-result", "attribute"], ["tuopin-result", "property"], ["tuopin-invalid", "policy"],
  ]);
  assert.deepEqual(events.slice(0, 3).map((e) => e.detail.report.income.line), [7100, 7200, 7300]);
  for (const e of events.slice(0, 6)) assert.ok(e.detail.report && e.detail.household && e.detail.cause);
  assert.ok(Array.isArray(events[6].detail.problems) && events[6].detail.household);
  assert.equal(events[4].detail.report.policy.asOf, "2024-06-30");
  assert.equal(events[5].detail.report.policy.asOf, "2024-07-31");
  // The host's line is named as such in the result.
  await page.evaluate((sel) => { document.querySelector(sel).policy = undefined; }, EL);
  await page.waitForFunction(() => window.__events.length === 8);
  assert.match(await page.locator(`${EL} .result`).textContent(), /set by this site for Gansu 2024/);
});

test("element: a line as a multiple of the local dibao standard is passed per contract v1.1 item 4 and named in the result", async (ctx) => {
  const { page } = await openFixture(ctx, "line-dibao", { body: `<main><tuopin-assessment as-of="2024-12-31"></tuopin-assessment></main>` });
  await waitForEngine(page);
  await loadOnly(page, gansuHousehold(ctx));
  await page.locator(`${EL} button[type=submit]`).click();
  await page.locator(`${EL} .line-prompt`).waitFor();
  await page.locator(`${EL} .line-prompt input[value=dibao]`).check();
  await page.locator(`${EL} .line-prompt input[id$=-line-dibao]`).fill("815");
  await page.locator(`${EL} .line-prompt input[id$=-line-factor]`).fill("2");
  const ev = nextEvent(page);
  await page.locator(`${EL} .line-prompt button.primary`).click();
  const r = await ev;
  assert.deepEqual(r.detail.options.policy.monitoringLine, { dibaoMonthly: 815, factor: 2 });
  assert.equal(r.type, "tuopin-result", `the engine accepts the dibao form: ${JSON.stringify(r.detail.problems ?? [])}`);
  assert.equal(r.detail.report.income.line, 19560, "815 × 12 × 2");
  assert.equal(r.detail.report.income.lineBasis.kind, "dibao_multiple");
  assert.match(await page.locator(`${EL} .result`).textContent(), /农村低保标准 815 元\/人·月的 2 倍/);
});

test("element: without a lang attribute it follows <html lang> and its changes (issue 10 §4)", async (ctx) => {
  const { page } = await openFixture(ctx, "html-lang", { body: `<main><tuopin-assessment as-of="2024-06-30"></tuopin-assessment></main>` });
  await waitForEngine(page);
  const data = readJson(ctx, "www/samples/monitoring-marginal-yn-2024.json");
  await loadOnly(page, data.household);
  await recordEvents(page);
  await page.evaluate((sel) => document.querySelector(sel).assess(), EL);
  await page.waitForFunction(() => window.__events.length === 1);
  assert.match(await page.locator(`${EL} button[type=submit]`).textContent(), /开始评估/);
  await page.evaluate(() => { document.documentElement.lang = "en"; });
  await page.waitForFunction(() => window.__events.length === 2);
  assert.match(await page.locator(`${EL} button[type=submit]`).textContent(), /Assess/);
  const events = await recordedEvents(page);
  assert.equal(events[1].detail.cause, "language");
  assert.equal(events[1].detail.options.lang, "en");
  await page.evaluate(() => { document.documentElement.lang = "zh-CN"; });
  await page.waitForFunction(() => window.__events.length === 3);
  assert.match(await page.locator(`${EL} button[type=submit]`).textContent(), /开始评估/);
});

test("element: the 身份证号 fills birth date and sex (editable), its check digit checked as typed; money as typed (issue 10 §2, §5)", async (ctx) => {
  const { page } = await openFixture(ctx, "idcard", { body: `<main><tuopin-assessment as-of="2024-06-30" province="CN-YN"></tuopin-assessment></main>` });
  await waitForEngine(page);
  const id = field(page, "members[0].idNumber");
  await id.click();
  await page.keyboard.type("11010519491231002");
  const status = page.locator(`${EL} .id-status`).first();
  await page.keyboard.type("9"); // wrong check digit (the right one is X)
  assert.match(await status.textContent(), /校验码不对/);
  assert.equal(await field(page, "members[0].birthDate").inputValue(), "", "nothing filled from a wrong number");
  await page.keyboard.press("Backspace");
  await page.keyboard.type("x");
  assert.match(await status.textContent(), /校验通过/);
  assert.equal(await field(page, "members[0].birthDate").inputValue(), "1949-12-31");
  assert.equal(await field(page, "members[0].sex").inputValue(), "female");
  // Still editable; a hand-typed date is not overwritten by a later ID number.
  await field(page, "members[0].birthDate").fill("19491230");
  await field(page, "members[0].birthDate").blur();
  assert.equal(await field(page, "members[0].birthDate").inputValue(), "1949-12-30", "YYYYMMDD becomes YYYY-MM-DD");
  await id.fill("");
  await id.type("110105194912310021");
  assert.equal(await field(page, "members[0].birthDate").inputValue(), "1949-12-30");

  // "2600元" and "2,600" are 2600; "2,60" is not guessed and gets a plain instruction.
  await field(page, "income.wage").fill("2600元");
  await field(page, "income.business").fill("2,600");
  await field(page, "income.property").fill("2,60");
  const ev = nextEvent(page);
  await page.locator(`${EL} button[type=submit]`).click();
  const r = await ev;
  assert.equal(r.detail.household.income.wage, 2600);
  assert.equal(r.detail.household.income.business, 2600);
  assert.equal(r.type, "tuopin-invalid");
  const err = page.locator(`${EL} [data-error-for="income.property"]`);
  assert.match(await err.textContent(), /请填写数字，单位为元，例如 2600/);
  assert.doesNotMatch(await page.locator(`${EL} .error-summary`).textContent(), /类型错误|string|number/);
});

test("element: engine warnings are shown beside their field; undecided conditions name the missing fact and link to it (issue 10 §5, §6)", async (ctx) => {
  const { page } = await openFixture(ctx, "warnings", { body: `<main><tuopin-assessment as-of="2019-12-31"></tuopin-assessment></main>` });
  await waitForEngine(page);
  const data = readJson(ctx, "www/samples/exit-ready-yn-2019.json");
  const child = data.household.members.findIndex((m) => m.relation === "child" && m.birthDate > "2005");
  assert.ok(child > 0, "the sample has a school-age child");
  data.household.members[child].labour = "normal"; // a child coded as labour: the engine warns at members[i].labour
  delete data.household.spending; // rigid spending unknown
  await loadOnly(page, data.household);
  const ev = nextEvent(page);
  await page.locator(`${EL} button[type=submit]`).click();
  const r = await ev;
  assert.equal(r.type, "tuopin-result");
  const w = (r.detail.report.warnings ?? []).find((x) => x.path === `members[${child}].labour`);
  assert.ok(w, JSON.stringify(r.detail.report.warnings));
  const beside = page.locator(`${EL} [data-field="members[${child}].labour"] .field-warning`);
  assert.ok(await beside.isVisible(), "the warning is beside the field, its card opened");
  assert.ok((await beside.textContent()).includes(w.message.replace(/^[^:：]*[:：]\s*/, "").slice(0, 6)));
  const describedBy = await field(page, `members[${child}].labour`).getAttribute("aria-describedby");
  assert.ok(describedBy.includes(await beside.getAttribute("id")), "announced with the field");

  assert.deepEqual(r.detail.report.exit.unknown, ["rigid_spending_exceeds_income"]);
  {
    const list = page.locator(`${EL} .result .unknown-list`);
    const text = await list.textContent();
    assert.doesNotMatch(text, /因病因学刚性支出超过收入/, "a missing fact does not read like a finding");
    assert.match(text, /支出不详/);
    await list.locator("button", { hasText: "去填写" }).first().click();
    assert.equal((await activeInfo(page)).path, "spending.medicalOutOfPocket");
  }
});

test("element: the link of an undecided check opens the field the engine names, not a fixed one (issue 10 §5)", async (ctx) => {
  const { page } = await openFixture(ctx, "unknown-link", { body: `<main><tuopin-assessment as-of="2019-12-31"></tuopin-assessment></main>` });
  await waitForEngine(page);
  const data = readJson(ctx, "www/samples/exit-ready-yn-2019.json");
  // A school-age child after the first member, whose schooling is not given: 义务教育 is unknown
  // because of that member, so the link must open members[child].schooling, not members[0]'s.
  const child = data.household.members.findIndex((m) => m.relation === "child" && m.birthDate > "2005");
  assert.ok(child > 0, "the sample has a school-age child after the head");
  delete data.household.members[child].schooling;
  await loadOnly(page, data.household);
  const ev = nextEvent(page);
  await page.locator(`${EL} button[type=submit]`).click();
  const r = await ev;
  assert.ok(r.detail.report.exit.unknown.includes("education"), JSON.stringify(r.detail.report.exit));
  const missing = r.detail.report.exit.missing.find((m) => m.item === "education");
  assert.deepEqual(missing.paths, [`members[${child}].schooling`]);
  const item = page.locator(`${EL} .result .unknown-list li`, { hasText: "义务教育" });
  await item.locator("button", { hasText: "去填写" }).click();
  assert.equal((await activeInfo(page)).path, `members[${child}].schooling`);
});

test("element: sections and fields that do not apply to the registration and date stay closed (issue 10 §2)", async (ctx) => {
  const { page } = await openFixture(ctx, "sections", { body: `<main><tuopin-assessment as-of="2024-06-30" province="CN-YN"></tuopin-assessment></main>` });
  await waitForEngine(page);
  const open = () => page.evaluate((sel) => {
    const root = document.querySelector(sel).shadowRoot;
    const out = {};
    for (const d of root.querySelectorAll("details.section-details")) out[d.dataset.section] = d.open;
    return out;
  }, EL);
  const shown = (p) => page.evaluate(([sel, path]) => !document.querySelector(sel).shadowRoot.querySelector(`[data-field="${path}"]`).hidden, [EL, p]);
  await field(page, "registration").selectOption("ordinary");
  assert.deepEqual(await open(), { transferItems: false, relocation: false, monitoring: true, exitProcedure: false }, "2024, ordinary household");
  assert.equal(await shown("exitedOn"), false, "脱贫时间 only for an exited household");
  assert.equal(await shown("identifiedOn"), false, "建档立卡时间 not for an ordinary household");

  await field(page, "asOf").fill("20191231");
  await field(page, "asOf").blur();
  await field(page, "registration").selectOption("poor");
  assert.equal(await field(page, "asOf").inputValue(), "2019-12-31");
  assert.deepEqual(await open(), { transferItems: false, relocation: false, monitoring: false, exitProcedure: true }, "2019, registered poor");
  assert.equal(await shown("identifiedOn"), true);
  await field(page, "registration").selectOption("exited");
  assert.equal(await shown("exitedOn"), true);
  assert.equal((await open()).exitProcedure, false, "no exit procedure for a household that has exited");

  // A loaded household opens what holds values; an adult has no 已完成九年义务教育 question.
  const data = readJson(ctx, "www/samples/transfers-gx-2019.json");
  await loadOnly(page, data);
  const o = await open();
  assert.equal(o.transferItems, true, "the sample has transfer items");
  assert.equal(await shown("members[0].completedCompulsory"), false);
});
