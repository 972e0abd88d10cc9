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
status=0
rm -rf server/target/surefire-reports server/target/failsafe-reports   # count only this run's reports
mvn -B -ntp verify -Ddtdma.kernel="$kernel" "$@" || status=$?

# One closing line over every JUnit report of the Java tests (unit and integration).
total=0; failed=0; skipped=0
for f in server/target/surefire-reports/TEST-*.xml server/target/failsafe-reports/TEST-*.xml; do
  [ -f "$f" ] || continue
  head=$(grep -m1 -o '<testsuite [^>]*' "$f")
  attr() { printf '%s' "$head" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  total=$((total + $(attr tests)))
  failed=$((failed + $(attr failures) + $(attr errors)))
  skipped=$((skipped + $(attr skipped)))
done
echo "java: $((total - failed - skipped)) passed, $failed failed, $skipped skipped"
exit "$status"
