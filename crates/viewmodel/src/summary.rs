//! A KPI chart in one sentence, the first thing a screen reader says of it
//! and the line shown under its title: the latest year with an actual
//! (target, actual, rate, judgement) and how the actuals moved.
//!
//! Every figure is written by the same functions as the table and the
//! tooltips (`format::value`, `chart::rate_text`, the column's `Status`), so
//! the sentence cannot disagree with them. Nothing unknown is guessed: no
//! actual, words instead of numbers, a single year or a missing target
//! are said as such.

use crate::chart::{rate_text, ChartGeometry, Column};
use crate::format;
use crate::i18n::Lang;
use plan::metrics::Status;
use plan::Direction;

/// Actuals within this share of the first one (±5 %) are flat.
pub const FLAT_WITHIN: f64 = 0.05;

/// Which way the actuals moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trend {
    Rising,
    Flat,
    Falling,
}

/// How the actuals moved from the first evaluated year with a numeric
/// actual to the last: the two are compared, the years between are not.
/// Flat when the last is within [`FLAT_WITHIN`] of the first (of its size;
/// from zero, only zero is flat). `None` with fewer than two such years.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrendSpan {
    pub from: i32,
    pub to: i32,
    pub trend: Trend,
}

/// Whether a column has an actual that counts: in numbers or in words, in a
/// year that has been evaluated.
fn has_actual(c: &Column) -> bool {
    c.status != Status::NotEvaluated && (c.actual.is_some() || c.actual_label.is_some())
}

/// The trend of the evaluated numeric actuals (see [`TrendSpan`]).
///
/// ```
/// use plan::{Direction, Kpi, KpiValue, Role};
/// use viewmodel::{chart::layout, i18n::Lang, summary::{trend, Trend}};
/// let actual = |fy, a| KpiValue::new(fy, None, Some(a));
/// let kpi = Kpi {
///     item_id: 1, no: 1, name: "k".into(), unit: None, kgi_id: None, role: Role::Objective,
///     direction: Direction::Higher, cumulative: false, reconstructed: vec![], notes: vec![],
///     values: vec![actual(2020, 100.0), actual(2022, 104.0)],
/// };
/// // 100 in FY2020, 104 in FY2022: within 5 %.
/// let g = layout(&kpi, 2020, 2022, None, Lang::Ja);
/// let span = trend(&g.columns).unwrap();
/// assert_eq!((span.from, span.to, span.trend), (2020, 2022, Trend::Flat));
/// ```
pub fn trend(columns: &[Column]) -> Option<TrendSpan> {
    let mut numeric = columns.iter().filter(|c| has_actual(c)).filter_map(|c| c.actual.map(|a| (c.fy, a)));
    let (from, first) = numeric.next()?;
    let (to, last) = numeric.next_back()?;
    let trend = if (last - first).abs() <= FLAT_WITHIN * first.abs() {
        Trend::Flat
    } else if last > first {
        Trend::Rising
    } else {
        Trend::Falling
    };
    Some(TrendSpan { from, to, trend })
}

/// The chart in one sentence (ja: 。-separated clauses).
///
/// ```text
/// 令和5年度 目標15,000,000回に対し実績39,257,498回(達成率261.7%)、達成。令和2年度から4年間で増加。
/// FY2023 (R5): actual 39,257,498回 against a target of 15,000,000回 (achievement 261.7%), met; rising over 4 years from FY2020 (R2).
/// ```
pub fn chart_summary(g: &ChartGeometry, unit: Option<&str>, direction: Direction, lang: Lang) -> String {
    let t = lang.t();
    let with_actual: Vec<&Column> = g.columns.iter().filter(|c| has_actual(c)).collect();
    let Some(latest) = with_actual.last() else {
        return fill(t.sentence, &[("a", t.summary_no_actual)]);
    };
    let first = latest_year(latest, unit, lang);
    let second = match trend(&g.columns) {
        _ if with_actual.len() == 1 => Some(t.summary_one_year.to_string()),
        Some(span) => Some(trend_clause(span, direction, lang)),
        // Actuals in words only: no trend to tell.
        None => None,
    };
    match second {
        Some(b) => fill(t.sentence_two, &[("a", &first), ("b", &b)]),
        None => fill(t.sentence, &[("a", &first)]),
    }
}

