//! `cargo bench --bench archive [RECORDS]` (or `NEWSPARSE_BENCH_RECORDS=N`): builds an archive
//! of synthetic records (100,000 by default) through the library, then times the built
//! `newsparse` binary on `get`, adding one record and `cat`, and compares the size with
//! `zstd -19 --long=27` over the same JSON Lines. Prints figures and whether each target is met.

use newsparse::record::{Dateline, Format, Record, Section, Source, Teaser};
use newsparse::sink::archive::{Archive, Entry, WriteOptions, Writer};
use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// splitmix64: seeded, so every run measures the same data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
}

const SYLLABLES: &[&str] = &[
    "ge", "be", "ver", "an", "aus", "ein", "un", "wirt", "schaft", "lich", "keit", "ung", "heit", "stadt", "land",
    "bahn", "hof", "rat", "haus", "markt", "preis", "kraft", "werk", "zeit", "tag", "berg", "dorf", "feld", "wald",
    "see", "fluss", "brü", "cke", "schu", "le", "ar", "beit", "setz", "re", "gie", "rung", "bun", "des", "wahl",
    "kampf", "kehr", "stra", "ße", "platz", "kir", "che", "spiel", "mann", "frau", "kind", "er", "en", "ten", "isch",
    "lei", "tung", "ord", "nung", "for", "schung", "rich", "ter", "amt", "bau", "steu", "ener", "gie",
];
const SMALL: &[&str] = &[
    "der", "die", "das", "und", "in", "den", "von", "zu", "mit", "sich", "des", "auf", "für", "ist", "im", "dem",
    "nicht", "ein", "eine", "als", "auch", "es", "an", "werden", "aus", "er", "hat", "dass", "sie", "nach", "wird",
    "bei", "einer", "um", "am", "sind", "noch", "wie", "einem", "über", "einen", "so", "zum", "war", "haben", "nur",
    "oder", "aber", "vor", "zur", "bis", "mehr", "durch", "man", "sein", "wurde", "sei", "sagte", "laut", "rund",
];

/// A vocabulary of German-looking words drawn with Zipf-like frequencies.
struct Text {
    words: Vec<String>,
    cumulative: Vec<f64>,
}

impl Text {
    fn new(rng: &mut Rng) -> Text {
        let mut words: Vec<String> = SMALL.iter().map(|s| s.to_string()).collect();
        while words.len() < 6000 {
            let n = rng.range(2, 4);
            let mut w: String = (0..n).map(|_| SYLLABLES[rng.below(SYLLABLES.len())]).collect();
            if rng.below(2) == 0 {
                let mut c = w.chars();
                w = c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default();
            }
            words.push(w);
        }
        let mut total = 0.0;
        let cumulative = (0..words.len())
            .map(|r| {
                total += 1.0 / (r as f64 + 2.0);
                total
            })
            .collect();
        Text { words, cumulative }
    }

    fn word(&self, rng: &mut Rng) -> &str {
        let total = *self.cumulative.last().unwrap_or(&1.0);
        let x = (rng.next() >> 11) as f64 / (1u64 << 53) as f64 * total;
        let i = self.cumulative.partition_point(|&c| c < x).min(self.words.len() - 1);
        &self.words[i]
    }

    fn sentence(&self, rng: &mut Rng, lo: usize, hi: usize) -> String {
        let n = rng.range(lo, hi);
        let mut s = String::new();
        for i in 0..n {
            if i > 0 {
                s.push(if rng.below(12) == 0 { ',' } else { ' ' });
                if s.ends_with(',') {
                    s.push(' ');
                }
            }
            s.push_str(self.word(rng));
        }
        if let Some(f) = s.chars().next() {
            s.replace_range(..f.len_utf8(), &f.to_uppercase().to_string());
        }
        s.push('.');
        s
    }

    fn name(&self, rng: &mut Rng) -> String {
        let cap = |w: &str| {
            let mut c = w.chars();
            c.next().map(|f| f.to_uppercase().chain(c).collect::<String>()).unwrap_or_default()
        };
        format!("{} {}", cap(&self.words[100 + rng.below(300)]), cap(&self.words[400 + rng.below(2000)]))
    }
}

fn time_of(rng: &mut Rng) -> String {
    let (y, m, d) = (2019 + rng.below(8), 1 + rng.below(12), 1 + rng.below(28));
    let off = if (4..=9).contains(&m) { 2 } else { 1 };
    format!("{y}-{m:02}-{d:02}T{:02}:{:02}:{:02}+0{off}:00", rng.below(24), rng.below(60), rng.below(60))
}

/// What pages saved around the same time share: the portal's teaser list, its authors and
/// places. Teasers rotate slowly, as a "Weitere Meldungen" box does.
struct Pools {
    teasers: Vec<Teaser>,
    authors: Vec<String>,
    places: Vec<String>,
}

