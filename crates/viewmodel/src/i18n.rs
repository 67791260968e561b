//! The one source of the UI strings of the widget, its report and its
//! kiosk, in both languages. Data text (titles, evaluations) is never
//! translated: it stays as published. (Two things are not here: the CSV's
//! column names, which are the data format's and live in `plan::csv`, and
//! the open-data page `cargo xtask dist` writes, which says everything in
//! both languages at once in `xtask/src/dist.rs`.)

use plan::FiscalYear;

/// UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Ja,
    En,
}

impl Lang {
    /// Reads `ja` / `en` (also `ja-JP`, `en-GB`); anything else is `None`.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        match primary.as_str() {
            "ja" => Some(Lang::Ja),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The BCP 47 code, for `lang` attributes and links.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }

    /// The other language (for the language switch).
    pub fn other(self) -> Lang {
        match self {
            Lang::Ja => Lang::En,
            Lang::En => Lang::Ja,
        }
    }

    /// A fiscal year's label: 令和2年度 / FY2020 (R2).
    pub fn fy(self, fy: i32) -> String {
        let y = FiscalYear(fy);
        match self {
            Lang::Ja => y.era_label(),
            Lang::En => format!("{} ({})", y.english_label(), y.short_label()),
        }
    }

    /// A short fiscal-year label for axes and table heads: R2 / FY2020.
    pub fn fy_short(self, fy: i32) -> String {
        let y = FiscalYear(fy);
        match self {
            Lang::Ja => y.short_label(),
            Lang::En => y.english_label(),
        }
    }

    /// A quarter's full name, for tooltips and screen readers:
    /// R2 第1四半期(4–6月) / FY2020 Q1 (months 4–6).
    ///
    /// ```
    /// use viewmodel::i18n::Lang;
    /// assert_eq!(Lang::Ja.quarter(2020, 4, (1, 3)), "R2 第4四半期(1–3月)");
    /// assert_eq!(Lang::En.quarter(2020, 4, (1, 3)), "FY2020 Q4 (months 1–3)");
    /// ```
    pub fn quarter(self, fy: i32, q: u8, (from_month, to_month): (u32, u32)) -> String {
        match self {
            Lang::Ja => format!("{} 第{q}四半期({from_month}–{to_month}月)", self.fy_short(fy)),
            Lang::En => format!("{} Q{q} (months {from_month}–{to_month})", self.fy_short(fy)),
        }
    }

    /// The strings of this language.
    pub fn t(self) -> &'static Strings {
        match self {
            Lang::Ja => &JA,
            Lang::En => &EN,
        }
    }
}

