//! The dataset's types, exactly as `public/data/plan.json` spells them, and
//! how each is read from JSON (every member known, the optional ones may be
//! left out).
//!
//! Every field that the source may lack is an `Option`: `None` is "the source
//! does not say", never zero. Judgement calls made while transcribing live in
//! the `notes` next to the value they concern.

use crate::json::{Decode, DecodeError, Fields, Value};

/// The schema version this library reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// A whole implementation plan (実施計画), read-only after loading.
#[derive(Debug, Clone, PartialEq)]
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
    pub kpi_list: Vec<KpiListEntry>,
    /// 実施項目
    pub items: Vec<Item>,
    pub kpis: Vec<Kpi>,
    /// 具体的取組及び工程
    pub schedule: Vec<ScheduleRow>,
    /// 年度ごとの実施結果評価
    pub evaluations: Vec<Evaluation>,
    /// Notes on the dataset as a whole.
    pub notes: Vec<String>,
}

/// What the plan is and which years it covers.
#[derive(Debug, Clone, PartialEq)]
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
#[derive(Debug, Clone, PartialEq)]
pub struct Goal {
    pub id: u32,
    pub title: String,
    /// Other titles the source uses for the same goal.
    pub aliases: Vec<String>,
    pub notes: Vec<String>,
}

/// 改革: a reform under one goal.
#[derive(Debug, Clone, PartialEq)]
pub struct Reform {
    pub id: u32,
    pub goal_id: u32,
    pub title: String,
    pub notes: Vec<String>,
}

/// 所属: a department, with the other spellings the source uses for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Department {
    /// Stable id used in URLs (`dept=...`).
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub notes: Vec<String>,
}

/// KGI: a key goal indicator.
#[derive(Debug, Clone, PartialEq)]
pub struct Kgi {
    pub id: u32,
    pub title: String,
    pub indicator: String,
}

/// One name in the overview's KPI list.
#[derive(Debug, Clone, PartialEq)]
pub struct KpiListEntry {
    pub name: String,
    /// The item whose KPI this name is. Required: for items without a sheet
    /// it is the only link between the name and its item.
    pub item_id: u32,
    /// The sheet KPIs this name denotes; empty where the item has no sheet.
    pub kpis: Vec<KpiRef>,
    /// Fields inferred rather than read (see [`Item::reconstructed`]).
    pub reconstructed: Vec<String>,
    pub notes: Vec<String>,
}

/// Identifies a KPI: its item and its number within the item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KpiRef {
    pub item_id: u32,
    pub no: u32,
}

/// 実施項目: an implementation item.
#[derive(Debug, Clone, PartialEq)]
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
    pub related_departments: Vec<String>,
    /// 関係所属 that name a group rather than one department (各所属, ...).
    pub related_other: Vec<String>,
    /// The detail sheet, `None` where the source has none.
    pub sheet: Option<Sheet>,
    /// Names of this object's fields whose values were reconstructed
    /// (inferred by position, by context, or by reading a mixed row) rather
    /// than read verbatim; empty when everything was read as printed. The
    /// same field exists on KPIs, KPI values, schedule rows and KPI-list
    /// entries.
    pub reconstructed: Vec<String>,
    /// Names of fields whose source value was lost in the extraction (the
    /// source had it, the text we transcribed from does not); empty = none.
    pub missing: Vec<String>,
    pub notes: Vec<String>,
}

/// What an item's detail sheet adds to the overview.
#[derive(Debug, Clone, PartialEq)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// 取組目標: a KPI with targets that counts towards 達成件数.
    Objective,
    /// 参考指標: a reference indicator, usually actuals only.
    Reference,
}

/// Which way is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    Higher,
    Lower,
}

