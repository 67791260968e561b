//! One KPI as a figure: caption with badges, one-sentence summary, legend,
//! the chart as SVG (exact values shown on hover or keyboard focus by CSS
//! alone) and the same numbers as a table in a disclosure.

use super::DetailOptions;
use crate::chart::{
    describe, layout, ChartGeometry, Column, CENTRE_BASELINE, FONT, LINE, MIN_BAR_HEIGHT, NARROW_CHAR, NO_DATA_LIFT, TARGET_MARKER,
    TICK_LABEL_GAP, TIP_EDGE, TIP_PADDING_X, TIP_PADDING_Y, TIP_RADIUS, TIP_TEXT_TOP, WORDED_TARGET_STAGGER, WORDED_TARGET_TOP,
};
use crate::format;
use crate::hooks::{self, Action};
use crate::html::{num, Attrs, Html};
use crate::i18n::Lang;
use crate::render::{circled, with_data_lang, inferred_badge, status_mark};
use crate::summary::chart_summary;
use plan::metrics::Status;
use plan::{Direction, Kpi, Plan, Role};

/// The item's KPIs of one role (目標 or 参考), a figure each.
pub(super) fn kpi_group(h: &mut Html, plan: &Plan, id: u32, role: Role, o: DetailOptions) {
    let kpis: Vec<&Kpi> = plan.kpis.iter().filter(|k| k.item_id == id && k.role == role).collect();
    if kpis.is_empty() {
        return;
    }
    let t = o.lang.t();
    let (class, heading) = match role {
        Role::Objective => ("gk-kpis gk-kpis-objective", t.objective),
        Role::Reference => ("gk-kpis gk-kpis-reference", t.reference),
    };
    h.open("section", &[("class", class)]).el("h3", &[], heading).open("div", &[("class", "gk-charts")]);
    let from = plan.plan.baseline_fy.min(plan.plan.first_fy);
    for kpi in kpis {
        kpi_figure(h, kpi, (from, plan.plan.last_fy), plan.plan.results_through_fy, o);
    }
    h.close("div").close("section");
}

/// One KPI over the fiscal years `from..=to`: caption with badges, the
/// chart's one-sentence summary, legend, chart and its table. Years after
/// `results_through_fy` are 未評価.
pub fn kpi_figure(h: &mut Html, kpi: &Kpi, (from, to): (i32, i32), results_through_fy: Option<i32>, o: DetailOptions) {
    let t = o.lang.t();
    let key = format!("{}-{}", kpi.item_id, kpi.no);
    let title_id = format!("gk-kpi-{key}");
    let g = layout(kpi, from, to, results_through_fy, o.lang);
    let unit = kpi.unit.as_deref();

    h.open("figure", &[("class", "gk-kpi"), ("data-kpi", &key)]);
    h.open("figcaption", &[]);
    h.el("span", &with_data_lang(&[("class", "gk-kpi-name"), ("id", &title_id)], o.lang), &format!("{} {}", circled(kpi.no), kpi.name));
    h.open("span", &[("class", "gk-badges")]);
    if let Some(u) = unit {
        h.el("span", &[("class", "gk-badge")], &format!("{}: {u}", t.unit));
    }
    let direction = match kpi.direction {
        Direction::Higher => format!("↑ {}", t.higher_better),
        Direction::Lower => format!("↓ {}", t.lower_better),
    };
    h.el("span", &[("class", "gk-badge"), ("data-direction", direction_code(kpi.direction))], &direction);
    if kpi.cumulative {
        h.el("span", &[("class", "gk-badge")], t.cumulative);
    }
    if let Some(k) = kpi.kgi_id {
        h.el("span", &[("class", "gk-badge")], &format!("KGI {k}"));
    }
    inferred_badge(h, &kpi.reconstructed, o.lang);
    h.close("span").close("figcaption");
    let summary_id = format!("{title_id}-s");
    h.el("p", &[("class", "gk-chart-summary"), ("id", &summary_id)], &chart_summary(&g, unit, kpi.direction, o.lang));

    h.open("p", &[("class", "gk-legend"), ("aria-hidden", "true")]);
    h.el("span", &[("class", "gk-legend-actual")], &format!("■ {}", t.actual));
    h.el("span", &[("class", "gk-legend-target")], &format!("◆ {}", t.target));
    for s in [Status::Met, Status::Missed, Status::NoData] {
        let (class, symbol, word) = status_mark(s, o.lang);
        h.el("span", &[("class", class)], &format!("{symbol} {word}"));
    }
    h.close("p");

    chart_svg(h, &g, (&title_id, &summary_id), unit, o.lang, !o.report);

    h.open("details", &Attrs::new(&[("class", "gk-table-toggle")]).flag("open", o.report));
    h.open("summary", &[(hooks::ACTION, Action::ToggleTable.as_str())]);
    h.el("span", &[("class", "gk-when-closed")], t.show_table);
    h.el("span", &[("class", "gk-when-open")], t.show_chart);
    h.close("summary");
    kpi_table(h, &g, unit, &title_id, o.lang);
    h.close("details");
    h.close("figure");
}

