//! `kpis`: each KPI's links and its yearly values, including whether a
//! printed achievement rate agrees with the target and actual.

use super::fields::check_reconstructed;
use super::{after_results, check_opt_text, check_text, check_unique, in_plan_years, outside_plan_years, Findings, Known};
use crate::metrics::{achievement_rate, rate_agrees};
use crate::model::{Direction, Kpi, KpiValue, Plan, Role};

pub(super) fn check(f: &mut Findings, plan: &Plan, known: &Known) {
    for (i, kpi) in plan.kpis.iter().enumerate() {
        check_kpi(f, plan, &format!("kpis[{i}]"), kpi, known);
    }
}

fn check_kpi(f: &mut Findings, plan: &Plan, p: &str, kpi: &Kpi, known: &Known) {
    check_text(f, &format!("{p}.name"), &kpi.name);
    check_opt_text(f, &format!("{p}.unit"), &kpi.unit);
    known.check_item(f, format!("{p}.item_id"), kpi.item_id);
    if kpi.no == 0 {
        f.error(format!("{p}.no"), "KPI numbers start at 1 (①)");
    }
    if let Some(k) = kpi.kgi_id {
        if !known.kgis.contains(&k) {
            f.error(format!("{p}.kgi_id"), format!("KGI {k} does not exist"));
        }
    }
    check_unique(f, "fiscal year", kpi.values.iter().enumerate().map(|(j, v)| (format!("{p}.values[{j}].fy"), v.fy)));
    check_reconstructed(f, p, kpi, &kpi.reconstructed, !kpi.notes.is_empty());
    for (j, v) in kpi.values.iter().enumerate() {
        check_value(f, plan, &format!("{p}.values[{j}]"), kpi, v);
    }
}

/// One year of a KPI. A note on the value or on the KPI explains it.
fn check_value(f: &mut Findings, plan: &Plan, vp: &str, kpi: &Kpi, v: &KpiValue) {
    let noted = !kpi.notes.is_empty() || !v.notes.is_empty();
    check_reconstructed(f, vp, v, &v.reconstructed, noted);
    if let Some(through) = plan.plan.results_through_fy.filter(|t| v.fy > *t) {
        for (name, present) in [
            ("actual", v.actual.is_some()),
            ("actual_label", v.actual_label.is_some()),
            ("stated_rate", v.stated_rate.is_some()),
        ] {
            if present {
                f.error(format!("{vp}.{name}"), after_results(v.fy, through));
            }
        }
    }
    if !in_plan_years(plan, v.fy) {
        f.error(format!("{vp}.fy"), outside_plan_years(plan, v.fy));
    }
    for (name, n) in [("target", v.target), ("actual", v.actual), ("stated_rate", v.stated_rate)] {
        if n.is_some_and(|x| !x.is_finite()) {
            f.error(format!("{vp}.{name}"), "is not a finite number");
        }
    }
    if v.stated_rate.is_some_and(|r| r < 0.0) {
        f.error(format!("{vp}.stated_rate"), "an achievement rate cannot be negative");
    }
    check_opt_text(f, &format!("{vp}.target_label"), &v.target_label);
    check_opt_text(f, &format!("{vp}.actual_label"), &v.actual_label);
    if kpi.role == Role::Reference && (v.target.is_some() || v.target_label.is_some()) && !noted {
        f.warning(format!("{vp}.target"), "a reference indicator (参考指標) with a target");
    }
    if let Some(stated) = v.stated_rate {
        check_stated_rate(f, vp, kpi.direction, v, stated, noted);
    }
}

/// The printed rate agrees with the one target and actual give, unless the
/// target or actual is in words or a note explains the difference.
fn check_stated_rate(f: &mut Findings, vp: &str, direction: Direction, v: &KpiValue, stated: f64, noted: bool) {
    let worded = v.target_label.is_some() || v.actual_label.is_some();
    match achievement_rate(v.target, v.actual, direction) {
        Some(computed) if !rate_agrees(stated, computed) => f.unless_noted(
            noted,
            format!("{vp}.stated_rate"),
            format!(
                "the source prints {stated}% but {} gives {computed:.1}%",
                match direction {
                    Direction::Higher => "actual / target (higher is better)",
                    Direction::Lower => "target / actual (lower is better)",
                },
            ),
        ),
        Some(_) => {}
        None if worded => {}
        None => f.unless_noted(
            noted,
            format!("{vp}.stated_rate"),
            format!("the source prints {stated}% but the target or actual is missing or zero"),
        ),
    }
}
