//! Actual spend from a billing export, to set beside the plan (issue 15).
//!
//! Reads the four exports a team has (facts in `../shared/pricing.md`,
//! "Billing exports"), from bytes fed in slices so a page can parse a
//! large file a piece at a time and show progress:
//!
//! - the Cost Explorer "Download CSV" ([`Format::CostExplorer`]): wide, a
//!   header `Service` (or `Usage type`), one `Name($)` column per service,
//!   `Total costs($)` (older files `Total cost ($)`), a `Service total`
//!   row and one row per day (`2026-11-01`) or month (`2026-11`) in any
//!   order. Cells may be empty (no cost), plain, scientific
//!   (`1.776500e-06`) or quoted; a file that went through a spreadsheet
//!   may use `;` (or a tab) between cells and decimal commas.
//! - the Cost and Usage Report, legacy (`lineItem/ProductCode`,
//!   `lineItem/UnblendedCost`, `lineItem/UsageStartDate`) and 2.0 (the same
//!   in snake case), one row per line item;
//! - FOCUS (`ServiceName`, `BilledCost` or `EffectiveCost`,
//!   `ChargePeriodStart`, AWS's `x_ServiceCode`);
//!
//! each plain or gzip-compressed (detected by its magic bytes, not its
//! name). The CSV syntax is `csv-core`'s, the engine of the `csv` crate,
//! which reads from slices of input as they come (the `csv` crate itself
//! pulls from an `io::Read`, which cannot wait for the page's next slice).
//!
//! # Rules
//!
//! - **Services.** Each column (Cost Explorer) or product code / service
//!   name (line items) is mapped to a [`Service`] by [`Service::from_name`];
//!   what maps to none is kept in `unmapped` with its amount, never
//!   dropped. Tax (the `Tax($)` column; line item type or `ChargeCategory`
//!   `Tax`) and credits (columns `Credits($)`, `Refund($)`; types `Credit`
//!   and `Refund`; `ChargeCategory` `Credit`) are kept apart from both.
//! - **Cost Explorer rows.** The date rows are summed; the `Service total`
//!   row is only used when the file has no date rows (then the file gives
//!   no period, [`Actual::from_total_row`] is set and there is no average).
//!   Where both exist, each column's date rows are checked against the
//!   total row, and each row's cells against its `Total costs($)` cell; a
//!   difference of a cent or more is reported as an [`Issue`]. A file whose
//!   first date row is a month (`2026-11`) is monthly; rows of the other
//!   kind are left out with an issue. Cost Explorer itself writes a
//!   monthly file's rows as the months' first days (`2026-11-01`), so a
//!   file of two or more date rows, all on the 1st, is monthly too; one
//!   row on the 1st is read as one day, with an issue saying so. A date
//!   that appears on two rows is one day, and both rows are summed, with
//!   an issue.
//! - **Line items.** The cost is `UnblendedCost` (CUR) or `BilledCost`
//!   (FOCUS; `EffectiveCost` where there is no `BilledCost`). A row's
//!   period runs from its start date to its end date (`UsageEndDate`,
//!   `ChargePeriodEnd`, where the file has it; an end at midnight is
//!   exclusive); the file covers every day from the earliest start to the
//!   latest end of its usage rows. Tax, credit, refund and fee rows, and
//!   FOCUS `Purchase` and `Adjustment` rows, are dated over the whole
//!   billing period, so they count for the period only in a file that has
//!   nothing else. The first currency seen is the file's; rows in another
//!   currency are left out with an issue.
//! - **Days and averages.** A daily Cost Explorer file covers as many days
//!   as it has distinct date rows; a monthly one the days of its distinct
//!   months; a line-item file the span from its first day to its last.
//!   [`Actual::per_day`] divides each amount by those days.
//!   [`Actual::per_month`] divides a monthly file's amounts by its number
//!   of months, and otherwise brings the daily average to the plan's month
//!   of 730 hours: amount × 730 / (24 × days).
//! - **Bad input.** A cell that is not a number, a bad date, a short row, a
//!   row in another currency: an [`Issue`] naming the line and column
//!   (1-based), and the rest of the file is kept. [`Error`] only when
//!   nothing can be used: empty, not a CSV, an unknown layout (the message
//!   lists the headers each format needs), or no usable row.
//!
//! No input panics: every cell is read with `get`, every sum saturates
//! (`arith::Sat`), and the memory a record can take is bounded.

use crate::arith::Sat;
use crate::number::{parse_decimal, shorten};
use csv_core::{ReadRecordResult, Reader, ReaderBuilder};
use flate2::write::MultiGzDecoder;
use rust_decimal::Decimal;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::io::Write;

/// The services of the plan that spend is mapped to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Service {
    Lambda,
    StepFunctions,
    EventBridge,
    DynamoDb,
    ApiGateway,
    Sqs,
    Sns,
    S3,
    /// Logs and metrics.
    CloudWatch,
    DataTransfer,
}

impl Service {
    pub const ALL: [Service; 10] = [
        Service::Lambda,
        Service::StepFunctions,
        Service::EventBridge,
        Service::DynamoDb,
        Service::ApiGateway,
        Service::Sqs,
        Service::Sns,
        Service::S3,
        Service::CloudWatch,
        Service::DataTransfer,
    ];

    /// The service's key in a link's summary (`crate::fragment`):
    /// `actual.<id>`. Part of the link contract: never change one.
    pub fn id(self) -> &'static str {
        match self {
            Service::Lambda => "lambda",
            Service::StepFunctions => "sfn",
            Service::EventBridge => "eventbridge",
            Service::DynamoDb => "dynamodb",
            Service::ApiGateway => "apigw",
            Service::Sqs => "sqs",
            Service::Sns => "sns",
            Service::S3 => "s3",
            Service::CloudWatch => "cloudwatch",
            Service::DataTransfer => "transfer",
        }
    }

    /// The name the page shows.
    pub fn name(self) -> &'static str {
        match self {
            Service::Lambda => "Lambda",
            Service::StepFunctions => "Step Functions",
            Service::EventBridge => "EventBridge",
            Service::DynamoDb => "DynamoDB",
            Service::ApiGateway => "API Gateway",
            Service::Sqs => "SQS",
            Service::Sns => "SNS",
            Service::S3 => "S3",
            Service::CloudWatch => "CloudWatch",
            Service::DataTransfer => "Data transfer",
        }
    }

    /// The service a Cost Explorer column (`Lambda`, `Step Functions`,
    /// `CloudWatch Events`, `Simple Queue Service`, …; a trailing `($)`
    /// is ignored), a CUR product code (`AWSLambda`, `AmazonStates`,
    /// `AWSEvents`, `AWSQueueService`, …) or a FOCUS service name (`AWS
    /// Lambda`, `Amazon EventBridge`, …) stands for. Case, spaces and
    /// punctuation do not count, nor a leading `AWS` or `Amazon`.
    pub fn from_name(text: &str) -> Option<Service> {
        let text = text.trim();
        let text = text.strip_suffix("($)").unwrap_or(text);
        let key: String = text
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        let bare = key
            .strip_prefix("aws")
            .or_else(|| key.strip_prefix("amazon"))
            .unwrap_or(&key);
        let found = [key.as_str(), bare].into_iter().find_map(|k| {
            Some(match k {
                "lambda" => Service::Lambda,
                "stepfunctions" | "states" => Service::StepFunctions,
                "eventbridge" | "cloudwatchevents" | "events" => Service::EventBridge,
                "dynamodb" => Service::DynamoDb,
                "apigateway" => Service::ApiGateway,
                "sqs" | "simplequeueservice" | "queueservice" => Service::Sqs,
                "sns" | "simplenotificationservice" => Service::Sns,
                "s3" | "simplestorageservice" => Service::S3,
                "cloudwatch" => Service::CloudWatch,
                "datatransfer" => Service::DataTransfer,
                _ => return None,
            })
        });
        found
    }

    /// The service a Cost Explorer usage type column (grouped by usage
    /// type: `USE1-Lambda-GB-Second`) unmistakably belongs to; `None` for
    /// the many usage types several services share (`TimedStorage-ByteHrs`
    /// is both S3's and DynamoDB's, `Request` Lambda's and others'), which
    /// are listed as unmapped.
    pub fn from_usage_type(text: &str) -> Option<Service> {
        let key: String = text
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        let has = |words: &[&str]| words.iter().any(|w| key.contains(w));
        Some(if has(&["lambda"]) {
            Service::Lambda
        } else if has(&["statetransition", "stepfunctions"]) {
            Service::StepFunctions
        } else if has(&["eventbridge"]) {
            Service::EventBridge
        } else if has(&[
            "readrequestunits",
            "writerequestunits",
            "readcapacityunit",
            "writecapacityunit",
        ]) {
            Service::DynamoDb
        } else if has(&["apigateway"]) {
            Service::ApiGateway
        } else if has(&["requeststier1", "requeststier2"]) {
            Service::S3
        } else if has(&["datatransfer"]) {
            Service::DataTransfer
        } else {
            return None;
        })
    }
}

