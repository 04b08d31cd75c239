//! The page's second module, `backcast-tools` (`backcast::tools`): built
//! by `make dist` beside the page's own (scripts/tools.mjs) and loaded by
//! index.html's loader only when first used: a click on one of the tools'
//! buttons, a link whose fragment holds plan B or a summary of actual
//! spend, or `backcast.tools()` in the JavaScript API.
//!
//! Exports `start(tool)` (renders the tools into `#tools`) and the API's
//! three functions, each taking what the command line takes and giving
//! what its JSON prints (`backcast_core::report`):
//! - `actual(link, file)`: the file as a string, `Uint8Array` or
//!   `ArrayBuffer` (gzip too);
//! - `compare(linkA, linkB)`; a link with `#b…` may be given alone;
//! - `tuning(link, text, function?)`.

#[cfg(all(target_arch = "wasm32", feature = "tools"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(all(target_arch = "wasm32", feature = "tools"))]
mod entry {
    use backcast::tools::compare::{EmbedCompare, EmbedCompareProps};
    use backcast::tools::{Host, Tool, Tools};
    use backcast_core::api::error_message;
    use backcast_core::fragment::Fragment;
    use backcast_core::report;
    use backcast_core::Scenario;
    use js_sys::{Function, Reflect};
    use std::cell::RefCell;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use yew::prelude::*;

    /// The address changed (the page wrote it, or Back and Forward).
    const URL_EVENT: &str = "backcast:url";

    thread_local! {
        static OPEN: RefCell<Option<Callback<Option<Tool>>>> = const { RefCell::new(None) };
    }

    fn location() -> (String, String) {
        let loc = web_sys::window().map(|w| w.location());
        let get = |f: fn(&web_sys::Location) -> Result<String, JsValue>| {
            loc.as_ref().and_then(|l| f(l).ok()).unwrap_or_default()
        };
        (get(web_sys::Location::search), get(web_sys::Location::hash))
    }

    /// Makes `history.pushState` and `replaceState` (which the page calls
    /// when a plan changes) announce the change, as Back and Forward do
    /// with `popstate`.
    fn watch_history() {
        let Some(window) = web_sys::window() else {
            return;
        };
        let Ok(history) = window.history() else {
            return;
        };
        for name in ["pushState", "replaceState"] {
            let Ok(original) = Reflect::get(&history, &name.into()) else {
                continue;
            };
            let Ok(original) = original.dyn_into::<Function>() else {
                continue;
            };
            let (h, w) = (history.clone(), window.clone());
            let patched =
                Closure::<dyn Fn(JsValue, JsValue, JsValue) -> Result<JsValue, JsValue>>::new(
                    move |state: JsValue, title: JsValue, url: JsValue| {
                        let r = original.call3(&h, &state, &title, &url);
                        if let Ok(e) = web_sys::Event::new(URL_EVENT) {
                            let _ = w.dispatch_event(&e);
                        }
                        r
                    },
                );
            let _ = Reflect::set(&history, &name.into(), patched.as_ref());
            patched.forget();
        }
    }

