//! Exports of what the page shows: a Markdown table (for wikis and
//! READMEs) and CSV, both built from the same `View` strings the page
//! lays out, so they carry the screen's units, period and rounding. The
//! JSON export is the `solve` result (`api::ApiResult`).

use crate::view::View;

/// The table's caption, as the page shows it and the exports write it.
pub fn table_caption(period: &str, budget: &str) -> String {
    format!("Most requests per {period} that {budget} buys, by Lambda GB-s per request")
}

/// The table's column headings, as the page shows them and the exports
/// write them.
pub fn table_headers(period: &str) -> [String; 3] {
    [
        "GB-s per request".to_string(),
        format!("Requests per {period} (x86_64)"),
        format!("Requests per {period} (arm64)"),
    ]
}

impl View {
    /// The table's caption, as the page shows it.
    pub fn table_caption(&self) -> String {
        table_caption(self.period, &self.budget)
    }

    /// The table's column headings, as the page shows them.
    pub fn table_headers(&self) -> [String; 3] {
        table_headers(self.period)
    }
}

/// A Markdown cell: `|` escaped, line breaks flattened.
pub fn md_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '|' => out.push_str("\\|"),
            '\r' | '\n' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// The table as Markdown: the caption, the table (the row that meets the
/// needed volume in bold, as the page highlights it), and the price note.
pub fn markdown(v: &View) -> String {
    let mut out = format!("**{}**\n\n", md_cell(&v.table_caption()));
    let h = v.table_headers();
    out.push_str(&format!(
        "| {} | {} | {} |\n|:---|---:|---:|\n",
        md_cell(&h[0]),
        md_cell(&h[1]),
        md_cell(&h[2])
    ));
    for r in &v.table {
        let cells = [&r.gbs, &r.x86, &r.arm64].map(|c| {
            if r.meets {
                format!("**{}**", md_cell(c))
            } else {
                md_cell(c)
            }
        });
        out.push_str(&format!("| {} | {} | {} |\n", cells[0], cells[1], cells[2]));
    }
    out.push('\n');
    if v.table.iter().any(|r| r.meets) {
        out.push_str("Bold: the most GB-s per request that still serves the requests needed.\n");
    }
    if let Some(note) = &v.rows_note {
        out.push_str(&md_cell(note));
        out.push('\n');
    }
    for limit in &v.limits {
        out.push_str("Over a limit: the plan ");
        out.push_str(&md_cell(limit));
        out.push_str(".\n");
    }
    out.push_str(&md_cell(&v.price_note));
    out.push('\n');
    if let Some(n) = &v.book_notice {
        out.push('\n');
        out.push_str(&md_cell(&n.text));
        out.push('\n');
    }
    out
}

/// One CSV field: a cell that a spreadsheet would run as a formula
/// (starting with `=`, `+`, `-`, `@`, tab or CR) gets a leading `'`; a
/// field with a comma, quote or line break is quoted (RFC 4180).
pub fn csv_field(text: &str) -> String {
    // All ASCII, so bytes tell (the first byte of any other char is not).
    let quoted = text
        .bytes()
        .any(|b| matches!(b, b',' | b'"' | b'\r' | b'\n'));
    let mut t = String::with_capacity(text.len() + 3);
    if quoted {
        t.push('"');
    }
    if let Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') = text.bytes().next() {
        t.push('\'');
    }
    for c in text.chars() {
        // Only a quoted field can hold a quote; it is doubled.
        if c == '"' {
            t.push('"');
        }
        t.push(c);
    }
    if quoted {
        t.push('"');
    }
    t
}

