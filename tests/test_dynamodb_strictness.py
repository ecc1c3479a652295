"""Every DynamoDB request the product makes is one AWS accepts, checked more strictly than moto does.

Two ways: DynamoDB's documented rules on each request (``sandbox/dynamodb_rules.py``: reserved
words, placeholders, comparisons, item, expression, transaction and batch limits), and a second
emulator, dynalite, which parses every expression with DynamoDB's grammar and messages. The same
paths run on both: replies (STOP, START, HELP, an unrecognised reply, a repeated delivery, a
repeated STOP), the registry, an import of more than one transaction, an export, and the guarded
sender (a batch of more than 100, a keyed send).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import boto3
import pytest

import process_reply
import send_text_message
from sandbox.dynalite_server import DynaliteServer
from sandbox.dynamodb_rules import (
    MAX_ITEM_BYTES,
    check_request,
    expression_violations,
    item_bytes,
)
from sandbox.lambda_context import LambdaContext
from sandbox.sms_simulator import SmsSimulator
from sms_opt_out.domain.leases import Lease
from sms_opt_out.domain.phone_numbers import ALL_NUMBERS
from sms_opt_out.domain.preferences import Action, PreferenceEvent, event_time
from sms_opt_out.ops.migration import ImportRow, OptOutImporter, opted_out_numbers, write_csv
from sms_opt_out.ops.registry import OptOutRegistry
from sms_opt_out.runtime import build_guarded_sender
from sms_opt_out.storage.opt_out_store import OptOutStore
from sms_opt_out.storage.reply_receipts import Receipt
from tests.conftest import CUSTOMER, OUR_NUMBER, TABLE, create_table, sns_event

# DynamoDB's rules, each refused ------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "expression", "refusal"),
    [
        ("ConditionExpression", "Timestamp < :ts", "reserved word 'Timestamp'"),
        ("ConditionExpression", "attribute_not_exists(PK) OR Status = :s", "reserved word 'Status'"),
        ("UpdateExpression", "SET Source = :s", "reserved word 'Source'"),
        ("FilterExpression", "#o.Action = :a", "reserved word 'Action'"),
        ("ProjectionExpression", "PK, Number", "reserved word 'Number'"),
        ("ConditionExpression", "#o.#ts = :ts AND :action = :opt_out", "compares two values"),
        ("ConditionExpression", "#a = :" + "v" * 4100, "over DynamoDB's 4096"),
    ],
)
def test_what_dynamodb_refuses_in_an_expression_is_refused(kind: str, expression: str, refusal: str) -> None:
    assert any(refusal in v for v in expression_violations(kind, expression))


@pytest.mark.parametrize(
    ("kind", "expression"),
    [
        ("ConditionExpression", "attribute_not_exists(PK) OR #until < :now"),
        ("ConditionExpression", "attribute_not_exists(#o) OR #o.#ts <= :ts"),
        ("UpdateExpression", "SET ConfirmedAt = if_not_exists(ConfirmedAt, :at)"),
        ("UpdateExpression", "REMOVE #owner, #until"),
        ("KeyConditionExpression", "PK = :pk AND SK >= :since"),
        ("ConditionExpression", "NOT contains(#tags, :t) AND #n BETWEEN :a AND :b"),
    ],
)
def test_what_dynamodb_accepts_in_an_expression_is_accepted(kind: str, expression: str) -> None:
    assert list(expression_violations(kind, expression)) == []


def update(**changes: Any) -> dict[str, Any]:
    return {
        "TableName": TABLE,
        "Key": {"PK": {"S": CUSTOMER}, "SK": {"S": "STATE"}},
        "UpdateExpression": "SET #o = :entry",
        "ExpressionAttributeNames": {"#o": "*"},
        "ExpressionAttributeValues": {":entry": {"S": "x"}},
    } | changes


@pytest.mark.parametrize(
    ("operation", "params", "refusal"),
    [
        ("UpdateItem", update(ExpressionAttributeNames={"#o": "*", "#x": "y"}), "defines #x, which no"),
        ("UpdateItem", update(ExpressionAttributeValues={":entry": {"S": "x"}, ":y": {}}), "defines :y"),
        ("UpdateItem", update(UpdateExpression="SET #o = :entry, #p = :entry"), "does not define #p"),
        ("UpdateItem", update(ConditionExpression="#o <> :other"), "does not define :other"),
        (
            "Query",
            {"TableName": TABLE, "KeyConditionExpression": "PK = :pk", "ExpressionAttributeNames": {},
             "ExpressionAttributeValues": {":pk": {"S": CUSTOMER}}},
            "ExpressionAttributeNames must not be empty",
        ),
        (
            "PutItem",
            {"TableName": TABLE, "Item": {"PK": {"S": CUSTOMER}, "Body": {"S": "x" * MAX_ITEM_BYTES}}},
            "over DynamoDB's 409600 for an item",
        ),
        (
            "TransactWriteItems",
            {"TransactItems": [{"Update": update()}, {"Update": update(UpdateExpression="SET #o = :entry")}]},
            "two actions on one item",
        ),
        (
            "TransactWriteItems",
            {"TransactItems": [{"Update": update(Key={"PK": {"S": f"+1415555{i:04}"}, "SK": {"S": "STATE"}})}
                               for i in range(101)]},
            "101 actions, over DynamoDB's 100",
        ),
        (
            "BatchGetItem",
            {"RequestItems": {TABLE: {"Keys": [{"PK": {"S": f"+1415555{i:04}"}, "SK": {"S": "STATE"}}
                                               for i in range(101)]}}},
            "101 keys, over DynamoDB's 100",
        ),
        (
            "BatchGetItem",
            {"RequestItems": {TABLE: {"Keys": [{"PK": {"S": CUSTOMER}, "SK": {"S": "STATE"}}] * 2}}},
            "asks for a key of SMSOptOut twice",
        ),
    ],
)  # fmt: skip
def test_what_dynamodb_refuses_in_a_request_is_refused(operation: str, params: Any, refusal: str) -> None:
    assert any(refusal in v for v in check_request(operation, params)), check_request(operation, params)


def test_an_items_size_counts_names_and_values_as_dynamodb_does() -> None:
    item: dict[str, Any] = {
        "PK": {"S": "+14155550123"},
        "N": {"N": "123.45"},
        "M": {"M": {"a": {"BOOL": True}}},
    }

    assert item_bytes(item) == (2 + 12) + (1 + 4) + (1 + 3 + 1 + 1 + 1)


# The product's requests, on moto with the rules and on dynalite ------------------------------


MOTO, DYNALITE = "moto with DynamoDB's rules", "dynalite"


@pytest.fixture(params=[MOTO, DYNALITE])
def table(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """The opt-out table on a moto server or on dynalite; on both, conftest checks every request
    against DynamoDB's rules, and a refused request fails the test even when the code caught it."""
    dynalite = DynaliteServer() if request.param == DYNALITE else None
    if dynalite is None:
        client = request.getfixturevalue("moto_server")
    else:
        dynalite.start()
        monkeypatch.setenv("AWS_ENDPOINT_URL_DYNAMODB", dynalite.endpoint_url)
        client = boto3.client("dynamodb")
        create_table(client)
    yield client  # every request checked by conftest's dynamodb_as_strict_as_aws
    if dynalite is not None:
        dynalite.stop()


