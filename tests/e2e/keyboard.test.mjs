// The accessibility checks axe-core cannot make (WCAG 2.1 AA, as JIS X
// 8341-3:2016 adopts it), in headless Chromium, on the hosted page, the
// frame, the embed example and the static report (not the kiosk):
// - a keyboard-only walk: Tab and Shift+Tab reach every control in the
//   document's order, each shows a focus indicator that nothing cuts off,
//   focus is never dropped to the page and never trapped (2.1.1, 2.1.2,
//   2.4.3, 2.4.7), and the main tasks work from the keyboard;
// - Esc closes the share panel and dismisses chart tooltips, which can be
//   hovered and stay in place (1.4.13); what a tooltip says is in the
//   chart's table; nothing is revealed by hover alone (1.4.13, 1.3.1);
// - with the WCAG text-spacing overrides no text is cut off and no control
//   is covered (1.4.12);
// - at 320 and 640 CSS px nothing scrolls sideways outside the tables'
//   scroll boxes and every control stays (1.4.10, 1.4.4).
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { serverAndBrowser, openPage, waitLive, waitForCount, ofGoal, screenshot, DIST, PLAN } from "./helpers.mjs";

let server, browser;
serverAndBrowser((s, b) => ([server, browser] = [s, b]));
const REPORT = `file://${path.join(DIST, "gyokaku-report.html")}`;

/** Functions the tests call inside the page (`kbd.*`). They see through
 *  open shadow roots, as a keyboard user does. */
