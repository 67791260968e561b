// The single-file report, opened from file:// with networking disabled:
// a document first, complete with scripts removed; where scripts run, its
// filters work, "save this view" writes a file that reopens on that view,
// and printing gives A4 pages with the charts, the source and the as-of date.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { launch, openPage, listedItems, waitForCount, screenshot, tempDir, ledBy, DIST, PLAN } from "./helpers.mjs";

const REPORT = `file://${path.join(DIST, "gyokaku-report.html")}`;
const FINANCE = `file://${path.join(DIST, "test", "gyokaku-report-finance.html")}`;
let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

/** A page in an offline context that also refuses every non-file request. */
async function offlinePage() {
  const page = await openPage(browser, { offline: true, acceptDownloads: true });
  page.requests = [];
  await page.route(/^(?!file:|data:)/, (route) => {
    page.requests.push(route.request().url());
    return route.abort();
  });
  return page;
}

test("the report opens from file:// with no network and shows all 30 items in full", async () => {
  const page = await offlinePage();
  await page.goto(REPORT);
  const ids = await listedItems(page);
  assert.deepEqual(ids, PLAN.items.map((i) => i.id));
  assert.equal(await page.locator("[data-detail] [data-kpi]").count(), PLAN.kpis.length, "a chart per KPI");
  assert.equal(await page.locator("[data-detail] [data-schedule]").count(), PLAN.items.filter((i) => i.sheet).length);
  assert.deepEqual(page.requests, [], "nothing is fetched");
  assert.deepEqual(page.errors, []);
  await screenshot(page, "30-report");
});

test("with scripts off the report is complete: every item, chart, table, schedule and evaluation", async () => {
  const page = await openPage(browser, { javaScriptEnabled: false, offline: true });
  await page.goto(REPORT);
  const sheets = PLAN.items.filter((i) => i.sheet);
  for (const item of PLAN.items) {
    const heading = page.locator(`#item-${item.id} h2`);
    assert.match(await heading.textContent(), new RegExp(`\\(${item.id}\\) `), `item ${item.id} has its heading`);
    assert.ok((await heading.textContent()).includes(item.title), `item ${item.id}'s title`);
  }
  assert.equal(await page.locator("svg[role=group]").count(), PLAN.kpis.length, "every KPI chart, as SVG");
  assert.equal(await page.locator("[data-kpi] table").count(), PLAN.kpis.length, "every chart's table");
  assert.equal(await page.locator("[data-kpi] details[open]").count(), PLAN.kpis.length, "tables open");
  // Each chart is described by its one-sentence summary; the open table below says every year.
  assert.equal(await page.locator("[data-kpi] .gk-chart-summary").count(), PLAN.kpis.length, "a summary per chart");
  assert.equal(await page.locator('svg[aria-describedby="gk-kpi-7-1-s"]').count(), 1);
  assert.match(await page.locator("#gk-kpi-7-1-s").textContent(), /^令和5年度 目標15,000,000回に対し実績39,257,498回/);
  assert.equal(await page.locator("[data-schedule]").count(), sheets.length, "every schedule grid");
  const evaluated = PLAN.evaluations.length;
  assert.equal(await page.locator("details.gk-eval[open]").count(), evaluated, "every evaluation, open");
  // What needs a script is not shown at all.
  assert.equal(await page.locator("form.gk-filters").isVisible(), false);
  assert.equal(await page.locator("[data-action=download-view]").isVisible(), false);
  await screenshot(page, "31-report-no-script");
});

