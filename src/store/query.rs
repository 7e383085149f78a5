//! The query language, shared by the browser's `/` prompt and `sitrep events --query`.
//!
//! ```text
//! kind:strike,aid place:donetsk since:2026-02-01 until:2026-02-05 killed>0 injured>=3
//! entity:lavrov entity="Sergei Lavrov" source:isw claimed:ukrainian -kind:statement druzh market
//! ```
//!
//! * `key:value` filters; several values of one key separated by commas OR together;
//!   different terms AND together; a leading `-` negates a term.
//! * `key="exact name"` matches a whole name instead of a part of one (place, entity, ...).
//! * counts (`killed`, `injured`, `casualties`, `drones`, `missiles`) take `> >= < <= =` or `:`;
//!   so does `sources`, the number of articles that report the event's happening
//!   (`sources>=2`: what more than one outlet reports).
//! * `near:kramatorsk,30km` keeps events placed within 30 km of a place (25 km without a
//!   radius; `m` for metres); `bbox:37.0,48.3,38.2,49.0` those placed inside a box given as
//!   west, south, east, north in degrees (longitude first, as GeoJSON). Events placed only at
//!   a country or an oblast are at its centre.
//! * anything else is a free word, fuzzy-matched against the event's place, kind, actors and text.
//!
//! Values are case- and accent-insensitive. Parsing never panics: a bad query is a
//! [`QueryError`] naming the offending part.

use std::fmt;
use std::ops::Range;

use chrono::{Datelike, NaiveDate};

use crate::extract::{EventKind, Precision, Status};

use crate::extract::fold::{contains_folded, fold};

/// A parsed query.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    /// Filters, ANDed.
    pub terms: Vec<Term>,
    /// Free words, folded; every one must match.
    pub words: Vec<String>,
    /// An explicit `sort:` term, if any.
    pub sort: Option<Sort>,
}

/// One `key:value` term as written, with its place in the query text.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    pub negate: bool,
    pub filter: Filter,
    /// Byte range of the term in the query text (for chips and error marks).
    pub span: Range<usize>,
}

/// How a text value is compared with names.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TextMatch {
    /// The folded name contains the folded value (`place:donetsk`).
    Contains(String),
    /// The folded name equals the folded value (`place="Donetsk Oblast"`).
    Exact(String),
}

impl TextMatch {
    /// Test a name (not yet folded).
    pub fn matches(&self, name: &str) -> bool {
        match self {
            TextMatch::Contains(v) => contains_folded(name, v),
            TextMatch::Exact(v) => fold(name) == *v,
        }
    }
    pub fn value(&self) -> &str {
        match self {
            TextMatch::Contains(v) | TextMatch::Exact(v) => v,
        }
    }
}

/// Numeric fields of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountField {
    Killed,
    Injured,
    /// killed + injured
    Casualties,
    Drones,
    Missiles,
    /// The number of articles reporting the event's happening ([`crate::merge`]).
    Sources,
}

impl CountField {
    pub fn as_str(self) -> &'static str {
        match self {
            CountField::Killed => "killed",
            CountField::Injured => "injured",
            CountField::Casualties => "casualties",
            CountField::Drones => "drones",
            CountField::Missiles => "missiles",
            CountField::Sources => "sources",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmp {
    Eq,
    Gt,
    Ge,
    Lt,
    Le,
}

impl Cmp {
    pub fn test(self, a: u32, b: u32) -> bool {
        match self {
            Cmp::Eq => a == b,
            Cmp::Gt => a > b,
            Cmp::Ge => a >= b,
            Cmp::Lt => a < b,
            Cmp::Le => a <= b,
        }
    }
}

/// What `date:` can select.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateSel {
    /// Events whose dates overlap this inclusive range (a day, a month, a year).
    Range(NaiveDate, NaiveDate),
    /// Events with no date at all.
    Undated,
    /// Events with a date that is not a single day (a range, a week, a month...).
    Imprecise,
    /// Events pinned to a single day.
    Exact,
}

/// Sort orders for the result list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sort {
    /// Best match first when there are free words, else newest first.
    #[default]
    Relevance,
    /// Newest first; undated last.
    Newest,
    /// Oldest first; undated last.
    Oldest,
    /// Most killed, then most injured, then newest.
    Casualties,
}

