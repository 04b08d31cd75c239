//! Backcast's web front end: Yew components over `backcast_core`.
//!
//! Components render without touching the browser (so the page can be
//! prerendered on the host); browser calls live in effects, callbacks and
//! the wasm-only `web` module.

pub mod components;
pub mod dom;
pub mod hooks;
pub mod state;
#[cfg(any(feature = "tools", not(target_arch = "wasm32")))]
pub mod tools;
#[cfg(target_arch = "wasm32")]
pub mod web;

pub use components::app::{App, AppProps};
