"""What a reply in the customer's own words means: revocations in natural wording, misspelt keywords,
and, under the CONTEXTUAL policy, whether an FCC revocation word is about the messages.

Pure functions over the words of ``text_normalisation`` (folded upper-case words per clause); the
orchestration, with the configured keyword lists, is ``keywords.KeywordRules``. Every decision comes
with a ``Finding``: the rule that decided, what it matched, its language and a reason a compliance
officer can read.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sms_opt_out.domain.languages import ENGLISH, FRENCH, SPANISH

Clauses = tuple[tuple[str, ...], ...]


class RevocationPolicy(enum.StrEnum):
    STRICT = "STRICT"
    """The FCC's seven words revoke wherever they appear in a reply (the default)."""
    CONTEXTUAL = "CONTEXTUAL"
    """The FCC's words revoke when used about the messages or alone; a reply that uses them clearly
    about something else ("which bus stop?", "cancel my appointment") is AMBIGUOUS: kept for review
    and answered once with a clarification."""


CONTEXTUAL_WORDS = frozenset({"STOP", "END", "CANCEL", "QUIT"})
"""The FCC words with an everyday meaning besides revocation; REVOKE, OPT OUT and UNSUBSCRIBE have none."""


@dataclass(frozen=True)
class Finding:
    rule: str
    """The rule that decided, e.g. ``en.wrong-number`` or ``contextual.followed-by``."""
    matched: str
    """The words it matched (folded)."""
    language: str
    reason: str


# --- Words: misspellings and truncations of the keywords ------------------------------------------

_MESSAGES = (
    r"TEXTS?|TXTS?|TEXTING|TXTING|MESSAGES?|MSGS?|MESSAGING|SMS|ALERTS?|NOTIFICATIONS?|PROMOS?|ADS"
    r"|SPAM|SUBSCRIPTIONS?|MENSAJES?|TEXTOS?|NOTIFICACIONES|ALERTAS|PROMOCIONES|TEXTES|ENVOIS|ALERTES|PUBS?|COURRIELS"
)
"""Nouns for the messages, in the three languages (a mixed reply may use any)."""
MESSAGE_WORDS = frozenset(
    form
    for noun in _MESSAGES.split("|")
    for form in ((noun[:-2], noun[:-2] + "S") if noun.endswith("S?") else (noun,))
)
MESSAGE_VERBS = frozenset(
    [
        "TEXTING",
        "TXTING",
        "TEXTIN",
        "TXTIN",
        "MESSAGING",
        "MESSAGIN",
        "SENDING",
        "SENDIN",
        "CALLIN",
        "CONTACTING",
        "CALLING",
        "SPAMMING",
        "BOTHERING",
        "EMAILING",
        "BUGGING",
        "HARASSING",
        "PINGING",
        "SUBSCRIBING",
    ]
)
_STOP_TRANSPOSITIONS = ("TSOP", "SOTP", "STPO")
MISSPELLINGS = {
    **dict.fromkeys(_STOP_TRANSPOSITIONS, "STOP"),
    "STAHP": "STOP",
    "STAP": "STOP",
    "CTOP": "STOP",  # Cyrillic STOP (Es, Te, O, Er) folded as Latin look-alikes
    "STOPALL": "STOPALL",
    "UNSUB": "UNSUBSCRIBE",
    "UNSUBS": "UNSUBSCRIBE",
    "OPTOUT": "OPTOUT",
}
"""Known misspellings and truncations, to the keyword they spell."""
_STEMS = (
    ("UNSUBSCRIB", "UNSUBSCRIBE"),
    ("DESUSCRIB", "DESUSCRIBIR"),
    ("DESUSCRIPCION", "DESUSCRIBIR"),
    ("DESABONN", "DESABONNER"),
    ("DESINSCRI", "DESINSCRIRE"),
)
"""Word beginnings that only these keywords have (any ending: UNSUBSCRIBED, DESABONNEZ, ...)."""
_FUZZY = (("UNSUBSCRIBE", 2), ("DESABONNER", 1), ("DESINSCRIRE", 1), ("DESUSCRIBIR", 2))
"""Long keywords a misspelling (Damerau-Levenshtein distance at most this) still spells."""
_REPEATS = re.compile(r"(.)\1+")


