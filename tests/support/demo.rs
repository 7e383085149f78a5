#![allow(dead_code)]
//! Small hand-written stores for tests (not shipped: integration tests, benches and the
//! store's unit tests include this file), snapshots and demos, independent of the loader and
//! the extractor: a few articles about early February 2026 (with Druzhkivka, Lavrov in two
//! articles, Erdoğan, CJK and emoji text, undated and imprecise events), and a synthetic store
//! of any size for scale checks.

use chrono::NaiveDate;

use sitrep::corpus::{Article, DateSource, Paragraph, Piece, Span};
use sitrep::extract::{
    DateValue, Entity, EntityId, EntityKind, EventKind, Extraction, Mention, NewEvent, Precision, Resolution, Status,
};

use sitrep::store::Store;

/// Builds articles, entities and events by text: spans are found, not typed.
#[derive(Default)]
pub struct Builder {
    articles: Vec<Article>,
    entities: Vec<Entity>,
    events: Vec<Pending>,
}

/// An event waiting for the mentions in its sentence to be found.
struct Pending {
    article: u32,
    kind: EventKind,
    date: DateValue,
    place: Option<EntityId>,
    actors: Vec<String>,
    killed: Option<u32>,
    injured: Option<u32>,
    drones: Option<u32>,
    claimed_by: Option<String>,
    status: Status,
    body: Span,
}

/// One event to add: the sentence (a substring of the article body) and its facts.
#[derive(Clone, Default)]
pub struct Ev<'a> {
    pub kind: Option<EventKind>,
    pub sentence: &'a str,
    pub date: Option<&'a str>,
    pub date_end: Option<&'a str>,
    pub precision: Option<Precision>,
    /// Innermost first, e.g. `["Druzhkivka", "Kramatorsk Raion", "Donetsk Oblast", "Ukraine"]`.
    pub place: &'a [&'a str],
    pub actors: &'a [&'a str],
    pub killed: Option<u32>,
    pub injured: Option<u32>,
    pub drones: Option<u32>,
    pub claimed_by: Option<&'a str>,
    pub status: Status,
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
}

impl Builder {
    pub fn new() -> Builder {
        Builder::default()
    }

    /// Add an article; paragraphs are joined by a blank line. Returns its index.
    pub fn article(
        &mut self,
        title: &str,
        source: Option<&str>,
        url: Option<&str>,
        published: Option<&str>,
        paragraphs: &[&str],
    ) -> u32 {
        let index = self.articles.len();
        let file = format!("demo/{index:03}.txt");
        let mut body = String::new();
        let mut paras = Vec::new();
        for p in paragraphs {
            if !body.is_empty() {
                body.push_str("\n\n");
            }
            let start = body.len();
            body.push_str(p);
            let span = Span::new(start, body.len());
            paras.push(Paragraph { span, body: span, pieces: vec![Piece { body: start, file: start, len: p.len() }] });
        }
        self.articles.push(Article {
            id: format!("{file}#0"),
            file,
            index: 0,
            title: title.to_string(),
            published: published.map(day),
            published_from: if published.is_some() { DateSource::Header } else { DateSource::Unknown },
            source: source.map(str::to_string),
            url: url.map(str::to_string),
            body,
            paragraphs: paras,
            captions: Vec::new(),
            extra: None,
        });
        index as u32
    }

    /// Add an entity; its mentions are found in every article when the store is built.
    pub fn entity(&mut self, name: &str, kind: EntityKind, aliases: &[&str], path: &[&str]) -> EntityId {
        let id = self.entities.len() as EntityId;
        self.entities.push(Entity {
            id,
            name: name.to_string(),
            kind,
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            place_path: path.iter().map(|s| s.to_string()).collect(),
            lat: None,
            lon: None,
            role: None,
            mentions: Vec::new(),
        });
        id
    }