impl Sort {
    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Newest => "newest",
            Sort::Oldest => "oldest",
            Sort::Casualties => "casualties",
        }
    }
    pub fn next(self) -> Sort {
        match self {
            Sort::Relevance => Sort::Newest,
            Sort::Newest => Sort::Oldest,
            Sort::Oldest => Sort::Casualties,
            Sort::Casualties => Sort::Relevance,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Filter {
    Kind(Vec<EventKind>),
    Status(Vec<Status>),
    Place(Vec<TextMatch>),
    Entity(Vec<TextMatch>),
    Source(Vec<TextMatch>),
    Claimed(Vec<TextMatch>),
    Article(Vec<TextMatch>),
    /// Words in the event's text, place or names (`text:`; what `-word` excludes).
    Text(Vec<TextMatch>),
    Since(NaiveDate),
    Until(NaiveDate),
    Date(Vec<DateSel>),
    Count(CountField, Cmp, u32),
    /// Placed within `km` of the named place (its folded name).
    Near(String, f64),
    /// Placed inside the box: west, south, east, north (degrees).
    BBox([f64; 4]),
}

/// The radius of `near:` when the query gives none.
pub const NEAR_KM: f64 = 25.0;

/// A query that could not be parsed: a message for the status line and the byte range
/// of the offending part of the query text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct QueryError {
    pub message: String,
    pub span: Range<usize>,
}

impl QueryError {
    fn new(span: Range<usize>, message: impl Into<String>) -> Self {
        QueryError { message: message.into(), span }
    }
}

/// The filter keys, for messages, completion and help.
pub const KEYS: &[&str] = &[
    "kind",
    "place",
    "entity",
    "source",
    "claimed",
    "article",
    "text",
    "status",
    "since",
    "until",
    "date",
    "killed",
    "injured",
    "casualties",
    "drones",
    "missiles",
    "sources",
    "near",
    "bbox",
    "sort",
];

impl std::str::FromStr for Query {
    type Err = QueryError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Query::parse(s)
    }
}

impl Query {
    /// Parse a query. The empty string is the query that matches everything.
    pub fn parse(text: &str) -> Result<Query, QueryError> {
        let mut q = Query::default();
        for tok in tokenize(text)? {
            parse_token(tok, &mut q)?;
        }
        let since = q.terms.iter().find_map(|t| match (&t.filter, t.negate) {
            (Filter::Since(d), false) => Some((*d, t.span.clone())),
            _ => None,
        });
        let until = q.terms.iter().find_map(|t| match (&t.filter, t.negate) {
            (Filter::Until(d), false) => Some(*d),
            _ => None,
        });
        if let (Some((s, span)), Some(u)) = (since, until)
            && s > u
        {
            return Err(QueryError::new(span, format!("since:{s} is after until:{u}: no day can match")));
        }
        Ok(q)
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty() && self.words.is_empty()
    }

    /// The same filters (ignoring where they were written).
    pub fn same_filters(&self, other: &Query) -> bool {
        self.terms.len() == other.terms.len()
            && self.terms.iter().zip(&other.terms).all(|(a, b)| a.negate == b.negate && a.filter == b.filter)
    }

    /// Can every result of `self` be found among the results of `prev`?
    /// True when the filters are the same and the free words only grew (a word got
    /// longer at its end, or words were added), which is what typing does.
    pub fn narrows(&self, prev: &Query) -> bool {
        if !self.same_filters(prev) || self.words.len() < prev.words.len() {
            return false;
        }
        prev.words.iter().zip(&self.words).all(|(p, n)| {
            // a longer pattern with the same beginning matches a subset (subsequence matching)
            n.starts_with(p.as_str())
        })
    }
}

struct Token {
    /// Byte range in the query text.
    span: Range<usize>,
    /// The token with quotes removed.
    text: String,
    /// Byte offset in `text` where the first quoted part started, if any.
    quoted_from: Option<usize>,
}

