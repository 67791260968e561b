// Accessibility audit with axe-core (WCAG 2.1 A and AA plus best-practice
// rules) inside headless Chromium, on every screen of every mode in both
// languages; zero violations is the pass mark. axe audits open shadow
// roots; disclosures are opened first so that their contents are audited
// too.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { serverAndBrowser, openPage, waitLive, tempDir, DIST, PLAN } from "./helpers.mjs";

const AXE = fs.readFileSync(path.resolve(import.meta.dirname, "node_modules/axe-core/axe.min.js"), "utf8");
const RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];
let server, browser;
serverAndBrowser((s, b) => ([server, browser] = [s, b]));

/** The violations axe finds in `frame` (a page or a frame), one line each.
 *  axe is loaded once per document. `fakeClock`: the page runs on
 *  Playwright's fake clock, where each timer costs a few real timer hops;
 *  axe waits a zero timeout after every rule, so while it runs those go
 *  through a message port, which runs them as soon and is not faked. */
async function audit(frame, { fakeClock = false } = {}) {
  if (!(await frame.evaluate(() => "axe" in window))) await frame.evaluate(AXE);
  return frame.evaluate(async ([rules, fakeClock]) => {
    for (const root of [document, ...[...document.querySelectorAll("[data-gyokaku]")].map((h) => h.shadowRoot).filter(Boolean)]) {
      root.querySelectorAll("details").forEach((d) => (d.open = true));
    }
    const timeout = window.setTimeout;
    if (fakeClock) {
      window.setTimeout = (f, ms, ...args) => {
        if (ms) return timeout(f, ms, ...args);
        const { port1, port2 } = new MessageChannel();
        port1.onmessage = () => f(...args);
        port2.postMessage(null);
        return 0;
      };
    }
    try {
      const result = await window.axe.run(document, { runOnly: rules });
      return result.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0].target.join(" ")} ${v.nodes[0].failureSummary ?? ""}`);
    } finally {
      window.setTimeout = timeout;
    }
  }, [RULES, fakeClock]);
}

const SCREENS = [
  ["the hosted overview", "/web/"],
  ["a filtered list", "/web/#goal=2&q=%E7%A0%94%E4%BF%AE"],
  ["an item with its tables", "/web/#item=7"],
  ["the frame", "/web/frame.html#goal=3"],
  ["the embed example with two widgets", "/web/embed-example.html"],
];

for (const [name, url] of SCREENS) {
  for (const lang of ["ja", "en"]) {
    test(`axe finds no violation on ${name} (${lang})`, async () => {
      const page = await openPage(browser);
      // The page's own hash, or for the embed example every widget's data-lang.
      if (url.includes("embed-example")) {
        await page.route("**/embed-example.html", async (route) => {
          const text = await (await route.fetch()).text();
          const body = text.replaceAll(' data-lang="ja"', "").replaceAll("<div data-gyokaku", `<div data-gyokaku data-lang="${lang}"`);
          await route.fulfill({ body, contentType: "text/html" });
        });
      }
      await page.goto(server.url(lang === "ja" || url.includes("embed-example") ? url : `${url}${url.includes("#") ? "&" : "#"}lang=en`));
      await waitLive(page);
      assert.deepEqual(await audit(page.mainFrame()), []);
      assert.deepEqual(page.errors, []);
    });
  }
}

for (const [lang, file] of [["ja", "gyokaku-report.html"], ["en", "test/gyokaku-report-en.html"]]) {
  test(`axe finds no violation in the report from file:// (${lang})`, async () => {
    const page = await openPage(browser, { offline: true });
    await page.goto(`file://${path.join(DIST, file)}`);
    await page.waitForFunction(() => performance.getEntriesByName("gyokaku:drawn").length > 0);
    assert.equal(await page.locator("html").getAttribute("lang"), lang);
    assert.deepEqual(await audit(page.mainFrame()), []);
    assert.deepEqual(page.errors, []);
  });
}

test("axe finds no violation on the kiosk: home, a goal, an item's chart and schedule, the departments, the attract loop, in both languages", async () => {
  // A short idle time, so that the loop can be audited too; the fake clock
  // keeps it from starting before the test lets it.
  const html = fs.readFileSync(path.join(DIST, "gyokaku-kiosk.html"), "utf8").replace('data-idle="120"', 'data-idle="5"');
  const file = path.join(tempDir(), "kiosk.html");
  fs.writeFileSync(file, html);
  const page = await openPage(browser, { viewport: { width: 1920, height: 1080 }, offline: true, hasTouch: true, reducedMotion: "reduce" });
  await page.clock.install();
  await page.goto(`file://${file}`);
  const root = page.locator("[data-gyokaku]");
  await root.locator(".gk-screen-title").waitFor({ timeout: 15000 });
  const item = PLAN.items.find((i) => i.id === PLAN.kpis[0].item_id);
  const reform = PLAN.reforms.find((r) => r.id === item.reform_id);
  const toItem = [`goal:${reform.goal_id}`, `reform:${reform.id}`, `item:${item.id}`];
  const failures = [];
  const check = async (where) => failures.push(...(await audit(page.mainFrame(), { fakeClock: true })).map((v) => `${where}: ${v}`));
  for (const lang of ["ja", "en"]) {
    const screens = [["home", []], ["goal", [`goal:${PLAN.goals[0].id}`]], ["a reform", ["home", toItem[0], toItem[1]]], ["an item's first page", [toItem[2]]], ["an item's chart", ["next"]], ["departments", ["home", "departments"]]];
    for (const [name, taps] of screens) {
      for (const hook of taps) await root.locator(`[data-go="${hook}"]`).first().tap();
      await check(`${lang} ${name}`);
    }
    // Every page of the item: about, each KPI, schedule, evaluations.
    await root.locator('[data-go="home"]').tap();
    for (const hook of toItem) await root.locator(`[data-go="${hook}"]`).tap();
    while (await root.locator('[data-go="next"]:not([aria-disabled])').count()) {
      await root.locator('[data-go="next"]').tap();
      await check(`${lang} item page`);
    }
    await root.locator('[data-go="home"]').tap();
    await page.clock.runFor(2000);
    await root.locator('.gk-kiosk-banner[data-warning="true"]').waitFor();
    await check(`${lang} warning before the loop`);
    await page.clock.runFor(4000);
    await root.locator('.gk-kiosk-banner[data-attract="true"]').waitFor();
    await check(`${lang} attract loop`);
    await root.locator('[data-action="pause"]').tap();
    await check(`${lang} paused`);
    await root.locator('[data-action="pause"]').tap();
    await root.locator(".gk-kiosk-screen").tap({ position: { x: 5, y: 5 } });
    await root.locator('[data-go="home"]').tap({ force: true });
    if (lang === "ja") {
      await root.locator('[data-action="language"]').tap();
      await root.locator('.gk[lang="en"]').waitFor();
    }
  }
  assert.deepEqual(failures, []);
  assert.deepEqual(page.errors, []);
});

test("axe finds no violation on the iframe example pages, host and frame", async () => {
  for (const example of ["/web/iframe-example.html", "/web/iframe-example-helper.html"]) {
    const page = await openPage(browser);
    await page.goto(server.url(example));
    const frame = await (await page.locator("iframe[data-gyokaku-frame]").elementHandle()).contentFrame();
    await waitLive(frame);
    assert.deepEqual(await audit(page.mainFrame()), [], `${example}: the host page`);
    assert.deepEqual(await audit(frame), [], `${example}: the frame`);
    assert.deepEqual(page.errors, []);
  }
});
