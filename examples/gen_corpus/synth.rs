//! The synthetic reporting behind the scale corpus and the benchmarks: a small deterministic
//! random generator, the gazetteer tables the text is built from, sentence templates for every
//! event kind, and renderers for each input format the loader reads.
//!
//! Shared by `examples/gen_corpus` (which writes files) and the benchmarks (which build texts
//! and events in memory), via `#[path]`. Article `i` of seed `s` depends on `(s, i)` only, so
//! a corpus of N articles is a prefix of any larger one with the same seed, and generation can
//! run on any number of threads with the same bytes out.

#![allow(dead_code)] // each user of this module uses a different part of it

use std::fmt::Write as _;
use std::path::Path;

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// SplitMix64: tiny, fast, good enough for text, and the same on every platform.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The generator for item `i` of stream `stream` under `seed`, independent of all others.
    pub fn for_item(seed: u64, stream: u64, i: u64) -> Rng {
        let mut r = Rng(seed ^ stream.wrapping_mul(0xA076_1D64_78BD_642F) ^ i.wrapping_mul(0xE703_7ED1_A0B4_28DB));
        r.next_u64();
        r
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 32) * n as u64) >> 32) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + self.below((hi - lo + 1) as usize) as u32
    }

    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// A count with a long tail: mostly small, sometimes large.
    pub fn count(&mut self, small: u32, large: u32) -> u32 {
        if self.chance(0.8) { self.range(2, small) } else { self.range(small, large) }
    }
}

/// A place with its chain of names, innermost first (`Druzhkivka, Kramatorsk Raion, Donetsk
/// Oblast, Ukraine`).
#[derive(Debug, Clone)]
pub struct Place {
    pub name: String,
    pub path: Vec<String>,
    pub population: u64,
}

impl Place {
    /// The oblast (or country's first division) for a Ukrainian place, else the country.
    pub fn region(&self) -> &str {
        let n = self.path.len();
        if n >= 3 { &self.path[n - 2] } else { self.path.last().map(String::as_str).unwrap_or("") }
    }
    pub fn country(&self) -> &str {
        self.path.last().map(String::as_str).unwrap_or("")
    }
}

#[derive(Debug, Clone)]
pub struct Person {
    pub name: String,
    pub role: String,
    pub country: String,
}

#[derive(Debug, Clone)]
pub struct Weapon {
    /// Plural as written in a count: "Shahed drones", "Iskander-M ballistic missiles".
    pub plural: String,
    /// Singular with article: "a Shahed drone".
    pub singular: String,
    pub is_missile: bool,
    pub is_drone: bool,
}

/// The reference tables the text is built from.
#[derive(Debug, Clone)]
pub struct Tables {
    /// Ukrainian settlements near the front (weighted choice for strikes and fighting).
    pub front: Vec<Place>,
    /// Ukrainian cities of 50,000 people or more.
    pub cities: Vec<Place>,
    /// Every Ukrainian settlement.
    pub villages: Vec<Place>,
    /// Oblast names.
    pub oblasts: Vec<String>,
    /// Russian border regions' towns.
    pub russian: Vec<Place>,
    /// Capitals and venues for diplomacy.
    pub venues: Vec<Place>,
    pub people: Vec<Person>,
    pub orgs: Vec<String>,
    pub weapons: Vec<Weapon>,
}

const FRONT_OBLASTS: [&str; 7] = [
    "Donetsk Oblast",
    "Kharkiv Oblast",
    "Zaporizhzhia Oblast",
    "Dnipropetrovsk Oblast",
    "Sumy Oblast",
    "Kherson Oblast",
    "Luhansk Oblast",
];

const VENUES: [&str; 16] = [
    "Washington",
    "Brussels",
    "Geneva",
    "Abu Dhabi",
    "Istanbul",
    "Riyadh",
    "Paris",
    "Berlin",
    "London",
    "Warsaw",
    "Ankara",
    "Budapest",
    "Vilnius",
    "Moscow",
    "Kyiv",
    "Rome",
];

