//! The scenario's inputs, grouped by service, each a labelled control.

use crate::components::field::{
    check_field, number_field, CheckFieldProps, NumberFieldProps, OnEdit, SelectField,
};
use crate::components::helper::{gbs_helper, HelperProps};
use crate::components::markup::filled;
use crate::state::State;
use crate::tpl;
use backcast_core::form::{Field, Group, Kind};
use backcast_core::helper::HelperField;
use yew::prelude::*;

/// What the form lays out (borrowed from the state and the view model).
pub struct FormProps<'a> {
    pub groups: &'a [Group],
    pub period: &'a str,
    /// Each key's text (the draft being typed, or the scenario's value)
    /// and inline message.
    pub state: &'a State,
    pub on_edit: &'a OnEdit,
    pub on_helper: &'a Callback<(HelperField, String)>,
    pub on_apply_helper: &'a Callback<()>,
    /// Opens or closes a folded group.
    pub on_fold: &'a Callback<&'static str>,
    /// Before each control's id and test id: "" for the page's plan, `b-`
    /// for plan B (`tools::compare`).
    pub prefix: &'static str,
}

fn control(f: &Field, p: &FormProps) -> Html {
    let value = AttrValue::from(p.state.text(f.key));
    let error = p.state.error(f.key).map(AttrValue::from);
    match f.kind {
        Kind::Number | Kind::Text => number_field(&NumberFieldProps {
            key_name: f.key.into(),
            prefix: p.prefix,
            label: f.label.into(),
            unit: f.unit_for(p.period).into(),
            hint: f.hint.into(),
            value,
            error,
            text: f.kind == Kind::Text,
            on_edit: p.on_edit,
        }),
        Kind::Choice(options) => html! {
            <SelectField key_name={f.key} prefix={p.prefix} label={f.label} hint={f.hint}
                value={value} {options} on_edit={p.on_edit.clone()} />
        },
        Kind::Flag => check_field(&CheckFieldProps {
            key_name: f.key.into(),
            prefix: p.prefix,
            label: f.label.into(),
            hint: f.hint.into(),
            value,
            on_edit: p.on_edit,
        }),
    }
}

/// A group's fields; a folded group not in use lays them out only once
/// opened (the first visit's HTML stays small), behind a summary that
/// opens it.
fn fields(g: &Group, p: &FormProps) -> Html {
    let list = html! {
        <div class="fields">
            { for g.fields.iter().map(|f| control(f, p)) }
        </div>
    };
    let Some(false) = g.fold else {
        return list;
    };
    let open = p.state.unfolded.contains(&g.id);
    let onclick = {
        let (id, on_fold) = (g.id, p.on_fold.clone());
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            on_fold.emit(id)
        })
    };
    html! {
        <details class="fold" {open}>
            <summary data-testid="fold" {onclick}>{ if open { "Hide" } else { "Add to the plan" } }</summary>
            if open { { list } }
        </details>
    }
}

/// A plain function, not a component (no state of its own; a component
/// costs the wasm its own copy of Yew's lifecycle code).
pub fn scenario_form(p: &FormProps) -> Html {
    html! {
        <form class="scenario" aria-label="Scenario" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            { for p.groups.iter().map(|g| {
                html! {
                    <fieldset class="group" data-testid={format!("{}group-{}", p.prefix, g.id)} aria-describedby={format!("{}group-{}-note", p.prefix, g.id)}>
                        { filled(tpl!(r#"<legend id="{}group-{}-title">{}</legend><p class="hint group-note" id="{}group-{}-note">{}</p>"#),
                            [p.prefix, g.id, g.title, p.prefix, g.id, g.note]) }
                        { fields(g, p) }
                        // The helper writes gbs and invocations, which a
                        // pipeline of functions replaces.
                        if g.id == "lambda" && g.fields.iter().any(|f| f.key == "gbs") {
                            { gbs_helper(&HelperProps { input: &p.state.helper, output: &p.state.helper_out,
                                on_edit: p.on_helper, on_apply: p.on_apply_helper,
                                open: p.state.unfolded.contains(&"helper"), on_toggle: p.on_fold, prefix: p.prefix }) }
                        }
                    </fieldset>
                }
            }) }
        </form>
    }
}
