//! Cost by service and by dimension, per request and per period, with the
//! dominant line marked.

use crate::components::markup::{fixed, Markup};
use crate::tpl;
use backcast_core::view::{BreakdownLine, ServiceLine};
use yew::prelude::*;

/// What the breakdown lays out (borrowed from the view model).
pub struct BreakdownProps<'a> {
    pub period: &'a str,
    pub services: &'a [ServiceLine],
    pub lines: &'a [BreakdownLine],
    pub total_per_request: &'a str,
    pub total_per_period: &'a str,
    /// The needed volume, as shown ("3,000").
    pub needed: &'a str,
}

/// A share cell: an SVG bar whose `<rect>` width is the share in
/// permille, then the share as text. SVG attributes, not an inline
/// `style`, so the strict CSP (style-src 'self') holds.
fn share(m: &mut Markup, permille: u32, text: &str) {
    m.put(
        tpl!(concat!(
            r#"<td class="share"><svg viewBox="0 0 1000 10" preserveAspectRatio="none" "#,
            r#"aria-hidden="true" focusable="false" class="bar">"#,
            r#"<rect width="{}" height="10"></rect></svg>{}</td></tr>"#,
        )),
        [&permille.min(1000).to_string(), text],
    );
}

/// A plain function, not a component (no state; see `figures`). Display
/// only: the heading and table are HTML strings (`markup`); the section
/// and the table's scroll box stay Yew markup, so the box keeps its
/// scroll position across updates.
pub fn breakdown(p: &BreakdownProps) -> Html {
    html! {
        <section class="breakdown" aria-labelledby="breakdown-title" data-testid="breakdown">
            { fixed(r#"<h2 id="breakdown-title">Where the money goes</h2>"#) }
            <div class="table-wrap">{ costs(p).html() }</div>
        </section>
    }
}

/// The table of costs.
pub fn costs(p: &BreakdownProps) -> Markup {
    let mut m = Markup::new();
    m.put(
        tpl!(concat!(
            r#"<table class="costs">"#,
            "<caption>Cost of {} requests per {}, by service and dimension</caption><thead><tr>",
            r#"<th scope="col">Service / dimension</th><th scope="col">Per request</th>"#,
            r#"<th scope="col">Per {}</th><th scope="col" class="share">Share</th></tr></thead>"#,
        )),
        [p.needed, p.period, p.period],
    );
    for s in p.services {
        m.put(tpl!(r#"<tbody data-testid="service-{}">"#), [s.service])
            .raw(if s.dominant {
                r#"<tr class="service dominant"><th scope="rowgroup">"#
            } else {
                r#"<tr class="service"><th scope="rowgroup">"#
            })
            .put(tpl!("{}"), [s.service])
            .raw(if s.dominant && p.services.len() > 1 {
                r#"<span class="badge">largest</span>"#
            } else {
                ""
            })
            .put(
                tpl!("</th><td>{}</td><td>{}</td>"),
                [&s.per_request, &s.per_period],
            );
        share(&mut m, s.permille, &s.share_text);
        for l in p.lines.iter().filter(|l| l.service == s.service) {
            m.raw(if l.dominant {
                concat!(
                    r#"<tr data-testid="dominant-line" class="dimension dominant">"#,
                    r#"<th scope="row">"#
                )
            } else {
                r#"<tr class="dimension"><th scope="row">"#
            })
            .put(tpl!("{}"), [l.dimension])
            .raw(if l.dominant {
                r#"<span class="badge">dominates</span>"#
            } else {
                ""
            })
            .put(
                tpl!("</th><td>{}</td><td>{}</td>"),
                [&l.per_request, &l.per_period],
            );
            share(&mut m, l.permille, &l.share_text);
        }
        m.raw("</tbody>");
    }
    m.put(
        tpl!(concat!(
            r#"<tfoot><tr><th scope="row">Total</th><td>{}</td>"#,
            r#"<td data-testid="total-per-period">{}</td><td class="share"></td></tr></tfoot>"#,
            "</table>",
        )),
        [p.total_per_request, p.total_per_period],
    );
    m
}

/// The price book line under the breakdown (display only, as `breakdown`).
pub fn price_note(note: &str) -> Html {
    let mut m = Markup::new();
    m.put(
        tpl!(r#"<p data-testid="price-note" class="hint price-note">{}</p>"#),
        [note],
    );
    m.html()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(
        dimension: &'static str,
        per_period: &str,
        permille: u32,
        dominant: bool,
    ) -> BreakdownLine {
        BreakdownLine {
            service: "Lambda",
            dimension,
            per_request: "$0.001".into(),
            per_period: per_period.into(),
            share_text: format!("{}%", permille / 10),
            permille,
            dominant,
        }
    }

    #[test]
    fn the_costs_table_with_bars_and_the_dominant_line() {
        let services = [ServiceLine {
            service: "Lambda",
            per_request: "$0.002".into(),
            per_period: "$6.00".into(),
            share_text: "100%".into(),
            permille: 1000,
            dominant: true,
        }];
        let lines = [
            line("Request fee", "$1.50", 250, false),
            // Out of range: the bar is capped at the full width.
            line("Duration (GB-s)", "$4.50", 1200, true),
        ];
        let costs = costs(&BreakdownProps {
            period: "day",
            services: &services,
            lines: &lines,
            total_per_request: "$0.002",
            total_per_period: "$6.00",
            needed: "3,000",
        });
        let bar = concat!(
            r#"<svg viewBox="0 0 1000 10" preserveAspectRatio="none" aria-hidden="true" "#,
            r#"focusable="false" class="bar">"#,
        );
        let expected = [
            r#"<table class="costs">"#,
            "<caption>Cost of 3,000 requests per day, by service and dimension</caption>",
            r#"<thead><tr><th scope="col">Service / dimension</th><th scope="col">Per request</th>"#,
            r#"<th scope="col">Per day</th><th scope="col" class="share">Share</th></tr></thead>"#,
            r#"<tbody data-testid="service-Lambda">"#,
            // One service: no "largest" badge.
            r#"<tr class="service dominant"><th scope="rowgroup">Lambda</th>"#,
            r#"<td>$0.002</td><td>$6.00</td><td class="share">"#,
            bar,
            r#"<rect width="1000" height="10"></rect></svg>100%</td></tr>"#,
            r#"<tr class="dimension"><th scope="row">Request fee</th>"#,
            r#"<td>$0.001</td><td>$1.50</td><td class="share">"#,
            bar,
            r#"<rect width="250" height="10"></rect></svg>25%</td></tr>"#,
            r#"<tr data-testid="dominant-line" class="dimension dominant"><th scope="row">"#,
            r#"Duration (GB-s)<span class="badge">dominates</span></th>"#,
            r#"<td>$0.001</td><td>$4.50</td><td class="share">"#,
            bar,
            r#"<rect width="1000" height="10"></rect></svg>120%</td></tr></tbody>"#,
            r#"<tfoot><tr><th scope="row">Total</th><td>$0.002</td>"#,
            r#"<td data-testid="total-per-period">$6.00</td><td class="share"></td></tr></tfoot>"#,
            "</table>",
        ]
        .concat();
        assert_eq!(costs.as_str(), expected);
    }
}
