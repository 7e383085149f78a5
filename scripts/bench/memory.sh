#!/usr/bin/env bash
# Memory per event and load/extract/build times on a generated corpus.
#
#   scripts/bench/memory.sh [ARTICLES] [THREADS]     (defaults: 10000 articles, all cores)
#
# Generates the corpus into $BENCH_DATA/gen-N (default /work/bench-data, never the repository)
# if it is not there, then runs examples/scale_probe on it, which reports each stage's time and
# the peak RSS (VmHWM) after each stage, and the memory per event beyond the article text.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-10000}
THREADS=${2:-0}
DATA=${BENCH_DATA:-/work/bench-data}
OUT="$DATA/gen-$N"
cargo build --release --example gen_corpus --example scale_probe >&2
BIN="${CARGO_TARGET_DIR:-target}/release/examples"
[ -d "$OUT" ] || "$BIN/gen_corpus" --articles "$N" --seed 1 --out "$OUT"
"$BIN/scale_probe" "$OUT" --threads "$THREADS"
