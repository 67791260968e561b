//! gyokaku: a dashboard widget for a reform plan. The entry module calls
//! `boot::start`; docs/architecture.md describes the data flow.

mod app;
mod boot;
mod components;
mod ctx;
mod platform;

fn main() {
    console_error_panic_hook::set_once();
}
