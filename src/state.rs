//! The whole UI state: one reducer over the scenario.
//!
//! Edits arrive as `(key, text)`, exactly as a link carries them, so the
//! page, the link and the API share one decoder. A bad value keeps its
//! text in the field with an inline message, and the last valid scenario
//! (and so the last valid result) stays on screen.

use backcast_core::scenario::{Problem, Raw, Scenario};
use backcast_core::view::View;
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The last valid scenario: what the results and the link show.
    pub scenario: Scenario,
    /// Field text that differs from the scenario (being typed, or invalid).
    pub drafts: BTreeMap<String, String>,
    /// Inline messages, by key.
    pub errors: BTreeMap<String, String>,
    /// Problems found in the link the page was opened with.
    pub notice: Vec<Problem>,
    pub view: Rc<View>,
    /// Counts changes of the scenario that the URL must follow; 0 until
    /// the user first changes something (the opening link is not
    /// rewritten). See `hooks::use_url_sync`.
    pub revision: u64,
    /// Whether the last such change was an explicit action (a choice, a
    /// preset) that gets its own history entry, rather than typing.
    pub push: bool,
}

pub enum Action {
    /// A field changed: its key and text.
    Edit(String, String),
    /// Replace the whole scenario (a preset, or Back to another link).
    Load(Box<Scenario>),
    DismissNotice,
    /// Back or Forward went to another link (`popstate`): show its
    /// scenario without writing the URL again.
    Restore(String),
}

/// Keys whose value is a discrete choice: changing one is an explicit
/// action with its own history entry; typing a number only replaces it.
fn is_choice(key: &str) -> bool {
    matches!(
        key,
        "period"
            | "region"
            | "arch"
            | "free_tier"
            | "prices"
            | "sfn"
            | "ddb_mode"
            | "ddb_read"
            | "ddb_write"
            | "embed"
    )
}

impl State {
    /// The state for a link's query string (`?budget=7…` or empty).
    pub fn from_query(query: &str) -> State {
        let (scenario, notice) = Scenario::from_link(query);
        State {
            view: Rc::new(View::new(&scenario)),
            scenario,
            drafts: BTreeMap::new(),
            errors: BTreeMap::new(),
            notice,
            revision: 0,
            push: false,
        }
    }

    /// The text a field shows: the draft, or the scenario's value.
    pub fn text(&self, key: &str) -> String {
        self.drafts
            .get(key)
            .cloned()
            .unwrap_or_else(|| self.scenario.get(key).unwrap_or_default())
    }

    pub fn error(&self, key: &str) -> Option<String> {
        self.errors.get(key).cloned()
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Edit(key, text) => {
                let mut s = next.scenario.clone();
                match s.set(&key, Raw::Text(&text)) {
                    Ok(()) => {
                        let push = is_choice(&key);
                        next.errors.remove(&key);
                        if s.get(&key).as_deref() == Some(text.trim()) {
                            next.drafts.remove(&key);
                        } else {
                            next.drafts.insert(key, text);
                        }
                        if s != next.scenario {
                            next.view = Rc::new(View::new(&s));
                            next.scenario = s;
                            next.revision += 1;
                            next.push = push;
                        }
                    }
                    Err(message) => {
                        next.errors.insert(key.clone(), message);
                        next.drafts.insert(key, text);
                    }
                }
            }
            Action::Load(s) => {
                if *s != next.scenario {
                    next.revision += 1;
                    next.push = true;
                }
                next.view = Rc::new(View::new(&s));
                next.scenario = *s;
                next.drafts.clear();
                next.errors.clear();
            }
            Action::DismissNotice => next.notice.clear(),
            Action::Restore(query) => {
                let (s, notice) = Scenario::from_link(&query);
                next.view = Rc::new(View::new(&s));
                next.scenario = s;
                next.notice = notice;
                next.drafts.clear();
                next.errors.clear();
            }
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reduce(s: State, a: Action) -> State {
        (*Rc::new(s).reduce(a)).clone()
    }

    #[test]
    fn a_bad_edit_keeps_the_last_valid_result() {
        let s = State::from_query("");
        let s = reduce(s, Action::Edit("budget".into(), "14".into()));
        assert_eq!(s.view.figures[0].value, "6,561"); // 14 / 0.0021335376 = 6561.87
        let s = reduce(s, Action::Edit("budget".into(), "-1".into()));
        assert!(s.error("budget").unwrap().contains("greater than 0"));
        assert_eq!(s.text("budget"), "-1");
        assert_eq!(s.view.figures[0].value, "6,561");
        let s = reduce(s, Action::Edit("budget".into(), "7".into()));
        assert_eq!(s.error("budget"), None);
        assert_eq!(s.view.figures[0].value, "3,280");
    }

    #[test]
    fn typing_replaces_the_url_and_choices_push_it() {
        let s = State::from_query("?budget=7");
        assert_eq!(s.revision, 0); // the opening link is left alone
        let s = reduce(s, Action::Edit("budget".into(), "1".into()));
        assert_eq!((s.revision, s.push), (1, false));
        // An invalid or unchanged value does not touch the URL.
        let s = reduce(s, Action::Edit("budget".into(), "1x".into()));
        let s = reduce(s, Action::Edit("budget".into(), "1.0".into()));
        assert_eq!(s.revision, 1);
        let s = reduce(s, Action::Edit("period".into(), "month".into()));
        assert_eq!((s.revision, s.push), (2, true));
        let s = reduce(s, Action::Load(Box::default()));
        assert_eq!((s.revision, s.push), (3, true));
        // Back to another link: shown, not written again.
        let s = reduce(s, Action::Restore("?gbs=64&bad=1".into()));
        assert_eq!(s.revision, 3);
        assert_eq!(s.scenario.get("gbs").as_deref(), Some("64"));
        assert_eq!(s.notice.len(), 1);
    }

    #[test]
    fn the_link_notice_names_bad_keys() {
        let s = State::from_query("?budget=x&gbs=64");
        assert_eq!(s.notice.len(), 1);
        assert_eq!(s.notice[0].key, "budget");
        assert_eq!(s.scenario.get("gbs").as_deref(), Some("64"));
        let s = reduce(s, Action::DismissNotice);
        assert!(s.notice.is_empty());
    }
}
