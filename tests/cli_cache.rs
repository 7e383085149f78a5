//! The snapshot cache from the command line: two sitrep processes opening one corpus at once
//! both print what a run without the cache prints and leave one whole snapshot; `cache info`
//! and `cache clear` report on it; a damaged snapshot is one line on stderr.

#[path = "support/cli.rs"]
mod cli;

use std::path::Path;
use std::process::Output;

const ARTICLES: [(&str, &str); 3] = [
    (
        "strike.txt",
        "Title: Strike on a depot\nDate: 2026-03-04\nSource: Test Wire\n\nRussian drones struck a fuel depot in Kharkiv on March 3, killing two people and injuring five, regional officials said.\n",
    ),
    (
        "talks.md",
        "---\ntitle: Talks in Geneva\ndate: 2026-03-05\n---\n\nUkrainian and Turkish foreign ministers met in Geneva on Wednesday to discuss grain shipments, the ministry said.\n",
    ),
    (
        "clash.txt",
        "Title: Fighting near Pokrovsk\nDate: 2026-03-06\n\nRussian troops attacked Ukrainian positions near Pokrovsk on Thursday, the General Staff said.\n",
    ),
];

fn sitrep(args: &[&str], cache: &Path) -> Output {
    cli::command().args(args).env("SITREP_CACHE_HOME", cache).output().expect("sitrep runs")
}

fn text(o: &Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn two_processes_at_once_then_info_and_clear() {
    let corpus = tempfile::tempdir().unwrap();
    for (name, body) in ARTICLES {
        std::fs::write(corpus.path().join(name), body).unwrap();
    }
    let cache = tempfile::tempdir().unwrap();
    let dir = corpus.path().to_str().unwrap();
    let uncached = text(&sitrep(&["events", "--no-cache", "--format", "json", dir], cache.path()));
    assert!(std::fs::read_dir(cache.path()).unwrap().next().is_none(), "--no-cache writes nothing");
    assert!(uncached.contains("Kharkiv"), "{uncached}");

    let spawn = || {
        cli::command()
            .args(["events", "--format", "json", dir])
            .env("SITREP_CACHE_HOME", cache.path())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn(), spawn());
    for out in [a.wait_with_output().unwrap(), b.wait_with_output().unwrap()] {
        assert_eq!(text(&out), uncached);
        assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let files: Vec<_> = std::fs::read_dir(cache.path()).unwrap().flatten().map(|e| e.file_name()).collect();
    assert_eq!(files.len(), 1, "one snapshot, no temporary file: {files:?}");
    // read from the snapshot now
    assert_eq!(text(&sitrep(&["events", "--format", "json", dir], cache.path())), uncached);
    assert_eq!(
        text(&sitrep(&["stats", dir], cache.path())),
        text(&sitrep(&["stats", "--no-cache", dir], cache.path()))
    );

    let info = text(&sitrep(&["cache", "info"], cache.path()));
    assert!(
        info.contains("1 snapshot") && info.contains("3 articles") && info.contains("usable by this sitrep"),
        "{info}"
    );

    // damaged: said in one line, the right output all the same
    let snap = cache.path().join(&files[0]);
    let mut bytes = std::fs::read(&snap).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    std::fs::write(&snap, bytes).unwrap();
    let out = sitrep(&["events", "--format", "json", dir], cache.path());
    assert_eq!(text(&out), uncached);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("damaged") && err.contains("rebuilding it"), "{err}");

    let cleared = text(&sitrep(&["cache", "clear"], cache.path()));
    assert!(cleared.starts_with("removed 1 snapshot file"), "{cleared}");
    assert!(std::fs::read_dir(cache.path()).unwrap().next().is_none());
}