@pytest.fixture
def reply(table: Any, sms: SmsSimulator) -> Iterator[Callable[..., dict[str, Any]]]:
    process_reply.reply_processor.cache_clear()
    context = LambdaContext(function_name="reply")
    yield lambda body, **event: process_reply.handler(sns_event(body, **event), context)
    process_reply.reply_processor.cache_clear()


@pytest.fixture
def send(table: Any, sms: SmsSimulator, monkeypatch: pytest.MonkeyPatch) -> Callable[[Any], dict[str, Any]]:
    session = boto3.session.Session()
    monkeypatch.setattr(send_text_message, "guarded_sender", lambda: build_guarded_sender(session.client))
    context = LambdaContext(function_name="send")
    return lambda event: send_text_message.handler(event, context)


MOTO_ONLY = pytest.mark.parametrize("table", [MOTO], indirect=True)
"""dynalite 4.0.0 (npm's latest) answers TransactWriteItems with UnknownOperationException: a reply's
receipt and history item, and an import, are written by one; those paths run on moto with the rules."""


def minutes_ago(minutes: int) -> str:
    """A reply's time: recent, so a kept unrecognised reply has not expired."""
    return event_time(datetime.now(UTC) - timedelta(minutes=minutes))


@MOTO_ONLY
def test_replies_of_every_kind(reply: Callable[..., dict[str, Any]], table: Any, sms: SmsSimulator) -> None:
    reply("STOP", inbound_id="in-1", timestamp=minutes_ago(10))
    reply("STOP", inbound_id="in-1", timestamp=minutes_ago(10))  # a repeated delivery
    reply("STOP", inbound_id="in-2", timestamp=minutes_ago(9))  # a repeated STOP
    reply("HELP", inbound_id="in-3", timestamp=minutes_ago(8))
    reply("what time do you open?", inbound_id="in-4", timestamp=minutes_ago(7))
    reply("START", inbound_id="in-5", timestamp=minutes_ago(6))
    reply("ARRET", inbound_id="in-6", timestamp=minutes_ago(5))

    registry = OptOutRegistry(TABLE)
    assert [s.action.value for s in registry.status(CUSTOMER)] == ["OPT_OUT"]
    assert len(registry.history(CUSTOMER)) == 4
    assert len(registry.unrecognised_replies()) == 1
    assert len(sms.inbox(CUSTOMER)) == 4  # STOP, HELP, START and ARRET, each once; a repeated STOP is not


