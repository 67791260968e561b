//! Filtering against the bundled plan: what a user gets for each filter.

use plan::load;
use viewmodel::query::Index;
use viewmodel::state::ViewState;

fn bundled() -> plan::Plan {
    load(include_str!("../../../public/data/plan.json")).expect("the bundled plan loads").0
}

fn state(hash: &str) -> ViewState {
    ViewState::parse(hash)
}

#[test]
fn no_filter_keeps_every_item_in_plan_order() {
    let plan = bundled();
    let ids = Index::new(&plan).filter(&ViewState::default());
    assert_eq!(ids, (1..=30).collect::<Vec<u32>>());
}

#[test]
fn department_filter_keeps_items_led_by_that_department() {
    let plan = bundled();
    let index = Index::new(&plan);
    assert_eq!(index.filter(&state("dept=finance")), vec![23, 24, 27]);
    let led: Vec<u32> = plan.items.iter().filter(|i| i.lead_departments.iter().any(|d| d == "general-affairs")).map(|i| i.id).collect();
    assert_eq!(index.filter(&state("dept=general-affairs")), led);
}

#[test]
fn several_departments_are_alternatives() {
    let plan = bundled();
    let index = Index::new(&plan);
    assert_eq!(index.filter(&state("dept=finance&dept=secretariat")), vec![20, 23, 24, 27]);
}

#[test]
fn goal_two_holds_items_eleven_to_twenty_two() {
    let plan = bundled();
    assert_eq!(Index::new(&plan).filter(&state("goal=2")), (11..=22).collect::<Vec<u32>>());
}

#[test]
fn filters_intersect() {
    let plan = bundled();
    let index = Index::new(&plan);
    let both = index.filter(&state("goal=2&dept=dx"));
    let goal: Vec<u32> = index.filter(&state("goal=2"));
    let dept: Vec<u32> = index.filter(&state("dept=dx"));
    assert_eq!(both, goal.iter().copied().filter(|id| dept.contains(id)).collect::<Vec<_>>());
    assert!(!both.is_empty());
    assert_eq!(index.filter(&state("reform=13")), vec![25, 26, 27]);
    assert_eq!(index.filter(&state("star=1")), vec![1, 2, 3, 4, 5, 10, 11, 12, 15]);
}

#[test]
fn text_search_covers_titles_texts_and_folds_width_and_case() {
    let plan = bundled();
    let index = Index::new(&plan);
    assert!(index.filter(&state("q=tsulunos")).contains(&7), "a word only in item 7's texts");
    assert_eq!(index.filter(&state("q=ＩＣＴ人材")), index.filter(&state("q=ict人材")));
    assert!(index.filter(&state("q=%E5%AD%98%E5%9C%A8%E3%81%97%E3%81%AA%E3%81%84%E8%A8%80%E8%91%89")).is_empty());
}

#[test]
fn departments_are_found_by_alias() {
    let plan = bundled();
    let index = Index::new(&plan);
    assert_eq!(index.find_departments("(総)総務課"), vec!["general-affairs"]);
    assert_eq!(index.find_departments("（教）総務課"), vec!["edu-general-affairs"]);
    assert!(index.find_departments("財政").contains(&"finance".to_string()));
}

#[test]
fn refining_while_typing_gives_what_filtering_gives() {
    let plan = bundled();
    let index = Index::new(&plan);
    for (base, word) in [("", "デジタル化"), ("goal=3&", "財政調整基金"), ("dept=dx&", "ict "), ("", "a b")] {
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
    let b = state("q=デジタル&goal=2");
    assert_eq!(index.refine(&b, Some((&a, &ids))), index.filter(&b));
}
