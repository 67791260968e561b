//! The widget's parts that are drawn as HTML strings: an item's detail, the
//! overview, the item list and the department picker. Pure functions of the
//! plan, the view state and the language, tested natively; the components
//! put the strings in place and listen for clicks on their `data-*` hooks.

pub mod detail;
pub mod document;
pub mod lists;
pub mod overview;
pub mod page;

pub use detail::{item_detail, report_items, DetailOptions};
pub use page::share_panel;

use crate::aggregate::Tally;
use crate::html::Html;
use crate::i18n::Lang;
use crate::state::ViewState;
use plan::metrics::Status;
use plan::Plan;

/// ① for 1 up to ⑳, "(21)" beyond.
pub fn circled(n: u32) -> String {
    match n {
        1..=20 => char::from_u32(0x2460 + n - 1).map(String::from).unwrap_or_default(),
        _ => format!("({n})"),
    }
}

/// An item's heading text: `(12) title (note) ★`, the star with its
/// meaning for screen readers. Every heading of an item (card, detail,
/// report) is written by this one function.
pub fn item_heading(h: &mut Html, item: &plan::Item, lang: Lang) {
    h.el("span", &[("class", "gk-item-no")], &format!("({})", item.id)).text(" ").text(&item.title);
    if let Some(note) = &item.note {
        h.el("span", &[("class", "gk-item-note")], &format!(" ({note})"));
    }
    if item.star {
        let t = lang.t();
        h.text(" ")
            .open("span", &[("class", "gk-star"), ("title", t.star_explained)])
            .el("span", &[("aria-hidden", "true")], "★")
            .el("span", &[("class", "gk-sr")], t.star_explained)
            .close("span");
    }
}

/// Department names of ids, joined with 、.
pub fn department_names(plan: &Plan, ids: &[String]) -> String {
    ids.iter()
        .map(|id| plan.departments.iter().find(|d| &d.id == id).map_or(id.as_str(), |d| d.name.as_str()))
        .collect::<Vec<_>>()
        .join("、")
}

/// Met / missed / no data as (CSS class, symbol, word).
pub fn status_mark(s: Status, lang: Lang) -> (&'static str, &'static str, &'static str) {
    let t = lang.t();
    match s {
        Status::Met => ("gk-met", "✓", t.met),
        Status::Missed => ("gk-missed", "✗", t.missed),
        Status::NoData => ("gk-nodata", "–", t.no_data),
    }
}

/// Met / missed / no-data counts as three badges, each with a symbol and a
/// word so that colour is never the only signal.
pub fn tally_badges(h: &mut Html, tally: Tally, lang: Lang) {
    h.open("span", &[("class", "gk-tally")]);
    for (s, n) in [(Status::Met, tally.met), (Status::Missed, tally.missed), (Status::NoData, tally.no_data)] {
        let (class, symbol, word) = status_mark(s, lang);
        h.open("span", &[("class", &format!("gk-badge {class}")), ("data-status", class)])
            .el("span", &[("aria-hidden", "true")], &format!("{symbol} "))
            .text(&format!("{word} {n}"))
            .close("span");
    }
    h.close("span");
}

/// The filters of a view in words (`目標 3 ・ 財政課 ・ 「基金」`), empty for
/// none: what a report says it shows.
pub fn filter_summary(plan: &Plan, s: &ViewState, lang: Lang) -> String {
    let t = lang.t();
    let mut parts = vec![];
    if let Some(g) = s.goal {
        parts.push(format!("{} {g}", t.goal));
    }
    if let Some(r) = s.reform {
        parts.push(format!("{} {r}", t.reform));
    }
    if !s.depts.is_empty() {
        parts.push(department_names(plan, &s.depts));
    }
    if s.star {
        parts.push("★".into());
    }
    if !s.q.is_empty() {
        parts.push(format!("「{}」", s.q));
    }
    parts.join(" ・ ")
}
