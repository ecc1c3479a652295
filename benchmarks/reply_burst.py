"""1,000 STOPs arriving at once on a 3-MPS number (issue 25): recorded and enforced by when, and the
rate of their confirmations.

Each STOP comes from a customer of its own. The reply function is modelled as Lambda runs it for
SNS: each event is one invocation (30 s, the construct's default timeout) in one of ``CONTAINERS``
warm containers (each its own reply processor, so its own clients and pace, as a container is);
an invocation that raises is retried as Lambda retries an asynchronous event, twice, one and two
minutes later, and then goes to the dead-letter queue. A STOP whose number has no slot of its own is
enforced and its confirmation put on the confirmation queue (an SQS queue on the moto server), which
``CONSUMERS`` more containers of the reply function take as Lambda's event source does (a batch
of ``CONFIRMATION_BATCH_SIZE`` per invocation of 30 s; a record named in ``batchItemFailures``
comes back after the visibility timeout, and after ``MAX_RECEIVES`` receives is dead-lettered).
Every container shares the number's rate through its ``RATE#`` leases, as deployed. The number is
registered as AWS describes it (toll-free, ``MessagingLimits`` 3 MPS) and limited at its rate, with
50 ms per call; DynamoDB and SQS are a moto server in a process of its own, answering one request
at a time (each applied whole, as DynamoDB does), which backs a transaction up by the items it
names rather than by copying the whole table (``_item_rollback``), reads a Query's partition alone
rather than sorting the table (``_partition_query``), counts no messages for a standard queue's
SendMessage (``_uncounted_send_message``) and lists moto's modules once (``_moto_modules_listed_once``):
moto's costs that grow with the burst and that AWS does not have. The row also tells what that server
answered while the replies ran, and the CPU it and this process spent per request.

``python -m benchmarks.reply_burst [STOPS [CONTAINERS [CONSUMERS]]]`` prints the row;
``benchmarks.run`` adds it to BENCHMARKS.md.
"""

from __future__ import annotations

import copy
import heapq
import os
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from multiprocessing.connection import Connection
from typing import Any, cast
from unittest.mock import patch

import boto3
import moto.backends as moto_backends
import moto.dynamodb.models as dynamodb_models
from moto.dynamodb.models import DynamoDBBackend
from moto.dynamodb.models.table import Table
from moto.sqs.models import Queue, SQSBackend

from benchmarks.fleet_rates import TOLL_FREE, _environment, _simulator
from benchmarks.local_stack import ENVIRONMENT
from benchmarks.remote_simulator import served
from opt_out_stack.send_queue import CONFIRMATION_BATCH_SIZE
from sandbox.atomic_moto import AtomicMotoServer
from sandbox.lambda_context import LambdaContext
from sandbox.local_aws import TABLE_NAME, table_definition
from sms_opt_out.domain.deadline import Deadline
from sms_opt_out.domain.leases import Lease
from sms_opt_out.outcomes import ReplyOutcome
from sms_opt_out.reply.inbound import InboundReply, parse_queued_record
from sms_opt_out.reply.service import ReplyProcessor

STOPS = 1_000
ANSWERED = frozenset(ReplyOutcome)
"""What a consumer answers for a record it is done with (anything else: the failure's type)."""
CONTAINERS = 100
"""Warm containers of the reply function (``reply_reserved_concurrency``): Lambda would start up to
1,000 for this burst when unreserved, more than this machine hosts."""
TIMEOUT_MS = 30_000
CONSUMERS = 2
"""Containers taking the confirmation queue (the event source's ``MaximumConcurrency``)."""
CONFIRMATION_BATCH = CONFIRMATION_BATCH_SIZE
VISIBILITY_SECONDS = 180
"""The confirmation queue's visibility timeout: six times the function's timeout."""
MAX_RECEIVES = 20
RETRY_DELAYS = (60.0, 120.0)
"""Lambda's retries of an asynchronous event whose invocation failed: after one, then two minutes."""
NUMBER = TOLL_FREE
SERVER_SWITCH_SECONDS = 0.05