const PEOPLE: [(&str, &str, &str); 24] = [
    ("Volodymyr Zelensky", "President", "Ukraine"),
    ("Vladimir Putin", "President", "Russia"),
    ("Sergei Lavrov", "Foreign Minister", "Russia"),
    ("Andrii Sybiha", "Foreign Minister", "Ukraine"),
    ("Dmitry Peskov", "Kremlin spokesman", "Russia"),
    ("Oleksandr Syrskyi", "Commander-in-Chief", "Ukraine"),
    ("Kyrylo Budanov", "intelligence chief", "Ukraine"),
    ("Rustem Umerov", "security council secretary", "Ukraine"),
    ("Denys Shmyhal", "Defence Minister", "Ukraine"),
    ("Andrei Belousov", "Defence Minister", "Russia"),
    ("Valery Gerasimov", "Chief of the General Staff", "Russia"),
    ("Mark Rutte", "NATO Secretary General", "NATO"),
    ("Ursula von der Leyen", "European Commission President", "EU"),
    ("Kaja Kallas", "EU foreign policy chief", "EU"),
    ("Marco Rubio", "Secretary of State", "United States"),
    ("Steve Witkoff", "special envoy", "United States"),
    ("Keir Starmer", "Prime Minister", "United Kingdom"),
    ("Emmanuel Macron", "President", "France"),
    ("Friedrich Merz", "Chancellor", "Germany"),
    ("Recep Tayyip Erdoğan", "President", "Türkiye"),
    ("Viktor Orbán", "Prime Minister", "Hungary"),
    ("Rafael Grossi", "IAEA Director General", "IAEA"),
    ("Ihor Terekhov", "Mayor", "Ukraine"),
    ("Oleh Syniehubov", "Governor", "Ukraine"),
];

const ORGS: [&str; 14] = [
    "the General Staff of the Armed Forces of Ukraine",
    "the Ukrainian Air Force",
    "Russia's Defence Ministry",
    "the State Emergency Service",
    "the Institute for the Study of War",
    "the UN Human Rights Monitoring Mission",
    "the International Atomic Energy Agency",
    "NATO",
    "the European Commission",
    "Ukrenergo",
    "Naftogaz",
    "DTEK",
    "the Red Cross",
    "UNICEF",
];

const WEAPONS: [(&str, &str, bool, bool); 16] = [
    ("Shahed drones", "a Shahed drone", false, true),
    ("Geran-2 drones", "a Geran-2 drone", false, true),
    ("attack drones", "an attack drone", false, true),
    ("FPV drones", "an FPV drone", false, true),
    ("Lancet loitering munitions", "a Lancet loitering munition", false, true),
    ("Iskander-M ballistic missiles", "an Iskander-M ballistic missile", true, false),
    ("Kh-101 cruise missiles", "a Kh-101 cruise missile", true, false),
    ("Kalibr cruise missiles", "a Kalibr cruise missile", true, false),
    ("Kinzhal hypersonic missiles", "a Kinzhal hypersonic missile", true, false),
    ("S-300 missiles", "an S-300 missile", true, false),
    ("KAB glide bombs", "a KAB glide bomb", false, false),
    ("guided aerial bombs", "a guided aerial bomb", false, false),
    ("artillery shells", "an artillery shell", false, false),
    ("multiple rocket launchers", "a multiple rocket launcher", false, false),
    ("ATACMS missiles", "an ATACMS missile", true, false),
    ("Storm Shadow missiles", "a Storm Shadow missile", true, false),
];

fn tsv_rows(path: &Path) -> Vec<Vec<String>> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    text.lines().skip(1).filter(|l| !l.trim().is_empty()).map(|l| l.split('\t').map(str::to_string).collect()).collect()
}

