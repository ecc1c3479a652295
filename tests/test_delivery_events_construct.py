"""The construct's delivery events: the configuration set, its topic, the recording function's IAM."""

from __future__ import annotations

from typing import Any

import aws_cdk as cdk
import pytest
from aws_cdk.assertions import Template

from opt_out_stack import SmsOptOut
from opt_out_stack.delivery_events import BLOCKED_OR_SPAM_PERCENT, RECORD_ATTRIBUTES
from sms_opt_out.delivery.events import FINAL_EVENT_TYPES
from tests.test_construct import actions, build, logical_id, policy_statements


@pytest.fixture(scope="module")
def default() -> tuple[Template, SmsOptOut]:
    stack, opt_out = build()
    return Template.from_stack(stack), opt_out


def test_a_configuration_set_publishes_every_final_text_event_to_an_encrypted_topic_of_ours(
    default: tuple[Template, SmsOptOut],
) -> None:
    template, opt_out = default
    assert opt_out.delivery_events is not None
    (configuration_set,) = template.find_resources("AWS::SMSVOICE::ConfigurationSet").values()
    (destination,) = configuration_set["Properties"]["EventDestinations"]
    assert destination["Enabled"] is True
    assert destination["SnsDestination"] == {"TopicArn": {"Ref": logical_id(opt_out.delivery_events.topic)}}
    assert destination["MatchingEventTypes"] == list(FINAL_EVENT_TYPES)
    assert {"TEXT_DELIVERED", "TEXT_BLOCKED", "TEXT_CARRIER_BLOCKED", "TEXT_INVALID", "TEXT_SPAM"} <= set(
        FINAL_EVENT_TYPES
    )
    topic = template.find_resources("AWS::SNS::Topic")[logical_id(opt_out.delivery_events.topic)]
    assert topic["Properties"]["KmsMasterKeyId"] == {
        "Fn::GetAtt": [logical_id(opt_out.encryption_key), "Arn"]
    }
    policy = next(
        p for p in template.find_resources("AWS::SNS::TopicPolicy").values()
        if p["Properties"]["Topics"] == [{"Ref": logical_id(opt_out.delivery_events.topic)}]
    )  # fmt: skip
    assert any(
        d
        for d in configuration_set.get("DependsOn", [])
        if d in template.find_resources("AWS::SNS::TopicPolicy")
    )
    (allow,) = [st for st in policy["Properties"]["PolicyDocument"]["Statement"] if st["Effect"] == "Allow"]
    assert allow["Principal"] == {"Service": "sms-voice.amazonaws.com"} and allow["Condition"] == {
        "StringEquals": {"aws:SourceAccount": "111122223333"}
    }


def test_the_sender_names_the_configuration_set(default: tuple[Template, SmsOptOut]) -> None:
    template, opt_out = default
    functions = template.find_resources("AWS::Lambda::Function")
    (sender,) = [f for f in functions.values() if f["Properties"]["Handler"] == "send_text_message.handler"]
    assert opt_out.delivery_events is not None
    configuration_set = opt_out.delivery_events.configuration_set
    assert sender["Properties"]["Environment"]["Variables"]["DEFAULT_CONFIGURATION_SET"] == {
        "Ref": cdk.Stack.of(configuration_set).get_logical_id(configuration_set)
    }


def test_the_recording_function_writes_only_its_records_and_suppressions_on_customers_items(
    default: tuple[Template, SmsOptOut],
) -> None:
    template, opt_out = default
    assert opt_out.delivery_function is not None
    statements = policy_statements(template, opt_out.delivery_function.role)
    dynamo = [s for s in statements if any(a.startswith("dynamodb:") for a in actions(s))]
    (write,) = dynamo
    assert sorted(actions(write)) == ["dynamodb:PutItem", "dynamodb:UpdateItem"]
    assert write["Condition"] == {
        "ForAllValues:StringLike": {
            "dynamodb:LeadingKeys": ["+*"],
            "dynamodb:Attributes": list(RECORD_ATTRIBUTES),
        },
        "StringEqualsIfExists": {"dynamodb:ReturnValues": "NONE"},
    }
    assert not [a for s in statements for a in actions(s) if a.startswith("sms-voice:")]
    functions = template.find_resources("AWS::Lambda::Function")
    (recorder,) = [
        f for f in functions.values() if f["Properties"]["Handler"] == "record_delivery_event.handler"
    ]
    assert set(recorder["Properties"]["Environment"]["Variables"]) == {
        "OPT_OUT_TABLE_NAME",
        "METRICS_NAMESPACE",
    }
    assert opt_out.delivery_events is not None
    subscriptions = template.find_resources(
        "AWS::SNS::Subscription",
        {"Properties": {"TopicArn": {"Ref": logical_id(opt_out.delivery_events.topic)}}},
    )
    (subscription,) = subscriptions.values()
    assert subscription["Properties"]["RedrivePolicy"] == {
        "deadLetterTargetArn": {"Fn::GetAtt": [logical_id(opt_out.delivery_dead_letter_queue), "Arn"]}
    }


def test_an_alarm_watches_the_blocked_or_spam_share_of_all_numbers_and_of_each(
    default: tuple[Template, SmsOptOut],
) -> None:
    template, _ = default
    alarms = [
        a["Properties"]
        for a in template.find_resources("AWS::CloudWatch::Alarm").values()
        if "Metrics" in a["Properties"]
    ]
    assert len(alarms) == 3, "all numbers, and each of the two configured"
    for alarm in alarms:
        assert alarm["Threshold"] == BLOCKED_OR_SPAM_PERCENT
        (expression,) = [m for m in alarm["Metrics"] if m.get("ReturnData", True)]
        assert "100*(FILL(blocked,0)+FILL(spam,0))" in expression["Expression"]


def test_delivery_events_can_be_left_out() -> None:
    stack, opt_out = build(delivery_events=False)
    template = Template.from_stack(stack)
    assert not template.find_resources("AWS::SMSVOICE::ConfigurationSet")
    assert opt_out.delivery_function is None and len(opt_out.alarms) == 7
    functions: Any = template.find_resources("AWS::Lambda::Function")
    (sender,) = [f for f in functions.values() if f["Properties"]["Handler"] == "send_text_message.handler"]
    assert "DEFAULT_CONFIGURATION_SET" not in sender["Properties"]["Environment"]["Variables"]