class _TablesKept:
    """``copy`` for moto's transactions: a table is kept, not copied (``_item_rollback``)."""

    @staticmethod
    def deepcopy(value: Any, memo: dict[int, Any] | None = None) -> Any:
        return value if isinstance(value, Table) else copy.deepcopy(value, memo)


@contextmanager
def _item_rollback() -> Iterator[None]:
    """moto backs up every table a transaction names, once per item, before applying it: a request
    costs a copy of the whole table, and the burst's table grows to thousands of items. The items a
    transaction names are all it can change, so only they are kept, and put back if it is cancelled
    (the server answers one request at a time, so nothing else changes meanwhile)."""
    original = DynamoDBBackend.transact_write_items

    def transact(backend: DynamoDBBackend, transact_items: list[dict[str, Any]]) -> None:
        kept = []
        for entry in transact_items:
            (op,) = entry.values()
            table = backend.get_table(op["TableName"])
            names = [n for n in (table.hash_key_attr, table.range_key_attr) if n]
            key = op.get("Key") or {n: op["Item"][n] for n in names}
            found = backend.get_item(op["TableName"], key)
            kept.append(
                (op["TableName"], key, copy.deepcopy(found.to_json()["Attributes"]) if found else None)
            )
        try:
            with patch.object(dynamodb_models, "copy", _TablesKept):
                original(backend, transact_items)
        except Exception:
            for table_name, key, attributes in reversed(kept):
                if attributes is None:
                    backend.delete_item(table_name, key)
                else:
                    backend.put_item(table_name, attributes)
            raise

    with patch.object(DynamoDBBackend, "transact_write_items", transact):
        yield


@contextmanager
def _partition_query() -> Iterator[None]:
    """moto answers a Query of a table's key by sorting every item of the table and keeping those of
    the partition asked for: each Query costs the whole table, which grows by three items a reply.
    DynamoDB reads the partition alone; so does this (the same items, the rest of moto's Query as it
    is: conditions, order, pages, sizes)."""
    original = Table.query

    def query(table: Table, hash_key: Any, *args: Any, **kwargs: Any) -> Any:
        index_name = kwargs.get("index_name") or (args[6] if len(args) > 6 else None)
        if index_name or not table.range_key_attr or hash_key is None:
            return original(table, hash_key, *args, **kwargs)
        partition = list(table.items.get(hash_key, {}).values())
        table.all_items = lambda: partition  # type: ignore[method-assign]
        try:
            return original(table, hash_key, *args, **kwargs)
        finally:
            del table.all_items

    with patch.object(Table, "query", query):
        yield


@contextmanager
def _uncounted_send_message() -> Iterator[None]:
    """moto's SendMessage reads the queue's attributes to learn whether it deduplicates by content
    (which only a FIFO queue does), and making them counts every message on the queue three times:
    each SendMessage costs the whole queue, which grows by a message a reply. SQS does not; a standard
    queue's SendMessage here makes no count (the rest of it as it is)."""
    original = SQSBackend.send_message

    def send_message(backend: SQSBackend, queue_name: str, *args: Any, **kwargs: Any) -> Any:
        if backend.get_queue(queue_name).fifo_queue:
            return original(backend, queue_name, *args, **kwargs)
        with patch.object(Queue, "attributes", property(lambda _: {})):
            return original(backend, queue_name, *args, **kwargs)

    with patch.object(SQSBackend, "send_message", send_message):
        yield


@contextmanager
def _moto_modules_listed_once() -> Iterator[None]:
    """moto's server finds the service a request is for by listing its package's directory (and
    asking whether each entry is a directory) at every request; the list does not change while it
    serves, so it is made once."""
    modules = tuple(moto_backends.list_of_moto_modules())
    with patch.object(moto_backends, "list_of_moto_modules", lambda: iter(modules)):
        yield


