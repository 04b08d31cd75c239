//! Tests added to kill the mutants cargo-mutants found missed in the
//! streaming part of the billing-export reader (`actual.rs`: its readers,
//! slices, gzip and record bounds). Every expected value is worked out by
//! hand in the comment beside it.

use backcast_core::actual::{parse, parse_reader, Error, Format, Parser, Service};
use flate2::write::GzEncoder;
use flate2::Compression;
use rust_decimal_macros::dec;
use std::io::{ErrorKind, Read, Write};

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

/// Bytes after a gzip member that do not start another one.
const JUNK: &[u8] = b"this is not a gzip header";

/// A gzip member and junk after it.
fn with_junk(mut packed: Vec<u8>) -> Vec<u8> {
    packed.extend_from_slice(JUNK);
    packed
}

fn fail(bytes: &[u8]) -> Error {
    match parse(bytes) {
        Ok(a) => panic!("expected an error, got {a:?}"),
        Err(e) => e,
    }
}

/// A layout no format has: known bad from its header.
const UNKNOWN: &str = "Date,Amount\n2026-11-01,1\n";

#[test]
fn a_reader_interrupted_is_read_again() {
    /// Says Interrupted before every read, then gives 7 bytes.
    struct Interrupting<'a> {
        bytes: &'a [u8],
        interrupt: bool,
    }
    impl Read for Interrupting<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            self.interrupt = !self.interrupt;
            if self.interrupt {
                return Err(ErrorKind::Interrupted.into());
            }
            let n = self.bytes.len().min(7).min(buf.len());
            let (now, rest) = self.bytes.split_at(n);
            buf[..n].copy_from_slice(now);
            self.bytes = rest;
            Ok(n)
        }
    }
    let text = b"Service,Lambda($)\n2026-11-01,1.25\n2026-11-02,0.75\n";
    let a = parse_reader(Interrupting {
        bytes: text,
        interrupt: false,
    })
    .unwrap();
    // 1.25 + 0.75 = 2 over Nov 1 and 2: 2 days, 1 a day.
    assert_eq!(a.service(Service::Lambda), dec!(2));
    assert_eq!(a.days, 2);
    assert_eq!(a.per_day().unwrap().total(), dec!(1));
    assert_eq!(Ok(a), parse(text));
}

#[test]
fn the_parser_knows_a_cost_explorer_header() {
    let mut p = Parser::new();
    // Empty slices change nothing, before the start and after it.
    p.feed(b"");
    p.feed(b"Service,Lambda($)\n");
    p.feed(b"");
    assert_eq!(p.format(), Some(Format::CostExplorer));
    assert_eq!(p.consumed(), 18); // "Service,Lambda($)\n" is 18 bytes.
    p.feed(b"2026-11-01,1\n");
    assert_eq!(p.format(), Some(Format::CostExplorer));
    let a = p.finish().unwrap();
    assert_eq!(a.service(Service::Lambda), dec!(1));
    assert_eq!(a.days, 1);
}

#[test]
fn html_and_one_byte_files_are_not_csv() {
    let e = fail(b"<!DOCTYPE html>\n<html><body>Billing</body></html>\n");
    assert_eq!(e.to_string(), "not a CSV file: this is HTML or XML");
    // A file of one byte, too short to tell gzip by, is still read.
    assert_eq!(
        fail(b"<").to_string(),
        "not a CSV file: this is HTML or XML"
    );
    // (The header's problem is on line 1.)
    assert_eq!(
        fail(b"x").to_string(),
        "line 1: not a CSV file: the first line has no `,` or `;` between cells (it reads `x`)"
    );
}

#[test]
fn a_long_header_fed_in_slices_finds_its_separator() {
    // The first cell runs 1,500 spaces (trimmed away) before the first `;`:
    // the separator is told from the whole line, not its first kilobyte.
    let mut text = String::from("Service");
    text.push_str(&" ".repeat(1500));
    text.push_str(";Lambda($)\n2026-11-01;1,5\n2026-11-02;0,5\n");
    let mut p = Parser::new();
    for chunk in text.as_bytes().chunks(100) {
        p.feed(chunk);
    }
    let a = p.finish().unwrap();
    assert_eq!(a.format, Format::CostExplorer);
    // Decimal commas: 1.5 + 0.5 = 2 over 2 days.
    assert_eq!(a.service(Service::Lambda), dec!(2));
    assert_eq!(a.days, 2);
    assert!(a.issues.is_empty(), "{:?}", a.issues);
    assert_eq!(Ok(a), parse(text.as_bytes()));
}

