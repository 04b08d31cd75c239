//! The forward model: the exact cost per period of N requests, by dimension.
//!
//! Billing conventions (scenario-v1.md): free-tier allowances and volume-tier
//! boundaries are monthly. A daily scenario is priced as its monthly
//! equivalent divided back to a day, which is the same as scaling every
//! monthly allowance and boundary by 24/730 and keeping the unit prices. That
//! form keeps the linear case exact: with no free tier and no boundary
//! crossed, cost = N x (cost of one request) + fixed costs, in decimal.

use crate::arith::Sat;
use crate::around::{self, AroundPrices, Tiers4, AROUND_FREE};
use crate::prices::{self, Dimension, RegionPrices, Tier};
use crate::scenario::{ApiGw, Arch, DdbMode, LogClass, Queue, Scenario, Sfn};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// Units rounded up to whole steps: `ceil_steps(130, 64)` = 3.
fn ceil_steps(x: Decimal, step: Decimal) -> Sat {
    (Sat(x) / step).ceil()
}

/// A unit price schedule for one dimension, per period: an allowance that
/// is free, then up to four volume tiers (boundaries on billable usage).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Schedule {
    pub free: Decimal,
    pub tiers: Tiers4,
}

/// Three tiers as four (the last repeated).
fn four(t: [Tier; 3]) -> Tiers4 {
    [t[0], t[1], t[2], t[2]]
}

impl Schedule {
    fn flat(price: Decimal) -> Schedule {
        let t = Tier { up_to: None, price };
        Schedule {
            free: Decimal::ZERO,
            tiers: [t; 4],
        }
    }

    /// A monthly schedule scaled to a period that is `factor` months long.
    fn scaled(tiers: Tiers4, free_monthly: Decimal, factor: Decimal) -> Schedule {
        let scale = |x: Decimal| {
            if factor == Decimal::ONE {
                x
            } else {
                (Sat(x) * factor).0
            }
        };
        let mut t = tiers;
        for tier in &mut t {
            tier.up_to = tier.up_to.map(scale);
        }
        Schedule {
            free: scale(free_monthly),
            tiers: t,
        }
    }

    /// The first billable unit price, for estimates.
    pub fn first_price(&self) -> Decimal {
        self.tiers[0].price
    }

    /// USD for `q` units in the period.
    pub fn cost(&self, q: Decimal) -> Decimal {
        if q <= self.free {
            return Decimal::ZERO;
        }
        let billable = Sat(q) - self.free;
        let mut total = Sat::ZERO;
        let mut below = Decimal::ZERO;
        for t in &self.tiers {
            match t.up_to {
                Some(b) if billable.0 > b => {
                    total += (Sat(b) - below) * t.price;
                    below = b;
                }
                _ => return (total + (billable - below) * t.price).0,
            }
        }
        total.0
    }

    /// The most units whose cost is at most `amount`; `None` when there is
    /// no limit (the price past some point is zero).
    pub fn max_quantity(&self, amount: Decimal) -> Option<Decimal> {
        if amount.is_sign_negative() && !amount.is_zero() {
            return Some(Decimal::ZERO);
        }
        let mut q = Sat(self.free);
        let mut left = Sat(amount);
        let mut below = Decimal::ZERO;
        for t in &self.tiers {
            let width = t.up_to.map(|b| Sat(b) - below);
            if t.price.is_zero() {
                match width {
                    Some(w) => {
                        q += w;
                        below = t.up_to.unwrap_or(below);
                        continue;
                    }
                    None => return None,
                }
            }
            if let Some(w) = width {
                let full = w * t.price;
                if full <= left {
                    left -= full;
                    q += w;
                    below = t.up_to.unwrap_or(below);
                    continue;
                }
            }
            return Some((q + left / t.price).0);
        }
        Some(q.0)
    }
}

/// What one request uses, in billing units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PerRequest {
    pub invocations: Decimal,
    pub gbs: Decimal,
    pub sfn_transitions: Decimal,
    pub sfn_executions: Decimal,
    /// Express GB-s per request after 100 ms and 64 MB rounding.
    pub sfn_express_gbs: Decimal,
    /// EventBridge 64 KB chunks.
    pub eb_chunks: Decimal,
    /// DynamoDB read request units (or, provisioned, RCU-seconds).
    pub read_units: Decimal,
    pub write_units: Decimal,
    /// On-demand Lambda GB-s on the other architecture than the
    /// scenario's `arch` (functions that name theirs); `gbs` is on `arch`.
    pub gbs_other: Decimal,
    /// Of `gbs` and `gbs_other`, what INIT (cold starts) adds.
    pub init_gbs: Decimal,
    pub init_gbs_other: Decimal,
    /// Duration on provisioned concurrency, GB-s, x86 and arm64.
    pub pc_gbs_x86: Decimal,
    pub pc_gbs_arm: Decimal,
    /// Ephemeral storage above 512 MB, GB-s.
    pub eph_gbs: Decimal,
    /// CloudWatch Logs ingested, GB (2^30 bytes).
    pub log_gb: Decimal,
    /// API Gateway requests (512 KB increments for HTTP APIs).
    pub api_calls: Decimal,
    /// SQS requests (64 KB chunks).
    pub sqs_calls: Decimal,
    pub sns_publishes: Decimal,
    pub sns_http: Decimal,
    pub s3_puts: Decimal,
    pub s3_gets: Decimal,
    /// GB out to the internet, and GB through NAT gateways.
    pub egress_gb: Decimal,
    pub nat_gb: Decimal,
}

