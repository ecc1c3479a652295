"""Phone pools, sender IDs and MMS: the sender and the reply processor against moto and the simulator."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import boto3
import pytest

import process_reply
import send_text_message
from sandbox.sms_simulator import SmsSimulator
from sms_opt_out.domain.languages import DEFAULT_PROGRAM_NAME, ENGLISH, LANGUAGES
from sms_opt_out.domain.phone_numbers import ALL_NUMBERS
from sms_opt_out.domain.preferences import Action, PreferenceEvent, Scope
from sms_opt_out.sms.origination import Originations
from sms_opt_out.sms.pools import MEMBERSHIP_TTL_SECONDS, PoolMembership
from sms_opt_out.storage.audit_trail import AuditTrail
from sms_opt_out.storage.consent_writes import ConsentWrites
from tests.conftest import CUSTOMER, OUR_NUMBER, TABLE, sns_event

Handler = Callable[[Any], dict[str, Any]]
SECOND, THIRD, LONE = "+18445550101", "+18445550102", "+18445550199"
SENDER_ID = "ACMECO"
MEDIA = ["s3://acme-media/receipt.png"]

DEFAULT_OPT_OUT_CONFIRMATION = (
    LANGUAGES[ENGLISH].texts.render(DEFAULT_PROGRAM_NAME, None, None).opt_out_confirmation
)


def id_of(sms: SmsSimulator, number: str) -> str:
    """The phone number ID of one of our numbers (CreatePool and AssociateOriginationIdentity take IDs)."""
    return next(d["PhoneNumberId"] for d in sms.state.phone_numbers.values() if d["PhoneNumber"] == number)


@pytest.fixture
def pool(sms: SmsSimulator) -> str:
    """Given: a pool of our three numbers; the simulator lists it three to a page."""
    client = boto3.client("pinpoint-sms-voice-v2")
    for number in (SECOND, THIRD, LONE):
        sms.add_phone_number(number)
    pool_id = client.create_pool(OriginationIdentity=id_of(sms, OUR_NUMBER), MessageType="TRANSACTIONAL")[
        "PoolId"
    ]
    for number in (SECOND, THIRD):
        client.associate_origination_identity(PoolId=pool_id, OriginationIdentity=id_of(sms, number))
    client.update_pool(PoolId=pool_id, TwoWayEnabled=True, TwoWayChannelArn="arn:aws:sns:us-east-1:1:t")
    sms.add_sender_id(SENDER_ID)
    return pool_id


@pytest.fixture
def send(dynamodb: Any, pool: str, lambda_context: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Handler]:
    """The sender under scope ORIGINATION, where pools and numbers differ (under ALL, the default, any
    opt-out blocks every send); a test of ALL sets it."""
    monkeypatch.setenv("POOL_IDS", json.dumps([pool]))
    monkeypatch.setenv("OPT_OUT_SCOPE", "ORIGINATION")
    send_text_message.guarded_sender.cache_clear()
    yield lambda event: send_text_message.handler(event, lambda_context)
    send_text_message.guarded_sender.cache_clear()


@pytest.fixture
def reply(
    dynamodb: Any, pool: str, lambda_context: Any, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Handler]:
    monkeypatch.setenv("POOL_IDS", json.dumps([pool]))
    process_reply.reply_processor.cache_clear()
    yield lambda event: process_reply.handler(event, lambda_context)
    process_reply.reply_processor.cache_clear()


def request(origination: str, **extra: Any) -> dict[str, Any]:
    return {
        "DestinationPhoneNumber": CUSTOMER,
        "OriginationIdentity": origination,
        "MessageBody": "Hi",
    } | extra


def record(dynamodb: Any, origination: str, action: Action, at: str) -> None:
    """Given: an opt-out (or opt-in) recorded for the customer the way every channel records it."""
    event = PreferenceEvent(CUSTOMER, origination, at, action, action.value, "web", f"{origination}{at}")
    ConsentWrites(TABLE, dynamodb).apply(event)


def statuses(send: Handler, *identities: str) -> list[str]:
    results = send({"messages": [request(i) for i in identities]})["results"]
    return [r["status"] for r in results]


# Replies to a pool -----------------------------------------------------------------------


def test_stop_to_one_pool_number_blocks_the_pool_and_each_of_its_numbers(
    reply: Handler, send: Handler, dynamodb: Any, sms: SmsSimulator, pool: str
) -> None:
    reply(sns_event("STOP", our_number=SECOND))

    assert statuses(send, pool, OUR_NUMBER, SECOND, THIRD) == ["OPTED_OUT"] * 4
    assert statuses(send, LONE) == ["SENT"], "a number outside the pool is another origination"


def test_a_reply_to_a_pool_number_is_recorded_for_the_number_and_answered_from_it(
    reply: Handler, dynamodb: Any, sms: SmsSimulator, pool: str
) -> None:
    """For the number, without reading the pool first (a control-plane call): the sender, which
    reads the pool's numbers, lets that number's opt-out govern the whole pool."""
    reply(sns_event("STOP", our_number=THIRD, timestamp="2025-05-01T12:00:00Z"))

    (item,) = [i for i in AuditTrail(TABLE, dynamodb).history(CUSTOMER)]
    assert (item["SK"], item["OID"]) == (f"{THIRD}#2025-05-01T12:00:00.000Z#STOP", THIRD)
    (confirmation,) = sms.inbox(CUSTOMER)
    assert (confirmation.body, confirmation.origination) == (DEFAULT_OPT_OUT_CONFIRMATION, THIRD)


def test_an_opt_in_to_any_pool_number_lifts_the_pools_opt_out(
    reply: Handler, send: Handler, sms: SmsSimulator, pool: str
) -> None:
    reply(sns_event("STOP", our_number=SECOND, inbound_id="in-1", timestamp="2025-05-01T12:00:00Z"))
    reply(sns_event("START", our_number=OUR_NUMBER, inbound_id="in-2", timestamp="2025-05-01T12:05:00Z"))

    assert statuses(send, pool, SECOND, THIRD) == ["SENT"] * 3


def test_an_opt_out_recorded_for_a_number_before_it_joined_blocks_its_pool(
    send: Handler, dynamodb: Any, pool: str
) -> None:
    record(dynamodb, THIRD, Action.OPT_OUT, "2025-05-01T12:00:00.000Z")

    assert statuses(send, pool, OUR_NUMBER) == ["OPTED_OUT", "OPTED_OUT"]


def test_sending_through_a_pool_goes_from_its_numbers(send: Handler, sms: SmsSimulator, pool: str) -> None:
    assert statuses(send, pool, pool, pool) == ["SENT"] * 3

    assert {m.origination for m in sms.inbox(CUSTOMER)} == {OUR_NUMBER, SECOND, THIRD}
    assert {c["OriginationIdentity"] for c in sms.calls("SendTextMessage")} == {pool}


def test_a_pool_arn_is_a_pool(send: Handler, dynamodb: Any, pool: str) -> None:
    arn = f"arn:aws:sms-voice:us-east-1:123456789012:pool/{pool}"
    record(dynamodb, SECOND, Action.OPT_OUT, "2025-05-01T12:00:00.000Z")

    assert statuses(send, arn) == ["OPTED_OUT"]


def test_an_unknown_pool_gives_that_request_invalid_not_the_batch(send: Handler, pool: str) -> None:
    results = send({"messages": [request("pool-" + "0" * 32), request(pool)]})["results"]

    assert results[0]["status"] == "INVALID" and "OriginationIdentity" in results[0]["error"]
    assert results[1]["status"] == "SENT"


@pytest.mark.parametrize("scope", [Scope.ORIGINATION, Scope.ALL])
def test_under_either_scope_a_pool_opt_out_blocks_the_pool(
    send: Handler, dynamodb: Any, pool: str, scope: Scope, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPT_OUT_SCOPE", scope.value)
    record(dynamodb, pool, Action.OPT_OUT, "2025-05-01T12:00:00.000Z")

    assert statuses(send, pool, SECOND) == ["OPTED_OUT", "OPTED_OUT"]
    assert statuses(send, LONE) == (["OPTED_OUT"] if scope is Scope.ALL else ["SENT"])


# Sender IDs ------------------------------------------------------------------------------


def test_a_sender_id_is_blocked_by_an_opt_out_for_all_numbers(
    send: Handler, dynamodb: Any, pool: str
) -> None:
    record(dynamodb, ALL_NUMBERS, Action.OPT_OUT, "2025-05-01T12:00:00.000Z")

    arn = f"arn:aws:sms-voice:us-east-1:123456789012:sender-id/{SENDER_ID}/GB"
    assert statuses(send, SENDER_ID, arn) == ["OPTED_OUT", "OPTED_OUT"]


def test_a_sender_id_is_not_blocked_by_one_numbers_opt_out_under_origination(
    send: Handler, dynamodb: Any, sms: SmsSimulator, pool: str
) -> None:
    record(dynamodb, LONE, Action.OPT_OUT, "2025-05-01T12:00:00.000Z")

    assert statuses(send, SENDER_ID) == ["SENT"]
    assert [m.origination for m in sms.inbox(CUSTOMER)] == [SENDER_ID]


def test_under_scope_all_any_opt_out_blocks_a_sender_id(
    send: Handler, dynamodb: Any, pool: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPT_OUT_SCOPE", "ALL")
    record(dynamodb, LONE, Action.OPT_OUT, "2025-05-01T12:00:00.000Z")

    assert statuses(send, SENDER_ID) == ["OPTED_OUT"]


def test_what_is_no_identity_at_all_is_invalid(send: Handler, pool: str) -> None:
    (result,) = send({"messages": [request("not a sender!")]})["results"]

    assert result["status"] == "INVALID" and result["error"].startswith("OriginationIdentity")


# MMS -------------------------------------------------------------------------------------


def test_an_mms_goes_through_send_media_message(send: Handler, sms: SmsSimulator, pool: str) -> None:
    mms = {"DestinationPhoneNumber": CUSTOMER, "OriginationIdentity": pool, "MediaUrls": MEDIA}

    result = send(mms)

    assert result["status"] == "SENT"
    (delivered,) = sms.inbox(CUSTOMER)
    assert (delivered.message_id, delivered.media_urls, delivered.body) == (
        result["messageId"],
        tuple(MEDIA),
        "",
    )
    assert sms.calls("SendTextMessage") == []


def test_an_mms_to_an_opted_out_customer_is_blocked(
    send: Handler, dynamodb: Any, sms: SmsSimulator, pool: str
) -> None:
    record(dynamodb, SECOND, Action.OPT_OUT, "2025-05-01T12:00:00.000Z")

    results = send(
        {"messages": [request(pool, MediaUrls=MEDIA), request(LONE, MediaUrls=MEDIA, MaxPrice="0.10")]}
    )["results"]

    assert [r["status"] for r in results] == ["OPTED_OUT", "SENT"]
    (call,) = sms.calls("SendMediaMessage")
    assert call["MaxPrice"] == "0.10" and call["MediaUrls"] == MEDIA


def test_an_mms_from_the_send_queue_is_sent(send: Handler, sms: SmsSimulator, pool: str) -> None:
    body = json.dumps(request(LONE, MediaUrls=MEDIA))
    event = {"Records": [{"eventSource": "aws:sqs", "messageId": "m-1", "body": body}]}

    assert send(event) == {"batchItemFailures": []}
    assert [m.media_urls for m in sms.inbox(CUSTOMER)] == [tuple(MEDIA)]


def test_a_text_parameter_is_refused_on_an_mms(send: Handler, pool: str) -> None:
    (result,) = send({"messages": [request(LONE, MediaUrls=MEDIA, MessageType="PROMOTIONAL")]})["results"]

    assert result["status"] == "INVALID" and result["error"].startswith("MessageType")


# Membership: paging and its cache bound ---------------------------------------------------


class _Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_membership_reads_every_page(sms: SmsSimulator, pool: str) -> None:
    client = boto3.client("pinpoint-sms-voice-v2")
    fourth = "+18445550103"
    sms.add_phone_number(fourth)
    client.associate_origination_identity(PoolId=pool, OriginationIdentity=id_of(sms, fourth))

    members = PoolMembership(client, [pool]).numbers(pool)

    assert members == {OUR_NUMBER, SECOND, THIRD, fourth}
    assert len(sms.calls("ListPoolOriginationIdentities")) == 2, "four members, three to a page"


def test_membership_is_read_again_only_after_its_bound(sms: SmsSimulator, pool: str) -> None:
    client = boto3.client("pinpoint-sms-voice-v2")
    clock = _Clock()
    membership = PoolMembership(client, [pool], clock=clock)
    assert membership.pool_of(LONE) is None
    client.associate_origination_identity(PoolId=pool, OriginationIdentity=id_of(sms, LONE))

    clock.now = MEMBERSHIP_TTL_SECONDS
    assert membership.pool_of(LONE) is None, "within the bound the cached membership stands"
    clock.now = MEMBERSHIP_TTL_SECONDS + 1
    assert membership.pool_of(LONE) == pool, "past the bound the new member is seen"


def test_a_pool_member_is_governed_by_the_pool_and_every_number_of_it(sms: SmsSimulator, pool: str) -> None:
    client = boto3.client("pinpoint-sms-voice-v2")
    originations = Originations(client, pools=PoolMembership(client, [pool]))

    member, through_pool = originations.resolve(SECOND), originations.resolve(pool)

    assert member.governing == through_pool.governing == {pool, OUR_NUMBER, SECOND, THIRD, ALL_NUMBERS}
    assert (member.key, member.state_key, through_pool.key) == (SECOND, pool, pool)
    assert originations.resolve(SENDER_ID).governing == {ALL_NUMBERS}
    assert originations.resolve(LONE).governing == {LONE, ALL_NUMBERS}


def test_a_throttled_membership_read_is_retried_while_time_allows(sms: SmsSimulator, pool: str) -> None:
    client = boto3.client("pinpoint-sms-voice-v2")
    sms.fail_next("ListPoolOriginationIdentities", "ThrottlingException", times=3)

    members = PoolMembership(client, [pool], sleep=lambda seconds: None).numbers(pool)

    assert members == {OUR_NUMBER, SECOND, THIRD}


def test_a_membership_read_refused_fails_that_request_not_the_batch(
    send: Handler, sms: SmsSimulator, pool: str
) -> None:
    sms.fail_next("ListPoolOriginationIdentities", "AccessDeniedException")

    results = send({"messages": [request(pool), request(SENDER_ID)]})["results"]

    assert results[0]["status"] == "FAILED" and results[0]["code"] == "AccessDeniedException"
    assert results[1]["status"] == "SENT"
