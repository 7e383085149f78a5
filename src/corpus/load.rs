//! Loading the embedded seeds and files or folders from disk.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::error::LoadError;
use super::parse::parse_file;
use super::{LoadReport, Problem};

/// File extensions loaded from folders (compared case-insensitively); each may also be
/// gzipped (`page.html.gz`).
pub const SUPPORTED_EXTENSIONS: [&str; 9] = ["txt", "md", "markdown", "html", "htm", "xml", "rss", "atom", "json"];

/// Files larger than this (or gzip files that unpack to more) are refused rather than read
/// into memory.
pub(crate) const MAX_FILE_SIZE: u64 = 512 * 1024 * 1024;

macro_rules! seeds {
    ($($name:literal),* $(,)?) => {
        [$(($name, include_bytes!(concat!("../../seeds/", $name)) as &[u8])),*]
    };
}

/// The seed corpus, embedded in the binary: `(file name, bytes)`.
const SEEDS: [(&str, &[u8]); 5] = seeds!(
    "000_4d22cf2adf4e168a.txt",
    "001_abb7e713285549bd.txt",
    "002_051bb3b622d477ed.txt",
    "003_7a49b44013ccec93.txt",
    "004_af50b2a087189622.txt",
);

/// The line (counted from 1) where byte `offset` of an article's file lies: `file` is an
/// [`Article::file`](super::Article::file), an embedded seed (`seeds/NAME`) or a path on
/// disk, read up to the offset. `None` when it cannot be read, is compressed, or is shorter
/// than the offset (it changed since it was loaded).
pub fn line_at(file: &str, offset: usize) -> Option<usize> {
    use std::io::Read;
    let count = |bytes: &[u8]| (bytes.len() == offset).then(|| memchr::memchr_iter(b'\n', bytes).count() + 1);
    if let Some(name) = file.strip_prefix("seeds/")
        && let Some((_, bytes)) = SEEDS.iter().find(|(n, _)| *n == name)
    {
        return bytes.get(..offset).and_then(count);
    }
    if file.ends_with(".gz") {
        return None;
    }
    let f = fs::File::open(file).ok()?;
    if !f.metadata().ok()?.is_file() {
        return None;
    }
    let mut head = Vec::with_capacity(offset.min(1 << 20));
    f.take(offset as u64).read_to_end(&mut head).ok()?;
    count(&head)
}

/// How folders are walked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LoadOptions {
    /// Follow symbolic links inside folders (`--follow`). Links named on the command line are
    /// always followed; inside folders they are skipped with a note unless this is set, so a
    /// link to the home folder is not walked by accident.
    pub follow: bool,
}

/// A file's size and modification time when it was listed: a file whose stamp has not
/// changed since it was last read is not read again (the watched library, the snapshot cache).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Stamp {
    pub len: u64,
    pub modified: Option<std::time::SystemTime>,
}

impl Stamp {
    pub(crate) fn of(m: &fs::Metadata) -> Stamp {
        Stamp { len: m.len(), modified: m.modified().ok() }
    }
}

/// The files to load below `paths` (see [`load_paths`]), each once with its stamp as listed,
/// and a problem for each path or entry that cannot be read or is not a regular file.
pub(crate) fn list_files(paths: &[PathBuf], opts: LoadOptions) -> (Vec<(PathBuf, Stamp)>, Vec<Problem>) {
    let mut files: Vec<(PathBuf, Stamp)> = Vec::new();
    let mut problems: Vec<Problem> = Vec::new();
    // A file named twice (itself and inside a folder, or through a link) loads once, where it
    // first appears.
    let mut seen: HashSet<FileId> = HashSet::new();
    for path in paths {
        match fs::metadata(path) {
            Err(e) => problems.push(problem(path, &describe_io(&e))),
            Ok(m) if m.is_dir() => {
                let before = files.len();
                walk(path, &m, opts, &mut files, &mut problems, &mut seen);
                if files.len() == before {
                    problems.push(problem(path, NOTHING_IN_FOLDER));
                }
            }
            Ok(m) if m.is_file() => {
                if seen.insert(FileId::of(&m, path)) {
                    files.push((path.clone(), Stamp::of(&m)));
                }
            }
            Ok(m) => problems.push(problem(path, &not_regular(&m))),
        }
    }
    (files, problems)
}

