//! The frontier: most requests against GB-s per request, with the needed
//! volume, the point where it meets the frontier, and the scenario marked.

use crate::components::markup::Markup;
use crate::tpl;
use backcast_core::view::{Chart, HEIGHT, MARGIN, WIDTH};
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct ChartProps {
    pub chart: Chart,
}

/// The needed line's label: above the line at its left end, else its
/// right end, else below it, wherever the two markers leave room.
fn needed_label(m: &mut Markup, c: &Chart, y: i32, left: i32, right: i32) {
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
    let label = &c.needed_label;
    if free(left, left + ROOM) {
        m.put(
            tpl!(r#"<text x="{}" y="{}" class="needed-label annot">{}</text>"#),
            [&n(left + 8), &n(y - 6), label],
        );
    } else if free(right - ROOM, right) {
        m.put(
            tpl!(r#"<text x="{}" y="{}" text-anchor="end" class="needed-label annot">{}</text>"#),
            [&n(right - 4), &n(y - 6), label],
        );
    } else {
        m.put(
            tpl!(r#"<text x="{}" y="{}" class="needed-label annot">{}</text>"#),
            [&n(left + 8), &n(y + 18), label],
        );
    }
}

fn n(v: i32) -> String {
    v.to_string()
}

/// The chart as a component (for tests and any caller that wants one).
#[component]
pub fn FrontierChart(p: &ChartProps) -> Html {
    frontier_chart(&p.chart)
}

/// A plain function, not a component (no state; a component costs the
/// wasm its own copy of Yew's lifecycle code). Display only, so built as
/// one HTML string (`markup`), the `<svg>` root included: its children
/// are parsed in the SVG namespace.
pub fn frontier_chart(c: &Chart) -> Html {
    let (ml, mr, mt, mb) = MARGIN;
    let (left, right, top, bottom) = (ml, WIDTH - mr, mt, HEIGHT - mb);
    let mut m = Markup::new();
    m.put(
        tpl!(concat!(
            r#"<section aria-labelledby="chart-title" data-testid="chart" class="chart">"#,
            r#"<h2 id="chart-title">The frontier</h2>"#,
            r#"<p class="hint">Shaded: what the budget buys. Below the curve fits; above it does not.</p>"#,
            r#"<svg viewBox="{}" role="img" aria-labelledby="chart-svg-title chart-svg-desc" "#,
            r#"preserveAspectRatio="xMidYMid meet" class="frontier">"#,
            r#"<title id="chart-svg-title">{}</title>"#,
            r#"<desc id="chart-svg-desc" data-testid="chart-summary">{}</desc>"#,
            r#"<path d="{}" class="grid"></path><path d="{}" class="axis"></path><g class="ticks">"#,
        )),
        [
            &format!("0 0 {WIDTH} {HEIGHT}"),
            &c.title,
            &c.summary,
            &c.grid,
            &c.axes,
        ],
    );
    for (y, label) in &c.y_ticks {
        m.put(
            tpl!(r#"<text x="{}" y="{}" text-anchor="end">{}</text>"#),
            [&n(left - 6), &n(y + 4), label],
        );
    }
    for (x, label) in &c.x_ticks {
        m.put(
            tpl!(r#"<text x="{}" y="{}" text-anchor="middle">{}</text>"#),
            [&n(*x), &n(bottom + 20), label],
        );
    }
    m.raw("</g>");
    if !c.area.is_empty() {
        m.put(
            tpl!(concat!(
                r#"<path d="{}" class="fits"></path>"#,
                r#"<path d="{}" data-testid="chart-curve" class="curve"></path>"#,
                r#"<text x="{}" y="{}" class="region annot">{}</text>"#,
                r#"<text x="{}" y="{}" text-anchor="end" class="region annot">{}</text>"#,
            )),
            [
                &c.area,
                &c.path,
                &n(left + 8),
                &n(bottom - 8),
                &c.inside_label,
                &n(right - 4),
                &n(top + 14),
                &c.outside_label,
            ],
        );
    }
    if let Some(y) = c.needed_y {
        let ys = n(y);
        m.put(
            tpl!(r#"<line x1="{}" x2="{}" y1="{}" y2="{}" class="needed"></line>"#),
            [&n(left), &n(right), &ys, &ys],
        );
        needed_label(&mut m, c, y, left, right);
    }
    // The scenario (hollow) and where the needed volume meets the
    // frontier (filled); the legend below names both.
    if let Some((x, y, _)) = &c.current {
        m.put(
            tpl!(r#"<circle cx="{}" cy="{}" r="5" class="current"></circle>"#),
            [&n(*x), &n(*y)],
        );
    }
    if let Some((x, y, label)) = &c.meet {
        let (lx, anchor) = if *x > right - 150 {
            (x - 8, "end")
        } else {
            (x + 8, "start")
        };
        m.put(
            tpl!(concat!(
                r#"<circle cx="{}" cy="{}" r="5" class="meet"></circle>"#,
                r#"<text x="{}" y="{}" text-anchor="{}" class="meet-label annot">{}</text>"#,
            )),
            [&n(*x), &n(*y), &n(lx), &n(y - 10), anchor, label],
        );
    }
    m.put(
        tpl!(concat!(
            r#"<text x="{}" y="{}" text-anchor="middle" class="axis-label">{}</text>"#,
            r#"<text x="4" y="{}" class="axis-label">{}</text></svg>"#,
            r#"<ul class="chart-legend"><li><span aria-hidden="true" class="key curve"></span>{}</li>"#,
        )),
        [
            &n((left + right) / 2),
            &n(HEIGHT - 4),
            &c.x_label,
            &n(top - 16),
            &c.y_label,
            &c.curve_label,
        ],
    );
    if c.needed_y.is_some() {
        m.put(
            tpl!(r#"<li><span aria-hidden="true" class="key needed"></span>{}</li>"#),
            [&c.needed_label],
        );
    }
    if let Some((_, _, label)) = &c.meet {
        m.put(
            tpl!(r#"<li><span aria-hidden="true" class="key meet"></span>where it meets the frontier: {}</li>"#),
            [label],
        );
    }
    if let Some((_, _, label)) = &c.current {
        m.put(
            tpl!(r#"<li><span aria-hidden="true" class="key current"></span>{}</li>"#),
            [label],
        );
    }
    m.raw("</ul></section>");
    m.html()
}
