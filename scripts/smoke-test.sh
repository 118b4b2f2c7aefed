#!/usr/bin/env bash
# Smoke test of a deployed (or local) hn-deepest API: submit a job, poll it until SUCCEEDED, print
# the result. Exit 0 on success, 1 when the job fails, times out or the API misbehaves, 2 on usage.
#   scripts/smoke-test.sh [--api-key-id ID | --api-key KEY] API_BASE_URL [hours]
#   e.g. scripts/smoke-test.sh --api-key-id a1b2c3d4e5 https://abc123.execute-api.eu-west-1.amazonaws.com/staging 1
# An API that needs keys (staging, prod) gets the key as an x-api-key header on every request: its value
# from SMOKE_API_KEY or --api-key, or read from API Gateway with `aws apigateway get-api-key` for
# --api-key-id (the stack's ApiKeyId output; "none" = the stack has no key). Without one no key is sent
# (dev, the local stack). The key is never printed.
# Environment: SMOKE_API_KEY, SMOKE_TIMEOUT_SECONDS (default 600), SMOKE_POLL_SECONDS (default 5).
# Needs curl and python3 (JSON only), and the AWS CLI for --api-key-id.
set -euo pipefail

usage() { echo "usage: $0 [--api-key-id ID | --api-key KEY] API_BASE_URL [hours]" >&2; exit 2; }
api_key="${SMOKE_API_KEY:-}"
api_key_id=""
key_options=0
while [ $# -gt 0 ]; do
  case "$1" in
    --api-key) [ $# -ge 2 ] && [ -n "$2" ] || usage; api_key="$2"; key_options=$((key_options + 1)); shift 2 ;;
    --api-key-id) [ $# -ge 2 ] && [ -n "$2" ] || usage; api_key_id="$2"; key_options=$((key_options + 1)); shift 2 ;;
    -*) echo "smoke-test: unknown option: $1" >&2; usage ;;
    *) break ;;
  esac
