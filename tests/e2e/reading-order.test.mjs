// What a screen reader reads, and in which order: Chromium's accessibility
// tree (CDP `Accessibility.getFullAXTree`; it includes the widget's open
// shadow root) for the hosted page, an item and the static report. Keeps
// the "screen-reader reading order" column of docs/accessibility.md true:
// headings without skipped levels, every chart, control and scroll box
// named, ids unique, and an item read in the order it is drawn.
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { serverAndBrowser, openPage, waitLive, DIST, PLAN } from "./helpers.mjs";

let server, browser;
// The accessibility mode a screen reader turns on. Without it Chromium
// leaves the content of off-screen `content-visibility: auto` boxes (item
// cards, report items) out of the tree that CDP returns, although a screen
// reader is given it.
serverAndBrowser((s, b) => ([server, browser] = [s, b]), { browserArgs: ["--force-renderer-accessibility"] });

// The items read in full: in the bundled plan item 7 (one KPI) and item 1
// (objective and reference KPIs); in another plan its first two with a sheet.
const WITH_SHEET = PLAN.items.filter((i) => i.sheet).map((i) => i.id);
const ITEMS = [7, 1].every((id) => WITH_SHEET.includes(id)) ? [7, 1] : WITH_SHEET.slice(0, 2);
// Whose boxes the report's test compares: the last of those, and the
// last item without a sheet (far down the report, laid out on demand).
const DRAWN = [ITEMS.at(-1), PLAN.items.filter((i) => !i.sheet).at(-1)?.id].filter(Boolean);
/** Cards the list shows before "show more" (`PAGE` in src/components/list.rs). */
const PAGE = 60;

/** Roles a user operates; each needs a name. */
const CONTROLS = new Set([
  "button", "checkbox", "combobox", "searchbox", "textbox", "radio", "link", "DisclosureTriangle",
  "listbox", "spinbutton", "slider", "switch", "tab", "menuitem", "option",
]);

const squash = (s) => (s ?? "").replace(/\s+/g, " ").trim();

/**
 * The page as a screen reader gets it: the accessibility tree's nodes that
 * are not ignored, in reading order (depth first), each with its role,
 * name, description, heading level, whether it takes focus, the DOM node
 * behind it (`el`: tag, attributes, parent; shadow roots pierced) and
 * `end`, the index after its last descendant.
 */
async function readingTree(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Accessibility.enable");
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  const { root } = await cdp.send("DOM.getDocument", { depth: -1, pierce: true });
  const dom = new Map();
  const index = (n, parent) => {
    const attrs = {};
    for (let i = 0; i < (n.attributes ?? []).length; i += 2) attrs[n.attributes[i]] = n.attributes[i + 1];
    const el = { tag: n.localName, attrs, parent, backendId: n.backendNodeId };
    dom.set(n.backendNodeId, el);
    for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) index(c, el);
  };
  index(root, null);
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const out = [];
  const prop = (n, name) => n.properties?.find((p) => p.name === name)?.value.value;
  const walk = (n) => {
    let entry;
    if (!n.ignored) {
      entry = {
        role: n.role?.value,
        name: squash(n.name?.value),
        description: squash(n.description?.value),
        level: prop(n, "level"),
        focusable: prop(n, "focusable") === true,
        el: dom.get(n.backendDOMNodeId),
      };
      out.push(entry);
    }
    for (const id of n.childIds ?? []) {
      const child = byId.get(id);
      if (child) walk(child);
    }
    if (entry) entry.end = out.length;
  };
  walk(nodes.find((n) => !n.parentId));
  return { nodes: out, dom, cdp };
}

/** The DOM element `el` or its nearest ancestor that `test` accepts. */
function closest(el, test) {
  for (let e = el; e; e = e.parent) if (test(e)) return e;
  return null;
}
const hasClass = (cls) => (e) => (e.attrs.class ?? "").split(" ").includes(cls);

function assertHeadings(tree, where) {
  const headings = tree.nodes.filter((n) => n.role === "heading");
  assert.ok(headings.length > 0, `${where}: headings`);
  assert.equal(headings[0].level, 1, `${where}: the first heading is the h1 (${headings[0].name})`);
  assert.deepEqual(headings.filter((h) => h.level === 1).map((h) => h.name), [headings[0].name], `${where}: one h1`);
  let previous = 0;
  for (const h of headings) {
    assert.ok(h.name, `${where}: an empty h${h.level}`);
    assert.ok(h.level <= previous + 1, `${where}: "${h.name}" is an h${h.level} right after an h${previous}`);
    previous = h.level;
  }
}

