#!/usr/bin/env bash
# Installs the Debian packages clientscore builds with, only those that are missing. Extra
# package names given as arguments are installed too (`make fuzz` passes clang's).
set -euo pipefail
packages=(g++ make cmake libcli11-dev libfmt-dev libfccp-dev catch2 libhowardhinnant-date-dev
          nlohmann-json3-dev zlib1g-dev libutf8proc-dev libtomlplusplus-dev libzip-dev libexpat1-dev pkg-config
          libxlsxwriter-dev tzdata python3 "$@")
# chromium is for the tests only: they render the html report in it (tests/test_render_html_browser.cpp)
# and scripts/make-screenshot.sh draws docs/report.png with it.
packages+=(chromium)
# make package: dpkg-shlibdeps (dpkg-dev) names the .deb's runtime dependencies; .ci/run checks
# the installed man page with man (man-db, which brings groff-base to render it).
packages+=(dpkg-dev man-db)
# One dpkg-query for all: when everything is installed this is the whole run, silent, no apt.
installed=$(dpkg-query -W -f='${Package} ${Status}\n' "${packages[@]}" 2>/dev/null || true)
missing=()
for p in "${packages[@]}"; do
  grep -qxF "$p install ok installed" <<<"$installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing: ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