def canonical_word(word: str, keywords: frozenset[str]) -> str:
    """The keyword ``word`` spells (``STOPPP``, ``SOTP``, ``UNSUBCRIBE``, ``DESABONNEZ``), else ``word``."""
    if word in keywords:
        return word
    if word in MISSPELLINGS:
        return MISSPELLINGS[word]
    squeezed = _REPEATS.sub(r"\1", word)
    if squeezed != word and squeezed in keywords | MISSPELLINGS.keys():
        return MISSPELLINGS.get(squeezed, squeezed)
    for stem, keyword in _STEMS:
        if word.startswith(stem):
            return keyword
    if len(word) >= 8:
        for keyword, distance in _FUZZY:
            if word[0] == keyword[0] and _within(word, keyword, distance):
                return keyword
    return word


def _within(a: str, b: str, limit: int) -> bool:
    """Whether the Damerau-Levenshtein (optimal string alignment) distance of a and b is <= limit."""
    if abs(len(a) - len(b)) > limit:
        return False
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return False
        previous2, previous = previous, current
    return previous[-1] <= limit


# --- Politeness: what around a keyword does not change it -----------------------------------------

POLITENESS = frozenset(
    [
        "PLEASE",
        "PLS",
        "PLZ",
        "PLEASEE",
        "THANKS",
        "THANK",
        "YOU",
        "THX",
        "TY",
        "THANKYOU",
        "NOW",
        "ASAP",
        "OK",
        "OKAY",
        "HI",
        "HELLO",
        "POR",
        "FAVOR",
        "PORFA",
        "PORFAVOR",
        "GRACIAS",
        "HOLA",
        "YA",
        "SVP",
        "STP",
        "SIL",
        "VOUS",
        "TE",
        "PLAIT",
        "MERCI",
        "BEAUCOUP",
        "BONJOUR",
        "ALL",
        "TODO",
        "TODOS",
        "TOUT",
    ]
)
"""Words of politeness and greeting (en, es, fr) that may come before or after a keyword, and "all"."""


def without_politeness(words: Sequence[str], *, leading: bool = True) -> tuple[str, ...]:
    """``words`` without the politeness at the end, and at the start when ``leading``."""
    start, end = 0, len(words)
    while leading and start < end and words[start] in POLITENESS:
        start += 1
    while end > start and words[end - 1] in POLITENESS:
        end -= 1
    return tuple(words[start:end])


# --- Natural revocations, per language ------------------------------------------------------------

