"""The SmsOptOut construct's template, one synthesis per scenario."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import aws_cdk as cdk
import aws_cdk.aws_iam as iam
import aws_cdk.aws_kms as kms
import aws_cdk.aws_lambda as lambda_
import aws_cdk.aws_logs as logs
import aws_cdk.aws_sns as sns
import pytest
from aws_cdk.assertions import Annotations, Match, Template

from opt_out_stack import SmsOptOut
from opt_out_stack.construct import READ_PREFERENCES_ACTIONS, RECORD_PREFERENCES_ACTIONS
from opt_out_stack.prop_validation import PropError
from sandbox.request_counter import RequestCounter
from sms_opt_out import contract
from sms_opt_out.domain.languages import LANGUAGES
from sms_opt_out.domain.preferences import event_time
from sms_opt_out.ops.migration import opted_out_numbers
from sms_opt_out.ops.registry import OptOutRegistry
from sms_opt_out.reply.inbound import InboundReply
from sms_opt_out.storage.unrecognised_replies import EXPIRES_AT_ATTRIBUTE, UnrecognisedReplies
from tests.conftest import CUSTOMER, OUR_NUMBER, TABLE

A, B, C = ("phone-" + letter * 32 for letter in "abc")
NUMBERS = [A, f"arn:aws:sms-voice:us-east-1:111122223333:phone-number/{B}"]
ENV = cdk.Environment(account="111122223333", region="us-east-1")


def build(**props: Any) -> tuple[cdk.Stack, SmsOptOut]:
    app = cdk.App()
    stack = cdk.Stack(app, "Test", env=ENV)
    props.setdefault("phone_number_ids", NUMBERS)
    return stack, SmsOptOut(stack, "SmsOptOut", **props)


@pytest.fixture(scope="module")
def default() -> tuple[Template, SmsOptOut]:
    stack, opt_out = build()
    return Template.from_stack(stack), opt_out


@pytest.fixture(scope="module")
def customized() -> Template:
    stack, _ = build(
        table_name="SMSOptOut",
        removal_policy=cdk.RemovalPolicy.DESTROY,
        opt_out_keywords=["STOP", "BASTA"],
        opt_in_keywords=["START"],
        help_keywords=["HELP"],
        opt_out_words=["STOP"],
        opt_out_phrases=["leave me alone"],
        match_mode="exact",
        opt_out_scope="ALL",
        opt_out_confirmation="Bye",
        opt_in_confirmation="Welcome back",
        help_message="Acme: reply STOP to opt out.",
        program_name="Acme",
        support_contact="help@acme.example",
        message_frequency="Up to 4 msgs/month",
        languages=["en", "fr"],
        language_settings={
            "fr": {
                "help_message": "Acme : aide.",
                "opt_out_keywords": ["ARRET"],
                "message_frequency": "4/mois",
            }
        },
        configuration_set_names=["marketing"],
        protect_configuration_ids=["protect-0123456789abcdef0123456789abcdef"],
        reply_reserved_concurrency=5,
        send_reserved_concurrency=20,
        log_retention=logs.RetentionDays.ONE_MONTH,
        memory_size=512,
        timeout=cdk.Duration.seconds(10),
        messages_per_second={"+18445550100": 3, "*": 100},
        send_concurrency=16,
        max_send_concurrency=7,
        send_rules="all",
        quiet_hours={"*": "21:00-09:00", "US-CA": "20:00-10:00"},
        frequency_caps={"*": 5},
        retry_capped=True,
    )
    user_key = kms.Key(stack, "UserKey", enable_key_rotation=True)
    alarm_topic = sns.Topic(stack, "Alarms")
    SmsOptOut(stack, "Second", phone_number_ids=[C], encryption_key=user_key, alarm_topic=alarm_topic)
    return Template.from_stack(stack)


def join(value: Any) -> str:
    """A template string, with references written as {Ref}."""
    if isinstance(value, str):
        return value
    if "Fn::Join" in value:
        return "".join(join(part) for part in value["Fn::Join"][1])
    if value == {"Ref": "AWS::Partition"}:
        return "aws"
    return json.dumps(value)


def test_the_table_keeps_opt_outs_by_default(default: tuple[Template, SmsOptOut]) -> None:
    template, _ = default
    template.has_resource(
        "AWS::DynamoDB::Table",
        {
            "DeletionPolicy": "Retain",
            "UpdateReplacePolicy": "Retain",
            "Properties": {
                "KeySchema": [
                    {"AttributeName": "PK", "KeyType": "HASH"},
                    {"AttributeName": "SK", "KeyType": "RANGE"},
                ],
                "AttributeDefinitions": [
                    {"AttributeName": "PK", "AttributeType": "S"},
                    {"AttributeName": "SK", "AttributeType": "S"},
                ],
                "BillingMode": "PAY_PER_REQUEST",
                "PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": True},
                "DeletionProtectionEnabled": True,
                "TableName": Match.absent(),
            },
        },
    )


def test_ttl_deletes_unrecognised_replies_kept_for_review(default: tuple[Template, SmsOptOut]) -> None:
    template, _ = default
    template.has_resource_properties(
        "AWS::DynamoDB::Table",
        {"TimeToLiveSpecification": {"AttributeName": EXPIRES_AT_ATTRIBUTE, "Enabled": True}},
    )


def test_table_name_and_removal_policy_are_props(customized: Template) -> None:
    customized.has_resource(
        "AWS::DynamoDB::Table",
        {
            "DeletionPolicy": "Delete",
            "Properties": {"TableName": "SMSOptOut", "DeletionProtectionEnabled": False},
        },
    )


def test_a_kept_table_keeps_its_deletion_protection(
    default: tuple[Template, SmsOptOut], many_numbers: tuple[Template, SmsOptOut]
) -> None:
    for template, _ in (default, many_numbers):  # RETAIN, SNAPSHOT
        template.has_resource(
            "AWS::DynamoDB::Table",
            {"DeletionPolicy": Match.any_value(), "Properties": {"DeletionProtectionEnabled": True}},
        )
    assert {t["DeletionPolicy"] for t in many_numbers[0].find_resources("AWS::DynamoDB::Table").values()} == {
        "Snapshot"
    }


def test_only_end_user_messaging_of_this_account_may_publish_over_tls(
    default: tuple[Template, SmsOptOut],
) -> None:
    template, opt_out = default
    assert opt_out.delivery_events is not None
    policies = template.find_resources("AWS::SNS::TopicPolicy").values()
    by_topic = {
        p["Properties"]["Topics"][0]["Ref"]: p["Properties"]["PolicyDocument"]["Statement"] for p in policies
    }
    topics = {
        opt_out.topic: "EndUserMessagingSmsPublishes",
        opt_out.delivery_events.topic: "EndUserMessagingSmsPublishesEvents",
    }
    assert set(by_topic) == {logical_id(t) for t in topics}, "the inbound topic and the delivery events topic"
    for topic, sid in topics.items():
        statements = by_topic[logical_id(topic)]
        allows = [s for s in statements if s["Effect"] == "Allow"]
        assert allows == [
            {
                "Sid": sid,
                "Effect": "Allow",
                "Principal": {"Service": "sms-voice.amazonaws.com"},
                "Action": "sns:Publish",
                "Resource": {"Ref": logical_id(topic)},
                "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}},
            }
        ]
        assert any(
            s["Effect"] == "Deny" and s["Condition"] == {"Bool": {"aws:SecureTransport": "false"}}
            for s in statements
        )


def test_the_topic_is_encrypted_with_a_rotating_key_the_sms_service_may_use(
    default: tuple[Template, SmsOptOut],
) -> None:
    template, _ = default
    (key_id,) = template.find_resources("AWS::KMS::Key", {"Properties": {"EnableKeyRotation": True}})
    template.has_resource_properties("AWS::SNS::Topic", {"KmsMasterKeyId": {"Fn::GetAtt": [key_id, "Arn"]}})
    template.has_resource_properties(
        "AWS::KMS::Key",
        {
            "KeyPolicy": {
                "Statement": Match.array_with(
                    [
                        {
                            "Sid": "EndUserMessagingSmsPublishesToTheTopic",
                            "Effect": "Allow",
                            "Principal": {"Service": "sms-voice.amazonaws.com"},
                            "Action": ["kms:GenerateDataKey*", "kms:Decrypt"],
                            "Resource": "*",
                            "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}},
                        }
                    ]
                )
            }
        },
    )


def test_a_key_of_the_users_is_used_instead_of_a_new_one(customized: Template) -> None:
    user_key = next(
        iter(customized.find_resources("AWS::KMS::Key", {"Properties": {"Description": Match.absent()}}))
    )
    topics = customized.find_resources(
        "AWS::SNS::Topic", {"Properties": {"KmsMasterKeyId": Match.any_value()}}
    )
    keys = [t["Properties"]["KmsMasterKeyId"]["Fn::GetAtt"][0] for t in topics.values()]
    assert sorted(keys).count(user_key) == 2, "the inbound and the delivery events topic"
    assert len(customized.find_resources("AWS::KMS::Key")) == 2, (
        "the first construct's own key and the user's"
    )


def test_both_functions_use_the_newest_python_runtime(default: tuple[Template, SmsOptOut]) -> None:
    template, _ = default
    newest = max(
        (getattr(lambda_.Runtime, name) for name in dir(lambda_.Runtime) if name.startswith("PYTHON_3_")),
        key=lambda runtime: int(runtime.name.split(".")[1]),
    )
    for handler in ("process_reply.handler", "send_text_message.handler"):
        template.has_resource_properties(
            "AWS::Lambda::Function",
            {
                "Handler": handler,
                "Runtime": newest.name,
                "MemorySize": 256,
                "Timeout": 30,
                "Environment": {
                    "Variables": {"OPT_OUT_TABLE_NAME": {"Ref": Match.string_like_regexp("Table")}}
                },
                "TracingConfig": {"Mode": "Active"},
            },
        )


def test_runtime_props_reach_both_functions_as_environment_variables(customized: Template) -> None:
    expected = {
        "OPT_OUT_KEYWORDS": "STOP,BASTA",
        "OPT_IN_KEYWORDS": "START",
        "HELP_KEYWORDS": "HELP",
        "OPT_OUT_WORDS": "STOP",
        "OPT_OUT_PHRASES": "leave me alone",
        "MATCH_MODE": "EXACT",
        "OPT_OUT_SCOPE": "ALL",
        "OPT_OUT_CONFIRMATION": "Bye",
        "OPT_IN_CONFIRMATION": "Welcome back",
        "HELP_MESSAGE": "Acme: reply STOP to opt out.",
        "PROGRAM_NAME": "Acme",
        "SUPPORT_CONTACT": "help@acme.example",
        "MESSAGE_FREQUENCY": "Up to 4 msgs/month",
        "LANGUAGES": "en,fr",
        "HELP_MESSAGE_FR": "Acme : aide.",
        "OPT_OUT_KEYWORDS_FR": "ARRET",
        "MESSAGE_FREQUENCY_FR": "4/mois",
    }
    functions = customized.find_resources(
        "AWS::Lambda::Function", {"Properties": {"Environment": {"Variables": Match.object_like(expected)}}}
    )
    assert len(functions) == 2
    for function in functions.values():
        assert (function["Properties"]["MemorySize"], function["Properties"]["Timeout"]) == (512, 10)


def test_a_reply_that_cannot_be_processed_is_kept_in_the_dead_letter_queue(
    default: tuple[Template, SmsOptOut],
) -> None:
    template, opt_out = default
    queue = logical_id(opt_out.reply_dead_letter_queue)
    template.has_resource_properties(
        "AWS::SNS::Subscription",
        {"Protocol": "lambda", "RedrivePolicy": {"deadLetterTargetArn": {"Fn::GetAtt": [queue, "Arn"]}}},
    )
    assert on_failure_destination(template, opt_out.reply_function) == {"Fn::GetAtt": [queue, "Arn"]}


def on_failure_destination(template: Template, function: lambda_.Function) -> Any:
    (config,) = template.find_resources(
        "AWS::Lambda::EventInvokeConfig", {"Properties": {"FunctionName": {"Ref": logical_id(function)}}}
    ).values()
    return config["Properties"]["DestinationConfig"]["OnFailure"]["Destination"]


def test_every_dead_letter_queue_keeps_messages_14_days_and_outlives_the_stack(
    default: tuple[Template, SmsOptOut],
) -> None:
    template, opt_out = default
    queues = template.find_resources("AWS::SQS::Queue")
    assert opt_out.delivery_dead_letter_queue is not None
    dead_letters = {
        logical_id(q)
        for q in (
            opt_out.reply_dead_letter_queue,
            opt_out.send_dead_letter_queue,
            opt_out.delivery_dead_letter_queue,
            opt_out.confirmation_dead_letter_queue,
        )
    }
    fed = {logical_id(opt_out.send_queue), logical_id(opt_out.confirmation_queue)}
    assert set(queues) == dead_letters | fed, "and the send and confirmation queues"
    for queue in (queues[name] for name in dead_letters):
        assert queue["DeletionPolicy"] == "Retain" and queue["UpdateReplacePolicy"] == "Retain"
        assert queue["Properties"]["MessageRetentionPeriod"] == 14 * 24 * 3600


def test_a_send_refused_in_a_batch_is_kept_in_the_dead_letter_queue(
    default: tuple[Template, SmsOptOut],
) -> None:
    template, opt_out = default
    queue = logical_id(opt_out.send_dead_letter_queue)
    assert on_failure_destination(template, opt_out.send_function) == {"Fn::GetAtt": [queue, "Arn"]}
    sender = template.find_resources(
        "AWS::Lambda::Function", {"Properties": {"Handler": "send_text_message.handler"}}
    )
    (properties,) = [f["Properties"] for f in sender.values()]
    assert properties["Environment"]["Variables"]["FAILED_SENDS_QUEUE_URL"] == {"Ref": queue}
    sends = [
        s for s in policy_statements(template, opt_out.send_function.role) if "sqs:SendMessage" in actions(s)
    ]
    send_queue = logical_id(opt_out.send_queue)
    assert {json.dumps(s["Resource"]) for s in sends} == {
        json.dumps({"Fn::GetAtt": [name, "Arn"]}) for name in (queue, send_queue)
    }, "the dead-letter queue, and the send queue for what a batch could not send in time"
    assert properties["Environment"]["Variables"]["SEND_QUEUE_URL"] == {"Ref": send_queue}


def logical_id(construct: Any) -> str:
    return cdk.Stack.of(construct).get_logical_id(construct.node.default_child)


def policy_statements(template: Template, role: iam.IRole | None) -> list[dict[str, Any]]:
    policies = template.find_resources(
        "AWS::IAM::Policy", {"Properties": {"Roles": [{"Ref": logical_id(role)}]}}
    )
    return [s for p in policies.values() for s in p["Properties"]["PolicyDocument"]["Statement"]]


def actions(statement: dict[str, Any]) -> list[str]:
    return statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]]


def test_the_sender_only_reads_the_table_and_sends_from_the_configured_numbers(
    default: tuple[Template, SmsOptOut],
) -> None:
    template, opt_out = default
    statements = policy_statements(template, opt_out.send_function.role)
    unconditioned = [
        a for s in statements if "Condition" not in s for a in actions(s) if a.startswith("dynamodb:")
    ]
    assert unconditioned == ["dynamodb:BatchGetItem"], "it reads consent and cannot write it"
    conditioned = [s for s in statements if "Condition" in s and actions(s)[0].startswith("dynamodb:")]
    (keys,) = [s for s in conditioned if "IDEMPOTENCY#*" in str(s["Condition"])]
    (learned,) = [s for s in conditioned if "AWSLIST#*" in str(s["Condition"])]
    (rates,) = [s for s in conditioned if "RATE#*" in str(s["Condition"])]
    assert len(conditioned) == 3
    assert sorted(actions(keys)) == ["dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem"]
    assert keys["Condition"] == {
        "ForAllValues:StringLike": {"dynamodb:LeadingKeys": ["IDEMPOTENCY#*", "CAP#*"]}
    }, "key and cap records only"
    assert actions(learned) == ["dynamodb:UpdateItem"], "an opt-out learned from an AWS opt-out list"
    assert learned["Condition"] == {
        "ForAllValues:StringLike": {
            "dynamodb:LeadingKeys": ["+*"],
            "dynamodb:Attributes": ["PK", "SK", "AWSLIST#*"],
        },
        "StringEqualsIfExists": {"dynamodb:ReturnValues": "NONE"},
    }, "only AWSLIST# attributes of customers' items, which are read as opt-outs whatever they hold"
    assert actions(rates) == ["dynamodb:UpdateItem"], "its rate leases, and nothing else"
    assert rates["Condition"] == {"ForAllValues:StringLike": {"dynamodb:LeadingKeys": ["RATE#*"]}}
    (send,) = [s for s in statements if "sms-voice:SendTextMessage" in actions(s)]
    assert opt_out.delivery_events is not None
    configuration_set = opt_out.delivery_events.configuration_set
    own_set = {"Fn::GetAtt": [cdk.Stack.of(configuration_set).get_logical_id(configuration_set), "Arn"]}
    assert own_set in send["Resource"], "the construct's configuration set, named on every send"
    assert sorted(join(r) for r in send["Resource"] if r != own_set) == [
        f"arn:aws:sms-voice:us-east-1:111122223333:phone-number/{A}",
        f"arn:aws:sms-voice:us-east-1:111122223333:phone-number/{B}",
    ], "no opt-out list: SendTextMessage does not authorize against one"
    stars = [s for s in statements if s["Resource"] == "*"]
    assert [sorted(actions(s)) for s in stars] == [["xray:PutTelemetryRecords", "xray:PutTraceSegments"]]


def test_the_reply_function_writes_without_delete_or_scan(default: tuple[Template, SmsOptOut]) -> None:
    template, opt_out = default
    statements = policy_statements(template, opt_out.reply_function.role)
    dynamo = sorted(a for s in statements for a in actions(s) if a.startswith("dynamodb:"))
    assert dynamo == [
        "dynamodb:BatchGetItem",
        "dynamodb:GetItem",
        "dynamodb:PutItem",
        "dynamodb:Query",
        "dynamodb:UpdateItem",
    ], "a STOP reads the customer's history under its lease, a START refused by AWS its list records"


def test_configuration_sets_and_protect_configurations_named_in_props_may_be_used_to_send(
    customized: Template,
) -> None:
    resources = {
        join(r)
        for p in customized.find_resources("AWS::IAM::Policy").values()
        for s in p["Properties"]["PolicyDocument"]["Statement"]
        if "sms-voice:SendTextMessage" in actions(s)
        for r in s["Resource"]
    }
    assert "arn:aws:sms-voice:us-east-1:111122223333:configuration-set/marketing" in resources
    assert (
        "arn:aws:sms-voice:us-east-1:111122223333:protect-configuration/protect-0123456789abcdef0123456789abcdef"
        in resources
    )
    assert not any(":opt-out-list/" in r for r in resources)


def test_the_functions_logs_are_kept_a_year_unless_told(
    default: tuple[Template, SmsOptOut], customized: Template
) -> None:
    template, _ = default
    assert {
        g["Properties"]["RetentionInDays"] for g in template.find_resources("AWS::Logs::LogGroup").values()
    } == {365}
    retention = [
        g["Properties"]["RetentionInDays"] for g in customized.find_resources("AWS::Logs::LogGroup").values()
    ]
    assert sorted(retention) == [30, 30, 30, 365, 365, 365], (
        "the customized construct's two, then the second's defaults"
    )


def test_each_number_gets_two_way_sms_on_the_topic_and_self_managed_opt_outs(
    default: tuple[Template, SmsOptOut],
) -> None:
    template, opt_out = default
    topic = logical_id(opt_out.topic)
    resources = template.find_resources("Custom::AWS").values()
    calls = [
        {phase: join(r["Properties"][phase]) for phase in ("Create", "Update", "Delete")} for r in resources
    ]
    calls.sort(key=lambda call: NUMBERS.index(json.loads(call["Delete"])["parameters"]["PhoneNumberId"]))
    assert len(calls) == len(NUMBERS)
    for number, call in zip(NUMBERS, calls, strict=True):
        assert call["Create"] == call["Update"]
        create = json.loads(call["Create"].replace(json.dumps({"Ref": topic}), "TOPIC"))
        assert create["action"] == "UpdatePhoneNumber" and create["service"] == "PinpointSMSVoiceV2"
        assert create["parameters"] == {
            "PhoneNumberId": number,
            "TwoWayEnabled": True,
            "TwoWayChannelArn": "TOPIC",
            "SelfManagedOptOutsEnabled": True,
        }
        assert json.loads(call["Delete"])["parameters"] == {
            "PhoneNumberId": number,
            "TwoWayEnabled": False,
            "SelfManagedOptOutsEnabled": False,
        }


def test_changing_the_list_of_numbers_touches_only_the_numbers_that_changed() -> None:
    def number_resources(ids: list[str]) -> Mapping[str, Any]:
        stack, _ = build(phone_number_ids=ids)
        return Template.from_stack(stack).find_resources("Custom::AWS")

    before = number_resources([A, B])
    after = number_resources([B, C])

    assert len(set(before) & set(after)) == 1
    kept = (set(before) & set(after)).pop()
    assert "phone" + "b" * 8 in kept
    assert before[kept]["Properties"] == after[kept]["Properties"], (
        "B now comes first: only its DependsOn changed, which CloudFormation does not apply as an update"
    )
    assert before[kept]["DependsOn"] != after[kept]["DependsOn"]


def test_alarms_watch_the_dead_letter_queue_and_both_functions(
    default: tuple[Template, SmsOptOut], customized: Template
) -> None:
    template, _ = default
    alarms = template.find_resources("AWS::CloudWatch::Alarm")
    metrics = sorted(a["Properties"].get("MetricName", "blocked or spam %") for a in alarms.values())
    assert (
        metrics
        == ["ApproximateNumberOfMessagesVisible"] * 4
        + ["Errors"] * 3
        + [
            "MessagesFailed",
            "Throttles",
        ]
        + ["blocked or spam %"] * 3
    ), "the confirmation and delivery queues, the delivery function's errors; all numbers' share and each's"
    assert all("AlarmActions" not in a["Properties"] for a in alarms.values())
    with_actions = customized.find_resources(
        "AWS::CloudWatch::Alarm", {"Properties": {"AlarmActions": Match.any_value()}}
    )
    assert len(with_actions) == 11, "the second construct's alarms notify its alarm topic"


@dataclass
class Granted:
    template: Template
    opt_out: SmsOptOut
    roles: dict[str, iam.Role]


@pytest.fixture(scope="module")
def granted() -> Granted:
    """One role of the user's per grant method, each granted by that method alone."""
    stack, opt_out = build()
    roles = {
        name: iam.Role(stack, name, assumed_by=iam.ServicePrincipal("ecs-tasks.amazonaws.com"))
        for name in ("Sender", "Portal", "Auditor")
    }
    opt_out.grant_send(roles["Sender"])
    opt_out.grant_record_preferences(roles["Portal"])
    opt_out.grant_read_preferences(roles["Auditor"])
    return Granted(Template.from_stack(stack), opt_out, roles)


