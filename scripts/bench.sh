#!/usr/bin/env bash
# Times cpp+dtc against dtdma on the i.MX boards of the kernel tree, side by side in one run.
#   scripts/bench.sh [--warmup N] [--glob GLOB] [--skip-dtc]
# Builds server/target/dtdma.jar first when it is missing or older than the sources.
# DTDMA_KERNEL=DIR uses another kernel tree; otherwise scripts/setup-corpus.sh provides one.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
if [ -n "${DTDMA_KERNEL:-}" ]; then
  kernel="$DTDMA_KERNEL"
else
  kernel="$("$repo/scripts/setup-corpus.sh" | tail -n 1)"
fi
jar="$repo/server/target/dtdma.jar"
# the benchmark code is test code (not in the product jar): it runs from server/target/test-classes
tests="$repo/server/target/test-classes"
if [ ! -f "$jar" ] || [ ! -f "$tests/dtdma/bench/CheckBench.class" ] || [ -n "$(find "$repo/server/src" "$repo/grammar/src" \
      "$repo/pom.xml" "$repo/server/pom.xml" -newer "$jar" -type f -print -quit 2>/dev/null)" ]; then
  echo "bench: building $jar" >&2
  (cd "$repo" && { mvn -q -o -pl server -am package -DskipTests || mvn -q -pl server -am package -DskipTests; }) >&2
fi
exec java -Xss8m -cp "$jar:$tests" dtdma.bench.CheckBench --kernel "$kernel" "$@"
