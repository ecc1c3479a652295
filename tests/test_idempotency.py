"""Idempotency keys: at most one text per key, across invocations, duplicate deliveries and crashes."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from botocore.exceptions import ConnectionClosedError

import send_text_message
from sandbox.lambda_context import LambdaContext
from sandbox.sms_simulator import SmsSimulator
from sms_opt_out.aws_clock import AwsClock
from sms_opt_out.domain.deadline import Deadline
from sms_opt_out.errors import SendOutcomeUnknownError
from sms_opt_out.runtime import build_guarded_sender
from sms_opt_out.send.service import GuardedSender, Redelivery
from sms_opt_out.storage.idempotency import (
    KEY_PREFIX,
    SORT_KEY,
    TTL_ATTRIBUTE,
    Claim,
    IdempotencyKeys,
    request_fingerprint,
)
from tests.conftest import OUR_NUMBER, TABLE, join_all
from tests.test_send_under_load import customers, request


@pytest.fixture
def aws(
    moto_server: Any, sms: SmsSimulator, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[boto3.session.Session, Any]]:
    """A moto server (one request at a time) and the SMS simulator taking 20 ms a call."""
    sms.latency = 0.02
    yield boto3.session.Session(), sms


def sender(session: Any) -> GuardedSender:
    """A fresh container's sender: nothing shared in memory with another."""
    return build_guarded_sender(session.client)


def test_a_repeated_key_in_a_later_invocation_sends_nothing_and_returns_the_first_result(aws: Any) -> None:
    session, sms = aws
    (customer,) = customers(1)

    first = sender(session).send([request(customer, IdempotencyKey="order-1")]).results
    again = sender(session).send([request(customer, IdempotencyKey="order-1")]).results

    assert first[0]["status"] == "SENT" and again == first, "same messageId"
    assert len(sms.inbox(customer)) == 1
    assert all("IdempotencyKey" not in call for call in sms.calls("SendTextMessage")), "not passed to AWS"


def test_a_repeat_in_the_same_batch_gets_the_first_result(aws: Any) -> None:
    session, sms = aws
    one, two = customers(2)
    batch = [
        request(one, IdempotencyKey="k1"),
        request(two, IdempotencyKey="k2"),
        request(one, IdempotencyKey="k1"),
    ]

    results = sender(session).send(batch).results

    assert results[0] == results[2] and results[0]["status"] == "SENT" and results[1]["status"] == "SENT"
    assert len(sms.inbox(one)) == 1


def test_two_concurrent_deliveries_of_one_message_text_once(aws: Any) -> None:
    session, sms = aws
    (customer,) = customers(1)
    results: list[dict[str, Any]] = []

    def deliver() -> None:
        outcome = sender(session).send(
            [request(customer, IdempotencyKey="dup")], None, Redelivery.PER_MESSAGE
        )
        results.extend(outcome.results)

    threads = [threading.Thread(target=deliver) for _ in range(4)]
    for thread in threads:
        thread.start()
    join_all(threads)

    assert len(sms.inbox(customer)) == 1
    sent = [r for r in results if r["status"] == "SENT"]
    assert {r["status"] for r in results} <= {"SENT", "DEFERRED"} and sent
    assert len({r["messageId"] for r in sent}) == 1, "a later one sees the first's result, never a new text"


