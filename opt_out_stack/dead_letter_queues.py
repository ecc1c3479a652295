"""The two dead-letter queues: failed replies (unrecorded STOPs) and failed sends, kept for an operator."""

from __future__ import annotations

import aws_cdk.aws_cloudwatch as cloudwatch
import aws_cdk.aws_sqs as sqs
from aws_cdk import Duration, RemovalPolicy
from constructs import Construct

from opt_out_stack.compliance_acknowledgments import TERMINAL_QUEUE, acknowledge

MAX_RETENTION = Duration.days(14)


class DeadLetterQueue(sqs.Queue):
    """A terminal queue at SQS's maximum retention, retained when the stack is deleted, and alarmed.

    ``sms-opt-out dead-letters list|replay`` shows and replays what is there.
    """

    def __init__(self, scope: Construct, construct_id: str, *, what: str) -> None:
        super().__init__(
            scope,
            construct_id,
            encryption=sqs.QueueEncryption.SQS_MANAGED,
            enforce_ssl=True,
            retention_period=MAX_RETENTION,
            removal_policy=RemovalPolicy.RETAIN,
        )
        self.not_empty_alarm = self.metric_approximate_number_of_messages_visible(
            period=Duration.minutes(1), statistic="Maximum"
        ).create_alarm(
            self,
            "NotEmpty",
            alarm_description=f"{what} could not be processed: it waits in this dead-letter queue "
            "(sms-opt-out dead-letters list)",
            threshold=1,
            evaluation_periods=1,
            comparison_operator=cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        )
        acknowledge(self, "AwsSolutions", "AwsSolutions-SQS3", TERMINAL_QUEUE)
        acknowledge(self, "Serverless", "Serverless-SQSRedrivePolicy", TERMINAL_QUEUE)
