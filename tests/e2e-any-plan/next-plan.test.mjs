// Another government's plan with no code change: `cargo xtask test` builds
// every artefact again from crates/plan/tests/fixtures/next_plan.json
// (`cargo xtask dist --data …`; 4 goals, FY2025–2029) and runs these
// checks, which hold for any plan. Expectations come from the dataset.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { serverAndBrowser, openPage, listedItems, waitForCount, screenshot, DIST, PLAN } from "../e2e/helpers.mjs";

let server, browser;
serverAndBrowser((s, b) => ([server, browser] = [s, b]));

/** Every file the build ships, recursively. */
function shipped(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "test" || e.name === "bench" ? [] : shipped(p);
    return [p];
  });
}

test("the build is this plan's: nothing of the bundled plan's organisation anywhere", () => {
  assert.equal(PLAN.goals.length, 4, "the next-plan fixture");
  const files = shipped(DIST);
  assert.ok(files.some((f) => f.endsWith("gyokaku_bg.wasm")) && files.some((f) => f.endsWith("kpis.csv")));
  for (const file of files) {
    const text = fs.readFileSync(file).toString("utf8");
    for (const word of ["群馬", "Gunma", "官民データ活用推進計画", "令和2年12月"]) {
      assert.ok(!text.includes(word), `${path.relative(DIST, file)} contains ${word}`);
    }
  }
});

test("the hosted page shows this plan's goals and every item", async () => {
  const page = await openPage(browser);
  await page.goto(server.url("/web/"));
  assert.deepEqual(await listedItems(page), PLAN.items.map((i) => i.id));
  const root = page.locator("[data-gyokaku]");
  assert.equal(await root.locator(".gk-overview [data-goal]").count(), PLAN.goals.length);
  assert.equal(await root.locator(".gk-plan-title").textContent(), PLAN.plan.title);
  // The ★ filter speaks of this plan's ★.
  assert.match(await root.locator("label:has([data-filter=star])").textContent(), new RegExp(PLAN.plan.star_label));
  await screenshot(page, "next-01-hosted");
  assert.deepEqual(page.errors, []);
});

test("years after the last reported results are 未評価, not zeros", async () => {
  const page = await openPage(browser);
  await page.goto(server.url("/web/"));
  await listedItems(page);
  const last = PLAN.plan.results_through_fy;
  const cell = page.locator(`[data-year-table] td[data-fy="${last + 1}"]`).first();
  assert.equal((await cell.textContent()).trim(), "未評価");
  // The year select moves the overview and the cards to such a year.
  await page.locator("[data-filter=fy]").selectOption(String(last + 1));
  await page.locator(".gk-goal-card .gk-notyet").first().waitFor();
  assert.equal(await page.locator(".gk-goal-card .gk-badge.gk-met").count(), 0);
  assert.deepEqual(page.errors, []);
});

test("a schedule with known quarters keeps a cell per quarter", async () => {
  const row = PLAN.schedule.find((s) => Array.isArray(s.plan) && s.plan.length > 0);
  const page = await openPage(browser);
  await page.goto(server.url(`/web/#item=${row.item_id}`));
  const grid = page.locator(`[data-schedule="${row.item_id}"]`);
  await grid.waitFor();
  assert.ok((await grid.locator(".gk-q-on").count()) >= row.plan.length, "planned quarters marked");
  assert.deepEqual(page.errors, []);
});

test("the report of this plan opens from file:// and is complete without scripts", async () => {
  const page = await openPage(browser, { javaScriptEnabled: false, offline: true });
  await page.goto(`file://${path.join(DIST, "gyokaku-report.html")}`);
  const ids = await page.locator("article[data-item-id]").evaluateAll((els) => els.map((e) => Number(e.dataset.itemId)));
  assert.deepEqual(ids, PLAN.items.map((i) => i.id));
  assert.equal(await page.locator("svg[role=group]").count(), PLAN.kpis.length);
  await waitForCount(page, PLAN.items.length);
});
