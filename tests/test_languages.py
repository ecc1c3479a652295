"""Keyword sets and texts per language: a table-driven corpus, and what each default text must say."""

from __future__ import annotations

import dataclasses
import re

import pytest

from sms_opt_out.domain.gsm7 import Encoding, cost
from sms_opt_out.domain.keywords import Classification, Intent, KeywordRules, MatchedBy
from sms_opt_out.domain.languages import ENGLISH, FRENCH, LANGUAGES, SPANISH, check_languages
from sms_opt_out.errors import ConfigurationError
from sms_opt_out.settings import Settings

RULES = KeywordRules()

OUT, IN, HELP, OTHER = Intent.OPT_OUT, Intent.OPT_IN, Intent.HELP, Intent.OTHER
KEYWORD, WORD, PHRASE = MatchedBy.KEYWORD, MatchedBy.WORD, MatchedBy.PHRASE

CORPUS = {
    ENGLISH: [
        ("STOP", OUT, KEYWORD), ("cancel", OUT, KEYWORD), ("Opt out", OUT, KEYWORD),
        ("Stop texting me", OUT, WORD), ("I want to unsubscribe", OUT, WORD),
        ("Please leave me alone", OUT, PHRASE), ("no more messages", OUT, PHRASE),
        ("START", IN, KEYWORD), ("unstop", IN, KEYWORD), ("Join", IN, KEYWORD),
        ("HELP", HELP, KEYWORD), ("info", HELP, KEYWORD),
    ],
    SPANISH: [
        ("PARAR", OUT, KEYWORD), ("Detener", OUT, KEYWORD), ("cancelar", OUT, KEYWORD),
        ("BAJA", OUT, KEYWORD), ("No más", OUT, KEYWORD), ("dar de baja", OUT, KEYWORD),
        ("Alto", OUT, KEYWORD),
        ("Quiero detener estos mensajes", OUT, WORD), ("por favor desuscribirme", OUT, WORD),
        ("Quiero darme de baja", OUT, PHRASE), ("no más mensajes, gracias", OUT, PHRASE),
        ("INICIO", IN, KEYWORD), ("Ayuda", HELP, KEYWORD),
    ],
    FRENCH: [
        ("ARRET", OUT, KEYWORD), ("Arrêt", OUT, KEYWORD), ("arrêter", OUT, KEYWORD),
        ("Désabonner", OUT, KEYWORD),
        ("Je veux me désabonner svp", OUT, WORD), ("me désinscrire", OUT, WORD),
        ("Plus de messages!", OUT, PHRASE), ("arrêtez les messages", OUT, PHRASE),
        ("AIDE", HELP, KEYWORD),
    ],
}  # fmt: skip
MUST_NOT_MATCH = [
    "Para mañana", "stopwatch", "weekend", "Baja la música", "Está muy alto", "¿Puedo cancelar mi cita?",
    "Je suis à l'arrêt de bus", "On peut parar?", "Ayúdame con el pedido", "Aide-moi à choisir",
    "Start time?", "endless", "Sí", "Oui",
]  # fmt: skip


@pytest.mark.parametrize(
    ("language", "text", "intent", "matched_by"),
    [(language, *case) for language, cases in CORPUS.items() for case in cases],
)
def test_each_languages_replies_match_in_that_language(
    language: str, text: str, intent: Intent, matched_by: MatchedBy
) -> None:
    result = RULES.classify_reply(text)

    assert (result.intent, result.language, result.matched_by) == (intent, language, matched_by)


@pytest.mark.parametrize("text", MUST_NOT_MATCH)
def test_replies_that_only_look_like_keywords_do_not_match(text: str) -> None:
    assert RULES.classify_reply(text) == Classification(OTHER)


@pytest.mark.parametrize("languages", ["en", "en,es", "en,fr", "fr,es,en"])
def test_start_unstop_stop_and_help_work_whatever_the_languages(languages: str) -> None:
    rules = Settings.from_environ({"OPT_OUT_TABLE_NAME": "t", "LANGUAGES": languages}).rules

    assert [rules.classify_reply(t).intent for t in ("START", "UNSTOP", "STOP", "HELP")] == [
        IN,
        IN,
        OUT,
        HELP,
    ]


def test_a_language_left_out_is_not_understood() -> None:
    rules = Settings.from_environ({"OPT_OUT_TABLE_NAME": "t", "LANGUAGES": "en,fr"}).rules

    assert (rules.classify_reply("BAJA").intent, rules.classify_reply("ARRET").intent) == (OTHER, OUT)


@pytest.mark.parametrize(
    ("languages", "message"),
    [
        ("es,fr", "LANGUAGES: must include 'en': STOP and HELP always work and are answered in English"),
        ("en,de", "LANGUAGES: 'de' is not one of en, es, fr"),
    ],
)
def test_a_bad_list_of_languages_names_the_variable(languages: str, message: str) -> None:
    with pytest.raises(ConfigurationError, match=f"^{re.escape(message)}$"):
        Settings.from_environ({"OPT_OUT_TABLE_NAME": "t", "LANGUAGES": languages})


