"""cdk-nag 3 (Validations) and cdk-nag 2 (Aspects) on a user's app embedding the construct.

Each sees the construct's own findings acknowledged on the one resource each covers, and still
reports the findings of the user's resources beside it. cdk-nag 2 runs from ``.nag2`` (``make
install``), put before the venv's cdk-nag 3 on ``PYTHONPATH`` of a child process.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import textwrap
from typing import Any

import aws_cdk as cdk
import pytest

from tests.conftest import ROOT

NAG2 = ROOT / ".nag2"
NUMBER = "phone-0123456789abcdef0123456789abcdef"
POOL = "pool-0123456789abcdef0123456789abcdef"
AGENT = "rcs-0123456789abcdef"
NOTIFY = "nc-0123456789abcdef"
USER_APP = textwrap.dedent(
    f"""
    import aws_cdk as cdk
    import aws_cdk.aws_iam as iam
    import aws_cdk.aws_sqs as sqs
    from opt_out_stack import SmsOptOut

    def user_app(outdir):
        app = cdk.App(outdir=outdir)
        stack = cdk.Stack(app, "User")
        opt_out = SmsOptOut(
            stack,
            "SmsOptOut",
            phone_number_ids=["{NUMBER}"],
            pool_ids=["{POOL}"],
            rcs_agent_ids=["{AGENT}"],
            notify_configuration_ids=["{NOTIFY}"],
            support_contact="1-800-555-0100",
        )
        sqs.Queue(stack, "UserQueue")  # no SSL enforcement, no DLQ: findings of the user's
        app_role = iam.Role(stack, "AppRole", assumed_by=iam.ServicePrincipal("ecs-tasks.amazonaws.com"))
        opt_out.grant_send(app_role)
        opt_out.grant_record_preferences(app_role)
        opt_out.grant_read_preferences(app_role)
        return app, stack
    """
)
NAG2_RUN = USER_APP + textwrap.dedent(
    """
    import json, sys
    import cdk_nag
    from aws_cdk.assertions import Annotations, Match

    app, stack = user_app(sys.argv[1])
    cdk.Aspects.of(app).add(cdk_nag.AwsSolutionsChecks())
    cdk.Aspects.of(app).add(cdk_nag.ServerlessChecks())
    annotations = Annotations.from_stack(stack)
    findings = [
        {"level": level, "path": message.id, "text": str(message.entry.data)}
        for level, found in (
            ("error", annotations.find_error("*", Match.string_like_regexp(".*"))),
            ("warning", annotations.find_warning("*", Match.string_like_regexp(".*"))),
        )
        for message in found
    ]
    print(json.dumps({"module": cdk_nag.__file__, "findings": findings}))
    """
)


@pytest.fixture(scope="module")
def nag2(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    assert (NAG2 / "cdk_nag").is_dir(), "cdk-nag 2 is not in .nag2: run make install"
    outdir = tmp_path_factory.mktemp("nag2")
    script = outdir / "user_app.py"
    script.write_text(NAG2_RUN)
    path = os.pathsep.join([str(NAG2), str(ROOT), str(ROOT / "lambda")])
    result = subprocess.run(
        [sys.executable, str(script), str(outdir)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": path},
        cwd=outdir,
    )
    assert result.returncode == 0, result.stderr
    run = json.loads(result.stdout.strip().splitlines()[-1])
    run["reports"] = {
        pack: [
            row
            for report in outdir.glob(f"{pack}-*User-NagReport.csv")
            for row in csv.DictReader(report.open())
        ]
        for pack in ("AwsSolutions", "Serverless")
    }
    return run


def test_cdk_nag_2_is_the_one_that_ran(nag2: dict[str, Any]) -> None:
    (pin,) = [
        line
        for line in (ROOT / "requirements-nag2.txt").read_text().splitlines()
        if line.startswith("cdk-nag==")
    ]
    assert nag2["module"].startswith(str(NAG2))
    assert [p.name for p in NAG2.glob("cdk_nag-*.dist-info")] == [f"cdk_nag-{pin.split('==')[1]}.dist-info"]


def test_cdk_nag_2_reports_the_users_queue_and_nothing_of_the_construct(nag2: dict[str, Any]) -> None:
    paths = {finding["path"] for finding in nag2["findings"]}
    assert any("AwsSolutions-SQS4" in f["text"] for f in nag2["findings"])
    assert paths == {"/User/UserQueue/Resource"}, nag2["findings"]


def test_cdk_nag_2_reads_each_acknowledgement_on_the_construct_with_its_reason(
    nag2: dict[str, Any],
) -> None:
    suppressed = [
        row for rows in nag2["reports"].values() for row in rows if row["Compliance"] == "Suppressed"
    ]
    assert suppressed
    assert all(row["Resource ID"].startswith(("User/SmsOptOut/", "User/AWS679f53fa")) for row in suppressed)
    assert all(len(row["Exception Reason"]) > 40 for row in suppressed)
    on_policies = [row for row in suppressed if row["Resource ID"].endswith("DefaultPolicy/Resource")]
    assert {row["Rule ID"] for row in on_policies} == {"AwsSolutions-IAM5"}
    granular = (
        "[Resource::*] ",
        "[Resource::arn:<AWS::Partition>:sms-voice:<AWS::Region>:<AWS::AccountId>:phone-number/*] ",
        "[Resource::arn:<AWS::Partition>:sms-voice:<AWS::Region>:<AWS::AccountId>:opt-out-list/*] ",
    )
    assert all(row["Exception Reason"].startswith(granular) for row in on_policies), (
        "acknowledged for the one granular finding (applies_to), not the whole rule"
    )
    assert {row["Rule ID"] for row in suppressed} >= {"AwsSolutions-SQS3", "Serverless-LambdaDLQ"}


@pytest.fixture(scope="module")
def nag3(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    from cdk_nag import AwsSolutionsChecks, ServerlessChecks

    outdir = tmp_path_factory.mktemp("nag3")
    namespace: dict[str, Any] = {}
    exec(USER_APP, namespace)
    app, _ = namespace["user_app"](str(outdir))
    cdk.Validations.of(app).add_plugins(AwsSolutionsChecks(), ServerlessChecks())
    with pytest.raises(RuntimeError, match="ValidationFailed"):
        app.synth()
    return json.loads((outdir / "validation-report.json").read_text())


def test_cdk_nag_3_reports_the_users_queue_and_nothing_of_the_construct(nag3: dict[str, Any]) -> None:
    violations = {
        (v["ruleName"], c["constructPath"])
        for plugin in nag3["pluginReports"]
        for v in plugin["violations"]
        for c in v["violatingConstructs"]
    }
    assert ("AwsSolutions-SQS4", "User/UserQueue/Resource") in violations
    assert {path for _, path in violations} == {"User/UserQueue/Resource"}, "only the user's queue"


def test_cdk_nag_3_acknowledgements_are_on_the_construct_alone(nag3: dict[str, Any]) -> None:
    acknowledged = {
        v["acknowledgedAt"]
        for plugin in nag3["pluginReports"]
        for v in plugin.get("suppressedViolations", [])
    }
    assert acknowledged and all(
        path.startswith(("User/SmsOptOut/", "User/AWS679f53fa")) for path in acknowledged
    )
