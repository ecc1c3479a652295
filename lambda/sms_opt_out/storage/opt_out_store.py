"""DynamoDB adapter for the ``SMSOptOut`` table.

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

While a reply is answered, the state item also carries its customer's lease (``leases.py``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from botocore.exceptions import ClientError

from sms_opt_out.domain.leases import OWNER_ATTRIBUTE, UNTIL_ATTRIBUTE, Lease
from sms_opt_out.domain.phone_numbers import ALL_NUMBERS, mask
from sms_opt_out.domain.preferences import NO_EVENTS, Action, ConsentState, PreferenceEvent, StateEntry
from sms_opt_out.errors import StateUnavailableError
from sms_opt_out.storage.suppressions import BLOCKED_COUNT_ATTRIBUTE, SUPPRESSION_ATTRIBUTE

_PREFERENCE_ACTIONS = frozenset(action.value for action in Action)
"""The history items that are opt-outs and opt-ins (the partition also keeps delivery events)."""
logger = logging.getLogger(__name__)

STATE_SORT_KEY = "STATE"
RECEIPT_PREFIX = "INBOUND#"
BATCH_GET_LIMIT = 100
UNPROCESSED_RETRIES = 8
TRANSACT_WRITE_LIMIT = 100
RETRIED_CANCELLATIONS = frozenset(
    {"None", "TransactionConflict", "ThrottlingError", "ProvisionedThroughputExceeded"}
)
"""Cancellation reasons of a transaction item that a second attempt may cure ("None": another item
of the transaction failed)."""
IMPORT_PREFIX = "IMPORT#"
AWS_LIST_PREFIX = "AWSLIST#"
"""A state item's attribute holding an opt-out learned from an AWS opt-out list, per origination."""
LIST_REMOVAL_PREFIX = "LISTREMOVAL#"
"""A state item's attribute holding when we last removed the customer from an AWS opt-out list (by name)."""
NOT_ENTRY_PREFIXES = (IMPORT_PREFIX, AWS_LIST_PREFIX, LIST_REMOVAL_PREFIX)
"""Attributes of a state item that are records, not an origination's entry."""
NOT_ENTRIES = frozenset(
    {"PK", "SK", OWNER_ATTRIBUTE, UNTIL_ATTRIBUTE, SUPPRESSION_ATTRIBUTE, BLOCKED_COUNT_ATTRIBUTE}
)
"""Attributes of a state item that are not an origination's entry."""


@dataclass
class ImportWrite:
    """What ``write_imported`` did: the events now applied, those a later event beat meanwhile."""

    imported: list[PreferenceEvent] = field(default_factory=list)
    changed_meanwhile: list[PreferenceEvent] = field(default_factory=list)
    requests: int = 0


@dataclass(frozen=True)
class Claim:
    """What ``apply_and_claim`` did: the customer's consent state (as written, or as found), whether the
    event is (now, or already) its origination's latest, and whether the customer's lease is ours."""

    state: ConsentState
    applied: bool
    leased: bool


@dataclass(frozen=True)
class Receipt:
    """What was done for one inbound message; ``outcome`` is None until it is settled."""

    customer: str
    inbound_message_id: str
    intent: str
    outcome: str | None = None
    confirmation_message_id: str | None = None


def _to_attr(value: Any) -> dict[str, Any]:
    if isinstance(value, Mapping):
        return {"M": {k: _to_attr(v) for k, v in value.items()}}
    return {"S": str(value)}


def _from_attr(attr: Mapping[str, Any]) -> Any:
    if "M" in attr:
        return {k: _from_attr(v) for k, v in attr["M"].items()}
    (value,) = attr.values()
    return value


def _consent_state(item: Mapping[str, Any]) -> ConsentState:
    """The latest event per origination; an ``AWSLIST#`` record counts as an opt-out of its origination
    (whatever it holds: whoever wrote it can add an opt-out, never consent)."""
    plain = _plain(item)
    entries = {
        k: StateEntry.from_item(v)
        for k, v in plain.items()
        if k not in NOT_ENTRIES and not k.startswith(NOT_ENTRY_PREFIXES)
    }
    for name, value in plain.items():
        if name.startswith(AWS_LIST_PREFIX):
            learned = replace(StateEntry.from_item(value), action=Action.OPT_OUT)
            key = name.removeprefix(AWS_LIST_PREFIX)
            if key not in entries or learned.precedence() > entries[key].precedence():
                entries[key] = learned
    suppression = plain.get(SUPPRESSION_ATTRIBUTE)
    return ConsentState(
        entries, suppression.get("Reason", "SUPPRESSED") if isinstance(suppression, dict) else None
    )


