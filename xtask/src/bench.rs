//! `cargo xtask bench`: what the widget costs and what the user sees.
//! Builds `dist/`, prints the size of every file a hosted page may load
//! (raw and gzip, as files on disk), writes the plan 100× larger and its
//! page `dist/web/bench/`, then runs `tests/e2e/bench.mjs`, which measures
//! in headless Chromium (medians over GYOKAKU_BENCH_RUNS runs, default 15,
//! each in a fresh browser context) and prints every budget with ✓ or ✗:
//! first contentful paint and "whole document drawn" of the single-file
//! report from `file://` (and against a standalone Plotly HTML of the same
//! KPI charts), its size, first contentful paint and interactive of the
//! hosted page and frame, the bytes a hosted page loads before it is
//! interactive (counted in the browser), and filter latency on the real
//! plan and the 100× plan. Budgets are reported, never asserted: the bench
//! fails only if something breaks.

use crate::dist::{self, dist_dir, web_dir};
use crate::setup;
use crate::util::{gzip_len, root, run, Cmd};
use serde_json::{json, Value};
use std::fs;
use std::path::Path;

/// Copies of every item in the generated large plan.
pub const COPIES: u32 = 100;

fn size_row(name: &str, bytes: &[u8]) -> (usize, usize) {
    let (raw, gz) = (bytes.len(), gzip_len(bytes));
    println!("  {name:<34} {raw:>10} {gz:>10}");
    (raw, gz)
}

fn read_bytes(p: &Path) -> Result<Vec<u8>, String> {
    fs::read(p).map_err(|e| format!("{}: {e}", p.display()))
}

/// The real plan repeated `copies` times: every item, KPI, schedule row
/// and evaluation once per copy under new item ids, each copy noted as
/// synthetic. It validates like the real one.
pub fn scaled_plan(text: &str, copies: u32) -> Result<String, String> {
    let mut v: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let stride = v["items"].as_array().map(|a| a.iter().filter_map(|i| i["id"].as_u64()).max().unwrap_or(0)).unwrap_or(0) + 1;
    for key in ["items", "kpis", "schedule", "evaluations"] {
        let original = v[key].as_array().cloned().unwrap_or_default();
        let mut all = Vec::with_capacity(original.len() * copies as usize);
        for k in 0..copies as u64 {
            for x in &original {
                let mut x = x.clone();
                let field = if key == "items" { "id" } else { "item_id" };
                let id = x[field].as_u64().unwrap_or(0);
                x[field] = json!(id + k * stride);
                if key == "items" && k > 0 {
                    let title = x["title"].as_str().unwrap_or("").to_string();
                    x["title"] = json!(format!("{title} [copy {k}]"));
                    let notes = x["notes"].as_array().cloned().unwrap_or_default();
                    let mut notes = notes;
                    notes.push(json!(format!("Synthetic copy {k} of item {id}, for benchmarks only.")));
                    x["notes"] = json!(notes);
                }
                all.push(x);
            }
        }
        v[key] = json!(all);
    }
    let out = serde_json::to_string(&v).map_err(|e| e.to_string())?;
    plan::load(&out).map_err(|e| format!("the scaled plan does not validate: {e}"))?;
    Ok(out)
}

