//! Dated price books.
//!
//! A price book is a snapshot of AWS list prices (USD) on a date. Links pin the
//! book's id (`prices=2026-11`), so every book that ever shipped stays in the
//! build: an old link keeps its old prices.
//!
//! Sources, for every number below (collected in `docs/pricing.md`):
//! - [L] AWS Lambda pricing, <https://aws.amazon.com/lambda/pricing/>; cross-checked
//!   against the AWS Price List as embedded in infracost's test goldens and in
//!   aws-lambda-power-tuning's template (request 0.20 per million; x86 duration
//!   0.0000166667 / 0.000015 / 0.0000133334 per GB-s at 6 and 15 billion GB-s;
//!   arm64 0.0000133334 / 0.0000120001 / 0.0000106667 at 7.5 and 18.75 billion;
//!   free tier 1,000,000 requests and 400,000 GB-s a month).
//! - [S] AWS Step Functions pricing, <https://aws.amazon.com/step-functions/pricing/>
//!   (Standard 0.025 per 1,000 transitions, 4,000 free a month; Express 1.00 per
//!   million requests, duration 0.00001667 / 0.00000833 / 0.00000456 per GB-s at
//!   1,000 and 5,000 GB-hours a month, billed in 100 ms and 64 MB steps).
//! - [E] Amazon EventBridge pricing, <https://aws.amazon.com/eventbridge/pricing/>
//!   (custom events 1.00 per million 64 KB chunks).
//! - [D] Amazon DynamoDB pricing, <https://aws.amazon.com/dynamodb/pricing/>
//!   (on-demand 0.625 per million WRU and 0.125 per million RRU since
//!   2024-11-01, 1.25 and 0.25 before; provisioned 0.00065 per WCU-hour and
//!   0.00013 per RCU-hour; storage 0.25 per GB-month; always free 25 WCU,
//!   25 RCU and 25 GB).
//! - [R] Regional Lambda and Step Functions Standard prices, from the same pages'
//!   region selectors as recorded in `docs/pricing.md`.
//!
//! What is not confirmed is marked `derived` or `assumed` below and reported by
//! [`RegionPrices::caveat`].

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// One volume tier: `price` per unit for monthly usage up to `up_to`
/// (cumulative, units per month; `None` = no upper bound).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tier {
    pub up_to: Option<Decimal>,
    pub price: Decimal,
}

/// Every unit price of one region in one price book.
#[derive(Clone, Debug, PartialEq)]
pub struct RegionPrices {
    pub code: &'static str,
    pub name: &'static str,
    pub lambda_request: Decimal,
    pub lambda_gbs_x86: [Tier; 3],
    pub lambda_gbs_arm64: [Tier; 3],
    pub sfn_transition: Decimal,
    pub sfn_express_request: Decimal,
    pub sfn_express_gbs: [Tier; 3],
    pub eb_event: Decimal,
    pub ddb_rru: Decimal,
    pub ddb_wru: Decimal,
    pub ddb_rcu_hour: Decimal,
    pub ddb_wcu_hour: Decimal,
    pub ddb_storage_gb_month: Decimal,
    /// What in this region is not confirmed from a source, for the page to say.
    pub caveat: Option<&'static str>,
}

/// AWS's always-free monthly allowances ([L], [S], [D]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FreeTier {
    pub lambda_requests: Decimal,
    pub lambda_gbs: Decimal,
    pub sfn_transitions: Decimal,
    pub ddb_rcu: Decimal,
    pub ddb_wcu: Decimal,
    pub ddb_storage_gb: Decimal,
}

pub const FREE_TIER: FreeTier = FreeTier {
    lambda_requests: dec!(1000000),
    lambda_gbs: dec!(400000),
    sfn_transitions: dec!(4000),
    ddb_rcu: dec!(25),
    ddb_wcu: dec!(25),
    ddb_storage_gb: dec!(25),
};

/// A dated price book.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PriceBook {
    /// The id a link pins, `YYYY-MM`.
    pub id: &'static str,
    /// What changed against the previous book, shown beside the id.
    pub summary: &'static str,
}

/// Every bundled book, newest first. Never remove one: links pin them.
pub const BOOKS: &[PriceBook] = &[
    PriceBook {
        id: "2026-11",
        summary: "AWS list prices as of November 2026",
    },
    PriceBook {
        id: "2024-10",
        summary: "before the DynamoDB on-demand price cut of 2024-11-01 (RRU and WRU at twice today's price)",
    },
];

/// The id of the newest bundled book: the default of the `prices` key.
pub const NEWEST: &str = "2026-11";

