"""cfn-lint with its defaults passes on the templates a user synthesizes from an app of their own.

The project's own configuration plays no part: cfn-lint runs in an empty directory with an empty
home, where it finds no ``.cfnlintrc``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import aws_cdk as cdk
import aws_cdk.aws_smsvoice as smsvoice
import pytest

from opt_out_stack import SmsOptOut

NUMBER = "phone-" + "a" * 32
POOL = "pool-" + "b" * 32


def in_app_number(stack: cdk.Stack) -> smsvoice.CfnPhoneNumber:
    keyword = smsvoice.CfnPhoneNumber.MandatoryKeywordProperty
    return smsvoice.CfnPhoneNumber(
        stack,
        "Number",
        iso_country_code="US",
        number_capabilities=["SMS"],
        number_type="TOLL_FREE",
        mandatory_keywords=smsvoice.CfnPhoneNumber.MandatoryKeywordsProperty(
            help=keyword(message="Acme: help at 1-800-555-0100."), stop=keyword(message="Acme: stopped.")
        ),
    )


@pytest.fixture(scope="module")
def user_templates(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Existing numbers and pools in an account's stack; the app's own number and pool in an
    environment-agnostic one."""
    out = tmp_path_factory.mktemp("user-app")
    app = cdk.App(outdir=str(out / "cdk.out"))
    existing = cdk.Stack(app, "Existing", env=cdk.Environment(account="111122223333", region="us-east-1"))
    SmsOptOut(
        existing, "OptOuts", phone_number_ids=[NUMBER], pool_ids=[POOL], support_contact="1-800-555-0100"
    )
    own = cdk.Stack(app, "Own")
    number = in_app_number(own)
    pool = smsvoice.CfnPool(
        own,
        "Pool",
        origination_identities=[number.attr_arn],
        mandatory_keywords=smsvoice.CfnPool.MandatoryKeywordsProperty(
            help=smsvoice.CfnPool.MandatoryKeywordProperty(message="Acme: help at 1-800-555-0100."),
            stop=smsvoice.CfnPool.MandatoryKeywordProperty(message="Acme: stopped."),
        ),
    )
    second = smsvoice.CfnPhoneNumber(
        own,
        "Second",
        iso_country_code="US",
        number_capabilities=["SMS"],
        number_type="TOLL_FREE",
        mandatory_keywords=number.mandatory_keywords,
    )
    SmsOptOut(own, "OptOuts", phone_numbers=[second], pools=[pool], support_contact="1-800-555-0100")
    templates = []
    for stack in app.synth().stacks:
        path = out / f"{stack.stack_name}.template.json"
        path.write_text(json.dumps(stack.template))
        templates.append(path)
    return templates


def test_cfn_lint_with_its_defaults_passes_on_a_users_templates(
    user_templates: list[Path], tmp_path: Path
) -> None:
    result = subprocess.run(
        [Path(sys.executable).parent / "cfn-lint", *map(str, user_templates)],
        cwd=tmp_path,
        env={**os.environ, "HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=300,
    )

    assert result.returncode == 0, result.stdout + result.stderr


def test_each_function_still_waits_for_its_roles_policy(user_templates: list[Path]) -> None:
    """Only the DependsOn that the function's Role (a GetAtt) already implies is left out."""
    for path in user_templates:
        resources = json.loads(path.read_text())["Resources"]
        for name in ("OptOutsReplyFunction", "OptOutsSendFunction"):
            (function,) = [
                r for k, r in resources.items() if k.startswith(name) and r["Type"].endswith("Function")
            ]
            role = function["Properties"]["Role"]["Fn::GetAtt"][0]
            (policy,) = function["DependsOn"]
            assert resources[policy]["Properties"]["Roles"] == [{"Ref": role}]
