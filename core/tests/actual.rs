//! Billing exports read into actual spend (issue 15): hand-written
//! fixtures in each format and variant under `fixtures/actual/`, every
//! expected value worked out by hand in the comment beside it.

use backcast_core::actual::{parse, parse_reader, Actual, Date, Error, Format, Parser, Service};
use backcast_core::Decimal;
use flate2::write::GzEncoder;
use flate2::Compression;
use proptest::prelude::*;
use rust_decimal_macros::dec;
use std::io::Write;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/actual/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn read(name: &str) -> Actual {
    parse(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e} {:?}", e.issues))
}

fn fail(bytes: &[u8]) -> Error {
    match parse(bytes) {
        Ok(a) => panic!("expected an error, got {a:?}"),
        Err(e) => e,
    }
}

fn date(y: u16, m: u8, d: u8) -> Option<Date> {
    Date::new(y, m, d)
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

/// The issues as the page would list them.
fn issue_texts(a: &Actual) -> Vec<String> {
    a.issues.iter().map(|i| i.to_string()).collect()
}

/// The article's case: Cost Explorer, daily, three days in no order, four
/// services, $2.15 a day.
#[test]
fn cost_explorer_daily_the_articles_case() {
    let a = read("ce_daily_article.csv");
    assert_eq!(a.format, Format::CostExplorer);
    assert!(!a.monthly && !a.from_total_row);
    assert_eq!(a.currency.as_deref(), Some("USD"));
    // Rows 2026-11-03, -01, -02: three distinct days, Nov 1 to Nov 3.
    assert_eq!(a.days, 3);
    assert_eq!(a.rows, 3);
    assert_eq!(
        (a.first_day, a.last_day),
        (date(2026, 11, 1), date(2026, 11, 3))
    );
    // Totals over the date rows (not the total row):
    // Lambda 0.85 + 0.80 + 0.75 = 2.40; Step Functions 0.55 + 0.60 + 0.65
    // = 1.80; CloudWatch Events (EventBridge) 0.15 + 0.20 + 0.25 = 0.60;
    // DynamoDB 0.60 + 0.55 + 0.50 = 1.65. Together 6.45. Tax cells empty: 0.
    assert_eq!(a.service(Service::Lambda), dec!(2.40));
    assert_eq!(a.service(Service::StepFunctions), dec!(1.80));
    assert_eq!(a.service(Service::EventBridge), dec!(0.60));
    assert_eq!(a.service(Service::DynamoDb), dec!(1.65));
    assert_eq!(a.per_service.len(), 4);
    assert_eq!(a.services_total(), dec!(6.45));
    assert_eq!(a.tax, dec!(0));
    assert!(a.unmapped.is_empty());
    // Per day, over 3 days: 2.40 / 3 = 0.80; 1.80 / 3 = 0.60; 0.60 / 3 =
    // 0.20; 1.65 / 3 = 0.55. Together 0.80 + 0.60 + 0.20 + 0.55 = 2.15.
    let d = a.per_day().unwrap();
    assert_eq!(d.service(Service::Lambda), dec!(0.80));
    assert_eq!(d.service(Service::StepFunctions), dec!(0.60));
    assert_eq!(d.service(Service::EventBridge), dec!(0.20));
    assert_eq!(d.service(Service::DynamoDb), dec!(0.55));
    assert_eq!(d.services_total(), dec!(2.15));
    assert_eq!(d.total(), dec!(2.15));
    // Per (730-hour) month: 6.45 × 730 / (24 × 3) = 4708.5 / 72 =
    // 65.3958333…; Lambda 2.40 × 730 / 72 = 1752 / 72 = 24.3333…
    let m = a.per_month().unwrap();
    assert_eq!(m.total().round_dp(4), dec!(65.3958));
    assert_eq!(m.service(Service::Lambda).round_dp(4), dec!(24.3333));
    // Each row's cells add up to its 2.15 and each column to the total
    // row: nothing to report.
    assert!(a.issues.is_empty(), "{:?}", a.issues);
}

#[test]
fn cost_explorer_monthly() {
    let a = read("ce_monthly.csv");
    assert!(a.monthly);
    // 2026-10 and 2026-09: 2 months, 30 + 31 = 61 days, Sep 1 to Oct 31.
    assert_eq!(a.months, 2);
    assert_eq!(a.days, 61);
    assert_eq!(
        (a.first_day, a.last_day),
        (date(2026, 9, 1), date(2026, 10, 31))
    );
    // Lambda 31 + 30 = 61; S3 3.10 + 3 = 6.10; EC2-Other (unmapped) 1.55 +
    // 1.50 = 3.05; Tax 3.10 + 3 = 6.10.
    assert_eq!(a.service(Service::Lambda), dec!(61));
    assert_eq!(a.service(Service::S3), dec!(6.10));
    assert_eq!(a.unmapped, vec![("EC2-Other".to_string(), dec!(3.05))]);
    assert_eq!(a.tax, dec!(6.10));
    // Per month, over 2 months: 30.50, 3.05, 1.525, tax 3.05.
    let m = a.per_month().unwrap();
    assert_eq!(m.service(Service::Lambda), dec!(30.50));
    assert_eq!(m.service(Service::S3), dec!(3.05));
    assert_eq!(m.unmapped, vec![("EC2-Other".to_string(), dec!(1.525))]);
    assert_eq!(m.tax, dec!(3.05));
    // Per day, over the 61 days of those months: 61 / 61 = 1; 6.10 / 61 =
    // 0.10; 3.05 / 61 = 0.05; tax 0.10; in all 76.25 / 61 = 1.25.
    let d = a.per_day().unwrap();
    assert_eq!(d.service(Service::Lambda), dec!(1));
    assert_eq!(d.service(Service::S3), dec!(0.10));
    assert_eq!(d.unmapped, vec![("EC2-Other".to_string(), dec!(0.05))]);
    assert_eq!(d.tax, dec!(0.10));
    assert_eq!(d.total(), dec!(1.25));
    assert!(a.issues.is_empty(), "{:?}", a.issues);
}

/// As Cost Explorer writes a monthly file: each month's row dated its
/// first day.
#[test]
fn cost_explorer_monthly_rows_dated_the_first() {
    let a = read("ce_monthly_first_days.csv");
    let b = read("ce_monthly.csv");
    // The same amounts as ce_monthly.csv's `2026-10` and `2026-09` rows:
    // 2 months, 61 days, Sep 1 to Oct 31, the same averages.
    assert!(a.monthly);
    assert_eq!((a.months, a.days), (2, 61));
    assert_eq!(
        (a.first_day, a.last_day),
        (date(2026, 9, 1), date(2026, 10, 31))
    );
    assert_eq!(a, b);
    // One row on the 1st is one day (Lambda 2 a day), with an issue.
    let text = "Service,Lambda($)\n2026-11-01,2\n";
    let a = parse(text.as_bytes()).unwrap();
    assert!(!a.monthly);
    assert_eq!(a.days, 1);
    assert_eq!(a.per_day().unwrap().service(Service::Lambda), dec!(2));
    assert_eq!(a.issues.len(), 1);
    assert!(a.issues[0]
        .message
        .starts_with("the only date row is the 1st"));
    // Two days, one not the 1st: daily.
    let text = "Service,Lambda($)\n2026-11-01,2\n2026-11-02,4\n";
    let a = parse(text.as_bytes()).unwrap();
    assert!(!a.monthly && a.issues.is_empty());
    assert_eq!(a.days, 2);
}

#[test]
fn cost_explorer_older_total_cost_header_unquoted() {
    let a = read("ce_old_header.csv");
    assert_eq!(a.format, Format::CostExplorer);
    // `Total cost ($)` is the total column, not a service: Lambda 1 + 0.5
    // = 1.5, SQS 0.3 + 0.1 = 0.4, SNS 0.05 + 0.05 = 0.1, over 2 days.
    assert_eq!(a.service(Service::Lambda), dec!(1.5));
    assert_eq!(a.service(Service::Sqs), dec!(0.4));
    assert_eq!(a.service(Service::Sns), dec!(0.1));
    assert!(a.unmapped.is_empty());
    assert_eq!(a.days, 2);
    // Per day: 0.75, 0.2, 0.05.
    let d = a.per_day().unwrap();
    assert_eq!(d.service(Service::Lambda), dec!(0.75));
    assert_eq!(d.service(Service::Sqs), dec!(0.2));
    assert_eq!(d.service(Service::Sns), dec!(0.05));
    assert!(a.issues.is_empty(), "{:?}", a.issues);
}

#[test]
fn cost_explorer_quoted_scientific_and_empty_cells() {
    let a = read("ce_cells.csv");
    // Lambda 1.776500e-06 + 3.553E-6 = 0.0000017765 + 0.000003553 =
    // 0.0000053295. Step Functions "" + 1e-3 = 0.001. DynamoDB 0.25
    // (unquoted) + nothing (unquoted empty) = 0.25. Tax "" + " 0.01 " =
    // 0.01. The totals 2.500017765E-1 = 0.2500017765 = 0.0000017765 +
    // 0.25, and 0.011003553 = 0.000003553 + 0.001 + 0.01, agree.
    assert_eq!(a.service(Service::Lambda), dec!(0.0000053295));
    assert_eq!(a.service(Service::StepFunctions), dec!(0.001));
    assert_eq!(a.service(Service::DynamoDb), dec!(0.25));
    assert_eq!(a.tax, dec!(0.01));
    assert_eq!(a.days, 2);
    // Per day: 0.0000053295 / 2 = 0.00000266475; 0.0005; 0.125; tax 0.005.
    let d = a.per_day().unwrap();
    assert_eq!(d.service(Service::Lambda), dec!(0.00000266475));
    assert_eq!(d.service(Service::StepFunctions), dec!(0.0005));
    assert_eq!(d.service(Service::DynamoDb), dec!(0.125));
    assert_eq!(d.tax, dec!(0.005));
    assert!(a.issues.is_empty(), "{:?}", a.issues);
}

#[test]
fn cost_explorer_semicolons_and_decimal_commas() {
    let a = read("ce_semicolon.csv");
    // Lambda 1,25 + 1.001,75 = 1.25 + 1001.75 = 1003; DynamoDB 0,75 + 0,75
    // = 1.50; CloudWatch 0,15 + 0,15 = 0.30; the totals 2,15 and 1.002,65
    // agree with their rows, 1.004,80 with the columns.
    assert_eq!(a.service(Service::Lambda), dec!(1003));
    assert_eq!(a.service(Service::DynamoDb), dec!(1.50));
    assert_eq!(a.service(Service::CloudWatch), dec!(0.30));
    // Per day over 2 days: 501.50, 0.75, 0.15.
    let d = a.per_day().unwrap();
    assert_eq!(d.service(Service::Lambda), dec!(501.50));
    assert_eq!(d.service(Service::DynamoDb), dec!(0.75));
    assert_eq!(d.service(Service::CloudWatch), dec!(0.15));
    assert!(a.issues.is_empty(), "{:?}", a.issues);
}

#[test]
fn windows_line_endings_read_the_same() {
    for name in ["ce_daily_article.csv", "ce_semicolon.csv", "cur2.csv"] {
        let text = String::from_utf8(fixture(name)).unwrap();
        let crlf = text.replace('\n', "\r\n");
        assert_eq!(parse(crlf.as_bytes()), parse(text.as_bytes()), "{name}");
    }
}

#[test]
fn a_byte_order_mark_is_ignored() {
    let mut bytes = b"\xef\xbb\xbf".to_vec();
    bytes.extend(fixture("ce_daily_article.csv"));
    assert_eq!(parse(&bytes), parse(&fixture("ce_daily_article.csv")));
}

#[test]
fn cost_explorer_by_usage_type() {
    let a = read("ce_usage_type.csv");
    // USE1-Lambda-GB-Second is Lambda's: 0.6 + 0.6 = 1.2; StateTransition
    // Step Functions': 0.25 + 0.25 = 0.5; TimedStorage-ByteHrs is S3's and
    // DynamoDB's alike, so unmapped: 0.01 + 0.01 = 0.02, under its name
    // without `($)`.
    assert_eq!(a.service(Service::Lambda), dec!(1.2));
    assert_eq!(a.service(Service::StepFunctions), dec!(0.5));
    assert_eq!(
        a.unmapped,
        vec![("USE1-TimedStorage-ByteHrs".to_string(), dec!(0.02))]
    );
    assert!(a.issues.is_empty(), "{:?}", a.issues);
}

#[test]
fn cost_explorer_bad_cells_are_reported_and_the_rest_kept() {
    let a = read("ce_bad_cells.csv");
    // Line 3 (2026-11-01): DynamoDB "abc" read as 0, Lambda 1 kept.
    // Line 4 ("Nov 2"): not a date, the row left out.
    // Line 5 (2026-11-03): 1 + 0.5 = 1.5 against a total of 1.6.
    // Line 6 (2026-11-04): fine.
    // Line 7 ("2026-11", a month in a daily file): left out.
    // Then the total row (line 2) against the date rows used: Lambda 1 + 1
    // + 1 = 3 agrees; DynamoDB 0 + 0.5 + 0.5 = 1 against 1.5; the total
    // column 1.5 + 1.6 + 1.5 = 4.6 against 4.5.
    assert_eq!(
        issue_texts(&a),
        vec![
            "line 3, column 3 (DynamoDB($)): \"abc\" is not a number; read as 0",
            "line 4, column 1 (Service): \"Nov 2\" is not a date (expected 2026-11-01, \
             2026-11 or `Service total`); row left out",
            "line 5, column 4 (Total costs($)): the cells add up to 1.5 but the total says 1.6",
            "line 7, column 1 (Service): a monthly row in a daily file; row left out",
            "line 2, column 3 (DynamoDB($)): the date rows add up to 1 but the total row says 1.5",
            "line 2, column 4 (Total costs($)): the date rows add up to 4.6 but the total \
             row says 4.5",
        ]
    );
    let i = &a.issues[0];
    assert_eq!((i.line, i.column), (3, Some(3)));
    assert_eq!(i.column_name.as_deref(), Some("DynamoDB($)"));
    // Kept: three date rows (Nov 1, 3, 4), Lambda 3, DynamoDB 1.
    assert_eq!(a.days, 3);
    assert_eq!(
        (a.first_day, a.last_day),
        (date(2026, 11, 1), date(2026, 11, 4))
    );
    assert_eq!(a.service(Service::Lambda), dec!(3));
    assert_eq!(a.service(Service::DynamoDb), dec!(1));
}

#[test]
fn cost_explorer_with_only_the_total_row() {
    let a = read("ce_total_only.csv");
    // Its totals are used (Lambda 3, DynamoDB 1.5), with no period.
    assert!(a.from_total_row);
    assert_eq!(a.service(Service::Lambda), dec!(3));
    assert_eq!(a.service(Service::DynamoDb), dec!(1.5));
    assert_eq!((a.days, a.first_day), (0, None));
    assert_eq!(a.per_day(), None);
    assert_eq!(a.per_month(), None);
    assert_eq!(a.issues.len(), 1);
    assert_eq!(a.issues[0].line, 2);
    assert!(
        a.issues[0].message.contains("only the total row"),
        "{}",
        a.issues[0]
    );
}

#[test]
fn cost_explorer_duplicate_day_counts_once_as_a_day() {
    let text = "Service,Lambda($)\n2026-11-01,1\n2026-11-01,2\n2026-11-02,3\n";
    let a = parse(text.as_bytes()).unwrap();
    // Both Nov 1 rows are summed: 1 + 2 + 3 = 6, over 2 distinct days: 3.
    assert_eq!(a.service(Service::Lambda), dec!(6));
    assert_eq!(a.days, 2);
    assert_eq!(a.per_day().unwrap().service(Service::Lambda), dec!(3));
    assert_eq!(a.issues.len(), 1);
    assert_eq!((a.issues[0].line, a.issues[0].column), (3, Some(1)));
}

#[test]
fn cost_explorer_with_only_a_total_column() {
    let text = "\"Service\",\"Total costs($)\"\n\"2026-11-01\",\"2\"\n\"2026-11-02\",\"3\"\n";
    let a = parse(text.as_bytes()).unwrap();
    // Not grouped by service: the 2 + 3 = 5 is kept, unmapped, under the
    // column's name; 2.5 a day.
    assert_eq!(a.unmapped, vec![("Total costs".to_string(), dec!(5))]);
    assert_eq!(a.per_day().unwrap().total(), dec!(2.5));
    assert!(a.issues.is_empty(), "{:?}", a.issues);
}

#[test]
fn the_parser_reports_progress_and_layout() {
    let bytes = fixture("focus_billed.csv");
    let mut p = Parser::new();
    assert_eq!(p.format(), None);
    let (head, rest) = bytes.split_at(300);
    p.feed(head);
    // The header (line 1) is in the first 300 bytes.
    assert_eq!(p.format(), Some(Format::Focus));
    assert_eq!(p.consumed(), 300);
    p.feed(rest);
    assert_eq!(p.consumed(), bytes.len() as u64);
    assert_eq!(p.failed(), None);
    assert_eq!(p.finish(), parse(&bytes));
    // A file known bad early says so before its end.
    let mut p = Parser::new();
    p.feed(b"Date,Amount\n2026-11-01,1\n");
    assert!(p.failed().unwrap().message.starts_with("unknown layout"));
}

#[test]
fn cur_legacy() {
    let a = read("cur_legacy.csv");
    assert_eq!(a.format, Format::CurLegacy);
    assert_eq!(a.currency.as_deref(), Some("USD"));
    // AWSLambda 0.4000000000 + 0.1 = 0.5 (the Tax and Credit lines on
    // AWSLambda go apart); AmazonStates 0.25; AmazonDynamoDB 0.05;
    // AWSEvents 0.02; AmazonEC2 1, unmapped; tax 0.08; credits -0.3.
    assert_eq!(a.service(Service::Lambda), dec!(0.5));
    assert_eq!(a.service(Service::StepFunctions), dec!(0.25));
    assert_eq!(a.service(Service::DynamoDb), dec!(0.05));
    assert_eq!(a.service(Service::EventBridge), dec!(0.02));
    assert_eq!(a.unmapped, vec![("AmazonEC2".to_string(), dec!(1))]);
    assert_eq!(a.tax, dec!(0.08));
    assert_eq!(a.credits, dec!(-0.3));
    assert_eq!(a.rows, 8);
    // Usage from Nov 1 00:00 to the DynamoDB line ending Nov 3 00:00
    // (exclusive), so Nov 1 to Nov 2: 2 days. The tax and credit lines span
    // the billing month and do not count.
    assert_eq!(
        (a.first_day, a.last_day),
        (date(2026, 11, 1), date(2026, 11, 2))
    );
    assert_eq!(a.days, 2);
    // Per day: 0.25, 0.125, 0.025, 0.01, EC2 0.5, tax 0.04, credits -0.15.
    let d = a.per_day().unwrap();
    assert_eq!(d.service(Service::Lambda), dec!(0.25));
    assert_eq!(d.service(Service::StepFunctions), dec!(0.125));
    assert_eq!(d.service(Service::DynamoDb), dec!(0.025));
    assert_eq!(d.service(Service::EventBridge), dec!(0.01));
    assert_eq!(d.unmapped, vec![("AmazonEC2".to_string(), dec!(0.5))]);
    assert_eq!((d.tax, d.credits), (dec!(0.04), dec!(-0.15)));
    // 0.25 + 0.125 + 0.025 + 0.01 = 0.41 mapped; with EC2 0.5, tax 0.04,
    // credits -0.15: 0.8.
    assert_eq!(d.services_total(), dec!(0.41));
    assert_eq!(d.total(), dec!(0.8));
    assert!(a.issues.is_empty(), "{:?}", a.issues);
}

#[test]
fn cur_2_0() {
    let a = read("cur2.csv");
    assert_eq!(a.format, Format::Cur2);
    // The quoted JSON `product` cells, with commas and doubled quotes
    // inside, are one cell each. Nov 1 to Nov 3: 3 days.
    assert_eq!(a.days, 3);
    assert_eq!(
        (a.first_day, a.last_day),
        (date(2026, 11, 1), date(2026, 11, 3))
    );
    // Per day: Lambda 0.3 / 3 = 0.1; API Gateway 0.36 / 3 = 0.12; SQS
    // 0.03 / 3 = 0.01; SNS 0.06 / 3 = 0.02; S3 0.09 / 3 = 0.03; CloudWatch
    // 0.45 / 3 = 0.15; data transfer 0.12 / 3 = 0.04; tax 0.15 / 3 = 0.05.
    let d = a.per_day().unwrap();
    assert_eq!(d.service(Service::Lambda), dec!(0.1));
    assert_eq!(d.service(Service::ApiGateway), dec!(0.12));
    assert_eq!(d.service(Service::Sqs), dec!(0.01));
    assert_eq!(d.service(Service::Sns), dec!(0.02));
    assert_eq!(d.service(Service::S3), dec!(0.03));
    assert_eq!(d.service(Service::CloudWatch), dec!(0.15));
    assert_eq!(d.service(Service::DataTransfer), dec!(0.04));
    assert_eq!(d.tax, dec!(0.05));
    assert!(a.unmapped.is_empty());
    assert!(a.issues.is_empty(), "{:?}", a.issues);
}

#[test]
fn cur_gzip_reads_as_the_plain_file() {
    let plain = fixture("cur2.csv");
    let packed = gzip(&plain);
    assert_eq!(packed[..2], [0x1f, 0x8b]);
    let want = parse(&plain).unwrap();
    assert_eq!(parse(&packed).unwrap(), want);
    // Fed a byte at a time, and through a reader.
    let mut p = Parser::new();
    for b in &packed {
        p.feed(std::slice::from_ref(b));
    }
    assert_eq!(p.consumed(), packed.len() as u64);
    assert_eq!(p.finish().unwrap(), want);
    assert_eq!(parse_reader(&packed[..]).unwrap(), want);
    // Two gzip members (as `cat a.gz b.gz` makes) are one file: the same
    // line items twice, so every total doubles, over the same 3 days.
    let text = String::from_utf8(plain).unwrap();
    let (header, rows) = text.split_once('\n').unwrap();
    let mut two = gzip(format!("{header}\n{rows}").as_bytes());
    two.extend(gzip(rows.as_bytes()));
    let a = parse(&two).unwrap();
    assert_eq!(a.service(Service::Lambda), dec!(0.6));
    assert_eq!(a.days, 3);
}

#[test]
fn cur_gzip_cut_short_keeps_what_came_before() {
    let plain = fixture("cur_legacy.csv");
    let packed = gzip(&plain);
    let whole = parse(&plain).unwrap();
    // Without its 8-byte trailer (checksum and length): every line item
    // came out, so the totals are the plain file's, with one issue.
    let a = parse(&packed[..packed.len() - 8]).unwrap();
    assert_eq!(a.per_service, whole.per_service);
    assert_eq!(
        (a.tax, a.credits, a.days),
        (whole.tax, whole.credits, whole.days)
    );
    assert_eq!(a.issues.len(), 1, "{:?}", a.issues);
    assert!(
        a.issues[0]
            .message
            .starts_with("the gzip data is damaged or cut short")
            && a.issues[0].message.ends_with("what came before it is kept"),
        "{}",
        a.issues[0]
    );
    // Cut to two thirds: fewer line items, never more, and the issue.
    let a = parse(&packed[..packed.len() * 2 / 3]).unwrap();
    assert!(a.rows < whole.rows, "{} rows", a.rows);
    assert!(a.issues.iter().any(|i| i.message.contains("gzip")));
    // A gzip header and nothing usable.
    let e = fail(&[0x1f, 0x8b, 0x08, 0x00, 0xff, 0xff]);
    assert!(
        e.to_string()
            .starts_with("the gzip data is damaged or cut short"),
        "{e}"
    );
    // Junk after the magic bytes.
    let e = fail(b"\x1f\x8bService,Lambda($)\n2026-11-01,1\n");
    assert!(e.to_string().starts_with("the gzip data is damaged"), "{e}");
}

#[test]
fn focus_billed_cost() {
    let a = read("focus_billed.csv");
    assert_eq!(a.format, Format::Focus);
    assert_eq!(a.currency.as_deref(), Some("USD"));
    // BilledCost, not EffectiveCost (0.36 on the Lambda row): Lambda 0.40.
    // x_ServiceCode maps where given; the SQS row has none and maps by its
    // ServiceName. EC2 is unmapped under its ServiceName.
    assert_eq!(a.service(Service::Lambda), dec!(0.40));
    assert_eq!(a.service(Service::StepFunctions), dec!(0.20));
    assert_eq!(a.service(Service::EventBridge), dec!(0.08));
    assert_eq!(a.service(Service::DynamoDb), dec!(0.12));
    assert_eq!(a.service(Service::Sqs), dec!(0.04));
    assert_eq!(
        a.unmapped,
        vec![("Amazon Elastic Compute Cloud".to_string(), dec!(0.50))]
    );
    assert_eq!((a.tax, a.credits), (dec!(0.10), dec!(-0.20)));
    // Usage from Nov 1 to the EventBridge row ending Nov 5 00:00
    // (exclusive): Nov 1 to Nov 4, 4 days.
    assert_eq!(
        (a.first_day, a.last_day),
        (date(2026, 11, 1), date(2026, 11, 4))
    );
    assert_eq!(a.days, 4);
    // Per day: 0.10, 0.05, 0.02, 0.03, 0.01; EC2 0.125; tax 0.025;
    // credits -0.05.
    let d = a.per_day().unwrap();
    assert_eq!(d.service(Service::Lambda), dec!(0.10));
    assert_eq!(d.service(Service::StepFunctions), dec!(0.05));
    assert_eq!(d.service(Service::EventBridge), dec!(0.02));
    assert_eq!(d.service(Service::DynamoDb), dec!(0.03));
    assert_eq!(d.service(Service::Sqs), dec!(0.01));
    assert_eq!(d.unmapped[0].1, dec!(0.125));
    assert_eq!((d.tax, d.credits), (dec!(0.025), dec!(-0.05)));
    assert!(a.issues.is_empty(), "{:?}", a.issues);
}

#[test]
fn focus_effective_cost() {
    let a = read("focus_effective.csv");
    assert_eq!(a.format, Format::Focus);
    // Lambda 0.30 + 0.26 = 0.56; DynamoDB 0.14; KMS 0.02 unmapped; Nov 1
    // to Nov 2 (ends at midnight, space-separated times): 2 days.
    assert_eq!(a.days, 2);
    let d = a.per_day().unwrap();
    // 0.56 / 2 = 0.28; 0.14 / 2 = 0.07; 0.02 / 2 = 0.01.
    assert_eq!(d.service(Service::Lambda), dec!(0.28));
    assert_eq!(d.service(Service::DynamoDb), dec!(0.07));
    assert_eq!(
        d.unmapped,
        vec![("AWS Key Management Service".to_string(), dec!(0.01))]
    );
    // Per 730-hour month: 0.72 × 730 / 48 = 525.6 / 48 = 10.95 (each part
    // is divided on its own, 0.56 × 730 / 48 = 8.51666…, so the sum is
    // 10.95 to 28 digits, not exactly).
    assert_eq!(a.per_month().unwrap().total().round_dp(20), dec!(10.95));
    assert!(a.issues.is_empty(), "{:?}", a.issues);
}

#[test]
fn line_items_bad_rows_are_reported_and_the_rest_kept() {
    let a = read("cur_bad_rows.csv");
    assert_eq!(
        issue_texts(&a),
        vec![
            "line 3, column 4 (lineItem/CurrencyCode): mixed currencies: EUR here, USD \
             before; row left out",
            "line 4, column 5 (lineItem/UnblendedCost): \"n/a\" is not a number; row left out",
            "line 5, column 2 (lineItem/UsageStartDate): \"11/02/2026\" is not a date \
             (expected 2026-11-01T00:00:00Z); row left out",
            "line 7: this row has 3 cells, the header 5; row left out",
        ]
    );
    // Kept: line 2 (Lambda 0.5, Nov 1) and line 6 (DynamoDB 0.3, Nov 2).
    assert_eq!(a.service(Service::Lambda), dec!(0.5));
    assert_eq!(a.service(Service::DynamoDb), dec!(0.3));
    assert_eq!(a.rows, 2);
    assert_eq!(a.days, 2);
    assert_eq!(a.currency.as_deref(), Some("USD"));
}

#[test]
fn every_variant_reads_the_same_in_any_slices() {
    for name in [
        "ce_daily_article.csv",
        "ce_monthly.csv",
        "ce_monthly_first_days.csv",
        "ce_old_header.csv",
        "ce_cells.csv",
        "ce_semicolon.csv",
        "ce_bad_cells.csv",
        "cur_legacy.csv",
        "cur2.csv",
        "cur_bad_rows.csv",
        "focus_billed.csv",
        "focus_effective.csv",
    ] {
        let bytes = fixture(name);
        let whole = parse(&bytes);
        for size in [1, 2, 3, 7, 64, 1000] {
            let mut p = Parser::new();
            for chunk in bytes.chunks(size) {
                p.feed(chunk);
            }
            assert_eq!(p.finish(), whole, "{name} in slices of {size}");
        }
    }
}

#[test]
fn a_reader_that_fails_is_an_error() {
    struct Broken;
    impl std::io::Read for Broken {
        fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("disk gone"))
        }
    }
    let e = parse_reader(Broken).unwrap_err();
    assert_eq!(e.to_string(), "could not read the file: disk gone");
    // A reader that works reads as the bytes do.
    let bytes = fixture("focus_billed.csv");
    assert_eq!(parse_reader(&bytes[..]), parse(&bytes));
}

