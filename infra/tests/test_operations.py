"""Operating the stack, on the SAM-translated template.yaml: the metrics contract of docs/DESIGN.md
("Metrics") against the dashboard and the alarms, arm64 with SnapStart, API keys with their usage plan
only where RequireApiKey holds (dev against staging/prod parameters), the gateway responses of keys
and quotas, and the optional CORS preflight. Needs no emulator."""
import json
import re

import pytest

from conftest import (
    ENVIRONMENTS,
    Intrinsics,
    condition_holds,
    documented_metrics,
    environment_parameters,
    resources_of_type,
    translate_app_template,
)

FUNCTIONS = ("SubmitJobFunction", "WorkerFunction", "JobStatusFunction", "WebFunction")
# Browsers preflight only the job operations; the page and the document are same-origin reads.
JOB_PATHS = ("/jobs", "/jobs/{id}")
KEY_RESOURCES = {"AWS::ApiGateway::UsagePlan", "AWS::ApiGateway::ApiKey", "AWS::ApiGateway::UsagePlanKey"}
CLOUDWATCH_UNITS = {"Count", "Seconds", "Milliseconds", "None", "Bytes", "Percent"}
API_KEY_SECURITY = {"Fn::If": ["UseApiKeys", [{"api_key": []}], {"Ref": "AWS::NoValue"}]}


def dashboard_metrics(template: dict) -> tuple[list[list], list[dict]]:
    """The dashboard body's metric rows and widgets, each ${...} of its Fn::Sub kept as the literal."""
    body = template["Resources"]["OperationsDashboard"]["Properties"]["DashboardBody"]["Fn::Sub"]
    widgets = json.loads(body)["widgets"]
    rows = [row for w in widgets if w["type"] == "metric" for row in w["properties"]["metrics"]]
    return rows, widgets


def globals_variables(template: dict) -> dict:
    return template["Resources"]["SubmitJobFunction"]["Properties"]["Environment"]["Variables"]


def namespace_and_service(template: dict) -> tuple[str, str]:
    """The metrics' namespace (the Fn::Sub text) and service of the functions' environment."""
    variables = globals_variables(template)
    return variables["POWERTOOLS_METRICS_NAMESPACE"]["Fn::Sub"], variables["POWERTOOLS_SERVICE_NAME"]


@pytest.fixture(scope="module")
def staging_template() -> dict:
    return translate_app_template(environment_parameters("staging"))


# ---------------------------------------------------------------- metrics contract


def metricsTable_should_documentEachMetricWithAUnitAndItsEmitter_whenRead():
    # GIVEN / WHEN the metrics table of docs/DESIGN.md
    metrics = documented_metrics()

    # THEN it lists jobs by outcome, duration, HN traffic, worker work and the answer, each with a
    # CloudWatch unit and the function that emits it
    assert {"JobsSubmitted", "JobsSucceeded", "JobsFailed", "JobDuration", "HnRequests", "AnswerDepth"} <= set(metrics)
    assert len(metrics) == 13
    for name, row in metrics.items():
        assert row["unit"] in CLOUDWATCH_UNITS, name
        assert row["emitted by"], name
    assert metrics["JobDuration"]["unit"] == "Seconds"


@pytest.mark.parametrize("function", FUNCTIONS)
def function_should_emitMetricsIntoTheStacksOwnNamespace_whenTranslated(prod_template, function):
    # GIVEN / WHEN the function's environment
    variables = prod_template["Resources"][function]["Properties"]["Environment"]["Variables"]

    # THEN Powertools gets one namespace per stack (staging and prod never mix) and the service name
    assert variables["POWERTOOLS_METRICS_NAMESPACE"] == {"Fn::Sub": "HnDeepest/${AWS::StackName}"}
    assert variables["POWERTOOLS_SERVICE_NAME"] == "hn-deepest"


