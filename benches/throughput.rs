//! Throughput and memory of newsparse against the targets of the speed/memory issue.
//!
//!     cargo bench --bench throughput            # a generated corpus of 2,000 realistic pages
//!     cargo bench --bench throughput -- DIR     # any folder of .html / .html.gz pages
//!
//! Measures, for one thread and for all cores: pages/s and MB/s of HTML end to end
//! (`parse_page` plus JSON serialisation), against a parse-only baseline (the HTML parser alone
//! on the decoded text); the two-thread speedup; and peak resident memory of the CLI over
//! 10,000 pages. Every measurement is run three times and the median printed; the ratio of
//! end to end to parse-only is the median of five pairs of runs taken in turn.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const RUNS: usize = 3;
/// Pairs of 1-thread runs (parse-only, then end to end) for the ratio against its target.
const RATIO_PAIRS: usize = 5;
const GENERATED_PAGES: usize = 2_000;
const RSS_PAGES: usize = 10_000;

fn main() {
    // `cargo bench` passes `--bench`; anything else that is not a flag is the folder.
    let dir = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let started = Instant::now();

    let (label, pages) = match &dir {
        Some(d) => (format!("folder {d}"), load_dir(Path::new(d))),
        None => ("generated".to_string(), generate_corpus(GENERATED_PAGES, 0x6e65_7773)),
    };
    if pages.is_empty() {
        eprintln!("throughput: no .html/.htm/.html.gz pages found");
        std::process::exit(2);
    }
    let total: usize = pages.iter().map(|p| p.bytes.len()).sum();
    let mb = total as f64 / 1e6;
    println!("newsparse throughput benchmark");
    println!(
        "corpus:  {label}: {} pages, {mb:.1} MB of HTML (avg {:.0} KB/page)",
        pages.len(),
        total as f64 / 1e3 / pages.len() as f64
    );
    println!("cores:   {cores} (available_parallelism)");
    if let Some(load) =
        std::fs::read_to_string("/proc/loadavg").ok().and_then(|l| l.split_whitespace().next().map(str::to_owned))
    {
        let busy = load.parse::<f64>().is_ok_and(|l| l > 0.5);
        let note = if busy { " (other processes are running: thread speedups will read low)" } else { "" };
        println!("load:    {load} (1-minute load average at start){note}");
    }
    println!("runs:    {RUNS} per measurement, median shown; MB = 10^6 bytes of (decompressed) HTML");
    println!();

    let limits = newsparse::Limits::default();
    let failed = pages.iter().filter(|p| newsparse::parse_page(&p.bytes, &p.name, &limits).is_err()).count();
    println!(
        "records: {} parsed, {failed} failed (failures are timed too: they are part of a real run)",
        pages.len() - failed
    );
    println!();

    let texts = decode_all(&pages);
    let parse_only = median(|| parse_only_run(&texts, 1));
    let parse_only_2 = median(|| parse_only_run(&texts, 2));
    // The target's ratio is taken pair by pair, the two runs in turn, so that a machine whose
    // speed drifts between measurements (a shared one) does not bias it; the median pair counts.
    let mut ratios: Vec<f64> = (0..RATIO_PAIRS)
        .map(|_| {
            let p = parse_only_run(&texts, 1);
            end_to_end_run(&pages, 1).as_secs_f64() / p.as_secs_f64()
        })
        .collect();
    ratios.sort_by(f64::total_cmp);
    drop(texts);
    let e2e_1 = median(|| end_to_end_run(&pages, 1));
    let e2e_2 = median(|| end_to_end_run(&pages, 2));
    let e2e_all = if cores == 2 { e2e_2 } else { median(|| end_to_end_run(&pages, cores)) };

    let rate = |t: Duration| (pages.len() as f64 / t.as_secs_f64(), mb / t.as_secs_f64());
    let row = |name: &str, t: Duration, target: &str| {
        let (ps, mbs) = rate(t);
        println!("{name:<34} {:>8.2} s {:>9.0} pages/s {:>8.1} MB/s   {target}", t.as_secs_f64(), ps, mbs);
    };
    row("parse-only (scraper), 1 thread", parse_only, "");
    row("parse-only (scraper), 2 threads", parse_only_2, "");
    row("end to end, 1 thread", e2e_1, &verdict(mb / e2e_1.as_secs_f64() >= 40.0, "target >= 40 MB/s"));
    row("end to end, 2 threads", e2e_2, "");
    row(&format!("end to end, {cores} threads (all cores)"), e2e_all, "");
    println!();
    let ratio = ratios[RATIO_PAIRS / 2];
    println!(
        "{:<34} {ratio:>8.2}x   {} (median of {RATIO_PAIRS} pairs, {:.2}x to {:.2}x)",
        "end to end / parse-only time",
        verdict(ratio <= 1.5, "target <= 1.5x"),
        ratios[0],
        ratios[RATIO_PAIRS - 1]
    );
    let speedup = e2e_1.as_secs_f64() / e2e_2.as_secs_f64();
    let note = if cores < 2 { " (only 1 core: not meaningful)" } else { "" };
    println!("{:<34} {speedup:>8.2}x   {}{note}", "2-thread speedup", verdict(speedup >= 1.8, "target >= 1.8x"));
    let parse_speedup = parse_only.as_secs_f64() / parse_only_2.as_secs_f64();
    println!(
        "{:<34} {parse_speedup:>8.2}x   (what the machine allows: no shared state at all)",
        "2-thread speedup, parse-only"
    );
    if cores > 2 {
        let s = e2e_1.as_secs_f64() / e2e_all.as_secs_f64();
        println!("{:<34} {s:>8.2}x", format!("{cores}-thread speedup"));
    }
    println!();

    match vm_hwm_kb() {
        Some(kb) => println!(
            "{:<34} {:>8.1} MB   (this process: holds the corpus and its decoded text)",
            "peak RSS of the bench (VmHWM)",
            kb as f64 / 1024.0
        ),
        None => println!("peak RSS of the bench: /proc/self/status not readable, skipped"),
    }
    cli_rss(&pages);
    println!();
    println!("total bench time {:.0} s", started.elapsed().as_secs_f64());
}

