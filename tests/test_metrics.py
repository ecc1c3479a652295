"""Outcome metrics: the handlers' standard output, read as CloudWatch reads EMF."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any

import pytest

import process_reply
import send_text_message
from sandbox.embedded_metrics import Datapoint, datapoints, emf_records
from sms_opt_out.domain.preferences import Action, PreferenceEvent
from sms_opt_out.errors import SendFailedError
from sms_opt_out.metrics import REPLY_METRICS, SEND_METRICS, UNVERIFIED, ReplyMetrics, SendMetrics
from sms_opt_out.outcomes import ReplyOutcome, SendStatus
from sms_opt_out.storage.consent_writes import ConsentWrites
from tests.conftest import CUSTOMER, OUR_NUMBER, TABLE, sns_event

Handler = Callable[[Any], dict[str, Any]]
Read = Callable[[], list[Datapoint]]
OTHER_CUSTOMER = "+14155550124"


@pytest.fixture
def reply(dynamodb: Any, sms: Any, lambda_context: Any) -> Iterator[Handler]:
    process_reply.reply_processor.cache_clear()
    yield lambda event: process_reply.handler(event, lambda_context)
    process_reply.reply_processor.cache_clear()


@pytest.fixture
def send(dynamodb: Any, sms: Any, lambda_context: Any) -> Iterator[Handler]:
    send_text_message.guarded_sender.cache_clear()
    send_text_message.send_metrics.cache_clear()
    yield lambda event: send_text_message.handler(event, lambda_context)
    send_text_message.guarded_sender.cache_clear()
    send_text_message.send_metrics.cache_clear()


@pytest.fixture
def published(capsys: pytest.CaptureFixture[str]) -> Read:
    """What the handlers wrote to standard output since the last call, as CloudWatch would publish it."""
    return lambda: datapoints(emf_records(capsys.readouterr().out))


def counts(points: list[Datapoint], identity: str | None) -> dict[str, float]:
    """Non-zero sums of one identity's metrics, or of the totals (``identity`` None)."""
    wanted = () if identity is None else (("OriginationIdentity", identity),)
    sums: defaultdict[str, float] = defaultdict(float)
    for point in points:
        if point.dimensions == wanted:
            sums[point.name] += point.value
    return {name: value for name, value in sums.items() if value}


def opt_out(dynamodb: Any, customer: str = CUSTOMER) -> None:
    """Given: ``customer`` opted out of our number."""
    at = "2025-05-01T12:00:00.000Z"
    event = PreferenceEvent(customer, OUR_NUMBER, at, Action.OPT_OUT, "STOP", "web", f"{customer}-web")
    ConsentWrites(TABLE, dynamodb).apply(event)


def request(to: str = CUSTOMER, origination: str = OUR_NUMBER) -> dict[str, Any]:
    return {"DestinationPhoneNumber": to, "OriginationIdentity": origination, "MessageBody": "Spring sale"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Stop texting me", {"OptOuts": 1, "ConfirmationsSent": 1}),
        ("START", {"OptIns": 1, "ConfirmationsSent": 1}),
        ("HELP", {"HelpRequests": 1, "ConfirmationsSent": 1}),
        ("What time do you open?", {"UnrecognisedReplies": 1}),
    ],
)
def test_each_reply_intent_is_counted_per_our_number_and_in_total(
    reply: Handler, published: Read, body: str, expected: dict[str, int]
) -> None:
    reply(sns_event(body))

    points = published()
    assert counts(points, OUR_NUMBER) == expected
    assert counts(points, None) == expected
    assert {p.namespace for p in points} == {"SmsOptOut"} and {p.unit for p in points} == {"Count"}
    assert {p.name for p in points} == set(REPLY_METRICS), "every name is published, 0 when it did not occur"