#[test]
fn service_names() {
    let names: Vec<&str> = Service::ALL.iter().map(|s| s.name()).collect();
    assert_eq!(
        names,
        [
            "Lambda",
            "Step Functions",
            "EventBridge",
            "DynamoDB",
            "API Gateway",
            "SQS",
            "SNS",
            "S3",
            "CloudWatch",
            "Data transfer"
        ]
    );
    // Each name maps back to its service.
    for s in Service::ALL {
        assert_eq!(Service::from_name(s.name()), Some(s), "{s}");
    }
}

#[test]
fn empty_files() {
    for bytes in [&b""[..], b"\n", b"  \r\n\t", b"\xef\xbb\xbf"] {
        let e = fail(bytes);
        assert_eq!(e.to_string(), "the file is empty", "{bytes:?}");
    }
}

#[test]
fn not_csv_files() {
    let cases: [(&[u8], &str); 6] = [
        (b"PK\x03\x04\x14\x00", "a ZIP archive"),
        (b"PAR1\x15\x04", "a Parquet file"),
        (b"\xff\xfeS\x00e\x00", "UTF-16 text"),
        (b"\x00\x01\x02\x03 junk", "binary data"),
        (b"{\"ResultsByTime\": []}", "JSON"),
        (b"hello world\nmore text\n", "no `,` or `;`"),
    ];
    for (bytes, want) in cases {
        let e = fail(bytes);
        let text = e.to_string();
        assert!(text.contains("not a CSV file"), "{text}");
        assert!(text.contains(want), "{text}");
    }
    // The one-cell header is on line 1.
    assert_eq!(fail(b"hello world\n").reason.line, 1);
}

