//! The dataset's types, exactly as `public/data/plan.json` spells them.
//!
//! Every field that the source may lack is an `Option`: `None` is "the source
//! does not say", never zero. Judgement calls made while transcribing live in
//! the `notes` next to the value they concern.

use serde::{Deserialize, Serialize};

/// The schema version this library reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// A whole implementation plan (実施計画), read-only after loading.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub schema_version: u32,
    pub plan: PlanInfo,
    /// 目標
    pub goals: Vec<Goal>,
    /// 改革 (or 施策 in later plans)
    pub reforms: Vec<Reform>,
    /// 所属: every department named anywhere in the plan.
    pub departments: Vec<Department>,
    /// KGI: 重要目標達成指標
    pub kgis: Vec<Kgi>,
    /// The overview's list of KPI names, linked to the sheet KPI each denotes.
    #[serde(default)]
    pub kpi_list: Vec<KpiListEntry>,
    /// 実施項目
    pub items: Vec<Item>,
    pub kpis: Vec<Kpi>,
    /// 具体的取組及び工程
    pub schedule: Vec<ScheduleRow>,
    /// 年度ごとの実施結果評価
    pub evaluations: Vec<Evaluation>,
    /// Notes on the dataset as a whole.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// What the plan is and which years it covers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanInfo {
    pub title: String,
    pub organisation: String,
    /// First fiscal year of the plan (western year in which it starts).
    pub first_fy: i32,
    /// Last fiscal year of the plan.
    pub last_fy: i32,
    /// 基準年: the baseline year whose actuals the KPIs start from.
    pub baseline_fy: i32,
    /// First quarter of the schedule grid.
    pub schedule_from: Quarter,
    /// Last quarter of the schedule grid.
    pub schedule_to: Quarter,
    /// Where the data comes from, in words a citizen understands.
    pub source: String,
    /// How current the data is (the source prints no date; see notes).
    pub as_of: String,
    /// The last fiscal year for which the source reports results.
    pub results_through_fy: Option<i32>,
}

/// 目標: a goal of the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    pub id: u32,
    pub title: String,
    /// Other titles the source uses for the same goal.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// 改革: a reform under one goal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reform {
    pub id: u32,
    pub goal_id: u32,
    pub title: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// 所属: a department, with the other spellings the source uses for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Department {
    /// Stable id used in URLs (`dept=...`).
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// KGI: a key goal indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kgi {
    pub id: u32,
    pub title: String,
    pub indicator: String,
}

/// One name in the overview's KPI list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KpiListEntry {
    pub name: String,
    /// The sheet KPIs this name denotes; empty where the item has no sheet.
    pub kpis: Vec<KpiRef>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// Identifies a KPI: its item and its number within the item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KpiRef {
    pub item_id: u32,
    pub no: u32,
}

/// 実施項目: an implementation item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// The plan's own number.
    pub id: u32,
    pub reform_id: u32,
    pub title: String,
    /// The parenthetical after the title, if any.
    pub note: Option<String>,
    /// ★: part of the 官民データ活用推進計画.
    pub star: bool,
    /// 取組所属: department ids in charge.
    pub lead_departments: Vec<String>,
    /// 関係所属: related department ids.
    #[serde(default)]
    pub related_departments: Vec<String>,
    /// 関係所属 that name a group rather than one department (各所属, ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related_other: Vec<String>,
    /// The detail sheet, `None` where the source has none.
    pub sheet: Option<Sheet>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// What an item's detail sheet adds to the overview.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sheet {
    /// The item number printed on the sheet (wrong on some sheets).
    pub printed_no: u32,
    /// The item title as the sheet prints it (may differ from the overview's).
    pub printed_title: String,
    /// 現状
    pub situation: Option<String>,
    /// 問題・課題
    pub problems: Option<String>,
    /// 改革内容
    pub measures: Option<String>,
}

/// 取組目標 or 参考指標.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 取組目標: a KPI with targets that counts towards 達成件数.
    Objective,
    /// 参考指標: a reference indicator, usually actuals only.
    Reference,
}

/// Which way is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Higher,
    Lower,
}

/// A KPI of an item with its yearly targets and actuals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kpi {
    pub item_id: u32,
    /// ① = 1
    pub no: u32,
    pub name: String,
    pub unit: Option<String>,
    pub kgi_id: Option<u32>,
    pub role: Role,
    pub direction: Direction,
    /// 累計: values accumulate over the years.
    pub cumulative: bool,
    pub values: Vec<KpiValue>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

impl Kpi {
    /// This KPI's reference.
    pub fn key(&self) -> KpiRef {
        KpiRef { item_id: self.item_id, no: self.no }
    }

    /// The value for one fiscal year, if the dataset has an entry for it.
    pub fn value(&self, fy: i32) -> Option<&KpiValue> {
        self.values.iter().find(|v| v.fy == fy)
    }
}

/// One fiscal year of a KPI.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KpiValue {
    pub fy: i32,
    pub target: Option<f64>,
    pub actual: Option<f64>,
    /// The target as printed when it has words (黒字化, 75%以上); with or
    /// without a number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_label: Option<String>,
    /// The actual as printed when it has words (公表).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual_label: Option<String>,
    /// The achievement % printed in the source.
    pub stated_rate: Option<f64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// A fiscal quarter: `q` 1..=4, Q1 = April–June of `fy`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quarter {
    pub fy: i32,
    pub q: u8,
}

/// One activity of an item's schedule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScheduleRow {
    pub item_id: u32,
    /// 関連目標: numbers of the KPIs this activity serves.
    pub kpi_nos: Vec<u32>,
    /// 具体的取組
    pub activity: String,
    /// Planned quarters; `None` where the source does not record them.
    pub plan: Option<Vec<Quarter>>,
    /// Quarters done; `None` where the source does not record them.
    pub result: Option<Vec<Quarter>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// 年度ごとの実施結果評価: one item's evaluation of one fiscal year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evaluation {
    pub item_id: u32,
    pub fy: i32,
    /// 達成件数 x (of y)
    pub achieved: Option<u32>,
    pub total: Option<u32>,
    /// 要因分析
    pub factors: Option<String>,
    /// 次年度への課題
    pub issues: Option<String>,
    /// 課題を踏まえた対応
    pub response: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}
