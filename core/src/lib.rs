//! Backcast's pure core: price books, scenarios and their URL form, the
//! forward cost model and its exact inverses. No web crates: everything
//! here is plain Rust, tested natively with `cargo test`.

#[cfg(not(target_arch = "wasm32"))]
pub mod actual;
pub mod api;
pub mod arith;
pub mod around;
#[cfg(not(target_arch = "wasm32"))]
pub mod compare;
pub mod cost;
pub mod export;
pub mod form;
pub mod helper;
pub mod limits;
pub mod number;
#[cfg(not(target_arch = "wasm32"))]
pub mod plan_actual;
pub mod presets;
pub mod prices;
pub mod scenario;
pub mod solve;
#[cfg(not(target_arch = "wasm32"))]
pub mod tuning;
pub mod view;

pub use rust_decimal::Decimal;
pub use scenario::{Problem, Raw, Scenario};
pub use solve::{solve, Limit, Solution};
