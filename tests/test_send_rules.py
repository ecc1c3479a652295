"""Quiet hours and frequency caps in the sender: against the moto server and the SMS simulator,
with a clock the test controls (no sleeps, no wall clock)."""

from __future__ import annotations

import json
import threading
from collections import Counter
from datetime import UTC, datetime
from typing import Any

import boto3
import pytest

import send_text_message
from sandbox.lambda_context import LambdaContext
from sandbox.sms_simulator import SmsSimulator
from sms_opt_out.errors import SendFailedError
from sms_opt_out.runtime import build_guarded_sender, build_held_messages
from sms_opt_out.send.held_messages import LONGEST_INVOCATION_SECONDS, MAX_VISIBILITY_SECONDS
from sms_opt_out.storage.frequency_caps import KEY_PREFIX, PERIOD_SECONDS, FrequencyCaps
from tests.conftest import OUR_NUMBER, TABLE

NEW_YORKER, FLORIDIAN, RHODE_ISLANDER = "+12125550123", "+13055550123", "+14015550123"
NIGHT = datetime(2026, 7, 15, 3, 0, tzinfo=UTC).timestamp()  # Tuesday 23:00 in New York and Miami
MORNING = datetime(2026, 7, 15, 12, 0, tzinfo=UTC).timestamp()  # Wednesday 8:00: the window opens
NOON = datetime(2026, 7, 15, 16, 0, tzinfo=UTC).timestamp()


class Clock:
    """Epoch seconds the test sets."""

    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def promotional(to: str, **extra: Any) -> dict[str, Any]:
    return {
        "DestinationPhoneNumber": to,
        "OriginationIdentity": OUR_NUMBER,
        "MessageBody": "20% off today",
        "MessageType": "PROMOTIONAL",
    } | extra


@pytest.fixture
def aws(moto_server: Any, sms: SmsSimulator) -> tuple[boto3.session.Session, SmsSimulator]:
    return boto3.session.Session(), sms


@pytest.fixture
def writes(aws: Any) -> Counter[str]:
    """DynamoDB writes by key prefix (``CAP#``, ``IDEMPOTENCY#``) of every client of the session."""
    session, _ = aws
    counted: Counter[str] = Counter()

    def count(params: dict[str, Any], model: Any, **_: Any) -> None:
        if model.name in ("PutItem", "UpdateItem", "DeleteItem"):
            key = (params.get("Item") or params.get("Key") or {})["PK"]["S"]
            counted[key.split("#")[0] + "#" if "#" in key else "customer"] += 1

    session.events.register("provide-client-params.dynamodb.*", count)
    return counted


# Quiet hours --------------------------------------------------------------------------------


def test_a_promotional_text_at_night_is_deferred_until_the_window_opens_and_a_transactional_one_goes(
    aws: Any,
) -> None:
    session, sms = aws
    sender = build_guarded_sender(session.client, clock=Clock(NIGHT))

    held, code = sender.send(
        [promotional(NEW_YORKER), promotional(FLORIDIAN, MessageType="TRANSACTIONAL")]
    ).results

    assert held == {"status": "DEFERRED", "reason": "SENDING_HOURS", "notBefore": "2026-07-15T12:00:00Z"}
    assert code["status"] == "SENT", "a one-time code is never held"
    assert sms.inbox(NEW_YORKER) == []
    assert len(sms.inbox(FLORIDIAN)) == 1


