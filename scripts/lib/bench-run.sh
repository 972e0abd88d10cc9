# Sourced by the scripts/bench*.sh scripts: finds the kernel tree, builds the jar and the test classes when they
# are missing or older than the sources, and runs one benchmark class (test code, not in the product jar).
#   bench_run CLASS [ARGS...]
# DTDMA_KERNEL=DIR uses another kernel tree; otherwise scripts/setup-corpus.sh provides one.
bench_run() {
  local class="$1"; shift
  local repo kernel jar tests
  repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  if [ -n "${DTDMA_KERNEL:-}" ]; then
    kernel="$DTDMA_KERNEL"
  else
    kernel="$("$repo/scripts/setup-corpus.sh" | tail -n 1)"
  fi
  if [ ! -d "$kernel/arch" ]; then
    echo "$(basename "$0"): no kernel tree at $kernel (run scripts/setup-corpus.sh or set DTDMA_KERNEL)" >&2
    exit 2
  fi
  jar="$repo/server/target/dtdma.jar"
  tests="$repo/server/target/test-classes"
  if [ ! -f "$jar" ] || [ ! -f "$tests/${class//.//}.class" ] || [ -n "$(find "$repo/server/src" "$repo/grammar/src" \
        "$repo/pom.xml" "$repo/server/pom.xml" "$repo/grammar/pom.xml" -newer "$jar" -type f -print -quit 2>/dev/null)" ]; then
    echo "$(basename "$0"): building $jar" >&2
    (cd "$repo" && { mvn -q -o -pl server -am package -DskipTests || mvn -q -pl server -am package -DskipTests; }) >&2
  fi
  exec java -Xss8m -cp "$jar:$tests" "$class" --kernel "$kernel" "$@"
}