def test_a_crashed_send_defers_its_key_until_its_invocation_is_surely_over(
    aws: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    session, sms = aws
    (customer,) = customers(1)
    keys = IdempotencyKeys(TABLE, session.client("dynamodb"))
    crashed = Deadline(remaining_seconds=2.0)  # the crashed invocation had 2 s left when it started
    fingerprint = request_fingerprint(
        {"DestinationPhoneNumber": customer, "OriginationIdentity": OUR_NUMBER, "MessageBody": "Sale"}
    )
    assert keys.claim("crash", crashed.expires_at, fingerprint).claim is Claim.CLAIMED  # ... then died

    while_live = sender(session).send([request(customer, IdempotencyKey="crash")]).results

    assert while_live == [{"status": "DEFERRED"}] and sms.inbox(customer) == []
    # Surely over by AWS's clock: the record's expiry is the deadline read on AWS's clock (up to 1 s
    # ahead of this host's, the Date header's rounding) and rounded up to a whole second.
    over = (crashed.expires_at or 0.0) + 3.0

    def later(table: str, client: Any, _: AwsClock) -> IdempotencyKeys:  # its record has expired
        return IdempotencyKeys(table, client, AwsClock(lambda: over))

    # The runtime imports it as it builds the sender.
    monkeypatch.setattr("sms_opt_out.storage.idempotency.IdempotencyKeys", later)
    after = sender(session).send([request(customer, IdempotencyKey="crash")]).results
    assert after[0]["status"] == "SENT" and len(sms.inbox(customer)) == 1


@pytest.fixture
def failed_sends(aws: Any, monkeypatch: pytest.MonkeyPatch) -> str:
    """The failed-sends (dead-letter) queue, on the moto server."""
    queue = boto3.client("sqs").create_queue(QueueName="failed-sends")["QueueUrl"]
    monkeypatch.setenv("FAILED_SENDS_QUEUE_URL", queue)
    return queue


def kept(queue_url: str) -> list[dict[str, Any]]:
    """Every failed send waiting on the queue (received, then made visible again)."""
    sqs = boto3.client("sqs")
    messages = sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10, VisibilityTimeout=0)
    return [json.loads(m["Body"])["failedSend"] for m in messages.get("Messages", [])]


def lose_answers(session: boto3.session.Session, times: int = 1) -> None:
    """The next ``times`` SendTextMessage calls reach the simulator (which sends) and their answer is lost."""
    left = [times]

    def lost(**_: Any) -> None:
        if left[0] > 0:
            left[0] -= 1
            raise ConnectionClosedError(endpoint_url="https://sms-voice.us-east-1.amazonaws.com/")

    session.events.register("after-call.pinpoint-sms-voice-v2.SendTextMessage", lost)


def test_an_answer_proving_nothing_was_sent_frees_its_key(aws: Any) -> None:
    session, sms = aws
    (customer,) = customers(1)
    sms.fail_next("SendTextMessage", "ValidationException")

    refused = sender(session).send(
        [request(customer, IdempotencyKey="retry-me")], None, Redelivery.PER_MESSAGE
    )
    retried = sender(session).send(
        [request(customer, IdempotencyKey="retry-me")], None, Redelivery.PER_MESSAGE
    )

    assert refused.results[0]["status"] == "FAILED" and refused.results[0]["code"] == "ValidationException"
    assert retried.results[0]["status"] == "SENT" and len(sms.inbox(customer)) == 1


@pytest.mark.parametrize("fault", ["5xx", "lost answer"])
def test_an_unknown_outcome_keeps_the_key_and_no_retry_sends_again(
    aws: Any, failed_sends: str, fault: str
) -> None:
    session, sms = aws
    (customer,) = customers(1)
    if fault == "5xx":
        sms.fail_next("SendTextMessage", "InternalServerException")  # HTTP 500: it may have sent
    else:
        lose_answers(session)  # the simulator sent it; the answer never came back
    texts = 0 if fault == "5xx" else 1

    first = sender(session).send([request(customer, IdempotencyKey="otp-1")], None, Redelivery.PER_MESSAGE)
    again = sender(session).send([request(customer, IdempotencyKey="otp-1")], None, Redelivery.PER_MESSAGE)
    batch = sender(session).send([request(customer, IdempotencyKey="otp-1")], None, Redelivery.NONE)

    code = "InternalServerException" if fault == "5xx" else "ConnectionClosedError"
    assert first.results[0]["status"] == "UNKNOWN" and first.results[0]["code"] == code
    assert [again.results[0]["status"], batch.results[0]["status"]] == ["UNKNOWN", "UNKNOWN"]
    assert first.retry == again.retry == [], "the send queue does not deliver it again"
    assert len(sms.inbox(customer)) == texts and len(sms.calls("SendTextMessage")) == 1, "sent nothing more"
    assert [(k["status"], k["errorCode"]) for k in kept(failed_sends)] == [("UNKNOWN", code)] * 3, (
        "each kept for an operator, with its reason"
    )


