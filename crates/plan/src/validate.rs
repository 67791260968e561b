//! The validator: everything a well-formed plan must also satisfy. Each
//! problem names where it is (`kpis[41].values[3].fy`) and what is wrong.

use crate::metrics::{achievement_rate, rate_agrees};
use crate::model::{is_department_id, NamedFields, Plan, Quarter, Role};
use std::collections::{HashMap, HashSet};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The dataset is inconsistent and must be fixed.
    Error,
    /// Worth a look, but explained by a note or harmless.
    Warning,
}

/// One finding of the validator.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub severity: Severity,
    /// Where, as a JSON path: `items[3].lead_departments[0]`.
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{level}: {}: {}", self.path, self.message)
    }
}

/// Collects problems while walking the plan.
#[derive(Default)]
struct Findings(Vec<Problem>);

impl Findings {
    fn error(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.0.push(Problem { severity: Severity::Error, path: path.into(), message: message.into() });
    }
    fn warning(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.0.push(Problem { severity: Severity::Warning, path: path.into(), message: message.into() });
    }
    /// An error, or only a warning when a note explains it.
    fn unless_noted(&mut self, noted: bool, path: String, message: String) {
        if noted {
            self.warning(path, format!("{message} (explained by a note)"));
        } else {
            self.error(path, format!("{message}; fix it or add a note that explains the source"));
        }
    }
}

/// Words that betray a value lost in some conversion.
const GARBAGE: [&str; 5] = ["NaN", "nan", "undefined", "null", "Infinity"];

fn check_text(f: &mut Findings, path: &str, text: &str) {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        f.error(path, "is empty; use null for text the source does not give");
    } else if GARBAGE.contains(&trimmed) {
        f.error(path, format!("is the placeholder \"{trimmed}\", not text from the source"));
    }
}

fn check_opt_text(f: &mut Findings, path: &str, text: &Option<String>) {
    if let Some(t) = text {
        check_text(f, path, t);
    }
}

/// Reports ids that occur more than once.
fn check_unique<K: std::hash::Hash + Eq + fmt::Display>(
    f: &mut Findings,
    what: &str,
    keys: impl Iterator<Item = (String, K)>,
) {
    let mut seen: HashMap<K, String> = HashMap::new();
    for (path, key) in keys {
        if let Some(first) = seen.get(&key) {
            f.error(path, format!("duplicate {what} {key}, first used at {first}"));
        } else {
            seen.insert(key, path);
        }
    }
}

