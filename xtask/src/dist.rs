//! `cargo xtask dist`: one build, every way to ship.
//!
//! - `dist/web/`: the hosted page and the embed bundle (stable names:
//!   `gyokaku-embed.js` is the one file a host page references), the
//!   iframe page `frame.html` with its host helper `gyokaku-frame.js`, the
//!   example host pages, and the static report beside them. The hosted
//!   page and the frame carry their initial view pre-rendered, so they
//!   show content before (and without) WebAssembly.
//! - `dist/gyokaku-report.html`: the static report, a complete document
//!   with a small script for its filters.
//! - `dist/gyokaku-kiosk.html`: the single-file kiosk.

use crate::setup;
use crate::util::{base64, gzip, root, run, Cmd};
use std::fs;
use std::path::{Path, PathBuf};
use viewmodel::hooks::Action;
use viewmodel::i18n::Lang;
use viewmodel::render::document::report_document;
use viewmodel::render::page::{prerendered, PrerenderOptions};
use viewmodel::share::REPORT_FILE;
use viewmodel::state::ViewState;

#[path = "../../style/minify.rs"]
mod minify;

/// Files of `web/` shipped as they are beside the hosted page.
const WEB_FILES: &[&str] = &[
    "frame.css",
    "frame-height.js",
    "gyokaku-frame.js",
    "iframe-example.html",
    "iframe-example-helper.html",
    "noscript.css",
];

/// The host elements of the pages that ship a pre-rendered view.
const PRERENDERED_PAGES: &[(&str, &str)] = &[
    ("index.html", "<div data-gyokaku data-owns-page></div>"),
    ("frame.html", "<div data-gyokaku data-owns-page data-frame></div>"),
];

/// Options of a dist build.
#[derive(Default)]
pub struct DistOptions {
    /// View state the report opens on (`dept=finance&goal=3`).
    pub state: Option<String>,
    /// Where to write the report (default `dist/gyokaku-report.html`).
    pub report_out: Option<PathBuf>,
    /// Another plan's dataset to build from (default the bundled one).
    pub data: Option<PathBuf>,
}

/// The dataset a build uses: `data`, else the bundled `public/data/plan.json`.
pub fn plan_path(data: Option<&Path>) -> PathBuf {
    data.map(Path::to_path_buf).unwrap_or_else(|| root().join("public/data/plan.json"))
}

pub fn dist_dir() -> PathBuf {
    root().join("dist")
}