/// The regions every book covers, in the order the page lists them.
pub const REGIONS: &[(&str, &str)] = &[
    ("us-east-1", "US East (N. Virginia)"),
    ("us-east-2", "US East (Ohio)"),
    ("us-west-2", "US West (Oregon)"),
    ("eu-west-1", "Europe (Ireland)"),
    ("eu-west-2", "Europe (London)"),
    ("eu-central-1", "Europe (Frankfurt)"),
    ("eu-south-1", "Europe (Milan)"),
    ("ap-south-1", "Asia Pacific (Mumbai)"),
    ("ap-southeast-1", "Asia Pacific (Singapore)"),
    ("ap-southeast-2", "Asia Pacific (Sydney)"),
    ("ap-northeast-1", "Asia Pacific (Tokyo)"),
    ("ap-east-1", "Asia Pacific (Hong Kong)"),
    ("af-south-1", "Africa (Cape Town)"),
    ("me-south-1", "Middle East (Bahrain)"),
    ("me-central-1", "Middle East (UAE)"),
];

pub fn book(id: &str) -> Option<&'static PriceBook> {
    BOOKS.iter().find(|b| b.id == id)
}

const GBS_6B: Decimal = dec!(6000000000);
const GBS_15B: Decimal = dec!(15000000000);
const GBS_7_5B: Decimal = dec!(7500000000);
const GBS_18_75B: Decimal = dec!(18750000000);
/// 1,000 and 5,000 GB-hours in GB-s [S].
const GBS_1000_GBH: Decimal = dec!(3600000);
const GBS_5000_GBH: Decimal = dec!(18000000);

const fn tiers(b1: Decimal, p1: Decimal, b2: Decimal, p2: Decimal, p3: Decimal) -> [Tier; 3] {
    [
        Tier {
            up_to: Some(b1),
            price: p1,
        },
        Tier {
            up_to: Some(b2),
            price: p2,
        },
        Tier {
            up_to: None,
            price: p3,
        },
    ]
}

/// us-east-1 in book 2026-11: the reference list [L] [S] [E] [D]. A
/// constant, so the build copies it rather than writing each price.
const US_EAST_1: RegionPrices = RegionPrices {
    code: "us-east-1",
    name: "US East (N. Virginia)",
    lambda_request: dec!(0.0000002),
    lambda_gbs_x86: tiers(
        GBS_6B,
        dec!(0.0000166667),
        GBS_15B,
        dec!(0.000015),
        dec!(0.0000133334),
    ),
    lambda_gbs_arm64: tiers(
        GBS_7_5B,
        dec!(0.0000133334),
        GBS_18_75B,
        dec!(0.0000120001),
        dec!(0.0000106667),
    ),
    sfn_transition: dec!(0.000025),
    sfn_express_request: dec!(0.000001),
    sfn_express_gbs: tiers(
        GBS_1000_GBH,
        dec!(0.00001667),
        GBS_5000_GBH,
        dec!(0.00000833),
        dec!(0.00000456),
    ),
    eb_event: dec!(0.000001),
    ddb_rru: dec!(0.000000125),
    ddb_wru: dec!(0.000000625),
    ddb_rcu_hour: dec!(0.00013),
    ddb_wcu_hour: dec!(0.00065),
    ddb_storage_gb_month: dec!(0.25),
    caveat: None,
};

const OTHER_SERVICES_ASSUMED: &str =
    "Lambda and Step Functions Standard use this region's prices; Express, EventBridge and DynamoDB use us-east-1 prices (not confirmed for this region).";
const HIGH_REGION_ASSUMED: &str = "Lambda's first-tier x86 price is this region's; arm64 is derived as 80% of x86; the higher volume tiers are not confirmed, so every tier is priced at the first-tier rate (never understates); Express, EventBridge and DynamoDB use us-east-1 prices (not confirmed).";

/// `p` rounded to AWS's 10 decimal places.
fn round10(p: Decimal) -> Decimal {
    p.round_dp_with_strategy(10, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
}

/// A region whose x86 first-tier duration price is `x86` and is higher than
/// us-east-1's [R]; see [`HIGH_REGION_ASSUMED`].
fn high_region(base: RegionPrices, x86: Decimal) -> RegionPrices {
    let arm = round10(crate::arith::mul(x86, dec!(0.8)));
    RegionPrices {
        lambda_gbs_x86: tiers(GBS_6B, x86, GBS_15B, x86, x86),
        lambda_gbs_arm64: tiers(GBS_7_5B, arm, GBS_18_75B, arm, arm),
        caveat: Some(HIGH_REGION_ASSUMED),
        ..base
    }
}

/// Step Functions Standard price per transition by region [R]: 0.025 per
/// 1,000 except where listed.
fn sfn_transition(region: &str) -> Decimal {
    match region {
        "ap-south-1" => dec!(0.0000285),
        "eu-south-1" => dec!(0.00002625),
        "ap-east-1" | "me-south-1" => dec!(0.0000275),
        "af-south-1" => dec!(0.00002975),
        _ => dec!(0.000025),
    }
}

/// The prices of `region` in book `book_id`, or `None` if either is unknown.
pub fn region_prices(book_id: &str, region: &str) -> Option<RegionPrices> {
    book(book_id)?;
    let (code, name) = *REGIONS.iter().find(|(c, _)| *c == region)?;
    let base = RegionPrices {
        code,
        name,
        sfn_transition: sfn_transition(code),
        caveat: if code == "us-east-1" {
            None
        } else {
            Some(OTHER_SERVICES_ASSUMED)
        },
        ..US_EAST_1
    };
    let mut p = match code {
        "af-south-1" => high_region(base, dec!(0.0000221)),
        "ap-east-1" => high_region(base, dec!(0.00002292)),
        "eu-south-1" => high_region(base, dec!(0.0000195172)),
        "me-south-1" | "me-central-1" => high_region(base, dec!(0.0000206667)),
        _ => base,
    };
    if book_id == "2024-10" {
        // [D]: on-demand request units cost twice as much before 2024-11-01.
        p.ddb_rru = dec!(0.00000025);
        p.ddb_wru = dec!(0.00000125);
    }
    Some(p)
}

/// A unit price that a link may override with `p.<dimension>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Dimension {
    LambdaRequest,
    LambdaGbs,
    SfnTransition,
    SfnExpressRequest,
    SfnExpressGbs,
    EbEvent,
    DdbRru,
    DdbWru,
    DdbStorageGbMonth,
    DdbRcuHour,
    DdbWcuHour,
}

