//! Writing the plan as CSV: one function per table, each row in its
//! layout's column order, then the bytes as Excel opens them (BOM, CRLF).

use super::cells::{self, era, flag, int, lines, number, opt_int, opt_text, quarter, quarters, words};
use super::{Layout, COLUMNS, DEPARTMENTS, EVALUATIONS, GOALS, ITEMS, KGIS, KPIS, KPI_LIST, NOTES, PLAN, REFORMS, SCHEDULE};
use crate::model::{Kpi, KpiValue, Plan};
use std::fmt;
use std::path::{Path, PathBuf};

/// One file's worth of rows, in its layout's column order.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub layout: Layout,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    pub fn file(&self) -> &'static str {
        self.layout.file
    }

    /// The file's bytes: BOM, header, rows, CRLF line ends, quotes only
    /// where a cell needs them.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = b"\xEF\xBB\xBF".to_vec();
        let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(&mut out);
        let header = self.layout.columns.iter().map(|c| c.name);
        // Writing to memory cannot fail; a record of another length is a bug
        // in a table function, which the tests would show.
        writer.write_record(header).expect("write to memory");
        for row in &self.rows {
            debug_assert_eq!(row.len(), self.layout.columns.len(), "{}", self.layout.file);
            writer.write_record(row).expect("write to memory");
        }
        writer.flush().expect("write to memory");
        drop(writer);
        out
    }
}

/// Why the plan could not be written.
#[derive(Debug)]
pub enum ExportError {
    /// A text that a cell cannot hold so that import reads it back the same
    /// (a note with a line break, where notes are one per line).
    Unrepresentable(Vec<String>),
    Io(PathBuf, std::io::Error),
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportError::Unrepresentable(problems) => write!(f, "{}", problems.join("\n")),
            ExportError::Io(path, e) => write!(f, "{}: {e}", path.display()),
        }
    }
}

impl std::error::Error for ExportError {}

fn plan_info(plan: &Plan) -> Table {
    let p = &plan.plan;
    let row = vec![
        p.title.clone(),
        p.organisation.clone(),
        int(p.first_fy),
        int(p.last_fy),
        int(p.baseline_fy),
        quarter(p.schedule_from),
        quarter(p.schedule_to),
        p.source.clone(),
        p.as_of.clone(),
        opt_int(p.results_through_fy),
        opt_text(&p.texts_as_of),
        opt_text(&p.star_label),
        opt_text(&p.source_url),
        opt_text(&p.licence),
    ];
    Table { layout: PLAN, rows: vec![row] }
}

fn notes(plan: &Plan) -> Table {
    Table { layout: NOTES, rows: plan.notes.iter().map(|n| vec![n.clone()]).collect() }
}

fn goals(plan: &Plan) -> Table {
    let rows = plan.goals.iter().map(|g| vec![int(g.id), g.title.clone(), lines(&g.aliases), lines(&g.notes)]).collect();
    Table { layout: GOALS, rows }
}

fn reforms(plan: &Plan) -> Table {
    let rows = plan.reforms.iter().map(|r| vec![int(r.id), int(r.goal_id), r.title.clone(), lines(&r.notes)]).collect();
    Table { layout: REFORMS, rows }
}

fn departments(plan: &Plan) -> Table {
    let rows = plan.departments.iter().map(|d| vec![d.id.clone(), d.name.clone(), lines(&d.aliases), lines(&d.notes)]).collect();
    Table { layout: DEPARTMENTS, rows }
}

fn kgis(plan: &Plan) -> Table {
    let rows = plan.kgis.iter().map(|k| vec![int(k.id), k.title.clone(), k.indicator.clone()]).collect();
    Table { layout: KGIS, rows }
}

/// Department names for ids, separated by 、 (the id itself if unknown).
pub(super) fn department_names<'a>(plan: &'a Plan, ids: &'a [String]) -> String {
    let name = |id: &'a String| plan.department(id).map_or(id.as_str(), |d| d.name.as_str());
    ids.iter().map(name).collect::<Vec<_>>().join("、")
}

