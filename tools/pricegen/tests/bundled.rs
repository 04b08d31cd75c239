//! The bundled book is exactly the generator's output from the checked-in
//! offer files and assumptions: it cannot be edited by hand unseen.

use backcast_pricegen::{generate, read_offer_dir, InputFile, Inputs};
use serde_json::Value;
use std::path::PathBuf;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn bundled_inputs() -> Inputs {
    let root = repo();
    let assumed = "prices/2026-12/assumed.json";
    Inputs {
        book: "2026-12".into(),
        // As `make prices` names them.
        offers_label: "prices/offers/2026-12".into(),
        offers: read_offer_dir(&root.join("prices/offers/2026-12")).unwrap(),
        assumed: Some(InputFile {
            name: assumed.into(),
            text: std::fs::read_to_string(root.join(assumed)).unwrap(),
        }),
        ..Inputs::default()
    }
}

#[test]
fn make_prices_regenerates_exactly_the_checked_in_book() {
    let out = generate(&bundled_inputs()).unwrap_or_else(|e| panic!("{e}"));
    let checked_in = std::fs::read_to_string(repo().join("core/src/books/b2026_12.rs")).unwrap();
    assert!(
        out.rust == checked_in,
        "core/src/books/b2026_12.rs differs from the generator's output: run `make prices` (never edit it by hand)"
    );
    // Nothing superseded, nothing missing, 15 regions.
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    assert!(out.missing.is_empty());
    assert_eq!(out.summary.regions.len(), 15);
}

#[test]
fn every_price_in_the_reduced_offer_files_cites_its_source() {
    for f in read_offer_dir(&repo().join("prices/offers/2026-12")).unwrap() {
        let v: Value = serde_json::from_str(&f.text).unwrap();
        let sources = v["x-backcast"]["sources"].as_object().unwrap();
        let products = v["products"].as_object().unwrap();
        assert!(!products.is_empty(), "{}", f.name);
        for sku in products.keys() {
            let s = sources.get(sku).and_then(Value::as_str).unwrap_or("");
            assert!(s.len() > 20, "{} {sku} has no source", f.name);
        }
        assert_eq!(sources.len(), products.len(), "{}", f.name);
    }
}

#[test]
fn every_assumption_has_a_rule_and_evidence_it_is_not_below() {
    // The generator refuses otherwise; this reads the file directly too.
    let text = std::fs::read_to_string(repo().join("prices/2026-12/assumed.json")).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    let rows = v["prices"].as_array().unwrap();
    assert!(!rows.is_empty());
    for (i, r) in rows.iter().enumerate() {
        let price: rust_decimal::Decimal = r["price"].as_str().unwrap().parse().unwrap();
        assert!(r["rule"].as_str().unwrap().len() > 20, "prices[{i}]");
        let ev = r["evidence"].as_array().unwrap();
        assert!(!ev.is_empty(), "prices[{i}]");
        for e in ev {
            let p: rust_decimal::Decimal = e["price"].as_str().unwrap().parse().unwrap();
            assert!(price >= p, "prices[{i}]: {price} < {p}");
            assert!(!e["source"].as_str().unwrap().trim().is_empty());
        }
    }
}
