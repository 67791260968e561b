//! The widget's title bar: the plan's name, "share & embed", saving the
//! current view as one file (the static report of that view), printing in
//! a report, and the language switch. (The kiosk has its own bar.)

use super::share::ShareButton;
use crate::ctx::Ctx;
use crate::boot::STYLESHEET;
use crate::platform;
use leptos::prelude::*;
use viewmodel::hooks::Action;
use viewmodel::host::Mode;
use viewmodel::render::data_lang;
use viewmodel::render::document::{file_name, report_document};

#[component]
pub fn Header() -> impl IntoView {
    let ctx = Ctx::get();
    let (t, lang) = (ctx.t(), ctx.lang.get_untracked());
    let switch_lang = move |_| ctx.update_state(|s| s.lang = Some(lang.other()));
    let save = move |_| {
        let mut state = ctx.state_untracked();
        state.lang = Some(lang);
        let html = report_document(ctx.plan, &state, STYLESHEET);
        if let Err(e) = platform::download(&file_name(&state), &html, "text/html") {
            web_sys::console::error_1(&e);
        }
    };
    view! {
        <header class="gk-header">
            <div class="gk-titles">
                <p class="gk-app-title">{t.app_title}</p>
                <h1 class="gk-plan-title" lang=data_lang(lang)>{ctx.plan.plan.title.clone()}</h1>
            </div>
            <div class="gk-actions">
                <ShareButton />
                {(ctx.mode == Mode::Report).then(|| view! {
                    <button type="button" class="gk-button" data-action=Action::Print.as_str() on:click=|_| platform::print()>{t.print}</button>
                })}
                <button type="button" class="gk-button" data-action=Action::SaveView.as_str() on:click=save>{t.download_view}</button>
                <button type="button" class="gk-button" data-action=Action::Language.as_str() data-key="language" lang=lang.other().code() on:click=switch_lang>
                    {t.language_switch}
                </button>
            </div>
        </header>
    }
}
