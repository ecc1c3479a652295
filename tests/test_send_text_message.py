"""The guarded sender against moto DynamoDB and the local SMS simulator."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError
from botocore.stub import Stubber

import send_text_message
from sms_opt_out.domain.phone_numbers import ALL_NUMBERS
from sms_opt_out.domain.preferences import Action, PreferenceEvent
from sms_opt_out.errors import SendFailedError, StateUnavailableError
from sms_opt_out.runtime import build_guarded_sender
from sms_opt_out.storage.consent_states import ConsentStates
from sms_opt_out.storage.consent_writes import ConsentWrites
from sms_opt_out.storage.failed_sends import FailedSend, FailedSendQueue
from tests.conftest import CUSTOMER, IN_US_SENDING_HOURS, OUR_NUMBER, TABLE, load_event

Handler = Callable[[Any], dict[str, Any]]
OTHER_NUMBER = "+18445550199"


@pytest.fixture
def requests_made() -> dict[str, list[dict[str, Any]]]:
    """The parameters of every AWS call the sender makes, by operation name."""
    return {}


@pytest.fixture
def handle(
    dynamodb: Any, sms: Any, lambda_context: Any, monkeypatch: pytest.MonkeyPatch, requests_made: dict
) -> Iterator[Handler]:
    session = boto3.session.Session()

    def record(params: dict[str, Any], model: Any, **_: Any) -> None:
        requests_made.setdefault(model.name, []).append(params)

    session.events.register("provide-client-params.*.*", record)
    monkeypatch.setattr(
        send_text_message,
        "guarded_sender",
        lambda: build_guarded_sender(session.client, clock=lambda: IN_US_SENDING_HOURS),
    )
    yield lambda event: send_text_message.handler(event, lambda_context)


def opt_out(
    dynamodb: Any,
    customer: str = CUSTOMER,
    origination: str = OUR_NUMBER,
    action: Action = Action.OPT_OUT,
    at: str = "2025-05-01T12:00:00.000Z",
) -> None:
    """Given: an opt-out (or opt-in) recorded for ``customer`` the way every channel records it."""
    event = PreferenceEvent(customer, origination, at, action, action.value, "web", f"{customer}{at}{action}")
    ConsentWrites(TABLE, dynamodb).apply(event)


def request(to: str = CUSTOMER, origination: str = OUR_NUMBER, **extra: Any) -> dict[str, Any]:
    return {"DestinationPhoneNumber": to, "OriginationIdentity": origination, "MessageBody": "Hi"} | extra


def test_a_customer_who_never_opted_out_is_texted(handle: Handler, sms: Any) -> None:
    result = handle(load_event("send_single.json"))

    assert result["status"] == "SENT"
    (delivered,) = sms.inbox(CUSTOMER)
    assert (delivered.message_id, delivered.body) == (result["messageId"], "Your order has shipped.")


def test_an_opted_out_customer_is_not_texted(handle: Handler, dynamodb: Any, sms: Any) -> None:
    opt_out(dynamodb)

    assert handle(request()) == {"status": "OPTED_OUT"}
    assert sms.calls("SendTextMessage") == []


def test_an_opt_in_after_the_opt_out_lets_texts_through(handle: Handler, dynamodb: Any) -> None:
    opt_out(dynamodb, at="2025-05-01T12:00:00.000Z")
    opt_out(dynamodb, action=Action.OPT_IN, at="2025-05-02T12:00:00.000Z")

    assert handle(request())["status"] == "SENT"


def test_destinations_are_normalized_before_the_lookup(handle: Handler, dynamodb: Any, sms: Any) -> None:
    opt_out(dynamodb, customer="+14155550100")

    assert handle(request(to="+1 (415) 555-0100")) == {"status": "OPTED_OUT"}
    assert handle(request(to="+1 415.555.0101"))["status"] == "SENT"
    assert sms.calls("SendTextMessage")[0]["DestinationPhoneNumber"] == "+14155550101"


@pytest.mark.parametrize(
    ("req", "error"),
    [
        (request(to="415-555-0100"), "DestinationPhoneNumber: "),
        (request(to=""), "DestinationPhoneNumber: is required"),
        ({"DestinationPhoneNumber": CUSTOMER, "OriginationIdentity": OUR_NUMBER}, "MessageBody: is required"),
        (request(origination="pool-123"), "OriginationIdentity: no pool has this ID or ARN"),
        (
            request(origination="+1844"),
            "OriginationIdentity: must be an E.164 number or short code, a phone",
        ),
        (request(origination="phone-0000"), "OriginationIdentity: no phone number has this ID or ARN"),
        (request(TimeToLive="soon"), "TimeToLive: Invalid type for parameter TimeToLive"),
        (request(TimeToLive=259_201), "TimeToLive: 259201 is more than 259200"),
        (request(MessageBody="x" * 1601), "MessageBody: is 1601 characters long, more than 1600"),
        (request(MessageType="URGENT"), "MessageType: 'URGENT' is not one of TRANSACTIONAL, PROMOTIONAL"),
        (request(MaxPrice="cheap"), "MaxPrice: does not match the pattern"),
        (request(Keyword="K" * 31), "Keyword: is 31 characters long, more than 30"),
        (request(ConfigurationSetName="my set"), "ConfigurationSetName: does not match the pattern"),
        (request(origination="+1 844 555 0100"), "OriginationIdentity: does not match the pattern"),
        (request(Context={f"k{n}": "v" for n in range(6)}), "Context: has 6 entries, more than 5"),
        (request(Context={"campaign": "spring "}), "Context.campaign: does not match the pattern"),
        (
            request(DestinationCountryParameters={"US_ID": "1"}),
            "DestinationCountryParameters: 'US_ID' is not",
        ),
        (request(Colour="blue"), "Colour: not a SendTextMessage parameter"),
        (request(OID=OUR_NUMBER), "OID: OriginationIdentity is given twice"),
        ("STOP", "request: must be an object"),
    ],
)
def test_an_invalid_request_names_the_field_and_the_reason(
    handle: Handler, sms: Any, req: Any, error: str
) -> None:
    result = handle(req)

    assert result["status"] == "INVALID"
    assert result["error"].startswith(error)
    assert sms.calls("SendTextMessage") == []


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("+1\uff14\uff11\uff15\uff15\uff15\uff15\uff10\uff11\uff12\uff13", "+14155550123"),
        ("+\u0661\u0664\u0661\u0665\u0665\u0665\u0665\u0660\u0661\u0662\u0663", "+14155550123"),
        ("+44 (0)7700 900123", "+447700900123"),
    ],
)
def test_a_number_written_another_way_is_checked_and_sent_as_one_ascii_key(
    handle: Handler, dynamodb: Any, sms: Any, written: str, key: str
) -> None:
    opt_out(dynamodb, customer=key)

    assert handle(request(to=written)) == {"status": "OPTED_OUT"}
    opt_out(dynamodb, customer=key, action=Action.OPT_IN, at="2025-06-01T12:00:00.000Z")
    assert handle(request(to=written))["status"] == "SENT"
    assert [call["DestinationPhoneNumber"] for call in sms.calls("SendTextMessage")] == [key]


def test_every_other_send_text_message_parameter_passes_through_unchanged(handle: Handler, sms: Any) -> None:
    extra: dict[str, Any] = {
        "MessageType": "PROMOTIONAL",
        "ConfigurationSetName": "marketing",
        "Context": {"campaign": "spring"},
        "TimeToLive": 600,
        "MaxPrice": "0.05",
        "Keyword": "ACME",
        "DestinationCountryParameters": {"IN_TEMPLATE_ID": "123"},
        "DryRun": False,
        "ProtectConfigurationId": "protect-0123456789abcdef",
        "MessageFeedbackEnabled": True,
    }

    assert handle(request(**extra))["status"] == "SENT"

    (sent,) = sms.calls("SendTextMessage")
    assert sent == request() | extra


def test_the_samples_field_names_are_accepted(handle: Handler, dynamodb: Any, sms: Any) -> None:
    opt_out(dynamodb, customer="+14155550100")
    sample = {"SourcePhoneNumber": "+14155550101", "OID": OUR_NUMBER, "MessageBody": "Hi"}

    assert handle(sample)["status"] == "SENT"
    assert handle(sample | {"SourcePhoneNumber": "+14155550100"}) == {"status": "OPTED_OUT"}
    assert sms.calls("SendTextMessage")[0]["OriginationIdentity"] == OUR_NUMBER


@pytest.mark.parametrize("identity", ["PhoneNumberId", "PhoneNumberArn"])
def test_an_origination_named_by_id_or_arn_is_matched_to_its_number(
    handle: Handler, dynamodb: Any, sms: Any, identity: str
) -> None:
    reference = sms.add_phone_number(OTHER_NUMBER)[identity]
    opt_out(dynamodb, origination=OTHER_NUMBER)

    results = handle({"messages": [request(origination=reference), request(origination=reference)]})

    assert results == {"results": [{"status": "OPTED_OUT"}, {"status": "OPTED_OUT"}]}
    assert len(sms.calls("DescribePhoneNumbers")) == 1, "resolved once, then cached"


def test_scope_origination_lets_an_opt_out_block_only_the_number_it_was_sent_to(
    handle: Handler, dynamodb: Any, sms: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPT_OUT_SCOPE", "ORIGINATION")
    sms.add_phone_number("+4930123456")
    opt_out(dynamodb, origination="+49301234567")

    blocked = handle(request(origination="+49301234567"))
    prefix = handle(request(origination="+4930123456"))
    other = handle(request(origination=OUR_NUMBER))

    assert blocked == {"status": "OPTED_OUT"}
    assert prefix["status"] == other["status"] == "SENT"


def test_by_default_an_opt_out_to_one_number_blocks_all(handle: Handler, dynamodb: Any) -> None:
    opt_out(dynamodb, origination=OTHER_NUMBER)

    assert handle(request(origination=OUR_NUMBER)) == {"status": "OPTED_OUT"}


def test_an_opt_out_naming_no_number_blocks_every_number_whatever_the_scope(
    handle: Handler, dynamodb: Any
) -> None:
    opt_out(dynamodb, origination=ALL_NUMBERS, at="2025-05-01T12:00:00.000Z")
    opt_out(dynamodb, origination=OTHER_NUMBER, action=Action.OPT_IN, at="2025-04-01T12:00:00.000Z")

    assert handle(request(origination=OUR_NUMBER)) == {"status": "OPTED_OUT"}


def test_a_batch_keeps_order_and_one_invalid_request_spares_the_others(
    handle: Handler, dynamodb: Any, sms: Any
) -> None:
    opt_out(dynamodb, customer="+14155550102")
    batch = [
        request(to="+14155550101"),
        request(to="bogus"),
        request(to="+14155550102"),
        request(to="+14155550103"),
    ]

    results = handle({"messages": batch})["results"]

    assert [r["status"] for r in results] == ["SENT", "INVALID", "OPTED_OUT", "SENT"]
    assert results[1]["error"].startswith("DestinationPhoneNumber: ")
    assert sorted(m["DestinationPhoneNumber"] for m in sms.calls("SendTextMessage")) == [
        "+14155550101",
        "+14155550103",
    ], "sent concurrently: the results keep the order, not the calls"


def test_a_batch_of_n_recipients_costs_ceil_n_over_100_strongly_consistent_reads(
    handle: Handler, dynamodb: Any, requests_made: dict
) -> None:
    recipients = [f"+1415555{n:04d}" for n in range(250)]
    for customer in recipients[::7]:
        opt_out(dynamodb, customer=customer)

    results = handle({"messages": [request(to=r) for r in recipients]})["results"]

    assert sum(r["status"] == "OPTED_OUT" for r in results) == len(recipients[::7])
    reads = {op: calls for op, calls in requests_made.items() if op != "SendTextMessage"}
    assert list(reads) == ["BatchGetItem"]
    assert len(reads["BatchGetItem"]) == 3
    assert all(call["RequestItems"][TABLE]["ConsistentRead"] for call in reads["BatchGetItem"])


def test_the_sender_fails_closed_when_the_table_cannot_be_read(
    handle: Handler, dynamodb: Any, sms: Any
) -> None:
    dynamodb.delete_table(TableName=TABLE)

    with pytest.raises(Exception, match="ResourceNotFound"):
        handle({"messages": [request(to="+14155550101"), request(to="+14155550102")]})
    assert sms.calls("SendTextMessage") == []


@pytest.mark.fast
def test_keys_left_unprocessed_are_retried_and_then_fail_closed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sms_opt_out.storage.consent_states.time.sleep", lambda _: None)
    client = boto3.client("dynamodb")
    key = {"PK": {"S": CUSTOMER}, "SK": {"S": "STATE"}}
    unprocessed = {TABLE: {"Keys": [key], "ConsistentRead": True}}
    stored = {"PK": {"S": CUSTOMER}, "SK": {"S": "STATE"}}
    with Stubber(client) as stub:
        stub.add_response("batch_get_item", {"Responses": {TABLE: []}, "UnprocessedKeys": unprocessed})
        stub.add_response("batch_get_item", {"Responses": {TABLE: [stored]}, "UnprocessedKeys": {}})
        assert ConsentStates(TABLE, client).consent_states([CUSTOMER])[CUSTOMER].entries == {}
        for _ in range(9):
            stub.add_response("batch_get_item", {"Responses": {TABLE: []}, "UnprocessedKeys": unprocessed})
        with pytest.raises(StateUnavailableError, match="1 keys stayed unprocessed"):
            ConsentStates(TABLE, client).consent_states([CUSTOMER])
        stub.assert_no_pending_responses()


@pytest.fixture
def dead_letter_queue(dynamodb: Any, monkeypatch: pytest.MonkeyPatch) -> str:
    """A moto SQS queue, named to the sender as its failed-send queue (as the construct does)."""
    url = boto3.client("sqs").create_queue(QueueName="dead-letters")["QueueUrl"]
    monkeypatch.setenv("FAILED_SENDS_QUEUE_URL", url)
    return url


def kept(queue_url: str) -> list[dict[str, Any]]:
    messages = boto3.client("sqs").receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10)
    return [json.loads(m["Body"])["failedSend"] for m in messages.get("Messages", [])]


def test_a_failed_send_in_a_batch_is_reported_and_kept_on_the_dead_letter_queue(
    handle: Handler, sms: Any, dead_letter_queue: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SEND_CONCURRENCY", "1")  # the injected fault meets the first request
    sms.fail_next("SendTextMessage", "ValidationException")

    results = handle({"messages": [request(to="+14155550101"), request(to="+14155550102")]})["results"]

    assert [(r["status"], r.get("code")) for r in results] == [
        ("FAILED", "ValidationException"),
        ("SENT", None),
    ]
    (failed,) = kept(dead_letter_queue)
    assert failed["request"] == request(to="+14155550101") and failed["errorCode"] == "ValidationException"


def test_a_failed_single_send_raises_naming_only_the_code(
    handle: Handler, sms: Any, dead_letter_queue: str, caplog: pytest.LogCaptureFixture
) -> None:
    sms.fail_next("SendTextMessage", "ValidationException", message=f"{CUSTOMER} cannot be reached")

    with pytest.raises(SendFailedError) as raised:
        handle(request())

    assert str(raised.value) == "SendTextMessage failed: ValidationException"
    assert CUSTOMER not in caplog.text
    assert kept(dead_letter_queue) == [], "Lambda's retries and on-failure destination keep it"


def test_a_failed_send_that_cannot_be_kept_raises_when_nothing_was_sent(
    handle: Handler, sms: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAILED_SENDS_QUEUE_URL", "https://sqs.us-east-1.amazonaws.com/123456789012/missing")
    sms.fail_next("SendTextMessage", "ValidationException")

    with pytest.raises(ClientError, match="SendMessageBatch"):
        handle({"messages": [request()]})


@pytest.mark.fast
def test_failed_sends_refused_by_the_queue_raise_naming_their_codes() -> None:
    client = boto3.client("sqs")
    queue = FailedSendQueue("https://sqs.us-east-1.amazonaws.com/123456789012/dlq", lambda: client)
    failures = [
        FailedSend(request(to=f"+1415555010{n}"), "ThrottlingException", "slow down") for n in range(11)
    ]
    with Stubber(client) as stub:
        stub.add_response("send_message_batch", {"Successful": [], "Failed": []})
        stub.add_response(
            "send_message_batch",
            {"Successful": [], "Failed": [{"Id": "10", "SenderFault": False, "Code": "InternalError"}]},
            {
                "QueueUrl": queue.queue_url,
                "Entries": [{"Id": "10", "MessageBody": failures[10].message_body()}],
            },
        )
        with pytest.raises(SendFailedError, match=r"^1 failed sends could not be kept .*: InternalError$"):
            queue.keep(failures)
