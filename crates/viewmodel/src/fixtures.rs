//! Small plans' parts for the crate's unit tests, written once.

use plan::{Direction, Kpi, KpiValue, Role};

/// A KPI with `(fy, target, actual)` per year, in 件, higher is better.
pub fn kpi(values: &[(i32, Option<f64>, Option<f64>)]) -> Kpi {
    Kpi {
        item_id: 1,
        no: 1,
        name: "k".into(),
        unit: Some("件".into()),
        kgi_id: None,
        role: Role::Objective,
        direction: Direction::Higher,
        cumulative: false,
        values: values
            .iter()
            .map(|&(fy, target, actual)| KpiValue {
                fy,
                target,
                actual,
                target_label: None,
                actual_label: None,
                stated_rate: None,
                reconstructed: vec![],
                notes: vec![],
            })
            .collect(),
        reconstructed: vec![],
        notes: vec![],
    }
}
