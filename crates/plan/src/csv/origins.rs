//! Where each part of an imported plan came from (file, row, and the
//! column of each field), so that a validator problem, located by JSON
//! path (`kpis[3].values[1].fy`), is reported at its cell, in the words of
//! the CSV files.

use super::header as h;
use super::{DEPARTMENTS, GOALS, ITEMS, KGIS, KPIS, PLAN, REFORMS};
use std::collections::HashMap;

/// JSON field names of an object and the header of the column holding each.
pub(super) type FieldColumns = &'static [(&'static str, &'static str)];

pub(super) const PLAN_FIELDS: FieldColumns = &[
    ("title", h::TITLE),
    ("organisation", h::ORGANISATION),
    ("first_fy", h::FIRST_FY),
    ("last_fy", h::LAST_FY),
    ("baseline_fy", h::BASELINE_FY),
    ("schedule_from", h::SCHEDULE_FROM),
    ("schedule_to", h::SCHEDULE_TO),
    ("source", h::SOURCE),
    ("as_of", h::AS_OF),
    ("results_through_fy", h::RESULTS_THROUGH),
    ("texts_as_of", h::TEXTS_AS_OF),
    ("star_label", h::STAR_LABEL),
    ("source_url", h::SOURCE_URL),
    ("licence", h::LICENCE),
];
pub(super) const GOAL_FIELDS: FieldColumns = &[("id", h::GOAL_ID), ("title", h::GOAL), ("aliases", h::ALIASES), ("notes", h::NOTES)];
pub(super) const REFORM_FIELDS: FieldColumns = &[("id", h::REFORM_ID), ("goal_id", h::GOAL_ID), ("title", h::REFORM), ("notes", h::NOTES)];
pub(super) const DEPT_FIELDS: FieldColumns = &[("id", h::DEPT_ID), ("name", h::DEPT), ("aliases", h::ALIASES), ("notes", h::NOTES)];
pub(super) const KGI_FIELDS: FieldColumns = &[("id", h::KGI_ID), ("title", h::KGI), ("indicator", h::INDICATOR)];
pub(super) const ITEM_FIELDS: FieldColumns = &[
    ("id", h::ITEM_ID),
    ("reform_id", h::REFORM_ID),
    ("title", h::ITEM),
    ("note", h::NOTE),
    ("star", h::STAR),
    ("lead_departments", h::LEAD_IDS),
    ("related_departments", h::RELATED_IDS),
    ("related_other", h::RELATED_OTHER),
    ("sheet.printed_no", h::PRINTED_NO),
    ("sheet.printed_title", h::PRINTED_TITLE),
    ("sheet.situation", h::SITUATION),
    ("sheet.problems", h::PROBLEMS),
    ("sheet.measures", h::MEASURES),
    ("sheet", h::SHEET),
    ("notes", h::NOTES),
    ("reconstructed", h::RECONSTRUCTED),
    ("missing", h::MISSING),
];
pub(super) const KPI_LIST_FIELDS: FieldColumns =
    &[("name", h::LIST_NAME), ("item_id", h::ITEM_ID), ("kpis", h::KPI_NO), ("notes", h::NOTES), ("reconstructed", h::RECONSTRUCTED)];
pub(super) const KPI_FIELDS: FieldColumns = &[
    ("item_id", h::ITEM_ID),
    ("no", h::KPI_NO),
    ("name", h::KPI_NAME),
    ("unit", h::UNIT),
    ("kgi_id", h::KGI_ID),
    ("role", h::ROLE),
    ("direction", h::DIRECTION),
    ("cumulative", h::CUMULATIVE),
    ("values", h::FY),
    ("notes", h::KPI_NOTES),
    ("reconstructed", h::KPI_RECONSTRUCTED),
];
pub(super) const VALUE_FIELDS: FieldColumns = &[
    ("fy", h::FY),
    ("target", h::TARGET),
    ("actual", h::ACTUAL),
    ("target_label", h::TARGET_LABEL),
    ("actual_label", h::ACTUAL_LABEL),
    ("stated_rate", h::STATED_RATE),
    ("notes", h::NOTES),
    ("reconstructed", h::RECONSTRUCTED),
];
pub(super) const SCHEDULE_FIELDS: FieldColumns = &[
    ("item_id", h::ITEM_ID),
    ("kpi_nos", h::KPI_NOS),
    ("activity", h::ACTIVITY),
    ("plan", h::PLANNED),
    ("result", h::DONE),
    ("notes", h::NOTES),
    ("reconstructed", h::RECONSTRUCTED),
];
pub(super) const EVALUATION_FIELDS: FieldColumns = &[
    ("item_id", h::ITEM_ID),
    ("fy", h::FY),
    ("achieved", h::ACHIEVED),
    ("total", h::TOTAL),
    ("factors", h::FACTORS),
    ("issues", h::ISSUES),
    ("response", h::RESPONSE),
    ("notes", h::NOTES),
];

