#!/usr/bin/env bash
# Runs scripts/smoke-test.sh against the local stack: `hn-deepest serve --demo` on a free loopback
# port (moto and the bundled snapshot, no network), stopped afterwards.
set -euo pipefail
HN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$HN_ROOT"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
log=$(mktemp -t hn-serve.XXXXXX.log)
./hn-deepest serve --demo --port "$port" >"$log" 2>&1 &
serve_pid=$!
trap 'kill "$serve_pid" 2>/dev/null || true; wait "$serve_pid" 2>/dev/null || true; rm -f "$log"' EXIT

for _ in $(seq 1 240); do
  grep -q "Press Ctrl-C" "$log" && break
  kill -0 "$serve_pid" 2>/dev/null || { cat "$log" >&2; echo "smoke-local: serve died" >&2; exit 1; }
  sleep 0.5
done
grep -q "Press Ctrl-C" "$log" || { cat "$log" >&2; echo "smoke-local: serve did not start" >&2; exit 1; }

SMOKE_POLL_SECONDS=1 SMOKE_TIMEOUT_SECONDS=120 scripts/smoke-test.sh "http://127.0.0.1:$port" 6
