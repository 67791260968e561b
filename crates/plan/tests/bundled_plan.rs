//! The bundled dataset, `public/data/plan.json`: it must validate with zero
//! errors and hold what the seed holds.

use plan::{load, Counts, Role};

const BUNDLED: &str = include_str!("../../../public/data/plan.json");

#[test]
fn the_bundled_plan_validates_with_zero_errors() {
    if let Err(e) = load(BUNDLED) {
        panic!("public/data/plan.json does not validate: {e}");
    }
}

#[test]
fn the_bundled_plan_holds_every_part_of_the_seed() {
    let (plan, _) = load(BUNDLED).unwrap();
    let c = Counts::of(&plan);
    assert_eq!((c.goals, c.reforms, c.items, c.items_with_sheet, c.kgis), (3, 15, 30, 25, 5));
    assert_eq!(c.kpis, 100);
    assert_eq!(c.values_with_target, 292);
    assert_eq!(c.values_with_actual, 432);
    assert_eq!(c.schedule_rows, 105);
    assert_eq!(c.evaluations, 99);
    assert!(c.notes >= 600, "every judgement call has a note: {}", c.notes);
    assert_eq!(plan.kpi_list.len(), 31);
}

#[test]
fn goals_hold_reforms_one_to_five_six_to_ten_eleven_to_fifteen() {
    let (plan, _) = load(BUNDLED).unwrap();
    for r in &plan.reforms {
        assert_eq!(r.goal_id, (r.id - 1) / 5 + 1, "reform {}", r.id);
    }
    assert_eq!(plan.goals[2].aliases, vec!["健全な財政運営の確立"]);
}

#[test]
fn items_without_a_sheet_are_the_five_the_source_lacks() {
    let (plan, _) = load(BUNDLED).unwrap();
    let without: Vec<u32> = plan.items.iter().filter(|i| i.sheet.is_none()).map(|i| i.id).collect();
    assert_eq!(without, vec![2, 9, 11, 14, 30]);
    assert!(plan.kpis.iter().all(|k| !without.contains(&k.item_id)));
}

#[test]
fn misnumbered_sheets_are_identified_by_title() {
    let (plan, _) = load(BUNDLED).unwrap();
    let item = |id: u32| plan.items.iter().find(|i| i.id == id).unwrap();
    assert_eq!(item(5).sheet.as_ref().unwrap().printed_no, 6);
    assert_eq!(item(5).title, "オープンデータ化の推進");
    assert_eq!(item(29).sheet.as_ref().unwrap().printed_no, 28);
    assert_eq!(item(29).title, "公共施設等の長寿命化");
}

#[test]
fn abbreviated_departments_resolve_to_one_id() {
    let (plan, _) = load(BUNDLED).unwrap();
    let by_alias = |a: &str| plan.departments.iter().find(|d| d.name == a || d.aliases.iter().any(|x| x == a)).map(|d| d.id.as_str());
    assert_eq!(by_alias("(総)総務課"), Some("general-affairs"));
    assert_eq!(by_alias("総務部総務課"), Some("general-affairs"));
    assert_eq!(by_alias("(教)総務課"), Some("edu-general-affairs"));
}

#[test]
fn schedules_record_quarters_as_unknown() {
    let (plan, _) = load(BUNDLED).unwrap();
    assert!(plan.schedule.iter().all(|s| s.plan.is_none() && s.result.is_none()));
}

#[test]
fn known_values_are_transcribed_and_missing_ones_are_null() {
    let (plan, _) = load(BUNDLED).unwrap();
    let kpi = |item: u32, no: u32| plan.kpis.iter().find(|k| k.item_id == item && k.no == no).unwrap();
    // Item 1 ①: R2 target 14.1 %, actual 8.3 %, printed 59 %; no R6 target.
    let v = kpi(1, 1).value(2020).unwrap();
    assert_eq!((v.target, v.actual, v.stated_rate), (Some(14.1), Some(8.3), Some(59.0)));
    assert_eq!(kpi(1, 1).value(2024).unwrap().target, None);
    // Item 7: 40,000,000 plays targeted for R6, no actual.
    let v = kpi(7, 1).value(2024).unwrap();
    assert_eq!((v.target, v.actual), (Some(40_000_000.0), None));
    // Item 24: a deficit of 115 億円 in the base year, a target in words.
    let k = kpi(24, 1);
    assert_eq!(k.value(2019).unwrap().actual, Some(-115.0));
    assert_eq!(k.value(2020).unwrap().target_label.as_deref(), Some("黒字化"));
    // Overtime is lower-is-better.
    assert_eq!(kpi(18, 1).direction, plan::Direction::Lower);
    assert_eq!(kpi(1, 4).role, Role::Reference);
}

