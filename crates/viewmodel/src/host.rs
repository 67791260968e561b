//! The host element's options (`data-mode`, `data-lang`, `data-state`,
//! `data-src`, `data-idle`, `data-step`, `data-owns-page`), read leniently: a wrong value
//! falls back to the default and yields a warning the widget shows.

use crate::i18n::Lang;
use crate::state::ViewState;

/// How the widget presents itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Fits its container on a host page.
    #[default]
    Embed,
    /// Full screen, large targets, returns to an attract loop when idle.
    Kiosk,
    /// A document to read and print: every matching item in full.
    Report,
}

impl Mode {
    pub fn from_code(code: &str) -> Option<Mode> {
        match code.trim().to_ascii_lowercase().as_str() {
            "embed" => Some(Mode::Embed),
            "kiosk" => Some(Mode::Kiosk),
            "report" => Some(Mode::Report),
            _ => None,
        }
    }

}

/// Seconds without input before a kiosk returns to its attract loop.
pub const DEFAULT_IDLE_SECONDS: u32 = 120;
/// Seconds each view of the attract loop stays on screen.
pub const DEFAULT_STEP_SECONDS: u32 = 8;
const IDLE_RANGE: std::ops::RangeInclusive<u32> = 1..=86_400;

/// Everything the host element says.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HostOptions {
    pub mode: Mode,
    /// `None`: Japanese unless the state says otherwise (see [`ui_lang`]).
    pub lang: Option<Lang>,
    /// The initial view (the page's hash wins when the widget owns the page).
    pub state: ViewState,
    /// A newer dataset to load instead of the bundled one.
    pub src: Option<String>,
    pub idle_seconds: u32,
    /// Kiosk only: seconds per attract-loop view.
    pub step_seconds: u32,
    /// The widget may read and write the page's URL hash and history.
    pub owns_page: bool,
}

/// The UI language: the view's own (`lang=` in a link, or the language
/// switch), else the host's `data-lang`, else Japanese.
///
/// ```
/// use viewmodel::{host::ui_lang, i18n::Lang};
/// assert_eq!(ui_lang(Some(Lang::Ja), Some(Lang::En)), Lang::Ja);
/// assert_eq!(ui_lang(None, Some(Lang::En)), Lang::En);
/// assert_eq!(ui_lang(None, None), Lang::Ja);
/// ```
pub fn ui_lang(view: Option<Lang>, host: Option<Lang>) -> Lang {
    view.or(host).unwrap_or_default()
}

impl HostOptions {
    /// Reads the options through `attr` (attribute name → value). Returns
    /// the options and one warning per attribute that had to be ignored.
    ///
    /// ```
    /// use viewmodel::host::{HostOptions, Mode};
    /// let (o, warnings) = HostOptions::read(|name| match name {
    ///     "data-mode" => Some("kiosk".into()),
    ///     "data-lang" => Some("de".into()),
    ///     _ => None,
    /// });
    /// assert_eq!(o.mode, Mode::Kiosk);
    /// assert_eq!(warnings.len(), 1);
    /// ```
    pub fn read(attr: impl Fn(&str) -> Option<String>) -> (HostOptions, Vec<String>) {
        let mut warnings = Vec::new();
        let mut o = HostOptions {
            idle_seconds: DEFAULT_IDLE_SECONDS,
            step_seconds: DEFAULT_STEP_SECONDS,
            ..HostOptions::default()
        };
        if let Some(m) = attr("data-mode") {
            match Mode::from_code(&m) {
                Some(mode) => o.mode = mode,
                None => warnings.push(format!("data-mode=\"{}\" is not embed, kiosk or report; using embed", short(&m))),
            }
        }
        if let Some(l) = attr("data-lang") {
            match Lang::from_code(&l) {
                Some(lang) => o.lang = Some(lang),
                None => warnings.push(format!("data-lang=\"{}\" is not ja or en; using Japanese", short(&l))),
            }
        }
        if let Some(s) = attr("data-state") {
            o.state = ViewState::parse(&s);
        }
        if let Some(src) = attr("data-src") {
            let src = src.trim();
            if src.is_empty() {
                warnings.push("data-src is empty; using the bundled data".into());
            } else {
                o.src = Some(src.to_string());
            }
        }
        if let Some(idle) = attr("data-idle") {
            match idle.trim().parse::<u32>() {
                Ok(n) if IDLE_RANGE.contains(&n) => o.idle_seconds = n,
                _ => warnings.push(format!(
                    "data-idle=\"{}\" is not a number of seconds (1–86400); using {DEFAULT_IDLE_SECONDS}",
                    short(&idle)
                )),
            }
        }
        if let Some(step) = attr("data-step") {
            match step.trim().parse::<u32>() {
                Ok(n) if (1..=600).contains(&n) => o.step_seconds = n,
                _ => warnings.push(format!(
                    "data-step=\"{}\" is not a number of seconds (1–600); using {DEFAULT_STEP_SECONDS}",
                    short(&step)
                )),
            }
        }
        o.owns_page = attr("data-owns-page").is_some();
        (o, warnings)
    }
}

/// A value quoted in a warning, cut so that a hostile attribute cannot flood
/// the page.
fn short(s: &str) -> String {
    let cut: String = s.chars().filter(|c| !c.is_control()).take(40).collect();
    if cut.chars().count() < s.chars().count() {
        format!("{cut}…")
    } else {
        cut
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn read(pairs: &[(&str, &str)]) -> (HostOptions, Vec<String>) {
        let map: HashMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        HostOptions::read(|name| map.get(name).cloned())
    }

    #[test]
    fn no_attributes_is_an_embedded_japanese_widget() {
        let (o, w) = read(&[]);
        assert_eq!(o.mode, Mode::Embed);
        assert_eq!(o.lang, None);
        assert!(!o.owns_page);
        assert_eq!(o.idle_seconds, DEFAULT_IDLE_SECONDS);
        assert!(w.is_empty());
    }

    #[test]
    fn valid_attributes_are_taken() {
        let (o, w) = read(&[
            ("data-mode", "Report"),
            ("data-lang", "en"),
            ("data-state", "goal=2&dept=dept-a"),
            ("data-src", " https://example.org/plan.json "),
            ("data-idle", "30"),
            ("data-owns-page", ""),
        ]);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(o.mode, Mode::Report);
        assert_eq!(o.lang, Some(Lang::En));
        assert_eq!(o.state.goal, Some(2));
        assert_eq!(o.src.as_deref(), Some("https://example.org/plan.json"));
        assert_eq!(o.idle_seconds, 30);
        assert!(o.owns_page);
    }

    #[test]
    fn wrong_attributes_fall_back_with_a_warning_each() {
        let (o, w) = read(&[("data-mode", "fullscreen"), ("data-lang", "xx"), ("data-idle", "-5"), ("data-src", "  ")]);
        assert_eq!(o.mode, Mode::Embed);
        assert_eq!(o.lang, None);
        assert_eq!(o.idle_seconds, DEFAULT_IDLE_SECONDS);
        assert_eq!(o.src, None);
        assert_eq!(w.len(), 4, "{w:?}");
        assert!(w[0].contains("fullscreen"));
    }

    #[test]
    fn hostile_values_are_cut_in_warnings() {
        let long = format!("<script>{}", "x".repeat(500));
        let (_, w) = read(&[("data-mode", &long)]);
        assert!(w[0].chars().count() < 120);
    }

    #[test]
    fn a_broken_state_attribute_is_the_default_view() {
        let (o, w) = read(&[("data-state", "%%%goal=abc")]);
        assert_eq!(o.state, ViewState::default());
        assert!(w.is_empty());
    }
}
