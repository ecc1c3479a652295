"""E.164 normalization, origination identities and masking."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sms_opt_out.domain.phone_numbers import is_phone_number_reference, mask, to_e164, to_origination_number
from sms_opt_out.errors import InvalidFieldError

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


@given(st.from_regex(r"\+?[0-9]{0,20}", fullmatch=True))
def test_a_masked_number_hides_at_least_half_of_its_digits_however_short(number: str) -> None:
    masked = mask(number)

    digits, shown = sum(c.isdigit() for c in number), sum(c.isdigit() for c in masked)
    assert len(masked) == len(number) and shown <= digits / 2


def test_a_masked_value_that_is_not_a_number_shows_none_of_it() -> None:
    assert mask("not a number") == "*" * 12


@pytest.mark.parametrize(
    "written",
    [
        "+1\uff14\uff11\uff15\uff15\uff15\uff15\uff10\uff11\uff12\uff13",  # fullwidth digits
        "\uff0b\uff11 (\uff14\uff11\uff15) \uff15\uff15\uff15\uff0d\uff10\uff11\uff12\uff13",
        "+\u0661\u0664\u0661\u0665\u0665\u0665\u0665\u0660\u0661\u0662\u0663",  # Arabic-Indic
        "+\u06f1\u06f4\u06f1\u06f5\u06f5\u06f5\u06f5\u06f0\u06f1\u06f2\u06f3",  # Extended Arabic-Indic
        "+1\u00a0415\u2011555\u20130123",  # no-break space, non-breaking hyphen, en dash
    ],
)
def test_digits_of_any_script_normalise_to_the_ascii_key(written: str) -> None:
    assert to_e164(written, "n") == "+14155550123"


@pytest.mark.parametrize("written", ["+44 (0)7700 900123", "+44(0)7700900123", "+44 (0) 7700-900123"])
def test_a_national_trunk_prefix_in_parentheses_is_dropped(written: str) -> None:
    assert to_e164(written, "n") == "+447700900123"


@pytest.mark.parametrize(
    "written",
    ["+1 415 555 0123\u200e", "+1 415 555 \u2460123", "+1 415 555 \u00b9\u00b2\u00b3", "+44 7700 900123x"],
)
def test_look_alike_characters_that_are_not_digits_or_separators_are_invalid(written: str) -> None:
    with pytest.raises(InvalidFieldError, match=r"^n: "):
        to_e164(written, "n")