/// What identifies a file or folder: its device and inode (on Unix; elsewhere its canonical
/// path), so loops and second names are found without resolving every path.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum FileId {
    #[cfg(unix)]
    Inode(u64, u64),
    #[cfg_attr(unix, allow(dead_code))]
    Path(PathBuf),
}

impl FileId {
    fn of(m: &fs::Metadata, path: &Path) -> FileId {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let _ = path;
            FileId::Inode(m.dev(), m.ino())
        }
        #[cfg(not(unix))]
        {
            let _ = m;
            FileId::Path(fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()))
        }
    }
}

/// "not a regular file (a FIFO)": what is refused instead of being opened and read.
fn not_regular(m: &fs::Metadata) -> String {
    let ft = m.file_type();
    #[cfg(unix)]
    let kind = {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            "a FIFO"
        } else if ft.is_char_device() {
            "a character device"
        } else if ft.is_block_device() {
            "a block device"
        } else if ft.is_socket() {
            "a socket"
        } else {
            "a special file"
        }
    };
    #[cfg(not(unix))]
    let kind = if ft.is_symlink() { "a link" } else { "a special file" };
    format!("skipped: not a regular file ({kind})")
}

const NOTHING_IN_FOLDER: &str =
    "no articles, pages or feeds to load in this folder (.txt, .md, .markdown, .html, .htm, .xml, .rss, .atom, .json)";

/// What `paths` load, said for a message: the paths, or the embedded seeds when there are
/// none.
pub fn described(paths: &[PathBuf]) -> String {
    if paths.is_empty() {
        return "the embedded seeds".to_string();
    }
    paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
}

/// Load the seed corpus embedded in the binary. Articles carry `file = "seeds/NAME"`.
pub fn load_seeds() -> LoadReport {
    let results = SEEDS
        .par_iter()
        .map(|(name, bytes)| {
            let file = format!("seeds/{name}");
            let parsed = parse_file(&file, bytes);
            (file, parsed)
        })
        .collect();
    collect(results, Vec::new())
}

/// Load every supported file below the given paths: files are read whatever their extension,
/// folders are walked recursively for articles, pages and feeds ([`SUPPORTED_EXTENSIONS`]), gzipped or not (other files are
/// skipped with a note, hidden entries silently). Order is deterministic: the paths as given,
/// each folder's entries sorted by name. Files are read and parsed in parallel, each file's
/// bytes freed once it is parsed.
pub fn load_paths(paths: &[PathBuf]) -> LoadReport {
    load_paths_with(paths, LoadOptions::default())
}

/// As [`load_paths`], walking folders as `opts` says.
pub fn load_paths_with(paths: &[PathBuf], opts: LoadOptions) -> LoadReport {
    let (files, problems) = list_files(paths, opts);
    let results = files
        .par_iter()
        .map(|(p, _)| {
            let name = path_name(p);
            let parsed = read(p).and_then(|bytes| parse_file(&name, &bytes));
            (name, parsed)
        })
        .collect();
    collect(results, problems)
}

type Parsed = (String, Result<Vec<super::Article>, LoadError>);

fn collect(results: Vec<Parsed>, mut problems: Vec<Problem>) -> LoadReport {
    let mut articles = Vec::new();
    for (name, r) in results {
        match r {
            Ok(mut a) => articles.append(&mut a),
            Err(e) => problems.push(Problem { path: name, message: e.to_string() }),
        }
    }
    LoadReport { articles: super::copies::merge(articles), problems }
}

pub(crate) fn read(path: &Path) -> Result<Vec<u8>, LoadError> {
    use std::io::Read;
    // Only regular files are opened: opening a FIFO blocks until a writer comes, and a device
    // (`/dev/zero`) never ends. (Non-blocking, in case the file was swapped for a FIFO since.)
    let m = fs::metadata(path)?;
    if !m.is_file() {
        return Err(LoadError::NotRegular { detail: not_regular(&m) });
    }
    let mut opts = fs::OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.custom_flags(libc::O_NONBLOCK);
    }
    let f = opts.open(path)?;
    let m = f.metadata()?;
    if !m.is_file() {
        return Err(LoadError::NotRegular { detail: not_regular(&m) });
    }
    if m.len() > MAX_FILE_SIZE {
        return Err(LoadError::TooLarge { size: m.len(), limit: MAX_FILE_SIZE });
    }
    // The limit holds on the bytes read, whatever the size said.
    let mut bytes = Vec::with_capacity(m.len() as usize + 1);
    f.take(MAX_FILE_SIZE + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_FILE_SIZE {
        return Err(LoadError::TooLarge { size: bytes.len() as u64, limit: MAX_FILE_SIZE });
    }
    Ok(bytes)
}