/// A Cost Explorer file of four days, Lambda $1, $2, $4 and $8, whose
/// second and third rows are padded with `pad` repeated `kept` and
/// `left_out` times: the second row is kept and the third left out as too
/// long. Lambda 1 + 2 + 8 = 11 on Nov 1, 2 and 4: 3 days, 3 rows, and one
/// issue on line 4.
fn assert_second_kept_third_left_out(pad: &str, kept: usize, left_out: usize) {
    let mut text = String::from("Service,Lambda($)\n2026-11-01,1\n2026-11-02,2");
    text.push_str(&pad.repeat(kept));
    text.push_str("\n2026-11-03,4");
    text.push_str(&pad.repeat(left_out));
    text.push_str("\n2026-11-04,8\n");
    let a = parse(text.as_bytes()).unwrap();
    assert_eq!(a.service(Service::Lambda), dec!(11));
    assert_eq!((a.days, a.rows), (3, 3));
    assert_eq!(a.issues.len(), 1, "{:?}", a.issues);
    assert_eq!(a.issues[0].line, 4);
    assert_eq!(
        a.issues[0].message,
        "this row is too long to be a billing export's; left out"
    );
}

#[test]
fn records_up_to_a_mebibyte_are_kept_and_longer_ones_left_out() {
    // The cells' bytes, end to end: "2026-11-02" (10) + "2" + 1,000,000
    // spaces = 1,000,011 bytes, under 1 << 20 = 1,048,576: kept (the cell
    // reads 2). "2026-11-03" + "4" + 1,100,000 spaces = 1,100,011: over,
    // left out.
    assert_second_kept_third_left_out(" ", 1_000_000, 1_100_000);
}

#[test]
fn records_of_many_cells_are_kept_up_to_the_cell_buffers_bound() {
    // The cell buffer doubles from 64 up to its bound of 16,384: 64, 128,
    // …, 8,192, 16,384. "2026-11-02,2" and 11,998 more commas make 2 + 11,998
    // = 12,000 cells: kept (the extra cells are empty, past the header's
    // two). 2 + 19,998 = 20,000 cells, over 16,384: left out.
    assert_second_kept_third_left_out(",", 11_998, 19_998);
}

/// The reason a file known bad from its header stays the header's, however
/// its gzip data goes on.
fn assert_unknown_layout(r: Result<backcast_core::actual::Actual, Error>) {
    let e = r.unwrap_err();
    assert!(
        e.reason.message.starts_with("unknown layout"),
        "{}",
        e.reason
    );
}

#[test]
fn a_gzip_file_known_bad_is_not_read_on() {
    // A valid layout with junk after its gzip data is read, with the damage
    // noted: so the junk is seen when the data is read that far.
    let good = "Service,Lambda($)\n2026-11-02,1\n";
    let a = parse(&with_junk(gzip(good.as_bytes()))).unwrap();
    assert_eq!(a.service(Service::Lambda), dec!(1));
    assert_eq!(a.issues.len(), 1, "{:?}", a.issues);
    assert!(
        a.issues[0]
            .message
            .starts_with("the gzip data is damaged or cut short"),
        "{:?}",
        a.issues
    );

    // Many rows of digits that do not compress (a linear congruential
    // sequence), so the gzip data runs well past its first 4 KB, then junk:
    // the header fails in the first 4 KB, and the rest is not read, so the
    // reason is the layout, not the junk.
    let mut text = String::from("Date,Amount\n");
    let mut x: u64 = 12345;
    for _ in 0..2000 {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        text.push_str(&format!("2026-11-01,{}\n", x >> 30));
    }
    let packed = with_junk(gzip(text.as_bytes()));
    assert!(packed.len() > 3 * 4096, "{} bytes", packed.len());
    assert_unknown_layout(parse(&packed));

    // Cut short (no trailer): the same.
    let small = gzip(UNKNOWN.as_bytes());
    assert_unknown_layout(parse(&small[..small.len() - 8]));

    // Fed on after it failed, the rest is not read either.
    let mut p = Parser::new();
    p.feed(&small);
    assert!(p.failed().is_some());
    p.feed(JUNK);
    assert_unknown_layout(p.finish());
}
