"""Event times."""

from __future__ import annotations

import pytest

from sms_opt_out.errors import InvalidFieldError
from sms_opt_out.preferences import event_time


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
