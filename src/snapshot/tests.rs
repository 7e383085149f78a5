//! The snapshot cache against reading everything anew: every way a snapshot can be stale,
//! damaged or foreign gives the store a fresh load gives, and says so where it is due.

use std::fs;
use std::path::{Path, PathBuf};

use super::*;
use crate::corpus::load_paths_with;

/// Articles written for these tests: dated ones, an undated one (read against the corpus's
/// latest date), and one file holding a copy of another's text.
const STRIKE: &str = "Title: Strike on a depot\nDate: 2026-03-04\nSource: Test Wire\n\nRussian drones struck a fuel depot in Kharkiv on March 3, killing two people and injuring five, regional officials said. Firefighters worked through the night.\n";
const TALKS: &str = "Title: Talks in Geneva\nDate: 2026-03-05\nSource: Test Wire\n\nUkrainian and Turkish foreign ministers met in Geneva on Wednesday to discuss grain shipments through the Black Sea, the ministry said.\n";
const UNDATED: &str = "Title: Night raid\n\nOn Monday, Ukrainian forces shot down 14 drones over the Odesa region, the air force said, and debris damaged two houses.\n";
const CLASH: &str = "Title: Fighting near Pokrovsk\nDate: 2026-03-06\nSource: Other Paper\n\nRussian troops attacked Ukrainian positions near Pokrovsk on Thursday, the General Staff said, and the fighting went on for hours.\n";

fn long_copy() -> String {
    // long enough (80 words and more) to be compared by its text
    let para = "Residents of Zaporizhzhia said the shelling began before dawn on March 2 and went on for hours, damaging apartment blocks, a school and a power substation in the southern districts of the city, while rescuers searched the rubble for survivors and volunteers handed out water and blankets to families who had lost their homes.";
    format!("Title: Shelling of Zaporizhzhia\nDate: 2026-03-02\nSource: Test Wire\n\n{para} {para}\n")
}

struct Corpus {
    dir: tempfile::TempDir,
    cache: tempfile::TempDir,
}

impl Corpus {
    fn new() -> Corpus {
        let c = Corpus { dir: tempfile::tempdir().unwrap(), cache: tempfile::tempdir().unwrap() };
        c.put("a_strike.txt", STRIKE);
        c.put("b_talks.txt", TALKS);
        c.put("c_undated.txt", UNDATED);
        c.put("d_copy1.txt", &long_copy());
        c.put("e_copy2.txt", &long_copy());
        c
    }
    fn put(&self, name: &str, text: &str) -> PathBuf {
        let p = self.dir.path().join(name);
        fs::write(&p, text).unwrap();
        p
    }
    fn paths(&self) -> Vec<PathBuf> {
        vec![self.dir.path().to_path_buf()]
    }
    fn cache(&self) -> Cache {
        Cache { dir: self.cache.path().to_path_buf() }
    }
    fn snapshot(&self) -> PathBuf {
        self.cache().file_for(&self.paths(), LoadOptions::default())
    }
    /// Open through the cache.
    fn open(&self) -> Opened {
        open(&self.paths(), LoadOptions::default(), Some(&self.cache()), &|_| {})
    }
    /// The store of a load without any cache.
    fn fresh(&self) -> Store {
        let report = load_paths_with(&self.paths(), LoadOptions::default());
        let ex = crate::extract::run(&report.articles);
        Store::build(report.articles, ex)
    }
    /// Open through the cache and check the store against a fresh load.
    fn open_checked(&self) -> Opened {
        let o = self.open();
        same(&o.store, &self.fresh());
        o
    }
}

/// Two stores are the same: articles, extraction and every index.
fn same(a: &Store, b: &Store) {
    assert_eq!(a.articles(), b.articles(), "articles");
    let bytes = |v: &dyn erased_bytes::Bytes| v.bytes();
    assert!(bytes(a.extraction()) == bytes(b.extraction()), "extraction differs");
    assert!(bytes(a) == bytes(b), "store indexes differ");
    assert!(!a.events().is_empty(), "the test corpus yields events");
}

mod erased_bytes {
    pub trait Bytes {
        fn bytes(&self) -> Vec<u8>;
    }
    impl<T: serde::Serialize> Bytes for T {
        fn bytes(&self) -> Vec<u8> {
            postcard::to_allocvec(self).unwrap()
        }
    }
}

fn touch_later(p: &Path) {
    let f = fs::File::options().write(true).open(p).unwrap();
    let t = SystemTime::now() + std::time::Duration::from_secs(5);
    f.set_modified(t).unwrap();
}

