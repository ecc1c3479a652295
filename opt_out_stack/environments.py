"""Per-environment configuration from ``cdk.json`` context, for ``app.py``."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from aws_cdk import App, Environment, Validations
from cdk_nag import AwsSolutionsChecks, ServerlessChecks

from opt_out_stack.stack import OptOutStack

# SmsOptOut props that cdk.json can hold (JSON values), in camelCase.
CONTEXT_PROPS = {
    "phoneNumberIds", "tableName", "optOutKeywords", "optInKeywords", "helpKeywords", "optOutWords",
    "optOutPhrases", "matchMode", "optOutScope", "optOutConfirmation", "optInConfirmation", "helpMessage",
    "programName", "optOutListNames", "configurationSetNames", "metricsNamespace", "dashboardName",
}  # fmt: skip
STACK_KEYS = {"account", "region"}


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def stack_settings(name: str, environments: Mapping[str, Any]) -> dict[str, Any]:
    """The OptOutStack props of environment ``name``; raise ValueError naming a bad key."""
    if name not in environments:
        known = ", ".join(sorted(environments)) or "none"
        raise ValueError(f"environment: {name!r} is not in cdk.json's context.environments (known: {known})")
    settings = environments[name]
    unknown = sorted(set(settings) - CONTEXT_PROPS - STACK_KEYS)
    if unknown:
        raise ValueError(f"environments.{name}: unknown keys {', '.join(unknown)}")
    env = Environment(account=settings.get("account"), region=settings.get("region"))
    props = {
        _snake(key): value for key, value in settings.items() if key in CONTEXT_PROPS and value is not None
    }
    return {"env": env, **props}


def build_app(app: App | None = None) -> App:
    """One ``OptOutStack`` for the environment chosen with ``-c environment=NAME``, checked by cdk-nag."""
    app = app or App()
    name = app.node.try_get_context("environment") or "dev"
    OptOutStack(
        app, f"SmsOptOut-{name}", **stack_settings(name, app.node.try_get_context("environments") or {})
    )
    Validations.of(app).add_plugins(AwsSolutionsChecks(), ServerlessChecks())
    return app
