#!/usr/bin/env bash
# Packages the application for the pipeline's deploy stages (buildspec.yml runs it):
#   build/deploy/packaged.yaml        template.yaml with the function jars uploaded to S3 (sam package)
#   build/deploy/config/<env>.json    CloudFormation parameters and tags per environment, from samconfig.toml
# Needs ARTIFACT_BUCKET; ARTIFACT_KMS_KEY_ARN encrypts the uploads. Reuses the sam build in
# HN_SAM_BUILD_DIR (default .aws-sam/build) when it is there, else builds.
set -euo pipefail
HN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$HN_ROOT"
: "${ARTIFACT_BUCKET:?set ARTIFACT_BUCKET to the S3 bucket for packaged code}"
source scripts/python-env.sh
export SAM_CLI_TELEMETRY=0

build_dir="${HN_SAM_BUILD_DIR:-.aws-sam/build}"
if [ ! -f "$build_dir/template.yaml" ]; then
  sam build --template-file template.yaml --build-dir "$build_dir"
fi

out_dir=build/deploy
rm -rf "$out_dir" && mkdir -p "$out_dir/config"
revision="${CODEBUILD_RESOLVED_SOURCE_VERSION:-$(git rev-parse --short HEAD 2>/dev/null || echo local)}"
kms_args=()
[ -n "${ARTIFACT_KMS_KEY_ARN:-}" ] && kms_args=(--kms-key-id "$ARTIFACT_KMS_KEY_ARN")
sam package \
  --template-file "$build_dir/template.yaml" \
  --s3-bucket "$ARTIFACT_BUCKET" \
  --s3-prefix "packages/$revision" \
  "${kms_args[@]}" \
  --output-template-file "$out_dir/packaged.yaml"

for env in staging prod; do
  python3 scripts/render-stack-config.py "$env" "$out_dir/config/$env.json"
done
echo "package: wrote $out_dir/packaged.yaml and $out_dir/config/{staging,prod}.json"
