//! The command line, run as a user runs it: the built `backcast` binary.
#![cfg(not(target_arch = "wasm32"))]

use std::process::{Command, Output};

const ARTICLE: &str = "https://example.org/backcast/?budget=7&period=day&p.lambda_gbs=0.00001667";

/// The article's $7-a-day table ("How I Built a Machine Learning Pipeline on
/// AWS for Under $7 a Day", CloudZero 2020): requests = 7 / (0.00001667 x
/// GB-s + 0.0000002), rounded down.
///   1: 7 / 0.00001687 = 414,937.7     32: 7 / 0.00053364 = 13,117.5
///  64: 7 / 0.00106708 = 6,559.96      96: 7 / 0.00160052 = 4,373.6
/// 128: 7 / 0.00213396 = 3,280.3      160: 7 / 0.0026674  = 2,624.3
/// 192: 7 / 0.00320084 = 2,186.9      224: 7 / 0.00373428 = 1,874.5
/// 256: 7 / 0.00426772 = 1,640.2
const ROWS: [(u64, u64); 9] = [
    (1, 414_937),
    (32, 13_117),
    (64, 6_559),
    (96, 4_373),
    (128, 3_280),
    (160, 2_624),
    (192, 2_186),
    (224, 1_874),
    (256, 1_640),
];

fn backcast(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_backcast"))
        .args(args)
        .output()
        .expect("the backcast binary runs")
}

