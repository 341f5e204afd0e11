//! Writing finished files: atomically, so a failed run never leaves a half-written file,
//! and an interrupted one (Ctrl-C) no temporary file either.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Temporary files being written now, removed by the interrupt handler. A file is created
/// and added under this lock, and the handler holds it from its look at the set until the
/// process ends: no thread creates a file the handler has not seen.
static IN_FLIGHT: Mutex<BTreeSet<PathBuf>> = Mutex::new(BTreeSet::new());

/// Whether the interrupt message is in English (the run's `--lang`); Dutch otherwise.
static ENGLISH: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Sets the language of the interrupt message.
pub fn interrupt_in_english(english: bool) {
    ENGLISH.store(english, std::sync::atomic::Ordering::Relaxed);
}

/// Folders removed when Ctrl-C stops popdruk: the temporary folder of `popdruk serve`.
static REMOVE_ON_INTERRUPT: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Has Ctrl-C (or SIGTERM) remove `dir` with everything in it, and end popdruk with exit 0
/// and a line saying so: how the page's server is stopped.
pub fn remove_on_interrupt(dir: PathBuf) {
    REMOVE_ON_INTERRUPT
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .push(dir);
}

/// The exit code of a run stopped by Ctrl-C (128 + SIGINT, as shells report it).
pub const INTERRUPTED: i32 = 130;

/// Makes Ctrl-C (and SIGTERM) remove the temporary files in flight before the process
/// ends, so an interrupted run leaves each output file either as it was or complete, and
/// nothing beside them. Call once, from `main`.
pub fn clean_up_on_interrupt() {
    // A handler that cannot be set (one is set already) leaves the default behaviour:
    // the run still never leaves a half-written file under a final name.
    let _ = ctrlc::set_handler(|| {
        // Held until the process ends: the writer threads go on while this runs, and one
        // that created a file after the set was read would leave it behind.
        let in_flight = in_flight();
        remove_tracked(&in_flight, |_| true);
        let folders = std::mem::take(
            &mut *REMOVE_ON_INTERRUPT
                .lock()
                .unwrap_or_else(|p| p.into_inner()),
        );
        if !folders.is_empty() {
            for dir in &folders {
                let _ = std::fs::remove_dir_all(dir);
            }
            let message = if ENGLISH.load(std::sync::atomic::Ordering::Relaxed) {
                "popdruk stopped: its temporary folder is removed"
            } else {
                "popdruk is gestopt: de tijdelijke map is verwijderd"
            };
            let _ = writeln!(std::io::stderr(), "{message}");
            std::process::exit(0);
        }
        let message = if ENGLISH.load(std::sync::atomic::Ordering::Relaxed) {
            "interrupted: no half-written files left"
        } else {
            "onderbroken: geen half geschreven bestanden achtergelaten"
        };
        let _ = writeln!(std::io::stderr(), "{message}");
        std::process::exit(INTERRUPTED);
        // `in_flight` is never dropped: exit does not return.
    });
}

/// The set of temporary files being written now, locked.
fn in_flight() -> std::sync::MutexGuard<'static, BTreeSet<PathBuf>> {
    IN_FLIGHT.lock().unwrap_or_else(|p| p.into_inner())
}

/// Removes the temporary files in `set` that `which` picks.
fn remove_tracked(set: &BTreeSet<PathBuf>, which: impl Fn(&Path) -> bool) {
    for f in set.iter().filter(|f| which(f)) {
        let _ = std::fs::remove_file(f);
    }
}

/// What a file holds: its bytes in one run, or in several written one after the other (a
/// long PDF whose content streams were made apart, see `pdf::Pieces`).
pub trait Content: Send {
    /// The runs of bytes, in order.
    fn runs(&self) -> Vec<&[u8]>;
}

impl<T: AsRef<[u8]> + Send> Content for T {
    fn runs(&self) -> Vec<&[u8]> {
        vec![self.as_ref()]
    }
}

impl Content for Box<dyn Content> {
    fn runs(&self) -> Vec<&[u8]> {
        (**self).runs()
    }
}

/// Writes `content` to `path` through a temporary file in the same folder and a rename.
pub fn write_atomic(path: &Path, content: impl Content) -> std::io::Result<()> {
    let (dir, name) = place(path);
    if let Err((_, (_, e))) = write_batch(vec![(path.to_path_buf(), content)], |_| Ok(())) {
        return Err(e);
    }
    remove_stale(&mut stale_in(dir), &name);
    Ok(())
}

