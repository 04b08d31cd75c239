//! The wasm entry point that Trunk builds (`data-bin="backcast-web"`).

#[cfg(all(target_arch = "wasm32", feature = "csr"))]
fn main() {
    backcast::web::install_panic_hook();
    backcast::web::expose_api();
    let props = backcast::AppProps {
        query: backcast::web::location_query().into(),
    };
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => yew::Renderer::<backcast::App>::with_root_and_props(root, props).render(),
        None => yew::Renderer::<backcast::App>::with_props(props).render(),
    };
}

#[cfg(not(all(target_arch = "wasm32", feature = "csr")))]
fn main() {}
