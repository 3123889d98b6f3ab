//! SIGINT and SIGTERM: files this run has not finished are removed, `newsparse: interrupted`
//! goes to stderr, and the process ends with 130 (SIGINT) or 143 (SIGTERM), as a shell
//! reports a process killed by that signal. Finished work stays: every file newsparse writes
//! gets its name only by a rename once complete.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Files to remove should the run be interrupted: temporary files, and an archive this add
/// created.
static UNFINISHED: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Starts the thread that waits for the signals, and marks a signal the moment it arrives.
pub fn install() {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGINT, SIGTERM};
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM]) else { return };
        let waiting = std::thread::Builder::new().name("signals".into()).spawn(move || {
            if let Some(sig) = signals.forever().next() {
                interrupted(128 + sig);
            }
        });
        if waiting.is_err() {
            return;
        }
        for sig in [SIGINT, SIGTERM] {
            let _ = signal_hook::flag::register_usize(sig, std::sync::Arc::clone(&RECEIVED), sig as usize);
        }
    }
}

/// The signal received, set in the signal handler itself: a run that ends before the signal
/// thread is scheduled still ends as interrupted.
static RECEIVED: std::sync::LazyLock<std::sync::Arc<std::sync::atomic::AtomicUsize>> =
    std::sync::LazyLock::new(Default::default);

/// Ends the process as interrupted if a signal came while the command ran.
pub fn exit_if_interrupted() {
    let sig = RECEIVED.load(std::sync::atomic::Ordering::SeqCst);
    if sig != 0 {
        interrupted(128 + sig as i32);
    }
}

fn interrupted(code: i32) -> ! {
    let files = std::mem::take(&mut *UNFINISHED.lock().unwrap_or_else(|e| e.into_inner()));
    for f in files {
        let _ = std::fs::remove_file(f);
    }
    use std::io::{IsTerminal, Write};
    let mut err = std::io::stderr();
    // A progress bar may hold the line: start on a clean one.
    let clear = if err.is_terminal() { "\r\x1b[2K" } else { "" };
    let _ = writeln!(err, "{clear}newsparse: interrupted");
    std::process::exit(code);
}

/// Marks a file as unfinished until the guard is dropped (or [`Unfinished::done`]).
pub struct Unfinished(Option<PathBuf>);

impl Unfinished {
    /// Creates something at a path not known beforehand (a temporary file) and marks it, with
    /// no moment between the two when an interrupt would miss it.
    pub fn create<T>(
        make: impl FnOnce() -> std::io::Result<T>,
        path: impl Fn(&T) -> &Path,
    ) -> std::io::Result<(T, Unfinished)> {
        let mut list = UNFINISHED.lock().unwrap_or_else(|e| e.into_inner());
        let made = make()?;
        let p = path(&made).to_path_buf();
        list.push(p.clone());
        Ok((made, Unfinished(Some(p))))
    }

    pub fn new(path: &Path) -> Unfinished {
        UNFINISHED.lock().unwrap_or_else(|e| e.into_inner()).push(path.to_path_buf());
        Unfinished(Some(path.to_path_buf()))
    }

    /// The file is complete (renamed into place, or committed): keep it on interrupt.
    pub fn done(mut self) {
        self.forget();
    }

    fn forget(&mut self) {
        if let Some(p) = self.0.take() {
            let mut list = UNFINISHED.lock().unwrap_or_else(|e| e.into_inner());
            if let Some(i) = list.iter().rposition(|q| *q == p) {
                list.swap_remove(i);
            }
        }
    }
}

impl Drop for Unfinished {
    fn drop(&mut self) {
        self.forget();
    }
}