fn tokenize(s: &str) -> Result<Vec<Token>, QueryError> {
    let mut out = Vec::new();
    let mut chars = s.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let mut text = String::new();
        let mut quoted_from = None;
        let mut end = start;
        while let Some(&(i, c)) = chars.peek() {
            if c.is_whitespace() {
                break;
            }
            chars.next();
            end = i + c.len_utf8();
            if c == '"' {
                quoted_from.get_or_insert(text.len());
                let open = i;
                let mut closed = false;
                for (j, c) in chars.by_ref() {
                    end = j + c.len_utf8();
                    if c == '"' {
                        closed = true;
                        break;
                    }
                    text.push(c);
                }
                if !closed {
                    return Err(QueryError::new(open..s.len(), "a quote is not closed: add a closing \""));
                }
            } else {
                text.push(c);
            }
        }
        out.push(Token { span: start..end, text, quoted_from });
    }
    Ok(out)
}

/// Split `key<op>value` when the token starts with an identifier followed by an operator
/// (and the operator was not inside quotes).
fn split_key(tok: &Token) -> Option<(&str, &str, &str)> {
    let t = tok.text.as_str();
    let key_end = t.find(|c: char| !(c.is_ascii_alphabetic() || c == '_')).unwrap_or(t.len());
    if key_end == 0 || tok.quoted_from.is_some_and(|q| q <= key_end) {
        return None;
    }
    let rest = &t[key_end..];
    let op = [">=", "<=", ":", "=", ">", "<"].into_iter().find(|op| rest.starts_with(op))?;
    Some((&t[..key_end], op, &rest[op.len()..]))
}

