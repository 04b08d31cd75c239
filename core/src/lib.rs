//! Backcast's pure core: price books, scenarios and their URL form, the
//! forward cost model and its exact inverses. No web crates: everything
//! here is plain Rust, tested natively with `cargo test`.

#[cfg(feature = "tools")]
pub mod actual;
pub mod api;
pub mod arith;
pub mod around;
#[cfg(feature = "tools")]
pub mod compare;
pub mod cost;
pub mod export;
pub mod form;
#[cfg(feature = "tools")]
pub mod fragment;
pub mod helper;
pub mod limits;
pub mod number;
#[cfg(feature = "tools")]
pub mod plan_actual;
pub mod presets;
pub mod prices;
#[cfg(feature = "tools")]
pub mod report;
pub mod scenario;
pub mod solve;
#[cfg(feature = "tools")]
pub mod tuning;
pub mod view;

pub use rust_decimal::Decimal;
pub use scenario::{Problem, Raw, Scenario};
pub use solve::{solve, Limit, Solution};
