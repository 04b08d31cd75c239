//! Tests added to kill the mutants cargo-mutants found missed in
//! `core/src/actual.rs` (averages, totals, header detection, amounts,
//! the cap on unmapped names, short rows, line items' end dates and
//! service codes). Small inline CSV texts; every expected value is worked
//! out by hand in the comment beside it.

use backcast_core::actual::{parse, Actual, Error, Format, Service};
use rust_decimal_macros::dec;
use std::collections::BTreeMap;
use std::fmt::Write;

fn read(text: &str) -> Actual {
    parse(text.as_bytes()).unwrap_or_else(|e| panic!("{e} {:?}", e.issues))
}

fn fail(text: &str) -> Error {
    match parse(text.as_bytes()) {
        Ok(a) => panic!("expected an error, got {a:?}"),
        Err(e) => e,
    }
}

fn issue_texts(a: &Actual) -> Vec<String> {
    a.issues.iter().map(|i| i.to_string()).collect()
}

/// An `Actual` with Lambda $72 and the given period.
fn lambda_72(monthly: bool, months: u32, days: u32) -> Actual {
    Actual {
        format: Format::CostExplorer,
        per_service: BTreeMap::from([(Service::Lambda, dec!(72))]),
        unmapped: Vec::new(),
        tax: dec!(0),
        credits: dec!(0),
        first_day: None,
        last_day: None,
        days,
        months,
        monthly,
        from_total_row: false,
        currency: None,
        rows: 0,
        issues: Vec::new(),
    }
}

// ------------------------------------------------------------- averages

#[test]
fn per_month_of_a_monthly_file_without_months_is_none() {
    // Monthly but no months and no days: no period, so no average (not a
    // division by 0 months).
    assert_eq!(lambda_72(true, 0, 0).per_month(), None);
    // Monthly with 0 months but 30 days: the daily average × 730 / 24:
    // 72 × 730 / (24 × 30) = 52,560 / 720 = 73.
    let m = lambda_72(true, 0, 30).per_month().unwrap();
    assert_eq!(m.service(Service::Lambda), dec!(73));
    // A daily file of 30 days: the same 73.
    let m = lambda_72(false, 0, 30).per_month().unwrap();
    assert_eq!(m.service(Service::Lambda), dec!(73));
    // A monthly file of 2 months: 72 / 2 = 36.
    let m = lambda_72(true, 2, 61).per_month().unwrap();
    assert_eq!(m.service(Service::Lambda), dec!(36));
}

#[test]
fn per_month_of_a_parsed_monthly_file_is_over_its_months() {
    let a = read("Service,Lambda($),Total costs($)\n2026-10,30.00,30.00\n2026-11,60.00,60.00\n");
    assert!(a.monthly);
    // Two distinct months.
    assert_eq!(a.months, 2);
    // (30 + 60) / 2 = 45.
    let m = a.per_month().unwrap();
    assert_eq!(m.service(Service::Lambda), dec!(45));
}

#[test]
fn total_is_services_unmapped_tax_and_credits() {
    let a = read(
        "Service,Lambda($),Widgets($),Tax($),Credits($),Total costs($)\n\
         2026-11-01,1.25,0.50,0.20,-0.10,1.85\n",
    );
    assert_eq!(a.services_total(), dec!(1.25));
    assert_eq!(a.unmapped, vec![("Widgets".to_string(), dec!(0.50))]);
    assert_eq!((a.tax, a.credits), (dec!(0.20), dec!(-0.10)));
    // 1.25 + 0.50 + 0.20 - 0.10 = 1.85.
    assert_eq!(a.total(), dec!(1.85));
}

// ---------------------------------------------------------------- header

#[test]
fn a_cost_explorer_header_needs_no_total_column() {
    // First header `Service`, no `Total costs($)` column: still Cost
    // Explorer.
    let a = read("Service,Lambda($)\n2026-11-01,1.00\n2026-11-02,2.50\n");
    assert_eq!(a.format, Format::CostExplorer);
    // 1.00 + 2.50 = 3.50 over 2 days.
    assert_eq!(a.service(Service::Lambda), dec!(3.50));
    assert_eq!(a.days, 2);
}

