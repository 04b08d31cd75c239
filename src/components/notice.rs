//! The dismissable notice that names each bad key of the opening link, and
//! the notice that the link's price book has known errors in its region.

use crate::components::markup::Markup;
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
    // The list is display only: a string (see `markup`).
    let mut list = Markup::new();
    list.raw(
        "<div><strong>Some of this link could not be used; everything else was kept.</strong><ul>",
    );
    for pr in problems.iter().take(SHOWN) {
        list.put(tpl!("<li><code>{}</code>: {}</li>"), [&pr.key, &pr.message]);
    }
    if more > 0 {
        list.put(tpl!("<li>and {} more</li>"), [&more.to_string()]);
    }
    list.raw("</ul></div>");
    html! {
        <section class="notice" role="status" aria-live="polite" data-testid="link-notice">
            { list.html() }
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
