//! "共有・埋め込み / Share & embed": the link to this view, the iframe
//! snippet and the script snippet, each with a copy button that falls back
//! to selecting the text where the clipboard is refused. The panel is
//! drawn by `viewmodel::render::share_panel` (the static report shows the
//! same one); Esc or "close" shuts it and focus returns to the button.

use super::{action, focus, hook, set_markup};
use crate::ctx::Ctx;
use leptos::prelude::*;
use viewmodel::hooks::{self, Action};
use viewmodel::render::share_panel;
use viewmodel::share::codes;
use wasm_bindgen::JsCast;

/// Whether the share panel is open (closed by default). The title bar's
/// button and the panel sit apart, so the app provides it to both, as a
/// context of its own.
#[derive(Clone, Copy, Default)]
pub struct Sharing(RwSignal<bool>);

impl Sharing {
    /// The enclosing widget's.
    fn get() -> RwSignal<bool> {
        expect_context::<Sharing>().0
    }
}

/// The button of the title bar that opens and closes the panel.
#[component]
pub fn ShareButton() -> impl IntoView {
    let t = Ctx::get().t();
    let sharing = Sharing::get();
    view! {
        <button
            type="button"
            class="gk-button"
            data-action=Action::Share.as_str()
            aria-controls="gk-share"
            aria-expanded=move || sharing.get().to_string()
            on:click=move |_| sharing.update(|open| *open = !*open)
        >
            {t.share}
        </button>
    }
}

#[component]
pub fn SharePanel() -> impl IntoView {
    let ctx = Ctx::get();
    let sharing = Sharing::get();
    let lang = ctx.lang.get_untracked();
    let node = NodeRef::<leptos::html::Div>::new();
    // Drawn when opened, from the view at that moment.
    Effect::new(move |_| {
        let open = sharing.get();
        let Some(el) = node.get() else { return };
        if !open {
            el.set_inner_html("");
            return;
        }
        let state = ctx.state_untracked();
        let c = codes(ctx.base.0, &state, ctx.t().app_title);
        set_markup(&el, &share_panel(lang, Some(&c)));
        if let Some(panel) = el.query_selector(&hooks::any(hooks::SHARE_PANEL)).ok().flatten() {
            let _ = panel.remove_attribute("hidden");
        }
        focus(el.query_selector(&hooks::with(hooks::SHARE_VALUE, "link")));
    });
    // Any change of view closes the panel: its codes would be stale.
    Effect::new(move |previous: Option<()>| {
        ctx.track_state();
        if previous.is_some() && sharing.get_untracked() {
            sharing.set(false);
        }
    });
    let close = move || {
        sharing.set(false);
        if let Some(root) = node.get().and_then(|el| el.get_root_node().dyn_into::<web_sys::ShadowRoot>().ok()) {
            focus(root.query_selector(&hooks::with(hooks::ACTION, Action::Share.as_str())));
        }
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        if action(&ev) == Some(Action::ShareClose) {
            return close();
        }
        if let (Some(key), Some(el)) = (hook(&ev, hooks::COPY), node.get()) {
            copy(el, key);
        }
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            close();
        }
    };
    view! { <div node_ref=node on:click=on_click on:keydown=on_key></div> }
}

/// Copies field `key`'s text; where the clipboard is refused, selects it
/// and says how to copy by hand.
fn copy(panel: web_sys::HtmlDivElement, key: String) {
    let Some(field) = panel.query_selector(&hooks::with(hooks::SHARE_VALUE, &key)).ok().flatten() else { return };
    let Some(status) = panel.query_selector("#gk-share-status").ok().flatten() else { return };
    let text = field
        .dyn_ref::<web_sys::HtmlInputElement>()
        .map(|i| i.value())
        .or_else(|| field.dyn_ref::<web_sys::HtmlTextAreaElement>().map(|t| t.value()))
        .unwrap_or_default();
    let say = move |copied: bool| {
        let which = if copied { hooks::COPIED } else { hooks::MANUAL };
        status.set_text_content(status.get_attribute(which).as_deref());
        if !copied {
            if let Some(f) = field.dyn_ref::<web_sys::HtmlElement>() {
                let _ = f.focus();
            }
            if let Some(i) = field.dyn_ref::<web_sys::HtmlInputElement>() {
                i.select();
            } else if let Some(t) = field.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                t.select();
            }
        }
    };
    // `navigator.clipboard` is missing outside secure contexts (file://).
    let clipboard = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &"clipboard".into()).ok())
        .and_then(|c| c.dyn_into::<web_sys::Clipboard>().ok());
    let Some(clipboard) = clipboard else { return say(false) };
    let promise = clipboard.write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        say(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}

