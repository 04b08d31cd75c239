//! Backcast's price-book generator: reads AWS Price List bulk offer files
//! (one JSON per service, or per service and region, as the Price List Bulk
//! API serves them) and writes the bundled book's data file, Rust source
//! that `backcast-core` includes (`core/src/books/b<YYYY_MM>.rs`).
//!
//! The offer file format (AWS's "Price List Bulk API" documentation):
//! `formatVersion`, `offerCode`, `version`, `publicationDate`, then
//! `products`, a map from SKU to `{sku, productFamily, attributes:
//! {regionCode, location, usagetype, group, ...}}`, and `terms.OnDemand`, a
//! map from SKU to a map from offer term code to `{priceDimensions: {rate
//! code: {description, beginRange, endRange ("Inf"), unit, pricePerUnit:
//! {USD}}}}`. Tiers are several price dimensions of one SKU; a free allowance
//! is a 0-priced first range (DynamoDB) or a `Global-` usage type (Lambda).
//! Usage types carry a region prefix (`USE2-`, `EU-`, `APS1-`; often none in
//! us-east-1): the generator keys products by their `regionCode` attribute
//! and matches the usage type after the prefix. Usage types it does not
//! need are ignored.
//!
//! Prices the offer files lack may come from a checked-in assumptions file
//! (`prices/<book>/assumed.json`): each row names its region, dimension,
//! price, rule and evidence. A row is used only where the offer files have
//! no price for that range; it is marked assumed in the output, and the
//! generator fails if its price is below any of its evidence. Anything
//! still missing is reported by region and dimension, never filled.
//!
//! Money is exact: every number is read from its JSON string into a
//! `rust_decimal::Decimal`; nothing goes through a float.

use rust_decimal::Decimal;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// One input file: its name as the header shows it, and its text.
#[derive(Clone, Debug)]
pub struct InputFile {
    pub name: String,
    pub text: String,
}

/// Every `*.json` under `dir` (subfolders too: the Bulk API's per-region
/// files), named by its path relative to `dir`, sorted by it.
pub fn read_offer_dir(dir: &std::path::Path) -> Result<Vec<InputFile>, String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d).map_err(|e| format!("{}: {e}", d.display()))?;
        for entry in entries {
            let path = entry.map_err(|e| format!("{}: {e}", d.display()))?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|x| x == "json") {
                let text = std::fs::read_to_string(&path)
                    .map_err(|e| format!("{}: {e}", path.display()))?;
                let name = path
                    .strip_prefix(dir)
                    .unwrap_or(&path)
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push(InputFile { name, text });
            }
        }
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

/// Everything one run reads.
#[derive(Clone, Debug, Default)]
pub struct Inputs {
    /// The book id, `YYYY-MM`.
    pub book: String,
    /// The offers folder as the header names it (`prices/offers/2026-12`).
    pub offers_label: String,
    pub offers: Vec<InputFile>,
    pub assumed: Option<InputFile>,
    /// Only these regions (all regions in the files when `None`).
    pub regions: Option<Vec<String>>,
    /// Leave out regions with missing dimensions (reported) instead of
    /// failing.
    pub allow_missing: bool,
}

/// A price the book needs that no input gives, by region and dimension.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Missing {
    pub region: String,
    pub dimension: String,
    /// What is missing: `whole range`, `from 6000000000`, `SKU … has no
    /// OnDemand terms`.
    pub detail: String,
}

impl fmt::Display for Missing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} ({})", self.region, self.dimension, self.detail)
    }
}

/// Why a run failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// A file is not what the format says: the file, the JSON path and
    /// what is wrong.
    Input {
        file: String,
        path: String,
        message: String,
    },
    /// Prices that no input gives.
    Missing(Vec<Missing>),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Input {
                file,
                path,
                message,
            } => {
                if path.is_empty() {
                    write!(f, "{file}: {message}")
                } else {
                    write!(f, "{file}: {path}: {message}")
                }
            }
            Error::Missing(m) => {
                write!(f, "{} prices missing (region, dimension):", m.len())?;
                for x in m {
                    write!(f, "\n  missing: {x}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for Error {}

fn input_err(file: &str, path: &str, message: impl Into<String>) -> Error {
    Error::Input {
        file: file.to_string(),
        path: path.to_string(),
        message: message.into(),
    }
}

/// What a run produced.
#[derive(Clone, Debug)]
pub struct Output {
    /// The data file's text.
    pub rust: String,
    /// Warnings (superseded assumptions, regions left out, free
    /// allowances that differ by region): print them on stderr.
    pub warnings: Vec<String>,
    /// What was left out with `allow_missing`.
    pub missing: Vec<Missing>,
    pub summary: Summary,
}

/// Counts for the run's last line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// (file, offer code, publication date), in file order.
    pub files: Vec<(String, String, String)>,
    pub regions: Vec<String>,
    /// Price rows taken from the offer files and from the assumptions.
    pub from_offers: usize,
    pub assumed: usize,
    /// (region, dimension) pairs with at least one assumed row.
    pub assumed_dimensions: Vec<(String, String)>,
    /// Prices missing, whose regions were left out (`allow_missing`).
    pub missing: usize,
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} offer files, {} regions x {} dimensions and {} free allowances; {} price rows from the offer files, {} assumed ({} region-dimensions); {} missing",
            self.files.len(),
            self.regions.len(),
            DIMENSIONS.len(),
            FREE.len(),
            self.from_offers,
            self.assumed,
            self.assumed_dimensions.len(),
            self.missing
        )
    }
}

// ------------------------------------------------------------- the model --

