"""Runtime settings, read from environment variables (the construct sets them from its props).

The reply side's settings (the keyword rules and the answers, in every language) and the send rules
(quiet hours, caps) are read when first used, so the send function neither imports the classifier nor
builds its rules, and the reply function does not import the send rules: ``from_environ`` reads and
checks both at once unless told ``replies=False`` (the send and delivery functions) or ``sends=False``
(the reply and delivery functions).
"""

from __future__ import annotations

import enum
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, TypeVar

from sms_opt_out.contract import (
    CONFIRMATION_QUEUE_URL_VARIABLE,
    DEFAULT_CONFIGURATION_SET_VARIABLE,
    FAILED_SENDS_QUEUE_URL_VARIABLE,
    FREQUENCY_CAPS_VARIABLE,
    KEYWORD_VARIABLES,
    LANGUAGES_VARIABLE,
    LIST_NUMBERS_VARIABLE,
    MATCH_MODE_VARIABLE,
    MESSAGE_FREQUENCY_VARIABLE,
    MESSAGES_PER_SECOND_VARIABLE,
    NUMBER_TYPES_VARIABLE,
    OPT_OUT_SCOPE_VARIABLE,
    ORIGINATION_NUMBERS_VARIABLE,
    POOL_IDS_VARIABLE,
    PROGRAM_NAME_VARIABLE,
    QUIET_HOURS_VARIABLE,
    RCS_AGENT_IDS_VARIABLE,
    RETRY_CAPPED_VARIABLE,
    REVOCATION_POLICY_VARIABLE,
    SEND_CONCURRENCY_VARIABLE,
    SEND_QUEUE_URL_VARIABLE,
    SEND_RULES_VARIABLE,
    SUPPORT_CONTACT_VARIABLE,
    TABLE_NAME_VARIABLE,
    TEXT_VARIABLES,
)
from sms_opt_out.contract import MAX_SEND_CONCURRENCY as MAX_CONCURRENCY
from sms_opt_out.domain.preferences import Scope
from sms_opt_out.errors import ConfigurationError, InvalidFieldError
from sms_opt_out.send.dispatch import DEFAULT_CONCURRENCY
from sms_opt_out.sms.origination import parse_origination_numbers
from sms_opt_out.sms.pacing import parse_rates
from sms_opt_out.sms.pools import parse_pool_ids
from sms_opt_out.sms.rate_limits import parse_number_types
from sms_opt_out.sms.rcs import parse_rcs_agent_ids

if TYPE_CHECKING:
    from sms_opt_out.domain.keywords import KeywordRules
    from sms_opt_out.domain.languages import KeywordSet, Texts
    from sms_opt_out.domain.send_windows import Hours
    from sms_opt_out.send.rules import SendRulesSettings

_Choice = TypeVar("_Choice", bound=enum.Enum)


def language_variable(variable: str, language: str) -> str:
    """A setting's variable in ``language``: ``HELP_MESSAGE`` in English, ``HELP_MESSAGE_FR`` in French."""
    from sms_opt_out.domain.languages import ENGLISH

    return variable if language == ENGLISH else f"{variable}_{language.upper()}"