#[test]
fn the_first_open_writes_a_snapshot_and_the_next_reads_it_whole() {
    let c = Corpus::new();
    let first = c.open_checked();
    assert_eq!(first.extracted, first.store.articles().len());
    assert!(first.notes.is_empty(), "{:?}", first.notes);
    assert!(c.snapshot().exists());
    let again = c.open_checked();
    assert_eq!((again.extracted, again.reused), (0, again.store.articles().len()));
    assert!(again.notes.is_empty(), "{:?}", again.notes);
    // the copy is one article listing the other file
    assert_eq!(again.store.articles().len(), 4);
    assert!(again.store.articles().iter().any(|a| a.extra.as_ref().is_some_and(|x| !x.copies.is_empty())));
}

#[test]
fn a_changed_file_alone_is_extracted_again() {
    let c = Corpus::new();
    c.open();
    c.put("a_strike.txt", &STRIKE.replace("two people", "three people"));
    let o = c.open_checked();
    assert_eq!(o.extracted, 1);
    assert!(o.store.events().iter().any(|e| e.killed == Some(3)));
    // and the snapshot now holds the change
    assert_eq!(c.open_checked().extracted, 0);
}

#[test]
fn new_and_deleted_files_and_a_changed_copy() {
    let c = Corpus::new();
    c.open();
    // (before the latest date, which the undated article is read against)
    c.put("f_clash.txt", &CLASH.replace("2026-03-06", "2026-03-01"));
    fs::remove_file(c.dir.path().join("a_strike.txt")).unwrap();
    let o = c.open_checked();
    assert_eq!(o.extracted, 1, "the new file only");
    // the file whose article was kept changes: its copy in the other file is the article now
    c.put("d_copy1.txt", STRIKE.replace("Kharkiv", "Sumy").as_str());
    let o = c.open_checked();
    assert_eq!(o.extracted, 2, "the changed file, and the copy it no longer stands for");
    assert_eq!(c.open_checked().extracted, 0);
}

#[test]
fn a_touched_file_is_compared_by_its_bytes() {
    let c = Corpus::new();
    c.open();
    touch_later(&c.dir.path().join("a_strike.txt"));
    let o = c.open_checked();
    assert_eq!(o.extracted, 0);
    // its new stamp is recorded: the next open does not read it
    let recs: Vec<Record> = Mapped::open(&c.snapshot()).unwrap().decode(Section::Records).unwrap();
    let now = Stamp::of(&fs::metadata(c.dir.path().join("a_strike.txt")).unwrap());
    assert!(recs.iter().any(|r| r.name.ends_with("a_strike.txt") && r.stamp == now));
}

#[test]
fn an_undated_article_is_extracted_again_when_the_corpus_latest_date_moves() {
    let c = Corpus::new();
    c.open();
    c.put("g_later.txt", &CLASH.replace("2026-03-06", "2026-04-20"));
    let o = c.open_checked();
    assert_eq!(o.extracted, 2, "the new file and the undated one read against its date");
}

#[test]
fn a_file_that_fails_is_reported_every_time_without_spoiling_the_snapshot() {
    let c = Corpus::new();
    fs::write(c.dir.path().join("z_bad.txt"), [0xff, 0xfe, 0x00, 0xd8, 0x00]).unwrap();
    let first = c.open();
    assert_eq!(first.problems.len(), 1, "{:?}", first.problems);
    let again = c.open_checked();
    assert_eq!(again.extracted, 0);
    assert_eq!(again.problems, first.problems);
}

/// Damage `c`'s snapshot with `spoil`, open, and check: the right store, one note naming
/// the snapshot with `said`, and a good snapshot written in its place.
fn recovers(spoil: impl FnOnce(&Corpus, &Path), said: &str) {
    let c = Corpus::new();
    c.open();
    let snap = c.snapshot();
    spoil(&c, &snap);
    let o = c.open_checked();
    assert_eq!(o.notes.len(), 1, "{:?}", o.notes);
    assert!(o.notes[0].contains(&snap.display().to_string()) && o.notes[0].contains(said), "{:?}", o.notes);
    assert!(o.notes[0].ends_with("rebuilding it"), "{:?}", o.notes);
    let next = c.open_checked();
    assert!(next.notes.is_empty() && next.extracted == 0, "rebuilt: {:?}", next.notes);
}

#[test]
fn a_truncated_snapshot_is_rebuilt() {
    recovers(
        |_, p| {
            let len = fs::metadata(p).unwrap().len();
            fs::File::options().write(true).open(p).unwrap().set_len(len / 2).unwrap();
        },
        "truncated",
    );
    recovers(|_, p| fs::write(p, b"SITR").unwrap(), "truncated");
}

#[test]
fn a_damaged_snapshot_is_rebuilt() {
    recovers(
        |_, p| {
            let mut b = fs::read(p).unwrap();
            let at = b.len() - 100;
            b[at] ^= 0x55;
            fs::write(p, b).unwrap();
        },
        "damaged",
    );
}