#[test]
fn unknown_layouts_list_the_expected_headers() {
    let e = parse(&fixture("unknown_layout.csv")).unwrap_err();
    let text = e.to_string();
    assert!(
        text.starts_with(
            "line 1: unknown layout: the header reads `Date`, `Amount`, `Description`."
        ),
        "{text}"
    );
    for expected in [
        "`Service`",
        "`Total costs($)`",
        "`lineItem/ProductCode`",
        "`line_item_unblended_cost`",
        "`ServiceName`",
        "`BilledCost` or `EffectiveCost`",
        "`ChargePeriodStart`",
    ] {
        assert!(text.contains(expected), "{expected} in {text}");
    }
    // A header with some of a layout's columns says which are missing.
    let e = parse(&fixture("cur_partial_header.csv")).unwrap_err();
    assert!(
        e.to_string().contains(
            "It looks like Cost and Usage Report (legacy) but has no `lineItem/UsageStartDate`."
        ),
        "{e}"
    );
}

#[test]
fn nothing_usable() {
    // A Cost Explorer header alone.
    let e = fail(b"\"Service\",\"Lambda($)\",\"Total costs($)\"\n");
    assert!(e.to_string().contains("no date rows"), "{e}");
    // Line items that are all bad: the reason, and each row's issue.
    let e = fail(b"line_item_product_code,line_item_unblended_cost,line_item_usage_start_date\nAWSLambda,x,2026-11-01\nAWSLambda,1,soon\n");
    assert_eq!(
        e.to_string(),
        "the Cost and Usage Report 2.0 file has no usable line items"
    );
    assert_eq!(e.issues.len(), 2);
    assert_eq!((e.issues[0].line, e.issues[0].column), (2, Some(2)));
    assert_eq!((e.issues[1].line, e.issues[1].column), (3, Some(3)));
    // A FOCUS header alone.
    let e = fail(b"ServiceName,BilledCost,ChargePeriodStart\n");
    assert_eq!(e.to_string(), "the FOCUS file has no usable line items");
}

