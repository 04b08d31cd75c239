//! Plan against actual spend (issue 15): a billing export read in this
//! page (never uploaded), brought to the plan's period and laid out per
//! service beside the plan and the budget, with bars of both.
//!
//! A file is read in blocks of 1 MB and parsed in slices of 32 KB, the
//! page given its turn every 12 ms
//! (`actual::Parser::feed`), with the page given back between slices, so
//! a 50 MB export shows its progress, can be cancelled, and never freezes
//! the page (`make bench` measures the longest slice). Nothing read goes
//! into the link unless the person ticks "Add a summary to the link".

use super::Host;
use backcast_core::actual::Actual;
use backcast_core::fragment::{self, Fragment};
use backcast_core::number::{format_number, format_usd};
use backcast_core::plan_actual::{plan_against_actual, signed_usd, PlanActual};
use backcast_core::report::{self, Output};
use backcast_core::Scenario;
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct ActualProps {
    pub a: Scenario,
    /// The summary in the link's fragment (`actual.*`), if any.
    pub summary: Vec<(String, String)>,
    pub hash: AttrValue,
    pub host: Host,
}

/// An export that was read: where from, and what it holds.
#[derive(PartialEq)]
pub struct Loaded {
    pub name: String,
    pub actual: Actual,
}

#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    /// Bytes read of the whole.
    Reading {
        name: String,
        done: f64,
        total: f64,
    },
    Failed(String),
}

/// The most problems listed; the rest are counted.
const SHOWN_ISSUES: usize = 20;

