"""The send function's SQS event shape: partial batch responses name only what should come back."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import boto3
import pytest

import send_text_message
from sandbox.lambda_context import LambdaContext
from sandbox.sms_simulator import SmsSimulator
from sms_opt_out.runtime import build_guarded_sender
from tests.conftest import OUR_NUMBER
from tests.test_send_under_load import customers, opt_out, request


@pytest.fixture
def aws(
    moto_server: Any, sms: SmsSimulator, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[boto3.session.Session, Any, str]]:
    """A moto server (one request at a time) and the SMS simulator, answering at once."""
    queue = boto3.client("sqs").create_queue(QueueName="dead-letters")["QueueUrl"]
    monkeypatch.setenv("FAILED_SENDS_QUEUE_URL", queue)
    session = boto3.session.Session()
    monkeypatch.setattr(send_text_message, "guarded_sender", lambda: build_guarded_sender(session.client))
    yield session, sms, queue


def sqs_event(*bodies: Any) -> dict[str, Any]:
    """The event Lambda's SQS event source delivers: one record per message of the send queue."""
    return {
        "Records": [
            {
                "messageId": f"m-{n}",
                "receiptHandle": f"r-{n}",
                "body": body if isinstance(body, str) else json.dumps(body),
                "attributes": {"ApproximateReceiveCount": "1"},
                "messageAttributes": {},
                "eventSource": "aws:sqs",
                "eventSourceARN": "arn:aws:sqs:us-east-1:123456789012:send-queue",
                "awsRegion": "us-east-1",
            }
            for n, body in enumerate(bodies)
        ]
    }


def kept(queue_url: str) -> list[dict[str, Any]]:
    messages = boto3.client("sqs").receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10)
    return [json.loads(m["Body"])["failedSend"] for m in messages.get("Messages", [])]


def test_only_the_messages_to_try_again_are_batch_item_failures(
    aws: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    session, sms, queue = aws
    monkeypatch.setenv("SEND_CONCURRENCY", "1")  # the injected 5xx meets the first request
    sent, opted_out, server_error, invalid = customers(4)
    opt_out(session, opted_out)
    sms.fail_next("SendTextMessage", "InternalServerException")
    event = sqs_event(
        request(server_error), request(sent), request(opted_out), request(invalid, MessageBody=""), "{"
    )

    answer = send_text_message.handler(event, LambdaContext())

    assert answer == {"batchItemFailures": [{"itemIdentifier": "m-0"}]}, "the 5xx comes back, nothing else"
    assert [len(sms.inbox(c)) for c in (server_error, sent, opted_out, invalid)] == [0, 1, 0, 0]
    reasons = sorted((k["errorCode"], k["errorMessage"].split(":")[0]) for k in kept(queue))
    assert reasons == [("INVALID", "MessageBody"), ("INVALID", "request")], (
        "invalid ones kept with the reason"
    )

    again = send_text_message.handler(sqs_event(request(server_error)), LambdaContext())

    assert again == {"batchItemFailures": []} and len(sms.inbox(server_error)) == 1


def test_records_not_attempted_before_the_deadline_or_throttled_throughout_come_back(aws: Any) -> None:
    _, sms, queue = aws
    first, second = customers(2)
    sms.fail_next("SendTextMessage", "ThrottlingException", times=1_000)

    throttled = send_text_message.handler(sqs_event(request(first)), LambdaContext(timeout_ms=1500))
    too_late = send_text_message.handler(sqs_event(request(second)), LambdaContext(timeout_ms=500))

    assert throttled == too_late == {"batchItemFailures": [{"itemIdentifier": "m-0"}]}
    assert kept(queue) == [], "never put on the failed-sends queue"
    sms.heal()
    assert send_text_message.handler(sqs_event(request(first), request(second)), LambdaContext()) == {
        "batchItemFailures": []
    }


def test_a_message_the_service_refuses_is_kept_and_not_retried(aws: Any) -> None:
    _, sms, queue = aws
    sms.fail_next("SendTextMessage", "ValidationException")

    answer = send_text_message.handler(sqs_event(request(customers(1)[0], OUR_NUMBER)), LambdaContext())

    assert answer == {"batchItemFailures": []}
    (failed,) = kept(queue)
    assert failed["errorCode"] == "ValidationException"


def test_failed_sends_that_cannot_be_kept_come_back_instead(
    aws: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, sms, _ = aws
    monkeypatch.setenv("FAILED_SENDS_QUEUE_URL", "https://sqs.us-east-1.amazonaws.com/123456789012/missing")
    sms.fail_next("SendTextMessage", "ValidationException")
    first, second = customers(2)
    monkeypatch.setenv("SEND_CONCURRENCY", "1")

    answer = send_text_message.handler(sqs_event(request(first), request(second)), LambdaContext())

    assert answer == {"batchItemFailures": [{"itemIdentifier": "m-0"}]}, "never dropped"
    assert len(sms.inbox(second)) == 1


def test_a_keyed_record_of_unknown_outcome_is_kept_and_never_delivered_again(aws: Any) -> None:
    _, sms, queue = aws
    (customer,) = customers(1)
    sms.fail_next("SendTextMessage", "InternalServerException")  # HTTP 500: it may have been sent
    event = sqs_event(request(customer, IdempotencyKey="otp-5"))

    answers = [send_text_message.handler(event, LambdaContext()) for _ in range(2)]  # a duplicate delivery

    assert answers == [{"batchItemFailures": []}] * 2, "the queue does not deliver it again"
    assert [(k["status"], k["errorCode"]) for k in kept(queue)] == [
        ("UNKNOWN", "InternalServerException")
    ] * 2
    assert sms.inbox(customer) == [] and len(sms.calls("SendTextMessage")) == 1, "one call, never a second"
