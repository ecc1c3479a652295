"""A send refused because the number is on an AWS opt-out list is an opt-out, learned; other
ConflictException reasons keep their own code. Against moto and the local SMS simulator."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import boto3
import botocore
import pytest

import send_text_message
from sms_opt_out.domain.phone_numbers import ALL_NUMBERS
from sms_opt_out.domain.preferences import Action, PreferenceEvent
from sms_opt_out.runtime import build_guarded_sender
from sms_opt_out.sms.aws_opt_out_lists import CHANNEL, OPTED_OUT_REASON
from sms_opt_out.storage.audit_trail import AuditTrail
from sms_opt_out.storage.consent_writes import ConsentWrites
from sms_opt_out.storage.opt_out_store import OptOutStore
from tests.conftest import CUSTOMER, OUR_NUMBER, TABLE

Handler = Callable[[Any], dict[str, Any]]
OTHER_NUMBER = "+18445550199"
IMAGE = "s3://media-bucket/image.png"


def conflict_reasons() -> list[str]:
    """Every ``Reason`` botocore's service model gives ConflictException."""
    (model,) = Path(botocore.__file__).parent.glob("data/pinpoint-sms-voice-v2/*/service-2.json.gz")
    return list(json.loads(gzip.decompress(model.read_bytes()))["shapes"]["ConflictExceptionReason"]["enum"])


@pytest.fixture
def dead_letter_queue(dynamodb: Any, monkeypatch: pytest.MonkeyPatch) -> str:
    url = boto3.client("sqs").create_queue(QueueName="dead-letters")["QueueUrl"]
    monkeypatch.setenv("FAILED_SENDS_QUEUE_URL", url)
    return url


@pytest.fixture
def handle(
    dynamodb: Any, sms: Any, dead_letter_queue: str, lambda_context: Any, monkeypatch: Any
) -> Iterator[Handler]:
    session = boto3.session.Session()
    monkeypatch.setattr(send_text_message, "guarded_sender", lambda: build_guarded_sender(session.client))
    yield lambda event: send_text_message.handler(event, lambda_context)


def on_aws_list(sms: Any, number: str = CUSTOMER, list_name: str = "Default") -> None:
    """Given: ``number`` on the AWS opt-out list of our number (as AWS's managed opt-outs leave it)."""
    client = boto3.client("pinpoint-sms-voice-v2")
    client.create_opt_out_list(OptOutListName=list_name)
    client.put_opted_out_number(OptOutListName=list_name, OptedOutNumber=number)


def request(to: str = CUSTOMER, origination: str = OUR_NUMBER, **extra: Any) -> dict[str, Any]:
    return {"DestinationPhoneNumber": to, "OriginationIdentity": origination, "MessageBody": "Hi"} | extra


def kept(queue_url: str) -> list[dict[str, Any]]:
    messages = boto3.client("sqs").receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10)
    return [json.loads(m["Body"])["failedSend"] for m in messages.get("Messages", [])]


def every_kept(queue_url: str) -> list[dict[str, Any]]:
    """Every failed send on the queue, received 10 at a time until none is left."""
    found: list[dict[str, Any]] = []
    while batch := kept(queue_url):
        found += batch
    return found


def learned(dynamodb: Any, customer: str = CUSTOMER) -> list[dict[str, Any]]:
    return [item for item in AuditTrail(TABLE, dynamodb).history(customer) if item["Channel"] == CHANNEL]


@pytest.mark.parametrize("extra", [{}, {"MediaUrls": [IMAGE]}], ids=["SendTextMessage", "SendMediaMessage"])
def test_a_send_refused_as_opted_out_ends_opted_out_and_is_learned(
    handle: Handler, dynamodb: Any, sms: Any, dead_letter_queue: str, extra: dict[str, Any]
) -> None:
    on_aws_list(sms)

    results = handle({"messages": [request(**extra)]})["results"]

    assert results == [{"status": "OPTED_OUT", "code": OPTED_OUT_REASON}]
    assert kept(dead_letter_queue) == [], "an opt-out is not a failure: nothing for an operator"
    (record,) = learned(dynamodb)
    assert record["Action"] == "OPT_OUT" and record["OID"] == ALL_NUMBERS  # scope ALL, the default
    assert record["AwsAnswer"] == f"ConflictException: {OPTED_OUT_REASON}"
    assert record["Identity"] == OUR_NUMBER and record["Timestamp"].endswith("Z")
    assert record["Operation"] == ("SendMediaMessage" if extra else "SendTextMessage")


def test_the_next_send_is_blocked_without_calling_aws(handle: Handler, sms: Any) -> None:
    on_aws_list(sms)
    handle({"messages": [request()]})
    calls = len(sms.calls("SendTextMessage"))

    assert handle({"messages": [request()]})["results"] == [{"status": "OPTED_OUT"}]
    assert len(sms.calls("SendTextMessage")) == calls


def test_a_single_send_refused_as_opted_out_does_not_raise(handle: Handler, sms: Any) -> None:
    on_aws_list(sms)

    assert handle(request()) == {"status": "OPTED_OUT", "code": OPTED_OUT_REASON}


