//! The wasm entry point that Trunk builds (`data-bin="backcast-web"`).
//!
//! `dist/index.html` holds the default page prerendered (`src/bin/prerender.rs`).
//! Opened without a query, the app hydrates that HTML (feature `hydration`).
//! Opened with a query, the prerendered default numbers are wrong for the
//! link: the head script has marked the page `html.bc-link` (the stylesheet
//! hides `#app` then), so the entry clears the mount, renders the link's
//! scenario fresh, and unmarks the page once that first render is in the DOM.

#[cfg(all(target_arch = "wasm32", feature = "csr"))]
mod entry {
    use backcast::{App, AppProps};
    use yew::prelude::*;

    /// The class the head script puts on `<html>` for a page with a query.
    const PENDING: &str = "bc-link";

    /// `App`, and after its first render, the page unmarked.
    #[component]
    fn Fresh(props: &AppProps) -> Html {
        use_effect_with((), |_| {
            if let Some(html) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
            {
                let _ = html.class_list().remove_1(PENDING);
            }
        });
        html! { <App query={props.query.clone()} /> }
    }

    pub fn start() {
        backcast::web::expose_api();
        let query = backcast::web::location_query();
        let root = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("app"));
        let Some(root) = root else {
            yew::Renderer::<Fresh>::with_props(AppProps { query: query.into() }).render();
            return;
        };
        #[cfg(feature = "hydration")]
        if query.len() <= 1 && root.first_element_child().is_some() {
            yew::Renderer::<App>::with_root_and_props(root, AppProps::default()).hydrate();
            return;
        }
        root.set_inner_html("");
        yew::Renderer::<Fresh>::with_root_and_props(root, AppProps { query: query.into() }).render();
    }
}

#[cfg(all(target_arch = "wasm32", feature = "csr"))]
fn main() {
    entry::start();
}

#[cfg(not(all(target_arch = "wasm32", feature = "csr")))]
fn main() {}