def test_a_single_keyed_request_with_an_unknown_outcome_raises_unknown_on_every_retry(
    aws: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    session, sms = aws
    monkeypatch.setattr(send_text_message, "guarded_sender", lambda: sender(session))
    (customer,) = customers(1)
    lose_answers(session)

    for _ in range(3):  # the invocation and Lambda's two retries of an asynchronous one
        with pytest.raises(SendOutcomeUnknownError, match=r"UNKNOWN .*ConnectionClosedError.*look before"):
            send_text_message.handler(request(customer, IdempotencyKey="otp-2"), LambdaContext())

    assert len(sms.inbox(customer)) == 1


def test_unkeyed_requests_keep_their_behaviour_a_5xx_is_retried_a_lost_answer_kept(
    aws: Any, failed_sends: str
) -> None:
    session, sms = aws
    server_error, lost = customers(2)
    sms.fail_next("SendTextMessage", "InternalServerException")
    first = sender(session).send([request(server_error)], None, Redelivery.PER_MESSAGE)
    lose_answers(session)
    second = sender(session).send([request(lost)], None, Redelivery.PER_MESSAGE)

    assert first.results[0]["status"] == "FAILED" and first.retry == [0], "a 5xx comes back from the queue"
    assert second.results[0] | {"error": ""} == {
        "status": "FAILED",
        "code": "ConnectionClosedError",
        "error": "",
    }
    assert second.retry == [] and [k["errorCode"] for k in kept(failed_sends)] == ["ConnectionClosedError"]
    assert len(sms.inbox(lost)) == 1


@pytest.mark.parametrize("change", ["DestinationPhoneNumber", "OriginationIdentity", "MessageBody"])
def test_a_key_reused_for_a_different_request_is_invalid_naming_the_key(aws: Any, change: str) -> None:
    session, sms = aws
    sms.add_phone_number("+18445550177")
    one, two = customers(2)
    first = request(one, IdempotencyKey="order-7")
    changed = {"DestinationPhoneNumber": two, "OriginationIdentity": "+18445550177", "MessageBody": "Other"}
    other = first | {change: changed[change]}

    sent = sender(session).send([first]).results
    reused = sender(session).send([other]).results
    batch = [request(one, IdempotencyKey="order-8"), other | {"IdempotencyKey": "order-8"}]
    in_one_batch = sender(session).send(batch).results

    assert sent[0]["status"] == "SENT"
    for result in (reused[0], in_one_batch[1]):
        assert result["status"] == "INVALID" and result["error"].startswith("IdempotencyKey: 'order-")
        assert "different request" in result["error"]
    assert in_one_batch[0]["status"] == "SENT"
    assert len(sms.inbox(one)) == 2 and sms.inbox(two) == [], "one text per key, none for the reuse"


def test_the_same_request_written_differently_is_the_same_request(aws: Any) -> None:
    session, sms = aws
    (customer,) = customers(1)
    first = sender(session).send([request(customer, IdempotencyKey="k")]).results
    spelled = {"IdempotencyKey": "k", "MessageBody": "Sale", "OID": OUR_NUMBER, "SourcePhoneNumber": customer}

    assert sender(session).send([spelled]).results == first and len(sms.inbox(customer)) == 1


def test_key_records_are_apart_from_customers_and_expire_by_ttl(aws: Any) -> None:
    session, _ = aws
    (customer,) = customers(1)
    sender(session).send([request(customer, IdempotencyKey="order-9")])

    item = boto3.client("dynamodb").get_item(
        TableName=TABLE, Key={"PK": {"S": KEY_PREFIX + "order-9"}, "SK": {"S": SORT_KEY}}
    )["Item"]

    assert item["Status"] == {"S": "DONE"}
    assert 23 * 3600 < float(item[TTL_ATTRIBUTE]["N"]) - time.time() <= 24 * 3600 + 1


@pytest.mark.parametrize("key", ["", 5, "x" * 257])
def test_a_bad_key_is_invalid(aws: Any, key: Any) -> None:
    session, sms = aws
    (result,) = sender(session).send([request(customers(1)[0], IdempotencyKey=key)]).results

    assert result["status"] == "INVALID" and result["error"].startswith("IdempotencyKey: ")
    assert sms.calls("SendTextMessage") == []
