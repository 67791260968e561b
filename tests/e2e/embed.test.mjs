// Embedding in a host page: isolation both ways, a strict CSP, two widgets,
// a bad data-src, no globals and no history changes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { serverAndBrowser, openPage, waitForCount, screenshot, ofGoal } from "./helpers.mjs";

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";
let server, browser;
serverAndBrowser((s, b) => ([server, browser] = [s, b]), { headers: (url) => (url.pathname.includes("hostile") ? { "Content-Security-Policy": CSP } : {}) });

/** Records CSP violations in the page. */
async function watchCsp(page) {
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      document.documentElement.dataset.csp = (document.documentElement.dataset.csp ?? "") + `${e.violatedDirective} ${e.blockedURI};`;
    });
  });
}

test("under hostile CSS and a strict CSP the widget renders and filters", async () => {
  const page = await openPage(browser);
  await watchCsp(page);
  await page.goto(server.url("/fixtures/hostile.html"));
  const host = page.locator("[data-gyokaku]");
  await waitForCount(host, ofGoal(1).length);
  // The widget's own look holds.
  const title = await host.locator(".gk-plan-title").evaluate((e) => [getComputedStyle(e).fontSize, getComputedStyle(e).display]);
  assert.deepEqual(title, ["22px", "block"]);
  const button = await host.locator("[data-action=language]").evaluate((e) => getComputedStyle(e).borderTopWidth);
  assert.equal(button, "1px");
  // Filtering works.
  await host.locator("[data-filter=goal]").selectOption("2");
  await waitForCount(host, ofGoal(2).length);
  await host.locator('[data-open-item="15"]').click();
  const chart = host.locator('[data-kpi="15-1"] svg');
  const box = await chart.boundingBox();
  assert.ok(box && box.height > 50, "charts are drawn although the host hides every svg");
  assert.equal(await page.evaluate(() => document.documentElement.dataset.csp ?? ""), "", "no CSP violation");
  await screenshot(page, "10-hostile-csp");
  assert.deepEqual(page.errors, []);
});

test("the widget's CSS does not change the host page", async () => {
  const styles = async (url) => {
    const page = await openPage(browser);
    await page.goto(server.url(url));
    // With the widget, once it has drawn its list; without, once loaded.
    if (url.includes("hostile.html")) await page.locator("[data-result-count]").first().waitFor();
    return page.evaluate(() =>
      ["#host-text", "#host-button", "body"].map((s) => {
        const cs = getComputedStyle(document.querySelector(s));
        return [s, cs.fontSize, cs.lineHeight, cs.color, cs.fontFamily, cs.margin, cs.display].join("|");
      }),
    );
  };
  assert.deepEqual(await styles("/fixtures/hostile.html"), await styles("/fixtures/hostile-without-widget.html"));
});

test("two widgets on one page keep separate state and leave the URL alone", async () => {
  const page = await openPage(browser);
  await page.goto(server.url("/fixtures/two-widgets.html"));
  const first = page.locator("#first [data-gyokaku]");
  const second = page.locator("#second [data-gyokaku]");
  await waitForCount(first, ofGoal(1).length);
  await waitForCount(second, ofGoal(3).length);
  const historyBefore = await page.evaluate(() => history.length);
  await first.locator("[data-filter=goal]").selectOption("2");
  await waitForCount(first, ofGoal(2).length);
  await first.locator("[data-filter=q]").fill("テレワーク");
  await first.locator(`[data-result-count]:not([data-result-count="${ofGoal(2).length}"])`).waitFor();
  const found = await first.locator(".gk-results [data-item-id]").evaluateAll((els) => els.map((e) => Number(e.dataset.itemId)));
  assert.ok(found.includes(17) && found.every((id) => ofGoal(2).includes(id)), String(found));
  await waitForCount(second, ofGoal(3).length);
  assert.equal(await second.locator("[data-filter=q]").inputValue(), "");
  assert.equal(await second.locator("[data-action=language]").textContent(), "日本語", "the second is in English");
  assert.equal(await page.evaluate(() => location.hash), "", "an embedded widget does not write the hash");
  assert.equal(await page.evaluate(() => history.length), historyBefore);
});

test("an unreachable or invalid data-src falls back to the bundled data with a notice", async () => {
  const page = await openPage(browser);
  await page.goto(server.url("/fixtures/bad-src.html"));
  const missing = page.locator("#missing [data-gyokaku]");
  const garbage = page.locator("#garbage [data-gyokaku]");
  await waitForCount(missing, 30);
  await waitForCount(garbage, 30);
  assert.match(await missing.locator('[data-notice="data-src"]').textContent(), /does-not-exist\.json.*HTTP 404/s);
  assert.match(await garbage.locator('[data-notice="data-src"]').textContent(), /not valid JSON/);
  assert.match(await garbage.locator('[data-notice="attributes"]').textContent(), /data-mode="fullscreen"/);
  await screenshot(page, "11-bad-src");
});

test("the widget adds no globals to the host page", async () => {
  const page = await openPage(browser);
  await page.goto(server.url("/fixtures/globals.html"));
  await waitForCount(page.locator("[data-gyokaku]"), 30);
  const added = await page.evaluate(() => {
    const before = new Set(JSON.parse(document.documentElement.dataset.keys));
    return Object.getOwnPropertyNames(window).filter((k) => !before.has(k));
  });
  assert.deepEqual(added, []);
});

test("the shipped embed example works as published", async () => {
  const page = await openPage(browser);
  await page.goto(server.url("/web/embed-example.html"));
  const widgets = page.locator("[data-gyokaku]");
  await waitForCount(widgets.nth(0), 30);
  await waitForCount(widgets.nth(1), ofGoal(2).length);
  assert.deepEqual(page.errors, []);
  await screenshot(page, "12-embed-example");
});
