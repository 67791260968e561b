//! KPI chart geometry: a value axis with round ticks, one column per fiscal
//! year with the actual as a bar and the target as a marker on a line. Pure
//! numbers in SVG user units; `render::detail::chart` draws them.
//!
//! Missing values stay missing: no bar, no marker, a gap in the target line.
//! Negative values (▲) hang below the zero line.

use crate::format;
use crate::i18n::Lang;
use plan::metrics::{achievement_rate, judgement_differs, rate_agrees, status, Status};
use plan::Kpi;

/// Overall size and margins of every chart, in SVG user units.
pub const WIDTH: f64 = 440.0;
pub const HEIGHT: f64 = 230.0;
const MARGIN_LEFT: f64 = 58.0;
const MARGIN_RIGHT: f64 = 12.0;
const MARGIN_TOP: f64 = 20.0;
const MARGIN_BOTTOM: f64 = 44.0;
/// Most steps of the value axis (`Scale::nice`).
const MAX_TICKS: usize = 5;
/// Part of a year's band its bar takes, and the widest a bar gets.
const BAR_SHARE: f64 = 0.45;
const MAX_BAR_WIDTH: f64 = 40.0;
/// An axis reaching this far is labelled compactly (1,000万, 10M).
const COMPACT_FROM: f64 = 10_000.0;

// How `render::detail` draws text and marks in the room the margins leave,
// in SVG user units.

/// Font size of chart text; `.gk-chart text` in style/gyokaku.css sets the
/// same 13px.
pub(crate) const FONT: f64 = 13.0;
/// Distance from one line of chart text to the next (the year below the
/// axis, its status symbol below it, a tooltip's lines).
pub(crate) const LINE: f64 = FONT + 4.0;
/// A text's baseline is this part of `FONT` below the y it is centred on
/// (tick labels on their grid lines).
pub(crate) const CENTRE_BASELINE: f64 = 0.35;
/// Space between a tick label's right end and the plot.
pub(crate) const TICK_LABEL_GAP: f64 = 6.0;
/// Half the diagonal of a target's diamond.
pub(crate) const TARGET_MARKER: f64 = 6.0;
/// Smallest bar height drawn, so that an actual of zero still shows.
pub(crate) const MIN_BAR_HEIGHT: f64 = 1.0;
/// A target in words (黒字化) is written this far below the plot's top…
pub(crate) const WORDED_TARGET_TOP: f64 = 2.0;
/// …and every other year's this much lower, so that neighbours do not collide.
pub(crate) const WORDED_TARGET_STAGGER: f64 = 12.0;
/// "No data" is written this far above the zero line.
pub(crate) const NO_DATA_LIFT: f64 = 6.0;
/// Width of a narrow (ASCII) character as a part of `FONT`; a wide (CJK)
/// one takes a whole `FONT`.
pub(crate) const NARROW_CHAR: f64 = 0.6;
/// Tooltip: space between its text and its left and right sides.
pub(crate) const TIP_PADDING_X: f64 = 8.0;
/// Tooltip: space above its first line's top.
pub(crate) const TIP_TEXT_TOP: f64 = 4.0;
/// Tooltip: height beyond its lines (`TIP_TEXT_TOP` and the space below the
/// last baseline).
pub(crate) const TIP_PADDING_Y: f64 = 10.0;
/// Tooltip: corner radius.
pub(crate) const TIP_RADIUS: f64 = 4.0;
/// Tooltip: the nearest it comes to the chart's left or right edge.
pub(crate) const TIP_EDGE: f64 = 2.0;

/// A linear value axis.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    pub lo: f64,
    pub hi: f64,
    pub step: f64,
}

impl Scale {
    /// Round bounds and a step of 1, 2, 2.5 or 5 × 10ⁿ that cover `values`
    /// and zero: the smallest such step that splits their range into at
    /// most `max_ticks` steps, with the bounds then rounded outwards to it
    /// (which can add a step at either end).
    ///
    /// ```
    /// use viewmodel::chart::Scale;
    /// let s = Scale::nice(&[8.3, 93.5], 5);
    /// assert_eq!((s.lo, s.hi, s.step), (0.0, 100.0, 20.0));
    /// ```
    pub fn nice(values: &[f64], max_ticks: usize) -> Scale {
        let finite = values.iter().copied().filter(|v| v.is_finite());
        let (mut lo, mut hi) = finite.fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
        if hi - lo <= 0.0 {
            hi = lo + 1.0;
        }
        let raw = (hi - lo) / max_ticks.max(1) as f64;
        let magnitude = 10f64.powf(raw.log10().floor());
        let step = [1.0, 2.0, 2.5, 5.0, 10.0]
            .iter()
            .map(|m| m * magnitude)
            .find(|s| *s >= raw - 1e-12)
            .unwrap_or(10.0 * magnitude);
        lo = (lo / step).floor() * step;
        hi = (hi / step).ceil() * step;
        Scale { lo, hi, step }
    }