def dashboard_should_chartEveryDocumentedMetricInTheFunctionsNamespace_whenTranslated(prod_template):
    # GIVEN the dashboard's metric rows and the namespace and service the functions emit with
    rows, _ = dashboard_metrics(prod_template)
    namespace, service = namespace_and_service(prod_template)
    application_rows = [row for row in rows if not row[0].startswith("AWS/")]

    # WHEN collecting the application metrics it charts
    charted = {row[1] for row in application_rows}

    # THEN it charts exactly the documented metrics, each in that namespace with the service dimension only
    assert charted == set(documented_metrics())
    for row in application_rows:
        assert row[0] == namespace, row
        assert row[2:4] == ["service", service], row
        assert isinstance(row[4], dict) and len(row) == 5, row


@pytest.mark.parametrize("metric", ["Errors", "Throttles", "Duration"])
def dashboard_should_chartEachFunctionsLambdaMetric_whenTranslated(prod_template, metric):
    # GIVEN / WHEN the dashboard's AWS/Lambda rows for one metric
    rows, _ = dashboard_metrics(prod_template)
    functions = {row[3] for row in rows if row[:3] == ["AWS/Lambda", metric, "FunctionName"]}

    # THEN every function of the stack has one, by its physical name
    assert functions == {"${%s}" % f for f in FUNCTIONS}


def dashboard_should_chartTheQueuesAgeAndTheDeadLetters_whenTranslated(prod_template):
    # GIVEN / WHEN the dashboard's AWS/SQS rows
    rows, _ = dashboard_metrics(prod_template)
    sqs = {(row[1], row[3]) for row in rows if row[0] == "AWS/SQS"}

    # THEN the work queue's oldest message and the dead-letter queue's depth are on it
    assert ("ApproximateAgeOfOldestMessage", "${WorkQueue.QueueName}") in sqs
    assert ("ApproximateNumberOfMessagesVisible", "${WorkDeadLetterQueue.QueueName}") in sqs


def dashboard_should_showEveryAlarmOfTheStack_whenTranslated(prod_template):
    # GIVEN the dashboard's alarm widget / WHEN comparing it with the stack's alarms
    _, widgets = dashboard_metrics(prod_template)
    (alarm_widget,) = [w for w in widgets if w["type"] == "alarm"]
    alarms = resources_of_type(prod_template, "AWS::CloudWatch::Alarm")

    # THEN each alarm is shown by its ARN
    assert set(alarm_widget["properties"]["alarms"]) == {"${%s.Arn}" % name for name in alarms}


def dashboard_should_placeWidgetsOnTheGridWithoutOverlap_whenTranslated(prod_template):
    # GIVEN / WHEN every widget's cells on CloudWatch's 24-column grid
    _, widgets = dashboard_metrics(prod_template)
    cells = [(x, y) for w in widgets for x in range(w["x"], w["x"] + w["width"])
             for y in range(w["y"], w["y"] + w["height"])]

    # THEN none leaves the grid or covers another, and each metric widget names its region and title
    assert all(x < 24 for x, _ in cells)
    assert len(cells) == len(set(cells))
    for widget in widgets:
        if widget["type"] == "metric":
            assert widget["properties"]["region"] == "${AWS::Region}" and widget["properties"]["title"]


# ---------------------------------------------------------------- alarms


def jobsFailedAlarm_should_notifyOnAnyFailedJob_whenTranslated(prod_template):
    # GIVEN the alarm on the JobsFailed metric
    alarm = prod_template["Resources"]["JobsFailedAlarm"]["Properties"]
    namespace, service = namespace_and_service(prod_template)

    # WHEN / THEN it watches the documented metric where the functions emit it, and one job is enough
    assert "JobsFailed" in documented_metrics()
    assert alarm["MetricName"] == "JobsFailed"
    assert alarm["Namespace"] == {"Fn::Sub": namespace}
    assert alarm["Dimensions"] == [{"Name": "service", "Value": service}]
    assert alarm["Statistic"] == "Sum"
    assert alarm["Threshold"] == 0 and alarm["ComparisonOperator"] == "GreaterThanThreshold"
    assert alarm["TreatMissingData"] == "notBreaching"
    assert alarm["AlarmActions"] == [{"Ref": "AlarmTopic"}]


