//! Bad input: every failure is one clear problem line naming the file, never a panic, and one
//! bad file never stops the others.

use std::fs;
use std::path::{Path, PathBuf};

use sitrep::corpus::{LoadError, LoadReport, Problem, load_paths, parse_file};

const GOOD: &str = "Drones Hit Kyiv Overnight\n\nRussian drones hit Kyiv overnight, injuring four people, the mayor said on Saturday.\n";

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(&p, bytes).unwrap();
    p
}

fn problem_for<'a>(report: &'a LoadReport, path: &Path) -> &'a Problem {
    let name = path.display().to_string();
    report
        .problems
        .iter()
        .find(|p| p.path == name)
        .unwrap_or_else(|| panic!("no problem for {name}: {:?}", report.problems))
}

fn one_line(p: &Problem) {
    assert!(!p.message.is_empty() && !p.message.contains('\n'), "{p:?}");
}

#[test]
fn empty_and_blank_files() {
    assert!(matches!(parse_file("e.txt", b""), Err(LoadError::Empty)));
    assert!(matches!(parse_file("e.txt", b"  \n\t\r\n  "), Err(LoadError::Empty)));
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "empty.txt", b"");
    let r = load_paths(std::slice::from_ref(&p));
    assert!(r.articles.is_empty());
    let prob = problem_for(&r, &p);
    assert_eq!(prob.message, "empty file");
}

#[test]
fn binary_files() {
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend_from_slice(&[0u8; 64]);
    match parse_file("img.txt", &png) {
        Err(e @ LoadError::Binary { offset: 8 }) => {
            assert_eq!(e.to_string(), "binary file (NUL byte at offset 8)")
        }
        other => panic!("{other:?}"),
    }
    // No NUL byte but mostly control characters.
    let ctrl: Vec<u8> = (0..400).map(|i| if i % 2 == 0 { 0x01 } else { b'a' }).collect();
    let err = parse_file("ctrl.txt", &ctrl).unwrap_err();
    assert!(matches!(err, LoadError::NotText { .. }), "{err:?}");
    assert!(err.to_string().starts_with("not a text file"));
}

/// A UTF-8 file with a fault (damaged, or cut in the middle of a character) is named with the
/// offset, never decoded lossily.
#[test]
fn broken_utf8_names_the_offset() {
    let mut bytes = "Valid start of the article about Київ\n".as_bytes().to_vec();
    let offset = bytes.len() + 6;
    bytes.extend_from_slice(b"Kyiv: \xff\xfe broken bytes here\n");
    match parse_file("broken.txt", &bytes) {
        Err(e @ LoadError::InvalidUtf8 { .. }) => {
            assert_eq!(e.to_string(), format!("invalid UTF-8 at byte offset {offset}"));
        }
        other => panic!("{other:?}"),
    }
    // A sequence cut at the end of the file.
    let err = parse_file("cut.txt", "Київ".as_bytes().split_last().unwrap().1).unwrap_err();
    assert!(matches!(err, LoadError::InvalidUtf8 { offset: 6 }), "{err:?}");
}

/// Latin-1 / Windows-1252 and UTF-16 (with a byte order mark) files are decoded, and say so;
/// their spans index the decoded text, which they carry.
#[test]
fn other_encodings_are_decoded() {
    let text = "Drones Hit Kyiv Overnight\n\nRussian drones hit Kyiv overnight, injuring four people, the mayor of the \
                capital told the news agency Agência Brasil on Saturday \u{2014} \u{201c}a hard night\u{201d}.\n";
    let (latin, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!unmappable);
    let mut utf16le = vec![0xff, 0xfe];
    utf16le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut utf16be = vec![0xfe, 0xff];
    utf16be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    for (bytes, encoding) in [(latin.to_vec(), "windows-1252"), (utf16le, "UTF-16LE"), (utf16be, "UTF-16BE")] {
        let arts = parse_file("old.txt", &bytes).unwrap_or_else(|e| panic!("{encoding}: {e}"));
        let a = &arts[0];
        assert_eq!(a.title, "Drones Hit Kyiv Overnight");
        assert!(a.body.contains("Agência Brasil on Saturday \u{2014} \u{201c}a hard night\u{201d}."), "{}", a.body);
        let extra = a.extra.as_ref().expect("the encoding");
        assert_eq!(extra.encoding.as_deref(), Some(encoding));
        a.verify(&bytes).unwrap();
        assert_eq!(a.extracted_text(), Some(text));
    }
}

#[test]
fn missing_path() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("no/such/file.txt");
    let r = load_paths(std::slice::from_ref(&p));
    assert!(r.articles.is_empty());
    let prob = problem_for(&r, &p);
    assert_eq!(prob.message, "no such file or folder");
}

