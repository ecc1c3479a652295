"""cdk-nag acknowledgments for the construct's own resources, each scoped and with its reason.

Each is attached to the one resource it covers, in the two forms the two cdk-nag generations read,
so a finding on a resource of the user's (or a new finding on ours) is still reported:

- cdk-nag 3 (core ``Validations`` plugins) reads ``Validations.of(resource).acknowledge(...)`` with
  IDs ``Pack::Rule[finding]``;
- cdk-nag 2 (``Aspects.of(app).add(AwsSolutionsChecks())``) reads the resource's ``cdk_nag``
  metadata, ``{"rules_to_suppress": [{"id": "Rule", "reason": ..., "applies_to": [finding]}]}``, the
  format ``NagSuppressions.add_resource_suppressions`` writes.

Neither needs cdk-nag installed: the construct never imports it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import aws_cdk.aws_lambda as lambda_
from aws_cdk import Acknowledgment, CfnResource, Stack, Validations
from aws_cdk.custom_resources import AwsCustomResource
from constructs import IConstruct

if TYPE_CHECKING:
    from opt_out_stack.construct import SmsOptOut

NAG_METADATA = "cdk_nag"

XRAY_ONLY_STAR = (
    "The only statement on '*' is X-Ray's PutTraceSegments and PutTelemetryRecords, which do not "
    "support resource-level permissions; every other statement names its table, numbers or queue."
)
ON_FAILURE_DESTINATION = (
    "Failed asynchronous invocations go to an on-failure destination (the construct's dead-letter "
    "queue), which keeps the error with the event; a second, legacy DLQ would store each failure twice."
)
TERMINAL_QUEUE = (
    "This queue is itself a dead-letter queue (of the topic subscription, a function or the send "
    "queue); messages stay here for an operator (alarmed when not empty) rather than moving on."
)
SQS_EVENT_SOURCE = (
    "An SQS event source takes no on-failure destination: the send queue's redrive policy moves a "
    "message that keeps failing to the send dead-letter queue, which is alarmed."
)
CDK_PROVIDER = (
    "CDK's shared AwsCustomResource provider, run by CloudFormation only while the stack deploys; "
    "CloudFormation reports its failures, so a DLQ or tracing has nothing to add. It logs through "
    "AWSLambdaBasicExecutionRole as CDK builds it; its permissions per number are in scoped inline policies."
)
ANY_NUMBER_OF_A_POOL = (
    "A reply to a pool is answered from the number it was sent to, and a pool's numbers are not known "
    "at synthesis (they change without a deployment): SendTextMessage on the account's numbers in this "
    "region, for the reply function (answers) and the sender (sends through a pool's number, and the "
    "DescribePhoneNumbers that resolves one given by ID)."
)
ANY_OPT_OUT_LIST = (
    "A customer who opts back in is removed from the opt-out lists of our numbers and pools before the "
    "opt-in is confirmed; a list's name is a setting of the number or pool that changes without a "
    "deployment: DeleteOptedOutNumber on the account's opt-out lists in this region, reply function only."
)
BASIC_EXECUTION_ROLE = "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"


def _resource(construct: IConstruct) -> CfnResource:
    """The CloudFormation resource a construct stands for (itself, or its default child)."""
    resource = construct if isinstance(construct, CfnResource) else construct.node.default_child
    if not isinstance(resource, CfnResource):
        raise TypeError(f"{construct.node.path} is not a CloudFormation resource")
    return resource


def _template_text(value: Any) -> str:
    """A resolved template string as cdk-nag writes it in a finding: ``{"Ref": "AWS::Region"}`` as
    ``<AWS::Region>``."""
    if isinstance(value, str):
        return value
    if "Fn::Join" in value:
        return "".join(_template_text(part) for part in value["Fn::Join"][1])
    return f"<{value['Ref']}>"


def acknowledge(construct: IConstruct, pack: str, rule: str, reason: str, finding: str | None = None) -> None:
    """Acknowledge ``rule`` of ``pack`` (optionally one granular ``finding``) on this resource alone."""
    resource = _resource(construct)
    validation_id = f"{pack}::{rule}" + (f"[{finding}]" if finding else "")
    Validations.of(resource).acknowledge(Acknowledgment(id=validation_id, reason=reason))
    suppression: dict[str, Any] = {"id": rule, "reason": reason}
    if finding:
        suppression["applies_to"] = [finding]
    metadata = resource.get_metadata(NAG_METADATA) or {}
    rules = [*metadata.get("rules_to_suppress", []), suppression]
    resource.add_metadata(NAG_METADATA, {**metadata, "rules_to_suppress": rules})


def acknowledge_construct_findings(opt_out: SmsOptOut, *, traced: bool) -> None:
    """Acknowledge what the construct does on purpose; nothing of the user's resources is touched.

    ``traced``: the functions trace with X-Ray, whose statement is the one on ``*``.
    """
    functions = [opt_out.reply_function, opt_out.send_function]
    queues = [opt_out.reply_dead_letter_queue, opt_out.send_dead_letter_queue]
    if opt_out.delivery_function is not None and opt_out.delivery_dead_letter_queue is not None:
        functions.append(opt_out.delivery_function)
        queues.append(opt_out.delivery_dead_letter_queue)
    for function in functions:
        assert function.role is not None, "the construct's functions have their own roles"
        if traced:
            policy = function.role.node.find_child("DefaultPolicy")
            acknowledge(policy, "AwsSolutions", "AwsSolutions-IAM5", XRAY_ONLY_STAR, "Resource::*")
        acknowledge(function, "Serverless", "Serverless-LambdaDLQ", ON_FAILURE_DESTINATION)
    for function, any_number in (
        (opt_out.reply_function, opt_out.reply_from_any_number),
        (opt_out.send_function, opt_out.send_from_any_number),
    ):
        if any_number is not None:
            assert function.role is not None
            policy = function.role.node.find_child("DefaultPolicy")
            finding = "Resource::" + _template_text(Stack.of(opt_out).resolve(any_number))
            acknowledge(policy, "AwsSolutions", "AwsSolutions-IAM5", ANY_NUMBER_OF_A_POOL, finding)
    assert opt_out.reply_function.role is not None
    policy = opt_out.reply_function.role.node.find_child("DefaultPolicy")
    finding = "Resource::" + _template_text(Stack.of(opt_out).resolve(opt_out.any_opt_out_list))
    acknowledge(policy, "AwsSolutions", "AwsSolutions-IAM5", ANY_OPT_OUT_LIST, finding)
    for queue in queues:
        acknowledge(queue, "AwsSolutions", "AwsSolutions-SQS3", TERMINAL_QUEUE)
        acknowledge(queue, "Serverless", "Serverless-SQSRedrivePolicy", TERMINAL_QUEUE)
    for child in opt_out.send_function.node.children:
        if isinstance(child, lambda_.EventSourceMapping):
            acknowledge(
                child, "Serverless", "Serverless-LambdaEventSourceMappingDestination", SQS_EVENT_SOURCE
            )
    provider = Stack.of(opt_out).node.try_find_child(
        "AWS" + AwsCustomResource.PROVIDER_FUNCTION_UUID.replace("-", "")
    )
    if provider is not None and not _resource(provider).get_metadata(NAG_METADATA):
        # Shared by every AwsCustomResource of the stack: acknowledged once, by the first SmsOptOut.
        role = provider.node.find_child("ServiceRole")
        acknowledge(role, "AwsSolutions", "AwsSolutions-IAM4", CDK_PROVIDER, BASIC_EXECUTION_ROLE)
        for rule in ("Serverless-LambdaDLQ", "Serverless-LambdaTracing"):
            acknowledge(provider, "Serverless", rule, CDK_PROVIDER)
