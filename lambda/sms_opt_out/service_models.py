"""The ``pinpoint-sms-voice-v2`` and ``dynamodb`` service models shipped with the functions, for
whatever botocore the Lambda runtime bundles.

The runtime's botocore may predate ``SendRcsMessage``, ``SendNotifyTextMessage`` and
``DescribeNotifyConfigurations``. The asset carries the model of the botocore pinned in
constraints.txt, cut to the operations the package calls (``OPERATIONS``) and the shapes they use,
without documentation (6 KB gzipped, against 57 KB whole; botocore reads ``.json.gz`` data files
since boto/botocore#2628, 2022). Every client the functions make searches ``botocore_data/`` first:
its API version (2022-03-31) is the runtime's, so it replaces the bundled model for the functions'
clients, while endpoint rules and paginators still come from the runtime. An operation missing from
``OPERATIONS`` is then missing in the functions: a test checks every call the package makes is there.

The DynamoDB model is shipped for the cold start alone: botocore's has every operation of the service
with its documentation (94 KB gzipped, 10 ms to parse, and a method built per operation at every
client's creation); ours has the operations the package calls (``DYNAMODB_OPERATIONS``), and the
API version (2012-08-10) has not changed since 2012.

After a botocore upgrade: ``python -m sms_opt_out.service_models`` writes the model again from it.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

MODELS_DIRECTORY = Path(__file__).parent / "botocore_data"
SERVICE = "pinpoint-sms-voice-v2"
OPERATIONS = (
    "SendTextMessage",
    "SendMediaMessage",
    "SendRcsMessage",
    "SendNotifyTextMessage",
    "DescribePhoneNumbers",
    "ListPoolOriginationIdentities",
    "DescribeNotifyConfigurations",
    "DescribeRcsAgents",
    "DescribeOptedOutNumbers",
    "PutOptedOutNumber",
    "DeleteOptedOutNumber",
    "DescribePools",
)
"""Every operation of the service the package calls (the functions, the migration)."""
DYNAMODB = "dynamodb"
DYNAMODB_OPERATIONS = (
    "GetItem",
    "BatchGetItem",
    "PutItem",
    "UpdateItem",
    "DeleteItem",
    "TransactWriteItems",
    "Query",
    "Scan",
    "DescribeEndpoints",  # botocore's endpoint discovery looks for it, as in its own model
)
"""Every DynamoDB operation the package calls."""
SHIPPED = {SERVICE: OPERATIONS, DYNAMODB: DYNAMODB_OPERATIONS}
"""Each shipped model's service and its operations."""


def use_shipped_models(session: Any) -> Any:
    """Make ``session`` (a botocore session, before its first client) load the shipped model first."""
    loader = session.get_component("data_loader")
    path = str(MODELS_DIRECTORY)
    if path not in loader.search_paths:
        loader.search_paths.insert(0, path)
    return session


def _references(shape: Mapping[str, Any]) -> Iterator[str]:
    for key in ("member", "key", "value"):
        if key in shape:
            yield shape[key]["shape"]
    for member in shape.get("members", {}).values():
        yield member["shape"]


def _undocumented(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _undocumented(v) for k, v in value.items() if k != "documentation"}
    if isinstance(value, list):
        return [_undocumented(v) for v in value]
    return value


def trimmed(model: Mapping[str, Any], operations: Iterable[str] = OPERATIONS) -> dict[str, Any]:
    """``model`` with only ``operations`` and the shapes they reach, without documentation."""
    wanted = {name: model["operations"][name] for name in operations}
    pending = [
        ref["shape"]
        for operation in wanted.values()
        for ref in (operation.get("input"), operation.get("output"), *operation.get("errors", ()))
        if ref
    ]
    shapes: set[str] = set()
    while pending:
        name = pending.pop()
        if name not in shapes:
            shapes.add(name)
            pending.extend(_references(model["shapes"][name]))
    return {
        "version": model["version"],
        "metadata": model["metadata"],
        "operations": _undocumented(wanted),
        "shapes": {name: _undocumented(model["shapes"][name]) for name in sorted(shapes)},
    }


def serialised(model: Mapping[str, Any]) -> bytes:
    """The shipped file's bytes: compact JSON, gzipped without a timestamp (the same every time)."""
    return gzip.compress(json.dumps(model, separators=(",", ":")).encode(), compresslevel=9, mtime=0)


def main() -> None:
    """Write the trimmed models of the installed botocore into ``botocore_data/``."""
    import botocore.session  # only for regenerating the files

    loader = botocore.session.Session().get_component("data_loader")  # the installed botocore's own
    for service, operations in SHIPPED.items():
        version = loader.determine_latest_version(service, "service-2")
        model = loader.load_service_model(service, "service-2", version)
        folder = MODELS_DIRECTORY / service / version
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "service-2.json.gz").write_bytes(serialised(trimmed(model, operations)))


if __name__ == "__main__":
    main()
