//! `plan`: the plan's title, source, years and schedule span.

use super::{check_quarter, check_text, in_plan_years, outside_plan_years, Findings};
use crate::model::Plan;

pub(super) fn check(f: &mut Findings, plan: &Plan) {
    let info = &plan.plan;
    let (first, last, base) = (info.first_fy, info.last_fy, info.baseline_fy);
    check_text(f, "plan.title", &info.title);
    check_text(f, "plan.organisation", &info.organisation);
    check_text(f, "plan.source", &info.source);
    check_text(f, "plan.as_of", &info.as_of);
    if first > last {
        f.error("plan.first_fy", format!("{first} is after plan.last_fy {last}"));
    }
    if base > first {
        f.error("plan.baseline_fy", format!("{base} is after plan.first_fy {first}"));
    }
    check_star_label(f, plan);
    if let Some(url) = &info.source_url {
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            f.error("plan.source_url", format!("\"{url}\" is not a web address; give the http(s) address of the published source, or null"));
        }
    }
    if let Some(fy) = info.results_through_fy {
        if !in_plan_years(plan, fy) {
            f.error("plan.results_through_fy", outside_plan_years(plan, fy));
        }
    }
    for (name, q) in [("schedule_from", info.schedule_from), ("schedule_to", info.schedule_to)] {
        check_quarter(f, &format!("plan.{name}"), q, first, last);
    }
    if info.schedule_from > info.schedule_to {
        f.error("plan.schedule_from", "is after plan.schedule_to");
    }
}

/// A plan with ★ items must say what ★ means.
fn check_star_label(f: &mut Findings, plan: &Plan) {
    let starred: Vec<String> = plan.items.iter().filter(|i| i.star).map(|i| i.id.to_string()).collect();
    if plan.plan.star_label.is_none() && !starred.is_empty() {
        f.error(
            "plan.star_label",
            format!("items {} carry ★ but the plan does not say what ★ means; set star_label as the source words it", starred.join(", ")),
        );
    }
}
