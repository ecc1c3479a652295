"""Origination identities: what consent is keyed on (the E.164 number) and every name of it.

The construct's own numbers reach the function at deploy time (``ORIGINATION_NUMBERS``: phone number
ID and ARN to E.164), so they cost no control-plane call. Any other phone number ID or ARN is looked
up once per container with ``DescribePhoneNumbers``, whose quota is 1 request per second per account:
a throttled lookup is retried with jittered backoff for as long as the invocation's time allows, and
the container's concurrent sends of one identity wait for that one lookup.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from botocore.exceptions import ClientError

from .deadline import Deadline
from .errors import ConfigurationError, InvalidFieldError, InvalidRequestError
from .pacing import backoff_delay
from .phone_numbers import is_phone_number_reference, to_origination_number
from .sms_gateway import THROTTLING, error_code

logger = logging.getLogger(__name__)


def parse_origination_numbers(value: str | None, field: str = "ORIGINATION_NUMBERS") -> dict[str, str]:
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


@dataclass(frozen=True)
class Origination:
    number: str
    """E.164 (or a short code): the key of consent state."""
    names: tuple[str, ...]
    """Every name known for it (the number, its ID, its ARN): configured rates may use any."""


class Originations:
    """Resolves ``OriginationIdentity`` values; thread-safe, kept for the container's life."""

    def __init__(
        self,
        client: Any,
        known: Mapping[str, str] | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._client = client
        self._numbers: dict[str, str] = dict(known or {})
        self._sleep = sleep
        self._lock = threading.Lock()
        self._lookups: dict[str, threading.Lock] = {}

    def names(self, number: str) -> tuple[str, ...]:
        """``number`` and the IDs and ARNs known to stand for it."""
        with self._lock:
            return (number, *sorted(k for k, v in self._numbers.items() if v == number))

    def resolve(self, identity: str, deadline: Deadline | None = None) -> Origination:
        """The number behind ``identity``; raise InvalidRequestError if it is none of ours.

        A lookup that AWS refuses (access denied, or throttled until the time is spent) raises
        its ClientError: that request fails, not the others.
        """
        identity = identity.strip()
        if not is_phone_number_reference(identity):
            try:
                number = to_origination_number(identity, "OriginationIdentity")
            except InvalidFieldError:
                raise InvalidRequestError(
                    "OriginationIdentity", "must be an E.164 number, a phone number ID or a phone number ARN"
                ) from None
            return Origination(number, self.names(number))
        with self._lock:
            lookup = self._lookups.setdefault(identity, threading.Lock())
        with lookup:  # one call per identity: the container's other sends wait for it
            with self._lock:
                number = self._numbers.get(identity)
            if number is None:
                number = self._look_up(identity, deadline or Deadline.none())
        return Origination(number, self.names(number))

    def _describe(self, identity: str, deadline: Deadline) -> list[dict[str, Any]]:
        attempt = 0
        while True:
            try:
                return self._client.describe_phone_numbers(PhoneNumberIds=[identity])["PhoneNumbers"]
            except ClientError as error:
                code = error_code(error)
                if code == "ResourceNotFoundException":
                    return []
                delay = backoff_delay(attempt)
                if code != THROTTLING or not deadline.allows_send_at(time.monotonic() + delay):
                    raise
                logger.info("DescribePhoneNumbers throttled; retrying in %.2f s", delay)
                self._sleep(delay)
                attempt += 1

    def _look_up(self, identity: str, deadline: Deadline) -> str:
        found = self._describe(identity, deadline)
        if not found:
            raise InvalidRequestError("OriginationIdentity", "no phone number has this ID or ARN")
        number = to_origination_number(found[0]["PhoneNumber"], "OriginationIdentity")
        with self._lock:
            for name in (identity, found[0].get("PhoneNumberId"), found[0].get("PhoneNumberArn")):
                if name:
                    self._numbers[name] = number
        return number
