//! The widget's chrome as HTML, for pages that show it before (or without)
//! WebAssembly: the title bar, the filter form, the result list and the
//! footer, in the same elements and classes as the live components, so that
//! when the widget takes over nothing moves.
//!
//! [`prerendered`] is what `cargo xtask dist` writes into the hosted page
//! and the frame; [`super::document`] builds the static report from the
//! same parts.

use super::lists::{department_options, item_cards, options};
use super::overview::{overview, OverviewOptions};
use super::{with_data_lang, star_filter_label};
use crate::aggregate::{goal_summaries, latest_year_with_results};
use crate::hooks::{self, Action, Filter};
use crate::html::{Attrs, Html, Markup};
use crate::i18n::Lang;
use crate::query::Index;
use crate::share::{ShareCodes, OPEN_DATA_PAGE, REPORT_FILE};
use crate::state::ViewState;
use plan::Plan;

/// A control that works only once a script runs. Pages hide these when
/// scripts are off (a stylesheet inside `<noscript>`).
pub const NEEDS_SCRIPT: &str = "gk-needs-js";

/// The title bar: the app's name, the plan's title and `actions` (share,
/// print, save the view or the CSV, language; others are not title-bar
/// buttons and are left out) as buttons (inert until a script wires them; with `hidden`, not shown
/// until a script reveals them).
pub fn header(plan: &Plan, lang: Lang, actions: &[Action], hidden: bool) -> Markup {
    let t = lang.t();
    let mut h = Html::new();
    h.open("header", &[("class", "gk-header")]);
    h.open("div", &[("class", "gk-titles")])
        .el("p", &[("class", "gk-app-title")], t.app_title)
        .el("h1", &with_data_lang(&[("class", "gk-plan-title")], lang), &plan.plan.title)
        .close("div");
    let class = format!("gk-actions {NEEDS_SCRIPT}");
    h.open("div", &Attrs::new(&[("class", &class), ("data-actions", "")]).flag("hidden", hidden));
    for a in actions {
        let label = match a {
            Action::Share => t.share,
            Action::Print => t.print,
            Action::SaveView => t.download_view,
            Action::SaveCsv => t.download_csv,
            Action::Language => t.language_switch,
            _ => continue,
        };
        let attrs = Attrs::new(&[("type", "button"), ("class", "gk-button"), (hooks::ACTION, a.as_str())])
            .when(*a == Action::Language, "lang", lang.other().code())
            .when(*a == Action::Share, "aria-expanded", "false");
        h.el("button", &attrs, label);
    }
    h.close("div").close("header");
    h.finish()
}

/// The source (linked where the dataset gives its address), the as-of
/// date and the terms of reuse; where the widget's files are at `base`, links
/// to the complete report and the open data beside them. Links leave the
/// widget: a new tab, never inside a frame. (A kiosk, which must have no
/// way out, uses [`footer_inner`] with no links.)
pub fn footer(plan: &Plan, lang: Lang, base: Option<&str>) -> Markup {
    let mut h = Html::new();
    h.open("footer", &[("class", "gk-footer")]).raw(&footer_inner(plan, lang, base, true)).close("footer");
    h.finish()
}

/// What is inside the footer element; with `links` false (a kiosk), the
/// source's address is written out as text instead of linked.
pub fn footer_inner(plan: &Plan, lang: Lang, base: Option<&str>, links: bool) -> Markup {
    let t = lang.t();
    let info = &plan.plan;
    let outside = |h: &mut Html, href: &str, hook: &str, text: &str| {
        h.el("a", &[("href", href), ("target", "_blank"), ("rel", "noopener"), (hook, "")], text);
    };
    let mut h = Html::new();
    h.open("span", &[]).text(&format!("{}: ", t.source));
    match &info.source_url {
        Some(url) if links => outside(&mut h, url, "data-source-link", &info.source),
        Some(url) => {
            h.text(&format!("{} ({url})", info.source));
        }
        None => {
            h.text(&info.source);
        }
    }
    h.close("span").text(" ");
    h.el("span", &[], &format!("{}: {}", t.as_of, info.as_of));
    if let Some(licence) = &info.licence {
        h.text(" ").el("span", &[("data-licence", "")], &format!("{}: {licence}", t.licence));
    }
    if let Some(base) = base {
        h.text(" ").open("span", &[]);
        outside(&mut h, &format!("{base}{REPORT_FILE}"), "data-report-link", t.report_link);
        h.close("span").text(" ").open("span", &[]);
        outside(&mut h, &format!("{base}{OPEN_DATA_PAGE}"), "data-open-data", t.open_data);
        h.close("span");
    }
    h.finish()
}

/// Which filters the form offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormOptions {
    /// The fiscal-year select (the live widget's overview follows it; a
    /// static document shows every year in its table instead).
    pub year: bool,
    /// Start hidden, for a script to reveal once it has wired the form.
    pub hidden: bool,
}