impl fmt::Display for Service {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The layout a file was read as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Cost Explorer's "Download CSV".
    CostExplorer,
    /// Cost and Usage Report, legacy (`lineItem/…` columns).
    CurLegacy,
    /// Cost and Usage Report 2.0 (`line_item_…` columns).
    Cur2,
    /// FOCUS (`ServiceName`, `BilledCost`, `ChargePeriodStart`, …).
    Focus,
    /// A summary someone chose to put in a link (`crate::fragment`).
    Summary,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::CostExplorer => "Cost Explorer CSV",
            Format::CurLegacy => "Cost and Usage Report (legacy)",
            Format::Cur2 => "Cost and Usage Report 2.0",
            Format::Focus => "FOCUS",
            Format::Summary => "a summary in the link",
        }
    }
}

/// A calendar date (proleptic Gregorian), as the files write it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// A valid date, or `None`.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// `2026-11-01`, and nothing else: exactly four, two and two digits.
    pub fn parse(text: &str) -> Option<Date> {
        let b = text.as_bytes();
        if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
            return None;
        }
        Date::new(
            digits(text.get(0..4)?)?,
            u8::try_from(digits(text.get(5..7)?)?).ok()?,
            u8::try_from(digits(text.get(8..10)?)?).ok()?,
        )
    }

    /// Days since 1970-01-01 (negative before), for spans.
    pub fn day_number(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    /// The day before (`None` before year 0).
    fn previous(self) -> Option<Date> {
        if self.day > 1 {
            return Some(Date {
                day: self.day - 1,
                ..self
            });
        }
        let (year, month) = if self.month > 1 {
            (self.year, self.month - 1)
        } else {
            (self.year.checked_sub(1)?, 12)
        };
        Date::new(year, month, days_in_month(year, month))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A string of ASCII digits as a number: no sign, which `str::parse`
/// would accept. The callers pass two or four characters; an empty string
/// does not parse.
fn digits(s: &str) -> Option<u16> {
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        _ => 0,
    }
}

/// `2026-11`: a year and a month.
fn parse_month(text: &str) -> Option<(u16, u8)> {
    let b = text.as_bytes();
    if b.len() != 7 || b.get(4) != Some(&b'-') {
        return None;
    }
    let year = digits(text.get(0..4)?)?;
    let month = u8::try_from(digits(text.get(5..7)?)?).ok()?;
    (1..=12).contains(&month).then_some((year, month))
}

/// A line item's timestamp: `2026-11-01T00:00:00Z`, `2026-11-01 13:00:00`,
/// `2026-11-01T00:00:00.000+00:00` or a bare date. The date as written
/// (its offset is not applied), and whether the time is midnight.
fn parse_timestamp(text: &str) -> Option<(Date, bool)> {
    let text = text.trim();
    let date = Date::parse(text.get(..10)?)?;
    let rest = text.get(10..)?;
    let time = match rest.strip_prefix(['T', ' ']) {
        Some(t) => t,
        None if rest.is_empty() => "",
        None => return None,
    };
    // The time up to its zone (`Z`, `+hh:mm`, `-hh:mm`).
    let clock = time.split(['Z', 'z', '+', '-']).next().unwrap_or("");
    if !clock
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b':' || b == b'.')
    {
        return None;
    }
    let midnight = clock.bytes().all(|b| b == b'0' || b == b':' || b == b'.');
    Some((date, midnight))
}

/// Something wrong in a file, where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    /// 1-based line of the file; 0 when the issue is about the whole file.
    pub line: u64,
    /// 1-based column, where the issue is about one cell or column.
    pub column: Option<usize>,
    /// The column's header, where the file has one.
    pub column_name: Option<String>,
    pub message: String,
}

impl Issue {
    fn file(message: impl Into<String>) -> Issue {
        Issue {
            line: 0,
            column: None,
            column_name: None,
            message: message.into(),
        }
    }

    fn line(line: u64, message: impl Into<String>) -> Issue {
        Issue {
            line,
            ..Issue::file(message)
        }
    }

    fn cell(line: u64, column: usize, name: &str, message: impl Into<String>) -> Issue {
        Issue {
            line,
            column: Some(column + 1),
            column_name: Some(shorten(name)),
            message: message.into(),
        }
    }
}

impl fmt::Display for Issue {
    /// `line 4, column 3 (DynamoDB($)): "abc" is not a number`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "line {}", self.line)?;
            if let Some(c) = self.column {
                write!(f, ", column {c}")?;
                if let Some(n) = &self.column_name {
                    write!(f, " ({n})")?;
                }
            }
            f.write_str(": ")?;
        }
        f.write_str(&self.message)
    }
}

/// Why a file gave nothing to use: `reason`, plus the issues met on the way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    pub reason: Issue,
    pub issues: Vec<Issue>,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.reason.fmt(f)
    }
}

impl std::error::Error for Error {}

/// The spend a file shows, over the period it covers.
#[derive(Clone, Debug, PartialEq)]
pub struct Actual {
    pub format: Format,
    /// The services that appear in the file, with their totals.
    pub per_service: BTreeMap<Service, Decimal>,
    /// What maps to no service, in the order first seen, with its total.
    pub unmapped: Vec<(String, Decimal)>,
    pub tax: Decimal,
    /// Credits and refunds (usually negative).
    pub credits: Decimal,
    pub first_day: Option<Date>,
    pub last_day: Option<Date>,
    /// The days the file covers (see the module's rules); 0 when it gives
    /// no period.
    pub days: u32,
    /// A monthly file's distinct months; 0 otherwise.
    pub months: u32,
    /// One row per month (Cost Explorer).
    pub monthly: bool,
    /// Cost Explorer: only the `Service total` row was there to use.
    pub from_total_row: bool,
    /// `USD` for Cost Explorer's `($)`; a line-item file's currency column.
    pub currency: Option<String>,
    /// The rows used: date rows, or line items.
    pub rows: u64,
    /// Warnings: what was left out or looks wrong, and where.
    pub issues: Vec<Issue>,
}

/// Amounts brought to one period: a day or a month.
#[derive(Clone, Debug, PartialEq)]
pub struct Average {
    pub per_service: BTreeMap<Service, Decimal>,
    pub unmapped: Vec<(String, Decimal)>,
    pub tax: Decimal,
    pub credits: Decimal,
}

impl Average {
    /// The mapped services together.
    pub fn services_total(&self) -> Decimal {
        self.per_service.values().map(|d| Sat(*d)).sum::<Sat>().0
    }

    /// Everything: services, unmapped, tax and credits.
    pub fn total(&self) -> Decimal {
        (Sat(self.services_total())
            + self.unmapped.iter().map(|(_, d)| Sat(*d)).sum::<Sat>()
            + self.tax
            + self.credits)
            .0
    }

