// Shared pieces of the browser tests: a static server on 127.0.0.1 that the
// test stops, headless Chromium from Debian, and the built files.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import { before, after } from "node:test";
import { chromium } from "playwright-core";

export const DIST = process.env.GYOKAKU_DIST ?? path.resolve(import.meta.dirname, "../../dist");
export const FIXTURES = path.resolve(import.meta.dirname, "fixtures");
export const SHOTS = path.join(DIST, "test", "screenshots");
export const PLAN = JSON.parse(fs.readFileSync(path.join(DIST, "web/data/plan.json"), "utf8"));

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".css": "text/css",
};

/** Serves DIST at / and the test fixtures at /fixtures/, on 127.0.0.1 and a
 *  free port. `headers(url)` may add response headers (a CSP). */
export async function startServer({ headers = () => ({}) } = {}) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    let file = url.pathname.startsWith("/fixtures/")
      ? path.join(FIXTURES, url.pathname.slice("/fixtures/".length))
      : path.join(DIST, url.pathname);
    if (!file.startsWith(DIST) && !file.startsWith(FIXTURES)) {
      res.writeHead(403).end();
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!fs.existsSync(file)) {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, {
      "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
      "Cache-Control": "no-store",
      ...headers(url),
    });
    res.end(fs.readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return { url: (p) => `http://127.0.0.1:${port}${p}`, close: () => new Promise((r) => server.close(r)) };
}

const FLAGS = [
  "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
  "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
];

/** For a test file: a server (options as for `startServer`) and a browser
 *  (`options.browserArgs`: extra Chromium flags) started before its tests
 *  and stopped after them; `use(server, browser)` receives both. */
export function serverAndBrowser(use, options) {
  let server, browser;
  before(async () => {
    server = await startServer(options);
    browser = await launch(options?.browserArgs);
    use(server, browser);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
}

/** Headless Chromium with a fresh profile, plus any extra flags. */
export async function launch(args = []) {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: [...FLAGS, ...args] });
  return browser;
}

/** A page that records console errors and uncaught exceptions. */
export async function openPage(browser, { viewport = { width: 1200, height: 900 }, offline = false, ...options } = {}) {
  const context = await browser.newContext({ viewport, ...options });
  if (offline) await context.setOffline(true);
  const page = await context.newPage();
  page.errors = [];
  page.on("pageerror", (e) => page.errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && !/favicon/.test(m.text())) page.errors.push(`console: ${m.text()}`);
  });
  return page;
}

/** Waits until every widget on the page is live: mounted in its shadow
 *  root, having replaced the pre-rendered view a page may ship. */
export async function waitLive(page) {
  await page.waitForFunction(
    () => [...document.querySelectorAll("[data-gyokaku]")].every((h) => h.shadowRoot?.querySelector(".gk")),
    null,
    { timeout: 15000 },
  );
}

/** The ids of the item cards in the list, in order. */
export async function listedItems(page, root = page) {
  if (page.waitForFunction) await waitLive(page);
  await root.locator(".gk-results [data-item-id], .gk-report-items [data-item-id]").first().waitFor({ timeout: 15000 });
  return root.locator(".gk-results > div > .gk-items > [data-item-id], .gk-report-items [data-detail]").evaluateAll((els) =>
    els.map((e) => Number(e.getAttribute("data-item-id"))),
  );
}

/** Waits until the result count shows `n`. */
export async function waitForCount(root, n) {
  await root.locator(`[data-result-count="${n}"]`).first().waitFor({ timeout: 10000 });
}

/** Items a department leads, from the dataset itself. */
export function ledBy(deptId) {
  return PLAN.items.filter((i) => i.lead_departments.includes(deptId)).map((i) => i.id);
}

/** Items of a goal, from the dataset itself. */
export function ofGoal(goalId) {
  const reforms = PLAN.reforms.filter((r) => r.goal_id === goalId).map((r) => r.id);
  return PLAN.items.filter((i) => reforms.includes(i.reform_id)).map((i) => i.id);
}

export async function screenshot(page, name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
}

export function tempDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), "gyokaku-"));
}
