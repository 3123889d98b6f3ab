//! Files the binary writes: each under a temporary name beside its target and renamed into
//! place when complete, so no half-written file ever has the name; created with the mode the
//! umask gives a new file, or keeping the mode of the file it replaces. A target that exists
//! and is no regular file (`/dev/null`, a named pipe, `/dev/stdout`) is written in place: a
//! rename would put a regular file where the device was. A symbolic link is written through:
//! the file it names is replaced, the link stays.

use super::io_reason;
use super::signals::Unfinished;
use anyhow::{Context, anyhow, bail};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// A file being written; dropped without [`Target::finish`], it leaves nothing behind.
pub struct Target {
    file: Sink,
    /// The target as the user named it, for messages.
    path: PathBuf,
    /// The file the rename replaces: `path`, or the file a link at `path` names.
    real: PathBuf,
}

enum Sink {
    Temp(BufWriter<tempfile::NamedTempFile>, Unfinished),
    InPlace(BufWriter<std::fs::File>),
}

/// A device, a pipe or a socket already at `path` (followed through links).
fn is_special(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir())
}

/// The file a rename onto `path` must replace: the file a symbolic link there names (also one
/// that does not exist yet), else `path` itself.
fn through_links(path: &Path) -> PathBuf {
    if !std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return path.to_path_buf();
    }
    std::fs::canonicalize(path)
        .or_else(|_| std::fs::read_link(path).map(|t| parent(path).join(t)))
        .unwrap_or_else(|_| path.to_path_buf())
}

fn parent(path: &Path) -> &Path {
    path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."))
}

/// `tempfile`'s errors name the temporary file; the reader wants the target's name.
fn temp_error(e: &io::Error) -> String {
    let s = io_reason(e);
    match s.find(" at path ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

impl Target {
    /// Checks that `path` can be written and starts its temporary file. Fails at once for a
    /// folder, a missing folder or one that cannot be written to.
    pub fn create(path: &Path) -> anyhow::Result<Target> {
        if path.is_dir() {
            bail!("{}: is a folder; -o takes a file name (one .json per page: --out-dir)", path.display());
        }
        if is_special(path) {
            let f = std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .map_err(|e| anyhow!("{}: cannot write: {}", path.display(), io_reason(&e)))?;
            return Ok(Target { file: Sink::InPlace(BufWriter::new(f)), path: path.to_path_buf(), real: path.into() });
        }
        let real = through_links(path);
        let dir = parent(&real);
        match std::fs::metadata(dir) {
            Ok(m) if m.is_dir() => {}
            Ok(_) => bail!("{}: cannot write: {} is not a folder", path.display(), dir.display()),
            Err(e) => bail!("{}: cannot write: folder {}: {}", path.display(), dir.display(), io_reason(&e)),
        }
        let (temp, unfinished) = Unfinished::create(|| temp_beside(&real), |t| t.path())
            .map_err(|e| anyhow!("{}: cannot write: {}", path.display(), temp_error(&e)))?;
        Ok(Target { file: Sink::Temp(BufWriter::new(temp), unfinished), path: path.to_path_buf(), real })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn write_all(&mut self, data: &[u8]) -> io::Result<()> {
        match &mut self.file {
            Sink::Temp(f, _) => f.write_all(data),
            Sink::InPlace(f) => f.write_all(data),
        }
    }

    /// Flushes, syncs and renames the file into place (a device or pipe: flushes).
    pub fn finish(self) -> anyhow::Result<()> {
        let name = self.path.display().to_string();
        match self.file {
            Sink::Temp(f, _unfinished) => {
                let temp = f.into_inner().map_err(|e| e.into_error()).with_context(|| name.clone())?;
                temp.as_file().sync_all().with_context(|| name.clone())?;
                temp.persist(&self.real).map_err(|e| e.error).with_context(|| name.clone())?;
            }
            Sink::InPlace(mut f) => f.flush().with_context(|| name.clone())?,
        }
        Ok(())
    }
}

/// A temporary file beside `path`: mode 0666 less the umask for a new file, the old file's
/// mode when it replaces one.
fn temp_beside(path: &Path) -> io::Result<tempfile::NamedTempFile> {
    let mut b = tempfile::Builder::new();
    b.prefix(".newsparse-");
    let old = std::fs::metadata(path).ok().filter(|m| m.is_file()).map(|m| m.permissions());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        b.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let temp = b.tempfile_in(parent(path))?;
    if let Some(mode) = old {
        // Set outright: the umask limited the mode the file was created with.
        temp.as_file().set_permissions(mode)?;
    }
    Ok(temp)
}

/// Writes a whole file at once, atomically (see [`Target`]).
pub fn write_atomic(path: &Path, data: &[u8]) -> io::Result<()> {
    std::fs::create_dir_all(parent(path))?;
    if is_special(path) {
        return std::fs::OpenOptions::new().write(true).open(path)?.write_all(data);
    }
    let real = through_links(path);
    let (mut temp, unfinished) = Unfinished::create(|| temp_beside(&real), |t| t.path())
        .map_err(|e| io::Error::new(e.kind(), temp_error(&e)))?;
    temp.write_all(data)?;
    temp.persist(&real).map_err(|e| e.error)?;
    unfinished.done();
    Ok(())
}

/// Checks before any page is parsed that `--out-dir DIR` is, or can be made, a folder.
pub fn prepare_dir(dir: &Path) -> anyhow::Result<()> {
    if dir.exists() && !dir.is_dir() {
        bail!("{}: not a folder", dir.display());
    }
    std::fs::create_dir_all(dir).map_err(|e| anyhow!("{}: cannot create the folder: {}", dir.display(), io_reason(&e)))
}

/// `a/b.html.gz` -> `a/b.json`: the page's own extensions replaced.
fn json_name(rel: &Path) -> PathBuf {
    let mut p = rel.to_path_buf();
    if p.extension().is_some_and(|e| e.eq_ignore_ascii_case("gz")) {
        p.set_extension("");
    }
    p.set_extension("json");
    p
}

/// The file under `--out-dir` for each page, by its path below the folder it was found in:
/// `b.html` -> `b.json`, or `b.html.json` where two pages of one folder share a stem
/// (`b.html`, `b.txt`). Two pages that would still write one file are refused, each pair
/// named: `Err` holds one line per clash.
pub fn out_names(dir: &Path, rels: &[&Path], displays: &[&str]) -> Result<Vec<PathBuf>, Vec<String>> {
    use std::collections::HashMap;
    let mut names: Vec<PathBuf> = rels.iter().map(|r| json_name(r)).collect();
    let mut count: HashMap<PathBuf, usize> = HashMap::new();
    for n in &names {
        *count.entry(n.clone()).or_default() += 1;
    }
    // A stem shared within one folder: keep the page's own extension in the name.
    let mut by_rel: HashMap<&Path, usize> = HashMap::new();
    for r in rels {
        *by_rel.entry(r).or_default() += 1;
    }
    for (n, r) in names.iter_mut().zip(rels) {
        if count[n] > 1 && by_rel[r] == 1 {
            *n = PathBuf::from(format!("{}.json", r.display()));
        }
    }
    let mut first: HashMap<&Path, usize> = HashMap::new();
    let mut clashes = Vec::new();
    for (i, n) in names.iter().enumerate() {
        if let Some(&j) = first.get(n.as_path()) {
            clashes.push(format!(
                "{}: both {} and {} would be written to this file",
                dir.join(n).display(),
                displays[j],
                displays[i]
            ));
        } else {
            first.insert(n, i);
        }
    }
    if clashes.is_empty() { Ok(names) } else { Err(clashes) }
}
