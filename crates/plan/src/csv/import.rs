//! Reading the CSV files back into a plan, as Excel saves them (BOM, CRLF,
//! quoted line breaks, trailing empty rows and columns, columns in any
//! order), and saying where each problem is: `kpis.csv:14:9: 実績値: ...`,
//! with the row and column as Excel numbers them (the header is row 1).
//!
//! Reading happens in two steps. First every file and cell is read; every
//! problem there is reported. Only when all cells are readable is the plan
//! assembled and checked by the same validator as `plan validate`, whose
//! problems (located by JSON path) are traced back to their file, row and
//! column (`origins.rs`).

use super::cells::{self, CellError};
use super::origins::{
    in_csv_terms, FieldColumns, Origins, Place, DEPT_FIELDS, EVALUATION_FIELDS, GOAL_FIELDS, ITEM_FIELDS, KGI_FIELDS, KPI_FIELDS,
    KPI_LIST_FIELDS, PLAN_FIELDS, REFORM_FIELDS, SCHEDULE_FIELDS, VALUE_FIELDS,
};
use super::header as h;
use super::{Layout, DEPARTMENTS, EVALUATIONS, GOALS, ITEMS, KGIS, KPIS, KPI_LIST, LAYOUTS, NOTES, PLAN, REFORMS, SCHEDULE};
use crate::model::*;
use crate::validate::{validate, Severity};
use std::collections::HashMap;
use std::fmt;
use std::path::Path;

/// One problem, where it is and what to do about it.
#[derive(Debug, Clone, PartialEq)]
pub struct CsvProblem {
    pub severity: Severity,
    pub file: &'static str,
    /// The row as Excel numbers it (1 = the header); 0 for the whole file.
    pub row: usize,
    /// The column as Excel counts it (A = 1), where one cell is at fault.
    pub column: Option<usize>,
    pub message: String,
}

impl fmt::Display for CsvProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if self.row > 0 {
            write!(f, ":{}", self.row)?;
        }
        if let Some(c) = self.column {
            write!(f, ":{c}")?;
        }
        if self.severity == Severity::Warning {
            write!(f, ": warning")?;
        }
        write!(f, ": {}", self.message)
    }
}

#[derive(Default)]
struct Problems(Vec<CsvProblem>);

impl Problems {
    fn error(&mut self, file: &'static str, row: usize, column: Option<usize>, message: impl Into<String>) {
        self.0.push(CsvProblem { severity: Severity::Error, file, row, column, message: message.into() });
    }
}

/// One non-empty row of a file.
struct Record {
    /// Excel's row number.
    row: usize,
    cells: Vec<String>,
}

/// One file read into memory, its columns found by name.
struct CsvFile {
    layout: Layout,
    /// File column (0-based) of each header of the layout that is present.
    positions: HashMap<&'static str, usize>,
    records: Vec<Record>,
}

impl CsvFile {
    fn file(&self) -> &'static str {
        self.layout.file
    }

    /// The Excel column number of a header, if the file has it.
    fn column(&self, name: &str) -> Option<usize> {
        self.positions.get(name).map(|i| i + 1)
    }
}

/// Reads the cells of one record, collecting what is wrong with them.
struct Cells<'a> {
    sheet: &'a CsvFile,
    record: &'a Record,
    problems: &'a mut Problems,
}

