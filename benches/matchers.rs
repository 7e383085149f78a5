//! The fuzzy matcher candidates over the same lines and the same keystrokes: fuzzy-matcher
//! (skim v2), nucleo-matcher and frizbee, on one thread and on every core, each prefix of a
//! 10-character query typed one key at a time. Prints p50 and p99 per keystroke.
//!
//! `cargo bench --bench matchers` (1M lines, 3 rounds; `MATCHER_LINES=100000` and
//! `MATCHER_ROUNDS=5` change that; `MATCHER_ONLY=frizbee` runs one matcher; `MATCHER_PER_KEY=1`
//! adds the median per query length).
//!
//! Each keystroke scores every candidate line and sorts the hits by score (best first), as
//! the event list needs. Two modes: `full` matches every prefix against all lines; `narrow`
//! matches each prefix against the previous prefix's hits (what the store does while a query
//! only grows). The lines are folded search keys (lowercase, accents stripped, with the
//! store's own fold): the haystack the store matches.

mod support;

use std::time::{Duration, Instant};

use rayon::prelude::*;
use sitrep::extract::fold::fold;

const QUERIES: [&str; 3] = ["kramatorsk", "zaporizhzh", "glidebombs"];

type Hits = Vec<(u32, u32)>; // (line, score)

trait Candidate: Sync {
    fn name(&self) -> String;
    /// Score the lines whose indices are `among` (all lines when `None`), best first.
    fn run(&self, lines: &[String], among: Option<&[u32]>, pattern: &str) -> Hits;
}

fn sort(mut hits: Hits) -> Hits {
    hits.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    hits
}

/// Run `score` over the candidate lines on the current rayon pool.
fn scan<S, F>(lines: &[String], among: Option<&[u32]>, init: impl Fn() -> S + Sync + Send, score: F) -> Hits
where
    F: Fn(&mut S, &str) -> Option<u32> + Sync + Send,
{
    let hits: Hits = match among {
        None => lines
            .par_chunks(4096)
            .enumerate()
            .flat_map_iter(|(c, chunk)| {
                let mut st = init();
                chunk
                    .iter()
                    .enumerate()
                    .filter_map(|(i, l)| score(&mut st, l).map(|s| ((c * 4096 + i) as u32, s)))
                    .collect::<Vec<_>>()
            })
            .collect(),
        Some(ids) => ids
            .par_chunks(4096)
            .flat_map_iter(|chunk| {
                let mut st = init();
                chunk.iter().filter_map(|&i| score(&mut st, &lines[i as usize]).map(|s| (i, s))).collect::<Vec<_>>()
            })
            .collect(),
    };
    sort(hits)
}

struct Skim;
impl Candidate for Skim {
    fn name(&self) -> String {
        "fuzzy-matcher 0.3.7 (skim v2)".into()
    }
    fn run(&self, lines: &[String], among: Option<&[u32]>, pattern: &str) -> Hits {
        use fuzzy_matcher::FuzzyMatcher;
        use fuzzy_matcher::skim::SkimMatcherV2;
        let m = SkimMatcherV2::default().respect_case();
        scan(lines, among, || (), |_, l| m.fuzzy_match(l, pattern).map(|s| s.max(0) as u32))
    }
}

struct Nucleo;
impl Candidate for Nucleo {
    fn name(&self) -> String {
        "nucleo-matcher 0.3.1".into()
    }
    fn run(&self, lines: &[String], among: Option<&[u32]>, pattern: &str) -> Hits {
        use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
        use nucleo_matcher::{Config, Matcher, Utf32Str};
        let p = Pattern::parse(pattern, CaseMatching::Respect, Normalization::Never);
        scan(
            lines,
            among,
            || (Matcher::new(Config::DEFAULT), Vec::new()),
            |(m, buf), l| p.score(Utf32Str::new(l, buf), m),
        )
    }
}

