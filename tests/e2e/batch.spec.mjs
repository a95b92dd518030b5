// The batch page (www/batch.html): a file of many households assessed in a Web Worker, with the
// summary, the indicators, two SVG charts, invalid rows by line, a paged table with filters and
// sorting, exports as downloads, GBK files from Excel, a malformed file, accessibility, layout at
// 360 px and 1280 px, and a 50,000-household file during which the page stays responsive.
//
// www/samples/batch-sample.csv, by hand (Yunnan, assessed on 2019-12-31: line 3,218 yuan; Yunnan
// is a western province, so the incidence threshold is 3%):
//
//   line  id   persons  per capita  outcome                 failing     survey
//    2    H01     3        5000     ready                   –           exit sample, recognises
//    5    H02     2        2500     not_ready               income      exit sample, does not
//    7    H03     4        5500     not_ready               housing (D) recognises
//   11    H04     1        9800     incomplete (no water)   –           recognises
//   12    H05     3       11166.67  ordinary: no exit test  –           missed sample, recognises
//   15    H06     2        6000     not_ready               education   recognises
//   17    H07     –        –        invalid: birth date 1979-13-40 (line 17, column 出生日期)
//   18    H08     2        1400     exited: no exit test    income      both samples, recognises
//
//   persons 17; remaining poor persons H02+H03+H04+H06 = 2+4+1+2 = 9 → incidence 9/17 = 52.94%
//   Contract v1.1 item 7 (issue 9, item 13): the 错退 sample is drawn from exited households and
//   the 漏评 sample from ordinary ones; the flags on H01, H02 (poor) and H08's missed flag are
//   ignored (warning sample_flag_ignored).
//   wrong exit: sample H08 = 2 persons, failing H08 (income) = 2 → 2/2 = 100.00%
//   missed: sample H05 = 3 persons, below the line none → 0/3 = 0.00%
//   recognition: 6 of 7 surveyed households → 85.71% (standard: above 90%)
//   per capita ÷ line: 0.44, 0.78 (below), 1.55, 1.71, 1.86, 3.05, 3.47 (at or above)

import fs from "node:fs";
import path from "node:path";
import { test, assert, axe, formatViolations, clearStorage, screenshot, overflowX } from "./lib.mjs";

const sampleFile = (ctx, name) => path.join(ctx.root, "www", "samples", name);

async function openBatch(ctx, options = {}) {
  const o = await ctx.open(options);
  await o.page.goto(`${ctx.base}batch.html`);
  await clearStorage(o.page);
  await o.page.reload();
  await o.page.locator("#file").waitFor({ state: "attached" });
  return o;
}

async function runFile(page, file) {
  await page.locator("#file").setInputFiles(file);
  await page.locator("#results").waitFor({ state: "visible", timeout: 30000 });
  await page.locator("#rows tbody tr").first().waitFor();
}

const text = async (loc) => (await loc.textContent()).replace(/\s+/g, " ").trim();
const cells = (loc) => loc.evaluate((tr) => [...tr.cells].map((c) => c.textContent.trim()));
const rowIds = (page) => page.locator("#rows tbody tr").evaluateAll((rows) => rows.map((r) => r.dataset.id));

async function downloadText(page, click) {
  const [dl] = await Promise.all([page.waitForEvent("download"), click()]);
  const file = await dl.path();
  return { name: dl.suggestedFilename(), text: fs.readFileSync(file, "utf8") };
}

