#!/usr/bin/env bash
# How time and memory grow with the input: clientscore rank on the shared generator's exports at
# 10 MB, 100 MB, 1 GB and 5 GB (20,000 clients each, so only calls, emails, invoices and
# discounts grow), and on one million clients with ten rows each (bench/gen_many_clients.py).
# One line per size: input bytes, invoices, wall, user and system seconds, peak RSS; and the peak
# RSS of the calls file alone, which grows with the calls but must not grow with their number.
#
#   bench/scaling.sh [SCALES...]     default: 0.1 1 10 50 and the million clients ("1m")
# Needs about 6.5 GB free in /tmp for the 5 GB set; data sets are kept there between runs.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
shared=$(cd "$root/../shared/bench" && pwd)
binary="$root/build/clientscore"
[ -x "$binary" ] || { echo "build first: make build" >&2; exit 1; }
scales=("$@")
[ ${#scales[@]} -eq 0 ] && scales=(0.1 1 10 50 1m)
printf '| data | input MB | invoices | wall s | user s | sys s | CPU s per GB | peak RSS MB | calls only: MB, peak RSS MB |\n'
printf '|---|---:|---:|---:|---:|---:|---:|---:|---:|\n'
for scale in "${scales[@]}"; do
  if [ "$scale" = 1m ]; then
    data=/tmp/clientscore-1m
    [ -f "$data/calls.csv" ] || python3 "$here/gen_many_clients.py" "$data" >&2
    args=("$data")
  else
    data=/tmp/clientscore-bench-s${scale}
    [ -f "$data/calls.csv" ] || python3 "$shared/gen.py" "$data" --scale "$scale" --clients 20000 --seed 42 >&2
    args=("$data" --fx "$data/fx.csv" --currency EUR)
  fi
  cat "$data"/*.csv > /dev/null  # hot page cache, as run_anchors.sh measures
  bytes=$(cat "$data"/calls.csv "$data"/emails.csv "$data"/invoices.csv "$data"/discounts.csv | wc -c)
  invoices=$(($(wc -l < "$data/invoices.csv") - 1))
  read -r wall user sys rss < <(/usr/bin/time -f "%e %U %S %M" "$binary" rank "${args[@]}" --format json \
    --output /dev/null --quiet 2>&1 >/dev/null | tail -1)
  calls_bytes=$(wc -c < "$data/calls.csv")
  read -r calls_rss < <(/usr/bin/time -f "%M" "$binary" rank --calls "$data/calls.csv" --format json \
    --output /dev/null --quiet 2>&1 >/dev/null | tail -1)
  awk -v s="$scale" -v b="$bytes" -v i="$invoices" -v w="$wall" -v u="$user" -v y="$sys" -v r="$rss" \
    -v cb="$calls_bytes" -v cr="$calls_rss" \
    'BEGIN { printf "| %s | %.0f | %d | %.2f | %.2f | %.2f | %.1f | %.0f | %.0f, %.0f |\n", s, b / 1e6, i, w, u, y, (u + y) / (b / 1e9), r / 1024, cb / 1e6, cr / 1024 }'
done