fn items(plan: &Plan) -> Table {
    let rows = plan
        .items
        .iter()
        .map(|i| {
            let sheet = i.sheet.as_ref();
            vec![
                int(i.id),
                int(i.reform_id),
                i.title.clone(),
                opt_text(&i.note),
                flag(i.star),
                words(&i.lead_departments),
                department_names(plan, &i.lead_departments),
                words(&i.related_departments),
                department_names(plan, &i.related_departments),
                lines(&i.related_other),
                flag(sheet.is_some()),
                opt_int(sheet.map(|s| s.printed_no)),
                sheet.map(|s| s.printed_title.clone()).unwrap_or_default(),
                sheet.map(|s| opt_text(&s.situation)).unwrap_or_default(),
                sheet.map(|s| opt_text(&s.problems)).unwrap_or_default(),
                sheet.map(|s| opt_text(&s.measures)).unwrap_or_default(),
                lines(&i.notes),
                words(&i.reconstructed),
                words(&i.missing),
            ]
        })
        .collect();
    Table { layout: ITEMS, rows }
}

fn kpi_list(plan: &Plan) -> Table {
    let rows = plan
        .kpi_list
        .iter()
        .map(|e| {
            let nos: Vec<u32> = e.kpis.iter().map(|r| r.no).collect();
            vec![e.name.clone(), int(e.item_id), words(&nos), lines(&e.notes), words(&e.reconstructed)]
        })
        .collect();
    Table { layout: KPI_LIST, rows }
}

/// One row of kpis.csv: the KPI's columns with one year's values, or with
/// empty value columns for a KPI that has none.
fn kpi_row(k: &Kpi, v: Option<&KpiValue>) -> Vec<String> {
    let value = |f: fn(&KpiValue) -> String| v.map(f).unwrap_or_default();
    vec![
        int(k.item_id),
        int(k.no),
        k.name.clone(),
        opt_text(&k.unit),
        value(|v| int(v.fy)),
        value(|v| era(v.fy)),
        value(|v| number(v.target)),
        value(|v| opt_text(&v.target_label)),
        value(|v| number(v.actual)),
        value(|v| opt_text(&v.actual_label)),
        value(|v| number(v.stated_rate)),
        value(|v| lines(&v.notes)),
        value(|v| words(&v.reconstructed)),
        cells::role(k.role),
        opt_int(k.kgi_id),
        cells::direction(k.direction),
        flag(k.cumulative),
        lines(&k.notes),
        words(&k.reconstructed),
    ]
}

/// Long form: one row per KPI and fiscal year.
fn kpis(plan: &Plan) -> Table {
    let rows = plan
        .kpis
        .iter()
        .flat_map(|k| {
            if k.values.is_empty() {
                vec![kpi_row(k, None)]
            } else {
                k.values.iter().map(|v| kpi_row(k, Some(v))).collect()
            }
        })
        .collect();
    Table { layout: KPIS, rows }
}

fn schedule(plan: &Plan) -> Table {
    let rows = plan
        .schedule
        .iter()
        .map(|s| {
            vec![
                int(s.item_id),
                words(&s.kpi_nos),
                s.activity.clone(),
                quarters(&s.plan),
                quarters(&s.result),
                lines(&s.notes),
                words(&s.reconstructed),
            ]
        })
        .collect();
    Table { layout: SCHEDULE, rows }
}

fn evaluations(plan: &Plan) -> Table {
    let rows = plan
        .evaluations
        .iter()
        .map(|e| {
            vec![
                int(e.item_id),
                int(e.fy),
                era(e.fy),
                opt_int(e.achieved),
                opt_int(e.total),
                opt_text(&e.factors),
                opt_text(&e.issues),
                opt_text(&e.response),
                lines(&e.notes),
            ]
        })
        .collect();
    Table { layout: EVALUATIONS, rows }
}

