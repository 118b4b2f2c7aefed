"""template.yaml after the SAM transform (aws-sam-translator, offline): what the application stack
will contain. Needs no emulator."""
import json
import re

import pytest

from conftest import (
    Intrinsics,
    allow_statements,
    as_list,
    REPO_ROOT,
    environment_parameters,
    resources_of_type,
    role_allow_statements,
    translate_app_template,
)

FUNCTIONS = {
    "SubmitJobFunction": "dev.hndeepest.submit.SubmitJobHandler::handleRequest",
    "WorkerFunction": "dev.hndeepest.worker.WorkerHandler::handleRequest",
    "JobStatusFunction": "dev.hndeepest.status.JobStatusHandler::handleRequest",
    "WebFunction": "dev.hndeepest.web.WebHandler::handleRequest",
}
API_FUNCTIONS = ("SubmitJobFunction", "JobStatusFunction", "WebFunction")
REQUIRED_ENVIRONMENT = {
    "SubmitJobFunction": {"JOBS_TABLE_NAME", "WORK_QUEUE_URL", "MAX_HOURS", "JOB_TTL_DAYS", "HN_SNAPSHOT_END",
                          "POWERTOOLS_SERVICE_NAME", "POWERTOOLS_LOG_LEVEL", "POWERTOOLS_METRICS_NAMESPACE"},
    "WorkerFunction": {"JOBS_TABLE_NAME", "WORK_QUEUE_URL", "JOB_TTL_DAYS", "HN_API_BASE_URL",
                       "HN_CONCURRENCY", "HN_STALL_SECONDS", "HN_SNAPSHOT_END", "MAX_RECEIVE_COUNT", "POWERTOOLS_SERVICE_NAME",
                       "POWERTOOLS_LOG_LEVEL", "POWERTOOLS_METRICS_NAMESPACE"},
    "JobStatusFunction": {"JOBS_TABLE_NAME", "JOB_TTL_DAYS", "POWERTOOLS_SERVICE_NAME",
                          "POWERTOOLS_LOG_LEVEL", "POWERTOOLS_METRICS_NAMESPACE"},
    # Globals give it the table's name; it reads nothing.
    "WebFunction": {"POWERTOOLS_SERVICE_NAME", "POWERTOOLS_LOG_LEVEL", "POWERTOOLS_METRICS_NAMESPACE"},
}
DATA_SERVICES = ("dynamodb", "sqs", "s3", "sns", "kms", "logs", "lambda")


def alias_of(template: dict, function: str) -> tuple[str, dict]:
    aliases = [(name, r) for name, r in resources_of_type(template, "AWS::Lambda::Alias").items()
               if r["Properties"]["FunctionName"] == {"Ref": function}]
    assert len(aliases) == 1, f"{function} should have exactly one alias"
    return aliases[0]


def role_statements(template: dict, function: str) -> list[dict]:
    role_name = template["Resources"][function]["Properties"]["Role"]["Fn::GetAtt"][0]
    role = template["Resources"][role_name]["Properties"]
    return [s for policy in role.get("Policies", []) for s in allow_statements(policy["PolicyDocument"])]


def actions_on(statements: list[dict], resource: dict) -> set[str]:
    return {a for s in statements if resource in as_list(s["Resource"]) for a in as_list(s["Action"])}


# ---------------------------------------------------------------- functions


@pytest.mark.parametrize("function,handler", FUNCTIONS.items())
def function_should_runJava21WithItsHandler_whenTranslated(prod_template, function, handler):
    # GIVEN the translated prod template / WHEN reading the function
    properties = prod_template["Resources"][function]["Properties"]

    # THEN it runs the module's handler on java21 with active tracing
    assert properties["Runtime"] == "java21"
    assert properties["Handler"] == handler
    assert properties["TracingConfig"] == {"Mode": "Active"}


@pytest.mark.parametrize("function", FUNCTIONS)
def function_should_snapStartPublishedVersionsBehindLiveAlias_whenTranslated(prod_template, function):
    # GIVEN the translated prod template
    resources = prod_template["Resources"]

    # WHEN looking at the function, its versions and its alias
    _, alias = alias_of(prod_template, function)
    versions = [r for r in resources_of_type(prod_template, "AWS::Lambda::Version").values()
                if r["Properties"]["FunctionName"] == {"Ref": function}]

    # THEN SnapStart applies to published versions and the alias `live` points at the published one
    assert resources[function]["Properties"]["SnapStart"] == {"ApplyOn": "PublishedVersions"}
    assert len(versions) == 1
    assert alias["Properties"]["Name"] == "live"
    assert alias["Properties"]["FunctionVersion"]["Fn::GetAtt"][1] == "Version"


