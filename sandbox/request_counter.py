"""Counts the AWS requests that clients of one boto3 session make, by ``service:Operation``."""

from __future__ import annotations

from collections import Counter
from typing import Any

import boto3


class RequestCounter:
    """A boto3 session whose clients count their requests; pass ``client`` as a client factory."""

    def __init__(self) -> None:
        self.session = boto3.session.Session()
        self.requests: Counter[str] = Counter()
        self.session.events.register("before-call.*.*", self._count)

    def _count(self, model: Any, **_: Any) -> None:
        self.requests[f"{model.service_model.service_name}:{model.name}"] += 1

    def client(self, name: str, **kwargs: Any) -> Any:
        return self.session.client(name, **kwargs)

    def count(self, prefix: str) -> int:
        """Requests of operations whose ``service:Operation`` starts with ``prefix``."""
        return sum(n for operation, n in self.requests.items() if operation.startswith(prefix))
