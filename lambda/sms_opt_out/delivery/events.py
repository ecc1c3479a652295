"""Delivery events: what the carriers report of each text, recorded against its message.

A configuration set's event destination publishes every event of a message to an SNS topic (one
JSON object per notification: ``eventType``, ``messageId``, ``destinationPhoneNumber``,
``originationPhoneNumber``, ``messageStatus``, ``messageStatusDescription``, ``isFinal``, ...).
Each final event is recorded once, as ``DELIVERY#<messageId>#<eventType>`` under the customer (kept
``RECORD_DAYS``; a repeated delivery of the event adds nothing), counted per origination identity, and
may suppress the number (``suppressions``). The events need no record of the send: one for a message
we have no result of (sent by another client through the same configuration set, or arriving before
the send's own result) is recorded alike, as the event names its own number.

Cost per final event, in DynamoDB requests: one conditional PutItem; for a delivered text one more
conditional UpdateItem (the blocked count starts afresh); for a blocked one an UpdateItem counting it
and a conditional UpdateItem suppressing at the threshold; for an invalid number one UpdateItem.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from botocore.exceptions import ClientError

from sms_opt_out.contract import (
    BLOCKED_COUNT_ATTRIBUTE,
    DELIVERED_METRIC,
    EXPIRES_AT_ATTRIBUTE,
    SUPPRESSION_ATTRIBUTE,
)
from sms_opt_out.contract import DELIVERY_RECORD_PREFIX as RECORD_PREFIX
from sms_opt_out.domain.phone_numbers import mask
from sms_opt_out.errors import MalformedReplyError
from sms_opt_out.storage.suppressions import (
    BLOCKED,
    BLOCKED_THRESHOLD,
    INVALID,
    STATE_SORT_KEY,
    Suppression,
    Suppressions,
)

logger = logging.getLogger(__name__)

CHANNEL = "delivery-event"
RECORD_DAYS = 90
CHANNELS = ("TEXT_", "MEDIA_", "RCS_")
OUTCOMES: Mapping[str, str] = {
    "DELIVERED": DELIVERED_METRIC,
    "SUCCESSFUL": DELIVERED_METRIC,  # accepted by a carrier that sends no delivery receipt
    "READ": DELIVERED_METRIC,
    "BLOCKED": "Blocked",
    "CARRIER_BLOCKED": "Blocked",
    "SPAM": "Spam",
    "INVALID": "Invalid",
    "TTL_EXPIRED": "Expired",
    "UNREACHABLE": "Unreachable",
    "CARRIER_UNREACHABLE": "Unreachable",
}
"""The metric each final event counts in, by its type without the channel; any other: ``OtherFailures``."""
DELIVERY_METRICS = (DELIVERED_METRIC, "Blocked", "Spam", "Invalid", "Expired", "Unreachable", "OtherFailures")
BLOCKING = frozenset({"BLOCKED", "CARRIER_BLOCKED"})
DELIVERED = frozenset(k for k, v in OUTCOMES.items() if v == DELIVERED_METRIC)
_FINAL_OUTCOMES = (
    "DELIVERED", "SUCCESSFUL", "INVALID", "INVALID_MESSAGE", "UNREACHABLE", "CARRIER_UNREACHABLE",
    "BLOCKED", "CARRIER_BLOCKED", "SPAM", "UNKNOWN", "TTL_EXPIRED",
)  # fmt: skip
FINAL_EVENT_TYPES = (
    *(f"{channel}{outcome}" for channel in ("TEXT_", "MEDIA_") for outcome in _FINAL_OUTCOMES),
    "TEXT_PROTECT_BLOCKED",
    "MEDIA_FILE_INACCESSIBLE",
    "MEDIA_FILE_TYPE_UNSUPPORTED",
    "MEDIA_FILE_SIZE_EXCEEDED",
)
"""The event types a configuration set made by the construct publishes: the final ones of texts and MMS."""


@dataclass(frozen=True)
class DeliveryEvent:
    event_type: str
    message_id: str
    customer: str
    origination: str
    status: str
    description: str
    is_final: bool
    timestamp: str

    @property
    def outcome(self) -> str:
        """The event's type without its channel (``TEXT_CARRIER_BLOCKED``: ``CARRIER_BLOCKED``)."""
        for channel in CHANNELS:
            if self.event_type.startswith(channel):
                return self.event_type.removeprefix(channel)
        return self.event_type

    @property
    def metric(self) -> str:
        return OUTCOMES.get(self.outcome, "OtherFailures")

    @classmethod
    def parse(cls, message: str, field: str = "Sns.Message") -> DeliveryEvent:
        """One event from its notification's JSON; MalformedReplyError names the field at fault."""
        try:
            body = json.loads(message)
        except (TypeError, json.JSONDecodeError):
            raise MalformedReplyError(field, "must be a delivery event as JSON") from None
        if not isinstance(body, dict):
            raise MalformedReplyError(field, "must be a JSON object")
        for name in ("eventType", "messageId", "destinationPhoneNumber"):
            if not isinstance(body.get(name), str) or not body[name].strip():
                raise MalformedReplyError(f"{field}.{name}", "is required and must be a non-empty string")
        stamp = body.get("eventTimestamp")
        at = (
            datetime.fromtimestamp(stamp / 1000, UTC) if isinstance(stamp, int | float) else datetime.now(UTC)
        )
        return cls(
            event_type=body["eventType"].strip(),
            message_id=body["messageId"].strip(),
            customer=body["destinationPhoneNumber"].strip(),
            origination=str(body.get("originationPhoneNumber") or "unknown"),
            status=str(body.get("messageStatus") or ""),
            description=str(body.get("messageStatusDescription") or ""),
            is_final=body.get("isFinal") is not False,
            timestamp=at.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        )