impl Pools {
    fn new(t: &Text, rng: &mut Rng) -> Pools {
        let teasers = (0..300).map(|_| teaser(t, rng)).collect();
        let authors = (0..150).map(|_| t.name(rng)).collect();
        let places = (0..80).map(|_| t.name(rng).split(' ').next().unwrap_or("Berlin").to_string()).collect();
        Pools { teasers, authors, places }
    }
}

fn teaser(t: &Text, rng: &mut Rng) -> Teaser {
    Teaser {
        headline: t.sentence(rng, 4, 9),
        summary: (rng.below(2) == 0).then(|| t.sentence(rng, 8, 16)),
        category: Some(["Politik", "Wirtschaft", "Sport", "Kultur", "Boerse"][rng.below(5)].to_string()),
        timestamp: Some(time_of(rng)),
        url: Some(format!("https://nachrichten.example/artikel/{:08x}", rng.next() as u32)),
    }
}

fn record(t: &Text, pools: &mut Pools, rng: &mut Rng) -> Record {
    let slot = rng.below(pools.teasers.len());
    pools.teasers[slot] = teaser(t, rng);
    let id = format!("{:016x}", rng.next());
    let headline = t.sentence(rng, 5, 11).trim_end_matches('.').to_string();
    let place = pools.places[rng.below(pools.places.len())].clone();
    let mut sections = Vec::new();
    for i in 0..rng.range(1, 4) {
        let heading = (i > 0).then(|| t.sentence(rng, 2, 5).trim_end_matches('.').to_string());
        let paragraphs = (0..rng.range(2, 4)).map(|_| t.sentence(rng, 15, 40)).collect();
        sections.push(Section { heading, paragraphs });
    }
    let timestamp = (rng.below(20) != 0).then(|| time_of(rng));
    let first = rng.below(pools.teasers.len() - 5);
    let teasers = pools.teasers[first..first + rng.below(5)].to_vec();
    Record {
        schema: "newsparse/1".into(),
        id: id.clone(),
        source: Source {
            path: format!("gespeichert/{}/{id}.html", 2019 + rng.below(8)),
            url: Some(format!("https://nachrichten.example/{}/{id}", place.to_lowercase())),
            format: [Format::Html, Format::Mhtml, Format::Text][rng.below(3)],
            encoding: "utf-8".into(),
            bytes: 20_000 + rng.below(200_000) as u64,
            sha256: (0..4).map(|_| format!("{:016x}", rng.next())).collect(),
            saved_at: None,
            warc: None,
        },
        language: Some("de".into()),
        site: Some("Nachrichten Beispiel".into()),
        kicker: (rng.below(3) == 0).then(|| t.sentence(rng, 1, 3).trim_end_matches('.').to_string()),
        headline,
        dateline: Some(Dateline { text: format!("{place} (dpa)"), places: vec![place], agency: Some("dpa".into()) }),
        timestamp,
        updated: None,
        authors: (0..rng.below(3)).map(|_| pools.authors[rng.below(pools.authors.len())].clone()).collect(),
        keywords: Vec::new(),
        lead: Some(t.sentence(rng, 15, 35)),
        sections,
        images: Vec::new(),
        credit: Some(format!("dpa-infocom, dpa:{:06}-99-{:06}/2", rng.below(999_999), rng.below(999_999))),
        teasers,
        warnings: vec![],
    }
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn mib(n: u64) -> String {
    format!("{:.1} MiB", n as f64 / (1u64 << 20) as f64)
}

fn verdict(ok: bool) -> &'static str {
    if ok { "ok" } else { "MISSED" }
}