/// How a dimension is shaped in the cost model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// One price for all usage.
    Flat,
    /// Up to three volume tiers.
    Tiers,
}

/// One dimension the cost model prices, and where it is in the offers.
#[derive(Clone, Copy, Debug)]
struct Spec {
    /// The name in reports, the assumptions file and the output.
    key: &'static str,
    offer: &'static str,
    /// The usage type after the region prefix.
    usage: &'static str,
    units: &'static [&'static str],
    shape: Shape,
    /// A 0-priced first range is this dimension's free allowance (in the
    /// free allowance named here).
    free: Option<&'static str>,
}

const REQUESTS: &[&str] = &["Requests", "Request"];
const GBS: &[&str] = &["Lambda-GB-Second", "GB-Seconds", "GB-Second"];

/// Every dimension the cost model uses today.
const DIMENSIONS: &[Spec] = &[
    Spec {
        key: "lambda_request",
        offer: "AWSLambda",
        usage: "Request",
        units: REQUESTS,
        shape: Shape::Flat,
        free: None,
    },
    Spec {
        key: "lambda_request_arm64",
        offer: "AWSLambda",
        usage: "Request-ARM",
        units: REQUESTS,
        shape: Shape::Flat,
        free: None,
    },
    Spec {
        key: "lambda_gbs_x86",
        offer: "AWSLambda",
        usage: "Lambda-GB-Second",
        units: GBS,
        shape: Shape::Tiers,
        free: None,
    },
    Spec {
        key: "lambda_gbs_arm64",
        offer: "AWSLambda",
        usage: "Lambda-GB-Second-ARM",
        units: GBS,
        shape: Shape::Tiers,
        free: None,
    },
    Spec {
        key: "sfn_transition",
        offer: "AmazonStates",
        usage: "StateTransition",
        units: &["StateTransitions", "StateTransition", "Transitions"],
        shape: Shape::Flat,
        free: Some("sfn_transitions"),
    },
    Spec {
        key: "sfn_express_request",
        offer: "AmazonStates",
        usage: "StepFunctions-Request",
        units: REQUESTS,
        shape: Shape::Flat,
        free: None,
    },
    Spec {
        key: "sfn_express_gbs",
        offer: "AmazonStates",
        usage: "StepFunctions-GB-Second",
        units: &["GB-Seconds", "GB-Second"],
        shape: Shape::Tiers,
        free: None,
    },
    Spec {
        key: "eb_event",
        offer: "AWSEvents",
        usage: "Event-64K-Chunks",
        units: &["64K-Chunks"],
        shape: Shape::Flat,
        free: None,
    },
    Spec {
        key: "ddb_rru",
        offer: "AmazonDynamoDB",
        usage: "ReadRequestUnits",
        units: &["ReadRequestUnits"],
        shape: Shape::Flat,
        free: None,
    },
    Spec {
        key: "ddb_wru",
        offer: "AmazonDynamoDB",
        usage: "WriteRequestUnits",
        units: &["WriteRequestUnits"],
        shape: Shape::Flat,
        free: None,
    },
    Spec {
        key: "ddb_rcu_hour",
        offer: "AmazonDynamoDB",
        usage: "ReadCapacityUnit-Hrs",
        units: &["ReadCapacityUnit-Hrs"],
        shape: Shape::Flat,
        free: Some("ddb_rcu"),
    },
    Spec {
        key: "ddb_wcu_hour",
        offer: "AmazonDynamoDB",
        usage: "WriteCapacityUnit-Hrs",
        units: &["WriteCapacityUnit-Hrs"],
        shape: Shape::Flat,
        free: Some("ddb_wcu"),
    },
    Spec {
        key: "ddb_storage_gb_month",
        offer: "AmazonDynamoDB",
        usage: "TimedStorage-ByteHrs",
        units: &["GB-Mo", "GB-Month"],
        shape: Shape::Flat,
        free: Some("ddb_storage_gb"),
    },
];

/// A free allowance the model uses, and where it comes from.
#[derive(Clone, Copy, Debug)]
struct FreeSpec {
    key: &'static str,
    /// A `Global-` usage type (per account), or `None`: the 0-priced first
    /// range of the dimension whose `free` names this allowance.
    global: Option<(&'static str, &'static str, &'static [&'static str])>,
    /// The allowance in the offer's unit is this many model units (RCU-hours
    /// per RCU: 744, AWS's 31-day month).
    per_unit: u32,
}

const FREE: &[FreeSpec] = &[
    FreeSpec {
        key: "lambda_requests",
        global: Some(("AWSLambda", "Global-Request", REQUESTS)),
        per_unit: 1,
    },
    FreeSpec {
        key: "lambda_gbs",
        global: Some(("AWSLambda", "Global-Lambda-GB-Second", GBS)),
        per_unit: 1,
    },
    FreeSpec {
        key: "sfn_transitions",
        global: None,
        per_unit: 1,
    },
    FreeSpec {
        key: "ddb_rcu",
        global: None,
        per_unit: 744,
    },
    FreeSpec {
        key: "ddb_wcu",
        global: None,
        per_unit: 744,
    },
    FreeSpec {
        key: "ddb_storage_gb",
        global: None,
        per_unit: 1,
    },
];

/// The services the model reads; offer files of others are skipped.
const OFFERS: &[&str] = &["AWSLambda", "AmazonStates", "AWSEvents", "AmazonDynamoDB"];