def _serve_aws(conn: Connection, environment: dict[str, str]) -> None:
    """In a process of its own (its own interpreter lock, as AWS is another machine): the moto server
    with the table and the confirmation queue; sends its endpoint and the queue's URL, then serves
    until told to stop. Its threads (one per client connection) switch every 50 ms rather than 5: the
    one applying a request holds the server's lock, and the others mostly wait for it."""
    os.environ.update(environment)
    sys.setswitchinterval(SERVER_SWITCH_SECONDS)
    with _item_rollback(), _partition_query(), _uncounted_send_message(), _moto_modules_listed_once():
        server = AtomicMotoServer()
        server.start()
        os.environ["AWS_ENDPOINT_URL_DYNAMODB"] = os.environ["AWS_ENDPOINT_URL_SQS"] = server.endpoint_url
        try:
            boto3.client("dynamodb").create_table(TableName=TABLE_NAME, **table_definition())
            url = boto3.client("sqs").create_queue(QueueName="confirmations")["QueueUrl"]
            conn.send((server.endpoint_url, url))
            while conn.recv() == "served":  # what it served so far, and its CPU time: then "stop"
                conn.send((dict(server.served), time.process_time()))
        finally:
            server.stop()


@contextmanager
def _dynamodb() -> Iterator[tuple[str, Callable[[], tuple[Counter[str], float]]]]:
    """DynamoDB with the table, and SQS with the confirmation queue, served by another process: the
    queue's URL, and a function answering the requests served so far by operation and the server's
    CPU seconds."""

    def served_so_far() -> tuple[Counter[str], float]:
        pipe.send("served")
        counts, cpu = pipe.recv()
        return Counter({str(k).rpartition(".")[2]: n for k, n in counts.items()}), float(cpu)

    with served(_serve_aws, dict(os.environ)) as ((endpoint, url), pipe):
        os.environ["AWS_ENDPOINT_URL_DYNAMODB"] = os.environ["AWS_ENDPOINT_URL_SQS"] = endpoint
        try:
            yield str(url), served_so_far
        finally:
            pipe.send("stop")


@dataclass
class Burst:
    stops: int
    containers: int
    recorded: dict[str, float] = field(default_factory=dict)
    """Seconds from the burst to each reply's receipt and history item written."""
    enforced: dict[str, float] = field(default_factory=dict)
    """Seconds from the burst to each opt-out applied to the state (the sender blocks from then on)."""
    outcomes: Counter[str] = field(default_factory=Counter)
    failed_invocations: int = 0
    dead_lettered: int = 0
    queued: int = 0
    """Confirmations the reply invocations put on the confirmation queue (the rest were sent at once)."""
    consumed: Counter[str] = field(default_factory=Counter)
    """What the queue's consumers answered for each record (a failure by its error's type)."""
    confirmations: list[float] = field(default_factory=list)
    """When the simulator accepted each confirmation (epoch seconds)."""
    served: Counter[str] = field(default_factory=Counter)
    """The requests DynamoDB and SQS served while the reply invocations ran, by operation (the queue's
    consumers' among them)."""
    served_cpu: float = 0.0
    """The server's CPU seconds meanwhile."""
    client_cpu: float = 0.0
    """The CPU seconds of this process (the containers, their clients and the bench) meanwhile."""
    replies_seconds: float = 0.0
    """Seconds from the burst until the last reply invocation ended."""
    sent_twice: int = 0
    throttled: int = 0
    calls: int = 0
    seconds: float = 0.0
    load: float = 0.0
    """The machine's load average (1 minute) at the end."""

    @property
    def confirmed_rate(self) -> float:
        times = sorted(self.confirmations)
        return (len(times) - 1) / (times[-1] - times[0]) if len(times) > 1 and times[-1] > times[0] else 0.0


class _Noting:
    """One part of a processor's store, noting something of each call of one of its methods."""

    def __init__(self, inner: Any, method: str, note: Callable[[tuple[Any, ...], Any], None]) -> None:
        self._inner = inner
        self._method = method
        self._note = note

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._inner, name)
        if name != self._method:
            return attribute

        def noted(*args: Any) -> Any:
            result = attribute(*args)
            self._note(args, result)
            return result

        return noted


