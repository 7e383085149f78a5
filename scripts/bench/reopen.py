#!/usr/bin/env python3
"""Reopening a corpus through the snapshot cache: how long until the browser lists its events
when nothing changed, and when 10 files changed (and that only those 10 are extracted again).

    scripts/bench/reopen.py [--runs N] [--bin target/release/sitrep] CORPUS

CORPUS is copied to a temporary folder first (files are changed there, never in CORPUS), and
the cache lives in a temporary folder of its own (SITREP_CACHE_HOME). Steps:

1. the first open, with an empty cache (`sitrep stats`: reads, extracts, writes the snapshot);
2. N reopenings of the browser, unchanged: first frame and events listed (scripts/bench/startup.py);
3. N times: 10 files changed (a sentence appended), then `sitrep stats` with SITREP_TIMINGS=1,
   which says how many articles were extracted: it must be the articles of those 10 files
   (10, unless one is a round-up of several), or the script fails; then 10 more changed and
   the browser reopened;
4. N times: 10 files touched (modification time only): 0 extracted, or the script fails.

Prints every run and the medians. For the generated corpus of 100,000 articles:

    cargo run --release --example gen_corpus -- --articles 100000 --seed 1 --out /work/bench-data/gen-100000
    scripts/bench/reopen.py --runs 3 /work/bench-data/gen-100000
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from startup import one_run  # noqa: E402

SENTENCE = "\nRussian drones struck a warehouse in Kharkiv on March {n}, killing {k} people, officials said.\n"


def stats(binary, corpus, env):
    """Run `sitrep stats` with timings on: (seconds, articles extracted)."""
    t0 = time.perf_counter()
    out = subprocess.run([binary, "stats", corpus], env=env, capture_output=True, text=True)
    took = time.perf_counter() - t0
    if out.returncode != 0:
        sys.exit(f"sitrep stats failed: {out.stderr}")
    m = re.search(r"(\d+) extracted, (\d+) reused", out.stderr)
    if not m:
        sys.exit(f"no timings in: {out.stderr!r}")
    return took, int(m.group(1)), out.stderr.strip()


def articles_in(binary, files):
    """How many articles the files hold (a round-up file holds several)."""
    out = subprocess.run([binary, "articles", "--format", "json", *files], capture_output=True, text=True, check=True)
    return len(json.loads(out.stdout))


def browse(binary, corpus, env, timeout):
    old = dict(os.environ)
    os.environ.update(env)
    try:
        # given time to end: it writes the snapshot after listing the events
        first, listed, _, restored = one_run(binary, [corpus], timeout=timeout, exit_within=120.0)
    finally:
        os.environ.clear()
        os.environ.update(old)
    if first is None or listed is None or not restored:
        sys.exit(f"the browser did not list the events (first frame {first}, listed {listed}, restored {restored})")
    return first, listed


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--timeout", type=float, default=600.0)
    p.add_argument("--bin", default=os.path.join(os.environ.get("CARGO_TARGET_DIR", "target"), "release", "sitrep"))
    p.add_argument("corpus")
    a = p.parse_args()
    binary = os.path.abspath(a.bin)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = os.path.join(tmp, "corpus")
        shutil.copytree(a.corpus, corpus)
        files = sorted(os.path.join(d, f) for d, _, fs in os.walk(corpus) for f in fs)
        env = dict(os.environ, SITREP_CACHE_HOME=os.path.join(tmp, "cache"), SITREP_TIMINGS="1", TERM="xterm-256color")

        took, extracted, said = stats(binary, corpus, env)
        print(f"first open, empty cache: {took:.2f} s, {extracted} articles extracted\n  {said}")

        listed = []
        for i in range(a.runs):
            f, l = browse(binary, corpus, env, a.timeout)
            print(f"reopen {i + 1}, unchanged: first frame {f:.1f} ms, events listed {l:.1f} ms")
            listed.append(l)

        changed_cli, changed_listed = [], []
        for i in range(a.runs):
            ten = files[i * 97 % len(files)::max(1, len(files) // 10)][:10]
            for n, path in enumerate(ten):
                with open(path, "a", encoding="utf-8") as fh:
                    fh.write(SENTENCE.format(n=n + 1, k=i + 2))
            took, extracted, said = stats(binary, corpus, env)
            held = articles_in(binary, ten)
            print(f"10 files changed ({held} articles), run {i + 1}: sitrep stats {took:.2f} s, {extracted} articles extracted\n  {said}")
            if extracted != held:
                sys.exit(f"expected the {held} articles of the 10 files extracted, got {extracted}")
            changed_cli.append(took)
            # the browser on the snapshot that run wrote, then 10 more changed for the browser itself
            for n, path in enumerate(ten):
                with open(path, "a", encoding="utf-8") as fh:
                    fh.write(SENTENCE.format(n=n + 11, k=i + 2))
            f, l = browse(binary, corpus, env, a.timeout)
            print(f"10 files changed, run {i + 1}: browser events listed {l:.1f} ms")
            changed_listed.append(l)

        touched = []
        for i in range(a.runs):
            for path in files[i::max(1, len(files) // 10)][:10]:
                os.utime(path)
            took, extracted, said = stats(binary, corpus, env)
            print(f"10 files touched, run {i + 1}: sitrep stats {took:.2f} s, {extracted} articles extracted")
            if extracted != 0:
                sys.exit(f"expected nothing extracted after a touch, got {extracted}")
            touched.append(took)

        med = statistics.median
        print(
            f"median of {a.runs}: reopen unchanged, events listed {med(listed):.0f} ms; "
            f"10 files changed: sitrep stats {med(changed_cli):.2f} s (10 extracted), browser events listed {med(changed_listed):.0f} ms; "
            f"10 files touched: sitrep stats {med(touched):.2f} s (0 extracted)"
        )


if __name__ == "__main__":
    main()