/// The folder and the file name of `path`.
fn place(path: &Path) -> (&Path, String) {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    (dir, name)
}

/// A file written under its temporary name, not yet renamed.
struct Pending {
    path: PathBuf,
    tmp: PathBuf,
    file: Option<std::fs::File>,
}

/// Writes `bytes` to a new temporary file beside `path`. The temporary file is created new
/// (`O_EXCL`): whatever stands under its name already, a symlink planted there included,
/// is never opened or followed; another name is taken.
fn write_temporary(path: &Path, content: &dyn Content) -> std::io::Result<Pending> {
    let (dir, name) = place(path);
    let pid = std::process::id();
    let mut attempt = 0u32;
    let (tmp, mut f) = loop {
        let tmp = match attempt {
            0 => dir.join(format!(".{name}.{pid}.tmp")),
            n => dir.join(format!(".{name}.{pid}-{n}.tmp")),
        };
        // Created and known in one step, so an interrupt at any moment finds it: the
        // handler waits for the lock, and once it has it no file is created.
        let mut set = in_flight();
        match std::fs::File::options()
            .write(true)
            .create_new(true)
            .open(&tmp)
        {
            Ok(f) => {
                set.insert(tmp.clone());
                break (tmp, f);
            }
            Err(e) => {
                drop(set);
                if e.kind() != std::io::ErrorKind::AlreadyExists || attempt >= 100 {
                    return Err(e);
                }
                attempt += 1;
            }
        }
    };
    let written = content
        .runs()
        .into_iter()
        .try_for_each(|run| f.write_all(run));
    match written {
        Ok(()) => Ok(Pending {
            path: path.to_path_buf(),
            tmp,
            file: Some(f),
        }),
        Err(e) => {
            drop(f);
            forget_temporaries(std::slice::from_ref(&tmp));
            Err(e)
        }
    }
}

/// Removes temporary files and takes them off the set of those in flight.
fn forget_temporaries(tmps: &[PathBuf]) {
    for tmp in tmps {
        let _ = std::fs::remove_file(tmp);
    }
    let mut set = in_flight();
    for tmp in tmps {
        set.remove(tmp);
    }
}

/// At most this many files or folders are synced at once: the disk takes the syncs of many
/// files in about the time of one, so a few dozen files cost about what one did.
const SYNC_THREADS: usize = 8;