#[test]
fn mixed_currencies() {
    let text = "ServiceName,BilledCost,ChargePeriodStart,BillingCurrency\n\
                AWS Lambda,1,2026-11-01,USD\n\
                AWS Lambda,2,2026-11-01,EUR\n\
                AWS Lambda,4,2026-11-02,usd\n";
    let a = parse(text.as_bytes()).unwrap();
    // USD first; the EUR row (line 3, column 4) left out; `usd` is USD.
    // Lambda 1 + 4 = 5 over Nov 1 to 2.
    assert_eq!(a.service(Service::Lambda), dec!(5));
    assert_eq!(a.currency.as_deref(), Some("USD"));
    assert_eq!(a.issues.len(), 1);
    assert_eq!((a.issues[0].line, a.issues[0].column), (3, Some(4)));
    assert!(a.issues[0].message.starts_with("mixed currencies"));
}

#[test]
fn quoted_newlines_keep_line_numbers() {
    // Line 2's record spans lines 2 and 3; the bad cell after it is on 4.
    let text = "ServiceName,BilledCost,ChargePeriodStart,Note\n\
                AWS Lambda,1,2026-11-01,\"two\nlines\"\n\
                AWS Lambda,bad,2026-11-01,x\n";
    let a = parse(text.as_bytes()).unwrap();
    assert_eq!(a.issues.len(), 1);
    assert_eq!((a.issues[0].line, a.issues[0].column), (4, Some(2)));
    // The same after blank lines: line 3 is blank, the bad row on line 4.
    let text = "ServiceName,BilledCost,ChargePeriodStart\nAWS Lambda,1,2026-11-01\n\nAWS Lambda,bad,2026-11-01";
    let a = parse(text.as_bytes()).unwrap();
    assert_eq!((a.issues[0].line, a.issues[0].column), (4, Some(2)));
}

