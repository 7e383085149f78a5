//! Counts in a sentence: killed, injured, drones, missiles, from digits and number words.

use super::gazetteer::Gazetteer;
use super::rules::Vocab;
use super::text::{number_word, parse_number};

/// A word of a sentence with its byte range.
#[derive(Debug, Clone, Copy)]
pub struct Tok<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

/// Split into word tokens: letters, digits, hyphens, apostrophes and digit-group commas.
pub fn tokens(s: &str) -> Vec<Tok<'_>> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(s.len() / 6 + 1);
    let mut start: Option<usize> = None;
    // The char at a byte offset: ASCII directly, anything else decoded (rare in news copy).
    let char_at = |i: usize| -> Option<char> {
        match b.get(i) {
            None => None,
            Some(&x) if x < 0x80 => Some(x as char),
            Some(_) => s[i..].chars().next(),
        }
    };
    let mut prev: Option<char> = None;
    let mut i = 0;
    while i < b.len() {
        // A run of ASCII letters and digits, the bulk of any text, in one step.
        if b[i].is_ascii_alphanumeric() {
            start.get_or_insert(i);
            i += b[i..].iter().position(|x| !x.is_ascii_alphanumeric()).unwrap_or(b.len() - i);
            prev = Some(b[i - 1] as char);
            continue;
        }
        let (c, len) = if b[i] < 0x80 {
            (b[i] as char, 1)
        } else {
            let c = s[i..].chars().next().unwrap_or(' ');
            (c, c.len_utf8())
        };
        let word_char = c.is_ascii_alphanumeric() || (!c.is_ascii() && c.is_alphanumeric());
        // Joiners are looked at only for the few characters that are not letters or digits.
        let joins = !word_char && {
            match c {
                // "-5", "−5": a minus sign starts the number's token, so a negative number is
                // never read as a count ("killing -5 people"), while "2022-2023" and "5-7"
                // join below.
                '-' | '\u{2212}'
                    if !prev.is_some_and(char::is_alphanumeric)
                        && char_at(i + len).is_some_and(|n| n.is_ascii_digit()) =>
                {
                    true
                }
                // "long-range", "Russia's": inside a word.
                '-' | '\'' | '’' => {
                    prev.is_some_and(char::is_alphanumeric) && char_at(i + len).is_some_and(char::is_alphanumeric)
                }
                // "1,100": a digit-group comma.
                ',' => prev.is_some_and(|p| p.is_ascii_digit()) && char_at(i + len).is_some_and(|n| n.is_ascii_digit()),
                // "3.5", and "News.Az", "U.S": a dot between digits or letters, with no space.
                '.' => {
                    let next = char_at(i + len);
                    prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit())
                        || prev.is_some_and(char::is_alphabetic) && next.is_some_and(char::is_alphabetic)
                }
                _ => false,
            }
        };
        if word_char || joins {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(st) = start.take() {
            out.push(Tok { text: &s[st..i], start: st, end: i });
        }
        prev = Some(c);
        i += len;
    }
    if let Some(st) = start {
        out.push(Tok { text: &s[st..], start: st, end: s.len() });
    }
    out
}

/// The tokens of `toks` inside the byte range `a..b`.
pub fn toks_within<'t, 'a>(toks: &'t [Tok<'a>], a: usize, b: usize) -> &'t [Tok<'a>] {
    let lo = toks.partition_point(|t| t.start < a);
    let hi = toks.partition_point(|t| t.end <= b).max(lo);
    &toks[lo..hi]
}