test("batch: a CSV with Chinese headers: summary, indicators, charts, invalid row, table, filters, sorting, exports", async (ctx) => {
  const { page } = await openBatch(ctx);
  assert.equal(await page.locator("h1").textContent(), "批量评估");
  assert.equal(await page.locator("nav a[aria-current=page]").getAttribute("href"), "batch.html");
  await runFile(page, sampleFile(ctx, "batch-sample.csv"));

  // Progress: finished, with the bar full.
  const bar = await page.locator("#progress").evaluate((p) => ({ value: p.value, max: p.max }));
  assert.deepEqual(bar, { value: 1, max: 1 }, "the bar is full: the whole file is read");
  assert.match(await text(page.locator("#progress-text")), /已完成：共 8 户/);
  assert.ok(await page.locator("#cancel").isHidden());
  assert.ok(await page.locator("#encoding-note").isHidden(), "a UTF-8 file needs no conversion note");

  // Counts.
  const dd = (k) => text(page.locator(`#counts dd[data-key="${k}"]`));
  assert.equal(await dd("households"), "8 户");
  assert.equal(await dd("valid"), "7 户");
  assert.equal(await dd("invalidN"), "1 户");
  assert.equal(await dd("persons"), "17 人");
  assert.equal(await dd("registeredPoorPersons"), "12 人");
  assert.equal(await dd("remainingPoorPersons"), "9 人");
  assert.match(await dd("provinceUsed"), /^云南.西部省份.$/);
  assert.match(await dd("lineUsed"), /3,218 元/);

  // Indicators: value, numerator / denominator, threshold, comparison, boundary, text + icon.
  const ind = (k) => page.locator(`#indicators tr[data-indicator="${k}"]`);
  const incidence = await text(ind("incidence"));
  assert.match(incidence, /贫困发生率/);
  assert.match(incidence, /52\.94%/);
  assert.match(incidence, /9 \/ 17 人/);
  assert.match(incidence, /低于 3%/);
  assert.match(incidence, /严格：等于 3% 不达标/);
  assert.match(incidence, /✗ 未达标/);
  assert.equal(await ind("incidence").getAttribute("data-status"), "fail");
  assert.match(await text(ind("wrongExit")), /100\.00%.*2 \/ 2 人.*低于 2%/);
  assert.match(await text(ind("missed")), /0\.00%.*0 \/ 3 人.*低于 2%/);
  const recognition = await text(ind("recognition"));
  assert.match(recognition, /85\.71%.*6 \/ 7 户.*高于 90%/);
  assert.match(recognition, /✗ 未达标/);
  assert.match(await text(page.locator("#overall")), /✗ 参与考核的 4 项指标中有 3 项未达标/);

  // Breakdown by verdict.
  assert.match(await text(page.locator('#breakdown ul[data-group="byVerdict"] li[data-code="not_ready"]')), /暂不能退出.*3 户/);

  // Charts: the histogram of income ÷ line with the line marked, and failing checks.
  const bins = await page.locator("#hist-chart rect.bar").evaluateAll((r) => r.map((x) => Number(x.dataset.count)));
  assert.equal(bins.length, 13);
  assert.equal(bins.reduce((a, b) => a + b, 0), 7);
  assert.deepEqual([bins[1], bins[3], bins[6], bins[7], bins[12]], [1, 1, 2, 1, 2]);
  assert.equal(await page.locator("#hist-chart rect.bar.below").count(), 4, "bins under 1× are marked as below the line");
  assert.equal(await page.locator("#hist-chart line.line-mark").count(), 1);
  assert.match(await text(page.locator("#hist-chart")), /标准线/);
  assert.match(await text(page.locator("#hist-caption")), /收入低于标准线 2 户，达到或高于标准线 5 户/);
  assert.equal(await page.locator("#hist-chart svg").getAttribute("role"), "img");
  const failBars = await page.locator("#fail-chart rect.bar").evaluateAll((r) => Object.fromEntries(r.map((x) => [x.dataset.check, Number(x.dataset.count)])));
  assert.deepEqual(failBars, { income: 2, food: 0, clothing: 0, education: 1, medical: 0, housing: 1, water: 0, electricity: 0 });
  assert.match(await text(page.locator("#fail-caption")), /有 4 户至少一项检查未通过/);

  // The invalid row, by its line, column, field path and message.
  assert.ok(await page.locator("#invalid-panel").isVisible());
  const bad = page.locator('#invalid tr[data-line="17"]');
  assert.equal(await bad.count(), 1);
  const badText = await text(bad);
  assert.match(badText, /H07/);
  assert.match(badText, /出生日期/);
  assert.match(badText, /members\[0\]\.birthDate/);
  assert.match(badText, /1979-13-40/);
  assert.equal(await bad.getAttribute("data-code"), "invalid_date");

  // The table: file order, then filters and sorting (done in the worker).
  assert.deepEqual(await rowIds(page), ["H01", "H02", "H03", "H04", "H05", "H06", "H08"]);
  assert.match(await text(page.locator('#rows tr[data-id="H02"]')), /✗ 暂不能退出.*收入/);
  assert.match(await text(page.locator("#rows-status")), /共 7 户符合条件/);
  await page.locator("#filter-failing").selectOption("housing");
  await page.waitForFunction(() => document.querySelectorAll("#rows tbody tr").length === 1);
  assert.deepEqual(await rowIds(page), ["H03"]);
  await page.locator("#filter-failing").selectOption("");
  await page.locator("#filter-outcome").selectOption("not_ready");
  await page.waitForFunction(() => document.querySelectorAll("#rows tbody tr").length === 3);
  assert.deepEqual(await rowIds(page), ["H02", "H03", "H06"]);
  await page.locator("#filter-outcome").selectOption("");
  await page.waitForFunction(() => document.querySelectorAll("#rows tbody tr").length === 7);
  await page.locator('#rows button[data-sort="perCapita"]').click();
  await page.waitForFunction(() => document.querySelector("#rows tbody tr")?.dataset.id === "H08");
  assert.deepEqual(await rowIds(page), ["H08", "H02", "H01", "H03", "H06", "H04", "H05"]);
  assert.equal(await page.locator('#rows th:has(button[data-sort="perCapita"])').getAttribute("aria-sort"), "ascending");
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.sort), "perCapita", "focus stays on the sort button");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector("#rows tbody tr")?.dataset.id === "H05");
  assert.equal(await page.locator('#rows th:has(button[data-sort="perCapita"])').getAttribute("aria-sort"), "descending");
  await page.locator("#sort").selectOption("persons:desc");
  await page.waitForFunction(() => document.querySelector("#rows tbody tr")?.dataset.id === "H03");
  assert.ok(await page.locator("#prev-page").isDisabled());
  assert.ok(await page.locator("#next-page").isDisabled());

  // Exports, as downloads made in the page.
  const rows = await downloadText(page, () => page.locator("#export-rows").click());
  assert.equal(rows.name, "tuopin-batch-rows.csv");
  assert.match(rows.text, /^\uFEFFline,id,persons,perCapita/);
  assert.match(rows.text, /\n5,H02,2,2500,3218,not_ready,,income,/);
  assert.equal(rows.text.trim().split("\n").length, 8);
  const summary = await downloadText(page, () => page.locator("#export-summary").click());
  const json = JSON.parse(summary.text);
  assert.equal(json.households, 8);
  assert.equal(json.indicators.incidence.numerator, 9);
  assert.equal(json.indicators.incidence.denominator, 17);
  await page.locator("#template-panel summary").click();
  const zh = await downloadText(page, () => page.locator("#template-zh").click());
  assert.match(zh.text, /^\uFEFF户编号,省份,行政村,/);
  assert.match(zh.text, /出生日期/);
  const en = await downloadText(page, () => page.locator("#template-en").click());
  assert.match(en.text, /^\uFEFFid,province,village,/);

  // English.
  await page.locator("#lang-switch").click();
  assert.equal(await page.locator("h1").textContent(), "Batch assessment");
  assert.match(await page.title(), /Batch assessment/);
  assert.match(await text(ind("incidence")), /Poverty incidence.*✗ Not met.*52\.94%.*9 \/ 17 persons.*below 3%/);
  assert.match(await text(page.locator('#rows tr[data-id="H02"]')), /Not ready to exit.*Income/);
  assert.match(await text(page.locator("#progress-text")), /Done: 8 households/);
  await page.locator("#lang-switch").click();
  assert.equal(await page.locator("h1").textContent(), "批量评估");

  // Settings reach the engine: the lenient reading of "exactly at the threshold", assessed again.
  await page.locator("#boundary").selectOption("lenient");
  await page.locator("#rerun").click();
  await page.waitForFunction(() => /宽松/.test(document.querySelector('#indicators tr[data-indicator="incidence"]')?.textContent ?? ""));
  assert.match(await text(ind("incidence")), /宽松：等于 3% 算达标/);
});