/// 令和5年度 目標…に対し実績…(達成率…)、達成
fn latest_year(c: &Column, unit: Option<&str>, lang: Lang) -> String {
    let t = lang.t();
    let value = |n: Option<f64>, label: &Option<String>| format::value(n, label.as_deref(), unit, lang);
    let rate = rate_text(c, lang).map(|r| fill(t.summary_rate, &[("rate", &r)])).unwrap_or_default();
    let has_target = c.target.is_some() || c.target_label.is_some();
    let mut status = match c.status {
        Status::Met => t.summary_met.to_string(),
        Status::Missed => t.summary_missed.to_string(),
        // With no target, "no target given" already says why.
        _ if has_target => t.summary_not_judged.to_string(),
        _ => String::new(),
    };
    if c.judgement_differs {
        status.push_str(t.summary_by_printed_rate);
    }
    let fy = lang.fy(c.fy);
    let actual = value(c.actual, &c.actual_label);
    if has_target {
        let target = value(c.target, &c.target_label);
        fill(t.summary_against, &[("fy", &fy), ("target", &target), ("actual", &actual), ("rate", &rate), ("status", &status)])
    } else {
        fill(t.summary_no_target, &[("fy", &fy), ("actual", &actual), ("rate", &rate), ("status", &status)])
    }
}

/// 令和2年度から4年間で増加; a lower-is-better KPI adds what the move means.
fn trend_clause(span: TrendSpan, direction: Direction, lang: Lang) -> String {
    let t = lang.t();
    let mut words = match span.trend {
        Trend::Rising => t.trend_rising.to_string(),
        Trend::Flat => t.trend_flat.to_string(),
        Trend::Falling => t.trend_falling.to_string(),
    };
    match (direction, span.trend) {
        (Direction::Lower, Trend::Falling) => words.push_str(t.trend_improving),
        (Direction::Lower, Trend::Rising) => words.push_str(t.trend_worsening),
        _ => {}
    }
    let years = (span.to - span.from + 1).to_string();
    fill(t.summary_trend, &[("from", &lang.fy(span.from)), ("years", &years), ("trend", &words)])
}

