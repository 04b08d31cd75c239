//! Every key of scenario v1 (`docs/scenario-v1.md`), declared once.
//!
//! One line of [`keys!`] per key gives its name, type, default, rule
//! (bounds or choices), form label, unit, hint, form group and when the
//! form shows it. From that table come the `Scenario` struct and its
//! `Default`, the link codec's reader and writer (`Scenario::set`,
//! `Scenario::get`, `KEYS` in link order), the form (`crate::form`), the
//! history rule of the page (a choice gets its own entry), and the test
//! generators (`SPECS`, with each key's `typical` range). Adding a number
//! key is one line here, its cost term, and its tests.
//!
//! Choice types are declared once too, by [`choices!`]: each variant with
//! the name a link writes and the label the form shows, in order.

use super::functions::Functions;
use super::overrides::Overrides;
use super::rows::Rows;
use super::value::{Bound, Rule, Value};
use super::{Raw, MAX_BUDGET, MAX_PER_REQUEST, MAX_REQUESTS, MAX_STORAGE_GB};
use crate::form::{Field, Kind};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// A choice type: its variants in order, with their link names and labels.
pub trait Choice: Copy + 'static {
    /// `(link name, form label)`, one per variant, in the variants' order.
    const OPTIONS: &'static [(&'static str, &'static str)];
    /// The variant at `i` of `OPTIONS` (`i` is in range).
    fn nth(i: usize) -> Self;
}

/// Declares a choice enum: `Name { Variant = "link-name", "Form label"; … }`.
macro_rules! choices {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $key:literal, $label:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name {
            $($variant),+
        }
        impl Choice for $name {
            const OPTIONS: &'static [(&'static str, &'static str)] = &[$(($key, $label)),+];
            fn nth(i: usize) -> Self {
                const ALL: &[$name] = &[$($name::$variant),+];
                ALL[i.min(ALL.len() - 1)]
            }
        }
        impl $name {
            /// The name a link writes.
            pub fn key(self) -> &'static str {
                <$name as Choice>::OPTIONS[self as usize].0
            }
        }
        impl Value for $name {
            fn read(raw: Raw<'_>, _rule: &Rule) -> Result<Self, String> {
                super::value::choice(raw, <$name as Choice>::OPTIONS).map(<$name as Choice>::nth)
            }
            fn text(&self) -> String {
                self.key().to_string()
            }
        }
    };
}

choices! {
    Period {
        Day = "day", "Day";
        Month = "month", "Month (730 hours)";
    }
}

choices! {
    Arch {
        X86_64 = "x86_64", "x86_64";
        Arm64 = "arm64", "arm64 (Graviton)";
    }
}

choices! {
    Sfn {
        None = "none", "None";
        Standard = "standard", "Standard";
        Express = "express", "Express";
    }
}

choices! {
    DdbMode {
        OnDemand = "on_demand", "On-demand";
        Provisioned = "provisioned", "Provisioned";
    }
}

choices! {
    ReadMode {
        Eventual = "eventual", "Eventual";
        Strong = "strong", "Strong";
        Transactional = "transactional", "Transactional";
    }
}

choices! {
    ApiGw {
        None = "none", "None";
        Http = "http", "HTTP API";
        Rest = "rest", "REST API";
    }
}

choices! {
    Queue {
        None = "none", "None";
        Standard = "standard", "Standard";
        Fifo = "fifo", "FIFO";
    }
}

choices! {
    LogClass {
        Standard = "standard", "Standard";
        InfrequentAccess = "ia", "Infrequent Access";
    }
}

choices! {
    WriteMode {
        Standard = "standard", "Standard";
        Transactional = "transactional", "Transactional";
    }
}

/// One declared key: how it is read and written, and how the form shows it.
#[derive(Clone, Copy)]
pub struct Spec {
    /// The form field (key, label, unit, hint, kind). Keys the form does
    /// not show (`prices`, `embed`) have no label.
    pub field: Field,
    /// What a value must be.
    pub rule: Rule,
    /// The form group the field is in, `None` for keys outside the form
    /// (`rows` is edited beside the table).
    pub group: Option<&'static str>,
    /// Whether the form shows the field for this scenario.
    pub shown: fn(&Scenario) -> bool,
}

