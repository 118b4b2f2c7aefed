"""The `sam build` route (template Metadata + root Makefile), checked without running Maven; the
real build runs in scripts/check-infra.sh."""
import os
import re
import subprocess

import pytest

from conftest import APP_TEMPLATE, REPO_ROOT, load_template, resources_of_type

MAKEFILE = REPO_ROOT / "Makefile"


def functions() -> dict[str, dict]:
    return resources_of_type(load_template(APP_TEMPLATE), "AWS::Serverless::Function")


@pytest.mark.parametrize("logical_id", sorted(functions()))
def function_should_buildThroughTheRootMakefile_whenSamBuilds(logical_id):
    # GIVEN the function's build metadata and the Makefile's targets
    resource = functions()[logical_id]
    targets = set(re.findall(r"^(build-\w+):", MAKEFILE.read_text(), flags=re.MULTILINE))
    module = resource["Properties"]["CodeUri"].rstrip("/")

    # WHEN / THEN SAM runs make in the repository on the root Makefile's target for it, whose
    # recipe packages the function's own Maven module
    assert resource["Metadata"] == {"BuildMethod": "makefile", "ContextPath": ".", "WorkingDirectory": "."}
    assert f"build-{logical_id}" in targets
    assert (REPO_ROOT / module / "pom.xml").is_file()
    recipe = re.search(rf"^build-{logical_id}:\n\t(.+)$", MAKEFILE.read_text(), flags=re.MULTILINE).group(1)
    assert recipe == f"$(call package_function,{module})"


def makeTarget_should_refuseToRun_whenNotCalledBySamBuild():
    # GIVEN no ARTIFACTS_DIR (sam build sets it) / WHEN running a target directly
    env = {k: v for k, v in os.environ.items() if k != "ARTIFACTS_DIR"}
    run = subprocess.run(["make", "-f", str(MAKEFILE), "build-WorkerFunction"], capture_output=True,
                         text=True, env=env, cwd=REPO_ROOT, timeout=60)

    # THEN it stops before building, saying why
    assert run.returncode != 0
    assert "ARTIFACTS_DIR is not set" in run.stderr
