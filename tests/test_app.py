"""The app and its per-environment configuration, and the static checks users run on them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import aws_cdk as cdk
import aws_cdk.aws_iam as iam
import aws_cdk.aws_sqs as sqs
import pytest
from cdk_nag import AwsSolutionsChecks, ServerlessChecks

from opt_out_stack import SmsOptOut
from opt_out_stack.environments import build_app, stack_settings
from tests.conftest import ROOT

CONTEXT = json.loads((ROOT / "cdk.json").read_text())["context"]


@pytest.fixture(scope="module")
def default_environment(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``cdk synth`` of the default environment (cdk.json's context, cdk-nag on, no credentials)."""
    outdir = tmp_path_factory.mktemp("cdk.out")
    build_app(cdk.App(context=CONTEXT, outdir=str(outdir))).synth()
    return outdir / "SmsOptOut-dev.template.json"


def test_the_default_environment_synthesizes_with_no_unacknowledged_finding(
    default_environment: Path,
) -> None:
    report = json.loads((default_environment.parent / "validation-report.json").read_text())

    assert all(plugin["conclusion"] == "success" for plugin in report["pluginReports"])
    assert {p["pluginName"] for p in report["pluginReports"]} == {"AwsSolutions", "Serverless"}


def test_the_stack_outputs_what_operators_and_applications_need(default_environment: Path) -> None:
    outputs = json.loads(default_environment.read_text())["Outputs"]

    assert set(outputs) == {
        "TableName",
        "InboundTopicArn",
        "SendFunctionName",
        "DeadLetterQueueUrl",
        "DashboardName",
    }


def test_the_default_environment_passes_cfn_lint(default_environment: Path) -> None:
    result = subprocess.run(
        [Path(sys.executable).parent / "cfn-lint", str(default_environment)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )

    assert result.returncode == 0, result.stdout + result.stderr


def test_the_environment_picks_account_region_and_props_from_context() -> None:
    props = stack_settings("prod", CONTEXT["environments"])

    assert (props["env"].account, props["env"].region) == ("111122223333", "us-east-1")
    assert props["phone_number_ids"] == CONTEXT["environments"]["prod"]["phoneNumberIds"]
    assert props["program_name"] == "Example Corp alerts"


@pytest.mark.parametrize(
    ("name", "environments", "message"),
    [
        ("qa", {"dev": {}}, "environment: 'qa' is not in cdk.json's context.environments \\(known: dev\\)"),
        ("dev", {"dev": {"phoneNumbers": []}}, "environments.dev: unknown keys phoneNumbers"),
    ],
)
def test_a_bad_environment_is_named(name: str, environments: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        stack_settings(name, environments)


def test_cdk_nag_still_reports_the_users_own_findings_beside_the_construct(tmp_path: Path) -> None:
    app = cdk.App(outdir=str(tmp_path))
    cdk.Validations.of(app).add_plugins(AwsSolutionsChecks(), ServerlessChecks())
    stack = cdk.Stack(app, "User")
    opt_out = SmsOptOut(stack, "SmsOptOut", phone_number_ids=["phone-0123abcd"])
    sqs.Queue(stack, "UserQueue")  # no SSL enforcement, no DLQ: findings of the user's
    app_role = iam.Role(stack, "AppRole", assumed_by=iam.ServicePrincipal("ecs-tasks.amazonaws.com"))
    opt_out.grant_send(app_role)
    opt_out.grant_record_preferences(app_role)
    opt_out.grant_read_preferences(app_role)

    with pytest.raises(RuntimeError, match="ValidationFailed"):
        app.synth()

    report = json.loads((tmp_path / "validation-report.json").read_text())
    violations = {
        (v["ruleName"], c["constructPath"])
        for plugin in report["pluginReports"]
        for v in plugin["violations"]
        for c in v["violatingConstructs"]
    }
    assert ("AwsSolutions-SQS4", "User/UserQueue/Resource") in violations
    assert {path for _, path in violations} == {"User/UserQueue/Resource"}, (
        "only the user's queue is reported"
    )
    acknowledged = {
        v["acknowledgedAt"]
        for plugin in report["pluginReports"]
        for v in plugin.get("suppressedViolations", [])
    }
    assert acknowledged and all(
        path.startswith(("User/SmsOptOut/", "User/AWS679f53fa")) for path in acknowledged
    )
