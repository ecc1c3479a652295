"""``OptOutStack``: the ``SmsOptOut`` construct as a deployable stack, with its outputs."""

from __future__ import annotations

from typing import Any

from aws_cdk import CfnOutput, Stack
from constructs import Construct

from opt_out_stack.sms_opt_out import SmsOptOut


class OptOutStack(Stack):
    """One environment's opt-out system. Keyword arguments not of ``Stack`` go to ``SmsOptOut``."""

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        stack_props: dict[str, Any] | None = None,
        **opt_out_props: Any,
    ) -> None:
        super().__init__(scope, construct_id, **(stack_props or {}))
        self.opt_out = SmsOptOut(self, "SmsOptOut", **opt_out_props)
        CfnOutput(self, "TableName", value=self.opt_out.table.table_name, description="The SMSOptOut table")
        CfnOutput(
            self, "InboundTopicArn", value=self.opt_out.topic.topic_arn, description="Two-way SMS topic"
        )
        CfnOutput(
            self,
            "SendFunctionName",
            value=self.opt_out.send_function.function_name,
            description="Guarded sender",
        )
        CfnOutput(
            self,
            "DeadLetterQueueUrl",
            value=self.opt_out.dead_letter_queue.queue_url,
            description="Unprocessable replies and sends",
        )
