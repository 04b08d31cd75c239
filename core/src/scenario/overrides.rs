//! The `p.<dimension>` price overrides of a scenario.

use crate::prices::Dimension;
use rust_decimal::Decimal;

/// The `p.<dimension>` price overrides, in the dimensions' order (the
/// order a link writes them). A sorted `Vec`: there are at most a dozen,
/// and a `BTreeMap`'s node code cost the wasm more than the rest of the
/// link decoder's bookkeeping.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Overrides(Vec<(Dimension, Decimal)>);

impl Overrides {
    /// The override of `d`, if any.
    pub fn get(&self, d: &Dimension) -> Option<&Decimal> {
        self.0.iter().find(|(k, _)| k == d).map(|(_, p)| p)
    }

    /// Sets the override of `d` (replacing an earlier one).
    pub fn insert(&mut self, d: Dimension, price: Decimal) {
        match self.0.binary_search_by(|(k, _)| k.cmp(&d)) {
            Ok(i) => self.0[i].1 = price,
            Err(i) => self.0.insert(i, (d, price)),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Each override, in the dimensions' order.
    pub fn iter(&self) -> std::slice::Iter<'_, (Dimension, Decimal)> {
        self.0.iter()
    }
}

impl<'a> IntoIterator for &'a Overrides {
    type Item = &'a (Dimension, Decimal);
    type IntoIter = std::slice::Iter<'a, (Dimension, Decimal)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}
