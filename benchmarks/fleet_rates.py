"""Rates from AWS and one rate per number across the fleet (issue 25), against the simulator.

Each identity is registered as AWS describes it (``NumberType``, ``IsoCountryCode`` and, unless told
otherwise, ``MessagingLimits``) and limited at its rate (AWS's token bucket, a second's worth at
most), with 50 ms per call; nothing is configured (no ``MESSAGES_PER_SECOND``). The fleet runs send
containers as processes of their own, started and stopped at different times, against one moto
server (their leases) and one simulator.

``python -m benchmarks.fleet_rates`` prints the rows; ``benchmarks.run`` adds them to BENCHMARKS.md.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from multiprocessing.connection import Connection
from typing import Any

from benchmarks.local_stack import ENVIRONMENT
from benchmarks.remote_simulator import served
from benchmarks.send_throughput import LATENCY, moto_server
from sandbox.sms_simulator import SmsSimulator


@dataclass(frozen=True)
class Number:
    e164: str
    rate: int
    number_type: str
    country: str = "US"
    reported: bool = True

    @property
    def phone_id(self) -> str:
        return "phone-" + uuid.uuid5(uuid.NAMESPACE_OID, self.e164).hex  # as the simulator makes it


TOLL_FREE = Number("+18445550131", 3, "TOLL_FREE")
TEN_DLC = Number("+12065550132", 1, "TEN_DLC")
SHORT_CODE = Number("55133", 100, "SHORT_CODE")
UNREPORTED = Number("+18445550134", 3, "TOLL_FREE", reported=False)
FLEET = Number("+447700900135", 10, "LONG_CODE", "GB")
SECONDS = {TOLL_FREE: 15, TEN_DLC: 15, SHORT_CODE: 6, UNREPORTED: 15}


@dataclass(frozen=True)
class Result:
    label: str
    rate: float
    """Messages per second the simulator delivered, first text to last."""
    share: float
    calls: int
    throttled: int
    statuses: Counter[str]
    sent_twice: int

    @property
    def throttled_share(self) -> float:
        return self.throttled / max(1, self.calls)


def _serve(pipe: Connection, numbers: list[Number]) -> None:
    with SmsSimulator(latency=LATENCY) as sms:
        for n in numbers:
            sms.add_phone_number(n.e164, n.number_type, n.country, n.rate, report_limits=n.reported)
        pipe.send(sms.endpoint_url)
        pipe.recv()
        texts = [(t.origination, t.destination, t.sent_at) for box in sms.state.inboxes.values() for t in box]
        pipe.send((texts, len(sms.state.throttled), len(sms.calls("SendTextMessage"))))


@contextmanager
def _simulator(numbers: list[Number]) -> Iterator[tuple[str, Connection]]:
    with served(_serve, numbers) as (endpoint, pipe):
        yield endpoint, pipe


def _environment(numbers: list[Number], endpoint: str) -> dict[str, str]:
    return {
        "AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2": endpoint,
        "ORIGINATION_NUMBERS": json.dumps({n.phone_id: n.e164 for n in numbers}),
        "NUMBER_TYPES": json.dumps([f"{n.number_type}/{n.country}" for n in numbers]),
    }


def _batch(number: Number, count: int, offset: int = 0) -> list[dict[str, Any]]:
    return [
        {
            "DestinationPhoneNumber": f"+1212{offset + i:07d}",
            "OriginationIdentity": number.e164,
            "MessageBody": "Spring sale",
        }
        for i in range(count)
    ]


def _container(
    environment: dict[str, str], batch: list[dict[str, Any]], start_at: float, answers: Any
) -> None:
    """One send container: waits for its start, sends its batch, reports its statuses and throttles."""
    os.environ.update(environment)
    from sms_opt_out.runtime import build_guarded_sender

    sender = build_guarded_sender()
    time.sleep(max(0.0, start_at - time.time()))
    outcome = sender.send(batch)
    answers.put((Counter(r["status"] for r in outcome.results), sum(outcome.throttles.values())))


def _summarise(label: str, number: Number, statuses: Counter[str], report: Any) -> Result:
    texts, throttled, calls = report
    times = sorted(datetime.fromisoformat(t[2]).timestamp() for t in texts if t[0] == number.e164)
    rate = (len(times) - 1) / (times[-1] - times[0]) if len(times) > 1 and times[-1] > times[0] else 0.0
    sent_twice = sum(n - 1 for n in Counter(t[1] for t in texts).values() if n > 1)
    return Result(label, rate, rate / number.rate, calls, throttled, statuses, sent_twice)


def one_identity(number: Number) -> Result:
    """One container sends ``SECONDS`` worth of the number's rate from it, nothing configured."""
    count = number.rate * SECONDS[number]
    saved = dict(os.environ)
    try:
        os.environ.update(ENVIRONMENT)
        with moto_server(), _simulator([number]) as (endpoint, pipe):
            os.environ.update(_environment([number], endpoint))
            from sms_opt_out.runtime import build_guarded_sender

            outcome = build_guarded_sender().send(_batch(number, count))
            pipe.send("report")
            report = pipe.recv()
    finally:
        os.environ.clear()
        os.environ.update(saved)
    how = "MessagingLimits reported" if number.reported else "no MessagingLimits (type and country only)"
    label = f"{number.rate}-MPS {number.number_type} {number.country}, {how}, {count} messages"
    return _summarise(label, number, Counter(r["status"] for r in outcome.results), report)


