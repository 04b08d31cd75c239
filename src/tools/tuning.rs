//! Lambda Power Tuning results priced against the plan (issue 16): paste
//! the results page's link or the state machine's output JSON; each
//! measured memory size gets its GB-s per request, the requests the
//! budget buys and whether the needed volume fits; the one that leaves
//! the most headroom is marked, and one action applies it to the plan
//! (`backcast_core::tuning`).

use super::Host;
use backcast_core::fragment::Fragment;
use backcast_core::number::{format_count, format_number, format_sig, format_usd};
use backcast_core::tuning::{apply, best, evaluate, parse, to_text};
use backcast_core::Scenario;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct TuningProps {
    pub a: Scenario,
    pub query: AttrValue,
    pub hash: AttrValue,
    pub host: Host,
}

#[component]
pub fn TuningPanel(p: &TuningProps) -> Html {
    // The measurements a link holds (`#tuning=…`), else none yet.
    let text = {
        let hash = p.hash.clone();
        use_state(move || Fragment::parse(&hash).tuning.unwrap_or_default())
    };
    let function = use_state_eq(|| 0usize);
    // What was pasted goes into the link's fragment as measurements, so a
    // link shows the same table; cleared, it leaves the link.
    let on_input = {
        let (text, host, hash) = (text.clone(), p.host.clone(), p.hash.clone());
        Callback::from(move |e: InputEvent| {
            let t: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            let value = t.value();
            let mut f = Fragment::parse(&hash);
            let keep = if value.trim().is_empty() {
                Some(None)
            } else {
                parse(&value).ok().map(|t| Some(to_text(&t)))
            };
            if let Some(tuning) = keep {
                if f.tuning != tuning {
                    f.tuning = tuning;
                    host.set_hash.emit(f.hash());
                }
            }
            text.set(value);
        })
    };
    let fns = &p.a.fns.0;
    let which = (!fns.is_empty()).then_some((*function).min(fns.len().saturating_sub(1)));
    let on_function = {
        let function = function.clone();
        Callback::from(move |e: Event| {
            let s: web_sys::HtmlSelectElement = e.target_unchecked_into();
            function.set(s.value().parse().unwrap_or(0));
        })
    };
    let parsed = (!text.trim().is_empty()).then(|| parse(&text));
    let body = match &parsed {
        None => Html::default(),
        Some(Err(e)) => {
            html! { <p class="error" role="alert" data-testid="tuning-error">{ format!("Not Power Tuning results: {e}") }</p> }
        }
        Some(Ok(t)) => {
            let rows = evaluate(&p.a, t, which);
            let top = best(&rows);
            let period = p.a.period.key();
            let target = match which {
                Some(i) => format!("function {}", fns.get(i).map_or("", |f| f.name.as_str())),
                None => "the plan's GB-s per invocation".to_string(),
            };
            let apply_button = top.and_then(|i| rows.get(i)).map(|r| {
                let onclick = {
                    let (host, a, r, hash) =
                        (p.host.clone(), p.a.clone(), r.clone(), p.hash.clone());
                    Callback::from(move |_: MouseEvent| {
                        let s = apply(&a, &r, which);
                        host.set_plan.emit((
                            format!("?{}", s.to_query(true)),
                            Fragment::parse(&hash).hash(),
                        ));
                    })
                };
                html! {
                    <button type="button" {onclick} data-testid="tuning-apply">
                        { format!("Apply {} MB to {target}", format_number(r.memory_mb, 0)) }
                    </button>
                }
            });
            html! {
                <>
                    { for t.warnings.iter().map(|w| html! { <p class="hint" data-testid="tuning-warning">{ w.clone() }</p> }) }
                    <p class="hint" data-testid="tuning-against">{ format!("Each measured memory size for {target}, against {} per {period} and {} requests per {period}.", format_usd(p.a.budget), format_number(p.a.requests, 2)) }</p>
                    <div class="table-wrap">
                        <table class="costs tuning-table" data-testid="tuning-table">
                            <caption class="visually-hidden">{ "Measured memory sizes" }</caption>
                            <thead><tr>
                                <th scope="col">{ "Memory" }</th><th scope="col">{ "Duration" }</th><th scope="col">{ "GB-s per request" }</th>
                                <th scope="col">{ format!("Requests per {period} the budget buys") }</th><th scope="col">{ "Needed volume" }</th>
                                <th scope="col">{ format!("Cost per {period}") }</th>
                            </tr></thead>
                            <tbody>
                                { for rows.iter().enumerate().map(|(i, r)| {
                                    let bought = match r.max_requests.count() { Some(n) => format_count(n), None => "unlimited".into() };
                                    let fit = match (r.fits, r.headroom) {
                                        (true, Some(h)) => format!("fits, {} to spare", format_number(h, 0)),
                                        (true, None) => "fits".to_string(),
                                        (false, Some(h)) => format!("does not fit, {} short", format_number(-h, 0)),
                                        (false, None) => "does not fit".to_string(),
                                    };
                                    let is_top = top == Some(i);
                                    html! {
                                        <tr class={classes!(is_top.then_some("best"), (!r.fits).then_some("over"))} data-testid="tuning-row">
                                            <th scope="row">{ format!("{} MB", format_number(r.memory_mb, 0)) }
                                                if is_top { <span class="badge" data-testid="tuning-best">{ "most headroom" }</span> }</th>
                                            <td>{ format!("{} ms", format_number(r.duration_ms, 3)) }</td>
                                            <td>{ format_sig(r.gbs_per_request, 4) }</td>
                                            <td>{ bought }</td>
                                            <td>{ fit }</td>
                                            <td>{ format_usd(r.cost) }</td>
                                        </tr>
                                    }
                                }) }
                            </tbody>
                        </table>
                    </div>
                    if top.is_none() {
                        <p class="error" data-testid="tuning-none">{ "At no measured memory size does the needed volume fit the budget." }</p>
                    }
                    { for apply_button }
                </>
            }
        }
    };
    html! {
        <section class="tool-panel tuning" aria-labelledby="tuning-title" data-testid="tuning">
            <h3 id="tuning-title">{ "Plan from Lambda Power Tuning results" }</h3>
            <p class="hint">{ "Paste the link of Power Tuning's results page, or its state machine's output JSON (power, averageDuration or duration, averagePrice or cost per memory size)." }</p>
            if fns.len() > 1 {
                <div class="field">
                    <label for="tuning-function">{ "Measured function" }</label>
                    <div class="control">
                        <select id="tuning-function" onchange={on_function} data-testid="tuning-function">
                            { for fns.iter().enumerate().map(|(i, f)| html! {
                                <option value={i.to_string()} selected={which == Some(i)}>{ f.name.clone() }</option>
                            }) }
                        </select>
                    </div>
                </div>
            }
            <label for="tuning-text" class="visually-hidden">{ "Power Tuning results" }</label>
            <textarea id="tuning-text" rows="5" spellcheck="false" oninput={on_input} data-testid="tuning-text" value={(*text).clone()}
                placeholder="https://lambda-power-tuning.show/#… or {\"stateMachine\": …}" />
            { body }
        </section>
    }
}
