"""AWS's clock as seen from this host: the host's clock corrected by the offset AWS's responses show.

Every AWS response carries a ``Date`` header (whole seconds). As the AWS SDKs correct clock skew,
``AwsClock`` learns the offset between it and the host's clock: when a response arrives AWS's time
is at least its ``Date``, so ``Date`` minus the host's time then is a lower bound of the offset.
The clock keeps the greatest such bound seen (plus half a second), which only grows as responses
straddle AWS's second boundaries: ``AwsClock()`` is AWS's time to within about a second, and never
runs backwards between two readings of one host (events a host records one after another keep
their order). A bound more than ``STEP_SECONDS`` below the kept one means the host's clock was
stepped forward (NTP): the clock starts again from it.

Everything that orders events or expires something another host reads uses it: an event recorded
without an explicit time (registry, CLI), the 60 s future check of an explicit time, the reply
function's leases and the sender's idempotency claims. Before any response has been seen it is
the host's clock (``synced`` is False); callers that need AWS's time make a request first.
"""

from __future__ import annotations

import email.utils
import threading
import time
from collections.abc import Callable
from typing import Any

STEP_SECONDS = 2.0
"""A lower bound this far below the kept one is a host clock stepped forward, not a slow response."""


def host_time() -> float:
    """The host's clock (epoch seconds): what ``AwsClock`` corrects, unless it is given another."""
    return time.time()


class AwsClock:
    """Epoch seconds by AWS's clock; callable like ``time.time``. Thread-safe."""

    def __init__(self, local: Callable[[], float] | None = None) -> None:
        """``local``: the host's clock (default: ``host_time``, looked up at each call)."""
        self._local = local
        self._bound: float | None = None
        self._last: float | None = None
        self._lock = threading.Lock()

    def local(self) -> float:
        return (self._local or host_time)()

    def watch(self, client: Any) -> Any:
        """Learn the offset from every response ``client`` receives; returns ``client``."""
        client.meta.events.register("after-call.*.*", self._after_call)
        return client

    def _after_call(self, http_response: Any = None, **_: Any) -> None:
        date = getattr(http_response, "headers", {}).get("Date") if http_response is not None else None
        if date:
            self.observe(date)

    def observe(self, date_header: str) -> None:
        """Learn from an HTTP ``Date`` header received now; ignore one that cannot be read."""
        try:
            aws = email.utils.parsedate_to_datetime(date_header).timestamp()
        except (TypeError, ValueError):
            return
        bound = aws - self.local()
        with self._lock:
            if self._bound is None or bound > self._bound or bound < self._bound - STEP_SECONDS:
                self._bound = bound

    @property
    def synced(self) -> bool:
        """Whether a response has shown AWS's time yet."""
        return self._bound is not None

    @property
    def offset(self) -> float:
        """AWS's time minus the host's (0 until a response was seen)."""
        return 0.0 if self._bound is None else self._bound + 0.5

    def __call__(self) -> float:
        """AWS's time now; never earlier than this clock's previous reading by less than
        ``STEP_SECONDS`` (the ``Date`` header's rounding, when the first offset is learned), while a
        larger correction (a host clock that was wrong until AWS's time was seen) is taken at once."""
        now = self.local() + self.offset
        with self._lock:
            if self._last is not None and self._last - STEP_SECONDS < now < self._last:
                now = self._last
            self._last = now
        return now

    def from_host(self, host_seconds: float) -> float:
        """A time reckoned by the host's clock (a deadline, say), in AWS's time."""
        return host_seconds + self.offset