/// Parse a number phrase at `toks[i..]`: "12", "1,100", "twelve", "a dozen", "two dozen",
/// "twenty-five". Returns the value and the index after the phrase.
pub fn number_at(toks: &[Tok], i: usize) -> Option<(u32, usize)> {
    let t = toks.get(i)?.text;
    // Most tokens are refused on their first letter and length.
    if !super::text::may_start_number(t) {
        return None;
    }
    let is = |w: &str| t.eq_ignore_ascii_case(w);
    if is("a") || is("an") || is("one") {
        if toks.get(i + 1).is_some_and(|n| n.text.eq_ignore_ascii_case("dozen")) {
            return Some((12, i + 2));
        }
        if toks.get(i + 1).is_some_and(|n| n.text.eq_ignore_ascii_case("hundred")) {
            return Some((100, i + 2));
        }
        if !is("one") {
            return Some((1, i + 1));
        }
    }
    if is("half")
        && toks.get(i + 1).is_some_and(|n| n.text == "a")
        && toks.get(i + 2).is_some_and(|n| n.text == "dozen")
    {
        return Some((6, i + 3));
    }
    let n = parse_number(t)?;
    if let Some(next) = toks.get(i + 1) {
        let is = |w: &str| next.text.eq_ignore_ascii_case(w);
        if is("dozen") {
            return Some((n * 12, i + 2));
        }
        if is("hundred") && n < 10 {
            return Some((n * 100, i + 2));
        }
        if is("thousand") && n < 1000 {
            return Some((n * 1000, i + 2));
        }
        // "tens of thousands", "dozens": not a count; "1.5 million": too vague to keep.
        if ["million", "billion", "percent", "per", "%"].iter().any(|w| is(w)) {
            return None;
        }
    }
    Some((n, i + 1))
}

/// Skip qualifiers ("at least", "more than", "nearly") from `i`; return the first index after them.
fn skip_qualifiers(v: &Vocab, toks: &[Tok], mut i: usize) -> usize {
    while let Some(t) = toks.get(i) {
        // "an" is a qualifier only in "an estimated"; otherwise it is the number one.
        if t.text.eq_ignore_ascii_case("an")
            && !toks.get(i + 1).is_some_and(|n| n.text.eq_ignore_ascii_case("estimated"))
        {
            return i;
        }
        if !v.qualifier.has_ci(t.text) {
            break;
        }
        i += 1;
    }
    i
}

/// A token's text; `counts` tokenizes a lowercased copy, so it is lowercase already.
fn lower<'a>(t: &Tok<'a>) -> &'a str {
    t.text
}

/// The words counts are read with: the rule files' count words and the gazetteer's weapon
/// names by category ("Shahed" counts drones, "Iskander" missiles).
pub(crate) struct CountWords<'a> {
    pub v: &'a Vocab,
    pub gaz: &'a Gazetteer,
}

impl CountWords<'_> {
    fn people(&self, w: &str) -> bool {
        self.v.people_noun.has(w) || self.v.person_noun.has(w)
    }
    fn drone(&self, w: &str) -> bool {
        self.v.drone_noun.has(w) || self.gaz.weapon_category(w) == Some("drone")
    }
    fn missile(&self, w: &str) -> bool {
        self.v.missile_noun.has(w) || self.gaz.weapon_category(w) == Some("missile")
    }
}

/// The counts of a sentence or clause, and where each was read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub killed: Option<u32>,
    pub injured: Option<u32>,
    pub drones: Option<u32>,
    pub missiles: Option<u32>,
    /// Byte span of the words each count was read from (killed, injured, drones, missiles),
    /// in the text counted.
    pub at: [Option<(usize, usize)>; 4],
}

/// Which count: an index into [`Counts::at`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountField {
    Killed = 0,
    Injured = 1,
    Drones = 2,
    Missiles = 3,
}

impl Counts {
    fn slot(&mut self, f: CountField) -> &mut Option<u32> {
        match f {
            CountField::Killed => &mut self.killed,
            CountField::Injured => &mut self.injured,
            CountField::Drones => &mut self.drones,
            CountField::Missiles => &mut self.missiles,
        }
    }
    /// Keep the larger of the count so far and `v` (read from `span`).
    fn put(&mut self, f: CountField, v: u32, span: (usize, usize)) {
        let slot = self.slot(f);
        if slot.is_none_or(|o| v > o) {
            *slot = Some(v);
            self.at[f as usize] = Some(span);
        }
    }
    /// Take the other's counts where this has none.
    pub fn fill_from(&mut self, other: &Counts) {
        for f in [CountField::Killed, CountField::Injured, CountField::Drones, CountField::Missiles] {
            let v = *other.clone().slot(f);
            if self.slot(f).is_none() && v.is_some() {
                *self.slot(f) = v;
                self.at[f as usize] = other.at[f as usize];
            }
        }
    }
}

