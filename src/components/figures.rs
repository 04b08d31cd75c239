//! The headline answers: the verdict and three figures.

use crate::components::markup::{fixed, Markup};
use crate::tpl;
use backcast_core::view::Figure;
use yew::prelude::*;

/// A plain function, not a component: it has no state, and a component
/// costs the wasm its own copy of Yew's lifecycle code. The verdict is a
/// live region (`role="status"`): it stays Yew markup, so the same element
/// persists and screen readers announce its new text. The rest is display
/// only, built as HTML strings (`markup`).
pub fn figures(verdict: &str, ok: bool, figures: &[Figure]) -> Html {
    html! {
        <section class="headline" aria-labelledby="results-title">
            { fixed(r#"<h2 id="results-title">What the budget buys</h2>"#) }
            // One <p> whose class follows the verdict.
            <p class={classes!("verdict", (!ok).then_some("alert"))} data-testid="verdict" role="status">{ verdict.to_string() }</p>
            { figure_list(figures).html() }
        </section>
    }
}

/// The three figures, as a description list.
pub fn figure_list(figures: &[Figure]) -> Markup {
    let mut m = Markup::new();
    m.raw(r#"<dl class="figures">"#);
    for (i, f) in figures.iter().enumerate() {
        m.put(
            if f.alert {
                tpl!(r#"<div data-testid="figure-{}" class="figure alert">"#)
            } else {
                tpl!(r#"<div data-testid="figure-{}" class="figure">"#)
            },
            [&i.to_string()],
        )
        .put(
            tpl!(r#"<dt>{}</dt><dd class="value">{}</dd><dd class="detail">{}</dd></div>"#),
            [&f.label, &f.value, &f.detail],
        );
    }
    m.raw("</dl>");
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_figures_as_html_with_their_values_escaped() {
        let figures_in = [
            Figure {
                label: "Most requests per day".into(),
                value: "3,280".into(),
                detail: "0.038 per second on average".into(),
                alert: false,
            },
            Figure {
                label: "Cost".into(),
                value: "$9.00".into(),
                detail: r#""><img src=x onerror=alert(1)>"#.into(),
                alert: true,
            },
        ];
        let expected = concat!(
            r#"<dl class="figures"><div data-testid="figure-0" class="figure">"#,
            r#"<dt>Most requests per day</dt><dd class="value">3,280</dd>"#,
            r#"<dd class="detail">0.038 per second on average</dd></div>"#,
            r#"<div data-testid="figure-1" class="figure alert"><dt>Cost</dt>"#,
            r#"<dd class="value">$9.00</dd>"#,
            r#"<dd class="detail">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</dd></div>"#,
            "</dl>",
        );
        assert_eq!(figure_list(&figures_in).as_str(), expected);
    }
}