def test_under_scope_origination_it_is_learned_for_the_refusing_identity_only(
    handle: Handler, dynamodb: Any, sms: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPT_OUT_SCOPE", "ORIGINATION")
    other = sms.add_phone_number(OTHER_NUMBER)
    boto3.client("pinpoint-sms-voice-v2").update_phone_number(
        PhoneNumberId=other["PhoneNumberId"], OptOutListName="Other"
    )
    boto3.client("pinpoint-sms-voice-v2").create_opt_out_list(OptOutListName="Other")
    on_aws_list(sms)

    results = handle({"messages": [request(), request(origination=OTHER_NUMBER)]})["results"]

    assert [r["status"] for r in results] == ["OPTED_OUT", "SENT"]
    (record,) = learned(dynamodb)
    assert record["OID"] == OUR_NUMBER


def test_a_later_opt_in_outvotes_the_learned_opt_out(handle: Handler, dynamodb: Any, sms: Any) -> None:
    on_aws_list(sms)
    handle({"messages": [request()]})
    assert len(learned(dynamodb)) == 1
    ConsentWrites(TABLE, dynamodb).apply(
        PreferenceEvent(CUSTOMER, ALL_NUMBERS, "2999-01-01T00:00:00.000Z", Action.OPT_IN, "START", "web", "e")
    )
    boto3.client("pinpoint-sms-voice-v2").delete_opted_out_number(
        OptOutListName="Default", OptedOutNumber=CUSTOMER
    )

    assert handle({"messages": [request()]})["results"][0]["status"] == "SENT"


def test_the_sender_cannot_record_consent_through_an_aws_list_record(dynamodb: Any) -> None:
    """Whatever an ``AWSLIST#`` attribute holds, it reads as an opt-out."""
    store = OptOutStore.of(TABLE, dynamodb)
    record = {"Action": "OPT_IN", "Timestamp": "2025-05-01T12:00:00.000Z", "Channel": CHANNEL}
    store.writes.record_aws_opt_out(CUSTOMER, ALL_NUMBERS, record | {"Keyword": "X", "EventId": "e"})

    (entry,) = store.states.consent_states([CUSTOMER])[CUSTOMER].entries.values()
    assert entry.action is Action.OPT_OUT


def test_an_earlier_refusal_does_not_replace_a_later_one(dynamodb: Any) -> None:
    store = OptOutStore.of(TABLE, dynamodb)
    entry = {"Action": "OPT_OUT", "Channel": CHANNEL, "Keyword": "K", "EventId": "e"}

    later, earlier = ({"Timestamp": f"2025-05-0{day}T00:00:00.000Z"} for day in (2, 1))
    assert store.writes.record_aws_opt_out(CUSTOMER, ALL_NUMBERS, entry | later)
    assert not store.writes.record_aws_opt_out(CUSTOMER, ALL_NUMBERS, entry | earlier)
    assert (
        store.states.consent_states([CUSTOMER])[CUSTOMER]
        .entries[ALL_NUMBERS]
        .timestamp.startswith("2025-05-02")
    )


def test_an_opt_out_that_cannot_be_recorded_still_ends_opted_out(
    handle: Handler, dynamodb: Any, sms: Any, dead_letter_queue: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    on_aws_list(sms)

    def refuse(self: ConsentWrites, *args: Any) -> bool:
        raise botocore.exceptions.ClientError(
            {"Error": {"Code": "AccessDeniedException", "Message": "no"}}, "UpdateItem"
        )

    monkeypatch.setattr(ConsentWrites, "record_aws_opt_out", refuse)

    assert handle({"messages": [request()]})["results"] == [{"status": "OPTED_OUT", "code": OPTED_OUT_REASON}]
    assert kept(dead_letter_queue) == []


def test_every_other_conflict_reason_fails_under_its_own_code(
    handle: Handler, dynamodb: Any, sms: Any, dead_letter_queue: str
) -> None:
    reasons = [r for r in conflict_reasons() if r != OPTED_OUT_REASON]
    customers = {reason: f"+1206555{1000 + n}" for n, reason in enumerate(reasons)}
    outcomes = {}
    for reason, customer in customers.items():
        sms.fail_next("SendTextMessage", "ConflictException", Reason=reason)
        (result,) = handle({"messages": [request(to=customer)]})["results"]
        outcomes[reason] = (result["status"], result["code"])

    assert outcomes == {reason: ("FAILED", reason) for reason in reasons}
    failed = every_kept(dead_letter_queue)
    assert sorted(f["errorCode"] for f in failed) == sorted(reasons)
    for customer in customers.values():
        assert AuditTrail(TABLE, dynamodb).history(customer) == [], "not an opt-out"


def test_a_conflict_without_a_reason_keeps_the_error_code(handle: Handler, sms: Any) -> None:
    sms.fail_next("SendTextMessage", "ConflictException")

    (result,) = handle({"messages": [request()]})["results"]

    assert (result["status"], result["code"]) == ("FAILED", "ConflictException")