/// Every table of the plan, in the order of [`super::LAYOUTS`].
pub fn tables(plan: &Plan) -> Vec<Table> {
    vec![
        plan_info(plan),
        notes(plan),
        goals(plan),
        reforms(plan),
        departments(plan),
        kgis(plan),
        items(plan),
        kpi_list(plan),
        kpis(plan),
        schedule(plan),
        evaluations(plan),
    ]
}

/// The column documentation of all tables, itself a table.
pub fn columns_table() -> Table {
    let rows = super::LAYOUTS
        .iter()
        .flat_map(|l| l.columns.iter().map(move |c| vec![l.file.to_string(), c.name.to_string(), c.meaning.to_string()]))
        .collect();
    Table { layout: COLUMNS, rows }
}

/// Texts kept one per line in a cell must not hold a line break or be blank,
/// or import would read back something else.
fn unrepresentable(plan: &Plan) -> Vec<String> {
    let mut out = Vec::new();
    let mut check = |path: String, texts: &[String]| {
        for (i, t) in texts.iter().enumerate() {
            if t.contains(['\n', '\r']) || t.trim().is_empty() {
                out.push(format!(
                    "{path}[{i}]: is blank or holds a line break, but the CSV keeps one per line; split or join it in the JSON first"
                ));
            }
        }
    };
    check("notes".into(), &plan.notes);
    for (i, g) in plan.goals.iter().enumerate() {
        check(format!("goals[{i}].aliases"), &g.aliases);
        check(format!("goals[{i}].notes"), &g.notes);
    }
    for (i, r) in plan.reforms.iter().enumerate() {
        check(format!("reforms[{i}].notes"), &r.notes);
    }
    for (i, d) in plan.departments.iter().enumerate() {
        check(format!("departments[{i}].aliases"), &d.aliases);
        check(format!("departments[{i}].notes"), &d.notes);
    }
    for (i, e) in plan.kpi_list.iter().enumerate() {
        check(format!("kpi_list[{i}].notes"), &e.notes);
    }
    for (i, item) in plan.items.iter().enumerate() {
        check(format!("items[{i}].related_other"), &item.related_other);
        check(format!("items[{i}].notes"), &item.notes);
    }
    for (i, k) in plan.kpis.iter().enumerate() {
        check(format!("kpis[{i}].notes"), &k.notes);
        for (j, v) in k.values.iter().enumerate() {
            check(format!("kpis[{i}].values[{j}].notes"), &v.notes);
        }
    }
    for (i, s) in plan.schedule.iter().enumerate() {
        check(format!("schedule[{i}].notes"), &s.notes);
    }
    for (i, e) in plan.evaluations.iter().enumerate() {
        check(format!("evaluations[{i}].notes"), &e.notes);
    }
    out
}

/// Writes every table and `columns.csv` into `dir` (created if missing).
/// Returns the files written.
pub fn export(plan: &Plan, dir: &Path) -> Result<Vec<String>, ExportError> {
    let problems = unrepresentable(plan);
    if !problems.is_empty() {
        return Err(ExportError::Unrepresentable(problems));
    }
    std::fs::create_dir_all(dir).map_err(|e| ExportError::Io(dir.to_path_buf(), e))?;
    let mut all = tables(plan);
    all.push(columns_table());
    let mut written = Vec::new();
    for t in &all {
        let path = dir.join(t.file());
        std::fs::write(&path, t.to_bytes()).map_err(|e| ExportError::Io(path, e))?;
        written.push(t.file().to_string());
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::csv::Column;

    #[test]
    fn files_start_with_a_bom_use_crlf_and_quote_only_where_needed() {
        const ONE: Layout = Layout { file: "x.csv", columns: &[Column { name: "列", meaning: "c", derived: false }] };
        let t = Table { layout: ONE, rows: vec![vec!["1".into()], vec!["a,b".into()], vec!["say \"hi\"\nthere".into()]] };
        let bytes = t.to_bytes();
        assert_eq!(&bytes[..3], b"\xEF\xBB\xBF");
        assert_eq!(String::from_utf8(bytes[3..].to_vec()).unwrap(), "列\r\n1\r\n\"a,b\"\r\n\"say \"\"hi\"\"\nthere\"\r\n");
    }
}
