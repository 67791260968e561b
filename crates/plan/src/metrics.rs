//! Achievement: the rate computed from a target and an actual, whether a
//! printed rate agrees with it, and whether a year's target was met.

use crate::model::{Direction, Kpi, KpiValue, Role};

/// How far (in percentage points) a printed rate may sit from the computed
/// one. The source rounds or truncates to whole percent.
pub const RATE_TOLERANCE: f64 = 1.0;

/// Achievement rate in percent: actual / target for higher-is-better,
/// target / actual for lower-is-better. `None` when either is missing or the
/// division is undefined.
///
/// ```
/// use plan::{metrics::achievement_rate, Direction};
/// assert_eq!(achievement_rate(Some(200.0), Some(150.0), Direction::Higher), Some(75.0));
/// assert_eq!(achievement_rate(Some(10.0), Some(20.0), Direction::Lower), Some(50.0));
/// assert_eq!(achievement_rate(Some(10.0), None, Direction::Higher), None);
/// ```
pub fn achievement_rate(target: Option<f64>, actual: Option<f64>, direction: Direction) -> Option<f64> {
    let (t, a) = (target?, actual?);
    let (num, den) = match direction {
        Direction::Higher => (a, t),
        Direction::Lower => (t, a),
    };
    if den == 0.0 || !num.is_finite() || !den.is_finite() {
        return None;
    }
    Some(num / den * 100.0)
}

/// Whether a printed rate matches a computed one within the source's rounding.
pub fn rate_agrees(stated: f64, computed: f64) -> bool {
    (stated - computed).abs() <= RATE_TOLERANCE + 1e-9
}

/// Whether one year of one KPI met its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    Met,
    Missed,
    /// The source lacks the target or the actual for that year.
    NoData,
    /// A year after the plan's last reported results (未評価): nothing is
    /// missing yet, the year has simply not been evaluated.
    NotEvaluated,
}

/// The status of one value. Where the source prints an achievement rate,
/// its judgement stands (100 % or more is met): the widget never replaces
/// a printed judgement with one recomputed from the numbers. Otherwise the
/// numbers decide; with neither, there is no data.
///
/// ```
/// use plan::{metrics::{status, Status}, Direction, KpiValue};
/// let mut v = KpiValue {
///     fy: 2021, target: Some(10.0), actual: Some(12.0), target_label: None, actual_label: None,
///     stated_rate: None, reconstructed: vec![], notes: vec![],
/// };
/// assert_eq!(status(&v, Direction::Lower), Status::Missed);
/// v.stated_rate = Some(120.0); // the source computed actual/target and called it met
/// assert_eq!(status(&v, Direction::Lower), Status::Met);
/// ```
pub fn status(value: &KpiValue, direction: Direction) -> Status {
    match value.stated_rate {
        Some(r) if r >= 100.0 => Status::Met,
        Some(_) => Status::Missed,
        None => from_numbers(value, direction),
    }
}

/// Met or missed by the target and the actual alone.
fn from_numbers(value: &KpiValue, direction: Direction) -> Status {
    match (value.target, value.actual) {
        (Some(t), Some(a)) => {
            let met = match direction {
                Direction::Higher => a >= t,
                Direction::Lower => a <= t,
            };
            if met {
                Status::Met
            } else {
                Status::Missed
            }
        }
        _ => Status::NoData,
    }
}

/// Whether the target and the actual judge the year otherwise than the
/// printed rate does. The printed judgement is shown; this flags it.
pub fn judgement_differs(value: &KpiValue, direction: Direction) -> bool {
    let numbers = from_numbers(value, direction);
    value.stated_rate.is_some() && numbers != Status::NoData && numbers != status(value, direction)
}

/// The status of a KPI in one fiscal year; reference indicators and years
/// without an entry have no data, years after `results_through_fy` are not
/// evaluated yet.
pub fn kpi_status(kpi: &Kpi, fy: i32, results_through_fy: Option<i32>) -> Status {
    if kpi.role != Role::Objective {
        return Status::NoData;
    }
    if results_through_fy.is_some_and(|last| fy > last) {
        return Status::NotEvaluated;
    }
    kpi.value(fy).map_or(Status::NoData, |v| status(v, kpi.direction))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(target: Option<f64>, actual: Option<f64>) -> KpiValue {
        KpiValue::new(2020, target, actual)
    }

    #[test]
    fn lower_is_better_inverts_the_rate() {
        let r = achievement_rate(Some(12.0), Some(15.0), Direction::Lower).unwrap();
        assert!((r - 80.0).abs() < 1e-9);
    }

    #[test]
    fn zero_denominator_has_no_rate() {
        assert_eq!(achievement_rate(Some(0.0), Some(3.0), Direction::Higher), None);
        assert_eq!(achievement_rate(Some(3.0), Some(0.0), Direction::Lower), None);
    }

    #[test]
    fn truncated_and_rounded_rates_agree() {
        assert!(rate_agrees(59.0, 58.87));
        assert!(rate_agrees(58.0, 58.87));
        assert!(!rate_agrees(57.0, 58.87));
    }

    #[test]
    fn missing_actual_is_no_data_not_missed() {
        assert_eq!(status(&value(Some(10.0), None), Direction::Higher), Status::NoData);
    }

    #[test]
    fn reaching_the_target_is_met_in_either_direction() {
        assert_eq!(status(&value(Some(10.0), Some(10.0)), Direction::Higher), Status::Met);
        assert_eq!(status(&value(Some(10.0), Some(9.0)), Direction::Higher), Status::Missed);
        assert_eq!(status(&value(Some(10.0), Some(9.0)), Direction::Lower), Status::Met);
    }

    #[test]
    fn a_printed_rate_decides_and_a_disagreement_is_flagged() {
        let mut v = value(Some(10.0), Some(12.0));
        assert_eq!(status(&v, Direction::Lower), Status::Missed);
        assert!(!judgement_differs(&v, Direction::Lower));
        v.stated_rate = Some(120.0);
        assert_eq!(status(&v, Direction::Lower), Status::Met, "the printed judgement stands");
        assert!(judgement_differs(&v, Direction::Lower));
        v.stated_rate = Some(83.0);
        assert_eq!(status(&v, Direction::Lower), Status::Missed);
        assert!(!judgement_differs(&v, Direction::Lower));
    }

    #[test]
    fn worded_targets_use_the_printed_rate() {
        let mut v = value(None, None);
        v.target_label = Some("期間内".into());
        v.actual_label = Some("公表".into());
        v.stated_rate = Some(100.0);
        assert_eq!(status(&v, Direction::Higher), Status::Met);
        v.stated_rate = None;
        assert_eq!(status(&v, Direction::Higher), Status::NoData);
    }
}