test("the report's filters narrow the items where scripts run", async () => {
  const page = await offlinePage();
  await page.goto(REPORT);
  await page.locator("[data-filter=goal]").selectOption("2");
  const goal2 = PLAN.items.filter((i) => PLAN.reforms.find((r) => r.id === i.reform_id).goal_id === 2).map((i) => i.id);
  await waitForCount(page, goal2.length);
  const shown = await page.locator("article[data-item-id]:visible").evaluateAll((els) => els.map((e) => Number(e.dataset.itemId)));
  assert.deepEqual(shown, goal2);
  assert.match(page.url(), /#goal=2$/);
  await page.locator("[data-filter=q]").fill("テレワーク");
  const narrowed = await page.locator("article[data-item-id]:visible").count();
  assert.ok(narrowed >= 1 && narrowed < goal2.length, `${narrowed} items`);
  await page.locator("[data-action=clear]").click();
  await waitForCount(page, PLAN.items.length);
  assert.deepEqual(page.errors, []);
});

test("a report built for one department shows only its items", async () => {
  const page = await offlinePage();
  await page.goto(FINANCE);
  assert.deepEqual(await listedItems(page), ledBy("finance"));
});

test("saving the current view gives one file that reopens on that view", async () => {
  const page = await offlinePage();
  await page.goto(REPORT);
  await listedItems(page);
  await page.locator("[data-filter=dept-search]").fill("財政課");
  await page.locator('[data-dept-toggle="finance"]').check();
  await waitForCount(page, ledBy("finance").length);
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("[data-action=download-view]").click()]);
  const saved = path.join(tempDir(), "view.html");
  await download.saveAs(saved);
  const html = fs.readFileSync(saved, "utf8");
  assert.match(html, /data-state="dept=finance"/);
  const again = await offlinePage();
  await again.goto(`file://${saved}`);
  assert.deepEqual(await listedItems(again), ledBy("finance"));
  assert.equal(await again.locator("[data-dept-toggle=finance]").isChecked(), true, "the filter is shown as set");
  assert.deepEqual(again.errors, []);
  // Without scripts, the saved file holds that view only.
  const plain = await openPage(browser, { javaScriptEnabled: false, offline: true });
  await plain.goto(`file://${saved}`);
  const ids = await plain.locator("article[data-item-id]").evaluateAll((els) => els.map((e) => Number(e.dataset.itemId)));
  assert.deepEqual(ids, ledBy("finance"));
});

test("share from a report opened from a disk says the link works on this computer only", async () => {
  const page = await offlinePage();
  await page.goto(FINANCE);
  const button = page.locator("[data-action=share]");
  await button.click();
  const panel = page.locator("[data-share-panel]");
  await panel.waitFor();
  assert.equal(await page.locator("[data-share-local]").isVisible(), true);
  assert.match(await page.locator("[data-share-value=link]").inputValue(), /^file:.*gyokaku-report-finance\.html#dept=finance$/);
  await page.keyboard.press("Escape");
  assert.equal(await panel.isVisible(), false);
  assert.equal(await button.evaluate((b) => b === document.activeElement), true, "focus returns to the button");
  assert.deepEqual(page.errors, []);
});

test("printing gives A4 pages with the charts, the source and the as-of date on every page", async () => {
  const page = await offlinePage();
  await page.goto(REPORT);
  await listedItems(page);
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator(".gk-filters").evaluate((e) => getComputedStyle(e).display), "none", "no controls in print");
  const pdf = path.join(tempDir(), "report.pdf");
  await page.pdf({ path: pdf, format: "A4", printBackground: true });
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  const pages = Number(info.match(/Pages:\s+(\d+)/)[1]);
  assert.match(info, /Page size:\s+59[56]\.\d+ x 84[12]\.\d+ pts \(A4\)/);
  assert.ok(pages >= 31, `an overview and at least a page per item (${pages} pages)`);
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 64 << 20 });
  const perPage = text.split("\f").filter((p) => p.trim());
  const withFooter = perPage.filter((p) => p.includes("出典") && p.includes("令和5年度(2023年度)の実績"));
  assert.equal(withFooter.length, perPage.length, "the source and the as-of date on every page");
  for (const item of PLAN.items) assert.ok(text.includes(`(${item.id})`), `item ${item.id} is printed`);
  // Charts survive: item 7's axis in 万 and its KPI name.
  assert.match(text, /tsulunos動画再生回数/);
  assert.match(text, /4,000万/);
  // Each item starts a page.
  const starts = perPage.filter((p) => /^\s*\(\d+\) /m.test(p.split("\n").find((l) => l.trim()) ?? "")).length;
  assert.ok(starts >= PLAN.items.length, `each item starts a page (${starts})`);
});
