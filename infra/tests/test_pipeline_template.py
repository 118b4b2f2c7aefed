"""pipeline/pipeline.yaml (plain CloudFormation): stage order, self-update, what each stage consumes,
the roles' scopes; then the resources moto can create, deployed into moto_server on 127.0.0.1."""
import json
import re
import subprocess
import sys

import pytest
import yaml

from conftest import (
    REPO_ROOT,
    allow_statements,
    as_list,
    environment_parameters,
    resources_of_type,
    translate_app_template,
)
from moto_stack import MotoServer, deploy, for_moto

# What AppDeployRole must allow for each resource type template.yaml produces (after the transform).
CREATE_ACTION_BY_TYPE = {
    "AWS::DynamoDB::Table": "dynamodb:CreateTable",
    "AWS::SQS::Queue": "sqs:CreateQueue",
    "AWS::SQS::QueuePolicy": "sqs:SetQueueAttributes",
    "AWS::Lambda::Function": "lambda:CreateFunction",
    "AWS::Lambda::Version": "lambda:PublishVersion",
    "AWS::Lambda::Alias": "lambda:CreateAlias",
    "AWS::Lambda::Permission": "lambda:AddPermission",
    "AWS::Lambda::EventSourceMapping": "lambda:CreateEventSourceMapping",
    "AWS::IAM::Role": "iam:CreateRole",
    "AWS::Logs::LogGroup": "logs:CreateLogGroup",
    "AWS::ApiGateway::RestApi": "apigateway:POST",
    "AWS::ApiGateway::Deployment": "apigateway:POST",
    "AWS::ApiGateway::Stage": "apigateway:POST",
    "AWS::ApiGateway::Account": "apigateway:PATCH",
    "AWS::ApiGateway::UsagePlan": "apigateway:POST",
    "AWS::ApiGateway::ApiKey": "apigateway:POST",
    "AWS::ApiGateway::UsagePlanKey": "apigateway:POST",
    "AWS::CloudWatch::Dashboard": "cloudwatch:PutDashboard",
    "AWS::CloudWatch::Alarm": "cloudwatch:PutMetricAlarm",
    "AWS::SNS::Topic": "sns:CreateTopic",
    "AWS::SNS::Subscription": "sns:Subscribe",
    "AWS::CodeDeploy::Application": "codedeploy:CreateApplication",
    "AWS::CodeDeploy::DeploymentGroup": "codedeploy:CreateDeploymentGroup",
}
EXPECTED_STAGES = ["Source", "UpdatePipeline", "BuildAndTest", "DeployStaging", "SmokeTestStaging",
                   "ApproveProd", "DeployProd"]


def stages(pipeline_template) -> list[dict]:
    stage_list = pipeline_template["Resources"]["Pipeline"]["Properties"]["Stages"]
    # The approval stage sits in an Fn::If on RequireManualApproval.
    return [s["Fn::If"][1] if "Fn::If" in s else s for s in stage_list]


def stage(pipeline_template, name: str) -> dict:
    return next(s for s in stages(pipeline_template) if s["Name"] == name)


def role_statements(pipeline_template, role: str) -> list[dict]:
    policies = pipeline_template["Resources"][role]["Properties"]["Policies"]
    statements = []
    for policy in policies:
        for statement in policy["PolicyDocument"]["Statement"]:
            # Conditional statements: take the branch that applies when the condition holds.
            statements.append(statement["Fn::If"][1] if "Fn::If" in statement else statement)
    return [s for s in statements if s.get("Effect") == "Allow"]


def actions_of(statements: list[dict]) -> set[str]:
    return {a for s in statements for a in as_list(s["Action"])}


def stages_should_runInDeliveryOrder_whenParsed(pipeline_template):
    # GIVEN / WHEN the pipeline's stages / THEN they follow PRODUCT.md §7 plus the self-update
    assert [s["Name"] for s in stages(pipeline_template)] == EXPECTED_STAGES
    properties = pipeline_template["Resources"]["Pipeline"]["Properties"]
    assert properties["PipelineType"] == "V2"
    assert properties["RestartExecutionOnUpdate"] is True


