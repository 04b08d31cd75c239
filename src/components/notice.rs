//! The dismissable notice that names each bad key of the opening link.

use crate::components::markup::fixed;
use backcast_core::scenario::Problem;
use yew::prelude::*;

/// How many problems the notice lists before "and N more".
const SHOWN: usize = 12;

/// A plain function, not a component (no state; see `figures`).
pub fn link_notice(problems: &[Problem], on_dismiss: &Callback<()>) -> Html {
    if problems.is_empty() {
        return html! {};
    }
    let more = problems.len().saturating_sub(SHOWN);
    let onclick = on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <section class="notice" role="status" aria-live="polite" data-testid="link-notice">
            <div>
                { fixed("<strong>Some of this link could not be used; everything else was kept.</strong>") }
                <ul>
                    { for problems.iter().take(SHOWN).map(|pr| html! {
                        <li><code>{ pr.key.clone() }</code>{ ": " }{ pr.message.clone() }</li>
                    }) }
                    if more > 0 { <li>{ format!("and {more} more") }</li> }
                </ul>
            </div>
            <button type="button" class="dismiss" {onclick} data-testid="dismiss-notice" aria-label="Dismiss this notice">{ "Dismiss" }</button>
        </section>
    }
}
