"""Opt-ins that AWS will honour: a number leaves the AWS opt-out lists before its opt-in is confirmed.

A customer on an identity's AWS opt-out list gets no text from it, whatever our table says. So when
a customer opts back in (START, the registry, the CLI), the number is removed from the opt-out lists
of the identities the opt-in covers (``DeleteOptedOutNumber``; a list's name is the
``OptOutListName`` of ``DescribePhoneNumbers`` or ``DescribePools``). AWS removes a number from a
list at most once every 30 days (``REMOVAL_INTERVAL``), and only for a caller allowed to: a refused
removal leaves the opt-in recorded but unconfirmed, and an ``AWSLIST#`` record (``aws_opt_out_lists``)
saying the number is still on the list, since when, and from when removal can be tried again (30 days
after our last removal of it, or at the latest 30 days from now). Until a later opt-in succeeds, the
sender blocks the number without calling AWS, which would refuse it anyway.
"""

from __future__ import annotations

import json
import logging
import threading
import uuid
from collections.abc import Callable, Iterable, Sequence, Set
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from sms_opt_out.contract import LIST_NUMBERS_VARIABLE
from sms_opt_out.domain.phone_numbers import ALL_NUMBERS, mask
from sms_opt_out.domain.preferences import Action, PreferenceEvent, event_time
from sms_opt_out.errors import ConfigurationError
from sms_opt_out.sms.aws_opt_out_lists import CHANNEL, KEYWORD
from sms_opt_out.sms.gateway import error_code
from sms_opt_out.storage.opt_out_store import OptOutStore

logger = logging.getLogger(__name__)

REMOVAL_INTERVAL = timedelta(days=30)
"""``DeleteOptedOutNumber`` removes a number from a list at most once in this time."""
NOT_ON_LIST = "ResourceNotFoundException"
"""DeleteOptedOutNumber's answer for a number not on the list: nothing to remove."""
DEFAULT_LIST = "Default"


def parse_list_numbers(value: str | None, field: str = LIST_NUMBERS_VARIABLE) -> tuple[str, ...]:
    """``["phone-...", ...]``: the phone number IDs whose opt-out lists an opt-in clears; unset: none."""
    if value is None or not value.strip():
        return ()
    try:
        ids = json.loads(value)
    except json.JSONDecodeError:
        ids = None
    if not isinstance(ids, list) or not all(isinstance(i, str) and i.strip() for i in ids):
        raise ConfigurationError(field, "must be a JSON list of phone number IDs")
    return tuple(dict.fromkeys(i.strip() for i in ids))


@dataclass
class ListRemoval:
    """What removing one number from opt-out lists did."""

    removed: list[str] = field(default_factory=list)
    refused: dict[str, str] = field(default_factory=dict)
    """By list name: the code AWS refused with (``ValidationException`` within 30 days,
    ``AccessDeniedException``, ...)."""

    @property
    def honoured(self) -> bool:
        """True when AWS's lists no longer hold the number: an opt-in may be confirmed."""
        return not self.refused


