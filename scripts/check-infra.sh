#!/usr/bin/env bash
# Every infrastructure check that needs no AWS account, in the order CI and the build stage run them:
#   1. cfn-lint on template.yaml and pipeline/pipeline.yaml
#   2. sam validate --lint
#   3. sam build (the Makefile route) into HN_SAM_BUILD_DIR or a temporary directory, and a look at
#      the jars it produced: each there, and without native libraries (the functions run on arm64,
#      the local runtime emulator on this machine's x86_64, so bytecode only keeps the two alike)
#   4. checkov on both templates (.checkov.yaml: every skip has its reason)
#   5. pytest infra/tests: the SAM-translated templates asserted on, then deployed into moto
# All checks run; the script prints a summary with each check's time and exits 1 if any failed.
set -uo pipefail
HN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$HN_ROOT" || exit 1
source scripts/python-env.sh || { echo "check-infra: cannot set up .venv" >&2; exit 1; }
hn_python_venv requirements-checkov.txt .venv-checkov || { echo "check-infra: cannot set up .venv-checkov" >&2; exit 1; }
source scripts/java-env.sh || exit 1

# Local-only tools: no telemetry, a region for the translator, never real credentials.
export SAM_CLI_TELEMETRY=0 AWS_DEFAULT_REGION="${AWS_DEFAULT_REGION:-us-east-1}"
templates=(template.yaml pipeline/pipeline.yaml)

if [ -n "${HN_SAM_BUILD_DIR:-}" ]; then
  build_dir="$HN_SAM_BUILD_DIR"
else
  scratch=$(mktemp -d)
  trap 'rm -rf "$scratch"' EXIT
  build_dir="$scratch/build"
fi

results=()
failed=0
run_check() {
  local name="$1"; shift
  local started=$SECONDS status
  echo "==> $name"
  "$@"
  status=$?
  local outcome=PASS
  [ "$status" -eq 0 ] || { outcome="FAIL (exit $status)"; failed=1; }
  results+=("$(printf '%-22s %-16s %4ds' "$name" "$outcome" $((SECONDS - started)))")
}

check_built_jars() {
  sam build --template-file template.yaml --build-dir "$build_dir" || return 1
  local function_id module jar missing=0
  for function_id in SubmitJobFunction:submit-function WorkerFunction:worker-function JobStatusFunction:status-function WebFunction:web-function; do
    module="${function_id#*:}"
    jar="$build_dir/${function_id%%:*}/lib/$module.jar"
    if [ -s "$jar" ]; then
      echo "sam build: ${function_id%%:*} -> lib/$module.jar ($(du -h "$jar" | cut -f1))"
      python3 - "$jar" <<'PY' || missing=1
import re, sys, zipfile
native = [n for n in zipfile.ZipFile(sys.argv[1]).namelist() if re.search(r"\.(so|dylib|dll|jnilib)(\.[0-9.]+)?$", n)]
if native:
    sys.exit(f"sam build: {sys.argv[1]} holds native code, which arm64 may not load: {native[:5]}")
PY
    else
      echo "sam build: missing $build_dir/${function_id%%:*}/lib/$module.jar" >&2
      missing=1
    fi
  done
  return "$missing"
}

total_started=$SECONDS
run_check "cfn-lint" cfn-lint "${templates[@]}"
run_check "sam validate --lint" sam validate --lint --template-file template.yaml
run_check "sam build" check_built_jars
run_check "checkov" .venv-checkov/bin/checkov --config-file .checkov.yaml --quiet --compact
mkdir -p build/reports
run_check "pytest infra/tests" pytest infra/tests -q -p no:cacheprovider --junitxml=build/reports/infra-tests.xml

echo
echo "check-infra summary"
printf '  %s\n' "${results[@]}"
echo "  total $((SECONDS - total_started))s"
exit "$failed"
