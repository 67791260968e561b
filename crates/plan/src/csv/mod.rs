//! The plan as a set of CSV files, for open data and for the staff who
//! update it in Excel: [`export`] writes one file per table, [`import`]
//! reads them back into the same [`Plan`](crate::Plan).
//!
//! This module holds the layout both sides share: the files, their columns
//! (with the meaning `columns.csv` documents) and how a cell spells a
//! value (`cells`). Export → import is exact.
//!
//! Conventions, for every file: UTF-8 with a BOM and CRLF line ends (what
//! Excel's "CSV UTF-8" writes); headers in Japanese; an empty cell means
//! unknown (`null`), never 0; numbers plain (no thousands separators, no
//! unit, a minus sign for negatives; `▲` is read as minus); fiscal years as
//! the western year they start in, beside a 和暦 label that is written on
//! export and, when filled, checked on import; lists of words (ids, field
//! names, quarters, KPI numbers) separated by spaces; lists of texts (notes,
//! aliases) one per line inside the cell. Columns are found by name, in any
//! order.

mod cells;
mod export;
mod import;
mod origins;

pub use export::{columns_table, export, tables, ExportError, Table};
pub use import::{import, CsvProblem};

/// A column: its header and what it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub name: &'static str,
    pub meaning: &'static str,
    /// Written on export for reading, recomputed from other columns; on
    /// import it may be absent or empty, and when filled it must agree.
    pub derived: bool,
}

const fn col(name: &'static str, meaning: &'static str) -> Column {
    Column { name, meaning, derived: false }
}

const fn derived(name: &'static str, meaning: &'static str) -> Column {
    Column { name, meaning, derived: true }
}

/// A file: its name and its columns, in the order export writes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    pub file: &'static str,
    pub columns: &'static [Column],
}

/// Column headers. One constant per header, shared by export and import.
pub mod header {
    pub const TITLE: &str = "計画名";
    pub const ORGANISATION: &str = "団体";
    pub const FIRST_FY: &str = "初年度";
    pub const LAST_FY: &str = "最終年度";
    pub const BASELINE_FY: &str = "基準年度";
    pub const SCHEDULE_FROM: &str = "工程表の始期";
    pub const SCHEDULE_TO: &str = "工程表の終期";
    pub const SOURCE: &str = "出典";
    pub const AS_OF: &str = "時点";
    pub const RESULTS_THROUGH: &str = "実績の最終年度";
    pub const TEXTS_AS_OF: &str = "記述の時点";
    pub const STAR_LABEL: &str = "★の意味";
    pub const SOURCE_URL: &str = "出典URL";
    pub const LICENCE: &str = "利用条件";

    pub const NOTES: &str = "注記";
    pub const RECONSTRUCTED: &str = "推定項目";
    pub const MISSING: &str = "欠落項目";
    pub const ALIASES: &str = "別表記";

    pub const GOAL_ID: &str = "目標番号";
    pub const GOAL: &str = "目標";
    pub const REFORM_ID: &str = "改革番号";
    pub const REFORM: &str = "改革";
    pub const DEPT_ID: &str = "所属ID";
    pub const DEPT: &str = "所属";
    pub const KGI_ID: &str = "KGI番号";
    pub const KGI: &str = "KGI";
    pub const INDICATOR: &str = "指標";

    pub const ITEM_ID: &str = "実施項目番号";
    pub const ITEM: &str = "実施項目";
    pub const NOTE: &str = "補足";
    pub const STAR: &str = "★";
    pub const LEAD_IDS: &str = "取組所属ID";
    pub const LEAD_NAMES: &str = "取組所属";
    pub const RELATED_IDS: &str = "関係所属ID";
    pub const RELATED_NAMES: &str = "関係所属";
    pub const RELATED_OTHER: &str = "関係所属(その他)";
    pub const SHEET: &str = "個票";
    pub const PRINTED_NO: &str = "個票の番号";
    pub const PRINTED_TITLE: &str = "個票の実施項目";
    pub const SITUATION: &str = "現状";
    pub const PROBLEMS: &str = "問題・課題";
    pub const MEASURES: &str = "改革内容";

    pub const LIST_NAME: &str = "指標名(一覧)";
    pub const KPI_NO: &str = "指標番号";
    pub const KPI_NAME: &str = "指標項目";
    pub const UNIT: &str = "単位";
    pub const FY: &str = "年度";
    pub const FY_ERA: &str = "年度(和暦)";
    pub const TARGET: &str = "目標値";
    pub const TARGET_LABEL: &str = "目標(文言)";
    pub const ACTUAL: &str = "実績値";
    pub const ACTUAL_LABEL: &str = "実績(文言)";
    pub const STATED_RATE: &str = "達成率(資料記載)";
    pub const ROLE: &str = "区分";
    pub const DIRECTION: &str = "方向";
    pub const CUMULATIVE: &str = "累計";
    pub const KPI_NOTES: &str = "指標の注記";
    pub const KPI_RECONSTRUCTED: &str = "指標の推定項目";

