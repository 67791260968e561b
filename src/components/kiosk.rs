//! The kiosk's attract loop: after the idle time it returns to the overview
//! and steps through goals and items; any touch, click or key stops it.
//! One interval runs for the widget's whole life and is cleared with it.

use crate::app::Ctx;
use crate::platform;
use gloo_timers::callback::Interval;
use leptos::leptos_dom::helpers::window_event_listener_untyped;
use leptos::prelude::*;
use viewmodel::kiosk::{attract_sequence, KioskAction, KioskClock};

#[component]
pub fn KioskLoop(idle: u32, step: u32) -> impl IntoView {
    let ctx = Ctx::get();
    let sequence = StoredValue::new(attract_sequence(ctx.plan));
    let clock = StoredValue::new(KioskClock::default());
    let attracting = RwSignal::new(false);

    platform::request_wake_lock();
    let tick = Interval::new(1_000, move || {
        let len = sequence.with_value(|s| s.len());
        let action = clock.try_update_value(|c| c.tick(idle, step, len)).unwrap_or(KioskAction::Nothing);
        if let KioskAction::Show(i) = action {
            let lang = ctx.state.with_untracked(|s| s.lang);
            if let Some(mut next) = sequence.with_value(|s| s.get(i).cloned()) {
                next.lang = lang;
                ctx.state.set(next);
            }
            attracting.set(true);
        }
    });
    let tick = StoredValue::new_local(Some(tick));
    let on_input = move |_: web_sys::Event| {
        if clock.try_update_value(|c| c.input()).unwrap_or(false) {
            attracting.set(false);
        }
    };
    let listeners: Vec<_> = ["pointerdown", "keydown", "touchstart", "wheel"]
        .into_iter()
        .map(|name| window_event_listener_untyped(name, on_input))
        .collect();
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
    });

    view! {
        <div class="gk-kiosk-banner" role="status" data-attract=move || attracting.get().to_string()>
            {move || if attracting.get() { ctx.t().kiosk_touch } else { "" }}
        </div>
    }
}
