//! Labelled form controls that speak in scenario keys.

use crate::components::markup::filled;
use crate::tpl;
use yew::prelude::*;

/// Called with `(key, text)` whenever a control changes.
pub type OnEdit = Callback<(String, String)>;

pub struct NumberFieldProps<'a> {
    /// The scenario key, also the control's id (`<prefix>field-<key>`).
    pub key_name: AttrValue,
    /// Before each id: "" for the page's plan, `b-` for plan B.
    pub prefix: &'static str,
    pub label: AttrValue,
    /// The unit shown after the input ("USD", "GB-s"), or empty.
    pub unit: AttrValue,
    pub hint: AttrValue,
    pub value: AttrValue,
    pub error: Option<AttrValue>,
    /// Free text (`rows`) rather than a number: no decimal keypad.
    pub text: bool,
    pub on_edit: &'a OnEdit,
}

/// A text input for a number (`inputmode="decimal"`, so the exact text a
/// person types is what the core parses). A plain function, not a
/// component: it has no state, and its parent re-renders it on every
/// change anyway (the `on_edit` callback is new each time).
pub fn number_field(p: &NumberFieldProps) -> Html {
    let id = format!("{}field-{}", p.prefix, p.key_name);
    let hint_id = format!("{id}-hint");
    let err_id = format!("{id}-error");
    let oninput = {
        let key = p.key_name.to_string();
        let on_edit = p.on_edit.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            on_edit.emit((key.clone(), input.value()));
        })
    };
    let described = if p.error.is_some() {
        format!("{hint_id} {err_id}")
    } else {
        hint_id.clone()
    };
    let inner = html! {
        <>
            { filled(tpl!(r#"<label for="{}">{}</label>"#), [&id, &p.label]) }
            <div class="control">
                <input id={id} type="text" inputmode={if p.text { "text" } else { "decimal" }} autocomplete="off" spellcheck="false"
                    data-testid={format!("{}input-{}", p.prefix, p.key_name)}
                    value={p.value.clone()} {oninput}
                    aria-invalid={if p.error.is_some() { "true" } else { "false" }}
                    aria-describedby={described} />
                if !p.unit.is_empty() { { filled(tpl!(r#"<span class="unit">{}</span>"#), [&p.unit]) } }
            </div>
            { filled(tpl!(r#"<p class="hint" id="{}">{}</p>"#), [&hint_id, &p.hint]) }
            if let Some(err) = &p.error {
                <p class="error" id={err_id} role="alert" data-testid={format!("{}error-{}", p.prefix, p.key_name)}>{ err.clone() }</p>
            }
        </>
    };
    // The same <div> either way, so the input keeps its focus when its
    // message comes or goes.
    html! { <div class={classes!("field", p.error.is_some().then_some("invalid"))}>{ inner }</div> }
}

#[derive(Properties, PartialEq, Clone)]
pub struct SelectFieldProps {
    pub key_name: &'static str,
    pub prefix: &'static str,
    pub label: &'static str,
    pub hint: &'static str,
    pub value: AttrValue,
    /// `(value, label)` pairs.
    pub options: &'static [(&'static str, &'static str)],
    pub on_edit: OnEdit,
}

/// A drop-down for a key with fixed choices: a component, because it keeps
/// its control in step with the scenario itself. `selected` attributes
/// only choose the option on the first render (and in a prerender); once a
/// person has picked one, the field sets its control's value after each
/// render where the scenario's value changed (a preset, Back/Forward).
#[component]
pub fn SelectField(p: &SelectFieldProps) -> Html {
    let control = use_node_ref();
    {
        let control = control.clone();
        use_effect_with(p.value.clone(), move |value| {
            if let Some(select) = control.cast::<web_sys::HtmlSelectElement>() {
                if select.value() != **value {
                    select.set_value(value);
                }
            }
        });
    }
    let id = format!("{}field-{}", p.prefix, p.key_name);
    let hint_id = format!("{id}-hint");
    let onchange = {
        let key = p.key_name.to_string();
        let on_edit = p.on_edit.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            on_edit.emit((key.clone(), select.value()));
        })
    };
    html! {
        <div class="field">
            { filled(tpl!(r#"<label for="{}">{}</label>"#), [&id, p.label]) }
            <div class="control">
                <select ref={control} id={id} data-testid={format!("{}input-{}", p.prefix, p.key_name)} {onchange} aria-describedby={hint_id.clone()}>
                    { for p.options.iter().map(|&(v, l)| html! {
                        <option value={v} selected={v == p.value}>{ l }</option>
                    }) }
                </select>
            </div>
            { filled(tpl!(r#"<p class="hint" id="{}">{}</p>"#), [&hint_id, p.hint]) }
        </div>
    }
}

pub struct CheckFieldProps<'a> {
    pub key_name: AttrValue,
    pub prefix: &'static str,
    pub label: AttrValue,
    pub hint: AttrValue,
    /// The key's text: `1` checked, `0` not.
    pub value: AttrValue,
    pub on_edit: &'a OnEdit,
}

/// A checkbox for a `0`/`1` key (a plain function, as `number_field`).
pub fn check_field(p: &CheckFieldProps) -> Html {
    let id = format!("{}field-{}", p.prefix, p.key_name);
    let hint_id = format!("{id}-hint");
    let onchange = {
        let key = p.key_name.to_string();
        let on_edit = p.on_edit.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            on_edit.emit((key.clone(), if input.checked() { "1" } else { "0" }.into()));
        })
    };
    html! {
        <div class="field check">
            <div class="control">
                <input id={id.clone()} type="checkbox" checked={p.value == "1"} {onchange}
                    data-testid={format!("{}input-{}", p.prefix, p.key_name)} aria-describedby={hint_id.clone()} />
                { filled(tpl!(r#"<label for="{}">{}</label>"#), [&id, &p.label]) }
            </div>
            { filled(tpl!(r#"<p class="hint" id="{}">{}</p>"#), [&hint_id, &p.hint]) }
        </div>
    }
}