function pageHelpers() {
  const roots = () => {
    const out = [document];
    for (let i = 0; i < out.length; i++) for (const el of out[i].querySelectorAll("*")) if (el.shadowRoot) out.push(el.shadowRoot);
    return out;
  };
  const all = (selector) => roots().flatMap((r) => [...r.querySelectorAll(selector)]);
  const parent = (el) => el.parentElement ?? el.getRootNode().host ?? null;
  const active = () => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return a;
  };
  const describe = (el) => {
    if (!el) return "nothing";
    const hooks = [...el.attributes].filter((a) => /^(data-(?!key)|aria-label$|id$|href$|type$)/.test(a.name)).map((a) => `[${a.name}="${a.value.slice(0, 40)}"]`);
    const text = (el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 30);
    return `${el.tagName.toLowerCase()}${el.classList.length ? "." + [...el.classList].join(".") : ""}${hooks.join("")}${text ? ` "${text}"` : ""}`;
  };
  // Shown: rendered, not inside a closed <details> (its summary is shown).
  const shown = (el) => {
    if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: false })) return false;
    const closed = el.closest("details:not([open])");
    if (closed && el.parentElement !== closed) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const tabbable = (el) => el.tabIndex >= 0 && !el.disabled && !el.closest("[inert]") && shown(el);
  const FOCUSABLE = "a[href], button, input:not([type=hidden]), select, textarea, details > summary:first-of-type, [tabindex]";
  const tabbables = () => all(FOCUSABLE).filter(tabbable);

  const rgb = (c) => (c.match(/[\d.]+/g) ?? []).map(Number);
  const luminance = ([r, g, b]) => {
    const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (el) => {
    for (let a = el; a; a = parent(a)) {
      const c = rgb(getComputedStyle(a).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const contrast = (a, b) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  // What paints outside an element's own box is cut off by ancestors that
  // clip: scroll boxes, overflow hidden/clip and paint containment.
  const clipper = (box, el) => {
    for (let a = parent(el); a && a !== document.body && a !== document.documentElement; a = parent(a)) {
      const s = getComputedStyle(a);
      const contained = s.contentVisibility === "auto" || /paint|strict|content/.test(s.contain);
      if (s.overflowX === "visible" && s.overflowY === "visible" && !contained) continue;
      // Paint containment and overflow: clip let content paint as far as
      // overflow-clip-margin past the padding box; scroll boxes do not.
      const m = contained || s.overflowX === "clip" ? parseFloat(s.overflowClipMargin) || 0 : 0;
      const r = a.getBoundingClientRect();
      const inner = {
        left: r.left + parseFloat(s.borderLeftWidth) - m, right: r.right - parseFloat(s.borderRightWidth) + m,
        top: r.top + parseFloat(s.borderTopWidth) - m, bottom: r.bottom - parseFloat(s.borderBottomWidth) + m,
      };
      if (box.left < inner.left - 0.5 || box.right > inner.right + 0.5 || box.top < inner.top - 0.5 || box.bottom > inner.bottom + 0.5) return a;
    }
    return null;
  };
  /** Why the focused `el` shows no focus indicator, or null if it does. */
  const indicatorProblem = (el) => {
    if (!el.matches(":focus-visible")) return "not :focus-visible";
    const r = el.getBoundingClientRect();
    if (r.bottom < 0 || r.top > innerHeight || r.right < 0 || r.left > innerWidth) return "focused but off screen";
    if (el.matches(".gk-col")) {
      // A chart year: its hit area is stroked.
      const hit = el.querySelector(".gk-hit");
      const s = getComputedStyle(hit);
      if (s.stroke === "none" || parseFloat(s.strokeWidth) < 2) return `no stroke on .gk-hit (${s.stroke} ${s.strokeWidth})`;
      if (contrast(rgb(s.stroke), background(el)) < 3) return "stroke contrast below 3:1";
      return null;
    }
    const s = getComputedStyle(el);
    const w = parseFloat(s.outlineWidth);
    if (s.outlineStyle === "none" || w < 2) {
      return s.boxShadow !== "none" ? null : `outline ${s.outlineStyle} ${s.outlineWidth}, no box-shadow`;
    }
    const ratio = contrast(rgb(s.outlineColor), background(el));
    if (ratio < 3) return `outline contrast ${ratio.toFixed(2)}:1`;
    const o = w + (parseFloat(s.outlineOffset) || 0);
    const cut = clipper({ left: r.left - o, right: r.right + o, top: r.top - o, bottom: r.bottom + o }, el);
    return cut ? `outline cut off by ${describe(cut)}` : null;
  };

  /** Every style rule of the page and its shadow roots. */
  const styleRules = () => {
    const rules = [];
    const visit = (list) => {
      for (const rule of list) {
        if (rule instanceof CSSStyleRule) rules.push({ selector: rule.selectorText, style: rule.style });
        else if (rule.cssRules) visit(rule.cssRules);
      }
    };
    for (const r of roots()) for (const sheet of [...r.styleSheets, ...(r.adoptedStyleSheets ?? [])]) visit(sheet.cssRules);
    return rules;
  };

  /** Values a chart's tooltips give that its table does not. */
  const tipsNotInTable = () =>
    all("[data-kpi]").flatMap((figure) =>
      [...figure.querySelectorAll(".gk-tip")].flatMap((tip) => {
        const fy = figure.querySelector(`[data-col="${tip.dataset.tip}"]`).dataset.fy;
        const row = figure.querySelector(`table tr[data-fy="${fy}"]`)?.textContent ?? "";
        const [year, ...lines] = [...tip.querySelectorAll("tspan")].map((t) => t.textContent);
        // "R5 (令和5年度)" names the row; each other line is "label value".
        const values = [year.match(/\((.+)\)$/)?.[1] ?? year, ...lines.map((l) => l.slice(l.indexOf(" ") + 1).split(" (")[0])];
        return values.filter((v) => !row.includes(v)).map((v) => `${figure.dataset.kpi} ${fy}: "${v}" not in "${row}"`);
      }),
    );

  let expected = [];
  window.kbd = {
    all, active, describe, shown, tabbables, roots, styleRules, tipsNotInTable,
    /** Notes the controls a keyboard should reach. */
    expect() {
      expected = tabbables();
      return expected.length;
    },
    /** After a key press: where focus is and whether it is visible. */
    step() {
      const el = active();
      const lost = !el || el === document.body || el === document.documentElement;
      return { index: lost ? -1 : expected.indexOf(el), lost, what: describe(el), problem: lost ? null : indicatorProblem(el) };
    },
    missed(indexes) {
      return expected.filter((_, i) => !indexes.includes(i)).map(describe);
    },
    is(selector) {
      return !!active()?.matches(selector);
    },
  };
}

async function open(url, options = {}) {
  const page = await openPage(browser, options);
  await page.addInitScript(pageHelpers);
  await page.goto(url.startsWith("file:") ? url : server.url(url));
  if (url.startsWith("file:")) await page.waitForFunction(() => performance.getEntriesByName("gyokaku:drawn").length > 0);
  else await waitLive(page);
  return page;
}

/** Presses `key` (Tab or Shift+Tab) through the whole page until focus
 *  comes back to a control it has been on. Returns the stops (indexes into
 *  the page's controls in document order) and every problem met: a stop
 *  without a visible focus indicator, a control never reached (a trap
 *  keeps focus in a part of the page), focus falling to the page other
 *  than past the last control (headless Chromium may also wrap straight
 *  round), and an order other than the document's. */
async function walk(page, key) {
  const total = await page.evaluate(() => kbd.expect());
  const back = key.startsWith("Shift");
  const stops = [];
  const problems = [];
  let previous = null;
  for (let n = 0; n < total + 8; n++) {
    await page.keyboard.press(key);
    const s = await page.evaluate(() => kbd.step());
    if (s.lost) {
      if (previous !== null && previous !== (back ? 0 : total - 1)) problems.push(`${key}: focus fell to the page after ${previous}`);
      previous = null;
      continue;
    }
    if (s.problem) problems.push(`${s.what}: ${s.problem}`);
    if (s.index < 0) {
      problems.push(`${s.what}: a stop that is not a visible control`);
      continue;
    }
    if (stops.includes(s.index)) break;
    stops.push(s.index);
    previous = s.index;
  }
  const missed = await page.evaluate((stops) => kbd.missed(stops), stops);
  for (const m of missed) problems.push(`${m}: never reached by ${key}`);
  if (!missed.length) {
    const order = [...stops.slice(stops.indexOf(0)), ...stops.slice(0, stops.indexOf(0))];
    if (back) order.push(order.shift()), order.reverse();
    const wrong = order.findIndex((index, i) => index !== i);
    if (wrong >= 0) problems.push(`${key}: focus order leaves the document's order at control ${wrong}`);
  }
  return { total, stops, problems };
}

/** Tab, then Shift+Tab, through the page: each reaches every control in
 *  the document's order (backwards for Shift+Tab), with a visible focus
 *  indicator at every stop. */
async function assertKeyboardWalk(page, where) {
  const forward = await walk(page, "Tab");
  assert.deepEqual(forward.problems, [], `${where}, Tab`);
  const backward = await walk(page, "Shift+Tab");
  assert.deepEqual(backward.problems, [], `${where}, Shift+Tab`);
  return forward.total;
}

/** Presses `key` until focus is on `selector` (at most `max` times). */
async function pressUntil(page, key, selector, max = 400) {
  for (let n = 0; n < max; n++) {
    if (await page.evaluate((s) => kbd.is(s), selector)) return;
    await page.keyboard.press(key);
  }
  assert.fail(`${key} never reached ${selector}`);
}

const focusedIs = (page, selector) => page.evaluate((s) => kbd.is(s), selector);

/** Esc in the share panel of the `which`-th widget, whichever of its
 *  controls has focus, closes it and puts focus back on its button. */
async function assertShareClosesOnEsc(page, where, which = 0) {
  for (const steps of [0, 2]) {
    await page.evaluate((i) => kbd.all("[data-action=share]")[i].focus(), which);
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => kbd.is("[data-share-value=link]"), null, { timeout: 5000 });
    for (let n = 0; n < steps; n++) await page.keyboard.press("Tab");
    assert.ok(await page.evaluate(() => !!kbd.active().closest("[data-share-panel]")), `${where}: focus is in the panel`);
    await page.keyboard.press("Escape");
    await page.waitForFunction(() => !kbd.all("[data-share-panel]").some((p) => kbd.shown(p)), null, { timeout: 5000 });
    const back = await page.evaluate((i) => kbd.active() === kbd.all("[data-action=share]")[i], which);
    assert.ok(back, `${where}: focus back on the share button after Tab×${steps} and Esc`);
  }
}

test("hosted page: Tab and Shift+Tab reach every control of the overview and list, then of an item, with a visible focus; Esc closes share & embed", async () => {
  const page = await open("/web/");
  assert.ok((await assertKeyboardWalk(page, "hosted overview")) > 40);
  await assertShareClosesOnEsc(page, "hosted page");
  await page.evaluate(() => (location.hash = "#item=7"));
  await page.locator('[data-detail="7"]').waitFor();
  assert.ok((await assertKeyboardWalk(page, "hosted item 7")) > 10);
  await pressUntil(page, "Tab", '[data-kpi="7-1"] .gk-col');
  await screenshot(page, "30-keyboard-focus");
  assert.deepEqual(page.errors, []);
});

test("frame: Tab and Shift+Tab reach every control with a visible focus; Esc closes share & embed", async () => {
  const page = await open("/web/frame.html#goal=3");
  assert.ok((await assertKeyboardWalk(page, "frame")) > 40);
  await assertShareClosesOnEsc(page, "frame");
  assert.deepEqual(page.errors, []);
});

test("a page with two embedded widgets: Tab goes through both and out; Esc in the second one's share panel returns to its button", async () => {
  const page = await open("/web/embed-example.html");
  assert.equal(await page.evaluate(() => document.querySelectorAll("[data-gyokaku]").length), 2);
  // Forward only: Shift+Tab is walked on the hosted page and the frame.
  const forward = await walk(page, "Tab");
  assert.deepEqual(forward.problems, [], "embed example, Tab");
  await assertShareClosesOnEsc(page, "second widget", 1);
  assert.deepEqual(page.errors, []);
});

test("report from file://: Tab reaches every control with a visible focus; goal buttons and filters work by keyboard; Esc closes share; charts have no tooltips", async () => {
  const page = await open(REPORT);
  const forward = await walk(page, "Tab");
  assert.deepEqual(forward.problems, [], "report, Tab");
  assert.ok(forward.total > 100);
  await assertShareClosesOnEsc(page, "report");

  const goal = PLAN.goals[1].id;
  await pressUntil(page, "Tab", `[data-goal-toggle="${goal}"]`);
  await page.keyboard.press("Enter");
  await waitForCount(page, ofGoal(goal).length);
  assert.equal(await page.locator(`[data-goal-toggle="${goal}"]`).getAttribute("aria-pressed"), "true");
  await page.keyboard.press("Space");
  await waitForCount(page, PLAN.items.length);
  await pressUntil(page, "Tab", "[data-filter=q]");
  await page.keyboard.type("研修");
  await page.waitForFunction((n) => document.querySelector("[data-result-count]").dataset.resultCount !== n, String(PLAN.items.length));
  await pressUntil(page, "Tab", "[data-action=clear]");
  await page.keyboard.press("Enter");
  await waitForCount(page, PLAN.items.length);
  assert.ok(await focusedIs(page, "[data-action=clear]"));

  // Its inline stylesheet reveals nothing by hover alone either.
  assert.deepEqual((await hoverOnlyRules(page)).out, [], "report: hover-only rules");

  // A report's tables are open below its charts: no tooltips to dismiss
  // and no years to step through.
  assert.equal(await page.locator(".gk-tip").count(), 0, "no tooltips in the report");
  assert.equal(await page.locator(".gk-col[tabindex]").count(), 0, "the report's years are not focus stops");
  assert.ok(await page.locator(".gk-kpi-table").first().isVisible(), "its tables are open");
  assert.deepEqual(page.errors, []);
});

test("keyboard only: open an item with Enter, toggle its table, come back to the same card", async () => {
  const page = await open("/web/");
  await pressUntil(page, "Tab", '[data-open-item="7"]');
  await page.keyboard.press("Enter");
  await page.locator('[data-detail="7"]').waitFor();
  assert.ok(await focusedIs(page, ".gk-detail-title"), "focus moves to the item's heading");

  // The table of the first KPI: Enter opens it, Space closes it.
  await pressUntil(page, "Tab", '[data-kpi="7-1"] [data-action=toggle-table]');
  const figure = page.locator('[data-kpi="7-1"]');
  await page.keyboard.press("Enter");
  await figure.locator(".gk-kpi-table").waitFor({ state: "visible" });
  assert.equal(await figure.locator("svg.gk-chart").isVisible(), false, "the table replaces the chart");
  assert.ok(await focusedIs(page, "[data-action=toggle-table]"), "focus stays on the toggle");
  await page.keyboard.press("Space");
  await figure.locator(".gk-kpi-table").waitFor({ state: "hidden" });
  assert.equal(await figure.locator("svg.gk-chart").isVisible(), true);

  // Back, by the button or the browser: focus returns to the card of the
  // item that was open, not to the top of the page.
  await pressUntil(page, "Shift+Tab", "[data-action=back]");
  await page.keyboard.press("Enter");
  await waitForCount(page, PLAN.items.length);
  await focusSettlesOn(page, '[data-open-item="7"]', "after the back button");
  await page.keyboard.press("Enter");
  await page.locator('[data-detail="7"]').waitFor();
  await page.goBack();
  await waitForCount(page, PLAN.items.length);
  await focusSettlesOn(page, '[data-open-item="7"]', "after the browser's back");
  assert.deepEqual(page.errors, []);
});

/** Waits for focus to come to `selector`; fails saying where it is instead. */
async function focusSettlesOn(page, selector, when) {
  const arrived = await page.waitForFunction((s) => kbd.is(s), selector, { timeout: 3000 }).then(() => true, () => false);
  if (!arrived) assert.fail(`${when}: focus is on ${await page.evaluate(() => kbd.describe(kbd.active()))}, not ${selector}`);
}

test("keyboard only: the filters, a department chip and the language switch keep focus where the user is", async () => {
  const page = await open("/web/");
  await pressUntil(page, "Tab", "[data-filter=q]");
  await page.keyboard.type("研修");
  await page.waitForFunction((n) => kbd.all("[data-result-count]")[0]?.dataset.resultCount !== n, String(PLAN.items.length));
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Backspace");
  await waitForCount(page, PLAN.items.length);

  await pressUntil(page, "Tab", "[data-filter=goal]");
  await page.keyboard.press("ArrowDown");
  await waitForCount(page, ofGoal(1).length);
  assert.ok(await focusedIs(page, "[data-filter=goal]"));

  // A department: Space ticks it and its chip appears; removing the chip
  // by keyboard puts focus on that department's checkbox.
  await pressUntil(page, "Tab", "[data-dept-toggle]");
  const dept = await page.evaluate(() => kbd.active().dataset.deptToggle);
  await page.keyboard.press("Space");
  await page.locator(`[data-dept-remove="${dept}"]`).waitFor();
  await focusSettlesOn(page, `[data-dept-toggle="${dept}"]`, "after ticking a department");
  await pressUntil(page, "Shift+Tab", `[data-dept-remove="${dept}"]`);
  await page.keyboard.press("Enter");
  await page.locator(`[data-dept-remove="${dept}"]`).waitFor({ state: "detached" });
  await focusSettlesOn(page, `[data-dept-toggle="${dept}"]`, "after removing its chip");

  await pressUntil(page, "Tab", "[data-action=clear]");
  await page.keyboard.press("Enter");
  await waitForCount(page, PLAN.items.length);
  assert.ok(await focusedIs(page, "[data-action=clear]"));

  // The language switch redraws the whole widget; focus stays on it.
  await pressUntil(page, "Shift+Tab", "[data-action=language]");
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: "Overview" }).waitFor();
  await focusSettlesOn(page, "[data-action=language]", "after switching the language");
  assert.deepEqual(page.errors, []);
});