    /// One service's amount (0 when the file has none).
    pub fn service(&self, s: Service) -> Decimal {
        self.per_service.get(&s).copied().unwrap_or_default()
    }
}

impl Actual {
    /// The totals, as an [`Average`] over the whole period.
    pub fn totals(&self) -> Average {
        Average {
            per_service: self.per_service.clone(),
            unmapped: self.unmapped.clone(),
            tax: self.tax,
            credits: self.credits,
        }
    }

    /// Every amount × `num` / `den`.
    fn scaled(&self, num: Decimal, den: Decimal) -> Average {
        let f = |d: Decimal| (Sat(d) * num / den).0;
        Average {
            per_service: self.per_service.iter().map(|(s, d)| (*s, f(*d))).collect(),
            unmapped: self
                .unmapped
                .iter()
                .map(|(n, d)| (n.clone(), f(*d)))
                .collect(),
            tax: f(self.tax),
            credits: f(self.credits),
        }
    }

    /// The average day: every amount over the days covered. `None` when
    /// the file gives no period.
    pub fn per_day(&self) -> Option<Average> {
        (self.days > 0).then(|| self.scaled(Decimal::ONE, Decimal::from(self.days)))
    }

    /// The average month: a monthly file's amounts over its months; else
    /// the average day × 730 / 24 (the plan's 730-hour month). `None` when
    /// the file gives no period.
    pub fn per_month(&self) -> Option<Average> {
        if self.monthly && self.months > 0 {
            Some(self.scaled(Decimal::ONE, Decimal::from(self.months)))
        } else {
            (self.days > 0).then(|| {
                self.scaled(
                    Decimal::from(730),
                    (Sat(Decimal::from(24)) * Decimal::from(self.days)).0,
                )
            })
        }
    }

    /// One service's total (0 when the file has none).
    pub fn service(&self, s: Service) -> Decimal {
        self.per_service.get(&s).copied().unwrap_or_default()
    }

    /// The mapped services together.
    pub fn services_total(&self) -> Decimal {
        self.totals().services_total()
    }

    /// Everything: services, unmapped, tax and credits.
    pub fn total(&self) -> Decimal {
        self.totals().total()
    }
}

/// Reads a whole file.
pub fn parse(bytes: &[u8]) -> Result<Actual, Error> {
    let mut p = Parser::new();
    // In slices, as the page would, so one path is tested.
    for chunk in bytes.chunks(SLICE) {
        p.feed(chunk);
    }
    p.finish()
}

/// Reads a file from any reader, a slice at a time.
pub fn parse_reader(mut r: impl std::io::Read) -> Result<Actual, Error> {
    let mut p = Parser::new();
    let mut buf = vec![0u8; SLICE];
    loop {
        match r.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => p.feed(buf.get(..n).unwrap_or_default()),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => {
                return Err(Error {
                    reason: Issue::file(format!("could not read the file: {e}")),
                    issues: Vec::new(),
                })
            }
        }
    }
    p.finish()
}

/// How much is read at a time.
const SLICE: usize = 64 * 1024;
/// At most this many issues are kept; the rest are counted.
const MAX_ISSUES: usize = 100;
/// At most this many distinct unmapped names; more are added up as one.
const MAX_UNMAPPED: usize = 1000;
/// A record longer than this (bytes) is left out.
const MAX_RECORD_BYTES: usize = 1 << 20;
/// A record of more cells than this is left out. The cell buffer doubles
/// from 64 (64 × 2^8 = 16,384) and stops at this bound exactly.
const MAX_RECORD_CELLS: usize = 16_384;
/// The first line is looked at for its separator within this many bytes.
const MAX_SNIFF: usize = 64 * 1024;

/// A streaming reader of billing exports: [`feed`](Parser::feed) it the
/// file in slices of any size, then [`finish`](Parser::finish). Each
/// slice is parsed when fed, so the work is proportional to it, and
/// memory stays bounded whatever the file's size.
pub struct Parser {
    consumed: u64,
    /// The first bytes, until there are two to tell gzip by.
    head: Vec<u8>,
    gzip: Option<Box<MultiGzDecoder<Vec<u8>>>>,
    /// The gzip data was damaged (how): the rest is ignored.
    gzip_broken: Option<String>,
    started: bool,
    text: Text,
    sink: Sink,
}

impl Default for Parser {
    fn default() -> Self {
        Parser::new()
    }
}

impl Parser {
    pub fn new() -> Parser {
        Parser {
            consumed: 0,
            head: Vec::new(),
            gzip: None,
            gzip_broken: None,
            started: false,
            text: Text {
                first: Vec::new(),
                csv: None,
            },
            sink: Sink::new(),
        }
    }

    /// The bytes fed so far (of the file as given: compressed, for gzip),
    /// for a progress bar.
    pub fn consumed(&self) -> u64 {
        self.consumed
    }

    /// The layout, once the header has been read.
    pub fn format(&self) -> Option<Format> {
        match &self.sink.state {
            State::Ce(_) => Some(Format::CostExplorer),
            State::Items(items) => Some(items.format),
            _ => None,
        }
    }

    /// The reason the file cannot be used, once that is known (the page
    /// can stop feeding it).
    pub fn failed(&self) -> Option<&Issue> {
        match &self.sink.state {
            State::Failed(issue) => Some(issue),
            _ => None,
        }
    }

    /// Parses the next slice of the file.
    pub fn feed(&mut self, bytes: &[u8]) {
        self.consumed = self.consumed.saturating_add(bytes.len() as u64);
        if bytes.is_empty() || self.failed().is_some() {
            return;
        }
        if !self.started {
            self.head.extend_from_slice(bytes);
            if self.head.len() >= 2 {
                self.start();
            }
            return;
        }
        self.pass(bytes);
    }

    /// Whether the file is gzip, decided on its first two bytes.
    fn start(&mut self) {
        self.started = true;
        if self.head.starts_with(&[0x1f, 0x8b]) {
            self.gzip = Some(Box::new(MultiGzDecoder::new(Vec::new())));
        }
        let head = std::mem::take(&mut self.head);
        self.pass(&head);
    }

    /// Bytes of the file, decompressed when it is gzip, to the CSV reader.
    fn pass(&mut self, bytes: &[u8]) {
        let Some(gz) = self.gzip.as_mut() else {
            self.text.push(bytes, &mut self.sink);
            return;
        };
        if self.gzip_broken.is_some() {
            return;
        }
        // A few KB at a time: deflate expands at most about 1,000 times,
        // so what is held decompressed stays a few MB.
        for piece in bytes.chunks(4096) {
            let mut piece = piece;
            let mut broken = None;
            while !piece.is_empty() {
                match gz.write(piece) {
                    Ok(0) => break,
                    Ok(n) => piece = piece.get(n..).unwrap_or_default(),
                    Err(e) => {
                        broken = Some(e);
                        break;
                    }
                }
            }
            // The decoder holds its last output until the next write;
            // flushing hands it over now.
            if broken.is_none() {
                broken = gz.flush().err();
            }
            let out = std::mem::take(gz.get_mut());
            self.text.push(&out, &mut self.sink);
            if let Some(e) = broken {
                self.gzip_broken = Some(e.to_string());
                return;
            }
            if self.sink.is_failed() {
                return;
            }
        }
    }

    /// Ends the file and gives what it holds.
    pub fn finish(mut self) -> Result<Actual, Error> {
        // Nothing can fail before the start (it is what passes the bytes on).
        if !self.started {
            self.start();
        }
        if let Some(mut gz) = self.gzip.take() {
            if self.failed().is_none() && self.gzip_broken.is_none() {
                if let Err(e) = gz.try_finish() {
                    self.gzip_broken = Some(e.to_string());
                }
                let out = std::mem::take(gz.get_mut());
                self.text.push(&out, &mut self.sink);
            }
        }
        if self.failed().is_none() {
            self.text.finish(&mut self.sink);
        }
        if let Some(e) = &self.gzip_broken {
            self.sink.gzip_error(e);
        }
        self.sink.finish()
    }
}