@dataclass(frozen=True)
class Settings:
    table_name: str
    scope: Scope
    failed_sends_queue_url: str | None = None
    """Where the sender keeps the requests that could not be sent."""
    send_queue_url: str | None = None
    """The send queue (``SEND_QUEUE_URL``): where a direct batch puts what it could not send in time."""
    confirmation_queue_url: str | None = None
    """The confirmation queue (``CONFIRMATION_QUEUE_URL``): where the reply function puts a confirmation
    its number has no slot for now, and from which it sends it at the number's shared rate."""
    messages_per_second: Mapping[str, float] = field(default_factory=dict)
    """Origination identity (or ``*``) to its messages per second; none: paced by throttling alone."""
    send_concurrency: int = DEFAULT_CONCURRENCY
    origination_numbers: Mapping[str, str] = field(default_factory=dict)
    """Phone number ID and ARN to E.164 of the numbers the construct configured."""
    number_types: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    """Phone number ID to (NumberType, IsoCountryCode) of the construct's numbers: their published rates."""
    pool_ids: tuple[str, ...] = ()
    """The pools the construct configured (``POOL_IDS``): replies to their numbers count for the pool."""
    default_configuration_set: str | None = None
    """What the sender names as ``ConfigurationSetName`` when a request names none (the construct's own,
    whose event destination reports delivery)."""
    rcs_agent_ids: tuple[str, ...] = ()
    """The RCS agents the construct configured (``RCS_AGENT_IDS``), by ID: origination identities."""
    environ: Mapping[str, str] = field(default_factory=dict, repr=False, compare=False)
    """The variables of the settings read when first used (``rules``, ``texts``, ``opt_out_list_numbers``,
    ``send_rules``)."""

    @cached_property
    def rules(self) -> KeywordRules:
        """The keyword rules of every language (``LANGUAGES``, ``MATCH_MODE``, ``REVOCATION_POLICY``, the
        keyword lists); raises ConfigurationError naming a bad variable."""
        return _keyword_rules(self.environ)

    @cached_property
    def texts(self) -> Mapping[str, Texts]:
        """The answers per language code; a reply is answered in the language of the keyword it matched."""
        return configured_texts(self.environ, _languages(self.environ))

    @cached_property
    def send_rules(self) -> SendRulesSettings:
        """Quiet hours and frequency caps of promotional sends (``SEND_RULES``, ``QUIET_HOURS``, ...)."""
        return _send_rules(self.environ)

    @cached_property
    def opt_out_list_numbers(self) -> tuple[str, ...]:
        """Phone number IDs whose AWS opt-out lists an opt-in clears (``OPT_OUT_LIST_NUMBERS``), as the
        pools'."""
        from sms_opt_out.sms.opt_out_list_removal import LIST_NUMBERS_VARIABLE, parse_list_numbers

        return parse_list_numbers(self.environ.get(LIST_NUMBERS_VARIABLE))

    @classmethod
    def from_environ(
        cls, environ: Mapping[str, str] | None = None, *, replies: bool = True, sends: bool = True
    ) -> Settings:
        """Read the settings; a missing optional variable takes its documented default.

        ``replies``, ``sends``: read and check the reply side's settings (``rules``, ``texts``,
        ``opt_out_list_numbers``) and the send rules now too (False: when first used, if ever).
        """
        env = os.environ if environ is None else environ
        table_name = env.get(TABLE_NAME_VARIABLE, "").strip()
        if not table_name:
            raise ConfigurationError(TABLE_NAME_VARIABLE, "must name the opt-out DynamoDB table")
        numbers = parse_origination_numbers(env.get(ORIGINATION_NUMBERS_VARIABLE))
        settings = cls(
            table_name=table_name,
            scope=_choice(env, OPT_OUT_SCOPE_VARIABLE, Scope, Scope.ALL),
            failed_sends_queue_url=env.get(FAILED_SENDS_QUEUE_URL_VARIABLE, "").strip() or None,
            send_queue_url=env.get(SEND_QUEUE_URL_VARIABLE, "").strip() or None,
            confirmation_queue_url=env.get(CONFIRMATION_QUEUE_URL_VARIABLE, "").strip() or None,
            messages_per_second=parse_rates(env.get(MESSAGES_PER_SECOND_VARIABLE)),
            send_concurrency=_count(env, SEND_CONCURRENCY_VARIABLE, DEFAULT_CONCURRENCY),
            origination_numbers=numbers,
            number_types=parse_number_types(env.get(NUMBER_TYPES_VARIABLE), list(numbers)),
            pool_ids=parse_pool_ids(env.get(POOL_IDS_VARIABLE)),
            default_configuration_set=env.get(DEFAULT_CONFIGURATION_SET_VARIABLE, "").strip() or None,
            rcs_agent_ids=parse_rcs_agent_ids(env.get(RCS_AGENT_IDS_VARIABLE)),
            environ=_lazy_variables(env),
        )
        if replies:
            _ = settings.rules, settings.texts, settings.opt_out_list_numbers  # a bad variable is named now
        if sends:
            _ = settings.send_rules
        return settings


LAZY_VARIABLES = (
    LANGUAGES_VARIABLE,
    MATCH_MODE_VARIABLE,
    REVOCATION_POLICY_VARIABLE,
    PROGRAM_NAME_VARIABLE,
    SUPPORT_CONTACT_VARIABLE,
    LIST_NUMBERS_VARIABLE,
    SEND_RULES_VARIABLE,
    QUIET_HOURS_VARIABLE,
    FREQUENCY_CAPS_VARIABLE,
    RETRY_CAPPED_VARIABLE,
)
"""With the keyword and text variables (and ``MESSAGE_FREQUENCY``), in every language: what the
settings read when first used need; no other variable (no credential) is kept."""


