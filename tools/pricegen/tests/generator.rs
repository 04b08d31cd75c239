//! The generator on small offer files in the real format, written for these
//! tests from the structure AWS documents for the Price List Bulk API:
//! `products` {sku -> {sku, productFamily, attributes {regionCode,
//! location, usagetype, group}}}, `terms.OnDemand` {sku -> {sku.TERM ->
//! {priceDimensions {rate -> {description, beginRange, endRange, unit,
//! pricePerUnit {USD}}}}}}.

use backcast_pricegen::{generate, Error, InputFile, Inputs};
use serde_json::{json, Map, Value};

/// One product: region (None: a global row), usage type, unit and its
/// price ranges (begin, end, USD).
struct Sku<'a> {
    region: Option<&'a str>,
    usage: String,
    unit: &'a str,
    rows: Vec<(&'a str, &'a str, &'a str)>,
}

fn sku<'a>(
    region: Option<&'a str>,
    usage: &str,
    unit: &'a str,
    rows: &[(&'a str, &'a str, &'a str)],
) -> Sku<'a> {
    Sku {
        region,
        usage: usage.to_string(),
        unit,
        rows: rows.to_vec(),
    }
}

/// An offer file's text, as the Bulk API serves it.
fn offer(code: &str, date: &str, skus: &[Sku]) -> String {
    let mut products = Map::new();
    let mut terms = Map::new();
    for (i, s) in skus.iter().enumerate() {
        let id = format!("SKU{i:04}{}", code.len());
        let mut attrs = json!({
            "servicecode": code,
            "location": "somewhere",
            "locationType": "AWS Region",
            "group": "a group",
            "usagetype": s.usage,
        });
        if let Some(r) = s.region {
            attrs["regionCode"] = json!(r);
        }
        products.insert(
            id.clone(),
            json!({"sku": id, "productFamily": "Serverless", "attributes": attrs}),
        );
        let mut dims = Map::new();
        for (j, (b, e, usd)) in s.rows.iter().enumerate() {
            let rate = format!("{id}.JRTCKXETXF.R{j}");
            dims.insert(
                rate.clone(),
                json!({
                    "rateCode": rate,
                    "description": "a price",
                    "beginRange": b,
                    "endRange": e,
                    "unit": s.unit,
                    "pricePerUnit": {"USD": usd},
                    "appliesTo": []
                }),
            );
        }
        terms.insert(
            id.clone(),
            json!({ format!("{id}.JRTCKXETXF"): {
                "offerTermCode": "JRTCKXETXF",
                "sku": id,
                "effectiveDate": "2026-10-01T00:00:00Z",
                "priceDimensions": dims,
                "termAttributes": {}
            }}),
        );
    }
    serde_json::to_string_pretty(&json!({
        "formatVersion": "v1.0",
        "disclaimer": "test",
        "offerCode": code,
        "version": "20261001000000",
        "publicationDate": date,
        "products": products,
        "terms": {"OnDemand": terms}
    }))
    .unwrap()
}

fn pre(prefix: &str, name: &str) -> String {
    if prefix.is_empty() {
        name.to_string()
    } else {
        format!("{prefix}-{name}")
    }
}

/// Every dimension of one region, with us-east-1's published prices.
fn lambda_skus<'a>(region: &'a str, prefix: &str) -> Vec<Sku<'a>> {
    let r = Some(region);
    vec![
        sku(
            r,
            &pre(prefix, "Request"),
            "Requests",
            &[("0", "Inf", "0.0000002000")],
        ),
        sku(
            r,
            &pre(prefix, "Request-ARM"),
            "Requests",
            &[("0", "Inf", "0.0000002000")],
        ),
        sku(
            r,
            &pre(prefix, "Lambda-GB-Second"),
            "Lambda-GB-Second",
            &[
                ("0", "6000000000", "0.0000166667"),
                ("6000000000", "15000000000", "0.0000150000"),
                ("15000000000", "Inf", "0.0000133334"),
            ],
        ),
        sku(
            r,
            &pre(prefix, "Lambda-GB-Second-ARM"),
            "Lambda-GB-Second",
            &[
                ("0", "7500000000", "0.0000133334"),
                ("7500000000", "18750000000", "0.0000120001"),
                ("18750000000", "Inf", "0.0000106667"),
            ],
        ),
        // Usage types the model does not use: ignored.
        sku(
            r,
            &pre(prefix, "Lambda-Edge-Request"),
            "Requests",
            &[("0", "Inf", "0.0000006")],
        ),
        sku(
            r,
            &pre(prefix, "Lambda-Provisioned-GB-Second"),
            "Lambda-GB-Second",
            &[("0", "Inf", "0.0000097222")],
        ),
    ]
}

