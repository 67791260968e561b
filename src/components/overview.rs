//! The plan at a glance: goals with their reforms and items, how many
//! objective KPIs met their target in each fiscal year, and the KGIs.
//! Pressing a goal filters by it.

use super::{hook, LiveHtml};
use crate::ctx::Ctx;
use leptos::prelude::*;
use viewmodel::aggregate::goal_summaries;
use viewmodel::hooks;
use viewmodel::render::overview::{overview, OverviewOptions};

#[component]
pub fn Overview() -> impl IntoView {
    let ctx = Ctx::get();
    let summaries = goal_summaries(ctx.plan);
    let lang = ctx.lang.get_untracked();
    // Only the chosen goal and year change the overview, not every keystroke.
    let goal = Memo::new(move |_| ctx.state(|s| s.goal));
    let html = Signal::derive(move || {
        let o = OverviewOptions { lang, fy: ctx.fy.get(), active_goal: goal.get() };
        overview(ctx.plan, &summaries, o)
    });
    let on_click = move |ev: web_sys::MouseEvent| {
        if let Some(id) = hook(&ev, hooks::GOAL_TOGGLE).and_then(|v| v.parse::<u32>().ok()) {
            ctx.update_state(|s| {
                s.goal = if s.goal == Some(id) { None } else { Some(id) };
                s.reform = None;
                s.item = None;
            });
        }
    };
    view! {
        <section class="gk-overview" on:click=on_click>
            <LiveHtml html />
        </section>
    }
}