def test_a_request_without_a_message_type_is_held_only_when_the_rules_cover_all(
    aws: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    session, _sms = aws
    unmarked = promotional(NEW_YORKER)
    del unmarked["MessageType"]

    assert (
        build_guarded_sender(session.client, clock=Clock(NIGHT)).send([unmarked]).results[0]["status"]
        == "SENT"
    )
    monkeypatch.setenv("SEND_RULES", "ALL")
    (held,) = build_guarded_sender(session.client, clock=Clock(NIGHT)).send([unmarked]).results
    assert held["status"] == "DEFERRED"
    monkeypatch.setenv("SEND_RULES", "OFF")
    (sent,) = build_guarded_sender(session.client, clock=Clock(NIGHT)).send([promotional(NEW_YORKER)]).results
    assert sent["status"] == "SENT", "rules off: a program that sends no marketing"


def test_a_single_request_held_raises_naming_the_time(
    aws: Any, monkeypatch: pytest.MonkeyPatch, lambda_context: LambdaContext
) -> None:
    session, _ = aws
    monkeypatch.setattr(
        send_text_message, "guarded_sender", lambda: build_guarded_sender(session.client, clock=Clock(NIGHT))
    )

    with pytest.raises(SendFailedError, match=r"DEFERRED \(SENDING_HOURS\) until 2026-07-15T12:00:00Z"):
        send_text_message.handler(promotional(NEW_YORKER), lambda_context)


def test_the_users_quiet_hours_hold_a_text_the_law_allows(aws: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    session, sms = aws
    monkeypatch.setenv("QUIET_HOURS", json.dumps({"US": "20:00-10:00"}))

    (held,) = (
        build_guarded_sender(session.client, clock=Clock(MORNING)).send([promotional(NEW_YORKER)]).results
    )

    assert held == {"status": "DEFERRED", "reason": "QUIET_HOURS", "notBefore": "2026-07-15T14:00:00Z"}
    assert sms.inbox(NEW_YORKER) == []


# A held message of the send queue ---------------------------------------------------------


@pytest.fixture
def queue(aws: Any) -> tuple[Any, str, str]:
    session, _ = aws
    sqs = session.client("sqs")
    url = sqs.create_queue(QueueName="send")["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    return sqs, url, arn


def _records(sqs: Any, url: str, arn: str) -> dict[str, Any]:
    """The SQS event Lambda would build from what the queue delivers now."""
    messages = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10).get("Messages", [])
    return {
        "Records": [
            {
                "messageId": m["MessageId"],
                "receiptHandle": m["ReceiptHandle"],
                "body": m["Body"],
                "eventSource": "aws:sqs",
                "eventSourceARN": arn,
            }
            for m in messages
        ]
    }


def test_a_held_queue_message_is_delivered_when_the_window_opens(
    aws: Any,
    queue: tuple[Any, str, str],
    monkeypatch: pytest.MonkeyPatch,
    lambda_context: LambdaContext,
) -> None:
    session, sms = aws
    sqs, url, arn = queue
    clock = Clock(NIGHT)
    visibility: list[int] = []
    session.events.register(
        "provide-client-params.sqs.ChangeMessageVisibilityBatch",
        lambda params, **_: visibility.extend(e["VisibilityTimeout"] for e in params["Entries"]),
    )
    monkeypatch.setattr(
        send_text_message, "guarded_sender", lambda: build_guarded_sender(session.client, clock=clock)
    )
    monkeypatch.setattr(
        send_text_message, "held_messages", lambda: build_held_messages(session.client, clock=clock)
    )
    sqs.send_message(QueueUrl=url, MessageBody=json.dumps(promotional(NEW_YORKER)))

    event = _records(sqs, url, arn)
    answer = send_text_message.handler(event, lambda_context)

    assert answer == {"batchItemFailures": [{"itemIdentifier": event["Records"][0]["messageId"]}]}
    assert visibility == [MORNING - NIGHT] and sms.inbox(NEW_YORKER) == [], "back at 8:00, 9 hours on"
    assert _records(sqs, url, arn)["Records"] == [], "invisible until then"

    clock.now = MORNING  # the 9 hours pass: SQS makes the message visible again (standing in for its clock)
    receipt = event["Records"][0]["receiptHandle"]
    sqs.change_message_visibility(QueueUrl=url, ReceiptHandle=receipt, VisibilityTimeout=0)
    again = _records(sqs, url, arn)
    assert send_text_message.handler(again, lambda_context) == {"batchItemFailures": []}
    assert len(sms.inbox(NEW_YORKER)) == 1


def test_a_wait_longer_than_sqs_allows_is_held_again_when_it_comes_back(
    aws: Any,
    queue: tuple[Any, str, str],
    monkeypatch: pytest.MonkeyPatch,
    lambda_context: LambdaContext,
) -> None:
    session, sms = aws
    sqs, url, arn = queue
    friday_evening = datetime(2026, 7, 17, 22, 0, tzinfo=UTC).timestamp()  # 18:00 in Rhode Island
    saturday_ten = datetime(2026, 7, 18, 14, 0, tzinfo=UTC).timestamp()
    clock = Clock(friday_evening)
    visibility: list[int] = []
    session.events.register(
        "provide-client-params.sqs.ChangeMessageVisibilityBatch",
        lambda params, **_: visibility.extend(e["VisibilityTimeout"] for e in params["Entries"]),
    )
    monkeypatch.setattr(
        send_text_message, "guarded_sender", lambda: build_guarded_sender(session.client, clock=clock)
    )
    monkeypatch.setattr(
        send_text_message, "held_messages", lambda: build_held_messages(session.client, clock=clock)
    )
    sqs.send_message(QueueUrl=url, MessageBody=json.dumps(promotional(RHODE_ISLANDER)))
    longest = MAX_VISIBILITY_SECONDS - LONGEST_INVOCATION_SECONDS

    for _ in range(3):
        event = _records(sqs, url, arn)
        if not event["Records"]:
            break
        send_text_message.handler(event, lambda_context)
        clock.now += visibility[-1] if visibility else 0
        sqs.change_message_visibility(
            QueueUrl=url, ReceiptHandle=event["Records"][0]["receiptHandle"], VisibilityTimeout=0
        )

    assert visibility == [longest, saturday_ten - friday_evening - longest]
    assert len(sms.inbox(RHODE_ISLANDER)) == 1


# Frequency caps -----------------------------------------------------------------------------


def test_never_a_fourth_promotional_text_in_24_hours_from_concurrent_containers(aws: Any) -> None:
    """Six containers send two texts each to one Floridian at once: exactly three go."""
    _session, sms = aws
    containers = [build_guarded_sender(boto3.session.Session().client, clock=Clock(NOON)) for _ in range(6)]
    barrier = threading.Barrier(len(containers), timeout=30)
    results: list[dict[str, Any]] = []
    lock = threading.Lock()

    def run(sender: Any) -> None:
        barrier.wait()
        outcome = sender.send([promotional(FLORIDIAN), promotional(FLORIDIAN)])
        with lock:
            results.extend(outcome.results)

    threads = [threading.Thread(target=run, args=(sender,)) for sender in containers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
        assert not thread.is_alive()

    statuses = Counter(r["status"] for r in results)
    assert statuses == {"SENT": 3, "CAPPED": 9}
    assert len(sms.inbox(FLORIDIAN)) == 3
    (first_sent,) = {r["notBefore"] for r in results if r["status"] == "CAPPED"}
    assert first_sent == "2026-07-16T16:00:00Z", "24 hours after the first, inside Florida's window"


def test_the_cap_is_a_rolling_24_hours(aws: Any) -> None:
    session, sms = aws
    clock = Clock(NOON)
    sender = build_guarded_sender(session.client, clock=clock)
    for hour in range(3):
        clock.now = NOON + hour * 3600
        assert sender.send([promotional(FLORIDIAN)]).results[0]["status"] == "SENT"

    clock.now = NOON + PERIOD_SECONDS - 60
    assert sender.send([promotional(FLORIDIAN)]).results[0] == {
        "status": "CAPPED",
        "reason": "FREQUENCY_CAP",
        "notBefore": "2026-07-16T16:00:00Z",
    }
    clock.now = NOON + PERIOD_SECONDS
    assert sender.send([promotional(FLORIDIAN)]).results[0]["status"] == "SENT"
    clock.now = NOON + PERIOD_SECONDS + 1
    assert sender.send([promotional(FLORIDIAN)]).results[0]["status"] == "CAPPED", (
        "the 2nd and 3rd still count"
    )
    assert len(sms.inbox(FLORIDIAN)) == 4


def test_one_write_per_promotional_send_and_none_for_a_transactional_one(
    aws: Any, writes: Counter[str]
) -> None:
    session, _ = aws
    sender = build_guarded_sender(session.client, clock=Clock(NOON))

    sender.send([promotional(FLORIDIAN)])
    assert writes == {"CAP#": 1}
    sender.send([promotional(FLORIDIAN, MessageType="TRANSACTIONAL"), promotional(NEW_YORKER)])
    assert writes == {"CAP#": 1}, "transactional: nothing; New York: no cap, nothing"


def test_a_send_that_fails_gives_its_slot_back(aws: Any, writes: Counter[str]) -> None:
    session, sms = aws
    sender = build_guarded_sender(session.client, clock=Clock(NOON))
    sms.fail_next("SendTextMessage", "ValidationException")

    (failed,) = sender.send([promotional(FLORIDIAN)]).results

    assert failed["status"] == "FAILED"
    assert FrequencyCaps(TABLE, session.client("dynamodb")).read(FLORIDIAN).sends == ()
    assert writes == {"CAP#": 2}, "taken, then given back"


def test_a_capped_queue_message_is_not_retried_unless_asked(
    aws: Any,
    queue: tuple[Any, str, str],
    monkeypatch: pytest.MonkeyPatch,
    lambda_context: LambdaContext,
) -> None:
    session, _ = aws
    sqs, url, arn = queue
    caps = FrequencyCaps(TABLE, session.client("dynamodb"))
    for minute in range(3):
        caps.take(FLORIDIAN, 3, NOON - 3600 + minute * 60)
    monkeypatch.setattr(
        send_text_message, "guarded_sender", lambda: build_guarded_sender(session.client, clock=Clock(NOON))
    )
    held = lambda: build_held_messages(session.client, clock=Clock(NOON))  # noqa: E731
    monkeypatch.setattr(send_text_message, "held_messages", held)
    sqs.send_message(QueueUrl=url, MessageBody=json.dumps(promotional(FLORIDIAN)))

    assert send_text_message.handler(_records(sqs, url, arn), lambda_context) == {"batchItemFailures": []}

    monkeypatch.setenv("RETRY_CAPPED", "true")
    sqs.send_message(QueueUrl=url, MessageBody=json.dumps(promotional(FLORIDIAN)))
    event = _records(sqs, url, arn)
    assert send_text_message.handler(event, lambda_context) == {
        "batchItemFailures": [{"itemIdentifier": event["Records"][0]["messageId"]}]
    }


def test_cap_items_are_under_their_own_key_prefix(aws: Any) -> None:
    session, _ = aws
    build_guarded_sender(session.client, clock=Clock(NOON)).send([promotional(FLORIDIAN)])

    items = session.client("dynamodb").scan(TableName=TABLE)["Items"]
    assert [i["PK"]["S"] for i in items if i["SK"]["S"] == "CAP"] == [KEY_PREFIX + FLORIDIAN]


def test_a_cap_contended_beyond_its_attempts_defers_that_request_alone(
    aws: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    session, sms = aws
    real_write = FrequencyCaps._write

    def always_lost(self: FrequencyCaps, customer: str, record: Any, sends: Any) -> Any:
        real_write(self, customer, record, (*record.sends, 0.0))  # another container wrote first
        return self.read(customer)

    monkeypatch.setattr(FrequencyCaps, "_write", always_lost)
    sender = build_guarded_sender(session.client, clock=Clock(NOON))

    contended, other = sender.send([promotional(FLORIDIAN), promotional(NEW_YORKER)]).results

    assert contended == {"status": "DEFERRED"} and other["status"] == "SENT"
    assert sms.inbox(FLORIDIAN) == []
