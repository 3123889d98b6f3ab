//! Any bytes, under any claimed path, must give a record or a typed error: never a panic, a
//! hang or a memory blow-up. The first byte picks the path the page claims to come from, so the
//! path cannot steer detection (content decides, never the file name).
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsparse::{Limits, parse_page};

const PATHS: &[&str] = &["-", "page.html", "page.mhtml", "page.txt", "page.html.gz", "ordner/seite ä.htm", ""];

fuzz_target!(|data: &[u8]| {
    let (path, bytes) = match data.split_first() {
        Some((&b, rest)) => (PATHS[b as usize % PATHS.len()], rest),
        None => ("-", data),
    };
    // No wall-clock budget: a slow input must show up as a libFuzzer timeout, not hide
    // behind the page-timeout error.
    let limits = Limits { page_timeout: None, ..Limits::default() };
    if let Ok(record) = parse_page(bytes, path, &limits) {
        assert_eq!(record.source.path, path);
        assert_eq!(record.id.len(), 16);
        assert!(!record.headline.is_empty());
        serde_json::to_string(&record).expect("a record serialises");
    }
});
