//! Every rule's own examples, run through the whole extractor: each example of a rule must
//! give an event typed by that rule (with the fields its `=> field=value` part states), each
//! `not` example must give none by it; each example of a veto must give no event of the
//! veto's kinds, each `not` example of a veto at least one.
//!
//! The examples live beside the rules in `assets/rules/en/*.toml`; they were written for the
//! rules, not copied from any reference text.

use std::path::Path;

use chrono::NaiveDate;
use sitrep::extract::{self, EventKind, fixture::article_from_text};

/// The publication date of every example's article: a Wednesday.
const PUBLISHED: &str = "2026-03-04";

struct Example {
    text: String,
    expect: Vec<(String, String)>,
}

/// "text => place=Kharkiv date=2026-03-02 claimed_by=\"the governor\"".
fn parse_example(src: &str) -> Example {
    let (text, rest) = match src.split_once(" => ") {
        Some((t, r)) => (t, r),
        None => (src, ""),
    };
    let mut expect = Vec::new();
    let mut rest = rest.trim();
    while !rest.is_empty() {
        let (key, after) = rest.split_once('=').unwrap_or_else(|| panic!("bad expectation in {src:?}"));
        let (value, after) = match after.strip_prefix('"') {
            Some(q) => {
                let end = q.find('"').unwrap_or_else(|| panic!("unclosed quote in {src:?}"));
                (&q[..end], &q[end + 1..])
            }
            None => after.split_once(' ').unwrap_or((after, "")),
        };
        expect.push((key.trim().to_string(), value.to_string()));
        rest = after.trim();
    }
    Example { text: text.to_string(), expect }
}

struct Got {
    kind: EventKind,
    rule: String,
    fields: Vec<(&'static str, String)>,
}

fn extract(text: &str) -> Vec<Got> {
    let published = NaiveDate::parse_from_str(PUBLISHED, "%Y-%m-%d").unwrap();
    let a = article_from_text("example.txt", text, Some(published));
    let ex = extract::run(std::slice::from_ref(&a));
    ex.events
        .iter()
        .map(|e| {
            let opt = |v: Option<u32>| v.map_or("none".to_string(), |v| v.to_string());
            Got {
                kind: e.kind,
                rule: ex.rule_name(e).to_string(),
                fields: vec![
                    ("place", ex.place_name(e).unwrap_or("none").to_string()),
                    ("date", e.date.start.map_or("none".to_string(), |d| d.to_string())),
                    ("killed", opt(e.killed)),
                    ("injured", opt(e.injured)),
                    ("drones", opt(e.drones)),
                    ("missiles", opt(e.missiles)),
                    ("claimed_by", ex.claimed_by(e).unwrap_or("none").to_string()),
                    ("kind", e.kind.as_str().to_string()),
                ],
            }
        })
        .collect()
}

fn show(got: &[Got]) -> String {
    got.iter().map(|g| format!("{} {:?}", g.rule, g.fields)).collect::<Vec<_>>().join("\n    ")
}

fn strings(v: Option<&toml::Value>) -> Vec<String> {
    v.and_then(toml::Value::as_array)
        .map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_string)).collect())
        .unwrap_or_default()
}

#[test]
fn every_rule_and_veto_passes_its_own_examples() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/rules/en");
    let mut failures = Vec::new();
    let mut checked = 0;
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    for path in files.iter().filter(|p| p.extension().is_some_and(|e| e == "toml")) {
        let doc: toml::Table = std::fs::read_to_string(path).unwrap().parse().unwrap();
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        for rule in doc.get("rule").and_then(toml::Value::as_array).into_iter().flatten() {
            let name = rule["name"].as_str().unwrap().to_string();
            let examples = strings(rule.get("examples"));
            if examples.is_empty() {
                failures.push(format!("{file}: rule {name} has no examples"));
            }
            for src in examples {
                checked += 1;
                let ex = parse_example(&src);
                let got = extract(&ex.text);
                let Some(g) = got.iter().find(|g| g.rule == name) else {
                    failures.push(format!("{file}: {name}: no event by the rule in {:?}\n    {}", ex.text, show(&got)));
                    continue;
                };
                for (k, want) in &ex.expect {
                    match g.fields.iter().find(|(f, _)| f == k) {
                        Some((_, v)) if v == want => {}
                        Some((_, v)) => {
                            failures.push(format!("{file}: {name}: {k} is {v:?}, want {want:?} in {:?}", ex.text))
                        }
                        None => failures.push(format!("{file}: {name}: unknown field {k}")),
                    }
                }
            }
            for src in strings(rule.get("not")) {
                checked += 1;
                let got = extract(&src);
                if got.iter().any(|g| g.rule == name) {
                    failures.push(format!("{file}: {name}: fired on its counter-example {src:?}\n    {}", show(&got)));
                }
            }
        }
        for veto in doc.get("veto").and_then(toml::Value::as_array).into_iter().flatten() {
            let name = veto["name"].as_str().unwrap().to_string();
            let kinds: Vec<EventKind> =
                strings(veto.get("kinds")).iter().map(|k| EventKind::parse(k).expect("a kind")).collect();
            let examples = strings(veto.get("examples"));
            if examples.is_empty() {
                failures.push(format!("{file}: veto {name} has no examples"));
            }
            for src in examples {
                checked += 1;
                let got = extract(&src);
                if got.iter().any(|g| kinds.contains(&g.kind)) {
                    failures.push(format!("{file}: {name}: an event it should cancel in {src:?}\n    {}", show(&got)));
                }
            }
            for src in strings(veto.get("not")) {
                checked += 1;
                let got = extract(&src);
                if !got.iter().any(|g| kinds.contains(&g.kind)) {
                    failures.push(format!("{file}: {name}: cancelled its counter-example {src:?}\n    {}", show(&got)));
                }
            }
        }
    }
    assert!(checked > 20, "only {checked} examples found in {}", dir.display());
    assert!(failures.is_empty(), "{} of {checked} rule examples fail:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn example_expectations_parse() {
    let e = parse_example("A strike on Kyiv. => place=Kyiv claimed_by=\"the city council\" killed=2");
    assert_eq!(e.text, "A strike on Kyiv.");
    assert_eq!(
        e.expect,
        [
            ("place".to_string(), "Kyiv".to_string()),
            ("claimed_by".to_string(), "the city council".to_string()),
            ("killed".to_string(), "2".to_string())
        ]
    );
}
