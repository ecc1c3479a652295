"""``OptOutStack``: the ``SmsOptOut`` construct as a deployable stack, with its outputs."""

from __future__ import annotations

import inspect
from typing import Any

import aws_cdk.aws_kms as kms
import aws_cdk.aws_sns as sns
from aws_cdk import CfnOutput, Stack
from constructs import Construct

from opt_out_stack.construct import SmsOptOut

CONSTRUCT_PROPS = frozenset(inspect.signature(SmsOptOut.__init__).parameters) - {
    "self",
    "scope",
    "construct_id",
}


class OptOutStack(Stack):
    """One environment's opt-out system.

    Keyword arguments that are ``SmsOptOut`` props (``phone_number_ids``, ``program_name``, ...)
    go to the construct; the others (``env``, ``stack_name``, ``description``, ...) to ``Stack``.
    ``encryption_key`` and ``alarm_topic`` may also be given as ARNs (as ``cdk.json`` does).
    """

    def __init__(self, scope: Construct, construct_id: str, **props: Any) -> None:
        super().__init__(scope, construct_id, **{k: v for k, v in props.items() if k not in CONSTRUCT_PROPS})
        construct_props = {k: v for k, v in props.items() if k in CONSTRUCT_PROPS}
        if isinstance(key_arn := construct_props.get("encryption_key"), str):
            construct_props["encryption_key"] = kms.Key.from_key_arn(self, "EncryptionKey", key_arn)
        if isinstance(topic_arn := construct_props.get("alarm_topic"), str):
            construct_props["alarm_topic"] = sns.Topic.from_topic_arn(self, "AlarmTopic", topic_arn)
        self.opt_out = SmsOptOut(self, "SmsOptOut", **construct_props)
        outputs = {
            "TableName": (self.opt_out.table.table_name, "The SMSOptOut table (the CLI's --stack reads it)"),
            "InboundTopicArn": (self.opt_out.topic.topic_arn, "The two-way SMS topic"),
            "SendFunctionName": (self.opt_out.send_function.function_name, "The guarded sender to invoke"),
            "ReplyFunctionName": (self.opt_out.reply_function.function_name, "The reply processor"),
            "ReplyDeadLetterQueueUrl": (
                self.opt_out.reply_dead_letter_queue.queue_url,
                "Replies that could not be processed (sms-opt-out dead-letters)",
            ),
            "SendDeadLetterQueueUrl": (
                self.opt_out.send_dead_letter_queue.queue_url,
                "Sends that failed (sms-opt-out dead-letters --queue sends)",
            ),
            "ConfirmationDeadLetterQueueUrl": (
                self.opt_out.confirmation_dead_letter_queue.queue_url,
                "Recorded replies whose confirmation could not be sent (dead-letters --queue confirmations)",
            ),
            "DashboardName": (self.opt_out.dashboard.dashboard_name, "The dashboard of every outcome"),
        }
        if self.opt_out.delivery_function is not None and self.opt_out.delivery_dead_letter_queue is not None:
            outputs["DeliveryFunctionName"] = (
                self.opt_out.delivery_function.function_name,
                "The delivery-event recorder",
            )
            outputs["DeliveryDeadLetterQueueUrl"] = (
                self.opt_out.delivery_dead_letter_queue.queue_url,
                "Delivery events that could not be recorded (sms-opt-out dead-letters --queue deliveries)",
            )
        for name, (value, description) in outputs.items():
            CfnOutput(self, name, value=value, description=description)
