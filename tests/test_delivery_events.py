"""Delivery events: each final event recorded once against its message; invalid and repeatedly
blocked numbers suppressed until a reply or the operator lifts it. Against moto DynamoDB and the
local SMS simulator."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import boto3
import botocore
import pytest
import record_delivery_event

import process_reply
import send_text_message
from sandbox.embedded_metrics import datapoints, emf_records
from sms_opt_out.delivery.events import BLOCKED_THRESHOLD, OUTCOMES, RECORD_PREFIX
from sms_opt_out.errors import MalformedReplyError
from sms_opt_out.runtime import build_guarded_sender
from sms_opt_out.storage.consent_states import ConsentStates
from sms_opt_out.storage.opt_out_store import OptOutStore
from tests.conftest import CUSTOMER, OUR_NUMBER, TABLE, sns_event
from tests.test_cli import cli

Handler = Callable[[Any], Any]
NOT_FINAL = ("SENT", "PENDING", "QUEUED")


def event_types() -> list[str]:
    """The text, MMS and RCS event types of botocore's service model that end a message."""
    (model,) = Path(botocore.__file__).parent.glob("data/pinpoint-sms-voice-v2/*/service-2.json.gz")
    enum = json.loads(gzip.decompress(model.read_bytes()))["shapes"]["EventType"]["enum"]
    return [
        t for t in enum
        if t.startswith(("TEXT_", "MEDIA_", "RCS_")) and not t.endswith(("_ALL", *NOT_FINAL))
        and t not in ("RCS_FALLEN_BACK_TO_SMS",)
    ]  # fmt: skip


@pytest.fixture
def record(dynamodb: Any) -> Iterator[Handler]:
    record_delivery_event.recorder.cache_clear()
    yield lambda event: record_delivery_event.handler(event, None)
    record_delivery_event.recorder.cache_clear()


@pytest.fixture
def send(dynamodb: Any, sms: Any, lambda_context: Any, monkeypatch: pytest.MonkeyPatch) -> Handler:
    session = boto3.session.Session()
    monkeypatch.setattr(send_text_message, "guarded_sender", lambda: build_guarded_sender(session.client))
    return lambda event: send_text_message.handler(event, lambda_context)


def notification(event_type: str, message_id: str = "m-1", *, final: bool = True, at: int = 1_764_000_000_000,
                 customer: str = CUSTOMER) -> dict[str, Any]:  # fmt: skip
    """What SNS hands the function for one event of a configuration set's destination."""
    message = {
        "eventType": event_type,
        "eventVersion": "1.0",
        "eventTimestamp": at,
        "isFinal": final,
        "originationPhoneNumber": OUR_NUMBER,
        "destinationPhoneNumber": customer,
        "isoCountryCode": "US",
        "messageId": message_id,
        "messageStatus": event_type.split("_", 1)[1],
        "messageStatusDescription": "as the carrier said",
        "totalMessagePrice": 0.00581,
        "context": {"campaign": "spring"},
    }
    return {"Records": [{"EventSource": "aws:sns", "Sns": {"Message": json.dumps(message)}}]}


def records(dynamodb: Any) -> list[dict[str, Any]]:
    items = dynamodb.query(
        TableName=TABLE, KeyConditionExpression="PK = :pk", ExpressionAttributeValues={":pk": {"S": CUSTOMER}}
    )["Items"]
    return [i for i in items if i["SK"]["S"].startswith(RECORD_PREFIX)]


def request() -> dict[str, Any]:
    return {"DestinationPhoneNumber": CUSTOMER, "OriginationIdentity": OUR_NUMBER, "MessageBody": "Hi"}


@pytest.mark.parametrize("event_type", event_types())
def test_each_final_event_is_recorded_once_and_counted_for_our_number(
    record: Handler, dynamodb: Any, capsys: pytest.CaptureFixture[str], event_type: str
) -> None:
    first = record(notification(event_type))
    again = record(notification(event_type))

    (item,) = records(dynamodb)
    assert item["SK"]["S"] == f"{RECORD_PREFIX}m-1#{event_type}" and item["Origination"]["S"] == OUR_NUMBER
    assert again == {"outcomes": ["DUPLICATE"]}
    suppressed = ConsentStates(TABLE, dynamodb).consent_states([CUSTOMER])[CUSTOMER].suppressed
    invalid_number = event_type.endswith("_INVALID")
    assert first == {"outcomes": ["SUPPRESSED" if invalid_number else "RECORDED"]}
    assert suppressed == ("INVALID" if invalid_number else None), "only no-such-number suppresses at once"
    points = datapoints(emf_records(capsys.readouterr().out))
    counted = {
        p.name: p.value for p in points if p.dimensions == (("OriginationIdentity", OUR_NUMBER),) and p.value
    }
    expected = OUTCOMES.get(event_type.split("_", 1)[1], "OtherFailures")
    assert counted == {expected: 1}, "the duplicate counts nothing"


