"""The existing phone numbers, each set to two-way SMS on the topic with self-managed opt-outs.

The configurations run one after another: End User Messaging allows one ``UpdatePhoneNumber`` per
second per account and region, and CloudFormation would otherwise run them all at once.
"""

from __future__ import annotations

from collections.abc import Sequence

import aws_cdk.aws_sns as sns
from constructs import Construct, IDependable

from opt_out_stack.configured_numbers import PhoneNumberRef
from opt_out_stack.origination_settings import opt_out_settings


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
        self.resource = opt_out_settings(
            self,
            action="UpdatePhoneNumber",
            id_parameter="PhoneNumberId",
            value=phone_number.value,
            physical_id=phone_number.phone_number_id,
            arn=phone_number.arn,
            topic=topic,
            after=after,
            output_paths=["PhoneNumber", "NumberType", "IsoCountryCode"],
            read_on_delete=False,
        )
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
