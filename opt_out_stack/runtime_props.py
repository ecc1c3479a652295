"""The construct's runtime props, checked at synthesis and turned into the functions' environment."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from opt_out_stack import prop_validation
from opt_out_stack.prop_validation import PropError
from sms_opt_out import contract
from sms_opt_out.contract import DEFAULT_NAMESPACE
from sms_opt_out.domain.intents import RevocationPolicy
from sms_opt_out.domain.keywords import MatchMode, stop_rule_violation
from sms_opt_out.domain.languages import DEFAULT_LANGUAGES, ENGLISH, LANGUAGES, check_languages
from sms_opt_out.domain.preferences import Scope
from sms_opt_out.errors import InvalidFieldError
from sms_opt_out.settings import TEXT_VARIABLES as TEXT_FIELDS
from sms_opt_out.settings import Settings, language_variable

LIST_VARIABLES = {
    "opt_out_keywords": contract.KEYWORD_VARIABLES["opt_out_keywords"],
    "opt_in_keywords": contract.KEYWORD_VARIABLES["opt_in_keywords"],
    "help_keywords": contract.KEYWORD_VARIABLES["help_keywords"],
    "opt_out_words": contract.KEYWORD_VARIABLES["revocation_words"],
    "opt_out_phrases": contract.KEYWORD_VARIABLES["opt_out_phrases"],
}
"""Each keyword list prop and its variable (the runtime names ``opt_out_words`` ``revocation_words``)."""
TEXT_VARIABLES = {
    "opt_out_confirmation": contract.TEXT_VARIABLES["opt_out_confirmation"],
    "opt_in_confirmation": contract.TEXT_VARIABLES["opt_in_confirmation"],
    "help_message": contract.TEXT_VARIABLES["help_message"],
    "clarification_message": contract.TEXT_VARIABLES["clarification"],
    "message_frequency": contract.MESSAGE_FREQUENCY_VARIABLE,
    "program_name": contract.PROGRAM_NAME_VARIABLE,
    "support_contact": contract.SUPPORT_CONTACT_VARIABLE,
}
"""Each text prop and its variable."""
LANGUAGE_PROPS = (
    *LIST_VARIABLES,
    "opt_out_confirmation",
    "opt_in_confirmation",
    "help_message",
    "clarification_message",
    "message_frequency",
)
"""What ``language_settings`` may set for a language other than English."""
MAX_TEXT_LENGTH = 1600
"""SendTextMessage's longest MessageBody."""


@dataclass(frozen=True, kw_only=True)
class RuntimeSettings:
    """Props that reach the Lambda functions; None leaves the runtime default in force."""

    opt_out_keywords: Sequence[str] | None = None
    opt_in_keywords: Sequence[str] | None = None
    help_keywords: Sequence[str] | None = None
    opt_out_words: Sequence[str] | None = None
    opt_out_phrases: Sequence[str] | None = None
    match_mode: str | None = None
    revocation_policy: str | None = None
    opt_out_scope: str | None = None
    opt_out_confirmation: str | None = None
    opt_in_confirmation: str | None = None
    help_message: str | None = None
    clarification_message: str | None = None
    program_name: str | None = None
    messages_per_second: Mapping[str, float] | None = None
    support_contact: str | None = None
    message_frequency: str | None = None
    languages: Sequence[str] | None = None
    language_settings: Mapping[str, Mapping[str, object]] | None = None
    metrics_namespace: str = DEFAULT_NAMESPACE

    def environment(self) -> dict[str, str]:
        """The environment variables of both functions; raises ValueError naming a bad prop."""
        env: dict[str, str] = {}
        for prop, variable in LIST_VARIABLES.items():
            if getattr(self, prop) is not None:
                env[variable] = _list_value(prop, getattr(self, prop))
        for prop, variable in TEXT_VARIABLES.items():
            if getattr(self, prop) is not None:
                env[variable] = _text_value(prop, getattr(self, prop))
        languages: tuple[str, ...] = DEFAULT_LANGUAGES
        if self.languages is not None:
            try:
                languages = check_languages(self.languages, "languages")
            except InvalidFieldError as error:
                raise PropError(
                    "languages", self.languages, error.reason, f"give a list of {', '.join(LANGUAGES)}"
                ) from None
            env[contract.LANGUAGES_VARIABLE] = ",".join(languages)
        env |= _language_settings(self.language_settings or {}, languages)
        for prop, variable, kind in (
            ("match_mode", contract.MATCH_MODE_VARIABLE, MatchMode),
            ("revocation_policy", contract.REVOCATION_POLICY_VARIABLE, RevocationPolicy),
            ("opt_out_scope", contract.OPT_OUT_SCOPE_VARIABLE, Scope),
        ):
            value = getattr(self, prop)
            if value is None:
                continue
            allowed = [member.value for member in kind]
            if str(value).upper() not in allowed:
                raise PropError(
                    prop, value, f"is not one of {', '.join(allowed)}", f"give one of {', '.join(allowed)}"
                )
            env[variable] = str(value).upper()
        if self.messages_per_second is not None:
            env[contract.MESSAGES_PER_SECOND_VARIABLE] = _rates(self.messages_per_second)
        env[contract.NAMESPACE_VARIABLE] = prop_validation.metrics_namespace(self.metrics_namespace)
        self._check_stop_opts_out()
        self._check_filled_texts(env)
        return env

    def _check_filled_texts(self, env: Mapping[str, str]) -> None:
        """Every answer, as the functions render it from ``env``, fits one SendTextMessage.

        A default text fills in the program name, the support contact and the message frequency;
        the longest of those that a too-long text uses is named.
        """
        texts = Settings.from_environ({**env, contract.TABLE_NAME_VARIABLE: "-"}).texts
        for code, answers in texts.items():
            frequency_prop = "message_frequency"
            frequency = self.message_frequency
            if "message_frequency" in (self.language_settings or {}).get(code, {}):
                frequency_prop = f"language_settings[{code!r}].message_frequency"
                frequency = str((self.language_settings or {})[code]["message_frequency"])
            for field_name in TEXT_FIELDS:
                text = getattr(answers, field_name)
                if len(text) <= MAX_TEXT_LENGTH:
                    continue
                fillers = {"program_name": self.program_name}
                if field_name != "opt_out_confirmation":
                    fillers[frequency_prop] = frequency
                if field_name in ("help_message", "opt_in_confirmation"):
                    fillers["support_contact"] = self.support_contact
                given = {prop: str(value) for prop, value in fillers.items() if value is not None}
                prop = max(given, key=lambda p: len(given[p])) if given else field_name
                given.setdefault(prop, text)
                raise PropError(
                    prop,
                    given[prop],
                    f"makes the {code} {field_name} {len(text)} characters, over SendTextMessage's "
                    f"{MAX_TEXT_LENGTH}",
                    f"give a shorter {prop}, or a {field_name} of your own",
                )

    def _check_stop_opts_out(self) -> None:
        """STOP must opt out whatever the keyword props say; the functions apply the same rule at start."""
        given = {
            "opt_out_keywords": self.opt_out_keywords,
            "opt_in_keywords": self.opt_in_keywords,
            "help_keywords": self.help_keywords,
            "revocation_words": self.opt_out_words,
            "opt_out_phrases": self.opt_out_phrases,
        }
        violation = stop_rule_violation(
            **{setting: values for setting, values in given.items() if values is not None},
            match_mode=MatchMode(str(self.match_mode or MatchMode.WORD.value).upper()),
        )
        if violation:
            setting, reason = violation
            raise PropError(setting, getattr(self, setting), "would not make STOP an opt-out", reason)


