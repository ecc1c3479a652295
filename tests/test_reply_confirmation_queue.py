"""The confirmation queue: a reply whose number has no slot of its own is recorded, enforced and queued;
the reply function answers it from the queue at the number's shared rate, once, and only while it
still holds.

"Another container sends from our number" is a live lease of another container on the number's
``RATE#`` item (``shared_rates``), as the senders and the queue's consumers hold it. Faults are
injected between the steps (a crash at the Nth request, a lost response, a 5xx of the send).
"""

from __future__ import annotations

import contextlib
import functools
import io
import json
import time
from collections.abc import Callable
from typing import Any

import boto3
import pytest

from sandbox.fault_injection import CrashAfter, InvocationCrashed
from sms_opt_out.contract import RATE_PREFIX
from sms_opt_out.domain.leases import OWNER_ATTRIBUTE, UNTIL_ATTRIBUTE, Lease
from sms_opt_out.domain.phone_numbers import mask
from sms_opt_out.ops.cli import main
from sms_opt_out.ops.dead_letters import read_dead_letter
from sms_opt_out.outcomes import ReplyOutcome
from sms_opt_out.reply.inbound import InboundReply
from sms_opt_out.runtime import build_reply_processor
from sms_opt_out.storage import queued_confirmations
from sms_opt_out.storage.shared_rates import HOLDER_PREFIX, SORT_KEY
from tests.conftest import CUSTOMER, OUR_NUMBER, TABLE, sns_event
from tests.test_process_reply import (
    ANSWER,
    APPLY_AND_CLAIM,
    DEFAULT_OPT_IN_CONFIRMATION,
    DEFAULT_OPT_OUT_CONFIRMATION,
    FINISH,
    RECORD,
    UNDER_LEASE,
    _Requests,
    history,
    state,
    texts,
)
from tests.test_reply_faults import container_handler, expire_lease, lease_held, receipts

Handler = Callable[[dict[str, Any]], dict[str, Any]]
QUEUED = "CONFIRMATION_QUEUED"
"""How the receipt of a reply whose confirmation is queued is settled until it is answered."""
OPT_OUT_QUEUED = ReplyOutcome.OPT_OUT_QUEUED.value
FIRST = {"inbound_id": "in-1", "timestamp": "2025-05-01T12:00:00.000Z"}
SECOND = {"inbound_id": "in-2", "timestamp": "2025-05-01T12:05:00.000Z"}
SENT = "pinpoint-sms-voice-v2:SendTextMessage"
QUEUE = "sqs:SendMessage"
OTHER_CUSTOMER = "+14155550188"


@pytest.fixture
def queue(dynamodb: Any, sms: Any, monkeypatch: pytest.MonkeyPatch) -> str:
    """The confirmation queue, configured as the construct configures it, and our number's rate known."""
    url = str(boto3.client("sqs").create_queue(QueueName="confirmations")["QueueUrl"])
    configure_queue(url, monkeypatch)
    return url