/// `sync` run on every item, on up to [`SYNC_THREADS`] threads; the result of each.
fn sync_in_parallel<T: Sync>(
    items: &[T],
    sync: impl Fn(&T) -> std::io::Result<()> + Sync,
) -> Vec<std::io::Result<()>> {
    if items.len() <= 1 {
        return items.iter().map(&sync).collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results: Vec<Mutex<Option<std::io::Result<()>>>> =
        items.iter().map(|_| Mutex::new(None)).collect();
    let work = || {
        loop {
            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some(item) = items.get(i) else { break };
            let done = sync(item);
            *results[i].lock().unwrap_or_else(|p| p.into_inner()) = Some(done);
        }
    };
    std::thread::scope(|scope| {
        // Helpers with small stacks; where the system gives no more threads (a memory cap,
        // a thread limit), the syncs go on with those there are, this one included.
        for _ in 1..items.len().min(SYNC_THREADS) {
            let helper = std::thread::Builder::new()
                .stack_size(64 << 10)
                .spawn_scoped(scope, work);
            if helper.is_err() {
                break;
            }
        }
        work();
    });
    results
        .into_iter()
        .map(|r| {
            r.into_inner()
                .unwrap_or_else(|p| p.into_inner())
                .unwrap_or_else(|| Err(std::io::Error::other("not synced")))
        })
        .collect()
}

/// Syncs a folder, so that the names just made in it are on disk too. A no-op where a
/// folder cannot be opened as a file (Windows, whose renames are written through).
fn sync_folder(dir: &Path) -> std::io::Result<()> {
    if cfg!(unix) {
        std::fs::File::open(dir)?.sync_all()
    } else {
        Ok(())
    }
}

/// Asks the file system to spread the folders made in `root` (one per employee) over the
/// disk, as it does for folders at its top: ext2/3/4's `T` attribute (`chattr +T`), a
/// hint to its block allocator and nothing more. Without it every new inode of the build
/// comes from the one block group of `root`, where ext4 without a journal skips, one by
/// one, each inode freed in the last minute (the last six while its inode table waits to
/// be written back: `recently_deleted` in its `ialloc.c`): right after the previous
/// build's files were removed or replaced, making 4,000 files and folders there took up
/// to 3.7 s of system time instead of 0.7 s (docs/performance.md, point 11). Where the
/// file system has no such attribute, nothing happens. Only for a folder the build itself
/// makes: the attributes of a folder that was already there are not popdruk's to change.
#[cfg(target_os = "linux")]
fn spread_subfolders(root: &Path) {
    use rustix::fs::{IFlags, ioctl_getflags, ioctl_setflags};
    let Ok(dir) = std::fs::File::open(root) else {
        return;
    };
    if let Ok(flags) = ioctl_getflags(&dir)
        && !flags.contains(IFlags::TOPDIR)
    {
        let _ = ioctl_setflags(&dir, flags | IFlags::TOPDIR);
    }
}

#[cfg(not(target_os = "linux"))]
fn spread_subfolders(_: &Path) {}

/// A file that could not be written, and why.
type Failed = (PathBuf, std::io::Error);

/// Writes `files` in order, as a batch: each to a temporary file beside it (after
/// `prepare` has seen its path), then all synced at once, then each renamed to its name,
/// then each folder synced once. A name therefore appears only for a file whose content is
/// on disk, and an interrupt leaves only temporary files, which the handler removes.
///
/// Returns the paths put in place, in order; on the first failure, the files before the
/// one that failed are in place, that one and those after it are not (their temporary
/// files are removed), and the failure is returned with its path.
fn write_batch<C: Content>(
    files: Vec<(PathBuf, C)>,
    mut prepare: impl FnMut(&Path) -> std::io::Result<()>,
) -> Result<Vec<PathBuf>, (Vec<PathBuf>, Failed)> {
    let mut failure: Option<Failed> = None;
    let mut pending = Vec::with_capacity(files.len());
    for (path, bytes) in files {
        // Each file's bytes are dropped once written: the page cache holds them now.
        match prepare(&path).and_then(|()| write_temporary(&path, &bytes)) {
            Ok(p) => pending.push(p),
            Err(e) => {
                failure = Some((path, e));
                break;
            }
        }
    }
    let synced = sync_in_parallel(&pending, |p| match &p.file {
        Some(f) => f.sync_all(),
        None => Ok(()),
    });
    if let Some(at) = synced.iter().position(Result::is_err) {
        if let Some(e) = synced.into_iter().nth(at).and_then(Result::err) {
            failure = Some((pending[at].path.clone(), e));
        }
        let dropped: Vec<PathBuf> = pending.drain(at..).map(|p| p.tmp).collect();
        forget_temporaries(&dropped);
    }
    let mut placed = Vec::with_capacity(pending.len());
    let mut left = Vec::new();
    for mut p in pending {
        // Closed before the rename: Windows renames no file that is open.
        drop(p.file.take());
        if !left.is_empty() {
            left.push(p.tmp);
            continue;
        }
        match std::fs::rename(&p.tmp, &p.path) {
            Ok(()) => placed.push((p.path, p.tmp)),
            Err(e) => {
                failure = Some((p.path, e));
                left.push(p.tmp);
            }
        }
    }
    forget_temporaries(&left);
    {
        let mut set = in_flight();
        for (_, tmp) in &placed {
            set.remove(tmp);
        }
    }
    let placed: Vec<PathBuf> = placed.into_iter().map(|(path, _)| path).collect();
    let mut folders: Vec<&Path> = placed.iter().map(|p| place(p).0).collect();
    folders.sort_unstable();
    folders.dedup();
    let synced = sync_in_parallel(&folders, |d| sync_folder(d));
    if let Some((dir, e)) = folders
        .iter()
        .zip(synced)
        .find_map(|(d, r)| Some((d, r.err()?)))
    {
        // The first file placed in that folder is the one reported.
        if let Some(path) = placed.iter().find(|p| place(p).0 == *dir) {
            failure.get_or_insert((path.clone(), e));
        }
    }
    match failure {
        None => Ok(placed),
        Some(f) => Err((placed, f)),
    }
}

/// `path` as the file system will find it: absolute, with symlinks followed as far as it
/// exists, and `.` and `..` taken away.
pub fn resolve(path: &Path) -> PathBuf {
    use std::path::Component;
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut base = PathBuf::new();
    for part in absolute.components() {
        match part {
            Component::CurDir => {}
            // After the symlinks up to here are followed, as the file system does.
            Component::ParentDir => {
                base.pop();
            }
            other => base.push(other),
        }
        if let Ok(real) = base.canonicalize() {
            base = real;
        }
    }
    base
}

/// `root` joined with `relative` (a path with `/` between its parts), proven to stay
/// inside `root`: every part a plain, non-empty name, never a root, a drive, `.` or `..`.
pub fn inside(root: &Path, relative: &str) -> std::io::Result<PathBuf> {
    use std::path::Component;
    let plain = |part: &str| {
        !part.is_empty()
            && part != "."
            && part != ".."
            && matches!(
                Path::new(part).components().collect::<Vec<_>>().as_slice(),
                [Component::Normal(_)]
            )
    };
    let joined = root.join(relative);
    if relative.split('/').all(plain) && joined.starts_with(root) {
        Ok(joined)
    } else {
        Err(std::io::Error::new(
            std::io::ErrorKind::InvalidFilename,
            format!("`{relative}` is not a name inside the output folder"),
        ))
    }
}

/// Whether `dir`, once made, lies inside `root` after following any symlinks on the way:
/// a folder planted as a link to elsewhere is not written into.
fn check_within(root: &Path, dir: &Path) -> std::io::Result<()> {
    let (root, dir) = (root.canonicalize()?, dir.canonicalize()?);
    if dir.starts_with(&root) {
        Ok(())
    } else {
        Err(std::io::Error::new(
            std::io::ErrorKind::InvalidFilename,
            format!(
                "the folder leads outside the output folder `{}`, to `{}`",
                root.display(),
                dir.display()
            ),
        ))
    }
}

/// The temporary files in `dir` that an earlier run left behind when it was killed outright
/// (no handler runs then): those of another process that is gone, or an hour old; each
/// with the name of the file it was to become.
fn stale_in(dir: &Path) -> Vec<(String, PathBuf)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let ours = std::process::id();
    let mut found = Vec::new();
    for entry in entries.flatten() {
        let file = entry.file_name();
        let file = file.to_string_lossy();
        let Some((name, pid)) = file
            .strip_prefix('.')
            .and_then(|rest| rest.strip_suffix(".tmp"))
            .and_then(|rest| rest.rsplit_once('.'))
            // `PID` or `PID-N` (a second name, when the first was taken).
            .and_then(|(name, pid)| {
                let pid = pid.split_once('-').map_or(pid, |(p, _)| p);
                Some((name, pid.parse::<u32>().ok()?))
            })
        else {
            continue;
        };
        if pid == ours {
            continue;
        }
        let proc = Path::new("/proc");
        let gone = proc.is_dir() && !proc.join(pid.to_string()).exists();
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age.as_secs() > 3600);
        if gone || old {
            found.push((name.to_string(), entry.path()));
        }
    }
    found
}

