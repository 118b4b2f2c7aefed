#!/bin/sh
# SnapStart priming's effect, measured under the Lambda runtime interface emulator (RIE): each
# function's deployment jar started RUNS times without and with its warm-up at init
# (HN_DEEPEST_PRIME_AT_INIT=true, since the emulator takes no snapshot), each time answering one
# request that needs no AWS call (a refused submission, a malformed job id, a malformed message).
# Prints a Markdown table of medians: init (JVM start to the handler built, the part a SnapStart
# restore skips), the first request, and their ratio. Needs the jars (`sh ./mvnw -B -ntp package
# -DskipTests`) and the SAM CLI in .venv (scripts/python-env.sh). Usage: scripts/measure-priming.sh [RUNS]
set -eu
cd "$(dirname "$0")/.."
RUNS=${1:-5}
. scripts/java-env.sh >/dev/null
M2=${MAVEN_REPO:-$HOME/.m2/repository}
RIC="$M2/com/amazonaws/aws-lambda-java-runtime-interface-client/2.10.1/aws-lambda-java-runtime-interface-client-2.10.1.jar"
SER="$M2/com/amazonaws/aws-lambda-java-serialization/1.2.0/aws-lambda-java-serialization-1.2.0.jar"
LITE=$(ls "$M2"/software/amazon/awssdk/utils-lite/*/utils-lite-*.jar | grep -v sources | tail -1)
ARCH=$(uname -m | sed 's/aarch64/arm64/')
RIE=$(ls .venv/lib/python*/site-packages/samcli/local/rapid/aws-lambda-rie-"$ARCH" | head -1)

# One run: prints "<init ms> <first request ms>" from the log's own clock (no timing of this shell).
run_once() { # module handler event prime
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  log=$(mktemp)
  env -i PATH="$PATH" AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=x \
    AWS_ENDPOINT_URL=http://127.0.0.1:9 AWS_LAMBDA_FUNCTION_NAME="$1" AWS_LAMBDA_FUNCTION_TIMEOUT=30 \
    JOBS_TABLE_NAME=t JOB_TTL_DAYS=7 WORK_QUEUE_URL=http://127.0.0.1:9/q MAX_HOURS=720 \
    HN_API_BASE_URL=http://127.0.0.1:9/v0 HN_CONCURRENCY=32 HN_STALL_SECONDS=60 MAX_RECEIVE_COUNT=3 \
    POWERTOOLS_SERVICE_NAME=hn-deepest POWERTOOLS_LOG_LEVEL=WARN POWERTOOLS_METRICS_NAMESPACE=HnDeepest/measure \
    HN_DEEPEST_PRIME_AT_INIT="$4" \
    "$RIE" --runtime-interface-emulator-address 127.0.0.1:"$port" "$JAVA_HOME/bin/java" \
    -cp "$1/target/$1.jar:$RIC:$SER:$LITE" com.amazonaws.services.lambda.runtime.api.client.AWSLambda "$2" \
    >"$log" 2>&1 &
  pid=$!
  until curl -s -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null; do sleep 0.05; done
  curl -s -o /dev/null -d @"events/$3" "http://127.0.0.1:$port/2015-03-31/functions/function/invocations"
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
  # The emulator's INIT REPORT (runtime start to handler built) and REPORT (its Duration holds the init too).
  awk '/INIT REPORT\(durationMs:/ { sub(/.*durationMs: /, ""); sub(/\).*/, ""); init = $0 }
       /^REPORT RequestId/ { sub(/.*\tDuration: /, ""); sub(/ ms.*/, ""); total = $0 }
       END { printf "%.0f %.0f\n", init, total - init }' "$log"
  rm -f "$log"
}

median() { sort -n | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }

echo "| function (request) | init, unprimed | init, primed | first request, unprimed | first request, primed | first request primed / unprimed |"
echo "|---|---:|---:|---:|---:|---:|"
for spec in "submit-function dev.hndeepest.submit.SubmitJobHandler::handleRequest submit-job-hours-abc.json" \
            "status-function dev.hndeepest.status.JobStatusHandler::handleRequest job-status-malformed-id.json" \
            "worker-function dev.hndeepest.worker.WorkerHandler::handleRequest worker-malformed-body.json"; do
  set -- $spec
  for prime in false true; do
    : >"/tmp/priming-$prime"
    i=0; while [ "$i" -lt "$RUNS" ]; do run_once "$1" "$2" "$3" "$prime" >>"/tmp/priming-$prime"; i=$((i + 1)); done
  done
  ui=$(cut -d' ' -f1 /tmp/priming-false | median); pi=$(cut -d' ' -f1 /tmp/priming-true | median)
  ur=$(cut -d' ' -f2 /tmp/priming-false | median); pr=$(cut -d' ' -f2 /tmp/priming-true | median)
  ratio=$(awk -v a="$pr" -v b="$ur" 'BEGIN {printf "%.2f", a / b}')
  echo "| $1 ($3) | $ui ms | $pi ms | $ur ms | $pr ms | $ratio |"
done