pub fn web_dir() -> PathBuf {
    dist_dir().join("web")
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

/// A dataset, validated: a dataset with errors never ships.
pub fn validated_plan(path: &Path) -> Result<String, String> {
    let text = read(path)?;
    match plan::load(&text) {
        Ok(_) => Ok(text),
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

/// Builds everything into `dist/`.
pub fn dist(o: &DistOptions) -> Result<(), String> {
    setup::build_tools()?;
    let plan_text = validated_plan(&plan_path(o.data.as_deref()))?;
    let plan = plan::parse(&plan_text).map_err(|e| e.to_string())?;
    run(Cmd::new("trunk")
        .args(["build", "--release=true", "--skip-version-check"])
        .env("PATH", setup::path_with_tools()))?;
    let web = web_dir();
    let css = stylesheet()?;
    write(&web.join("gyokaku.css"), &css)?;
    for name in WEB_FILES {
        let text = read(&root().join("web").join(name))?;
        write(&web.join(name), &text)?;
    }

    // The hosted page loads the entry module like any host page would: no
    // inline script, so it also runs under a strict CSP. It and the frame
    // ship their initial view, drawn by the widget's own renderers.
    let index = strip_trunk_loader(&read(&web.join("index.html"))?);
    write(&web.join("index.html"), &index)?;
    let frame = read(&root().join("web/frame.html"))?;
    write(&web.join("frame.html"), &frame)?;
    let initial = prerendered(
        &plan,
        &ViewState::default(),
        Default::default(),
        PrerenderOptions { base: Some(""), actions: &[Action::Share, Action::SaveView, Action::Language] },
    );
    for (page, host) in PRERENDERED_PAGES {
        let path = web.join(page);
        let html = read(&path)?;
        let Some(at) = html.find(host) else {
            return Err(format!("{}: no host element `{host}` to pre-render into", path.display()));
        };
        let insert = at + host.len() - "</div>".len();
        write(&path, &format!("{}{initial}{}", &html[..insert], &html[insert..]))?;
    }
    // Ship the dataset minified: the same JSON, fewer bytes; and as open
    // data, one CSV per table with a page that lists them.
    let minified = minify_json(&plan_text)?;
    write(&web.join("data/plan.json"), &minified)?;
    publish_csv(&plan, &web.join("data/csv"))?;

    // The report of every item, beside the hosted page and on its own;
    // with --state, that view's report (at --out, if given).
    let full = report_document(&plan, &ViewState::default(), &css);
    write(&web.join(REPORT_FILE), &full)?;
    let state = checked_state(&plan, o.state.as_deref().unwrap_or(""))?;
    let report_path = o.report_out.clone().unwrap_or_else(|| dist_dir().join(REPORT_FILE));
    write(&report_path, &report_document(&plan, &state, &css))?;
    let parts = Parts::read()?;
    write(&dist_dir().join("gyokaku-kiosk.html"), &parts.single(&plan.plan.title).html())?;
    eprintln!("built:");
    for p in [web.join("index.html"), web.join("frame.html"), web.join("embed-example.html"), report_path, dist_dir().join("gyokaku-kiosk.html")] {
        eprintln!("  {}", p.display());
    }
    Ok(())
}

/// Writes the plan as CSV (what `plan export-csv` writes) into `dir`, and
/// `index.html` there: each file with its rows and columns, for citizens
/// and for the staff who update the data in Excel.
fn publish_csv(plan: &plan::Plan, dir: &Path) -> Result<(), String> {
    plan::csv::export(plan, dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let esc = viewmodel::html::escape;
    let mut rows = String::new();
    for table in plan::csv::tables(plan) {
        let columns: Vec<String> = table.layout.columns.iter().map(|c| esc(c.name)).collect();
        rows.push_str(&format!(
            "<tr><th scope=\"row\"><a href=\"{file}\">{file}</a></th><td>{n}</td><td>{cols}</td></tr>\n",
            file = esc(table.file()),
            n = table.rows.len(),
            cols = columns.join("、"),
        ));
    }
    let info = &plan.plan;
    let licence = info.licence.as_deref().map(|l| format!("<p>利用条件 / Terms of use: {}</p>", esc(l))).unwrap_or_default();
    let head = page_head(&format!("オープンデータ (CSV) — {}", info.title), r#"<link rel="stylesheet" href="../../page.css">"#);
    let html = format!(
        r#"{head}
<body class="open-data">
<main>
<h1>オープンデータ (CSV) / Open data</h1>
<p>{title}({organisation})のデータを表ごとの CSV で公開しています。文字コードは UTF-8(BOM 付き)、空欄は「不明」(0 ではありません)、数値は単位なしの数です。各列の意味は <a href="columns.csv">columns.csv</a> にあります。</p>
<p>The plan as one CSV file per table: UTF-8 with BOM, an empty cell means unknown (never 0), numbers are plain numbers; every column is described in <a href="columns.csv">columns.csv</a>. The same data as JSON: <a href="../plan.json">plan.json</a>.</p>
<p>出典 / Source: {source}。{as_of}</p>
{licence}
<table>
<thead><tr><th scope="col">ファイル / file</th><th scope="col">行数 / rows</th><th scope="col">列 / columns</th></tr></thead>
<tbody>
{rows}</tbody>
</table>
</main>
</body>
</html>
"#,
        title = esc(&info.title),
        organisation = esc(&info.organisation),
        source = esc(&info.source),
        as_of = esc(&info.as_of),
    );
    write(&dir.join("index.html"), &html)
}

/// A Japanese page's `<!DOCTYPE>` to `</head>`, with `extra` in the head.
/// `title` is escaped.
fn page_head(title: &str, extra: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <link rel=\"icon\" href=\"data:,\">\n<title>{}</title>\n{extra}\n</head>",
        viewmodel::html::escape(title)
    )
}

/// The widget's stylesheet, minified as the wasm carries it.
pub fn stylesheet() -> Result<String, String> {
    Ok(minify::minify(&read(&root().join("style/gyokaku.css"))?))
}

/// Writes the static report of `state` (`dept=finance&goal=3`) of the
/// dataset at `data` to `out`.
pub fn report_for(data: &Path, state: &str, out: &Path) -> Result<(), String> {
    let plan = plan::parse(&validated_plan(data)?).map_err(|e| e.to_string())?;
    let state = checked_state(&plan, state)?;
    write(out, &report_document(&plan, &state, &stylesheet()?))
}

/// The built glue, wasm and minified data in `dist/web`.
struct Parts {
    glue: String,
    wasm: Vec<u8>,
    data: String,
}

impl Parts {
    fn read() -> Result<Parts, String> {
        let web = web_dir();
        Ok(Parts {
            glue: read(&web.join("gyokaku.js"))?,
            wasm: fs::read(web.join("gyokaku_bg.wasm")).map_err(|e| format!("dist/web/gyokaku_bg.wasm: {e}; run `cargo xtask dist`"))?,
            data: read(&web.join("data/plan.json"))?,
        })
    }

    fn single<'a>(&'a self, plan_title: &'a str) -> SingleFile<'a> {
        SingleFile { glue: &self.glue, wasm: &self.wasm, data: &self.data, plan_title }
    }
}

/// Removes the inline loader Trunk adds; `gyokaku-embed.js` loads the app.
pub fn strip_trunk_loader(html: &str) -> String {
    let mut out = html.to_string();
    while let Some(start) = out.find("<script type=\"module\">") {
        let Some(len) = out[start..].find("</script>") else { break };
        let block = &out[start..start + len];
        if !block.contains("TrunkApplicationStarted") {
            break;
        }
        out.replace_range(start..start + len + "</script>".len(), "");
    }
    out
}

fn minify_json(text: &str) -> Result<String, String> {
    let v: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    serde_json::to_string(&v).map_err(|e| e.to_string())
}

/// The parts of the single-file kiosk.
pub struct SingleFile<'a> {
    /// wasm-bindgen's ES-module glue.
    pub glue: &'a str,
    pub wasm: &'a [u8],
    /// The dataset, as JSON text.
    pub data: &'a str,
    /// The plan's title, for the page's.
    pub plan_title: &'a str,
}

impl SingleFile<'_> {
    /// One HTML file with the glue, the wasm (base64) and the data inline;
    /// it fetches nothing, so it opens from `file://` with no network.
    pub fn html(&self) -> String {
        let t = Lang::Ja.t();
        let (title, host, head_style) = (
            format!("{} ({} / {})", self.plan_title, t.kiosk_title, Lang::En.t().kiosk_title),
            "<div data-gyokaku data-mode=\"kiosk\" data-idle=\"120\" data-step=\"8\"></div>",
            "html, body { margin: 0; min-height: 100%; overscroll-behavior: none; }",
        );
        let glue = module_without_exports(self.glue);
        // `<` never appears outside strings in JSON; escaping it keeps any
        // `</script>` in the data from ending the element.
        let data = self.data.replace('<', "\\u003c");
        let head = page_head(&title, &format!("<style>{head_style}</style>"));
        format!(
            r#"{head}
<body>
{host}
<noscript>{ja_no_script} / {en_no_script}</noscript>
<script type="application/json" id="gyokaku-data">{data}</script>
<script type="application/octet-stream" id="gyokaku-wasm">{wasm}</script>
<script type="module">
{glue}
// The wasm is stored gzipped and in base64; the browser unpacks it as it
// compiles it, asynchronously (Chromium refuses large synchronous compiles).
const packed = document.getElementById("gyokaku-wasm").textContent.trim();
const dataText = document.getElementById("gyokaku-data").textContent;
const stream = (await fetch("data:application/octet-stream;base64," + packed)).body.pipeThrough(new DecompressionStream("gzip"));
await __wbg_init({{ module_or_path: new Response(stream, {{ headers: {{ "Content-Type": "application/wasm" }} }}) }});
start(Promise.resolve(dataText), "");
</script>
</body>
</html>
"#,
            wasm = base64(&gzip(self.wasm)),
            ja_no_script = t.kiosk_no_script,
            en_no_script = Lang::En.t().kiosk_no_script,
        )
    }
}

/// The glue as a classic part of one inline module: no `export`s.
pub fn module_without_exports(glue: &str) -> String {
    glue.lines()
        .filter(|l| !(l.starts_with("export {") && l.trim_end().ends_with("};")))
        .map(|l| l.strip_prefix("export ").unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The report's state, read the way the widget reads it. Anything the
/// widget would ignore (an unknown key, a department the plan lacks) is an
/// error here, so that a typo does not ship a report of the wrong view.
fn checked_state(plan: &plan::Plan, state: &str) -> Result<ViewState, String> {
    let parsed = ViewState::parse(state).restricted_to(plan);
    let kept = parsed.to_hash();
    let given = state.trim_start_matches('#').split('&').filter(|p| !p.is_empty()).count();
    let understood = kept.split('&').filter(|p| !p.is_empty()).count();
    if understood < given {
        return Err(format!(
            "--state \"{state}\": only \"{kept}\" is understood; check the keys and ids (README, \"Embedding it in a page\")"
        ));
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_trunk_loader_is_removed_and_everything_else_kept() {
        let html = "<head><script type=\"module\">import init from './x.js';dispatchEvent(new CustomEvent(\"TrunkApplicationStarted\"));</script><link rel=\"modulepreload\" href=\"./x.js\"></head><body><script type=\"module\" src=\"./gyokaku-embed.js\"></script></body>";
        let out = strip_trunk_loader(html);
        assert!(!out.contains("TrunkApplicationStarted"));
        assert!(out.contains("modulepreload") && out.contains("gyokaku-embed.js"));
    }

    #[test]
    fn exports_become_plain_declarations() {
        let glue = "export class A {}\nexport function start(x) {}\nfunction f() {}\nexport { initSync, __wbg_init as default };";
        assert_eq!(module_without_exports(glue), "class A {}\nfunction start(x) {}\nfunction f() {}");
    }

    #[test]
    fn data_cannot_close_its_script_element() {
        let single = SingleFile { glue: "", wasm: b"", data: r#"{"t":"</script><script>alert(1)</script>"}"#, plan_title: "計画" };
        let html = single.html();
        assert!(!html.contains("</script><script>alert(1)"));
        assert!(html.contains(r#"\u003c/script>\u003cscript>alert(1)\u003c/script>"#));
    }
}
