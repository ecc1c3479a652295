"""The app and its per-environment configuration, and the static checks users run on them."""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import aws_cdk as cdk
import aws_cdk.aws_logs as logs
import pytest
import yaml

from opt_out_stack.environments import build_app, stack_settings
from opt_out_stack.prop_validation import PropError
from tests.conftest import ROOT

CONTEXT = json.loads((ROOT / "cdk.json").read_text())["context"]


@pytest.fixture(scope="module")
def make_synth() -> subprocess.CompletedProcess[str]:
    """``make synth``: the CDK CLI on the default environment (cdk.json, cdk-nag on, no credentials).

    One at a time: under ``pytest -n 2`` both workers may run this module's fixture, and the CDK CLI
    refuses a second synthesis into the same ``cdk.out``.
    """
    worktree = hashlib.sha256(bytes(ROOT)).hexdigest()[:12]
    lock_path = Path(tempfile.gettempdir()) / f"sms-opt-out-synth-{worktree}.lock"
    with lock_path.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return subprocess.run(
            ["make", "--no-print-directory", "synth"], cwd=ROOT, capture_output=True, text=True
        )


@pytest.fixture(scope="module")
def default_environment(make_synth: subprocess.CompletedProcess[str]) -> Path:
    assert make_synth.returncode == 0, make_synth.stderr
    return ROOT / "cdk.out" / "SmsOptOut-dev.template.json"


def test_the_default_environment_synthesizes_with_no_unacknowledged_finding(
    default_environment: Path,
) -> None:
    report = json.loads((default_environment.parent / "validation-report.json").read_text())

    assert all(plugin["conclusion"] == "success" for plugin in report["pluginReports"])
    assert {p["pluginName"] for p in report["pluginReports"]} == {"AwsSolutions", "Serverless"}


def test_the_stack_outputs_what_operators_and_applications_need(default_environment: Path) -> None:
    outputs = json.loads(default_environment.read_text())["Outputs"]

    assert set(outputs) == {
        "TableName", "InboundTopicArn", "SendFunctionName", "ReplyFunctionName",
        "ReplyDeadLetterQueueUrl", "SendDeadLetterQueueUrl", "DashboardName",
        "DeliveryFunctionName", "DeliveryDeadLetterQueueUrl",  # delivery events are on by default
        "ConfirmationDeadLetterQueueUrl",
    }  # fmt: skip


def test_the_default_environment_passes_cfn_lint(default_environment: Path) -> None:
    result = subprocess.run(
        [Path(sys.executable).parent / "cfn-lint", str(default_environment)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )

    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.fast
def test_the_environment_picks_account_region_and_props_from_context() -> None:
    props = stack_settings("prod", CONTEXT["environments"])

    assert (props["env"].account, props["env"].region) == ("111122223333", "us-east-1")
    assert props["phone_number_ids"] == CONTEXT["environments"]["prod"]["phoneNumberIds"]
    assert props["program_name"] == "Example Corp alerts"
    assert props["support_contact"] == "1-800-555-0100"


@pytest.mark.fast
def test_language_settings_take_the_props_in_camel_case() -> None:
    languages = {"languages": ["en", "fr"], "languageSettings": {"fr": {"helpMessage": "Aide."}}}
    environments = {"dev": {"phoneNumberIds": ["phone-0123456789abcdef0123456789abcdef"], **languages}}

    props = stack_settings("dev", environments)

    assert (props["languages"], props["language_settings"]) == (
        ["en", "fr"],
        {"fr": {"help_message": "Aide."}},
    )


@pytest.mark.fast
def test_every_prop_is_a_camel_case_key_with_json_values() -> None:
    environment = {
        "phoneNumberIds": [NUMBER],
        "memorySize": 512,
        "timeout": 10,
        "removalPolicy": "destroy",
        "logRetention": 30,
        "sendReservedConcurrency": 20,
        "protectConfigurationIds": ["protect-1"],
        "alarmTopic": "arn:aws:sns:us-east-1:111122223333:alarms",
    }

    props = stack_settings("dev", {"dev": environment})

    assert props["memory_size"] == 512 and props["timeout"].to_seconds() == 10
    assert props["removal_policy"] == cdk.RemovalPolicy.DESTROY
    assert props["log_retention"] == logs.RetentionDays.ONE_MONTH
    assert props["send_reserved_concurrency"] == 20 and props["protect_configuration_ids"] == ["protect-1"]
    assert props["alarm_topic"] == environment["alarmTopic"], "the stack imports it by ARN"


NUMBER = "phone-0123456789abcdef0123456789abcdef"


@pytest.mark.fast
@pytest.mark.parametrize(
    ("name", "environments", "message"),
    [
        ("qa", {"dev": {}}, "^environment: 'qa' is not in cdk.json's context.environments; use one of: dev$"),
        (
            "dev",
            {"dev": {"phoneNumbers": []}},
            "^environments.dev.phoneNumbers: \\[\\] is not a known key; did you mean 'phoneNumberIds'\\? "
            "allowed: account, region, .*phoneNumberIds",
        ),
        (
            "dev",
            {"dev": {"region": "us-east-1"}},
            "^environments.dev.phoneNumberIds: None is missing "
            "\\(and so are poolIds and rcsAgentIds\\); give",
        ),
        (
            "dev",
            {"dev": {"phoneNumberIds": [NUMBER], "timeout": "30s"}},
            "^environments.dev.timeout: '30s' is not a number of seconds",
        ),
        (
            "dev",
            {"dev": {"phoneNumberIds": [NUMBER], "logRetention": 31}},
            "^environments.dev.logRetention: 31 is not a CloudWatch Logs retention; give one of 1, 3",
        ),
    ],
)
def test_a_bad_environment_is_named(name: str, environments: dict[str, Any], message: str) -> None:
    with pytest.raises(PropError, match=message):
        stack_settings(name, environments)


def test_a_bad_prop_in_an_environment_is_named_by_its_key() -> None:
    environments = {"dev": {"phoneNumberIds": [NUMBER], "memorySize": 64}}
    app = cdk.App(context={"environments": environments})

    with pytest.raises(
        PropError, match=r"^environments\.dev\.memorySize: 64 is outside Lambda's 128 to 10240 MB"
    ):
        build_app(app)


def test_the_app_reports_a_bad_environment_in_one_line_without_a_traceback(tmp_path: Path) -> None:
    context = {"environments": {"dev": {"phoneNumberIds": "phone-0123456789abcdef0123456789abcdef"}}}
    result = subprocess.run(
        [sys.executable, str(ROOT / "app.py")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "CDK_CONTEXT_JSON": json.dumps(context), "CDK_OUTDIR": str(tmp_path)},
    )

    assert result.returncode == 1
    assert [line for line in result.stderr.splitlines() if line.startswith("error")] == [
        f"error: environments.dev.phoneNumberIds: '{NUMBER}' is one string; give a list, e.g. ['{NUMBER}']"
    ]
    assert "Traceback" not in result.stderr


def test_make_synth_writes_only_the_template_to_standard_output(
    make_synth: subprocess.CompletedProcess[str], default_environment: Path
) -> None:
    template = yaml.safe_load(make_synth.stdout)

    written = json.loads(default_environment.read_text())
    assert (template["Resources"], template["Outputs"]) == (written["Resources"], written["Outputs"]), (
        "the template and nothing else (the CLI leaves out only its bootstrap-version rule)"
    )
