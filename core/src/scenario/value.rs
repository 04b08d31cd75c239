//! How one key's raw value is read (checked against its rule) and written
//! back as the text a link carries.

use super::functions::Functions;
use super::rows::Rows;
use super::Raw;
use crate::form::Kind;
use crate::number::{decimal_text, parse_decimal, shorten};
use crate::prices;
use rust_decimal::Decimal;

/// How a number must be bounded: at least 0 (above 0 when `positive`)
/// and at most `max`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bound {
    pub positive: bool,
    pub max: Decimal,
}

/// What a key's value must be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    Number(Bound),
    Flag,
    /// One of `(link name, label)`.
    Choice(&'static [(&'static str, &'static str)]),
    /// A region code of `prices::REGIONS`.
    Region,
    /// A bundled price-book id.
    Book,
    /// A list of GB-s values and ranges (`Rows`).
    Rows,
    /// The functions of a pipeline (`Functions`).
    Functions,
}

/// `(code, name)` of every region, as form options.
const REGION_OPTIONS: [(&str, &str); prices::REGIONS.len()] = {
    let mut out = [("", ""); prices::REGIONS.len()];
    let mut i = 0;
    while i < prices::REGIONS.len() {
        out[i] = (prices::REGIONS[i].0, prices::REGIONS[i].1);
        i += 1;
    }
    out
};

impl Rule {
    /// How the form edits a value of this rule.
    pub const fn kind(&self) -> Kind {
        match self {
            Rule::Number(_) => Kind::Number,
            Rule::Flag => Kind::Flag,
            Rule::Choice(options) => Kind::Choice(options),
            Rule::Region => Kind::Choice(&REGION_OPTIONS),
            Rule::Book | Rule::Rows | Rule::Functions => Kind::Text,
        }
    }
}

/// A value type of a scenario key.
pub trait Value: Sized {
    /// Reads a raw value under `rule`; the error says what is wrong, for
    /// the message `key: error`.
    fn read(raw: Raw<'_>, rule: &Rule) -> Result<Self, String>;
    /// The canonical text a link writes.
    fn text(&self) -> String;
    /// Reads a raw value keeping what is valid of it: the value to set,
    /// if any, and what is wrong, if anything.
    fn read_keep(raw: Raw<'_>, rule: &Rule) -> (Option<Self>, Option<String>) {
        match Self::read(raw, rule) {
            Ok(v) => (Some(v), None),
            Err(e) => (None, Some(e)),
        }
    }
}

impl Value for Decimal {
    fn read(raw: Raw<'_>, rule: &Rule) -> Result<Self, String> {
        match rule {
            Rule::Number(bound) => number(raw, *bound),
            _ => Err("is not a number key".into()),
        }
    }
    fn text(&self) -> String {
        decimal_text(*self)
    }
}

impl Value for bool {
    fn read(raw: Raw<'_>, _rule: &Rule) -> Result<Self, String> {
        flag(raw)
    }
    fn text(&self) -> String {
        if *self { "1" } else { "0" }.to_string()
    }
}

/// The region code.
impl Value for String {
    fn read(raw: Raw<'_>, _rule: &Rule) -> Result<Self, String> {
        let t = text(raw, "a region code")?.trim();
        if !prices::REGIONS.iter().any(|(c, _)| *c == t) {
            return Err([
                "\"",
                &shorten(t),
                "\" is not a region Backcast has prices for (e.g. us-east-1, eu-west-1)",
            ]
            .concat());
        }
        Ok(t.to_string())
    }
    fn text(&self) -> String {
        self.clone()
    }
}

/// The price book: `None` is the newest bundled one.
impl Value for Option<String> {
    fn read(raw: Raw<'_>, _rule: &Rule) -> Result<Self, String> {
        let t = text(raw, "a price-book id")?.trim();
        if prices::book(t).is_none() {
            let mut ids = String::new();
            for (i, b) in prices::BOOKS.iter().enumerate() {
                if i > 0 {
                    ids.push_str(", ");
                }
                ids.push_str(b.id);
            }
            return Err([
                "price book \"",
                &shorten(t),
                "\" is not bundled; bundled: ",
                &ids,
            ]
            .concat());
        }
        Ok(Some(t.to_string()))
    }
    fn text(&self) -> String {
        self.as_deref().unwrap_or(prices::NEWEST).to_string()
    }
}

impl Value for Rows {
    fn read(raw: Raw<'_>, _rule: &Rule) -> Result<Self, String> {
        Rows::parse(text(raw, "a list such as 1,32:256:32")?)
    }
    fn text(&self) -> String {
        Rows::text(self)
    }
}

impl Value for Functions {
    fn read(raw: Raw<'_>, rule: &Rule) -> Result<Self, String> {
        match Self::read_keep(raw, rule) {
            (Some(f), None) => Ok(f),
            (_, e) => Err(e.unwrap_or_default()),
        }
    }
    /// Every valid entry is kept beside the message about the bad ones.
    fn read_keep(raw: Raw<'_>, _rule: &Rule) -> (Option<Self>, Option<String>) {
        match text(raw, "functions such as api:512:120") {
            Ok(t) => {
                let (f, e) = Functions::parse(t);
                (Some(f), e)
            }
            Err(e) => (None, Some(e)),
        }
    }
    fn text(&self) -> String {
        Functions::text(self)
    }
}

/// The text of a raw value that must be text.
fn text<'a>(raw: Raw<'a>, expected: &str) -> Result<&'a str, String> {
    match raw {
        Raw::Text(t) => Ok(t),
        Raw::Bool(_) => Err("is a boolean; expected ".to_string() + expected),
    }
}

/// A number within `bound`.
pub fn number(raw: Raw<'_>, bound: Bound) -> Result<Decimal, String> {
    let text = match raw {
        Raw::Text(t) => t,
        Raw::Bool(_) => return Err("is a boolean; expected a number".into()),
    };
    let d = parse_decimal(text)?;
    let low = if bound.positive {
        d <= Decimal::ZERO
    } else {
        d.is_sign_negative() && !d.is_zero()
    };
    let rule = if low {
        if bound.positive {
            "must be greater than 0".to_string()
        } else {
            "must be 0 or more".to_string()
        }
    } else if d > bound.max {
        "must be at most ".to_string() + &decimal_text(bound.max)
    } else {
        // -0 reads as 0.
        return Ok(if d.is_zero() { Decimal::ZERO } else { d });
    };
    Err(rule + ", not " + &shorten(text.trim()))
}

/// The index in `options` of the raw value's name.
pub fn choice(raw: Raw<'_>, options: &[(&str, &str)]) -> Result<usize, String> {
    let head = match raw {
        Raw::Text(t) => match options.iter().position(|(k, _)| *k == t.trim()) {
            Some(i) => return Ok(i),
            None => ["\"", &shorten(t), "\" is not one of "].concat(),
        },
        Raw::Bool(_) => "is a boolean; expected one of ".to_string(),
    };
    let mut names = head;
    for (i, (k, _)) in options.iter().enumerate() {
        if i > 0 {
            names.push_str(", ");
        }
        names.push_str(k);
    }
    Err(names)
}

/// A `0`/`1` flag (`true`/`false`, or a JavaScript boolean).
pub fn flag(raw: Raw<'_>) -> Result<bool, String> {
    match raw {
        Raw::Bool(b) => Ok(b),
        Raw::Text(t) => match t.trim() {
            "1" | "true" => Ok(true),
            "0" | "false" => Ok(false),
            other => Err(["\"", &shorten(other), "\" is not 0 or 1"].concat()),
        },
    }
}
