"""Per-identity pacing of SendTextMessage: a token bucket per origination identity, adaptive on throttling.

One ``Pacer`` serves a container: every thread of every invocation (sends and confirmations)
reserves its slot from it, so the rate of an identity holds across them. An identity's rate is, in
order, the one configured (``MESSAGES_PER_SECOND``), the one AWS reports or publishes for it
(``rate_limits``, through ``known_rate``), or none: then it is not paced until AWS throttles it.

Adaptive discovery converges on the rate AWS enforces: a throttle sets the pace to ``REDUCTION``
of the lower of the pace it was sending at and the rate AWS *accepted* over the last
``MEASURE_WINDOW`` (what got through is the true rate, whatever was attempted), then the pace
climbs back by ``GROWTH_PER_SECOND`` of itself each second, up to the known rate (if any), so it
saws between 90% and 100% of the true rate with a throttle every 20 seconds or so. A throttle with
nothing accepted (another sender holds the number's whole rate) starts from ``MIN_RATE`` and
doubles each second until the next throttle measures the rate. One throttled number never slows
another.

A slot (``reserve``) tells when a send may start at the earliest; the send starts when it claims it
(``claim``), at least one interval of the pace after the last send of its identity started: threads
woken late together on a loaded machine send one after another, not in a burst AWS throttles.
"""

from __future__ import annotations

import json
import logging
import random
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from botocore.exceptions import ClientError

from sms_opt_out.contract import THROTTLING
from sms_opt_out.domain.deadline import Deadline
from sms_opt_out.errors import ConfigurationError

logger = logging.getLogger(__name__)
_Answer = TypeVar("_Answer")

DEFAULT_IDENTITY = "*"
"""The key of ``MESSAGES_PER_SECOND`` whose rate applies to every identity not named."""
REDUCTION = 0.92
"""A throttled identity's new pace, as a share of the lower of its pace and its accepted rate."""
GROWTH_PER_SECOND = 0.005
"""Share of the reduced pace regained per second without a throttle, once the rate is measured."""
MIN_RATE = 0.5
"""Messages per second a throttled identity never drops below."""
MEASURE_WINDOW = 2.0
"""Seconds over which an identity's accepted sends are counted (at least 1 s of them is used)."""
SLOW_SAMPLES = 10
"""An identity whose last ``SLOW_SAMPLES`` accepted sends span more than ``MEASURE_WINDOW`` is
measured by their spacing instead (a count over 2 s of a 1-MPS number would be off by half)."""
KEPT_SECONDS = 30.0
"""Accepted sends older than this are forgotten."""

KNOWN_RATE_HEADROOM = 0.97
"""A rate AWS reports or publishes is paced at 97% of it: a call's latency varies by milliseconds,
and the bucket of a 1-MPS number holds one token, so a pace of exactly 1 is throttled now and then."""
KnownRate = Callable[[Sequence[str]], "float | None"]
FleetShare = Callable[[str], "tuple[float, float]"]
"""This container's share of an identity's rate and the seconds it must wait before sending
(``shared_rates.SharedRates.share``)."""
FleetRelease = Callable[[str], None]
"""This container is done sending from an identity: its share goes back to the others
(``shared_rates.SharedRates.release``)."""
FleetBusy = Callable[[str], bool]
"""Whether another container is known, without asking, to share an identity's rate now
(``shared_rates.SharedRates.others_sending``)."""
KNOWN_GROWTH_PER_SECOND = 0.05
"""Under a known rate a throttle is transient (a container joining, a late packet): the pace is
back at the rate within 2 seconds."""
"""An identity's rate from what AWS reports or publishes for it, given all its names; None: unknown."""


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
    started: float
    share: float = 1.0
    """This container's share of the ceiling (``shared_rates``: the containers sending from it)."""
    next_free: float = 0.0
    reduced_rate: float | None = None
    reduced_at: float = 0.0
    changes: int = 0
    """Changes of pace so far (a throttle, a share of the fleet's rate lost or gained): a slot taken
    before the last one is stale (taken at the old pace)."""
    measured: bool = False
    """Whether the reduced rate came from accepted sends (climb slowly) or from nothing (double)."""
    accepted: deque[float] = field(default_factory=deque)
    last_start: float = float("-inf")
    """When the last send started (``claim``): the next one starts one interval of the pace after it."""

    def rate(self, now: float) -> float | None:
        ceiling = None if self.ceiling is None else self.ceiling * self.share
        if self.reduced_rate is None:
            return ceiling
        elapsed = now - self.reduced_at
        if self.measured:
            growth = GROWTH_PER_SECOND if ceiling is None else KNOWN_GROWTH_PER_SECOND
            recovered = self.reduced_rate * (1 + growth * elapsed)
        else:
            recovered = self.reduced_rate * 2 ** min(elapsed, 30.0)
        return recovered if ceiling is None else min(ceiling, recovered)

    def reserve(self, now: float) -> float:
        rate = self.rate(now)
        at = now if rate is None else max(now, self.next_free)
        if rate is not None:
            self.next_free = at + 1 / rate
        return at

    def claim(self, now: float) -> float:
        """Start a send now if the pace allows (0.0, recorded), else answer the seconds to wait."""
        rate = self.rate(now)
        if rate is not None and now < (earliest := self.last_start + 1 / rate):
            return earliest - now
        self.last_start = now
        return 0.0

    def was_accepted(self, now: float) -> None:
        self.accepted.append(now)
        while self.accepted and self.accepted[0] <= now - KEPT_SECONDS:
            self.accepted.popleft()

    def accepted_rate(self, now: float) -> float | None:
        """Messages per second AWS accepted lately (None: none accepted in ``KEPT_SECONDS``)."""
        recent = [at for at in self.accepted if at > now - KEPT_SECONDS]
        if not recent:
            return None
        last = recent[-SLOW_SAMPLES:]
        if len(last) == SLOW_SAMPLES and last[-1] - last[0] > MEASURE_WINDOW:
            return (len(last) - 1) / (last[-1] - last[0])
        count = max(1, sum(1 for at in recent if at > now - MEASURE_WINDOW))
        return count / max(1.0, min(MEASURE_WINDOW, now - self.started))

    def throttled(self, sent_at: float, now: float) -> None:
        if self.reduced_rate is not None and sent_at < self.reduced_at:
            return  # sent before the last slow-down: already answered by it
        current = self.rate(now)
        accepted = self.accepted_rate(now)
        estimates = [r for r in (current, accepted) if r is not None]
        self.measured = accepted is not None
        self.reduced_rate = max(MIN_RATE, min(estimates) * REDUCTION) if estimates else MIN_RATE
        self.reduced_at = now
        self.changes += 1
        self.next_free = now + 1 / self.reduced_rate  # the slots already taken are stale: taken again


