//! Build orchestration for gyokaku (`cargo xtask <command>`):
//!
//! - `serve`  build everything, then serve `dist/` on 127.0.0.1
//! - `dist`   build the hosted page, embed bundle, report and kiosk into `dist/`
//! - `test`   every test: native, the dataset validator, browser end-to-end
//! - `bench`  sizes and timings, printed
//! - `setup`  install the tools only
//!
//! Each command installs what it needs first and skips what is there.

mod bench;
mod dist;
mod serve;
mod setup;
mod util;

use std::process::ExitCode;
use util::{root, run, Cmd};

const USAGE: &str = "usage: cargo xtask <command>
  serve [--port N] [--data PLAN]   build, then serve dist/ on 127.0.0.1 (default port 8080)
  dist [--state S] [--out FILE] [--data PLAN]
                                   build dist/web, dist/gyokaku-report.html, dist/gyokaku-kiosk.html;
                                   --state \"dept=finance&goal=3\" pre-filters the report;
                                   --data builds every artefact from another plan's plan.json
  test                             native tests, dataset validation, browser tests
  bench                            bundle sizes, first render and filter latency
  setup                            install the build and test tools only";

fn option(args: &[String], name: &str) -> Option<String> {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned()
}

fn test() -> Result<(), String> {
    setup::build_tools()?;
    setup::test_tools()?;
    run(Cmd::new("cargo").args(["test", "--workspace"]))?;
    let next = root().join("crates/plan/tests/fixtures/next_plan.json");
    for data in ["public/data/plan.json", "crates/plan/tests/fixtures/next_plan.json"] {
        run(Cmd::new("cargo").args(["run", "-q", "-p", "plan", "--", "validate", data]))?;
    }
    dist::dist(&dist::DistOptions::default())?;
    // A report pre-filtered to one department, for the report tests.
    let filtered = root().join("dist/test/gyokaku-report-finance.html");
    dist::report_for(&dist::plan_path(None), "dept=finance", &filtered)?;
    // The whole report in English, for the accessibility audit of both languages.
    dist::report_for(&dist::plan_path(None), "lang=en", &root().join("dist/test/gyokaku-report-en.html"))?;
    browser_tests("tests/e2e/")?;
    // Another government's plan, with no code change: the same build from
    // its dataset, and the tests that hold for any plan.
    dist::dist(&dist::DistOptions { data: Some(next), ..Default::default() })?;
    browser_tests("tests/e2e-any-plan/")
}

/// Runs the browser tests in `dir` against `dist/`, two files at a time:
/// each file has its own server and browser, and a file's tests spend much
/// of their time waiting on the page, so two share the two cores well.
fn browser_tests(dir: &str) -> Result<(), String> {
    run(Cmd::new("node")
        .args(["--test", "--test-concurrency=2", "--test-reporter=spec"])
        .arg(dir)
        .env("GYOKAKU_DIST", root().join("dist").display().to_string()))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => {
            let port = option(&args, "--port").and_then(|p| p.parse().ok()).unwrap_or(8080);
            let data = option(&args, "--data").map(Into::into);
            dist::dist(&dist::DistOptions { data, ..Default::default() }).and_then(|_| serve::serve(&dist::dist_dir(), port))
        }
        Some("dist") => dist::dist(&dist::DistOptions {
            state: option(&args, "--state"),
            report_out: option(&args, "--out").map(Into::into),
            data: option(&args, "--data").map(Into::into),
        }),
        Some("test") => test(),
        Some("bench") => bench::bench(),
        Some("setup") => setup::build_tools().and_then(|_| setup::test_tools()),
        _ => Err(USAGE.into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
