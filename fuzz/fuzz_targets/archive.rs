//! Any bytes, read as an archive file, must give a typed error or readable records: opening,
//! listing, stats, cat, get, verify and salvage never panic, hang or allocate what the file
//! only claims to hold.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsparse::sink::archive::{Archive, salvage, verify};
use std::path::PathBuf;
use std::sync::OnceLock;

/// One file, rewritten for every input: the reader works on paths.
fn scratch() -> &'static PathBuf {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| DIR.get_or_init(|| tempfile::tempdir().expect("a temporary folder")).path().join("a.zst"))
}

fuzz_target!(|data: &[u8]| {
    let path = scratch();
    std::fs::write(path, data).expect("writing the scratch file");
    if let Ok(a) = Archive::open(path) {
        let _ = a.records();
        let _ = a.torn_tail();
        let _ = a.stats();
        let _ = a.cat(&mut std::io::sink());
        if let Ok(list) = a.list() {
            let ids: Vec<u64> = list.iter().take(8).map(|(id, _, _)| *id).chain([0, u64::MAX]).collect();
            let _ = a.get(&ids);
        }
    }
    let _ = verify(path);
    let _ = salvage(path, &mut std::io::sink());
});
