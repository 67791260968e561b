//! "Share & embed this view": the link to the hosted page, the iframe
//! snippet and the script snippet for a view state, worked out from where
//! the widget's files are served. Pure, so that the widget and its tests
//! agree on every character an editor pastes.

use crate::html::escape;
use crate::state::ViewState;

/// The hosted page, relative to the widget's files.
pub const PAGE_FILE: &str = "index.html";
/// The page made to live in an iframe.
pub const FRAME_FILE: &str = "frame.html";
/// The one script a host page includes.
pub const ENTRY_FILE: &str = "gyokaku-embed.js";
/// The static, complete report beside them.
pub const REPORT_FILE: &str = "gyokaku-report.html";
/// The page that lists the published CSV files (オープンデータ).
pub const OPEN_DATA_PAGE: &str = "data/csv/index.html";
/// The iframe's initial height: enough for the overview and a first screen
/// of items; the optional host helper then fits it to the content.
pub const FRAME_HEIGHT: u32 = 1200;

/// What an editor copies to share or embed one view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareCodes {
    /// The hosted page opening on the view.
    pub link: String,
    /// `<iframe …>` for CMSs that strip scripts.
    pub iframe: String,
    /// The host element and the module script.
    pub script: String,
}

/// The directory URL of `url` (everything up to its last `/`), without
/// query or fragment: where the widget's files are.
///
/// ```
/// use viewmodel::share::directory_of;
/// assert_eq!(directory_of("https://pref.example.jp/gyokaku/frame.html?x=1#goal=2"), "https://pref.example.jp/gyokaku/");
/// assert_eq!(directory_of("https://pref.example.jp/gyokaku/"), "https://pref.example.jp/gyokaku/");
/// ```
pub fn directory_of(url: &str) -> String {
    let end = url.find(['?', '#']).unwrap_or(url.len());
    let path = &url[..end];
    match path.rfind('/') {
        Some(i) => path[..=i].to_string(),
        None => String::new(),
    }
}

/// The codes for `state`, with the widget's files at `base` (a directory
/// URL ending in `/`). `title` names the iframe for assistive technology
/// (accessibility checkers flag an untitled iframe).
///
/// ```
/// use viewmodel::share::codes;
/// use viewmodel::state::ViewState;
/// let state = ViewState::parse("dept=dept-a");
/// let c = codes("https://pref.example.jp/gyokaku/", &state, "計画");
/// assert_eq!(c.link, "https://pref.example.jp/gyokaku/index.html#dept=dept-a");
/// assert!(c.iframe.contains(r#"src="https://pref.example.jp/gyokaku/frame.html#dept=dept-a" title="計画""#));
/// assert!(c.script.contains(r#"data-state="dept=dept-a""#));
/// ```
pub fn codes(base: &str, state: &ViewState, title: &str) -> ShareCodes {
    let hash = state.to_hash();
    let fragment = if hash.is_empty() { String::new() } else { format!("#{hash}") };
    let link = format!("{base}{PAGE_FILE}{fragment}");
    let iframe = format!(
        "<iframe data-gyokaku-frame src=\"{}\" title=\"{}\" width=\"100%\" height=\"{FRAME_HEIGHT}\" style=\"border:0\" loading=\"lazy\"></iframe>",
        escape(&format!("{base}{FRAME_FILE}{fragment}")),
        escape(title),
    );
    let state_attr = if hash.is_empty() { String::new() } else { format!(" data-state=\"{}\"", escape(&hash)) };
    let script = format!(
        "<div data-gyokaku{state_attr}></div>\n<script type=\"module\" src=\"{}\"></script>",
        escape(&format!("{base}{ENTRY_FILE}"))
    );
    ShareCodes { link, iframe, script }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_view_has_no_fragment_and_no_state_attribute() {
        let c = codes("https://x.example/g/", &ViewState::default(), "t");
        assert_eq!(c.link, "https://x.example/g/index.html");
        assert!(c.iframe.contains("src=\"https://x.example/g/frame.html\""));
        assert_eq!(c.script, "<div data-gyokaku></div>\n<script type=\"module\" src=\"https://x.example/g/gyokaku-embed.js\"></script>");
    }

    #[test]
    fn every_part_of_the_state_travels_and_markup_in_it_is_escaped() {
        let state = ViewState::parse("goal=1&dept=dept-a&dept=dept-d&q=%22%3E%3Cscript%3E&lang=en");
        let c = codes("https://x.example/g/", &state, "a\"b");
        assert_eq!(c.link, "https://x.example/g/index.html#goal=1&dept=dept-a&dept=dept-d&q=%22%3E%3Cscript%3E&lang=en");
        assert!(!c.iframe.contains("<script") && !c.script.contains("\"><script>"));
        assert!(c.iframe.contains("title=\"a&quot;b\""));
        assert!(c.iframe.contains("&amp;dept=dept-d"), "& is escaped inside the attribute");
    }

    #[test]
    fn the_directory_is_taken_up_to_the_last_slash() {
        assert_eq!(directory_of("file:///home/a/gyokaku-report.html#x"), "file:///home/a/");
        assert_eq!(directory_of("no-slash"), "");
    }
}