#[cfg(unix)]
#[test]
fn unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let locked = write(dir.path(), "locked.txt", GOOD.as_bytes());
    let good = write(dir.path(), "open.txt", GOOD.as_bytes());
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    let readable_anyway = fs::read(&locked).is_ok(); // root ignores permissions
    let r = load_paths(&[locked.clone(), good.clone()]);
    assert!(r.articles.iter().any(|a| a.file == good.display().to_string()));
    if readable_anyway {
        eprintln!("running as a user who can read mode-000 files: permission check skipped");
    } else {
        let prob = problem_for(&r, &locked);
        one_line(prob);
        assert!(prob.message.contains("ermission denied"), "{prob:?}");
    }
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o644)).unwrap();
}

#[cfg(unix)]
#[test]
fn unreadable_folder() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("locked");
    write(&sub, "inside.txt", GOOD.as_bytes());
    fs::set_permissions(&sub, fs::Permissions::from_mode(0o000)).unwrap();
    let readable_anyway = fs::read_dir(&sub).is_ok();
    let r = load_paths(std::slice::from_ref(&sub));
    fs::set_permissions(&sub, fs::Permissions::from_mode(0o755)).unwrap();
    if readable_anyway {
        assert_eq!(r.articles.len(), 1);
    } else {
        assert!(r.articles.is_empty());
        assert!(r.problems.iter().any(|p| p.path == sub.display().to_string()), "{:?}", r.problems);
        r.problems.iter().for_each(one_line);
    }
}

#[test]
fn folder_with_nothing_to_load() {
    let dir = tempfile::tempdir().unwrap();
    let r = load_paths(&[dir.path().to_path_buf()]);
    assert!(r.articles.is_empty());
    let prob = problem_for(&r, dir.path());
    assert_eq!(
        prob.message,
        "no articles, pages or feeds to load in this folder (.txt, .md, .markdown, .html, .htm, .xml, .rss, .atom, .json)"
    );

    let png = write(dir.path(), "photo.png", b"\x89PNG");
    let r = load_paths(&[dir.path().to_path_buf()]);
    assert_eq!(
        problem_for(&r, &png).message,
        "skipped: not an article, page or feed (.txt, .md, .markdown, .html, .htm, .xml, .rss, .atom, .json)"
    );
    problem_for(&r, dir.path());
}

#[test]
fn one_bad_file_never_stops_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let a = write(d, "a_good.txt", GOOD.as_bytes());
    let b = write(d, "b_invalid.txt", "Broken Київ text\n".as_bytes().split_at(12).0);
    let c = write(d, "c_empty.md", b"");
    let e = write(d, "d_binary.txt", b"GIF89a\0\0\x01");
    let f = write(d, "nested/deeper/e_good.markdown", GOOD.as_bytes());
    let g = write(d, "nested/f_good.MD", GOOD.as_bytes());
    write(d, ".hidden/ignored.txt", GOOD.as_bytes());
    write(d, "notes.pdf", b"%PDF-1.4");
    let r = load_paths(&[d.to_path_buf()]);
    let files: Vec<&str> = r.articles.iter().map(|a| a.file.as_str()).collect();
    let want: Vec<String> = [&a, &f, &g].iter().map(|p| p.display().to_string()).collect();
    assert_eq!(files, want, "sorted, recursive, hidden entries skipped");
    assert_eq!(problem_for(&r, &b).message, "invalid UTF-8 at byte offset 11");
    assert_eq!(problem_for(&r, &c).message, "empty file");
    assert_eq!(problem_for(&r, &e).message, "binary file (NUL byte at offset 6)");
    problem_for(&r, &d.join("notes.pdf"));
    assert_eq!(r.problems.len(), 4, "{:?}", r.problems);
    r.problems.iter().for_each(one_line);

    // The same input loads the same way again.
    let again = load_paths(&[d.to_path_buf()]);
    assert_eq!(again.articles, r.articles);
    assert_eq!(again.problems, r.problems);
}

#[test]
fn explicit_files_load_whatever_their_extension() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "story.text", GOOD.as_bytes());
    let r = load_paths(std::slice::from_ref(&p));
    assert_eq!(r.articles.len(), 1, "{:?}", r.problems);
}

