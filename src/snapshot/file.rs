//! A snapshot file: a magic number, the format's version, then six sections (header, file
//! records, the articles' kept extraction, the articles, the extraction, the store's indexes), each its length, a checksum and its bytes (postcard).
//! Written to a temporary file beside it, synced and renamed into place, so a reader sees an
//! old snapshot or a new one, never half of one; read through a memory map, each section's
//! checksum tested before it is decoded.

use std::fs;
use std::hash::Hasher;
use std::io::{self, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// The first bytes of every snapshot.
const MAGIC: &[u8; 8] = b"SITREPSN";
/// The layout of the file and of what its sections hold: a snapshot of another format is
/// rebuilt, not read.
pub(crate) const FORMAT: u32 = 1;
/// Magic, format, then per section its length and checksum.
pub(crate) const SECTIONS: usize = 6;

/// The sections, in file order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Section {
    Header = 0,
    Records = 1,
    Kept = 2,
    Articles = 3,
    Extraction = 4,
    Store = 5,
}

/// Why a snapshot file cannot be used: said in one line, after the file's name.
#[derive(Debug, thiserror::Error)]
pub(crate) enum Unusable {
    #[error("no snapshot yet")]
    Missing,
    #[error("cannot be read ({0})")]
    Io(io::Error),
    #[error("not a sitrep snapshot")]
    Foreign,
    #[error("written in snapshot format {0}, this sitrep reads format {FORMAT}")]
    OtherFormat(u32),
    #[error("truncated ({0} bytes where {1} were written)")]
    Truncated(u64, u64),
    #[error("damaged (its {0} fails its check)")]
    Damaged(&'static str),
    #[error("its {0} section cannot be decoded ({1})")]
    Undecodable(&'static str, String),
    #[error("{0}")]
    Stale(String),
}

impl Section {
    fn name(self) -> &'static str {
        match self {
            Section::Header => "header",
            Section::Records => "file records",
            Section::Kept => "kept extraction",
            Section::Articles => "articles",
            Section::Extraction => "extraction",
            Section::Store => "store",
        }
    }
}

/// The checksum of a section's bytes (not cryptographic: it finds damage, not forgery).
pub(crate) fn checksum(bytes: &[u8]) -> u64 {
    let mut s = Sum::default();
    s.update(bytes);
    s.finish()
}

/// Blocks a checksum is summed by, so that it can be computed while a section streams out.
const BLOCK: usize = 1 << 16;

/// A checksum being summed: FxHash of each block, chained, then the length.
#[derive(Default)]
struct Sum {
    h: u64,
    len: u64,
    pending: Vec<u8>,
}

impl Sum {
    fn fold(h: u64, block: &[u8]) -> u64 {
        let mut x = rustc_hash::FxHasher::default();
        x.write_u64(h);
        x.write(block);
        x.finish()
    }

    fn update(&mut self, mut buf: &[u8]) {
        self.len += buf.len() as u64;
        if !self.pending.is_empty() {
            let take = (BLOCK - self.pending.len()).min(buf.len());
            self.pending.extend_from_slice(&buf[..take]);
            buf = &buf[take..];
            if self.pending.len() < BLOCK {
                return;
            }
            self.h = Sum::fold(self.h, &self.pending);
            self.pending.clear();
        }
        let mut blocks = buf.chunks_exact(BLOCK);
        for b in &mut blocks {
            self.h = Sum::fold(self.h, b);
        }
        self.pending.extend_from_slice(blocks.remainder());
    }

    fn finish(self) -> u64 {
        let h = if self.pending.is_empty() { self.h } else { Sum::fold(self.h, &self.pending) };
        Sum::fold(h, &self.len.to_le_bytes())
    }
}

/// An open snapshot file: its bytes mapped, its sections located.
pub(crate) struct Mapped {
    map: memmap2::Mmap,
    sections: [(usize, usize, u64); SECTIONS],
}

impl Mapped {
    /// Map `path` and locate its sections; the checksums are tested as sections are read.
    pub(crate) fn open(path: &Path) -> Result<Mapped, Unusable> {
        let file = match fs::File::open(path) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(Unusable::Missing),
            Err(e) => return Err(Unusable::Io(e)),
        };
        // SAFETY: snapshots are only ever replaced by rename, never written in place, so the
        // mapped file does not change under the map (another program truncating it could
        // still fault the read: the cache folder is sitrep's own).
        let map = unsafe { memmap2::Mmap::map(&file) }.map_err(Unusable::Io)?;
        let len = map.len() as u64;
        let head = 8 + 4 + SECTIONS * 16;
        if map.len() < 8 || &map[..8] != MAGIC {
            return Err(if map.len() < 8 && MAGIC.starts_with(&map) {
                Unusable::Truncated(len, head as u64)
            } else {
                Unusable::Foreign
            });
        }
        if map.len() < head {
            return Err(Unusable::Truncated(len, head as u64));
        }
        let format = u32::from_le_bytes(map[8..12].try_into().expect("4 bytes"));
        if format != FORMAT {
            return Err(Unusable::OtherFormat(format));
        }
        let mut sections = [(0, 0, 0); SECTIONS];
        let mut at = head as u64;
        for (i, s) in sections.iter_mut().enumerate() {
            let field =
                |k: usize| u64::from_le_bytes(map[12 + i * 16 + k..12 + i * 16 + k + 8].try_into().expect("8 bytes"));
            let (n, check) = (field(0), field(8));
            let end = at.checked_add(n).ok_or(Unusable::Damaged("table"))?;
            *s = (at as usize, end.min(len) as usize, check);
            at = end;
        }
        if at != len {
            return Err(if at > len { Unusable::Truncated(len, at) } else { Unusable::Damaged("table") });
        }
        Ok(Mapped { map, sections })
    }

