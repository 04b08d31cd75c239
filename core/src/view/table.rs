//! The GB-s-to-requests table.

use super::*;

#[derive(Clone, Debug, PartialEq)]
pub struct TableRow {
    pub gbs: String,
    pub x86: String,
    pub arm64: String,
    /// The largest GB-s whose requests still cover the needed volume.
    pub meets: bool,
}

pub(super) fn table(s: &Scenario, sol: &Solution) -> Vec<TableRow> {
    let other = rows_for(
        s,
        match s.arch {
            Arch::X86_64 => Arch::Arm64,
            Arch::Arm64 => Arch::X86_64,
        },
    );
    let (x86, arm) = match s.arch {
        Arch::X86_64 => (&sol.rows, &other),
        Arch::Arm64 => (&other, &sol.rows),
    };
    // The row that meets the needed volume: the largest GB-s that still
    // fits (of equal ones, the last, as `max_by` picks).
    let mut meets = None;
    let mut most = Decimal::ZERO;
    for (i, r) in sol.rows.iter().enumerate() {
        let fits = match r.max_requests {
            Limit::Count(n) => Decimal::from(n) >= s.requests,
            Limit::Unlimited => true,
            Limit::NoneFits => false,
        };
        if fits && (meets.is_none() || r.gbs >= most) {
            meets = Some(i);
            most = r.gbs;
        }
    }
    let mut out = Vec::with_capacity(x86.len());
    for (i, (a, b)) in x86.iter().zip(arm).enumerate() {
        out.push(TableRow {
            gbs: format_number(a.gbs, 6),
            x86: limit_text(a.max_requests),
            arm64: limit_text(b.max_requests),
            meets: Some(i) == meets,
        });
    }
    out
}