impl Tables {
    /// Read `places.tsv`, `people.tsv`, `orgs.tsv` and `weapons.tsv` from `dir`; tables that
    /// are missing or empty fall back to the built-in lists above.
    pub fn load(dir: &Path) -> Tables {
        use std::collections::HashMap;
        struct Row {
            name: String,
            kind: String,
            parent: String,
            population: u64,
        }
        let mut rows: HashMap<String, Row> = HashMap::new();
        let mut order: Vec<String> = Vec::new();
        for r in tsv_rows(&dir.join("places.tsv")) {
            if r.len() < 4 {
                continue;
            }
            let population = r.get(6).and_then(|p| p.parse().ok()).unwrap_or(0);
            order.push(r[0].clone());
            rows.insert(r[0].clone(), Row { name: r[1].clone(), kind: r[2].clone(), parent: r[3].clone(), population });
        }
        let path_of = |id: &str| -> Vec<String> {
            let mut out = Vec::new();
            let mut cur = id.to_string();
            while let Some(row) = rows.get(&cur) {
                if row.kind == "continent" || out.len() > 6 {
                    break;
                }
                out.push(row.name.clone());
                cur = row.parent.clone();
            }
            out
        };
        let mut t = Tables {
            front: Vec::new(),
            cities: Vec::new(),
            villages: Vec::new(),
            oblasts: Vec::new(),
            russian: Vec::new(),
            venues: Vec::new(),
            people: Vec::new(),
            orgs: Vec::new(),
            weapons: Vec::new(),
        };
        for id in &order {
            let row = &rows[id];
            if row.kind == "region" && id.starts_with("x-ua-") {
                t.oblasts.push(row.name.clone());
            }
            if row.kind != "settlement" {
                continue;
            }
            let path = path_of(id);
            let place = Place { name: row.name.clone(), path, population: row.population };
            if place.country() == "Ukraine" {
                if FRONT_OBLASTS.contains(&place.region()) {
                    t.front.push(place.clone());
                }
                if place.population >= 50_000 {
                    t.cities.push(place.clone());
                }
                t.villages.push(place);
            } else if ["x-ru-belgorod-oblast", "x-ru-bryansk-oblast", "x-ru-kursk-oblast"]
                .contains(&row.parent.as_str())
            {
                t.russian.push(place);
            } else if VENUES.contains(&place.name.as_str()) && place.population > 100_000 {
                t.venues.push(place);
            }
        }
        let fallback = |name: &str, country: &str| Place {
            name: name.to_string(),
            path: vec![name.to_string(), country.to_string()],
            population: 0,
        };
        if t.villages.is_empty() {
            for (n, o) in
                [("Kramatorsk", "Donetsk Oblast"), ("Pokrovsk", "Donetsk Oblast"), ("Kharkiv", "Kharkiv Oblast")]
            {
                let p = Place { name: n.into(), path: vec![n.into(), o.into(), "Ukraine".into()], population: 100_000 };
                t.front.push(p.clone());
                t.cities.push(p.clone());
                t.villages.push(p);
            }
        }
        if t.front.is_empty() {
            t.front = t.villages.clone();
        }
        if t.cities.is_empty() {
            t.cities = t.villages.clone();
        }
        if t.oblasts.is_empty() {
            t.oblasts = FRONT_OBLASTS.iter().map(|s| s.to_string()).collect();
        }
        if t.russian.is_empty() {
            t.russian =
                vec![fallback("Belgorod", "Russia"), fallback("Kursk", "Russia"), fallback("Bryansk", "Russia")];
        }
        if t.venues.is_empty() {
            t.venues = VENUES.iter().map(|v| fallback(v, "")).collect();
        }
        for r in tsv_rows(&dir.join("people.tsv")) {
            if r.len() >= 3 && !r[0].is_empty() {
                t.people.push(Person { name: r[0].clone(), role: r[1].clone(), country: r[2].clone() });
            }
        }
        if t.people.len() < 10 {
            t.people = PEOPLE
                .iter()
                .map(|(n, r, c)| Person { name: n.to_string(), role: r.to_string(), country: c.to_string() })
                .collect();
        }
        for r in tsv_rows(&dir.join("orgs.tsv")) {
            if !r[0].is_empty() {
                t.orgs.push(r[0].clone());
            }
        }
        if t.orgs.len() < 5 {
            t.orgs = ORGS.iter().map(|s| s.to_string()).collect();
        }
        // weapons.tsv names are singular catalogue names; the built-in list has the plural
        // and singular phrases a sentence needs, so it is used whatever the file holds.
        t.weapons = WEAPONS
            .iter()
            .map(|(p, s, m, d)| Weapon { plural: p.to_string(), singular: s.to_string(), is_missile: *m, is_drone: *d })
            .collect();
        t
    }

    /// A place for a strike or fighting: mostly near the front, sometimes a city, rarely any
    /// village.
    pub fn war_place(&self, r: &mut Rng) -> &Place {
        match r.below(10) {
            0..=6 => r.pick(&self.front),
            7 | 8 => r.pick(&self.cities),
            _ => r.pick(&self.villages),
        }
    }
}

/// The kinds of event a sentence reports: sitrep's own (a generated sentence is never `Other`).
pub use sitrep::extract::EventKind as Kind;

