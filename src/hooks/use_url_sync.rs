//! `use_url_sync`: the URL is the single source of truth of the scenario.
//!
//! - Each change of the scenario (`State::revision`) is written to the
//!   address bar: `history.replaceState` while typing, `pushState` for an
//!   explicit action (a choice or a preset, `State::push`), so Back undoes
//!   it. The opening link is not rewritten until the user changes
//!   something.
//! - Written links always pin the price book (`prices=…`), so a link
//!   copied from the address bar keeps its prices when newer books ship.
//! - Back and Forward (`popstate`) load the scenario of the new address.
//!
//! Nothing else (no localStorage) is read: a link always shows exactly
//! what it says.

use crate::state::{Action, State};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[hook]
pub fn use_url_sync(state: &UseReducerHandle<State>) {
    {
        let query = state.scenario.to_query(true);
        let push = state.push;
        use_effect_with(state.revision, move |revision| {
            if *revision > 0 {
                write_url(&query, push);
            }
        });
    }
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let listener =
                PopState::listen(move |query| dispatcher.dispatch(Action::Restore(query)));
            move || drop(listener)
        });
    }
}

/// Writes `?query` to the address bar, keeping the path and fragment.
fn write_url(query: &str, push: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let loc = window.location();
    let path = loc.pathname().unwrap_or_default();
    let search = loc.search().unwrap_or_default();
    let hash = loc.hash().unwrap_or_default();
    let new_search = if query.is_empty() {
        String::new()
    } else {
        format!("?{query}")
    };
    if new_search == search {
        return;
    }
    let Ok(history) = window.history() else {
        return;
    };
    let url = format!("{path}{new_search}{hash}");
    let _ = if push {
        history.push_state_with_url(&JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    };
}

/// A `popstate` listener, removed when dropped.
struct PopState {
    window: web_sys::Window,
    callback: Closure<dyn Fn(web_sys::Event)>,
}

impl PopState {
    fn listen(on_query: impl Fn(String) + 'static) -> Option<PopState> {
        let window = web_sys::window()?;
        let w = window.clone();
        let callback = Closure::<dyn Fn(web_sys::Event)>::new(move |_: web_sys::Event| {
            on_query(w.location().search().unwrap_or_default());
        });
        window
            .add_event_listener_with_callback("popstate", callback.as_ref().unchecked_ref())
            .ok()?;
        Some(PopState { window, callback })
    }
}

impl Drop for PopState {
    fn drop(&mut self) {
        let _ = self.window.remove_event_listener_with_callback(
            "popstate",
            self.callback.as_ref().unchecked_ref(),
        );
    }
}
