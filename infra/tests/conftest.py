"""Shared fixtures for the infrastructure tests: the repository's templates, parsed and translated
by aws-sam-translator (offline), and the per-environment parameters from samconfig.toml."""
import logging
import os
import re
import shlex
import tomllib
from pathlib import Path

import pytest

# The translator needs a region and never contacts AWS here; no real credentials are ever used.
os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
os.environ["AWS_ACCESS_KEY_ID"] = "testing"
os.environ["AWS_SECRET_ACCESS_KEY"] = "testing"
os.environ.pop("AWS_PROFILE", None)

from samtranslator.translator.transform import transform  # noqa: E402
from samtranslator.yaml_helper import yaml_parse  # noqa: E402

# The translator logs feature-toggle notices on every transform; only errors matter here.
logging.getLogger("samtranslator").setLevel(logging.ERROR)

REPO_ROOT = Path(__file__).resolve().parents[2]
APP_TEMPLATE = REPO_ROOT / "template.yaml"
PIPELINE_TEMPLATE = REPO_ROOT / "pipeline" / "pipeline.yaml"
SAMCONFIG = REPO_ROOT / "samconfig.toml"
DESIGN = REPO_ROOT / "docs" / "DESIGN.md"
ENVIRONMENTS = ("dev", "staging", "prod")

# Where the tests pretend `sam package` put the function code (moto serves this bucket).
CODE_BUCKET = "hn-deepest-test-code"
CODE_KEY = "functions.zip"


class NoManagedPolicies:
    """The translator's managed-policy lookup, offline: the templates name no managed policy by name."""

    def load(self):
        return {}


def load_template(path: Path) -> dict:
    return yaml_parse(path.read_text())


def environment_parameters(env: str) -> dict[str, str]:
    """The parameter overrides that samconfig.toml holds for one environment."""
    with SAMCONFIG.open("rb") as f:
        samconfig = tomllib.load(f)
    overrides = samconfig[env]["deploy"]["parameters"]["parameter_overrides"]
    return dict(token.split("=", 1) for token in shlex.split(overrides))


def translate_app_template(parameters: dict[str, str]) -> dict:
    """template.yaml after the SAM transform, with CodeUri pointing at the packaged code in S3."""
    template = load_template(APP_TEMPLATE)
    for resource in template["Resources"].values():
        if resource["Type"] == "AWS::Serverless::Function":
            resource["Properties"]["CodeUri"] = f"s3://{CODE_BUCKET}/{CODE_KEY}"
    return transform(template, dict(parameters), NoManagedPolicies())


class Intrinsics:
    """Resolves the few intrinsics the assertions need (Ref to parameters, FindInMap, If on simple
    conditions); anything else is returned as is."""

    def __init__(self, template: dict, parameters: dict[str, str]):
        self.template = template
        self.parameters = {
            name: parameters.get(name, spec.get("Default"))
            for name, spec in template.get("Parameters", {}).items()
        }

    def resolve(self, node):
        if isinstance(node, dict) and len(node) == 1:
            (key, value), = node.items()
            if key == "Ref" and value in self.parameters:
                return self.parameters[value]
            if key == "Fn::FindInMap":
                name, top, second = (self.resolve(part) for part in value)
                return self.template["Mappings"][name][top][second]
        return node

    def number(self, node) -> int:
        return int(self.resolve(node))


def documented_metrics() -> dict[str, dict[str, str]]:
    """The rows of the table in docs/DESIGN.md's "## Metrics" section: {metric: {unit, emitted by}}."""
    section = DESIGN.read_text().split("\n## Metrics\n", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        match = re.fullmatch(r"\| `(\w+)` \| (\w+) \| ([^|]+) \| [^|]+ \|", line.strip())
        if match:
            rows[match.group(1)] = {"unit": match.group(2), "emitted by": match.group(3).strip()}
    return rows


def condition_holds(template: dict, parameters: dict[str, str], name: str) -> bool:
    """Evaluates one of the template's conditions (Equals / Not / And / Or / Condition on parameters)."""
    values = Intrinsics(template, parameters).parameters

    def evaluate(node):
        if isinstance(node, dict):
            (function, argument), = node.items()
            if function == "Fn::Equals":
                left, right = (values[a["Ref"]] if isinstance(a, dict) else a for a in argument)
                return str(left) == str(right)
            if function == "Fn::Not":
                return not evaluate(argument[0])
            if function == "Fn::And":
                return all(evaluate(a) for a in argument)
            if function == "Fn::Or":
                return any(evaluate(a) for a in argument)
            if function == "Condition":
                return evaluate(template["Conditions"][argument])
        raise AssertionError(f"cannot evaluate {node}")

    return evaluate(template["Conditions"][name])


def resources_of_type(template: dict, resource_type: str) -> dict[str, dict]:
    return {name: r for name, r in template["Resources"].items() if r["Type"] == resource_type}


def allow_statements(policy_document: dict) -> list[dict]:
    statements = policy_document.get("Statement", [])
    statements = statements if isinstance(statements, list) else [statements]
    return [s for s in statements if isinstance(s, dict) and s.get("Effect") == "Allow"]


def role_allow_statements(template: dict) -> list[tuple[str, dict]]:
    """Every allow statement of every IAM role's inline policies, with the role's logical id."""
    return [(name, statement)
            for name, role in resources_of_type(template, "AWS::IAM::Role").items()
            for policy in role["Properties"].get("Policies", [])
            for statement in allow_statements(policy["PolicyDocument"])]


def as_list(value) -> list:
    return value if isinstance(value, list) else [value]


@pytest.fixture(scope="session")
def prod_template() -> dict:
    return translate_app_template(environment_parameters("prod"))


@pytest.fixture(scope="session")
def dev_template() -> dict:
    return translate_app_template(environment_parameters("dev"))


@pytest.fixture(scope="session")
def prod_intrinsics(prod_template) -> Intrinsics:
    return Intrinsics(prod_template, environment_parameters("prod"))


@pytest.fixture(scope="session")
def pipeline_template() -> dict:
    return load_template(PIPELINE_TEMPLATE)