/// What one generated sentence says, for building synthetic events without extraction.
#[derive(Debug, Clone)]
pub struct Fact {
    pub kind: Option<Kind>,
    pub place: Option<Place>,
    pub date: Option<NaiveDate>,
    pub killed: Option<u32>,
    pub injured: Option<u32>,
    pub drones: Option<u32>,
    pub missiles: Option<u32>,
    pub actor: Option<&'static str>,
    pub text: String,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MON_ABBR: [&str; 12] =
    ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"];
const NUM_WORDS: [&str; 13] =
    ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// A number as news prints it: small ones in words, sometimes "at least".
fn num(r: &mut Rng, n: u32) -> String {
    let core =
        if n < NUM_WORDS.len() as u32 && r.chance(0.6) { NUM_WORDS[n as usize].to_string() } else { n.to_string() };
    if r.chance(0.3) { format!("at least {core}") } else { core }
}

/// A date phrase for `d` seen from `published`, and the date it resolves to.
fn date_phrase(r: &mut Rng, d: NaiveDate, published: NaiveDate) -> String {
    let back = (published - d).num_days();
    match r.below(8) {
        0 if back == 0 => "overnight".to_string(),
        1 if back == 1 => "yesterday".to_string(),
        2 if (1..7).contains(&back) => format!("on {}", weekday_name(d.weekday())),
        3 => format!("on {} {}", d.day(), MONTHS[d.month0() as usize]),
        4 => format!("on {} {}, {}", MONTHS[d.month0() as usize], d.day(), d.year()),
        _ => format!("on {} {}", MONTHS[d.month0() as usize], d.day()),
    }
}

fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn source_clause(r: &mut Rng, t: &Tables, place: &Place) -> String {
    match r.below(7) {
        0 => format!("{} said", r.pick(&t.orgs)),
        1 => format!("regional governor {} said on Telegram", person_name(r)),
        2 => format!("the head of the {} military administration said", place.region().trim_end_matches(" Oblast")),
        3 => "local officials reported".to_string(),
        4 => format!("{} reported", cap(r.pick(&t.orgs).as_str())),
        5 => "according to the prosecutor's office".to_string(),
        _ => "emergency services said".to_string(),
    }
}

fn person_name(r: &mut Rng) -> String {
    const GIVEN: [&str; 14] = [
        "Oleh",
        "Ivan",
        "Vadym",
        "Serhiy",
        "Yuliia",
        "Oleksandr",
        "Vitaliy",
        "Ihor",
        "Natalia",
        "Andriy",
        "Yevhen",
        "Roman",
        "Kateryna",
        "Artem",
    ];
    const FAMILY: [&str; 14] = [
        "Fedorov",
        "Lysak",
        "Filashkin",
        "Prokudin",
        "Kiper",
        "Terekhov",
        "Syniehubov",
        "Vilkul",
        "Malashko",
        "Kim",
        "Hryhorenko",
        "Shevchenko",
        "Bondarenko",
        "Kovalenko",
    ];
    format!("{} {}", r.pick(&GIVEN), r.pick(&FAMILY))
}

/// One sentence of reporting. About two in three report an event.
pub fn sentence(r: &mut Rng, t: &Tables, published: NaiveDate) -> Fact {
    let d = published - Duration::days(r.below(4) as i64);
    let dp = date_phrase(r, d, published);
    let mut f = Fact {
        kind: None,
        place: None,
        date: Some(d),
        killed: None,
        injured: None,
        drones: None,
        missiles: None,
        actor: None,
        text: String::new(),
    };
    let roll = r.below(100);
    let s = match roll {
        // Strikes with counts.
        0..=21 => {
            let p = t.war_place(r).clone();
            let w = r.pick(&t.weapons).clone();
            let k = if r.chance(0.5) { Some(r.count(5, 40)) } else { None };
            let i = if r.chance(0.6) { Some(r.count(12, 90)) } else { None };
            let harm = match (k, i) {
                (Some(k), Some(i)) => format!(", killing {} people and injuring {}", num(r, k), num(r, i)),
                (Some(k), None) => format!(", killing {}", num(r, k)),
                (None, Some(i)) => format!(", injuring {} civilians", num(r, i)),
                (None, None) => String::new(),
            };
            let target = r.pick(&[
                "a residential building",
                "an apartment block",
                "energy infrastructure",
                "a railway station",
                "a grain terminal",
                "a hospital",
                "a bus carrying miners",
                "a market",
                "a school",
            ]);
            f.kind = Some(Kind::Strike);
            f.killed = k;
            f.injured = i;
            f.actor = Some("Russia");
            let src = source_clause(r, t, &p);
            let s = match r.below(3) {
                0 => format!(
                    "Russian forces struck {target} in {}, {}, with {}{dp}{harm}, {src}.",
                    p.name,
                    p.region(),
                    w.plural
                ),
                1 => format!("{} hit {target} in {} {dp}{harm}, {src}.", cap(&w.singular), p.name),
                _ => {
                    let n = r.count(6, 60);
                    if w.is_drone {
                        f.drones = Some(n);
                    } else if w.is_missile {
                        f.missiles = Some(n);
                    }
                    format!(
                        "Russia attacked {} with {} {} {dp}, damaging {target}{harm}, {src}.",
                        p.name,
                        num(r, n),
                        w.plural
                    )
                }
            };
            f.place = Some(p);
            s
        }
        // Nationwide air attacks.
        22..=29 => {
            let drones = r.range(40, 650);
            let missiles = r.range(0, 60);
            let down = drones * r.range(70, 95) / 100;
            f.kind = Some(Kind::Strike);
            f.drones = Some(drones);
            f.missiles = (missiles > 0).then_some(missiles);
            f.actor = Some("Russia");
            let p = r.pick(&t.cities).clone();
            let s = format!(
                "Russia launched {drones} drones and {missiles} missiles at Ukraine {dp}, the Ukrainian Air Force said, adding that air defences shot down {down} of them and that {} was among the cities hit.",
                p.name
            );
            f.place = Some(p);
            s
        }
        // Ground fighting.
        30..=41 => {
            let p = r.pick(&t.front).clone();
            let n = r.count(8, 60);
            f.kind = Some(Kind::GroundClash);
            f.actor = Some("Ukraine");
            let s = match r.below(3) {
                0 => format!(
                    "Ukrainian forces repelled {} Russian assaults near {} in {} {dp}, the General Staff said.",
                    num(r, n),
                    p.name,
                    p.region()
                ),
                1 => format!(
                    "Fighting continued near {} {dp}, where Russian infantry tried to advance in small groups under cover of {}.",
                    p.name,
                    r.pick(&["fog", "darkness", "drones", "artillery fire"])
                ),
                _ => format!(
                    "Russian troops attacked Ukrainian positions around {} {} times {dp}, according to {}.",
                    p.name,
                    n,
                    r.pick(&t.orgs)
                ),
            };
            f.place = Some(p);
            s
        }
        // Territorial claims.
        42..=49 => {
            let p = r.pick(&t.front).clone();
            f.kind = Some(Kind::TerritorialClaim);
            f.actor = Some("Russia");
            let s = if r.chance(0.5) {
                format!(
                    "Russia's Defence Ministry claimed {dp} that its troops had captured the village of {} in {}; Reuters could not independently verify the claim.",
                    p.name,
                    p.region()
                )
            } else {
                format!(
                    "Geolocated footage published {dp} indicates that Russian forces recently advanced in western {}.[{}]",
                    p.name,
                    r.range(1, 40)
                )
            };
            f.place = Some(p);
            s
        }
        // Diplomacy.
        50..=59 => {
            let a = r.pick(&t.people).clone();
            let b = r.pick(&t.people).clone();
            let v = r.pick(&t.venues).clone();
            f.kind = Some(Kind::Diplomacy);
            let topic = r.pick(&[
                "a ceasefire",
                "security guarantees for Ukraine",
                "a prisoner exchange",
                "the peace framework",
                "sanctions on Russian oil",
                "the Zaporizhzhia nuclear power plant",
            ]);
            let s = match r.below(3) {
                0 => format!(
                    "{} {} met {} {} in {} {dp} to discuss {topic}.",
                    cap(&a.role),
                    a.name,
                    b.role,
                    b.name,
                    v.name
                ),
                1 => format!(
                    "Delegations from Ukraine, Russia and the United States held a {} round of talks in {} {dp}, focusing on {topic}.",
                    r.pick(&["second", "third", "new", "fresh"]),
                    v.name
                ),
                _ => format!("{} said {dp} that talks on {topic} would resume in {} next week.", a.name, v.name),
            };
            f.place = Some(v);
            s
        }
        // Aid.
        60..=65 => {
            let country = r.pick(&[
                "Germany",
                "the United Kingdom",
                "Norway",
                "the Netherlands",
                "Denmark",
                "Sweden",
                "Canada",
                "Japan",
                "France",
                "Poland",
            ]);
            let amount = r.range(2, 900) * 10;
            f.kind = Some(Kind::Aid);
            format!(
                "{} announced a new aid package for Ukraine worth {amount} million euros {dp}, including air defence systems and {}.",
                cap(country),
                r.pick(&t.weapons).plural
            )
        }
        // Incursions.
        66..=70 => {
            let country = r.pick(&["Poland", "Romania", "Moldova", "Lithuania", "Latvia", "Estonia"]);
            f.kind = Some(Kind::Incursion);
            f.actor = Some("Russia");
            format!(
                "{} scrambled jets {dp} after a Russian drone entered its airspace during an attack on western Ukraine, the army said.",
                country
            )
        }
        // Statements.
        71..=80 => {
            let a = r.pick(&t.people).clone();
            f.kind = Some(Kind::Statement);
            let what = r.pick(&[
                "Russia was not interested in peace",
                "Ukraine needed more air defence before the winter",
                "the front line was stabilising",
                "the talks had made real progress",
                "sanctions were starting to bite",
                "the West should not expect quick results",
            ]);
            format!(
                "{} {} said {dp} that {what}, speaking to reporters {}.",
                cap(&a.role),
                a.name,
                r.pick(&["in Kyiv", "in Brussels", "after the meeting", "on a visit to the front"])
            )
        }
        // Border and Russia.
        81..=85 => {
            let p = r.pick(&t.russian).clone();
            f.kind = Some(Kind::Strike);
            f.actor = Some("Ukraine");
            let n = r.count(10, 120);
            f.drones = Some(n);
            let s = format!(
                "Russia's Defence Ministry said {dp} it had downed {n} Ukrainian drones over {} region, and a fire broke out at {}.",
                p.name,
                r.pick(&["an oil refinery", "a fuel depot", "an ammunition depot", "a power substation"])
            );
            f.place = Some(p);
            s
        }
        // Background and analysis: no event.
        _ => {
            f.date = None;
            let p = r.pick(&t.oblasts).clone();
            match r.below(6) {
                0 => format!(
                    "Analysts say Moscow is trying to stretch Ukrainian forces along the whole front line, from {p} to the north."
                ),
                1 => "The war, now in its fifth year, has killed tens of thousands of soldiers on both sides and displaced millions of people.".to_string(),
                2 => format!(
                    "Residents of {p} said the power cuts had become longer since the start of the winter, with some neighbourhoods going without heat for days."
                ),
                3 => "ISW continues to assess that Russia is prioritising strikes against civilians to demoralise the Ukrainian population.".to_string(),
                4 => "Kyiv has urged its allies to speed up deliveries of interceptors, saying stocks are running low.".to_string(),
                _ => "Neither side gave details of its own losses, and casualty figures could not be independently confirmed.".to_string(),
            }
        }
    };
    f.text = s;
    f
}

/// Headline for an article led by `lead`.
fn headline(r: &mut Rng, lead: &Fact) -> String {
    let place = lead.place.as_ref().map(|p| p.name.as_str()).unwrap_or("Ukraine");
    match lead.kind {
        Some(Kind::Strike) => match lead.killed {
            Some(k) => format!("Russian strike on {place} kills {k}"),
            None => format!("{} attack hits {place} overnight", r.pick(&["Drone", "Missile", "Russian"])),
        },
        Some(Kind::GroundClash) => format!("Heavy fighting near {place} as Russia presses offensive"),
        Some(Kind::TerritorialClaim) => format!("Russia claims capture of {place}"),
        Some(Kind::Diplomacy) => format!("Talks in {place} end without breakthrough"),
        Some(Kind::Aid) => "Allies pledge new air defence aid for Ukraine".to_string(),
        Some(Kind::Incursion) => "Russian drone violates NATO airspace".to_string(),
        Some(Kind::Statement) => "Zelensky says Russia is stalling on peace".to_string(),
        Some(Kind::Other) | None => "Ukraine war: what we know on day 1,100".to_string(),
    }
}

/// The formats the loader reads, in the proportions the generator writes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text, one paragraph per line, no metadata (as the seeds are).
    Plain,
    /// Plain text with a headline and `Key: value` header lines.
    Headers,
    /// Markdown with YAML front matter and hard-wrapped paragraphs.
    FrontMatter,
    /// A scraped web page: metadata block, page outline, navigation, body, related links.
    Scraped,
    /// A round-up page holding several short stories, each headline repeated around its captions.
    Roundup,
}

