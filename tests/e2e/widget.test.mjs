// The hosted widget (dist/web) in headless Chromium: what a user sees and
// does. Expected item sets come from the dataset the page loads.
import { test } from "node:test";
import assert from "node:assert/strict";
import { serverAndBrowser, openPage, listedItems, waitForCount, ledBy, ofGoal, screenshot, PLAN } from "./helpers.mjs";

let server, browser;
serverAndBrowser((s, b) => ([server, browser] = [s, b]));

test("the default view lists all 30 items", async () => {
  const page = await openPage(browser);
  await page.goto(server.url("/web/"));
  const ids = await listedItems(page);
  assert.deepEqual(ids, PLAN.items.map((i) => i.id));
  assert.equal(ids.length, 30);
  await screenshot(page, "01-default");
  assert.deepEqual(page.errors, []);
});

test("filtering by 財政課 leaves exactly the items it leads", async () => {
  const page = await openPage(browser);
  await page.goto(server.url("/web/"));
  await listedItems(page);
  await page.locator("[data-filter=dept-search]").fill("財政課");
  await page.locator('[data-dept-toggle="finance"]').check();
  await waitForCount(page, ledBy("finance").length);
  assert.deepEqual(await listedItems(page), ledBy("finance"));
  assert.deepEqual(ledBy("finance"), [23, 24, 27]);
  // The department view adds what it is only related to.
  await page.locator("[data-dept-view]").waitFor();
  assert.match(page.url(), /dept=finance/);
  await screenshot(page, "02-dept-finance");
});

test("typing into the search box keeps focus and narrows the list key by key", async () => {
  const page = await openPage(browser);
  await page.goto(server.url("/web/"));
  await listedItems(page);
  const box = page.locator("[data-filter=q]");
  await box.focus();
  await box.pressSequentially("テレワーク", { delay: 30 });
  assert.equal(await box.inputValue(), "テレワーク");
  const focused = await page.evaluate(() => document.querySelector("[data-gyokaku]").shadowRoot.activeElement?.dataset.filter);
  assert.equal(focused, "q", "focus stays in the box");
  const ids = await listedItems(page);
  assert.ok(ids.includes(17) && ids.length < 30, String(ids));
  assert.match(page.url(), /q=%E3%83%86%E3%83%AC%E3%83%AF%E3%83%BC%E3%82%AF/);
});

test("an alias such as (総)総務課 finds its department", async () => {
  const page = await openPage(browser);
  await page.goto(server.url("/web/"));
  await listedItems(page);
  await page.locator("[data-filter=dept-search]").fill("(総)総務課");
  const shown = await page.locator(".gk-dept-list [data-dept]").evaluateAll((els) => els.map((e) => e.getAttribute("data-dept")));
  assert.deepEqual(shown, ["general-affairs"]);
});

test("goal 2 leaves items 11 to 22", async () => {
  const page = await openPage(browser);
  await page.goto(server.url("/web/"));
  await listedItems(page);
  await page.locator("[data-filter=goal]").selectOption("2");
  await waitForCount(page, 12);
  const ids = await listedItems(page);
  assert.deepEqual(ids, [11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22]);
  assert.deepEqual(ids, ofGoal(2));
  // The reform choices narrow to the goal's reforms (6–10).
  const reforms = await page.locator("[data-filter=reform] option").evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  assert.deepEqual(reforms, ["6", "7", "8", "9", "10"]);
});

test("a department and a goal intersect", async () => {
  const page = await openPage(browser);
  await page.goto(server.url("/web/#goal=2&dept=dx"));
  const expected = ledBy("dx").filter((id) => ofGoal(2).includes(id));
  await waitForCount(page, expected.length);
  assert.deepEqual(await listedItems(page), expected);
  assert.ok(expected.length > 0 && expected.length < ledBy("dx").length);
});

test("a link with a state reopens the same view, and back returns", async () => {
  const page = await openPage(browser);
  await page.goto(server.url("/web/#goal=3&q=%E8%B2%A1%E6%94%BF&lang=en"));
  const ids = await listedItems(page);
  assert.ok(ids.length > 0 && ids.every((id) => ofGoal(3).includes(id)), String(ids));
  assert.equal(await page.locator("[data-filter=q]").inputValue(), "財政");
  assert.equal(await page.locator("[data-filter=goal]").inputValue(), "3");
  assert.equal(await page.locator("[data-action=language]").textContent(), "日本語");
  await page.locator("[data-filter=goal]").selectOption("1");
  await waitForCount(page, 0);
  await page.goBack();
  await page.waitForFunction(() => location.hash.includes("goal=3"));
  assert.equal(await page.locator("[data-filter=goal]").inputValue(), "3");
});

