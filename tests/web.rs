//! Browser tests (wasm-bindgen-test in headless Chromium):
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --features csr`.
#![cfg(all(target_arch = "wasm32", feature = "csr"))]

use std::time::Duration;

use backcast::App;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh, empty mount point appended to <body>.
fn fresh_root() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

/// Yields to Yew's scheduler until `root` holds an element matching
/// `selector`, at most `max_yields` times. Yew 0.23 renders asynchronously.
async fn wait_for(root: &Element, selector: &str, max_yields: u32) -> Element {
    for _ in 0..max_yields {
        if let Some(found) = root.query_selector(selector).unwrap() {
            return found;
        }
        yew::platform::time::sleep(Duration::ZERO).await;
    }
    panic!(
        "no `{selector}` after {max_yields} yields; root holds: {}",
        root.inner_html()
    );
}

#[wasm_bindgen_test]
async fn app_renders_its_heading() {
    let root = fresh_root();
    yew::Renderer::<App>::with_root(root.clone()).render();
    let h1 = wait_for(&root, "h1", 100).await;
    assert_eq!(h1.text_content().as_deref(), Some("Backcast"));
}
