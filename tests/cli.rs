//! The command line's promises (issue 13) through the binary: no output file written twice,
//! modes that follow the umask, interrupts, early failure, a quiet closed pipe, message style,
//! the progress bar, man pages, `--files-from` and names that are not UTF-8.

use assert_cmd::Command;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_newsparse");

/// A small saved article page; `n` varies headline and text.
fn page(n: usize) -> String {
    let para = |k: usize| {
        format!(
            "<p>Die Arbeiten am Abschnitt {n} sollen im Frühjahr beginnen, teilte die Stadt am Montag mit. \
             Die Kosten liegen nach ersten Schätzungen bei rund {k} Millionen Euro, hieß es weiter.</p>"
        )
    };
    format!(
        "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>Meldung {n}</title></head>\
         <body><article><h1>Stadtrat beschließt Radweg Nummer {n}</h1>\
         <p class=\"date\">08.01.2026 - 15:{m:02}:00</p>{}{}{}</article></body></html>",
        para(1),
        para(2),
        para(3),
        m = n % 60
    )
}

fn write(path: &Path, data: impl AsRef<[u8]>) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, data).unwrap();
}

fn np() -> Command {
    let mut c = Command::cargo_bin("newsparse").unwrap();
    c.timeout(Duration::from_secs(120));
    c
}

fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn files_below(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(files_below(&p));
        } else {
            out.push(p);
        }
    }
    out.sort();
    out
}

fn no_temp_files(dir: &Path) {
    let left: Vec<_> = files_below(dir).into_iter().filter(|p| p.to_string_lossy().contains(".newsparse-")).collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
}

/// Runs a clash case: exit 1, both inputs named, nothing written.
fn refused(args: &[&Path], out: &Path, both: [&str; 2]) {
    let o = np().args(args).arg("--out-dir").arg(out).output().unwrap();
    let err = stderr_of(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("would be written to this file"), "{err}");
    for name in both {
        assert!(err.contains(name), "{name} not named: {err}");
    }
    assert!(files_below(out).is_empty(), "written anyway: {:?}", files_below(out));
}

#[test]
fn two_inputs_for_one_output_file_stop_the_run_before_anything_is_written() {
    let d = tempfile::tempdir().unwrap();
    let (a, b) = (d.path().join("col/a/x.html"), d.path().join("col/b/x.html"));
    write(&a, page(1));
    write(&b, page(2));
    let out = d.path().join("out");
    let (sa, sb) = (a.display().to_string(), b.display().to_string());
    // Two files of one name.
    refused(&[&a, &b], &out, [&sa, &sb]);
    // Two folders with the same relative names.
    refused(&[&d.path().join("col/a"), &d.path().join("col/b")], &out, [&sa, &sb]);
    // A folder and a file.
    refused(&[&d.path().join("col/a"), &b], &out, [&sa, &sb]);
    // One file given twice.
    refused(&[&a, &a], &out, [&sa, &sa]);
    // Two pages of one folder that share a stem keep apart by their extension.
    write(&d.path().join("col/a/x.txt"), "Stadtrat beschließt Radweg\n\nDie Arbeiten sollen beginnen.\n");
    let o = np().arg("-q").arg(d.path().join("col/a")).arg("--out-dir").arg(&out).output().unwrap();
    let names: Vec<String> =
        files_below(&out).iter().map(|p| p.file_name().unwrap().to_string_lossy().into_owned()).collect();
    assert!(names.contains(&"x.html.json".to_string()), "{names:?} {}", stderr_of(&o));
    assert!(!names.contains(&"x.json".to_string()), "{names:?}");
}

#[cfg(unix)]
fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(p).unwrap().permissions().mode() & 0o777
}

/// Runs newsparse under a umask.
#[cfg(unix)]
fn with_umask(umask: &str, args: &[&std::ffi::OsStr]) -> std::process::Output {
    let mut c = std::process::Command::new("sh");
    c.arg("-c").arg(format!("umask {umask}; exec \"$0\" \"$@\"")).arg(BIN).args(args);
    c.output().unwrap()
}