def _timed(processor: ReplyProcessor, burst: Burst, began: Callable[[], float]) -> None:
    """Note when each reply was recorded (its receipt and history item written) and enforced (its
    event applied to the state)."""

    def recorded(args: tuple[Any, ...], _: Any) -> None:
        burst.recorded.setdefault(args[0].inbound_message_id, began())

    def enforced(args: tuple[Any, ...], claim: Any) -> None:
        if claim.applied:
            burst.enforced.setdefault(args[0].event_id, began())

    store = processor._store  # the processor's own: its receipts and leases are wrapped in place
    store.receipts = cast(Any, _Noting(store.receipts, "begin_reply", recorded))
    store.leases = cast(Any, _Noting(store.leases, "apply_and_claim", enforced))


def _warm(processor: ReplyProcessor) -> None:
    """Make the SQS client a container makes at its first confirmation queued (``LazyQueue``): a warm
    container has it, and made here it is not made by 100 containers at once in one interpreter,
    one after another (Python 3.11's ``cached_property`` locks the property for every instance)."""
    confirmations = processor._confirmations
    if confirmations is not None:
        _ = confirmations._client


def _stops(count: int) -> list[InboundReply]:
    at = "2025-05-01T12:00:00.000Z"
    return [InboundReply(f"+1310{n:07d}", NUMBER.e164, "STOP", f"stop-{n}", at) for n in range(count)]


class _Lambda:
    """Invocations of the reply function: ``containers`` at once, failed events retried as Lambda does."""

    def __init__(self, processors: list[ReplyProcessor], burst: Burst) -> None:
        self._processors = processors
        self._burst = burst
        self._due: list[tuple[float, int, int, InboundReply]] = []  # (due at, order, attempt, reply)
        self._order = 0
        self._in_flight = 0
        self._lock = threading.Condition()

    def submit(self, reply: InboundReply, attempt: int = 0, delay: float = 0.0) -> None:
        with self._lock:
            heapq.heappush(self._due, (time.monotonic() + delay, self._order, attempt, reply))
            self._order += 1
            self._lock.notify_all()

    def run(self) -> None:
        threads = [threading.Thread(target=self._container, args=(p,)) for p in self._processors]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    def _next(self) -> tuple[int, InboundReply] | None:
        with self._lock:
            while True:
                if not self._due and self._in_flight == 0:
                    self._lock.notify_all()
                    return None
                if self._due and self._due[0][0] <= time.monotonic():
                    _, _, attempt, reply = heapq.heappop(self._due)
                    self._in_flight += 1
                    return attempt, reply
                wait = self._due[0][0] - time.monotonic() if self._due else None
                self._lock.wait(timeout=min(wait, 1.0) if wait is not None else 1.0)

    def _container(self, processor: ReplyProcessor) -> None:
        while (taken := self._next()) is not None:
            attempt, reply = taken
            context = LambdaContext(timeout_ms=TIMEOUT_MS)
            lease = Lease.for_invocation(context.aws_request_id, context.get_remaining_time_in_millis())
            try:
                outcome = processor.process(reply, lease, Deadline.of(context))
            except Exception:  # noqa: BLE001 - the invocation fails: Lambda retries the event, or dead-letters it
                with self._lock:
                    self._burst.failed_invocations += 1
                if attempt < len(RETRY_DELAYS):
                    self.submit(reply, attempt + 1, RETRY_DELAYS[attempt])
                else:
                    with self._lock:
                        self._burst.dead_lettered += 1
            else:
                with self._lock:
                    self._burst.outcomes[outcome] += 1
                    self._burst.queued += outcome == ReplyOutcome.OPT_OUT_QUEUED
            with self._lock:
                self._in_flight -= 1
                self._lock.notify_all()


