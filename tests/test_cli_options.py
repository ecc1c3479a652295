"""The CLI's global options (anywhere on the line, --endpoint-url, --version, --stack of any stack
holding an SmsOptOut), its help texts, and the import's exit code and dates, against moto."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path
from typing import Any

import boto3
import pytest

from sandbox.atomic_moto import AtomicMotoServer
from sms_opt_out.ops.cli import _parser, main
from sms_opt_out.ops.deployed_stack import RESOURCE_MARKER
from sms_opt_out.storage.audit_trail import AuditTrail
from tests.conftest import CUSTOMER, TABLE, create_table


def cli(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


@pytest.mark.fast
def test_version_names_the_package_and_its_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_code:
        main(["--version"])

    assert exit_code.value.code == 0
    assert capsys.readouterr().out.strip() == "sms-opt-out 0.1.0"


def every_action(parser: argparse.ArgumentParser) -> list[tuple[str, argparse.Action]]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += [(f"{name} {flag}", a) for flag, a in every_action(sub)]
        elif not isinstance(action, argparse._HelpAction):
            found.append((action.dest, action))
    return found


@pytest.mark.fast
def test_every_argument_has_a_help_text() -> None:
    missing = [name for name, action in every_action(_parser()) if not action.help]

    assert missing == []


def test_global_options_also_work_after_the_subcommand(dynamodb: Any) -> None:
    assert cli("opt-out", CUSTOMER, "--channel", "web", "--table", TABLE, "--scope", "ALL")[0] == 0

    code, out = cli("status", CUSTOMER, "--table", TABLE, "--json")

    assert code == 0 and json.loads(out)["states"][0]["action"] == "OPT_OUT"


@pytest.mark.fast
def test_table_and_stack_together_are_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_code:
        main(["--table", TABLE, "status", CUSTOMER, "--stack", "SmsOptOut-prod"])

    assert exit_code.value.code == 2
    assert "--stack: not allowed with argument --table" in capsys.readouterr().err


def test_endpoint_url_sends_every_request_there() -> None:
    server = AtomicMotoServer()
    server.start()
    try:
        client = boto3.client("dynamodb", endpoint_url=server.endpoint_url)
        create_table(client)

        code, _ = cli(
            "--endpoint-url", server.endpoint_url, "--table", TABLE, "opt-out", CUSTOMER, "--channel", "web"
        )

        assert code == 0
        assert [item["Action"] for item in AuditTrail(TABLE, client).history(CUSTOMER)] == ["OPT_OUT"]
    finally:
        server.stop()


def test_stack_finds_the_construct_in_a_stack_of_the_users_own() -> None:
    from moto import mock_aws

    table = {
        "KeySchema": [
            {"AttributeName": "PK", "KeyType": "HASH"},
            {"AttributeName": "SK", "KeyType": "RANGE"},
        ],
        "AttributeDefinitions": [
            {"AttributeName": "PK", "AttributeType": "S"},
            {"AttributeName": "SK", "AttributeType": "S"},
        ],
        "BillingMode": "PAY_PER_REQUEST",
    }
    template = {
        "Resources": {
            "MessagingOptOutsTable1A2B3C4D": {
                "Type": "AWS::DynamoDB::Table",
                "Metadata": {RESOURCE_MARKER: {"role": "table", "construct": "Platform/OptOuts"}},
                "Properties": {**table, "TableName": "platform-opt-outs"},
            },
            "SomethingElse": {"Type": "AWS::SQS::Queue"},
        }
    }
    with mock_aws():
        boto3.client("cloudformation").create_stack(StackName="Platform", TemplateBody=json.dumps(template))

        code, _ = cli("--stack", "Platform", "opt-out", CUSTOMER, "--channel", "web")
        assert code == 0
        items = AuditTrail("platform-opt-outs", boto3.client("dynamodb")).history(CUSTOMER)
        assert [item["Action"] for item in items] == ["OPT_OUT"]

        boto3.client("cloudformation").create_stack(
            StackName="Plain", TemplateBody=json.dumps({"Resources": {"Queue": {"Type": "AWS::SQS::Queue"}}})
        )
        code, _ = cli("--stack", "Plain", "status", CUSTOMER)
        assert code == 1


def test_an_import_reads_a_date_alone_as_midnight_utc(dynamodb: Any, tmp_path: Path) -> None:
    path = tmp_path / "old.csv"
    path.write_text("number,timestamp\n+14155550101,2024-01-05\n")

    code, _ = cli("--table", TABLE, "import", str(path))

    assert code == 0
    (item,) = AuditTrail(TABLE, dynamodb).history("+14155550101")
    assert item["Timestamp"] == "2024-01-05T00:00:00.000Z"