#[test]
fn fy2024_cells_that_repeat_fy2023_are_not_results() {
    let (plan, _) = load(BUNDLED).unwrap();
    assert_eq!(plan.plan.results_through_fy, Some(2023));
    let kpi = |item: u32, no: u32| plan.kpis.iter().find(|k| k.item_id == item && k.no == no).unwrap();
    for (item, no) in [(16, 1), (16, 2), (16, 3), (16, 4), (16, 6), (16, 7), (18, 1), (18, 2)] {
        let v = kpi(item, no).value(2024).unwrap();
        assert_eq!((v.actual, v.actual_label.as_deref(), v.stated_rate), (None, None, None), "item {item} KPI {no}");
        assert!(v.notes.iter().any(|n| n.contains("identical to R5")), "item {item} KPI {no} quotes the printed cell");
    }
    // The targets printed for FY2024 stay.
    assert_eq!(kpi(16, 1).value(2024).unwrap().target, Some(100.0));
    assert_eq!(kpi(18, 1).value(2024).unwrap().target, Some(10.0));
}

#[test]
fn no_kpi_reports_a_result_after_results_through_fy() {
    let (plan, _) = load(BUNDLED).unwrap();
    let through = plan.plan.results_through_fy.unwrap();
    for k in &plan.kpis {
        for v in k.values.iter().filter(|v| v.fy > through) {
            assert!(v.actual.is_none() && v.actual_label.is_none() && v.stated_rate.is_none(), "item {} KPI {} FY{}", k.item_id, k.no, v.fy);
        }
    }
    assert!(plan.evaluations.iter().all(|e| e.fy <= through || (e.achieved.is_none() && e.total.is_none())));
}

#[test]
fn item_7_has_no_rate_for_the_unevaluated_fy2024() {
    let (plan, _) = load(BUNDLED).unwrap();
    let v = plan.kpis.iter().find(|k| k.item_id == 7 && k.no == 1).unwrap().value(2024).unwrap();
    assert_eq!((v.target, v.actual, v.stated_rate), (Some(40_000_000.0), None, None));
    assert!(v.notes.iter().any(|n| n.contains("'0%'")), "the printed 0% is quoted in a note");
}

#[test]
fn reconstructed_values_are_marked_in_the_data_not_only_in_notes() {
    let (plan, _) = load(BUNDLED).unwrap();
    let kpi = |item: u32, no: u32| plan.kpis.iter().find(|k| k.item_id == item && k.no == no).unwrap();
    // 17 ④: neither number nor name is printed.
    assert_eq!(kpi(17, 4).reconstructed, vec!["no", "name"]);
    // 12 ②: the name is the overview list's, taken by position.
    assert_eq!(kpi(12, 2).reconstructed, vec!["name"]);
    // 3 ②: one unlabelled row; each year's number was read as target or actual.
    let marks: Vec<(i32, Vec<String>)> = kpi(3, 2).values.iter().map(|v| (v.fy, v.reconstructed.clone())).collect();
    let s = |x: &str| vec![x.to_string()];
    assert_eq!(
        marks,
        vec![(2019, vec![]), (2020, s("target")), (2021, s("actual")), (2022, s("target")), (2023, s("target")), (2024, s("target"))]
    );
}

#[test]
fn item_11s_lead_department_is_marked_as_lost_in_extraction() {
    let (plan, _) = load(BUNDLED).unwrap();
    let item = plan.items.iter().find(|i| i.id == 11).unwrap();
    assert!(item.lead_departments.is_empty());
    assert_eq!(item.missing, vec!["lead_departments"]);
    // No other item lacks its lead department.
    let empty: Vec<u32> = plan.items.iter().filter(|i| i.lead_departments.is_empty()).map(|i| i.id).collect();
    assert_eq!(empty, vec![11]);
}

#[test]
fn every_kpi_list_entry_names_its_item_and_sheetless_items_get_their_names() {
    let (plan, _) = load(BUNDLED).unwrap();
    for e in &plan.kpi_list {
        assert!(e.kpis.iter().all(|r| r.item_id == e.item_id), "{}", e.name);
        assert_eq!(e.kpis.is_empty(), e.reconstructed == vec!["item_id"], "{}: an unlinked entry's item is inferred", e.name);
    }
    let names_of = |item: u32| plan.kpi_list.iter().filter(|e| e.item_id == item).map(|e| e.name.as_str()).collect::<Vec<_>>();
    assert_eq!(names_of(2), vec!["税外収入の納入通知書を県税と同じ様式に切り替える", "キャッシュレス決済導入施設等におけるキャッシュレス決済比率"]);
    assert_eq!(names_of(9), vec!["地域プラットフォームを通じた事業化件数", "ESCO事業の導入件数"]);
    assert_eq!(names_of(11), vec!["電子決裁可能文書の電子決裁率", "ウェブ会議開催数", "AI等導入業務における作業減少時間"]);
    // The overview's list names no KPI of items 14 and 30 (the other two without a sheet).
    assert!(names_of(14).is_empty() && names_of(30).is_empty());
}

