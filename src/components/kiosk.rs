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
    // The pending scroll after a step; replacing it drops the last one, so
    // a day of steps holds one closure, not thousands.
    let scroll = StoredValue::new_local(None::<gloo_timers::callback::Timeout>);

    platform::request_wake_lock();
    let tick = Interval::new(1_000, move || {
        let len = sequence.with_value(|s| s.len());
        let action = clock.try_update_value(|c| c.tick(idle, step, len)).unwrap_or(KioskAction::Nothing);
        if let KioskAction::Show(i) = action {
            let lang = ctx.state.with_untracked(|s| s.lang);
            if let Some(mut next) = sequence.with_value(|s| s.get(i).cloned()) {
                next.lang = lang;
                let item = next.item.is_some();
                ctx.state.set(next);
                // Show an item's charts, the overview from the top.
                let host = ctx.host.get_value();
                scroll.set_value(Some(gloo_timers::callback::Timeout::new(50, move || show(&host, item))));
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
    // No long-press or right-click menus on a kiosk.
    let menu = window_event_listener_untyped("contextmenu", |ev| ev.prevent_default());
    // Screens may drop the wake lock when the page is hidden; ask again.
    let visibility = window_event_listener_untyped("visibilitychange", |_| platform::request_wake_lock());
    on_cleanup(move || {
        if let Some(t) = tick.try_update_value(Option::take).flatten() {
            t.cancel();
        }
        scroll.try_update_value(|s| s.take().map(|t| t.cancel()));
        for l in listeners {
            l.remove();
        }
        visibility.remove();
        menu.remove();
    });

    view! {
        <div class="gk-kiosk-banner" role="status" data-attract=move || attracting.get().to_string()>
            {move || if attracting.get() { ctx.t().kiosk_touch } else { "" }}
        </div>
    }
}

/// Scrolls an item's first chart into view, or the page to the top.
fn show(host: &web_sys::HtmlElement, item: bool) {
    let target = host.shadow_root().and_then(|r| r.query_selector(if item { "[data-kpi]" } else { ".gk" }).ok().flatten());
    match (item, target) {
        (true, Some(chart)) => chart.scroll_into_view(),
        _ => {
            if let Some(w) = web_sys::window() {
                w.scroll_to_with_x_and_y(0.0, 0.0);
            }
        }
    }
}
