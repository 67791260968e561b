//! The quarterly schedule (工程) as a grid: a plan and a result row per
//! activity, a column per quarter, 達成件数 per year at the foot.

use super::evaluations::achieved_count;
use crate::html::Html;
use crate::i18n::Lang;
use crate::render::{circled, with_data_lang, inferred_badge};
use plan::{Plan, Quarter, ScheduleRow};

/// The quarterly grid: a plan and a result row per activity, a column per
/// quarter from the plan's first to its last, 達成件数 per year at the foot.
pub fn schedule(h: &mut Html, plan: &Plan, id: u32, lang: Lang) {
    let rows: Vec<_> = plan.schedule.iter().filter(|s| s.item_id == id).collect();
    if rows.is_empty() {
        return;
    }
    let t = lang.t();
    let quarters = Quarter::range(plan.plan.schedule_from, plan.plan.schedule_to);
    let years = years_of(&quarters);
    h.open("section", &[("class", "gk-schedule")]).el("h3", &[], t.schedule);
    let region = format!("{} ({id})", t.schedule);
    h.open("div", &[("class", "gk-table-scroll"), ("tabindex", "0"), ("role", "group"), ("aria-label", &region)])
        .open("table", &[("data-schedule", &id.to_string())]);
    head(h, &years, &quarters, lang);
    h.open("tbody", &[]);
    for row in rows {
        activity(h, row, &quarters, lang);
    }
    h.close("tbody");
    foot(h, plan, id, &years, lang);
    h.close("table").close("div").close("section");
}

/// Each fiscal year of `quarters` with its number of quarters, in order.
fn years_of(quarters: &[Quarter]) -> Vec<(i32, usize)> {
    let mut years: Vec<(i32, usize)> = Vec::new();
    for q in quarters {
        match years.last_mut() {
            Some((fy, n)) if *fy == q.fy => *n += 1,
            _ => years.push((q.fy, 1)),
        }
    }
    years
}

/// Two head rows: the years over their quarters, then the quarters.
fn head(h: &mut Html, years: &[(i32, usize)], quarters: &[Quarter], lang: Lang) {
    let t = lang.t();
    h.open("thead", &[]).open("tr", &[]);
    h.el("th", &[("scope", "col"), ("rowspan", "2")], &format!("{} ({})", t.activity, t.related_kpis));
    h.open("th", &[("scope", "col"), ("rowspan", "2")])
        .el("span", &[("class", "gk-sr")], &format!("{} / {}", t.plan_row, t.result_row))
        .close("th");
    for (fy, n) in years {
        h.el("th", &[("scope", "colgroup"), ("colspan", &n.to_string()), ("title", &lang.fy(*fy))], &lang.fy_short(*fy));
    }
    h.close("tr").open("tr", &[]);
    for q in quarters {
        // A short head (Q1) with the full name for tooltips and screen readers.
        let full = lang.quarter(q.fy, q.q, q.months());
        h.open("th", &[("scope", "col"), ("title", &full), ("class", "gk-qhead")])
            .el("span", &[("aria-hidden", "true")], &format!("Q{}", q.q))
            .el("span", &[("class", "gk-sr")], &full)
            .close("th");
    }
    h.close("tr").close("thead");
}

/// One activity: its plan row and its result row, headed by the activity.
fn activity(h: &mut Html, row: &ScheduleRow, quarters: &[Quarter], lang: Lang) {
    let t = lang.t();
    let kpis: String = row.kpi_nos.iter().map(|n| circled(*n)).collect();
    // Unknown marks are said once per row, as one band across the
    // plan's span, not once per quarter; an activity whose plan and
    // result are both unknown takes one row.
    let lines: Vec<(String, &Option<Vec<Quarter>>)> = match (&row.plan, &row.result) {
        (None, None) => vec![(format!("{}・{}", t.plan_row, t.result_row), &row.plan)],
        (plan, result) => vec![(t.plan_row.to_string(), plan), (t.result_row.to_string(), result)],
    };
    let rowspan = lines.len().to_string();
    let span = quarters.len().to_string();
    for (i, (label, marks)) in lines.iter().enumerate() {
        h.open("tr", &[("class", if i == 0 { "gk-sched-plan" } else { "gk-sched-result" })]);
        if i == 0 {
            h.open("th", &[("scope", "rowgroup"), ("rowspan", &rowspan), ("class", "gk-activity"), ("data-activity", "")]);
            if !kpis.is_empty() {
                h.el("span", &[("class", "gk-sched-kpis")], &format!("{kpis} "));
            }
            h.el("span", &with_data_lang(&[], lang), &row.activity);
            inferred_badge(h, &row.reconstructed, lang);
            h.close("th");
        }
        h.el("th", &[("scope", "row"), ("class", "gk-planrow")], label);
        match marks {
            None => {
                h.el("td", &[("class", "gk-q-band"), ("colspan", &span), ("data-unknown", "")], t.unknown_marks);
            }
            Some(list) => {
                for q in quarters {
                    if list.contains(q) {
                        h.open("td", &[("class", "gk-q gk-q-on")])
                            .el("span", &[("aria-hidden", "true")], "●")
                            .el("span", &[("class", "gk-sr")], "✓")
                            .close("td");
                    } else {
                        h.el("td", &[("class", "gk-q")], "");
                    }
                }
            }
        }
        h.close("tr");
    }
}

/// The foot row: each year's 達成件数 from its evaluation.
fn foot(h: &mut Html, plan: &Plan, id: u32, years: &[(i32, usize)], lang: Lang) {
    h.open("tfoot", &[]).open("tr", &[]);
    h.el("th", &[("scope", "row"), ("colspan", "2")], lang.t().achieved_count);
    for (fy, n) in years {
        let e = plan.evaluations.iter().find(|e| e.item_id == id && e.fy == *fy);
        let text = e.map(achieved_count).unwrap_or_else(|| "—".to_string());
        h.el("td", &[("colspan", &n.to_string()), ("class", "gk-achieved"), ("data-fy", &fy.to_string())], &text);
    }
    h.close("tr").close("tfoot");
}
