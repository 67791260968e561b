//! The dataset's types, exactly as `public/data/plan.json` spells them, and
//! how each is read from and written to JSON with serde: every member is
//! known (an unknown one is an error), the optional ones may be left out,
//! the required ones must be present even when `null`.
//!
//! Every field that the source may lack is an `Option`: `None` is "the source
//! does not say", never zero. Judgement calls made while transcribing live in
//! the `notes` next to the value they concern.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The schema version this library reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// Reads a member that must be present even when it is `null`. Serde
/// would read a missing `Option` as `None`; with `deserialize_with` and no
/// `default` it reports the member as missing instead.
fn required<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    Option::<T>::deserialize(d)
}

/// Writes a number as the dataset spells it: whole numbers without a
/// fraction (`59`, not `59.0`), others as the shortest decimal that reads
/// back exactly.
fn number<S: Serializer>(n: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    /// Whole numbers up to this size are exact as integers and as doubles.
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
    match *n {
        Some(x) if x.fract() == 0.0 && x.abs() <= EXACT && !(x == 0.0 && x.is_sign_negative()) => {
            s.serialize_i64(x as i64)
        }
        Some(x) => s.serialize_f64(x),
        None => s.serialize_none(),
    }
}

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
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
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

impl Plan {
    /// The item with this id (実施項目番号), if the plan has one.
    ///
    /// ```
    /// let plan = plan::parse(include_str!("../../../public/data/plan.json")).unwrap();
    /// let first = &plan.items[0];
    /// assert_eq!(plan.item(first.id), Some(first));
    /// assert_eq!(plan.item(u32::MAX), None);
    /// ```
    pub fn item(&self, id: u32) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }

    /// The department with this id (`dept=` in URLs), if the plan has one.
    ///
    /// ```
    /// let plan = plan::parse(include_str!("../../../public/data/plan.json")).unwrap();
    /// let first = &plan.departments[0];
    /// assert_eq!(plan.department(&first.id).map(|d| &d.name), Some(&first.name));
    /// assert_eq!(plan.department("no-such-department"), None);
    /// ```
    pub fn department(&self, id: &str) -> Option<&Department> {
        self.departments.iter().find(|d| d.id == id)
    }

    /// The goal with this id (目標番号), if the plan has one.
    pub fn goal(&self, id: u32) -> Option<&Goal> {
        self.goals.iter().find(|g| g.id == id)
    }

    /// The reform with this id (改革番号), if the plan has one.
    pub fn reform(&self, id: u32) -> Option<&Reform> {
        self.reforms.iter().find(|r| r.id == id)
    }
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub results_through_fy: Option<i32>,
    /// When the sheets' texts (現状, 問題・課題) describe, as printed
    /// (a date such as 令和X年Y月時点); shown beside their headings. `None`: not stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub texts_as_of: Option<String>,
    /// What ★ marks an item as part of (another plan of the government), as the
    /// source words it; `None` for a plan without ★ items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub star_label: Option<String>,
    /// The published source's web address; `None`: not known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_url: Option<String>,
    /// The terms on which the data may be reused (利用条件); `None`: not
    /// stated by the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licence: Option<String>,
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

