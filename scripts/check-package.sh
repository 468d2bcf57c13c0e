#!/usr/bin/env bash
# Builds the .deb (make package), installs it with apt as a user would, checks the installed
# binary, its man page and the sample report, then removes the package again. .ci/run calls it
# after `make check`; it needs root or sudo, as apt does.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD:-build}
make --no-print-directory package BUILD="$build"
debs=("$build"/clientscore_*.deb)
if [ ${#debs[@]} -ne 1 ] || [ ! -f "${debs[0]}" ]; then
  echo "check-package: expected one $build/clientscore_*.deb, found: ${debs[*]}" >&2
  exit 1
fi
deb=${debs[0]}
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
# apt takes a local file only as a path (./...), and resolves its dependencies like any package.
"${sudo_cmd[@]}" apt-get install -y -qq "./$deb"
# Removed whatever happens below, so a failed check leaves no package behind.
trap '"${sudo_cmd[@]}" apt-get remove -y -qq clientscore' EXIT
installed=$(command -v clientscore)
[ "$installed" = /usr/bin/clientscore ] || { echo "check-package: clientscore is $installed" >&2; exit 1; }
/usr/bin/clientscore --version
man -w clientscore
/usr/bin/clientscore rank sample_data --from 2026-09-01