    /// The tick values from `lo` to `hi`.
    pub fn ticks(&self) -> Vec<f64> {
        let n = ((self.hi - self.lo) / self.step).round() as usize;
        (0..=n).map(|i| format::without_float_noise(self.lo + i as f64 * self.step)).collect()
    }

    /// Maps a value to a y coordinate between `top` and `bottom`.
    pub fn y(&self, v: f64, top: f64, bottom: f64) -> f64 {
        bottom - (v - self.lo) / (self.hi - self.lo) * (bottom - top)
    }
}

/// One tick of the value axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub y: f64,
    pub label: String,
}

/// One fiscal year of a chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub fy: i32,
    /// Centre of the year's band.
    pub x: f64,
    /// The actual's bar: top y and height (always ≥ 0), hanging from zero.
    pub bar: Option<(f64, f64)>,
    /// The target's marker y.
    pub target_y: Option<f64>,
    pub actual: Option<f64>,
    pub target: Option<f64>,
    /// Words instead of numbers, where the source has them (黒字化).
    pub target_label: Option<String>,
    pub actual_label: Option<String>,
    /// Rate computed from the numbers.
    pub rate: Option<f64>,
    /// Rate printed in the source.
    pub stated_rate: Option<f64>,
    /// The printed rate disagrees with the computed one beyond rounding.
    pub rate_differs: bool,
    /// The status: the printed judgement where the source prints a rate.
    pub status: Status,
    /// The numbers judge the year otherwise than the printed rate.
    pub judgement_differs: bool,
    /// Fields of the value reconstructed rather than read (`target`, `actual`).
    pub inferred: Vec<String>,
}

/// Everything needed to draw one KPI chart.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartGeometry {
    pub width: f64,
    pub height: f64,
    pub plot_left: f64,
    pub plot_right: f64,
    pub plot_top: f64,
    pub plot_bottom: f64,
    pub band: f64,
    pub bar_width: f64,
    pub zero_y: f64,
    pub ticks: Vec<Tick>,
    pub columns: Vec<Column>,
    /// The target line, split where a year has no target.
    pub target_segments: Vec<Vec<(f64, f64)>>,
}

/// Lays out a KPI over the fiscal years `from..=to`; years after
/// `results_through_fy` are not evaluated yet.
pub fn layout(kpi: &Kpi, from: i32, to: i32, results_through_fy: Option<i32>, lang: Lang) -> ChartGeometry {
    let years: Vec<i32> = (from..=to).collect();
    let numbers: Vec<f64> = kpi
        .values
        .iter()
        .filter(|v| v.fy >= from && v.fy <= to)
        .flat_map(|v| [v.target, v.actual])
        .flatten()
        .collect();
    let scale = Scale::nice(&numbers, MAX_TICKS);
    let (left, right) = (MARGIN_LEFT, WIDTH - MARGIN_RIGHT);
    let (top, bottom) = (MARGIN_TOP, HEIGHT - MARGIN_BOTTOM);
    let band = (right - left) / years.len().max(1) as f64;
    let bar_width = (band * BAR_SHARE).min(MAX_BAR_WIDTH);
    let zero_y = scale.y(0.0, top, bottom);
    let large = scale.hi.abs().max(scale.lo.abs()) >= COMPACT_FROM;
    let ticks = scale
        .ticks()
        .into_iter()
        .map(|v| Tick {
            y: scale.y(v, top, bottom),
            label: if large { format::compact(v, lang) } else { format::number(v, lang) },
        })
        .collect();

    let y = |v: f64| scale.y(v, top, bottom);
    let columns: Vec<Column> = years
        .iter()
        .enumerate()
        .map(|(i, &fy)| {
            let evaluated = results_through_fy.is_none_or(|last| fy <= last);
            column(kpi, fy, left + band * (i as f64 + 0.5), evaluated, &y)
        })
        .collect();
    let target_segments = target_segments(&columns);

    ChartGeometry {
        width: WIDTH,
        height: HEIGHT,
        plot_left: left,
        plot_right: right,
        plot_top: top,
        plot_bottom: bottom,
        band,
        bar_width,
        zero_y,
        ticks,
        columns,
        target_segments,
    }
}

