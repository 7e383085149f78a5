//! A Rust port of `../shared/eval/score.py`: events matched by kind and place (spellings
//! normalised as the scorer does), dates and counts scored on matched events, entity recall
//! by name. Shared by the reference tests (`#[path]`-included, not a library module).

#![allow(dead_code)]

use std::collections::{HashMap, HashSet};

use serde_json::Value;

const SCORED: [&str; 6] = ["strike", "ground_clash", "territorial_claim", "diplomacy", "aid", "incursion"];

/// score.py's FOLD table.
fn fold_word(w: &str) -> String {
    let f = match w {
        "zaporizhia" | "zaporozhye" | "zaporizhzhya" => "zaporizhzhia",
        "kiev" => "kyiv",
        "odessa" => "odesa",
        "kharkov" => "kharkiv",
        "dnepr" => "dnipro",
        "sergey" => "sergei",
        "donestk" => "donetsk",
        "slavyansk" | "sloviansk" => "slovyansk",
        "turkiye" => "turkey",
        "usa" | "us" | "u s" | "america" => "united states",
        "lugansk" => "luhansk",
        "zelenskiy" | "zelenskyy" => "zelensky",
        "uk" | "britain" | "great britain" => "united kingdom",
        "nikolaev" | "mykolayiv" => "mykolaiv",
        "chernigov" => "chernihiv",
        "lvov" | "lwow" => "lviv",
        "vinnytsya" => "vinnytsia",
        w => w,
    };
    f.to_string()
}

/// The scorer's spelling normalisation: accents off, lower case, words only, fold
/// transliterations, drop "city", "oblast", "the" and the like.
fn norm(name: &str) -> String {
    let s: String =
        sitrep::extract::fold::fold(name).chars().map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' }).collect();
    let drop = ["city", "oblast", "region", "province", "the", "of", "republic", "raion", "district"];
    let whole = fold_word(&s.split_whitespace().collect::<Vec<_>>().join(" "));
    let words: Vec<String> = whole.split_whitespace().filter(|w| !drop.contains(w)).map(fold_word).collect();
    fold_word(&words.join(" "))
}

fn base(p: &str) -> String {
    p.rsplit('/').next().unwrap_or(p).split('#').next().unwrap_or("").to_string()
}

/// One reference set's scores, and the counts they come from (to pool sets).
#[derive(Debug, Default, Clone, Copy)]
pub struct Scores {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
    pub dates_right: usize,
    pub dates_total: usize,
    pub counts_right: usize,
    pub counts_total: usize,
    pub entities_found: usize,
    pub entities_total: usize,
    pub junk: usize,
}

