"""Keyword sets and texts per language: what a reply in English, Spanish or French means, and the answer.

English is always on: STOP and HELP must work whatever the program's language (CTIA), and the
Canadian short-code guidelines (CWTA) answer STOP and HELP in English even in a French-only
program. A keyword's language decides the language of its answer; when two languages share a
keyword, the one listed first in ``LANGUAGES`` wins.

Whole-word revocation words (matched anywhere in a reply) are only words no reasonable reader
takes for anything but a revocation: Spanish PARA ("for"), BAJA ("low") or CANCELAR ("cancel my
appointment") and French ARRET ("bus stop") count only as the whole reply.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sms_opt_out.errors import InvalidFieldError

ENGLISH = "en"
SPANISH = "es"
FRENCH = "fr"
DEFAULT_LANGUAGES = (ENGLISH, SPANISH, FRENCH)
DEFAULT_PROGRAM_NAME = "SMS alerts"


@dataclass(frozen=True)
class KeywordSet:
    """What replies in one language mean; every list is matched after normalisation."""

    language: str
    opt_out_keywords: tuple[str, ...] = ()
    """Whole-message opt-out keywords."""
    opt_in_keywords: tuple[str, ...] = ()
    help_keywords: tuple[str, ...] = ()
    revocation_words: tuple[str, ...] = ()
    """Opt-out when they appear as whole words anywhere in a reply (match mode WORD)."""
    opt_out_phrases: tuple[str, ...] = ()
    """Opt-out when they appear anywhere in a reply (match mode WORD)."""


@dataclass(frozen=True)
class Texts:
    """The three answers, in one language, ready to send."""

    opt_out_confirmation: str
    opt_in_confirmation: str
    help_message: str
    clarification: str
    """The answer to an AMBIGUOUS reply (policy CONTEXTUAL): names the program, says how to stop all."""


@dataclass(frozen=True)
class TextTemplates:
    """A language's default texts; ``{program}``, ``{contact}`` and ``{frequency}`` are filled in."""

    opt_out_confirmation: str
    opt_in_confirmation: str
    help_message: str
    clarification: str
    contact: str
    """How the help text gives the support contact (``{support}``); left out when there is none."""
    message_frequency: str
    """The default frequency disclosure in this language."""

    def render(self, program: str, support_contact: str | None, message_frequency: str | None) -> Texts:
        values = {
            "program": program,
            "contact": self.contact.format(support=support_contact) if support_contact else "",
            "frequency": (message_frequency or self.message_frequency).rstrip(". "),
        }
        return Texts(
            opt_out_confirmation=self.opt_out_confirmation.format(**values),
            opt_in_confirmation=self.opt_in_confirmation.format(**values),
            help_message=self.help_message.format(**values),
            clarification=self.clarification.format(**values),
        )


@dataclass(frozen=True)
class Language:
    keywords: KeywordSet
    texts: TextTemplates


