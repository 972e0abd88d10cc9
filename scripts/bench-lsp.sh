#!/usr/bin/env bash
# Language-server latency and heap over real JSON-RPC (dtdma.bench.LspBench): the largest imx8mp board of the
# kernel's arch/arm64/boot/dts/freescale, that directory as the workspace folder.
#   scripts/bench-lsp.sh [--edits N] [--hovers N] [--boards N] [--mode MODE] [--server-opts "OPTS"]
# Builds server/target/dtdma.jar first when it is missing or older than the sources.
# DTDMA_KERNEL=DIR uses another kernel tree (default ~/.cache/dtdma/linux-source-6.1, made by setup-corpus.sh).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
kernel="${DTDMA_KERNEL:-$HOME/.cache/dtdma/linux-source-6.1}"
if [ ! -d "$kernel/arch/arm64/boot/dts/freescale" ]; then
  echo "bench-lsp: no kernel tree at $kernel (run scripts/setup-corpus.sh or set DTDMA_KERNEL)" >&2
  exit 2
fi
jar="$repo/server/target/dtdma.jar"
# the benchmark code is test code (not in the product jar): it runs from server/target/test-classes
tests="$repo/server/target/test-classes"
if [ ! -f "$jar" ] || [ ! -f "$tests/dtdma/bench/LspBench.class" ] || [ -n "$(find "$repo/server/src" "$repo/grammar/src" \
      "$repo/pom.xml" "$repo/server/pom.xml" -newer "$jar" -type f -print -quit 2>/dev/null)" ]; then
  echo "bench-lsp: building $jar" >&2
  (cd "$repo" && { mvn -q -o -pl server -am package -DskipTests || mvn -q -pl server -am package -DskipTests; }) >&2
fi
exec java -Xss8m -cp "$jar:$tests" dtdma.bench.LspBench --kernel "$kernel" "$@"
