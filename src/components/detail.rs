//! One item in full. The heading and the back button are live; everything
//! below them is drawn once per language by `viewmodel::render`.

use super::widget_focus;
use crate::ctx::Ctx;
use leptos::leptos_dom::helpers::window_event_listener;
use leptos::prelude::*;
use viewmodel::render::{item_detail, item_heading, DetailOptions};
use wasm_bindgen::JsCast;

/// Set on a chart whose tooltips Esc has hidden (style/gyokaku.css hides
/// them); its value is the year (`data-col`) it was pressed on.
const TIP_DISMISSED: &str = "data-tip-dismissed";

/// The detail of item `id`, with the way back to the list.
#[component]
pub fn ItemDetail(id: u32) -> impl IntoView {
    let ctx = Ctx::get();
    let Some(item) = ctx.plan.item(id) else { return ().into_any() };
    let heading = NodeRef::<leptos::html::H2>::new();
    // Moving focus to the heading tells keyboard and screen-reader users
    // where they are after opening an item; not when a redraw has already
    // put it back where it was (the language switch).
    let host = ctx.host;
    Effect::new(move |_| {
        if let Some(h) = heading.get().filter(|_| host.with_value(widget_focus).is_none()) {
            let _ = h.focus();
        }
    });
    let heading_html = {
        let mut h = viewmodel::html::Html::new();
        item_heading(&mut h, ctx.plan, item, ctx.lang.get_untracked());
        h.finish()
    };
    let body = move || item_detail(ctx.plan, id, DetailOptions { lang: ctx.lang.get(), report: false });
    let t = ctx.t();
    let body_ref = NodeRef::<leptos::html::Div>::new();
    // WCAG 1.4.13: Esc hides the tooltip of the year that is focused or
    // hovered, moving neither focus nor the pointer. With only the pointer
    // on a chart, focus may be anywhere on the page: the key is heard on
    // the window.
    let esc = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            if let Some(body) = body_ref.get_untracked() {
                dismiss_tips(&body);
            }
        }
    });
    on_cleanup(move || esc.remove());
    view! {
        <article class="gk-detail" data-item-id=id data-detail=id>
            <button type="button" class="gk-button gk-back" data-action="back" on:click=move |_| ctx.update_state(|s| s.item = None)>
                <span aria-hidden="true">"← "</span>{t.back_to_list}
            </button>
            <h2 class="gk-detail-title" tabindex="-1" node_ref=heading inner_html=heading_html.into_string()></h2>
            <div class="gk-detail-body" node_ref=body_ref inner_html=move || body().into_string() on:focusin=move |ev| rearm_tips(&ev) on:pointermove=move |ev| rearm_tips(&ev)></div>
        </article>
    }
    .into_any()
}

/// Hides the tooltips of every chart in `body` whose year is focused or
/// hovered, or whose tooltip is hovered.
fn dismiss_tips(body: &web_sys::HtmlDivElement) {
    let Ok(list) = body.query_selector_all(".gk-col:is(:focus, :hover), .gk-tip:hover") else { return };
    for i in 0..list.length() {
        let Some(el) = list.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
        let year = el.get_attribute("data-col").or_else(|| el.get_attribute("data-tip")).unwrap_or_default();
        if let Some(chart) = el.closest(".gk-chart").ok().flatten() {
            let _ = chart.set_attribute(TIP_DISMISSED, &year);
        }
    }
}

/// Focus or the pointer moving to another year of a chart whose tooltips
/// Esc hid shows them again. (Moving, not merely being over it: the pointer
/// may rest on a hidden tooltip that lay over the next year.)
fn rearm_tips(ev: &web_sys::Event) {
    let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
    let Some(year) = target.closest("[data-col]").ok().flatten() else { return };
    let Some(chart) = year.closest(".gk-chart").ok().flatten() else { return };
    if chart.get_attribute(TIP_DISMISSED).is_some_and(|d| Some(d) != year.get_attribute("data-col")) {
        let _ = chart.remove_attribute(TIP_DISMISSED);
    }
}
