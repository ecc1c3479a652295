"""The construct's runtime props, checked at synthesis and turned into the functions' environment."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from opt_out_stack.prop_validation import PropError
from sms_opt_out.keywords import MatchMode
from sms_opt_out.preferences import Scope

LIST_VARIABLES = {
    "opt_out_keywords": "OPT_OUT_KEYWORDS",
    "opt_in_keywords": "OPT_IN_KEYWORDS",
    "help_keywords": "HELP_KEYWORDS",
    "opt_out_words": "OPT_OUT_WORDS",
    "opt_out_phrases": "OPT_OUT_PHRASES",
}
TEXT_VARIABLES = {
    "opt_out_confirmation": "OPT_OUT_CONFIRMATION",
    "opt_in_confirmation": "OPT_IN_CONFIRMATION",
    "help_message": "HELP_MESSAGE",
    "program_name": "PROGRAM_NAME",
}
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
    opt_out_scope: str | None = None
    opt_out_confirmation: str | None = None
    opt_in_confirmation: str | None = None
    help_message: str | None = None
    program_name: str | None = None
    messages_per_second: Mapping[str, float] | None = None

    def environment(self) -> dict[str, str]:
        """The environment variables of both functions; raises ValueError naming a bad prop."""
        env: dict[str, str] = {}
        for prop, variable in LIST_VARIABLES.items():
            values = getattr(self, prop)
            if values is None:
                continue
            if isinstance(values, str):
                raise PropError(prop, values, "is one string", f"give a list, e.g. [{values!r}]")
            for value in values:
                if not isinstance(value, str) or not value.strip() or "," in value:
                    raise PropError(
                        prop, value, "must be a non-empty string without commas", "give one per item"
                    )
            env[variable] = ",".join(v.strip() for v in values)
        for prop, variable in TEXT_VARIABLES.items():
            text = getattr(self, prop)
            if text is None:
                continue
            if not isinstance(text, str) or not text.strip() or len(text) > MAX_TEXT_LENGTH:
                raise PropError(
                    prop,
                    text,
                    "is empty or too long",
                    f"give a non-empty text of at most {MAX_TEXT_LENGTH} characters",
                )
            env[variable] = text
        for prop, variable, kind in (
            ("match_mode", "MATCH_MODE", MatchMode),
            ("opt_out_scope", "OPT_OUT_SCOPE", Scope),
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
            env["MESSAGES_PER_SECOND"] = _rates(self.messages_per_second)
        return env


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