/// The core's names for what the page reports as confirmed or assumed
/// (`backcast_core::prices::Item`), for each dimension: the first tier,
/// and the tiers above it.
fn items(key: &str) -> (&'static str, Option<&'static str>) {
    match key {
        "lambda_request" | "lambda_request_arm64" => ("LambdaRequest", None),
        "lambda_gbs_x86" => ("LambdaGbsX86", Some("LambdaGbsX86Tiers")),
        "lambda_gbs_arm64" => ("LambdaGbsArm64", Some("LambdaGbsArm64Tiers")),
        "sfn_transition" => ("SfnTransition", None),
        "sfn_express_request" => ("SfnExpressRequest", None),
        "sfn_express_gbs" => ("SfnExpressGbs", Some("SfnExpressGbsTiers")),
        "eb_event" => ("EbEvent", None),
        "ddb_rru" => ("DdbRru", None),
        "ddb_wru" => ("DdbWru", None),
        "ddb_rcu_hour" => ("DdbRcuHour", None),
        "ddb_wcu_hour" => ("DdbWcuHour", None),
        _ => ("DdbStorage", None),
    }
}

// ------------------------------------------------------------ the rows --

/// One price range: `[begin, end)` in the offer's unit, `end` `None` for
/// "Inf".
#[derive(Clone, Debug, PartialEq)]
struct Row {
    begin: Decimal,
    end: Option<Decimal>,
    price: Decimal,
    /// Where it came from, for messages: `AWSLambda.json SKU X` or
    /// `assumed.json prices[3]`.
    origin: String,
    /// From the assumptions file: the highest evidence price.
    assumed_floor: Option<Decimal>,
}

fn range_text(begin: Decimal, end: Option<Decimal>) -> String {
    match end {
        Some(e) => format!("{begin} to {e}"),
        None => format!("{begin} to Inf"),
    }
}

/// The parsed offers: rows by (region, dimension key), and the global free
/// allowances.
#[derive(Default)]
struct Collected {
    rows: BTreeMap<(String, &'static str), Vec<Row>>,
    /// Matched SKUs without OnDemand terms: (region, key) -> SKU.
    no_terms: BTreeMap<(String, &'static str), String>,
    global_free: BTreeMap<&'static str, (Decimal, String)>,
    regions: BTreeSet<String>,
    files: Vec<(String, String, String)>,
}

/// Whether `usagetype` is `name`, or `name` after a region prefix: a
/// region's code in usage types is 2 to 4 capitals and a digit or two
/// (`USE2`, `APS3`, `EUC1`, `MEC1`), or `EU` (eu-west-1). So
/// `Lambda-Edge-Request` is not `Request`, `Global-Request` is not regional,
/// and `IA-TimedStorage-ByteHrs` (Standard-IA) is not `TimedStorage-ByteHrs`.
fn matches_usage(usagetype: &str, name: &str) -> bool {
    if usagetype == name {
        return true;
    }
    match usagetype.split_once('-') {
        Some((prefix, rest)) => rest == name && is_region_prefix(prefix),
        None => false,
    }
}

fn is_region_prefix(p: &str) -> bool {
    let b = p.as_bytes();
    let letters = b.iter().take_while(|c| c.is_ascii_uppercase()).count();
    let digits = b.len() - letters;
    p == "EU"
        || ((2..=4).contains(&letters)
            && (1..=2).contains(&digits)
            && b[letters..].iter().all(u8::is_ascii_digit))
}

/// JSON navigation that names the path of whatever is wrong.
struct Doc<'a> {
    file: &'a str,
}

impl Doc<'_> {
    fn obj<'v>(&self, v: &'v Value, path: &str) -> Result<&'v Map<String, Value>, Error> {
        v.as_object().ok_or_else(|| {
            input_err(
                self.file,
                path,
                format!("expected an object, found {}", kind(v)),
            )
        })
    }
    fn field<'v>(
        &self,
        m: &'v Map<String, Value>,
        path: &str,
        key: &str,
    ) -> Result<&'v Value, Error> {
        m.get(key)
            .ok_or_else(|| input_err(self.file, path, format!("missing \"{key}\"")))
    }
    fn string<'v>(&self, v: &'v Value, path: &str) -> Result<&'v str, Error> {
        v.as_str().ok_or_else(|| {
            input_err(
                self.file,
                path,
                format!("expected a string, found {}", kind(v)),
            )
        })
    }
    fn decimal(&self, v: &Value, path: &str) -> Result<Decimal, Error> {
        let s = self.string(v, path)?;
        parse_decimal(s).map_err(|m| input_err(self.file, path, m))
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A plain decimal string (`0.0000166667`, `6000000000`), exactly, at
/// least 0. Scientific notation and anything a `Decimal` would round are
/// refused.
fn parse_decimal(s: &str) -> Result<Decimal, String> {
    let t = s.trim();
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return Err(format!("\"{}\" is not a plain decimal number", shorten(s)));
    }
    Decimal::from_str_exact(t)
        .map(|d| d.normalize())
        .map_err(|e| format!("\"{}\" is not an exact decimal ({e})", shorten(s)))
}

fn shorten(s: &str) -> String {
    if s.chars().count() > 40 {
        let head: String = s.chars().take(40).collect();
        format!("{head}…")
    } else {
        s.to_string()
    }
}

fn parse_json(file: &str, text: &str) -> Result<Value, Error> {
    serde_json::from_str(text).map_err(|e| {
        input_err(
            file,
            "",
            format!(
                "not valid JSON (line {}, column {}): {e}",
                e.line(),
                e.column()
            ),
        )
    })
}

