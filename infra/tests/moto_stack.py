"""Runs moto in server mode on 127.0.0.1 and prepares translated templates for its CloudFormation.

moto's CloudFormation creates the resource types it knows and only warns about the others, and a
Ref/GetAtt to a resource it skipped cannot resolve. MOTO_UNSUPPORTED lists the types our templates
use that moto 5.2.5 cannot create; `for_moto` removes them and stands in for references to them, so
the rest of the stack deploys for real. Their properties are asserted on the translated template
(test_app_template.py, test_pipeline_template.py) instead.
"""
import copy
import io
import json
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

import boto3

MOTO_UNSUPPORTED = {
    "AWS::ApiGateway::Account",            # account-wide logging role
    "AWS::ApiGateway::Stage",              # the stage is created with the deployment instead
    "AWS::ApiGateway::Deployment",         # needs the OpenAPI body, which moto's RestApi ignores; the
                                           # test imports the body with put_rest_api and deploys it
    "AWS::ApiGateway::UsagePlan",          # usage plans, keys and their link: no CloudFormation model
    "AWS::ApiGateway::ApiKey",
    "AWS::ApiGateway::UsagePlanKey",
    "AWS::CloudWatch::Alarm",
    "AWS::CodeDeploy::Application",
    "AWS::CodeDeploy::DeploymentGroup",
    "AWS::Lambda::Alias",                  # references to an alias are rewired to its function
    "AWS::SNS::Subscription",
    "AWS::SQS::QueuePolicy",
    "AWS::S3::BucketPolicy",
    "AWS::CodeBuild::Project",
    "AWS::CodePipeline::Pipeline",
    "AWS::CodeStarConnections::Connection",
}
REGION = "us-east-1"


class MotoServer:
    """moto_server on a free loopback port; use as a context manager."""

    def __init__(self):
        self.process = None
        self.endpoint = None

    def __enter__(self):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        executable = Path(sys.executable).parent / "moto_server"
        self.process = subprocess.Popen(
            [str(executable), "-H", "127.0.0.1", "-p", str(port)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.endpoint = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{self.endpoint}/moto-api/", timeout=1).close()
                return self
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.__exit__(None, None, None)
                    raise RuntimeError(f"moto_server did not start on {self.endpoint}")
                time.sleep(0.1)

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def client(self, service: str):
        return boto3.client(service, endpoint_url=self.endpoint, region_name=REGION,
                            aws_access_key_id="testing", aws_secret_access_key="testing")


def upload_code(moto: MotoServer, bucket: str, key: str) -> None:
    """A tiny zip where `sam package` would have put the function jars: moto only stores it."""
    s3 = moto.client("s3")
    s3.create_bucket(Bucket=bucket)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("lib/placeholder.txt", "moto does not run the functions")
    s3.put_object(Bucket=bucket, Key=key, Body=buffer.getvalue())


def for_moto(template: dict) -> dict:
    """A copy of a translated template without MOTO_UNSUPPORTED resources; Refs to an alias point at
    its function, other references to removed resources get a stand-in value."""
    template = copy.deepcopy(template)
    resources = template["Resources"]
    alias_function = {name: r["Properties"]["FunctionName"]["Ref"]
                      for name, r in resources.items() if r["Type"] == "AWS::Lambda::Alias"}
    removed = {name for name, r in resources.items() if r["Type"] in MOTO_UNSUPPORTED}
    for name in removed:
        del resources[name]

    def stand_in(name: str, attribute: str = "Ref") -> str:
        return f"arn:aws:moto-unsupported:{REGION}:123456789012:{name}/{attribute}"

    def rewrite(node):
        if isinstance(node, dict):
            if set(node) == {"Ref"} and node["Ref"] in removed:
                target = alias_function.get(node["Ref"])
                return {"Ref": target} if target else stand_in(node["Ref"])
            if set(node) == {"Fn::GetAtt"} and node["Fn::GetAtt"][0] in removed:
                return stand_in(*node["Fn::GetAtt"][:2])
            if set(node) == {"Fn::Sub"} and isinstance(node["Fn::Sub"], str):
                text = node["Fn::Sub"]
                for name in removed:
                    replacement = alias_function.get(name)
                    text = text.replace("${%s}" % name, "${%s}" % replacement if replacement else stand_in(name))
                    text = re.sub(r"\$\{%s\.([A-Za-z]+)\}" % re.escape(name), lambda m: stand_in(name, m.group(1)), text)
                return {"Fn::Sub": text}
            return {key: rewrite(value) for key, value in node.items()
                    if not (key == "DependsOn" and value in removed)}
        if isinstance(node, list):
            return [rewrite(item) for item in node if not (isinstance(item, str) and item in removed)]
        return node

    for name in list(resources):
        resource = rewrite(resources[name])
        resource.pop("UpdatePolicy", None)  # CodeDeploy traffic shifting, not modelled by moto
        resources[name] = resource
    template["Outputs"] = {name: output for name, output in template.get("Outputs", {}).items()
                           if not _mentions(output, removed)}
    template.pop("Rules", None)  # parameter assertions: CloudFormation-only
    return template


def _mentions(node, names: set[str]) -> bool:
    text = json.dumps(node)
    return any(f'"{name}"' in text or "${%s}" % name in text for name in names)


def deploy(moto: MotoServer, stack_name: str, template: dict, parameters: dict[str, str]) -> dict:
    """Creates the stack and returns {logical id: physical id}; raises if it did not complete."""
    cloudformation = moto.client("cloudformation")
    cloudformation.create_stack(
        StackName=stack_name,
        TemplateBody=json.dumps(template),
        Parameters=[{"ParameterKey": k, "ParameterValue": v} for k, v in parameters.items()],
        Capabilities=["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"])
    stack = cloudformation.describe_stacks(StackName=stack_name)["Stacks"][0]
    if stack["StackStatus"] != "CREATE_COMPLETE":
        raise AssertionError(f"{stack_name}: {stack['StackStatus']} {stack.get('StackStatusReason')}")
    summaries = cloudformation.list_stack_resources(StackName=stack_name)["StackResourceSummaries"]
    return {s["LogicalResourceId"]: s["PhysicalResourceId"] for s in summaries}
