"""Exactly one confirmation per opt-out, whatever fails between the steps of a reply.

Faults are injected deterministically: a crash at the Nth DynamoDB request after the confirmation
went out (each position in turn), a 5xx of SendTextMessage for the confirmation, a second STOP
between a failed confirmation and its retry, a throttled number with 8 s left. In each, the test
counts the texts the customer received (the simulator's inbox) and what is left to retry: a reply
whose receipt has no outcome is one Lambda still has to deliver again (its retry or the dead-letter
queue), and a lease left behind would hold up the customer's next reply.
"""

from __future__ import annotations

import contextlib
import functools
import io
import threading
from collections.abc import Callable, Iterator
from typing import Any

import boto3
import pytest

import process_reply
from sandbox.fault_injection import CrashAfter, InvocationCrashed
from sandbox.lambda_context import LambdaContext
from sandbox.virtual_clock import VirtualClock
from sms_opt_out.domain.deadline import SEND_MARGIN_SECONDS
from sms_opt_out.domain.leases import OWNER_ATTRIBUTE, UNTIL_ATTRIBUTE, Lease
from sms_opt_out.domain.preferences import Action, PreferenceEvent
from sms_opt_out.errors import ConfirmationNotSentError
from sms_opt_out.ops.cli import main
from sms_opt_out.runtime import build_reply_processor
from sms_opt_out.storage.opt_out_store import OptOutStore
from sms_opt_out.storage.reply_receipts import Receipt
from tests.conftest import CUSTOMER, OUR_NUMBER, TABLE, sns_event
from tests.test_reply_concurrency import deliver, run_together

Handler = Callable[[dict[str, Any]], dict[str, Any]]
OTHER_NUMBER = "+18445550199"
SENT = "pinpoint-sms-voice-v2:SendTextMessage"
FIRST = {"inbound_id": "in-1", "timestamp": "2025-05-01T12:00:00.000Z"}
SECOND = {"inbound_id": "in-2", "timestamp": "2025-05-01T12:05:00.000Z"}


@pytest.fixture
def handler_with(
    dynamodb: Any, sms: Any, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[[Any], Handler]]:
    """The reply handler of a container whose clients come from ``factory`` (one container per call)."""
    sms.add_phone_number(OTHER_NUMBER)
    yield functools.partial(container_handler, monkeypatch=monkeypatch)


def container_handler(factory: Any, *, monkeypatch: pytest.MonkeyPatch) -> Handler:
    """The reply handler of a new container whose clients come from ``factory`` (None: boto3's)."""
    processor = build_reply_processor(factory)
    monkeypatch.setattr(process_reply, "reply_processor", lambda: processor)
    return lambda event: process_reply.handler(event, LambdaContext(function_name="test"))


@pytest.fixture
def handle(handler_with: Callable[[Any], Handler]) -> Handler:
    return handler_with(None)


def receipts(dynamodb: Any, customer: str = CUSTOMER) -> dict[str, str | None]:
    """Each inbound message of ``customer`` handled so far, with its outcome (None: not settled yet)."""
    items = dynamodb.query(
        TableName=TABLE,
        KeyConditionExpression="PK = :pk AND begins_with(SK, :inbound)",
        ExpressionAttributeValues={":pk": {"S": customer}, ":inbound": {"S": "INBOUND#"}},
        ConsistentRead=True,
    )["Items"]
    return {i["SK"]["S"].removeprefix("INBOUND#"): i.get("Outcome", {}).get("S") for i in items}


def lease_held(dynamodb: Any, customer: str = CUSTOMER) -> bool:
    key = {"PK": {"S": customer}, "SK": {"S": "STATE"}}
    item = dynamodb.get_item(TableName=TABLE, Key=key, ConsistentRead=True).get("Item", {})
    return bool({OWNER_ATTRIBUTE, UNTIL_ATTRIBUTE} & item.keys())