test("batch: a GBK-encoded CSV with CRLF line ends (Excel on Chinese Windows) is detected and converted", async (ctx) => {
  const { page } = await openBatch(ctx);
  const bytes = fs.readFileSync(sampleFile(ctx, "batch-gbk.csv"));
  assert.throws(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes), "the sample really is not UTF-8");
  await runFile(page, sampleFile(ctx, "batch-gbk.csv"));
  assert.ok(await page.locator("#encoding-note").isVisible());
  assert.match(await text(page.locator("#encoding-note")), /检测到 GBK 编码.*已自动转换/);
  assert.equal(await text(page.locator('#counts dd[data-key="households"]')), "3 户");
  assert.equal(await text(page.locator('#counts dd[data-key="persons"]')), "6 人");
  assert.match(await text(page.locator('#counts dd[data-key="provinceUsed"]')), /贵州/);
  assert.match(await text(page.locator('#indicators tr[data-indicator="incidence"]')), /50\.00%.*3 \/ 6 人/);
  assert.deepEqual(await rowIds(page), ["G01", "G02", "G03"]);
  // Village names and lines survive the conversion; lines count CRLF files correctly.
  assert.deepEqual((await cells(page.locator('#rows tr[data-id="G01"]'))).slice(0, 4), ["2", "G01", "花溪村", "2"]);
  assert.deepEqual((await cells(page.locator('#rows tr[data-id="G02"]'))).slice(0, 4), ["4", "G02", "花溪村", "1"]);
  assert.deepEqual((await cells(page.locator('#rows tr[data-id="G03"]'))).slice(0, 4), ["5", "G03", "花溪村", "3"]);
});

