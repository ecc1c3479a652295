"""Phone number normalization (E.164), origination identities and masking for logs."""

from __future__ import annotations

import re

from .errors import InvalidFieldError

_E164 = re.compile(r"\+[1-9]\d{6,14}")
_SHORT_CODE = re.compile(r"\d{3,8}")
_SEPARATORS = re.compile(r"[\s().\-/]")
_PHONE_NUMBER_ID = re.compile(r"phone-[0-9a-zA-Z]+")
_PHONE_NUMBER_ARN = re.compile(r"arn:aws[a-z-]*:sms-voice:[a-z0-9-]+:\d{12}:phone-number/phone-[0-9a-zA-Z]+")

ALL_NUMBERS = "*"
"""Origination key of an opt-out that applies to every one of our numbers."""


def to_e164(value: object, field: str) -> str:
    """Return ``value`` as an E.164 number; spaces, dots, hyphens and parentheses are ignored."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidFieldError(field, "a phone number is required")
    compact = _SEPARATORS.sub("", value.strip())
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    if not _E164.fullmatch(compact):
        raise InvalidFieldError(
            field, f"{mask(compact)!s} is not an E.164 phone number (+ and 7 to 15 digits)"
        )
    return compact


def to_origination_number(value: object, field: str) -> str:
    """Return one of our numbers: an E.164 number or a short code."""
    if isinstance(value, str) and _SHORT_CODE.fullmatch(value.strip()):
        return value.strip()
    return to_e164(value, field)


def is_phone_number_reference(value: str) -> bool:
    """True when ``value`` is a phone number ID or ARN rather than the number itself."""
    return bool(_PHONE_NUMBER_ID.fullmatch(value) or _PHONE_NUMBER_ARN.fullmatch(value))


def mask(number: str) -> str:
    """Mask a phone number for logs: ``+14155550100`` becomes ``+141******00``."""
    if len(number) <= 6:
        return "*" * len(number)
    return number[:4] + "*" * (len(number) - 6) + number[-2:]
