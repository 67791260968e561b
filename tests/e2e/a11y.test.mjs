// Accessibility audit with axe-core (WCAG 2.1 A and AA plus best-practice
// rules) inside headless Chromium, on the screens that must stay at zero
// violations. axe audits open shadow roots; disclosures are opened first so
// that their contents are audited too. (The kiosk and a page with two
// embedded widgets are not audited yet.)
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { serverAndBrowser, openPage, waitLive, DIST } from "./helpers.mjs";

const AXE = fs.readFileSync(path.resolve(import.meta.dirname, "node_modules/axe-core/axe.min.js"), "utf8");
const RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];
let server, browser;
serverAndBrowser((s, b) => ([server, browser] = [s, b]));

/** The violations axe finds in `frame` (a page or a frame), one line each. */
async function audit(frame) {
  await frame.evaluate(AXE);
  return frame.evaluate(async (rules) => {
    for (const root of [document, ...[...document.querySelectorAll("[data-gyokaku]")].map((h) => h.shadowRoot).filter(Boolean)]) {
      root.querySelectorAll("details").forEach((d) => (d.open = true));
    }
    const result = await window.axe.run(document, { runOnly: rules });
    return result.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0].target.join(" ")} ${v.nodes[0].failureSummary ?? ""}`);
  }, RULES);
}

const SCREENS = [
  ["the hosted overview", "/web/"],
  ["a filtered list", "/web/#goal=2&q=%E7%A0%94%E4%BF%AE"],
  ["an item with its tables", "/web/#item=7"],
  ["the English UI", "/web/#lang=en&item=17"],
  ["the frame", "/web/frame.html#goal=3"],
];

for (const [name, url] of SCREENS) {
  test(`axe finds no violation on ${name}`, async () => {
    const page = await openPage(browser);
    await page.goto(server.url(url));
    await waitLive(page);
    assert.deepEqual(await audit(page.mainFrame()), []);
    assert.deepEqual(page.errors, []);
  });
}

test("axe finds no violation in the report from file://", async () => {
  const page = await openPage(browser, { offline: true });
  await page.goto(`file://${path.join(DIST, "gyokaku-report.html")}`);
  await page.waitForFunction(() => performance.getEntriesByName("gyokaku:drawn").length > 0);
  assert.deepEqual(await audit(page.mainFrame()), []);
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
