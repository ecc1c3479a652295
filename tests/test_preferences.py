"""Event times."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from sms_opt_out.domain.preferences import Action, ConsentState, StateEntry, event_time, time_after_seen
from sms_opt_out.errors import InvalidFieldError


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


NOW = datetime(2026, 12, 1, 12, 0, 0, tzinfo=UTC)


def test_an_event_time_up_to_60_seconds_ahead_of_the_clock_is_accepted() -> None:
    assert event_time("2026-12-01T12:01:00Z", "at", now=NOW) == "2026-12-01T12:01:00.000Z"
    assert event_time(NOW - timedelta(days=400), "at", now=NOW) == "2025-10-27T12:00:00.000Z"


@pytest.mark.parametrize(
    "value", ["2026-12-01T12:01:00.001Z", "2062-12-01T12:00:00Z", NOW + timedelta(hours=1)]
)
def test_an_event_time_more_than_60_seconds_ahead_of_the_clock_is_refused(value: str | datetime) -> None:
    with pytest.raises(InvalidFieldError, match=r"^at: .* is in the future: more than 60 s after now"):
        event_time(value, "at", now=NOW)


@pytest.mark.parametrize(
    "value",
    [
        "9999-12-31T23:59:59-01:00",
        "0001-01-01T00:00:00+01:00",
        datetime(9999, 12, 31, 23, 59, tzinfo=timezone(timedelta(hours=-1))),
    ],
)
def test_a_time_beyond_the_calendar_in_utc_names_the_field(value: str | datetime) -> None:
    with pytest.raises(InvalidFieldError, match=r"^timestamp: .* is outside the years 1 to 9999 in UTC"):
        event_time(value, "timestamp", now=NOW)


def test_an_event_recorded_after_a_read_is_stamped_after_every_event_it_saw() -> None:
    """Two hosts' readings of AWS's time differ by up to a second: what is recorded after a read of a
    customer's state is ordered after it, but a much later event (beyond ``within``) is not followed."""
    seen = ConsentState({"*": StateEntry(Action.OPT_IN, "2026-12-07T08:00:00.500Z", "web", "OPT_IN", "e1")})
    now = datetime(2026, 12, 7, 8, 0, 0, 200_000, tzinfo=UTC)

    assert time_after_seen(seen, now) == "2026-12-07T08:00:00.501Z"
    assert time_after_seen(seen, now + timedelta(seconds=1)) == "2026-12-07T08:00:01.200Z"
    assert time_after_seen(seen, now - timedelta(seconds=5), within=2.0) == "2026-12-07T07:59:55.200Z"
    assert time_after_seen(ConsentState({}), now) == "2026-12-07T08:00:00.200Z"
