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
        description: "5 million calls a month on arm64 Lambda (512 MB, 100 ms), two reads and a write each, 10 GB table; $20 a month.",
        query: "budget=20&period=month&requests=5000000&arch=arm64&gbs=0.05\
                &ddb_reads=2&ddb_writes=1&ddb_storage_gb=10",
    },
    Preset {
        id: "etl",
        title: "Event-driven ETL",
        description: "20,000 files a day through a Standard workflow of 8 transitions, 3 Lambda steps, 2 events and 3 writes each; $10 a day.",
        query: "budget=10&period=day&requests=20000&gbs=6&invocations=3\
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
        // Per month, 5,000,000 requests, us-east-1, arm64:
        //   requests 5e6 x 0.0000002 = 1.00
        //   duration 5e6 x 0.05 GB-s x 0.0000133334 = 3.33335
        //   reads 5e6 x 2 x 0.5 RRU x 0.000000125 = 0.625
        //   writes 5e6 x 1 x 1 WRU x 0.000000625 = 3.125
        //   storage 10 GB x 0.25 = 2.50
        // total 10.58335
        assert_eq!(solve(&s).cost, dec!(10.58335));
    }

    #[test]
    fn the_etl_preset_is_dominated_by_transitions() {
        let s = by_id("etl").unwrap().scenario().0;
        let sol = solve(&s);
        // Per day, 20,000 requests:
        //   transitions 20000 x 8 x 0.000025 = 4.00
        //   duration 20000 x 6 x 0.0000166667 = 2.000004
        assert_eq!(sol.lines.sfn_transitions, dec!(4));
        assert_eq!(sol.lines.lambda_duration, dec!(2.000004));
        // storage 50 x 0.25 = 12.50 a month, x 24/730 a day = 0.41095...
        assert!((sol.lines.ddb_storage - dec!(0.4109589)).abs() < dec!(0.0000001));
        assert!(matches!(sol.max_requests, Limit::Count(n) if n > 20000));
    }
}