/// Removes the temporary files left for `name` among `stale` (from [`stale_in`]), and
/// forgets them.
fn remove_stale(stale: &mut Vec<(String, PathBuf)>, name: &str) {
    stale.retain(|(n, p)| {
        *n != name || {
            let _ = std::fs::remove_file(p);
            false
        }
    });
}

/// The most files [`Background`] writes and syncs as one batch.
const BATCH: usize = 64;

/// Writes files atomically on a thread of its own, so that waiting for the disk overlaps
/// making the next documents. The files queued while a batch is synced make up the next
/// batch (see [`write_batch`]): every file is still synced before its name appears, but
/// the disk syncs a batch in about the time it took to sync one file. Files are put in
/// place in the order they are sent; the first failure stops the writing and is returned
/// by [`Background::finish`].
pub struct Background {
    tx: Option<std::sync::mpsc::SyncSender<(PathBuf, Box<dyn Content>)>>,
    handle: Option<std::thread::JoinHandle<Result<(), (PathBuf, std::io::Error)>>>,
    failed: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl Background {
    /// Starts the writer of files inside `root` (a folder a file goes to is refused when
    /// it leads outside, through a symlink); `written` is called with each path once it
    /// is in place.
    pub fn spawn(root: PathBuf, mut written: impl FnMut(&Path) + Send + 'static) -> Background {
        // A few dozen finished files may wait: bounded, so memory stays bounded too.
        let (tx, rx) = std::sync::mpsc::sync_channel::<(PathBuf, Box<dyn Content>)>(BATCH);
        let failed = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let flag = failed.clone();
        let handle = std::thread::spawn(move || {
            // Per folder written to: the stale temporary files found there, read once (a
            // folder is created and read once per run, not once per file: on a slow disk
            // both cost about as much as writing the file).
            let mut folders: std::collections::HashMap<PathBuf, Vec<(String, PathBuf)>> =
                std::collections::HashMap::new();
            while let Ok(first) = rx.recv() {
                // What has queued up while the last batch was synced goes in this one.
                let mut batch = vec![first];
                while batch.len() < BATCH {
                    match rx.try_recv() {
                        Ok(file) => batch.push(file),
                        Err(_) => break,
                    }
                }
                let done = write_batch(batch, |path| {
                    let dir = place(path).0;
                    if !folders.contains_key(dir) {
                        // A folder this run makes gets the hint; one that was there
                        // (the user's own, or the previous run's, which has it) is left
                        // as it is.
                        if folders.is_empty() && !root.is_dir() {
                            std::fs::create_dir_all(&root)?;
                            spread_subfolders(&root);
                        }
                        std::fs::create_dir_all(dir)?;
                        check_within(&root, dir)?;
                        folders.insert(dir.to_path_buf(), stale_in(dir));
                    }
                    Ok(())
                });
                let (placed, failure) = match done {
                    Ok(placed) => (placed, None),
                    Err((placed, failure)) => (placed, Some(failure)),
                };
                for path in &placed {
                    let (dir, name) = place(path);
                    if let Some(stale) = folders.get_mut(dir) {
                        remove_stale(stale, &name);
                    }
                    written(path);
                }
                if let Some(failure) = failure {
                    flag.store(true, std::sync::atomic::Ordering::SeqCst);
                    return Err(failure);
                }
            }
            Ok(())
        });
        Background {
            tx: Some(tx),
            handle: Some(handle),
            failed,
        }
    }

    /// Queues a file; fails once an earlier file could not be written (see
    /// [`Background::finish`] for which and why).
    pub fn send(&self, path: PathBuf, content: impl Content + 'static) -> std::io::Result<()> {
        let stopped = || std::io::Error::other("an earlier file could not be written");
        if self.failed.load(std::sync::atomic::Ordering::SeqCst) {
            return Err(stopped());
        }
        match &self.tx {
            Some(tx) => tx.send((path, Box::new(content))).map_err(|_| stopped()),
            None => Err(stopped()),
        }
    }

    /// Waits until every queued file is written; the first file that could not be, and why.
    pub fn finish(mut self) -> Result<(), (PathBuf, std::io::Error)> {
        drop(self.tx.take());
        match self.handle.take().map(std::thread::JoinHandle::join) {
            Some(Ok(result)) => result,
            Some(Err(_)) => Err((
                PathBuf::new(),
                std::io::Error::other("the writing thread stopped"),
            )),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_later_run_removes_what_a_killed_run_left() {
        let dir = std::env::temp_dir().join(format!("popdruk-stale-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        // A temporary file of a process that is long gone, and one of another file.
        let stale = dir.join(".pop.pdf.4294967295.tmp");
        let other = dir.join(".afspraken.pdf.4294967295.tmp");
        let unrelated = dir.join(".pop.pdf.notes");
        for f in [&stale, &other, &unrelated] {
            std::fs::write(f, b"half").unwrap();
        }
        std::fs::File::options()
            .write(true)
            .open(&stale)
            .unwrap()
            .set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(7200))
            .unwrap();
        write_atomic(&dir.join("pop.pdf"), b"%PDF").unwrap();
        assert!(!stale.exists(), "the stale temporary file is removed");
        assert!(
            other.exists(),
            "only the file just written is cleaned up after"
        );
        assert!(
            unrelated.exists(),
            "files that are not popdruk's temporary files stay"
        );
        assert_eq!(std::fs::read(dir.join("pop.pdf")).unwrap(), b"%PDF");
        let _ = std::fs::remove_dir_all(&dir);
    }

    use super::*;

    #[test]
    fn writes_the_file_and_leaves_no_temporary_behind() {
        let dir = std::env::temp_dir().join(format!("popdruk-out-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("a.pdf");
        write_atomic(&p, b"%PDF-1.7").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"%PDF-1.7");
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn content_in_runs_is_written_run_after_run_through_the_background_writer() {
        // A long PDF's file and its content streams, made apart.
        struct Runs(Vec<Vec<u8>>);
        impl Content for Runs {
            fn runs(&self) -> Vec<&[u8]> {
                self.0.iter().map(Vec::as_slice).collect()
            }
        }
        let dir = std::env::temp_dir().join(format!("popdruk-runs-{}", std::process::id()));
        let runs = Runs(vec![
            b"%PDF-1.7\n".to_vec(),
            b"stream".to_vec(),
            b"\n%%EOF".to_vec(),
        ]);
        let writer = Background::spawn(dir.clone(), |_| {});
        writer.send(dir.join("M001/pop.pdf"), runs).unwrap();
        writer
            .send(dir.join("teammatrix.pdf"), b"%PDF-1.7".to_vec())
            .unwrap();
        writer.finish().unwrap();
        let pop = std::fs::read(dir.join("M001/pop.pdf")).unwrap();
        assert_eq!(pop, b"%PDF-1.7\nstream\n%%EOF");
        assert_eq!(
            std::fs::read(dir.join("teammatrix.pdf")).unwrap(),
            b"%PDF-1.7"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// Whether `dir`'s file system keeps ext4's `T` attribute, and whether `dir` has it.
    #[cfg(target_os = "linux")]
    fn topdir(dir: &Path) -> bool {
        let open = std::fs::File::open(dir).unwrap();
        rustix::fs::ioctl_getflags(&open).is_ok_and(|f| f.contains(rustix::fs::IFlags::TOPDIR))
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn the_output_folder_a_build_makes_spreads_its_folders_and_one_already_there_is_left_alone() {
        let base = std::env::temp_dir().join(format!("popdruk-spread-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&base);
        // Whether this file system has the attribute at all: tmpfs, for one, has not. Set
        // here directly, not through `spread_subfolders`: were that a no-op, both sides
        // would read "no T" and the test would pass.
        let probe = base.join("probe");
        std::fs::create_dir_all(&probe).unwrap();
        let open = std::fs::File::open(&probe).unwrap();
        let kept = rustix::fs::ioctl_getflags(&open).is_ok_and(|f| {
            rustix::fs::ioctl_setflags(&open, f | rustix::fs::IFlags::TOPDIR).is_ok()
        }) && topdir(&probe);
        let made = base.join("made/out");
        let there = base.join("there");
        std::fs::create_dir_all(&there).unwrap();
        for root in [&made, &there] {
            let writer = Background::spawn(root.clone(), |_| {});
            writer
                .send(root.join("M001/pop.pdf"), b"%PDF".to_vec())
                .unwrap();
            writer.finish().unwrap();
            assert_eq!(std::fs::read(root.join("M001/pop.pdf")).unwrap(), b"%PDF");
        }
        assert_eq!(topdir(&made), kept, "the folder the build made");
        assert!(
            !topdir(&there),
            "a folder that was there keeps its attributes"
        );
        assert!(!topdir(&made.join("M001")), "only the output folder");
        std::fs::remove_dir_all(&base).unwrap();
    }

    #[test]
    fn an_interrupt_removes_the_temporary_files_in_flight() {
        let dir = std::env::temp_dir().join(format!("popdruk-flight-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let tmp = dir.join(".a.pdf.1.tmp");
        std::fs::write(&tmp, b"%PDF-half").unwrap();
        in_flight().insert(tmp.clone());
        // Only this test's folder: other tests write files at the same time.
        remove_tracked(&in_flight(), |f| f.starts_with(&dir));
        in_flight().remove(&tmp);
        assert!(!tmp.exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_planted_at_the_temporary_name_is_never_followed() {
        let dir = std::env::temp_dir().join(format!("popdruk-link-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let victim = dir.join("personeelsdossier.txt");
        std::fs::write(&victim, b"kostbaar").unwrap();
        let planted = dir.join(format!(".pop.pdf.{}.tmp", std::process::id()));
        std::os::unix::fs::symlink(&victim, &planted).unwrap();
        write_atomic(&dir.join("pop.pdf"), b"%PDF-1.7").unwrap();
        assert_eq!(std::fs::read(&victim).unwrap(), b"kostbaar");
        assert_eq!(std::fs::read(dir.join("pop.pdf")).unwrap(), b"%PDF-1.7");
        assert!(planted.symlink_metadata().unwrap().is_symlink());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn only_plain_names_inside_the_output_folder_are_joined() {
        let root = Path::new("/tmp/uit");
        assert_eq!(
            inside(root, "M003-Yılmaz-Ayşe/pop-M003-Yılmaz-Ayşe.pdf").unwrap(),
            root.join("M003-Yılmaz-Ayşe/pop-M003-Yılmaz-Ayşe.pdf")
        );
        for bad in [
            "",
            "/pop-.pdf",
            "../pop.pdf",
            "a/../../b.pdf",
            "./a.pdf",
            "a//b.pdf",
            "a/",
        ] {
            let e = inside(root, bad).unwrap_err();
            assert_eq!(e.kind(), std::io::ErrorKind::InvalidFilename, "{bad}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_folder_linked_to_elsewhere_is_not_written_into() {
        let base = std::env::temp_dir().join(format!("popdruk-linked-{}", std::process::id()));
        let (root, elsewhere) = (base.join("uit"), base.join("elders"));
        std::fs::create_dir_all(&root).unwrap();
        std::fs::create_dir_all(&elsewhere).unwrap();
        std::os::unix::fs::symlink(&elsewhere, root.join("M003")).unwrap();
        let writer = Background::spawn(root.clone(), |_| {});
        writer
            .send(root.join("M003/pop.pdf"), b"%PDF".to_vec())
            .unwrap();
        assert!(writer.finish().is_err());
        assert_eq!(std::fs::read_dir(&elsewhere).unwrap().count(), 0);
        std::fs::remove_dir_all(&base).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_batch_puts_the_files_before_a_failure_in_place_and_none_after_it() {
        let base = std::env::temp_dir().join(format!("popdruk-batch-{}", std::process::id()));
        let (root, elsewhere) = (base.join("uit"), base.join("elders"));
        std::fs::create_dir_all(&root).unwrap();
        std::fs::create_dir_all(&elsewhere).unwrap();
        std::os::unix::fs::symlink(&elsewhere, root.join("M003")).unwrap();
        let files: Vec<(PathBuf, &[u8])> = vec![
            (root.join("a.pdf"), b"%PDF-a"),
            (root.join("M001/b.pdf"), b"%PDF-b"),
            (root.join("M003/c.pdf"), b"%PDF-c"),
            (root.join("d.pdf"), b"%PDF-d"),
        ];
        let (placed, (failed, _)) = write_batch(files, |path| {
            let dir = place(path).0;
            std::fs::create_dir_all(dir)?;
            check_within(&root, dir)
        })
        .unwrap_err();
        assert_eq!(placed, [root.join("a.pdf"), root.join("M001/b.pdf")]);
        assert_eq!(failed, root.join("M003/c.pdf"));
        assert_eq!(std::fs::read(root.join("M001/b.pdf")).unwrap(), b"%PDF-b");
        assert!(!root.join("d.pdf").exists());
        assert_eq!(std::fs::read_dir(&elsewhere).unwrap().count(), 0);
        let names: Vec<String> = std::fs::read_dir(&root)
            .unwrap()
            .chain(std::fs::read_dir(root.join("M001")).unwrap())
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(
            names.iter().all(|n| !n.ends_with(".tmp")),
            "temporary files left: {names:?}"
        );
        assert!(in_flight().iter().all(|f| !f.starts_with(&base)));
        std::fs::remove_dir_all(&base).unwrap();
    }

    #[test]
    fn a_failed_write_leaves_nothing() {
        // A folder that does not exist: an error, and no folder made.
        let p = Path::new("/nonexistent-popdruk-dir/a.pdf");
        assert!(write_atomic(p, b"x").is_err());
        assert!(!Path::new("/nonexistent-popdruk-dir").exists());
        // A write that fails after its bytes are written (the name is taken by a folder, so
        // the rename fails): the error is returned, the temporary file is gone, and what
        // stood under the name is untouched.
        let dir = std::env::temp_dir().join(format!("popdruk-failed-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let taken = dir.join("a.pdf");
        std::fs::create_dir_all(taken.join("inside")).unwrap();
        assert!(write_atomic(&taken, b"%PDF-1.7").is_err());
        let mut names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, ["a.pdf"], "only the folder that was there");
        assert!(taken.join("inside").is_dir());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
