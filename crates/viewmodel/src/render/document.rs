//! The static report: one self-contained HTML document of a view, complete
//! and readable with scripts removed (mail gateways strip them): the
//! overview, every item of the view in full with its charts as SVG, each
//! chart's table, schedule grids, evaluations and notes. A small inline
//! script (`assets/report.js`) adds the filters, "save this view" and
//! "share" where scripts run; the form and buttons stay hidden otherwise.
//!
//! `cargo xtask dist` writes it natively; the widget writes the same
//! document in the browser for "save this view".

use super::detail::report_items;
use super::page::{filter_form, footer, header, overview_section, result_heading, FormOptions};
use crate::hooks::Action;
use super::{filter_summary, share_panel};
use crate::aggregate::latest_year_with_results;
use crate::html::{escape, Html, Markup};
use crate::query::Index;
use crate::state::ViewState;
use plan::Plan;

/// The report's script: filters, the URL hash, "save this view", share.
pub const REPORT_SCRIPT: &str = include_str!("../../assets/report.js");

/// The report of the items `state` shows (its language, else Japanese),
/// styled by `css` (the widget's minified stylesheet).
pub fn report_document(plan: &Plan, state: &ViewState, css: &str) -> Markup {
    let lang = state.lang.unwrap_or_default();
    let t = lang.t();
    let index = Index::new(plan);
    let ids = index.filter(state);
    let fy = state.fy.unwrap_or_else(|| latest_year_with_results(plan));
    let summary = filter_summary(plan, state, lang);
    let suffix = if summary.is_empty() { String::new() } else { format!(" — {summary}") };
    // The saved view reopens on the same filters; the item and year are
    // not filters and a document has no open item.
    let kept = ViewState { item: None, fy: None, ..state.clone() };

    let mut h = Html::new();
    h.literal("<!DOCTYPE html>\n");
    h.open("html", &[("lang", lang.code())]).literal("\n<head>\n");
    h.void("meta", &[("charset", "utf-8")]).literal("\n");
    h.void("meta", &[("name", "viewport"), ("content", "width=device-width, initial-scale=1")]).literal("\n");
    h.void("link", &[("rel", "icon"), ("href", "data:,")]).literal("\n");
    h.el("title", &[], &format!("{} — {}", plan.plan.title, t.app_title)).literal("\n");
    // The stylesheet is the widget's own: written by us, not data.
    h.literal("<style>@page{size:A4;margin:14mm 12mm 16mm}html,body{margin:0}").css(css).literal("</style>\n");
    h.literal("</head>\n<body>\n");
    h.open("div", &[("class", "gk-root")]);
    h.open(
        "div",
        &[
            ("class", "gk gk-report"),
            ("lang", lang.code()),
            ("data-gyokaku-report", ""),
            ("data-state", &kept.to_hash()),
            ("data-results-label", t.results),
        ],
    );
    h.raw(&header(plan, lang, &[Action::Share, Action::Print, Action::SaveView, Action::SaveCsv], true));
    h.raw(&share_panel(lang, None));
    h.open("main", &[("class", "gk-main")]);
    h.raw(&overview_section(plan, lang, fy, state.goal));
    h.raw(&filter_form(plan, &index, &kept, lang, fy, FormOptions { year: false, hidden: true }));
    h.open("section", &[("class", "gk-report-items"), ("aria-labelledby", "gk-results-h")]);
    h.raw(&result_heading(ids.len(), lang, &suffix));
    h.el("p", &[("class", "gk-empty"), ("data-empty", ""), ("hidden", "")], t.no_results);
    h.raw(&report_items(plan, &ids, lang));
    h.close("section").close("main");
    h.raw(&footer(plan, lang, None));
    h.close("div").close("div").literal("\n");
    // The KPI table of each item as CSV lines, for "save the KPI table as
    // CSV" (the script joins those of the items shown).
    h.literal("<script type=\"application/json\" id=\"gyokaku-kpi-csv\">").json(&kpi_csv_json(plan, &ids)).literal("</script>\n");
    h.literal("<script>").literal(REPORT_SCRIPT).literal("</script>\n</body>\n</html>\n");
    h.finish()
}

/// The columns of the report's KPI CSV: those of the open data's kpis.csv
/// that a year's figures need.
const KPI_CSV_HEADER: [&str; 11] =
    ["実施項目番号", "指標番号", "指標項目", "単位", "年度", "年度(和暦)", "目標値", "目標(文言)", "実績値", "実績(文言)", "達成率(資料記載)"];

/// `{"header": "…", "items": {"7": "…"}}`: the CSV header line and, per
/// item, its KPI rows (one per KPI and fiscal year; plain numbers, empty =
/// unknown, CRLF), as JSON safe inside a `<script>` element.
pub fn kpi_csv_json(plan: &Plan, ids: &[u32]) -> String {
    let header = csv_line(&KPI_CSV_HEADER.map(String::from));
    let number = |n: Option<f64>| n.map(|x| x.to_string()).unwrap_or_default();
    let mut items = Vec::new();
    for &id in ids {
        let mut lines = String::new();
        for k in plan.kpis.iter().filter(|k| k.item_id == id) {
            for v in &k.values {
                lines.push_str(&csv_line(&[
                    id.to_string(),
                    k.no.to_string(),
                    k.name.clone(),
                    k.unit.clone().unwrap_or_default(),
                    v.fy.to_string(),
                    plan::FiscalYear(v.fy).era_label(),
                    number(v.target),
                    v.target_label.clone().unwrap_or_default(),
                    number(v.actual),
                    v.actual_label.clone().unwrap_or_default(),
                    number(v.stated_rate),
                ]));
            }
        }
        items.push(format!("\"{id}\":{}", json_string(&lines)));
    }
    format!("{{\"header\":{},\"items\":{{{}}}}}", json_string(&header), items.join(","))
}

/// One CSV record with CRLF; a cell with a comma, quote or line break is
/// quoted, quotes doubled.
fn csv_line(cells: &[String]) -> String {
    let quoted: Vec<String> = cells
        .iter()
        .map(|c| if c.contains([',', '"', '\r', '\n']) { format!("\"{}\"", c.replace('"', "\"\"")) } else { c.clone() })
        .collect();
    format!("{}\r\n", quoted.join(","))
}

/// A JSON string literal that cannot end a `<script>` element.
fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '<' => out.push_str("\\u003c"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A file name for a saved view: `gyokaku-report.html`, or with the
/// view's filters in it where it has any.
pub fn file_name(state: &ViewState) -> String {
    let hash = ViewState { item: None, fy: None, lang: None, ..state.clone() }.to_hash();
    let slug: String = hash.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '-' }).take(60).collect();
    if slug.is_empty() {
        "gyokaku-report.html".into()
    } else {
        format!("gyokaku-report-{}.html", escape(&slug))
    }
}
