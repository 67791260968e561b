// The single-file kiosk on a lobby touch screen, opened from file:// with no
// network: one screen at a time, nothing to type, large targets far apart,
// large text, an item paged with previous/next, and an attract loop that
// starts when idle, pauses, resumes, stops on touch and runs all day flat.
// Timed behaviour runs on Playwright's fake clock, so no test sleeps.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { launch, openPage, screenshot, tempDir, DIST, PLAN } from "./helpers.mjs";

let browser, dir;
const KIOSK = fs.readFileSync(path.join(DIST, "gyokaku-kiosk.html"), "utf8");
const HOST = 'data-idle="120" data-step="8"';

/** The kiosk file with other host attributes, as an operator would set them. */
function kiosk(attrs = HOST) {
  const file = path.join(dir, `kiosk-${Buffer.from(attrs).toString("hex").slice(0, 40)}.html`);
  fs.writeFileSync(file, KIOSK.replace(HOST, attrs));
  return `file://${file}`;
}

before(async () => {
  assert.ok(KIOSK.includes(HOST), "the kiosk ships with the default idle time and step");
  browser = await launch();
  dir = tempDir();
});
after(async () => browser?.close());

const LANDSCAPE = { width: 1920, height: 1080 };
const PORTRAIT = { width: 1080, height: 1920 };

/** Opens the kiosk and waits for its home screen. */
async function open(url, { viewport = LANDSCAPE, clock = false, ...options } = {}) {
  const page = await openPage(browser, { viewport, offline: true, hasTouch: true, reducedMotion: "reduce", ...options });
  if (clock) await page.clock.install();
  await page.goto(url);
  await page.locator(".gk-kiosk .gk-screen-title").waitFor({ timeout: 15000 });
  return page;
}

const root = (page) => page.locator("[data-gyokaku]");

/** The screen's heading, page line and hooks, for comparing screens. */
async function where(page) {
  return root(page).evaluate((h) => {
    const r = h.shadowRoot;
    return [r.querySelector(".gk-screen-title")?.textContent, r.querySelector(".gk-page-of")?.textContent ?? ""].join(" | ");
  });
}

/** Touch targets under 48 × 48 px or closer than 8 px to another, and
 *  visible text under 24 px, on the screen as shown; `stats` gives the
 *  smallest target side, gap and text size instead. */
async function touchProblems(page, stats = false) {
  return root(page).evaluate((h, stats) => {
    const r = h.shadowRoot;
    const visible = (e) => {
      const b = e.getBoundingClientRect();
      return b.width > 0 && b.height > 0 && getComputedStyle(e).visibility !== "hidden";
    };
    const targets = [...r.querySelectorAll("button, summary, [tabindex='0'], input, select")].filter(visible);
    const boxes = targets.map((e) => [e.dataset.go ?? e.dataset.action ?? e.tagName, e.getBoundingClientRect()]);
    const problems = [];
    let [minSide, minGap, minText] = [Infinity, Infinity, Infinity];
    for (const [name, b] of boxes) {
      minSide = Math.min(minSide, b.width, b.height);
      if (b.width < 48 || b.height < 48) problems.push(`${name} is ${Math.round(b.width)}×${Math.round(b.height)}`);
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i][1], boxes[j][1]];
        // Nested targets (a summary inside a scroll box) are one place.
        if (targets[i].contains(targets[j]) || targets[j].contains(targets[i])) continue;
        const gap = Math.max(b.left - a.right, a.left - b.right, b.top - a.bottom, a.top - b.bottom);
        minGap = Math.min(minGap, gap);
        if (gap < 8) problems.push(`${boxes[i][0]} and ${boxes[j][0]} are ${Math.round(gap)} px apart`);
      }
    }
    const walker = document.createTreeWalker(r, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!n.textContent.trim() || el.closest("svg, .gk-sr") || !visible(el)) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < 24) problems.push(`"${n.textContent.trim().slice(0, 20)}" is ${size} px`);
      minText = Math.min(minText, size);
    }
    return stats ? { side: Math.round(minSide), gap: Math.round(minGap), text: minText } : problems;
  }, stats);
}

