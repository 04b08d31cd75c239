//! Characterization check (issue 12, item 8): behaviour does not change
//! under a refactor. For 2,000 generated links (valid ones, and ones with
//! bad values, unknown and repeated keys), the record holds what the core
//! made of them at commit cf147a8, before the refactor of issue 12: the
//! problems, the link written back (pinned and not), and a hash of the
//! `solve()` JSON, of the whole view model (every string the page shows)
//! and of the Markdown and CSV exports.
//!
//! This is a record, not a hand-worked expectation: it guards refactors and
//! replaces none of the hand-worked tests. Every generated link pins its
//! price book (`prices=2026-11` or `2024-10`), so a new current book does
//! not touch it. Re-record (`CHARACTERIZATION_RECORD=1 cargo test -p
//! backcast-core --test characterization`) only for an intended change of
//! behaviour, and name that change in the commit.

use backcast_core::api::ApiResult;
use backcast_core::export::{csv, markdown};
use backcast_core::scenario::Scenario;
use backcast_core::solve::solve;
use backcast_core::view::View;

const RECORD: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/characterization.tsv"
);
const CASES: usize = 2000;

/// xorshift64*: the same links on every machine, with no dependency.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[(self.next() % from.len() as u64) as usize]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// Each key with values to draw from: typical ones first, then edges, then
/// a few bad ones (drawn in about one link in eight).
const KEYS: &[(&str, &[&str], &[&str])] = &[
    (
        "budget",
        &["7", "0.5", "100", "2500.75", "1e3", "1000000000000"],
        &["0", "-1", "x", "1e13"],
    ),
    ("period", &["day", "month"], &["week", "true"]),
    (
        "requests",
        &["3000", "0", "1", "250000", "12345678", "1e9"],
        &["-5", "1,000"],
    ),
    (
        "region",
        &[
            "us-east-1",
            "us-east-2",
            "us-west-2",
            "eu-west-1",
            "eu-west-2",
            "eu-central-1",
            "eu-south-1",
            "ap-south-1",
            "ap-southeast-1",
            "ap-southeast-2",
            "ap-northeast-1",
            "ap-east-1",
            "af-south-1",
            "me-south-1",
            "me-central-1",
        ],
        &["mars-1", ""],
    ),
    ("arch", &["x86_64", "arm64"], &["arm"]),
    ("free_tier", &["0", "1", "true", "false"], &["yes"]),
    (
        "gbs",
        &["128", "0", "1", "0.125", "64", "300.5", "10000000"],
        &["-1", ""],
    ),
    ("invocations", &["1", "0", "3", "10"], &["1e9"]),
    ("sfn", &["none", "standard", "express"], &["fast"]),
    ("sfn_transitions", &["0", "4", "25"], &["-2"]),
    ("sfn_express_ms", &["0", "99", "100", "1500"], &["ms"]),
    ("sfn_express_mb", &["64", "65", "128", "1024"], &["-64"]),
    ("eb_events", &["0", "1", "3"], &["x"]),
    ("eb_event_kb", &["1", "64", "65", "256", "1024"], &["0"]),
    ("ddb_mode", &["on_demand", "provisioned"], &["auto"]),
    ("ddb_reads", &["0", "1", "5", "40"], &["-1"]),
    ("ddb_read_kb", &["4", "1", "4.5", "400"], &["0"]),
    (
        "ddb_read",
        &["eventual", "strong", "transactional"],
        &["weak"],
    ),
    ("ddb_writes", &["0", "1", "3"], &["many"]),
    ("ddb_write_kb", &["1", "0.5", "2.5", "400"], &["0"]),
    ("ddb_write", &["standard", "transactional"], &["x"]),
    (
        "ddb_storage_gb",
        &["0", "10", "25", "26.5", "1000"],
        &["-5"],
    ),
    (
        "rows",
        &["1,32:256:32", "1", "0:10:1", "0.5:4:0.5,64", "128,256,512"],
        &["1:10:0", "a", "5:1:1"],
    ),
    ("embed", &["0", "1"], &["2"]),
];