_EN_VERBS = r"TEXT|TXT|MESSAGE|MSG|CONTACT|SMS|SEND|EMAIL|CALL|BOTHER|SPAM|HARASS"
_ES_VERBS = r"MANDAR|ENVIAR|ESCRIBIR|TEXTEAR|MOLESTAR|LLAMAR|CONTACTAR"
_FR_VERBS = r"ENVOYER|ECRIRE|TEXTER|CONTACTER|APPELER|HARCELER|SPAMMER|DERANGER"
_NUMBER = r"(?:PHONE |CELL |MOBILE )?(?:NUMBER|NUMBR|NUM)"
NATURAL_REVOCATIONS: dict[str, tuple[tuple[str, str], ...]] = {
    ENGLISH: (
        (
            "remove-number",
            rf"\b(?:REMOVE|DELETE|ERASE|LOSE|DROP) (?:MY|THIS|THE|OUR) "
            rf"(?:{_NUMBER}|INFO|INFORMATION|DETAILS|DATA)\b",
        ),
        ("remove-me", r"\b(?:REMOVE|DELETE|ERASE|UNENROLL|UNLIST) (?:ME|US)\b"),
        (
            "off-the-list",
            rf"\b(?:GET|TAKE) (?:ME|US|IT|MY {_NUMBER}|THIS {_NUMBER}) OFF\b"
            r"(?! (?:AT|HERE|THERE|NEAR|IN|BY)\b)",
        ),
        ("off-the-list", r"\bOFF (?:THIS|THE|YOUR|UR|YALL|THESE) (?:\w+ )?LISTS?\b"),
        ("never-signed-up", r"\b(?:DIDNT|DID NOT|NEVER|NOT) (?:SIGN|SIGNED) UP\b"),
        ("never-signed-up", r"\bNEVER (?:SUBSCRIBED|OPTED IN|AGREED|ASKED FOR|GAVE)\b"),
        ("wrong-number", rf"\bWRONG (?:{_NUMBER}|NO|PERSON)\b|\bNOT (?:MY|THE RIGHT) {_NUMBER}\b"),
        ("no-more-messages", rf"\bNO MORE (?:{_MESSAGES})\b"),
        ("do-not-text", rf"\b(?:DONT|DO NOT|NEVER) (?:{_EN_VERBS})(?: ME| US| THIS| TO THIS| ANY| AGAIN)\b"),
        (
            "do-not-want",
            rf"\b(?:DONT|DO NOT|NO LONGER|DONT EVER) (?:WANT|WISH|NEED|LIKE)\b.*\b(?:{_MESSAGES})\b"
            r"|\b(?:DONT|DO NOT) (?:WANT|WISH|NEED|LIKE)\b.*\b(?:THESE|THEM|THIS|IT)\b.*\bANY ?MORE\b",
        ),
        ("leave-me-alone", rf"\bLEAVE (?:ME|US|THIS {_NUMBER}|MY {_NUMBER}) ALONE\b"),
        ("enough", rf"\bENOUGH (?:WITH )?(?:THE |YOUR |THESE |ALL THE )?(?:{_MESSAGES})\b"),
        ("cease", rf"\bCEASE(?: AND DESIST)?(?: (?:{_MESSAGES})| SENDING| CONTACTING| ALL|$)"),
        ("opt-me-out", r"\bOPT (?:ME|US) OUT\b"),
    ),
    SPANISH: (
        (
            "stop-sending",
            rf"\b(?:DEJEN|DEJA|DEJE|DEJAR|PAREN|PARA|PARE|PARAR|DETENGAN|BASTA) DE (?:{_ES_VERBS})",
        ),
        (
            "do-not-send",
            r"\bNO ME (?:MANDEN|MANDES|MANDE|ENVIEN|ENVIES|ENVIE|ESCRIBAN|ESCRIBAS|ESCRIBA"
            r"|TEXTEEN|MOLESTEN|CONTACTEN|LLAMEN|VUELVAN|VUELVAS)\b",
        ),
        ("do-not-send", r"\b(?:YA )?NO (?:MANDEN|ENVIEN|ESCRIBAN|MANDAR|ENVIAR|VUELVAN A)\b"),
        ("do-not-want", rf"\bNO (?:QUIERO|DESEO|NECESITO)\b.*\b(?:{_MESSAGES}|NADA)\b"),
        (
            "off-the-list",
            r"\b(?:QUIT|SAC|SAQU|ELIMIN|BORR|BAJ|REMUEV)\w*ME DE (?:LA|SU|SUS|TU|ESTA|ESA) LISTAS?\b",
        ),
        (
            "remove-number",
            r"\b(?:QUIT|SAC|SAQU|ELIMIN|BORR|REMUEV)\w* (?:MI|ESTE|EL) (?:NUMERO|TELEFONO|CELULAR)\b"
            r"|\b(?:QUIT|SAC|SAQU|ELIMIN|BORR|REMUEV)\w* MIS DATOS\b",
        ),
        (
            "wrong-number",
            r"\b(?:NUMERO|TELEFONO) (?:ESTA |ES )?(?:EQUIVOCADO|INCORRECTO|ERRONEO)\b"
            r"|\bEQUIVOC\w* (?:DE|DEL) NUMERO\b"
            r"|\bNO ES MI NUMERO\b|\bPERSONA EQUIVOCADA\b",
        ),
        ("leave-me-alone", r"\bDEJ\w*ME (?:EN PAZ|TRANQUIL[OA]S?)\b"),
        ("never-signed-up", r"\b(?:NUNCA|NO) ME (?:INSCRIBI|SUSCRIBI|REGISTRE|APUNTE)\b"),
        ("no-more-messages", rf"\b(?:NO MAS|BASTA(?: DE| CON)?) (?:{_MESSAGES})\b"),
        ("unsubscribe", r"\b(?:DAR|DARSE|DARNOS|\w+ME) DE BAJA\b"),
        (
            "stop-messages",
            rf"\b(?:PARAR|PAREN|DETENER|DETENGAN|CANCELAR|CANCELEN|SUSPENDER|SUSPENDAN)\b.*"
            rf"\b(?:{_MESSAGES}|SUSCRIPCION)\b",
        ),
    ),
    FRENCH: (
        (
            "stop-sending",
            rf"\b(?:ARRETEZ|ARRETE|ARRETER|CESSEZ|CESSE|CESSER|STOPPEZ) (?:DE|D) (?:M |ME |NOUS )?"
            rf"(?:{_FR_VERBS})\b",
        ),
        (
            "stop-messages",
            rf"\b(?:ARRET\w*|CESS\w*|STOPP\w*|ANNUL\w*|SUSPEND\w*) (?:LES|VOS|CES|TOUS LES) "
            rf"(?:{_MESSAGES})\b",
        ),
        ("stop-imperative", r"\b(?:ARRETEZ|CESSEZ)(?: SVP| MERCI| SIL VOUS PLAIT)?$"),
        ("no-more-messages", rf"\bPLUS DE (?:{_MESSAGES})\b"),
        (
            "do-not-want",
            rf"\b(?:VEUX|VEUT|VOULONS|SOUHAITE|SOUHAITONS|DESIRE) PLUS\b.*"
            rf"\b(?:{_MESSAGES}|RIEN|RECEVOIR|CONTACTEE?S?|SOLLICITEE?S?|DERANGEE?S?)\b",
        ),
        (
            "leave-me-alone",
            r"\b(?:LAISSEZ|LAISSE|FICHEZ|FICHE|FOUTEZ|FOUS) (?:MOI|NOUS) (?:TRANQUILLES?|LA PAIX|EN PAIX)\b",
        ),
        (
            "wrong-number",
            r"\b(?:MAUVAIS|FAUX) NUMERO\b|\bERREUR DE NUMERO\b|\bTROMPE\w* DE NUMERO\b"
            r"|\bPAS (?:LE BON|MON) NUMERO\b|\b(?:MAUVAISE|PAS LA BONNE) PERSONNE\b",
        ),
        (
            "remove-number",
            r"\b(?:RETIREZ|RETIRER|SUPPRIMEZ|SUPPRIMER|EFFACEZ|EFFACER|ENLEVEZ|ENLEVER|RAYEZ) "
            r"(?:MOI|MON NUMERO|CE NUMERO|MES COORDONNEES|MES DONNEES|MES INFORMATIONS)\b",
        ),
        (
            "do-not-send",
            rf"\bNE? (?:M |ME |NOUS )?(?:ENVOYEZ|ECRIVEZ|CONTACTEZ|TEXTEZ|APPELEZ) PLUS\b"
            rf"|\bNE PLUS (?:M |ME |NOUS )?(?:{_FR_VERBS})\b",
        ),
        ("never-signed-up", r"\bJAMAIS (?:INSCRITE?|ABONNEE?|DEMANDE|ACCEPTE|CONSENTI)\b"),
        ("enough", rf"\b(?:CA SUFFIT|ASSEZ)(?: AVEC)? (?:LES |VOS |DE |DES )?(?:{_MESSAGES})\b"),
        ("unsubscribe", r"\bANNUL\w* (?:MON|L|LE|MES) (?:ABONNEMENT|INSCRIPTION)\b"),
    ),
}
"""Revocations in natural wording: (rule, pattern over a clause's words joined by spaces), per language.

No FCC word (STOP, END, CANCEL, QUIT) is needed here: those are the revocation words' concern."""
_COMPILED = {
    language: tuple((f"{language}.{rule}", re.compile(pattern)) for rule, pattern in rules)
    for language, rules in NATURAL_REVOCATIONS.items()
}


