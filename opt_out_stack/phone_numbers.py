"""The phone numbers a construct configures: IDs or ARNs, checked at synthesis."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from aws_cdk import Stack, Token

_ID = re.compile(r"phone-[0-9a-zA-Z]+")
_ARN = re.compile(r"arn:aws[a-z-]*:sms-voice:([a-z0-9-]+):(\d{12}):phone-number/(phone-[0-9a-zA-Z]+)")


@dataclass(frozen=True)
class PhoneNumberRef:
    value: str
    """As given: the ID or the ARN (an ARN also names a number shared from another account)."""
    phone_number_id: str
    arn: str


def phone_number_refs(stack: Stack, values: Sequence[str]) -> list[PhoneNumberRef]:
    """Parse ``phone_number_ids``; raise ValueError naming the value and the fix."""
    if isinstance(values, str) or not values:
        raise ValueError("phone_number_ids: give a non-empty list of phone number IDs or ARNs")
    refs: list[PhoneNumberRef] = []
    for value in values:
        if not isinstance(value, str) or Token.is_unresolved(value):
            raise ValueError(
                f"phone_number_ids: {value!r} must be a literal ID (phone-...) or ARN, not a token: "
                "each number's construct ID derives from it"
            )
        if arn := _ARN.fullmatch(value):
            refs.append(PhoneNumberRef(value, arn.group(3), value))
        elif _ID.fullmatch(value):
            arn_value = stack.format_arn(service="sms-voice", resource="phone-number", resource_name=value)
            refs.append(PhoneNumberRef(value, value, arn_value))
        else:
            raise ValueError(
                f"phone_number_ids: {value!r} is neither a phone number ID (phone-...) "
                "nor a phone number ARN (arn:aws:sms-voice:REGION:ACCOUNT:phone-number/phone-...)"
            )
    ids = [ref.phone_number_id for ref in refs]
    if duplicates := sorted({i for i in ids if ids.count(i) > 1}):
        raise ValueError(f"phone_number_ids: {', '.join(duplicates)} given more than once")
    return refs