#[test]
fn a_cost_explorer_header_is_told_by_usage_type_or_by_a_total_column_alone() {
    // First header `Usage type`, no total column: Cost Explorer.
    let a = read("Usage type,Widgets($)\n2026-11-01,1.00\n");
    assert_eq!(a.format, Format::CostExplorer);
    assert_eq!(a.total(), dec!(1.00));
    // First header neither `Service` nor `Usage type`, but a `Total
    // costs($)` column: Cost Explorer too.
    let a = read("Date,Lambda($),Total costs($)\n2026-11-01,1.00,1.00\n");
    assert_eq!(a.format, Format::CostExplorer);
    assert_eq!(a.service(Service::Lambda), dec!(1.00));
}

#[test]
fn an_unknown_header_of_nine_cells_is_shortened_to_eight() {
    let e = fail("a,b,c,d,e,f,g,h,i\n1,2,3,4,5,6,7,8,9\n");
    let m = e.to_string();
    // The first 8 cells, then "…" and the count, 9.
    assert!(
        m.contains("the header reads `a`, `b`, `c`, `d`, `e`, `f`, `g`, `h`, … (9 columns)."),
        "{m}"
    );
    assert!(!m.contains("`i`"), "{m}");
}

#[test]
fn an_unknown_header_of_eight_cells_is_shown_whole_and_without_a_hint() {
    let e = fail("a,b,c,d,e,f,g,h\n1,2,3,4,5,6,7,8\n");
    let m = e.to_string();
    // All 8 cells, no "…"; and since every layout misses all three of its
    // columns, no "It looks like" hint: straight on to "Expected".
    assert!(
        m.contains("the header reads `a`, `b`, `c`, `d`, `e`, `f`, `g`, `h`. Expected one of"),
        "{m}"
    );
    assert!(!m.contains('…'), "{m}");
    assert!(!m.contains("It looks like"), "{m}");
}

#[test]
fn an_unknown_header_missing_two_columns_of_a_layout_gets_a_hint() {
    // FOCUS's `ServiceName` is there; `BilledCost` or `EffectiveCost` and
    // `ChargePeriodStart` are not: 2 missing, under 3.
    let e = fail("ServiceName,Amount\nAWS Lambda,1\n");
    let m = e.to_string();
    assert!(
        m.contains(
            "It looks like FOCUS but has no `BilledCost` or `EffectiveCost`, `ChargePeriodStart`."
        ),
        "{m}"
    );
}

// --------------------------------------------------------------- amounts

#[test]
fn a_semicolon_file_reads_a_dot_as_a_decimal_point_where_there_is_no_comma() {
    // A `;` file may have decimal commas; a cell without a comma keeps its
    // dot as the decimal point.
    let a = read(
        "Service;Lambda($);Total costs($)\n\
         2026-11-01;1.5;1.5\n\
         2026-11-02;0,25;0,25\n\
         2026-11-03;1.234,5;1.234,5\n",
    );
    // 1.5 + 0.25 + 1,234.5 = 1,236.25.
    assert_eq!(a.service(Service::Lambda), dec!(1236.25));
    assert!(a.issues.is_empty(), "{:?}", issue_texts(&a));
}

// ------------------------------------------------------ unmapped names cap

/// A CUR (legacy) file with one row per (name, cost), all on 2026-11-01.
fn cur(rows: &[(String, &str)]) -> String {
    let mut s =
        String::from("lineItem/ProductCode,lineItem/UnblendedCost,lineItem/UsageStartDate\n");
    for (name, cost) in rows {
        writeln!(s, "{name},{cost},2026-11-01T00:00:00Z").unwrap();
    }
    s
}

fn name(i: usize) -> String {
    format!("n{i:04}")
}

