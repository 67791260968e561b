// Timings of the built widget in headless Chromium, printed (run by
// `cargo xtask bench`; not a test: nothing here passes or fails).
//
// - first list: from navigation start to the `gyokaku:list` performance
//   mark the widget sets when its first item list is in the document;
//   hosted over 127.0.0.1 and the single-file report from file://.
// - filter latency: typing into the search box, one key at a time, from
//   the input event to (a) the DOM updated and laid out and (b) the next
//   frame painted (keys land at random moments within a frame, as a
//   typist's do); on the real plan and on a plan 100× larger.
import path from "node:path";
import { startServer, launch, DIST } from "./helpers.mjs";

const RUNS = Number(process.env.GYOKAKU_BENCH_RUNS ?? 15);

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const ms = (x) => `${x.toFixed(1)} ms`;

async function firstList(browser, url) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName("gyokaku:list").length > 0, null, { timeout: 20000 });
    times.push(await page.evaluate(() => performance.getEntriesByName("gyokaku:list")[0].startTime));
    await context.close();
  }
  return times;
}

/** Types each query a key at a time (and clears it), timing every keystroke. */
async function filterLatency(browser, url, queries) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName("gyokaku:list").length > 0, null, { timeout: 30000 });
  const samples = await page.evaluate(async (queries) => {
    const root = document.querySelector("[data-gyokaku]").shadowRoot;
    const input = root.querySelector("[data-filter=q]");
    const macrotask = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); });
    const frame = () => new Promise((r) => requestAnimationFrame(() => macrotask().then(r)));
    const out = [];
    for (let round = 0; round < 3; round++) {
      for (const q of queries) {
        const steps = [...Array.from(q, (_, i) => q.slice(0, i + 1)), ""];
        for (const text of steps) {
          // Keys arrive at any moment of a frame, not just after a paint.
          await frame();
          await new Promise((r) => setTimeout(r, Math.random() * 16));
          const t0 = performance.now();
          input.value = text;
          input.dispatchEvent(new Event("input", { bubbles: true }));
          await macrotask(); // the widget's effects have run
          root.querySelector("[data-result-count]").getBoundingClientRect(); // layout done
          const t1 = performance.now();
          await frame(); // painted
          const t2 = performance.now();
          out.push([t1 - t0, t2 - t0]);
        }
      }
    }
    return out;
  }, queries);
  const count = await page.evaluate(() => document.querySelector("[data-gyokaku]").shadowRoot.querySelector("[data-result-count]").dataset.resultCount);
  await context.close();
  return { work: samples.map((s) => s[0]), paint: samples.map((s) => s[1]), items: count };
}

const server = await startServer();
const browser = await launch();
try {
  const hosted = await firstList(browser, server.url("/web/"));
  const report = await firstList(browser, `file://${path.join(DIST, "gyokaku-report.html")}`);
  console.log(`  first rendered list, hosted page          median ${ms(quantile(hosted, 0.5))}  (p95 ${ms(quantile(hosted, 0.95))}, ${RUNS} runs; budget 400 ms)`);
  console.log(`  first rendered list, report from file://  median ${ms(quantile(report, 0.5))}  (p95 ${ms(quantile(report, 0.95))}, ${RUNS} runs; budget 400 ms)`);
  const queries = ["デジタル", "財政", "テレワーク", "ict", "県税徴収率"];
  for (const [name, url] of [["real plan (30 items)", "/web/"], ["plan 100× (3000 items)", "/web/bench/"]]) {
    const r = await filterLatency(browser, server.url(url), queries);
    console.log(
      `  filter latency, ${name.padEnd(24)} input→DOM+layout p50 ${ms(quantile(r.work, 0.5))} p95 ${ms(quantile(r.work, 0.95))};` +
        ` input→next paint p50 ${ms(quantile(r.paint, 0.5))} p95 ${ms(quantile(r.paint, 0.95))}  (${r.work.length} keystrokes)`,
    );
  }
  console.log("  budgets: filter-to-paint p95 ≤ 16 ms (real plan), ≤ 50 ms (100×)");
} finally {
  await browser.close();
  await server.close();
}
