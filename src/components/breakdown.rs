//! Cost by service and by dimension, per request and per period, with the
//! dominant line marked.

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

/// A share bar: an SVG whose `<rect>` width is the share in permille. SVG
/// attributes, not an inline `style`, so the strict CSP (style-src 'self')
/// holds.
fn bar(permille: u32) -> Html {
    html! {
        <svg class="bar" viewBox="0 0 1000 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
            <rect width={permille.min(1000).to_string()} height="10" />
        </svg>
    }
}

/// A plain function, not a component (no state; see `figures`).
pub fn breakdown(p: &BreakdownProps) -> Html {
    html! {
        <section class="breakdown" aria-labelledby="breakdown-title" data-testid="breakdown">
            <h2 id="breakdown-title">{ "Where the money goes" }</h2>
            <div class="table-wrap">
                <table class="costs">
                    <caption>{ format!("Cost of {} requests per {}, by service and dimension", p.needed, p.period) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Service / dimension" }</th>
                            <th scope="col">{ "Per request" }</th>
                            <th scope="col">{ format!("Per {}", p.period) }</th>
                            <th scope="col" class="share">{ "Share" }</th>
                        </tr>
                    </thead>
                    { for p.services.iter().map(|s| html! {
                        <tbody data-testid={format!("service-{}", s.service)}>
                            <tr class={classes!("service", s.dominant.then_some("dominant"))}>
                                <th scope="rowgroup">
                                    { s.service }
                                    if s.dominant && p.services.len() > 1 { <span class="badge">{ "largest" }</span> }
                                </th>
                                <td>{ s.per_request.clone() }</td>
                                <td>{ s.per_period.clone() }</td>
                                <td class="share">
                                    { bar(s.permille) }
                                    { s.share_text.clone() }
                                </td>
                            </tr>
                            { for p.lines.iter().filter(|l| l.service == s.service).map(|l| html! {
                                <tr class={classes!("dimension", l.dominant.then_some("dominant"))}
                                    data-testid={l.dominant.then_some("dominant-line")}>
                                    <th scope="row">
                                        { l.dimension }
                                        if l.dominant { <span class="badge">{ "dominates" }</span> }
                                    </th>
                                    <td>{ l.per_request.clone() }</td>
                                    <td>{ l.per_period.clone() }</td>
                                    <td class="share">
                                        { bar(l.permille) }
                                        { l.share_text.clone() }
                                    </td>
                                </tr>
                            }) }
                        </tbody>
                    }) }
                    <tfoot>
                        <tr>
                            <th scope="row">{ "Total" }</th>
                            <td>{ p.total_per_request.to_string() }</td>
                            <td data-testid="total-per-period">{ p.total_per_period.to_string() }</td>
                            <td class="share"></td>
                        </tr>
                    </tfoot>
                </table>
            </div>
        </section>
    }
}