impl Format {
    pub fn ext(self) -> &'static str {
        match self {
            Format::Plain | Format::Headers => "txt",
            Format::FrontMatter | Format::Scraped | Format::Roundup => "md",
        }
    }
    fn pick(r: &mut Rng) -> Format {
        match r.below(20) {
            0..=4 => Format::Plain,
            5..=9 => Format::Headers,
            10..=13 => Format::FrontMatter,
            14..=18 => Format::Scraped,
            _ => Format::Roundup,
        }
    }
}

/// The first day of the year of reporting the corpus covers.
pub fn first_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 3, 1).expect("valid date")
}

const OUTLETS: [(&str, &str); 10] = [
    ("Reuters", "www.reuters.com"),
    ("Associated Press", "apnews.com"),
    ("Kyiv Independent", "kyivindependent.com"),
    ("Ukrainska Pravda", "www.pravda.com.ua"),
    ("Al Jazeera", "www.aljazeera.com"),
    ("The Guardian", "www.theguardian.com"),
    ("Euronews", "www.euronews.com"),
    ("Ukrinform", "www.ukrinform.net"),
    ("Meduza", "meduza.io"),
    ("Institute for the Study of War", "understandingwar.org"),
];

/// One generated article file.
pub struct Generated {
    /// Relative path under the output folder.
    pub path: String,
    pub text: String,
    pub format: Format,
    pub published: NaiveDate,
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').chars().take(60).collect()
}