test("batch: a malformed file gets a clear error and no results", async (ctx) => {
  const { page } = await openBatch(ctx);
  await page.locator("#file").setInputFiles({
    name: "wrong.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("户编号,省份,颜色,与户主关系,性别\nA1,CN-YN,红,户主,男\n", "utf8"),
  });
  const box = page.locator("#file-error");
  await box.waitFor({ state: "visible" });
  assert.equal(await box.getAttribute("role"), "alert");
  const msg = await text(box);
  assert.match(msg, /无法读取这个文件/);
  assert.match(msg, /未知列“颜色”/);
  assert.match(msg, /缺少列“出生日期”/);
  assert.match(msg, /对照表头模板/);
  assert.ok(await page.locator("#results").isHidden());
  assert.ok(await page.locator("#cancel").isHidden());

  // Neither UTF-8 nor GBK (UTF-16 with a BOM): refused with a reason, not garbled.
  await page.locator("#file").setInputFiles({
    name: "utf16.csv", mimeType: "text/csv",
    buffer: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("户编号,省份\n", "utf16le")]),
  });
  await page.waitForFunction(() => /UTF-8/.test(document.querySelector("#file-error")?.textContent ?? "") && !/颜色/.test(document.querySelector("#file-error").textContent));
  assert.match(await text(box), /不是UTF-8文本|neither UTF-8 nor GBK/);

  // A good file dropped on the drop zone afterwards clears the error.
  await page.evaluate(async (csv) => {
    const dt = new DataTransfer();
    dt.items.add(new File([csv], "dropped.csv", { type: "text/csv" }));
    const zone = document.querySelector("#dropzone");
    zone.dispatchEvent(new DragEvent("dragenter", { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, fs.readFileSync(sampleFile(ctx, "batch-sample.csv"), "utf8"));
  await page.locator("#results").waitFor({ state: "visible" });
  assert.ok(await box.isHidden());
  assert.match(await text(page.locator("#file-name")), /dropped\.csv/);
  assert.equal(await text(page.locator('#counts dd[data-key="households"]')), "8 户");
});

test("batch: axe-core finds no violations (empty, results, invalid rows, error, English, high contrast)", async (ctx) => {
  const { page } = await openBatch(ctx);
  const audit = async (name) => {
    const v = await axe(page, ctx, name);
    assert.equal(v.length, 0, `${name}:\n${formatViolations(v)}`);
  };
  await audit("batch-empty");
  // The sample button sets the date the sample is meant for.
  await page.locator("#as-of").fill("2024-06-30");
  await page.locator("#try-sample").click();
  await page.locator("#rows tbody tr").first().waitFor();
  assert.equal(await page.locator("#as-of").inputValue(), "2019-12-31");
  assert.match(await text(page.locator("#file-name")), /batch-sample\.csv/);
  await page.locator("#template-panel summary").click();
  for (const d of await page.locator(".chart-data summary").all()) await d.click();
  await audit("batch-results");
  await page.locator("#lang-switch").click();
  await audit("batch-results-en");
  await page.locator("#contrast-switch").click();
  await audit("batch-results-en-high-contrast");
  await page.locator("#contrast-switch").click();
  await page.locator("#lang-switch").click();
  await page.locator("#file").setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from("foo,bar\n1,2\n") });
  await page.locator("#file-error").waitFor({ state: "visible" });
  await audit("batch-error");
});

