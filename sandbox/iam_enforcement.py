"""IAM enforced on every botocore call, as AWS does and moto does not.

A principal's statements come from a synthesized template (the ``AWS::IAM::Policy`` resources attached
to its role, with ``Ref``, ``Fn::GetAtt`` and ``Fn::Join`` resolved to the test's concrete ARNs) or
are written out (an operator's documented permissions). While ``IamEnforcement`` is installed, every
call a client makes as a principal (``acting_as``, or a client created while acting as one) is checked
before it is sent: the IAM action the Service Authorization Reference names for the operation, every
resource ARN the request touches, and the condition keys the policies use (``dynamodb:LeadingKeys``
with the partition keys of the request). A call no statement allows, or one a ``Deny`` matches, raises
``AccessDeniedException`` as AWS would, and is kept in ``denied``: the fixture fails the test on any,
so a missing or too-narrow permission fails a test even where the product handles the error.

Calls made as no principal (the test's own setup and assertions) are not checked. An operation this
module cannot map, or a condition operator or key it does not evaluate, is denied, never allowed.
"""

from __future__ import annotations

import contextlib
import contextvars
import fnmatch
import re
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import botocore.client
import botocore.session
from botocore.exceptions import ClientError

ACCOUNT = "123456789012"
"""moto's and the simulator's account."""
REGION = "us-east-1"

_acting: contextvars.ContextVar[str | None] = contextvars.ContextVar("iam_principal", default=None)
PRINCIPAL_ATTRIBUTE = "_iam_enforced_principal"


@dataclass(frozen=True)
class Request:
    """One authorization the call needs: an action on a resource, with the request's condition keys."""

    action: str
    resource: str
    context: Mapping[str, Sequence[str]] = field(default_factory=dict)


# Templates --------------------------------------------------------------------------------------


def resolve(value: Any, attributes: Mapping[str, str], region: str = REGION, account: str = ACCOUNT) -> Any:
    """``value`` with intrinsic functions resolved: ``attributes`` maps ``"Logical"`` (Ref) and
    ``"Logical.Attr"`` (GetAtt) to concrete values; an unknown one becomes ``unresolved:<name>``,
    which matches no request."""
    pseudo = {
        "AWS::Partition": "aws",
        "AWS::Region": region,
        "AWS::AccountId": account,
        "AWS::URLSuffix": "amazonaws.com",
    }
    if isinstance(value, list):
        return [resolve(v, attributes, region, account) for v in value]
    if not isinstance(value, dict):
        return value
    if len(value) == 1:
        ((name, argument),) = value.items()
        if name == "Ref":
            return pseudo.get(argument) or attributes.get(argument, f"unresolved:{argument}")
        if name == "Fn::GetAtt":
            key = ".".join(argument) if isinstance(argument, list) else argument
            return attributes.get(key, f"unresolved:{key}")
        if name == "Fn::Join":
            separator, parts = argument
            return separator.join(str(resolve(p, attributes, region, account)) for p in parts)
    return {k: resolve(v, attributes, region, account) for k, v in value.items()}


def role_statements(
    template: Mapping[str, Any], role_logical_id: str, attributes: Mapping[str, str]
) -> list[dict]:
    """Every statement of the policies attached to the role, resolved; ``Ref: AWS::NoValue`` dropped."""
    statements: list[dict] = []
    for resource in template["Resources"].values():
        if resource["Type"] != "AWS::IAM::Policy":
            continue
        if {"Ref": role_logical_id} not in resource["Properties"].get("Roles", []):
            continue
        for statement in resource["Properties"]["PolicyDocument"]["Statement"]:
            resolved = resolve(statement, attributes)
            resources = resolved.get("Resource", [])
            if isinstance(resources, list):
                resolved["Resource"] = [r for r in resources if r != "unresolved:AWS::NoValue"]
            statements.append(resolved)
    return statements


# Requests of each operation ---------------------------------------------------------------------


def _table_arn(region: str, account: str, table: str) -> str:
    return f"arn:aws:dynamodb:{region}:{account}:table/{table}"


def _leading(item_key: Mapping[str, Any]) -> list[str]:
    pk = item_key.get("PK") or {}
    return [str(next(iter(pk.values())))] if pk else []