/// Every fixed UI string. One struct so that a missing translation is a
/// compile error, not a blank label.
pub struct Strings {
    pub app_title: &'static str,
    pub language_switch: &'static str,
    pub overview: &'static str,
    pub goals: &'static str,
    pub goal: &'static str,
    pub reform: &'static str,
    pub reforms: &'static str,
    pub item: &'static str,
    pub items: &'static str,
    pub kpis: &'static str,
    pub departments: &'static str,
    pub all: &'static str,
    pub filters: &'static str,
    pub search: &'static str,
    pub search_placeholder: &'static str,
    pub dept_search: &'static str,
    pub dept_search_placeholder: &'static str,
    /// `{star}` is replaced by the plan's `star_label`.
    pub star_only: &'static str,
    pub star_explained: &'static str,
    pub fiscal_year: &'static str,
    pub clear_filters: &'static str,
    pub results: &'static str,
    pub no_results: &'static str,
    pub met: &'static str,
    pub missed: &'static str,
    pub no_data: &'static str,
    /// A year after the last reported results.
    pub not_yet: &'static str,
    /// Beside a value reconstructed rather than read (推定).
    pub inferred: &'static str,
    pub inferred_explained: &'static str,
    /// A department the source names but the extraction lost.
    pub missing_departments: &'static str,
    /// The overview's KPI names of an item whose sheet gives no values.
    pub listed_kpis: &'static str,
    pub listed_kpis_help: &'static str,
    /// Beside a printed judgement the numbers do not support.
    pub judgement_differs: &'static str,
    pub kpi_status_heading: &'static str,
    pub kgis: &'static str,
    pub lead_departments: &'static str,
    pub related_departments: &'static str,
    pub situation: &'static str,
    pub problems: &'static str,
    pub measures: &'static str,
    pub no_sheet: &'static str,
    pub back_to_list: &'static str,
    pub objective: &'static str,
    pub reference: &'static str,
    pub target: &'static str,
    pub actual: &'static str,
    pub rate: &'static str,
    pub rate_computed: &'static str,
    pub rate_stated: &'static str,
    pub higher_better: &'static str,
    pub lower_better: &'static str,
    pub cumulative: &'static str,
    pub show_table: &'static str,
    pub show_chart: &'static str,
    pub schedule: &'static str,
    pub related_kpis: &'static str,
    pub activity: &'static str,
    pub plan_row: &'static str,
    pub result_row: &'static str,
    pub unknown_marks: &'static str,
    pub achieved_count: &'static str,
    pub evaluations: &'static str,
    pub factors: &'static str,
    pub issues: &'static str,
    pub response: &'static str,
    pub not_evaluated: &'static str,
    pub notes: &'static str,
    pub dept_view_related: &'static str,
    pub source: &'static str,
    pub as_of: &'static str,
    pub data_error: &'static str,
    pub data_fallback: &'static str,
    pub download_view: &'static str,
    pub download_csv: &'static str,
    /// The footer's link to the published CSV files.
    pub open_data: &'static str,
    /// 利用条件: the data's terms of reuse, from the dataset.
    pub licence: &'static str,
    pub print: &'static str,
    pub kiosk_touch: &'static str,
    /// The kiosk's ways in, its controls and its screens' hints.
    pub kiosk_by_goal: &'static str,
    pub kiosk_by_department: &'static str,
    pub kiosk_home: &'static str,
    pub kiosk_back: &'static str,
    pub kiosk_prev: &'static str,
    pub kiosk_next: &'static str,
    pub kiosk_pause: &'static str,
    pub kiosk_resume: &'static str,
    pub kiosk_paused: &'static str,
    pub kiosk_choose_reform: &'static str,
    pub kiosk_choose_item: &'static str,
    pub kiosk_choose_department: &'static str,
    pub kiosk_about: &'static str,
    /// "{n} / {total}": an item's page.
    pub kiosk_page: &'static str,
    /// The results line of a tile: "{fy}の取組目標".
    pub kiosk_results_of: &'static str,
    pub kiosk_no_kpis: &'static str,
    /// The warning before the attract loop starts, and its button.
    pub kiosk_warning: &'static str,
    pub kiosk_keep: &'static str,
    /// The single-file kiosk's page title after the plan's title, and what
    /// it says where scripts are off.
    pub kiosk_title: &'static str,
    pub kiosk_no_script: &'static str,
    /// A KPI's unit badge.
    pub unit: &'static str,
    /// Shown in a host while the data loads (both languages at once: the
    /// language is not known yet).
    pub loading: &'static str,
    pub chart_label: &'static str,
    /// A chart's one-sentence summary (`summary.rs`): its latest year with
    /// an actual. `{fy}`, `{target}`, `{actual}`, `{rate}` and `{status}`
    /// are replaced by the `summary_rate` and `summary_*` parts below.
    pub summary_against: &'static str,
    /// The same where that year has no target: `{fy}`, `{actual}`, `{rate}`, `{status}`.
    pub summary_no_target: &'static str,
    /// `{rate}`: the rate as `chart::rate_text` writes it.
    pub summary_rate: &'static str,
    pub summary_met: &'static str,
    pub summary_missed: &'static str,
    /// A target and an actual (in words) with no judgement in the source.
    pub summary_not_judged: &'static str,
    /// After a judgement the target and actual alone would not give.
    pub summary_by_printed_rate: &'static str,
    /// No evaluated year has an actual.
    pub summary_no_actual: &'static str,
    /// Only one year has an actual, so there is no trend.
    pub summary_one_year: &'static str,
    /// The trend of the actuals: `{from}` (a fiscal year), `{years}`, `{trend}`.
    pub summary_trend: &'static str,
    pub trend_rising: &'static str,
    pub trend_flat: &'static str,
    pub trend_falling: &'static str,
    /// After the trend of a lower-is-better KPI: what a fall or a rise means.
    pub trend_improving: &'static str,
    pub trend_worsening: &'static str,
    /// One clause as a sentence (`{a}`), two clauses as one (`{a}`, `{b}`).
    pub sentence: &'static str,
    pub sentence_two: &'static str,
    /// The share control's button and the heading of its panel.
    pub share: &'static str,
    pub share_link: &'static str,
    pub share_iframe: &'static str,
    pub share_script: &'static str,
    pub share_iframe_help: &'static str,
    pub share_script_help: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    /// Shown when the clipboard is not allowed: the text is selected instead.
    pub copy_manually: &'static str,
    pub close: &'static str,
    /// Where the report was opened from a disk: no web address to share.
    pub share_local: &'static str,
    /// The link to the static, complete report.
    pub report_link: &'static str,
    /// Shown without JavaScript above the pre-rendered list.
    pub no_script: &'static str,
}

