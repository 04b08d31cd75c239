//! The wasm entry point that Trunk builds (`data-bin="backcast-web"`).
//!
//! `dist/index.html` holds the default page prerendered at build time
//! (`src/bin/prerender.rs`), so the first paint needs no wasm. The app then
//! takes over by rendering fresh into the same element: Yew clears it and
//! renders within the same task (its scheduler runs in a microtask), so no
//! frame shows the element empty, and for the default page the new DOM is
//! the same as the old. This costs nothing in the wasm, where hydration
//! (`yew/hydration`) cost 16 KB gzip (BENCHMARKS.md).
//!
//! Whatever a person typed into the prerendered form before the wasm
//! arrived is read first and applied as edits, so it is not lost.
//!
//! A link with a query must never show the prerendered default numbers:
//! the head script has marked the page `html.bc-link`, the stylesheet hides
//! `#app` then, and the first render of the link's own scenario unmarks it.

/// Talc instead of the standard library's dlmalloc: about 2 KB less wasm
/// for the same job (a single-threaded heap that grows the wasm memory).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(all(target_arch = "wasm32", feature = "csr"))]
mod entry {
    use backcast::{App, AppProps};

    pub fn start() {
        backcast::web::expose_api();
        let query = yew::AttrValue::from(backcast::web::location_query());
        let doc = web_sys::window().and_then(|w| w.document());
        // App unmarks the page and restores this focus after its first
        // render (`backcast::dom::page_ready`).
        let focus = doc
            .as_ref()
            .and_then(|d| d.active_element())
            .map(|e| e.id())
            .filter(|id| id.starts_with("field-"));
        backcast::dom::remember_focus(focus);
        // Only the default page is shown before the app starts (a link's
        // is hidden), so only it can have been typed into.
        let typed = if query.is_empty() {
            backcast::dom::typed_before_start()
        } else {
            Vec::new()
        };
        let props = AppProps {
            query,
            typed,
            page_url: backcast::dom::page_url().unwrap_or_default().into(),
            prerender: false,
        };
        match doc.and_then(|d| d.get_element_by_id("app")) {
            Some(root) => yew::Renderer::<App>::with_root_and_props(root, props).render(),
            None => yew::Renderer::<App>::with_props(props).render(),
        };
    }
}

#[cfg(all(target_arch = "wasm32", feature = "csr"))]
fn main() {
    entry::start();
}

#[cfg(not(all(target_arch = "wasm32", feature = "csr")))]
fn main() {}
