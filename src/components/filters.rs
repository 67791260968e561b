//! The filter form. Each control shows its slice of the view state
//! (`prop:value`, `prop:checked`), so that a link, back/forward or "clear"
//! moves it too, and changes that slice with its own handler. One memo per
//! slice: typing in the search box sets no other control. The department
//! list and the chips are drawn as HTML; one handler each reads their hooks.

use super::{focus, hook, key_selector, LiveHtml};
use crate::ctx::Ctx;
use leptos::prelude::*;
use viewmodel::hooks::{self, Action, Filter};
use viewmodel::html::Markup;
use viewmodel::render::lists::{department_chips, department_options};
use viewmodel::render::page::{goal_options, id_value, reform_options, year_options};
use viewmodel::render::star_filter_label;
use viewmodel::state::ViewState;
use wasm_bindgen::JsCast;
use web_sys::{Event, HtmlInputElement, MouseEvent};

#[component]
pub fn Filters() -> impl IntoView {
    let ctx = Ctx::get();
    let t = ctx.t();
    let clear = move |_| ctx.update_state(|s| *s = s.cleared());
    view! {
        <form class="gk-filters" on:submit=|ev| ev.prevent_default()>
            <h2 id="gk-filters-h">{t.filters}</h2>
            <div class="gk-filter-grid">
                <SearchField />
                <Selects />
                <StarCheckbox />
                <DepartmentFilter />
            </div>
            <button type="button" class="gk-button gk-clear" data-action=Action::Clear.as_str() on:click=clear>
                {t.clear_filters}
            </button>
        </form>
    }
}

/// Changes a filter: the item list shows again.
fn set_filter(ctx: Ctx, change: impl FnOnce(&mut ViewState)) {
    ctx.update_state(|s| {
        change(s);
        s.item = None;
    });
}

/// The keyword search.
#[component]
fn SearchField() -> impl IntoView {
    let ctx = Ctx::get();
    let t = ctx.t();
    let q = Memo::new(move |_| ctx.state(|s| s.q.clone()));
    let typed = move |ev| set_filter(ctx, |s| s.q = event_target_value(&ev));
    view! {
        <label class="gk-field gk-field-wide">
            <span>{t.search}</span>
            <input type="search" data-filter=Filter::Q.as_str() autocomplete="off" placeholder=t.search_placeholder
                prop:value=q on:input=typed />
        </label>
    }
}

/// The goal, the reform and the year: each a select that shows its
/// slice of the state and sets it.
#[component]
fn Selects() -> impl IntoView {
    let ctx = Ctx::get();
    let (t, lang, plan) = (ctx.t(), ctx.lang.get_untracked(), ctx.plan);
    let goal = Memo::new(move |_| ctx.state(|s| s.goal));
    let reform = Memo::new(move |_| ctx.state(|s| s.reform));
    let goals = goal_options(plan, lang, goal.get_untracked());
    let years = year_options(plan, lang, ctx.fy.get_untracked());
    // The reform's options follow the goal. When the goal and the reform
    // change together (a link, back), either may be set first: the new
    // options mark the reform chosen, and the value chooses it among them.
    let reforms = Signal::derive(move || reform_options(plan, lang, goal.get(), reform.get_untracked()));
    let goal_value = Signal::derive(move || id_value(goal.get()));
    let reform_value = Signal::derive(move || id_value(reform.get()));
    let year_value = Signal::derive(move || ctx.fy.get().to_string());
    view! {
        <Choice label=t.goal filter=Filter::Goal options=Signal::stored(goals) value=goal_value
            set=|s, v| s.goal = v.parse().ok() />
        <Choice label=t.reform filter=Filter::Reform options=reforms value=reform_value
            set=|s, v| s.reform = v.parse().ok() />
        <Choice label=t.fiscal_year filter=Filter::Fy options=Signal::stored(years) value=year_value
            set=|s, v| s.fy = v.parse().ok() />
    }
}

