"""Reads the handlers' standard output as CloudWatch Logs does: each EMF record becomes metric datapoints.

A line is an EMF record when it is a JSON object with ``_aws.CloudWatchMetrics``; each directive
publishes each of its metrics once per dimension set, and a record that breaks the specification
(a dimension or metric missing from the root, a value of the wrong type) raises, naming the fault.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

MAX_METRICS_PER_DIRECTIVE = 100
MAX_DIMENSIONS_PER_SET = 30
MAX_DIMENSION_VALUE = 1024


@dataclass(frozen=True)
class Datapoint:
    namespace: str
    name: str
    dimensions: tuple[tuple[str, str], ...]
    value: float
    unit: str


class NotEmfError(ValueError):
    """A record that claims to be EMF (has ``_aws``) breaks the specification."""


def emf_records(output: str) -> list[dict[str, Any]]:
    """The EMF records among ``output``'s lines; other lines (text logs) are left out."""
    records = []
    for line in output.splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict) and "_aws" in record:
            records.append(record)
    return records


def datapoints(records: Iterable[dict[str, Any]]) -> list[Datapoint]:
    """What CloudWatch would publish for ``records``, checked against the EMF specification."""
    points = []
    for record in records:
        metadata = record["_aws"]
        if not isinstance(metadata.get("Timestamp"), int):
            raise NotEmfError("_aws.Timestamp must be milliseconds since the epoch (an integer)")
        for directive in metadata["CloudWatchMetrics"]:
            metrics = directive["Metrics"]
            if len(metrics) > MAX_METRICS_PER_DIRECTIVE:
                raise NotEmfError(f"a directive holds {len(metrics)} metrics, more than 100")
            for dimension_set in directive["Dimensions"]:
                if len(dimension_set) > MAX_DIMENSIONS_PER_SET:
                    raise NotEmfError(f"a dimension set holds {len(dimension_set)} keys, more than 30")
                dimensions = tuple((key, _dimension_value(record, key)) for key in dimension_set)
                for metric in metrics:
                    value = record.get(metric["Name"])
                    if isinstance(value, bool) or not isinstance(value, int | float):
                        raise NotEmfError(f"{metric['Name']}: the root holds {value!r}, not a number")
                    unit = metric.get("Unit", "None")
                    points.append(Datapoint(directive["Namespace"], metric["Name"], dimensions, value, unit))
    return points


def totals(output: str) -> Counter[str]:
    """The sum of each metric without dimensions in ``output``: what the demo produced, per name."""
    sums: Counter[str] = Counter()
    for point in datapoints(emf_records(output)):
        if not point.dimensions:
            sums[point.name] += int(point.value)
    return sums


def _dimension_value(record: dict[str, Any], key: str) -> str:
    value = record.get(key)
    if not isinstance(value, str) or not value or len(value) > MAX_DIMENSION_VALUE:
        raise NotEmfError(f"dimension {key}: the root must hold a string of 1 to 1024 characters")
    return value
