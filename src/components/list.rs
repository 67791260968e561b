//! The result list: how many items the filters leave, one card per item
//! (a page at a time, so that a plan a hundred times larger stays quick),
//! and, when exactly one department is chosen, what it is related to.

use super::{focus, hook, key_selector, LiveHtml};
use leptos::leptos_dom::helpers::request_animation_frame;
use crate::ctx::Ctx;
use leptos::prelude::*;
use viewmodel::hooks;
use viewmodel::render::department_names;
use viewmodel::render::lists::item_cards;

/// Cards drawn at first and per "show more".
const PAGE: usize = 60;

#[component]
pub fn Results() -> impl IntoView {
    let ctx = Ctx::get();
    let (t, lang) = (ctx.t(), ctx.lang.get_untracked());
    let shown = RwSignal::new(PAGE);
    // A new filter starts again from the first page.
    Effect::new(move |_| {
        ctx.visible.track();
        // Setting a signal notifies even when the value is the same: that
        // would draw the cards a second time on every keystroke.
        if shown.get_untracked() != PAGE {
            shown.set(PAGE);
        }
    });
    let count = move || ctx.visible.with(|v| v.len());
    let cards = Signal::derive(move || {
        ctx.visible.with(|v| item_cards(ctx.plan, &v[..v.len().min(shown.get())], ctx.fy.get(), lang, None))
    });
    let more = move || count().saturating_sub(shown.get());
    let depts = Memo::new(move |_| ctx.state(|s| s.depts.clone()));
    let related = Signal::derive(move || {
        depts.with(|d| match d.as_slice() {
            [one] => {
                let (_, related) = ctx.index.items_of_department(one);
                let name = department_names(ctx.plan, std::slice::from_ref(one));
                Some((name, related.len(), item_cards(ctx.plan, &related, ctx.fy.get(), lang, None)))
            }
            _ => None,
        })
    });
    // The next page of cards. The button may go with the last page, so
    // focus moves to the first new card, where reading goes on (WCAG 2.4.3).
    let show_more = move |_| {
        let first_new = ctx.visible.with_untracked(|v| v.get(shown.get_untracked()).copied());
        shown.update(|n| *n += PAGE);
        if let Some(id) = first_new {
            request_animation_frame(move || {
                if let Some(root) = ctx.host.with_value(|h| h.shadow_root()) {
                    focus(root.query_selector(&key_selector(&hooks::item_key(id))));
                }
            });
        }
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        if let Some(id) = hook(&ev, hooks::OPEN_ITEM).and_then(|v| v.parse::<u32>().ok()) {
            ctx.update_state(|s| s.item = Some(id));
        }
    };
    view! {
        <section class="gk-results" on:click=on_click>
            <h2 id="gk-results-h" class="gk-result-count" aria-live="polite" data-result-count=count>
                {count}" "{t.results}
            </h2>
            <Show when=move || count() == 0>
                <p class="gk-empty">{t.no_results}</p>
            </Show>
            <LiveHtml html=cards />
            <Show when=move || { more() > 0 }>
                <button type="button" class="gk-button gk-more" on:click=show_more>
                    {move || format!("+{}", more().min(PAGE))}
                </button>
            </Show>
            {move || related.get().map(|(name, n, html)| view! {
                <section class="gk-dept-view" data-dept-view="">
                    <h3>{name}" — "{t.dept_view_related}" ("{n}")"</h3>
                    <LiveHtml html=Signal::stored(html) />
                </section>
            })}
        </section>
    }
}
