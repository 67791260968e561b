//! The `data-*` hooks: the attributes by which the widget's components
//! find, in markup that `render` drew, what a click or a key means (which
//! item a card opens, which department a checkbox stands for, which element
//! to give focus back to). The renderers write them and the components read
//! them, both through the names here, so that a misspelt hook does not
//! compile.
//!
//! Three places cannot use these constants and spell the names out:
//! attribute names inside Leptos's `view!` (they are syntax, not
//! expressions; the values there are typed, e.g. [`Action::as_str`]), the
//! static report's script (`assets/report.js`) and the browser tests. The
//! browser tests find every control by these hooks, so a name that drifts
//! there fails a test.

/// A stable name for a focusable element, kept across redraws so that
/// focus can return to "the same" element (`item-12`, `dept-finance`).
/// Values are ids and numbers only (see [`is_key`]).
pub const KEY: &str = "data-key";
/// On an item card's button: the item's id.
pub const OPEN_ITEM: &str = "data-open-item";
/// On a goal card's button in the overview: the goal's id.
pub const GOAL_TOGGLE: &str = "data-goal-toggle";
/// On a department checkbox: the department's id.
pub const DEPT_TOGGLE: &str = "data-dept-toggle";
/// On a chosen department's chip: the department's id.
pub const DEPT_REMOVE: &str = "data-dept-remove";
/// On a kiosk button: where it goes (see `kiosk::Go`).
pub const GO: &str = "data-go";
/// On a button that does something (see [`Action`]).
pub const ACTION: &str = "data-action";
/// On a filter control: which filter it sets (see [`Filter`]).
pub const FILTER: &str = "data-filter";
/// On a chart's year column: the year's index, for its tooltip.
pub const COL: &str = "data-col";
/// On a chart's tooltip: the index of the year it belongs to.
pub const TIP: &str = "data-tip";
/// On a chart whose tooltips Esc has hidden (`style/gyokaku.css` hides
/// them): the index of the year it was pressed on.
pub const TIP_DISMISSED: &str = "data-tip-dismissed";
/// On the share panel.
pub const SHARE_PANEL: &str = "data-share-panel";
/// On a share field: which link it holds (`link`, `embed`, …).
pub const SHARE_VALUE: &str = "data-share-value";
/// On a share field's copy button: the field it copies.
pub const COPY: &str = "data-copy";
/// On the share panel's status line: what it says after a copy…
pub const COPIED: &str = "data-copied";
/// …and after a copy the browser refused.
pub const MANUAL: &str = "data-manual";

/// The [`KEY`] of an item's card button.
///
/// ```
/// assert_eq!(viewmodel::hooks::item_key(12), "item-12");
/// ```
pub fn item_key(id: u32) -> String {
    format!("item-{id}")
}

/// The [`KEY`] of a goal card's button in the overview.
pub fn goal_key(id: u32) -> String {
    format!("goal-{id}")
}

/// The [`KEY`] of a department's checkbox.
pub fn dept_key(id: &str) -> String {
    format!("dept-{id}")
}

/// The [`KEY`] of a chosen department's chip.
pub fn chip_key(id: &str) -> String {
    format!("chip-{id}")
}

/// The selector of every element with `hook`.
///
/// ```
/// assert_eq!(viewmodel::hooks::any(viewmodel::hooks::OPEN_ITEM), "[data-open-item]");
/// ```
pub fn any(hook: &str) -> String {
    format!("[{hook}]")
}

/// The selector of the element whose `hook` is `value`; `value` must be a
/// [`KEY`]-like word (ids and numbers), which needs no escaping.
///
/// ```
/// use viewmodel::hooks::{with, KEY};
/// assert_eq!(with(KEY, "dept-finance"), "[data-key=\"dept-finance\"]");
/// ```
pub fn with(hook: &str, value: &str) -> String {
    format!("[{hook}=\"{value}\"]")
}

/// Whether `value` can be a [`KEY`]: ASCII letters, digits and `-` only,
/// so it goes into a selector as it is.
pub fn is_key(value: &str) -> bool {
    !value.is_empty() && value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// What a button with an [`ACTION`] hook does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Opens the share panel.
    Share,
    /// Closes the share panel.
    ShareClose,
    Print,
    /// Saves the current view as one HTML file.
    SaveView,
    /// The static report's "save the KPI table as CSV".
    SaveCsv,
    /// Switches the UI language.
    Language,
    /// Clears every filter.
    Clear,
    /// Back from an item to the list.
    Back,
    /// Opens or closes a chart's table.
    ToggleTable,
    /// Pauses or resumes the kiosk's attract loop.
    Pause,
    /// Keeps the kiosk's screen when it warns that it will change.
    Keep,
}

impl Action {
    const ALL: [Action; 11] = [
        Action::Share,
        Action::ShareClose,
        Action::Print,
        Action::SaveView,
        Action::SaveCsv,
        Action::Language,
        Action::Clear,
        Action::Back,
        Action::ToggleTable,
        Action::Pause,
        Action::Keep,
    ];

    /// The hook's value.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Share => "share",
            Action::ShareClose => "share-close",
            Action::Print => "print",
            Action::SaveView => "download-view",
            Action::SaveCsv => "download-csv",
            Action::Language => "language",
            Action::Clear => "clear",
            Action::Back => "back",
            Action::ToggleTable => "toggle-table",
            Action::Pause => "pause",
            Action::Keep => "keep",
        }
    }

    /// The action a hook's value names.
    ///
    /// ```
    /// use viewmodel::hooks::Action;
    /// assert_eq!(Action::parse("share-close"), Some(Action::ShareClose));
    /// assert_eq!(Action::parse("launch"), None);
    /// ```
    pub fn parse(value: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.as_str() == value)
    }
}

/// Which filter a control with a [`FILTER`] hook sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    /// The free-text search.
    Q,
    Goal,
    Reform,
    /// The fiscal year the summaries refer to.
    Fy,
    /// Only the plan's starred items.
    Star,
    /// The search box that narrows the department list.
    DeptSearch,
}

impl Filter {
    /// The hook's value.
    pub fn as_str(self) -> &'static str {
        match self {
            Filter::Q => "q",
            Filter::Goal => "goal",
            Filter::Reform => "reform",
            Filter::Fy => "fy",
            Filter::Star => "star",
            Filter::DeptSearch => "dept-search",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_reads_back_from_its_hook() {
        for a in Action::ALL {
            assert_eq!(Action::parse(a.as_str()), Some(a));
        }
    }

    #[test]
    fn keys_are_words_that_need_no_escaping() {
        assert!(is_key("item-12"));
        assert!(!is_key(""));
        assert!(!is_key("a\"]"));
    }
}
