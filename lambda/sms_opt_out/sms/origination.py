"""Origination identities: what a send goes out as, and the consent keys that govern it.

``OriginationIdentity`` may be a phone number (E.164, short code, ID or ARN), a pool (ID or ARN), an
RCS agent (its ARN, or an ID the construct configured: ``rcs``) or a sender ID (or its ARN). An
agent is an origination like a number: its ID is its key, and in a pool it is one origination with
the pool's numbers, both ways. Consent is keyed on origination keys (``consent``): a number's own key is
its E.164 number; a pool is one origination, so the pool ID and every number of the pool govern a
send through the pool or through any of its numbers (``pools``); a sender ID cannot receive
replies, so only opt-outs that apply to all numbers (``*``) govern it.

The construct's own numbers reach the function at deploy time (``ORIGINATION_NUMBERS``: phone number
ID and ARN to E.164), so they cost no control-plane call. Any other phone number ID or ARN is looked
up once per container with ``DescribePhoneNumbers``, whose quota is 1 request per second per account:
a throttled lookup is retried with jittered backoff for as long as the invocation's time allows, and
the container's concurrent sends of one identity wait for that one lookup.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from botocore.exceptions import ClientError

from sms_opt_out.contract import ORIGINATION_NUMBERS_VARIABLE
from sms_opt_out.domain.deadline import Deadline
from sms_opt_out.domain.phone_numbers import ALL_NUMBERS, is_phone_number_reference, to_origination_number
from sms_opt_out.errors import ConfigurationError, InvalidFieldError, InvalidRequestError
from sms_opt_out.sms.gateway import error_code
from sms_opt_out.sms.pacing import retry_throttled
from sms_opt_out.sms.pools import PoolMembership, pool_id
from sms_opt_out.sms.rcs import rcs_agent_id

if TYPE_CHECKING:  # made, and its module imported, by the container's first Notify send
    from sms_opt_out.sms.notify import NotifyConfigurations

SENDER_ID = re.compile(r"(?=[0-9A-Za-z-]*[A-Za-z])[0-9A-Za-z-]{1,11}")
"""An alphanumeric sender ID: 1 to 11 letters, digits and hyphens, at least one letter."""
SENDER_ID_ARN = re.compile(
    r"arn:aws[a-z-]*:sms-voice:[a-z0-9-]+:\d{12}:sender-id/([0-9A-Za-z-]{1,11})/[A-Z]{2}"
)
_IDENTITY_FORMS = (
    "must be an E.164 number or short code, a phone number ID or ARN, a pool ID or ARN, "
    "an RCS agent ARN or configured ID, or a sender ID or its ARN"
)

logger = logging.getLogger(__name__)


def parse_origination_numbers(value: str | None, field: str = ORIGINATION_NUMBERS_VARIABLE) -> dict[str, str]:
    """``{"phone-...": "+1844...", "arn:...": "+1844..."}``; unset or empty means none known."""
    if value is None or not value.strip():
        return {}
    try:
        numbers = json.loads(value)
    except json.JSONDecodeError:
        raise ConfigurationError(field, "must be a JSON object of phone number ID or ARN to E.164") from None
    if not isinstance(numbers, dict):
        raise ConfigurationError(field, "must be a JSON object of phone number ID or ARN to E.164")
    try:
        return {str(k): to_origination_number(v, field) for k, v in numbers.items()}
    except InvalidFieldError as error:
        raise ConfigurationError(field, error.reason) from None


def _arn_id(identity: str) -> str:
    """The phone number ID an ARN ends with (``...:phone-number/phone-...``); else the identity itself."""
    return identity.rpartition("phone-number/")[2]


@dataclass(frozen=True)
class Origination:
    key: str
    """What the send goes out as: the E.164 number (or short code), the pool ID or the sender ID.
    Sends are paced and dispatched per key."""
    names: tuple[str, ...]
    """Every name known for it (the key, its IDs, its ARN): configured rates may use any."""
    governing: frozenset[str]
    """The origination keys whose consent events decide a send from it (``*`` among them)."""
    state_key: str
    """Where a reply to it is recorded: the pool ID for a number of a configured pool, else the key."""


class Originations:
    """Resolves ``OriginationIdentity`` values; thread-safe, kept for the container's life."""

    def __init__(
        self,
        client: Any,
        known: Mapping[str, str] | None = None,
        sleep: Callable[[float], None] = time.sleep,
        pools: PoolMembership | None = None,
        notify: NotifyConfigurations | None = None,
        agents: Sequence[str] = (),
        described: Callable[[Mapping[str, Any]], None] | None = None,
    ) -> None:
        """``agents`` are the RCS agent IDs known without their ARN (the construct's); ``described`` is
        told every DescribePhoneNumbers entry looked up (its rate and type)."""
        self._client = client
        self.agents = frozenset(agents)
        self._notify = notify
        self._described = described
        self._numbers: dict[str, str] = dict(known or {})
        self._sleep = sleep
        self._pools = pools or PoolMembership(client, sleep=sleep)
        self._lock = threading.Lock()
        self._lookups: dict[str, threading.Lock] = {}

    def names(self, identity: str) -> tuple[str, ...]:
        """The number ``identity`` stands for (itself if unknown), then the IDs and ARNs known for it."""
        with self._lock:
            number = self._numbers.get(identity) or self._numbers.get(_arn_id(identity), identity)
            return (number, *sorted(k for k, v in self._numbers.items() if v == number))

    def resolve(self, identity: str, deadline: Deadline | None = None) -> Origination:
        """What ``identity`` sends as and the keys that govern it; raise InvalidRequestError if it is
        none of the accepted forms, or names no phone number or pool.

        A lookup that AWS refuses (access denied, or throttled until the time is spent) raises
        its ClientError: that request fails, not the others.
        """
        identity = identity.strip()
        deadline = deadline or Deadline.none()
        if (pool := pool_id(identity)) is not None:
            if identity != pool:
                with self._lock:
                    self._numbers[identity] = pool  # the ARN: a name of the pool for its rate
            return self._in_pool(pool, pool, deadline)
        if is_phone_number_reference(identity):
            number = self._number(identity, deadline)
        elif sender := SENDER_ID_ARN.fullmatch(identity):
            return self._sender_id(sender.group(1), identity)
        elif (agent := rcs_agent_id(identity, self.agents)) is not None:
            number = agent
            if identity != agent:
                with self._lock:
                    self._numbers[identity] = agent  # the ARN: a name of the agent for its rate
        else:
            try:
                number = to_origination_number(identity, "OriginationIdentity")
            except InvalidFieldError:
                if SENDER_ID.fullmatch(identity):
                    return self._sender_id(identity)
                raise InvalidRequestError("OriginationIdentity", _IDENTITY_FORMS) from None
        pool = self._pools.pool_of(number, deadline)
        if pool is not None:
            return self._in_pool(number, pool, deadline)
        return Origination(number, self.names(number), frozenset({number, ALL_NUMBERS}), number)

    def answer_through(self, identity: str, deadline: Deadline | None = None) -> str:
        """What an answer to a reply received through ``identity`` goes out from: the pool of an RCS
        agent in a configured pool (RCS first, SMS from the pool's numbers as fallback), else ``identity``."""
        agent = rcs_agent_id(identity.strip(), self.agents)
        if agent is None:
            return identity
        return self._pools.pool_of(agent, deadline) or identity

    def _notify_configurations(self) -> NotifyConfigurations:
        with self._lock:
            if self._notify is None:
                from sms_opt_out.sms.notify import NotifyConfigurations

                self._notify = NotifyConfigurations(self._client, sleep=self._sleep)
            return self._notify

    def resolve_notify(self, configuration: str, deadline: Deadline | None = None) -> Origination:
        """What a Notify send through ``configuration`` (ID or ARN) goes out as: the configuration,
        paced under its ID, governed by ``*`` and by its pool (``notify``), its replies recorded for
        the pool. Raises InvalidRequestError when no configuration has this ID or ARN."""
        deadline = deadline or Deadline.none()
        found = self._notify_configurations().describe(configuration, deadline)
        key = found.configuration_id
        with self._lock:
            for alias in {configuration.strip(), found.arn} - {key, None}:
                self._numbers[str(alias)] = key  # one pace for the configuration whatever its name
        pool = pool_id(found.pool_id) if found.pool_id else None
        if pool is None:
            return Origination(key, self.names(key), frozenset({ALL_NUMBERS}), key)
        return self._in_pool(key, pool, deadline)

    def _in_pool(self, key: str, pool: str, deadline: Deadline) -> Origination:
        try:
            members = self._pools.numbers(pool, deadline)
        except ClientError as error:
            if error_code(error) != "ResourceNotFoundException":
                raise
            raise InvalidRequestError("OriginationIdentity", "no pool has this ID or ARN") from None
        return Origination(key, self.names(key), frozenset({key, pool, *members, ALL_NUMBERS}), pool)

    def _sender_id(self, sender_id: str, *aliases: str) -> Origination:
        with self._lock:
            for alias in aliases:
                self._numbers[alias] = sender_id
        return Origination(sender_id, self.names(sender_id), frozenset({ALL_NUMBERS}), sender_id)

    def _number(self, identity: str, deadline: Deadline) -> str:
        with self._lock:
            lookup = self._lookups.setdefault(identity, threading.Lock())
        with lookup:  # one call per identity: the container's other sends wait for it
            with self._lock:
                number = self._numbers.get(identity) or self._numbers.get(_arn_id(identity))
            if number is None:
                number = self._look_up(identity, deadline)
        return number

    def _describe(self, identity: str, deadline: Deadline) -> list[dict[str, Any]]:
        try:
            return retry_throttled(
                lambda: self._client.describe_phone_numbers(PhoneNumberIds=[identity])["PhoneNumbers"],
                "DescribePhoneNumbers",
                deadline,
                self._sleep,
            )
        except ClientError as error:
            if error_code(error) == "ResourceNotFoundException":
                return []
            raise

    def _look_up(self, identity: str, deadline: Deadline) -> str:
        found = self._describe(identity, deadline)
        if not found:
            raise InvalidRequestError("OriginationIdentity", "no phone number has this ID or ARN")
        number = to_origination_number(found[0]["PhoneNumber"], "OriginationIdentity")
        if self._described is not None:
            self._described(found[0])
        with self._lock:
            for name in (identity, found[0].get("PhoneNumberId"), found[0].get("PhoneNumberArn")):
                if name:
                    self._numbers[name] = number
        return number
