"""DynamoDB capacity units, computed from the items read by DynamoDB's published rules."""

from __future__ import annotations

import math
from typing import Any

READ_UNIT_BYTES = 4096


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
