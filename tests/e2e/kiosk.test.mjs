// The single-file kiosk, opened from file:// with no network: large
// targets, no way out, and an attract loop that starts when idle, stops on
// touch and runs all day on one timer.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { launch, openPage, waitForCount, screenshot, tempDir, DIST } from "./helpers.mjs";

let browser, kioskUrl;
before(async () => {
  browser = await launch();
  // The same build with a short idle time and step, as a kiosk operator would set them.
  const html = fs.readFileSync(path.join(DIST, "gyokaku-kiosk.html"), "utf8");
  assert.match(html, /data-idle="120"/);
  const file = path.join(tempDir(), "kiosk.html");
  fs.writeFileSync(file, html.replace('data-idle="120" data-step="8"', 'data-idle="2" data-step="1"'));
  kioskUrl = `file://${file}`;
});
after(async () => browser?.close());

/** Counts intervals set and cleared, and wake-lock requests. */
async function instrument(page) {
  await page.addInitScript(() => {
    const live = new Set();
    const set = window.setInterval.bind(window);
    const clear = window.clearInterval.bind(window);
    window.setInterval = (f, t, ...a) => {
      const id = set(f, t, ...a);
      live.add(id);
      document.documentElement.dataset.intervals = live.size;
      return id;
    };
    window.clearInterval = (id) => {
      live.delete(id);
      document.documentElement.dataset.intervals = live.size;
      return clear(id);
    };
    if (navigator.wakeLock) {
      const request = navigator.wakeLock.request.bind(navigator.wakeLock);
      navigator.wakeLock.request = (type) => {
        document.documentElement.dataset.wakeLock = type;
        return request(type);
      };
    }
  });
}

test("the kiosk runs offline with large touch targets and no links out", async () => {
  const page = await openPage(browser, { viewport: { width: 1280, height: 1024 }, offline: true, hasTouch: true });
  await page.goto(kioskUrl);
  await waitForCount(page, 30);
  const small = await page.locator("[data-gyokaku]").evaluate((host) => {
    const root = host.shadowRoot;
    const targets = root.querySelectorAll("button, select, input[type=search], summary, label.gk-check, .gk-dept");
    return [...targets]
      .map((e) => [e.tagName + "." + e.className, e.getBoundingClientRect().height])
      .filter(([, h]) => h > 0 && h < 48);
  });
  assert.deepEqual(small, [], "every touch target is at least 48 px high");
  const links = await page.locator("[data-gyokaku]").evaluate((h) => h.shadowRoot.querySelectorAll("a[href]").length);
  assert.equal(links, 0);
  const select = await page.locator(".gk").evaluate((e) => getComputedStyle(e).userSelect);
  assert.equal(select, "none");
  await screenshot(page, "20-kiosk");
  assert.deepEqual(page.errors, []);
});

test("idle starts the attract loop, a touch stops it, and it holds one timer", async () => {
  const page = await openPage(browser, { viewport: { width: 1280, height: 1024 }, offline: true });
  await instrument(page);
  await page.goto(kioskUrl);
  await waitForCount(page, 30);
  // Someone uses it, then walks away.
  await page.locator("[data-filter=goal]").selectOption("2");
  await waitForCount(page, 12);
  const banner = page.locator("[data-attract]");
  await page.locator('[data-attract="true"]').waitFor({ timeout: 6000 });
  // The loop returns to the overview and then steps into items with charts.
  await page.locator("[data-detail] [data-kpi] svg").first().waitFor({ timeout: 8000 });
  await screenshot(page, "21-kiosk-attract");
  // A touch stops it where it is.
  await page.mouse.click(5, 5);
  assert.equal(await banner.getAttribute("data-attract"), "false");
  const shown = await page.locator("[data-detail]").count();
  await page.waitForTimeout(1200);
  assert.equal(await banner.getAttribute("data-attract"), "false", "no restart before the idle time");
  assert.equal(await page.locator("[data-detail]").count(), shown, "the view stays for the user");
  // Let it run a while: still exactly one interval alive.
  await page.locator('[data-attract="true"]').waitFor({ timeout: 6000 });
  await page.waitForTimeout(8000);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.intervals), "1");
  const wake = await page.evaluate(() => ("wakeLock" in navigator ? document.documentElement.dataset.wakeLock : "unsupported"));
  assert.ok(wake === "screen" || wake === "unsupported", `wake lock requested: ${wake}`);
});

test("a second loop of the attract sequence grows neither the JS heap nor the wasm memory", async () => {
  const page = await openPage(browser, { viewport: { width: 1280, height: 1024 }, offline: true });
  // Test harness only: keep a handle on the wasm memory the page instantiates.
  await page.addInitScript(() => {
    const keep = (result) => {
      window.__testWasmMemory = (result.instance ?? result).exports.memory;
      return result;
    };
    const streaming = WebAssembly.instantiateStreaming;
    WebAssembly.instantiateStreaming = (...a) => streaming(...a).then(keep);
    const plain = WebAssembly.instantiate;
    WebAssembly.instantiate = (...a) => plain(...a).then(keep);
  });
  await page.goto(kioskUrl);
  await page.locator('[data-attract="true"]').waitFor({ timeout: 6000 });
  const cdp = await page.context().newCDPSession(page);
  const measure = async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    const { usedSize } = await cdp.send("Runtime.getHeapUsage");
    const wasm = await page.evaluate(() => window.__testWasmMemory?.buffer.byteLength ?? -1);
    return { js: usedSize, wasm };
  };
  // One loop is 29 views of a second each (the overview, 3 goals, 25 items):
  // the first loop reaches the high-water mark of every view; a second
  // loop must not go beyond it.
  await page.waitForTimeout(32000);
  const before = await measure();
  assert.ok(before.wasm > 0, "the wasm memory is visible to the test");
  await page.waitForTimeout(30000);
  const after = await measure();
  assert.ok(after.js - before.js < 2_000_000, `JS heap grew by ${after.js - before.js} bytes`);
  assert.ok(after.wasm - before.wasm <= 65536, `wasm memory grew by ${after.wasm - before.wasm} bytes`);
  await cdp.detach();
});