def pipeline_should_startOnPushToTheBranch_whenGitHub(pipeline_template):
    # GIVEN the V2 trigger (GitHub through CodeConnections)
    triggers = pipeline_template["Resources"]["Pipeline"]["Properties"]["Triggers"]["Fn::If"]
    source = stage(pipeline_template, "Source")["Actions"][0]["Fn::If"]

    # WHEN / THEN a push to BranchName (default main) starts it; CodeCommit uses an EventBridge rule
    assert triggers[0] == "UseGitHub"
    (trigger,) = triggers[1]
    assert trigger["ProviderType"] == "CodeStarSourceConnection"
    assert trigger["GitConfiguration"]["Push"] == [{"Branches": {"Includes": [{"Ref": "BranchName"}]}}]
    assert trigger["GitConfiguration"]["SourceActionName"] == source[1]["Name"]
    assert source[1]["ActionTypeId"]["Provider"] == "CodeStarSourceConnection"
    assert source[2]["ActionTypeId"]["Provider"] == "CodeCommit"
    assert pipeline_template["Parameters"]["BranchName"]["Default"] == "main"
    assert pipeline_template["Resources"]["CodeCommitPushRule"]["Condition"] == "UseCodeCommit"


def updatePipeline_should_redeployThisTemplateWithItsOwnParameters_whenParsed(pipeline_template):
    # GIVEN the self-update action
    (action,) = stage(pipeline_template, "UpdatePipeline")["Actions"]
    configuration = action["Configuration"]
    overrides = json.loads(re.sub(r"\$\{(\w+)\}", "x", configuration["ParameterOverrides"]["Fn::Sub"]))

    # WHEN / THEN it deploys pipeline/pipeline.yaml into this stack, passing every parameter through,
    # with the pipeline's own (non-application) CloudFormation role
    assert configuration["StackName"] == {"Ref": "AWS::StackName"}
    assert configuration["TemplatePath"] == "SourceOutput::pipeline/pipeline.yaml"
    assert (REPO_ROOT / "pipeline" / "pipeline.yaml").is_file()
    assert set(overrides) == set(pipeline_template["Parameters"])
    assert configuration["RoleArn"] == {"Fn::GetAtt": ["PipelineDeployRole", "Arn"]}


@pytest.mark.parametrize("stage_name,env", [("DeployStaging", "staging"), ("DeployProd", "prod")])
def deployStage_should_deployThePackagedTemplateWithTheEnvironmentsConfig_whenParsed(pipeline_template, stage_name, env):
    # GIVEN the deploy action / WHEN reading what it consumes
    (action,) = stage(pipeline_template, stage_name)["Actions"]
    configuration = action["Configuration"]
    buildspec = yaml.safe_load((REPO_ROOT / "buildspec.yml").read_text())

    # THEN it takes the build's packaged template and the config file package.sh renders for env
    assert configuration["TemplatePath"] == "BuildOutput::packaged.yaml"
    assert configuration["TemplateConfiguration"] == f"BuildOutput::config/{env}.json"
    assert set(configuration["Capabilities"].split(",")) == {"CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"}
    assert configuration["StackName"] == {"Fn::Sub": "${ApplicationName}-" + env}
    assert buildspec["artifacts"]["base-directory"] == "build/deploy"
    assert {"packaged.yaml", "config/*.json"} <= set(buildspec["artifacts"]["files"])
    assert f'for env in staging prod' in (REPO_ROOT / "scripts" / "package.sh").read_text()


def smokeTest_should_callTheScriptWithTheStagingApiUrlAndKey_whenParsed(pipeline_template):
    # GIVEN the smoke-test action and its project
    (action,) = stage(pipeline_template, "SmokeTestStaging")["Actions"]
    (staging,) = stage(pipeline_template, "DeployStaging")["Actions"]
    project = pipeline_template["Resources"]["SmokeTestProject"]["Properties"]
    variables = json.loads(action["Configuration"]["EnvironmentVariables"])
    staging_outputs = translate_app_template(environment_parameters("staging"))["Outputs"]

    # WHEN / THEN it passes the staging stack's ApiUrl and ApiKeyId outputs to scripts/smoke-test.sh,
    # which reads the key's value and sends it (test_smoke_test_script.py)
    assert variables == [{"name": "API_URL", "value": "#{StagingStack.ApiUrl}", "type": "PLAINTEXT"},
                         {"name": "API_KEY_ID", "value": "#{StagingStack.ApiKeyId}", "type": "PLAINTEXT"}]
    assert staging["Namespace"] == "StagingStack"
    assert {"ApiUrl", "ApiKeyId"} <= set(staging_outputs)
    assert "Condition" not in staging_outputs["ApiKeyId"]  # the variable must always resolve
    assert 'scripts/smoke-test.sh --api-key-id "$API_KEY_ID" "$API_URL"' in project["Source"]["BuildSpec"]


