//! The browser side: the JavaScript API (`window.backcast.solve`) and
//! reading the page's location.

use backcast_core::api::{error_message, solve_pairs};
use backcast_core::scenario::{Problem, Raw};
use js_sys::{Array, Function, Object, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// `solve(scenario)`: the contract of scenario-v1.md. Takes a plain object
/// with the contract's keys (numbers, strings or booleans) and returns the
/// result object; throws an `Error` naming every bad key.
#[wasm_bindgen]
pub fn solve(scenario: JsValue) -> Result<JsValue, JsValue> {
    if !scenario.is_object() || Array::is_array(&scenario) {
        return Err(js_sys::Error::new(
            "invalid scenario: solve takes a plain object, e.g. {budget: 7, gbs: 128}",
        )
        .into());
    }
    let mut texts: Vec<(String, Result<String, bool>)> = Vec::new();
    let mut problems: Vec<Problem> = Vec::new();
    for entry in Object::entries(&Object::from(scenario)).iter() {
        let pair = Array::from(&entry);
        let key = pair.get(0).as_string().unwrap_or_default();
        let value = pair.get(1);
        if key == "embed" || value.is_undefined() || value.is_null() {
            continue; // page-only key; absent values keep their defaults
        }
        if let Some(b) = value.as_bool() {
            texts.push((key, Err(b)));
        } else if value.as_f64().is_some() {
            // JavaScript's own String(x) (shortest round trip): no float
            // formatting code in the wasm.
            let text = js_sys::Number::from(value)
                .to_string_with_radix(10)
                .map(String::from)
                .unwrap_or_default();
            texts.push((key, Ok(text)));
        } else if let Some(s) = value.as_string() {
            texts.push((key, Ok(s)));
        } else {
            problems.push(Problem {
                key,
                message: "must be a number, a string or a boolean".into(),
            });
        }
    }
    let pairs = texts.iter().map(|(k, v)| {
        (
            k.as_str(),
            match v {
                Ok(t) => Raw::Text(t.as_str()),
                Err(b) => Raw::Bool(*b),
            },
        )
    });
    match solve_pairs(pairs) {
        Ok(result) if problems.is_empty() => {
            let ser = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
            result
                .serialize(&ser)
                .map_err(|e| js_sys::Error::new(&e.to_string()).into())
        }
        Ok(_) => Err(js_sys::Error::new(&error_message(&problems)).into()),
        Err(mut more) => {
            problems.append(&mut more);
            Err(js_sys::Error::new(&error_message(&problems)).into())
        }
    }
}

/// Puts the API on `window.backcast`, so `window.backcast.solve({...})`
/// works in the console of the served page.
pub fn expose_api() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let api = Object::new();
    let f: Function = Closure::<dyn Fn(JsValue) -> Result<JsValue, JsValue>>::new(solve)
        .into_js_value()
        .unchecked_into();
    let _ = Reflect::set(&api, &"solve".into(), &f);
    #[cfg(debug_assertions)]
    {
        let p: Function = Closure::<dyn Fn()>::new(debug_panic)
            .into_js_value()
            .unchecked_into();
        let _ = Reflect::set(&api, &"debug_panic".into(), &p);
    }
    let _ = Reflect::set(&window, &"backcast".into(), &api);
}

/// The page's query string, `?…` or empty.
pub fn location_query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// A deliberate panic, to test index.html's handler of a trapped module.
/// Exists only in debug builds.
#[cfg(debug_assertions)]
#[wasm_bindgen]
pub fn debug_panic() {
    panic!("debug_panic: a test of the panic hook");
}

/// The JSON export: the `solve` result for `s`, as `JSON.stringify(…,
/// null, 2)` writes it (serde-wasm-bindgen and the browser's JSON: no
/// serde_json in the wasm build).
pub fn solve_json(s: &backcast_core::Scenario) -> Option<String> {
    let result = backcast_core::api::ApiResult::new(s, &backcast_core::solve(s));
    let ser = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
    let value = result.serialize(&ser).ok()?;
    js_sys::JSON::stringify_with_replacer_and_space(&value, &JsValue::NULL, &JsValue::from(2))
        .ok()
        .and_then(|s| s.as_string())
}