struct Frizbee;
impl Candidate for Frizbee {
    fn name(&self) -> String {
        "frizbee 0.13.0".into()
    }
    fn run(&self, lines: &[String], among: Option<&[u32]>, pattern: &str) -> Hits {
        use frizbee::{CaseMatching, Config, Matcher};
        let cfg = Config::default().casing(CaseMatching::Respect);
        let mut m = Matcher::new(pattern, &cfg);
        let threads = rayon::current_num_threads();
        let to_hits = |ms: Vec<frizbee::Match>, map: &dyn Fn(u32) -> u32| -> Hits {
            ms.into_iter().map(|x| (map(x.index), x.score as u32)).collect()
        };
        // frizbee sorts its results (score, then index) itself.
        match among {
            None => to_hits(m.match_list_parallel(lines, threads), &|i| i),
            Some(ids) => {
                let subset: Vec<&str> = ids.iter().map(|&i| lines[i as usize].as_str()).collect();
                to_hits(m.match_list_parallel(&subset, threads), &|i| ids[i as usize])
            }
        }
    }
}

fn main() {
    let n: u64 = std::env::var("MATCHER_LINES").ok().and_then(|v| v.parse().ok()).unwrap_or(1_000_000);
    let rounds: usize = std::env::var("MATCHER_ROUNDS").ok().and_then(|v| v.parse().ok()).unwrap_or(3);
    let only = std::env::var("MATCHER_ONLY").ok();
    let per_key = std::env::var("MATCHER_PER_KEY").is_ok();
    // `cargo bench` passes `--bench`; `cargo test --benches` passes nothing: then run tiny.
    let quick = !std::env::args().any(|a| a == "--bench");
    let (n, rounds) = if quick { (2_000, 1) } else { (n, rounds) };

    let t0 = Instant::now();
    let lines: Vec<String> = support::facts(n).par_iter().map(|f| fold(&support::list_line(f))).collect();
    let avg = lines.iter().map(String::len).sum::<usize>() as f64 / lines.len() as f64;
    eprintln!("{} lines, {:.0} bytes on average, built in {:.1} s", lines.len(), avg, t0.elapsed().as_secs_f64());

    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    let candidates: Vec<Box<dyn Candidate>> = vec![Box::new(Frizbee), Box::new(Nucleo), Box::new(Skim)];
    println!("| matcher | threads | mode | p50 ms/key | p99 ms/key | max ms/key | hits for the full queries |");
    println!("|---|---|---|---|---|---|---|");
    for c in &candidates {
        if only.as_deref().is_some_and(|o| !c.name().starts_with(o)) {
            continue;
        }
        for threads in [1, cores] {
            let pool = support::pool(threads);
            for narrow in [false, true] {
                let mut samples: Vec<Duration> = Vec::new();
                // per prefix length: every sample of every query and round
                let mut by_len: Vec<Vec<Duration>> = vec![Vec::new(); 10];
                let mut finals = Vec::new();
                for _ in 0..rounds {
                    finals.clear();
                    for q in QUERIES {
                        let mut prev: Option<Hits> = None;
                        for k in 1..=q.len() {
                            let t = Instant::now();
                            // The previous hits in line order (a bit set in the store), so the
                            // scan reads memory front to back.
                            let among: Option<Vec<u32>> = if narrow {
                                prev.as_ref().map(|h| {
                                    let mut ids: Vec<u32> = h.iter().map(|x| x.0).collect();
                                    ids.sort_unstable();
                                    ids
                                })
                            } else {
                                None
                            };
                            let hits = pool.install(|| c.run(&lines, among.as_deref(), &q[..k]));
                            samples.push(t.elapsed());
                            by_len[(k - 1).min(9)].push(t.elapsed());
                            prev = Some(hits);
                        }
                        finals.push(prev.map(|h| h.len()).unwrap_or(0));
                    }
                }
                let max = samples.iter().max().copied().unwrap_or_default();
                let (p50, p99) = support::p50_p99(&mut samples);
                println!(
                    "| {} | {threads} | {} | {p50:.1} | {p99:.1} | {:.1} | {:?} |",
                    c.name(),
                    if narrow { "narrow" } else { "full" },
                    max.as_secs_f64() * 1e3,
                    finals
                );
                if per_key {
                    let medians: Vec<String> = by_len
                        .iter_mut()
                        .map(|v| if v.is_empty() { "-".into() } else { format!("{:.0}", support::p50_p99(v).0) })
                        .collect();
                    println!("|  | median ms by query length 1..10: {} | | | | | |", medians.join(" "));
                }
            }
        }
    }
}
