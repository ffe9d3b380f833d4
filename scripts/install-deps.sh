#!/usr/bin/env bash
# Installs the Debian packages Sonda builds and runs with (--tests: and tests with, browser included).
# Idempotent: installs only what is missing.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git gzip
  libxapian-dev xapian-tools libjemalloc-dev libicu-dev libcpp-httplib-dev libssl-dev zlib1g-dev
  nlohmann-json3-dev libcli11-dev libgtest-dev libgmock-dev libbenchmark-dev
  libpoppler-cpp-dev libzip-dev libpugixml-dev libxml2-dev libcld2-dev
  lttoolbox-dev apertium-fr-es
  curl
)
# Tests only (scripts/install-deps.sh --tests): Debian's chromium, Node.js and playwright-core for the
# browser tests; clang and its libFuzzer runtime for the fuzz targets.
with_tests=false
[ "${1:-}" = "--tests" ] && with_tests=true && packages+=(chromium clang libclang-rt-14-dev)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if $with_tests; then
  command -v node >/dev/null && command -v npm >/dev/null || missing+=(nodejs npm)
fi

if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# playwright-core for the browser tests (web/package-lock.json; it drives Debian's chromium, it downloads none),
# and the pinned packages web/vendor is checked against.
web="$(dirname "$0")/../web"
if $with_tests && { [ ! -d "$web/node_modules/playwright-core" ] || [ ! -d "$web/node_modules/instantsearch.js" ]; }; then
  (cd "$web" && npm ci --no-audit --no-fund --loglevel=error)
fi
