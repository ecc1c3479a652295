"""Writes of consent: an event made its origination's state, recorded in the audit trail, and the
records an AWS opt-out list leaves on the state item (``grant_record_preferences``: PutItem,
UpdateItem; the sender's one write, an ``AWSLIST#`` attribute)."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from typing import Any

from botocore.exceptions import ClientError

from sms_opt_out.contract import AWS_LIST_PREFIX, LIST_REMOVAL_PREFIX
from sms_opt_out.domain.phone_numbers import mask
from sms_opt_out.domain.preferences import ConsentState, PreferenceEvent
from sms_opt_out.storage.consent_items import (
    STATE_SORT_KEY,
    condition_failed,
    consent_state,
    history_item,
    item,
    plain,
    state_update,
    to_attr,
)

logger = logging.getLogger(__name__)


class ConsentWrites:
    """Applies and records opt-outs and opt-ins, and keeps what AWS opt-out lists tell of a customer."""

    def __init__(self, table_name: str, client: Any) -> None:
        self.table_name = table_name
        self._client = client

    def apply(self, event: PreferenceEvent) -> ConsentState | None:
        """Make ``event`` the state of its origination unless a later event is there already.

        Returns the customer's whole consent state once ``event`` is (now, or already) the latest
        for its origination, read in the same request; None when a later event supersedes it.
        """
        try:
            response = self._client.update_item(
                **state_update(self.table_name, event),
                ReturnValues="ALL_NEW",
                ReturnValuesOnConditionCheckFailure="ALL_OLD",
            )
        except ClientError as error:
            if not condition_failed(error):
                raise
            current = error.response.get("Item") or {}
            if plain(current).get(event.origination, {}).get("EventId") != event.event_id:
                logger.info("event for %s superseded by a later one", mask(event.customer))
                return None
            return consent_state(current)
        return consent_state(response["Attributes"])

    def record(self, event: PreferenceEvent) -> bool:
        """Append ``event`` to the audit trail and apply it; True when it is now the latest."""
        self._client.put_item(TableName=self.table_name, Item=history_item(event))
        return self.apply(event) is not None

    def record_aws_opt_out(self, customer: str, origination: str, record: Mapping[str, str]) -> bool:
        """Keep an opt-out learned from an AWS opt-out list as ``AWSLIST#<origination>`` on the state
        item, unless a later one is there: one conditional UpdateItem touching that attribute only.
        True when written."""
        try:
            self._client.update_item(
                TableName=self.table_name,
                Key=item(PK=customer, SK=STATE_SORT_KEY),
                UpdateExpression="SET #r = :record",
                ConditionExpression="attribute_not_exists(#r) OR #r.#ts < :ts",
                ExpressionAttributeNames={"#r": AWS_LIST_PREFIX + origination, "#ts": "Timestamp"},
                ExpressionAttributeValues={":record": to_attr(record), ":ts": {"S": record["Timestamp"]}},
            )
        except ClientError as error:
            if not condition_failed(error):
                raise
            return False
        return True

    def note_list_removals(self, customer: str, list_names: Iterable[str], at: str) -> None:
        """Keep when ``customer`` was removed from each AWS opt-out list (for the 30-day rule)."""
        names = {f"#n{i}": LIST_REMOVAL_PREFIX + name for i, name in enumerate(list_names)}
        self._client.update_item(
            TableName=self.table_name,
            Key=item(PK=customer, SK=STATE_SORT_KEY),
            UpdateExpression="SET " + ", ".join(f"{alias} = :at" for alias in names),
            ExpressionAttributeNames=names,
            ExpressionAttributeValues={":at": {"S": at}},
        )
