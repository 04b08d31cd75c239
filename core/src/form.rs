//! The calculator's form: which fields exist, grouped by service, with
//! their labels, units and hints; and which of them a scenario shows.
//!
//! Every field speaks in a scenario v1 key, so the page, the link and the
//! API share one decoder. Components lay these specs out; they decide
//! nothing.

use crate::scenario::{spec, Scenario, SPECS};

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
    /// A group of the rest of the bill folds away: `Some(in use)`, where
    /// a group in use is always open and one not in use opens on demand
    /// (its fields are not laid out until then). `None`: always open.
    pub fold: Option<bool>,
}

/// Every group: id, title and note, in the order the page shows them. The
/// fields come from the key declarations (`scenario/keys.rs`), in their
/// order.
const GROUPS: [(&str, &str, &str); 9] = [
    (
        "budget",
        "Budget and volume",
        "What you can spend, and what the system must serve.",
    ),
    ("prices", "Prices", "Where it runs, and on what."),
    (
        "lambda",
        "Lambda",
        "Request fee plus duration in GB-seconds, billed per 1 ms.",
    ),
    (
        "sfn",
        "Step Functions",
        "Orchestration: per transition (Standard) or per execution and duration (Express).",
    ),
    (
        "eventbridge",
        "EventBridge",
        "Custom events, per 64 KB chunk.",
    ),
    (
        "dynamodb",
        "DynamoDB",
        "Read and write units per request, and storage per month.",
    ),
    (
        "logs",
        "CloudWatch Logs",
        "Lambda's logs: ingestion per GB, tiered, and storage for the retention kept.",
    ),
    (
        "around",
        "Around the functions",
        "API Gateway, SQS, SNS, S3, data transfer out and NAT gateways, each optional.",
    ),
    (
        "limits",
        "Limits",
        "What the plan needs at its peak, against the account's quotas.",
    ),
];

/// Whether a folding group is in use (its service is on). `None` for the
/// groups that never fold. The services a plan may leave out fold, so
/// that the first view is the budget, the prices and Lambda.
fn in_use(id: &str, s: &Scenario) -> Option<bool> {
    use crate::scenario::{ApiGw, Queue};
    use rust_decimal_macros::dec;
    Some(match id {
        "sfn" => s.sfn != crate::scenario::Sfn::None,
        "eventbridge" => !s.eb_events.is_zero(),
        "dynamodb" => s.uses_dynamodb(),
        "logs" => s.logs,
        "around" => {
            s.apigw != ApiGw::None
                || s.sqs != Queue::None
                || [
                    s.sns_publishes,
                    s.sns_http,
                    s.s3_puts,
                    s.s3_gets,
                    s.s3_storage_gb,
                    s.egress_kb,
                    s.nat,
                ]
                .iter()
                .any(|x| !x.is_zero())
        }
        "limits" => s.peak != dec!(1) || s.concurrency != dec!(1000),
        _ => return None,
    })
}

/// The form for a scenario, grouped by service.
pub fn groups(s: &Scenario) -> Vec<Group> {
    let mut groups = Vec::with_capacity(GROUPS.len());
    for &(id, title, note) in &GROUPS {
        let mut fields = Vec::new();
        for spec in SPECS {
            if spec.group == Some(id) && (spec.shown)(s) {
                fields.push(spec.field);
            }
        }
        groups.push(Group {
            id,
            title,
            note,
            fields,
            fold: in_use(id, s),
        });
    }
    groups
}

/// The field of a declared key (for `rows`, edited beside the table).
pub fn field(key: &str) -> Option<Field> {
    spec(key).map(|s| s.field)
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
        // The fields shown only once their service is on.
        let (on, _) = Scenario::from_link("fns=a:128:1&logs=1&apigw=http&sqs=standard&nat=1");
        for g in groups(&on) {
            shown.extend(g.fields.iter().map(|f| f.key));
        }
        shown.push("rows");
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
    fn the_rest_of_the_bill_folds_until_used() {
        let folds = |link: &str| -> Vec<(&str, Option<bool>)> {
            let (s, _) = Scenario::from_link(link);
            groups(&s).iter().map(|g| (g.id, g.fold)).collect()
        };
        let d = folds("");
        let ids: Vec<&str> = d.iter().map(|x| x.0).collect();
        let off: Vec<Option<bool>> = d.iter().map(|x| x.1).collect();
        assert_eq!(
            ids,
            [
                "budget",
                "prices",
                "lambda",
                "sfn",
                "eventbridge",
                "dynamodb",
                "logs",
                "around",
                "limits"
            ]
        );
        let f = Some(false);
        assert_eq!(off, [None, None, None, f, f, f, f, f, f]);
        let on = folds("logs=1&s3_gets=2&peak=3&eb_events=1&ddb_storage_gb=1&sfn=express");
        let t = Some(true);
        let on: Vec<Option<bool>> = on.iter().map(|x| x.1).collect();
        assert_eq!(on, [None, None, None, t, t, t, t, t, t]);
        // The default value written out is not a use.
        assert_eq!(folds("concurrency=1000")[8], ("limits", Some(false)));
        // Each service around the functions opens that group on its own.
        for link in ["apigw=http", "sqs=fifo", "nat=1"] {
            assert_eq!(folds(link)[7], ("around", Some(true)), "{link}");
        }
    }

    #[test]
    fn a_services_inputs_show_once_it_is_on() {
        let shown = |link: &str| -> Vec<&str> {
            let (s, problems) = Scenario::from_link(link);
            assert!(problems.is_empty(), "{problems:?}");
            groups(&s)
                .into_iter()
                .flat_map(|g| g.fields.into_iter().map(|f| f.key))
                .collect()
        };
        // Each shown only with its service (or, for gbs and invocations,
        // only without functions, whose GB-s they are then).
        let only_on = [
            "cold_pct",
            "init_ms",
            "eph_mb",
            "log_kb",
            "log_class",
            "log_months",
            "apigw_kb",
            "sqs_messages",
            "sqs_kb",
            "sqs_calls",
            "nat_kb",
            "sfn_express_ms",
            "sfn_express_mb",
        ];
        let off = shown("");
        let on = shown("fns=a:128:1&logs=1&apigw=http&sqs=standard&nat=1&sfn=express");
        for k in only_on {
            assert!(!off.contains(&k) && on.contains(&k), "{k}");
        }
        for k in ["gbs", "invocations"] {
            assert!(off.contains(&k) && !on.contains(&k), "{k}");
        }
    }

    #[test]
    fn choices_flags_and_the_book_get_their_own_history_entry() {
        // Back undoes a choice or a flag; typed text replaces the entry.
        let pushes = |k: &str| spec(k).unwrap().pushes_history();
        for k in ["arch", "period", "logs", "free_tier", "prices"] {
            assert!(pushes(k), "{k}");
        }
        for k in ["budget", "gbs", "rows", "fns"] {
            assert!(!pushes(k), "{k}");
        }
    }

    #[test]
    fn units_name_the_period() {
        assert_eq!(field("budget").unwrap().unit_for("day"), "USD per day");
    }
}