test("keyboard only: in a plan of more than one page of items, the show-more button hands focus to the first new card", async () => {
  // The bundled plan three times over (the copies without sheets, so without KPIs),
  // served where the widget loads its data.
  const copies = [1, 2].flatMap((k) =>
    PLAN.items.map((i) => ({ ...i, id: i.id + k * 1000, sheet: null, reconstructed: [] })),
  );
  const big = { ...PLAN, items: [...PLAN.items, ...copies] };
  const page = await openPage(browser);
  await page.addInitScript(pageHelpers);
  await page.route("**/data/plan.json", (route) => route.fulfill({ body: JSON.stringify(big), contentType: "application/json" }));
  await page.goto(server.url("/web/"));
  await waitLive(page);
  await waitForCount(page, big.items.length);
  const more = page.locator("[data-gyokaku]").locator(".gk-more");
  await more.waitFor();
  const first = big.items[60].id;
  await more.focus();
  await page.keyboard.press("Enter");
  await focusSettlesOn(page, `[data-key="item-${first}"]`, "after showing more");
  assert.equal(await more.count(), 0, "the last page took the button away");
  assert.deepEqual(page.errors, []);
});

test("chart tooltips (1.4.13): Esc hides a focused or hovered year's tooltip, moving neither focus nor pointer; the pointer can move onto a tooltip; what it says is in the table", async () => {
  const page = await open("/web/#item=7");
  const chart = page.locator('[data-kpi="7-1"] svg.gk-chart');
  const shownTips = () => chart.locator(".gk-tip").evaluateAll((tips) => tips.filter((t) => getComputedStyle(t).display !== "none").map((t) => t.dataset.tip));
  const tipsBecome = async (expected, why) => {
    const ok = await page
      .waitForFunction((e) => JSON.stringify(kbd.all('[data-kpi="7-1"] .gk-tip').filter((t) => getComputedStyle(t).display !== "none").map((t) => t.dataset.tip)) === e, JSON.stringify(expected), { timeout: 2000 })
      .then(() => true, () => false);
    if (!ok) assert.deepEqual(await shownTips(), expected, why);
  };

  // Focus.
  await pressUntil(page, "Tab", '[data-kpi="7-1"] [data-col="3"]');
  await tipsBecome(["3"], "the focused year's tooltip shows");
  await page.keyboard.press("Escape");
  await tipsBecome([], "Esc hides it");
  assert.ok(await focusedIs(page, '[data-kpi="7-1"] [data-col="3"]'), "focus stays on the year");
  await page.keyboard.press("Tab");
  await tipsBecome(["4"], "the next year's tooltip shows");
  await page.keyboard.press("Shift+Tab");
  await tipsBecome(["3"], "coming back, the year's tooltip shows again");
  await page.evaluate(() => kbd.active().blur());
  await tipsBecome([], "no focus, no tooltip");

  // Hover, low in year 2's column, away from where its tooltip appears.
  const box = await chart.locator('[data-col="2"] .gk-hit').boundingBox();
  const low = [box.x + box.width / 2, box.y + box.height * 0.9];
  await page.mouse.move(...low);
  await tipsBecome(["2"], "the hovered year's tooltip shows");
  // Hoverable: to the far side of the tooltip, which may lie over the
  // next year; the tooltip stays.
  const tip = await chart.locator('[data-tip="2"] rect').boundingBox();
  const farX = Math.abs(tip.x - low[0]) > Math.abs(tip.x + tip.width - low[0]) ? tip.x + 3 : tip.x + tip.width - 3;
  await page.mouse.move(low[0], tip.y + tip.height / 2, { steps: 4 });
  await page.mouse.move(farX, tip.y + tip.height / 2, { steps: 8 });
  await tipsBecome(["2"], "the tooltip stays while the pointer is on it");
  await screenshot(page, "33-tooltip-hovered");
  // Dismissible without moving the pointer, even when the pointer rests
  // on the tooltip over the next year.
  await page.keyboard.press("Escape");
  await tipsBecome([], "Esc hides the hovered tooltip");
  const low3 = await chart.locator('[data-col="3"] .gk-hit').boundingBox();
  await page.mouse.move(low3.x + low3.width / 2, low3.y + low3.height * 0.9, { steps: 4 });
  await tipsBecome(["3"], "another year shows its own");
  await page.keyboard.press("Escape");
  await tipsBecome([], "Esc hides it, the pointer on its year");
  await page.mouse.move(low3.x + low3.width / 2 + 2, low3.y + low3.height * 0.9 - 2);
  await tipsBecome([], "and it stays hidden while the pointer stays on that year");

  // What each tooltip says is in its chart's table, row by row, on every
  // item with charts (opened one after another through the hash).
  const items = [...new Set(PLAN.kpis.map((k) => k.item_id))];
  const { mismatches, tips } = await page.evaluate(async (items) => {
    const result = { mismatches: [], tips: 0 };
    for (const id of items) {
      location.hash = `#item=${id}`;
      for (let frames = 0; !kbd.all(`[data-detail="${id}"] [data-kpi]`).length; frames++) {
        if (frames > 300) return { ...result, mismatches: [`item ${id} shows no chart`] };
        await new Promise((r) => requestAnimationFrame(r));
      }
      result.mismatches.push(...kbd.tipsNotInTable());
      result.tips += kbd.all(".gk-tip").length;
    }
    return result;
  }, items);
  assert.ok(tips >= PLAN.kpis.length, `${tips} tooltips checked`);
  assert.deepEqual(mismatches, []);
  assert.deepEqual(page.errors, []);
});

