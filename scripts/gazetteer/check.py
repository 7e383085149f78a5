#!/usr/bin/env python3
"""Validate the gazetteer files in assets/gazetteer/ (standard library only).

    python3 scripts/gazetteer/check.py            # validate the committed files
    python3 scripts/gazetteer/check.py --rebuild  # also re-run build.py and require that
                                                  # places.tsv is reproduced byte for byte
                                                  # (needs the source packages, see build.py)

Checks: UTF-8, exact header, column count on every row, no stray whitespace, non-empty names,
unique ids, every parent id exists and the parent chain has no cycle, kind/category in the
allowed set, lat/lon both present or both empty and in range, integer population, no
duplicate canonical name within the same kind+parent (two distinct homonymous villages of one
raion are allowed only when both have coordinates at least 3 km apart), places sorted by
(name, known population first, -population, id), unique names in people/orgs/weapons,
aliases never empty and never repeated within a row, stop_places.txt entries present in
places.tsv.  Exit status 1 on any error.
"""

import argparse
import math
import os
import subprocess
import sys
import tempfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
GAZ = os.path.join(ROOT, 'assets', 'gazetteer')

PLACE_KINDS = {'continent', 'country', 'region', 'district', 'settlement', 'water', 'facility',
               'area'}
ORG_KINDS = {'military', 'government', 'agency', 'company', 'alliance', 'media', 'ngo', 'party',
             'other'}
WEAPON_CATS = {'drone', 'missile', 'bomb', 'air_defense', 'artillery', 'aircraft', 'vehicle',
               'system'}

SCHEMAS = {
    'places.tsv': ['id', 'name', 'kind', 'parent', 'lat', 'lon', 'population', 'aliases', 'demonyms'],
    'people.tsv': ['name', 'role', 'country', 'aliases'],
    'orgs.tsv': ['name', 'kind', 'aliases'],
    'weapons.tsv': ['name', 'category', 'aliases'],
}

errors = []


def err(msg):
    errors.append(msg)


def read(name):
    path = os.path.join(GAZ, name)
    try:
        with open(path, encoding='utf-8', newline='') as f:
            text = f.read()
    except UnicodeDecodeError as e:
        err(f'{name}: not UTF-8: {e}')
        return []
    except FileNotFoundError:
        err(f'{name}: missing')
        return []
    if not text.endswith('\n'):
        err(f'{name}: no final newline')
    lines = text.split('\n')[:-1]
    header = lines[0].split('\t')
    if header != SCHEMAS[name]:
        err(f'{name}: header {header} != {SCHEMAS[name]}')
    rows = []
    for n, ln in enumerate(lines[1:], 2):
        if '\r' in ln:
            err(f'{name}:{n}: carriage return')
        cells = ln.split('\t')
        if len(cells) != len(header):
            err(f'{name}:{n}: {len(cells)} columns, expected {len(header)}')
            continue
        for c in cells:
            if c != c.strip():
                err(f'{name}:{n}: stray whitespace in {c!r}')
        row = dict(zip(header, cells))
        row['_line'] = n
        if not row['name']:
            err(f'{name}:{n}: empty name')
        check_aliases(name, row)
        rows.append(row)
    return rows


def check_aliases(fname, row):
    if not row['aliases']:
        return
    parts = row['aliases'].split('|')
    seen = set()
    for a in parts:
        if not a or a != a.strip():
            err(f'{fname}:{row["_line"]}: empty or padded alias in {row["aliases"]!r}')
        k = a
        if k in seen:
            err(f'{fname}:{row["_line"]}: alias {a!r} repeated')
        if k == row['name']:
            err(f'{fname}:{row["_line"]}: alias {a!r} equals the name')
        seen.add(k)


def dist_km(a, b):
    (lat1, lon1), (lat2, lon2) = a, b
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(min(1.0, h)))


