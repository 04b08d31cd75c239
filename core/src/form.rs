//! The calculator's form: which fields exist, grouped by service, with
//! their labels, units and hints; and which of them a scenario shows.
//!
//! Every field speaks in a scenario v1 key, so the page, the link and the
//! API share one decoder. Components lay these specs out; they decide
//! nothing.

use crate::prices::REGIONS;
use crate::scenario::{Scenario, Sfn};

/// How a field is edited.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A number typed as text (the exact text is what the core parses).
    Number,
    /// Free text with a format of its own (`rows`).
    Text,
    /// One of `(value, label)`.
    Choice(&'static [(&'static str, &'static str)]),
    /// A `0`/`1` flag, shown as a checkbox.
    Flag,
}

/// One field of the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    /// The scenario key.
    pub key: &'static str,
    pub label: &'static str,
    /// The unit after the control; `{period}` stands for the period.
    pub unit: &'static str,
    pub hint: &'static str,
    pub kind: Kind,
}

impl Field {
    /// The unit with the scenario's period put in.
    pub fn unit_for(&self, period: &str) -> String {
        // `{period}` only ever ends a unit; a suffix check keeps the
        // substring searcher out of the wasm.
        match self.unit.strip_suffix("{period}") {
            Some(head) => format!("{head}{period}"),
            None => self.unit.to_string(),
        }
    }
}

/// A group of fields: one service, or the budget.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub id: &'static str,
    pub title: &'static str,
    /// What the group prices, in a line.
    pub note: &'static str,
    /// The fields this scenario shows (Step Functions shows the inputs of
    /// its workflow type only).
    pub fields: Vec<Field>,
}

const fn num(
    key: &'static str,
    label: &'static str,
    unit: &'static str,
    hint: &'static str,
) -> Field {
    Field {
        key,
        label,
        unit,
        hint,
        kind: Kind::Number,
    }
}

const fn choice(
    key: &'static str,
    label: &'static str,
    hint: &'static str,
    options: &'static [(&'static str, &'static str)],
) -> Field {
    Field {
        key,
        label,
        unit: "",
        hint,
        kind: Kind::Choice(options),
    }
}

const REGION_OPTIONS: [(&str, &str); REGIONS.len()] = {
    let mut out = [("", ""); REGIONS.len()];
    let mut i = 0;
    while i < REGIONS.len() {
        out[i] = (REGIONS[i].0, REGIONS[i].1);
        i += 1;
    }
    out
};

pub const BUDGET: Field = num(
    "budget",
    "Budget",
    "USD per {period}",
    "The cost target the system must fit.",
);
pub const PERIOD: Field = choice(
    "period",
    "Period",
    "Budget, requests and every cost are per this period.",
    &[("day", "Day"), ("month", "Month (730 hours)")],
);
pub const REQUESTS: Field = num(
    "requests",
    "Requests needed",
    "per {period}",
    "Units of user value (a prediction, a checkout), not Lambda invocations.",
);
pub const REGION: Field = choice(
    "region",
    "Region",
    "Which regional price list applies.",
    &REGION_OPTIONS,
);
pub const ARCH: Field = choice(
    "arch",
    "Lambda architecture",
    "arm64 (Graviton) duration costs 20% less.",
    &[("x86_64", "x86_64"), ("arm64", "arm64 (Graviton)")],
);
pub const FREE_TIER: Field = Field {
    key: "free_tier",
    label: "Apply the always-free tier",
    unit: "",
    hint: "Monthly allowances: 1M Lambda requests, 400,000 GB-s, 4,000 transitions, 25 GB of DynamoDB storage.",
    kind: Kind::Flag,
};
pub const GBS: Field = num(
    "gbs",
    "Lambda GB-s per request",
    "GB-s",
    "Memory (GB) × duration (s), all invocations of one request together.",
);
pub const INVOCATIONS: Field = num(
    "invocations",
    "Lambda invocations per request",
    "per request",
    "Each invocation pays the request fee ($0.20 per million).",
);
pub const SFN: Field = choice(
    "sfn",
    "Workflow type",
    "Standard bills state transitions; Express bills executions and duration.",
    &[
        ("none", "None"),
        ("standard", "Standard"),
        ("express", "Express"),
    ],
);
pub const SFN_TRANSITIONS: Field = num(
    "sfn_transitions",
    "State transitions per request",
    "per request",
    "Every step a Standard workflow enters, retries included.",
);
pub const SFN_EXPRESS_MS: Field = num(
    "sfn_express_ms",
    "Express duration",
    "ms per request",
    "Billed in 100 ms steps.",
);
pub const SFN_EXPRESS_MB: Field = num(
    "sfn_express_mb",
    "Express memory",
    "MB",
    "Billed in 64 MB steps, 64 MB at least.",
);
pub const EB_EVENTS: Field = num(
    "eb_events",
    "Custom events per request",
    "per request",
    "Events put on a custom bus; AWS service events are free.",
);
pub const EB_EVENT_KB: Field = num(
    "eb_event_kb",
    "Event size",
    "KB",
    "Billed per 64 KB chunk: a 100 KB event counts as 2.",
);
pub const DDB_MODE: Field = choice(
    "ddb_mode",
    "Capacity mode",
    "Provisioned assumes traffic spread evenly over the period.",
    &[("on_demand", "On-demand"), ("provisioned", "Provisioned")],
);
pub const DDB_READS: Field = num(
    "ddb_reads",
    "Reads per request",
    "items",
    "Item reads (GetItem, or items a Query returns).",
);
pub const DDB_READ_KB: Field = num(
    "ddb_read_kb",
    "Read item size",
    "KB",
    "Rounded up to 4 KB units.",
);
pub const DDB_READ: Field = choice(
    "ddb_read",
    "Read consistency",
    "0.5, 1 or 2 units per 4 KB.",
    &[
        ("eventual", "Eventual"),
        ("strong", "Strong"),
        ("transactional", "Transactional"),
    ],
);
pub const DDB_WRITES: Field = num(
    "ddb_writes",
    "Writes per request",
    "items",
    "Item writes (PutItem, UpdateItem, DeleteItem).",
);
pub const DDB_WRITE_KB: Field = num(
    "ddb_write_kb",
    "Write item size",
    "KB",
    "Rounded up to 1 KB units.",
);
pub const DDB_WRITE: Field = choice(
    "ddb_write",
    "Write type",
    "1 or 2 units per 1 KB.",
    &[("standard", "Standard"), ("transactional", "Transactional")],
);
pub const DDB_STORAGE_GB: Field = num(
    "ddb_storage_gb",
    "Table storage",
    "GB",
    "A fixed monthly cost, whatever the traffic.",
);
/// The table's GB-s values: edited beside the table, not in the form.
pub const ROWS: Field = Field {
    key: "rows",
    label: "Table rows",
    unit: "GB-s",
    hint: "GB-s values, comma-separated, or start:end:step ranges, e.g. 1,32:256:32.",
    kind: Kind::Text,
};

