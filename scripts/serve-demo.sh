# Sourced: starts `./hn-deepest serve --demo` on a free port, sets port, api and serve_pid, and stops it on exit.
# $1 names the calling script in its error messages.
start_demo_serve() {
  local caller=$1
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  api="http://127.0.0.1:$port"
  serve_log=$(mktemp -t hn-serve.XXXXXX.log)
  ./hn-deepest serve --demo --port "$port" >"$serve_log" 2>&1 &
  serve_pid=$!
  trap 'kill "$serve_pid" 2>/dev/null || true; wait "$serve_pid" 2>/dev/null || true; rm -f "$serve_log"' EXIT
  for _ in $(seq 1 240); do
    grep -q "Press Ctrl-C" "$serve_log" && break
    kill -0 "$serve_pid" 2>/dev/null || { cat "$serve_log" >&2; echo "$caller: serve died" >&2; exit 1; }
    sleep 0.5
  done
  grep -q "Press Ctrl-C" "$serve_log" || { cat "$serve_log" >&2; echo "$caller: serve did not start" >&2; exit 1; }
}