/// Year `fy`'s column at `x`, its values placed by `y` (value → SVG y);
/// a year not `evaluated` yet has no status.
fn column(kpi: &Kpi, fy: i32, x: f64, evaluated: bool, y: &impl Fn(f64) -> f64) -> Column {
    let zero_y = y(0.0);
    let v = kpi.value(fy);
    let actual = v.and_then(|v| v.actual);
    let target = v.and_then(|v| v.target);
    let rate = achievement_rate(target, actual, kpi.direction);
    let stated_rate = v.and_then(|v| v.stated_rate);
    Column {
        fy,
        x,
        bar: actual.map(|a| (y(a).min(zero_y), (y(a) - zero_y).abs())),
        target_y: target.map(y),
        actual,
        target,
        target_label: v.and_then(|v| v.target_label.clone()),
        actual_label: v.and_then(|v| v.actual_label.clone()),
        rate,
        stated_rate,
        rate_differs: matches!((stated_rate, rate), (Some(s), Some(r)) if !rate_agrees(s, r)),
        status: match v {
            _ if !evaluated => Status::NotEvaluated,
            Some(v) => status(v, kpi.direction),
            None => Status::NoData,
        },
        judgement_differs: v.is_some_and(|v| judgement_differs(v, kpi.direction)),
        inferred: v.map(|v| v.reconstructed.clone()).unwrap_or_default(),
    }
}

/// The target line's points, split where a year has no target.
fn target_segments(columns: &[Column]) -> Vec<Vec<(f64, f64)>> {
    let mut segments = Vec::new();
    let mut current = Vec::new();
    for c in columns {
        match c.target_y {
            Some(y) => current.push((c.x, y)),
            None if !current.is_empty() => segments.push(std::mem::take(&mut current)),
            None => {}
        }
    }
    if !current.is_empty() {
        segments.push(current);
    }
    segments
}

/// The exact values of one column in words: the tooltip's lines and the
/// point's accessible name.
///
/// ```text
/// R2 (令和2年度) / 目標 14.1% / 実績 8.3% / 達成率 58.9%
/// ```
pub fn describe(column: &Column, unit: Option<&str>, lang: Lang) -> Vec<String> {
    let t = lang.t();
    let value = |n: Option<f64>, label: &Option<String>| format::value(n, label.as_deref(), unit, lang);
    let year = match lang {
        Lang::Ja => format!("{} ({})", plan::FiscalYear(column.fy).short_label(), lang.fy(column.fy)),
        Lang::En => lang.fy(column.fy),
    };
    let mark = |field: &str| if column.inferred.iter().any(|f| f == field) { format!(" ({})", t.inferred) } else { String::new() };
    let mut lines = vec![
        year,
        format!("{} {}{}", t.target, value(column.target, &column.target_label), mark("target")),
        format!("{} {}{}", t.actual, value(column.actual, &column.actual_label), mark("actual")),
    ];
    if let Some(rate) = rate_text(column, lang) {
        lines.push(format!("{} {rate}", t.rate));
    }
    lines
}