fn direction_code(d: Direction) -> &'static str {
    match d {
        Direction::Higher => "higher",
        Direction::Lower => "lower",
    }
}

/// The chart: axes, target line, one group per year with its bar, marker,
/// label and status symbol. It is named by its title (`title_id`) and
/// described first by its one-sentence summary (`summary_id`).
/// `interactive`: each year is focusable and has a tooltip (drawn last so
/// that they lie above every bar; CSS shows the one of the hovered or
/// focused year), and a `<desc>` says every year after the summary. A
/// report's charts are not: their table is open right below, so the same
/// numbers are not written twice (nor a third time in a `<desc>`).
fn chart_svg(h: &mut Html, g: &ChartGeometry, (title_id, summary_id): (&str, &str), unit: Option<&str>, lang: Lang, interactive: bool) {
    let t = lang.t();
    let desc_id = format!("{title_id}-d");
    let described_by = if interactive { format!("{summary_id} {desc_id}") } else { summary_id.to_string() };
    h.open(
        "svg",
        &[
            ("class", "gk-chart"),
            ("viewBox", &format!("0 0 {} {}", g.width, g.height)),
            ("role", "group"),
            ("aria-labelledby", title_id),
            ("aria-describedby", &described_by),
        ],
    );
    if interactive {
        let years: Vec<String> = g.columns.iter().map(|c| describe(c, unit, lang).join(" ")).collect();
        h.el("desc", &[("id", &desc_id)], &format!("{}: {}", t.chart_label, years.join("; ")));
    }

    h.open("g", &[("class", "gk-axes"), ("aria-hidden", "true")]);
    for tick in &g.ticks {
        let y = num(tick.y);
        h.void("line", &[("class", "gk-grid"), ("x1", &num(g.plot_left)), ("x2", &num(g.plot_right)), ("y1", &y), ("y2", &y)]);
        h.el(
            "text",
            &[("class", "gk-tick"), ("x", &num(g.plot_left - TICK_LABEL_GAP)), ("y", &num(tick.y + FONT * CENTRE_BASELINE))],
            &tick.label,
        );
    }
    let zero = num(g.zero_y);
    h.void("line", &[("class", "gk-zero"), ("x1", &num(g.plot_left)), ("x2", &num(g.plot_right)), ("y1", &zero), ("y2", &zero)]);
    h.close("g");

    for seg in &g.target_segments {
        let points: Vec<String> = seg.iter().map(|(x, y)| format!("{},{}", num(*x), num(*y))).collect();
        h.void("polyline", &[("class", "gk-target-line"), ("points", &points.join(" ")), ("fill", "none"), ("aria-hidden", "true")]);
    }
    // A report's years are drawn only: the description and the table say them.
    if !interactive {
        h.open("g", &[("aria-hidden", "true")]);
    }
    for (i, c) in g.columns.iter().enumerate() {
        column(h, g, c, i, unit, lang, interactive);
    }
    if !interactive {
        h.close("g");
    }
    if interactive {
        for (i, c) in g.columns.iter().enumerate() {
            tooltip(h, g, c, i, unit, lang);
        }
    }
    h.close("svg");
}

