//! The `plan` command: validation output and exit codes, and the open-data
//! CSV export of the bundled plan.

use std::path::PathBuf;
use std::process::Command;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn plan_cmd(args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_plan")).args(args).current_dir(repo()).output().expect("runs");
    (out.status.success(), format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)))
}

#[test]
fn validate_prints_the_counts_and_passes_on_the_bundled_plan() {
    let (ok, out) = plan_cmd(&["validate", "public/data/plan.json"]);
    assert!(ok, "{out}");
    for line in ["goals: 3", "reforms: 15", "items: 30", "items with a sheet: 25", "KPIs: 100", "schedule rows: 105", "evaluations: 99", "0 error(s)"] {
        assert!(out.contains(line), "missing {line:?} in\n{out}");
    }
}

#[test]
fn validate_fails_loudly_on_a_dataset_with_errors() {
    let (ok, out) = plan_cmd(&["validate", "tests/e2e/fixtures/bad-plan.json"]);
    assert!(!ok);
    assert!(out.contains("error: kpis[0].values[1].fy: 2031 is outside the plan's years 2019–2024"), "{out}");
    let (ok, out) = plan_cmd(&["validate", "tests/e2e/fixtures/not-json.txt"]);
    assert!(!ok);
    assert!(out.contains("not valid JSON (line 1, column 1"), "{out}");
}

#[test]
fn export_writes_one_csv_per_table_with_a_bom_and_documented_columns() {
    let dir = std::env::temp_dir().join(format!("gyokaku-csv-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let (ok, out) = plan_cmd(&["export-csv", "public/data/plan.json", dir.to_str().unwrap()]);
    assert!(ok, "{out}");
    let read = |name: &str| std::fs::read(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    for name in ["goals.csv", "reforms.csv", "departments.csv", "kgis.csv", "items.csv", "kpis.csv", "kpi_values.csv", "kpi_list.csv", "schedule.csv", "evaluations.csv", "columns.csv"] {
        assert_eq!(&read(name)[..3], b"\xEF\xBB\xBF", "{name} starts with a BOM");
    }
    let values = String::from_utf8(read("kpi_values.csv")).unwrap();
    let lines: Vec<&str> = values.trim_end().split("\r\n").collect();
    assert!(lines[0].ends_with("実施項目番号,指標番号,年度,年度(和暦),目標値,目標(文言),実績値,実績(文言),達成率(資料記載),注記,推定項目"));
    assert_eq!(lines.len(), 1 + 100 * 6, "a row per KPI and fiscal year");
    assert!(lines.iter().any(|l| l.starts_with("1,1,2020,令和2年度,14.1,,8.3,,59,")), "item 1 ① in R2");
    assert!(lines.iter().any(|l| l.starts_with("24,1,2019,令和元年度,,,-115,,,")), "a deficit as a negative number, missing cells empty");
    let schedule = String::from_utf8(read("schedule.csv")).unwrap();
    assert!(schedule.contains(",不明,不明"), "unknown quarters are written as unknown");
    let columns = String::from_utf8(read("columns.csv")).unwrap();
    assert!(columns.contains("kpi_values.csv,達成率(資料記載),achievement % printed in the source"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn export_keeps_reconstructed_and_missing_fields_and_the_kpi_list() {
    let dir = std::env::temp_dir().join(format!("gyokaku-csv-fields-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let (ok, out) = plan_cmd(&["export-csv", "public/data/plan.json", dir.to_str().unwrap()]);
    assert!(ok, "{out}");
    let read = |name: &str| String::from_utf8(std::fs::read(dir.join(name)).unwrap()).unwrap();
    let items = read("items.csv");
    assert!(items.lines().next().unwrap().ends_with(",注記,推定項目,欠落項目"));
    assert!(items.lines().any(|l| l.starts_with("11,6,ICTの利活用による業務効率化,") && l.ends_with(",,lead_departments")), "item 11's lost department");
    assert!(read("kpis.csv").lines().any(|l| l.starts_with("17,4,") && l.ends_with(",no name")));
    assert!(read("kpi_values.csv").lines().any(|l| l.starts_with("3,2,2021,") && l.ends_with(",actual")));
    let list = read("kpi_list.csv");
    assert!(list.lines().any(|l| l.starts_with("ウェブ会議開催数,11,,") && l.ends_with(",item_id")));
    assert!(list.lines().any(|l| l.starts_with("行政手続電子化率,1,1,")));
    assert!(read("columns.csv").contains("kpi_list.csv,実施項目番号,item number the name belongs to"));
    let _ = std::fs::remove_dir_all(&dir);
}
