//! Broken CSV directories, as the staff may produce them in Excel: each
//! import fails, writes nothing, and reports every problem at its
//! `file:row:column` with what to do.

mod common;

use common::{edit, exported, problems, Dir, NEXT_PLAN};

const ITEM: &str = "実施項目番号";
const KPI: &str = "指標番号";
const FY: &str = "年度";

/// The next_plan fixture's kpis.csv row of item 1's KPI ① in one year.
fn kpi_row(fy: &'static str) -> [(&'static str, &'static str); 3] {
    [(ITEM, "1"), (KPI, "1"), (FY, fy)]
}

/// The import reports exactly these problems, in this order.
fn assert_problems(dir: &Dir, expected: &[&str]) {
    let found = problems(dir);
    assert_eq!(found, expected, "\nfound:\n{}", found.join("\n"));
}

#[test]
fn numbers_with_separators_units_or_words_are_refused_and_zero_is_a_number() {
    let dir = exported("broken-numbers", NEXT_PLAN);
    edit(&dir, "kpis.csv", |csv| {
        csv.set(&kpi_row("2025"), "実績値", "1,500");
        csv.set(&kpi_row("2026"), "目標値", "15回");
        csv.set(&kpi_row("2027"), "目標値", "三十");
        csv.set(&kpi_row("2026"), "達成率(資料記載)", "90%");
        csv.set(&kpi_row("2024"), "実績値", "0");
        csv.set(&[(ITEM, "2"), (KPI, "1"), (FY, "2024")], "実績値", "▲5");
    });
    edit(&dir, "evaluations.csv", |csv| csv.set(&[(ITEM, "1"), (FY, "2025")], "目標件数", "1件"));
    assert_problems(
        &dir,
        &[
            "kpis.csv:3:9: 実績値: \"1,500\" is not a plain number; write 1500 without the thousands separator",
            "kpis.csv:4:7: 目標値: \"15回\" is not a plain number; write 15 without the unit \"回\" and keep the unit in 単位",
            "kpis.csv:4:11: 達成率(資料記載): \"90%\" is not a plain number; write 90 without the % sign",
            "kpis.csv:5:7: 目標値: \"三十\" is not a number; write a plain number such as 1500, 14.1 or -115 (▲115 is read as -115), or leave the cell empty where the source gives none",
            "evaluations.csv:2:5: 目標件数: \"1件\" is not a plain number; write 1 without the unit \"件\"",
        ],
    );
}

#[test]
fn years_outside_the_plan_are_reported_at_their_cell() {
    let dir = exported("broken-years", NEXT_PLAN);
    edit(&dir, "kpis.csv", |csv| {
        csv.set(&kpi_row("2029"), "年度(和暦)", "");
        csv.set(&kpi_row("2029"), FY, "2031");
    });
    edit(&dir, "evaluations.csv", |csv| {
        csv.set(&[(ITEM, "2"), (FY, "2025")], "年度(和暦)", "令和6年度");
        csv.set(&[(ITEM, "2"), (FY, "2025")], FY, "2024");
    });
    assert_problems(
        &dir,
        &[
            "kpis.csv:7:5: 年度: 2031 is outside the plan's years 2024–2029",
            "evaluations.csv:4:2: 年度: 2024 is outside the plan's years 2025–2029",
        ],
    );
}

#[test]
fn an_era_label_in_the_year_column_or_a_label_that_disagrees() {
    let dir = exported("broken-era", NEXT_PLAN);
    edit(&dir, "kpis.csv", |csv| {
        csv.set(&kpi_row("2025"), FY, "令和7年度");
        csv.set(&kpi_row("2026"), FY, "2027");
    });
    assert_problems(
        &dir,
        &[
            "kpis.csv:3:5: 年度: \"令和7年度\" is an era label; write the western year 2025 here (the 和暦 goes in 年度(和暦))",
            "kpis.csv:4:6: 年度(和暦): says \"令和8年度\" but 年度 gives \"令和9年度\"; correct 年度, or empty this cell (年度(和暦) is written for reading, 年度 is what is imported)",
        ],
    );
}

#[test]
fn an_unknown_item_in_kpis_csv_is_reported_with_its_row() {
    let dir = exported("broken-item", NEXT_PLAN);
    edit(&dir, "kpis.csv", |csv| csv.set(&kpi_row("2028"), ITEM, "99"));
    assert_problems(
        &dir,
        &["kpis.csv:6:1: 実施項目番号: item 99 does not exist; correct the number, or add it to items.csv"],
    );
}

