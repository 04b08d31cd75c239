//! Prices of the rest of a serverless bill: Lambda's ephemeral storage,
//! provisioned concurrency and INIT billing, CloudWatch Logs, and the
//! services around the functions (API Gateway, SQS, SNS, S3, data
//! transfer out, NAT gateways). Every figure is us-east-1's, from
//! `docs/pricing.md` ("The rest of the bill"), where each has its source.
//!
//! Outside us-east-1 no regional copy of these prices is bundled, so they
//! are assumed, and the page says so: us-east-1's price times the larger
//! of the region's Lambda duration premium over us-east-1 and a premium
//! per service at least as high as the dearest bundled region's (the
//! constants below; `docs/pricing.md`, "Regional prices of the rest of the
//! bill"). That can only overstate where the evidence is.

use crate::arith::Sat;
use crate::prices::{self, Tier};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// Four monthly volume tiers (the last without an end).
pub type Tiers4 = [Tier; 4];

const fn t(up_to: Decimal, price: Decimal) -> Tier {
    Tier {
        up_to: Some(up_to),
        price,
    }
}
const fn last(price: Decimal) -> Tier {
    Tier { up_to: None, price }
}
const fn flat(price: Decimal) -> Tiers4 {
    [last(price); 4]
}

/// The prices of one region in one price book, USD per unit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AroundPrices {
    /// INIT (cold start) duration is billed as duration: from 2025-08-01.
    pub init_billed: bool,
    /// Ephemeral storage above 512 MB, per GB-s.
    pub eph_gbs: Decimal,
    /// Provisioned concurrency configured, per GB-s, x86 and arm64.
    pub pc_x86: Decimal,
    pub pc_arm: Decimal,
    /// Duration on provisioned concurrency, per GB-s.
    pub pc_dur_x86: Decimal,
    pub pc_dur_arm: Decimal,
    /// CloudWatch Logs ingestion per GB (binary GB), by class, tiered
    /// monthly for Lambda's logs since 2025-05-01.
    pub logs_standard: Tiers4,
    pub logs_ia: Tiers4,
    /// Log storage per GB-month.
    pub logs_storage: Decimal,
    /// API Gateway per request.
    pub http_api: Tiers4,
    pub rest_api: Tiers4,
    /// SQS per request (64 KB chunk).
    pub sqs_standard: Tiers4,
    pub sqs_fifo: Tiers4,
    /// SNS per publish (64 KB chunk), and per HTTP/S delivery.
    pub sns_publish: Decimal,
    pub sns_http: Decimal,
    /// S3 per request, and Standard storage per GB-month.
    pub s3_put: Decimal,
    pub s3_get: Decimal,
    pub s3_storage: Tiers4,
    /// Data transfer out to the internet per GB.
    pub egress: Tiers4,
    /// NAT gateway per hour (with its public IPv4 address), and per GB
    /// processed.
    pub nat_hour: Decimal,
    pub nat_gb: Decimal,
    /// Whether these prices are assumed (outside us-east-1).
    pub assumed: bool,
}

/// Always-free monthly allowances of these services ([`prices::FREE_TIER`]
/// has Lambda's, Step Functions' and DynamoDB's).
pub struct AroundFree {
    pub sqs_requests: Decimal,
    pub sns_publishes: Decimal,
    pub sns_http: Decimal,
    /// GB out to the internet, all regions together.
    pub egress_gb: Decimal,
}

pub const AROUND_FREE: AroundFree = AroundFree {
    sqs_requests: dec!(1000000),
    sns_publishes: dec!(1000000),
    sns_http: dec!(100000),
    egress_gb: dec!(100),
};

const MILLION: Decimal = dec!(1000000);