/// A KPI of an item with its yearly targets and actuals.
#[derive(Debug, Clone, PartialEq)]
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
    /// Fields inferred rather than read (see [`Item::reconstructed`]).
    pub reconstructed: Vec<String>,
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
#[derive(Debug, Clone, PartialEq)]
pub struct KpiValue {
    pub fy: i32,
    pub target: Option<f64>,
    pub actual: Option<f64>,
    /// The target as printed when it has words (黒字化, 75%以上); with or
    /// without a number.
    pub target_label: Option<String>,
    /// The actual as printed when it has words (公表).
    pub actual_label: Option<String>,
    /// The achievement % printed in the source.
    pub stated_rate: Option<f64>,
    /// Fields inferred rather than read (see [`Item::reconstructed`]).
    pub reconstructed: Vec<String>,
    pub notes: Vec<String>,
}

/// A fiscal quarter: `q` 1..=4, Q1 = April–June of `fy`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Quarter {
    pub fy: i32,
    pub q: u8,
}

/// One activity of an item's schedule.
#[derive(Debug, Clone, PartialEq)]
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
    /// Fields inferred rather than read (see [`Item::reconstructed`]).
    pub reconstructed: Vec<String>,
    pub notes: Vec<String>,
}

/// 年度ごとの実施結果評価: one item's evaluation of one fiscal year.
#[derive(Debug, Clone, PartialEq)]
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
    pub notes: Vec<String>,
}

/// The fields of each object that `reconstructed` and `missing` may name,
/// with whether the field is empty (`null`, `[]`) in a given object. A
/// field that cannot be empty (a number, a flag) reports `false`.
pub trait NamedFields {
    /// Every data field of the object, as the JSON spells it.
    const FIELDS: &'static [&'static str];
    /// Whether `name` is empty here; `None` if the object has no such field.
    fn field_is_empty(&self, name: &str) -> Option<bool>;
}

impl NamedFields for Item {
    const FIELDS: &'static [&'static str] =
        &["id", "reform_id", "title", "note", "star", "lead_departments", "related_departments", "related_other", "sheet"];
    fn field_is_empty(&self, name: &str) -> Option<bool> {
        Some(match name {
            "id" | "reform_id" | "title" | "star" => false,
            "note" => self.note.is_none(),
            "lead_departments" => self.lead_departments.is_empty(),
            "related_departments" => self.related_departments.is_empty(),
            "related_other" => self.related_other.is_empty(),
            "sheet" => self.sheet.is_none(),
            _ => return None,
        })
    }
}

impl NamedFields for Kpi {
    const FIELDS: &'static [&'static str] =
        &["item_id", "no", "name", "unit", "kgi_id", "role", "direction", "cumulative", "values"];
    fn field_is_empty(&self, name: &str) -> Option<bool> {
        Some(match name {
            "item_id" | "no" | "name" | "role" | "direction" | "cumulative" => false,
            "unit" => self.unit.is_none(),
            "kgi_id" => self.kgi_id.is_none(),
            "values" => self.values.is_empty(),
            _ => return None,
        })
    }
}

impl NamedFields for KpiValue {
    const FIELDS: &'static [&'static str] = &["fy", "target", "actual", "target_label", "actual_label", "stated_rate"];
    fn field_is_empty(&self, name: &str) -> Option<bool> {
        Some(match name {
            "fy" => false,
            "target" => self.target.is_none(),
            "actual" => self.actual.is_none(),
            "target_label" => self.target_label.is_none(),
            "actual_label" => self.actual_label.is_none(),
            "stated_rate" => self.stated_rate.is_none(),
            _ => return None,
        })
    }
}

impl NamedFields for ScheduleRow {
    const FIELDS: &'static [&'static str] = &["item_id", "kpi_nos", "activity", "plan", "result"];
    fn field_is_empty(&self, name: &str) -> Option<bool> {
        Some(match name {
            "item_id" | "activity" => false,
            "kpi_nos" => self.kpi_nos.is_empty(),
            "plan" => self.plan.is_none(),
            "result" => self.result.is_none(),
            _ => return None,
        })
    }
}

impl NamedFields for KpiListEntry {
    const FIELDS: &'static [&'static str] = &["name", "item_id", "kpis"];
    fn field_is_empty(&self, name: &str) -> Option<bool> {
        Some(match name {
            "name" | "item_id" => false,
            "kpis" => self.kpis.is_empty(),
            _ => return None,
        })
    }
}