#[component]
pub fn ActualPanel(p: &ActualProps) -> Html {
    let loaded = use_state_eq(|| None::<Rc<Loaded>>);
    let status = use_state_eq(|| Status::Idle);
    let cancel = use_mut_ref(|| Rc::new(Cell::new(false)));
    let paste = use_state(String::new);
    let out = use_state_eq(|| Output::Markdown);
    // Starts reading `source`; a read already running is cancelled.
    let start = {
        let (loaded, status, cancel) = (loaded.clone(), status.clone(), cancel.clone());
        Callback::from(move |source: Source| {
            cancel.borrow().set(true);
            let flag = Rc::new(Cell::new(false));
            *cancel.borrow_mut() = flag.clone();
            let name = source.name();
            status.set(Status::Reading {
                name: name.clone(),
                done: 0.0,
                total: source.len(),
            });
            let progress = {
                let (status, name) = (status.clone(), name.clone());
                Callback::from(move |(done, total): (f64, f64)| {
                    status.set(Status::Reading {
                        name: name.clone(),
                        done,
                        total,
                    })
                })
            };
            let done = {
                let (loaded, status) = (loaded.clone(), status.clone());
                Callback::from(move |r: Result<Actual, String>| match r {
                    Ok(actual) => {
                        status.set(Status::Idle);
                        loaded.set(Some(Rc::new(Loaded {
                            name: name.clone(),
                            actual,
                        })));
                    }
                    Err(e) => status.set(Status::Failed(e)),
                })
            };
            read(source, progress, flag, done);
        })
    };
    let on_file = {
        let start = start.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(f) = input.files().and_then(|l| l.get(0)) {
                start.emit(Source::File(f));
            }
            input.set_value("");
        })
    };
    let on_drop = {
        let start = start.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if let Some(f) = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|l| l.get(0))
            {
                start.emit(Source::File(f));
            }
        })
    };
    let on_dragover = Callback::from(|e: DragEvent| e.prevent_default());
    let on_paste_input = {
        let paste = paste.clone();
        Callback::from(move |e: InputEvent| {
            let t: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            paste.set(t.value());
        })
    };
    let on_use_paste = {
        let (paste, start) = (paste.clone(), start.clone());
        Callback::from(move |_: MouseEvent| {
            if !paste.trim().is_empty() {
                start.emit(Source::Text((*paste).clone()));
            }
        })
    };
    let on_cancel = {
        let (cancel, status) = (cancel.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            cancel.borrow().set(true);
            status.set(Status::Failed("Cancelled: nothing was imported.".into()));
        })
    };
    let on_clear = {
        let (loaded, status) = (loaded.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            loaded.set(None);
            status.set(Status::Idle);
        })
    };

    // What to compare: the file read here, else the link's summary.
    let from_link = if loaded.is_none() && !p.summary.is_empty() {
        Some(fragment::from_summary(&p.summary))
    } else {
        None
    };
    let (actual, source, link_warnings): (Option<&Actual>, String, Vec<String>) =
        match (&*loaded, &from_link) {
            (Some(l), _) => (Some(&l.actual), format!("from {}", l.name), Vec::new()),
            (None, Some(Ok((a, w)))) => {
                (Some(a), "from the summary in this link".into(), w.clone())
            }
            (None, Some(Err(e))) => (
                None,
                String::new(),
                vec![format!("The link's summary: {e}")],
            ),
            (None, None) => (None, String::new(), Vec::new()),
        };
    let result = actual.map(|a| (a, plan_against_actual(&p.a, a)));

    let reading = match &*status {
        Status::Reading { name, done, total } => {
            let mb = |b: f64| {
                format_number(
                    backcast_core::Decimal::from((b / 1e5) as u64)
                        / backcast_core::Decimal::from(10),
                    1,
                )
            };
            html! {
                <div class="reading" data-testid="actual-progress">
                    <label for="actual-progress-bar">{ format!("Reading {name}: {} of {} MB", mb(*done), mb(*total)) }</label>
                    <progress id="actual-progress-bar" max={total.max(1.0).to_string()} value={done.to_string()} />
                    <button type="button" onclick={on_cancel} data-testid="actual-cancel">{ "Cancel" }</button>
                </div>
            }
        }
        Status::Failed(e) => {
            html! { <p class="error" role="alert" data-testid="actual-error">{ e.clone() }</p> }
        }
        Status::Idle => Html::default(),
    };

    let body = match result {
        None => Html::default(),
        Some((_, Err(e))) => {
            html! { <p class="error" role="alert" data-testid="actual-error">{ e }</p> }
        }
        Some((a, Ok(pa))) => {
            let summary_on = !p.summary.is_empty();
            let on_summary = {
                let (hash, host) = (p.hash.clone(), p.host.clone());
                let pairs = fragment::summary(a).unwrap_or_default();
                Callback::from(move |e: Event| {
                    let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                    let mut f = Fragment::parse(&hash);
                    f.actual = if input.checked() {
                        pairs.clone()
                    } else {
                        Vec::new()
                    };
                    host.set_hash.emit(f.hash());
                })
            };
            let text = report::actual(&pa, a, *out);
            let outs = [
                (Output::Markdown, "Markdown"),
                (Output::Csv, "CSV"),
                (Output::Json, "JSON"),
            ];
            html! {
                <>
                    { comparison(&pa, a, &source) }
                    <div class="field check">
                        <div class="control">
                            <input id="actual-summary" type="checkbox" checked={summary_on} onchange={on_summary} data-testid="actual-summary" />
                            <label for="actual-summary">{ "Add a summary to the link" }</label>
                        </div>
                        <p class="hint">{ "Only the period covered and each service's average go into the link (after #, which browsers never send to a server), so whoever opens it sees this comparison. The file itself never leaves this page." }</p>
                    </div>
                    <details class="actual-export">
                        <summary>{ "Export this comparison" }</summary>
                        <div class="export-formats" role="group" aria-label="Format">
                            { for outs.iter().map(|&(o, label)| {
                                let onchange = { let out = out.clone(); Callback::from(move |_: Event| out.set(o)) };
                                html! { <label class="export-format"><input type="radio" name="actual-format" checked={*out == o} {onchange} />{ label }</label> }
                            }) }
                        </div>
                        <label for="actual-text" class="visually-hidden">{ "Plan against actual, export" }</label>
                        <textarea id="actual-text" readonly=true rows="8" spellcheck="false" value={text.clone()} data-testid="actual-text" />
                        <super::TextActions text={text} file={Some(match *out { Output::Markdown => ("backcast-actual.md", "text/markdown"), Output::Csv => ("backcast-actual.csv", "text/csv"), Output::Json => ("backcast-actual.json", "application/json") })}
                            shown_in="actual-text" testid="actual-export" />
                    </details>
                    if loaded.is_some() {
                        <button type="button" onclick={on_clear} data-testid="actual-clear">{ "Forget this file" }</button>
                    }
                </>
            }
        }
    };

    html! {
        <section class="tool-panel actual" aria-labelledby="actual-title" data-testid="actual">
            <h3 id="actual-title">{ "Plan against actual spend" }</h3>
            <p class="hint">{ "A Cost Explorer CSV (Download CSV), a Cost and Usage Report (legacy or 2.0, CSV or .csv.gz) or a FOCUS CSV. It is read here, in this page: nothing is uploaded." }</p>
            <div class="drop" ondragover={on_dragover} ondrop={on_drop} data-testid="actual-drop">
                <label for="actual-file">{ "Billing export" }</label>
                <input id="actual-file" type="file" accept=".csv,.gz,.txt,text/csv,application/gzip" onchange={on_file} data-testid="actual-file" />
                <span class="hint">{ "or drop the file here" }</span>
            </div>
            <details class="paste">
                <summary>{ "Paste the text instead" }</summary>
                <label for="actual-paste" class="visually-hidden">{ "Billing export text" }</label>
                <textarea id="actual-paste" rows="6" spellcheck="false" oninput={on_paste_input} data-testid="actual-paste" />
                <button type="button" onclick={on_use_paste} data-testid="actual-use-paste">{ "Use the pasted text" }</button>
            </details>
            { reading }
            { for link_warnings.iter().map(|w| html! { <p class="error" data-testid="actual-link-warning">{ w.clone() }</p> }) }
            { body }
        </section>
    }
}