pub fn bench() -> Result<(), String> {
    setup::test_tools()?;
    plotly_for_the_peer()?;
    dist::dist(&dist::DistOptions::default())?;
    let web = web_dir();

    println!("\nBytes a hosted page transfers                 raw       gzip");
    let wasm = size_row("gyokaku_bg.wasm (CSS inside)", &read_bytes(&web.join("gyokaku_bg.wasm"))?);
    let glue = size_row("gyokaku.js (wasm-bindgen glue)", &read_bytes(&web.join("gyokaku.js"))?);
    let entry = size_row("gyokaku-embed.js (entry)", &read_bytes(&web.join("gyokaku-embed.js"))?);
    let data = size_row("data/plan.json (minified)", &read_bytes(&web.join("data/plan.json"))?);
    match minified_css() {
        Ok(css) => println!("  {:<34} {:>10} {:>10}   (already counted in the wasm)", "stylesheet, minified", css.0, css.1),
        Err(e) => println!("  {:<34} {:>10} {:>10}   ({e})", "stylesheet, minified", "n/a", "n/a"),
    }
    let mut total = (wasm.0 + glue.0 + entry.0 + data.0, wasm.1 + glue.1 + entry.1 + data.1);
    for page in ["index.html", "frame.html"] {
        if let Ok(bytes) = fs::read(web.join(page)) {
            let (raw, gz) = size_row(page, &bytes);
            total = (total.0 + raw, total.1 + gz);
        }
    }
    println!("  {:<34} {:>10} {:>10}   (files on disk; what a page loads before it is interactive is counted in the browser below)", "total", total.0, total.1);
    println!("\nSingle files");
    size_row("gyokaku-report.html", &read_bytes(&dist_dir().join("gyokaku-report.html"))?);
    size_row("gyokaku-kiosk.html", &read_bytes(&dist_dir().join("gyokaku-kiosk.html"))?);

    // The plan 100× larger, loaded through data-src.
    let bench_dir = web.join("bench");
    fs::create_dir_all(&bench_dir).map_err(|e| e.to_string())?;
    let big = scaled_plan(&dist::validated_plan(&dist::plan_path(None))?, COPIES)?;
    fs::write(bench_dir.join("plan-100x.json"), &big).map_err(|e| e.to_string())?;
    fs::write(
        bench_dir.join("index.html"),
        "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>gyokaku 100x</title></head><body>\
         <div data-gyokaku data-owns-page data-src=\"plan-100x.json\"></div>\
         <script type=\"module\" src=\"../gyokaku-embed.js\"></script></body></html>",
    )
    .map_err(|e| e.to_string())?;
    println!("  {:<34} {:>10} {:>10}", "bench/plan-100x.json", big.len(), gzip_len(big.as_bytes()));

    println!("\nWhat the user sees, in headless Chromium (medians; how each number is taken: tests/e2e/bench.mjs)");
    run(Cmd::new("node").arg("tests/e2e/bench.mjs").env("GYOKAKU_DIST", dist_dir().display().to_string()).dir(&root()))
}

/// The bench's Plotly peer needs `plotly.js-dist-min` (a dev dependency in
/// `tests/e2e/package.json`); an older `node_modules` may lack it.
fn plotly_for_the_peer() -> Result<(), String> {
    let e2e = root().join("tests/e2e");
    if !e2e.join("node_modules/plotly.js-dist-min/plotly.min.js").exists() {
        run(Cmd::new("npm").args(["ci", "--no-audit", "--no-fund"]).dir(&e2e))?;
    }
    Ok(())
}

/// The stylesheet as the build minifies it (the build script's output).
fn minified_css() -> Result<(usize, usize), String> {
    let build = root().join("target/wasm32-unknown-unknown/release/build");
    let newest = fs::read_dir(&build)
        .map_err(|e| format!("{}: {e}", build.display()))?
        .flatten()
        .map(|d| d.path().join("out/gyokaku.min.css"))
        .filter(|p| p.exists())
        .max_by_key(|p| p.metadata().and_then(|m| m.modified()).ok());
    let css = newest.ok_or("no minified stylesheet; build first")?;
    let bytes = read_bytes(&css)?;
    Ok((bytes.len(), gzip_len(&bytes)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scaled_plan_validates_and_has_every_copy() {
        let text = fs::read_to_string(root().join("public/data/plan.json")).unwrap();
        let big = scaled_plan(&text, 3).unwrap();
        let (plan, _) = plan::load(&big).unwrap();
        assert_eq!(plan.items.len(), 90);
        assert_eq!(plan.kpis.len(), 300);
    }
}