fn parse_token(tok: Token, q: &mut Query) -> Result<(), QueryError> {
    // A lone `-` (typed before what it negates) is nothing yet.
    if tok.quoted_from.is_none() && tok.text.chars().all(|c| c == '-') {
        return Ok(());
    }
    // `-key:value` negates; a lone `-word` excludes events holding the word (`-text:word`).
    let (negate, inner) = match tok.text.strip_prefix('-') {
        Some(rest) if tok.quoted_from != Some(0) => {
            let inner = Token {
                span: tok.span.clone(),
                text: rest.to_string(),
                quoted_from: tok.quoted_from.map(|q| q.saturating_sub(1)),
            };
            match split_key(&inner) {
                Some(_) => (true, inner),
                None if !fold(rest).is_empty() && !rest.starts_with('-') => {
                    let span = inner.span.clone();
                    q.terms.push(Term {
                        negate: true,
                        filter: Filter::Text(vec![TextMatch::Contains(fold(rest))]),
                        span,
                    });
                    return Ok(());
                }
                None => (false, tok),
            }
        }
        _ => (false, tok),
    };
    let span = inner.span.clone();
    let Some((key, op, value)) = split_key(&inner) else {
        let w = fold(&inner.text);
        if !w.is_empty() {
            q.words.push(w);
        }
        return Ok(());
    };
    let key_l = key.to_ascii_lowercase();
    let err = |m: String| QueryError::new(span.clone(), m);
    let exact = op == "=";
    let text_op = |q: &str| -> Result<(), QueryError> {
        if op == ":" || op == "=" {
            Ok(())
        } else {
            Err(QueryError::new(span.clone(), format!("{q} takes ':' or '=', not '{op}'")))
        }
    };
    if value.split(',').all(|v| v.trim().is_empty()) {
        return Err(err(format!("{key}{op} needs a value, e.g. {}", example(&key_l))));
    }
    let values = || value.split(',').map(str::trim).filter(|v| !v.is_empty());
    let texts = || -> Vec<TextMatch> {
        values().map(|v| if exact { TextMatch::Exact(fold(v)) } else { TextMatch::Contains(fold(v)) }).collect()
    };
    let filter = match key_l.as_str() {
        "kind" | "k" => {
            text_op("kind")?;
            let mut kinds = Vec::new();
            for v in values() {
                kinds.push(parse_kind(v).map_err(err)?);
            }
            Filter::Kind(kinds)
        }
        "status" => {
            text_op("status")?;
            let mut st = Vec::new();
            for v in values() {
                st.push(match v.to_ascii_lowercase().as_str() {
                    "claimed" => Status::Claimed,
                    "reported" => Status::Reported,
                    "disputed" => Status::Disputed,
                    _ => {
                        return Err(err(format!("unknown status '{v}': use claimed, reported or disputed")));
                    }
                });
            }
            Filter::Status(st)
        }
        "place" | "p" => {
            text_op("place")?;
            Filter::Place(texts())
        }
        "entity" | "e" | "who" => {
            text_op("entity")?;
            Filter::Entity(texts())
        }
        "source" | "src" => {
            text_op("source")?;
            Filter::Source(texts())
        }
        "claimed" | "claimed_by" | "by" => {
            text_op("claimed")?;
            Filter::Claimed(texts())
        }
        "article" | "file" => {
            text_op("article")?;
            Filter::Article(texts())
        }
        "text" | "word" => {
            text_op("text")?;
            Filter::Text(texts())
        }
        "since" | "from" | "after" => {
            text_op("since")?;
            let (a, _) = parse_date_value(value).map_err(|m| err(format!("since: {m}")))?;
            Filter::Since(a)
        }
        "until" | "to" | "before" => {
            text_op("until")?;
            let (_, b) = parse_date_value(value).map_err(|m| err(format!("until: {m}")))?;
            Filter::Until(b)
        }
        "date" | "on" | "day" => {
            text_op("date")?;
            let mut sels = Vec::new();
            for v in values() {
                sels.push(match v.to_ascii_lowercase().as_str() {
                    "undated" | "none" | "unknown" => DateSel::Undated,
                    "imprecise" | "approx" | "range" => DateSel::Imprecise,
                    "exact" | "day" => DateSel::Exact,
                    _ => {
                        let (a, b) = parse_date_value(v)
                            .map_err(|m| err(format!("date: {m} (or undated, imprecise, exact)")))?;
                        DateSel::Range(a, b)
                    }
                });
            }
            Filter::Date(sels)
        }
        "near" => {
            if op != ":" {
                return Err(err(format!("near takes ':', not '{op}'")));
            }
            let (place, radius) = match value.rsplit_once(',') {
                Some((p, r)) if !p.trim().is_empty() => (p.trim(), Some(r.trim())),
                _ => (value.trim(), None),
            };
            let km = match radius {
                None | Some("") => NEAR_KM,
                Some(r) => parse_distance(r).map_err(|m| err(format!("near: {m}, e.g. near:kramatorsk,30km")))?,
            };
            Filter::Near(fold(place), km)
        }
        "bbox" => {
            if op != ":" {
                return Err(err(format!("bbox takes ':', not '{op}'")));
            }
            let nums: Vec<Option<f64>> = value.split(',').map(|v| v.trim().parse::<f64>().ok()).collect();
            let bad =
                || err("bbox: four numbers, west,south,east,north in degrees (e.g. bbox:37.0,48.3,38.2,49.0)".into());
            let [Some(w), Some(s), Some(e), Some(n)] = nums.as_slice() else { return Err(bad()) };
            let ok = |lon: f64, lat: f64| (-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat);
            if !ok(*w, *s) || !ok(*e, *n) || s > n {
                return Err(bad());
            }
            Filter::BBox([*w, *s, *e, *n])
        }
        "killed" | "injured" | "casualties" | "drones" | "missiles" | "sources" => {
            let field = match key_l.as_str() {
                "killed" => CountField::Killed,
                "injured" => CountField::Injured,
                "casualties" => CountField::Casualties,
                "drones" => CountField::Drones,
                "sources" => CountField::Sources,
                _ => CountField::Missiles,
            };
            let cmp = match op {
                ":" | "=" => Cmp::Eq,
                ">" => Cmp::Gt,
                ">=" => Cmp::Ge,
                "<" => Cmp::Lt,
                _ => Cmp::Le,
            };
            let n: u32 = value
                .parse()
                .map_err(|_| err(format!("{key}{op}{value}: '{value}' is not a whole number, e.g. {key}>0")))?;
            Filter::Count(field, cmp, n)
        }
        "sort" => {
            text_op("sort")?;
            let s = match value.to_ascii_lowercase().as_str() {
                "relevance" | "score" | "match" => Sort::Relevance,
                "date" | "newest" | "new" => Sort::Newest,
                "oldest" | "old" => Sort::Oldest,
                "casualties" | "killed" | "toll" => Sort::Casualties,
                _ => {
                    return Err(err(format!("unknown sort '{value}': use relevance, newest, oldest or casualties")));
                }
            };
            q.sort = Some(s);
            return Ok(());
        }
        _ => {
            return Err(err(format!("unknown filter '{key}': use one of {}", KEYS.join(", "))));
        }
    };
    q.terms.push(Term { negate, filter, span });
    Ok(())
}

