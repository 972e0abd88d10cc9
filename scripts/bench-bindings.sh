#!/usr/bin/env bash
# Times dtdma's binding validation against dt-schema's dt-mk-schema + dt-validate, side by side in one run.
#   scripts/bench-bindings.sh [--boards arch/arm/boot/dts/a.dts,... (kernel-relative)] [--runs N]
# Builds server/target/dtdma.jar first when it is missing or older than the sources.
# DTDMA_KERNEL=DIR uses another kernel tree; otherwise scripts/setup-corpus.sh provides one.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib/bench-run.sh"
bench_run dtdma.bench.BindingsBench "$@"
