//! Export what the page shows: the table as Markdown (for wikis and
//! READMEs) or CSV, with the screen's units, period and rounding, or the
//! `solve` result as JSON; with a plan B in the link, the comparison too.
//! Each can be copied or downloaded.

use backcast_core::compare::compare;
use backcast_core::export::{csv, markdown};
use backcast_core::report::{self, Output};
use backcast_core::view::View;
use backcast_core::Scenario;
use yew::prelude::*;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Markdown,
    Csv,
    Json,
    /// Plan B against plan A (only with a plan B).
    Compare(Output),
}

impl Format {
    const PLAN: [Format; 3] = [Format::Markdown, Format::Csv, Format::Json];
    const COMPARISON: [Format; 3] = [
        Format::Compare(Output::Markdown),
        Format::Compare(Output::Csv),
        Format::Compare(Output::Json),
    ];
    fn key(self) -> &'static str {
        match self {
            Format::Markdown => "markdown",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Compare(Output::Markdown) => "compare-markdown",
            Format::Compare(Output::Csv) => "compare-csv",
            Format::Compare(Output::Json) => "compare-json",
        }
    }
    fn label(self) -> &'static str {
        match self {
            Format::Markdown => "Markdown table",
            Format::Csv => "CSV",
            Format::Json => "JSON (solve result)",
            Format::Compare(Output::Markdown) => "A against B, Markdown",
            Format::Compare(Output::Csv) => "A against B, CSV",
            Format::Compare(Output::Json) => "A against B, JSON",
        }
    }
    fn file(self) -> (&'static str, &'static str) {
        match self {
            Format::Markdown => ("backcast.md", "text/markdown"),
            Format::Csv => ("backcast.csv", "text/csv"),
            Format::Json => ("backcast.json", "application/json"),
            Format::Compare(Output::Markdown) => ("backcast-compare.md", "text/markdown"),
            Format::Compare(Output::Csv) => ("backcast-compare.csv", "text/csv"),
            Format::Compare(Output::Json) => ("backcast-compare.json", "application/json"),
        }
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct ExportProps {
    pub a: Scenario,
    /// Plan B, when the link holds a comparison.
    #[prop_or_default]
    pub b: Option<Scenario>,
}

#[component]
pub fn ExportPanel(p: &ExportProps) -> Html {
    let format = use_state_eq(|| Format::Markdown);
    // Opening moves focus to the panel's first control, so keyboard users
    // stay in place.
    use_effect_with((), |_| focus_first_format());
    let f = match (*format, &p.b) {
        (Format::Compare(_), None) => Format::Markdown,
        (f, _) => f,
    };
    let text = match (f, &p.b) {
        (Format::Markdown, _) => markdown(&View::new(&p.a)),
        (Format::Csv, _) => csv(&View::new(&p.a)),
        (Format::Json, _) => solve_json(&p.a),
        (Format::Compare(out), Some(b)) => report::compare(&p.a, b, &compare(&p.a, b), out),
        (Format::Compare(_), None) => String::new(),
    };
    let formats: Vec<Format> = if p.b.is_some() {
        Format::PLAN.into_iter().chain(Format::COMPARISON).collect()
    } else {
        Format::PLAN.to_vec()
    };
    html! {
        <section class="export tool-panel" aria-labelledby="export-title" data-testid="export">
            <h3 id="export-title">{ "Export" }</h3>
            <fieldset class="export-formats">
                <legend>{ "Format" }</legend>
                { for formats.into_iter().map(|g| {
                    let onchange = {
                        let format = format.clone();
                        Callback::from(move |_: Event| format.set(g))
                    };
                    html! {
                        <label class="export-format">
                            <input type="radio" name="export-format" value={g.key()} checked={f == g}
                                {onchange} data-testid={format!("export-format-{}", g.key())} />
                            { g.label() }
                        </label>
                    }
                }) }
            </fieldset>
            <label for="export-text" class="visually-hidden">{ format!("{} export", f.label()) }</label>
            <textarea id="export-text" readonly=true rows="12" spellcheck="false" value={text.clone()}
                data-testid="export-text" />
            <super::TextActions text={text} file={Some(f.file())} shown_in="export-text" testid="export" />
            <p class="hint">{ "The table exactly as shown above (same units, period and rounding); JSON is the solve() result of the JavaScript API and the command line. A against B is what the command line's --compare prints." }</p>
        </section>
    }
}

#[cfg(target_arch = "wasm32")]
fn solve_json(s: &Scenario) -> String {
    crate::web::solve_json(s).unwrap_or_default()
}

#[cfg(not(target_arch = "wasm32"))]
fn solve_json(s: &Scenario) -> String {
    let r = backcast_core::api::ApiResult::new(s, &backcast_core::solve(s));
    serde_json::to_string_pretty(&r).unwrap_or_default()
}

#[cfg(target_arch = "wasm32")]
fn focus_first_format() {
    use wasm_bindgen::JsCast;
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector("[data-testid=export-format-markdown]")
                .ok()
                .flatten()
        })
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = el {
        let _ = el.focus();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn focus_first_format() {}
