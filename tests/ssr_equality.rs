//! The display sections built as HTML strings (`components::markup`):
//! the figures, the headroom table, the breakdown table and price note,
//! the requests section's heading and notes (and its `rows` field, whose
//! label, unit and hint are strings), the book and link notices, the
//! scenario form (its groups' legends and notes, each field's label, unit
//! and hint, the GB-s helper's fields), the embed view and the share
//! panel; each against the same section built with Yew's typed `html!`,
//! rendered by Yew's server renderer (not hydratable) over many
//! scenarios: a fixed list of links (every preset, both periods, arm64,
//! Step Functions Standard and Express, EventBridge, DynamoDB
//! provisioned, a pipeline, a budget too small, a broken limit, other
//! regions, an old price book, bad keys), generated ones, and a view
//! whose every text is hostile. The form is checked twice per scenario:
//! as the link opens it, and as edited (every group and the helper open,
//! bad texts typed, plan B's ids). The share panel's two strings behind
//! its "Embed" button, which no server rendering shows, are checked on
//! their own, read from its source; every string template of the form,
//! field, helper, embed and share modules must be reached by some case.
//!
//! The strings exist only to keep the wasm small; this test is what says
//! they still make the page the `html!` trees made (issue 12, item 6).
//! Each reference below is written from the same `View` fields as the
//! production function, in `html!` with `classes!` and optional attributes,
//! the way the section would be written without the size constraint.
//!
//!   cargo test --features ssr --test ssr_equality
#![cfg(all(not(target_arch = "wasm32"), feature = "ssr"))]

use std::rc::Rc;

use backcast::components::breakdown::{breakdown, price_note, BreakdownProps};
use backcast::components::chart::frontier_chart;
use backcast::components::embed::{embed_view, EmbedArgs};
use backcast::components::field::OnEdit;
use backcast::components::figures::figures;
use backcast::components::form::{scenario_form, FormProps};
use backcast::components::headroom::headroom;
use backcast::components::markup::fixed;
use backcast::components::notice::{book_notice, link_notice};
use backcast::components::share::{links, SharePanel};
use backcast::components::table::{requests_table, TableView};
use backcast::state::State;
use backcast_core::export::{table_caption, table_headers};
use backcast_core::form::{self, Field, Group, Kind};
use backcast_core::helper::{self, HelperField};
use backcast_core::presets::PRESETS;
use backcast_core::scenario::Problem;
use backcast_core::view::{
    BookNotice, BreakdownLine, Figure, HeadroomLine, ServiceLine, TableRow, View,
};
use backcast_core::Scenario;
use yew::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Section {
    Figures,
    Headroom,
    Breakdown,
    PriceNote,
    Table,
    /// The requests section as the full page shows it, with the `rows`
    /// field (its label, unit and hint are strings, `markup::filled`).
    TableField,
    BookNotice,
    LinkNotice,
    /// The scenario form (`form::scenario_form`: its groups' legends and
    /// notes, and through `field` and `helper` each control's label, unit
    /// and hint) on the state the link opens with: folded groups closed,
    /// the GB-s helper closed, no drafts, the page's own ids.
    Form,
    /// The same form as edited: every folded group and the helper open,
    /// texts typed with their messages, on plan B's ids (`b-`).
    FormEdited,
    /// `?embed=1` (`embed::embed_view`).
    Embed,
    /// The share panel (`share::SharePanel`) as it first renders.
    Share,
}

const SECTIONS: [Section; 12] = [
    Section::Figures,
    Section::Headroom,
    Section::Breakdown,
    Section::PriceNote,
    Section::Table,
    Section::TableField,
    Section::BookNotice,
    Section::LinkNotice,
    Section::Form,
    Section::FormEdited,
    Section::Embed,
    Section::Share,
];

#[derive(Properties, PartialEq, Clone)]
struct Props {
    view: Rc<View>,
    problems: Rc<Vec<Problem>>,
    /// The `rows` field's text and message.
    rows_text: AttrValue,
    rows_error: Option<AttrValue>,
    /// The form's texts, messages, open groups and helper, and the
    /// scenario that the embed view's and the share panel's links encode.
    state: Rc<State>,
    /// The form as edited (`Section::FormEdited`) and its ids' prefix.
    edited: Rc<State>,
    edited_prefix: &'static str,
    section: Section,
    /// The `html!` reference rather than the production function.
    reference: bool,
}

/// Renders one section, as production builds it or as the reference.
#[function_component]
fn One(p: &Props) -> Html {
    let v = &*p.view;
    let on_dismiss = Callback::from(|()| ());
    let on_edit: OnEdit = Callback::from(|_| ());
    let on_helper = Callback::from(|_: (HelperField, String)| ());
    let on_apply_helper = Callback::from(|()| ());
    let on_fold = Callback::from(|_: &'static str| ());
    let form = |state: &State, prefix: &'static str| {
        scenario_form(&FormProps {
            groups: &state.view.form,
            period: state.view.period,
            state,
            on_edit: &on_edit,
            on_helper: &on_helper,
            on_apply_helper: &on_apply_helper,
            on_fold: &on_fold,
            prefix,
        })
    };
    let table = TableView {
        rows: &v.table,
        period: v.period,
        budget: &v.budget,
        needed: &v.needed,
        arch: v.arch,
        note: v.rows_note.as_deref(),
        rows_text: p.rows_text.clone(),
        rows_error: p.rows_error.clone(),
        on_edit: (p.section == Section::TableField).then_some(&on_edit),
    };
    let costs = BreakdownProps {
        period: v.period,
        services: &v.services,
        lines: &v.breakdown,
        total_per_request: &v.total_per_request,
        total_per_period: &v.total_per_period,
        needed: &v.needed,
    };
    match (p.section, p.reference) {
        (Section::Figures, false) => figures(&v.verdict, v.verdict_ok, &v.figures),
        (Section::Figures, true) => figures_ref(&v.verdict, v.verdict_ok, &v.figures),
        (Section::Headroom, false) => headroom(&v.headroom_note, &v.headroom),
        (Section::Headroom, true) => headroom_ref(&v.headroom_note, &v.headroom),
        (Section::Breakdown, false) => breakdown(&costs),
        (Section::Breakdown, true) => breakdown_ref(&costs),
        (Section::PriceNote, false) => price_note(&v.price_note),
        (Section::PriceNote, true) => price_note_ref(&v.price_note),
        (Section::Table | Section::TableField, false) => requests_table(&table),
        (Section::Table | Section::TableField, true) => requests_table_ref(&table),
        (Section::BookNotice, false) => book_notice(v.book_notice.as_ref()),
        (Section::BookNotice, true) => book_notice_ref(v.book_notice.as_ref()),
        (Section::LinkNotice, false) => link_notice(&p.problems, &on_dismiss),
        (Section::LinkNotice, true) => link_notice_ref(&p.problems, &on_dismiss),
        (Section::Form, false) => form(&p.state, ""),
        (Section::Form, true) => form_ref(&p.state, ""),
        (Section::FormEdited, false) => form(&p.edited, p.edited_prefix),
        (Section::FormEdited, true) => form_ref(&p.edited, p.edited_prefix),
        (Section::Embed, false) => embed_view(&EmbedArgs {
            root: NodeRef::default(),
            view: v,
            scenario: &p.state.scenario,
            notice: &p.problems,
            on_dismiss: &on_dismiss,
        }),
        (Section::Embed, true) => embed_ref(v, &p.state.scenario, &p.problems),
        (Section::Share, false) => html! { <SharePanel scenario={p.state.scenario.clone()} /> },
        (Section::Share, true) => share_panel_ref(&p.state.scenario),
    }
}