def test_grant_send_allows_invoking_the_sender_and_queueing_sends_and_nothing_else(granted: Granted) -> None:
    invoke, queue = policy_statements(granted.template, granted.roles["Sender"])

    assert actions(invoke) == ["lambda:InvokeFunction"]
    assert invoke["Resource"] == {"Fn::GetAtt": [logical_id(granted.opt_out.send_function), "Arn"]}
    assert actions(queue) == ["sqs:SendMessage"]
    assert queue["Resource"] == {"Fn::GetAtt": [logical_id(granted.opt_out.send_queue), "Arn"]}


def test_the_send_queue_is_encrypted_tls_only_and_redrives_to_the_send_dead_letter_queue(
    default: tuple[Template, SmsOptOut],
) -> None:
    template, opt_out = default
    queue = template.to_json()["Resources"][logical_id(opt_out.send_queue)]["Properties"]
    assert queue["SqsManagedSseEnabled"] is True
    assert queue["RedrivePolicy"]["deadLetterTargetArn"] == {
        "Fn::GetAtt": [logical_id(opt_out.send_dead_letter_queue), "Arn"]
    }
    assert queue["VisibilityTimeout"] == 180, "six times the function's timeout"
    template.has_resource_properties(
        "AWS::SQS::QueuePolicy",
        {
            "Queues": [{"Ref": logical_id(opt_out.send_queue)}],
            "PolicyDocument": {
                "Statement": Match.array_with(
                    [
                        Match.object_like(
                            {"Effect": "Deny", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}
                        )
                    ]
                )
            },
        },
    )