impl Spec {
    /// Whether a change of this key gets its own history entry (Back
    /// undoes it): choices and flags do; typed text replaces the entry.
    pub fn pushes_history(&self) -> bool {
        matches!(self.field.kind, Kind::Choice(_) | Kind::Flag) || self.field.key == "prices"
    }
}

fn always(_: &Scenario) -> bool {
    true
}
fn standard(s: &Scenario) -> bool {
    s.sfn == Sfn::Standard
}
fn express(s: &Scenario) -> bool {
    s.sfn == Sfn::Express
}
/// `gbs` and `invocations` are the pipeline's when it has functions.
fn no_functions(s: &Scenario) -> bool {
    s.fns.is_empty()
}
fn functions(s: &Scenario) -> bool {
    !s.fns.is_empty()
}
fn logs(s: &Scenario) -> bool {
    s.logs
}
fn api(s: &Scenario) -> bool {
    s.apigw != ApiGw::None
}
fn queue(s: &Scenario) -> bool {
    s.sqs != Queue::None
}
fn nat(s: &Scenario) -> bool {
    !s.nat.is_zero()
}

/// The table: `key: Type = default, rule, group, "label", "unit", "hint",
/// shown, typical;`, in the order links write the keys (after `v`).
macro_rules! keys {
    ($($(#[$doc:meta])* $key:ident : $ty:ty = $default:expr, $rule:expr, $group:expr,
        $label:literal, $unit:literal, $hint:literal, $shown:expr, $typical:expr;)+) => {
        /// Every key of scenario v1, with its value (declared in
        /// `scenario/keys.rs`).
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub struct Scenario {
            $($(#[$doc])* pub $key: $ty,)+
            /// The `p.<dimension>` price overrides.
            pub overrides: Overrides,
        }

        impl Default for Scenario {
            fn default() -> Self {
                Scenario {
                    $($key: $default,)+
                    overrides: Overrides::default(),
                }
            }
        }

        /// Every key v1 defines, in the order links write them.
        pub const KEYS: &[&str] = &["v", $(stringify!($key)),+];

        /// Every declared key (all of `KEYS` but `v`), in the same order.
        pub const SPECS: &[Spec] = &[$(Spec {
            field: Field {
                key: stringify!($key),
                label: $label,
                unit: $unit,
                hint: $hint,
                kind: $rule.kind(),
            },
            rule: $rule,
            group: $group,
            shown: $shown,
        }),+];

        /// For test generators: a typical upper value of number key `key`
        /// (a realistic scenario, far inside its bound), with its decimal
        /// places; `(0, 0)` for other keys. Apart from `SPECS` so that the
        /// page, which never calls it, does not carry the table.
        pub fn typical(key: &str) -> (u64, u32) {
            match key {
                $(stringify!($key) => $typical,)+
                _ => (0, 0),
            }
        }

        impl Scenario {
            /// Sets a declared key; `None` for any other key.
            pub(super) fn set_declared(&mut self, key: &str, raw: Raw<'_>) -> Option<Result<(), String>> {
                Some(match key {
                    $(stringify!($key) => put(&mut self.$key, raw, &$rule),)+
                    _ => return None,
                })
            }

            /// The text of a declared key's value; `None` for any other key.
            pub(super) fn get_declared(&self, key: &str) -> Option<String> {
                Some(match key {
                    $(stringify!($key) => Value::text(&self.$key),)+
                    _ => return None,
                })
            }
        }
    };
}

/// Reads `raw` into `slot`, keeping what is valid of it. One copy per
/// value type (not per key): the table's fifty keys would otherwise
/// inline fifty readers into `Scenario::set`.
#[inline(never)]
fn put<T: Value>(slot: &mut T, raw: Raw<'_>, rule: &Rule) -> Result<(), String> {
    let (v, e) = T::read_keep(raw, rule);
    if let Some(v) = v {
        *slot = v;
    }
    e.map_or(Ok(()), Err)
}

const fn number(positive: bool, max: Decimal) -> Rule {
    Rule::Number(Bound { positive, max })
}
/// A per-request count or quantity: 0 or more.
const PER_REQUEST: Rule = number(false, MAX_PER_REQUEST);
/// A size: more than 0.
const SIZE: Rule = number(true, MAX_PER_REQUEST);
const fn pick<T: Choice>() -> Rule {
    Rule::Choice(T::OPTIONS)
}

keys! {
    budget: Decimal = dec!(7), number(true, MAX_BUDGET), Some("budget"),
        "Budget", "USD per {period}", "The cost target the system must fit.",
        always, (50_000, 2);
    period: Period = Period::Day, pick::<Period>(), Some("budget"),
        "Period", "", "Budget, requests and every cost are per this period.",
        always, (0, 0);
    requests: Decimal = dec!(3000), number(false, MAX_REQUESTS), Some("budget"),
        "Requests needed", "per {period}",
        "Units of user value (a prediction, a checkout), not Lambda invocations.",
        always, (10_000_000, 0);
    region: String = "us-east-1".into(), Rule::Region, Some("prices"),
        "Region", "", "Which regional price list applies.",
        always, (0, 0);
    arch: Arch = Arch::X86_64, pick::<Arch>(), Some("prices"),
        "Lambda architecture", "", "arm64 (Graviton) duration costs 20% less.",
        always, (0, 0);
    free_tier: bool = false, Rule::Flag, Some("prices"),
        "Apply the always-free tier", "",
        "Monthly allowances: 1M Lambda requests, 400,000 GB-s, 4,000 transitions, 25 GB of DynamoDB storage.",
        always, (0, 0);
    /// `None`: the newest bundled book, resolved when pricing.
    prices: Option<String> = None, Rule::Book, None,
        "", "", "",
        always, (0, 0);
    gbs: Decimal = dec!(128), PER_REQUEST, Some("lambda"),
        "Lambda GB-s per request", "GB-s",
        "Memory (GB) × duration (s), all invocations of one request together.",
        no_functions, (300, 3);
    invocations: Decimal = dec!(1), PER_REQUEST, Some("lambda"),
        "Lambda invocations per request", "per request",
        "Each invocation pays the request fee ($0.20 per million).",
        no_functions, (5, 0);
    /// The functions of a request; when given, they set GB-s and
    /// invocations per request.
    fns: Functions = Functions::default(), Rule::Functions, Some("lambda"),
        "Functions", "",
        "name:MB:ms[:calls[:arch[:provisioned]]], comma-separated, e.g. api:512:120,worker:1024:800:2:arm64; sets GB-s and invocations per request.",
        always, (0, 0);
    cold_pct: Decimal = dec!(0), number(false, dec!(100)), Some("lambda"),
        "Cold starts", "% of invocations", "Invocations that start a new environment (often under 1%).",
        functions, (5, 1);
    init_ms: Decimal = dec!(0), number(false, dec!(10000)), Some("lambda"),
        "INIT duration", "ms per cold start", "Billed as duration since 2025-08-01 (ZIP, managed runtimes); at most 10 s.",
        functions, (2000, 0);
    eph_mb: Decimal = dec!(512), number(false, dec!(10240)), Some("lambda"),
        "Ephemeral storage", "MB per function", "/tmp above the free 512 MB is billed per GB-s.",
        functions, (10240, 0);
    logs: bool = false, Rule::Flag, Some("logs"),
        "Bill CloudWatch Logs", "", "Every invocation writes START, END and REPORT lines (about 300 bytes).",
        always, (0, 0);
    log_kb: Decimal = dec!(0), PER_REQUEST, Some("logs"),
        "Log output", "KB per invocation", "What the function itself logs, beyond the fixed lines.",
        logs, (50, 1);
    log_class: LogClass = LogClass::Standard, pick::<LogClass>(), Some("logs"),
        "Log class", "", "Infrequent Access costs about half to ingest.",
        logs, (0, 0);
    log_months: Decimal = dec!(1), number(false, dec!(1200)), Some("logs"),
        "Retention", "months", "Months of logs kept in storage.",
        logs, (24, 0);
    apigw: ApiGw = ApiGw::None, pick::<ApiGw>(), Some("around"),
        "API Gateway", "", "Billed per request; REST APIs cost more.",
        always, (0, 0);
    apigw_kb: Decimal = dec!(1), SIZE, Some("around"),
        "Request size", "KB", "HTTP APIs count each 512 KB as one request.",
        api, (2048, 0);
    sqs: Queue = Queue::None, pick::<Queue>(), Some("around"),
        "SQS queue", "", "Billed per API call.",
        always, (0, 0);
    sqs_messages: Decimal = dec!(1), PER_REQUEST, Some("around"),
        "Messages per request", "messages", "",
        queue, (10, 0);
    sqs_kb: Decimal = dec!(1), SIZE, Some("around"),
        "Message size", "KB", "Each 64 KB chunk is billed as one request.",
        queue, (1024, 0);
    sqs_calls: Decimal = dec!(3), PER_REQUEST, Some("around"),
        "Calls per message", "requests", "Send, receive and delete: 3 (batching lowers it).",
        queue, (3, 0);
    sns_publishes: Decimal = dec!(0), PER_REQUEST, Some("around"),
        "SNS publishes per request", "per request", "Per 64 KB chunk; deliveries to SQS and Lambda are free.",
        always, (10, 0);
    sns_http: Decimal = dec!(0), PER_REQUEST, Some("around"),
        "SNS HTTP deliveries per request", "per request", "",
        always, (10, 0);
    s3_puts: Decimal = dec!(0), PER_REQUEST, Some("around"),
        "S3 PUT, COPY, POST, LIST", "per request", "",
        always, (10, 0);
    s3_gets: Decimal = dec!(0), PER_REQUEST, Some("around"),
        "S3 GET and other reads", "per request", "",
        always, (10, 0);
    s3_storage_gb: Decimal = dec!(0), number(false, MAX_STORAGE_GB), Some("around"),
        "S3 Standard storage", "GB", "A fixed monthly cost.",
        always, (1000, 1);
    egress_kb: Decimal = dec!(0), PER_REQUEST, Some("around"),
        "Data out to the internet", "KB per request", "100 GB a month free with the free tier.",
        always, (1024, 0);
    nat: Decimal = dec!(0), number(false, dec!(1000)), Some("around"),
        "NAT gateways", "gateways", "For functions in a VPC that reach the internet: per hour, plus per GB.",
        always, (3, 0);
    nat_kb: Decimal = dec!(0), PER_REQUEST, Some("around"),
        "Through the NAT gateway", "KB per request", "",
        nat, (1024, 0);
    peak: Decimal = dec!(1), number(true, dec!(1000)), Some("limits"),
        "Peak to average", "×", "The busiest second against the average.",
        always, (5, 1);
    concurrency: Decimal = dec!(1000), number(true, dec!(10000000)), Some("limits"),
        "Concurrency limit", "executions", "Lambda's account limit in the region (1,000 by default).",
        always, (10000, 0);
    sfn: Sfn = Sfn::None, pick::<Sfn>(), Some("sfn"),
        "Workflow type", "",
        "Standard bills state transitions; Express bills executions and duration.",
        always, (0, 0);
    sfn_transitions: Decimal = dec!(0), PER_REQUEST, Some("sfn"),
        "State transitions per request", "per request",
        "Every step a Standard workflow enters, retries included.",
        standard, (40, 0);
    sfn_express_ms: Decimal = dec!(0), PER_REQUEST, Some("sfn"),
        "Express duration", "ms per request", "Billed in 100 ms steps.",
        express, (5000, 0);
    sfn_express_mb: Decimal = dec!(64), PER_REQUEST, Some("sfn"),
        "Express memory", "MB", "Billed in 64 MB steps, 64 MB at least.",
        express, (1024, 0);
    eb_events: Decimal = dec!(0), PER_REQUEST, Some("eventbridge"),
        "Custom events per request", "per request",
        "Events put on a custom bus; AWS service events are free.",
        always, (10, 0);
    eb_event_kb: Decimal = dec!(1), SIZE, Some("eventbridge"),
        "Event size", "KB", "Billed per 64 KB chunk: a 100 KB event counts as 2.",
        always, (1024, 0);
    ddb_mode: DdbMode = DdbMode::OnDemand, pick::<DdbMode>(), Some("dynamodb"),
        "Capacity mode", "", "Provisioned assumes traffic spread evenly over the period.",
        always, (0, 0);
    ddb_reads: Decimal = dec!(0), PER_REQUEST, Some("dynamodb"),
        "Reads per request", "items", "Item reads (GetItem, or items a Query returns).",
        always, (20, 0);
    ddb_read_kb: Decimal = dec!(4), SIZE, Some("dynamodb"),
        "Read item size", "KB", "Rounded up to 4 KB units.",
        always, (400, 0);
    ddb_read: ReadMode = ReadMode::Eventual, pick::<ReadMode>(), Some("dynamodb"),
        "Read consistency", "", "0.5, 1 or 2 units per 4 KB.",
        always, (0, 0);
    ddb_writes: Decimal = dec!(0), PER_REQUEST, Some("dynamodb"),
        "Writes per request", "items", "Item writes (PutItem, UpdateItem, DeleteItem).",
        always, (20, 0);
    ddb_write_kb: Decimal = dec!(1), SIZE, Some("dynamodb"),
        "Write item size", "KB", "Rounded up to 1 KB units.",
        always, (400, 0);
    ddb_write: WriteMode = WriteMode::Standard, pick::<WriteMode>(), Some("dynamodb"),
        "Write type", "", "1 or 2 units per 1 KB.",
        always, (0, 0);
    ddb_storage_gb: Decimal = dec!(0), number(false, MAX_STORAGE_GB), Some("dynamodb"),
        "Table storage", "GB", "A fixed monthly cost, whatever the traffic.",
        always, (100, 1);
    /// The GB-s values of the table, as written.
    rows: Rows = Rows::default(), Rule::Rows, None,
        "Table rows", "GB-s",
        "GB-s values, comma-separated, or start:end:step ranges, e.g. 1,32:256:32.",
        always, (0, 0);
    embed: bool = false, Rule::Flag, None,
        "", "", "",
        always, (0, 0);
}

impl Scenario {
    /// Whether the plan has a DynamoDB table: reads, writes or storage.
    pub fn uses_dynamodb(&self) -> bool {
        !(self.ddb_reads.is_zero() && self.ddb_writes.is_zero() && self.ddb_storage_gb.is_zero())
    }
}

impl ReadMode {
    /// Request units per 4 KB read.
    pub fn units_per_4kb(self) -> Decimal {
        match self {
            ReadMode::Eventual => dec!(0.5),
            ReadMode::Strong => dec!(1),
            ReadMode::Transactional => dec!(2),
        }
    }
}

impl WriteMode {
    /// Request units per 1 KB written.
    pub fn units_per_kb(self) -> Decimal {
        match self {
            WriteMode::Standard => dec!(1),
            WriteMode::Transactional => dec!(2),
        }
    }
}

impl Period {
    /// Hours in the period: a month is 730 hours, AWS's convention.
    pub fn hours(self) -> Decimal {
        match self {
            Period::Day => dec!(24),
            Period::Month => dec!(730),
        }
    }
    pub fn seconds(self) -> Decimal {
        (crate::arith::Sat(self.hours()) * dec!(3600)).0
    }
}

/// The declaration of `key`, if it is one.
pub fn spec(key: &str) -> Option<&'static Spec> {
    SPECS.iter().find(|s| s.field.key == key)
}
