//! The result object of the JavaScript API `solve(scenario)` and of the
//! command line's `--format json`, as scenario-v1.md defines it.

use crate::number::to_f64;
use crate::scenario::{problems_message, Problem, Raw, Scenario};
use crate::solve::{solve, Solution};
use serde::Serialize;

/// USD per period at `requests`, by service.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Breakdown {
    pub lambda_requests: f64,
    pub lambda_duration: f64,
    pub step_functions: f64,
    pub eventbridge: f64,
    pub dynamodb: f64,
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
}

impl ApiResult {
    pub fn new(s: &Scenario, sol: &Solution) -> ApiResult {
        let l = &sol.lines;
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
            },
            rows,
            period: s.period.key(),
            prices: s.book_id().to_string(),
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