pub static JA: Strings = Strings {
    app_title: "行財政改革 実施計画ダッシュボード",
    language_switch: "English",
    overview: "全体像",
    goals: "目標",
    goal: "目標",
    reform: "改革",
    reforms: "改革",
    item: "実施項目",
    items: "実施項目",
    kpis: "指標",
    departments: "所属",
    all: "すべて",
    filters: "絞り込み",
    search: "キーワード",
    search_placeholder: "項目名・本文を検索",
    dept_search: "所属を探す",
    dept_search_placeholder: "所属名または略称",
    star_only: "★ {star}の項目のみ",
    star_explained: "★ = {star}の取組項目",
    fiscal_year: "年度",
    clear_filters: "条件をすべてクリア",
    results: "件の実施項目",
    no_results: "条件に合う実施項目はありません。条件を減らしてください。",
    met: "達成",
    missed: "未達成",
    no_data: "データなし",
    not_yet: "未評価",
    inferred: "推定",
    inferred_explained: "元資料から直接読めず、位置や文脈から推定した値です(転記上の注記を参照)",
    missing_departments: "記載なし(抽出時に欠落)",
    listed_kpis: "一覧表に記載の指標",
    listed_kpis_help: "元資料の指標一覧にある名称です。この項目には個票がないため、目標値・実績値はありません。",
    judgement_differs: "資料記載の達成率による判定。目標値と実績値からの判定とは異なる",
    kpi_status_heading: "取組目標の達成状況",
    kgis: "重要目標達成指標(KGI)",
    lead_departments: "取組所属",
    related_departments: "関係所属",
    situation: "現状",
    problems: "問題・課題",
    measures: "改革内容",
    no_sheet: "この実施項目には個票(詳細シート)がありません。一覧表の情報のみを表示しています。",
    back_to_list: "一覧に戻る",
    objective: "取組目標",
    reference: "参考指標",
    target: "目標",
    actual: "実績",
    rate: "達成率",
    rate_computed: "計算値",
    rate_stated: "資料記載",
    higher_better: "高いほど良い",
    lower_better: "低いほど良い",
    cumulative: "累計",
    show_table: "表で見る",
    show_chart: "グラフで見る",
    schedule: "具体的取組及び工程",
    related_kpis: "関連目標",
    activity: "具体的取組",
    plan_row: "計画",
    result_row: "結果",
    unknown_marks: "実施時期: 元資料から読み取れず",
    achieved_count: "達成件数",
    evaluations: "年度ごとの実施結果評価",
    factors: "要因分析",
    issues: "次年度への課題",
    response: "課題を踏まえた対応",
    not_evaluated: "評価の記載なし",
    notes: "転記上の注記",
    dept_view_related: "関係所属として関わる実施項目",
    source: "出典",
    as_of: "時点",
    data_error: "データを読み込めませんでした",
    data_fallback: "同梱のデータを表示しています",
    download_view: "この表示を1ファイルで保存",
    download_csv: "指標の表をCSVで保存",
    open_data: "オープンデータ (CSV)",
    licence: "利用条件",
    print: "印刷",
    kiosk_touch: "画面に触れると操作できます",
    kiosk_by_goal: "目標から見る",
    kiosk_by_department: "所属から探す",
    kiosk_home: "ホーム",
    kiosk_back: "戻る",
    kiosk_prev: "前へ",
    kiosk_next: "次へ",
    kiosk_pause: "自動再生を一時停止",
    kiosk_resume: "自動再生を再開",
    kiosk_paused: "自動再生を一時停止しています",
    kiosk_choose_reform: "改革を選んでください",
    kiosk_choose_item: "実施項目を選んでください",
    kiosk_choose_department: "所属を選んでください",
    kiosk_about: "概要",
    kiosk_page: "{n} / {total} ページ",
    kiosk_results_of: "{fy}の取組目標",
    kiosk_no_kpis: "指標なし",
    kiosk_warning: "まもなく自動再生に切り替わります。続けて見るには画面に触れてください。",
    kiosk_keep: "続けて見る",
    kiosk_title: "キオスク",
    kiosk_no_script: "このキオスクの表示には JavaScript が必要です。",
    unit: "単位",
    loading: "読み込み中…",
    chart_label: "目標と実績の推移",
    summary_against: "{fy} 目標{target}に対し実績{actual}{rate}{status}",
    summary_no_target: "{fy} 実績{actual}{rate}{status}(目標の記載なし)",
    summary_rate: "(達成率{rate})",
    summary_met: "、達成",
    summary_missed: "、未達成",
    summary_not_judged: "、達成の判定なし",
    summary_by_printed_rate: "(資料記載の達成率による)",
    summary_no_actual: "実績なし",
    summary_one_year: "実績は1年度分のみ",
    summary_trend: "{from}から{years}年間で{trend}",
    trend_rising: "増加",
    trend_flat: "横ばい",
    trend_falling: "減少",
    trend_improving: "(改善)",
    trend_worsening: "(悪化)",
    sentence: "{a}。",
    sentence_two: "{a}。{b}。",
    share: "共有・埋め込み",
    share_link: "この表示へのリンク",
    share_iframe: "埋め込みコード(iframe)",
    share_script: "埋め込みコード(スクリプト)",
    share_iframe_help: "スクリプトを貼れない CMS では iframe を使います。",
    share_script_help: "スクリプトを使えるページでは、ページに溶け込む表示になります。",
    copy: "コピー",
    copied: "コピーしました",
    copy_manually: "クリップボードを使えません。選択された文字を Ctrl+C(⌘C)でコピーしてください。",
    close: "閉じる",
    share_local: "このファイルはパソコン上で開かれているため、ウェブ上の住所がありません。リンクはこのパソコンでのみ有効です。共有には「この表示を1ファイルで保存」をお使いください。",
    report_link: "全項目を1ファイルで読む(JavaScript 不要・印刷向け)",
    no_script: "JavaScript が無効なため、絞り込みは使えません。全項目の内容は下のリンクの報告書で読めます。",
};

