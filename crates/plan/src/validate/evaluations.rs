//! `evaluations`: each item's yearly evaluation.

use super::{after_results, check_opt_text, Findings, Known};
use crate::model::{Evaluation, Plan};

pub(super) fn check(f: &mut Findings, plan: &Plan, known: &Known) {
    for (i, e) in plan.evaluations.iter().enumerate() {
        check_evaluation(f, plan, &format!("evaluations[{i}]"), e, known);
    }
}

fn check_evaluation(f: &mut Findings, plan: &Plan, p: &str, e: &Evaluation, known: &Known) {
    let (first, last) = (plan.plan.first_fy, plan.plan.last_fy);
    known.check_item(f, format!("{p}.item_id"), e.item_id);
    // Evaluations start with the plan's first year, not with its baseline.
    if e.fy < first || e.fy > last {
        f.error(format!("{p}.fy"), format!("{} is outside the plan's years {first}–{last}", e.fy));
    }
    match (e.achieved, e.total) {
        (Some(a), Some(t)) if a > t => f.error(format!("{p}.achieved"), format!("{a} achieved is more than the total {t}")),
        (Some(_), None) => f.error(format!("{p}.total"), "achieved is given without a total"),
        _ => {}
    }
    check_opt_text(f, &format!("{p}.factors"), &e.factors);
    check_opt_text(f, &format!("{p}.issues"), &e.issues);
    check_opt_text(f, &format!("{p}.response"), &e.response);
    if let Some(through) = plan.plan.results_through_fy.filter(|t| e.fy > *t) {
        for (name, present) in [
            ("achieved", e.achieved.is_some()),
            ("total", e.total.is_some()),
            ("factors", e.factors.is_some()),
            ("issues", e.issues.is_some()),
            ("response", e.response.is_some()),
        ] {
            if present {
                f.error(format!("{p}.{name}"), after_results(e.fy, through));
            }
        }
    }
}