def test_a_repeated_delivery_a_superseded_reply_and_a_repeated_stop_count_as_such(
    reply: Handler, published: Read, caplog: pytest.LogCaptureFixture
) -> None:
    reply(sns_event("START", inbound_id="in-2", timestamp="2025-05-01T12:05:00.000Z"))
    reply(sns_event("START", inbound_id="in-2", timestamp="2025-05-01T12:05:00.000Z"))
    reply(sns_event("STOP", inbound_id="in-1", timestamp="2025-05-01T12:00:00.000Z"))
    reply(sns_event("STOP", inbound_id="in-3", timestamp="2025-05-01T12:10:00.000Z"))
    reply(sns_event("STOP", inbound_id="in-4", timestamp="2025-05-01T12:15:00.000Z"))

    assert counts(published(), None) == {
        "OptIns": 1,
        "OptOuts": 1,
        "ConfirmationsSent": 2,
        "RepeatedDeliveries": 1,
        "SupersededReplies": 1,
        "RepeatedOptOuts": 1,
    }
    assert "no metric counts" not in caplog.text


@pytest.mark.parametrize("outcome", list(ReplyOutcome))
def test_every_reply_outcome_counts_a_metric(outcome: ReplyOutcome) -> None:
    metrics = ReplyMetrics()

    metrics.add_outcome(OUR_NUMBER, outcome)

    (record,) = metrics.records() or [{}]
    assert sum(record.get(name, 0) for name in REPLY_METRICS) >= 1, f"no metric counts {outcome}"


@pytest.mark.parametrize("status", list(SendStatus))
def test_every_send_status_counts_a_metric(status: SendStatus) -> None:
    metrics = SendMetrics()

    metrics.add_results([request(origination="pool-0123456789abcdef")], [{"status": status}])

    (record,) = metrics.records() or [{}]
    assert sum(record.get(name, 0) for name in SEND_METRICS) >= 1, f"no metric counts {status}"


