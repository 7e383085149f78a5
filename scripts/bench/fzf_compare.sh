#!/usr/bin/env bash
# Side by side with fzf: the same queries over the same 1M events, sitrep's query engine
# (the query alone, store already built) against `fzf --filter` over the events' list lines.
#
#   scripts/bench/fzf_compare.sh [EVENTS] [ROUNDS]     (defaults: 1000000 events, 5 rounds)
#
# Needs fzf (Debian: apt-get install fzf). Writes the lines to $BENCH_DATA (default
# /work/bench-data, never the repository). Prints a markdown table: median wall time of each
# query for both and the ratio fzf/sitrep, all measured in this one run.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-1000000}
ROUNDS=${2:-5}
DATA=${BENCH_DATA:-/work/bench-data}
mkdir -p "$DATA"
LINES="$DATA/event-lines-$N.txt"
QUERIES=("kramatorsk" "glide bomb" "zaporizhzh" "shahed" "kyiv drones" "pokrovsk")

command -v fzf >/dev/null || { echo "fzf not found (apt-get install fzf)" >&2; exit 1; }
cargo build --release --example query_time >&2
SITREP=$(mktemp)
"${CARGO_TARGET_DIR:-target}"/release/examples/query_time --events "$N" --lines "$LINES" --rounds "$ROUNDS" "${QUERIES[@]}" > "$SITREP"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

echo "fzf $(fzf --version | cut -d' ' -f1), $(nproc) cores, $N lines of $(( $(wc -c < "$LINES") / N )) bytes on average"
echo
echo "| query | sitrep ms | sitrep hits | fzf --filter ms | fzf hits | fzf / sitrep |"
echo "|---|---|---|---|---|---|"
for q in "${QUERIES[@]}"; do
  times=()
  for _ in $(seq "$ROUNDS"); do
    s=$(date +%s%N)
    hits=$(fzf --filter "$q" < "$LINES" | wc -l)
    e=$(date +%s%N)
    times+=($(( (e - s) / 1000 )))
  done
  fzf_ms=$(printf '%s\n' "${times[@]}" | median | awk '{printf "%.1f", $1/1000}')
  IFS=$'\t' read -r _ s_ms s_hits < <(grep -P "^\Q$q\E\t" "$SITREP")
  ratio=$(awk -v a="$fzf_ms" -v b="$s_ms" 'BEGIN {printf "%.1f", a/b}')
  echo "| \`$q\` | $s_ms | $s_hits | $fzf_ms | $hits | ${ratio}x |"
done
rm -f "$SITREP"
