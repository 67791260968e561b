//! Filtering: what a user gets for each filter, on a small plan whose every
//! item is listed below.

mod common;

use common::{activity, department, empty_plan, evaluation, goal, item, kpi, reform};
use plan::Plan;
use viewmodel::query::Index;
use viewmodel::state::ViewState;

/// Goal 1 has reforms 1 and 2, goal 2 has reform 3. The items are listed
/// out of number order, so that results show they keep the plan's order:
///
/// | item | reform (goal) | led by           | ★ | its own words                          |
/// |------|---------------|------------------|---|----------------------------------------|
/// | 2    | 1 (1)         | finance          | ★ | title 財政調整基金の確保                |
/// | 1    | 1 (1)         | general-affairs  |   | title ＩＣＴ人材の育成; finance related |
/// | 3    | 2 (1)         | finance, dx      |   | situation デジタル化の推進              |
/// | 4    | 3 (2)         | dx               | ★ | note, related group, KPI, activity, evaluation |
fn fixture() -> Plan {
    let mut items = vec![item(2, 1, &["finance"]), item(1, 1, &["general-affairs"]), item(3, 2, &["finance", "dx"]), item(4, 3, &["dx"])];
    items[0].title = "財政調整基金の確保".into();
    items[0].star = true;
    items[1].title = "ＩＣＴ人材の育成".into();
    items[1].related_departments = vec!["finance".into()];
    items[2].sheet.as_mut().expect("a sheet").situation = Some("デジタル化の推進".into());
    items[3].star = true;
    items[3].note = Some("補足".into());
    items[3].related_other = vec!["各所属".into()];
    let mut kpi = kpi(4, 1, "%", &[]);
    kpi.name = "電子申請率".into();
    let mut evaluation = evaluation(4, 2025, 1, 1);
    evaluation.factors = Some("周知不足".into());
    Plan {
        goals: vec![goal(1), goal(2)],
        reforms: vec![reform(1, 1), reform(2, 1), reform(3, 2)],
        departments: vec![
            department("general-affairs", "総務課", &["(総)総務課"]),
            department("edu-general-affairs", "教育委員会総務課", &["(教)総務課"]),
            department("finance", "財政課", &[]),
            department("dx", "デジタル戦略課", &["DX課"]),
        ],
        items,
        kpis: vec![kpi],
        schedule: vec![activity(4, "窓口の見直し", None, None)],
        evaluations: vec![evaluation],
        ..empty_plan()
    }
}

fn state(hash: &str) -> ViewState {
    ViewState::parse(hash)
}

#[test]
fn no_filter_keeps_every_item_in_plan_order() {
    let ids = Index::new(&fixture()).filter(&ViewState::default());
    assert_eq!(ids, vec![2, 1, 3, 4]);
}

#[test]
fn department_filter_keeps_items_led_by_that_department() {
    let index = Index::new(&fixture());
    assert_eq!(index.filter(&state("dept=finance")), vec![2, 3], "not item 1, which finance is only related to");
    assert_eq!(index.filter(&state("dept=general-affairs")), vec![1]);
    assert_eq!(index.filter(&state("dept=edu-general-affairs")), Vec::<u32>::new());
}

#[test]
fn several_departments_are_alternatives() {
    let index = Index::new(&fixture());
    assert_eq!(index.filter(&state("dept=general-affairs&dept=dx")), vec![1, 3, 4]);
    assert_eq!(index.filter(&state("dept=finance&dept=dx")), vec![2, 3, 4], "item 3, led by both, once");
}

#[test]
fn goal_filter_keeps_the_items_of_the_goals_reforms() {
    let index = Index::new(&fixture());
    assert_eq!(index.filter(&state("goal=1")), vec![2, 1, 3]);
    assert_eq!(index.filter(&state("goal=2")), vec![4]);
}

#[test]
fn filters_intersect() {
    let index = Index::new(&fixture());
    assert_eq!(index.filter(&state("reform=1")), vec![2, 1]);
    assert_eq!(index.filter(&state("star=1")), vec![2, 4]);
    assert_eq!(index.filter(&state("goal=1&dept=dx")), vec![3]);
    assert_eq!(index.filter(&state("goal=1&star=1")), vec![2]);
    assert_eq!(index.filter(&state("reform=1&dept=finance&q=基金")), vec![2]);
    assert_eq!(index.filter(&state("reform=2&dept=general-affairs")), Vec::<u32>::new());
}

#[test]
fn text_search_covers_every_text_of_an_item_and_folds_width_and_case() {
    let index = Index::new(&fixture());
    let found_in = [
        ("財政調整基金", "the title", vec![2]),
        ("補足", "the note", vec![4]),
        ("各所属", "a related group", vec![4]),
        ("デジタル化", "a sheet's text", vec![3]),
        ("電子申請", "a KPI's name", vec![4]),
        ("窓口", "an activity", vec![4]),
        ("周知不足", "an evaluation", vec![4]),
    ];
    for (word, place, ids) in found_in {
        assert_eq!(index.filter(&state(&format!("q={}", viewmodel::state::percent_encode(word)))), ids, "{word} in {place}");
    }
    assert_eq!(index.filter(&state("q=ict人材")), vec![1], "ＩＣＴ typed as ict");
    assert_eq!(index.filter(&state("q=ＩＣＴ人材")), vec![1]);
    assert_eq!(index.filter(&state("q=%E3%83%87%E3%82%B8%E3%82%BF%E3%83%AB%E3%80%80%E6%8E%A8%E9%80%B2")), vec![3], "デジタル　推進: both words");
    assert_eq!(index.filter(&state("q=%E5%AD%98%E5%9C%A8%E3%81%97%E3%81%AA%E3%81%84%E8%A8%80%E8%91%89")), Vec::<u32>::new(), "存在しない言葉");
}

#[test]
fn departments_are_found_by_name_or_alias() {
    let index = Index::new(&fixture());
    assert_eq!(index.find_departments("(総)総務課"), vec!["general-affairs"]);
    assert_eq!(index.find_departments("（教）総務課"), vec!["edu-general-affairs"], "full-width brackets");
    assert_eq!(index.find_departments("総務課"), vec!["general-affairs", "edu-general-affairs"]);
    assert_eq!(index.find_departments("財政"), vec!["finance"]);
    assert_eq!(index.find_departments("dx"), vec!["dx"], "DX課 typed in lower case");
    assert_eq!(index.find_departments(" "), vec!["general-affairs", "edu-general-affairs", "finance", "dx"], "all for nothing typed");
}

#[test]
fn refining_while_typing_gives_what_filtering_gives() {
    let index = Index::new(&fixture());
    for (base, word) in [("", "デジタル化"), ("goal=1&", "財政調整基金"), ("dept=general-affairs&", "ict "), ("", "a b")] {
        let mut previous: Option<(ViewState, Vec<u32>)> = None;
        for end in word.char_indices().map(|(i, c)| i + c.len_utf8()) {
            let s = state(&format!("{base}q={}", viewmodel::state::percent_encode(&word[..end])));
            let refined = index.refine(&s, previous.as_ref().map(|(p, ids)| (p, ids.as_slice())));
            assert_eq!(refined, index.filter(&s), "{base}q={}", &word[..end]);
            previous = Some((s, refined));
        }
    }
    // A different filter is not a refinement.
    let a = state("q=デジタル");
    let ids = index.filter(&a);
    assert_eq!(ids, vec![3]);
    let b = state("q=デジタル&goal=2");
    assert_eq!(index.refine(&b, Some((&a, &ids))), index.filter(&b));
}
