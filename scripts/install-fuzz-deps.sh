#!/usr/bin/env bash
# Installs what `make fuzz` needs besides the build's packages: clang 16 and its libFuzzer and
# sanitizer runtimes (Debian's clang 14 cannot compile GCC 12's <ranges> views).
set -euo pipefail
exec bash "$(dirname "$0")/install-deps.sh" clang-16 libclang-rt-16-dev
