//! Component behaviour in a real browser (wasm-bindgen-test, headless
//! Chromium): edits recompute the results, a bad value is named inline and
//! loses nothing, presets load, the GB-s helper writes `gbs`, and the
//! chart and table lay out what the view model says.
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --features csr --test components`
#![cfg(all(target_arch = "wasm32", feature = "csr"))]

use std::time::Duration;

use backcast::components::chart::{ChartProps, FrontierChart};
use backcast::components::table::{RequestsTable, TableProps};
use backcast::{App, AppProps};
use backcast_core::view::View;
use backcast_core::Scenario;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn fresh_root() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

/// Yields to Yew's scheduler until `cond` holds, at most 200 times.
async fn until(what: &str, root: &Element, cond: impl Fn(&Element) -> bool) {
    for _ in 0..200 {
        if cond(root) {
            return;
        }
        yew::platform::time::sleep(Duration::ZERO).await;
    }
    panic!("never: {what}; root holds: {}", root.inner_html());
}

fn find(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).ok().flatten()
}

fn text(root: &Element, selector: &str) -> String {
    find(root, selector)
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

/// Types `value` into the input with `data-testid`, as a person would.
fn type_into(root: &Element, testid: &str, value: &str) {
    let input: HtmlInputElement = find(root, &format!("[data-testid={testid}]"))
        .expect("input exists")
        .unchecked_into();
    input.set_value(value);
    let init = EventInit::new();
    init.set_bubbles(true);
    let ev = Event::new_with_event_init_dict("input", &init).unwrap();
    input.dispatch_event(&ev).unwrap();
}

fn click(root: &Element, testid: &str) {
    let el: HtmlElement = find(root, &format!("[data-testid={testid}]"))
        .expect("button exists")
        .unchecked_into();
    el.click();
}

fn mount(query: &str) -> Element {
    let root = fresh_root();
    yew::Renderer::<App>::with_root_and_props(
        root.clone(),
        AppProps {
            query: query.to_string().into(),
            typed: Vec::new(),
            page_url: "http://example.test/backcast/".into(),
            prerender: false,
        },
    )
    .render();
    root
}

const FIGURE0: &str = "[data-testid=figure-0] .value";

#[wasm_bindgen_test]
async fn app_renders_its_heading() {
    let root = fresh_root();
    yew::Renderer::<App>::with_root(root.clone()).render();
    until("the h1", &root, |r| find(r, "h1").is_some()).await;
    assert_eq!(text(&root, "h1"), "Backcast");
}

#[wasm_bindgen_test]
async fn an_edit_recomputes_figures_and_table() {
    let root = mount("");
    until("the default result", &root, |r| text(r, FIGURE0) == "3,280").await;
    type_into(&root, "input-gbs", "64");
    // 7 / (64 x 0.0000166667 + 0.0000002) = 7 / 0.0010668688 = 6,561.3.
    until("6,561 at 64 GB-s", &root, |r| text(r, FIGURE0) == "6,561").await;
    // The table's rows do not depend on gbs: 128 (3,280 >= 3,000) still meets.
    assert_eq!(text(&root, "tr.meets td"), "128");
}

#[wasm_bindgen_test]
async fn a_bad_value_is_named_and_the_result_kept() {
    let root = mount("");
    until("the default result", &root, |r| text(r, FIGURE0) == "3,280").await;
    type_into(&root, "input-requests", "-5");
    until("an inline message", &root, |r| {
        find(r, "[data-testid=error-requests]").is_some()
    })
    .await;
    assert!(text(&root, "[data-testid=error-requests]").contains("0 or more"));
    assert_eq!(text(&root, FIGURE0), "3,280");
    let input: HtmlInputElement = find(&root, "[data-testid=input-requests]")
        .unwrap()
        .unchecked_into();
    assert_eq!(input.value(), "-5");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    // The message is tied to the field for screen readers.
    assert!(input
        .get_attribute("aria-describedby")
        .unwrap_or_default()
        .contains("field-requests-error"));
}

#[wasm_bindgen_test]
async fn a_preset_loads_every_field() {
    let root = mount("");
    until("the default result", &root, |r| text(r, FIGURE0) == "3,280").await;
    click(&root, "preset-etl");
    until("the etl budget", &root, |r| {
        find(r, "[data-testid=input-budget]")
            .map(|e| e.unchecked_into::<HtmlInputElement>().value() == "10")
            .unwrap_or(false)
    })
    .await;
    let pressed = find(&root, "[data-testid=preset-etl]").unwrap();
    assert_eq!(
        pressed.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    // Standard workflow: its transitions field shows.
    assert!(find(&root, "[data-testid=input-sfn_transitions]").is_some());
    assert!(find(&root, "[data-testid=input-sfn_express_ms]").is_none());
}

#[wasm_bindgen_test]
async fn the_helper_writes_gbs() {
    let root = mount("");
    // Folded until opened: its fields are laid out only then.
    until("the helper's summary", &root, |r| {
        find(r, "[data-testid=gbs-helper] summary").is_some()
    })
    .await;
    assert!(find(&root, "[data-testid=input-helper_memory_mb]").is_none());
    let summary: HtmlElement = find(&root, "[data-testid=gbs-helper] summary")
        .expect("summary exists")
        .unchecked_into();
    summary.click();
    until("the helper", &root, |r| {
        find(r, "[data-testid=input-helper_memory_mb]").is_some()
    })
    .await;
    type_into(&root, "input-helper_memory_mb", "2048");
    type_into(&root, "input-helper_duration_ms", "999.1");
    // 2048 MB x 1000 ms (999.1 billed as 1000) / 1000 / 1024 = 2 GB-s.
    until("the helper's sum", &root, |r| {
        text(r, "[data-testid=helper-result]").ends_with("= 2 GB-s per request")
    })
    .await;
    click(&root, "apply-helper");
    // 7 / (2 x 0.0000166667 + 0.0000002) = 7 / 0.0000335334 = 208,747.1.
    until("208,747 at 2 GB-s", &root, |r| {
        text(r, FIGURE0) == "208,747"
    })
    .await;
}

#[wasm_bindgen_test]
async fn the_chart_explains_itself() {
    let root = fresh_root();
    let chart = View::new(&Scenario::default()).chart;
    yew::Renderer::<FrontierChart>::with_root_and_props(root.clone(), ChartProps { chart })
        .render();
    until("the svg", &root, |r| find(r, "svg").is_some()).await;
    let svg = find(&root, "svg").unwrap();
    assert_eq!(svg.get_attribute("role").as_deref(), Some("img"));
    assert!(text(&root, "svg title").contains("$7.00"));
    assert!(text(&root, "svg desc").contains("139.9"));
    assert!(text(&root, ".chart-legend").contains("needed: 3,000 per day"));
}

#[wasm_bindgen_test]
async fn the_table_marks_the_meeting_row_and_the_arch() {
    let root = fresh_root();
    let (s, _) = Scenario::from_link("arch=arm64");
    let v = View::new(&s);
    yew::Renderer::<RequestsTable>::with_root_and_props(
        root.clone(),
        TableProps {
            rows: v.table.clone(),
            period: "day".into(),
            budget: v.budget.clone().into(),
            needed: v.needed.clone().into(),
            arch: "arm64".into(),
            note: None,
            rows_text: Default::default(),
            rows_error: None,
            on_edit: None,
        },
    )
    .render();
    until("the rows", &root, |r| find(r, "tbody tr").is_some()).await;
    // arm64 at 160 GB-s: 7 / (160 x 0.0000133334 + 0.0000002) = 7 / 0.002133544
    // = 3,280.9 >= 3,000; at 192: 7 / 0.0025602128 = 2,734.1 < 3,000.
    assert_eq!(text(&root, "tr.meets td"), "160");
    assert!(find(&root, "th.current")
        .unwrap()
        .text_content()
        .unwrap()
        .contains("arm64"));
    // The rows field is not shown without an edit callback.
    assert!(find(&root, "[data-testid=input-rows]").is_none());
}
