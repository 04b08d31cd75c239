//! Custom hooks. Each keeps its browser calls inside effects, so the
//! components that use them still render without a browser.

pub mod use_url_sync;

pub use use_url_sync::use_url_sync;
