//! The root component: the calculator page.

use crate::components::breakdown::{breakdown, price_note, BreakdownProps};
use crate::components::chart::frontier_chart;
use crate::components::embed::{embed_view, use_height_messages, EmbedArgs};
use crate::components::figures::figures;
use crate::components::form::{scenario_form, FormProps};
use crate::components::headroom::headroom;
use crate::components::markup::fixed;
use crate::components::notice::{book_notice, link_notice};
use crate::components::presets::preset_picker;
use crate::components::share::SharePanel;
use crate::components::table::{requests_table, TableView};
use crate::hooks::use_url_sync;
use crate::state::{Action, State};
use backcast_core::helper::HelperField;
use backcast_core::presets;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone, Default)]
pub struct AppProps {
    /// The query string the page was opened with (`?budget=7…`). The
    /// entry point reads it from the location; a prerender passes "".
    #[prop_or_default]
    pub query: AttrValue,
    /// Edits to apply at once: what was typed into the prerendered form
    /// before the app started (`dom::typed_before_start`).
    #[prop_or_default]
    pub typed: Vec<(String, String)>,
    /// The page's address without its query (`https://…/`), for the
    /// absolute share and embed links. The entry point reads it from the
    /// location; a prerender, which never shows them, passes "".
    #[prop_or_default]
    pub page_url: AttrValue,
    /// The build's prerender of the default page: without the share panel
    /// and the tools' buttons, which are below the fold and do nothing
    /// before the app starts (it renders them then), so the first visit's
    /// HTML is smaller.
    #[prop_or_default]
    pub prerender: bool,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let (query, typed) = (props.query.clone(), props.typed.clone());
    let state = use_reducer(move || State::start(&query, typed));
    // Runs after the whole first render (children first): the page is
    // unmarked and the focus restored only once the new DOM is there.
    use_effect_with((), |_| crate::dom::page_ready());
    use_url_sync(&state);
    let on_edit = {
        let state = state.dispatcher();
        Callback::from(move |(key, text): (String, String)| state.dispatch(Action::Edit(key, text)))
    };
    let on_dismiss = {
        let state = state.dispatcher();
        Callback::from(move |()| state.dispatch(Action::DismissNotice))
    };
    let embed_root = use_node_ref();
    use_height_messages(embed_root.clone(), state.scenario.embed);
    if state.scenario.embed {
        return embed_view(&EmbedArgs {
            root: embed_root,
            view: &state.view,
            scenario: &state.scenario,
            notice: &state.notice,
            on_dismiss: &on_dismiss,
        });
    }
    let on_pick = {
        let state = state.dispatcher();
        Callback::from(move |id: &'static str| {
            if let Some(p) = presets::by_id(id) {
                state.dispatch(Action::Load(Box::new(p.scenario().0)));
            }
        })
    };
    let on_helper = {
        let state = state.dispatcher();
        Callback::from(move |(f, text): (HelperField, String)| {
            state.dispatch(Action::Helper(f, text))
        })
    };
    let on_apply_helper = {
        let state = state.dispatcher();
        Callback::from(move |()| state.dispatch(Action::ApplyHelper))
    };
    let on_fold = {
        let state = state.dispatcher();
        Callback::from(move |id: &'static str| state.dispatch(Action::Fold(id)))
    };
    let v = &state.view;
    let period = v.period;
    html! {
        <>
        { fixed(r##"<a class="skip" href="#results-title">Skip to results</a><header class="masthead"><h1>Backcast</h1><p class="tagline">Fix a cloud budget; see what it buys.</p></header>"##) }
        <main id="main">
            { link_notice(&state.notice, &on_dismiss) }
            { book_notice(v.book_notice.as_ref()) }
            { preset_picker(v.preset, &on_pick) }
            <div class="layout">
                <div class="results-top">
                    { figures(&v.verdict, v.verdict_ok, &v.figures) }
                </div>
                <section class="inputs" aria-labelledby="inputs-title">
                    { fixed(r#"<h2 id="inputs-title">Scenario</h2>"#) }
                    { scenario_form(&FormProps { groups: &v.form, period, state: &state,
                        on_edit: &on_edit, on_helper: &on_helper, on_apply_helper: &on_apply_helper, on_fold: &on_fold, prefix: "" }) }
                </section>
                <div class="results">
                    { headroom(&v.headroom_note, &v.headroom) }
                    { frontier_chart(&v.chart) }
                    { requests_table(&TableView { rows: &v.table, period, budget: &v.budget,
                        needed: &v.needed, arch: v.arch, note: v.rows_note.as_deref(),
                        rows_text: state.text("rows").into(), rows_error: state.error("rows").map(AttrValue::from),
                        on_edit: Some(&on_edit) }) }
                    { breakdown(&BreakdownProps { period, services: &v.services, lines: &v.breakdown,
                        total_per_request: &v.total_per_request, total_per_period: &v.total_per_period,
                        needed: &v.needed }) }
                    { price_note(&v.price_note) }
                </div>
            </div>
            if !props.prerender {
                <SharePanel scenario={state.scenario.clone()} page_url={props.page_url.clone()} />
                { fixed(crate::components::TOOLS) }
            }
        </main>
        </>
    }
}