def _imported_events(state_item: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    """The audit records that imports and AWS opt-out lists keep on a state item, as history items."""
    for name, value in state_item.items():
        if name.startswith((IMPORT_PREFIX, AWS_LIST_PREFIX)):
            record = _from_attr(value)
            sort_key = f"{record['OID']}#{record['Timestamp']}#{record['Response']}"
            yield {"PK": state_item["PK"]["S"], "SK": sort_key, **record}


def _suppression_event(state_item: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    """A state item's suppression (``suppressions``), shaped as a history item."""
    if SUPPRESSION_ATTRIBUTE in state_item:
        record = _from_attr(state_item[SUPPRESSION_ATTRIBUTE])
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


def _sort_cancellations(
    error: ClientError, events: list[PreferenceEvent], written: ImportWrite
) -> tuple[list[PreferenceEvent], bool]:
    """Sort the events of a cancelled transaction by their item's reason: a failed condition goes to
    ``written.changed_meanwhile``; the rest are returned to try again, with whether any was throttled
    or in conflict (worth a pause). Any other reason, or another error, is raised."""
    reasons = error.response.get("CancellationReasons") or []
    if error.response["Error"]["Code"] != "TransactionCanceledException" or len(reasons) != len(events):
        raise error
    retry: list[PreferenceEvent] = []
    transient = False
    for event, reason in zip(events, reasons, strict=True):
        code = reason.get("Code") or "None"
        if code == "ConditionalCheckFailed":
            written.changed_meanwhile.append(event)
        elif code in RETRIED_CANCELLATIONS:
            retry.append(event)
            transient = transient or code != "None"
        else:
            raise error
    return retry, transient


def _condition_failed(error: ClientError) -> bool:
    return bool(error.response["Error"]["Code"] == "ConditionalCheckFailedException")


_LEASE_FREE = "attribute_not_exists(#until) OR #until < :now"
"""The condition of taking a customer's lease: nobody holds it, or its holder's term ran out."""


def _lease_values(lease: Lease, now_ms: int) -> dict[str, Any]:
    return {":owner": {"S": lease.owner}, ":until": {"N": str(lease.until_ms)}, ":now": {"N": str(now_ms)}}


def _lease_free(item: Mapping[str, Any], now_ms: int) -> bool:
    """``_LEASE_FREE`` of a state item as read (to tell which part of a failed condition failed)."""
    return UNTIL_ATTRIBUTE not in item or int(item[UNTIL_ATTRIBUTE]["N"]) < now_ms


def _lease_expired(customer: str) -> None:
    logger.warning("the lease of %s had expired before it was released", mask(customer))


def _item(**attributes: Any) -> dict[str, Any]:
    return {k: _to_attr(v) for k, v in attributes.items() if v is not None}


def _plain(item: Mapping[str, Any]) -> dict[str, Any]:
    return {k: _from_attr(v) for k, v in item.items()}


class OptOutStore:
    """Reads and writes opt-out history, consent state and receipts."""

    def __init__(self, table_name: str, client: Any) -> None:
        self.table_name = table_name
        self._client = client

    # Replies -----------------------------------------------------------------------------

    def begin_reply(self, receipt: Receipt, event: PreferenceEvent | None) -> Receipt | None:
        """Write the receipt (and the history item) once; return the earlier receipt on a repeat."""
        items: list[dict[str, Any]] = [
            {
                "Put": {
                    "TableName": self.table_name,
                    "Item": _item(
                        PK=receipt.customer,
                        SK=RECEIPT_PREFIX + receipt.inbound_message_id,
                        Intent=receipt.intent,
                        HistorySK=event.history_sort_key if event else None,
                    ),
                    "ConditionExpression": "attribute_not_exists(PK)",
                    "ReturnValuesOnConditionCheckFailure": "ALL_OLD",
                }
            }
        ]
        if event is not None:
            history = _item(PK=event.customer, SK=event.history_sort_key, **event.history_item())
            items.append({"Put": {"TableName": self.table_name, "Item": history}})
        try:
            self._client.transact_write_items(TransactItems=items)
        except ClientError as error:
            reasons = error.response.get("CancellationReasons") or []
            if not reasons or reasons[0].get("Code") != "ConditionalCheckFailed":
                raise
            return self._receipt_from(reasons[0].get("Item")) or self.get_receipt(receipt)
        return None

    def get_receipt(self, receipt: Receipt) -> Receipt:
        """The receipt as it is stored now (strongly consistent)."""
        response = self._client.get_item(
            TableName=self.table_name,
            Key=_item(PK=receipt.customer, SK=RECEIPT_PREFIX + receipt.inbound_message_id),
            ConsistentRead=True,
        )
        found = self._receipt_from(response.get("Item"))
        if found is None:
            raise StateUnavailableError("the receipt of a repeated delivery could not be read")
        return found

    @staticmethod
    def _receipt_from(item: Mapping[str, Any] | None) -> Receipt | None:
        if not item:
            return None
        plain = _plain(item)
        return Receipt(
            customer=plain["PK"],
            inbound_message_id=plain["SK"].removeprefix(RECEIPT_PREFIX),
            intent=plain["Intent"],
            outcome=plain.get("Outcome"),
            confirmation_message_id=plain.get("ConfirmationMessageId"),
        )

    def settle_reply(self, receipt: Receipt, outcome: str, confirmation_message_id: str | None) -> None:
        """Record how an inbound message was answered (``SUPERSEDED`` before its lease was taken)."""
        self._client.update_item(**self._settle_update(receipt, outcome, confirmation_message_id))

    def _settle_update(self, receipt: Receipt, outcome: str, message_id: str | None) -> dict[str, Any]:
        return {
            "TableName": self.table_name,
            "Key": _item(PK=receipt.customer, SK=RECEIPT_PREFIX + receipt.inbound_message_id),
            "UpdateExpression": "SET Outcome = :outcome, ConfirmationMessageId = :mid",
            "ExpressionAttributeValues": _item(**{":outcome": outcome, ":mid": message_id or "-"}),
        }

    def finish_reply(
        self,
        receipt: Receipt,
        outcome: str,
        lease: Lease,
        message_id: str | None = None,
        confirmed: tuple[PreferenceEvent, str] | None = None,
    ) -> None:
        """Settle ``receipt`` with ``outcome`` (and the answer's ``message_id``) and give the customer's
        lease back, in one request.

        ``confirmed`` (the event answered, when its confirmation went out) also marks the event's
        history item confirmed (``ConfirmedAt``, the first time only). One TransactWriteItems: a
        reply is recorded as answered wholly or not at all, so after
        SendTextMessage accepted a confirmation nothing but this one write stands between the text
        and its record. A lease that expired meanwhile (another reply of the customer holds it now)
        is left alone, and the rest written.
        """
        items: list[dict[str, Any]] = [{"Update": self._settle_update(receipt, outcome, message_id)}]
        if confirmed is not None:
            event, confirmed_at = confirmed
            confirm = {
                "TableName": self.table_name,
                "Key": _item(PK=event.customer, SK=event.history_sort_key),
                "UpdateExpression": "SET ConfirmedAt = if_not_exists(ConfirmedAt, :at)",
                "ExpressionAttributeValues": _item(**{":at": confirmed_at}),
            }
            items.append({"Update": confirm})
        try:
            self._client.transact_write_items(
                TransactItems=[*items, {"Update": self._release_update(receipt.customer, lease)}]
            )
        except ClientError as error:
            reasons = error.response.get("CancellationReasons") or []
            if len(reasons) != len(items) + 1 or reasons[-1].get("Code") != "ConditionalCheckFailed":
                raise
            _lease_expired(receipt.customer)
            self._client.transact_write_items(TransactItems=items)

    def apply_and_claim(self, event: PreferenceEvent, lease: Lease, now_ms: int) -> Claim:
        """Make ``event`` its origination's state (as ``apply``) and take the customer's lease (as
        ``claim``) in one conditional UpdateItem.

        When another reply holds the lease, ``event`` is applied all the same (a second request, only
        then): an opt-out is enforced before its reply waits for its turn to be answered. A redelivered
        event that is already its origination's latest (the same ``EventId``) counts as applied.
        """
        update = self._state_update(event)
        update["UpdateExpression"] += ", #owner = :owner, #until = :until"
        update["ConditionExpression"] = (
            f"({update['ConditionExpression']} OR #o.#eid = :eid) AND ({_LEASE_FREE})"
        )
        update["ExpressionAttributeNames"] |= {
            "#eid": "EventId",
            "#owner": OWNER_ATTRIBUTE,
            "#until": UNTIL_ATTRIBUTE,
        }
        update["ExpressionAttributeValues"] |= {
            ":eid": {"S": event.event_id},
            **_lease_values(lease, now_ms),
        }
        try:
            response = self._client.update_item(
                **update, ReturnValues="ALL_NEW", ReturnValuesOnConditionCheckFailure="ALL_OLD"
            )
        except ClientError as error:
            if not _condition_failed(error):
                raise
            current = error.response.get("Item") or {}
            if _lease_free(current, now_ms):
                logger.info("event for %s superseded by a later one", mask(event.customer))
                return Claim(_consent_state(current), applied=False, leased=False)
            # Another reply holds the lease: this one is retried, its event enforced meanwhile.
            applied = self.apply(event)
            return Claim(applied or _consent_state(current), applied=applied is not None, leased=False)
        return Claim(_consent_state(response["Attributes"]), applied=True, leased=True)

    def claim(self, customer: str, lease: Lease, now_ms: int) -> ConsentState | None:
        """Take ``customer``'s lease unless another reply holds it (expired by ``now_ms`` counts as free).

        Returns the customer's consent state as it is under the lease; None while another holds it.
        """
        try:
            response = self._client.update_item(
                TableName=self.table_name,
                Key=_item(PK=customer, SK=STATE_SORT_KEY),
                UpdateExpression="SET #owner = :owner, #until = :until",
                ConditionExpression=_LEASE_FREE,
                ExpressionAttributeNames={"#owner": OWNER_ATTRIBUTE, "#until": UNTIL_ATTRIBUTE},
                ExpressionAttributeValues=_lease_values(lease, now_ms),
                ReturnValues="ALL_NEW",
            )
        except ClientError as error:
            if not _condition_failed(error):
                raise
            return None
        return _consent_state(response["Attributes"])

    def release(self, customer: str, lease: Lease) -> None:
        """Give the customer's lease back, if it is still ours."""
        try:
            self._client.update_item(**self._release_update(customer, lease))
        except ClientError as error:
            if not _condition_failed(error):
                raise
            _lease_expired(customer)

    def _release_update(self, customer: str, lease: Lease) -> dict[str, Any]:
        return {
            "TableName": self.table_name,
            "Key": _item(PK=customer, SK=STATE_SORT_KEY),
            "UpdateExpression": "REMOVE #owner, #until",
            "ConditionExpression": "#owner = :owner",
            "ExpressionAttributeNames": {"#owner": OWNER_ATTRIBUTE, "#until": UNTIL_ATTRIBUTE},
            "ExpressionAttributeValues": {":owner": {"S": lease.owner}},
        }

    # Consent state -----------------------------------------------------------------------

    def _state_update(self, event: PreferenceEvent) -> dict[str, Any]:
        """UpdateItem parameters that make ``event`` its origination's state unless a later one is.

        At the same time, an opt-out wins: the comparison is chosen here, by the event's action,
        rather than written as a comparison of two values that DynamoDB would have to evaluate.
        """
        no_earlier = "<=" if event.action is Action.OPT_OUT else "<"
        return {
            "TableName": self.table_name,
            "Key": _item(PK=event.customer, SK=STATE_SORT_KEY),
            "UpdateExpression": "SET #o = :entry",
            "ConditionExpression": f"attribute_not_exists(#o) OR #o.#ts {no_earlier} :ts",
            "ExpressionAttributeNames": {"#o": event.origination, "#ts": "Timestamp"},
            "ExpressionAttributeValues": _item(**{":entry": event.state_entry(), ":ts": event.timestamp}),
        }

    def apply(self, event: PreferenceEvent) -> ConsentState | None:
        """Make ``event`` the state of its origination unless a later event is there already.

        Returns the customer's whole consent state once ``event`` is (now, or already) the latest
        for its origination, read in the same request; None when a later event supersedes it.
        """
        try:
            response = self._client.update_item(
                **self._state_update(event),
                ReturnValues="ALL_NEW",
                ReturnValuesOnConditionCheckFailure="ALL_OLD",
            )
        except ClientError as error:
            if not _condition_failed(error):
                raise
            current = error.response.get("Item") or {}
            if _plain(current).get(event.origination, {}).get("EventId") != event.event_id:
                logger.info("event for %s superseded by a later one", mask(event.customer))
                return None
            return _consent_state(current)
        return _consent_state(response["Attributes"])

    def record(self, event: PreferenceEvent) -> bool:
        """Append ``event`` to the audit trail and apply it; True when it is now the latest."""
        history = _item(PK=event.customer, SK=event.history_sort_key, **event.history_item())
        self._client.put_item(TableName=self.table_name, Item=history)
        return self.apply(event) is not None

    def record_aws_opt_out(self, customer: str, origination: str, record: Mapping[str, str]) -> bool:
        """Keep an opt-out learned from an AWS opt-out list as ``AWSLIST#<origination>`` on the state
        item, unless a later one is there: one conditional UpdateItem touching that attribute only.
        True when written."""
        try:
            self._client.update_item(
                TableName=self.table_name,
                Key=_item(PK=customer, SK=STATE_SORT_KEY),
                UpdateExpression="SET #r = :record",
                ConditionExpression="attribute_not_exists(#r) OR #r.#ts < :ts",
                ExpressionAttributeNames={"#r": AWS_LIST_PREFIX + origination, "#ts": "Timestamp"},
                ExpressionAttributeValues={":record": _to_attr(record), ":ts": {"S": record["Timestamp"]}},
            )
        except ClientError as error:
            if not _condition_failed(error):
                raise
            return False
        return True

    def note_list_removals(self, customer: str, list_names: Iterable[str], at: str) -> None:
        """Keep when ``customer`` was removed from each AWS opt-out list (for the 30-day rule)."""
        names = {f"#n{i}": LIST_REMOVAL_PREFIX + name for i, name in enumerate(list_names)}
        self._client.update_item(
            TableName=self.table_name,
            Key=_item(PK=customer, SK=STATE_SORT_KEY),
            UpdateExpression="SET " + ", ".join(f"{alias} = :at" for alias in names),
            ExpressionAttributeNames=names,
            ExpressionAttributeValues={":at": {"S": at}},
        )

    def list_removals(self, customer: str) -> dict[str, str]:
        """When ``customer`` was last removed from each AWS opt-out list, by list name."""
        return self._state_records(customer, LIST_REMOVAL_PREFIX)

    def aws_list_records(self, customer: str) -> dict[str, dict[str, str]]:
        """The opt-outs learned from AWS opt-out lists (``AWSLIST#``) of ``customer``, by origination."""
        return self._state_records(customer, AWS_LIST_PREFIX)

    def _state_records(self, customer: str, prefix: str) -> dict[str, Any]:
        return {
            name.removeprefix(prefix): value
            for item in self._batch_get([customer])
            for name, value in _plain(item).items()
            if name.startswith(prefix)
        }

    # Imports -----------------------------------------------------------------------------

    def write_imported(self, events: list[PreferenceEvent]) -> ImportWrite:
        """Apply imported events (of distinct customers) in TransactWriteItems of up to 100.

        Each item is the conditional update of ``_state_update`` plus the event's audit record as an
        ``IMPORT#<event id>`` attribute (which replies never touch), so no write of a state item is
        unconditional: a reply recorded since the importer's read is never erased. An event whose
        condition fails (a later event arrived meanwhile) is handed back to be read and decided again.
        """
        written = ImportWrite()
        for start in range(0, len(events), TRANSACT_WRITE_LIMIT):
            self._transact_imported(events[start : start + TRANSACT_WRITE_LIMIT], written)
        return written

    def _transact_imported(self, events: list[PreferenceEvent], written: ImportWrite) -> None:
        pending = events
        for attempt in range(UNPROCESSED_RETRIES + 1):
            written.requests += 1
            try:
                self._client.transact_write_items(
                    TransactItems=[{"Update": self._imported_update(event)} for event in pending]
                )
            except ClientError as error:
                pending, transient = _sort_cancellations(error, pending, written)
            else:
                written.imported.extend(pending)
                return
            if not pending:
                return
            if transient:
                time.sleep(min(0.05 * 2**attempt, 1.0))
        raise StateUnavailableError(f"{len(pending)} imported events could not be written")

    def _imported_update(self, event: PreferenceEvent) -> dict[str, Any]:
        update = self._state_update(event)
        update["UpdateExpression"] += ", #record = :record"
        update["ExpressionAttributeNames"]["#record"] = IMPORT_PREFIX + event.event_id
        update["ExpressionAttributeValues"][":record"] = _to_attr(event.history_item())
        return update

    def state_items(self) -> Iterator[tuple[str, ConsentState, dict[str, dict[str, Any]]]]:
        """Every customer's consent state, with the audit records its imports keep there by event ID
        (a Scan: for exports, not for the send path)."""
        kwargs: dict[str, Any] = {
            "TableName": self.table_name,
            "FilterExpression": "SK = :state",
            "ExpressionAttributeValues": _item(**{":state": STATE_SORT_KEY}),
        }
        while True:
            response = self._client.scan(**kwargs)
            for item in response["Items"]:
                imported = {record["EventId"]: record for record in _imported_events(item)}
                yield item["PK"]["S"], _consent_state(item), imported
            if "LastEvaluatedKey" not in response:
                return
            kwargs["ExclusiveStartKey"] = response["LastEvaluatedKey"]

    def consent_states(self, customers: Iterable[str]) -> dict[str, ConsentState]:
        """The consent state of each customer: one strongly consistent BatchGetItem per 100."""
        unique = list(dict.fromkeys(customers))
        states = dict.fromkeys(unique, NO_EVENTS)
        for start in range(0, len(unique), BATCH_GET_LIMIT):
            for item in self._batch_get(unique[start : start + BATCH_GET_LIMIT]):
                states[item["PK"]["S"]] = _consent_state(item)
        return states

    def _batch_get(self, customers: list[str]) -> Iterator[dict[str, Any]]:
        request: dict[str, Any] = {
            self.table_name: {
                "Keys": [_item(PK=c, SK=STATE_SORT_KEY) for c in customers],
                "ConsistentRead": True,
            }
        }
        for attempt in range(UNPROCESSED_RETRIES + 1):
            response = self._client.batch_get_item(RequestItems=request)
            yield from response.get("Responses", {}).get(self.table_name, [])
            request = response.get("UnprocessedKeys") or {}
            if not request:
                return
            time.sleep(min(0.05 * 2**attempt, 1.0))
        raise StateUnavailableError(f"{len(request[self.table_name]['Keys'])} keys stayed unprocessed")

    # Audit trail -------------------------------------------------------------------------

    def history(self, customer: str) -> list[dict[str, Any]]:
        """Every opt-out and opt-in of ``customer``, oldest first within each origination."""
        return list(_history_of(self._partition(customer)))

    def answered_history(self, customer: str) -> list[tuple[str, StateEntry, bool]]:
        """Every event of ``customer`` as (origination key, entry, whether its reply was confirmed),
        read by a strongly consistent Query of the customer's own items."""
        return _answered(self.history(customer))

    def receipt_and_history(self, receipt: Receipt) -> tuple[Receipt, list[tuple[str, StateEntry, bool]]]:
        """The receipt as it is stored now and the customer's ``answered_history``: one strongly
        consistent Query of the customer's partition (which holds both)."""
        items = list(self._partition(receipt.customer))
        key = RECEIPT_PREFIX + receipt.inbound_message_id
        found = self._receipt_from(next((i for i in items if i["SK"]["S"] == key), None))
        if found is None:
            raise StateUnavailableError("the receipt of a reply being answered could not be read")
        return found, _answered(list(_history_of(items)))

    def _partition(self, customer: str) -> Iterator[dict[str, Any]]:
        """Every item of ``customer`` (strongly consistent Query, page by page)."""
        kwargs: dict[str, Any] = {
            "TableName": self.table_name,
            "KeyConditionExpression": "PK = :pk",
            "ExpressionAttributeValues": _item(**{":pk": customer}),
            "ConsistentRead": True,
        }
        while True:
            response = self._client.query(**kwargs)
            yield from response["Items"]
            if "LastEvaluatedKey" not in response:
                return
            kwargs["ExclusiveStartKey"] = response["LastEvaluatedKey"]


def _history_of(items: Iterable[Mapping[str, Any]]) -> Iterator[dict[str, Any]]:
    """The history items among a partition's items, with the records its state item keeps."""
    for item in items:
        sort_key = item["SK"]["S"]
        if sort_key == STATE_SORT_KEY:
            yield from _imported_events(item)
            yield from _suppression_event(item)
        elif not sort_key.startswith(RECEIPT_PREFIX):
            yield _plain(item)


def _answered(history: list[dict[str, Any]]) -> list[tuple[str, StateEntry, bool]]:
    """The opt-outs and opt-ins of ``history`` as (origination key, entry, whether confirmed)."""
    return [
        (item["OID"], StateEntry.from_history_item(item), "ConfirmedAt" in item)
        for item in history
        if {"OID", "Action", "Timestamp"} <= item.keys() and item["Action"] in _PREFERENCE_ACTIONS
    ]