/// Every group: id, title, note and fields, in the order the page shows
/// them. Step Functions' fields depend on the workflow type (`groups`).
const GROUPS: [(&str, &str, &str, &[Field]); 6] = [
    (
        "budget",
        "Budget and volume",
        "What you can spend, and what the system must serve.",
        &[BUDGET, PERIOD, REQUESTS],
    ),
    (
        "prices",
        "Prices",
        "Where it runs, and on what.",
        &[REGION, ARCH, FREE_TIER],
    ),
    (
        "lambda",
        "Lambda",
        "Request fee plus duration in GB-seconds, billed per 1 ms.",
        &[GBS, INVOCATIONS],
    ),
    (
        "sfn",
        "Step Functions",
        "Orchestration: per transition (Standard) or per execution and duration (Express).",
        &[],
    ),
    (
        "eventbridge",
        "EventBridge",
        "Custom events, per 64 KB chunk.",
        &[EB_EVENTS, EB_EVENT_KB],
    ),
    (
        "dynamodb",
        "DynamoDB",
        "Read and write units per request, and storage per month.",
        &[
            DDB_MODE,
            DDB_READS,
            DDB_READ_KB,
            DDB_READ,
            DDB_WRITES,
            DDB_WRITE_KB,
            DDB_WRITE,
            DDB_STORAGE_GB,
        ],
    ),
];

/// The form for a scenario, grouped by service.
pub fn groups(s: &Scenario) -> Vec<Group> {
    let sfn_fields: &[Field] = match s.sfn {
        Sfn::None => &[SFN],
        Sfn::Standard => &[SFN, SFN_TRANSITIONS],
        Sfn::Express => &[SFN, SFN_EXPRESS_MS, SFN_EXPRESS_MB],
    };
    let mut groups = Vec::with_capacity(GROUPS.len());
    for &(id, title, note, fields) in &GROUPS {
        groups.push(Group {
            id,
            title,
            note,
            fields: if id == "sfn" { sfn_fields } else { fields }.to_vec(),
        });
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{Raw, KEYS};

    #[test]
    fn every_workload_key_has_a_field() {
        let mut s = Scenario::default();
        let mut shown: Vec<&str> = Vec::new();
        for sfn in ["none", "standard", "express"] {
            s.set("sfn", Raw::Text(sfn)).unwrap();
            for g in groups(&s) {
                shown.extend(g.fields.iter().map(|f| f.key));
            }
        }
        shown.push(ROWS.key);
        for k in KEYS {
            // v is fixed, prices is pinned by links, embed is a page mode.
            if !matches!(*k, "v" | "prices" | "embed") {
                assert!(shown.contains(k), "{k} has no field");
            }
        }
    }

    #[test]
    fn step_functions_shows_its_types_inputs() {
        let (s, _) = Scenario::from_link("sfn=express");
        let g = groups(&s);
        let keys: Vec<&str> = g[3].fields.iter().map(|f| f.key).collect();
        assert_eq!(keys, ["sfn", "sfn_express_ms", "sfn_express_mb"]);
    }

    #[test]
    fn every_choice_option_is_accepted_by_its_key() {
        let s0 = Scenario::default();
        for sfn in ["none", "standard", "express"] {
            let (s, _) = Scenario::from_link(&format!("sfn={sfn}"));
            for g in groups(&s) {
                for f in g.fields {
                    if let Kind::Choice(options) = f.kind {
                        for (v, _) in options {
                            let mut t = s0.clone();
                            assert!(t.set(f.key, Raw::Text(v)).is_ok(), "{}={v}", f.key);
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn units_name_the_period() {
        assert_eq!(BUDGET.unit_for("day"), "USD per day");
    }
}
