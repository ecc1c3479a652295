"""The existing phone numbers, each set to two-way SMS on the topic with self-managed opt-outs.

The configurations run one after another: End User Messaging allows one ``UpdatePhoneNumber`` per
second per account and region, and CloudFormation would otherwise run them all at once.
"""

from __future__ import annotations

from collections.abc import Sequence

import aws_cdk.aws_iam as iam
import aws_cdk.aws_sns as sns
from aws_cdk import custom_resources as cr
from constructs import Construct, IDependable

from opt_out_stack.configured_numbers import PhoneNumberRef


class PhoneNumberConfiguration(Construct):
    """Calls UpdatePhoneNumber on create and update, and turns two-way and self-managed off on delete.

    ``after`` is what must exist first (and go last on delete): the topic policy, the reply
    function's subscription and permission, and the previous number's configuration.
    """

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        phone_number: PhoneNumberRef,
        topic: sns.ITopic,
        after: Sequence[IDependable] = (),
    ):
        super().__init__(scope, construct_id)
        self.phone_number = phone_number
        physical_id = cr.PhysicalResourceId.of(phone_number.phone_number_id)

        def update_phone_number(output_paths: list[str] | None, **settings: object) -> cr.AwsSdkCall:
            return cr.AwsSdkCall(
                service="PinpointSMSVoiceV2",
                action="UpdatePhoneNumber",
                parameters={"PhoneNumberId": phone_number.value, **settings},
                physical_resource_id=physical_id,
                output_paths=output_paths,
            )

        enable = update_phone_number(
            ["PhoneNumber", "NumberType", "IsoCountryCode"],
            TwoWayEnabled=True,
            TwoWayChannelArn=topic.topic_arn,
            SelfManagedOptOutsEnabled=True,
        )
        disable = update_phone_number(None, TwoWayEnabled=False, SelfManagedOptOutsEnabled=False)
        self.resource = cr.AwsCustomResource(
            self,
            "Resource",
            on_create=enable,
            on_update=enable,
            on_delete=disable,
            policy=cr.AwsCustomResourcePolicy.from_statements(
                [iam.PolicyStatement(actions=["sms-voice:UpdatePhoneNumber"], resources=[phone_number.arn])]
            ),
            install_latest_aws_sdk=False,
            memory_size=256,
        )
        for dependency in after:
            self.resource.node.add_dependency(dependency)
        self.e164_number: str = self.resource.get_response_field("PhoneNumber")
        """The number itself (E.164), as UpdatePhoneNumber returned it at deploy time."""
        self.number_type: str = (
            f"{self.resource.get_response_field('NumberType')}/"
            f"{self.resource.get_response_field('IsoCountryCode')}"
        )
        """``TYPE/COUNTRY`` (``TOLL_FREE/US``): what the sender's published rate of the number follows."""


def configure_one_after_another(
    scope: Construct,
    numbers: Sequence[PhoneNumberRef],
    *,
    topic: sns.ITopic,
    after: Sequence[IDependable],
) -> list[PhoneNumberConfiguration]:
    """One configuration per number, each after ``after`` and after the previous number's.

    Construct IDs derive from the number's ID, and CloudFormation does not update a resource whose
    only change is its DependsOn, so changing the list still touches only the numbers that changed.
    """
    configurations: list[PhoneNumberConfiguration] = []
    for number in numbers:
        previous = configurations[-1:]
        configurations.append(
            PhoneNumberConfiguration(
                scope,
                f"PhoneNumber-{number.phone_number_id}",
                phone_number=number,
                topic=topic,
                after=[*after, *previous],
            )
        )
    return configurations