def test_the_send_queue_feeds_the_sender_with_partial_batch_responses(
    default: tuple[Template, SmsOptOut], customized: Template
) -> None:
    template, opt_out = default
    template.has_resource_properties(
        "AWS::Lambda::EventSourceMapping",
        {
            "FunctionName": {"Ref": logical_id(opt_out.send_function)},
            "EventSourceArn": {"Fn::GetAtt": [logical_id(opt_out.send_queue), "Arn"]},
            "FunctionResponseTypes": ["ReportBatchItemFailures"],
            "BatchSize": 100,
            "ScalingConfig": {"MaximumConcurrency": 2},
        },
    )
    customized.has_resource_properties(
        "AWS::Lambda::EventSourceMapping", {"ScalingConfig": {"MaximumConcurrency": 7}}
    )


def test_the_confirmation_queue_feeds_the_reply_function_two_at_a_time_and_redrives_to_its_own_queue(
    default: tuple[Template, SmsOptOut],
) -> None:
    template, opt_out = default
    resources = template.to_json()["Resources"]
    queue = resources[logical_id(opt_out.confirmation_queue)]["Properties"]
    assert queue["SqsManagedSseEnabled"] is True and queue["VisibilityTimeout"] == 180
    assert queue["RedrivePolicy"]["deadLetterTargetArn"] == {
        "Fn::GetAtt": [logical_id(opt_out.confirmation_dead_letter_queue), "Arn"]
    }
    template.has_resource_properties(
        "AWS::Lambda::EventSourceMapping",
        {
            "FunctionName": {"Ref": logical_id(opt_out.reply_function)},
            "EventSourceArn": {"Fn::GetAtt": [logical_id(opt_out.confirmation_queue), "Arn"]},
            "FunctionResponseTypes": ["ReportBatchItemFailures"],
            "BatchSize": 1,
            "ScalingConfig": {"MaximumConcurrency": 2},
        },
    )
    variables = resources[logical_id(opt_out.reply_function)]["Properties"]["Environment"]["Variables"]
    assert variables["CONFIRMATION_QUEUE_URL"] == {"Ref": logical_id(opt_out.confirmation_queue)}
    assert "CONFIRMATION_QUEUE_URL" not in json.dumps(
        resources[logical_id(opt_out.send_function)]["Properties"]["Environment"]
    ), "the sender neither puts on nor reads the confirmation queue"


