//! An item's detail as HTML: facts, the sheet's texts, one chart per KPI
//! (SVG, with exact values shown on hover or keyboard focus by CSS alone and
//! a table alternative in a disclosure), the quarterly schedule grid, the
//! yearly evaluations and the transcription notes.
//!
//! Pure: the same plan, item and language give the same string, so native
//! tests check what the browser will show.

use super::{circled, data_lang_attr, dated_heading, department_names, inferred_badge, item_heading, lead_departments_text, status_mark};
use crate::chart::{
    describe, layout, ChartGeometry, Column, CENTRE_BASELINE, FONT, LINE, MIN_BAR_HEIGHT, NARROW_CHAR, NO_DATA_LIFT, TARGET_MARKER,
    TICK_LABEL_GAP, TIP_EDGE, TIP_PADDING_X, TIP_PADDING_Y, TIP_RADIUS, TIP_TEXT_TOP, WORDED_TARGET_STAGGER, WORDED_TARGET_TOP,
};
use crate::format;
use crate::html::{num, Html};
use crate::i18n::Lang;
use crate::summary::chart_summary;
use plan::metrics::Status;
use plan::{Direction, FiscalYear, Item, Kpi, Plan, Quarter, Role};

/// How the detail is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DetailOptions {
    pub lang: Lang,
    /// A report: tables and evaluations open, for reading and printing.
    pub report: bool,
}

/// Everything of item `id` below its heading; empty if there is no such item.
pub fn item_detail(plan: &Plan, id: u32, o: DetailOptions) -> String {
    let Some(item) = plan.items.iter().find(|i| i.id == id) else { return String::new() };
    let mut h = Html::new();
    facts(&mut h, plan, item, o.lang);
    sheet_texts(&mut h, plan, item, o.lang);
    listed_kpis(&mut h, plan, item, o.lang);
    for role in [Role::Objective, Role::Reference] {
        kpi_group(&mut h, plan, id, role, o);
    }
    if item.sheet.is_some() {
        schedule(&mut h, plan, id, o.lang);
        evaluations(&mut h, plan, id, o);
    }
    notes(&mut h, plan, item, o.lang);
    h.finish()
}

/// The report's body: each item in `ids` as an article with its heading
/// and its detail, tables and evaluations open.
pub fn report_items(plan: &Plan, ids: &[u32], lang: Lang) -> String {
    let o = DetailOptions { lang, report: true };
    let mut h = Html::new();
    for &id in ids {
        let Some(item) = plan.items.iter().find(|i| i.id == id) else { continue };
        let id_text = id.to_string();
        // What the report's script filters on.
        let goal = plan.reforms.iter().find(|r| r.id == item.reform_id).map(|r| r.goal_id.to_string()).unwrap_or_default();
        let reform = item.reform_id.to_string();
        let lead = item.lead_departments.join(" ");
        let anchor = format!("item-{id}");
        let mut attrs = vec![
            ("class", "gk-detail"),
            ("id", anchor.as_str()),
            ("data-item-id", id_text.as_str()),
            ("data-detail", id_text.as_str()),
            ("data-goal", goal.as_str()),
            ("data-reform", reform.as_str()),
            ("data-lead", lead.as_str()),
        ];
        if item.star {
            attrs.push(("data-star", ""));
        }
        h.open("article", &attrs);
        h.open("h2", &[("class", "gk-detail-title")]);
        item_heading(&mut h, plan, item, lang);
        h.close("h2");
        h.open("div", &[("class", "gk-detail-body")]).raw(&item_detail(plan, id, o)).close("div").close("article");
    }
    h.finish()
}

pub(crate) fn facts(h: &mut Html, plan: &Plan, item: &Item, lang: Lang) {
    let t = lang.t();
    let reform = plan.reforms.iter().find(|r| r.id == item.reform_id);
    let goal = reform.and_then(|r| plan.goals.iter().find(|g| g.id == r.goal_id));
    let mut related = department_names(plan, &item.related_departments);
    for other in &item.related_other {
        if !related.is_empty() {
            related.push('、');
        }
        related.push_str(other);
    }
    let or_dash = |s: String| if s.is_empty() { "—".to_string() } else { s };
    h.open("dl", &[("class", "gk-facts")]);
    let data = [data_lang_attr(lang)];
    h.el("dt", &[], t.goal).el("dd", &data, &goal.map(|g| format!("{} {}", g.id, g.title)).unwrap_or_default());
    h.el("dt", &[], t.reform).el("dd", &data, &reform.map(|r| format!("{} {}", r.id, r.title)).unwrap_or_default());
    h.el("dt", &[], t.lead_departments)
        .el("dd", &[("data-facts", "lead")], &lead_departments_text(plan, item, lang));
    h.el("dt", &[], t.related_departments).el("dd", &[], &or_dash(related));
    h.close("dl");
}