    /// A section's bytes, their checksum tested.
    pub(crate) fn bytes(&self, s: Section) -> Result<&[u8], Unusable> {
        let (from, to, check) = self.sections[s as usize];
        let bytes = &self.map[from..to];
        if checksum(bytes) != check {
            return Err(Unusable::Damaged(s.name()));
        }
        Ok(bytes)
    }

    /// A section, decoded.
    pub(crate) fn decode<'a, T: serde::Deserialize<'a>>(&'a self, s: Section) -> Result<T, Unusable> {
        postcard::from_bytes(self.bytes(s)?).map_err(|e| Unusable::Undecodable(s.name(), e.to_string()))
    }
}

/// What a section is written from: a value to encode, or the bytes of an earlier
/// snapshot's section, copied as they are.
pub(crate) enum Part<'a> {
    Value(&'a (dyn erased::Encode + 'a)),
    Bytes(&'a [u8]),
}

/// Encoding behind a trait object, so the four sections of different types are written by
/// one loop.
pub(crate) mod erased {
    pub(crate) trait Encode {
        fn encode(&self, out: &mut dyn std::io::Write) -> Result<(), postcard::Error>;
    }
    impl<T: serde::Serialize> Encode for T {
        fn encode(&self, out: &mut dyn std::io::Write) -> Result<(), postcard::Error> {
            postcard::to_io(self, out).map(|_| ())
        }
    }
}

/// Write a snapshot to `path` atomically: into a temporary file in the same folder (named
/// for this process, so two processes never write one file), synced, then renamed over
/// `path`. Two processes writing the same snapshot at once each rename a whole file; the
/// last one stays.
pub(crate) fn write(path: &Path, parts: [Part<'_>; SECTIONS]) -> io::Result<u64> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    remove_abandoned(path);
    let tmp = temporary(path);
    let result = (|| {
        let file = fs::File::create(&tmp)?;
        let mut out = io::BufWriter::with_capacity(1 << 20, file);
        let head = 8 + 4 + SECTIONS * 16;
        out.write_all(MAGIC)?;
        out.write_all(&FORMAT.to_le_bytes())?;
        out.write_all(&[0u8; SECTIONS * 16])?;
        let mut table = [0u8; SECTIONS * 16];
        for (i, part) in parts.iter().enumerate() {
            let mut w = Summing { inner: &mut out, sum: Sum::default() };
            match part {
                Part::Value(v) => v.encode(&mut w).map_err(io::Error::other)?,
                Part::Bytes(b) => w.write_all(b)?,
            }
            let (len, check) = w.finish();
            table[i * 16..i * 16 + 8].copy_from_slice(&len.to_le_bytes());
            table[i * 16 + 8..i * 16 + 16].copy_from_slice(&check.to_le_bytes());
        }
        let mut file = out.into_inner().map_err(|e| e.into_error())?;
        let total = file.stream_position()?;
        file.seek(SeekFrom::Start(12))?;
        file.write_all(&table)?;
        file.sync_all()?;
        debug_assert!(total >= head as u64);
        Ok(total)
    })();
    match result {
        Ok(total) => match fs::rename(&tmp, path) {
            Ok(()) => {
                // the rename itself reaches the disk with the folder
                if let Ok(d) = fs::File::open(dir) {
                    let _ = d.sync_all();
                }
                Ok(total)
            }
            Err(e) => {
                let _ = fs::remove_file(&tmp);
                Err(e)
            }
        },
        Err(e) => {
            let _ = fs::remove_file(&tmp);
            Err(e)
        }
    }
}

/// How old a temporary file must be to count as left by a writer that was killed (a
/// snapshot of a million events is written in seconds).
const ABANDONED: std::time::Duration = std::time::Duration::from_secs(15 * 60);

/// Remove the temporary files of `path`'s snapshot that writers killed mid-way left behind.
fn remove_abandoned(path: &Path) {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name().and_then(|n| n.to_str())) else { return };
    let Ok(rd) = fs::read_dir(dir) else { return };
    let prefix = format!(".{name}.");
    for e in rd.flatten() {
        let old = e
            .metadata()
            .ok()
            .and_then(|m| m.modified().ok())
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|a| a > ABANDONED);
        let file = e.file_name();
        let file = file.to_string_lossy();
        if old && file.starts_with(&prefix) && file.ends_with(".tmp") {
            let _ = fs::remove_file(e.path());
        }
    }
}

/// `.NAME.PID.NANOS.tmp` beside `path`.
fn temporary(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let nanos =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.subsec_nanos()).unwrap_or(0);
    path.with_file_name(format!(".{name}.{}.{nanos}.tmp", std::process::id()))
}

/// A writer that counts and checksums what passes through it.
struct Summing<'a, W: Write> {
    inner: &'a mut W,
    sum: Sum,
}

impl<W: Write> Summing<'_, W> {
    fn finish(self) -> (u64, u64) {
        (self.sum.len, self.sum.finish())
    }
}

impl<W: Write> Write for Summing<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.sum.update(&buf[..n]);
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}