@pytest.mark.parametrize("function", FUNCTIONS)
def function_should_haveItsEnvironment_whenTranslated(prod_template, function):
    # GIVEN / WHEN the function's environment variables
    variables = prod_template["Resources"][function]["Properties"]["Environment"]["Variables"]

    # THEN every variable docs/DESIGN.md lists for it is set, with table and queue from the stack
    assert REQUIRED_ENVIRONMENT[function] <= set(variables)
    assert variables["JOBS_TABLE_NAME"] == {"Ref": "JobsTable"}
    if "WORK_QUEUE_URL" in variables:
        assert variables["WORK_QUEUE_URL"] == {"Ref": "WorkQueue"}


@pytest.mark.parametrize("function", FUNCTIONS)
def function_should_logToItsRetainedLogGroup_whenTranslated(prod_template, prod_intrinsics, function):
    # GIVEN the function's logging configuration
    log_group_ref = prod_template["Resources"][function]["Properties"]["LoggingConfig"]["LogGroup"]
    log_group = prod_template["Resources"][log_group_ref["Ref"]]

    # WHEN reading its log group and its role's log permissions
    log_actions = actions_on(role_statements(prod_template, function), {"Fn::GetAtt": [log_group_ref["Ref"], "Arn"]})

    # THEN the group has the prod retention and the role writes to that group only
    assert log_group["Type"] == "AWS::Logs::LogGroup"
    assert prod_intrinsics.number(log_group["Properties"]["RetentionInDays"]) == 90
    assert log_actions == {"logs:CreateLogStream", "logs:PutLogEvents"}


def logGroups_should_allHaveRetention_whenTranslated(prod_template):
    # GIVEN / WHEN every log group of the stack
    groups = resources_of_type(prod_template, "AWS::Logs::LogGroup")

    # THEN each one expires its events (functions and API access logs)
    assert len(groups) == 5
    assert all("RetentionInDays" in g["Properties"] for g in groups.values())


# ---------------------------------------------------------------- gradual deployment


@pytest.mark.parametrize("function", API_FUNCTIONS)
def apiFunction_should_shiftTrafficByCanaryAndRollBackOnErrors_whenProd(prod_template, function):
    # GIVEN the prod template / WHEN reading the function's deployment group and alias
    group = prod_template["Resources"][f"{function}DeploymentGroup"]["Properties"]
    _, alias = alias_of(prod_template, function)
    alarm_names = [a["Name"]["Ref"] for a in group["AlarmConfiguration"]["Alarms"]]

    # THEN CodeDeploy shifts 10 % for 5 minutes, watches the errors alarm and rolls back on it
    assert group["DeploymentConfigName"]["Fn::Sub"][1]["ConfigName"] == "Canary10Percent5Minutes"
    assert group["AlarmConfiguration"]["Enabled"] is True
    assert "DEPLOYMENT_STOP_ON_ALARM" in group["AutoRollbackConfiguration"]["Events"]
    assert group["AutoRollbackConfiguration"]["Enabled"] is True
    assert alias["UpdatePolicy"]["CodeDeployLambdaAliasUpdate"]["DeploymentGroupName"] == {
        "Ref": f"{function}DeploymentGroup"}
    assert len(alarm_names) == 1
    alarm = prod_template["Resources"][alarm_names[0]]["Properties"]
    assert alarm["MetricName"] == "Errors"
    assert {"Name": "FunctionName", "Value": {"Ref": function}} in alarm["Dimensions"]