/// The CSV text: its first line, held until its separator is known, then
/// the reader.
struct Text {
    first: Vec<u8>,
    csv: Option<Csv>,
}

impl Text {
    fn push(&mut self, bytes: &[u8], sink: &mut Sink) {
        // (An empty slice changes nothing below: the reader skips it, and
        // `first`, before the start, holds no line feed and less than
        // MAX_SNIFF bytes.)
        if sink.is_failed() {
            return;
        }
        if let Some(csv) = self.csv.as_mut() {
            csv.feed(bytes, sink);
            return;
        }
        self.first.extend_from_slice(bytes);
        if self.first.contains(&b'\n') || self.first.len() >= MAX_SNIFF {
            self.start(sink);
        }
    }

    /// Tells what the text is from its start, and starts the reader.
    fn start(&mut self, sink: &mut Sink) {
        let first = std::mem::take(&mut self.first);
        let line = first.split(|b| *b == b'\n').next().unwrap_or_default();
        if let Some(problem) = not_csv(line) {
            sink.fail(Issue::file(problem));
            return;
        }
        let delimiter = separator(&first);
        sink.decimal_comma = delimiter != b',';
        let mut csv = Csv::new(delimiter);
        csv.feed(&first, sink);
        self.csv = Some(csv);
    }

    fn finish(&mut self, sink: &mut Sink) {
        if self.csv.is_none() {
            if self.first.iter().all(u8::is_ascii_whitespace) {
                sink.fail(Issue::file("the file is empty"));
                return;
            }
            self.start(sink);
        }
        if let Some(csv) = self.csv.as_mut() {
            csv.finish(sink);
        }
    }
}

/// What the first line of a file shows it is, when that is not CSV text.
fn not_csv(start: &[u8]) -> Option<String> {
    let what = if start.starts_with(b"PK\x03\x04") {
        "a ZIP archive; unzip it and choose the CSV inside"
    } else if start.starts_with(b"PAR1") {
        "a Parquet file; export the report as CSV (or CSV.gz)"
    } else if start.starts_with(&[0xff, 0xfe]) || start.starts_with(&[0xfe, 0xff]) {
        "UTF-16 text; save it as UTF-8 CSV"
    } else if start.contains(&0) {
        "binary data"
    } else {
        let text = String::from_utf8_lossy(start);
        match text
            .trim_start_matches('\u{feff}')
            .trim_start()
            .chars()
            .next()
        {
            Some('{') | Some('[') => "JSON",
            Some('<') => "HTML or XML",
            _ => return None,
        }
    };
    Some(format!("not a CSV file: this is {what}"))
}

/// The separator of the first line: `;` or a tab where either is more
/// common than `,` outside quotes (a spreadsheet's export), else `,`.
fn separator(first: &[u8]) -> u8 {
    let line = first.split(|b| *b == b'\n').next().unwrap_or_default();
    let (mut quoted, mut counts) = (false, [0usize; 3]);
    for b in line {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let [comma, semicolon, tab] = counts;
    if semicolon > comma && semicolon >= tab {
        b';'
    } else if tab > comma {
        // Also more than the semicolons: the first test failed, so there
        // are at most as many of those as commas, or fewer than tabs.
        b'\t'
    } else {
        b','
    }
}

/// One record as csv-core wrote it: the cells' bytes end to end, and
/// where each cell ends.
struct Record<'a> {
    data: &'a [u8],
    ends: &'a [usize],
}

impl Record<'_> {
    fn len(&self) -> usize {
        self.ends.len()
    }

    /// Cell `i`, trimmed; empty where the record has none.
    fn get(&self, i: usize) -> Cow<'_, str> {
        let Some(end) = self.ends.get(i).copied() else {
            return Cow::Borrowed("");
        };
        let start = match i.checked_sub(1) {
            Some(p) => self.ends.get(p).copied().unwrap_or(0),
            None => 0,
        };
        let bytes = self.data.get(start..end).unwrap_or_default();
        match String::from_utf8_lossy(bytes) {
            Cow::Borrowed(s) => Cow::Borrowed(s.trim()),
            Cow::Owned(s) => Cow::Owned(s.trim().to_string()),
        }
    }

    /// A blank line.
    fn is_blank(&self) -> bool {
        self.len() <= 1 && self.get(0).is_empty()
    }
}

/// csv-core's reader with its buffers, which grow to hold the longest
/// record up to a bound.
struct Csv {
    reader: Reader,
    out: Vec<u8>,
    nout: usize,
    ends: Vec<usize>,
    nends: usize,
    /// The record being read is too long: it is read to its end and left
    /// out.
    overflow: bool,
    /// The last byte read was a line feed (csv-core counts those).
    last_newline: bool,
}

impl Csv {
    fn new(delimiter: u8) -> Csv {
        Csv {
            reader: ReaderBuilder::new().delimiter(delimiter).build(),
            out: vec![0; 4096],
            nout: 0,
            ends: vec![0; 64],
            nends: 0,
            overflow: false,
            last_newline: false,
        }
    }

    fn feed(&mut self, input: &[u8], sink: &mut Sink) {
        if !input.is_empty() {
            self.read(input, sink);
        }
    }

    fn finish(&mut self, sink: &mut Sink) {
        self.read(&[], sink);
    }

    /// Reads records from `input` (empty: the end of the file) and hands
    /// each to `sink`.
    fn read(&mut self, mut input: &[u8], sink: &mut Sink) {
        loop {
            if sink.is_failed() {
                return;
            }
            let out = self.out.get_mut(self.nout..).unwrap_or_default();
            let ends = self.ends.get_mut(self.nends..).unwrap_or_default();
            let (res, nin, nout, nend) = self.reader.read_record(input, out, ends);
            if nin > 0 {
                self.last_newline = input.get(nin - 1) == Some(&b'\n');
            }
            input = input.get(nin..).unwrap_or_default();
            self.nout += nout;
            self.nends += nend;
            match res {
                // csv-core says this only once it has read all of `input`,
                // and never for an empty one (the end gives a Record or
                // End): all of this slice is read.
                ReadRecordResult::InputEmpty => return,
                ReadRecordResult::OutputFull => {
                    if self.out.len() < MAX_RECORD_BYTES {
                        let len = self.out.len() * 2;
                        self.out.resize(len, 0);
                    } else {
                        self.overflow = true;
                        self.nout = 0;
                    }
                }
                ReadRecordResult::OutputEndsFull => {
                    if self.ends.len() < MAX_RECORD_CELLS {
                        let len = self.ends.len() * 2;
                        self.ends.resize(len, 0);
                    } else {
                        self.overflow = true;
                        self.nends = 0;
                    }
                }
                ReadRecordResult::Record => {
                    // csv-core counts lines from 1, and has counted the
                    // line feed that ended this record, if one did.
                    let end_line = self
                        .reader
                        .line()
                        .saturating_sub(u64::from(self.last_newline));
                    let data = self.out.get(..self.nout).unwrap_or_default();
                    let inner = data.iter().filter(|b| **b == b'\n').count() as u64;
                    let line = end_line.saturating_sub(inner).max(1);
                    if self.overflow {
                        sink.issue(Issue::line(
                            line,
                            "this row is too long to be a billing export's; left out",
                        ));
                    } else {
                        let ends = self.ends.get(..self.nends).unwrap_or_default();
                        sink.record(line, &Record { data, ends });
                    }
                    self.nout = 0;
                    self.nends = 0;
                    self.overflow = false;
                }
                ReadRecordResult::End => return,
            }
        }
    }
}

/// What the records are read into.
struct Sink {
    state: State,
    issues: Vec<Issue>,
    /// Issues past `MAX_ISSUES`, counted.
    more_issues: u64,
    /// Cells use a decimal comma (the file's separator is not a comma).
    decimal_comma: bool,
}

enum State {
    /// Before the header.
    Header,
    Ce(Box<Ce>),
    Items(Box<Items>),
    Failed(Issue),
}

