# Sourced by the project's scripts: starts moto in server mode on a free loopback port, unless
# AWS_ENDPOINT_URL already names an emulator (moto or LocalStack), and exports what the AWS SDKs need.
hn_start_moto() {
  export AWS_REGION="${AWS_REGION:-us-east-1}" AWS_DEFAULT_REGION="${AWS_DEFAULT_REGION:-us-east-1}"
  export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-test}" AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-test}"
  if [ -n "${AWS_ENDPOINT_URL:-}" ]; then
    echo "hn-deepest: using the AWS emulator at $AWS_ENDPOINT_URL" >&2
    return 0
  fi
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  HN_MOTO_LOG="$(mktemp -t moto.XXXXXX.log)"
  moto_server -H 127.0.0.1 -p "$port" >"$HN_MOTO_LOG" 2>&1 &
  HN_MOTO_PID=$!
  export AWS_ENDPOINT_URL="http://127.0.0.1:$port"
  for _ in $(seq 1 100); do
    if curl -s -o /dev/null "$AWS_ENDPOINT_URL/moto-api/"; then
      echo "hn-deepest: moto started at $AWS_ENDPOINT_URL (pid $HN_MOTO_PID)" >&2
      return 0
    fi
    sleep 0.1
  done
  echo "hn-deepest: moto did not start; its log:" >&2
  cat "$HN_MOTO_LOG" >&2
  return 1
}

hn_stop_moto() {
  if [ -n "${HN_MOTO_PID:-}" ]; then
    kill "$HN_MOTO_PID" 2>/dev/null || true
    wait "$HN_MOTO_PID" 2>/dev/null || true
    unset HN_MOTO_PID
  fi
}