def test_a_replys_lease_and_apply(table: Any) -> None:
    """The requests of a reply but its transactions (dynalite has none), on both emulators."""
    store = OptOutStore.of(TABLE, table)
    event = PreferenceEvent(CUSTOMER, ALL_NUMBERS, minutes_ago(5), Action.OPT_OUT, "STOP", "sms", "in-1")
    lease = Lease("container-1/in-1", 2_000_000_000_000)

    assert store.leases.claim(CUSTOMER, lease, now_ms=1_000_000_000_000) is not None
    assert (
        store.leases.claim(CUSTOMER, Lease("container-2/in-1", lease.until_ms), now_ms=1_000_000_000_000)
        is None
    )
    assert store.writes.apply(event) is not None
    store.leases.release(CUSTOMER, lease)
    store.leases.release(CUSTOMER, lease)  # no longer ours: nothing changes
    assert OptOutRegistry(TABLE).is_opted_out(CUSTOMER, OUR_NUMBER)


@MOTO_ONLY
def test_a_replys_record_and_finish(table: Any) -> None:
    """The reply's two transactions: receipt and history, then settle, confirm and release in one write."""
    store = OptOutStore.of(TABLE, table)
    event = PreferenceEvent(CUSTOMER, ALL_NUMBERS, minutes_ago(5), Action.OPT_OUT, "STOP", "sms", "in-1")
    receipt = Receipt(CUSTOMER, "in-1", "OPT_OUT")
    lease = Lease("container-1/in-1", 2_000_000_000_000)

    assert store.leases.claim(CUSTOMER, lease, now_ms=1_000_000_000_000) is not None
    assert store.writes.record(event) and store.writes.apply(event) is not None
    store.receipts.finish_reply(receipt, "CONFIRMED", lease, "message-1", confirmed=(event, minutes_ago(4)))

    key = {"PK": {"S": CUSTOMER}, "SK": {"S": "INBOUND#in-1"}}
    assert table.get_item(TableName=TABLE, Key=key)["Item"]["Outcome"] == {"S": "CONFIRMED"}
    assert OptOutRegistry(TABLE).is_opted_out(CUSTOMER, OUR_NUMBER)


def test_the_registry_records_reads_and_reviews(table: Any) -> None:
    registry = OptOutRegistry(TABLE)
    registry.opt_in(CUSTOMER, channel="web", consent_reference="form-1", at="2025-05-01T12:00:00Z")
    registry.opt_out(CUSTOMER, channel="call-centre", origination=OUR_NUMBER, at="2025-05-01T12:01:00Z")
    registry.opt_out(CUSTOMER, channel="call-centre", origination=OUR_NUMBER, at="2025-05-01T12:00:30Z")

    assert registry.is_opted_out(CUSTOMER, OUR_NUMBER)
    assert len(registry.history(CUSTOMER)) == 3


@MOTO_ONLY
def test_an_import_of_several_transactions_and_its_export(table: Any) -> None:
    rows = [ImportRow(i, f"+1415555{i:04}", timestamp="2024-01-01") for i in range(1, 251)]
    rows.append(ImportRow(251, "+14155550001", origination=OUR_NUMBER, timestamp="2024-01-02"))
    store = OptOutStore.of(TABLE, table)

    report = OptOutImporter(store).run(rows, source="csv")
    again = OptOutImporter(store).run(rows, source="csv")

    assert (report.imported, again.already_present) == (251, 251)
    assert write_csv(opted_out_numbers(store), io.StringIO()) == 251  # one row per number and origination


def test_the_sender_checks_a_batch_of_more_than_100_and_sends_a_keyed_request_once(
    send: Callable[[Any], dict[str, Any]], sms: SmsSimulator
) -> None:
    OptOutRegistry(TABLE).opt_out("+14155550007", channel="web", at="2025-05-01T12:00:00Z")
    batch = [
        {"DestinationPhoneNumber": f"+1415555{i:04}", "OriginationIdentity": OUR_NUMBER, "MessageBody": "Hi"}
        for i in range(1, 151)
    ]
    keyed = {"DestinationPhoneNumber": CUSTOMER, "OriginationIdentity": OUR_NUMBER, "MessageBody": "Once",
             "IdempotencyKey": "order-1"}  # fmt: skip

    results = send({"messages": batch})["results"]
    first, second = send(keyed), send(keyed)

    assert [r["status"] for r in results].count("OPTED_OUT") == 1
    assert first["status"] == "SENT" and second["messageId"] == first["messageId"]
    assert [m.body for m in sms.inbox(CUSTOMER)].count("Once") == 1