impl Dimension {
    pub const ALL: [Dimension; 11] = [
        Dimension::LambdaRequest,
        Dimension::LambdaGbs,
        Dimension::SfnTransition,
        Dimension::SfnExpressRequest,
        Dimension::SfnExpressGbs,
        Dimension::EbEvent,
        Dimension::DdbRru,
        Dimension::DdbWru,
        Dimension::DdbStorageGbMonth,
        Dimension::DdbRcuHour,
        Dimension::DdbWcuHour,
    ];

    /// The name after `p.` in a link.
    pub fn key(self) -> &'static str {
        match self {
            Dimension::LambdaRequest => "lambda_request",
            Dimension::LambdaGbs => "lambda_gbs",
            Dimension::SfnTransition => "sfn_transition",
            Dimension::SfnExpressRequest => "sfn_express_request",
            Dimension::SfnExpressGbs => "sfn_express_gbs",
            Dimension::EbEvent => "eb_event",
            Dimension::DdbRru => "ddb_rru",
            Dimension::DdbWru => "ddb_wru",
            Dimension::DdbStorageGbMonth => "ddb_storage_gb_month",
            Dimension::DdbRcuHour => "ddb_rcu_hour",
            Dimension::DdbWcuHour => "ddb_wcu_hour",
        }
    }

    pub fn from_key(key: &str) -> Option<Dimension> {
        Dimension::ALL.into_iter().find(|d| d.key() == key)
    }

    /// The unit the price is per, for labels.
    pub fn unit(self) -> &'static str {
        match self {
            Dimension::LambdaRequest => "request",
            Dimension::LambdaGbs | Dimension::SfnExpressGbs => "GB-s",
            Dimension::SfnTransition => "transition",
            Dimension::SfnExpressRequest => "execution",
            Dimension::EbEvent => "64 KB event chunk",
            Dimension::DdbRru => "read request unit",
            Dimension::DdbWru => "write request unit",
            Dimension::DdbStorageGbMonth => "GB-month",
            Dimension::DdbRcuHour => "RCU-hour",
            Dimension::DdbWcuHour => "WCU-hour",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_book_has_every_region() {
        for b in BOOKS {
            for (code, _) in REGIONS {
                assert!(region_prices(b.id, code).is_some(), "{} {}", b.id, code);
            }
        }
        assert_eq!(BOOKS[0].id, NEWEST);
        assert!(region_prices("2019-01", "us-east-1").is_none());
        assert!(region_prices(NEWEST, "mars-1").is_none());
    }

    #[test]
    fn published_us_east_1_numbers() {
        let p = region_prices(NEWEST, "us-east-1").unwrap();
        // 0.20 per million requests; 0.0000166667 per GB-s (the article's text).
        assert_eq!(p.lambda_request * dec!(1000000), dec!(0.2));
        assert_eq!(p.lambda_gbs_x86[0].price, dec!(0.0000166667));
        assert_eq!(p.lambda_gbs_arm64[0].up_to, Some(dec!(7500000000)));
        assert_eq!(p.ddb_wru * dec!(1000000), dec!(0.625));
        let old = region_prices("2024-10", "us-east-1").unwrap();
        assert_eq!(old.ddb_wru * dec!(1000000), dec!(1.25));
        assert_eq!(old.ddb_rru * dec!(1000000), dec!(0.25));
    }

    #[test]
    fn high_regions_derive_arm64_as_80_percent() {
        // 0.0000206667 x 0.8 = 0.00001653336, AWS's 10 places: 0.0000165334.
        let p = region_prices(NEWEST, "me-south-1").unwrap();
        assert_eq!(p.lambda_gbs_arm64[0].price, dec!(0.0000165334));
        assert!(p.caveat.is_some());
    }

    #[test]
    fn dimension_keys_round_trip() {
        for d in Dimension::ALL {
            assert_eq!(Dimension::from_key(d.key()), Some(d));
        }
        assert_eq!(Dimension::from_key("lambda"), None);
    }
}
