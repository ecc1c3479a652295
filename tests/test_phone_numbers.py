"""E.164 normalization, origination identities and masking."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sms_opt_out.errors import InvalidFieldError
from sms_opt_out.phone_numbers import is_phone_number_reference, mask, to_e164, to_origination_number

e164 = st.from_regex(r"\+[1-9][0-9]{6,14}", fullmatch=True)


@given(e164, st.sampled_from([" ", "-", ".", "(", ")", "/"]), st.integers(min_value=2, max_value=6))
def test_formatting_characters_do_not_change_the_number(number: str, separator: str, at: int) -> None:
    formatted = number[:at] + separator + number[at:]
    assert to_e164(f" {formatted} ", "n") == number


def test_a_00_international_prefix_is_read_as_plus() -> None:
    assert to_e164("0049 30 1234567", "n") == "+49301234567"


@pytest.mark.parametrize(
    "value", ["4155550100", "+0123456789", "+1 415", "+1415555010012345", "", None, 14155550100]
)
def test_invalid_numbers_raise_naming_the_field(value: object) -> None:
    with pytest.raises(InvalidFieldError, match=r"^DestinationPhoneNumber: "):
        to_e164(value, "DestinationPhoneNumber")


def test_short_codes_are_accepted_as_our_numbers_only() -> None:
    assert to_origination_number("12345", "n") == "12345"
    with pytest.raises(InvalidFieldError):
        to_e164("12345", "n")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("phone-0123456789abcdef", True),
        ("arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-0123456789abcdef", True),
        ("+14155550100", False),
        ("pool-0123", False),
    ],
)
def test_phone_number_ids_and_arns_are_recognized(value: str, expected: bool) -> None:
    assert is_phone_number_reference(value) is expected


@given(e164)
def test_a_masked_number_never_shows_more_than_six_characters(number: str) -> None:
    masked = mask(number)
    assert len(masked) == len(number)
    assert sum(c != "*" for c in masked) <= 6
    assert number not in masked
