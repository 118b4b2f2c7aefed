"""Security properties of the application stack that checkov does not assert, and of checkov's own
configuration (SECURITY.md lists what is checked where): every skipped check justified and no IAM
check skipped; no wildcard action or resource on data; the API throttled in every environment;
nothing that would write request bodies, headers or query strings to logs."""
import json
import re

import pytest

from conftest import (
    ENVIRONMENTS,
    REPO_ROOT,
    Intrinsics,
    allow_statements,
    as_list,
    environment_parameters,
    resources_of_type,
    role_allow_statements,
    translate_app_template,
)

CHECKOV_CONFIG = REPO_ROOT / ".checkov.yaml"
# checkov's CloudFormation IAM checks: admin, "*" actions, assume-role trust, exfiltration,
# credentials exposure, permissions management, privilege escalation, unconstrained writes.
IAM_CHECKS = {"CKV_AWS_40", "CKV_AWS_60", "CKV_AWS_61", "CKV_AWS_62", "CKV_AWS_63", "CKV_AWS_107",
              "CKV_AWS_108", "CKV_AWS_109", "CKV_AWS_110", "CKV_AWS_111"}
# Only these actions have no resource-level permissions in this stack, so only they may use "*".
ACTIONS_WITHOUT_RESOURCES = {"xray:PutTraceSegments", "xray:PutTelemetryRecords"}
# Access-log variables that would copy a request's body, headers, query or credentials into logs.
LEAKY_LOG_VARIABLES = ("$input", "$method.request", "$context.requestOverride", "$context.responseOverride",
                       "$context.authorizer", "$context.identity.apiKey", "$util.")


def checkov_skips() -> list[tuple[str, list[str]]]:
    """Each skipped check id with the comment lines right above it in .checkov.yaml."""
    lines = CHECKOV_CONFIG.read_text().splitlines()
    skips = []
    in_skip_list = False
    for index, line in enumerate(lines):
        if line.startswith("skip-check:"):
            in_skip_list = True
            continue
        if in_skip_list and line and not line.startswith((" ", "#")):
            break
        match = re.fullmatch(r"\s+-\s+(CKV\w+)\s*", line) if in_skip_list else None
        if match:
            comment = []
            above = index - 1
            while above >= 0 and lines[above].strip().startswith("#"):
                comment.insert(0, lines[above].strip().lstrip("# "))
                above -= 1
            skips.append((match.group(1), comment))
    return skips


def checkovSkips_should_eachNameItsCheckAndGiveAReason_whenConfigured():
    # GIVEN / WHEN every check .checkov.yaml skips
    skips = checkov_skips()

    # THEN each one is introduced by "<ID> (<what it checks>): <why it does not apply>"
    assert skips
    for check, comment in skips:
        reason = " ".join(comment)
        assert reason.startswith(f"{check} ("), f"{check} has no reason above it"
        assert len(reason.split("):", 1)[-1].split()) >= 8, f"{check}: a reason, not a label"


def checkovSkips_should_neverIncludeAnIamCheck_whenConfigured():
    # GIVEN / WHEN / THEN least privilege is never waived
    assert not {check for check, _ in checkov_skips()} & IAM_CHECKS


def iamPolicies_should_useWildcardResourcesOnlyForActionsWithoutResourceLevelPermissions_whenTranslated(
        prod_template):
    # GIVEN every allow statement of every role of the application stack
    statements = role_allow_statements(prod_template)

    # WHEN / THEN a "*" resource only ever goes with X-Ray's two write actions, and no action or
    # resource on data (table, queues, logs) is a wildcard
    assert statements
    for role, statement in statements:
        resources = as_list(statement["Resource"])
        actions = set(as_list(statement["Action"]))
        if "*" in resources:
            assert actions <= ACTIONS_WITHOUT_RESOURCES, f"{role}: {sorted(actions)} on *"
        for action in actions:
            assert "*" not in action, f"{role}: {action}"


@pytest.mark.parametrize("env", ENVIRONMENTS)
def apiStage_should_beThrottled_inEveryEnvironment(env):
    # GIVEN the environment's parameters / WHEN translated
    overrides = environment_parameters(env)
    template = translate_app_template(overrides)
    intrinsics = Intrinsics(template, overrides)
    stage = next(iter(resources_of_type(template, "AWS::ApiGateway::Stage").values()))["Properties"]

    # THEN every method of every resource has a bounded rate and burst
    settings = stage["MethodSettings"]
    assert [(s["ResourcePath"], s["HttpMethod"]) for s in settings] == [("/*", "*")]
    rate = intrinsics.number(settings[0]["ThrottlingRateLimit"])
    burst = intrinsics.number(settings[0]["ThrottlingBurstLimit"])
    assert 0 < rate <= 1_000, env
    assert rate <= burst <= 5_000, env


def apiStage_should_neverLogBodiesHeadersOrQueryStrings_whenTranslated(prod_template):
    # GIVEN the REST API stage
    stage = next(iter(resources_of_type(prod_template, "AWS::ApiGateway::Stage").values()))["Properties"]
    settings = stage["MethodSettings"][0]
    access_log_format = stage["AccessLogSetting"]["Format"]

    # WHEN / THEN no data trace (which logs full requests and responses), errors-only execution
    # logs, and an access log of ids, status and timings only (the path, never the query string)
    assert settings["DataTraceEnabled"] is False
    assert settings["LoggingLevel"] in ("ERROR", "OFF")
    assert not [v for v in LEAKY_LOG_VARIABLES if v in access_log_format]
    assert set(json.loads(access_log_format)) >= {"requestId", "status", "path"}


def functions_should_neverLogTheirEvents_whenTranslated(prod_template):
    # GIVEN every function's environment
    functions = resources_of_type(prod_template, "AWS::Lambda::Function")

    # WHEN / THEN Powertools' "log the incoming event" switch stays off (it would log whole requests)
    assert len(functions) == 4
    for name, function in functions.items():
        variables = function["Properties"].get("Environment", {}).get("Variables", {})
        assert str(variables.get("POWERTOOLS_LOGGER_LOG_EVENT", "false")).lower() == "false", name
