//! `plan`: validate a plan dataset, export it as CSV and import it back.
//!
//! ```text
//! cargo run -p plan -- validate public/data/plan.json
//! cargo run -p plan -- export-csv public/data/plan.json out/csv
//! cargo run -p plan -- import-csv out/csv --out plan.json
//! ```

use plan::{parse, validate, Counts, Severity};
use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "usage:
  plan validate PLAN.json              print counts and every problem; exit 1 on errors
  plan export-csv [PLAN.json] DIR      write one CSV per table (UTF-8 with BOM) into DIR
  plan import-csv DIR [--out PLAN.json]
                                       read the CSV files of DIR back, validate them and,
                                       with --out, write the plan; on any error print
                                       every problem as file:row:column and write nothing";

const DEFAULT_PLAN: &str = "public/data/plan.json";

fn read(path: &str) -> Result<plan::Plan, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: cannot read: {e}"))?;
    parse(&text).map_err(|e| format!("{path}: {e}"))
}

fn cmd_validate(path: &str) -> ExitCode {
    let plan = match read(path) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let problems = validate(&plan);
    print!("{path}\n{}", Counts::of(&plan));
    let errors = problems.iter().filter(|p| p.severity == Severity::Error).count();
    let warnings = problems.len() - errors;
    for p in &problems {
        println!("{p}");
    }
    println!("{errors} error(s), {warnings} warning(s)");
    if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn cmd_export(path: &str, dir: &str) -> ExitCode {
    let plan = match read(path) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let errors: Vec<_> = validate(&plan).into_iter().filter(|p| p.severity == Severity::Error).collect();
    if !errors.is_empty() {
        for e in &errors {
            eprintln!("{e}");
        }
        eprintln!("error: {path} does not validate; not exporting");
        return ExitCode::FAILURE;
    }
    match plan::csv::export(&plan, Path::new(dir)) {
        Ok(files) => {
            for f in files {
                println!("{dir}/{f}");
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Writes through a temporary file beside `out`, so that a failure never
/// leaves half a dataset where the old one was.
fn write_whole(out: &str, text: &str) -> std::io::Result<()> {
    let tmp = format!("{out}.tmp");
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, out)
}

fn cmd_import(dir: &str, out: Option<&str>) -> ExitCode {
    match plan::csv::import(Path::new(dir)) {
        Err(problems) => {
            for p in &problems {
                eprintln!("{p}");
            }
            let errors = problems.iter().filter(|p| p.severity == Severity::Error).count();
            eprintln!("{errors} error(s), {} warning(s); nothing written", problems.len() - errors);
            ExitCode::FAILURE
        }
        Ok((plan, warnings)) => {
            for w in &warnings {
                println!("{w}");
            }
            print!("{}", Counts::of(&plan));
            println!("0 error(s), {} warning(s)", warnings.len());
            let Some(out) = out else {
                println!("checked; nothing written (add --out PLAN.json to write the plan)");
                return ExitCode::SUCCESS;
            };
            match write_whole(out, &plan::to_json(&plan)) {
                Ok(()) => {
                    println!("wrote {out}");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: {out}: {e}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        ["validate"] => cmd_validate(DEFAULT_PLAN),
        ["validate", path] => cmd_validate(path),
        ["export-csv", dir] => cmd_export(DEFAULT_PLAN, dir),
        ["export-csv", path, dir] => cmd_export(path, dir),
        ["import-csv", dir] => cmd_import(dir, None),
        ["import-csv", dir, "--out", out] | ["import-csv", "--out", out, dir] => cmd_import(dir, Some(out)),
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}
