//! The view state and its URL-hash form, `goal=1&reform=6&dept=dept-a&q=…`.
//!
//! Parsing never fails: unknown keys and invalid values are dropped, so a
//! broken or hostile link opens the default view instead of a blank page.

use crate::i18n::Lang;
use plan::Plan;

/// Longest free-text query kept from a link; longer text is cut.
const MAX_QUERY_CHARS: usize = 200;
/// Most departments kept from a link.
const MAX_DEPTS: usize = 64;

/// Everything the user chose, and nothing derived from it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ViewState {
    /// 目標 filter.
    pub goal: Option<u32>,
    /// 改革 filter.
    pub reform: Option<u32>,
    /// Department ids; an item matches if any of them leads it.
    pub depts: Vec<String>,
    /// Free text over titles and texts.
    pub q: String,
    /// ★ items only.
    pub star: bool,
    /// The item whose detail is open.
    pub item: Option<u32>,
    /// The fiscal year summaries refer to; `None` = the latest with results.
    pub fy: Option<i32>,
    /// UI language; `None` = the page's default.
    pub lang: Option<Lang>,
}

impl ViewState {
    /// Parses a hash (with or without the leading `#`) or a `data-state`
    /// attribute. Never fails.
    ///
    /// ```
    /// use viewmodel::state::ViewState;
    /// let s = ViewState::parse("#goal=2&dept=dept-a&q=%E5%9F%BA%E9%87%91&bogus=1&fy=x");
    /// assert_eq!(s.goal, Some(2));
    /// assert_eq!(s.depts, vec!["dept-a".to_string()]);
    /// assert_eq!(s.q, "基金");
    /// assert_eq!(s.fy, None);
    /// ```
    pub fn parse(text: &str) -> ViewState {
        let mut s = ViewState::default();
        let text = text.strip_prefix('#').unwrap_or(text);
        for pair in text.split('&') {
            let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
            let Some(value) = percent_decode(raw) else { continue };
            let value = value.trim();
            match key {
                "goal" => s.goal = parse_id(value),
                "reform" => s.reform = parse_id(value),
                "item" => s.item = parse_id(value),
                "dept" if is_dept_id(value) && s.depts.len() < MAX_DEPTS && !s.depts.iter().any(|d| d == value) => {
                    s.depts.push(value.to_string())
                }
                "q" => s.q = value.chars().filter(|c| !c.is_control()).take(MAX_QUERY_CHARS).collect(),
                "star" => s.star = value == "1",
                "fy" => s.fy = value.parse().ok().filter(|y| (1900..=2200).contains(y)),
                "lang" => s.lang = Lang::from_code(value),
                _ => {}
            }
        }
        s
    }

    /// The canonical hash text, without `#`; empty for the default view.
    pub fn to_hash(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if let Some(g) = self.goal {
            parts.push(format!("goal={g}"));
        }
        if let Some(r) = self.reform {
            parts.push(format!("reform={r}"));
        }
        for d in &self.depts {
            parts.push(format!("dept={}", percent_encode(d)));
        }
        if !self.q.is_empty() {
            parts.push(format!("q={}", percent_encode(&self.q)));
        }
        if self.star {
            parts.push("star=1".into());
        }
        if let Some(i) = self.item {
            parts.push(format!("item={i}"));
        }
        if let Some(fy) = self.fy {
            parts.push(format!("fy={fy}"));
        }
        if let Some(l) = self.lang {
            parts.push(format!("lang={}", l.code()));
        }
        parts.join("&")
    }

    /// Drops what the plan does not have (goal 99, an unknown department, a
    /// reform of another goal, a year outside the plan), so that every part of
    /// the state the UI shows exists.
    pub fn restricted_to(mut self, plan: &Plan) -> ViewState {
        if self.goal.is_some_and(|g| !plan.goals.iter().any(|x| x.id == g)) {
            self.goal = None;
        }
        let reform = self.reform.and_then(|r| plan.reforms.iter().find(|x| x.id == r));
        self.reform = match (reform, self.goal) {
            (Some(r), Some(g)) if r.goal_id != g => None,
            (Some(r), _) => Some(r.id),
            (None, _) => None,
        };
        self.depts.retain(|d| plan.departments.iter().any(|x| &x.id == d));
        if self.item.is_some_and(|i| !plan.items.iter().any(|x| x.id == i)) {
            self.item = None;
        }
        let first = plan.plan.first_fy;
        if self.fy.is_some_and(|y| y < first || y > plan.plan.last_fy) {
            self.fy = None;
        }
        self
    }