/// The verdict, the period, the table with bars, what maps to no service,
/// and the file's problems.
fn comparison(p: &PlanActual, a: &Actual, source: &str) -> Html {
    let top = p
        .rows
        .iter()
        .flat_map(|r| [r.planned, r.actual.unwrap_or_default()])
        .chain(p.unmapped.iter().map(|(_, d)| *d))
        .fold(backcast_core::Decimal::ZERO, |m, d| m.max(d));
    let width = |d: backcast_core::Decimal| {
        if top.is_zero() || d.is_sign_negative() {
            "0".to_string()
        } else {
            (d * backcast_core::Decimal::from(1000) / top)
                .round()
                .to_string()
        }
    };
    let per = p.period.key();
    let issues = &a.issues;
    html! {
        <>
            <p class="verdict" data-testid="actual-verdict">{ p.verdict.clone() }</p>
            <p class="hint" data-testid="actual-covers">{ format!("{}, {}, covering {}.", a.format.name(), source, p.covers) }</p>
            <p class="table-title" aria-hidden="true">{ format!("Plan and actual spend per {per}, by service") }</p>
            <div class="table-wrap">
                <table class="costs actual-table" data-testid="actual-table">
                    <caption class="visually-hidden">{ format!("Plan and actual spend per {per}, by service") }</caption>
                    <thead><tr>
                        <th scope="col">{ "Service" }</th><th scope="col">{ "Planned" }</th><th scope="col">{ "Actual" }</th>
                        <th scope="col">{ "Difference" }</th><th scope="col">{ "Share of budget" }</th>
                        <th scope="col" class="bars-head"><span aria-hidden="true" class="key plan"></span>{ "plan, " }<span aria-hidden="true" class="key actual"></span>{ "actual" }</th>
                    </tr></thead>
                    <tbody>
                        { for p.rows.iter().map(|r| html! {
                            <tr data-testid="actual-row">
                                <th scope="row">{ r.service }</th>
                                <td>{ format_usd(r.planned) }</td>
                                <td>{ r.actual.map_or("not in the file".to_string(), format_usd) }</td>
                                <td>{ signed_usd(r.difference) }</td>
                                <td>{ r.actual.map_or("—".to_string(), |_| format!("{}%", format_number(r.share_of_budget.round_dp(1), 1))) }</td>
                                <td class="bars">
                                    <svg viewBox="0 0 1000 20" preserveAspectRatio="none" aria-hidden="true">
                                        <rect class="plan" width={width(r.planned)} height="9" />
                                        <rect class="actual" y="11" width={width(r.actual.unwrap_or_default())} height="9" />
                                    </svg>
                                </td>
                            </tr>
                        }) }
                        { for p.unmapped.iter().map(|(name, d)| html! {
                            <tr data-testid="actual-unmapped">
                                <th scope="row">{ format!("{name} (not in the plan)") }</th>
                                <td>{ "—" }</td><td>{ format_usd(*d) }</td><td>{ "—" }</td><td>{ "—" }</td>
                                <td class="bars"><svg viewBox="0 0 1000 20" preserveAspectRatio="none" aria-hidden="true">
                                    <rect class="actual" y="11" width={width(*d)} height="9" />
                                </svg></td>
                            </tr>
                        }) }
                        { for [("Tax", p.tax), ("Credits", p.credits)].into_iter().filter(|(_, d)| !d.is_zero()).map(|(name, d)| html! {
                            <tr data-testid="actual-apart"><th scope="row">{ name }</th><td>{ "—" }</td><td>{ format_usd(d) }</td><td>{ "—" }</td><td>{ "—" }</td><td></td></tr>
                        }) }
                    </tbody>
                    <tfoot><tr>
                        <th scope="row">{ "Total" }</th><td>{ format_usd(p.planned) }</td><td>{ format_usd(p.actual) }</td>
                        <td>{ signed_usd(p.actual - p.planned) }</td><td></td><td></td>
                    </tr></tfoot>
                </table>
            </div>
            if !issues.is_empty() {
                <details class="issues" data-testid="actual-issues">
                    <summary>{ format!("{} problem{} in the file (what is valid was used)", issues.len(), if issues.len() == 1 { "" } else { "s" }) }</summary>
                    <ul>
                        { for issues.iter().take(SHOWN_ISSUES).map(|i| html! { <li>{ i.to_string() }</li> }) }
                        if issues.len() > SHOWN_ISSUES { <li>{ format!("and {} more", issues.len() - SHOWN_ISSUES) }</li> }
                    </ul>
                </details>
            }
        </>
    }
}

