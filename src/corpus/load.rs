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

/// The files to load below `paths` (see [`load_paths`]), each once, and a problem for each
/// path or entry that cannot be read.
pub(crate) fn list_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Problem>) {
    let mut files: Vec<PathBuf> = Vec::new();
    let mut problems: Vec<Problem> = Vec::new();
    for path in paths {
        match fs::metadata(path) {
            Err(e) => problems.push(problem(path, &describe_io(&e))),
            Ok(m) if m.is_dir() => {
                let before = files.len();
                let mut visited = HashSet::new();
                walk(path, &mut files, &mut problems, &mut visited);
                if files.len() == before {
                    problems.push(problem(path, NOTHING_IN_FOLDER));
                }
            }
            Ok(_) => files.push(path.clone()),
        }
    }
    // A file named twice (itself and inside a folder) loads once, where it first appears.
    let mut seen = HashSet::new();
    files.retain(|p| seen.insert(fs::canonicalize(p).unwrap_or_else(|_| p.clone())));
    (files, problems)
}

const NOTHING_IN_FOLDER: &str =
    "no articles, pages or feeds to load in this folder (.txt, .md, .markdown, .html, .htm, .xml, .rss, .atom, .json)";

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
    let (files, problems) = list_files(paths);
    let results = files
        .par_iter()
        .map(|p| {
            let name = p.display().to_string();
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
    let size = fs::metadata(path)?.len();
    if size > MAX_FILE_SIZE {
        return Err(LoadError::TooLarge { size, limit: MAX_FILE_SIZE });
    }
    Ok(fs::read(path)?)
}

fn problem(path: &Path, message: &str) -> Problem {
    Problem { path: path.display().to_string(), message: message.to_string() }
}

fn describe_io(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or folder".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => format!("cannot read: {e}"),
    }
}

fn is_supported(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else { return false };
    let name = name.to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    name.rsplit_once('.').is_some_and(|(_, e)| SUPPORTED_EXTENSIONS.contains(&e))
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, problems: &mut Vec<Problem>, visited: &mut HashSet<PathBuf>) {
    // Symlinked folders may form loops: visit each real folder once.
    if let Ok(real) = fs::canonicalize(dir) {
        if !visited.insert(real) {
            return;
        }
    }
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
    paths.sort();
    for p in paths {
        let hidden = p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        match fs::metadata(&p) {
            Err(e) => problems.push(problem(&p, &describe_io(&e))),
            Ok(m) if m.is_dir() => walk(&p, files, problems, visited),
            Ok(_) if is_supported(&p) => files.push(p),
            Ok(_) => problems.push(problem(
                &p,
                "skipped: not an article, page or feed (.txt, .md, .markdown, .html, .htm, .xml, .rss, .atom, .json)",
            )),
        }
    }
}
