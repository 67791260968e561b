//! The overview: a card per goal (its reforms, items and the chosen year's
//! objective-KPI results; pressing it filters by the goal), a goal × year
//! table of the same results, and the KGIs.

use super::{with_data_lang, status_mark, tally_badges};
use crate::aggregate::GoalSummary;
use crate::hooks;
use crate::html::{Html, Markup};
use crate::i18n::Lang;
use plan::metrics::Status;
use plan::Plan;

/// What the overview shows: the chosen goal and the year the cards refer
/// to. (The year table always starts open.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OverviewOptions {
    pub lang: Lang,
    pub fy: i32,
    pub active_goal: Option<u32>,
}

/// The overview's heading, goal cards, year table and KGIs.
pub fn overview(plan: &Plan, summaries: &[GoalSummary], o: OverviewOptions) -> Markup {
    let mut h = Html::new();
    h.el("h2", &[("id", "gk-overview-h")], o.lang.t().overview);
    goal_cards(&mut h, plan, summaries, o);
    year_table(&mut h, summaries, o.lang);
    kgis(&mut h, plan, o.lang);
    h.finish()
}

/// A card per goal; its button filters by the goal (or stops filtering).
fn goal_cards(h: &mut Html, plan: &Plan, summaries: &[GoalSummary], o: OverviewOptions) {
    let t = o.lang.t();
    h.open("ul", &[("class", "gk-goal-cards")]);
    for s in summaries {
        let title = plan.goal(s.goal_id).map(|g| g.title.as_str()).unwrap_or("");
        let active = o.active_goal == Some(s.goal_id);
        let id = s.goal_id.to_string();
        h.open("li", &[("class", if active { "gk-goal-card gk-active" } else { "gk-goal-card" }), ("data-goal", &id)]);
        h.open(
            "button",
            &[
                ("type", "button"),
                ("class", "gk-goal-button"),
                ("aria-pressed", if active { "true" } else { "false" }),
                (hooks::GOAL_TOGGLE, &id),
                (hooks::KEY, &hooks::goal_key(s.goal_id)),
            ],
        );
        h.el("span", &[("class", "gk-goal-no")], &format!("{} {}", t.goal, s.goal_id));
        h.el("span", &with_data_lang(&[("class", "gk-goal-title")], o.lang), title);
        h.close("button");
        h.el("p", &[("class", "gk-counts")], &format!("{} {} ・ {} {}", t.reforms, s.reforms, t.items, s.items));
        let tally = s.by_year.iter().find(|(y, _)| *y == o.fy).map(|(_, t)| *t).unwrap_or_default();
        h.open("p", &[("class", "gk-counts")]).el("span", &[("class", "gk-fy")], &o.lang.fy(o.fy));
        tally_badges(h, tally, o.lang);
        h.close("p").close("li");
    }
    h.close("ul");
}

/// Each goal's objective-KPI results per year, as a table.
fn year_table(h: &mut Html, summaries: &[GoalSummary], lang: Lang) {
    let t = lang.t();
    h.open("details", &[("class", "gk-year-table"), ("open", "")]);
    h.el("summary", &[], t.kpi_status_heading);
    h.open("div", &[("class", "gk-table-scroll"), ("tabindex", "0"), ("role", "group"), ("aria-label", t.kpi_status_heading)])
        .open("table", &[("data-year-table", "")]);
    let legend: Vec<String> = [Status::Met, Status::Missed, Status::NoData]
        .iter()
        .map(|s| {
            let (_, symbol, word) = status_mark(*s, lang);
            format!("{word} {symbol}")
        })
        .collect();
    h.el("caption", &[], &format!("{} ({})", t.kpi_status_heading, legend.join(" / ")));
    h.open("thead", &[]).open("tr", &[]).el("th", &[("scope", "col")], t.goal);
    if let Some(first) = summaries.first() {
        for (fy, _) in &first.by_year {
            h.el("th", &[("scope", "col")], &lang.fy_short(*fy));
        }
    }
    h.close("tr").close("thead").open("tbody", &[]);
    for s in summaries {
        h.open("tr", &[]).el("th", &[("scope", "row")], &format!("{} {}", t.goal, s.goal_id));
        for (fy, tally) in &s.by_year {
            h.open("td", &[("data-fy", &fy.to_string())]);
            if tally.is_not_evaluated() {
                let (class, _, word) = status_mark(Status::NotEvaluated, lang);
                h.el("span", &[("class", &format!("gk-cell-part {class}"))], word).close("td");
                continue;
            }
            for (status, n) in [(Status::Met, tally.met), (Status::Missed, tally.missed), (Status::NoData, tally.no_data)] {
                let (class, symbol, word) = status_mark(status, lang);
                h.open("span", &[("class", &format!("gk-cell-part {class}"))])
                    .el("span", &[("aria-hidden", "true")], symbol)
                    .el("span", &[("class", "gk-sr")], word)
                    .text(&format!("{n} "))
                    .close("span");
            }
            h.close("td");
        }
        h.close("tr");
    }
    h.close("tbody").close("table").close("div").close("details");
}

/// The KGIs, each with how many KPIs serve it.
fn kgis(h: &mut Html, plan: &Plan, lang: Lang) {
    let t = lang.t();
    h.open("details", &[("class", "gk-kgis")]).el("summary", &[], t.kgis).open("ul", &[]);
    for k in &plan.kgis {
        let linked = plan.kpis.iter().filter(|x| x.kgi_id == Some(k.id)).count();
        h.open("li", &[])
            .el("span", &[("class", "gk-kgi-no")], &format!("KGI {} ", k.id))
            .el("span", &with_data_lang(&[("class", "gk-kgi-title")], lang), &k.title)
            .el("span", &with_data_lang(&[("class", "gk-kgi-indicator")], lang), &k.indicator)
            .el("span", &[("class", "gk-kgi-kpis")], &format!("{}: {linked}", t.kpis))
            .close("li");
    }
    h.close("ul").close("details");
}