impl Sink {
    fn new() -> Sink {
        Sink {
            state: State::Header,
            issues: Vec::new(),
            more_issues: 0,
            decimal_comma: false,
        }
    }

    fn is_failed(&self) -> bool {
        matches!(self.state, State::Failed(_))
    }

    fn fail(&mut self, issue: Issue) {
        if !self.is_failed() {
            self.state = State::Failed(issue);
        }
    }

    fn issue(&mut self, issue: Issue) {
        if self.issues.len() < MAX_ISSUES {
            self.issues.push(issue);
        } else {
            self.more_issues = self.more_issues.saturating_add(1);
        }
    }

    /// A broken gzip stream: the file is unusable if nothing came out of
    /// it (the reason is then the gzip data, not what was cut), else what
    /// came out is kept.
    fn gzip_error(&mut self, e: &str) {
        let message = format!("the gzip data is damaged or cut short ({e})");
        match self.state {
            State::Header | State::Failed(_) => self.state = State::Failed(Issue::file(message)),
            _ => self.issue(Issue::file(message + "; what came before it is kept")),
        }
    }

    fn record(&mut self, line: u64, r: &Record<'_>) {
        if r.is_blank() {
            return;
        }
        let decimal_comma = self.decimal_comma;
        let mut issues = Vec::new();
        match &mut self.state {
            State::Failed(_) => return,
            State::Header => match header(r) {
                Ok(state) => self.state = state,
                Err(message) => self.state = State::Failed(Issue::line(line, message)),
            },
            State::Ce(ce) => ce.row(line, r, decimal_comma, &mut issues),
            State::Items(items) => items.row(line, r, decimal_comma, &mut issues),
        }
        for i in issues {
            self.issue(i);
        }
    }

    fn finish(mut self) -> Result<Actual, Error> {
        let state = std::mem::replace(&mut self.state, State::Header);
        let mut issues = Vec::new();
        let done = match state {
            State::Failed(reason) => Err(reason),
            State::Header => Err(Issue::file("the file is empty")),
            State::Ce(ce) => ce.finish(&mut issues),
            State::Items(items) => items.finish(),
        };
        for i in issues {
            self.issue(i);
        }
        if self.more_issues > 0 {
            self.issues.push(Issue::file(format!(
                "and {} more problems like these",
                self.more_issues
            )));
        }
        match done {
            Ok(mut actual) => {
                actual.issues = self.issues;
                Ok(actual)
            }
            Err(reason) => Err(Error {
                reason,
                issues: self.issues,
            }),
        }
    }
}

/// A header cell, compared without case or surrounding spaces.
fn key(text: &str) -> String {
    text.trim()
        .trim_start_matches('\u{feff}')
        .to_ascii_lowercase()
}

/// The columns each line-item format needs, and may have.
struct ItemLayout {
    format: Format,
    service: &'static str,
    code: Option<&'static str>,
    cost: &'static [&'static str],
    start: &'static str,
    end: &'static str,
    kind: &'static str,
    currency: &'static str,
}

const ITEM_LAYOUTS: [ItemLayout; 3] = [
    ItemLayout {
        format: Format::CurLegacy,
        service: "lineItem/ProductCode",
        code: None,
        cost: &["lineItem/UnblendedCost"],
        start: "lineItem/UsageStartDate",
        end: "lineItem/UsageEndDate",
        kind: "lineItem/LineItemType",
        currency: "lineItem/CurrencyCode",
    },
    ItemLayout {
        format: Format::Cur2,
        service: "line_item_product_code",
        code: None,
        cost: &["line_item_unblended_cost"],
        start: "line_item_usage_start_date",
        end: "line_item_usage_end_date",
        kind: "line_item_line_item_type",
        currency: "line_item_currency_code",
    },
    ItemLayout {
        format: Format::Focus,
        service: "ServiceName",
        code: Some("x_ServiceCode"),
        cost: &["BilledCost", "EffectiveCost"],
        start: "ChargePeriodStart",
        end: "ChargePeriodEnd",
        kind: "ChargeCategory",
        currency: "BillingCurrency",
    },
];

/// Reads the header and picks the layout, or says what was expected.
fn header(r: &Record<'_>) -> Result<State, String> {
    let cells: Vec<String> = (0..r.len()).map(|i| r.get(i).into_owned()).collect();
    let keys: Vec<String> = cells.iter().map(|c| key(c)).collect();
    let find = |name: &str| keys.iter().position(|k| *k == key(name));
    for l in &ITEM_LAYOUTS {
        let cost = l.cost.iter().find_map(|c| find(c));
        if let (Some(service), Some(cost), Some(start)) = (find(l.service), cost, find(l.start)) {
            return Ok(State::Items(Box::new(Items {
                format: l.format,
                service,
                code: l.code.and_then(find),
                cost,
                start,
                end: find(l.end),
                kind: find(l.kind),
                currency: find(l.currency),
                names: cells,
                acc: Totals::default(),
                currency_seen: None,
                usage_span: None,
                other_span: None,
                rows: 0,
            })));
        }
    }
    let first = keys.first().map(String::as_str).unwrap_or("");
    let ce_total = keys.iter().any(|k| is_total_column(k));
    if first == "service" || first == "usage type" || ce_total {
        return Ok(State::Ce(Box::new(Ce::new(cells))));
    }
    let found: Vec<String> = cells
        .iter()
        .take(8)
        .map(|c| format!("`{}`", shorten(c)))
        .collect();
    let found = if cells.len() > 8 {
        format!("{}, … ({} columns)", found.join(", "), cells.len())
    } else {
        found.join(", ")
    };
    if cells.len() <= 1 {
        return Err(format!(
            "not a CSV file: the first line has no `,` or `;` between cells (it reads {found})"
        ));
    }
    // The closest line-item layout's missing columns, where it has some.
    let mut hint = String::new();
    for l in &ITEM_LAYOUTS {
        let cost = l.cost.iter().any(|c| find(c).is_some());
        let mut missing = Vec::new();
        if find(l.service).is_none() {
            missing.push(format!("`{}`", l.service));
        }
        if !cost {
            let names: Vec<String> = l.cost.iter().map(|c| format!("`{c}`")).collect();
            missing.push(names.join(" or "));
        }
        if find(l.start).is_none() {
            missing.push(format!("`{}`", l.start));
        }
        if missing.len() < 3 {
            hint = format!(
                " It looks like {} but has no {}.",
                l.format.name(),
                missing.join(", ")
            );
            break;
        }
    }
    Err(format!(
        "unknown layout: the header reads {found}.{hint} Expected one of: a Cost Explorer \
         CSV (first header `Service` or `Usage type`, then `Name($)` columns and `Total \
         costs($)`); a Cost and Usage Report (`lineItem/ProductCode`, \
         `lineItem/UnblendedCost`, `lineItem/UsageStartDate`); a CUR 2.0 \
         (`line_item_product_code`, `line_item_unblended_cost`, \
         `line_item_usage_start_date`); FOCUS (`ServiceName`, `BilledCost` or \
         `EffectiveCost`, `ChargePeriodStart`)"
    ))
}

/// `Total costs($)` or `Total cost ($)`.
fn is_total_column(key: &str) -> bool {
    let k: String = key.chars().filter(|c| !c.is_whitespace()).collect();
    let k = k.strip_suffix("($)").unwrap_or(&k);
    k == "totalcosts" || k == "totalcost"
}

/// A number cell: `None` when empty (no cost). With a decimal comma
/// (`0,25`, `1.234,5`) the dots are thousands separators.
fn amount(text: &str, decimal_comma: bool) -> Result<Option<Decimal>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let parsed = if decimal_comma && t.contains(',') {
        parse_decimal(&t.replace('.', "").replace(',', "."))
    } else {
        parse_decimal(t)
    };
    parsed.map(Some).map_err(|e| {
        let what = if e.ends_with("too large") {
            "is too large"
        } else {
            "is not a number"
        };
        format!("\"{}\" {what}", shorten(t))
    })
}

