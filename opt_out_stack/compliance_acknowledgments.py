"""cdk-nag acknowledgments for the construct's own resources, each scoped and with its reason.

Each is made where its resource is created (``functions``, ``dead_letter_queues``, ``send_queue``,
``permissions``, ``opt_out_list_removal``, ``origination_settings``) and attached to that one
resource, in the two forms the two cdk-nag generations read, so a finding on a resource of the
user's (or a new finding on ours) is still reported:

- cdk-nag 3 (core ``Validations`` plugins) reads ``Validations.of(resource).acknowledge(...)`` with
  IDs ``Pack::Rule[finding]``;
- cdk-nag 2 (``Aspects.of(app).add(AwsSolutionsChecks())``) reads the resource's ``cdk_nag``
  metadata, ``{"rules_to_suppress": [{"id": "Rule", "reason": ..., "applies_to": [finding]}]}``, the
  format ``NagSuppressions.add_resource_suppressions`` writes.

Neither needs cdk-nag installed: the construct never imports it.
"""

from __future__ import annotations

from typing import Any

from aws_cdk import Acknowledgment, CfnResource, Stack, Validations
from constructs import IConstruct

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


def cfn_resource(construct: IConstruct) -> CfnResource:
    """The CloudFormation resource a construct stands for (itself, or its default child)."""
    resource = construct if isinstance(construct, CfnResource) else construct.node.default_child
    if not isinstance(resource, CfnResource):
        raise TypeError(f"{construct.node.path} is not a CloudFormation resource")
    return resource


def template_text(value: Any) -> str:
    """A resolved template string as cdk-nag writes it in a finding: ``{"Ref": "AWS::Region"}`` as
    ``<AWS::Region>``."""
    if isinstance(value, str):
        return value
    if "Fn::Join" in value:
        return "".join(template_text(part) for part in value["Fn::Join"][1])
    return f"<{value['Ref']}>"


def acknowledge(construct: IConstruct, pack: str, rule: str, reason: str, finding: str | None = None) -> None:
    """Acknowledge ``rule`` of ``pack`` (optionally one granular ``finding``) on this resource alone."""
    resource = cfn_resource(construct)
    validation_id = f"{pack}::{rule}" + (f"[{finding}]" if finding else "")
    Validations.of(resource).acknowledge(Acknowledgment(id=validation_id, reason=reason))
    suppression: dict[str, Any] = {"id": rule, "reason": reason}
    if finding:
        suppression["applies_to"] = [finding]
    metadata = resource.get_metadata(NAG_METADATA) or {}
    rules = [*metadata.get("rules_to_suppress", []), suppression]
    resource.add_metadata(NAG_METADATA, {**metadata, "rules_to_suppress": rules})


def acknowledge_any_resource(policy: IConstruct, arn_pattern: str, reason: str) -> None:
    """Acknowledge AwsSolutions-IAM5 on ``policy`` for the one wildcard ARN ``arn_pattern`` alone."""
    finding = "Resource::" + template_text(Stack.of(policy).resolve(arn_pattern))
    acknowledge(policy, "AwsSolutions", "AwsSolutions-IAM5", reason, finding)
