"""Reads of the audit trail: a customer's opt-outs and opt-ins (one strongly consistent Query of their
partition) and every customer's state with its import records (a Scan, for exports):
``grant_read_preferences``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from sms_opt_out.contract import RECEIPT_PREFIX
from sms_opt_out.domain.preferences import Action, ConsentState, StateEntry
from sms_opt_out.storage.consent_items import (
    STATE_SORT_KEY,
    consent_state,
    imported_events,
    item,
    plain,
    suppression_event,
)

PREFERENCE_ACTIONS = frozenset(action.value for action in Action)
"""The history items that are opt-outs and opt-ins (the partition also keeps delivery events)."""
Answered = list[tuple[str, StateEntry, bool]]
"""Events as (origination key, entry, whether its reply was confirmed)."""


class AuditTrail:
    """Reads the history of a customer, and the states of all (for exports)."""

    def __init__(self, table_name: str, client: Any) -> None:
        self.table_name = table_name
        self._client = client

    def history(self, customer: str) -> list[dict[str, Any]]:
        """Every opt-out and opt-in of ``customer``, oldest first within each origination."""
        return list(history_of(partition(self._client, self.table_name, customer)))

    def answered_history(self, customer: str) -> Answered:
        """Every event of ``customer`` as (origination key, entry, whether its reply was confirmed),
        read by a strongly consistent Query of the customer's own items."""
        return answered(self.history(customer))

    def state_items(self) -> Iterator[tuple[str, ConsentState, dict[str, dict[str, Any]]]]:
        """Every customer's consent state, with the audit records its imports keep there by event ID
        (a Scan: for exports, not for the send path)."""
        kwargs: dict[str, Any] = {
            "TableName": self.table_name,
            "FilterExpression": "SK = :state",
            "ExpressionAttributeValues": item(**{":state": STATE_SORT_KEY}),
        }
        while True:
            response = self._client.scan(**kwargs)
            for found in response["Items"]:
                imported = {record["EventId"]: record for record in imported_events(found)}
                yield found["PK"]["S"], consent_state(found), imported
            if "LastEvaluatedKey" not in response:
                return
            kwargs["ExclusiveStartKey"] = response["LastEvaluatedKey"]


def partition(client: Any, table_name: str, customer: str) -> Iterator[dict[str, Any]]:
    """Every item of ``customer`` (strongly consistent Query, page by page)."""
    kwargs: dict[str, Any] = {
        "TableName": table_name,
        "KeyConditionExpression": "PK = :pk",
        "ExpressionAttributeValues": item(**{":pk": customer}),
        "ConsistentRead": True,
    }
    while True:
        response = client.query(**kwargs)
        yield from response["Items"]
        if "LastEvaluatedKey" not in response:
            return
        kwargs["ExclusiveStartKey"] = response["LastEvaluatedKey"]


def history_of(items: Iterable[Mapping[str, Any]]) -> Iterator[dict[str, Any]]:
    """The history items among a partition's items, with the records its state item keeps."""
    for found in items:
        sort_key = found["SK"]["S"]
        if sort_key == STATE_SORT_KEY:
            yield from imported_events(found)
            yield from suppression_event(found)
        elif not sort_key.startswith(RECEIPT_PREFIX):
            yield plain(found)


def answered(history: list[dict[str, Any]]) -> Answered:
    """The opt-outs and opt-ins of ``history`` as (origination key, entry, whether confirmed)."""
    return [
        (event["OID"], StateEntry.from_history_item(event), "ConfirmedAt" in event)
        for event in history
        if {"OID", "Action", "Timestamp"} <= event.keys() and event["Action"] in PREFERENCE_ACTIONS
    ]
