//! The tools' exports (core/src/report.rs): the same for the command line,
//! the JavaScript API and the page; a billing export's own text (what maps
//! to no service) never runs as a spreadsheet formula nor breaks a table.

use backcast_core::actual::parse;
use backcast_core::compare::compare;
use backcast_core::plan_actual::plan_against_actual;
use backcast_core::report::{self, Output};
use backcast_core::Scenario;

/// A FOCUS file with one line of a service named like a formula.
const HOSTILE: &str = "ServiceName,BilledCost,ChargePeriodStart\n\
AWS Lambda,0.80,2026-11-01T00:00:00Z\n\
\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",0.10,2026-11-01T00:00:00Z\n\
\"a|b\",0.05,2026-11-01T00:00:00Z\n";

#[test]
fn formula_cells_are_neutralised_and_table_cells_escaped() {
    let a = parse(HOSTILE.as_bytes()).unwrap();
    let p = plan_against_actual(&Scenario::default(), &a).unwrap();
    // One day: Lambda 0.80; 0.10 and 0.05 map to no service.
    assert_eq!(p.unmapped.len(), 2, "{:?}", p.unmapped);
    let csv = report::actual(&p, &a, Output::Csv);
    assert!(
        csv.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",,0.1,,\r\n"),
        "{csv}"
    );
    assert!(!csv.contains("\n=") && !csv.contains(",=") && !csv.starts_with('='));
    let md = report::actual(&p, &a, Output::Markdown);
    assert!(md.contains("| a\\|b (not in the plan) |"), "{md}");
    // JSON keeps the text as it is (a string value is never run).
    let json = report::actual_json(&p, &a);
    assert_eq!(
        json["unmapped"][0]["name"],
        "=HYPERLINK(\"http://x\",\"y\")"
    );
    assert_eq!(json["actual"], 0.95);
}

#[test]
fn each_format_of_a_comparison() {
    // core/tests/compare.rs: x86 6.4006128, arm64 5.1206256 at 3,000 a day.
    let (a, b) = (Scenario::default(), Scenario::from_link("arch=arm64").0);
    let c = compare(&a, &b);
    assert_eq!(
        report::compare(&a, &b, &c, Output::Csv),
        "service,a,b\r\nLambda,6.4006128,5.1206256\r\n"
    );
    let md = report::compare(&a, &b, &c, Output::Markdown);
    assert!(md.ends_with("| Lambda | $6.40 | $5.12 |\n"), "{md}");
    let json = report::compare_json(&a, &b, &c);
    assert_eq!(json["more_requests"], 821.0);
    assert_eq!(json["a"]["max_requests"], 3280);
    assert_eq!(json["b"]["max_requests"], 4101);
}