impl Cells<'_> {
    fn raw(&self, name: &str) -> &str {
        self.sheet.positions.get(name).and_then(|i| self.record.cells.get(*i)).map_or("", String::as_str)
    }

    fn problem(&mut self, name: &str, message: impl fmt::Display) {
        let column = self.sheet.column(name);
        self.problems.error(self.sheet.file(), self.record.row, column, format!("{name}: {message}"));
    }

    /// The cell read by `parse`; `None` (and a problem) if it cannot be.
    fn get<T>(&mut self, name: &str, parse: impl FnOnce(&str) -> Result<T, CellError>) -> Option<T> {
        match parse(self.raw(name)) {
            Ok(v) => Some(v),
            Err(message) => {
                self.problem(name, message);
                None
            }
        }
    }

    fn text(&mut self, name: &str) -> Option<String> {
        self.get(name, cells::read_text)
    }
    fn opt_text(&self, name: &str) -> Option<String> {
        cells::read_opt_text(self.raw(name))
    }
    fn lines(&self, name: &str) -> Vec<String> {
        cells::read_lines(self.raw(name))
    }
    fn words(&self, name: &str) -> Vec<String> {
        cells::read_words(self.raw(name))
    }
    fn id(&mut self, name: &str) -> Option<u32> {
        self.get(name, cells::read_int::<u32>)
    }
    fn fy(&mut self, name: &str) -> Option<i32> {
        self.get(name, cells::read_fy)
    }
    fn number(&mut self, name: &str, unit_column: Option<&str>) -> Option<Option<f64>> {
        self.get(name, |c| cells::read_number(c, unit_column))
    }
    fn flag(&mut self, name: &str) -> Option<bool> {
        self.get(name, cells::read_flag)
    }

    /// A derived column, if filled, must say what the authoritative ones give.
    fn check_derived(&mut self, name: &str, expected: &str, from: &str) {
        let found = cells::normalise_breaks(self.raw(name).trim());
        if !found.is_empty() && found != expected {
            self.problem(
                name,
                format!("says \"{found}\" but {from} gives \"{expected}\"; correct {from}, or empty this cell ({name} is written for reading, {from} is what is imported)"),
            );
        }
    }

    /// The fiscal year's 和暦 label, when filled, must agree with the year.
    fn check_era(&mut self, fy: Option<i32>) {
        if let Some(fy) = fy {
            self.check_derived(h::FY_ERA, &cells::era(fy), h::FY);
        }
    }
}

/// A file's bytes as text: BOM removed, UTF-8 required.
fn text_of(file: &'static str, bytes: &[u8], problems: &mut Problems) -> Option<String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Some(text.to_string()),
        Err(e) => {
            let line = bytes[..e.valid_up_to()].iter().filter(|b| **b == b'\n').count() + 1;
            problems.error(
                file,
                line,
                None,
                "the file is not UTF-8 (Excel's \"CSV (コンマ区切り)\" saves Shift_JIS); \
                 open it in Excel and save it again as \"CSV UTF-8 (コンマ区切り)\"",
            );
            None
        }
    }
}

/// The unknown header most like a missing one (sharing the most
/// characters), if any shares one.
fn most_like<'a>(missing: &str, unknown: &[(usize, &'a str)]) -> Option<(usize, &'a str)> {
    unknown
        .iter()
        .map(|(i, u)| (missing.chars().filter(|c| u.contains(*c)).count(), *i, *u))
        .filter(|(shared, _, _)| *shared > 0)
        .max_by_key(|(shared, _, _)| *shared)
        .map(|(_, i, u)| (i, u))
}

/// The records of a file's text, each with its Excel row number.
fn records_of(file: &'static str, text: &str, problems: &mut Problems) -> Vec<Record> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut all: Vec<Record> = Vec::new();
    // Excel counts a blank line as a row; the reader skips it. The line a
    // record starts on, against the line after the previous one, tells.
    let (mut row, mut next_line) = (0, 1);
    for result in reader.records() {
        match result {
            Ok(record) => {
                let line = record.position().map_or(next_line, |p| p.line() as usize);
                row += 1 + line.saturating_sub(next_line);
                next_line = line + record.iter().map(|c| c.matches('\n').count()).sum::<usize>() + 1;
                all.push(Record { row, cells: record.iter().map(str::to_string).collect() });
            }
            Err(e) => {
                row += 1;
                problems.error(file, row, None, format!("cannot be read as CSV: {e}"));
            }
        }
    }
    all
}

