//! The example scenarios: one button each; the pressed one is the scenario
//! on screen.

use backcast_core::presets::PRESETS;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct PresetsProps {
    /// The preset the scenario is exactly, if any.
    pub active: Option<&'static str>,
    /// Called with the chosen preset's id.
    pub on_pick: Callback<&'static str>,
}

#[component]
pub fn PresetPicker(p: &PresetsProps) -> Html {
    html! {
        <section class="presets no-print" aria-labelledby="presets-title">
            <h2 id="presets-title">{ "Start from an example" }</h2>
            <ul>
                { for PRESETS.iter().map(|preset| {
                    let id = preset.id;
                    let onclick = p.on_pick.reform(move |_: MouseEvent| id);
                    let pressed = p.active == Some(id);
                    html! {
                        <li>
                            <button type="button" class="preset" data-testid={format!("preset-{id}")}
                                aria-pressed={if pressed { "true" } else { "false" }} {onclick}>
                                <span class="preset-title">{ preset.title }</span>
                                <span class="preset-desc">{ preset.description }</span>
                            </button>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
