"""The phone numbers a construct configures: IDs or ARNs, checked at synthesis."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from aws_cdk import Stack, Token

from opt_out_stack.prop_validation import PHONE_NUMBER_ID, PropError

_ARN = re.compile(
    rf"arn:aws[a-z-]*:sms-voice:([a-z0-9-]+):(\d{{12}}):phone-number/({PHONE_NUMBER_ID.pattern})"
)
_FIX = (
    "give phone number IDs ('phone-' and 32 hex characters, as DescribePhoneNumbers lists them) "
    "or ARNs (arn:aws:sms-voice:REGION:ACCOUNT:phone-number/phone-...)"
)


@dataclass(frozen=True)
class PhoneNumberRef:
    value: str
    """As given: the ID or the ARN (an ARN also names a number shared from another account)."""
    phone_number_id: str
    arn: str


def phone_number_refs(stack: Stack, values: Sequence[str]) -> list[PhoneNumberRef]:
    """Parse ``phone_number_ids``; raise PropError naming the value and the fix."""
    if isinstance(values, str):
        raise PropError("phone_number_ids", values, "is not a list", _FIX)
    refs: list[PhoneNumberRef] = []
    for value in values:
        if not isinstance(value, str) or Token.is_unresolved(value):
            raise PropError(
                "phone_number_ids",
                value,
                "is not a literal (each number's construct ID derives from it)",
                _FIX,
            )
        if arn := _ARN.fullmatch(value):
            refs.append(PhoneNumberRef(value, arn.group(3), value))
        elif PHONE_NUMBER_ID.fullmatch(value):
            arn_value = stack.format_arn(service="sms-voice", resource="phone-number", resource_name=value)
            refs.append(PhoneNumberRef(value, value, arn_value))
        else:
            raise PropError("phone_number_ids", value, "is neither a phone number ID nor its ARN", _FIX)
    ids = [ref.phone_number_id for ref in refs]
    if duplicates := sorted({i for i in ids if ids.count(i) > 1}):
        raise PropError("phone_number_ids", duplicates, "are given more than once", "list each number once")
    return refs
