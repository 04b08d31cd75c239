//! The plan against what the bill says (issue 15): a billing export's
//! spend ([`crate::actual`]) brought to the plan's period, beside the
//! plan's cost per service and the budget, with the verdict in one
//! sentence: "Actual $2.15 a day against a $7.00 budget and a $6.40 plan."
//!
//! The plan's lines map to the export's services as the export names them:
//! Lambda (with its INIT, ephemeral storage and provisioned concurrency),
//! Step Functions, EventBridge (`CloudWatch Events` in Cost Explorer),
//! DynamoDB, CloudWatch (the plan's logs), API Gateway, SQS, SNS, S3 and
//! data transfer. A NAT gateway bills under EC2 (`EC2-Other`), which the
//! export does not split, so the plan's NAT line has no actual of its own
//! and the export's EC2 lines stay unmapped: listed with their amounts,
//! never dropped. Tax and credits are shown apart.

use crate::actual::{Actual, Service};
use crate::arith::Sat;
use crate::cost::Lines;
use crate::number::{format_number, format_usd};
use crate::scenario::{Period, Scenario};
use crate::solve::solve;
use rust_decimal::Decimal;

/// One service: planned and actual USD per period.
#[derive(Clone, Debug, PartialEq)]
pub struct ServiceRow {
    pub service: &'static str,
    pub planned: Decimal,
    /// `None`: the export has no line for this service (the plan's NAT
    /// gateway, which AWS bills under EC2).
    pub actual: Option<Decimal>,
    /// Actual minus planned (negative: the bill is below the plan).
    pub difference: Decimal,
    /// The actual as a share of the budget, in percent.
    pub share_of_budget: Decimal,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PlanActual {
    pub period: Period,
    pub budget: Decimal,
    /// The plan's cost at the needed requests.
    pub planned: Decimal,
    /// The export's spend per period: services, unmapped, tax and credits.
    pub actual: Decimal,
    /// The plan's services and every service the export has, in the
    /// order of [`Service::ALL`], then the NAT gateway if planned.
    pub rows: Vec<ServiceRow>,
    /// What maps to none of the plan's services, per period.
    pub unmapped: Vec<(String, Decimal)>,
    pub tax: Decimal,
    pub credits: Decimal,
    /// "2026-11-01 to 2026-11-03 (3 days)".
    pub covers: String,
    /// "Actual $2.15 a day against a $7.00 budget and a $6.40 plan."
    pub verdict: String,
}

/// The plan's USD per period for one of the export's services.
fn planned(l: &Lines, s: Service) -> Decimal {
    match s {
        Service::Lambda => l.lambda(),
        Service::StepFunctions => l.step_functions(),
        Service::EventBridge => l.eventbridge(),
        Service::DynamoDb => l.dynamodb(),
        Service::ApiGateway => l.api_gateway,
        Service::Sqs => l.sqs,
        Service::Sns => l.sns(),
        Service::S3 => l.s3(),
        Service::CloudWatch => l.cloudwatch_logs(),
        Service::DataTransfer => l.data_transfer,
    }
}

/// `a` against the plan of `s`; an error when the export covers no period
/// (so no average can be taken).
pub fn plan_against_actual(s: &Scenario, a: &Actual) -> Result<PlanActual, String> {
    let avg = match s.period {
        Period::Day => a.per_day(),
        Period::Month => a.per_month(),
    }
    .ok_or_else(|| {
        "the file covers no dated period (only a total row), so it cannot be brought to a day or a month"
            .to_string()
    })?;
    let sol = solve(s);
    let l = &sol.lines;
    let share = |x: Decimal| {
        if s.budget.is_zero() {
            Decimal::ZERO
        } else {
            (Sat(x) * rust_decimal_macros::dec!(100) / s.budget).0
        }
    };
    let mut rows = Vec::new();
    for service in Service::ALL {
        let plan = planned(l, service);
        let actual = avg.per_service.get(&service).copied();
        if plan.is_zero() && actual.is_none() {
            continue;
        }
        let got = actual.unwrap_or_default();
        rows.push(ServiceRow {
            service: service.name(),
            planned: plan,
            actual: Some(got),
            difference: (Sat(got) - plan).0,
            share_of_budget: share(got),
        });
    }
    let nat = l.nat_gateway();
    if !nat.is_zero() {
        rows.push(ServiceRow {
            service: "NAT gateway",
            planned: nat,
            actual: None,
            difference: (Sat::ZERO - nat).0,
            share_of_budget: Decimal::ZERO,
        });
    }
    let actual = avg.total();
    let per = match s.period {
        Period::Day => "a day",
        Period::Month => "a month",
    };
    let covers = match (a.first_day, a.last_day) {
        (Some(f), Some(t)) if a.monthly => format!(
            "{f} to {t} ({} month{})",
            a.months,
            if a.months == 1 { "" } else { "s" }
        ),
        (Some(f), Some(t)) => format!(
            "{f} to {t} ({} day{})",
            a.days,
            if a.days == 1 { "" } else { "s" }
        ),
        _ => format!("{} days", a.days),
    };
    let verdict = format!(
        "Actual {} {per} against a {} budget and a {} plan{}.",
        format_usd(actual),
        format_usd(s.budget),
        format_usd(sol.cost),
        if actual > s.budget {
            format!(
                ": over the budget by {}",
                format_usd((Sat(actual) - s.budget).0)
            )
        } else if s.budget.is_zero() {
            String::new()
        } else {
            format!(
                ", {}% of the budget",
                format_number(share(actual).round_dp(1), 1)
            )
        }
    );
    Ok(PlanActual {
        period: s.period,
        budget: s.budget,
        planned: sol.cost,
        actual,
        rows,
        unmapped: avg.unmapped,
        tax: avg.tax,
        credits: avg.credits,
        covers,
        verdict,
    })
}

/// The comparison as a Markdown table with its verdict, for the command
/// line and the page's export. Cells are the page's money format.
pub fn markdown(p: &PlanActual) -> String {
    let per = match p.period {
        Period::Day => "day",
        Period::Month => "month",
    };
    let mut out = format!("**{}**\n\nThe file covers {}.\n\n", p.verdict, p.covers);
    out.push_str(&format!(
        "| Service | Planned per {per} | Actual per {per} | Difference | Share of budget |\n|:---|---:|---:|---:|---:|\n"
    ));
    for r in &p.rows {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            r.service,
            format_usd(r.planned),
            r.actual.map_or("not in the file".to_string(), format_usd),
            signed_usd(r.difference),
            r.actual.map_or("—".to_string(), |_| format!(
                "{}%",
                format_number(r.share_of_budget.round_dp(1), 1)
            )),
        ));
    }
    for (name, d) in &p.unmapped {
        out.push_str(&format!(
            "| {} (not in the plan) | — | {} | — | — |\n",
            crate::export::md_cell(name),
            format_usd(*d)
        ));
    }
    for (name, d) in [("Tax", p.tax), ("Credits", p.credits)] {
        if !d.is_zero() {
            out.push_str(&format!("| {name} | — | {} | — | — |\n", format_usd(d)));
        }
    }
    out
}

/// "+$0.12" or "−$0.12".
pub fn signed_usd(d: Decimal) -> String {
    if d.is_sign_negative() && !d.is_zero() {
        format!("−{}", format_usd(-d))
    } else {
        format!("+{}", format_usd(d))
    }
}
