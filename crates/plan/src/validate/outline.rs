//! The plan's outline: goals, reforms, departments and KGIs.

use super::{check_text, Findings, Known};
use crate::model::{is_department_id, Plan};
use std::collections::HashSet;

/// Goals and items exist; goals, reforms, departments and KGIs are well formed.
pub(super) fn check(f: &mut Findings, plan: &Plan, known: &Known) {
    if plan.goals.is_empty() {
        f.error("goals", "the plan has no goals");
    }
    if plan.items.is_empty() {
        f.error("items", "the plan has no items");
    }
    for (i, g) in plan.goals.iter().enumerate() {
        check_text(f, &format!("goals[{i}].title"), &g.title);
    }
    for (i, r) in plan.reforms.iter().enumerate() {
        check_text(f, &format!("reforms[{i}].title"), &r.title);
        if !known.goals.contains(&r.goal_id) {
            f.error(format!("reforms[{i}].goal_id"), format!("goal {} does not exist", r.goal_id));
        }
    }
    for (i, d) in plan.departments.iter().enumerate() {
        check_text(f, &format!("departments[{i}].name"), &d.name);
        if !is_department_id(&d.id) {
            f.error(format!("departments[{i}].id"), format!("\"{}\" must be lowercase ASCII letters, digits and '-'", d.id));
        }
    }
    for (i, k) in plan.kgis.iter().enumerate() {
        check_text(f, &format!("kgis[{i}].title"), &k.title);
        check_text(f, &format!("kgis[{i}].indicator"), &k.indicator);
    }
}

/// A reform without items is worth a warning.
pub(super) fn check_reforms_used(f: &mut Findings, plan: &Plan) {
    let used: HashSet<u32> = plan.items.iter().map(|i| i.reform_id).collect();
    for (i, r) in plan.reforms.iter().enumerate() {
        if !used.contains(&r.id) {
            f.warning(format!("reforms[{i}]"), format!("reform {} has no items", r.id));
        }
    }
}
