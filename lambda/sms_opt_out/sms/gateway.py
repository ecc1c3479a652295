"""Adapter for the End User Messaging SMS API (``pinpoint-sms-voice-v2``): checked, paced sends.

A request goes through the operation its parameters name (``send_operations``: ``SendTextMessage``,
``SendMediaMessage`` for ``MediaUrls``, ``SendRcsMessage`` for ``RcsMessageContent``,
``SendNotifyTextMessage`` for ``NotifyConfigurationId``); each answers a ``MessageId``.
"""

from __future__ import annotations

import re
import threading
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError, HTTPClientError
from botocore.validate import ParamValidator

from sms_opt_out.domain.deadline import Deadline
from sms_opt_out.errors import DeadlineReachedError, InvalidRequestError
from sms_opt_out.sms.model_constraints import violation
from sms_opt_out.sms.pacing import THROTTLING, Pacer, backoff_delay
from sms_opt_out.sms.send_operations import MEDIA_URLS, OPERATIONS, SendOperation, send_operation

__all__ = ["MEDIA_URLS", "PATIENCE_SECONDS", "SmsGateway", "error_code", "outcome_unknown"]
PATIENCE_SECONDS = 20.0
"""How long a caller without a deadline (the reply path) keeps retrying a throttled send."""
RECHECK_SECONDS = 0.2
"""A send waiting for its slot looks at its identity's pace this often: a container joining or
leaving the fleet changes it within a fifth of a second, not when slots taken seconds ahead come."""


def error_code(error: BotoCoreError | ClientError) -> str:
    """The code of a failed call, safe to log: the error's text may quote the phone number."""
    if isinstance(error, ClientError):
        return str(error.response.get("Error", {}).get("Code", "ClientError"))
    return type(error).__name__


def outcome_unknown(error: BotoCoreError | ClientError) -> bool:
    """Whether a failed send may have been sent all the same: AWS answered a 5xx (it may have
    accepted the message before failing), or the request went out and its answer was lost
    (``ConnectionClosedError``, ``ReadTimeoutError``: botocore's ``HTTPClientError``). A 4xx
    (throttling, a validation error) or a connection never made proves nothing was sent."""
    if isinstance(error, ClientError):
        return int(error.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0)) >= 500
    return isinstance(error, HTTPClientError)


class SmsGateway:
    """Sends texts at each origination identity's pace, retrying throttling; checks requests."""

    def __init__(
        self,
        client: Any,
        pacer: Pacer | None = None,
        names: Callable[[str], Sequence[str]] = lambda identity: (identity,),
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        """``names`` gives every known name of an identity, for the rates configured under any of them."""
        self._client = client
        model = client.meta.service_model
        self._shapes = {
            op.name: model.operation_model(op.name).input_shape
            for op in OPERATIONS
            if op.name in model.operation_names  # the shipped model has them all (service_models)
        }
        self._pacer = pacer or Pacer()
        self._names = names
        self._sleep = sleep
        self._count_lock = threading.Lock()

    @staticmethod
    def operation(params: Mapping[str, Any]) -> SendOperation:
        """The operation ``params`` are for (``send_operations.send_operation``)."""
        return send_operation(params)

    def check_request(self, params: Mapping[str, Any]) -> None:
        """Raise InvalidRequestError naming the first parameter its operation would reject: its
        types (botocore's validator), then the model's lengths, ranges, patterns and enums."""
        operation = self.operation(params).name
        shape = self._shapes.get(operation)
        if shape is None:
            raise InvalidRequestError("request", f"{operation} is not in this SDK's service model")
        for name in params:
            if name not in shape.members:
                raise InvalidRequestError(name, f"not a {operation} parameter")
        report = ParamValidator().validate(dict(params), shape)
        if report.has_errors():
            line = report.generate_report().splitlines()[0]
            field = next((n for n in params if re.search(rf"\b{n}\b", line)), "request")
            raise InvalidRequestError(field, line)
        found = violation(params, shape, "")
        if found:
            raise InvalidRequestError(*found)

    def next_free(self, identity: str) -> float:
        """When a send from ``identity`` could start (the pacer's clock), without reserving it."""
        names = self._names(identity)
        return self._pacer.next_free(names[0], names[1:])

    def slot_alone(self, identity: str, within: float) -> bool:
        """Whether a send from ``identity`` could start within ``within`` seconds with no other
        container sending from it (``Pacer.slot_alone``), without reserving it."""
        names = self._names(identity)
        return self._pacer.slot_alone(names[0], names[1:], within)

    def release(self) -> None:
        """Done sending for now (an invocation's end): the shares of the fleet's rates go back
        (``Pacer.release``)."""
        self._pacer.release()

    def _slot(self, names: Sequence[str]) -> tuple[int, float]:
        """The pace (``Pacer.changes``) and the start of the next slot of the identity ``names`` name."""
        pace = self._pacer.changes(names[0])
        return pace, self._pacer.reserve(names[0], names[1:])

    def _wait_for(self, start: float, names: Sequence[str], pace: int) -> bool:
        """Sleep until ``start`` (the pacer's clock), looking at the pace every ``RECHECK_SECONDS``
        (which keeps this container's lease on the identity's rate); False: it changed, the slot is stale."""
        while (left := start - self._pacer.now()) > 0:
            self._sleep(min(left, RECHECK_SECONDS))
            if self._pacer.refresh(names[0], names[1:]) != pace:
                return False
        return self._pacer.changes(names[0]) == pace

    def send(
        self,
        params: Mapping[str, Any],
        *,
        deadline: Deadline | None = None,
        throttles: Counter[str] | None = None,
        still_wanted: Callable[[], bool] | None = None,
    ) -> str | None:
        """Send one text (MMS, RCS or Notify message) at its identity's pace; return its MessageId.

        A ``ThrottlingException`` slows the identity down and is retried, with jittered backoff,
        while ``deadline`` leaves time for another attempt (``PATIENCE_SECONDS`` without one);
        then it is raised. Raises DeadlineReachedError, having sent nothing, when no attempt could
        start in time. ``throttles`` counts the throttles by identity. ``still_wanted`` is asked
        once the slot has come, just before each attempt: False sends nothing and returns None. A send
        starts once its slot has come and the last send from its identity started an interval of the
        pace before (``Pacer.claim``): sends woken late together go one after another.
        """
        deadline = deadline or Deadline(PATIENCE_SECONDS)
        operation = self.operation(params)
        names = self._names(params[operation.identity])
        attempt = 0
        pace, start = self._slot(names)
        while True:
            if not deadline.allows_send_at(start):
                raise DeadlineReachedError(f"no time left to start {operation.name}")
            if not self._wait_for(start, names, pace):
                # the pace changed while waiting: the slot was taken at the old pace
                pace, start = self._slot(names)
                continue
            if still_wanted is not None and not still_wanted():
                return None
            wait = self._pacer.claim(names[0], pace)
            if wait is None:
                pace, start = self._slot(names)  # it changed just now
                continue
            if wait > 0:  # woke late (a loaded machine): the sends due meanwhile go first, one by one
                start = self._pacer.now() + wait
                continue
            try:
                answer = getattr(self._client, operation.method)(**params)
                self._pacer.accepted(names[0])
                return str(answer["MessageId"])
            except ClientError as error:
                if error_code(error) != THROTTLING:
                    raise
                self._pacer.throttled(names[0], start)
                if throttles is not None:
                    with self._count_lock:
                        throttles[names[0]] += 1
                delay = backoff_delay(attempt)
                if not deadline.allows_send_at(time.monotonic() + delay):
                    raise
                self._sleep(delay)
                attempt += 1
                pace, start = self._slot(names)