/// us-east-1 in the books from 2026-11 on.
const US_EAST_1: AroundPrices = AroundPrices {
    init_billed: true,
    eph_gbs: dec!(0.0000000309),
    pc_x86: dec!(0.0000041667),
    pc_arm: dec!(0.0000033334),
    pc_dur_x86: dec!(0.0000097222),
    pc_dur_arm: dec!(0.0000077778),
    // Vended-log tiers: first 10 TB, next 20 TB, next 20 TB, above 50 TB.
    logs_standard: [
        t(dec!(10240), dec!(0.50)),
        t(dec!(30720), dec!(0.25)),
        t(dec!(51200), dec!(0.10)),
        last(dec!(0.05)),
    ],
    logs_ia: [
        t(dec!(10240), dec!(0.25)),
        t(dec!(30720), dec!(0.15)),
        t(dec!(51200), dec!(0.075)),
        last(dec!(0.05)),
    ],
    logs_storage: dec!(0.03),
    // $1.00 per million up to 300 million a month, $0.90 above.
    http_api: [
        t(dec!(300000000), dec!(0.000001)),
        last(dec!(0.0000009)),
        last(dec!(0.0000009)),
        last(dec!(0.0000009)),
    ],
    // $3.50 / $2.80 / $2.38 / $1.51 per million: first 333 million, next
    // 667 million, next 19 billion, above 20 billion.
    rest_api: [
        t(dec!(333000000), dec!(0.0000035)),
        t(dec!(1000000000), dec!(0.0000028)),
        t(dec!(20000000000), dec!(0.00000238)),
        last(dec!(0.00000151)),
    ],
    // $0.40 per million for the first 100 billion, $0.30 to 200 billion,
    // $0.24 above.
    sqs_standard: [
        t(dec!(100000000000), dec!(0.0000004)),
        t(dec!(200000000000), dec!(0.0000003)),
        last(dec!(0.00000024)),
        last(dec!(0.00000024)),
    ],
    // $0.50 per million for the first 100 billion; the tiers above are
    // not confirmed, so the first tier's price applies throughout (it can
    // only overstate).
    sqs_fifo: flat(dec!(0.0000005)),
    sns_publish: dec!(0.0000005),
    sns_http: dec!(0.0000006),
    s3_put: dec!(0.000005),
    s3_get: dec!(0.0000004),
    // First 50 TB, next 450 TB, above 500 TB.
    s3_storage: [
        t(dec!(51200), dec!(0.023)),
        t(dec!(512000), dec!(0.022)),
        last(dec!(0.021)),
        last(dec!(0.021)),
    ],
    // First 10 TB, next 40 TB, next 100 TB, above 150 TB.
    egress: [
        t(dec!(10240), dec!(0.09)),
        t(dec!(51200), dec!(0.085)),
        t(dec!(153600), dec!(0.07)),
        last(dec!(0.05)),
    ],
    // $0.045 an hour plus $0.005 for its public IPv4 address.
    nat_hour: dec!(0.05),
    nat_gb: dec!(0.045),
    assumed: false,
};

/// The premium over us-east-1 assumed for each service outside it: at
/// least the dearest bundled region's, so that no region is understated
/// (`docs/pricing.md`, "Regional prices of the rest of the bill"). Only
/// eu-central-1's logs (0.63, 1.26) and REST API (3.70, 1.0572) were
/// confirmed here; the others are upper bounds recalled from AWS's pricing
/// pages (Tokyo's logs at 0.76 a GB, Cape Town's data out at 0.154 a GB,
/// its S3 at about 1.2 times, NAT gateways up to about 0.065 an hour),
/// rounded up, and the page says they are assumed.
const LOGS_PREMIUM: Decimal = dec!(1.52);
const API_PREMIUM: Decimal = dec!(1.4);
const QUEUE_PREMIUM: Decimal = dec!(1.25);
const S3_PREMIUM: Decimal = dec!(1.2);
const EGRESS_PREMIUM: Decimal = dec!(1.72);
const NAT_PREMIUM: Decimal = dec!(1.45);

/// Whether book `book_id` bills INIT as duration (from 2025-08-01).
pub fn init_billed(book_id: &str) -> bool {
    book_id >= "2025-08"
}