fn example(key: &str) -> &'static str {
    match key {
        "kind" | "k" => "kind:strike",
        "since" | "until" | "from" | "to" | "after" | "before" => "since:2026-02-01",
        "date" | "on" | "day" => "date:2026-02-04",
        "killed" | "injured" | "casualties" | "drones" | "missiles" => "killed>0",
        "sources" => "sources>=2",
        "near" => "near:kramatorsk,30km",
        "bbox" => "bbox:37.0,48.3,38.2,49.0",
        "status" => "status:claimed",
        "sort" => "sort:casualties",
        _ => "place:donetsk",
    }
}

fn parse_kind(v: &str) -> Result<EventKind, String> {
    let norm = v.to_ascii_lowercase().replace('-', "_");
    if let Some(k) = EventKind::parse(&norm) {
        return Ok(k);
    }
    if let Some(k) = EventKind::ALL.into_iter().find(|k| k.info().aliases.contains(&norm.as_str())) {
        return Ok(k);
    }
    let prefixed: Vec<EventKind> = EventKind::ALL.into_iter().filter(|k| k.as_str().starts_with(&norm)).collect();
    if prefixed.len() == 1 {
        return Ok(prefixed[0]);
    }
    let all: Vec<&str> = EventKind::ALL.iter().map(|k| k.as_str()).collect();
    Err(format!("unknown kind '{v}': use {}", all.join(", ")))
}

/// Parse `YYYY-MM-DD`, `YYYY-MM` or `YYYY` into the inclusive range of days it covers.
pub fn parse_date_value(v: &str) -> Result<(NaiveDate, NaiveDate), String> {
    let bad = || format!("'{v}' is not a date: use YYYY-MM-DD, YYYY-MM or YYYY");
    let parts: Vec<&str> = v.split('-').collect();
    let num = |s: &str, max_len: usize| -> Result<u32, String> {
        if s.is_empty() || s.len() > max_len || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        s.parse().map_err(|_| bad())
    };
    match parts.as_slice() {
        [y] if y.len() == 4 => {
            let y = num(y, 4)? as i32;
            let a = NaiveDate::from_ymd_opt(y, 1, 1).ok_or_else(bad)?;
            let b = NaiveDate::from_ymd_opt(y, 12, 31).ok_or_else(bad)?;
            Ok((a, b))
        }
        [y, m] if y.len() == 4 => {
            let y = num(y, 4)? as i32;
            let m = num(m, 2)?;
            let a = NaiveDate::from_ymd_opt(y, m, 1).ok_or_else(|| format!("'{v}': there is no month {m}"))?;
            Ok((a, last_of_month(a)))
        }
        [y, m, d] if y.len() == 4 => {
            let (y, m, d) = (num(y, 4)? as i32, num(m, 2)?, num(d, 2)?);
            if !(1..=12).contains(&m) {
                return Err(format!("'{v}': there is no month {m}"));
            }
            let a = NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| format!("'{v}': that month has no day {d}"))?;
            Ok((a, a))
        }
        _ => Err(bad()),
    }
}

/// `30km`, `30 km`, `500m`, `30` (kilometres): a distance in kilometres, finite and positive.
fn parse_distance(v: &str) -> Result<f64, String> {
    let v = v.trim().to_ascii_lowercase();
    let (num, scale) = match v.strip_suffix("km") {
        Some(n) => (n, 1.0),
        None => match v.strip_suffix('m') {
            Some(n) => (n, 0.001),
            None => (v.as_str(), 1.0),
        },
    };
    match num.trim().parse::<f64>() {
        Ok(n) if n.is_finite() && n > 0.0 && n <= 20_000.0 => Ok(n * scale),
        _ => Err(format!("'{v}' is not a distance")),
    }
}

/// The last day of `d`'s month.
pub fn last_of_month(d: NaiveDate) -> NaiveDate {
    let (y, m) = if d.month() == 12 { (d.year() + 1, 1) } else { (d.year(), d.month() + 1) };
    NaiveDate::from_ymd_opt(y, m, 1).and_then(|n| n.pred_opt()).unwrap_or(d)
}