#[test]
fn a_50_mb_line_loads_without_trouble() {
    let sentence = "Russian forces shelled the town again overnight, officials said, and repairs began. ";
    let n = 50 * 1024 * 1024 / sentence.len();
    let mut text = String::with_capacity(n * sentence.len() + 1);
    for _ in 0..n {
        text.push_str(sentence);
    }
    text.push('\n');
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "huge.txt", text.as_bytes());
    let r = load_paths(std::slice::from_ref(&p));
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    // One sentence pasted over and over: one copy of it.
    assert_eq!(r.articles.len(), 1);
    let a = &r.articles[0];
    a.verify(text.as_bytes()).unwrap();
    assert_eq!(a.body, sentence.trim());
    assert!(a.title.chars().count() <= 101, "{}", a.title);

    // Nothing but one giant word, and a giant line of brackets and markup.
    let word = "x".repeat(50 * 1024 * 1024);
    let _ = parse_file("word.txt", word.as_bytes());
    let brackets = "[1][".repeat(4 * 1024 * 1024);
    let arts = parse_file("brackets.txt", brackets.as_bytes());
    if let Ok(arts) = arts {
        for a in arts {
            a.verify(brackets.as_bytes()).unwrap();
        }
    }
}

#[test]
fn error_messages_are_one_line() {
    let io = std::io::Error::other("device not ready");
    let e = LoadError::from(io);
    assert_eq!(e.to_string(), "cannot read: device not ready");
    let e = LoadError::TooLarge { size: 10, limit: 5 };
    assert_eq!(e.to_string(), "file too large (10 bytes, the limit is 5)");
    assert_eq!(LoadError::NoText { detail: String::new() }.to_string(), "no article text found");
}

/// A FIFO, a link to `/dev/zero` and a link to `/dev/stdin` in a folder (or named on the
/// command line) are named and skipped; the good files load, at once.
#[cfg(unix)]
#[test]
fn special_files_are_skipped_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.txt", GOOD.as_bytes());
    let fifo = dir.path().join("pipe.txt");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let zero = dir.path().join("zero.txt");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    let stdin = dir.path().join("stdin.txt");
    std::os::unix::fs::symlink("/dev/stdin", &stdin).unwrap();
    let started = std::time::Instant::now();
    // Followed links too: still no device is read.
    for follow in [false, true] {
        let r = sitrep::corpus::load_paths_with(&[dir.path().to_path_buf()], sitrep::corpus::LoadOptions { follow });
        assert_eq!(r.articles.len(), 1, "{:?}", r.problems);
        assert_eq!(r.articles[0].file, good.display().to_string());
        for p in [&fifo, &zero, &stdin] {
            one_line(problem_for(&r, p));
        }
    }
    // Named on the command line.
    for p in [&fifo, &zero] {
        let r = load_paths(std::slice::from_ref(p));
        assert!(r.articles.is_empty());
        let prob = problem_for(&r, p);
        assert!(prob.message.contains("not a regular file"), "{prob:?}");
    }
    assert!(started.elapsed() < std::time::Duration::from_secs(1), "{:?}", started.elapsed());
}

/// Links inside a folder are not followed unless asked (a link to the home folder was
/// walked); a link named on the command line is.
#[cfg(unix)]
#[test]
fn links_inside_folders_are_followed_only_when_asked() {
    let outside = tempfile::tempdir().unwrap();
    write(outside.path(), "secret.txt", GOOD.as_bytes());
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "own.txt", GOOD.replace("Kyiv", "Lviv").as_bytes());
    let link = dir.path().join("elsewhere");
    std::os::unix::fs::symlink(outside.path(), &link).unwrap();
    let r = load_paths(&[dir.path().to_path_buf()]);
    assert_eq!(r.articles.len(), 1);
    assert!(problem_for(&r, &link).message.contains("--follow"), "{:?}", r.problems);
    let r = sitrep::corpus::load_paths_with(&[dir.path().to_path_buf()], sitrep::corpus::LoadOptions { follow: true });
    assert_eq!(r.articles.len(), 2, "{:?}", r.problems);
    let r = load_paths(std::slice::from_ref(&link));
    assert_eq!(r.articles.len(), 1, "a link named on the command line is followed");
    // A loop of links, followed, is walked once.
    std::os::unix::fs::symlink(dir.path(), outside.path().join("back")).unwrap();
    let r = sitrep::corpus::load_paths_with(&[dir.path().to_path_buf()], sitrep::corpus::LoadOptions { follow: true });
    assert_eq!(r.articles.len(), 2, "{:?}", r.problems);
}

