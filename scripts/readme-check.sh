#!/usr/bin/env bash
# Runs the README's commands as written, so the front door can't rot: the main job; the Usage
# block's --demo lines (the text one against the sample output under it, the --json one parsed) and
# its --as-of line against the snapshot replica of Local development (its URL for 127.0.0.1:8089);
# the curl examples of the API section against that block's `serve --demo` on port 3000; its
# replica lines (each on a free port), its generate line (into a temporary file instead of
# /tmp/hn-24h.jsonl) and the two replicas that serve that file, their faults counted; and the
# benchmark command (with one small window).
# Not run (they need the internet or AWS): `--hours 24` (live HN), `job --api https://...` (a deployed API), the Deployment block (check-infra.sh runs its `sam build`, smoke-local.sh its smoke test).
set -euo pipefail
HN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$HN_ROOT"
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# The lines of a fenced block (bash unless $2 names another language) that follows a marker (or a
# heading) in the README.
block_after() {
  awk -v marker="$1" -v fence="\`\`\`${2:-bash}" 'index($0, marker) == 1 {found = 1; next}
    found && index($0, fence) == 1 {inside = 1; next}
    inside && /^```/ {exit}
    inside {print}' README.md
}
expect() { grep -q -- "$2" "$1" || { echo "readme-check: '$2' not in the output of $3:" >&2; cat "$1" >&2; exit 1; }; }
# The one line of the block after $1, its comment cut off, that matches the extended regex $2: a
# README line that changes shape, disappears or is doubled stops the check here.
readme_line() {
  local lines
  lines=$(block_after "$1" | sed 's/ *#.*//' | grep -E -- "$2" || true)
  if [ -z "$lines" ] || [ "$(printf '%s\n' "$lines" | wc -l)" -ne 1 ]; then
    echo "readme-check: expected one line matching '$2' in the block after '$1', found:" >&2
    printf '%s\n' "${lines:-(none)}" >&2
    exit 1
  fi
  printf '%s\n' "$lines"
}
# start_replica NAME COMMAND...: runs a README replica line on a free port (--port 0); sets
# replica_url (the first line it prints) and replica_pid.
start_replica() {
  local name=$1
  shift
  "$@" --port 0 >"$work/$name.log" 2>&1 &
  replica_pid=$!
  pids+=("$replica_pid")
  for _ in $(seq 1 240); do
    grep -q "serving" "$work/$name.log" && break
    kill -0 "$replica_pid" 2>/dev/null || break
    sleep 0.5
  done
  expect "$work/$name.log" "serving" "$*"
  replica_url=$(head -n 1 "$work/$name.log")
}
# max_item URL: the replica's /maxitem.json, asked until it answers a number (faults retried).
max_item() {
  local answer=""
  for _ in $(seq 1 20); do
    # -f and curl's exit status: a refused or cut-off answer is asked again.
    if answer=$(curl -sf --max-time 10 "$1/maxitem.json") && [[ "$answer" =~ ^[0-9]+$ ]]; then
      echo "$answer"
      return 0
    fi
  done
  echo "readme-check: $1/maxitem.json gave no number in 20 tries (last: $answer)" >&2
  return 1
}
# probe_items URL MAXITEM NAME: asks for the items MAXITEM-49..MAXITEM, one at a time, into NAME.codes
# (one HTTP status a line, 000 for a dropped connection).
probe_items() {
  local id
  for id in $(seq $(($2 - 49)) "$2"); do
    curl -s -o /dev/null --max-time 10 -w '%{http_code}\n' "$1/item/$id.json" || true
  done >"$work/$3.codes"
}
# stop_replica NAME: stops the replica of $replica_pid; its last line counts the faults it served.
stop_replica() {
  kill "$replica_pid" 2>/dev/null || true
  wait "$replica_pid" || true
  expect "$work/$1.log" "replica stopped after" "the replica ($1)"
  faults=$(sed -n -E 's/^replica stopped after .*, ([0-9]+) faults\)$/\1/p' "$work/$1.log")
  [ "${faults:-0}" -gt 0 ] || { echo "readme-check: the replica ($1) served no fault:" >&2; cat "$work/$1.log" >&2; exit 1; }
}

echo "readme-check: the main job"
main_job=$(block_after "## Two commands to start" | head -n 1 | sed 's/ *#.*//')
[ "$main_job" = "./hn-deepest job --demo --hours 24" ] || { echo "readme-check: unexpected main command: $main_job" >&2; exit 1; }
$main_job >"$work/main.out" 2>"$work/main.err"
expect "$work/main.out" "Deepest thread: depth" "$main_job"

echo "readme-check: the Usage block's --demo lines"
demo_cmd=$(readme_line "## Usage" '^\./hn-deepest --demo --hours [0-9]+$')
$demo_cmd >"$work/demo.out" 2>"$work/demo.err"
expect "$work/demo.err" "the bundled snapshot covers" "$demo_cmd"
# The sample output under the Usage block is the head of this line's output, up to its last "…".
block_after "\`$demo_cmd\` prints" text >"$work/demo.sample"
[ "$(tail -n 1 "$work/demo.sample" | tr -d ' ')" = "…" ] || { echo "readme-check: no sample output ending in … after '\`$demo_cmd\` prints'" >&2; exit 1; }
sed -i '$d' "$work/demo.sample"
head -n "$(wc -l <"$work/demo.sample")" "$work/demo.out" | diff -u "$work/demo.sample" - >&2 \
  || { echo "readme-check: the README's sample output (-) is not what $demo_cmd prints (+)" >&2; exit 1; }
json_cmd=$(readme_line "## Usage" '^\./hn-deepest --demo --hours [0-9]+ --json$')
$json_cmd >"$work/demo.json" 2>"$work/demo-json.err"
# "stdout holds only the JSON": the whole of it parses, and it names the post the text line drew.
post=$(python3 - "$work/demo.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["source"] == "snapshot" and doc["deepestThread"], doc
print(doc["storyId"], doc["depth"])
PY
)
read -r story_id depth <<<"$post"
expect "$work/demo.out" "item $story_id (no HN page)" "$demo_cmd (the --json line's storyId)"
expect "$work/demo.out" "Deepest thread: depth $depth," "$demo_cmd (the --json line's depth)"

echo "readme-check: the API examples against ./hn-deepest serve --demo"
serve_cmd=$(readme_line "## Local development" '^\./hn-deepest serve --demo$')
$serve_cmd >"$work/serve.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 240); do grep -q "Press Ctrl-C" "$work/serve.log" && break; sleep 0.5; done
expect "$work/serve.log" "http://127.0.0.1:3000" "serve --demo"
block_after "<!-- api-examples" > "$work/api.sh"
bash -euo pipefail "$work/api.sh" >"$work/api.out" 2>&1
expect "$work/api.out" "HTTP/1.1 202" "the POST example"
expect "$work/api.out" '"status":"SUCCEEDED"' "the GET example"
expect "$work/api.out" "HTTP/1.1 400" "the bad-input example"
expect "$work/api.out" "application/problem+json" "the bad-input example"
expect "$work/api.out" "3.0.3 /jobs /jobs/{jobId} / /openapi.json" "the OpenAPI example"

echo "readme-check: the snapshot replica, and the Usage block's --as-of line against it"
snapshot_cmd=$(readme_line "## Local development" '^\./hn-deepest replica --snapshot --latency-ms [0-9]+$')
as_of_cmd=$(readme_line "## Usage" '^\./hn-deepest --hours [0-9]+ --as-of [^ ]+ --hn-api http://127\.0\.0\.1:[0-9]+/v0$')
# The --as-of line's URL is where the replica line listens by default.
readme_port=$(echo "$as_of_cmd" | sed -E 's#.*http://127\.0\.0\.1:([0-9]+)/v0$#\1#')
./hn-deepest replica --help >"$work/replica-help.out"
expect "$work/replica-help.out" "default: $readme_port)" "replica --help (the port of the --as-of line)"
start_replica snapshot $snapshot_cmd
max_item "$replica_url" >/dev/null
as_of_run="${as_of_cmd% --hn-api *} --hn-api $replica_url"
$as_of_run >"$work/as-of.out" 2>"$work/as-of.err"
hours=$(echo "$as_of_cmd" | sed -E 's/.* --hours ([0-9]+) .*/\1/')
expect "$work/as-of.out" "^Window: $hours h, " "$as_of_run"
expect "$work/as-of.out" "Deepest thread: depth [1-9]" "$as_of_run"

echo "readme-check: the replica with lognormal latency"
replica_cmd=$(readme_line "## Local development" '^\./hn-deepest replica .*--latency-sigma [0-9.]+$')
start_replica lognormal $replica_cmd
max_item "$replica_url" >/dev/null

echo "readme-check: the generate line, and the two replicas that serve its file"
generate_cmd=$(readme_line "## Local development" '^\./hn-deepest generate .* --out [^ ]+$')
data_file=${generate_cmd##* --out }
error_cmd=$(readme_line "## Local development" '^\./hn-deepest replica --data [^ ]+ --error-rate [0-9.]+$')
fault_cmd=$(readme_line "## Local development" '^\./hn-deepest replica --data [^ ]+ --fault-rate [0-9.]+ --deny-rate [0-9.]+$')
for cmd in "$error_cmd" "$fault_cmd"; do
  case "$cmd" in
    "./hn-deepest replica --data $data_file "*) ;;
    *) echo "readme-check: '$cmd' does not serve the generate line's $data_file" >&2; exit 1 ;;
  esac
done
started=$(date +%s)
${generate_cmd% --out *} --out "$work/data.jsonl" 2>"$work/generate.err"
echo "readme-check: generate took $(( $(date +%s) - started )) s"
expect "$work/generate.err" "^wrote [1-9][0-9]* items (ids " "$generate_cmd"
last_id=$(sed -n -E 's/^wrote .* items \(ids [0-9]+\.\.([0-9]+)\).*/\1/p' "$work/generate.err")

start_replica errors ${error_cmd/ --data "$data_file" / --data $work/data.jsonl }
[ "$(max_item "$replica_url")" = "$last_id" ] || { echo "readme-check: $error_cmd: maxitem is not $last_id" >&2; exit 1; }
probe_items "$replica_url" "$last_id" errors
# Only the answers the line's comment names, and some of the refusals.
if grep -v -E '^(200|429|500|503)$' "$work/errors.codes" >&2; then
  echo "readme-check: $error_cmd answered with other statuses (above)" >&2; exit 1
fi
grep -q -E '^(429|500|503)$' "$work/errors.codes" || { echo "readme-check: $error_cmd refused none of 50 requests" >&2; exit 1; }
stop_replica errors
echo "readme-check: the --error-rate replica: $(sort "$work/errors.codes" | uniq -c | xargs), $faults faults"

start_replica faults ${fault_cmd/ --data "$data_file" / --data $work/data.jsonl }
[ "$(max_item "$replica_url")" = "$last_id" ] || { echo "readme-check: $fault_cmd: maxitem is not $last_id" >&2; exit 1; }
probe_items "$replica_url" "$last_id" faults
stop_replica faults
echo "readme-check: the --fault-rate replica: $(sort "$work/faults.codes" | uniq -c | xargs), $faults faults"

echo "readme-check: the benchmark block (its command, with one small window instead of five)"
bench_cmd=$(block_after "## Benchmarks" | head -n 1 | sed 's/ *#.*//')
case "$bench_cmd" in
  "./hn-deepest benchmark --hours "*) ;;
  *) echo "readme-check: unexpected benchmark command: $bench_cmd" >&2; exit 1 ;;
esac
small=$(echo "$bench_cmd" | sed -E "s#^\./hn-deepest#$HN_ROOT/hn-deepest#; s#--hours [0-9,]+#--hours 1 --latency-ms 2 --workers 2#")
$small --out "$work/BENCHMARKS.md" >"$work/bench.out" 2>&1
expect "$work/bench.out" "written to $work/BENCHMARKS.md" "$small"
expect "$work/BENCHMARKS.md" "| 1 | job stack | " "$small"
grep -E "^\| 1 \| " "$work/BENCHMARKS.md"
echo "readme-check: PASS"