def workQueueAgeAlarm_should_fireAfterMoreThanOneRedelivery_whenTranslated(prod_template, prod_intrinsics):
    # GIVEN the alarm on the work queue's oldest message and the queue's visibility timeout
    alarm = prod_template["Resources"]["WorkQueueAgeAlarm"]["Properties"]
    visibility = prod_intrinsics.number(prod_template["Resources"]["WorkQueue"]["Properties"]["VisibilityTimeout"])

    # WHEN / THEN it watches the work queue and waits out one redelivery before it notifies
    assert alarm["Namespace"] == "AWS/SQS" and alarm["MetricName"] == "ApproximateAgeOfOldestMessage"
    assert alarm["Dimensions"] == [{"Name": "QueueName", "Value": {"Fn::GetAtt": ["WorkQueue", "QueueName"]}}]
    assert alarm["Statistic"] == "Maximum"
    assert prod_intrinsics.number(alarm["Threshold"]) > visibility
    assert alarm["AlarmActions"] == [{"Ref": "AlarmTopic"}]


@pytest.mark.parametrize("function", ["SubmitJobFunction", "JobStatusFunction"])
def canaryRollback_should_watchOnlyTheNewVersionsErrors_whenOperationalAlarmsAreAdded(prod_template, function):
    # GIVEN the deployment group of an API function
    group = prod_template["Resources"][f"{function}DeploymentGroup"]["Properties"]

    # WHEN / THEN the job and queue alarms stay out of it: they fire on the worker or the HN API,
    # which a rollback of this version would not fix
    names = {a["Name"]["Ref"] for a in group["AlarmConfiguration"]["Alarms"]}
    assert names == {f"{function[:-8]}ErrorsAlarm"}


# ---------------------------------------------------------------- arm64 and SnapStart


@pytest.mark.parametrize("env", ENVIRONMENTS)
def functions_should_runOnArm64WithSnapStart_inEveryEnvironment(env):
    # GIVEN the environment's translated template
    template = translate_app_template(environment_parameters(env))

    # WHEN / THEN every function runs java21 on arm64 and snapshots its published versions
    functions = resources_of_type(template, "AWS::Lambda::Function")
    assert set(functions) == set(FUNCTIONS)
    for name, function in functions.items():
        properties = function["Properties"]
        assert properties["Architectures"] == ["arm64"], name
        assert properties["Runtime"] == "java21", name
        assert properties["SnapStart"] == {"ApplyOn": "PublishedVersions"}, name


# ---------------------------------------------------------------- API keys and usage plan


@pytest.mark.parametrize("env,keys", [("dev", False), ("staging", True), ("prod", True)])
def apiKeys_should_existOnlyInStagingAndProd_whenTranslatedWithEachEnvironment(env, keys):
    # GIVEN the environment's parameters and translated template
    parameters = environment_parameters(env)
    template = translate_app_template(parameters)

    # WHEN looking at the key resources and their condition
    key_resources = {name: r for name, r in template["Resources"].items() if r["Type"] in KEY_RESOURCES}

    # THEN usage plan, key and their link are created exactly where RequireApiKey holds
    assert {r["Type"] for r in key_resources.values()} == KEY_RESOURCES
    assert all(r.get("Condition") == "UseApiKeys" for r in key_resources.values())
    assert condition_holds(template, parameters, "UseApiKeys") is keys


def apiKeys_should_beOff_whenTemplateDefaultsAreUsed():
    # GIVEN / WHEN no parameters (the local stack's defaults) / THEN no key is needed
    template = translate_app_template({})
    assert condition_holds(template, {}, "UseApiKeys") is False


