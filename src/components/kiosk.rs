//! The kiosk: a title bar with back, home, pause/resume and the language
//! switch on every screen, the screen itself (tiles, department buttons
//! or one page of an item, drawn by `viewmodel::render::kiosk`), and the
//! attract loop that starts when nobody touches the screen.
//!
//! One interval drives the loop for the widget's whole life and is cleared
//! with it; it wakes once per step with the defaults ([`tick_seconds`]).
//! Where the user is lives in a [`Nav`] signal, so a language switch
//! redraws the words and keeps the place.

use super::{action, focus, hook, Footer, LiveHtml};
use crate::ctx::Ctx;
use crate::platform;
use gloo_timers::callback::{Interval, Timeout};
use leptos::leptos_dom::helpers::window_event_listener_untyped;
use leptos::prelude::*;
use viewmodel::hooks::{self, Action};
use viewmodel::kiosk::{attract_sequence, tick_seconds, warning_lead, Go, KioskAction, KioskClock, Nav, Screen};
use viewmodel::render::data_lang;
use viewmodel::render::kiosk::kiosk_screen;

#[component]
pub fn Kiosk(
    /// Seconds without a touch before the attract loop starts.
    idle: u32,
    /// Seconds each screen of the loop stays.
    step: u32,
) -> impl IntoView {
    let ctx = Ctx::get();
    let plan = ctx.plan;
    let nav = RwSignal::new(Nav::default());
    let sequence = StoredValue::new(attract_sequence(plan));
    let len = sequence.with_value(|s| s.len());
    // What the banner and the pause button show follows from the clock.
    let clock = RwSignal::new(KioskClock::default());
    let lead = warning_lead(idle, step);
    let attracting = Memo::new(move |_| clock.with(KioskClock::attracting));
    let paused = Memo::new(move |_| clock.with(KioskClock::paused));
    let warning = Memo::new(move |_| clock.with(|c| c.warning(idle, lead)));
    let screen = NodeRef::<leptos::html::Div>::new();
    let shown = screen_shown(screen);
    // What the clock asks for: a screen of the loop, or home.
    let apply = move |action: KioskAction| match action {
        KioskAction::Show(i) => {
            if let Some(next) = sequence.with_value(|s| s.get(i).cloned()) {
                nav.set(Nav::at(plan, next));
                shown(false);
            }
        }
        KioskAction::Home => {
            nav.set(Nav::default());
            shown(false);
        }
        KioskAction::Stay | KioskAction::Nothing => {}
    };
    run_clock(clock, idle, step, len, apply);

    let on_click = move |ev: web_sys::MouseEvent| {
        let ev: &web_sys::Event = ev.as_ref();
        if action(ev) == Some(Action::Pause) {
            if let Some(action) = clock.try_update(|c| c.toggle_pause(len)) {
                apply(action);
            }
            return;
        }
        let Some(go) = hook(ev, hooks::GO).and_then(|h| Go::parse(&h)) else { return };
        let new_screen = !matches!(go, Go::Page(_));
        nav.update(|n| n.go(plan, go));
        shown(new_screen);
    };
    let html = Signal::derive(move || nav.with(|n| kiosk_screen(plan, n.current(), ctx.lang.get(), ctx.fy.get())));
    view! {
        <div class="gk-kiosk-app" on:click=on_click>
            <KioskBar nav paused />
            <div class="gk-kiosk-screen" role="main" node_ref=screen>
                <LiveHtml html class="gk-kiosk-content" />
            </div>
            {move || { ctx.lang.track(); view! { <Footer /> } }}
            <KioskBanner attracting paused warning />
        </div>
    }
}

/// What is done after the screen changed: it starts at its top, and one
/// the user chose also takes focus (its heading, once drawn), so that
/// keyboard and screen-reader users know where they are.
fn screen_shown(screen: NodeRef<leptos::html::Div>) -> impl Fn(bool) + Copy + 'static {
    // The pending focus after a change; replacing it drops the last one,
    // so a day of steps holds one closure.
    let after_draw = StoredValue::new_local(None::<Timeout>);
    on_cleanup(move || {
        after_draw.try_update_value(|t| t.take().map(Timeout::cancel));
    });
    move |take_focus: bool| {
        let Some(el) = screen.get_untracked() else { return };
        el.set_scroll_top(0);
        if take_focus {
            let el: web_sys::HtmlElement = el.into();
            after_draw.set_value(Some(Timeout::new(0, move || focus(el.query_selector(".gk-screen-title")))));
        }
    }
}

