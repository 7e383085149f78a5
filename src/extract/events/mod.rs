//! Events: classify sentences by what happened, attach place, date, counts, actors,
//! weapons and claimant, and merge sentences that tell one happening.

use chrono::NaiveDate;

mod actors;
mod claim;
mod place;

use super::counts::{CountWords, Counts, Tok, blank_footnotes, counts_in, tokens, toks_within};
use super::dates::DateExpr;
use super::entities::{Found, Key};
use super::gazetteer::{Gazetteer, KnownId};
use super::rules::{self, Context, Hits, NameKind, RuleId, Rules, subject};
use super::text::Sentence;
use super::types::{DateValue, EntityKind, EventKind, Precision, Resolution, Status, Why};
use crate::corpus::Span;

/// An event before entity ids are assigned: refers to mentions by index.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Draft {
    pub kind: EventKind,
    /// The rule that typed it.
    pub rule: RuleId,
    pub date: DateValue,
    /// Index into the article's mentions.
    pub place: Option<usize>,
    /// A place the sentence does not name: the country a nationwide strike was on.
    pub place_known: Option<KnownId>,
    /// The country a strike placed nowhere was on, and whether the clause says it was
    /// nationwide: used once merging leaves the event without a place.
    country: Option<(KnownId, bool)>,
    pub actors: Vec<String>,
    pub killed: Option<u32>,
    pub injured: Option<u32>,
    pub drones: Option<u32>,
    pub missiles: Option<u32>,
    pub weapons: Vec<usize>,
    pub claimed_by: Option<String>,
    pub status: Status,
    /// The words behind the facts (body spans).
    pub why: Why,
    /// Body byte range of the first sentence (the one shown) and of all merged sentences.
    pub start: usize,
    pub end: usize,
    pub mentions: Vec<usize>,
    sentence: usize,
    /// Which clause of its sentence (clauses that each report something are apart).
    unit: usize,
    paragraph: usize,
}

impl Draft {
    fn has_place(&self) -> bool {
        self.place.is_some() || self.place_known.is_some()
    }
}

/// Where clauses part: ", and", "; ", ", while", ", but", ", whereas".
static CLAUSE_SEPARATORS: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
    aho_corasick::AhoCorasick::new([", and ", "; ", ", while ", ", but ", " but ", ", whereas "])
        .expect("separators build")
});

/// Split a sentence into clauses at ", and", "; ", ", while", "but": byte ranges.
fn clauses(text: &str) -> Vec<(usize, usize)> {
    let mut cuts = vec![0];
    cuts.extend(CLAUSE_SEPARATORS.find_overlapping_iter(text).map(|m| m.start() + 1));
    cuts.sort_unstable();
    cuts.dedup();
    cuts.push(text.len());
    cuts.windows(2).map(|w| (w[0], w[1])).filter(|(a, b)| b > a).collect()
}

/// Classify one unit (a sentence, or a clause of one: tokens `a..b`); units shorter than
/// `min_words` words, or of an unfinished sentence and shorter than eight (headings,
/// fragments), report nothing.
fn classify_unit(
    rules: &Rules,
    hits: &Hits,
    sentence: &str,
    (a, b): (usize, usize),
    min_words: usize,
    context: &Context,
    dated: bool,
) -> Vec<(EventKind, RuleId)> {
    let closed = sentence.trim_end().ends_with(['.', '!', '?', '"', '”', ']', ')']);
    let n = b - a;
    if n < min_words || (!closed && n < 8) {
        return Vec::new();
    }
    rules.classify(hits, a, b, context, dated)
}

/// The tokens of `toks` inside the byte range `a..b`, as token indexes.
fn tok_range(toks: &[Tok], a: usize, b: usize) -> (usize, usize) {
    let lo = toks.partition_point(|t| t.start < a);
    let hi = toks.partition_point(|t| t.end <= b).max(lo);
    (lo, hi)
}

