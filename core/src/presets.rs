//! Ready-made scenarios: the article's pipeline and two realistic others.
//! Each is a share-link query, read by `Scenario::from_link` like any link.

use crate::scenario::{Problem, Scenario};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Preset {
    pub id: &'static str,
    pub title: &'static str,
    pub description: &'static str,
    /// A scenario v1 query string.
    pub query: &'static str,
}

pub const PRESETS: &[Preset] = &[
    Preset {
        id: "article",
        title: "The article's ML pipeline",
        description: "$7 a day for 3,000 requests a day, 128 GB-s of Lambda each (CloudZero, 2020).",
        query: "budget=7&period=day&requests=3000&gbs=128",
    },
    Preset {
        id: "api",
        title: "API backend on DynamoDB",
        description: "5 million calls a month through an HTTP API to one arm64 function (512 MB, 100 ms; 1% cold starts of 300 ms) that logs 1 KB a call; two reads and a write each, 10 GB table; $20 a month.",
        query: "budget=20&period=month&requests=5000000&arch=arm64&fns=api:512:100\
                &cold_pct=1&init_ms=300&logs=1&log_kb=1&apigw=http&apigw_kb=2\
                &ddb_reads=2&ddb_writes=1&ddb_storage_gb=10",
    },
    Preset {
        id: "etl",
        title: "Event-driven ETL",
        description: "20,000 files a day from S3 through a queue and a Standard workflow of 8 transitions over three functions, 2 events and 3 writes each; $10 a day.",
        query: "budget=10&period=day&requests=20000\
                &fns=extract:1024:2000,transform:2048:1500,load:1024:1000\
                &sqs=standard&sqs_kb=8&s3_gets=1&s3_puts=1\
                &sfn=standard&sfn_transitions=8&eb_events=2&eb_event_kb=4\
                &ddb_reads=1&ddb_writes=3&ddb_write_kb=2&ddb_storage_gb=50",
    },
];

impl Preset {
    pub fn scenario(&self) -> (Scenario, Vec<Problem>) {
        Scenario::from_link(self.query)
    }
}

pub fn by_id(id: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.id == id)
}

/// The preset a scenario is exactly, if any.
pub fn matching(s: &Scenario) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.scenario().0 == *s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::solve::{solve, Limit};
    use rust_decimal_macros::dec;

    #[test]
    fn every_preset_parses_cleanly_and_round_trips() {
        for p in PRESETS {
            let (s, problems) = p.scenario();
            assert!(problems.is_empty(), "{}: {problems:?}", p.id);
            let (again, problems) = Scenario::from_link(&s.to_query(false));
            assert!(problems.is_empty());
            assert_eq!(again, s, "{}", p.id);
            assert_eq!(matching(&s).map(|m| m.id), Some(p.id));
        }
        let ids: Vec<&str> = PRESETS.iter().map(|p| p.id).collect();
        assert_eq!(ids, ["article", "api", "etl"]);
    }

    #[test]
    fn the_article_preset_is_the_default() {
        assert_eq!(by_id("article").unwrap().scenario().0, Scenario::default());
    }

    #[test]
    fn the_api_preset_costs_what_the_price_list_says() {
        let s = by_id("api").unwrap().scenario().0;
        let l = solve(&s).lines;
        // Per month, 5,000,000 requests, us-east-1, arm64, book 2026-11
        // (INIT billed as duration since 2025-08-01):
        //   requests 5e6 x 0.0000002 = 1.00
        //   duration 5e6 x 0.5 GB x 0.1 s = 250,000 GB-s x 0.0000133334 = 3.33335
        //   INIT: 1% of calls bill ceil(100 + 300) - 100 = 300 ms more:
        //     5e6 x 0.01 x 0.5 GB x 0.3 s = 7,500 GB-s x 0.0000133334 = 0.100000 5
        assert_eq!(l.lambda_requests, dec!(1));
        assert_eq!(l.lambda_duration, dec!(3.33335));
        assert_eq!(l.lambda_init, dec!(0.1000005));
        //   logs: 1 KB + 300 B of START/END/REPORT = 1,324 B a call;
        //     5e6 x 1324 = 6,620,000,000 B = 6.62e9 / 2^30 = 6.1653554440 GB
        //     ingestion 6.1653554440 x 0.50 = 3.0826777220 (first tier)
        //     storage, one month kept: 6.1653554440 x 0.03 = 0.1849606633
        assert_eq!(l.logs_ingestion.round_dp(8), dec!(3.08267772));
        assert_eq!(l.logs_storage.round_dp(8), dec!(0.18496066));
        //   HTTP API: 2 KB is one 512 KB unit: 5e6 x 1.00 / 1e6 = 5.00,
        //     the largest line: the API costs more than the function.
        assert_eq!(l.api_gateway, dec!(5));
        //   reads 5e6 x 2 x 0.5 RRU x 0.000000125 = 0.625
        //   writes 5e6 x 1 x 1 WRU x 0.000000625 = 3.125
        //   storage 10 GB x 0.25 = 2.50
        assert_eq!(l.ddb_reads, dec!(0.625));
        assert_eq!(l.ddb_writes, dec!(3.125));
        assert_eq!(l.ddb_storage, dec!(2.5));
        // total 1 + 3.33335 + 0.1000005 + 3.0826777220 + 0.1849606633
        //   + 5 + 0.625 + 3.125 + 2.5 = 18.9509888853
        assert_eq!(l.total().round_dp(6), dec!(18.950989));
    }

    #[test]
    fn the_etl_preset_is_dominated_by_transitions() {
        let s = by_id("etl").unwrap().scenario().0;
        let sol = solve(&s);
        // Per day, 20,000 files; the functions bill 1 GB x 2 s + 2 GB x
        // 1.5 s + 1 GB x 1 s = 6 GB-s and 3 invocations a file:
        //   transitions 20000 x 8 x 0.000025 = 4.00
        //   duration 20000 x 6 x 0.0000166667 = 2.000004
        //   requests 20000 x 3 x 0.0000002 = 0.012
        assert_eq!(sol.lines.sfn_transitions, dec!(4));
        assert_eq!(sol.lines.lambda_duration, dec!(2.000004));
        assert_eq!(sol.lines.lambda_requests, dec!(0.012));
        //   SQS: an 8 KB message is one 64 KB chunk, 3 calls (send,
        //     receive, delete): 20000 x 3 x 0.40 / 1e6 = 0.024
        //   S3: 20000 x 0.005 / 1000 + 20000 x 0.0004 / 1000 = 0.108
        assert_eq!(sol.lines.sqs, dec!(0.024));
        assert_eq!(sol.lines.s3_requests, dec!(0.108));
        // storage 50 x 0.25 = 12.50 a month, x 24/730 a day = 0.41095...
        assert!((sol.lines.ddb_storage - dec!(0.4109589)).abs() < dec!(0.0000001));
        assert!(matches!(sol.max_requests, Limit::Count(n) if n > 20000));
    }
}