/// What to read: a chosen or dropped file, or pasted text.
pub enum Source {
    File(web_sys::File),
    Text(String),
}

impl Source {
    fn name(&self) -> String {
        match self {
            Source::File(f) => f.name(),
            Source::Text(_) => "the pasted text".into(),
        }
    }
    fn len(&self) -> f64 {
        match self {
            Source::File(f) => f.size(),
            Source::Text(t) => t.len() as f64,
        }
    }
}

/// Bytes parsed in one go (a few ms each); the page gets its turn between
/// two once a task has parsed for [`TASK_MS`].
pub const SLICE: usize = 32 * 1024;

/// How long one task parses before the page gets its turn, ms: the longest
/// task stays well under the 50 ms of a "long task" (`make bench`).
#[cfg(target_arch = "wasm32")]
const TASK_MS: f64 = 12.0;

/// Bytes read from a file at a time.
pub const BLOCK: usize = 1024 * 1024;

/// Reads `source` in slices, reporting progress, until done or `cancel`.
#[cfg(target_arch = "wasm32")]
fn read(
    source: Source,
    progress: Callback<(f64, f64)>,
    cancel: Rc<Cell<bool>>,
    done: Callback<Result<Actual, String>>,
) {
    wasm_bindgen_futures::spawn_local(async move {
        if let Some(r) = read_slices(source, &progress, &cancel).await {
            done.emit(r);
        }
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn read(
    _: Source,
    _: Callback<(f64, f64)>,
    _: Rc<Cell<bool>>,
    _: Callback<Result<Actual, String>>,
) {
}

/// `None` when cancelled.
#[cfg(target_arch = "wasm32")]
pub async fn read_slices(
    source: Source,
    progress: &Callback<(f64, f64)>,
    cancel: &Cell<bool>,
) -> Option<Result<Actual, String>> {
    use backcast_core::actual::Parser;
    use wasm_bindgen_futures::JsFuture;
    let total = source.len();
    let mut parser = Parser::new();
    let mut at = 0f64;
    // The file is read a block at a time (each read is a round trip to
    // the browser's file reader) and parsed a slice at a time.
    let mut block: Vec<u8> = Vec::new();
    let mut block_at = 0f64;
    let mut task_start = js_sys::Date::now();
    while at < total {
        let end = (at + SLICE as f64).min(total);
        match &source {
            Source::File(f) => {
                if end > block_at + block.len() as f64 {
                    let block_end = (at + BLOCK as f64).min(total);
                    let blob = match f.slice_with_f64_and_f64(at, block_end) {
                        Ok(b) => b,
                        Err(_) => return Some(Err("The file could not be read.".into())),
                    };
                    let buf = match JsFuture::from(blob.array_buffer()).await {
                        Ok(b) => b,
                        Err(_) => {
                            return Some(Err(
                                "The file could not be read (was it moved or deleted?).".into(),
                            ))
                        }
                    };
                    block = js_sys::Uint8Array::new(&buf).to_vec();
                    block_at = at;
                }
                let from = (at - block_at) as usize;
                let to = (end - block_at) as usize;
                parser.feed(block.get(from..to).unwrap_or_default());
            }
            Source::Text(t) => {
                let bytes = t.as_bytes();
                parser.feed(bytes.get(at as usize..end as usize).unwrap_or_default());
            }
        }
        at = end;
        if cancel.get() {
            return None;
        }
        if parser.failed().is_some() {
            break;
        }
        // Give the page its turn (a macrotask, so input and painting run)
        // once this task has parsed for TASK_MS.
        if js_sys::Date::now() - task_start >= TASK_MS {
            progress.emit((at, total));
            next_task().await;
            if cancel.get() {
                return None;
            }
            task_start = js_sys::Date::now();
        }
    }
    Some(parser.finish().map_err(|e| e.to_string()))
}

/// Resolves in a new task (`setTimeout(0)`).
#[cfg(target_arch = "wasm32")]
async fn next_task() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}