/// KB in a GB (binary units, as AWS bills data).
const KB_PER_GB: Decimal = dec!(1048576);
/// Lambda's START, END and REPORT lines, bytes per invocation (text
/// format; `docs/pricing.md`).
const LOG_LINES_BYTES: Decimal = dec!(300);

/// What the functions of `s.fns` bill per request: (invocations, GB-s on
/// `s.arch`, GB-s on the other, INIT on `s.arch`, INIT on the other,
/// provisioned GB-s x86, arm64, ephemeral GB-s).
fn pipeline(s: &Scenario, init_billed: bool) -> [Sat; 8] {
    let mut out = [Sat::ZERO; 8];
    let cold = Sat(s.cold_pct) / dec!(100);
    let eph_gb = (Sat(s.eph_mb) - dec!(512)).max(Sat::ZERO) / dec!(1024);
    for f in &s.fns.0 {
        let gb = Sat(f.memory_mb) / dec!(1024);
        let warm = Sat(f.duration_ms).ceil();
        let pc = !f.provisioned.is_zero();
        // A cold invocation bills ceil(INIT + duration); INIT is billed
        // only from 2025-08-01, and never on provisioned concurrency.
        let extra = if init_billed && !pc {
            (Sat(f.duration_ms) + s.init_ms).ceil() - warm
        } else {
            Sat::ZERO
        };
        let inv = Sat(f.invocations);
        let seconds = |ms: Sat| inv * gb * ms / dec!(1000);
        let init = seconds(cold * extra);
        let gbs = seconds(warm) + init;
        out[0] += inv;
        let arm = f.arch_or(s.arch) == Arch::Arm64;
        if pc {
            out[if arm { 6 } else { 5 }] += gbs;
        } else {
            let main = arm == (s.arch == Arch::Arm64);
            out[if main { 1 } else { 2 }] += gbs;
            out[if main { 3 } else { 4 }] += init;
        }
        out[7] += inv * eph_gb * (warm + cold * extra) / dec!(1000);
    }
    out
}

/// The scenario's on-demand Lambda GB-s per request: `gbs`, or its
/// pipeline's when it has functions (what the table, the chart and the
/// headroom call "GB-s per request").
pub fn request_gbs(s: &Scenario) -> Decimal {
    if s.fns.is_empty() {
        s.gbs
    } else {
        PerRequest::of(s).total_gbs()
    }
}

impl PerRequest {
    pub fn of(s: &Scenario) -> PerRequest {
        PerRequest::billed(s, around::init_billed(s.book_id()))
    }

    /// On-demand Lambda GB-s on both architectures together.
    pub fn total_gbs(&self) -> Decimal {
        (Sat(self.gbs) + self.gbs_other).0
    }

    /// The same request at `g` on-demand GB-s in all (a table row, a
    /// point of the chart): split between the architectures as now, with
    /// no INIT line of its own.
    pub fn with_gbs(&self, g: Decimal) -> PerRequest {
        let mut p = *self;
        p.init_gbs = Decimal::ZERO;
        p.init_gbs_other = Decimal::ZERO;
        if self.gbs_other.is_zero() {
            p.gbs = g;
        } else {
            let share = (Sat(self.gbs) / self.total_gbs()).0;
            p.gbs = (Sat(g) * share).0;
            p.gbs_other = (Sat(g) - p.gbs).0;
        }
        p
    }

    /// What one request uses, with INIT billed as duration or not (the
    /// price book says which).
    pub fn billed(s: &Scenario, init_billed: bool) -> PerRequest {
        let [inv, gbs, gbs_other, init, init_other, pc_x86, pc_arm, eph] = if s.fns.is_empty() {
            [
                Sat(s.invocations),
                Sat(s.gbs),
                Sat::ZERO,
                Sat::ZERO,
                Sat::ZERO,
                Sat::ZERO,
                Sat::ZERO,
                Sat::ZERO,
            ]
        } else {
            pipeline(s, init_billed)
        };
        let log_gb = if s.logs {
            inv * (Sat(s.log_kb) * dec!(1024) + LOG_LINES_BYTES) / dec!(1024) / KB_PER_GB
        } else {
            Sat::ZERO
        };
        let api_calls = match s.apigw {
            ApiGw::None => Sat::ZERO,
            ApiGw::Http => ceil_steps(s.apigw_kb, dec!(512)),
            ApiGw::Rest => Sat::ONE,
        };
        let sqs_calls = if s.sqs == Queue::None {
            Sat::ZERO
        } else {
            Sat(s.sqs_messages) * ceil_steps(s.sqs_kb, dec!(64)) * s.sqs_calls
        };
        let sfn_std = s.sfn == Sfn::Standard;
        let express = s.sfn == Sfn::Express;
        // Express: duration in 100 ms steps, memory in 64 MB steps (64 MB minimum).
        let billed_s = ceil_steps(s.sfn_express_ms, dec!(100)) * dec!(0.1);
        let billed_gb =
            ceil_steps(s.sfn_express_mb.max(dec!(64)), dec!(64)) * dec!(64) / dec!(1024);
        PerRequest {
            invocations: inv.0,
            gbs: gbs.0,
            gbs_other: gbs_other.0,
            init_gbs: init.0,
            init_gbs_other: init_other.0,
            pc_gbs_x86: pc_x86.0,
            pc_gbs_arm: pc_arm.0,
            eph_gbs: eph.0,
            log_gb: log_gb.0,
            api_calls: api_calls.0,
            sqs_calls: sqs_calls.0,
            sns_publishes: s.sns_publishes,
            sns_http: s.sns_http,
            s3_puts: s.s3_puts,
            s3_gets: s.s3_gets,
            egress_gb: (Sat(s.egress_kb) / KB_PER_GB).0,
            nat_gb: (Sat(s.nat_kb) / KB_PER_GB).0,
            sfn_transitions: if sfn_std {
                s.sfn_transitions
            } else {
                Decimal::ZERO
            },
            sfn_executions: if express { Decimal::ONE } else { Decimal::ZERO },
            sfn_express_gbs: if express {
                (billed_s * billed_gb).0
            } else {
                Decimal::ZERO
            },
            eb_chunks: (Sat(s.eb_events) * ceil_steps(s.eb_event_kb, dec!(64))).0,
            read_units: (Sat(s.ddb_reads)
                * (ceil_steps(s.ddb_read_kb, dec!(4)) * s.ddb_read.units_per_4kb()))
            .0,
            write_units: (Sat(s.ddb_writes)
                * (ceil_steps(s.ddb_write_kb, dec!(1)) * s.ddb_write.units_per_kb()))
            .0,
        }
    }
}

