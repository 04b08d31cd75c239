//! The `fns` key: the Lambda functions one request runs, as
//! `name:memory_mb:duration_ms[:invocations[:arch[:provisioned]]]` entries
//! separated by commas (`docs/scenario-v1.md`, "fns").
//!
//! A bad entry is reported by its position and name, and the valid ones
//! are kept.

use super::keys::{Arch, Choice};
use crate::number::{decimal_text, parse_decimal, shorten};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// The most functions in one pipeline.
pub const MAX_FUNCTIONS: usize = 20;
/// The largest memory accepted, MB. Lambda's own limit (10,240 MB) is a
/// feasibility check, so that a plan over it is said to be, not refused.
pub const MAX_MB: Decimal = dec!(100000);
/// The largest duration accepted, ms (Lambda's 900 s timeout is a
/// feasibility check).
pub const MAX_MS: Decimal = dec!(100000000);

/// One function of the pipeline.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Function {
    /// Letters, digits, `-` and `_`, at most 64.
    pub name: String,
    pub memory_mb: Decimal,
    /// Duration of one warm invocation, ms (billed per 1 ms, rounded up).
    pub duration_ms: Decimal,
    /// Invocations per request.
    pub invocations: Decimal,
    /// `None`: the scenario's `arch`.
    pub arch: Option<Arch>,
    /// Provisioned concurrency configured (environments), 0 for none.
    pub provisioned: Decimal,
}

/// The functions of one request, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Functions(pub Vec<Function>);

impl Functions {
    /// Reads every entry; the error names each bad one, and the valid
    /// ones are returned all the same.
    pub fn parse(text: &str) -> (Functions, Option<String>) {
        let mut out = Vec::new();
        let mut errors: Vec<String> = Vec::new();
        if text.trim().is_empty() {
            return (Functions(out), None);
        }
        for (i, item) in text.split(',').enumerate() {
            if i >= MAX_FUNCTIONS {
                errors.push(format!(
                    "more than {MAX_FUNCTIONS} functions; the first {MAX_FUNCTIONS} are kept"
                ));
                break;
            }
            match Function::parse(item.trim()) {
                Ok(f) if out.iter().any(|g: &Function| g.name == f.name) => errors.push(format!(
                    "function {} (\"{}\"): the name is used twice",
                    i + 1,
                    f.name
                )),
                Ok(f) => out.push(f),
                Err(e) => errors.push(format!(
                    "function {} (\"{}\"): {e}",
                    i + 1,
                    shorten(item.trim())
                )),
            }
        }
        let error = if errors.is_empty() {
            None
        } else {
            Some(errors.join("; "))
        };
        (Functions(out), error)
    }