#[cfg(unix)]
#[test]
fn files_follow_the_umask_and_a_replaced_file_keeps_its_mode() {
    use std::os::unix::fs::PermissionsExt;
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("x.html");
    write(&p, page(1));
    let (all, out) = (d.path().join("all.jsonl"), d.path().join("out"));
    let o = with_umask("022", &[p.as_os_str(), "-o".as_ref(), all.as_os_str()]);
    assert!(o.status.success(), "{}", stderr_of(&o));
    assert_eq!(mode(&all), 0o644);
    let o = with_umask("027", &[p.as_os_str(), "--out-dir".as_ref(), out.as_os_str()]);
    assert!(o.status.success(), "{}", stderr_of(&o));
    assert_eq!(mode(&out.join("x.json")), 0o640);
    // A replaced file keeps its mode, whatever the umask.
    fs::set_permissions(&all, fs::Permissions::from_mode(0o664)).unwrap();
    let o = with_umask("077", &[p.as_os_str(), "-o".as_ref(), all.as_os_str()]);
    assert!(o.status.success(), "{}", stderr_of(&o));
    assert_eq!(mode(&all), 0o664);
}

/// `-o` naming a named pipe (as `/dev/null` or `/dev/stdout` are devices) writes into it; a
/// rename over it would leave a regular file where the pipe was.
#[cfg(unix)]
#[test]
fn output_to_a_pipe_or_device_is_written_in_place() {
    use std::os::unix::fs::FileTypeExt;
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("x.html");
    write(&p, page(1));
    let fifo = d.path().join("fifo");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::read_to_string(fifo).unwrap())
    };
    let o = np().arg(&p).arg("-o").arg(&fifo).output().unwrap();
    assert!(o.status.success(), "{}", stderr_of(&o));
    // Checked before the reader is joined: a replaced pipe leaves the reader waiting.
    assert!(fs::metadata(&fifo).unwrap().file_type().is_fifo(), "the pipe was replaced");
    let got = reader.join().unwrap();
    let v: serde_json::Value = serde_json::from_str(got.trim()).unwrap();
    assert_eq!(v["source"]["path"], p.to_str().unwrap());
    no_temp_files(d.path());
}

/// `-o` naming a symbolic link writes the file the link names and leaves the link (as
/// `-o /dev/stdout` with standard output sent to a file names that file); so does a link to a
/// file that does not exist yet.
#[cfg(unix)]
#[test]
fn output_through_a_link_replaces_the_file_it_names_and_keeps_the_link() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("x.html");
    write(&p, page(1));
    let real = d.path().join("records.jsonl");
    write(&real, "old\n");
    let link = d.path().join("link.jsonl");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let dangling = d.path().join("dangling.jsonl");
    std::os::unix::fs::symlink("new.jsonl", &dangling).unwrap();
    for (l, target) in [(&link, real.clone()), (&dangling, d.path().join("new.jsonl"))] {
        let o = np().arg(&p).arg("-o").arg(l).output().unwrap();
        assert!(o.status.success(), "{}", stderr_of(&o));
        assert!(fs::symlink_metadata(l).unwrap().file_type().is_symlink(), "the link was replaced");
        let v: serde_json::Value = serde_json::from_str(fs::read_to_string(&target).unwrap().trim()).unwrap();
        assert_eq!(v["source"]["path"], p.to_str().unwrap());
    }
    no_temp_files(d.path());
}