def expire_lease(dynamodb: Any, customer: str = CUSTOMER) -> None:
    """The crashed holder's lease runs out (it lasts the invocation's time plus a grace)."""
    if lease_held(dynamodb, customer):
        dynamodb.update_item(
            TableName=TABLE,
            Key={"PK": {"S": customer}, "SK": {"S": "STATE"}},
            UpdateExpression="SET #until = :past",
            ExpressionAttributeNames={"#until": UNTIL_ATTRIBUTE},
            ExpressionAttributeValues={":past": {"N": "0"}},
        )


# A crash after the confirmation went out -------------------------------------------------------------


@pytest.mark.parametrize("lost_response", [False, True], ids=["not-applied", "applied-response-lost"])
@pytest.mark.parametrize("position", [1, 2, 3])
def test_a_crash_at_any_dynamodb_request_after_the_confirmation_never_sends_it_again(
    handler_with: Callable[[Any], Handler], dynamodb: Any, sms: Any, position: int, lost_response: bool
) -> None:
    # Given a STOP whose invocation crashes at the Nth DynamoDB request after its confirmation went out
    crash = CrashAfter(SENT, "dynamodb", position, lost_response=lost_response)
    event = sns_event("STOP", **FIRST)
    with contextlib.suppress(InvocationCrashed):
        handler_with(crash.client)(event)
    crash.disarm()

    # When Lambda delivers it again, once the crashed invocation's lease ran out
    if crash.crashed:
        expire_lease(dynamodb)
        handler_with(None)(event)

    # Then the customer was texted once, unless the one write that records the confirmation never
    # reached DynamoDB: the window between SendTextMessage and that write, which the README names
    in_window = position == 1 and not lost_response
    assert len(sms.inbox(CUSTOMER)) == (2 if in_window else 1)
    assert receipts(dynamodb) == {"in-1": "CONFIRMED"} and not lease_held(dynamodb), "nothing left to retry"


@pytest.mark.parametrize("lost_response", [False, True], ids=["not-applied", "applied-response-lost"])
@pytest.mark.parametrize("position", [1, 2], ids=["apply-and-claim", "read-under-lease"])
@pytest.mark.parametrize(("body", "action"), [("STOP", "OPT_OUT"), ("START", "OPT_IN")])
def test_a_crash_between_recording_and_confirming_neither_loses_nor_doubles_the_confirmation(
    handler_with: Callable[[Any], Handler],
    dynamodb: Any,
    sms: Any,
    position: int,
    lost_response: bool,
    body: str,
    action: str,
) -> None:
    # Given a STOP (or START) whose invocation crashes at the Nth DynamoDB request after its receipt
    # was written
    crash = CrashAfter("dynamodb:TransactWriteItems", "dynamodb", position, lost_response=lost_response)
    event = sns_event(body, **FIRST)
    with pytest.raises(InvocationCrashed):
        handler_with(crash.client)(event)
    crash.disarm()
    assert sms.inbox(CUSTOMER) == [] and receipts(dynamodb) == {"in-1": None}

    # When Lambda delivers it again, once the crashed invocation's lease (if it took it) ran out
    expire_lease(dynamodb)
    assert handler_with(None)(event) == {"outcomes": [action]}

    # Then the event is enforced and confirmed once, and nothing is left to retry
    key = {"PK": {"S": CUSTOMER}, "SK": {"S": "STATE"}}
    state = dynamodb.get_item(TableName=TABLE, Key=key, ConsistentRead=True)["Item"]
    assert state[OUR_NUMBER]["M"]["Action"] == {"S": action}
    assert len(sms.inbox(CUSTOMER)) == 1
    assert receipts(dynamodb) == {"in-1": "CONFIRMED"} and not lease_held(dynamodb)


def test_one_write_follows_the_confirmation(handler_with: Callable[[Any], Handler], sms: Any) -> None:
    watch = CrashAfter(SENT, "dynamodb", position=1_000)  # counts, never crashes

    handler_with(watch.client)(sns_event("STOP", **FIRST))

    assert len(sms.inbox(CUSTOMER)) == 1
    assert watch.requests_after_trigger == 1, "mark confirmed, settle and release are one request"


# A failed confirmation, and the customer texting again before its retry -------------------------------

