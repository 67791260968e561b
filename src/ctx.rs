//! What the components of one widget share: the plan, its index and the
//! view state, provided as a context by `app` and read by every component.
//! It sits below `app`, so that no component imports the app.

use leptos::prelude::*;
use plan::Plan;
use viewmodel::host::Mode;
use viewmodel::i18n::Lang;
use viewmodel::query::Index;
use viewmodel::state::ViewState;
use web_sys::HtmlElement;

/// Where the widget's files are served from (a directory URL ending in
/// `/`), for the links it shares; empty where it has no web address (the
/// single-file kiosk).
#[derive(Clone, Copy)]
pub struct Base(pub &'static str);

/// A validated plan and its query index; both live as long as the page.
#[derive(Clone, Copy)]
pub struct Loaded {
    pub plan: &'static Plan,
    pub index: &'static Index,
}

/// What every component of one widget reads. `Copy`, so closures take it
/// freely; only `state` is written, and only through `update_state`.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub plan: &'static Plan,
    pub index: &'static Index,
    pub mode: Mode,
    /// The user's choices; the single source of truth of the view.
    pub state: RwSignal<ViewState>,
    pub lang: Memo<Lang>,
    /// The fiscal year summaries refer to (the state's, else the latest with results).
    pub fy: Memo<i32>,
    /// The ids of the items the filters leave, in plan order.
    pub visible: Memo<Vec<u32>>,
    /// Where the widget's files are served from, for shared links.
    pub base: Base,
    /// The host element, whose shadow root holds the focus to keep.
    pub host: StoredValue<HtmlElement, LocalStorage>,
    /// Whether the share panel is open.
    pub sharing: RwSignal<bool>,
}

impl Ctx {
    /// The context of the enclosing widget.
    pub fn get() -> Ctx {
        expect_context::<Ctx>()
    }

    /// Changes the view state, keeping it within what the plan has.
    pub fn update_state(self, f: impl FnOnce(&mut ViewState)) {
        let plan = self.plan;
        self.state.update(|s| {
            f(s);
            *s = std::mem::take(s).restricted_to(plan);
        });
    }

    /// The UI strings of the current language. Read once per render: the
    /// whole widget is redrawn when the language changes.
    pub fn t(self) -> &'static viewmodel::i18n::Strings {
        self.lang.get_untracked().t()
    }
}