    /// The canonical text: fields left out where they are their default.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for (i, f) in self.0.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(&f.text());
        }
        out
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Function {
    fn parse(item: &str) -> Result<Function, String> {
        let fields: Vec<&str> = item.split(':').map(str::trim).collect();
        if fields.len() < 3 || fields.len() > 6 {
            return Err("expected name:memory_mb:duration_ms, then optionally :invocations:arch:provisioned".into());
        }
        let name = fields[0];
        if name.is_empty()
            || name.len() > 64
            || !name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            return Err("the name must be 1 to 64 letters, digits, - or _".into());
        }
        let num = |what: &str, s: &str, positive: bool, max: Decimal| {
            let d = parse_decimal(s).map_err(|e| format!("{what} {e}"))?;
            if d.is_sign_negative() && !d.is_zero() || positive && d.is_zero() {
                let rule = if positive {
                    "greater than 0"
                } else {
                    "0 or more"
                };
                return Err(format!("{what} must be {rule}, not {}", shorten(s)));
            }
            if d > max {
                return Err(format!(
                    "{what} must be at most {}, not {}",
                    decimal_text(max),
                    shorten(s)
                ));
            }
            Ok(if d.is_zero() { Decimal::ZERO } else { d })
        };
        let memory_mb = num("memory", fields[1], true, MAX_MB)?;
        let duration_ms = num("duration", fields[2], false, MAX_MS)?;
        let invocations = match fields.get(3) {
            Some(s) if !s.is_empty() => num("invocations", s, false, super::MAX_PER_REQUEST)?,
            _ => Decimal::ONE,
        };
        let arch = match fields.get(4) {
            Some(s) if !s.is_empty() => match Arch::OPTIONS.iter().position(|(k, _)| k == s) {
                Some(i) => Some(Arch::nth(i)),
                None => {
                    return Err(format!(
                        "architecture \"{}\" is not x86_64 or arm64",
                        shorten(s)
                    ))
                }
            },
            _ => None,
        };
        let provisioned = match fields.get(5) {
            Some(s) if !s.is_empty() => {
                let d = num("provisioned concurrency", s, false, dec!(1000000))?;
                if d.fract() != Decimal::ZERO {
                    return Err("provisioned concurrency must be a whole number".into());
                }
                d
            }
            _ => Decimal::ZERO,
        };
        Ok(Function {
            name: name.to_string(),
            memory_mb,
            duration_ms,
            invocations,
            arch,
            provisioned,
        })
    }

    fn text(&self) -> String {
        let mut t = [
            self.name.as_str(),
            &decimal_text(self.memory_mb),
            &decimal_text(self.duration_ms),
        ]
        .join(":");
        let arch = self.arch.map(Arch::key);
        let pc = !self.provisioned.is_zero();
        if self.invocations != Decimal::ONE || arch.is_some() || pc {
            t.push(':');
            t.push_str(&decimal_text(self.invocations));
        }
        if arch.is_some() || pc {
            t.push(':');
            t.push_str(arch.unwrap_or(""));
        }
        if pc {
            t.push(':');
            t.push_str(&decimal_text(self.provisioned));
        }
        t
    }

    /// The architecture this function runs on, given the scenario's.
    pub fn arch_or(&self, default: Arch) -> Arch {
        self.arch.unwrap_or(default)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_round_trip_with_defaults_left_out() {
        let (f, e) = Functions::parse(" api:512:120 , etl:1769:800.5:2:arm64, warm:1024:40:1::5");
        assert_eq!(e, None);
        assert_eq!(f.0.len(), 3);
        assert_eq!(f.0[1].memory_mb, dec!(1769));
        assert_eq!(f.0[1].duration_ms, dec!(800.5));
        assert_eq!(f.0[1].invocations, dec!(2));
        assert_eq!(f.0[1].arch, Some(Arch::Arm64));
        assert_eq!(f.0[2].arch, None);
        assert_eq!(f.0[2].provisioned, dec!(5));
        assert_eq!(
            f.text(),
            "api:512:120,etl:1769:800.5:2:arm64,warm:1024:40:1::5"
        );
        assert_eq!(Functions::parse(&f.text()).0, f);
    }

    #[test]
    fn a_bad_entry_is_named_and_the_rest_kept() {
        let (f, e) =
            Functions::parse("api:512:120,bad:lots:3,x:128:-1,api:256:1,ok:128:10:1:sparc");
        let e = e.expect("errors");
        assert!(e.contains("function 2 (\"bad:lots:3\"): memory"), "{e}");
        assert!(
            e.contains("function 3 (\"x:128:-1\"): duration must be 0 or more"),
            "{e}"
        );
        assert!(
            e.contains("function 4 (\"api\"): the name is used twice"),
            "{e}"
        );
        assert!(
            e.contains("function 5 (\"ok:128:10:1:sparc\"): architecture \"sparc\""),
            "{e}"
        );
        assert_eq!(f.0.len(), 1);
        assert_eq!(f.0[0].name, "api");
        let (_, e) = Functions::parse("a b:128:1");
        assert!(e.unwrap().contains("the name must be"));
        let (_, e) = Functions::parse("a:128");
        assert!(e.unwrap().contains("expected name:memory_mb:duration_ms"));
        let (_, e) = Functions::parse("a:128:1:1::1.5");
        assert!(e.unwrap().contains("whole number"));
    }
}
