"""Deterministic faults between the steps of a handler: the Nth request after a trigger fails.

A ``CrashAfter`` is a boto3 session whose clients (pass ``client`` as a client factory) count the
requests of one service made after a trigger call succeeded, and crash the invocation at the Nth:
the request fails before it reaches the service (``lost_response`` False) or after the service
applied it (True, as when the response is lost), and every later request of that service fails
before it is sent, as if the process had died there. Faults hook botocore's ``before-call`` and
``after-call`` events, so they work against moto in process, a moto server and the simulator alike.
"""

from __future__ import annotations

import threading
from typing import Any

import boto3


class InvocationCrashed(BaseException):
    """The injected crash: a BaseException, so no ``except Exception`` of the code under test keeps it."""


class CrashAfter:
    """Crash at the ``position``-th ``service`` request once ``trigger`` (``service:Operation``) succeeded."""

    def __init__(self, trigger: str, service: str, position: int, *, lost_response: bool = False) -> None:
        if position < 1:
            raise ValueError(f"position: must be 1 or more, not {position}")
        self.session = boto3.session.Session()
        self.trigger = trigger
        self.service = service
        self.position = position
        self.lost_response = lost_response
        self.armed = False
        self._triggered = False
        self.requests_after_trigger = 0
        """Requests of ``service`` attempted after the trigger (the crashed ones included)."""
        self.crashed = False
        self._lock = threading.Lock()
        self.session.events.register("before-call.*.*", self._before)
        self.session.events.register("after-call.*.*", self._after)

    def client(self, name: str, **kwargs: Any) -> Any:
        return self.session.client(name, **kwargs)

    def disarm(self) -> None:
        """The invocation is over: the next one (Lambda's retry) runs without faults."""
        with self._lock:
            self.armed = False

    def _before(self, model: Any, **_: Any) -> None:
        with self._lock:
            if not self.armed or model.service_model.service_name != self.service:
                return
            self.requests_after_trigger += 1
            if self.crashed or (self.requests_after_trigger == self.position and not self.lost_response):
                self.crashed = True
                raise InvocationCrashed(f"crashed before {self.service}:{model.name}")

    def _after(self, model: Any, http_response: Any, **_: Any) -> None:
        with self._lock:
            name = f"{model.service_model.service_name}:{model.name}"
            if name == self.trigger and http_response.status_code < 300 and not self._triggered:
                self.armed = self._triggered = True
                return
            if (
                self.armed
                and self.lost_response
                and model.service_model.service_name == self.service
                and self.requests_after_trigger == self.position
                and not self.crashed
            ):
                self.crashed = True
                raise InvocationCrashed(f"crashed after {name} was applied")
