"""Replies no rule recognised: kept 90 days (DynamoDB TTL), listed for review, and a reviewer's revocation."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

import process_reply
from sms_opt_out.ops.cli import main
from sms_opt_out.ops.registry import OptOutRegistry
from sms_opt_out.storage.audit_trail import AuditTrail
from sms_opt_out.storage.unrecognised_replies import EXPIRES_AT_ATTRIBUTE, PARTITION
from tests.conftest import CUSTOMER, OUR_NUMBER, TABLE, sns_event

Handler = Callable[[dict[str, Any]], dict[str, Any]]
RECENT = datetime.now(UTC).replace(microsecond=0) - timedelta(days=2)
"""Within the 90 days a reply is kept."""


def at(offset_minutes: int) -> str:
    return (
        (RECENT + timedelta(minutes=offset_minutes)).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    )


@pytest.fixture
def handle(dynamodb: Any, sms: Any, lambda_context: Any) -> Iterator[Handler]:
    process_reply.reply_processor.cache_clear()
    yield lambda event: process_reply.handler(event, lambda_context)
    process_reply.reply_processor.cache_clear()


def cli(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(["--table", TABLE, *argv], out=out)
    return code, out.getvalue()


def kept_items(dynamodb: Any) -> list[dict[str, Any]]:
    return dynamodb.query(
        TableName=TABLE,
        KeyConditionExpression="PK = :pk",
        ExpressionAttributeValues={":pk": {"S": PARTITION}},
    )["Items"]


def test_an_unrecognised_reply_is_kept_90_days_and_not_answered(
    handle: Handler, dynamodb: Any, sms: Any, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)

    # When a reply no rule recognises arrives
    text = "Love that for me. Please make it the last one"
    result = handle(sns_event(text, inbound_id="in-7", timestamp=at(0)))

    # Then it is kept, with the number, our number, the text and the time, for 90 days by TTL
    assert result == {"outcomes": ["UNRECOGNISED"]}
    (item,) = kept_items(dynamodb)
    assert {k: v.get("S") for k, v in item.items() if "S" in v} == {
        "PK": PARTITION,
        "SK": f"{at(0)}#in-7",
        "Customer": CUSTOMER,
        "OID": OUR_NUMBER,
        "ReplyText": "Love that for me. Please make it the last one",
        "Timestamp": at(0),
        "InboundMessageId": "in-7",
        "Intent": "OTHER",
        "Rule": "none",
        "Reason": "no keyword, phrase or revocation word",
        "Policy": "STRICT",
    }
    assert int(item[EXPIRES_AT_ATTRIBUTE]["N"]) == int((RECENT + timedelta(days=90)).timestamp())
    # and nothing is sent, recorded as consent, or logged of its text or number
    assert sms.inbox(CUSTOMER) == [] and AuditTrail(TABLE, dynamodb).history(CUSTOMER) == []
    assert not any("interested" in r.getMessage() or CUSTOMER in r.getMessage() for r in caplog.records)


def test_a_repeated_delivery_keeps_one_item(handle: Handler, dynamodb: Any) -> None:
    event = sns_event("what is this?", inbound_id="in-7", timestamp=at(0))

    handle(event)
    handle(event)

    assert len(kept_items(dynamodb)) == 1


def test_the_replies_command_lists_unrecognised_replies_since_a_time(handle: Handler) -> None:
    handle(sns_event("who is this", inbound_id="in-1", timestamp=at(0)))
    handle(sns_event("Is the store\nopen on Sunday?", inbound_id="in-2", timestamp=at(10)))
    handle(sns_event("STOP", inbound_id="in-3", timestamp=at(20)))

    code, out = cli("replies", "--unrecognised")
    assert code == 0
    header, first, second = out.splitlines()
    assert header.split() == [
        "time", "number", "our", "number", "inbound", "message", "id", "intent", "reason", "reply", "text"
    ]  # fmt: skip
    assert first.split()[:5] == [at(0), CUSTOMER, OUR_NUMBER, "in-1", "OTHER"]
    assert "no keyword, phrase or revocation word" in first
    assert second.endswith("Is the store open on Sunday?")

    code, out = cli("replies", "--unrecognised", "--since", at(5), "--json")
    assert [r["inbound_message_id"] for r in json.loads(out)] == ["in-2"]


def test_a_reply_past_its_90_days_is_not_listed_even_before_ttl_deletes_it(handle: Handler) -> None:
    old = (datetime.now(UTC) - timedelta(days=91)).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    handle(sns_event("who is this", inbound_id="in-old", timestamp=old))

    assert cli("replies", "--unrecognised") == (0, "no unrecognised reply kept\n")


def test_a_reviewer_records_the_revocation_found_in_an_unrecognised_reply(
    handle: Handler, dynamodb: Any
) -> None:
    # Given a reply a reasonable person reads as a revocation, which no rule matched
    handle(sns_event("Love that for me. Please make it the last one", inbound_id="in-7", timestamp=at(0)))

    # When a reviewer records it
    code, out = cli("opt-out", CUSTOMER, "--channel", "sms-review", "--reference", "in-7")

    # Then the customer is opted out from every number, as of the reply's time, with the reference
    assert (code, out) == (0, f"recorded OPT_OUT of {CUSTOMER} for all our numbers via sms-review\n")
    (item,) = AuditTrail(TABLE, dynamodb).history(CUSTOMER)
    assert (item["Channel"], item["Reference"], item["Timestamp"], item["OID"]) == (
        "sms-review",
        "in-7",
        at(0),
        "*",
    )
    assert OptOutRegistry(TABLE).is_opted_out(CUSTOMER, OUR_NUMBER)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ((), "reference: a sms-review opt-out names the reply's inbound message ID"),
        (("--reference", "in-404"), "reference: 'in-404' is no kept unrecognised reply of this number"),
    ],
)
def test_a_review_opt_out_must_name_a_kept_reply_of_that_number(
    handle: Handler, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], message: str
) -> None:
    handle(sns_event("hmm", inbound_id="in-7", timestamp=at(0)))

    code, _ = cli("opt-out", CUSTOMER, "--channel", "sms-review", *argv)

    assert code == 1 and message in capsys.readouterr().err