/// Where each of the layout's columns is in the header, by name; reports
/// columns that are missing, unknown or twice. Also returns the columns
/// without a header (Excel's trailing empty columns).
fn map_header(layout: Layout, header: &Record, problems: &mut Problems) -> (HashMap<&'static str, usize>, Vec<usize>) {
    let file = layout.file;
    let mut positions = HashMap::new();
    let mut unknown: Vec<(usize, &str)> = Vec::new();
    let mut unnamed: Vec<usize> = Vec::new();
    for (i, name) in header.cells.iter().enumerate() {
        let name = name.trim();
        match layout.columns.iter().find(|c| c.name == name) {
            _ if name.is_empty() => unnamed.push(i),
            Some(c) if positions.contains_key(c.name) => {
                problems.error(file, 1, Some(i + 1), format!("column \"{name}\" appears twice; delete one of them"))
            }
            Some(c) => {
                positions.insert(c.name, i);
            }
            None => unknown.push((i, name)),
        }
    }
    for column in layout.columns.iter().filter(|c| !c.derived && !positions.contains_key(c.name)) {
        match most_like(column.name, &unknown) {
            Some((i, found)) => {
                unknown.retain(|(j, _)| *j != i);
                problems.error(
                    file,
                    1,
                    Some(i + 1),
                    format!("column \"{}\" is missing (found \"{found}\"); restore the header from columns.csv", column.name),
                );
            }
            None => problems.error(
                file,
                1,
                None,
                format!("column \"{}\" is missing; add it back (columns.csv lists every column) or start again from a fresh export", column.name),
            ),
        }
    }
    for (i, name) in unknown {
        problems.error(
            file,
            1,
            Some(i + 1),
            format!("unknown column \"{name}\"; rename it to one of the columns of {file} listed in columns.csv, or delete it"),
        );
    }
    (positions, unnamed)
}

/// Text in a column without a header, or beyond the header's last column.
fn report_stray_cells(file: &'static str, width: usize, unnamed: &[usize], records: &[Record], problems: &mut Problems) {
    for r in records {
        for (i, cell) in r.cells.iter().enumerate() {
            if (i >= width || unnamed.contains(&i)) && !cell.trim().is_empty() {
                problems.error(
                    file,
                    r.row,
                    Some(i + 1),
                    "this cell is in a column without a header; move its text into the right column or delete it",
                );
            }
        }
    }
}

/// Reads one file: its header, then every row that is not empty. `None`
/// if the file cannot be read or its header or layout is wrong (reported).
fn read_sheet(dir: &Path, layout: Layout, problems: &mut Problems) -> Option<CsvFile> {
    let file = layout.file;
    let bytes = match std::fs::read(dir.join(file)) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            problems.error(file, 0, None, "the file is missing; every file that export-csv writes is needed (columns.csv excepted)");
            return None;
        }
        Err(e) => {
            problems.error(file, 0, None, format!("cannot be read: {e}"));
            return None;
        }
    };
    let text = text_of(file, &bytes, problems)?;
    let before = problems.0.len();
    let mut all = records_of(file, &text, problems);
    if all.is_empty() {
        problems.error(file, 1, None, "the file is empty; it needs at least its header row (see columns.csv)");
        return None;
    }
    let header = all.remove(0);
    let (positions, unnamed) = map_header(layout, &header, problems);
    let records: Vec<Record> = all.into_iter().filter(|r| r.cells.iter().any(|c| !c.trim().is_empty())).collect();
    report_stray_cells(file, header.cells.len(), &unnamed, &records, problems);
    (problems.0.len() == before).then_some(CsvFile { layout, positions, records })
}

// ---- one function per table: rows to values ----

/// Each record of a sheet read by `read`, with its row; records with a
/// problem are left out (the problem says why).
fn rows_of<T>(sheet: &CsvFile, problems: &mut Problems, mut read: impl FnMut(&mut Cells) -> Option<T>) -> Vec<(usize, T)> {
    sheet
        .records
        .iter()
        .filter_map(|record| {
            let mut cells = Cells { sheet, record, problems };
            read(&mut cells).map(|t| (record.row, t))
        })
        .collect()
}

fn read_plan_info(c: &mut Cells) -> Option<PlanInfo> {
    let title = c.text(h::TITLE);
    let organisation = c.text(h::ORGANISATION);
    let first_fy = c.fy(h::FIRST_FY);
    let last_fy = c.fy(h::LAST_FY);
    let baseline_fy = c.fy(h::BASELINE_FY);
    let schedule_from = c.get(h::SCHEDULE_FROM, |s| cells::read_quarter(s.trim()));
    let schedule_to = c.get(h::SCHEDULE_TO, |s| cells::read_quarter(s.trim()));
    let source = c.text(h::SOURCE);
    let as_of = c.text(h::AS_OF);
    let results_through_fy = c.get(h::RESULTS_THROUGH, |s| if s.trim().is_empty() { Ok(None) } else { cells::read_fy(s).map(Some) });
    Some(PlanInfo {
        title: title?,
        organisation: organisation?,
        first_fy: first_fy?,
        last_fy: last_fy?,
        baseline_fy: baseline_fy?,
        schedule_from: schedule_from?,
        schedule_to: schedule_to?,
        source: source?,
        as_of: as_of?,
        results_through_fy: results_through_fy?,
        texts_as_of: c.opt_text(h::TEXTS_AS_OF),
        star_label: c.opt_text(h::STAR_LABEL),
        source_url: c.opt_text(h::SOURCE_URL),
        licence: c.opt_text(h::LICENCE),
    })
}

