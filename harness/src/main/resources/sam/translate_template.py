"""Translates a SAM template into plain CloudFormation, offline, as `sam validate` and `sam deploy` do:
aws-sam-translator from the project venv, no AWS call. The local stack reads the result.

Usage: <venv>/bin/python translate_template.py TEMPLATE PARAMETERS_JSON
Prints {"template": <CloudFormation JSON>, "codeUris": {<function logical id>: <CodeUri>}} on stdout;
the translator needs an S3 location for code, so CodeUri is swapped for one and reported here.
"""
import json
import logging
import os
import sys

# The translator reads a region and never contacts AWS here; no real credentials are ever used.
os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
os.environ["AWS_ACCESS_KEY_ID"] = "local"
os.environ["AWS_SECRET_ACCESS_KEY"] = "local"
os.environ.pop("AWS_PROFILE", None)

from samtranslator.translator.transform import transform  # noqa: E402
from samtranslator.yaml_helper import yaml_parse  # noqa: E402

logging.getLogger("samtranslator").setLevel(logging.ERROR)


class NoManagedPolicies:
    """The managed-policy lookup, offline: the template names no managed policy by name."""

    def load(self):
        return {}


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[-3], file=sys.stderr)
        return 2
    with open(argv[1]) as f:
        template = yaml_parse(f.read())
    with open(argv[2]) as f:
        parameters = json.load(f)
    code_uris = {}
    for name, resource in template.get("Resources", {}).items():
        if resource.get("Type") == "AWS::Serverless::Function":
            properties = resource.setdefault("Properties", {})
            code_uris[name] = properties.get("CodeUri")
            properties["CodeUri"] = f"s3://hn-deepest-local-code/{name}.zip"
    translated = transform(template, parameters, NoManagedPolicies())
    json.dump({"template": translated, "codeUris": code_uris}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
