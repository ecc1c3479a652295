"""Shared measuring tools: a request counter on a boto3 session, and DynamoDB capacity units."""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

import boto3

READ_UNIT_BYTES = 4096


class CountingSession:
    """A boto3 session whose clients count their requests, by ``service:Operation``."""

    def __init__(self) -> None:
        self.session = boto3.session.Session()
        self.requests: Counter[str] = Counter()
        self.session.events.register("before-call.*.*", self._count)

    def _count(self, model: Any, **_: Any) -> None:
        self.requests[f"{model.service_model.service_name}:{model.name}"] += 1

    def client(self, name: str) -> Any:
        return self.session.client(name)

    def count(self, prefix: str = "dynamodb:") -> int:
        return sum(n for op, n in self.requests.items() if op.startswith(prefix))


def item_size(item: dict[str, Any]) -> int:
    """An item's size by DynamoDB's rules: names and UTF-8 values, 3 bytes plus 1 per element of a map."""
    return sum(len(name.encode()) + _value_size(value) for name, value in item.items())


def _value_size(value: dict[str, Any]) -> int:
    if "M" in value:
        return 3 + sum(len(k.encode()) + _value_size(v) + 1 for k, v in value["M"].items())
    (raw,) = value.values()
    return len(str(raw).encode())


def read_units(items: list[dict[str, Any]], *, consistent: bool, per_item: bool) -> float:
    """Read capacity units: per item (GetItem, BatchGetItem) or over the total (Query); eventual halves it."""
    sizes = [item_size(i) for i in items]
    if per_item:
        blocks = sum(max(1, math.ceil(size / READ_UNIT_BYTES)) for size in sizes)
    else:  # a Query is charged on the total it reads, one unit at the least
        blocks = max(1, math.ceil(sum(sizes) / READ_UNIT_BYTES))
    return blocks * (1.0 if consistent else 0.5)