impl Decode for Plan {
    fn decode(v: &Value, path: &str) -> Result<Self, DecodeError> {
        let mut f = Fields::new(v, path)?;
        let plan = Plan {
            schema_version: f.req("schema_version")?,
            plan: f.req("plan")?,
            goals: f.req("goals")?,
            reforms: f.req("reforms")?,
            departments: f.req("departments")?,
            kgis: f.req("kgis")?,
            kpi_list: f.opt("kpi_list")?,
            items: f.req("items")?,
            kpis: f.req("kpis")?,
            schedule: f.req("schedule")?,
            evaluations: f.req("evaluations")?,
            notes: f.opt("notes")?,
        };
        f.finish().map(|_| plan)
    }
}

impl Decode for PlanInfo {
    fn decode(v: &Value, path: &str) -> Result<Self, DecodeError> {
        let mut f = Fields::new(v, path)?;
        let info = PlanInfo {
            title: f.req("title")?,
            organisation: f.req("organisation")?,
            first_fy: f.req("first_fy")?,
            last_fy: f.req("last_fy")?,
            baseline_fy: f.req("baseline_fy")?,
            schedule_from: f.req("schedule_from")?,
            schedule_to: f.req("schedule_to")?,
            source: f.req("source")?,
            as_of: f.req("as_of")?,
            results_through_fy: f.opt("results_through_fy")?,
        };
        f.finish().map(|_| info)
    }
}

impl Decode for Goal {
    fn decode(v: &Value, path: &str) -> Result<Self, DecodeError> {
        let mut f = Fields::new(v, path)?;
        let g = Goal { id: f.req("id")?, title: f.req("title")?, aliases: f.opt("aliases")?, notes: f.opt("notes")? };
        f.finish().map(|_| g)
    }
}

impl Decode for Reform {
    fn decode(v: &Value, path: &str) -> Result<Self, DecodeError> {
        let mut f = Fields::new(v, path)?;
        let r = Reform { id: f.req("id")?, goal_id: f.req("goal_id")?, title: f.req("title")?, notes: f.opt("notes")? };
        f.finish().map(|_| r)
    }
}

impl Decode for Department {
    fn decode(v: &Value, path: &str) -> Result<Self, DecodeError> {
        let mut f = Fields::new(v, path)?;
        let d = Department { id: f.req("id")?, name: f.req("name")?, aliases: f.opt("aliases")?, notes: f.opt("notes")? };
        f.finish().map(|_| d)
    }
}

impl Decode for Kgi {
    fn decode(v: &Value, path: &str) -> Result<Self, DecodeError> {
        let mut f = Fields::new(v, path)?;
        let k = Kgi { id: f.req("id")?, title: f.req("title")?, indicator: f.req("indicator")? };
        f.finish().map(|_| k)
    }
}

impl Decode for KpiListEntry {
    fn decode(v: &Value, path: &str) -> Result<Self, DecodeError> {
        let mut f = Fields::new(v, path)?;
        let e = KpiListEntry {
            name: f.req("name")?,
            item_id: f.req("item_id")?,
            kpis: f.req("kpis")?,
            reconstructed: f.opt("reconstructed")?,
            notes: f.opt("notes")?,
        };
        f.finish().map(|_| e)
    }
}

impl Decode for KpiRef {
    fn decode(v: &Value, path: &str) -> Result<Self, DecodeError> {
        let mut f = Fields::new(v, path)?;
        let r = KpiRef { item_id: f.req("item_id")?, no: f.req("no")? };
        f.finish().map(|_| r)
    }
}

impl Decode for Item {
    fn decode(v: &Value, path: &str) -> Result<Self, DecodeError> {
        let mut f = Fields::new(v, path)?;
        let item = Item {
            id: f.req("id")?,
            reform_id: f.req("reform_id")?,
            title: f.req("title")?,
            note: f.req("note")?,
            star: f.req("star")?,
            lead_departments: f.req("lead_departments")?,
            related_departments: f.opt("related_departments")?,
            related_other: f.opt("related_other")?,
            sheet: f.req("sheet")?,
            reconstructed: f.opt("reconstructed")?,
            missing: f.opt("missing")?,
            notes: f.opt("notes")?,
        };
        f.finish().map(|_| item)
    }
}