/// Score events and entities (rows as the CLI's JSON writes them) against a reference set.
pub fn score(gold: &Value, events: &[Value], entities: &[Value]) -> Scores {
    let (mut tp, mut fp, mut fnn) = (0usize, 0usize, 0usize);
    let (mut dr, mut dt, mut cr, mut ct) = (0, 0, 0, 0);
    let place_ok = |g: &Value, p: &Value| {
        let mut want: HashSet<String> = HashSet::new();
        if let Some(x) = g["place"].as_str() {
            want.insert(norm(x));
        }
        for x in g["place_alt"].as_array().into_iter().flatten() {
            want.insert(norm(x.as_str().unwrap_or("")));
        }
        p["place"].as_str().is_some_and(|x| want.contains(&norm(x)))
    };
    for art in gold["articles"].as_array().unwrap() {
        let name = art["file"].as_str().unwrap();
        let all: Vec<&Value> = art["events"].as_array().unwrap().iter().collect();
        let required: Vec<&Value> = all
            .iter()
            .copied()
            .filter(|g| !g["optional"].as_bool().unwrap_or(false) && SCORED.contains(&g["kind"].as_str().unwrap_or("")))
            .collect();
        let optional: Vec<&Value> = all.iter().copied().filter(|g| g["optional"].as_bool().unwrap_or(false)).collect();
        let ps: Vec<&Value> = events
            .iter()
            .filter(|p| {
                base(p["file"].as_str().unwrap_or("")) == name && SCORED.contains(&p["kind"].as_str().unwrap_or(""))
            })
            .collect();
        let date_ok = |g: &Value, p: &Value| {
            let (lo, hi) =
                (g["date"].as_str().unwrap_or(""), g["date_end"].as_str().or(g["date"].as_str()).unwrap_or(""));
            p["date"].as_str().is_some_and(|d| lo <= d && d <= hi)
        };
        let fields = ["killed", "injured", "drones", "missiles"];
        let mut pairs = Vec::new();
        for (gi, g) in required.iter().enumerate() {
            for (pi, p) in ps.iter().enumerate() {
                if g["kind"] == p["kind"] && place_ok(g, p) {
                    let agree = (g["date"].is_string() && date_ok(g, p)) as i32
                        + fields.iter().filter(|f| !g[**f].is_null() && g[**f] == p[**f]).count() as i32;
                    pairs.push((-agree, gi, pi));
                }
            }
        }
        pairs.sort();
        let (mut ug, mut up) = (HashSet::new(), HashSet::new());
        for (_, gi, pi) in pairs {
            if ug.contains(&gi) || up.contains(&pi) {
                continue;
            }
            ug.insert(gi);
            up.insert(pi);
            let (g, p) = (required[gi], ps[pi]);
            if g["date"].is_string() {
                dt += 1;
                dr += date_ok(g, p) as usize;
            }
            for f in fields {
                if !g[f].is_null() {
                    ct += 1;
                    cr += (g[f] == p[f]) as usize;
                }
            }
        }
        for (pi, p) in ps.iter().enumerate() {
            let known = |gs: &[&Value]| gs.iter().any(|g| g["kind"] == p["kind"] && place_ok(g, p));
            if !up.contains(&pi) && !known(&optional) && !known(&required) {
                fp += 1;
            }
        }
        tp += ug.len();
        fnn += required.len() - ug.len();
    }

    let junk_names = [
        "share",
        "copied",
        "key takeaways",
        "email",
        "tt",
        "url copy",
        "jan feb mar",
        "filed",
        "photo",
        "locales",
        "compiled by",
    ];
    let junk =
        entities.iter().filter(|e| junk_names.contains(&norm(e["name"].as_str().unwrap_or("")).as_str())).count();
    let mut per_art: HashMap<String, Vec<(String, Vec<String>)>> = HashMap::new();
    for e in entities {
        let mut names = vec![e["name"].as_str().unwrap_or("").to_string()];
        names.extend(e["aliases"].as_array().into_iter().flatten().filter_map(|a| a.as_str().map(String::from)));
        for m in e["mentions"].as_array().into_iter().flatten() {
            per_art
                .entry(base(m["file"].as_str().unwrap_or("")))
                .or_default()
                .push((e["kind"].as_str().unwrap_or("").to_string(), names.clone()));
        }
    }
    let (mut found, mut total) = (0, 0);
    for art in gold["articles"].as_array().unwrap() {
        let got = per_art.get(art["file"].as_str().unwrap()).cloned().unwrap_or_default();
        for (kind, names) in art["entities"].as_object().unwrap() {
            for want in names.as_array().unwrap() {
                total += 1;
                let wn = norm(want.as_str().unwrap());
                let surname = wn.split_whitespace().last().unwrap_or("").to_string();
                let hit = got.iter().any(|(k, ns)| {
                    k == kind
                        && ns.iter().any(|n| {
                            let nn = norm(n);
                            nn == wn || (kind == "person" && nn.split_whitespace().last() == Some(surname.as_str()))
                        })
                });
                found += hit as usize;
            }
        }
    }
    Scores {
        tp,
        fp,
        fn_: fnn,
        dates_right: dr,
        dates_total: dt,
        counts_right: cr,
        counts_total: ct,
        entities_found: found,
        entities_total: total,
        junk,
    }
}

impl Scores {
    pub fn f1(&self) -> f64 {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 }
    }
    pub fn dates(&self) -> f64 {
        self.dates_right as f64 / self.dates_total.max(1) as f64
    }
    pub fn counts(&self) -> f64 {
        self.counts_right as f64 / self.counts_total.max(1) as f64
    }
    pub fn entity_recall(&self) -> f64 {
        self.entities_found as f64 / self.entities_total.max(1) as f64
    }
    /// Add another set's counts (score.py's pooled row: a micro-average).
    pub fn add(&mut self, o: &Scores) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
        self.dates_right += o.dates_right;
        self.dates_total += o.dates_total;
        self.counts_right += o.counts_right;
        self.counts_total += o.counts_total;
        self.entities_found += o.entities_found;
        self.entities_total += o.entities_total;
        self.junk += o.junk;
    }
}
