"""scripts/smoke-test.sh against a scripted fake of the jobs API: an http.server on 127.0.0.1, port 0,
under a /prod stage prefix, started per test and stopped after it."""
import json
import os
import subprocess
import threading
import time
from pathlib import Path
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest

from conftest import REPO_ROOT

SCRIPT = REPO_ROOT / "scripts" / "smoke-test.sh"
JOB_ID = "0f8e2c1a-5b7d-4e3f-9a10-3c2d1e0f9a8b"
RESULT = {"storyId": 41234567, "type": "story", "title": "Deep thread", "depth": 17, "comments": 312,
          "deepestPath": [41234600, 41234711], "window": {"hours": 1, "from": 1717996400, "to": 1718000000}}


class FakeJobsApi:
    """Answers POST /prod/jobs with `submit` and each GET /prod/jobs/{id} with the next of `polls`
    (the last one repeats); records the requests. With `api_key`, a request without that x-api-key
    gets API Gateway's INVALID_API_KEY answer (403) instead."""

    def __init__(self, submit=(202, {"jobId": JOB_ID, "status": "PENDING"}), polls=(), location=f"/jobs/{JOB_ID}",
                 api_key=None):
        # A location starting with "/" is answered under the stage URL, as the job API does.
        self.submit, self.polls, self.location, self.api_key = submit, list(polls), location, api_key
        self.requests = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def answer(self, status, body, headers=()):
                payload = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                for name, value in headers:
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(payload)

            def refused(self):
                if fake.api_key is None or self.headers.get("x-api-key") == fake.api_key:
                    return False
                self.answer(403, {"type": "about:blank", "title": "Forbidden", "status": 403})
                return True

            def do_POST(self):
                fake.requests.append(("POST", self.path, dict(self.headers)))
                if self.refused():
                    return
                status, body = fake.submit
                location = fake.base_url + fake.location if (fake.location or "").startswith("/") else fake.location
                headers = [("Location", location)] if status == 202 and location else []
                self.answer(status, body, headers)

            def do_GET(self):
                fake.requests.append(("GET", self.path, dict(self.headers)))
                if self.refused():
                    return
                if urlparse(self.path).path != f"/prod/jobs/{JOB_ID}":
                    return self.answer(404, {"title": "Not Found", "status": 404})
                state = fake.polls.pop(0) if len(fake.polls) > 1 else fake.polls[0]
                self.answer(200, {"jobId": JOB_ID, **state})

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/prod"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


def run_script(*args, timeout_seconds=5, env=None):
    env = {**{k: v for k, v in os.environ.items() if k != "SMOKE_API_KEY"}, "SMOKE_TIMEOUT_SECONDS": str(timeout_seconds),
           "SMOKE_POLL_SECONDS": "0.2", **(env or {})}
    return subprocess.run(["bash", str(SCRIPT), *args], capture_output=True, text=True, env=env, timeout=60)


def fake_aws(directory: Path, answer: str, exit_code: int = 0) -> tuple[dict, Path]:
    """An `aws` on PATH that records its arguments and prints `answer` (the AWS CLI's text output)."""
    bin_dir = directory / "bin"
    bin_dir.mkdir()
    calls = directory / "aws-calls.txt"
    script = bin_dir / "aws"
    script.write_text(f"""#!/usr/bin/env bash
printf '%s\\n' "$*" >> '{calls}'
printf '%s\\n' '{answer}'
exit {exit_code}
""")
    script.chmod(0o755)
    return {"PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}, calls


def smokeTest_should_passAndPrintTheResult_whenJobSucceeds():
    # GIVEN an API whose job runs once, then succeeds
    polls = [{"status": "RUNNING", "progress": {"storiesDone": 1, "storiesTotal": 2}},
             {"status": "SUCCEEDED", "result": RESULT}]
    with FakeJobsApi(polls=polls) as api:
        # WHEN running the smoke test against the stage URL (with a trailing slash)
        run = run_script(api.base_url + "/")

    # THEN it exits 0, prints the result, and sent one idempotent POST with hours=1
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout[run.stdout.index("{"):run.stdout.rindex("}") + 1])["storyId"] == 41234567
    assert "PASS" in run.stdout
    posts = [r for r in api.requests if r[0] == "POST"]
    assert len(posts) == 1
    assert urlparse(posts[0][1]).path == "/prod/jobs"
    assert parse_qs(urlparse(posts[0][1]).query) == {"hours": ["1"]}
    assert posts[0][2].get("Idempotency-Key", "").startswith("smoke-")
    assert [r[1] for r in api.requests if r[0] == "GET"] == [f"/prod/jobs/{JOB_ID}"] * 2