/// The prices of `region` in book `book_id`.
pub fn around_prices(book_id: &str, region: &str) -> AroundPrices {
    let mut p = US_EAST_1;
    // INIT billing started 2025-08-01; Lambda logs were priced flat, as
    // any log group, before 2025-05-01.
    p.init_billed = init_billed(book_id);
    if book_id < "2025-05" {
        p.logs_standard = flat(dec!(0.50));
        p.logs_ia = flat(dec!(0.25));
    }
    if region == "us-east-1" {
        return p;
    }
    let lambda = |r: &str| {
        prices::region_prices(book_id, r)
            .map(|x| x.lambda_gbs_x86[0].price)
            .unwrap_or(Decimal::ONE)
    };
    let ratio = (Sat(lambda(region)) / lambda("us-east-1"))
        .0
        .round_dp_with_strategy(4, rust_decimal::RoundingStrategy::AwayFromZero)
        .max(Decimal::ONE);
    let one = Decimal::ONE;
    // Each price times the larger of the two premiums: a table, so that
    // each line is data rather than its own code.
    for (tiers, premium) in [
        (&mut p.logs_standard, LOGS_PREMIUM),
        (&mut p.logs_ia, LOGS_PREMIUM),
        (&mut p.http_api, API_PREMIUM),
        (&mut p.rest_api, API_PREMIUM),
        (&mut p.sqs_standard, QUEUE_PREMIUM),
        (&mut p.sqs_fifo, QUEUE_PREMIUM),
        (&mut p.s3_storage, S3_PREMIUM),
        (&mut p.egress, EGRESS_PREMIUM),
    ] {
        for tier in tiers {
            tier.price = (Sat(tier.price) * ratio.max(premium)).0;
        }
    }
    for (price, premium) in [
        (&mut p.eph_gbs, one),
        (&mut p.pc_x86, one),
        (&mut p.pc_arm, one),
        (&mut p.pc_dur_x86, one),
        (&mut p.pc_dur_arm, one),
        (&mut p.logs_storage, LOGS_PREMIUM),
        (&mut p.sns_publish, QUEUE_PREMIUM),
        (&mut p.sns_http, QUEUE_PREMIUM),
        (&mut p.s3_put, S3_PREMIUM),
        (&mut p.s3_get, S3_PREMIUM),
        (&mut p.nat_hour, NAT_PREMIUM),
        (&mut p.nat_gb, NAT_PREMIUM),
    ] {
        *price = (Sat(*price) * ratio.max(premium)).0;
    }
    p.assumed = true;
    p
}

/// Per million, for hints: `per_million(0.0000035)` = 3.5.
pub fn per_million(price: Decimal) -> Decimal {
    (Sat(price) * MILLION).0.normalize()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn us_east_1_is_confirmed_and_others_never_cheaper() {
        let us = around_prices("2026-12", "us-east-1");
        assert!(!us.assumed);
        assert!(us.init_billed);
        for (code, _) in prices::REGIONS {
            let r = around_prices("2026-12", code);
            assert_eq!(r.assumed, *code != "us-east-1");
            assert!(
                r.logs_standard[0].price >= us.logs_standard[0].price,
                "{code}"
            );
            assert!(r.rest_api[0].price >= us.rest_api[0].price, "{code}");
            assert!(r.egress[0].price >= us.egress[0].price, "{code}");
        }
        // The evidence: eu-central-1 logs 0.63 a GB, REST 3.70 a million.
        let fra = around_prices("2026-12", "eu-central-1");
        assert!(fra.logs_standard[0].price >= dec!(0.63));
        assert!(per_million(fra.rest_api[0].price) >= dec!(3.70));
        // eu-west-1 logs 0.57.
        assert!(around_prices("2026-12", "eu-west-1").logs_standard[0].price >= dec!(0.57));
        // af-south-1's Lambda is 0.0000221 against 0.0000166667: 1.326
        // (rounded up from 1.32599...), so its ephemeral storage is
        // 0.0000000309 x 1.326 = 0.0000000409734; its NAT hour takes the
        // larger NAT premium, 0.05 x 1.45 = 0.0725.
        let cpt = around_prices("2026-12", "af-south-1");
        assert_eq!(cpt.eph_gbs, dec!(0.0000000409734));
        assert_eq!(cpt.nat_hour, dec!(0.0725));
        // Tokyo's logs (0.76 a GB, recalled) and Cape Town's data out
        // (0.154) are not understated: 0.50 x 1.52 = 0.76, 0.09 x 1.72 =
        // 0.1548.
        assert!(around_prices("2026-12", "ap-northeast-1").logs_standard[0].price >= dec!(0.76));
        assert!(cpt.egress[0].price >= dec!(0.154));
    }

    #[test]
    fn old_books_have_no_init_billing_and_flat_lambda_logs() {
        let old = around_prices("2024-10", "us-east-1");
        assert!(!old.init_billed);
        assert_eq!(old.logs_standard[3].price, dec!(0.50));
        assert!(around_prices("2026-11", "us-east-1").init_billed);
    }
}