FLEET_PLAN = ((0.0, 60), (2.0, 60), (4.0, 40), (6.0, 20))
"""(start second, messages) of each container: all four overlap from 6 s, and leave one by one."""


def fleet(containers: int) -> Result:
    """``containers`` processes sending from one 10-MPS number, started 2 s apart."""
    plan = FLEET_PLAN[:containers]
    saved = dict(os.environ)
    context = multiprocessing.get_context("spawn")
    try:
        os.environ.update(ENVIRONMENT)
        with moto_server(), _simulator([FLEET]) as (endpoint, pipe):
            environment = {**ENVIRONMENT, **_environment([FLEET], endpoint)}
            environment["AWS_ENDPOINT_URL_DYNAMODB"] = os.environ["AWS_ENDPOINT_URL_DYNAMODB"]
            answers = context.Queue()
            began = time.time() + 3.0  # the containers' cold starts first
            processes = []
            offset = 0
            for start, count in plan:
                args = (environment, _batch(FLEET, count, offset), began + start, answers)
                processes.append(context.Process(target=_container, args=args))
                offset += count
            for process in processes:
                process.start()
            statuses: Counter[str] = Counter()
            for _ in processes:
                got, _throttles = answers.get(timeout=120)
                statuses.update(got)
            for process in processes:
                process.join(timeout=10)
            pipe.send("report")
            report = pipe.recv()
    finally:
        os.environ.clear()
        os.environ.update(saved)
    label = f"{containers} container(s) from one 10-MPS number, started 2 s apart, {offset} messages"
    return _summarise(label, FLEET, statuses, report)


def results() -> list[Result]:
    return [one_identity(n) for n in (TOLL_FREE, TEN_DLC, SHORT_CODE, UNREPORTED)] + [
        fleet(n) for n in (1, 2, 4)
    ]


BEFORE_CONVERGENCE = {2: "80%", 4: "74%"}
"""The fleets' shares of the rate at d4e130a, before a container gave its share back at its batch's end and
re-spaced its slots taken ahead when its share grew."""
MAIN = "main: 3-MPS unconfigured reached 30% after 51 throttles"


def _baseline(label: str) -> str:
    containers = int(label.split(" container", 1)[0]) if " container(s) " in label else 0
    before = BEFORE_CONVERGENCE.get(containers)
    return f"before the shares converged: {before} of its rate" if before else MAIN


def rows(found: list[Result] | None = None) -> list[tuple[str, str, str, str]]:
    table = []
    for r in found or results():
        clean = set(r.statuses) == {"SENT"} and r.sent_twice == 0
        met = r.share >= 0.9 and r.throttled_share <= 0.02 and clean
        table.append(
            (
                r.label,
                f"{r.rate:.2f} msg/s ({r.share:.0%} of its rate); {r.throttled} of {r.calls} calls throttled "
                f"({r.throttled_share:.1%}); {r.statuses['FAILED']} FAILED, {r.sent_twice} sent twice",
                _baseline(r.label),
                f"≥ 90%, ≤ 2% throttled, 0 FAILED, 0 twice: {'met' if met else 'MISSED'}",
            )
        )
    return table


if __name__ == "__main__":
    for row in rows():
        print(" | ".join(row), flush=True)