/// The cost per period, by dimension. Every field is USD per period.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Lines {
    pub lambda_requests: Decimal,
    pub lambda_duration: Decimal,
    pub sfn_transitions: Decimal,
    pub sfn_express_requests: Decimal,
    pub sfn_express_duration: Decimal,
    pub eb_events: Decimal,
    pub ddb_reads: Decimal,
    pub ddb_writes: Decimal,
    pub ddb_storage: Decimal,
    /// What INIT (cold starts) adds to Lambda's duration.
    pub lambda_init: Decimal,
    pub lambda_ephemeral: Decimal,
    /// Provisioned concurrency: configured, and duration on it.
    pub lambda_provisioned: Decimal,
    pub lambda_provisioned_duration: Decimal,
    pub logs_ingestion: Decimal,
    pub logs_storage: Decimal,
    pub api_gateway: Decimal,
    pub sqs: Decimal,
    pub sns_publishes: Decimal,
    pub sns_http: Decimal,
    pub s3_requests: Decimal,
    pub s3_storage: Decimal,
    pub data_transfer: Decimal,
    pub nat_hours: Decimal,
    pub nat_data: Decimal,
}

impl Lines {
    pub fn total(&self) -> Decimal {
        [
            self.lambda_requests,
            self.lambda_duration,
            self.sfn_transitions,
            self.sfn_express_requests,
            self.sfn_express_duration,
            self.eb_events,
            self.ddb_reads,
            self.ddb_writes,
            self.ddb_storage,
            self.lambda_init,
            self.lambda_ephemeral,
            self.lambda_provisioned,
            self.lambda_provisioned_duration,
            self.logs_ingestion,
            self.logs_storage,
            self.api_gateway,
            self.sqs,
            self.sns_publishes,
            self.sns_http,
            self.s3_requests,
            self.s3_storage,
            self.data_transfer,
            self.nat_hours,
            self.nat_data,
        ]
        .into_iter()
        .map(Sat)
        .sum::<Sat>()
        .0
    }
    pub fn lambda(&self) -> Decimal {
        (Sat(self.lambda_requests)
            + self.lambda_duration
            + self.lambda_init
            + self.lambda_ephemeral
            + self.lambda_provisioned
            + self.lambda_provisioned_duration)
            .0
    }
    /// Each service's subtotal, in the order the page lists them.
    pub fn by_service(&self) -> [(&'static str, Decimal); 11] {
        [
            ("Lambda", self.lambda()),
            ("Step Functions", self.step_functions()),
            ("EventBridge", self.eventbridge()),
            ("DynamoDB", self.dynamodb()),
            ("CloudWatch Logs", self.cloudwatch_logs()),
            ("API Gateway", self.api_gateway),
            ("SQS", self.sqs),
            ("SNS", self.sns()),
            ("S3", self.s3()),
            ("Data transfer", self.data_transfer),
            ("NAT gateway", self.nat_gateway()),
        ]
    }
    pub fn cloudwatch_logs(&self) -> Decimal {
        (Sat(self.logs_ingestion) + self.logs_storage).0
    }
    pub fn sns(&self) -> Decimal {
        (Sat(self.sns_publishes) + self.sns_http).0
    }
    pub fn s3(&self) -> Decimal {
        (Sat(self.s3_requests) + self.s3_storage).0
    }
    pub fn nat_gateway(&self) -> Decimal {
        (Sat(self.nat_hours) + self.nat_data).0
    }
    pub fn step_functions(&self) -> Decimal {
        (Sat(self.sfn_transitions) + self.sfn_express_requests + self.sfn_express_duration).0
    }
    pub fn eventbridge(&self) -> Decimal {
        self.eb_events
    }
    pub fn dynamodb(&self) -> Decimal {
        (Sat(self.ddb_reads) + self.ddb_writes + self.ddb_storage).0
    }
}

/// A scenario resolved against its price book: everything needed to price
/// any number of requests.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    pub prices: RegionPrices,
    pub per: PerRequest,
    pub lambda_request: Schedule,
    pub lambda_gbs: Schedule,
    pub sfn_transition: Schedule,
    pub sfn_express_request: Schedule,
    pub sfn_express_gbs: Schedule,
    pub eb_event: Schedule,
    pub ddb_rru: Decimal,
    pub ddb_wru: Decimal,
    pub ddb_rcu_hour: Decimal,
    pub ddb_wcu_hour: Decimal,
    pub provisioned: bool,
    pub free_rcu: Decimal,
    pub free_wcu: Decimal,
    pub seconds: Decimal,
    pub hours: Decimal,
    /// Storage: a fixed cost per period.
    pub storage: Decimal,
    /// The rest of the bill.
    pub around: AroundPrices,
    /// Whether `arch` is arm64 (`lambda_gbs` is its schedule).
    pub main_arm: bool,
    /// Duration on the other architecture, without the free allowance
    /// (which `gbs_cost` shares out).
    pub lambda_gbs_other: Schedule,
    pub eph: Schedule,
    pub pc_dur_x86: Schedule,
    pub pc_dur_arm: Schedule,
    pub logs: Schedule,
    /// Log storage per GB ingested: the retention kept times the GB-month
    /// price.
    pub log_storage_per_gb: Decimal,
    pub api: Schedule,
    pub sqs: Schedule,
    pub sns_publish: Schedule,
    pub sns_http: Schedule,
    pub s3_put: Schedule,
    pub s3_get: Schedule,
    pub egress: Schedule,
    pub nat_gb: Schedule,
    /// Fixed costs per period: provisioned concurrency configured, S3
    /// storage, NAT gateway hours.
    pub pc_fixed: Decimal,
    pub s3_storage: Decimal,
    pub nat_fixed: Decimal,
}