def test_the_table_expires_items_by_their_expires_at_attribute(default: tuple[Template, SmsOptOut]) -> None:
    template, _ = default
    template.has_resource_properties(
        "AWS::DynamoDB::Table", {"TimeToLiveSpecification": {"AttributeName": "ExpiresAt", "Enabled": True}}
    )


def test_send_rule_props_reach_the_sender(customized: Template) -> None:
    functions = customized.find_resources("AWS::Lambda::Function")
    variables = [
        f["Properties"]["Environment"]["Variables"]
        for f in functions.values()
        if "Environment" in f["Properties"]
    ]
    rules = [
        {k: v[k] for k in ("SEND_RULES", "QUIET_HOURS", "FREQUENCY_CAPS", "RETRY_CAPPED") if k in v}
        for v in variables
    ]
    assert {
        "SEND_RULES": "ALL",
        "QUIET_HOURS": '{"*":"21:00-09:00","US-CA":"20:00-10:00"}',
        "FREQUENCY_CAPS": '{"*":5}',
        "RETRY_CAPPED": "true",
    } in rules
    assert {"SEND_RULES": "PROMOTIONAL", "RETRY_CAPPED": "false"} in rules, "the second sender's defaults"


def test_pacing_and_concurrency_props_reach_the_functions(customized: Template) -> None:
    functions = customized.find_resources("AWS::Lambda::Function")
    variables = {
        name: f["Properties"]["Environment"]["Variables"]
        for name, f in functions.items()
        if "Environment" in f["Properties"]
    }
    rates = [json.loads(v["MESSAGES_PER_SECOND"]) for v in variables.values() if "MESSAGES_PER_SECOND" in v]
    assert rates == [{"+18445550100": 3.0, "*": 100.0}] * 2, "both functions: confirmations are paced too"
    assert sorted(v["SEND_CONCURRENCY"] for v in variables.values() if "SEND_CONCURRENCY" in v) == [
        "16",
        "32",
    ]


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("Portal", {"dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:BatchGetItem"}),
        ("Auditor", {"dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:Scan"}),
    ],
)
def test_preference_grants_reach_the_table_alone_and_never_delete(
    granted: Granted, role: str, expected: set[str]
) -> None:
    (statement,) = policy_statements(granted.template, granted.roles[role])

    assert set(actions(statement)) == expected
    table = logical_id(granted.opt_out.table)
    assert [r for r in statement["Resource"] if r != {"Ref": "AWS::NoValue"}] == [
        {"Fn::GetAtt": [table, "Arn"]}
    ]