test("item 7's chart shows every fiscal year with a value, and its tooltip the exact number", async () => {
  const page = await openPage(browser);
  await page.goto(server.url("/web/#item=7"));
  const chart = page.locator('[data-kpi="7-1"] svg');
  await chart.waitFor();
  const kpi = PLAN.kpis.find((k) => k.item_id === 7 && k.no === 1);
  for (const v of kpi.values.filter((v) => v.actual !== null)) {
    const column = chart.locator(`[data-fy="${v.fy}"]`);
    assert.equal(await column.locator(".gk-bar").count(), 1, `a bar for ${v.fy}`);
  }
  // Years without an actual are labelled, not drawn as zero: before the
  // first year with results, "no data"; after the last reported year, "not
  // yet evaluated".
  assert.equal(await chart.locator('[data-fy="2024"] .gk-bar').count(), 0);
  assert.match(await chart.locator('[data-fy="2019"] .gk-nodata-label').textContent(), /データなし/);
  assert.match(await chart.locator('[data-fy="2024"] .gk-nodata-label').textContent(), /未評価/);
  await chart.locator('[data-fy="2023"]').focus();
  const tip = chart.locator('[data-tip="4"]');
  await tip.waitFor({ state: "visible" });
  assert.match(await tip.textContent(), /39,257,498回/);
  assert.match(await tip.textContent(), /15,000,000回/);
  await screenshot(page, "03-item7-tooltip");
  // The chart says what it shows in one sentence, under its title, and
  // that sentence is the first thing its description reads.
  const summary = page.locator('[data-kpi="7-1"] .gk-chart-summary');
  assert.ok(await summary.isVisible());
  assert.match(await summary.textContent(), /^令和5年度 目標15,000,000回に対し実績39,257,498回\(達成率261\.7%\)、達成。/);
  assert.equal((await chart.getAttribute("aria-describedby")).split(" ")[0], await summary.getAttribute("id"));
  // The table alternative has the same numbers.
  await page.locator('[data-kpi="7-1"] summary').click();
  assert.match(await page.locator('[data-kpi="7-1"] table').textContent(), /39,257,498回/);
});

test("item 1's schedule grid has one row per activity and a column per quarter", async () => {
  const page = await openPage(browser);
  await page.goto(server.url("/web/#item=1"));
  const grid = page.locator('[data-schedule="1"]');
  await grid.waitFor();
  const activities = PLAN.schedule.filter((s) => s.item_id === 1);
  assert.equal(await grid.locator("[data-activity]").count(), activities.length);
  assert.equal(await grid.locator("thead tr:nth-child(2) th").count(), 17, "R2 Q4 to R6 Q4");
  // Every mark is unknown in this source: one band per activity says so once.
  assert.equal(await grid.locator("[data-unknown]").count(), activities.length);
  assert.equal(await grid.locator("[data-unknown]").first().getAttribute("colspan"), "17");
  await screenshot(page, "04-item1-schedule");
});

test("evaluations open per year and an item without a sheet says so", async () => {
  const page = await openPage(browser);
  await page.goto(server.url("/web/#item=1"));
  const r2 = page.locator('[data-eval="2020"]');
  await r2.locator("summary").click();
  assert.match(await r2.textContent(), /要因分析/);
  assert.match(await r2.textContent(), /1 \/ 3/);
  await page.goto(server.url("/web/#item=2"));
  await page.locator("[data-no-sheet]").waitFor();
});

test("keyboard only: open an item with Enter and come back", async () => {
  const page = await openPage(browser);
  await page.goto(server.url("/web/"));
  await listedItems(page);
  await page.locator('[data-open-item="5"]').focus();
  await page.keyboard.press("Enter");
  await page.locator('[data-detail="5"]').waitFor();
  const focused = await page.evaluate(() => document.querySelector("[data-gyokaku]").shadowRoot.activeElement?.className);
  assert.equal(focused, "gk-detail-title", "focus moves to the item's heading");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Enter");
  await waitForCount(page, 30);
});

test("the English UI labels fiscal years as FY2020", async () => {
  const page = await openPage(browser);
  await page.goto(server.url("/web/"));
  await listedItems(page);
  await page.locator("[data-action=language]").click();
  await page.getByRole("heading", { name: "Overview" }).waitFor();
  assert.match(await page.locator("[data-filter=fy]").textContent(), /FY2020 \(R2\)/);
  await screenshot(page, "05-english");
});

test("a broken or hostile hash falls back to the default view", async () => {
  const page = await openPage(browser);
  await page.goto(server.url("/web/#goal=abc&item=99999&dept=%3Cscript%3E&q=%E3%81&%%%"));
  assert.equal((await listedItems(page)).length, 30);
  const q = "<img src=x onerror=window.pwned=1>";
  await page.goto(server.url(`/web/#q=${encodeURIComponent(q)}`));
  await waitForCount(page, 0);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.equal(await page.locator("[data-filter=q]").inputValue(), q);
  assert.deepEqual(page.errors, []);
});

test("a bad dataset gives a message naming the problem, not a blank page", async () => {
  const page = await openPage(browser);
  await page.goto(server.url("/fixtures/bad-dataset.html"));
  const notice = page.locator('[data-notice="data-src"]');
  await notice.waitFor();
  assert.match(await notice.textContent(), /kpis\[0\]\.values\[1\]\.fy/);
  assert.equal((await listedItems(page)).length, 30, "the bundled data is shown instead");
});

