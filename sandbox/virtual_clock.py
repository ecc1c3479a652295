"""A virtual clock for deadline tests: time passes only when the code under test sleeps.

Install it as the ``time`` of the modules that read the clock (``VirtualClock.install``): their
``time.monotonic()``, ``time.time()`` and ``time.sleep()`` then read and advance it, so a test of an
8-second deadline runs in milliseconds and asserts on the virtual time, never on the wall clock. Calls
to AWS (moto, the simulator) take no virtual time.
"""

from __future__ import annotations

import threading
from types import ModuleType
from typing import Any

EPOCH = 1_767_225_600.0
"""2026-01-01T00:00:00Z: where ``time()`` starts."""


class VirtualClock:
    """``monotonic``, ``time`` and ``sleep`` of a clock that only sleeping advances."""

    def __init__(self) -> None:
        self._elapsed = 0.0
        self._lock = threading.Lock()

    def monotonic(self) -> float:
        with self._lock:
            return self._elapsed

    def time(self) -> float:
        return EPOCH + self.monotonic()

    def sleep(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError(f"sleep length must be non-negative, not {seconds}")
        with self._lock:
            self._elapsed += seconds

    def install(self, monkeypatch: Any, *modules: ModuleType) -> None:
        """Be the ``time`` module of each of ``modules`` while ``monkeypatch`` (pytest's) lasts."""
        for module in modules:
            monkeypatch.setattr(module, "time", self)