def registry_calls(use: Callable[[OptOutRegistry], Any]) -> set[str]:
    """The ``dynamodb:Operation`` names ``use`` makes the registry call."""
    counter = RequestCounter()
    use(OptOutRegistry(TABLE, session=counter.session))
    return set(counter.requests)


@pytest.mark.integration
def test_grant_record_preferences_covers_what_a_portal_calls(dynamodb: Any) -> None:
    def portal(registry: OptOutRegistry) -> None:
        registry.opt_out(CUSTOMER, channel="web")
        registry.opt_in(CUSTOMER, channel="web", consent_reference="form-1", origination=OUR_NUMBER)
        registry.opt_out(CUSTOMER, channel="web", at="2020-01-01T00:00:00Z")  # superseded
        registry.status(CUSTOMER)
        registry.is_opted_out(CUSTOMER, OUR_NUMBER)

    assert registry_calls(portal) == set(RECORD_PREFERENCES_ACTIONS)


@pytest.mark.integration
def test_grant_read_preferences_covers_status_history_and_export(dynamodb: Any) -> None:
    OptOutRegistry(TABLE).opt_out(CUSTOMER, channel="web")

    def auditor(registry: OptOutRegistry) -> None:
        registry.status(CUSTOMER)
        registry.history(CUSTOMER)
        registry.unrecognised_replies()
        list(opted_out_numbers(registry.store))

    assert registry_calls(auditor) == set(READ_PREFERENCES_ACTIONS)