/// A column's achievement rate as every view prints it: the computed rate,
/// with the printed one beside it where they disagree, or the printed rate
/// alone where the numbers give none; `None` where there is neither.
///
/// ```text
/// 58.9%   335% (資料記載 35%)   100% (資料記載)
/// ```
pub fn rate_text(column: &Column, lang: Lang) -> Option<String> {
    let t = lang.t();
    match (column.rate, column.stated_rate) {
        (Some(r), Some(s)) if column.rate_differs => Some(format!("{} ({} {})", format::rate(r), t.rate_stated, format::rate(s))),
        (Some(r), _) => Some(format::rate(r)),
        (None, Some(s)) => Some(format!("{} ({})", format::rate(s), t.rate_stated)),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::kpi;

    #[test]
    fn a_point_is_described_with_its_exact_values() {
        let mut k = kpi(&[(2020, Some(14.1), Some(8.3)), (2021, Some(40_000_000.0), None)]);
        k.unit = Some("%".into());
        k.values[0].stated_rate = Some(59.0);
        let g = layout(&k, 2020, 2021, None, Lang::Ja);
        assert_eq!(describe(&g.columns[0], Some("%"), Lang::Ja), vec!["R2 (令和2年度)", "目標 14.1%", "実績 8.3%", "達成率 58.9%"]);
        let en = describe(&g.columns[1], Some("回"), Lang::En);
        assert_eq!(en, vec!["FY2021 (R3)", "Target 40,000,000回", "Actual No data"]);
    }

    #[test]
    fn worded_targets_and_printed_rates_are_described_as_printed() {
        let mut k = kpi(&[(2020, None, None)]);
        k.values[0].target_label = Some("期間内".into());
        k.values[0].actual_label = Some("公表".into());
        k.values[0].stated_rate = Some(100.0);
        let g = layout(&k, 2020, 2020, None, Lang::Ja);
        assert_eq!(describe(&g.columns[0], None, Lang::Ja), vec!["R2 (令和2年度)", "目標 期間内", "実績 公表", "達成率 100% (資料記載)"]);
    }

    #[test]
    fn scale_steps_are_round_and_cover_zero() {
        let s = Scale::nice(&[440_000.0, 40_000_000.0], 5);
        assert_eq!((s.lo, s.hi, s.step), (0.0, 40_000_000.0, 10_000_000.0));
        let s = Scale::nice(&[0.09, 0.15, 2.0], 5);
        assert_eq!(s.step, 0.5);
        assert_eq!(s.ticks(), vec![0.0, 0.5, 1.0, 1.5, 2.0]);
    }

    #[test]
    fn negative_values_extend_the_axis_below_zero() {
        let s = Scale::nice(&[-115.0, -42.0, 545.0], 5);
        assert!(s.lo < -42.0 && s.lo >= -200.0, "{s:?}");
        assert!(s.ticks().contains(&0.0));
    }

    #[test]
    fn an_all_empty_series_still_has_an_axis() {
        let s = Scale::nice(&[], 5);
        assert_eq!((s.lo, s.hi), (0.0, 1.0));
    }

    #[test]
    fn negative_actuals_hang_below_the_zero_line() {
        let g = layout(&kpi(&[(2019, None, Some(-115.0)), (2020, None, Some(389.0))]), 2019, 2020, None, Lang::Ja);
        let (neg_top, neg_h) = g.columns[0].bar.unwrap();
        assert!((neg_top - g.zero_y).abs() < 1e-9 && neg_h > 0.0);
        let (pos_top, pos_h) = g.columns[1].bar.unwrap();
        assert!((pos_top + pos_h - g.zero_y).abs() < 1e-9);
        assert!(g.ticks.iter().any(|t| t.label.starts_with('▲')));
    }

    #[test]
    fn missing_values_are_gaps_not_zero() {
        let g = layout(&kpi(&[(2020, Some(10.0), Some(8.0)), (2021, None, None), (2022, Some(30.0), None)]), 2020, 2022, None, Lang::Ja);
        assert_eq!(g.columns[1].bar, None);
        assert_eq!(g.columns[1].target_y, None);
        assert_eq!(g.columns[1].status, Status::NoData);
        assert_eq!(g.columns[2].bar, None);
        assert_eq!(g.target_segments.len(), 2, "the target line breaks at the gap");
    }

    #[test]
    fn years_without_an_entry_are_columns_without_data() {
        let g = layout(&kpi(&[(2020, Some(10.0), Some(8.0))]), 2019, 2024, None, Lang::En);
        assert_eq!(g.columns.len(), 6);
        assert_eq!(g.columns.iter().filter(|c| c.bar.is_some()).count(), 1);
    }

    #[test]
    fn huge_ranges_get_compact_tick_labels() {
        let g = layout(&kpi(&[(2023, Some(15_000_000.0), Some(39_257_498.0)), (2024, Some(40_000_000.0), None)]), 2019, 2024, None, Lang::Ja);
        let labels: Vec<&str> = g.ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, vec!["0", "1,000万", "2,000万", "3,000万", "4,000万"]);
    }

    #[test]
    fn the_printed_rate_is_shown_only_when_it_differs() {
        let mut k = kpi(&[(2020, Some(14.1), Some(8.3)), (2021, Some(20.0), Some(67.0))]);
        k.values[0].stated_rate = Some(59.0);
        k.values[1].stated_rate = Some(35.0);
        let g = layout(&k, 2020, 2021, None, Lang::Ja);
        assert!(!g.columns[0].rate_differs);
        assert!(g.columns[1].rate_differs);
        assert_eq!(describe(&g.columns[0], None, Lang::Ja)[3], "達成率 58.9%");
        assert_eq!(describe(&g.columns[1], None, Lang::Ja)[3], "達成率 335% (資料記載 35%)");
        assert!((g.columns[1].rate.unwrap() - 335.0).abs() < 1e-9);
    }
}
