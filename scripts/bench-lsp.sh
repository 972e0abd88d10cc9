#!/usr/bin/env bash
# Language-server latency and heap over real JSON-RPC (dtdma.bench.LspBench): the largest imx8mp board of the
# kernel's arch/arm64/boot/dts/freescale, that directory as the workspace folder.
#   scripts/bench-lsp.sh [--edits N] [--hovers N] [--boards N] [--mode MODE] [--server-opts "OPTS"]
# Builds server/target/dtdma.jar first when it is missing or older than the sources.
# DTDMA_KERNEL=DIR uses another kernel tree; otherwise scripts/setup-corpus.sh provides one.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib/bench-run.sh"
bench_run dtdma.bench.LspBench "$@"