    pub const KPI_NOS: &str = "関連目標";
    pub const ACTIVITY: &str = "具体的取組";
    pub const PLANNED: &str = "計画(四半期)";
    pub const DONE: &str = "結果(四半期)";

    pub const ACHIEVED: &str = "達成件数";
    pub const TOTAL: &str = "目標件数";
    pub const FACTORS: &str = "要因分析";
    pub const ISSUES: &str = "次年度への課題";
    pub const RESPONSE: &str = "課題を踏まえた対応";
}

use header as h;

const NOTES_COL: Column = col(h::NOTES, "transcription notes, one per line");
const RECONSTRUCTED_COL: Column = col(
    h::RECONSTRUCTED,
    "fields of this row whose values were reconstructed (inferred by position, by context or from a mixed row) rather than read as printed; JSON field names separated by spaces (see docs/data-format.md); empty = all read as printed",
);
const FY_ERA_COL: Column = derived(
    h::FY_ERA,
    "the fiscal year in the Japanese era (令和2年度); written on export; on import it may be left empty, and when filled it must agree with 年度",
);

pub const PLAN: Layout = Layout {
    file: "plan.csv",
    columns: &[
        col(h::TITLE, "the plan's title as published"),
        col(h::ORGANISATION, "who publishes it"),
        col(h::FIRST_FY, "first fiscal year of the plan (western year it starts in: 2020 = 令和2年度)"),
        col(h::LAST_FY, "last fiscal year of the plan"),
        col(h::BASELINE_FY, "the baseline year 基準年 whose actuals the KPIs start from"),
        col(h::SCHEDULE_FROM, "first quarter of the schedule grids, as 2020Q4 (fiscal quarter: Q1 = April–June, Q4 = January–March)"),
        col(h::SCHEDULE_TO, "last quarter of the schedule grids"),
        col(h::SOURCE, "where the data comes from, in words a citizen understands"),
        col(h::AS_OF, "how current the data is, in words"),
        col(h::RESULTS_THROUGH, "the last fiscal year for which the source reports results; later years may have targets but no actuals; empty = not stated"),
        col(h::TEXTS_AS_OF, "when the sheets' texts (現状, 問題・課題) describe, as printed (令和X年Y月時点); empty = not stated"),
        col(h::STAR_LABEL, "what ★ marks an item as part of, as the source words it; empty = the plan has no ★ items"),
        col(h::SOURCE_URL, "the published source's web address; empty = not known"),
        col(h::LICENCE, "the terms on which the data may be reused (利用条件); empty = not stated by the source"),
    ],
};

pub const NOTES: Layout =
    Layout { file: "notes.csv", columns: &[col(h::NOTES, "a note on the dataset as a whole, one per row")] };

pub const GOALS: Layout = Layout {
    file: "goals.csv",
    columns: &[
        col(h::GOAL_ID, "goal number"),
        col(h::GOAL, "goal title as the overview prints it"),
        col(h::ALIASES, "other titles the source uses for the goal, one per line"),
        NOTES_COL,
    ],
};

pub const REFORMS: Layout = Layout {
    file: "reforms.csv",
    columns: &[col(h::REFORM_ID, "reform number"), col(h::GOAL_ID, "goal number"), col(h::REFORM, "reform title"), NOTES_COL],
};

pub const DEPARTMENTS: Layout = Layout {
    file: "departments.csv",
    columns: &[
        col(h::DEPT_ID, "department id (lowercase ASCII, as in URLs)"),
        col(h::DEPT, "department name"),
        col(h::ALIASES, "other spellings the source uses (abbreviations), one per line"),
        NOTES_COL,
    ],
};

pub const KGIS: Layout = Layout {
    file: "kgis.csv",
    columns: &[col(h::KGI_ID, "KGI number (KGI① = 1)"), col(h::KGI, "KGI title"), col(h::INDICATOR, "what is measured")],
};

pub const ITEMS: Layout = Layout {
    file: "items.csv",
    columns: &[
        col(h::ITEM_ID, "item number"),
        col(h::REFORM_ID, "reform number"),
        col(h::ITEM, "item title as the overview prints it"),
        col(h::NOTE, "parenthetical note of the title; empty if none"),
        col(h::STAR, "1 if the overview marks the item with ★, else 0"),
        col(h::LEAD_IDS, "ids of the departments in charge (departments.csv), separated by spaces"),
        derived(h::LEAD_NAMES, "names of the departments in charge, separated by 、; written on export; on import it may be left empty, and when filled it must agree with 取組所属ID"),
        col(h::RELATED_IDS, "ids of related departments, separated by spaces"),
        derived(h::RELATED_NAMES, "names of related departments, separated by 、; written on export; checked on import when filled"),
        col(h::RELATED_OTHER, "related parties that are not one department (各所属, 全所属, ...), one per line"),
        col(h::SHEET, "1 if the source has a detail sheet (個票) for the item, else 0 (then the sheet's columns are empty)"),
        col(h::PRINTED_NO, "the item number printed on the sheet"),
        col(h::PRINTED_TITLE, "the item title as the sheet prints it"),
        col(h::SITUATION, "current situation (現状); empty where the sheet gives none"),
        col(h::PROBLEMS, "problems (問題・課題)"),
        col(h::MEASURES, "what the reform does (改革内容)"),
        NOTES_COL,
        RECONSTRUCTED_COL,
        col(h::MISSING, "fields whose source value was lost in the text extraction (shown as 記載なし(抽出時に欠落)); JSON field names separated by spaces; empty = none"),
    ],
};

