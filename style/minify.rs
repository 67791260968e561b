// The stylesheet minifier, shared by the widget's build script (which
// puts the result into the wasm) and `cargo xtask dist` (which ships it as
// `gyokaku.css` for pre-rendered pages and inlines it in the static report).

/// Removes comments and the whitespace CSS does not need.
pub fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start + 2..].find("*/").map_or("", |end| &rest[start + 2 + end + 2..]);
    }
    out.push_str(rest);
    let mut min = String::with_capacity(out.len());
    let mut space = false;
    for c in out.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        // No space is needed before `{};,>` or after `{};:,>`; a space
        // before `:` is kept, as it means a descendant (`.gk :focus`).
        let before = "{};,>".contains(c);
        let after = min.ends_with(|p: char| "{};:,>".contains(p));
        if space && !min.is_empty() && !before && !after {
            min.push(' ');
        }
        space = false;
        min.push(c);
    }
    min
}
