"""The constraints of an AWS service model that botocore does not check before sending a request.

botocore validates types, required members and minimum lengths; the service refuses the rest
(maximum lengths and sizes, integer ranges, patterns, enums) with a ValidationException. Checking
them here makes such a request invalid at once, naming the member at fault.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any

from botocore.model import Shape


@functools.cache
def _pattern(expression: str) -> re.Pattern[str] | None:
    """The model's pattern, matched against the whole value, as the service does; None for one
    written in a regular-expression dialect Python does not read (it is left to the service)."""
    try:
        return re.compile(expression)
    except re.error:
        return None


def violation(value: Any, shape: Shape, path: str) -> tuple[str, str] | None:
    """The first constraint of ``shape`` that ``value`` breaks, as (path of the member, reason)."""
    meta = shape.metadata
    if shape.type_name == "structure" and isinstance(value, Mapping):
        for name, member in shape.members.items():
            if name in value:
                found = violation(value[name], member, f"{path}.{name}" if path else name)
                if found:
                    return found
        return None
    if shape.type_name == "map" and isinstance(value, Mapping):
        if "max" in meta and len(value) > meta["max"]:
            return path, f"has {len(value)} entries, more than {meta['max']}"
        for key, item in value.items():
            found = violation(key, shape.key, path) or violation(item, shape.value, f"{path}.{key}")
            if found:
                return found
        return None
    if shape.type_name == "list" and isinstance(value, list):
        if "max" in meta and len(value) > meta["max"]:
            return path, f"has {len(value)} items, more than {meta['max']}"
        for index, item in enumerate(value):
            found = violation(item, shape.member, f"{path}[{index}]")
            if found:
                return found
        return None
    if shape.type_name == "string" and isinstance(value, str):
        return _string_violation(value, shape, path)
    if shape.type_name in ("integer", "long") and isinstance(value, int) and not isinstance(value, bool):
        if "max" in meta and value > meta["max"]:
            return path, f"{value} is more than {meta['max']}"
        if "min" in meta and value < meta["min"]:
            return path, f"{value} is less than {meta['min']}"
    return None


def _string_violation(value: str, shape: Shape, path: str) -> tuple[str, str] | None:
    meta = shape.metadata
    if shape.enum and value not in shape.enum:
        return path, f"{value!r} is not one of {', '.join(shape.enum)}"
    if "max" in meta and len(value) > meta["max"]:
        return path, f"is {len(value)} characters long, more than {meta['max']}"
    if "min" in meta and len(value) < meta["min"]:
        return path, f"is {len(value)} characters long, less than {meta['min']}"
    pattern = _pattern(meta["pattern"]) if "pattern" in meta else None
    if pattern is not None and not pattern.fullmatch(value):  # the value may be a number or text
        return path, f"does not match the pattern {meta['pattern']}"
    return None