pub const KPI_LIST: Layout = Layout {
    file: "kpi_list.csv",
    columns: &[
        col(h::LIST_NAME, "KPI name as the overview's KPI list prints it"),
        col(h::ITEM_ID, "item number the name belongs to"),
        col(h::KPI_NO, "numbers of the item's sheet KPIs this name denotes, separated by spaces; empty where the item has no sheet"),
        NOTES_COL,
        RECONSTRUCTED_COL,
    ],
};

pub const KPIS: Layout = Layout {
    file: "kpis.csv",
    columns: &[
        col(h::ITEM_ID, "item number"),
        col(h::KPI_NO, "KPI number within the item (① = 1)"),
        col(h::KPI_NAME, "KPI name; the same on every row of the KPI"),
        col(h::UNIT, "unit of 目標値 and 実績値 (%, 件, 億円); the same on every row of the KPI"),
        col(h::FY, "fiscal year of this row's values (western year it starts in: 2020 = 令和2年度); empty only on the one row of a KPI without values"),
        FY_ERA_COL,
        col(h::TARGET, "target, a plain number; empty where the source gives none"),
        col(h::TARGET_LABEL, "the target as printed when it has words (黒字化, 75%以上)"),
        col(h::ACTUAL, "actual, a plain number; empty where the source gives none"),
        col(h::ACTUAL_LABEL, "the actual as printed when it has words (公表)"),
        col(h::STATED_RATE, "achievement % printed in the source, without %; empty where none is printed"),
        col(h::NOTES, "transcription notes on this year's values, one per line"),
        col(h::RECONSTRUCTED, "fields of this year's values that were reconstructed rather than read (target, actual, ...), separated by spaces"),
        col(h::ROLE, "取組目標 (objective) or 参考指標 (reference indicator); the same on every row of the KPI"),
        col(h::KGI_ID, "KGI the KPI serves; empty if none; the same on every row of the KPI"),
        col(h::DIRECTION, "高いほど良い (higher is better) or 低いほど良い (lower is better); the same on every row of the KPI"),
        col(h::CUMULATIVE, "1 if the values are cumulative (累計), else 0; the same on every row of the KPI"),
        col(h::KPI_NOTES, "transcription notes on the KPI as a whole, one per line; the same on every row of the KPI"),
        col(h::KPI_RECONSTRUCTED, "fields of the KPI (no, name, ...) that were reconstructed, separated by spaces; the same on every row of the KPI"),
    ],
};

pub const SCHEDULE: Layout = Layout {
    file: "schedule.csv",
    columns: &[
        col(h::ITEM_ID, "item number"),
        col(h::KPI_NOS, "numbers of the KPIs the activity serves, separated by spaces"),
        col(h::ACTIVITY, "activity (具体的取組)"),
        col(h::PLANNED, "planned quarters as 2021Q1 (fiscal quarters), separated by spaces; なし = none; empty = not recorded in the source"),
        col(h::DONE, "quarters done, as 計画(四半期)"),
        NOTES_COL,
        RECONSTRUCTED_COL,
    ],
};

pub const EVALUATIONS: Layout = Layout {
    file: "evaluations.csv",
    columns: &[
        col(h::ITEM_ID, "item number"),
        col(h::FY, "fiscal year evaluated (western year it starts in)"),
        FY_ERA_COL,
        col(h::ACHIEVED, "objectives achieved (達成件数 x of y); empty where the source gives none"),
        col(h::TOTAL, "objectives in all (y)"),
        col(h::FACTORS, "analysis of factors"),
        col(h::ISSUES, "issues for the next year"),
        col(h::RESPONSE, "response to the issues"),
        NOTES_COL,
    ],
};

/// The file documenting every column of every table; not read on import.
pub const COLUMNS: Layout = Layout {
    file: "columns.csv",
    columns: &[col("ファイル", "file"), col("列", "column"), col("説明", "meaning")],
};

/// Every table, in the order export writes them and import reads them.
pub const LAYOUTS: [Layout; 11] = [PLAN, NOTES, GOALS, REFORMS, DEPARTMENTS, KGIS, ITEMS, KPI_LIST, KPIS, SCHEDULE, EVALUATIONS];
