"""Cyrillic -> Latin transliteration helpers used by build.py (standard library only).

uk_kmu     Ukrainian national transliteration (Cabinet of Ministers resolution No. 55, 2010),
           the system used by the Ukrainian government and most English-language press:
           Kyiv, Zaporizhzhia, Kostiantynivka, Huliaipole, Avdiivka, Kupiansk.
uk_y       older "y" style still common in the press and in GeoNames:
           Kostyantynivka, Hulyaypole, Avdiyivka, Kupyansk.
uk_apos    like uk_y but keeps the soft sign as an apostrophe: Sivers'k, Kramators'k.
ru_bgn     Russian, BGN/PCGN-like press style: Krasnoarmeysk, Tyotkino, Zaporozhye.
ru_simple  Russian, simplified: Graivoron, Tetkino.
"""

import re
import unicodedata

_UK_COMMON = {
    'а': 'a', 'б': 'b', 'в': 'v', 'г': 'h', 'ґ': 'g', 'д': 'd', 'е': 'e', 'ж': 'zh',
    'з': 'z', 'и': 'y', 'і': 'i', 'к': 'k', 'л': 'l', 'м': 'm', 'н': 'n', 'о': 'o',
    'п': 'p', 'р': 'r', 'с': 's', 'т': 't', 'у': 'u', 'ф': 'f', 'х': 'kh', 'ц': 'ts',
    'ч': 'ch', 'ш': 'sh', 'щ': 'shch',
    # Russian letters occasionally found in Ukrainian-looking strings
    'ы': 'y', 'э': 'e', 'ё': 'yo', 'ъ': '',
}
_UK_KMU_INITIAL = {'є': 'ye', 'ї': 'yi', 'й': 'y', 'ю': 'yu', 'я': 'ya'}
_UK_KMU_MEDIAL = {'є': 'ie', 'ї': 'i', 'й': 'i', 'ю': 'iu', 'я': 'ia'}
_UK_Y = {'є': 'ye', 'ї': 'yi', 'й': 'y', 'ю': 'yu', 'я': 'ya'}

_RU = {
    'а': 'a', 'б': 'b', 'в': 'v', 'г': 'g', 'д': 'd', 'ж': 'zh', 'з': 'z', 'и': 'i',
    'к': 'k', 'л': 'l', 'м': 'm', 'н': 'n', 'о': 'o', 'п': 'p', 'р': 'r', 'с': 's',
    'т': 't', 'у': 'u', 'ф': 'f', 'х': 'kh', 'ц': 'ts', 'ч': 'ch', 'ш': 'sh',
    'щ': 'shch', 'ъ': '', 'ы': 'y', 'ь': '', 'э': 'e', 'ю': 'yu', 'я': 'ya',
    # Ukrainian letters, in case
    'і': 'i', 'ї': 'yi', 'є': 'ye', 'ґ': 'g',
}
_VOWELS = set('аеёиоуыэюяіїє')
APOSTROPHES = "'’ʼ`´‘"


def _is_word_start(s, i):
    j = i - 1
    while j >= 0 and s[j] in APOSTROPHES:
        j -= 1
    return j < 0 or not s[j].isalpha()


def _case(out, src_char):
    if src_char.isupper() and out:
        return out[0].upper() + out[1:]
    return out


def uk_kmu(s):
    s = unicodedata.normalize('NFC', s)
    res = []
    low = s.lower()
    i = 0
    while i < len(s):
        ch, lc = s[i], low[i]
        if lc in APOSTROPHES or lc == 'ь':
            out = ''
        elif lc == 'з' and i + 1 < len(s) and low[i + 1] == 'г':
            out = 'z'
            res.append(_case(out, ch))
            # г after з -> gh
            res.append('gh' if not s[i + 1].isupper() else 'GH')
            i += 2
            continue
        elif lc in _UK_KMU_INITIAL:
            out = _UK_KMU_INITIAL[lc] if _is_word_start(low, i) else _UK_KMU_MEDIAL[lc]
        elif lc in _UK_COMMON:
            out = _UK_COMMON[lc]
        else:
            out = ch
            res.append(out)
            i += 1
            continue
        res.append(_case(out, ch))
        i += 1
    return ''.join(res)


def _uk_y(s, soft):
    s = unicodedata.normalize('NFC', s)
    low = s.lower()
    res = []
    for i, ch in enumerate(s):
        lc = low[i]
        if lc in APOSTROPHES:
            out = "'" if soft else ''
        elif lc == 'ь':
            out = "'" if soft else ''
        elif lc in _UK_Y:
            out = _UK_Y[lc]
        elif lc in _UK_COMMON:
            out = _UK_COMMON[lc]
        else:
            res.append(ch)
            continue
        res.append(_case(out, ch))
    return ''.join(res)


def uk_y(s):
    return _uk_y(s, False)


def uk_apos(s):
    return _uk_y(s, True)


def _ru(s, simple):
    s = unicodedata.normalize('NFC', s)
    low = s.lower()
    res = []
    for i, ch in enumerate(s):
        lc = low[i]
        prev = low[i - 1] if i > 0 else ''
        start = i == 0 or not prev.isalpha()
        if lc == 'е':
            if simple:
                out = 'e'
            else:
                out = 'ye' if (start or prev in _VOWELS or prev in 'ъь') else 'e'
        elif lc == 'ё':
            out = 'e' if simple else 'yo'
        elif lc == 'й':
            if simple:
                out = 'i'
            else:
                out = '' if prev == 'ы' else 'y'  # -ый -> -y
        elif lc in _RU:
            out = _RU[lc]
        elif lc in APOSTROPHES:
            out = ''
        else:
            res.append(ch)
            continue
        res.append(_case(out, ch))
    return ''.join(res)


def ru_bgn(s):
    return _ru(s, False)


def ru_simple(s):
    return _ru(s, True)


_UK_ONLY = set('іїєґІЇЄҐ')
_RU_ONLY = set('ыэёъЫЭЁЪ')
_CYR = re.compile(r'^[\u0400-\u04FF\s\-’ʼ\'.()]+$')


def is_cyrillic(s):
    return bool(_CYR.match(s)) and any('\u0400' <= c <= '\u04FF' for c in s)


def looks_ukrainian(s):
    return any(c in _UK_ONLY for c in s) and not any(c in _RU_ONLY for c in s)


def looks_russian(s):
    return not any(c in _UK_ONLY for c in s) and not any(c in 'ўЎ' for c in s)


def fold(s):
    """ASCII-fold: strip diacritics (Kraków -> Krakow), drop apostrophes."""
    s = unicodedata.normalize('NFKD', s)
    s = ''.join(c for c in s if not unicodedata.combining(c))
    s = s.replace('ł', 'l').replace('Ł', 'L').replace('ı', 'i').replace('ß', 'ss')
    s = s.replace('ø', 'o').replace('Ø', 'O').replace('æ', 'ae').replace('đ', 'd')
    s = s.replace('ə', 'a').replace('Ə', 'A')
    for a in APOSTROPHES:
        s = s.replace(a, '')
    return s
