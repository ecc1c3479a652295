"""Phone number normalization (E.164), origination identities and masking for logs."""

from __future__ import annotations

import re

from sms_opt_out.errors import InvalidFieldError

_E164 = re.compile(r"\+[1-9][0-9]{6,14}")
_SHORT_CODE = re.compile(r"[0-9]{3,8}")
_SEPARATORS = re.compile(r"[\s().\-/\u2010-\u2015\u2212]")
_TRUNK_PREFIX = re.compile(r"\(\s*0\s*\)")
"""A national trunk prefix in parentheses, as in ``+44 (0)20 7946 0000``: not dialled from abroad."""
_FULLWIDTH = str.maketrans("\uff0b\uff08\uff09\uff0d\uff0e\uff0f", "+()-./")
_PHONE_NUMBER_ID = re.compile(r"phone-[0-9a-zA-Z]+")
_PHONE_NUMBER_ARN = re.compile(
    r"arn:aws[a-z-]*:sms-voice:[a-z0-9-]+:\d{12}:phone-number/phone-[0-9a-zA-Z]+", re.ASCII
)

ALL_NUMBERS = "*"
"""Origination key of an opt-out that applies to every one of our numbers."""


def _ascii_digits(text: str) -> str:
    """``text`` with the decimal digits of every script (fullwidth, Arabic-Indic, ...) as ASCII digits,
    and fullwidth plus signs, parentheses, hyphens, dots and slashes as their ASCII forms."""
    if text.isascii():  # nearly every number: nothing to map (each send reads two)
        return text
    import unicodedata  # not on the cold start: a number written in ASCII needs none

    return "".join(
        str(unicodedata.decimal(ch)) if not ch.isascii() and unicodedata.decimal(ch, None) is not None else ch
        for ch in text.translate(_FULLWIDTH)
    )


def to_e164(value: object, field: str) -> str:
    """Return ``value`` as an ASCII E.164 number, the one key a customer's consent is stored under.

    Spaces, dots, hyphens, dashes, slashes and parentheses are ignored, digits of any script read as
    ASCII digits, ``00`` as ``+``, and a national trunk prefix in parentheses (``(0)``) is dropped.
    Anything else (letters, invisible marks, circled or superscript digits) is invalid.
    """
    if not isinstance(value, str) or not value.strip():
        raise InvalidFieldError(field, "a phone number is required")
    written = _ascii_digits(value.strip())
    if written.startswith(("+", "00")):
        written = _TRUNK_PREFIX.sub("", written)
    compact = _SEPARATORS.sub("", written)
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    if not _E164.fullmatch(compact):
        raise InvalidFieldError(
            field, f"{mask(compact)!s} is not an E.164 phone number (+ and 7 to 15 digits)"
        )
    return compact


def to_origination_number(value: object, field: str) -> str:
    """Return one of our numbers: an E.164 number or a short code."""
    if isinstance(value, str) and _SHORT_CODE.fullmatch(_ascii_digits(value.strip())):
        return _ascii_digits(value.strip())
    return to_e164(value, field)


def is_phone_number_reference(value: str) -> bool:
    """True when ``value`` is a phone number ID or ARN rather than the number itself."""
    return bool(_PHONE_NUMBER_ID.fullmatch(value) or _PHONE_NUMBER_ARN.fullmatch(value))


def mask(number: str) -> str:
    """Mask a phone number for logs: ``+14155550100`` becomes ``+141******00``.

    At most half as many characters show as the value has digits (and never more than five), so
    at least half of any number's digits are hidden, however short, and a value without digits
    shows nothing.
    """
    sign = "+" if number.startswith("+") else ""
    body = number[len(sign) :]
    shown = min(5, sum(ch.isdigit() for ch in body) // 2)
    tail = min(2, shown // 2)
    head = shown - tail
    return sign + body[:head] + "*" * (len(body) - shown) + body[len(body) - tail :]
