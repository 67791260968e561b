//! Start-up: find every host element, give each a shadow root with the
//! widget's stylesheet, load its dataset (the host's `data-src`, else the
//! bundled one), and mount an independent app in it.
//!
//! A host that holds a pre-rendered view (the hosted page, the frame) keeps
//! showing it until the data is ready; the shadow root is then attached and
//! the app mounted in the same task, so no frame is painted in between and
//! the pre-rendered view is replaced by the same view, live.

use crate::app::{App, Host};
use crate::ctx::{Base, Loaded};
use crate::components::{focus, focused_key, key_selector};
use leptos::prelude::*;
use plan::{load, LoadError, Plan};
use std::cell::RefCell;
use viewmodel::host::HostOptions;
use viewmodel::i18n::Lang;
use viewmodel::query::Index;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, HtmlElement, ShadowRootInit, ShadowRootMode};

/// The widget's stylesheet, adopted by every shadow root (no `<style>`
/// element, so a strict CSP without `unsafe-inline` allows it).
pub const STYLESHEET: &str = include_str!(concat!(env!("OUT_DIR"), "/gyokaku.min.css"));

/// The selector of host elements.
const HOST_SELECTOR: &str = "[data-gyokaku]";

thread_local! {
    /// The bundled dataset, parsed once and shared by every widget on the page.
    static BUNDLED: RefCell<Option<Result<Loaded, String>>> = const { RefCell::new(None) };
}

/// Mounts a widget on every `[data-gyokaku]` element of the page.
///
/// `bundled` resolves to the text of the bundled `plan.json` (the embed
/// entry fetches it beside the module; the single-file builds read it from
/// the page). `base` is the directory the entry module was loaded from.
/// Called once by the entry module.
#[wasm_bindgen]
pub fn start(bundled: js_sys::Promise, base: String) {
    let base = Base(Box::leak(viewmodel::share::directory_of(&base).into_boxed_str()));
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(hosts) = document.query_selector_all(HOST_SELECTOR) else { return };
    if hosts.length() == 0 {
        web_sys::console::warn_1(&"gyokaku: no element with a data-gyokaku attribute on this page".into());
    }
    for i in 0..hosts.length() {
        let Some(host) = hosts.item(i).and_then(|n| n.dyn_into::<HtmlElement>().ok()) else { continue };
        if host.get_attribute("data-gyokaku-mounted").is_some() {
            continue;
        }
        let _ = host.set_attribute("data-gyokaku-mounted", "");
        let bundled = bundled.clone();
        wasm_bindgen_futures::spawn_local(async move {
            if let Err(e) = mount_host(host, bundled, base).await {
                web_sys::console::error_1(&format!("gyokaku: {e}").into());
            }
        });
    }
}

/// Reads one host's options, prepares its shadow root and mounts the app.
async fn mount_host(host: HtmlElement, bundled: js_sys::Promise, base: Base) -> Result<(), String> {
    let (options, warnings) = HostOptions::read(|name| host.get_attribute(name));
    // Without a pre-rendered view, say that something is coming.
    let prerendered = host.child_element_count() > 0;
    let early = if prerendered { None } else { Some(shadow_container(&host)?) };
    if let Some(c) = &early {
        c.set_text_content(Some(&format!("{} / {}", Lang::Ja.t().loading, Lang::En.t().loading)));
    }

    let (data, notice) = match &options.src {
        Some(src) => match fetch_text(src).await.and_then(|text| parse(&text).map_err(|e| e.to_string())) {
            Ok(loaded) => (Ok(loaded), None),
            Err(why) => (bundled_plan(bundled).await, Some(format!("data-src \"{src}\": {why}"))),
        },
        None => (bundled_plan(bundled).await, None),
    };
    let focused = focused_key(&host);
    let container = match early {
        Some(c) => c,
        None => shadow_container(&host)?,
    };
    container.set_text_content(None);
    let found = Host { options, warnings, notice, element: host.clone(), base };
    mount_to(container, move || view! { <App data host=found /> }).forget();
    // Keyboard focus stays where it was in the pre-rendered view.
    if let (Some(key), Some(root)) = (focused, host.shadow_root()) {
        focus(root.query_selector(&key_selector(&key)));
    }
    if prerendered {
        // The light-DOM copy is no longer shown; drop it so that nothing
        // (find in page, assistive technology) reads it twice.
        host.set_inner_html("");
    }
    crate::platform::mark_next_frame("gyokaku:interactive");
    Ok(())
}


/// An open shadow root on `host` with the stylesheet adopted, holding one
/// container element to mount into.
fn shadow_container(host: &HtmlElement) -> Result<HtmlElement, String> {
    let js = |e: JsValue| js_error_text(&e);
    let root = match host.shadow_root() {
        Some(r) => r,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)).map_err(js)?,
    };
    let sheet = web_sys::CssStyleSheet::new().map_err(js)?;
    sheet.replace_sync(STYLESHEET).map_err(js)?;
    root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    let document = host.owner_document().ok_or("the host element has no document")?;
    let container: Element = document.create_element("div").map_err(js)?;
    container.set_class_name("gk-root");
    root.append_child(&container).map_err(js)?;
    container.dyn_into::<HtmlElement>().map_err(|_| "not an element".to_string())
}

/// Parses and validates a dataset and prepares it for queries. The plan
/// lives as long as the page.
fn parse(text: &str) -> Result<Loaded, LoadError> {
    let (plan, _warnings) = load(text)?;
    let plan: &'static Plan = Box::leak(Box::new(plan));
    let index: &'static Index = Box::leak(Box::new(Index::new(plan)));
    Ok(Loaded { plan, index })
}

/// The bundled plan, parsed on first use.
async fn bundled_plan(bundled: js_sys::Promise) -> Result<Loaded, String> {
    if let Some(done) = BUNDLED.with(|b| b.borrow().clone()) {
        return done;
    }
    let result = match JsFuture::from(bundled).await {
        Ok(text) => match text.as_string() {
            Some(t) => parse(&t).map_err(|e| e.to_string()),
            None => Err("the bundled data is not text".into()),
        },
        Err(e) => Err(format!("the bundled data could not be read ({})", js_error_text(&e))),
    };
    BUNDLED.with(|b| *b.borrow_mut() = Some(result.clone()));
    result
}

/// Fetches a URL as text; any failure (network, HTTP status) is an error.
async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|e| format!("could not be fetched ({})", js_error_text(&e)))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "not a response".to_string())?;
    if !response.ok() {
        return Err(format!("could not be fetched (HTTP {})", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|e| js_error_text(&e))?)
        .await
        .map_err(|e| format!("could not be read ({})", js_error_text(&e)))?;
    text.as_string().ok_or_else(|| "is not text".to_string())
}

/// The message of a JS error value.
pub fn js_error_text(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".into())
}