@pytest.mark.parametrize("function", API_FUNCTIONS)
def errorsAlarm_should_watchTheNewVersion_whenTranslated(prod_template, function):
    # GIVEN the errors alarm the deployment group watches
    group = prod_template["Resources"][f"{function}DeploymentGroup"]["Properties"]
    alarm = prod_template["Resources"][group["AlarmConfiguration"]["Alarms"][0]["Name"]["Ref"]]["Properties"]
    version = next(name for name, r in resources_of_type(prod_template, "AWS::Lambda::Version").items()
                   if r["Properties"]["FunctionName"] == {"Ref": function})

    # WHEN / THEN it counts errors of the version being deployed, behind the live alias, at once
    dimensions = {d["Name"]: d["Value"] for d in alarm["Dimensions"]}
    assert dimensions["ExecutedVersion"] == {"Fn::GetAtt": [version, "Version"]}
    assert dimensions["Resource"] == {"Fn::Sub": f"${{{function}}}:live"}
    assert alarm["Threshold"] == 0 and alarm["ComparisonOperator"] == "GreaterThanThreshold"
    assert alarm["AlarmActions"] == [{"Ref": "AlarmTopic"}]


def apiFunctions_should_deployAllAtOnce_whenDev(dev_template):
    # GIVEN the dev parameters / WHEN translated
    configs = [dev_template["Resources"][f"{f}DeploymentGroup"]["Properties"]["DeploymentConfigName"]
               for f in API_FUNCTIONS]

    # THEN dev skips the canary wait
    assert all(c["Fn::Sub"][1]["ConfigName"] == "AllAtOnce" for c in configs)


def worker_should_haveNoTrafficShifting_whenTranslated(prod_template):
    # GIVEN / WHEN / THEN the queue consumer is published but not canaried (its alias takes all messages)
    assert "WorkerFunctionDeploymentGroup" not in prod_template["Resources"]
    _, alias = alias_of(prod_template, "WorkerFunction")
    assert "UpdatePolicy" not in alias


# ---------------------------------------------------------------- queue, event source, DLQ


