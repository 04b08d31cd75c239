//! The dismissable notice that names each bad key of the opening link.

use backcast_core::scenario::Problem;
use yew::prelude::*;

/// How many problems the notice lists before "and N more".
const SHOWN: usize = 12;

#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    pub problems: Vec<Problem>,
    pub on_dismiss: Callback<()>,
}

#[component]
pub fn LinkNotice(p: &NoticeProps) -> Html {
    if p.problems.is_empty() {
        return html! {};
    }
    let more = p.problems.len().saturating_sub(SHOWN);
    let onclick = p.on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <section class="notice" role="status" aria-live="polite" data-testid="link-notice">
            <div>
                <strong>{ "Some of this link could not be used; everything else was kept." }</strong>
                <ul>
                    { for p.problems.iter().take(SHOWN).map(|pr| html! {
                        <li><code>{ pr.key.clone() }</code>{ ": " }{ pr.message.clone() }</li>
                    }) }
                    if more > 0 { <li>{ format!("and {more} more") }</li> }
                </ul>
            </div>
            <button type="button" class="dismiss" {onclick} data-testid="dismiss-notice" aria-label="Dismiss this notice">{ "Dismiss" }</button>
        </section>
    }
}
