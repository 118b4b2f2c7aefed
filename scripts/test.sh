#!/usr/bin/env bash
# Runs every test of the project (what CI runs): unit tests; integration tests, which start their
# own moto server and HN API replica on loopback and stop them; the smoke test against the local
# stack; the API against its OpenAPI document (schemathesis) and the web page in headless chromium;
# the README's commands; and the infrastructure checks (cfn-lint, sam validate/build, checkov, moto CloudFormation).
set -euo pipefail
HN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$HN_ROOT"
source scripts/java-env.sh
source scripts/python-env.sh

echo "== unit and integration tests"
sh ./mvnw -B -ntp verify

echo "== smoke test against the local stack"
scripts/smoke-local.sh

echo "== the API against its OpenAPI document, and the web page in a browser"
scripts/check-api.sh

echo "== the README's commands, as written"
scripts/readme-check.sh

echo "== infrastructure checks"
scripts/check-infra.sh
