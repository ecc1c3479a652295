"""Reply receipts: one per inbound message, written with the reply's history item and settled with
its answer (the reply function's TransactWriteItems, GetItem and Query)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from botocore.exceptions import ClientError

from sms_opt_out.contract import RECEIPT_PREFIX
from sms_opt_out.domain.leases import Lease
from sms_opt_out.domain.preferences import PreferenceEvent
from sms_opt_out.errors import StateUnavailableError
from sms_opt_out.storage.audit_trail import Answered, answered, history_of, partition
from sms_opt_out.storage.consent_items import history_item, item, plain
from sms_opt_out.storage.consent_leases import lease_expired, release_update


@dataclass(frozen=True)
class Receipt:
    """What was done for one inbound message; ``outcome`` is None until it is settled."""

    customer: str
    inbound_message_id: str
    intent: str
    outcome: str | None = None
    confirmation_message_id: str | None = None


class ReplyReceipts:
    """Writes, reads and settles the receipts of inbound messages."""

    def __init__(self, table_name: str, client: Any) -> None:
        self.table_name = table_name
        self._client = client

    def begin_reply(self, receipt: Receipt, event: PreferenceEvent | None) -> Receipt | None:
        """Write the receipt (and the history item) once; return the earlier receipt on a repeat."""
        items: list[dict[str, Any]] = [
            {
                "Put": {
                    "TableName": self.table_name,
                    "Item": item(
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
            items.append({"Put": {"TableName": self.table_name, "Item": history_item(event)}})
        try:
            self._client.transact_write_items(TransactItems=items)
        except ClientError as error:
            reasons = error.response.get("CancellationReasons") or []
            if not reasons or reasons[0].get("Code") != "ConditionalCheckFailed":
                raise
            return _receipt_from(reasons[0].get("Item")) or self.get_receipt(receipt)
        return None

    def get_receipt(self, receipt: Receipt) -> Receipt:
        """The receipt as it is stored now (strongly consistent)."""
        response = self._client.get_item(
            TableName=self.table_name,
            Key=item(PK=receipt.customer, SK=RECEIPT_PREFIX + receipt.inbound_message_id),
            ConsistentRead=True,
        )
        found = _receipt_from(response.get("Item"))
        if found is None:
            raise StateUnavailableError("the receipt of a repeated delivery could not be read")
        return found

    def receipt_and_history(self, receipt: Receipt) -> tuple[Receipt, Answered]:
        """The receipt as it is stored now and the customer's ``AuditTrail.answered_history``: one
        strongly consistent Query of the customer's partition (which holds both)."""
        items = list(partition(self._client, self.table_name, receipt.customer))
        key = RECEIPT_PREFIX + receipt.inbound_message_id
        found = _receipt_from(next((i for i in items if i["SK"]["S"] == key), None))
        if found is None:
            raise StateUnavailableError("the receipt of a reply being answered could not be read")
        return found, answered(list(history_of(items)))

    def settle_reply(self, receipt: Receipt, outcome: str, confirmation_message_id: str | None) -> None:
        """Record how an inbound message was answered (``SUPERSEDED`` before its lease was taken)."""
        self._client.update_item(**self._settle_update(receipt, outcome, confirmation_message_id))

    def _settle_update(self, receipt: Receipt, outcome: str, message_id: str | None) -> dict[str, Any]:
        return {
            "TableName": self.table_name,
            "Key": item(PK=receipt.customer, SK=RECEIPT_PREFIX + receipt.inbound_message_id),
            "UpdateExpression": "SET Outcome = :outcome, ConfirmationMessageId = :mid",
            "ExpressionAttributeValues": item(**{":outcome": outcome, ":mid": message_id or "-"}),
        }

    def finish_reply(
        self,
        receipt: Receipt,
        outcome: str,
        lease: Lease,
        message_id: str | None = None,
        confirmed: tuple[PreferenceEvent, str] | None = None,
        *,
        unsettled_only: bool = False,
    ) -> bool:
        """Settle ``receipt`` with ``outcome`` (and the answer's ``message_id``) and give the customer's
        lease back, in one request; True once written.

        ``confirmed`` (the event answered, when its confirmation went out) also marks the event's
        history item confirmed (``ConfirmedAt``, the first time only). One TransactWriteItems: a
        reply is recorded as answered wholly or not at all, so after
        SendTextMessage accepted a confirmation nothing but this one write stands between the text
        and its record. A lease that expired meanwhile (another reply of the customer holds it now)
        is left alone, and the rest written. ``unsettled_only``: only a receipt no delivery settled yet
        is settled (False, nothing written, when another did; the lease is then the caller's to give back).
        """
        settle = self._settle_update(receipt, outcome, message_id)
        if unsettled_only:
            settle["ConditionExpression"] = "attribute_not_exists(Outcome)"
        items: list[dict[str, Any]] = [{"Update": settle}]
        if confirmed is not None:
            event, confirmed_at = confirmed
            confirm = {
                "TableName": self.table_name,
                "Key": item(PK=event.customer, SK=event.history_sort_key),
                "UpdateExpression": "SET ConfirmedAt = if_not_exists(ConfirmedAt, :at)",
                "ExpressionAttributeValues": item(**{":at": confirmed_at}),
            }
            items.append({"Update": confirm})
        release = release_update(self.table_name, receipt.customer, lease)
        try:
            self._client.transact_write_items(TransactItems=[*items, {"Update": release}])
        except ClientError as error:
            if unsettled_only and _cancelled_by(error, 0, len(items) + 1):
                return False
            if not _cancelled_by(error, len(items), len(items) + 1):
                raise
            lease_expired(receipt.customer)
            try:
                self._client.transact_write_items(TransactItems=items)
            except ClientError as again:
                if unsettled_only and _cancelled_by(again, 0, len(items)):
                    return False
                raise
        return True


def _cancelled_by(error: ClientError, position: int, count: int) -> bool:
    """Whether ``error`` cancelled a transaction of ``count`` items for the condition of the one at
    ``position``."""
    reasons = error.response.get("CancellationReasons") or []
    return len(reasons) == count and reasons[position].get("Code") == "ConditionalCheckFailed"


def _receipt_from(stored: Mapping[str, Any] | None) -> Receipt | None:
    if not stored:
        return None
    values = plain(stored)
    return Receipt(
        customer=values["PK"],
        inbound_message_id=values["SK"].removeprefix(RECEIPT_PREFIX),
        intent=values["Intent"],
        outcome=values.get("Outcome"),
        confirmation_message_id=values.get("ConfirmationMessageId"),
    )
