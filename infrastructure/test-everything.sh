#!/usr/bin/env bash
# ./nianbao test — the whole test suite, on a fresh machine of this kind: installs what the tests need,
# runs every module's tests (unit, property, integration, browser), then fuzzes the text reader for a
# bounded time. Starts no server itself: the tests start the servers they talk to.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

echo "== nianbao test: $(date -u +%FT%TZ), $(nproc) cores"
java -version 2>&1 | head -1 || true
mvn -v 2>/dev/null | head -1 || true

echo "== template.yaml: cfn-lint (no errors, no warnings)"
command -v cfn-lint >/dev/null || pip install --quiet cfn-lint
cfn-lint template.yaml

echo "== the page's browser tests: Chromium and its driver from Debian, CJK fonts for legible screenshots"
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-noto-cjk >/dev/null
fi
chromium --version 2>/dev/null || true

echo "== scans: Tesseract with its simplified-Chinese model from Debian (the OCR function's tests read real pages)"
infrastructure/local/bin/ensure-tesseract
tesseract --version 2>&1 | head -1 || true

echo "== all modules: build and every test"
mvn -B -Dstyle.color=never verify

# Each target fuzzes for its @FuzzTest(maxDuration) of 60 s; Jazzer fuzzes one target per JVM.
for target in arbitraryBytes mutatedSeed; do
  echo "== fuzzing the text reader: $target (Jazzer, bounded)"
  # -am and a lifecycle phase: core's tests read the seeds from the test-fixtures module, found in this build
  JAZZER_FUZZ=1 mvn -B -q -Dstyle.color=never -pl functions/core -am test \
    -Dtest="TextReaderFuzzTest#$target" -Dsurefire.failIfNoSpecifiedTests=false
done

echo "== nianbao test: all passed"
