"""The dashboard, the outcome alarms and tracing in the SmsOptOut template (one synthesis)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import aws_cdk as cdk
import aws_cdk.aws_lambda as lambda_
import aws_cdk.aws_sns as sns
import pytest
from aws_cdk.assertions import Match, Template

from opt_out_stack import SmsOptOut
from opt_out_stack.observability import THROTTLED_MINUTES, THROTTLES_PER_MINUTE
from opt_out_stack.prop_validation import PropError
from sms_opt_out.metrics import REPLY_METRICS, SEND_METRICS

ENV = cdk.Environment(account="111122223333", region="us-east-1")


@dataclass
class Synthesized:
    template: Template
    watched: SmsOptOut
    """Given an alarm topic, a dashboard name and a namespace."""
    untraced: SmsOptOut
    """Every default but ``tracing=DISABLED``."""


@pytest.fixture(scope="module")
def synthesized() -> Synthesized:
    app = cdk.App()
    stack = cdk.Stack(app, "Test", env=ENV)
    topic = sns.Topic(stack, "OnCall")
    watched = SmsOptOut(
        stack,
        "Watched",
        phone_number_ids=["phone-" + "a" * 32],
        alarm_topic=topic,
        dashboard_name="SmsOptOut-prod",
        metrics_namespace="Acme/Sms",
    )
    untraced = SmsOptOut(
        stack, "Untraced", phone_number_ids=["phone-" + "b" * 32], tracing=lambda_.Tracing.DISABLED
    )
    return Synthesized(Template.from_stack(stack), watched, untraced)


def owned(template: Template, kind: str, owner: str) -> list[Mapping[str, Any]]:
    """The resources of ``kind`` whose logical ID starts with construct ``owner``'s ID."""
    return [r for logical_id, r in template.find_resources(kind).items() if logical_id.startswith(owner)]


def dashboard_body(template: Template, owner: str) -> dict[str, Any]:
    (dashboard,) = owned(template, "AWS::CloudWatch::Dashboard", owner)
    return json.loads(_text(dashboard["Properties"]["DashboardBody"]))


def _text(value: Any) -> str:
    """A template string with every reference written as a placeholder name."""
    if isinstance(value, str):
        return value
    if "Fn::Join" in value:
        return "".join(_text(part) for part in value["Fn::Join"][1])
    if "Ref" in value:
        return value["Ref"]
    if "Fn::GetAtt" in value:
        return ".".join(value["Fn::GetAtt"])
    raise AssertionError(f"unexpected template value {value}")


