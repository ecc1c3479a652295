"""Notify configurations: which pool a ``SendNotifyTextMessage`` send goes out through.

A Notify send names no origination identity of ours: AWS sends it from the pool of its
``NotifyConfiguration``. So it is governed by opt-outs for all our numbers (``*``) and, when the
configuration has a pool, by that pool as a pool's own sends are (``origination``). The pool is read
with ``DescribeNotifyConfigurations`` once per configuration and kept for the container's life,
like ``DescribePhoneNumbers`` lookups: a throttled lookup is retried with jittered backoff while the
invocation's time allows, and the container's concurrent sends of one configuration wait for it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from botocore.exceptions import ClientError

from sms_opt_out.domain.deadline import Deadline
from sms_opt_out.errors import InvalidRequestError
from sms_opt_out.sms.pacing import retry_throttled
from sms_opt_out.sms.send_operations import NOTIFY_CONFIGURATION


@dataclass(frozen=True)
class NotifyConfiguration:
    configuration_id: str
    arn: str | None
    pool_id: str | None
    """The pool AWS sends the configuration's messages from; None when it has none."""


class NotifyConfigurations:
    """Looks configurations up by ID or ARN; thread-safe, kept for the container's life."""

    def __init__(self, client: Any, sleep: Callable[[float], None] = time.sleep) -> None:
        self._client = client
        self._sleep = sleep
        self._found: dict[str, NotifyConfiguration] = {}
        self._lock = threading.Lock()
        self._lookups: dict[str, threading.Lock] = {}

    def describe(self, identity: str, deadline: Deadline | None = None) -> NotifyConfiguration:
        """The configuration ``identity`` names; InvalidRequestError when none has this ID or ARN.

        A lookup AWS refuses otherwise (access denied, throttled until the time ran out) raises its
        ClientError: that request fails, not the others.
        """
        identity = identity.strip()
        with self._lock:
            lookup = self._lookups.setdefault(identity, threading.Lock())
        with lookup:
            with self._lock:
                found = self._found.get(identity)
            if found is None:
                found = self._look_up(identity, deadline or Deadline.none())
                with self._lock:
                    for name in (identity, found.configuration_id, found.arn):
                        if name:
                            self._found[name] = found
            return found

    def _look_up(self, identity: str, deadline: Deadline) -> NotifyConfiguration:
        try:
            answer = retry_throttled(
                lambda: self._client.describe_notify_configurations(NotifyConfigurationIds=[identity]),
                "DescribeNotifyConfigurations",
                deadline,
                self._sleep,
            )
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") != "ResourceNotFoundException":
                raise
            answer = {}
        configurations = answer.get("NotifyConfigurations") or []
        if not configurations:
            raise InvalidRequestError(NOTIFY_CONFIGURATION, "no Notify configuration has this ID or ARN")
        first = configurations[0]
        return NotifyConfiguration(
            str(first["NotifyConfigurationId"]),
            first.get("NotifyConfigurationArn"),
            first.get("PoolId") or None,
        )