/// Read the counts stated in one sentence.
pub fn counts(sentence: &str) -> Counts {
    // Footnote markers ("injuring 16.[3]") are not numbers of anything.
    let blanked = blank_footnotes(sentence);
    // One lowercased copy (same byte offsets): every token is then lowercase already.
    let lowered = blanked.to_ascii_lowercase();
    let words = CountWords { v: &super::rules::get().vocab, gaz: super::gazetteer::get() };
    counts_in(&words, &blanked, &tokens(&lowered))
}

/// Read the counts in `toks`: tokens of the ASCII-lowercased `blanked` text (footnote
/// markers blanked), or a run of them (a clause); offsets index `blanked`.
pub(crate) fn counts_in(cw: &CountWords, blanked: &str, toks: &[Tok]) -> Counts {
    let voc = cw.v;
    let mut c = Counts::default();
    let n = toks.len();
    let mut i = 0;
    while i < n {
        let w = toks[i].text;
        let killed = voc.killed_word.has(w);
        let injured = voc.injured_word.has(w);
        // Active: "killing at least 12 people", "injured 15 others", "killed two 18-year-olds".
        if (killed || injured) && voc.casualty_verb.has(w) {
            let j = skip_qualifiers(voc, toks, i + 1);
            // "killed a mother and her 11-year-old daughter", "killed Serhiy Kovalenko, a medic":
            // people named or described one by one are counted one by one.
            if let Some((v, after)) = person_list(cw, blanked, toks, i + 1)
                .or_else(|| person_list(cw, blanked, toks, j))
                .filter(|&(v, _)| v >= 2 || number_at(toks, j).is_none())
            {
                let f = if killed { CountField::Killed } else { CountField::Injured };
                c.put(f, v, (toks[i].start, toks[after - 1].end));
                i = after;
                continue;
            }
            if let Some((v, after)) = number_at(toks, j) {
                // The number must be about people: a people noun (or nothing noun-like) follows.
                let next = toks.get(after).map(lower);
                // "wounding 24, the governor said": punctuation right after the number ends it.
                let punct_after = toks.get(after).is_some_and(|t| {
                    blanked[toks[after - 1].end..t.start].trim().starts_with([',', '.', ';', ':', ')'])
                });
                let ok = punct_after
                    || match next {
                        None => true,
                        Some(nx) => {
                            cw.people(nx)
                                || nx.ends_with("-year-olds")
                                || nx.ends_with("-year-old")
                                || voc.after_active_count.has(nx)
                                || toks.get(after + 1).is_some_and(|t| cw.people(lower(t)))
                        }
                    };
                // "killed 2 of the 3 drones" makes no sense; but "injuring 16" at sentence end is fine.
                if ok && j - (i + 1) <= 4 {
                    let f = if killed { CountField::Killed } else { CountField::Injured };
                    c.put(f, v, (toks[i].start, toks[after - 1].end));
                    i = after;
                    continue;
                }
            }
        }
        // Passive / nominal: "one person was killed", "six of them were injured",
        // "At least a dozen people were injured", "five dead", "12 deaths".
        if (killed || injured) && !w.ends_with("ing") {
            // Look back up to 6 tokens for a number phrase that is not a year or a count of things.
            let lo = i.saturating_sub(7);
            let mut found: Option<(u32, usize)> = None;
            let mut k = i;
            while k > lo {
                k -= 1;
                let lw = toks[k].text;
                if matches!(
                    lw,
                    "killing"
                        | "killed"
                        | "injuring"
                        | "injured"
                        | "wounded"
                        | "wounding"
                        | "drones"
                        | "missiles"
                        | "buildings"
                        | "homes"
                ) {
                    break;
                }
                if let Some((v, after)) = number_at(toks, k) {
                    // "No one was hurt": nobody.
                    if k > 0 && matches!(toks[k - 1].text, "no" | "not") {
                        break;
                    }
                    if lw == "a" || lw == "an" {
                        // "a person was killed" counts one; "a strike killed": not a number here.
                        let noun = toks.get(after).map(lower).unwrap_or_default();
                        if !(after < i && cw.people(noun) && noun != "of" && noun != "more" && noun != "others") {
                            continue;
                        }
                    }
                    // The words between the number and the verb must be people words or auxiliaries.
                    let between_ok = toks[after..i].iter().all(|t| {
                        let l = lower(t);
                        cw.people(l) || voc.passive_link.has(l) || l.ends_with("-year-olds")
                    });
                    if between_ok && (after < i || k + 1 == i) {
                        found = Some((v, k));
                        break;
                    }
                }
            }
            // "A 76-year-old woman was killed", "a farm worker in the village of X was killed":
            // one person, the subject of a singular verb.
            if found.is_none() && i >= 1 && matches!(toks[i - 1].text, "was" | "been") {
                found = singular_subject(cw, toks, i);
            }
            if let Some((v, k)) = found {
                let f = if killed { CountField::Killed } else { CountField::Injured };
                c.put(f, v, (toks[k].start, toks[i].end));
            }
        }
        // "death toll rose to 7"
        if w == "toll" {
            let mut j = i + 1;
            while j < n && j < i + 5 && number_at(toks, j).is_none_or(|_| matches!(toks[j].text, "a" | "an")) {
                j += 1;
            }
            if let Some((v, end)) = number_at(toks, j).filter(|_| j < i + 5) {
                c.put(CountField::Killed, v, (toks[i].start, toks[end - 1].end));
            }
        }
        // Weapons: "574 drones", "four Shahed drones", "40 ballistic and cruise missiles".
        if let Some((num, after)) = number_at(toks, i).filter(|_| !matches!(w, "a" | "an")) {
            let mut j = after;
            // "500 of 574 drones": the total is the later number.
            let mut limit = 5;
            while j < n && limit > 0 {
                let l = toks[j].text;
                // "14 Shahed drones": a weapon name of its category counts when no noun follows.
                let noun_next = toks.get(j + 1).is_some_and(|t| cw.drone(t.text) || cw.missile(t.text));
                if cw.drone(l) && !(noun_next && self::is_name(blanked, &toks[j])) {
                    c.put(CountField::Drones, num, (toks[i].start, toks[j].end));
                    break;
                }
                if cw.missile(l) && !(noun_next && self::is_name(blanked, &toks[j])) {
                    c.put(CountField::Missiles, num, (toks[i].start, toks[j].end));
                    break;
                }
                if number_at(toks, j).is_some() && !matches!(l, "a" | "an")
                    || !is_weapon_modifier(voc, l, &blanked[toks[j].start..toks[j].end])
                {
                    break;
                }
                j += 1;
                limit -= 1;
            }
        }
        i += 1;
    }
    c
}