def graphs(body: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {w["properties"]["title"]: w["properties"] for w in body["widgets"] if w["type"] == "metric"}


def test_the_dashboard_graphs_every_outcome_in_total_and_per_origination_identity(
    synthesized: Synthesized,
) -> None:
    template = synthesized.template
    template.has_resource_properties("AWS::CloudWatch::Dashboard", {"DashboardName": "SmsOptOut-prod"})
    by_title = graphs(dashboard_body(template, "Watched"))

    for name in (*REPLY_METRICS, *SEND_METRICS):
        metrics = by_title[name]["metrics"]
        (total,) = [m for m in metrics if len(m) == 3]
        assert total[:2] == ["Acme/Sms", name] and total[2]["label"] == "all"
        (search,) = [m[0]["expression"] for m in metrics if len(m) == 1]
        assert search == f"SEARCH('{{\"Acme/Sms\",OriginationIdentity}} MetricName=\"{name}\"', 'Sum', 300)"


def test_the_dashboard_graphs_the_dead_letter_queue_and_both_functions(synthesized: Synthesized) -> None:
    by_title = graphs(dashboard_body(synthesized.template, "Watched"))

    queues = by_title["Dead-letter queue depth"]["metrics"]
    assert [queue[:2] for queue in queues] == [["AWS/SQS", "ApproximateNumberOfMessagesVisible"]] * 4
    assert [queue[4]["label"] for queue in queues] == [
        "DeadLetterQueue",
        "SendDeadLetterQueue",
        "ConfirmationDeadLetterQueue",
        "DeliveryEventsDeadLetterQueue",
    ]
    for title, metric, count in (
        ("Function errors", "Errors", 2),
        ("Function throttles", "Throttles", 2),
        ("Function duration (p99 and average)", "Duration", 4),
    ):
        lines = by_title[title]["metrics"]
        assert [line[:2] for line in lines] == [["AWS/Lambda", metric]] * count
        assert {line[2] for line in lines} == {"FunctionName"}
        assert {line[3].rstrip("0123456789ABCDEF") for line in lines} == {
            "WatchedReplyFunction",
            "WatchedSendFunction",
        }


def test_a_failed_send_alarms_at_once_and_sustained_throttling_after_the_documented_minutes(
    synthesized: Synthesized,
) -> None:
    template = synthesized.template
    on_call = {"Ref": Match.string_like_regexp("^OnCall")}
    template.has_resource_properties(
        "AWS::CloudWatch::Alarm",
        {
            "Namespace": "Acme/Sms",
            "MetricName": "MessagesFailed",
            "Dimensions": Match.absent(),
            "Statistic": "Sum",
            "Period": 60,
            "Threshold": 0,
            "ComparisonOperator": "GreaterThanThreshold",
            "EvaluationPeriods": 1,
            "TreatMissingData": "notBreaching",
            "AlarmActions": [on_call],
        },
    )
    template.has_resource_properties(
        "AWS::CloudWatch::Alarm",
        {
            "Namespace": "Acme/Sms",
            "MetricName": "Throttles",
            "Dimensions": Match.absent(),
            "Statistic": "Sum",
            "Period": 60,
            "Threshold": THROTTLES_PER_MINUTE,
            "ComparisonOperator": "GreaterThanOrEqualToThreshold",
            "EvaluationPeriods": THROTTLED_MINUTES,
            "DatapointsToAlarm": THROTTLED_MINUTES,
            "AlarmActions": [on_call],
        },
    )


def test_the_outcome_alarms_join_the_constructs_alarms(synthesized: Synthesized) -> None:
    names = [alarm.node.id for alarm in synthesized.watched.alarms]

    outcomes = [name for name in names if not name.startswith("BlockedOrSpamShare")]
    assert outcomes[-2:] == ["MessagesFailed", "ThrottlesSustained"]
    assert "BlockedOrSpamShare" in names, "delivery_events: the blocked-or-spam share of all numbers"
    assert synthesized.watched.dashboard.node.path == "Test/Watched/Observability/Dashboard"


def test_an_untold_namespace_and_dashboard_name_take_their_defaults(synthesized: Synthesized) -> None:
    template = synthesized.template
    (dashboard,) = owned(template, "AWS::CloudWatch::Dashboard", "Untraced")
    assert "DashboardName" not in dashboard["Properties"], "generated: two instances never collide"
    assert "SmsOptOut" in _text(dashboard["Properties"]["DashboardBody"])
    for function in owned(template, "AWS::Lambda::Function", "Untraced"):
        assert function["Properties"]["Environment"]["Variables"]["METRICS_NAMESPACE"] == "SmsOptOut"
    for function in owned(template, "AWS::Lambda::Function", "Watched"):
        assert function["Properties"]["Environment"]["Variables"]["METRICS_NAMESPACE"] == "Acme/Sms"


def test_both_functions_trace_with_x_ray_unless_told_not_to(synthesized: Synthesized) -> None:
    template = synthesized.template
    watched = owned(template, "AWS::Lambda::Function", "Watched")
    untraced = owned(template, "AWS::Lambda::Function", "Untraced")

    assert [f["Properties"]["TracingConfig"] for f in watched] == [{"Mode": "Active"}] * 3
    assert len(untraced) == 3 and all("TracingConfig" not in f["Properties"] for f in untraced)
    untraced_policies = json.dumps(owned(template, "AWS::IAM::Policy", "Untraced"))
    assert "xray:" not in untraced_policies and "xray:PutTraceSegments" in json.dumps(
        owned(template, "AWS::IAM::Policy", "Watched")
    )


@pytest.mark.parametrize(
    ("props", "message"),
    [
        (
            {"metrics_namespace": "AWS/Lambda"},
            "metrics_namespace: 'AWS/Lambda' is not a CloudWatch namespace",
        ),
        ({"metrics_namespace": ""}, "metrics_namespace: '' is not a CloudWatch namespace of your own; use 1"),
        ({"metrics_namespace": "Sms\u00e9"}, "metrics_namespace: 'Smsé' is not a CloudWatch namespace"),
        (
            {"dashboard_name": "sms opt-out"},
            "dashboard_name: 'sms opt-out' is not a CloudWatch dashboard name",
        ),
        ({"tracing": "Active"}, "tracing: 'Active' is not an aws_lambda.Tracing; give Tracing.ACTIVE"),
    ],
)
def test_bad_observability_props_fail_early_naming_the_prop(props: dict[str, Any], message: str) -> None:
    stack = cdk.Stack(cdk.App(), "Bad", env=ENV)
    with pytest.raises(PropError, match=f"^{message}"):
        SmsOptOut(stack, "SmsOptOut", phone_number_ids=["phone-" + "a" * 32], **props)