def natural_revocation(clauses: Clauses, languages: Iterable[str]) -> Finding | None:
    """The first natural revocation in ``clauses`` in one of ``languages``, if any."""
    texts = [" ".join(clause) for clause in clauses]
    for language in languages:
        for rule, pattern in _COMPILED.get(language, ()):
            for text in texts:
                found = pattern.search(text)
                if found:
                    return Finding(
                        rule, found.group(), language, f"revocation in {language}: {found.group()!r}"
                    )
    return None


# --- CONTEXTUAL: is an FCC word about the messages? ----------------------------------------------

LAUGHTER = re.compile(
    r"^(?:LOL+|LMF?AO+|ROFL|XD+|MDR+|PTDR+|JK|JK+|KIDDING|JOKING|(?:HA|HE|JA|JE|HI){2,}H?)$"
)
"""Words of laughter or jest: a reply that laughs is conversation, not a revocation, under CONTEXTUAL."""
_QUESTION_START = frozenset(
    [
        "WHEN",
        "WHERE",
        "WHAT",
        "WHATS",
        "WHERES",
        "WHENS",
        "WHICH",
        "WHY",
        "HOW",
        "DID",
        "DOES",
        "DO",
        "IS",
        "ARE",
        "WAS",
        "WERE",
        "HAS",
        "HAVE",
    ]
)
"""First words of a question about something (not a request: CAN, COULD, WILL and WOULD are left out)."""
_NOUN_BEFORE = frozenset(
    [
        "BUS",
        "TRAIN",
        "SUBWAY",
        "METRO",
        "TRAM",
        "LAST",
        "NEXT",
        "FIRST",
        "FINAL",
        "THE",
        "A",
        "AN",
        "MY",
        "YOUR",
        "OUR",
        "THAT",
        "EACH",
        "EVERY",
        "ONE",
        "HIS",
        "HER",
        "THEIR",
        "NON",
        "FULL",
        "PIT",
        "REST",
        "TRUCK",
        "DEAD",
        "BACK",
        "FRONT",
        "TAIL",
        "DAY",
        "DAYS",
        "WEEK",
        "WEEKS",
        "MONTH",
        "MONTHS",
        "YEAR",
        "YEARS",
        "TERM",
        "SEASON",
        "SHIFT",
    ]
)
"""Words before STOP or END that make it a noun ("bus stop", "the end", "month end", "non stop")."""
_SUBJECTS = frozenset(
    ["I", "IM", "ID", "IVE", "ILL", "HE", "HES", "SHE", "SHES", "WE", "WERE", "THEY", "THEYRE", "IT", "WHO"]
)
"""Subjects before an FCC word: a statement about someone's doing ("I quit", "he will stop"), no request."""
_MODALS = frozenset(
    ["CAN", "COULD", "WILL", "WOULD", "SHOULD", "MUST", "MIGHT", "MAY", "SHALL", "GONNA", "GOTTA", "WANNA"]
)
_INFINITIVE = frozenset(["TO", "2"])
_SECOND_PERSON = frozenset(["YOU", "U", "YA", "YALL", "YOUR", "UR", "YOURE", "YOUS", "YOUSE"])
"""Words for the sender: "you won't stop texting me", "I need you to stop" are about the sender's messages."""
_COMPOUND_HEADS = frozenset(
    [
        "BOX",
        "BOXES",
        "ORDER",
        "ORDERS",
        "PLAN",
        "PLANS",
        "FEE",
        "FEES",
        "PAYMENT",
        "PAYMENTS",
        "CHARGE",
        "CHARGES",
        "RENEWAL",
        "PACKAGE",
        "DELIVERY",
        "BILL",
        "BILLING",
        "CARD",
        "ACCOUNT",
        "APP",
        "KIT",
    ]
)
"""Nouns after a message noun that make it a modifier ("subscription box", "SMS plan"): not the messages."""
_TIME = re.compile(
    r"^(?:TONIGHT|TOMORROW|TODAY|TMRW|TOMORROWS|TODAYS|MORNING|AFTERNOON|EVENING|NOON|WEEKEND"
    r"|(?:MON|TUES|WEDNES|THURS|FRI|SATUR|SUN)DAY|\d{1,2}(?:AM|PM|H\d*)?|\d{1,2}\d{2})$"
)
"""Words of time: an FCC word followed by one is about an event ("cancel the 3pm", "stop by tomorrow")."""
_NEGATION_BEFORE = frozenset(["DONT", "CANT", "CANNOT", "WONT", "COULDNT", "DIDNT", "NOT", "LETS"])
_OTHER_AFTER = frozenset(
    [
        "BY",
        "AT",
        "IN",
        "ON",
        "OF",
        "UP",
        "OVER",
        "AROUND",
        "AFTER",
        "BEFORE",
        "FOR",
        "TO",
        "INTO",
        "NEAR",
        "FROM",
        "WITH",
        "SIGN",
        "SIGNS",
        "LIGHT",
        "LIGHTS",
        "DATE",
        "TIME",
        "BUTTON",
        "LOSS",
    ]
)
"""Words after an FCC word that show it is about something else ("stop by", "end of", "stop sign")."""
_DETERMINERS = frozenset(
    ["MY", "THE", "OUR", "YOUR", "HIS", "HER", "THEIR", "THAT", "THOSE", "A", "AN", "TODAYS", "TOMORROWS"]
)
_ABOUT_MESSAGES_AFTER = frozenset(
    [
        "ME",
        "US",
        "IT",
        "THIS",
        "THESE",
        "THEM",
        "ALL",
        "NOW",
        "PLEASE",
        "PLS",
        "PLZ",
        "THANKS",
        "THANK",
        "ASAP",
        "IMMEDIATELY",
        "RIGHT",
        "ALREADY",
        "SENDING",
        "TEXTING",
    ]
)
"""Words after an FCC word that leave it about the messages ("stop it", "stop now", "cancel this")."""