/// Reads one offer file's rows into `c`.
fn read_offer(c: &mut Collected, f: &InputFile) -> Result<Vec<String>, Error> {
    let mut notes = Vec::new();
    let file = f.name.as_str();
    let d = Doc { file };
    let root = parse_json(file, &f.text)?;
    let top = d.obj(&root, "")?;
    let offer = d.string(d.field(top, "", "offerCode")?, "offerCode")?;
    let date = d.string(d.field(top, "", "publicationDate")?, "publicationDate")?;
    d.string(d.field(top, "", "formatVersion")?, "formatVersion")?;
    if !OFFERS.contains(&offer) {
        notes.push(format!(
            "{file}: offer {offer} is not used by the cost model; skipped"
        ));
        return Ok(notes);
    }
    c.files
        .push((file.to_string(), offer.to_string(), date.to_string()));
    let products = d.obj(d.field(top, "", "products")?, "products")?;
    let terms = d.obj(d.field(top, "", "terms")?, "terms")?;
    let on_demand = d.obj(d.field(terms, "terms", "OnDemand")?, "terms.OnDemand")?;
    for (sku_key, product) in products {
        let pp = format!("products.{sku_key}");
        let p = d.obj(product, &pp)?;
        let attrs = d.obj(d.field(p, &pp, "attributes")?, &format!("{pp}.attributes"))?;
        let Some(usage) = attrs.get("usagetype") else {
            continue;
        };
        let usage = d.string(usage, &format!("{pp}.attributes.usagetype"))?;
        // Which dimension or allowance this product is, if any.
        let global = FREE.iter().find_map(|fs| match fs.global {
            Some((o, u, units)) if o == offer && u == usage => Some((fs.key, units)),
            _ => None,
        });
        let spec = DIMENSIONS
            .iter()
            .find(|s| s.offer == offer && matches_usage(usage, s.usage));
        if global.is_none() && spec.is_none() {
            continue; // a usage type the model does not need
        }
        let sku = match p.get("sku") {
            Some(v) => d.string(v, &format!("{pp}.sku"))?,
            None => sku_key.as_str(),
        };
        let region = match spec {
            Some(_) => {
                let rp = format!("{pp}.attributes.regionCode");
                let v = attrs.get("regionCode").ok_or_else(|| {
                    input_err(
                        file,
                        &rp,
                        format!(
                            "missing for usage type {usage} (an offer file older than regionCode?)"
                        ),
                    )
                })?;
                Some(d.string(v, &rp)?.to_string())
            }
            None => None,
        };
        let Some(sku_terms) = on_demand.get(sku) else {
            if let (Some(s), Some(r)) = (spec, &region) {
                c.no_terms.insert((r.clone(), s.key), sku.to_string());
                c.regions.insert(r.clone());
            }
            continue;
        };
        let tp = format!("terms.OnDemand.{sku}");
        let sku_terms = d.obj(sku_terms, &tp)?;
        if sku_terms.len() != 1 {
            return Err(input_err(
                file,
                &tp,
                format!(
                    "{} offer terms for one SKU; expected exactly one",
                    sku_terms.len()
                ),
            ));
        }
        let mut rows = Vec::new();
        for (code, term) in sku_terms {
            let tp = format!("{tp}.{code}");
            let term = d.obj(term, &tp)?;
            let dimsp = format!("{tp}.priceDimensions");
            let dims = d.obj(d.field(term, &tp, "priceDimensions")?, &dimsp)?;
            for (rate, pd) in dims {
                let rp = format!("{dimsp}.{rate}");
                let pd = d.obj(pd, &rp)?;
                let unit = d.string(d.field(pd, &rp, "unit")?, &format!("{rp}.unit"))?;
                let units = match (spec, global) {
                    (Some(s), _) => s.units,
                    (None, Some((_, u))) => u,
                    (None, None) => &[][..],
                };
                if !units.iter().any(|u| u.eq_ignore_ascii_case(unit)) {
                    return Err(input_err(
                        file,
                        &format!("{rp}.unit"),
                        format!(
                            "unit \"{}\" for usage type {usage}; the model reads {}",
                            shorten(unit),
                            units.join(" or ")
                        ),
                    ));
                }
                let begin =
                    d.decimal(d.field(pd, &rp, "beginRange")?, &format!("{rp}.beginRange"))?;
                let endv = d.field(pd, &rp, "endRange")?;
                let end = match endv.as_str() {
                    Some("Inf") => None,
                    _ => Some(d.decimal(endv, &format!("{rp}.endRange"))?),
                };
                if let Some(e) = end {
                    if e <= begin {
                        return Err(input_err(
                            file,
                            &format!("{rp}.endRange"),
                            format!("the range {} is empty", range_text(begin, end)),
                        ));
                    }
                }
                let ppu = d.obj(
                    d.field(pd, &rp, "pricePerUnit")?,
                    &format!("{rp}.pricePerUnit"),
                )?;
                let price = d.decimal(
                    d.field(ppu, &format!("{rp}.pricePerUnit"), "USD")?,
                    &format!("{rp}.pricePerUnit.USD"),
                )?;
                rows.push(Row {
                    begin,
                    end,
                    price,
                    origin: format!("{file} SKU {sku}"),
                    assumed_floor: None,
                });
            }
        }
        rows.sort_by_key(|r| r.begin);
        if let Some((key, _)) = global {
            // A global allowance: one 0-priced range whose end is the
            // allowance.
            let ok = rows.len() == 1 && rows[0].price.is_zero() && rows[0].begin.is_zero();
            let Some(end) = rows.first().and_then(|r| r.end).filter(|_| ok) else {
                return Err(input_err(
                    file,
                    &tp,
                    format!("usage type {usage} should be one 0-priced range from 0 (the free allowance)"),
                ));
            };
            if let Some((prev, origin)) = c.global_free.get(key) {
                if *prev != end {
                    return Err(input_err(
                        file,
                        &tp,
                        format!("usage type {usage} allows {end}, but {origin} allows {prev}"),
                    ));
                }
            }
            c.global_free
                .insert(key, (end, format!("{file} SKU {sku}")));
            continue;
        }
        let (Some(s), Some(r)) = (spec, region) else {
            continue;
        };
        c.regions.insert(r.clone());
        let slot = c.rows.entry((r.clone(), s.key)).or_default();
        if !slot.is_empty() {
            let same = slot.len() == rows.len()
                && slot
                    .iter()
                    .zip(&rows)
                    .all(|(a, b)| a.begin == b.begin && a.end == b.end && a.price == b.price);
            if !same {
                return Err(input_err(
                    file,
                    &tp,
                    format!(
                        "{} and SKU {sku} both price {} ({usage}) in {r}, differently",
                        slot[0].origin, s.key
                    ),
                ));
            }
            continue;
        }
        *slot = rows;
    }
    Ok(notes)
}

