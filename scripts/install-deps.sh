#!/usr/bin/env bash
# Installs the Debian packages Sonda builds, tests and runs with. Idempotent: installs only what is missing.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git gzip
  libxapian-dev xapian-tools libicu-dev libcpp-httplib-dev libssl-dev zlib1g-dev
  nlohmann-json3-dev libcli11-dev libgtest-dev libgmock-dev libbenchmark-dev
  libpoppler-cpp-dev libzip-dev libpugixml-dev libxml2-dev libcld2-dev
  curl
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
