"""What an operator watches: one dashboard of every outcome, and the alarms on outcomes that need a person."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import aws_cdk.aws_cloudwatch as cloudwatch
import aws_cdk.aws_cloudwatch_actions as cloudwatch_actions
import aws_cdk.aws_lambda as lambda_
import aws_cdk.aws_sns as sns
import aws_cdk.aws_sqs as sqs
from aws_cdk import Duration
from constructs import Construct

from opt_out_stack import prop_validation
from opt_out_stack.dead_letter_queues import DeadLetterQueue
from sms_opt_out.contract import DIMENSION, MESSAGES_FAILED_METRIC, THROTTLES_METRIC
from sms_opt_out.metrics import REPLY_METRICS, SEND_METRICS

GRAPH_PERIOD = Duration.minutes(5)
ALARM_PERIOD = Duration.minutes(1)
THROTTLES_PER_MINUTE = 10
"""The Throttles alarm fires at this many ThrottlingExceptions a minute ..."""
THROTTLED_MINUTES = 5
"""... for this many minutes in a row: a burst is retried away, a sustained rate loses throughput."""


class Observability(Construct):
    """A CloudWatch dashboard and the outcome alarms (``MessagesFailed``, ``ThrottlesSustained``).

    The dashboard graphs each outcome metric in total and per ``OriginationIdentity`` (a search,
    since the numbers are not known at synthesis), the depth of each dead-letter queue, and both
    functions' errors, throttles and durations.
    """

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        namespace: str,
        reply_function: lambda_.IFunction,
        send_function: lambda_.IFunction,
        dead_letter_queues: Sequence[sqs.IQueue],
        dashboard_name: str | None = None,
        alarm_topic: sns.ITopic | None = None,
    ) -> None:
        """:param dashboard_name: the dashboard's name. Default: generated, so instances never collide."""
        super().__init__(scope, construct_id)
        prop_validation.dashboard_name(dashboard_name)
        self.namespace = namespace
        functions = {"reply": reply_function, "send": send_function}
        self.dashboard = cloudwatch.Dashboard(self, "Dashboard", dashboard_name=dashboard_name)
        self.dashboard.add_widgets(
            cloudwatch.TextWidget(markdown="## Replies (reply function)", width=24, height=1),
            *[self._outcome_graph(name) for name in REPLY_METRICS],
        )
        self.dashboard.add_widgets(
            cloudwatch.TextWidget(markdown="## Sends (send function)", width=24, height=1),
            *[self._outcome_graph(name) for name in SEND_METRICS],
        )
        self.dashboard.add_widgets(
            cloudwatch.TextWidget(markdown="## Queues and functions", width=24, height=1),
            cloudwatch.GraphWidget(
                title="Dead-letter queue depth",
                left=[
                    queue.metric_approximate_number_of_messages_visible(
                        label=queue.node.id, period=GRAPH_PERIOD, statistic="Maximum"
                    )
                    for queue in dead_letter_queues
                ],
                width=8,
            ),
            cloudwatch.GraphWidget(
                title="Function errors",
                left=[f.metric_errors(label=n, period=GRAPH_PERIOD) for n, f in functions.items()],
                width=8,
            ),
            cloudwatch.GraphWidget(
                title="Function throttles",
                left=[f.metric_throttles(label=n, period=GRAPH_PERIOD) for n, f in functions.items()],
                width=8,
            ),
            cloudwatch.GraphWidget(
                title="Function duration (p99 and average)",
                left=[
                    f.metric_duration(label=f"{n} {statistic}", period=GRAPH_PERIOD, statistic=statistic)
                    for n, f in functions.items()
                    for statistic in ("p99", "Average")
                ],
                width=24,
            ),
        )
        self.alarms = [
            self.total(MESSAGES_FAILED_METRIC, period=ALARM_PERIOD).create_alarm(
                self,
                "MessagesFailed",
                alarm_description=(
                    "SendTextMessage refused a send: each is kept on the dead-letter queue (a single "
                    "send also raised). Read the error codes there, fix the cause, then send them again."
                ),
                threshold=0,
                evaluation_periods=1,
                comparison_operator=cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
                treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
            ),
            self.total(THROTTLES_METRIC, period=ALARM_PERIOD).create_alarm(
                self,
                "ThrottlesSustained",
                alarm_description=(
                    f"The SMS API answered ThrottlingException at least {THROTTLES_PER_MINUTE} times a "
                    f"minute for {THROTTLED_MINUTES} minutes: sends outrun the numbers' throughput. "
                    "Find the number on the dashboard; spread sends over more numbers or a pool, or ask "
                    "AWS for more throughput."
                ),
                threshold=THROTTLES_PER_MINUTE,
                evaluation_periods=THROTTLED_MINUTES,
                datapoints_to_alarm=THROTTLED_MINUTES,
                comparison_operator=cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
                treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
            ),
        ]
        if alarm_topic is not None:
            for alarm in self.alarms:
                alarm.add_alarm_action(cloudwatch_actions.SnsAction(alarm_topic))

    def total(self, name: str, *, period: Duration = GRAPH_PERIOD) -> cloudwatch.Metric:
        """The sum of outcome ``name`` over every origination identity (the record without dimensions)."""
        return cloudwatch.Metric(namespace=self.namespace, metric_name=name, statistic="Sum", period=period)

    def per_identity(self, name: str) -> cloudwatch.MathExpression:
        """Outcome ``name`` per origination identity, found by a search (the numbers vary at run time)."""
        schema = f'{{"{self.namespace}",{DIMENSION}}}'
        return cloudwatch.MathExpression(
            expression=f"SEARCH('{schema} MetricName=\"{name}\"', 'Sum', {GRAPH_PERIOD.to_seconds()})",
            using_metrics={},
            label="",
            period=GRAPH_PERIOD,
        )

    def _outcome_graph(self, name: str) -> cloudwatch.GraphWidget:
        return cloudwatch.GraphWidget(
            title=name, left=[self.total(name).with_(label="all"), self.per_identity(name)], width=8
        )


def function_alarms(
    scope: Construct,
    *,
    dead_letter_queues: Sequence[DeadLetterQueue],
    functions: Mapping[str, lambda_.IFunction],
    alarm_topic: sns.ITopic | None,
) -> list[cloudwatch.Alarm]:
    """Each dead-letter queue's not-empty alarm, and for each function (``functions``: the alarm's
    construct ID, ``ReplyFunctionErrors``, to the function) one on any error, to ``alarm_topic``."""
    alarms = [queue.not_empty_alarm for queue in dead_letter_queues]
    for name, function in functions.items():
        alarms.append(
            function.metric_errors(period=ALARM_PERIOD, statistic="Sum").create_alarm(
                scope,
                name,
                alarm_description=f"{name[:-6]} raised an error",
                threshold=1,
                evaluation_periods=1,
                comparison_operator=cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
                treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
            )
        )
    if alarm_topic is not None:
        for alarm in alarms:
            alarm.add_alarm_action(cloudwatch_actions.SnsAction(alarm_topic))
    return alarms