    fn host() -> Host {
        Host {
            page: backcast::dom::page_url().unwrap_or_default().into(),
            set_hash: Callback::from(|hash: String| {
                let Some(w) = web_sys::window() else { return };
                let (search, _) = location();
                let path = w.location().pathname().unwrap_or_default();
                if let Ok(h) = w.history() {
                    let url = if hash.is_empty() && search.is_empty() {
                        path
                    } else {
                        format!("{path}{search}{hash}")
                    };
                    let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&url));
                }
            }),
            set_plan: Callback::from(|(query, hash): (String, String)| {
                let Some(w) = web_sys::window() else { return };
                let path = w.location().pathname().unwrap_or_default();
                if let Ok(h) = w.history() {
                    let _ = h.push_state_with_url(
                        &JsValue::NULL,
                        "",
                        Some(&format!("{path}{query}{hash}")),
                    );
                }
                // The page loads a new address on popstate (Back/Forward).
                if let Ok(e) = web_sys::Event::new("popstate") {
                    let _ = w.dispatch_event(&e);
                }
            }),
        }
    }

    #[derive(Properties, PartialEq)]
    struct RootProps {
        open: Option<Tool>,
    }

    /// The tools, following the address.
    #[component]
    fn Root(p: &RootProps) -> Html {
        let at = use_state(location);
        let open = use_state_eq(|| p.open);
        let host = use_memo((), |_| host());
        {
            let open = open.clone();
            OPEN.with(|o| *o.borrow_mut() = Some(Callback::from(move |t| open.set(t))));
        }
        {
            let at = at.clone();
            use_effect_with((), move |_| {
                let w = web_sys::window();
                let cb = Closure::<dyn Fn()>::new(move || at.set(location()));
                if let Some(w) = &w {
                    for name in [URL_EVENT, "popstate"] {
                        let _ =
                            w.add_event_listener_with_callback(name, cb.as_ref().unchecked_ref());
                    }
                }
                move || {
                    if let Some(w) = &w {
                        for name in [URL_EVENT, "popstate"] {
                            let _ = w.remove_event_listener_with_callback(
                                name,
                                cb.as_ref().unchecked_ref(),
                            );
                        }
                    }
                }
            });
        }
        html! {
            <Tools query={at.0.clone()} hash={at.1.clone()} open={*open} host={(*host).clone()} />
        }
    }

    #[derive(Properties, PartialEq)]
    struct NothingProps {}

    #[component]
    fn Nothing(_: &NothingProps) -> Html {
        Html::default()
    }

    /// Renders the tools into `#tools`, with `tool` open (by its
    /// `data-tool` name; "" for none, or what the fragment asks). A second
    /// call opens `tool`.
    #[wasm_bindgen]
    pub fn start(tool: String) {
        let open = Tool::from_id(&tool);
        if let Some(cb) = OPEN.with(|o| o.borrow().clone()) {
            if open.is_some() {
                cb.emit(open);
            }
            return;
        }
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let root = doc.get_element_by_id("tools");
        let embed = doc.get_element_by_id("tools-embed");
        if root.is_none() && embed.is_none() {
            return;
        }
        // Yew numbers each app's event root from 1 in each module, and
        // the page's app, in the other module, is number 1 too: two roots
        // of one number would each take the other's events. Apps mounted
        // on detached elements take numbers 1 to 8 here, so this one's
        // differs from every root the page has.
        for _ in 0..8 {
            if let Ok(el) = doc.create_element("div") {
                let _ = yew::Renderer::<Nothing>::with_root_and_props(el, NothingProps {}).render();
            }
        }
        watch_history();
        match (root, embed) {
            (Some(root), _) => {
                let _ =
                    yew::Renderer::<Root>::with_root_and_props(root, RootProps { open }).render();
            }
            (None, Some(el)) => {
                // The embedded view: the comparison only, as the link has it.
                let (query, hash) = location();
                let props = EmbedCompareProps {
                    query: query.into(),
                    hash: hash.into(),
                };
                let _ = yew::Renderer::<EmbedCompare>::with_root_and_props(el, props).render();
            }
            (None, None) => {}
        }
    }

    fn error(e: impl std::fmt::Display) -> JsValue {
        js_sys::Error::new(&e.to_string()).into()
    }

    fn plan(link: &str, which: &str) -> Result<Scenario, JsValue> {
        let (s, problems) = Scenario::from_link(link);
        if problems.is_empty() {
            Ok(s)
        } else {
            Err(error(format!("{which}{}", error_message(&problems))))
        }
    }

    fn to_js(v: &report::Value) -> Result<JsValue, JsValue> {
        js_sys::JSON::parse(&v.to_string()).map_err(|_| error("internal error: JSON"))
    }

    /// `backcast --actual FILE`'s JSON, plus `issues` (the file's
    /// problems, each naming its line and column).
    #[wasm_bindgen]
    pub fn actual(link: String, file: JsValue) -> Result<JsValue, JsValue> {
        let s = plan(&link, "")?;
        let bytes = if let Some(t) = file.as_string() {
            t.into_bytes()
        } else if file.is_instance_of::<js_sys::Uint8Array>()
            || file.is_instance_of::<js_sys::ArrayBuffer>()
        {
            js_sys::Uint8Array::new(&file).to_vec()
        } else {
            return Err(error(
                "actual takes the file as a string, a Uint8Array or an ArrayBuffer",
            ));
        };
        let a = backcast_core::actual::parse(&bytes).map_err(error)?;
        let p = backcast_core::plan_actual::plan_against_actual(&s, &a).map_err(error)?;
        let mut v = report::actual_json(&p, &a);
        if let Some(o) = v.as_object_mut() {
            o.insert(
                "issues".into(),
                a.issues
                    .iter()
                    .map(|i| report::Value::from(i.to_string()))
                    .collect(),
            );
        }
        to_js(&v)
    }

    /// `backcast LINK_A --compare LINK_B`'s JSON. Without `b`, plan B is
    /// the one in `a`'s fragment (`#b&b.arch=arm64`).
    #[wasm_bindgen]
    pub fn compare(a: String, b: Option<String>) -> Result<JsValue, JsValue> {
        let sa = plan(&a, "plan A: ")?;
        let sb = match b {
            Some(b) => plan(&b, "plan B: ")?,
            None => {
                let hash = a.split_once('#').map_or("", |(_, h)| h);
                match Fragment::parse(hash).plan_b() {
                    Some((s, p)) if p.is_empty() => s,
                    Some((_, p)) => return Err(error(error_message(&p))),
                    None => {
                        return Err(error(
                            "compare takes two links, or one whose fragment holds plan B (#b…)",
                        ))
                    }
                }
            }
        };
        let c = backcast_core::compare::compare(&sa, &sb);
        to_js(&report::compare_json(&sa, &sb, &c))
    }

    /// `backcast LINK --tuning FILE`'s JSON; `function` is the pipeline's
    /// function to price (0 first; default 0 with a pipeline).
    #[wasm_bindgen]
    pub fn tuning(link: String, text: String, function: Option<u32>) -> Result<JsValue, JsValue> {
        use backcast_core::tuning::{best, evaluate, parse};
        let s = plan(&link, "")?;
        let t = parse(&text).map_err(|e| error(format!("tuning: {e}")))?;
        let function = (!s.fns.is_empty()).then_some(function.unwrap_or(0) as usize);
        let rows = evaluate(&s, &t, function);
        to_js(&report::tuning_json(&rows, best(&rows)))
    }
}

fn main() {}