    /// Add an event found in `article` at `ev.sentence`. Its place is the place entity with
    /// that name and path, added (without mentions) if there is none.
    pub fn event(&mut self, article: u32, ev: Ev<'_>) -> u32 {
        let id = self.events.len() as u32;
        let body = &self.articles[article as usize].body;
        let start = body.find(ev.sentence).unwrap_or(0);
        let span = Span::new(start, start + ev.sentence.len().min(body.len() - start));
        let start_d = ev.date.map(day);
        let end_d = ev.date_end.map(day).or(start_d);
        let precision = ev.precision.unwrap_or(if start_d.is_some() { Precision::Day } else { Precision::Unknown });
        let place = ev.place.first().map(|name| match self.place_named(name, ev.place) {
            Some(p) => p,
            None => self.entity(name, EntityKind::Place, &[], ev.place),
        });
        self.events.push(Pending {
            article,
            kind: ev.kind.unwrap_or(EventKind::Other),
            date: DateValue {
                start: start_d,
                end: end_d,
                precision,
                how: if start_d.is_some() { Resolution::Explicit } else { Resolution::None },
            },
            place,
            actors: ev.actors.iter().map(|s| s.to_string()).collect(),
            killed: ev.killed,
            injured: ev.injured,
            drones: ev.drones,
            claimed_by: ev.claimed_by.map(str::to_string),
            status: ev.status,
            body: span,
        });
        id
    }

    /// The place entity called `name` whose path is `path` (or `[name]` for one without a path).
    fn place_named(&self, name: &str, path: &[&str]) -> Option<EntityId> {
        self.entities
            .iter()
            .find(|e| {
                e.name == name
                    && if e.place_path.is_empty() { path == [name] } else { e.place_path.iter().eq(path.iter()) }
            })
            .map(|e| e.id)
    }

    /// Find every mention, link events to the entities in their sentences, and build.
    pub fn parts(mut self) -> (Vec<Article>, Extraction) {
        for ent in &mut self.entities {
            let mut names: Vec<&str> =
                std::iter::once(ent.name.as_str()).chain(ent.aliases.iter().map(|s| s.as_str())).collect();
            names.sort_by_key(|n| std::cmp::Reverse(n.len()));
            for (ai, a) in self.articles.iter().enumerate() {
                let mut taken: Vec<Span> = Vec::new();
                for n in &names {
                    for (at, _) in a.body.match_indices(n) {
                        let s = Span::new(at, at + n.len());
                        if taken.iter().any(|t| t.start < s.end && s.start < t.end) {
                            continue;
                        }
                        // whole words only (scripts without spaces have no word edges)
                        let wordy = |c: char| c.is_alphanumeric() && (c as u32) < 0x3000;
                        let before = a.body[..at].chars().next_back();
                        let after = a.body[s.end..].chars().next();
                        if before.is_some_and(wordy) || after.is_some_and(wordy) {
                            continue;
                        }
                        taken.push(s);
                        ent.mentions.push(Mention::new(ai as u32, s, None));
                    }
                }
            }
            ent.mentions.sort_by_key(|m| (m.article, m.body().start));
        }
        let mut ex = Extraction::new(self.entities);
        for ev in self.events {
            let mut ids: Vec<EntityId> = ex
                .entities
                .iter()
                .filter(|ent| {
                    ent.mentions.iter().any(|m| {
                        m.article == ev.article && m.body().start >= ev.body.start && m.body().end <= ev.body.end
                    })
                })
                .map(|e| e.id)
                .collect();
            ids.sort_unstable();
            ex.push_event(NewEvent {
                article: ev.article,
                kind: ev.kind,
                status: ev.status,
                date: ev.date,
                place: ev.place,
                killed: ev.killed,
                injured: ev.injured,
                drones: ev.drones,
                actors: ev.actors.iter().map(String::as_str).collect(),
                claimed_by: ev.claimed_by.as_deref(),
                body: ev.body,
                entities: ids,
                ..NewEvent::default()
            });
        }
        (self.articles, ex)
    }

    pub fn build(self) -> Store {
        let (a, ex) = self.parts();
        Store::build(a, ex)
    }
}

/// The demo corpus: 4 articles, 9 events, Druzhkivka, Lavrov in two articles, Erdoğan,
/// CJK and emoji text, one undated and two imprecise events.
pub fn demo() -> Store {
    demo_builder().build()
}

/// The demo corpus as loader/extractor output.
pub fn demo_parts() -> (Vec<Article>, Extraction) {
    demo_builder().parts()
}

