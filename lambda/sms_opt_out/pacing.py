"""Per-identity pacing of SendTextMessage: a token bucket per origination identity, adaptive on throttling.

One ``Pacer`` serves a container: every thread of every invocation (sends and confirmations)
reserves its slot from it, so the configured rate of an identity holds across them. An identity
without a configured rate is not paced until AWS throttles it; then, as botocore's adaptive retry
mode does for a whole client but per identity, its pace drops to ``REDUCTION`` of the rate it was
sending at and climbs back by ``RECOVERY_PER_SECOND`` of that each second, up to its configured
rate (if any). One throttled number never slows another.
"""

from __future__ import annotations

import json
import logging
import random
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from botocore.exceptions import ClientError

from .deadline import Deadline
from .errors import ConfigurationError

logger = logging.getLogger(__name__)
_Answer = TypeVar("_Answer")
THROTTLING = "ThrottlingException"

DEFAULT_IDENTITY = "*"
"""The key of ``MESSAGES_PER_SECOND`` whose rate applies to every identity not named."""
REDUCTION = 0.7
"""A throttled identity's new rate, as a share of the rate it was sending at (botocore's beta)."""
RECOVERY_PER_SECOND = 0.1
"""Share of the reduced rate regained per second without a throttle."""
MIN_RATE = 0.5
"""Messages per second a throttled identity never drops below."""
MEASURE_WINDOW = 1.0
"""Seconds over which an unpaced identity's sending rate is measured."""


def parse_rates(value: str | None, field_name: str = "MESSAGES_PER_SECOND") -> dict[str, float]:
    """``{"+18445550100": 3, "*": 20}`` as a mapping; unset or empty means no configured rate."""
    if value is None or not value.strip():
        return {}
    try:
        rates = json.loads(value)
    except json.JSONDecodeError:
        raise ConfigurationError(
            field_name, "must be a JSON object of identity to messages per second"
        ) from None
    if not isinstance(rates, dict):
        raise ConfigurationError(field_name, "must be a JSON object of identity to messages per second")
    for identity, rate in rates.items():
        if isinstance(rate, bool) or not isinstance(rate, int | float) or not rate > 0:
            raise ConfigurationError(field_name, f"the rate of {identity!r} must be a positive number")
    return {str(k): float(v) for k, v in rates.items()}


@dataclass
class _Lane:
    """One identity's bucket (one message's worth held at once, so no burst exceeds the rate)."""

    ceiling: float | None
    next_free: float = 0.0
    reduced_rate: float | None = None
    reduced_at: float = 0.0
    recent: deque[float] = field(default_factory=deque)

    def rate(self, now: float) -> float | None:
        if self.reduced_rate is None:
            return self.ceiling
        recovered = self.reduced_rate * (1 + RECOVERY_PER_SECOND * (now - self.reduced_at))
        return recovered if self.ceiling is None else min(self.ceiling, recovered)

    def reserve(self, now: float) -> float:
        rate = self.rate(now)
        at = now if rate is None else max(now, self.next_free)
        if rate is not None:
            self.next_free = at + 1 / rate
        self.recent.append(at)
        while self.recent and self.recent[0] < now - MEASURE_WINDOW:
            self.recent.popleft()
        return at

    def throttled(self, sent_at: float, now: float) -> None:
        if self.reduced_rate is not None and sent_at < self.reduced_at:
            return  # sent before the last slow-down: already answered by it
        measured = max(MIN_RATE, len(self.recent) / MEASURE_WINDOW)
        current = self.rate(now)
        base = measured if current is None else min(current, measured)
        self.reduced_rate = max(MIN_RATE, base * REDUCTION)
        self.reduced_at = now
        self.next_free = max(self.next_free, now + 1 / self.reduced_rate)


class Pacer:
    """Hands out send slots per origination identity; thread-safe, shared by a container.

    ``clock`` (this module's ``time.monotonic`` by default, read at each call) tells the time of every
    slot and slow-down.
    """

    def __init__(
        self, rates: Mapping[str, float] | None = None, clock: Callable[[], float] | None = None
    ) -> None:
        self._rates = dict(rates or {})
        self._clock = clock if clock is not None else _monotonic
        self._lanes: dict[str, _Lane] = {}
        self._lock = threading.Lock()

    def configured_rate(self, identity: str, aliases: Iterable[str] = ()) -> float | None:
        """The rate ``MESSAGES_PER_SECOND`` gives ``identity`` (or one of its other names), or the default."""
        for name in (identity, *aliases):
            if name in self._rates:
                return self._rates[name]
        return self._rates.get(DEFAULT_IDENTITY)

    def _lane(self, identity: str, aliases: Iterable[str]) -> _Lane:
        lane = self._lanes.get(identity)
        if lane is None:
            lane = self._lanes[identity] = _Lane(self.configured_rate(identity, aliases))
        return lane

    def reserve(self, identity: str, aliases: Iterable[str] = ()) -> float:
        """Take the next slot of ``identity``: the ``clock()`` time at which its send may start."""
        with self._lock:
            return self._lane(identity, aliases).reserve(self._clock())

    def next_free(self, identity: str, aliases: Iterable[str] = ()) -> float:
        """When ``identity``'s next slot would start, without taking it."""
        with self._lock:
            lane = self._lane(identity, aliases)
            now = self._clock()
            return now if lane.rate(now) is None else max(now, lane.next_free)

    def throttled(self, identity: str, sent_at: float) -> None:
        """AWS throttled a send of ``identity`` that started at ``sent_at``: slow it down."""
        with self._lock:
            self._lane(identity, ()).throttled(sent_at, self._clock())

    def rate(self, identity: str) -> float | None:
        """``identity``'s pace now (None: not paced)."""
        with self._lock:
            lane = self._lanes.get(identity)
            return self.configured_rate(identity) if lane is None else lane.rate(self._clock())


BACKOFF_BASE = 0.05
BACKOFF_CAP = 2.0


def backoff_delay(attempt: int) -> float:
    """Full-jitter exponential backoff: a random wait up to 50 ms doubled per attempt, at most 2 s."""
    return random.uniform(0, min(BACKOFF_CAP, BACKOFF_BASE * 2**attempt))


def retry_throttled(
    call: Callable[[], _Answer], what: str, deadline: Deadline, sleep: Callable[[float], None] = time.sleep
) -> _Answer:
    """``call()``, retried with jittered backoff while AWS throttles it and ``deadline`` leaves time.

    For control-plane lookups (DescribePhoneNumbers, ListPoolOriginationIdentities: about 1 request
    per second per account); any other error, or a throttle with no time left, is raised.
    """
    attempt = 0
    while True:
        try:
            return call()
        except ClientError as error:
            delay = backoff_delay(attempt)
            if error.response.get("Error", {}).get("Code") != THROTTLING or not deadline.allows_send_at(
                time.monotonic() + delay
            ):
                raise
            logger.info("%s throttled; retrying in %.2f s", what, delay)
            sleep(delay)
            attempt += 1


def _monotonic() -> float:
    """``time.monotonic()`` looked up when called, so a clock installed as this module's ``time`` counts."""
    return time.monotonic()