/// One year: its group (focusable with a hit area where `interactive`),
/// then its marks and its labels.
fn column(h: &mut Html, g: &ChartGeometry, c: &Column, i: usize, unit: Option<&str>, lang: Lang, interactive: bool) {
    let (status_class, _, _) = status_mark(c.status, lang);
    let class = format!("gk-col {status_class}");
    if interactive {
        let fy = c.fy.to_string();
        let index = i.to_string();
        let label = describe(c, unit, lang).join("、");
        h.open(
            "g",
            &[
                ("class", &class),
                ("tabindex", "0"),
                ("role", "img"),
                ("aria-label", &label),
                (hooks::COL, &index),
                ("data-fy", &fy),
            ],
        );
        h.void(
            "rect",
            &[
                ("class", "gk-hit"),
                ("x", &num(c.x - g.band / 2.0)),
                ("y", &num(g.plot_top)),
                ("width", &num(g.band)),
                ("height", &num(g.plot_bottom - g.plot_top)),
            ],
        );
    } else {
        h.open("g", &[("class", &class)]);
    }
    marks(h, g, c);
    labels(h, g, c, i, lang);
    h.close("g");
}

/// A year's actual as a bar and its target as a diamond.
fn marks(h: &mut Html, g: &ChartGeometry, c: &Column) {
    if let Some((y, height)) = c.bar {
        let class = if c.target.is_none() && c.target_label.is_none() { "gk-bar gk-bar-plain" } else { "gk-bar" };
        h.void(
            "rect",
            &[
                ("class", class),
                ("x", &num(c.x - g.bar_width / 2.0)),
                ("y", &num(y)),
                ("width", &num(g.bar_width)),
                ("height", &num(height.max(MIN_BAR_HEIGHT))),
            ],
        );
    }
    if let Some(y) = c.target_y {
        let d = TARGET_MARKER;
        let points = format!(
            "{},{} {},{} {},{} {},{}",
            num(c.x),
            num(y - d),
            num(c.x + d),
            num(y),
            num(c.x),
            num(y + d),
            num(c.x - d),
            num(y)
        );
        h.void("polygon", &[("class", "gk-target"), ("points", &points)]);
    }
}

/// A year's words: a target in words, "no data" or 未評価 where there is
/// no actual, the year below the axis and the status symbol below that.
fn labels(h: &mut Html, g: &ChartGeometry, c: &Column, i: usize, lang: Lang) {
    let (status_class, symbol, _) = status_mark(c.status, lang);
    // A target in words (黒字化) has no height: it is written at the top,
    // every other year a line lower so that long words do not collide.
    if let (None, Some(label)) = (c.target_y, &c.target_label) {
        let y = g.plot_top + WORDED_TARGET_TOP + (i % 2) as f64 * WORDED_TARGET_STAGGER;
        h.el(
            "text",
            &[("class", "gk-target-label"), ("x", &num(c.x)), ("y", &num(y))],
            &format!("◆{label}"),
        );
    }
    if c.actual.is_none() && c.actual_label.is_none() {
        let t = lang.t();
        h.el(
            "text",
            &[("class", "gk-nodata-label"), ("x", &num(c.x)), ("y", &num(g.zero_y - NO_DATA_LIFT))],
            if c.status == Status::NotEvaluated { t.not_yet } else { t.no_data },
        );
    }
    h.el(
        "text",
        &[("class", "gk-year"), ("x", &num(c.x)), ("y", &num(g.plot_bottom + LINE))],
        &lang.fy_short(c.fy),
    );
    if matches!(c.status, Status::Met | Status::Missed) {
        h.el(
            "text",
            &[
                ("class", &format!("gk-symbol {status_class}")),
                ("x", &num(c.x)),
                ("y", &num(g.plot_bottom + 2.0 * LINE)),
            ],
            symbol,
        );
    }
}

