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

/// A CSV file of a directory as rows of (header, cell), BOM removed.
fn rows(dir: &std::path::Path, name: &str) -> Vec<std::collections::HashMap<String, String>> {
    let bytes = std::fs::read(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    let mut reader = csv::Reader::from_reader(bytes.strip_prefix(b"\xEF\xBB\xBF").expect("a BOM"));
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_string).collect();
    reader.records().map(|r| header.iter().cloned().zip(r.unwrap().iter().map(str::to_string)).collect()).collect()
}

fn export_bundled(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gyokaku-csv-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let (ok, out) = plan_cmd(&["export-csv", "public/data/plan.json", dir.to_str().unwrap()]);
    assert!(ok, "{out}");
    dir
}

#[test]
fn export_writes_one_csv_per_table_with_a_bom_and_documented_columns() {
    let dir = export_bundled("tables");
    let read = |name: &str| std::fs::read(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    let files = ["plan.csv", "notes.csv", "goals.csv", "reforms.csv", "departments.csv", "kgis.csv", "items.csv", "kpi_list.csv", "kpis.csv", "schedule.csv", "evaluations.csv", "columns.csv"];
    for name in files {
        assert_eq!(&read(name)[..3], b"\xEF\xBB\xBF", "{name} starts with a BOM");
    }
    let kpis = String::from_utf8(read("kpis.csv")).unwrap();
    assert!(kpis.starts_with("\u{feff}実施項目番号,指標番号,指標項目,単位,年度,年度(和暦),目標値,目標(文言),実績値,実績(文言),達成率(資料記載),注記,推定項目,区分,KGI番号,方向,累計,指標の注記,指標の推定項目\r\n"));
    assert_eq!(rows(&dir, "kpis.csv").len(), 100 * 6, "a row per KPI and fiscal year");
    assert!(kpis.contains("\r\n1,1,行政手続電子化率,%,2020,令和2年度,14.1,,8.3,,59,"), "item 1 ① in R2");
    assert!(kpis.contains("\r\n24,1,臨時財政対策債を除いた基礎的財政収支の黒字化,億円,2019,令和元年度,,,-115,,,"), "a deficit as a negative number, missing cells empty");
    let schedule = rows(&dir, "schedule.csv");
    assert!(schedule.iter().all(|r| r["計画(四半期)"].is_empty() && r["結果(四半期)"].is_empty()), "quarters not recorded are empty cells");
    let columns = String::from_utf8(read("columns.csv")).unwrap();
    assert!(columns.contains("kpis.csv,達成率(資料記載),\"achievement % printed in the source, without %; empty where none is printed\""));
    let documented: Vec<(String, String)> = rows(&dir, "columns.csv").into_iter().map(|r| (r["ファイル"].clone(), r["列"].clone())).collect();
    for name in &files[..files.len() - 1] {
        let bytes = read(name);
        let mut reader = csv::Reader::from_reader(&bytes[3..]);
        for column in reader.headers().unwrap() {
            assert!(documented.contains(&(name.to_string(), column.to_string())), "{name}: {column} is documented in columns.csv");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn export_keeps_reconstructed_and_missing_fields_and_the_kpi_list() {
    let dir = export_bundled("fields");
    let items = rows(&dir, "items.csv");
    let item11 = items.iter().find(|r| r["実施項目番号"] == "11").unwrap();
    assert_eq!((item11["取組所属ID"].as_str(), item11["欠落項目"].as_str()), ("", "lead_departments"), "item 11's lost department");
    let kpis = rows(&dir, "kpis.csv");
    let row = |item: &str, no: &str, fy: &str| kpis.iter().find(|r| r["実施項目番号"] == item && r["指標番号"] == no && r["年度"] == fy).unwrap();
    assert_eq!(row("17", "4", "2020")["指標の推定項目"], "no name");
    assert_eq!(row("3", "2", "2021")["推定項目"], "actual");
    let list = rows(&dir, "kpi_list.csv");
    let entry = |name: &str| list.iter().find(|r| r["指標名(一覧)"] == name).unwrap();
    assert_eq!((entry("ウェブ会議開催数")["実施項目番号"].as_str(), entry("ウェブ会議開催数")["指標番号"].as_str(), entry("ウェブ会議開催数")["推定項目"].as_str()), ("11", "", "item_id"));
    assert_eq!(entry("行政手続電子化率")["指標番号"], "1");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn import_writes_the_plan_back_and_refuses_a_broken_directory_whole() {
    let dir = export_bundled("import");
    let out = dir.join("plan.json");
    let (ok, log) = plan_cmd(&["import-csv", dir.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert!(ok, "{log}");
    assert!(log.contains("0 error(s), 17 warning(s)") && log.contains("schedule.csv:9:2: warning: 関連目標: item 3 has no KPI 4"), "{log}");
    let written = std::fs::read_to_string(&out).unwrap();
    assert_eq!(plan::parse(&written).unwrap(), plan::parse(include_str!("../../../public/data/plan.json")).unwrap());
    let (ok, log) = plan_cmd(&["validate", out.to_str().unwrap()]);
    assert!(ok && log.contains("0 error(s)"), "{log}");

    // A broken cell: every problem is printed, nothing is written.
    std::fs::remove_file(&out).unwrap();
    let kpis = std::fs::read_to_string(dir.join("kpis.csv")).unwrap();
    std::fs::write(dir.join("kpis.csv"), kpis.replacen(",14.1,,8.3,,59,", ",14.1,,\"8,3\",,59%,", 1)).unwrap();
    let (ok, log) = plan_cmd(&["import-csv", dir.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert!(!ok);
    assert!(log.contains("kpis.csv:3:9: 実績値: \"8,3\" is not a plain number; write 83 without the thousands separator"), "{log}");
    assert!(log.contains("kpis.csv:3:11: 達成率(資料記載): \"59%\" is not a plain number; write 59 without the % sign"), "{log}");
    assert!(log.contains("2 error(s), 0 warning(s); nothing written"), "{log}");
    assert!(!out.exists());
    let _ = std::fs::remove_dir_all(&dir);
}