_DYNAMODB_ITEM = {"GetItem": "Key", "PutItem": "Item", "UpdateItem": "Key", "DeleteItem": "Key"}
_TRANSACT = {
    "Put": ("PutItem", "Item"),
    "Update": ("UpdateItem", "Key"),
    "Delete": ("DeleteItem", "Key"),
    "ConditionCheck": ("ConditionCheckItem", "Key"),
}
_DYNAMODB_TABLE = ("DescribeTable", "Scan", "Query", "CreateTable", "DeleteTable", "UpdateTable")


def dynamodb_requests(operation: str, params: Mapping[str, Any], region: str, account: str) -> list[Request]:
    """DynamoDB's authorizations: a transaction is authorized item by item as PutItem, UpdateItem,
    DeleteItem or ConditionCheckItem (there is no TransactWriteItems action); BatchGetItem and
    BatchWriteItem once per table, with every partition key of the request."""
    if operation in _DYNAMODB_ITEM:
        keys = _leading(params[_DYNAMODB_ITEM[operation]])
        context: dict[str, list[str]] = {
            "dynamodb:LeadingKeys": keys,
            "dynamodb:Attributes": _attributes(operation, params),
        }
        if "ReturnValues" in params:
            context["dynamodb:ReturnValues"] = [params["ReturnValues"]]
        return [Request(f"dynamodb:{operation}", _table_arn(region, account, params["TableName"]), context)]
    if operation == "TransactWriteItems":
        requests = []
        for item in params["TransactItems"]:
            ((kind, body),) = item.items()
            action, key_field = _TRANSACT[kind]
            requests.append(
                Request(
                    f"dynamodb:{action}",
                    _table_arn(region, account, body["TableName"]),
                    {"dynamodb:LeadingKeys": _leading(body[key_field])},
                )
            )
        return requests
    if operation == "TransactGetItems":
        return [
            Request(
                "dynamodb:GetItem",
                _table_arn(region, account, i["Get"]["TableName"]),
                {"dynamodb:LeadingKeys": _leading(i["Get"]["Key"])},
            )
            for i in params["TransactItems"]
        ]
    if operation == "BatchGetItem":
        return [
            Request(
                "dynamodb:BatchGetItem",
                _table_arn(region, account, table),
                {"dynamodb:LeadingKeys": sorted({k for key in body["Keys"] for k in _leading(key)})},
            )
            for table, body in params["RequestItems"].items()
        ]
    if operation == "BatchWriteItem":
        requests = []
        for table, writes in params["RequestItems"].items():
            written = {
                k
                for w in writes
                for k in _leading(
                    w.get("PutRequest", {}).get("Item") or w.get("DeleteRequest", {}).get("Key") or {}
                )
            }
            requests.append(
                Request(
                    "dynamodb:BatchWriteItem",
                    _table_arn(region, account, table),
                    {"dynamodb:LeadingKeys": sorted(written)},
                )
            )
        return requests
    if operation in _DYNAMODB_TABLE:
        arn = _table_arn(region, account, params["TableName"])
        if params.get("IndexName"):
            arn += f"/index/{params['IndexName']}"
        context = {}
        if operation == "Query":
            context["dynamodb:LeadingKeys"] = _query_partition(params)
        return [Request(f"dynamodb:{operation}", arn, context)]
    raise LookupError(f"dynamodb:{operation} is not mapped")


def _attributes(operation: str, params: Mapping[str, Any]) -> list[str]:
    """The attribute names a single-item request touches (``dynamodb:Attributes``): the key's, an
    item's, and those an update or projection expression names (aliases resolved)."""
    names = set(params.get("Key") or params.get("Item") or {})
    aliases = params.get("ExpressionAttributeNames") or {}
    for clause in ("UpdateExpression", "ProjectionExpression"):
        expression = params.get(clause) or ""
        for token in re.findall(r"#?[A-Za-z_][A-Za-z0-9_]*", re.sub(r":\w+", " ", expression)):
            if token.startswith("#"):
                names.add(aliases.get(token, token))
            elif token.upper() not in _UPDATE_KEYWORDS:
                names.add(token)
    return sorted(names)


_UPDATE_KEYWORDS = {"SET", "REMOVE", "ADD", "DELETE", "IF_NOT_EXISTS", "LIST_APPEND"}


def _query_partition(params: Mapping[str, Any]) -> list[str]:
    match = re.search(r"PK\s*=\s*(:\w+)", params.get("KeyConditionExpression", ""))
    if not match:
        return []
    return [str(next(iter(params["ExpressionAttributeValues"][match.group(1)].values())))]


def _queue_arn(queue_url: str, region: str) -> str:
    account, name = queue_url.rstrip("/").split("/")[-2:]
    return f"arn:aws:sqs:{region}:{account}:{name}"