@pytest.mark.integration
def test_a_reviewer_needs_both_preference_grants(dynamodb: Any) -> None:
    reply = InboundReply(CUSTOMER, OUR_NUMBER, "don't contact me", "in-7", event_time(datetime.now(UTC)))
    UnrecognisedReplies(TABLE, dynamodb).keep(reply)

    def reviewer(registry: OptOutRegistry) -> None:
        registry.unrecognised_replies()
        registry.opt_out(CUSTOMER, channel="sms-review", reference="in-7")

    assert registry_calls(reviewer) <= set(READ_PREFERENCES_ACTIONS) | set(RECORD_PREFERENCES_ACTIONS)


def test_the_resources_are_public_attributes(default: tuple[Template, SmsOptOut]) -> None:
    _, opt_out = default
    assert opt_out.table and opt_out.topic and opt_out.encryption_key
    assert opt_out.reply_dead_letter_queue is not opt_out.send_dead_letter_queue
    assert (
        opt_out.send_function.node.id == "SendFunction" and opt_out.reply_function.node.id == "ReplyFunction"
    )
    assert len(opt_out.phone_numbers) == 2 and len(opt_out.alarms) == 12 and opt_out.dashboard
    assert opt_out.delivery_events and opt_out.delivery_function and opt_out.delivery_dead_letter_queue


def test_leaving_out_the_support_contact_warns_at_synthesis(default: tuple[Template, SmsOptOut]) -> None:
    _, opt_out = default

    warnings = Annotations.from_stack(cdk.Stack.of(opt_out)).find_warning(
        "/Test/SmsOptOut", Match.string_like_regexp("support_contact is not set")
    )

    assert len(warnings) == 1


def test_a_support_contact_silences_the_warning() -> None:
    _, opt_out = build(support_contact="1-800-555-0100")

    assert [m for m in opt_out.node.metadata if m.type == "aws:cdk:warning"] == []


