//! `use_page_url`: the page's address without its query, for absolute
//! share and embed links. Empty until mounted (and when prerendered), so
//! callers fall back to a relative `?query` link.

use yew::prelude::*;

#[hook]
pub fn use_page_url() -> AttrValue {
    let url = use_state(AttrValue::default);
    {
        let url = url.clone();
        use_effect_with((), move |_| {
            if let Some(u) = crate::dom::page_url() {
                url.set(u.into());
            }
        });
    }
    (*url).clone()
}
