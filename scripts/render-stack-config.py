#!/usr/bin/env python3
"""Writes a CloudFormation template configuration file (the pipeline's TemplateConfiguration) for one
environment from samconfig.toml, so laptop deploys and pipeline deploys share one set of settings.

usage: render-stack-config.py ENV OUTPUT_JSON [SAMCONFIG]
"""
import json
import shlex
import sys
import tomllib
from pathlib import Path


def parse_assignments(text: str, what: str) -> dict[str, str]:
    """Parses SAM CLI's `Key="value" Other="value"` strings."""
    pairs = {}
    for token in shlex.split(text or ""):
        key, sep, value = token.partition("=")
        if not sep or not key:
            raise ValueError(f"{what}: expected Key=Value, got {token!r}")
        pairs[key] = value
    return pairs


def stack_config(samconfig: dict, env: str) -> dict:
    try:
        deploy = samconfig[env]["deploy"]["parameters"]
    except KeyError:
        raise ValueError(f"samconfig.toml has no [{env}.deploy.parameters] section") from None
    return {
        "Parameters": parse_assignments(deploy.get("parameter_overrides", ""), f"{env} parameter_overrides"),
        "Tags": parse_assignments(deploy.get("tags", ""), f"{env} tags"),
    }


def main(argv: list[str]) -> int:
    if len(argv) not in (3, 4):
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    env, output = argv[1], Path(argv[2])
    samconfig_path = Path(argv[3]) if len(argv) == 4 else Path(__file__).resolve().parent.parent / "samconfig.toml"
    with samconfig_path.open("rb") as f:
        samconfig = tomllib.load(f)
    try:
        config = stack_config(samconfig, env)
    except ValueError as error:
        print(f"render-stack-config: {error}", file=sys.stderr)
        return 1
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(config, indent=2, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
