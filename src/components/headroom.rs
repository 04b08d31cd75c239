//! Headroom per service: the article's "5 whys" made visible. Holding the
//! others fixed, how much of each the budget still allows per request.

use crate::components::markup::Markup;
use crate::tpl;
use backcast_core::view::HeadroomLine;
use yew::prelude::*;

/// A plain function, not a component (no state; see `figures`). Display
/// only: the heading, note and table are HTML strings (`markup`); the
/// section and the table's scroll box stay Yew markup, so the box keeps
/// its scroll position across updates.
pub fn headroom(note: &str, lines: &[HeadroomLine]) -> Html {
    let mut head = Markup::new();
    head.put(
        tpl!(concat!(
            r#"<h2 id="headroom-title">Headroom per service</h2>"#,
            r#"<p id="headroom-note" class="hint">{}</p>"#,
        )),
        [note],
    );
    html! {
        <section class="headroom" aria-labelledby="headroom-title" data-testid="headroom">
            { head.html() }
            <div class="table-wrap">{ limits(lines).html() }</div>
        </section>
    }
}

/// The table of limits.
pub fn limits(lines: &[HeadroomLine]) -> Markup {
    let mut m = Markup::new();
    m.put(
        tpl!(concat!(
            r#"<table aria-describedby="headroom-note" class="limits">"#,
            r#"<thead><tr><th scope="col">Per request</th><th scope="col">Now</th>"#,
            r#"<th scope="col">Most that fits</th><th scope="col">Room left</th></tr></thead><tbody>"#,
        )),
        [],
    );
    for h in lines {
        m.put(
            if h.over {
                tpl!(r#"<tr data-testid="headroom-{}" class="over">"#)
            } else {
                tpl!(r#"<tr data-testid="headroom-{}">"#)
            },
            [h.key],
        )
        .put(
            tpl!(r#"<th scope="row">{}</th><td>{}</td><td class="max">{}</td><td class="spare">{}</td></tr>"#),
            [&h.label, &h.current, &h.max, &h.spare],
        );
        if !h.pairs.is_empty() {
            m.put(
                tpl!(r#"<tr class="pairs"><td colspan="4">{}</td></tr>"#),
                [&h.pairs],
            );
        }
    }
    m.raw("</tbody></table>");
    m
}