/// Drives `clock` for the kiosk's life (`idle` and `step` seconds, a loop
/// of `len` screens): one interval ticks it, and any touch, click or key
/// stops the loop (except on the pause button, which pauses and resumes
/// it); `apply` does what the clock asks. Also keeps the screen awake and
/// turns off long-press and right-click menus.
fn run_clock(clock: RwSignal<KioskClock>, idle: u32, step: u32, len: usize, apply: impl Fn(KioskAction) + Copy + 'static) {
    platform::request_wake_lock();
    let every = tick_seconds(idle, step);
    let tick = Interval::new(every * 1_000, move || {
        if let Some(action) = clock.try_update(|c| c.tick(every, idle, step, len)) {
            apply(action);
        }
    });
    let tick = StoredValue::new_local(Some(tick));
    let on_input = move |ev: web_sys::Event| {
        if action(&ev) == Some(Action::Pause) {
            return;
        }
        if let Some(action) = clock.try_update(|c| c.input()) {
            apply(action);
        }
    };
    let listeners: Vec<_> = ["pointerdown", "keydown", "wheel"]
        .into_iter()
        .map(|name| window_event_listener_untyped(name, on_input))
        .collect();
    // No long-press or right-click menus on a kiosk.
    let menu = window_event_listener_untyped("contextmenu", |ev| ev.prevent_default());
    // Screens may drop the wake lock when the page is hidden; ask again.
    let visibility = window_event_listener_untyped("visibilitychange", |_| platform::request_wake_lock());
    on_cleanup(move || {
        if let Some(t) = tick.try_update_value(Option::take).flatten() {
            t.cancel();
        }
        for l in listeners {
            l.remove();
        }
        visibility.remove();
        menu.remove();
    });
}

/// The plan's title and the buttons on every screen: back, home,
/// pause/resume and the language switch.
#[component]
fn KioskBar(nav: RwSignal<Nav>, paused: Memo<bool>) -> impl IntoView {
    let ctx = Ctx::get();
    let t = move || ctx.lang.get().t();
    let at_home = move || nav.with(|n| n.current() == &Screen::Home);
    let switch_lang = move |_| ctx.update_state(|s| s.lang = Some(ctx.lang.get_untracked().other()));
    view! {
        <header class="gk-kiosk-bar">
            <h1 class="gk-plan-title" lang=move || data_lang(ctx.lang.get())>{ctx.plan.plan.title.clone()}</h1>
            <div class="gk-kiosk-controls">
                <button type="button" class="gk-button" data-go=Go::BACK data-key=Go::BACK
                    disabled=move || !nav.with(Nav::can_go_back)>
                    <span aria-hidden="true">"← "</span>{move || t().kiosk_back}
                </button>
                <button type="button" class="gk-button" data-go=Go::HOME data-key=Go::HOME disabled=at_home>
                    <span aria-hidden="true">"⌂ "</span>{move || t().kiosk_home}
                </button>
                <button type="button" class="gk-button gk-pause" data-action=Action::Pause.as_str()
                    data-paused=move || paused.get().to_string()>
                    <span aria-hidden="true">{move || if paused.get() { "▶ " } else { "❚❚ " }}</span>
                    {move || if paused.get() { t().kiosk_resume } else { t().kiosk_pause }}
                </button>
                <button type="button" class="gk-button" data-action=Action::Language.as_str()
                    lang=move || ctx.lang.get().other().code() on:click=switch_lang>
                    {move || t().language_switch}
                </button>
            </div>
        </header>
    }
}

/// What the loop is doing: running, paused, or about to change the
/// screen by itself (with a button to keep reading).
#[component]
fn KioskBanner(attracting: Memo<bool>, paused: Memo<bool>, warning: Memo<bool>) -> impl IntoView {
    let ctx = Ctx::get();
    let t = move || ctx.lang.get().t();
    view! {
        <div class="gk-kiosk-banner" role="status" data-attract=move || attracting.get().to_string()
            data-paused=move || paused.get().to_string() data-warning=move || warning.get().to_string()>
            {move || if warning.get() { t().kiosk_warning } else if paused.get() { t().kiosk_paused } else if attracting.get() { t().kiosk_touch } else { "" }}
            {move || warning.get().then(|| view! {
                <button type="button" class="gk-button gk-keep" data-action=Action::Keep.as_str()>{t().kiosk_keep}</button>
            })}
        </div>
    }
}