/// Determiners before a person described one at a time: "a woman", "another civilian".
fn one_determiner(w: &str) -> bool {
    matches!(w, "a" | "an" | "one" | "another" | "his" | "her" | "their" | "its" | "the")
}

/// An age or a short description before a person noun: "76-year-old", "18-month-old".
fn age_word(w: &str) -> bool {
    w.ends_with("-year-old") || w.ends_with("-month-old") || w.ends_with("-week-old") || w.ends_with("-day-old")
}

/// People named or described one at a time after a casualty verb, joined by commas and
/// "and": "a woman and a 6-year-old girl", "a mother and 11-year-old daughter", "Serhiy
/// Kovalenko, a 56-year-old medic" (a name and its description count once). Returns the
/// count and the token after the list.
fn person_list(cw: &CountWords, blanked: &str, toks: &[Tok], mut j: usize) -> Option<(u32, usize)> {
    let capital = |t: &Tok| blanked[t.start..t.end].starts_with(char::is_uppercase);
    let mut count = 0u32;
    let mut end = j;
    let mut after_name = false;
    loop {
        let start = j;
        let det = toks.get(j).is_some_and(|t| one_determiner(t.text));
        if det {
            j += 1;
        }
        // A name: capitalised words ("Serhiy Kovalenko").
        let name_len =
            toks[j.min(toks.len())..].iter().take_while(|t| capital(t) && !cw.v.people_noun.has(t.text)).count();
        let item = if name_len > 0 && !det && j == start {
            j += name_len.min(3);
            Some(true)
        } else {
            let mut k = j;
            while k < toks.len() && k < j + 3 && !cw.v.person_noun.has(toks[k].text) && !cw.people(toks[k].text) {
                let w = toks[k].text;
                let word = w.chars().all(|c| c.is_ascii_lowercase() || c == '-');
                let stop = cw.v.killed_word.has(w)
                    || cw.v.injured_word.has(w)
                    || one_determiner(w)
                    || matches!(
                        w,
                        "and" | "or" | "with" | "in" | "on" | "at" | "of" | "by" | "as" | "to" | "from" | "who"
                    );
                if !(age_word(w) || word && !stop) || number_at(toks, k).is_some() {
                    break;
                }
                k += 1;
            }
            let noun = toks.get(k).is_some_and(|t| cw.v.person_noun.has(t.text));
            (noun && (det || k > j)).then(|| {
                j = k + 1;
                false
            })
        };
        match item {
            // "Serhiy Kovalenko, a 56-year-old medic": the description after a name is the
            // same person.
            Some(false) if after_name => {}
            Some(_) => count += 1,
            None => {
                j = start;
                break;
            }
        }
        after_name = item == Some(true);
        end = j;
        let sep = toks.get(j).map(|t| t.text);
        let comma = toks.get(j).is_some_and(|t| blanked[toks[j - 1].end..t.start].contains(','));
        if sep == Some("and") {
            after_name = false;
            j += 1;
        } else if comma && toks.get(j).is_some_and(|t| one_determiner(t.text) || capital(t)) {
            continue;
        } else {
            break;
        }
    }
    let _ = j;
    (count >= 1).then_some((count, end))
}