_IDENTITY = re.compile(
    r"\*|\+[1-9]\d{6,14}|\d{3,8}|(phone|pool)-[0-9a-zA-Z]+"
    r"|arn:aws[a-z-]*:sms-voice:[a-z0-9-]+:\d{12}:(phone-number/phone|pool/pool)-[0-9a-zA-Z]+"
)


def _rates(rates: Mapping[str, float]) -> str:
    """``messages_per_second`` as the JSON of ``MESSAGES_PER_SECOND``; raises PropError naming the entry."""
    example = "give e.g. {'+18445550100': 3, '*': 20}"
    if not isinstance(rates, Mapping) or not rates:
        raise PropError("messages_per_second", rates, "is not a non-empty mapping", example)
    for identity, rate in rates.items():
        if not isinstance(identity, str) or not _IDENTITY.fullmatch(identity):
            raise PropError(
                "messages_per_second",
                identity,
                "is not an E.164 number, short code, phone number or pool ID or ARN, or '*'",
                example,
            )
        if isinstance(rate, bool) or not isinstance(rate, int | float) or not rate > 0:
            raise PropError("messages_per_second", rate, f"is not a positive rate for {identity!r}", example)
    return json.dumps({k: float(v) for k, v in rates.items()}, separators=(",", ":"))


def _list_value(prop: str, values: object) -> str:
    if isinstance(values, str) or not isinstance(values, Sequence):
        raise PropError(prop, values, "is not a list", f"give a list, e.g. [{values!r}]")
    for value in values:
        if not isinstance(value, str) or not value.strip() or "," in value:
            raise PropError(prop, value, "must be a non-empty string without commas", "give one per item")
    return ",".join(v.strip() for v in values)


def _text_value(prop: str, text: object) -> str:
    if not isinstance(text, str) or not text.strip() or len(text) > MAX_TEXT_LENGTH:
        raise PropError(
            prop,
            text,
            "is empty or too long",
            f"give a non-empty text of at most {MAX_TEXT_LENGTH} characters",
        )
    return text


def _language_settings(
    settings: Mapping[str, Mapping[str, object]], languages: Sequence[str]
) -> dict[str, str]:
    """The ``<VARIABLE>_<CODE>`` variables of ``language_settings`` (``{"fr": {"help_message": ...}}``)."""
    if not isinstance(settings, Mapping):
        raise PropError(
            "language_settings", settings, "is not a mapping", "give {'fr': {'help_message': '...'}, ...}"
        )
    env: dict[str, str] = {}
    for code, props in settings.items():
        where = f"language_settings[{code!r}]"
        if code == ENGLISH:
            raise PropError(
                where, props, "sets English", "use the top-level props (help_message, opt_out_keywords, ...)"
            )
        if code not in languages:
            raise PropError(where, props, f"is for a language not in languages ({', '.join(languages)})",
                            f"add {code!r} to languages")  # fmt: skip
        if not isinstance(props, Mapping):
            raise PropError(where, props, "is not a mapping", "give {'help_message': '...', ...}")
        for prop, value in props.items():
            if prop not in LANGUAGE_PROPS:
                raise PropError(
                    f"{where}.{prop}",
                    value,
                    "is no language prop",
                    f"give one of {', '.join(LANGUAGE_PROPS)}",
                )
            if prop in LIST_VARIABLES:
                env[language_variable(LIST_VARIABLES[prop], code)] = _list_value(f"{where}.{prop}", value)
            else:
                env[language_variable(TEXT_VARIABLES[prop], code)] = _text_value(f"{where}.{prop}", value)
    return env