def smokeTestRole_should_readApiKeysOnly_whenParsed(pipeline_template):
    # GIVEN the smoke test's role / WHEN collecting its API Gateway statements
    statements = [s for s in role_statements(pipeline_template, "SmokeTestRole")
                  if any(a.startswith("apigateway:") for a in as_list(s["Action"]))]

    # THEN it may read API keys of this region (get-api-key --include-value), nothing else of API Gateway
    assert len(statements) == 1
    assert as_list(statements[0]["Action"]) == ["apigateway:GET"]
    assert as_list(statements[0]["Resource"]) == [
        {"Fn::Sub": "arn:${AWS::Partition}:apigateway:${AWS::Region}::/apikeys/*"}]


def appDeployRole_should_manageUsagePlansKeysAndTheDashboard_whenParsed(pipeline_template):
    # GIVEN the application role's API Gateway and dashboard statements
    statements = role_statements(pipeline_template, "AppDeployRole")
    apigateway = [r["Fn::Sub"] for s in statements if "apigateway:POST" in as_list(s["Action"])
                  for r in as_list(s["Resource"])]
    dashboards = [r["Fn::Sub"] for s in statements if "cloudwatch:PutDashboard" in as_list(s["Action"])
                  for r in as_list(s["Resource"])]

    # WHEN / THEN it reaches usage plans and keys of its region, and only the stacks' own dashboards
    for path in ("/usageplans", "/usageplans/*", "/apikeys", "/apikeys/*"):
        assert f"arn:${{AWS::Partition}}:apigateway:${{AWS::Region}}::{path}" in apigateway, path
    assert sorted(dashboards) == sorted(
        f"arn:${{AWS::Partition}}:cloudwatch::${{AWS::AccountId}}:dashboard/${{ApplicationName}}-{env}-*"
        for env in ("staging", "prod"))


def approval_should_beSwitchable_whenParsed(pipeline_template):
    # GIVEN / WHEN the approval stage / THEN it exists only under RequireManualApproval (default on)
    stage_list = pipeline_template["Resources"]["Pipeline"]["Properties"]["Stages"]
    (conditional,) = [s for s in stage_list if "Fn::If" in s]
    assert conditional["Fn::If"][0] == "ApproveProd"
    assert conditional["Fn::If"][2] == {"Ref": "AWS::NoValue"}
    assert conditional["Fn::If"][1]["Actions"][0]["ActionTypeId"]["Provider"] == "Manual"
    assert pipeline_template["Parameters"]["RequireManualApproval"]["Default"] == "true"


def prodDeploy_should_assumeTheProdAccountRoles_whenCrossAccount(pipeline_template):
    # GIVEN the prod deploy action / WHEN ProdAccountId is set
    (action,) = stage(pipeline_template, "DeployProd")["Actions"]

    # THEN CodePipeline assumes the prod account's action role and passes its CloudFormation role
    assert action["RoleArn"]["Fn::If"] == ["CrossAccountProd", {"Ref": "ProdDeployActionRoleArn"}, {"Ref": "AWS::NoValue"}]
    assert action["Configuration"]["RoleArn"]["Fn::If"][:2] == ["CrossAccountProd", {"Ref": "ProdCloudFormationExecutionRoleArn"}]


def artifactStore_should_beKmsEncryptedAndTlsOnly_whenParsed(pipeline_template):
    # GIVEN the artifact bucket, its policy and the pipeline's artifact store
    resources = pipeline_template["Resources"]
    bucket = resources["ArtifactBucket"]["Properties"]
    statements = resources["ArtifactBucketPolicy"]["Properties"]["PolicyDocument"]["Statement"]
    store = resources["Pipeline"]["Properties"]["ArtifactStore"]

    # WHEN / THEN everything is encrypted with the rotated key and plain HTTP is denied
    (encryption,) = bucket["BucketEncryption"]["ServerSideEncryptionConfiguration"]
    assert encryption["ServerSideEncryptionByDefault"] == {"SSEAlgorithm": "aws:kms",
                                                           "KMSMasterKeyID": {"Fn::GetAtt": ["ArtifactKey", "Arn"]}}
    assert store["EncryptionKey"] == {"Type": "KMS", "Id": {"Fn::GetAtt": ["ArtifactKey", "Arn"]}}
    assert resources["ArtifactKey"]["Properties"]["EnableKeyRotation"] is True
    assert all(bucket["PublicAccessBlockConfiguration"].values())
    deny_plain_http = [s for s in statements if s.get("Effect") == "Deny"
                       and s["Condition"] == {"Bool": {"aws:SecureTransport": "false"}}]
    assert len(deny_plain_http) == 1 and deny_plain_http[0]["Action"] == "s3:*"


