//! Small browser actions for callbacks and effects: copy to the
//! clipboard, download a text file, tell an embedding page our height.
//! These compile on every target but only run in a browser; never call
//! them while rendering.

use js_sys::{Function, Object, Reflect};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use yew::Callback;

/// Copies `text`: the Clipboard API when there is one, else (or when it
/// refuses) selects the element `fallback_id` (a read-only input or
/// textarea showing the same text) and runs `execCommand("copy")`. Emits
/// whether the text was copied.
pub fn copy_text(text: String, fallback_id: &'static str, done: Callback<bool>) {
    let Some(window) = web_sys::window() else {
        done.emit(false);
        return;
    };
    let nav = window.navigator();
    let has_api = Reflect::get(&nav, &"clipboard".into())
        .map(|c| !c.is_undefined() && !c.is_null())
        .unwrap_or(false);
    if !has_api {
        done.emit(copy_by_selection(fallback_id));
        return;
    }
    // The promise's own callbacks, not `spawn_local`: the first module
    // then carries no futures executor. Both are once-closures given to
    // JavaScript for good (`forget`): the one called drops what it
    // captured, and the two small wrappers stay, a few bytes a copy.
    let failed = done.clone();
    let on_ok = wasm_bindgen::closure::Closure::once(move |_: JsValue| done.emit(true));
    let on_err = wasm_bindgen::closure::Closure::once(move |_: JsValue| {
        failed.emit(copy_by_selection(fallback_id))
    });
    let _ = nav.clipboard().write_text(&text).then2(&on_ok, &on_err);
    on_ok.forget();
    on_err.forget();
}

/// The old way: select the shown text and ask the document to copy it.
fn copy_by_selection(id: &str) -> bool {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Some(el) = doc.get_element_by_id(id) else {
        return false;
    };
    if let Ok(select) = Reflect::get(&el, &"select".into()) {
        if let Some(f) = select.dyn_ref::<Function>() {
            let _ = f.call0(&el);
        }
    }
    doc.dyn_into::<web_sys::HtmlDocument>()
        .ok()
        .and_then(|d| d.exec_command("copy").ok())
        .unwrap_or(false)
}

/// Saves `text` as the file `name` through a `data:` link.
pub fn download(name: &str, mime: &str, text: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(a) = doc.create_element("a") else {
        return;
    };
    let href = format!(
        "data:{mime};charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(text))
    );
    let _ = a.set_attribute("href", &href);
    let _ = a.set_attribute("download", name);
    let _ = a.set_attribute("hidden", "");
    if let Some(body) = doc.body() {
        let _ = body.append_child(&a);
        if let Some(h) = a.dyn_ref::<web_sys::HtmlElement>() {
            h.click();
        }
        a.remove();
    }
}

/// The page's address without its query and fragment.
pub fn page_url() -> Option<String> {
    let href = web_sys::window()?.location().href().ok()?;
    let end = href
        .bytes()
        .position(|b| b == b'?' || b == b'#')
        .unwrap_or(href.len());
    Some(href[..end].to_string())
}

/// How tall `el` makes the page, in whole CSS pixels (its bottom edge).
pub fn height(el: &web_sys::Element) -> Option<f64> {
    let scrolled = web_sys::window()?.scroll_y().unwrap_or(0.0);
    Some((el.get_bounding_client_rect().bottom() + scrolled).ceil())
}

/// Tells the embedding page (if any) our height:
/// `{type: "backcast:height", height}`, to any origin (it is only a
/// number). Returns whether it was sent.
pub fn post_height(height: f64) -> bool {
    let send = || -> Option<()> {
        let window = web_sys::window()?;
        let parent = window.parent().ok()??;
        if JsValue::from(&parent) == JsValue::from(&window) {
            return None; // not in a frame
        }
        let msg = Object::new();
        Reflect::set(&msg, &"type".into(), &"backcast:height".into()).ok()?;
        Reflect::set(&msg, &"height".into(), &JsValue::from(height)).ok()?;
        parent.post_message(&msg, "*").ok()
    };
    send().is_some()
}

/// The class the head script puts on `<html>` for a page with a query
/// (the stylesheet hides the prerendered default numbers then).
const PENDING: &str = "bc-link";

thread_local! {
    /// The id of the prerendered control that had focus when the app
    /// started (see `remember_focus`).
    static FOCUS: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Notes the id of the control to focus again once the app has rendered
/// (the app replaces the prerendered page's DOM).
pub fn remember_focus(id: Option<String>) {
    FOCUS.with(|f| *f.borrow_mut() = id);
}

/// After the app's first render: unmarks the page (`html.bc-link`) and
/// restores the focus noted by `remember_focus`.
pub fn page_ready() {
    let doc = web_sys::window().and_then(|w| w.document());
    if let Some(html) = doc.as_ref().and_then(|d| d.document_element()) {
        let _ = html.class_list().remove_1(PENDING);
    }
    let focus = FOCUS.with(|f| f.borrow_mut().take());
    let el = focus.and_then(|id| doc.and_then(|d| d.get_element_by_id(&id)));
    if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

#[wasm_bindgen]
extern "C" {
    /// A form control (input or select), read through its properties.
    type Control;
    #[wasm_bindgen(method, getter)]
    fn value(this: &Control) -> String;
    #[wasm_bindgen(method, getter)]
    fn checked(this: &Control) -> bool;
    #[wasm_bindgen(method, getter = type)]
    fn kind(this: &Control) -> String;
}

/// What a person changed in the prerendered default page's form before
/// the app started: (key, text) for each field (`field-{key}`) whose
/// control no longer shows the default scenario's value. The app applies
/// them as edits (`State::start`), so nothing typed while the wasm loads
/// is lost.
pub fn typed_before_start() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return out;
    };
    let default = backcast_core::Scenario::default();
    for &key in backcast_core::scenario::KEYS {
        let Some(el) = doc.get_element_by_id(&format!("field-{key}")) else {
            continue;
        };
        let control = el.unchecked_ref::<Control>();
        let text = if control.kind() == "checkbox" {
            if control.checked() { "1" } else { "0" }.to_string()
        } else {
            control.value()
        };
        if default.get(key).as_deref() != Some(text.as_str()) {
            out.push((key.to_string(), text));
        }
    }
    out
}