class _ConfirmationQueue:
    """Lambda's event source on the confirmation queue: ``consumers`` containers, each receiving a
    batch, answering it in one invocation and deleting what it answered; a record it failed on comes
    back after the visibility timeout, and past ``MAX_RECEIVES`` is dead-lettered. They stop once the
    reply invocations are done (``replies_done``) and nothing is left on the queue."""

    def __init__(self, processors: list[ReplyProcessor], url: str, burst: Burst) -> None:
        self._processors = processors
        self._url = url
        self._burst = burst
        self._lock = threading.Lock()
        self.replies_done = threading.Event()
        self._threads = [threading.Thread(target=self._container, args=(p,)) for p in processors]

    def start(self) -> None:
        for thread in self._threads:
            thread.start()

    def join(self) -> None:
        for thread in self._threads:
            thread.join()

    def _empty(self, sqs: Any) -> bool:
        names = [f"ApproximateNumberOfMessages{state}" for state in ("", "NotVisible", "Delayed")]
        counts = sqs.get_queue_attributes(QueueUrl=self._url, AttributeNames=names)["Attributes"]
        return all(int(counts[name]) == 0 for name in names)

    def _container(self, processor: ReplyProcessor) -> None:
        sqs = boto3.client("sqs")
        while True:
            messages = sqs.receive_message(
                QueueUrl=self._url,
                MaxNumberOfMessages=CONFIRMATION_BATCH,
                VisibilityTimeout=VISIBILITY_SECONDS,
                AttributeNames=["ApproximateReceiveCount"],
            ).get("Messages", [])
            if not messages:
                if self.replies_done.is_set() and self._empty(sqs):
                    return
                time.sleep(0.2)  # the event source polls again
                continue
            context = LambdaContext(timeout_ms=TIMEOUT_MS)
            lease = Lease.for_invocation(context.aws_request_id, context.get_remaining_time_in_millis())
            for position, message in enumerate(messages):
                outcome = self._answer(processor, message, position, lease, Deadline.of(context))
                with self._lock:
                    self._burst.consumed[outcome] += 1
                if outcome in ANSWERED or outcome == "dead-lettered":
                    sqs.delete_message(QueueUrl=self._url, ReceiptHandle=message["ReceiptHandle"])

    def _answer(
        self,
        processor: ReplyProcessor,
        message: dict[str, Any],
        position: int,
        lease: Lease,
        deadline: Deadline,
    ) -> str:
        """What answering one record did: its outcome, ``dead-lettered``, or the failure's type."""
        if int(message["Attributes"]["ApproximateReceiveCount"]) > MAX_RECEIVES:
            with self._lock:
                self._burst.dead_lettered += 1
            return "dead-lettered"
        try:
            reply = parse_queued_record({"body": message["Body"]}, position)
            return processor.confirm_queued(reply, lease, deadline)
        except Exception as error:  # noqa: BLE001 - named in batchItemFailures: the queue delivers it again
            return type(error).__name__


def run(stops: int = STOPS, containers: int = CONTAINERS, consumers: int = CONSUMERS) -> Burst:
    burst = Burst(stops, containers)
    saved = dict(os.environ)
    try:
        os.environ.update(ENVIRONMENT)
        with _dynamodb() as (url, served_so_far), _simulator([NUMBER]) as (endpoint, pipe):
            os.environ.update(_environment([NUMBER], endpoint))
            os.environ["CONFIRMATION_QUEUE_URL"] = url
            from sms_opt_out.runtime import build_reply_processor

            start = [0.0]

            def began() -> float:
                return time.monotonic() - start[0]

            processors = []
            for _ in range(containers):  # warm containers, built before the burst
                processor = build_reply_processor()
                _warm(processor)
                _timed(processor, burst, began)
                processors.append(processor)
            invocations = _Lambda(processors, burst)
            queue = _ConfirmationQueue([build_reply_processor() for _ in range(consumers)], url, burst)
            before, cpu_before = served_so_far()
            ours = time.process_time()
            start[0] = time.monotonic()
            for reply in _stops(stops):
                invocations.submit(reply)
            queue.start()
            invocations.run()
            burst.replies_seconds = began()
            burst.client_cpu = time.process_time() - ours
            after, cpu_after = served_so_far()
            burst.served, burst.served_cpu = after - before, cpu_after - cpu_before
            queue.replies_done.set()
            queue.join()
            burst.seconds = began()
            burst.load = os.getloadavg()[0]
            pipe.send("report")
            texts, burst.throttled, burst.calls = pipe.recv()
    finally:
        os.environ.clear()
        os.environ.update(saved)
    burst.confirmations = [datetime.fromisoformat(t[2]).timestamp() for t in texts]
    burst.sent_twice = sum(n - 1 for n in Counter(t[1] for t in texts).values() if n > 1)
    return burst


