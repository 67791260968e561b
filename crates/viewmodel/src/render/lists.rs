//! The item list (one card per item, with a button that opens it) and the
//! department picker (checkboxes with counts, and chips for the chosen).

use super::{with_data_lang, department_names, item_heading, lead_departments_text, tally_badges};
use crate::aggregate::item_tally;
use crate::hooks;
use crate::html::{Attrs, Html, Markup};
use crate::i18n::Lang;
use plan::Plan;
use std::collections::HashMap;

/// Cards for `ids`, in that order. `fy` is the year of the results shown.
/// Each title is a button that opens the item; with `report_href` (a page
/// drawn before, or without, scripts) it is a link to the item in the
/// static report, opened outside the widget.
pub fn item_cards(plan: &Plan, ids: &[u32], fy: i32, lang: Lang, report_href: Option<&str>) -> Markup {
    let t = lang.t();
    let mut h = Html::new();
    if ids.is_empty() {
        return Markup::default();
    }
    h.open("ul", &[("class", "gk-items")]);
    for &id in ids {
        let Some(item) = plan.item(id) else { continue };
        let reform = plan.reform(item.reform_id);
        let goal = reform.and_then(|r| plan.goal(r.goal_id));
        let id_text = id.to_string();
        h.open("li", &[("class", "gk-item"), ("data-item-id", &id_text)]);
        h.open("h3", &[("class", "gk-item-title")]);
        let key = hooks::item_key(id);
        let opener = match report_href {
            None => {
                h.open("button", &[("type", "button"), ("class", "gk-item-open"), (hooks::OPEN_ITEM, &id_text), (hooks::KEY, &key)]);
                "button"
            }
            Some(report) => {
                let href = format!("{report}#item-{id}");
                let attrs = [("href", href.as_str()), ("target", "_blank"), ("rel", "noopener"), ("class", "gk-item-open"), (hooks::KEY, &key)];
                h.open("a", &attrs);
                "a"
            }
        };
        item_heading(&mut h, plan, item, lang);
        h.close(opener);
        h.close("h3");
        let path = format!(
            "{} › {}",
            goal.map(|g| format!("{} {}", g.id, g.title)).unwrap_or_default(),
            reform.map(|r| format!("{} {}", r.id, r.title)).unwrap_or_default()
        );
        h.el("p", &with_data_lang(&[("class", "gk-item-path")], lang), &path);
        h.el("p", &[("class", "gk-item-depts")], &format!("{}: {}", t.lead_departments, lead_departments_text(plan, item, lang)));
        if item.sheet.is_none() {
            h.el("p", &[("class", "gk-item-nosheet")], t.no_sheet);
        } else if plan.kpis.iter().any(|k| k.item_id == id) {
            h.open("p", &[("class", "gk-item-status")]).el("span", &[("class", "gk-fy")], &lang.fy(fy));
            tally_badges(&mut h, item_tally(plan, id, fy), lang);
            h.close("p");
        }
        h.close("li");
    }
    h.close("ul");
    h.finish()
}

/// A checkbox per department in `shown` (ticked if in `chosen`), with the
/// aliases the source uses and how many items it leads.
pub fn department_options(plan: &Plan, shown: &[String], chosen: &[String], counts: &HashMap<String, usize>) -> Markup {
    let mut h = Html::new();
    for id in shown {
        let Some(d) = plan.department(id) else { continue };
        let n = counts.get(id).copied().unwrap_or(0);
        h.open("label", &[("class", "gk-check gk-dept"), ("data-dept", id)]);
        let key = hooks::dept_key(id);
        let attrs = Attrs::new(&[("type", "checkbox"), (hooks::DEPT_TOGGLE, id), (hooks::KEY, &key)]).flag("checked", chosen.contains(id));
        h.void("input", &attrs);
        h.el("span", &[("class", "gk-dept-name")], &d.name);
        if !d.aliases.is_empty() {
            h.el("span", &[("class", "gk-alias")], &d.aliases.join("、"));
        }
        h.el("span", &[("class", "gk-count")], &n.to_string());
        h.close("label");
    }
    h.finish()
}

/// A removable chip per chosen department.
pub fn department_chips(plan: &Plan, chosen: &[String]) -> Markup {
    let mut h = Html::new();
    if chosen.is_empty() {
        return Markup::default();
    }
    h.open("ul", &[("class", "gk-chips")]);
    for id in chosen {
        let name = department_names(plan, std::slice::from_ref(id));
        h.open("li", &[])
            .open(
                "button",
                &[
                    ("type", "button"),
                    ("class", "gk-chip"),
                    (hooks::DEPT_REMOVE, id),
                    (hooks::KEY, &hooks::chip_key(id)),
                    ("aria-label", &format!("{name} ×")),
                ],
            )
            .text(&name)
            .el("span", &[("aria-hidden", "true")], " ×")
            .close("button")
            .close("li");
    }
    h.close("ul");
    h.finish()
}

/// `<option>`s for a `<select>`: the empty value first (labelled `all`),
/// then each (value, label); the one equal to `selected` is selected.
pub fn options(all: &str, choices: &[(String, String)], selected: &str) -> Markup {
    let mut h = Html::new();
    let first = std::iter::once((String::new(), all.to_string()));
    for (value, label) in first.chain(choices.iter().cloned()) {
        if value.is_empty() && all.is_empty() {
            continue;
        }
        h.el("option", &Attrs::new(&[("value", &value)]).flag("selected", value == selected), &label);
    }
    h.finish()
}
