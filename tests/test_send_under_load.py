"""The guarded sender under production conditions: real threads, a moto server, a simulator with
latency and per-number rate limits, Lambda deadlines."""

from __future__ import annotations

import json
import threading
from collections import Counter
from collections.abc import Iterator
from typing import Any

import boto3
import pytest

import send_text_message
from sandbox.embedded_metrics import emf_records
from sandbox.lambda_context import LambdaContext
from sandbox.sms_simulator import SmsSimulator
from sms_opt_out.domain.deadline import Deadline
from sms_opt_out.domain.preferences import Action, PreferenceEvent
from sms_opt_out.runtime import build_guarded_sender
from sms_opt_out.send.service import GuardedSender
from sms_opt_out.storage.consent_writes import ConsentWrites
from tests.conftest import OUR_NUMBER, TABLE

FAST_NUMBER = "+18445550177"


@pytest.fixture
def aws(
    moto_server: Any, sms: SmsSimulator, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[boto3.session.Session, Any]]:
    """A moto server (one request at a time) and the SMS simulator taking 10 ms a call."""
    sms.latency = 0.01
    sms.add_phone_number(FAST_NUMBER)
    yield boto3.session.Session(), sms


def sender(aws: tuple[Any, SmsSimulator]) -> GuardedSender:
    return build_guarded_sender(aws[0].client)


def customers(count: int) -> list[str]:
    return [f"+1415555{n:04d}" for n in range(count)]


def request(to: str, origination: str = OUR_NUMBER, **extra: Any) -> dict[str, Any]:
    return {"DestinationPhoneNumber": to, "OriginationIdentity": origination, "MessageBody": "Sale"} | extra


def opt_out(session: Any, customer: str, at: str = "2025-05-01T12:00:00.000Z") -> None:
    event = PreferenceEvent(customer, OUR_NUMBER, at, Action.OPT_OUT, "STOP", "SMS", f"{customer}{at}")
    ConsentWrites(TABLE, session.client("dynamodb")).apply(event)


def texts_per_customer(sms: Any, recipients: list[str]) -> Counter[str]:
    return Counter({r: len(sms.inbox(r)) for r in recipients})