fn run(bin: &Path, args: &[&str]) -> Duration {
    let start = Instant::now();
    let out =
        Command::new(bin).args(args).stdout(Stdio::null()).stderr(Stdio::piped()).output().expect("run newsparse");
    let d = start.elapsed();
    assert!(out.status.success(), "newsparse {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    d
}

fn main() {
    let count: usize = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .or_else(|| std::env::var("NEWSPARSE_BENCH_RECORDS").ok())
        .and_then(|s| s.replace('_', "").parse().ok())
        .unwrap_or(100_000);
    let bin = Path::new(env!("CARGO_BIN_EXE_newsparse"));
    let dir = tempfile::tempdir().expect("temp dir");
    let (arc, jsonl) = (dir.path().join("bench.jsonl.zst"), dir.path().join("bench.jsonl"));

    let mut rng = Rng(2026);
    let text = Text::new(&mut rng);
    let mut pools = Pools::new(&text, &mut rng);
    let start = Instant::now();
    let entries: Vec<Entry> =
        (0..count).map(|_| Entry::from_record(&record(&text, &mut pools, &mut rng)).expect("entry")).collect();
    let json_bytes: u64 = entries.iter().map(|e| e.json.len() as u64 + 1).sum();
    {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&jsonl).expect("jsonl"));
        for e in &entries {
            f.write_all(&e.json).and_then(|_| f.write_all(b"\n")).expect("write jsonl");
        }
        f.flush().expect("write jsonl");
    }
    println!(
        "generated {count} records, {} of JSON Lines ({} bytes/record) in {:.1} s",
        mib(json_bytes),
        json_bytes / count.max(1) as u64,
        start.elapsed().as_secs_f64()
    );
    let sample: Vec<String> = (0..7).map(|i| format!("{:016x}", entries[(i * 7919 + 13) % count].id)).collect();

    let start = Instant::now();
    let mut w = Writer::open(&arc, WriteOptions::default()).expect("open archive");
    for e in entries {
        w.add(e).expect("add");
    }
    w.commit().expect("commit");
    let build = start.elapsed();
    let size = std::fs::metadata(&arc).expect("archive").len();
    let st = Archive::open(&arc).and_then(|a| a.stats()).expect("stats");
    println!(
        "archive built (level 19, {} frames) in {:.1} s: {} = {:.1}% of the JSON Lines (data frames {}, index {})",
        st.frames,
        build.as_secs_f64(),
        mib(size),
        100.0 * size as f64 / json_bytes as f64,
        mib(st.data_bytes),
        mib(st.index_bytes)
    );

    let arc_s = arc.to_str().expect("utf-8 temp path");
    run(bin, &["archive", "get", arc_s, &sample[0]]); // warm the page cache
    let get = median(sample.iter().map(|id| run(bin, &["archive", "get", arc_s, id])).collect());

    let mut adds = Vec::new();
    for i in 0..7 {
        let one = dir.path().join(format!("one{i}.jsonl"));
        let e = Entry::from_record(&record(&text, &mut pools, &mut rng)).expect("entry");
        let mut line = e.json.clone();
        line.push(b'\n');
        std::fs::write(&one, line).expect("one");
        adds.push(run(bin, &["archive", "add", "-q", arc_s, "--from-jsonl", one.to_str().expect("utf-8")]));
    }
    let add1 = median(adds);

    let mut cats = Vec::new();
    let mut cat_bytes = 0u64;
    for _ in 0..3 {
        let start = Instant::now();
        let mut child =
            Command::new(bin).args(["archive", "cat", arc_s]).stdout(Stdio::piped()).spawn().expect("run cat");
        let mut out = child.stdout.take().expect("stdout");
        let mut buf = vec![0u8; 1 << 20];
        cat_bytes = 0;
        loop {
            let n = out.read(&mut buf).expect("read cat");
            if n == 0 {
                break;
            }
            cat_bytes += n as u64;
        }
        assert!(child.wait().expect("cat").success());
        cats.push(start.elapsed());
    }
    let cat = median(cats);
    let cat_rate = cat_bytes as f64 / 1e6 / cat.as_secs_f64();

    println!();
    println!(
        "size               {} ({:.1}% of JSON Lines)   target < 20%: {}",
        mib(size),
        100.0 * size as f64 / json_bytes as f64,
        verdict((size as f64) < 0.2 * json_bytes as f64)
    );
    match Command::new("zstd").arg("--version").output() {
        Err(_) => println!("zstd -19 --long=27 zstd not installed"),
        Ok(_) => {
            let start = Instant::now();
            let mut child = Command::new("zstd")
                .args(["-19", "--long=27", "-q", "-c"])
                .arg(&jsonl)
                .stdout(Stdio::piped())
                .spawn()
                .expect("run zstd");
            let mut reference = 0u64;
            let mut stdout = child.stdout.take().expect("stdout");
            let mut buf = vec![0u8; 1 << 20];
            while let Ok(n) = stdout.read(&mut buf) {
                if n == 0 {
                    break;
                }
                reference += n as u64;
            }
            assert!(child.wait().expect("zstd").success(), "zstd failed");
            let ratio = size as f64 / reference as f64;
            println!(
                "zstd -19 --long=27 {} in {:.0} s; archive/zstd = {ratio:.3}x   target <= 1.10x: {}",
                mib(reference),
                start.elapsed().as_secs_f64(),
                verdict(ratio <= 1.10)
            );
        }
    }
    println!(
        "get 1 record       {} (median of 7, process included)   target < 20 ms: {}",
        ms(get),
        verdict(get < Duration::from_millis(20))
    );
    println!(
        "add 1 record       {} (median of 7, process included)   target < 100 ms: {}",
        ms(add1),
        verdict(add1 < Duration::from_millis(100))
    );
    println!(
        "cat                {cat_rate:.0} MB/s of JSON ({} in {})   target >= 300 MB/s: {}",
        mib(cat_bytes),
        ms(cat),
        verdict(cat_rate >= 300.0)
    );
}
