#!/usr/bin/env bash
# Times cpp+dtc against dtdma on the i.MX boards of the kernel tree, side by side in one run.
#   scripts/bench.sh [--warmup N] [--glob GLOB] [--skip-dtc]
# Builds server/target/dtdma.jar first when it is missing or older than the sources.
# DTDMA_KERNEL=DIR uses another kernel tree; otherwise scripts/setup-corpus.sh provides one.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib/bench-run.sh"
bench_run dtdma.bench.CheckBench "$@"