/// Per token of a sentence (into `out`): the kind of the name that starts there and the
/// token after it; `mentions` are the sentence's.
fn name_tokens(
    ctx: &ArticleCtx,
    toks: &[Tok],
    at: usize,
    mentions: std::ops::Range<usize>,
    out: &mut Vec<Option<(NameKind, u32)>>,
) {
    out.clear();
    out.resize(toks.len(), None);
    for m in mentions {
        let f = &ctx.mentions[m];
        let (fs, fe) = (f.start.saturating_sub(at), f.end.saturating_sub(at));
        let first = toks.partition_point(|t| t.end <= fs);
        let end = toks.partition_point(|t| t.start < fe);
        if first < end && first < out.len() {
            let kind = match f.kind(ctx.gaz) {
                EntityKind::Place => NameKind::Place,
                EntityKind::Person => NameKind::Person,
                EntityKind::Org => NameKind::Org,
                EntityKind::Weapon => NameKind::Weapon,
                EntityKind::Other => NameKind::Any,
            };
            out[first] = Some((kind, end as u32));
        }
    }
}

/// The sentence's tokens (lowercase, offsets in the sentence), appended to `out`.
fn sentence_toks<'a>(ctx: &ArticleCtx<'a>, s: Sentence, out: &mut Vec<Tok<'a>>) {
    let lower = &ctx.lowered[s.start..s.end];
    out.extend(toks_within(ctx.toks, s.start, s.end).iter().map(|t| {
        let (a, b) = (t.start - s.start, t.end - s.start);
        Tok { text: &lower[a..b], start: a, end: b }
    }));
}

/// How many paragraphs after the one that stated it a date still dates an undated sentence.
const CARRY_PARAGRAPHS: usize = 2;

/// A clause that reports something: its byte range in the sentence, what it reports (each
/// kind with its rule) and its counts.
type Unit = ((usize, usize), Vec<(EventKind, RuleId)>, Counts);

/// Context for one article's event extraction.
pub struct ArticleCtx<'a> {
    pub title: &'a str,
    /// Date expressions of the title (offsets in the title).
    pub title_dates: &'a [DateExpr],
    pub body: &'a str,
    /// `body` ASCII-lowercased (same offsets) and its tokens.
    pub lowered: &'a str,
    pub toks: &'a [Tok<'a>],
    pub sentences: &'a [Sentence],
    pub paragraph_of: &'a [usize],
    pub mentions: &'a [Found],
    pub dates: &'a [DateExpr],
    pub gaz: &'a Gazetteer,
    pub published: Option<NaiveDate>,
}

/// Does the date pin a day, a range of days or a week ("this week")?
fn pins_day_or_week(d: &DateValue) -> bool {
    d.start.is_some() && matches!(d.precision, Precision::Day | Precision::Range | Precision::Week)
}

fn usable_for_event(d: &DateValue) -> bool {
    d.start.is_some() && matches!(d.precision, Precision::Day | Precision::Range)
}

