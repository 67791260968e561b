//! The few places the widget talks to the browser beyond its own DOM: the
//! URL hash and history (only when it owns the page), file download,
//! printing and the screen wake lock.

use plan::Plan;
use leptos::prelude::*;
use viewmodel::state::ViewState;
use wasm_bindgen::{JsCast, JsValue};

/// The page's hash without `#`, or empty.
pub fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// Writes the hash: a new history entry, or in place (while typing).
fn write_hash(hash: &str, replace: bool) {
    let Some(window) = web_sys::window() else { return };
    let Ok(history) = window.history() else { return };
    let location = window.location();
    let url = if hash.is_empty() {
        format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default())
    } else {
        format!("#{hash}")
    };
    let _ = if replace {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    } else {
        history.push_state_with_url(&JsValue::NULL, "", Some(&url))
    };
}

/// Mirrors the view state to the URL hash and back, so that a copied link
/// reopens the view and back/forward step through views. Typing in the
/// search box replaces the current entry instead of adding one per key.
pub fn sync_hash(state: RwSignal<ViewState>, plan: &'static Plan) {
    let written = StoredValue::new(state.get_untracked());
    Effect::new(move |_| {
        let now = state.get();
        let before = written.get_value();
        if now == before {
            return;
        }
        let typing = ViewState { q: before.q.clone(), ..now.clone() } == before;
        write_hash(&now.to_hash(), typing);
        written.set_value(now);
    });
    let from_url = move |_: web_sys::Event| {
        let s = ViewState::parse(&location_hash()).restricted_to(plan);
        if s != state.get_untracked() {
            written.set_value(s.clone());
            state.set(s);
        }
    };
    // The widget lives as long as the page, so the listeners do too.
    let _ = window_event_listener_untyped("popstate", from_url);
    let _ = window_event_listener_untyped("hashchange", from_url);
}

/// Saves `text` as a file the browser downloads.
pub fn download(file_name: &str, text: &str, mime: &str) -> Result<(), JsValue> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(file_name);
    a.click();
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}

pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Asks the browser to keep the screen on (Screen Wake Lock). Browsers
/// without it, or that refuse, simply let the screen sleep.
pub fn request_wake_lock() {
    let Some(window) = web_sys::window() else { return };
    let navigator = window.navigator();
    let Ok(lock) = js_sys::Reflect::get(&navigator, &"wakeLock".into()) else { return };
    if lock.is_undefined() {
        return;
    }
    let Ok(request) = js_sys::Reflect::get(&lock, &"request".into()) else { return };
    let Ok(request) = request.dyn_into::<js_sys::Function>() else { return };
    if let Ok(promise) = request.call1(&lock, &"screen".into()) {
        if let Ok(promise) = promise.dyn_into::<js_sys::Promise>() {
            // A refusal (page hidden, policy) is not an error worth showing.
            wasm_bindgen_futures::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            });
        }
    }
}

/// Records a moment in the page's performance timeline in the animation
/// frame after this one, when what is in the DOM now has been drawn (for
/// the benchmark: `gyokaku:interactive`).
pub fn mark_next_frame(name: &'static str) {
    let Some(window) = web_sys::window() else { return };
    let mark = wasm_bindgen::closure::Closure::once_into_js(move || {
        if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
            let _ = p.mark(name);
        }
    });
    let _ = window.request_animation_frame(mark.unchecked_ref());
}
