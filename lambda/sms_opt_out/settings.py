"""Runtime settings, read from environment variables (the construct sets them from its props)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from .dispatch import DEFAULT_CONCURRENCY
from .errors import ConfigurationError
from .keywords import (
    DEFAULT_HELP_KEYWORDS,
    DEFAULT_OPT_IN_KEYWORDS,
    DEFAULT_OPT_OUT_KEYWORDS,
    DEFAULT_OPT_OUT_PHRASES,
    DEFAULT_REVOCATION_WORDS,
    KeywordRules,
    MatchMode,
)
from .origination import parse_origination_numbers
from .pacing import parse_rates
from .pools import parse_pool_ids
from .preferences import Scope

_Choice = TypeVar("_Choice", MatchMode, Scope)

MAX_CONCURRENCY = 256
"""Most concurrent sends of one invocation (each holds a thread and a connection)."""
DEFAULT_PROGRAM_NAME = "SMS alerts"
DEFAULT_OPT_OUT_CONFIRMATION = (
    "You have been unsubscribed and will receive no further messages. Reply START to resubscribe."
)
DEFAULT_OPT_IN_CONFIRMATION = "You have been resubscribed. Reply STOP to unsubscribe."
DEFAULT_HELP_MESSAGE = (
    "{program}: reply STOP to unsubscribe, START to resubscribe. Msg & data rates may apply."
)


@dataclass(frozen=True)
class Settings:
    table_name: str
    rules: KeywordRules
    scope: Scope
    opt_out_confirmation: str
    opt_in_confirmation: str
    help_message: str
    failed_sends_queue_url: str | None = None
    """Where the sender keeps the requests that could not be sent."""
    messages_per_second: Mapping[str, float] = field(default_factory=dict)
    """Origination identity (or ``*``) to its messages per second; none: paced by throttling alone."""
    send_concurrency: int = DEFAULT_CONCURRENCY
    origination_numbers: Mapping[str, str] = field(default_factory=dict)
    """Phone number ID and ARN to E.164 of the numbers the construct configured."""
    pool_ids: tuple[str, ...] = ()
    """The pools the construct configured (``POOL_IDS``): replies to their numbers count for the pool."""

    @classmethod
    def from_environ(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Read the settings; a missing optional variable takes its documented default."""
        env = os.environ if environ is None else environ
        table_name = env.get("OPT_OUT_TABLE_NAME", "").strip()
        if not table_name:
            raise ConfigurationError("OPT_OUT_TABLE_NAME", "must name the opt-out DynamoDB table")
        rules = KeywordRules(
            opt_out_keywords=_list(env, "OPT_OUT_KEYWORDS", DEFAULT_OPT_OUT_KEYWORDS),
            opt_in_keywords=_list(env, "OPT_IN_KEYWORDS", DEFAULT_OPT_IN_KEYWORDS),
            help_keywords=_list(env, "HELP_KEYWORDS", DEFAULT_HELP_KEYWORDS),
            revocation_words=_list(env, "OPT_OUT_WORDS", DEFAULT_REVOCATION_WORDS),
            opt_out_phrases=_list(env, "OPT_OUT_PHRASES", DEFAULT_OPT_OUT_PHRASES),
            match_mode=_choice(env, "MATCH_MODE", MatchMode, MatchMode.WORD),
        )
        program = env.get("PROGRAM_NAME") or DEFAULT_PROGRAM_NAME
        return cls(
            table_name=table_name,
            rules=rules,
            scope=_choice(env, "OPT_OUT_SCOPE", Scope, Scope.ORIGINATION),
            opt_out_confirmation=env.get("OPT_OUT_CONFIRMATION") or DEFAULT_OPT_OUT_CONFIRMATION,
            opt_in_confirmation=env.get("OPT_IN_CONFIRMATION") or DEFAULT_OPT_IN_CONFIRMATION,
            help_message=env.get("HELP_MESSAGE") or DEFAULT_HELP_MESSAGE.format(program=program),
            failed_sends_queue_url=env.get("FAILED_SENDS_QUEUE_URL", "").strip() or None,
            messages_per_second=parse_rates(env.get("MESSAGES_PER_SECOND")),
            send_concurrency=_count(env, "SEND_CONCURRENCY", DEFAULT_CONCURRENCY),
            origination_numbers=parse_origination_numbers(env.get("ORIGINATION_NUMBERS")),
            pool_ids=parse_pool_ids(env.get("POOL_IDS")),
        )


def _list(env: Mapping[str, str], name: str, default: tuple[str, ...]) -> tuple[str, ...]:
    """A comma-separated list; unset means the default, an empty value means none."""
    if name not in env:
        return default
    return tuple(part.strip() for part in env[name].split(",") if part.strip())


def _count(env: Mapping[str, str], name: str, default: int) -> int:
    value = env.get(name, "").strip()
    if not value:
        return default
    if not value.isdigit() or not 1 <= int(value) <= MAX_CONCURRENCY:
        raise ConfigurationError(name, f"{value!r} is not a whole number from 1 to {MAX_CONCURRENCY}")
    return int(value)


def _choice(env: Mapping[str, str], name: str, kind: type[_Choice], default: _Choice) -> _Choice:
    value = env.get(name, "").strip().upper()
    if not value:
        return default
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(member.value for member in kind)
        raise ConfigurationError(name, f"{value!r} is not one of {allowed}") from None