/// Folders nested 1,000 deep are walked in linear time (canonicalising every folder was
/// cubic: 25 s at this depth).
#[test]
fn deep_folders_are_walked_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = dir.path().to_path_buf();
    for _ in 0..1000 {
        p.push("d");
    }
    fs::create_dir_all(&p).unwrap();
    write(&p, "deep.txt", GOOD.as_bytes());
    let started = std::time::Instant::now();
    let r = load_paths(&[dir.path().to_path_buf()]);
    let took = started.elapsed();
    assert_eq!(r.articles.len(), 1, "{:?}", r.problems);
    eprintln!("walked 1,000 levels in {took:?}");
    assert!(took < std::time::Duration::from_secs(2), "{took:?}");
}

/// An article pasted twice in one file is loaded once (its repeated paragraphs were all taken
/// for photo captions, and nothing was left).
#[test]
fn an_article_pasted_twice_loads_once() {
    let story = "Drones Hit Kyiv Overnight\n\nRussian drones hit Kyiv overnight, injuring four people, the mayor said on Saturday.\n\n\
                 Air defences shot down most of the drones over the capital, the military administration said.\n";
    for text in [format!("{story}\n{story}"), format!("{GOOD}\n{GOOD}"), story.repeat(50)] {
        let arts = parse_file("twice.txt", text.as_bytes()).unwrap_or_else(|e| panic!("{e}: {text}"));
        assert_eq!(arts.len(), 1, "{arts:#?}");
        let a = &arts[0];
        assert_eq!(a.title, "Drones Hit Kyiv Overnight");
        assert_eq!(a.body.matches("injuring four people").count(), 1, "{}", a.body);
        assert!(a.captions.is_empty(), "{:?}", a.captions);
    }
}

/// A file name that is not UTF-8 is named faithfully (`\xNN` for its stray bytes), not with
/// replacement characters that would make two files one name.
#[cfg(unix)]
#[test]
fn non_utf8_file_names_are_kept_faithfully() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join(std::ffi::OsStr::from_bytes(b"kyiv-\xff.txt"));
    let b = dir.path().join(std::ffi::OsStr::from_bytes(b"kyiv-\xfe.txt"));
    fs::write(&a, GOOD).unwrap();
    fs::write(&b, GOOD.replace("Kyiv", "Lviv")).unwrap();
    let r = load_paths(&[dir.path().to_path_buf()]);
    let files: Vec<&str> = r.articles.iter().map(|x| x.file.as_str()).collect();
    let base = dir.path().display().to_string();
    assert_eq!(files, [format!("{base}/kyiv-\\xfe.txt"), format!("{base}/kyiv-\\xff.txt")]);
}

/// Lines ended by a lone carriage return (old Mac files) are lines: the paragraphs stay
/// apart and none is lost.
#[test]
fn lone_carriage_returns_end_lines() {
    let text = "Drones Hit Kyiv Overnight\r\rRussian drones hit Kyiv overnight, injuring four people, the mayor said on \
                Saturday.\r\rAir defences shot down most of the drones over the capital, the military said.\r";
    let a = &parse_file("mac.txt", text.as_bytes()).unwrap()[0];
    assert_eq!(a.title, "Drones Hit Kyiv Overnight");
    assert_eq!(a.paragraphs.len(), 2, "{:?}", a.body);
    a.verify(text.as_bytes()).unwrap();
}

/// A text of one line megabytes long is loaded as parts of about a megabyte (every word
/// kept, every span right), so that reading it stays linear: a 50 MB line took 35 s and 593 MB.
#[test]
fn a_huge_one_line_article_is_loaded_in_parts() {
    let places = ["Kharkiv", "Odesa", "Sumy", "Kherson", "Dnipro", "Lviv", "Poltava", "Zaporizhzhia"];
    let mut line = String::new();
    let mut k = 0u64;
    while line.len() < 3_200_000 {
        let p = places[(k % 8) as usize];
        line.push_str(&format!("Russian drones struck {p} on night {k}, injuring {} people, officials said. ", k % 97));
        k += 1;
    }
    let text = format!("Title: A long night\n\n{line}\n");
    let started = std::time::Instant::now();
    let arts = parse_file("long.txt", text.as_bytes()).unwrap();
    let took = started.elapsed();
    assert_eq!(arts.len(), 4, "{:?}", arts.iter().map(|a| (&a.title, a.body.len())).collect::<Vec<_>>());
    assert_eq!(arts[0].title, "A long night");
    assert_eq!(arts[1].title, "A long night (part 2)");
    let words: usize = arts.iter().map(|a| a.body.split_whitespace().count()).sum();
    assert_eq!(words, line.split_whitespace().count(), "every word kept");
    for a in &arts {
        assert!(a.body.len() <= 1024 * 1024, "{}", a.body.len());
        a.verify(text.as_bytes()).unwrap();
    }
    assert!(took < std::time::Duration::from_secs(10), "{took:?}");
}
