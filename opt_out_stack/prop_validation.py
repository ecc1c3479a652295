"""Every check of the construct's props at synthesis, each failing with one message shape.

``PropError`` names the prop, the value and the fix: ``timeout: 901 s is outside 1 to 900 s; give
Duration.seconds(1) to Duration.seconds(900)``. ``app.py`` renames the prop to the key a ``cdk.json``
environment used.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import aws_cdk.aws_lambda as lambda_
import aws_cdk.aws_logs as logs
import aws_cdk.aws_smsvoice as smsvoice
from aws_cdk import Duration, RemovalPolicy, Token

from sms_opt_out.contract import MAX_SEND_CONCURRENCY
from sms_opt_out.domain.send_windows import parse_caps, parse_quiet_hours
from sms_opt_out.errors import InvalidFieldError
from sms_opt_out.send.rules import Coverage

PHONE_NUMBER_ID = re.compile(r"phone-[0-9a-fA-F]{32}")
_TABLE_NAME = re.compile(r"[a-zA-Z0-9_.-]{3,255}")
_RESOURCE_NAME = re.compile(r"[A-Za-z0-9_:/-]{1,256}")
_NAMESPACE = re.compile(r"[A-Za-z0-9 ._/#:-]{1,255}")
_DASHBOARD_NAME = re.compile(r"[A-Za-z0-9_-]{1,255}")
MAX_TIMEOUT_SECONDS = 900
MIN_MEMORY_MB, MAX_MEMORY_MB = 128, 10240


class PropError(ValueError):
    """A prop has a value the construct cannot use: ``prop``, ``value`` and ``fix`` say which and how."""

    def __init__(self, prop: str, value: object, problem: str, fix: str) -> None:
        super().__init__(f"{prop}: {value!r} {problem}; {fix}")
        self.prop, self.value, self.problem, self.fix = prop, value, problem, fix

    def renamed(self, prop: str) -> PropError:
        """The same error, naming the prop as the user wrote it (a ``cdk.json`` key)."""
        return PropError(prop, self.value, self.problem, self.fix)


@dataclass(frozen=True)
class PropType:
    """What a prop must be: ``accepts`` tells, ``noun`` names it in the error, ``fix`` shows one."""

    noun: str
    accepts: Callable[[Any], bool]
    fix: str
    optional: bool = False
    """None is accepted too (the prop's default)."""


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_list_of(kind: type | tuple[type, ...]) -> Callable[[Any], bool]:
    return lambda value: isinstance(value, list | tuple) and all(isinstance(v, kind) for v in value)


def _has(attribute: str) -> Callable[[Any], bool]:
    """A jsii interface (``kms.IKey``, ``sns.ITopic``) is a protocol: known by what it has."""
    return lambda value: hasattr(value, attribute) and not isinstance(value, str)


_STRINGS = PropType("a list of strings", _is_list_of(str), "give a list, e.g. ['...']")
_TEXT = PropType("a string", lambda v: isinstance(v, str), "give a text", optional=True)
PROP_TYPES: Mapping[str, PropType] = {
    "phone_number_ids": _STRINGS,
    "pool_ids": _STRINGS,
    "phone_numbers": PropType(
        "a list of aws_smsvoice.CfnPhoneNumber",
        _is_list_of(smsvoice.CfnPhoneNumber),
        "give [CfnPhoneNumber(...), ...]",
    ),
    "pools": PropType(
        "a list of aws_smsvoice.CfnPool", _is_list_of(smsvoice.CfnPool), "give [CfnPool(...), ...]"
    ),
    "rcs_agent_ids": _STRINGS,
    "rcs_agents": PropType(
        "a list of aws_smsvoice.CfnRcsAgent",
        _is_list_of(smsvoice.CfnRcsAgent),
        "give [CfnRcsAgent(...), ...]",
    ),
    "notify_configuration_ids": _STRINGS,
    "table_name": PropType("a string", lambda v: isinstance(v, str), "give a table name", optional=True),
    "removal_policy": PropType(
        "a RemovalPolicy", lambda v: isinstance(v, RemovalPolicy), "give RemovalPolicy.RETAIN or DESTROY"
    ),
    "encryption_key": PropType("an aws_kms.IKey", _has("key_arn"), "give a kms.Key or an imported key", True),
    "alarm_topic": PropType(
        "an aws_sns.ITopic", _has("topic_arn"), "give an sns.Topic or an imported one", True
    ),
    "opt_out_keywords": replace(_STRINGS, optional=True),
    "opt_in_keywords": replace(_STRINGS, optional=True),
    "help_keywords": replace(_STRINGS, optional=True),
    "opt_out_words": replace(_STRINGS, optional=True),
    "opt_out_phrases": replace(_STRINGS, optional=True),
    "match_mode": replace(_TEXT, fix="give 'WORD' or 'EXACT'"),
    "opt_out_scope": replace(_TEXT, fix="give 'ALL' or 'ORIGINATION'"),
    "opt_out_confirmation": _TEXT,
    "clarification_message": _TEXT,
    "revocation_policy": replace(_TEXT, fix="give 'STRICT' or 'CONTEXTUAL'"),
    "opt_in_confirmation": _TEXT,
    "help_message": _TEXT,
    "program_name": _TEXT,
    "support_contact": _TEXT,
    "message_frequency": _TEXT,
    "languages": replace(_STRINGS, optional=True, fix="give a list, e.g. ['en', 'es']"),
    "language_settings": PropType(
        "a mapping", lambda v: isinstance(v, Mapping), "give {'fr': {'help_message': '...'}, ...}", True
    ),
    "configuration_set_names": _STRINGS,
    "protect_configuration_ids": _STRINGS,
    "memory_size": PropType("a whole number", _is_int, "give a whole number of MB, e.g. 256", optional=True),
    "timeout": PropType(
        "a Duration", lambda v: isinstance(v, Duration), "give e.g. Duration.seconds(30)", True
    ),
    "reply_reserved_concurrency": PropType("a whole number", _is_int, "give e.g. 5", optional=True),
    "send_reserved_concurrency": PropType("a whole number", _is_int, "give e.g. 20", optional=True),
    "log_retention": PropType(
        "an aws_logs.RetentionDays",
        lambda v: isinstance(v, logs.RetentionDays),
        "give e.g. RetentionDays.ONE_YEAR",
    ),
    "messages_per_second": PropType(
        "a mapping", lambda v: isinstance(v, Mapping), "give e.g. {'+18445550100': 3, '*': 20}", True
    ),
    "send_concurrency": PropType("a whole number", _is_int, "give e.g. 32"),
    "max_send_concurrency": PropType("a whole number", _is_int, "give e.g. 2", optional=True),
    "metrics_namespace": PropType("a string", lambda v: isinstance(v, str), "give e.g. 'SmsOptOut'"),
    "dashboard_name": PropType("a string", lambda v: isinstance(v, str), "give a dashboard name", True),
    "tracing": PropType(
        "an aws_lambda.Tracing",
        lambda v: isinstance(v, lambda_.Tracing),
        "give Tracing.ACTIVE, PASS_THROUGH or DISABLED",
    ),
    "delivery_events": PropType("True or False", lambda v: isinstance(v, bool), "give True or False"),
    "send_rules": replace(_TEXT, fix="give 'PROMOTIONAL', 'ALL' or 'OFF'", optional=False),
    "quiet_hours": PropType(
        "a mapping", lambda v: isinstance(v, Mapping), "give e.g. {'US': '21:00-09:00'}", optional=True
    ),
    "frequency_caps": PropType(
        "a mapping", lambda v: isinstance(v, Mapping), "give e.g. {'*': 5, 'US-TX': 2}", optional=True
    ),
    "retry_capped": PropType("True or False", lambda v: isinstance(v, bool), "give True or False"),
}
"""The type of every prop of ``SmsOptOut``: checked first, so every wrong type fails the same way."""


def check_prop_types(values: Mapping[str, Any]) -> None:
    """Raise PropError naming the first prop of ``values`` whose value is not of its ``PROP_TYPES`` type."""
    for prop, value in values.items():
        kind = PROP_TYPES[prop]
        if value is None and kind.optional:
            continue
        if isinstance(value, str) and kind.accepts([value]):
            raise PropError(prop, value, "is one string", f"give a list, e.g. [{value!r}]")
        if not kind.accepts(value):
            raise PropError(prop, value, f"is not {kind.noun}", kind.fix)


def timeout_seconds(timeout: Duration | None, default: int) -> Duration:
    """Lambda's timeout: a literal of 1 to 900 seconds."""
    if timeout is None:
        return Duration.seconds(default)
    seconds = timeout.to_milliseconds() / 1000
    if not 1 <= seconds <= MAX_TIMEOUT_SECONDS or not seconds.is_integer():
        raise PropError(
            "timeout",
            f"{seconds:g} s",
            f"is not a whole number of seconds from 1 to {MAX_TIMEOUT_SECONDS} (Lambda's range)",
            f"give Duration.seconds(1) to Duration.seconds({MAX_TIMEOUT_SECONDS})",
        )
    return timeout


def memory_size(value: int | None) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not MIN_MEMORY_MB <= value <= MAX_MEMORY_MB:
        raise PropError(
            "memory_size",
            value,
            f"is outside Lambda's {MIN_MEMORY_MB} to {MAX_MEMORY_MB} MB",
            f"give a whole number of MB from {MIN_MEMORY_MB} to {MAX_MEMORY_MB}",
        )
    return value


def table_name(value: str | None) -> str | None:
    """DynamoDB's rule: 3 to 255 of letters, digits, ``_``, ``-`` and ``.``."""
    if value is None or (isinstance(value, str) and Token.is_unresolved(value)):
        return value
    if not isinstance(value, str) or not _TABLE_NAME.fullmatch(value):
        raise PropError(
            "table_name",
            value,
            "is not a DynamoDB table name",
            "use 3 to 255 letters, digits, '_', '-' or '.', or leave it out for a generated name",
        )
    return value


def reserved_concurrency(prop: str, value: int | None) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise PropError(
            prop, value, "is not a positive whole number", "give 1 or more, or leave it out (unreserved)"
        )
    return value


def resource_names(prop: str, values: Sequence[str], example: str) -> list[str]:
    """Names or IDs that become ARNs (configuration sets, protect configurations)."""
    names = list(values)
    for value in names:
        if not isinstance(value, str) or not _RESOURCE_NAME.fullmatch(value):
            raise PropError(prop, value, "is not a name or ID", f"give names like {example!r}")
    return names


MIN_QUEUE_CONCURRENCY, MAX_QUEUE_CONCURRENCY = 2, 1000
"""The range of an SQS event source's maximum concurrency."""


def send_concurrency(value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_SEND_CONCURRENCY:
        raise PropError(
            "send_concurrency",
            value,
            f"is not a whole number from 1 to {MAX_SEND_CONCURRENCY}",
            "give the sends one invocation makes at once, e.g. 32",
        )
    return value


def metrics_namespace(value: str) -> str:
    """CloudWatch's rule for a namespace of one's own: 1 to 255 of these characters, not ``AWS/...``."""
    if not isinstance(value, str) or not _NAMESPACE.fullmatch(value) or value.startswith("AWS/"):
        raise PropError(
            "metrics_namespace",
            value,
            "is not a CloudWatch namespace of your own",
            "use 1 to 255 letters, digits, spaces or . _ / # : - and not AWS/ first, e.g. 'SmsOptOut'",
        )
    return value


def max_send_concurrency(value: int | None) -> int | None:
    if value is None:
        return None
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or not MIN_QUEUE_CONCURRENCY <= value <= MAX_QUEUE_CONCURRENCY
    ):
        raise PropError(
            "max_send_concurrency",
            value,
            f"is outside SQS's {MIN_QUEUE_CONCURRENCY} to {MAX_QUEUE_CONCURRENCY}",
            f"give a whole number from {MIN_QUEUE_CONCURRENCY} to {MAX_QUEUE_CONCURRENCY}",
        )
    return value


def dashboard_name(value: str | None) -> str | None:
    """CloudWatch's rule for a dashboard name: 1 to 255 letters, digits, ``-`` and ``_``."""
    if value is None or (isinstance(value, str) and Token.is_unresolved(value)):
        return value
    if not isinstance(value, str) or not _DASHBOARD_NAME.fullmatch(value):
        raise PropError(
            "dashboard_name",
            value,
            "is not a CloudWatch dashboard name",
            "use 1 to 255 letters, digits, '-' or '_', or leave it out for a generated name",
        )
    return value


def tracing(value: lambda_.Tracing) -> lambda_.Tracing:
    if not isinstance(value, lambda_.Tracing):
        raise PropError(
            "tracing", value, "is not an aws_lambda.Tracing", "give Tracing.ACTIVE, PASS_THROUGH or DISABLED"
        )
    return value


def send_rules(value: str) -> str:
    """Which requests quiet hours and caps hold: ``PROMOTIONAL``, ``ALL`` (but transactional) or ``OFF``."""
    allowed = [member.value for member in Coverage]
    if not isinstance(value, str) or value.upper() not in allowed:
        raise PropError(
            "send_rules", value, f"is not one of {', '.join(allowed)}", f"give one of {', '.join(allowed)}"
        )
    return value.upper()


def quiet_hours(value: Mapping[str, str]) -> str:
    """``{"US": "21:00-09:00", "US-CA": "20:00-10:00", "*": "22:00-08:00"}`` as ``QUIET_HOURS``."""
    return _checked_json("quiet_hours", value, parse_quiet_hours, "give e.g. {'US': '21:00-09:00'}")


def frequency_caps(value: Mapping[str, int]) -> str:
    """``{"*": 5, "US-TX": 2}`` as ``FREQUENCY_CAPS``."""
    return _checked_json("frequency_caps", value, parse_caps, "give e.g. {'*': 5, 'US-TX': 2}")


def _checked_json(prop: str, value: object, parse: Callable[[str, str], object], fix: str) -> str:
    if not isinstance(value, Mapping):
        raise PropError(prop, value, "is not a mapping of place to value", fix)
    encoded = json.dumps(dict(value), separators=(",", ":"))
    try:
        parse(encoded, prop)
    except InvalidFieldError as error:
        raise PropError(error.field, value, error.reason, fix) from None
    return encoded


def flag(prop: str, value: bool) -> bool:
    if not isinstance(value, bool):
        raise PropError(prop, value, "is not True or False", "give True or False")
    return value
