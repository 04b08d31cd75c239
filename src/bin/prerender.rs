//! Build step: renders the default page with Yew SSR and writes it into
//! `dist/index.html`, inside `<div id="app">`, so the first paint needs no
//! wasm. The wasm app then renders over it (`src/main.rs`).
//!
//!   cargo run --features ssr --bin prerender -- dist/index.html
//!
//! A link with a query is never shown this HTML: the inline head script
//! marks such a page (`html.bc-link`), the stylesheet hides `#app` under
//! that class, and the wasm entry renders the link's own scenario fresh.

use std::process::ExitCode;

/// The empty mount element, as Trunk writes it from `index.html` (its
/// minifier drops the quotes).
const MOUNTS: [&str; 2] = [r#"<div id="app"></div>"#, "<div id=app></div>"];

fn main() -> ExitCode {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "dist/index.html".into());
    let page = match std::fs::read_to_string(&path) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("prerender: cannot read {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let body = render_default();
    match insert(&page, &body) {
        Some(out) => {
            if let Err(e) = std::fs::write(&path, out) {
                eprintln!("prerender: cannot write {path}: {e}");
                return ExitCode::FAILURE;
            }
            println!("prerender: {path}: {} bytes of HTML in #app", body.len());
            ExitCode::SUCCESS
        }
        None => {
            eprintln!(
                "prerender: {path} has no empty {} (already prerendered?)",
                MOUNTS[0]
            );
            ExitCode::FAILURE
        }
    }
}

/// The default page (no query). Not hydratable: the app renders fresh over
/// it, so it needs none of hydration's component markers.
fn render_default() -> String {
    let renderer = yew::LocalServerRenderer::<backcast::App>::with_props(backcast::AppProps {
        prerender: true,
        ..Default::default()
    })
    .hydratable(false);
    futures::executor::block_on(renderer.render())
}

/// `page` with `body` inside its empty mount element.
fn insert(page: &str, body: &str) -> Option<String> {
    let (at, mount) = MOUNTS
        .iter()
        .find_map(|m| page.find(m).map(|at| (at, *m)))?;
    let open = at + mount.len() - "</div>".len();
    let mut out = String::with_capacity(page.len() + body.len());
    out.push_str(&page[..open]);
    out.push_str(body);
    out.push_str(&page[open..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_the_empty_mount_once() {
        let page = "<body><div id=\"app\"></div></body>";
        let out = insert(page, "<p>x</p>").unwrap();
        assert_eq!(out, "<body><div id=\"app\"><p>x</p></div></body>");
        assert_eq!(insert(&out, "<p>y</p>"), None);
        let min = insert("<div id=app></div>", "<p>x</p>").unwrap();
        assert_eq!(min, "<div id=app><p>x</p></div>");
    }

    #[test]
    fn the_default_page_holds_the_table() {
        let html = render_default();
        assert!(html.contains("data-testid=\"requests-table\""));
        assert!(html.contains("<tbody>"));
        // The default scenario: $7 a day at 0.0000166667 per GB-s and
        // 0.0000002 per request: 7 / 0.0000168667 = 415,018.9 at 1 GB-s.
        assert!(html.contains("415,018"));
        // The newest book has no known errors: no book notice.
        assert!(!html.contains("data-testid=\"book-notice\""));
    }

    #[test]
    fn an_old_book_with_known_errors_renders_its_notice_on_the_server() {
        // Rendered with no browser at all: the notice is display only.
        let props = backcast::AppProps {
            query: "prices=2026-11&region=eu-central-1".into(),
            ..Default::default()
        };
        let r = yew::LocalServerRenderer::<backcast::App>::with_props(props).hydratable(false);
        let html = futures::executor::block_on(r.render());
        assert!(html.contains("data-testid=\"book-notice\""), "{html}");
        assert!(html.contains("DynamoDB read request units $0.125 per million (AWS: $0.1525)"));
        assert!(html.contains(
            "<a href=\"?region=eu-central-1&amp;prices=2026-12\" data-testid=\"reprice\">Re-open on book 2026-12</a>"
        ), "{html}");
    }
}
