//! The widget's components. Each reads the context, calls pure functions of
//! `viewmodel` and renders.
//!
//! **The rendering rule.** Controls and chrome (buttons, the filter form's
//! fields, the title bar, anything with state) are written in `view!`.
//! Read-only bulk content (an item's detail, charts, tables, the item
//! cards, the overview, the kiosk's screens) is [`Markup`] from
//! `viewmodel::render`, so that the same code pre-renders the pages
//! natively, builds the static report and runs here; it goes into the page
//! only through [`LiveHtml`] or [`set_markup`], which take nothing but
//! `Markup`. Its buttons and checkboxes carry `data-*` hooks, named in
//! `viewmodel::hooks`, that one delegated handler per component reads
//! with [`hook`].

pub mod detail;
pub mod filters;
pub mod header;
pub mod kiosk;
pub mod list;
pub mod overview;
pub mod report;
pub mod share;

use crate::ctx::Ctx;
use leptos::prelude::*;
use viewmodel::hooks;
use viewmodel::host::Mode;
use viewmodel::html::Markup;
use viewmodel::render::page::footer_inner;
use wasm_bindgen::JsCast;

/// Ignored host attributes and an unused `data-src`, shown above the widget
/// so that the page's editor sees what went wrong.
#[component]
pub fn Notices(warnings: Vec<String>, notice: Option<String>) -> impl IntoView {
    let t = Ctx::get().t();
    let has_warnings = !warnings.is_empty();
    view! {
        {notice.map(|why| view! {
            <div class="gk-notice gk-notice-error" role="alert" data-notice="data-src">
                <strong>{t.data_error}</strong>
                <p>{why}</p>
                <p>{t.data_fallback}</p>
            </div>
        })}
        {has_warnings.then(|| view! {
            <div class="gk-notice" role="status" data-notice="attributes">
                <ul>{warnings.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
            </div>
        })}
    }
}

/// Source and as-of date (repeated on every printed page) and, where the
/// widget has a web address, the link to the complete static report.
#[component]
pub fn Footer() -> impl IntoView {
    let ctx = Ctx::get();
    let base = (ctx.mode != Mode::Kiosk && !ctx.base.0.is_empty()).then_some(ctx.base.0);
    let html = footer_inner(ctx.plan, ctx.lang.get_untracked(), base, ctx.mode != Mode::Kiosk);
    view! { <footer class="gk-footer" inner_html=html.into_string()></footer> }
}

/// A container whose content is an HTML string that follows a signal. When
/// the string changes, keyboard focus stays on the element with the same
/// `data-key`, so that pressing a button that redraws its own list does not
/// throw the user back to the top of the page.
#[component]
pub fn LiveHtml(
    /// The markup, from a `viewmodel::render` function.
    #[prop(into)]
    html: Signal<Markup>,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let node = NodeRef::<leptos::html::Div>::new();
    let first = html.get_untracked();
    // What the element holds, so that an unchanged string (a keystroke that
    // leaves the same items) costs no DOM work.
    let drawn = StoredValue::new(first.clone());
    Effect::new(move |previous: Option<()>| {
        let text = html.get();
        let Some(el) = node.get() else { return };
        if previous.is_none() || drawn.with_value(|d| *d == text) {
            return; // drawn with the element, or unchanged
        }
        let key = focused_key(&el);
        set_markup(&el, &text);
        drawn.set_value(text);
        if let Some(key) = key {
            focus(el.query_selector(&key_selector(&key)));
        }
    });
    view! { <div class=class node_ref=node inner_html=first.into_string()></div> }
}

/// The `data-key` of the focused element, if it is inside `el` (in a
/// shadow root or in the page's own DOM).
pub fn focused_key(el: &web_sys::HtmlElement) -> Option<String> {
    let root = el.get_root_node();
    let active = match root.dyn_ref::<web_sys::ShadowRoot>() {
        Some(shadow) => shadow.active_element(),
        None => el.owner_document().and_then(|d| d.active_element()),
    }?;
    if !el.contains(Some(&active)) {
        return None;
    }
    active.get_attribute(hooks::KEY).filter(|k| hooks::is_key(k))
}

/// The selector of the element with `data-key` `key` (from [`focused_key`]).
pub fn key_selector(key: &str) -> String {
    hooks::with(hooks::KEY, key)
}

/// The element that has keyboard focus inside the widget of `host` (in its
/// shadow root), if any.
pub fn widget_focus(host: &web_sys::HtmlElement) -> Option<web_sys::Element> {
    host.shadow_root()?.active_element()
}

/// The `data-key` of the element focused inside the widget of `host`.
pub fn widget_focused_key(host: &web_sys::HtmlElement) -> Option<String> {
    widget_focus(host)?.get_attribute(hooks::KEY).filter(|k| hooks::is_key(k))
}

/// Once the view being built is mounted, focuses its element with
/// `data-key` `key`: what a redraw took away from under the user.
pub fn refocus_after_mount(host: StoredValue<web_sys::HtmlElement, LocalStorage>, key: String) {
    Effect::new(move |_| {
        if let Some(root) = host.with_value(|h| h.shadow_root()) {
            focus(root.query_selector(&key_selector(&key)));
        }
    });
}

/// Replaces what `el` holds with `markup`: the one way the components put
/// HTML into the page besides `view!`, and it takes only [`Markup`] from
/// `viewmodel::render`.
pub fn set_markup(el: &web_sys::Element, markup: &Markup) {
    el.set_inner_html(markup);
}

/// Moves keyboard focus to what a `query_selector` found, if anything.
pub fn focus(found: Result<Option<web_sys::Element>, wasm_bindgen::JsValue>) {
    if let Some(el) = found.ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// What the button the event happened in does (its [`hooks::ACTION`]).
pub fn action(ev: &web_sys::Event) -> Option<hooks::Action> {
    hook(ev, hooks::ACTION).and_then(|a| hooks::Action::parse(&a))
}

/// The value of hook `name` (one of [`viewmodel::hooks`]) on the event's
/// target or its nearest ancestor that has it.
pub fn hook(ev: &web_sys::Event, name: &str) -> Option<String> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let el = target.closest(&hooks::any(name)).ok()??;
    el.get_attribute(name)
}
