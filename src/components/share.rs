//! Share: the link to this exact scenario, a "Copy link" button, and an
//! "Embed" button that shows the `<iframe>` snippet for blogs and wikis.

use crate::components::markup::fixed;
use backcast_core::Scenario;
use yew::prelude::*;

/// The few lines a host page adds so the iframe fits its content.
const HOST_SCRIPT: &str = r#"<script>
  addEventListener("message", function (e) {
    if (!e.data || e.data.type !== "backcast:height") return;
    document.querySelectorAll("iframe.backcast").forEach(function (f) {
      if (f.contentWindow === e.source) f.style.height = e.data.height + "px";
    });
  });
</script>"#;

/// The share link (pinned to its price book) and the embed snippet.
pub fn links(page_url: &str, s: &Scenario) -> (String, String) {
    let mut plain = s.clone();
    plain.embed = false;
    let link = format!("{page_url}?{}", plain.to_query(true));
    let mut embedded = plain;
    embedded.embed = true;
    let src = format!("{page_url}?{}", embedded.to_query(true)).replace('&', "&amp;");
    let snippet = format!(
        "<iframe class=\"backcast\" src=\"{src}\" title=\"Backcast: what the budget buys\" \
         width=\"100%\" height=\"560\" style=\"border:0\" loading=\"lazy\" \
         sandbox=\"allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox\"></iframe>\n{HOST_SCRIPT}"
    );
    (link, snippet)
}

#[derive(Properties, PartialEq, Clone)]
pub struct ShareProps {
    pub scenario: Scenario,
    /// The page's address without its query (`AppProps::page_url`); with
    /// "", the links are relative (`?…`).
    #[prop_or_default]
    pub page_url: AttrValue,
}

/// The share panel's own state.
#[derive(Clone, Default, PartialEq)]
struct Panel {
    /// What the last copy did ("" before any).
    status: String,
    /// Whether the embed code shows.
    embed_open: bool,
}

enum PanelAction {
    /// A copy started ("") or ended (its outcome).
    Status(String),
    /// "Embed" pressed.
    ToggleEmbed,
}

impl Reducible for Panel {
    type Action = PanelAction;
    fn reduce(self: std::rc::Rc<Self>, action: PanelAction) -> std::rc::Rc<Self> {
        let mut next = (*self).clone();
        match action {
            PanelAction::Status(s) => next.status = s,
            PanelAction::ToggleEmbed => next.embed_open = !next.embed_open,
        }
        next.into()
    }
}

/// The share panel, a component with its own state (`Panel`): the copy
/// status and whether the embed code shows.
#[component]
pub fn SharePanel(p: &ShareProps) -> Html {
    let page_url = &p.page_url;
    let panel = use_reducer(Panel::default);
    let scenario = &p.scenario;
    let (link, snippet) = links(page_url, scenario);

    let copy = |text: String, fallback: &'static str, what: &'static str| {
        let panel = panel.dispatcher();
        Callback::from(move |_: MouseEvent| {
            let panel = panel.clone();
            panel.dispatch(PanelAction::Status(String::new()));
            crate::dom::copy_text(
                text.clone(),
                fallback,
                Callback::from(move |ok: bool| {
                    panel.dispatch(PanelAction::Status(if ok {
                        format!("Copied the {what}.")
                    } else {
                        format!("Could not copy: select the {what} and press Ctrl+C (⌘C).")
                    }))
                }),
            );
        })
    };
    let on_copy_link = copy(link.clone(), "share-link", "link");
    let on_copy_embed = copy(snippet.clone(), "embed-code", "embed code");
    let on_embed = {
        let panel = panel.dispatcher();
        Callback::from(move |_: MouseEvent| panel.dispatch(PanelAction::ToggleEmbed))
    };
    let select_all = Callback::from(|e: FocusEvent| {
        if let Some(t) = e.target() {
            if let Ok(select) = js_sys::Reflect::get(&t, &"select".into()) {
                if let Some(f) = wasm_bindgen::JsCast::dyn_ref::<js_sys::Function>(&select) {
                    let _ = f.call0(&t);
                }
            }
        }
    });
    html! {
        <section class="share" aria-labelledby="share-title" data-testid="share">
            { fixed(r#"<h2 id="share-title">Share</h2><label for="share-link">Link to this scenario</label>"#) }
            <div class="share-row">
                <input id="share-link" type="text" readonly=true value={link} data-testid="share-link"
                    onfocus={select_all.clone()} aria-describedby="share-link-hint" />
                <button type="button" onclick={on_copy_link} data-testid="copy-link">{ "Copy link" }</button>
                <button type="button" onclick={on_embed} data-testid="embed-button"
                    aria-expanded={if panel.embed_open { "true" } else { "false" }} aria-controls="embed-panel">{ "Embed" }</button>
            </div>
            { fixed(r#"<p class="hint" id="share-link-hint">The whole scenario is in the link, with its price book, so it shows the same numbers for anyone, years from now.</p>"#) }
            if panel.embed_open {
                <div id="embed-panel" class="embed-panel">
                    { fixed(r#"<label for="embed-code">Embed code for a blog or wiki</label>"#) }
                    <textarea id="embed-code" readonly=true rows="9" value={snippet} data-testid="embed-code"
                        onfocus={select_all} />
                    <div class="share-row">
                        <button type="button" onclick={on_copy_embed} data-testid="copy-embed">{ "Copy embed code" }</button>
                    </div>
                    { fixed(r#"<p class="hint">A compact, read-only view. The script lets the frame fit its content; without it, set a fixed height.</p>"#) }
                </div>
            }
            <p class="status" role="status" aria-live="polite" data-testid="copy-status">{ panel.status.clone() }</p>
        </section>
    }
}
