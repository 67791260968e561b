//! The app of one host element: it builds the context (the view state,
//! mirrored to the URL hash when the widget owns the page) and lays out
//! the screen.

use crate::ctx::{Base, Ctx, Loaded};
use crate::components::{
    detail::ItemDetail, filters::Filters, header::Header, kiosk::Kiosk, list::Results, overview::Overview,
    refocus_after_mount, report::ReportBody, share::{SharePanel, Sharing}, widget_focus, widget_focused_key, Footer, Notices,
};
use crate::platform;
use leptos::prelude::*;
use viewmodel::host::{HostOptions, Mode};
use viewmodel::state::ViewState;
use web_sys::HtmlElement;

/// The whole widget of one host element, or the message that says why it
/// cannot show anything.
#[component]
pub fn App(
    /// The dataset, or why none could be loaded.
    data: Result<Loaded, String>,
    /// The host element's options.
    options: HostOptions,
    /// Host attributes that were ignored.
    warnings: Vec<String>,
    /// Why the host's `data-src` was not used, if it was not.
    notice: Option<String>,
    host: HtmlElement,
    base: Base,
) -> impl IntoView {
    let lang = options.lang.or(options.state.lang).unwrap_or_default();
    match data {
        Ok(loaded) => view! { <Dashboard loaded options warnings notice host base /> }.into_any(),
        Err(why) => {
            let t = lang.t();
            view! {
                <div class="gk" lang=lang.code()>
                    <div class="gk-notice gk-notice-error" role="alert">
                        <strong>{t.data_error}</strong>
                        <p>{why}</p>
                    </div>
                </div>
            }
            .into_any()
        }
    }
}

#[component]
fn Dashboard(
    loaded: Loaded,
    options: HostOptions,
    warnings: Vec<String>,
    notice: Option<String>,
    host: HtmlElement,
    base: Base,
) -> impl IntoView {
    let plan = loaded.plan;
    let mut initial = options.state.clone();
    if options.owns_page {
        let hash = platform::location_hash();
        if !hash.is_empty() {
            initial = ViewState::parse(&hash);
        }
    }
    let state = RwSignal::new(initial.restricted_to(plan));
    let ctx = Ctx::new(loaded, state, &options, base, host);
    provide_context(ctx);
    if options.owns_page {
        platform::sync_hash(state, plan);
    }
    let lang = ctx.lang;
    let mode = options.mode;
    if mode == Mode::Kiosk {
        // The kiosk keeps its own screens and place across a language switch.
        let (idle, step) = (options.idle_seconds, options.step_seconds);
        return view! {
            <div class="gk gk-kiosk" lang=move || lang.get().code()>
                <Notices warnings notice />
                <Kiosk idle step />
            </div>
        }
        .into_any();
    }
    provide_context(Sharing::default());
    // Only opening or closing an item swaps the screen; other changes
    // update the parts that show them.
    let item = Memo::new(move |_| state.with(|s| s.item));
    // Closing an item puts keyboard focus back on its card, so that the
    // user goes on from where they were (WCAG 2.4.3); only if focus was in
    // the widget, so that the widget never takes focus from the host page.
    let opened = StoredValue::new(None::<u32>);
    let body = move || match mode {
        Mode::Report => view! { <ReportBody /> }.into_any(),
        // (The kiosk returned its own tree above.)
        Mode::Embed | Mode::Kiosk => match item.get() {
            Some(id) => {
                opened.set_value(Some(id));
                view! { <ItemDetail id /> }.into_any()
            }
            None => {
                if let Some(id) = opened.get_value().filter(|_| ctx.host.with_value(|h| widget_focus(h)).is_some()) {
                    refocus_after_mount(ctx.host, format!("item-{id}"));
                }
                opened.set_value(None);
                view! { <Overview /> <Filters /> <Results /> }.into_any()
            }
        },
    };
    // The page's main landmark only where the widget is the page: inside a
    // host page it must not claim the host's.
    let main_role = options.owns_page.then_some("main");
    // Everything below is drawn in one language; switching redraws it all.
    let page = move || {
        lang.track();
        // A redraw in the other language keeps focus on the same control
        // (the language switch), instead of dropping it to the page.
        if let Some(key) = ctx.host.with_value(|h| widget_focused_key(h)) {
            refocus_after_mount(ctx.host, key);
        }
        let (warnings, notice) = (warnings.clone(), notice.clone());
        view! {
            <Header />
            <SharePanel />
            <Notices warnings notice />
            <div class="gk-main" role=main_role>{body}</div>
            <Footer />
        }
        .into_any()
    };
    view! {
        <div class="gk" class:gk-report=mode == Mode::Report lang=move || lang.get().code()>
            {page}
        </div>
    }
    .into_any()
}