fn read_goal(c: &mut Cells) -> Option<Goal> {
    let id = c.id(h::GOAL_ID);
    let title = c.text(h::GOAL);
    Some(Goal { id: id?, title: title?, aliases: c.lines(h::ALIASES), notes: c.lines(h::NOTES) })
}

fn read_reform(c: &mut Cells) -> Option<Reform> {
    let id = c.id(h::REFORM_ID);
    let goal_id = c.id(h::GOAL_ID);
    let title = c.text(h::REFORM);
    Some(Reform { id: id?, goal_id: goal_id?, title: title?, notes: c.lines(h::NOTES) })
}

fn read_department(c: &mut Cells) -> Option<Department> {
    let id = c.get(h::DEPT_ID, |s| Ok::<_, CellError>(s.trim().to_string()));
    let name = c.text(h::DEPT);
    Some(Department { id: id?, name: name?, aliases: c.lines(h::ALIASES), notes: c.lines(h::NOTES) })
}

fn read_kgi(c: &mut Cells) -> Option<Kgi> {
    let id = c.id(h::KGI_ID);
    let title = c.text(h::KGI);
    let indicator = c.text(h::INDICATOR);
    Some(Kgi { id: id?, title: title?, indicator: indicator? })
}

/// An item; the department names beside the ids are checked afterwards,
/// when the departments are known.
fn read_item(c: &mut Cells) -> Option<Item> {
    let id = c.id(h::ITEM_ID);
    let reform_id = c.id(h::REFORM_ID);
    let title = c.text(h::ITEM);
    let star = c.flag(h::STAR);
    let sheet = match c.flag(h::SHEET) {
        Some(true) => {
            let printed_no = c.id(h::PRINTED_NO);
            let printed_title = c.text(h::PRINTED_TITLE);
            printed_no.zip(printed_title).map(|(printed_no, printed_title)| {
                Some(Sheet {
                    printed_no,
                    printed_title,
                    situation: c.opt_text(h::SITUATION),
                    problems: c.opt_text(h::PROBLEMS),
                    measures: c.opt_text(h::MEASURES),
                })
            })
        }
        Some(false) => {
            for name in [h::PRINTED_NO, h::PRINTED_TITLE, h::SITUATION, h::PROBLEMS, h::MEASURES] {
                if !c.raw(name).trim().is_empty() {
                    c.problem(name, format!("has text but {} is 0 (no detail sheet); write 1 in {} or empty this cell", h::SHEET, h::SHEET));
                }
            }
            Some(None)
        }
        None => None,
    };
    Some(Item {
        id: id?,
        reform_id: reform_id?,
        title: title?,
        note: c.opt_text(h::NOTE),
        star: star?,
        lead_departments: c.words(h::LEAD_IDS),
        related_departments: c.words(h::RELATED_IDS),
        sheet: sheet?,
        related_other: c.lines(h::RELATED_OTHER),
        reconstructed: c.words(h::RECONSTRUCTED),
        missing: c.words(h::MISSING),
        notes: c.lines(h::NOTES),
    })
}

fn read_kpi_list_entry(c: &mut Cells) -> Option<KpiListEntry> {
    let name = c.text(h::LIST_NAME);
    let item_id = c.id(h::ITEM_ID);
    let nos = c.get(h::KPI_NO, cells::read_int_list);
    let item_id = item_id?;
    Some(KpiListEntry {
        name: name?,
        item_id,
        kpis: nos?.into_iter().map(|no| KpiRef { item_id, no }).collect(),
        reconstructed: c.words(h::RECONSTRUCTED),
        notes: c.lines(h::NOTES),
    })
}

/// One row of kpis.csv: the KPI's own columns, and the year's values if
/// the row has a year.
struct KpiRow {
    kpi: Kpi,
    value: Option<KpiValue>,
}

