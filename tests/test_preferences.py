"""Event times and the consent decision."""

from __future__ import annotations

import pytest

from sms_opt_out.errors import InvalidFieldError
from sms_opt_out.phone_numbers import ALL_NUMBERS
from sms_opt_out.preferences import Action, ConsentState, Scope, StateEntry, event_time

A, B = "+18445550100", "+18445550199"


def entry(action: Action, at: str) -> StateEntry:
    return StateEntry(action, at, "SMS", action.value, at)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-05-01T12:00:00Z", "2025-05-01T12:00:00.000Z"),
        ("2025-05-01T14:00:00.123456+02:00", "2025-05-01T12:00:00.123Z"),
    ],
)
def test_event_times_are_utc_with_milliseconds(value: str, expected: str) -> None:
    assert event_time(value) == expected


@pytest.mark.parametrize(
    ("value", "reason"), [("yesterday", "is not an ISO-8601"), ("2025-05-01T12:00:00", "zone")]
)
def test_a_bad_event_time_names_the_field(value: str, reason: str) -> None:
    with pytest.raises(InvalidFieldError, match=f"^Timestamp: .*{reason}"):
        event_time(value)


def test_the_latest_event_for_the_number_decides() -> None:
    state = ConsentState(
        {
            A: entry(Action.OPT_OUT, "2025-01-01T00:00:00.000Z"),
            B: entry(Action.OPT_IN, "2025-02-01T00:00:00.000Z"),
        }
    )

    assert state.is_opted_out(A, Scope.ORIGINATION)
    assert not state.is_opted_out(B, Scope.ORIGINATION)
    assert not state.is_opted_out(A, Scope.ALL), "under ALL the later opt-in to B decides"


def test_an_all_numbers_event_applies_to_every_number_until_a_later_event_for_one() -> None:
    state = ConsentState(
        {
            ALL_NUMBERS: entry(Action.OPT_OUT, "2025-01-01T00:00:00.000Z"),
            B: entry(Action.OPT_IN, "2025-02-01T00:00:00.000Z"),
        }
    )

    assert state.is_opted_out(A, Scope.ORIGINATION)
    assert not state.is_opted_out(B, Scope.ORIGINATION)


def test_at_the_same_instant_an_opt_out_wins() -> None:
    state = ConsentState(
        {
            A: entry(Action.OPT_IN, "2025-01-01T00:00:00.000Z"),
            ALL_NUMBERS: entry(Action.OPT_OUT, "2025-01-01T00:00:00.000Z"),
        }
    )

    assert state.is_opted_out(A, Scope.ORIGINATION)