/// Sums by service, unmapped name, tax and credits.
#[derive(Default)]
struct Totals {
    services: BTreeMap<Service, Sat>,
    unmapped: Vec<(String, Sat)>,
    unmapped_index: BTreeMap<String, usize>,
    tax: Sat,
    credits: Sat,
}

/// Where an amount goes.
#[derive(Clone, Debug, PartialEq)]
enum Bucket {
    Service(Service),
    Unmapped(String),
    Tax,
    Credits,
}

impl Totals {
    fn add(&mut self, bucket: &Bucket, d: Decimal) {
        match bucket {
            Bucket::Service(s) => *self.services.entry(*s).or_default() += d,
            Bucket::Tax => self.tax += d,
            Bucket::Credits => self.credits += d,
            Bucket::Unmapped(name) => {
                let i = match self.unmapped_index.get(name) {
                    Some(i) => *i,
                    None if self.unmapped.len() < MAX_UNMAPPED => {
                        self.unmapped.push((name.clone(), Sat::ZERO));
                        self.unmapped_index
                            .insert(name.clone(), self.unmapped.len() - 1);
                        self.unmapped.len() - 1
                    }
                    None => {
                        let other = "(other names)".to_string();
                        if !self.unmapped_index.contains_key(&other) {
                            self.unmapped.push((other.clone(), Sat::ZERO));
                            self.unmapped_index
                                .insert(other.clone(), self.unmapped.len() - 1);
                        }
                        self.unmapped_index.get(&other).copied().unwrap_or(0)
                    }
                };
                if let Some((_, v)) = self.unmapped.get_mut(i) {
                    *v += d;
                }
            }
        }
    }

    /// An `Actual` with these totals and no period yet.
    fn into_actual(self, format: Format) -> Actual {
        Actual {
            format,
            per_service: self.services.into_iter().map(|(s, d)| (s, d.0)).collect(),
            unmapped: self.unmapped.into_iter().map(|(n, d)| (n, d.0)).collect(),
            tax: self.tax.0,
            credits: self.credits.0,
            first_day: None,
            last_day: None,
            days: 0,
            months: 0,
            monthly: false,
            from_total_row: false,
            currency: None,
            rows: 0,
            issues: Vec::new(),
        }
    }
}

/// What a Cost Explorer column holds.
#[derive(Clone, Debug, PartialEq)]
enum CeColumn {
    Amount(Bucket),
    Total,
}

/// A Cost Explorer row's date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum When {
    Day(Date),
    Month(u16, u8),
}

/// A Cost Explorer file being read.
struct Ce {
    names: Vec<String>,
    columns: Vec<CeColumn>,
    usd: bool,
    /// Per column (0 is the date column, unused): the date rows' sums.
    sums: Vec<Sat>,
    /// The `Service total` row's cells, where it was seen.
    total_row: Option<Vec<Sat>>,
    total_row_line: u64,
    dates: BTreeSet<When>,
    rows: u64,
    /// Daily or monthly, from the first date row.
    monthly: Option<bool>,
}

/// A cent: differences below it are rounding, not a mismatch.
fn cent() -> Decimal {
    Decimal::new(1, 2)
}

impl Ce {
    fn new(names: Vec<String>) -> Ce {
        let by_usage_type = names.first().is_some_and(|n| key(n) == "usage type");
        let mut usd = false;
        let columns = names
            .iter()
            .map(|n| {
                let k = key(n);
                if is_total_column(&k) {
                    return CeColumn::Total;
                }
                let name = n.trim();
                let name = match name.strip_suffix("($)") {
                    Some(stripped) => {
                        usd = true;
                        stripped.trim_end()
                    }
                    None => name,
                };
                let bare = key(name);
                CeColumn::Amount(match bare.as_str() {
                    "tax" => Bucket::Tax,
                    "credit" | "credits" | "refund" | "refunds" => Bucket::Credits,
                    _ => {
                        let mapped = if by_usage_type {
                            Service::from_usage_type(name)
                        } else {
                            Service::from_name(name)
                        };
                        match mapped {
                            Some(s) => Bucket::Service(s),
                            None if name.is_empty() => Bucket::Unmapped("(no name)".into()),
                            None => Bucket::Unmapped(name.to_string()),
                        }
                    }
                })
            })
            .collect();
        Ce {
            sums: vec![Sat::ZERO; names.len()],
            names,
            columns,
            usd,
            total_row: None,
            total_row_line: 0,
            dates: BTreeSet::new(),
            rows: 0,
            monthly: None,
        }
    }

    fn name(&self, i: usize) -> &str {
        self.names.get(i).map(String::as_str).unwrap_or("")
    }

    fn row(&mut self, line: u64, r: &Record<'_>, decimal_comma: bool, issues: &mut Vec<Issue>) {
        let first = r.get(0);
        let is_total = key(&first).ends_with("total");
        let when = if is_total {
            None
        } else if let Some(d) = Date::parse(&first) {
            Some(When::Day(d))
        } else if let Some((y, m)) = parse_month(&first) {
            Some(When::Month(y, m))
        } else {
            issues.push(Issue::cell(
                line,
                0,
                self.name(0),
                format!(
                    "\"{}\" is not a date (expected 2026-11-01, 2026-11 or `Service total`); \
                     row left out",
                    shorten(&first)
                ),
            ));
            return;
        };
        if let Some(w) = when {
            let monthly = matches!(w, When::Month(..));
            match self.monthly {
                None => self.monthly = Some(monthly),
                Some(m) if m != monthly => {
                    issues.push(Issue::cell(
                        line,
                        0,
                        self.name(0),
                        format!(
                            "a {} row in a {} file; row left out",
                            if monthly { "monthly" } else { "daily" },
                            if m { "monthly" } else { "daily" }
                        ),
                    ));
                    return;
                }
                Some(_) => {}
            }
            if !self.dates.insert(w) {
                issues.push(Issue::cell(
                    line,
                    0,
                    self.name(0),
                    format!("{} appears twice; both rows are counted", shorten(&first)),
                ));
            }
        }
        if r.len() < self.names.len() {
            issues.push(Issue::line(
                line,
                format!(
                    "this row has {} cells, the header {}; the missing cells are read as empty",
                    r.len(),
                    self.names.len()
                ),
            ));
        }
        let mut cells = vec![Sat::ZERO; self.names.len()];
        let (mut row_sum, mut row_total, mut bad) = (Sat::ZERO, None, false);
        for (i, col) in self.columns.iter().enumerate().skip(1) {
            let text = r.get(i);
            let value = match amount(&text, decimal_comma) {
                Ok(v) => v,
                Err(message) => {
                    issues.push(Issue::cell(line, i, self.name(i), message + "; read as 0"));
                    bad = true;
                    None
                }
            };
            let Some(v) = value else { continue };
            if let Some(c) = cells.get_mut(i) {
                *c = Sat(v);
            }
            match col {
                CeColumn::Total => row_total = Some(v),
                CeColumn::Amount(_) => row_sum += v,
            }
        }
        // A row with a bad cell is already reported; its total would only
        // repeat that.
        let has_amounts = self
            .columns
            .iter()
            .skip(1)
            .any(|c| matches!(c, CeColumn::Amount(_)));
        if let Some(t) = row_total.filter(|_| !bad && has_amounts) {
            if (row_sum - t).0.abs() >= cent() {
                let i = self
                    .columns
                    .iter()
                    .position(|c| *c == CeColumn::Total)
                    .unwrap_or(0);
                issues.push(Issue::cell(
                    line,
                    i,
                    self.name(i),
                    format!(
                        "the cells add up to {} but the total says {}",
                        row_sum.0.normalize(),
                        t.normalize()
                    ),
                ));
            }
        }
        if when.is_none() {
            if self.total_row.is_some() {
                issues.push(Issue::line(line, "a second total row; left out"));
            } else {
                self.total_row = Some(cells);
                self.total_row_line = line;
            }
            return;
        }
        self.rows += 1;
        for (s, c) in self.sums.iter_mut().zip(cells) {
            *s += c;
        }
    }

