//! The result object of the JavaScript API `solve(scenario)` and of the
//! command line's `--format json`, as scenario-v1.md defines it.

use crate::arith::Sat;
use crate::number::to_f64;
use crate::scenario::{problems_message, Problem, Raw, Scenario};
use crate::solve::{solve, Solution};
use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;

/// USD per period at `requests`, by service.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Breakdown {
    pub lambda_requests: f64,
    pub lambda_duration: f64,
    pub step_functions: f64,
    pub eventbridge: f64,
    pub dynamodb: f64,
    /// Added in v1 for the rest of the bill; each is written only when it
    /// costs something, so the results of older links are as they were.
    #[serde(skip_serializing_if = "is_zero")]
    pub lambda_init: f64,
    #[serde(skip_serializing_if = "is_zero")]
    pub lambda_ephemeral: f64,
    #[serde(skip_serializing_if = "is_zero")]
    pub lambda_provisioned: f64,
    #[serde(skip_serializing_if = "is_zero")]
    pub cloudwatch_logs: f64,
    #[serde(skip_serializing_if = "is_zero")]
    pub api_gateway: f64,
    #[serde(skip_serializing_if = "is_zero")]
    pub sqs: f64,
    #[serde(skip_serializing_if = "is_zero")]
    pub sns: f64,
    #[serde(skip_serializing_if = "is_zero")]
    pub s3: f64,
    #[serde(skip_serializing_if = "is_zero")]
    pub data_transfer: f64,
    #[serde(skip_serializing_if = "is_zero")]
    pub nat_gateway: f64,
}

fn is_zero(x: &f64) -> bool {
    *x == 0.0
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ApiRow {
    pub gbs: f64,
    /// `null` when unlimited.
    pub max_requests: Option<u64>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ApiResult {
    /// `null` when unlimited (nothing costs per request).
    pub max_requests: Option<u64>,
    pub max_gbs: Option<f64>,
    pub cost: f64,
    pub breakdown: Breakdown,
    pub rows: Vec<ApiRow>,
    /// Added in v1 (new keys are allowed): the period and price book used.
    pub period: &'static str,
    pub prices: String,
    /// Added in v1 for the limits: each service limit the plan breaks,
    /// whatever the budget (written only when one is broken), and the
    /// concurrent executions it needs at its peak (with functions only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub limits: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub peak_concurrency: Option<u64>,
}

impl ApiResult {
    pub fn new(s: &Scenario, sol: &Solution) -> ApiResult {
        let l = &sol.lines;
        let needs = crate::limits::check(s);
        let mut rows = Vec::with_capacity(sol.rows.len());
        for r in &sol.rows {
            rows.push(ApiRow {
                gbs: to_f64(r.gbs),
                max_requests: r.max_requests.count(),
            });
        }
        ApiResult {
            max_requests: sol.max_requests.count(),
            max_gbs: sol.max_gbs.map(to_f64),
            cost: to_f64(sol.cost),
            breakdown: Breakdown {
                lambda_requests: to_f64(l.lambda_requests),
                lambda_duration: to_f64(l.lambda_duration),
                step_functions: to_f64(l.step_functions()),
                eventbridge: to_f64(l.eventbridge()),
                dynamodb: to_f64(l.dynamodb()),
                lambda_init: to_f64(l.lambda_init),
                lambda_ephemeral: to_f64(l.lambda_ephemeral),
                lambda_provisioned: to_f64(
                    (Sat(l.lambda_provisioned) + l.lambda_provisioned_duration).0,
                ),
                cloudwatch_logs: to_f64(l.cloudwatch_logs()),
                api_gateway: to_f64(l.api_gateway),
                sqs: to_f64(l.sqs),
                sns: to_f64(l.sns()),
                s3: to_f64(l.s3()),
                data_transfer: to_f64(l.data_transfer),
                nat_gateway: to_f64(l.nat_gateway()),
            },
            rows,
            period: s.period.key(),
            prices: s.book_id().to_string(),
            limits: needs.broken,
            peak_concurrency: needs.concurrency.and_then(|c| c.to_u64()),
        }
    }
}

/// The API's whole contract over raw pairs: the result, or every problem.
/// `embed` is a page-only key and is ignored here.
pub fn solve_pairs<'a, I>(pairs: I) -> Result<ApiResult, Vec<Problem>>
where
    I: IntoIterator<Item = (&'a str, Raw<'a>)>,
{
    let (s, problems) = Scenario::from_pairs(pairs);
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(ApiResult::new(&s, &solve(&s)))
}

/// The message of the `Error` that `solve` throws.
pub fn error_message(problems: &[Problem]) -> String {
    "invalid scenario: ".to_string() + &problems_message(problems)
}