/// Waits until `ready` holds (or fails the test after 60 s).
fn wait_for(what: &str, ready: impl Fn() -> bool) {
    let start = Instant::now();
    while !ready() {
        assert!(start.elapsed() < Duration::from_secs(60), "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Starts newsparse with a standard input that stays open, so that it waits on a page from it.
#[cfg(unix)]
fn spawn_waiting(args: &[&std::ffi::OsStr]) -> std::process::Child {
    use std::process::Stdio;
    std::process::Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Sends `sig` and returns the exit code and stderr. Standard input stays open until the
/// process has ended, so that it cannot finish its run instead.
#[cfg(unix)]
fn signal(mut child: std::process::Child, sig: &str) -> (Option<i32>, String) {
    use std::io::Read;
    let stdin = child.stdin.take();
    let killed = std::process::Command::new("kill").args(["-s", sig, &child.id().to_string()]).status().unwrap();
    assert!(killed.success());
    let mut err = String::new();
    child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    let status = child.wait().unwrap();
    drop(stdin);
    (status.code(), err)
}

#[cfg(unix)]
#[test]
fn an_interrupt_removes_unfinished_files_says_so_and_leaves_finished_ones() {
    let d = tempfile::tempdir().unwrap();
    let pages = d.path().join("pages");
    for i in 0..3 {
        write(&pages.join(format!("p{i}.html")), page(i));
    }
    let out = d.path().join("out");
    // The pages of the folder are done, then the run waits on standard input.
    let child = spawn_waiting(&[
        "-j".as_ref(),
        "2".as_ref(),
        pages.as_os_str(),
        "-".as_ref(),
        "--out-dir".as_ref(),
        out.as_os_str(),
    ]);
    wait_for("three finished files", || {
        files_below(&out).iter().filter(|p| !p.to_string_lossy().contains(".newsparse-")).count() == 3
    });
    let (code, err) = signal(child, "INT");
    assert_eq!(code, Some(130), "{err}");
    assert!(err.lines().any(|l| l.ends_with("newsparse: interrupted")), "{err}");
    no_temp_files(&out);
    assert_eq!(files_below(&out).len(), 3);
    // --skip-existing resumes: only the page from standard input is parsed now.
    let o = np()
        .args(["-j", "2"])
        .arg(&pages)
        .arg("-")
        .arg("--out-dir")
        .arg(&out)
        .arg("--skip-existing")
        .write_stdin(page(7))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr_of(&o));
    assert!(stderr_of(&o).contains("1 parsed, 0 failed, 3 skipped"), "{}", stderr_of(&o));
    assert!(out.join("-.json").exists(), "{:?}", files_below(&out));

    // SIGTERM during -o: no temporary file, no target.
    let all = d.path().join("all.jsonl");
    let child = spawn_waiting(&["-".as_ref(), "-o".as_ref(), all.as_os_str()]);
    wait_for("the temporary file", || {
        fs::read_dir(d.path()).unwrap().flatten().any(|e| e.file_name().to_string_lossy().starts_with(".newsparse-"))
    });
    let (code, err) = signal(child, "TERM");
    assert_eq!(code, Some(143), "{err}");
    assert!(err.contains("newsparse: interrupted"), "{err}");
    assert!(!all.exists());
    no_temp_files(d.path());
}

#[cfg(unix)]
#[test]
fn an_interrupted_add_on_a_new_path_leaves_no_file() {
    let d = tempfile::tempdir().unwrap();
    let arc = d.path().join("neu.zst");
    let child = spawn_waiting(&["archive".as_ref(), "add".as_ref(), arc.as_os_str(), "-".as_ref()]);
    wait_for("the archive file", || arc.exists());
    let (code, err) = signal(child, "INT");
    assert_eq!(code, Some(130), "{err}");
    assert!(err.contains("newsparse: interrupted"), "{err}");
    assert!(!arc.exists(), "the new archive was left behind");
}

#[test]
fn output_targets_are_checked_before_any_page_is_parsed() {
    let d = tempfile::tempdir().unwrap();
    // An empty page from standard input would fail with `empty input`, were it parsed.
    let o = np().arg("-").arg("-o").arg(d.path()).output().unwrap();
    let err = stderr_of(&o);
    assert_eq!(o.status.code(), Some(1));
    assert!(err.contains("is a folder") && !err.contains("empty input"), "{err}");
    let missing = d.path().join("fehlt/x.jsonl");
    let o = np().arg("-").arg("-o").arg(&missing).output().unwrap();
    let err = stderr_of(&o);
    assert_eq!(o.status.code(), Some(1));
    assert!(err.starts_with(&format!("newsparse: {}: cannot write: ", missing.display())), "{err}");
    assert!(err.contains("No such file or directory"), "{err}");
    for bad in [".newsparse-", "os error", "empty input"] {
        assert!(!err.contains(bad), "{bad}: {err}");
    }
    let file = d.path().join("datei");
    write(&file, "x");
    let o = np().arg("-").arg("--out-dir").arg(&file).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr_of(&o).contains("not a folder"), "{}", stderr_of(&o));
}

#[cfg(unix)]
#[test]
fn fail_fast_stops_at_a_walk_failure_and_messages_carry_no_os_error_numbers() {
    let d = tempfile::tempdir().unwrap();
    let root = d.path().join("pages");
    for i in 0..5 {
        write(&root.join(format!("p{i}.html")), page(i));
    }
    std::os::unix::fs::symlink("000-schleife", root.join("000-schleife")).unwrap();
    let o = np().arg("--fail-fast").arg(&root).output().unwrap();
    let err = stderr_of(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(o.stdout.is_empty(), "the run went on past the failure");
    assert!(err.contains("000-schleife"), "{err}");
    assert!(!err.contains("os error"), "{err}");
    let o = np().arg(&root).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 5);
    assert!(!stderr_of(&o).contains("os error"), "{}", stderr_of(&o));
}

#[test]
fn a_closed_pipe_ends_the_run_quietly_with_status_0() {
    use std::io::{BufRead, BufReader, Read};
    use std::process::Stdio;
    let d = tempfile::tempdir().unwrap();
    // Far more output than a pipe buffers, so the writer must meet the closed pipe.
    for i in 0..400 {
        write(&d.path().join(format!("p{i:04}.html")), page(i));
    }
    for jobs in ["1", "3"] {
        let mut child = std::process::Command::new(BIN)
            .args(["-j", jobs])
            .arg(d.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut reader = BufReader::new(child.stdout.take().unwrap());
        let mut first = String::new();
        reader.read_line(&mut first).unwrap();
        assert!(first.starts_with('{'), "-j {jobs}: {first}");
        drop(reader);
        let mut err = String::new();
        child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(0), "-j {jobs}: {err}");
        assert!(err.is_empty(), "-j {jobs}: a closed pipe is not worth a word: {err}");
    }
}

#[test]
fn sizes_take_decimal_and_binary_units() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("x.html");
    write(&p, page(1));
    np().args(["--max-size", "10MB"]).arg(&p).assert().success();
    np().args(["--max-size", "64MiB"]).arg(&p).assert().success();
    write(&p, format!("{}<!-- {} -->", page(1), "x".repeat(1000)));
    let o = np().args(["--max-size", "1KB"]).arg(&p).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr_of(&o).contains("over the limit of 1000 bytes"), "{}", stderr_of(&o));
}