    fn finish(self, issues: &mut Vec<Issue>) -> Result<Actual, Issue> {
        let used_total_row = self.rows == 0;
        let sums = if used_total_row {
            match &self.total_row {
                Some(t) => {
                    issues.push(Issue::line(
                        self.total_row_line,
                        "the file has only the total row, no date rows: its totals are \
                         used, but it gives no period, so no average per day",
                    ));
                    t.clone()
                }
                None => {
                    return Err(Issue::file(
                        "the Cost Explorer file has a header but no date rows and no \
                         `Service total` row: nothing to use",
                    ))
                }
            }
        } else {
            if let Some(t) = &self.total_row {
                for (i, (sum, total)) in self.sums.iter().zip(t).enumerate().skip(1) {
                    if (*sum - *total).0.abs() >= cent() {
                        issues.push(Issue::cell(
                            self.total_row_line,
                            i,
                            self.name(i),
                            format!(
                                "the date rows add up to {} but the total row says {}",
                                sum.0.normalize(),
                                total.0.normalize()
                            ),
                        ));
                    }
                }
            }
            self.sums.clone()
        };
        let mut acc = Totals::default();
        // With no column but the total (a file not grouped by service),
        // the total is the spend, unmapped: never dropped.
        let only_total = !self
            .columns
            .iter()
            .skip(1)
            .any(|c| matches!(c, CeColumn::Amount(_)));
        for (i, (col, sum)) in self.columns.iter().zip(&sums).enumerate().skip(1) {
            match col {
                CeColumn::Amount(bucket) => acc.add(bucket, sum.0),
                CeColumn::Total if only_total => {
                    let name = self.name(i).trim();
                    let name = name.strip_suffix("($)").unwrap_or(name).trim_end();
                    acc.add(&Bucket::Unmapped(name.to_string()), sum.0);
                }
                CeColumn::Total => {}
            }
        }
        let mut a = acc.into_actual(Format::CostExplorer);
        a.currency = self.usd.then(|| "USD".to_string());
        a.from_total_row = used_total_row;
        a.rows = self.rows;
        // Cost Explorer writes a monthly file's rows as the months' first
        // days (`2026-10-01`): two or more rows, all on the 1st, are months.
        let on_firsts = self
            .dates
            .iter()
            .all(|w| matches!(w, When::Day(d) if d.day == 1));
        let mut dates = self.dates;
        let mut monthly = self.monthly == Some(true);
        if on_firsts && dates.len() >= 2 {
            dates = dates
                .into_iter()
                .map(|w| match w {
                    When::Day(d) => When::Month(d.year, d.month),
                    month => month,
                })
                .collect();
            monthly = true;
        } else if on_firsts && dates.len() == 1 {
            issues.push(Issue::file(
                "the only date row is the 1st of a month: read as one day, though a \
                 monthly file of one month looks the same",
            ));
        }
        a.monthly = monthly;
        let mut days: u64 = 0;
        for w in &dates {
            let (first, last) = match *w {
                When::Day(d) => (d, d),
                When::Month(y, m) => (
                    Date {
                        year: y,
                        month: m,
                        day: 1,
                    },
                    Date {
                        year: y,
                        month: m,
                        day: days_in_month(y, m),
                    },
                ),
            };
            days += u64::from(last.day) - u64::from(first.day) + 1;
            a.first_day = Some(a.first_day.map_or(first, |f| f.min(first)));
            a.last_day = Some(a.last_day.map_or(last, |l| l.max(last)));
        }
        a.days = u32::try_from(days).unwrap_or(u32::MAX);
        if monthly {
            a.months = u32::try_from(dates.len()).unwrap_or(u32::MAX);
        }
        Ok(a)
    }
}

/// A line-item file (CUR, CUR 2.0, FOCUS) being read.
struct Items {
    format: Format,
    service: usize,
    code: Option<usize>,
    cost: usize,
    start: usize,
    end: Option<usize>,
    kind: Option<usize>,
    currency: Option<usize>,
    names: Vec<String>,
    acc: Totals,
    currency_seen: Option<String>,
    /// The first and last day of the usage rows, and of the others.
    usage_span: Option<(Date, Date)>,
    other_span: Option<(Date, Date)>,
    rows: u64,
}

impl Items {
    fn name(&self, i: usize) -> &str {
        self.names.get(i).map(String::as_str).unwrap_or("")
    }

    fn row(&mut self, line: u64, r: &Record<'_>, decimal_comma: bool, issues: &mut Vec<Issue>) {
        let needed = [self.service, self.cost, self.start]
            .into_iter()
            .chain(self.code)
            .chain(self.end)
            .chain(self.kind)
            .chain(self.currency)
            .max()
            .unwrap_or(0);
        if r.len() <= needed {
            issues.push(Issue::line(
                line,
                format!(
                    "this row has {} cells, the header {}; row left out",
                    r.len(),
                    self.names.len()
                ),
            ));
            return;
        }
        let cost = match amount(&r.get(self.cost), decimal_comma) {
            Ok(v) => v.unwrap_or_default(),
            Err(message) => {
                let i = self.cost;
                issues.push(Issue::cell(
                    line,
                    i,
                    self.name(i),
                    message + "; row left out",
                ));
                return;
            }
        };
        let start_text = r.get(self.start);
        let Some((start, _)) = parse_timestamp(&start_text) else {
            let i = self.start;
            issues.push(Issue::cell(
                line,
                i,
                self.name(i),
                format!(
                    "\"{}\" is not a date (expected 2026-11-01T00:00:00Z); row left out",
                    shorten(&start_text)
                ),
            ));
            return;
        };
        // The last day the row covers: its end date, the day before where
        // it ends at midnight; the start where there is no end.
        let mut last = start;
        if let Some(i) = self.end {
            let text = r.get(i);
            if !text.is_empty() {
                match parse_timestamp(&text) {
                    Some((end, midnight)) => {
                        let end = if midnight {
                            end.previous().unwrap_or(end)
                        } else {
                            end
                        };
                        last = end.max(start);
                    }
                    None => issues.push(Issue::cell(
                        line,
                        i,
                        self.name(i),
                        format!(
                            "\"{}\" is not a date; the row is counted on its start date",
                            shorten(&text)
                        ),
                    )),
                }
            }
        }
        if let Some(i) = self.currency {
            let c = r.get(i);
            if !c.is_empty() {
                match &self.currency_seen {
                    None => self.currency_seen = Some(c.to_ascii_uppercase()),
                    Some(seen) if !seen.eq_ignore_ascii_case(&c) => {
                        issues.push(Issue::cell(
                            line,
                            i,
                            self.name(i),
                            format!(
                                "mixed currencies: {} here, {seen} before; row left out",
                                shorten(&c)
                            ),
                        ));
                        return;
                    }
                    Some(_) => {}
                }
            }
        }
        let kind = self.kind.map(|i| key(&r.get(i))).unwrap_or_default();
        let bucket = match kind.as_str() {
            "tax" => Bucket::Tax,
            "credit" | "refund" => Bucket::Credits,
            _ => {
                let code = self.code.map(|i| r.get(i)).filter(|c| !c.is_empty());
                let name = r.get(self.service);
                let mapped = code
                    .as_deref()
                    .and_then(Service::from_name)
                    .or_else(|| Service::from_name(&name));
                match mapped {
                    Some(s) => Bucket::Service(s),
                    None if !name.is_empty() => Bucket::Unmapped(name.into_owned()),
                    None => match code {
                        Some(c) => Bucket::Unmapped(c.into_owned()),
                        None => Bucket::Unmapped("(no service)".into()),
                    },
                }
            }
        };
        self.acc.add(&bucket, cost);
        // Tax, credits, fees and purchases are dated over the whole
        // billing period: they do not tell which days the usage covers.
        let usage = matches!(bucket, Bucket::Service(_) | Bucket::Unmapped(_))
            && !kind.contains("fee")
            && kind != "purchase"
            && kind != "adjustment";
        let span = if usage {
            &mut self.usage_span
        } else {
            &mut self.other_span
        };
        *span = Some(match *span {
            Some((f, l)) => (f.min(start), l.max(last)),
            None => (start, last),
        });
        self.rows += 1;
    }

