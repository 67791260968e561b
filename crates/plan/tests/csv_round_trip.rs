//! CSV export → import is exact, also after Excel has saved a file.

mod common;

use common::{edit, exported, imported, Csv, BUNDLED, NEXT_PLAN};
use serde_json::{json, Value};

/// The same document with optional members at their default left out and
/// numbers compared by value (`7.0` = `7`).
fn semantically(text: &str) -> Value {
    const OPTIONAL: [&str; 10] = [
        "kpi_list", "notes", "aliases", "related_other", "related_departments", "reconstructed", "missing", "target_label",
        "actual_label", "results_through_fy",
    ];
    fn normalise(v: &mut Value) {
        match v {
            Value::Number(n) => *v = json!(n.as_f64().unwrap()),
            Value::Array(xs) => xs.iter_mut().for_each(normalise),
            Value::Object(m) => {
                m.retain(|k, x| !(OPTIONAL.contains(&k.as_str()) && (x.is_null() || x.as_array().is_some_and(|a| a.is_empty()))));
                m.values_mut().for_each(normalise);
            }
            _ => {}
        }
    }
    let mut v: Value = serde_json::from_str(text).unwrap();
    normalise(&mut v);
    v
}

fn assert_round_trip(tag: &str, json: &str) {
    let original = plan::parse(json).unwrap();
    let dir = exported(tag, json);
    let back = imported(&dir);
    assert_eq!(back, original);
    assert_eq!(semantically(&plan::to_json(&back)), semantically(json), "the JSON written equals the original");
}

#[test]
fn the_bundled_plan_comes_back_equal() {
    assert_round_trip("rt-bundled", BUNDLED);
}

#[test]
fn the_bundled_file_comes_back_byte_for_byte() {
    let dir = exported("rt-bytes", BUNDLED);
    assert!(plan::to_json(&imported(&dir)) == BUNDLED, "import --out would rewrite public/data/plan.json");
}

#[test]
fn the_next_plan_fixture_comes_back_equal() {
    assert_round_trip("rt-next", NEXT_PLAN);
}

#[test]
fn exporting_the_imported_plan_gives_the_same_files() {
    let first = exported("rt-again-1", BUNDLED);
    let second = exported("rt-again-2", &plan::to_json(&imported(&first)));
    for layout in plan::csv::LAYOUTS {
        let read = |d: &common::Dir| std::fs::read(d.path().join(layout.file)).unwrap();
        assert!(read(&first) == read(&second), "{} differs", layout.file);
    }
}

/// Rewrites a file the way Excel (or a tool after it) may save it: CRLF
/// also inside quoted cells, an empty column after the last, and empty
/// rows (`,,,,`) at the end.
fn save_as_excel(dir: &common::Dir, file: &str) {
    edit(dir, file, |csv| {
        csv.header.push(String::new());
        for row in &mut csv.rows {
            for cell in row.iter_mut() {
                *cell = cell.replace('\n', "\r\n");
            }
            row.push(String::new());
        }
        let width = csv.header.len();
        csv.rows.extend(std::iter::repeat_n(vec![String::new(); width], 3));
    });
}

#[test]
fn a_file_saved_by_excel_imports() {
    let dir = exported("rt-excel", BUNDLED);
    let mut expected = plan::parse(BUNDLED).unwrap();
    // A line break typed into a cell (Alt+Enter) that had none.
    edit(&dir, "items.csv", |csv| csv.set(&[("実施項目番号", "1")], "現状", "一行目\n二行目"));
    expected.items[0].sheet.as_mut().unwrap().situation = Some("一行目\n二行目".into());
    for file in ["items.csv", "kpis.csv", "evaluations.csv"] {
        save_as_excel(&dir, file);
    }
    let items = std::fs::read(dir.path().join("items.csv")).unwrap();
    assert!(items.starts_with(b"\xEF\xBB\xBF"));
    let broken = "一行目\r\n二行目".as_bytes();
    assert!(items.windows(broken.len()).any(|w| w == broken), "a quoted CRLF inside a cell");
    assert!(items.ends_with(b",,,,,,,,,,,,,,,,,,,\r\n"), "empty rows at the end");
    assert_eq!(imported(&dir), expected);
}

