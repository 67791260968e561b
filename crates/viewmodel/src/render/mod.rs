//! The widget's parts that are drawn as HTML strings: an item's detail, the
//! overview, the item list and the department picker. Pure functions of the
//! plan, the view state and the language, tested natively; the components
//! put the strings in place and listen for clicks on their `data-*` hooks.

pub mod detail;
pub mod document;
pub mod kiosk;
pub mod lists;
pub mod overview;
pub mod page;

pub use detail::{item_detail, report_items, DetailOptions};
pub use page::share_panel;

use crate::aggregate::Tally;
use crate::html::{Attrs, Html};
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

/// The language the dataset's own text (titles, texts, names) is
/// published in. It is shown as published, never translated, so in the
/// English UI every element that holds it says `lang="ja"` and a screen
/// reader reads it in a Japanese voice (WCAG 3.1.2).
pub const DATA_LANG: &str = "ja";

/// The `lang` attribute of an element holding dataset text in UI
/// language `lang`; none where the UI already speaks the data's language.
pub fn data_lang(lang: Lang) -> Option<&'static str> {
    (lang.code() != DATA_LANG).then_some(DATA_LANG)
}

/// The attributes of an element holding dataset text: `always`, and
/// [`data_lang`] where the UI speaks another language.
pub fn with_data_lang<'a>(always: &[(&'a str, &'a str)], lang: Lang) -> Attrs<'a> {
    Attrs::new(always).pair(data_lang(lang).map(|l| ("lang", l)))
}

/// The dataset's `text`, in a `lang` span where the UI speaks another
/// language, else as it is.
pub fn data_text(h: &mut Html, text: &str, lang: Lang) {
    match data_lang(lang) {
        Some(l) => h.el("span", &[("lang", l)], text),
        None => h.text(text),
    };
}

/// An item's heading text: `(12) title (note) ★`, the star with its
/// meaning for screen readers. Every heading of an item (card, detail,
/// report) is written by this one function.
pub fn item_heading(h: &mut Html, plan: &Plan, item: &plan::Item, lang: Lang) {
    h.el("span", &[("class", "gk-item-no")], &format!("({})", item.id)).text(" ");
    data_text(h, &item.title, lang);
    if let Some(note) = &item.note {
        h.el("span", &with_data_lang(&[("class", "gk-item-note")], lang), &format!(" ({note})"));
    }
    if let (true, Some(meaning)) = (item.star, star_text(plan, lang.t().star_explained)) {
        h.text(" ")
            .open("span", &[("class", "gk-star"), ("title", &meaning)])
            .el("span", &[("aria-hidden", "true")], "★")
            .el("span", &[("class", "gk-sr")], &meaning)
            .close("span");
    }
}

/// A ★ text of the UI (`star_only`, `star_explained`) with what ★ means in
/// this plan; `None` for a plan without ★.
pub fn star_text(plan: &Plan, template: &str) -> Option<String> {
    plan.plan.star_label.as_deref().map(|label| template.replace("{star}", label))
}

/// The label of the ★ filter; `None` where the plan has no ★ items (then
/// there is no ★ filter).
pub fn star_filter_label(plan: &Plan, lang: Lang) -> Option<String> {
    star_text(plan, lang.t().star_only).filter(|_| plan.items.iter().any(|i| i.star))
}

/// A heading of the sheet's texts, with the time they describe if the
/// plan states it (現状(令和X年Y月時点)).
pub fn dated_heading(plan: &Plan, label: &str) -> String {
    match &plan.plan.texts_as_of {
        Some(when) => format!("{label}({when})"),
        None => label.to_string(),
    }
}

/// An item's lead departments in words; where the source's were lost in
/// extraction, that is said rather than left blank.
pub fn lead_departments_text(plan: &Plan, item: &plan::Item, lang: Lang) -> String {
    if item.lead_departments.is_empty() && item.missing.iter().any(|f| f == "lead_departments") {
        return lang.t().missing_departments.to_string();
    }
    let names = department_names(plan, &item.lead_departments);
    if names.is_empty() {
        "—".into()
    } else {
        names
    }
}

/// A "推定 / inferred" badge for fields reconstructed rather than read;
/// nothing where `fields` is empty.
pub fn inferred_badge(h: &mut Html, fields: &[String], lang: Lang) {
    if fields.is_empty() {
        return;
    }
    let t = lang.t();
    h.el(
        "span",
        &[("class", "gk-badge gk-inferred"), ("data-inferred", &fields.join(" ")), ("title", t.inferred_explained)],
        &format!("{} ({})", t.inferred, fields.join(", ")),
    );
}

/// Department names of ids, joined with 、.
pub fn department_names(plan: &Plan, ids: &[String]) -> String {
    ids.iter()
        .map(|id| plan.department(id).map_or(id.as_str(), |d| d.name.as_str()))
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
        Status::NotEvaluated => ("gk-notyet", "…", t.not_yet),
    }
}

/// Met / missed / no-data counts as three badges, each with a symbol and a
/// word so that colour is never the only signal.
pub fn tally_badges(h: &mut Html, tally: Tally, lang: Lang) {
    h.open("span", &[("class", "gk-tally")]);
    if tally.is_not_evaluated() {
        let (class, symbol, word) = status_mark(Status::NotEvaluated, lang);
        h.open("span", &[("class", &format!("gk-badge {class}")), ("data-status", class)])
            .el("span", &[("aria-hidden", "true")], &format!("{symbol} "))
            .text(word)
            .close("span")
            .close("span");
        return;
    }
    for (s, n) in [(Status::Met, tally.met), (Status::Missed, tally.missed), (Status::NoData, tally.no_data)] {
        let (class, symbol, word) = status_mark(s, lang);
        h.open("span", &[("class", &format!("gk-badge {class}")), ("data-status", class)])
            .el("span", &[("aria-hidden", "true")], &format!("{symbol} "))
            .text(&format!("{word} {n}"))
            .close("span");
    }
    h.close("span");
}

/// The filters of a view in words (`目標 3 ・ ○○課 ・ 「基金」`), empty for
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