    fn finish(self) -> Result<Actual, Issue> {
        if self.rows == 0 {
            return Err(Issue::file(format!(
                "the {} file has no usable line items",
                self.format.name()
            )));
        }
        let mut a = self.acc.into_actual(self.format);
        a.currency = self.currency_seen;
        a.rows = self.rows;
        if let Some((f, l)) = self.usage_span.or(self.other_span) {
            a.first_day = Some(f);
            a.last_day = Some(l);
            let span = l.day_number() - f.day_number() + 1;
            a.days = u32::try_from(span.max(0)).unwrap_or(u32::MAX);
        }
        Ok(a)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(Date::parse("2026-11-01"), Date::new(2026, 11, 1));
        assert_eq!(Date::parse("2026-02-29"), None);
        assert!(Date::parse("2028-02-29").is_some());
        assert_eq!(Date::parse("2026-13-01"), None);
        assert_eq!(Date::parse("2026-1-01"), None);
        // 1970-01-01 is day 0; 2026-01-01 is 56 years later with 14 leap
        // days (1972, 1976, …, 2024): 56 × 365 + 14 = 20,454.
        assert_eq!(Date::new(1970, 1, 1).map(Date::day_number), Some(0));
        assert_eq!(Date::new(2026, 1, 1).map(Date::day_number), Some(20454));
        assert_eq!(
            Date::new(2026, 3, 1).and_then(Date::previous),
            Date::new(2026, 2, 28)
        );
        assert_eq!(
            Date::new(2026, 1, 1).and_then(Date::previous),
            Date::new(2025, 12, 31)
        );
        assert_eq!(parse_month("2026-11"), Some((2026, 11)));
        assert_eq!(parse_month("2026-00"), None);
    }

    #[test]
    fn timestamps() {
        let d = Date::new(2026, 11, 1);
        assert_eq!(
            parse_timestamp("2026-11-01T00:00:00Z").map(|t| t.1),
            Some(true)
        );
        assert_eq!(
            parse_timestamp("2026-11-01T13:00:00Z").map(|t| t.1),
            Some(false)
        );
        assert_eq!(parse_timestamp("2026-11-01 00:00:00").map(|t| t.0), d);
        assert_eq!(
            parse_timestamp("2026-11-01T00:00:00.000+00:00").map(|t| t.1),
            Some(true)
        );
        assert_eq!(parse_timestamp("2026-11-01").map(|t| t.1), Some(true));
        assert_eq!(parse_timestamp("2026-11-01X"), None);
        assert_eq!(parse_timestamp("11/01/2026"), None);
    }

    #[test]
    fn names_map_to_services() {
        let cases = [
            ("Lambda($)", Some(Service::Lambda)),
            ("AWSLambda", Some(Service::Lambda)),
            ("AWS Lambda", Some(Service::Lambda)),
            ("Step Functions", Some(Service::StepFunctions)),
            ("AmazonStates", Some(Service::StepFunctions)),
            ("CloudWatch Events", Some(Service::EventBridge)),
            ("AWSEvents", Some(Service::EventBridge)),
            ("Amazon EventBridge", Some(Service::EventBridge)),
            ("Simple Queue Service", Some(Service::Sqs)),
            ("AWSQueueService", Some(Service::Sqs)),
            ("AmazonSNS", Some(Service::Sns)),
            ("Amazon Simple Storage Service", Some(Service::S3)),
            ("AmazonCloudWatch", Some(Service::CloudWatch)),
            ("AWSDataTransfer", Some(Service::DataTransfer)),
            ("EC2-Other", None),
            ("Amazon Elastic Compute Cloud", None),
            ("", None),
        ];
        for (text, want) in cases {
            assert_eq!(Service::from_name(text), want, "{text}");
        }
    }

    #[test]
    fn separators_and_amounts() {
        assert_eq!(separator(b"\"Service\";\"Lambda($)\"\n"), b';');
        assert_eq!(separator(b"\"a;b\",\"c\"\n"), b',');
        assert_eq!(separator(b"a\tb\tc"), b'\t');
        // Only separators outside quotes count, each where it is written:
        // `"a;b;c",d` has 1 comma and no semicolon outside quotes; `"a,b,c";d;e`
        // 2 semicolons and no comma; `"a\tb\tc",d` 1 comma and no tab.
        assert_eq!(separator(b"\"a;b;c\",d"), b',');
        assert_eq!(separator(b"\"a,b,c\";d;e"), b';');
        assert_eq!(separator(b"\"a\tb\tc\",d"), b',');
        // Commas are counted: 2 commas against 1 semicolon is `,`.
        assert_eq!(separator(b"a,b,c;d"), b',');
        // A tie with the comma stays `,`: 1 comma and 1 semicolon, 1 comma
        // and 1 tab.
        assert_eq!(separator(b"a,b;c"), b',');
        assert_eq!(separator(b"a,b\tc"), b',');
        assert_eq!(amount("", false), Ok(None));
        assert_eq!(
            amount("1.776500e-06", false),
            Ok(Some(Decimal::new(17765, 10)))
        );
        assert_eq!(amount("0,25", true), Ok(Some(Decimal::new(25, 2))));
        assert_eq!(amount("1.234,5", true), Ok(Some(Decimal::new(12345, 1))));
        assert_eq!(amount("abc", false), Err("\"abc\" is not a number".into()));
        assert_eq!(amount("1e40", false), Err("\"1e40\" is too large".into()));
        assert_eq!(amount("NaN", false), Err("\"NaN\" is not a number".into()));
    }

    #[test]
    fn dates_are_exactly_yyyy_mm_dd() {
        assert_eq!(Date::parse("2026-11-01"), Date::new(2026, 11, 1));
        // Other separators, or a sign where a digit belongs, are not dates.
        for t in [
            "2026/11/01",
            "2026-11/01",
            "2026/11-01",
            "2026-+1-01",
            "+026-11-01",
        ] {
            assert_eq!(Date::parse(t), None, "{t}");
        }
        assert_eq!(Service::StepFunctions.to_string(), "Step Functions");
        // A month is exactly YYYY-MM: a date, or another separator, is not.
        assert_eq!(parse_month("2026-11"), Some((2026, 11)));
        assert_eq!(parse_month("2026/11"), None);
        assert_eq!(parse_month("2026-11-01"), None);
    }

    #[test]
    fn day_numbers_and_the_day_before() {
        // Days since 1970-01-01, counted by hand (Python's date arithmetic
        // agrees): 2026-03-01 is 20,513, 2026-12-03 is 20,790, 1969-12-31
        // is -1; February 2026 has 28 days, so 2026-02-28 is 20,512; 2024
        // is a leap year, and 2024-02-29 is 19,782 (731 days after
        // 2022-02-28, itself 19,051).
        let d = |y, m, d| Date::new(y, m, d).unwrap();
        assert_eq!(d(1970, 1, 1).day_number(), 0);
        assert_eq!(d(2026, 3, 1).day_number(), 20_513);
        assert_eq!(d(2026, 2, 28).day_number(), 20_512);
        assert_eq!(d(2024, 2, 29).day_number(), 19_782);
        assert_eq!(d(2026, 12, 3).day_number(), 20_790);
        assert_eq!(d(1969, 12, 31).day_number(), -1);
        assert_eq!(d(2026, 3, 1).previous(), Some(d(2026, 2, 28)));
        assert_eq!(d(2026, 1, 1).previous(), Some(d(2025, 12, 31)));
        assert_eq!(d(2026, 3, 2).previous(), Some(d(2026, 3, 1)));
    }
}