/// The subject of "was killed": one person described ("A 76-year-old woman", "a farm worker
/// in the village of X") earlier in the clause, with no other count between; returns 1 and
/// the token where the description starts.
fn singular_subject(cw: &CountWords, toks: &[Tok], verb: usize) -> Option<(u32, usize)> {
    let lo = verb.saturating_sub(16);
    for k in (lo..verb).rev() {
        let w = toks[k].text;
        let plural = cw.people(w) && !cw.v.person_noun.has(w) && !matches!(w, "of" | "them" | "more");
        if plural || number_at(toks, k).is_some_and(|_| !one_determiner(w)) {
            return None;
        }
        if cw.v.person_noun.has(w) {
            let det = (k.saturating_sub(3)..k).rev().find(|&d| matches!(toks[d].text, "a" | "an" | "one" | "another"));
            return det.map(|d| (1, d));
        }
    }
    None
}

/// Replace `[12]`-style footnote markers with spaces (same length, so offsets hold).
pub fn blank_footnotes(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('[') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = s.as_bytes().to_vec();
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'[' {
            let mut j = i + 1;
            while j < b.len() && b[j].is_ascii_digit() && j - i <= 4 {
                j += 1;
            }
            if j > i + 1 && j < b.len() && b[j] == b']' {
                for x in &mut out[i..=j] {
                    *x = b' ';
                }
                i = j;
            }
        }
        i += 1;
    }
    // Only ASCII bytes were replaced by ASCII spaces, so this stays valid UTF-8.
    std::borrow::Cow::Owned(String::from_utf8(out).unwrap_or_else(|_| s.to_string()))
}

/// Is the token written with a capital ("Shahed", not "drones")?
fn is_name(blanked: &str, t: &Tok) -> bool {
    blanked[t.start..t.end].starts_with(|c: char| c.is_uppercase())
}

