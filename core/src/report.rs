//! The outputs of the second module's three tools, one copy for the
//! command line (`--actual`, `--compare`, `--tuning`), the JavaScript API
//! (`backcast.tools()`) and the page's exports: JSON (as `serde_json`
//! values; numbers are JavaScript numbers, as in `solve`), Markdown and CSV
//! (each cell through [`csv_field`], which neutralises formula cells;
//! amounts without trailing zeros).

use crate::actual::Actual;
use crate::api::ApiResult;
use crate::compare::Comparison;
use crate::export::{csv_field, md_cell};
use crate::number::{format_usd, to_f64};
use crate::plan_actual::PlanActual;
use crate::scenario::Scenario;
use crate::tuning::Row;
use serde_json::json;
/// JSON values, as the reports make them.
pub use serde_json::Value;

/// The output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    Json,
    Markdown,
    Csv,
}

impl Output {
    /// `json`, `markdown` (or `md`), `csv`.
    pub fn from_name(name: &str) -> Option<Output> {
        match name {
            "json" => Some(Output::Json),
            "markdown" | "md" => Some(Output::Markdown),
            "csv" => Some(Output::Csv),
            _ => None,
        }
    }
}

fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap_or_default() + "\n"
}

/// The plan against a billing export as JSON.
pub fn actual_json(p: &PlanActual, a: &Actual) -> Value {
    let f = to_f64;
    let rows: Vec<Value> = p
        .rows
        .iter()
        .map(|r| {
            json!({
                "service": r.service,
                "planned": f(r.planned),
                "actual": r.actual.map(f),
                "difference": f(r.difference),
                "share_of_budget": f(r.share_of_budget),
            })
        })
        .collect();
    let unmapped: Vec<Value> = p
        .unmapped
        .iter()
        .map(|(n, d)| json!({"name": n, "actual": f(*d)}))
        .collect();
    json!({
        "period": p.period.key(),
        "budget": f(p.budget),
        "planned": f(p.planned),
        "actual": f(p.actual),
        "services": rows,
        "unmapped": unmapped,
        "tax": f(p.tax),
        "credits": f(p.credits),
        "covers": p.covers,
        "verdict": p.verdict,
        "format": a.format.name(),
    })
}

/// The plan against a billing export, in `out`.
pub fn actual(p: &PlanActual, a: &Actual, out: Output) -> String {
    match out {
        Output::Markdown => crate::plan_actual::markdown(p),
        Output::Json => pretty(&actual_json(p, a)),
        Output::Csv => {
            let mut text = String::from("service,planned,actual,difference,share_of_budget\r\n");
            for r in &p.rows {
                text.push_str(&format!(
                    "{},{},{},{},{}\r\n",
                    csv_field(r.service),
                    r.planned.normalize(),
                    r.actual
                        .map(|d| d.normalize().to_string())
                        .unwrap_or_default(),
                    r.difference.normalize(),
                    r.share_of_budget.round_dp(4).normalize()
                ));
            }
            for (n, d) in &p.unmapped {
                text.push_str(&format!("{},,{},,\r\n", csv_field(n), d.normalize()));
            }
            text
        }
    }
}

/// Plan B against plan A as JSON: both `solve` results and the differences.
pub fn compare_json(a: &Scenario, b: &Scenario, c: &Comparison) -> Value {
    let services: Vec<Value> = c
        .services
        .iter()
        .map(|d| json!({"service": d.service, "a": to_f64(d.a), "b": to_f64(d.b)}))
        .collect();
    json!({
        "a": ApiResult::new(a, &c.a),
        "b": ApiResult::new(b, &c.b),
        "more_requests": c.more_requests.map(|n| n as f64),
        "b_cost_at_a_requests": to_f64(c.b_cost_at_a),
        "cost_change_pct": c.cost_change_pct.map(to_f64),
        "services": services,
        "summary": c.summary,
    })
}

/// Plan B against plan A, in `out`.
pub fn compare(a: &Scenario, b: &Scenario, c: &Comparison, out: Output) -> String {
    if out == Output::Json {
        return pretty(&compare_json(a, b, c));
    }
    let md = out == Output::Markdown;
    let mut text = if md {
        format!(
            "**{}**\n\n| Service | A | B |\n|:---|---:|---:|\n",
            c.summary
        )
    } else {
        "service,a,b\r\n".to_string()
    };
    for d in &c.services {
        text.push_str(&if md {
            format!(
                "| {} | {} | {} |\n",
                md_cell(d.service),
                format_usd(d.a),
                format_usd(d.b)
            )
        } else {
            format!(
                "{},{},{}\r\n",
                csv_field(d.service),
                d.a.normalize(),
                d.b.normalize()
            )
        });
    }
    text
}

/// Each measured memory size priced against the plan, as JSON; `top` is
/// the row with the most headroom (`tuning::best`).
pub fn tuning_json(rows: &[Row], top: Option<usize>) -> Value {
    Value::Array(
        rows.iter()
            .enumerate()
            .map(|(i, r)| {
                json!({
                    "memory_mb": to_f64(r.memory_mb),
                    "duration_ms": to_f64(r.duration_ms),
                    "gbs_per_request": to_f64(r.gbs_per_request),
                    "max_requests": r.max_requests.count(),
                    "fits": r.fits,
                    "headroom": r.headroom.map(to_f64),
                    "cost": to_f64(r.cost),
                    "best": top == Some(i),
                })
            })
            .collect(),
    )
}

/// Each measured memory size priced against the plan, in `out`.
pub fn tuning(rows: &[Row], top: Option<usize>, out: Output) -> String {
    if out == Output::Json {
        return pretty(&tuning_json(rows, top));
    }
    let md = out == Output::Markdown;
    let mut text = if md {
        "| Memory (MB) | Duration (ms) | GB-s per request | Requests the budget buys | Fits | Headroom |\n|---:|---:|---:|---:|:---|---:|\n".to_string()
    } else {
        "memory_mb,duration_ms,gbs_per_request,max_requests,fits,headroom,best\r\n".to_string()
    };
    for (i, r) in rows.iter().enumerate() {
        let max = r
            .max_requests
            .count()
            .map_or("unlimited".into(), |n| n.to_string());
        let head = r.headroom.map_or("unlimited".into(), |h| h.to_string());
        if md {
            text.push_str(&format!(
                "| {}{} | {} | {} | {} | {} | {} |\n",
                r.memory_mb,
                if top == Some(i) {
                    " (most headroom)"
                } else {
                    ""
                },
                r.duration_ms,
                r.gbs_per_request,
                max,
                if r.fits { "yes" } else { "no" },
                head
            ));
        } else {
            text.push_str(&format!(
                "{},{},{},{},{},{},{}\r\n",
                r.memory_mb,
                r.duration_ms,
                r.gbs_per_request,
                max,
                r.fits,
                head,
                top == Some(i)
            ));
        }
    }
    text
}
