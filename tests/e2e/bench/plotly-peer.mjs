// The Plotly peer of the bench: the same KPI charts as a standalone Plotly
// HTML file, the way plotly.py's `fig.write_html(include_plotlyjs=True)`
// writes one (and `to_html(include_plotlyjs=False, full_html=False)` the
// figures after the first): one file, plotly.js inline in a <script>, then
// per figure a <div> and a <script> calling `Plotly.newPlot(div, data,
// layout, {"responsive": true})`.
//
// One figure per KPI of the plan: a bar trace of the actuals and a
// line+markers trace of the targets over the fiscal years, titled with the
// KPI's name, the unit on the y axis. Left out on purpose, so that the peer
// is never made slower than what plotly.py writes: plotly.py's per-figure
// template JSON (several KB per figure) and its MathJax/require.js shims.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** The path of the pinned plotly.js-dist-min bundle (tests/e2e/package.json). */
export function plotlyBundlePath() {
  return require.resolve("plotly.js-dist-min/plotly.min.js");
}

export function plotlyVersion() {
  return JSON.parse(fs.readFileSync(path.join(path.dirname(plotlyBundlePath()), "package.json"), "utf8")).version;
}

/** JSON safe inside a <script> element. */
const scriptJson = (v) => JSON.stringify(v).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");

/** One Plotly figure (data, layout) for a KPI of plan.json. */
export function kpiFigure(kpi) {
  const values = kpi.values ?? [];
  const x = values.map((v) => `${v.fy}年度`);
  const num = (n) => (typeof n === "number" ? n : null);
  return {
    data: [
      { type: "bar", name: "実績", x, y: values.map((v) => num(v.actual)) },
      { type: "scatter", mode: "lines+markers", name: "目標", x, y: values.map((v) => num(v.target)) },
    ],
    layout: {
      title: { text: kpi.name },
      xaxis: { type: "category" },
      yaxis: { title: { text: kpi.unit ?? "" } },
    },
  };
}

/** The standalone HTML: every KPI of `plan` as its own chart. */
export function plotlyPeerHtml(plan, plotlyJs) {
  if (plotlyJs.includes("</script")) throw new Error("plotly.min.js contains </script; cannot inline it");
  const figures = (plan.kpis ?? []).map((kpi, i) => {
    const id = `kpi-${i}-${kpi.item_id}-${kpi.no}`;
    const { data, layout } = kpiFigure(kpi);
    return (
      `<div id="${id}" class="plotly-graph-div" style="height:450px; width:100%;"></div>\n` +
      `<script type="text/javascript">window.PLOTLYENV=window.PLOTLYENV || {};` +
      `if (document.getElementById("${id}")) { Plotly.newPlot("${id}", ${scriptJson(data)}, ${scriptJson(layout)}, {"responsive": true}) };</script>\n`
    );
  });
  return (
    `<html>\n<head><meta charset="utf-8" /></head>\n<body>\n<div>\n` +
    `<script type="text/javascript">window.PlotlyConfig = {MathJaxConfig: 'local'};</script>\n` +
    `<script charset="utf-8" type="text/javascript">${plotlyJs}</script>\n` +
    figures.join("") +
    `</div>\n</body>\n</html>\n`
  );
}

/** Writes the peer for `plan` to `out` (its directory is created). */
export function writePlotlyPeer(plan, out) {
  const html = plotlyPeerHtml(plan, fs.readFileSync(plotlyBundlePath(), "utf8"));
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, html);
  return { path: out, charts: (plan.kpis ?? []).length, bytes: Buffer.byteLength(html) };
}
