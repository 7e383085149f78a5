//! Throughput of `find_dates` over the seed corpus, sentence by sentence, the way the
//! extractor calls it. Ignored by default; run it in release mode:
//! `cargo test --release --test dates_perf -- --ignored --nocapture`. Times are process
//! CPU time, so other work on the machine does not skew them.

use chrono::NaiveDate;
use sitrep::extract::dates::find_dates;

fn corpus() -> String {
    let mut text = String::new();
    let mut paths: Vec<_> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"))
        .expect("seeds folder")
        .map(|e| e.expect("entry").path())
        .collect();
    paths.sort();
    for p in paths {
        text.push_str(&std::fs::read_to_string(p).expect("seed"));
        text.push('\n');
    }
    text
}

#[test]
#[ignore]
fn throughput() {
    let base = corpus();
    let sentences: Vec<&str> = base.split_inclusive(['.', '\n']).filter(|s| !s.trim().is_empty()).collect();
    let anchor = NaiveDate::from_ymd_opt(2026, 2, 3);
    let reps = (60_000_000 / base.len()).max(1);
    let mut found = 0usize;
    let t = cpu_secs();
    for _ in 0..reps {
        for s in &sentences {
            found += find_dates(s, anchor).len();
        }
    }
    let secs = (cpu_secs() - t).max(0.01);
    let mb = (base.len() * reps) as f64 / 1e6;
    println!(
        "sentences: {:.1} MB in {secs:.2}s = {:.0} MB/s ({} sentences/pass, {} dates)",
        mb,
        mb / secs,
        sentences.len(),
        found / reps
    );
    let t = cpu_secs();
    let mut whole = 0usize;
    for _ in 0..reps {
        whole += find_dates(&base, anchor).len();
    }
    let secs = (cpu_secs() - t).max(0.01);
    println!("whole text: {:.0} MB/s ({} dates)", mb / secs, whole / reps);
}

/// User + system CPU time of this process, from /proc (10 ms resolution).
fn cpu_secs() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<f64> = after.split_whitespace().map(|x| x.parse().unwrap_or(0.0)).collect();
    (f.get(11).unwrap_or(&0.0) + f.get(12).unwrap_or(&0.0)) / 100.0
}
