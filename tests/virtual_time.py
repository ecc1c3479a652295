"""Virtual time for threads, shared by the pacing and shared-rate tests (no test here).

A ``sleep`` ends when the clock reaches its end, and the clock moves only when every thread sleeps or
is done, to the earliest end. A pause of a group of threads (a container frozen between invocations,
a long pause of its process, a loaded machine: ``pauses``, by the name a thread gives with
``run_as``; threads that give none are the group ``""``) runs none of them: every sleep of theirs
that would end within it ends at its end, all at once, while the other groups' threads go on. So a
test decides the order of events, never the machine's speed.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping

from tests.conftest import WAIT_SECONDS

EVERYONE = ""
"""The group of threads that named none with ``run_as``."""


class ThreadTime:
    """A clock (call it) and a ``sleep`` for ``threads`` threads, starting at ``now``."""

    def __init__(
        self, threads: int, now: float, pauses: Mapping[str, tuple[float, float]] | None = None
    ) -> None:
        self.now = now
        self._pauses = dict(pauses or {})
        self._running = threads
        self._wakes: dict[int, float] = {}
        self._groups: dict[int, str] = {}
        self._moved = threading.Condition()

    def __call__(self) -> float:
        return self.now

    def run_as(self, group: str) -> None:
        """The calling thread is one of ``group``'s (a container's)."""
        with self._moved:
            self._groups[threading.get_ident()] = group

    def sleep(self, seconds: float) -> None:
        me = threading.get_ident()
        with self._moved:
            wake = self.now + seconds
            begins, ends = self._pauses.get(self._groups.get(me, EVERYONE), (0.0, 0.0))
            self._wakes[me] = ends if begins <= wake < ends else wake
            self._running -= 1
            self._advance()
            if not self._moved.wait_for(lambda: me not in self._wakes, timeout=WAIT_SECONDS):
                raise TimeoutError("virtual time stopped moving")

    def done(self) -> None:
        """The calling thread has finished: the clock no longer waits for it."""
        with self._moved:
            self._running -= 1
            self._advance()

    def _advance(self) -> None:
        if self._running or not self._wakes:
            return
        self.now = max(self.now, min(self._wakes.values()))
        for thread, at in list(self._wakes.items()):
            if at <= self.now:
                del self._wakes[thread]
                self._running += 1
        self._moved.notify_all()
