#!/usr/bin/env python3
"""Load + extract throughput of whole `sitrep stats` runs, old and new binaries side by side.

    scripts/bench/ingest.py [--runs N] --old OLD_BINARY [--new target/release/sitrep] DIR...

For every corpus folder, with 1 thread and with 2 (RAYON_NUM_THREADS), the runs interleave:
the old binary; the new one with `--no-cache` (read and extract, as the old one does); the new
one with an empty cache (read, extract, build the store and write the snapshot: what the first
open costs now); the new one on that snapshot (reopening). MB/s is the corpus's bytes over the
wall time of the whole process (start-up, loading, extraction, merging and the summary
included). Prints every median and the table for README. The news corpus is built by
`../shared/corpus/news/make.sh`; the generated one by `examples/gen_corpus`.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def size(path):
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(path) for f in fs)


def timed(cmd, env):
    t0 = time.perf_counter()
    out = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    took = time.perf_counter() - t0
    if out.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed: {out.stderr}")
    return took


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--old", required=True)
    p.add_argument("--new", default=os.path.join(os.environ.get("CARGO_TARGET_DIR", "target"), "release", "sitrep"))
    p.add_argument("dirs", nargs="+")
    a = p.parse_args()
    rows = []
    for d in a.dirs:
        mb = size(d) / 1e6
        for threads in (1, 2):
            env = dict(os.environ, RAYON_NUM_THREADS=str(threads))
            env.pop("SITREP_TIMINGS", None)
            runs = {"old": [], "new, --no-cache": [], "new, first open (snapshot written)": [], "new, reopened": []}
            for _ in range(a.runs):
                cache = tempfile.mkdtemp()
                try:
                    envc = dict(env, SITREP_CACHE_HOME=cache)
                    runs["old"].append(timed([a.old, "stats", d], envc))
                    runs["new, --no-cache"].append(timed([a.new, "stats", "--no-cache", d], envc))
                    runs["new, first open (snapshot written)"].append(timed([a.new, "stats", d], envc))
                    runs["new, reopened"].append(timed([a.new, "stats", d], envc))
                finally:
                    shutil.rmtree(cache)
            for name, ts in runs.items():
                med = statistics.median(ts)
                print(f"{d} ({mb:.1f} MB), {threads} thread(s), {name}: {', '.join(f'{t:.2f}' for t in ts)} s; median {med:.2f} s = {mb / med:.1f} MB/s", flush=True)
                rows.append((os.path.basename(d.rstrip('/')), mb, threads, name, med))
    print()
    print("| corpus | threads | old | new, --no-cache | new, first open | new, reopened |")
    print("|---|---|---|---|---|---|")
    for d in a.dirs:
        base = os.path.basename(d.rstrip('/'))
        for threads in (1, 2):
            cells = [f"{mb / med:.1f} MB/s ({med:.2f} s)" for (b, mb, t, _, med) in rows if b == base and t == threads]
            print(f"| {base} | {threads} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
