#!/usr/bin/env bash
# Runs every test of the project: unit tests, integration tests against moto (started here on
# loopback and stopped afterwards) and the HN API replica, and the infrastructure checks.
# Usage: scripts/test.sh            (what CI runs)
set -euo pipefail
HN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$HN_ROOT"
source scripts/java-env.sh
source scripts/python-env.sh
source scripts/moto.sh

hn_start_moto
trap hn_stop_moto EXIT

echo "== unit and integration tests (moto at $AWS_ENDPOINT_URL)"
./mvnw -B -ntp verify

if [ -x scripts/check-infra.sh ]; then
  echo "== infrastructure checks"
  scripts/check-infra.sh
fi
