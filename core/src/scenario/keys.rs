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
    /// For test generators: a typical upper value of a number key (a
    /// realistic scenario, far inside its bound), with its decimal places.
    pub typical: (u64, u32),
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
            typical: $typical,
        }),+];

        impl Scenario {
            /// Sets a declared key; `None` for any other key.
            pub(super) fn set_declared(&mut self, key: &str, raw: Raw<'_>) -> Option<Result<(), String>> {
                Some(match key {
                    $(stringify!($key) => <$ty as Value>::read(raw, &$rule).map(|v| self.$key = v),)+
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
        always, (300, 3);
    invocations: Decimal = dec!(1), PER_REQUEST, Some("lambda"),
        "Lambda invocations per request", "per request",
        "Each invocation pays the request fee ($0.20 per million).",
        always, (5, 0);
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