/// One row of the assumptions file, and where it is.
struct AssumedRow {
    region: String,
    key: &'static str,
    row: Row,
    path: String,
}

fn read_assumed(f: &InputFile, book: &str) -> Result<Vec<AssumedRow>, Error> {
    let file = f.name.as_str();
    let d = Doc { file };
    let root = parse_json(file, &f.text)?;
    let top = d.obj(&root, "")?;
    let b = d.string(d.field(top, "", "book")?, "book")?;
    if b != book {
        return Err(input_err(
            file,
            "book",
            format!("is {b}, but the book being written is {book}"),
        ));
    }
    let list = d.field(top, "", "prices")?;
    let list = list.as_array().ok_or_else(|| {
        input_err(
            file,
            "prices",
            format!("expected an array, found {}", kind(list)),
        )
    })?;
    let mut out = Vec::new();
    for (i, v) in list.iter().enumerate() {
        let p = format!("prices[{i}]");
        let o = d.obj(v, &p)?;
        let region = d.string(d.field(o, &p, "region")?, &format!("{p}.region"))?;
        let dim = d.string(d.field(o, &p, "dimension")?, &format!("{p}.dimension"))?;
        let spec = DIMENSIONS.iter().find(|s| s.key == dim).ok_or_else(|| {
            let known: Vec<&str> = DIMENSIONS.iter().map(|s| s.key).collect();
            input_err(
                file,
                &format!("{p}.dimension"),
                format!(
                    "\"{}\" is not a dimension; known: {}",
                    shorten(dim),
                    known.join(", ")
                ),
            )
        })?;
        let begin = match o.get("beginRange") {
            Some(v) => d.decimal(v, &format!("{p}.beginRange"))?,
            None => Decimal::ZERO,
        };
        let end = match o.get("endRange") {
            None => None,
            Some(v) if v.as_str() == Some("Inf") => None,
            Some(v) => Some(d.decimal(v, &format!("{p}.endRange"))?),
        };
        if end.is_some_and(|e| e <= begin) {
            return Err(input_err(
                file,
                &p,
                format!("the range {} is empty", range_text(begin, end)),
            ));
        }
        let price = d.decimal(d.field(o, &p, "price")?, &format!("{p}.price"))?;
        let rule = d.string(d.field(o, &p, "rule")?, &format!("{p}.rule"))?;
        if rule.trim().is_empty() {
            return Err(input_err(
                file,
                &format!("{p}.rule"),
                "is empty: say how the price was worked out",
            ));
        }
        let ev = d.field(o, &p, "evidence")?;
        let ev = ev.as_array().filter(|a| !a.is_empty()).ok_or_else(|| {
            input_err(
                file,
                &format!("{p}.evidence"),
                "expected a non-empty array of {price, source}",
            )
        })?;
        let mut floor = Decimal::ZERO;
        for (j, e) in ev.iter().enumerate() {
            let ep = format!("{p}.evidence[{j}]");
            let eo = d.obj(e, &ep)?;
            let ep_price = d.decimal(d.field(eo, &ep, "price")?, &format!("{ep}.price"))?;
            let source = d.string(d.field(eo, &ep, "source")?, &format!("{ep}.source"))?;
            if source.trim().is_empty() {
                return Err(input_err(
                    file,
                    &format!("{ep}.source"),
                    "is empty: cite the evidence",
                ));
            }
            if price < ep_price {
                return Err(input_err(
                    file,
                    &p,
                    format!(
                        "the assumed price {price} for {region} {dim} is lower than its evidence {ep_price} ({}); an assumed price must never be below the evidence",
                        shorten(source)
                    ),
                ));
            }
            floor = floor.max(ep_price);
        }
        out.push(AssumedRow {
            region: region.to_string(),
            key: spec.key,
            row: Row {
                begin,
                end,
                price,
                origin: format!("{file} {p}"),
                assumed_floor: Some(floor),
            },
            path: p,
        });
    }
    Ok(out)
}

// -------------------------------------------------------- the book out --

/// One dimension of one region, resolved.
#[derive(Clone, Debug)]
struct Resolved {
    /// Bounds between tiers (cumulative units), up to two.
    bounds: Vec<Decimal>,
    prices: Vec<Decimal>,
    /// Whether the first tier, and whether any tier above it, is assumed.
    assumed_first: bool,
    assumed_upper: bool,
    floor_first: Option<Decimal>,
    floor_upper: Option<Decimal>,
    /// The free allowance (the end of a 0-priced first range).
    free: Option<Decimal>,
}

