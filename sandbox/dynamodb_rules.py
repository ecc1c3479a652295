"""DynamoDB's documented request rules that moto does not enforce, checked on every request a test makes.

moto accepts an unaliased reserved word in a condition, a placeholder defined but never used, two
operations of one transaction on the same item, and more; DynamoDB refuses each with a
``ValidationException``, so code that passes against moto can fail on its first request in AWS.
``check_request`` applies the rules below to the parameters of one call (as botocore builds them) and
returns what DynamoDB would refuse; ``StrictDynamoDb`` runs it before every DynamoDB call of any
client and answers a refused call with the ``ValidationException`` DynamoDB would send.

The rules (Amazon DynamoDB Developer Guide: "Service, account, and table quotas", "Reserved words",
"Expression attribute names", "Expression attribute values", "Condition expressions",
"TransactWriteItems"):

- an expression is at most 4 KB; every ``#name`` and ``:value`` it uses is defined, and every one
  defined is used by some expression of the request; the maps are absent rather than empty;
- an attribute name in an expression that is a reserved word is given as a ``#name``;
- a comparison compares an attribute (or ``size(...)``) with something: two values compared (``:a = :b``)
  have one answer whatever the item holds, and belong in the code that builds the expression;
- an item is at most 400 KB; a transaction has at most 100 actions, at most 4 MB, and no two on one item;
- a BatchGetItem asks for at most 100 keys, none twice; a BatchWriteItem writes at most 25.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

import botocore.client
from botocore.exceptions import ClientError
from moto.dynamodb.parsing.reserved_keywords import ReservedKeywords

RESERVED_WORDS = frozenset(ReservedKeywords.get_reserved_keywords())
"""The Developer Guide's list of DynamoDB's reserved words (573), as moto ships it (moto checks it in
update and projection expressions only)."""
MAX_EXPRESSION_BYTES = 4 * 1024
MAX_ITEM_BYTES = 400 * 1024
MAX_TRANSACTION_ACTIONS = 100
MAX_TRANSACTION_BYTES = 4 * 1024 * 1024
MAX_BATCH_GET_KEYS = 100
MAX_BATCH_WRITE_REQUESTS = 25
KEY_ATTRIBUTES = ("PK", "SK")
"""The key of every table the product uses (the ``SMSOptOut`` table's)."""

EXPRESSIONS = (
    "ConditionExpression",
    "UpdateExpression",
    "KeyConditionExpression",
    "FilterExpression",
    "ProjectionExpression",
)
OPERATORS = {
    "ConditionExpression": {"AND", "OR", "NOT", "BETWEEN", "IN"},
    "KeyConditionExpression": {"AND", "BETWEEN"},
    "FilterExpression": {"AND", "OR", "NOT", "BETWEEN", "IN"},
    "UpdateExpression": {"SET", "REMOVE", "ADD", "DELETE"},
    "ProjectionExpression": set(),
}
"""The words each kind of expression uses as its own syntax (not as attribute names)."""
_TOKEN = re.compile(r"\s*(#\w+|:\w+|[A-Za-z_]\w*|\d+|<>|<=|>=|[=<>(),.\[\]+-])")
_COMPARATORS = {"=", "<>", "<", "<=", ">", ">="}


def _tokens(expression: str) -> list[str]:
    tokens: list[str] = []
    position = 0
    while position < len(expression.rstrip()):
        match = _TOKEN.match(expression, position)
        if match is None:
            return [*tokens, expression[position:].strip()]
        tokens.append(match.group(1))
        position = match.end()
    return tokens


def expression_violations(kind: str, expression: str) -> Iterator[str]:
    """What DynamoDB refuses in one expression on its own (placeholders are checked per request)."""
    if len(expression.encode()) > MAX_EXPRESSION_BYTES:
        yield f"{kind} is {len(expression.encode())} bytes, over DynamoDB's {MAX_EXPRESSION_BYTES}"
    tokens = _tokens(expression)
    for index, token in enumerate(tokens):
        is_word = re.fullmatch(r"[A-Za-z_]\w*", token) is not None
        is_function = index + 1 < len(tokens) and tokens[index + 1] == "("
        reserved = token.upper() in RESERVED_WORDS and token.upper() not in OPERATORS[kind]
        if is_word and not is_function and reserved:
            yield f"{kind} uses the reserved word {token!r} as an attribute name; give it as a #name"
        if token in _COMPARATORS and 0 < index < len(tokens) - 1:
            left, right = tokens[index - 1], tokens[index + 1]
            if left.startswith(":") and right.startswith(":"):
                yield f"{kind} compares two values ({left} {token} {right}): decide that in the code"


def _placeholders(expressions: Mapping[str, str], prefix: str) -> set[str]:
    return {t for e in expressions.values() for t in _tokens(e) if t.startswith(prefix)}


def _request_expression_violations(params: Mapping[str, Any]) -> Iterator[str]:
    expressions = {kind: params[kind] for kind in EXPRESSIONS if params.get(kind) is not None}
    for kind, expression in expressions.items():
        yield from expression_violations(kind, expression)
    for prefix, field in (("#", "ExpressionAttributeNames"), (":", "ExpressionAttributeValues")):
        if field not in params:
            defined: set[str] = set()
        elif not params[field]:
            yield f"{field} must not be empty"
            continue
        else:
            defined = set(params[field])
        used = _placeholders(expressions, prefix)
        if undefined := sorted(used - defined):
            yield f"{field} does not define {', '.join(undefined)}, used in an expression"
        if unused := sorted(defined - used):
            yield f"{field} defines {', '.join(unused)}, which no expression uses"


def attribute_bytes(value: Mapping[str, Any]) -> int:
    """The size DynamoDB counts for one attribute value (the Developer Guide's item size rules)."""
    ((kind, content),) = value.items()
    if kind == "S":
        return len(content.encode())
    if kind == "B":
        return len(content)
    if kind == "N":
        digits = len(str(Decimal(content)).lstrip("-").replace(".", "").lstrip("0")) or 1
        return (digits + 1) // 2 + 1
    if kind in {"SS", "NS", "BS"}:
        return sum(attribute_bytes({kind[0]: member}) for member in content)
    if kind == "M":
        return 3 + sum(len(k.encode()) + attribute_bytes(v) + 1 for k, v in content.items())
    if kind == "L":
        return 3 + sum(attribute_bytes(v) + 1 for v in content)
    return 1  # BOOL, NULL


def item_bytes(item: Mapping[str, Mapping[str, Any]]) -> int:
    return sum(len(name.encode()) + attribute_bytes(value) for name, value in item.items())


def _item_violation(where: str, item: Mapping[str, Any]) -> Iterator[str]:
    if (size := item_bytes(item)) > MAX_ITEM_BYTES:
        yield f"{where} is {size} bytes, over DynamoDB's {MAX_ITEM_BYTES} for an item"


def _key(table: str, attributes: Mapping[str, Any]) -> str:
    return json.dumps([table, {name: attributes.get(name) for name in KEY_ATTRIBUTES}], sort_keys=True)


def _transaction_violations(actions: list[Mapping[str, Any]]) -> Iterator[str]:
    if len(actions) > MAX_TRANSACTION_ACTIONS:
        yield f"TransactItems has {len(actions)} actions, over DynamoDB's {MAX_TRANSACTION_ACTIONS}"
    keys: list[str] = []
    size = 0
    for action in actions:
        ((kind, details),) = action.items()
        yield from _request_expression_violations(details)
        if kind == "Put":
            yield from _item_violation("a transaction's Put item", details["Item"])
            size += item_bytes(details["Item"])
        keys.append(_key(details["TableName"], details.get("Key") or details.get("Item") or {}))
    if len(set(keys)) != len(keys):
        yield "TransactItems has two actions on one item, which DynamoDB refuses"
    if size > MAX_TRANSACTION_BYTES:
        yield f"TransactItems carries {size} bytes, over DynamoDB's {MAX_TRANSACTION_BYTES}"


def check_request(operation: str, params: Mapping[str, Any]) -> list[str]:
    """What DynamoDB would refuse in ``operation``'s ``params`` (empty: nothing)."""
    violations = list(_request_expression_violations(params))
    if operation == "PutItem":
        violations += _item_violation("PutItem's Item", params["Item"])
    elif operation == "TransactWriteItems":
        violations += _transaction_violations(params["TransactItems"])
    elif operation == "BatchGetItem":
        requested = [(table, keys) for table, request in params["RequestItems"].items() for keys in [request]]
        count = sum(len(request["Keys"]) for _, request in requested)
        if count > MAX_BATCH_GET_KEYS:
            violations.append(f"BatchGetItem asks for {count} keys, over DynamoDB's {MAX_BATCH_GET_KEYS}")
        for table, request in requested:
            keys = [_key(table, key) for key in request["Keys"]]
            if len(set(keys)) != len(keys):
                violations.append(f"BatchGetItem asks for a key of {table} twice, which DynamoDB refuses")
            violations += _request_expression_violations(request)
    elif operation == "BatchWriteItem":
        count = sum(len(requests) for requests in params["RequestItems"].values())
        if count > MAX_BATCH_WRITE_REQUESTS:
            violations.append(
                f"BatchWriteItem has {count} requests, over DynamoDB's {MAX_BATCH_WRITE_REQUESTS}"
            )
    return violations


class StrictDynamoDb:
    """While entered, every DynamoDB call of every botocore client is checked first; a refused call
    raises the ``ValidationException`` DynamoDB would, and is kept in ``refused`` for the test to see
    (the code under test might catch the error)."""

    def __init__(self) -> None:
        self.refused: list[tuple[str, list[str]]] = []
        self._original = botocore.client.BaseClient._make_api_call

    def __enter__(self) -> StrictDynamoDb:
        original, refused = self._original, self.refused

        def checked(client: Any, operation: str, params: dict[str, Any]) -> Any:
            dynamodb = client.meta.service_model.service_name == "dynamodb"
            if dynamodb and (violations := check_request(operation, params)):
                refused.append((operation, violations))
                error = {"Code": "ValidationException", "Message": "; ".join(violations)}
                raise ClientError({"Error": error}, operation)
            return original(client, operation, params)

        botocore.client.BaseClient._make_api_call = checked
        return self

    def __exit__(self, *_: object) -> None:
        botocore.client.BaseClient._make_api_call = self._original
