"""Runs a batch's sends concurrently, next the one whose origination identity is free soonest.

Taking work in identity order rather than request order keeps a slow identity (a 3-MPS toll-free
number) from tying up every worker while a fast one (a 100-MPS short code) waits: at any time a
worker takes the request of the identity whose next slot comes first.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Sequence
from typing import TypeVar

Item = TypeVar("Item")

DEFAULT_CONCURRENCY = 32


def dispatch(
    items: Sequence[Item],
    *,
    lane: Callable[[Item], str],
    next_free: Callable[[str], float],
    work: Callable[[Item], None],
    concurrency: int = DEFAULT_CONCURRENCY,
    stop: threading.Event | None = None,
) -> list[Item]:
    """Call ``work`` on every item, at most ``concurrency`` at a time; return the items not started.

    Items of one lane start in their order. ``stop`` set (or ``work`` raising) ends the run: the
    workers finish what they started and the rest is returned. ``work`` raising is re-raised.
    """
    stop = stop or threading.Event()
    lanes: dict[str, deque[Item]] = {}
    for item in items:
        lanes.setdefault(lane(item), deque()).append(item)
    lock = threading.Lock()
    errors: list[BaseException] = []

    def take() -> Item | None:
        with lock:
            waiting = [name for name, queue in lanes.items() if queue]
            if stop.is_set() or not waiting:
                return None
            return lanes[min(waiting, key=next_free)].popleft()

    def worker() -> None:
        while (item := take()) is not None:
            try:
                work(item)
            except BaseException as error:  # noqa: BLE001 - re-raised by dispatch() once every worker is done
                errors.append(error)
                stop.set()

    if len(items) == 1 or concurrency == 1:
        worker()
    else:
        threads = [threading.Thread(target=worker) for _ in range(min(concurrency, len(items)))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    if errors:
        raise errors[0]
    return [item for queue in lanes.values() for item in queue]
