// Statistics and printing for the bench: medians, quantiles, budget rows.
// Nothing here decides pass or fail: a missed budget is printed as ✗.
import zlib from "node:zlib";

/** The q-quantile of `xs` (nearest rank; null for no samples). */
export function quantile(xs, q) {
  const s = xs.filter((x) => typeof x === "number" && Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return null;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

/** The median (the mean of the two middle samples for an even count). */
export function median(xs) {
  const s = xs.filter((x) => typeof x === "number" && Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export const gzipLen = (bytes) => zlib.gzipSync(bytes, { level: 9 }).length;

export const int = (n) => Math.round(n).toLocaleString("en-US");
export const ms = (x, digits = 0) => (x == null ? "n/a" : `${x.toFixed(digits)} ms`);
export const bytes = (n) => (n == null ? "n/a" : `${int(n)} B`);

/** "median 212 ms (min 190, max 260; 15 runs)", or why there is none. */
export function summary(xs, runs, digits = 0) {
  const got = xs.filter((x) => typeof x === "number");
  if (got.length === 0) return null;
  const lo = quantile(got, 0), hi = quantile(got, 1);
  const missing = runs - got.length;
  return (
    `median ${ms(median(got), digits)} (min ${lo.toFixed(digits)}, max ${hi.toFixed(digits)}; ${got.length} run${got.length === 1 ? "" : "s"}` +
    (missing > 0 ? `, ${missing} without a value` : "") +
    ")"
  );
}

/**
 * The verdict of a measured value against an upper limit: "✓ −12 ms (5%)"
 * (under by 12 ms, 5% of the budget) or "✗ +37 ms (15%)" (over by 37 ms).
 * `unit` is "ms" or "B".
 */
export function verdict(value, limit, unit, digits = 0) {
  if (value == null || limit == null) return "n/a";
  const gap = value - limit;
  const pct = limit > 0 ? Math.round((Math.abs(gap) / limit) * 100) : 0;
  const amount = unit === "B" ? `${int(Math.abs(gap))} B` : `${Math.abs(gap).toFixed(digits)} ms`;
  return `${gap <= 0 ? "✓ −" : "✗ +"}${amount} (${pct}%)`;
}

/** Prints rows [what, budget, measured, verdict] as a Markdown table. */
export function printTable(rows) {
  const head = ["what", "budget", "measured", "verdict"];
  const all = [head, ...rows];
  const width = head.map((_, c) => Math.max(...all.map((r) => [...String(r[c])].length)));
  const line = (r) => "| " + r.map((cell, c) => String(cell) + " ".repeat(width[c] - [...String(cell)].length)).join(" | ") + " |";
  console.log(line(head));
  console.log("|" + width.map((w) => "-".repeat(w + 2)).join("|") + "|");
  for (const r of rows) console.log(line(r));
}
