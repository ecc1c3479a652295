"""Runtime settings, read from environment variables (the construct sets them from its props)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeVar

from .errors import ConfigurationError
from .keywords import (
    DEFAULT_HELP_KEYWORDS,
    DEFAULT_OPT_IN_KEYWORDS,
    DEFAULT_OPT_OUT_KEYWORDS,
    DEFAULT_OPT_OUT_PHRASES,
    DEFAULT_REVOCATION_WORDS,
    KeywordRules,
    MatchMode,
    stop_rule_violation,
)
from .preferences import Scope

_Choice = TypeVar("_Choice", MatchMode, Scope)

DEFAULT_PROGRAM_NAME = "SMS alerts"
DEFAULT_OPT_OUT_CONFIRMATION = (
    "You have been unsubscribed and will receive no further messages. Reply START to resubscribe."
)
DEFAULT_OPT_IN_CONFIRMATION = "You have been resubscribed. Reply STOP to unsubscribe."
DEFAULT_HELP_MESSAGE = (
    "{program}: reply STOP to unsubscribe, START to resubscribe. Msg & data rates may apply."
)

KEYWORD_VARIABLES = {
    "opt_out_keywords": ("OPT_OUT_KEYWORDS", DEFAULT_OPT_OUT_KEYWORDS),
    "opt_in_keywords": ("OPT_IN_KEYWORDS", DEFAULT_OPT_IN_KEYWORDS),
    "help_keywords": ("HELP_KEYWORDS", DEFAULT_HELP_KEYWORDS),
    "revocation_words": ("OPT_OUT_WORDS", DEFAULT_REVOCATION_WORDS),
    "opt_out_phrases": ("OPT_OUT_PHRASES", DEFAULT_OPT_OUT_PHRASES),
}
"""KeywordRules' arguments, and the variable and default of each."""


@dataclass(frozen=True)
class Settings:
    table_name: str
    rules: KeywordRules
    scope: Scope
    opt_out_confirmation: str
    opt_in_confirmation: str
    help_message: str
    failed_sends_queue_url: str | None = None
    """Where the sender keeps the requests of a batch that SendTextMessage refused."""

    @classmethod
    def from_environ(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Read the settings; a missing optional variable takes its documented default."""
        env = os.environ if environ is None else environ
        table_name = env.get("OPT_OUT_TABLE_NAME", "").strip()
        if not table_name:
            raise ConfigurationError("OPT_OUT_TABLE_NAME", "must name the opt-out DynamoDB table")
        keyword_settings = {
            argument: _list(env, variable, default)
            for argument, (variable, default) in KEYWORD_VARIABLES.items()
        }
        match_mode = _choice(env, "MATCH_MODE", MatchMode, MatchMode.WORD)
        violation = stop_rule_violation(**keyword_settings, match_mode=match_mode)
        if violation:
            argument, reason = violation
            raise ConfigurationError(KEYWORD_VARIABLES[argument][0], reason)
        rules = KeywordRules(**keyword_settings, match_mode=match_mode)
        program = env.get("PROGRAM_NAME") or DEFAULT_PROGRAM_NAME
        return cls(
            table_name=table_name,
            rules=rules,
            scope=_choice(env, "OPT_OUT_SCOPE", Scope, Scope.ORIGINATION),
            opt_out_confirmation=env.get("OPT_OUT_CONFIRMATION") or DEFAULT_OPT_OUT_CONFIRMATION,
            opt_in_confirmation=env.get("OPT_IN_CONFIRMATION") or DEFAULT_OPT_IN_CONFIRMATION,
            help_message=env.get("HELP_MESSAGE") or DEFAULT_HELP_MESSAGE.format(program=program),
            failed_sends_queue_url=env.get("FAILED_SENDS_QUEUE_URL", "").strip() or None,
        )


def _list(env: Mapping[str, str], name: str, default: tuple[str, ...]) -> tuple[str, ...]:
    """A comma-separated list; unset means the default, an empty value means none."""
    if name not in env:
        return default
    return tuple(part.strip() for part in env[name].split(",") if part.strip())


def _choice(env: Mapping[str, str], name: str, kind: type[_Choice], default: _Choice) -> _Choice:
    value = env.get(name, "").strip().upper()
    if not value:
        return default
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(member.value for member in kind)
        raise ConfigurationError(name, f"{value!r} is not one of {allowed}") from None
