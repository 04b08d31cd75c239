//! HTML built as a string, for the display-only parts of the results:
//! the figures, headroom, chart, breakdown, the table's heading and notes,
//! the price note, and the link notice's list of problems.
//!
//! As `html!` trees their expansions cost the wasm more than the markup
//! itself: as strings the release wasm's gzip is 3.4 KB smaller (130,716
//! to 127,343 bytes, built as shipped). Yew inserts a string as a `VRaw`:
//! it parses it when it changes and skips it when it is unchanged. The DOM
//! is the one the `html!` trees made (same elements, attributes in the
//! same order, text), and the server renderer writes the string as it is,
//! so the prerendered page is unchanged too.
//!
//! A string holds whole elements only (an SVG with its `<svg>` root, so
//! its children are parsed in the SVG namespace; never a lone table row,
//! which the parser would drop outside a table). What a new element would
//! change stays `html!`, patched in place:
//! - anything with a listener (the `rows` field);
//! - the verdict, a live region: screen readers announce changed text in
//!   the element they know, not a new element;
//! - the tables' scroll boxes (`.table-wrap`), which keep their scroll
//!   position; the tables inside them are strings;
//! - the 1,000-row requests table: every count changes on an edit, and a
//!   new table costs about 40 ms more to parse and lay out than patching
//!   the text of the old one.
//!
//! Templates are `Tpl<N>`, made by `tpl!`, which counts a template's
//! `{}` holes at compile time: `put(tpl!("<p>{}</p>"), [a])` compiles, and
//! a template whose holes and values differ in number does not.
//!
//! Safety: markup comes only from `&'static str` templates in this crate;
//! every value put into a hole is escaped, whether it lands in text or in
//! a double-quoted attribute value. Values come from the link (scenario
//! numbers shown back) and must never become markup.

use yew::{AttrValue, Html};

/// A static template with `N` holes (`{}`). Made only by [`tpl!`], which
/// counts the holes at compile time: a template and its values cannot
/// disagree in number.
#[derive(Clone, Copy)]
pub struct Tpl<const N: usize>(&'static str);

impl<const N: usize> Tpl<N> {
    /// Fails to compile (in `tpl!`'s const block) when `tpl` has other
    /// than `N` holes.
    pub const fn new(tpl: &'static str) -> Self {
        assert!(
            holes(tpl) == N,
            "a template and its values differ in number"
        );
        Tpl(tpl)
    }
}

/// The number of `{}` holes in `tpl`.
pub const fn holes(tpl: &str) -> usize {
    let b = tpl.as_bytes();
    let (mut i, mut n) = (0, 0);
    while i + 1 < b.len() {
        if b[i] == b'{' && b[i + 1] == b'}' {
            n += 1;
            i += 2;
        } else {
            i += 1;
        }
    }
    n
}

/// A template whose holes are counted at compile time; the count must
/// equal the number of values it is filled with.
#[macro_export]
macro_rules! tpl {
    ($tpl:expr) => {
        const { $crate::components::markup::Tpl::new($tpl) }
    };
}

/// An HTML string under construction.
#[derive(Default)]
pub struct Markup(String);

impl Markup {
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends `tpl` with each `{}` replaced by the next of `args`,
    /// escaped. The template itself is static markup, written as is; its
    /// number of holes equals `N`, checked at compile time (`tpl!`).
    #[inline(always)]
    pub fn put<const N: usize>(&mut self, tpl: Tpl<N>, args: [&str; N]) -> &mut Self {
        self.fill(tpl.0, &args)
    }

    /// `put`'s one copy in the wasm, whatever the number of holes.
    #[inline(never)]
    fn fill(&mut self, tpl: &'static str, args: &[&str]) -> &mut Self {
        let mut args = args.iter();
        let b = tpl.as_bytes();
        let (mut done, mut i) = (0, 0);
        // A byte scan: `str::split("{}")` would bring in a substring search.
        while i + 1 < b.len() {
            if b[i] == b'{' && b[i + 1] == b'}' {
                self.0.push_str(&tpl[done..i]);
                escape_into(&mut self.0, args.next().copied().unwrap_or_default());
                i += 2;
                done = i;
            } else {
                i += 1;
            }
        }
        self.0.push_str(&tpl[done..]);
        self
    }

    /// Appends static markup as is (a choice between fixed fragments).
    #[inline(never)]
    pub fn raw(&mut self, markup: &'static str) -> &mut Self {
        self.0.push_str(markup);
        self
    }

    /// The markup so far.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The markup as a node: Yew parses it into the page as it stands.
    pub fn html(self) -> Html {
        Html::from_html_unchecked(AttrValue::from(self.0))
    }
}

/// Appends `s` to `out` with `& < > " '` escaped: safe as element text and
/// as a quoted attribute value.
#[inline(never)]
pub fn escape_into(out: &mut String, s: &str) {
    let mut done = 0;
    for (i, b) in s.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        // `i` is at an ASCII byte, so both cuts are on char boundaries.
        out.push_str(&s[done..i]);
        out.push_str(entity);
        done = i + 1;
    }
    out.push_str(&s[done..]);
}

/// `tpl` with its holes filled from `args` (escaped), as a node: for one
/// display-only piece inside `html!` (a label, a hint).
pub fn filled<const N: usize>(tpl: Tpl<N>, args: [&str; N]) -> Html {
    let mut m = Markup::new();
    m.put(tpl, args);
    m.html()
}

/// Static markup that needs no building (a heading, say).
pub fn fixed(markup: &'static str) -> Html {
    Html::from_html_unchecked(AttrValue::Static(markup))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(s: &str) -> String {
        let mut out = String::new();
        escape_into(&mut out, s);
        out
    }

    #[test]
    fn escapes_the_five_specials() {
        assert_eq!(escaped(""), "");
        assert_eq!(escaped("plain 3,000 $7.00"), "plain 3,000 $7.00");
        assert_eq!(
            escaped(r#"<a href="x" title='y'>&</a>"#),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;"
        );
        assert_eq!(escaped("&amp;"), "&amp;amp;");
        // Multi-byte text around the specials is kept whole.
        assert_eq!(escaped("≥ 5 € <b>"), "≥ 5 € &lt;b&gt;");
    }

    #[test]
    fn fills_holes_in_order_and_escapes_them() {
        let mut m = Markup::new();
        m.put(
            tpl!(r#"<p title="{}">{}</p>"#),
            [r#""><img src=x onerror=alert(1)>"#, "a & b"],
        )
        .raw("<hr>")
        .put(tpl!("{}{}"), ["<", ">"]);
        assert_eq!(
            m.as_str(),
            "<p title=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\">a &amp; b</p><hr>&lt;&gt;"
        );
    }

    #[test]
    fn holes_are_counted() {
        assert_eq!(holes(""), 0);
        assert_eq!(holes("{"), 0);
        assert_eq!(holes("{}"), 1);
        assert_eq!(holes(r#"<p title="{}">{}{}</p>"#), 3);
        // `{{}` is one hole after a brace, as `fill` reads it.
        assert_eq!(holes("{{}"), 1);
    }

    #[test]
    fn a_template_without_holes_is_written_as_is() {
        let mut m = Markup::new();
        m.put(tpl!("<td class=\"share\"></td>"), []);
        assert_eq!(m.as_str(), "<td class=\"share\"></td>");
    }
}