def check_places(rows):
    ids = {}
    for r in rows:
        if r['id'] in ids:
            err(f'places.tsv:{r["_line"]}: duplicate id {r["id"]}')
        ids[r['id']] = r
        if r['kind'] not in PLACE_KINDS:
            err(f'places.tsv:{r["_line"]}: bad kind {r["kind"]!r}')
        if bool(r['lat']) != bool(r['lon']):
            err(f'places.tsv:{r["_line"]}: only one of lat/lon')
        r['_coord'] = None
        if r['lat']:
            try:
                lat, lon = float(r['lat']), float(r['lon'])
                if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                    err(f'places.tsv:{r["_line"]}: lat/lon out of range')
                r['_coord'] = (lat, lon)
            except ValueError:
                err(f'places.tsv:{r["_line"]}: bad lat/lon')
        r['_pop'] = 0
        if r['population']:
            if not r['population'].isdigit():
                err(f'places.tsv:{r["_line"]}: bad population {r["population"]!r}')
            else:
                r['_pop'] = int(r['population'])
    for r in rows:
        if r['parent'] and r['parent'] not in ids:
            err(f'places.tsv:{r["_line"]}: parent {r["parent"]} does not exist')
        if r['kind'] not in ('continent',) and not r['parent'] and r['kind'] not in ('water', 'area'):
            if r['kind'] != 'country' or True:
                pass
        # cycle check
        seen, cur = set(), r
        while cur and cur['parent']:
            if cur['id'] in seen:
                err(f'places.tsv:{r["_line"]}: parent cycle at {cur["id"]}')
                break
            seen.add(cur['id'])
            cur = ids.get(cur['parent'])
    groups = {}
    for r in rows:
        groups.setdefault((r['name'], r['kind'], r['parent']), []).append(r)
    homonyms = 0
    for (name, kind, parent), g in groups.items():
        if len(g) < 2:
            continue
        ok = all(x['_coord'] for x in g) and all(
            dist_km(a['_coord'], b['_coord']) >= 3 for i, a in enumerate(g) for b in g[i + 1:])
        if ok:
            homonyms += len(g)
        else:
            err(f'places.tsv: duplicate {name!r} ({kind}) under {parent}: ids '
                + ', '.join(x['id'] for x in g))
    keys = [(r['name'], 0 if r['_pop'] else 1, -r['_pop'], r['id']) for r in rows]
    if keys != sorted(keys):
        err('places.tsv: rows not sorted by (name, -population, id)')
    return ids, homonyms


def check_unique(fname, rows, field, allowed):
    seen = {}
    for r in rows:
        if r['name'] in seen:
            err(f'{fname}:{r["_line"]}: duplicate name {r["name"]!r}')
        seen[r['name']] = r
        if allowed is not None and r[field] not in allowed:
            err(f'{fname}:{r["_line"]}: bad {field} {r[field]!r}')
    # an alias of one entry should not be the canonical name of another
    for r in rows:
        for a in r['aliases'].split('|') if r['aliases'] else []:
            o = seen.get(a)
            if o is not None and o is not r:
                err(f'{fname}:{r["_line"]}: alias {a!r} is the name of another entry')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--rebuild', action='store_true')
    args = ap.parse_args()

    places = read('places.tsv')
    ids, homonyms = check_places(places)
    people = read('people.tsv')
    check_unique('people.tsv', people, 'role', None)
    countries = {r['name'] for r in places if r['kind'] == 'country'}
    for r in people:
        if not r['role']:
            err(f'people.tsv:{r["_line"]}: empty role')
        for c in r['country'].split('|') if r['country'] else []:
            if c not in countries:
                err(f'people.tsv:{r["_line"]}: country {c!r} is not a country name in places.tsv')
    orgs = read('orgs.tsv')
    check_unique('orgs.tsv', orgs, 'kind', ORG_KINDS)
    weapons = read('weapons.tsv')
    check_unique('weapons.tsv', weapons, 'category', WEAPON_CATS)

    names = set()
    for r in places:
        names.add(r['name'])
        names.update(a for a in r['aliases'].split('|') if a)
    stop = os.path.join(GAZ, 'stop_places.txt')
    n_stop = 0
    with open(stop, encoding='utf-8') as f:
        for n, ln in enumerate(f, 1):
            ln = ln.rstrip('\n')
            if not ln or ln.startswith('#'):
                continue
            n_stop += 1
            if ln not in names:
                err(f'stop_places.txt:{n}: {ln!r} is not a name or alias in places.tsv')

    if args.rebuild:
        with tempfile.TemporaryDirectory() as d:
            out = os.path.join(d, 'places.tsv')
            subprocess.run([sys.executable, os.path.join(ROOT, 'scripts', 'gazetteer', 'build.py'),
                            '--out', out], check=True)
            with open(out, 'rb') as a, open(os.path.join(GAZ, 'places.tsv'), 'rb') as b:
                if a.read() != b.read():
                    err('places.tsv differs from a fresh build.py run')

    kinds = {}
    for r in places:
        kinds[r['kind']] = kinds.get(r['kind'], 0) + 1
    print(f'places.tsv: {len(places)} rows {dict(sorted(kinds.items()))}; '
          f'{homonyms} rows are distinct homonyms sharing name+kind+parent')
    print(f'people.tsv: {len(people)} rows; orgs.tsv: {len(orgs)} rows; '
          f'weapons.tsv: {len(weapons)} rows; stop_places.txt: {n_stop} entries')
    for e in errors[:200]:
        print('ERROR', e)
    if len(errors) > 200:
        print(f'... {len(errors) - 200} more errors')
    print(f'{len(errors)} errors')
    sys.exit(1 if errors else 0)


if __name__ == '__main__':
    main()