class OptOutListNames:
    """The opt-out lists of the identities the product governs (phone number IDs and pool IDs), read
    once per container with ``DescribePhoneNumbers`` and ``DescribePools``; every identity's list when
    none is named (an operator's CLI: every number and pool of the account and region)."""

    def __init__(
        self,
        client: Any,
        phone_number_ids: Iterable[str] = (),
        pool_ids: Iterable[str] = (),
        *,
        every_identity: bool = False,
    ) -> None:
        self._client = client
        self._numbers = sorted(set(phone_number_ids))
        self._pools = sorted(set(pool_ids))
        self._every_identity = every_identity
        self._lists: dict[str, str] | None = None
        self._lock = threading.Lock()

    def names(self, keys: Set[str] | None = None) -> tuple[str, ...]:
        """The lists of the identities whose origination keys (E.164 number, pool ID) are in ``keys``;
        of every governed identity when ``keys`` is None or holds ``*`` (an opt-in for all numbers)."""
        with self._lock:
            if self._lists is None:
                self._lists = self._read()
            lists = self._lists
        chosen = [] if keys is None or ALL_NUMBERS in keys else [lists[k] for k in keys if k in lists]
        # an opt-in for all numbers, or for a number whose list is not known here: every governed list
        return tuple(sorted(set(chosen or lists.values()))) or (DEFAULT_LIST,)

    def _read(self) -> dict[str, str]:
        lists: dict[str, str] = {}
        everything = self._every_identity
        if self._numbers or everything:
            found = self._describe("describe_phone_numbers", "PhoneNumbers", "PhoneNumberIds", self._numbers)
            lists |= {d["PhoneNumber"]: d["OptOutListName"] for d in found if d.get("OptOutListName")}
        if self._pools or everything:
            found = self._describe("describe_pools", "Pools", "PoolIds", self._pools)
            lists |= {d["PoolId"]: d["OptOutListName"] for d in found if d.get("OptOutListName")}
        return lists

    def _describe(self, operation: str, key: str, ids_name: str, ids: Sequence[str]) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        kwargs: dict[str, Any] = {ids_name: list(ids)} if ids else {}
        while True:
            page = getattr(self._client, operation)(**kwargs)
            found.extend(page.get(key, []))
            if not page.get("NextToken"):
                return found
            kwargs["NextToken"] = page["NextToken"]


class OptOutListRemover:
    """Removes a customer's number from the governed opt-out lists before an opt-in is confirmed, and
    records a refusal as the number still being on the AWS list."""

    def __init__(
        self,
        client: Any,
        lists: OptOutListNames,
        store: OptOutStore,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._client = client
        self._lists = lists
        self._store = store
        self._now = now

    def remove(
        self, customer: str, opt_in: PreferenceEvent, governing: Set[str] | None = None
    ) -> ListRemoval:
        """Remove ``customer`` from the lists of the identities ``governing`` names (every governed
        list when None; a list that does not hold the number is fine). A refusal is recorded for the
        origination of ``opt_in``, at the opt-in's time or later, so that it decides."""
        removal = ListRemoval()
        now = self._now()
        try:
            lists = self._lists.names(governing)
        except (BotoCoreError, ClientError) as error:
            removal.refused["*"] = error_code(error)
            lists = ()
        for name in lists:
            try:
                self._client.delete_opted_out_number(OptOutListName=name, OptedOutNumber=customer)
            except (BotoCoreError, ClientError) as error:
                if error_code(error) != NOT_ON_LIST:
                    removal.refused[name] = error_code(error)
                continue
            removal.removed.append(name)
        if removal.removed:
            self._store.writes.note_list_removals(customer, removal.removed, event_time(now))
        if removal.refused:
            self._record_refusal(customer, opt_in, removal, now)
        return removal

    def _record_refusal(
        self, customer: str, opt_in: PreferenceEvent, removal: ListRemoval, now: datetime
    ) -> None:
        last = self._store.states.list_removals(customer)
        retry = [
            datetime.fromisoformat(last[name].replace("Z", "+00:00")) + REMOVAL_INTERVAL
            for name in removal.refused
            if name in last
        ]
        retry_after = max(retry, default=now + REMOVAL_INTERVAL)
        refused = ", ".join(f"{name}: {code}" for name, code in sorted(removal.refused.items()))
        record = {
            "Action": Action.OPT_OUT.value,
            "Timestamp": max(event_time(now), opt_in.timestamp),
            "Channel": CHANNEL,
            "Keyword": KEYWORD,
            "EventId": str(uuid.uuid4()),
            "OID": opt_in.origination,
            "Response": KEYWORD,
            "Operation": "DeleteOptedOutNumber",
            "AwsAnswer": f"DeleteOptedOutNumber refused ({refused})",
            "OptOutLists": ", ".join(sorted(removal.refused)),
            "RetryAfter": event_time(retry_after),
        }
        self._store.writes.record_aws_opt_out(customer, opt_in.origination, record)
        logger.warning(
            "%s is still on AWS opt-out lists (%s): opt-in recorded, not confirmed",
            mask(customer),
            ", ".join(sorted(removal.refused.values())),
        )
