#!/usr/bin/env python3
"""Precision checks of issue 9 on a folder of real news articles (../shared/corpus/news/make.sh DIR).

usage: news_check.py SITREP DIR [-v]

Prints: events by kind; the share of statements; events dated after their article's
publication day (scheduled diplomacy aside); places named "... Oblast" outside Ukraine and
Russia; where events mentioning Orly are placed.
"""
import collections, json, subprocess, sys


def run(binary, what, folder):
    out = subprocess.run([binary, what, folder, "--format", "json"], capture_output=True, check=True).stdout
    return json.loads(out)


def main():
    binary, folder = sys.argv[1], sys.argv[2]
    verbose = "-v" in sys.argv
    events = run(binary, "events", folder)
    articles = {a["id"]: a for a in run(binary, "articles", folder)}
    kinds = collections.Counter(e["kind"] for e in events)
    n = len(events)
    print(f"events {n}: " + ", ".join(f"{k} {v}" for k, v in kinds.most_common()))
    print(f"statements: {kinds['statement'] / n:.1%}" if n else "no events")
    late = []
    for e in events:
        a = articles.get(e["article"])
        pub = a and a.get("published")
        if pub and e.get("date") and e["date"][:10] > pub and e["kind"] != "diplomacy":
            late.append(e)
    print(f"dated after publication (not diplomacy): {len(late)}")
    if verbose:
        for e in late[:40]:
            print(f"  {e['file']} {e['kind']} {e['date']} pub {articles[e['article']]['published']}: {e['text'][:150]}")
    oblast = [e for e in events if (e.get("place_entity") or e.get("place") or "").endswith("Oblast")
              and not any(c in (e.get("place_path") or []) for c in ("Ukraine", "Russia"))]
    names = sorted(set(e.get("place_entity") or e["place"] for e in oblast))
    print(f"foreign Oblast places: {len(oblast)} {names[:20]}")
    orly = [e for e in events if "Orly" in e.get("text", "")]
    print("Orly events placed at: " + ", ".join(f"{e['place']} ({(e.get('place_path') or ['?'])[-2:]})" for e in orly))


if __name__ == "__main__":
    main()
