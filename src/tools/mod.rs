//! The page's second module (`backcast-tools`, `src/tools_main.rs`),
//! loaded when first used, so a first visit never pays for it: the
//! exports, plan against actual spend (issue 15), plan B beside plan A
//! and Lambda Power Tuning results (issue 16). Its own Yew app renders
//! into the page's `#tools` section (`crate::components::TOOLS`).
//!
//! It reads the scenario as the page does, from the address: plan A from
//! the query, plan B and a shared summary of actual spend from the
//! fragment (`backcast_core::fragment`). What it changes, it writes to the
//! address too: the fragment itself, or plan A's query (a swap, a
//! measured memory size applied), which the page then loads as it loads
//! Back and Forward.
//!
//! Components here render without the browser (tested through SSR);
//! reading files and writing the address happen in callbacks, through
//! [`Host`].

pub mod actual;
pub mod compare;
pub mod export;
pub mod tuning;

use backcast_core::fragment::Fragment;
use backcast_core::Scenario;
use yew::prelude::*;

/// One tool.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tool {
    Export,
    Actual,
    Compare,
    Tuning,
}

impl Tool {
    pub const ALL: [Tool; 4] = [Tool::Export, Tool::Actual, Tool::Compare, Tool::Tuning];

    /// Its `data-tool` name.
    pub fn id(self) -> &'static str {
        match self {
            Tool::Export => "export",
            Tool::Actual => "actual",
            Tool::Compare => "compare",
            Tool::Tuning => "tuning",
        }
    }

    pub fn from_id(id: &str) -> Option<Tool> {
        Tool::ALL.into_iter().find(|t| t.id() == id)
    }

    pub fn label(self) -> &'static str {
        match self {
            Tool::Export => "Export",
            Tool::Actual => "Plan against actual spend",
            Tool::Compare => "Compare with plan B",
            Tool::Tuning => "Power Tuning results",
        }
    }
}

/// What the tools ask of the page around them. The module's entry point
/// gives the browser's; tests and the prerender give none.
#[derive(Clone, PartialEq, Default)]
pub struct Host {
    /// Replace the address's fragment with this (`#…` or "").
    pub set_hash: Callback<String>,
    /// Load this query as plan A (`?…`), as Back and Forward do, with
    /// this fragment; a new history entry.
    pub set_plan: Callback<(String, String)>,
    /// The page's address without query and fragment, for links to copy
    /// ("" when unknown: links are then relative).
    pub page: AttrValue,
}

#[derive(Properties, PartialEq, Clone)]
pub struct ToolsProps {
    /// The address's query (`?…`) and fragment (`#…`).
    pub query: AttrValue,
    pub hash: AttrValue,
    /// The tool to open at once (the button that loaded the module).
    #[prop_or_default]
    pub open: Option<Tool>,
    #[prop_or_default]
    pub host: Host,
}

/// The tools' heading, buttons and the open tool.
#[component]
pub fn Tools(p: &ToolsProps) -> Html {
    let fragment = use_memo(p.hash.clone(), |h| Fragment::parse(h));
    let a = use_memo(p.query.clone(), |q| Scenario::from_link(q).0);
    let first = p.open.or(if fragment.b.is_some() {
        Some(Tool::Compare)
    } else if !fragment.actual.is_empty() {
        Some(Tool::Actual)
    } else if fragment.tuning.is_some() {
        Some(Tool::Tuning)
    } else {
        None
    });
    let open = use_state_eq(move || first);
    {
        // A later click on a button of the static markup, before this
        // rendered (`start` again).
        let open = open.clone();
        use_effect_with(p.open, move |o| {
            if o.is_some() {
                open.set(*o);
            }
        });
    }
    let b = fragment.plan_b();
    let panel = match *open {
        None => Html::default(),
        Some(Tool::Export) => html! {
            <export::ExportPanel a={(*a).clone()} b={b.as_ref().map(|(s, _)| s.clone())} />
        },
        Some(Tool::Actual) => html! {
            <actual::ActualPanel a={(*a).clone()} summary={fragment.actual.clone()}
                hash={p.hash.clone()} host={p.host.clone()} />
        },
        Some(Tool::Compare) => html! {
            <compare::ComparePanel query={p.query.clone()} hash={p.hash.clone()} host={p.host.clone()} />
        },
        Some(Tool::Tuning) => html! {
            <tuning::TuningPanel a={(*a).clone()} query={p.query.clone()} hash={p.hash.clone()} host={p.host.clone()} />
        },
    };
    html! {
        <>
            <h2 id="tools-title">{ "Export, check and compare" }</h2>
            <div class="tool-buttons">
                { for Tool::ALL.iter().map(|&t| {
                    let onclick = {
                        let open = open.clone();
                        Callback::from(move |_: MouseEvent| {
                            open.set(if *open == Some(t) { None } else { Some(t) })
                        })
                    };
                    let expanded = if *open == Some(t) { "true" } else { "false" };
                    html! {
                        <button type="button" data-tool={t.id()} aria-expanded={expanded} data-testid={format!("{}-open", t.id())} {onclick}>{ t.label() }</button>
                    }
                }) }
            </div>
            { panel }
        </>
    }
}

/// A copy-and-download row for a text export: `Copy`, `Download NAME`,
/// and a status line.
#[derive(Properties, PartialEq, Clone)]
pub struct TextActionsProps {
    pub text: AttrValue,
    /// The file name and MIME type of the download; none: copy only.
    #[prop_or_default]
    pub file: Option<(&'static str, &'static str)>,
    /// The id of an element showing `text` (the copy fallback selects it).
    pub shown_in: &'static str,
    pub testid: &'static str,
}

#[component]
pub fn TextActions(p: &TextActionsProps) -> Html {
    let status = use_state(String::new);
    let on_copy = {
        let (text, status, id) = (p.text.to_string(), status.clone(), p.shown_in);
        Callback::from(move |_: MouseEvent| {
            let status = status.clone();
            crate::dom::copy_text(
                text.clone(),
                id,
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
    let download = p.file.map(|(name, mime)| {
        let text = p.text.to_string();
        let onclick = Callback::from(move |_: MouseEvent| crate::dom::download(name, mime, &text));
        html! {
            <button type="button" {onclick} data-testid={format!("{}-download", p.testid)}>
                { format!("Download {name}") }
            </button>
        }
    });
    html! {
        <>
            <div class="share-row">
                <button type="button" onclick={on_copy} data-testid={format!("{}-copy", p.testid)}>{ "Copy" }</button>
                { for download }
            </div>
            <p class="status" role="status" aria-live="polite" data-testid={format!("{}-status", p.testid)}>{ (*status).clone() }</p>
        </>
    }
}