for (const width of [360, 1280]) {
  test(`batch: layout at ${width} px, screenshots saved`, async (ctx) => {
    const mobile = width < 500;
    const { page } = await openBatch(ctx, { viewport: { width, height: mobile ? 780 : 900 }, isMobile: mobile, hasTouch: mobile });
    await screenshot(page, ctx, `batch-empty-${width}`, { fullPage: false });
    assert.equal(await overflowX(page), 0, "no sideways scrolling (empty)");
    await runFile(page, sampleFile(ctx, "batch-sample.csv"));
    assert.equal(await overflowX(page), 0, "no sideways scrolling (results)");
    // The charts are drawn at the width they get, inside the page.
    for (const id of ["hist-chart", "fail-chart"]) {
      const r = await page.locator(`#${id} svg`).boundingBox();
      assert.ok(r.width >= 240 && r.x >= 0 && r.x + r.width <= width, `${id}: ${JSON.stringify(r)}`);
      // Found and measured in one step: the charts are redrawn 80 ms after a resize, which can
      // detach a text element between a locator's lookup and its evaluate (NaN px).
      const font = await page.evaluate((sel) => parseFloat(getComputedStyle(document.querySelector(sel)).fontSize), `#${id} svg text`);
      assert.ok(font >= 12, `${id}: chart text ${font}px`);
    }
    await screenshot(page, ctx, `batch-${width}`);
    await page.locator("#results").screenshot({ path: path.join(ctx.artifacts, "screenshots", `batch-results-${width}.png`) });

    // Text at 200%: the charts' text grows with it, and nothing sticks out sideways.
    await page.evaluate(() => { document.documentElement.style.fontSize = "200%"; });
    await page.waitForFunction(() => parseFloat(getComputedStyle(document.querySelector("#fail-chart svg text")).fontSize) >= 24);
    assert.equal(await overflowX(page), 0, "no sideways scrolling with 200% text");
    for (const id of ["hist-chart", "fail-chart"]) {
      const outside = await page.locator(`#${id} svg`).evaluate((svgEl) => {
        const box = svgEl.getBoundingClientRect();
        return [...svgEl.querySelectorAll("text")].map((t) => t.getBoundingClientRect())
          .filter((r) => r.left < box.left - 1 || r.right > box.right + 1).length;
      });
      assert.equal(outside, 0, `${id}: every label inside the chart with 200% text`);
    }
    await page.locator(".charts").screenshot({ path: path.join(ctx.artifacts, "screenshots", `batch-charts-text200-${width}.png`) });
  });
}

/** A seeded CSV of n households (1–4 members each) with Chinese headers. */
function generateCsv(n, seed = 20191231) {
  let s = seed >>> 0;
  const rnd = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
  const out = ["户编号,省份,行政村,户类型,识别时间,工资性收入,生产经营性收入,财产性收入,转移性收入,生产经营性支出,医疗自付支出,教育支出,不愁吃,不愁穿,住房等级,供水入户,人均日用水量,全年断水天数,水质达标,与户主关系,性别,出生日期,健康状况,劳动能力,在校状况,医疗保险"];
  const grades = ["A", "B", "B", "A", "C"];
  for (let i = 0; i < n; i++) {
    const id = `G${String(i).padStart(6, "0")}`;
    const k = 1 + Math.floor(rnd() * 4);
    const grade = grades[Math.floor(rnd() * grades.length)];
    out.push(`${id},CN-YN,村${i % 50},贫困户,2016-03-01,${Math.floor(rnd() * 8000 * k)},${Math.floor(rnd() * 2000)},0,${Math.floor(rnd() * 1000)},0,0,0,是,是,${grade},是,60,5,是,户主,男,1970-01-01,健康,普通劳动力,not_student,城乡居民`);
    for (let m = 1; m < k; m++) out.push(`${id},,,,,,,,,,,,,,,,,,,子女,女,1995-02-02,健康,普通劳动力,not_student,城乡居民`);
  }
  return `${out.join("\n")}\n`;
}