@pytest.mark.parametrize(
    ("props", "message"),
    [
        ({"phone_number_ids": A}, f"phone_number_ids: '{A}' is one string; give a list, e.g. \\['{A}'\\]"),
        ({"phone_number_ids": ["+14155550100"]}, "phone_number_ids: '\\+14155550100' is neither"),
        ({"phone_number_ids": ["phone-aaaa1111"]}, "phone_number_ids: 'phone-aaaa1111' is neither .*32 hex"),
        ({"phone_number_ids": [A, A]}, f"phone_number_ids: \\['{A}'\\] are given more than once"),
        ({"configuration_set_names": "marketing"}, "configuration_set_names: 'marketing' is one string"),
        ({"protect_configuration_ids": "protect-1"}, "protect_configuration_ids: 'protect-1' is one string"),
        ({"opt_out_phrases": "leave me alone"}, "opt_out_phrases: 'leave me alone' is one string"),
        (
            {"timeout": cdk.Duration.seconds(901)},
            "timeout: '901 s' is not a whole number of seconds from 1 to 900 .*; give",
        ),
        ({"timeout": cdk.Duration.millis(500)}, "timeout: '0.5 s' is not a whole number"),
        ({"table_name": "opt outs"}, "table_name: 'opt outs' is not a DynamoDB table name; use 3 to 255"),
        ({"table_name": "ab"}, "table_name: 'ab' is not a DynamoDB table name"),
        ({"send_reserved_concurrency": 0}, "send_reserved_concurrency: 0 is not a positive whole number"),
        ({"match_mode": "FUZZY"}, "match_mode: 'FUZZY' is not one of WORD, EXACT"),
        ({"opt_out_scope": "ACCOUNT"}, "opt_out_scope: 'ACCOUNT' is not one of ORIGINATION, ALL"),
        (
            {"opt_out_keywords": ["STOP,END"]},
            "opt_out_keywords: 'STOP,END' must be a non-empty string without commas",
        ),
        ({"opt_out_keywords": "STOP"}, "opt_out_keywords: 'STOP' is one string; give a list"),
        ({"help_message": ""}, "help_message: '' is empty or too long; give a non-empty text"),
        ({"memory_size": 64}, "memory_size: 64 is outside Lambda's 128 to 10240 MB; give"),
        ({"send_concurrency": 0}, "send_concurrency: 0 is not a whole number from 1 to 256"),
        ({"max_send_concurrency": 1}, "max_send_concurrency: 1 is outside SQS's 2 to 1000"),
        (
            {"messages_per_second": {"+18445550100": 0}},
            "messages_per_second: 0 is not a positive rate for '\\+18445550100'",
        ),
        (
            {"messages_per_second": {"toll-free": 3}},
            "messages_per_second: 'toll-free' is not an E.164 number",
        ),
        ({"messages_per_second": {}}, "messages_per_second: {} is not a non-empty mapping"),
        ({"languages": ["fr"]}, "languages: \\['fr'\\] must include 'en': STOP and HELP always work"),
        (
            {"languages": ["en", "it"]},
            "languages: \\['en', 'it'\\] 'it' is not one of en, es, fr; give a list",
        ),
        ({"languages": "en"}, "languages: 'en' is one string; give a list"),
        (
            {"language_settings": {"en": {"help_message": "x"}}},
            "language_settings\\['en'\\]: .* sets English; use the top-level props",
        ),
        (
            {"languages": ["en"], "language_settings": {"fr": {"help_message": "x"}}},
            "language_settings\\['fr'\\]: .* is for a language not in languages \\(en\\); add 'fr'",
        ),
        (
            {"language_settings": {"es": {"program_name": "x"}}},
            "language_settings\\['es'\\].program_name: 'x' is no language prop; give one of opt_out_keywords",
        ),
        (
            {"language_settings": {"es": {"help_message": ""}}},
            "language_settings\\['es'\\].help_message: '' is empty or too long",
        ),
        ({"support_contact": " "}, "support_contact: ' ' is empty or too long"),
        (
            {"opt_out_keywords": [], "opt_out_words": []},
            "opt_out_keywords: \\[\\] would not make STOP an opt-out; must include STOP",
        ),
        (
            {"match_mode": "EXACT", "opt_out_keywords": ["QUIT"]},
            "opt_out_keywords: \\['QUIT'\\] would not make STOP an opt-out; must include STOP",
        ),
        (
            {"help_keywords": ["HELP", "STOP"]},
            "help_keywords: \\['HELP', 'STOP'\\] would not make STOP an opt-out; must not include STOP",
        ),
        (
            {"opt_in_keywords": ["START", "Stop"]},
            "opt_in_keywords: \\['START', 'Stop'\\] would not make STOP an opt-out; must not include STOP",
        ),
        ({"send_rules": "MARKETING"}, "send_rules: 'MARKETING' is not one of PROMOTIONAL, ALL, OFF"),
        (
            {"quiet_hours": {"US": "9pm-9am"}},
            "quiet_hours\\['US'\\]: \\{'US': '9pm-9am'\\} '9pm-9am' is not a quiet period 'HH:MM-HH:MM'",
        ),
        ({"frequency_caps": {"US-FL": 0}}, "frequency_caps\\['US-FL'\\]: .* 0 is not a whole number"),
        ({"retry_capped": "yes"}, "retry_capped: 'yes' is not True or False"),
    ],
)
def test_bad_props_fail_early_naming_the_prop(props: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=f"^{message}"):
        build(**props)


KEY_STATEMENT = {
    "Sid": "EndUserMessagingSmsPublishesToTheTopic",
    "Effect": "Allow",
    "Principal": {"Service": "sms-voice.amazonaws.com"},
    "Action": ["kms:GenerateDataKey*", "kms:Decrypt"],
    "Resource": "*",
    "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}},
}


def test_a_key_of_the_users_app_gets_the_statement_the_sms_service_needs(customized: Template) -> None:
    (user_key,) = customized.find_resources(
        "AWS::KMS::Key", {"Properties": {"Description": Match.absent()}}
    ).values()

    assert KEY_STATEMENT in user_key["Properties"]["KeyPolicy"]["Statement"]


