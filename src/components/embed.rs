//! `?embed=1`: the compact, read-only view for an iframe in a blog or a
//! wiki: the headline answer, the table and the chart, and a link that
//! opens the same scenario in the full calculator. It tells the parent
//! page its height (`{type: "backcast:height", height}` by postMessage)
//! whenever it changes, so the host can fit the iframe.

use crate::components::chart::frontier_chart;
use crate::components::figures::figures;
use crate::components::markup::fixed;
use crate::components::notice::{book_notice, link_notice};
use crate::components::table::{requests_table, TableView};
use backcast_core::scenario::Problem;
use backcast_core::view::View;
use backcast_core::Scenario;
use yew::prelude::*;

/// What the embedded view lays out.
pub struct EmbedArgs<'a> {
    /// Its root element, whose height `use_height_messages` reports.
    pub root: NodeRef,
    pub view: &'a View,
    pub scenario: &'a Scenario,
    pub notice: &'a [Problem],
    pub on_dismiss: &'a Callback<()>,
}

/// A plain function, not a component (a component costs the wasm its own
/// copy of Yew's lifecycle code): `App` renders it for `?embed=1`, and
/// calls `use_height_messages` for its root.
pub fn embed_view(p: &EmbedArgs) -> Html {
    let v = p.view;
    let mut full = p.scenario.clone();
    full.embed = false;
    // Relative, so it resolves against this page's own address (also
    // inside the iframe, and when prerendered).
    let open = format!("?{}", full.to_query(true));
    html! {
        <div class="embed" ref={p.root.clone()} data-testid="embed">
            { link_notice(p.notice, p.on_dismiss) }
            { book_notice(v.book_notice.as_ref()) }
            <div class="compact" data-testid="embed-answer">
                { figures(&v.verdict, v.verdict_ok, &v.figures) }
            </div>
            { requests_table(&TableView { rows: &v.table, period: v.period, budget: &v.budget,
                needed: &v.needed, arch: v.arch, note: v.rows_note.as_deref(),
                rows_text: AttrValue::default(), rows_error: None, on_edit: None }) }
            { frontier_chart(&v.chart) }
            // A link with plan B (`#b…`): the second module lays the
            // comparison out here (`tools::compare::EmbedCompare`).
            { fixed(r#"<div id="tools-embed"></div>"#) }
            <p class="embed-foot">
                <span class="hint">{ v.price_note.clone() }</span>
                <a href={open} target="_blank" rel="noopener" data-testid="open-in-backcast">{ "Open in Backcast" }</a>
            </p>
        </div>
    }
}

/// While `on` (the embedded view is shown), posts the root's height to the
/// parent whenever it changes: a ResizeObserver reports the root's first
/// size and every change after (every browser that runs the page has one),
/// and only changes are sent.
#[hook]
pub fn use_height_messages(root: NodeRef, on: bool) {
    use_effect_with(on, move |on| {
        let observer = if *on { observe(&root) } else { None };
        move || {
            if let Some((o, _callback)) = observer {
                o.disconnect();
            }
        }
    });
}

type Observer = (
    web_sys::ResizeObserver,
    wasm_bindgen::closure::Closure<dyn FnMut()>,
);

fn observe(root: &NodeRef) -> Option<Observer> {
    use wasm_bindgen::JsCast;
    let el = root.cast::<web_sys::Element>()?;
    let mut last = -1.0f64;
    let target = el.clone();
    let send = move || {
        if let Some(height) = crate::dom::height(&target) {
            if height != last && crate::dom::post_height(height) {
                last = height;
            }
        }
    };
    let callback = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(send);
    let o = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    o.observe(&el);
    Some((o, callback))
}