_SQS_ACTIONS = {
    "SendMessageBatch": "SendMessage",
    "DeleteMessageBatch": "DeleteMessage",
    "ChangeMessageVisibilityBatch": "ChangeMessageVisibility",
}


def sqs_requests(operation: str, params: Mapping[str, Any], region: str, account: str) -> list[Request]:
    """SQS authorizes a batch as its single action, on the queue's ARN."""
    if "QueueUrl" not in params:
        raise LookupError(f"sqs:{operation} is not mapped")
    return [Request(f"sqs:{_SQS_ACTIONS.get(operation, operation)}", _queue_arn(params["QueueUrl"], region))]


class SmsResources:
    """The sms-voice resources a request touches, by the Service Authorization Reference: the
    origination identity (phone-number, pool or sender-id ARN), the configuration set, the protect
    configuration. ``identity_arn`` turns an E.164 number or ID into its ARN (the simulator knows)."""

    def __init__(
        self, identity_arn: Callable[[str], str], region: str = REGION, account: str = ACCOUNT
    ) -> None:
        self._identity_arn = identity_arn
        self._prefix = f"arn:aws:sms-voice:{region}:{account}:"

    def requests(self, operation: str, params: Mapping[str, Any]) -> list[Request]:
        action = f"sms-voice:{operation}"
        if operation in ("SendTextMessage", "SendMediaMessage", "SendVoiceMessage"):
            arns = [self._identity(params["OriginationIdentity"])]
            if params.get("ConfigurationSetName"):
                arns.append(self._named("configuration-set", params["ConfigurationSetName"]))
            if params.get("ProtectConfigurationId"):
                arns.append(self._named("protect-configuration", params["ProtectConfigurationId"]))
            return [Request(action, arn) for arn in arns]
        if operation == "ListPoolOriginationIdentities":
            return [Request(action, self._identity(params["PoolId"]))]
        if operation == "DescribePhoneNumbers":
            ids = params.get("PhoneNumberIds") or ["*"]
            return [
                Request(action, self._identity(i) if i != "*" else self._prefix + "phone-number/*")
                for i in ids
            ]
        if operation in ("DescribeOptedOutNumbers", "PutOptedOutNumber", "DeleteOptedOutNumber"):
            return [Request(action, self._named("opt-out-list", params["OptOutListName"]))]
        if operation == "DescribePools":
            ids = params.get("PoolIds") or ["*"]
            return [Request(action, self._identity(i) if i != "*" else self._prefix + "pool/*") for i in ids]
        raise LookupError(f"{action} is not mapped")

    def _named(self, kind: str, name: str) -> str:
        return name if name.startswith("arn:") else f"{self._prefix}{kind}/{name}"

    def _identity(self, identity: str) -> str:
        if identity.startswith("arn:"):
            return identity
        if identity.startswith("pool-"):
            return f"{self._prefix}pool/{identity}"
        return self._identity_arn(identity)


# Policy evaluation ------------------------------------------------------------------------------


def _listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _matches(pattern: str, value: str) -> bool:
    return fnmatch.fnmatchcase(value, pattern.replace("[", "[[]"))


def _condition_holds(
    condition: Mapping[str, Mapping[str, Any]], context: Mapping[str, Sequence[str]]
) -> bool:
    for operator, tests in condition.items():
        qualifier, _, base = operator.rpartition(":")
        if_exists = base.endswith("IfExists")
        base = base.removesuffix("IfExists")
        if base not in ("StringLike", "StringEquals"):
            raise LookupError(f"condition operator {operator} is not evaluated here")
        match = _matches if base == "StringLike" else (lambda p, v: p == v)
        for key, allowed in tests.items():
            if key not in context and if_exists:
                continue
            if key not in context:
                raise LookupError(f"condition key {key} is not evaluated for this request")
            values = [any(match(p, v) for p in _listed(allowed)) for v in context[key]]
            if qualifier == "ForAllValues":
                holds = all(values)
            elif qualifier == "ForAnyValue":
                holds = any(values)
            else:
                holds = values == [True]
            if not holds:
                return False
    return True


def _statement_matches(statement: Mapping[str, Any], request: Request) -> bool:
    if not any(_matches(a.lower(), request.action.lower()) for a in _listed(statement.get("Action", []))):
        return False
    if not any(_matches(r, request.resource) for r in _listed(statement.get("Resource", []))):
        return False
    return _condition_holds(statement.get("Condition", {}), request.context)


