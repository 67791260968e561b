//! The widget's title bar: the plan's name, the language switch and, in a
//! report, printing and saving the current view as one file.

use crate::app::Ctx;
use crate::platform;
use leptos::prelude::*;
use viewmodel::host::Mode;

#[component]
pub fn Header() -> impl IntoView {
    let ctx = Ctx::get();
    let (t, lang) = (ctx.t(), ctx.lang.get_untracked());
    let switch_lang = move |_| ctx.update_state(|s| s.lang = Some(lang.other()));
    let save = move |_| {
        let state = ctx.state.get_untracked();
        let host = ctx.host.get_value();
        if let Some(html) = platform::page_with_state(&host, &state) {
            if let Err(e) = platform::download("gyokaku-report.html", &html, "text/html") {
                web_sys::console::error_1(&e);
            }
        }
    };
    view! {
        <header class="gk-header">
            <div class="gk-titles">
                <p class="gk-app-title">{t.app_title}</p>
                <h1 class="gk-plan-title">{ctx.plan.plan.title.clone()}</h1>
            </div>
            <div class="gk-actions">
                {(ctx.mode == Mode::Report).then(|| view! {
                    <button type="button" class="gk-button" data-action="print" on:click=|_| platform::print()>{t.print}</button>
                    <button type="button" class="gk-button" data-action="download-view" on:click=save>{t.download_view}</button>
                })}
                <button type="button" class="gk-button" data-action="language" lang=lang.other().code() on:click=switch_lang>
                    {t.language_switch}
                </button>
            </div>
        </header>
    }
}
