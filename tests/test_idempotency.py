"""Idempotency keys: at most one text per key, across invocations, duplicate deliveries and crashes."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from functools import partial
from typing import Any

import boto3
import pytest

from sandbox.sms_simulator import SmsSimulator
from sms_opt_out.deadline import Deadline
from sms_opt_out.idempotency import KEY_PREFIX, SORT_KEY, TTL_ATTRIBUTE, Claim, IdempotencyKeys
from sms_opt_out.runtime import build_guarded_sender
from sms_opt_out.send_service import GuardedSender, Redelivery
from tests.conftest import TABLE, join_all
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
    assert keys.claim("crash", crashed.expires_at).claim is Claim.CLAIMED  # ... and died before settling

    while_live = sender(session).send([request(customer, IdempotencyKey="crash")]).results

    assert while_live == [{"status": "DEFERRED"}] and sms.inbox(customer) == []
    over = (crashed.expires_at or 0.0) + 1.0
    later = partial(IdempotencyKeys, clock=lambda: over)  # its record has expired
    monkeypatch.setattr("sms_opt_out.runtime.IdempotencyKeys", later)
    after = sender(session).send([request(customer, IdempotencyKey="crash")]).results
    assert after[0]["status"] == "SENT" and len(sms.inbox(customer)) == 1


def test_a_send_that_did_not_happen_frees_its_key(aws: Any) -> None:
    session, sms = aws
    (customer,) = customers(1)
    sms.fail_next("SendTextMessage", "InternalServerException")

    failed = sender(session).send(
        [request(customer, IdempotencyKey="retry-me")], None, Redelivery.PER_MESSAGE
    )
    retried = sender(session).send(
        [request(customer, IdempotencyKey="retry-me")], None, Redelivery.PER_MESSAGE
    )

    assert failed.results[0]["code"] == "InternalServerException" and failed.retry == [0]
    assert retried.results[0]["status"] == "SENT" and len(sms.inbox(customer)) == 1


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