def roles_should_grantNoWildcardOrAdministratorPermissions_whenParsed(pipeline_template):
    # GIVEN every IAM role of the pipeline stack
    roles = resources_of_type(pipeline_template, "AWS::IAM::Role")

    # WHEN / THEN no role carries a managed policy, a `*` action or a service-wide `service:*`
    assert len(roles) >= 6
    for name, role in roles.items():
        assert "ManagedPolicyArns" not in role["Properties"], name
        for action in actions_of(role_statements(pipeline_template, name)):
            assert action != "*" and not action.endswith(":*"), f"{name}: {action}"


def dataStatements_should_neverTargetEveryResource_whenParsed(pipeline_template):
    # GIVEN every allow statement on DynamoDB, SQS or S3 in the pipeline stack's roles
    statements = [s for name in resources_of_type(pipeline_template, "AWS::IAM::Role")
                  for s in role_statements(pipeline_template, name)
                  if any(a.split(":")[0] in ("dynamodb", "sqs", "s3") for a in as_list(s["Action"]))]

    # WHEN / THEN each is scoped to named ARNs (the artifact bucket, <app>-staging-* / <app>-prod-*)
    assert statements
    for statement in statements:
        for resource in as_list(statement["Resource"]):
            assert resource != "*", statement
            if isinstance(resource, dict) and "Fn::Sub" in resource:
                assert re.search(r"(table/|:)\$\{ApplicationName\}-(staging|prod)-\*$|/\*$", resource["Fn::Sub"]) \
                    or resource["Fn::Sub"].startswith("${ArtifactBucket.Arn}"), resource


def appDeployRole_should_coverEveryResourceTypeOfTheApplication_whenParsed(pipeline_template):
    # GIVEN the resource types the translated application template creates (every condition on)
    parameters = {**environment_parameters("prod"), "ManageApiGatewayAccountRole": "true", "AlarmEmail": "ops@example.com"}
    app_types = {r["Type"] for r in translate_app_template(parameters)["Resources"].values()}
    granted = actions_of(role_statements(pipeline_template, "AppDeployRole"))

    # WHEN / THEN each type's create action is granted, so a new type cannot slip in unreviewed
    unknown = app_types - set(CREATE_ACTION_BY_TYPE)
    assert not unknown, f"add the create permission for {unknown} to AppDeployRole and to this map"
    missing = {t: CREATE_ACTION_BY_TYPE[t] for t in app_types if CREATE_ACTION_BY_TYPE[t] not in granted}
    assert not missing


def appDeployRole_should_notReachThePipelineStack_whenParsed(pipeline_template):
    # GIVEN the application role's IAM statements
    statements = [s for s in role_statements(pipeline_template, "AppDeployRole")
                  if any(a.startswith("iam:") for a in as_list(s["Action"]))]

    # WHEN / THEN it manages and passes only roles of the staging / prod stacks (never the pipeline's)
    assert statements
    for statement in statements:
        for resource in as_list(statement["Resource"]):
            assert re.search(r":role/\$\{ApplicationName\}-(staging|prod)-\*$", resource["Fn::Sub"]), resource


def pullRequestProject_should_buildAndTestWithoutDeployRights_whenEnabled(pipeline_template):
    # GIVEN the pull-request project and its role
    project = pipeline_template["Resources"]["PullRequestProject"]
    statements = role_statements(pipeline_template, "PullRequestRole")
    (filters,) = project["Properties"]["Triggers"]["FilterGroups"]

    # WHEN / THEN it runs on PR events against the branch, skips packaging and reaches no S3 or KMS
    assert project["Condition"] == "BuildPullRequests"
    assert {"Type": "BASE_REF", "Pattern": {"Fn::Sub": "^refs/heads/${BranchName}$"}} in filters
    assert "PULL_REQUEST_UPDATED" in next(f["Pattern"] for f in filters if f["Type"] == "EVENT")
    assert {"Name": "HN_PACKAGE", "Value": "false"} in project["Properties"]["Environment"]["EnvironmentVariables"]
    assert project["Properties"]["Source"]["ReportBuildStatus"] is True
    assert not any(a.startswith(("s3:", "kms:", "cloudformation:", "iam:")) for a in actions_of(statements))