pub(crate) fn sheet_texts(h: &mut Html, plan: &Plan, item: &Item, lang: Lang) {
    let t = lang.t();
    let Some(sheet) = &item.sheet else {
        h.el("p", &[("class", "gk-notice"), ("data-no-sheet", "")], t.no_sheet);
        return;
    };
    h.open("div", &[("class", "gk-texts")]);
    let headings = [dated_heading(plan, t.situation), dated_heading(plan, t.problems), t.measures.to_string()];
    for (label, text) in headings.iter().zip([&sheet.situation, &sheet.problems, &sheet.measures]) {
        if let Some(text) = text {
            h.open("section", &[("class", "gk-text")]).el("h3", &[], label);
            h.open("div", &[data_lang_attr(lang)]).paragraphs(text).close("div").close("section");
        }
    }
    h.close("div");
}

/// The overview's KPI names of the item that no sheet KPI carries (the
/// only KPI information the source gives for an item without a sheet).
fn listed_kpis(h: &mut Html, plan: &Plan, item: &Item, lang: Lang) {
    let entries: Vec<_> = plan.kpi_list.iter().filter(|e| e.item_id == item.id && e.kpis.is_empty()).collect();
    if entries.is_empty() {
        return;
    }
    let t = lang.t();
    h.open("section", &[("class", "gk-listed-kpis"), ("data-listed-kpis", "")]).el("h3", &[], t.listed_kpis);
    h.el("p", &[("class", "gk-share-help")], t.listed_kpis_help).open("ul", &[]);
    for e in entries {
        h.open("li", &[]).el("span", &[data_lang_attr(lang)], &e.name).text(" ");
        inferred_badge(h, &e.reconstructed, lang);
        h.close("li");
    }
    h.close("ul").close("section");
}

