"""``OptOutStack``: the ``SmsOptOut`` construct as a deployable stack, with its outputs."""

from __future__ import annotations

import inspect
from typing import Any

from aws_cdk import CfnOutput, Stack
from constructs import Construct

from opt_out_stack.sms_opt_out import SmsOptOut

CONSTRUCT_PROPS = frozenset(inspect.signature(SmsOptOut.__init__).parameters) - {
    "self",
    "scope",
    "construct_id",
}


class OptOutStack(Stack):
    """One environment's opt-out system.

    Keyword arguments that are ``SmsOptOut`` props (``phone_number_ids``, ``program_name``, ...)
    go to the construct; the others (``env``, ``stack_name``, ``description``, ...) to ``Stack``.
    """

    def __init__(self, scope: Construct, construct_id: str, **props: Any) -> None:
        super().__init__(scope, construct_id, **{k: v for k, v in props.items() if k not in CONSTRUCT_PROPS})
        self.opt_out = SmsOptOut(
            self, "SmsOptOut", **{k: v for k, v in props.items() if k in CONSTRUCT_PROPS}
        )
        outputs = {
            "TableName": (self.opt_out.table.table_name, "The SMSOptOut table (the CLI's --stack reads it)"),
            "InboundTopicArn": (self.opt_out.topic.topic_arn, "The two-way SMS topic"),
            "SendFunctionName": (self.opt_out.send_function.function_name, "The guarded sender to invoke"),
            "DeadLetterQueueUrl": (self.opt_out.dead_letter_queue.queue_url, "Replies and sends that failed"),
            "DashboardName": (self.opt_out.dashboard.dashboard_name, "The dashboard of every outcome"),
        }
        for name, (value, description) in outputs.items():
            CfnOutput(self, name, value=value, description=description)