impl fmt::Display for Filter {
    /// A short human label (for chips): `kind strike|aid`, `killed>0`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fn texts(f: &mut fmt::Formatter<'_>, k: &str, v: &[TextMatch]) -> fmt::Result {
            let vals: Vec<String> = v
                .iter()
                .map(|t| match t {
                    TextMatch::Contains(s) => s.clone(),
                    TextMatch::Exact(s) => format!("={s}"),
                })
                .collect();
            write!(f, "{k}:{}", vals.join("|"))
        }
        match self {
            Filter::Kind(k) => {
                let v: Vec<&str> = k.iter().map(|k| k.as_str()).collect();
                write!(f, "kind:{}", v.join("|"))
            }
            Filter::Status(s) => {
                let v: Vec<&str> = s
                    .iter()
                    .map(|s| match s {
                        Status::Claimed => "claimed",
                        Status::Reported => "reported",
                        Status::Disputed => "disputed",
                    })
                    .collect();
                write!(f, "status:{}", v.join("|"))
            }
            Filter::Place(v) => texts(f, "place", v),
            Filter::Entity(v) => texts(f, "entity", v),
            Filter::Source(v) => texts(f, "source", v),
            Filter::Claimed(v) => texts(f, "claimed", v),
            Filter::Article(v) => texts(f, "article", v),
            Filter::Text(v) => texts(f, "text", v),
            Filter::Near(p, km) => write!(f, "near:{p},{km}km"),
            Filter::BBox([w, s, e, n]) => write!(f, "bbox:{w},{s},{e},{n}"),
            Filter::Since(d) => write!(f, "since:{d}"),
            Filter::Until(d) => write!(f, "until:{d}"),
            Filter::Date(s) => {
                let v: Vec<String> = s
                    .iter()
                    .map(|s| match s {
                        DateSel::Range(a, b) if a == b => a.to_string(),
                        DateSel::Range(a, b) => format!("{a}..{b}"),
                        DateSel::Undated => "undated".into(),
                        DateSel::Imprecise => "imprecise".into(),
                        DateSel::Exact => "exact".into(),
                    })
                    .collect();
                write!(f, "date:{}", v.join("|"))
            }
            Filter::Count(field, cmp, n) => {
                let op = match cmp {
                    Cmp::Eq => "=",
                    Cmp::Gt => ">",
                    Cmp::Ge => ">=",
                    Cmp::Lt => "<",
                    Cmp::Le => "<=",
                };
                write!(f, "{}{op}{n}", field.as_str())
            }
        }
    }
}

