#!/usr/bin/env bash
# Builds dtdma-<version>.vsix: builds the server jar when it is missing or older than any of its sources or
# build files (mvn at the repository root),
# copies it into server/dtdma.jar (never committed), bundles the client and runs vsce package.
# Prints the .vsix path on its last line.
set -euo pipefail
ext="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
root="$(cd "$ext/.." && pwd)"
jar="$root/server/target/dtdma.jar"
stale=""
if [ -f "$jar" ]; then
  stale="$(find "$root/server/src/main" "$root/grammar/src" "$root/pom.xml" "$root/server/pom.xml" "$root/grammar/pom.xml" \
    -newer "$jar" -type f -print -quit 2>/dev/null || true)"
fi
if [ ! -f "$jar" ] || [ -n "$stale" ]; then
  echo "Building $jar${stale:+ ($stale is newer)}" >&2
  (cd "$root" && mvn -q -B -ntp -DskipTests package) >&2   # stdout carries only the .vsix path
fi
mkdir -p "$ext/server"
cp "$jar" "$ext/server/dtdma.jar"
cd "$ext"
[ -d node_modules ] || npm ci --no-audit --no-fund
version="$(node -p "require('./package.json').version")"
vsix="$ext/dtdma-$version.vsix"
# vscode:prepublish type-checks and bundles dist/extension.js (with vscode-languageclient and dagre)
npx --no-install vsce package --no-dependencies -o "$vsix" >&2
listing="$(unzip -l "$vsix")"
for f in extension/server/dtdma.jar extension/syntaxes/dts.tmLanguage.json extension/dist/extension.js extension/package.json \
    extension/LICENSE.txt extension/CHANGELOG.md extension/images/icon.png; do
  grep -qi " $f\$" <<<"$listing" || { echo "package.sh: $f is missing from $vsix" >&2; exit 1; }
done
echo "$(du -k "$vsix" | cut -f1) KiB, $(grep -c ' extension/' <<<"$listing") files" >&2
echo "$vsix"