done
[ "$key_options" -le 1 ] || { echo "smoke-test: give --api-key or --api-key-id, not both" >&2; usage; }
[ $# -ge 1 ] && [ $# -le 2 ] || usage
base_url="${1%/}"
hours="${2:-1}"
[[ "$base_url" =~ ^https?://[^[:space:]]+$ ]] || { echo "smoke-test: not an http(s) URL: $1" >&2; usage; }
[[ "$hours" =~ ^[1-9][0-9]*$ ]] || { echo "smoke-test: hours must be a positive integer: $hours" >&2; usage; }
timeout_seconds="${SMOKE_TIMEOUT_SECONDS:-600}"
poll_seconds="${SMOKE_POLL_SECONDS:-5}"
tools=(curl python3)
[ -z "$api_key_id" ] || [ "$api_key_id" = none ] || tools+=(aws)
for tool in "${tools[@]}"; do
  command -v "$tool" >/dev/null || { echo "smoke-test: $tool is required" >&2; exit 2; }
done

work_dir=$(mktemp -d)
trap 'rm -rf "$work_dir"' EXIT

fail() { echo "smoke-test: FAIL: $*" >&2; exit 1; }

if [ -n "$api_key_id" ] && [ "$api_key_id" != none ]; then
  api_key=$(aws apigateway get-api-key --api-key "$api_key_id" --include-value --query value --output text) \
    || fail "cannot read the value of API key $api_key_id (aws exit $?)"
  { [ -n "$api_key" ] && [ "$api_key" != None ]; } || fail "API key $api_key_id has no value"
fi
# The key goes to curl from a file (-H @file), so it shows in no process list.
key_header=()
if [ -n "$api_key" ]; then
  (umask 077 && printf 'x-api-key: %s\n' "$api_key" > "$work_dir/key.header")
  key_header=(-H "@$work_dir/key.header")
  echo "smoke-test: sending an API key (x-api-key)"
fi

# json_field FILE EXPR: prints a field of a JSON document (python expression over `doc`), "" for null.
json_field() {
  python3 - "$1" "$2" <<'PY'
import json, sys
try:
    with open(sys.argv[1]) as f:
        doc = json.load(f)
    value = eval(sys.argv[2], {"__builtins__": {}}, {"doc": doc})
except (ValueError, KeyError, TypeError, IndexError) as error:
    sys.exit(f"not the expected JSON ({error.__class__.__name__}: {error})")
print("" if value is None else (value if isinstance(value, str) else json.dumps(value)))
PY
}

# A unique Idempotency-Key makes curl's retries of the POST safe: a retried submit returns the same job.
idempotency_key="smoke-$(date +%s)-$$-$RANDOM"
echo "smoke-test: POST $base_url/jobs?hours=$hours"
status=$(curl -sS --max-time 30 --retry 3 --retry-delay 2 -X POST \
  -H "Idempotency-Key: $idempotency_key" ${key_header[@]+"${key_header[@]}"} \
  -D "$work_dir/submit.headers" -o "$work_dir/submit.json" -w '%{http_code}' \
  "$base_url/jobs?hours=$hours") || fail "POST /jobs did not complete (curl exit $?)"
if [ "$status" = "403" ] && [ -z "$api_key" ]; then
  fail "POST /jobs answered 403 without an API key: give the stack's ApiKeyId with --api-key-id (or SMOKE_API_KEY)"
fi
[ "$status" = "202" ] || fail "POST /jobs answered $status, expected 202: $(head -c 500 "$work_dir/submit.json")"

location=$(tr -d '\r' < "$work_dir/submit.headers" | awk 'tolower($1) == "location:" {print $2}' | tail -n 1)
[ -n "$location" ] || fail "POST /jobs answered 202 without a Location header"
job_id=$(json_field "$work_dir/submit.json" 'doc["jobId"]') || fail "POST /jobs body has no jobId"
[ -n "$job_id" ] || fail "POST /jobs body has an empty jobId"
# The link must be the job's absolute URL under the stage (or base path) the client used.
[ "$location" = "$base_url/jobs/$job_id" ] \
  || fail "Location $location does not point at job $job_id under $base_url (expected $base_url/jobs/$job_id)"
echo "smoke-test: accepted job $job_id (Location: $location)"

deadline=$(( $(date +%s) + timeout_seconds ))
job_status=""
while :; do
  status=$(curl -sS --max-time 30 --retry 3 --retry-delay 2 ${key_header[@]+"${key_header[@]}"} \
    -o "$work_dir/job.json" -w '%{http_code}' "$location") \
    || fail "GET /jobs/$job_id did not complete (curl exit $?)"
  [ "$status" = "200" ] || fail "GET /jobs/$job_id answered $status: $(head -c 500 "$work_dir/job.json")"
  job_status=$(json_field "$work_dir/job.json" 'doc["status"]') || fail "GET /jobs/$job_id body has no status"
  progress=$(json_field "$work_dir/job.json" \
    '"%s/%s stories" % ((doc.get("progress") or {}).get("storiesDone"), (doc.get("progress") or {}).get("storiesTotal"))')
  case "$job_status" in
    SUCCEEDED) break ;;
    FAILED) fail "job $job_id FAILED: $(json_field "$work_dir/job.json" 'doc.get("error")')" ;;
    PENDING | RUNNING) ;;
    *) fail "job $job_id has an unknown status '$job_status'" ;;
  esac
  if [ "$(date +%s)" -ge "$deadline" ]; then
    fail "job $job_id still $job_status ($progress) after ${timeout_seconds}s"
  fi
  echo "smoke-test: job $job_id $job_status ($progress)"
  sleep "$poll_seconds"
done

python3 - "$work_dir/job.json" <<'PY' || fail "job SUCCEEDED but its result is malformed"
import json, sys
with open(sys.argv[1]) as f:
    job = json.load(f)
result = job.get("result")
if not isinstance(result, dict) or "window" not in result:
    sys.exit("SUCCEEDED job without a result object")
print(json.dumps(result, indent=2))
if result.get("storyId") is None:
    print(f"smoke-test: window of {result['window'].get('hours')} h holds no post", file=sys.stderr)
else:
    print(f"smoke-test: deepest thread: item {result['storyId']} \"{result.get('title')}\" "
          f"depth {result.get('depth')}, {result.get('comments')} comments", file=sys.stderr)
PY
echo "smoke-test: PASS (job $job_id SUCCEEDED)"