#[test]
fn a_foreign_file_is_not_trusted() {
    recovers(|_, p| fs::write(p, "some other program's cache\n").unwrap(), "not a sitrep snapshot");
}

#[test]
fn a_snapshot_of_another_format_or_build_is_rebuilt() {
    recovers(
        |_, p| {
            let mut b = fs::read(p).unwrap();
            b[8..12].copy_from_slice(&(file::FORMAT + 1).to_le_bytes());
            fs::write(p, b).unwrap();
        },
        "snapshot format",
    );
    recovers(
        |_, p| {
            // the same snapshot, its header saying another build (other rules) wrote it
            let m = Mapped::open(p).unwrap();
            let mut h: Header = m.decode(Section::Header).unwrap();
            h.build ^= 1;
            h.version = "0.0.9".into();
            let parts = [Section::Records, Section::Kept, Section::Articles, Section::Extraction, Section::Store]
                .map(|s| m.bytes(s).unwrap().to_vec());
            drop(m);
            file::write(
                p,
                [
                    Part::Value(&h),
                    Part::Bytes(&parts[0]),
                    Part::Bytes(&parts[1]),
                    Part::Bytes(&parts[2]),
                    Part::Bytes(&parts[3]),
                    Part::Bytes(&parts[4]),
                ],
            )
            .unwrap();
        },
        "another build of sitrep (0.0.9)",
    );
}

#[test]
fn a_snapshot_written_for_another_corpus_is_not_used() {
    recovers(
        |c, p| {
            // another corpus's snapshot where this one's belongs
            let other = Corpus::new();
            other.put("a_strike.txt", TALKS);
            let o = open(&other.paths(), LoadOptions::default(), Some(&c.cache()), &|_| {});
            assert!(o.notes.is_empty());
            fs::rename(c.cache().file_for(&other.paths(), LoadOptions::default()), p).unwrap();
        },
        "written for another corpus",
    );
}

#[test]
fn two_writers_at_once_leave_one_whole_snapshot() {
    let c = Corpus::new();
    let (a, b) = std::thread::scope(|s| {
        let a = s.spawn(|| c.open());
        let b = s.spawn(|| c.open());
        (a.join().unwrap(), b.join().unwrap())
    });
    let fresh = c.fresh();
    same(&a.store, &fresh);
    same(&b.store, &fresh);
    assert!(a.notes.is_empty() && b.notes.is_empty(), "{:?} {:?}", a.notes, b.notes);
    let left: Vec<_> = fs::read_dir(c.cache.path()).unwrap().flatten().map(|e| e.file_name()).collect();
    assert_eq!(left.len(), 1, "one snapshot, no temporary file left: {left:?}");
    assert_eq!(c.open_checked().extracted, 0);
}

#[test]
fn cache_info_and_clear() {
    let c = Corpus::new();
    c.open();
    let info = c.cache().info();
    assert_eq!(info.len(), 1);
    assert!(info[0].contains("4 articles") && info[0].contains("usable by this sitrep"), "{info:?}");
    fs::write(c.cache.path().join(".corpus-0.snap.1.2.tmp"), "left by a killed writer").unwrap();
    fs::write(c.cache.path().join("notes.txt"), "not ours").unwrap();
    let (files, bytes) = c.cache().clear().unwrap();
    assert_eq!(files, 2);
    assert!(bytes > 0);
    assert!(c.cache.path().join("notes.txt").exists(), "only snapshots are removed");
    assert!(c.cache().info().is_empty());
}

#[test]
fn the_cache_folder_follows_the_environment() {
    let env = |vars: &'static [(&'static str, &'static str)]| {
        move |k: &str| vars.iter().find(|(n, _)| *n == k).map(|(_, v)| v.to_string())
    };
    assert_eq!(Cache::locate(&env(&[("SITREP_CACHE_HOME", "/x/own")])).unwrap().dir, PathBuf::from("/x/own"));
    assert_eq!(Cache::locate(&env(&[("XDG_CACHE_HOME", "/x/xdg")])).unwrap().dir, PathBuf::from("/x/xdg/sitrep"));
    assert_eq!(
        Cache::locate(&env(&[("SITREP_CACHE_HOME", ""), ("XDG_CACHE_HOME", "/x/xdg")])).unwrap().dir,
        PathBuf::from("/x/xdg/sitrep"),
        "empty counts as unset"
    );
}

#[test]
fn temporary_files_of_killed_writers_are_removed_when_next_written() {
    let c = Corpus::new();
    c.open();
    let name = c.snapshot().file_name().unwrap().to_string_lossy().into_owned();
    let old = c.cache.path().join(format!(".{name}.123.456.tmp"));
    let fresh = c.cache.path().join(format!(".{name}.789.1.tmp"));
    fs::write(&old, "half a snapshot").unwrap();
    fs::write(&fresh, "a writer at work").unwrap();
    fs::File::options()
        .write(true)
        .open(&old)
        .unwrap()
        .set_modified(SystemTime::now() - std::time::Duration::from_secs(3600))
        .unwrap();
    c.put("a_strike.txt", &STRIKE.replace("five", "six"));
    c.open_checked();
    assert!(!old.exists(), "an hour old: abandoned");
    assert!(fresh.exists(), "perhaps another process writing now");
}