/// Draft events for one article.
pub fn drafts(ctx: &ArticleCtx) -> Vec<Draft> {
    let loaded = rules::get();
    let (rules, v) = (&loaded.rules, &loaded.vocab);
    let count_words = CountWords { v, gaz: ctx.gaz };
    let countries_named = countries_named(ctx);
    let mut out: Vec<Draft> = Vec::new();
    // Every sentence's pattern matches, first: a report's status also reads the next sentence.
    // (Each sentence's tokens, lowercase, with offsets in the sentence, are kept for the
    // second pass, all in one vector: sentence `si`'s at `tok_at[si]`, its mentions at
    // `mentions_at[si]`; the per-token buffers of one sentence are reused for the next.)
    let mut m_lo = 0;
    let mut flat: Vec<Tok> = Vec::with_capacity(ctx.toks.len());
    let mut tok_at: Vec<(usize, usize)> = Vec::with_capacity(ctx.sentences.len());
    let mut mentions_at: Vec<std::ops::Range<usize>> = Vec::with_capacity(ctx.sentences.len());
    let mut caps: Vec<bool> = Vec::new();
    let mut names: Vec<Option<(NameKind, u32)>> = Vec::new();
    let all_hits: Vec<Hits> = ctx
        .sentences
        .iter()
        .map(|s| {
            while m_lo < ctx.mentions.len() && ctx.mentions[m_lo].start < s.start {
                m_lo += 1;
            }
            let m_hi = m_lo + ctx.mentions[m_lo..].partition_point(|m| m.start < s.end);
            mentions_at.push(m_lo..m_hi);
            let from = flat.len();
            sentence_toks(ctx, *s, &mut flat);
            tok_at.push((from, flat.len()));
            let toks = &flat[from..];
            let text = &ctx.body[s.start..s.end];
            caps.clear();
            caps.extend(toks.iter().map(|t| text[t.start..].starts_with(char::is_uppercase)));
            name_tokens(ctx, toks, s.start, m_lo..m_hi, &mut names);
            rules.hits(&subject(toks, &caps, &names))
        })
        .collect();
    let all_toks = |si: usize| &flat[tok_at[si].0..tok_at[si].1];
    // What the article is about: its title and first paragraph, context for every clause.
    let mut lead_context = Context::default();
    {
        let lower = ctx.title.to_ascii_lowercase();
        let toks = tokens(&lower);
        let caps: Vec<bool> = toks.iter().map(|t| ctx.title[t.start..].starts_with(char::is_uppercase)).collect();
        lead_context.add(&rules.hits(&subject(&toks, &caps, &vec![None; toks.len()])));
    }
    for (si, _) in ctx.sentences.iter().enumerate().take_while(|(si, _)| ctx.paragraph_of[*si] == 0) {
        lead_context.add(&all_hits[si]);
    }
    let mut context = lead_context.clone();
    let mut context_para = usize::MAX;
    let mut d_i = 0;
    // The date a paragraph's earlier sentence gave: (paragraph, date, its span).
    let mut carried: Option<(usize, DateValue, Span)> = None;
    // (The sentence's mentions and dates, in buffers reused from one sentence to the next.)
    let mut idx: Vec<usize> = Vec::new();
    let mut sdates: Vec<&DateExpr> = Vec::new();
    for (si, s) in ctx.sentences.iter().enumerate() {
        let para = ctx.paragraph_of[si];
        idx.clear();
        idx.extend(mentions_at[si].clone());
        while d_i < ctx.dates.len() && ctx.dates[d_i].start < s.start {
            d_i += 1;
        }
        sdates.clear();
        sdates.extend(ctx.dates[d_i..].iter().take_while(|d| d.start < s.end));
        let text = &ctx.body[s.start..s.end];
        // The first date that pins something; "not on February 1" is skipped.
        // (Not a bound either: "since 2014", "by 2030", "the 1945 Yalta conference".)
        let stated = |d: &&&DateExpr| d.bound.is_none() && !ctx.body[..d.start].trim_end().ends_with("not on");
        let own = sdates.iter().filter(stated).find(|d| usable_for_event(&d.value)).map(|d| (d.value, d.span()));
        // A sentence that dates itself only loosely ("in 2022") keeps its own loose date
        // rather than borrowing a day from its neighbours.
        let own_loose = sdates.iter().filter(stated).find(|d| d.value.start.is_some()).map(|d| (d.value, d.span()));
        // A date carries to the sentences after it, across paragraphs too but not far: a
        // report's items ("In the Lyman direction, ...") share the date its opening gave.
        if carried.is_some_and(|(p, _, _)| para > p + CARRY_PARAGRAPHS) {
            carried = None;
        }
        let (date, date_span) = match own {
            Some((d, at)) => {
                carried = Some((para, d, at));
                (d, Some(at))
            }
            None => match own_loose {
                Some((d, at)) => (d, Some(at)),
                None => match carried {
                    Some((_, d, at)) => (DateValue { how: Resolution::Context, ..d }, Some(at)),
                    None => (DateValue::default(), None),
                },
            },
        };
        // One lowercased copy and one tokenization per sentence, shared by the classifier,
        // the counts and the claimant; one trigger pass, each clause taking its part.
        // The article's tokens of this sentence, lowercase, with offsets in the sentence.
        let toks = all_toks(si);
        let hits = &all_hits[si];
        // Counts read a copy with footnote markers blanked; most sentences have none.
        let blanked = blank_footnotes(text);
        let blanked_lower: String;
        let blanked_toks: Vec<Tok>;
        let count_toks: &[Tok] = if blanked.as_ref() == text {
            toks
        } else {
            blanked_lower = blanked.to_ascii_lowercase();
            blanked_toks = tokens(&blanked_lower);
            &blanked_toks
        };
        if para != context_para {
            context = lead_context.clone();
            context_para = para;
        }
        context.add(hits);
        let dated = sdates.iter().any(|d| pins_day_or_week(&d.value));
        let mut kinds = classify_unit(rules, hits, text, (0, toks.len()), 4, &context, dated);
        // "X struck A, and B was hit too": when two clauses each report something, each is
        // its own unit, with its own place, counts and date.
        let parts = clauses(text);
        // (A sentence of one clause was classified above already.)
        let mut clause_kinds: Vec<Vec<(EventKind, RuleId)>> = if parts.len() > 1 {
            parts
                .iter()
                .map(|&(a, b)| {
                    let range = tok_range(toks, a, b);
                    let dated = sdates
                        .iter()
                        .any(|d| d.start >= s.start + a && d.end <= s.start + b && pins_day_or_week(&d.value));
                    classify_unit(rules, hits, text, range, 3, &context, dated)
                })
                .collect()
        } else {
            Vec::new()
        };
        // A statement stands alone, as a sentence: what a named official or body says about
        // the war, in an article that names Ukraine.
        for k in clause_kinds.iter_mut() {
            k.retain(|(kind, _)| *kind != EventKind::Statement);
        }
        if kinds.is_empty() && clause_kinds.iter().all(Vec::is_empty) {
            continue;
        }
        // Who claims it, read once: a statement needs an official voice too.
        let claimant = claim::claimant(v, ctx.body, *s, toks, ctx.mentions, &idx, ctx.gaz);
        if kinds.iter().any(|(k, _)| *k == EventKind::Statement)
            && (!countries_named.0
                || text.split_whitespace().count() < 6
                || !claim::official_voice(v, ctx.body, *s, ctx.mentions, &idx, ctx.gaz, claimant.as_ref()))
        {
            kinds.retain(|(k, _)| *k != EventKind::Statement);
        }
        if kinds.is_empty() && clause_kinds.iter().all(Vec::is_empty) {
            continue;
        }
        let claim = claimant.or_else(|| {
            claim::speaker(v, ctx.body, ctx.mentions, &idx, ctx.gaz).map(|m| {
                let f = &ctx.mentions[m];
                (claim::name_of(f, ctx.gaz), (f.start, f.end))
            })
        });
        let claim_span = claim.as_ref().map(|(_, (a, b))| Span::new(*a, *b));
        let claimed_by = claim.map(|(n, _)| n);
        let official = claimed_by.as_deref().is_some_and(|c| claim::is_official(v, c));
        let status = claim::status_of(v, hits, all_hits.get(si + 1), official);
        let weapons: Vec<usize> =
            idx.iter().copied().filter(|&i| ctx.mentions[i].kind(ctx.gaz) == EntityKind::Weapon).collect();
        let acts = actors::actors(rules, v, text, toks, ctx.mentions, &idx, ctx.gaz, ctx.body);
        // Each clause that reports something is a unit; a clause that reports nothing lends
        // its counts to the unit before it ("X struck Kyiv, and five people were killed").
        let mut units: Vec<Unit> = Vec::new();
        if parts.len() > 1 && clause_kinds.iter().any(|k| !k.is_empty()) {
            for (&(a, b), k) in parts.iter().zip(clause_kinds) {
                let c = counts_in(&count_words, &blanked, toks_within(count_toks, a, b));
                if !k.is_empty() {
                    units.push(((a, b), k, c));
                } else if let Some(last) = units.last_mut() {
                    last.2.fill_from(&c);
                }
            }
        } else {
            units.push(((0, text.len()), kinds, counts_in(&count_words, &blanked, count_toks)));
        }
        for (unit, ((ca, cb), kinds, c)) in units.into_iter().enumerate() {
            let (ua, ub) = (s.start + ca, s.start + cb);
            let uidx: Vec<usize> =
                idx.iter().copied().filter(|&i| ctx.mentions[i].start >= ua && ctx.mentions[i].end <= ub).collect();
            let (udate, udate_span) = sdates
                .iter()
                .find(|d| d.start >= ua && d.end <= ub && usable_for_event(&d.value))
                .map(|d| (d.value, Some(d.span())))
                .unwrap_or((date, date_span));
            let count_at = |f: usize| c.at[f].map(|(a, b)| Span::new(s.start + a, s.start + b));
            for (kind, rule) in kinds {
                let range = tok_range(toks, ca, cb);
                let trigger = rules
                    .trigger(hits, rule, range.0, range.1)
                    .map(|(a, b)| (s.start + toks[a].start, s.start + toks[b - 1].end));
                let chosen = place::choose_place(v, ctx.body, ctx.gaz, ctx.mentions, &uidx, kind, trigger);
                let place = chosen.map(|(m, _)| m);
                let country = match (place, kind) {
                    (None, EventKind::Strike) => {
                        let range = tok_range(toks, ca, cb);
                        place::attacked_country(v, ctx.gaz, hits, range, countries_named)
                            .map(|k| (k, hits.has(v.nationwide, range.0, range.1)))
                    }
                    _ => None,
                };
                let (killed, injured, drones, missiles) = match kind {
                    EventKind::Strike | EventKind::GroundClash => (c.killed, c.injured, c.drones, c.missiles),
                    EventKind::Incursion => (None, None, c.drones, c.missiles),
                    _ => (None, None, None, None),
                };
                let why = Why {
                    place: chosen.map(|(m, at)| Span::new(at, ctx.mentions[m].end)),
                    date: udate_span,
                    counts: [
                        killed.and(count_at(0)),
                        injured.and(count_at(1)),
                        drones.and(count_at(2)),
                        missiles.and(count_at(3)),
                    ],
                    claimant: claim_span,
                };
                out.push(Draft {
                    kind,
                    rule,
                    date: udate,
                    place,
                    place_known: None,
                    country,
                    actors: acts.clone(),
                    killed,
                    injured,
                    drones,
                    missiles,
                    weapons: weapons.clone(),
                    claimed_by: claimed_by.clone(),
                    status,
                    why,
                    start: s.start,
                    end: s.end,
                    mentions: idx.clone(),
                    sentence: si,
                    unit,
                    paragraph: para,
                });
            }
        }
    }
    let mut out = merge(ctx, out);
    // A news story's lead dates what follows unless a sentence says otherwise:
    // "Russia launched ... overnight" dates the visit reported further down.
    if let Some((lead, at)) = lead_date(ctx) {
        for d in out.iter_mut().filter(|d| d.date.start.is_none()) {
            d.date = DateValue { how: Resolution::Context, ..lead };
            d.why.date = at;
        }
    }
    if let Some(published) = ctx.published {
        in_time(&mut out, published);
    }
    out
}