/// Runs `cmd` in a pseudo-terminal `cols` wide; `None` without `script(1)`.
fn in_terminal(cmd: &str, cols: u16) -> Option<String> {
    if std::process::Command::new("script").arg("--version").output().is_err() {
        println!("script(1) not installed: skipping the terminal check");
        return None;
    }
    let out = std::process::Command::new("script")
        .args(["-qec", &format!("stty cols {cols} rows 24; {cmd}"), "/dev/null"])
        .output()
        .unwrap();
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn the_bar_rounds_its_rate_keeps_off_records_on_the_screen_and_fits_narrow_terminals() {
    let d = tempfile::tempdir().unwrap();
    for i in 0..300 {
        write(&d.path().join(format!("p{i:04}.html")), page(i));
    }
    let dir = d.path().display();
    let Some(wide) = in_terminal(&format!("{BIN} -j 1 {dir} -o {dir}/all.jsonl"), 120) else { return };
    assert!(wide.contains("pages") && wide.contains("/s"), "no bar drawn: {wide:?}");
    let four = regex::Regex::new(r"\d\.\d{2,}/s").unwrap();
    assert!(!four.is_match(&wide), "{wide:?}");
    // Records on the same screen: no bar between them.
    let screen = in_terminal(&format!("{BIN} -j 1 {dir}"), 120).unwrap();
    assert!(screen.contains("\"headline\"") && !screen.contains("ETA"), "{}", &screen[..screen.len().min(2000)]);
    // A narrow terminal gets a line that fits.
    let narrow = in_terminal(&format!("{BIN} -j 1 {dir} -o {dir}/all.jsonl"), 30).unwrap();
    let ansi = regex::Regex::new(r"\x1b\[[0-9;?]*[A-Za-z]").unwrap();
    let plain = ansi.replace_all(&narrow, "");
    let longest = plain.split(['\r', '\n']).filter(|l| l.contains("/s")).map(|l| l.trim_end().chars().count()).max();
    assert!(narrow.contains("/s") && !narrow.contains("ETA"), "{narrow:?}");
    assert!(longest.unwrap_or(0) <= 30, "{narrow:?}");
}

#[test]
fn man_pages_cover_every_subcommand() {
    let d = tempfile::tempdir().unwrap();
    let o = np().args(["--generate", "man"]).arg(d.path()).output().unwrap();
    assert!(o.status.success(), "{}", stderr_of(&o));
    for name in ["newsparse.1", "newsparse-archive.1", "newsparse-archive-add.1", "newsparse-archive-repair.1"] {
        let page = fs::read_to_string(d.path().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(page.starts_with(".ie") || page.starts_with(".TH"), "{name}");
    }
    let o = np().args(["--generate", "man"]).output().unwrap();
    assert!(String::from_utf8_lossy(&o.stdout).contains("archive"));
}

#[test]
fn files_from_reads_paths_one_per_line() {
    let d = tempfile::tempdir().unwrap();
    let (a, b, c) = (d.path().join("a.html"), d.path().join("b.html"), d.path().join("c.html"));
    for (i, p) in [&a, &b, &c].into_iter().enumerate() {
        write(p, page(i));
    }
    let list = d.path().join("liste.txt");
    write(&list, format!("{}\r\n\n{}\n", b.display(), c.display()));
    let paths = |out: &[u8]| -> Vec<String> {
        String::from_utf8_lossy(out)
            .lines()
            .map(|l| {
                serde_json::from_str::<serde_json::Value>(l).unwrap()["source"]["path"].as_str().unwrap().to_string()
            })
            .collect()
    };
    let o = np().arg(&a).arg("--files-from").arg(&list).output().unwrap();
    assert!(o.status.success(), "{}", stderr_of(&o));
    let want: Vec<String> = [&a, &b, &c].iter().map(|p| p.display().to_string()).collect();
    assert_eq!(paths(&o.stdout), want);
    let o = np().args(["--files-from", "-"]).write_stdin(fs::read(&list).unwrap()).output().unwrap();
    assert_eq!(paths(&o.stdout), want[1..].to_vec());
    let o = np().arg("--files-from").arg(d.path().join("fehlt.txt")).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr_of(&o).contains("fehlt.txt: No such file or directory"), "{}", stderr_of(&o));
}

#[cfg(target_os = "linux")]
#[test]
fn names_that_are_not_utf8_fail_alike_as_argument_and_in_a_folder() {
    use std::os::unix::ffi::OsStrExt;
    let d = tempfile::tempdir().unwrap();
    let root = d.path().join("pages");
    write(&root.join("gut.html"), page(1));
    let odd = root.join(std::ffi::OsStr::from_bytes(b"caf\xe9.html"));
    write(&odd, page(2));
    // An asset with such a name is passed over like any asset.
    write(&root.join(std::ffi::OsStr::from_bytes(b"caf\xe9.css")), "body {}");
    let o = np().arg(&root).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 1);
    assert_eq!(stderr_of(&o).matches("not valid UTF-8").count(), 1, "{}", stderr_of(&o));
    assert!(stderr_of(&o).contains("1 parsed, 1 failed, 1 skipped"), "{}", stderr_of(&o));
    let o = np().arg(root.join("gut.html")).arg(&odd).output().unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr_of(&o));
    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 1);
    assert!(stderr_of(&o).contains("not valid UTF-8"), "{}", stderr_of(&o));
}