# ---------------------------------------------------------------- moto


@pytest.fixture(scope="module")
def pipeline_stack(pipeline_template):
    parameters = {"GitHubRepository": "example/hn-deepest",
                  "ConnectionArn": "arn:aws:codeconnections:us-east-1:123456789012:connection/"
                                   "0d2c5b6e-1111-2222-3333-444455556666"}
    with MotoServer() as moto:
        yield moto, deploy(moto, "hn-deepest-pipeline", for_moto(pipeline_template), parameters)


def artifactBucket_should_beEncryptedWithTheRotatedArtifactKey_whenDeployedToMoto(pipeline_stack):
    # GIVEN the bucket and key moto created
    moto, ids = pipeline_stack
    kms = moto.client("kms")
    # (list_keys, not describe_key: moto's CloudFormation keeps KeyPolicy as an object, which its
    # DescribeKey then fails to parse)
    key_arn = next(k["KeyArn"] for k in kms.list_keys()["Keys"] if k["KeyId"] == ids["ArtifactKey"])

    # WHEN reading the bucket's default encryption
    # (moto's CloudFormation applies only BucketEncryption and Tags to a bucket: versioning and the
    # public access block are asserted on the template in artifactStore_should_...)
    (rule,) = moto.client("s3").get_bucket_encryption(Bucket=ids["ArtifactBucket"])["ServerSideEncryptionConfiguration"]["Rules"]

    # THEN it is SSE-KMS with the stack's key, whose rotation is on, behind the stack's alias
    assert rule["ApplyServerSideEncryptionByDefault"] == {"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": key_arn}
    assert kms.get_key_rotation_status(KeyId=ids["ArtifactKey"])["KeyRotationEnabled"] is True
    aliases = kms.list_aliases(KeyId=ids["ArtifactKey"])["Aliases"]
    assert [a["AliasName"] for a in aliases] == ["alias/hn-deepest-pipeline-artifacts"]


def pipelineRoles_should_existWithInlinePoliciesOnly_whenDeployedToMoto(pipeline_stack):
    # GIVEN / WHEN the roles moto created (GitHub with an existing connection: no PR project)
    moto, ids = pipeline_stack
    iam = moto.client("iam")
    roles = ["BuildRole", "SmokeTestRole", "PipelineRole", "AppDeployRole", "PipelineDeployRole"]

    # THEN each has its one inline policy and no attached managed policy
    for role in roles:
        assert len(iam.list_role_policies(RoleName=ids[role])["PolicyNames"]) == 1, role
        assert not iam.list_attached_role_policies(RoleName=ids[role])["AttachedPolicies"], role
    assert "PullRequestRole" not in ids and "CodeCommitPushRule" not in ids


def renderStackConfig_should_writeParametersAndTags_whenEnvironmentExists(tmp_path):
    # GIVEN samconfig.toml / WHEN rendering the prod configuration
    output = tmp_path / "prod.json"
    result = subprocess.run([sys.executable, str(REPO_ROOT / "scripts" / "render-stack-config.py"), "prod", str(output)],
                            capture_output=True, text=True, check=False)

    # THEN the file holds exactly samconfig's prod overrides and tags
    assert result.returncode == 0, result.stderr
    config = json.loads(output.read_text())
    assert config["Parameters"] == environment_parameters("prod")
    assert config["Tags"] == {"application": "hn-deepest", "environment": "prod"}


def renderStackConfig_should_failClearly_whenEnvironmentIsUnknown(tmp_path):
    # GIVEN / WHEN rendering an environment samconfig.toml does not define
    result = subprocess.run([sys.executable, str(REPO_ROOT / "scripts" / "render-stack-config.py"), "qa",
                             str(tmp_path / "qa.json")], capture_output=True, text=True, check=False)

    # THEN it exits 1 with the reason and writes nothing
    assert result.returncode == 1
    assert "[qa.deploy.parameters]" in result.stderr
    assert not (tmp_path / "qa.json").exists()
