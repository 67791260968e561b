//! Summaries for the overview: per goal and fiscal year, how many objective
//! KPIs met their target, missed it, or have no data; per item, the same for
//! one year.

use plan::metrics::{kpi_status, Status};
use plan::{Plan, Role};
use std::collections::HashMap;

/// Met / missed / no-data / not-yet-evaluated counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    pub met: usize,
    pub missed: usize,
    pub no_data: usize,
    pub not_evaluated: usize,
}

impl Tally {
    pub fn add(&mut self, s: Status) {
        match s {
            Status::Met => self.met += 1,
            Status::Missed => self.missed += 1,
            Status::NoData => self.no_data += 1,
            Status::NotEvaluated => self.not_evaluated += 1,
        }
    }

    /// The counts of two tallies together.
    pub fn plus(self, o: Tally) -> Tally {
        Tally {
            met: self.met + o.met,
            missed: self.missed + o.missed,
            no_data: self.no_data + o.no_data,
            not_evaluated: self.not_evaluated + o.not_evaluated,
        }
    }

    /// A year with no result reported yet: shown as 未評価, not as zeros.
    pub fn is_not_evaluated(&self) -> bool {
        self.not_evaluated > 0 && self.met + self.missed + self.no_data == 0
    }
}

/// One goal's numbers for the overview.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalSummary {
    pub goal_id: u32,
    pub reforms: usize,
    pub items: usize,
    /// Objective-KPI tallies per fiscal year of the plan, in year order.
    pub by_year: Vec<(i32, Tally)>,
}

/// The overview: one summary per goal, in plan order.
pub fn goal_summaries(plan: &Plan) -> Vec<GoalSummary> {
    let goal_of_reform: HashMap<u32, u32> = plan.reforms.iter().map(|r| (r.id, r.goal_id)).collect();
    let goal_of_item: HashMap<u32, u32> =
        plan.items.iter().filter_map(|i| goal_of_reform.get(&i.reform_id).map(|g| (i.id, *g))).collect();
    plan.goals
        .iter()
        .map(|g| {
            let kpis: Vec<_> = plan
                .kpis
                .iter()
                .filter(|k| k.role == Role::Objective && goal_of_item.get(&k.item_id) == Some(&g.id))
                .collect();
            let by_year = (plan.plan.first_fy..=plan.plan.last_fy)
                .map(|fy| {
                    let mut t = Tally::default();
                    for k in &kpis {
                        t.add(kpi_status(k, fy, plan.plan.results_through_fy));
                    }
                    (fy, t)
                })
                .collect();
            GoalSummary {
                goal_id: g.id,
                reforms: plan.reforms.iter().filter(|r| r.goal_id == g.id).count(),
                items: goal_of_item.values().filter(|x| **x == g.id).count(),
                by_year,
            }
        })
        .collect()
}

/// One item's objective-KPI tally for one year.
pub fn item_tally(plan: &Plan, item_id: u32, fy: i32) -> Tally {
    let mut t = Tally::default();
    for k in plan.kpis.iter().filter(|k| k.item_id == item_id && k.role == Role::Objective) {
        t.add(kpi_status(k, fy, plan.plan.results_through_fy));
    }
    t
}

/// The latest fiscal year with any actual, the natural default for summaries.
pub fn latest_year_with_results(plan: &Plan) -> i32 {
    plan.plan.results_through_fy.unwrap_or_else(|| {
        plan.kpis
            .iter()
            .flat_map(|k| &k.values)
            .filter(|v| v.actual.is_some() || v.actual_label.is_some())
            .map(|v| v.fy)
            .filter(|fy| *fy >= plan.plan.first_fy)
            .max()
            .unwrap_or(plan.plan.first_fy)
    })
}
