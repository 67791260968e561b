//! `docs/data-format.md` stays true: its example loads, and every member the
//! bundled dataset uses is documented.

use plan::{load, Item, Kpi, KpiListEntry, KpiValue, NamedFields, ScheduleRow};
use serde_json::Value;

const DOC: &str = include_str!("../../../docs/data-format.md");
const BUNDLED: &str = include_str!("../../../public/data/plan.json");

/// The first ```json block after the example's heading.
fn example() -> &'static str {
    let section = &DOC[DOC.find("## A complete minimal example").expect("the example's heading")..];
    let start = section.find("```json\n").expect("a json block") + "```json\n".len();
    let len = section[start..].find("\n```").expect("the block's end");
    &section[start..start + len]
}

#[test]
fn the_documented_example_validates_without_errors_or_warnings() {
    match load(example()) {
        Ok((plan, warnings)) => {
            assert!(warnings.is_empty(), "{warnings:#?}");
            assert_eq!(plan.items[1].missing, vec!["lead_departments"]);
            assert_eq!(plan.kpi_list[1].reconstructed, vec!["item_id"]);
        }
        Err(e) => panic!("the example in docs/data-format.md does not load: {e}"),
    }
}

fn keys(v: &Value, out: &mut std::collections::BTreeSet<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                out.insert(k.clone());
                keys(x, out);
            }
        }
        Value::Array(xs) => xs.iter().for_each(|x| keys(x, out)),
        _ => {}
    }
}

#[test]
fn every_member_of_the_bundled_dataset_and_the_example_is_documented() {
    let mut all = std::collections::BTreeSet::new();
    keys(&serde_json::from_str(BUNDLED).unwrap(), &mut all);
    keys(&serde_json::from_str(example()).unwrap(), &mut all);
    for list in [Item::FIELDS, Kpi::FIELDS, KpiValue::FIELDS, ScheduleRow::FIELDS, KpiListEntry::FIELDS] {
        all.extend(list.iter().map(|s| s.to_string()));
    }
    let undocumented: Vec<&String> = all.iter().filter(|k| !DOC.contains(&format!("| `{k}` |"))).collect();
    assert!(undocumented.is_empty(), "members without a row in a table of docs/data-format.md: {undocumented:?}");
}

#[test]
fn the_documented_words_for_role_and_direction_are_the_ones_the_reader_accepts() {
    for word in ["\"objective\"", "\"reference\"", "\"higher\"", "\"lower\""] {
        assert!(DOC.contains(&format!("`{word}`")), "{word}");
    }
    let bad = example().replace("\"role\": \"reference\"", "\"role\": \"参考指標\"");
    let err = load(&bad).unwrap_err().to_string();
    assert!(err.starts_with("kpis[2].role: unknown variant `参考指標`, expected `objective` or `reference` (line "), "{err}");
}
