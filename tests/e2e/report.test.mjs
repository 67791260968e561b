// The single-file report, opened from file:// with networking disabled:
// everything is in the file, a pre-filtered report shows only its items,
// "save this view" writes a file that reopens on that view, and printing
// gives A4 pages with the charts, the source and the as-of date.
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
  assert.ok(!html.includes("data-gyokaku-mounted"));
  const again = await offlinePage();
  await again.goto(`file://${saved}`);
  assert.deepEqual(await listedItems(again), ledBy("finance"));
  assert.deepEqual(again.errors, []);
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