def test_languages_take_precedence_in_their_built_in_order() -> None:
    assert check_languages(["fr", "EN", "es", "fr"], "languages") == (ENGLISH, SPANISH, FRENCH)


# What each default text must contain (CTIA Messaging Principles): per language, the phrases.
NO_FURTHER = {
    ENGLISH: "no further messages",
    SPANISH: "ya no le enviaremos mensajes",
    FRENCH: "ne recevrez plus",
}
RATES = {
    ENGLISH: "Msg & data rates may apply",
    SPANISH: "Pueden aplicar tarifas de msj y datos",
    FRENCH: "Frais de msg et données possibles",
}
FREQUENCY = {
    ENGLISH: "Msg frequency varies",
    SPANISH: "Frecuencia de msj variable",
    FRENCH: "Fréquence des msg variable",
}
PROGRAM, SUPPORT = "Acme alerts", "help@acme.example"


def named_intents(text: str) -> set[Intent]:
    """What the keywords a text tells the customer to reply (upper-case words) do."""
    return {RULES.classify_reply(word).intent for word in re.findall(r"\b[A-Z]{4,}\b", text)} - {OTHER}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_opt_out_confirmation_names_the_program_no_further_messages_and_how_to_resubscribe(
    language: str,
) -> None:
    text = LANGUAGES[language].texts.render(PROGRAM, SUPPORT, None).opt_out_confirmation

    assert text.startswith(PROGRAM) and NO_FURTHER[language] in text
    assert named_intents(text) == {IN}, "names a keyword that resubscribes, and no other"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_help_answer_names_the_program_contact_frequency_rates_and_stop(language: str) -> None:
    text = LANGUAGES[language].texts.render(PROGRAM, SUPPORT, None).help_message

    assert text.startswith(PROGRAM)
    assert all(element in text for element in (SUPPORT, FREQUENCY[language], RATES[language]))
    assert OUT in named_intents(text)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_opt_in_confirmation_names_program_frequency_rates_help_and_stop(language: str) -> None:
    text = LANGUAGES[language].texts.render(PROGRAM, SUPPORT, "Up to 4 msgs/month.").opt_in_confirmation

    assert text.startswith(PROGRAM) and "Up to 4 msgs/month." in text and RATES[language] in text
    assert SUPPORT in text, "names the support contact when one is given"
    assert named_intents(text) == {HELP, OUT}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_clarification_names_the_program_and_how_to_stop_all_messages(language: str) -> None:
    text = LANGUAGES[language].texts.render(PROGRAM, SUPPORT, None).clarification

    assert text.startswith(PROGRAM)
    assert named_intents(text) == {OUT}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("support", [None, "help@acme.example", "+1 844-555-0100"])
def test_every_default_text_is_one_gsm7_part(language: str, support: str | None) -> None:
    texts = LANGUAGES[language].texts.render(PROGRAM, support, None)

    for field in dataclasses.fields(texts):
        found = cost(getattr(texts, field.name))
        assert (found.encoding, found.parts) == (Encoding.GSM7, 1), (field.name, found)


@pytest.mark.parametrize("language", LANGUAGES)
def test_without_a_support_contact_the_help_answer_still_reads_well(language: str) -> None:
    text = LANGUAGES[language].texts.render(PROGRAM, None, None).help_message

    assert "None" not in text and "  " not in text and "{" not in text
    assert FREQUENCY[language] in text


def test_each_answer_goes_out_in_the_language_of_the_keyword() -> None:
    settings = Settings.from_environ({"OPT_OUT_TABLE_NAME": "t", "SUPPORT_CONTACT": SUPPORT})

    for text, language in (("HELP", ENGLISH), ("AYUDA", SPANISH), ("AIDE", FRENCH)):
        answer = settings.texts[settings.rules.classify_reply(text).language or ENGLISH].help_message
        assert RATES[language] in answer and SUPPORT in answer


def test_each_text_and_keyword_list_is_configurable_per_language() -> None:
    settings = Settings.from_environ(
        {
            "OPT_OUT_TABLE_NAME": "t",
            "HELP_MESSAGE_FR": "Acme : aide au 1-800-555-0100.",
            "OPT_OUT_CONFIRMATION_ES": "Acme: baja confirmada.",
            "OPT_OUT_KEYWORDS_ES": "BASTA",
            "MESSAGE_FREQUENCY": "Up to 4 msgs/month",
            "MESSAGE_FREQUENCY_FR": "Jusqu'à 4 messages par mois",
        }
    )

    assert settings.texts[FRENCH].help_message == "Acme : aide au 1-800-555-0100."
    assert settings.texts[SPANISH].opt_out_confirmation == "Acme: baja confirmada."
    assert (
        settings.rules.classify_reply("basta").language,
        settings.rules.classify_reply("BAJA").intent,
    ) == (
        SPANISH,
        OTHER,
    )
    assert "Up to 4 msgs/month." in settings.texts[ENGLISH].opt_in_confirmation
    assert "Up to 4 msgs/month." in settings.texts[SPANISH].opt_in_confirmation
    assert "Jusqu'à 4 messages par mois." in settings.texts[FRENCH].opt_in_confirmation