/// Resolves the rows of one (region, dimension), or says what is missing.
fn resolve(
    region: &str,
    spec: &Spec,
    mut rows: Vec<Row>,
) -> Result<Resolved, Result<Missing, Error>> {
    rows.sort_by_key(|r| r.begin);
    let missing = |detail: String| {
        Err(Ok(Missing {
            region: region.to_string(),
            dimension: spec.key.to_string(),
            detail,
        }))
    };
    if rows.is_empty() {
        return missing(format!(
            "no {} usage type {} in the offer files",
            spec.offer, spec.usage
        ));
    }
    let mut at = Decimal::ZERO;
    for r in &rows {
        if r.begin != at {
            if r.begin > at {
                return missing(format!("no price from {at} to {}", r.begin));
            }
            return Err(Err(Error::Input {
                file: r.origin.clone(),
                path: String::new(),
                message: format!(
                    "{region} {}: the range {} overlaps the one before",
                    spec.key,
                    range_text(r.begin, r.end)
                ),
            }));
        }
        match r.end {
            Some(e) => at = e,
            None => {
                at = Decimal::MAX;
            }
        }
    }
    if rows.last().is_some_and(|r| r.end.is_some()) {
        return missing(format!("no price from {at}"));
    }
    let mut free = None;
    let model_err = |r: &Row, message: String| {
        Err(Err(Error::Input {
            file: r.origin.clone(),
            path: String::new(),
            message: format!("{region} {}: {message}", spec.key),
        }))
    };
    if rows[0].price.is_zero() && rows.len() > 1 {
        if spec.free.is_none() {
            return model_err(
                &rows[0],
                format!("a 0-priced first range ({}), but the model has no free allowance for this dimension", range_text(rows[0].begin, rows[0].end)),
            );
        }
        free = rows[0].end;
        rows.remove(0);
    }
    let most = match spec.shape {
        Shape::Flat => 1,
        Shape::Tiers => 3,
    };
    if rows.len() > most {
        return model_err(
            &rows[0],
            format!("{} price tiers; the cost model holds {most}", rows.len()),
        );
    }
    let bounds: Vec<Decimal> = rows.iter().filter_map(|r| r.end).collect();
    let prices: Vec<Decimal> = rows.iter().map(|r| r.price).collect();
    Ok(Resolved {
        bounds,
        prices,
        assumed_first: rows[0].assumed_floor.is_some(),
        assumed_upper: rows[1..].iter().any(|r| r.assumed_floor.is_some()),
        floor_first: rows[0].assumed_floor,
        floor_upper: rows[1..].iter().filter_map(|r| r.assumed_floor).max(),
        free,
    })
}

/// A price as the core's `p("…")` reads it: plain digits, and it must fit
/// the core's compact form (at most 9 digits, 28 places).
fn price_lit(d: Decimal, what: &str) -> Result<String, Error> {
    let n = d.normalize();
    if n.mantissa() > i128::from(u32::MAX) || n.scale() > 28 {
        return Err(input_err(
            what,
            "",
            format!("the price {n} does not fit the book's compact form (at most 9 digits); widen core's P"),
        ));
    }
    Ok(format!("p(\"{n}\")"))
}

fn bound_lit(d: Decimal, what: &str) -> Result<String, Error> {
    let n = d.normalize();
    if n.scale() != 0 || n.mantissa() > i128::from(u64::MAX) || n.is_zero() {
        return Err(input_err(
            what,
            "",
            format!("the tier bound {n} is not a whole number of units above 0"),
        ));
    }
    Ok(n.to_string())
}

/// Runs the generator.
pub fn generate(inputs: &Inputs) -> Result<Output, Error> {
    let mut c = Collected::default();
    let mut warnings = Vec::new();
    let mut offers: Vec<&InputFile> = inputs.offers.iter().collect();
    offers.sort_by(|a, b| a.name.cmp(&b.name));
    for f in offers {
        warnings.extend(read_offer(&mut c, f)?);
    }
    if c.files.is_empty() {
        return Err(input_err(
            &inputs.offers_label,
            "",
            format!("no offer file of {} found", OFFERS.join(", ")),
        ));
    }
    let from_offers: usize = c.rows.values().map(Vec::len).sum();
    // Assumed rows, where the offers have no price for their range.
    let mut assumed_used = 0;
    let assumed = match &inputs.assumed {
        Some(f) => read_assumed(f, &inputs.book)?,
        None => Vec::new(),
    };
    for a in assumed {
        c.regions.insert(a.region.clone());
        let slot = c.rows.entry((a.region.clone(), a.key)).or_default();
        let overlaps = slot.iter().any(|r| {
            r.assumed_floor.is_none()
                && r.end.is_none_or(|e| a.row.begin < e)
                && a.row.end.is_none_or(|e| r.begin < e)
        });
        if overlaps {
            warnings.push(format!(
                "{} ({} {} {}): superseded by the offer files; remove it",
                a.path,
                a.region,
                a.key,
                range_text(a.row.begin, a.row.end)
            ));
            continue;
        }
        assumed_used += 1;
        slot.push(a.row);
    }
    let mut regions: Vec<String> = match &inputs.regions {
        Some(list) => list.clone(),
        None => c.regions.iter().cloned().collect(),
    };
    regions.sort();
    regions.dedup();
    let mut missing = Vec::new();
    let mut resolved: BTreeMap<String, Vec<Resolved>> = BTreeMap::new();
    for region in &regions {
        let mut dims = Vec::new();
        let mut region_missing = Vec::new();
        for spec in DIMENSIONS {
            let key = (region.clone(), spec.key);
            let rows = c.rows.get(&key).cloned().unwrap_or_default();
            if rows.is_empty() {
                if let Some(sku) = c.no_terms.get(&key) {
                    region_missing.push(Missing {
                        region: region.clone(),
                        dimension: spec.key.to_string(),
                        detail: format!("SKU {sku} has no OnDemand terms"),
                    });
                    continue;
                }
            }
            match resolve(region, spec, rows) {
                Ok(r) => dims.push(r),
                Err(Ok(m)) => region_missing.push(m),
                Err(Err(e)) => return Err(e),
            }
        }
        if region_missing.is_empty() {
            resolved.insert(region.clone(), dims);
        } else {
            missing.extend(region_missing);
        }
    }
    let free_missing: Vec<Missing> = FREE
        .iter()
        .filter(|f| f.global.is_some() && !c.global_free.contains_key(f.key))
        .map(|f| Missing {
            region: "(account)".into(),
            dimension: format!("free allowance {}", f.key),
            detail: format!(
                "no {} usage type in the offer files",
                f.global.map_or("", |g| g.1)
            ),
        })
        .collect();
    missing.extend(free_missing.iter().cloned());
    if !missing.is_empty()
        && (!inputs.allow_missing || !free_missing.is_empty() || resolved.is_empty())
    {
        return Err(Error::Missing(missing));
    }
    for m in &missing {
        warnings.push(format!("missing: {m}; region left out"));
    }
    write_book(
        inputs,
        &c,
        &resolved,
        from_offers,
        assumed_used,
        warnings,
        missing,
    )
}