fn free_skus() -> Vec<Sku<'static>> {
    vec![
        sku(None, "Global-Request", "Requests", &[("0", "1000000", "0")]),
        sku(
            None,
            "Global-Lambda-GB-Second",
            "Lambda-GB-Second",
            &[("0", "400000", "0")],
        ),
    ]
}

fn states_skus<'a>(region: &'a str, prefix: &str) -> Vec<Sku<'a>> {
    let r = Some(region);
    vec![
        sku(
            r,
            &pre(prefix, "StateTransition"),
            "StateTransitions",
            &[("0", "4000", "0"), ("4000", "Inf", "0.000025")],
        ),
        sku(
            r,
            &pre(prefix, "StepFunctions-Request"),
            "Requests",
            &[("0", "Inf", "0.000001")],
        ),
        sku(
            r,
            &pre(prefix, "StepFunctions-GB-Second"),
            "GB-Seconds",
            &[
                ("0", "3600000", "0.00001667"),
                ("3600000", "18000000", "0.00000833"),
                ("18000000", "Inf", "0.00000456"),
            ],
        ),
    ]
}

fn events_skus<'a>(region: &'a str, prefix: &str) -> Vec<Sku<'a>> {
    vec![sku(
        Some(region),
        &pre(prefix, "Event-64K-Chunks"),
        "64K-Chunks",
        &[("0", "Inf", "0.000001")],
    )]
}

fn ddb_skus<'a>(region: &'a str, prefix: &str) -> Vec<Sku<'a>> {
    let r = Some(region);
    vec![
        sku(
            r,
            &pre(prefix, "ReadRequestUnits"),
            "ReadRequestUnits",
            &[("0", "Inf", "0.000000125")],
        ),
        sku(
            r,
            &pre(prefix, "WriteRequestUnits"),
            "WriteRequestUnits",
            &[("0", "Inf", "0.000000625")],
        ),
        sku(
            r,
            &pre(prefix, "ReadCapacityUnit-Hrs"),
            "ReadCapacityUnit-Hrs",
            &[("0", "18600", "0"), ("18600", "Inf", "0.00013")],
        ),
        sku(
            r,
            &pre(prefix, "WriteCapacityUnit-Hrs"),
            "WriteCapacityUnit-Hrs",
            &[("0", "18600", "0"), ("18600", "Inf", "0.00065")],
        ),
        sku(
            r,
            &pre(prefix, "TimedStorage-ByteHrs"),
            "GB-Mo",
            &[("0", "25", "0"), ("25", "Inf", "0.25")],
        ),
        // Standard-IA storage: another usage type, ignored.
        sku(
            r,
            &pre(prefix, "IA-TimedStorage-ByteHrs"),
            "GB-Mo",
            &[("0", "Inf", "0.10")],
        ),
    ]
}

fn file(name: &str, text: String) -> InputFile {
    InputFile {
        name: name.to_string(),
        text,
    }
}

/// The four offers for us-east-1 (no prefix) and us-east-2 (USE2-).
fn offers() -> Vec<InputFile> {
    let mut lambda = free_skus();
    lambda.extend(lambda_skus("us-east-1", ""));
    lambda.extend(lambda_skus("us-east-2", "USE2"));
    let mut states = states_skus("us-east-1", "");
    states.extend(states_skus("us-east-2", "USE2"));
    let mut events = events_skus("us-east-1", "");
    events.extend(events_skus("us-east-2", "USE2"));
    let mut ddb = ddb_skus("us-east-1", "");
    ddb.extend(ddb_skus("us-east-2", "USE2"));
    vec![
        file(
            "AWSLambda.json",
            offer("AWSLambda", "2026-10-01T18:47:46Z", &lambda),
        ),
        file(
            "AmazonStates.json",
            offer("AmazonStates", "2026-08-31T09:22:27Z", &states),
        ),
        file(
            "AWSEvents.json",
            offer("AWSEvents", "2026-08-31T09:23:01Z", &events),
        ),
        file(
            "AmazonDynamoDB.json",
            offer("AmazonDynamoDB", "2026-08-31T09:21:53Z", &ddb),
        ),
    ]
}

