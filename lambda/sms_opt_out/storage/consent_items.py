"""The customer's items of the ``SMSOptOut`` table, and how they are written and read as values.

Items under one partition (``PK`` = the customer's E.164 number):

- history: ``SK`` = ``<origination>#<event time>#<KEYWORD>``, one per opt-out or opt-in (the audit
  trail), never changed but for the ``ConfirmedAt`` an SMS reply's item gains once answered;
  ``<origination>`` is ``*`` for an event that applies to all of our numbers;
- state: ``SK`` = ``STATE``, one attribute per origination number (and ``*``) holding the latest
  event for it, so one BatchGetItem reads the consent of 100 customers; an imported opt-out
  also leaves its audit record there, as an ``IMPORT#<event id>`` attribute (one conditional
  update per imported number, 100 to a TransactWriteItems: 100,000 numbers take 1,000 requests);
  an opt-out learned from an AWS opt-out list (``aws_opt_out_lists``) is an ``AWSLIST#<origination>``
  attribute, read as an opt-out of that origination and kept as its audit record; when we last removed
  the customer from an AWS opt-out list is ``LISTREMOVAL#<list name>`` (``opt_out_list_removal``);
- receipt: ``SK`` = ``INBOUND#<inboundMessageId>``, one per handled inbound message, so a
  repeated delivery adds nothing and texts nobody twice.

While a reply is answered, the state item also carries its customer's lease (``consent_leases``).
Each access pattern has a module of its own: ``reply_receipts``, ``consent_leases``,
``consent_writes``, ``consent_states``, ``audit_trail``, ``opt_out_imports``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import Any

from botocore.exceptions import ClientError

from sms_opt_out.contract import (
    AWS_LIST_PREFIX,
    BLOCKED_COUNT_ATTRIBUTE,
    IMPORT_PREFIX,
    LIST_REMOVAL_PREFIX,
    SUPPRESSION_ATTRIBUTE,
)
from sms_opt_out.domain.leases import OWNER_ATTRIBUTE, UNTIL_ATTRIBUTE
from sms_opt_out.domain.phone_numbers import ALL_NUMBERS
from sms_opt_out.domain.preferences import Action, ConsentState, PreferenceEvent, StateEntry

STATE_SORT_KEY = "STATE"
BATCH_GET_LIMIT = 100
UNPROCESSED_RETRIES = 8
NOT_ENTRY_PREFIXES = (IMPORT_PREFIX, AWS_LIST_PREFIX, LIST_REMOVAL_PREFIX)
"""Attributes of a state item that are records, not an origination's entry."""
NOT_ENTRIES = frozenset(
    {"PK", "SK", OWNER_ATTRIBUTE, UNTIL_ATTRIBUTE, SUPPRESSION_ATTRIBUTE, BLOCKED_COUNT_ATTRIBUTE}
)
"""Attributes of a state item that are not an origination's entry."""


def to_attr(value: Any) -> dict[str, Any]:
    if isinstance(value, Mapping):
        return {"M": {k: to_attr(v) for k, v in value.items()}}
    return {"S": str(value)}


def from_attr(attr: Mapping[str, Any]) -> Any:
    if "M" in attr:
        return {k: from_attr(v) for k, v in attr["M"].items()}
    (value,) = attr.values()
    return value


def item(**attributes: Any) -> dict[str, Any]:
    """DynamoDB attribute values of ``attributes`` (None left out)."""
    return {k: to_attr(v) for k, v in attributes.items() if v is not None}


def plain(stored: Mapping[str, Any]) -> dict[str, Any]:
    """A stored item's attributes as plain values."""
    return {k: from_attr(v) for k, v in stored.items()}


def condition_failed(error: ClientError) -> bool:
    return bool(error.response["Error"]["Code"] == "ConditionalCheckFailedException")


def consent_state(state_item: Mapping[str, Any]) -> ConsentState:
    """The latest event per origination; an ``AWSLIST#`` record counts as an opt-out of its origination
    (whatever it holds: whoever wrote it can add an opt-out, never consent)."""
    values = plain(state_item)
    entries = {
        k: StateEntry.from_item(v)
        for k, v in values.items()
        if k not in NOT_ENTRIES and not k.startswith(NOT_ENTRY_PREFIXES)
    }
    for name, value in values.items():
        if name.startswith(AWS_LIST_PREFIX):
            learned = replace(StateEntry.from_item(value), action=Action.OPT_OUT)
            key = name.removeprefix(AWS_LIST_PREFIX)
            if key not in entries or learned.precedence() > entries[key].precedence():
                entries[key] = learned
    suppression = values.get(SUPPRESSION_ATTRIBUTE)
    return ConsentState(
        entries, suppression.get("Reason", "SUPPRESSED") if isinstance(suppression, dict) else None
    )


def imported_events(state_item: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    """The audit records that imports and AWS opt-out lists keep on a state item, as history items."""
    for name, value in state_item.items():
        if name.startswith((IMPORT_PREFIX, AWS_LIST_PREFIX)):
            record = from_attr(value)
            sort_key = f"{record['OID']}#{record['Timestamp']}#{record['Response']}"
            yield {"PK": state_item["PK"]["S"], "SK": sort_key, **record}


def suppression_event(state_item: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    """A state item's suppression (``suppressions``), shaped as a history item."""
    if SUPPRESSION_ATTRIBUTE in state_item:
        record = from_attr(state_item[SUPPRESSION_ATTRIBUTE])
        yield {
            "PK": state_item["PK"]["S"],
            "SK": SUPPRESSION_ATTRIBUTE.upper(),
            "OID": ALL_NUMBERS,
            "Timestamp": record["Since"],
            "Action": "SUPPRESSED",
            "Response": record["Reason"],
            "Channel": "delivery-event",
            "EventId": record.get("MessageId", "-"),
            "EventType": record.get("EventType", "-"),
            "Description": record.get("Description", "-"),
        }


def history_item(event: PreferenceEvent) -> dict[str, Any]:
    """``event``'s item in the audit trail."""
    return item(PK=event.customer, SK=event.history_sort_key, **event.history_item())


def state_update(table_name: str, event: PreferenceEvent) -> dict[str, Any]:
    """UpdateItem parameters that make ``event`` its origination's state unless a later one is.

    At the same time, an opt-out wins: the comparison is chosen here, by the event's action,
    rather than written as a comparison of two values that DynamoDB would have to evaluate.
    """
    no_earlier = "<=" if event.action is Action.OPT_OUT else "<"
    return {
        "TableName": table_name,
        "Key": item(PK=event.customer, SK=STATE_SORT_KEY),
        "UpdateExpression": "SET #o = :entry",
        "ConditionExpression": f"attribute_not_exists(#o) OR #o.#ts {no_earlier} :ts",
        "ExpressionAttributeNames": {"#o": event.origination, "#ts": "Timestamp"},
        "ExpressionAttributeValues": item(**{":entry": event.state_entry(), ":ts": event.timestamp}),
    }
