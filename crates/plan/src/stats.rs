//! Counts of what a plan holds, as the CLI prints them and tests expect them.

use crate::model::Plan;
use std::fmt;

/// How much of each kind a plan holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub goals: usize,
    pub reforms: usize,
    pub items: usize,
    pub items_with_sheet: usize,
    pub departments: usize,
    pub kgis: usize,
    pub kpis: usize,
    /// Values with a target, as a number or in words.
    pub values_with_target: usize,
    /// Values with an actual, as a number or in words.
    pub values_with_actual: usize,
    pub schedule_rows: usize,
    pub evaluations: usize,
    /// Every note anywhere in the dataset.
    pub notes: usize,
}

impl Counts {
    pub fn of(plan: &Plan) -> Counts {
        let values = plan.kpis.iter().flat_map(|k| &k.values);
        let notes = plan.notes.len()
            + plan.goals.iter().map(|g| g.notes.len()).sum::<usize>()
            + plan.reforms.iter().map(|r| r.notes.len()).sum::<usize>()
            + plan.departments.iter().map(|d| d.notes.len()).sum::<usize>()
            + plan.kpi_list.iter().map(|e| e.notes.len()).sum::<usize>()
            + plan.items.iter().map(|i| i.notes.len()).sum::<usize>()
            + plan.kpis.iter().map(|k| k.notes.len() + k.values.iter().map(|v| v.notes.len()).sum::<usize>()).sum::<usize>()
            + plan.schedule.iter().map(|s| s.notes.len()).sum::<usize>()
            + plan.evaluations.iter().map(|e| e.notes.len()).sum::<usize>();
        Counts {
            goals: plan.goals.len(),
            reforms: plan.reforms.len(),
            items: plan.items.len(),
            items_with_sheet: plan.items.iter().filter(|i| i.sheet.is_some()).count(),
            departments: plan.departments.len(),
            kgis: plan.kgis.len(),
            kpis: plan.kpis.len(),
            values_with_target: values.clone().filter(|v| v.target.is_some() || v.target_label.is_some()).count(),
            values_with_actual: values.filter(|v| v.actual.is_some() || v.actual_label.is_some()).count(),
            schedule_rows: plan.schedule.len(),
            evaluations: plan.evaluations.len(),
            notes,
        }
    }
}

impl fmt::Display for Counts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let rows = [
            ("goals", self.goals),
            ("reforms", self.reforms),
            ("items", self.items),
            ("items with a sheet", self.items_with_sheet),
            ("departments", self.departments),
            ("KGIs", self.kgis),
            ("KPIs", self.kpis),
            ("values with a target", self.values_with_target),
            ("values with an actual", self.values_with_actual),
            ("schedule rows", self.schedule_rows),
            ("evaluations", self.evaluations),
            ("notes", self.notes),
        ];
        for (name, n) in rows {
            writeln!(f, "{name:>22}: {n}")?;
        }
        Ok(())
    }
}