ORDERS = {
    "second-then-retry": ["fail first", "second", "first"],
    "retry-then-second": ["fail first", "first", "second"],
    "both-fail-first-retried-first": ["fail first", "fail second", "first", "second"],
    "both-fail-second-retried-first": ["fail first", "fail second", "second", "first"],
}


@pytest.mark.parametrize("our_second_number", [OUR_NUMBER, OTHER_NUMBER], ids=["same-number", "other-number"])
@pytest.mark.parametrize("order", ORDERS.values(), ids=ORDERS.keys())
def test_a_customer_who_says_stop_twice_around_a_failed_confirmation_is_answered_once(
    handle: Handler, dynamodb: Any, sms: Any, order: list[str], our_second_number: str
) -> None:
    # Given two STOPs of one customer (under scope ALL, to one of our numbers or to another), the
    # confirmation of the first failing with a 5xx, delivered and retried by Lambda in this order
    events = {
        "first": sns_event("STOP", **FIRST),
        "second": sns_event("STOP", **SECOND, our_number=our_second_number),
    }
    raised = 0
    for step in order:
        *fail, name = step.split()
        if fail:
            sms.fail_next("SendTextMessage", "InternalServerException")
            with pytest.raises(ConfirmationNotSentError):
                handle(events[name])
            raised += 1
        else:
            handle(events[name])

    # Then the customer got one confirmation, and every reply is settled with no lease left behind
    assert len(sms.inbox(CUSTOMER)) == 1
    settled = receipts(dynamodb)
    assert None not in settled.values() and list(settled.values()).count("CONFIRMED") == 1, settled
    assert not lease_held(dynamodb) and raised == order.count("fail first") + order.count("fail second")


def test_the_second_stop_answers_in_place_of_the_first_whose_confirmation_failed(
    handle: Handler, dynamodb: Any, sms: Any
) -> None:
    sms.fail_next("SendTextMessage", "InternalServerException")
    with pytest.raises(ConfirmationNotSentError):
        handle(sns_event("STOP", **FIRST))

    assert handle(sns_event("STOP", **SECOND)) == {"outcomes": ["OPT_OUT"]}
    assert handle(sns_event("STOP", **FIRST)) == {"outcomes": ["SUPERSEDED"]}

    assert len(sms.inbox(CUSTOMER)) == 1
    assert receipts(dynamodb) == {"in-1": "SUPERSEDED", "in-2": "CONFIRMED"}


def test_a_stop_after_a_start_by_another_channel_is_answered_again(handle: Handler, sms: Any) -> None:
    handle(sns_event("STOP", **FIRST))
    web = ["--table", TABLE, "opt-in", CUSTOMER, "--channel", "web", "--at", "2025-05-01T12:01:00Z"]
    assert main([*web, "--consent-reference", "form-1"], out=io.StringIO()) == 0
    handle(sns_event("STOP", **SECOND))

    assert len(sms.inbox(CUSTOMER)) == 2


def test_a_failed_confirmations_retry_and_a_second_stop_processed_together_answer_once(
    moto_server: Any, sms: Any
) -> None:
    for round_ in range(4):
        # Given a STOP whose confirmation failed
        customer = f"+1415556{round_:04d}"
        first = sns_event("STOP", inbound_id=f"first-{round_}", customer=customer,
                          timestamp="2025-05-01T12:00:00.000Z")  # fmt: skip
        second = sns_event("STOP", inbound_id=f"second-{round_}", customer=customer,
                           timestamp="2025-05-01T12:00:01.000Z")  # fmt: skip
        sms.fail_next("SendTextMessage", "InternalServerException")
        with pytest.raises(ConfirmationNotSentError):
            deliver(first, threading.Barrier(1))  # one container, alone

        # When its retry and the customer's second STOP are processed at once (each twice)
        run_together([functools.partial(deliver, e) for e in (first, second, second, first)])

        # Then one confirmation went out
        assert len(sms.inbox(customer)) == 1, round_
        assert None not in receipts(moto_server, customer).values()


