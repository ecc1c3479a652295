"""Customers' leases on their state items, taken with the state write of a reply (``leases``): the
reply function's conditional UpdateItems."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from botocore.exceptions import ClientError

from sms_opt_out.domain.leases import OWNER_ATTRIBUTE, UNTIL_ATTRIBUTE, Lease
from sms_opt_out.domain.phone_numbers import mask
from sms_opt_out.domain.preferences import ConsentState, PreferenceEvent
from sms_opt_out.storage.consent_items import (
    STATE_SORT_KEY,
    condition_failed,
    consent_state,
    item,
    state_update,
)
from sms_opt_out.storage.consent_writes import ConsentWrites

logger = logging.getLogger(__name__)

LEASE_FREE = "attribute_not_exists(#until) OR #until < :now"
"""The condition of taking a customer's lease: nobody holds it, or its holder's term ran out."""


@dataclass(frozen=True)
class Claim:
    """What ``apply_and_claim`` did: the customer's consent state (as written, or as found), whether the
    event is (now, or already) its origination's latest, and whether the customer's lease is ours."""

    state: ConsentState
    applied: bool
    leased: bool


class ConsentLeases:
    """Takes and gives back customers' leases, applying a reply's event in the same write."""

    def __init__(self, table_name: str, client: Any) -> None:
        self.table_name = table_name
        self._client = client
        self._writes = ConsentWrites(table_name, client)

    def apply_and_claim(self, event: PreferenceEvent, lease: Lease, now_ms: int) -> Claim:
        """Make ``event`` its origination's state (as ``ConsentWrites.apply``) and take the customer's
        lease (as ``claim``) in one conditional UpdateItem.

        When another reply holds the lease, ``event`` is applied all the same (a second request, only
        then): an opt-out is enforced before its reply waits for its turn to be answered. A redelivered
        event that is already its origination's latest (the same ``EventId``) counts as applied.
        """
        update = state_update(self.table_name, event)
        update["UpdateExpression"] += ", #owner = :owner, #until = :until"
        update["ConditionExpression"] = (
            f"({update['ConditionExpression']} OR #o.#eid = :eid) AND ({LEASE_FREE})"
        )
        update["ExpressionAttributeNames"] |= {
            "#eid": "EventId",
            "#owner": OWNER_ATTRIBUTE,
            "#until": UNTIL_ATTRIBUTE,
        }
        update["ExpressionAttributeValues"] |= {":eid": {"S": event.event_id}, **_lease_values(lease, now_ms)}
        try:
            response = self._client.update_item(
                **update, ReturnValues="ALL_NEW", ReturnValuesOnConditionCheckFailure="ALL_OLD"
            )
        except ClientError as error:
            if not condition_failed(error):
                raise
            current = error.response.get("Item") or {}
            if _lease_free(current, now_ms):
                logger.info("event for %s superseded by a later one", mask(event.customer))
                return Claim(consent_state(current), applied=False, leased=False)
            # Another reply holds the lease: this one is retried, its event enforced meanwhile.
            applied = self._writes.apply(event)
            return Claim(applied or consent_state(current), applied=applied is not None, leased=False)
        return Claim(consent_state(response["Attributes"]), applied=True, leased=True)

    def claim(self, customer: str, lease: Lease, now_ms: int) -> ConsentState | None:
        """Take ``customer``'s lease unless another reply holds it (expired by ``now_ms`` counts as free).

        Returns the customer's consent state as it is under the lease; None while another holds it.
        """
        try:
            response = self._client.update_item(
                TableName=self.table_name,
                Key=item(PK=customer, SK=STATE_SORT_KEY),
                UpdateExpression="SET #owner = :owner, #until = :until",
                ConditionExpression=LEASE_FREE,
                ExpressionAttributeNames={"#owner": OWNER_ATTRIBUTE, "#until": UNTIL_ATTRIBUTE},
                ExpressionAttributeValues=_lease_values(lease, now_ms),
                ReturnValues="ALL_NEW",
            )
        except ClientError as error:
            if not condition_failed(error):
                raise
            return None
        return consent_state(response["Attributes"])

    def release(self, customer: str, lease: Lease) -> None:
        """Give the customer's lease back, if it is still ours."""
        try:
            self._client.update_item(**release_update(self.table_name, customer, lease))
        except ClientError as error:
            if not condition_failed(error):
                raise
            lease_expired(customer)


def release_update(table_name: str, customer: str, lease: Lease) -> dict[str, Any]:
    """UpdateItem parameters that give the customer's lease back, if it is still ``lease``."""
    return {
        "TableName": table_name,
        "Key": item(PK=customer, SK=STATE_SORT_KEY),
        "UpdateExpression": "REMOVE #owner, #until",
        "ConditionExpression": "#owner = :owner",
        "ExpressionAttributeNames": {"#owner": OWNER_ATTRIBUTE, "#until": UNTIL_ATTRIBUTE},
        "ExpressionAttributeValues": {":owner": {"S": lease.owner}},
    }


def lease_expired(customer: str) -> None:
    logger.warning("the lease of %s had expired before it was released", mask(customer))


def _lease_values(lease: Lease, now_ms: int) -> dict[str, Any]:
    return {":owner": {"S": lease.owner}, ":until": {"N": str(lease.until_ms)}, ":now": {"N": str(now_ms)}}


def _lease_free(state_item: Mapping[str, Any], now_ms: int) -> bool:
    """``LEASE_FREE`` of a state item as read (to tell which part of a failed condition failed)."""
    return UNTIL_ATTRIBUTE not in state_item or int(state_item[UNTIL_ATTRIBUTE]["N"]) < now_ms