/// Whether `id` is a well-formed department id: one or more lowercase ASCII
/// letters, digits and `-`, so that it reads the same in a URL
/// (`dept=general-affairs`).
///
/// ```
/// assert!(plan::is_department_id("general-affairs2"));
/// assert!(!plan::is_department_id("General Affairs"));
/// assert!(!plan::is_department_id(""));
/// ```
pub fn is_department_id(id: &str) -> bool {
    !id.is_empty() && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
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
    /// The item whose KPI this name is. Required: for items without a sheet
    /// it is the only link between the name and its item.
    pub item_id: u32,
    /// The sheet KPIs this name denotes; empty where the item has no sheet.
    pub kpis: Vec<KpiRef>,
    /// Fields inferred rather than read (see [`Item::reconstructed`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reconstructed: Vec<String>,
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
    #[serde(deserialize_with = "required")]
    pub note: Option<String>,
    /// ★: part of the plan `PlanInfo::star_label` names.
    pub star: bool,
    /// 取組所属: department ids in charge.
    pub lead_departments: Vec<String>,
    /// 関係所属: related department ids. Optional when read; always written
    /// (as `[]` when empty), as the bundled dataset spells every item.
    #[serde(default)]
    pub related_departments: Vec<String>,
    /// The detail sheet, `None` where the source has none.
    #[serde(deserialize_with = "required")]
    pub sheet: Option<Sheet>,
    /// 関係所属 that name a group rather than one department (各所属, ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related_other: Vec<String>,
    /// Names of this object's fields whose values were reconstructed
    /// (inferred by position, by context, or by reading a mixed row) rather
    /// than read verbatim; empty when everything was read as printed. The
    /// same field exists on KPIs, KPI values, schedule rows and KPI-list
    /// entries.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reconstructed: Vec<String>,
    /// Names of fields whose source value was lost in the extraction (the
    /// source had it, the text we transcribed from does not); empty = none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<String>,
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
    #[serde(deserialize_with = "required")]
    pub situation: Option<String>,
    /// 問題・課題
    #[serde(deserialize_with = "required")]
    pub problems: Option<String>,
    /// 改革内容
    #[serde(deserialize_with = "required")]
    pub measures: Option<String>,
}

/// 取組目標 or 参考指標.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// 取組目標: a KPI with targets that counts towards 達成件数.
    Objective,
    /// 参考指標: a reference indicator, usually actuals only.
    Reference,
}

/// Which way is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
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
    #[serde(deserialize_with = "required")]
    pub unit: Option<String>,
    #[serde(deserialize_with = "required")]
    pub kgi_id: Option<u32>,
    pub role: Role,
    pub direction: Direction,
    /// 累計: values accumulate over the years.
    pub cumulative: bool,
    pub values: Vec<KpiValue>,
    /// Fields inferred rather than read (see [`Item::reconstructed`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reconstructed: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

impl Kpi {
    /// A KPI with only its name, unit and yearly values: an objective where
    /// higher is better, not cumulative, with no KGI, no reconstruction and
    /// no notes.
    pub fn new(item_id: u32, no: u32, name: &str, unit: Option<&str>, values: Vec<KpiValue>) -> Kpi {
        Kpi {
            item_id,
            no,
            name: name.into(),
            unit: unit.map(String::from),
            kgi_id: None,
            role: Role::Objective,
            direction: Direction::Higher,
            cumulative: false,
            values,
            reconstructed: vec![],
            notes: vec![],
        }
    }

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
    #[serde(deserialize_with = "required", serialize_with = "number")]
    pub target: Option<f64>,
    #[serde(deserialize_with = "required", serialize_with = "number")]
    pub actual: Option<f64>,
    /// The target as printed when it has words (黒字化, 75%以上); with or
    /// without a number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_label: Option<String>,
    /// The actual as printed when it has words (公表).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual_label: Option<String>,
    /// The achievement % printed in the source.
    #[serde(deserialize_with = "required", serialize_with = "number")]
    pub stated_rate: Option<f64>,
    /// Fields inferred rather than read (see [`Item::reconstructed`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reconstructed: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

impl KpiValue {
    /// A year's value with only its numbers: no words, no printed rate, no
    /// reconstruction and no notes.
    pub fn new(fy: i32, target: Option<f64>, actual: Option<f64>) -> KpiValue {
        KpiValue {
            fy,
            target,
            actual,
            target_label: None,
            actual_label: None,
            stated_rate: None,
            reconstructed: vec![],
            notes: vec![],
        }
    }
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
    #[serde(deserialize_with = "required")]
    pub plan: Option<Vec<Quarter>>,
    /// Quarters done; `None` where the source does not record them.
    #[serde(deserialize_with = "required")]
    pub result: Option<Vec<Quarter>>,
    /// Fields inferred rather than read (see [`Item::reconstructed`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reconstructed: Vec<String>,
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
    #[serde(deserialize_with = "required")]
    pub achieved: Option<u32>,
    #[serde(deserialize_with = "required")]
    pub total: Option<u32>,
    /// 要因分析
    #[serde(deserialize_with = "required")]
    pub factors: Option<String>,
    /// 次年度への課題
    #[serde(deserialize_with = "required")]
    pub issues: Option<String>,
    /// 課題を踏まえた対応
    #[serde(deserialize_with = "required")]
    pub response: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
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