def smokeTest_should_submitTheGivenHours_whenHoursArgumentGiven():
    # GIVEN an API that succeeds at once / WHEN asking for 6 hours
    with FakeJobsApi(polls=[{"status": "SUCCEEDED", "result": RESULT}]) as api:
        run = run_script(api.base_url, "6")

    # THEN the POST carries hours=6
    assert run.returncode == 0, run.stderr
    assert parse_qs(urlparse(api.requests[0][1]).query) == {"hours": ["6"]}


def smokeTest_should_failWithTheJobsError_whenJobFails():
    # GIVEN an API whose job fails
    error = {"type": "about:blank", "title": "Job failed", "detail": "batch 3 exhausted its retries"}
    with FakeJobsApi(polls=[{"status": "FAILED", "error": error}]) as api:
        # WHEN running the smoke test
        run = run_script(api.base_url)

    # THEN it exits 1 and says why
    assert run.returncode == 1
    assert "FAILED" in run.stderr and "batch 3 exhausted its retries" in run.stderr


def smokeTest_should_giveUpWithinBoundedTime_whenJobNeverFinishes():
    # GIVEN an API whose job stays RUNNING
    with FakeJobsApi(polls=[{"status": "RUNNING", "progress": {"storiesDone": 0, "storiesTotal": 9}}]) as api:
        # WHEN running the smoke test with a 2 s budget
        started = time.monotonic()
        run = run_script(api.base_url, timeout_seconds=2)
        elapsed = time.monotonic() - started

    # THEN it exits 1 naming the timeout, well within a generous bound
    assert run.returncode == 1
    assert "still RUNNING" in run.stderr and "after 2s" in run.stderr
    assert elapsed < 30


@pytest.mark.parametrize("submit,location,message", [
    ((400, {"title": "Bad Request", "status": 400}), f"/jobs/{JOB_ID}", "answered 400, expected 202"),
    ((202, {"jobId": JOB_ID, "status": "PENDING"}), None, "without a Location header"),
    ((202, {"jobId": JOB_ID, "status": "PENDING"}), "/jobs/another-job", "does not point at job"),
    # the first release's bug: a path that a client resolves against the host, losing the stage
    ((202, {"jobId": JOB_ID, "status": "PENDING"}), f"http://127.0.0.1:9/jobs/{JOB_ID}", "does not point at job"),
    ((202, {"status": "PENDING"}), f"/jobs/{JOB_ID}", "no jobId"),
])
def smokeTest_should_failClearly_whenSubmitMisbehaves(submit, location, message):
    # GIVEN an API whose POST /jobs answer is wrong
    with FakeJobsApi(submit=submit, location=location, polls=[{"status": "SUCCEEDED", "result": RESULT}]) as api:
        # WHEN running the smoke test
        run = run_script(api.base_url)

    # THEN it exits 1 with the reason and never polls
    assert run.returncode == 1
    assert message in run.stderr
    assert not [r for r in api.requests if r[0] == "GET"]


@pytest.mark.parametrize("args", [[], ["not-a-url"], ["http://127.0.0.1:9/prod", "abc"],
                                  ["http://127.0.0.1:9/prod", "0"], ["http://127.0.0.1:9/prod", "1", "extra"]])
def smokeTest_should_exitWithUsage_whenArgumentsAreInvalid(args):
    # GIVEN / WHEN invalid arguments
    run = run_script(*args)

    # THEN it exits 2 with the usage line, before any request
    assert run.returncode == 2
    assert "usage:" in run.stderr


SUCCEEDS = [{"status": "SUCCEEDED", "result": RESULT}]
API_KEY = "k3yV4lue-0f8e2c1a5b7d4e3f9a10"