async function tap(page, hook) {
  await root(page).locator(`[data-go="${hook}"]`).first().tap();
}

const KPI_ITEMS = [...new Set(PLAN.kpis.map((k) => k.item_id))];
const firstGoal = PLAN.goals[0].id;
const firstReform = PLAN.reforms.find((r) => r.goal_id === firstGoal).id;

for (const [name, viewport] of [["landscape", LANDSCAPE], ["portrait", PORTRAIT]]) {
  test(`the home screen fits one ${name} screen, with nothing to type and no way out`, async () => {
    const page = await open(kiosk(), { viewport });
    const home = await root(page).evaluate((h) => {
      const r = h.shadowRoot;
      const screen = r.querySelector(".gk-kiosk-screen");
      return {
        page: document.documentElement.scrollHeight - innerHeight,
        screen: screen.scrollHeight - screen.clientHeight,
        fields: r.querySelectorAll("input, select, textarea").length,
        links: r.querySelectorAll("a[href]").length,
        goals: [...r.querySelectorAll('[data-go^="goal:"]')].map((e) => e.dataset.go),
        departments: r.querySelectorAll('[data-go="departments"]').length,
        pause: r.querySelectorAll('[data-action="pause"]').length,
        select: getComputedStyle(r.querySelector(".gk")).userSelect,
      };
    });
    assert.deepEqual(home, {
      page: 0,
      screen: 0,
      fields: 0,
      links: 0,
      goals: PLAN.goals.map((g) => `goal:${g.id}`),
      departments: 1,
      pause: 1,
      select: "none",
    });
    assert.deepEqual(await touchProblems(page), []);
    const { side, gap, text } = await touchProblems(page, true);
    console.log(`kiosk home ${name}: smallest target side ${side} px, smallest gap ${gap} px, smallest text ${text} px`);
    await screenshot(page, `40-kiosk-home-${name}`);
    assert.deepEqual(page.errors, []);
  });
}

test("touch goes goal → reform → item, pages through it, and back and home return", async () => {
  const page = await open(kiosk());
  const problems = [];
  const check = async (label) => problems.push(...(await touchProblems(page)).map((p) => `${label}: ${p}`));
  await tap(page, `goal:${firstGoal}`);
  assert.match(await where(page), new RegExp(PLAN.goals[0].title.slice(0, 8)));
  await check("goal");
  await tap(page, `reform:${firstReform}`);
  await check("reform");
  const item = PLAN.items.find((i) => i.reform_id === firstReform && KPI_ITEMS.includes(i.id)) ?? PLAN.items.find((i) => i.reform_id === firstReform);
  await tap(page, `item:${item.id}`);
  const pageOf = root(page).locator(".gk-page-of");
  await assert.doesNotReject(pageOf.waitFor());
  const total = Number((await pageOf.textContent()).match(/\/ (\d+)/)[1]);
  await check("page 1");
  assert.ok(total >= 2, "an item has more than one page");
  // Focus goes to the new screen's heading, for keyboard and screen-reader users.
  assert.equal(await root(page).evaluate((h) => h.shadowRoot.activeElement?.className), "gk-screen-title");
  const prev = root(page).locator('[data-go="prev"]');
  const next = root(page).locator('[data-go="next"]');
  assert.equal(await prev.isDisabled(), true, "no page before the first");
  const seen = [await where(page)];
  for (let i = 1; i < total; i++) {
    await next.tap();
    await page.waitForFunction((n) => document.querySelector("[data-gyokaku]").shadowRoot.querySelector(`[data-page="${n}"]`), i);
    seen.push(await where(page));
    await check(`page ${i + 1}`);
    // A KPI's page shows its chart and its table together.
    if (await root(page).locator("[data-kpi]").count()) {
      assert.ok(await root(page).locator("[data-kpi] svg.gk-chart").isVisible(), `page ${i + 1}: the chart is shown`);
      assert.ok(await root(page).locator("[data-kpi] table").isVisible(), `page ${i + 1}: the table is shown`);
    }
    if (i === 1) await screenshot(page, "42-kiosk-item-page");
  }
  assert.equal(new Set(seen).size, total, "each page shows something else");
  assert.equal(await next.isDisabled(), true, "no page after the last");
  assert.equal(await root(page).evaluate((h) => h.shadowRoot.activeElement?.dataset.go), "next", "focus stays on the pager");
  await prev.tap();
  await page.waitForFunction((n) => document.querySelector("[data-gyokaku]").shadowRoot.querySelector(`[data-page="${n}"]`), total - 2);
  await tap(page, "back");
  assert.match(await where(page), new RegExp(`${PLAN.reforms.find((r) => r.id === firstReform).title.slice(0, 6)}`));
  await tap(page, "home");
  assert.equal(await root(page).locator('[data-go^="goal:"]').count(), PLAN.goals.length);
  // The departments as large buttons, and a department's items as tiles.
  await tap(page, "departments");
  await check("departments");
  const dept = PLAN.departments.find((d) => PLAN.items.some((i) => i.lead_departments.includes(d.id)));
  await tap(page, `dept:${dept.id}`);
  await root(page).locator('[data-go^="item:"]').first().waitFor();
  await check("department");
  await screenshot(page, "43-kiosk-department");
  assert.deepEqual(problems, []);
  assert.deepEqual(page.errors, []);
});

