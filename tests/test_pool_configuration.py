"""The SmsOptOut construct with phone pools and with the app's own CfnPhoneNumber and CfnPool."""

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

A = "phone-" + "a" * 32
P, Q = ("pool-" + letter * 32 for letter in "de")
ARN = "arn:aws:sms-voice:us-east-1:111122223333"


def keywords() -> smsvoice.CfnPhoneNumber.MandatoryKeywordsProperty:
    keyword = smsvoice.CfnPhoneNumber.MandatoryKeywordProperty
    return smsvoice.CfnPhoneNumber.MandatoryKeywordsProperty(
        help=keyword(message="Acme: HELP"), stop=keyword(message="Acme: STOP")
    )


@pytest.fixture(scope="module")
def pooled() -> tuple[Template, SmsOptOut]:
    app = cdk.App()
    stack = cdk.Stack(app, "Pools", env=ENV)
    opt_out = SmsOptOut(stack, "SmsOptOut", phone_number_ids=[A], pool_ids=[P, f"{ARN}:pool/{Q}"])
    return Template.from_stack(stack), opt_out


@pytest.fixture(scope="module")
def in_app() -> tuple[Template, SmsOptOut, smsvoice.CfnPhoneNumber, smsvoice.CfnPool]:
    app = cdk.App()
    stack = cdk.Stack(app, "InApp", env=ENV)
    number = smsvoice.CfnPhoneNumber(
        stack,
        "Number",
        iso_country_code="US",
        mandatory_keywords=keywords(),
        number_capabilities=["SMS"],
        number_type="TOLL_FREE",
    )
    member = smsvoice.CfnPhoneNumber(
        stack,
        "Member",
        iso_country_code="US",
        mandatory_keywords=keywords(),
        number_capabilities=["SMS"],
        number_type="TOLL_FREE",
    )
    pool = smsvoice.CfnPool(
        stack,
        "Pool",
        mandatory_keywords=smsvoice.CfnPool.MandatoryKeywordsProperty(
            help=smsvoice.CfnPool.MandatoryKeywordProperty(message="Acme: HELP"),
            stop=smsvoice.CfnPool.MandatoryKeywordProperty(message="Acme: STOP"),
        ),
        origination_identities=[member.attr_arn],
    )
    opt_out = SmsOptOut(stack, "SmsOptOut", phone_numbers=[number], pools=[pool])
    return Template.from_stack(stack), opt_out, number, pool


def logical_id(construct: Any) -> str:
    """The logical ID of a CloudFormation resource, or of the one a construct (or its child) stands for."""
    while not isinstance(construct, cdk.CfnElement):
        construct = construct.node.default_child
    return cdk.Stack.of(construct).get_logical_id(construct)


def join(value: Any) -> str:
    """A template string with references written as ``REF(id)`` and attributes as ``ATT(id.name)``."""
    if isinstance(value, str):
        return value
    if "Fn::Join" in value:
        return "".join(join(part) for part in value["Fn::Join"][1])
    if value == {"Ref": "AWS::Partition"}:
        return "aws"
    if "Ref" in value:
        return f"REF({value['Ref']})"
    if "Fn::GetAtt" in value:
        return f"ATT({'.'.join(value['Fn::GetAtt'])})"
    raise AssertionError(f"unexpected template value {value!r}")


def custom_resources(template: Template, action: str) -> dict[str, Any]:
    return {
        lid: r
        for lid, r in template.find_resources("Custom::AWS").items()
        if action in json.dumps(r["Properties"]["Create"])
    }


def create_call(resource: dict[str, Any]) -> dict[str, Any]:
    """The SDK call of a custom resource's Create, its references written as {Ref}."""
    create = resource["Properties"]["Create"]
    return json.loads(join(create))


def test_each_pool_gets_update_pool_on_create_and_both_settings_off_on_delete(
    pooled: tuple[Template, SmsOptOut],
) -> None:
    template, opt_out = pooled
    pools = custom_resources(template, "UpdatePool")
    assert set(pools) == {logical_id(c.resource) for c in opt_out.pools}
    calls = [(create_call(r), json.loads(join(r["Properties"]["Delete"]))) for r in pools.values()]
    assert {c["parameters"]["PoolId"] for c, _ in calls} == {P, f"{ARN}:pool/{Q}"}
    for create, delete in calls:
        assert create["action"] == "UpdatePool"
        assert (
            create["parameters"]["TwoWayEnabled"] is True
            and create["parameters"]["SelfManagedOptOutsEnabled"]
        )
        assert create["parameters"]["TwoWayChannelArn"] == f"REF({logical_id(opt_out.topic)})"
        assert delete["parameters"] | {"PoolId": None} == {
            "PoolId": None,
            "TwoWayEnabled": False,
            "SelfManagedOptOutsEnabled": False,
        }


def test_pools_are_configured_one_after_another_after_the_numbers(pooled: tuple[Template, SmsOptOut]) -> None:
    template, opt_out = pooled
    resources = template.to_json()["Resources"]
    number = logical_id(opt_out.phone_numbers[-1].resource)
    first, second = (logical_id(c.resource) for c in opt_out.pools)
    assert number in resources[first]["DependsOn"]
    assert first in resources[second]["DependsOn"]
    policy = logical_id(opt_out.topic.node.find_child("Policy"))
    assert policy in resources[first]["DependsOn"]


def test_the_functions_know_the_configured_pools(pooled: tuple[Template, SmsOptOut]) -> None:
    template, opt_out = pooled
    for function in (opt_out.reply_function, opt_out.send_function):
        variables = template.to_json()["Resources"][logical_id(function)]["Properties"]["Environment"]
        assert json.loads(join(variables["Variables"]["POOL_IDS"])) == [P, Q]


