"""Delivery events: a configuration set whose event destination is a topic of ours, and the function
that records each final event (``record_delivery_event.handler``).

The configuration set publishes the final events of texts and MMS (``FINAL_EVENT_TYPES``) to an
encrypted topic only End User Messaging SMS of this account may publish to; the sender names the
configuration set on every send that names none (``DEFAULT_CONFIGURATION_SET``). The function has a
role of its own: it may write only the delivery records, the suppression and the blocked count of
customers' items (``dynamodb:LeadingKeys`` ``+*`` and ``dynamodb:Attributes``), never consent.
A notification it cannot record is retried by SNS, then kept on its own, alarmed, dead-letter queue.
"""

from __future__ import annotations

from collections.abc import Sequence

import aws_cdk.aws_cloudwatch as cloudwatch
import aws_cdk.aws_cloudwatch_actions as cloudwatch_actions
import aws_cdk.aws_dynamodb as dynamodb
import aws_cdk.aws_iam as iam
import aws_cdk.aws_kms as kms
import aws_cdk.aws_lambda as lambda_
import aws_cdk.aws_smsvoice as smsvoice
import aws_cdk.aws_sns as sns
import aws_cdk.aws_sns_subscriptions as subscriptions
from aws_cdk import Duration, Stack
from constructs import Construct

from opt_out_stack.dead_letter_queues import DeadLetterQueue
from opt_out_stack.functions import FunctionSettings, opt_out_function
from opt_out_stack.observability import Observability
from opt_out_stack.topic_encryption import SMS_SERVICE_PRINCIPAL
from sms_opt_out.contract import (
    BLOCKED_COUNT_ATTRIBUTE,
    DELIVERED_METRIC,
    EXPIRES_AT_ATTRIBUTE,
    NAMESPACE_VARIABLE,
    PARTITION_KEY,
    SORT_KEY,
    SUPPRESSION_ATTRIBUTE,
    TABLE_NAME_VARIABLE,
)
from sms_opt_out.delivery.events import DELIVERY_METRICS, FINAL_EVENT_TYPES

EVENT_DESTINATION_NAME = "sms-opt-out-delivery-events"
RECORD_ATTRIBUTES = (
    PARTITION_KEY, SORT_KEY, "MessageId", "EventType", "Origination", "MessageStatus", "Description",
    "Timestamp", "OID", "Action", "Response", "Channel", EXPIRES_AT_ATTRIBUTE, SUPPRESSION_ATTRIBUTE,
    BLOCKED_COUNT_ATTRIBUTE,
)  # fmt: skip
"""Every attribute the function writes: its records, the suppression and the blocked count."""
BLOCKED_OR_SPAM_PERCENT = 5
"""The alarm's threshold: blocked and spam events over 5% of a number's final events in an hour.
Carriers filter numbers whose complaint and block rates rise; a healthy program stays under 1-2%."""
MINIMUM_EVENTS = 20
"""Fewer final events than this in an hour never alarm: two blocks in ten texts are noise."""
ALARM_PERIOD = Duration.hours(1)


class DeliveryEvents(Construct):
    """The configuration set, its event destination topic, and the recording function's wiring."""

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        function: lambda_.Function,
        dead_letter_queue: DeadLetterQueue,
        table: dynamodb.ITable,
        encryption_key: kms.IKey,
    ) -> None:
        super().__init__(scope, construct_id)
        self.function = function
        self.dead_letter_queue = dead_letter_queue
        stack = Stack.of(self)
        self.topic = sns.Topic(self, "Topic", master_key=encryption_key, enforce_ssl=True)
        policy = self.topic.add_to_resource_policy(
            iam.PolicyStatement(
                sid="EndUserMessagingSmsPublishesEvents",
                principals=[iam.ServicePrincipal(SMS_SERVICE_PRINCIPAL)],
                actions=["sns:Publish"],
                resources=[self.topic.topic_arn],
                conditions={"StringEquals": {"aws:SourceAccount": stack.account}},
            )
        )
        self.configuration_set = smsvoice.CfnConfigurationSet(
            self,
            "ConfigurationSet",
            event_destinations=[
                smsvoice.CfnConfigurationSet.EventDestinationProperty(
                    enabled=True,
                    event_destination_name=EVENT_DESTINATION_NAME,
                    matching_event_types=list(FINAL_EVENT_TYPES),
                    sns_destination=smsvoice.CfnConfigurationSet.SnsDestinationProperty(
                        topic_arn=self.topic.topic_arn
                    ),
                )
            ],
        )
        if policy.policy_dependable is not None:
            self.configuration_set.node.add_dependency(policy.policy_dependable)
        self.configuration_set_name: str = self.configuration_set.ref
        self.topic.add_subscription(
            subscriptions.LambdaSubscription(function, dead_letter_queue=dead_letter_queue)
        )
        function.add_to_role_policy(
            iam.PolicyStatement(
                actions=["dynamodb:PutItem", "dynamodb:UpdateItem"],
                resources=[table.table_arn],
                conditions={
                    "ForAllValues:StringLike": {
                        "dynamodb:LeadingKeys": ["+*"],
                        "dynamodb:Attributes": list(RECORD_ATTRIBUTES),
                    },
                    "StringEqualsIfExists": {"dynamodb:ReturnValues": "NONE"},
                },
            )
        )


