"""Evidence on each SMS history item, and one confirmation per opt-out (a repeated STOP is not answered)."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Callable, Iterator
from typing import Any

import pytest

import process_reply
from sms_opt_out.ops.cli import main
from sms_opt_out.storage.audit_trail import AuditTrail
from tests.conftest import CUSTOMER, OUR_NUMBER, TABLE, sns_event

Handler = Callable[[dict[str, Any]], dict[str, Any]]
OTHER_NUMBER = "+18445550199"


@pytest.fixture
def handle(dynamodb: Any, sms: Any, lambda_context: Any) -> Iterator[Handler]:
    process_reply.reply_processor.cache_clear()
    sms.add_phone_number(OTHER_NUMBER)
    yield lambda event: process_reply.handler(event, lambda_context)
    process_reply.reply_processor.cache_clear()


def history(dynamodb: Any) -> list[dict[str, Any]]:
    return sorted(AuditTrail(TABLE, dynamodb).history(CUSTOMER), key=lambda i: i["Timestamp"])


def receipt_outcome(dynamodb: Any, inbound_id: str) -> str:
    key = {"PK": {"S": CUSTOMER}, "SK": {"S": f"INBOUND#{inbound_id}"}}
    return dynamodb.get_item(TableName=TABLE, Key=key)["Item"]["Outcome"]["S"]


@pytest.mark.parametrize(
    ("body", "matched_by", "language", "keyword"),
    [
        ("Stop", "KEYWORD", "en", "STOP"),
        ("please stop texting", "WORD", "en", "STOP"),
        ("Quiero darme de baja", "PHRASE", "es", "DARME DE BAJA"),
        ("ARRÊT", "KEYWORD", "fr", "ARRET"),
    ],
)
def test_each_sms_history_item_keeps_how_it_matched_the_text_and_its_times(
    handle: Handler, dynamodb: Any, body: str, matched_by: str, language: str, keyword: str
) -> None:
    # Given a reply received at a known time
    handle(sns_event(body, inbound_id="in-1", timestamp="2025-05-01T12:00:00.000Z"))

    # Then its history item is the evidence of why and when it was honoured
    (item,) = history(dynamodb)
    assert (item["MatchedBy"], item["Language"], item["Response"]) == (matched_by, language, keyword)
    assert (item["ReplyText"], item["Timestamp"]) == (body, "2025-05-01T12:00:00.000Z")
    assert item["Timestamp"] < item["RecordedAt"] <= item["ConfirmedAt"]


def test_the_history_command_shows_the_evidence(handle: Handler, dynamodb: Any) -> None:
    handle(sns_event("please stop texting", inbound_id="in-1", timestamp="2025-05-01T12:00:00.000Z"))

    out = io.StringIO()
    assert main(["--table", TABLE, "history", CUSTOMER], out=out) == 0
    header, row = out.getvalue().splitlines()
    assert all(h in header for h in ("matched by", "language", "reply text", "recorded at", "confirmed at"))
    assert "WORD" in row and " en " in row and "please stop texting" in row

    out = io.StringIO()
    main(["--table", TABLE, "history", CUSTOMER, "--json"], out=out)
    (item,) = json.loads(out.getvalue())
    assert {"MatchedBy", "Language", "ReplyText", "Timestamp", "RecordedAt", "ConfirmedAt"} <= item.keys()


def test_a_repeated_stop_is_recorded_but_not_answered_again(handle: Handler, dynamodb: Any, sms: Any) -> None:
    # Given a customer who said STOP and was told so
    handle(sns_event("STOP", inbound_id="in-1", timestamp="2025-05-01T12:00:00.000Z"))

    # When they say it again, in other words
    handle(sns_event("Unsubscribe me now", inbound_id="in-2", timestamp="2025-05-01T12:05:00.000Z"))

    # Then both are in the history, and only the first was answered
    assert [i["ReplyText"] for i in history(dynamodb)] == ["STOP", "Unsubscribe me now"]
    assert len(sms.inbox(CUSTOMER)) == 1
    assert receipt_outcome(dynamodb, "in-2") == "ALREADY_OPTED_OUT"
    assert "ConfirmedAt" not in history(dynamodb)[1]


def test_under_scope_all_a_stop_to_another_of_our_numbers_is_a_repeat(
    handle: Handler, dynamodb: Any, sms: Any
) -> None:
    handle(sns_event("STOP", inbound_id="in-1", timestamp="2025-05-01T12:00:00.000Z"))
    handle(
        sns_event("STOP", inbound_id="in-2", timestamp="2025-05-01T12:05:00.000Z", our_number=OTHER_NUMBER)
    )

    assert len(sms.inbox(CUSTOMER)) == 1


def test_under_scope_origination_a_stop_to_another_number_is_answered(
    handle: Handler, dynamodb: Any, sms: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPT_OUT_SCOPE", "ORIGINATION")

    handle(sns_event("STOP", inbound_id="in-1", timestamp="2025-05-01T12:00:00.000Z"))
    handle(
        sns_event("STOP", inbound_id="in-2", timestamp="2025-05-01T12:05:00.000Z", our_number=OTHER_NUMBER)
    )
    handle(
        sns_event("STOP", inbound_id="in-3", timestamp="2025-05-01T12:06:00.000Z", our_number=OTHER_NUMBER)
    )

    assert [m.origination for m in sms.inbox(CUSTOMER)] == [OUR_NUMBER, OTHER_NUMBER]


def test_a_stop_from_a_customer_opted_out_by_another_channel_is_answered_once(
    handle: Handler, sms: Any
) -> None:
    # Given a customer opted out through the web portal, never told so by SMS
    web = ["--table", TABLE, "opt-out", CUSTOMER, "--channel", "web", "--at", "2025-04-01T00:00:00Z"]
    assert main(web, out=io.StringIO()) == 0

    # When they text STOP, twice
    handle(sns_event("STOP", inbound_id="in-1", timestamp="2025-05-01T12:00:00.000Z"))
    handle(sns_event("STOP", inbound_id="in-2", timestamp="2025-05-01T12:05:00.000Z"))

    # Then the first is answered (CWTA: STOP is answered whether or not they were subscribed), not the second
    assert len(sms.inbox(CUSTOMER)) == 1


def test_a_stop_after_a_start_is_answered_again(handle: Handler, sms: Any) -> None:
    for inbound_id, body, minute in (("in-1", "STOP", "00"), ("in-2", "START", "01"), ("in-3", "STOP", "02")):
        handle(sns_event(body, inbound_id=inbound_id, timestamp=f"2025-05-01T12:{minute}:00.000Z"))

    assert len(sms.inbox(CUSTOMER)) == 3


def test_a_stop_whose_confirmation_failed_is_still_confirmed_on_the_retry(
    handle: Handler, dynamodb: Any, sms: Any
) -> None:
    # Given a STOP recorded, but whose confirmation failed
    event = sns_event("STOP", inbound_id="in-1", timestamp="2025-05-01T12:00:00.000Z")
    sms.fail_next("SendTextMessage", "InternalServerException")  # throttling would be retried in place
    with pytest.raises(Exception, match="InternalServerException"):
        handle(event)
    sms.heal()

    # When Lambda retries it, the customer's own STOP does not count as an earlier one
    handle(event)

    assert len(sms.inbox(CUSTOMER)) == 1 and receipt_outcome(dynamodb, "in-1") == "CONFIRMED"


def test_logs_never_hold_a_body_or_a_full_number(handle: Handler, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="sms_opt_out")
    bodies = ["Stop", "Stop please now", "Para mañana", "HELP", "START"]

    for n, body in enumerate(bodies):
        handle(sns_event(body, inbound_id=f"in-{n}", timestamp=f"2025-05-01T12:0{n}:00.000Z"))

    ours = [r.getMessage() for r in caplog.records if r.name.startswith("sms_opt_out")]
    assert len(ours) >= len(bodies)
    assert not any(CUSTOMER[1:] in line for line in ours)
    assert not any(body in line for line in ours for body in bodies if " " in body)
