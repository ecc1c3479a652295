"""The importer's writes: every one conditional, so a reply recorded meanwhile is never erased."""

from __future__ import annotations

import threading
from typing import Any

import boto3

from sandbox.request_counter import RequestCounter
from sms_opt_out.domain.consent import is_blocked
from sms_opt_out.domain.preferences import Action, PreferenceEvent, Scope
from sms_opt_out.ops.migration import ImportRow, OptOutImporter
from sms_opt_out.storage.consent_writes import ConsentWrites
from sms_opt_out.storage.opt_out_store import OptOutStore
from tests.conftest import CUSTOMER, OUR_NUMBER, TABLE, join_all

OTHER = "+18445550199"


def reply(customer: str, origination: str, action: Action, at: str) -> PreferenceEvent:
    keyword = "STOP" if action is Action.OPT_OUT else "START"
    return PreferenceEvent(customer, origination, at, action, keyword, "SMS", f"inbound-{customer}-{at}")


def import_with_a_reply_in_between(rows: list[ImportRow], replies: list[PreferenceEvent]) -> Any:
    """Run an import against the moto server whose first read is followed, before any write, by
    ``replies`` recorded on another thread with a client of its own (the reply function, meanwhile)."""
    importer_client = boto3.client("dynamodb")
    reply_store = OptOutStore.of(TABLE, boto3.client("dynamodb"))
    recorded: list[bool] = []

    def record_replies(**_: Any) -> None:
        if recorded:
            return
        worker = threading.Thread(
            target=lambda: recorded.extend(reply_store.writes.record(e) for e in replies)
        )
        worker.start()
        join_all([worker])

    importer_client.meta.events.register("after-call.dynamodb.BatchGetItem", record_replies)
    report = OptOutImporter(OptOutStore.of(TABLE, importer_client)).run(rows, source="old.csv")
    assert recorded == [True] * len(replies), "every reply was recorded between the read and the write"
    return report, reply_store


def test_a_reply_recorded_between_the_imports_read_and_write_is_not_erased(moto_server: Any) -> None:
    # Given: a brand-new customer, in an import for our other number
    rows = [ImportRow(2, CUSTOMER, OTHER, "2024-01-01T00:00:00Z"), ImportRow(3, "+14155550101", OTHER)]
    # When: the customer replies STOP to our number after the import read their (missing) state
    stop = reply(CUSTOMER, OUR_NUMBER, Action.OPT_OUT, "2025-05-01T12:00:00.000Z")
    report, store = import_with_a_reply_in_between(rows, [stop])

    # Then: both the reply and the import are in force
    assert (report.imported, report.invalid) == (2, [])
    state = store.states.consent_states([CUSTOMER])[CUSTOMER]
    assert is_blocked(state, OUR_NUMBER, Scope.ORIGINATION), "the STOP is still enforced"
    assert is_blocked(state, OTHER, Scope.ORIGINATION)


def test_a_later_opt_in_recorded_meanwhile_supersedes_that_row_and_the_others_import(
    moto_server: Any,
) -> None:
    rows = [ImportRow(2 + n, f"+1415555010{n}", OUR_NUMBER, "2024-01-01T00:00:00Z") for n in range(3)]
    start = reply("+14155550101", OUR_NUMBER, Action.OPT_IN, "2025-05-01T12:00:00.000Z")

    report, store = import_with_a_reply_in_between(rows, [start])

    assert (report.imported, report.superseded) == (2, 1)
    states = store.states.consent_states(row.number for row in rows)
    blocked = [is_blocked(states[row.number], OUR_NUMBER, Scope.ORIGINATION) for row in rows]
    assert blocked == [True, False, True]


def test_every_state_write_of_an_import_is_conditional_and_100_ride_in_one_request(dynamodb: Any) -> None:
    session_counter = RequestCounter()
    conditions: list[bool] = []

    def check(params: dict[str, Any], **_: Any) -> None:
        conditions.extend("ConditionExpression" in item["Update"] for item in params["TransactItems"])

    session_counter.session.events.register("provide-client-params.dynamodb.TransactWriteItems", check)
    ConsentWrites(TABLE, dynamodb).apply(
        reply("+14155550100", OUR_NUMBER, Action.OPT_IN, "2020-01-01T00:00:00.000Z")
    )
    store = OptOutStore.of(TABLE, session_counter.client("dynamodb"))
    rows = [ImportRow(n + 2, f"+1415555{n:04d}") for n in range(250)]

    report = OptOutImporter(store).run(rows, source="list.csv")

    assert (report.imported, report.write_requests, report.read_requests) == (250, 3, 3)
    assert len(conditions) == 250 and all(conditions)
    assert session_counter.requests == {"dynamodb:BatchGetItem": 3, "dynamodb:TransactWriteItems": 3}
