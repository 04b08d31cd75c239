//! Headroom per service: the article's "5 whys" made visible. Holding the
//! others fixed, how much of each the budget still allows per request.

use backcast_core::view::HeadroomLine;
use yew::prelude::*;

/// A plain function, not a component (no state; see `figures`).
pub fn headroom(note: &str, lines: &[HeadroomLine]) -> Html {
    html! {
        <section class="headroom" aria-labelledby="headroom-title" data-testid="headroom">
            <h2 id="headroom-title">{ "Headroom per service" }</h2>
            <p class="hint" id="headroom-note">{ note.to_string() }</p>
            <div class="table-wrap">
                <table class="limits" aria-describedby="headroom-note">
                    <thead>
                        <tr>
                            <th scope="col">{ "Per request" }</th>
                            <th scope="col">{ "Now" }</th>
                            <th scope="col">{ "Most that fits" }</th>
                            <th scope="col">{ "Room left" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for lines.iter().map(|h| html! {
                            <tr class={classes!(h.over.then_some("over"))} data-testid={format!("headroom-{}", h.key)}>
                                <th scope="row">{ h.label }</th>
                                <td>{ h.current.clone() }</td>
                                <td class="max">{ h.max.clone() }</td>
                                <td class="spare">{ h.spare.clone() }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}