def _lazy_variables(env: Mapping[str, str]) -> dict[str, str]:
    stems = (*KEYWORD_VARIABLES.values(), *TEXT_VARIABLES.values(), MESSAGE_FREQUENCY_VARIABLE)
    return {k: v for k, v in env.items() if k in LAZY_VARIABLES or k.startswith(stems)}


def _languages(env: Mapping[str, str]) -> tuple[str, ...]:
    from sms_opt_out.domain.languages import DEFAULT_LANGUAGES, check_languages

    return check_languages(
        _list(env, LANGUAGES_VARIABLE, DEFAULT_LANGUAGES), LANGUAGES_VARIABLE, ConfigurationError
    )


def _keyword_rules(env: Mapping[str, str]) -> KeywordRules:
    from sms_opt_out.domain.intents import RevocationPolicy
    from sms_opt_out.domain.keywords import KeywordRules, MatchMode, stop_rule_violation

    languages = _languages(env)
    match_mode = _choice(env, MATCH_MODE_VARIABLE, MatchMode, MatchMode.WORD)
    keyword_sets = [_keyword_set(env, code) for code in languages]
    english = keyword_sets[0]  # check_languages puts English first
    violation = stop_rule_violation(
        **{field: getattr(english, field) for field in KEYWORD_VARIABLES}, match_mode=match_mode
    )
    if violation:
        argument, reason = violation
        raise ConfigurationError(KEYWORD_VARIABLES[argument], reason)
    policy = _choice(env, REVOCATION_POLICY_VARIABLE, RevocationPolicy, RevocationPolicy.STRICT)
    return KeywordRules(keyword_sets, match_mode=match_mode, policy=policy)


def _send_rules(env: Mapping[str, str]) -> SendRulesSettings:
    from sms_opt_out.send.rules import Coverage, SendRulesSettings

    retry = env.get(RETRY_CAPPED_VARIABLE, "").strip().lower()
    if retry not in ("", "true", "false"):
        raise ConfigurationError(RETRY_CAPPED_VARIABLE, f"{retry!r} is not true or false")
    try:
        quiet_hours, caps = _places(env)
        return SendRulesSettings(
            coverage=_choice(env, SEND_RULES_VARIABLE, Coverage, Coverage.PROMOTIONAL),
            quiet_hours=quiet_hours,
            caps=caps,
            retry_capped=retry == "true",
        )
    except ConfigurationError:
        raise
    except InvalidFieldError as error:
        raise ConfigurationError(error.field, error.reason) from None


def _places(env: Mapping[str, str]) -> tuple[dict[str, Hours], dict[str, int]]:
    """``QUIET_HOURS`` and ``FREQUENCY_CAPS``; their parsers' module (the laws' windows and the regions'
    time zones) is imported only when either is set, not on every send function's cold start."""
    quiet, caps = env.get(QUIET_HOURS_VARIABLE, ""), env.get(FREQUENCY_CAPS_VARIABLE, "")
    if not quiet.strip() and not caps.strip():
        return {}, {}  # what the parsers make of blank values
    from sms_opt_out.domain.send_windows import parse_caps, parse_quiet_hours

    return parse_quiet_hours(quiet), parse_caps(caps)


def _keyword_set(env: Mapping[str, str], language: str) -> KeywordSet:
    from sms_opt_out.domain.languages import LANGUAGES, KeywordSet

    default = LANGUAGES[language].keywords
    lists = {
        field: _list(env, language_variable(variable, language), getattr(default, field))
        for field, variable in KEYWORD_VARIABLES.items()
    }
    return KeywordSet(language, **lists)


def configured_texts(env: Mapping[str, str], languages: tuple[str, ...]) -> dict[str, Texts]:
    """The answers per language that the variables ``env`` configure (the defaults for those unset)."""
    from sms_opt_out.domain.languages import DEFAULT_PROGRAM_NAME

    program = env.get(PROGRAM_NAME_VARIABLE) or DEFAULT_PROGRAM_NAME
    support = env.get(SUPPORT_CONTACT_VARIABLE, "").strip() or None
    return {code: _texts(env, code, program, support) for code in languages}


def _texts(env: Mapping[str, str], language: str, program: str, support: str | None) -> Texts:
    from sms_opt_out.domain.languages import LANGUAGES, Texts

    frequency = env.get(language_variable(MESSAGE_FREQUENCY_VARIABLE, language)) or env.get(
        MESSAGE_FREQUENCY_VARIABLE
    )
    default = LANGUAGES[language].texts.render(program, support, frequency)
    given = {
        field: env.get(language_variable(variable, language)) or getattr(default, field)
        for field, variable in TEXT_VARIABLES.items()
    }
    return Texts(**given)


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
