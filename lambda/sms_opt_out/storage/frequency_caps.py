"""Frequency caps: at most N promotional messages to one person in any 24 hours, across containers.

One item per recipient in the opt-out table: ``PK`` = ``CAP#<E.164>``, ``SK`` = ``CAP`` (the
sender's IAM policy allows it items whose key starts with ``IDEMPOTENCY#`` or ``CAP#`` only).
``Sends`` lists the times (epoch seconds, oldest first) of the sends of the last 24 hours,
``Version`` counts the writes, and ``ExpiresAt`` (the table's TTL attribute) drops the item 24
hours after its newest send.

Taking a slot is a strongly consistent read and ONE conditional PutItem (``Version`` unchanged,
or no item yet): the item is rewritten with the expired times dropped and the new one added. Two
containers taking the last slot at once cannot both succeed: the loser's condition fails, it
re-reads the item from the failure's ``ALL_OLD`` and finds the cap reached. A send that then does
not happen gives its slot back (one more write, only then). Transactional texts never come here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from botocore.exceptions import ClientError

from sms_opt_out.contract import CAP_PREFIX as KEY_PREFIX
from sms_opt_out.contract import EXPIRES_AT_ATTRIBUTE as TTL_ATTRIBUTE
from sms_opt_out.errors import SmsOptOutError

SORT_KEY = "CAP"
PERIOD_SECONDS = 24 * 3600
MAX_ATTEMPTS = 8
"""Conditional writes lost to other containers before one request gives up (and is deferred)."""


class CapContendedError(SmsOptOutError):
    """The cap item changed under every attempt; nothing was sent, the request may be tried again."""


@dataclass(frozen=True)
class CapRecord:
    sends: tuple[float, ...]
    version: int | None
    """None: no item yet."""

    def recent(self, now: float) -> tuple[float, ...]:
        return tuple(t for t in self.sends if t > now - PERIOD_SECONDS)

    def next_free(self, cap: int, now: float) -> float | None:
        """When one more send fits under ``cap`` (None: now)."""
        recent = self.recent(now)
        if len(recent) < cap:
            return None
        return recent[len(recent) - cap] + PERIOD_SECONDS


class FrequencyCaps:
    """Counts each recipient's promotional sends with conditional writes; thread-safe."""

    def __init__(self, table_name: str, client: Any) -> None:
        self.table_name = table_name
        self._client = client

    def _key(self, customer: str) -> dict[str, Any]:
        return {"PK": {"S": KEY_PREFIX + customer}, "SK": {"S": SORT_KEY}}

    def read(self, customer: str) -> CapRecord:
        response = self._client.get_item(
            TableName=self.table_name, Key=self._key(customer), ConsistentRead=True
        )
        return _record(response.get("Item"))

    def take(self, customer: str, cap: int, now: float) -> float | None:
        """Count a send to ``customer`` at ``now`` if fewer than ``cap`` went in 24 hours; else
        return when the next may go (and write nothing)."""
        record = self.read(customer)
        for _ in range(MAX_ATTEMPTS):
            if (next_free := record.next_free(cap, now)) is not None:
                return next_free
            written = self._write(customer, record, (*record.recent(now), round(now, 3)))
            if written is None:
                return None
            record = written
        raise CapContendedError(f"frequency cap of a customer changed under {MAX_ATTEMPTS} attempts")

    def give_back(self, customer: str, at: float, now: float) -> None:
        """Forget the send counted at ``at`` (it did not happen)."""
        record = self.read(customer)
        for _ in range(MAX_ATTEMPTS):
            sends = list(record.recent(now))
            if round(at, 3) not in sends:
                return
            sends.remove(round(at, 3))
            written = self._write(customer, record, tuple(sends))
            if written is None:
                return
            record = written

    def _write(self, customer: str, record: CapRecord, sends: tuple[float, ...]) -> CapRecord | None:
        """Replace the item if it is still ``record``; else return what it is now."""
        condition: dict[str, Any]
        if record.version is None:
            condition = {"ConditionExpression": "attribute_not_exists(PK)"}
        else:
            condition = {
                "ConditionExpression": "#version = :version",
                "ExpressionAttributeNames": {"#version": "Version"},
                "ExpressionAttributeValues": {":version": {"N": str(record.version)}},
            }
        expires = math.ceil(max(sends, default=0) + PERIOD_SECONDS)
        try:
            self._client.put_item(
                TableName=self.table_name,
                Item=self._key(customer)
                | {
                    "Sends": {"L": [{"N": repr(t)} for t in sorted(sends)]},
                    "Version": {"N": str((record.version or 0) + 1)},
                    TTL_ATTRIBUTE: {"N": str(expires)},
                },
                ReturnValuesOnConditionCheckFailure="ALL_OLD",
                **condition,
            )
        except ClientError as error:
            if error.response["Error"]["Code"] != "ConditionalCheckFailedException":
                raise
            item = error.response.get("Item")
            return _record(item) if item else self.read(customer)
        return None


def _record(item: dict[str, Any] | None) -> CapRecord:
    if not item:
        return CapRecord((), None)
    sends = tuple(sorted(float(value["N"]) for value in item.get("Sends", {}).get("L", [])))
    return CapRecord(sends, int(item["Version"]["N"]))
