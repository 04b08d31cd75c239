//! The GB-seconds-to-requests table, x86_64 and arm64 side by side.

use backcast_core::view::TableRow;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TableProps {
    pub rows: Vec<TableRow>,
    pub period: AttrValue,
    pub budget: AttrValue,
    #[prop_or_default]
    pub note: Option<AttrValue>,
}

#[component]
pub fn RequestsTable(p: &TableProps) -> Html {
    html! {
        <div class="table-wrap">
            <table class="requests" data-testid="requests-table">
                <caption>{ format!("Most requests per {} that {} buys, by Lambda GB-s per request", p.period, p.budget) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "GB-s per request" }</th>
                        <th scope="col">{ format!("Requests per {} (x86_64)", p.period) }</th>
                        <th scope="col">{ format!("Requests per {} (arm64)", p.period) }</th>
                    </tr>
                </thead>
                <tbody>
                    { for p.rows.iter().map(|r| html! {
                        <tr class={classes!(r.meets.then_some("meets"))} aria-current={r.meets.then_some("true")}>
                            <td>{ r.gbs.clone() }</td>
                            <td>{ r.x86.clone() }</td>
                            <td>{ r.arm64.clone() }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            if let Some(note) = &p.note { <p class="hint" data-testid="rows-note">{ note.clone() }</p> }
        </div>
    }
}
