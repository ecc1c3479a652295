"""The SmsOptOut construct with RCS agents (IDs, ARNs, CfnRcsAgent) and Notify configurations."""

from __future__ import annotations

import json
from typing import Any

import aws_cdk as cdk
import aws_cdk.aws_smsvoice as smsvoice
import pytest
from aws_cdk.assertions import Template

from opt_out_stack import SmsOptOut
from opt_out_stack.prop_validation import PropError
from tests.test_construct import ENV, actions, policy_statements
from tests.test_pool_configuration import create_call, custom_resources, join, logical_id

P = "pool-" + "d" * 32
ARN = "arn:aws:sms-voice:us-east-1:111122223333"
AGENT, OTHER = "rcs-agent-one", "rcs_agent_two"
NOTIFY = "nc-0123"


@pytest.fixture(scope="module")
def configured() -> tuple[Template, SmsOptOut, smsvoice.CfnRcsAgent]:
    app = cdk.App()
    stack = cdk.Stack(app, "Rcs", env=ENV)
    own = smsvoice.CfnRcsAgent(stack, "Agent")
    opt_out = SmsOptOut(
        stack,
        "SmsOptOut",
        pool_ids=[P],
        rcs_agent_ids=[AGENT, f"{ARN}:rcs-agent/{OTHER}"],
        rcs_agents=[own],
        notify_configuration_ids=[NOTIFY],
        support_contact="1-800-555-0100",
    )
    return Template.from_stack(stack), opt_out, own


def test_each_agent_gets_update_rcs_agent_on_create_and_both_settings_off_on_delete(
    configured: tuple[Template, SmsOptOut, smsvoice.CfnRcsAgent],
) -> None:
    template, opt_out, _ = configured
    agents = custom_resources(template, "UpdateRcsAgent")
    assert set(agents) == {logical_id(c.resource) for c in opt_out.rcs_agents}
    calls = [(create_call(r), json.loads(join(r["Properties"]["Delete"]))) for r in agents.values()]
    assert {c["parameters"]["RcsAgentId"] for c, _ in calls} == {AGENT, f"{ARN}:rcs-agent/{OTHER}"}
    for create, delete in calls:
        assert create["parameters"] | {"RcsAgentId": None} == {
            "RcsAgentId": None,
            "TwoWayEnabled": True,
            "TwoWayChannelArn": f"REF({logical_id(opt_out.topic)})",
            "SelfManagedOptOutsEnabled": True,
        }
        assert delete["parameters"] | {"RcsAgentId": None} == {
            "RcsAgentId": None,
            "TwoWayEnabled": False,
            "SelfManagedOptOutsEnabled": False,
        }


def test_agents_are_configured_one_after_another_after_the_pools(
    configured: tuple[Template, SmsOptOut, smsvoice.CfnRcsAgent],
) -> None:
    template, opt_out, _ = configured
    resources = template.to_json()["Resources"]
    pool = logical_id(opt_out.pools[-1].resource)
    first, second = (logical_id(c.resource) for c in opt_out.rcs_agents)
    assert pool in resources[first]["DependsOn"] and first in resources[second]["DependsOn"]


def test_each_agents_custom_resource_may_update_that_agent_only(
    configured: tuple[Template, SmsOptOut, smsvoice.CfnRcsAgent],
) -> None:
    template, _, _ = configured
    policies = template.find_resources("AWS::IAM::Policy")
    granted = [
        join(s["Resource"])
        for p in policies.values()
        for s in p["Properties"]["PolicyDocument"]["Statement"]
        if "sms-voice:UpdateRcsAgent" in actions(s)
    ]
    assert sorted(granted) == sorted([f"{ARN}:rcs-agent/{AGENT}", f"{ARN}:rcs-agent/{OTHER}"])


def test_the_apps_own_agent_is_set_through_its_properties(
    configured: tuple[Template, SmsOptOut, smsvoice.CfnRcsAgent],
) -> None:
    template, opt_out, _own = configured
    (properties,) = [r["Properties"] for r in template.find_resources("AWS::SMSVOICE::RcsAgent").values()]
    assert properties["TwoWayEnabled"] is True and properties["SelfManagedOptOutsEnabled"] is True
    assert properties["TwoWayChannelArn"] == {"Ref": logical_id(opt_out.topic)}


def test_the_sender_sends_rcs_from_exactly_the_agents_and_pools_and_notify_through_its_configurations(
    configured: tuple[Template, SmsOptOut, smsvoice.CfnRcsAgent],
) -> None:
    template, opt_out, own = configured
    statements = policy_statements(template, opt_out.send_function.role)

    def resources(action: str) -> list[str]:
        found = [s["Resource"] for s in statements if action in actions(s)]
        return sorted(
            join(r) for resource in found for r in (resource if isinstance(resource, list) else [resource])
        )

    assert resources("sms-voice:SendRcsMessage") == sorted(
        [
            f"{ARN}:rcs-agent/{AGENT}",
            f"{ARN}:rcs-agent/{OTHER}",
            f"ATT({logical_id(own)}.RcsAgentArn)",
            f"{ARN}:pool/{P}",
        ]
    )
    assert resources("sms-voice:SendNotifyTextMessage") == [f"{ARN}:notify-configuration/{NOTIFY}"]
    assert resources("sms-voice:DescribeNotifyConfigurations") == [f"{ARN}:notify-configuration/{NOTIFY}"]
    reply = policy_statements(template, opt_out.reply_function.role)
    assert not any("sms-voice:SendRcsMessage" in actions(s) for s in reply), "answers are texts"


def test_the_functions_know_the_agents(configured: tuple[Template, SmsOptOut, smsvoice.CfnRcsAgent]) -> None:
    template, opt_out, own = configured
    functions = template.find_resources("AWS::Lambda::Function")
    send = functions[logical_id(opt_out.send_function)]["Properties"]["Environment"]["Variables"]
    reply = functions[logical_id(opt_out.reply_function)]["Properties"]["Environment"]["Variables"]
    assert json.loads(join(reply["RCS_AGENT_IDS"])) == [AGENT, OTHER]
    assert json.loads(join(send["RCS_AGENT_IDS"])) == [AGENT, OTHER, f"ATT({logical_id(own)}.RcsAgentId)"]


def test_an_agent_alone_is_enough_to_configure() -> None:
    stack = cdk.Stack(cdk.App(), "AgentOnly", env=ENV)

    SmsOptOut(stack, "SmsOptOut", rcs_agent_ids=[AGENT], support_contact="x")


@pytest.mark.parametrize(
    ("props", "field"),
    [
        ({"rcs_agent_ids": ["arn:aws:sms-voice:us-east-1:111122223333:pool/" + P]}, "rcs_agent_ids"),
        ({"rcs_agent_ids": ["has space"]}, "rcs_agent_ids"),
        ({"rcs_agent_ids": [AGENT, AGENT]}, "rcs_agent_ids"),
        (
            {"notify_configuration_ids": ["arn:aws:sms-voice:eu-west-1:111122223333:notify-configuration/x"]},
            "notify_configuration_ids",
        ),
        ({"rcs_agents": ["not-an-agent"]}, "rcs_agents"),
    ],
)
def test_bad_agent_and_notify_props_are_refused_naming_the_prop(props: dict[str, Any], field: str) -> None:
    stack = cdk.Stack(cdk.App(), "Bad", env=ENV)

    with pytest.raises(PropError) as raised:
        SmsOptOut(stack, "SmsOptOut", pool_ids=[P], support_contact="x", **props)
    assert raised.value.prop == field