#[test]
fn a_duplicated_row_names_the_row_it_repeats() {
    let dir = exported("broken-duplicate", NEXT_PLAN);
    edit(&dir, "kpis.csv", |csv| {
        let row = csv.rows[csv.find(&kpi_row("2025"))].clone();
        csv.rows.insert(3, row);
    });
    edit(&dir, "evaluations.csv", |csv| {
        let row = csv.rows[0].clone();
        csv.rows.push(row);
    });
    assert_problems(
        &dir,
        &[
            "kpis.csv:5:5: 年度: duplicate fiscal year 2025, first used at kpis.csv:3:5; correct one of them, or delete the row that repeats the other",
            "evaluations.csv:26: duplicate evaluation of item 1 for 2025, first used at evaluations.csv:2; correct one of them, or delete the row that repeats the other",
        ],
    );
}

#[test]
fn renamed_missing_and_unknown_columns_are_named() {
    let dir = exported("broken-columns", NEXT_PLAN);
    edit(&dir, "kpis.csv", |csv| {
        let c = csv.col("実績値");
        csv.header[c] = "実績".into();
        let u = csv.col("単位");
        csv.header.remove(u);
        csv.rows.iter_mut().for_each(|r| {
            r.remove(u);
        });
        csv.header.push("メモ".into());
        csv.rows.iter_mut().for_each(|r| r.push("確認済み".into()));
    });
    edit(&dir, "items.csv", |csv| {
        csv.rows[2].push("はみ出し".into());
    });
    assert_problems(
        &dir,
        &[
            "items.csv:4:20: this cell is in a column without a header; move its text into the right column or delete it",
            "kpis.csv:1: column \"単位\" is missing; add it back (columns.csv lists every column) or start again from a fresh export",
            "kpis.csv:1:8: column \"実績値\" is missing (found \"実績\"); restore the header from columns.csv",
            "kpis.csv:1:19: unknown column \"メモ\"; rename it to one of the columns of kpis.csv listed in columns.csv, or delete it",
        ],
    );
}

#[test]
fn a_kpis_own_columns_must_agree_on_all_its_rows() {
    let dir = exported("broken-kpi", NEXT_PLAN);
    edit(&dir, "kpis.csv", |csv| {
        csv.set(&kpi_row("2027"), "指標項目", "指標1(改)");
        csv.set(&kpi_row("2028"), "単位", "回");
        csv.set(&kpi_row("2029"), "区分", "目標");
        csv.set(&[(ITEM, "2"), (KPI, "1"), (FY, "2025")], "累計", "はい");
    });
    assert_problems(
        &dir,
        &[
            "kpis.csv:5:3: 指標項目: differs from row 2 of the same KPI (item 1, KPI 1); a KPI's own columns must be the same on each of its rows",
            "kpis.csv:6:4: 単位: differs from row 2 of the same KPI (item 1, KPI 1); a KPI's own columns must be the same on each of its rows",
            "kpis.csv:7:14: 区分: \"目標\" is not 取組目標 or 参考指標",
            "kpis.csv:9:17: 累計: \"はい\" is not 1 or 0; write 1 for yes, 0 for no",
        ],
    );
}

#[test]
fn an_actual_after_the_last_reported_year_says_to_raise_it() {
    let dir = exported("broken-results", NEXT_PLAN);
    edit(&dir, "kpis.csv", |csv| csv.set(&kpi_row("2027"), "実績値", "31"));
    assert_problems(
        &dir,
        &["kpis.csv:5:9: 実績値: FY2027 is after 実績の最終年度 2026, the last year the source reports results for; empty the cell and, if the source prints something there, quote it in a note (or raise 実績の最終年度 in plan.csv if the source does report FY2027)"],
    );
}

#[test]
fn a_file_not_in_utf8_or_missing_is_named() {
    let dir = exported("broken-files", NEXT_PLAN);
    std::fs::remove_file(dir.path().join("notes.csv")).unwrap();
    // "実施" in Shift_JIS, as Excel's plain "CSV (コンマ区切り)" saves it.
    let mut bytes = b"\x8e\xc0\x8e\x7b,".to_vec();
    bytes.extend_from_slice(&std::fs::read(dir.path().join("goals.csv")).unwrap()[3..]);
    std::fs::write(dir.path().join("goals.csv"), bytes).unwrap();
    assert_problems(
        &dir,
        &[
            "notes.csv: the file is missing; every file that export-csv writes is needed (columns.csv excepted)",
            "goals.csv:1: the file is not UTF-8 (Excel's \"CSV (コンマ区切り)\" saves Shift_JIS); open it in Excel and save it again as \"CSV UTF-8 (コンマ区切り)\"",
        ],
    );
}