@pytest.mark.parametrize("env", ["staging", "prod"])
def usagePlan_should_boundEachKeysRateBurstAndDailyQuota_whenStagingOrProd(env):
    # GIVEN the environment's usage plan
    parameters = environment_parameters(env)
    template = translate_app_template(parameters)
    intrinsics = Intrinsics(template, parameters)
    plan = template["Resources"]["JobsApiUsagePlan"]["Properties"]
    stage_settings = next(iter(resources_of_type(template, "AWS::ApiGateway::Stage").values()))["Properties"]

    # WHEN resolving its limits
    rate = intrinsics.number(plan["Throttle"]["RateLimit"])
    burst = intrinsics.number(plan["Throttle"]["BurstLimit"])
    quota = intrinsics.number(plan["Quota"]["Limit"])
    stage_rate = intrinsics.number(stage_settings["MethodSettings"][0]["ThrottlingRateLimit"])

    # THEN they come from the template parameters with samconfig's values: a key gets less than the
    # whole stage, its burst covers its rate, and its quota is per day
    assert plan["Throttle"] == {"RateLimit": {"Ref": "ApiKeyRateLimit"}, "BurstLimit": {"Ref": "ApiKeyBurstLimit"}}
    assert plan["Quota"] == {"Limit": {"Ref": "ApiKeyDailyQuota"}, "Period": "DAY"}
    assert {"ApiKeyRateLimit", "ApiKeyBurstLimit", "ApiKeyDailyQuota"} <= set(parameters)
    assert 0 < rate < stage_rate
    assert rate <= burst
    assert quota > 0


def usagePlan_should_coverTheApiStageAndHoldTheStacksKey_whenProd(prod_template):
    # GIVEN the usage plan, the key and their link
    resources = prod_template["Resources"]
    plan = resources["JobsApiUsagePlan"]["Properties"]
    link = resources["JobsApiUsagePlanKey"]["Properties"]
    (stage,) = resources_of_type(prod_template, "AWS::ApiGateway::Stage")

    # WHEN / THEN the plan applies to this API's stage and the stack's enabled key is in it
    assert plan["ApiStages"] == [{"ApiId": {"Ref": "JobsApi"}, "Stage": {"Ref": stage}}]
    assert link == {"KeyId": {"Ref": "JobsApiKey"}, "KeyType": "API_KEY", "UsagePlanId": {"Ref": "JobsApiUsagePlan"}}
    assert resources["JobsApiKey"]["Properties"]["Enabled"] is True


# The page for people and the API's description are public; they start no work and read no data.
PUBLIC_ROUTES = {("/", "get"), ("/openapi.json", "get")}


def everyRoute_should_requireTheApiKeyUnderUseApiKeys_whenTranslated(prod_template):
    # GIVEN every operation of the API that runs a function
    body = prod_template["Resources"]["JobsApi"]["Properties"]["Body"]
    operations = {(path, method): operation for path, item in body["paths"].items()
                  for method, operation in item.items()
                  if "x-amazon-apigateway-integration" in operation}

    # WHEN / THEN each job operation needs the x-api-key header exactly when UseApiKeys holds, so a new
    # route without its `security` fails here rather than opening in prod; only the public ones go without
    assert {("/jobs", "post"), ("/jobs/{id}", "get")} <= set(operations)
    assert PUBLIC_ROUTES <= set(operations)
    for route, operation in operations.items():
        assert operation["x-amazon-apigateway-integration"]["type"] == "aws_proxy", route
        expected = None if route in PUBLIC_ROUTES else API_KEY_SECURITY
        assert operation.get("security") == expected, route
    assert body["components"]["securitySchemes"]["api_key"] == {"type": "apiKey", "name": "x-api-key", "in": "header"}


def outputs_should_nameTheStacksKeyAndPlan_whenTranslated(prod_template):
    # GIVEN / WHEN the stack outputs / THEN the key id (for get-api-key) and the plan id are there,
    # "none" where the stack has no keys, so the pipeline's variable always resolves
    outputs = prod_template["Outputs"]
    assert outputs["ApiKeyId"]["Value"] == {"Fn::If": ["UseApiKeys", {"Ref": "JobsApiKey"}, "none"]}
    assert outputs["UsagePlanId"]["Value"] == {"Fn::If": ["UseApiKeys", {"Ref": "JobsApiUsagePlan"}, "none"]}
    assert outputs["DashboardName"]["Value"] == {"Ref": "OperationsDashboard"}