/** The `:hover` rules of the page's stylesheets that show content and
 *  have no focus counterpart, and how many `:hover` rules there are. */
function hoverOnlyRules(page) {
  return page.evaluate(() => {
    const rules = kbd.styleRules();
    const REVEALING = ["display", "visibility", "opacity", "content", "clip", "clip-path", "max-height", "height", "width", "overflow", "transform", "position", "inset", "left", "top", "z-index"];
    const out = [];
    let hovers = 0;
    for (const { selector, style } of rules) {
      if (!selector.includes(":hover")) continue;
      hovers++;
      const reveals = REVEALING.some((p) => style.getPropertyValue(p) !== "");
      if (!reveals) continue;
      // Split the selector list at top-level commas.
      const parts = [];
      let depth = 0, start = 0;
      for (let i = 0; i < selector.length; i++) {
        if ("([".includes(selector[i])) depth++;
        else if (")]".includes(selector[i])) depth--;
        else if (selector[i] === "," && depth === 0) {
          parts.push(selector.slice(start, i).trim());
          start = i + 1;
        }
      }
      parts.push(selector.slice(start).trim());
      for (const part of parts.filter((p) => p.includes(":hover"))) {
        // Either ":is(:hover, :focus)" in the selector itself, or the
        // same selector with a focus pseudo-class beside it in the rule,
        // or the hovered element is one that only hover can bring up
        // (a tooltip kept open while the pointer is on it).
        const inline = /:is\([^)]*:hover[^)]*:focus|:is\([^)]*:focus[^)]*:hover/.test(part);
        const twin = ["focus", "focus-visible", "focus-within"].some((f) => parts.includes(part.replaceAll(":hover", `:${f}`)));
        const keepsOpen = /^\.gk-tip:hover$/.test(part);
        if (!inline && !twin && !keepsOpen) out.push(`${part} { ${style.cssText} }`);
      }
    }
    return { out, hovers };
  });
}

