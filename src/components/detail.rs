//! One item in full. The heading and the back button are live; everything
//! below them is drawn once per language by `viewmodel::render`.

use super::widget_focus;
use crate::app::Ctx;
use leptos::prelude::*;
use viewmodel::host::Mode;
use viewmodel::render::{item_detail, item_heading, DetailOptions};

/// The detail of item `id`. In a report it is one section among many and
/// has no back button.
#[component]
pub fn ItemDetail(id: u32, #[prop(optional)] in_report: bool) -> impl IntoView {
    let ctx = Ctx::get();
    let Some(item) = ctx.plan.items.iter().find(|i| i.id == id) else { return ().into_any() };
    let heading = NodeRef::<leptos::html::H2>::new();
    if !in_report {
        // Moving focus to the heading tells keyboard and screen-reader users
        // where they are after opening an item; not when a redraw has already
        // put it back where it was (the language switch).
        let host = ctx.host;
        Effect::new(move |_| {
            if let Some(h) = heading.get().filter(|_| host.with_value(|h| widget_focus(h)).is_none()) {
                let _ = h.focus();
            }
        });
    }
    let report = ctx.mode == Mode::Report;
    let heading_html = {
        let mut h = viewmodel::html::Html::new();
        item_heading(&mut h, ctx.plan, item, ctx.lang.get_untracked());
        h.finish()
    };
    let body = move || item_detail(ctx.plan, id, DetailOptions { lang: ctx.lang.get(), report });
    let t = ctx.t();
    view! {
        <article class="gk-detail" data-item-id=id data-detail=id>
            {(!in_report).then(|| view! {
                <button type="button" class="gk-button gk-back" data-action="back" on:click=move |_| ctx.update_state(|s| s.item = None)>
                    <span aria-hidden="true">"← "</span>{t.back_to_list}
                </button>
            })}
            <h2 class="gk-detail-title" tabindex="-1" node_ref=heading inner_html=heading_html></h2>
            <div class="gk-detail-body" inner_html=body></div>
        </article>
    }
    .into_any()
}
