//! The dismissable notice that names each bad key of the opening link, and
//! the notice that the link's price book has known errors in its region.

use crate::components::markup::{fixed, Markup};
use crate::tpl;
use backcast_core::scenario::Problem;
use backcast_core::view::BookNotice;
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

/// The link pins an older price book with known errors in its region: the
/// core's text, and a plain link that re-opens the same scenario on the
/// current book (only `prices` changed). Display only, as a string (see
/// `markup`): no listener and no browser call, so it renders the same on
/// the server.
pub fn book_notice(n: Option<&BookNotice>) -> Html {
    let Some(n) = n else {
        return Html::default();
    };
    let mut m = Markup::new();
    m.put(
        tpl!(r#"<section class="notice book-notice" role="status" data-testid="book-notice"><p>{}</p><a href="{}" data-testid="reprice">{}</a></section>"#),
        [&n.text, &n.href, &n.action],
    );
    m.html()
}