const OVERRIDES: &[&str] = &[
    "lambda_request",
    "lambda_gbs",
    "sfn_transition",
    "sfn_express_request",
    "sfn_express_gbs",
    "eb_event",
    "ddb_rru",
    "ddb_wru",
    "ddb_storage_gb_month",
    "ddb_rcu_hour",
    "ddb_wcu_hour",
];
const PRICES: &[&str] = &["0", "0.00001667", "0.0000002", "0.000001", "0.25", "1.5"];

fn link(rng: &mut Rng) -> String {
    let mut parts = vec![["prices=", rng.pick(&["2026-11", "2024-10"])].concat()];
    let bad = rng.chance(12);
    for (key, good, wrong) in KEYS {
        if !rng.chance(45) {
            continue;
        }
        let value = if bad && rng.chance(30) {
            rng.pick(wrong)
        } else {
            rng.pick(good)
        };
        parts.push([key, "=", value].concat());
    }
    for dim in OVERRIDES {
        if rng.chance(8) {
            parts.push(["p.", dim, "=", rng.pick(PRICES)].concat());
        }
    }
    if bad && rng.chance(40) {
        parts.push(
            rng.pick(&["wat=1", "p.nope=1", "budget=9", "v=2", "v=1"])
                .to_string(),
        );
    }
    // Link order must not matter to what is read: shuffle.
    for i in (1..parts.len()).rev() {
        let j = (rng.next() % (i as u64 + 1)) as usize;
        parts.swap(i, j);
    }
    parts.join("&")
}

/// FNV-1a, 64 bits: a short stand-in for a long text.
fn hash(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// One line of the record for one link (tab-separated).
fn line(q: &str) -> String {
    let (s, problems) = Scenario::from_link(q);
    let problems: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    let mut fields = vec![
        q.to_string(),
        problems.join(" | "),
        s.to_query(true),
        s.to_query(false),
    ];
    if problems.is_empty() {
        let json = serde_json::to_string(&ApiResult::new(&s, &solve(&s))).expect("serializable");
        let view = View::new(&s);
        fields.push(hash(&json));
        fields.push(hash(&format!("{view:?}")));
        fields.push(hash(&markdown(&view)));
        fields.push(hash(&csv(&view)));
    }
    fields.join("\t").replace('\n', "\\n")
}

#[test]
fn behaviour_matches_the_record() {
    let mut rng = Rng(0x5eed_2026_1202);
    let lines: Vec<String> = (0..CASES).map(|_| line(&link(&mut rng))).collect();
    let valid = lines.iter().filter(|l| l.split('\t').count() > 4).count();
    assert!(
        valid > CASES / 2 && valid < CASES,
        "{valid} of {CASES} links valid"
    );
    if std::env::var_os("CHARACTERIZATION_RECORD").is_some() {
        std::fs::create_dir_all(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures")).unwrap();
        std::fs::write(RECORD, lines.join("\n") + "\n").unwrap();
        println!("recorded {CASES} links ({valid} valid) to {RECORD}");
        return;
    }
    let record =
        std::fs::read_to_string(RECORD).expect("the record (tests/fixtures/characterization.tsv)");
    let recorded: Vec<&str> = record.lines().collect();
    assert_eq!(
        recorded.len(),
        CASES,
        "the record has {} lines",
        recorded.len()
    );
    const NAMES: [&str; 8] = [
        "link",
        "problems",
        "pinned link",
        "link",
        "solve() JSON",
        "view model",
        "Markdown",
        "CSV",
    ];
    for (i, (now, then)) in lines.iter().zip(&recorded).enumerate() {
        if now != then {
            let (a, b): (Vec<&str>, Vec<&str>) =
                (then.split('\t').collect(), now.split('\t').collect());
            let field = (0..a.len().max(b.len()))
                .find(|&k| a.get(k) != b.get(k))
                .unwrap_or(0);
            panic!(
                "link {i} ({}) changed in its {}: recorded {:?}, now {:?}",
                a[0],
                NAMES.get(field).unwrap_or(&"field count"),
                a.get(field),
                b.get(field)
            );
        }
    }
}
