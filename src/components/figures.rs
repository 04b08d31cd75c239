//! The headline answers: the verdict and three figures.

use backcast_core::view::Figure;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct FiguresProps {
    pub verdict: AttrValue,
    pub ok: bool,
    pub figures: Vec<Figure>,
}

#[component]
pub fn Figures(p: &FiguresProps) -> Html {
    html! {
        <section class="headline" aria-labelledby="results-title">
            <h2 id="results-title">{ "What the budget buys" }</h2>
            <p class={classes!("verdict", (!p.ok).then_some("alert"))} data-testid="verdict" role="status">
                { p.verdict.clone() }
            </p>
            <dl class="figures">
                { for p.figures.iter().enumerate().map(|(i, f)| html! {
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
