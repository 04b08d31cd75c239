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
        html! { <text class="needed-label annot" x={(left + 8).to_string()} y={(y - 6).to_string()}>{ label }</text> }
    } else if free(right - ROOM, right) {
        html! { <text class="needed-label annot" x={(right - 4).to_string()} y={(y - 6).to_string()} text-anchor="end">{ label }</text> }
    } else {
        html! { <text class="needed-label annot" x={(left + 8).to_string()} y={(y + 18).to_string()}>{ label }</text> }
    }
}

/// The chart as a component (for tests and any caller that wants one).
#[component]
pub fn FrontierChart(p: &ChartProps) -> Html {
    frontier_chart(&p.chart)
}

/// A plain function, not a component (no state; a component costs the
/// wasm its own copy of Yew's lifecycle code).
pub fn frontier_chart(c: &Chart) -> Html {
    let (ml, mr, mt, mb) = MARGIN;
    let (left, right, top, bottom) = (ml, WIDTH - mr, mt, HEIGHT - mb);
    html! {
        <section class="chart" aria-labelledby="chart-title" data-testid="chart">
            <h2 id="chart-title">{ "The frontier" }</h2>
            <p class="hint">{ "Shaded: what the budget buys. Below the curve fits; above it does not." }</p>
            <svg viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img" aria-labelledby="chart-svg-title chart-svg-desc"
                class="frontier" preserveAspectRatio="xMidYMid meet">
                <title id="chart-svg-title">{ c.title.clone() }</title>
                <desc id="chart-svg-desc" data-testid="chart-summary">{ c.summary.clone() }</desc>
                <path class="grid" d={c.grid.clone()} />
                <path class="axis" d={c.axes.clone()} />
                <g class="ticks">
                    { for c.y_ticks.iter().map(|(y, label)| html! {
                        <text x={(left - 6).to_string()} y={(y + 4).to_string()} text-anchor="end">{ label.clone() }</text>
                    }) }
                    { for c.x_ticks.iter().map(|(x, label)| html! {
                        <text x={x.to_string()} y={(bottom + 20).to_string()} text-anchor="middle">{ label.clone() }</text>
                    }) }
                </g>
                if !c.area.is_empty() {
                    <path class="fits" d={c.area.clone()} />
                    <path class="curve" d={c.path.clone()} data-testid="chart-curve" />
                    <text class="region annot" x={(left + 8).to_string()} y={(bottom - 8).to_string()}>{ c.inside_label.clone() }</text>
                    <text class="region annot" x={(right - 4).to_string()} y={(top + 14).to_string()} text-anchor="end">{ c.outside_label.clone() }</text>
                }
                if let Some(y) = c.needed_y {
                    <line class="needed" x1={left.to_string()} x2={right.to_string()} y1={y.to_string()} y2={y.to_string()} />
                    { needed_label(c, y, left, right) }
                }
                // The scenario (hollow) and where the needed volume meets the
                // frontier (filled); the legend below names both.
                if let Some((x, y, _)) = &c.current {
                    <circle class="current" cx={x.to_string()} cy={y.to_string()} r="5" />
                }
                if let Some((x, y, label)) = &c.meet {
                    <circle class="meet" cx={x.to_string()} cy={y.to_string()} r="5" />
                    <text class="meet-label annot" x={(if *x > right - 150 { x - 8 } else { x + 8 }).to_string()} y={(y - 10).to_string()}
                        text-anchor={if *x > right - 150 { "end" } else { "start" }}>{ label.clone() }</text>
                }
                <text class="axis-label" x={((left + right) / 2).to_string()} y={(HEIGHT - 4).to_string()} text-anchor="middle">{ c.x_label.clone() }</text>
                <text class="axis-label" x="4" y={(top - 16).to_string()}>{ c.y_label.clone() }</text>
            </svg>
            <ul class="chart-legend">
                <li><span class="key curve" aria-hidden="true"></span>{ c.curve_label.clone() }</li>
                if c.needed_y.is_some() {
                    <li><span class="key needed" aria-hidden="true"></span>{ c.needed_label.clone() }</li>
                }
                if let Some((_, _, label)) = &c.meet {
                    <li><span class="key meet" aria-hidden="true"></span>{ format!("where it meets the frontier: {label}") }</li>
                }
                if let Some((_, _, label)) = &c.current {
                    <li><span class="key current" aria-hidden="true"></span>{ label.clone() }</li>
                }
            </ul>
        </section>
    }
}
