"""One rate per number across the fleet: the containers sending from an identity share its rate.

AWS's limit holds per number, the pacer's per container. Each container sending from an identity
with a known rate holds a lease on it in the table, renewed every ``RENEW_SECONDS`` while it sends
(its threads waiting for their slots renew it too) and lasting ``LEASE_SECONDS``: one ``UpdateItem``
on the item ``RATE#<identity>`` sets the container's own attribute (``H_<container>.<n>``, its n-th
lease) to its lease's end, removes the leases it saw expired, and answers the whole item
(``ALL_NEW``), so the same request tells the container how many leases are live. Its share of the
rate is then 1 / that count: one container alone gets the whole rate, four get a quarter each. A
container that has sent what it was given (the end of a batch) removes its lease at once
(``release``), so the others take its share at their next renewal; a container that stops without
doing so (a timeout, a crash) frees it when its lease ends. No write depends on another's (each
container writes only its attribute), so no condition can fail and no retry is needed. A lease that
has ended is never written again (a container joining again writes a new one), so a lease another
container saw expired and removes at its next renewal is never one written since.

A renewal also tells until when the other containers' leases run (``others_sending``): until the
last of them ends, this container knows without asking that it does not have the rate to itself, so
a reply that only wants to know whether it may send alone (the reply function under a burst) asks
nothing, and joins nothing it would have to release. Once that lease has ended, it looks again
(one eventually consistent ``GetItem``, half a read unit, which joins nothing) before it would join,
until a look shows no other: a container that never saw another pays nothing for this.

A joining container is counted by the others at their next renewal, so a container that finds
others sending waits until the last of them has renewed (each lease tells when it was written)
before its first send from the identity, while they make room: at most ``RENEW_SECONDS``. A
container whose lease has ended without its knowing (frozen between invocations, or its process
paused, for longer than ``LEASE_SECONDS``: the others have dropped it and taken its share) joins
again the same way: its share is judged by its lease's end on this clock, the one the others judge
the lease by, and its renewal after the stall is a join. Until a join's renewal has answered, the
share is not used: the container's other threads wait (``JOINING_WAIT_SECONDS`` at a time).

Cost: one write request (about 1 WCU: the item holds a number per live container) per container
and identity each second while it sends, and one more when a batch is done; nothing while it is idle.
A join after a stall is the renewal that was due anyway: no request more.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sms_opt_out.contract import EXPIRES_AT_ATTRIBUTE as TTL_ATTRIBUTE
from sms_opt_out.contract import RATE_PREFIX as KEY_PREFIX

logger = logging.getLogger(__name__)

SORT_KEY = "RATE"
HOLDER_PREFIX = "H_"
RENEW_SECONDS = 1.0
LEASE_SECONDS = 2.0
"""A lease outlives one missed renewal: a busy container is not dropped for one slow write."""
JOINING_WAIT_SECONDS = 0.05
"""While one thread's renewal joins (or joins again after a stall), the others wait this long before
they look again: the renewal is one round trip to DynamoDB."""
ITEM_DAYS = 1
"""An item not renewed for a day expires (the table's TTL): a number no longer sent from leaves nothing."""


@dataclass
class _Share:
    holders: int = 1
    renewed_at: float | None = None
    lease_ends: float | None = None
    """When the lease this container last wrote ends (None: none written)."""
    holder: str = ""
    """The attribute of the lease this container last wrote (or is writing)."""
    start_at: float | None = None
    """When this container may first send: the others have all counted it by then."""
    expired: list[str] = field(default_factory=list)
    renewing: bool = False

    def held(self, now: float) -> bool:
        """Whether this container's lease runs at ``now`` (the others judge it by the same end)."""
        return self.lease_ends is not None and now < self.lease_ends

    def answer(self, now: float) -> tuple[float, float]:
        """The share and the wait before sending, as known at ``now`` (under the lock): while a renewal
        joins (no lease held: never written, or ended), the share is not known yet."""
        if self.renewing and not self.held(now):
            return 1 / self.holders, JOINING_WAIT_SECONDS
        return 1 / self.holders, 0.0 if self.start_at is None else max(0.0, self.start_at - now)


class SharedRates:
    """This container's share of each identity's rate; thread-safe, kept for the container's life.

    ``clock`` is epoch seconds (leases compare across machines); ``container`` names this container.
    """

    def __init__(
        self,
        table_name: str,
        client: Any,
        clock: Callable[[], float] | None = None,
        container: str | None = None,
    ) -> None:
        self.table_name = table_name
        self._client = client
        self._clock = clock or (lambda: time.time())
        self.container = container or uuid.uuid4().hex
        self._mine = f"{HOLDER_PREFIX}{self.container}."
        """The attributes of this container's leases start so."""
        self._leases = itertools.count(1)
        self._shares: dict[str, _Share] = {}
        self._others: dict[str, float] = {}
        """When the last lease of another container seen at this one's last renewal ends, by identity."""
        self._lock = threading.Lock()

    def share(self, identity: str) -> tuple[float, float]:
        """This container's share of ``identity``'s rate (1 / live leases), renewing its lease when
        due, and the seconds to wait before sending (a container joining others, or joining again
        after its lease ended during a stall, waits for them to renew and make room).

        One thread renews; the others go on at the share last known while the lease runs, and wait
        while the renewal joins. A renewal AWS refuses keeps the last share.
        """
        self._renew_if_due(identity)
        with self._lock:
            return self._shares[identity].answer(self._clock())

    def others_sending(self, identity: str) -> bool:
        """Whether another container holds a lease on ``identity``'s rate now: the last one this
        container saw (at a renewal or a look) still runs (asking nothing; if that container released
        it early, the rate was shared until then), or, once it has ended, a look at the item shows one.
        False without asking when this container never saw another (or its last look showed none);
        a look AWS refuses counts as none (the caller joins, and its renewal tells the truth)."""
        now = self._clock()
        with self._lock:
            until = self._others.get(identity)
        if until is None:
            return False
        if until > now:
            return True
        try:
            answer = self._client.get_item(TableName=self.table_name, Key=_key(identity))
        except Exception as error:  # noqa: BLE001 - not known: the caller joins, and learns at its renewal
            logger.warning("rate leases of an identity not read: %s", type(error).__name__)
            answer = {}
        _, _, others_renewed = _holders(answer.get("Item", {}), now, self._mine)
        with self._lock:
            self._remember_others(identity, others_renewed)
        return others_renewed is not None

    def release(self, identity: str) -> None:
        """This container is done sending from ``identity`` for now: its lease is removed, so the
        others take its share at their next renewal (its next ``share`` joins again).

        A removal AWS refuses is left to the lease's end."""
        with self._lock:
            share = self._shares.pop(identity, None)
        if share is None or share.renewed_at is None:
            return
        try:
            self._client.update_item(
                TableName=self.table_name,
                Key=_key(identity),
                UpdateExpression="REMOVE #me",
                ExpressionAttributeNames={"#me": share.holder},
            )
        except Exception as error:  # noqa: BLE001 - the lease ends by itself within LEASE_SECONDS
            logger.warning("rate lease of an identity not released: %s", type(error).__name__)

    def _renew_if_due(self, identity: str) -> None:
        """Renew this container's lease on ``identity`` when due (one thread at a time); a renewal
        while it holds no lease (its first, or after its lease ended) is a join."""
        now = self._clock()
        with self._lock:
            share = self._shares.setdefault(identity, _Share())
            due = share.renewed_at is None or now - share.renewed_at >= RENEW_SECONDS
            if not due or share.renewing:
                return
            share.renewing = True
            expired = list(share.expired)
            if not share.held(now):  # a join: an ended lease is never written again
                share.holder = f"{self._mine}{next(self._leases)}"
            holder = share.holder
        try:
            item = self._renew(identity, now, holder, expired)
        except Exception as error:  # noqa: BLE001 - the pace goes on at the last share; the next renewal retries
            logger.warning("rate lease of an identity not renewed: %s", type(error).__name__)
            with self._lock:
                share.renewing = False
                share.renewed_at = now
            return
        others, gone, others_renewed = _holders(item, now, self._mine)
        with self._lock:
            if not share.held(now) and others_renewed is not None:
                share.start_at = min(now, others_renewed) + RENEW_SECONDS
            self._remember_others(identity, others_renewed)
            share.holders = 1 + others
            share.expired = gone
            share.renewed_at = now
            share.lease_ends = now + LEASE_SECONDS
            share.renewing = False

    def _remember_others(self, identity: str, others_renewed: float | None) -> None:
        """Under the lock: when the last other lease seen on ``identity`` ends (None: none seen)."""
        if others_renewed is None:
            self._others.pop(identity, None)
        else:
            self._others[identity] = others_renewed + LEASE_SECONDS

    def _renew(self, identity: str, now: float, holder: str, expired: list[str]) -> dict[str, Any]:
        names = {"#me": holder, "#ttl": TTL_ATTRIBUTE}
        names |= {f"#x{n}": ended for n, ended in enumerate(expired) if ended != holder}
        expression = "SET #me = :until, #ttl = :ttl"
        removed = [name for name in names if name.startswith("#x")]
        if removed:
            expression += " REMOVE " + ", ".join(removed)
        answer = self._client.update_item(
            TableName=self.table_name,
            Key=_key(identity),
            UpdateExpression=expression,
            ExpressionAttributeNames=names,
            ExpressionAttributeValues={
                ":until": {"N": f"{now + LEASE_SECONDS:.3f}"},
                ":ttl": {"N": str(int(now) + ITEM_DAYS * 86_400)},
            },
            ReturnValues="ALL_NEW",
        )
        attributes: dict[str, Any] = answer.get("Attributes", {})
        return attributes


def _key(identity: str) -> dict[str, Any]:
    return {"PK": {"S": KEY_PREFIX + identity}, "SK": {"S": SORT_KEY}}


def _holders(item: dict[str, Any], now: float, mine: str) -> tuple[int, list[str], float | None]:
    """How many other containers' leases of ``item`` (not starting with ``mine``) are live at
    ``now``, the attribute names of the expired leases, and when the last of the other live ones was
    renewed (None: no other)."""
    others, gone, renewed = 0, [], None
    for name, value in item.items():
        if not name.startswith(HOLDER_PREFIX):
            continue
        until = float(value["N"])
        if until <= now:
            gone.append(name)
        elif not name.startswith(mine):
            others += 1
            renewed = max(renewed or 0.0, until - LEASE_SECONDS)
    return others, gone, renewed