def record_delivery_events(
    scope: Construct,
    *,
    table: dynamodb.ITable,
    encryption_key: kms.IKey,
    namespace: str,
    settings: FunctionSettings,
) -> DeliveryEvents:
    """``scope``'s ``DeliveryEventsDeadLetterQueue``, ``DeliveryEventsFunction`` and ``DeliveryEvents``."""
    dead_letter_queue = DeadLetterQueue(scope, "DeliveryEventsDeadLetterQueue", what="A delivery event")
    function = opt_out_function(
        scope,
        "DeliveryEventsFunction",
        handler="record_delivery_event.handler",
        environment={TABLE_NAME_VARIABLE: table.table_name, NAMESPACE_VARIABLE: namespace},
        dead_letter_queue=dead_letter_queue,
        reserved_concurrency=None,
        settings=settings,
    )
    return DeliveryEvents(
        scope,
        "DeliveryEvents",
        function=function,
        dead_letter_queue=dead_letter_queue,
        table=table,
        encryption_key=encryption_key,
    )


def blocked_or_spam_share(namespace: str, identity: str | None) -> cloudwatch.MathExpression:
    """Blocked and spam events in percent of the final events of ``identity`` (all numbers if None),
    0 below ``MINIMUM_EVENTS`` in the period."""
    dimensions = {} if identity is None else {"OriginationIdentity": identity}

    def metric(name: str) -> cloudwatch.Metric:
        return cloudwatch.Metric(
            namespace=namespace,
            metric_name=name,
            dimensions_map=dimensions,
            statistic="Sum",
            period=ALARM_PERIOD,
        )

    using = {name.lower(): metric(name) for name in DELIVERY_METRICS}
    total = "+".join(f"FILL({n.lower()},0)" for n in DELIVERY_METRICS)
    return cloudwatch.MathExpression(
        expression=f"IF(({total}) >= {MINIMUM_EVENTS}, 100*(FILL(blocked,0)+FILL(spam,0))/({total}), 0)",
        using_metrics=using,
        label="blocked or spam %",
        period=ALARM_PERIOD,
    )


def watch_delivery(
    scope: Construct,
    observability: Observability,
    identities: Sequence[str],
    alarm_topic: sns.ITopic | None,
) -> list[cloudwatch.Alarm]:
    """Graph each delivery outcome and the delivery rate per origination identity; alarm on the
    blocked-or-spam share of all numbers and of each configured number (``identities``)."""
    namespace = observability.namespace
    observability.dashboard.add_widgets(
        cloudwatch.TextWidget(markdown="## Delivery (carriers' final events)", width=24, height=1),
        *[
            cloudwatch.GraphWidget(
                title=name,
                left=[observability.total(name).with_(label="all"), observability.per_identity(name)],
                width=8,
            )
            for name in DELIVERY_METRICS
        ],
        cloudwatch.GraphWidget(
            title="Delivery rate (%)",
            left=[
                cloudwatch.MathExpression(
                    expression="100*FILL(delivered,0)/("
                    + "+".join(f"FILL(m{i},0)" for i in range(len(DELIVERY_METRICS)))
                    + ")",
                    using_metrics={
                        "delivered": observability.total(DELIVERED_METRIC),
                        **{f"m{i}": observability.total(name) for i, name in enumerate(DELIVERY_METRICS)},
                    },
                    label="all numbers",
                    period=Duration.minutes(5),
                )
            ],
            width=8,
        ),
        cloudwatch.GraphWidget(
            title="Blocked or spam (% of final events, hourly)",
            left=[blocked_or_spam_share(namespace, None)],
            width=8,
        ),
    )
    alarms = []
    for index, identity in enumerate([None, *identities]):
        alarm = blocked_or_spam_share(namespace, identity).create_alarm(
            scope,
            "BlockedOrSpamShare" if identity is None else f"BlockedOrSpamShare{index}",
            alarm_description=(
                f"Carriers blocked or flagged as spam over {BLOCKED_OR_SPAM_PERCENT}% of the final events "
                f"of {'all numbers' if identity is None else 'one number'} in an hour (at least "
                f"{MINIMUM_EVENTS} events): carriers filter such numbers. Check the content, the "
                "consent of the list, and the suppressions (sms-opt-out suppressions list)."
            ),
            threshold=BLOCKED_OR_SPAM_PERCENT,
            evaluation_periods=1,
            comparison_operator=cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        )
        if alarm_topic is not None:
            alarm.add_alarm_action(cloudwatch_actions.SnsAction(alarm_topic))
        alarms.append(alarm)
    return alarms