fn verdict(ok: bool, target: &str) -> String {
    format!("{target}: {}", if ok { "met" } else { "NOT met" })
}

struct Page {
    name: String,
    bytes: Vec<u8>,
}

fn median(mut f: impl FnMut() -> Duration) -> Duration {
    let mut times: Vec<Duration> = (0..RUNS).map(|_| f()).collect();
    times.sort();
    times[RUNS / 2]
}

/// `parse_page` and JSON serialisation of every page on `threads` threads; wall-clock time.
fn end_to_end_run(pages: &[Page], threads: usize) -> Duration {
    let limits = newsparse::Limits::default();
    let next = AtomicUsize::new(0);
    let out_bytes = AtomicUsize::new(0);
    let start = Instant::now();
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                let mut n = 0;
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(p) = pages.get(i) else { break };
                    if let Ok(r) = newsparse::parse_page(&p.bytes, &p.name, &limits) {
                        n += serde_json::to_string(&r).map_or(0, |s| s.len());
                    }
                }
                out_bytes.fetch_add(n, Ordering::Relaxed);
            });
        }
    });
    let t = start.elapsed();
    std::hint::black_box(out_bytes.load(Ordering::Relaxed));
    t
}

/// Each page's text as the parser sees it: decoded by the input stage (not timed).
fn decode_all(pages: &[Page]) -> Vec<String> {
    let limits = newsparse::Limits::default();
    pages
        .iter()
        .map(|p| match newsparse::input::read(&p.bytes, &limits) {
            Ok(input) => input.text,
            Err(_) => String::from_utf8_lossy(&p.bytes).into_owned(),
        })
        .collect()
}

/// The HTML parser alone on every decoded page on `threads` threads, trees dropped.
fn parse_only_run(texts: &[String], threads: usize) -> Duration {
    let next = AtomicUsize::new(0);
    let start = Instant::now();
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                while let Some(text) = texts.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let html = scraper::Html::parse_document(text);
                    std::hint::black_box(&html);
                }
            });
        }
    });
    start.elapsed()
}

fn vm_hwm_kb() -> Option<u64> {
    proc_status_kb("/proc/self/status", "VmHWM:")
}

