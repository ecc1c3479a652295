"""The reply processor against moto DynamoDB and the local SMS simulator."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterator
from typing import Any

import boto3
import pytest

import process_reply
import send_text_message
from sandbox.lambda_context import LambdaContext
from sandbox.virtual_clock import VirtualClock
from sms_opt_out.domain.languages import DEFAULT_PROGRAM_NAME, ENGLISH, LANGUAGES
from sms_opt_out.domain.leases import Lease
from sms_opt_out.domain.phone_numbers import ALL_NUMBERS, mask
from sms_opt_out.domain.preferences import Action, PreferenceEvent
from sms_opt_out.errors import ConfirmationNotSentError, CustomerBusyError, MalformedReplyError
from sms_opt_out.reply.inbound import InboundReply
from sms_opt_out.runtime import build_reply_processor
from sms_opt_out.storage.consent_writes import ConsentWrites
from sms_opt_out.storage.suppressions import Suppression, Suppressions
from tests.conftest import CUSTOMER, OUR_NUMBER, TABLE, sns_event

Handler = Callable[[dict[str, Any]], dict[str, Any]]
ENGLISH_TEXTS = LANGUAGES[ENGLISH].texts.render(DEFAULT_PROGRAM_NAME, None, None)
DEFAULT_OPT_OUT_CONFIRMATION = ENGLISH_TEXTS.opt_out_confirmation
DEFAULT_OPT_IN_CONFIRMATION = ENGLISH_TEXTS.opt_in_confirmation


@pytest.fixture
def handle(dynamodb: Any, sms: Any, lambda_context: Any) -> Iterator[Handler]:
    """Invoke the real handler, with its cached clients rebuilt for this test's environment."""
    process_reply.reply_processor.cache_clear()
    yield lambda event: process_reply.handler(event, lambda_context)
    process_reply.reply_processor.cache_clear()


def items(dynamodb: Any, customer: str = CUSTOMER) -> list[dict[str, Any]]:
    response = dynamodb.query(
        TableName=TABLE, KeyConditionExpression="PK = :pk", ExpressionAttributeValues={":pk": {"S": customer}}
    )
    return response["Items"]


def history(dynamodb: Any, customer: str = CUSTOMER) -> list[dict[str, Any]]:
    return [i for i in items(dynamodb, customer) if i["SK"]["S"][0] in "+*0123456789"]


def state(dynamodb: Any, customer: str = CUSTOMER) -> dict[str, Any]:
    item = dynamodb.get_item(TableName=TABLE, Key={"PK": {"S": customer}, "SK": {"S": "STATE"}}).get("Item")
    return item or {}


def texts(sms: Any, number: str = CUSTOMER) -> list[str]:
    return [m.body for m in sms.inbox(number)]


def test_stop_records_an_opt_out_and_confirms_it(handle: Handler, dynamodb: Any, sms: Any) -> None:
    handle(sns_event("Stop", inbound_id="in-1", timestamp="2025-05-01T12:00:00Z"))

    (item,) = history(dynamodb)
    assert item["SK"]["S"] == f"{OUR_NUMBER}#2025-05-01T12:00:00.000Z#STOP"
    assert {k: v["S"] for k, v in item.items()}.items() >= {
        "PK": CUSTOMER,
        "OID": OUR_NUMBER,
        "Timestamp": "2025-05-01T12:00:00.000Z",
        "Response": "STOP",
        "Action": "OPT_OUT",
        "Channel": "SMS",
        "InboundMessageId": "in-1",
    }.items()
    assert state(dynamodb)[OUR_NUMBER]["M"]["Action"]["S"] == "OPT_OUT"
    (confirmation,) = sms.inbox(CUSTOMER)
    assert (confirmation.body, confirmation.origination) == (DEFAULT_OPT_OUT_CONFIRMATION, OUR_NUMBER)
    assert confirmation.message_type == "TRANSACTIONAL"