LANGUAGES: Mapping[str, Language] = {
    ENGLISH: Language(
        KeywordSet(
            ENGLISH,
            opt_out_keywords=(
                "BLOCK",
                "CANCEL",
                "END",
                "F OFF",
                "GO AWAY",
                "NO MORE",
                "OPT-OUT",
                "OPTOUT",
                "QUIT",
                "REMOVE",
                "REVOKE",
                "STOP",
                "STOPALL",
                "TD",
                "UNSUB",
                "UNSUBSCRIBE",
            ),
            opt_in_keywords=("JOIN", "START", "UNSTOP"),
            help_keywords=("HELP", "INFO"),
            # The words the FCC treats as a definitive revocation wherever they appear (since April 2025).
            revocation_words=("STOP", "QUIT", "END", "REVOKE", "OPT OUT", "CANCEL", "UNSUBSCRIBE"),
            opt_out_phrases=("OPT ME OUT",),
        ),
        TextTemplates(
            opt_out_confirmation=(
                "{program}: you are unsubscribed and will receive no further messages. "
                "Reply START to resubscribe."
            ),
            opt_in_confirmation=(
                "{program}: you are subscribed.{contact} {frequency}. Msg & data rates may apply. "
                "Reply HELP for help, STOP to opt out."
            ),
            help_message=(
                "{program}:{contact} {frequency}. Msg & data rates may apply. "
                "Reply STOP to opt out, START to resubscribe."
            ),
            clarification=(
                "{program}: we did not read your reply as a request to stop. "
                "To stop all messages from us, reply STOP."
            ),
            contact=" Help at {support}.",
            message_frequency="Msg frequency varies",
        ),
    ),
    SPANISH: Language(
        KeywordSet(
            SPANISH,
            # ALTO and AYUDA: the carriers' Spanish short-code keywords (Twilio's industry standards).
            opt_out_keywords=(
                "ALTO",
                "BAJA",
                "BASTA",
                "CANCELAR",
                "CANCELEN",
                "DAR DE BAJA",
                "DETENER",
                "NO MAS",
                "PARA YA",
                "PARAR",
                "PARE",
                "PAREN",
                "YA BASTA",
                "YA NO",
                "YA NO MAS",
            ),
            opt_in_keywords=("INICIO",),  # Textizen's reserved Spanish START
            help_keywords=("AYUDA",),
            revocation_words=("DETENER", "DESUSCRIBIR", "DESUSCRIBIRME"),
            opt_out_phrases=("NO MAS MENSAJES", "NO ME ENVIEN MAS"),
        ),
        TextTemplates(
            opt_out_confirmation=(
                "{program}: se ha dado de baja y ya no le enviaremos mensajes. "
                "Responda INICIO para volver a suscribirse."
            ),
            opt_in_confirmation=(
                "{program}: suscrito.{contact} {frequency}. Pueden aplicar tarifas de msj y datos. "
                "AYUDA para ayuda, ALTO para cancelar."
            ),
            help_message=(
                "{program}:{contact} {frequency}. Pueden aplicar tarifas de msj y datos. "
                "ALTO para cancelar, INICIO para volver a suscribirse."
            ),
            clarification=(
                "{program}: no tomamos su respuesta como una baja. "
                "Para dejar de recibir todos nuestros mensajes, responda ALTO."
            ),
            contact=" Ayuda: {support}.",
            message_frequency="Frecuencia de msj variable",
        ),
    ),
    FRENCH: Language(
        KeywordSet(
            FRENCH,
            # ARRET and AIDE: mandatory on Canadian short codes (CWTA guidelines), answered in French.
            opt_out_keywords=(
                "ANNULER",
                "ANNULEZ",
                "ARRET",
                "ARRETE",
                "ARRETER",
                "ARRETEZ",
                "CESSEZ",
                "DESABONNER",
                "FIN",
            ),
            help_keywords=("AIDE",),
            revocation_words=("DESABONNER", "DESINSCRIRE"),
            opt_out_phrases=("ME DESABONNER", "ARRETEZ LES MESSAGES"),
        ),
        TextTemplates(
            opt_out_confirmation=(
                "{program} : désabonnement confirmé, vous ne recevrez plus de messages. "
                "Répondez START pour vous réabonner."
            ),
            opt_in_confirmation=(
                "{program} : abonné.{contact} {frequency}. Frais de msg et données possibles. "
                "AIDE pour de l'aide, ARRET pour vous désabonner."
            ),
            help_message=(
                "{program} :{contact} {frequency}. Frais de msg et données possibles. "
                "ARRET pour vous désabonner, START pour vous réabonner."
            ),
            clarification=(
                "{program} : votre réponse n'a pas été lue comme un désabonnement. "
                "Pour ne plus recevoir nos messages, répondez ARRET."
            ),
            contact=" Aide : {support}.",
            message_frequency="Fréquence des msg variable",
        ),
    ),
}
"""The built-in languages, in the order they take precedence."""


def check_languages(
    languages: object, field: str, error: type[InvalidFieldError] = InvalidFieldError
) -> tuple[str, ...]:
    """The codes of ``languages`` in precedence order (``LANGUAGES``'); raise ``error`` naming ``field``."""
    if isinstance(languages, str) or not isinstance(languages, list | tuple):
        raise error(field, f"give a list of language codes, e.g. {list(DEFAULT_LANGUAGES)}")
    codes = [str(code).strip().lower() for code in languages]
    unknown = [code for code in codes if code not in LANGUAGES]
    if unknown:
        raise error(field, f"{unknown[0]!r} is not one of {', '.join(LANGUAGES)}")
    if ENGLISH not in codes:
        raise error(field, f"must include {ENGLISH!r}: STOP and HELP always work and are answered in English")
    return tuple(sorted(set(codes), key=list(LANGUAGES).index))
