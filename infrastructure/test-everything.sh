#!/usr/bin/env bash
# ./nianbao test — the whole test suite, on a fresh machine of this kind: installs what the tests need,
# runs every module's tests (unit, property, integration, browser), then fuzzes the text reader for a
# bounded time. Starts no server itself: the tests start the servers they talk to.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

fuzz_seconds="${NIANBAO_FUZZ_SECONDS:-120}"

echo "== nianbao test: $(date -u +%FT%TZ), $(nproc) cores"
java -version 2>&1 | head -1
mvn -v 2>/dev/null | head -1

echo "== all modules: build and every test"
mvn -B -Dstyle.color=never verify

echo "== fuzzing the text reader for ${fuzz_seconds}s (Jazzer)"
JAZZER_FUZZ=1 NIANBAO_FUZZ_SECONDS="$fuzz_seconds" mvn -B -q -Dstyle.color=never -pl functions/core \
  surefire:test -Dtest=TextReaderFuzzTest -Dsurefire.failIfNoSpecifiedTests=false

echo "== nianbao test: all passed"