@pytest.mark.parametrize(
    ("body", "language"),
    [("STOP", ENGLISH), ("  arrêt ", "fr"), ("Baja", "es"), ("Quiero darme de baja", "es")],
)
def test_an_opt_out_is_confirmed_in_the_language_of_its_keyword(
    handle: Handler, dynamodb: Any, sms: Any, body: str, language: str
) -> None:
    handle(sns_event(body))

    assert [i["Action"]["S"] for i in history(dynamodb)] == ["OPT_OUT"]
    assert texts(sms) == [
        LANGUAGES[language].texts.render(DEFAULT_PROGRAM_NAME, None, None).opt_out_confirmation
    ]


@pytest.mark.parametrize(("body", "language"), [("HELP", ENGLISH), ("Ayuda", "es"), ("AIDE", "fr")])
def test_help_is_answered_in_the_language_of_its_keyword(
    handle: Handler, sms: Any, monkeypatch: pytest.MonkeyPatch, body: str, language: str
) -> None:
    monkeypatch.setenv("HELP_MESSAGE_FR", "Aide : 1-800-555-0100.")
    monkeypatch.setenv("SUPPORT_CONTACT", "1-800-555-0100")

    handle(sns_event(body))

    expected = LANGUAGES[language].texts.render(DEFAULT_PROGRAM_NAME, "1-800-555-0100", None).help_message
    assert texts(sms) == ["Aide : 1-800-555-0100." if language == "fr" else expected]


def test_event_time_is_the_sns_timestamp_not_the_processing_time(handle: Handler, dynamodb: Any) -> None:
    handle(sns_event("STOP", timestamp="2019-01-02T12:45:07.1+02:00"))

    (item,) = history(dynamodb)
    assert item["Timestamp"]["S"] == "2019-01-02T10:45:07.100Z"


@pytest.mark.parametrize(
    "body",
    [
        "Stop texting me",
        "please unsubscribe!",
        "Opt Out",
        "leave me alone",
        "pls opt me out",
        "No more messages!",
    ],
)
def test_natural_language_revocations_opt_out(handle: Handler, dynamodb: Any, sms: Any, body: str) -> None:
    handle(sns_event(body))

    assert [i["Action"]["S"] for i in history(dynamodb)] == ["OPT_OUT"]
    assert texts(sms) == [DEFAULT_OPT_OUT_CONFIRMATION]


