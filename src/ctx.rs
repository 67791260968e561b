//! What the components of one widget share: the plan, its index, the view
//! state (read-only) and the one way to change it, provided as a context
//! by `app`. It sits below `app`, so that no component imports the app.

use leptos::prelude::*;
use plan::Plan;
use viewmodel::aggregate::latest_year_with_results;
use viewmodel::host::{ui_lang, HostOptions, Mode};
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

/// What the components of one widget read, and [`Ctx::update_state`], the
/// one way they change the view. `Copy`, so closures take it freely.
#[derive(Clone, Copy)]
pub struct Ctx {
    /// The dataset.
    pub plan: &'static Plan,
    /// The plan's search index: filtering, the department search, counts.
    pub index: &'static Index,
    /// How the host shows the widget (`data-mode`).
    pub mode: Mode,
    /// The user's choices, the single source of truth of the view.
    /// Private: components read it with [`Ctx::state`] and change it only
    /// with [`Ctx::update_state`]; the only other writer is the URL
    /// (`platform::sync_hash`, where the widget owns the page).
    state: RwSignal<ViewState>,
    /// The UI language (`host::ui_lang`): the state's, else the host's, else Japanese.
    pub lang: Memo<Lang>,
    /// The fiscal year summaries refer to (the state's, else the latest with results).
    pub fy: Memo<i32>,
    /// The ids of the items the filters leave, in plan order.
    pub visible: Memo<Vec<u32>>,
    /// Where the widget's files are served from, for shared links.
    pub base: Base,
    /// The host element, whose shadow root holds the focus to keep.
    pub host: StoredValue<HtmlElement, LocalStorage>,
}

impl Ctx {
    /// The context of a widget showing `loaded` whose view is `state`
    /// (already within the plan); the values every component reads are
    /// derived from it here.
    pub fn new(loaded: Loaded, state: RwSignal<ViewState>, options: &HostOptions, base: Base, host: HtmlElement) -> Ctx {
        let Loaded { plan, index } = loaded;
        let host_lang = options.lang;
        let lang = Memo::new(move |_| ui_lang(state.with(|s| s.lang), host_lang));
        let latest = latest_year_with_results(plan);
        let fy = Memo::new(move |_| state.with(|s| s.fy).unwrap_or(latest));
        // While typing, each new result is searched for within the last one.
        // The memo keeps the state it filtered for beside the result, so that
        // the next search can start from it (no writes outside the memo).
        let refined = Memo::new(move |previous: Option<&(ViewState, Vec<u32>)>| {
            let now = state.get();
            let ids = index.refine(&now, previous.map(|(s, ids)| (s, ids.as_slice())));
            (now, ids)
        });
        let visible = Memo::new(move |_| refined.with(|(_, ids)| ids.clone()));
        Ctx { plan, index, mode: options.mode, state, lang, fy, visible, base, host: StoredValue::new_local(host) }
    }

    /// The context of the enclosing widget.
    pub fn get() -> Ctx {
        expect_context::<Ctx>()
    }

    /// Reads the view state; inside a memo or effect, it runs again when
    /// the state changes.
    pub fn state<R>(self, f: impl FnOnce(&ViewState) -> R) -> R {
        self.state.with(f)
    }

    /// The view state now, without subscribing to its changes.
    pub fn state_untracked(self) -> ViewState {
        self.state.get_untracked()
    }

    /// Subscribes the running effect to every change of the view state.
    pub fn track_state(self) {
        self.state.track();
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