fn inputs(offers: Vec<InputFile>) -> Inputs {
    Inputs {
        book: "2026-12".into(),
        offers_label: "test/offers".into(),
        offers,
        ..Inputs::default()
    }
}

fn region_block<'a>(rust: &'a str, code: &str) -> &'a str {
    let start = rust
        .find(&format!("code: \"{code}\""))
        .unwrap_or_else(|| panic!("no {code} in\n{rust}"));
    let end = rust[start..].find("        },").unwrap() + start;
    &rust[start..end]
}

#[test]
fn a_full_set_of_offers_gives_every_dimension_with_tiers_and_free_allowances() {
    let out = generate(&inputs(offers())).unwrap();
    let rust = &out.rust;
    assert!(rust.starts_with("// Price book 2026-12: GENERATED by backcast-pricegen"));
    assert!(rust.contains("do not edit by hand"));
    assert!(rust.contains("//   AWSLambda.json: AWSLambda, publicationDate 2026-10-01T18:47:46Z"));
    assert!(rust.contains("published: &[(\"AWSEvents\", \"2026-08-31\"), (\"AWSLambda\", \"2026-10-01\"), (\"AmazonDynamoDB\", \"2026-08-31\"), (\"AmazonStates\", \"2026-08-31\")],"));
    // Free allowances: the Global- rows (1,000,000 requests, 400,000
    // GB-s) and the 0-priced first ranges: 4,000 transitions, 18,600
    // RCU-hours / 744 hours = 25 RCU, 25 GB.
    assert!(rust.contains("free: Free { lambda_requests: p(\"1000000\"), lambda_gbs: p(\"400000\"), sfn_transitions: p(\"4000\"), ddb_rcu: p(\"25\"), ddb_wcu: p(\"25\"), ddb_storage_gb: p(\"25\") },"));
    // Tiers: the three ranges of each tiered usage type, trailing zeros
    // of "0.0000150000" dropped.
    let use1 = region_block(rust, "us-east-1");
    assert!(use1.contains("lambda_gbs_x86: T3 { bounds: [6000000000, 15000000000], prices: [p(\"0.0000166667\"), p(\"0.000015\"), p(\"0.0000133334\")] },"), "{use1}");
    assert!(use1.contains("lambda_gbs_arm64: T3 { bounds: [7500000000, 18750000000], prices: [p(\"0.0000133334\"), p(\"0.0000120001\"), p(\"0.0000106667\")] },"));
    assert!(use1.contains("sfn_express_gbs: T3 { bounds: [3600000, 18000000], prices: [p(\"0.00001667\"), p(\"0.00000833\"), p(\"0.00000456\")] },"));
    // The price after a free range is the paid one.
    assert!(use1.contains("sfn_transition: p(\"0.000025\"),"));
    assert!(use1.contains("ddb_rcu_hour: p(\"0.00013\"),"));
    assert!(use1.contains("ddb_storage_gb_month: p(\"0.25\"),"));
    assert!(use1.contains("lambda_request: p(\"0.0000002\"),"));
    assert!(use1.contains("assumed: 0,"));
    // Ignored usage types leave no trace: Lambda@Edge's 0.0000006,
    // provisioned concurrency's 0.0000097222, Standard-IA's 0.10.
    for ignored in ["0.0000006\"", "0.0000097222", "p(\"0.1\")"] {
        assert!(!rust.contains(ignored), "{ignored}");
    }
    // The region prefix (USE2-) is matched away: us-east-2 is complete.
    let use2 = region_block(rust, "us-east-2");
    assert!(use2.contains("eb_event: p(\"0.000001\"),"));
    assert_eq!(out.summary.regions, ["us-east-1", "us-east-2"]);
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    // 13 dimensions x 2 regions, with 3 tiers in 3 of them and a free
    // range in 4: (13 + 6 + 4) x 2 = 46 rows.
    assert_eq!(out.summary.from_offers, 46);
}