def test_an_event_that_is_not_final_is_left_alone(record: Handler, dynamodb: Any) -> None:
    assert record(notification("TEXT_PENDING", final=False)) == {"outcomes": ["NOT_FINAL"]}
    assert records(dynamodb) == []


def test_an_event_of_a_message_we_never_sent_or_before_its_result_is_recorded(
    record: Handler, send: Handler, dynamodb: Any
) -> None:
    record(notification("TEXT_DELIVERED", "sent-by-another-client"))

    assert len(records(dynamodb)) == 1
    assert send({"messages": [request()]})["results"][0]["status"] == "SENT"


def test_blocked_events_suppress_at_the_threshold_and_a_delivery_between_starts_afresh(
    record: Handler, send: Handler, dynamodb: Any
) -> None:
    assert BLOCKED_THRESHOLD <= 5
    for n in range(BLOCKED_THRESHOLD - 1):
        record(notification("TEXT_CARRIER_BLOCKED" if n % 2 else "TEXT_BLOCKED", f"m-{n}"))
    record(notification("TEXT_DELIVERED", "m-ok"))
    for n in range(BLOCKED_THRESHOLD - 1):
        assert record(notification("TEXT_BLOCKED", f"m-again-{n}")) == {"outcomes": ["RECORDED"]}
    assert send({"messages": [request()]})["results"][0]["status"] == "SENT"

    assert record(notification("TEXT_BLOCKED", "m-last")) == {"outcomes": ["SUPPRESSED"]}

    assert send({"messages": [request()]})["results"] == [{"status": "SUPPRESSED", "reason": "BLOCKED"}]


def test_a_suppression_is_not_an_opt_out_and_a_reply_lifts_it(
    record: Handler, send: Handler, dynamodb: Any, lambda_context: Any
) -> None:
    record(notification("TEXT_INVALID", at=1_764_000_000_000))
    store = OptOutStore.of(TABLE, dynamodb)
    assert store.states.consent_states([CUSTOMER])[CUSTOMER].entries == {}, "no consent entry of any kind"
    (suppressed,) = [h for h in store.trail.history(CUSTOMER) if h.get("Action") == "SUPPRESSED"]
    assert (suppressed["Response"], suppressed["EventType"]) == ("INVALID", "TEXT_INVALID")
    assert send({"messages": [request()]})["results"] == [{"status": "SUPPRESSED", "reason": "INVALID"}]

    process_reply.reply_processor.cache_clear()
    process_reply.handler(sns_event("hello?", timestamp="2025-12-01T00:00:00.000Z"), lambda_context)
    process_reply.reply_processor.cache_clear()

    assert send({"messages": [request()]})["results"][0]["status"] == "SENT"


def test_a_reply_older_than_the_suppression_does_not_lift_it(
    record: Handler, send: Handler, dynamodb: Any, lambda_context: Any
) -> None:
    record(notification("TEXT_INVALID", at=1_764_000_000_000))  # 2025-11-24

    process_reply.reply_processor.cache_clear()
    process_reply.handler(sns_event("hello?", timestamp="2025-11-01T00:00:00.000Z"), lambda_context)
    process_reply.reply_processor.cache_clear()

    assert send({"messages": [request()]})["results"][0]["status"] == "SUPPRESSED"


def test_the_operator_lists_and_lifts_suppressions(record: Handler, send: Handler, dynamodb: Any) -> None:
    record(notification("TEXT_INVALID"))

    code, out = cli("suppressions", "list")
    assert code == 0 and CUSTOMER in out and "INVALID" in out and "TEXT_INVALID" in out
    code, out = cli("status", CUSTOMER, "--from", OUR_NUMBER)
    assert (
        out.splitlines()[0] == "suppressed: INVALID (carrier reports; sms-opt-out suppressions lift NUMBER)"
    )
    assert f"texts from {OUR_NUMBER}: SUPPRESSED" in out
    code, out = cli("suppressions", "lift", CUSTOMER)
    assert code == 0 and out.startswith(f"lifted the suppression of {CUSTOMER} (INVALID since")

    assert cli("suppressions", "list")[1].strip() == "no number is suppressed"
    assert send({"messages": [request()]})["results"][0]["status"] == "SENT"


def test_a_malformed_event_raises_naming_the_field(record: Handler) -> None:
    event = notification("TEXT_DELIVERED")
    event["Records"][0]["Sns"]["Message"] = json.dumps({"eventType": "TEXT_DELIVERED"})

    with pytest.raises(MalformedReplyError, match=r"Records\[0\].Sns.Message.messageId"):
        record(event)