fn read_kpi_row(c: &mut Cells) -> Option<KpiRow> {
    let item_id = c.id(h::ITEM_ID);
    let no = c.id(h::KPI_NO);
    let name = c.text(h::KPI_NAME);
    let role = c.get(h::ROLE, cells::read_role);
    let kgi_id = c.get(h::KGI_ID, cells::read_opt_int::<u32>);
    let direction = c.get(h::DIRECTION, cells::read_direction);
    let cumulative = c.flag(h::CUMULATIVE);
    let value = read_kpi_value(c);
    Some(KpiRow {
        kpi: Kpi {
            item_id: item_id?,
            no: no?,
            name: name?,
            unit: c.opt_text(h::UNIT),
            kgi_id: kgi_id?,
            role: role?,
            direction: direction?,
            cumulative: cumulative?,
            values: Vec::new(),
            reconstructed: c.words(h::KPI_RECONSTRUCTED),
            notes: c.lines(h::KPI_NOTES),
        },
        value: value?,
    })
}

/// The year's values of a kpis.csv row; `Some(None)` for the row of a KPI
/// without values (no year, nothing else of the year filled).
fn read_kpi_value(c: &mut Cells) -> Option<Option<KpiValue>> {
    const YEAR_COLUMNS: [&str; 7] = [h::TARGET, h::TARGET_LABEL, h::ACTUAL, h::ACTUAL_LABEL, h::STATED_RATE, h::NOTES, h::RECONSTRUCTED];
    if c.raw(h::FY).trim().is_empty() {
        let filled: Vec<&str> = YEAR_COLUMNS.into_iter().filter(|n| !c.raw(n).trim().is_empty()).collect();
        if filled.is_empty() {
            return Some(None);
        }
        c.problem(h::FY, format!("is empty but {} is filled; write the fiscal year of these values (western year, such as 2024)", filled.join(", ")));
        return None;
    }
    let fy = c.fy(h::FY);
    c.check_era(fy);
    let target = c.number(h::TARGET, Some(h::UNIT));
    let actual = c.number(h::ACTUAL, Some(h::UNIT));
    let stated_rate = c.number(h::STATED_RATE, None);
    Some(Some(KpiValue {
        fy: fy?,
        target: target?,
        actual: actual?,
        target_label: c.opt_text(h::TARGET_LABEL),
        actual_label: c.opt_text(h::ACTUAL_LABEL),
        stated_rate: stated_rate?,
        reconstructed: c.words(h::RECONSTRUCTED),
        notes: c.lines(h::NOTES),
    }))
}

fn read_schedule_row(c: &mut Cells) -> Option<ScheduleRow> {
    let item_id = c.id(h::ITEM_ID);
    let kpi_nos = c.get(h::KPI_NOS, cells::read_int_list);
    let activity = c.text(h::ACTIVITY);
    let plan = c.get(h::PLANNED, cells::read_quarters);
    let result = c.get(h::DONE, cells::read_quarters);
    Some(ScheduleRow {
        item_id: item_id?,
        kpi_nos: kpi_nos?,
        activity: activity?,
        plan: plan?,
        result: result?,
        reconstructed: c.words(h::RECONSTRUCTED),
        notes: c.lines(h::NOTES),
    })
}

fn read_evaluation(c: &mut Cells) -> Option<Evaluation> {
    let item_id = c.id(h::ITEM_ID);
    let fy = c.fy(h::FY);
    c.check_era(fy);
    let achieved = c.get(h::ACHIEVED, cells::read_opt_int::<u32>);
    let total = c.get(h::TOTAL, cells::read_opt_int::<u32>);
    Some(Evaluation {
        item_id: item_id?,
        fy: fy?,
        achieved: achieved?,
        total: total?,
        factors: c.opt_text(h::FACTORS),
        issues: c.opt_text(h::ISSUES),
        response: c.opt_text(h::RESPONSE),
        notes: c.lines(h::NOTES),
    })
}