def allowed(statements: Sequence[Mapping[str, Any]], request: Request) -> bool:
    """IAM's rule: an explicit Deny wins, then an Allow is needed."""
    matching = [s for s in statements if _statement_matches(s, request)]
    return bool(matching) and all(s.get("Effect", "Allow") != "Deny" for s in matching)


# The hook ---------------------------------------------------------------------------------------


class IamEnforcement:
    """Checks every call of a principal's clients against its statements; use as a context manager."""

    def __init__(self, sms: SmsResources, region: str = REGION, account: str = ACCOUNT) -> None:
        self.principals: dict[str, list[dict]] = {}
        self.sms = sms
        self.region = region
        self.account = account
        self.denied: list[str] = []
        """``principal: action on resource`` of every call denied so far."""
        self.authorized: dict[str, set[str]] = {}
        """Per principal, the actions its calls needed (and were allowed)."""
        self._lock = threading.Lock()
        self._saved: tuple[Any, Any] | None = None

    def add_principal(self, name: str, statements: Sequence[Mapping[str, Any]]) -> None:
        self.principals[name] = [dict(s) for s in statements]

    @contextlib.contextmanager
    def acting_as(self, name: str) -> Iterator[None]:
        """Calls made here (and by clients created here, in any thread) are made as ``name``."""
        if name not in self.principals:
            raise KeyError(f"no principal {name!r}")
        token = _acting.set(name)
        try:
            yield
        finally:
            _acting.reset(token)

    def requests(self, service: str, operation: str, params: Mapping[str, Any]) -> list[Request]:
        if service == "dynamodb":
            return dynamodb_requests(operation, params, self.region, self.account)
        if service == "sqs":
            return sqs_requests(operation, params, self.region, self.account)
        if service == "sms-voice":
            return self.sms.requests(operation, params)
        if service == "lambda" and operation == "Invoke":
            name = params["FunctionName"]
            arn = (
                name
                if name.startswith("arn:")
                else f"arn:aws:lambda:{self.region}:{self.account}:function:{name}"
            )
            return [Request("lambda:InvokeFunction", arn)]
        if service == "cloudformation" and "StackName" in params:
            arn = f"arn:aws:cloudformation:{self.region}:{self.account}:stack/{params['StackName']}/*"
            return [Request(f"cloudformation:{operation}", arn)]
        raise LookupError(f"{service}:{operation} is not mapped")

    def authorize(self, principal: str, service: str, operation: str, params: Mapping[str, Any]) -> None:
        """Raise ClientError AccessDeniedException unless ``principal`` may make the call."""
        try:
            requests = self.requests(service, operation, params)
            refused = next((r for r in requests if not allowed(self.principals[principal], r)), None)
            reason = None if refused is None else f"{refused.action} on {refused.resource}"
        except LookupError as error:
            requests, reason = [], str(error)
        if reason is None:
            with self._lock:
                self.authorized.setdefault(principal, set()).update(r.action for r in requests)
            return
        with self._lock:
            self.denied.append(f"{principal}: {reason}")
        raise ClientError(
            {
                "Error": {
                    "Code": "AccessDeniedException",
                    "Message": f"User: {principal} is not authorized to perform: {reason}",
                },
                "ResponseMetadata": {"HTTPStatusCode": 400},
            },
            operation,
        )

    def __enter__(self) -> IamEnforcement:
        enforcement = self
        make_api_call = botocore.client.BaseClient._make_api_call
        create_client = botocore.session.Session.create_client

        def checked_call(client: Any, operation_name: str, api_params: dict[str, Any]) -> Any:
            principal = _acting.get() or getattr(client, PRINCIPAL_ATTRIBUTE, None)
            if principal is not None:
                service = client.meta.service_model.signing_name
                enforcement.authorize(principal, service, operation_name, api_params)
            return make_api_call(client, operation_name, api_params)

        def tagged_client(session: Any, *args: Any, **kwargs: Any) -> Any:
            client = create_client(session, *args, **kwargs)
            principal = _acting.get()
            if principal is not None:
                setattr(client, PRINCIPAL_ATTRIBUTE, principal)
            return client

        self._saved = (make_api_call, create_client)
        botocore.client.BaseClient._make_api_call = checked_call
        botocore.session.Session.create_client = tagged_client
        return self

    def __exit__(self, *exc_info: object) -> None:
        assert self._saved is not None
        botocore.client.BaseClient._make_api_call, botocore.session.Session.create_client = self._saved