def _failures(consumed: Counter[str]) -> str:
    """The consumers' failures by type, e.g. `` (CustomerBusyError 3)``; empty when none."""
    failed = [f"{kind} {n}" for kind, n in sorted(consumed.items()) if kind not in ANSWERED]
    return f" ({', '.join(failed)})" if failed else ""


def _served(b: Burst) -> str:
    """What the DynamoDB and SQS server did while the reply invocations ran: requests a reply, by
    operation, a second, and its CPU each."""
    total = sum(b.served.values())
    if not total or not b.replies_seconds:
        return ""
    kinds = ", ".join(f"{n / b.stops:.2f} {kind}" for kind, n in b.served.most_common())
    return (
        f"; while the replies ran ({b.replies_seconds:.1f} s) DynamoDB and SQS answered {total:,} requests, "
        f"{total / b.stops:.1f} a reply ({kinds}; the consumers' among them), "
        f"{total / b.replies_seconds:.0f} a second at {1000 * b.served_cpu / total:.1f} ms of the server's "
        f"CPU each, the containers' process {1000 * b.client_cpu / total:.1f} ms each"
    )


def rows(burst: Burst | None = None) -> list[tuple[str, str, str, str]]:
    b = burst or run()
    recorded_by = max(b.recorded.values(), default=float("nan"))
    enforced_by = max(b.enforced.values(), default=float("nan"))
    share = b.confirmed_rate / NUMBER.rate
    confirmed = len(b.confirmations) - b.sent_twice
    lost = b.stops - len(b.enforced)
    unconfirmed = b.stops - confirmed
    met = (
        len(b.recorded) == len(b.enforced) == b.stops
        and enforced_by <= 10
        and confirmed == b.stops
        and share >= 0.9
        and b.sent_twice == 0
    )
    return [
        (
            f"{b.stops:,} STOPs at once on a {NUMBER.rate}-MPS number, {b.containers} reply containers "
            f"(30 s invocations, Lambda's two retries) and {CONSUMERS} on the confirmation queue",
            f"all {len(b.recorded):,} recorded by {recorded_by:.1f} s, enforced by {enforced_by:.1f} s; "
            f"{b.stops - b.queued:,} confirmed at once, {b.queued:,} queued; "
            f"{confirmed:,} confirmed at {b.confirmed_rate:.2f} msg/s ({share:.0%} of its rate), "
            f"{unconfirmed:,} not confirmed ({b.dead_lettered:,} dead-lettered); "
            f"{lost} lost, {b.sent_twice} confirmed twice; {b.failed_invocations:,} failed invocations, "
            f"{sum(n for k, n in b.consumed.items() if k not in ANSWERED):,} queued records retried"
            f"{_failures(b.consumed)}, "
            f"{b.throttled:,} of {b.calls:,} SendTextMessage calls throttled; {b.seconds:.0f} s in all"
            f"{_served(b)}; load average {b.load:.1f}",
            "-",
            "all recorded and enforced ≤ 10 s, all confirmed at ≥ 90% of the rate: "
            + ("met" if met else "MISSED"),
        )
    ]


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else STOPS
    containers = int(sys.argv[2]) if len(sys.argv) > 2 else CONTAINERS
    consumers = int(sys.argv[3]) if len(sys.argv) > 3 else CONSUMERS
    for row in rows(run(count, containers, consumers)):
        print(" | ".join(row), flush=True)