#[test]
fn a_missing_dimension_is_reported_by_region_and_name() {
    let mut o = offers();
    // EventBridge only in us-east-1.
    o[2] = file(
        "AWSEvents.json",
        offer(
            "AWSEvents",
            "2026-08-31T09:23:01Z",
            &events_skus("us-east-1", ""),
        ),
    );
    match generate(&inputs(o.clone())) {
        Err(Error::Missing(m)) => {
            assert_eq!(m.len(), 1);
            assert_eq!(
                (m[0].region.as_str(), m[0].dimension.as_str()),
                ("us-east-2", "eb_event")
            );
            let text = Error::Missing(m).to_string();
            assert!(text.contains("missing: us-east-2 eb_event (no AWSEvents usage type Event-64K-Chunks in the offer files)"), "{text}");
        }
        other => panic!("{other:?}"),
    }
    // --allow-missing: the region is left out, and said so.
    let mut i = inputs(o);
    i.allow_missing = true;
    let out = generate(&i).unwrap();
    assert_eq!(out.summary.regions, ["us-east-1"]);
    assert_eq!(out.missing.len(), 1);
    assert!(out
        .warnings
        .iter()
        .any(|w| w.contains("us-east-2 eb_event") && w.contains("left out")));
    assert!(!out.rust.contains("us-east-2"));
}

#[test]
fn a_missing_upper_tier_is_reported_with_where_it_starts() {
    let mut o = offers();
    let mut lambda = free_skus();
    lambda.extend(lambda_skus("us-east-1", ""));
    let mut use2 = lambda_skus("us-east-2", "USE2");
    use2[2].rows.truncate(1); // x86 tier 1 only
    lambda.extend(use2);
    o[0] = file(
        "AWSLambda.json",
        offer("AWSLambda", "2026-10-01T18:47:46Z", &lambda),
    );
    let Err(Error::Missing(m)) = generate(&inputs(o)) else {
        panic!("expected missing");
    };
    assert_eq!(
        m[0].to_string(),
        "us-east-2 lambda_gbs_x86 (no price from 6000000000)"
    );
}

#[test]
fn a_missing_free_allowance_is_reported() {
    let mut o = offers();
    let mut lambda = vec![free_skus().remove(0)]; // no Global-Lambda-GB-Second
    lambda.extend(lambda_skus("us-east-1", ""));
    lambda.extend(lambda_skus("us-east-2", "USE2"));
    o[0] = file(
        "AWSLambda.json",
        offer("AWSLambda", "2026-10-01T18:47:46Z", &lambda),
    );
    let Err(Error::Missing(m)) = generate(&inputs(o)) else {
        panic!("expected missing");
    };
    assert_eq!(m[0].dimension, "free allowance lambda_gbs");
}

fn assumed(rows: Value) -> InputFile {
    file(
        "prices/2026-12/assumed.json",
        serde_json::to_string(&json!({"book": "2026-12", "prices": rows})).unwrap(),
    )
}

#[test]
fn assumptions_fill_only_what_the_offers_lack_and_are_marked() {
    let mut o = offers();
    o[2] = file(
        "AWSEvents.json",
        offer(
            "AWSEvents",
            "2026-08-31T09:23:01Z",
            &events_skus("us-east-1", ""),
        ),
    );
    let mut i = inputs(o);
    i.assumed = Some(assumed(json!([
        {"region": "us-east-2", "dimension": "eb_event", "price": "0.00000115",
         "rule": "as a dearer copy says", "evidence": [{"price": "0.000001", "source": "us-east-1"}, {"price": "0.00000115", "source": "a copy"}]},
        // Already in the offers: superseded, with a warning.
        {"region": "us-east-1", "dimension": "eb_event", "price": "0.000002",
         "rule": "r", "evidence": [{"price": "0.000001", "source": "s"}]}
    ])));
    let out = generate(&i).unwrap();
    let use2 = region_block(&out.rust, "us-east-2");
    assert!(use2.contains("eb_event: p(\"0.00000115\"),"));
    assert!(use2.contains("assumed: I::EbEvent.bit(),"), "{use2}");
    assert!(out
        .rust
        .contains("Floor { region: \"us-east-2\", item: I::EbEvent, price: p(\"0.00000115\") },"));
    assert!(region_block(&out.rust, "us-east-1").contains("eb_event: p(\"0.000001\"),"));
    assert!(
        out.warnings
            .iter()
            .any(|w| w.contains("prices[1]") && w.contains("superseded")),
        "{:?}",
        out.warnings
    );
    assert_eq!(out.summary.assumed, 1);
    assert_eq!(
        out.summary.assumed_dimensions,
        [("us-east-2".to_string(), "eb_event".to_string())]
    );
}