/// Background is not news: an event of the war dated more than this many days before its
/// article's publication is history told in passing ("occupied in 2022", "since 2014").
const BACKGROUND_DAYS: i64 = 60;

/// Keep the events of an article published on `published` in time: drop what is history,
/// and never date a reported event after its publication (only diplomacy is scheduled;
/// a later date there was a misreading, and the event keeps no date rather than a wrong one).
fn in_time(out: &mut Vec<Draft>, published: NaiveDate) {
    out.retain(|d| {
        let end = d.date.end.or(d.date.start);
        let history = end.is_some_and(|e| (published - e).num_days() > BACKGROUND_DAYS);
        !history || matches!(d.kind, EventKind::Statement | EventKind::Other)
    });
    for d in out.iter_mut() {
        let after = d.date.start.is_some_and(|s| s > published);
        if after && d.kind != EventKind::Diplomacy {
            d.date = DateValue::unknown();
            d.why.date = None;
        }
    }
}

/// Does the article name Ukraine (or a place in it), and Russia (or a place in it)?
fn countries_named(ctx: &ArticleCtx) -> (bool, bool) {
    let (mut ua, mut ru) = (false, false);
    let country = |name: &str| ctx.gaz.lookup(EntityKind::Place, name).and_then(|k| ctx.gaz.known[k as usize].place);
    let (ua_id, ru_id) = (country("Ukraine"), country("Russia"));
    for f in ctx.mentions {
        if let Key::Known(k) = f.key
            && let Some(p) = ctx.gaz.known[k as usize].place
        {
            let path = ctx.gaz.place_path(p);
            ua |= ua_id.is_some_and(|u| path.contains(&u));
            ru |= ru_id.is_some_and(|r| path.contains(&r));
        }
        if ua && ru {
            break;
        }
    }
    (ua, ru)
}