/** Every control and every focusable element (scroll boxes, chart years)
 *  has a name. */
function assertNamed(tree, where) {
  const unnamed = tree.nodes
    .filter((n) => (CONTROLS.has(n.role) || (n.focusable && n.role !== "RootWebArea")) && !n.name)
    .map((n) => `${n.role} <${n.el?.tag} class="${n.el?.attrs.class ?? ""}">`);
  assert.deepEqual(unnamed, [], `${where}: controls and focusable elements without a name`);
}

/** Every chart SVG in the DOM is in the tree with a name and a description. */
function assertCharts(tree, where, expected) {
  const inDom = [...tree.dom.values()].filter((e) => e.tag === "svg" && hasClass("gk-chart")(e));
  const charts = tree.nodes.filter((n) => n.el?.tag === "svg");
  assert.equal(inDom.length, expected, `${where}: a chart per KPI`);
  assert.equal(charts.length, inDom.length, `${where}: every chart is in the accessibility tree`);
  for (const c of charts) {
    assert.ok(["group", "image", "graphics-document"].includes(c.role), `${where}: chart role ${c.role}`);
    assert.ok(c.name, `${where}: a chart without a name`);
    assert.ok(c.description, `${where}: chart "${c.name}" without a description`);
  }
}

/** No id the tree's names and descriptions are built from occurs twice in
 *  one document or shadow root. */
async function assertUniqueIds(page, where) {
  const duplicates = await page.evaluate(() => {
    const roots = [document, ...[...document.querySelectorAll("[data-gyokaku]")].map((h) => h.shadowRoot).filter(Boolean)];
    return roots.flatMap((root) => {
      const seen = new Map();
      for (const e of root.querySelectorAll("[id]")) seen.set(e.id, (seen.get(e.id) ?? 0) + 1);
      return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
    });
  });
  assert.deepEqual(duplicates, [], `${where}: duplicate ids`);
}

function assertLandmarks(tree, where) {
  const order = tree.nodes.filter((n) => ["banner", "main", "contentinfo"].includes(n.role)).map((n) => n.role);
  assert.deepEqual(order, ["banner", "main", "contentinfo"], `${where}: landmarks`);
}

/**
 * What item `id` reads, in the order it must be read, as steps (a label
 * and a test of a tree node): the title, the lead departments, the sheet's texts,
 * each KPI group's heading and its KPIs (the chart, then its table; in the
 * widget the table sits in a disclosure that replaces the chart when open),
 * the schedule and the evaluations, or the note that there is no sheet.
 * `block` names the DOM element whose box is compared with the next one's;
 * `below`, an earlier step that this step's element must be drawn under
 * (a chart's table or its disclosure under the chart).
 */
