//! Plan B beside plan A (issue 16). Plan B lives in the link's fragment
//! (`#b&b.arch=arm64`, `backcast_core::fragment`), so one link holds both
//! and every v1 key keeps its meaning; a link without `#b` is a single
//! plan as always. B is edited with the page's own form (ids prefixed
//! `b-`); the figures, the services and both frontiers are laid out side
//! by side, with the differences in one sentence
//! (`backcast_core::compare`).

use super::Host;
use crate::components::form::{scenario_form, FormProps};
use crate::state::{Action, State};
use backcast_core::compare::{compare, frontiers, Comparison, PairChart};
use backcast_core::fragment::Fragment;
use backcast_core::number::format_usd;
use backcast_core::view::{View, HEIGHT, MARGIN, WIDTH};
use backcast_core::Scenario;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct CompareProps {
    pub query: AttrValue,
    pub hash: AttrValue,
    pub host: Host,
}

/// Plan B as the fragment gives it, else a copy of plan A.
fn plan_b(query: &str, hash: &str) -> Scenario {
    match Fragment::parse(hash).plan_b() {
        Some((b, _)) => b,
        None => Scenario::from_link(query).0,
    }
}

#[component]
pub fn ComparePanel(p: &CompareProps) -> Html {
    let a = Scenario::from_link(&p.query).0;
    let fragment = Fragment::parse(&p.hash);
    let problems = fragment.plan_b().map(|(_, pr)| pr).unwrap_or_default();
    let b = {
        let (query, hash) = (p.query.clone(), p.hash.clone());
        use_reducer(move || State::from_query(&plan_b(&query, &hash).to_query(false)))
    };
    // The address follows B: each change of B is written to the fragment;
    // opening the panel on a link without B starts comparing with a copy
    // of A (written at once, so the address shares the comparison).
    {
        let (host, hash, scenario) = (p.host.clone(), p.hash.clone(), b.scenario.clone());
        use_effect_with((b.revision, fragment.b.is_none()), move |(rev, missing)| {
            if *rev > 0 || *missing {
                let mut f = Fragment::parse(&hash);
                f.set_b(Some(&scenario));
                let next = f.hash();
                if next != *hash {
                    host.set_hash.emit(next);
                }
            }
        });
    }
    // Back, Forward or a swap changed B in the address: show it.
    {
        let (b_in, current) = (b.dispatcher(), b.scenario.clone());
        use_effect_with(p.hash.clone(), move |hash| {
            if let Some((s, _)) = Fragment::parse(hash).plan_b() {
                if s != current {
                    b_in.dispatch(Action::Restore(format!("?{}", s.to_query(false))));
                }
            }
        });
    }
    let bs = b.scenario.clone();
    let c = compare(&a, &bs);
    let (va, vb) = (View::new(&a), &b.view);
    let both = AttrValue::from(format!("{}{}{}", p.host.page, p.query, p.hash));
    let on_copy = {
        let (b, a) = (b.dispatcher(), a.clone());
        Callback::from(move |_: MouseEvent| b.dispatch(Action::Load(Box::new(a.clone()))))
    };
    let on_swap = {
        let (host, a, bs, hash) = (p.host.clone(), a.clone(), bs.clone(), p.hash.clone());
        Callback::from(move |_: MouseEvent| {
            let mut f = Fragment::parse(&hash);
            f.set_b(Some(&a));
            host.set_plan
                .emit((format!("?{}", bs.to_query(true)), f.hash()))
        })
    };
    let on_stop = {
        let (host, hash) = (p.host.clone(), p.hash.clone());
        Callback::from(move |_: MouseEvent| {
            let mut f = Fragment::parse(&hash);
            f.set_b(None);
            host.set_hash.emit(f.hash())
        })
    };
    let on_edit = {
        let b = b.dispatcher();
        Callback::from(move |(key, text): (String, String)| b.dispatch(Action::Edit(key, text)))
    };
    let on_helper = {
        let b = b.dispatcher();
        Callback::from(move |(f, text)| b.dispatch(Action::Helper(f, text)))
    };
    let on_apply_helper = {
        let b = b.dispatcher();
        Callback::from(move |()| b.dispatch(Action::ApplyHelper))
    };
    let on_fold = {
        let b = b.dispatcher();
        Callback::from(move |id: &'static str| b.dispatch(Action::Fold(id)))
    };
    html! {
        <section class="tool-panel compare" aria-labelledby="compare-title" data-testid="compare">
            <h3 id="compare-title">{ "Plan A against plan B" }</h3>
            <p class="hint">{ "Plan A is the page's scenario above; plan B is kept in the link after #, so the link shows both." }</p>
            <div class="share-row">
                <button type="button" onclick={on_copy} data-testid="compare-copy">{ "Make B a copy of A" }</button>
                <button type="button" onclick={on_swap} data-testid="compare-swap">{ "Swap A and B" }</button>
                <button type="button" onclick={on_stop} data-testid="compare-stop">{ "Stop comparing" }</button>
            </div>
            <label for="compare-link">{ "Link to both plans" }</label>
            <div class="share-row">
                <input id="compare-link" type="text" readonly=true data-testid="compare-link" value={both.clone()} />
            </div>
            <super::TextActions text={both}
                shown_in="compare-link" testid="compare-link" />
            { for problems.iter().map(|pr| html! { <p class="error" data-testid="compare-problem">{ pr.to_string() }</p> }) }
            <p class="verdict" aria-live="polite" data-testid="compare-summary">{ c.summary.clone() }</p>
            <p class="table-title" aria-hidden="true">{ "Each figure of both plans" }</p>
            { figures_table(&va, vb, Some(&c)) }
            <p class="table-title" aria-hidden="true">{ format!("Cost per {} by service, each at its own needed requests", va.period) }</p>
            <div class="table-wrap">
                <table class="costs compare-table" data-testid="compare-services">
                    <caption class="visually-hidden">{ format!("Cost per {} by service, each at its own needed requests", va.period) }</caption>
                    <thead><tr><th scope="col">{ "Service" }</th><th scope="col">{ "Plan A" }</th><th scope="col">{ "Plan B" }</th><th scope="col">{ "B − A" }</th></tr></thead>
                    <tbody>
                        { for c.services.iter().map(|d| html! {
                            <tr><th scope="row">{ d.service }</th><td>{ format_usd(d.a) }</td><td>{ format_usd(d.b) }</td>
                                <td>{ backcast_core::plan_actual::signed_usd(d.b - d.a) }</td></tr>
                        }) }
                    </tbody>
                    <tfoot><tr><th scope="row">{ "Total" }</th><td>{ format_usd(c.a.cost) }</td><td>{ format_usd(c.b.cost) }</td>
                        <td>{ backcast_core::plan_actual::signed_usd(c.b.cost - c.a.cost) }</td></tr></tfoot>
                </table>
            </div>
            { pair_chart(&frontiers(&a, &bs, &c)) }
            <section class="inputs plan-b" aria-labelledby="plan-b-title">
                <h3 id="plan-b-title">{ "Plan B's scenario" }</h3>
                { scenario_form(&FormProps { groups: &vb.form, period: vb.period, state: &b,
                    on_edit: &on_edit, on_helper: &on_helper, on_apply_helper: &on_apply_helper, on_fold: &on_fold, prefix: "b-" }) }
            </section>
        </section>
    }
}

/// Each figure of both plans, side by side; with `c`, plan B's cost at
/// plan A's needed requests too.
fn figures_table(va: &View, vb: &View, c: Option<&Comparison>) -> Html {
    html! {
        <div class="table-wrap">
            <table class="costs compare-table" data-testid="compare-figures">
                <caption class="visually-hidden">{ "Each figure of both plans" }</caption>
                <thead><tr><th scope="col">{ "Figure" }</th><th scope="col">{ "Plan A" }</th><th scope="col">{ "Plan B" }</th></tr></thead>
                <tbody>
                    { for va.figures.iter().zip(vb.figures.iter()).map(|(fa, fb)| html! {
                        <tr><th scope="row">{ fa.label.clone() }</th><td>{ fa.value.clone() }</td><td>{ fb.value.clone() }</td></tr>
                    }) }
                    if let Some(c) = c {
                        <tr><th scope="row">{ format!("Cost at plan A's {} requests", va.needed) }</th>
                            <td>{ format_usd(c.a.cost) }</td><td data-testid="compare-b-at-a">{ format_usd(c.b_cost_at_a) }</td></tr>
                    }
                </tbody>
            </table>
        </div>
    }
}

fn n(v: i32) -> AttrValue {
    AttrValue::from(v.to_string())
}

/// Both frontiers on shared axes.
pub fn pair_chart(c: &PairChart) -> Html {
    let (ml, mr, mt, mb) = MARGIN;
    let (left, right, top, bottom) = (ml, WIDTH - mr, mt, HEIGHT - mb);
    html! {
        <figure class="chart" data-testid="compare-chart">
            <svg viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img" aria-label={c.summary.clone()}
                preserveAspectRatio="xMidYMid meet" class="frontier">
                <path d={c.grid.clone()} class="grid"></path>
                <path d={c.axes.clone()} class="axis"></path>
                <g class="ticks">
                    { for c.y_ticks.iter().map(|(y, l)| html! { <text x={n(left - 6)} y={n(y + 4)} text-anchor="end">{ l.clone() }</text> }) }
                    { for c.x_ticks.iter().map(|(x, l)| html! { <text x={n(*x)} y={n(bottom + 20)} text-anchor="middle">{ l.clone() }</text> }) }
                </g>
                { for c.needed.iter().map(|(y, l)| html! {
                    <>
                        <line x1={n(left)} x2={n(right)} y1={n(*y)} y2={n(*y)} class="needed"></line>
                        <text x={n(right - 4)} y={n(y - 6)} text-anchor="end" class="needed-label annot">{ l.clone() }</text>
                    </>
                }) }
                <path d={c.a_path.clone()} class="curve" data-testid="compare-curve-a"></path>
                <path d={c.b_path.clone()} class="curve curve-b" data-testid="compare-curve-b"></path>
                <text x={n((left + right) / 2)} y={n(HEIGHT - 4)} text-anchor="middle" class="axis-label">{ c.x_label.clone() }</text>
                <text x="4" y={n(top - 16)} class="axis-label">{ c.y_label.clone() }</text>
            </svg>
            <figcaption>
                <ul class="chart-legend">
                    <li><span aria-hidden="true" class="key curve"></span>{ "Plan A's frontier" }</li>
                    <li><span aria-hidden="true" class="key curve-b"></span>{ "Plan B's frontier" }</li>
                </ul>
            </figcaption>
        </figure>
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct EmbedCompareProps {
    pub query: AttrValue,
    pub hash: AttrValue,
}

/// The comparison in an embedded view (`?embed=1#b…`): the sentence, each
/// figure of both plans and both frontiers, and a link that opens both in
/// Backcast.
#[component]
pub fn EmbedCompare(p: &EmbedCompareProps) -> Html {
    let a = Scenario::from_link(&p.query).0;
    let Some((b, _)) = Fragment::parse(&p.hash).plan_b() else {
        return Html::default();
    };
    let c = compare(&a, &b);
    let (va, vb) = (View::new(&a), View::new(&b));
    let mut full = a.clone();
    full.embed = false;
    let open = format!("?{}{}", full.to_query(true), p.hash);
    html! {
        <section class="tool-panel compare embed-compare" aria-labelledby="embed-compare-title" data-testid="embed-compare">
            <h3 id="embed-compare-title">{ "Plan A against plan B" }</h3>
            <p class="verdict" data-testid="compare-summary">{ c.summary.clone() }</p>
            { figures_table(&va, &vb, None) }
            { pair_chart(&frontiers(&a, &b, &c)) }
            <p><a href={open} target="_blank" rel="noopener" data-testid="open-comparison">{ "Open this comparison in Backcast" }</a></p>
        </section>
    }
}
