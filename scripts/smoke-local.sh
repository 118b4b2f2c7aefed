#!/usr/bin/env bash
# Runs scripts/smoke-test.sh against the local stack: `hn-deepest serve --demo` on a free loopback
# port (moto and the bundled snapshot, no network), stopped afterwards.
set -euo pipefail
HN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$HN_ROOT"
source scripts/serve-demo.sh
start_demo_serve smoke-local

SMOKE_POLL_SECONDS=1 SMOKE_TIMEOUT_SECONDS=120 scripts/smoke-test.sh "http://127.0.0.1:$port" 6
