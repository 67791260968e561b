//! The report: the overview, the filters (hidden in print) and every
//! matching item in full, one after another, ready to read, save or print.

use super::filters::Filters;
use super::overview::Overview;
use super::LiveHtml;
use crate::ctx::Ctx;
use leptos::prelude::*;
use viewmodel::render::{filter_summary, report_items};

#[component]
pub fn ReportBody() -> impl IntoView {
    let ctx = Ctx::get();
    let (t, lang) = (ctx.t(), ctx.lang.get_untracked());
    let filter = move || {
        let f = ctx.state(|s| filter_summary(ctx.plan, s, lang));
        (!f.is_empty()).then(|| format!(" — {f}"))
    };
    let items = Signal::derive(move || ctx.visible.with(|ids| report_items(ctx.plan, ids, lang)));
    view! {
        <Overview />
        <Filters />
        <section class="gk-report-items" aria-labelledby="gk-results-h">
            <h2 id="gk-results-h" class="gk-result-count" aria-live="polite" data-result-count=move || ctx.visible.with(|v| v.len())>
                {move || ctx.visible.with(|v| v.len())}" "{t.results}{filter}
            </h2>
            <LiveHtml html=items />
        </section>
    }
}
