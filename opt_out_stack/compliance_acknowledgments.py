"""cdk-nag acknowledgments for the construct's own resources, each scoped and with its reason.

Each is attached to the one resource it covers, so a finding on a resource of the user's (or a
new finding on ours) is still reported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aws_cdk import Acknowledgment, Stack, Validations
from aws_cdk.custom_resources import AwsCustomResource

if TYPE_CHECKING:
    from opt_out_stack.sms_opt_out import SmsOptOut

XRAY_ONLY_STAR = (
    "The only statement on '*' is X-Ray's PutTraceSegments and PutTelemetryRecords, which do not "
    "support resource-level permissions; every other statement names its table, numbers or queue."
)
ON_FAILURE_DESTINATION = (
    "Failed asynchronous invocations go to an on-failure destination (the construct's dead-letter "
    "queue), which keeps the error with the event; a second, legacy DLQ would store each failure twice."
)
TERMINAL_QUEUE = (
    "This queue is itself the dead-letter queue of the topic subscription and of both functions; "
    "messages stay here for an operator (alarmed when not empty) rather than moving on."
)
CDK_PROVIDER = (
    "CDK's shared AwsCustomResource provider, run by CloudFormation only while the stack deploys; "
    "CloudFormation reports its failures, so a DLQ or tracing has nothing to add. It logs through "
    "AWSLambdaBasicExecutionRole as CDK builds it; its permissions per number are in scoped inline policies."
)


def _acknowledge(construct: object, rule: str, reason: str) -> None:
    Validations.of(construct).acknowledge(Acknowledgment(id=rule, reason=reason))  # type: ignore[arg-type]


def acknowledge_construct_findings(opt_out: SmsOptOut, *, traced: bool) -> None:
    """Acknowledge what the construct does on purpose; nothing of the user's resources is touched.

    ``traced``: the functions trace with X-Ray, whose statement is the one on ``*``.
    """
    for function in (opt_out.reply_function, opt_out.send_function):
        if traced:
            _acknowledge(
                function.role.node.find_child("DefaultPolicy"),
                "AwsSolutions::AwsSolutions-IAM5[Resource::*]",
                XRAY_ONLY_STAR,
            )
        _acknowledge(function, "Serverless::Serverless-LambdaDLQ", ON_FAILURE_DESTINATION)
    _acknowledge(opt_out.dead_letter_queue, "AwsSolutions::AwsSolutions-SQS3", TERMINAL_QUEUE)
    _acknowledge(opt_out.dead_letter_queue, "Serverless::Serverless-SQSRedrivePolicy", TERMINAL_QUEUE)
    provider = Stack.of(opt_out).node.try_find_child(
        "AWS" + AwsCustomResource.PROVIDER_FUNCTION_UUID.replace("-", "")
    )
    if provider is not None:
        _acknowledge(
            provider.node.find_child("ServiceRole"),
            "AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]",
            CDK_PROVIDER,
        )
        for rule in ("Serverless::Serverless-LambdaDLQ", "Serverless::Serverless-LambdaTracing"):
            _acknowledge(provider, rule, CDK_PROVIDER)
