//! The validator: everything a well-formed plan must also satisfy. Each
//! problem names where it is (`kpis[41].values[3].fy`) and what is wrong.
//!
//! One submodule per part of the plan, checked in the order [`validate`]
//! lists; the order of the problems it returns follows it.

mod evaluations;
mod fields;
mod items;
mod kpi_list;
mod kpis;
mod outline;
mod plan_info;
mod schedule;

use crate::model::{Plan, Quarter};
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

/// Validates a parsed plan. An empty result, or warnings only, means usable.
/// Errors come first, then warnings, each in the order below.
pub fn validate(plan: &Plan) -> Vec<Problem> {
    let mut f = Findings::default();
    let known = Known::of(plan);
    plan_info::check(&mut f, plan);
    check_ids_unique(&mut f, plan);
    outline::check(&mut f, plan, &known);
    kpi_list::check(&mut f, plan, &known);
    outline::check_reforms_used(&mut f, plan);
    items::check(&mut f, plan, &known);
    kpis::check(&mut f, plan, &known);
    schedule::check(&mut f, plan, &known);
    evaluations::check(&mut f, plan, &known);
    f.0.sort_by_key(|p| p.severity);
    f.0
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

/// The ids that references may point to, gathered once.
struct Known<'a> {
    goals: HashSet<u32>,
    reforms: HashSet<u32>,
    items: HashSet<u32>,
    kgis: HashSet<u32>,
    departments: HashSet<&'a str>,
    /// Every KPI as (item id, KPI number).
    kpis: HashSet<(u32, u32)>,
    /// The KPI numbers of each item that has KPIs.
    kpi_nos_by_item: HashMap<u32, HashSet<u32>>,
}

impl<'a> Known<'a> {
    fn of(plan: &'a Plan) -> Self {
        Known {
            goals: plan.goals.iter().map(|g| g.id).collect(),
            reforms: plan.reforms.iter().map(|r| r.id).collect(),
            items: plan.items.iter().map(|i| i.id).collect(),
            kgis: plan.kgis.iter().map(|k| k.id).collect(),
            departments: plan.departments.iter().map(|d| d.id.as_str()).collect(),
            kpis: plan.kpis.iter().map(|k| (k.item_id, k.no)).collect(),
            kpi_nos_by_item: plan.kpis.iter().fold(HashMap::new(), |mut m, k| {
                m.entry(k.item_id).or_default().insert(k.no);
                m
            }),
        }
    }

    /// Reports `item_id` at `path` unless the item exists.
    fn check_item(&self, f: &mut Findings, path: String, item_id: u32) {
        if !self.items.contains(&item_id) {
            f.error(path, format!("item {item_id} does not exist"));
        }
    }
}

/// The years values may fall in: from the baseline (or the first year, if
/// earlier) to the last year of the plan.
fn in_plan_years(plan: &Plan, fy: i32) -> bool {
    let info = &plan.plan;
    fy >= info.baseline_fy.min(info.first_fy) && fy <= info.last_fy
}

/// The message for a year outside [`in_plan_years`].
fn outside_plan_years(plan: &Plan, fy: i32) -> String {
    let info = &plan.plan;
    format!("{fy} is outside the plan's years {}–{}", info.baseline_fy.min(info.first_fy), info.last_fy)
}

/// Every id, and every name a department goes by, is used once.
fn check_ids_unique(f: &mut Findings, plan: &Plan) {
    check_unique(f, "goal id", plan.goals.iter().enumerate().map(|(i, g)| (format!("goals[{i}].id"), g.id)));
    check_unique(f, "reform id", plan.reforms.iter().enumerate().map(|(i, r)| (format!("reforms[{i}].id"), r.id)));
    check_unique(f, "item id", plan.items.iter().enumerate().map(|(i, it)| (format!("items[{i}].id"), it.id)));
    check_unique(f, "KGI id", plan.kgis.iter().enumerate().map(|(i, k)| (format!("kgis[{i}].id"), k.id)));
    check_unique(
        f,
        "department id",
        plan.departments.iter().enumerate().map(|(i, d)| (format!("departments[{i}].id"), format!("\"{}\"", d.id))),
    );
    check_unique(
        f,
        "department name or alias",
        plan.departments.iter().enumerate().flat_map(|(i, d)| {
            std::iter::once((format!("departments[{i}].name"), format!("\"{}\"", d.name))).chain(
                d.aliases.iter().enumerate().map(move |(j, a)| (format!("departments[{i}].aliases[{j}]"), format!("\"{a}\""))),
            )
        }),
    );
    check_unique(
        f,
        "KPI",
        plan.kpis.iter().enumerate().map(|(i, k)| (format!("kpis[{i}]"), format!("{} of item {}", k.no, k.item_id))),
    );
    check_unique(
        f,
        "evaluation",
        plan.evaluations.iter().enumerate().map(|(i, e)| (format!("evaluations[{i}]"), format!("of item {} for {}", e.item_id, e.fy))),
    );
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

/// The message for a result reported for a year the source has no results for.
fn after_results(fy: i32, through: i32) -> String {
    format!(
        "FY{fy} is after results_through_fy {through}, the last year the source reports results for; \
         set it to null and, if the source prints something there, quote it in a note \
         (or raise plan.results_through_fy if the source does report FY{fy})"
    )
}

/// A quarter is Q1–Q4 of a year from the plan's first to its last.
fn check_quarter(f: &mut Findings, path: &str, q: Quarter, first: i32, last: i32) {
    if !(1..=4).contains(&q.q) {
        f.error(format!("{path}.q"), format!("{} is not a quarter (1–4)", q.q));
    }
    if q.fy < first || q.fy > last {
        f.error(format!("{path}.fy"), format!("{} is outside the plan's years {first}–{last}", q.fy));
    }
}