fn kpi_group(h: &mut Html, plan: &Plan, id: u32, role: Role, o: DetailOptions) {
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
    h.el("span", &[("class", "gk-kpi-name"), ("id", &title_id), data_lang_attr(o.lang)], &format!("{} {}", circled(kpi.no), kpi.name));
    h.open("span", &[("class", "gk-badges")]);
    if let Some(u) = unit {
        h.el("span", &[("class", "gk-badge")], &format!("{}: {u}", if o.lang == Lang::Ja { "単位" } else { "unit" }));
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

    let open = if o.report { "open" } else { "" };
    h.open("details", &[("class", "gk-table-toggle"), (open, "")]);
    h.open("summary", &[("data-action", "toggle-table")]);
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
pub fn chart_svg(h: &mut Html, g: &ChartGeometry, (title_id, summary_id): (&str, &str), unit: Option<&str>, lang: Lang, interactive: bool) {
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

fn column(h: &mut Html, g: &ChartGeometry, c: &Column, i: usize, unit: Option<&str>, lang: Lang, interactive: bool) {
    let (status_class, symbol, _) = status_mark(c.status, lang);
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
                ("data-col", &index),
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
    h.close("g");
}

/// About how wide `s` is drawn: a wide (CJK) character takes one em, a
/// narrow one a little over half.
fn text_width(s: &str) -> f64 {
    s.chars().map(|c| if c.is_ascii() { FONT * NARROW_CHAR } else { FONT }).sum()
}

fn tooltip(h: &mut Html, g: &ChartGeometry, c: &Column, i: usize, unit: Option<&str>, lang: Lang) {
    let lines = describe(c, unit, lang);
    let width = lines.iter().map(|l| text_width(l)).fold(0.0, f64::max) + 2.0 * TIP_PADDING_X;
    let height = lines.len() as f64 * LINE + TIP_PADDING_Y;
    let x = (c.x - width / 2.0).clamp(TIP_EDGE, (g.width - width - TIP_EDGE).max(TIP_EDGE));
    h.open(
        "g",
        &[
            ("class", "gk-tip"),
            ("data-tip", &i.to_string()),
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

/// The quarterly grid: a plan and a result row per activity, a column per
/// quarter from the plan's first to its last, 達成件数 per year at the foot.
pub fn schedule(h: &mut Html, plan: &Plan, id: u32, lang: Lang) {
    let rows: Vec<_> = plan.schedule.iter().filter(|s| s.item_id == id).collect();
    if rows.is_empty() {
        return;
    }
    let t = lang.t();
    let quarters = Quarter::range(plan.plan.schedule_from, plan.plan.schedule_to);
    let mut years: Vec<(i32, usize)> = Vec::new();
    for q in &quarters {
        match years.last_mut() {
            Some((fy, n)) if *fy == q.fy => *n += 1,
            _ => years.push((q.fy, 1)),
        }
    }
    h.open("section", &[("class", "gk-schedule")]).el("h3", &[], t.schedule);
    let id_text = id.to_string();
    let span = quarters.len().to_string();
    let region = format!("{} ({id})", t.schedule);
    h.open("div", &[("class", "gk-table-scroll"), ("tabindex", "0"), ("role", "group"), ("aria-label", &region)])
        .open("table", &[("data-schedule", &id_text)]);
    h.open("thead", &[]).open("tr", &[]);
    h.el("th", &[("scope", "col"), ("rowspan", "2")], &format!("{} ({})", t.activity, t.related_kpis));
    h.open("th", &[("scope", "col"), ("rowspan", "2")])
        .el("span", &[("class", "gk-sr")], &format!("{} / {}", t.plan_row, t.result_row))
        .close("th");
    for (fy, n) in &years {
        h.el("th", &[("scope", "colgroup"), ("colspan", &n.to_string()), ("title", &lang.fy(*fy))], &lang.fy_short(*fy));
    }
    h.close("tr").open("tr", &[]);
    for q in &quarters {
        let (a, b) = q.months();
        // A short head (Q1) with the full name for tooltips and screen readers.
        let full = match lang {
            Lang::Ja => format!("{} 第{}{}({a}–{b}月)", lang.fy_short(q.fy), q.q, t.quarter),
            Lang::En => format!("{} Q{} (months {a}–{b})", lang.fy_short(q.fy), q.q),
        };
        h.open("th", &[("scope", "col"), ("title", &full), ("class", "gk-qhead")])
            .el("span", &[("aria-hidden", "true")], &format!("Q{}", q.q))
            .el("span", &[("class", "gk-sr")], &full)
            .close("th");
    }
    h.close("tr").close("thead").open("tbody", &[]);
    for row in rows {
        let kpis: String = row.kpi_nos.iter().map(|n| circled(*n)).collect();
        // Unknown marks are said once per row, as one band across the
        // plan's span, not once per quarter; an activity whose plan and
        // result are both unknown takes one row.
        let lines: Vec<(String, &Option<Vec<Quarter>>)> = match (&row.plan, &row.result) {
            (None, None) => vec![(format!("{}・{}", t.plan_row, t.result_row), &row.plan)],
            (plan, result) => vec![(t.plan_row.to_string(), plan), (t.result_row.to_string(), result)],
        };
        let rowspan = lines.len().to_string();
        for (i, (label, marks)) in lines.iter().enumerate() {
            h.open("tr", &[("class", if i == 0 { "gk-sched-plan" } else { "gk-sched-result" })]);
            if i == 0 {
                h.open("th", &[("scope", "rowgroup"), ("rowspan", &rowspan), ("class", "gk-activity"), ("data-activity", "")]);
                if !kpis.is_empty() {
                    h.el("span", &[("class", "gk-sched-kpis")], &format!("{kpis} "));
                }
                h.el("span", &[data_lang_attr(lang)], &row.activity);
                inferred_badge(h, &row.reconstructed, lang);
                h.close("th");
            }
            h.el("th", &[("scope", "row"), ("class", "gk-planrow")], label);
            match marks {
                None => {
                    h.el("td", &[("class", "gk-q-band"), ("colspan", &span), ("data-unknown", "")], t.unknown_marks);
                }
                Some(list) => {
                    for q in &quarters {
                        if list.contains(q) {
                            h.open("td", &[("class", "gk-q gk-q-on")])
                                .el("span", &[("aria-hidden", "true")], "●")
                                .el("span", &[("class", "gk-sr")], "✓")
                                .close("td");
                        } else {
                            h.el("td", &[("class", "gk-q")], "");
                        }
                    }
                }
            }
            h.close("tr");
        }
    }
    h.close("tbody").open("tfoot", &[]).open("tr", &[]);
    h.el("th", &[("scope", "row"), ("colspan", "2")], t.achieved_count);
    for (fy, n) in &years {
        let e = plan.evaluations.iter().find(|e| e.item_id == id && e.fy == *fy);
        let text = match e.map(|e| (e.achieved, e.total)) {
            Some((Some(a), Some(total))) => format!("{a} / {total}"),
            _ => "—".to_string(),
        };
        h.el("td", &[("colspan", &n.to_string()), ("class", "gk-achieved"), ("data-fy", &fy.to_string())], &text);
    }
    h.close("tr").close("tfoot").close("table").close("div").close("section");
}

/// 年度ごとの実施結果評価, one disclosure per fiscal year of the plan.
pub fn evaluations(h: &mut Html, plan: &Plan, id: u32, o: DetailOptions) {
    let t = o.lang.t();
    h.open("section", &[("class", "gk-evaluations")]).el("h3", &[], t.evaluations);
    for fy in plan.plan.first_fy..=plan.plan.last_fy {
        let fy_text = fy.to_string();
        match plan.evaluations.iter().find(|e| e.item_id == id && e.fy == fy) {
            None => {
                h.open("div", &[("class", "gk-eval gk-eval-none"), ("data-eval", &fy_text)])
                    .open("p", &[])
                    .el("strong", &[], &o.lang.fy(fy))
                    .text(" ")
                    .text(t.not_evaluated)
                    .close("p")
                    .close("div");
            }
            Some(e) => {
                let count = match (e.achieved, e.total) {
                    (Some(a), Some(total)) => format!("{a} / {total}"),
                    _ => "—".into(),
                };
                let open = if o.report { "open" } else { "" };
                h.open("details", &[("class", "gk-eval"), ("data-eval", &fy_text), (open, "")]);
                h.open("summary", &[])
                    .el("strong", &[], &o.lang.fy(fy))
                    .text(&format!(" {} ", t.achieved_count))
                    .el("span", &[("class", "gk-eval-count")], &count)
                    .close("summary");
                evaluation_texts(h, e, o.lang);
                h.close("details");
            }
        }
    }
    h.close("section");
}

/// An evaluation's 要因分析, 次年度への課題 and 課題を踏まえた対応, each under
/// its heading; a text the source lacks is left out.
pub(crate) fn evaluation_texts(h: &mut Html, e: &plan::Evaluation, lang: Lang) {
    let t = lang.t();
    for (label, text) in [(t.factors, &e.factors), (t.issues, &e.issues), (t.response, &e.response)] {
        if let Some(text) = text {
            h.el("h4", &[], label).open("div", &[data_lang_attr(lang)]).paragraphs(text).close("div");
        }
    }
}

/// The notes of the item and of its KPIs, values, schedule and evaluations.
fn notes(h: &mut Html, plan: &Plan, item: &Item, lang: Lang) {
    let id = item.id;
    let mut all: Vec<String> = item.notes.clone();
    for k in plan.kpis.iter().filter(|k| k.item_id == id) {
        all.extend(k.notes.iter().map(|n| format!("KPI {}: {n}", circled(k.no))));
        for v in &k.values {
            all.extend(v.notes.iter().map(|n| format!("KPI {} {}: {n}", circled(k.no), FiscalYear(v.fy).short_label())));
        }
    }
    for s in plan.schedule.iter().filter(|s| s.item_id == id) {
        all.extend(s.notes.iter().map(|n| format!("{}: {n}", s.activity)));
    }
    for e in plan.evaluations.iter().filter(|e| e.item_id == id) {
        all.extend(e.notes.iter().map(|n| format!("{}: {n}", FiscalYear(e.fy).short_label())));
    }
    if all.is_empty() {
        return;
    }
    h.open("details", &[("class", "gk-notes")]).el("summary", &[], &format!("{} ({})", lang.t().notes, all.len()));
    h.open("ul", &[]);
    for n in &all {
        h.el("li", &[data_lang_attr(lang)], n);
    }
    h.close("ul").close("details");
}