#[test]
fn many_bad_rows_are_counted_not_all_listed() {
    let mut text = String::from("Service,Lambda($)\n2026-11-01,1\n");
    for _ in 0..500 {
        text.push_str("2026-11-02,x\n");
    }
    let a = parse(text.as_bytes()).unwrap();
    // 500 bad cells, and 499 of the Nov 2 rows repeat a day: 999 issues,
    // 100 listed and one line for the other 899.
    assert_eq!(a.issues.len(), 101);
    assert_eq!(a.issues[100].message, "and 899 more problems like these");
    // The 500 Nov 2 rows count as one day, Lambda 1 (from Nov 1).
    assert_eq!(a.service(Service::Lambda), dec!(1));
    assert_eq!(a.days, 2);
}

#[test]
fn a_long_file_stays_exact() {
    // 100,000 line items of 0.0000002 (one Lambda request each) over one
    // day: 0.02, exactly.
    let mut text =
        String::from("lineItem/ProductCode,lineItem/UnblendedCost,lineItem/UsageStartDate\n");
    for _ in 0..100_000 {
        text.push_str("AWSLambda,0.0000002,2026-11-01T00:00:00Z\n");
    }
    let a = parse(text.as_bytes()).unwrap();
    assert_eq!(a.service(Service::Lambda), dec!(0.02));
    assert_eq!(a.rows, 100_000);
    assert_eq!(a.days, 1);
}

