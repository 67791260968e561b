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
        values: values.iter().map(|&(fy, target, actual)| KpiValue::new(fy, target, actual)).collect(),
        reconstructed: vec![],
        notes: vec![],
    }
}