/// Where an object of the plan came from.
#[derive(Clone, Copy)]
struct Origin {
    file: &'static str,
    row: usize,
    fields: FieldColumns,
}

/// A cell (or a row, where no column is known) that a JSON path names.
pub(super) struct Place {
    pub file: &'static str,
    pub row: usize,
    /// The header and the Excel column number.
    pub column: Option<(&'static str, usize)>,
}

/// Every object's origin by JSON path (`kpis[3].values[1]`), and where each
/// file has each column: enough to turn a validator path into a cell.
#[derive(Default)]
pub(super) struct Origins {
    by_path: HashMap<String, Origin>,
    pub columns: HashMap<&'static str, HashMap<&'static str, usize>>,
}

impl Origins {
    pub fn add(&mut self, path: String, file: &'static str, row: usize, fields: FieldColumns) {
        self.by_path.insert(path, Origin { file, row, fields });
    }

    /// The file, row and column of a JSON path: its longest prefix that is
    /// an object, and the column of the field that follows.
    pub fn locate(&self, path: &str) -> Option<Place> {
        let mut end = path.len();
        loop {
            if let Some(o) = self.by_path.get(&path[..end]) {
                let rest = path[end..].trim_start_matches('.');
                let field: String = rest.split('[').next().unwrap_or("").to_string();
                let header = o
                    .fields
                    .iter()
                    .find(|(f, _)| *f == field || field.starts_with(&format!("{f}.")))
                    .map(|(_, header)| *header);
                let column = header.and_then(|hd| Some((hd, self.columns.get(o.file)?.get(hd)? + 1)));
                return Some(Place { file: o.file, row: o.row, column });
            }
            end = path[..end].rfind(['.', '['])?;
        }
    }

    /// `file:row:column` of a JSON path, for messages.
    fn describe(&self, path: &str) -> Option<String> {
        let place = self.locate(path)?;
        Some(match place.column {
            Some((_, c)) => format!("{}:{}:{c}", place.file, place.row),
            None => format!("{}:{}", place.file, place.row),
        })
    }
}

/// A validator message in the words of the CSV files.
pub(super) fn in_csv_terms(message: &str, origins: &Origins) -> String {
    let mut m = message
        .replace("set it to null", "empty the cell")
        .replace("use null for", "leave the cell empty for")
        .replace("raise plan.results_through_fy", &format!("raise {} in {}", h::RESULTS_THROUGH, PLAN.file))
        .replace("after results_through_fy", &format!("after {}", h::RESULTS_THROUGH));
    if let Some(i) = m.find("first used at ") {
        let start = i + "first used at ".len();
        let end = m[start..].find([' ', ',', ';']).map_or(m.len(), |e| start + e);
        if let Some(place) = origins.describe(&m[start..end]) {
            m.replace_range(start..end, &place);
        }
        m.push_str("; correct one of them, or delete the row that repeats the other");
    }
    if m.ends_with("does not exist") {
        let referenced = [("item ", ITEMS), ("goal ", GOALS), ("reform ", REFORMS), ("KGI ", KGIS), ("department ", DEPARTMENTS), ("KPI ", KPIS)]
            .into_iter()
            .find(|(word, _)| m.starts_with(word));
        if let Some((_, layout)) = referenced {
            m.push_str(&format!("; correct the number, or add it to {}", layout.file));
        }
    }
    m
}

