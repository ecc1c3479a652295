"""Per-environment configuration from ``cdk.json`` context, for ``app.py``.

Every ``SmsOptOut`` prop is a key in camelCase (``phoneNumberIds``, ``memorySize``, ...); values
that are not JSON are given as JSON: ``timeout`` and ``logRetention`` in seconds and days,
``removalPolicy`` by name, ``encryptionKey`` and ``alarmTopic`` by ARN.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping
from typing import Any

import aws_cdk.aws_logs as logs
from aws_cdk import App, Duration, Environment, RemovalPolicy, Validations

from opt_out_stack.prop_validation import PropError
from opt_out_stack.stack import CONSTRUCT_PROPS, OptOutStack

STACK_KEYS = ("account", "region")


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def _number(prop: str, value: Any, unit: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise PropError(prop, value, f"is not a number of {unit}", f"give a number of {unit}, e.g. 30")
    return value


def _removal_policy(value: Any) -> RemovalPolicy:
    names = ("RETAIN", "SNAPSHOT", "DESTROY")
    if not isinstance(value, str) or value.upper() not in names:
        raise PropError("removal_policy", value, "is not a removal policy", f"give one of {', '.join(names)}")
    policy: RemovalPolicy = getattr(RemovalPolicy, value.upper())
    return policy


RETENTION_DAYS = {
    1: "ONE_DAY", 3: "THREE_DAYS", 5: "FIVE_DAYS", 7: "ONE_WEEK", 14: "TWO_WEEKS", 30: "ONE_MONTH",
    60: "TWO_MONTHS", 90: "THREE_MONTHS", 120: "FOUR_MONTHS", 150: "FIVE_MONTHS", 180: "SIX_MONTHS",
    365: "ONE_YEAR", 400: "THIRTEEN_MONTHS", 545: "EIGHTEEN_MONTHS", 731: "TWO_YEARS",
    1096: "THREE_YEARS", 1827: "FIVE_YEARS", 2192: "SIX_YEARS", 2557: "SEVEN_YEARS",
    2922: "EIGHT_YEARS", 3288: "NINE_YEARS", 3653: "TEN_YEARS",
}  # fmt: skip
"""CloudWatch Logs' retention periods, in days, as aws-cdk-lib names them."""


def _log_retention(value: Any) -> logs.RetentionDays:
    days = _number("log_retention", value, "days")
    if days not in RETENTION_DAYS:
        fix = f"give one of {', '.join(map(str, RETENTION_DAYS))} days"
        raise PropError("log_retention", value, "is not a CloudWatch Logs retention", fix)
    retention: logs.RetentionDays = getattr(logs.RetentionDays, RETENTION_DAYS[int(days)])
    return retention


def _language_settings(value: Any) -> Any:
    """``{"fr": {"helpMessage": ...}}``: the language props in camelCase, as every other key."""
    if not isinstance(value, dict):
        return value
    return {
        code: {re.sub(r"(?<!^)(?=[A-Z])", "_", key).lower(): v for key, v in props.items()}
        if isinstance(props, dict)
        else props
        for code, props in value.items()
    }


CONVERSIONS: dict[str, Callable[[Any], Any]] = {
    "timeout": lambda value: Duration.seconds(_number("timeout", value, "seconds")),
    "removal_policy": _removal_policy,
    "log_retention": _log_retention,
    "language_settings": _language_settings,
}
"""Props whose cdk.json value is not the Python value; the others (and ARNs) pass as they are."""
IN_APP_PROPS = frozenset({"phone_numbers", "pools", "rcs_agents"})
"""Props that take the app's own CDK resources: given in code, never in cdk.json."""
CONTEXT_KEYS = {_camel(prop): prop for prop in sorted(CONSTRUCT_PROPS - IN_APP_PROPS)}


def stack_settings(name: str, environments: Mapping[str, Any]) -> dict[str, Any]:
    """The OptOutStack props of environment ``name``; raise PropError naming the key as written."""
    if name not in environments:
        known = ", ".join(sorted(environments)) or "none"
        raise PropError(
            "environment", name, "is not in cdk.json's context.environments", f"use one of: {known}"
        )
    settings = environments[name]
    where = f"environments.{name}"
    allowed = [*STACK_KEYS, *CONTEXT_KEYS]
    for key in settings:
        if key not in allowed:
            close = difflib.get_close_matches(key, allowed, n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            raise PropError(
                f"{where}.{key}", settings[key], "is not a known key", f"{hint}allowed: {', '.join(allowed)}"
            )
    if all(settings.get(key) is None for key in ("phoneNumberIds", "poolIds", "rcsAgentIds")):
        raise PropError(
            f"{where}.phoneNumberIds",
            None,
            "is missing (and so are poolIds and rcsAgentIds)",
            'give the numbers to configure: ["phone-..."], or the pools as poolIds, or the RCS agents as '
            "rcsAgentIds",
        )
    props: dict[str, Any] = {}
    for key, value in settings.items():
        if key in STACK_KEYS or value is None:
            continue
        prop = CONTEXT_KEYS[key]
        try:
            props[prop] = CONVERSIONS.get(prop, lambda v: v)(value)
        except PropError as error:
            raise error.renamed(f"{where}.{key}") from None
    env = Environment(account=settings.get("account"), region=settings.get("region"))
    return {"env": env, **props}


def build_app(app: App | None = None) -> App:
    """One ``OptOutStack`` for the environment chosen with ``-c environment=NAME``, checked by cdk-nag 3.

    A bad prop raises PropError naming the key as the environment wrote it.
    """
    from cdk_nag import AwsSolutionsChecks, ServerlessChecks  # the app's own check, not the construct's

    app = app or App()
    name = app.node.try_get_context("environment") or "dev"
    settings = stack_settings(name, app.node.try_get_context("environments") or {})
    try:
        OptOutStack(app, f"SmsOptOut-{name}", **settings)
    except PropError as error:
        key = _camel(error.prop) if error.prop in CONSTRUCT_PROPS else error.prop
        raise error.renamed(f"environments.{name}.{key}") from None
    Validations.of(app).add_plugins(AwsSolutionsChecks(), ServerlessChecks())
    return app