/// Is this a single calendar day (precision day, start == end)?
pub fn single_day(p: Precision, start: Option<NaiveDate>, end: Option<NaiveDate>) -> Option<NaiveDate> {
    match (p, start, end) {
        (Precision::Day, Some(s), None) => Some(s),
        (Precision::Day, Some(s), Some(e)) if s == e => Some(s),
        (Precision::Range, Some(s), Some(e)) if s == e => Some(s),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn parses_the_example() {
        let q = Query::parse(
            "kind:strike place:donetsk since:2026-02-01 until:2026-02-05 killed>0 entity:lavrov source:isw druzh",
        )
        .unwrap();
        let f: Vec<&Filter> = q.terms.iter().map(|t| &t.filter).collect();
        assert_eq!(
            f,
            vec![
                &Filter::Kind(vec![EventKind::Strike]),
                &Filter::Place(vec![TextMatch::Contains("donetsk".into())]),
                &Filter::Since(d("2026-02-01")),
                &Filter::Until(d("2026-02-05")),
                &Filter::Count(CountField::Killed, Cmp::Gt, 0),
                &Filter::Entity(vec![TextMatch::Contains("lavrov".into())]),
                &Filter::Source(vec![TextMatch::Contains("isw".into())]),
            ]
        );
        assert_eq!(q.words, vec!["druzh"]);
    }

    #[test]
    fn or_values_quotes_negation_exact() {
        let q = Query::parse(r#"kind:strike,aid -kind:statement place="Abu Dhabi" injured>=3 Erdoğan"#).unwrap();
        assert_eq!(q.terms[0].filter, Filter::Kind(vec![EventKind::Strike, EventKind::Aid]));
        assert!(q.terms[1].negate);
        assert_eq!(q.terms[2].filter, Filter::Place(vec![TextMatch::Exact("abu dhabi".into())]));
        assert_eq!(q.terms[3].filter, Filter::Count(CountField::Injured, Cmp::Ge, 3));
        assert_eq!(q.words, vec!["erdogan"]);
        // spans point at the written terms
        let src = r#"kind:strike,aid -kind:statement place="Abu Dhabi" injured>=3 Erdoğan"#;
        assert_eq!(&src[q.terms[1].span.clone()], "-kind:statement");
        assert_eq!(&src[q.terms[2].span.clone()], r#"place="Abu Dhabi""#);
    }

    #[test]
    fn bad_queries_are_errors_with_spans() {
        for (src, needle, bad) in [
            ("killed>x", "not a whole number", "killed>x"),
            ("since:2026-13-01", "no month 13", "since:2026-13-01"),
            ("foo:bar", "unknown filter 'foo'", "foo:bar"),
            ("druzh kind:bogus", "unknown kind 'bogus'", "kind:bogus"),
            ("place:", "needs a value", "place:"),
            ("until:2026-02-30", "no day 30", "until:2026-02-30"),
            ("kind>3", "takes ':'", "kind>3"),
            ("place:\"kyiv", "quote is not closed", "\"kyiv"),
            ("since:2026-02-05 until:2026-02-01", "after", "since:2026-02-05"),
        ] {
            let e = Query::parse(src).expect_err(src);
            assert!(e.message.contains(needle), "{src}: {}", e.message);
            assert_eq!(&src[e.span.clone()], bad, "{src}");
        }
    }

    #[test]
    fn words_and_odd_tokens_are_not_filters() {
        let q = Query::parse("10:30 \"market area\" -").unwrap();
        assert!(q.terms.is_empty());
        // (a lone minus is nothing yet: it is typed before what it negates)
        assert_eq!(q.words, vec!["10:30", "market area"]);
        // a minus and a word leaves the word out
        let q = Query::parse("-druzh").unwrap();
        assert!(q.words.is_empty());
        assert_eq!(q.terms.len(), 1);
        assert!(q.terms[0].negate);
        assert_eq!(q.terms[0].filter, Filter::Text(vec![TextMatch::Contains("druzh".into())]));
        assert!(Query::parse("").unwrap().is_empty());
        assert!(Query::parse("   ").unwrap().is_empty());
    }

    #[test]
    fn dates_months_years() {
        assert_eq!(parse_date_value("2026-02").unwrap(), (d("2026-02-01"), d("2026-02-28")));
        assert_eq!(parse_date_value("2024").unwrap(), (d("2024-01-01"), d("2024-12-31")));
        assert!(parse_date_value("26-02-01").is_err());
        assert!(parse_date_value("2026-02-01x").is_err());
        let q = Query::parse("until:2026-02").unwrap();
        assert_eq!(q.terms[0].filter, Filter::Until(d("2026-02-28")));
    }

    #[test]
    fn every_kind_by_name_and_alias() {
        for k in EventKind::ALL {
            let info = k.info();
            let upper = info.name.to_ascii_uppercase().replace('_', "-");
            for w in [info.name, upper.as_str()].into_iter().chain(info.aliases.iter().copied()) {
                let q = Query::parse(&format!("kind:{w}")).unwrap();
                assert_eq!(q.terms[0].filter, Filter::Kind(vec![k]), "kind:{w}");
            }
        }
    }

    #[test]
    fn kinds_by_alias_and_prefix() {
        let q = Query::parse("kind:clash,terr,ground-clash").unwrap();
        assert_eq!(
            q.terms[0].filter,
            Filter::Kind(vec![EventKind::GroundClash, EventKind::TerritorialClaim, EventKind::GroundClash])
        );
    }

    #[test]
    fn narrowing() {
        let a = Query::parse("kind:strike dru").unwrap();
        let b = Query::parse("kind:strike druz").unwrap();
        let c = Query::parse("kind:strike druz mark").unwrap();
        let other = Query::parse("kind:aid druz").unwrap();
        assert!(b.narrows(&a));
        assert!(c.narrows(&b));
        assert!(!a.narrows(&b));
        assert!(!other.narrows(&a));
    }

    #[test]
    fn never_panics_on_garbage() {
        for s in ["\"", "-\"", ":", "::", "a:\"", "ü:x", "killed>>1", "killed>-1", "kind:,", "-:x", "date:,"] {
            let _ = Query::parse(s);
        }
    }
}