def configure_queue(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The reply function's environment with the confirmation queue at ``url`` and every number's rate
    known; a queued confirmation visible at once (no test waits out ``DELAY_SECONDS``)."""
    monkeypatch.setenv("CONFIRMATION_QUEUE_URL", url)
    monkeypatch.setenv("MESSAGES_PER_SECOND", json.dumps({"*": 5}))
    monkeypatch.setattr(queued_confirmations, "DELAY_SECONDS", 0)


@pytest.fixture
def handler_with(queue: str, monkeypatch: pytest.MonkeyPatch) -> Callable[[Any], Handler]:
    """The reply handler of a new container whose clients come from ``factory`` (one per call)."""
    return functools.partial(container_handler, monkeypatch=monkeypatch)


@pytest.fixture
def handle(handler_with: Callable[[Any], Handler]) -> Handler:
    return handler_with(None)


def another_container_sends(dynamodb: Any, identity: str = OUR_NUMBER, *, for_seconds: float = 600) -> None:
    """Another container (a sender, the queue's consumer) holds a share of ``identity``'s rate."""
    dynamodb.update_item(
        TableName=TABLE,
        Key={"PK": {"S": RATE_PREFIX + identity}, "SK": {"S": SORT_KEY}},
        UpdateExpression="SET #other = :until",
        ExpressionAttributeNames={"#other": HOLDER_PREFIX + "other-container"},
        ExpressionAttributeValues={":until": {"N": f"{time.time() + for_seconds:.3f}"}},
    )


def stops_sending(dynamodb: Any, identity: str = OUR_NUMBER) -> None:
    dynamodb.delete_item(TableName=TABLE, Key={"PK": {"S": RATE_PREFIX + identity}, "SK": {"S": SORT_KEY}})


def queued(url: str) -> list[dict[str, Any]]:
    """What waits on the queue, as Lambda's event source hands it over (each received once)."""
    messages = boto3.client("sqs").receive_message(QueueUrl=url, MaxNumberOfMessages=10)
    return [
        {"eventSource": "aws:sqs", "messageId": m["MessageId"], "body": m["Body"]}
        for m in messages.get("Messages", [])
    ]


def queued_stop(handle: Handler, queue: str, dynamodb: Any) -> list[dict[str, Any]]:
    """A STOP on our number while another container sends from it: recorded, enforced and queued;
    the queue's record of its confirmation."""
    another_container_sends(dynamodb)
    assert handle(sns_event("STOP", **FIRST)) == {"outcomes": [OPT_OUT_QUEUED]}
    return queued(queue)


def sqs_event(records: list[dict[str, Any]]) -> dict[str, Any]:
    return {"Records": records}


# The common case: alone on the number, confirmed at once -------------------------------------------


def test_a_stop_on_a_number_no_other_container_sends_from_is_confirmed_at_once_in_five_requests(
    queue: str, dynamodb: Any, sms: Any
) -> None:
    requests = _Requests()
    processor = build_reply_processor(requests.client)
    reply = InboundReply(CUSTOMER, OUR_NUMBER, "STOP", "in-1", FIRST["timestamp"])

    assert processor.process(reply, Lease.for_invocation("request-1", 30_000)) == ReplyOutcome.OPT_OUT

    rate_lease = "dynamodb:UpdateItem"  # this container's share of the number's rate (RATE#)
    made = requests.take()
    assert made == [RECORD, APPLY_AND_CLAIM, rate_lease, UNDER_LEASE, ANSWER, FINISH]
    assert len([r for r in made if r.startswith("dynamodb:")]) == 5
    assert texts(sms) == [DEFAULT_OPT_OUT_CONFIRMATION] and queued(queue) == []


# Another container sends from the number: enforced now, confirmed from the queue --------------------


def test_a_queued_confirmation_is_hidden_until_its_reply_is_settled(
    handle: Handler, queue: str, dynamodb: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(queued_confirmations, "DELAY_SECONDS", 5)
    another_container_sends(dynamodb)

    assert handle(sns_event("STOP", **FIRST)) == {"outcomes": [OPT_OUT_QUEUED]}

    assert queued(queue) == [], "the consumer cannot take it before the reply's lease is given back"
    attributes = boto3.client("sqs").get_queue_attributes(QueueUrl=queue, AttributeNames=["All"])
    assert attributes["Attributes"]["ApproximateNumberOfMessagesDelayed"] == "1"


def test_a_stop_on_a_busy_number_is_enforced_at_once_and_confirmed_once_from_the_queue(
    handle: Handler, queue: str, dynamodb: Any, sms: Any
) -> None:
    # Given another container sending from our number
    another_container_sends(dynamodb)

    # When a STOP comes
    assert handle(sns_event("STOP", **FIRST)) == {"outcomes": [OPT_OUT_QUEUED]}

    # Then it is recorded and enforced, not yet answered, its lease given back, its confirmation queued
    assert state(dynamodb)[OUR_NUMBER]["M"]["Action"] == {"S": "OPT_OUT"}
    assert sms.inbox(CUSTOMER) == [] and receipts(dynamodb) == {"in-1": QUEUED} and not lease_held(dynamodb)
    records = queued(queue)
    assert len(records) == 1

    # And the queue's consumer confirms it (under the shared rate), settling the receipt
    assert handle(sqs_event(records)) == {"outcomes": ["OPT_OUT"], "batchItemFailures": []}
    assert texts(sms) == [DEFAULT_OPT_OUT_CONFIRMATION]
    assert receipts(dynamodb) == {"in-1": "CONFIRMED"} and not lease_held(dynamodb)
    assert [item.get("ConfirmedAt") is not None for item in history(dynamodb)] == [True]

    # And a redelivery of the queue's message, or of the SNS reply, sends nothing more
    assert handle(sqs_event(records)) == {"outcomes": ["DUPLICATE"], "batchItemFailures": []}
    assert handle(sns_event("STOP", **FIRST)) == {"outcomes": ["DUPLICATE"]}
    assert len(sms.inbox(CUSTOMER)) == 1


def test_stops_on_a_busy_number_read_nothing_under_their_lease_and_ask_the_rate_once(
    queue: str, dynamodb: Any, sms: Any
) -> None:
    """Under a burst a queued STOP reads nothing under its lease (the queue's consumer reads the
    receipt and the history when it answers), and a container that saw another's lease on the
    number's rate asks nothing of the rate until that lease ends: no share joined, none released."""
    another_container_sends(dynamodb)
    requests = _Requests()
    processor = build_reply_processor(requests.client)
    first = InboundReply(CUSTOMER, OUR_NUMBER, "STOP", "in-1", FIRST["timestamp"])
    second = InboundReply(OTHER_CUSTOMER, OUR_NUMBER, "STOP", "in-2", SECOND["timestamp"])

    assert processor.process(first, Lease.for_invocation("request-1", 30_000)) == ReplyOutcome.OPT_OUT_QUEUED
    rate_lease = "dynamodb:UpdateItem"  # renewed (which shows the other container's), then released
    assert requests.take() == [RECORD, APPLY_AND_CLAIM, rate_lease, rate_lease, QUEUE, FINISH]

    assert processor.process(second, Lease.for_invocation("request-2", 30_000)) == ReplyOutcome.OPT_OUT_QUEUED
    assert requests.take() == [RECORD, APPLY_AND_CLAIM, QUEUE, FINISH]
    assert texts(sms) == [] and len(queued(queue)) == 2
    assert receipts(dynamodb) == {"in-1": QUEUED} and receipts(dynamodb, OTHER_CUSTOMER) == {"in-2": QUEUED}


def test_a_delivery_whose_lease_ran_out_while_it_queued_leaves_the_receipt_another_settled(
    handler_with: Callable[[Any], Handler], queue: str, dynamodb: Any, sms: Any
) -> None:
    # Given a STOP on a busy number whose invocation stalls once its confirmation is queued, while its
    # lease runs out, Lambda's retry queues it again and the queue's consumer confirms it
    another_container_sends(dynamodb)
    event = sns_event("STOP", **FIRST)
    outcomes: list[Any] = []

    def meanwhile(**_: Any) -> None:
        expire_lease(dynamodb)
        outcomes.append(handler_with(None)(event))
        outcomes.append(handler_with(None)(sqs_event(queued(queue)))["outcomes"])

    stalling = _Stalling("after-call.sqs.SendMessage", meanwhile)

    # When the stalled invocation goes on
    assert handler_with(stalling.client)(event) == {"outcomes": ["DUPLICATE"]}

    # Then it leaves the receipt as the consumer settled it: confirmed once, nothing left to answer
    assert outcomes == [{"outcomes": [OPT_OUT_QUEUED]}, ["OPT_OUT", "DUPLICATE"]]
    assert len(sms.inbox(CUSTOMER)) == 1
    assert receipts(dynamodb) == {"in-1": "CONFIRMED"} and not lease_held(dynamodb)


class _Stalling:
    """A client factory whose clients run ``meanwhile`` once, at the first ``event`` (a botocore event)."""

    def __init__(self, event: str, meanwhile: Callable[..., None]) -> None:
        self.session = boto3.session.Session()
        self._meanwhile: Callable[..., None] | None = meanwhile
        self.session.events.register(event, self._once)

    def _once(self, **kwargs: Any) -> None:
        meanwhile, self._meanwhile = self._meanwhile, None
        if meanwhile is not None:
            meanwhile(**kwargs)

    def client(self, name: str, **kwargs: Any) -> Any:
        return self.session.client(name, **kwargs)


LATER = {
    # a later START decides: the last answer must match the state
    "later-start": ("START", "OPT_IN", "SUPERSEDED", DEFAULT_OPT_IN_CONFIRMATION),
    # a later STOP told the customer: one confirmation per opt-out
    "later-stop": ("STOP", "OPT_OUT", "ALREADY_OPTED_OUT", DEFAULT_OPT_OUT_CONFIRMATION),
}


@pytest.mark.parametrize(("body", "answered", "queued_as", "text"), LATER.values(), ids=LATER.keys())
def test_a_queued_stop_that_a_later_reply_answered_meanwhile_is_not_confirmed(
    handler_with: Callable[[Any], Handler],
    handle: Handler,
    queue: str,
    dynamodb: Any,
    sms: Any,
    body: str,
    answered: str,
    queued_as: str,
    text: str,
) -> None:
    # Given a queued STOP, and the customer's next reply answered at once before the queue's turn (by
    # another container: the first one knows the other sender's lease runs on, and would queue it)
    records = queued_stop(handle, queue, dynamodb)
    stops_sending(dynamodb)
    assert handler_with(None)(sns_event(body, **SECOND)) == {"outcomes": [answered]}

    # When the queue's consumer takes the STOP
    assert handle(sqs_event(records))["outcomes"] == [queued_as]

    # Then it is settled without an answer: the customer's one text is the later reply's
    assert texts(sms) == [text]
    assert receipts(dynamodb) == {"in-1": queued_as, "in-2": "CONFIRMED"}


def test_two_queued_stops_of_one_customer_are_confirmed_once(
    handle: Handler, queue: str, dynamodb: Any, sms: Any
) -> None:
    another_container_sends(dynamodb)
    assert handle(sns_event("STOP", **FIRST)) == {"outcomes": [OPT_OUT_QUEUED]}
    assert handle(sns_event("STOP", **SECOND)) == {"outcomes": [OPT_OUT_QUEUED]}

    assert handle(sqs_event(queued(queue)))["outcomes"] == ["OPT_OUT", "ALREADY_OPTED_OUT"]

    assert len(sms.inbox(CUSTOMER)) == 1


# Faults between the steps ---------------------------------------------------------------------------


@pytest.mark.parametrize("lost_response", [False, True], ids=["not-applied", "applied-response-lost"])
def test_a_crash_after_queuing_neither_loses_nor_doubles_the_confirmation(
    handler_with: Callable[[Any], Handler], queue: str, dynamodb: Any, sms: Any, lost_response: bool
) -> None:
    # Given a STOP whose invocation crashes at the one write after its confirmation was queued
    another_container_sends(dynamodb)
    crash = CrashAfter("sqs:SendMessage", "dynamodb", 1, lost_response=lost_response)
    event = sns_event("STOP", **FIRST)
    with pytest.raises(InvocationCrashed):
        handler_with(crash.client)(event)
    crash.disarm()

    # When Lambda delivers it again (once the lease ran out), and the queue's consumer takes what is queued
    expire_lease(dynamodb)
    again = handler_with(None)(event)
    assert again == {"outcomes": ["DUPLICATE" if lost_response else OPT_OUT_QUEUED]}
    outcomes = handler_with(None)(sqs_event(queued(queue)))["outcomes"]

    # Then the customer is confirmed once, and nothing is left to retry
    assert sorted(outcomes) == (["OPT_OUT"] if lost_response else ["DUPLICATE", "OPT_OUT"])
    assert len(sms.inbox(CUSTOMER)) == 1
    assert receipts(dynamodb) == {"in-1": "CONFIRMED"} and not lease_held(dynamodb)


@pytest.mark.parametrize("lost_response", [False, True], ids=["not-applied", "applied-response-lost"])
@pytest.mark.parametrize("position", [1, 2, 3])
def test_a_crash_of_the_consumer_after_the_confirmation_never_sends_it_again(
    handler_with: Callable[[Any], Handler],
    queue: str,
    dynamodb: Any,
    sms: Any,
    position: int,
    lost_response: bool,
) -> None:
    # Given a queued STOP whose consumer crashes at the Nth DynamoDB request after the confirmation went out
    another_container_sends(dynamodb)
    assert handler_with(None)(sns_event("STOP", **FIRST)) == {"outcomes": [OPT_OUT_QUEUED]}
    records = queued(queue)
    crash = CrashAfter(SENT, "dynamodb", position, lost_response=lost_response)
    with contextlib.suppress(InvocationCrashed):
        handler_with(crash.client)(sqs_event(records))
    crash.disarm()

    # When the queue delivers it again, once the crashed invocation's lease ran out
    if crash.crashed:
        expire_lease(dynamodb)
        handler_with(None)(sqs_event(records))

    # Then the customer was texted once, unless the one write that records the confirmation never
    # reached DynamoDB: the same window as a confirmation sent at once (README)
    in_window = position == 1 and not lost_response
    assert len(sms.inbox(CUSTOMER)) == (2 if in_window else 1)
    assert receipts(dynamodb) == {"in-1": "CONFIRMED"} and not lease_held(dynamodb)


def test_a_failed_confirmation_is_named_for_the_queue_to_deliver_again_and_then_sent_once(
    handle: Handler, queue: str, dynamodb: Any, sms: Any
) -> None:
    records = queued_stop(handle, queue, dynamodb)
    sms.fail_next("SendTextMessage", "InternalServerException")

    failed = handle(sqs_event(records))

    assert failed == {"outcomes": [], "batchItemFailures": [{"itemIdentifier": records[0]["messageId"]}]}
    assert receipts(dynamodb) == {"in-1": QUEUED} and not lease_held(dynamodb)
    assert handle(sqs_event(records))["outcomes"] == ["OPT_OUT"]
    assert len(sms.inbox(CUSTOMER)) == 1


def test_a_queued_confirmation_meeting_a_live_lease_is_delivered_again(
    handle: Handler, queue: str, dynamodb: Any, sms: Any
) -> None:
    records = queued_stop(handle, queue, dynamodb)
    dynamodb.update_item(
        TableName=TABLE,
        Key={"PK": {"S": CUSTOMER}, "SK": {"S": "STATE"}},
        UpdateExpression="SET #owner = :o, #until = :u",
        ExpressionAttributeNames={"#owner": OWNER_ATTRIBUTE, "#until": UNTIL_ATTRIBUTE},
        ExpressionAttributeValues={":o": {"S": "another-reply"}, ":u": {"N": str(2**53)}},
    )

    answer = handle(sqs_event(records))

    assert answer["batchItemFailures"] == [{"itemIdentifier": records[0]["messageId"]}]
    assert sms.inbox(CUSTOMER) == [] and receipts(dynamodb) == {"in-1": QUEUED}


def test_a_malformed_queued_record_is_named_with_its_field_for_the_dead_letter_queue(
    handle: Handler, caplog: pytest.LogCaptureFixture
) -> None:
    record = {"eventSource": "aws:sqs", "messageId": "m-1", "body": json.dumps({"queuedReply": {}})}

    assert handle(sqs_event([record])) == {"outcomes": [], "batchItemFailures": [{"itemIdentifier": "m-1"}]}
    assert "Records[0].body.queuedReply.originationNumber" in caplog.text


def test_sms_opt_out_dead_letters_lists_a_confirmation_the_queue_gave_up_on_masked(
    handle: Handler, queue: str, dynamodb: Any
) -> None:
    # Given a queued confirmation the queue redrove to its dead-letter queue after its last receive
    another_container_sends(dynamodb)
    handle(sns_event("STOP", **FIRST))
    (record,) = queued(queue)
    sqs = boto3.client("sqs")
    dead = sqs.create_queue(QueueName="confirmation-dead-letters")["QueueUrl"]
    sqs.send_message(QueueUrl=dead, MessageBody=record["body"])

    # When an operator lists it
    out = io.StringIO()
    assert main(["dead-letters", "list", "--queue", "confirmations", "--queue-url", dead], out=out) == 0

    # Then it is shown masked, as the reply function takes it again
    assert "confirmation-queue" in out.getvalue() and mask(CUSTOMER) in out.getvalue()
    assert CUSTOMER not in out.getvalue() and "STOP" not in out.getvalue()
    message = sqs.receive_message(QueueUrl=dead, AttributeNames=["All"])["Messages"][0]
    letter = read_dead_letter(message)
    assert letter.event["Records"][0]["eventSource"] == "aws:sqs"