test("nothing is revealed by hover alone: every :hover rule that shows content has a focus counterpart", async () => {
  const page = await open("/web/#item=7");
  const { out, hovers } = await hoverOnlyRules(page);
  assert.deepEqual(out, [], "hover-only rules");
  assert.ok(hovers > 0, "the check saw the stylesheet's :hover rules");
  assert.deepEqual(page.errors, []);
});

/** The WCAG 1.4.12 text-spacing overrides, in the page and every shadow
 *  root. (Cards and report items off screen skip layout until scrolled
 *  to; here they are all laid out, to be measured at once.) */
async function spaceText(page) {
  await page.evaluate(() => {
    const css = `*, *::before, *::after { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
      p { margin-bottom: 2em !important; }
      * { content-visibility: visible !important; }`;
    for (const root of kbd.roots()) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    }
  });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Text cut off by a box that hides its overflow, and controls that other
 *  content covers (hit-testing three points of each: the centre and two
 *  corners must be the control or inside it). */
function clippedAndCovered() {
  const problems = [];
  for (const el of kbd.all("*")) {
    if (el.closest(".gk-sr") || el instanceof SVGElement || !el.checkVisibility()) continue;
    const s = getComputedStyle(el);
    const hides = (v) => v === "hidden" || v === "clip";
    if (!hides(s.overflowX) && !hides(s.overflowY)) continue;
    if ((hides(s.overflowX) && el.scrollWidth > el.clientWidth + 1) || (hides(s.overflowY) && el.scrollHeight > el.clientHeight + 1)) {
      problems.push(`${kbd.describe(el)}: content ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight} is cut off`);
    }
  }
  const coveredBy = (el) => {
    const r = el.getClientRects()[0];
    const root = el.getRootNode();
    for (const [x, y] of [[r.left + r.width / 2, r.top + r.height / 2], [r.left + 3, r.top + 3], [r.right - 3, r.bottom - 3]]) {
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return "off screen";
      const top = root.elementFromPoint(x, y);
      if (!top || !(top === el || el.contains(top))) return `(${Math.round(x - r.left)},${Math.round(y - r.top)}): ${kbd.describe(top)}`;
    }
    return null;
  };
  // Scrolling once per screen, then once more for a control that a scroll
  // box of its own hides.
  for (const el of kbd.tabbables().filter((e) => !(e instanceof SVGElement))) {
    if (coveredBy(el) === null) continue;
    el.scrollIntoView({ block: "start", inline: "nearest" });
    if (coveredBy(el) === null) continue;
    el.scrollIntoView({ block: "center", inline: "center" });
    const by = coveredBy(el);
    if (by) problems.push(`${kbd.describe(el)} is covered at ${by}`);
  }
  scrollTo(0, 0);
  return problems;
}

