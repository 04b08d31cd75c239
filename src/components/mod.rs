//! The page's components. Each lays out what the core computed
//! (`backcast_core::view::View`); none computes a price.

pub mod app;
pub mod breakdown;
pub mod chart;
pub mod embed;
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

/// Where the page's second module (`crate::tools`, loaded when first
/// used) goes: the exports, plan against actual spend, the comparison of
/// two plans and Lambda Power Tuning results. Until it loads, its heading
/// and buttons as static markup; index.html's loader loads the module on
/// a click of one (`data-tool`), or at once for a link whose fragment
/// holds a comparison or a summary of actual spend. The module then
/// renders into this element (`tools::Tools`, whose first render is this
/// markup's inside, tested). Yew leaves an unchanged string alone, so the
/// app never touches what the module renders here.
pub const TOOLS: &str = r#"<section id="tools" class="tools" aria-labelledby="tools-title" data-testid="tools"><h2 id="tools-title">Export, check and compare</h2><div class="tool-buttons"><button type="button" data-tool="export" aria-expanded="false" data-testid="export-open">Export</button><button type="button" data-tool="actual" aria-expanded="false" data-testid="actual-open">Plan against actual spend</button><button type="button" data-tool="compare" aria-expanded="false" data-testid="compare-open">Compare with plan B</button><button type="button" data-tool="tuning" aria-expanded="false" data-testid="tuning-open">Power Tuning results</button></div></section>"#;