def test_exact_mode_ignores_revocation_words_inside_a_sentence(
    handle: Handler, dynamodb: Any, sms: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MATCH_MODE", "EXACT")

    handle(sns_event("Stop texting me"))
    handle(sns_event("stop", inbound_id="in-2"))

    assert [i["Response"]["S"] for i in history(dynamodb)] == ["STOP"]
    assert texts(sms) == [DEFAULT_OPT_OUT_CONFIRMATION]


def test_start_after_stop_opts_back_in(handle: Handler, dynamodb: Any, sms: Any) -> None:
    handle(sns_event("STOP", inbound_id="in-1", timestamp="2025-05-01T12:00:00.000Z"))
    handle(sns_event("start", inbound_id="in-2", timestamp="2025-05-01T12:05:00.000Z"))

    assert [i["Action"]["S"] for i in history(dynamodb)] == ["OPT_OUT", "OPT_IN"]
    assert state(dynamodb)[OUR_NUMBER]["M"]["Action"]["S"] == "OPT_IN"
    assert texts(sms) == [DEFAULT_OPT_OUT_CONFIRMATION, DEFAULT_OPT_IN_CONFIRMATION]


def test_help_sends_the_help_text_and_records_no_preference(
    handle: Handler, dynamodb: Any, sms: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HELP_MESSAGE", "Acme alerts: reply STOP to opt out. Msg&data rates may apply.")

    handle(sns_event("Help?"))

    assert history(dynamodb) == []
    assert set(state(dynamodb)) <= {"PK", "SK"}, "no preference, and the lease is released"
    assert texts(sms) == ["Acme alerts: reply STOP to opt out. Msg&data rates may apply."]


def test_other_messages_record_no_preference_and_log_only_a_masked_number(
    handle: Handler, dynamodb: Any, sms: Any, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)

    result = handle(sns_event("What time do you open tomorrow?"))

    assert result == {"outcomes": ["UNRECOGNISED"]}  # kept for review: tests/test_unrecognised_replies.py
    assert items(dynamodb) == []
    assert texts(sms) == []
    assert mask(CUSTOMER) in caplog.text
    assert CUSTOMER not in caplog.text and "open tomorrow" not in caplog.text


def test_a_repeated_delivery_adds_nothing_and_texts_once(handle: Handler, dynamodb: Any, sms: Any) -> None:
    handle(sns_event("STOP", inbound_id="in-1", timestamp="2025-05-01T12:00:00.000Z"))
    again = handle(sns_event("STOP", inbound_id="in-1", timestamp="2025-05-01T12:00:03.000Z"))

    assert again == {"outcomes": ["DUPLICATE"]}
    assert len(history(dynamodb)) == 1
    assert texts(sms) == [DEFAULT_OPT_OUT_CONFIRMATION]


def test_a_repeated_help_is_answered_once(handle: Handler, sms: Any) -> None:
    handle(sns_event("HELP", inbound_id="in-9"))
    handle(sns_event("HELP", inbound_id="in-9"))

    assert len(texts(sms)) == 1


def test_out_of_order_delivery_ends_in_the_latest_state(handle: Handler, dynamodb: Any, sms: Any) -> None:
    handle(sns_event("START", inbound_id="in-2", timestamp="2025-05-01T12:05:00.000Z"))
    late = handle(sns_event("STOP", inbound_id="in-1", timestamp="2025-05-01T12:00:00.000Z"))

    assert late == {"outcomes": ["SUPERSEDED"]}
    assert state(dynamodb)[OUR_NUMBER]["M"]["Action"]["S"] == "OPT_IN"
    assert sorted(i["Action"]["S"] for i in history(dynamodb)) == ["OPT_IN", "OPT_OUT"]
    assert texts(sms) == [DEFAULT_OPT_IN_CONFIRMATION]


def test_a_stop_after_a_start_processed_late_still_wins(handle: Handler, dynamodb: Any) -> None:
    handle(sns_event("STOP", inbound_id="in-2", timestamp="2025-05-01T12:05:00.000Z"))
    handle(sns_event("START", inbound_id="in-1", timestamp="2025-05-01T12:00:00.000Z"))

    assert state(dynamodb)[OUR_NUMBER]["M"]["Action"]["S"] == "OPT_OUT"


def test_a_failed_write_raises_and_texts_nobody(handle: Handler, dynamodb: Any, sms: Any) -> None:
    dynamodb.delete_table(TableName=TABLE)

    with pytest.raises(Exception, match="ResourceNotFound"):
        handle(sns_event("STOP"))
    assert texts(sms) == []


def test_a_failed_confirmation_keeps_the_opt_out_and_the_retry_texts_once(
    handle: Handler, dynamodb: Any, sms: Any
) -> None:
    sms.fail_next("SendTextMessage", "InternalServerException")  # throttling would be retried in place

    with pytest.raises(ConfirmationNotSentError, match=r"\+141\*+23"):
        handle(sns_event("STOP", inbound_id="in-1"))
    assert state(dynamodb)[OUR_NUMBER]["M"]["Action"]["S"] == "OPT_OUT"
    assert texts(sms) == []

    sms.heal()
    handle(sns_event("STOP", inbound_id="in-1"))
    handle(sns_event("STOP", inbound_id="in-1"))

    assert len(history(dynamodb)) == 1
    assert texts(sms) == [DEFAULT_OPT_OUT_CONFIRMATION]


def test_a_failed_confirmation_is_reported_by_its_code_never_the_number(
    handle: Handler, sms: Any, caplog: pytest.LogCaptureFixture
) -> None:
    sms.fail_next("SendTextMessage", "ValidationException", message=f"{CUSTOMER} is blocked")

    with pytest.raises(ConfirmationNotSentError) as raised:
        handle(sns_event("STOP"))

    assert str(raised.value).endswith(
        f"OPT_OUT of {mask(CUSTOMER)} is recorded but its answer failed: ValidationException"
    )
    assert CUSTOMER not in str(raised.value) and CUSTOMER not in caplog.text


@pytest.mark.parametrize(
    ("mutate", "field"),
    [
        (lambda r: r["Sns"].__setitem__("Message", "STOP"), "Records[0].Sns.Message: is not JSON"),
        (lambda r: r["Sns"].pop("Timestamp"), "Records[0].Sns.Timestamp: is missing"),
        (lambda r: _edit(r, originationNumber=None), "Records[0].Sns.Message.originationNumber: a phone"),
        (lambda r: _edit(r, originationNumber="555-0100"), "Records[0].Sns.Message.originationNumber: 55**"),
        (lambda r: _edit(r, destinationNumber="x"), "Records[0].Sns.Message.destinationNumber"),
        (lambda r: _edit(r, inboundMessageId=""), "Records[0].Sns.Message.inboundMessageId: must be"),
        (lambda r: r.pop("Sns"), "Records[0].Sns: is missing"),
    ],
)
def test_a_malformed_message_raises_naming_the_field(
    handle: Handler, dynamodb: Any, mutate: Callable[[dict[str, Any]], Any], field: str
) -> None:
    event = sns_event("STOP")
    mutate(event["Records"][0])

    with pytest.raises(MalformedReplyError) as raised:
        handle(event)
    assert str(raised.value).startswith(field.split(": ")[0])
    assert field in str(raised.value)
    assert items(dynamodb) == []


def _edit(record: dict[str, Any], **changes: Any) -> None:
    message = json.loads(record["Sns"]["Message"])
    message.update(changes)
    record["Sns"]["Message"] = json.dumps(message)


def test_an_event_without_records_is_rejected(handle: Handler) -> None:
    with pytest.raises(MalformedReplyError, match="Records: must be a non-empty list"):
        handle({})


def test_every_record_is_processed_before_failures_are_raised(handle: Handler, dynamodb: Any) -> None:
    bad = sns_event("STOP", customer="+14155550199")
    bad["Records"][0]["Sns"]["Message"] = "{"
    good = sns_event("STOP", customer="+14155550123", inbound_id="in-2")
    worse = sns_event("STOP", customer="+14155550198")
    worse["Records"][0]["Sns"].pop("Message")
    event = {"Records": bad["Records"] + good["Records"] + worse["Records"]}

    with pytest.raises(ExceptionGroup) as raised:
        handle(event)
    assert [type(e) for e in raised.value.exceptions] == [MalformedReplyError, MalformedReplyError]
    assert "Records[0].Sns.Message" in str(raised.value.exceptions[0])
    assert "Records[2].Sns.Message" in str(raised.value.exceptions[1])
    assert len(history(dynamodb, "+14155550123")) == 1


def web_event(action: Action, at: str, origination: str = ALL_NUMBERS) -> PreferenceEvent:
    """An opt-out or opt-in recorded through another channel, as the registry records it."""
    return PreferenceEvent(CUSTOMER, origination, at, action, action.value, "web", f"web-{at}")


def guarded_send(lambda_context: Any) -> dict[str, Any]:
    """What the guarded sender does now with a text from our number to the customer."""
    request = {"DestinationPhoneNumber": CUSTOMER, "OriginationIdentity": OUR_NUMBER, "MessageBody": "Hi"}
    return send_text_message.handler(request, lambda_context)


def test_a_stop_older_than_a_web_opt_in_for_all_numbers_is_not_confirmed(
    handle: Handler, dynamodb: Any, sms: Any, lambda_context: Any
) -> None:
    # Given a web opt-in for all numbers at 12:05
    ConsentWrites(TABLE, dynamodb).record(web_event(Action.OPT_IN, "2025-05-01T12:05:00.000Z"))

    # When a STOP sent at 12:00 is delivered after it
    outcome = handle(sns_event("STOP", inbound_id="late-stop", timestamp="2025-05-01T12:00:00.000Z"))

    # Then it is recorded but not answered, since the sender still sends
    assert outcome == {"outcomes": ["SUPERSEDED"]}
    assert sorted(i["Action"]["S"] for i in history(dynamodb)) == ["OPT_IN", "OPT_OUT"]
    assert texts(sms) == []
    assert guarded_send(lambda_context)["status"] == "SENT"


def test_a_stop_later_than_a_web_opt_in_for_all_numbers_is_confirmed_and_enforced(
    handle: Handler, dynamodb: Any, sms: Any, lambda_context: Any
) -> None:
    ConsentWrites(TABLE, dynamodb).record(web_event(Action.OPT_IN, "2025-05-01T12:05:00.000Z"))

    outcome = handle(sns_event("STOP", inbound_id="stop", timestamp="2025-05-01T12:06:00.000Z"))

    assert outcome == {"outcomes": ["OPT_OUT"]}
    assert texts(sms) == [DEFAULT_OPT_OUT_CONFIRMATION]
    assert guarded_send(lambda_context) == {"status": "OPTED_OUT"}


def test_under_scope_all_a_start_is_not_confirmed_while_a_later_opt_out_blocks(
    handle: Handler, dynamodb: Any, sms: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPT_OUT_SCOPE", "ALL")
    ConsentWrites(TABLE, dynamodb).record(
        web_event(Action.OPT_OUT, "2025-05-01T12:05:00.000Z", origination="+18445550199")
    )

    outcome = handle(sns_event("START", inbound_id="start", timestamp="2025-05-01T12:00:00.000Z"))

    assert outcome == {"outcomes": ["SUPERSEDED"]}
    assert texts(sms) == []


def lease_of(dynamodb: Any, owner: str, until_ms: int) -> None:
    """Given: another reply of the customer holds the lease until ``until_ms``."""
    dynamodb.put_item(
        TableName=TABLE,
        Item={
            "PK": {"S": CUSTOMER},
            "SK": {"S": "STATE"},
            "LeaseOwner": {"S": owner},
            "LeaseUntil": {"N": str(until_ms)},
        },
    )


def test_a_reply_meeting_a_live_lease_raises_so_lambda_retries_it(
    handle: Handler, dynamodb: Any, sms: Any
) -> None:
    lease_of(dynamodb, "another-invocation/in-0", int(time.time() * 1000) + 60_000)

    with pytest.raises(CustomerBusyError, match=r"\+141\*+23"):
        handle(sns_event("STOP", inbound_id="in-1"))

    assert texts(sms) == []
    assert state(dynamodb)[OUR_NUMBER]["M"]["Action"]["S"] == "OPT_OUT", "recorded before the lease"


def test_a_lease_left_by_a_crashed_invocation_is_taken_over_once_it_expires(
    handle: Handler, dynamodb: Any, sms: Any
) -> None:
    lease_of(dynamodb, "crashed-invocation/in-0", int(time.time() * 1000) - 5_000)  # beyond clock skew

    assert handle(sns_event("STOP", inbound_id="in-1")) == {"outcomes": ["OPT_OUT"]}
    assert texts(sms) == [DEFAULT_OPT_OUT_CONFIRMATION]
    assert not {"LeaseOwner", "LeaseUntil"} & set(state(dynamodb))


def test_an_invocation_with_three_seconds_left_still_answers(
    dynamodb: Any, sms: Any, virtual_clock: VirtualClock
) -> None:
    process_reply.reply_processor.cache_clear()
    # the 3 s pass only as the code sleeps: a loaded machine changes nothing
    context = LambdaContext(timeout_ms=3_000, _started=virtual_clock.monotonic())

    outcome = process_reply.handler(sns_event("STOP"), context)

    assert outcome == {"outcomes": ["OPT_OUT"]}
    assert texts(sms) == [DEFAULT_OPT_OUT_CONFIRMATION]
    process_reply.reply_processor.cache_clear()


@pytest.mark.fast
def test_a_lease_lasts_the_remaining_time_plus_at_most_ten_seconds() -> None:
    lease = Lease.for_invocation("request-1", remaining_ms=3_000, clock=lambda: 1_000.0)

    assert 1_003_000 < lease.until_ms <= 1_013_000
    assert lease.for_reply("in-1") == Lease("request-1/in-1", lease.until_ms)


class _Requests:
    """A client factory whose clients record each request as ``service:Operation``, in order."""

    def __init__(self) -> None:
        self.session = boto3.session.Session()
        self.made: list[str] = []
        self.session.events.register("before-call.*.*", self._record)

    def _record(self, model: Any, **_: Any) -> None:
        self.made.append(f"{model.service_model.service_name}:{model.name}")

    def client(self, name: str, **kwargs: Any) -> Any:
        return self.session.client(name, **kwargs)

    def take(self) -> list[str]:
        made, self.made = self.made, []
        return made


RECORD = "dynamodb:TransactWriteItems"  # the receipt and the history item
APPLY_AND_CLAIM = "dynamodb:UpdateItem"  # the event made the state, and the customer's lease taken
UNDER_LEASE = "dynamodb:Query"  # the receipt and the customer's history, read under the lease
ANSWER = "pinpoint-sms-voice-v2:SendTextMessage"
FINISH = "dynamodb:TransactWriteItems"  # settled, confirmed and released


def test_an_opt_out_reply_costs_four_dynamodb_requests_and_one_text(dynamodb: Any, sms: Any) -> None:
    requests = _Requests()
    processor = build_reply_processor(requests.client)
    lease = Lease.for_invocation("request-1", remaining_ms=30_000)

    def process(body: str, inbound_id: str, at: str) -> list[str]:
        reply = InboundReply(CUSTOMER, OUR_NUMBER, body, inbound_id, f"2025-05-01T{at}:00.000Z")
        processor.process(reply, lease)
        return requests.take()

    assert process("STOP", "in-1", "12:00") == [RECORD, APPLY_AND_CLAIM, UNDER_LEASE, ANSWER, FINISH]
    assert process("STOP", "in-1", "12:00") == [RECORD], "a repeated delivery: its receipt says answered"
    assert process("STOP", "in-2", "12:05") == [RECORD, APPLY_AND_CLAIM, UNDER_LEASE, FINISH], "told already"
    assert process("HELP", "in-3", "12:10") == [
        RECORD,
        "dynamodb:UpdateItem",  # the lease
        "dynamodb:GetItem",  # the receipt, under the lease
        ANSWER,
        FINISH,
    ]
    assert texts(sms) == [DEFAULT_OPT_OUT_CONFIRMATION, ENGLISH_TEXTS.help_message]


def test_a_reply_lifts_a_suppression_with_one_request_more_only_when_there_is_one(
    dynamodb: Any, sms: Any
) -> None:
    Suppressions(TABLE, dynamodb).suppress(
        Suppression(CUSTOMER, "INVALID", "2025-05-01T11:00:00.000Z", "TEXT_INVALID", "m-1")
    )
    requests = _Requests()
    processor = build_reply_processor(requests.client)
    reply = InboundReply(CUSTOMER, OUR_NUMBER, "STOP", "in-1", "2025-05-01T12:00:00.000Z")

    processor.process(reply, Lease.for_invocation("request-1", remaining_ms=30_000))

    assert requests.take() == [RECORD, APPLY_AND_CLAIM, "dynamodb:UpdateItem", UNDER_LEASE, ANSWER, FINISH]
    assert "Suppression" not in state(dynamodb)