/// Paragraphs of body text: each a few sentences; the first one leads.
fn body(r: &mut Rng, t: &Tables, published: NaiveDate, paragraphs: usize, footnotes: bool) -> (Vec<String>, Fact) {
    let mut lead = sentence(r, t, published);
    while lead.kind.is_none() {
        lead = sentence(r, t, published);
    }
    let mut out = Vec::with_capacity(paragraphs);
    let mut note = 1;
    for pi in 0..paragraphs {
        let n = r.range(2, 4) as usize;
        let mut para = String::new();
        for si in 0..n {
            let s = if pi == 0 && si == 0 { lead.text.clone() } else { sentence(r, t, published).text };
            if !para.is_empty() {
                para.push(' ');
            }
            para.push_str(&s);
            if footnotes && r.chance(0.4) && !s.ends_with(']') {
                let _ = write!(para, "[{note}]");
                note += 1;
            }
        }
        out.push(para);
    }
    (out, lead)
}

fn caption(r: &mut Rng, t: &Tables, published: NaiveDate) -> String {
    let p = t.war_place(r);
    let what = r.pick(&[
        "Firefighters work at the site of a Russian drone strike",
        "A woman walks past a destroyed building",
        "Rescuers clear debris after a missile attack",
        "Ukrainian servicemen fire a howitzer towards Russian positions",
        "Local residents look at a damaged apartment block",
    ]);
    let credit = r.pick(&[
        "REUTERS/Gleb Garanich",
        "REUTERS/Alina Smutko",
        "(AP Photo/Evgeniy Maloletka)",
        "Photo: State Emergency Service of Ukraine",
        "(Photo by Genya Savilov / AFP)",
        "Ukrinform",
    ]);
    format!(
        "{what} in {}, Ukraine, {} {}, {}. {credit}",
        p.name,
        MONTHS[published.month0() as usize],
        published.day(),
        published.year()
    )
}

