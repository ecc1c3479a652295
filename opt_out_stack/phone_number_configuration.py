"""One existing phone number, set to two-way SMS on the topic with self-managed opt-outs."""

from __future__ import annotations

import aws_cdk.aws_iam as iam
import aws_cdk.aws_sns as sns
from aws_cdk import custom_resources as cr
from constructs import Construct

from opt_out_stack.phone_numbers import PhoneNumberRef


class PhoneNumberConfiguration(Construct):
    """Calls UpdatePhoneNumber on create and update, and turns two-way and self-managed off on delete."""

    def __init__(
        self, scope: Construct, construct_id: str, *, phone_number: PhoneNumberRef, topic: sns.ITopic
    ):
        super().__init__(scope, construct_id)
        physical_id = cr.PhysicalResourceId.of(phone_number.phone_number_id)

        def update_phone_number(**settings: object) -> cr.AwsSdkCall:
            return cr.AwsSdkCall(
                service="PinpointSMSVoiceV2",
                action="UpdatePhoneNumber",
                parameters={"PhoneNumberId": phone_number.value, **settings},
                physical_resource_id=physical_id,
            )

        enable = update_phone_number(
            TwoWayEnabled=True, TwoWayChannelArn=topic.topic_arn, SelfManagedOptOutsEnabled=True
        )
        disable = update_phone_number(TwoWayEnabled=False, SelfManagedOptOutsEnabled=False)
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
