//! The GB-seconds-to-requests table, x86_64 and arm64 side by side, with
//! its rows editable (the `rows` key) and the row that meets the needed
//! volume highlighted.

use crate::components::field::{number_field, NumberFieldProps, OnEdit};
use crate::components::markup::{fixed, Markup};
use crate::tpl;
use backcast_core::export::{table_caption, table_headers};
use backcast_core::form;
use backcast_core::view::TableRow;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TableProps {
    pub rows: Vec<TableRow>,
    pub period: AttrValue,
    pub budget: AttrValue,
    /// The needed volume, as shown ("3,000").
    #[prop_or_default]
    pub needed: AttrValue,
    /// The architecture in force: its column is marked.
    #[prop_or(AttrValue::Static("x86_64"))]
    pub arch: AttrValue,
    #[prop_or_default]
    pub note: Option<AttrValue>,
    /// The `rows` field's text and message; the field shows when `on_edit` is set.
    #[prop_or_default]
    pub rows_text: AttrValue,
    #[prop_or_default]
    pub rows_error: Option<AttrValue>,
    #[prop_or_default]
    pub on_edit: Option<OnEdit>,
}

/// The table as a component (for tests and any caller that wants one).
#[component]
pub fn RequestsTable(p: &TableProps) -> Html {
    requests_table(&TableView {
        rows: &p.rows,
        period: &p.period,
        budget: &p.budget,
        needed: &p.needed,
        arch: &p.arch,
        note: p.note.as_deref(),
        rows_text: p.rows_text.clone(),
        rows_error: p.rows_error.clone(),
        on_edit: p.on_edit.as_ref(),
    })
}

/// What the table lays out, borrowed (see `TableProps`).
pub struct TableView<'a> {
    pub rows: &'a [TableRow],
    pub period: &'a str,
    pub budget: &'a str,
    pub needed: &'a str,
    pub arch: &'a str,
    pub note: Option<&'a str>,
    pub rows_text: AttrValue,
    pub rows_error: Option<AttrValue>,
    pub on_edit: Option<&'a OnEdit>,
}

/// A plain function, not a component: its parent re-renders it on every
/// change anyway, and a component costs the wasm its own copy of Yew's
/// lifecycle code. The heading, legend and note are HTML strings
/// (`markup`). The `rows` field is interactive, and the table stays Yew
/// markup for speed: an edit changes every count, and patching the text of
/// 1,000 rows in place is much faster than parsing and laying out a new
/// table (about 40 ms a budget edit at 1,000 rows, measured).
pub fn requests_table(p: &TableView) -> Html {
    let (x86, arm) = (p.arch == "x86_64", p.arch == "arm64");
    // One source for the caption and headings: the exports write the same.
    let [h_gbs, h_x86, h_arm] = table_headers(p.period);
    html! {
        <section class="table" aria-labelledby="table-title">
            { fixed(r#"<h2 id="table-title">GB-s to requests</h2>"#) }
            if let (Some(on_edit), Some(rows)) = (&p.on_edit, form::field("rows")) {
                <div class="rows-field no-print">
                    { number_field(&NumberFieldProps { key_name: rows.key.into(), prefix: "", label: rows.label.into(),
                        unit: rows.unit.into(), hint: rows.hint.into(), value: p.rows_text.clone(),
                        error: p.rows_error.clone(), text: true, on_edit }) }
                </div>
            }
            <div class="table-wrap">
                <table class="requests" data-testid="requests-table">
                    <caption>{ table_caption(p.period, p.budget) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ h_gbs }</th>
                            { heading(x86, h_x86) }
                            { heading(arm, h_arm) }
                        </tr>
                    </thead>
                    <tbody>
                        { for p.rows.iter().map(|r| {
                            let (gbs, a, b) = (html! { <td>{ r.gbs.clone() }</td> },
                                cell(x86, r.x86.clone()), cell(arm, r.arm64.clone()));
                            // Literal classes, as in `cell`.
                            if r.meets {
                                html! { <tr class="meets" aria-current="true">{ gbs }{ a }{ b }</tr> }
                            } else {
                                html! { <tr>{ gbs }{ a }{ b }</tr> }
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            { table_notes(p).html() }
        </section>
    }
}

/// A column heading, marked `current` for the architecture in force.
fn heading(current: bool, text: String) -> Html {
    html! { <th scope="col" class={classes!(current.then_some("current"))}>{ text }</th> }
}

/// A count, marked `current` as its column's heading. Literal classes, not
/// `classes!`: a table has up to 2,000 cells in 1,000 rows, and every edit
/// of the budget re-renders each one, so each skips building a `Classes`
/// set (an `Rc` holding an `IndexSet`).
fn cell(current: bool, text: String) -> Html {
    if current {
        html! { <td class="current">{ text }</td> }
    } else {
        html! { <td>{ text }</td> }
    }
}

/// The table's legend and note, when there are any.
pub fn table_notes(p: &TableView) -> Markup {
    let mut m = Markup::new();
    if !p.needed.is_empty() {
        m.put(
            tpl!(concat!(
                r#"<p class="hint legend"><span aria-hidden="true" class="swatch"></span>"#,
                "Highlighted: the largest GB-s per request whose requests still cover ",
                "the needed {} per {} ({}).</p>",
            )),
            [p.needed, p.period, p.arch],
        );
    }
    if let Some(note) = p.note {
        m.put(
            tpl!(r#"<p data-testid="rows-note" class="hint">{}</p>"#),
            [note],
        );
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view<'a>(needed: &'a str, note: Option<&'a str>) -> TableView<'a> {
        TableView {
            rows: &[],
            period: "day",
            budget: "$7.00",
            needed,
            arch: "arm64",
            note,
            rows_text: AttrValue::default(),
            rows_error: None,
            on_edit: None,
        }
    }

    #[test]
    fn the_legend_and_the_note_escaped() {
        let notes = table_notes(&view("3,000", Some("Showing 2 of <many> rows & \"more\"")));
        let expected = concat!(
            r#"<p class="hint legend"><span aria-hidden="true" class="swatch"></span>"#,
            "Highlighted: the largest GB-s per request whose requests still cover the needed ",
            "3,000 per day (arm64).</p>",
            r#"<p data-testid="rows-note" class="hint">"#,
            "Showing 2 of &lt;many&gt; rows &amp; &quot;more&quot;</p>",
        );
        assert_eq!(notes.as_str(), expected);
    }

    #[test]
    fn no_needed_volume_and_no_note_no_markup() {
        assert_eq!(table_notes(&view("", None)).as_str(), "");
    }
}