/// The most sentences a lead has.
const LEAD_SENTENCES: usize = 3;

/// The date the article's lead gives: the first date of its first paragraph (at most its
/// first [`LEAD_SENTENCES`]) that pins a day, a range or a week, else its title's ("... over
/// the past 24 hours"), with the body span of the words (none for the title).
fn lead_date(ctx: &ArticleCtx) -> Option<(DateValue, Option<Span>)> {
    let pins = |d: &&DateExpr| pins_day_or_week(&d.value) && d.bound.is_none();
    // the first paragraph, but no more than a lead's sentences: a story kept as one long
    // paragraph recalls "last Wednesday" further down, which dates nothing else
    let first_para_end = ctx
        .sentences
        .iter()
        .zip(ctx.paragraph_of)
        .take(LEAD_SENTENCES)
        .filter(|(_, p)| **p == 0)
        .map(|(s, _)| s.end)
        .next_back();
    first_para_end
        .and_then(|end| ctx.dates.iter().take_while(|d| d.start < end).find(pins))
        .map(|d| (d.value, Some(d.span())))
        .or_else(|| ctx.title_dates.iter().find(pins).map(|d| (d.value, None)))
}

fn place_key(ctx: &ArticleCtx, d: &Draft) -> Option<Key> {
    d.place.map(|p| ctx.mentions[p].key.clone()).or(d.place_known.map(Key::Known))
}