fn proc_status_kb(file: &str, key: &str) -> Option<u64> {
    let s = std::fs::read_to_string(file).ok()?;
    let line = s.lines().find(|l| l.starts_with(key))?;
    line[key.len()..].trim().trim_end_matches("kB").trim().parse().ok()
}

/// Peak RSS of the CLI over `RSS_PAGES` pages: the corpus is written once to a temporary
/// folder and linked in again until there are enough pages.
fn cli_rss(pages: &[Page]) {
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_newsparse"));
    let tmp = match tempfile::Builder::new().prefix("newsparse-bench-").tempdir() {
        Ok(t) => t,
        Err(e) => {
            println!("peak RSS of the CLI: no temp dir ({e}), skipped");
            return;
        }
    };
    let src = tmp.path().join("pages");
    let corpus = tmp.path().join("corpus");
    let copies = RSS_PAGES.div_ceil(pages.len());
    let prepared = (|| -> std::io::Result<()> {
        std::fs::create_dir_all(&src)?;
        for (i, p) in pages.iter().enumerate() {
            std::fs::write(src.join(format!("{i:05}.html")), &p.bytes)?;
        }
        for c in 0..copies {
            let d = corpus.join(format!("copy{c:02}"));
            std::fs::create_dir_all(&d)?;
            for i in 0..pages.len() {
                let from = src.join(format!("{i:05}.html"));
                let to = d.join(format!("{i:05}.html"));
                #[cfg(unix)]
                std::os::unix::fs::symlink(&from, &to)?;
                #[cfg(not(unix))]
                std::fs::copy(&from, &to).map(|_| ())?;
            }
        }
        Ok(())
    })();
    if let Err(e) = prepared {
        println!("peak RSS of the CLI: could not write the corpus ({e}), skipped");
        return;
    }
    let n = copies * pages.len();
    let label = format!("peak RSS of the CLI, {} pages", newsparse::batch::thousands(n));
    let target = "target < 100 MB";
    let time_v = Path::new("/usr/bin/time");
    let start = Instant::now();
    if time_v.exists() {
        let out = std::process::Command::new(time_v)
            .arg("-v")
            .arg(&bin)
            .arg("-q")
            .arg(&corpus)
            .stdout(std::process::Stdio::null())
            .output();
        let elapsed = start.elapsed();
        match out {
            Ok(out) => {
                let err = String::from_utf8_lossy(&out.stderr);
                let kb = err
                    .lines()
                    .find_map(|l| l.trim().strip_prefix("Maximum resident set size (kbytes):"))
                    .and_then(|v| v.trim().parse::<u64>().ok());
                match kb {
                    Some(kb) => {
                        let mb = kb as f64 / 1024.0;
                        println!("{label:<34} {mb:>8.1} MB   {} (/usr/bin/time -v)", verdict(mb < 100.0, target));
                        println!(
                            "{:<34} {:>8.1} s    {:.0} pages/s, all cores, writing JSON to /dev/null",
                            "  CLI wall time",
                            elapsed.as_secs_f64(),
                            n as f64 / elapsed.as_secs_f64()
                        );
                    }
                    None => println!("{label}: /usr/bin/time gave no figure, skipped"),
                }
            }
            Err(e) => println!("{label}: could not run the CLI ({e}), skipped"),
        }
    } else {
        // VmHWM only grows, so the last reading before the child exits is its peak.
        let child = std::process::Command::new(&bin)
            .arg("-q")
            .arg(&corpus)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn();
        let Ok(mut child) = child else {
            println!("{label}: could not run the CLI, skipped");
            return;
        };
        let status_file = format!("/proc/{}/status", child.id());
        let mut peak = 0;
        while child.try_wait().ok().flatten().is_none() {
            if let Some(kb) = proc_status_kb(&status_file, "VmHWM:") {
                peak = peak.max(kb);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let mb = peak as f64 / 1024.0;
        println!("{label:<34} {mb:>8.1} MB   {} (VmHWM polled from /proc)", verdict(mb < 100.0, target));
    }
}

/// Every `.html`, `.htm` and `.html.gz` below `dir`, gzip undone in memory, sorted by name.
fn load_dir(dir: &Path) -> Vec<Page> {
    let mut pages = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name().into_iter().filter_map(Result::ok) {
        let path = entry.path();
        let name = path.to_string_lossy().to_lowercase();
        if !entry.file_type().is_file() {
            continue;
        }
        let bytes = if name.ends_with(".html.gz") || name.ends_with(".htm.gz") {
            let Ok(raw) = std::fs::read(path) else { continue };
            let mut out = Vec::new();
            if flate2::read::MultiGzDecoder::new(&raw[..]).read_to_end(&mut out).is_err() {
                eprintln!("throughput: {}: not gzip, left out", path.display());
                continue;
            }
            out
        } else if name.ends_with(".html") || name.ends_with(".htm") {
            let Ok(b) = std::fs::read(path) else { continue };
            b
        } else {
            continue;
        };
        pages.push(Page { name: path.display().to_string(), bytes });
    }
    pages
}

// ---- the generated corpus ------------------------------------------------------------------

/// splitmix64: small, seeded, and the same corpus on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.below(list.len())]
    }
}

