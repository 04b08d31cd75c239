//! `?embed=1`: the compact, read-only view for an iframe in a blog or a
//! wiki: the headline answer, the table and the chart, and a link that
//! opens the same scenario in the full calculator. It tells the parent
//! page its height (`{type: "backcast:height", height}` by postMessage)
//! whenever it changes, so the host can fit the iframe.

use crate::components::notice::LinkNotice;
use crate::components::table::RequestsTable;
use backcast_core::scenario::Problem;
use backcast_core::view::{self, Chart, View};
use backcast_core::Scenario;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EmbedProps {
    pub view: Rc<View>,
    pub scenario: Scenario,
    #[prop_or_default]
    pub notice: Vec<Problem>,
    pub on_dismiss: Callback<()>,
}

#[component]
pub fn EmbedView(p: &EmbedProps) -> Html {
    let root = use_node_ref();
    use_height_messages(root.clone());
    let v = &p.view;
    let mut full = p.scenario.clone();
    full.embed = false;
    // Relative, so it resolves against this page's own address (also
    // inside the iframe, and when prerendered).
    let open = format!("?{}", full.to_query(true));
    html! {
        <div class="embed" ref={root} data-testid="embed">
            <LinkNotice problems={p.notice.clone()} on_dismiss={p.on_dismiss.clone()} />
            <dl class="figures compact" data-testid="embed-answer">
                { for v.figures.iter().enumerate().map(|(i, f)| html! {
                    <div class={classes!("figure", f.alert.then_some("alert"))} data-testid={format!("figure-{i}")}>
                        <dt>{ f.label.clone() }</dt>
                        <dd class="value">{ f.value.clone() }</dd>
                        <dd class="detail">{ f.detail.clone() }</dd>
                    </div>
                }) }
            </dl>
            <RequestsTable rows={v.table.clone()} period={v.period} budget={v.budget.clone()}
                note={v.rows_note.clone().map(AttrValue::from)} />
            <FrontierChart chart={v.chart.clone()} />
            <p class="embed-foot">
                <span class="hint">{ v.price_note.clone() }</span>
                <a href={open} target="_blank" rel="noopener" data-testid="open-in-backcast">{ "Open in Backcast" }</a>
            </p>
        </div>
    }
}

/// Posts the root's height to the parent after each render and whenever
/// it resizes (ResizeObserver, where there is one); only changes are sent.
#[hook]
fn use_height_messages(root: NodeRef) {
    let last = use_mut_ref(|| -1.0f64);
    let send = {
        let (root, last) = (root.clone(), last.clone());
        move || {
            if let Some(height) = root
                .cast::<web_sys::Element>()
                .and_then(|el| crate::dom::height(&el))
            {
                if height != *last.borrow() && crate::dom::post_height(height) {
                    *last.borrow_mut() = height;
                }
            }
        }
    };
    {
        let send = send.clone();
        use_effect(send);
    }
    use_effect_with((), move |_| {
        let observer = observe(&root, send);
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

fn observe(root: &NodeRef, send: impl FnMut() + 'static) -> Option<Observer> {
    use wasm_bindgen::JsCast;
    let el = root.cast::<web_sys::Element>()?;
    let window = web_sys::window()?;
    // Older browsers: the per-render messages still fit the frame.
    if js_sys::Reflect::get(&window, &"ResizeObserver".into())
        .ok()?
        .is_undefined()
    {
        return None;
    }
    let callback = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(send);
    let o = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    o.observe(&el);
    Some((o, callback))
}

#[derive(Properties, PartialEq)]
struct ChartProps {
    chart: Chart,
}

/// The frontier as an SVG, laid out from the core's geometry.
#[component]
fn FrontierChart(p: &ChartProps) -> Html {
    let c = &p.chart;
    let (ml, mr, mt, mb) = view::MARGIN;
    // Whole user units: integer text, no float formatting in the bundle.
    let n = |x: f64| (x.round() as i64).to_string();
    let (left, right, top, bottom) = (ml, view::WIDTH - mr, mt, view::HEIGHT - mb);
    html! {
        <figure class="chart" data-testid="embed-chart">
            <svg viewBox={format!("0 0 {} {}", n(view::WIDTH), n(view::HEIGHT))} role="img"
                aria-label={c.summary.clone()} preserveAspectRatio="xMidYMid meet">
                <g class="axes">
                    <line x1={n(left)} y1={n(bottom)} x2={n(right)} y2={n(bottom)} />
                    <line x1={n(left)} y1={n(top)} x2={n(left)} y2={n(bottom)} />
                </g>
                <g class="ticks x">
                    { for c.x_ticks.iter().map(|(x, label)| html! {
                        <text x={n(*x)} y={n(bottom + 16.0)} text-anchor="middle">{ label.clone() }</text>
                    }) }
                </g>
                <g class="ticks y">
                    { for c.y_ticks.iter().map(|(y, label)| html! {
                        <>
                        <line class="grid" x1={n(left)} y1={n(*y)} x2={n(right)} y2={n(*y)} />
                        <text x={n(left - 6.0)} y={n(*y + 4.0)} text-anchor="end">{ label.clone() }</text>
                        </>
                    }) }
                </g>
                if let Some(y) = c.needed_y {
                    <line class="needed" x1={n(left)} y1={n(y)} x2={n(right)} y2={n(y)} />
                    <text class="needed-label" x={n(right)} y={n(y - 5.0)} text-anchor="end">{ c.needed_label.clone() }</text>
                }
                <path class="frontier" d={c.path.clone()} />
                if let Some((x, y, label)) = &c.meet {
                    <circle class="meet" cx={n(*x)} cy={n(*y)} r="4" />
                    <text class="meet-label" x={n(*x + 6.0)} y={n(*y + 14.0)}>{ label.clone() }</text>
                }
                <text class="axis-label" x={n((left + right) / 2.0)} y={n(view::HEIGHT - 4.0)} text-anchor="middle">{ c.x_label.clone() }</text>
            </svg>
            <figcaption class="hint">{ c.y_label.clone() }</figcaption>
        </figure>
    }
}
