"""Consent read fresh for each send: never older than ``FRESH_FOR_SECONDS`` when the send starts.

Reads go in blocks of 100 customers in the batch's order (one strongly consistent BatchGetItem
each): a customer's block is read when the first of its customers is sent, whatever order the
concurrent sends take, so a fast batch costs exactly one read per 100 recipients, and a slow one (a
3-MPS number) reads again, for the customers still waiting, what has grown stale.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Sequence

from sms_opt_out.domain.preferences import ConsentState
from sms_opt_out.storage.consent_items import BATCH_GET_LIMIT
from sms_opt_out.storage.opt_out_store import OptOutStore

FRESH_FOR_SECONDS = 5.0


class ConsentReads:
    """The consent of one batch's customers, re-read in chunks when stale; thread-safe."""

    def __init__(self, store: OptOutStore, customers: Sequence[str], fresh_for: float | None = None) -> None:
        self._store = store
        self._order = list(dict.fromkeys(customers))
        self._position = {customer: index for index, customer in enumerate(self._order)}
        self._waiting = Counter(customers)
        self._fresh_for = FRESH_FOR_SECONDS if fresh_for is None else fresh_for
        self._read: dict[str, tuple[float, ConsentState]] = {}
        self._lock = threading.Lock()

    def state(self, customer: str) -> ConsentState:
        """``customer``'s consent, read at most ``fresh_for`` seconds ago; raises if it cannot be read."""
        with self._lock:
            now = time.monotonic()
            read = self._read.get(customer)
            if read is None or now - read[0] > self._fresh_for:
                self._read_chunk(customer, now)
                read = self._read[customer]
            return read[1]

    def done(self, customer: str) -> None:
        """One request of ``customer`` is finished: their state need not be read for it again."""
        with self._lock:
            self._waiting[customer] -= 1

    def _read_chunk(self, customer: str, now: float) -> None:
        start = self._position[customer] // BATCH_GET_LIMIT * BATCH_GET_LIMIT
        chunk = [customer]
        for other in self._order[start : start + BATCH_GET_LIMIT]:
            read = self._read.get(other)
            if (
                other != customer
                and self._waiting[other] > 0
                and (read is None or now - read[0] > self._fresh_for / 2)
            ):
                chunk.append(other)
        read_at = time.monotonic()
        for name, state in self._store.states.consent_states(chunk).items():
            self._read[name] = (read_at, state)
