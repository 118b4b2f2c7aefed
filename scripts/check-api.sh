#!/usr/bin/env bash
# Checks the API against its OpenAPI document, api/openapi.json, on the local stack (`hn-deepest
# serve --demo` on a free loopback port, stopped afterwards): the document is valid OpenAPI 3
# (openapi-spec-validator); GET /openapi.json serves it unchanged; the web page, in Debian's headless
# chromium driven by playwright-core (web-test/), shows a job's deepest thread as the API returns it
# (screenshot: build/reports/web-page.png); schemathesis (api/schemathesis.toml) finds no answer
# that breaks the document. Reports go to build/reports/.
set -euo pipefail
HN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$HN_ROOT"
source scripts/python-env.sh
mkdir -p build/reports

echo "==> openapi-spec-validator"
openapi-spec-validator api/openapi.json

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$chromium" ] || { echo "check-api: no $chromium; install Debian's chromium (apt-get install chromium)" >&2; exit 1; }
(cd web-test && npm ci --no-audit --no-fund --loglevel=error)

source scripts/serve-demo.sh
start_demo_serve check-api

echo "==> GET /openapi.json is api/openapi.json"
curl -fsS "$api/openapi.json" | cmp - api/openapi.json

# The page first, while the stack's workers have nothing else queued.
echo "==> the web page in headless chromium"
(cd web-test && CHROMIUM_PATH="$chromium" HN_API_URL="$api" WEB_SCREENSHOT="$HN_ROOT/build/reports/web-page.png" \
  node --test --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=junit --test-reporter-destination="$HN_ROOT/build/reports/web-test.xml")

# Every check but unsupported_method (see api/schemathesis.toml); a fixed seed, so a failure reproduces.
echo "==> schemathesis against $api"
schemathesis --config-file api/schemathesis.toml run api/openapi.json --url "$api" \
  --max-examples "${HN_SCHEMATHESIS_EXAMPLES:-40}" --seed "${HN_SCHEMATHESIS_SEED:-20250610}" --workers 1 \
  --generation-database none --no-color --report junit --report-junit-path build/reports/schemathesis.xml