function itemSequence(article, id, { report, tablesOpen }) {
  const item = PLAN.items.find((i) => i.id === id);
  const steps = [];
  const step = (label, test, block, below) => steps.push({ label, test, block, below });
  const title = (n) => n.role === "heading" && n.level === 2 && n.name.startsWith(`(${id}) `) && n.name.includes(squash(item.title));
  step("title", title, (n) => n.el);
  // Text is matched as text, not by the paragraph around it: Chromium gives
  // a paragraph of a report item that has not been laid out yet
  // (content-visibility) no role, though its text is read.
  const text = (n, container) => n.role === "StaticText" && n.name && container(n);
  const lead = (n) => closest(n.el, (e) => e.attrs["data-facts"] === "lead");
  const names = item.lead_departments.map((d) => PLAN.departments.find((x) => x.id === d).name);
  step("lead departments", (n) => text(n, lead) && names.every((name) => n.name.includes(name)), lead);
  if (!item.sheet) {
    const notice = (n) => closest(n.el, (e) => "data-no-sheet" in e.attrs);
    step("no sheet", (n) => text(n, notice), notice);
    return { article, steps };
  }
  const textSection = (n) => closest(n.el, hasClass("gk-text"));
  for (const key of ["situation", "problems", "measures"].filter((k) => item.sheet[k])) {
    step(`text ${key}: heading`, (n) => n.role === "heading" && n.level === 3 && textSection(n), (n) => textSection(n));
    step(`text ${key}: text`, (n) => text(n, (m) => textSection(m) && closest(m.el, (e) => e.tag === "p")));
  }
  for (const role of ["objective", "reference"]) {
    const kpis = PLAN.kpis.filter((k) => k.item_id === id && k.role === role);
    if (!kpis.length) continue;
    const group = (n) => closest(n.el, hasClass(`gk-kpis-${role}`));
    step(`${role} KPIs: heading`, (n) => n.role === "heading" && n.level === 3 && group(n), (n) => n.el);
    for (const k of kpis) {
      const figure = (n) => closest(n.el, (e) => e.attrs["data-kpi"] === `${id}-${k.no}`);
      const named = (n) => n.name.includes(squash(k.name));
      const chart = `KPI ${k.no}: chart`;
      if (!tablesOpen || report) step(chart, (n) => n.el?.tag === "svg" && figure(n) && named(n), (n) => figure(n));
      if (report) {
        step(`KPI ${k.no}: table`, (n) => n.role === "group" && n.el?.attrs?.class?.includes("gk-table-scroll") && figure(n) && named(n), undefined, chart);
      } else if (tablesOpen) {
        step(`KPI ${k.no}: table`, (n) => n.role === "group" && n.el?.attrs?.class?.includes("gk-table-scroll") && figure(n) && named(n), (n) => figure(n));
      } else {
        step(`KPI ${k.no}: table disclosure`, (n) => n.role === "DisclosureTriangle" && figure(n), undefined, chart);
      }
    }
  }
  const schedule = (n) => closest(n.el, hasClass("gk-schedule"));
  if (PLAN.schedule.some((s) => s.item_id === id)) {
    step("schedule: heading", (n) => n.role === "heading" && n.level === 3 && schedule(n), (n) => schedule(n));
    step("schedule: table", (n) => n.role === "group" && schedule(n) && n.name.includes(`(${id})`));
  }
  const evaluations = (n) => closest(n.el, hasClass("gk-evaluations"));
  step("evaluations: heading", (n) => n.role === "heading" && n.level === 3 && evaluations(n), (n) => evaluations(n));
  for (let fy = PLAN.plan.first_fy; fy <= PLAN.plan.last_fy; fy++) {
    const year = (n) => closest(n.el, (e) => e.attrs["data-eval"] === String(fy));
    const evaluated = PLAN.evaluations.some((e) => e.item_id === id && e.fy === fy);
    step(`evaluation ${fy}`, (n) => year(n) && (evaluated ? n.role === "DisclosureTriangle" : n.role === "StaticText"));
  }
  return { article, steps };
}

/** The steps in `sequence` are read in that order, with nothing of the
 *  item before its title. Returns the node of each step. */
function assertReadingOrder(tree, sequence, where) {
  const start = tree.nodes.findIndex((n) => n.el === sequence.article);
  assert.ok(start >= 0, `${where}: the item's article is in the accessibility tree`);
  const end = tree.nodes[start].end;
  const search = (from, test) => {
    for (let i = from; i < end; i++) if (test(tree.nodes[i])) return i;
    return -1;
  };
  let from = start;
  const found = [];
  for (const s of sequence.steps) {
    const at = search(from, s.test);
    if (at < 0) {
      const anywhere = search(start, s.test);
      assert.fail(`${where}: "${s.label}" ${anywhere < 0 ? "is not in the accessibility tree" : `is read before "${found.at(-1)?.label}"`}`);
    }
    found.push({ ...s, node: tree.nodes[at], at });
    from = at + 1;
  }
  return found;
}

/** The box of a DOM element in the page (laid out on demand where the
 *  report has not laid it out yet). */
async function box(tree, el) {
  const { object } = await tree.cdp.send("DOM.resolveNode", { backendNodeId: el.backendId });
  const { result } = await tree.cdp.send("Runtime.callFunctionOn", {
    objectId: object.objectId,
    functionDeclaration: "function () { const r = this.getBoundingClientRect(); return [r.left, r.top + scrollY, r.right, r.bottom + scrollY]; }",
    returnByValue: true,
  });
  const [left, top, right, bottom] = result.value;
  return { left, top, right, bottom };
}

/** Each block of the sequence is drawn after the one before it, as a
 *  left-to-right, top-to-bottom reader meets them: below it, or in the same
 *  row to its right. */
async function assertVisualOrder(tree, found, where) {
  let previous = null;
  for (const f of found.filter((f) => f.block)) {
    const el = f.block(f.node);
    const b = await box(tree, el);
    if (previous) {
      const p = previous.box;
      const below = b.top >= p.bottom - 2;
      const right = Math.abs(b.top - p.top) < 2 && b.left >= p.right - 2;
      assert.ok(below || right, `${where}: "${f.label}" (${JSON.stringify(b)}) is drawn before "${previous.label}" (${JSON.stringify(p)})`);
    }
    previous = { label: f.label, box: b };
  }
  for (const f of found.filter((f) => f.below)) {
    const above = found.find((g) => g.label === f.below);
    const [a, b] = [await box(tree, above.node.el), await box(tree, f.node.el)];
    assert.ok(b.top >= a.bottom - 2, `${where}: "${f.label}" (${JSON.stringify(b)}) is not drawn under "${above.label}" (${JSON.stringify(a)})`);
  }
}

