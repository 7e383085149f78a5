#!/usr/bin/env bash
# Strikes per oblast per week, by DuckDB over `sitrep export --parquet`.
#
#   scripts/parquet/duckdb_strikes.sh [PATHS...]      (no PATHS: the embedded seeds)
#
# Makes a venv in ${XDG_CACHE_HOME:-$HOME/.cache}/sitrep-duckdb and installs duckdb from
# PyPI into it (once), exports PATHS to a temporary folder (or $SITREP_PARQUET_DIR, kept),
# prints the table and checks that DuckDB counts as many events as the `events` line of
# `sitrep stats PATHS`: exits 1 when it does not.
#
# The oblast is the element of the event's place_path (innermost first: "Druzhkivka",
# "Kramatorsk Raion", "Donetsk Oblast", "Ukraine", "Europe") that ends in " Oblast" (Ukraine's
# and Russia's), or is Kyiv City, Sevastopol City or the Autonomous Republic of Crimea.
# Strikes without a date or without such a place are counted on the last lines.
# $SITREP names the binary (default: target/release/sitrep, else sitrep on PATH).
set -euo pipefail

here=$(cd "$(dirname "$0")/../.." && pwd)
sitrep=${SITREP:-}
if [[ -z $sitrep ]]; then
    if [[ -x $here/target/release/sitrep ]]; then sitrep=$here/target/release/sitrep; else sitrep=sitrep; fi
fi

venv=${XDG_CACHE_HOME:-$HOME/.cache}/sitrep-duckdb
if [[ ! -x $venv/bin/python ]] || ! "$venv/bin/python" -c 'import duckdb' 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check duckdb
fi

if [[ -n ${SITREP_PARQUET_DIR:-} ]]; then
    out=$SITREP_PARQUET_DIR
else
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    out=$tmp/export
fi

"$sitrep" export --parquet "$out" "$@"
expected=$("$sitrep" stats "$@" | awk '$1 == "events" { print $2 }')
[[ $expected =~ ^[0-9]+$ ]] || { echo "duckdb_strikes: no events line in sitrep stats" >&2; exit 1; }

"$venv/bin/python" - "$out" "$expected" <<'PY'
import sys
import duckdb

out, expected = sys.argv[1], int(sys.argv[2])
con = duckdb.connect()
con.execute(f"""
    create view events as
    select * from read_parquet('{out}/events/*/*.parquet', hive_partitioning = true)
""")
con.execute("""
    create view strikes as
    select date, list_filter(place_path, lambda p: p like '% Oblast'
        or p in ('Kyiv City', 'Sevastopol City', 'Autonomous Republic of Crimea'))[1] as oblast
    from events where kind = 'strike'
""")
rows = con.execute("""
    select oblast, date_trunc('week', date)::date as week, count(*) as strikes
    from strikes where oblast is not null and date is not null
    group by all order by oblast, week
""").fetchall()
print(f"{'oblast':<32} {'week':<10} {'strikes':>7}")
for oblast, week, n in rows:
    print(f"{oblast:<32} {week!s:<10} {n:>7}")
undated, unplaced = con.execute("""
    select count(*) filter (where date is null),
           count(*) filter (where date is not null and oblast is null)
    from strikes
""").fetchone()
total = con.execute("select count(*) from strikes").fetchone()[0]
print(f"strikes: {total}; undated: {undated}; in no oblast: {unplaced}")
events = con.execute("select count(*) from events").fetchone()[0]
if events != expected:
    print(f"MISMATCH: DuckDB counts {events} events, sitrep stats {expected}", file=sys.stderr)
    sys.exit(1)
print(f"events: DuckDB {events} = sitrep stats {expected}")
PY