class DeliveryEventRecorder:
    """Records final delivery events and suppresses numbers that cannot be texted."""

    def __init__(
        self,
        table_name: str,
        client: Any,
        *,
        clock: Callable[[], float] = time.time,
        threshold: int = BLOCKED_THRESHOLD,
    ) -> None:
        self.table_name = table_name
        self._client = client
        self._suppressions = Suppressions(table_name, client)
        self._clock = clock
        self._threshold = threshold

    def record(self, event: DeliveryEvent) -> str:
        """Record ``event``; return what was done: ``NOT_FINAL``, ``DUPLICATE``, ``RECORDED``,
        ``SUPPRESSED`` (this event suppressed the number)."""
        if not event.is_final:
            return "NOT_FINAL"
        new = self._put_record(event)
        if event.outcome in DELIVERED:
            if new:
                self._suppressions.reset_blocked(event.customer)
            return "RECORDED" if new else "DUPLICATE"
        if event.outcome == "INVALID":
            suppressed = self._suppressions.suppress(self._suppression(event, INVALID))
            return "SUPPRESSED" if suppressed else ("RECORDED" if new else "DUPLICATE")
        if event.outcome in BLOCKING:
            if new:
                self._count_blocked(event.customer)
            # also on a repeat: a crash between the count and this check must not lose a suppression
            suppressed = self._suppress_at_threshold(event)
            return "SUPPRESSED" if suppressed else ("RECORDED" if new else "DUPLICATE")
        return "RECORDED" if new else "DUPLICATE"

    @staticmethod
    def _suppression(event: DeliveryEvent, reason: str) -> Suppression:
        return Suppression(
            event.customer, reason, event.timestamp, event.event_type, event.message_id, event.description
        )

    def _put_record(self, event: DeliveryEvent) -> bool:
        expires = int(self._clock()) + RECORD_DAYS * 86_400
        item = {
            "PK": {"S": event.customer},
            "SK": {"S": f"{RECORD_PREFIX}{event.message_id}#{event.event_type}"},
            "MessageId": {"S": event.message_id},
            "EventType": {"S": event.event_type},
            "Origination": {"S": event.origination},
            "MessageStatus": {"S": event.status or "-"},
            "Description": {"S": event.description or "-"},
            "Timestamp": {"S": event.timestamp},
            "OID": {"S": event.origination},
            "Action": {"S": "DELIVERY_EVENT"},
            "Response": {"S": event.event_type},
            "Channel": {"S": CHANNEL},
            EXPIRES_AT_ATTRIBUTE: {"N": str(expires)},
        }
        try:
            self._client.put_item(
                TableName=self.table_name, Item=item, ConditionExpression="attribute_not_exists(PK)"
            )
        except ClientError as error:
            if error.response["Error"]["Code"] != "ConditionalCheckFailedException":
                raise
            logger.info("repeated delivery event %s for %s", event.event_type, mask(event.customer))
            return False
        return True

    def _count_blocked(self, customer: str) -> None:
        self._client.update_item(
            TableName=self.table_name,
            Key={"PK": {"S": customer}, "SK": {"S": STATE_SORT_KEY}},
            UpdateExpression="ADD #c :one",
            ExpressionAttributeNames={"#c": BLOCKED_COUNT_ATTRIBUTE},
            ExpressionAttributeValues={":one": {"N": "1"}},
        )

    def _suppress_at_threshold(self, event: DeliveryEvent) -> bool:
        try:
            self._client.update_item(
                TableName=self.table_name,
                Key={"PK": {"S": event.customer}, "SK": {"S": STATE_SORT_KEY}},
                UpdateExpression="SET #s = :s",
                ConditionExpression="attribute_not_exists(#s) AND #c >= :threshold",
                ExpressionAttributeNames={"#s": SUPPRESSION_ATTRIBUTE, "#c": BLOCKED_COUNT_ATTRIBUTE},
                ExpressionAttributeValues={
                    ":s": self._suppression(event, BLOCKED).attribute(),
                    ":threshold": {"N": str(self._threshold)},
                },
            )
        except ClientError as error:
            if error.response["Error"]["Code"] != "ConditionalCheckFailedException":
                raise
            return False
        logger.info("suppressed %s after %d blocked events", mask(event.customer), self._threshold)
        return True
