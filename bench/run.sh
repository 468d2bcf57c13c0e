#!/usr/bin/env bash
# Times `clientscore rank` against DuckDB (and Polars, the raw read limits, ...) in the same
# rounds, on the shared export generator's data (../shared/bench/run_anchors.sh), then prints
# issue 4's ratios: the medians over rounds of clientscore / DuckDB for wall and CPU time.
# Figures go to bench/RESULTS.md by hand, with the machine and the command.
#
#   bench/run.sh [SCALE] [ROUNDS]      SCALE 1 ≈ 100 MB, 10 ≈ 1 GB (default 1), ROUNDS default 3
#   TOOLS=cat,quoted,fccp,duckdb,polars (the default) chooses the other tools.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
shared=$(cd "$root/../shared/bench" && pwd)
scale=${1:-1}
rounds=${2:-3}
data=/tmp/clientscore-bench-s${scale}
binary="$root/build/clientscore"
[ -x "$binary" ] || { echo "build first: make build" >&2; exit 1; }
if [ ! -f "$data/calls.csv" ]; then
  python3 "$shared/gen.py" "$data" --scale "$scale" --clients 20000 --seed 42
fi
tools=${TOOLS:-cat,quoted,fccp,duckdb,polars}
out=/tmp/anchors-out/clientscore-s${scale}-$(date +%Y%m%d-%H%M%S)
"$shared/run_anchors.sh" -n "$rounds" -t "$tools" -N clientscore -o "$out" \
  -c "$binary rank {data} --fx {data}/fx.csv --currency EUR --format json --output /dev/null --quiet" "$data"
echo
python3 "$here/ratios.py" "$out/results.tsv"