/// Does a draft name its place in its own sentence?
fn names_its_place(d: &Draft) -> bool {
    d.why.place.is_some_and(|s| s.start >= d.start && s.end <= d.end)
}

/// Does a date end more than a day before the article was published (not "now" for it)?
fn before_its_time(ctx: &ArticleCtx, d: &DateValue) -> bool {
    match (ctx.published, d.end.or(d.start)) {
        (Some(p), Some(end)) => (p - end).num_days() > 1,
        _ => false,
    }
}

fn dates_compatible(a: &DateValue, b: &DateValue) -> bool {
    let same = a.start == b.start && a.end == b.end;
    a.start.is_none() || b.start.is_none() || same || night_holds(a, b) || night_holds(b, a)
}

/// `night` is a night (a range over two days: "overnight") and `day` one of its days: one
/// date, and `day` the more precise ("overnight ... the attack began in the early hours of
/// Wednesday").
fn night_holds(night: &DateValue, day: &DateValue) -> bool {
    let (Some(s), Some(e), Some(d)) = (night.start, night.end, day.start) else { return false };
    night.precision == Precision::Range
        && (e - s).num_days() == 1
        && day.precision == Precision::Day
        && s <= d
        && d <= e
}

/// So many drones and missiles that no one city was the target: the tally of an attack on
/// the whole country.
const NATIONWIDE_TALLY: u32 = 50;

fn nationwide_tally(d: &Draft) -> bool {
    d.drones.unwrap_or(0) + d.missiles.unwrap_or(0) >= NATIONWIDE_TALLY
}

/// Do two drafts state a count of the same kind with different values?
fn counts_differ(a: &Draft, b: &Draft) -> bool {
    [(a.killed, b.killed), (a.injured, b.injured), (a.drones, b.drones), (a.missiles, b.missiles)]
        .into_iter()
        .any(|(x, y)| x.is_some() && y.is_some() && x != y)
}

fn absorb(into: &mut Draft, d: Draft) {
    if !into.has_place() {
        into.place = d.place;
        into.place_known = d.place_known;
        into.why.place = d.why.place;
    }
    if into.date.start.is_none() || night_holds(&into.date, &d.date) {
        into.date = d.date;
        into.why.date = d.why.date;
    }
    for (i, (slot, v)) in [
        (&mut into.killed, d.killed),
        (&mut into.injured, d.injured),
        (&mut into.drones, d.drones),
        (&mut into.missiles, d.missiles),
    ]
    .into_iter()
    .enumerate()
    {
        // The first statement of a count stands; later sentences only fill gaps.
        if slot.is_none() && v.is_some() {
            *slot = v;
            into.why.counts[i] = d.why.counts[i];
        }
    }
    for a in d.actors {
        if !into.actors.contains(&a) {
            into.actors.push(a);
        }
    }
    for w in d.weapons {
        if !into.weapons.contains(&w) {
            into.weapons.push(w);
        }
    }
    if into.country.is_none() {
        into.country = d.country;
    } else if let (Some((k, n)), Some((k2, n2))) = (into.country, d.country) {
        into.country = Some((k, n || (n2 && k == k2)));
    }
    if into.claimed_by.is_none() {
        into.claimed_by = d.claimed_by;
        into.why.claimant = d.why.claimant;
    }
    if d.status == Status::Disputed {
        into.status = Status::Disputed;
    }
    // Deduplicated once merging is done (contains() here would be quadratic).
    into.mentions.extend(d.mentions);
}

