"""Synthesis warnings for answers that cost more than one SMS part (each part is billed)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields

from aws_cdk import Annotations
from constructs import Construct

from sms_opt_out import contract
from sms_opt_out.domain.gsm7 import Encoding, cost
from sms_opt_out.domain.languages import DEFAULT_LANGUAGES, check_languages
from sms_opt_out.settings import TEXT_VARIABLES, configured_texts, language_variable

WARNING_ID = "sms-opt-out:multipartText"


def multipart_texts(environment: Mapping[str, str]) -> list[str]:
    """One line per answer the functions' ``environment`` configures that needs more than one part."""
    languages = check_languages(
        environment.get(contract.LANGUAGES_VARIABLE, ",".join(DEFAULT_LANGUAGES)).split(","),
        contract.LANGUAGES_VARIABLE,
    )
    lines = []
    for language, texts in configured_texts(environment, languages).items():
        for field in fields(texts):
            text = getattr(texts, field.name)
            found = cost(text)
            if found.parts > 1:
                variable = language_variable(TEXT_VARIABLES[field.name], language)
                if found.encoding is Encoding.GSM7:
                    size = f"{found.length} GSM-7 septets"
                else:
                    size = f"{found.length} UCS-2 characters (because of {found.outside_gsm7!r})"
                lines.append(f"{variable} needs {found.parts} SMS parts: {size}")
    return lines


def warn_multipart_texts(scope: Construct, environment: Mapping[str, str]) -> None:
    """Add one synthesis warning listing the answers that need more than one part, if any."""
    lines = multipart_texts(environment)
    if lines:
        Annotations.of(scope).add_warning_v2(
            WARNING_ID,
            "each of these answers is sent, and billed, as several SMS parts: "
            + "; ".join(lines)
            + ". Shorten it, or write it with GSM-7 letters only (160 per part; 70 in UCS-2).",
        )