@pytest.mark.parametrize("response_type,status,phrase", [
    ("INVALID_API_KEY", 403, "x-api-key"),
    ("QUOTA_EXCEEDED", 429, "quota"),
    ("THROTTLED", 429, "rate limit"),
])
def gatewayResponse_should_explainKeyAndLimitRefusalsAsProblems_whenTranslated(prod_template, response_type, status,
                                                                                 phrase):
    # GIVEN the API's gateway response of that type
    responses = prod_template["Resources"]["JobsApi"]["Properties"]["Body"]["x-amazon-apigateway-gateway-responses"]
    response = responses[response_type]

    # WHEN reading its body
    problem = json.loads(response["responseTemplates"]["application/json"])

    # THEN it is an about:blank problem with the status, a detail naming the cause and the request id
    assert response["statusCode"] == str(status)
    assert response["responseParameters"]["gatewayresponse.header.Content-Type"] == "'application/problem+json'"
    assert problem["type"] == "about:blank" and problem["status"] == status
    assert phrase in problem["detail"].lower()
    assert problem["requestId"] == "$context.requestId"


# ---------------------------------------------------------------- CORS


def preflight_should_beOff_whenNoOriginIsConfigured(prod_template):
    # GIVEN the default parameters (no CorsAllowedOrigins) / WHEN evaluating the preflight's condition
    body = prod_template["Resources"]["JobsApi"]["Properties"]["Body"]

    # THEN every job path's OPTIONS sits under HasCors, which does not hold
    for path in JOB_PATHS:
        item = body["paths"][path]
        assert item["options"]["Fn::If"][0] == "HasCors", path
        assert item["options"]["Fn::If"][2] == {"Ref": "AWS::NoValue"}, path
    assert condition_holds(prod_template, environment_parameters("prod"), "HasCors") is False


def preflight_should_allowTheConfiguredOriginWithoutAKey_whenCorsAllowedOriginsIsSet():
    # GIVEN an origin for the API
    parameters = {**environment_parameters("prod"), "CorsAllowedOrigins": "https://app.example.com"}
    template = translate_app_template(parameters)
    intrinsics = Intrinsics(template, parameters)
    body = template["Resources"]["JobsApi"]["Properties"]["Body"]

    # WHEN reading each path's preflight
    assert condition_holds(template, parameters, "HasCors") is True
    for path in JOB_PATHS:
        item = body["paths"][path]
        preflight = item["options"]["Fn::If"][1]
        integration = preflight["x-amazon-apigateway-integration"]
        headers = integration["responses"]["default"]["responseParameters"]
        allowed = {m.upper() for m in item if m != "options"} | {"OPTIONS"}

        # THEN API Gateway answers it itself (mock, no key: browsers send none on a preflight) with
        # the origin, the path's methods and the headers the API reads
        assert integration["type"] == "mock", path
        assert "security" not in preflight, path
        origin = headers["method.response.header.Access-Control-Allow-Origin"]["Fn::Sub"]
        assert origin.replace("${CorsAllowedOrigins}", intrinsics.resolve({"Ref": "CorsAllowedOrigins"})) \
            == "'https://app.example.com'"
        assert set(headers["method.response.header.Access-Control-Allow-Methods"].strip("'").split(",")) == allowed
        assert {"x-api-key", "Idempotency-Key"} <= set(
            headers["method.response.header.Access-Control-Allow-Headers"].strip("'").split(","))


@pytest.mark.parametrize("origin,accepted", [
    ("", True), ("*", True), ("https://app.example.com", True), ("http://127.0.0.1:8080", True),
    ("https://a.example.com,https://b.example.com", False), ("app.example.com", False),
    ("https://app.example.com/", False), ("https://app.example.com'", False),
])
def corsAllowedOrigins_should_acceptOneOriginOrStar_whenValidated(prod_template, origin, accepted):
    # GIVEN the parameter's pattern (a preflight header holds one static origin)
    pattern = prod_template["Parameters"]["CorsAllowedOrigins"]["AllowedPattern"]

    # WHEN / THEN CloudFormation accepts exactly one origin, *, or nothing
    assert (re.fullmatch(pattern, origin) is not None) is accepted