/// How many of the latest events a new sentence may merge into.
const MERGE_WINDOW: usize = 64;

/// One happening told in several sentences is one event.
fn merge(ctx: &ArticleCtx, drafts: Vec<Draft>) -> Vec<Draft> {
    let mut out: Vec<Draft> = Vec::new();
    for d in drafts {
        let key = place_key(ctx, &d);
        // Same kind and place (or no place yet on one side), compatible dates: the same happening.
        // Only recent events are candidates: a happening is retold nearby, and a long page
        // must not make merging quadratic.
        let lo = out.len().saturating_sub(MERGE_WINDOW);
        let target = out[lo..].iter().rposition(|o| {
            // Statements are one only when one speaker says them.
            if o.kind != d.kind
                || !dates_compatible(&o.date, &d.date)
                || (d.kind == EventKind::Statement && o.claimed_by != d.claimed_by)
            {
                return false;
            }
            // Two clauses of one sentence that each report something are two events, and so
            // are two reports that count differently ("a dozen injured" and "wounded nine").
            if o.sentence == d.sentence && o.unit != d.unit || counts_differ(o, &d) {
                return false;
            }
            let ok = place_key(ctx, o);
            let near = d.sentence <= o.sentence + 3 && d.paragraph <= o.paragraph + 1;
            // An undated mention tells of the article's time; far from it, a dated one of
            // days before is another happening at the same place ("The army responded with
            // air strikes" ... paragraphs on ... "Last Wednesday, a bomb killed 31 in
            // Damascus"); nearby it may be the same one, told again with its date
            let earlier = match (o.date.start, d.date.start) {
                (None, Some(_)) => before_its_time(ctx, &d.date),
                (Some(_), None) => before_its_time(ctx, &o.date),
                _ => false,
            };
            // nearby too when the dated one names its own place ("Last Wednesday, at least
            // 31 people were killed in a bomb attack in the centre of Damascus", "Later,
            // another bomber attacked a restaurant in Rabweh"): a report of its own, where
            // the same happening told again with its date points back ("the attack")
            if earlier && o.date.start.is_none() && names_its_place(&d) {
                return false;
            }
            match (&ok, &key) {
                (Some(a), Some(b)) if earlier => a == b && near,
                (Some(a), Some(b)) => a == b,
                // "Russia launched 242 drones that night": a nationwide tally told paragraphs
                // later is its own event, not a detail of the strike on one city.
                (Some(_), None) if d.country.is_some() && nationwide_tally(&d) => near,
                (Some(_), None) => near || d.killed.is_some() || d.drones.is_some() || d.missiles.is_some(),
                (None, Some(_)) => near,
                (None, None) => near,
            }
        });
        match target {
            Some(t) => absorb(&mut out[lo + t], d),
            None => out.push(d),
        }
    }
    for d in &mut out {
        d.mentions.sort_unstable();
        d.mentions.dedup();
    }
    // A sentence with counts but no place adds to the latest event of its kind that has one
    // ("Air defences downed all ten drones" after "drones attacked Kyiv").
    let mut kept: Vec<Draft> = Vec::with_capacity(out.len());
    for mut d in out {
        if !d.has_place() && !matches!(d.kind, EventKind::Statement | EventKind::Other) {
            let counted = d.killed.is_some() || d.injured.is_some() || d.drones.is_some() || d.missiles.is_some();
            // "Russia launched 400 drones overnight": a counted or nationwide strike is on the
            // country its attacker's enemy is.
            if let Some((k, nationwide)) = d.country
                && (counted || nationwide)
            {
                d.place_known = Some(k);
                kept.push(d);
                continue;
            }
            let lo = kept.len().saturating_sub(MERGE_WINDOW);
            if let Some(t) =
                kept[lo..].iter().rposition(|o| o.kind == d.kind && o.has_place() && dates_compatible(&o.date, &d.date))
            {
                if counted {
                    absorb(&mut kept[lo + t], d);
                }
                continue;
            }
            // An event of a scored kind with no place and nothing counted says too little to keep.
            if !counted {
                continue;
            }
        }
        kept.push(d);
    }
    kept
}