/// The filter form with `state` filled in: keyword, goal, reform (each
/// option knows its goal), year, ★ (only if the plan has ★ items) and the
/// departments with how many items each leads.
pub fn filter_form(plan: &Plan, index: &Index, state: &ViewState, lang: Lang, fy: i32, o: FormOptions) -> Markup {
    let t = lang.t();
    let mut h = Html::new();
    let class = format!("gk-filters {NEEDS_SCRIPT}");
    // Not a named landmark: with two widgets on a page, two would share a name.
    h.open("form", &Attrs::new(&[("class", &class)]).flag("hidden", o.hidden)).el("h2", &[("id", "gk-filters-h")], t.filters);
    h.open("div", &[("class", "gk-filter-grid")]);
    h.open("label", &[("class", "gk-field gk-field-wide")]).el("span", &[], t.search);
    h.void(
        "input",
        &[
            ("type", "search"),
            (hooks::FILTER, Filter::Q.as_str()),
            ("autocomplete", "off"),
            ("placeholder", t.search_placeholder),
            ("value", &state.q),
        ],
    );
    h.close("label");
    h.open("label", &[("class", "gk-field")]).el("span", &[], t.goal);
    h.open("select", &[(hooks::FILTER, Filter::Goal.as_str())]).raw(&goal_options(plan, lang, state.goal)).close("select");
    h.close("label");
    h.open("label", &[("class", "gk-field")]).el("span", &[], t.reform);
    h.open("select", &[(hooks::FILTER, Filter::Reform.as_str())]).raw(&reform_options(plan, lang, state.goal, state.reform)).close("select");
    h.close("label");
    if o.year {
        h.open("label", &[("class", "gk-field")]).el("span", &[], t.fiscal_year);
        h.open("select", &[(hooks::FILTER, Filter::Fy.as_str())]).raw(&year_options(plan, lang, fy)).close("select");
        h.close("label");
    }
    if let Some(label) = star_filter_label(plan, lang) {
        h.open("label", &[("class", "gk-check")]);
        h.void("input", &Attrs::new(&[("type", "checkbox"), (hooks::FILTER, Filter::Star.as_str())]).flag("checked", state.star)).el("span", &[], &label).close("label");
    }
    h.open("fieldset", &[("class", "gk-field gk-field-wide gk-depts")]).el("legend", &[], t.departments);
    h.el("div", &[], "");
    h.open("label", &[("class", "gk-field")]).el("span", &[], t.dept_search);
    h.void(
        "input",
        &[("type", "search"), (hooks::FILTER, Filter::DeptSearch.as_str()), ("autocomplete", "off"), ("placeholder", t.dept_search_placeholder)],
    );
    h.close("label");
    let all: Vec<String> = plan.departments.iter().map(|d| d.id.clone()).collect();
    h.open("div", &[("role", "group"), ("aria-label", t.departments)])
        .open("div", &[("class", "gk-dept-list")])
        .raw(&department_options(plan, &all, &state.depts, &index.lead_counts()))
        .close("div")
        .close("div");
    h.close("fieldset").close("div");
    h.el("button", &[("type", "button"), ("class", "gk-button gk-clear"), (hooks::ACTION, Action::Clear.as_str())], t.clear_filters);
    h.close("form");
    h.finish()
}

/// An optional id as a control's value ("" for none: "all").
pub fn id_value(id: Option<u32>) -> String {
    id.map(|x| x.to_string()).unwrap_or_default()
}

/// The goal `<option>`s, "all" first, with `selected` chosen.
pub fn goal_options(plan: &Plan, lang: Lang, selected: Option<u32>) -> Markup {
    let t = lang.t();
    let goals: Vec<(String, String)> = plan.goals.iter().map(|g| (g.id.to_string(), format!("{} {} {}", t.goal, g.id, g.title))).collect();
    options(t.all, &goals, &id_value(selected))
}

/// The `<option>`s of the plan's fiscal years, with `selected` chosen.
pub fn year_options(plan: &Plan, lang: Lang, selected: i32) -> Markup {
    let years: Vec<(String, String)> = (plan.plan.first_fy..=plan.plan.last_fy).map(|y| (y.to_string(), lang.fy(y))).collect();
    options("", &years, &selected.to_string())
}

/// The reform `<option>`s: all of them, or those of `goal`; each carries
/// its goal (`data-goal`) so that a script can narrow the list.
pub fn reform_options(plan: &Plan, lang: Lang, goal: Option<u32>, selected: Option<u32>) -> Markup {
    let t = lang.t();
    let mut h = Html::new();
    h.el("option", &[("value", "")], t.all);
    for r in plan.reforms.iter().filter(|r| goal.is_none_or(|g| r.goal_id == g)) {
        let (value, goal_id) = (r.id.to_string(), r.goal_id.to_string());
        let attrs = Attrs::new(&[("value", &value), ("data-goal", &goal_id)]).flag("selected", selected == Some(r.id));
        h.el("option", &attrs, &format!("{} {} {}", t.reform, r.id, r.title));
    }
    h.finish()
}

/// The result heading: how many items the view shows.
pub fn result_heading(count: usize, lang: Lang, suffix: &str) -> Markup {
    let mut h = Html::new();
    let n = count.to_string();
    h.open("h2", &[("id", "gk-results-h"), ("class", "gk-result-count"), ("aria-live", "polite"), ("data-result-count", &n)]);
    h.el("span", &[("data-count", "")], &n).text(&format!(" {}{suffix}", lang.t().results));
    h.close("h2");
    h.finish()
}

