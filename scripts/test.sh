#!/usr/bin/env bash
# Runs every test on a fresh machine: installs what the tests need (Debian dtc and linux-source-6.1,
# unpacked into a cache directory), then builds and runs the whole Maven test suite, including the
# conformance test against dtc on every arm and arm64 board of the kernel tree.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
kernel="$(scripts/setup-corpus.sh | tail -n 1)"
exec mvn -B -ntp verify -Ddtdma.kernel="$kernel" "$@"
