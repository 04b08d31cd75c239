//! The root component: the calculator page.

use crate::components::embed::EmbedView;
use crate::components::export::ExportPanel;
use crate::components::field::{NumberField, SelectField};
use crate::components::notice::LinkNotice;
use crate::components::share::SharePanel;
use crate::components::table::RequestsTable;
use crate::hooks::use_url_sync;
use crate::state::{Action, State};
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone, Default)]
pub struct AppProps {
    /// The query string the page was opened with (`?budget=7…`). The
    /// entry point reads it from the location; a prerender passes "".
    #[prop_or_default]
    pub query: AttrValue,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let query = props.query.clone();
    let state = use_reducer(move || State::from_query(&query));
    use_url_sync(&state);
    let on_edit = {
        let state = state.dispatcher();
        Callback::from(move |(key, text): (String, String)| state.dispatch(Action::Edit(key, text)))
    };
    let on_dismiss = {
        let state = state.dispatcher();
        Callback::from(move |()| state.dispatch(Action::DismissNotice))
    };
    if state.scenario.embed {
        return html! {
            <EmbedView view={state.view.clone()} scenario={state.scenario.clone()}
                notice={state.notice.clone()} {on_dismiss} />
        };
    }
    let v = &state.view;
    let period = v.period;
    html! {
        <>
        <header class="masthead">
            <h1>{ "Backcast" }</h1>
            <p class="tagline">{ "Fix a cloud budget; see what it buys." }</p>
        </header>
        <main id="main">
            <LinkNotice problems={state.notice.clone()} {on_dismiss} />
            <section class="inputs" aria-labelledby="inputs-title">
                <h2 id="inputs-title">{ "Budget" }</h2>
                <div class="fields">
                    <NumberField key_name="budget" label="Budget" unit={format!("USD per {period}")}
                        hint="The cost target the scenario must fit."
                        value={state.text("budget")} error={state.error("budget").map(AttrValue::from)}
                        on_edit={on_edit.clone()} />
                    <SelectField key_name="period" label="Period" value={state.text("period")}
                        hint="Budget, requests and every cost are per this period."
                        options={vec![("day".into(), "Day".into()), ("month".into(), "Month (730 hours)".into())]}
                        on_edit={on_edit.clone()} />
                    <NumberField key_name="requests" label="Requests needed" unit={format!("per {period}")}
                        hint="Units of user value the system must serve."
                        value={state.text("requests")} error={state.error("requests").map(AttrValue::from)}
                        on_edit={on_edit.clone()} />
                    <NumberField key_name="gbs" label="Lambda GB-s per request" unit="GB-s"
                        hint="Memory (GB) × duration (s), all invocations of one request together."
                        value={state.text("gbs")} error={state.error("gbs").map(AttrValue::from)}
                        on_edit={on_edit.clone()} />
                </div>
            </section>
            <section class="results" aria-labelledby="results-title" aria-live="polite">
                <h2 id="results-title">{ "What the budget buys" }</h2>
                <dl class="figures">
                    { for v.figures.iter().enumerate().map(|(i, f)| html! {
                        <div class={classes!("figure", f.alert.then_some("alert"))} data-testid={format!("figure-{i}")}>
                            <dt>{ f.label.clone() }</dt>
                            <dd class="value">{ f.value.clone() }</dd>
                            <dd class="detail">{ f.detail.clone() }</dd>
                        </div>
                    }) }
                </dl>
                <RequestsTable rows={v.table.clone()} period={period} budget={v.budget.clone()}
                    note={v.rows_note.clone().map(AttrValue::from)} />
                <p class="hint price-note" data-testid="price-note">{ v.price_note.clone() }</p>
            </section>
            <SharePanel scenario={state.scenario.clone()} />
            <ExportPanel view={state.view.clone()} scenario={state.scenario.clone()} />
        </main>
        </>
    }
}