impl Model {
    pub fn new(s: &Scenario) -> Model {
        // A validated scenario always names a bundled book and region; a
        // hand-built one that does not falls back to the newest us-east-1.
        let p = prices::region_prices(s.book_id(), &s.region)
            .or_else(|| prices::region_prices(prices::NEWEST, "us-east-1"))
            .expect("the newest book covers us-east-1");
        let allowance = prices::free_tier(s.book_id());
        let hours = s.period.hours();
        let factor = hours / dec!(730);
        let free = |x: Decimal| if s.free_tier { x } else { Decimal::ZERO };
        let schedule =
            |dim: Dimension, tiers: [Tier; 3], free_monthly: Decimal| match s.overrides.get(&dim) {
                Some(price) => Schedule {
                    free: Schedule::scaled(four(tiers), free_monthly, factor).free,
                    ..Schedule::flat(*price)
                },
                None => Schedule::scaled(four(tiers), free_monthly, factor),
            };
        let flat = |x: Decimal| {
            [Tier {
                up_to: None,
                price: x,
            }; 3]
        };
        let price = |dim: Dimension, x: Decimal| s.overrides.get(&dim).copied().unwrap_or(x);
        let main_arm = s.arch == Arch::Arm64;
        let (gbs_tiers, other_tiers) = if main_arm {
            (p.lambda_gbs_arm64, p.lambda_gbs_x86)
        } else {
            (p.lambda_gbs_x86, p.lambda_gbs_arm64)
        };
        let a = around::around_prices(s.book_id(), &s.region);
        let monthly =
            |tiers: Tiers4, free_monthly: Decimal| Schedule::scaled(tiers, free_monthly, factor);
        let per_unit = |price: Decimal, free_monthly: Decimal| {
            monthly([Tier { up_to: None, price }; 4], free_monthly)
        };
        let per = PerRequest::billed(s, a.init_billed);
        // Provisioned concurrency: each environment's memory, around the
        // clock, for the period.
        let mut pc_fixed = Sat::ZERO;
        for f in &s.fns.0 {
            let rate = if f.arch_or(s.arch) == Arch::Arm64 {
                a.pc_arm
            } else {
                a.pc_x86
            };
            pc_fixed += Sat(f.provisioned) * f.memory_mb / dec!(1024) * s.period.seconds() * rate;
        }
        let fixed_monthly = |x: Sat| {
            if factor == Decimal::ONE {
                x.0
            } else {
                (x * factor).0
            }
        };
        let storage_billable =
            (Sat(s.ddb_storage_gb) - free(allowance.ddb_storage_gb)).max(Sat::ZERO);
        let storage_monthly =
            storage_billable * price(Dimension::DdbStorageGbMonth, p.ddb_storage_gb_month);
        let s3_gb =
            Schedule::scaled(a.s3_storage, Decimal::ZERO, Decimal::ONE).cost(s.s3_storage_gb);
        Model {
            main_arm,
            lambda_gbs_other: match s.overrides.get(&Dimension::LambdaGbs) {
                Some(price) => Schedule::flat(*price),
                None => monthly(four(other_tiers), Decimal::ZERO),
            },
            eph: per_unit(a.eph_gbs, Decimal::ZERO),
            pc_dur_x86: per_unit(a.pc_dur_x86, Decimal::ZERO),
            pc_dur_arm: per_unit(a.pc_dur_arm, Decimal::ZERO),
            logs: monthly(
                if s.log_class == LogClass::Standard {
                    a.logs_standard
                } else {
                    a.logs_ia
                },
                Decimal::ZERO,
            ),
            log_storage_per_gb: (Sat(s.log_months) * a.logs_storage).0,
            api: monthly(
                if s.apigw == ApiGw::Rest {
                    a.rest_api
                } else {
                    a.http_api
                },
                Decimal::ZERO,
            ),
            sqs: monthly(
                if s.sqs == Queue::Fifo {
                    a.sqs_fifo
                } else {
                    a.sqs_standard
                },
                free(AROUND_FREE.sqs_requests),
            ),
            sns_publish: per_unit(a.sns_publish, free(AROUND_FREE.sns_publishes)),
            sns_http: per_unit(a.sns_http, free(AROUND_FREE.sns_http)),
            s3_put: per_unit(a.s3_put, Decimal::ZERO),
            s3_get: per_unit(a.s3_get, Decimal::ZERO),
            egress: monthly(a.egress, free(AROUND_FREE.egress_gb)),
            nat_gb: per_unit(a.nat_gb, Decimal::ZERO),
            pc_fixed: pc_fixed.0,
            s3_storage: fixed_monthly(Sat(s3_gb)),
            nat_fixed: (Sat(s.nat) * hours * a.nat_hour).0,
            around: a,
            per,
            lambda_request: schedule(
                Dimension::LambdaRequest,
                flat(p.lambda_request),
                free(allowance.lambda_requests),
            ),
            lambda_gbs: schedule(Dimension::LambdaGbs, gbs_tiers, free(allowance.lambda_gbs)),
            sfn_transition: schedule(
                Dimension::SfnTransition,
                flat(p.sfn_transition),
                free(allowance.sfn_transitions),
            ),
            sfn_express_request: schedule(
                Dimension::SfnExpressRequest,
                flat(p.sfn_express_request),
                Decimal::ZERO,
            ),
            sfn_express_gbs: schedule(Dimension::SfnExpressGbs, p.sfn_express_gbs, Decimal::ZERO),
            eb_event: schedule(Dimension::EbEvent, flat(p.eb_event), Decimal::ZERO),
            ddb_rru: price(Dimension::DdbRru, p.ddb_rru),
            ddb_wru: price(Dimension::DdbWru, p.ddb_wru),
            ddb_rcu_hour: price(Dimension::DdbRcuHour, p.ddb_rcu_hour),
            ddb_wcu_hour: price(Dimension::DdbWcuHour, p.ddb_wcu_hour),
            provisioned: s.ddb_mode == DdbMode::Provisioned,
            free_rcu: free(allowance.ddb_rcu),
            free_wcu: free(allowance.ddb_wcu),
            seconds: s.period.seconds(),
            hours,
            storage: if factor == Decimal::ONE {
                storage_monthly.0
            } else {
                (storage_monthly * factor).0
            },
            prices: p,
        }
    }

