//! The example scenarios: one button each; the pressed one is the scenario
//! on screen.

use crate::components::markup::fixed;
use backcast_core::presets::PRESETS;
use yew::prelude::*;

/// A plain function, not a component (no state; see `figures`). `active`:
/// the preset the scenario is exactly, if any; `on_pick` is called with the
/// chosen preset's id.
pub fn preset_picker(active: Option<&'static str>, on_pick: &Callback<&'static str>) -> Html {
    html! {
        <section class="presets no-print" aria-labelledby="presets-title">
            { fixed(r#"<h2 id="presets-title">Start from an example</h2>"#) }
            <ul>
                { for PRESETS.iter().map(|preset| {
                    let id = preset.id;
                    let onclick = on_pick.reform(move |_: MouseEvent| id);
                    let pressed = active == Some(id);
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
