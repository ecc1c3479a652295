"""The SMS simulator in a process of its own, as AWS is: the sender's threads do not share its interpreter."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from sandbox.sms_simulator import SmsSimulator


@dataclass(frozen=True)
class Delivered:
    origination: str
    destination: str
    sent_at: str


def _serve(pipe: Connection, latency: float, numbers: dict[str, float | None]) -> None:
    with SmsSimulator(latency=latency) as sms:
        for number, rate in numbers.items():
            sms.add_phone_number(number)
            if rate is not None:
                sms.limit_rate(number, rate)
        pipe.send(sms.endpoint_url)
        pipe.recv()  # the run is over
        texts = [
            Delivered(t.origination, t.destination, t.sent_at)
            for box in sms.state.inboxes.values()
            for t in box
        ]
        pipe.send((texts, len(sms.state.throttled)))


@contextmanager
def remote_simulator(latency: float, numbers: dict[str, float | None]) -> Iterator[tuple[str, Connection]]:
    """Yields the endpoint and a pipe: send it anything to get back (texts delivered, throttles answered)."""
    with served(_serve, latency, numbers) as (endpoint, pipe):
        yield endpoint, pipe


@contextmanager
def served(target: Callable[..., None], *args: Any) -> Iterator[tuple[Any, Connection]]:
    """Run ``target(pipe, *args)`` in a process of its own (spawned: no state of this one); yield the
    first thing it sends (its endpoint) and the pipe; on leaving, wait for it to end, then stop it."""
    ours, theirs = multiprocessing.Pipe()
    process = multiprocessing.get_context("spawn").Process(target=target, args=(theirs, *args), daemon=True)
    process.start()
    try:
        yield ours.recv(), ours
    finally:
        process.join(timeout=10)
        if process.is_alive():
            process.terminate()