#[test]
fn an_assumed_tier_marks_only_the_tiers() {
    let mut o = offers();
    let mut lambda = free_skus();
    lambda.extend(lambda_skus("us-east-1", ""));
    let mut use2 = lambda_skus("us-east-2", "USE2");
    use2[2].rows.truncate(1);
    lambda.extend(use2);
    o[0] = file(
        "AWSLambda.json",
        offer("AWSLambda", "2026-10-01T18:47:46Z", &lambda),
    );
    let mut i = inputs(o);
    i.assumed = Some(assumed(json!([
        {"region": "us-east-2", "dimension": "lambda_gbs_x86", "beginRange": "6000000000", "endRange": "Inf",
         "price": "0.0000166667", "rule": "flat at tier 1", "evidence": [{"price": "0.000015", "source": "0.9 x tier 1"}]}
    ])));
    let out = generate(&i).unwrap();
    let use2 = region_block(&out.rust, "us-east-2");
    // Two tiers: bound 6e9, then the assumed price to the end.
    assert!(use2.contains("lambda_gbs_x86: T3 { bounds: [6000000000, 0], prices: [p(\"0.0000166667\"), p(\"0.0000166667\"), p(\"0.0000166667\")] },"), "{use2}");
    assert!(
        use2.contains("assumed: I::LambdaGbsX86Tiers.bit(),"),
        "{use2}"
    );
    assert!(out.rust.contains(
        "Floor { region: \"us-east-2\", item: I::LambdaGbsX86Tiers, price: p(\"0.000015\") },"
    ));
}

#[test]
fn an_assumed_price_below_its_evidence_fails() {
    let mut o = offers();
    o[2] = file(
        "AWSEvents.json",
        offer(
            "AWSEvents",
            "2026-08-31T09:23:01Z",
            &events_skus("us-east-1", ""),
        ),
    );
    let mut i = inputs(o);
    i.assumed = Some(assumed(json!([
        {"region": "us-east-2", "dimension": "eb_event", "price": "0.000001",
         "rule": "us-east-1's", "evidence": [{"price": "0.00000115", "source": "a dearer copy"}]}
    ])));
    let e = generate(&i).unwrap_err().to_string();
    assert_eq!(
        e,
        "prices/2026-12/assumed.json: prices[0]: the assumed price 0.000001 for us-east-2 eb_event is lower than its evidence 0.00000115 (a dearer copy); an assumed price must never be below the evidence"
    );
    // No rule, or no evidence: refused too.
    for bad in [
        json!([{"region": "us-east-2", "dimension": "eb_event", "price": "1", "rule": " ", "evidence": [{"price": "0", "source": "s"}]}]),
        json!([{"region": "us-east-2", "dimension": "eb_event", "price": "1", "rule": "r", "evidence": []}]),
        json!([{"region": "us-east-2", "dimension": "eb_events", "price": "1", "rule": "r", "evidence": [{"price": "0", "source": "s"}]}]),
    ] {
        let mut i = inputs(offers());
        i.assumed = Some(assumed(bad));
        assert!(matches!(generate(&i), Err(Error::Input { .. })));
    }
}

#[test]
fn arm64_requests_must_cost_what_x86_requests_cost() {
    let mut o = offers();
    let mut lambda = free_skus();
    lambda.extend(lambda_skus("us-east-1", ""));
    let mut use2 = lambda_skus("us-east-2", "USE2");
    use2[1].rows = vec![("0", "Inf", "0.00000021")];
    lambda.extend(use2);
    o[0] = file(
        "AWSLambda.json",
        offer("AWSLambda", "2026-10-01T18:47:46Z", &lambda),
    );
    let e = generate(&inputs(o)).unwrap_err().to_string();
    assert!(
        e.contains("us-east-2")
            && e.contains("Request-ARM (0.00000021) differs from Request (0.0000002)"),
        "{e}"
    );
}

#[test]
fn shapes_the_model_cannot_hold_are_refused() {
    // Four tiers of Lambda duration; two of a flat price; a 0-priced first
    // range where the model has no free allowance; a wrong unit.
    type Case<'a> = (usize, Vec<(&'a str, &'a str, &'a str)>, &'a str, &'a str);
    let cases: [Case; 4] = [
        (
            2,
            vec![
                ("0", "1", "3"),
                ("1", "2", "2"),
                ("2", "3", "1"),
                ("3", "Inf", "0.5"),
            ],
            "Lambda-GB-Second",
            "4 price tiers; the cost model holds 3",
        ),
        (
            0,
            vec![("0", "100", "0.0000003"), ("100", "Inf", "0.0000002")],
            "Requests",
            "2 price tiers; the cost model holds 1",
        ),
        (
            0,
            vec![("0", "100", "0"), ("100", "Inf", "0.0000002")],
            "Requests",
            "the model has no free allowance",
        ),
        (
            0,
            vec![("0", "Inf", "0.0000002")],
            "Hours",
            "unit \"Hours\" for usage type USE2-Request; the model reads Requests or Request",
        ),
    ];
    for (idx, rows, unit, want) in cases {
        let mut o = offers();
        let mut lambda = free_skus();
        lambda.extend(lambda_skus("us-east-1", ""));
        let mut use2 = lambda_skus("us-east-2", "USE2");
        use2[idx].rows = rows;
        use2[idx].unit = unit;
        lambda.extend(use2);
        o[0] = file(
            "AWSLambda.json",
            offer("AWSLambda", "2026-10-01T18:47:46Z", &lambda),
        );
        let e = generate(&inputs(o)).unwrap_err().to_string();
        assert!(e.contains(want), "{want}: {e}");
    }
}

