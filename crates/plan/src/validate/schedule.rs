//! `schedule`: each activity's item, KPIs and quarters.

use super::fields::check_reconstructed;
use super::{check_quarter, check_text, Findings, Known};
use crate::model::Plan;

pub(super) fn check(f: &mut Findings, plan: &Plan, known: &Known) {
    let info = &plan.plan;
    for (i, row) in plan.schedule.iter().enumerate() {
        let p = format!("schedule[{i}]");
        let noted = !row.notes.is_empty();
        check_text(f, &format!("{p}.activity"), &row.activity);
        check_reconstructed(f, &p, row, &row.reconstructed, noted);
        known.check_item(f, format!("{p}.item_id"), row.item_id);
        let nos = known.kpi_nos_by_item.get(&row.item_id);
        for (j, no) in row.kpi_nos.iter().enumerate() {
            if !nos.is_some_and(|s| s.contains(no)) {
                f.unless_noted(noted, format!("{p}.kpi_nos[{j}]"), format!("item {} has no KPI {no}", row.item_id));
            }
        }
        for (name, quarters) in [("plan", &row.plan), ("result", &row.result)] {
            for (j, q) in quarters.iter().flatten().enumerate() {
                let qp = format!("{p}.{name}[{j}]");
                check_quarter(f, &qp, *q, info.first_fy, info.last_fy);
                if *q < info.schedule_from || *q > info.schedule_to {
                    f.error(qp, "is outside the schedule's quarters");
                }
            }
        }
    }
}