fn demo_builder() -> Builder {
    use EntityKind::*;
    use EventKind::*;
    let mut b = Builder::new();

    let s1 = "Ukrainian officials reported that Russian forces struck a maternity hospital in Zaporizhzhia with drones on February 1, injuring at least six people.";
    let s2 = "Ukrainian officials reported that four Shahed drones struck a DTEK bus carrying miners near Ternivka, Dnipropetrovsk Oblast, killing at least 12 people and injuring at least 16.";
    let s3 = "Russian Foreign Minister Sergei Lavrov used an interview with Pavel Zarubin on February 1 to court the Trump administration.";
    let s4 = "Russian forces continued offensive operations near Pokrovsk in Donetsk Oblast.";
    let a0 = b.article(
        "Russian Offensive Campaign Assessment, February 1, 2026",
        Some("ISW"),
        Some("https://understandingwar.org/research/russia-ukraine/russian-offensive-campaign-assessment-february-1-2026/"),
        Some("2026-02-01"),
        &[
            &format!("{s1} {s2} ISW continues to assess that Russia is prioritizing strikes against civilians."),
            &format!("{s3} Lavrov claimed that Europe is trying to “drive wedges” between Russia and the United States."),
            s4,
        ],
    );

    let s5 = "On February 4, Ukrainian officials said shelling and aerial bombs hit a market area in Druzhkivka, killing at least seven people and injuring eight more.";
    let s6 = "Turkish President Recep Tayyip Erdoğan offered this week to host a new round of talks in Istanbul.";
    let s7 = "Russia also claimed in January to have taken a village in Ukraine’s Sumy region, though the claim could not be verified.";
    let a1 = b.article(
        "A grimly familiar week in Ukraine",
        None,
        Some("https://www.example-news.com/world/ukraine-week"),
        Some("2026-02-06"),
        &[
            "This past week in Ukraine followed a grimly familiar pattern.",
            &format!("Frontline towns continued to suffer deadly strikes. {s5} Russia did not comment."),
            s6,
            s7,
        ],
    );

    let s8 = "Russian Foreign Minister Sergei Lavrov said on February 6 that Moscow sees no bright future for economic ties with Washington.";
    let a2 = b.article(
        "Russia’s Lavrov Sees No ‘Bright Future’ for Economic Ties with US",
        Some("Asharq Al-Awsat"),
        Some("https://english.aawsat.com/world/lavrov-economic-ties"),
        Some("2026-02-06"),
        &[
            s8,
            "Speaking to TV BRICS, Lavrov cited what he called the United States’ declared aim of economic dominance.",
        ],
    );

    let s9 = "2月3日、キーウの発電所がドローン攻撃を受けた 🚀 Power plants in Kyiv were hit by drones on February 3, injuring 3 people.";
    let a3 = b.article(
        "キーウで停電 ⚡ Kyiv blackout after drone attack",
        Some("NHK World"),
        Some("https://www3.nhk.or.jp/nhkworld/en/news/kyiv"),
        Some("2026-02-03"),
        &[
            s9,
            "市民は寒さの中で暖房のないアパートに留まっている。Residents 🥶 waited in unheated flats while crews worked through the night to restore power to the capital.",
        ],
    );

    b.entity("Zaporizhzhia", Place, &[], &["Zaporizhzhia", "Zaporizhzhia Oblast", "Ukraine"]);
    b.entity("Ternivka", Place, &[], &["Ternivka", "Pavlohrad Raion", "Dnipropetrovsk Oblast", "Ukraine"]);
    b.entity("Dnipropetrovsk Oblast", Place, &[], &["Dnipropetrovsk Oblast", "Ukraine"]);
    b.entity("DTEK", Org, &[], &[]);
    b.entity("ISW", Org, &["Institute for the Study of War"], &[]);
    b.entity("Shahed", Weapon, &[], &[]);
    b.entity("Sergei Lavrov", Person, &["Lavrov", "Sergey Lavrov"], &[]);
    b.entity("Pavel Zarubin", Person, &[], &[]);
    b.entity("Pokrovsk", Place, &[], &["Pokrovsk", "Pokrovsk Raion", "Donetsk Oblast", "Ukraine"]);
    b.entity("Donetsk Oblast", Place, &[], &["Donetsk Oblast", "Ukraine"]);
    b.entity("Druzhkivka", Place, &[], &["Druzhkivka", "Kramatorsk Raion", "Donetsk Oblast", "Ukraine"]);
    b.entity("Recep Tayyip Erdoğan", Person, &["Erdoğan"], &[]);
    b.entity("Istanbul", Place, &[], &["Istanbul", "Turkey"]);
    b.entity("Sumy", Place, &["Sumy region"], &["Sumy Oblast", "Ukraine"]);
    b.entity("Kyiv", Place, &["キーウ"], &["Kyiv", "Ukraine"]);
    b.entity("Moscow", Place, &[], &["Moscow", "Russia"]);
    b.entity("Europe", Place, &[], &["Europe"]);
    b.entity("United States", Place, &["Washington"], &["United States"]);

    b.event(
        a0,
        Ev {
            kind: Some(Strike),
            sentence: s1,
            date: Some("2026-02-01"),
            place: &["Zaporizhzhia", "Zaporizhzhia Oblast", "Ukraine"],
            actors: &["Russian forces"],
            injured: Some(6),
            claimed_by: Some("Ukrainian officials"),
            status: Status::Claimed,
            ..Ev::default()
        },
    );
    b.event(
        a0,
        Ev {
            kind: Some(Strike),
            sentence: s2,
            date: Some("2026-02-01"),
            place: &["Ternivka", "Pavlohrad Raion", "Dnipropetrovsk Oblast", "Ukraine"],
            actors: &["Russian forces"],
            killed: Some(12),
            injured: Some(16),
            drones: Some(4),
            claimed_by: Some("Ukrainian officials"),
            status: Status::Claimed,
            ..Ev::default()
        },
    );
    b.event(
        a0,
        Ev {
            kind: Some(Statement),
            sentence: s3,
            date: Some("2026-02-01"),
            actors: &["Sergei Lavrov"],
            claimed_by: Some("Sergei Lavrov"),
            ..Ev::default()
        },
    );
    b.event(
        a0,
        Ev {
            kind: Some(GroundClash),
            sentence: s4,
            place: &["Pokrovsk", "Pokrovsk Raion", "Donetsk Oblast", "Ukraine"],
            actors: &["Russian forces"],
            claimed_by: Some("ISW"),
            ..Ev::default()
        },
    );
    b.event(
        a1,
        Ev {
            kind: Some(Strike),
            sentence: s5,
            date: Some("2026-02-04"),
            place: &["Druzhkivka", "Kramatorsk Raion", "Donetsk Oblast", "Ukraine"],
            killed: Some(7),
            injured: Some(8),
            claimed_by: Some("Ukrainian officials"),
            status: Status::Claimed,
            ..Ev::default()
        },
    );
    b.event(
        a1,
        Ev {
            kind: Some(Diplomacy),
            sentence: s6,
            date: Some("2026-02-02"),
            date_end: Some("2026-02-08"),
            precision: Some(Precision::Week),
            place: &["Istanbul", "Turkey"],
            actors: &["Recep Tayyip Erdoğan"],
            ..Ev::default()
        },
    );
    b.event(
        a1,
        Ev {
            kind: Some(TerritorialClaim),
            sentence: s7,
            date: Some("2026-01-01"),
            date_end: Some("2026-01-31"),
            precision: Some(Precision::Month),
            place: &["Sumy Oblast", "Ukraine"],
            actors: &["Russia"],
            claimed_by: Some("Russia"),
            status: Status::Disputed,
            ..Ev::default()
        },
    );
    b.event(
        a2,
        Ev {
            kind: Some(Statement),
            sentence: s8,
            date: Some("2026-02-06"),
            place: &["Moscow", "Russia"],
            actors: &["Sergei Lavrov"],
            claimed_by: Some("Sergei Lavrov"),
            ..Ev::default()
        },
    );
    b.event(
        a3,
        Ev {
            kind: Some(Strike),
            sentence: s9,
            date: Some("2026-02-03"),
            place: &["Kyiv", "Ukraine"],
            injured: Some(3),
            claimed_by: Some("Kyiv city administration"),
            ..Ev::default()
        },
    );
    b
}