impl Decode for Sheet {
    fn decode(v: &Value, path: &str) -> Result<Self, DecodeError> {
        let mut f = Fields::new(v, path)?;
        let s = Sheet {
            printed_no: f.req("printed_no")?,
            printed_title: f.req("printed_title")?,
            situation: f.req("situation")?,
            problems: f.req("problems")?,
            measures: f.req("measures")?,
        };
        f.finish().map(|_| s)
    }
}

/// A string that must be one of a few words.
fn word<T: Copy>(v: &Value, path: &str, words: &[(&str, T)]) -> Result<T, DecodeError> {
    let s = String::decode(v, path)?;
    words.iter().find(|(w, _)| *w == s).map(|(_, t)| *t).ok_or_else(|| {
        let expected: Vec<String> = words.iter().map(|(w, _)| format!("\"{w}\"")).collect();
        DecodeError { path: path.into(), message: format!("unknown value \"{s}\", expected {}", expected.join(" or ")) }
    })
}

impl Decode for Role {
    fn decode(v: &Value, path: &str) -> Result<Self, DecodeError> {
        word(v, path, &[("objective", Role::Objective), ("reference", Role::Reference)])
    }
}

impl Decode for Direction {
    fn decode(v: &Value, path: &str) -> Result<Self, DecodeError> {
        word(v, path, &[("higher", Direction::Higher), ("lower", Direction::Lower)])
    }
}

impl Decode for Kpi {
    fn decode(v: &Value, path: &str) -> Result<Self, DecodeError> {
        let mut f = Fields::new(v, path)?;
        let k = Kpi {
            item_id: f.req("item_id")?,
            no: f.req("no")?,
            name: f.req("name")?,
            unit: f.req("unit")?,
            kgi_id: f.req("kgi_id")?,
            role: f.req("role")?,
            direction: f.req("direction")?,
            cumulative: f.req("cumulative")?,
            values: f.req("values")?,
            reconstructed: f.opt("reconstructed")?,
            notes: f.opt("notes")?,
        };
        f.finish().map(|_| k)
    }
}

impl Decode for KpiValue {
    fn decode(v: &Value, path: &str) -> Result<Self, DecodeError> {
        let mut f = Fields::new(v, path)?;
        let x = KpiValue {
            fy: f.req("fy")?,
            target: f.req("target")?,
            actual: f.req("actual")?,
            target_label: f.opt("target_label")?,
            actual_label: f.opt("actual_label")?,
            stated_rate: f.req("stated_rate")?,
            reconstructed: f.opt("reconstructed")?,
            notes: f.opt("notes")?,
        };
        f.finish().map(|_| x)
    }
}

impl Decode for Quarter {
    fn decode(v: &Value, path: &str) -> Result<Self, DecodeError> {
        let mut f = Fields::new(v, path)?;
        let q = Quarter { fy: f.req("fy")?, q: f.req("q")? };
        f.finish().map(|_| q)
    }
}

impl Decode for ScheduleRow {
    fn decode(v: &Value, path: &str) -> Result<Self, DecodeError> {
        let mut f = Fields::new(v, path)?;
        let r = ScheduleRow {
            item_id: f.req("item_id")?,
            kpi_nos: f.req("kpi_nos")?,
            activity: f.req("activity")?,
            plan: f.req("plan")?,
            result: f.req("result")?,
            reconstructed: f.opt("reconstructed")?,
            notes: f.opt("notes")?,
        };
        f.finish().map(|_| r)
    }
}

impl Decode for Evaluation {
    fn decode(v: &Value, path: &str) -> Result<Self, DecodeError> {
        let mut f = Fields::new(v, path)?;
        let e = Evaluation {
            item_id: f.req("item_id")?,
            fy: f.req("fy")?,
            achieved: f.req("achieved")?,
            total: f.req("total")?,
            factors: f.req("factors")?,
            issues: f.req("issues")?,
            response: f.req("response")?,
            notes: f.opt("notes")?,
        };
        f.finish().map(|_| e)
    }
}
