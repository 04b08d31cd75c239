//! The scenario's inputs, grouped by service, each a labelled control.

use crate::components::field::{CheckField, NumberField, OnEdit, SelectField};
use crate::components::helper::GbsHelper;
use backcast_core::form::{Field, Group, Kind};
use backcast_core::helper::{HelperField, HelperInput, HelperOutput};
use std::collections::BTreeMap;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct FormProps {
    pub groups: Vec<Group>,
    pub period: AttrValue,
    /// Each key's text: the draft being typed, or the scenario's value.
    pub texts: BTreeMap<String, String>,
    /// Inline messages, by key.
    pub errors: BTreeMap<String, String>,
    pub on_edit: OnEdit,
    pub helper: HelperInput,
    pub helper_out: HelperOutput,
    pub on_helper: Callback<(HelperField, String)>,
    pub on_apply_helper: Callback<()>,
}

fn control(f: &Field, p: &FormProps) -> Html {
    let value = AttrValue::from(p.texts.get(f.key).cloned().unwrap_or_default());
    let error = p.errors.get(f.key).cloned().map(AttrValue::from);
    match f.kind {
        Kind::Number | Kind::Text => html! {
            <NumberField key_name={f.key} label={f.label} unit={f.unit_for(&p.period)}
                hint={f.hint} {value} {error} text={f.kind == Kind::Text} on_edit={p.on_edit.clone()} />
        },
        Kind::Choice(options) => html! {
            <SelectField key_name={f.key} label={f.label} hint={f.hint} {value}
                options={options.iter().map(|(v, l)| (AttrValue::Static(v), AttrValue::Static(l))).collect::<Vec<_>>()}
                on_edit={p.on_edit.clone()} />
        },
        Kind::Flag => html! {
            <CheckField key_name={f.key} label={f.label} hint={f.hint} {value}
                on_edit={p.on_edit.clone()} />
        },
    }
}

#[component]
pub fn ScenarioForm(p: &FormProps) -> Html {
    html! {
        <form class="scenario" aria-label="Scenario" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            { for p.groups.iter().map(|g| {
                let legend_id = format!("group-{}-title", g.id);
                html! {
                    <fieldset class="group" data-testid={format!("group-{}", g.id)} aria-describedby={format!("group-{}-note", g.id)}>
                        <legend id={legend_id}>{ g.title }</legend>
                        <p class="hint group-note" id={format!("group-{}-note", g.id)}>{ g.note }</p>
                        <div class="fields">
                            { for g.fields.iter().map(|f| control(f, p)) }
                        </div>
                        if g.id == "lambda" {
                            <GbsHelper input={p.helper.clone()} output={p.helper_out.clone()}
                                on_edit={p.on_helper.clone()} on_apply={p.on_apply_helper.clone()} />
                        }
                    </fieldset>
                }
            }) }
        </form>
    }
}