/// The overview as the live widget's section holds it (year table open).
pub fn overview_section(plan: &Plan, lang: Lang, fy: i32, active_goal: Option<u32>) -> Markup {
    let mut h = Html::new();
    h.open("section", &[("class", "gk-overview")]).open("div", &[]);
    h.raw(&overview(plan, &goal_summaries(plan), OverviewOptions { lang, fy, active_goal }));
    h.close("div").close("section");
    h.finish()
}

/// Where the pre-rendered page links to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PrerenderOptions<'a> {
    /// Where the widget's files are ("" for beside the page): the static
    /// report and the open data, for readers without JavaScript.
    pub base: Option<&'a str>,
    /// The title bar's buttons.
    pub actions: &'a [Action],
}

/// The initial view of the widget (title bar, overview, filters, list,
/// footer) as the live widget draws it, for a page to ship inside its host
/// element. Scripts off, the filters and buttons are hidden by the page
/// and a note links to the report.
pub fn prerendered(plan: &Plan, state: &ViewState, lang: Lang, o: PrerenderOptions) -> Markup {
    let t = lang.t();
    let index = Index::new(plan);
    let fy = state.fy.unwrap_or_else(|| latest_year_with_results(plan));
    let ids = index.filter(state);
    let mut h = Html::new();
    h.open("div", &[("class", "gk-root")]).open("div", &[("class", "gk gk-prerendered"), ("lang", lang.code())]);
    h.raw(&header(plan, lang, o.actions, false));
    let report = o.base.map(|base| format!("{base}{REPORT_FILE}"));
    if let Some(href) = &report {
        h.open("p", &[("class", "gk-notice gk-no-script")])
            .text(t.no_script)
            .text(" ")
            .el("a", &[("href", href), ("target", "_blank"), ("rel", "noopener")], t.report_link)
            .close("p");
    }
    h.open("main", &[("class", "gk-main")]);
    h.raw(&overview_section(plan, lang, fy, state.goal));
    h.raw(&filter_form(plan, &index, state, lang, fy, FormOptions { year: true, hidden: false }));
    h.open("section", &[("class", "gk-results")]);
    h.raw(&result_heading(ids.len(), lang, ""));
    h.open("div", &[]).raw(&item_cards(plan, &ids, fy, lang, report.as_deref())).close("div");
    h.close("section").close("main");
    h.raw(&footer(plan, lang, o.base));
    h.close("div").close("div");
    h.finish()
}

/// The share panel: the link to the view, the iframe snippet and the
/// script snippet, each in a read-only field with a copy button (where the
/// clipboard is refused, the field's text is selected for the user to
/// copy). `codes: None` leaves the fields empty for a script to fill.
pub fn share_panel(lang: Lang, codes: Option<&ShareCodes>) -> Markup {
    let t = lang.t();
    let mut h = Html::new();
    h.open("div", &[("class", "gk-share"), ("id", "gk-share"), (hooks::SHARE_PANEL, ""), ("role", "group"), ("aria-labelledby", "gk-share-h"), ("hidden", "")]);
    h.el("h2", &[("id", "gk-share-h")], t.share);
    h.el("p", &[("class", "gk-share-local"), ("data-share-local", ""), ("hidden", "")], t.share_local);
    let fields = [
        ("link", t.share_link, None, codes.map(|c| c.link.as_str())),
        ("iframe", t.share_iframe, Some(t.share_iframe_help), codes.map(|c| c.iframe.as_str())),
        ("script", t.share_script, Some(t.share_script_help), codes.map(|c| c.script.as_str())),
    ];
    for (key, label, help, value) in fields {
        let id = format!("gk-share-{key}");
        h.open("div", &[("class", "gk-share-row"), ("data-share", key)]);
        h.el("label", &[("for", &id)], label);
        if let Some(help) = help {
            h.el("p", &[("class", "gk-share-help")], help);
        }
        h.open("div", &[("class", "gk-share-field")]);
        if key == "link" {
            h.void("input", &[("id", &id), ("type", "text"), ("readonly", ""), ("value", value.unwrap_or("")), (hooks::SHARE_VALUE, key)]);
        } else {
            h.el("textarea", &[("id", &id), ("readonly", ""), ("rows", "3"), (hooks::SHARE_VALUE, key)], value.unwrap_or(""));
        }
        h.el("button", &[("type", "button"), ("class", "gk-button"), (hooks::COPY, key), ("aria-describedby", "gk-share-status")], t.copy);
        h.close("div").close("div");
    }
    h.el(
        "p",
        &[
            ("class", "gk-share-status"),
            ("id", "gk-share-status"),
            ("role", "status"),
            (hooks::COPIED, t.copied),
            (hooks::MANUAL, t.copy_manually),
        ],
        "",
    );
    h.el("button", &[("type", "button"), ("class", "gk-button"), (hooks::ACTION, Action::ShareClose.as_str())], t.close);
    h.close("div");
    h.finish()
}