#[rustfmt::skip]
const NOUNS: &[&str] = &[
    "Regierung", "Stadtrat", "Bundestag", "Landkreis", "Gemeinde", "Polizei", "Feuerwehr", "Bahn", "Klinik",
    "Schule", "Hochschule", "Verband", "Gewerkschaft", "Behörde", "Ministerium", "Gericht", "Unternehmen", "Verein",
    "Museum", "Flughafen", "Hafen", "Brücke", "Autobahn", "Energiewende", "Wohnungsbau", "Inflation", "Haushalt",
    "Reform", "Studie", "Umfrage", "Wahl", "Koalition", "Opposition", "Bürgermeisterin", "Ministerpräsident",
    "Sprecherin", "Experten", "Anwohner", "Pendler", "Landwirte", "Verbraucher", "Mieter", "Ärzte", "Lehrkräfte",
    "Forscher", "Unwetter", "Hochwasser", "Hitzewelle", "Stromnetz", "Windpark", "Radweg", "Innenstadt",
    "Klimaschutz", "Steuer",
];
#[rustfmt::skip]
const VERBS: &[&str] = &[
    "beschließt", "fordert", "plant", "kritisiert", "prüft", "kündigt", "warnt vor", "setzt auf", "verschiebt",
    "erhöht", "senkt", "startet", "stoppt", "verteidigt", "begrüßt", "lehnt ab", "untersucht", "meldet", "erwartet",
];
#[rustfmt::skip]
const ADJ: &[&str] = &[
    "neue", "deutliche", "umstrittene", "geplante", "erste", "weitere", "schwierige", "große", "kleine",
    "regionale", "bundesweite", "kurzfristige", "langfristige", "zusätzliche", "überraschende", "digitale",
    "öffentliche",
];
#[rustfmt::skip]
const FILL: &[&str] = &[
    "am Donnerstag", "nach Angaben", "in der Nacht", "seit Jahren", "im kommenden Jahr", "nach langen
    Verhandlungen", "bis zum Sommer", "im Vergleich zum Vorjahr", "rund zwei Millionen Euro", "mehr als tausend
    Menschen", "vorerst", "laut einer Mitteilung", "am Rande einer Sitzung", "bei einer Pressekonferenz", "unter
    Berufung auf Kreise", "in mehreren Bundesländern", "vor allem im Süden", "trotz massiver Kritik", "wie
    erwartet", "zunächst nicht",
];
#[rustfmt::skip]
const PLACES: &[&str] = &[
    "Berlin", "Hamburg", "München", "Köln", "Frankfurt/Main", "Stuttgart", "Düsseldorf", "Leipzig", "Dresden",
    "Hannover", "Nürnberg", "Bremen", "Kiel", "Mainz", "Erfurt", "Potsdam", "Schwerin", "Magdeburg", "Saarbrücken",
];
#[rustfmt::skip]
const SECTIONS: &[&str] = &[
    "Politik", "Wirtschaft", "Panorama", "Sport", "Kultur", "Wissen", "Digital", "Reise", "Auto", "Gesundheit",
    "Regional", "Börse", "Karriere", "Familie", "Meinung", "Video", "Podcast", "Newsletter", "Wetter",
    "Verbraucher",
];
const NAMES: &[&str] = &["Anna", "Jan", "Lena", "Tobias", "Miriam", "Paul", "Sophie", "Felix", "Clara", "Jonas"];
const SURNAMES: &[&str] = &["Beispiel", "Muster", "Schneider", "Krüger", "Hofmann", "Lorenz", "Brandt", "Vogel"];