// ---- The references, in typed `html!` ----

fn figures_ref(verdict: &str, ok: bool, figures: &[Figure]) -> Html {
    html! {
        <section class="headline" aria-labelledby="results-title">
            <h2 id="results-title">{ "What the budget buys" }</h2>
            <p class={classes!("verdict", (!ok).then_some("alert"))} data-testid="verdict" role="status">
                { verdict.to_string() }
            </p>
            <dl class="figures">
                { for figures.iter().enumerate().map(|(i, f)| html! {
                    <div data-testid={format!("figure-{i}")} class={classes!("figure", f.alert.then_some("alert"))}>
                        <dt>{ f.label.clone() }</dt>
                        <dd class="value">{ f.value.clone() }</dd>
                        <dd class="detail">{ f.detail.clone() }</dd>
                    </div>
                }) }
            </dl>
        </section>
    }
}

fn headroom_ref(note: &str, lines: &[HeadroomLine]) -> Html {
    html! {
        <section class="headroom" aria-labelledby="headroom-title" data-testid="headroom">
            <h2 id="headroom-title">{ "Headroom per service" }</h2>
            <p id="headroom-note" class="hint">{ note.to_string() }</p>
            <div class="table-wrap">
                <table aria-describedby="headroom-note" class="limits">
                    <thead>
                        <tr>
                            <th scope="col">{ "Per request" }</th>
                            <th scope="col">{ "Now" }</th>
                            <th scope="col">{ "Most that fits" }</th>
                            <th scope="col">{ "Room left" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for lines.iter().map(|h| html! {
                            <>
                                <tr data-testid={format!("headroom-{}", h.key)} class={h.over.then_some("over")}>
                                    <th scope="row">{ h.label.clone() }</th>
                                    <td>{ h.current.clone() }</td>
                                    <td class="max">{ h.max.clone() }</td>
                                    <td class="spare">{ h.spare.clone() }</td>
                                </tr>
                                if !h.pairs.is_empty() {
                                    <tr class="pairs"><td colspan="4">{ h.pairs.clone() }</td></tr>
                                }
                            </>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

fn share_ref(permille: u32, text: &str) -> Html {
    html! {
        <td class="share">
            <svg viewBox="0 0 1000 10" preserveAspectRatio="none" aria-hidden="true" focusable="false" class="bar">
                <rect width={permille.min(1000).to_string()} height="10" />
            </svg>
            { text.to_string() }
        </td>
    }
}

fn service_ref(p: &BreakdownProps, s: &ServiceLine) -> Html {
    let lines = p.lines.iter().filter(|l| l.service == s.service);
    html! {
        <tbody data-testid={format!("service-{}", s.service)}>
            <tr class={classes!("service", s.dominant.then_some("dominant"))}>
                <th scope="rowgroup">
                    { s.service }
                    if s.dominant && p.services.len() > 1 { <span class="badge">{ "largest" }</span> }
                </th>
                <td>{ s.per_request.clone() }</td>
                <td>{ s.per_period.clone() }</td>
                { share_ref(s.permille, &s.share_text) }
            </tr>
            { for lines.map(line_ref) }
        </tbody>
    }
}

fn line_ref(l: &BreakdownLine) -> Html {
    html! {
        <tr data-testid={l.dominant.then_some("dominant-line")}
            class={classes!("dimension", l.dominant.then_some("dominant"))}>
            <th scope="row">
                { l.dimension }
                if l.dominant { <span class="badge">{ "dominates" }</span> }
            </th>
            <td>{ l.per_request.clone() }</td>
            <td>{ l.per_period.clone() }</td>
            { share_ref(l.permille, &l.share_text) }
        </tr>
    }
}

fn breakdown_ref(p: &BreakdownProps) -> Html {
    html! {
        <section class="breakdown" aria-labelledby="breakdown-title" data-testid="breakdown">
            <h2 id="breakdown-title">{ "Where the money goes" }</h2>
            <div class="table-wrap">
                <table class="costs">
                    <caption>
                        { format!("Cost of {} requests per {}, by service and dimension", p.needed, p.period) }
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Service / dimension" }</th>
                            <th scope="col">{ "Per request" }</th>
                            <th scope="col">{ format!("Per {}", p.period) }</th>
                            <th scope="col" class="share">{ "Share" }</th>
                        </tr>
                    </thead>
                    { for p.services.iter().map(|s| service_ref(p, s)) }
                    <tfoot>
                        <tr>
                            <th scope="row">{ "Total" }</th>
                            <td>{ p.total_per_request.to_string() }</td>
                            <td data-testid="total-per-period">{ p.total_per_period.to_string() }</td>
                            <td class="share"></td>
                        </tr>
                    </tfoot>
                </table>
            </div>
        </section>
    }
}

fn price_note_ref(note: &str) -> Html {
    html! { <p data-testid="price-note" class="hint price-note">{ note.to_string() }</p> }
}

/// The whole requests section (its table is `html!` in production too;
/// the heading and the notes are the strings under test).
fn requests_table_ref(p: &TableView) -> Html {
    let (x86, arm) = (p.arch == "x86_64", p.arch == "arm64");
    let [h_gbs, h_x86, h_arm] = table_headers(p.period);
    let row = |r: &TableRow| {
        html! {
            <tr class={r.meets.then_some("meets")} aria-current={r.meets.then_some("true")}>
                <td>{ r.gbs.clone() }</td>
                <td class={x86.then_some("current")}>{ r.x86.clone() }</td>
                <td class={arm.then_some("current")}>{ r.arm64.clone() }</td>
            </tr>
        }
    };
    html! {
        <section class="table" aria-labelledby="table-title">
            <h2 id="table-title">{ "GB-s to requests" }</h2>
            if let (Some(on_edit), Some(rows)) = (p.on_edit, form::field("rows")) {
                <div class="rows-field no-print">{ rows_field_ref(&rows, p, on_edit) }</div>
            }
            <div class="table-wrap">
                <table class="requests" data-testid="requests-table">
                    <caption>{ table_caption(p.period, p.budget) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ h_gbs }</th>
                            <th scope="col" class={x86.then_some("current")}>{ h_x86 }</th>
                            <th scope="col" class={arm.then_some("current")}>{ h_arm }</th>
                        </tr>
                    </thead>
                    <tbody>{ for p.rows.iter().map(row) }</tbody>
                </table>
            </div>
            if !p.needed.is_empty() {
                <p class="hint legend">
                    <span aria-hidden="true" class="swatch"></span>
                    { format!(
                        "Highlighted: the largest GB-s per request whose requests still cover the needed {} per {} ({}).",
                        p.needed, p.period, p.arch
                    ) }
                </p>
            }
            if let Some(note) = p.note {
                <p data-testid="rows-note" class="hint">{ note.to_string() }</p>
            }
        </section>
    }
}

/// `field::number_field` for the `rows` key, as `table` calls it.
fn rows_field_ref(f: &form::Field, p: &TableView, on_edit: &OnEdit) -> Html {
    number_field_ref(&FieldRef {
        key: f.key,
        prefix: "",
        label: f.label,
        unit: f.unit,
        hint: f.hint,
        value: &p.rows_text,
        error: p.rows_error.as_deref(),
        text: true,
        on_edit: Some(on_edit),
    })
}

/// What a reference control lays out.
struct FieldRef<'a> {
    key: &'a str,
    prefix: &'a str,
    label: &'a str,
    unit: &'a str,
    hint: &'a str,
    value: &'a str,
    error: Option<&'a str>,
    /// `inputmode="text"` rather than `decimal`.
    text: bool,
    on_edit: Option<&'a OnEdit>,
}

/// `field::number_field`.
fn number_field_ref(f: &FieldRef) -> Html {
    let id = format!("{}field-{}", f.prefix, f.key);
    let hint_id = format!("{id}-hint");
    let err_id = format!("{id}-error");
    let on_edit = f.on_edit.cloned().unwrap_or_default();
    let oninput = Callback::from(move |_: InputEvent| on_edit.emit((String::new(), String::new())));
    let described = match f.error {
        Some(_) => format!("{hint_id} {err_id}"),
        None => hint_id.clone(),
    };
    html! {
        <div class={classes!("field", f.error.is_some().then_some("invalid"))}>
            <label for={id.clone()}>{ f.label }</label>
            <div class="control">
                <input id={id} type="text" inputmode={if f.text { "text" } else { "decimal" }}
                    autocomplete="off" spellcheck="false"
                    data-testid={format!("{}input-{}", f.prefix, f.key)}
                    value={f.value.to_string()} {oninput}
                    aria-invalid={if f.error.is_some() { "true" } else { "false" }}
                    aria-describedby={described} />
                if !f.unit.is_empty() { <span class="unit">{ f.unit }</span> }
            </div>
            <p class="hint" id={hint_id}>{ f.hint }</p>
            if let Some(err) = f.error {
                <p class="error" id={err_id} role="alert" data-testid={format!("{}error-{}", f.prefix, f.key)}>
                    { err.to_string() }
                </p>
            }
        </div>
    }
}

/// `field::SelectField` (a component in production; its `NodeRef` and
/// effect leave no trace in the markup).
fn select_field_ref(f: &FieldRef, options: &[(&str, &str)]) -> Html {
    let id = format!("{}field-{}", f.prefix, f.key);
    let hint_id = format!("{id}-hint");
    html! {
        <div class="field">
            <label for={id.clone()}>{ f.label }</label>
            <div class="control">
                <select id={id} data-testid={format!("{}input-{}", f.prefix, f.key)}
                    aria-describedby={hint_id.clone()}>
                    { for options.iter().map(|&(v, l)| html! {
                        <option value={v.to_string()} selected={v == f.value}>{ l }</option>
                    }) }
                </select>
            </div>
            <p class="hint" id={hint_id}>{ f.hint }</p>
        </div>
    }
}

/// `field::check_field`.
fn check_field_ref(f: &FieldRef) -> Html {
    let id = format!("{}field-{}", f.prefix, f.key);
    let hint_id = format!("{id}-hint");
    html! {
        <div class="field check">
            <div class="control">
                <input id={id.clone()} type="checkbox" checked={f.value == "1"}
                    data-testid={format!("{}input-{}", f.prefix, f.key)}
                    aria-describedby={hint_id.clone()} />
                <label for={id}>{ f.label }</label>
            </div>
            <p class="hint" id={hint_id}>{ f.hint }</p>
        </div>
    }
}

/// `form::control`: the field of `f`'s kind, with its text and message.
fn control_ref(f: &Field, period: &str, state: &State, prefix: &str) -> Html {
    let (value, error, unit) = (state.text(f.key), state.error(f.key), f.unit_for(period));
    let r = FieldRef {
        key: f.key,
        prefix,
        label: f.label,
        unit: &unit,
        hint: f.hint,
        value: &value,
        error: error.as_deref(),
        text: f.kind == Kind::Text,
        on_edit: None,
    };
    match f.kind {
        Kind::Number | Kind::Text => number_field_ref(&r),
        Kind::Choice(options) => select_field_ref(&r, options),
        Kind::Flag => check_field_ref(&r),
    }
}

/// `form::fields`: a group's fields, behind a summary when it folds.
fn fields_ref(g: &Group, period: &str, state: &State, prefix: &str) -> Html {
    let list = html! {
        <div class="fields">
            { for g.fields.iter().map(|f| control_ref(f, period, state, prefix)) }
        </div>
    };
    if g.fold != Some(false) {
        return list;
    }
    let open = state.unfolded.contains(&g.id);
    html! {
        <details class="fold" {open}>
            <summary data-testid="fold">{ if open { "Hide" } else { "Add to the plan" } }</summary>
            if open { { list } }
        </details>
    }
}

/// `helper::gbs_helper`.
fn helper_ref(state: &State, prefix: &str) -> Html {
    let open = state.unfolded.contains(&"helper");
    let (input, output) = (&state.helper, &state.helper_out);
    html! {
        <details class="helper" data-testid="gbs-helper" {open}>
            <summary>{ "Work out GB-s from memory and duration" }</summary>
            if open {
                <div class="fields">
                    { for HelperField::ALL.into_iter().map(|f| number_field_ref(&FieldRef {
                        key: &format!("helper_{}", f.id()),
                        prefix,
                        label: f.label(),
                        unit: f.unit(),
                        hint: f.hint(),
                        value: input.get(f),
                        error: output.error(f),
                        text: false,
                        on_edit: None,
                    })) }
                </div>
                <p class="helper-result" data-testid="helper-result" aria-live="polite">
                    { output.text.clone() }
                </p>
                <button type="button" class="primary" data-testid="apply-helper" disabled={output.gbs.is_none()}>
                    { "Use for GB-s and invocations" }
                </button>
            }
        </details>
    }
}

/// `form::scenario_form`, as `App` calls it: the groups of the state's view.
fn form_ref(state: &State, prefix: &str) -> Html {
    let period = state.view.period;
    html! {
        <form class="scenario" aria-label="Scenario">
            { for state.view.form.iter().map(|g| html! {
                <fieldset class="group" data-testid={format!("{prefix}group-{}", g.id)}
                    aria-describedby={format!("{prefix}group-{}-note", g.id)}>
                    <legend id={format!("{prefix}group-{}-title", g.id)}>{ g.title }</legend>
                    <p class="hint group-note" id={format!("{prefix}group-{}-note", g.id)}>{ g.note }</p>
                    { fields_ref(g, period, state, prefix) }
                    if g.id == "lambda" && g.fields.iter().any(|f| f.key == "gbs") {
                        { helper_ref(state, prefix) }
                    }
                </fieldset>
            }) }
        </form>
    }
}

/// `embed::embed_view`, from the other references (its notices, figures
/// and table are strings in production too) and the chart (typed `html!`
/// in production, so the production function is the reference).
fn embed_ref(v: &View, scenario: &Scenario, problems: &[Problem]) -> Html {
    let mut full = scenario.clone();
    full.embed = false;
    let open = format!("?{}", full.to_query(true));
    let table = TableView {
        rows: &v.table,
        period: v.period,
        budget: &v.budget,
        needed: &v.needed,
        arch: v.arch,
        note: v.rows_note.as_deref(),
        rows_text: AttrValue::default(),
        rows_error: None,
        on_edit: None,
    };
    html! {
        <div class="embed" data-testid="embed">
            { link_notice_ref(problems, &Callback::from(|()| ())) }
            { book_notice_ref(v.book_notice.as_ref()) }
            <div class="compact" data-testid="embed-answer">
                { figures_ref(&v.verdict, v.verdict_ok, &v.figures) }
            </div>
            { requests_table_ref(&table) }
            { frontier_chart(&v.chart) }
            <div id="tools-embed"></div>
            <p class="embed-foot">
                <span class="hint">{ v.price_note.clone() }</span>
                <a href={open} target="_blank" rel="noopener" data-testid="open-in-backcast">{ "Open in Backcast" }</a>
            </p>
        </div>
    }
}

/// `share::SharePanel` as the server renders it: with no page address
/// (so the link is relative to ""), no copy status, the embed code hidden
/// (its two strings: `share_panel_hidden_refs`).
fn share_panel_ref(scenario: &Scenario) -> Html {
    let (link, _) = links("", scenario);
    html! {
        <section class="share" aria-labelledby="share-title" data-testid="share">
            <h2 id="share-title">{ "Share" }</h2>
            <label for="share-link">{ "Link to this scenario" }</label>
            <div class="share-row">
                <input id="share-link" type="text" readonly=true value={link} data-testid="share-link"
                    aria-describedby="share-link-hint" />
                <button type="button" data-testid="copy-link">{ "Copy link" }</button>
                <button type="button" data-testid="embed-button" aria-expanded="false"
                    aria-controls="embed-panel">{ "Embed" }</button>
            </div>
            <p class="hint" id="share-link-hint">
                { "The whole scenario is in the link, with its price book, so it shows the same numbers for anyone, years from now." }
            </p>
            <p class="status" role="status" aria-live="polite" data-testid="copy-status"></p>
        </section>
    }
}

/// The share panel's strings that show only once "Embed" is pressed, which
/// a server rendering cannot do: in `share.rs`'s order.
fn share_panel_hidden_refs() -> Vec<Html> {
    vec![
        html! { <label for="embed-code">{ "Embed code for a blog or wiki" }</label> },
        html! {
            <p class="hint">
                { "A compact, read-only view. The script lets the frame fit its content; without it, set a fixed height." }
            </p>
        },
    ]
}

fn book_notice_ref(n: Option<&BookNotice>) -> Html {
    let Some(n) = n else {
        return Html::default();
    };
    html! {
        <section class="notice book-notice" role="status" data-testid="book-notice">
            <p>{ n.text.clone() }</p>
            <a href={n.href.clone()} data-testid="reprice">{ n.action.clone() }</a>
        </section>
    }
}

fn link_notice_ref(problems: &[Problem], on_dismiss: &Callback<()>) -> Html {
    if problems.is_empty() {
        return html! {};
    }
    let more = problems.len().saturating_sub(12);
    let onclick = on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <section class="notice" role="status" aria-live="polite" data-testid="link-notice">
            <div>
                <strong>{ "Some of this link could not be used; everything else was kept." }</strong>
                <ul>
                    { for problems.iter().take(12).map(|pr| html! {
                        <li><code>{ pr.key.clone() }</code>{ ": " }{ pr.message.clone() }</li>
                    }) }
                    if more > 0 { <li>{ format!("and {more} more") }</li> }
                </ul>
            </div>
            <button type="button" class="dismiss" {onclick} data-testid="dismiss-notice" aria-label="Dismiss this notice">{ "Dismiss" }</button>
        </section>
    }
}

// ---- Rendering and comparing ----

fn render(base: &Props, section: Section, reference: bool) -> String {
    let renderer = yew::LocalServerRenderer::<One>::with_props(Props {
        section,
        reference,
        ..base.clone()
    })
    .hydratable(false);
    futures::executor::block_on(renderer.render())
}

/// The two renderings in a form where only what the DOM holds counts.
///
/// The one difference that is not in the DOM: `markup::escape_into`
/// escapes `"` and `'` in text too (`&quot;`, `&#39;`) and `'` in
/// attribute values (`&#39;`), where Yew's server renderer writes them as
/// they are (html_escape's `encode_text` escapes only `& < >`, and
/// `encode_double_quoted_attribute` only `& < > "`). Each parses to the
/// same character, so those two entities are decoded where Yew leaves the
/// character bare: `&quot;` in text, `&#39;` in text and in attribute
/// values. `&`, `<` and `>` are escaped alike by both everywhere, so a
/// bare `<` or `>` only ever opens or closes a tag, and the scan below
/// knows whether it is inside a tag. Nothing else is touched: element
/// names, attribute names, their order, quoting and all other text must
/// match byte for byte.
fn dom_form(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    let mut rest = html;
    while let Some(c) = rest.chars().next() {
        if c == '<' {
            in_tag = true;
        } else if c == '>' {
            in_tag = false;
        } else if let Some(r) = rest.strip_prefix("&#39;") {
            out.push('\'');
            rest = r;
            continue;
        } else if !in_tag {
            if let Some(r) = rest.strip_prefix("&quot;") {
                out.push('"');
                rest = r;
                continue;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Where two strings first differ, with some context.
fn first_difference(a: &str, b: &str) -> String {
    let at = a
        .char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map(|((i, _), _)| i)
        .unwrap_or(a.len().min(b.len()));
    let from = a[..at].char_indices().rev().nth(80).map_or(0, |(i, _)| i);
    let tail = |s: &str| s[from..].chars().take(240).collect::<String>();
    format!(
        "at byte {at}:\n  production: …{}\n  html!:      …{}",
        tail(a),
        tail(b)
    )
}

/// `html` with each tag's `class` attribute moved after its others (for
/// the one known difference in order, below), the rest of each tag as it
/// is. Attribute values hold no bare `<`, `>` (both renderers escape
/// them) and are double-quoted by both.
fn class_last(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let close = open + rest[open..].find('>').expect("a tag ends");
        let tag = &rest[open + 1..close];
        // Split on the spaces between attributes: outside quotes.
        let (mut parts, mut quoted, mut from) = (Vec::new(), false, 0);
        for (i, c) in tag.char_indices() {
            match c {
                '"' => quoted = !quoted,
                ' ' if !quoted => {
                    parts.push(&tag[from..i]);
                    from = i + 1;
                }
                _ => {}
            }
        }
        parts.push(&tag[from..]);
        if let Some(i) = parts.iter().skip(1).position(|a| a.starts_with("class=")) {
            let class = parts.remove(i + 1);
            parts.push(class);
        }
        out.push('<');
        out.push_str(&parts.join(" "));
        out.push('>');
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// Sections where a string writes `class` before another attribute,
/// where `html!` always writes it last (yew-macro chains the `class`
/// attribute after the others; `yew_writes_class_last` shows it):
/// - the book notice's `<section class=… role=… data-testid=…>`
///   (`notice::book_notice`), also in the embed view;
/// - each field's hint, `<p class="hint" id=…>` (the one template of
///   `field::number_field`, `SelectField` and `check_field`): the `rows`
///   field, every field of the form and of the GB-s helper;
/// - each form group's note, `<p class="hint group-note" id=…>`
///   (`form::scenario_form`);
/// - the share link's hint, `<p class="hint" id="share-link-hint">`
///   (`share::SharePanel`).
///
/// Attribute order changes no selector, style, ARIA or event; it shows
/// only in `Element.attributes` and `outerHTML`. For these sections only,
/// each tag is compared with its `class` moved last, so that any other
/// difference in order still fails. A finding, not a bug in behaviour:
/// `markup`'s doc says its strings keep the order of the `html!` trees,
/// and these do not.
const CLASS_FIRST: &[Section] = &[
    Section::BookNotice,
    Section::TableField,
    Section::Form,
    Section::FormEdited,
    Section::Embed,
    Section::Share,
];

/// One scenario, as each section needs it.
struct Case {
    view: View,
    problems: Vec<Problem>,
    /// The `rows` field's text and message.
    rows: (String, Option<String>),
    /// The state the link opens with, and the form as edited on
    /// `edited_prefix`'s ids.
    state: State,
    edited: State,
    edited_prefix: &'static str,
}

/// Both renderings of `case`, section by section, must agree.
fn check_view(case: Case, what: &str) -> Result<Vec<String>, String> {
    let (rows_text, rows_error) = case.rows;
    let base = Props {
        view: Rc::new(case.view),
        problems: Rc::new(case.problems),
        rows_text: rows_text.into(),
        rows_error: rows_error.map(AttrValue::from),
        state: Rc::new(case.state),
        edited: Rc::new(case.edited),
        edited_prefix: case.edited_prefix,
        section: Section::Figures,
        reference: false,
    };
    let mut out = Vec::new();
    for section in SECTIONS {
        let got = render(&base, section, false);
        let want = render(&base, section, true);
        let (mut g, mut w) = (dom_form(&got), dom_form(&want));
        if CLASS_FIRST.contains(&section) {
            (g, w) = (class_last(&g), class_last(&w));
        }
        if g != w {
            return Err(format!(
                "{section:?} differs for {what}\n{}",
                first_difference(&g, &w)
            ));
        }
        out.push(got);
    }
    Ok(out)
}

/// Texts typed into the form before it is checked as edited: values that
/// fail, with markup and quotes in them, so that messages show.
const TYPED: &[(&str, &str)] = &[
    ("budget", r#"12 <b>&'"</b>"#),
    ("requests", "-3"),
    ("gbs", "1e9"),
    ("sfn_transitions", "x"),
];

/// The state `link` opens with, edited: `TYPED` typed, every folded
/// group and the GB-s helper opened, and a helper field out of range.
fn edited(link: &str) -> State {
    let typed = TYPED.iter().map(|&(k, t)| (k.to_string(), t.to_string()));
    let mut s = State::start(link, typed.collect());
    s.unfolded = s
        .view
        .form
        .iter()
        .filter(|g| g.fold == Some(false))
        .map(|g| g.id)
        .collect();
    s.unfolded.push("helper");
    s.helper.set(HelperField::MemoryMb, "64".into());
    s.helper_out = helper::compute(&s.helper);
    s
}

/// Every section of `link`'s view, production against reference; the
/// production renderings, in `SECTIONS` order.
fn check(link: &str) -> Result<Vec<String>, String> {
    let state = State::from_query(link);
    let rows = (state.scenario.get("rows").unwrap_or_default(), None);
    let case = Case {
        view: (*state.view).clone(),
        problems: state.notice.clone(),
        rows,
        edited: edited(link),
        state,
        edited_prefix: "b-",
    };
    check_view(case, &format!("?{link}"))
}

// ---- The scenarios ----

const LINKS: &[&str] = &[
    "",
    "budget=7&period=day&requests=3000&gbs=128",
    "budget=200&period=month&requests=3000000&gbs=2",
    "budget=7&period=day&requests=3000&gbs=128&arch=arm64",
    "budget=30&period=month&requests=100000&gbs=1&sfn=standard&sfn_transitions=6",
    "budget=30&period=month&requests=100000&gbs=1&sfn=express&sfn_express_ms=800&sfn_express_mb=128",
    "budget=5&period=day&requests=10000&gbs=2&eb_events=3&eb_event_kb=70",
    "budget=50&period=month&requests=1000000&gbs=1&ddb_mode=provisioned&ddb_reads=2&ddb_writes=1&ddb_storage_gb=5",
    "budget=50&period=month&requests=1000000&ddb_reads=3&ddb_read=strong&ddb_writes=2&ddb_write=transactional",
    "budget=40&period=month&requests=2000000\
     &fns=api:512:120,worker:1024:800:2&cold_pct=1&init_ms=300&logs=1&apigw=http&sqs=standard",
    "budget=1&period=day&requests=3000000&gbs=500",
    "budget=100000&requests=100000000&peak=5&fns=api:128:200",
    "budget=7&period=day&requests=3000&gbs=128&region=eu-west-1",
    "budget=20&period=month&requests=5000000&arch=arm64&fns=api:512:100&region=af-south-1&apigw=rest",
    "budget=10&period=day&requests=20000&prices=2026-11&region=eu-central-1&ddb_reads=2&ddb_writes=1",
    "budget=10&period=month&requests=2000&gbs=4&free_tier=1&s3_gets=2&s3_puts=1&s3_storage_gb=20\
     &egress_kb=50&nat=1&nat_kb=20&sns_publishes=1&sns_http=2",
    "budget=3&period=day&requests=1000&gbs=8&rows=1,2,4,8,16,32,64,128,256,512,1024",
    "budget=3&period=day&requests=1000&gbs=8&rows=1:5000:1",
    "budget=0&period=day&requests=0&gbs=0",
    // Bad keys and values: the link notice, with more than it shows, and
    // keys that need escaping.
    "budget=abc&period=week&requests=-5&gbs=%3Cb%3E&arch=%22x%27&zz%3Ci%3E%26%27=1\
     &a1=1&a2=2&a3=3&a4=4&a5=5&a6=6&a7=7&a8=8&a9=9&a10=10",
    "budget=7&fns=bad%3Cspec%3E:x:%27y%27&cold_pct=200&logs=2",
];

#[test]
fn every_section_matches_its_html_reference_on_the_fixed_links() {
    let mut links: Vec<String> = LINKS.iter().map(|s| s.to_string()).collect();
    for p in PRESETS {
        links.push(p.query.to_string());
        // The preset on the other period, the other architecture, and in
        // an other region.
        links.push(format!("{}&period=month", p.query));
        links.push(format!(
            "{}&period=day&arch=arm64&region=eu-west-1",
            p.query
        ));
    }
    let (mut failures, mut seen) = (Vec::new(), String::new());
    for l in &links {
        match check(l) {
            Ok(rendered) => seen.extend(rendered),
            Err(e) => failures.push(e),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} links differ:\n\n{}",
        failures.len(),
        links.len(),
        failures.join("\n\n")
    );
    // The links reach every branch of the strings under test.
    for branch in [
        r#"class="figure alert""#,
        r#"class="verdict alert""#,
        r#"<tr class="pairs">"#,
        r#"class="over""#,
        r#"<span class="badge">largest</span>"#,
        r#"<span class="badge">dominates</span>"#,
        r#"<tr class="service">"#,
        r#"class="hint legend""#,
        r#"data-testid="rows-note""#,
        r#"class="current""#,
        r#"<span class="unit">"#,
        r#"data-testid="book-notice""#,
        r#"data-testid="link-notice""#,
        "more</li>",
        // Escaped values: the entities that `dom_form` reads.
        "&#39;",
        "&amp;",
        // The form: groups folded and opened, each kind of field, with
        // and without a message, on both prefixes; the helper open; the
        // embed view's and the share panel's strings.
        r#"<details class="fold">"#,
        r#"<details open="open" class="fold">"#,
        r#"<details data-testid="gbs-helper" open="open" class="helper">"#,
        r#"class="field check""#,
        "<select ",
        r#"class="field invalid""#,
        r#"<p class="hint" id="b-field-helper_memory_mb-hint">"#,
        r#"<legend id="b-group-"#,
        r#"<legend id="group-"#,
        r#"data-testid="embed""#,
        r#"data-testid="share""#,
    ] {
        assert!(seen.contains(branch), "no link renders {branch}");
    }
    // Every string template of the form, the fields, the helper, the embed
    // view and the share panel was rendered (each of its pieces between
    // holes), but for the share panel's hidden ones (checked apart).
    let hidden = share_panel_hidden();
    for (file, src) in SOURCES {
        for t in templates(src) {
            let reached = t.split("{}").all(|piece| seen.contains(piece));
            assert!(
                reached || hidden.contains(&t),
                "no link renders {file}'s {t}"
            );
        }
    }
}

#[test]
fn the_dom_form_decodes_only_what_yew_leaves_bare() {
    assert_eq!(
        dom_form(r#"<p title="a&quot;b&#39;c">&quot;x&#39; &amp; &lt;</p>"#),
        r#"<p title="a&quot;b'c">"x' &amp; &lt;</p>"#
    );
    // `&amp;quot;` is a literal "&quot;" in the DOM: kept as it is.
    assert_eq!(dom_form("<p>&amp;quot;</p>"), "<p>&amp;quot;</p>");
    // `class` moved last and nothing else; a space inside a value splits
    // nothing.
    assert_eq!(
        class_last(r#"<p class="hint a" role="x y" id="x">t <b class="c">u</b></p>"#),
        r#"<p role="x y" id="x" class="hint a">t <b class="c">u</b></p>"#
    );
    // No other order is forgiven.
    assert_ne!(
        class_last(r#"<p id="x" role="r" class="c">"#),
        class_last(r#"<p role="r" id="x" class="c">"#)
    );
}

#[derive(Properties, PartialEq, Clone)]
struct PieceProps {
    /// A string the production code writes as it is (`fixed`)...
    markup: &'static str,
    /// ...or else, by index, the reference it is checked against.
    reference: Option<usize>,
}

/// A piece of static markup, or one `html!` reference: for the strings
/// that no server rendering reaches, and for what Yew itself writes.
#[function_component]
fn Piece(p: &PieceProps) -> Html {
    match p.reference {
        None => fixed(p.markup),
        Some(i) => piece_refs().swap_remove(i),
    }
}

/// The references `Piece` renders: the share panel's hidden strings, then
/// a tag whose `class` is written first in the source.
fn piece_refs() -> Vec<Html> {
    let mut refs = share_panel_hidden_refs();
    refs.push(html! { <p class="hint" id="x" role="note">{ "t" }</p> });
    refs
}

fn render_piece(markup: &'static str, reference: Option<usize>) -> String {
    let renderer = yew::LocalServerRenderer::<Piece>::with_props(PieceProps { markup, reference })
        .hydratable(false);
    futures::executor::block_on(renderer.render())
}

#[test]
fn yew_writes_class_last() {
    // The premise of `CLASS_FIRST`: whatever the order in `html!`.
    let i = piece_refs().len() - 1;
    assert_eq!(
        render_piece("", Some(i)),
        r#"<p id="x" role="note" class="hint">t</p>"#
    );
}

/// The string templates (`fixed(…)`, `tpl!(…)`) of the sections this test
/// covers, read from their source: each must be reached by a scenario (or
/// be one of the share panel's hidden strings, checked on its own).
const SOURCES: [(&str, &str); 5] = [
    ("form.rs", include_str!("../src/components/form.rs")),
    ("field.rs", include_str!("../src/components/field.rs")),
    ("helper.rs", include_str!("../src/components/helper.rs")),
    ("embed.rs", include_str!("../src/components/embed.rs")),
    ("share.rs", include_str!("../src/components/share.rs")),
];

/// Each string literal that `src` passes to `fixed(` or `tpl!(`, in order.
fn templates(src: &'static str) -> Vec<&'static str> {
    let mut out = Vec::new();
    for opener in ["fixed(", "tpl!("] {
        for (at, _) in src.match_indices(opener) {
            let rest = &src[at + opener.len()..];
            let lit = if let Some(r) = rest.strip_prefix("r#\"") {
                &r[..r.find("\"#").expect("a raw string ends")]
            } else if let Some(r) = rest.strip_prefix('"') {
                let lit = &r[..r.find('"').expect("a string ends")];
                assert!(!lit.contains('\\'), "an escape in {lit}: read it");
                lit
            } else {
                // Not a literal (a definition, a constant): not a template here.
                continue;
            };
            out.push((at, lit));
        }
    }
    out.sort();
    out.into_iter().map(|(_, lit)| lit).collect()
}

/// The share panel's strings that its first rendering does not show
/// (the embed code's, behind the "Embed" button).
fn share_panel_hidden() -> Vec<&'static str> {
    let state = State::from_query("");
    let base = Props {
        view: state.view.clone(),
        problems: Rc::new(Vec::new()),
        rows_text: AttrValue::default(),
        rows_error: None,
        edited: Rc::new(state.clone()),
        state: Rc::new(state),
        edited_prefix: "",
        section: Section::Share,
        reference: false,
    };
    let shown = render(&base, Section::Share, false);
    let hidden: Vec<_> = templates(SOURCES[4].1)
        .into_iter()
        .filter(|t| !shown.contains(t))
        .collect();
    // The panel itself rendered, with its strings that show.
    assert!(shown.contains(r#"data-testid="share""#), "{shown}");
    hidden
}

#[test]
fn the_share_panels_hidden_strings_match_their_html_references() {
    let hidden = share_panel_hidden();
    let refs = share_panel_hidden_refs();
    assert_eq!(
        hidden.len(),
        refs.len(),
        "the strings behind \"Embed\": {hidden:?}"
    );
    for (i, markup) in hidden.into_iter().enumerate() {
        let (g, w) = (render_piece(markup, None), render_piece("", Some(i)));
        assert_eq!(dom_form(&g), dom_form(&w), "{}", first_difference(&g, &w));
    }
}

/// Each key that generated links draw from, with a few of its values
/// (valid, at the edges, and some not).
const CHOICES: &[(&str, &[&str])] = &[
    (
        "budget",
        &["0", "0.5", "7", "20", "130", "5000", "100000", "x"],
    ),
    ("period", &["day", "month"]),
    ("requests", &["0", "1", "3000", "5000000", "100000000"]),
    ("gbs", &["0.1", "1", "128", "900"]),
    ("arch", &["x86_64", "arm64"]),
    (
        "region",
        &["us-east-1", "eu-west-1", "af-south-1", "eu-central-1"],
    ),
    ("prices", &["2026-11", "2026-12"]),
    (
        "fns",
        &[
            "api:512:120",
            "api:512:120,worker:1024:800:2",
            "a:128:1,b:10240:900000",
        ],
    ),
    ("cold_pct", &["0", "1", "50"]),
    ("init_ms", &["100", "300"]),
    ("logs", &["0", "1"]),
    ("apigw", &["http", "rest", "none"]),
    ("sqs", &["standard", "fifo", "none"]),
    ("sfn", &["standard", "express", "none"]),
    ("sfn_transitions", &["2", "8"]),
    ("eb_events", &["0", "2"]),
    ("ddb_mode", &["on_demand", "provisioned"]),
    ("ddb_reads", &["0", "2"]),
    ("ddb_writes", &["0", "1"]),
    ("ddb_storage_gb", &["0", "50"]),
    ("peak", &["1", "5", "100"]),
    ("concurrency", &["0", "10"]),
    ("free_tier", &["0", "1"]),
    ("s3_gets", &["0", "3"]),
    ("rows", &["1,2,3", "1:64:1", "5", "0:3000:1", "1-64"]),
    ("nat", &["0", "1"]),
];

/// How many generated links the test checks.
const GENERATED: u64 = 120;

/// Generated link number `n`: each key of `CHOICES` present with
/// probability 1/2, with one of its values (a fixed pseudo-random
/// sequence, splitmix64, so a failure names a link that reproduces).
/// No property-test crate: the root crate has none as a dev-dependency,
/// and the links are what matter here, not shrinking.
fn generated(n: u64) -> String {
    let mut state = n.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x5EED;
    let mut next = move || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let mut parts = Vec::new();
    for (key, values) in CHOICES {
        let r = next();
        if r & 1 == 1 {
            let v = values[((r >> 1) % values.len() as u64) as usize];
            parts.push(format!("{key}={v}"));
        }
    }
    parts.join("&")
}

#[test]
fn every_section_matches_its_html_reference_on_generated_links() {
    let failures: Vec<String> = (0..GENERATED)
        .filter_map(|n| check(&generated(n)).err())
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {GENERATED} generated links differ:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

/// Text that must stay text wherever a view puts it.
const HOSTILE: &str = r#"<b a="1" b='2'>&amp; "x" 'y' & < > ≥ €</b>"#;

#[test]
fn every_hole_escapes_as_yew_does() {
    // The API preset (several services, a pipeline, headroom pairs) on
    // the old book (a book notice), with every text of the view replaced.
    let mut state = State::from_query(&format!(
        "{}&prices=2026-11&region=eu-central-1",
        PRESETS[1].query
    ));
    let mut v = (*state.view).clone();
    let h = || HOSTILE.to_string();
    v.period = HOSTILE;
    v.budget = h();
    v.needed = h();
    v.verdict = h();
    v.rows_note = Some(h());
    v.total_per_request = h();
    v.total_per_period = h();
    v.headroom_note = h();
    v.price_note = h();
    for f in &mut v.figures {
        (f.label, f.value, f.detail) = (h(), h(), h());
    }
    for r in &mut v.table {
        (r.gbs, r.x86, r.arm64) = (h(), h(), h());
    }
    for l in &mut v.headroom {
        l.key = HOSTILE;
        (l.label, l.current, l.max, l.spare, l.pairs) = (h(), h(), h(), h(), h());
    }
    for l in &mut v.services {
        l.service = HOSTILE;
        (l.per_request, l.per_period, l.share_text) = (h(), h(), h());
    }
    for l in &mut v.breakdown {
        (l.service, l.dimension) = (HOSTILE, HOSTILE);
        (l.per_request, l.per_period, l.share_text) = (h(), h(), h());
    }
    let n = v.book_notice.as_mut().expect("the old book has a notice");
    (n.text, n.href, n.action) = (h(), h(), h());
    v.form = hostile_groups();
    // The form's texts and messages, open groups and helper.
    for key in [HOSTILE, "gbs", "free_tier"] {
        state.drafts.insert(key.into(), h());
        state.errors.insert(key.into(), h());
    }
    state.drafts.insert("free_tier".into(), "1".into());
    state.unfolded = vec![HOSTILE_FOLD, "helper"];
    for f in HelperField::ALL {
        state.helper.set(f, h());
    }
    state.helper_out = helper::compute(&state.helper);
    state.view = Rc::new(v.clone());
    let problems = vec![Problem {
        key: h(),
        message: h(),
    }];
    let case = Case {
        view: v,
        problems,
        rows: (h(), Some(h())),
        edited: state.clone(),
        state,
        edited_prefix: HOSTILE,
    };
    let rendered = check_view(case, "hostile texts").unwrap_or_else(|e| panic!("{e}"));
    let all = rendered.concat();
    // Every entity `dom_form` reads was written, and no hostile tag.
    for entity in ["&quot;", "&#39;", "&amp;amp;", "&lt;b"] {
        assert!(all.contains(entity), "{entity}");
    }
    assert!(!all.contains("<b a="), "a value became markup");
    // The hostile texts reached the form's strings: its legends and
    // notes, labels, units and hints, and the edited form's ids.
    let form = &rendered[SECTIONS.iter().position(|s| *s == Section::Form).unwrap()];
    let edited = &rendered[SECTIONS
        .iter()
        .position(|s| *s == Section::FormEdited)
        .unwrap()];
    for (what, html) in [("form", form), ("edited form", edited)] {
        for tag in ["</legend>", "</label>", "</span>", "</p>"] {
            assert!(
                html.split(tag)
                    .filter(|t| t.ends_with("&lt;/b&gt;"))
                    .count()
                    >= 2,
                "no hostile text ends a {tag} in the {what}"
            );
        }
    }
    assert!(
        edited.contains(r#"id="&lt;b a=&quot;1&quot;"#),
        "the hostile prefix"
    );
}

/// Ends a unit with the period, which the view makes hostile too.
const HOSTILE_UNIT: &str = r#"<u>&"'{period}"#;
/// A folded group's id, opened.
const HOSTILE_FOLD: &str = r#"f"&'<>"#;
const HOSTILE_OPTIONS: &[(&str, &str)] = &[(HOSTILE, HOSTILE), ("1", HOSTILE)];

/// Groups whose every text is hostile: one of each kind of field, the
/// Lambda group with `gbs` (so the helper shows), a folded group opened
/// and one left closed.
fn hostile_groups() -> Vec<Group> {
    let field = |key, kind| Field {
        key,
        label: HOSTILE,
        unit: HOSTILE_UNIT,
        hint: HOSTILE,
        kind,
    };
    let group = |id, fields, fold| Group {
        id,
        title: HOSTILE,
        note: HOSTILE,
        fields,
        fold,
    };
    let all = vec![
        field(HOSTILE, Kind::Number),
        field(HOSTILE, Kind::Text),
        field(HOSTILE, Kind::Choice(HOSTILE_OPTIONS)),
        field(HOSTILE, Kind::Flag),
        field("free_tier", Kind::Flag),
    ];
    vec![
        group(HOSTILE, all.clone(), None),
        group("lambda", vec![field("gbs", Kind::Number)], Some(true)),
        group(HOSTILE_FOLD, all.clone(), Some(false)),
        group("closed", all, Some(false)),
    ]
}