/** Opens `url`, then goes to each hash of `views` in turn (the hosted
 *  page follows its hash without reloading), calling `check(page, view)`. */
async function eachView(url, views, check, options) {
  const page = await open(url + views[0], options);
  for (const view of views) {
    if (view !== views[0]) {
      await page.evaluate((h) => (location.hash = h), view);
      await page.locator(view.startsWith("#item=") ? `[data-detail="${view.slice(6)}"]` : "[data-result-count]").first().waitFor();
    }
    await check(page, view);
  }
  assert.deepEqual(page.errors, []);
  await page.context().close();
}

test("text spacing (1.4.12): with the WCAG overrides no text is cut off and no control is covered: overview, item, report", async () => {
  const check = async (page, view) => {
    await page.evaluate(() => kbd.all("details").forEach((d) => (d.open = true)));
    await spaceText(page);
    assert.deepEqual(await page.evaluate(clippedAndCovered), [], view);
  };
  await eachView("/web/", ["", "#item=7"], async (page, view) => {
    await check(page, view || "overview");
    await screenshot(page, view ? "32-text-spacing-item" : "32-text-spacing");
  });
  await eachView(REPORT, [""], (page) => check(page, "report"));
});

/** At the current width: sideways scrolling of the page, content outside
 *  the viewport (other than inside a table's scroll box), and controls or
 *  items noted at full width that are gone. */
