//! A small HTML writer for the widget's read-only bulk content (an item's
//! texts, charts, tables, schedule and evaluations, lists, the overview,
//! the kiosk's screens), redrawn whole when what they show changes. Every
//! text and attribute value goes through [`escape`], so data that contains
//! markup is shown as text, and what the writer returns is a [`Markup`],
//! which nothing else can make: a `String` of unknown origin cannot be put
//! into the page as HTML by mistake.
//!
//! Writing these parts as one string keeps the wasm small and the render
//! fast, and lets native tests read exactly what the user will see.

/// Escapes text for use in HTML text and double-quoted attribute values.
///
/// ```
/// assert_eq!(viewmodel::html::escape("<img src=x onerror=\"a&b\">"), "&lt;img src=x onerror=&quot;a&amp;b&quot;&gt;");
/// ```
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// HTML written by [`Html`], every text and attribute in it escaped. Only
/// [`Html::finish`] makes one; the widget's `LiveHtml` and the writer's
/// [`Html::raw`] take nothing else.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Markup(String);

impl Markup {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The HTML text, to write to a file or hand to the DOM.
    pub fn into_string(self) -> String {
        self.0
    }
}

/// Markup reads as text (to search it, measure it or write it out); the
/// other way round, text never becomes markup.
impl std::ops::Deref for Markup {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Markup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// An HTML document fragment under construction.
#[derive(Default)]
pub struct Html(String);

impl Html {
    pub fn new() -> Html {
        Html::default()
    }

    /// `<tag a="v" …>`; attribute names are trusted (written in code),
    /// values are escaped. Attributes that are there only sometimes are
    /// gathered by [`Attrs`].
    pub fn open(&mut self, tag: &str, attrs: &[(&str, &str)]) -> &mut Self {
        self.0.push('<');
        self.0.push_str(tag);
        for (name, value) in attrs {
            self.0.push(' ');
            self.0.push_str(name);
            self.0.push_str("=\"");
            self.0.push_str(&escape(value));
            self.0.push('"');
        }
        self.0.push('>');
        self
    }

    pub fn close(&mut self, tag: &str) -> &mut Self {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
        self
    }

    /// An element with only text inside.
    pub fn el(&mut self, tag: &str, attrs: &[(&str, &str)], text: &str) -> &mut Self {
        self.open(tag, attrs).text(text).close(tag)
    }

    /// A void element (`<rect …/>`, `<br>`).
    pub fn void(&mut self, tag: &str, attrs: &[(&str, &str)]) -> &mut Self {
        self.open(tag, attrs);
        if !matches!(tag, "br" | "hr" | "input" | "img") {
            self.0.pop();
            self.0.push_str("/>");
        }
        self
    }

    pub fn text(&mut self, s: &str) -> &mut Self {
        self.0.push_str(&escape(s));
        self
    }

    /// Markup made by this writer elsewhere, put in as it is.
    pub fn raw(&mut self, html: &Markup) -> &mut Self {
        self.0.push_str(&html.0);
        self
    }

    /// Markup written out in this crate's code (a doctype, a line break
    /// between head elements, a script kept in a source file).
    pub fn literal(&mut self, html: &'static str) -> &mut Self {
        self.0.push_str(html);
        self
    }

    /// A stylesheet's text inside `<style>`: nothing in it can end the element.
    pub fn css(&mut self, css: &str) -> &mut Self {
        self.0.push_str(&css.replace("</", "<\\/"));
        self
    }

    /// JSON inside a `<script type="application/json">`: `<` is written
    /// `\u003c`, which JSON reads the same, so nothing can end the element.
    pub fn json(&mut self, json: &str) -> &mut Self {
        self.0.push_str(&json.replace('<', "\\u003c"));
        self
    }

    /// Text split into paragraphs at the source's line breaks.
    pub fn paragraphs(&mut self, s: &str) -> &mut Self {
        for p in s.split('\n').filter(|p| !p.trim().is_empty()) {
            self.el("p", &[], p);
        }
        self
    }

    pub fn finish(self) -> Markup {
        Markup(self.0)
    }
}

/// An element's attributes, some of them there only when a condition
/// holds: `open` on a report's tables, `checked` on a chosen department,
/// `lang` where the UI speaks another language than the data.
///
/// ```
/// use viewmodel::html::{Attrs, Html};
/// let mut h = Html::new();
/// let open = false;
/// h.el("details", &Attrs::new(&[("class", "t")]).flag("open", open).pair(Some(("lang", "ja"))), "");
/// assert_eq!(h.finish().as_str(), "<details class=\"t\" lang=\"ja\"></details>");
/// ```
#[derive(Debug, Clone, Default)]
pub struct Attrs<'a>(Vec<(&'a str, &'a str)>);

impl<'a> Attrs<'a> {
    /// The attributes that are always there.
    pub fn new(always: &[(&'a str, &'a str)]) -> Attrs<'a> {
        Attrs(always.to_vec())
    }

    /// A boolean attribute (`open`, `checked`, `hidden`), there when `on`.
    pub fn flag(self, name: &'a str, on: bool) -> Attrs<'a> {
        self.when(on, name, "")
    }

    /// `name="value"`, there when `on`.
    pub fn when(mut self, on: bool, name: &'a str, value: &'a str) -> Attrs<'a> {
        if on {
            self.0.push((name, value));
        }
        self
    }

    /// An attribute that may be missing.
    pub fn pair(mut self, pair: Option<(&'a str, &'a str)>) -> Attrs<'a> {
        self.0.extend(pair);
        self
    }
}

/// [`Attrs`] go wherever a list of attributes does.
impl<'a> std::ops::Deref for Attrs<'a> {
    type Target = [(&'a str, &'a str)];
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

/// Formats a coordinate with one decimal, the precision SVG needs here,
/// and none where it is zero (`12`, not `12.0`).
///
/// ```
/// assert_eq!(viewmodel::html::num(12.04), "12");
/// assert_eq!(viewmodel::html::num(-0.25), "-0.2");
/// ```
pub fn num(x: f64) -> String {
    let s = format!("{x:.1}");
    match s.strip_suffix(".0") {
        Some("-0") => "0".to_string(),
        Some(whole) => whole.to_string(),
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_cannot_inject_markup() {
        let mut h = Html::new();
        h.el("p", &[("title", "\"><script>x</script>")], "<b>bold</b> & 'q'");
        assert_eq!(h.finish().as_str(), "<p title=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\">&lt;b&gt;bold&lt;/b&gt; &amp; &#39;q&#39;</p>");
    }

    #[test]
    fn paragraphs_follow_line_breaks_and_skip_blank_lines() {
        let mut h = Html::new();
        h.paragraphs("a\n\n b \nc");
        assert_eq!(h.finish().as_str(), "<p>a</p><p> b </p><p>c</p>");
    }

    #[test]
    fn svg_shapes_self_close() {
        let mut h = Html::new();
        h.void("rect", &Attrs::new(&[("x", "1")]).flag("hidden", false));
        assert_eq!(h.finish().as_str(), "<rect x=\"1\"/>");
    }
}