/// The plan assembled from its tables, with where each part came from.
fn assemble(sheets: &HashMap<&'static str, CsvFile>, problems: &mut Problems) -> Option<(Plan, Origins)> {
    let mut origins = Origins::default();
    for (file, sheet) in sheets {
        origins.columns.insert(*file, sheet.positions.clone());
    }
    let sheet = |layout: Layout| &sheets[layout.file];

    let info_rows = rows_of(sheet(PLAN), problems, read_plan_info);
    if sheet(PLAN).records.len() != 1 {
        problems.error(PLAN.file, 0, None, format!("needs exactly one row under the header, found {}", sheet(PLAN).records.len()));
    }
    let notes = rows_of(sheet(NOTES), problems, |c| c.text(h::NOTES));
    let goals = rows_of(sheet(GOALS), problems, read_goal);
    let reforms = rows_of(sheet(REFORMS), problems, read_reform);
    let departments = rows_of(sheet(DEPARTMENTS), problems, read_department);
    let kgis = rows_of(sheet(KGIS), problems, read_kgi);
    let items = rows_of(sheet(ITEMS), problems, read_item);
    let kpi_list = rows_of(sheet(KPI_LIST), problems, read_kpi_list_entry);
    let kpi_rows = rows_of(sheet(KPIS), problems, read_kpi_row);
    let schedule = rows_of(sheet(SCHEDULE), problems, read_schedule_row);
    let evaluations = rows_of(sheet(EVALUATIONS), problems, read_evaluation);

    let names: HashMap<&str, &str> = departments.iter().map(|(_, d)| (d.id.as_str(), d.name.as_str())).collect();
    check_department_names(sheet(ITEMS), &items, &names, problems);
    let kpis = group_kpis(sheet(KPIS), kpi_rows, problems);

    let (info_row, plan_info) = info_rows.into_iter().next()?;
    origins.add("plan".into(), PLAN.file, info_row, PLAN_FIELDS);
    let mut register = |name: &str, file: &'static str, rows: Vec<usize>, fields: FieldColumns| {
        origins.add(name.to_string(), file, 1, &[]);
        for (i, row) in rows.into_iter().enumerate() {
            origins.add(format!("{name}[{i}]"), file, row, fields);
        }
    };
    register("notes", NOTES.file, notes.iter().map(|x| x.0).collect(), &[]);
    register("goals", GOALS.file, goals.iter().map(|x| x.0).collect(), GOAL_FIELDS);
    register("reforms", REFORMS.file, reforms.iter().map(|x| x.0).collect(), REFORM_FIELDS);
    register("departments", DEPARTMENTS.file, departments.iter().map(|x| x.0).collect(), DEPT_FIELDS);
    register("kgis", KGIS.file, kgis.iter().map(|x| x.0).collect(), KGI_FIELDS);
    register("items", ITEMS.file, items.iter().map(|x| x.0).collect(), ITEM_FIELDS);
    register("kpi_list", KPI_LIST.file, kpi_list.iter().map(|x| x.0).collect(), KPI_LIST_FIELDS);
    register("kpis", KPIS.file, kpis.iter().map(|k| k.first_row).collect(), KPI_FIELDS);
    register("schedule", SCHEDULE.file, schedule.iter().map(|x| x.0).collect(), SCHEDULE_FIELDS);
    register("evaluations", EVALUATIONS.file, evaluations.iter().map(|x| x.0).collect(), EVALUATION_FIELDS);
    for (i, k) in kpis.iter().enumerate() {
        for (j, row) in k.value_rows.iter().enumerate() {
            origins.add(format!("kpis[{i}].values[{j}]"), KPIS.file, *row, VALUE_FIELDS);
        }
    }

    let plan = Plan {
        schema_version: SCHEMA_VERSION,
        plan: plan_info,
        goals: values(goals),
        reforms: values(reforms),
        departments: values(departments),
        kgis: values(kgis),
        kpi_list: values(kpi_list),
        items: values(items),
        kpis: kpis.into_iter().map(|k| k.kpi).collect(),
        schedule: values(schedule),
        evaluations: values(evaluations),
        notes: values(notes),
    };
    Some((plan, origins))
}

/// The values of rows, without their row numbers.
fn values<T>(rows: Vec<(usize, T)>) -> Vec<T> {
    rows.into_iter().map(|(_, x)| x).collect()
}