def eventSource_should_reportPartialFailuresWithBoundedConcurrency_whenTranslated(prod_template, prod_intrinsics):
    # GIVEN the worker's event source mapping
    mappings = resources_of_type(prod_template, "AWS::Lambda::EventSourceMapping")
    assert len(mappings) == 1
    properties = next(iter(mappings.values()))["Properties"]
    alias_name, _ = alias_of(prod_template, "WorkerFunction")

    # WHEN / THEN it reads the work queue into the live alias, reports item failures, caps concurrency
    assert properties["EventSourceArn"] == {"Fn::GetAtt": ["WorkQueue", "Arn"]}
    assert properties["FunctionName"] == {"Ref": alias_name}
    assert properties["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
    assert prod_intrinsics.number(properties["ScalingConfig"]["MaximumConcurrency"]) == 10
    assert 1 <= prod_intrinsics.number(properties["BatchSize"]) <= 10


def workQueue_should_hideMessagesForSixWorkerTimeouts_whenTranslated(prod_template, prod_intrinsics):
    # GIVEN the work queue, the worker and its event source
    queue = prod_template["Resources"]["WorkQueue"]["Properties"]
    worker = prod_template["Resources"]["WorkerFunction"]["Properties"]
    mapping = next(iter(resources_of_type(prod_template, "AWS::Lambda::EventSourceMapping").values()))["Properties"]

    # WHEN resolving the numbers
    visibility = prod_intrinsics.number(queue["VisibilityTimeout"])
    timeout = prod_intrinsics.number(worker["Timeout"])
    window = prod_intrinsics.number(mapping.get("MaximumBatchingWindowInSeconds", 0))

    # THEN a message is not redelivered while an invocation may still run (AWS: >= 6 x timeout + window)
    assert timeout > 15
    assert visibility >= 6 * timeout + window


def redrivePolicy_should_matchWorkerMaxReceiveCount_whenTranslated(prod_template, prod_intrinsics):
    # GIVEN the queue's redrive policy and the worker's MAX_RECEIVE_COUNT
    redrive = prod_template["Resources"]["WorkQueue"]["Properties"]["RedrivePolicy"]
    variable = prod_template["Resources"]["WorkerFunction"]["Properties"]["Environment"]["Variables"]["MAX_RECEIVE_COUNT"]

    # WHEN / THEN both come from the one parameter, so they cannot drift, and dead letters go to the DLQ
    assert redrive["maxReceiveCount"] == variable == {"Ref": "MaxReceiveCount"}
    assert prod_intrinsics.number(redrive["maxReceiveCount"]) >= 1
    assert redrive["deadLetterTargetArn"] == {"Fn::GetAtt": ["WorkDeadLetterQueue", "Arn"]}


def deadLetterQueue_should_alarmOnAnyMessage_whenTranslated(prod_template):
    # GIVEN the alarms of the stack
    alarms = resources_of_type(prod_template, "AWS::CloudWatch::Alarm").values()

    # WHEN looking for the one on the DLQ depth
    dlq_alarms = [a["Properties"] for a in alarms
                  if {"Name": "QueueName", "Value": {"Fn::GetAtt": ["WorkDeadLetterQueue", "QueueName"]}}
                  in a["Properties"]["Dimensions"]]

    # THEN one message is enough to notify
    assert len(dlq_alarms) == 1
    alarm = dlq_alarms[0]
    assert alarm["MetricName"] == "ApproximateNumberOfMessagesVisible"
    assert alarm["Threshold"] == 0 and alarm["ComparisonOperator"] == "GreaterThanThreshold"
    assert alarm["AlarmActions"] == [{"Ref": "AlarmTopic"}]


def queues_should_beEncryptedAndTlsOnly_whenTranslated(prod_template):
    # GIVEN every queue and the queue policies
    queues = resources_of_type(prod_template, "AWS::SQS::Queue")
    policies = resources_of_type(prod_template, "AWS::SQS::QueuePolicy").values()
    covered = {q["Ref"] for p in policies for q in p["Properties"]["Queues"]
               if any(s["Effect"] == "Deny" and s["Condition"] == {"Bool": {"aws:SecureTransport": "false"}}
                      for s in p["Properties"]["PolicyDocument"]["Statement"])}

    # WHEN / THEN each queue is encrypted at rest and refuses plain HTTP
    assert set(queues) == {"WorkQueue", "WorkDeadLetterQueue"}
    for name, queue in queues.items():
        assert queue["Properties"].get("SqsManagedSseEnabled") is True or "KmsMasterKeyId" in queue["Properties"], name
    assert covered == set(queues)


# ---------------------------------------------------------------- table


def jobsTable_should_expireEncryptAndRecover_whenTranslated(prod_template):
    # GIVEN / WHEN the job table
    table = prod_template["Resources"]["JobsTable"]["Properties"]

    # THEN it is on-demand, keyed pk/sk, expires on expiresAt, has PITR and SSE
    assert table["BillingMode"] == "PAY_PER_REQUEST"
    assert table["KeySchema"] == [{"AttributeName": "pk", "KeyType": "HASH"},
                                  {"AttributeName": "sk", "KeyType": "RANGE"}]
    assert {"AttributeName": "pk", "AttributeType": "S"} in table["AttributeDefinitions"]
    assert {"AttributeName": "sk", "AttributeType": "S"} in table["AttributeDefinitions"]
    assert table["TimeToLiveSpecification"] == {"AttributeName": "expiresAt", "Enabled": True}
    assert table["PointInTimeRecoverySpecification"] == {"PointInTimeRecoveryEnabled": True}
    assert table["SSESpecification"]["SSEEnabled"] is True


# ---------------------------------------------------------------- API


def apiStage_should_throttleLogAndTrace_whenTranslated(prod_template, prod_intrinsics):
    # GIVEN the REST API stage
    stages = resources_of_type(prod_template, "AWS::ApiGateway::Stage")
    assert len(stages) == 1
    stage = next(iter(stages.values()))["Properties"]
    settings = stage["MethodSettings"]

    # WHEN / THEN every method is throttled, access logs go to the retained group as JSON, X-Ray is on
    assert prod_intrinsics.resolve(stage["StageName"]) == "prod"
    assert len(settings) == 1
    assert settings[0]["ResourcePath"] == "/*" and settings[0]["HttpMethod"] == "*"
    assert prod_intrinsics.number(settings[0]["ThrottlingRateLimit"]) > 0
    assert prod_intrinsics.number(settings[0]["ThrottlingBurstLimit"]) >= prod_intrinsics.number(
        settings[0]["ThrottlingRateLimit"])
    assert stage["AccessLogSetting"]["DestinationArn"] == {"Fn::GetAtt": ["ApiAccessLogGroup", "Arn"]}
    access_log = json.loads(stage["AccessLogSetting"]["Format"])
    assert access_log["requestId"] == "$context.requestId" and access_log["status"] == "$context.status"
    assert stage["TracingEnabled"] is True


def restApi_should_routeEachOperationToItsLiveAlias_whenTranslated(prod_template):
    # GIVEN the OpenAPI body SAM generated
    body = prod_template["Resources"]["JobsApi"]["Properties"]["Body"]
    routes = {("/jobs", "post"): "SubmitJobFunction", ("/jobs/{id}", "get"): "JobStatusFunction",
              ("/", "get"): "WebFunction", ("/openapi.json", "get"): "WebFunction"}

    # WHEN / THEN exactly these routes exist, each a Lambda proxy integration of its function's live alias
    # (besides the job paths' OPTIONS preflight, there only with CorsAllowedOrigins: test_operations.py)
    assert {(path, method) for path, item in body["paths"].items() for method in item
            if method != "options"} == set(routes)
    assert {path for path, item in body["paths"].items() if "options" in item} == {"/jobs", "/jobs/{id}"}
    for (path, method), function in routes.items():
        integration = body["paths"][path][method]["x-amazon-apigateway-integration"]
        alias, _ = alias_of(prod_template, function)
        assert integration["type"] == "aws_proxy"
        assert f"${{{alias}}}" in integration["uri"]["Fn::Sub"]


def restApi_should_haveExactlyTheOperationsOfTheOpenApiDocument_whenTranslated(prod_template):
    # GIVEN the API's OpenAPI document (api/openapi.json) and the routes SAM generated
    document = json.loads((REPO_ROOT / "api" / "openapi.json").read_text())
    body = prod_template["Resources"]["JobsApi"]["Properties"]["Body"]

    # WHEN naming path parameters alike / THEN the document describes every route, and no other
    def operations(paths):
        return {(re.sub(r"\{[^}]+}", "{}", path), method) for path, item in paths.items() for method in item
                if method in ("get", "put", "post", "delete", "patch", "head")}
    assert operations(document["paths"]) == operations(body["paths"])


def restApi_should_answerUnknownRoutesWithProblemJson404_whenTranslated(prod_template):
    # GIVEN the gateway responses / WHEN an unknown path or method hits API Gateway
    responses = prod_template["Resources"]["JobsApi"]["Properties"]["Body"]["x-amazon-apigateway-gateway-responses"]
    missing = responses["MISSING_AUTHENTICATION_TOKEN"]

    # THEN it answers 404 application/problem+json instead of API Gateway's 403
    assert missing["statusCode"] == "404"
    assert missing["responseParameters"]["gatewayresponse.header.Content-Type"] == "'application/problem+json'"
    assert json.loads(missing["responseTemplates"]["application/json"])["status"] == 404
    assert responses["THROTTLED"]["statusCode"] == "429"


# RFC 9110 reason phrases: the title of an about:blank problem is its status's (RFC 9457 section 4.2.1).
REASON_PHRASES = {403: "Forbidden", 404: "Not Found", 413: "Content Too Large", 429: "Too Many Requests", 502: "Bad Gateway",
                  504: "Gateway Timeout"}


def gatewayResponses_should_beProblemsInTheFunctionsStyle_whenTranslated(prod_template):
    # GIVEN every gateway response of the API
    responses = prod_template["Resources"]["JobsApi"]["Properties"]["Body"]["x-amazon-apigateway-gateway-responses"]

    # WHEN / THEN each is an about:blank problem titled with its status's reason phrase, like the
    # functions' own problems (dev.hndeepest.api.Problem), so clients see one style
    assert responses
    for name, response in responses.items():
        status = int(response["statusCode"])
        problem = json.loads(response["responseTemplates"]["application/json"])
        assert response["responseParameters"]["gatewayresponse.header.Content-Type"] == "'application/problem+json'", name
        assert problem["type"] == "about:blank", name
        assert problem["title"] == REASON_PHRASES[status], name
        assert problem["status"] == status, name
        assert problem["requestId"] == "$context.requestId", name


def outputs_should_includeApiUrlOfTheStage_whenTranslated(prod_template):
    # GIVEN / WHEN the stack outputs / THEN the API URL ends with the stage name
    url = prod_template["Outputs"]["ApiUrl"]["Value"]["Fn::Sub"]
    assert url.startswith("https://${JobsApi}.execute-api.")
    assert url.endswith("/${StageName}")


# ---------------------------------------------------------------- least privilege


def iamPolicies_should_grantNoWildcardActions_whenTranslated(prod_template):
    # GIVEN every allow statement of every role in the stack
    statements = role_allow_statements(prod_template)

    # WHEN / THEN no action is `*` or a service-wide `service:*` on a data service
    assert statements
    for role, statement in statements:
        for action in as_list(statement["Action"]):
            assert action != "*", role
            service, _, verb = action.partition(":")
            assert not (service in DATA_SERVICES and "*" in verb), f"{role}: {action}"


def iamPolicies_should_scopeTableAndQueueActionsToTheirArns_whenTranslated(prod_template):
    # GIVEN every allow statement with a DynamoDB or SQS action
    statements = [s for _, s in role_allow_statements(prod_template)
                  if any(a.split(":")[0] in ("dynamodb", "sqs") for a in as_list(s["Action"]))]

    # WHEN / THEN each names the table or a queue of this stack, never a wildcard
    assert statements
    allowed = [{"Fn::GetAtt": ["JobsTable", "Arn"]}, {"Fn::GetAtt": ["WorkQueue", "Arn"]}]
    for statement in statements:
        assert all(resource in allowed for resource in as_list(statement["Resource"])), statement


@pytest.mark.parametrize("function,expected", [
    ("SubmitJobFunction", {
        "JobsTable": {"dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"},
        "WorkQueue": {"sqs:SendMessage"}}),
    ("WorkerFunction", {
        "JobsTable": {"dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"},
        "WorkQueue": {"sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage",
                      "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes"}}),
    ("JobStatusFunction", {
        "JobsTable": {"dynamodb:GetItem", "dynamodb:Query", "dynamodb:UpdateItem"},
        "WorkQueue": set()}),
    ("WebFunction", {"JobsTable": set(), "WorkQueue": set()}),
])
def functionRole_should_grantExactlyTheDataActionsItNeeds_whenTranslated(prod_template, function, expected):
    # GIVEN the function's own role / WHEN collecting its actions per data resource
    statements = role_statements(prod_template, function)

    # THEN they are exactly the ones the function uses (no Scan, no DeleteTable ...); the local stack
    # runs every job with these roles enforced (LocalRolesIT), which shows none is missing
    for resource, actions in expected.items():
        assert actions_on(statements, {"Fn::GetAtt": [resource, "Arn"]}) == actions, resource


# API operations that IAM authorises by other actions (Service Authorization Reference; DynamoDB guide
# "Using IAM with DynamoDB transactions"; SQS guide "Amazon SQS batch actions"): naming one in a policy
# grants nothing on AWS, however an emulator might treat it.
NOT_IAM_ACTIONS = {"dynamodb:TransactWriteItems", "dynamodb:TransactGetItems", "sqs:SendMessageBatch",
                   "sqs:DeleteMessageBatch", "sqs:ChangeMessageVisibilityBatch"}


def iamPolicies_should_nameOnlyRealIamActions_whenTranslated(prod_template):
    # GIVEN every action of every role / WHEN / THEN none is an operation name that IAM does not know
    actions = {action for _, statement in role_allow_statements(prod_template)
               for action in as_list(statement["Action"])}
    assert actions
    assert not actions & NOT_IAM_ACTIONS


def functionRoles_should_beSeparate_whenTranslated(prod_template):
    # GIVEN / WHEN the role of each function / THEN no two functions share a role
    roles = [prod_template["Resources"][f]["Properties"]["Role"]["Fn::GetAtt"][0] for f in FUNCTIONS]
    assert len(set(roles)) == len(FUNCTIONS)


# ---------------------------------------------------------------- environments


@pytest.mark.parametrize("env", ["dev", "staging", "prod"])
def samconfig_should_onlyOverrideDeclaredParameters_whenAnyEnvironment(env):
    # GIVEN the environment's overrides in samconfig.toml
    overrides = environment_parameters(env)

    # WHEN translating with them
    template = translate_app_template(overrides)
    intrinsics = Intrinsics(template, overrides)

    # THEN every override names a template parameter and the stage is the environment
    assert set(overrides) <= set(template["Parameters"])
    assert intrinsics.resolve({"Ref": "StageName"}) == env