fn problem(path: &Path, message: &str) -> Problem {
    Problem { path: path_name(path), message: message.to_string() }
}

/// A path as text that names the real file: bytes that are not UTF-8 (possible in Unix file
/// names) are written `\xNN` instead of being replaced, so two such files never share a name.
pub(crate) fn path_name(p: &Path) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let mut out = String::new();
        for chunk in p.as_os_str().as_bytes().utf8_chunks() {
            out.push_str(chunk.valid());
            for b in chunk.invalid() {
                out.push_str(&format!("\\x{b:02x}"));
            }
        }
        out
    }
    #[cfg(not(unix))]
    {
        p.display().to_string()
    }
}

fn describe_io(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or folder".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => format!("cannot read: {e}"),
    }
}

fn is_supported(path: &Path) -> bool {
    let Some(name) = path.file_name() else { return false };
    let name = super::text::kind_name(&name.to_string_lossy());
    name.rsplit_once('.').is_some_and(|(_, e)| SUPPORTED_EXTENSIONS.contains(&e))
}

/// The entries of a folder, depth first, each folder's entries by name. Iterative, and each
/// folder is recognised by its identity ([`FileId`]), so deep trees cost time in proportion
/// to their size (canonicalising every folder made 1,000 levels take 25 s).
fn walk(
    root: &Path,
    root_meta: &fs::Metadata,
    opts: LoadOptions,
    files: &mut Vec<(PathBuf, Stamp)>,
    problems: &mut Vec<Problem>,
    seen: &mut HashSet<FileId>,
) {
    let mut folders: HashSet<FileId> = HashSet::new();
    folders.insert(FileId::of(root_meta, root));
    // The entries still to visit, the next one last.
    let mut stack: Vec<PathBuf> = Vec::new();
    push_entries(root, &mut stack, problems);
    while let Some(p) = stack.pop() {
        let hidden = p.file_name().is_some_and(|n| n.as_encoded_bytes().starts_with(b"."));
        if hidden {
            continue;
        }
        let m = match fs::symlink_metadata(&p) {
            Err(e) => {
                problems.push(problem(&p, &describe_io(&e)));
                continue;
            }
            Ok(m) if m.file_type().is_symlink() => {
                if !opts.follow {
                    problems.push(problem(&p, "skipped: a symbolic link (--follow follows links inside folders)"));
                    continue;
                }
                match fs::metadata(&p) {
                    Ok(m) => m,
                    Err(e) => {
                        problems.push(problem(&p, &format!("a link to nothing readable: {}", describe_io(&e))));
                        continue;
                    }
                }
            }
            Ok(m) => m,
        };
        if m.is_dir() {
            // (A loop of links is walked once.)
            if folders.insert(FileId::of(&m, &p)) {
                push_entries(&p, &mut stack, problems);
            }
        } else if !m.is_file() {
            problems.push(problem(&p, &not_regular(&m)));
        } else if !is_supported(&p) {
            problems.push(problem(
                &p,
                "skipped: not an article, page or feed (.txt, .md, .markdown, .html, .htm, .xml, .rss, .atom, .json)",
            ));
        } else if seen.insert(FileId::of(&m, &p)) {
            let stamp = Stamp::of(&m);
            files.push((p, stamp));
        }
    }
}

/// Push a folder's entries on the stack so that they pop in name order.
fn push_entries(dir: &Path, stack: &mut Vec<PathBuf>, problems: &mut Vec<Problem>) {
    let entries = match fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            problems.push(problem(dir, &describe_io(&e)));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = Vec::new();
    for entry in entries {
        match entry {
            Ok(e) => paths.push(e.path()),
            Err(e) => problems.push(problem(dir, &describe_io(&e))),
        }
    }
    paths.sort_by(|a, b| b.file_name().cmp(&a.file_name()));
    stack.append(&mut paths);
}