#[test]
fn articles_of_one_file_share_its_text_again_when_read_back() {
    let c = Corpus::new();
    // two stories on one page, in Windows-1252 (an e with an acute accent): both articles'
    // spans index the decoded text, which they share
    let page =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus/two_articles.txt"))
            .unwrap();
    let mut bytes = page.replacen("grain terminal", "grain terminal caf\u{e9}", 1).into_bytes();
    let at = bytes.windows(2).position(|w| w == "\u{e9}".as_bytes()).unwrap();
    bytes.splice(at..at + 2, [0xe9]);
    fs::write(c.dir.path().join("p_page.txt"), bytes).unwrap();
    c.open();
    let o = c.open_checked();
    assert_eq!(o.extracted, 0);
    let texts: Vec<&std::sync::Arc<str>> = o
        .store
        .articles()
        .iter()
        .filter(|a| a.file.ends_with("p_page.txt"))
        .filter_map(|a| a.extra.as_ref()?.text.as_ref())
        .collect();
    assert_eq!(texts.len(), 2, "two articles from the decoded page");
    assert!(std::sync::Arc::ptr_eq(texts[0], texts[1]), "one text, not a copy each");
}

#[test]
fn records_naming_an_article_the_snapshot_lacks_are_not_trusted() {
    let c = Corpus::new();
    c.open();
    let p = c.snapshot();
    let m = Mapped::open(&p).unwrap();
    let header: Header = m.decode(Section::Header).unwrap();
    let mut records: Vec<Record> = m.decode(Section::Records).unwrap();
    for r in &mut records {
        if let Outcome::Articles(held) = &mut r.outcome {
            for h in held {
                if let Held::Stored(k) = h {
                    *k += 1000;
                }
            }
        }
    }
    let rest =
        [Section::Kept, Section::Articles, Section::Extraction, Section::Store].map(|s| m.bytes(s).unwrap().to_vec());
    drop(m);
    file::write(
        &p,
        [
            Part::Value(&header),
            Part::Value(&records),
            Part::Bytes(&rest[0]),
            Part::Bytes(&rest[1]),
            Part::Bytes(&rest[2]),
            Part::Bytes(&rest[3]),
        ],
    )
    .unwrap();
    // a change, so that the records are read for the articles
    c.put("b_talks.txt", &TALKS.replace("Wednesday", "Tuesday"));
    let o = c.open_checked();
    assert_eq!(o.notes.len(), 1, "{:?}", o.notes);
    assert!(o.notes[0].ends_with("incomplete; rebuilding it"), "{:?}", o.notes);
    assert_eq!(c.open_checked().extracted, 0, "rebuilt");
}

#[test]
fn the_folder_keeps_the_snapshots_last_used_and_drops_those_of_corpora_gone() {
    let cache = tempfile::tempdir().unwrap();
    let c = Cache { dir: cache.path().to_path_buf() };
    let dirs: Vec<tempfile::TempDir> = (0..folder::KEEP + 2).map(|_| tempfile::tempdir().unwrap()).collect();
    let open_dir = |d: &Path| open(&[d.to_path_buf()], LoadOptions::default(), Some(&c), &|_| {});
    let count = || fs::read_dir(cache.path()).unwrap().count();
    for (i, d) in dirs.iter().enumerate() {
        fs::write(d.path().join("a.txt"), STRIKE.replace("two people", &format!("{} people", i + 2))).unwrap();
        open_dir(d.path());
        // the first one is used all along: it stays
        let first = open_dir(dirs[0].path());
        assert_eq!(first.extracted, 0);
        std::thread::sleep(std::time::Duration::from_millis(15));
    }
    assert_eq!(count(), folder::KEEP, "no more than KEEP snapshots");
    assert!(c.file_for(&[dirs[0].path().to_path_buf()], LoadOptions::default()).exists(), "the one used stays");
    assert!(!c.file_for(&[dirs[1].path().to_path_buf()], LoadOptions::default()).exists(), "the oldest goes");
    // a corpus that is gone: its snapshot goes at the next write
    let gone = c.file_for(&[dirs[5].path().to_path_buf()], LoadOptions::default());
    assert!(gone.exists());
    let mut dirs = dirs;
    dirs.remove(5).close().unwrap();
    fs::write(dirs[0].path().join("b.txt"), TALKS).unwrap();
    open_dir(dirs[0].path());
    assert!(!gone.exists());
}