/// The table as CSV (RFC 4180, CRLF line ends): the headings, then one
/// line per row, each cell exactly as the page shows it.
pub fn csv(v: &View) -> String {
    let mut out = String::new();
    let mut line = |cells: [&str; 3]| {
        for (i, c) in cells.into_iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(&csv_field(c));
        }
        out.push_str("\r\n");
    };
    let h = v.table_headers();
    line([&h[0], &h[1], &h[2]]);
    for r in &v.table {
        line([&r.gbs, &r.x86, &r.arm64]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Scenario;

    fn article() -> View {
        let (s, p) = Scenario::from_link("?budget=7&period=day&p.lambda_gbs=0.00001667");
        assert!(p.is_empty());
        View::new(&s)
    }

    #[test]
    fn markdown_is_the_articles_table() {
        let md = markdown(&article());
        let lines: Vec<&str> = md.lines().collect();
        assert_eq!(
            lines[0],
            "**Most requests per day that $7.00 buys, by Lambda GB-s per request**"
        );
        assert_eq!(
            lines[2],
            "| GB-s per request | Requests per day (x86_64) | Requests per day (arm64) |"
        );
        assert_eq!(lines[3], "|:---|---:|---:|");
        // 7 / (0.00001667 x 1 + 0.0000002) = 7 / 0.00001687 = 414,937.7.
        // The override is one flat price for the dimension, so arm64 pays
        // it too and shows the same counts.
        assert_eq!(lines[4], "| 1 | 414,937 | 414,937 |");
        // 7 / (0.00001667 x 128 + 0.0000002) = 7 / 0.00213396 = 3,280.28,
        // the last row that covers 3,000 a day: bold.
        assert_eq!(lines[8], "| **128** | **3,280** | **3,280** |");
        // 7 / (0.00001667 x 256 + 0.0000002) = 7 / 0.00426772 = 1,640.2.
        assert!(lines[12].starts_with("| 256 | 1,640 | "), "{}", lines[12]);
        assert_eq!(lines[13], "");
        // The article's link pins no book: the newest, the default.
        assert!(md.contains("Price book 2026-12"));
        assert!(md.contains("lambda_gbs = $0.00001667"));
    }

    #[test]
    fn csv_quotes_grouped_numbers_and_uses_crlf() {
        let c = csv(&article());
        let lines: Vec<&str> = c.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "GB-s per request,Requests per day (x86_64),Requests per day (arm64)"
        );
        assert_eq!(lines[1], "1,\"414,937\",\"414,937\"");
        assert_eq!(lines[5], "128,\"3,280\",\"3,280\"");
        // Without the override arm64 pays the book's 0.0000133334 per GB-s:
        // 7 / (0.0000133334 x 128 + 0.0000002) = 7 / 0.0017068752 = 4,101.06.
        let (s, _) = Scenario::from_link("");
        assert!(csv(&View::new(&s)).contains("\r\n128,\"3,280\",\"4,101\"\r\n"));
        assert_eq!(lines.len(), 11); // heading, 9 rows, and "" after the last CRLF
        assert_eq!(lines[10], "");
    }

    #[test]
    fn markdown_of_an_old_link_with_known_errors_says_so() {
        let (s, _) = Scenario::from_link("?prices=2026-11&region=af-south-1");
        let md = markdown(&View::new(&s));
        assert!(md.contains("\n\nBook 2026-11 has known errors in af-south-1: Lambda requests $0.2 per million (AWS: $0.27), "), "{md}");
        let (s, _) = Scenario::from_link("?region=af-south-1");
        assert!(!markdown(&View::new(&s)).contains("known errors"));
    }

    #[test]
    fn monthly_headers_name_the_period() {
        let (s, _) = Scenario::from_link("?period=month&budget=210");
        let v = View::new(&s);
        assert!(csv(&v).starts_with("GB-s per request,Requests per month (x86_64),"));
        assert!(markdown(&v).starts_with("**Most requests per month that $210.00 buys"));
    }

    #[test]
    fn csv_neutralises_formulas_and_quotes() {
        assert_eq!(csv_field("=1+1"), "'=1+1");
        assert_eq!(csv_field("+1"), "'+1");
        assert_eq!(csv_field("-1"), "'-1");
        assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_field("\tx"), "'\tx");
        assert_eq!(csv_field("\rx"), "\"'\rx\"");
        assert_eq!(
            csv_field("=HYPERLINK(\"x\",\"y\")"),
            "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\""
        );
        assert_eq!(csv_field("a\"b"), "\"a\"\"b\"");
        assert_eq!(csv_field("line\nbreak"), "\"line\nbreak\"");
        assert_eq!(csv_field("unlimited"), "unlimited");
        assert_eq!(csv_field("—"), "—");
    }

    #[test]
    fn markdown_escapes_pipes() {
        assert_eq!(md_cell("a|b\nc"), "a\\|b c");
    }

    #[test]
    fn markdown_doubles_backslashes() {
        // A backslash is doubled before the pipe's own is added; CR and LF
        // each become a space: a \ \ \ | b space space c.
        assert_eq!(md_cell("a\\|b\r\nc"), "a\\\\\\|b  c");
    }
}
