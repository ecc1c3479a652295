"""Reads of consent: customers' state items, 100 to a strongly consistent BatchGetItem (the sender's
one read, ``grant_record_preferences`` and ``grant_read_preferences``)."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from typing import Any

from sms_opt_out.contract import AWS_LIST_PREFIX, LIST_REMOVAL_PREFIX
from sms_opt_out.domain.preferences import NO_EVENTS, ConsentState
from sms_opt_out.errors import StateUnavailableError
from sms_opt_out.storage.consent_items import (
    BATCH_GET_LIMIT,
    STATE_SORT_KEY,
    UNPROCESSED_RETRIES,
    consent_state,
    item,
    plain,
)


class ConsentStates:
    """Reads customers' consent states and the records AWS opt-out lists left on them."""

    def __init__(self, table_name: str, client: Any) -> None:
        self.table_name = table_name
        self._client = client

    def consent_states(self, customers: Iterable[str]) -> dict[str, ConsentState]:
        """The consent state of each customer: one strongly consistent BatchGetItem per 100."""
        unique = list(dict.fromkeys(customers))
        states = dict.fromkeys(unique, NO_EVENTS)
        for start in range(0, len(unique), BATCH_GET_LIMIT):
            for found in self._batch_get(unique[start : start + BATCH_GET_LIMIT]):
                states[found["PK"]["S"]] = consent_state(found)
        return states

    def list_removals(self, customer: str) -> dict[str, str]:
        """When ``customer`` was last removed from each AWS opt-out list, by list name."""
        return self._state_records(customer, LIST_REMOVAL_PREFIX)

    def aws_list_records(self, customer: str) -> dict[str, dict[str, str]]:
        """The opt-outs learned from AWS opt-out lists (``AWSLIST#``) of ``customer``, by origination."""
        return self._state_records(customer, AWS_LIST_PREFIX)

    def _state_records(self, customer: str, prefix: str) -> dict[str, Any]:
        return {
            name.removeprefix(prefix): value
            for found in self._batch_get([customer])
            for name, value in plain(found).items()
            if name.startswith(prefix)
        }

    def _batch_get(self, customers: list[str]) -> Iterator[dict[str, Any]]:
        request: dict[str, Any] = {
            self.table_name: {
                "Keys": [item(PK=c, SK=STATE_SORT_KEY) for c in customers],
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