def test_the_sender_may_send_texts_and_mms_through_numbers_pools_and_pool_numbers_and_list_pool_members(
    pooled: tuple[Template, SmsOptOut],
) -> None:
    template, opt_out = pooled
    statements = policy_statements(template, opt_out.send_function.role)
    (send,) = [s for s in statements if "sms-voice:SendTextMessage" in actions(s)]
    assert sorted(actions(send)) == ["sms-voice:SendMediaMessage", "sms-voice:SendTextMessage"]
    own = "ATT(SmsOptOutDeliveryEventsConfigurationSet"  # delivery_events: the construct's own set
    assert sorted(join(r) for r in send["Resource"] if not join(r).startswith(own)) == sorted(
        [f"{ARN}:phone-number/{A}", f"{ARN}:pool/{P}", f"{ARN}:pool/{Q}", f"{ARN}:phone-number/*"]
    ), "a send may go through any number of a pool, not known at synthesis"
    (describe,) = [s for s in statements if "sms-voice:DescribePhoneNumbers" in actions(s)]
    assert join(describe["Resource"]) == f"{ARN}:phone-number/*", "a pool number given by its ID"
    (members,) = [s for s in statements if "sms-voice:ListPoolOriginationIdentities" in actions(s)]
    assert sorted(join(r) for r in members["Resource"]) == [f"{ARN}:pool/{P}", f"{ARN}:pool/{Q}"]


def test_the_reply_function_answers_from_any_number_of_a_pool(pooled: tuple[Template, SmsOptOut]) -> None:
    template, opt_out = pooled
    statements = policy_statements(template, opt_out.reply_function.role)
    (send,) = [s for s in statements if "sms-voice:SendTextMessage" in actions(s)]
    assert actions(send) == ["sms-voice:SendTextMessage"]
    assert f"{ARN}:phone-number/*" in [join(r) for r in send["Resource"]]
    assert not any("sms-voice:ListPoolOriginationIdentities" in actions(s) for s in statements), (
        "under scope ALL (the default) a reply never reads a pool"
    )


def test_under_scope_origination_the_reply_function_may_read_the_pools() -> None:
    stack = cdk.Stack(cdk.App(), "Origination", env=ENV)
    opt_out = SmsOptOut(stack, "SmsOptOut", pool_ids=[P], opt_out_scope="ORIGINATION")
    statements = policy_statements(Template.from_stack(stack), opt_out.reply_function.role)
    (members,) = [s for s in statements if "sms-voice:ListPoolOriginationIdentities" in actions(s)]
    assert join(members["Resource"]) == f"{ARN}:pool/{P}"


def test_in_app_numbers_and_pools_get_two_way_and_self_managed_opt_outs_after_the_topic_policy(
    in_app: tuple[Template, SmsOptOut, smsvoice.CfnPhoneNumber, smsvoice.CfnPool],
) -> None:
    template, opt_out, number, pool = in_app
    resources = template.to_json()["Resources"]
    topic = {"Ref": logical_id(opt_out.topic)}
    policy = logical_id(opt_out.topic.node.find_child("Policy"))
    for resource in (number, pool):
        properties = resources[logical_id(resource)]["Properties"]
        assert properties["TwoWay"] == {"Enabled": True, "ChannelArn": topic}
        assert properties["SelfManagedOptOutsEnabled"] is True
        assert policy in resources[logical_id(resource)]["DependsOn"]
    assert pool.node.scope is not None
    member = resources[logical_id(pool.node.scope.node.find_child("Member"))]["Properties"]
    assert "TwoWay" not in member and "SelfManagedOptOutsEnabled" not in member, "left as the app wrote it"
    assert template.find_resources("Custom::AWS") == {}, "CloudFormation owns them: no custom resource"


def test_in_app_numbers_reach_the_sender_from_their_attributes(
    in_app: tuple[Template, SmsOptOut, smsvoice.CfnPhoneNumber, smsvoice.CfnPool],
) -> None:
    template, opt_out, number, pool = in_app
    variables = template.to_json()["Resources"][logical_id(opt_out.send_function)]["Properties"][
        "Environment"
    ]
    numbers = join(variables["Variables"]["ORIGINATION_NUMBERS"])
    assert json.loads(numbers) == {
        f"ATT({logical_id(number)}.PhoneNumberId)": f"ATT({logical_id(number)}.PhoneNumber)",
    }
    assert json.loads(join(variables["Variables"]["POOL_IDS"])) == [f"ATT({logical_id(pool)}.PoolId)"]


@pytest.mark.parametrize(
    ("props", "message"),
    [
        (
            {},
            "phone_number_ids: \\[\\] is empty, and so are pool_ids, phone_numbers, pools, rcs_agent_ids and "
            "rcs_agents; give at least",
        ),
        ({"pool_ids": ["pool-1"]}, "pool_ids: 'pool-1' is neither a pool ID nor its ARN; give pool IDs"),
        ({"pool_ids": [P, P]}, f"pool_ids: \\['{P}'\\] are given more than once"),
        ({"pool_ids": P}, f"pool_ids: '{P}' is one string"),
        ({"phone_numbers": [A]}, "phone_numbers: .* is not a list of aws_smsvoice.CfnPhoneNumber"),
    ],
)
def test_bad_pool_props_are_refused_naming_the_prop(props: dict[str, Any], message: str) -> None:
    stack = cdk.Stack(cdk.App(), "Bad", env=ENV)

    with pytest.raises(PropError, match=message):
        SmsOptOut(stack, "SmsOptOut", **props)