def test_an_imported_key_gets_a_warning_naming_the_statement_its_policy_needs() -> None:
    app = cdk.App()
    stack = cdk.Stack(app, "Test", env=ENV)
    key = kms.Key.from_key_arn(
        stack, "Imported", "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    )
    SmsOptOut(stack, "SmsOptOut", phone_number_ids=[A], encryption_key=key)

    (warning,) = Annotations.from_stack(stack).find_warning("*", Match.string_like_regexp("encryption_key"))
    text = str(warning.entry.data)
    assert warning.id == "/Test/SmsOptOut"
    statement = json.loads(text[text.index("{") : text.rindex("}") + 1])
    assert statement == {**KEY_STATEMENT, "Sid": statement["Sid"]}


@pytest.fixture(scope="module")
def many_numbers() -> tuple[Template, SmsOptOut]:
    """25 numbers: the most End User Messaging's 1-per-second UpdatePhoneNumber must survive."""
    stack, opt_out = build(
        phone_number_ids=[f"phone-{i:032x}" for i in range(1, 26)], removal_policy=cdk.RemovalPolicy.SNAPSHOT
    )
    return Template.from_stack(stack), opt_out


def custom_resource_id(configuration: Any) -> str:
    return cdk.Stack.of(configuration).get_logical_id(
        configuration.resource.node.find_child("Resource").node.default_child
    )


def test_numbers_are_configured_one_after_another_never_two_at_once(
    many_numbers: tuple[Template, SmsOptOut],
) -> None:
    template, opt_out = many_numbers
    resources = template.find_resources("Custom::AWS")
    ids = [custom_resource_id(c) for c in opt_out.phone_numbers]
    assert len(resources) == 25 and set(ids) == set(resources)
    depends = {i: set(resources[i].get("DependsOn", [])) for i in ids}
    for previous, current in itertools.pairwise(ids):
        assert previous in depends[current]
        assert not set(ids[ids.index(current) + 1 :]) & depends[current], "no number waits on a later one"
    # A total order: every configuration reaches the first through its predecessors.
    assert all(depends[i] & set(ids) for i in ids[1:]) and not depends[ids[0]] & set(ids)


def test_a_number_is_configured_only_once_a_stop_can_be_received(
    many_numbers: tuple[Template, SmsOptOut],
) -> None:
    template, opt_out = many_numbers
    inbound = {"Ref": logical_id(opt_out.topic)}
    (policy,) = template.find_resources("AWS::SNS::TopicPolicy", {"Properties": {"Topics": [inbound]}})
    (subscription,) = template.find_resources("AWS::SNS::Subscription", {"Properties": {"TopicArn": inbound}})
    (permission,) = template.find_resources(
        "AWS::Lambda::Permission", {"Properties": {"Principal": "sns.amazonaws.com", "SourceArn": inbound}}
    )
    for configuration in opt_out.phone_numbers:
        depends = template.find_resources("Custom::AWS")[custom_resource_id(configuration)]["DependsOn"]
        assert {policy, subscription, permission} <= set(depends)


def test_the_sender_knows_each_configured_number_from_its_deploy_time_response(
    many_numbers: tuple[Template, SmsOptOut],
) -> None:
    template, opt_out = many_numbers
    functions = template.find_resources("AWS::Lambda::Function")
    (sender,) = [f for f in functions.values() if f["Properties"]["Handler"] == "send_text_message.handler"]
    (reply,) = [f for f in functions.values() if f["Properties"]["Handler"] == "process_reply.handler"]
    value = sender["Properties"]["Environment"]["Variables"]["ORIGINATION_NUMBERS"]
    numbers = json.loads(
        "".join(
            part if isinstance(part, str) else "{}.{}".format(*part["Fn::GetAtt"])
            for part in value["Fn::Join"][1]
        )
    )
    assert numbers == {
        c.phone_number.phone_number_id: f"{custom_resource_id(c)}.PhoneNumber" for c in opt_out.phone_numbers
    }
    assert "ORIGINATION_NUMBERS" not in reply["Properties"]["Environment"]["Variables"]
    types = sender["Properties"]["Environment"]["Variables"]["NUMBER_TYPES"]
    assert json.loads(
        "".join(
            part if isinstance(part, str) else "{}.{}".format(*part["Fn::GetAtt"])
            for part in types["Fn::Join"][1]
        )
    ) == ["{0}.NumberType/{0}.IsoCountryCode".format(custom_resource_id(c)) for c in opt_out.phone_numbers], (
        "each number's type and country, in the order of ORIGINATION_NUMBERS, for its published rate"
    )
    worst_case = sum(
        len(f'"{c.phone_number.phone_number_id}":"+123456789012345",') for c in opt_out.phone_numbers
    )
    assert worst_case < 2048, "25 numbers leave room in Lambda's 4 KB of environment"


def test_each_function_may_reserve_concurrency(
    default: tuple[Template, SmsOptOut], customized: Template
) -> None:
    template, _ = default
    assert all(
        "ReservedConcurrentExecutions" not in f["Properties"]
        for f in template.find_resources("AWS::Lambda::Function").values()
    )
    reserved = {
        f["Properties"]["Handler"]: f["Properties"]["ReservedConcurrentExecutions"]
        for f in customized.find_resources(
            "AWS::Lambda::Function", {"Properties": {"ReservedConcurrentExecutions": Match.any_value()}}
        ).values()
    }
    assert reserved == {"process_reply.handler": 5, "send_text_message.handler": 20}


def test_two_instances_may_not_configure_the_same_number() -> None:
    app = cdk.App()
    SmsOptOut(cdk.Stack(app, "One", env=ENV), "SmsOptOut", phone_number_ids=[A, B])
    other = cdk.Stack(app, "Two", env=ENV)
    arn = f"arn:aws:sms-voice:us-east-1:111122223333:phone-number/{B}"

    with pytest.raises(
        PropError, match=f"^phone_number_ids: \\['{B}'\\] are already configured by One/SmsOptOut; "
    ):
        SmsOptOut(other, "SmsOptOut", phone_number_ids=[C, arn])


def test_the_reply_function_may_take_numbers_off_the_accounts_opt_out_lists_and_read_their_names(
    default: tuple[Template, SmsOptOut],
) -> None:
    template, opt_out = default
    statements = policy_statements(template, opt_out.reply_function.role)
    (delete,) = [s for s in statements if "sms-voice:DeleteOptedOutNumber" in actions(s)]
    assert actions(delete) == ["sms-voice:DeleteOptedOutNumber"]
    assert join(delete["Resource"]) == "arn:aws:sms-voice:us-east-1:111122223333:opt-out-list/*"
    (describe,) = [s for s in statements if "sms-voice:DescribePhoneNumbers" in actions(s)]
    assert sorted(join(r) for r in describe["Resource"]) == [
        f"arn:aws:sms-voice:us-east-1:111122223333:phone-number/{A}",
        f"arn:aws:sms-voice:us-east-1:111122223333:phone-number/{B}",
    ]
    functions = template.find_resources("AWS::Lambda::Function")
    (reply,) = [f for f in functions.values() if f["Properties"]["Handler"] == "process_reply.handler"]
    assert json.loads(reply["Properties"]["Environment"]["Variables"]["OPT_OUT_LIST_NUMBERS"]) == [A, B]


def test_every_variable_the_functions_get_is_a_name_of_the_contract(customized: Template) -> None:
    """The construct sets only what the runtime reads: each name from ``sms_opt_out.contract``."""
    named = {v for n, v in vars(contract).items() if n.endswith("_VARIABLE")}
    named |= {*contract.KEYWORD_VARIABLES.values(), *contract.TEXT_VARIABLES.values()}
    set_names = {
        name
        for f in customized.find_resources("AWS::Lambda::Function").values()
        for name in f["Properties"].get("Environment", {}).get("Variables", {})
    }
    languages = tuple(f"_{code.upper()}" for code in LANGUAGES)

    assert {n for n in set_names if n not in named and not n.endswith(languages)} == set()
