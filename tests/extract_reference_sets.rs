//! The extractor against every visible reference set of `../shared/eval` (seeds, the
//! scraped pages, the 2022-2026 articles), pooled the way `evaluate.py` pools them, held to
//! the floors issue 9 sets. Needs `../shared` beside the repository: without it the test
//! says so and passes (the seed reference in `extract_seeds_reference.rs` still runs).

#[path = "reference/score.rs"]
mod score;

use std::path::{Path, PathBuf};

use serde_json::Value;
use sitrep::cli::{EntityRow, EventRow};
use sitrep::{corpus, extract};

/// The floors of issue 9 on the pooled sets, and on the seeds alone.
const MIN_F1: f64 = 0.85;
const MIN_DATES: f64 = 0.90;
const MIN_COUNTS: f64 = 0.85;
const MIN_ENTITY_RECALL: f64 = 0.85;
const MIN_SEEDS_F1: f64 = 0.90;

fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    p.join("eval").is_dir().then_some(p)
}

fn run_set(gold: &Path, dir: &Path) -> score::Scores {
    let gold: Value = serde_json::from_str(&std::fs::read_to_string(gold).unwrap()).unwrap();
    let articles = corpus::load_paths(&[dir.to_path_buf()]).articles;
    let ex = extract::run(&articles);
    let events: Vec<Value> =
        ex.events.iter().map(|e| serde_json::to_value(EventRow::new(e, &ex, &articles)).unwrap()).collect();
    let entities: Vec<Value> =
        ex.entities.iter().map(|e| serde_json::to_value(EntityRow::new(e, &articles)).unwrap()).collect();
    score::score(&gold, &events, &entities)
}

#[test]
fn visible_reference_sets_meet_the_floors() {
    let Some(shared) = shared() else {
        eprintln!("skipped: ../shared/eval not found beside the repository; the reference sets were not scored");
        return;
    };
    let sets = [
        ("seeds", "eval/seeds-gold.json", "seeds"),
        ("wild", "eval/wild-gold.json", "corpus/wild"),
        ("dev", "eval/dev-gold.json", "corpus/dev"),
    ];
    let mut pooled = score::Scores::default();
    let mut seeds_f1 = 0.0;
    for (name, gold, dir) in sets {
        let s = run_set(&shared.join(gold), &shared.join(dir));
        eprintln!(
            "{name:<6} events {:>3}  F1 {:.2}  dates {:.2} ({})  counts {:.2} ({})  entity recall {:.2} ({})",
            s.tp + s.fn_,
            s.f1(),
            s.dates(),
            s.dates_total,
            s.counts(),
            s.counts_total,
            s.entity_recall(),
            s.entities_total
        );
        if name == "seeds" {
            seeds_f1 = s.f1();
        }
        pooled.add(&s);
    }
    eprintln!(
        "pooled F1 {:.2}  dates {:.2}  counts {:.2}  entity recall {:.2}",
        pooled.f1(),
        pooled.dates(),
        pooled.counts(),
        pooled.entity_recall()
    );
    assert!(seeds_f1 >= MIN_SEEDS_F1, "seeds F1 {seeds_f1:.2} < {MIN_SEEDS_F1}");
    assert!(pooled.f1() >= MIN_F1, "pooled F1 {:.2} < {MIN_F1}", pooled.f1());
    assert!(pooled.dates() >= MIN_DATES, "pooled dates {:.2} < {MIN_DATES}", pooled.dates());
    assert!(pooled.counts() >= MIN_COUNTS, "pooled counts {:.2} < {MIN_COUNTS}", pooled.counts());
    assert!(
        pooled.entity_recall() >= MIN_ENTITY_RECALL,
        "pooled entity recall {:.2} < {MIN_ENTITY_RECALL}",
        pooled.entity_recall()
    );
}