test("前へ / 次へ are on screen and uncovered on every page of the item with the longest title, in both orientations", async () => {
  const item = PLAN.items.reduce((a, b) => ((b.title + (b.note ?? "")).length > (a.title + (a.note ?? "")).length ? b : a));
  const reform = PLAN.reforms.find((r) => r.id === item.reform_id);
  const problems = [];
  for (const viewport of [LANDSCAPE, PORTRAIT]) {
    const page = await open(kiosk(), { viewport });
    for (const hook of [`goal:${reform.goal_id}`, `reform:${reform.id}`, `item:${item.id}`]) await tap(page, hook);
    for (let n = 0; ; n++) {
      await page.waitForFunction((n) => document.querySelector("[data-gyokaku]").shadowRoot.querySelector(`[data-page="${n}"]`), n);
      problems.push(...(await root(page).evaluate((h, where) => {
        const r = h.shadowRoot;
        return [...r.querySelectorAll(".gk-pager-button")].flatMap((b) => {
          const box = b.getBoundingClientRect();
          const inside = box.top >= 0 && box.bottom <= innerHeight && box.left >= 0 && box.right <= innerWidth;
          const hit = r.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
          return inside && b.contains(hit) ? [] : [`${where}: ${b.dataset.go} at ${Math.round(box.top)}–${Math.round(box.bottom)} px of ${innerHeight}`];
        });
      }, `${viewport.width}×${viewport.height} page ${n + 1}`)));
      if (await root(page).locator('[data-go="next"][aria-disabled]').count()) break;
      await root(page).locator('[data-go="next"]').tap();
    }
    assert.deepEqual(page.errors, []);
    await page.close();
  }
  assert.deepEqual(problems, []);
});