/// About how wide `s` is drawn: a wide (CJK) character takes one em, a
/// narrow one a little over half.
fn text_width(s: &str) -> f64 {
    s.chars().map(|c| if c.is_ascii() { FONT * NARROW_CHAR } else { FONT }).sum()
}

/// A year's exact values in a box above the plot, kept inside the chart.
fn tooltip(h: &mut Html, g: &ChartGeometry, c: &Column, i: usize, unit: Option<&str>, lang: Lang) {
    let lines = describe(c, unit, lang);
    let width = lines.iter().map(|l| text_width(l)).fold(0.0, f64::max) + 2.0 * TIP_PADDING_X;
    let height = lines.len() as f64 * LINE + TIP_PADDING_Y;
    let x = (c.x - width / 2.0).clamp(TIP_EDGE, (g.width - width - TIP_EDGE).max(TIP_EDGE));
    h.open(
        "g",
        &[
            ("class", "gk-tip"),
            (hooks::TIP, &i.to_string()),
            ("transform", &format!("translate({},{})", num(x), num(g.plot_top))),
            ("aria-hidden", "true"),
        ],
    );
    h.void("rect", &[("width", &num(width)), ("height", &num(height)), ("rx", &num(TIP_RADIUS))]);
    let left = num(TIP_PADDING_X);
    h.open("text", &[("x", &left), ("y", &num(TIP_TEXT_TOP))]);
    for line in &lines {
        h.el("tspan", &[("x", &left), ("dy", &num(LINE))], line);
    }
    h.close("text").close("g");
}

/// The chart's numbers: every year's target, actual, computed and printed
/// rate and status, in words where the source has words.
fn kpi_table(h: &mut Html, g: &ChartGeometry, unit: Option<&str>, title_id: &str, lang: Lang) {
    let t = lang.t();
    let value = |n: Option<f64>, label: &Option<String>| format::value(n, label.as_deref(), unit, lang);
    // A box that may scroll sideways is reachable by keyboard, named by its KPI.
    h.open("div", &[("class", "gk-table-scroll"), ("tabindex", "0"), ("role", "group"), ("aria-labelledby", title_id)])
        .open("table", &[("class", "gk-kpi-table")]);
    h.open("thead", &[]).open("tr", &[]);
    for head in [
        t.fiscal_year.to_string(),
        t.target.to_string(),
        t.actual.to_string(),
        format!("{} ({})", t.rate, t.rate_computed),
        format!("{} ({})", t.rate, t.rate_stated),
        t.kpi_status_heading.to_string(),
    ] {
        h.el("th", &[("scope", "col")], &head);
    }
    h.close("tr").close("thead").open("tbody", &[]);
    for c in &g.columns {
        let (class, symbol, word) = status_mark(c.status, lang);
        h.open("tr", &[("data-fy", &c.fy.to_string())]);
        h.el("th", &[("scope", "row")], &lang.fy(c.fy));
        for (field, text) in [("target", value(c.target, &c.target_label)), ("actual", value(c.actual, &c.actual_label))] {
            if c.inferred.iter().any(|f| f == field) {
                h.open("td", &[("data-inferred", field)]).text(&text).text(&format!(" ({})", t.inferred)).close("td");
            } else {
                h.el("td", &[], &text);
            }
        }
        h.el("td", &[], &c.rate.map(format::rate).unwrap_or_else(|| "—".into()));
        h.el("td", &[], &c.stated_rate.map(format::rate).unwrap_or_else(|| "—".into()));
        h.open("td", &[("class", class)]).el("span", &[("aria-hidden", "true")], &format!("{symbol} ")).text(word);
        if c.judgement_differs {
            // The printed judgement is shown; the numbers' disagreement is said, not hidden.
            h.el("span", &[("class", "gk-differs"), ("data-judgement-differs", "")], &format!(" ⚠ {}", t.judgement_differs));
        }
        h.close("td");
        h.close("tr");
    }
    h.close("tbody").close("table").close("div");
}
