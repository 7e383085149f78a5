#!/usr/bin/env python3
"""How much of what the references name survives loading: for each reference set, the share of
reference entity names (and event places) found in the text sitrep keeps (body, captions,
title). A name missing here can never be extracted; it was lost by the loader.

usage: text_coverage.py SITREP [-v]
"""
import json, os, subprocess, sys

EVAL = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "eval")
SETS = [("seeds", "seeds-gold.json", "seeds"), ("wild", "wild-gold.json", "corpus/wild"),
        ("dev", "dev-gold.json", "corpus/dev")]


def main():
    binary = sys.argv[1]
    verbose = "-v" in sys.argv
    shared = os.path.normpath(os.path.join(EVAL, ".."))
    for name, gold, folder in SETS:
        g = json.load(open(os.path.join(shared, "eval", gold), encoding="utf-8"))
        d = os.path.join(shared, folder)
        out = subprocess.run([binary, "articles", d, "--format", "json"], capture_output=True).stdout
        text = {}
        for a in json.loads(out):
            parts = [a["title"], a["body"]] + [c["text"] for c in a["captions"]]
            text.setdefault(os.path.basename(a["file"]), []).append("\n".join(parts).lower())
        found = total = 0
        for art in g["articles"]:
            t = "\n".join(text.get(art["file"], []))
            raw = open(os.path.join(d, art["file"]), encoding="utf-8", errors="replace").read().lower()
            for kind, names in art.get("entities", {}).items():
                for n in names:
                    if n.lower() not in raw:
                        continue  # not written so in the file either (a normalised name)
                    total += 1
                    if n.lower() in t:
                        found += 1
                    elif verbose:
                        print(f"  lost {art['file'][:60]}: {kind} {n}")
        print(f"{name:<6} reference names in the kept text: {found}/{total} = {found / max(total, 1):.3f}")


if __name__ == "__main__":
    main()