def test_two_different_stops_processed_together_are_answered_once(moto_server: Any, sms: Any) -> None:
    for round_ in range(4):
        customer = f"+1415557{round_:04d}"
        times = [f"2025-05-01T12:00:0{n}.000Z" for n in range(3)]
        stops = [sns_event("STOP", inbound_id=t, customer=customer, timestamp=t) for t in times]

        run_together([functools.partial(deliver, e) for e in stops])

        assert len(sms.inbox(customer)) == 1, round_


# Within the deadline ----------------------------------------------------------------------------------


def test_a_throttled_confirmation_with_8_seconds_left_gives_up_while_there_is_time_to_raise(
    dynamodb: Any, sms: Any, monkeypatch: pytest.MonkeyPatch, virtual_clock: VirtualClock
) -> None:
    # Given a warm container on a virtual clock, and our number throttled throughout (its one token spent)
    clock = virtual_clock
    processor = build_reply_processor()
    monkeypatch.setattr(processor._gateway, "_sleep", clock.sleep)
    monkeypatch.setattr(process_reply, "reply_processor", lambda: processor)
    sms.limit_rate(OUR_NUMBER, 0.01)
    boto3.client("pinpoint-sms-voice-v2").send_text_message(
        DestinationPhoneNumber="+14155550999", OriginationIdentity=OUR_NUMBER, MessageBody="earlier"
    )
    context = LambdaContext(timeout_ms=8_000, _started=clock.monotonic())

    # When a STOP comes with 8 s left
    with pytest.raises(ConfirmationNotSentError, match=r"ThrottlingException|no time left"):
        process_reply.handler(sns_event("STOP", **FIRST), context)

    # Then it retried, and stopped with the margin left to release the lease and raise
    throttled = [t for t in sms.state.throttled if t == ("SendTextMessage", OUR_NUMBER)]
    assert len(throttled) >= 3, "the throttled confirmation was retried"
    assert context.get_remaining_time_in_millis() >= SEND_MARGIN_SECONDS * 1000, clock.monotonic()
    assert sms.inbox(CUSTOMER) == [] and receipts(dynamodb) == {"in-1": None} and not lease_held(dynamodb)

    # And Lambda's retry, once the number has capacity, answers it once
    sms.limit_rate(OUR_NUMBER, 100)
    retry = LambdaContext(timeout_ms=8_000, _started=clock.monotonic())
    assert process_reply.handler(sns_event("STOP", **FIRST), retry) == {"outcomes": ["OPT_OUT"]}
    assert len(sms.inbox(CUSTOMER)) == 1 and retry.get_remaining_time_in_millis() > 0


def test_the_one_write_records_the_answer_even_when_the_lease_expired_and_leaves_the_new_holders(
    dynamodb: Any, caplog: pytest.LogCaptureFixture
) -> None:
    # Given a reply answered under a lease that ran out meanwhile, another reply holding it now
    store = OptOutStore.of(TABLE, dynamodb)
    event = PreferenceEvent(CUSTOMER, OUR_NUMBER, FIRST["timestamp"], Action.OPT_OUT, "STOP", "SMS", "in-1")
    receipt = Receipt(CUSTOMER, "in-1", "OPT_OUT")
    store.receipts.begin_reply(receipt, event)
    assert store.leases.claim(CUSTOMER, Lease("first", until_ms=1_000), now_ms=0) is not None
    assert store.leases.claim(CUSTOMER, Lease("second", until_ms=9_000), now_ms=2_000) is not None

    # When the first records its answer
    store.receipts.finish_reply(
        receipt, "CONFIRMED", Lease("first", 1_000), "message-1", (event, "2025-05-01T12:00:01Z")
    )

    # Then the answer is recorded, and the second reply's lease is still its own
    assert receipts(dynamodb) == {"in-1": "CONFIRMED"}
    assert [confirmed for _, _, confirmed in store.trail.answered_history(CUSTOMER)] == [True]
    key = {"PK": {"S": CUSTOMER}, "SK": {"S": "STATE"}}
    assert dynamodb.get_item(TableName=TABLE, Key=key)["Item"][OWNER_ATTRIBUTE] == {"S": "second"}
    assert "had expired before it was released" in caplog.text