/// The names beside the department ids, where filled, must be theirs.
fn check_department_names(sheet: &CsvFile, items: &[(usize, Item)], names: &HashMap<&str, &str>, problems: &mut Problems) {
    for (row, item) in items {
        let Some(record) = sheet.records.iter().find(|r| r.row == *row) else { continue };
        let mut cells = Cells { sheet, record, problems };
        for (ids, column, from) in [(&item.lead_departments, h::LEAD_NAMES, h::LEAD_IDS), (&item.related_departments, h::RELATED_NAMES, h::RELATED_IDS)] {
            let expected: Vec<&str> = ids.iter().map(|id| names.get(id.as_str()).copied().unwrap_or(id.as_str())).collect();
            cells.check_derived(column, &expected.join("、"), from);
        }
    }
}

/// A KPI put together from its rows in kpis.csv.
struct KpiRows {
    kpi: Kpi,
    first_row: usize,
    value_rows: Vec<usize>,
}

/// Groups the rows of kpis.csv by item and KPI number, in the order each
/// KPI first appears; a KPI's own columns must be the same on all its rows.
fn group_kpis(sheet: &CsvFile, rows: Vec<(usize, KpiRow)>, problems: &mut Problems) -> Vec<KpiRows> {
    let mut kpis: Vec<KpiRows> = Vec::new();
    for (row, KpiRow { kpi, value }) in rows {
        match kpis.iter_mut().find(|k| k.kpi.key() == kpi.key()) {
            Some(first) => {
                for (header, same) in [
                    (h::KPI_NAME, first.kpi.name == kpi.name),
                    (h::UNIT, first.kpi.unit == kpi.unit),
                    (h::ROLE, first.kpi.role == kpi.role),
                    (h::KGI_ID, first.kpi.kgi_id == kpi.kgi_id),
                    (h::DIRECTION, first.kpi.direction == kpi.direction),
                    (h::CUMULATIVE, first.kpi.cumulative == kpi.cumulative),
                    (h::KPI_NOTES, first.kpi.notes == kpi.notes),
                    (h::KPI_RECONSTRUCTED, first.kpi.reconstructed == kpi.reconstructed),
                ] {
                    if !same {
                        problems.error(
                            sheet.file(),
                            row,
                            sheet.column(header),
                            format!(
                                "{header}: differs from row {} of the same KPI (item {}, KPI {}); a KPI's own columns must be the same on each of its rows",
                                first.first_row, kpi.item_id, kpi.no
                            ),
                        );
                    }
                }
                if let Some(v) = value {
                    first.kpi.values.push(v);
                    first.value_rows.push(row);
                }
            }
            None => {
                let mut kpi = kpi;
                let value_rows = value.as_ref().map(|_| vec![row]).unwrap_or_default();
                kpi.values.extend(value);
                kpis.push(KpiRows { kpi, first_row: row, value_rows });
            }
        }
    }
    kpis
}

/// Reads the CSV files in `dir` into a plan and validates it. On success,
/// the plan and the validator's warnings; otherwise every problem found,
/// errors and warnings, in file, row and column order.
pub fn import(dir: &Path) -> Result<(Plan, Vec<CsvProblem>), Vec<CsvProblem>> {
    let mut problems = Problems::default();
    let mut sheets = HashMap::new();
    for layout in LAYOUTS {
        if let Some(sheet) = read_sheet(dir, layout, &mut problems) {
            sheets.insert(layout.file, sheet);
        }
    }
    let assembled = if sheets.len() == LAYOUTS.len() { assemble(&sheets, &mut problems) } else { None };
    let sorted = |mut list: Vec<CsvProblem>| {
        let order = |file: &str| LAYOUTS.iter().position(|l| l.file == file);
        list.sort_by_key(|p| (order(p.file), p.row, p.column));
        list.dedup_by(|a, b| (a.file, a.row, a.column, &a.message) == (b.file, b.row, b.column, &b.message));
        list
    };
    let (plan, origins) = match assembled {
        Some(x) if problems.0.is_empty() => x,
        _ => return Err(sorted(problems.0)),
    };
    for p in validate(&plan) {
        let Place { file, row, column } = origins.locate(&p.path).unwrap_or(Place { file: PLAN.file, row: 0, column: None });
        let message = in_csv_terms(&p.message, &origins);
        let message = match column {
            Some((header, _)) => format!("{header}: {message}"),
            None => message,
        };
        problems.0.push(CsvProblem { severity: p.severity, file, row, column: column.map(|(_, c)| c), message });
    }
    let all = sorted(problems.0);
    if all.iter().any(|p| p.severity == Severity::Error) {
        Err(all)
    } else {
        Ok((plan, all))
    }
}
