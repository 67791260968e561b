//! Minifies the widget's stylesheet (comments and runs of whitespace go)
//! into OUT_DIR, where `boot.rs` includes it: the wasm carries only what
//! the browser needs, while `style/gyokaku.css` stays readable.

use std::{env, fs, path::Path};

fn minify(css: &str) -> String {
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

fn main() {
    println!("cargo::rerun-if-changed=style/gyokaku.css");
    let css = fs::read_to_string("style/gyokaku.css").expect("style/gyokaku.css");
    let out = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("gyokaku.min.css");
    fs::write(out, minify(&css)).expect("write the minified stylesheet");
}
