//! Installs what the build and the tests need, skipping what is already
//! there: the wasm target, Trunk, the wasm-bindgen CLI at the Cargo.lock
//! version, wasm-opt (binaryen from npm), and for tests Chromium,
//! CJK fonts, poppler (pdftotext), playwright-core, axe-core and (for the
//! bench's peer page) plotly.js.
//! Everything comes from the package registries this machine reaches.

use crate::util::{capture, has, root, run, Cmd};
use std::path::PathBuf;

pub const TRUNK_VERSION: &str = "0.21.14";
/// binaryen from npm; Debian's wasm-opt (version 108) produces wasm that
/// crashes in the browser.
pub const BINARYEN_VERSION: &str = "132";

/// The wasm-bindgen version Cargo.lock pins; the CLI must match it exactly.
pub fn wasm_bindgen_version() -> Result<String, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(v.trim_end_matches('"').to_string());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen package".into())
}

/// Where npm-installed tools live (git-ignored).
pub fn tools_dir() -> PathBuf {
    root().join(".tools")
}

/// PATH with the project's tools first, for Trunk to find wasm-opt.
pub fn path_with_tools() -> String {
    let bin = tools_dir().join("node_modules/.bin");
    let cargo_bin = std::env::var("CARGO_HOME").map(PathBuf::from).unwrap_or_else(|_| home().join(".cargo")).join("bin");
    format!("{}:{}:{}", bin.display(), cargo_bin.display(), std::env::var("PATH").unwrap_or_default())
}

fn home() -> PathBuf {
    PathBuf::from(std::env::var("HOME").unwrap_or_else(|_| "/root".into()))
}

/// Tools to build the widget.
pub fn build_tools() -> Result<(), String> {
    let targets = capture(Cmd::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if !targets.lines().any(|l| l.trim() == "wasm32-unknown-unknown") {
        run(Cmd::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    let path = path_with_tools();
    let trunk = capture(Cmd::new("trunk").arg("--version").env("PATH", &path)).unwrap_or_default();
    if !trunk.contains(TRUNK_VERSION) {
        run(Cmd::new("cargo").args(["install", "--locked", &format!("trunk@{TRUNK_VERSION}")]))?;
    }
    let wb = wasm_bindgen_version()?;
    let installed = capture(Cmd::new("wasm-bindgen").arg("--version").env("PATH", &path)).unwrap_or_default();
    if !installed.contains(&wb) {
        // `--locked` fails on a dependency version missing from the registry.
        run(Cmd::new("cargo").args(["install", "--force", &format!("wasm-bindgen-cli@{wb}")]))?;
    }
    let opt = capture(Cmd::new("wasm-opt").arg("--version").env("PATH", &path)).unwrap_or_default();
    if !opt.contains(&format!("version {BINARYEN_VERSION}")) {
        npm_install(&tools_dir(), &[&format!("binaryen@{BINARYEN_VERSION}")])?;
    }
    // Trunk runs cargo offline: fetch the crates first.
    run(Cmd::new("cargo").args(["fetch"]))?;
    Ok(())
}

/// Tools to test in a browser.
pub fn test_tools() -> Result<(), String> {
    let mut missing = Vec::new();
    for (bin, package) in [
        ("/usr/bin/chromium", "chromium"),
        ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "fonts-noto-cjk"),
        ("/usr/bin/pdftotext", "poppler-utils"),
    ] {
        if !std::path::Path::new(bin).exists() {
            missing.push(package);
        }
    }
    if !missing.is_empty() {
        apt_install(&missing)?;
    }
    let e2e = root().join("tests/e2e");
    // playwright-core drives Chromium; axe-core audits accessibility in the
    // tests; plotly.js-dist-min builds the benchmark's peer page.
    let installed = [
        "node_modules/playwright-core",
        "node_modules/axe-core/axe.min.js",
        "node_modules/plotly.js-dist-min/plotly.min.js",
    ];
    if !installed.iter().all(|p| e2e.join(p).exists()) {
        run(Cmd::new("npm").args(["ci", "--no-audit", "--no-fund"]).dir(&e2e))?;
    }
    Ok(())
}

fn apt_install(packages: &[&str]) -> Result<(), String> {
    let sudo = if capture(Cmd::new("id").arg("-u")).unwrap_or_default().trim() == "0" { None } else { Some("sudo") };
    let apt = |args: &[&str]| {
        let mut c = match sudo {
            Some(s) => Cmd::new(s).arg("apt-get"),
            None => Cmd::new("apt-get"),
        };
        c = c.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        run(c)
    };
    let mut args = vec!["install", "-y", "--no-install-recommends"];
    args.extend_from_slice(packages);
    if apt(&args).is_err() {
        apt(&["update"])?;
        apt(&args)?;
    }
    Ok(())
}

fn npm_install(dir: &std::path::Path, packages: &[&str]) -> Result<(), String> {
    if !has("npm") {
        return Err("npm is needed to install binaryen (wasm-opt); install Node.js".into());
    }
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    let mut args = vec!["install", "--no-audit", "--no-fund", "--no-save", "--prefix", "."];
    args.extend_from_slice(packages);
    run(Cmd::new("npm").args(args).dir(dir))
}