/// One select of the filter form.
#[component]
fn Choice(
    label: &'static str,
    filter: Filter,
    /// Its `<option>`s.
    options: Signal<Markup>,
    /// The chosen option's value.
    value: Signal<String>,
    /// Sets the state from a chosen value ("" for all).
    set: fn(&mut ViewState, &str),
) -> impl IntoView {
    let ctx = Ctx::get();
    let chosen = move |ev| set_filter(ctx, |s| set(s, &event_target_value(&ev)));
    // The options before the value (attributes are set in their order):
    // a value is chosen among the options there are.
    view! {
        <label class="gk-field">
            <span>{label}</span>
            <select data-filter=filter.as_str() inner_html=move || options.get().into_string()
                prop:value=value on:change=chosen></select>
        </label>
    }
}

/// The ★ items only, where the plan marks any.
#[component]
fn StarCheckbox() -> impl IntoView {
    let ctx = Ctx::get();
    let star = Memo::new(move |_| ctx.state(|s| s.star));
    let ticked = move |ev| set_filter(ctx, |s| s.star = event_target_checked(&ev));
    star_filter_label(ctx.plan, ctx.lang.get_untracked()).map(|label| {
        view! {
            <label class="gk-check">
                <input type="checkbox" data-filter=Filter::Star.as_str() prop:checked=star on:change=ticked />
                <span>{label}</span>
            </label>
        }
    })
}

/// The departments: a removable chip per chosen one, a search that
/// narrows the list, and a checkbox per department listed.
#[component]
fn DepartmentFilter() -> impl IntoView {
    let ctx = Ctx::get();
    let (t, plan) = (ctx.t(), ctx.plan);
    let counts = ctx.index.lead_counts();
    let typed = RwSignal::new(String::new());
    let depts = Memo::new(move |_| ctx.state(|s| s.depts.clone()));
    let chips = Signal::derive(move || depts.with(|d| department_chips(plan, d)));
    let list = Signal::derive(move || {
        let shown = typed.with(|q| ctx.index.find_departments(q));
        depts.with(|d| department_options(plan, &shown, d, &counts))
    });
    view! {
        <fieldset class="gk-field gk-field-wide gk-depts" on:click=move |ev| remove_chip(ctx, ev)>
            <legend>{t.departments}</legend>
            <LiveHtml html=chips />
            <label class="gk-field">
                <span>{t.dept_search}</span>
                <input type="search" data-filter=Filter::DeptSearch.as_str() autocomplete="off" placeholder=t.dept_search_placeholder
                    on:input=move |ev| typed.set(event_target_value(&ev)) />
            </label>
            <div role="group" aria-label=t.departments on:change=move |ev| toggle_department(ctx, ev)>
                <LiveHtml html=list class="gk-dept-list" />
            </div>
        </fieldset>
    }
}

/// A department's checkbox: it is chosen, or no longer.
fn toggle_department(ctx: Ctx, ev: Event) {
    let Some(checkbox) = ev.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else { return };
    let Some(dept) = checkbox.get_attribute(hooks::DEPT_TOGGLE) else { return };
    let on = checkbox.checked();
    set_filter(ctx, |s| s.choose_department(&dept, on));
}

/// A chip's ×: the department is no longer chosen. Focus moves to its
/// checkbox (or to the department search while the list hides it), not
/// to the page.
fn remove_chip(ctx: Ctx, ev: MouseEvent) {
    let Some(dept) = hook(&ev, hooks::DEPT_REMOVE) else { return };
    if let Some(fieldset) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
        let checkbox = fieldset.query_selector(&key_selector(&hooks::dept_key(&dept))).ok().flatten();
        focus(Ok(checkbox.or_else(|| fieldset.query_selector(&hooks::with(hooks::FILTER, Filter::DeptSearch.as_str())).ok().flatten())));
    }
    ctx.update_state(|s| s.choose_department(&dept, false));
}