def smokeTest_should_sendTheKeyOnEveryRequest_whenSmokeApiKeyIsSet():
    # GIVEN an API that refuses requests without its key
    with FakeJobsApi(polls=[{"status": "RUNNING"}, *SUCCEEDS], api_key=API_KEY) as api:
        # WHEN running the smoke test with the key in the environment
        run = run_script(api.base_url, env={"SMOKE_API_KEY": API_KEY})

    # THEN every request carried it as x-api-key, and it was never printed
    assert run.returncode == 0, run.stderr
    assert [r[2].get("x-api-key") for r in api.requests] == [API_KEY] * 3
    assert API_KEY not in run.stdout + run.stderr


def smokeTest_should_readTheKeysValueFromApiGateway_whenGivenTheStacksKeyId(tmp_path):
    # GIVEN an API that needs a key and an AWS CLI that knows the key's value
    path, calls = fake_aws(tmp_path, API_KEY)
    with FakeJobsApi(polls=SUCCEEDS, api_key=API_KEY) as api:
        # WHEN running the smoke test with the stack's ApiKeyId output, as the pipeline does
        run = run_script("--api-key-id", "a1b2c3d4e5", api.base_url, "1", env=path)

    # THEN it asked API Gateway for that key's value once, sent it, and never printed it
    assert run.returncode == 0, run.stderr
    assert calls.read_text().splitlines() == [
        "apigateway get-api-key --api-key a1b2c3d4e5 --include-value --query value --output text"]
    assert {r[2].get("x-api-key") for r in api.requests} == {API_KEY}
    assert API_KEY not in run.stdout + run.stderr


def smokeTest_should_sendNoKeyAndAskNothing_whenTheStackHasNone(tmp_path):
    # GIVEN a keyless API (dev, local) and the output "none" of a stack without keys
    path, calls = fake_aws(tmp_path, "unused")
    with FakeJobsApi(polls=SUCCEEDS) as api:
        # WHEN running the smoke test with it, and without any key
        with_none = run_script("--api-key-id", "none", api.base_url, env=path)
        without = run_script(api.base_url, env=path)

    # THEN no request carries a key and the AWS CLI is never called
    assert with_none.returncode == 0 and without.returncode == 0, with_none.stderr + without.stderr
    assert not [r for r in api.requests if "x-api-key" in r[2]]
    assert not calls.exists()


def smokeTest_should_failNamingTheRefusal_whenTheApiNeedsAKeyItWasNotGiven():
    # GIVEN an API that needs a key / WHEN running the smoke test without one
    with FakeJobsApi(polls=SUCCEEDS, api_key=API_KEY) as api:
        run = run_script(api.base_url)

    # THEN it exits 1 with API Gateway's 403, says how to give a key, and never polls
    assert run.returncode == 1
    assert "answered 403 without an API key" in run.stderr and "--api-key-id" in run.stderr
    assert not [r for r in api.requests if r[0] == "GET"]


@pytest.mark.parametrize("answer,exit_code,message", [
    ("An error occurred (NotFoundException)", 254, "cannot read the value of API key a1b2c3d4e5"),
    ("None", 0, "API key a1b2c3d4e5 has no value"),
])
def smokeTest_should_failBeforeAnyRequest_whenTheKeysValueCannotBeRead(tmp_path, answer, exit_code, message):
    # GIVEN an AWS CLI that cannot give the key's value
    path, _ = fake_aws(tmp_path, answer, exit_code)
    with FakeJobsApi(polls=SUCCEEDS, api_key=API_KEY) as api:
        # WHEN running the smoke test with the key's id
        run = run_script("--api-key-id", "a1b2c3d4e5", api.base_url, env=path)

    # THEN it exits 1 saying so, and sends nothing
    assert run.returncode == 1
    assert message in run.stderr
    assert not api.requests


@pytest.mark.parametrize("args", [["--api-key", "k", "--api-key-id", "i", "http://127.0.0.1:9/prod"],
                                  ["--api-key"], ["--api-key-id", "", "http://127.0.0.1:9/prod"],
                                  ["--verbose", "http://127.0.0.1:9/prod"]])
def smokeTest_should_exitWithUsage_whenKeyOptionsAreInvalid(args):
    # GIVEN / WHEN two key options, a missing value or an unknown option
    run = run_script(*args)

    # THEN it exits 2 with the usage line, before any request
    assert run.returncode == 2
    assert "usage:" in run.stderr and "--api-key-id" in run.stderr