/// A synthetic store of `n` events over `n / 50 + 1` articles and about a year of days,
/// deterministic, for scale checks and benchmarks.
pub fn synthetic(n: usize) -> Store {
    const PLACES: &[&[&str]] = &[
        &["Druzhkivka", "Kramatorsk Raion", "Donetsk Oblast", "Ukraine"],
        &["Pokrovsk", "Pokrovsk Raion", "Donetsk Oblast", "Ukraine"],
        &["Kharkiv", "Kharkiv Oblast", "Ukraine"],
        &["Kyiv", "Ukraine"],
        &["Odesa", "Odesa Oblast", "Ukraine"],
        &["Zaporizhzhia", "Zaporizhzhia Oblast", "Ukraine"],
        &["Belgorod", "Belgorod Oblast", "Russia"],
        &["Abu Dhabi", "United Arab Emirates"],
    ];
    const WORDS: &[&str] = &[
        "drones",
        "struck",
        "energy",
        "facility",
        "officials",
        "reported",
        "shelling",
        "market",
        "residential",
        "building",
        "talks",
        "delegation",
        "ceasefire",
        "missiles",
        "overnight",
        "governor",
        "said",
        "village",
        "captured",
        "assault",
        "aid",
        "package",
        "air",
        "defence",
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut rnd = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let n_articles = n / 50 + 1;
    let mut articles = Vec::with_capacity(n_articles);
    for i in 0..n_articles {
        articles.push(placeholder_article("synthetic", "Synthetic report", i));
    }
    // one place entity per place
    let entities = PLACES
        .iter()
        .enumerate()
        .map(|(i, path)| Entity {
            id: i as EntityId,
            name: path[0].to_string(),
            kind: EntityKind::Place,
            aliases: Vec::new(),
            place_path: path.iter().map(|s| s.to_string()).collect(),
            lat: None,
            lon: None,
            role: None,
            mentions: Vec::new(),
        })
        .collect();
    let mut ex = Extraction::new(entities);
    ex.reserve(n, 0);
    let base = day("2025-03-01");
    let mut text = String::new();
    for i in 0..n {
        let r = rnd();
        let kind = EventKind::ALL[(r % EventKind::COUNT as u64) as usize];
        let place = ((r >> 8) % PLACES.len() as u64) as EntityId;
        text.clear();
        for k in 0..14 {
            if k > 0 {
                text.push(' ');
            }
            text.push_str(WORDS[((rnd() >> 5) % WORDS.len() as u64) as usize]);
        }
        let dated = r % 20 != 0;
        let d = base + chrono::Days::new((r >> 16) % 365);
        let article = (i / 50) as u32;
        let body = push_sentence(&mut articles[article as usize], &text);
        ex.push_event(NewEvent {
            article,
            kind,
            date: if dated { DateValue::day(d, Resolution::Explicit) } else { DateValue::unknown() },
            place: Some(place),
            actors: vec!["Russian forces"],
            killed: ((r >> 24) % 7 == 0).then_some(((r >> 32) % 20) as u32),
            injured: ((r >> 28) % 5 == 0).then_some(((r >> 40) % 30) as u32),
            claimed_by: Some("Ukrainian officials"),
            status: Status::Reported,
            body,
            ..NewEvent::default()
        });
    }
    for a in &mut articles {
        a.body.shrink_to_fit();
    }
    Store::build(articles, ex)
}

/// Append a sentence to an article that is one paragraph copied verbatim from its file
/// (a space between sentences); returns the sentence's span.
pub fn push_sentence(a: &mut Article, sentence: &str) -> Span {
    if !a.body.is_empty() {
        a.body.push(' ');
    }
    let start = a.body.len();
    a.body.push_str(sentence);
    let all = Span::new(0, a.body.len());
    match a.paragraphs.first_mut() {
        Some(p) => {
            p.span = all;
            p.body = all;
            p.pieces = vec![Piece { body: 0, file: 0, len: all.end }];
        }
        None => a.paragraphs.push(Paragraph {
            span: all,
            body: all,
            pieces: vec![Piece { body: 0, file: 0, len: all.end }],
        }),
    }
    Span::new(start, a.body.len())
}

/// A bodiless article standing in for real text in synthetic stores (`dir/i.txt`), its
/// source cycling through four outlets.
pub fn placeholder_article(dir: &str, title: &str, i: usize) -> Article {
    Article {
        id: format!("{dir}/{i}.txt#0"),
        file: format!("{dir}/{i}.txt"),
        index: 0,
        title: format!("{title} {i}"),
        published: None,
        published_from: DateSource::Unknown,
        source: Some(["ISW", "Reuters", "AP", "Kyiv Independent"][i % 4].to_string()),
        url: None,
        body: String::new(),
        paragraphs: Vec::new(),
        captions: Vec::new(),
        extra: None,
    }
}
