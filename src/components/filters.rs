//! The filter form. One handler reads which control changed from its
//! `data-filter` hook and updates the view state; one effect writes the
//! state back into the controls, so a link, back/forward or "clear" moves
//! them too. The department list and the chips are drawn as HTML.

use super::{focus, hook, key_selector, set_markup, LiveHtml};
use crate::ctx::Ctx;
use leptos::prelude::*;
use viewmodel::render::lists::{department_chips, department_options, options};
use viewmodel::render::page::reform_options;
use viewmodel::render::star_filter_label;
use viewmodel::state::ViewState;
use wasm_bindgen::JsCast;

#[component]
pub fn Filters() -> impl IntoView {
    let ctx = Ctx::get();
    let plan = ctx.plan;
    let (t, lang) = (ctx.t(), ctx.lang.get_untracked());
    let typed = RwSignal::new(String::new());
    let counts = ctx.index.lead_counts();

    let q_ref = NodeRef::<leptos::html::Input>::new();
    let goal_ref = NodeRef::<leptos::html::Select>::new();
    let reform_ref = NodeRef::<leptos::html::Select>::new();
    let fy_ref = NodeRef::<leptos::html::Select>::new();
    let star_ref = NodeRef::<leptos::html::Input>::new();

    let goal_choices: Vec<(String, String)> =
        plan.goals.iter().map(|g| (g.id.to_string(), format!("{} {} {}", t.goal, g.id, g.title))).collect();
    let year_choices: Vec<(String, String)> =
        (plan.plan.first_fy..=plan.plan.last_fy).map(|y| (y.to_string(), lang.fy(y))).collect();
    let reform_options = move |goal: Option<u32>, selected: Option<u32>| reform_options(plan, lang, goal, selected);
    let initial = ctx.state.get_untracked();
    let star_label = star_filter_label(plan, lang);
    let id_text = |v: Option<u32>| v.map(|x| x.to_string()).unwrap_or_default();

    // State → controls, one slice each, so that typing does not redraw the
    // other controls.
    let q = Memo::new(move |_| ctx.state.with(|s| s.q.clone()));
    let goal = Memo::new(move |_| ctx.state.with(|s| s.goal));
    let reform = Memo::new(move |_| ctx.state.with(|s| s.reform));
    let star = Memo::new(move |_| ctx.state.with(|s| s.star));
    let depts = Memo::new(move |_| ctx.state.with(|s| s.depts.clone()));
    Effect::new(move |_| {
        let q = q.get();
        if let Some(input) = q_ref.get() {
            if input.value() != q {
                input.set_value(&q);
            }
        }
    });
    Effect::new(move |_| {
        let (g, r) = (goal.get(), reform.get());
        if let Some(el) = goal_ref.get() {
            el.set_value(&id_text(g));
        }
        if let Some(el) = reform_ref.get() {
            set_markup(&el, &reform_options(g, r));
            el.set_value(&id_text(r));
        }
    });
    Effect::new(move |_| {
        let fy = ctx.fy.get();
        if let Some(el) = fy_ref.get() {
            el.set_value(&fy.to_string());
        }
    });
    Effect::new(move |_| {
        let on = star.get();
        if let Some(el) = star_ref.get() {
            el.set_checked(on);
        }
    });

    // Controls → state.
    let apply = move |ev: web_sys::Event| {
        let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        let value = || {
            target
                .dyn_ref::<web_sys::HtmlInputElement>()
                .map(|i| i.value())
                .or_else(|| target.dyn_ref::<web_sys::HtmlSelectElement>().map(|s| s.value()))
                .unwrap_or_default()
        };
        let checked = || target.dyn_ref::<web_sys::HtmlInputElement>().is_some_and(|i| i.checked());
        if let Some(dept) = target.get_attribute("data-dept-toggle") {
            let on = checked();
            return ctx.update_state(|s| {
                s.depts.retain(|d| d != &dept);
                if on {
                    s.depts.push(dept);
                }
                s.item = None;
            });
        }
        let change: Option<Box<dyn FnOnce(&mut ViewState)>> = match target.get_attribute("data-filter").as_deref() {
            Some("q") => {
                let q = value();
                Some(Box::new(move |s| s.q = q))
            }
            Some("goal") => {
                let g = value().parse().ok();
                Some(Box::new(move |s| s.goal = g))
            }
            Some("reform") => {
                let r = value().parse().ok();
                Some(Box::new(move |s| s.reform = r))
            }
            Some("fy") => {
                let y = value().parse().ok();
                Some(Box::new(move |s| s.fy = y))
            }
            Some("star") => {
                let on = checked();
                Some(Box::new(move |s| s.star = on))
            }
            Some("dept-search") => {
                typed.set(value());
                None
            }
            _ => None,
        };
        if let Some(change) = change {
            ctx.update_state(|s| {
                change(s);
                s.item = None;
            });
        }
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        if let Some(dept) = hook(&ev, "data-dept-remove") {
            // The chip goes: focus moves to its department's checkbox (or to
            // the department search while the list hides it), not to the page.
            if let Some(form) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                let checkbox = form.query_selector(&key_selector(&format!("dept-{dept}"))).ok().flatten();
                focus(Ok(checkbox.or_else(|| form.query_selector("[data-filter=dept-search]").ok().flatten())));
            }
            ctx.update_state(|s| s.depts.retain(|d| d != &dept));
        }
    };

    let chips = Signal::derive(move || depts.with(|d| department_chips(plan, d)));
    let dept_list = Signal::derive(move || {
        let shown = typed.with(|q| ctx.index.find_departments(q));
        depts.with(|d| department_options(plan, &shown, d, &counts))
    });
    let clear = move |_| ctx.update_state(|s| *s = s.cleared());

    view! {
        <form class="gk-filters" on:submit=|ev| ev.prevent_default() on:input=apply on:change=apply on:click=on_click>
            <h2 id="gk-filters-h">{t.filters}</h2>
            <div class="gk-filter-grid">
                <label class="gk-field gk-field-wide">
                    <span>{t.search}</span>
                    <input type="search" data-filter="q" autocomplete="off" placeholder=t.search_placeholder value=initial.q.clone() node_ref=q_ref />
                </label>
                <label class="gk-field">
                    <span>{t.goal}</span>
                    <select data-filter="goal" node_ref=goal_ref inner_html=options(t.all, &goal_choices, &id_text(initial.goal)).into_string()></select>
                </label>
                <label class="gk-field">
                    <span>{t.reform}</span>
                    <select data-filter="reform" node_ref=reform_ref inner_html=reform_options(initial.goal, initial.reform).into_string()></select>
                </label>
                <label class="gk-field">
                    <span>{t.fiscal_year}</span>
                    <select data-filter="fy" node_ref=fy_ref inner_html=options("", &year_choices, &ctx.fy.get_untracked().to_string()).into_string()></select>
                </label>
                {star_label.map(|label| view! {
                    <label class="gk-check">
                        <input type="checkbox" data-filter="star" node_ref=star_ref checked=initial.star />
                        <span>{label}</span>
                    </label>
                })}
                <fieldset class="gk-field gk-field-wide gk-depts">
                    <legend>{t.departments}</legend>
                    <LiveHtml html=chips />
                    <label class="gk-field">
                        <span>{t.dept_search}</span>
                        <input type="search" data-filter="dept-search" autocomplete="off" placeholder=t.dept_search_placeholder />
                    </label>
                    <div role="group" aria-label=t.departments>
                        <LiveHtml html=dept_list class="gk-dept-list" />
                    </div>
                </fieldset>
            </div>
            <button type="button" class="gk-button gk-clear" data-action="clear" on:click=clear>
                {t.clear_filters}
            </button>
        </form>
    }
}