class Pacer:
    """Hands out send slots per origination identity; thread-safe, shared by a container.

    ``clock`` (this module's ``time.monotonic`` by default, read at each call) tells the time of every
    slot and slow-down;
    ``known_rate`` gives an identity's rate when none is configured (asked once per identity,
    outside the pacer's lock: it may ask AWS); ``fleet_share`` this container's share of a known
    rate, asked at every slot, while a send waits for its slot and when it claims it (outside the
    lock: it renews a lease in DynamoDB once a second, whichever asks); ``fleet_release`` gives the
    share back (``release``); ``fleet_busy`` tells, without asking, that another container shares
    it now (``slot_alone``).
    """

    def __init__(
        self,
        rates: Mapping[str, float] | None = None,
        clock: Callable[[], float] | None = None,
        known_rate: KnownRate | None = None,
        fleet_share: FleetShare | None = None,
        fleet_release: FleetRelease | None = None,
        fleet_busy: FleetBusy | None = None,
    ) -> None:
        self._rates = dict(rates or {})
        self._clock = clock if clock is not None else _monotonic
        self._known_rate = known_rate
        self._fleet_share = fleet_share
        self._fleet_release = fleet_release
        self._fleet_busy = fleet_busy
        self._lanes: dict[str, _Lane] = {}
        self._lock = threading.Lock()

    def now(self) -> float:
        """The time on the pacer's clock, the one its slots are told in."""
        return self._clock()

    def configured_rate(self, identity: str, aliases: Iterable[str] = ()) -> float | None:
        """The rate ``MESSAGES_PER_SECOND`` gives ``identity`` (or one of its other names), or the default."""
        for name in (identity, *aliases):
            if name in self._rates:
                return self._rates[name]
        return self._rates.get(DEFAULT_IDENTITY)

    def ceiling(self, identity: str, aliases: Iterable[str] = ()) -> float | None:
        """``identity``'s rate before any throttle: configured, else known (reported or published)."""
        aliases = tuple(aliases)
        configured = self.configured_rate(identity, aliases)
        if configured is not None or self._known_rate is None:
            return configured
        known = self._known_rate((identity, *aliases))
        return None if known is None else known * KNOWN_RATE_HEADROOM

    def _lane(self, identity: str, aliases: Iterable[str]) -> _Lane:
        with self._lock:
            lane = self._lanes.get(identity)
        if lane is None:
            ceiling = self.ceiling(identity, aliases)
            with self._lock:
                lane = self._lanes.setdefault(identity, _Lane(ceiling, self._clock()))
        return lane

    def reserve(self, identity: str, aliases: Iterable[str] = ()) -> float:
        """Take the next slot of ``identity``: the ``clock()`` time at which its send may start."""
        lane = self._lane(identity, aliases)
        share = self._share(identity, lane)
        with self._lock:
            now = self._apply(lane, share)
            return lane.reserve(now)

    def slot_alone(self, identity: str, aliases: Iterable[str] = (), within: float = 0.0) -> bool:
        """Whether a send of ``identity`` could start within ``within`` seconds without taking it, with
        no other container sending from it (this container's share of the fleet's rate, renewed when
        due, is the whole rate): a slot no other container's sends compete for. An identity not
        shared (its rate unknown, or no fleet) counts its own pace alone. Another container known to
        send from it (``fleet_busy``) answers False at once: nothing renewed, nothing joined to release."""
        lane = self._lane(identity, aliases)
        if self._fleet_busy is not None and lane.ceiling is not None and self._fleet_busy(identity):
            return False
        share = self._share(identity, lane)
        with self._lock:
            now = self._apply(lane, share)
            start = now if lane.rate(now) is None else max(now, lane.next_free)
            return (share is None or share[0] >= 1.0) and start - now <= within

    def refresh(self, identity: str, aliases: Iterable[str] = ()) -> int:
        """While a send of ``identity`` waits for its slot: keep this container's share of the fleet's
        rate (renewing its lease when due) and answer ``changes``, which tells whether the slot is stale."""
        lane = self._lane(identity, aliases)
        share = self._share(identity, lane)
        with self._lock:
            self._apply(lane, share)
            return lane.changes

    def release(self) -> None:
        """This container is done sending for now: every identity's share of the fleet's rate goes
        back to the other containers (the next slot joins them again)."""
        if self._fleet_release is None:
            return
        with self._lock:
            shared = [name for name, lane in self._lanes.items() if lane.ceiling is not None]
        for identity in shared:
            self._fleet_release(identity)

    def _share(self, identity: str, lane: _Lane) -> tuple[float, float] | None:
        """This container's share of ``identity``'s rate and the wait before its first send (None: not
        shared)."""
        if self._fleet_share is None or lane.ceiling is None:
            return None
        return self._fleet_share(identity)

    def _apply(self, lane: _Lane, share: tuple[float, float] | None) -> float:
        """Take ``share`` into ``lane`` (under the lock); answer the time now."""
        now = self._clock()
        if share is None:
            return now
        fraction, wait = share
        if fraction != lane.share:  # a container joined or left: the slots taken at the old share are stale
            lane.changes += 1
            lane.next_free = now
            lane.share = fraction
        lane.next_free = max(lane.next_free, now + wait)
        return now

    def claim(self, identity: str, pace: int) -> float | None:
        """A send of ``identity`` whose slot (taken at ``changes`` ``pace``) has come is about to start:
        0.0 when it may start now (its start is recorded), the seconds to wait when it may not yet,
        None when its slot is stale (the pace changed: take another).

        A slot says when a send may start at the earliest, not when it does: a thread wakes late on a
        loaded machine, and the sends of every slot that came during a pause of the process wake at
        once. Each starts no sooner than one interval of the pace after the last send that started, so
        late sends go one after another, never together (AWS holds at most a second's worth).

        A shared rate's share is asked first (renewed when due): a container that stalled past its
        lease (the others have taken its share meanwhile) joins again before it sends, and waits as a
        joining container does; its slots, taken before the stall, are no licence to send."""
        with self._lock:
            lane = self._lanes.get(identity)
        if lane is None:
            return None
        share = self._share(identity, lane)
        with self._lock:
            now = self._apply(lane, share)
            if lane.changes != pace:
                return None
            if share is not None and share[1] > 0:
                return share[1]
            return lane.claim(now)

    def next_free(self, identity: str, aliases: Iterable[str] = ()) -> float:
        """When ``identity``'s next slot would start, without taking it."""
        lane = self._lane(identity, aliases)
        with self._lock:
            now = self._clock()
            return now if lane.rate(now) is None else max(now, lane.next_free)

    def changes(self, identity: str) -> int:
        """How many times ``identity``'s pace changed (a throttle, a share of the fleet's rate lost or
        gained): a slot taken before a change is stale."""
        with self._lock:
            lane = self._lanes.get(identity)
            return 0 if lane is None else lane.changes

    def accepted(self, identity: str) -> None:
        """AWS accepted a send of ``identity`` (its answer came back now): the measure of its rate."""
        lane = self._lane(identity, ())
        with self._lock:
            lane.was_accepted(self._clock())

    def throttled(self, identity: str, sent_at: float) -> None:
        """AWS throttled a send of ``identity`` that started at ``sent_at``: slow it down."""
        lane = self._lane(identity, ())
        with self._lock:
            lane.throttled(sent_at, self._clock())

    def rate(self, identity: str) -> float | None:
        """``identity``'s pace now (None: not paced)."""
        with self._lock:
            lane = self._lanes.get(identity)
            if lane is not None:
                return lane.rate(self._clock())
        return self.configured_rate(identity)


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
