//! The JavaScript API `solve(scenario)` through wasm-bindgen, in a browser:
//! plain objects in, plain objects out, and an `Error` naming every bad key.
#![cfg(target_arch = "wasm32")]

use backcast::web::solve;
use js_sys::{Array, Object, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A JS object from JSON text, as a person would write it in the console.
fn obj(json: &str) -> JsValue {
    JSON::parse(json).expect("test JSON parses")
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).expect("property readable")
}

fn error_message(v: JsValue) -> String {
    let e: js_sys::Error = v.dyn_into().expect("solve throws an Error");
    e.message().into()
}

#[wasm_bindgen_test]
fn the_articles_table_through_the_api() {
    let r = solve(obj(
        r#"{"budget": 7, "period": "day", "p.lambda_gbs": 0.00001667}"#,
    ))
    .unwrap();
    let rows: Array = get(&r, "rows").dyn_into().expect("rows is a plain array");
    assert_eq!(rows.length(), 9);
    // 7 / (0.00001667 x 64 + 0.0000002) = 6559.96 (the article prints 6558).
    let row = rows.get(2);
    assert_eq!(get(&row, "gbs").as_f64(), Some(64.0));
    assert_eq!(get(&row, "max_requests").as_f64(), Some(6559.0));
    assert!(row.is_instance_of::<Object>() && !row.is_instance_of::<js_sys::Map>());
    // 7 / (0.00001667 x 128 + 0.0000002) = 3280.4
    assert_eq!(get(&r, "max_requests").as_f64(), Some(3280.0));
    let breakdown = get(&r, "breakdown");
    // 3000 x 0.0000002 = 0.0006 a day in request fees.
    assert_eq!(get(&breakdown, "lambda_requests").as_f64(), Some(0.0006));
}

#[wasm_bindgen_test]
fn strings_booleans_and_defaults() {
    // Month with the free tier, 0 GB-s: fees only after 1,000,000 requests.
    let r = solve(obj(
        r#"{"budget": "0.2", "period": "month", "gbs": 0, "free_tier": true}"#,
    ))
    .unwrap();
    // 1,000,000 free + 0.2 / 0.0000002 = 1,000,000 more.
    assert_eq!(get(&r, "max_requests").as_f64(), Some(2_000_000.0));
    // Requests 0: no finite max_gbs, and it is null, not undefined.
    let r = solve(obj(r#"{"requests": 0}"#)).unwrap();
    assert!(get(&r, "max_gbs").is_null());
}

#[wasm_bindgen_test]
fn every_bad_key_is_named() {
    let err = solve(obj(
        r#"{"budget": -1, "period": "week", "sfn": true, "colour": "red", "gbs": {"a": 1}}"#,
    ))
    .unwrap_err();
    let msg = error_message(err);
    for key in ["budget", "period", "sfn", "colour", "gbs"] {
        assert!(msg.contains(&format!("{key}:")), "{key} missing from {msg}");
    }
    assert!(msg.contains("greater than 0"), "{msg}");
    let err = solve(JsValue::from_f64(7.0)).unwrap_err();
    assert!(error_message(err).contains("plain object"));
}

#[wasm_bindgen_test]
fn the_whole_bill_through_the_api() {
    // 100,000,000 requests a day at 5x peak, one 200 ms function of 128 MB:
    // 1e8 / 86,400 x 5 x 0.2 = 1,157.4 executions, so 1,158 > 1,000; the
    // cost 1e8 x (0.0000002 + 0.125 x 0.2 x 0.0000166667) = 61.66675.
    let r = solve(obj(
        r#"{"budget": 100000, "requests": 100000000, "peak": 5, "fns": "api:128:200"}"#,
    ))
    .unwrap();
    assert_eq!(get(&r, "cost").as_f64(), Some(61.66675));
    assert_eq!(get(&r, "peak_concurrency").as_f64(), Some(1158.0));
    let limits: Array = get(&r, "limits").dyn_into().expect("limits is an array");
    assert_eq!(
        limits.get(0).as_string().as_deref(),
        Some("needs 1,158 concurrent executions at its peak, over the account's limit of 1,000")
    );
    // A bad pipeline entry is named; the error lists it.
    let e = solve(obj(r#"{"fns": "api:512:120,worker:lots:800"}"#)).unwrap_err();
    let m = error_message(e);
    assert!(m.contains("fns") && m.contains("worker"), "{m}");
}