fn cap(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

fn sentence(r: &mut Rng) -> String {
    let mut words = vec![
        format!("Die {}", r.pick(NOUNS)),
        r.pick(VERBS).to_string(),
        format!("eine {}", r.pick(ADJ)),
        r.pick(NOUNS).to_string(),
    ];
    for _ in 0..r.range(1, 4) {
        words.push(r.pick(FILL).to_string());
        if r.below(2) == 0 {
            words.push(format!("für die {} {}", r.pick(ADJ), r.pick(NOUNS)));
        }
    }
    format!("{}.", cap(&words.join(" ")))
}

fn sentences(r: &mut Rng, lo: usize, hi: usize) -> String {
    (0..r.range(lo, hi)).map(|_| sentence(r)).collect::<Vec<_>>().join(" ")
}

fn headline(r: &mut Rng) -> String {
    format!("{} {} {} {}", r.pick(NOUNS), r.pick(VERBS), r.pick(ADJ), r.pick(NOUNS))
}

fn ident(r: &mut Rng) -> String {
    const SYL: &[&str] = &["ad", "nav", "tr", "cfg", "el", "init", "load", "slot", "uid", "cmp", "px", "ev", "qs"];
    (0..r.range(2, 4)).map(|i| if i == 0 { r.pick(SYL).to_string() } else { cap(r.pick(SYL)) }).collect()
}

/// Minified-looking script of about `size` bytes.
fn script(r: &mut Rng, size: usize) -> String {
    let mut s = String::with_capacity(size + 200);
    s.push_str("(function(w,d){\"use strict\";");
    while s.len() < size {
        let (a, b, c) = (ident(r), ident(r), ident(r));
        match r.below(5) {
            0 => s.push_str(&format!(
                "var {a}=w.{b}||{{}};{a}.{c}=function(e){{return e&&e.length>{}?e.slice(0,{}):e}};",
                r.below(90),
                r.below(50)
            )),
            1 => s.push_str(&format!(
                "d.addEventListener(\"{b}\",function(){{{a}.push({{id:\"{c}-{}\",t:Date.now()}})}});",
                r.next() % 100_000
            )),
            2 => s.push_str(&format!(
                "if(w.{a}&&w.{a}.{b}){{w.{a}.{b}(\"{c}\",{{slot:\"/{}/{}\",sizes:[[300,250],[728,90]]}})}}",
                r.next() % 9999,
                ident(r)
            )),
            3 => s.push_str(&format!(
                "{a}[\"{b}\"]=[{}];",
                (0..r.range(4, 12)).map(|_| (r.next() % 65536).to_string()).collect::<Vec<_>>().join(",")
            )),
            _ => s.push_str(&format!(
                "for(var i=0;i<{a}.length;i++){{if({a}[i]<{}&&{b}){{{c}({a}[i])}}}}",
                r.below(1000)
            )),
        }
    }
    s.push_str("})(window,document);");
    s
}

/// Stylesheet of about `size` bytes.
fn style(r: &mut Rng, size: usize) -> String {
    let mut s = String::with_capacity(size + 200);
    while s.len() < size {
        let cls = ident(r).to_lowercase();
        s.push_str(&format!(
            ".{cls}{{margin:{}px {}px;padding:{}px;color:#{:06x};font:{} {}px/1.{} sans-serif}}\n@media (max-width:{}px){{.{cls}__{}{{display:none}}}}\n",
            r.below(40), r.below(40), r.below(20), r.next() % 0xffffff, 300 + 100 * r.below(6), 12 + r.below(12), r.below(9), 480 + r.below(800), ident(r).to_lowercase()
        ));
    }
    s
}

fn link_list(r: &mut Rng, class: &str, n: usize) -> String {
    let mut s = format!("<ul class=\"{class}\">");
    for _ in 0..n {
        let sec = r.pick(SECTIONS);
        s.push_str(&format!(
            "<li class=\"{class}__item\"><a href=\"https://www.beispiel-nachrichten.de/{}/{}\" class=\"{class}__link\" data-track=\"{}\">{sec}</a></li>",
            sec.to_lowercase(),
            ident(r).to_lowercase(),
            ident(r)
        ));
    }
    s.push_str("</ul>\n");
    s
}

fn ad(r: &mut Rng) -> String {
    format!(
        "<div class=\"ad-slot ad-{}\" id=\"ad-{}\" data-ad-size=\"300x250\"><span class=\"ad-label\">Anzeige</span><div id=\"{}\"></div><script>{}</script></div>\n",
        ident(r).to_lowercase(),
        r.next() % 100_000,
        ident(r),
        script(r, 600)
    )
}

/// A saved article page of about 100–200 KB around a dpa-style article.
fn page(r: &mut Rng, n: usize) -> String {
    let target = r.range(100_000, 200_000);
    let h = headline(r);
    let place = r.pick(PLACES);
    let kicker = r.pick(SECTIONS);
    let (day, month, hour, min, sec) = (1 + r.below(28), 1 + r.below(12), r.below(24), r.below(60), r.below(60));
    let slug = format!("{}-{n}", ident(r).to_lowercase());
    let url = format!("https://www.beispiel-nachrichten.de/{}/{slug}.html", kicker.to_lowercase());
    let iso = format!("2026-{month:02}-{day:02}T{hour:02}:{min:02}:{sec:02}+01:00");
    let lead = sentences(r, 2, 3);

    let mut head = String::new();
    head.push_str(&format!("<meta charset=\"utf-8\"><title>{h} | Beispiel Nachrichten</title>\n"));
    head.push_str(&format!("<link rel=\"canonical\" href=\"{url}\">\n"));
    head.push_str(&format!("<meta property=\"og:title\" content=\"{h}\"><meta property=\"og:url\" content=\"{url}\"><meta property=\"og:locale\" content=\"de_DE\"><meta property=\"og:type\" content=\"article\">\n"));
    head.push_str(&format!(
        "<meta property=\"og:description\" content=\"{lead}\"><meta name=\"description\" content=\"{lead}\">\n"
    ));
    head.push_str(&format!("<meta property=\"article:published_time\" content=\"{iso}\"><meta property=\"article:section\" content=\"{kicker}\">\n"));
    for _ in 0..r.range(30, 60) {
        head.push_str(&format!("<meta name=\"{}\" content=\"{}\">\n", ident(r).to_lowercase(), ident(r)));
    }
    for _ in 0..r.range(5, 15) {
        head.push_str(&format!(
            "<link rel=\"preload\" as=\"script\" href=\"/assets/{}.js\">\n",
            ident(r).to_lowercase()
        ));
    }
    head.push_str(&format!(
        "<script type=\"application/ld+json\">{{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"{h}\",\"datePublished\":\"{iso}\",\"author\":{{\"@type\":\"Organization\",\"name\":\"dpa\"}}}}</script>\n"
    ));

    let mut article = String::new();
    article.push_str(&format!("<span class=\"kicker\">{kicker}</span>\n<h1 class=\"headline\">{h}</h1>\n"));
    article.push_str(&format!("<p class=\"date\">{day:02}.{month:02}.2026 - {hour:02}:{min:02}:{sec:02}</p>\n"));
    article.push_str(&format!("<p class=\"lead\">{lead}</p>\n"));
    article.push_str(&format!(
        "<figure><img src=\"/img/{}.jpg\" alt=\"\"><figcaption>{} Foto: {} {}/dpa</figcaption></figure>\n",
        ident(r),
        sentence(r),
        r.pick(NAMES),
        r.pick(SURNAMES)
    ));
    let paras = r.range(5, 12);
    for i in 0..paras {
        if i > 0 && i % 3 == 0 {
            article.push_str(&format!("<h2>{} {}</h2>\n", cap(r.pick(ADJ)), r.pick(NOUNS)));
        }
        let text = sentences(r, 2, 5);
        if i == 0 {
            article.push_str(&format!("<p>{place} (dpa) - {text}</p>\n"));
        } else {
            article.push_str(&format!("<p>{text}</p>\n"));
        }
        if i == 2 {
            article.push_str(&ad(r));
        }
    }
    article.push_str(&format!(
        "<p class=\"byline\">Von {} {}, dpa</p>\n<p class=\"credit\">© dpa-infocom, dpa:26{month:02}{day:02}-99-{:06}/2</p>\n",
        r.pick(NAMES),
        r.pick(SURNAMES),
        r.next() % 1_000_000
    ));
    article.push_str("<section class=\"teasers\"><h2>Weitere Meldungen</h2>\n");
    for _ in 0..r.range(3, 6) {
        article.push_str(&format!(
            "<div class=\"teaser\"><a href=\"/{}/{}.html\"><h3>{}</h3></a><p>{} ({}, {:02}.{:02}.2026 - {:02}:{:02}) weiterlesen...</p></div>\n",
            r.pick(SECTIONS).to_lowercase(),
            ident(r).to_lowercase(),
            headline(r),
            sentence(r),
            r.pick(SECTIONS),
            1 + r.below(28),
            1 + r.below(12),
            r.below(24),
            r.below(60)
        ));
    }
    article.push_str("</section>\n");

    let mut body = String::new();
    body.push_str(&format!(
        "<div id=\"cookie-banner\" class=\"cmp-overlay\"><p>{} Wir verwenden Cookies und ähnliche Technologien.</p><button>Alle akzeptieren</button><button>Einstellungen</button></div>\n",
        sentence(r)
    ));
    body.push_str(
        "<header class=\"site-header\"><a class=\"logo\" href=\"/\">Beispiel Nachrichten</a><nav class=\"main-nav\">",
    );
    let n_links = r.range(60, 120);
    body.push_str(&link_list(r, "main-nav", n_links));
    body.push_str("</nav></header>\n");
    body.push_str(&ad(r));
    body.push_str(&format!(
        "<nav class=\"breadcrumb\"><a href=\"/\">Startseite</a> › <a href=\"/{0}\">{1}</a></nav>\n",
        kicker.to_lowercase(),
        kicker
    ));
    body.push_str(&format!("<main><article class=\"article\" itemprop=\"articleBody\">\n{article}</article>\n"));
    body.push_str("<aside class=\"sidebar\"><h2>Meistgelesen</h2><ol>");
    for _ in 0..10 {
        body.push_str(&format!(
            "<li><a href=\"/{}/{}.html\">{}</a></li>",
            r.pick(SECTIONS).to_lowercase(),
            ident(r),
            headline(r)
        ));
    }
    body.push_str("</ol>");
    body.push_str(&ad(r));
    body.push_str("</aside></main>\n<footer class=\"site-footer\">");
    for _ in 0..4 {
        let n_links = r.range(15, 30);
        body.push_str(&link_list(r, "footer-nav", n_links));
    }
    body.push_str("<p>© 2026 Beispiel Nachrichten GmbH</p></footer>\n");

    // Fill up to the page's size with what real pages are heavy with: scripts and styles.
    let so_far = head.len() + body.len() + 200;
    let rest = target.saturating_sub(so_far);
    let css = rest / 4;
    let js = rest - css;
    let mut out = String::with_capacity(target + 4096);
    out.push_str("<!DOCTYPE html>\n<html lang=\"de\"><head>\n");
    out.push_str(&head);
    out.push_str(&format!("<style>{}</style>\n", style(r, css)));
    out.push_str(&format!("<script>{}</script>\n", script(r, js * 2 / 3)));
    out.push_str("</head>\n<body class=\"article-page\">\n");
    out.push_str(&body);
    out.push_str(&format!("<script>{}</script>\n", script(r, js / 3)));
    out.push_str("</body></html>\n");
    out
}

fn generate_corpus(n: usize, seed: u64) -> Vec<Page> {
    let mut r = Rng(seed);
    (0..n).map(|i| Page { name: format!("generated/{i:05}.html"), bytes: page(&mut r, i).into_bytes() }).collect()
}