#[test]
fn a_huge_row_is_left_out() {
    let mut text = String::from("Service,Lambda($)\n2026-11-01,1\n2026-11-02,");
    text.push_str(&"9".repeat(3 << 20));
    text.push_str("\n2026-11-03,2\n");
    let a = parse(text.as_bytes()).unwrap();
    // The 3 MB row (line 3) is left out: Lambda 1 + 2 = 3 over 2 days.
    assert_eq!(a.service(Service::Lambda), dec!(3));
    assert_eq!(a.days, 2);
    assert_eq!(a.issues.len(), 1);
    assert_eq!(a.issues[0].line, 3);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Random bytes never panic, plain or gzip.
    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = parse(&bytes);
        let mut gz = vec![0x1f, 0x8b];
        gz.extend(&bytes);
        let _ = parse(&gz);
        let _ = parse(&gzip(&bytes));
    }

    /// Fixtures with random bytes put in, fed in random slices, never
    /// panic, and the slicing never changes the result.
    #[test]
    fn damaged_fixtures_never_panic(
        which in 0usize..6,
        at in any::<prop::sample::Index>(),
        junk in proptest::collection::vec(any::<u8>(), 0..40),
        size in 1usize..50,
    ) {
        let names = [
            "ce_daily_article.csv", "ce_cells.csv", "ce_semicolon.csv",
            "cur_legacy.csv", "cur2.csv", "focus_billed.csv",
        ];
        let mut bytes = fixture(names[which]);
        let i = at.index(bytes.len() + 1);
        bytes.splice(i..i, junk);
        let whole = parse(&bytes);
        let mut p = Parser::new();
        for chunk in bytes.chunks(size) {
            p.feed(chunk);
        }
        prop_assert_eq!(p.finish(), whole);
    }

    /// Any text in the cells of a valid layout never panics.
    #[test]
    fn any_cells_never_panic(cells in proptest::collection::vec("[-+0-9eE.,;\"$ a-z]{0,12}", 0..12)) {
        let row = cells.join(",");
        let _ = parse(format!("Service,Lambda($),Total costs($)\n{row}\n2026-11-01,{row}\n").as_bytes());
        let _ = parse(format!("ServiceName,BilledCost,ChargePeriodStart,ChargePeriodEnd,BillingCurrency\n{row}\nAWS Lambda,{row}\n").as_bytes());
    }

    /// Sums stay exact: n days of the same cents average to those cents.
    #[test]
    fn averages_are_exact(cents in proptest::collection::vec(0u32..100_000, 1..30)) {
        let mut text = String::from("Service,Lambda($)\n");
        let mut sum = Decimal::ZERO;
        for (i, c) in cents.iter().enumerate() {
            let d = Decimal::new(i64::from(*c), 2);
            sum += d;
            let day = Date::new(2026, 1 + (i / 28) as u8, 1 + (i % 28) as u8).unwrap();
            text.push_str(&format!("{day},{d}\n"));
        }
        let a = parse(text.as_bytes()).unwrap();
        prop_assert_eq!(a.service(Service::Lambda), sum);
        prop_assert_eq!(a.days as usize, cents.len());
        let n = Decimal::from(cents.len() as u64);
        prop_assert_eq!(a.per_day().unwrap().service(Service::Lambda), sum / n);
    }
}

#[test]
fn a_last_line_without_a_line_feed_is_read() {
    // Lambda 1.50 on Nov 1 and 2.25 on Nov 2, the second line unended (and
    // once with its last cell quoted): 1.50 + 2.25 = 3.75 over 2 days, in
    // one piece or a byte at a time.
    for text in [
        "Service,Lambda($)\n2026-11-01,1.50\n2026-11-02,2.25",
        "Service,Lambda($)\n2026-11-01,1.50\n2026-11-02,\"2.25\"",
    ] {
        let whole = parse(text.as_bytes()).unwrap();
        assert_eq!(whole.service(Service::Lambda), dec!(3.75), "{text}");
        assert_eq!(whole.days, 2, "{text}");
        let mut p = Parser::new();
        for b in text.as_bytes().chunks(1) {
            p.feed(b);
        }
        assert_eq!(p.finish().unwrap(), whole, "{text}");
    }
}