test("batch: 50,000 households: the progress bar advances and the page responds while the worker works; paging; cancel", async (ctx) => {
  const { page } = await openBatch(ctx);
  const csv = Buffer.from(generateCsv(50000), "utf8");
  // The page counts animation frames while the file is read and assessed.
  await page.evaluate(() => {
    window.__frames = 0;
    const tick = () => {
      window.__frames += 1;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.locator("#file").setInputFiles({ name: "fifty-thousand.csv", mimeType: "text/csv", buffer: csv });
  await page.waitForFunction(() => document.querySelector("#progress").value > 0, null, { timeout: 120000 });
  const first = await page.locator("#progress").evaluate((p) => ({ value: p.value, max: p.max }));
  assert.equal(first.max, 1, "the bar is the share of the file read");
  assert.ok(first.value < first.max, "still working");
  assert.equal(await page.locator("#progress").getAttribute("aria-describedby"), "progress-text");
  assert.match(await text(page.locator("#progress-text")), /已评估 [\d,]+ 户.文件已读 \d+%/);

  // The page answers a click while the worker works: the help panel opens, the frames go on.
  const frames = await page.evaluate(() => window.__frames);
  await page.locator("#template-panel summary").click();
  assert.equal(await page.locator("#template-panel").evaluate((d) => d.open), true);
  await page.waitForFunction((f) => window.__frames > f + 5, frames);
  await page.waitForFunction((v) => document.querySelector("#progress").value > v, first.value, { timeout: 60000 });
  await page.locator("#progress-panel").screenshot({ path: path.join(ctx.artifacts, "screenshots", "batch-progress-1280.png") });
  const second = await page.locator("#progress").evaluate((p) => p.value);
  assert.ok(second > first.value, `progress advanced: ${first.value} → ${second}`);

  // The end: every household counted, the table in pages of 100.
  await page.locator("#results").waitFor({ state: "visible", timeout: 120000 });
  await page.locator("#rows tbody tr").first().waitFor();
  assert.equal(await text(page.locator('#counts dd[data-key="households"]')), "50,000 户");
  assert.equal(await page.locator("#rows tbody tr").count(), 100);
  assert.match(await text(page.locator("#page-info")), /第 1 \/ 500 页/);
  await page.locator("#next-page").click();
  await page.waitForFunction(() => /第 2 \//.test(document.querySelector("#page-info").textContent));
  assert.equal(await page.locator("#rows tbody tr").first().getAttribute("data-id"), "G000100");
  assert.match(await text(page.locator("#rows-status")), /显示第 101–200 户，共 50,000 户符合条件/);
  const bins = await page.locator("#hist-chart rect.bar").evaluateAll((r) => r.reduce((a, x) => a + Number(x.dataset.count), 0));
  assert.equal(bins, 50000);

  // Again, then cancel: the work stops, the page says so, and no results appear.
  await page.locator("#rerun").click();
  await page.waitForFunction(() => document.querySelector("#progress").value > 0 && document.querySelector("#results").hidden, null, { timeout: 120000 });
  await page.locator("#cancel").click();
  await page.waitForFunction(() => /已取消/.test(document.querySelector("#progress-text").textContent));
  assert.ok(await page.locator("#cancel").isHidden());
  await page.waitForTimeout(1500);
  assert.ok(await page.locator("#results").isHidden());
  assert.match(await text(page.locator("#progress-text")), /已取消/);

  // The engine is still there for the next file.
  await runFile(page, sampleFile(ctx, "batch-sample.csv"));
  assert.equal(await text(page.locator('#counts dd[data-key="households"]')), "8 户");
}, { timeout: 300000 });

// ---- without module Workers (issue 11 §3: Firefox ESR 91–113 has none) ---------------------------

/** The batch page with `query` in its address and `init` run before its scripts. */
async function openBatchWith(ctx, { query = "", init = null } = {}) {
  const o = await ctx.open();
  if (init) await o.page.addInitScript(init);
  await o.page.goto(`${ctx.base}batch.html${query}`);
  await clearStorage(o.page);
  await o.page.reload();
  await o.page.locator("#file").waitFor({ state: "attached" });
  return o;
}

/** A browser without module Workers, as Firefox before 114 is: the option is ignored, the file runs as a classic script. */
const NO_MODULE_WORKERS = () => {
  const Real = window.Worker;
  window.Worker = function Worker(url, options) {
    return new Real(url, { ...(options || {}), type: "classic" });
  };
};

test("batch: without module Workers (Firefox ESR 91–113) the page runs the engine itself: same sample results, no Worker left (issue 11 §3)", async (ctx) => {
  const { page } = await openBatchWith(ctx, { init: NO_MODULE_WORKERS });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await runFile(page, sampleFile(ctx, "batch-sample.csv"));
  // www/samples/batch-sample.csv: 8 households, 7 valid (the first test above works them out).
  assert.equal(await text(page.locator('#counts dd[data-key="households"]')), "8 户");
  assert.match(await text(page.locator('#counts dd[data-key="valid"]')), /^7\b/);
  assert.equal(await page.locator("#file-error").isHidden(), true);
  // The classic Worker that failed to load was ended; the engine runs on the page.
  assert.equal(page.workers().length, 0, "no Worker is left running");
  assert.deepEqual(errors, []);
});

test("batch: the main-thread engine (?worker=main) keeps the page responsive, advances the progress bar and cancels (issue 11 §3)", async (ctx) => {
  const { page } = await openBatchWith(ctx, { query: "?worker=main" });
  const csv = Buffer.from(generateCsv(20000), "utf8");
  await page.evaluate(() => {
    window.__frames = 0;
    const tick = () => {
      window.__frames += 1;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  // The longest gap between two animation frames while households are assessed (the bar between
  // 0 and 1): measured and printed, not asserted (the machine is shared), to see how long one
  // chunk holds the page.
  await page.evaluate(() => {
    window.__gap = 0;
    let last = performance.now();
    let wasAssessing = false;
    const tick = (now) => {
      const v = document.querySelector("#progress").value;
      const assessing = v > 0 && v < 1 && !/已取消/.test(document.querySelector("#progress-text").textContent);
      if (assessing && wasAssessing) window.__gap = Math.max(window.__gap, now - last);
      wasAssessing = assessing;
      last = now;
      if (!window.__stopGap) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.locator("#file").setInputFiles({ name: "twenty-thousand.csv", mimeType: "text/csv", buffer: csv });
  await page.waitForFunction(() => document.querySelector("#progress").value > 0, null, { timeout: 120000 });
  assert.equal(page.workers().length, 0, "forced onto the page's thread: no Worker");
  const first = await page.locator("#progress").evaluate((p) => p.value);
  // A click is answered and frames are drawn between chunks.
  const frames = await page.evaluate(() => window.__frames);
  await page.locator("#template-panel summary").click();
  assert.equal(await page.locator("#template-panel").evaluate((d) => d.open), true);
  await page.waitForFunction((f) => window.__frames > f + 5, frames);
  await page.waitForFunction((v) => document.querySelector("#progress").value > v, first, { timeout: 60000 });

  await page.locator("#results").waitFor({ state: "visible", timeout: 120000 });
  assert.equal(await text(page.locator('#counts dd[data-key="households"]')), "20,000 户");
  const gap = await page.evaluate(() => {
    window.__stopGap = true;
    return window.__gap;
  });
  console.log(`    measured: longest frame gap while the main-thread engine assessed households (20,000 in the file): ${Math.round(gap)} ms`);
  assert.match(await text(page.locator("#page-info")), /第 1 \/ 200 页/);
  await page.locator("#next-page").click();
  await page.waitForFunction(() => /第 2 \//.test(document.querySelector("#page-info").textContent));
  assert.equal(await page.locator("#rows tbody tr").first().getAttribute("data-id"), "G000100");

  // Again, then cancel: the work stops and no results appear.
  await page.locator("#rerun").click();
  await page.waitForFunction(() => document.querySelector("#progress").value > 0 && document.querySelector("#results").hidden, null, { timeout: 120000 });
  await page.locator("#cancel").click();
  await page.waitForFunction(() => /已取消/.test(document.querySelector("#progress-text").textContent));
  await page.waitForTimeout(1500);
  assert.ok(await page.locator("#results").isHidden());
  assert.match(await text(page.locator("#progress-text")), /已取消/);

  // The engine is still there for the next file.
  await runFile(page, sampleFile(ctx, "batch-sample.csv"));
  assert.equal(await text(page.locator('#counts dd[data-key="households"]')), "8 户");
}, { timeout: 300000 });