#[test]
fn malformed_input_names_the_file_and_the_path() {
    let good = offers();
    let ddb = good[3].text.clone();
    let cases = [
        (
            "{\"offerCode\": ",
            "AmazonDynamoDB.json: not valid JSON (line 1, column 14)",
        ),
        (
            "[]",
            "AmazonDynamoDB.json: expected an object, found an array",
        ),
        (
            "{\"formatVersion\": \"v1.0\", \"publicationDate\": \"x\"}",
            "AmazonDynamoDB.json: missing \"offerCode\"",
        ),
    ];
    for (text, want) in cases {
        let mut o = good.clone();
        o[3] = file("AmazonDynamoDB.json", text.to_string());
        let e = generate(&inputs(o)).unwrap_err().to_string();
        assert!(e.starts_with(want), "{want}\n{e}");
    }
    // A price that is a number, not a string; one in scientific notation;
    // a range end that is not "Inf" or a number; a product without
    // regionCode: each names its path.
    let edits: [(&str, &str, &str); 4] = [
        (
            "\"USD\": \"0.000000125\"",
            "\"USD\": 0.000000125",
            ".pricePerUnit.USD: expected a string, found a number",
        ),
        (
            "\"USD\": \"0.000000125\"",
            "\"USD\": \"1.25e-7\"",
            ".pricePerUnit.USD: \"1.25e-7\" is not a plain decimal number",
        ),
        (
            "\"endRange\": \"18600\"",
            "\"endRange\": \"lots\"",
            ".endRange: \"lots\" is not a plain decimal number",
        ),
        (
            "\"regionCode\": \"us-east-1\"",
            "\"regionKode\": \"us-east-1\"",
            ".attributes.regionCode: missing for usage type",
        ),
    ];
    for (from, to, want) in edits {
        assert!(ddb.contains(from), "{from}");
        let mut o = good.clone();
        o[3] = file("AmazonDynamoDB.json", ddb.replacen(from, to, 1));
        let e = generate(&inputs(o)).unwrap_err().to_string();
        assert!(
            e.starts_with("AmazonDynamoDB.json: ") && e.contains(want),
            "{want}\n{e}"
        );
        assert!(
            e.contains("products.") || e.contains("terms.OnDemand."),
            "{e}"
        );
    }
}

#[test]
fn offers_the_model_does_not_read_are_skipped_and_none_at_all_is_an_error() {
    let mut o = offers();
    o.push(file(
        "AmazonS3.json",
        offer("AmazonS3", "2026-09-01T00:00:00Z", &[]),
    ));
    let out = generate(&inputs(o)).unwrap();
    assert!(out
        .warnings
        .iter()
        .any(|w| w.contains("AmazonS3") && w.contains("skipped")));
    assert!(!out.rust.contains("AmazonS3"));
    let e = generate(&inputs(vec![])).unwrap_err().to_string();
    assert!(e.starts_with("test/offers: no offer file of AWSLambda, AmazonStates, AWSEvents, AmazonDynamoDB found"), "{e}");
}

#[test]
fn a_region_list_limits_the_book_and_names_what_it_lacks() {
    let mut i = inputs(offers());
    i.regions = Some(vec!["us-east-2".into()]);
    let out = generate(&i).unwrap();
    assert_eq!(out.summary.regions, ["us-east-2"]);
    i.regions = Some(vec!["eu-west-9".into()]);
    let Err(Error::Missing(m)) = generate(&i) else {
        panic!("expected missing");
    };
    assert_eq!(m.len(), 13);
    assert!(m.iter().all(|x| x.region == "eu-west-9"));
}
