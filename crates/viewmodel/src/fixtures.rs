//! Small plans' parts for the crate's unit tests, written once.

use plan::{Kpi, KpiValue};

/// A KPI with `(fy, target, actual)` per year, in 件, higher is better.
pub fn kpi(values: &[(i32, Option<f64>, Option<f64>)]) -> Kpi {
    Kpi::new(1, 1, "k", Some("件"), values.iter().map(|&(fy, target, actual)| KpiValue::new(fy, target, actual)).collect())
}
