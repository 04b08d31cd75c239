//! The whole UI state: one reducer over the scenario.
//!
//! Edits arrive as `(key, text)`, exactly as a link carries them, so the
//! page, the link and the API share one decoder. A bad value keeps its
//! text in the field with an inline message, and the last valid scenario
//! (and so the last valid result) stays on screen.

use backcast_core::helper::{self, HelperField, HelperInput, HelperOutput};
use backcast_core::scenario::{Problem, Raw, Scenario};
use backcast_core::view::View;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The last valid scenario: what the results and the link show.
    pub scenario: Scenario,
    /// Field text that differs from the scenario (being typed, or invalid).
    pub drafts: ByKey,
    /// Inline messages, by key.
    pub errors: ByKey,
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
    /// The GB-s helper's page-only fields (not link keys) and its result.
    pub helper: HelperInput,
    pub helper_out: HelperOutput,
    /// The folded form groups the user opened (`Group::fold`), page-only.
    pub unfolded: Vec<&'static str>,
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
    /// A GB-s helper field changed.
    Helper(HelperField, String),
    /// Write the helper's result into `gbs` and `invocations`.
    ApplyHelper,
    /// Open or close a folded form group.
    Fold(&'static str),
}

/// Keys whose value is a discrete choice: changing one is an explicit
/// action with its own history entry; typing a number only replaces it
/// (declared with each key, `Spec::pushes_history`).
fn is_choice(key: &str) -> bool {
    backcast_core::scenario::spec(key).is_some_and(|s| s.pushes_history())
}

impl State {
    /// The state for a link's query string (`?budget=7…` or empty).
    pub fn from_query(query: &str) -> State {
        let (scenario, notice) = Scenario::from_link(query);
        State {
            view: Rc::new(View::new(&scenario)),
            scenario,
            drafts: ByKey::default(),
            errors: ByKey::default(),
            notice,
            revision: 0,
            push: false,
            helper_out: helper::compute(&HelperInput::default()),
            helper: HelperInput::default(),
            unfolded: Vec::new(),
        }
    }

    /// The page for `query`, then `typed` applied as edits, in order: what
    /// a person typed into the prerendered form before the app started
    /// (`dom::typed_before_start`), so none of it is lost.
    pub fn start(query: &str, typed: Vec<(String, String)>) -> State {
        let mut state = Rc::new(State::from_query(query));
        for (key, text) in typed {
            state = state.reduce(Action::Edit(key, text));
        }
        Rc::try_unwrap(state).unwrap_or_else(|rc| (*rc).clone())
    }

    /// The text a field shows: the draft, or the scenario's value.
    pub fn text(&self, key: &str) -> String {
        self.drafts
            .get(key)
            .map(str::to_string)
            .unwrap_or_else(|| self.scenario.get(key).unwrap_or_default())
    }

    pub fn error(&self, key: &str) -> Option<String> {
        self.errors.get(key).map(str::to_string)
    }
}

/// Text by scenario key, for the few keys being edited: a plain list, as
/// it rarely holds more than one or two entries (and a `BTreeMap` costs
/// the wasm its search and rebalancing code).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ByKey(Vec<(String, String)>);

impl ByKey {
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    pub fn insert(&mut self, key: String, value: String) {
        self.remove(&key);
        self.0.push((key, value));
    }

    pub fn remove(&mut self, key: &str) {
        self.0.retain(|(k, _)| k != key);
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
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
            Action::Fold(id) => match next.unfolded.iter().position(|g| *g == id) {
                Some(i) => {
                    next.unfolded.remove(i);
                }
                None => next.unfolded.push(id),
            },
            Action::Restore(query) => {
                let (s, notice) = Scenario::from_link(&query);
                next.view = Rc::new(View::new(&s));
                next.scenario = s;
                next.notice = notice;
                next.drafts.clear();
                next.errors.clear();
            }
            Action::Helper(field, text) => {
                next.helper.set(field, text);
                next.helper_out = helper::compute(&next.helper);
            }
            Action::ApplyHelper => {
                if let Some(edits) = next.helper_out.edits() {
                    let mut s = next.scenario.clone();
                    for (key, text) in &edits {
                        // Both values were validated by the helper; a
                        // failure leaves the scenario as it was.
                        if s.set(key, Raw::Text(text)).is_err() {
                            return self;
                        }
                        next.drafts.remove(key);
                        next.errors.remove(key);
                    }
                    if s != next.scenario {
                        next.view = Rc::new(View::new(&s));
                        next.scenario = s;
                        next.revision += 1;
                        next.push = true;
                    }
                }
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
    fn what_was_typed_before_the_app_started_is_kept() {
        let typed = vec![
            ("budget".to_string(), "9".to_string()),
            ("requests".to_string(), "lots".to_string()),
        ];
        let s = State::start("", typed);
        // 3,000 requests cost 3000 x 0.0021335376 = 6.4006128 of $9.00,
        // leaving 2.5993872.
        assert_eq!(
            s.view.verdict,
            "Fits: 3,000 requests per day cost $6.40 of the $9.00 budget, leaving $2.60."
        );
        // The bad text stays in its field, with its message; the
        // scenario keeps its valid value.
        assert_eq!(s.text("requests"), "lots");
        assert!(s.error("requests").is_some());
        assert_eq!(s.scenario.get("requests").as_deref(), Some("3000"));
        // A change: the address is written.
        assert_eq!(s.revision, 1);
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
    fn the_helper_writes_gbs_and_invocations() {
        let s = State::from_query("");
        // 512 MB x 250 ms x 2 invocations / 1000 / 1024 = 0.25 GB-s per request.
        let s = reduce(s, Action::Helper(HelperField::MemoryMb, "512".into()));
        let s = reduce(s, Action::Helper(HelperField::DurationMs, "250".into()));
        let s = reduce(s, Action::Helper(HelperField::Invocations, "2".into()));
        assert_eq!(
            s.helper_out.gbs.map(|d| d.to_string()).as_deref(),
            Some("0.25")
        );
        assert_eq!(s.text("gbs"), "128"); // nothing changes until applied
        let s = reduce(s, Action::ApplyHelper);
        assert_eq!(s.text("gbs"), "0.25");
        assert_eq!(s.text("invocations"), "2");
        // A bad helper field is named, and applying it changes nothing.
        let s = reduce(s, Action::Helper(HelperField::MemoryMb, "64".into()));
        assert!(s.helper_out.error(HelperField::MemoryMb).is_some());
        let before = s.scenario.clone();
        let s = reduce(s, Action::ApplyHelper);
        assert_eq!(s.scenario, before);
    }

    #[test]
    fn a_preset_replaces_the_scenario_and_clears_drafts() {
        let s = State::from_query("");
        let s = reduce(s, Action::Edit("budget".into(), "x".into()));
        let (etl, _) = backcast_core::presets::by_id("etl").unwrap().scenario();
        let s = reduce(s, Action::Load(Box::new(etl)));
        assert!(s.errors.is_empty() && s.drafts.is_empty());
        assert_eq!(s.text("budget"), "10");
        assert_eq!(s.view.preset, Some("etl"));
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
