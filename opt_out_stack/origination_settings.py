"""The one custom resource shape that configures an existing origination identity (a phone number, a
pool, an RCS agent): two-way to the inbound topic and self-managed opt-outs on create and update, both
off on delete, allowed on that identity's ARN alone, created after ``after``."""

from __future__ import annotations

from collections.abc import Sequence

import aws_cdk.aws_iam as iam
import aws_cdk.aws_sns as sns
import aws_cdk.custom_resources as cr
from aws_cdk import Stack
from constructs import Construct, IDependable

from opt_out_stack.compliance_acknowledgments import (
    BASIC_EXECUTION_ROLE,
    CDK_PROVIDER,
    NAG_METADATA,
    acknowledge,
    cfn_resource,
)
from opt_out_stack.implied_dependencies import PROVIDER_ID


def opt_out_settings(
    scope: Construct,
    *,
    action: str,
    id_parameter: str,
    value: str,
    physical_id: str,
    arn: str,
    topic: sns.ITopic,
    after: Sequence[IDependable] = (),
    output_paths: Sequence[str] = (),
    read_on_delete: bool = True,
) -> cr.AwsCustomResource:
    """``scope``'s child ``Resource`` calling ``action`` (``UpdatePhoneNumber``, ``UpdatePool``,
    ``UpdateRcsAgent``) with ``{id_parameter: value}``; ``output_paths`` are read from the enabling
    call, and from the disabling one too unless ``read_on_delete`` is False."""

    def call(paths: Sequence[str] | None, **settings: object) -> cr.AwsSdkCall:
        return cr.AwsSdkCall(
            service="PinpointSMSVoiceV2",
            action=action,
            parameters={id_parameter: value, **settings},
            physical_resource_id=cr.PhysicalResourceId.of(physical_id),
            output_paths=list(paths) if paths is not None else None,
        )

    enable = call(
        output_paths, TwoWayEnabled=True, TwoWayChannelArn=topic.topic_arn, SelfManagedOptOutsEnabled=True
    )
    resource = cr.AwsCustomResource(
        scope,
        "Resource",
        on_create=enable,
        on_update=enable,
        on_delete=call(
            output_paths if read_on_delete else None, TwoWayEnabled=False, SelfManagedOptOutsEnabled=False
        ),
        policy=cr.AwsCustomResourcePolicy.from_statements(
            [iam.PolicyStatement(actions=[f"sms-voice:{action}"], resources=[arn])]
        ),
        install_latest_aws_sdk=False,
        memory_size=256,
    )
    for dependency in after:
        resource.node.add_dependency(dependency)
    acknowledge_provider(Stack.of(scope))
    return resource


def acknowledge_provider(stack: Stack) -> None:
    """CDK's one ``AwsCustomResource`` function of ``stack``, shared by every custom resource of it:
    acknowledged once, with the first."""
    provider = stack.node.find_child(PROVIDER_ID)
    if cfn_resource(provider).get_metadata(NAG_METADATA):
        return
    acknowledge(
        provider.node.find_child("ServiceRole"),
        "AwsSolutions",
        "AwsSolutions-IAM4",
        CDK_PROVIDER,
        BASIC_EXECUTION_ROLE,
    )
    for rule in ("Serverless-LambdaDLQ", "Serverless-LambdaTracing"):
        acknowledge(provider, "Serverless", rule, CDK_PROVIDER)
