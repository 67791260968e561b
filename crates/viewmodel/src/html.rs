//! A small HTML writer for the parts of the widget that never change once
//! drawn (an item's texts, charts, tables, schedule and evaluations). Every
//! text and attribute value goes through [`escape`], so data that contains
//! markup is shown as text.
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

/// An HTML document fragment under construction.
#[derive(Default)]
pub struct Html(String);

impl Html {
    pub fn new() -> Html {
        Html::default()
    }

    /// `<tag a="v" …>`; attribute names are trusted (written in code),
    /// values are escaped. An empty name skips the pair.
    pub fn open(&mut self, tag: &str, attrs: &[(&str, &str)]) -> &mut Self {
        self.0.push('<');
        self.0.push_str(tag);
        for (name, value) in attrs {
            if name.is_empty() {
                continue;
            }
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
    pub fn raw(&mut self, html: &str) -> &mut Self {
        self.0.push_str(html);
        self
    }

    /// Text split into paragraphs at the source's line breaks.
    pub fn paragraphs(&mut self, s: &str) -> &mut Self {
        for p in s.split('\n').filter(|p| !p.trim().is_empty()) {
            self.el("p", &[], p);
        }
        self
    }

    pub fn finish(self) -> String {
        self.0
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
        assert_eq!(h.finish(), "<p title=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\">&lt;b&gt;bold&lt;/b&gt; &amp; &#39;q&#39;</p>");
    }

    #[test]
    fn paragraphs_follow_line_breaks_and_skip_blank_lines() {
        let mut h = Html::new();
        h.paragraphs("a\n\n b \nc");
        assert_eq!(h.finish(), "<p>a</p><p> b </p><p>c</p>");
    }

    #[test]
    fn svg_shapes_self_close() {
        let mut h = Html::new();
        h.void("rect", &[("x", "1"), ("", "ignored")]);
        assert_eq!(h.finish(), "<rect x=\"1\"/>");
    }
}
