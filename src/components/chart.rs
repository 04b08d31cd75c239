//! The frontier: most requests against GB-s per request, with the needed
//! volume, the point where it meets the frontier, and the scenario marked.

use backcast_core::view::{Chart, HEIGHT, MARGIN, WIDTH};
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct ChartProps {
    pub chart: Chart,
}

/// The needed line's label: above the line at its left end, else its
/// right end, else below it, wherever the two markers leave room.
fn needed_label(c: &Chart, y: i32, left: i32, right: i32) -> Html {
    const ROOM: i32 = 230;
    // What each marker occupies along the line: the dot, and the meeting
    // point's label on the side it is drawn.
    let mut taken: Vec<(i32, i32)> = Vec::new();
    if let Some((x, _, _)) = &c.current {
        taken.push((x - 8, x + 8));
    }
    if let Some((x, _, _)) = &c.meet {
        taken.push(if *x > right - 150 {
            (x - 170, x + 8)
        } else {
            (x - 8, x + 170)
        });
    }
    let free = |a: i32, b: i32| taken.iter().all(|(s, e)| *e < a || *s > b);
    let label = c.needed_label.clone();
    if free(left, left + ROOM) {
        text(left + 8, y - 6, None, "needed-label annot", label)
    } else if free(right - ROOM, right) {
        text(right - 4, y - 6, Some("end"), "needed-label annot", label)
    } else {
        text(left + 8, y + 18, None, "needed-label annot", label)
    }
}

fn n(v: i32) -> AttrValue {
    AttrValue::from(v.to_string())
}

/// A `<text>` of the chart at (`x`, `y`); no `class` attribute when
/// `class` is "". One copy in the wasm for all of them: each `html!`
/// element is code of its own.
#[inline(never)]
fn text(x: i32, y: i32, anchor: Option<&'static str>, class: &'static str, label: String) -> Html {
    html! { <text x={n(x)} y={n(y)} text-anchor={anchor} class={class}>{ label }</text> }
}

/// A marker dot of the chart.
#[inline(never)]
fn dot(x: i32, y: i32, class: &'static str) -> Html {
    html! { <circle cx={n(x)} cy={n(y)} r="5" class={class}></circle> }
}

/// The chart as a component (for tests and any caller that wants one).
#[component]
pub fn FrontierChart(p: &ChartProps) -> Html {
    frontier_chart(&p.chart)
}

/// A plain function, not a component (no state; a component costs the
/// wasm its own copy of Yew's lifecycle code). Typed `html!`: Yew puts the
/// `<svg>` and its children in the SVG namespace.
pub fn frontier_chart(c: &Chart) -> Html {
    let (ml, mr, mt, mb) = MARGIN;
    let (left, right, top, bottom) = (ml, WIDTH - mr, mt, HEIGHT - mb);
    let view_box = format!("0 0 {WIDTH} {HEIGHT}");
    let y_ticks = c
        .y_ticks
        .iter()
        .map(|(y, label)| text(left - 6, y + 4, Some("end"), "", label.clone()));
    let x_ticks = c
        .x_ticks
        .iter()
        .map(|(x, label)| text(*x, bottom + 20, Some("middle"), "", label.clone()));
    // The scenario (hollow) and where the needed volume meets the
    // frontier (filled); the legend below names both.
    let meet = c.meet.as_ref().map(|(x, y, label)| {
        let (lx, anchor) = if *x > right - 150 {
            (x - 8, "end")
        } else {
            (x + 8, "start")
        };
        html! {
            <>
                { dot(*x, *y, "meet") }
                { text(lx, y - 10, Some(anchor), "meet-label annot", label.clone()) }
            </>
        }
    });
    html! {
        <section aria-labelledby="chart-title" data-testid="chart" class="chart">
            <h2 id="chart-title">{ "The frontier" }</h2>
            <p class="hint">{ "Shaded: what the budget buys. Below the curve fits; above it does not." }</p>
            <svg viewBox={view_box} role="img" aria-labelledby="chart-svg-title chart-svg-desc"
                preserveAspectRatio="xMidYMid meet" class="frontier">
                <title id="chart-svg-title">{ c.title.clone() }</title>
                <desc id="chart-svg-desc" data-testid="chart-summary">{ c.summary.clone() }</desc>
                <path d={c.grid.clone()} class="grid"></path>
                <path d={c.axes.clone()} class="axis"></path>
                <g class="ticks">{ for y_ticks }{ for x_ticks }</g>
                if !c.area.is_empty() {
                    <path d={c.area.clone()} class="fits"></path>
                    <path d={c.path.clone()} data-testid="chart-curve" class="curve"></path>
                    { text(left + 8, bottom - 8, None, "region annot", c.inside_label.clone()) }
                    { text(right - 4, top + 14, Some("end"), "region annot", c.outside_label.clone()) }
                }
                if let Some(y) = c.needed_y {
                    <line x1={n(left)} x2={n(right)} y1={n(y)} y2={n(y)} class="needed"></line>
                    { needed_label(c, y, left, right) }
                }
                if let Some((x, y, _)) = &c.current {
                    { dot(*x, *y, "current") }
                }
                { for meet }
                { text((left + right) / 2, HEIGHT - 4, Some("middle"), "axis-label", c.x_label.clone()) }
                { text(4, top - 16, None, "axis-label", c.y_label.clone()) }
            </svg>
            <ul class="chart-legend">
                <li><span aria-hidden="true" class="key curve"></span>{ c.curve_label.clone() }</li>
                if c.needed_y.is_some() {
                    <li><span aria-hidden="true" class="key needed"></span>{ c.needed_label.clone() }</li>
                }
                if let Some((_, _, label)) = &c.meet {
                    <li><span aria-hidden="true" class="key meet"></span>{ "where it meets the frontier: " }{ label.clone() }</li>
                }
                if let Some((_, _, label)) = &c.current {
                    <li><span aria-hidden="true" class="key current"></span>{ label.clone() }</li>
                }
            </ul>
        </section>
    }
}