/// Every note of the dataset, with where it is.
fn all_notes(plan: &plan::Plan) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut add = |at: String, notes: &[String]| out.extend(notes.iter().map(|n| (at.clone(), n.clone())));
    add("notes".into(), &plan.notes);
    plan.goals.iter().for_each(|g| add(format!("goal {}", g.id), &g.notes));
    plan.reforms.iter().for_each(|r| add(format!("reform {}", r.id), &r.notes));
    plan.departments.iter().for_each(|d| add(format!("department {}", d.id), &d.notes));
    plan.kpi_list.iter().for_each(|e| add(format!("kpi_list {}", e.name), &e.notes));
    plan.items.iter().for_each(|i| add(format!("item {}", i.id), &i.notes));
    for k in &plan.kpis {
        add(format!("KPI {}-{}", k.item_id, k.no), &k.notes);
        k.values.iter().for_each(|v| add(format!("KPI {}-{} FY{}", k.item_id, k.no, v.fy), &v.notes));
    }
    plan.schedule.iter().for_each(|s| add(format!("schedule of item {}", s.item_id), &s.notes));
    plan.evaluations.iter().for_each(|e| add(format!("evaluation {} FY{}", e.item_id, e.fy), &e.notes));
    out
}

#[test]
fn notes_name_only_fields_that_exist() {
    const FIELDS: [&str; 18] = [
        "kpi_nos", "item_id", "results_through_fy", "stated_rate", "printed_no", "printed_title", "actual_label",
        "target_label", "lead_departments", "related_departments", "related_other", "kgi_id", "reform_id", "kpi_list",
        "texts_as_of", "star_label", "source_url", "licence",
    ];
    let (plan, _) = load(BUNDLED).unwrap();
    for (at, note) in all_notes(&plan) {
        // snake_case words are field names; each must be one of the schema's.
        for word in note.split(|c: char| !(c.is_ascii_lowercase() || c == '_')).filter(|w| w.contains('_') && !w.starts_with('_')) {
            assert!(FIELDS.contains(&word), "{at}: the note names `{word}`, which is not a field: {note}");
        }
        assert!(!note.contains("kgi null") && !note.contains("kgi is null"), "{at}: the field is kgi_id");
    }
}

#[test]
fn item_10s_title_notes_agree_with_its_title_fields() {
    let (plan, _) = load(BUNDLED).unwrap();
    let item = plan.items.iter().find(|i| i.id == 10).unwrap();
    assert_eq!(item.title, "他自治体との連携・支援体制強化");
    assert_eq!(item.sheet.as_ref().unwrap().printed_title, "自治体との連携・支援体制強化");
    let on_title: Vec<&String> = item.notes.iter().filter(|n| n.contains("自治体との連携・支援体制強化'")).collect();
    assert_eq!(on_title.len(), 1, "one note on the title: {on_title:#?}");
    assert!(on_title[0].contains("title keeps the overview's wording") && on_title[0].contains("sheet.printed_title"));
}

#[test]
fn unusual_schedule_grids_and_the_filled_squares_of_item_21_are_noted() {
    let (plan, _) = load(BUNDLED).unwrap();
    let item = |id: u32| plan.items.iter().find(|i| i.id == id).unwrap();
    assert!(item(10).notes.iter().any(|n| n.contains("yearly, not quarterly") && n.contains("1年度 2年度 3年度 4年度 5年度")));
    assert!(item(21).notes.iter().any(|n| n.contains("'4前半 1 2 4後半'")));
    let rows: Vec<_> = plan.schedule.iter().filter(|s| s.item_id == 21).collect();
    assert_eq!(rows.len(), 3);
    for row in rows {
        assert!(row.notes.iter().any(|n| n.contains("'■' in every 計画 and 結果 cell")), "{}", row.activity);
        assert_eq!((&row.plan, &row.result), (&None, &None), "unknown, not every quarter");
    }
}

#[test]
fn item_21_1s_unplaced_cells_are_quoted_and_its_rate_chosen_actuals_marked() {
    let (plan, _) = load(BUNDLED).unwrap();
    let k = plan.kpis.iter().find(|k| k.item_id == 21 && k.no == 1).unwrap();
    assert!(k.notes.iter().any(|n| n.contains("'実績 14.9 % 16.1 % 17.6 % 18.4 % 19.4 % 21.5 % 22 %'") && n.contains("Neither value is placed")));
    assert!(k.values.iter().all(|v| v.actual != Some(18.4) && v.actual != Some(22.0) && v.target != Some(22.0)));
    for (fy, actual) in [(2022, 19.4), (2023, 21.5)] {
        let v = k.value(fy).unwrap();
        assert_eq!((v.actual, v.reconstructed.as_slice()), (Some(actual), ["actual".to_string()].as_slice()));
    }
}

#[test]
fn values_read_from_a_row_of_another_label_are_marked_reconstructed() {
    let (plan, _) = load(BUNDLED).unwrap();
    let kpi = |item: u32, no: u32| plan.kpis.iter().find(|k| k.item_id == item && k.no == no).unwrap();
    // Item 21 ②'s actuals are printed on the line labelled ③.
    for fy in 2019..=2023 {
        assert_eq!(kpi(21, 2).value(fy).unwrap().reconstructed, vec!["actual"], "FY{fy}");
    }
    // Item 20 ②'s R6 target is the last cell of its 実績 row.
    assert_eq!(kpi(20, 2).value(2024).unwrap().reconstructed, vec!["target", "target_label"]);
    // A value read where it is printed is not marked.
    assert!(kpi(1, 1).values.iter().all(|v| v.reconstructed.is_empty()));
}
