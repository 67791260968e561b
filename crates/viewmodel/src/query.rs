//! Filtering: which items a view state shows, and finding departments by
//! name or alias. The index is built once per plan so that a keystroke only
//! scans prepared text.

use crate::state::ViewState;
use plan::Plan;
use std::collections::HashMap;

/// One item, prepared for filtering.
#[derive(Debug, Clone)]
struct Entry {
    id: u32,
    goal_id: Option<u32>,
    reform_id: u32,
    star: bool,
    lead: Vec<String>,
    related: Vec<String>,
    /// Normalised title, texts, KPI names, activities and evaluations.
    haystack: String,
}

/// A plan prepared for queries.
#[derive(Debug, Clone)]
pub struct Index {
    entries: Vec<Entry>,
    /// Normalised name and aliases per department, in plan order.
    dept_keys: Vec<(String, Vec<String>)>,
}

/// Folds the differences a searcher should not have to type: ASCII case,
/// full-width ASCII (ＩＣＴ, （総）), ideographic spaces. Case folding is
/// ASCII only: the plan's text is Japanese, and Unicode case tables would
/// add to the wasm for nothing.
///
/// ```
/// assert_eq!(viewmodel::query::normalize("（略）○○課 ＩＣＴ"), "(略)○○課 ict");
/// ```
pub fn normalize(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

impl Index {
    pub fn new(plan: &Plan) -> Index {
        let goal_of: HashMap<u32, u32> = plan.reforms.iter().map(|r| (r.id, r.goal_id)).collect();
        let entries = plan
            .items
            .iter()
            .map(|item| {
                let mut text = vec![item.title.as_str()];
                text.extend(item.note.as_deref());
                text.extend(item.related_other.iter().map(String::as_str));
                if let Some(s) = &item.sheet {
                    text.extend([&s.situation, &s.problems, &s.measures].into_iter().flatten().map(String::as_str));
                }
                text.extend(plan.kpis.iter().filter(|k| k.item_id == item.id).map(|k| k.name.as_str()));
                text.extend(plan.schedule.iter().filter(|s| s.item_id == item.id).map(|s| s.activity.as_str()));
                for e in plan.evaluations.iter().filter(|e| e.item_id == item.id) {
                    text.extend([&e.factors, &e.issues, &e.response].into_iter().flatten().map(String::as_str));
                }
                Entry {
                    id: item.id,
                    goal_id: goal_of.get(&item.reform_id).copied(),
                    reform_id: item.reform_id,
                    star: item.star,
                    lead: item.lead_departments.clone(),
                    related: item.related_departments.clone(),
                    haystack: normalize(&text.join("\n")),
                }
            })
            .collect();
        let dept_keys = plan
            .departments
            .iter()
            .map(|d| (d.id.clone(), std::iter::once(&d.name).chain(&d.aliases).map(|s| normalize(s)).collect()))
            .collect();
        Index { entries, dept_keys }
    }

    /// The ids of the items the state shows, in plan order. Filters
    /// intersect; several departments are alternatives (any of them leads).
    pub fn filter(&self, state: &ViewState) -> Vec<u32> {
        let terms: Vec<String> = normalize(&state.q).split_whitespace().map(str::to_string).collect();
        self.entries
            .iter()
            .filter(|e| state.goal.is_none_or(|g| e.goal_id == Some(g)))
            .filter(|e| state.reform.is_none_or(|r| e.reform_id == r))
            .filter(|e| state.depts.is_empty() || e.lead.iter().any(|d| state.depts.contains(d)))
            .filter(|e| !state.star || e.star)
            .filter(|e| terms.iter().all(|t| e.haystack.contains(t.as_str())))
            .map(|e| e.id)
            .collect()
    }

    /// The same as [`Index::filter`], faster while typing: when `previous`
    /// was filtered with the same state except a query that the new one
    /// extends (`デ` → `デジ`), only its results can still match, so only
    /// they are searched.
    pub fn refine(&self, state: &ViewState, previous: Option<(&ViewState, &[u32])>) -> Vec<u32> {
        let narrows = previous.is_some_and(|(before, _)| {
            let same_otherwise = ViewState { q: before.q.clone(), ..state.clone() } == *before;
            same_otherwise && normalize(&state.q).starts_with(&normalize(&before.q))
        });
        match previous {
            Some((_, candidates)) if narrows => {
                let terms: Vec<String> = normalize(&state.q).split_whitespace().map(str::to_string).collect();
                // Both lists are in plan order: walk them together.
                let mut rest = candidates.iter().peekable();
                let mut out = Vec::new();
                for e in &self.entries {
                    if rest.peek() == Some(&&e.id) {
                        rest.next();
                        if terms.iter().all(|t| e.haystack.contains(t.as_str())) {
                            out.push(e.id);
                        }
                    }
                }
                out
            }
            _ => self.filter(state),
        }
    }

    /// Items a department leads, and items it is only related to.
    pub fn items_of_department(&self, dept: &str) -> (Vec<u32>, Vec<u32>) {
        let lead = self.entries.iter().filter(|e| e.lead.iter().any(|d| d == dept)).map(|e| e.id).collect();
        let related = self
            .entries
            .iter()
            .filter(|e| !e.lead.iter().any(|d| d == dept) && e.related.iter().any(|d| d == dept))
            .map(|e| e.id)
            .collect();
        (lead, related)
    }

    /// How many items each department leads, keyed by department id.
    pub fn lead_counts(&self) -> HashMap<String, usize> {
        let mut counts = HashMap::new();
        for e in &self.entries {
            for d in &e.lead {
                *counts.entry(d.clone()).or_insert(0) += 1;
            }
        }
        counts
    }

    /// Department ids whose name or an alias contains the typed text, in
    /// plan order; all of them for empty text.
    pub fn find_departments(&self, typed: &str) -> Vec<String> {
        let needle = normalize(typed.trim());
        self.dept_keys
            .iter()
            .filter(|(_, keys)| needle.is_empty() || keys.iter().any(|k| k.contains(&needle)))
            .map(|(id, _)| id.clone())
            .collect()
    }
}