/** The article of item `id` in the tree's DOM. */
function articleOf(tree, id) {
  return [...tree.dom.values()].find((e) => e.tag === "article" && e.attrs["data-item-id"] === String(id));
}

test("the hosted page reads as one h1 with its sections, every item and every control named", async () => {
  const page = await openPage(browser);
  await page.goto(server.url("/web/"));
  await waitLive(page);
  // Open the share panel so that its fields are checked too.
  await page.locator("[data-action=share]").click();
  await page.locator("[data-share-value=link]").waitFor();
  const tree = await readingTree(page);
  assertLandmarks(tree, "/web/");
  assertHeadings(tree, "/web/");
  assertNamed(tree, "/web/");
  const cards = tree.nodes.filter((n) => n.role === "heading" && n.level === 3 && closest(n.el, hasClass("gk-item")));
  assert.deepEqual(
    cards.map((h) => Number(h.name.match(/^\((\d+)\)/)?.[1])),
    PLAN.items.slice(0, PAGE).map((i) => i.id),
    "every item card's heading, in list order, including cards far below the screen",
  );
  const fields = tree.nodes.filter((n) => n.role === "textbox" && closest(n.el, (e) => "data-share-panel" in e.attrs));
  assert.equal(fields.length, 3, "the share panel's three fields");
  await assertUniqueIds(page, "/web/");
  assert.deepEqual(page.errors, []);
});

test("an item reads as it is drawn: title, departments, texts, each KPI chart and its table, schedule, evaluations", async () => {
  const page = await openPage(browser);
  await page.goto(server.url(`/web/#item=${ITEMS[0]}`));
  await waitLive(page);
  // The second item is opened from the same page, as a link to it would.
  for (const id of ITEMS) {
    if (id !== ITEMS[0]) await page.evaluate((id) => (location.hash = `item=${id}`), id);
    await page.locator(`[data-detail="${id}"] .gk-evaluations`).waitFor();
    const where = `/web/#item=${id}`;
    let tree = await readingTree(page);
    assertLandmarks(tree, where);
    assertHeadings(tree, where);
    assertNamed(tree, where);
    assertCharts(tree, where, PLAN.kpis.filter((k) => k.item_id === id).length);
    let sequence = itemSequence(articleOf(tree, id), id, { report: false, tablesOpen: false });
    await assertVisualOrder(tree, assertReadingOrder(tree, sequence, where), where);
    await tree.cdp.detach();
    // Each table, once shown, is read where its chart was.
    for (const summary of await page.locator(`[data-detail="${id}"] [data-kpi] summary`).all()) await summary.click();
    tree = await readingTree(page);
    const shown = `${where}, tables shown`;
    assertNamed(tree, shown);
    sequence = itemSequence(articleOf(tree, id), id, { report: false, tablesOpen: true });
    await assertVisualOrder(tree, assertReadingOrder(tree, sequence, shown), shown);
    await assertUniqueIds(page, where);
    await tree.cdp.detach();
  }
  assert.deepEqual(page.errors, []);
});

test("the report from file:// reads every item in order, each chart followed by its table", async () => {
  const page = await openPage(browser, { offline: true });
  await page.goto(`file://${path.join(DIST, "gyokaku-report.html")}`);
  await page.waitForFunction(() => performance.getEntriesByName("gyokaku:drawn").length > 0);
  const tree = await readingTree(page);
  const where = "report";
  assertLandmarks(tree, where);
  assertHeadings(tree, where);
  assertNamed(tree, where);
  assertCharts(tree, where, PLAN.kpis.length);
  const titles = tree.nodes.filter((n) => n.role === "heading" && n.level === 2 && closest(n.el, (e) => e.tag === "article"));
  assert.deepEqual(titles.map((h) => Number(h.name.match(/^\((\d+)\)/)?.[1])), PLAN.items.map((i) => i.id), "every item, in plan order");
  for (const item of PLAN.items) {
    const sequence = itemSequence(articleOf(tree, item.id), item.id, { report: true });
    const found = assertReadingOrder(tree, sequence, `${where}, item ${item.id}`);
    if (DRAWN.includes(item.id)) await assertVisualOrder(tree, found, `${where}, item ${item.id}`);
  }
  await assertUniqueIds(page, where);
  await tree.cdp.detach();
  assert.deepEqual(page.errors, []);
});