def judge_revocation_word(clauses: Clauses, revocation_words: frozenset[str]) -> Finding | None:
    """Under CONTEXTUAL: a Finding for the first FCC word of ``clauses`` used about the messages
    (rule ``contextual.*``, a revocation), else one saying why every use is about something else
    (rule ``ambiguous.*``); None when no FCC word is in ``clauses``."""
    laugh = next((w for clause in clauses for w in clause if LAUGHTER.match(w)), None)
    other: Finding | None = None
    for clause in clauses:
        for i, word in enumerate(clause):
            if word not in revocation_words:
                continue
            if word not in CONTEXTUAL_WORDS:
                return Finding("contextual.unambiguous-word", word, ENGLISH, f"{word} has no other meaning")
            verdict = _judge(clause, i, laugh)
            if verdict.rule.startswith("contextual."):
                return verdict
            other = other or verdict
    return other


def _judge(clause: tuple[str, ...], i: int, laugh: str | None) -> Finding:
    word = clause[i]
    before = clause[i - 1] if i else None
    after = clause[i + 1 : i + 4]
    phrase = " ".join(clause[max(0, i - 1) : i + 3])

    def revokes(rule: str, reason: str) -> Finding:
        return Finding(f"contextual.{rule}", phrase, ENGLISH, f"{word} {reason}")

    def other(rule: str, reason: str) -> Finding:
        return Finding(
            f"ambiguous.{rule}", phrase, ENGLISH, f"{word} {reason}: not clearly about the messages"
        )

    if laugh is not None:
        return other("laughter", f"in a reply that laughs ({laugh})")
    you = next((w for w in clause[:i] if w in _SECOND_PERSON), None)
    message = _about_messages(clause[i + 1 : i + 5])
    if message is not None:
        if before in _NEGATION_BEFORE and you is None:
            return other("negated", f"follows {before}, about someone else's {message}")
        return revokes("about-messages", f"is about the messages ({message})")
    if before in _NEGATION_BEFORE:
        return other("negated", f"follows {before}")
    if before in _NOUN_BEFORE and word in ("STOP", "END"):
        return other("noun", f"is a noun ({before} {word})")
    if before in _SUBJECTS:
        return other("statement", f"has a subject ({before} {word}): a statement, not a request")
    earlier = clause[i - 2] if i > 1 else None
    if (before in _INFINITIVE or before in _MODALS) and earlier not in _SECOND_PERSON:
        return other("statement", f"follows {earlier or ''} {before}: about someone's doing, not a request")
    if clause[0] in _QUESTION_START:
        return other("question", f"is in a question ({clause[0]} ...)")
    if not after or all(w in POLITENESS for w in after):
        return revokes("alone", "ends its sentence")
    nxt = after[0]
    when = next((w for w in clause[i + 1 :] if _TIME.match(w)), None)
    if when is not None:
        return other("event", f"is about an event ({when})")
    if nxt in _ABOUT_MESSAGES_AFTER or nxt in CONTEXTUAL_WORDS:
        return revokes("about-messages", f"is followed by {nxt}")
    if nxt in _OTHER_AFTER:
        return other("followed-by", f"is followed by {nxt}")
    if nxt.endswith(("ING", "IN")):
        return other("activity", f"is about an activity ({nxt})")
    if nxt in _DETERMINERS or word != "STOP" or len(clause) - i > 3:
        return other("object", f"has another object ({' '.join(after)})")
    return revokes("imperative", "is an imperative without another object")