def test_concurrent_sends_keep_the_requests_order(aws: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    session, sms = aws
    monkeypatch.setenv("SEND_CONCURRENCY", "16")
    recipients = customers(60)
    for customer in recipients[::7]:
        opt_out(session, customer)
    batch = [request(r) for r in recipients]
    batch[5] = request("bogus")

    results = sender(aws).send(batch).results

    expected = ["OPTED_OUT" if n % 7 == 0 else "SENT" for n in range(60)]
    expected[5] = "INVALID"
    assert [r["status"] for r in results] == expected
    for customer, result in zip(recipients, results, strict=True):
        if result["status"] == "SENT":
            (text,) = sms.inbox(customer)
            assert text.message_id == result["messageId"], "each result belongs to its own request"
    assert sms.peak_in_flight > 1, "the sends overlapped"


def test_the_configured_rate_of_a_number_is_never_exceeded(aws: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    _, sms = aws
    monkeypatch.setenv("MESSAGES_PER_SECOND", f'{{"{OUR_NUMBER}": 20}}')
    sms.limit_rate(OUR_NUMBER, 20)  # AWS holds a second's worth: an unpaced burst of 30 is throttled
    recipients = customers(30)

    outcome = sender(aws).send([request(r) for r in recipients])

    assert {r["status"] for r in outcome.results} == {"SENT"}
    assert sms.state.throttled == [] and outcome.throttles == Counter()


def test_throttling_is_retried_and_slows_only_the_throttled_number(aws: Any) -> None:
    _, sms = aws
    sms.limit_rate(OUR_NUMBER, 10)
    recipients = customers(40)
    batch = [request(r, OUR_NUMBER if n % 2 else FAST_NUMBER) for n, r in enumerate(recipients)]
    guarded = sender(aws)

    outcome = guarded.send(batch)

    assert {r["status"] for r in outcome.results} == {"SENT"}, "throttled, retried, never FAILED"
    assert texts_per_customer(sms, recipients) == Counter(dict.fromkeys(recipients, 1))
    assert outcome.throttles[OUR_NUMBER] > 0 and outcome.throttles[FAST_NUMBER] == 0
    assert guarded._gateway._pacer.rate(FAST_NUMBER) is None, "the other number is still unpaced"


def test_an_invocation_with_3_seconds_left_sends_what_it_can_and_defers_the_rest(
    aws: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, sms = aws
    monkeypatch.setenv("MESSAGES_PER_SECOND", f'{{"{OUR_NUMBER}": 10}}')
    recipients = customers(40)  # 4 s of sending at 10 per second
    warm = sender(aws)  # a warm container: its clients exist before the invocation's clock starts
    monkeypatch.setattr(send_text_message, "guarded_sender", lambda: warm)
    context = LambdaContext(timeout_ms=3000)  # how long before its timeout it returns: make bench

    results = send_text_message.handler({"messages": [request(r) for r in recipients]}, context)["results"]

    statuses = Counter(r["status"] for r in results)
    assert set(statuses) <= {"SENT", "DEFERRED"} and statuses["DEFERRED"] > 0, (
        "none FAILED, the rest deferred"
    )
    deferred = [
        request(r) for r, result in zip(recipients, results, strict=True) if result["status"] == "DEFERRED"
    ]

    again = send_text_message.handler({"messages": deferred}, LambdaContext(timeout_ms=10000))["results"]

    assert {r["status"] for r in again} == {"SENT"}
    assert texts_per_customer(sms, recipients) == Counter(dict.fromkeys(recipients, 1)), "each texted once"


def test_a_stop_processed_during_a_long_batch_blocks_the_later_send(
    aws: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    session, sms = aws
    monkeypatch.setattr("sms_opt_out.send.consent_reads.FRESH_FOR_SECONDS", 0.5)  # a long batch, made short
    monkeypatch.setenv("MESSAGES_PER_SECOND", f'{{"{OUR_NUMBER}": 10}}')
    recipients = customers(20)
    last = recipients[-1]
    guarded = sender(aws)
    send, first = guarded._gateway.send, threading.Lock()

    def the_stop_comes_once_the_first_text_went(params: Any, **kwargs: Any) -> Any:
        message_id = send(params, **kwargs)
        if first.acquire(blocking=False):  # the customer's STOP is recorded while the batch goes on
            opt_out(session, last, at="2030-01-01T00:00:00.000Z")
        return message_id

    # 20 texts paced at 10 a second take at least 2 s: the last one's consent is read again after the STOP
    monkeypatch.setattr(guarded._gateway, "send", the_stop_comes_once_the_first_text_went)
    results = guarded.send([request(r) for r in recipients]).results

    assert results[-1] == {"status": "OPTED_OUT"}
    assert sms.inbox(last) == []


def test_a_consent_read_failing_after_texts_went_out_defers_its_chunk_and_returns(aws: Any) -> None:
    session, sms = aws
    reads = Counter[str]()

    def second_read_fails(**_: Any) -> None:
        reads["BatchGetItem"] += 1
        if reads["BatchGetItem"] == 2:
            raise RuntimeError("the table is unreachable")

    session.events.register("before-send.dynamodb.BatchGetItem", second_read_fails)
    recipients = customers(150)

    outcome = sender(aws).send([request(r) for r in recipients], Deadline.none())

    statuses = Counter(r["status"] for r in outcome.results)
    assert statuses["SENT"] >= 100 and statuses["DEFERRED"] > 0 and set(statuses) == {"SENT", "DEFERRED"}
    assert all(
        len(sms.inbox(r)) == (res["status"] == "SENT")
        for r, res in zip(recipients, outcome.results, strict=True)
    )


def test_a_failure_after_texts_went_out_is_returned_not_raised(
    aws: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, sms = aws
    monkeypatch.setenv("FAILED_SENDS_QUEUE_URL", "https://sqs.us-east-1.amazonaws.com/123456789012/missing")
    monkeypatch.setenv("SEND_CONCURRENCY", "1")
    sms.fail_next("SendTextMessage", "ValidationException")
    recipients = customers(3)

    results = sender(aws).send([request(r) for r in recipients]).results

    assert [r["status"] for r in results] == ["FAILED", "SENT", "SENT"]


def waiting(queue_url: str) -> int:
    attributes = boto3.client("sqs").get_queue_attributes(
        QueueUrl=queue_url,
        AttributeNames=["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
    )["Attributes"]
    return int(attributes["ApproximateNumberOfMessages"]) + int(
        attributes["ApproximateNumberOfMessagesNotVisible"]
    )


def test_an_asynchronous_batch_that_cannot_finish_queues_the_rest_and_nothing_vanishes(
    aws: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _, sms = aws
    sqs = boto3.client("sqs")
    send_queue = sqs.create_queue(QueueName="send-queue")["QueueUrl"]
    failed_sends = sqs.create_queue(QueueName="failed-sends")["QueueUrl"]
    monkeypatch.setenv("SEND_QUEUE_URL", send_queue)
    monkeypatch.setenv("FAILED_SENDS_QUEUE_URL", failed_sends)
    monkeypatch.setenv("MESSAGES_PER_SECOND", f'{{"{OUR_NUMBER}": 3}}')  # a toll-free number: 67 s of sending
    recipients = customers(200)
    batch = [request(r, IdempotencyKey=f"order-{n}" if n % 2 else None) for n, r in enumerate(recipients)]
    batch = [{k: v for k, v in r.items() if v is not None} for r in batch]
    warm = sender(aws)
    monkeypatch.setattr(send_text_message, "guarded_sender", lambda: warm)
    capsys.readouterr()

    # InvocationType=Event: the answer goes to nobody, so whatever is not sent must be kept
    results = send_text_message.handler({"messages": batch}, LambdaContext(timeout_ms=3000))["results"]

    statuses = Counter(r["status"] for r in results)
    assert set(statuses) <= {"SENT", "QUEUED"} and statuses["QUEUED"] > 150, "sent, or kept: never lost"
    assert waiting(send_queue) == statuses["QUEUED"] and waiting(failed_sends) == 0
    ids = [r["queueMessageId"] for r in results if r["status"] == "QUEUED"]
    assert len(set(ids)) == len(ids), "each its own message"
    for customer, result in zip(recipients, results, strict=True):
        assert len(sms.inbox(customer)) == (result["status"] == "SENT"), "sent once, or queued and not sent"
    bodies = []
    while messages := sqs.receive_message(QueueUrl=send_queue, MaxNumberOfMessages=10).get("Messages"):
        bodies += [json.loads(m["Body"]) for m in messages]
    assert sorted(bodies, key=lambda b: b["DestinationPhoneNumber"]) == [
        r for r, result in zip(batch, results, strict=True) if result["status"] == "QUEUED"
    ], "the requests as they came, with their keys"
    totals: Counter[str] = Counter()
    for record in emf_records(capsys.readouterr().out):
        totals.update({name: record.get(name, 0) for name in ("MessagesSent", "MessagesQueued")})
    assert totals == Counter(MessagesSent=statuses["SENT"], MessagesQueued=statuses["QUEUED"])


def test_a_batch_whose_rest_the_send_queue_refuses_keeps_it_on_the_failed_sends_queue(
    aws: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    _ = aws
    failed_sends = boto3.client("sqs").create_queue(QueueName="failed-sends")["QueueUrl"]
    monkeypatch.setenv("SEND_QUEUE_URL", "https://sqs.us-east-1.amazonaws.com/123456789012/missing")
    monkeypatch.setenv("FAILED_SENDS_QUEUE_URL", failed_sends)
    monkeypatch.setenv("MESSAGES_PER_SECOND", f'{{"{OUR_NUMBER}": 3}}')
    recipients = customers(30)
    warm = sender(aws)
    monkeypatch.setattr(send_text_message, "guarded_sender", lambda: warm)

    results = send_text_message.handler(
        {"messages": [request(r) for r in recipients]}, LambdaContext(timeout_ms=3000)
    )["results"]

    statuses = Counter(r["status"] for r in results)
    assert set(statuses) == {"SENT", "DEFERRED"}
    assert waiting(failed_sends) == statuses["DEFERRED"], "not queued, so kept for an operator"