fn write_book(
    inputs: &Inputs,
    c: &Collected,
    resolved: &BTreeMap<String, Vec<Resolved>>,
    from_offers: usize,
    assumed_used: usize,
    mut warnings: Vec<String>,
    missing: Vec<Missing>,
) -> Result<Output, Error> {
    let what = format!("book {}", inputs.book);
    // Book-wide free allowances: the global ones, and the smallest of each
    // regional 0-priced range (the cautious choice if regions differ).
    let mut free_out = Vec::new();
    for fs in FREE {
        let value = match fs.global {
            Some(_) => c.global_free.get(fs.key).map(|x| x.0).unwrap_or_default(),
            None => {
                let idx = DIMENSIONS
                    .iter()
                    .position(|s| s.free == Some(fs.key))
                    .unwrap_or(0);
                let per_region: BTreeSet<Decimal> = resolved
                    .values()
                    .map(|dims| dims[idx].free.unwrap_or_default())
                    .collect();
                if per_region.len() > 1 {
                    warnings.push(format!(
                        "free allowance {} differs by region ({}); the book uses the smallest",
                        fs.key,
                        per_region
                            .iter()
                            .map(|d| d.to_string())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ));
                }
                per_region.first().copied().unwrap_or_default()
            }
        };
        let per = Decimal::from(fs.per_unit);
        let units = value / per;
        if units * per != value || units.normalize().scale() != 0 {
            return Err(input_err(
                &what,
                "",
                format!(
                    "free allowance {}: {value} is not a whole number of {} model units",
                    fs.key, fs.per_unit
                ),
            ));
        }
        free_out.push((fs.key, units.normalize()));
    }
    let mut out = String::new();
    let push = |out: &mut String, s: &str| {
        out.push_str(s);
        out.push('\n');
    };
    push(&mut out, &format!("// Price book {}: GENERATED by backcast-pricegen (tools/pricegen); do not edit by hand.", inputs.book));
    push(&mut out, "// Regenerate with `make prices`; a test fails if this file differs from the generator's output.");
    push(&mut out, "//");
    push(
        &mut out,
        &format!(
            "// From the AWS Price List offer files in {}:",
            inputs.offers_label
        ),
    );
    for (file, offer, date) in &c.files {
        push(
            &mut out,
            &format!("//   {file}: {offer}, publicationDate {date}"),
        );
    }
    match &inputs.assumed {
        Some(f) => push(
            &mut out,
            &format!(
                "// and {} assumed price rows from {} (only where the offer files have none; marked `assumed`, never below their evidence).",
                assumed_used, f.name
            ),
        ),
        None => push(&mut out, "// No assumed prices."),
    }
    push(&mut out, "// Prices are USD per unit: p(\"0.0000166667\") is an exact decimal; tier bounds are units per month.");
    push(&mut out, "");
    push(
        &mut out,
        "use super::data::{p, Book, Floor, Free, Region, T3};",
    );
    push(&mut out, "use super::Item as I;");
    push(&mut out, "");
    push(&mut out, "pub const BOOK: Book = Book {");
    push(&mut out, &format!("    id: \"{}\",", inputs.book));
    // Publication date (day) of each offer, the newest file of each.
    let mut dates: BTreeMap<&str, &str> = BTreeMap::new();
    for (_, offer, date) in &c.files {
        let day = date.get(..10).unwrap_or(date);
        let e = dates.entry(offer.as_str()).or_insert(day);
        if day > *e {
            *e = day;
        }
    }
    let pubs: Vec<String> = dates
        .iter()
        .map(|(o, d)| format!("(\"{o}\", \"{d}\")"))
        .collect();
    push(&mut out, &format!("    published: &[{}],", pubs.join(", ")));
    let free_fields: Vec<String> = free_out
        .iter()
        .map(|(k, v)| Ok(format!("{k}: {}", price_lit(*v, &what)?)))
        .collect::<Result<_, Error>>()?;
    push(
        &mut out,
        &format!("    free: Free {{ {} }},", free_fields.join(", ")),
    );
    push(&mut out, "    regions: &[");
    let mut floors = Vec::new();
    let mut assumed_dimensions = Vec::new();
    for (region, dims) in resolved {
        let wr = format!("{what} {region}");
        push(&mut out, "        Region {");
        push(&mut out, &format!("            code: \"{region}\","));
        let mut assumed_items: Vec<&str> = Vec::new();
        let by_key = |k: &str| DIMENSIONS.iter().position(|s| s.key == k).map(|i| &dims[i]);
        // The model has one request price for x86 and arm64.
        if let (Some(x), Some(a)) = (by_key("lambda_request"), by_key("lambda_request_arm64")) {
            if x.prices != a.prices {
                return Err(input_err(
                    &wr,
                    "",
                    format!(
                        "Request-ARM ({}) differs from Request ({}); the cost model has one request price for x86 and arm64",
                        a.prices[0], x.prices[0]
                    ),
                ));
            }
        }
        for (spec, r) in DIMENSIONS.iter().zip(dims) {
            let (first, upper) = items(spec.key);
            if r.assumed_first || r.assumed_upper {
                assumed_dimensions.push((region.clone(), spec.key.to_string()));
            }
            if r.assumed_first && !assumed_items.contains(&first) {
                assumed_items.push(first);
                if let Some(fl) = r.floor_first {
                    floors.push((region.clone(), first, fl));
                }
            }
            if let Some(u) = upper {
                if r.assumed_upper && !assumed_items.contains(&u) {
                    assumed_items.push(u);
                    if let Some(fl) = r.floor_upper {
                        floors.push((region.clone(), u, fl));
                    }
                }
            }
            if spec.key == "lambda_request_arm64" {
                continue; // checked equal to lambda_request above
            }
            let field = spec.key;
            let text = match spec.shape {
                Shape::Flat => price_lit(r.prices[0], &wr)?,
                Shape::Tiers => {
                    let mut b = Vec::new();
                    for i in 0..2 {
                        b.push(match r.bounds.get(i) {
                            Some(x) => bound_lit(*x, &wr)?,
                            None => "0".to_string(),
                        });
                    }
                    let mut ps = Vec::new();
                    for i in 0..3 {
                        let x = r
                            .prices
                            .get(i)
                            .or(r.prices.last())
                            .copied()
                            .unwrap_or_default();
                        ps.push(price_lit(x, &wr)?);
                    }
                    format!(
                        "T3 {{ bounds: [{}], prices: [{}] }}",
                        b.join(", "),
                        ps.join(", ")
                    )
                }
            };
            push(&mut out, &format!("            {field}: {text},"));
        }
        let mask = if assumed_items.is_empty() {
            "0".to_string()
        } else {
            assumed_items
                .iter()
                .map(|i| format!("I::{i}.bit()"))
                .collect::<Vec<_>>()
                .join(" | ")
        };
        push(&mut out, &format!("            assumed: {mask},"));
        push(&mut out, "        },");
    }
    push(&mut out, "    ],");
    push(
        &mut out,
        "    // The best evidence for each assumed price: a link pinned to an older book whose",
    );
    push(&mut out, "    // price is below it is told so.");
    push(&mut out, "    floors: &[");
    for (region, item, fl) in &floors {
        push(
            &mut out,
            &format!(
                "        Floor {{ region: \"{region}\", item: I::{item}, price: {} }},",
                price_lit(*fl, &what)?
            ),
        );
    }
    push(&mut out, "    ],");
    push(&mut out, "};");
    let missing_count = missing.len();
    Ok(Output {
        rust: out,
        warnings,
        missing,
        summary: Summary {
            files: c.files.clone(),
            regions: resolved.keys().cloned().collect(),
            from_offers,
            assumed: assumed_used,
            assumed_dimensions,
            missing: missing_count,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usage_types_match_after_a_region_prefix_only() {
        assert!(matches_usage("Request", "Request"));
        assert!(matches_usage("USE2-Request", "Request"));
        assert!(matches_usage("EU-Request", "Request"));
        assert!(matches_usage("APS3-Lambda-GB-Second", "Lambda-GB-Second"));
        assert!(!matches_usage("Lambda-Edge-Request", "Request"));
        assert!(!matches_usage("USE1-Lambda-Edge-Request", "Request"));
        assert!(!matches_usage("Global-Request", "Request"));
        assert!(!matches_usage("Request-ARM", "Request"));
        assert!(!matches_usage(
            "EUW2-Lambda-GB-Second-ARM",
            "Lambda-GB-Second"
        ));
        assert!(!matches_usage("-Request", "Request"));
        assert!(!matches_usage(
            "IA-TimedStorage-ByteHrs",
            "TimedStorage-ByteHrs"
        ));
        assert!(!matches_usage(
            "EUW2-IA-TimedStorage-ByteHrs",
            "TimedStorage-ByteHrs"
        ));
        assert!(matches_usage(
            "EUW2-TimedStorage-ByteHrs",
            "TimedStorage-ByteHrs"
        ));
        assert!(!matches_usage("ABCDE1-Request", "Request"));
    }

    #[test]
    fn decimals_are_exact_or_refused() {
        assert_eq!(
            parse_decimal("0.0000166667000"),
            Ok(Decimal::new(166667, 10))
        );
        assert_eq!(parse_decimal("6000000000"), Ok(Decimal::new(6000000000, 0)));
        assert!(parse_decimal("1e-7").is_err());
        assert!(parse_decimal("-1").is_err());
        assert!(parse_decimal("").is_err());
        assert!(parse_decimal("0.00000000000000000000000000000001").is_err());
    }
}