def _about_messages(following: Sequence[str]) -> str | None:
    """The word for the messages among the first three of ``following`` ("stop texting", "cancel
    these texts"), unless a noun follows it that makes it a modifier ("cancel my subscription box")."""
    for j, w in enumerate(following[:3]):
        head = following[j + 1] if j + 1 < len(following) else None
        if w in MESSAGE_VERBS or (w in MESSAGE_WORDS and head not in _COMPOUND_HEADS):
            return w
    return None


# --- Language of a reply -------------------------------------------------------------------------

LANGUAGE_MARKERS = {
    SPANISH: frozenset(
        ["POR", "FAVOR", "PORFA", "GRACIAS", "MENSAJES", "MENSAJE", "MAS", "QUIERO", "USTEDES"]
    ),
    FRENCH: frozenset(["SVP", "STP", "MERCI", "JE", "NE", "VOUS", "MOI", "SIL", "PLAIT"]),
}
"""Words that tell a reply in Spanish or French apart from an English one."""


def reply_language(words: Sequence[str], languages: Sequence[str], found: str) -> str:
    """The language to answer in: ``found`` (the matched rule's), unless that is English and more
    of the words are Spanish or French markers (``STOP svp``, ``Stop por favor``)."""
    if found != ENGLISH:
        return found
    best, best_count = found, 0
    for language in languages:
        markers = LANGUAGE_MARKERS.get(language)
        if markers:
            count = sum(w in markers for w in words)
            if count > best_count:
                best, best_count = language, count
    return best
