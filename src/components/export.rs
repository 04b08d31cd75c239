//! Export what the page shows: the table as Markdown (for wikis and
//! READMEs) or CSV, with the screen's units, period and rounding, or the
//! `solve` result as JSON. Each can be copied or downloaded.

use crate::components::markup::fixed;
use backcast_core::export::{csv, markdown};
use backcast_core::view::View;
use backcast_core::Scenario;
use yew::prelude::*;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Markdown,
    Csv,
    Json,
}

impl Format {
    const ALL: [Format; 3] = [Format::Markdown, Format::Csv, Format::Json];
    fn key(self) -> &'static str {
        match self {
            Format::Markdown => "markdown",
            Format::Csv => "csv",
            Format::Json => "json",
        }
    }
    fn label(self) -> &'static str {
        match self {
            Format::Markdown => "Markdown table",
            Format::Csv => "CSV",
            Format::Json => "JSON (solve result)",
        }
    }
    fn file(self) -> (&'static str, &'static str) {
        match self {
            Format::Markdown => ("backcast.md", "text/markdown"),
            Format::Csv => ("backcast.csv", "text/csv"),
            Format::Json => ("backcast.json", "application/json"),
        }
    }
}

/// The panel's own state, kept by the caller (`use_export`).
#[derive(Clone)]
pub struct ExportState {
    open: UseStateHandle<bool>,
    format: UseStateHandle<Format>,
    status: UseStateHandle<String>,
    json: UseStateHandle<String>,
}

/// The export panel's state and effects, for the scenario on screen.
#[hook]
pub fn use_export(scenario: &Scenario) -> ExportState {
    // Closed until asked for: the exports are built only while shown, so an
    // edit of a 1,000-row table does not also rebuild them.
    let open = use_state(|| false);
    let format = use_state(|| Format::Markdown);
    // Opening replaces the button that had focus: move focus to the
    // panel's first control, so keyboard users stay in place.
    use_effect_with(*open, |open| {
        if *open {
            focus_first_format();
        }
    });
    let status = use_state(String::new);
    // JSON goes through the browser's JSON.stringify, so it is made in an
    // effect; Markdown and CSV are plain core functions.
    let json = use_state(String::new);
    {
        let json = json.clone();
        use_effect_with((*open, *format, scenario.clone()), move |(open, f, s)| {
            if *open && *f == Format::Json {
                json.set(solve_json(s));
            }
        });
    }
    ExportState {
        open,
        format,
        status,
        json,
    }
}

/// A plain function, not a component (a component costs the wasm its own
/// copy of Yew's lifecycle code): `App` keeps its state with `use_export`.
pub fn export_panel(view: &View, st: &ExportState) -> Html {
    let ExportState {
        open,
        format,
        status,
        json,
    } = st;
    if !**open {
        let onclick = {
            let open = open.clone();
            Callback::from(move |_: MouseEvent| open.set(true))
        };
        return html! {
            <section class="export" aria-labelledby="export-title" data-testid="export">
                { fixed(r#"<h2 id="export-title">Export</h2><p class="hint">The table exactly as shown above, as a Markdown table or CSV, or the solve() result as JSON: to copy or download.</p>"#) }
                <button type="button" {onclick} aria-expanded="false" data-testid="export-open">{ "Show the exports" }</button>
            </section>
        };
    }
    let text = match **format {
        Format::Markdown => markdown(view),
        Format::Csv => csv(view),
        Format::Json => (**json).clone(),
    };
    let on_copy = {
        let (text, status) = (text.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            let status = status.clone();
            status.set(String::new());
            crate::dom::copy_text(
                text.clone(),
                "export-text",
                Callback::from(move |ok: bool| {
                    status.set(if ok {
                        "Copied.".into()
                    } else {
                        "Could not copy: select the text and press Ctrl+C (⌘C).".into()
                    })
                }),
            );
        })
    };
    let on_download = {
        let (text, f) = (text.clone(), **format);
        Callback::from(move |_: MouseEvent| {
            let (name, mime) = f.file();
            crate::dom::download(name, mime, &text);
        })
    };
    html! {
        <section class="export" aria-labelledby="export-title" data-testid="export">
            { fixed(r#"<h2 id="export-title">Export</h2>"#) }
            <fieldset class="export-formats">
                { fixed("<legend>Format</legend>") }
                { for Format::ALL.iter().map(|&f| {
                    let onchange = {
                        let (format, status) = (format.clone(), status.clone());
                        Callback::from(move |_: Event| { format.set(f); status.set(String::new()); })
                    };
                    html! {
                        <label class="export-format">
                            <input type="radio" name="export-format" value={f.key()} checked={**format == f}
                                {onchange} data-testid={format!("export-format-{}", f.key())} />
                            { f.label() }
                        </label>
                    }
                }) }
            </fieldset>
            <label for="export-text" class="visually-hidden">{ format!("{} export", format.label()) }</label>
            <textarea id="export-text" readonly=true rows="12" spellcheck="false" value={text}
                data-testid="export-text" />
            <div class="share-row">
                <button type="button" onclick={on_copy} data-testid="export-copy">{ "Copy" }</button>
                <button type="button" onclick={on_download} data-testid="export-download">
                    { format!("Download {}", format.file().0) }
                </button>
            </div>
            { fixed(r#"<p class="hint">The table exactly as shown above (same units, period and rounding); JSON is the solve() result of the JavaScript API and the command line.</p>"#) }
            <p class="status" role="status" aria-live="polite" data-testid="export-status">{ (**status).clone() }</p>
        </section>
    }
}

#[cfg(target_arch = "wasm32")]
fn solve_json(s: &Scenario) -> String {
    crate::web::solve_json(s).unwrap_or_default()
}

#[cfg(not(target_arch = "wasm32"))]
fn solve_json(_: &Scenario) -> String {
    String::new()
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
