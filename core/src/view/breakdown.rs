//! Where the money goes: the cost of each line and each service.

use super::*;

#[derive(Clone, Debug, PartialEq)]
pub struct BreakdownLine {
    pub service: &'static str,
    pub dimension: &'static str,
    pub per_request: String,
    pub per_period: String,
    pub share_text: String,
    /// Share of the total in tenths of a percent, 0 to 1000, for a bar's
    /// width without float formatting.
    pub permille: u32,
    pub dominant: bool,
}

/// One service's subtotal.
#[derive(Clone, Debug, PartialEq)]
pub struct ServiceLine {
    pub service: &'static str,
    pub per_request: String,
    pub per_period: String,
    pub share_text: String,
    pub permille: u32,
    pub dominant: bool,
}

pub(super) fn breakdown(s: &Scenario, l: &Lines) -> Vec<BreakdownLine> {
    let reads = if s.ddb_mode == crate::scenario::DdbMode::Provisioned {
        ("Read capacity (RCU-hours)", "Write capacity (WCU-hours)")
    } else {
        ("Read request units", "Write request units")
    };
    let all = [
        ("Lambda", "Request fee", l.lambda_requests, true),
        ("Lambda", "Duration (GB-s)", l.lambda_duration, true),
        (
            "Step Functions",
            "State transitions",
            l.sfn_transitions,
            s.sfn == Sfn::Standard,
        ),
        (
            "Step Functions",
            "Express requests",
            l.sfn_express_requests,
            s.sfn == Sfn::Express,
        ),
        (
            "Step Functions",
            "Express duration",
            l.sfn_express_duration,
            s.sfn == Sfn::Express,
        ),
        (
            "EventBridge",
            "Custom events (64 KB chunks)",
            l.eb_events,
            !s.eb_events.is_zero(),
        ),
        ("DynamoDB", reads.0, l.ddb_reads, !s.ddb_reads.is_zero()),
        ("DynamoDB", reads.1, l.ddb_writes, !s.ddb_writes.is_zero()),
        (
            "DynamoDB",
            "Storage",
            l.ddb_storage,
            !s.ddb_storage_gb.is_zero(),
        ),
        (
            "Lambda",
            "Cold starts: INIT billed as duration (since 2025-08-01)",
            l.lambda_init,
            false,
        ),
        (
            "Lambda",
            "Ephemeral storage above 512 MB",
            l.lambda_ephemeral,
            false,
        ),
        (
            "Lambda",
            "Provisioned concurrency",
            l.lambda_provisioned,
            false,
        ),
        (
            "Lambda",
            "Duration on provisioned concurrency",
            l.lambda_provisioned_duration,
            false,
        ),
        ("CloudWatch Logs", "Ingestion", l.logs_ingestion, s.logs),
        (
            "CloudWatch Logs",
            "Storage for the retention kept",
            l.logs_storage,
            s.logs,
        ),
        (
            "API Gateway",
            api_label(s),
            l.api_gateway,
            s.apigw != ApiGw::None,
        ),
        (
            "SQS",
            "Requests (64 KB chunks)",
            l.sqs,
            s.sqs != Queue::None,
        ),
        (
            "SNS",
            "Publishes",
            l.sns_publishes,
            !s.sns_publishes.is_zero(),
        ),
        (
            "SNS",
            "HTTP/S deliveries",
            l.sns_http,
            !s.sns_http.is_zero(),
        ),
        (
            "S3",
            "Requests",
            l.s3_requests,
            !(s.s3_puts.is_zero() && s.s3_gets.is_zero()),
        ),
        (
            "S3",
            "Standard storage",
            l.s3_storage,
            !s.s3_storage_gb.is_zero(),
        ),
        (
            "Data transfer",
            "Out to the internet",
            l.data_transfer,
            !s.egress_kb.is_zero(),
        ),
        ("NAT gateway", "Hours", l.nat_hours, !s.nat.is_zero()),
        (
            "NAT gateway",
            "Data processed",
            l.nat_data,
            !s.nat.is_zero(),
        ),
    ];
    // The lines shown: those in use, and any that cost something.
    let shown = |used: bool, v: Decimal| used || !v.is_zero();
    let total = l.total();
    let mut max = None;
    for &(_, _, v, used) in &all {
        if shown(used, v) {
            max = max.max(Some(v));
        }
    }
    let max = max.unwrap_or(Decimal::ZERO);
    let mut out = Vec::new();
    for (service, dimension, v, used) in all {
        if shown(used, v) {
            let pct = percent(v, total);
            out.push(BreakdownLine {
                service,
                dimension,
                per_request: per_request(v, s.requests),
                per_period: format_usd(v),
                share_text: format!("{}%", format_number(pct, 1)),
                permille: permille(pct),
                dominant: !v.is_zero() && v == max,
            });
        }
    }
    out
}

/// USD per request of `cost` spread over `requests`; a dash for none.
pub(super) fn per_request(cost: Decimal, requests: Decimal) -> String {
    if requests.is_zero() {
        "—".into()
    } else {
        // A fixed cost over a tiny fraction of a request can exceed what a
        // decimal holds.
        match cost.checked_div(requests) {
            Some(v) => format_usd(v),
            None => format!("over {}", format_usd(Decimal::MAX)),
        }
    }
}

/// `part` as a percentage of `total` (0 when the total is 0).
pub(super) fn percent(part: Decimal, total: Decimal) -> Decimal {
    if total.is_zero() {
        Decimal::ZERO
    } else {
        (Sat(part.checked_div(total).unwrap_or_default()) * dec!(100)).0
    }
}

/// A percentage in tenths, 0 to 1000.
pub(super) fn permille(pct: Decimal) -> u32 {
    (Sat(pct) * dec!(10))
        .0
        .round()
        .to_u32()
        .unwrap_or(0)
        .min(1000)
}

fn api_label(s: &Scenario) -> &'static str {
    if s.apigw == ApiGw::Rest {
        "REST API requests"
    } else {
        "HTTP API requests (512 KB increments)"
    }
}

pub(super) fn services(s: &Scenario, l: &Lines) -> Vec<ServiceLine> {
    // Whether each service of `Lines::by_service` is in the plan (shown
    // even at $0); SNS, S3 and data transfer show when they cost.
    let used = [
        true,
        s.sfn != Sfn::None,
        !s.eb_events.is_zero(),
        s.uses_dynamodb(),
        s.logs,
        s.apigw != ApiGw::None,
        s.sqs != Queue::None,
        false,
        false,
        false,
        !s.nat.is_zero(),
    ];
    let all = l.by_service();
    let total = l.total();
    let max = all.iter().map(|x| x.1).max().unwrap_or_default();
    let mut out = Vec::new();
    for ((service, v), used) in all.into_iter().zip(used) {
        if used || !v.is_zero() {
            let pct = percent(v, total);
            out.push(ServiceLine {
                service,
                per_request: per_request(v, s.requests),
                per_period: format_usd(v),
                share_text: format!("{}%", format_number(pct, 1)),
                permille: permille(pct),
                dominant: !v.is_zero() && v == max,
            });
        }
    }
    out
}