#[test]
fn a_blank_line_counts_as_a_row_as_in_excel() {
    let dir = exported("rt-blank", NEXT_PLAN);
    let path = dir.path().join("kpis.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    // A blank line after row 2, then a broken cell on what Excel shows as row 5.
    let mut lines: Vec<&str> = text.split("\r\n").collect();
    lines.insert(2, "");
    let broken = lines[4].replacen(",20,,18,", ",20,,18件,", 1);
    lines[4] = &broken;
    std::fs::write(&path, lines.join("\r\n")).unwrap();
    let problems = common::problems(&dir);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(problems[0].starts_with("kpis.csv:5:9: 実績値: \"18件\""), "{}", problems[0]);
}

#[test]
fn columns_are_found_by_name_in_any_order_and_derived_ones_may_go() {
    let dir = exported("rt-order", BUNDLED);
    edit(&dir, "kpis.csv", |csv| {
        csv.header.reverse();
        csv.rows.iter_mut().for_each(|r| r.reverse());
    });
    edit(&dir, "items.csv", |csv| {
        // Drop the names beside the department ids, and empty the 和暦 in evaluations.
        let c = csv.col("取組所属");
        csv.header.remove(c);
        csv.rows.iter_mut().for_each(|r| {
            r.remove(c);
        });
    });
    edit(&dir, "evaluations.csv", |csv| {
        let c = csv.col("年度(和暦)");
        csv.rows.iter_mut().for_each(|r| r[c].clear());
    });
    assert_eq!(imported(&dir), plan::parse(BUNDLED).unwrap());
}

#[test]
fn a_years_actuals_entered_in_kpis_csv_reach_the_plan() {
    // The workflow of the README: fill FY2027's actuals, raise 実績の最終年度.
    let dir = exported("rt-actuals", NEXT_PLAN);
    edit(&dir, "kpis.csv", |csv| {
        csv.set(&[("実施項目番号", "1"), ("指標番号", "1"), ("年度", "2027")], "実績値", "31");
        csv.set(&[("実施項目番号", "1"), ("指標番号", "1"), ("年度", "2027")], "達成率(資料記載)", "103");
        csv.set(&[("実施項目番号", "2"), ("指標番号", "1"), ("年度", "2027")], "実績値", "0");
        csv.set(&[("実施項目番号", "4"), ("指標番号", "1"), ("年度", "2027")], "実績値", "▲3");
    });
    edit(&dir, "plan.csv", |csv| csv.set(&[("初年度", "2025")], "実績の最終年度", "2027"));
    let plan = imported(&dir);
    assert_eq!(plan.plan.results_through_fy, Some(2027));
    let value = |i: usize| plan.kpis[i].value(2027).unwrap();
    assert_eq!((value(0).actual, value(0).stated_rate), (Some(31.0), Some(103.0)));
    assert_eq!(value(1).actual, Some(0.0), "0 is a number, not unknown");
    assert_eq!(value(2).actual, Some(-3.0), "▲ is read as minus");
    assert_eq!(value(3).actual, None, "an empty cell stays unknown");
    let csv = Csv::read(dir.path(), "plan.csv");
    assert_eq!(csv.rows.len(), 1);
}

#[test]
fn a_note_with_a_line_break_is_refused_by_export_not_lost() {
    let mut plan = plan::parse(NEXT_PLAN).unwrap();
    plan.notes = vec!["one line".into(), "two\nlines".into()];
    plan.items[0].notes = vec![String::new()];
    let dir = std::env::temp_dir().join(format!("gyokaku-rt-refused-{}", std::process::id()));
    let err = plan::csv::export(&plan, &dir).unwrap_err().to_string();
    assert_eq!(
        err.lines().map(|l| l.split(':').next().unwrap()).collect::<Vec<_>>(),
        ["notes[1]", "items[0].notes[0]"],
        "{err}"
    );
    assert!(!dir.exists(), "nothing is written");
}