/// Puts `values` into the `{key}`s of `template` in one pass, so that data
/// text that happens to contain braces is never taken for a placeholder.
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let known = after.find('}').and_then(|close| values.iter().find(|(k, _)| *k == &after[..close]).map(|(_, v)| (close, v)));
        match known {
            Some((close, v)) => {
                out.push_str(v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::layout;
    use crate::fixtures::kpi;
    use plan::Kpi;

    /// The sentence over FY2019–FY2024 with results through `through`.
    fn say(k: &Kpi, through: Option<i32>, lang: Lang) -> String {
        chart_summary(&layout(k, 2019, 2024, through, lang), k.unit.as_deref(), k.direction, lang)
    }

    #[test]
    fn a_met_target_is_said_with_both_numbers_the_rate_and_the_trend() {
        let k = kpi(&[(2020, Some(1_000.0), Some(400.0)), (2021, Some(1_000.0), Some(800.0)), (2022, Some(1_000.0), Some(1_250.0))]);
        assert_eq!(say(&k, None, Lang::Ja), "令和4年度 目標1,000件に対し実績1,250件(達成率125%)、達成。令和2年度から3年間で増加。");
        assert_eq!(
            say(&k, None, Lang::En),
            "FY2022 (R4): actual 1,250件 against a target of 1,000件 (achievement 125%), met; rising over 3 years from FY2020 (R2)."
        );
    }

    #[test]
    fn a_missed_target_is_said_missed_with_its_rate() {
        let k = kpi(&[(2020, Some(14.1), Some(8.3)), (2021, Some(32.1), Some(8.0))]);
        assert_eq!(say(&k, None, Lang::Ja), "令和3年度 目標32.1件に対し実績8件(達成率24.9%)、未達成。令和2年度から2年間で横ばい。");
        assert!(say(&k, None, Lang::En).starts_with("FY2021 (R3): actual 8件 against a target of 32.1件 (achievement 24.9%), missed; flat over 2 years"));
    }

    #[test]
    fn the_printed_rate_decides_and_is_shown_where_it_differs() {
        let mut k = kpi(&[(2021, Some(20.0), Some(67.0))]);
        k.values[0].stated_rate = Some(35.0);
        assert_eq!(say(&k, None, Lang::Ja), "令和3年度 目標20件に対し実績67件(達成率335% (資料記載 35%))、未達成(資料記載の達成率による)。実績は1年度分のみ。");
    }

    #[test]
    fn without_any_actual_nothing_is_made_up() {
        let k = kpi(&[(2020, Some(10.0), None), (2021, Some(20.0), None)]);
        assert_eq!(say(&k, None, Lang::Ja), "実績なし。");
        assert_eq!(say(&k, None, Lang::En), "No actual yet.");
        assert_eq!(say(&kpi(&[]), None, Lang::Ja), "実績なし。");
    }

    #[test]
    fn targets_and_actuals_in_words_are_quoted_and_not_judged_without_a_printed_rate() {
        let mut k = kpi(&[(2022, None, Some(-115.0)), (2023, None, None)]);
        k.unit = Some("億円".into());
        k.values[1].target_label = Some("黒字化".into());
        k.values[1].actual_label = Some("黒字".into());
        assert_eq!(say(&k, None, Lang::Ja), "令和5年度 目標黒字化に対し実績黒字、達成の判定なし。");
        assert_eq!(say(&k, None, Lang::En), "FY2023 (R5): actual 黒字 against a target of 黒字化, not judged.");
        k.values[1].stated_rate = Some(100.0);
        assert_eq!(say(&k, None, Lang::Ja), "令和5年度 目標黒字化に対し実績黒字(達成率100% (資料記載))、達成。");
    }

    #[test]
    fn lower_is_better_says_whether_the_move_is_an_improvement() {
        let mut k = kpi(&[(2020, Some(10.0), Some(14.0)), (2023, Some(10.0), Some(12.5))]);
        k.direction = Direction::Lower;
        k.unit = Some("時間".into());
        assert_eq!(say(&k, None, Lang::Ja), "令和5年度 目標10時間に対し実績12.5時間(達成率80%)、未達成。令和2年度から4年間で減少(改善)。");
        assert!(say(&k, None, Lang::En).ends_with("missed; falling (improving) over 4 years from FY2020 (R2)."));
        k.values[1].actual = Some(16.0);
        assert!(say(&k, None, Lang::Ja).ends_with("令和2年度から4年間で増加(悪化)。"));
        assert!(say(&k, None, Lang::En).ends_with("rising (worsening) over 4 years from FY2020 (R2)."));
    }

    #[test]
    fn a_single_year_has_no_trend() {
        let k = kpi(&[(2021, Some(5.0), Some(5.0))]);
        assert_eq!(say(&k, None, Lang::Ja), "令和3年度 目標5件に対し実績5件(達成率100%)、達成。実績は1年度分のみ。");
        assert_eq!(say(&k, None, Lang::En), "FY2021 (R3): actual 5件 against a target of 5件 (achievement 100%), met; only one year has an actual.");
    }

    #[test]
    fn years_after_the_last_results_are_not_read_as_actuals() {
        // FY2024's actual is past results_through_fy (2023): not yet evaluated.
        let k = kpi(&[(2022, Some(10.0), Some(12.0)), (2023, Some(10.0), Some(9.0)), (2024, Some(10.0), Some(30.0))]);
        assert_eq!(say(&k, Some(2023), Lang::Ja), "令和5年度 目標10件に対し実績9件(達成率90%)、未達成。令和4年度から2年間で減少。");
        assert!(say(&k, None, Lang::Ja).starts_with("令和6年度"), "without a limit every year counts");
    }

    #[test]
    fn a_year_without_a_target_says_so() {
        let k = kpi(&[(2020, None, Some(100.0)), (2023, None, Some(80.0))]);
        assert_eq!(say(&k, None, Lang::Ja), "令和5年度 実績80件(目標の記載なし)。令和2年度から4年間で減少。");
        assert_eq!(say(&k, None, Lang::En), "FY2023 (R5): actual 80件 (no target given); falling over 4 years from FY2020 (R2).");
    }

    #[test]
    fn actuals_in_words_only_have_no_trend() {
        let mut k = kpi(&[(2020, None, None), (2021, None, None)]);
        k.values[0].actual_label = Some("公表".into());
        k.values[1].actual_label = Some("公表".into());
        assert_eq!(say(&k, None, Lang::Ja), "令和3年度 実績公表(目標の記載なし)。");
    }

    #[test]
    fn flat_is_within_five_percent_of_the_first_actual() {
        let span = |first: f64, last: f64| trend(&layout(&kpi(&[(2020, None, Some(first)), (2021, None, Some(last))]), 2020, 2021, None, Lang::Ja).columns).map(|s| s.trend);
        assert_eq!(span(100.0, 105.0), Some(Trend::Flat));
        assert_eq!(span(100.0, 95.0), Some(Trend::Flat));
        assert_eq!(span(100.0, 105.5), Some(Trend::Rising));
        assert_eq!(span(-100.0, -110.0), Some(Trend::Falling), "a deeper deficit falls");
        assert_eq!(span(0.0, 0.0), Some(Trend::Flat));
        assert_eq!(span(0.0, 0.1), Some(Trend::Rising));
    }

    #[test]
    fn data_text_with_braces_is_not_a_placeholder() {
        assert_eq!(fill("{a}-{b}", &[("a", "{b}"), ("b", "x")]), "{b}-x");
        assert_eq!(fill("{unknown} {a}", &[("a", "1")]), "{unknown} 1");
    }
}