    /// Provisioned capacity for `units` request units spread evenly over
    /// the period: whole units per second, rounded up, less the free ones,
    /// priced per hour for the period's hours.
    fn capacity_cost(&self, units: Decimal, free: Decimal, hour_price: Decimal) -> Decimal {
        if units.is_zero() {
            return Decimal::ZERO;
        }
        let capacity = (Sat(units) / self.seconds).ceil();
        let billable = (capacity - free).max(Sat::ZERO);
        (billable * self.hours * hour_price).0
    }

    /// The cost per period of `n` requests, each using `per`.
    pub fn lines_with(&self, per: &PerRequest, n: Decimal) -> Lines {
        let q = |x: Decimal| (Sat(n) * x).0;
        let (reads, writes) = if self.provisioned {
            (
                self.capacity_cost(q(per.read_units), self.free_rcu, self.ddb_rcu_hour),
                self.capacity_cost(q(per.write_units), self.free_wcu, self.ddb_wcu_hour),
            )
        } else {
            (
                (Sat(q(per.read_units)) * self.ddb_rru).0,
                (Sat(q(per.write_units)) * self.ddb_wru).0,
            )
        };
        let with_init = self.gbs_cost(q(per.gbs), q(per.gbs_other));
        let duration = if per.init_gbs.is_zero() && per.init_gbs_other.is_zero() {
            with_init
        } else {
            self.gbs_cost(
                q((Sat(per.gbs) - per.init_gbs).0),
                q((Sat(per.gbs_other) - per.init_gbs_other).0),
            )
        };
        let log_gb = q(per.log_gb);
        Lines {
            lambda_init: (Sat(with_init) - duration).0,
            lambda_ephemeral: self.eph.cost(q(per.eph_gbs)),
            lambda_provisioned: self.pc_fixed,
            lambda_provisioned_duration: (Sat(self.pc_dur_x86.cost(q(per.pc_gbs_x86)))
                + self.pc_dur_arm.cost(q(per.pc_gbs_arm)))
            .0,
            logs_ingestion: self.logs.cost(log_gb),
            logs_storage: (Sat(log_gb) * self.log_storage_per_gb).0,
            api_gateway: self.api.cost(q(per.api_calls)),
            sqs: self.sqs.cost(q(per.sqs_calls)),
            sns_publishes: self.sns_publish.cost(q(per.sns_publishes)),
            sns_http: self.sns_http.cost(q(per.sns_http)),
            s3_requests: (Sat(self.s3_put.cost(q(per.s3_puts))) + self.s3_get.cost(q(per.s3_gets)))
                .0,
            s3_storage: self.s3_storage,
            data_transfer: self.egress.cost(q(per.egress_gb)),
            nat_hours: self.nat_fixed,
            nat_data: self.nat_gb.cost(q(per.nat_gb)),
            lambda_requests: self.lambda_request.cost(q(per.invocations)),
            lambda_duration: duration,
            sfn_transitions: self.sfn_transition.cost(q(per.sfn_transitions)),
            sfn_express_requests: self.sfn_express_request.cost(q(per.sfn_executions)),
            sfn_express_duration: self.sfn_express_gbs.cost(q(per.sfn_express_gbs)),
            eb_events: self.eb_event.cost(q(per.eb_chunks)),
            ddb_reads: reads,
            ddb_writes: writes,
            ddb_storage: self.storage,
        }
    }