test("the attract loop starts when idle, pauses and resumes on its button, and a touch stops it", async () => {
  const page = await open(kiosk('data-idle="60" data-step="5"'), { clock: true });
  const banner = root(page).locator(".gk-kiosk-banner");
  const pause = root(page).locator('[data-action="pause"]');
  assert.equal(await banner.getAttribute("data-attract"), "false");
  assert.equal(await banner.getAttribute("data-warning"), "false");
  // Before the loop takes the screen, whoever reads is warned and can keep it (WCAG 2.2.1).
  await page.clock.runFor(59_000);
  assert.equal(await banner.getAttribute("data-attract"), "false", "not before the idle time");
  assert.equal(await banner.getAttribute("data-warning"), "true", "warned at least 20 s before");
  await banner.getByRole("button").tap();
  assert.equal(await banner.getAttribute("data-warning"), "false");
  await page.clock.runFor(40_000);
  assert.equal(await banner.getAttribute("data-attract"), "false", "the touch gave the reader another idle time");
  await page.clock.runFor(25_000);
  assert.equal(await banner.getAttribute("data-attract"), "true");
  // It steps through goals and into items' charts.
  const screens = new Set();
  for (let i = 0; i < 8; i++) {
    screens.add(await where(page));
    await page.clock.runFor(5_000);
  }
  assert.ok(screens.size >= 6, `the loop moves on: ${[...screens].join(" / ")}`);
  while (!(await root(page).locator("[data-kpi] svg.gk-chart").isVisible())) await page.clock.runFor(5_000);
  await screenshot(page, "44-kiosk-attract");
  // Pause holds the screen however long it is left, and says so.
  await pause.tap();
  const held = await where(page);
  assert.equal(await pause.getAttribute("data-paused"), "true");
  assert.equal(await banner.getAttribute("data-paused"), "true");
  await page.clock.runFor(60_000);
  assert.equal(await where(page), held, "paused: no step");
  // Resume continues the loop from there.
  await pause.tap();
  assert.equal(await pause.getAttribute("data-paused"), "false");
  assert.equal(await banner.getAttribute("data-attract"), "true");
  await page.clock.runFor(6_000);
  assert.notEqual(await where(page), held, "resumed: steps on");
  // A touch anywhere else stops the loop where it is; it restarts only after the idle time.
  await root(page).locator(".gk-kiosk-screen").tap({ position: { x: 5, y: 5 } });
  assert.equal(await banner.getAttribute("data-attract"), "false");
  const stopped = await where(page);
  await page.clock.runFor(25_000);
  assert.equal(await where(page), stopped, "the view stays for the user");
  // Nothing the loop shows leaves the kiosk.
  assert.equal(page.url().startsWith("file://"), true);
  assert.equal(page.context().pages().length, 1);
  assert.deepEqual(page.errors, []);
});

test("a new screen fades in, unless the system asks for reduced motion: then it is a cut", async () => {
  const animations = async (reducedMotion) => {
    const page = await open(kiosk(), { reducedMotion });
    await tap(page, `goal:${firstGoal}`);
    await root(page).locator('[data-go^="reform:"]').first().waitFor();
    const n = await root(page).evaluate((h) => h.shadowRoot.querySelector(".gk-kiosk-content").getAnimations({ subtree: true }).length);
    await page.context().close();
    return n;
  };
  assert.ok((await animations("no-preference")) > 0, "an animation without the setting");
  assert.equal(await animations("reduce"), 0, "none with reduced motion");
});

test("English on the kiosk keeps the place, and bad idle and step fall back with a note", async () => {
  const page = await open(kiosk('data-idle="0" data-step="soon"'));
  const note = root(page).locator('[data-notice="attributes"]');
  assert.match(await note.textContent(), /data-idle/);
  assert.match(await note.textContent(), /data-step/);
  await tap(page, `goal:${firstGoal}`);
  await root(page).locator('[data-action="language"]').tap();
  await root(page).locator('.gk[lang="en"]').waitFor();
  assert.match(await where(page), /^Goal /);
  assert.equal(await root(page).locator('[data-action="pause"]').textContent(), "❚❚ Pause the slideshow");
  assert.deepEqual(page.errors, []);
});