/// Validates a parsed plan. An empty result, or warnings only, means usable.
pub fn validate(plan: &Plan) -> Vec<Problem> {
    let mut f = Findings::default();
    let info = &plan.plan;
    let (first, last, base) = (info.first_fy, info.last_fy, info.baseline_fy);
    let years = format!("{}–{}", base.min(first), last);
    let in_plan = |fy: i32| fy >= base.min(first) && fy <= last;

    check_text(&mut f, "plan.title", &info.title);
    check_text(&mut f, "plan.organisation", &info.organisation);
    check_text(&mut f, "plan.source", &info.source);
    check_text(&mut f, "plan.as_of", &info.as_of);
    if first > last {
        f.error("plan.first_fy", format!("{first} is after plan.last_fy {last}"));
    }
    if base > first {
        f.error("plan.baseline_fy", format!("{base} is after plan.first_fy {first}"));
    }
    let starred: Vec<String> = plan.items.iter().filter(|i| i.star).map(|i| i.id.to_string()).collect();
    if info.star_label.is_none() && !starred.is_empty() {
        f.error(
            "plan.star_label",
            format!("items {} carry ★ but the plan does not say what ★ means; set star_label as the source words it", starred.join(", ")),
        );
    }
    if let Some(url) = &info.source_url {
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            f.error("plan.source_url", format!("\"{url}\" is not a web address; give the http(s) address of the published source, or null"));
        }
    }
    if let Some(fy) = info.results_through_fy {
        if !in_plan(fy) {
            f.error("plan.results_through_fy", format!("{fy} is outside the plan's years {years}"));
        }
    }
    for (name, q) in [("schedule_from", info.schedule_from), ("schedule_to", info.schedule_to)] {
        check_quarter(&mut f, &format!("plan.{name}"), q, first, last);
    }
    if info.schedule_from > info.schedule_to {
        f.error("plan.schedule_from", "is after plan.schedule_to");
    }

    check_unique(&mut f, "goal id", plan.goals.iter().enumerate().map(|(i, g)| (format!("goals[{i}].id"), g.id)));
    check_unique(&mut f, "reform id", plan.reforms.iter().enumerate().map(|(i, r)| (format!("reforms[{i}].id"), r.id)));
    check_unique(&mut f, "item id", plan.items.iter().enumerate().map(|(i, it)| (format!("items[{i}].id"), it.id)));
    check_unique(&mut f, "KGI id", plan.kgis.iter().enumerate().map(|(i, k)| (format!("kgis[{i}].id"), k.id)));
    check_unique(
        &mut f,
        "department id",
        plan.departments.iter().enumerate().map(|(i, d)| (format!("departments[{i}].id"), format!("\"{}\"", d.id))),
    );
    check_unique(
        &mut f,
        "department name or alias",
        plan.departments.iter().enumerate().flat_map(|(i, d)| {
            std::iter::once((format!("departments[{i}].name"), format!("\"{}\"", d.name))).chain(
                d.aliases.iter().enumerate().map(move |(j, a)| (format!("departments[{i}].aliases[{j}]"), format!("\"{a}\""))),
            )
        }),
    );
    check_unique(
        &mut f,
        "KPI",
        plan.kpis.iter().enumerate().map(|(i, k)| (format!("kpis[{i}]"), format!("{} of item {}", k.no, k.item_id))),
    );
    check_unique(
        &mut f,
        "evaluation",
        plan.evaluations.iter().enumerate().map(|(i, e)| (format!("evaluations[{i}]"), format!("of item {} for {}", e.item_id, e.fy))),
    );

    let goal_ids: HashSet<u32> = plan.goals.iter().map(|g| g.id).collect();
    let reform_ids: HashSet<u32> = plan.reforms.iter().map(|r| r.id).collect();
    let item_ids: HashSet<u32> = plan.items.iter().map(|i| i.id).collect();
    let kgi_ids: HashSet<u32> = plan.kgis.iter().map(|k| k.id).collect();
    let dept_ids: HashSet<&str> = plan.departments.iter().map(|d| d.id.as_str()).collect();
    let kpi_keys: HashSet<(u32, u32)> = plan.kpis.iter().map(|k| (k.item_id, k.no)).collect();

    if plan.goals.is_empty() {
        f.error("goals", "the plan has no goals");
    }
    if plan.items.is_empty() {
        f.error("items", "the plan has no items");
    }
    for (i, g) in plan.goals.iter().enumerate() {
        check_text(&mut f, &format!("goals[{i}].title"), &g.title);
    }
    for (i, r) in plan.reforms.iter().enumerate() {
        check_text(&mut f, &format!("reforms[{i}].title"), &r.title);
        if !goal_ids.contains(&r.goal_id) {
            f.error(format!("reforms[{i}].goal_id"), format!("goal {} does not exist", r.goal_id));
        }
    }
    for (i, d) in plan.departments.iter().enumerate() {
        check_text(&mut f, &format!("departments[{i}].name"), &d.name);
        if !is_department_id(&d.id) {
            f.error(format!("departments[{i}].id"), format!("\"{}\" must be lowercase ASCII letters, digits and '-'", d.id));
        }
    }
    for (i, k) in plan.kgis.iter().enumerate() {
        check_text(&mut f, &format!("kgis[{i}].title"), &k.title);
        check_text(&mut f, &format!("kgis[{i}].indicator"), &k.indicator);
    }
    for (i, e) in plan.kpi_list.iter().enumerate() {
        check_text(&mut f, &format!("kpi_list[{i}].name"), &e.name);
        if !item_ids.contains(&e.item_id) {
            f.error(format!("kpi_list[{i}].item_id"), format!("item {} does not exist", e.item_id));
        }
        for (j, r) in e.kpis.iter().enumerate() {
            if !kpi_keys.contains(&(r.item_id, r.no)) {
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
        check_reconstructed(&mut f, &format!("kpi_list[{i}]"), e, &e.reconstructed, !e.notes.is_empty());
    }

    let used_reforms: HashSet<u32> = plan.items.iter().map(|i| i.reform_id).collect();
    for (i, r) in plan.reforms.iter().enumerate() {
        if !used_reforms.contains(&r.id) {
            f.warning(format!("reforms[{i}]"), format!("reform {} has no items", r.id));
        }
    }

    let items_with_kpis: HashSet<u32> = plan.kpis.iter().map(|k| k.item_id).collect();
    for (i, item) in plan.items.iter().enumerate() {
        let p = format!("items[{i}]");
        check_text(&mut f, &format!("{p}.title"), &item.title);
        check_opt_text(&mut f, &format!("{p}.note"), &item.note);
        if !reform_ids.contains(&item.reform_id) {
            f.error(format!("{p}.reform_id"), format!("reform {} does not exist", item.reform_id));
        }
        if item.lead_departments.is_empty() && !item.missing.iter().any(|m| m == "lead_departments") {
            f.error(
                format!("{p}.lead_departments"),
                "an item needs at least one lead department; if the source's value was lost in extraction, \
                 list \"lead_departments\" in the item's `missing` and say so in a note",
            );
        }
        check_missing(&mut f, &p, item, &item.missing, !item.notes.is_empty());
        check_reconstructed(&mut f, &p, item, &item.reconstructed, !item.notes.is_empty());
        for (field, list) in [("lead_departments", &item.lead_departments), ("related_departments", &item.related_departments)] {
            for (j, d) in list.iter().enumerate() {
                if !dept_ids.contains(d.as_str()) {
                    f.error(format!("{p}.{field}[{j}]"), format!("department \"{d}\" does not exist"));
                }
            }
        }
        for (j, o) in item.related_other.iter().enumerate() {
            check_text(&mut f, &format!("{p}.related_other[{j}]"), o);
        }
        match &item.sheet {
            Some(sheet) => {
                check_text(&mut f, &format!("{p}.sheet.printed_title"), &sheet.printed_title);
                check_opt_text(&mut f, &format!("{p}.sheet.situation"), &sheet.situation);
                check_opt_text(&mut f, &format!("{p}.sheet.problems"), &sheet.problems);
                check_opt_text(&mut f, &format!("{p}.sheet.measures"), &sheet.measures);
                if !items_with_kpis.contains(&item.id) {
                    f.error(format!("{p}.sheet"), format!("item {} has a detail sheet but no KPIs", item.id));
                }
                if sheet.printed_no != item.id && item.notes.is_empty() {
                    f.error(
                        format!("{p}.sheet.printed_no"),
                        format!("the sheet prints {} for item {}; add a note that explains it", sheet.printed_no, item.id),
                    );
                }
            }
            None if items_with_kpis.contains(&item.id) => {
                f.error(format!("{p}.sheet"), format!("item {} has KPIs but no detail sheet", item.id));
            }
            None => {}
        }
    }

    for (i, kpi) in plan.kpis.iter().enumerate() {
        let p = format!("kpis[{i}]");
        check_text(&mut f, &format!("{p}.name"), &kpi.name);
        check_opt_text(&mut f, &format!("{p}.unit"), &kpi.unit);
        if !item_ids.contains(&kpi.item_id) {
            f.error(format!("{p}.item_id"), format!("item {} does not exist", kpi.item_id));
        }
        if kpi.no == 0 {
            f.error(format!("{p}.no"), "KPI numbers start at 1 (①)");
        }
        if let Some(k) = kpi.kgi_id {
            if !kgi_ids.contains(&k) {
                f.error(format!("{p}.kgi_id"), format!("KGI {k} does not exist"));
            }
        }
        check_unique(&mut f, "fiscal year", kpi.values.iter().enumerate().map(|(j, v)| (format!("{p}.values[{j}].fy"), v.fy)));
        let kpi_noted = !kpi.notes.is_empty();
        check_reconstructed(&mut f, &p, kpi, &kpi.reconstructed, kpi_noted);
        for (j, v) in kpi.values.iter().enumerate() {
            let vp = format!("{p}.values[{j}]");
            let noted = kpi_noted || !v.notes.is_empty();
            check_reconstructed(&mut f, &vp, v, &v.reconstructed, noted);
            if let Some(through) = info.results_through_fy.filter(|t| v.fy > *t) {
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
            if !in_plan(v.fy) {
                f.error(format!("{vp}.fy"), format!("{} is outside the plan's years {years}", v.fy));
            }
            for (name, n) in [("target", v.target), ("actual", v.actual), ("stated_rate", v.stated_rate)] {
                if n.is_some_and(|x| !x.is_finite()) {
                    f.error(format!("{vp}.{name}"), "is not a finite number");
                }
            }
            if v.stated_rate.is_some_and(|r| r < 0.0) {
                f.error(format!("{vp}.stated_rate"), "an achievement rate cannot be negative");
            }
            check_opt_text(&mut f, &format!("{vp}.target_label"), &v.target_label);
            check_opt_text(&mut f, &format!("{vp}.actual_label"), &v.actual_label);
            if kpi.role == Role::Reference && (v.target.is_some() || v.target_label.is_some()) && !noted {
                f.warning(format!("{vp}.target"), "a reference indicator (参考指標) with a target");
            }
            if let Some(stated) = v.stated_rate {
                let worded = v.target_label.is_some() || v.actual_label.is_some();
                match achievement_rate(v.target, v.actual, kpi.direction) {
                    Some(computed) if !rate_agrees(stated, computed) => f.unless_noted(
                        noted,
                        format!("{vp}.stated_rate"),
                        format!(
                            "the source prints {stated}% but {} gives {computed:.1}%",
                            match kpi.direction {
                                crate::Direction::Higher => "actual / target (higher is better)",
                                crate::Direction::Lower => "target / actual (lower is better)",
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
        }
    }

    let kpi_nos_by_item: HashMap<u32, HashSet<u32>> = plan.kpis.iter().fold(HashMap::new(), |mut m, k| {
        m.entry(k.item_id).or_default().insert(k.no);
        m
    });
    for (i, row) in plan.schedule.iter().enumerate() {
        let p = format!("schedule[{i}]");
        check_text(&mut f, &format!("{p}.activity"), &row.activity);
        check_reconstructed(&mut f, &p, row, &row.reconstructed, !row.notes.is_empty());
        if !item_ids.contains(&row.item_id) {
            f.error(format!("{p}.item_id"), format!("item {} does not exist", row.item_id));
        }
        let nos = kpi_nos_by_item.get(&row.item_id);
        for (j, no) in row.kpi_nos.iter().enumerate() {
            if !nos.is_some_and(|s| s.contains(no)) {
                f.unless_noted(
                    !row.notes.is_empty(),
                    format!("{p}.kpi_nos[{j}]"),
                    format!("item {} has no KPI {no}", row.item_id),
                );
            }
        }
        for (name, quarters) in [("plan", &row.plan), ("result", &row.result)] {
            for (j, q) in quarters.iter().flatten().enumerate() {
                let qp = format!("{p}.{name}[{j}]");
                check_quarter(&mut f, &qp, *q, first, last);
                if *q < info.schedule_from || *q > info.schedule_to {
                    f.error(qp, "is outside the schedule's quarters");
                }
            }
        }
    }

    for (i, e) in plan.evaluations.iter().enumerate() {
        let p = format!("evaluations[{i}]");
        if !item_ids.contains(&e.item_id) {
            f.error(format!("{p}.item_id"), format!("item {} does not exist", e.item_id));
        }
        if e.fy < first || e.fy > last {
            f.error(format!("{p}.fy"), format!("{} is outside the plan's years {first}–{last}", e.fy));
        }
        match (e.achieved, e.total) {
            (Some(a), Some(t)) if a > t => {
                f.error(format!("{p}.achieved"), format!("{a} achieved is more than the total {t}"))
            }
            (Some(_), None) => f.error(format!("{p}.total"), "achieved is given without a total"),
            _ => {}
        }
        check_opt_text(&mut f, &format!("{p}.factors"), &e.factors);
        check_opt_text(&mut f, &format!("{p}.issues"), &e.issues);
        check_opt_text(&mut f, &format!("{p}.response"), &e.response);
        if let Some(through) = info.results_through_fy.filter(|t| e.fy > *t) {
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

    f.0.sort_by(|a, b| a.severity.cmp(&b.severity));
    f.0
}

/// The message for a result reported for a year the source has no results for.
fn after_results(fy: i32, through: i32) -> String {
    format!(
        "FY{fy} is after results_through_fy {through}, the last year the source reports results for; \
         set it to null and, if the source prints something there, quote it in a note \
         (or raise plan.results_through_fy if the source does report FY{fy})"
    )
}

/// `reconstructed` must name fields of its object, each once, each holding
/// a value, and a note must say how the values were reconstructed.
fn check_reconstructed<T: NamedFields>(f: &mut Findings, path: &str, obj: &T, names: &[String], noted: bool) {
    check_field_names(f, &format!("{path}.reconstructed"), obj, names, true);
    if !names.is_empty() && !noted {
        f.error(format!("{path}.reconstructed"), "add a note that says how these values were reconstructed");
    }
}

/// `missing` must name fields of the item, each once, each empty, and a
/// note must say what was lost.
fn check_missing<T: NamedFields>(f: &mut Findings, path: &str, obj: &T, names: &[String], noted: bool) {
    check_field_names(f, &format!("{path}.missing"), obj, names, false);
    if !names.is_empty() && !noted {
        f.error(format!("{path}.missing"), "add a note that says what the extraction lost");
    }
}

/// Each name is a field of `obj`, listed once; `hold_values` says whether the
/// named fields must hold a value (`reconstructed`) or be empty (`missing`).
fn check_field_names<T: NamedFields>(f: &mut Findings, path: &str, obj: &T, names: &[String], hold_values: bool) {
    for (j, name) in names.iter().enumerate() {
        let np = format!("{path}[{j}]");
        if names[..j].contains(name) {
            f.error(np, format!("\"{name}\" is listed twice"));
            continue;
        }
        match obj.field_is_empty(name) {
            None => f.error(np, format!("\"{name}\" is not a field of this object; expected one of {}", T::FIELDS.join(", "))),
            Some(true) if hold_values => {
                f.error(np, format!("\"{name}\" is null or empty here, so nothing was reconstructed; remove it"))
            }
            Some(false) if !hold_values => {
                f.error(np, format!("\"{name}\" has a value here, so it was not lost; remove it from `missing`"))
            }
            Some(_) => {}
        }
    }
}

fn check_quarter(f: &mut Findings, path: &str, q: Quarter, first: i32, last: i32) {
    if !(1..=4).contains(&q.q) {
        f.error(format!("{path}.q"), format!("{} is not a quarter (1–4)", q.q));
    }
    if q.fy < first || q.fy > last {
        f.error(format!("{path}.fy"), format!("{} is outside the plan's years {first}–{last}", q.fy));
    }
}