fn stdout(o: &Output) -> String {
    assert!(
        o.status.success(),
        "exit {:?}: {}",
        o.status.code(),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// `414937` → `414,937`, as the page writes counts.
fn grouped(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[test]
fn json_is_the_solve_result() {
    for args in [
        vec![ARTICLE],
        vec![ARTICLE, "--format", "json"],
        vec!["--format=json", ARTICLE],
    ] {
        let out = stdout(&backcast(&args));
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        let rows = v["rows"].as_array().unwrap();
        assert_eq!(rows.len(), 9);
        for (row, (gbs, n)) in rows.iter().zip(ROWS) {
            assert_eq!(row["gbs"].as_f64(), Some(gbs as f64));
            assert_eq!(row["max_requests"].as_u64(), Some(n), "at {gbs} GB-s");
        }
        // At the default 128 GB-s: 3,280 requests; 3,000 cost
        // 3000 x 0.00213396 = 6.40188; the most GB-s for 3,000 requests is
        // (7 / 3000 - 0.0000002) / 0.00001667 = 139.96.
        assert_eq!(v["max_requests"].as_u64(), Some(3280));
        assert!((v["cost"].as_f64().unwrap() - 6.40188).abs() < 1e-9);
        assert!((v["max_gbs"].as_f64().unwrap() - 139.96).abs() < 1e-3);
        assert_eq!(v["period"], "day");
    }
}

#[test]
fn markdown_is_the_pages_table() {
    let out = stdout(&backcast(&[ARTICLE, "--format", "markdown"]));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "**Most requests per day that $7.00 buys, by Lambda GB-s per request**"
    );
    assert_eq!(
        lines[2],
        "| GB-s per request | Requests per day (x86_64) | Requests per day (arm64) |"
    );
    for (i, (gbs, n)) in ROWS.iter().enumerate() {
        // The override is one flat price, so arm64 shows the same counts.
        // 3,280 at 128 GB-s covers the default 3,000 a day: bold.
        let want = if *gbs == 128 {
            format!("| **{gbs}** | **{0}** | **{0}** |", grouped(*n))
        } else {
            format!("| {gbs} | {0} | {0} |", grouped(*n))
        };
        assert_eq!(lines[4 + i], want);
    }
}

#[test]
fn csv_is_the_pages_table() {
    // A bare query works as well as a whole link.
    let out = stdout(&backcast(&[
        "--format",
        "csv",
        "?budget=7&period=day&p.lambda_gbs=0.00001667",
    ]));
    let lines: Vec<&str> = out.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "GB-s per request,Requests per day (x86_64),Requests per day (arm64)"
    );
    for (i, (gbs, n)) in ROWS.iter().enumerate() {
        let cell = if *n >= 1000 {
            format!("\"{}\"", grouped(*n))
        } else {
            n.to_string()
        };
        assert_eq!(lines[1 + i], format!("{gbs},{cell},{cell}"));
    }
}

#[test]
fn bad_links_exit_2_naming_each_key() {
    let o = backcast(&["?budget=-1&gbs=64&period=week&wat=1"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    let err = String::from_utf8_lossy(&o.stderr);
    // The same message as the JS API's Error.
    assert!(
        err.starts_with("backcast: invalid scenario: budget: must be greater than 0, not -1; "),
        "{err}"
    );
    assert!(
        err.contains("period: \"week\" is not one of day, month"),
        "{err}"
    );
    assert!(err.contains("wat: is not a key Backcast knows"), "{err}");
    assert!(!err.contains("gbs"), "{err}");
}

#[test]
fn bad_arguments_exit_2() {
    for args in [
        vec![ARTICLE, "--format", "xml"],
        vec![ARTICLE, "--format"],
        vec![ARTICLE, "--frobnicate"],
        vec![ARTICLE, ARTICLE],
    ] {
        let o = backcast(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(o.stdout.is_empty(), "{args:?}");
        // clap's usage error names what is wrong.
        assert!(
            String::from_utf8_lossy(&o.stderr).starts_with("error: "),
            "{args:?}"
        );
    }
    let help = stdout(&backcast(&["--help"]));
    assert!(help.contains("Usage: backcast [OPTIONS] [LINK]"), "{help}");
    assert!(help.contains("`-` reads it"), "{help}");
    let version = stdout(&backcast(&["--version"]));
    assert_eq!(version, format!("backcast {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn a_link_on_standard_input() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_backcast"))
        .args(["-", "--format", "csv"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("the backcast binary runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{ARTICLE}\n").as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    // The article's 64 GB-s row: 7 / 0.00106708 = 6,559.96 → 6,559.
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(
        csv.lines()
            .any(|l| l.starts_with("64,") && l.contains("\"6,559\"")),
        "{csv}"
    );
}

#[test]
fn the_whole_bill_and_its_limits_in_json() {
    // A month of 1,000,000 requests (core/tests/whole_bill.rs works each out):
    // duration 27.666722, INIT 0.12500025, requests 0.60, HTTP API 1.00,
    // SQS 3e6 calls x 0.40 / 1e6 = 1.20, logs 9e8 B = 0.8381903172 GB x
    // 0.50 = 0.4190951586 and x 0.03 = 0.0251457095: 31.0359631181.
    let q = "?period=month&requests=1000000&budget=100&fns=api:512:120,worker:1024:800:2\
             &cold_pct=1&init_ms=300&logs=1&apigw=http&sqs=standard";
    let v: serde_json::Value = serde_json::from_str(&stdout(&backcast(&[q]))).unwrap();
    let b = &v["breakdown"];
    assert!((v["cost"].as_f64().unwrap() - 31.0359631181).abs() < 1e-9);
    assert!((b["lambda_init"].as_f64().unwrap() - 0.12500025).abs() < 1e-12);
    assert_eq!(b["api_gateway"].as_f64(), Some(1.0));
    assert!((b["sqs"].as_f64().unwrap() - 1.2).abs() < 1e-12);
    assert!((b["cloudwatch_logs"].as_f64().unwrap() - 0.4442408681).abs() < 1e-9);
    // Not in use: not written.
    assert!(b.get("nat_gateway").is_none());
    assert!(v.get("limits").is_none());
    // 1,000,000 a month / 2,628,000 s = 0.38 a second; each request keeps
    // (0.120 + 0.003) + 2 x (0.800 + 0.003) = 1.729 s busy: 0.66 -> 1.
    assert_eq!(v["peak_concurrency"].as_u64(), Some(1));

    // 100,000,000 a day at 5x peak, 200 ms: 1,158 executions > 1,000.
    let q = "?budget=100000&requests=100000000&peak=5&fns=api:128:200";
    let v: serde_json::Value = serde_json::from_str(&stdout(&backcast(&[q]))).unwrap();
    assert_eq!(v["peak_concurrency"].as_u64(), Some(1158));
    assert_eq!(
        v["limits"][0],
        "needs 1,158 concurrent executions at its peak, over the account's limit of 1,000"
    );
}

#[test]
fn a_bad_function_is_named_and_the_rest_kept() {
    let o = backcast(&["?fns=api:512:120,worker:lots:800"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("fns"), "{err}");
    assert!(err.contains("worker"), "{err}");
}

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/core/tests/fixtures/actual");

#[test]
fn the_plan_against_a_cost_explorer_file() {
    // The article's case: a $7-a-day plan of 3,000 requests at 128 GB-s,
    // 3000 x (128 x 0.0000166667 + 0.0000002) = 6.4006128, and three days
    // of 2.15 in Cost Explorer: Lambda 0.80, Step Functions 0.60,
    // EventBridge 0.20, DynamoDB 0.55 a day on average.
    let file = format!("{FIXTURES}/ce_daily_article.csv");
    let v: serde_json::Value =
        serde_json::from_str(&stdout(&backcast(&["--actual", &file]))).unwrap();
    assert_eq!(
        v["verdict"],
        "Actual $2.15 a day against a $7.00 budget and a $6.40 plan, 30.7% of the budget."
    );
    assert_eq!(v["actual"].as_f64(), Some(2.15));
    let services: Vec<(&str, f64)> = v["services"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["service"].as_str().unwrap(),
                r["actual"].as_f64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        services,
        [
            ("Lambda", 0.8),
            ("Step Functions", 0.6),
            ("EventBridge", 0.2),
            ("DynamoDB", 0.55)
        ]
    );
    // Markdown, and the same file on standard input.
    let md = stdout(&backcast(&["--actual", &file, "-f", "md"]));
    assert!(
        md.contains("| DynamoDB | $0.00 | $0.55 | +$0.55 | 7.9% |"),
        "{md}"
    );
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_backcast"))
        .args(["--actual", "-", "-f", "md"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(&std::fs::read(&file).unwrap())
        .unwrap();
    assert_eq!(stdout(&child.wait_with_output().unwrap()), md);
}

#[test]
fn a_file_that_is_no_billing_export_exits_2() {
    let o = backcast(&["--actual", &format!("{FIXTURES}/unknown_layout.csv")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!String::from_utf8_lossy(&o.stderr).is_empty());
    let o = backcast(&["-", "--actual", "-"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn tuning_measurements_priced_against_a_pipeline() {
    // fns api (measured) and pre (128 MB, 100 ms = 0.0125 GB-s); per
    // request (api + 0.0125) x 0.0000166667 + 2 x 0.0000002:
    //   512 MB x 2,100 ms: 1.0625 GB-s, 7 / 0.00001810836875 = 386,561.6
    //  2048 MB x   400 ms: 0.8125 GB-s, 7 / 0.00001394169375 = 502,091.07
    let dir = std::env::temp_dir().join(format!("backcast-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("tuning.json");
    std::fs::write(
        &file,
        r#"{"results": {"stats": [{"value": 512, "averageDuration": 2100}, {"value": 2048, "averageDuration": 400}]}}"#,
    )
    .unwrap();
    let out = stdout(&backcast(&[
        "?fns=api:1024:1000,pre:128:100",
        "--tuning",
        file.to_str().unwrap(),
    ]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["max_requests"].as_u64(), Some(386_561));
    assert_eq!(v[1]["max_requests"].as_u64(), Some(502_091));
    assert_eq!(v[1]["best"], true);
    std::fs::write(&file, "#gAAAAQ;not base64!;x").unwrap();
    let o = backcast(&["--tuning", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("tuning:"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn plan_b_against_plan_a() {
    // A, x86: 7 / 0.0021335376 = 3,280.9 -> 3,280; B, arm64: 7 /
    // (128 x 0.0000133334 + 0.0000002) = 7 / 0.0017068752 = 4,101.06 ->
    // 4,101: 821 more. 3,000 requests on B: 3000 x 0.0017068752 =
    // 5.1206256, (5.1206256 - 6.4006128) / 6.4006128 = -19.998%.
    let v: serde_json::Value = serde_json::from_str(&stdout(&backcast(&[
        "?budget=7",
        "--compare",
        "?arch=arm64",
    ])))
    .unwrap();
    assert_eq!(v["a"]["max_requests"].as_u64(), Some(3280));
    assert_eq!(v["b"]["max_requests"].as_u64(), Some(4101));
    assert_eq!(v["more_requests"].as_f64(), Some(821.0));
    assert!((v["cost_change_pct"].as_f64().unwrap() + 19.998).abs() < 1e-3);
    assert_eq!(
        v["summary"],
        "B serves 821 more requests per day than A for its budget; at 3,000 requests per day \
         it costs 20% less ($5.12 against $6.40)."
    );
    // A bad plan B is named as B's.
    let o = backcast(&["--compare", "?arch=sparc"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("plan B: invalid scenario: arch"));
}