    /// On-demand duration for `main` GB-s on the scenario's architecture
    /// and `other` GB-s on the other. With both, the free allowance goes
    /// to arm64 first, the cheaper rate: AWS shares it between the two
    /// without saying how, and this split can only overstate.
    pub fn gbs_cost(&self, main: Decimal, other: Decimal) -> Decimal {
        if other.is_zero() {
            return self.lambda_gbs.cost(main);
        }
        let free = Sat(self.lambda_gbs.free);
        let (x86, arm) = if self.main_arm {
            (other, main)
        } else {
            (main, other)
        };
        let arm_billable = (Sat(arm) - free).max(Sat::ZERO);
        let x86_billable = (Sat(x86) - (free - arm).max(Sat::ZERO)).max(Sat::ZERO);
        let bare = Schedule {
            free: Decimal::ZERO,
            ..self.lambda_gbs
        };
        let (x86_s, arm_s) = if self.main_arm {
            (&self.lambda_gbs_other, &bare)
        } else {
            (&bare, &self.lambda_gbs_other)
        };
        (Sat(x86_s.cost(x86_billable.0)) + arm_s.cost(arm_billable.0)).0
    }

    pub fn lines(&self, n: Decimal) -> Lines {
        self.lines_with(&self.per, n)
    }

    pub fn cost(&self, n: Decimal) -> Decimal {
        self.lines(n).total()
    }

    /// The cost of zero requests: what is paid whatever each request uses
    /// (DynamoDB storage).
    pub fn fixed_cost(&self) -> Decimal {
        self.cost(Decimal::ZERO)
    }