    /// True when no filter is set (the item list shows everything).
    pub fn is_unfiltered(&self) -> bool {
        self.goal.is_none() && self.reform.is_none() && self.depts.is_empty() && self.q.trim().is_empty() && !self.star
    }

    /// Chooses department `id` (after those already chosen) or, with `on`
    /// false, stops choosing it; a department is never chosen twice.
    pub fn choose_department(&mut self, id: &str, on: bool) {
        self.depts.retain(|d| d != id);
        if on {
            self.depts.push(id.to_string());
        }
    }

    /// The same view with every filter cleared; language and year stay.
    pub fn cleared(&self) -> ViewState {
        ViewState { lang: self.lang, fy: self.fy, ..ViewState::default() }
    }
}

fn parse_id(v: &str) -> Option<u32> {
    v.parse().ok().filter(|n| *n > 0 && *n < 1_000_000)
}

/// A department id as the dataset's rule has it, and short enough for a
/// link (a longer one cannot be in any plan worth a URL).
fn is_dept_id(v: &str) -> bool {
    v.len() <= 64 && plan::is_department_id(v)
}

/// Percent-encodes everything but unreserved ASCII (RFC 3986).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` and `+` (as space); `None` for broken escapes or invalid UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = s.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_state_survives_a_round_trip() {
        let s = ViewState {
            goal: Some(2),
            reform: Some(7),
            depts: vec!["dept-a".into(), "dept-b".into()],
            q: "テレワーク & 50%".into(),
            star: true,
            item: Some(17),
            fy: Some(2023),
            lang: Some(Lang::En),
        };
        assert_eq!(ViewState::parse(&s.to_hash()), s);
        assert_eq!(ViewState::parse(&format!("#{}", s.to_hash())), s);
    }

    #[test]
    fn default_state_is_the_empty_hash() {
        assert_eq!(ViewState::default().to_hash(), "");
        assert_eq!(ViewState::parse(""), ViewState::default());
        assert_eq!(ViewState::parse("#"), ViewState::default());
    }

    #[test]
    fn bad_values_and_unknown_keys_are_ignored() {
        let s = ViewState::parse("goal=-1&reform=abc&item=99999999999&fy=99999&lang=fr&dept=<script>&dept=Finance&x=1&&=&%ZZ");
        assert_eq!(s, ViewState::default());
    }

    #[test]
    fn broken_percent_escapes_drop_only_that_value() {
        let s = ViewState::parse("q=%E8%B2&goal=3&q2=%");
        assert_eq!(s.q, "");
        assert_eq!(s.goal, Some(3));
    }

    #[test]
    fn hostile_query_text_is_kept_as_text_but_bounded() {
        let long = "a".repeat(5000);
        let s = ViewState::parse(&format!("q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E{long}"));
        assert!(s.q.starts_with("<img src=x onerror=alert(1)>"));
        assert_eq!(s.q.chars().count(), MAX_QUERY_CHARS);
        let s = ViewState::parse("q=a%0Ab%00c");
        assert_eq!(s.q, "abc");
    }

    #[test]
    fn repeated_departments_are_kept_once() {
        let s = ViewState::parse("dept=dept-a&dept=dept-a&dept=dept-c");
        assert_eq!(s.depts, vec!["dept-a", "dept-c"]);
    }

    #[test]
    fn plus_decodes_as_space_and_spaces_encode_as_percent() {
        assert_eq!(ViewState::parse("q=a+b").q, "a b");
        assert_eq!(percent_encode("a b"), "a%20b");
    }

    #[test]
    fn cleared_keeps_language_and_year() {
        let s = ViewState::parse("goal=1&q=x&lang=en&fy=2022&star=1");
        let c = s.cleared();
        assert!(c.is_unfiltered());
        assert_eq!((c.lang, c.fy), (Some(Lang::En), Some(2022)));
    }

    #[test]
    fn a_department_is_chosen_once_and_after_the_others() {
        let mut s = ViewState::parse("dept=finance&dept=dx");
        s.choose_department("finance", true);
        assert_eq!(s.depts, ["dx", "finance"]);
        s.choose_department("dx", false);
        s.choose_department("legal", false);
        assert_eq!(s.depts, ["finance"]);
    }
}
