//! Minifies the widget's stylesheet (comments and runs of whitespace go)
//! into OUT_DIR, where `boot.rs` includes it: the wasm carries only what
//! the browser needs, while `style/gyokaku.css` stays readable.

use std::{env, fs, path::Path};

#[path = "style/minify.rs"]
mod minify;
use minify::minify;

fn main() {
    println!("cargo::rerun-if-changed=style/gyokaku.css");
    println!("cargo::rerun-if-changed=style/minify.rs");
    let css = fs::read_to_string("style/gyokaku.css").expect("style/gyokaku.css");
    let out = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("gyokaku.min.css");
    fs::write(out, minify(&css)).expect("write the minified stylesheet");
}
