//! `kpi_list`: the overview's KPI names and the sheet KPIs they denote.

use super::fields::check_reconstructed;
use super::{check_text, Findings, Known};
use crate::model::Plan;

pub(super) fn check(f: &mut Findings, plan: &Plan, known: &Known) {
    for (i, e) in plan.kpi_list.iter().enumerate() {
        check_text(f, &format!("kpi_list[{i}].name"), &e.name);
        known.check_item(f, format!("kpi_list[{i}].item_id"), e.item_id);
        for (j, r) in e.kpis.iter().enumerate() {
            if !known.kpis.contains(&(r.item_id, r.no)) {
                f.error(format!("kpi_list[{i}].kpis[{j}]"), format!("KPI {} of item {} does not exist", r.no, r.item_id));
            }
            if r.item_id != e.item_id {
                f.error(
                    format!("kpi_list[{i}].kpis[{j}].item_id"),
                    format!(
                        "links a KPI of item {} but the entry's item_id is {}; an entry names the KPIs of one item",
                        r.item_id, e.item_id
                    ),
                );
            }
        }
        if e.kpis.is_empty() && e.notes.is_empty() {
            f.error(format!("kpi_list[{i}].kpis"), "links to no KPI; add a note that says why");
        }
        check_reconstructed(f, &format!("kpi_list[{i}]"), e, &e.reconstructed, !e.notes.is_empty());
    }
}
