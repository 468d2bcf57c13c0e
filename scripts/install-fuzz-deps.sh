#!/usr/bin/env bash
# Installs what `make fuzz` needs besides scripts/install-deps.sh: clang 16 and its libFuzzer
# and sanitizer runtimes (Debian's clang 14 cannot compile GCC 12's <ranges> views). Only the
# packages that are missing.
set -euo pipefail
packages=(clang-16 libclang-rt-16-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing: ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