    /// Cost of one more request at first-tier prices, with no free tier:
    /// the slope used to start searches near the answer.
    pub fn marginal(&self, per: &PerRequest) -> Decimal {
        let ddb = if self.provisioned {
            // One unit per second for the period, per unit per request: a
            // lower bound on the slope once capacity is above the free units.
            Sat(per.read_units) * (Sat(self.ddb_rcu_hour) * self.hours / self.seconds)
                + Sat(per.write_units) * (Sat(self.ddb_wcu_hour) * self.hours / self.seconds)
        } else {
            Sat(per.read_units) * self.ddb_rru + Sat(per.write_units) * self.ddb_wru
        };
        let first = |q: Decimal, s: &Schedule| Sat(q) * s.first_price();
        (first(per.invocations, &self.lambda_request)
            + first(per.gbs, &self.lambda_gbs)
            + first(per.sfn_transitions, &self.sfn_transition)
            + first(per.sfn_executions, &self.sfn_express_request)
            + first(per.sfn_express_gbs, &self.sfn_express_gbs)
            + first(per.eb_chunks, &self.eb_event)
            + first(per.gbs_other, &self.lambda_gbs_other)
            + first(per.pc_gbs_x86, &self.pc_dur_x86)
            + first(per.pc_gbs_arm, &self.pc_dur_arm)
            + first(per.eph_gbs, &self.eph)
            + Sat(per.log_gb) * (Sat(self.logs.first_price()) + self.log_storage_per_gb)
            + first(per.api_calls, &self.api)
            + first(per.sqs_calls, &self.sqs)
            + first(per.sns_publishes, &self.sns_publish)
            + first(per.sns_http, &self.sns_http)
            + first(per.s3_puts, &self.s3_put)
            + first(per.s3_gets, &self.s3_get)
            + first(per.egress_gb, &self.egress)
            + first(per.nat_gb, &self.nat_gb)
            + ddb)
            .0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{Period, Raw};

    use crate::scenario::valid as scenario;

    /// Each service's subtotal, as the breakdown and `solve().breakdown`
    /// show it, worked out by hand from book 2026-11 (us-east-1, no free
    /// tier) for 1,000,000 requests a month.
    #[test]
    fn service_subtotals() {
        let m = Model::new(&scenario(
            "prices=2026-11&period=month&requests=1000000&sfn=standard&sfn_transitions=4\
             &eb_events=2&eb_event_kb=100&ddb_reads=2&ddb_writes=1&ddb_storage_gb=10",
        ));
        let l = m.lines(dec!(1000000));
        // Standard: 4 x 1,000,000 transitions x 0.000025 = 100.
        assert_eq!(l.step_functions(), dec!(100));
        // 2 events of 100 KB = 2 x 2 chunks of 64 KB; 4,000,000 x 0.000001 = 4.
        assert_eq!(l.eventbridge(), dec!(4));
        // Reads: 2 x 0.5 RRU (eventual, 4 KB) = 1 RRU a request, x 0.000000125
        // = 0.125; writes: 1 WRU x 0.000000625 = 0.625; storage 10 GB x 0.25
        // = 2.50 a month. 3.25 in all.
        assert_eq!(l.dynamodb(), dec!(3.25));
        // Express instead: 1,000,000 x 0.000001 = 1 for requests; 150 ms
        // billed as 200 ms, 100 MB as 128 MB: 0.2 s x 0.125 GB = 0.025 GB-s,
        // x 1,000,000 = 25,000 GB-s x 0.00001667 (first tier) = 0.41675.
        let m = Model::new(&scenario(
            "prices=2026-11&period=month&sfn=express&sfn_express_ms=150&sfn_express_mb=100",
        ));
        assert_eq!(m.lines(dec!(1000000)).step_functions(), dec!(1.41675));
    }

    #[test]
    fn tiered_schedule_prices_each_tier() {
        let t = |b: Option<Decimal>, p: Decimal| Tier { up_to: b, price: p };
        let s = Schedule {
            free: dec!(10),
            tiers: [
                t(Some(dec!(100)), dec!(2)),
                t(Some(dec!(300)), dec!(1)),
                t(None, dec!(0.5)),
                t(None, dec!(0.5)),
            ],
        };
        assert_eq!(s.cost(dec!(10)), dec!(0));
        assert_eq!(s.cost(dec!(60)), dec!(100)); // 50 x 2
        assert_eq!(s.cost(dec!(110)), dec!(200)); // 100 x 2
        assert_eq!(s.cost(dec!(410)), dec!(450)); // 200 + 200 x 1 + 100 x 0.5
        assert_eq!(s.max_quantity(dec!(450)), Some(dec!(410)));
        assert_eq!(s.max_quantity(dec!(100)), Some(dec!(60)));
        assert_eq!(s.max_quantity(dec!(0)), Some(dec!(10)));
        // A negative amount buys nothing, not even the free allowance.
        assert_eq!(s.max_quantity(dec!(-5)), Some(dec!(0)));
        let free_forever = Schedule::flat(dec!(0));
        assert_eq!(free_forever.max_quantity(dec!(5)), None);
    }

    #[test]
    fn aws_lambda_example_x86() {
        // AWS Lambda pricing page, example 1 (us-east-1, x86, no free tier):
        // 3,000,000 requests a month, 120 ms at 1,536 MB each.
        // GB-s = 3,000,000 x 0.12 x 1.5 = 540,000; duration 540,000 x
        // 0.0000166667 = 9.000018; requests 3 x 0.20 = 0.60.
        let mut s = scenario("period=month&gbs=0.18&requests=3000000");
        let m = Model::new(&s);
        let l = m.lines(dec!(3000000));
        assert_eq!(l.lambda_duration, dec!(9.000018));
        assert_eq!(l.lambda_requests, dec!(0.6));
        // With the free tier: (540,000 - 400,000) x 0.0000166667 = 2.333338;
        // (3,000,000 - 1,000,000) x 0.0000002 = 0.40.
        s.set("free_tier", Raw::Text("1")).unwrap();
        let l = Model::new(&s).lines(dec!(3000000));
        assert_eq!(l.lambda_duration, dec!(2.333338));
        assert_eq!(l.lambda_requests, dec!(0.4));
    }

    #[test]
    fn lambda_volume_tiers_x86_and_arm64() {
        // 10 billion GB-s a month on x86: 6e9 x 0.0000166667 + 4e9 x 0.000015
        // = 100,000.2 + 60,000 = 160,000.2.
        let s = scenario("period=month&gbs=1&invocations=0");
        assert_eq!(Model::new(&s).cost(dec!(10000000000)), dec!(160000.2));
        // arm64: 7.5e9 x 0.0000133334 + 2.5e9 x 0.0000120001 = 100,000.5 + 30,000.25.
        let s = scenario("period=month&gbs=1&invocations=0&arch=arm64");
        assert_eq!(Model::new(&s).cost(dec!(10000000000)), dec!(130000.75));
    }

    #[test]
    fn step_functions_standard_example() {
        // By hand, after the pricing page's method: 100,000 executions a
        // month of a 10-transition workflow with the free tier:
        // (1,000,000 - 4,000) x 0.000025 = 24.90.
        let s = scenario(
            "period=month&gbs=0&invocations=0&sfn=standard&sfn_transitions=10&free_tier=1",
        );
        assert_eq!(Model::new(&s).cost(dec!(100000)), dec!(24.9));
    }

    #[test]
    fn step_functions_express_rounding() {
        // 1,000,000 executions of 130 ms at 100 MB: billed 200 ms at 128 MB,
        // 0.2 x 0.125 = 0.025 GB-s each, 25,000 GB-s in all, below the
        // 3,600,000 GB-s tier: 25,000 x 0.00001667 = 0.41675; requests 1.00.
        let s = scenario(
            "period=month&gbs=0&invocations=0&sfn=express&sfn_express_ms=130&sfn_express_mb=100",
        );
        let l = Model::new(&s).lines(dec!(1000000));
        assert_eq!(l.sfn_express_duration, dec!(0.41675));
        assert_eq!(l.sfn_express_requests, dec!(1));
    }

    #[test]
    fn eventbridge_chunks() {
        // A 256 KB event is billed as 4 events: 1,000,000 x 4 x 0.000001 = 4.
        let s = scenario("period=month&gbs=0&invocations=0&eb_events=1&eb_event_kb=256");
        assert_eq!(Model::new(&s).cost(dec!(1000000)), dec!(4));
        // 65 KB is 2 chunks.
        let s = scenario("period=month&gbs=0&invocations=0&eb_events=1&eb_event_kb=65");
        assert_eq!(Model::new(&s).cost(dec!(1000000)), dec!(2));
    }

    #[test]
    fn dynamodb_on_demand_units() {
        // 1,000,000 strongly consistent reads of 6 KB: 2 x 1 RRU each =
        // 2,000,000 x 0.000000125 = 0.25; eventual: half, 0.125;
        // transactional: twice, 0.50. Writes of 2.5 KB: 3 WRU each,
        // 3,000,000 x 0.000000625 = 1.875; transactional 3.75.
        let base = "period=month&gbs=0&invocations=0&ddb_reads=1&ddb_read_kb=6";
        let cost = |q: &str| Model::new(&scenario(q)).cost(dec!(1000000));
        assert_eq!(cost(&format!("{base}&ddb_read=strong")), dec!(0.25));
        assert_eq!(cost(base), dec!(0.125));
        assert_eq!(cost(&format!("{base}&ddb_read=transactional")), dec!(0.5));
        let w = "period=month&gbs=0&invocations=0&ddb_writes=1&ddb_write_kb=2.5";
        assert_eq!(cost(w), dec!(1.875));
        assert_eq!(cost(&format!("{w}&ddb_write=transactional")), dec!(3.75));
    }

    #[test]
    fn dynamodb_provisioned_capacity() {
        // 2,628,000 s in a 730-hour month. 262,800,000 strongly consistent
        // 4 KB reads a month = 100 per second: 100 RCU x 730 h x 0.00013 =
        // 9.49. With the free tier, 75 RCU: 7.1175.
        let q = "period=month&gbs=0&invocations=0&ddb_mode=provisioned&ddb_reads=1&ddb_read=strong";
        assert_eq!(Model::new(&scenario(q)).cost(dec!(262800000)), dec!(9.49));
        let qf = format!("{q}&free_tier=1");
        assert_eq!(
            Model::new(&scenario(&qf)).cost(dec!(262800000)),
            dec!(7.1175)
        );
        // One read more needs a 101st unit.
        assert_eq!(Model::new(&scenario(q)).cost(dec!(262800001)), dec!(9.5849));
        // A day: 86,400 reads a day = 1 RCU x 24 h x 0.00013.
        let d = "gbs=0&invocations=0&ddb_mode=provisioned&ddb_reads=1&ddb_read=strong";
        assert_eq!(Model::new(&scenario(d)).cost(dec!(86400)), dec!(0.00312));
    }

    #[test]
    fn dynamodb_storage_is_fixed_per_period() {
        // 100 GB x 0.25 = 25.00 a month; 75 GB billable with the free tier.
        let s = scenario("period=month&ddb_storage_gb=100");
        assert_eq!(Model::new(&s).lines(dec!(0)).ddb_storage, dec!(25));
        let s = scenario("period=month&ddb_storage_gb=100&free_tier=1");
        assert_eq!(Model::new(&s).lines(dec!(0)).ddb_storage, dec!(18.75));
        // A day is 24/730 of a month: 25 x 24 / 730 = 0.8219178...
        let s = scenario("ddb_storage_gb=100");
        let day = Model::new(&s).lines(dec!(0)).ddb_storage;
        assert!((day - dec!(0.82191780821917808219178)).abs() < dec!(0.0000000001));
    }

    #[test]
    fn daily_free_tier_is_the_monthly_one_scaled() {
        // 1,000,000 free requests a month = 32,876.71 a day. 40,000 requests a
        // day of 0 GB-s bill 7,123.29 requests: 0.001424657...
        let s = scenario("free_tier=1&gbs=0");
        assert_eq!(s.period, Period::Day);
        let c = Model::new(&s).cost(dec!(40000));
        let want = (dec!(40000) - dec!(1000000) * dec!(24) / dec!(730)) * dec!(0.0000002);
        assert!((c - want).abs() < dec!(0.000000000001), "{c} vs {want}");
    }

    #[test]
    fn overrides_are_flat_prices() {
        // p.lambda_gbs drops the tiers: 10e9 GB-s x 0.00001 = 100,000.
        let s = scenario("period=month&gbs=1&invocations=0&p.lambda_gbs=0.00001");
        assert_eq!(Model::new(&s).cost(dec!(10000000000)), dec!(100000));
    }

    #[test]
    fn old_price_book_keeps_old_prices() {
        // Before 2024-11-01, 1.25 per million WRU: 1,000,000 writes = 1.25.
        let q = "period=month&gbs=0&invocations=0&ddb_writes=1&prices=2024-10";
        assert_eq!(Model::new(&scenario(q)).cost(dec!(1000000)), dec!(1.25));
    }
}