test("the list is readable at 320 px", async () => {
  const page = await openPage(browser, { viewport: { width: 320, height: 800 } });
  await page.goto(server.url("/web/"));
  await listedItems(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling (${overflow}px)`);
  await screenshot(page, "06-320px");
});

test("with scripts off the hosted page shows the overview and every item, and links to the report", async () => {
  const page = await openPage(browser, { javaScriptEnabled: false });
  await page.goto(server.url("/web/"));
  const ids = await page.locator(".gk-results [data-item-id]").evaluateAll((els) => els.map((e) => Number(e.dataset.itemId)));
  assert.deepEqual(ids, PLAN.items.map((i) => i.id));
  assert.equal(await page.locator(".gk-overview [data-goal]").count(), PLAN.goals.length, "the overview's goal cards");
  const report = page.locator("[data-report-link]");
  assert.equal(await report.getAttribute("href"), "gyokaku-report.html");
  assert.equal(await report.getAttribute("target"), "_blank");
  assert.equal(await page.locator("form.gk-filters").isVisible(), false, "no controls that cannot work");
  assert.equal(await page.locator(".gk-no-script").isVisible(), true, "a note says why and where to read everything");
  await screenshot(page, "20-hosted-no-script");
  const response = await page.request.get(server.url("/web/gyokaku-report.html"));
  assert.equal(response.status(), 200, "the report is shipped beside the page");
});

test("the widget takes over the pre-rendered view without moving it", async () => {
  const page = await openPage(browser);
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => window.__shifts.push(...list.getEntries().map((e) => e.value))).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto(server.url("/web/"));
  // The first paint already has the list, before the wasm is live.
  const painted = await page.evaluate(() => document.querySelectorAll("[data-gyokaku] > .gk-root [data-item-id]").length);
  await listedItems(page);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const shift = await page.evaluate(() => window.__shifts.reduce((a, b) => a + b, 0));
  assert.ok(painted === PLAN.items.length || painted === 0, "pre-rendered list in the page");
  assert.ok(shift < 0.01, `cumulative layout shift ${shift}`);
  assert.equal(await page.evaluate(() => document.querySelector("[data-gyokaku]").children.length), 0, "the light-DOM copy is gone");
  assert.deepEqual(page.errors, []);
});

test("share & embed: the link reopens the same view in a fresh page, Esc closes and returns focus", async () => {
  const page = await openPage(browser);
  await page.goto(server.url("/web/#goal=3&dept=finance"));
  await listedItems(page);
  const button = page.locator("[data-action=share]");
  await button.focus();
  await page.keyboard.press("Enter");
  const link = await page.locator("[data-share-value=link]").inputValue();
  assert.equal(link, server.url("/web/index.html#goal=3&dept=finance"));
  const iframe = await page.locator("[data-share-value=iframe]").inputValue();
  assert.match(iframe, /^<iframe data-gyokaku-frame src="http:\/\/127\.0\.0\.1:\d+\/web\/frame\.html#goal=3&amp;dept=finance" title="[^"]+"/);
  const script = await page.locator("[data-share-value=script]").inputValue();
  assert.match(script, /data-state="goal=3&amp;dept=finance"/);
  assert.match(script, /src="http:\/\/127\.0\.0\.1:\d+\/web\/gyokaku-embed\.js"/);
  // Copy: granted or not, the user is told what happened.
  await page.locator("[data-copy=link]").click();
  await page.locator("#gk-share-status:not(:empty)").waitFor();
  await page.keyboard.press("Escape");
  await page.locator("[data-share-panel]").waitFor({ state: "detached" });
  assert.equal(await page.evaluate(() => document.querySelector("[data-gyokaku]").shadowRoot.activeElement?.dataset.action), "share");
  const fresh = await openPage(browser);
  await fresh.goto(link);
  const both = ofGoal(3).filter((id) => ledBy("finance").includes(id));
  assert.ok(both.length > 0);
  await waitForCount(fresh, both.length);
  assert.deepEqual(await listedItems(fresh), both);
  assert.deepEqual([...page.errors, ...fresh.errors], []);
  await screenshot(page, "21-share");
});

test("the static report's keyword filter finds what the widget finds", async () => {
  const widget = await openPage(browser);
  await widget.goto(server.url("/web/"));
  await listedItems(widget);
  const report = await openPage(browser);
  await report.goto(server.url("/web/gyokaku-report.html"));
  for (const q of ["デジタル", "テレワーク", "ict", "基金", "研修"]) {
    await widget.locator("[data-filter=q]").fill(q);
    await report.locator("[data-filter=q]").fill(q);
    await widget.waitForFunction((q) => decodeURIComponent(location.hash).includes(`q=${q}`), q);
    const inWidget = await listedItems(widget);
    const inReport = await report.locator("article[data-item-id]:visible").evaluateAll((els) => els.map((e) => Number(e.dataset.itemId)));
    assert.deepEqual(inReport, inWidget, `「${q}」`);
  }
  assert.deepEqual([...widget.errors, ...report.errors], []);
});