pub static EN: Strings = Strings {
    app_title: "Reform plan dashboard",
    language_switch: "日本語",
    overview: "Overview",
    goals: "Goals",
    goal: "Goal",
    reform: "Reform",
    reforms: "Reforms",
    item: "Item",
    items: "Items",
    kpis: "KPIs",
    departments: "Departments",
    all: "All",
    filters: "Filters",
    search: "Keyword",
    search_placeholder: "Search titles and texts",
    dept_search: "Find a department",
    dept_search_placeholder: "Name or short name",
    star_only: "★ items only ({star})",
    star_explained: "★ = an item of {star}",
    fiscal_year: "Fiscal year",
    clear_filters: "Clear all filters",
    results: "items",
    no_results: "No item matches. Remove a filter to see more.",
    met: "Met",
    missed: "Missed",
    no_data: "No data",
    not_yet: "Not yet evaluated",
    inferred: "inferred",
    inferred_explained: "not read as printed: inferred from its position or context (see the transcription notes)",
    missing_departments: "not given (lost in extraction)",
    listed_kpis: "KPIs named in the overview list",
    listed_kpis_help: "Names from the source's list of KPIs. This item has no detail sheet, so there are no targets or actuals.",
    judgement_differs: "as judged by the printed rate; the target and actual would judge otherwise",
    kpi_status_heading: "Objective KPIs",
    kgis: "Key goal indicators (KGI)",
    lead_departments: "Lead departments",
    related_departments: "Related departments",
    situation: "Situation",
    problems: "Problems",
    measures: "What the reform does",
    no_sheet: "The source has no detail sheet for this item; only the overview table's information is shown.",
    back_to_list: "Back to the list",
    objective: "Objective",
    reference: "Reference indicator",
    target: "Target",
    actual: "Actual",
    rate: "Achievement",
    rate_computed: "computed",
    rate_stated: "as printed",
    higher_better: "higher is better",
    lower_better: "lower is better",
    cumulative: "cumulative",
    show_table: "Show as table",
    show_chart: "Show as chart",
    schedule: "Activities and schedule",
    related_kpis: "KPIs",
    activity: "Activity",
    plan_row: "Plan",
    result_row: "Result",
    unknown_marks: "Timing: not legible in the source (its shaded cells were lost)",
    achieved_count: "Achieved",
    evaluations: "Yearly evaluations",
    factors: "Analysis of factors",
    issues: "Issues for the next year",
    response: "Response",
    not_evaluated: "No evaluation recorded",
    notes: "Transcription notes",
    dept_view_related: "Items this department is related to",
    source: "Source",
    as_of: "As of",
    data_error: "The dataset could not be loaded",
    data_fallback: "Showing the bundled data instead",
    download_view: "Save this view as one file",
    download_csv: "Save the KPI table as CSV",
    open_data: "Open data (CSV)",
    licence: "Terms of use",
    print: "Print",
    kiosk_touch: "Touch the screen to explore",
    kiosk_by_goal: "Explore by goal",
    kiosk_by_department: "Find by department",
    kiosk_home: "Home",
    kiosk_back: "Back",
    kiosk_prev: "Previous",
    kiosk_next: "Next",
    kiosk_pause: "Pause the slideshow",
    kiosk_resume: "Resume the slideshow",
    kiosk_paused: "Slideshow paused",
    kiosk_choose_reform: "Choose a reform",
    kiosk_choose_item: "Choose an item",
    kiosk_choose_department: "Choose a department",
    kiosk_about: "About",
    kiosk_page: "Page {n} of {total}",
    kiosk_results_of: "Objective KPIs, {fy}",
    kiosk_no_kpis: "No KPIs",
    kiosk_warning: "The slideshow starts soon. Touch the screen to keep reading.",
    kiosk_keep: "Keep reading",
    kiosk_title: "kiosk",
    kiosk_no_script: "This kiosk needs JavaScript.",
    unit: "unit",
    loading: "Loading…",
    chart_label: "Targets and actuals by fiscal year",
    summary_against: "{fy}: actual {actual} against a target of {target}{rate}{status}",
    summary_no_target: "{fy}: actual {actual}{rate}{status} (no target given)",
    summary_rate: " (achievement {rate})",
    summary_met: ", met",
    summary_missed: ", missed",
    summary_not_judged: ", not judged",
    summary_by_printed_rate: " (as judged by the printed rate)",
    summary_no_actual: "No actual yet",
    summary_one_year: "only one year has an actual",
    summary_trend: "{trend} over {years} years from {from}",
    trend_rising: "rising",
    trend_flat: "flat",
    trend_falling: "falling",
    trend_improving: " (improving)",
    trend_worsening: " (worsening)",
    sentence: "{a}.",
    sentence_two: "{a}; {b}.",
    share: "Share & embed",
    share_link: "Link to this view",
    share_iframe: "Embed code (iframe)",
    share_script: "Embed code (script)",
    share_iframe_help: "Use the iframe where the CMS strips scripts.",
    share_script_help: "Where scripts are allowed, the widget flows with the page.",
    copy: "Copy",
    copied: "Copied",
    copy_manually: "The clipboard is not available. The text is selected: press Ctrl+C (⌘C) to copy it.",
    close: "Close",
    share_local: "This file was opened from a disk, so it has no web address; the link works on this computer only. To share the view, use “Save this view as one file”.",
    report_link: "Read every item in one file (no JavaScript needed, for printing)",
    no_script: "JavaScript is off, so the filters do not work. Every item is in full in the report linked below.",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes_accept_regions_and_reject_others() {
        assert_eq!(Lang::from_code("ja-JP"), Some(Lang::Ja));
        assert_eq!(Lang::from_code("EN"), Some(Lang::En));
        assert_eq!(Lang::from_code("fr"), None);
        assert_eq!(Lang::from_code(""), None);
    }

    #[test]
    fn english_fiscal_years_carry_both_names() {
        assert_eq!(Lang::En.fy(2020), "FY2020 (R2)");
        assert_eq!(Lang::Ja.fy(2020), "令和2年度");
        assert_eq!(Lang::Ja.fy_short(2019), "R元");
        assert_eq!(Lang::En.fy_short(2019), "FY2019");
    }
}