def test_a_blocked_send_through_one_of_our_numbers_is_published_by_number_from_the_first_record(
    send: Handler, dynamodb: Any, published: Read, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given our number, configured by the construct, that has sent nothing in this container yet
    monkeypatch.setenv("ORIGINATION_NUMBERS", f'{{"phone-{"0" * 32}": "{OUR_NUMBER}"}}')
    opt_out(dynamodb)

    send(request())

    assert counts(published(), OUR_NUMBER) == {"MessagesBlocked": 1}


def test_replies_to_two_numbers_of_one_invocation_are_counted_apart(
    reply: Handler, sms: Any, published: Read
) -> None:
    other = "+18445550199"
    sms.add_phone_number(other)
    event = sns_event("STOP", inbound_id="in-1")
    second = sns_event("STOP", inbound_id="in-2", our_number=other, customer=OTHER_CUSTOMER)
    event["Records"] += second["Records"]

    reply(event)

    points = published()
    assert counts(points, OUR_NUMBER) == counts(points, other) == {"OptOuts": 1, "ConfirmationsSent": 1}
    assert counts(points, None) == {"OptOuts": 2, "ConfirmationsSent": 2}


def test_the_namespace_comes_from_metrics_namespace(
    reply: Handler, published: Read, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("METRICS_NAMESPACE", "Acme/Sms")

    reply(sns_event("STOP"))

    assert {p.namespace for p in published()} == {"Acme/Sms"}


def test_each_send_status_of_a_batch_is_counted_in_a_handful_of_records(
    send: Handler, dynamodb: Any, sms: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    opt_out(dynamodb, "+14155550102")
    sms.fail_next("SendTextMessage", "ValidationException")
    batch = [request(f"+1415555{n:04d}") for n in range(1_000)] + [request("555-0100")]

    send({"messages": batch})

    records = emf_records(capsys.readouterr().out)
    points = datapoints(records)
    assert len(records) == 3, "one record for our number, one for the invalid request, one per failure code"
    expected_ours = {"MessagesSent": 998, "MessagesBlocked": 1, "MessagesFailed": 1}
    by_code = [p for p in points if len(p.dimensions) == 2]
    assert [(p.dimensions, p.value) for p in by_code] == [
        ((("OriginationIdentity", OUR_NUMBER), ("FailureCode", "ValidationException")), 1)
    ]
    assert counts(points, OUR_NUMBER) == expected_ours
    assert counts(points, UNVERIFIED) == {"MessagesInvalid": 1}
    assert counts(points, None) == expected_ours | {"MessagesInvalid": 1}
    assert {p.name for p in points} == set(SEND_METRICS)


def test_a_sent_single_request_is_counted(send: Handler, published: Read) -> None:
    send(request())

    assert counts(published(), OUR_NUMBER) == {"MessagesSent": 1}


def test_a_blocked_single_request_is_counted(send: Handler, dynamodb: Any, published: Read) -> None:
    opt_out(dynamodb)

    send(request())

    assert counts(published(), None) == {"MessagesBlocked": 1}


def test_a_failed_single_send_is_counted_before_it_raises(send: Handler, sms: Any, published: Read) -> None:
    sms.fail_next("SendTextMessage", "ValidationException")

    with pytest.raises(SendFailedError):
        send(request())

    assert counts(published(), None) == {"MessagesFailed": 1}


def test_a_throttled_send_is_retried_and_counts_its_throttles(
    send: Handler, sms: Any, published: Read
) -> None:
    send(request())  # our number has sent: it is published by name from now on
    published()
    sms.fail_next("SendTextMessage", "ThrottlingException", times=2)

    send(request())

    assert counts(published(), OUR_NUMBER) == {"MessagesSent": 1, "Throttles": 2}


def test_a_number_never_sent_from_is_not_published_so_swapped_numbers_never_name_a_customer(
    send: Handler, sms: Any, published: Read
) -> None:
    sms.fail_next("SendTextMessage", "AccessDeniedException")

    send({"messages": [request(to=OUR_NUMBER, origination=CUSTOMER), request(to="12345")]})

    points = published()
    assert counts(points, UNVERIFIED) == {"MessagesFailed": 1, "MessagesInvalid": 1}
    assert all(value != CUSTOMER for p in points for _, value in p.dimensions)


@pytest.mark.fast
def test_an_id_names_its_identity_and_a_deferred_result_counts_as_deferred() -> None:
    metrics = SendMetrics(namespace="SmsOptOut", clock=lambda: 1_700_000_000.0)
    identity = "phone-0123456789abcdef0123456789abcdef"
    by_the_samples_name = {"OID": identity, "SourcePhoneNumber": CUSTOMER, "MessageBody": "Hi"}

    metrics.add_results([request(origination=identity), by_the_samples_name], [{"status": "DEFERRED"}] * 2)

    (record,) = metrics.records()
    assert record["OriginationIdentity"] == identity and record["MessagesDeferred"] == 2
    assert record["_aws"]["Timestamp"] == 1_700_000_000_000


def test_no_record_or_log_line_holds_a_number_or_a_text_at_debug(
    reply: Handler,
    send: Handler,
    dynamodb: Any,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setenv("LOG_LEVEL", "DEBUG")
    caplog.set_level(logging.DEBUG, logger="sms_opt_out")
    opt_out(dynamodb, OTHER_CUSTOMER)

    for n, body in enumerate(("Stop texting me please", "START", "HELP", "Is the shop open today?")):
        reply(sns_event(body, inbound_id=f"in-{n}", timestamp=f"2025-05-01T12:0{n}:00.000Z"))
    send({"messages": [request(), request(OTHER_CUSTOMER), request("555-0100"), request("+14155550125")]})

    out = capsys.readouterr().out
    assert len(emf_records(out)) == 4 + 2, "one per reply, then our number's and the invalid request's"
    assert "_aws" not in caplog.text, "records go to standard output whole, never through the logger"
    written = out + caplog.text
    for secret in (CUSTOMER, OTHER_CUSTOMER, "+14155550125", "415555", "Spring sale", "texting", "shop open"):
        assert secret not in written


def test_a_conflict_is_counted_under_its_reason_and_an_aws_list_opt_out_as_blocked(
    send: Handler, sms: Any, published: Read
) -> None:
    send(request())  # our number has sent: it is published by name from now on
    published()
    protect = "DESTINATION_COUNTRY_BLOCKED_BY_PROTECT_CONFIGURATION"
    sms.fail_next("SendTextMessage", "ConflictException", Reason=protect)
    sms.fail_next("SendTextMessage", "ConflictException", Reason="DESTINATION_PHONE_NUMBER_OPTED_OUT")

    send({"messages": [request("+14155550101"), request("+14155550102")]})

    points = published()
    assert counts(points, OUR_NUMBER) == {"MessagesFailed": 1, "MessagesBlocked": 1}
    (by_code,) = [p for p in points if len(p.dimensions) == 2]
    assert dict(by_code.dimensions)["FailureCode"] == protect