#[test]
fn past_1000_unmapped_names_the_rest_are_added_up_as_one() {
    // n0000 … n1001 (1,002 distinct names) at $1 each, except n1000 at $2
    // and n1001 at $3; then n0000 again ($0.50), n0001 again ($0.25) and
    // n1000 again ($4).
    let mut rows: Vec<(String, &str)> = (0..1000).map(|i| (name(i), "1")).collect();
    rows.push((name(1000), "2"));
    rows.push((name(1001), "3"));
    rows.push((name(0), "0.50"));
    rows.push((name(1), "0.25"));
    rows.push((name(1000), "4"));
    let a = read(&cur(&rows));
    assert!(a.issues.is_empty(), "{:?}", issue_texts(&a));
    assert_eq!(a.format, Format::CurLegacy);
    // The first 1,000 names, then one "(other names)": 1,001 entries.
    assert_eq!(a.unmapped.len(), 1001);
    // n0000: 1 + 0.50 = 1.50; n0001: 1 + 0.25 = 1.25; n0002: 1; n0999: 1.
    assert_eq!(a.unmapped[0], (name(0), dec!(1.50)));
    assert_eq!(a.unmapped[1], (name(1), dec!(1.25)));
    assert_eq!(a.unmapped[2], (name(2), dec!(1)));
    assert_eq!(a.unmapped[999], (name(999), dec!(1)));
    // n1000 and n1001 as one: 2 + 3 + 4 = 9.
    assert_eq!(a.unmapped[1000], ("(other names)".to_string(), dec!(9)));
    // 1,000 × 1 + 0.50 + 0.25 + 9 = 1,009.75.
    assert_eq!(a.total(), dec!(1009.75));
}

#[test]
fn exactly_1000_unmapped_names_are_all_kept() {
    // n0000 … n0999 at $1 each, then n0999 again ($0.50).
    let mut rows: Vec<(String, &str)> = (0..1000).map(|i| (name(i), "1")).collect();
    rows.push((name(999), "0.50"));
    let a = read(&cur(&rows));
    // 1,000 names, no "(other names)".
    assert_eq!(a.unmapped.len(), 1000);
    assert!(a.unmapped.iter().all(|(n, _)| n != "(other names)"));
    // n0999: 1 + 0.50 = 1.50; n0998: 1.
    assert_eq!(a.unmapped[999], (name(999), dec!(1.50)));
    assert_eq!(a.unmapped[998], (name(998), dec!(1)));
    // 1,000 × 1 + 0.50 = 1,000.50.
    assert_eq!(a.total(), dec!(1000.50));
}

// ------------------------------------------------------------------ rows

#[test]
fn a_short_cost_explorer_row_is_reported_and_a_full_one_is_not() {
    let a = read(
        "Service,Lambda($),S3($),Total costs($)\n\
         2026-11-01,1.00,2.00,3.00\n\
         2026-11-02,1.00\n",
    );
    // Line 3 has 2 cells of the header's 4; line 2 is whole.
    assert_eq!(
        issue_texts(&a),
        vec!["line 3: this row has 2 cells, the header 4; the missing cells are read as empty"]
    );
    // Lambda 1.00 + 1.00 = 2.00; S3 2.00.
    assert_eq!(a.service(Service::Lambda), dec!(2.00));
    assert_eq!(a.service(Service::S3), dec!(2.00));
}

#[test]
fn a_line_item_covers_up_to_its_end_date() {
    let a = read(
        "ServiceName,BilledCost,ChargePeriodStart,ChargePeriodEnd\n\
         AWS Lambda,4.00,2026-11-01T00:00:00Z,2026-11-05T00:00:00Z\n\
         AWS Lambda,1.00,2026-11-02T00:00:00Z,\n",
    );
    assert_eq!(a.format, Format::Focus);
    // The first row ends at midnight on Nov 5: its last day is Nov 4; the
    // second has no end and counts on its start, Nov 2. Nov 1 to Nov 4: 4
    // days. An empty end is no issue.
    assert_eq!(a.days, 4);
    assert!(a.issues.is_empty(), "{:?}", issue_texts(&a));
    // 4.00 + 1.00 = 5.00.
    assert_eq!(a.service(Service::Lambda), dec!(5.00));
}

#[test]
fn a_service_code_maps_a_row_and_names_an_unnamed_one() {
    let a = read(
        "ServiceName,x_ServiceCode,BilledCost,ChargePeriodStart\n\
         Custom Name,AWSLambda,1.25,2026-11-01T00:00:00Z\n\
         ,AWSFooBar,2.50,2026-11-01T00:00:00Z\n",
    );
    // Row 1: the code AWSLambda is Lambda, whatever the name.
    assert_eq!(a.service(Service::Lambda), dec!(1.25));
    // Row 2: no name, a code that maps to nothing: listed by its code.
    assert_eq!(a.unmapped, vec![("AWSFooBar".to_string(), dec!(2.50))]);
}