fn is_weapon_modifier(v: &Vocab, l: &str, orig: &str) -> bool {
    v.weapon_modifier.has(l)
        || orig.chars().next().is_some_and(char::is_uppercase) && l.len() > 2 && number_word(l).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Counts {
        counts(s)
    }

    #[test]
    fn active_casualty_forms() {
        let x =
            c("Four Shahed drones struck a bus near the town, killing at least 12 people and injuring at least 16.");
        assert_eq!((x.killed, x.injured, x.drones), (Some(12), Some(16), Some(4)));
        let x = c("An evening strike killed two 18-year-olds and wounded nine others.");
        assert_eq!((x.killed, x.injured), (Some(2), Some(9)));
        let x = c("The strikes killed at least one person and injured 15 others, officials said.");
        assert_eq!((x.killed, x.injured), (Some(1), Some(15)));
    }

    #[test]
    fn negative_numbers_are_no_counts() {
        let x = c("Russian shelling hit the town on Monday, killing -5 people and injuring \u{2212}3, officials said.");
        assert_eq!((x.killed, x.injured), (None, None));
        let x = c("Shelling killed 5 people in the town.");
        assert_eq!(x.killed, Some(5));
        let t: Vec<&str> = tokens("killing -5 and 2022-2023, -3.5 C").iter().map(|t| t.text).collect();
        assert_eq!(t, ["killing", "-5", "and", "2022-2023", "-3.5", "C"]);
    }

    #[test]
    fn passive_and_nominal_forms() {
        let x = c("In the city, one person was killed and three were injured as the attack damaged 26 buildings.");
        assert_eq!((x.killed, x.injured), (Some(1), Some(3)));
        let x = c("At least a dozen people were injured overnight.");
        assert_eq!(x.injured, Some(12));
        let x = c("At the plant, 600 workers were on site, and six of them were injured, he said.");
        assert_eq!(x.injured, Some(6));
        let x = c("No one was hurt when the drone hit the roof.");
        assert_eq!(x.injured, None);
        let x = c("A 76-year-old woman was killed in the village overnight.");
        assert_eq!(x.killed, Some(1));
        let x = c("A farm worker in the village of Sadove was killed late on Friday.");
        assert_eq!(x.killed, Some(1));
        let x = c("Debris caused at least five deaths in the capital.");
        assert_eq!(x.killed, Some(5));
        let x = c("The death toll rose to 14 on Sunday.");
        assert_eq!(x.killed, Some(14));
    }

    #[test]
    fn people_counted_one_by_one() {
        let x = c("Drones killed a woman and injured a 6-year-old girl and an 18-month-old toddler.");
        assert_eq!((x.killed, x.injured), (Some(1), Some(2)));
        let x = c("The attack killed a mother and her 11-year-old daughter and wounded 16 others.");
        assert_eq!((x.killed, x.injured), (Some(2), Some(16)));
        let x = c("A blast killed Petro Ivanenko, a 56-year-old medic, and wounded two colleagues.");
        assert_eq!((x.killed, x.injured), (Some(1), Some(2)));
        let x = c("A second strike killed another civilian in the town.");
        assert_eq!(x.killed, Some(1));
    }

    #[test]
    fn weapon_counts() {
        let x = c("Russia fired 574 drones and 40 ballistic and cruise missiles overnight.");
        assert_eq!((x.drones, x.missiles), (Some(574), Some(40)));
        let x = c("Air defences shot down all ten drones launched from Russia.");
        assert_eq!(x.drones, Some(10));
        let x = c("Three Russian cruise missiles with cluster munitions struck the city.");
        assert_eq!(x.missiles, Some(3));
        let x = c("Roughly 23 drones flew above the airfield.");
        assert_eq!(x.drones, Some(23));
    }

    #[test]
    fn vague_amounts_are_not_counts() {
        let x = c("Hundreds of drones and dozens of missiles hit; tens of thousands of soldiers have been killed.");
        assert_eq!(x, Counts::default());
        let x = c("More than 1,100 apartment buildings were left without heat.");
        assert_eq!(x, Counts::default());
        let x = c("Karabakh's population of around 100,000 people fled in 2023.");
        assert_eq!(x, Counts::default());
    }

    #[test]
    fn each_count_says_where_it_was_read() {
        let s = "Russia fired 574 drones overnight, killing at least 12 people.";
        let x = c(s);
        let at = |f: CountField| x.at[f as usize].map(|(a, b)| &s[a..b]);
        assert_eq!(at(CountField::Drones), Some("574 drones"));
        assert_eq!(at(CountField::Killed), Some("killing at least 12"));
        assert_eq!(at(CountField::Injured), None);
    }
}
