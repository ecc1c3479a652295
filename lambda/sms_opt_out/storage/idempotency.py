"""Idempotency keys: at most one send per ``IdempotencyKey`` within 24 hours.

A key record lives in the opt-out table under ``PK`` = ``IDEMPOTENCY#<key>``, ``SK`` =
``IDEMPOTENCY`` (a customer's items have ``PK`` = their E.164 number, which starts with ``+``, so
the two never meet). ``Status`` is ``IN_PROGRESS`` while a send holds the key, then ``DONE`` with
the first ``Result`` (``SENT``, ``OPTED_OUT``, or ``UNKNOWN`` when the send may have happened).
``Fingerprint`` is the SHA-256 of the request the key was claimed for (``request_fingerprint``): a
key reused for a different request is refused (``Claim.CONFLICT``), as Powertools' idempotency
utility refuses a changed payload. ``ExpiresAt`` (epoch seconds, the table's TTL attribute) ends it: an
in-progress record at the invocation's start plus the remaining time its context gave then (so a
send that crashed mid-way frees its key once that invocation is surely over), a done one 24 hours
after the send. An expired record counts as absent even before DynamoDB's TTL deletes it. Expiry is
written and compared in AWS's time (``aws_clock``), so containers whose clocks disagree agree on it.
"""

from __future__ import annotations

import enum
import hashlib
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from botocore.exceptions import ClientError

from sms_opt_out.aws_clock import AwsClock
from sms_opt_out.contract import EXPIRES_AT_ATTRIBUTE as TTL_ATTRIBUTE
from sms_opt_out.contract import IDEMPOTENCY_PREFIX as KEY_PREFIX
from sms_opt_out.contract import MAX_IDEMPOTENCY_KEY_LENGTH as MAX_KEY_LENGTH  # noqa: F401 (send.service checks it)

SORT_KEY = "IDEMPOTENCY"
DONE_FOR_SECONDS = 24 * 3600
NO_DEADLINE_SECONDS = 15 * 60
"""How long an in-progress record of an invocation without a deadline lives: Lambda's longest timeout."""
FINGERPRINT = "Fingerprint"


class Claim(enum.StrEnum):
    CLAIMED = "CLAIMED"
    """This send holds the key: send, then finish or release it."""
    DONE = "DONE"
    """An earlier send with this key finished: its result stands."""
    IN_PROGRESS = "IN_PROGRESS"
    """Another send holds the key (or crashed holding it, until the record expires)."""
    CONFLICT = "CONFLICT"
    """The key was claimed for a different request (another customer, origination or body)."""


def request_fingerprint(params: Mapping[str, Any]) -> str:
    """SHA-256 of a request's parameters (normalised, without its key), whatever their order."""
    canonical = json.dumps(params, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


@dataclass(frozen=True)
class KeyRecord:
    claim: Claim
    result: dict[str, Any] | None = None


class IdempotencyKeys:
    """Claims, finishes and releases key records with conditional writes."""

    def __init__(self, table_name: str, client: Any, clock: AwsClock | None = None) -> None:
        """``clock``: AWS's, learnt from ``client``'s responses (default: this host's, uncorrected)."""
        self.table_name = table_name
        self._client = client
        if clock is None:
            clock = AwsClock()
            if client is not None:
                clock.watch(client)
        self._clock = clock

    def _key(self, key: str) -> dict[str, Any]:
        return {"PK": {"S": KEY_PREFIX + key}, "SK": {"S": SORT_KEY}}

    def claim(self, key: str, expires_at: float | None, fingerprint: str) -> KeyRecord:
        """Take ``key`` for the request of ``fingerprint`` until ``expires_at`` (epoch seconds by this
        host's clock) unless a live record holds it; a live record of another request is a ``CONFLICT``."""
        if not self._clock.synced:
            self._read(key)  # a first request learns AWS's time (the sender's consent read usually has)
        now = self._clock()
        expires = math.ceil(
            self._clock.from_host(expires_at) if expires_at is not None else now + NO_DEADLINE_SECONDS
        )
        try:
            self._client.put_item(
                TableName=self.table_name,
                Item=self._key(key)
                | {
                    "Status": {"S": Claim.IN_PROGRESS.value},
                    FINGERPRINT: {"S": fingerprint},
                    TTL_ATTRIBUTE: {"N": str(expires)},
                },
                ConditionExpression="attribute_not_exists(PK) OR #expires <= :now",
                ExpressionAttributeNames={"#expires": TTL_ATTRIBUTE},
                ExpressionAttributeValues={":now": {"N": str(math.floor(now))}},
                ReturnValuesOnConditionCheckFailure="ALL_OLD",
            )
        except ClientError as error:
            if error.response["Error"]["Code"] != "ConditionalCheckFailedException":
                raise
            item = error.response.get("Item") or self._read(key)
            if item.get(FINGERPRINT, {}).get("S", fingerprint) != fingerprint:
                return KeyRecord(Claim.CONFLICT)
            if item.get("Status", {}).get("S") == Claim.DONE.value:
                return KeyRecord(Claim.DONE, json.loads(item["Result"]["S"]))
            return KeyRecord(Claim.IN_PROGRESS)
        return KeyRecord(Claim.CLAIMED)

    def _read(self, key: str) -> dict[str, Any]:
        response = self._client.get_item(TableName=self.table_name, Key=self._key(key), ConsistentRead=True)
        return response.get("Item") or {}

    def finish(self, key: str, result: dict[str, Any], fingerprint: str) -> None:
        """Record ``result`` as the answer of the key (and its request) for 24 hours."""
        expires = math.ceil(self._clock() + DONE_FOR_SECONDS)
        self._client.put_item(
            TableName=self.table_name,
            Item=self._key(key)
            | {
                "Status": {"S": Claim.DONE.value},
                "Result": {"S": json.dumps(result)},
                FINGERPRINT: {"S": fingerprint},
                TTL_ATTRIBUTE: {"N": str(expires)},
            },
        )

    def release(self, key: str) -> None:
        """Free ``key`` after a send that did not happen (deferred, or retryable), so a retry may send."""
        try:
            self._client.delete_item(
                TableName=self.table_name,
                Key=self._key(key),
                ConditionExpression="#status = :in_progress",
                ExpressionAttributeNames={"#status": "Status"},
                ExpressionAttributeValues={":in_progress": {"S": Claim.IN_PROGRESS.value}},
            )
        except ClientError as error:
            if error.response["Error"]["Code"] != "ConditionalCheckFailedException":
                raise
