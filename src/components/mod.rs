//! The page's components. Each lays out what the core computed
//! (`backcast_core::view::View`); none computes a price.

pub mod app;
pub mod breakdown;
pub mod chart;
pub mod embed;
pub mod export;
pub mod field;
pub mod figures;
pub mod form;
pub mod headroom;
pub mod helper;
pub mod markup;
pub mod notice;
pub mod presets;
pub mod share;
pub mod table;
