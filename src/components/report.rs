//! The report: the overview, the filters (hidden in print) and every
//! matching item in full, one after another, ready to read, save or print.

use super::filters::Filters;
use super::overview::Overview;
use super::LiveHtml;
use crate::app::Ctx;
use leptos::prelude::*;
use viewmodel::html::Html;
use viewmodel::render::{department_names, item_detail, DetailOptions};

#[component]
pub fn ReportBody() -> impl IntoView {
    let ctx = Ctx::get();
    let (t, lang) = (ctx.t(), ctx.lang.get_untracked());
    let filter = move || {
        let s = ctx.state.get();
        let mut parts = vec![];
        if let Some(g) = s.goal {
            parts.push(format!("{} {g}", t.goal));
        }
        if let Some(r) = s.reform {
            parts.push(format!("{} {r}", t.reform));
        }
        if !s.depts.is_empty() {
            parts.push(department_names(ctx.plan, &s.depts));
        }
        if s.star {
            parts.push("★".into());
        }
        if !s.q.is_empty() {
            parts.push(format!("「{}」", s.q));
        }
        (!parts.is_empty()).then(|| format!(" — {}", parts.join(" ・ ")))
    };
    let items = Signal::derive(move || {
        let mut out = String::new();
        for &id in ctx.visible.get().iter() {
            let Some(item) = ctx.plan.items.iter().find(|i| i.id == id) else { continue };
            let id_text = id.to_string();
            let mut h = Html::new();
            h.open("article", &[("class", "gk-detail"), ("data-item-id", &id_text), ("data-detail", &id_text)]);
            h.open("h2", &[("class", "gk-detail-title")])
                .el("span", &[("class", "gk-item-no")], &format!("({id})"))
                .text(" ")
                .text(&item.title);
            if let Some(note) = &item.note {
                h.el("span", &[("class", "gk-item-note")], &format!(" ({note})"));
            }
            if item.star {
                h.el("span", &[("class", "gk-star")], " ★");
            }
            h.close("h2");
            out.push_str(&h.finish());
            out.push_str("<div class=\"gk-detail-body\">");
            out.push_str(&item_detail(ctx.plan, id, DetailOptions { lang, report: true }));
            out.push_str("</div></article>");
        }
        out
    });
    // Runs once the report's items are in the document.
    Effect::new(|_| crate::platform::mark("gyokaku:list"));
    view! {
        <Overview />
        <Filters />
        <section class="gk-report-items" aria-labelledby="gk-results-h">
            <h2 id="gk-results-h" class="gk-result-count" data-result-count=move || ctx.visible.with(|v| v.len())>
                {move || ctx.visible.with(|v| v.len())}" "{t.results}{filter}
            </h2>
            <LiveHtml html=items />
        </section>
    }
}
