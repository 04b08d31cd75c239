//! The GB-s helper: memory, duration and invocations in, GB-s per request
//! out (computed in the core); "Use" writes `gbs` and `invocations`.

use crate::components::field::{number_field, NumberFieldProps};
use backcast_core::helper::{HelperField, HelperInput, HelperOutput};
use yew::prelude::*;

/// What the helper lays out (borrowed from the state).
pub struct HelperProps<'a> {
    pub input: &'a HelperInput,
    pub output: &'a HelperOutput,
    pub on_edit: &'a Callback<(HelperField, String)>,
    pub on_apply: &'a Callback<()>,
    /// Whether it is open: its fields are laid out only then, so the
    /// first visit's HTML does not carry them.
    pub open: bool,
    /// Opens or closes it.
    pub on_toggle: &'a Callback<&'static str>,
    /// Before its fields' ids (`FormProps::prefix`).
    pub prefix: &'static str,
}

/// A plain function, not a component (no state of its own).
pub fn gbs_helper(p: &HelperProps) -> Html {
    let on_field = {
        let on_edit = p.on_edit.clone();
        Callback::from(move |(key, text): (String, String)| {
            if let Some(f) = HelperField::ALL
                .into_iter()
                .find(|f| key.strip_prefix("helper_") == Some(f.id()))
            {
                on_edit.emit((f, text));
            }
        })
    };
    let onclick = p.on_apply.reform(|_: MouseEvent| ());
    let ready = p.output.gbs.is_some();
    let toggle = {
        let on_toggle = p.on_toggle.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            on_toggle.emit("helper")
        })
    };
    let open = p.open;
    html! {
        <details class="helper" data-testid="gbs-helper" {open}>
            <summary onclick={toggle}>{ "Work out GB-s from memory and duration" }</summary>
            if open {
            <div class="fields">
                { for HelperField::ALL.into_iter().map(|f| number_field(&NumberFieldProps {
                    key_name: format!("helper_{}", f.id()).into(),
                    prefix: p.prefix,
                    label: f.label().into(),
                    unit: f.unit().into(),
                    hint: f.hint().into(),
                    value: p.input.get(f).to_string().into(),
                    error: p.output.error(f).map(|m| AttrValue::from(m.to_string())),
                    text: false,
                    on_edit: &on_field,
                })) }
            </div>
            <p class="helper-result" data-testid="helper-result" aria-live="polite">{ p.output.text.clone() }</p>
            <button type="button" class="primary" data-testid="apply-helper" disabled={!ready} {onclick}>
                { "Use for GB-s and invocations" }
            </button>
            }
        </details>
    }
}