function reflowProblems() {
  const problems = [];
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > width) problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
  for (const el of kbd.all("body *")) {
    if (el.closest(".gk-table-scroll, .gk-sr, svg") || !el.checkVisibility()) continue;
    const r = el.getBoundingClientRect();
    if (r.width > 0 && (r.right > width + 1 || r.left < -1)) problems.push(`${kbd.describe(el)} spans ${Math.round(r.left)}–${Math.round(r.right)} of ${width}`);
  }
  for (const el of window.__atFullWidth) {
    const r = el.getBoundingClientRect();
    if (!el.isConnected || !kbd.shown(el) || r.width < 1 || r.height < 1) problems.push(`${kbd.describe(el)} is gone`);
  }
  return problems.slice(0, 20);
}

test("reflow (1.4.10, 1.4.4): at 320 and 640 CSS px nothing scrolls sideways outside the tables' boxes and every control, item and KPI stays: overview, item, report", async () => {
  const check = async (page, view) => {
    const where = view || "overview";
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.evaluate(() => {
      window.__atFullWidth = [...kbd.tabbables(), ...kbd.all("[data-item-id], [data-kpi], [data-goal]").filter(kbd.shown)];
    });
    for (const width of [640, 320]) {
      await page.setViewportSize({ width, height: 800 });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      assert.deepEqual(await page.evaluate(reflowProblems), [], `${where} at ${width} px`);
    }
    await screenshot(page, `31-reflow-320-${where.replace(/\W+/g, "-").replace(/^-|-$/g, "")}`);
    // The tables wider than 320 px scroll in their own box, which the
    // keyboard reaches.
    const boxes = await page.evaluate(() => kbd.all(".gk-table-scroll").filter((b) => kbd.shown(b) && b.scrollWidth > b.clientWidth).map((b) => b.tabIndex));
    assert.ok(boxes.every((t) => t === 0), `${where}: every scrolling table box is a focus stop`);
  };
  await eachView("/web/", ["", "#item=7"], check);
  await eachView(REPORT, [""], (page) => check(page, "report"));
});
