"""Send throughput with 50 ms per SendTextMessage: one invocation's rate, concurrent and sequential, and
two identities of different rates mixed in one batch."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import time
import urllib.request
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import boto3
from moto.server import ThreadedMotoServer

from benchmarks.local_stack import ENVIRONMENT, OUR_NUMBER
from benchmarks.remote_simulator import remote_simulator
from sandbox.lambda_context import LambdaContext
from sandbox.local_aws import TABLE_NAME, table_definition
from sandbox.request_counter import RequestCounter
from sms_opt_out.domain.deadline import Deadline
from sms_opt_out.runtime import build_guarded_sender
from sms_opt_out.send.dispatch import DEFAULT_CONCURRENCY

LATENCY = 0.05
BATCH = 1_000
SEQUENTIAL_BATCH = 200
"""The sequential baseline takes 50 ms a message: measured on 200, its time for 1,000 is scaled."""
SLOW_NUMBER, SLOW_RATE, SLOW_MESSAGES = "+18445550103", 3.0, 24
FAST_NUMBER, FAST_RATE, FAST_MESSAGES = "+18445550104", 100.0, 800
DEADLINE_TIMEOUT_MS, DEADLINE_RATE, DEADLINE_MESSAGES = 3_000, 10.0, 40
"""An invocation with 3 s left and 4 s of sending at the number's configured rate."""


@dataclass(frozen=True)
class Run:
    messages: int
    seconds: float
    statuses: Counter[str]
    sent_twice: int
    reads: int
    throttles: Counter[str]
    rates: dict[str, float]
    """Messages per second reached per origination number (first to last text)."""
    left_ms: int | None = None
    """Time the invocation had left when the sender returned (None: it had no deadline)."""

    @property
    def per_second(self) -> float:
        return self.messages / self.seconds


def _recipients(count: int, offset: int = 0) -> list[str]:
    return [f"+1212{offset + n:07d}" for n in range(count)]


@contextlib.contextmanager
def moto_server() -> Iterator[None]:
    """moto DynamoDB as a server (mock_aws would inspect every SMS request in the sender's process)."""
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    urllib.request.urlopen(
        urllib.request.Request(f"http://{host}:{port}/moto-api/reset", method="POST")
    ).close()
    os.environ.update(ENVIRONMENT | {"AWS_ENDPOINT_URL_DYNAMODB": f"http://{host}:{port}"})
    try:
        boto3.client("dynamodb").create_table(TableName=TABLE_NAME, **table_definition())
        yield
    finally:
        server.stop()


def _run(
    batch: list[dict[str, Any]],
    environment: dict[str, str],
    limits: dict[str, float | None],
    timeout_ms: int | None = None,
) -> Run:
    saved = dict(os.environ)
    os.environ.update(environment)
    try:
        rates: dict[str, float | None] = {OUR_NUMBER: None}
        with moto_server(), remote_simulator(LATENCY, rates | limits) as (endpoint, pipe):
            os.environ["AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2"] = endpoint
            counter = RequestCounter()
            sender = build_guarded_sender(counter.client)
            context = LambdaContext(timeout_ms=timeout_ms) if timeout_ms is not None else None
            started = time.perf_counter()
            outcome = sender.send(batch, Deadline.of(context))
            elapsed = time.perf_counter() - started
            left_ms = context.get_remaining_time_in_millis() if context is not None else None
            pipe.send("report")
            texts, _ = pipe.recv()
    finally:
        os.environ.clear()
        os.environ.update(saved)
    by_number: dict[str, list[float]] = {}
    for text in texts:
        by_number.setdefault(text.origination, []).append(datetime.fromisoformat(text.sent_at).timestamp())
    return Run(
        messages=len(batch),
        seconds=elapsed,
        statuses=Counter(r["status"] for r in outcome.results),
        sent_twice=sum(n - 1 for n in Counter(t.destination for t in texts).values() if n > 1),
        reads=counter.requests["dynamodb:BatchGetItem"],
        throttles=outcome.throttles,
        rates={
            number: (len(times) - 1) / (max(times) - min(times))
            for number, times in by_number.items()
            if len(times) > 1 and max(times) > min(times)
        },
        left_ms=left_ms,
    )


def _requests(recipients: list[str], origination: str = OUR_NUMBER) -> list[dict[str, Any]]:
    return [
        {"DestinationPhoneNumber": r, "OriginationIdentity": origination, "MessageBody": "Spring sale"}
        for r in recipients
    ]


def unthrottled(concurrency: int = DEFAULT_CONCURRENCY, batch: int = BATCH) -> Run:
    return _run(_requests(_recipients(batch)), {"SEND_CONCURRENCY": str(concurrency)}, {})


def mixed(configured: bool) -> Run:
    """A 3-MPS and a 100-MPS number in one batch, interleaved; paced by configuration or by throttling."""
    slow = _requests(_recipients(SLOW_MESSAGES), SLOW_NUMBER)
    fast = _requests(_recipients(FAST_MESSAGES, SLOW_MESSAGES), FAST_NUMBER)
    step = len(fast) // len(slow)
    batch = [m for n, s in enumerate(slow) for m in (s, *fast[n * step : (n + 1) * step])]
    batch += fast[len(slow) * step :]
    environment = {}
    if configured:
        environment["MESSAGES_PER_SECOND"] = json.dumps({SLOW_NUMBER: SLOW_RATE, FAST_NUMBER: FAST_RATE})
    return _run(batch, environment, {SLOW_NUMBER: SLOW_RATE, FAST_NUMBER: FAST_RATE})


def within_deadline() -> Run:
    """40 messages at 10 per second with 3 s left: it returns in time, the rest DEFERRED."""
    environment = {"MESSAGES_PER_SECOND": json.dumps({OUR_NUMBER: DEADLINE_RATE})}
    return _run(_requests(_recipients(DEADLINE_MESSAGES)), environment, {}, DEADLINE_TIMEOUT_MS)
