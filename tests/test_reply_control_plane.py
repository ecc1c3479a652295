"""A STOP is recorded and enforced with DynamoDB alone: no control-plane call comes before it.

``ListPoolOriginationIdentities`` (about 1 request per second per account) failing with a 5xx or
throttled while STOPs arrive may delay a confirmation, never the recording or the enforcement.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import boto3
import pytest

import process_reply
import send_text_message
from sandbox.sms_simulator import SmsSimulator
from sms_opt_out.domain.preferences import Action
from sms_opt_out.errors import ConfirmationNotSentError
from sms_opt_out.storage.consent_states import ConsentStates
from tests.conftest import CUSTOMER, OUR_NUMBER, TABLE, sns_event

Handler = Callable[[dict[str, Any]], dict[str, Any]]
SECOND, LONE = "+18445550101", "+18445550199"
LOOKUP = "ListPoolOriginationIdentities"


@pytest.fixture
def pool(sms: SmsSimulator, monkeypatch: pytest.MonkeyPatch) -> str:
    """Given: a configured pool of our number and SECOND; LONE is in no pool."""
    client = boto3.client("pinpoint-sms-voice-v2")
    ids = {n: sms.add_phone_number(n)["PhoneNumberId"] for n in (SECOND, LONE)}
    first = sms.add_phone_number(OUR_NUMBER)["PhoneNumberId"]
    pool_id = client.create_pool(OriginationIdentity=first, MessageType="TRANSACTIONAL")["PoolId"]
    client.associate_origination_identity(PoolId=pool_id, OriginationIdentity=ids[SECOND])
    monkeypatch.setenv("POOL_IDS", json.dumps([pool_id]))
    return pool_id


@pytest.fixture
def reply(dynamodb: Any, pool: str, lambda_context: Any) -> Iterator[Handler]:
    """A fresh container for every reply: nothing of a pool is cached."""

    def handle(event: dict[str, Any]) -> dict[str, Any]:
        process_reply.reply_processor.cache_clear()
        return process_reply.handler(event, lambda_context)

    yield handle
    process_reply.reply_processor.cache_clear()


@pytest.fixture
def send(dynamodb: Any, pool: str, lambda_context: Any) -> Iterator[Handler]:
    send_text_message.guarded_sender.cache_clear()
    yield lambda event: send_text_message.handler(event, lambda_context)
    send_text_message.guarded_sender.cache_clear()


def opted_out(dynamodb: Any, customer: str = CUSTOMER) -> bool:
    state = ConsentStates(TABLE, dynamodb).consent_states([customer])[customer]
    return any(entry.action is Action.OPT_OUT for entry in state.entries.values())


def statuses(send: Handler, *identities: str, customer: str = CUSTOMER) -> list[str]:
    requests = [
        {"DestinationPhoneNumber": customer, "OriginationIdentity": i, "MessageBody": "Hi"}
        for i in identities
    ]
    return [r["status"] for r in send({"messages": requests})["results"]]


@pytest.mark.parametrize("our_number", [LONE, SECOND])
def test_under_scope_all_a_stop_needs_no_pool_lookup_at_all(
    reply: Handler, send: Handler, dynamodb: Any, sms: SmsSimulator, pool: str, our_number: str
) -> None:
    sms.fail_next(LOOKUP, "InternalServerException", times=100, status=500)

    assert reply(sns_event("STOP", our_number=our_number))["outcomes"] == ["OPT_OUT"]
    assert sms.calls(LOOKUP) == [], "the reply made no control-plane call"
    assert len(sms.inbox(CUSTOMER)) == 1

    sms.heal()
    assert statuses(send, pool, OUR_NUMBER, SECOND, LONE) == ["OPTED_OUT"] * 4


@pytest.mark.parametrize("our_number", [LONE, SECOND])
def test_under_scope_origination_a_failing_pool_lookup_delays_only_the_confirmation(
    reply: Handler,
    send: Handler,
    dynamodb: Any,
    sms: SmsSimulator,
    pool: str,
    our_number: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("OPT_OUT_SCOPE", "ORIGINATION")
    sms.fail_next(LOOKUP, "InternalServerException", times=100, status=500)
    event = sns_event("STOP", our_number=our_number)

    with pytest.raises(ConfirmationNotSentError):
        reply(event)

    assert opted_out(dynamodb), "recorded on its first delivery"
    sms.heal()
    governed = [pool, OUR_NUMBER, SECOND] if our_number == SECOND else [LONE]
    assert statuses(send, *governed) == ["OPTED_OUT"] * len(governed), "and enforced"
    assert sms.inbox(CUSTOMER) == []
    assert reply(event)["outcomes"] == ["OPT_OUT"], "Lambda's retry confirms it"
    assert reply(event)["outcomes"] == ["DUPLICATE"]
    assert len(sms.inbox(CUSTOMER)) == 1


def test_stops_arriving_while_the_pool_lookup_is_throttled_are_each_recorded_at_once(
    reply: Handler,
    send: Handler,
    dynamodb: Any,
    sms: SmsSimulator,
    pool: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("OPT_OUT_SCOPE", "ORIGINATION")
    customers = [f"+1415555{n:04d}" for n in range(5)]
    sms.fail_next(LOOKUP, "ThrottlingException", times=2)
    sms.fail_next(LOOKUP, "InternalServerException", times=3, status=500)
    events = [sns_event("STOP", customer=c, inbound_id=f"in-{c}", our_number=SECOND) for c in customers]

    first: list[str] = []
    for event in events:
        try:
            first.extend(reply(event)["outcomes"])
        except ConfirmationNotSentError:
            first.append("RETRIED")

    assert all(opted_out(dynamodb, c) for c in customers), "every STOP recorded on its first delivery"
    assert "RETRIED" in first
    for customer in customers:
        assert statuses(send, pool, customer=customer) == ["OPTED_OUT"]
    for event, outcome in zip(events, first, strict=True):
        if outcome == "RETRIED":
            assert reply(event)["outcomes"] == ["OPT_OUT"]
    assert all(len(sms.inbox(c)) == 1 for c in customers), "each confirmed exactly once"
