#!/usr/bin/env bash
# Runs every test on a fresh machine: installs what the tests need (Debian dtc, cpp, Neovim, Graphviz and
# linux-source-6.1, unpacked into a cache directory), then builds and runs the whole Maven test suite, including the
# conformance test against dtc on every arm and arm64 board of the kernel tree, and the VS Code
# extension's unit and grammar tests (npm ci + npm test in vscode-extension/).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
kernel="$(scripts/setup-corpus.sh | tail -n 1)"
# The VS Code extension's unit and grammar tests (Node 20+; npm ci needs the npm registry).
command -v npm >/dev/null || { echo "scripts/test.sh: npm (Node 20+) is needed for the VS Code extension's tests" >&2; exit 2; }
(cd vscode-extension && npm ci --no-audit --no-fund && npm test)
exec mvn -B -ntp verify -Ddtdma.kernel="$kernel" "$@"