test("the loop holds one interval and asks to keep the screen on", async () => {
  const page = await openPage(browser, { viewport: LANDSCAPE, offline: true });
  await page.addInitScript(() => {
    const live = new Set();
    const [set, clear] = [window.setInterval.bind(window), window.clearInterval.bind(window)];
    window.setInterval = (f, t, ...a) => {
      const id = set(f, t, ...a);
      live.add(id);
      window.__intervals = live.size;
      return id;
    };
    window.clearInterval = (id) => {
      live.delete(id);
      window.__intervals = live.size;
      return clear(id);
    };
    if (navigator.wakeLock) {
      const request = navigator.wakeLock.request.bind(navigator.wakeLock);
      navigator.wakeLock.request = (type) => {
        window.__wakeLock = type;
        return request(type);
      };
    }
  });
  await page.goto(kiosk('data-idle="1" data-step="1"'));
  await root(page).locator('.gk-kiosk-banner[data-attract="true"]').waitFor({ timeout: 10000 });
  await page.waitForFunction(() => window.__intervals === 1);
  const wake = await page.evaluate(() => ("wakeLock" in navigator ? window.__wakeLock : "unsupported"));
  assert.ok(wake === "screen" || wake === "unsupported", `wake lock requested: ${wake}`);
});

test("eight hours of the attract loop keep the JS heap, the wasm memory and the DOM flat", async () => {
  const step = 8;
  const page = await openPage(browser, { viewport: LANDSCAPE, offline: true, reducedMotion: "reduce" });
  // Test harness only: keep a handle on the wasm memory the page instantiates.
  await page.addInitScript(() => {
    const keep = (result) => {
      window.__testWasmMemory = (result.instance ?? result).exports.memory;
      return result;
    };
    const plain = WebAssembly.instantiate;
    WebAssembly.instantiate = (...a) => plain(...a).then(keep);
    const streaming = WebAssembly.instantiateStreaming;
    WebAssembly.instantiateStreaming = (...a) => streaming(...a).then(keep);
  });
  await page.clock.install();
  await page.goto(kiosk(`data-idle="${step}" data-step="${step}"`));
  await root(page).locator(".gk-screen-title").waitFor({ timeout: 15000 });
  const cdp = await page.context().newCDPSession(page);
  const measure = async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    const { usedSize } = await cdp.send("Runtime.getHeapUsage");
    return page.evaluate((js) => {
      const r = document.querySelector("[data-gyokaku]").shadowRoot;
      return { js, wasm: window.__testWasmMemory?.buffer.byteLength ?? -1, nodes: r.querySelectorAll("*").length + document.querySelectorAll("*").length };
    }, usedSize);
  };
  // Whole rounds of the loop, in one call: the fake clock still fires each
  // step on its own. Measuring at the same place of the round compares the
  // same screen.
  const rounds = (n) => page.clock.runFor(n * round);
  // The sequence: home, each goal, each item with a KPI.
  const screens = 1 + PLAN.goals.length + KPI_ITEMS.length;
  const round = screens * step * 1000;
  await page.clock.runFor(step * 1000); // idle time: the loop starts at home
  await rounds(1);
  const first = await measure();
  assert.ok(first.wasm > 0, "the wasm memory is visible to the test");
  const hours = 8;
  await rounds(Math.ceil((hours * 3600 * 1000) / round));
  const last = await measure();
  assert.equal(await root(page).locator(".gk-kiosk-banner").getAttribute("data-attract"), "true", "still looping");
  assert.equal(last.nodes, first.nodes, "the same screen has the same number of DOM nodes");
  assert.ok(last.js - first.js < 1_000_000, `JS heap grew by ${last.js - first.js} bytes`);
  assert.ok(last.wasm - first.wasm <= 65536, `wasm memory grew by ${last.wasm - first.wasm} bytes`);
  console.log(`8 h of attract loop: JS heap ${first.js} → ${last.js} B, wasm ${first.wasm} → ${last.wasm} B, DOM nodes ${first.nodes} → ${last.nodes}`);
  await cdp.detach();
  assert.deepEqual(page.errors, []);
});
