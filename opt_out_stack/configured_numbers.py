"""The phone numbers a construct configures: IDs or ARNs, checked at synthesis."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from aws_cdk import Stack

from opt_out_stack.prop_validation import PHONE_NUMBER_ID
from opt_out_stack.resource_refs import ResourceKind, resource_refs

PHONE_NUMBERS = ResourceKind(
    prop="phone_number_ids",
    resource="phone-number",
    id_pattern=PHONE_NUMBER_ID,
    noun="phone number",
    item="number",
    fix="give phone number IDs ('phone-' and 32 hex characters, as DescribePhoneNumbers lists them) "
    "or ARNs (arn:aws:sms-voice:REGION:ACCOUNT:phone-number/phone-...)",
)


@dataclass(frozen=True)
class PhoneNumberRef:
    value: str
    """As given: the ID or the ARN (an ARN also names a number shared from another account)."""
    phone_number_id: str
    arn: str


def phone_number_refs(stack: Stack, values: Sequence[str]) -> list[PhoneNumberRef]:
    """Parse ``phone_number_ids``; raise PropError naming the value and the fix."""
    return [PhoneNumberRef(*ref) for ref in resource_refs(stack, values, PHONE_NUMBERS)]
