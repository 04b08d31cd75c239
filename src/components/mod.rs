//! The page's components. Each lays out what the core computed
//! (`backcast_core::view::View`); none computes a price.

pub mod app;
pub mod embed;
pub mod export;
pub mod field;
pub mod notice;
pub mod share;
pub mod table;
