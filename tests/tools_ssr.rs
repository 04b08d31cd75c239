//! The second module's components, rendered natively by Yew's server
//! renderer (no browser): its first render is the page's static markup
//! (`components::TOOLS`), so nothing moves when it takes over, and its
//! panels lay out what the core computed for links with a plan B.
#![cfg(not(target_arch = "wasm32"))]

use backcast::components::TOOLS;
use backcast::tools::{Tool, Tools, ToolsProps};
use yew::AttrValue;

fn render(query: &str, hash: &str, open: Option<Tool>) -> String {
    let r = yew::LocalServerRenderer::<Tools>::with_props(ToolsProps {
        query: AttrValue::from(query.to_string()),
        hash: AttrValue::from(hash.to_string()),
        open,
        host: Default::default(),
    })
    .hydratable(false);
    futures::executor::block_on(r.render())
}

#[test]
fn the_first_render_is_the_pages_static_markup() {
    let inner = TOOLS
        .strip_prefix(r#"<section id="tools" class="tools" aria-labelledby="tools-title" data-testid="tools">"#)
        .and_then(|s| s.strip_suffix("</section>"))
        .expect("TOOLS is one section");
    assert_eq!(render("", "", None), inner);
    assert_eq!(render("?budget=9", "", None), inner);
}

#[test]
fn each_button_opens_its_tool() {
    for t in Tool::ALL {
        let html = render("", "", Some(t));
        let id = t.id();
        assert!(
            html.contains(&format!(r#"data-tool="{id}" aria-expanded="true""#)),
            "{id}: {html}"
        );
        assert_eq!(html.matches(r#"aria-expanded="true""#).count(), 1, "{id}");
        assert!(
            html.contains(&format!(r#"data-testid="{id}""#)),
            "{id} panel"
        );
    }
}

#[test]
fn a_link_with_plan_b_opens_the_comparison_side_by_side() {
    // core/tests/compare.rs: x86 buys 3,280 a day for $7, arm64 4,101.
    let html = render("?budget=7", "#b&b.arch=arm64", None);
    assert!(html.contains(r#"data-tool="compare" aria-expanded="true""#));
    assert!(html.contains(
        "B serves 821 more requests per day than A for its budget; at 3,000 requests per day it costs 20% less ($5.12 against $6.40)."
    ));
    assert!(html.contains("<td>3,280</td><td>4,101</td>"), "{html}");
    // B's form, its ids apart from the page's own.
    assert!(html.contains(r#"id="b-field-budget""#));
    assert!(!html.contains(r#"id="field-budget""#));
    // Both frontiers.
    assert!(html.contains(r#"data-testid="compare-curve-a""#));
    assert!(html.contains(r#"data-testid="compare-curve-b""#));
}

#[test]
fn a_link_with_a_summary_opens_the_plan_against_it() {
    // 3 days at 0.8 + 0.6 + 0.2 + 0.55 = 2.15 a day, against the default
    // plan's 3,000 × 0.0021335376 = 6.4006128 and a $7 budget: 30.7%.
    let html = render(
        "",
        "#actual.from=2026-11-01&actual.to=2026-11-03&actual.days=3&actual.lambda=0.8&actual.sfn=0.6&actual.eventbridge=0.2&actual.dynamodb=0.55",
        None,
    );
    assert!(
        html.contains(
            "Actual $2.15 a day against a $7.00 budget and a $6.40 plan, 30.7% of the budget."
        ),
        "{html}"
    );
    assert!(html.contains("from the summary in this link"));
    // A bad summary entry is named, and the rest is used.
    let html = render("", "#actual.days=3&actual.lambda=x&actual.sfn=0.6", None);
    assert!(
        html.contains("actual.lambda: must be an amount in USD"),
        "{html}"
    );
    assert!(html.contains("Actual $0.60 a day"), "{html}");
}
