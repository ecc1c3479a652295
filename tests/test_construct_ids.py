"""Construct and logical IDs are a public contract: a renamed or removed resource is replaced (or
deleted, with its data) by the next deployment. The synthesized template of a full-featured stack keeps
every logical ID, with its type, that ``snapshots/logical_ids.json`` lists; a new resource is fine
(add it with ``UPDATE_LOGICAL_IDS=1``), a missing or retyped one is a breaking change for CHANGELOG.md."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import aws_cdk as cdk
import pytest
from aws_cdk.assertions import Template

from opt_out_stack import OptOutStack
from sms_opt_out.ops.deployed_stack import RESOURCE_MARKER, ROLES

SNAPSHOT = Path(__file__).parent / "snapshots" / "logical_ids.json"
PREFIX = "arn:aws:sms-voice:us-east-1:111122223333"
PROPS: dict[str, Any] = {
    "phone_number_ids": [
        "phone-0123456789abcdef0123456789abcdef",
        f"{PREFIX}:phone-number/phone-" + "1" * 32,
    ],
    "pool_ids": ["pool-0123456789abcdef0123456789abcdef"],
    "rcs_agent_ids": [f"{PREFIX}:rcs-agent/rcs-" + "2" * 32],
    "notify_configuration_ids": ["nc-" + "3" * 32],
    "configuration_set_names": ["marketing"],
    "program_name": "Example Corp alerts",
    "support_contact": "1-800-555-0100",
}


@pytest.fixture(scope="module")
def logical_ids() -> dict[str, str]:
    """Every resource of the synthesized stack, logical ID to type (synthesized once)."""
    app = cdk.App()
    env = cdk.Environment(account="111122223333", region="us-east-1")
    stack = OptOutStack(app, "SmsOptOut-contract", env=env, **PROPS)
    resources = Template.from_stack(stack).to_json()["Resources"]
    return {logical_id: resource["Type"] for logical_id, resource in sorted(resources.items())}


def test_every_logical_id_of_the_snapshot_is_kept_with_its_type(logical_ids: dict[str, str]) -> None:
    if os.environ.get("UPDATE_LOGICAL_IDS"):
        SNAPSHOT.write_text(json.dumps(logical_ids, indent=1) + "\n")
    kept = json.loads(SNAPSHOT.read_text())

    missing = {i: t for i, t in kept.items() if logical_ids.get(i) != t}
    assert missing == {}, "renamed, removed or retyped resources: a breaking change"


@pytest.fixture(scope="module")
def outputs_and_roles() -> tuple[set[str], dict[str, str]]:
    """The stack's outputs and the CLI's role marks (synthesized once)."""
    app = cdk.App()
    env = cdk.Environment(account="111122223333", region="us-east-1")
    template = Template.from_stack(OptOutStack(app, "SmsOptOut-cli", env=env, **PROPS)).to_json()
    roles = {
        marker["role"]: resource["Type"]
        for resource in template["Resources"].values()
        if (marker := resource.get("Metadata", {}).get(RESOURCE_MARKER))
    }
    return set(template["Outputs"]), roles


def test_the_cli_finds_every_dead_letter_queue_and_the_function_that_replays_it(
    outputs_and_roles: tuple[set[str], dict[str, str]],
) -> None:
    """``sms-opt-out --stack`` reads these outputs (or, in a stack of the user's, these marks)."""
    outputs, roles = outputs_and_roles

    assert set(ROLES.values()) <= outputs
    assert roles == {
        "table": "AWS::DynamoDB::Table",
        "reply-function": "AWS::Lambda::Function",
        "send-function": "AWS::Lambda::Function",
        "delivery-function": "AWS::Lambda::Function",
        "reply-dead-letter-queue": "AWS::SQS::Queue",
        "send-dead-letter-queue": "AWS::SQS::Queue",
        "delivery-dead-letter-queue": "AWS::SQS::Queue",
        "confirmation-dead-letter-queue": "AWS::SQS::Queue",
    }
