"""Suppressions: numbers the carriers report invalid or blocked, which the sender stops texting.

A suppression is not an opt-out and never consent: it says nothing of what the customer wants, only
that texts to the number do not arrive. It lives on the customer's ``STATE`` item as the
``Suppression`` attribute (``Reason``, ``Since``, ``MessageIds``, ``Events``), so the consent read the
sender already makes (one BatchGetItem per 100 recipients) sees it: no request more on the send path.

- ``TEXT_INVALID`` (or ``MEDIA_INVALID``, ``RCS_INVALID``): no such number, suppressed at once;
- ``TEXT_BLOCKED`` or ``TEXT_CARRIER_BLOCKED`` (and their ``MEDIA_``/``RCS_`` forms):
  ``BLOCKED_THRESHOLD`` such events for a number suppress it (``BlockedEvents`` counts them; a
  delivered text starts the count afresh).

The sender answers ``SUPPRESSED`` with the reason. A later inbound reply from the number (it is
reachable after all) lifts it, as does the operator (``sms-opt-out suppressions lift NUMBER``).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from botocore.exceptions import ClientError

from sms_opt_out.contract import BLOCKED_COUNT_ATTRIBUTE, SUPPRESSION_ATTRIBUTE
from sms_opt_out.domain.phone_numbers import mask

logger = logging.getLogger(__name__)

BLOCKED_THRESHOLD = 3
"""Blocked events (``TEXT_BLOCKED``, ``TEXT_CARRIER_BLOCKED``) that suppress a number: one can be a
passing carrier filter or a full handset; three in a row that nothing was delivered between are not."""
INVALID = "INVALID"
BLOCKED = "BLOCKED"
STATE_SORT_KEY = "STATE"


@dataclass(frozen=True)
class Suppression:
    customer: str
    reason: str
    """``INVALID`` (no such number) or ``BLOCKED`` (``BLOCKED_THRESHOLD`` blocked events)."""
    since: str
    """The time of the event that suppressed the number."""
    event_type: str
    message_id: str
    description: str = ""
    """The carrier's ``messageStatusDescription`` of that event."""

    def attribute(self) -> dict[str, Any]:
        return {
            "M": {
                "Reason": {"S": self.reason},
                "Since": {"S": self.since},
                "EventType": {"S": self.event_type},
                "MessageId": {"S": self.message_id},
                "Description": {"S": self.description or "-"},
            }
        }

    @classmethod
    def from_item(cls, customer: str, value: Mapping[str, Any]) -> Suppression:
        fields = {k: v["S"] for k, v in value["M"].items()}
        return cls(
            customer,
            fields["Reason"],
            fields["Since"],
            fields.get("EventType", ""),
            fields.get("MessageId", ""),
            fields.get("Description", ""),
        )


class Suppressions:
    """Writes, lifts and lists suppressions on the customers' state items."""

    def __init__(self, table_name: str, client: Any) -> None:
        self.table_name = table_name
        self._client = client

    def suppress(self, suppression: Suppression) -> bool:
        """Suppress the number unless it is already; True when this call did."""
        try:
            self._client.update_item(
                TableName=self.table_name,
                Key={"PK": {"S": suppression.customer}, "SK": {"S": STATE_SORT_KEY}},
                UpdateExpression="SET #s = :s",
                ConditionExpression="attribute_not_exists(#s)",
                ExpressionAttributeNames={"#s": SUPPRESSION_ATTRIBUTE},
                ExpressionAttributeValues={":s": suppression.attribute()},
            )
        except ClientError as error:
            if error.response["Error"]["Code"] != "ConditionalCheckFailedException":
                raise
            return False
        logger.info("suppressed %s: %s", mask(suppression.customer), suppression.reason)
        return True

    def reset_blocked(self, customer: str) -> None:
        """A text was delivered: blocked events count afresh (one UpdateItem, only if any was counted)."""
        try:
            self._client.update_item(
                TableName=self.table_name,
                Key={"PK": {"S": customer}, "SK": {"S": STATE_SORT_KEY}},
                UpdateExpression="REMOVE #c",
                ConditionExpression="attribute_exists(#c)",
                ExpressionAttributeNames={"#c": BLOCKED_COUNT_ATTRIBUTE},
            )
        except ClientError as error:
            if error.response["Error"]["Code"] != "ConditionalCheckFailedException":
                raise

    def lift(self, customer: str, *, replied_at: str | None = None) -> Suppression | None:
        """Lift the number's suppression (and its blocked count); the one lifted, or None if none was.
        With ``replied_at`` (an inbound reply's time), only a suppression from before it is lifted."""
        condition = "attribute_exists(#s)"
        values: dict[str, Any] = {}
        names = {"#s": SUPPRESSION_ATTRIBUTE, "#c": BLOCKED_COUNT_ATTRIBUTE}
        if replied_at is not None:
            condition += " AND #s.#since < :at"
            names["#since"] = "Since"
            values[":at"] = {"S": replied_at}
        try:
            response = self._client.update_item(
                TableName=self.table_name,
                Key={"PK": {"S": customer}, "SK": {"S": STATE_SORT_KEY}},
                UpdateExpression="REMOVE #s, #c",
                ConditionExpression=condition,
                ExpressionAttributeNames=names,
                **({"ExpressionAttributeValues": values} if values else {}),
                ReturnValues="ALL_OLD",
            )
        except ClientError as error:
            if error.response["Error"]["Code"] != "ConditionalCheckFailedException":
                raise
            return None
        lifted = Suppression.from_item(customer, response["Attributes"][SUPPRESSION_ATTRIBUTE])
        logger.info("lifted the suppression of %s", mask(customer))
        return lifted

    def all(self) -> Iterator[Suppression]:
        """Every suppressed number (a Scan: for the operator, not the send path)."""
        kwargs: dict[str, Any] = {
            "TableName": self.table_name,
            "FilterExpression": "SK = :state AND attribute_exists(#s)",
            "ExpressionAttributeNames": {"#s": SUPPRESSION_ATTRIBUTE},
            "ExpressionAttributeValues": {":state": {"S": STATE_SORT_KEY}},
        }
        while True:
            response = self._client.scan(**kwargs)
            for item in response["Items"]:
                yield Suppression.from_item(item["PK"]["S"], item[SUPPRESSION_ATTRIBUTE])
            if "LastEvaluatedKey" not in response:
                return
            kwargs["ExclusiveStartKey"] = response["LastEvaluatedKey"]
