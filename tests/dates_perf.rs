//! Throughput of `find_dates` over the seed corpus, sentence by sentence, the way the
//! extractor calls it. Ignored by default; run it in release mode:
//! `cargo test --release --test dates_perf -- --ignored --nocapture`.

use std::time::Instant;

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
    let reps = (20_000_000 / base.len()).max(1);
    let mut found = 0usize;
    let t = Instant::now();
    for _ in 0..reps {
        for s in &sentences {
            found += find_dates(s, anchor).len();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    let mb = (base.len() * reps) as f64 / 1e6;
    println!(
        "sentences: {:.1} MB in {secs:.2}s = {:.0} MB/s ({} sentences/pass, {} dates)",
        mb,
        mb / secs,
        sentences.len(),
        found / reps
    );
    let t = Instant::now();
    let mut whole = 0usize;
    for _ in 0..reps {
        whole += find_dates(&base, anchor).len();
    }
    let secs = t.elapsed().as_secs_f64();
    println!("whole text: {:.0} MB/s ({} dates)", mb / secs, whole / reps);
}
