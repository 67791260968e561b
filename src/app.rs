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
use viewmodel::hooks;
use viewmodel::host::{ui_lang, HostOptions, Mode};
use viewmodel::state::ViewState;
use web_sys::HtmlElement;

/// What start-up found on one host element, besides its dataset.
pub struct Host {
    /// The host element's options.
    pub options: HostOptions,
    /// Host attributes that were ignored.
    pub warnings: Vec<String>,
    /// Why the host's `data-src` was not used, if it was not.
    pub notice: Option<String>,
    /// The host element itself.
    pub element: HtmlElement,
    /// Where the widget's files are served from.
    pub base: Base,
}

/// The whole widget of one host element, or the message that says why it
/// cannot show anything.
#[component]
pub fn App(
    /// The dataset, or why none could be loaded.
    data: Result<Loaded, String>,
    host: Host,
) -> impl IntoView {
    // The language the widget would have opened in.
    let lang = ui_lang(initial_state(&host.options).lang, host.options.lang);
    match data {
        Ok(loaded) => view! { <Dashboard loaded host /> }.into_any(),
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

/// The widget once its data is loaded: the kiosk, or the title bar, the
/// main view and the footer.
#[component]
fn Dashboard(loaded: Loaded, host: Host) -> impl IntoView {
    let Host { options, warnings, notice, element, base } = host;
    let plan = loaded.plan;
    let state = RwSignal::new(initial_state(&options).restricted_to(plan));
    let ctx = Ctx::new(loaded, state, &options, base, element);
    provide_context(ctx);
    if options.owns_page {
        platform::sync_hash(state, plan);
    }
    let lang = ctx.lang;
    if options.mode == Mode::Kiosk {
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
    // The page's main landmark only where the widget is the page: inside a
    // host page it must not claim the host's.
    let main_role = options.owns_page.then_some("main");
    // Everything below is drawn in one language; switching redraws it all.
    let page = move || {
        lang.track();
        // A redraw in the other language keeps focus on the same control
        // (the language switch), instead of dropping it to the page.
        if let Some(key) = ctx.host.with_value(widget_focused_key) {
            refocus_after_mount(ctx.host, key);
        }
        let (warnings, notice) = (warnings.clone(), notice.clone());
        view! {
            <Header />
            <SharePanel />
            <Notices warnings notice />
            <div class="gk-main" role=main_role><MainView /></div>
            <Footer />
        }
        .into_any()
    };
    view! {
        <div class="gk" class:gk-report=options.mode == Mode::Report lang=move || lang.get().code()>
            {page}
        </div>
    }
    .into_any()
}

/// The view the widget opens with: the page's hash where the widget owns
/// the page and the hash is set, else the host's `data-state`.
fn initial_state(options: &HostOptions) -> ViewState {
    let hash = if options.owns_page { platform::location_hash() } else { String::new() };
    if hash.is_empty() {
        options.state.clone()
    } else {
        ViewState::parse(&hash)
    }
}

/// The list (overview, filters, results) or one item; in a report, every
/// item. Only opening or closing an item swaps it; other changes update
/// the parts that show them.
#[component]
fn MainView() -> impl IntoView {
    let ctx = Ctx::get();
    if ctx.mode == Mode::Report {
        return view! { <ReportBody /> }.into_any();
    }
    let item = Memo::new(move |_| ctx.state(|s| s.item));
    // Closing an item puts keyboard focus back on its card, so that the
    // user goes on from where they were (WCAG 2.4.3); only if focus was in
    // the widget, so that the widget never takes focus from the host page.
    let opened = StoredValue::new(None::<u32>);
    let screen = move || match item.get() {
        Some(id) => {
            opened.set_value(Some(id));
            view! { <ItemDetail id /> }.into_any()
        }
        None => {
            if let Some(id) = opened.get_value().filter(|_| ctx.host.with_value(widget_focus).is_some()) {
                refocus_after_mount(ctx.host, hooks::item_key(id));
            }
            opened.set_value(None);
            view! { <Overview /> <Filters /> <Results /> }.into_any()
        }
    };
    screen.into_any()
}
