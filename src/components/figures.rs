//! The headline answers: the verdict and three figures.

use backcast_core::view::Figure;
use yew::prelude::*;

/// A plain function, not a component: it has no state, and a component
/// costs the wasm its own copy of Yew's lifecycle code.
pub fn figures(verdict: &str, ok: bool, figures: &[Figure]) -> Html {
    html! {
        <section class="headline" aria-labelledby="results-title">
            <h2 id="results-title">{ "What the budget buys" }</h2>
            <p class={classes!("verdict", (!ok).then_some("alert"))} data-testid="verdict" role="status">
                { verdict.to_string() }
            </p>
            <dl class="figures">
                { for figures.iter().enumerate().map(|(i, f)| html! {
                    <div class={classes!("figure", f.alert.then_some("alert"))} data-testid={format!("figure-{i}")}>
                        <dt>{ f.label.clone() }</dt>
                        <dd class="value">{ f.value.clone() }</dd>
                        <dd class="detail">{ f.detail.clone() }</dd>
                    </div>
                }) }
            </dl>
        </section>
    }
}
