"""Phone pools: which of our numbers each pool holds, read from ``ListPoolOriginationIdentities``.

A pool is one origination for consent, so the sender asks which pool a number is in and which
numbers a pool holds (and the reply processor, under scope ORIGINATION, once a reply is recorded,
to judge its confirmation). Membership is read page by page (every page) and kept
``MEMBERSHIP_TTL_SECONDS`` per container: a number added to, moved between or removed from a pool
is seen by every container at most that long after the change. Until then a send through a pool
is checked against the pool's old numbers.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from sms_opt_out.contract import POOL_IDS_VARIABLE
from sms_opt_out.domain.deadline import Deadline
from sms_opt_out.domain.phone_numbers import to_origination_number
from sms_opt_out.errors import ConfigurationError
from sms_opt_out.sms.pacing import retry_throttled
from sms_opt_out.sms.rcs import rcs_agent_id

MEMBERSHIP_TTL_SECONDS = 300.0
"""How long one container trusts a pool's membership before reading it again (the bound above)."""
POOL_ID = re.compile(r"pool-[0-9a-zA-Z]+")
POOL_ARN = re.compile(r"arn:aws[a-z-]*:sms-voice:[a-z0-9-]+:\d{12}:pool/(pool-[0-9a-zA-Z]+)")


def pool_id(identity: str) -> str | None:
    """The pool ID that ``identity`` (a pool ID or ARN) names, or None when it names no pool."""
    if POOL_ID.fullmatch(identity):
        return identity
    if arn := POOL_ARN.fullmatch(identity):
        return arn.group(1)
    return None


def parse_pool_ids(value: str | None, field: str = POOL_IDS_VARIABLE) -> tuple[str, ...]:
    """``["pool-...", ...]`` (IDs or ARNs, as pool IDs); unset or empty means none."""
    if value is None or not value.strip():
        return ()
    try:
        pools = json.loads(value)
    except json.JSONDecodeError:
        pools = None
    ids = [pool_id(p) if isinstance(p, str) else None for p in pools] if isinstance(pools, list) else [None]
    if None in ids:
        raise ConfigurationError(field, "must be a JSON list of pool IDs or ARNs")
    return tuple(dict.fromkeys(i for i in ids if i is not None))


@dataclass(frozen=True)
class _Read:
    at: float
    numbers: frozenset[str]


class PoolMembership:
    """The phone numbers (E.164) of pools, cached per pool; thread-safe, kept for the container's life.

    ``configured`` are the construct's pools: the ones a number's pool is looked for in.
    """

    def __init__(
        self,
        client: Any,
        configured: Sequence[str] = (),
        ttl: float = MEMBERSHIP_TTL_SECONDS,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._client = client
        self.configured = tuple(dict.fromkeys(configured))
        self._ttl = ttl
        self._clock = clock
        self._sleep = sleep
        self._reads: dict[str, _Read] = {}
        self._lock = threading.Lock()
        self._lookups: dict[str, threading.Lock] = {}

    def numbers(self, pool: str, deadline: Deadline | None = None) -> frozenset[str]:
        """The E.164 numbers (and short codes) and RCS agent IDs of ``pool``, read at most ``ttl``
        seconds ago.

        Raises the lookup's ClientError (access denied, not found, throttled until the time ran out).
        """
        with self._lock:
            lookup = self._lookups.setdefault(pool, threading.Lock())
        with lookup:  # one read per pool at a time: the container's other sends wait for it
            with self._lock:
                read = self._reads.get(pool)
            if read is None or self._clock() - read.at > self._ttl:
                read = _Read(self._clock(), self._list(pool, deadline or Deadline.none()))
                with self._lock:
                    self._reads[pool] = read
            return read.numbers

    def pool_of(self, number: str, deadline: Deadline | None = None) -> str | None:
        """The configured pool ``number`` (or RCS agent ID) belongs to, or None."""
        return next((p for p in self.configured if number in self.numbers(p, deadline)), None)

    def _list(self, pool: str, deadline: Deadline) -> frozenset[str]:
        numbers: set[str] = set()
        token: str | None = None
        while True:
            page = retry_throttled(
                partial(
                    self._client.list_pool_origination_identities,
                    PoolId=pool,
                    **({"NextToken": token} if token else {}),
                ),
                "ListPoolOriginationIdentities",
                deadline,
                self._sleep,
            )
            for identity in page.get("OriginationIdentities", []):
                if identity.get("PhoneNumber"):
                    numbers.add(to_origination_number(identity["PhoneNumber"], "PhoneNumber"))
                elif agent := rcs_agent_id(str(identity.get("OriginationIdentityArn", ""))):
                    numbers.add(agent)  # an RCS agent receives replies too: one origination with the pool
                # a sender ID in a pool has neither: it never receives replies
            token = page.get("NextToken")
            if not token:
                return frozenset(numbers)
