#!/usr/bin/env bash
# Draws docs/report.png (laptop width) and docs/report-phone.png (phone width): the html report
# of sample_data as headless chromium shows it. Run after a build: bash scripts/make-screenshot.sh [BUILD]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
command -v chromium > /dev/null || { echo "chromium is missing: bash scripts/install-deps.sh" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/clientscore" rank sample_data --from 2026-09-01 --to 2026-10-31 -q -o "$work/report.html"
shoot() {  # width height output
  # --no-sandbox: chromium refuses its sandbox as root (CI, containers).
  chromium --headless --no-sandbox --disable-gpu --no-first-run --hide-scrollbars \
    --user-data-dir="$work/profile" --window-size="$1,$2" --screenshot="$3" \
    "file://$work/report.html" > /dev/null 2>&1
}
shoot 1280 1500 docs/report.png
shoot 390 1500 docs/report-phone.png
echo "wrote docs/report.png and docs/report-phone.png"