/// Wrap a paragraph at about `width` columns (markdown sources are often hard-wrapped).
fn wrap(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / width + 1);
    let mut col = 0;
    for w in text.split(' ') {
        if col > 0 && col + 1 + w.len() > width {
            out.push('\n');
            col = 0;
        } else if col > 0 {
            out.push(' ');
            col += 1;
        }
        out.push_str(w);
        col += w.len();
    }
    out
}

const NAV: [&str; 14] = [
    "Skip to content",
    "Menu",
    "World",
    "Europe",
    "Ukraine war",
    "Business",
    "Opinion",
    "Sign in",
    "Subscribe",
    "Share",
    "Facebook",
    "Twitter",
    "Copy link",
    "Advertisement",
];

/// Article `i` of the corpus with seed `seed` and `n` articles in all.
pub fn article(t: &Tables, seed: u64, i: u64, n: u64) -> Generated {
    let mut r = Rng::for_item(seed, 1, i);
    // Publication dates spread over the year, in article order, so a prefix of the corpus
    // is its first months.
    let day = (i * 365 / n.max(1)) as i64;
    let published = first_day() + Duration::days(day);
    let format = Format::pick(&mut r);
    let (outlet, domain) = *r.pick(&OUTLETS);
    let paragraphs = r.range(4, 9) as usize;
    let footnotes = outlet.starts_with("Institute");
    let mut text = String::with_capacity(4096);
    let (paras, lead) = body(&mut r, t, published, paragraphs, footnotes);
    let title = headline(&mut r, &lead);
    let url = format!("https://{domain}/world/europe/{}-{}/", slug(&title), published.format("%Y-%m-%d"));
    let city = lead
        .place
        .as_ref()
        .filter(|p| p.country() == "Ukraine")
        .map(|p| p.name.to_uppercase())
        .unwrap_or("KYIV".into());
    let dateline = format!(
        "{city}, {} {} ({}) -",
        MON_ABBR[published.month0() as usize],
        published.day(),
        if outlet == "Reuters" { "Reuters" } else { "AP" }
    );
    match format {
        Format::Plain => {
            for p in &paras {
                text.push_str(p);
                text.push('\n');
            }
        }
        Format::Headers => {
            let _ = writeln!(text, "{title}");
            let _ = writeln!(text, "Date: {}", published.format(if r.chance(0.5) { "%Y-%m-%d" } else { "%B %-d, %Y" }));
            let _ = writeln!(text, "Source: {outlet}");
            if r.chance(0.6) {
                let _ = writeln!(text, "URL: {url}");
            }
            if r.chance(0.3) {
                let _ = writeln!(text, "Locales: UKRAINE");
            }
            text.push('\n');
            for (k, p) in paras.iter().enumerate() {
                if k == 0 && r.chance(0.5) {
                    let _ = write!(text, "{dateline} ");
                }
                text.push_str(p);
                text.push_str("\n\n");
            }
        }
        Format::FrontMatter => {
            let _ = writeln!(text, "---\ntitle: \"{title}\"\ndate: {}\nsource: {outlet}\nurl: {url}", published);
            let _ = writeln!(text, "tags: [ukraine, russia, war]\nauthor: {}\n---\n", person_name(&mut r));
            let _ = writeln!(text, "# {title}\n");
            for (k, p) in paras.iter().enumerate() {
                if k == 2 && r.chance(0.5) {
                    let _ = writeln!(text, "![]({url}photo.jpg)\n*{}*\n", caption(&mut r, t, published));
                }
                if k == 3 && r.chance(0.4) {
                    let _ = writeln!(
                        text,
                        "## {}\n",
                        r.pick(&["On the front line", "Diplomacy", "Air attacks", "What comes next"])
                    );
                }
                text.push_str(&wrap(p, 78));
                text.push_str("\n\n");
            }
        }
        Format::Scraped => {
            let ts = published.and_hms_opt(r.range(5, 22), r.range(0, 59), r.range(0, 59)).expect("valid time");
            let _ = writeln!(text, "# {domain}\n\n## Metadata\n");
            let _ = writeln!(
                text,
                "- **URL**: {url}\n- **Domain**: {domain}\n- **Scraped at**: {}+00:00",
                ts.format("%Y-%m-%dT%H:%M:%S%.6f")
            );
            let _ = writeln!(
                text,
                "- **HTTP Status**: 200\n- **Fetcher tier**: BASIC\n- **type**: news\n- **timestamp**: {}\n",
                ts.format("%Y-%m-%dT%H:%M:%S")
            );
            let _ =
                writeln!(text, "## Page Structure\n\n- # {title}\n  - ## Related\n  - ## Most read\n\n## Content\n");
            let _ = writeln!(text, "{title} | {outlet}");
            for _ in 0..r.range(4, 10) {
                let _ = writeln!(text, "{}", r.pick(&NAV));
            }
            let _ = writeln!(text, "{title}");
            if r.chance(0.5) {
                let _ = writeln!(text, "{}", caption(&mut r, t, published));
            }
            let _ = writeln!(
                text,
                "By {}\n{} {}, {} {}:{:02} {}",
                person_name(&mut r),
                MONTHS[published.month0() as usize],
                published.day(),
                published.year(),
                r.range(1, 12),
                r.range(0, 59),
                r.pick(&["a.m.", "p.m.", "AM", "PM"])
            );
            let _ = writeln!(text, "Share");
            for p in &paras {
                let _ = writeln!(text, "{p}");
                if r.chance(0.15) {
                    let _ = writeln!(text, "Advertisement");
                }
            }
            let _ = writeln!(text, "Related stories");
            for _ in 0..r.range(2, 5) {
                let mut rr = r.clone();
                let f = sentence(&mut rr, t, published);
                r.next_u64();
                let _ = writeln!(text, "{}", headline(&mut r, &f));
            }
            let _ =
                writeln!(text, "Sign up for our newsletter\n© {} {outlet}. All rights reserved.\n", published.year());
            let _ = writeln!(
                text,
                "## Links\n\n- [Home](https://{domain}/)\n- [World](https://{domain}/world/)\n- [Privacy](https://{domain}/privacy)"
            );
        }
        Format::Roundup => {
            // Several short stories on one page; each headline appears, then captions, then
            // the headline again, then the story (the pattern the loader's splitter reads).
            let stories = r.range(2, 4) as usize;
            let per = (paras.len() / stories).max(1);
            let _ = writeln!(text, "Ukraine war briefing, {}\n", published.format("%-d %B %Y"));
            for (si, chunk) in paras.chunks(per).enumerate() {
                let h = if si == 0 {
                    title.clone()
                } else {
                    let mut rr = Rng::for_item(seed, 2, i * 8 + si as u64);
                    let mut f = sentence(&mut rr, t, published);
                    while f.kind.is_none() {
                        f = sentence(&mut rr, t, published);
                    }
                    headline(&mut rr, &f)
                };
                let cap_line = caption(&mut r, t, published);
                let _ = writeln!(text, "{h}\n\n{cap_line}\n{cap_line}\n{h}\n");
                for p in chunk {
                    let _ = writeln!(text, "{p}\n");
                }
            }
        }
    }
    let path = format!("{:03}/{:06}_{}.{}", i / 1000, i, slug(&title), format.ext());
    Generated { path, text, format, published }
}

/// One synthetic event for the query and render benchmarks: a sentence the generator would
/// write, with the facts it states. Never an event-less sentence.
pub fn event_fact(t: &Tables, seed: u64, i: u64, n: u64) -> Fact {
    let mut r = Rng::for_item(seed, 3, i);
    let day = (i * 365 / n.max(1)) as i64;
    let published = first_day() + Duration::days(day);
    loop {
        let f = sentence(&mut r, t, published);
        if f.kind.is_some() {
            return f;
        }
    }
}
