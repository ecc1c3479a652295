"""The remaining-time budget of one invocation, from Lambda's context."""

from __future__ import annotations

import time
from typing import Any

SEND_MARGIN_SECONDS = 1.0
"""Time kept in hand when a send starts: one SendTextMessage call at worst-case normal latency
(well under a second), then settling idempotency keys, keeping failed sends and returning."""


class Deadline:
    """When the invocation must be done by; sends start only while ``SEND_MARGIN_SECONDS`` remain."""

    def __init__(self, remaining_seconds: float | None, margin: float = SEND_MARGIN_SECONDS) -> None:
        self.started = time.time()
        """Wall-clock start (epoch seconds): key records expire at ``started`` plus the remaining time."""
        self._start = time.monotonic()
        self.remaining_at_start = remaining_seconds
        self._margin = margin

    @classmethod
    def of(cls, context: Any) -> Deadline:
        """From ``context.get_remaining_time_in_millis()``; no context (a direct call) has no deadline."""
        remaining = getattr(context, "get_remaining_time_in_millis", None)
        return cls(remaining() / 1000 if callable(remaining) else None)

    @classmethod
    def none(cls) -> Deadline:
        return cls(None)

    @property
    def expires_at(self) -> float | None:
        """Epoch seconds at which the invocation times out (None without a deadline)."""
        if self.remaining_at_start is None:
            return None
        return self.started + self.remaining_at_start

    def remaining(self) -> float:
        """Seconds left (infinite without a deadline)."""
        if self.remaining_at_start is None:
            return float("inf")
        return self.remaining_at_start - (time.monotonic() - self._start)

    def allows_send_at(self, monotonic_time: float) -> bool:
        """Whether a send starting at ``monotonic_time`` (``time.monotonic()``) leaves the margin."""
        return self.remaining() - max(0.0, monotonic_time - time.monotonic()) >= self._margin
