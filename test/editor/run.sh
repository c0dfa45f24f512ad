#!/usr/bin/env bash
# `npm run test:editor` (and the end of `npm test`): installs what is missing,
# packages the .vsix, and runs the real-editor tests against it.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash test/editor/setup.sh
# This run's own .vsix: other runs in the same working tree may package at the same time.
export BD_VSIX="$PWD/.cache/editor/breach-desk-test-$$.vsix"
trap 'rm -f "$BD_VSIX"' EXIT
npm run package -- --out "$BD_VSIX"
npx mocha --no-config -r tsx/cjs --extension ts --timeout 600000 --reporter ./test/reporter.js \
  test/neovim.test.ts 'test/editor/*.test.ts'
