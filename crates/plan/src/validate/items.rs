//! `items`: each item's reform, departments, texts and detail sheet.

use super::fields::{check_missing, check_reconstructed};
use super::{check_opt_text, check_text, Findings, Known};
use crate::model::{Item, Plan, Sheet};

pub(super) fn check(f: &mut Findings, plan: &Plan, known: &Known) {
    for (i, item) in plan.items.iter().enumerate() {
        check_item(f, &format!("items[{i}]"), item, known);
    }
}

fn check_item(f: &mut Findings, p: &str, item: &Item, known: &Known) {
    check_text(f, &format!("{p}.title"), &item.title);
    check_opt_text(f, &format!("{p}.note"), &item.note);
    if !known.reforms.contains(&item.reform_id) {
        f.error(format!("{p}.reform_id"), format!("reform {} does not exist", item.reform_id));
    }
    if item.lead_departments.is_empty() && !item.missing.iter().any(|m| m == "lead_departments") {
        f.error(
            format!("{p}.lead_departments"),
            "an item needs at least one lead department; if the source's value was lost in extraction, \
             list \"lead_departments\" in the item's `missing` and say so in a note",
        );
    }
    check_missing(f, p, item, &item.missing, !item.notes.is_empty());
    check_reconstructed(f, p, item, &item.reconstructed, !item.notes.is_empty());
    for (field, list) in [("lead_departments", &item.lead_departments), ("related_departments", &item.related_departments)] {
        for (j, d) in list.iter().enumerate() {
            if !known.departments.contains(d.as_str()) {
                f.error(format!("{p}.{field}[{j}]"), format!("department \"{d}\" does not exist"));
            }
        }
    }
    for (j, o) in item.related_other.iter().enumerate() {
        check_text(f, &format!("{p}.related_other[{j}]"), o);
    }
    let has_kpis = known.kpi_nos_by_item.contains_key(&item.id);
    match &item.sheet {
        Some(sheet) => check_sheet(f, p, item, sheet, has_kpis),
        None if has_kpis => f.error(format!("{p}.sheet"), format!("item {} has KPIs but no detail sheet", item.id)),
        None => {}
    }
}

/// An item with a detail sheet has KPIs, and the sheet prints its number.
fn check_sheet(f: &mut Findings, p: &str, item: &Item, sheet: &Sheet, has_kpis: bool) {
    check_text(f, &format!("{p}.sheet.printed_title"), &sheet.printed_title);
    check_opt_text(f, &format!("{p}.sheet.situation"), &sheet.situation);
    check_opt_text(f, &format!("{p}.sheet.problems"), &sheet.problems);
    check_opt_text(f, &format!("{p}.sheet.measures"), &sheet.measures);
    if !has_kpis {
        f.error(format!("{p}.sheet"), format!("item {} has a detail sheet but no KPIs", item.id));
    }
    if sheet.printed_no != item.id && item.notes.is_empty() {
        f.error(
            format!("{p}.sheet.printed_no"),
            format!("the sheet prints {} for item {}; add a note that explains it", sheet.printed_no, item.id),
        );
    }
}
