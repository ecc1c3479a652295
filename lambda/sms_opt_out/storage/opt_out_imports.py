"""Imports of opt-outs (``sms-opt-out import``, migration from AWS opt-out lists): conditional state
updates with their audit records, 100 to a TransactWriteItems (the operator's UpdateItem)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from botocore.exceptions import ClientError

from sms_opt_out.contract import IMPORT_PREFIX
from sms_opt_out.domain.preferences import PreferenceEvent
from sms_opt_out.errors import StateUnavailableError
from sms_opt_out.storage.consent_items import UNPROCESSED_RETRIES, state_update, to_attr

TRANSACT_WRITE_LIMIT = 100
RETRIED_CANCELLATIONS = frozenset(
    {"None", "TransactionConflict", "ThrottlingError", "ProvisionedThroughputExceeded"}
)
"""Cancellation reasons of a transaction item that a second attempt may cure ("None": another item
of the transaction failed)."""


@dataclass
class ImportWrite:
    """What ``write_imported`` did: the events now applied, those a later event beat meanwhile."""

    imported: list[PreferenceEvent] = field(default_factory=list)
    changed_meanwhile: list[PreferenceEvent] = field(default_factory=list)
    requests: int = 0


class OptOutImports:
    """Writes imported opt-outs, never over a later event."""

    def __init__(self, table_name: str, client: Any) -> None:
        self.table_name = table_name
        self._client = client

    def write_imported(self, events: list[PreferenceEvent]) -> ImportWrite:
        """Apply imported events (of distinct customers) in TransactWriteItems of up to 100.

        Each item is the conditional update of ``consent_items.state_update`` plus the event's audit
        record as an ``IMPORT#<event id>`` attribute (which replies never touch), so no write of a state
        item is unconditional: a reply recorded since the importer's read is never erased. An event
        whose condition fails (a later event arrived meanwhile) is handed back to be read and decided
        again.
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
        update = state_update(self.table_name, event)
        update["UpdateExpression"] += ", #record = :record"
        update["ExpressionAttributeNames"]["#record"] = IMPORT_PREFIX + event.event_id
        update["ExpressionAttributeValues"][":record"] = to_attr(event.history_item())
        return update


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
