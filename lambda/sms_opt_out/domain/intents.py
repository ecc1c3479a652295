"""What a reply in the customer's own words means: revocations in natural wording, misspelt keywords,
and, under the CONTEXTUAL policy, whether an FCC revocation word is about the messages.

Pure functions over the words of ``text_normalisation`` (folded upper-case words per clause); the
orchestration, with the configured keyword lists, is ``keywords.KeywordRules``. Every decision comes
with a ``Finding``: the rule that decided, what it matched, its language and a reason a compliance
officer can read.
"""

from __future__ import annotations

import enum
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

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
"""The FCC words with an everyday meaning besides revocation; REVOKE, OPT OUT and UNSUBSCRIBE have none
(under CONTEXTUAL they are AMBIGUOUS only when the reply names something else: ``object_elsewhere``)."""


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
    r"|SPAM|SUBSCRIPTIONS?|MENSAJES?|TEXTOS?|NOTIFICACIONES|ALERTAS|PROMOCIONES|TEXTES|ENVOIS|ALERTES|PUBS?"
    r"|COURRIELS|PROMOTIONS?|OFFERS|DEALS|MARKETING|NEWSLETTERS?|OFFRES|PROPAGANDA|PROPAGANDE"
    r"|MSJS?|MNSJS?|PUBLICIDAD|MENSAJITOS?|TEXTITOS?|TEXTICOS?|MENSAJICOS?|COMMUNICATIONS|COMUNICACIONES"
    r"|REMINDERS|NOTICES|RECORDATORIOS|RAPPELS|SPAMS|POURRIELS|AVISOS|OFERTAS|RELANCES|COUPONS|CUPONES|ESTIMATES|COTIZACIONES|PRESUPUESTOS|DEVIS|SOUMISSIONS"
)
"""Nouns for the messages, in the three languages (a mixed reply may use any); reminders in the plural
(the singular is often a person's own: "cancel the reminder for my meeting"); French RELANCES are the
sender's reminders ("arrêtez les relances")."""
MESSAGE_WORDS = frozenset(
    form
    for noun in _MESSAGES.split("|")
    for form in ((noun[:-2], noun[:-2] + "S") if noun.endswith("S?") else (noun,))
) - frozenset(
    ["COURRIELS", "COUPONS", "CUPONES", "ESTIMATES", "COTIZACIONES", "PRESUPUESTOS", "DEVIS", "SOUMISSIONS"]
)
"""Coupons and estimates are the messages in a rule ("no more coupons"), never a word's subject ("do the
coupons stop")."""
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
        "REACHING",
        "PESTERING",
        "HOUNDING",
        "EMAILING",
        "BUGGING",
        "HARASSING",
        "PINGING",
        "SUBSCRIBING",
        "MSGING",
        "MSGIN",
        "SMSING",
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
    "KIERO": "QUIERO",  # Spanish texting: k and q for qu
    "KERO": "QUIERO",
    "QIERO": "QUIERO",
    "PU": "PLUS",  # Quebec French: "j'veux pu de messages"
    "VOT": "VOTRE",  # Quebec and Acadian French: "ôtez-moi de vot' liste"
    "MOE": "MOI",
    "RMV": "REMOVE",  # texting: "rmv me"
    "RMVE": "REMOVE",
    "REMV": "REMOVE",
    "ESTOP": "STOP",  # Spanish speakers' E before S and a consonant (estop, as in estudio)
    "STOPE": "STOP",  # French "stoppe" (the imperative of stopper) and its misspelling
    "STOPPE": "STOP",
    "DNT": "DONT",
    "CANCLE": "CANCEL",
    "VAJA": "BAJA",
    "DECEO": "DESEO",
    "MENSAGES": "MENSAJES",
    "PUS": "PLUS",
    "PLU": "PLUS",
    "VEU": "VEUX",
    "OUTTA": "OUT",
    "ARET": "ARRET",
    "REMVOE": "REMOVE",
    "REMOVER": "REMOVE",
    "STOB": "STOP",
    "VX": "VEUX",
    "Q": "QUE",  # Spanish and French texting: "p q ya no me lleguen"
    "KE": "QUE",
    "P": "PARA",
    "FO": "FAUT",  # French texting: "fo arrêter"
}
"""Known misspellings and truncations, to the keyword they spell."""
_STEMS = (
    ("UNSUBSCRIB", "UNSUBSCRIBE"),
    ("UNSCRIB", "UNSUBSCRIBE"),  # the middle syllable dropped ("unscribe me")
    ("DESUSCRIB", "DESUSCRIBIR"),
    ("DESUSCRIPCION", "DESUSCRIBIR"),
    ("DESABONN", "DESABONNER"),
    ("DESINSCRI", "DESINSCRIRE"),
    ("DESINCRI", "DESINSCRIRE"),  # the S before the C is often left out ("désincrivez moi")
)
"""Word beginnings that only these keywords have (any ending: UNSUBSCRIBED, DESABONNEZ, ...)."""
_FUZZY = (("UNSUBSCRIBE", 2), ("DESABONNER", 1), ("DESINSCRIRE", 1), ("DESUSCRIBIR", 2))
"""Long keywords a misspelling (Damerau-Levenshtein distance at most this) still spells."""
_REPEATS = re.compile(r"(.)\1+")
_HELD = re.compile(r"([A-Z])\1{2,}")
"""A letter held down: three or more times ("take me offf", "leave me alooone"); no word of the three
languages has one, so the word is the one with it doubled or single, when the rules know that word."""


@lru_cache(maxsize=8192)
def canonical_word(word: str, keywords: frozenset[str]) -> str:
    """The keyword ``word`` spells (``STOPPP``, ``SOTP``, ``UNSUBCRIBE``, ``DESABONNEZ``), else ``word``."""
    if word in MISSPELLINGS:
        return MISSPELLINGS[word]  # before the keywords: UNSUB is a keyword and, in a sentence, UNSUBSCRIBE
    if word in keywords:
        return word
    qu = _K_FOR_QU.sub(lambda k: "QU" if k.group(1) else "C", word)
    if len(word) >= _SQUEEZED_LENGTH and qu != word and _OBJECT_ENDING.sub("", qu) in rule_words():
        return qu  # texting's k for qu and c: SAKENME, KITENLO, SAKAME
    squeezed = _REPEATS.sub(r"\1", word)
    if squeezed != word and (squeezed in keywords or squeezed in MISSPELLINGS):
        return MISSPELLINGS.get(squeezed, squeezed)
    if len(word) >= _SQUEEZED_LENGTH and squeezed in _squeezed(keywords):
        return _squeezed(keywords)[squeezed]
    if len(word) >= _SQUEEZED_LENGTH and _sounds(word) in _sounded(keywords) and "BOOK" not in word:
        return _sounded(keywords)[_sounds(word)]
    if len(word) >= _SQUEEZED_LENGTH - 1 and word in _vowel_dropped(keywords):
        return _vowel_dropped(keywords)[word]
    for stem, keyword in _STEMS:
        if word.startswith(stem) or squeezed.startswith(_REPEATS.sub(r"\1", stem)):
            return keyword
    if len(word) >= _TRUNCATED_LENGTH:
        for keyword, _ in _FUZZY:
            if keyword.startswith(word):
                return keyword  # DESABO, DESINSCR: a long keyword cut short
    if len(word) >= 8:
        for keyword, distance in _FUZZY:
            if word[0] == keyword[0] and _within(word, keyword, distance):
                return keyword
    held = _HELD.sub(r"\1\1", word)
    if held != word and word not in AMUSEMENT:
        return next((w for w in (held, _HELD.sub(r"\1", word)) if len(w) >= 3 and w in rule_words()), word)
    return word


_K_FOR_QU = re.compile(r"K(?=([EI])|[AOU])")
_OBJECT_ENDING = re.compile(r"(?<=..[AEIN])(?:ME|NOS|LOS?|LAS?)$")
_KEYBOARD_NEIGHBOURS = dict(
    zip(
        "QWERTYUIOPASDFGHJKLZXCVBNM",
        (
            *("WA", "QEAS", "WRSD", "ETDF", "RYFG", "TUGH", "YIHJ", "UOJK", "IPKL", "OL"),
            *("QWSZ", "AWEDZX", "SERFXC", "DRTGCV", "FTYHVB", "GYUJBN", "HUIKNM", "JIOLM", "KOP"),
            *("ASX", "ZSDC", "XDFV", "CFGB", "VGHN", "BHJM", "NJK"),
        ),
        strict=True,
    )
)
"""The letters beside each letter on a QWERTY keyboard."""
_SLIPPED_KEYWORDS = {"STOP": 0, "ALTO": 3, "BAJA": 3, "ARRET": 4}
"""Keywords typed in a hurry, and the first of their letters that may slip to a key beside it: any of
STOP's, the last of the others (a slip of an earlier letter spells words: APTO, ALGO, BANA)."""
_NOT_SLIPS = frozenset(["ATOP"])
"""Words a key away from a keyword."""


def keyboard_slip(reply: str) -> str | None:
    """The keyword a whole ``reply`` (folded, its words run together) spells with one letter slipped to a
    key beside it ("SROP", "STOO", "ALTP"), if any: only a whole reply, as a word in a sentence is more
    likely another word (WTOP, a radio station)."""
    return _keyboard_slips().get(reply)


@lru_cache(maxsize=1)
def _keyboard_slips() -> dict[str, str]:
    """Each spelling of ``_SLIPPED_KEYWORDS`` with one letter slipped to a key beside it ("srop", "stoo",
    "altp"), to the keyword; not a word the rules name or ``_NOT_SLIPS``."""
    slips = {
        keyword[:i] + near + keyword[i + 1 :]: keyword
        for keyword, first in _SLIPPED_KEYWORDS.items()
        for i in range(first, len(keyword))
        for near in _KEYBOARD_NEIGHBOURS[keyword[i]]
    }
    return {slip: k for slip, k in slips.items() if slip not in _NOT_SLIPS and slip not in rule_words()}


_TRUNCATED_LENGTH = 6
"""The beginning of a long keyword (``_FUZZY``) at least this long is the keyword cut short (``DESABO``,
``DESINSCR``, ``DESUSCRIB``): no other word begins so."""
_SQUEEZED_LENGTH = 5
"""Keywords at least this long are also spelt with their doubled letters single or repeated
(``ARETEZ``, ``ARRRRET``, ``ANULER``, ``CESEZ``): shorter ones (FIN, ALTO) would take names (Finn)."""


@lru_cache(maxsize=16)
def _squeezed(keywords: frozenset[str]) -> dict[str, str]:
    """Each keyword of at least ``_SQUEEZED_LENGTH`` letters by its form with runs of a letter made one."""
    return {_REPEATS.sub(r"\1", k): k for k in sorted(keywords) if len(k) >= _SQUEEZED_LENGTH and k.isalpha()}


_SOUNDS = re.compile(r"C[EI]|C|Z(?=.)|V")
_SOUND_OF = {"CE": "SE", "CI": "SI", "C": "K", "Z": "S", "V": "B"}


def _sounds(word: str) -> str:
    """``word`` spelt as it sounds in Spanish (and English): C before E or I and a Z inside a word as S,
    other C as K, V as B, runs of a letter as one: ``CANSELAR``, ``KANCELAR`` and ``CANCELAR``
    sound alike. A final Z is kept (French ``ARRETES`` is no ``ARRETEZ``), and QU is not K (French
    ``REVOQUE`` is no ``REVOKE``: "le juge a révoqué son sursis")."""
    spelt = _SOUNDS.sub(lambda m: _SOUND_OF[m.group()], word)
    return _REPEATS.sub(r"\1", spelt)


@lru_cache(maxsize=16)
def _sounded(keywords: frozenset[str]) -> dict[str, str]:
    """Each keyword of at least ``_SQUEEZED_LENGTH`` letters by how it sounds (``_sounds``)."""
    return {_sounds(k): k for k in sorted(keywords) if len(k) >= _SQUEEZED_LENGTH and k.isalpha()}


@lru_cache(maxsize=16)
def _vowel_dropped(keywords: frozenset[str]) -> dict[str, str]:
    """Keywords of ``_SQUEEZED_LENGTH`` letters or more with one inner vowel left out, as texting drops it
    (``ARRTE``, ``PRAR``, ``CANCELR``)."""
    return {
        k[:i] + k[i + 1 :]: k
        for k in sorted(keywords)
        if len(k) >= _SQUEEZED_LENGTH and k.isalpha()
        for i in range(1, len(k))
        if k[i] in "AEIOU"
    }


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
        "PORFIS",
        "FA",
        "XFA",
        "XFAVOR",
        "PLIS",
        "PLIZ",
        "THNX",
        "THANX",
        "BCP",
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
        "S",
        "IL",
        "PUES",
        "PUE",
        "HEIN",
        "ABEG",
        "CHEERS",
        "TA",
        "MATE",
        "CHE",
        "WESH",
        "FRERE",
    ]
)
"""Words of politeness and greeting (en, es, fr) that may come before or after a keyword, and "all"."""
COURTESY = frozenset(["PLEASE", "PLS", "PLZ", "THANKS", "THX", "TY", "FAVOR", "PORFA", "PORFAVOR", "XFA"])
COURTESY |= frozenset(["GRACIAS", "SVP", "STP", "PLAIT", "MERCI", "PLIS", "PORFIS", "THANKYOU"])
"""The please and thanks of ``POLITENESS``: after a keyword, they end its request."""


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
_ES_VERBS = r"MANDAR|ENVIAR|ESCRIBIR|TEXTEAR|MOLESTAR|LLAMAR|CONTACTAR|SPAMEAR|ESPAMEAR"
_ES_STEMS = r"(?:MAND|ENVI|ENBI|ESCRIB|ESCRIV|TEXTE|MENSAJE|MOLEST|LLAM|CONTACT|SPAME|ESPAME)\w*"
"""Any form of a Spanish verb of sending or contacting ("manden", "escriban", "contactarme")."""
_FR_VERBS = (
    r"ENVOYER|ECRIRE|TEXTER|CONTACTER|APPELER|HARCELER|SPAMMER|DERANGER|EMBETER|IMPORTUNER|SOLLICITER"
    r"|RELANCER"
)
_FR_STEMS = r"(?:ENVO|ECRI|CONTACT|TEXT|APPEL|DERANG|HARCEL|SOLLICIT|SPAMM|EMBET|IMPORTUN|RELANC)\w*"
"""Any form of a French verb of sending or contacting ("envoyez", "écrivez", "contactiez")."""
_SENDING = rf"{_EN_VERBS}|{'|'.join(sorted(MESSAGE_VERBS))}"
_NEED_TO = r"(?:NEED|REASON) (?:TO|FOR (?:YOU|U) TO)"
"""An English verb of sending or contacting, bare or in -ING ("text", "texting", "contacting")."""
_NUMBER = r"(?:PHONE |CELL |MOBILE )?(?:NUMBER|NUMBR|NUM)"
_LIST = r"(?:LISTS?|DATABASE|SYSTEM|CONTACTS|RECORDS|FILES?|MAILING LIST|TEXT LIST|LOOP)"
_THIS = r"(?:THIS|THESE|IT|THEM|ANY|ANYTHING|YOUR|UR|YALL|TEXTS?|MESSAGES?|ALERTS?)"
_NOT_FOR_SOMETHING_ELSE = rf"(?! (?:TO|FOR|INTO|WITH) (?!(?:{_THIS}|RECEIVE|GET|BE|BEING)\b))"
"""Not followed by what the signing up was for, when that is something else ("for soccer", "to pay")."""
_NOT_A_PAYMENT = (
    r"(?! (?:THE|THAT|THIS|THESE|A|AN|ANY|EL|ESE|ESTE|LA|ESA|ESTA|LOS|ESOS|ESTOS|UN|UNA|CE|CET|CETTE|CES|LE"
    r"|LES) (?:\w+ )?(?:CHARGES?|PAYMENTS?|TRANSACTIONS?|PURCHASES?|WITHDRAWALS?|TRANSFERS?|CARGOS?|PAGOS?"
    r"|COBROS?|COMPRAS?|RETIROS?|TRANSFERENCIAS?|TRANSACCION\w*|PAIEMENTS?|PRELEVEMENTS?|ACHATS?"
    r"|VIREMENTS?)\b)"
)
"""Not followed by a payment: "I did not authorize the $412 charge", "no autoricé el cargo", "jamais
autorisé ce paiement" answer a fraud alert about a card, not the messages."""
_EN_QUALIFIER = (
    r"(?! (?:BACK|AT|IN|DURING|AFTER|BEFORE|WHILE|WHEN|UNTIL|TILL|ON|TONIGHT|TODAY|TOMORROW|SO|THAT|LATE"
    r"|EARLY|FROM (?:THAT|THE OLD|THE OTHER|YOUR OLD|UR OLD|YOUR OTHER|UR OTHER|YOUR WORK))\b)"
)
_ES_QUALIFIER = (
    r"(?! (?:EN|DURANTE|CUANDO|DESPUES|ANTES|HASTA|HOY|MANANA|ESTA NOCHE|TAN|TARDE|TEMPRANO|A ESTA|A ESTAS"
    r"|DE ESE|DESDE ESE|DE TU (?:OTRO|VIEJO)|DESDE TU (?:OTRO|VIEJO)"
    r"|POR LA|DE NOCHE|MIENTRAS|AL|MAS TARDE|(?:MAS )?(?:FOTOS?|VIDEOS?|MEMES?|AUDIOS?|STICKERS?|CHISTES?"
    r"|LINKS?|ENLACES?)|(?:MAS )?(?:MENSAJES?|MSJS?|TEXTOS?) (?:EN|DURANTE|CUANDO|DESPUES|ANTES|HASTA|TAN"
    r"|TARDE|A ESTA"
    r"|POR LA|DE NOCHE|MIENTRAS))\b)"
)
_FR_QUALIFIER = (
    r"(?! (?:APRES|AVANT|PENDANT|QUAND|AU|CE SOIR|DEMAIN|AUJOURDHUI|SI|TARD|LE SOIR|LA NUIT|\d+H?\w*)\b)"
)
"""Not followed by a time, place or manner: "don't text me when I'm driving", "no me escribas tan
tarde", "ne m'appelle plus après 22h" limit the messages rather than revoke them (kept for review)."""
_ES_MANNER = (
    r"(?! (?:EN (?!(?:ESTE|ESTA|MI|ESE|SERIO)\b)|TAN (?:TARDE|TEMPRANO)|DESDE ESE|DE NOCHE|TARDE|TEMPRANO"
    r"|MIENTRAS|CUANDO|DURANTE)\b)"
)
"""Not followed by a manner, place or time ("deja de escribirme en mayúsculas", "tan tarde")."""
_ES_THING_OBJECT = (
    r"(?! (?:LA|EL|LOS|LAS|TU|ESE|ESA|UN|UNA) (?!(?:MENSAJES?|TEXTOS?|MSJS?|PROMOCIONES|ALERTAS"
    r"|NOTIFICACIONES|PUBLICIDAD|SPAM|INFORMACION|INFO|OFERTAS|BASURA|PORQUERIAS?|COSAS|PROMOS|MENSAJITOS"
    r"|CADENAS)\b)\w+)"
)
"""Not followed by a thing other than the messages ("no me mandes la ubicación")."""
_ES_OTHER_OBJECT = r"(?! (?:MAS )?(?:FOTOS?|VIDEOS?|MEMES?|AUDIOS?|STICKERS?|CHISTES?|LINKS?|ENLACES?)\b)"
_FR_OTHER_OBJECT = r"(?! (?:DES |TES |CES |SES |DE |D )?(?:VIDEOS?|PHOTOS?|MEMES?|LIENS?|BLAGUES?|AUDIOS?)\b)"
"""Not followed by something sent other than the messages ("deja de mandarme memes")."""
_NOT_OF_ELSEWHERE = (
    r"(?! OF (?:THE |THAT |MY |OUR |HIS |HER |THEIR |A |AN )?(?!(?:\w+ ){0,3}(?:TEXT|SMS|ALERT) LISTS?\b"
    r"|(?:\w+ )?(?:LISTS?|TEXTS?|MESSAGES?|ALERTS?"
    r"|THIS|THESE|IT|THEM|YOUR|UR|YALLS|ALL|EVERYTHING|ANY)\b)\w+)"
)
"""Not opting out of something other than the messages ("opting out of dinner tonight")."""
_OTHER_LIST_NAMES = (
    r"(?:GUEST|INVITE|INVITATION|WAITING|WAIT|PARTY|TODO|TO DO|GROCERY|SHOPPING|GIFT|CLASS|TEAM|CARPOOL"
    r"|VOLUNTEER|SIGNUP|SIGN UP|CHORE|ROTA|RSVP|BIRTHDAY|DINNER|LUNCH|GROUP|FAMILY|SCHOOL)"
)
_OTHER_LISTS = rf"(?!{_OTHER_LIST_NAMES} (?!(?:TEXT|TEXTING|SMS|ALERT|MESSAGE|MESSAGING) (?:LISTS?|TREE)\b))"
"""List names that are no sender's list ("take me off the guest list"), unless it is a list of texts
("take me off the school text list": the sender's)."""
_NOT_FROM_ELSEWHERE = (
    r"(?! FROM (?:THE |THAT |YOUR |UR |MY |HIS |HER |THEIR )?+(?:(?!(?:\w+ ){0,3}(?:LISTS?|CAMPAIGNS|DATABASE"
    r"|SYSTEM"
    rf"|CONTACTS|RECORDS|FILES?|LOOP|(?:{_MESSAGES})\b))\w+|(?:\w+ ){{0,2}}{_OTHER_LIST_NAMES}\b))"
)
"""Not removed from something other than a list or the messages ("remove me from the carpool chat",
"from the family list"; "from the service reminders" is the messages)."""
_ES_NOT_OF_ELSE = (
    r"(?! (?:DE|DEL) (?!(?:DIFUSION|MENSAJES|CONTACTOS|CORREO|ENVIOS?|SMS|DATOS|CLIENTES|USTEDES|USTED|SU|SUS"
    r"|ESTE|ESTA|ESTOS|TEXTOS|ALERTAS|PROMOCIONES|PROMOCION|PUBLICIDAD|OFERTAS|NUMEROS|SUSCRIPTORES|CAMPANA"
    r"|UNA VEZ)\b)\w+)"
)
_ES_NOT_OF_KIN = r"(?! (?:DE|DEL) (?:MI|MIS|TU|TUS)\b)"
"""Not the messages of one's own people ("mensajes de mi hermana"); "de la farmacia" is the sender."""
_ES_EVERYDAY_LIST = (
    r"(?! (?:DE|DEL) (?:\w+ )?(?:INVITADOS|ESPERA|COMPRAS|SUPER|MANDADO|CUMPLEANOS|FIESTA|VOLUNTARIOS"
    r"|ASISTENCIA|CLASE|EQUIPO|REGALOS|TAREAS|BODA|ALMUERZO|COMIDA|CENA|DESAYUNO|PARTIDO|VIAJE|PASEO)\b)"
)
"""Not a list of everyday life ("la lista de espera", "la lista del almuerzo del viernes")."""
_FR_NOT_OF_ELSE = (
    r"(?! (?:DE|DU|DES|D) (?!(?:DIFFUSION|ENVOI|ENVOIS|MESSAGES|SMS|TEXTOS|CONTACTS|CLIENTS|ABONNES|NUMEROS"
    r"|PROMOTIONS?|ALERTES|NOTIFICATIONS|VOUS|VOTRE|VOS|CE|CES|CETTE)\b)\w+)"
)
"""Not a list of something else ("la lista del almuerzo", "la liste du covoiturage")."""
_FR_NOT_FROM_SOMEONE = (
    r"(?! (?:DE (?:TA|SA|SON|LEUR|MA|MON) PART|DEPUIS|DU (?!TOUT)|DE (?:MON|MA|MES|TON|TA|TES|SON|SA|SES))\b)"
)
"""Not messages from someone ("plus de messages de ta part depuis hier", "du groupe"): an absence
noticed, not a request."""
_POLITE_END = (
    r"(?: (?:PLEASE|PLS|PLZ|THANKS|THX|THANK YOU|NOW|ALREADY|OK|SERIOUSLY|ENOUGH|ENOUGH IS ENOUGH))*$"
)
"""Politeness or insistence after a request ("... please", "... enough"): it ends the request."""
_ES_POLITE_END = (
    r"(?: (?:POR FAVOR|PORFAVOR|X FAVOR|XFA|PORFA|PORFIS|PLIS|GRACIAS|YA|YA MISMO|AHORA|AHORITA|EN SERIO"
    r"|BASTA|YA BASTA))*$"
)
_FR_POLITE_END = (
    r"(?: (?:SVP|STP|MERCI|SIL VOUS PLAIT|SIL TE PLAIT|S IL VOUS PLAIT|MAINTENANT|IMMEDIATEMENT|TOUT DE SUITE"
    r"|DONC|SERIEUX|SERIEUSEMENT|CA SUFFIT|C EST ASSEZ))*$"
)
_EN_THEIR_LINE = (
    r"\b(?:(?:THIS IS|ITS|IT IS|THIS WAS|THATS|THAT IS) (?:NOW )?(?:MY \w+S|HIS|HER|THEIR"
    r"|(?!(?:THIS|ITS|WAS|IS|HIS|MY)\b)\w+S) (?:PHONE|NUMBER|CELL|LINE)"
    r"|THIS (?:PHONE|NUMBER|CELL|LINE) (?:IS (?:NOW )?|BELONGS TO )(?:MY \w+|HIS|HERS|THEIRS))\b"
)
_ES_THEIR_LINE = (
    r"\b(?:ES|ERA) (?:EL (?:CELULAR|TELEFONO|NUMERO|CEL) DE (?:MI|MIS|SU|LA|EL)|SU (?:CELULAR|TELEFONO|NUMERO"
    r"|CEL))\b"
)
_FR_THEIR_LINE = (
    r"\b(?:C EST|CEST|C ETAIT|CE NUMERO EST) (?:LE (?:PORTABLE|TELEPHONE|NUMERO|CELLULAIRE|CELL|TEL) (?:DE|D)"
    r" (?:MA|MON|MES)|SON (?:PORTABLE|NUMERO|TELEPHONE|TEL))\b"
)
"""A reply that says this line is someone else's ("this is my daughter's phone", "es el celular de mi
hijo", "c'est le portable de ma fille"): sending to him or her is sending to this number."""
_KIN = (
    r"(?:MOM|MOTHER|DAD|FATHER|GRAND\w+|HUSBAND|WIFE|SON|DAUGHTER|BROTHER|SISTER|AUNT|UNCLE|CHILD|KID"
    r"|NIECE|NEPHEW|COUSIN|PARENTS?)"
)
"""The writer's relatives ("my grandmother", "my son"): whose line the sender texts, in ``their-line``."""
_ES_OFF = r"(?:QUITEN|SAQUEN|ELIMINEN|BORREN|REMUEVAN|RETIREN|QUITE|SAQUE|ELIMINE|BORRE|RETIRE)"
"""Usted and ustedes imperatives of taking off ("sáquenlo de su lista", "bórrenlo"): a customer to a
business, not a friend's "bórralo de la lista" about a shopping list."""
_NOT_TO_FRIENDS = (
    r"(?!.*\b(?:LES (?:ENFANTS|GARS|FILLES|AMIS|COPAINS|POTES|JEUNES|MECS)|CHICOS|CHICAS|CHAVOS|MUCHACHOS"
    r"|NINOS|AMIGOS)\b)"
)
"""Not said to a group of people ("vos histoires, les enfants!"): VOUS or USTEDES to them is no business's."""
_FR_OFF = r"(?:RETIREZ|SUPPRIMEZ|EFFACEZ|ENLEVEZ|RAYEZ|OTEZ|SORTEZ)"
"""Vous imperatives of taking off ("enlevez-le de votre liste", "retirez-moi des rappels")."""
_FR_LISTS = rf"(?:LISTES?|FICHIERS?|BASE|CONTACTS|ENVOIS|DIFFUSION|REPERTOIRE|{_MESSAGES})"
_FR_OFF_WHERE = (
    rf"(?:DE (?:VOTRE|VOS|CETTE|CES|TOUS VOS|TOUTES VOS) (?:\w+ )?{_FR_LISTS}"
    rf"|DES (?:{_MESSAGES}|ENVOIS|LISTES))\b"
)
"""Off the sender's list or messages ("de votre liste de prospection", "des rappels")."""
_GONE = r"PASSED|DIED|DECEASED|DOESNT USE|DOES NOT USE|NO LONGER USES"
"""Words of a line whose owner is gone ("she passed", "he doesn't use this phone")."""
_COUNTED = (
    r"(?:\d+|\w+TH|3RD|TWO|THREE|FOUR|FIVE|TEN|DOS|TRES|CUATRO|CINCO|DIEZ|TERCER"
    r"|\w+IEME|DEUX|TROIS|QUATRE|CINQ)"
)


def _too_many(complaint: str, when: str) -> str:
    """A count of the sender's messages with a complaint ("harassment, 4 texts since Sunday")."""
    return rf"^(?=.*\b(?:{complaint})\b).*\b{_COUNTED} (?:{_MESSAGES}) (?:{when})\b"


_THESE_MESSAGES = rf"THESE(?! (?!(?:{_MESSAGES}|EVERY|ALL|ANYMORE|DAILY|NOW|PLEASE|PLS|ARE|IS)\b)\w)"
"""THESE about the messages: not before another noun ("these headaches")."""
_HT_VERBS = r"VOYE|EKRI|TEKSTE|RELE|KONTAKTE|DERANJE|ANMEDE"
"""Haitian Creole verbs of sending and contacting ("sispann voye mesaj", "pa ekri m ankò")."""
_REGULATORS = (
    r"ICO|OFCOM|ACMA|TRAI|CRTC|FCC|FTC|TCPA|AEPD|INDECOPI|PROFECO|CNIL|ARCEP|DGCCRF|BAKOM|SERNAC"
    r"|SUPERINTENDENCIA|DATA PROTECTION|PROTECCION DE DATOS|ENACOM|NCC|7726"
)
_MANY_TIMES = (  # how often a refusal was sent
    rf"(?:(?:LIKE|ABOUT|COMO|GENRE|DEJA) )?(?:{_COUNTED}|SEVERAL|MULTIPLE|MANY|VARIAS|MIL|MILLE|PLUSIEURS)"
)
_SO_TOO = (
    r"^(?=.*\b(?:CANCELL?ED|CLOSED|QUIT|CANCELE|DI DE BAJA|RESILIE|ANNULE|FERME)\b)"
    r".*\b(?:SO|ASI QUE|ALORS|DONC) "
)
_ASKED_FOR = r"(?:MONEY|DONATIONS?|CONTRIBUTIONS?|FUNDS|CASH|DINERO|DONACIONES|DONATIVOS|PLATA|ARGENT|DONS)"
"""What a fundraiser's texts ask for ("stop asking me for money", "dejen de pedirme dinero")."""
_EN_SENT_ELSE = r"(?!.*\b(?:PICS?|PICTURES?|PHOTOS?|VIDEOS?|MEMES?|LINKS?|SELFIES?|MONEY)\b)"
"""Not a friend's pictures or money ("don't send me those memes anymore")."""
NATURAL_REVOCATIONS: dict[str, tuple[tuple[str, str], ...]] = {
    ENGLISH: (
        (
            "remove-number",
            rf"\b(?:REMOVE|DELETE|ERASE|LOSE|DROP|FORGET) (?:MY|THIS|THE|OUR) "
            rf"(?:(?:{_NUMBER}|INFO|INFORMATION|DETAILS|DATA|NAME|CONTACT)\b|\b(?:REMOVE|DELETE"
            rf"|ERASE) {_NUMBER}\b){_NOT_FROM_ELSEWHERE}"
            r"|\b(?:REMOVE|DELETE|ERASE|LOSE|DROP|FORGET) (?:MI|MON|ESTE|CE) (?:NUMERO|TELEFONO|CELULAR)\b",
        ),
        (
            "remove-me",
            r"\b(?:REMOVE|DELETE|ERASE|UNENROLL|UNREGISTER|DEREGISTER|UNLIST|DELIST) (?:ME|US"
            rf"|MY {_NUMBER})\b{_NOT_FROM_ELSEWHERE}"
            rf"|^(?:UNENROLL|UNREGISTER|DEREGISTER|DELIST|DELETE|ERASE)(?: (?:ME|US))?{_POLITE_END}"
            r"|\bSIGN (?:ME|US) OUT\b"
            r"|\b(?:WANT|LIKE|WISH|NEED|ASK|ASKED|ASKING) (?:\w+ ){0,3}?(?:TO BE|BEING) (?:REMOVED|DELETED"
            r"|TAKEN OFF"
            r"|UNSUBSCRIBED"
            r"|OPTED OUT|UNENROLLED)\b"
            r"|\b(?:I|WE) (?:WANT|WANNA|NEED) (?:TO (?:GET |BE )?)?OUT(?: OF (?:THIS|THE|YOUR|UR"
            rf"|ALL) (?:\w+ )?{_LIST})?"
            rf"{_POLITE_END}"
            r"|\b(?:I|WE) (?:WANT|WANNA|NEED) (?:TO (?:GET |BE )?)?OUT OF (?:THESE|THIS|YOUR|UR|ALL"
            rf"|ALL THESE|ALL YOUR|THE) (?:\w+ )?(?:{_MESSAGES})\b"
            rf"|\b(?:QUIT|SAC|SAQU|BORR|ELIMIN|REMUEV)\w*(?:ME|NOS) (?:FROM|OFF) (?:(?:THIS|THE|YOUR|UR"
            rf"|ALL) )?(?:\w+ )?{_LIST}\b",
        ),
        (
            "off-the-list",
            rf"\b(?:GET|TAKE) (?:ME|US|IT|MY {_NUMBER}|THIS {_NUMBER}|MY NAME|MY INFO) OFF?\b"
            rf"(?={_POLITE_END}| (?:(?:THE|THIS|THAT|YOUR|UR|MY|ALL|ANY"
            rf"|YALL) )?(?:{_OTHER_LISTS}\w+ ){{0,2}}{_OTHER_LISTS}(?:{_LIST}"
            rf"|{_MESSAGES})\b)",
        ),
        ("off-the-list", rf"\bOFF (?:THIS|THE|YOUR|UR|YALL|THESE) {_OTHER_LISTS}(?:\w+ )?LISTS?\b"),
        (
            "off-the-list",
            rf"\b(?:REMOVE|DELETE|ERASE|TAKE|DROP|GET|PUT)\b.*\b(?:FROM|OFF|OUT OF) "
            rf"(?:(?:THIS|THE|YOUR|UR|YALL|ALL|ANY|THESE|YOUR) )?{_OTHER_LISTS}(?:\w+ )?{_LIST}\b",
        ),
        ("remove-it", rf"^(?=.*\b(?:MY|THIS) {_NUMBER}\b).*\b(?:REMOVE|DELETE|ERASE|LOSE) (?:IT|THAT)\b"),
        (
            "remove-number",
            r"\b(?:WANT|NEED|LIKE) (?:MY|THIS) (?:NUMBER|INFO|INFORMATION|DATA|DETAILS) (?:DELETED|REMOVED"
            r"|ERASED|TAKEN OFF)\b",
        ),
        (
            "never-signed-up",
            rf"\b(?:DIDNT|DID NOT|NEVER|NOT|DONT REMEMBER|DO NOT REMEMBER|DONT RECALL) "
            rf"(?:SIGN|SIGNED|SIGNING) UP\b{_NOT_FOR_SOMETHING_ELSE}",
        ),
        (
            "never-signed-up",
            r"\b(?:DIDNT|DID NOT|NEVER|DONT REMEMBER|DO NOT REMEMBER|DONT RECALL) (?:SUBSCRIBE|SUBSCRIBED"
            r"|SUBSCRIBING|OPT IN|OPTED IN|OPT INTO|OPTED INTO|OPTING IN|AGREE|AGREED|AGREEING|CONSENT"
            r"|CONSENTED|REGISTER|REGISTERED|ENROLL|ENROLLED|AUTHORIZE|AUTHORIZED)\b"
            + _NOT_FOR_SOMETHING_ELSE
            + _NOT_A_PAYMENT,
        ),
        ("never-signed-up", rf"\bNEVER (?:ASK|ASKED) FOR {_THIS}\b"),
        (
            "never-signed-up",
            r"\b(?:DIDNT|DID NOT|NEVER) (?:ASK|ASKED|REQUEST|REQUESTED|WANT|WANTED)(?: FOR)? (?:THIS|THESE"
            r"|THEM|IT"
            rf"|ANY OF (?:THIS|THESE|THEM|IT)){_POLITE_END}"
            r"|\b(?:DIDNT|DID NOT|NEVER) (?:ASK|ASKED|REQUEST|REQUESTED|WANT|WANTED)(?: FOR)? (?:THESE"
            r"|THOSE|YOUR|UR"
            rf"|ANY|ALL THESE|ALL YOUR) (?:{_MESSAGES})\b",
        ),
        (
            "withdraw-consent",
            r"\b(?:WITHDRAW|WITHDRAWING|WITHDRAWN|RETRACT|RETRACTING|RESCIND|RESCINDING|REVOKING|REVOKE"
            r"|CANCEL"
            r"|CANCELLING|CANCELING) (?:MY |ALL |THE |ANY |OUR )?CONSENT\b(?! (?:FORMS?|PAPERS?|PAPERWORK"
            r"|SHEETS?)\b)"
            r"|\bCONSENT (?:IS )?(?:REVOKED|WITHDRAWN|RESCINDED|CANCELL?ED)\b"
            rf"|^NO CONSENT(?: (?:GIVEN|WAS GIVEN|FROM ME))?{_POLITE_END}"
            r"|\b(?:NO LONGER|DONT|DO NOT|DONT EVER) (?:GIVE (?:MY )?)?CONSENT\b(?! (?:TO|FOR) (?!(?:THIS"
            rf"|THESE|THEM|IT|ANY|YOUR|UR|BEING|RECEIVING|GETTING|{_MESSAGES})\b))",
        ),
        (
            "never-signed-up",
            rf"\b(?:DIDNT|DID NOT|NEVER) (?:GIVE|GAVE) (?:(?:YOU|U|YALL|ANYONE) )?(?:MY {_NUMBER}"
            r"|(?:MY )?PERMISSION|(?:MY )?CONSENT)\b",
        ),
        (
            "wrong-number",
            rf"^(?=.)(?!.*\b(?:MEANT (?:TO|FOR)|WAS FOR|SENT (?:IT |THIS |THAT )?TO THE WRONG)\b)"
            rf".*\bWRONG (?:{_NUMBER}|NO|PERSON|GUY|GIRL|LADY|MAN|CONTACT)\b"
            r"(?! (?:TEXTS?|CALLS?|GUY|GIRL|LADY|DUDE|PERSON|MESSAGES?|THING|AGAIN|TEXTED|CALLED)\b)"
            rf"|\b(?:NOT|ISNT|AINT) (?:MY|THE RIGHT|HIS|HER|THEIR) {_NUMBER}\b",
        ),
        (
            "wrong-number",
            r"\bNO (?:ONE|1|BODY) (?:BY|NAMED|CALLED|HERE BY) (?:THAT |THIS )?NAME\b"
            r"|\bNOBODY (?:BY THAT NAME|NAMED)\b"
            rf"|\bNO \w+ (?:AT|ON) THIS {_NUMBER}\b|\bNO ?BODY HERE (?:BY|NAMED|CALLED) (?:THAT|THIS) NAME\b"
            r"|\b(?:THIS PERSON|THEY|HE|SHE) (?:DOESNT|DOES NOT|DONT|NO LONGER) LIVES? HERE\b"
            r"|\b(?:THIS|MY) (?:PHONE |CELL )?NUMBER (?:BELONGS TO ME|IS MINE) NOW\b"
            r"|\bNOT WHO (?:YOU|U) THINK\b"
            r"|\b(?:THIS|MY) (?:PHONE |CELL )?NUMBER (?:NO LONGER|DOESNT|DOES NOT|DONT) BELONGS? TO\b"
            r"|\b(?:THIS|MY) (?:PHONE |CELL )?(?:NUMBER|PHONE|CELL) (?:IS NO LONGER|IS NOT|ISNT"
            r"|NO LONGER IS) "
            r"(?!(?:ALWAYS|THIS|AS|ITS|HIS|IS|WAS|US)\b)\w+S\b"
            r"|\b(?:NEW|THE) OWNER OF THIS (?:PHONE |CELL )?(?:NUMBER|PHONE)\b"
            r"|\bI (?:JUST )?GOT THIS NUMBER\b"
            r"|\b(?:THIS|IT) (?:NUMBER |PHONE )?(?:WAS|USED TO BE) (?:MY |A )?\w+S (?:PHONE |CELL )?"
            r"(?:NUMBER|PHONE|CELL)\b"
            r"|\bTHIS (?:NUMBER|PHONE|CELL) (?:IS )?NOW (?:BELONGS TO|MY \w+S)\b"
            r"|\bTHIS IS (?:NOW MY \w+S (?:PHONE|NUMBER|CELL)|MY \w+S (?:PHONE|NUMBER|CELL) NOW)\b"
            r"|\b(?:THIS|THAT) (?:IS NOT|ISNT|AINT) (?!(?:MY|YOUR|THE|A|AN|OUR)\b)\w+S (?:PHONE |CELL )?"
            r"NUMBER\b"
            r"|\bNOT THE RIGHT PERSON\b(?! (?:TO|FOR)\b)|\bNOT (?:WHO|THE PERSON) (?:YOU|U)(?:RE| ARE)? "
            r"(?:LOOKING|WANT|TRYING)\b|\bDONT KNOW THIS PERSON\b|\bDONT KNOW (?:ANYONE|ANYBODY) "
            r"(?:BY|NAMED|CALLED)\b",
        ),
        (
            "no-more-messages",
            rf"^NO MORE (?:OF )?(?:THESE|THEM|THIS|THOSE|YOUR (?:{_MESSAGES})){_POLITE_END}"
            rf"|\bNO MORE (?:\w+ )?(?:{_MESSAGES})\b(?! (?:AT (?!ALL\b)|IN|ON|THIS|NEXT|TODAY|TOMORROW"
            r"|TONIGHT|LEFT)\b)(?! FROM (?!(?:YOU|U|YALL|US|THIS|THESE|(?:YOUR|UR) (?:COMPANY"
            r"|STORE|SHOP|BUSINESS|TEAM|SERVICE|NUMBER))\b))|^NO (?:TEXTS|TXTS|MESSAGES|MSGS|SMS|ALERTS"
            rf"|NOTIFICATIONS|PROMOS|ADS|SPAM|(?:TEXTING|MESSAGING|CALLING)(?: ME| US)?){_POLITE_END}",
        ),
        (
            "do-not-text",
            rf"\b(?:DONT|DO NOT|NEVER|NOT)(?: EVER)? (?:{_EN_VERBS})"
            r"(?:$| ME| US| THIS| TO THIS| ANY| AGAIN| HERE| ANYMORE| ANYTHING)\b"
            + _EN_QUALIFIER
            + r"(?! (?:THE|A|AN|THAT|THOSE|HIS|HER|MY|YOUR) (?!(?:JUNK|CRAP|STUFF|SHIT|GARBAGE|TRASH|NONSENSE"
            + rf"|THINGS|{_MESSAGES})\b)\w+)",
        ),
        (
            "do-not-want",
            rf"\b(?:DONT|DO NOT|NO LONGER|DONT EVER|(?<=I )NOT|(?<=WE )NOT)"
            r" (?:WANTS?|WISH(?:ES)?|NEEDS?|LIKES?)\b.*"
            rf"\b(?:{_MESSAGES})\b"
            r"|\b(?:DONT|DO NOT|NEVER) (?:EVER )?(?:WANT|WISH) TO HEAR FROM (?:YOU|U|YALL|THIS NUMBER"
            r"|YOUR COMPANY)\b"
            r"|\b(?:NOT|NO LONGER) INTERESTED IN (?:(?:YOUR|UR|THESE|THE|ANY|MORE|RECEIVING"
            rf"|GETTING) )*(?:{_MESSAGES})\b"
            rf"|^(?:IM |I AM )?NO LONGER INTERESTED{_POLITE_END}"
            r"|\b(?:DONT|DO NOT) (?:WANT|WISH|NEED|LIKE) (?:TO (?:RECEIVE|GET|SEE) )?"
            r"(?:THESE|THEM|THIS|IT|ANY OF (?:THIS|THESE|THEM|IT))(?: \w+)? ANY ?MORE\b"
            r"|\b(?:DONT|DO NOT|NO LONGER) (?:WANT|WISH) TO BE (?:CONTACTED|TEXTED|MESSAGED|BOTHERED|SPAMMED"
            r"|CALLED|EMAILED|ON (?:THIS|YOUR|THE|ANY|UR) (?:\w+ )?LIST)\b"
            r"|\bNO LONGER (?:WANT|WISH) TO (?:RECEIVE|GET)\b"
            r"|\b(?:D|WOULD|ID) (?:RATHER NOT|PREFER NOT TO) (?:RECEIVE|GET|BE SENT) (?:THESE|THEM|THIS"
            rf"|ANY|YOUR|UR|ANYTHING|(?:{_MESSAGES}))\b"
            r"|^(?=.)(?:I |WE )?(?:DONT|DO NOT|REALLY DONT) WANT (?:THESE|THEM|ANY OF THESE|ANY OF THIS|YOUR"
            rf" (?:{_MESSAGES}))(?: (?:{_MESSAGES}))?{_POLITE_END}"
            r"|\b(?:I|WE) REFUSE TO (?:RECEIVE|GET|ACCEPT) (?:THESE|THEM|THIS|ANY|YOUR|UR)\b"
            r"|\b(?:WANT|WISH|LIKE|NEED|WANNA) TO STOP (?:RECEIVING|GETTING) (?:THESE|THEM|THIS|YOUR|UR|ANY"
            rf"|ALL|(?:{_MESSAGES}))\b"
            rf"|^(?:THIS IS |THESE ARE |ITS )?UNWANTED(?: (?:{_MESSAGES}))?{_POLITE_END}"
            r"|\bWANT NOTHING (?:MORE )?(?:TO DO )?WITH (?:YOU|U|YALL|YOUR|UR"
            r"|THIS (?:COMPANY|NUMBER|SERVICE))\b"
            r"|\b(?:DONT|DO NOT) (?:WANT|WISH) TO (?:RECEIVE|GET) (?:THESE|THEM|THIS|ANYTHING|(?:ANY|YOUR|UR)"
            rf"(?! (?!(?:MORE|CALLS|EMAILS|STUFF|JUNK|OF|{_MESSAGES})\b)\w+))\b",
        ),
        (
            "leave-me-alone",
            r"(?<!HED )(?<!SHED )(?<!THEYD )(?<!WOULD )(?<!WILL )(?<!ILL )(?<!TO )(?<!HE )(?<!SHE )(?<!THEY )"
            rf"\bLEAVE (?:ME|US|THIS {_NUMBER}|MY {_NUMBER}) (?:THE (?:HELL|HECK|F|FUCK|FRICK) )?"
            r"(?:ALONE|BE)\b"
            r"(?! (?:FOR|WHILE|UNTIL|TILL|TONIGHT|TODAY|DURING|WHEN|\d+)\b)"
            r"(?! (?:IM|I)\b(?! (?:SAID|TOLD|ASKED|ALREADY|DONT|DO NOT|NEVER|AM NOT|M NOT|MEAN IT)\b))"
            r"(?! WITH\b(?! (?:(?:YOUR|UR|THESE|THOSE|THE|ALL|ALL THE|ALL YOUR"
            rf"|ALL THESE) )?(?:\w+ ){{0,2}}(?:{_MESSAGES})\b))",
        ),
        (
            "enough",
            rf"\bENOUGH (?:WITH )?(?:THE |YOUR |THESE |ALL THE )?(?:{_MESSAGES})\b",
        ),
        ("enough", rf"^(?=ENOUGH\b)ENOUGH(?: ALREADY)?{_POLITE_END}"),
        (
            "fed-up",
            r"^(?=[A-Z])(?:KNOCK IT OFF|CUT IT OUT|GIVE IT A REST|BUZZ OFF|GET LOST|PISS OFF|BACK OFF"
            r"|BUG OFF|SCREW OFF"
            rf"|BUGGER OFF|SOD OFF)(?: WITH (?:THE |THESE |YOUR |UR |ALL THE )?(?:{_MESSAGES}))?{_POLITE_END}"
            r"|\b\w+ OFF WITH (?:THE |THESE |YOUR |UR |ALL THE |ALL THESE |ALL YOUR |YALLS )?"
            rf"(?:{_MESSAGES})\b"
            rf"|\b(?:IM|I AM|IVE BEEN) (?:DONE|FINISHED|THROUGH|SICK|TIRED|FED UP) (?:WITH|OF) "
            rf"(?:THE |THESE |YOUR |UR |ALL THE |ALL THESE |ALL YOUR )?(?:{_MESSAGES})\b(?! (?:ON|IN|AT)\b)",
        ),
        (
            "cease",
            rf"\b(?:CEASE|DISCONTINUE(?= SENDING))(?: AND DESIST)?(?: (?:{_MESSAGES})| SENDING| CONTACTING"
            rf"| ALL| CONTACT"
            r"| COMMUNICATIONS?|$)"
            rf"|^DESIST{_POLITE_END}",
        ),
        (
            "stop-messages",
            r"^(?:PLEASE )?(?:DISCONTINUE|DEACTIVATE)(?: (?:THIS|IT|ALL|SERVICE|THE SERVICE)){0,1}"
            + _POLITE_END
            + rf"|^HALT(?: (?:IT|THIS|ALL|THESE|EVERYTHING))?{_POLITE_END}"
            + r"|\b(?:HALT|PAUSE|SUSPEND|DISCONTINUE|TERMINATE|DISABLE|DEACTIVATE|TURN OFF)(?: ALL)?(?: THE"
            r"| THESE"
            r"| YOUR| UR"
            r"| MY)?"
            rf" (?:{_MESSAGES})\b",
        ),
        (
            "opt-me-out",
            rf"\bOPT (?:ME|US) OUT\b|\bOPTING (?:ME |US )?OUT\b{_NOT_OF_ELSEWHERE}|\bUN SUB\w*"
            rf"|^(?:\w+ )?OP (?:ME |US )?OUT{_POLITE_END}|\bOP (?:ME|US) OUT\b",
        ),
        (
            "make-it-stop",
            rf"^(?=.)(?:\w+ )?(?:MAKE|GET) (?:IT|THEM|THESE|THIS|THE (?:{_MESSAGES})|THESE (?:{_MESSAGES}))"
            rf" (?:TO )?STOP{_POLITE_END}"
            r"|\bHOW (?:DO|CAN|COULD|DOES) (?:I|WE|ONE) (?:GET|MAKE) (?:THESE|THEM|THIS|IT|YOU|U|YALL"
            rf"|(?:THE|THESE|YOUR|UR) (?:{_MESSAGES})) (?:TO )?STOP\b(?! \w+ING\b| (?:AT|BY|IN|FOR|ON)\b)",
        ),
        (
            "block-or-report",
            rf"\bBLOCKING (?:YOU|U|YALL|THIS|THIS {_NUMBER}|YOUR {_NUMBER})\b"
            r"|\bREPORT\w* (?:YOU|U|YALL|THIS|IT|THIS NUMBER)? ?(?:AS|FOR) SPAM\b"
            rf"|\bREPORT\w*(?: (?:YOU|U|YALL|THIS|IT|THIS {_NUMBER}|YOUR COMPANY))? TO (?:THE )?"
            r"(?:FCC|FTC|BBB|CFPB|ATTORNEY GENERAL|AUTHORITIES|CARRIER)\b"
            r"|\b(?:FILE|FILING|FILED|MAKE|MAKING|SUBMIT)\w* A (?:COMPLAINT|REPORT) (?:WITH|TO) (?:THE )?"
            r"(?:FCC|FTC|BBB|CFPB|ATTORNEY GENERAL)\b",
        ),
        (
            "block-or-report",
            r"^(?=.*\bIF (?:YOU|U|YALL|I GET|I RECEIVE|I SEE|THIS|THESE|THEY)\b)"
            r".*\b(?:WILL|ILL|GONNA|GOING TO) (?:REPORT|SUE) (?:YOU|U|YALL|THIS|YOUR)\b"
            rf"|^(?=.*\bONE MORE (?:{_MESSAGES}|TIME)\b).*\b(?:I|ILL|I WILL|IM GOING TO|IM GONNA)"
            r" (?:REPORT|SUE|BLOCK)\b",
        ),
        (
            "last-one",
            rf"^(?=.*\b(?:{_MESSAGES})\b).*\b(?:MAKE|LET) (?:IT|THIS|THAT) (?:BE )?(?:THE"
            r"|YOUR) LAST(?: ONE)?\b"
            rf"|\b(?:MAKE|LET) (?:IT|THIS|THAT) (?:BE )?(?:THE|YOUR) LAST (?:{_MESSAGES})\b"
            r"|\bTHIS (?:HAD )?BETTER BE THE LAST\b",
        ),
        (
            "pestering",
            r"\b(?:STOP|QUIT) \w+ING (?:ME|US) WITH (?:YOUR|UR|THESE|THE|ALL|THOSE|THIS) (?:\w+ )?"
            rf"(?:{_MESSAGES})\b",
        ),
        (
            "has-to-stop",
            rf"^(?=.*\b(?:{_MESSAGES})\b).*\b(?:THIS|IT|THESE|THEY|THIS SPAM|THIS CRAP) (?:HAS|HAVE|NEEDS?"
            r"|GOTTA|GOT|MUST)(?: TO)? STOP\b(?! (?:\w+ING|AT|BY|IN|FOR|ON)\b)",
        ),
        (
            "their-line",
            rf"^(?=.*{_EN_THEIR_LINE}).*\b(?:DONT|DO NOT|NEVER|STOP|QUIT)(?: EVER)? (?:{_EN_VERBS}|TEXTING"
            rf"|TXTING|MESSAGING|CONTACTING|CALLING|SENDING|EMAILING|BOTHERING)(?: (?:ANY "
            rf"|MORE )?(?:{_MESSAGES}))?"
            r" (?:TO )?(?:HIM|HER|THEM|MY (?!(?:PHONE|NUMBER|CELL|LINE)\b)\w+)\b" + _EN_QUALIFIER,
        ),
        (
            "stop-misspelt",
            r"\b(?:STP|ST OP|S TOP|STO P|SOTP) (?:TEXTING|TXTING|TEXTIN|TXTIN|MESSAGING|MSGING|SENDING"
            r"|CONTACTING|SPAMMING|(?:THE|THESE|UR|YOUR|ALL|ALL THE|ALL THESE) "
            rf"(?:{_MESSAGES}))\b" + _EN_QUALIFIER,
        ),
        (
            "off-the-list",
            r"\b(?:REMOVE|DELETE|ERASE|TAKE|DROP|GET)\b.*\b(?:FROM|OFF|OUT OF|(?<= GET ME )OUT)"
            r" (?:THE|THIS|YOUR|UR|THAT|ALL"
            r"|YALLS) (?:\w+ ){0,2}(?:(?:TEXT|TEXTING|SMS|MESSAGE|MESSAGING|ALERT) (?:LISTS?|TREE|CHAIN|BLAST"
            r"|LOOP|GROUP|THREAD)|(?:GROUP|LISTS?) (?:TEXTS?|MESSAGES?|SMS|ALERTS?))\b",
        ),
        (
            "another-channel",
            r"\b(?:NOT|NEVER|NO LONGER) (?:BY|VIA|THROUGH|OVER|THRU) (?:TEXTS?|TXTS?|SMS|TEXT MESSAGES?"
            r"|TEXTING)\b"
            r"|\b(?:ONLY|JUST) (?:BY |VIA )?(?:E ?MAIL|CALLS?|PHONE CALLS?|MAIL|LETTERS?)\b.*\bNO (?:MORE )?"
            r"(?:TEXTS|TXTS|SMS|TEXT MESSAGES)\b",
        ),
        (
            "not-interested",
            rf"^(?=NOT INTERESTED\b)NOT INTERESTED(?: THANKS| THX)? (?:BYE|GOODBYE|BYE BYE){_POLITE_END}",
        ),
        (
            "do-not-want",
            rf"\b(?:I|WE) NO (?:WANT|NEED|LIKE) (?:ANY ?MORE |MORE |ANY |YOUR |THESE )?(?:{_MESSAGES})\b"
            rf"|\b(?:{_MESSAGES}) (?:DONT|DO NOT|NO LONGER) INTEREST (?:ME|US)\b",
        ),
        ("fed-up", rf"^(?:CAN|COULD) (?:YOU|U|YALL) NOT{_POLITE_END}"),
        (
            "do-not-text",
            r"\b(?:REFRAIN|ABSTAIN) FROM (?:TEXTING|TXTING|MESSAGING|CONTACTING|CALLING|SENDING|EMAILING"
            r"|SPAMMING|BOTHERING)\b(?! (?:WHILE|WHEN|AFTER|BEFORE|DURING|AT|SO|UNTIL|LATE|EARLY|ON)\b)",
        ),
        (
            "remove-me",
            rf"^(?:PLEASE )?(?:REMOVE|DELETE|DROP) (?:FROM|OFF) (?:THE |YOUR |UR |THIS |ALL )?(?:DISTRIBUTION"
            rf"|(?:\w+ )?{_LIST}){_POLITE_END}"
            r"|\b(?:DONT|DO NOT|STOP|QUIT|NO LONGER) (?:INCLUDE|INCLUDING|ADD|ADDING) (?:ME|US) (?:IN|ON|TO)"
            rf" (?:YOUR|UR|THESE|ANY|ALL|FUTURE) (?:\w+ )?(?:{_LIST}|{_MESSAGES}|MAILINGS?|BLASTS?)\b",
        ),
        ("stop-misspelt", r"^(?=STOP \d)STOP \d{1,3}$"),
        (
            "their-line",
            rf"^(?=.*\bMY {_KIN}\b).*\b(?:REMOVE|DELETE|ERASE) (?:HER|HIS|THEIR) (?:{_NUMBER}|PHONE|CELL)\b"
            r"|\b(?:STOP|QUIT|DONT|DO NOT|NEVER)(?: EVER)? (?:TEXTING|TXTING|MESSAGING|CALLING|CONTACTING"
            r"|TEXT"
            r"|MESSAGE|CALL|CONTACT) (?:HIS|HER|THEIR) (?:PHONE|NUMBER|CELL|LINE)\b" + _EN_QUALIFIER,
        ),
        (
            "block-or-report",
            r"^(?=.*\b(?:SPAM|STOP OR|IF (?:YOU|U|YALL|THIS|THESE|I GET)|ONE MORE)\b).*\bREPORT\w* (?:(?:YOU"
            r"|U"
            r"|YALL|THIS|IT|THEM|THIS NUMBER) )?TO (?:MY|THE) (?:CARRIER|PHONE COMPANY|PROVIDER)\b",
        ),
        ("another-channel", r"\bNO MORE (?:\w+ ){1,3}(?:BY|VIA|THROUGH|OVER) (?:TEXTS?|TXTS?|SMS)\b"),
        ("remove-number", r"\b(?:LOSE|DELETE|ERASE|FORGET) MY DIGITS\b"),
        ("not-interested", rf"^(?=NO\b)NO (?:THANKS|THANK YOU|THX|TY) (?:BYE|GOODBYE)(?: BYE)?{_POLITE_END}"),
        ("do-not-text", r"\b(?:STOP|QUIT|DONT|DO NOT|NEVER) (?:HITTING|HIT) (?:ME|US) UP\b"),
        (
            "wrong-number",
            rf"\b(?:HE|SHE|THEY) (?:DOESNT|DOES NOT|DONT|NO LONGER) (?:USE|USES|HAVE|HAS) THIS {_NUMBER}\b",
        ),
        (
            "another-channel",
            r"\b(?:EMAIL|CALL|MAIL|WRITE) (?:ME|US) (?:INSTEAD OF|RATHER THAN) (?:TEXTING|TEXTS?|SMS)\b"
            r"|\b(?:VIOLATING|VIOLATION OF) (?:THE )?TCPA\b",
        ),
        (
            "do-not-text",
            rf"\b(?:DONT|DO NOT|NEVER) (?:EVER )?SEND (?:ANY |MORE |YOUR |UR |THESE )?(?:{_MESSAGES})\b"
            r"(?! (?:TO (?!(?:THIS|ME|US|MY)\b)|AFTER|BEFORE|DURING|WHILE|AT|ON|IN)\b)",
        ),
        (
            "do-not-text",
            rf"\bNO (?:{_EN_VERBS}) (?:ME|US)\b(?! BACK\b)" + _EN_QUALIFIER,
        ),
        (
            "how-to-stop",
            r"\b(?:HOW (?:DO|CAN|COULD|SHOULD|DOES) (?:I|WE|ONE)|HOW TO|(?:IS THERE|ANY) (?:A "
            r"|ANY )?WAY (?:TO|I CAN"
            r"|WE CAN)|WHAT DO I (?:DO|HAVE TO DO|NEED TO DO) TO) (?:STOP|QUIT|END) (?:GETTING|RECEIVING)"
            rf"(?: (?:ALL )?(?:THESE|THIS|THOSE|YOUR|UR|THE|ANY|MORE))?(?:(?: \w+)? (?:{_MESSAGES})\b"
            r"| (?:THESE|THIS|THEM|THOSE)(?: ANY ?MORE)?$|(?: THEM)?$)",
        ),
        (
            "no-need",
            rf"\bNO (?:(?:MORE |LONGER (?:ANY )?){_NEED_TO} (?:KEEP )?(?:{_SENDING}) (?:ME|US)\b(?! BACK\b)"
            rf"|{_NEED_TO} (?:(?:KEEP|CONTINUE) (?:{_SENDING}) (?:ME|US)\b"
            rf"|(?:{_SENDING}) (?:ME|US)(?: ANY ?MORE| AGAIN)\b))" + _EN_QUALIFIER,
        ),
        (
            "stop-messages",
            rf"\bTURN (?:(?:THESE|THIS|THOSE|THE|YOUR|UR|ALL) )+(?:\w+ )?(?:{_MESSAGES}) OFF\b"
            rf"|^(?=.*\b(?:{_MESSAGES})\b).*\b(?:TURN|SHUT) (?:THEM|THESE) OFF\b"
            r"|(?:^|\bPLEASE|\b(?:CAN|COULD) (?:YOU|U)) (?:STOP|END|CANCEL) (?:THE|THESE|YOUR|UR"
            r"|ALL THE|ALL)"
            rf" (?:\w+ ){{1,3}}(?:{_MESSAGES})\b|\b(?:STOP|ENOUGH|QUIT) WITH (?:THE|THESE|THOSE|YOUR|UR|ALL"
            rf"|ALL THE|ALL THESE|ALL YOUR) (?:\w+ ){{0,2}}(?:{_MESSAGES})\b",
        ),
        (
            "withdraw-consent",
            r"\b(?:WITHDRAW|WITHDRAWING|RETRACT|RESCIND|REVOKE|REVOKING) (?:MY |ALL |ANY |THE "
            r"|OUR )?(?:PERMISSION"
            rf"|AUTHORIZATION|AUTHORISATION)\b{_NOT_FOR_SOMETHING_ELSE}"
            rf"|\b(?:YOU|U|YALL) (?:DONT|DO NOT) HAVE (?:MY|OUR) (?:PERMISSION|CONSENT) TO (?:{_EN_VERBS})\b",
        ),
        (
            "do-not-want",
            rf"\b(?:ID|I WOULD|WED|WE WOULD) RATHER NOT (?:GET|RECEIVE|HAVE) (?:(?:\w+ ){{0,4}}?(?:BY|VIA) "
            rf"(?:TEXTS?|TXTS?|SMS)\b|(?:ANY ?MORE |THESE |THE |YOUR |UR )?(?:\w+ )?(?:{_MESSAGES})\b)"
            rf"|\b(?:YOUR|UR|THESE|THE|ALL) (?:\w+ )?(?:{_MESSAGES}) (?:ARE|IS) (?:NOT|NO LONGER) (?:WELCOME"
            r"|WANTED)\b|\b(?:NOT|DONT|DO NOT) (?:TRYNA|TRYING TO|WANNA|WANT TO) HEAR FROM (?:YOU|U|YALL)"
            r" (?:NO|ANY) ?MORE\b",
        ),
        ("remove-number", rf"\bFORGET (?:YOU|U|YALL) (?:EVER )?(?:HAD|GOT|HAVE) (?:MY|THIS) {_NUMBER}\b"),
        (
            "do-not-want",
            r"\bNO MORE (?:\w+ )?SURVEYS\b|\b(?:DONT|DO NOT) WANT (?:ANY )?MORE (?:\w+ )?SURVEYS\b",
        ),
        (
            "how-to-stop",
            r"\b(?:SO|SO THAT|TO MAKE SURE) (?:I|WE) (?:STOP|QUIT|NO LONGER) (?:GETTING|RECEIVING)"
            r" (?:(?:THESE|THIS|THEM|THOSE)$|(?:THESE |THOSE |YOUR |UR |ANY "
            rf"|THE )?(?:\w+ )?(?:{_MESSAGES})\b)"
            rf"|\bHOW (?:DO|CAN|COULD) (?:I|WE) GET OFF (?:(?:THIS|IT)$|(?:THIS|THESE|YOUR|UR|THE) (?:\w+ )?"
            rf"(?:THING|STUFF|{_LIST}|{_MESSAGES})\b)",
        ),
        (
            "remove-me",
            r"\bUNSUBSCRIBE (?:ME|US) FROM (?:WHATEVER|ALL OF THIS|ALL THIS|EVERYTHING)\b"
            rf"|\b(?:I|WE) (?:WANT|WANNA|NEED) (?:TO (?:GET|BE) )?OFF(?: (?:THIS|THESE|YOUR|UR|THE) (?:\w+ )?"
            rf"(?:THING|{_LIST}|{_MESSAGES}))?{_POLITE_END}",
        ),
        (
            "their-line",
            rf"\b(?:STOP|QUIT|DONT|DO NOT|NEVER) (?:SENDING|SEND|TEXTING) (?:THEM|THESE|THOSE|(?:YOUR|UR|HIS"
            rf"|HER|THEIR|THE|ALL) (?:\w+ ){{0,2}}?(?:{_MESSAGES})) TO (?:ME|US|IT|(?:THIS"
            rf"|MY) (?:PHONE|{_NUMBER}"
            rf"|CELL|LINE))\b",
        ),
        (
            "their-line",
            rf"^(?=.*\b(?:{_GONE})\b).*\b(?:STOP|QUIT|DONT|DO NOT|NEVER) (?:SENDING|SEND|TEXTING|TEXT"
            r"|MESSAGING"
            r"|CONTACTING|CALLING) (?:HIM|HER|THEM)\b|\b(?:TAKE|REMOVE|GET) (?:HIM|HER|THEM) OFF\b",
        ),
        (
            "make-it-stop",
            rf"^(?=.*\b(?:{_MESSAGES}|TEXTING|MESSAGING)\b).*\b(?:MAKE|GET|WANT) (?:IT|THEM|THESE|THIS)"
            r" (?:TO )?STOP\b(?! \w+ING)",
        ),
        (
            "block-or-report",
            r"\bKEEP IT UP (?:AND|N) (?:I WILL|ILL|IM GONNA|IM GOING TO|WE WILL|WELL) (?:REPORT|BLOCK)\w*\b",
        ),
        (
            "not-interested",
            r"^(?=.)(?:(?:NO|NOPE|NAH) (?:THANKS )?)?(?:IM |I AM |WE ARE |WERE |I )?NOT (?:REALLY )?"
            r"INTEREST(?:ED)?(?: (?:THANKS|BYE|GOODBYE))*" + _POLITE_END,
        ),
        (
            "block-or-report",
            r"^(?=.)(?:(?:YOURE|UR|NUMBER) )?(?:BLOCKED|BLOCKING (?:YOU|U|YALL)"
            r"|(?:I|IVE) (?:JUST |ALREADY |HAVE )?BLOCKED (?:YOU|U|YALL|THIS NUMBER|YOUR NUMBER))"
            r"(?: (?:BYE|GOODBYE))*" + _POLITE_END,
        ),
        (
            "pestering",
            rf"\b(?:STOP|QUIT|ENOUGH) (?:WITH|W) (?:THE |ALL |THESE |THOSE |YOUR "
            rf"|UR )+(?:\w+ ){{0,3}}(?:{_MESSAGES})\b",
        ),
        (
            "how-to-stop",
            r"\b(?:HOW|POSSIBLE|WAY|ASK\w*|PREFER|TYPE|SAY|REPLY|WRITE|DO)(?: \w+){0,5}? TO NOT "
            r"(?:GET|RECEIVE|BE SENT) (?:(?:ANY |MORE |FURTHER |ALL )*(?:(?:THESE|THIS|THOSE|YOUR|UR|THE) )?"
            rf"(?:\w+ )?(?:{_MESSAGES})\b|(?:THESE|THIS|THEM|THOSE)(?: ANY ?MORE)?$)",
        ),
        (
            "make-it-stop",
            rf"\bMAKE (?:THIS|THESE|THEM|IT|THE|YOUR|UR|THOSE)(?: (?:{_MESSAGES}))? (?:NOT (?:COME|SEND"
            r"|ARRIVE)|STOP (?:COMING|ARRIVING))\b",
        ),
        (
            "their-line",
            rf"^(?=.*\b(?:CAREGIVER|CARER|GUARDIAN|MR|MRS|MS|MY {_KIN})\b).*\b(?:DONT|DO NOT|PLEASE|STOP"
            r"|NEVER)"
            rf"(?: EVER)? (?:{_EN_VERBS}|TEXTING|MESSAGING|CONTACTING|SENDING) (?:HIM|HER|THEM)(?: ANY ?MORE"
            rf"| AGAIN)?{_POLITE_END}"
            rf"|\b(?:SHE|HE|THEY|MY {_KIN}) (?:DOESNT|DOES NOT|DONT|DO NOT|NO LONGER) (?:WANT|NEED) (?:THE "
            rf"|THESE |YOUR |UR |ANY |MORE )*(?:\w+ )?(?:{_MESSAGES})\b(?! FROM (?!(?:YOU|U|YALL|YOUR)\b))"
            r"|\b(?:STOP|DONT|DO NOT|NO MORE) (?:SENDING|SEND|TEXTING) (?:THEM|THESE|MESSAGES"
            r"|TEXTS) TO (?:HER|HIS|THEIR|THIS) (?:NUMBER|PHONE|CELL)\b",
        ),
        (
            "remove-me",
            r"\bBE (?:REMOVED|TAKEN OFF|DELETED) (?:FROM|OF) (?:YOUR|UR|THE|THIS|ALL"
            r"|ANY) "
            rf"{_OTHER_LISTS}(?:\w+ )?(?:{_MESSAGES}|{_LIST}|MESSAGING|TEXTING)\b"
            rf"|\b(?:GET|BE) (?:TAKEN|REMOVED) OFF (?:THIS|THESE|IT|THEM)(?: LIST)?{_POLITE_END}",
        ),
        (
            "no-need",
            rf"\bNO (?:MORE |LONGER (?:ANY )?)?{_NEED_TO} (?:KEEP )?(?:{_SENDING}) (?:THIS|MY) (?:{_NUMBER}"
            r"|PHONE|CELL|LINE)\b" + _EN_QUALIFIER,
        ),
        (
            "do-not-text",
            r"\b(?:PLEASE|PLS|PLZ|JUST) (?:JUST )?(?:NOT|NO) (?:SEND|TEXT|MESSAGE|CONTACT"
            r"|CALL)(?: (?:TO )?(?:ME"
            rf"|US))?(?: (?:THESE|THIS|THEM|ANY|MORE|(?:{_MESSAGES}))(?: \w+)?)? (?:ANY ?MORE|AGAIN)\b"
            rf"|\bNO (?:MORE )?(?:{_MESSAGES}) (?:TO|ON|FOR) (?:MY|THIS) (?:{_NUMBER}|PHONE|CELL|LINE)\b",
        ),
        (
            "do-not-want",
            rf"\b(?:DONT|DO NOT|NO LONGER|WONT|WILL NOT) ACCEPT (?:ANY |YOUR |UR |THESE |MORE )*(?:\w+ )?"
            rf"(?:{_MESSAGES})\b"
            r"|\b(?:I|WE) (?:NO|NOT) (?:WANT|WANNA|NEED|LIKE) (?:TO )?(?:RECEIVE|GET|HAVE)(?: (?:ANY ?MORE"
            r"|MORE"
            rf"|ANY|YOUR|THESE|THIS|THE))*(?: \w+)?(?: (?:{_MESSAGES})\b| ANY ?MORE\b|$)"
            rf"|\b(?:DONT|DO NOT|NO LONGER) (?:WANT|WISH) TO BE (?:A )?PART OF (?:THIS|YOUR|UR|THE"
            r"|THESE) (?:\w+ )?"
            rf"(?:{_LIST}|{_MESSAGES})\b",
        ),
        (
            "remove-number",
            rf"^(?:PLEASE )?TAKE (?:OUT|OFF) (?:MY|THIS) (?:{_NUMBER}|PHONE|CELL){_POLITE_END}",
        ),
        ("too-many-texts", _too_many(r"HARASS\w*|ENOUGH|SPAM\w*", "SINCE|TODAY|A DAY|PER DAY")),
        (
            "too-many-texts",
            r"^(?=.*\b(?:ENOUGH|HARASS\w*)\b).*\b(?:YOUVE|YOU HAVE|YOU|U|YALL) (?:TEXTED|MESSAGED|SPAMMED)"
            r" (?:ME|US) (?:EVER SINCE|NONSTOP|EVERY DAY|DAILY)\b"
            r"|\b(?:FILLING|FLOODING|CLOGGING) (?:UP )?MY (?:INBOX|PHONE) WITH\b",
        ),
        (
            "block-or-report",
            r"^(?!.*\b(?:LOL|LMAO|HAHA\w*)\b).*\b(?:ILL|I WILL|GOING TO|GONNA|IM|WELL)"
            r" (?:BLOCK|REPORT)(?:ING)? (?:YOU|U|YALL|THIS|YOUR NUMBER)\b"
            r"(?! (?:TO|FROM)\b)"
            r"|\b(?:REPORTED|BLOCKED) (?:YOU |U |YALL |THIS (?:NUMBER )?)?AS (?:JUNK|SPAM)\b",
        ),
        ("do-not-call", r"\b(?:DO NOT|DONT|NO) (?:CALL|CONTACT|TEXT) (?:LIST|REGISTRY|REGISTER)\b"),
        (
            "do-not-use-number",
            rf"\b(?:DONT|DO NOT|NEVER|STOP) (?:USE|USING) (?:THIS|MY|OUR) (?:{_NUMBER}|CELL"
            rf"|LINE) FOR (?:\w+ )?"
            rf"(?:ADVERTISING|SALES|SOLICITATIONS?|CAMPAIGNS?|FUNDRAISING|{_MESSAGES})\b",
        ),
        (
            "do-not-text",
            rf"\b(?:DONT|DO NOT|NEVER) SEND (?:\w+ ){{0,3}}TO (?:THIS|MY) (?:{_NUMBER}|PHONE|CELL|LINE)\b"
            rf"|\b(?:DONT|DO NOT) SEND (?:ANY ?)?MORE(?: OF (?:THESE|THEM))?{_POLITE_END}"
            rf"|\bNO MORE OF (?:THESE|THOSE|THEM){_POLITE_END}"
            r"|\b(?:YOU|U|YALL) NOT TO (?:TEXT|MESSAGE|CONTACT|CALL|EMAIL) (?:ME|US)(?: ON THIS \w+)?\b"
            + _EN_QUALIFIER
            + r"|\b(?:REQUEST|WISH|ASK|ASKED|PREFER|WANT) (?:TO )?NOT (?:TO )?BE (?:CONTACTED|TEXTED"
            r"|MESSAGED)\b",
        ),
        (
            "no-need",
            rf"\bNO (?:\w+ )?(?:REASON|POINT) (?:TO|IN) (?:KEEP )?(?:{_SENDING}) (?:ME|US|THIS (?:HOUSEHOLD"
            r"|HOUSE|NUMBER|PHONE))\b(?! BACK\b)"
            + _EN_QUALIFIER
            + rf"|\bNO (?:NEED|USE) FOR (?:THESE|THEM|THOSE) ANY ?MORE{_POLITE_END}"
            rf"|\bNO (?:NEED|USE) FOR (?:THE |YOUR |UR |THESE )?(?:PROMO CODES|CODES|COUPONS|{_MESSAGES})\b",
        ),
        (
            "remove-me",
            rf"\b(?:WANT|GET|TAKE|PUT) (?:IT|ME|US|MY {_NUMBER}) OUT OF (?:YOUR|UR|THE) {_LIST}\b",
        ),
        ("remove-me", rf"^(?=.*\b{_LIST}\b).*\bGET (?:ME|US) OFF (?:IT|THAT|THERE)\b"),
        (
            "last-text",
            r"\bLAST (?:TEXT|TXT|MESSAGE|MSG|SMS) (?:I|WE) (?:EVER )?(?:WANT|WISH|NEED) (?:TO )?(?:GET"
            r"|RECEIVE|SEE)\b",
        ),
        ("last-text", rf"{_SO_TOO}(?:THE |YOUR |UR )?(?:{_MESSAGES}) (?:CAN GO|TOO|AS WELL)\b"),
        (
            "no-more-texts",
            rf"\bNO MORE (?:{_MESSAGES}) FROM (?:YOUR|UR|THE|THIS) (?:\w+ ){{1,4}}(?:PLEASE|PLS|THANKS)\b"
            r"|\bNO (?:MORE |FURTHER )?CONTACT (?:ON|AT|TO|VIA) (?:THIS|MY) (?:LINE|NUMBER|PHONE|CELL)\b"
            rf"|\b(?:STOP|QUIT) (?:WITH|SENDING (?:ME|US)) (?:THE|YOUR|UR|THESE|ALL THE"
            rf"|ALL THIS) (?:\w+ ){{0,3}}"
            rf"(?:STUFF|OFFERS|CRAP|JUNK|SPAM|PITCHES|SOLICITATIONS|{_MESSAGES})\b"
            rf"|\b(?:LIKE|WANT|NEED) (?:THESE|THESE (?:{_MESSAGES})|YOUR (?:{_MESSAGES})) TO (?:END|STOP)\b"
            rf"|\bSTOP (?:THE|YOUR|UR|THESE|ALL THE) (?:\w+ ){{1,3}}(?:TEXTS|TXTS|MESSAGES|ALERTS|PROMOS)\b"
            rf"|\b(?:STOP|QUIT|DONT|DO NOT) (?:TEXTING|MESSAGING|CALLING|CONTACTING) MY {_KIN}S (?:PHONE"
            rf"|NUMBER|CELL)\b",
        ),
        (
            "said-no",
            rf"^(?=.*\b(?:SAID|TOLD (?:YOU|U)) NO\b).*\bWHY (?:ARE|DO) (?:YOU|U) (?:STILL"
            rf"|KEEP) (?:{_EN_VERBS})\w*"
            r"\b(?! (?:HIM|HER|MY)\b)",
        ),
        (
            "formal-request",
            rf"\bIF (?:YOU|U) (?:WOULD|COULD) (?:NO LONGER|NOT|STOP) (?:{_EN_VERBS})\w* (?:ME|US)\b",
        ),
        ("object", rf"\bOBJECT TO (?:\w+ ){{0,3}}(?:{_MESSAGES})\b"),
        ("no-more-messages", rf"\bNOMORE (?:{_MESSAGES})\b"),
        (
            "do-not-use-number",
            rf"\b(?:DO NOT|DONT) (?:{_EN_VERBS}) (?:ME|US) (?:ON|AT) (?:THIS|MY) (?:{_NUMBER}|PHONE)\b"
            r"(?! (?:AFTER|BEFORE|UNTIL)\b)",
        ),
        (
            "done-getting",
            rf"\bIM DONE (?:GETTING|RECEIVING) (?:THESE{_POLITE_END}|(?:YOUR"
            rf"|ALL) (?:\w+ )?(?:{_MESSAGES})\b)",
        ),
        (
            "how-to-stop",
            r"\b(?:WAY|HOW|REPLY|RESPOND|SAY|TYPE|TEXT|SEND|PRESS) TO (?:STOP|END) "
            r"(?:(?:GETTING|RECEIVING) (?:THEM|THIS|ALL THIS|ALL THESE)|(?:(?:GETTING|RECEIVING) )?"
            rf"(?:{_THESE_MESSAGES}|(?:THE |YOUR |ALL )?(?:{_MESSAGES})))\b{_NOT_FROM_ELSEWHERE}",
        ),
        (
            "fed-up",
            r"\b(?:CHILL|HUSH|EASE UP|LAY OFF|LET UP|GIVE IT A REST|BACK OFF|KNOCK IT OFF) (?:(?:WITH|ON) )?"
            rf"(?:THE |YOUR |ALL THE |ALL THESE |THESE |THOSE |ALL )?(?:{_MESSAGES}|STUFF)\b",
        ),
        (
            "never-signed-up",
            r"\b(?:IM NOT|I AM NOT|NEVER BEEN|NEVER WAS|WAS NEVER) (?:YOUR|A) "
            rf"(?:CUSTOMER|CLIENT|PATIENT|MEMBER)S?(?: OF (?:YOURS|YALLS)| ANYMORE)?{_POLITE_END}",
        ),
        ("block-or-report", rf"^(?=.)(?:NUMBER )?BLOCKED NEVER AGAIN{_POLITE_END}"),
        (
            "do-not-want",
            r"\b(?:IM|I AM|WERE|WE ARE) (?:GOOD|STRAIGHT|FINE) (?:ON|WITHOUT) "
            rf"(?:THE |THESE |YOUR |ALL THE |ANY )?(?:TEXTS|TXTS|MESSAGES|MSGS){_POLITE_END}",
        ),
        ("enough", r"^(?=.)NO MORE(?: PLEASE| PLS)*(?: IM| I AM)? (?:BEGGING|PLEADING|IMPLORING)\b"),
        ("fed-up", rf"\bGET OUT OF HERE WITH (?:THESE|YOUR|ALL THESE|ALL YOUR) (?:{_MESSAGES})\b"),
        (
            "never-signed-up",
            r"\b(?:AINT )?NOBODY (?:SIGN|SIGNED|ASK|ASKED) (?:UP )?FOR (?:THIS|THESE|YOUR|UR|YALLS)\b",
        ),
        (
            "block-or-report",
            r"\b(?:FIXING|FIXIN|FINNA|BOUT|ABOUT|GONNA|GOING) (?:TO )?BLOCK "
            r"(?:YALL|YALLS NUMBER|THIS NUMBER)\b"
            r"|\b(?:DONT|DO NOT|NEVER) (?:HIT|BLOW UP) (?:MY|THIS) (?:LINE|PHONE|CELL)\b"
            r"(?! (?:TONIGHT|TODAY|AT|WHEN|WHILE)\b)",
        ),
        (
            "their-line",
            rf"^(?=.*\b(?:{_THESE_MESSAGES}|HER PHONE|HIS PHONE|THIS (?:NUMBER|PHONE))\b)"
            rf".*\b(?:STOP|QUIT) (?:TEXTING|MESSAGING|CONTACTING|CALLING) MY {_KIN}\b",
        ),
        (
            "do-not-send",
            r"\b(?:(?:YOU|U|YALL) (?:SHOULDNT|SHOULD NOT|HAVE NO RIGHT TO|(?:ARENT|ARE NOT) SUPPOSED TO)"
            rf"|YOURE NOT SUPPOSED TO) (?:BE )?(?:{_EN_VERBS})\w* (?:ME|US|THIS NUMBER)\b{_EN_QUALIFIER}",
        ),
        (
            "not-interested",
            r"^(?=.)NOT INTERESTED(?= (?:THANKS )?(?:(?:I|WE) (?:ALREADY|RENT|OWN|HAVE|GOT|DONT|NO LONGER)"
            r"|(?:IM|WERE|I AM|WE ARE) (?:STAYING|RENTING|ALREADY|HAPPY|ALL SET|RETIRED|NOT)|ALREADY)\b)",
        ),
        (
            "never-signed-up",
            r"\b(?:IM|I AM|WERE|WE ARE) (?:NOT|NO LONGER|NEVER BEEN) (?:A |YOUR |UR )?(?:CUSTOMER|CLIENT)S?"
            r"\b(?! (?:OF|AT|SERVICE)\b)",
        ),
        ("no-need", r"\b(?:NO LONGER|DONT|DO NOT) NEED (?:YOUR|UR|YALL) (?:SERVICES?|BUSINESS)\b"),
        (
            "said-no",
            r"\bWHAT PART OF (?:STOP|UNSUBSCRIBE|REMOVE ME|DONT TEXT ME|STOP TEXTING ME)"
            r" (?:DONT|DO NOT|DIDNT|DID NOT) (?:YOU|U|YALL|YOU PEOPLE) (?:UNDERSTAND|GET)\b",
        ),
        ("pestering", rf"^(?=.)(?:THIS IS |THATS |ITS )?(?:BORDERLINE )?HARASSMENT{_POLITE_END}"),
        (
            "said-no",
            r"\bHOW MANY TIMES (?:DO|MUST) (?:I|WE) (?:HAVE|NEED) TO (?:SAY|TELL (?:YOU|U|YALL)) NO\b",
        ),
        (
            "not-interested",
            r"^(?=.)(?!.*\b(?:LOL|LMAO|HAHA\w*)\b)(?:(?:NO|NOPE|NAH)(?: THANKS)? )?(?:IM |WERE |WE ARE )?NOT "
            rf"INTERESTED IN (?:YOUR|UR|YALL)(?: \w+){{1,3}}{_POLITE_END}",
        ),
        (
            "never-signed-up",
            r"\bNEVER (?:BEEN TO|USED|BOUGHT|ORDERED|SHOPPED|HIRED|DONE BUSINESS)\b(?: \w+){0,3} (?:(?:FROM"
            r"|WITH|AT) (?:YOU|YALL|U)|YOUR (?:COMPANY|BUSINESS|STORE|SHOP|SERVICES?|OFFICE|CLINIC|SALON))\b",
        ),
        (
            "enough",
            r"^(?=.*\b(?:YOU|U|YALL) (?:\w+ )?(?:CALLED|TEXTED|EMAILED|MESSAGED)\b).*\b(?:NEITHER|ENOUGH)"
            + _POLITE_END,
        ),
        (
            "wrong-number",
            rf"\b(?:THIS|THE|MY) (?:{_NUMBER}|PHONE|CELL|LINE) (?:IS NO LONGER|ISNT|IS NOT|AINT) (?:\w+S"
            r"|HIS|HERS|THEIRS)\b(?! (?:WORKING|ON|OFF|FAULT)\b)|\b(?:BELONGS|GOES) TO (?:SOMEONE|SOMEBODY)"
            r" ELSE(?: NOW)?\b|\bTHIS (?:ISNT|IS NOT|AINT) \w+S (?:PHONE|CELL|NUMBER)\b",
        ),
        (
            "block-or-report",
            rf"\b(?:REPORT|REPORTING|COMPLAIN|COMPLAINING)\b.*\b(?:{_REGULATORS})\b"
            r"|\b(?:FORWARD\w*|SENT|SENDING|REENVI\w*|ENVIE|MANDE)"
            r" (?:THIS|THESE|YOUR|UR|THEM|IT|ESTO|ESTE|SUS|ESTOS)(?: \w+)? (?:TO|AL|A) 7726\b",
        ),
        (
            "block-or-report",
            rf"^(?=.*\b(?:THIS IS|ITS|IT IS|PURE|JUST) SPAM\b)(?!.*\b(?:LOL|LMAO|HAHA|TO MY|TO HER|TO HIS)\b)"
            r".* (?:REPORTING|REPORTED|BLOCKING|BLOCKED)"
            rf"(?: (?:IT|THIS|YOU|U|YALL))?{_POLITE_END}",
        ),
        ("no-more-messages", rf"^NO (?:NO )+MORE{_POLITE_END}"),
        (
            "block-or-report",
            rf"\b(?:IM|I AM|ILL|I WILL|IM GOING TO) BLOCK\w* (?:THE|YOUR) {_NUMBER}{_POLITE_END}",
        ),
        ("do-not-send", r"\b(?:DONT|DO NOT) (?:KEEP|CONTINUE) (?:ON )?(?:SENDING|TEXTING|MESSAGING)\b"),
        (
            "rather-not",
            r"\b(?:ID|I WOULD|I) (?:RATHER|PREFER)(?: IT)?(?: IF)? (?:YOU|U|YALL) (?:DIDNT|DID NOT|NOT|DONT"
            rf"|WOULDNT|STOPPED) (?:{_SENDING})\w* (?:ME|US|THIS NUMBER)\b{_EN_QUALIFIER}",
        ),
        (
            "no-need",
            rf"^(?=.).*\bNO NEED (?:TO|FOR (?:YOU|U|YALL) TO) (?:KEEP )?(?:{_EN_VERBS})\w* (?:ME"
            r"|US)(?: ANYMORE| AGAIN)?" + _POLITE_END,
        ),
        (
            "make-it-stop",
            rf"^(?=.*\b(?:SIGNED (?:ME|US) UP|THESE|{_MESSAGES})\b).*\b(?:MAKE|GET) (?:IT|THEM|THESE|THIS"
            r"|YOU|U"
            r"|YALL)(?: TO)? STOP(?: OR WHAT)?$",
        ),
        (
            "their-line",
            r"^(?=.*\b(?:THIS NUMBER|ASKED ME|WANTS ME|TOLD ME|HERE|HUSBAND|WIFE)\b).*\b(?:STOP"
            r"|QUIT) (?:SENDING"
            rf"|TEXTING|MESSAGING) (?:HER|HIM|THEM) (?:THESE|THIS|STUFF|{_MESSAGES})\b",
        ),
        (
            "the-texts-can-go",
            rf"\b(?:HARD )?PASS ON (?:THE |YOUR |UR |THESE )(?:{_MESSAGES})\b|\bTHE (?:{_MESSAGES}) CAN GO\b",
        ),
        ("leave-number-alone", rf"\bLEAVE (?:THIS|MY) (?:{_NUMBER}|PHONE|LINE) ALONE\b"),
        ("how-to-stop", r"\b(?:HAVE|NEED|GOT) TO CHANGE MY (?:PHONE )?NUMBER (?:TO|SO|FOR)\b"),
        (
            "block-or-report",
            r"\b(?:ONE MORE|ANOTHER (?:ONE|TEXT|MESSAGE))(?: \w+){0,3} (?:AND |N )?(?:IM|I AM|ILL|I WILL)"
            r" (?:GONNA |GOING TO )?(?:BLOCK|REPORT)\w*",
        ),
        (
            "pestering",
            r"\b(?:I|IVE|I HAVE|WE|WEVE) (?:ALREADY )?(?:ASKED|TOLD) (?:YOU|U|YALL) TO STOP (?:BEFORE"
            r"|ALREADY|TWICE)\b",
        ),
        ("no-more-messages", rf"^(?:PLS |PLEASE |PLZ )?NO (?:TXT|TEXT|SMS|MSG){_POLITE_END}"),
        (
            "do-not-want",
            rf"\bNOT (?:GETTING|RECEIVING) (?:ANY )?(?:{_MESSAGES})"
            r"(?: FROM (?:YOU|U|YALL)(?: GUYS)?)? ANYMORE\b",
        ),
        (
            "no-longer-customer",
            r"^(?:(?:I|WE|IM|WERE) )?(?:ALREADY )?(?:(?:DONT|DO NOT|NO LONGER) (?:BANK|SHOP|FLY|LIVE"
            r"|USE|DRIVE|GO|WORK|(?:HAVE|OWN|RENT) (?:THE|THAT|THIS|A|AN|MY|OUR|ANY)"
            r"(?! (?:TIME|ENERGY|PATIENCE|MONEY)\b))\b"
            r"(?! WITH (?:MY|HIM|HER|THEM)\b)(?: \w+){0,5} ANY ?MORE"
            r"|(?:SWITCHED|CHANGED) (?:BANKS|DENTISTS|PHARMACIES|CARRIERS|PROVIDERS|INSURERS|AIRLINES"
            r"|DEALERS)(?: \w+){0,3}?|SOLD (?:THE|THAT|THIS|IT)\b(?: \w+){0,4}?(?= SO |$)"
            r"|MOVED (?:OUT|AWAY)(?: OF (?:STATE|TOWN|THE (?:AREA|STATE|COUNTY|CITY)))?"
            r"(?: (?:IN|LAST|SINCE) \w+)?$"
            r"|(?:SWITCHED|WENT|GONE) (?:TO|WITH) (?:ANOTHER|A DIFFERENT) \w+(?: \w+){0,3}?"
            r"|NO LONGER (?:(?:A|YOUR) )?(?:PATIENT|MEMBER|TENANT)S?(?: \w+){0,3}?"
            r"|NO LONGER (?:BANK|SHOP|FLY|LIVE|GO)(?: WITH (?:YOU|YALL|U)| THERE| HERE))"
            r"(?: THANKS| PLS| PLEASE)*(?: SO\b.*)?$",
        ),
        (
            "remove-me",
            r"\b(?:GET|TAKE|PULL|KICK) (?:ME|US) OFF (?:OF )?(?:THIS THING"
            rf"|(?:THE|THESE|YOUR|UR|ALL)(?: \w+){{0,2}} (?:{_MESSAGES}))\b",
        ),
        (
            "no-more-messages",
            rf"\bNO MORE (?:\w+ ){{0,3}}(?:{_MESSAGES})(?: (?:PLS|PLEASE|THANKS|THX|THANK YOU))*$",
        ),
        (
            "stop-sending",
            r"\bSTOP (?:SENDING|TEXTING) (?:THEM|THOSE|THAT|IT|THIS|THESE) "
            r"(?:HERE|TO (?:ME|MINE|THIS (?:NUMBER|PHONE)))\b|\bSTOP REMINDING (?:ME|US)$",
        ),
        (
            "said-no",
            r"^(?=.*\b(?:SAID|TEXTED|REPLIED|SENT|TYPED) (?:STOP|UNSUBSCRIBE|QUIT|END|CANCEL)\b"
            r"|.*\b(?:DELETED|CLOSED|CANCELL?ED) (?:MY|THE|OUR) (?:ACCOUNT|ACCT|MEMBERSHIP)\b)"
            r".*\bSTILL (?:GETTING|RECEIVING|TEXTING|SENDING|MESSAGING) ?(?:ME|US|THESE|THEM|TEXTS)?\b",
        ),
        (
            "another-channel",
            rf"\bINSTEAD OF (?:TEXTING|MESSAGING|(?:SENDING (?:ME )?|THE )?(?:{_MESSAGES}))(?: (?:ME|US))?\b"
            r"|\b(?:I|WE) (?:DONT|DO NOT|DONT EVER|NEVER) (?:DO|READ|USE|CHECK|ACCEPT) (?:TEXTS|TXTS|SMS"
            r"|TEXTING"
            r"|TEXT MESSAGES)\b"
            rf"|\b(?:AND|BUT) NO (?:{_MESSAGES}) (?:GOING FORWARD|FROM NOW ON|IN THE FUTURE|ANYMORE)\b",
        ),
        (
            "no-more-messages",
            rf"\bNO MORE (?:\w+ ){{0,3}}(?:{_MESSAGES}) (?:TO|ON) (?:THIS|MY) (?:PHONE|NUMBER|CELL|LINE)"
            rf"(?: (?:PLS|PLEASE|THANKS|THX))*$"
            rf"|\bNO MORE (?:\w+ ){{0,3}}(?:{_MESSAGES}) (?:IM|I AM) BEGGING\b",
        ),
        (
            "threat",
            r"^(?:\w+ )?(?:STOP|QUIT)(?: IT| THIS| NOW)? (?:OR|BEFORE) (?:I|ILL|IM)\b(?: \w+){0,3}"
            r" (?:LAWYER|ATTORNEY|POLICE|FCC|FTC|REPORT\w*|SUE|BLOCK\w*)\b",
        ),
        (
            "stop-sending",
            r"(?:^|\b(?:CAN|COULD|WILL|WOULD) (?:YOU|U|YALL)(?: GUYS)? |\bPLEASE |\bPLS )(?:JUST )?"
            r"(?:STOP|QUIT) (?:TEXTING|MESSAGING|SENDING) (?:ME|US) (?:AT (?:\w*AM|\w*PM|NIGHT|DAWN|MIDNIGHT)"
            r"|EVERY (?:DAY|MORNING|NIGHT)|SO EARLY|SO LATE)\b",
        ),
        (
            "remove-me",
            rf"\b(?:REMOVE|TAKE|DELETE|DROP) (?:ME|US|MY {_NUMBER}|THIS {_NUMBER}) (?:FROM|OFF)"
            rf" (?:THE|THESE|YOUR|ALL)(?: \w+){{0,2}} (?:{_MESSAGES})\b",
        ),
        (
            "their-line",
            r"^(?=.*\b(?:KIDS?|CHILDS?|MINORS?|SONS?|DAUGHTERS?|WORK|COMPANY|OFFICE)"
            r" (?:PHONE|NUMBER|CELL|LINE)\b)(?!.*\b(?:AFTER|BEFORE|DURING|UNTIL|TILL)\b)"
            r".*\b(?:DONT|DO NOT|NEVER|PLEASE DONT) (?:TEXT|MESSAGE|SMS|CONTACT|SEND)\w*\b(?! (?:ME|US)\b)",
        ),
        (
            "their-line",
            rf"^(?=.*\b(?:SEND|TEXT|{_MESSAGES})\b).*\bNOT (?:TO )?(?:ME|MINE|MY (?:PHONE|NUMBER|CELL))"
            r"(?: ANYMORE)?$",
        ),
        (
            "another-channel",
            r"^(?=.*\b(?:PAPER|E?MAIL|CALLS|CALL ME|LETTERS?)\b).*\b(?:NO|NOT|NOT BY|NOT VIA) (?:MORE )?"
            r"(?:TEXTS|TEXT MESSAGES|TXTS|SMS|TEXTING)(?: (?:PLEASE|PLS|THANKS|GOING FORWARD|ANYMORE))*$",
        ),
        (
            "no-more-messages",
            rf"\b(?:BUT|ONLY|INSTEAD|JUST)(?: PLEASE| PLS)? NO (?:{_MESSAGES}){_POLITE_END}",
        ),
        (
            "pestering",
            rf"\b(?:SAID|TEXTED|REPLIED|SENT|TYPED|TOLD (?:YOU|U|YALL)) (?:STOP|QUIT) {_MANY_TIMES} TIMES\b"
            r"(?! (?:TO|AND|BUT) (?:HIM|HER|THEM|HE|SHE|THEY|MY)\b)",
        ),
        (
            "their-line",
            r"^(?=.*\b(?:REMOVE|STOP|DELETE|UNSUBSCRIBE|DONT|DO NOT|NO)\b).*\bTHIS IS (?:A|MY|THE|AN) (?:WORK"
            r"|COMPANY|BUSINESS|OFFICE|MINORS|CHILDS|KIDS|\d+ YEAR OLDS) (?:PHONE|CELL|NUMBER|LINE|MOBILE)\b",
        ),
        (
            "stop-sending",
            r"\b(?:STOP|QUIT) (?:SENDING|TEXTING|MESSAGING) (?:ME |US )?(?:YOUR|UR|THESE|THOSE"
            r"|ALL) (?:\w+ ){0,2}"
            rf"(?:{_MESSAGES})\b|\bSTOP (?:SENDING|TEXTING) \w+ TO MINE\b",
        ),
        (
            "make-it-stop",
            r"^(?=.*\b(?:STOP|QUIT|ENOUGH)\b).*\bMY PHONE (?:KEEPS|WONT STOP|NEVER STOPS) (?:BUZZING"
            r"|GOING OFF|DINGING|BLOWING UP|RINGING|VIBRATING)\b",
        ),
        (
            "begging",
            r"^(?:PLS |PLEASE )?(?:NO MORE|STOP|ENOUGH)(?: PLS| PLEASE)* (?:IM )?BEGGING(?: YOU"
            r"| U)?(?: LOL)?$",
        ),
        (
            "refuse",
            rf"\b(?:I|WE) (?:REFUSE|DECLINE) (?:THESE |YOUR |UR |ALL |ANY |THE )?(?:\w+ )?(?:{_MESSAGES})\b",
        ),
        (
            "block-or-report",
            r"^(?=.*\b(?:ONE MORE|ANOTHER|AGAIN|IF (?:I|YOU|U) (?:GET|SEND|TEXT)|KEEP)\b)"
            rf".*\b(?:{_REGULATORS}) (?:COMPLAINT|REPORT)\b",
        ),
        (
            "another-channel",
            r"^(?:(?:BY|VIA|SEND ME|JUST|PLEASE) )*(?:PAPER|EMAIL|MAIL|POST|LETTERS?)(?: \w+)? "
            rf"(?:INSTEAD|ONLY){_POLITE_END}",
        ),
        (
            "do-not-send",
            rf"^{_EN_SENT_ELSE}(?:(?:PLEASE|PLS|KINDLY) )?(?:NO LONGER SEND (?:ME|US)|(?:DONT"
            r"|DO NOT) SEND (?:ME|US) "
            r"(?:\w+ ){0,5}?(?:ANYMORE|ANY MORE))\b",
        ),
        (
            "stop-asking",
            rf"\bSTOP (?:ASKING|BEGGING|HITTING) (?:ME |US )?(?:UP )?FOR (?:MORE )?{_ASKED_FOR}\b",
        ),
        (
            "stop-asking",
            r"\bSTOP (?:THE|YOUR|THESE|THIS|ALL|UR) (?:\w+ )?(?:CAMPAIGN|REQUESTS|SOLICITATIONS|APPEALS)\b",
        ),
        (
            "block-or-report",
            r"^(?=.*\bSTOP\b).*\b(?:OR|BEFORE) (?:I|ILL|IM|I WILL|WE|WELL|WE WILL)\b.*\b(?:COMPLAINT"
            r"|REPORT\w*|ATTORNEY GENERAL|LAWYER|SUE)\b",
        ),
        (
            "no-need",
            r"\b(?:NO LONGER NEED|NO NEED FOR|(?:DONT|DO NOT) NEED) (?:THE |THESE |YOUR |ANY "
            r"|THOSE )?(?:\w+ ){0,3}?"
            rf"(?:(?:{_MESSAGES})\b|\w+ (?:BY|VIA|OVER) (?:TEXT|SMS)\b)",
        ),
        (
            "remove-me",
            rf"^(?:NO|NOPE)(?: THANKS| THANK YOU| PLEASE| PLS)* REMOVE(?: ME| US| IT)?{_POLITE_END}",
        ),
        (
            "no-longer-customer",
            r"^STOP\b.* I (?:CANCELL?ED|CLOSED|ENDED|TERMINATED) (?:MY|THE|OUR) (?:\w+ )?(?:MEMBERSHIP"
            r"|ACCOUNT|SUBSCRIPTION|SERVICE|POLICY|PLAN)\b",
        ),
        (
            "stop-sending",
            r"\bSTOP (?:TEXTING|SENDING|MESSAGING) (?:ME |US )?(?:YOUR|UR|THIS|THAT|THESE|ALL THIS"
            r"|ALL THAT) (?:\w+ )?"
            r"(?:CRAP|JUNK|GARBAGE|NONSENSE|BS|PROPAGANDA|STUFF|SHIT|TRASH|BULLSHIT)\b"
            r"|\bSTOP WASTING (?:YOUR|UR) (?:MONEY|TIME) (?:TEXTING|MESSAGING|SENDING|CONTACTING"
            r"|ON (?:TEXTS|ME))\b",
        ),
        (
            "tell-them",
            r"\bTELL (?:YOUR|UR|THE) (?:\w+ )?(?:AGENT|REP|SALES\w*|DEALER\w*|OFFICE|STAFF|TEAM|COMPANY"
            r"|RECRUITER|CAMPAIGN|CANDIDATE|VOLUNTEERS) (?:TO STOP|TO QUIT|NOT TO)"
            r" (?:\w+ING|TEXT|MESSAGE|CONTACT|CALL) (?:ME|US)\b",
        ),
        (  # a threat to complain unless the messages stop
            "block-or-report",
            rf"^(?=.*\b(?:REPORT\w*|COMPLAINT|ATTORNEY|LAWYER|SUE|SUING|{_REGULATORS})\b)"
            r".*\bIF (?:YOU|U|YALL|THEY|THESE|THIS|IT|THE \w+) (?:DONT|DO NOT|DOESNT|DOES NOT|WONT) STOP"
            rf"{_POLITE_END}",
        ),
        (  # a gambling or shop promotion's own nouns, told to stop
            "stop-messages",
            r"\b(?:STOP|QUIT|ENOUGH)(?: (?:WITH|W))? (?:YOUR |UR |THESE |THOSE |THE |ALL THE )?"
            r"(?:FREE (?:BETS?|SPINS?|PLAYS?)|(?:BET |BETTING |CASINO |DEPOSIT )?BONUS\w*|ODDS BOOSTS?)\b",
        ),
        (  # whoever keeps sending these: I don't want them (one run-on sentence)
            "do-not-want",
            r"^(?=.*\b(?:WHOEVER|WHO EVER|YOU|U|YALL) KEEPS? (?:SENDING|TEXTING)\b).*\bI (?:DONT|DO NOT) WANT"
            rf" (?:THEM|THESE|ANY OF (?:THEM|THESE))(?: ANYMORE)?{_POLITE_END}",
        ),
        (  # a relative taken off the messages ("remove her from these alerts")
            "their-line",
            rf"\bREMOVE (?:HER|HIM|MY {_KIN}) FROM (?:THESE|YOUR|UR|ALL|THE) (?:\w+ )?(?:{_MESSAGES})\b",
        ),
    ),
    SPANISH: (
        (
            "stop-sending",
            r"\b(?:DEJEN|DEJA|DEJE|DEJAR|DEJAD|DEJAIS|DEJEIS|PAREN|PARA|PARE|PARAR|PARAD|DETENGAN|BASTA"
            r"|DEJ\w*ME)(?: YA)? (?:DE|D) "
            rf"(?:ESTAR |SEGUIR )?(?:{_ES_VERBS}|{_ES_STEMS}|LLEGARME|LLEGARNOS)\w*\b(?! (?:AL|A (?!(?:ESTE"
            r"|ESTA|MI"
            rf"|NOSOTROS)\b)\w+)\b){_ES_OTHER_OBJECT}(?! DEL\b| DE (?:MI|TU|MIS|TUS)\b| CON (?:ESO|ESTO|ESE"
            r"|ESA|TU|TUS)\b)(?!.* (?:AL|EN EL|A LA|EN LA) (?:GRUPO|CHAT|FAMILIA)\b)" + _ES_MANNER,
        ),
        (
            "do-not-send",
            r"\b(?:NO|NI) (?:ME|M|NOS) (?:MANDEN|MANDES|MANDE|ENVIEN|ENVIES|ENVIE|ESCRIBAN|ESCRIBAS|ESCRIBA"
            r"|JODAN|FREGUEN|FASTIDIEN"
            r"|TEXTEEN|MOLESTEN|CONTACTEN|LLAMEN|MANDEIS|ENVIEIS|ESCRIBAIS|MOLESTEIS"
            r"|TEXTEES|TEXTEE|CONTACTES|CONTACTE|MOLESTE"
            rf"|CONTACTEIS|LLAMEIS)\b(?! (?:ESO|ESE|ESA|ESOS|ESAS)\b(?! (?:\w+ )?(?:{_MESSAGES})\b))"
            + _ES_QUALIFIER
            + _ES_THING_OBJECT,
        ),
        (
            "do-not-send",
            r"\b(?:YA )?NO (?:MANDEN|ENVIEN|ESCRIBAN|MANDAR|ENVIAR|MOLESTEN|LLAMEN|CONTACTEN"
            r"|TEXTEEN)\b"
            rf"(?! A\b)|\b(?:NO|NI) (?:ME |M |NOS )?(?:VUELVAN|VUELVAS|VOLVAIS|VUELVA) A (?:{_ES_STEMS}"
            rf"|{_ES_VERBS})\b"
            rf"|\b(?:YA )?NO (?:{_ES_VERBS})(?:ME|NOS)\b(?: MAS)?{_ES_QUALIFIER}{_ES_THING_OBJECT}",
        ),
        (
            "do-not-send",
            rf"\b(?:NO|NUNCA|JAMAS) (?:ME |NOS )?(?:SIGAN|VUELVAN A|ESTEN) {_ES_STEMS}"
            rf"|\bNO (?:LE|LES) (?:MANDEN|ENVIEN|ESCRIBAN)(?: MAS)? (?:{_MESSAGES})\b",
        ),
        (
            "do-not-send",
            r"\bNO (?:ME|NOS) \w+ MAS CON (?:LOS |SUS |ESTOS |TANTOS |TUS |VUESTROS )?"
            rf"(?:{_MESSAGES})\b"
            r"|\bYA (?:LES|LE|TE|OS) (?:DIJE|HE DICHO|PEDI) (?:QUE|Q|K) NO (?:(?:QUIERO|DESEO)(?: NADA| MAS)?"
            rf"{_ES_POLITE_END}|(?:ME|NOS) {_ES_STEMS}\b{_ES_OTHER_OBJECT})"
            rf"|\b(?:POR ?QUE|XQ|PQ|PORQ|X ?Q) (?:ME |NOS )?(?:SIGUEN|CONTINUAN) {_ES_STEMS}\b"
            + _ES_OTHER_OBJECT,
        ),
        (
            "do-not-send",
            rf"\bNO (?:ME |NOS )?{_ES_STEMS}\b (?:MAS|NADA|NUNCA)\b(?! TARDE\b){_ES_QUALIFIER}"
            rf"|\b(?:FAVOR(?: DE)?|(?:LES |LE )?PIDO(?: QUE)?) (?:YA )?NO {_ES_STEMS}",
        ),
        (
            "do-not-want",
            rf"\bNO (?:QUIERO|QRO|KIERO|QIERO|KERO|DESEO|NECESITO)\b(?! QUE (?:ME |NOS )?(?:COBR|CARG))"
            rf".*\b(?:{_MESSAGES}|NADA)\b"
            r"(?! DE (?:MI|TU|MIS|TUS)\b)"
            r"|\bNO (?:QUIERO|DESEO|NECESITO|AUTORIZO|ACEPTO) QUE (?:ME "
            rf"|NOS )?(?:SIGAN )?{_ES_STEMS}\b{_ES_QUALIFIER}"
            r"|\bNO (?:QUIERO|DESEO) SER (?:CONTACTAD|MOLESTAD|LLAMAD)\w*"
            r"|\bNO QUIERO SABER (?:NADA )?(?:MAS )?DE (?:USTEDES|USTED|SU EMPRESA|ESTA EMPRESA"
            r"|ESTE NUMERO)\b"
            r"|\bME NIEGO A RECIBIR\b"
            r"|\bNO (?:QUIERO|DESEO) (?:ESTAR|SEGUIR|SALIR) EN (?:SU|ESTA|LA|SUS|TU|ESA) LISTAS?\b"
            r"|\bYA NO (?:QUIERO|DESEO)"
            rf"(?: RECIBIR(?: NADA| MAS| INFORMACION| INFO| ESTO| ESO)?| NADA| MAS| ESTO| ESO)?"
            rf"{_ES_POLITE_END}"
            r"|\bYA NO (?:QUIERE|DESEA) RECIBIR(?: NADA| MAS| ESTO| ESO| ESTOS MENSAJES| SUS MENSAJES)?"
            rf"{_ES_POLITE_END}"
            rf"|\bNO ME INTERESA\w*\b.*\b(?:{_MESSAGES})\b|^YA NO ME INTERESA\w*{_ES_POLITE_END}",
        ),
        (
            "do-not-want",
            r"\b(?:DEJ\w*|PARAR|PARE|PAREN) (?:DE|D) RECIBIR(?: (?:SUS|ESTOS|LOS|TUS|ESOS|ESTAS|LAS|MAS"
            r"|TANTOS"
            rf"|TODOS LOS|TODAS LAS))? (?:\w+ )?(?:{_MESSAGES})\b"
            rf"|\b(?:QUIERO|QUISIERA|DESEO|NECESITO|ME GUSTARIA) DEJAR DE RECIBIR(?:LOS|LAS"
            rf"| ESTO| ESTOS| ESO)?{_ES_POLITE_END}",
        ),
        (
            "off-the-list",
            r"\b(?:QUIT|SAC|SAQU|ELIMIN|BORR|BAJ|REMUEV|DESUSCRIB|SALG)\w*(?:ME|NOS) (?:YA |AHORA "
            r"|YA MISMO )?DE? (?:LA |SU |SUS |TU "
            r"|ESTA |ESA |VUESTRA |VUESTRAS |VUESTRO |VUESTROS "
            r"|ESTAS |LOS |EL |ESTOS |TUS )?(?:LISTAS?|BASE|SISTEMA|REGISTRO|CONTACTOS|PROGRAMA|SERVICIO|TODO"
            rf"|ENVIOS|{_MESSAGES})\b"
            + _ES_NOT_OF_ELSE
            + r"|^(?:\w+ )?FUERA DE (?:SU|SUS|ESTA|LA|TU) LISTAS?\b"
            r"|\b(?:SALIR(?:ME)?|ME SALGO) DE (?:SU|SUS|ESTA|LA|TU|ESA) LISTAS?\b"
            + r"|\b(?:ME|NOS) (?:(?:PUEDEN|PUEDE|PODRIAN|PODRIA|PODRAN|VAN A) )?(?:QUIT|SAC|SAQU|ELIMIN|BORR"
            r"|BAJ"
            r"|REMUEV)\w* DE (?:LA |SU |SUS |TU |ESTA |ESA "
            r"|VUESTRA |VUESTRO |LOS |ESTOS |TUS )?"
            rf"(?:LISTAS?|BASE|SISTEMA|REGISTRO|CONTACTOS|PROGRAMA|SERVICIO|ENVIOS|{_MESSAGES})\b"
            + _ES_NOT_OF_ELSE,
        ),
        (
            "remove-me",
            r"^(?:\w+ ){0,2}(?:(?:QUIT|SAQU|ELIMIN|BORR|REMUEV|RETIR|DESUSCRIB)\w*|BAJ(?:EN|E|A))(?:ME|NOS)"
            + _ES_POLITE_END
            + r"|^(?:ELIMINAR|ELIMINEN|ELIMINE|BORRAR|BORREN|BORRE|QUITAR|QUITEN)(?: (?:MI NUMERO|MIS DATOS"
            rf"|TODO))?{_ES_POLITE_END}",
        ),
        (
            "remove-number",
            r"\b(?:(?:QUIT|SAC|SAQU|ELIMIN|BORR|REMUEV)(?!\w*(?:ARON|IERON|ASTE|ISTE|ABAN?|IAN?)\b)\w*"
            r"|RETIREN"
            r"|RETIRAR|RETIRA) (?:MI|ESTE|EL) "
            r"(?:NUMERO|TELEFONO|CELULAR"
            r"|CONTACTO)\b(?! (?:VIEJO|ANTERIOR|ANTIGUO|DE TUS)\b)"
            r"|\b(?:OLVID(?:EN|E|A|AR|ENSE|AD)\w*|PIERDAN|PIERDA|PERDER) (?:MI|ESTE)"
            r" (?:NUMERO|TELEFONO|CELULAR|CONTACTO)\b"
            r"|\b(?:QUIT|SAC|SAQU|ELIMIN|BORR|REMUEV)\w* MIS DATOS\b",
        ),
        (
            "wrong-number",
            r"\b(?:NUMERO|TELEFONO) (?:ESTA |ES )?(?:EQUIVOCADO|INCORRECTO|ERRONEO)\b"
            r"|\bEQUIVOC\w* (?:DE|DEL) NUMERO\b"
            r"|\bNO ES MI NUMERO\b|\bNO ES EL (?:NUMERO|TELEFONO|CELULAR) DE\b|\bPERSONA EQUIVOCADA\b"
            r"|\bESTE (?:NUMERO|CELULAR"
            r"|TELEFONO) (?:YA )?NO ES DE\b|\b(?:NUMERO|CELULAR|TELEFONO|ESTE|ESE) (?:YA )?NO ES (?:MIO"
            r"|EL MIO)\b"
            r"|\bEQUIVOC\w* DE PERSONA\b"
            rf"|^(?:NUMERO )?EQUIVOCAD[OA]S?{_ES_POLITE_END}"
            r"|\bNO SOY (?:ESA|LA) PERSONA\b(?! (?:\w+ )?PARA\b)|\bNO CONOZCO A (?:ESA|ESTA) PERSONA\b"
            r"|\bNO (?:EXISTE|VIVE|HAY)\b.*\bESTE NUMERO\b|\bNADIE (?:CON|DE) ESE NOMBRE\b"
            r"|\b(?:ESTE|EL|MI) (?:NUMERO|CELULAR|TELEFONO|CEL) (?:AHORA ES|ES AHORA|YA ES|ERA) (?:DE|DEL)\b"
            r"|\bESTE ERA (?:EL |SU )?(?:NUMERO|CELULAR|TELEFONO)\b"
            r"|\b(?:AHORA ES|ERA) EL (?:NUMERO|CELULAR|TELEFONO) (?:DE|DEL)\b"
            r"|\b(?:NUMERO|CELULAR|TELEFONO) (?:YA )?NO ES EL (?:DE|DEL)\b",
        ),
        (
            "leave-me-alone",
            r"\bDEJ\w*ME (?:EN PAZ|TRANQUIL[OA]S?)\b(?! (?:QUE (?:ESTOY|TENGO)|UN RATO|UN RATITO|UN MOMENTO"
            r"|UN MOMENTITO|UN SEGUNDO|AHORITA)\b)"
            rf"(?! CON\b(?! (?:(?:TUS|SUS|ESTOS|LOS|TANTOS|VUESTROS) )?(?:{_MESSAGES})\b))",
        ),
        (
            "leave-me-alone",
            r"\bDEJ\w*ME (?:EN PAZ|TRANQUIL[OA]S?) CON (?:TUS|SUS|ESTOS|LOS|TANTOS|VUESTROS|LAS|ESTAS) "
            rf"(?:{_MESSAGES})\b",
        ),
        (
            "never-signed-up",
            r"\b(?:NUNCA|NO|JAMAS) (?:ME )?(?:INSCRIBI|SUSCRIBI|REGISTRE|APUNTE|AUTORICE)\b"
            + _NOT_A_PAYMENT
            + r"|\b(?:NUNCA|NO|JAMAS) ME HE (?:SUSCRITO|INSCRITO|REGISTRADO|APUNTADO)\b"
            r"|\bNO RECUERDO (?:HABERME|HABER) (?:SUSCRITO|INSCRITO|REGISTRADO|APUNTADO)\b"
            r"|\b(?:NO SOY|NUNCA HE SIDO|NUNCA FUI) (?:SU |UN |UNA |SUS )?CLIENTES?\b(?! DE\b)"
            r"|\b(?:RETIRO|REVOCO|CANCELO) (?:MI )?(?:CONSENTIMIENTO|AUTORIZACION|PERMISO)\b"
            r"|\bNO (?:DOY|DAMOS|OTORGO) (?:MI |NUESTRO )?(?:CONSENTIMIENTO|AUTORIZACION|PERMISO)\b"
            r"|\b(?:NUNCA|NO|JAMAS) (?:LES |LE )?(?:DI|HE DADO) (?:MI NUMERO|MI TELEFONO|PERMISO"
            r"|MI CONSENTIMIENTO"
            r"|AUTORIZACION)\b"
            r"|\b(?:NUNCA|NO|JAMAS) (?:PEDI|SOLICITE|ACEPTE) (?:(?:ESTOS|ESTE|ESTO|SUS"
            rf"|LOS) )?(?:{_MESSAGES}|RECIBIR)\b"
            r"|\b(?:NUNCA|NO|JAMAS) (?:PEDI|SOLICITE|ACEPTE|QUISE) (?:NADA DE )?(?:ESTO|ESO)"
            rf"{_ES_POLITE_END}",
        ),
        (
            "no-more-messages",
            r"\b(?:NO MAS|BASTA(?: YA)?(?: DE| CON| WITH)?)(?: LOS| LAS| SUS| ESTOS| ESTAS| TANTOS| TANTAS"
            r"| THE| THESE| YOUR)? "
            rf"(?:{_MESSAGES})\b"
            r"(?! DEL\b| DE (?:MI|TU|MIS|TUS)\b)"
            rf"|\b(?:YA ESTUVO(?: BUENO)?|ESTOY HART[OA]|ESTOY CANSAD[OA]|HART[OA]|ME CANSE|PARENLE(?: YA)?"
            r"|PARALE(?: YA)?) (?:CON|DE) "
            rf"(?:LOS |SUS |TANTOS |ESTOS )?(?:\w+ )?(?:{_MESSAGES})\b"
            r"|(?:^|\bYA )(?:PARA|PARE|PAREN)(?: YA)? (?:CON|DE) (?:LOS |SUS |TANTOS |ESTOS |TUS )?(?:\w+ )?"
            rf"(?:{_MESSAGES})\b"
            r"|^(?:NO|SIN|NADA DE) (?:MENSAJES|MSJS|SMS|TEXTOS|ALERTAS|NOTIFICACIONES|PROMOCIONES|PUBLICIDAD)"
            + _ES_POLITE_END,
        ),
        (
            "unsubscribe",
            r"(?:\b(?:DAR|DARSE|DARNOS|\w+ME) DE BAJA\b"
            r"|\b(?:ME|NOS) (?:DEN|DE|DA|DAN|DOY|DAMOS|DEIS|DES|DAIS|DAD|DAS) DE BAJA\b)"
            r"(?! (?:DEL|DE LA|DE LOS|DE LAS|DE MI|DE MIS|DE ESE|DE ESA|DE ESOS|DE ESAS"
            r"|DE TOD[OA]S (?:LOS|LAS|ESOS|ESAS)|EN EL"
            r"|EN LA)"
            rf" (?!(?:LISTA|SERVICIO|PROGRAMA|SUSCRIPCION|{_MESSAGES}|ENVIOS?|USTEDES|SUS)\b))"
            r"(?! (?:SOLO |NADA MAS )?(?:A|AL|LA|EL|LOS|LAS|MI|MIS|TU|TUS|UN|UNA)"
            r" (?!(?:LISTA|SERVICIO|PROGRAMA|SUSCRIPCION"
            rf"|ENVIOS?|{_MESSAGES}|NUMERO|TELEFONO|CELULAR|ESTE|ESTOS|TODO|TODOS)\b)\w+)"
            r"(?!.*\b(?:PASARME|CAMBIARME|IRME) A\b)",
        ),
        (
            "stop-imperative",
            r"^(?:YA )?(?:DETENGAN|DETENGANSE|DETENGASE|PAREN|PARE|PARENLE|PARALE|PARELE"
            r"|CANCELEN)(?: (?:ESTO|ESO|TODO"
            rf"|ESTO YA)){{0,1}}"
            rf"{_ES_POLITE_END}"
            r"|\b(?:LES|LE) (?:\w+ ){0,3}(?:DECIR|DIJE|PEDIR|PEDI|REPETIR|HE DICHO|HE PEDIDO)"
            r" (?:QUE|Q|K) (?:PAREN"
            r"|PARE|SE DETENGAN)\b"
            rf"|\b(?:LES|LE) (?:PIDO|RUEGO) QUE (?:PAREN|PARE|SE DETENGAN|LO DETENGAN|CANCELEN)(?: YA| TODO)?"
            rf"{_ES_POLITE_END}",
        ),
        (
            "stop-messages",
            r"\b(?:PARAR|PAREN|DETENER|DETENGAN|DETENGA|CANCELAR|CANCELEN|CANCELA|CANCELE|CANCELO|ANULAR"
            r"|ANULEN"
            r"|ANULA|ANULE|SUSPENDER"
            r"|SUSPENDAN|SUSPENDA)\b(?! UNA\b).*"
            rf"\b(?:{_MESSAGES}|SUSCRIPCION)\b"
            + _ES_NOT_OF_ELSE
            + rf"(?!(?<=SUSCRIPCION) (?:A|AL) (?!(?:LA |LOS |LAS )?(?:SUS?|ESTOS?|ESTAS?|ESTE|USTEDES"
            rf"|{_MESSAGES})\b)\w)"
            + rf"|\bALTO (?:YA )?(?:A|AL|CON) (?:LOS |SUS |ESTOS |TODOS LOS |TANTOS )?(?:{_MESSAGES})\b"
            + r"|\bCANCEL (?:MI|MIS|LA|LAS|LOS|SU|SUS|ESTA"
            r"|ESTOS|ESTAS) (?:SUSCRIPCION|MENSAJES?|TEXTOS?|ALERTAS|NOTIFICACIONES|MSJS?)\b"
            + _ES_NOT_OF_ELSE
            + r"|\b(?:DESACTIV|APAG|DESCONTINU)\w* (?:LAS |LOS |SUS |ESTAS |ESTOS |TODAS LAS |TODOS LOS "
            rf"|MIS )?(?:{_MESSAGES})\b" + _ES_NOT_OF_ELSE,
        ),
        (
            "block-or-report",
            r"\b(?:LOS|LAS|LES) (?:VOY|VAMOS) A (?:REPORTAR|DENUNCIAR|DEMANDAR|ACUSAR)\b"
            rf"|^(?=.*\bSI (?:ME |NOS )?(?:VUELVEN|VUELVES|SIGUEN|SIGUES) (?:A )?{_ES_STEMS})"
            r".*\b(?:LOS|LAS|LES|TE) (?:REPORTO|DENUNCIO|DEMANDO|BLOQUEO|ACUSO)\b"
            r"|\b(?:VOY|VAMOS) A (?:REPORTAR|DENUNCIAR|DEMANDAR|ACUSAR)(?:LOS|LAS|LES)\b"
            r"|\b(?:REPORT|DENUNCI|QUEJ|ACUS)\w* (?:\w+ )?(?:A|ANTE|CON|EN) LA PROFECO\b",
        ),
        (
            "last-one",
            rf"^(?=.*\b(?:{_MESSAGES})\b).*\bQUE (?:ESTE |ESE )?SEA EL ULTIMO\b"
            rf"|\bQUE (?:ESTE |ESE )?SEA (?:EL|SU) ULTIMO (?:{_MESSAGES})\b",
        ),
        (
            "pestering",
            r"\b(?:DEJ\w*|PAREN|PARE|PARA|PARAR)(?: YA)? (?:DE|D) (?:ESTAR |SEGUIR )?\w+(?:ANDO|IENDO|AR|ER"
            r"|IR)"
            r"(?:ME|NOS)? CON (?:SUS|TUS|LOS|ESOS|ESTOS|TANTOS|VUESTROS|LAS|ESAS|ESTAS|TANTAS) (?:\w+ )?"
            rf"(?:{_MESSAGES})\b",
        ),
        (
            "has-to-stop",
            rf"^(?=.*\b(?:{_MESSAGES})\b).*\b(?:ESTO (?:YA )?(?:TIENE|DEBE) (?:QUE |Q )?(?:PARAR|TERMINAR"
            r"|ACABAR|DETENERSE)|(?:HAY|TIENEN) QUE PARAR(?: YA| ESTO| CON ESTO)?\b(?! (?:EN|DE|A|AL|PARA|POR"
            r"|UN|UNA|LA|EL)\b))",
        ),
        (
            "their-line",
            rf"^(?=.*{_ES_THEIR_LINE}).*\b(?:NO|NUNCA|JAMAS) (?:LE|LES) {_ES_STEMS}\b{_ES_QUALIFIER}",
        ),
        (
            "unsubscribe",
            rf"^(?:DE |DEN |DAR DE |DENME DE )?BAJA DE (?:TODO|TODOS|TODAS|(?:LAS|LOS|SUS|TUS|ESTAS|ESTOS|MIS"
            rf"|TODAS LAS|TODOS LOS) (?:{_MESSAGES}))\b",
        ),
        (
            "unsubscribe",
            r"^(?=BAJA\b)BAJA(?: (?:POR FAVOR|PORFAVOR|PORFA|X FAVOR|YA))* (?:YA NO (?:COMPRO|COMPRAMOS"
            r"|SOY|SOMOS|QUIERO|USO|VIVO|ME INTERESA)|NO QUIERO|NO ME INTERESA)\b",
        ),
        (
            "do-not-send",
            r"\b(?:YA )?NO (?:ME|NOS) (?:LLEGUEN|LLEGEN|LLEGUE|SIGAN LLEGANDO|H?AGAN LLEGAR|H?AGA LLEGAR)"
            r" (?:MAS |TANTOS |SUS |ESTOS )?"
            rf"(?:{_MESSAGES})\b",
        ),
        (
            "another-channel",
            r"\bNO (?:POR|X|VIA) (?:MENSAJES?|MSJS?|SMS|TEXTOS?)(?: DE TEXTO)?\b"
            r"|\bNADA DE (?:MENSAJES|MSJS|SMS|TEXTOS|MENSAJITOS)\b",
        ),
        (
            "off-the-list",
            r"\b(?:QUIT|SAC|SAQU|ELIMIN|BORR|BAJ|REMUEV|DESUSCRIB|SALG)\w*(?:ME|NOS) (?:YA )?(?:DE|DEL) "
            r"(?:LA |SU |ESTE |ESE |EL |ESTA )?(?:GRUPO|CADENA|LISTA|LISTADO) DE (?:MENSAJES|MSJS|TEXTOS?|SMS"
            r"|ALERTAS|DIFUSION)\b",
        ),
        (
            "not-interested",
            r"^(?=NO ME INTERESA)NO ME INTERESA\w*(?: GRACIAS)? (?:ADIOS|CHAO|BYE|BAY)" + _ES_POLITE_END,
        ),
        (
            "remove-it",
            rf"\b{_ES_OFF}(?:LO|LA|LOS|LAS) DE (?:SU|SUS|ESTA|ESTAS|ESTOS) (?:LISTAS?|BASE|SISTEMA|REGISTROS?"
            rf"|{_MESSAGES}|ENVIOS|DIFUSION)\b",
        ),
        (
            "their-line",
            rf"\b{_ES_OFF} (?:SU|ESE) (?:NUMERO|TELEFONO|CELULAR|CEL) DE (?:SUS|SU|LA|LAS|LOS|ESTA|ESTAS)"
            rf" (?:LISTAS?|BASE|SISTEMA|REGISTROS?|{_MESSAGES}|ENVIOS)\b" + _ES_NOT_OF_ELSE,
        ),
        (
            "remove-it",
            r"^(?=.*\b(?:MI|ESTE) (?:NUMERO|TELEFONO|CELULAR|CEL)\b).*\b(?:BORR|ELIMIN|QUIT)(?:EN|E|A)LO\b"
            r"|\bOLVID(?:EN|E)LO\b",
        ),
        (
            "off-the-list",
            r"\b(?:QUIT|SAC|SAQU|ELIMIN|BORR|BAJ|REMUEV|DESUSCRIB)\w*(?:ME|NOS) (?:YA )?DE (?:LOS |LAS |SUS "
            rf"|ESTOS |ESTAS |TODOS LOS |TODAS LAS )?(?:{_MESSAGES}|ENVIOS)\b"
            + _ES_NOT_OF_ELSE
            + r"|^(?:QUITAR|ELIMINAR|BORRAR|SACAR) DE (?:LA |SU |ESTA )?(?:LISTA|DIFUSION"
            rf"|BASE DE DATOS){_ES_POLITE_END}",
        ),
        (
            "do-not-send",
            r"\bYA NO (?:ME |NOS )?(?:MANDE|ENVIE|ESCRIBA|TEXTEE|MANDES|ENVIES|ESCRIBAS)\b(?! (?:A|AL|ESO"
            r"|ESE|ESA)\b)"
            + _ES_QUALIFIER
            + _ES_THING_OBJECT
            + rf"|\b(?:NUNCA|JAMAS)(?: MAS)? (?:(?:ME|NOS) )?(?:VUELVAN|VUELVA|VUELVAS) A {_ES_STEMS}"
            rf"|\b(?:NUNCA|JAMAS) MAS (?:ME|NOS) {_ES_STEMS}"
            + _ES_QUALIFIER
            + rf"|\b(?:ABSTENGA(?:N)?SE|SE ABSTENGAN?) DE {_ES_STEMS}",
        ),
        (
            "stop-imperative",
            r"(?:^(?:YO )?|\bYA )(?:DIJE|HE DICHO|PEDI|HE PEDIDO) (?:QUE|Q|K) (?:PAREN|PARE"
            r"|SE DETENGAN)(?: YA)?"
            rf"{_ES_POLITE_END}",
        ),
        (
            "do-not-want",
            r"\b(?:PREFERIRIA|PREFIERO|PREFERIMOS|QUISIERA|DESEARIA|ME GUSTARIA) (?:YA )?NO (?:RECIBIR|SEGUIR"
            rf" RECIBIENDO)(?: MAS)?(?: (?:ESTOS|ESTAS|SUS|LOS|LAS|TANTOS))?(?: (?:{_MESSAGES}"
            rf"|NADA))?{_ES_POLITE_END}"
            r"|\b(?:YA )?NO (?:LOS|LAS) (?:QUIERO|DESEO|NECESITO|QUEREMOS) (?:SEGUIR )?(?:RECIBIR"
            r"|RECIBIENDO)\b"
            r"|\bNO (?:QUIERO|DESEO|QUEREMOS) (?:SEGUIR )?RECIBI(?:R|ENDO)(?:LOS|LAS)\b"
            rf"|\b(?:{_MESSAGES}|OFERTAS) (?:YA )?NO (?:ME|NOS) INTERESAN\b",
        ),
        ("do-not-want", rf"^(?=.*\b(?:{_MESSAGES})\b).*\bYA NO (?:LOS|LAS) (?:QUIERO|NECESITO)\b"),
        (
            "has-to-stop",
            r"\b(?:QUE|Q) (?:SE )?(?:ACABEN|TERMINEN|PAREN|DETENGAN|CESEN)(?: YA)? (?:ESTOS|LOS|SUS|TUS"
            r"|ESTAS|LAS"
            rf"|TANTOS|TODOS LOS|TODAS LAS) (?:{_MESSAGES})\b" + _ES_NOT_OF_ELSE,
        ),
        (
            "block-or-report",
            r"^(?=.*\bSI NO (?:PARAN|PARA|PARAS|SE DETIENEN|DEJAN DE)\b).*\b(?:REPORTO|DENUNCIO|DEMANDO"
            r"|BLOQUEO"
            r"|ACUSO)\b",
        ),
        (
            "another-channel",
            r"\b(?:NO MAS|NADA DE|BASTA DE) (?:\w+ ){1,3}(?:POR|X|VIA) (?:MENSAJES?|MSJS?|SMS|TEXTOS?)\b",
        ),
        (
            "remove-me",
            r"\bNO (?:ME|NOS) (?:INCLUYAN|INCLUYA|AGREGUEN|AGREGUE|PONGAN|PONGA|ANADAN|METAN)(?: MAS)? (?:EN"
            r"|A)"
            rf" (?:SUS|SU|LA|LAS|LOS|ESTA|ESTAS|ESTOS) (?:\w+ )?(?:LISTAS?|{_MESSAGES}|ENVIOS|DIFUSION)\b"
            + _ES_NOT_OF_ELSE,
        ),
        (
            "not-interested",
            r"^(?=(?:YA NO|NO GRACIAS)\b)(?:YA NO(?: GRACIAS)?|NO GRACIAS) (?:ADIOS|CHAO|CHAU|BYE|BAY)\b",
        ),
        (
            "wrong-number",
            r"\bNO (?:CONOZCO|CONOCEMOS) A (?:NADIE|NINGUN|NINGUNA) (?:\w+ )?(?:CON ESE NOMBRE|LLAMAD[OA]"
            r"|QUE SE LLAME)\b|\b(?:AQUI|ACA) NO VIVE (?:NINGUN|NINGUNA|NADIE)\b"
            r"|\bNO SOY (?:A )?(?:QUIEN|LA PERSONA QUE|EL QUE|LA QUE) (?:BUSCA|QUIERE)N?\b",
        ),
        (
            "leave-me-alone",
            rf"\b(?:DEJEN|DEJE|PAREN|PARE) (?:YA )?DE (?:FREGAR|JODER|CHINGAR|FASTIDIAR|MOLESTAR)(?:ME|NOS)?"
            rf"(?: YA)?{_ES_POLITE_END}",
        ),
        (
            "remove-me",
            rf"^(?:\w+ )?OLVID(?:EN|E)(?:ME|NOS){_ES_POLITE_END}|\b{_ES_OFF}(?:ME|NOS) DE (?:TODO )?ESTO\b",
        ),
        ("wrong-number", r"\bYA NO (?:USA|TIENE) (?:ESTE|ESE) (?:NUMERO|CELULAR|TELEFONO|CEL)\b"),
        (
            "another-channel",
            r"^(?=.*\b(?:CORREO|EMAIL|LLAM\w+|CARTA)\b).*\bNO (?:POR )?(?:MENSAJES?|MSJS?|SMS"
            r"|TEXTOS?)(?: DE TEXTO)?" + _ES_POLITE_END,
        ),
        (
            "how-to-stop",
            r"\b(?:COMO|QUE (?:HAGO|TENGO QUE HACER|DEBO HACER|HAY QUE HACER))\b.*\b(?:DEJAR|DEJO|DEJAMOS"
            r"|PARAR)"
            r" (?:DE|D) RECIBIR(?:LOS|LAS)?(?: (?:ESTO|ESO)| (?:(?:ESTOS|ESOS|ESTAS|ESAS|SUS|TUS|LOS|LAS|MAS)"
            rf" )?(?:\w+ )?(?:{_MESSAGES})\b|{_ES_POLITE_END})"
            r"|\bCOMO\b.*\bQUE (?:YA )?NO (?:ME|NOS) (?:LLEGUEN|LLEGEN|SIGAN LLEGANDO|MANDEN|ENVIEN"
            r"|ESCRIBAN)\b",
        ),
        (
            "no-need",
            r"\b(?:YA )?NO (?:HACE FALTA|ES NECESARIO|HAY NECESIDAD DE) (?:QUE (?:ME |NOS )?(?:SIGAN )?"
            rf"{_ES_STEMS}|(?:{_ES_VERBS})(?:ME|NOS)\b|(?:MAS )?(?:{_MESSAGES})\b){_ES_QUALIFIER}",
        ),
        (
            "stop-messages",
            r"\b(?:CESEN|CESE|CESAR|SUSPENDAN|SUSPENDER|DETENGAN|DETENER|PAREN|PARAR) (?:TODA|TODAS LAS|LA|SU"
            r"|SUS)"
            r" (?:COMUNICACION|COMUNICACIONES|CORRESPONDENCIA)\b",
        ),
        (
            "do-not-want",
            r"\bNO (?:QUIERO|QUEREMOS|DESEO) (?:RECIBIR )?(?:MAS )?(?:ENCUESTAS|SONDEOS)\b"
            rf"|\b(?:SUS|ESTOS|LOS) (?:\w+ )?(?:{_MESSAGES}) NO SON BIENVENIDOS\b",
        ),
        (
            "do-not-want",
            rf"^(?=.*\b(?:{_MESSAGES})\b).*\b(?:NO (?:LOS|LAS) (?:QUIERO|QUEREMOS) (?:MAS|RECIBIR)"
            r"|QUIERO QUE (?:PAREN|SE DETENGAN|CESEN|DEJEN DE LLEGAR))\b",
        ),
        (
            "leave-me-alone",
            r"\b(?:DEJEN|DEJE|PAREN|PARE) (?:YA )?DE (?:FREGAR|JODER|CHINGAR|FASTIDIAR|MOLESTAR) CON\b"
            rf"|\bNO (?:ME )?INSIST(?:A|AN)(?: MAS)?(?: POR (?:MENSAJES?|SMS|TEXTOS?|AQUI))?{_ES_POLITE_END}"
            r"|\bNO (?:ME )?INSIST(?:A|AN) (?:MAS )?POR (?:MENSAJES?|SMS|TEXTOS?)\b",
        ),
        (
            "withdraw-consent",
            r"\bNO (?:TIENEN|TIENE) (?:MI|NUESTRO) (?:PERMISO|CONSENTIMIENTO|AUTORIZACION) PARA "
            rf"(?:{_ES_STEMS}|{_ES_VERBS})",
        ),
        (
            "remove-me",
            rf"\b{_ES_OFF}(?:ME|NOS) DE (?:LOS|LAS|SUS|ESTOS|ESTAS|TODOS SUS"
            rf"|TODOS LOS) (?:\w+ )?(?:{_MESSAGES})\b"
            rf"|\b{_ES_OFF} (?:SU|MI|ESTE|NUESTRO) (?:NUMERO|TELEFONO|CELULAR|CEL) DE (?:LOS|LAS|SUS"
            r"|ESTOS|ESTAS)"
            rf" (?:\w+ )?(?:{_MESSAGES})\b"
            r"|\b(?:COMO (?:ME|NOS) (?:SALGO|SALIMOS)|QUIERO SALIRME) DE (?:ESTO|AQUI|ESTA LISTA|SU LISTA)\b"
            rf"|^BAJA X (?:FAVOR|FA){_ES_POLITE_END}",
        ),
        (
            "stop-messages",
            r"\b(?:CESEN|CESE|SUSPENDAN|SUSPENDA|DETENGAN|DETENGA|PAREN|PARE)(?: (?:INMEDIATAMENTE|YA|DE "
            r"INMEDIATO))? (?:EL ENVIO|LOS ENVIOS) DE\b"
            r"|^NO (?:AL|A LA|A LOS) (?:SPAM|PUBLICIDAD|TELEMARKETING|MENSAJES)\b",
        ),
        (
            "how-to-stop",
            r"\b(?:COMO|QUE HAGO|QUE TENGO QUE HACER)\b.*\bPARA QUE (?:DEJEN|PAREN) DE (?:LLEGAR|LLEGARME"
            r"|MANDAR|ENVIAR|ESCRIBIR)\w*\b",
        ),
        (
            "no-need",
            r"\bYA NO (?:NECESITO|NECESITAMOS) (?:LAS|LOS|SUS|ESTOS|ESTAS) (?:\w+ ){0,3}?POR (?:MENSAJES?|SMS"
            r"|TEXTOS?)\b",
        ),
        (
            "not-interested",
            r"^(?=.)(?:NO (?:GRACIAS )?)?(?:YO )?NO (?:ME |ESTOY |ESTAMOS )?INTERESA(?:DO|DA|N)?S?(?: NADA)?"
            r"(?: (?:GRACIAS|ADIOS|CHAO|BYE))*"
            + _ES_POLITE_END
            + r"|^(?=(?:NO GRACIAS|BYE|ADIOS|CHAO)\b)(?:NO GRACIAS|BYE|ADIOS|CHAO) YA NO"
            + _ES_POLITE_END
            + rf"|^(?=.*\b(?:CUANTAS VECES|SIGUEN|{_MESSAGES})\b).*\bLES (?:DIGO|DIJE|HE DICHO|REPITO) QUE"
            + r" (?:YA )?NO"
            + _ES_POLITE_END,
        ),
        (
            "block-or-report",
            r"^(?=.)(?:YA )?(?:BLOQUEAD[OA]S?|NUMERO BLOQUEADO|(?:LOS|LAS|LES|TE) (?:BLOQUEO|BLOQUEE"
            r"|VOY A BLOQUEAR|HE BLOQUEADO|TENGO BLOQUEAD[OA]S?))(?: (?:ADIOS|CHAO"
            r"|BYE))*"
            + _ES_POLITE_END
            + r"|\b(?:QUEJA|DENUNCIA|REPORTE|REPORTAR\w*|DENUNCIAR\w*|QUEJARME) (?:\w+ ){0,3}(?:FCC|FTC"
            r"|PROFECO)\b",
        ),
        (
            "stop-imperative",
            r"^(?:(?:NETA|OYE|YA|WEY|GUEY) )*(?:PARALE|PARENLE|PARELE)(?: (?:YA|WEY|GUEY|NETA))*"
            + _ES_POLITE_END,
        ),
        (
            "remove-me",
            r"^(?:YA )?(?:SACAME|BORRAME|QUITAME|ELIMINAME)(?: (?:YA|WEY|GUEY))*"
            + _ES_POLITE_END
            + r"|^(?:FAVOR (?:DE )?)?NO (?:CONTACTAR|MOLESTAR|ENVIAR|MANDAR|LLAMAR|ESCRIBIR)(?: MAS)?"
            + _ES_POLITE_END,
        ),
        (
            "how-to-stop",
            r"\b(?:COMO|QUE)\b.*\bPARA (?:QUE )?(?:YA )?NO (?:RECIBIR|SEGUIR RECIBIENDO|ME (?:LLEGUEN|MANDEN"
            r"|ENVIEN|ESCRIBAN))(?: MAS)?(?: (?:SUS|ESTOS|ESOS|LOS|TUS|LAS))?(?: \w+)?(?: (?:"
            rf"{_MESSAGES})\b|{_ES_POLITE_END})",
        ),
        (
            "their-line",
            rf"^(?=.*\b(?:MI (?:MAMA|PAPA|MADRE|PADRE|ABUEL\w*|ESPOS[OA]|HIJ[OA]|TI[OA]|HERMAN[OA]|SUEGR[OA])"
            r"|DE PARTE DE|CUIDADOR\w*|SENOR|SENORA|SR|SRA)\b).*(?:\bNO (?:QUIERE|DESEA"
            rf"|NECESITA) (?:MAS |RECIBIR |SUS |LOS |ESTOS )*(?:{_MESSAGES})\b(?! DE (?:MI|TU|SU)\b)"
            r"|\bNO LES? (?:MANDEN|ENVIEN|ESCRIBAN|TEXTEEN|MANDE|ENVIE|ESCRIBA)\b"
            + _ES_QUALIFIER
            + rf"|\b{_ES_OFF}(?:LO|LA){_ES_POLITE_END})",
        ),
        (
            "do-not-want",
            r"\bNO (?:QUIERO|DESEO|QUEREMOS) (?:SEGUIR )?(?:SIENDO|SER) PARTE DE (?:ESTA|SU|LA|ESTE|SUS) "
            rf"(?:LISTAS?|DIFUSION|BASE|(?:{_MESSAGES}))\b"
            rf"|\bNO (?:ACEPTO|ACEPTAMOS|AUTORIZO) (?:MAS )?(?:SUS |ESTOS |LOS )?(?:\w+ )?(?:{_MESSAGES})\b"
            r"|\bNO (?:ME )?INTERESA NADA DE LO QUE (?:VENDEN|OFRECEN|MANDAN)\b",
        ),
        (
            "no-need",
            rf"\b(?:YA )?NO (?:HACE FALTA|ES NECESARIO) (?:(?:{_ES_VERBS})|QUE (?:SIGAN )?{_ES_STEMS})"
            r" (?:A|AL) "
            r"(?:ESTE|MI) (?:NUMERO|CELULAR|TELEFONO|CEL)\b",
        ),
        ("too-many-texts", _too_many("ACOSO|BASTA|YA ESTUVO|SPAM", "AL DIA|POR DIA|HOY|DESDE")),
        (
            "too-many-texts",
            r"^(?=.*\b(?:YA BASTA|BASTA YA|YA ESTUVO)\b).*\bDESDE ENTONCES NO PARAN\b"
            rf"|\bPARENLE (?:AL|CON EL|A LOS|A LAS|CON LOS|CON LAS) (?:{_MESSAGES})\b",
        ),
        (
            "block-or-report",
            r"\b(?:LOS|LAS|LES) (?:VOY|VAMOS) A BLOQUEAR\b",
        ),
        ("do-not-call", r"\b(?:LISTA|REGISTRO) (?:\w+ )?DE NO (?:CONTACTAR|LLAMAR|MOLESTAR)\b"),
        (
            "do-not-use-number",
            r"\bNO (?:USEN|USE|UTILICEN|UTILICE) (?:ESTE|MI|NUESTRO) (?:NUMERO|TELEFONO|CELULAR|CEL)\b"
            r"|\bYA NO (?:LO|ME|NOS) (?:USEN|UTILICEN)\b"
            r"|\bOLVIDEN(?:SE)? (?:DE )?(?:ESTE|MI) (?:NUMERO|TELEFONO|CELULAR)\b"
            r"|\bNO (?:ME|NOS) (?:PIDAN|PIDA|MANDEN|ENVIEN) (?:\w+ ){0,2}"
            r"(?:POR AQUI|POR ESTE (?:NUMERO|MEDIO)|A ESTE NUMERO)\b"
            r"|\b(?:NINGUN|NADA DE|CERO) (?:CONTACTO|MENSAJES?|LLAMADAS) (?:POR|A|EN|AL) (?:ESTE|MI)"
            r" (?:NUMERO|TELEFONO|CELULAR|CEL)\b",
        ),
        (
            "remove-me",
            rf"\b{_ES_OFF} (?:SU|SUS) (?:NUMERO|TELEFONO|CELULAR|DATOS)\b",
        ),
        ("remove-me", rf"^(?=.*{_ES_THEIR_LINE}).*\b{_ES_OFF}LO\b"),
        (
            "remove-number",
            rf"\b{_ES_OFF}(?:LOS|LAS) DE (?:ESTE|MI) (?:NUMERO|TELEFONO|CELULAR|CEL)\b"
            r"|^(?=.*\b(?:LISTAS?|GRUPO)\b).*\b(?:SAQUENME|SAQUEME|SACAME) DE AHI\b",
        ),
        (
            "remove-me",
            rf"^(?=.*\b(?:{_MESSAGES}|LISTA|NUMERO)\b).*\b{_ES_OFF}(?:ME|NOS) DE (?:AHI|AQUI|ALLI|ALLA"
            rf"|ACA)\b",
        ),
        (
            "no-advertising",
            r"\bNO (?:ACEPTO|ACEPTAMOS|QUIERO|QUEREMOS) (?:PUBLICIDAD|PROMOCIONES|PROPAGANDA|SPAM)\b"
            rf"|\bBAJA DE (?:LOS |SUS )?(?:{_MESSAGES})\b",
        ),
        (
            "no-need",
            rf"\bNO TIENE (?:CASO|SENTIDO) (?:QUE (?:ME |NOS )?(?:SIGAN )?{_ES_STEMS}"
            rf"|(?:SEGUIR )?(?:{_ES_VERBS}))",
        ),
        ("no-need", rf"{_SO_TOO}(?:LOS |LAS |SUS )?(?:{_MESSAGES}) TAMBIEN\b"),
        (
            "stop-messages",
            r"^(?:PARAR|CANCELAR|DETENER|SUSPENDER|PAREN|CANCELEN|DETENGAN|SUSPENDAN) "
            rf"(?:LOS |LAS |SUS |ESTOS )?(?:{_MESSAGES})\b{_ES_NOT_OF_KIN}",
        ),
        (
            "remove-me",
            rf"\b(?:ME|NOS) (?:PUEDEN |PUEDE |PODRIAN |PODRIA )?(?:{_ES_OFF}|QUITAR|SACAR|ELIMINAR"
            r"|BORRAR) DE "
            rf"(?:(?:LOS |LAS |SUS |ESTOS |ESTAS )?(?:{_MESSAGES})\b{_ES_NOT_OF_KIN}"
            rf"|(?:LA |SU |ESTA )?LISTA\b{_ES_NOT_OF_ELSE})"
            r"|\bCOMO (?:ME |NOS |SE )?(?:SALGO|SALIMOS|SALE|DOY DE BAJA|DA DE BAJA)(?: UNO)? DE "
            rf"(?:ESTA|SU|LA|ESTOS|SUS|LOS) (?:LISTA|{_MESSAGES})\b{_ES_NOT_OF_ELSE}"
            r"|\bPONGANME FUERA DE (?:LA|SU|ESTA) LISTA\b",
        ),
        (
            "do-not-send",
            r"\bNO (?:LE|LES|ME|NOS) (?:MANDEN|ENVIEN|ESCRIBAN|TEXTEEN|LLAMEN|CONTACTEN) (?:NADA|MAS)\b"
            + _ES_QUALIFIER,
        ),
        (
            "said-no",
            rf"^(?=.*\bDIJ\w* (?:\w+ ){{0,6}}?QUE NO\b).*\bPOR QUE (?:ME |NOS )?SIGUEN(?: (?:{_ES_STEMS}"
            rf"|LLEGANDO)\b|$)",
        ),
        (
            "you-can-stop",
            rf"^(?:YA )?PUEDEN (?:PARAR(?:LE)?{_ES_POLITE_END}|DEJAR (?:DE (?:{_ES_VERBS})|(?:LOS|LAS|SUS) "
            rf"(?:{_MESSAGES}))\b)",
        ),
        (
            "no-need",
            rf"\bNO (?:TIENEN|HAY) (?:POR QUE|RAZON PARA) (?:SEGUIR )?(?:(?:ME|NOS) {_ES_STEMS}"
            rf"|{_ES_STEMS}(?:ME|NOS)\b)",
        ),
        ("object", rf"\bME OPONGO A (?:\w+ ){{0,4}}(?:{_MESSAGES})\b"),
        ("spam", rf"^(?:ESTO )?ES (?:PURO )?SPAM{_ES_POLITE_END}"),
        (
            "another-channel",
            r"^(?=.*\b\w+NME\b.*\b(?:CORREO|MAIL|CARTAS?)\b).*\bNO (?:POR )?(?:MENSAJES?|SMS)\b(?! DE VOZ)",
        ),
        ("repeat-keyword", r"^(?=.).*\b(?:OTRA VEZ|DE NUEVO|REPITO) (?:BAJA|ALTO)$"),
        ("their-line", rf"^(?=.*\b(?:NUMERO|CELULAR|TELEFONO) (?:ES )?NUEVO\b).*\bNO LE (?:{_ES_STEMS})\b"),
        ("block-or-report", r"\b(?:REPORT|DENUNCI|QUEJ|ACUS)\w* (?:\w+ )?(?:A|ANTE|CON|EN) PROFECO\b"),
        ("remove-me", rf"^(?:\w+ )?{_ES_OFF}(?:ME|NOS) DE AHI{_ES_POLITE_END}"),
        (
            "off-the-list",
            rf"^SALIR(?:ME)?(?: DE (?:AQUI|ESTO|SUS (?:{_MESSAGES})))?{_ES_POLITE_END}",
        ),
        (
            "block-or-report",
            r"\b(?:VOY|VAMOS) A (?:BLOQUEAR|REPORTAR|DENUNCIAR) (?:ESTE|SU) (?:NUMERO|CEL|CELULAR"
            r"|TELEFONO)\b",
        ),
        (
            "fed-up",
            rf"(?:\bYA |^)DEJ(?:A|EN|E) (?:LOS|SUS|TUS|ESOS|ESTOS|LAS|ESAS|ESTAS) (?:{_MESSAGES})(?: YA)?$"
            rf"|\bDEJ(?:A|EN|E) (?:LOS|SUS|TUS|ESOS|ESTOS|LAS|ESAS|ESTAS) (?:{_MESSAGES}) YA$",
        ),
        (
            "do-not-send",
            r"\bYA NO (?:ME|NOS) (?:MANDEN|ENVIEN|MANDE|ENVIE) (?:ESAS|ESOS|ESTAS|ESTOS|SUS|TUS) (?:COSAS"
            r"|PORQUERIAS|BASURAS?|CADENAS|CHINGADERAS)\b",
        ),
        ("block-or-report", rf"^(?=.)(?:NUMERO )?BLOQUEAD[OA]S? NUNCA MAS{_ES_POLITE_END}"),
        (
            "enough",
            r"^(?=.)(?:YA )?(?:NO MAS|BASTA)(?: POR FAVOR)*(?: (?:SE|TE) (?:LO|LOS))? "
            r"(?:RUEGO|SUPLICO|IMPLORO)\b",
        ),
        (
            "do-not-send",
            rf"\bNO (?:DEBERIAN|DEBEN|DEBERIA|DEBE) (?:ME |NOS )?{_ES_STEMS}\b{_ES_QUALIFIER}"
            + _ES_THING_OBJECT,
        ),
        (
            "how-to-stop",
            r"\b(?:RESPONDO|CONTESTO|ESCRIBO|PONGO|MANDO|RESPONDER|CONTESTAR|ESCRIBIR|PONER|MANDAR) PARA "
            r"(?:QUE (?:PAREN|DEJEN|YA NO|NO ME)|DARME DE BAJA|SALIRME|YA NO RECIBIR)",
        ),
        ("stop-imperative", rf"(?:^|\bYA )(?:PARENLE|PARENLA|PARENLO)(?: YA)?{_ES_POLITE_END}"),
        (
            "fed-up",
            r"\b(?:QUE (?:JARTERA|FASTIDIO|LATA|LADILLA|PESADEZ|VAINA|JODA|CANSANCIO)|FUERA(?: DE AQUI)?)"
            r" CON "
            rf"(?:LOS |SUS |ESTOS |TANTOS |TUS )?(?:{_MESSAGES})\b{_ES_NOT_OF_ELSE}",
        ),
        ("no-more-messages", rf"\bNADA MAS DE (?:{_MESSAGES})\b"),
        ("do-not-send", rf"^(?:YA )?NO (?:SIGAN|CONTINUEN)(?: CON ESTO)?{_ES_POLITE_END}"),
        ("unsubscribe", rf"^(?:DE|DENME DE|DEME DE) BAJA{_ES_POLITE_END}"),
        ("no-need", r"\bNO (?:NECESITO|NECESITAMOS) (?:SUS|LOS) SERVICIOS\b"),
        (
            "remove-me",
            r"\b(?:PEDI|HE PEDIDO|SOLICITE|PEDIMOS) QUE (?:ME|NOS) (?:(?:QUIT|SAC|BORR|ELIMIN|RETIR)\w*"
            rf"(?:RAN|EN)(?: DE (?:LA|SU|SUS|ESA) (?:LISTAS?|BASE|{_MESSAGES})\b|(?= HACE\b|$))"
            r"|(?:DIERAN|DEN) DE BAJA\b)",
        ),
        ("pestering", rf"^(?=.)(?:ESTO (?:YA )?ES |ES )?(?:ACOSO|HOSTIGAMIENTO){_ES_POLITE_END}"),
        ("said-no", r"\bCUANTAS VECES (?:LES |LE )?(?:TENGO|TENEMOS|HAY) QUE DECIR(?:LES|LE)?(?: QUE)? NO\b"),
        (
            "repeat-keyword",
            r"\bQUE PARTE DE (?:BAJA|ALTO|STOP|NO ME ESCRIBAN|NO ME MANDEN)"
            r" NO (?:ENTIENDE|ENTIENDEN|ENTENDIO)\w*",
        ),
        (
            "not-interested",
            r"\bNO (?:ME |ESTOY |ESTAMOS )?INTERESA(?:DO|DA|N)?S? (?:EN )?(?:SUS|SU (?:OFERTA|PROMOCION"
            r"|SERVICIO|PRODUCTO|PROPUESTA))\b",
        ),
        (
            "never-signed-up",
            r"\bNUNCA (?:HE |HEMOS )?(?:COMPR|US|CONTRAT|FUI|IDO|PED)\w*(?: \w+){0,3} (?:(?:CON|A|DE) USTEDES"
            r"|(?:(?:CON|A|DE|EN) )?SU (?:EMPRESA|NEGOCIO|TIENDA|COMPANIA|SERVICIO|OFICINA|CLINICA))\b",
        ),
        (
            "unsubscribe",
            r"^(?=.*\b(?:ME DI|NOS DIMOS|ME HE DADO) DE BAJA\b).*\b(?:SIGUEN|TODAVIA|AUN) (?:ME |NOS )?"
            r"(?:LLEG|MAND|ESCRIB|ENVI)\w*",
        ),
        (
            "not-interested",
            r"^(?=.)(?:YO )?NO (?:ME |ESTOY |ESTAMOS )?INTERESA(?:DO|DA|N)?S?(?= (?:GRACIAS )?(?:YA (?:TENGO"
            r"|TENEMOS|COMPR|ESTOY|ESTAMOS)|RENTO|RENTAMOS|ALQUILO|NO (?:TENGO|NECESITO|NECESITAMOS))\w*\b)",
        ),
        (
            "stop-messages",
            r"\b(?:APAGUEN|APAGUE|DESACTIVEN|DESACTIVE|CORTEN|CORTE) (?:TODAS |TODOS )?(?:LAS |LOS |SUS "
            rf"|ESAS |ESTAS |ESOS |ESTOS )?(?:{_MESSAGES})\b",
        ),
        (
            "leave-me-alone",
            rf"^(?=.){_NOT_TO_FRIENDS}.*\bDEJEN?ME (?:EN PAZ|TRANQUIL[OA]S?) CON (?:SUS?|LOS|LAS|ESOS|ESAS"
            r"|TANT[OA]S)\b",
        ),
        (
            "enough",
            r"^(?=.*\b(?:ME|NOS) (?:ESCRIB|MAND|LLAM|ENVI|TEXTE)\w*(?:EN|ARON|IERON)\b)"
            rf"(?!.*\b(?:MIS|TUS) ){_NOT_TO_FRIENDS}.*\b(?:YA NO|BASTA|NI UNA NI OTRA|NI UNO NI OTRO)"
            + _ES_POLITE_END,
        ),
        (
            "no-more-messages",
            rf"^(?:(?:\w+ )?YA )?NI (?:UN|UNA) (?:SOL[OA] )?(?:{_MESSAGES}) MAS{_ES_POLITE_END}",
        ),
        (
            "block-or-report",
            rf"\b(?:DENUNCI|REPORT|QUEJ|DEMAND)\w*\b.*\b(?:{_REGULATORS})\b"
            rf"|^(?=.*\b(?:(?:COMO|SI) (?:ME )?(?:LLEGUE|LLEGA|SIGUEN|SIGUES|CONTINUAN|MANDAN|MANDAIS)"
            rf"|OTRO (?:{_MESSAGES})|UN (?:{_MESSAGES}) MAS)\b)"
            r".*\b(?:OS|LOS|LES|TE) (?:DENUNCIO|REPORTO|DEMANDO|BLOQUEO)\b",
        ),
        (
            "do-not-send",
            r"\b(?:NO|NUNCA) (?:ME |NOS )?(?:SIGAIS|SIGAS|SIGA|CONTINUEN|CONTINUEIS|CONTINUES) "
            rf"(?:A )?{_ES_STEMS}" + _ES_OTHER_OBJECT,
        ),
        (
            "remove-me",
            r"\b(?:ME|NOS) (?:QUITA|QUITAN|QUITAS|SACA|SACAN|SACAS|BORRA|BORRAN|BORRAS|ELIMINA|ELIMINAN) DE "
            r"(?:(?:LA|SU|TU|ESTA|ESA|ESOS|ESTOS|SUS|TUS|LOS) )?"
            rf"(?:LISTAS?\b{_ES_NOT_OF_KIN}{_ES_EVERYDAY_LIST}|(?:{_MESSAGES})\b)"
            rf"|^{_ES_OFF}(?:ME|NOS) DE (?:LA|SU|TU|ESTA) LISTA\b{_ES_NOT_OF_KIN}{_ES_EVERYDAY_LIST}",
        ),
        (
            "another-channel",
            rf"\bPOR (?:AQUI|ACA|ESTE MEDIO|SMS|MENSAJE) (?:YA )?NO(?: MAS)?{_ES_POLITE_END}"
            r"|\bYA NO POR (?:AQUI|ACA|ESTE MEDIO|SMS|MENSAJES?)\b",
        ),
        ("no-more-messages", rf"^NO (?:NO )+MAS{_ES_POLITE_END}"),
        (
            "unsubscribe",
            r"^(?=.*\b(?:NO|YA|VALE|BASTA|MENSAJES|PUBLICIDAD|PUBLICITAT)\b).*(?<!\bNO )(?<!\bSE )(?<!\bMAS )"
            rf"(?<!\bMUY )(?<!\bTAN )(?<!\bESTA )(?<!\bLA )(?<!\bES )\bBAJA{_ES_POLITE_END}",
        ),
        ("block-or-report", r"\b(?:BLOQUEO|VOY A BLOQUEAR) (?:EL|ESTE|SU) (?:NUMERO|TELEFONO)(?! DE\b)"),
        (
            "rather-not",
            rf"\bPREFER\w* QUE (?:YA )?NO (?:ME |NOS )?{_ES_STEMS}{_ES_QUALIFIER}"
            r"|\bPREFER\w* (?:YA )?NO RECIBIR"
            rf"(?:LOS|LAS)?(?: MAS| (?:SUS |SUS |LOS |LAS |ESTOS |ESTAS )?(?:{_MESSAGES}))",
        ),
        (
            "no-need",
            rf"\bNO (?:HACE FALTA|ES NECESARIO|HAY RAZON PARA) QUE (?:ME |NOS )(?:SIGAN )?{_ES_STEMS}",
        ),
        (
            "make-it-stop",
            rf"^(?=.*\b(?:ESTO|ESTOS|{_MESSAGES}|INSCRIBIO"
            rf"|APUNTO)\b).*\b(?:PARA )?QUE (?:YA )?PAREN?(?: YA)?{_ES_POLITE_END}",
        ),
        (
            "their-line",
            r"^(?=.*\b(?:ME PIDIO|ESTE (?:NUMERO|TELEFONO)|ESPOS[OA]|DE PARTE DE)\b).*\b(?:YA NO|NO|DEJEN DE)"
            r" LES? (?:MANDEN|ESCRIBAN|ENVIEN|MANDAR|ESCRIBIR|ENVIAR)\b|\bQUITA\w* SU NUMERO\b",
        ),
        (
            "the-texts-can-go",
            rf"\b(?:LOS |SUS )?(?:{_MESSAGES}) YA NO{_ES_POLITE_END}|^(?:YA )?ME SALGO{_ES_POLITE_END}",
        ),
        ("leave-number-alone", r"\bDEJEN (?:ESTE|MI) (?:NUMERO|TELEFONO|CELULAR) EN PAZ\b"),
        ("their-line", rf"\bNO (?:LE |LES )?{_ES_STEMS} A ESTE (?:NUMERO|TELEFONO|CELULAR)\b"),
        (
            "block-or-report",
            r"\b(?:SI (?:ME )?(?:LLEGA|MANDAN|ENVIAN) OTRO|OTRO (?:MAS|MENSAJE) Y)\b(?: \w+){0,3}"
            r" (?:LOS |LES |LO )?(?:BLOQUEO|BLOQUEAR|REPORTO|DENUNCIO)\b",
        ),
        ("pestering", rf"\b(?:ESTO )?(?:YA )?ES (?:UN )?ACOSO{_ES_POLITE_END}"),
        (
            "how-to-stop",
            r"\bCAMBIAR (?:DE|MI) NUMERO PARA QUE (?:DEJEN|PAREN|YA NO)\b|\bPARA QUE (?:YA )?NO (?:ME |NOS )?"
            rf"(?:LLEGUEN|{_ES_STEMS}) (?:ESTOS|ESTAS|SUS|LOS|LAS|MAS) (?:{_MESSAGES})\b|\bSE (?:QUITA"
            r"|SALE) UNO\b",
        ),
        ("do-not-want", rf"\b(?:LOS|SUS|ESOS|ESTOS) (?:{_MESSAGES}) (?:YA )?NO LOS QUIERO\b"),
        (
            "remove-me",
            r"\b(?:QUITAR|SACAR|BORRAR|ELIMINAR|RETIRAR)(?:LO|LA|LOS|LAS|ME|NOS) DE (?:SUS?|LA|LAS|LOS)"
            rf" (?:LISTAS?|ENVIOS|BASE|CONTACTOS|{_MESSAGES})\b(?! DE (?!(?:DIFUSION|ENVIOS|{_MESSAGES})\b))",
        ),
        (
            "no-longer-customer",
            r"^(?:YA )?(?:YA NO (?:VIVO|VIVIMOS|USO|USAMOS|SOY CLIENTE"
            r"|(?:TENGO|TENEMOS) (?:EL|LA|ESE|ESA|ESTE|ESTA|SU)(?! (?:TIEMPO|DINERO|FUERZA|GANAS)\b))\b"
            r"(?! CON\b)(?: \w+){0,5}"
            r"|(?:(?:ME|NOS) )?(?:CAMBIAMOS|CAMBIE) DE (?:BANCO|DENTISTA|FARMACIA|ASEGURADORA"
            r"|AEROLINEA|CASA)"
            r"|VENDI(?:MOS)? (?:ESE|ESTE|EL|LA|ESA|ESTA)\b(?: \w+){0,3}|(?:ME|NOS) MUDAMOS"
            r"|ME MUDE(?: \w+){0,3})"
            rf"{_ES_POLITE_END}",
        ),
        ("no-more-messages", rf"^(?=.)(?:NO )*NO MAS{_ES_POLITE_END}"),
        (
            "do-not-send",
            r"\bNO (?:ME|NOS) (?:MANDEN|ENVIEN|MANDE|ENVIE) (?:ESO|ESTO|ESOS|ESTOS|ESAS|ESTAS|ESO YA)"
            r" (?:A MI|AQUI|ACA|A ESTE NUMERO)\b",
        ),
        (
            "said-no",
            r"^(?=.*\b(?:DIJE|ESCRIBI|MANDE|PUSE|RESPONDI|TE DIJE|LES DIJE) (?:STOP|ALTO|BAJA|PARAR)\b)"
            r".*\b(?:SIGUEN|TODAVIA|AUN) (?:ME |NOS )?(?:LLEG|MAND|ESCRIB|ENVI|RECIB)\w*",
        ),
        (
            "remove-me",
            r"^(?=.)(?:SACA|SAQUE|SAQUEN|QUITA|QUITE|QUITEN|BORRA|BORREN)(?:ME|NOS) DE "
            rf"(?:ESTO|ESTA COSA|AQUI){_ES_POLITE_END}",
        ),
        (
            "another-channel",
            r"\bEN (?:VEZ|LUGAR) DE (?:(?:MANDAR|ENVIAR|ESCRIBIR|TEXTEAR)(?:ME|NOS)?(?: \w+)? )?"
            rf"(?:{_MESSAGES})\b"
            r"|\b(?:YO )?NO (?:USO|LEO|REVISO|MANEJO|UTILIZO) (?:LOS )?(?:MENSAJES|TEXTOS|SMS)\b",
        ),
        (
            "remove-number",
            rf"\b(?:DEN|DE|DAR|DAME|DENME) DE BAJA (?:ESTE|MI|EL|ESE) (?:NUMERO|CELULAR|TELEFONO|CEL)\b"
            rf"|\b{_ES_OFF}(?:LO|LA|ME|NOS) DE (?:LOS|LAS|SUS|ESTOS|ESTAS) (?:\w+ )?(?:(?:{_MESSAGES})\b"
            rf"|LISTAS?\b{_ES_NOT_OF_ELSE})",
        ),
        (
            "their-line",
            r"^(?=.*\b(?:MANDEN|ENVIEN|MANDAR|ENVIAR|AVISOS|RECORDATORIOS|MENSAJES)\b).*\bYA NO (?:AL|A)"
            rf" (?:MIO|MI (?:CELULAR|NUMERO|TELEFONO|CEL)\b|MI{_ES_POLITE_END})",
        ),
        (
            "how-to-stop",
            r"\b(?:HAY (?:FORMA|MANERA|MODO)|COMO (?:LE )?(?:HAGO|PUEDO)|SE PUEDE) (?:PARA |DE )?(?:DEJAR DE"
            r" RECIBIR|YA NO RECIBIR|NO RECIBIR)(?: MAS)? (?:ESTO|ESTOS|ESTAS|ESO|ESOS|ESAS)\b",
        ),
        (
            "remove-me",
            r"\b(?:QUE )?(?:ME|NOS) (?:BORREIS|QUITEIS|SAQUEIS|ELIMINEIS|DEIS DE BAJA)\b"
            r"|\b(?:BORRADME|QUITADME|SACADME|ELIMINADME|DADME DE BAJA)\b",
        ),
        ("stop-imperative", rf"^(?:YA |PARA |PA |P )?(?:QUE|Q) (?:YA )?PAREN(?: YA)?{_ES_POLITE_END}"),
        (
            "stop-imperative",
            r"^(?:YA )?(?:PAREN|PARENLE|DETENGANSE)(?: (?:YA|POR FAVOR|PORFA|XFA|AHORA|EN SERIO|DE VERDAD"
            r"|NETA|DE UNA VEZ))+$",
        ),
        (
            "no-more-messages",
            rf"^(?=.)(?:YA ESTUVO|YA BASTA|BASTA YA|BASTA|YA FUE) NO MAS{_ES_POLITE_END}"
            rf"|^(?:POR FAVOR|X FAVOR|XFAVOR|XFA|PORFA|PORFAVOR|PORFIS) YA NO{_ES_POLITE_END}",
        ),
        (
            "threat",
            r"^(?:\w+ )?(?:PAREN|DEJEN|BASTA|ALTO|STOP)(?: YA)? (?:O|ANTES DE QUE|SI NO) (?:\w+ ){0,3}"
            r"(?:ABOGADO|DENUNCI\w*|DEMAND\w*|REPORT\w*|BLOQUE\w*|POLICIA|PROFECO)\b",
        ),
        (
            "no-more-messages",
            rf"\b(?:PERO|SOLO|SOLAMENTE|UNICAMENTE)(?: POR FAVOR)? (?:SIN|NADA DE|NO) (?:{_MESSAGES})\b"
            rf"|^YA+ NO MAS{_ES_POLITE_END}",
        ),
        (
            "pestering",
            r"\b(?:DIJE|PUSE|MANDE|ESCRIBI|RESPONDI|HE DICHO|HE PUESTO|TE DIJE|LES DIJE) (?:QUE )?"
            rf"(?:STOP|ALTO|BAJA|PARAR|BASTA) (?:{_MANY_TIMES} VECES|(?:Y )?PUNTO)\b"
            r"(?! (?:A|Y|PERO) (?:EL|ELLA|ELLOS|ELLAS|MI|MIS|LOS|LAS)\b)",
        ),
        (
            "their-line",
            r"^(?=.* (?:QUIT|SAQU|BORR|ELIMIN|BAJA|ALTO|MANDEN|ESCRIBAN|ENVIEN|DEJEN DE)).*\b(?:ESTE|ES) "
            r"(?:ES )?(?:UN |EL )?(?:TELEFONO|CEL|CELULAR|NUMERO) (?:DE (?:TRABAJO|LA (?:EMPRESA|OFICINA)"
            r"|UN (?:MENOR|NINO|NINA))|DEL TRABAJO|CORPORATIVO)\b",
        ),
        (
            "make-it-stop",
            r"\b(?:DEJEN DE|DEJA DE|PAREN DE|NO) (?:ME )?(?:LLEN|SATUR|BOMBARDE|INUND|SPAME)\w* (?:EL"
            r"|MI) (?:CEL|CELULAR|TELEFONO|TEL|BUZON|WHATSAPP)\b",
        ),
        (
            "begging",
            r"^(?:YA NO|NO MAS|YA BASTA|BASTA)(?: (?:PLIS|PORFA|POR FAVOR|PORFIS))* (?:TE LO|SE LOS?"
            r"|LES) (?:RUEGO|SUPLICO|PIDO)(?: POR FAVOR)?(?: LOL)?$",
        ),
        (
            "refuse",
            r"\b(?:RECHAZO|NO ACEPTO|NO AUTORIZO) (?:LOS |SUS |ESTOS |ESOS |LAS )?"
            rf"(?:{_MESSAGES})\b",
        ),
        (
            "do-not-want",
            r"^(?=.* (?:LLEG|MAND|ENVI|ESCRIB|RECIB|MENSAJ|TEXTO|SMS)).*\b(?:(?:YA )?NO (?:LOS|LAS) QUIERO"
            rf"(?: YA| MAS)?|YA NO (?:QUIERO|NECESITO|OCUPO) (?:NINGUNO|NINGUNA|NADA|MAS)){_ES_POLITE_END}",
        ),
        ("do-not-want", rf"\bYA NO (?:OCUPO|NECESITO|QUIERO) (?:LOS|SUS|ESTOS|ESOS) (?:{_MESSAGES})\b"),
        (
            "do-not-send",
            rf"^(?:YA )?NO (?:ME|NOS) (?:MANDEN|ENVIEN|ESCRIBAN)(?: ESO| ESTO| NADA| MAS)?{_ES_POLITE_END}",
        ),
        (
            "stop-imperative",
            rf"\b(?:PERO|ASI QUE|ENTONCES) (?:YA )?(?:PAREN|PARENLE|DETENGANSE)(?: YA)?{_ES_POLITE_END}"
            rf"|^YA (?:QUE )?PAREN(?:LE)?{_ES_POLITE_END}",
        ),
        (
            "remove-it",
            r"^(?=.*\b(?:NUMERO NUEVO|NUEVO NUMERO|YA NO ES)\b).*\b(?:BORR|ELIMIN|QUIT|SAQU)(?:EN|E)(?:LO|LA)"
            rf"{_ES_POLITE_END}",
        ),
        (
            "another-channel",
            r"^(?:(?:MANDENME|ENVIENME|MEJOR|SOLO|TODO|POR) )*(?:CORREO|EMAIL|MAIL|PAPEL|CARTA)(?: \w+)? "
            rf"(?:MEJOR|EN SU LUGAR|SOLAMENTE|UNICAMENTE){_ES_POLITE_END}",
        ),
        (
            "remove-me",
            rf"\b(?:{_ES_OFF}|BAJEN|BAJE)(?:ME|NOS) DE (?:LA|SU|ESTA|SUS|LAS) LISTAS?\b{_ES_NOT_OF_KIN}"
            rf"{_ES_EVERYDAY_LIST}",
        ),
        (
            "do-not-send",
            r"\b(?:YA NO (?:ME|NOS) (?:MANDEN|ENVIEN|MANDE|ENVIE|ESCRIBAN|PIDAN)|NO (?:ME|NOS) (?:MANDEN"
            r"|ENVIEN"
            rf"|PIDAN) MAS)\b{_ES_OTHER_OBJECT}",
        ),
        (
            "do-not-want",
            r"\bNO (?:QUIERO|QUEREMOS|DESEO|DESEAMOS) (?:RECIBIR|QUE ME (?:MANDEN|ENVIEN)) (?:NADA )?MAS"
            rf"{_ES_POLITE_END}",
        ),
        (
            "no-need",
            r"\bYA NO (?:NECESITO|NECESITAMOS) (?:LOS |LAS |SUS |ESTOS |ESTAS |EL |LA )?(?:\w+ ){0,4}?"
            rf"(?:(?:{_MESSAGES})\b|POR (?:MENSAJE|TEXTO|SMS)\b)",
        ),
        (
            "no-longer-customer",
            r"^(?:ALTO|BASTA|PAREN)\b.*\b(?:YA )?CANCELE (?:MI|LA|EL) (?:\w+ )?(?:MEMBRESIA|CUENTA"
            r"|SUSCRIPCION"
            r"|SERVICIO|POLIZA|PLAN)\b",
        ),
        (
            "stop-sending",
            r"\b(?:DEJEN|PAREN) DE GASTAR (?:SU )?(?:DINERO|TIEMPO) (?:EN )?(?:MAND|ENVI|ESCRIB)",
        ),
        ("stop-asking", rf"\b(?:DEJEN|PAREN) DE PEDIR(?:ME|NOS|LE) (?:MAS )?{_ASKED_FOR}\b"),
        (
            "stop-asking",
            r"\b(?:PAREN|DETENGAN|SUSPENDAN) (?:LA|SU|ESTA|LAS|SUS) (?:CAMPANA|SOLICITUDES|PETICIONES)\b",
        ),
        # "no quiero recibir más", "ya no me los manden": no noun needed
        (
            "do-not-want",
            rf"^(?:YA )?NO (?:QUIERO|DESEO) (?:SEGUIR )?RECIBI(?:R|ENDO)(?:LOS|LAS)? MAS{_ES_POLITE_END}",
        ),
        (
            "do-not-send",
            r"^(?:(?:YA )?NO (?:ME|NOS) |YA NO )(?:LOS|LAS) (?:MANDEN|ENVIEN|ESCRIBAN)(?: MAS)?"
            + _ES_POLITE_END,
        ),
        (  # a threat to complain unless the messages stop
            "block-or-report",
            r"^(?=.*\b(?:QUEJA|DENUNCI\w*|DEMANDA\w*|REPORT\w*|ABOGADO|PROFECO)\b)"
            r".*\bSI NO (?:PARAN|DEJAN DE)\b",
        ),
        (  # a gambling or shop promotion's own nouns, told to stop
            "stop-messages",
            r"\b(?:PAREN|PARENLE|ALTO|STOP|BASTA)(?: CON| DE)? (?:SUS |ESTOS |ESTAS |LOS |LAS )?"
            r"(?:BONOS|BONUS|(?:APUESTAS|GIROS|TIRADAS) GRATIS)\b",
        ),
    ),
    FRENCH: (
        (
            "stop-sending",
            rf"\b(?:ARRETEZ|ARRETE|ARRETER|CESSEZ|CESSE|CESSER|STOPPEZ) (?:DE|D) (?:M |ME |NOUS )?M?"
            rf"(?:{_FR_VERBS})\b(?! (?:TA|TON|TES|SA|SON|SES|LEUR|LEURS)\b){_FR_OTHER_OBJECT}"
            r"(?!.* (?:DANS|SUR|AU|A) (?:LE |LA )?(?:GROUPE|CHAT|CONVERSATION)\b)",
        ),
        (
            "stop-messages",
            r"\b(?:ARRET|CESS|STOPP|SUSPEND)\w* (?:TOUT|TOUS LES|LES|VOS|L) ENVOIS?\b"
            r"|\b(?:STOP|HALTE) (?:A|AUX) (?:TOUT|CES|VOS|LES|CA|VOTRE|TOUS)\b"
            r"|\b(?:ARRET|CESS|STOPP)\w* (?:DE "
            r"|D )RECEVOIR\b",
        ),
        (
            "stop-messages",
            rf"\b(?:ARRET\w*|CESS\w*|STOPP\w*|ANNUL\w*|SUSPEND\w*|DESACTIV\w*|RESILI\w*|FIN|METTEZ FIN"
            r"|METTRE FIN|HALTE)(?: SVP| STP| SIL VOUS PLAIT| MERCI)?"
            r"(?: (?:A|AUX|DE|DES|D))? (?:LES |VOS |CES |MES |TOUS LES |L |LA )?(?:ENVOIS? )?(?:DE |D "
            r"|DES )?"
            rf"(?:{_MESSAGES}|AVIS)\b{_FR_QUALIFIER}",
        ),
        ("stop-messages", rf"^(?:C EST )?FINIS? (?:LES|VOS|CES) (?:{_MESSAGES})\b"),
        (
            "stop-imperative",
            r"^(?:\w+ |(?:C EST BON|BON BEN) (?=ARRETEZ|CESSEZ|STOPPEZ))?(?:ARRETEZ|ARRETE|CESSEZ|STOPPEZ)"
            r"(?: (?:CA|TOUT|TOUT CA))?" + _FR_POLITE_END + rf"|^HALTE(?: LA| A (?:TOUT|CA))?{_FR_POLITE_END}"
            r"|\b(?:(?:VOUS (?:AI |AVAIS |AVONS )?(?:DEJA )?|JE (?:VOUS )?|J AI (?:DEJA )?"
            r"|ON VOUS A (?:DEJA )?)(?:DEMANDE|PRIE|DIT|DIRE|REPETE|REPETER)\w*|MERCI|VEUILLEZ|PRIERE)"
            rf" (?:DE |D )(?:ARRETER|CESSER|STOPPER)(?: TOUT| CA)?{_FR_POLITE_END}",
        ),
        (
            "no-more-messages",
            rf"\bPLUS? (?:JAMAIS )?DE (?:{_MESSAGES})\b{_FR_NOT_FROM_SOMEONE}"
            rf"|\bPLUS (?:AUCUN|AUCUNE|DE) (?:MESSAGE|SMS|TEXTO|TEXTE|ALERTE"
            rf"|NOTIFICATION)S?\b{_FR_NOT_FROM_SOMEONE}"
            r"|^(?:PAS|AUCUN|AUCUNE) (?:DE |D )?(?:MESSAGES|SMS|TEXTOS|TEXTES|ALERTES|NOTIFICATIONS|PUBS"
            r"|PROMOS"
            rf"|PROMOTIONS|OFFRES|SPAMS){_FR_POLITE_END}",
        ),
        (
            "do-not-want",
            rf"\b(?:VEUX|VEUT|VOULONS|SOUHAITE|SOUHAITONS|DESIRE) (?:PLUS|PAS|RIEN|JAMAIS)\b.*"
            rf"\b(?:{_MESSAGES}|RIEN|RECEVOIR(?! (?:(?:DE|DES|D) )?(?!(?:DE|DES|D|{_MESSAGES}|VOS|CES|RIEN"
            r"|VOTRE"
            r"|AUCUN|VOUS)\b)\w+)"
            r"|CONTACTEE?S?|SOLLICITEE?S?|DERANGEE?S?)\b"
            rf"|\b(?:VEUX|SOUHAITE|DESIRE) (?:PLUS )?QUE (?:VOUS|TU|ON) (?:M |ME |NOUS )?{_FR_STEMS}"
            r"|\bVEUX (?:AUSSI |JUSTE |SEULEMENT )?QUE (?:CA|CELA|VOUS|TU"
            r"|(?:LES|VOS|CES|TOUS LES|TOUS VOS) "
            rf"(?:{_MESSAGES})) (?:S )?(?:ARRET|CESS)\w*"
            r"|\b(?:VEUX|SOUHAITE) (?:PLUS|PAS|RIEN) ENTENDRE PARLER DE (?:VOUS|VOTRE|VOS)\b"
            r"|\bREFUSE (?:DE |D )RECEVOIR\b",
        ),
        (
            "leave-me-alone",
            r"\b(?:LAISSEZ|LAISSE|FICHEZ|FICHE|FOUTEZ|FOUS) (?:MOI|NOUS) (?:TRANQUIL(?:L?E)?S?|LA PAIX"
            r"|EN PAIX)\b"
            r"(?! (?:\d+|DEUX|CINQ|DIX|UNE|UN|CE SOIR|PENDANT|QUAND|JE|J|AVEC (?:TES|TA|TON|SES|SA|SON|LEUR"
            r"|LEURS))\b)"
            rf"(?! AVEC\b(?! (?:(?:VOS|TES|CES|LES|TOUS VOS|TOUS CES|VOTRE) )?(?:{_MESSAGES})\b))"
            rf"|^(?:LACHEZ|LACHE|LAISSEZ) (?:MOI|NOUS)(?: LA GRAPPE| LA PAIX| TRANQUILLES?)?{_FR_POLITE_END}"
            r"|\b(?:LACHEZ|LACHE|LAISSEZ|LAISSE|FICHEZ|FICHE|FOUTEZ|FOUS) (?:MOI|NOUS)(?: LA GRAPPE| LA PAIX"
            rf"| TRANQUILLES?)? AVEC (?:VOS |TES |CES |LES |TOUS VOS |TOUS CES |VOTRE )?(?:{_MESSAGES})\b",
        ),
        (
            "wrong-number",
            r"\b(?:MAUVAIS|FAUX) (?:NUMERO|NUM|NO)\b|\bERREUR DE NUMERO\b"
            r"|\bTROMPE\w* DE (?:NUMERO|PERSONNE)\b"
            r"|\b(?:PAS|PLUS) (?:LE BON|MON) NUMERO\b(?! (?:DE|D) (?!(?:TELEPHONE|PORTABLE|CELLULAIRE"
            r"|MOI)\b)\w+)"
            r"|\bNUMERO (?:N )?(?:APPARTIENT|EST) (?:PAS|PLUS) A\b(?! JOUR\b)"
            r"|\b(?:MAUVAISE|PAS LA BONNE) PERSONNE\b(?! POUR\b)|\bPERSONNE (?:DE|AVEC|PORTANT) CE NOM\b"
            r"|\b(?:ERREUR DE|MAUVAIS) DESTINATAIRE\b|\bNUMERO (?:N )?EST PAS (?:LE BON|LE MIEN)\b"
            r"|\bCONNAIS PAS (?:CETTE|LA) PERSONNE\b|\b(?:C EST|CEST|CE N EST|EST) PAS LE NUMERO D\b"
            r"|\b(?:C|CE NUMERO) (?:ETAIT|EST MAINTENANT) (?:LE |CELUI )?(?:NUM |NUMERO |PORTABLE )?(?:DE|D)"
            r" (?:MA|MON|MES)\b|\bNUMERO (?:APPARTIENT|EST) (?:MAINTENANT|DESORMAIS) A\b"
            r"|\bNUMERO (?:N )?(?:EST )?(?:PAS|PLUS) CELUI (?:DE|D)\b"
            r"|\b(?:C EST|CEST|CE N EST|N EST|EST) PLUS LE NUMERO (?:DE|D)\b",
        ),
        (
            "remove-number",
            r"\b(?:RETIREZ|RETIRER|RETIRE|SUPPRIMEZ|SUPPRIMER|SUPPRIME|EFFACEZ|EFFACER|EFFACE|ENLEVEZ"
            r"|ENLEVER|ENLEVE|OUBLIEZ|OUBLIER|OUBLIE|PERDEZ"
            r"|RAYEZ|RAYE|OTEZ|OTE) "
            r"(?:MON NUMERO|CE NUMERO|MES COORDONNEES|MES DONNEES|MES INFORMATIONS)\b"
            r"(?! (?:DE|DU|DANS) (?:TON|TA|TES|SON|SA|SES|LEUR|LEURS)\b)"
            r"|\b(?:RETIREZ|RETIRE|SUPPRIMEZ|SUPPRIME|EFFACEZ|EFFACE|ENLEVEZ|ENLEVE|RAYEZ|RAYE|OTEZ"
            r"|OTE) (?:MOI|NOUS)"
            r"(?:(?: DE (?:LA|ICI)(?: DEDANS)?)?(?: (?:SVP|STP|MERCI|DONC|SIL VOUS PLAIT|SIL TE PLAIT))*$"
            r"| DE (?:LA|VOTRE|VOS|CETTE|CES|TA"
            r"|TES|LEUR|LEURS)"
            r" (?:LISTES?|FICHIERS?|BASE|CONTACTS|REPERTOIRE|ENVOIS|DIFFUSION|ABONNES|ABONNEMENT)\b"
            + _FR_NOT_OF_ELSE
            + r")"
            r"|\b(?:QUITTER|SORTIR DE) (?:CETTE|LA|VOTRE|VOS|CES) LISTES?\b"
            r"|\bSORTEZ (?:MOI|MON NUMERO) DE (?:LA|VOTRE|VOS|CETTE|CES) LISTES?\b"
            r"|\bME (?:RETIRER|SUPPRIMER|ENLEVER|EFFACER|RAYER|SORTIR) DE (?:LA|VOTRE|VOS|CETTE|CES) \w+"
            r"|\b(?:MERCI DE|VEUILLEZ|PRIERE DE|POUVEZ VOUS|POURRIEZ VOUS) ME (?:RETIRER|SUPPRIMER|ENLEVER"
            r"|EFFACER"
            rf"|DESINSCRIRE|DESABONNER){_FR_POLITE_END}"
            r"|\bETRE (?:RETIRE|SUPPRIME|ENLEVE|RAYE)E?S? DE\b"
            r"|^(?:SUPPRIMER|SUPPRIMEZ|SUPPRESSION|RETIRER|RETIREZ|EFFACER|EFFACEZ)(?: (?:MON NUMERO|MOI))?"
            + _FR_POLITE_END,
        ),
        (
            "do-not-send",
            rf"\b(?:NE |N )(?:M |ME |NOUS )?{_FR_STEMS} PLUS\b(?: JAMAIS)?{_FR_QUALIFIER}{_FR_OTHER_OBJECT}"
            rf"|\b(?:M|ME) {_FR_STEMS} PLUS\b(?: JAMAIS)?{_FR_QUALIFIER}{_FR_OTHER_OBJECT}"
            rf"|\bNE PLUS (?:M |ME |NOUS |Y |LUI )?(?:{_FR_VERBS}|RECEVOIR\b(?! (?:LE|LA|L|UN|UNE|MON|MA|MES"
            rf"|LES|DES)"
            rf" (?!(?:{_MESSAGES})\b)\w+(?!.* PAR (?:SMS|TEXTOS?|MESSAGES?)\b)))\b"
            r"|\bNE (?:M |ME |NOUS )?(?:ENVOYEZ|ECRIVEZ|CONTACTEZ|TEXTEZ|APPELEZ|DERANGEZ|HARCELEZ"
            r"|SOLLICITEZ) PAS\b" + _FR_QUALIFIER,
        ),
        (
            "never-signed-up",
            r"\b(?:(?:NE )?SUIS (?:PAS|PLUS)|JAMAIS ETE) (?:VOTRE |UN |UNE )?CLIENTE?S?\b"
            r"(?! (?:DE|CHEZ (?!VOUS))\b)"
            r"|\bME SUIS (?:JAMAIS |PAS )(?:INSCRITE?S?|ABONNEE?S?)\b(?! (?:AU|AUX|POUR|EN)\b| A (?!(?:CA"
            r"|CELA|VOS|CES|VOTRE)\b))"
            r"|\bJAMAIS (?:INSCRITE?S?|ABONNEE?S?|DEMANDE|ACCEPTE|CONSENTI|AUTORISE|DONNE (?:MON NUMERO"
            r"|MON ACCORD"
            r"|MON CONSENTEMENT|LA PERMISSION))\b" + _NOT_A_PAYMENT + r"|\bRIEN DEMANDE\b"
            r"|\bPAS DONNE (?:MON ACCORD|MON CONSENTEMENT|MON NUMERO|LA PERMISSION)\b"
            r"|\b(?:RETIRE|REVOQUE|ANNULE) (?:MON )?(?:CONSENTEMENT|ACCORD|AUTORISATION)\b"
            r"|\bNE (?:DONNE|DONNONS) PAS (?:MON|NOTRE) (?:ACCORD|CONSENTEMENT|AUTORISATION)\b",
        ),
        (
            "enough",
            rf"\b(?:CA SUFFIT|ASSEZ)(?: AVEC)? (?:LES |VOS |DE |DES )?(?:{_MESSAGES})\b"
            rf"|^CA SUFFIT{_FR_POLITE_END}|\b(?:MARRE|ASSEZ|RAS LE BOL) (?:DE|DES) (?:VOS |CES |TES "
            rf"|LEURS )?(?:{_MESSAGES})\b"
            r"|\bM INTERESSE PLUS\b",
        ),
        (
            "unsubscribe",
            r"\bANNUL\w* (?:MON|L|LE|MES) (?:ABONNEMENT|INSCRIPTION)\b(?! (?!(?:SVP|STP|MERCI|SIL|S|IL"
            r"|MAINTENANT|IMMEDIATEMENT|TOUT|DONC|ET|JE|J|C|CA|AUX|A|DE|DES|D|SMS|TEXTOS|MESSAGES|VOS|VOTRE"
            r"|CHEZ VOUS)\b)\w+)",
        ),
        (
            "block-or-report",
            r"\bVAIS VOUS (?:SIGNALER|DENONCER|POURSUIVRE)(?= *$| (?:SI|A LA CNIL|AUX AUTORITES"
            r"|A LA POLICE)\b)"
            r"|\b(?:PORTER|PORTE|DEPOSER) PLAINTE\b(?=.*\b(?:SI (?:VOUS|CA|ON)|CONTRE VOUS"
            r"|CONTRE VOTRE)\b)"
            r"|\b(?:SIGNAL|PLAINTE)\w* (?:\w+ )?(?:A|AUPRES DE) LA CNIL\b|\b(?:SIGNAL|TRANSFER"
            r"|ENVOI)\w* (?:\w+ ){0,3}"
            r"(?:AU|A) 33700\b",
        ),
        ("last-one", rf"\bQUE CE SOIT (?:LE|VOTRE) DERNIER (?:{_MESSAGES})\b"),
        (
            "pestering",
            r"\b(?:ARRET|CESS|STOPP)\w* (?:DE |D )(?:M |ME |NOUS )?\w+ AVEC (?:VOS|TES|CES|LES|TOUS (?:VOS"
            r"|CES"
            rf"|TES|LES)) (?:\w+ )?(?:{_MESSAGES})\b"
            r"|\b(?:ARRET\w*|STOP|CESS\w*) AVEC (?:LES |VOS |TES |CES |TOUS (?:CES|VOS|LES|TES) )?"
            rf"(?:{_MESSAGES})\b",
        ),
        (
            "has-to-stop",
            rf"^(?=.*\b(?:{_MESSAGES})\b).*\b(?:(?:IL )?FAUT (?:ARRETER|CESSER|STOPPER)(?: (?:LA|CA|TOUT"
            rf"|TOUT CA"
            r"|MAINTENANT))?\b(?! (?:LE|LES|DE|D|TON|TA|TES|SON|SA|SES|MON|MA|MES|AVANT|APRES|AU|A|ET|UN|UNE"
            r"|DES)\b)|(?:IL )?FAUT QUE (?:CA|VOUS) (?:S )?(?:ARRET|CESS)\w*|(?:CA"
            r"|CELA) DOIT (?:S )?(?:ARRETER"
            r"|CESSER))",
        ),
        (
            "their-line",
            rf"^(?=.*{_FR_THEIR_LINE}).*\b(?:(?:ARRET|CESS)\w* (?:DE |D )(?:LUI|LEUR) {_FR_STEMS}"
            rf"|NE (?:LUI|LEUR) {_FR_STEMS} (?:PLUS|PAS|RIEN)\b){_FR_QUALIFIER}",
        ),
        (
            "another-channel",
            r"\b(?:PAS|PLUS|JAMAIS) PAR (?:SMS|TEXTOS?|MESSAGES?|TEXTES?)\b",
        ),
        (
            "not-interested",
            r"^(?=(?:CA NE M INTERESSE PAS|PAS INTERESSEE?S?)\b)(?:CA NE M INTERESSE PAS|PAS INTERESSEE?S?)"
            rf"(?: MERCI)? (?:AU REVOIR|ADIEU|BYE|SALUT|BONNE JOURNEE){_FR_POLITE_END}",
        ),
        ("remove-it", rf"\b{_FR_OFF} (?:LE|LA|LES|L) {_FR_OFF_WHERE}"),
        (
            "their-line",
            r"\b(?:RETIR|SUPPRIM|EFFAC|ENLEV|RAY|OT)\w* (?:SON|SES|LEUR|SA) (?:NUMERO|PORTABLE|TEL|TELEPHONE"
            r"|CELLULAIRE|COORDONNEES|LIGNE) (?:DE|DES) (?:VOS |VOTRE |CETTE |CES "
            rf"|LA )?(?:\w+ )?{_FR_LISTS}\b" + _FR_NOT_OF_ELSE,
        ),
        (
            "remove-number",
            rf"\b{_FR_OFF} (?:MOI|NOUS) {_FR_OFF_WHERE}"
            r"|\b(?:M|ME|NOUS) (?:RETIRER|SUPPRIMER|ENLEVER|EFFACER|RAYER|SORTIR|DESINSCRIRE) (?:DE (?:VOTRE"
            r"|VOS"
            rf"|CETTE|CES|LA) (?:\w+ )?{_FR_LISTS}|DES (?:{_MESSAGES}|ENVOIS|LISTES))\b"
            + _FR_NOT_OF_ELSE
            + r"|\b(?:RETIREZ|SUPPRIMEZ|EFFACEZ|ENLEVEZ|RAYEZ|RETIRER|SUPPRIMER|EFFACER) (?:MON"
            r"|CE) (?:0[1-9]|TEL"
            r"|TELEPHONE|PORTABLE|CELL|CELLULAIRE|NUM|MOBILE)\b(?! (?:DE|DU|DANS) (?:TON|TA|TES|SON|SA|SES"
            r"|LEUR"
            r"|LEURS)\b)",
        ),
        (
            "their-line",
            rf"^(?=.*\b(?:{_MESSAGES}|NUMERO|LISTE)\b).*\b(?:MERCI DE|VEUILLEZ|PRIERE DE|POUVEZ VOUS"
            r"|POURRIEZ VOUS) (?:LE|LA|L|LES) (?:RETIRER|SUPPRIMER|EFFACER|ENLEVER|RAYER|DESINSCRIRE"
            r"|DESABONNER)\b",
        ),
        (
            "remove-it",
            r"^(?=.*\b(?:MON|CE|MES) (?:NUMERO|NUM|TEL|TELEPHONE|PORTABLE|CELLULAIRE"
            r"|COORDONNEES)\b).*\b(?:EFFACEZ"
            r"|SUPPRIMEZ|RETIREZ|OUBLIEZ|ENLEVEZ|RAYEZ) (?:LE|LA|LES)\b",
        ),
        (
            "do-not-want",
            rf"^(?=.*\b(?:{_MESSAGES})\b).*\b(?:J|JE|ON|NOUS) (?:N )?EN (?:VEUX|VEUT|VOULONS|DESIRE|SOUHAITE)"
            r" (?:PLUS|PAS|AUCUN\w*)\b"
            rf"|\b(?:PLUS|PAS) BESOIN (?:DE|D) (?:CES|VOS|TES|LES|TOUS CES|VOTRE) (?:{_MESSAGES})\b"
            rf"|\b(?:{_MESSAGES}|OFFRES) (?:NE )?(?:M|NOUS) INTERESSENT (?:PAS|PLUS)\b"
            r"|\b(?:PREFERE|PREFERERAIS|PREFERERIONS|AIMERAIS|AIMERIONS|VOUDRAIS|VOUDRIONS) (?:NE )?(?:PLUS"
            r"|PAS"
            rf"|RIEN) (?:RECEVOIR|ETRE (?:CONTACTE|SOLLICITE|DERANGE)E?S?)(?: (?:DE |DES |D )?(?:{_MESSAGES}"
            r"|VOS"
            rf"|CES|RIEN)\b|{_FR_POLITE_END})",
        ),
        ("no-more-messages", r"(?:^|\bSVP |\bSTP |\bMERCI )PLUS (?:MESSAGES?|SMS|TEXTOS?|MSGS?)\b(?! QUE\b)"),
        (
            "stop-imperative",
            r"^(?:\w+ )?(?:ARRETEZ|CESSEZ|STOPPEZ)(?: (?:CA|TOUT|TOUT CA))? (?:JE VOUS (?:EN )?(?:PRIE"
            r"|SUPPLIE)"
            r"|PAR PITIE)\b",
        ),
        (
            "block-or-report",
            r"^(?=.*\b(?:SPAM|SI (?:CA|VOUS|ON) (?:CONTINU|RECOMMENC)\w*)\b).*\b(?:SIGNAL|DENONC|TRANSFER"
            r"|PLAINTE)\w* (?:\w+ ){0,3}(?:A|AUPRES DE|CHEZ) (?:MON|L|LA|VOTRE) (?:OPERATEUR|33700|CNIL)\b",
        ),
        ("another-channel", r"\bPLUS (?:DE|D) (?:\w+ ){1,4}PAR (?:SMS|TEXTOS?|MESSAGES?|TEXTES?)\b"),
        (
            "do-not-send",
            r"\bNE PLUS (?:M |ME |NOUS )?(?:INCLURE|AJOUTER|METTRE|COMPTER|INSCRIRE)\b"
            r"|\bNE (?:M |ME |NOUS )(?:INCLUEZ|AJOUTEZ|METTEZ|INSCRIVEZ) PLUS\b"
            rf"|\b(?:VOUS ABSTENIR|ABSTENEZ VOUS) (?:DE|D) (?:M |ME |NOUS )?{_FR_STEMS}",
        ),
        (
            "not-interested",
            r"^(?=NON MERCI\b)NON MERCI (?:AU REVOIR|ADIEU|BYE|SALUT|BONNE (?:JOURNEE"
            rf"|SOIREE)){_FR_POLITE_END}",
        ),
        (
            "wrong-number",
            r"\b(?:CONNAIS|CONNAISSONS) (?:PERSONNE|AUCUNE? \w+) (?:DE CE NOM|QUI S APPELLE|NOMMEE?"
            r"|PORTANT CE NOM)\b|\bPAS (?:LA PERSONNE|CELUI|CELLE) (?:QUE|QU) VOUS (?:CHERCHEZ|VOULEZ)\b"
            r"|\bERREUR (?:DE|SUR LA) PERSONNE\b",
        ),
        (
            "leave-me-alone",
            r"\b(?:CRISSEZ|CRISSE|SACREZ|CALISSEZ|CALISSE) (?:MOI|NOUS) (?:PATIENCE|LA PAIX)\b"
            r"|\bVOUS (?:ME|NOUS) (?:HARCELEZ|SPAMMEZ)\b",
        ),
        ("remove-number", rf"^(?:\w+ )?OUBLIEZ (?:MOI|NOUS){_FR_POLITE_END}"),
        ("wrong-number", r"\b(?:N )?(?:UTILISE|A) PLUS CE (?:NUMERO|PORTABLE|TELEPHONE|TEL)\b"),
        (
            "another-channel",
            r"^(?=.*\b(?:COURRIEL|MAIL|EMAIL|COURRIER|APPEL\w*)\b).*\b(?:PAS|PLUS|JAMAIS) (?:DE "
            r"|PAR )?(?:TEXTOS?|SMS"
            rf"|MESSAGES?|TEXTES?){_FR_POLITE_END}",
        ),
        (
            "their-line",
            rf"^(?=.*\b(?:DECEDEE?|MORTE?(?! DE))\b).*\b(?:ARRET|CESS)\w* (?:DE |D )(?:LUI|LEUR) {_FR_STEMS}"
            + _FR_OTHER_OBJECT,
        ),
        (
            "no-need",
            r"\bPLUS (?:LA PEINE|BESOIN|NECESSAIRE) (?:DE |D )(?:M |ME |NOUS )?(?:(?:CONTINUER"
            r"|CONTINUEZ) (?:A|DE|D) )?"
            rf"(?:M |ME |NOUS )?(?:{_FR_STEMS}|(?:VOS |CES |LES |DES )?(?:{_MESSAGES})\b){_FR_QUALIFIER}",
        ),
        (
            "never-signed-up",
            r"\b(?:PAS|JAMAIS) (?:SIGNE|SOUSCRIT|ADHERE|DEMANDE|ACCEPTE) (?:POUR|A) (?:CA|CELA|CES|VOS"
            r"|VOTRE)\b",
        ),
        (
            "stop-messages",
            r"\b(?:ARRET|CESS|STOPP|SUSPEND)\w* (?:TOUTE|TOUTES LES|LES|VOS) (?:COMMUNICATIONS?"
            r"|CORRESPONDANCES?"
            r"|SOLLICITATIONS?)\b",
        ),
        (
            "no-need",
            r"\bPLUS BESOIN (?:DES|DE VOS|DE CES|DE VOTRE|DE LA|DU) (?:\w+ ){0,3}?PAR (?:SMS|TEXTOS?"
            r"|MESSAGES?)\b"
            r"|\b(?:VEUX|VOULONS|SOUHAITE) PLUS (?:DE |D )(?:\w+ )?(?:SONDAGES|QUESTIONNAIRES|ENQUETES)\b",
        ),
        (
            "their-line",
            rf"^(?=.*\bCE (?:TELEPHONE|NUMERO|PORTABLE|TEL)\b).*\b(?:ARRET|CESS)\w* (?:DE |D )(?:LUI|LEUR) "
            rf"{_FR_STEMS}" + _FR_OTHER_OBJECT,
        ),
        (
            "remove-number",
            r"\b(?:MERCI DE|VEUILLEZ|PRIERE DE|POUVEZ VOUS|POURRIEZ VOUS) (?:M|ME|NOUS) (?:RETIRER|SUPPRIMER"
            r"|ENLEVER|EFFACER|DESINSCRIRE|DESABONNER|OUBLIER)\b(?! (?:DE|DU|DES|D)\b)"
            rf"|\b{_FR_OFF} NOTRE (?:NUMERO|TELEPHONE|PORTABLE)\b"
            r"|\b(?:EFFACEMENT|SUPPRESSION|RETRAIT) DE (?:MON|MES|NOTRE|CE) (?:NUMERO|DONNEES|COORDONNEES)\b",
        ),
        (
            "remove-it",
            r"^(?=.*\bLE (?:NUMERO|NUM)\b).*\b(?:EFFACEZ|SUPPRIMEZ|RETIREZ|ENLEVEZ|RAYEZ) LE$",
        ),
        (
            "do-not-send",
            r"\bNE (?:M |ME |NOUS )?(?:REECRIVEZ|RECONTACTEZ|RENVOYEZ) (?:PAS|PLUS|JAMAIS)\b"
            + _FR_QUALIFIER
            + r"|^(?:\w+ )?NON (?:AU|AUX) (?:DEMARCHAGE|PROSPECTION|SPAMS?|PUBS?|PUBLICITES?|SMS|TEXTOS)\b"
            r"|\b(?:CESSEZ|ARRETEZ|STOPPEZ|SUSPENDEZ)(?: (?:IMMEDIATEMENT|TOUT DE SUITE))? (?:L ENVOI"
            r"|LES ENVOIS)"
            r" (?:DE|D)\b|\bJE (?:VAIS )?BLOQU\w* (?:CE|VOTRE) NUMERO\b",
        ),
        (
            "stop-messages",
            rf"^(?=.*\b(?:{_MESSAGES})\b).*\b(?:DESACTIVEZ|COUPEZ) LES"
            r"(?: (?:SUR|POUR|A) (?:CE|MON) (?:NUMERO|TEL|TELEPHONE|PORTABLE))?$",
        ),
        (
            "withdraw-consent",
            r"\bJE (?:VOUS )?RETIRE (?:TOUTE |MON |MA |L |LA |TOUTES )?(?:AUTORISATIONS?|PERMISSIONS?|ACCORD)"
            r" (?:(?:D|DE) (?:ENVOI|ENVOYER|RECEVOIR|CONTACT|M ENVOYER)|POUR)\b",
        ),
        (
            "no-need",
            r"\b(?:PAS|PLUS) (?:BESOIN|LA PEINE) (?:DE |D )(?:M |NOUS )"
            r"(?:ENVOY|ECRI|TEXT|CONTACT|RELANC)\w*\b"
            rf"(?: (?:VOS|DES|CES|LES|DE|D) (?:{_MESSAGES}|OFFRES|PROMOS|PUBS|TRUCS)\b|{_FR_POLITE_END})",
        ),
        (
            "withdraw-consent",
            r"\bN AVEZ PAS (?:MON|MA|NOTRE) (?:AUTORISATION|PERMISSION|ACCORD) (?:POUR|DE|D)"
            r" (?:M |ME |NOUS )?" + _FR_STEMS,
        ),
        (
            "not-interested",
            r"^(?=.)(?:NON (?:MERCI )?|LAISSEZ TOMBER )?(?:(?:JE NE SUIS |JE SUIS |CHUIS |J SUIS )?PAS"
            r" INTERESSEE?S?"
            r"|(?:CA )?(?:NE )?M INTERESSE PAS)(?: (?:MERCI|AU REVOIR|BONNE JOURNEE))*"
            + _FR_POLITE_END
            + r"|^(?:J|JE) (?:N )?EN (?:VEUX|VEUT) PLUS"
            + _FR_POLITE_END,
        ),
        ("do-not-want", r"\b(?:JE|J) (?:NE |N )?(?:VEUX|VOUDRAIS) PLUS (?:RECEVOIR |AVOIR )?(?:CA|CELA)$"),
        (
            "remove-number",
            rf"^(?=.*\b(?:RIEN SAVOIR|{_MESSAGES})\b).*\b{_FR_OFF} (?:MOI|NOUS) (?:DE LA|DE CA|D ICI)\b"
            r"(?! (?:LISTE|BASE)\b)"
            rf"|\b{_FR_OFF} (?:MOI|NOUS) DE? LA (?:LISTE|BASE)\b(?! (?:DE|DU|DES|D) (?!(?:{_MESSAGES}"
            r"|DIFFUSION|ENVOIS?|CLIENTS|CONTACTS|PROSPECTION)\b)\w+)",
        ),
        (
            "how-to-stop",
            r"\b(?:QUOI|COMMENT|QUE)\b.*\bPOUR (?:QUE )?(?:CA|VOUS|ILS|LES MESSAGES|VOS MESSAGES) (?:S ARRETE"
            r"|S ARRETENT|ARRETE|ARRETENT|CESSE|CESSENT|NE (?:M |ME )?(?:ARRIVE|ENVOIE|ECRIVE)\w* PLUS)\b",
        ),
        (
            "their-line",
            r"^(?=.*\b(?:AIDANTE?|TUTEUR|TUTRICE|M|MME|MADAME|MONSIEUR|MA (?:MERE|GRAND MERE|FILLE|TANTE"
            r"|SOEUR)"
            r"|MON (?:PERE|GRAND PERE|FILS|ONCLE|FRERE|MARI))\b).*\bNE (?:LUI|LEUR) "
            rf"{_FR_STEMS} PLUS\b{_FR_QUALIFIER}",
        ),
        (
            "block-or-report",
            r"^(?=.)(?:BLOQUEE?S?|NUMERO BLOQUE|JE VOUS BLOQUE)(?: (?:ADIEU|BYE|SALUT))*"
            + _FR_POLITE_END
            + r"|\b(?:PLAINTE|SIGNAL\w*) (?:\w+ ){0,3}(?:CNIL|ARCEP)\b",
        ),
        (
            "do-not-want",
            r"\b(?:N )?ACCEPTE (?:PAS|PLUS) (?:LES |VOS |DE |DES |CES )?(?:\w+ )?(?:"
            + _MESSAGES
            + r")\b|\bVEUX PLUS FAIRE PARTIE DE (?:CETTE|VOTRE|VOS|LA) (?:\w+ )?(?:LISTE|DIFFUSION)",
        ),
        ("too-many-texts", _too_many("HARCELEMENT|CA SUFFIT|ASSEZ|SPAM", "DEPUIS|PAR JOUR|AUJOURD HUI")),
        (
            "block-or-report",
            r"\bJE (?:VOUS (?:BLOQUE|AI BLOQUEE?S?|SIGNALE|AI SIGNALEE?S?)|VAIS VOUS BLOQUER)\b"
            r"(?! (?:DE|DU|SUR) (?:FACEBOOK|FB|INSTA\w*|WHATSAPP|SNAP\w*|TIKTOK|MESSENGER|TWITTER|X)\b)"
            r"|\bVAIS VOUS SIGNALER(?= (?:A|AU|AUX|COMME|POUR)\b|$)",
        ),
        (
            "do-not-call",
            r"\bBLOCTEL\b",
        ),
        (
            "do-not-use-number",
            r"\bN UTILISEZ (?:PAS|PLUS|JAMAIS) (?:CE|MON|NOTRE) (?:NUMERO|PORTABLE|TELEPHONE|TEL)\b"
            r"|\b(?:PLUS |AUCUN |PLUS AUCUN |PAS DE )(?:CONTACT|MESSAGE|SMS|APPEL)S? (?:SUR|A|AU|PAR)"
            r" (?:CE|MON) (?:NUMERO|PORTABLE|TELEPHONE|TEL)\b",
        ),
        (
            "do-not-text",
            r"\bNE (?:M|ME|NOUS) (?:RE)?ECRIVEZ (?:PLUS|JAMAIS)\b|\bN (?:EN|Y) ENVOYEZ PLUS\b"
            r"|\bVOUL\w* PLUS RIEN RECEVOIR\b"
            rf"|^(?=.*\bNE (?:VEUX|VEUT|VOULONS)\b).*\bNI (?:VOS|VOTRE|LES|CES|DE) (?:{_MESSAGES})\b"
            rf"|\b(?:CESSEZ|ARRETEZ) AVEC (?:CETTE|CES|VOS|VOTRE) (?:\w+ ){{0,3}}(?:HISTOIRES?|OFFRES?"
            rf"|{_MESSAGES}"
            r"|PROPOSITIONS?|DEMARCHAGE)\b",
        ),
        (
            "remove-me",
            rf"^(?=.*{_FR_THEIR_LINE}).*\b{_FR_OFF} (?:LE|LA)\b",
        ),
        ("remove-number", rf"\b{_FR_OFF} (?:SON|LEUR) (?:NUMERO|TELEPHONE|PORTABLE)\b"),
        ("remove-number", r"^(?=.*\b(?:LISTES?|FICHIERS?)\b).*\bSORTEZ (?:MOI|NOUS) DE LA$"),
        (
            "no-advertising",
            r"\b(?:REFUSONS|REFUSE|N ACCEPTONS PAS|N ACCEPTE PAS) (?:LA |LES |DE )?(?:PUBLICITE|PUB"
            r"|PROSPECTION"
            rf"|DEMARCHAGE)\b|\bPAS DE (?:PUBS?|PUBLICITE|PROSPECTION|DEMARCHAGE){_FR_POLITE_END}"
            rf"|\bPAS DE (?:{_MESSAGES}) ICI\b"
            r"|\bGARDEZ (?:VOS|VOTRE) (?:CODES? |BONS? )?(?:PROMOS?|OFFRES|PUBS?|COUPONS)\b",
        ),
        (
            "no-need",
            rf"\bINUTILE (?:DE|D) (?:CONTINUER (?:A|DE|D) )?(?:M |ME |NOUS )?{_FR_STEMS}{_FR_QUALIFIER}",
        ),
        ("no-need", rf"{_SO_TOO}(?:LES |VOS )?(?:{_MESSAGES}) AUSSI\b"),
        (
            "do-not-send",
            r"(?:\b(?:ARRETEZ|CESSEZ|STOPPEZ) (?:DE|D) (?:M|ME|NOUS) EN (?:ENVOYER|ECRIRE)"
            r"|\bNE (?:LUI|LEUR|M|ME|NOUS) (?:EN )?(?:ENVOYEZ|ECRIVEZ|TEXTEZ) (?:RIEN|PLUS))\b"
            + _FR_QUALIFIER,
        ),
        (
            "remove-me",
            r"\b(?:METTEZ|METS|SORTEZ) (?:MOI|NOUS) (?:HORS|EN DEHORS) (?:DE )?"
            rf"(?:LA|VOTRE|VOS|CETTE|LES|CES) (?:LISTES?|{_MESSAGES})\b{_FR_NOT_OF_ELSE}",
        ),
        (
            "how-to-stop",
            r"^COMMENT (?:ON |JE |J )?(?:ARRETE|STOPPE|DESACTIVE|BLOQUE) "
            rf"(?:CES |LES |VOS )?(?:{_MESSAGES})\b",
        ),
        (
            "how-to-stop",
            r"^(?=.*\b(?:RECOI[ST]|RECEVONS|RECOIVENT)\b).*\bCOMMENT (?:ON |JE |J )?(?:ARRETE|STOPPE|BLOQUE)"
            r" (?:TOUT )?CA\b",
        ),
        (
            "said-no",
            r"^(?=.*\b(?:DIT NON|N EN VEUX (?:PAS|PLUS))\b).*\bPOURQUOI VOUS (?:CONTINUEZ(?: (?:A|DE) (?:M"
            r"|ME|NOUS) "
            rf"{_FR_STEMS})?$|(?:M |ME |NOUS )?{_FR_STEMS} ENCORE)\b",
        ),
        (
            "you-can-stop",
            rf"^VOUS POUVEZ (?:ARRETER|CESSER)(?: (?:LES|VOS|CES) (?:{_MESSAGES}))?{_FR_POLITE_END}",
        ),
        ("no-need", rf"\b(?:AUCUNE|PAS DE) RAISON (?:DE|D) (?:CONTINUER A )?(?:M|ME|NOUS) {_FR_STEMS}"),
        ("do-not-want", rf"\b(?:SOUHAIT|VOUDR)\w* NE PLUS ETRE {_FR_STEMS}"),
        ("object", rf"\bM OPPOSE (?:A|AU|AUX) (?:\w+ ){{0,4}}(?:{_MESSAGES})\b"),
        ("never-again", rf"^(?=.)(?:NON )?PLUS JAMAIS(?: (?:DE|D) (?:{_MESSAGES}))?{_FR_POLITE_END}"),
        ("another-channel", r"^(?=.*\b(?:COURRIER|COURRIEL|E?MAIL)\b).*\bPAS PAR (?:SMS|TEXTO)"),
        ("their-line", rf"^(?=.*\bEST (?:MORTE?|DECEDEE?)\b).*\bPLUS DE (?:{_MESSAGES})\b"),
        ("repeat-keyword", r"^(?=.).*\b(?:ENCORE UNE FOIS|JE REPETE) (?:STOP|ARRET)$"),
        (
            "do-not-send",
            r"^(?:(?!(?:VOUS|ON|ILS|ELLES?|IL|TU|JE|J)\b)\w+ )?(?:M |NOUS )?(?:ENVOYEZ|ECRIVEZ|TEXTEZ)"
            r" (?:PLUS|JAMAIS|PAS(?= (?:VOS|DE|DES|CES|VOTRE|LES|D) ))(?: (?:VOS|DE|DES|CES|VOTRE|LES|D)"
            rf" (?:{_MESSAGES}|TRUCS|CONNERIES|BETISES)"
            r"(?: (?!(?:APRES|AVANT|PENDANT|QUAND|AU|SI|DANS|CE)\b)\w+)?)?" + _FR_POLITE_END,
        ),
        (
            "stop-sending",
            rf"\b(?:SISPANN|KANPE|ASE|ARRETEZ DE|ARRETE DE|STOP) (?:{_HT_VERBS})\b(?! FOTO| VIDEYO)",
        ),
        ("stop-imperative", r"^(?:TANPRI )?(?:SISPANN|ASE)(?: (?:SA|TANPRI|MESI|SOUPLE))*$"),
        ("fed-up", r"\bFATIGE (?:AK|AVEK) (?:\w+ )?(?:MESAJ|TEKS)|\bKENBE (?:MESAJ|TEKS)"),
        (
            "fed-up",
            r"^(?:C EST |C )?(?:FATIGANT|TANNANT|PLATE|GOSSANT|DEHORS) (?:AVEC )?"
            rf"(?:VOS|CES|TES|LES) (?:{_MESSAGES})\b{_FR_NOT_OF_ELSE}",
        ),
        (
            "do-not-send",
            rf"\bPA (?:JANM )?(?:{_HT_VERBS}) (?:M|MWEN|NOU|ANYEN|MESAJ|TEKS|RAPEL)\b(?: \w+){{0,3}} ANKO\b"
            r"(?! JODI| DEMEN)|\bPA (?:VOYE|EKRI)(?: MWEN| M)? (?:MESAJ|TEKS)\b"
            r"|\bPA VLE (?:\w+ ){0,3}(?:MESAJ|TEKS|SMS)\b(?! LI\b)"
            r"|\bPA BEZWEN (?:\w+ ){0,2}(?:MESAJ|TEKS|SMS)(?: \w+)? (?:YO|ANKO)\b",
        ),
        (
            "remove-me",
            r"\b(?:DEZABONE|DEZINSKRI) (?:M|MWEN|NOU)\b"
            r"|^(?:TANPRI )?(?:RETIRE|WETE) (?:M|MWEN|NOU)(?: TANPRI)?$",
        ),
        ("leave-me-alone", r"\bKITE (?:M|MWEN|NOU) (?:AN ?PE|TRANKIL)\b"),
        ("never-signed-up", r"\bPA (?:JANM|JAMAN|T|TE) (?:ENSKRI|ABONE|MANDE)\b"),
        ("wrong-number", r"\b(?:MOVE|PA BON) NIMEWO\b"),
        (
            "remove-number",
            r"\b(?:RETIRE|EFASE|WETE|SIPRIME) (?:NIMEWO (?:M|MWEN)\b"
            r"|(?:NIMEWO|NIMERO|NON|MWEN|M) (?:\w+ ){0,2}(?:NAN|SOU) LIS)",
        ),
        (
            "how-to-stop",
            r"\b(?:REPONDRE|REPONDS|ECRIS|ECRIRE|TAPE|TAPER|ENVOIE|ENVOYER) (?:QUOI )?POUR "
            r"(?:ARRETER|STOPPER|ME DESABONNER|ME DESINSCRIRE|NE PLUS|QUE (?:CA|VOUS) (?:ARRETE|CESSE))",
        ),
        (
            "do-not-send",
            rf"\b(?:FAUT|FAUDRAIT|DEVEZ|DEVRIEZ) (?:PAS|PLUS|JAMAIS) (?:M |ME |NOUS )?{_FR_STEMS}\b"
            rf"(?:(?: \w+)? (?:{_MESSAGES})\b| ENCORE\b|{_FR_POLITE_END})"
            r"|\b(?:M |NOUS )?(?:ENVOYEZ|ECRIVEZ|TEXTEZ)(?: MOI| NOUS)? PLUS (?:RIEN|JAMAIS)\b"
            + _FR_QUALIFIER
            + rf"|\b(?:ENVOYEZ|ECRIVEZ|TEXTEZ|APPELEZ) (?:MOI|NOUS) PLUS{_FR_POLITE_END}",
        ),
        ("block-or-report", rf"^(?=.)(?:NUMERO )?BLOQUEE?S? (?:PLUS JAMAIS|JAMAIS PLUS){_FR_POLITE_END}"),
        (
            "enough",
            r"^(?=.)(?:PLUS JAMAIS|ASSEZ|PLUS RIEN)(?: SVP| S IL VOUS PLAIT)*(?: JE (?:VOUS|T) EN)? "
            r"(?:SUPPLIE|PRIE)\b",
        ),
        (
            "fed-up",
            rf"\b(?:LACHEZ|LACHE|LAISSEZ FAIRE|LAISSE FAIRE) (?:LES|VOS|TES|CES) (?:{_MESSAGES})"
            + _FR_POLITE_END,
        ),
        ("stop-imperative", rf"^NON(?: MERCI)? (?:ARRETEZ|ARRETE|STOPPEZ)(?: TOUT)?{_FR_POLITE_END}"),
        ("no-need", r"\b(?:PLUS|PAS) BESOIN (?:DE|D) VOS SERVICES\b"),
        (
            "remove-me",
            r"\bDEMANDE (?:A|D) (?:ETRE )?(?:RETIR|DESINSCRI|DESABONN|SUPPRIM|ENLEV|RAY)EE?S?\b"
            r"(?! (?:DU|DE LA|DES|DE L|AU|A LA) (?!(?:LISTE|ENVOIS|FICHIER)))",
        ),
        (
            "pestering",
            r"\bPOURQUOI VOUS (?:M|ME|NOUS) (?:ECRIV|ENVOY|TEXT|APPEL|CONTACT)EZ (?:ENCORE|TOUJOURS)\b",
        ),
        ("pestering", rf"^(?=.)(?:C EST |CA DEVIENT )?(?:DU )?HARCELEMENT{_FR_POLITE_END}"),
        (
            "said-no",
            r"\bCOMBIEN DE FOIS (?:\w+ ){1,4}(?:DIRE|REPETER) (?:QUE )?NON\b"
            rf"|^(?=.)(?:MAIS )?JE VOUS (?:L )?AI (?:DEJA )?DIT (?:QUE )?NON{_FR_POLITE_END}",
        ),
        (
            "not-interested",
            rf"^(?=.){_NOT_TO_FRIENDS}.*\b(?:PAS INTERESSEE?S? PAR VO(?:S|TRE)"
            r"|VOS \w+ (?:NE )?M INTERESSENT PAS)\b",
        ),
        (
            "never-signed-up",
            rf"^(?=.)(?:J AI|JE N AI) (?:PAS|JAMAIS) DEMANDE (?:CA|CELA|CES \w+){_FR_POLITE_END}",
        ),
        (
            "never-signed-up",
            r"\bJAMAIS (?:ACHETE|UTILISE|COMMANDE|ETE|FAIT AFFAIRE)\b(?: \w+){0,3} (?:(?:CHEZ|AVEC|DE) VOUS"
            r"|(?:CHEZ|AVEC|A) VOTRE (?:ENTREPRISE|COMPAGNIE|MAGASIN|SERVICE|BOUTIQUE|CLINIQUE|SALON))\b",
        ),
        (
            "not-interested",
            r"^(?=.)(?:(?:JE NE SUIS |JE SUIS |NON )?PAS INTERESSEE?S?|(?:CA )?(?:NE )?M INTERESSE PAS)"
            r"(?= (?:MERCI )?(?:J AI DEJA|ON A DEJA|NOUS AVONS DEJA|JE SUIS (?:LOCATAIRE|DEJA)|JE LOUE"
            r"|ON LOUE|DEJA|J EN AI PAS BESOIN)\b)",
        ),
        (
            "stop-messages",
            rf"\b(?:COUPEZ|DESACTIVEZ|ETEIGNEZ) (?:TOUTES |TOUS )?(?:LES |VOS |CES )?(?:{_MESSAGES})\b",
        ),
        (
            "leave-me-alone",
            rf"^(?=.){_NOT_TO_FRIENDS}.*\b(?:LAISS|FICH|FOUT|LACH)EZ (?:MOI|NOUS)"
            r"(?: LA PAIX| TRANQUILLES?)? AVEC VO(?:S|TRE)\b",
        ),
        (
            "enough",
            rf"^(?=.*\bVOUS (?:M |NOUS )?(?:AVEZ )?(?:APPEL|ECRI|ENVOY|TEXT)\w*){_NOT_TO_FRIENDS}"
            rf".*\b(?:PLUS NI (?:L )?UNE? NI (?:L )?AUTRE|(?:C EST )?ASSEZ|CA SUFFIT){_FR_POLITE_END}",
        ),
        (
            "do-not-send",
            rf"\b(?:ENVOY|ECRIV|TEXT|APPEL)EZ (?:MOI|NOUS) PLUS(?: RIEN\b| JAMAIS\b|{_FR_POLITE_END})",
        ),
        (
            "wrong-number",
            r"\bCE (?:NUMERO|NUM|TELEPHONE|PORTABLE|CELLULAIRE) (?:N )?EST (?:PLUS|PAS) (?:LE MIEN|LE SIEN"
            r"|CELUI DE)\b|\bAPPARTIENT (?:MAINTENANT |DESORMAIS )?A (?:QUELQU ?UN D AUTRE"
            r"|UNE AUTRE PERSONNE)\b",
        ),
        (
            "block-or-report",
            r"\b(?:SAISI|SIGNAL|PLAINTE|PLAINDRE|REPORT|DENONC)\w*\b"
            rf".*\b(?:{_REGULATORS}|SIGNAL SPAM|33700)\b"
            r"|^(?=.*\b(?:SI VOUS (?:CONTINUEZ|RECOMMENCEZ)|(?:ENCORE|PROCHAIN) (?:UN )?(?:SMS|MESSAGE|TEXTO)"
            r"|UN (?:SMS|MESSAGE|TEXTO) DE PLUS)\b).*\b(?:PORTE|PORTERAI|VAIS PORTER) PLAINTE\b(?! CONTRE)",
        ),
        (
            "stop-sending",
            r"\bARRETES? DE (?:M |NOUS )(?:ENVOY|ECRI|TEXT|SPAMM|HARCEL)\w*\b"
            + _FR_OTHER_OBJECT
            + rf"|\bARRETES? (?:TES|VOS|CES|LES) (?:{_MESSAGES}|TRUCS|TEXTOS|MSG)\b",
        ),
        (
            "block-or-report",
            r"\b(?:JE|ON) (?:VAIS )?(?:VOUS )?BLOQU\w* (?:LE|CE|VOTRE) (?:NUMERO|NUM)\b(?! D| DE)",
        ),
        ("do-not-send", r"\b(?:ME|M|NOUS) RE(?:ECRIV|ENVOY|CONTACT|TEXT|APPEL)EZ (?:PLUS|JAMAIS|PAS)\b"),
        ("do-not-send", r"\b(?:NE )?CONTINUEZ PAS (?:A|DE) (?:M |NOUS )?(?:ENVOY|ECRI|TEXT|CONTACT)\w*"),
        (
            "no-more-messages",
            r"\bNON (?:AUX|A LA|A VOS|A CES) (?:PUBS?|PUBLICITES?|SMS|MESSAGES|TEXTOS|PROMOS?)\b",
        ),
        (
            "rather-not",
            rf"\bPREFER\w* (?:QUE VOUS|QU ON) (?:NE )?(?:M |ME |NOUS )?{_FR_STEMS} (?:PAS"
            rf"|PLUS)\b{_FR_QUALIFIER}"
            r"|\bPREFER\w* NE PLUS (?:EN |LES )?RECEVOIR\b",
        ),
        (
            "how-to-stop",
            r"\b(?:POUR|DE|MOYEN DE|MOYEN D) (?:NE )?PLUS (?:RIEN |LES )?RECEVOIR(?: (?:CA|CELA|RIEN|CES"
            rf"|VOS)\b|$| (?:DE |DES |LES )?(?:{_MESSAGES})\b)|\bCHANGE\w* DE NUMERO POUR QUE VOUS"
            r" (?:ARRETIEZ|CESSIEZ)\b",
        ),
        (
            "make-it-stop",
            rf"^(?=.*\b(?:INSCRIT|CA|{_MESSAGES})\b).*\bFAITES QUE (?:CA|CELA"
            rf"|TOUT CA) S ARRETE{_FR_POLITE_END}",
        ),
        (
            "their-line",
            r"^(?=.*\b(?:M A DEMANDE|DEMANDE DE VOUS DIRE|LE MARI|LA FEMME|CE NUMERO)\b).*\b(?:ARRET|CESS)\w*"
            r" DE (?:LUI|LEUR) (?:ENVOY|ECRI|TEXT)\w*",
        ),
        ("leave-number-alone", r"\bLAISSEZ CE (?:NUMERO|TELEPHONE|PORTABLE) TRANQUILLE\b"),
        (
            "their-line",
            r"^(?=.*\bCE (?:TELEPHONE|NUMERO|PORTABLE)\b).*\bMERCI DE NE (?:PAS|PLUS) (?:LUI"
            rf"|LEUR) {_FR_STEMS}",
        ),
        (
            "do-not-send",
            rf"\bJE (?:NE )?VEUX (?:PAS|PLUS) QUE VOUS (?:M |ME |NOUS )?{_FR_STEMS}{_FR_QUALIFIER}"
            rf"|\bJE (?:NE )?VEUX (?:JUSTE )?PLUS (?:CES|VOS|LES|DE) (?:{_MESSAGES})\b",
        ),
        (
            "block-or-report",
            r"\b(?:ENCORE UN|UN DE PLUS)\w*(?: \w+){0,3} (?:ET )?(?:JE|J) (?:VOUS |VAIS )?(?:BLOQU"
            r"|SIGNAL)\w*",
        ),
        ("pestering", rf"\b(?:LA |CA )?C EST DU HARCELEMENT{_FR_POLITE_END}"),
        (
            "remove-me",
            rf"^{_FR_OFF} (?:MOI|NOUS)(?: JUSTE)?{_FR_POLITE_END}|\bLISTE (?:D OPPOSITION|ROUGE)\b",
        ),
        (
            "remove-number",
            rf"\b(?:LE|LA|L|LES) (?:RETIRER|SUPPRIMER|ENLEVER|SORTIR|EFFACER|RAYER) {_FR_OFF_WHERE}",
        ),
        (
            "no-longer-customer",
            r"^(?:(?:J|JE N|ON|ON N|NOUS|NOUS N) (?:AI|A|AVONS) (?:DEMENAGE"
            r"|VENDU (?:CETTE|CE|LA|LE|MA|MON|NOTRE)\b"
            r"|CHANGE DE (?:BANQUE|DENTISTE|PHARMACIE|COMPAGNIE|FOURNISSEUR|ASSURANCE)"
            r"|QUITTE (?:L IMMEUBLE|L APPART\w*|LA VILLE|LE COMTE|LA REGION|LE PAYS)\b)"
            r"|(?:J|JE N) (?:HABITE|VIS) PLUS\b(?! AVEC\b)"
            r"|(?:J|JE N) UTILISE PLUS (?:VOTRE|VOS|CET?|CETTE|CES|L APP\w*)\b"
            r"|(?:J|JE N) AI PLUS (?:LA|LE|CETTE|CE)"
            r"(?! (?:TEMPS|FORCE|ENERGIE|MOYEN|CHOIX|DROIT|COURAGE)\b))(?: \w+){0,5}$",
        ),
        (
            "do-not-send",
            rf"\b(?:ECRIV|ENVOY|TEXT)EZ PLUS(?: (?:CA|CELA|VOS|CES|RIEN|JAMAIS|ICI)\b|{_FR_POLITE_END})",
        ),
        (
            "no-more-messages",
            rf"(?:^|\b(?:MAINTENANT|DONC|ALORS) )(?:PLUS|PAS) (?:DE|D) (?:{_MESSAGES}"
            rf"|AVIS)(?: \w+){{0,4}} (?:MERCI|SVP|S IL VOUS PLAIT)$",
        ),
        (
            "said-no",
            r"^(?=.*\b(?:DIT|ECRIT|ENVOYE|REPONDU|TAPE) (?:STOP|ARRET)\b"
            r"|.*\b(?:RESILIE|FERME|SUPPRIME) (?:MON|LE|NOTRE) (?:COMPTE|ABONNEMENT)\b)"
            r".*\b(?:JE (?:REC|RECOI)\w*|VOUS (?:M |NOUS )?(?:ECRIV|ENVOY|TEXT)\w*)"
            r" (?:ENCORE|TOUJOURS)\b",
        ),
        (
            "remove-me",
            rf"^(?=.){_FR_OFF} (?:MOI|NOUS) (?:DE|D) (?:CA|CE TRUC|CETTE AFFAIRE|TOUT CA|CE MACHIN)"
            + _FR_POLITE_END,
        ),
        (
            "another-channel",
            rf"\bAU LIEU (?:DE|D) (?:M |NOUS )?(?:ENVOYER|ECRIRE|TEXTER)(?: (?:DES|LES) (?:{_MESSAGES}))?\b"
            r"|\bJE (?:NE |N )?(?:LIS|LIT|UTILISE|REGARDE) (?:PAS|JAMAIS|PLUS) (?:LES |DE |D )?(?:SMS|TEXTOS"
            r"|MESSAGES)\b",
        ),
        (
            "remove-number",
            rf"\b{_FR_OFF} (?:LE|LA|MOI|NOUS|CE NUMERO|MON NUMERO) (?:DES|DE VOS|DE LA) (?:\w+ )?"
            rf"(?:(?:{_MESSAGES}|AVIS)\b|LISTES?\b{_FR_NOT_OF_ELSE})",
        ),
        (
            "their-line",
            r"^(?=.*\b(?:ENFANT|MINEURE?|MON FILS|MA FILLE|CE (?:TELEPHONE|NUMERO|PORTABLE))\b).*\bNE (?:LUI"
            rf"|LEUR) {_FR_STEMS} (?:PAS|PLUS)\b(?! (?:APRES|AVANT|PENDANT|LE SOIR|LA NUIT|DE NUIT)\b)"
            r"|\bET (?:PLUS|PAS) (?:AU|SUR LE) MIEN\b",
        ),
        (
            "threat",
            r"^(?:\w+ )?(?:ARRETEZ|CESSEZ|STOP)(?: TOUT)? (?:OU|SINON|AVANT QUE) (?:JE|J) (?:\w+ ){0,3}"
            r"(?:AVOCAT|PLAINTE|SIGNAL\w*|BLOQU\w*|POLICE)\b",
        ),
        (
            "stop-imperative",
            r"^(?:IL )?FAUT (?:QUE (?:CA|VOUS) )?(?:ARRETER|CESSER|S ARRETE|ARRETE|ARRETIEZ)"
            + _FR_POLITE_END,
        ),
        (
            "stop-imperative",
            r"^(?:ARRETEZ|ARRETE|CESSEZ|STOPPEZ)(?: (?:MAINTENANT|TOUT DE SUITE|SVP|STP|S IL VOUS PLAIT"
            r"|SERIEUX|SERIEUSEMENT|MERCI|PITIE|LA|CA))+$",
        ),
        ("stop-imperative", rf"^(?:(?:IL )?FAUT )?(?:QUILS|QU ILS) (?:ARRETENT|CESSENT){_FR_POLITE_END}"),
        (
            "no-more-messages",
            rf"\b(?:MAIS|SEULEMENT|UNIQUEMENT|JUSTE) (?:PAS DE|AUCUN|PLUS DE) (?:{_MESSAGES})\b"
            rf"|\bAU LIEU (?:DES|DE|D) (?:{_MESSAGES})\b|\bPAS DE (?:{_MESSAGES}) EN PLUS\b",
        ),
        (
            "pestering",
            rf"\b(?:DIT|ECRIT|ENVOYE|MIS|TAPE|REPONDU) (?:STOP|ARRET) (?:{_MANY_TIMES} FOIS|POINT)\b"
            r"(?! (?:A|ET|MAIS) (?:LUI|ELLE|IL|ILS|MON|MA|MES)\b)",
        ),
        (
            "their-line",
            r"^(?=.* (?:RETIR|SUPPRIM|ARRET|STOP|ECRIVEZ|ENVOYEZ|PLUS DE)).*\bC EST"
            r" (?:UN|LE|MON) (?:TELEPHONE|PORTABLE|NUMERO|TEL) (?:PRO|PROFESSIONNEL|DU TRAVAIL|DE TRAVAIL"
            r"|D UN (?:MINEUR|ENFANT))\b",
        ),
        (
            "make-it-stop",
            r"\b(?:ARRETEZ|ARRETE|CESSEZ) DE (?:SATURER|REMPLIR|BOMBARDER|INONDER|SPAMMER) (?:MON|MA) (?:TEL"
            r"|TELEPHONE|PORTABLE|BOITE|MESSAGERIE)\b",
        ),
        (
            "begging",
            r"^(?:PLUS JAMAIS|ARRETEZ|STOP|PLUS RIEN)(?: SVP| PITIE)* (?:JE VOUS EN (?:PRIE|SUPPLIE)"
            r"|PITIE)(?: LOL| MDR)?$",
        ),
        (
            "refuse",
            rf"\b(?:JE|J) (?:REFUSE|N ACCEPTE (?:PAS|PLUS)) (?:LES |VOS |CES |DE |DES )?(?:{_MESSAGES})\b",
        ),
        (
            "do-not-send",
            rf"^(?:TEXTE|ECRIS|ENVOIE|TEXTEZ|ECRIVEZ|ENVOYEZ)(?: MOI| NOUS)? PLUS(?: RIEN"
            rf"| JAMAIS)?{_FR_POLITE_END}|\b(?:MERCI|PRIERE|VEUILLEZ) DE PLUS (?:M |ME |NOUS )?{_FR_STEMS}",
        ),
        (
            "stop-imperative",
            rf"\b(?:MAIS|ALORS|DONC|BREF) (?:ARRETEZ|CESSEZ|STOPPEZ)(?: CA| TOUT)?{_FR_POLITE_END}",
        ),
        (
            "remove-it",
            rf"^(?=.*\b(?:NOUVEAU NUMERO|C EST PLUS|N EST PLUS)\b).*\b{_FR_OFF} (?:LE|LA"
            rf"|LES){_FR_POLITE_END}",
        ),
        (
            "another-channel",
            r"^(?:(?:ENVOYEZ MOI|UN|UNE|DES|PAR|JUSTE) )*(?:COURRIER|MAIL|EMAIL|COURRIEL|PAPIER"
            rf"|LETTRE)(?: \w+)? (?:A LA PLACE|UNIQUEMENT|SEULEMENT|PLUTOT){_FR_POLITE_END}",
        ),
        (
            "remove-me",
            rf"\b{_FR_OFF} (?:MOI|NOUS) DE? LA LISTE (?:DE LA|DE L|DU|DES|DE|D) (?!(?:\w+ )?(?:INVITES"
            r"|ATTENTE"
            r"|COURSES|EPICERIE|CADEAUX|BENEVOLES|COVOITURAGE|CLASSE|EQUIPE|TACHES|PRESENCE|MARIAGE"
            r"|FETE)\b)\w+",
        ),
        (
            "stop-asking",
            rf"\b(?:ARRETEZ|CESSEZ) DE (?:ME |NOUS )?(?:DEMANDER|QUEMANDER) (?:DE L |DES |D )?{_ASKED_FOR}\b",
        ),
        (
            "stop-asking",
            r"\b(?:ARRETEZ|CESSEZ|STOPPEZ) (?:LA|VOTRE|CETTE|VOS|CES|LES) (?:CAMPAGNE|SOLLICITATIONS)\b",
        ),
        (
            "tell-them",
            rf"\bDITES (?:A|AU|AUX) (?:\w+ ){{1,3}}(?:D ARRETER|DE CESSER) (?:DE |D )(?:M |ME "
            rf"|NOUS )?{_FR_STEMS}",
        ),
        (
            "no-need",
            r"\b(?:PLUS BESOIN|N AI PLUS BESOIN|N AVONS PLUS BESOIN) (?:DE|D|DES|DU) (?:\w+ ){0,5}?"
            rf"(?:(?:{_MESSAGES})\b|PAR (?:TEXTO|SMS|MESSAGE|TEXTE)\b)",
        ),
        (
            "no-more-messages",
            rf"^PLUS (?:DE|D) (?:{_MESSAGES})\b(?: \w+){{0,3}} (?:SUR|A) CE (?:NUMERO|TELEPHONE|PORTABLE"
            r"|CELL)"
            rf"{_FR_POLITE_END}",
        ),
        (
            "no-longer-customer",
            r"^(?:STOP|ARRET|ARRETEZ)\b.*\b(?:J AI|JAI) (?:RESILIE|ANNULE|FERME) (?:MON|MA|L|LE|LA) (?:\w+ )?"
            r"(?:ABONNEMENT|COMPTE|ADHESION|CONTRAT|FORFAIT|SERVICE)\b",
        ),
        (
            "stop-sending",
            r"\b(?:ARRETEZ|CESSEZ) DE GASPILLER (?:VOTRE )?(?:ARGENT|TEMPS) (?:A|EN) (?:M |ME |NOUS )?",
        ),
        (  # a threat to complain unless the messages stop
            "block-or-report",
            r"^(?=.*\b(?:PLAINTE|SIGNALE\w*|AVOCAT|CNIL)\b).*\bSI (?:CA|VOUS|ILS|CES \w+) NE? (?:S )?"
            r"(?:ARRET|CESS)\w*",
        ),
        (  # a gambling or shop promotion's own nouns, told to stop
            "stop-messages",
            r"\b(?:ARRETEZ|STOP|CESSEZ)(?: AVEC)? (?:VOS |CES |LES |VOTRE )?"
            r"(?:BONUS|(?:PARIS|TOURS|SPINS) GRATUITS|FREEBETS?|FREE BETS?)\b",
        ),
        (  # vous continuez à m'envoyer ça: je n'en veux pas (one run-on sentence)
            "do-not-want",
            r"^(?=.*\b(?:QUI|VOUS) (?:CONTINUEZ|CONTINUE) (?:A|DE) M (?:ENVOYER|ECRIRE)\b)"
            r".*\bJE (?:N EN|NE LES) VEUX (?:PAS|PLUS)\b",
        ),
    ),
}
"""Revocations in natural wording: (rule, pattern over a clause's words joined by spaces), per language;
a pattern starting ``^(?=`` reads the whole reply (its clauses joined), e.g. "my number? remove it".

No FCC word (STOP, END, CANCEL, QUIT) is needed here: those are the revocation words' concern."""
_WORD_START = re.compile(r"(^|\||\(\?:|\()(?:\\b|\^)")


def _compiled(pattern: str) -> tuple[re.Pattern[str], bool]:
    """``pattern`` for a clause read with a space before it, and whether it reads the whole reply.

    A word's start (``\\b`` or ``^`` where a branch begins) becomes that space: the same matches on
    text of words parted by single spaces, and a literal start lets ``re`` skip ahead (about 30 times
    faster on a long reply)."""
    return re.compile(_WORD_START.sub(lambda m: m.group(1) + (" " if "b" in m.group() else "^ "), pattern)), (
        pattern.startswith("^(?=")
    )


@cache
def _compiled_rules(language: str) -> tuple[tuple[str, re.Pattern[str], bool], ...]:
    """The natural revocations of ``language`` compiled (``_compiled``), on first use: compiling
    them is most of this module's import time, and a reply that is a keyword ("STOP") never reads them,
    so a function's cold start does not pay for them; the first reply that does, pays once."""
    return tuple(
        (f"{language}.{rule}", *_compiled(pattern)) for rule, pattern in NATURAL_REVOCATIONS.get(language, ())
    )


_TO_THE_SENDER = re.compile(
    rf"{_EN_THEIR_LINE}|{_ES_THEIR_LINE}|{_FR_THEIR_LINE}"
    r"|\b(?:WHO GAVE (?:YOU|U|YALL)|HOW DID (?:YOU|U|YALL) GET|WHERE DID (?:YOU|U|YALL) GET) (?:MY|THIS)"
    r" (?:NUMBER|NUMBR|NUM|DIGITS|CELL|PHONE)\b"
    r"|\b(?:QUIEN (?:LES |TE |LE )?DIO|DE DONDE SACARON|COMO CONSIGUIERON) (?:MI|ESTE)"
    r" (?:NUMERO|CEL|CELULAR)\b"
    r"|\b(?:QUI VOUS A DONNE|OU AVEZ VOUS (?:EU|TROUVE)) (?:MON|CE) (?:NUMERO|NUM|TEL|PORTABLE)\b"
)
"""Words said only to the sender of unwanted texts: whose line this is ("this is my dad's phone",
"c'est le tel de mon père"), or who gave them the number ("who gave u my number"). Laughter beside
them does not make a STOP talk between friends ("STOP lmaooo who gave u my number")."""
_OWN_MISTAKE = re.compile(
    r"\b(?:MEANT (?:TO|FOR)|WAS FOR|ITS ME|IT IS ME|NEW (?:PHONE|NUMBER|ONE)|SENT (?:IT |THIS "
    r"|THAT )?TO THE WRONG"
    r"|ERA PARA|(?<!NO )SOY YO|NUEVO NUMERO|NUMERO NUEVO|C EST MOI|CEST MOI|C ETAIT POUR|NOUVEAU NUMERO"
    r"|(?:I|WE) GAVE (?:YOU|U|YA) (?:THE |A )?WRONG|WRONG (?:NUMBER|NO) FOR (?!(?:ME|US|THIS)\b)\w+"
    r"|MAUVAIS NUMERO (?:DE|D|POUR) (?!(?:MOI|TELEPHONE)\b)\w+|TE LO (?:MANDE|ENVIE)|T AI ENVOYE CA"
    r"|SENT (?:IT|THIS|THAT) (?:TO YOU )?BY MISTAKE"
    r"|ME SUIS TROMPEE?|ME EQUIVOQUE|I (?:TEXTED|MESSAGED|DIALED|DIALLED) THE WRONG"
    r"|OOPS|OOPSIE|WHOOPS|MY BAD|UPS|OUPS|OUPSI|JE VOULAIS (?:ECRIRE|ENVOYER|TEXTER)"
    r"|QUERIA (?:ESCRIBIR|MANDAR|ENVIAR)|(?:WAS |WERE )?TRYING TO (?:REACH|TEXT|CALL|GET A HOLD OF)"
    r"|SEN[DT] (?:IT |THIS |THAT |THE \w+ )?TO (?:THE|A) WRONG"
    r"|(?:MANDE|ENVIE|ESCRIBI)(?: \w+){0,4} AL? (?:NUMERO|CELULAR) EQUIVOCADO"
    r"|J AI (?:ENVOYE|ECRIT|TEXTE|APPELE)(?: \w+){0,4} AU (?:MAUVAIS|FAUX) NUMERO"
    r"|C EST (?:BIEN|TOUJOURS|JUSTE) MOI|SI SOY YO|(?:ITS|IT IS) (?:STILL |REALLY |JUST )ME"
    r"|(?<!NO )ES EL DE (?:MI|MIS) \w+|(?<!PAS )(?<!PLUS )C EST CELUI (?:DE|D) (?:MON|MA|MES) \w+"
    r"|J AI (?:ENVOYE|FAIT)(?: \w+){0,4} A LA MAUVAISE PERSONNE|USA EL NUEVO|PRENDS LE NOUVEAU"
    r"|USE THE NEW (?:ONE|NUMBER)|(?:ESE|ESTE) ES EL VIEJO|C EST MON ANCIEN|THATS MY OLD)\b"
)
_SOMEONE_ELSES_MISTAKE = re.compile(
    r"\b(?:SOMEONE|SOMEBODY|SOME (?:GUY|GIRL|LADY|DUDE)|ALGUIEN|UN TIPO|UNA SENORA|QUELQU UN|QUELQUUN|UN MEC"
    r"|UN GARS|UNE DAME)\b(?! (?:ELSE|MAS|D AUTRE|DAUTRE)\b)"
)
"""Words of a writer who tells of someone else's wrong number ("someone texted me by mistake, wrong
number"): the wrong number is not the writer's, no wrong-number revocation."""
_WRONG = re.compile(r"\b(?:WRONG|EQUIVOCAD[OA]|MAUVAIS|TROMPEE?)\b")
"""Words of a writer who sent to the wrong number themselves ("wrong number lol, it's me Dave, new
phone"): no wrong-number revocation."""
_BUSY = re.compile(
    r"\b(?:IM|I AM) (?!GETTING|TRYING|ASKING|BEGGING|TELLING|SAYING|NOT|DONE|SERIOUS|WARNING|GOING|BEING"
    r"|BLOCKING|REPORTING|CALLING|LOSING|CHANGING MY (?:NUMBER|PHONE))\w+ING\b"
    r"|\bJE (?:REGARDE|DORS|TRAVAILLE|BOSSE|MANGE|REVISE|CONDUIS|CUISINE|FAIS (?:LA|UNE) SIESTE"
    r"|SUIS (?:OCCUPEE?"
    r"|EN TRAIN"
    r"|AU TRAVAIL|EN REUNION|EN COURS|FATIGUEE?|CREVEE?))\b(?! (?:DE|D)\b)"
    r"|\b(?:IM|I AM) (?:SO )?(?:TIRED|EXHAUSTED|SLEEPY)\b(?! OF\b)"
    r"|(?<!NO )(?<!NO ME )\bESTOY (?:(?!HARTA?O?\b|TRATANDO|INTENTANDO)\w+(?:ANDO|IENDO)|OCUPAD[OA]"
    r"|CANSAD[OA](?! DE\b)"
    r"|EN (?:CLASE|EL TRABAJO"
    r"|UNA REUNION|EL CINE|JUNTA|UNA JUNTA|REUNION|CLASES|LA ESCUELA|EL HOSPITAL|MISA|LA IGLESIA"
    r"|EL GIMNASIO))\b"
)
"""Words of someone busy right now ("I'm napping", "je travaille", "estoy manejando"): "leave me alone"
or "don't text me" beside them asks for quiet, not for the messages to end."""
_POLITE_WISH = (
    r"(?:AGRADECERIA|AGRADECERIAMOS|AGRADECERE|QUISIERA|QUISIERAMOS|PEDIRIA|ROGARIA|ME GUSTARIA|OJALA"
    r"|LES PIDO|LE PIDO|LES PEDI|PIDO|PEDIMOS|PREFERIRIA)"
)
"""The words of a polite wish before QUE and a past subjunctive ("agradecería que dejaran de ...")."""
_REQUEST_FORMS = (
    (re.compile(r"(?<= )([A-Z]{3,})ER (?=(?:MOI|NOUS)\b)"), r"\1EZ "),
    (re.compile(r"^ (?:EST CE QUE )?VOUS (POUVEZ|POURRIEZ) "), r" \1 VOUS "),
    (
        re.compile(
            rf"\b({_POLITE_WISH} (?:\w+ )?QUE(?: (?:ME|NOS|YA|NO|LOS|LAS))*)"
            r" (DEJ|PAR|MAND|ENVI|QUIT|BORR|ELIMIN|MOLEST|LLAM|CONTACT|TEXTE)(?:ARAN|ASEN)\b"
        ),
        r"\1 \2EN",
    ),
    (
        re.compile(
            rf"\b({_POLITE_WISH} (?:\w+ )?QUE(?: (?:ME|NOS|YA|NO|LOS|LAS))*) (ESCRIB|REMOV)(?:IERAN|IESEN)\b"
        ),
        r"\1 \2AN",
    ),
)
"""Other forms of a request that the rules read as the form they name: a French imperative written
as the infinitive before MOI or NOUS ("laisser-moi tranquille", "enlever-moi": the two sound alike), a
question in statement order ("vous pouvez me retirer ?" as "pouvez-vous me retirer"), and the
Spanish past subjunctive of a polite request ("agradecería que dejaran de mandarme" as "dejen de
mandarme")."""


def _as_requested(clause: Sequence[str]) -> tuple[str, ...]:
    """``clause`` as the revocation rules read it (a space before each word): as written, and, when
    any of ``_REQUEST_FORMS`` is in it, also with each in the form it names."""
    written = " " + " ".join(clause)
    text = written
    for form, request in _REQUEST_FORMS:
        text = form.sub(request, text)
    return (written, text) if text != written else (written,)


_NOT_THE_SENDERS = (
    r"(?!(?:SU|VOTRE) (?:JEF[EA]|GERENTE|EMPRESA|COMPANIA|PATRON|ENTREPRISE|SOCIETE|DIRECT\w+|RESPONSABLE)\b)"
)
"""Not the sender's boss ("dígale a su jefe que ya no me manden")."""
_TOLD_SOMEONE = re.compile(
    rf"\b(?:DIS|DITES|AI DIT)(?: LUI| LEUR)? (?:A|AU|AUX) {_NOT_THE_SENDERS}\w+(?: \w+)? (?:DE|D) "
    rf"|\b(?:DILE|DIGALE|DIGANLE|PIDELE|PIDALE) A {_NOT_THE_SENDERS}\w+(?: \w+)? (?:QUE|Q) "
    r"|\bEN (?!(?:TANT|AVANT|MAINTENANT|ATTENDANT)\b)\w{3,}ANT\b"
)
"""Words of a writer who tells someone else to stop, or who limits it to a moment ("dis à Théo
d'arrêter d'écrire des textos", "dile a Juan que no me escriba", "en conduisant"): the stop is no
revocation of the messages."""
_FOR_GOOD = re.compile(
    r"\b(?:ANYMORE|ANY MORE|EVER AGAIN|NUNCA MAS|JAMAIS)\b"
    r"|\bNO (?:ME |NOS )?\w+ MAS\b|\bNE (?:\w+ ){1,2}PLUS\b|\bPLUS JAMAIS\b"
    r"|^(?!.*\b(?:HASTA|AHORITA|LUEGO|DESPUES|TARDE|MANANA)\b).*\bYA NO (?:ME |NOS )?"
    r"(?:ESCRIB|MAND|ENVI|CONTACT|MOLEST|LLAM|TEXTE)\w*"
    r"|\bNO PARA DE (?:SONAR|VIBRAR)\b|\bARRETE PAS DE (?:SONNER|VIBRER)\b"
    r"|\bKEEPS (?:BUZZING|RINGING|GOING OFF|BLOWING UP)\b"
)
"""A busy writer's "no longer" ("estoy trabajando, no me contacten más", "ya no me escriban"), or a
phone that keeps going off ("el cel no para de sonar"): not only for now."""
_QUIET_FOR_NOW = ("leave-me-alone", "do-not-send", "do-not-text", "stop-sending")
"""The rules that such a reply does not make a revocation."""
_BARE_IMPERATIVES = frozenset(["stop-imperative", "fed-up", "enough"])
"""Rules of a bare imperative ("Arrête !", "knock it off"), which a reply that is amused does not make
a revocation ("arrête, tu me fais rougir"), nor one that laughs without naming the messages ("mdr
arrête")."""
_ADDRESS = frozenset(
    [
        "HI",
        "HELLO",
        "HEY",
        "YO",
        "BRO",
        "BRUH",
        "DUDE",
        "MAN",
        "MATE",
        "SIR",
        "MAAM",
        "GUYS",
        "FOLKS",
        "HOLA",
        "BUENAS",
        "OIGA",
        "OIGAN",
        "PANA",
        "CHAMO",
        "CHAMA",
        "WEY",
        "GUEY",
        "HERMANO",
        "MANO",
        "CHE",
        "COMPA",
        "AMIGO",
        "AMIGA",
        "SENOR",
        "SENORA",
        "SENORES",
        "JOVEN",
        "MIJO",
        "MIJA",
        "PRIMO",
        "BONJOUR",
        "SALUT",
        "COUCOU",
        "ALLO",
        "WESH",
        "MEC",
        "FRERE",
        "FRERO",
        "GARS",
        "MADAME",
        "MONSIEUR",
    ]
)
"""Greetings and forms of address that may open a request ("bro para ya con los mensajes", "hola, no
me escriban"): the revocation rules also read a clause without them."""


def _unaddressed(clause: Sequence[str]) -> tuple[str, ...]:
    """``clause`` without the greetings and forms of address (``_ADDRESS``) it opens with, if any word
    is left."""
    start = 0
    while start < len(clause) - 1 and clause[start] in _ADDRESS:
        start += 1
    return tuple(clause[start:])


_INSISTING = frozenset(["said-no", "repeat-keyword"])
"""Rules of a refusal said again ("what part of STOP don't you understand"), which a reply that is
amused does not make a revocation either ("¿qué parte de alto no entiendes? jaja")."""
JEST = frozenset(["JK", "JOKING", "KIDDING", "BROMA", "BROMEANDO", "BLAGUE", "RIGOLE"])
"""Words that say a reply is a joke ("never call me again jk"): it is no natural revocation."""


def natural_revocation(clauses: Clauses, languages: Iterable[str]) -> Finding | None:
    """The first natural revocation in ``clauses`` in one of ``languages``, if any (none in a reply
    that says it jokes)."""
    if any(w in JEST for clause in clauses for w in clause):
        return None
    requested = [_as_requested(clause) for clause in clauses]
    texts = [forms[-1] for forms in requested]
    whole = ["".join(texts)]
    texts += [forms[0] for forms in requested if len(forms) > 1]
    texts += [t for c in clauses if c and c[0] in _ADDRESS for t in _as_requested(_unaddressed(c))]
    amused = any(w in AMUSEMENT for clause in clauses for w in clause) or bool(_DISBELIEF.search(whole[0]))
    amused = amused or (laughter(clauses) is not None and not names_messages(clauses))
    amused = amused and not _TO_THE_SENDER.search(whole[0])
    own_mistake = _OWN_MISTAKE.search(whole[0]) or _SOMEONE_ELSES_MISTAKE.search(whole[0])
    busy = _BUSY.search(whole[0]) is not None and not _FOR_GOOD.search(whole[0])
    told = _TOLD_SOMEONE.search(whole[0]) is not None
    for language in languages:
        for rule, pattern, reads_whole in _compiled_rules(language):
            if amused and rule.split(".", 1)[1] in _BARE_IMPERATIVES | _INSISTING:
                continue
            if own_mistake and rule.endswith(".wrong-number"):
                continue
            if (busy or told) and rule.split(".", 1)[1] in _QUIET_FOR_NOW:
                continue
            for text in whole if reads_whole else texts:
                found = pattern.search(text)
                if found:
                    phrase = found.group().strip()
                    return Finding(rule, phrase, language, f"revocation in {language}: {phrase!r}")
    return None


_RULE_WORD = re.compile(r"(?<![A-Z])[A-Z]{2,}(?![A-Z])")
_GROUP_START = re.compile(r"\((?:\?(?::|=|!|<=|<!))?$")
_LOOKAHEAD = ("(?=", "(?!")


@cache
def rule_words() -> frozenset[str]:
    """Every whole word the rules name: the natural revocations' words (every language; not the stems
    and endings, ``MAND`` of ``MAND\\w*`` or ``ANDO`` of ``\\w+(?:ANDO|IENDO)``), the nouns and verbs for
    the messages and politeness, and the verbs of sending (with a Spanish pronoun: MANDARME), read on
    first use."""
    named = {
        found.group()
        for rules in NATURAL_REVOCATIONS.values()
        for _, pattern in rules
        for found in _RULE_WORD.finditer(pattern)
        if _apart_before(pattern, found.start()) and _apart_after(pattern, found.end())
    }
    verbs = {v for verbs in (_EN_VERBS, _ES_VERBS, _FR_VERBS) for v in verbs.split("|")}
    with_pronoun = {f"{v}{pronoun}" for v in _ES_VERBS.split("|") for pronoun in ("ME", "NOS")}
    return frozenset(named | verbs | with_pronoun | MESSAGE_WORDS | MESSAGE_VERBS | POLITENESS)


def _apart_before(pattern: str, at: int) -> bool:
    """Whether nothing that matches letters comes just before ``pattern[at]`` (through the start of
    the groups it begins an alternative of)."""
    while True:
        start = _GROUP_START.search(pattern, 0, at)
        if start is not None or pattern[at - 1 : at] == "|":
            at = _enclosing(pattern, at - 1, -1)
            continue
        before = pattern[max(0, at - 3) : at]
        if before.endswith(")?") or before.endswith(")*"):
            return pattern[_enclosing(pattern, at - 3, -1, inside=True) : at - 2].endswith(" ")
        return at == 0 or before.endswith((" ", "^", "\\b"))


def _apart_after(pattern: str, at: int) -> bool:
    """Whether nothing that matches letters comes just after ``pattern[:at]`` (through the end of the
    groups it ends an alternative of, and past lookaheads)."""
    while at < len(pattern):
        if pattern.startswith(_LOOKAHEAD, at):
            at = _enclosing(pattern, at + 1, 1) + 1
        elif pattern[at] in "|)":
            at = _enclosing(pattern, at, 1) + 1
            while pattern[at : at + 1] in ("?", "*", "+"):
                at += 1
        else:
            return pattern[at] in " $?" or pattern.startswith(("\\b", "(?: "), at)
    return True


def _enclosing(pattern: str, at: int, step: int, *, inside: bool = False) -> int:
    """From ``at``, walking by ``step``: where the group around it opens (-1) or closes (1); with
    ``inside``, ``at`` is that group's own close and the walk finds its open."""
    depth = -1 if inside else 0
    while 0 <= at < len(pattern):
        ch = pattern[at] if pattern[at - 1 : at] != "\\" else ""
        if ch == ("(" if step < 0 else ")"):
            if depth == 0:
                return at
            depth -= 1
        elif ch == (")" if step < 0 else "("):
            depth += 1
        at += step
    return max(0, min(at, len(pattern) - 1))


_PIECE_LENGTHS = range(2, 15)
_RUN_TOGETHER_LENGTH = 7
"""A word at least this long that no rule knows may be known words run together ("stoptexting")."""


def run_together(clauses: Clauses, known: frozenset[str]) -> Iterator[tuple[Clauses, str]]:
    """``clauses`` with the words of a short reply that are known words written without spaces
    parted ("stoptexting", "noquieromasmensajes"), and what was read so, fewest parts first: a reply
    of at most three words besides politeness, whose long words no rule knows (``known`` and
    ``rule_words``) but that part into them (a word may part more than one way: "dejendemandarme" is
    DEJEN DEMANDAR ME and DEJEN DE MANDAR ME)."""
    words = [w for c in clauses for w in c]
    if len(without_politeness(words)) > 3:
        return
    vocabulary = _vocabulary(known)
    partings = {
        w: found
        for w in words
        if len(w) >= _RUN_TOGETHER_LENGTH and w not in vocabulary and (found := _partings(w, vocabulary))
    }
    if not partings:
        return
    choices = sorted(itertools.product(*partings.values()), key=lambda c: sum(map(len, c)))
    for choice in choices[:_MOST_READINGS]:
        chosen = dict(zip(partings, choice, strict=True))
        parted = tuple(
            tuple(
                p
                for w in clause
                for p in ([canonical_word(x, known) for x in chosen[w]] if w in chosen else [w])
            )
            for clause in clauses
        )
        yield parted, ", ".join(f"{w} as {' '.join(pieces)}" for w, pieces in chosen.items())


_MOST_READINGS = 6


@cache
def _vocabulary(known: frozenset[str]) -> frozenset[str]:
    """``known`` and every word the rules name (``rule_words``): what ``run_together`` parts into,
    made once per set of keywords rather than on every reply."""
    return known | rule_words()


def _partings(word: str, vocabulary: frozenset[str]) -> list[tuple[str, ...]]:
    """The ways ``word`` is two or more words of ``vocabulary`` (two letters or more each), fewest
    words first, at most ``_MOST_READINGS``."""
    nothing: tuple[str, ...] = ()
    ways: list[list[tuple[str, ...]]] = [[nothing]] + [[] for _ in word]
    for end in range(2, len(word) + 1):
        for length in _PIECE_LENGTHS:
            start = end - length
            if start < 0:
                break
            if ways[start] and word[start:end] in vocabulary:
                ways[end].extend((*way, word[start:end]) for way in ways[start])
        ways[end] = sorted(ways[end], key=len)[:_MOST_READINGS]
    return [way for way in ways[len(word)] if len(way) > 1 and (len(way[-1]) > 2 or way[-1] in _LAST_WORDS)]


_LAST_WORDS = frozenset(["ME", "US", "YA", "NO"])
"""The two-letter words a run-together reply may end with ("removeme", "paren ya"); any other (ON, ED,
ES) is more likely an ending of one word ("cancelaron") than a word of its own."""


_REJOIN = (
    r"RE ?SUBSCRIB\w*|RESUB|SIGN (?:ME|US) BACK UP|(?:PUT|ADD) (?:ME|US) BACK|REABONN\w*|REINSCRI\w*"
    r"|REACTIV\w*"
    r"|REMET\w* (?:MOI|NOUS)|(?:VOLVER|VUELV\w*) A (?:SUSCRIB|INSCRIB|AGREG|PONER|ANADIR)\w*"
    r"|REMET\w* (?:LES |MES |VOS )?(?:TEXTOS|MESSAGES|TEXTES|SMS)"
    r"|(?:SUSCRIB|INSCRIB|AGREG|ANAD)\w*(?:ME|NOS)|(?<!NOT )WANT TO KEEP (?:GETTING|RECEIVING)"
    r"|(?<!NE )VEUX CONTINUER A RECEVOIR|(?<!NO )QUIERO SEGUIR RECIBIENDO"
    r"|(?:UNSUBSCRIB|DESABONN|DESINSCRI|DESUSCRIB)\w* (?:\w+ )?(?:BY MISTAKE|BY ACCIDENT|PAR ERREUR"
    r"|POR ERROR)"
)
"""Words of a customer who asks to be put back on the messages ("put me back on", "réinscrivez-moi",
"remettez-moi sur la liste", "suscribirme de nuevo", "I unsubscribed by mistake", "je me suis désabonné
par erreur"): under CONTEXTUAL a revocation word beside them ("I didn't mean to unsubscribe, can you put
me back on?") is AMBIGUOUS (``rejoins``)."""
_WANTS_MESSAGES = re.compile(
    rf"\b(?:{_REJOIN}|SUBSCRIBE (?:ME|US)|SIGN (?:ME|US) (?:BACK )?UP|OPT (?:ME |US )?(?:BACK )?IN"
    r"|RESTART|RESUME|UNSTOP|START (?:SENDING|TEXTING|AGAIN)|(?:WANT|LIKE|WISH|NEED) TO (?:RECEIVE|GET|START)"
    r"|(?:WANT|LIKE|NEED) (?:THE |YOUR |MY )?(?:TEXTS|MESSAGES|ALERTS) (?:BACK|AGAIN)"
    r"|VOLVER A (?:RECIBIR|SUSCRIB|INSCRIB|ACTIV)\w*|QUIERO (?:RECIBIR|SUSCRIB\w*|INSCRIB\w*)|REACTIV\w*"
    r"|RECOMMENCER|ABONNEZ MOI|INSCRIVEZ MOI|VEUX (?:RECEVOIR|M ABONNER|M INSCRIRE)"
    r"|(?:A|DE) NOUVEAU)\b"
)
"""Words of a customer who wants the messages (again): "resubscribe me", "quiero volver a recibir los
mensajes", "réabonnez-moi", "je veux recevoir vos textos à nouveau"."""
_REJOINS = re.compile(rf"\b(?:{_REJOIN})\b")


_NEGATIONS = frozenset(
    [
        "NO",
        "NOT",
        "DONT",
        "DIDNT",
        "NEVER",
        "LONGER",
        "WONT",
        "CANT",
        "NE",
        "N",
        "PAS",
        "PLUS",
        "NUNCA",
        "JAMAS",
    ]
)
"""Words that, among the three before it, make a wish for the messages a refusal ("I no longer want to
receive texts", "no quiero recibir", "I didn't opt in")."""


_ANOTHER_LIST = re.compile(rf"\b{_OTHER_LIST_NAMES} LISTS?\b(?! (?:TEXTS?|MESSAGES?|SMS|ALERTS?)\b)")


def _qualified(qualifier: str) -> str:
    """The words of a ``(?! ...)`` qualifier as a pattern that matches them."""
    assert qualifier.startswith("(?! ") and qualifier.endswith(")")
    return qualifier[4:-1]


_ANOTHER_THING = re.compile(
    rf"\bLISTES? {_qualified(_FR_NOT_OF_ELSE)}|\bLISTAS? {_qualified(_ES_NOT_OF_ELSE)}"
    r"|\b(?:ROOM|ORDER|ACCOUNT|TRACKING|CONFIRMATION|FLIGHT|SEAT|TABLE|POLICY|CASE|REFERENCE|INVOICE|UNIT"
    r"|APARTMENT|GATE) (?:NUMBER|NUM|NO)\b"
    r"|\bNUMERO (?:DE|D) (?:CHAMBRE|COMMANDE|DOSSIER|CLIENT|COMPTE|SUIVI|VOL|PLACE|TABLE|FACTURE|HABITACION"
    r"|PEDIDO|CUENTA|CLIENTE|SEGUIMIENTO|VUELO|ASIENTO|MESA|FACTURA|POLIZA|EXPEDIENTE|CONFIRMACION|RESERVA"
    r"|RESERVATION|APARTAMENTO|APPARTEMENT)\b"
    r"|\b(?:LUI|LEUR) (?:AI|AVONS|AVAIS|A) (?:DEJA )?(?:DIT|DEMANDE) (?:DE|D) "
    r"|\b(?:ENVOYEZ|ECRIVEZ)(?: MOI| NOUS)? PLUS (?:SOUVENT|DE DETAILS|D INFOS?|D INFORMATIONS?|DE PHOTOS)\b"
    r"|\b(?:DEL|AL|EN EL) (?:GRUPO|CHAT)\b|\b(?:DU|AU|DANS LE) (?:GROUPE|CHAT)\b"
    r"|\bSTILL (?:TEXTING|CALLING|MESSAGING) (?:HIM|HER|THEM)\b|\b(?:BORRA|QUITA|TACHA)L[OA] DE LA LISTA\b"
    r"|\bKEEPS? GETTING SPAM\b|\bOFF (?:THIS|THE|THAT) (?:PLANE|BUS|TRAIN|FLIGHT|BOAT|SHIP|RIDE|ISLAND)\b"
    rf"|^ (?:PLUS|PAS) BESOIN (?:DE|D) (?!(?:{_MESSAGES}|VOS|VOTRE|CES|CE|CA|VOUS|M|ME|NOUS|RIEN|TOUT|ETRE"
    r"|\w+(?:ER|IR|RE))\b)"
    r"|^ (?:MY|MIS|MES) (?:FRIENDS|AMIGOS|AMIGAS|AMIS|COPAINS|COPINES|KIDS|HIJOS|ENFANTS|PARENTS|PADRES)"
    r" (?:TEXT|TEXTS|TEXTING|MESSAGE|ME ESCRIBEN|ME MANDAN|M ECRIVENT|M ENVOIENT)\b"
    r"|\bNO (?:ME|NOS) (?:MANDO|ENVIO|ESCRIBIO|MANDARON|ENVIARON|ESCRIBIERON|CONTESTO)\b"
    rf"|\bTRANQUILLES? AVEC (?:TES|TA|TON|VOS|VOTRE|SES|LEURS?) (?!(?:{_MESSAGES})\b)"
    r"|\b(?:FROM|OFF) (?:THE|THIS|MY|OUR|YOUR) (?:\w+ )?(?:SCHEDULE|ROSTER|ROTA|LINEUP|CALENDAR|SHIFTS?)\b"
    rf"(?! (?:OF|FOR) (?:\w+ )?(?:{_MESSAGES})\b)"
    r"|\b(?:TEXTS?|MESSAGES?) FROM ME\b"
    r"|^ (?:ESTA|ES|ESTAN|SON)? ?(?:MUY|MAS|TAN|DEMASIADO|BIEN) (?:ALT|BAJ)[OA]S?\b"
    r"|\bPOURQUOI (?:VOUS|TU|ILS|ELLES?) CONTINU\w* (?:A|DE|D) (?!(?:M|ME|NOUS|ENVOY\w*|ECRI\w*|TEXT\w*"
    r"|APPEL\w*|SPAMM\w*|RELANC\w*)\b)\w+"
    r"|^ (?:DARME|DARNOS|SALIRME|QUITARME) DE .*\b(?:FUE|HA SIDO|ERA)\b"
)
"""Something other than the sender's messages that a reply names: a list of something else ("la
lista del almuerzo"), a number that is no phone number ("room number"), what someone else was told
("je lui ai dit d'arrêter"), a group chat, someone else texted ("still texting him"), a thing struck
off a list ("bórralo de la lista"), spam from anyone ("my phone keeps getting spam"), a vehicle
("get me off this plane"), no more need of a thing ("plus besoin de parapluie"), one's own friends or
children who text, what someone did not send ("no me mandó ni un mensaje más"), being left alone with
someone's own things ("laissez-moi tranquille avec vos histoires"), a schedule or rota ("remove me
from the carpool schedule"), texts from the writer ("your daily text from me"), ALTO or BAJA as an
adjective ("Está muy alto"), why someone keeps doing something other than sending ("pourquoi vous
continuez à parler de ça ?"), a baja told as a past relief ("darme de baja de esos gimnasios fue un
alivio"). The reply model is not asked about such a reply (``settled``)."""
_LIMITED = re.compile(
    rf"\b(?:DONT|DO NOT|NEVER|NOT)(?: EVER)? (?:{_EN_VERBS})(?: ME| US)? {_qualified(_EN_QUALIFIER)}"
    rf"|\bNO (?:ME |NOS |LE |LES )?{_ES_STEMS}(?: MAS| NADA)? {_qualified(_ES_QUALIFIER)}"
    rf"|\b(?:DEJ|PAR)\w* (?:DE|D) {_ES_STEMS} {_qualified(_ES_MANNER)}"
    rf"|\b(?:NE |N )?(?:M |ME |NOUS )?{_FR_STEMS} PLUS {_qualified(_FR_QUALIFIER)}"
    r"|\bSEE (?:YOU|U|YA) (?:AT|ON|TOMORROW|TONIGHT|SOON|THEN|THERE|LATER)\b"
)
"""A request not to be texted at a time, in a place or in a manner ("don't text me when I'm driving",
"no me escribas desde ese número"), or until a meeting ("no need to text me, see you at 5"): the
rules leave it for review, and so does the model."""
_ASKS_FOR_SUPPORT = re.compile(
    r"\b(?:CONTACT|REACH|CALL|TALK TO|SPEAK (?:TO|WITH)) (?:YOUR |THE )?(?:CUSTOMER (?:SUPPORT|SERVICE|CARE)"
    r"|SUPPORT|A (?:PERSON|HUMAN|REPRESENTATIVE|REP|AGENT))\b|\b(?:SERVICIO|ATENCION) AL CLIENTE\b"
    r"|\bSERVICE (?:CLIENT|CLIENTELE)\b"
    r"|\b(?:EXPLAIN|EXPLIQUEZ MOI|EXPLIQUEME|EXPLIQUENME)(?: PLEASE| PLS| SVP)?$"
)
"""A question for the sender's support ("how do I contact customer support about this text?"): a
request for help, not a revocation; the model is not asked."""
_PHONE_PLAN = re.compile(
    r"\b(?:UNLIMITED|LIMITED|FREE|ILIMITADOS?|ILLIMITES?|GRATUITS?) (?:TEXTS|TXTS|SMS|MINUTES|MINS|DATA"
    r"|TEXTOS|MENSAJES|MINUTOS)\b"
    r"|\b(?:TEXTS|TXTS|SMS|MINUTES|MINS|TEXTOS|MENSAJES|MINUTOS) (?:ILIMITADOS|ILLIMITES|GRATUITS|GRATIS)\b"
)
"""A phone plan's allowance ("unlimited texts", "textos ilimitados", "SMS illimités"): talk about a plan,
not about the sender's messages; the model is not asked."""


_QUARREL = re.compile(
    r"\b(?:ARRETEZ|ARRETE|CESSEZ|CESSE) DE (?:VOUS|TE) (?:DISPUTER|BATTRE|CHAMAILLER|CHICANER)\b"
    r"|\b(?:DEJEN|DEJA|PAREN|PARA) DE (?:PELEAR|PELEARSE|DISCUTIR)\b"
)
"""People told to stop quarrelling ("les enfants, arrêtez de vous disputer"): the model is not asked."""
_KEEPS_MESSAGES = re.compile(
    rf"\b(?:{_MESSAGES}) (?:ARE|IS) (?:ACTUALLY |REALLY |STILL )?(?:FINE|OK|OKAY|GOOD|USEFUL|HELPFUL)\b"
    rf"|\bKEEP (?:THEM|THESE|THE \w+) COMING\b|\b(?:{_MESSAGES})(?: DE \w+)? (?:JE LES GARDE|CA ME VA"
    r"|C EST (?:BIEN|PRATIQUE)|SONT (?:BIEN|UTILES|PRATIQUES)|SI (?:LOS|LAS) QUIERO|ME SIRVEN)\b"
)
"""The messages kept ("the texts are fine", "les SMS je les garde", "los mensajes sí los quiero"): the
model is not asked."""


def settled(clauses: Clauses) -> str | None:
    """What in ``clauses`` the rules read as no revocation, if anything: a wish for the messages
    (``wants_messages``), a writer's own mistake or someone else's, something else
    (``_ANOTHER_THING``), a request limited in time, place or manner, someone busy (``_BUSY``, when
    no message is named) or who tells someone else (``_TOLD_SOMEONE``), a phone plan's allowance, a
    question for support or a jest. The reply model is not asked about such a reply (the rules'
    OTHER stands, for review)."""
    text = " " + " ".join(w for clause in clauses for w in clause)
    own = _OWN_MISTAKE.search(text) or _ANOTHER_LIST.search(text) or _LIMITED.search(text)
    own = own or _PHONE_PLAN.search(text) or _ASKS_FOR_SUPPORT.search(text) or _ANOTHER_THING.search(text)
    own = own or _TOLD_SOMEONE.search(text) or _QUARREL.search(text) or _KEEPS_MESSAGES.search(text)
    if not own and not any(w in MESSAGE_WORDS for clause in clauses for w in clause):
        own = _BUSY.search(text)
    if not own and _WRONG.search(text):
        own = _SOMEONE_ELSES_MISTAKE.search(text)
    if own:
        return own.group().strip()
    return wants_messages(clauses) or next((w for c in clauses for w in c if w in JEST), None)


def wants_messages(clauses: Clauses) -> str | None:
    """What in ``clauses`` says the customer wants the messages, if anything."""
    return _wish(_WANTS_MESSAGES, clauses)


def rejoins(clauses: Clauses) -> str | None:
    """What in ``clauses`` asks to be put back on the messages (``_REJOIN``), if anything."""
    return _wish(_REJOINS, clauses)


def _wish(pattern: re.Pattern[str], clauses: Clauses) -> str | None:
    """The first match of ``pattern`` in ``clauses`` with no negation among the three words before it."""
    for clause in clauses:
        text = " ".join(clause)
        for found in pattern.finditer(text):
            if not _NEGATIONS.intersection(text[: found.start()].split()[-3:]):
                return found.group()
    return None


# --- CONTEXTUAL: is an FCC word about the messages? ----------------------------------------------

LAUGHTER = re.compile(
    r"^(?:LOL+|LMF?AO+|ROFL|XD+|MDR+|PTDR+|JK|JK+|KIDDING|JOKING|(?:HA|HE|JA|JE|HI){2,}H?)$"
)
"""Words of laughter or jest: a reply that laughs is conversation, not a revocation, under CONTEXTUAL."""
AMUSEMENT = frozenset(
    [
        "LAUGHING",
        "LAUGH",
        "FUNNY",
        "HILARIOUS",
        "BLUSH",
        "BLUSHING",
        "TICKLING",
        "TICKLE",
        "TICKLISH",
        "EMBARRASSING",
        "EMBARRASSED",
        "AMAZING",
        "BLAGUE",
        "RIGOLER",
        "RIGOLE",
        "RIRE",
        "RI",
        "DROLE",
        "ROUGIR",
        "CHISTE",
        "GRACIOSO",
        "GRACIOSA",
        "RISA",
        "REIR",
        "JAJAJA",
        "WOW",
        "BELIEVE",
        "KIND",
        "SWEET",
        "CUTE",
        "CRY",
        "PLEURER",
        "LLORAR",
        "CRYING",
        "ADORABLE",
        "AWW",
        "MIGNON",
        "MIGNONNE",
        "CHOU",
        "INCROYABLE",
        "INCREIBLE",
        "LINDO",
        "LINDA",
        "TIERNO",
        "TIERNA",
        "SILLY",
        "GOOFY",
        "DRAMATIC",
        "TONTO",
        "TONTA",
        "BETE",
        "BETISES",
        "NOOO",
        "NOOOO",
        "NOOON",
        "NOOOON",
        "FUNNIEST",
    ]
)
"""Words of amusement and wonder that read like laughter ("stop, I'm laughing too hard", "stop, you're
too kind", "arrête, tu me fais rougir"), and of disbelief ("OMG stop, no way", "Nooon arrête, elle a dit
ça ?": ``_DISBELIEF``), in a reply that does not name the messages."""


_BETWEEN_PEOPLE = re.compile(
    r"\b(?:BOTH OF (?:YOU|U|YALL)|YOU TWO|(?:YOU|U) (?:GUYS|KIDS|BOYS|GIRLS) (?:TWO|BOTH)|LOS DOS|USTEDES DOS"
    r"|VOUS DEUX|TOUS LES DEUX|LES DEUX)\b"
)
"""Words addressed to people together ("stop it right now, both of you", "arrêtez, vous deux"): in a
reply that does not name the messages, an FCC word is said between people."""


HOLD_ON = re.compile(
    r"\b(?:ATTENDS MOI|ATTENDEZ MOI|ATTENDS NOUS|WAIT FOR (?:ME|US)|WAIT UP|ESPERAME|ESPERENME|ESPERANOS"
    r"|ME CONFUNDI|I WAS CONFUSED|MY MISTAKE|MANGER|EAT|COMER|J ARRIVE|YA VOY|IM COMING|ON MY WAY"
    r"|HASTA QUE (?:LO |LA |LOS )?(?:LEA|VEA|LLEGUE|REVISE)|UNTIL I (?:READ|SEE|GET|CHECK)"
    r"|JUSQU A CE QUE (?:JE|J)"
    r"|J AI RETROUVE|I FOUND (?:IT|THEM|MY)|FOUND IT|(?:YA )?(?:LO|LA|LOS|LAS) ENCONTRE|ENCONTRE MIS"
    r"|(?:PLUS|PAS) FAIM|NOT HUNGRY|IM (?:SO )?FULL|NO TENGO HAMBRE|ESTOY LLEN[OA])\b"
)
"""Words that place a lone STOP (ALTO, ARRET) in a conversation between people (and people addressed
together, ``_BETWEEN_PEOPLE``): waiting for someone
or until one has read or seen something, one's own confusion, a lost thing found, eating, coming
("Stop, attends-moi", "Alto, no firmes nada hasta que lo lea", "stop, I'm full"). Under
CONTEXTUAL such a reply, when it does not name the messages, is AMBIGUOUS. A bare "wait" is not one
("STOP. Wait, who is this?" revokes)."""


_SPOILING = re.compile(
    r"\b(?:SPOIL\w*|DONT TELL ME (?:THE )?(?:ENDING|END)|NO ME (?:CUENTES|DIGAS) EL FINAL|NE ME (?:DIS"
    r"|RACONTE) PAS LA FIN)\b"
)
"""A story's end kept: like ``HOLD_ON``."""


_STIRRED = re.compile(
    r"\b(?:(?:MAKING|MAKE|MADE) ME (?:HUNGRY|CRY|LAUGH|BLUSH|JEALOUS)|ME (?:DONNES|DONNEZ) (?:FAIM|ENVIE)"
    r"|ME (?:FAIS|FAITES) (?:RIRE|PLEURER|ROUGIR)|ME (?:DAS|DAN|ESTAS DANDO) (?:HAMBRE|ENVIDIA|ANTOJO)"
    r"|ME (?:HACES|HICISTE) (?:REIR|LLORAR))\b"
)
"""Someone moved by another's words or photos ("stop, you're making me hungry"): like ``HOLD_ON``."""


def names_messages(clauses: Clauses) -> bool:
    """Whether ``clauses`` name the messages (a noun or a verb of them: "texts", "texting")."""
    return any(w in MESSAGE_WORDS or w in MESSAGE_VERBS for c in clauses for w in c)


def hold_on(clauses: Clauses) -> str | None:
    """The words of ``HOLD_ON`` in a reply that does not name the messages, if any."""
    if names_messages(clauses):
        return None
    text = " ".join(w for c in clauses for w in c)
    found = (
        HOLD_ON.search(text)
        or _BETWEEN_PEOPLE.search(text)
        or _SPOILING.search(text)
        or _STIRRED.search(text)
    )
    return found.group() if found else None


_AMUSED_ENDING = re.compile(r" (?:I CANT|IM DEAD|IM DYING|IM WEAK|IM SCREAMING)$")
"""How an English clause that laughs without laughing ends ("omg stop I can't", "stop I'm dead")."""
_DISBELIEF = re.compile(
    r" (?:NO WAY(?! (?:I|IM|WE|ID|IVE)\b)|NO SHE DIDNT|NO HE DIDNT|(?:SHE|HE|THEY) (?:REALLY )?SAID THAT"
    r"|NO MAMES"
    r"|NO PUEDE SER|(?:ELLE|IL|ILS) A (?:VRAIMENT )?DIT CA|PAS POSSIBLE|C EST PAS VRAI)\b"
)
"""Words of someone who cannot believe a story ("OMG stop, no way she said that", "para, no puede ser",
"arrête, c'est pas vrai"): STOP in such a reply is wonder, not a request ("stop, no way I signed up"
and "stop, for real" are)."""


def amused_ending(clauses: Clauses) -> str | None:
    """The words of ``_AMUSED_ENDING`` that end a clause of ``clauses``, or of ``_DISBELIEF`` in one, if
    any."""
    found = next((m for c in clauses if (m := _AMUSED_ENDING.search(" " + " ".join(c)))), None)
    found = found or next((m for c in clauses if (m := _DISBELIEF.search(" " + " ".join(c)))), None)
    return found.group().strip() if found else None


def fed_up(clauses: Clauses) -> str | None:
    """A word of someone fed up (``_FED_UP``) or a word for the messages in ``clauses``, if any: a
    sentence of an everyday word (BASTA) beside one is a revocation ("Estoy harto, es el quinto
    mensaje del día. Basta.")."""
    return next((w for c in clauses for w in c if w in _FED_UP or w in MESSAGE_WORDS), None)


def laughter(clauses: Clauses) -> str | None:
    """The first word of laughter, jest or amusement in ``clauses``, if any."""
    return next((w for c in clauses for w in c if LAUGHTER.match(w) or w in AMUSEMENT or w in JEST), None)


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
        "DU",
        "EN",
        "PANNEAU",
        "AUTO",
    ]
)
"""Words before STOP or END that make it a noun ("bus stop", "the end", "month end", "non stop")."""
_FIRST_PERSON = frozenset(["I", "IM", "ID", "IVE", "ILL", "WE", "WELL", "WERE"])
_STREETS = frozenset(["ST", "STREET", "AVE", "AVENUE", "RD", "ROAD", "BLVD", "DR", "LN", "HWY"])
"""Street words before STOP or END make it a place ("the Main St stop")."""
"""Subjects of the writer's own doing: "I'll quit bugging you" is about the writer's messages, not the
sender's."""
_FED_UP = frozenset(["MARRE", "HARTO", "HARTA", "HARTOS", "HARTAS", "FED", "FEDUP"])
"""Words of someone fed up after an FCC word ("stop, j'en ai marre", "stop I'm fed up"): a revocation."""
_PLEADING = frozenset(["BEGGING", "BEG", "PLEADING", "IMPLORING", "SUPPLIE", "RUEGO", "SUPLICO", "IMPLORO"])
"""Words of someone pleading after an FCC word ("STOP I'm begging you", "stop je vous en supplie"): a
revocation."""
_NEW_SENTENCE = frozenset(["I", "IM", "IVE", "ID", "J", "JE", "JAI", "YO", "YA"])
"""Subjects that, after an FCC word and politeness ("stop please I already said no", "stop svp j'ai déjà
dit non", "stop porfa ya me llegaron diez"), begin a sentence of its own: the FCC word ends its request."""
OPENS_SENTENCE = _NEW_SENTENCE | frozenset(["C", "CE", "ES", "SON", "IT", "ITS", "THIS", "THATS"])
"""Words that begin a sentence of its own after a keyword and a please ("Arrêtez svp c'est la 3e fois",
"paren por favor ya son las 11"), never what the keyword acts on ("annulez svp la commande", "alto por
favor el volumen")."""
_SUBJECT_NEXT = frozenset(["I", "IM", "IVE", "ID", "WE", "WERE"])
_REFUSING = re.compile(
    r"(?:(?:AM |M )?NOT INTERESTED|(?:DONT|DO NOT) (?:KNOW (?:YOU|U|YALL)|WANT (?:THIS|THESE|THEM|IT|ANY))"
    r"|(?:NEVER|DIDNT|DID NOT) (?:SIGNED UP|SIGN UP|ASKED|ASK|SUBSCRIBED|SUBSCRIBE|OPTED IN|OPT IN)"
    r"|(?:ALREADY )?(?:TOLD|ASKED) (?:YOU|U|YALL)|ALREADY SAID (?:NO|STOP))"
    r"(?: (?:FOR )?(?:THIS|THESE|THAT|IT|THEM|ANY MORE|MORE|ANYMORE|AGAIN|ALREADY|STOP|NO|TEXTS|MESSAGES))*"
)
"""The whole rest of a reply that opens with an FCC word and a subject (``_SUBJECT_NEXT``), when it
refuses the messages or recalls a refusal ("stop I'm not interested", "stop I don't know you", "stop I
already told you"): a sentence of its own (the subject is never the word's object), so the word ends its
request; "stop I never said that", "stop I told you so" or "stop I'm almost there" stay for review."""
_WHO_IS_THIS = frozenset(
    ["WHO IS THIS", "WHO DIS", "WHO THIS", "WHOS THIS", "WHO ARE YOU", "WHO R U", "WHO IS IT", "WHO DAT"]
)
"""The whole rest of a reply that opens with an FCC word, asking who writes ("stop who is this"): a
sentence of its own."""
_OPENERS = COURTESY | frozenset(["OK", "OKAY", "HI", "HELLO", "HEY", "NO", "NOPE", "NAH"])
"""What may come before the FCC word in such a reply."""
_LINE_WORDS = frozenset(
    ["PHONE", "CELL", "NUMBER", "INBOX", "LINE", "TELEPHONE", "MOBILE", "CELLPHONE", "DEVICE"]
)
"""The customer's line after an activity ("quit blowing up my phone", "stop ringing my cell"): the
activity is the messages."""
_EVENTS = frozenset(["PROMO", "PROMOTION"])
"""Message nouns that, in the singular and as the subject of END or STOP, are an event ("when does the
promo end?"), not the messages."""
_SUBJECTS = frozenset(
    ["I", "IM", "ID", "IVE", "ILL", "HE", "HES", "SHE", "SHES", "WE", "WERE", "THEY", "THEYRE", "IT", "WHO"]
)
"""Subjects before an FCC word: a statement about someone's doing ("I quit", "he will stop"), no request."""
_MODALS = frozenset(
    ["CAN", "COULD", "WILL", "WOULD", "SHOULD", "MUST", "MIGHT", "MAY", "SHALL", "GONNA", "GOTTA", "WANNA"]
)
_INFINITIVE = frozenset(["TO", "2"])
_CHOICES = frozenset(["GO", "ENCORE", "MORE", "SIGUE", "CONTINUE"])
_THREATS = frozenset(
    ["REPORT", "SUE", "POLICE", "LAWYER", "FCC", "FTC", "BLOCK", "PLAINTE", "DENUNCIO", "PROFECO"]
) | frozenset(["ATTORNEY", "AVOCAT", "ABOGADO"])
"""Words of a threat after "STOP OR" ("stop or I call the police"): a revocation, not a choice."""
"""The other side of a choice after STOP OR ("stop or go", "stop ou encore"): a question, no request."""
_VERBS_AFTER_A_NOUN = frozenset(["IS", "WAS", "ARE", "WERE", "ISNT", "WASNT", "HAS", "S"])
"""Verbs after an FCC word that make it a subject noun ("this stop is ours", "end was great")."""
_QUOTING = frozenset(
    ["SAY", "SAID", "SAYING", "TOLD", "TYPED", "WROTE", "REPLIED", "TEXTED", "REPLY", "TYPE"]
)
"""Words before an FCC word that quote it ("I said stop", "how many times do I have to say stop")."""
_ASKING = frozenset(["ASK", "ASKED", "ASKING", "TOLD", "TELL", "TELLING", "BEG", "BEGGED", "REQUESTED"])
"""Words before "you to STOP" that make it the customer's request ("how many times do I have to ask you
to stop")."""
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
_RESCHEDULING = frozenset(["INSTEAD", "RESCHEDULE", "REBOOK", "RAINCHECK", "POSTPONE"])
"""Words of an event moved ("cancel it, we'll go next week instead"): CANCEL and END in such a reply are
about the event."""
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
        "AU",
        "AUX",
    ]
)
"""Words after an FCC word that show it is about something else ("stop by", "end of", "stop sign")."""
_DETERMINERS = frozenset(
    [
        "MY",
        "THE",
        "OUR",
        "YOUR",
        "HIS",
        "HER",
        "THEIR",
        "THAT",
        "THOSE",
        "A",
        "AN",
        "TODAYS",
        "TOMORROWS",
        "LES",
        "LE",
        "LA",
        "TES",
        "TON",
        "TA",
        "EL",
        "LOS",
        "LAS",
        "TUS",
        "TU",
    ]
)
_NOUN_DETERMINERS = _DETERMINERS - {"A", "AN", "TU"}
"""Determiners two words before STOP or END that make it a noun ("the corner stop"); A, AN and TU are
also French verb and pronoun ("on vous a dit stop")."""
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
        "EVERYTHING",
        "ANYTHING",
    ]
)
"""Words after an FCC word that leave it about the messages ("stop it", "stop now", "cancel this")."""


def judge_revocation_word(clauses: Clauses, revocation_words: frozenset[str]) -> Finding | None:
    """Under CONTEXTUAL: a Finding for the first FCC word of ``clauses`` used about the messages
    (rule ``contextual.*``, a revocation), else one saying why every use is about something else
    (rule ``ambiguous.*``); None when no FCC word is in ``clauses``."""
    to_sender = _TO_THE_SENDER.search(" " + " ".join(w for c in clauses for w in c)) is not None
    if to_sender and not any(w in JEST for c in clauses for w in c):
        clauses = _to_the_sender_apart(clauses)
    laughs = [n for n, c in enumerate(clauses) if any(LAUGHTER.match(w) or w in JEST for w in c)]
    laugh = next((w for c in clauses for w in c if LAUGHTER.match(w) or w in JEST), None)
    named = names_messages(clauses) or to_sender
    amused = None if named else next((w for c in clauses for w in c if w in AMUSEMENT), None)
    amused = amused or (None if named else amused_ending(clauses))
    held = hold_on(clauses)
    event = next((w for c in clauses for w in c if w in _RESCHEDULING), None)
    people = None if named else _between_people(clauses)
    other: Finding | None = None
    for n, clause in enumerate(clauses):
        for i, word in enumerate(clause):
            if word not in revocation_words:
                continue
            if word not in CONTEXTUAL_WORDS:
                return Finding("contextual.unambiguous-word", word, ENGLISH, f"{word} has no other meaning")
            named_before = any(w in MESSAGE_WORDS for c in clauses[:n] for w in c) or any(
                _ANOTHER_CHANNEL.search(" ".join(c)) for c in clauses[:n]
            )
            nouns = set(clause[i + 1 : i + 3])  # "lol. stop the texts", not "lol. stop texting me"
            about = laughs[-1:] < [n] and bool(nouns & MESSAGE_WORDS) and not nouns & MESSAGE_VERBS
            laughed = None if about else laugh
            verdict = _judge(clause, i, laughed, amused, held, event, named_before, people)
            if verdict.rule.startswith("contextual."):
                return verdict
            other = other or verdict
    return other


def _to_the_sender_apart(clauses: Clauses) -> Clauses:
    """``clauses`` without their laughter, and each of ``_TO_THE_SENDER``'s words a sentence of its own
    ("STOP lmaooo who gave u my number": STOP | WHO GAVE U MY NUMBER)."""
    parted: list[tuple[str, ...]] = []
    for clause in clauses:
        kept = tuple(w for w in clause if not LAUGHTER.match(w))
        text = " " + " ".join(kept)
        found = _TO_THE_SENDER.search(text)
        start = len(text[: found.start()].split()) if found else 0
        parted += [part for part in (kept[:start], kept[start:]) if part]
    return tuple(parted)


_ANOTHER_CHANNEL = re.compile(
    r"^AND (?:CALL|EMAIL|MAIL|WRITE)\b"
    r"|\b(?:RATHER|PREFER) (?:\w+ ){0,6}?(?:PORTAL|EMAIL|MAIL|LETTERS?|CALLS?)\b"
)
"""Another way to be reached, asked for around "stop texting them" (them: what is texted)."""


def _between_people(clauses: Clauses) -> str | None:
    """Words said to people together (``_BETWEEN_PEOPLE``), or the first word after an FCC word that
    begins a list of actions ("stop, look, and listen"), if any."""
    found = _BETWEEN_PEOPLE.search(" ".join(w for c in clauses for w in c))
    if found:
        return found.group()
    rest = [c for c in clauses[1:] if not all(w in POLITENESS for w in c)]
    listed = len(rest) >= 2 and all(len(c) <= 2 for c in rest) and rest[-1][0] in ("AND", "Y", "ET", "N")
    if listed and clauses[0][-1] in CONTEXTUAL_WORDS and not CONTEXTUAL_WORDS.intersection(rest[-1]):
        return f"{clauses[0][-1]}, {' '.join(rest[0])} ... {' '.join(rest[-1])}: a list of actions"
    return None


DICTATED = re.compile(
    r"(?:^| )(?:(?:POINT|PERIOD|FULL STOP|PUNTO|COMMA|COMA|VIRGULE|A LA LIGNE|Y APARTE|FINAL|NEW LINE"
    r"|NUEVA LINEA|EXCLAMATION (?:POINT|MARK)|D EXCLAMATION)(?: |$))+$"
)
"""Punctuation a voice dictation spells out ("stop point à la ligne", "stop period")."""


def _judge(
    clause: tuple[str, ...],
    i: int,
    laugh: str | None,
    amused: str | None,
    held: str | None = None,
    event: str | None = None,
    named_before: bool = False,
    people: str | None = None,
) -> Finding:
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
    if people is not None:
        return other("between-people", f"is said between people ({people})")
    weary = next((w for w in clause[i + 1 : i + 8] if w in _FED_UP), None)
    if weary is not None:
        return revokes("fed-up", f"is followed by a word of someone fed up ({weary})")
    pleading = next((w for w in clause[i + 1 : i + 5] if w in _PLEADING), None)
    if pleading is not None:
        return revokes("pleading", f"is followed by a word of someone pleading ({pleading})")
    you = next((w for w in clause[:i] if w in _SECOND_PERSON), None)
    message = _about_messages(clause[i + 1 : i + 5])
    elsewhere_sub = _subscribed_elsewhere(clause[i + 1 :]) or clause[i + 1 : i + 2] == ("A",)
    message = None if message in _SUBSCRIPTIONS and elsewhere_sub else message
    elsewhere = next((_sent_elsewhere(clause[j:]) for j in range(i + 1, min(i + 4, len(clause)))), None)
    past_them = clause[i + 3 :]
    settles = all(w in POLITENESS for w in past_them) or bool(_ANOTHER_CHANNEL.match(" ".join(past_them)))
    if elsewhere == "THEM" and named_before and settles:
        return revokes("about-messages", "is about sending them, the messages named before (THEM)")
    if elsewhere is not None:
        return other("object", f"is about sending someone or something else ({elsewhere})")
    told = _told_someone_else(clause, i)
    if told is not None:
        return other("statement", f"is what someone else was told to do ({told} ... {word})")
    if message is not None:
        if before in _FIRST_PERSON and _SECOND_PERSON.intersection(clause[i + 2 : i + 5]):
            return other("statement", f"is the writer's own doing ({before} {word} ... {message} you)")
        if before in _NEGATION_BEFORE and you is None:
            return other("negated", f"follows {before}, about someone else's {message}")
        return revokes("about-messages", f"is about the messages ({message})")
    if event is not None and word in ("CANCEL", "END"):
        return other("event", f"is about an event moved elsewhere ({event})")
    if (before in _NOUN_BEFORE or before in _STREETS) and word in ("STOP", "END"):
        return other("noun", f"is a noun ({before} {word})")
    earlier_message = next((w for w in clause[max(0, i - 4) : i] if w in MESSAGE_WORDS), None)
    if earlier_message in _EVENTS and word in ("END", "STOP"):
        return other("event", f"has an event for its subject ({earlier_message} {word})")
    if earlier_message is not None:
        return revokes("about-messages", f"has the messages for its subject ({earlier_message})")
    if (
        i > 1
        and clause[i - 2] in _NOUN_DETERMINERS
        and word in ("STOP", "END")
        and before not in MESSAGE_WORDS
    ):
        return other("noun", f"is a noun ({clause[i - 2]} {before} {word})")
    if amused is not None:
        return other("laughter", f"in a reply that is amused or moved ({amused})")
    if before in _NEGATION_BEFORE:
        return other("negated", f"follows {before}")
    if before in _SUBJECTS:
        return other("statement", f"has a subject ({before} {word}): a statement, not a request")
    earlier = clause[i - 2] if i > 1 else None
    addressed = any(w in _SECOND_PERSON for w in clause[max(0, i - 4) : i])
    if (before in _INFINITIVE or before in _MODALS) and not addressed:
        return other("statement", f"follows {earlier or ''} {before}: about someone's doing, not a request")
    if before in _INFINITIVE and "IF" in clause[max(0, i - 5) : i - 2]:
        return other("advice", f"is advice on a condition of the reader's (IF ... {before} {word})")
    if before in _QUOTING and (
        not after or all(w in POLITENESS or w in _ABOUT_MESSAGES_AFTER for w in after)
    ):
        return revokes("quoted", f"is quoted ({before} {word}): the word itself was said")
    asked = next((w for w in clause[max(0, i - 4) : i] if w in _ASKING), None)
    if before in _INFINITIVE and addressed and asked and all(w in POLITENESS for w in after):
        return revokes("asked", f"is what the sender was asked to do ({asked} ... {before} {word})")
    if clause[0] in _QUESTION_START:
        return other("question", f"is in a question ({clause[0]} ...)")
    polite = 1
    while i + polite < len(clause) and clause[i + polite] in POLITENESS - _NEW_SENTENCE:
        polite += 1
    then = clause[i + polite] if polite > 1 and i + polite < len(clause) else None
    if then in _NEW_SENTENCE and held is None:
        return revokes("alone", f"ends its request, politely, before a sentence of its own ({then} ...)")
    rest = " ".join(w for w in clause[i + 1 :] if w not in COURTESY)
    opens = all(w in _OPENERS for w in clause[:i]) and held is None
    subject, _, refusal = rest.partition(" ")
    refusing = subject in _SUBJECT_NEXT and _REFUSING.fullmatch(refusal) is not None
    if opens and (refusing or rest in _WHO_IS_THIS):
        return revokes("alone", f"ends its request before a sentence of its own ({' '.join(after[:2])} ...)")
    if not after or all(w in POLITENESS for w in after):
        if held is not None:
            why = f"ends its sentence in a reply between people (waiting, confused or eating: {held})"
            return other("hold-on", why)
        return revokes("alone", "ends its sentence")
    nxt = after[0]
    when = next((w for w in clause[i + 1 :] if _TIME.match(w)), None)
    if when is not None:
        return other("event", f"is about an event ({when})")
    threat = next((w for w in clause[i + 2 : i + 6] if w in _THREATS), None)
    if nxt in ("OR", "OU", "O", "ELSE", "BEFORE", "AVANT", "ANTES") and threat is not None:
        return revokes("threat", f"is followed by a threat ({word} {nxt} ... {threat})")
    if nxt in ("OR", "OU", "O") and after[1:2] and after[1] in _CHOICES:
        return other("choice", f"is one side of a choice ({word} {' '.join(after[:2])})")
    if nxt == "RIGHT" and after[1:2] not in (("NOW",), ("AWAY",), ()):
        return other("followed-by", f"is followed by a place ({' '.join(after[:2])})")
    if (
        nxt in ("IT", "THINGS")
        and after[1:2] == ("WITH",)
        and not MESSAGE_WORDS.intersection(clause[i + 3 :])
    ):
        return other("object", f"is about someone or something else ({word} {' '.join(after)})")
    if "IF" in after[1:3] and _SECOND_PERSON.intersection(clause[i + 2 : i + 5]):
        return other("advice", f"is advice on a condition of the reader's ({' '.join(after)})")
    if word == "CANCEL" and nxt in ("IT", "THAT") and after[1:2] not in (("ALL",), ("EVERYTHING",)):
        return other("object", f"has for its object a thing named before ({word} {nxt})")
    if nxt in _ABOUT_MESSAGES_AFTER or nxt in CONTEXTUAL_WORDS:
        return revokes("about-messages", f"is followed by {nxt}")
    if nxt in _VERBS_AFTER_A_NOUN:
        return other("noun", f"is a noun ({word} {nxt})")
    if nxt in _OTHER_AFTER:
        return other("followed-by", f"is followed by {nxt}")
    line = next((w for w in clause[i + 2 : i + 6] if w in _LINE_WORDS), None)
    if nxt.endswith(("ING", "IN")) and line is not None and "MY" in clause[i + 2 : i + 6]:
        aimed = f"is about an activity aimed at the customer's line ({nxt} ... {line})"
        return revokes("about-messages", aimed)
    if nxt.endswith(("ING", "IN")):
        return other("activity", f"is about an activity ({nxt})")
    if nxt == "LA" and all(w in POLITENESS for w in after[1:]):
        return revokes("alone", "ends its sentence with là")
    if DICTATED.match(" ".join(w for w in clause[i + 1 :] if w not in POLITENESS)):
        return revokes("alone", "ends its sentence, the punctuation dictated")
    if nxt in _DETERMINERS or word != "STOP" or len(clause) - i > 3:
        return other("object", f"has another object ({' '.join(after)})")
    return revokes("imperative", "is an imperative without another object")


_SOMEONE_ELSE = frozenset(["HIM", "HER", "HE", "SHE"])
_THE_SENDER = frozenset(
    [
        "COMPANY",
        "TEAM",
        "STORE",
        "SHOP",
        "BUSINESS",
        "SYSTEM",
        "SERVICE",
        "PEOPLE",
        "STAFF",
        "BOT",
        "APP",
        "OFFICE",
    ]
)
"""Nouns after YOUR that name the sender ("ask your company to stop texting me")."""


def _told_someone_else(clause: tuple[str, ...], i: int) -> str | None:
    """Who, other than the sender, is told to do the FCC word at ``i`` ("I told him to stop calling me",
    "tell your brother to stop texting"), else None."""
    if i < 2 or clause[i - 1] not in _INFINITIVE:
        return None
    window = clause[max(0, i - 5) : i - 1]
    if any(w in ("YOU", "U", "YALL", "YA") for w in window):
        return None
    for j, w in enumerate(window):
        if w in _SOMEONE_ELSE:
            return w
        after = window[j + 1] if j + 1 < len(window) else None
        if w in ("YOUR", "UR") and after and after not in MESSAGE_WORDS and after not in _THE_SENDER:
            return f"{w} {after}"
    return None


def _about_messages(following: Sequence[str]) -> str | None:
    """The word for the messages among the first three of ``following`` ("stop texting", "cancel
    these texts"), unless a noun follows it that makes it a modifier ("cancel my subscription box")."""
    for j, w in enumerate(following[:3]):
        head = following[j + 1] if j + 1 < len(following) else None
        if w in MESSAGE_VERBS or (w in MESSAGE_WORDS and head not in _COMPOUND_HEADS):
            return None if _sent_elsewhere(following[j:]) else w
    return None


_SUBSCRIPTIONS = frozenset(["SUBSCRIPTION", "SUBSCRIPTIONS"])


def _subscribed_elsewhere(following: Sequence[str]) -> str | None:
    """What a subscription among the first three of ``following`` is to when that is something else
    ("cancel my subscription to the magazine", "for a gym"), else None ("to your texts", "to the text
    alerts" are the sender's messages)."""
    k = next((k for k, w in enumerate(following[:3]) if w in _SUBSCRIPTIONS), None)
    if k is None or following[k + 1 : k + 2] not in (("TO",), ("FOR",)) or not following[k + 2 : k + 3]:
        return None
    if following[k + 2] in _THE_SENDERS or MESSAGE_WORDS.intersection(following[k + 2 : k + 7]):
        return None
    return " ".join(following[k : k + 4]) if following[k + 2] in _DETERMINERS else None


def _sent_elsewhere(following: Sequence[str]) -> str | None:
    """What follows a verb of sending when it is about someone or something else ("stop texting your
    sister", "stop sending me memes", "stop texting and drive"), else None."""
    rest = [w for w in following[1:] if w not in ("ME", "US")]
    head = rest[0] if rest else None
    named = rest[2] if rest[1:2] and rest[1] in _THESE and rest[2:3] else rest[1] if rest[1:2] else None
    if following[0] in MESSAGE_VERBS and head in _THIRD_PARTY and named in MESSAGE_WORDS:
        return None
    own = rest[1:2] and (
        rest[1] in _MY_LINE or (rest[1] in _KINDS_OF_LINE and rest[2:3] and rest[2] in _MY_LINE)
    )
    if following[0] in MESSAGE_VERBS and head == "MY" and rest[1:2] and not own:
        return f"MY {rest[1]}"
    if (
        following[0] in MESSAGE_VERBS
        and head in ("AND", "WHILE", "N")
        and rest[1:2]
        and rest[1] in _OTHER_ACTIVITIES
    ):
        return rest[1]
    if following[0] in MESSAGE_VERBS and head is not None and _limited(head, rest[1] if rest[1:2] else None):
        return " ".join(rest[:2])
    return (
        head
        if following[0] in MESSAGE_VERBS and (head in _THIRD_PARTY or head in _OTHER_THINGS_SENT)
        else None
    )


_HOURS = frozenset(
    ["MIDNIGHT", "DARK", "WORK", "SCHOOL", "HOURS", "DINNER", "LUNCH", "CLASS", "NIGHT", "BEDTIME"]
)


def _limited(head: str, then: str | None) -> bool:
    """Whether ``head`` and ``then`` after a verb of sending limit it to a time or place ("stop
    contacting me at work", "stop texting me so late", "after 9pm", "while I'm driving"): a limit, not a
    revocation (kept for review). "At all", "at this number", "after I said no" are no limit."""
    if head in ("WHILE", "LATE", "EARLY"):
        return True
    if head == "AT":
        return then not in (None, "ALL", "THIS", "MY", "THESE", "THAT")
    if head == "SO":
        return then in ("LATE", "EARLY")
    if head in ("AFTER", "BEFORE", "DURING"):
        return then is not None and (then in _HOURS or _TIME.match(then) is not None)
    return False


_OTHER_ACTIVITIES = frozenset(
    ["DRIVE", "DRIVING", "FOCUS", "SLEEP", "STUDY", "WORK", "EAT", "WATCH", "LISTEN", "PAY", "WALK", "DRIVES"]
)
"""What someone texting is told to do instead ("stop texting and drive"): advice, not about the sender."""


_MY_LINE = frozenset(["PHONE", "NUMBER", "NUM", "CELL", "MOBILE", "LINE", "INBOX", "WORK", "CELLPHONE"])
"""What after "texting my" is the customer's own line ("stop texting my phone"), not someone else."""
_KINDS_OF_LINE = frozenset(["PERSONAL", "OWN", "PRIVATE", "BUSINESS", "HOME"])
"""What may come between "texting my" and the customer's line ("my personal cell", "my home phone")."""
_THIRD_PARTY = frozenset(["YOUR", "UR", "HIS", "HER", "THEIR", "HIM", "THEM"])
_THESE = frozenset(["THESE", "THIS", "YOUR", "UR", "ALL", "ANY", "MORE"])
"""Words before the messages after a third party ("stop sending him these messages", "stop sending me ur
deals"): what is sent is the sender's messages, to this line."""
_OTHER_THINGS_SENT = frozenset(
    [
        "MEMES",
        "MEME",
        "PICS",
        "PICTURES",
        "PHOTOS",
        "VIDEOS",
        "VIDS",
        "LINKS",
        "GIFS",
        "TIKTOKS",
        "SELFIES",
        "SNAPS",
        "SPOILERS",
        "JOKES",
        "PUNS",
        "RECIPES",
        "STICKERS",
        "VOICE",
        "VOICEMAILS",
        "AUDIOS",
        "CHAIN",
        "CHAINS",
        "SCREENSHOTS",
        "SONGS",
        "GROUP",
    ]
)


_ELSEWHERE = re.compile(
    r"^(?:ME |US )?(?:OF|FROM|DE|DEL|DU|DES) (?:ALL (?=THOSE|THE|MY|HIS|HER|THEIR))?(?:(?:THE|THAT|THOSE|MY"
    r"|HIS|HER|THEIR|OUR|LA|EL|LOS|LAS|MI|MIS"
    r"|MON|MA|MES"
    r"|LE|LES) )?(?!(?:THIS|THESE|IT|THEM|EVERYTHING|ANYTHING|EVERY|ANY|"
    rf"(?:YOUR|UR)(?! {_KIN}S\b)|YALL|YOU|SU|SUS|VOS|VOTRE"
    r"|ESTA|ESTE|ESTOS|ESTAS|ESO|ESOS|ESAS|CETTE|CE|CES|TODO"
    r"|TOUT|ALL|WHATEVER)\b)"
    r"(\w+(?: \w+)?)"
)


def object_elsewhere(clauses: Clauses, phrase: str) -> str | None:
    """Under CONTEXTUAL, what an unambiguous revocation word or phrase (``phrase``) is about when
    that is clearly something else ("opt out of the office pool", "desuscribirme del gimnasio");
    None when it is about the messages, the sender's list or nothing named. Messages named by the
    phrase or just after what is named are the sender's ("no más mensajes del banco")."""
    words = tuple(phrase.split())
    text = " " + " ".join(w for clause in clauses for w in clause)
    spared = _SPARES_MESSAGES.search(text) or _MODIFIED_MESSAGE_NOUN.search(text)
    if spared:
        return spared.group().strip()
    for clause in clauses:
        for i in range(len(clause) - len(words) + 1):
            if clause[i : i + len(words)] != words:
                continue
            rest = clause[i + len(words) :]
            if rest and rest[0] in ("TOI", "TE", "YOURSELF", "TU", "YOU", "U", "HIM", "HER", "THEM"):
                return f"{rest[0]}: someone else unsubscribing"
            if rest and rest[0] in _MODIFIED_NOUNS:
                return f"{phrase} {rest[0]}"
            owner = rest[0] if rest else None
            if (
                rest[2:3]
                and (owner in _DETERMINERS | _POSSESSIVES or rest[1] in _ELSEWHERES_MAIL)
                and rest[2] in _FROM
                and rest[1] not in _THE_LINE
            ):
                return f"{rest[0]} {rest[1]}: someone else unsubscribing"
            if i and _someone_else_does(clause, i) and not (rest[:1] and rest[0] in _THE_WRITER):
                return f"{' '.join(clause[max(0, i - 2) : i])}: someone else's doing"
            if i and clause[i - 1] in _WRITER_DID and rest[:1] and rest[0] in _FROM | _ALL:
                mail = rest[1:5]
                if _SOMEONE_ELSES_MESSAGES.intersection(mail) and not _THE_SENDERS.intersection(mail):
                    return " ".join(mail)
            if words == ("REVOKE",) and rest[:1] and rest[0] in _DETERMINERS:
                object_words = rest[1:4]
                if object_words and not any(
                    w in MESSAGE_WORDS or w in _LIST_WORDS or w in _CONSENT_WORDS for w in object_words
                ):
                    return " ".join(rest[:3])
            channel = rest[:1] and rest[0] in _FROM and _ELSEWHERES_MAIL.intersection(rest[1:5])
            if channel and not _THE_SENDERS.intersection(rest[1:5]):
                return " ".join(rest[1:5])
            found = _ELSEWHERE.match(" ".join(rest))
            named = found.group(1).split() if found else []
            if any(w in _SOMEONE_ELSES_MESSAGES for w in named):
                return " ".join(named)
            then = rest[len(found.group().split()) :][:2] if found else []
            if MESSAGE_WORDS.intersection((*words, *then)):
                continue
            if named and not any(w in MESSAGE_WORDS or w in _LIST_WORDS or w in _ANNOUNCED for w in named):
                if named[-1] in _VAGUE:
                    continue  # "the pizza stuff": the sender's messages, by no name
                return " ".join(named)
    return None


_VAGUE = frozenset(["STUFF", "CRAP", "JUNK", "THINGS", "COSAS", "TRUCS"])
_SPARES_MESSAGES = re.compile(
    rf" (?:NOT|NO|PAS|NI) (?:THESE|THE|YOUR|UR|THOSE|ESTOS|LOS|SUS|CES|LES|VOS) (?:{_MESSAGES})\b"
    rf"| (?:THE |YOUR |LOS |SUS |LES |VOS )?(?:{_MESSAGES}) (?:ARE|IS|ESTAN|SONT) (?:FINE|OK|OKAY|GOOD"
    rf"|BIEN)\b"
)
"""Words that spare the messages ("I mean the paper one, not these texts", "the texts are fine"): a
revocation word in such a reply is about something else."""
_MODIFIED_MESSAGE_NOUN = re.compile(
    r" (?:THE|THAT|MY|A|HIS|HER|OUR) (?!(?:TEXT|TEXTING|SMS|MESSAGE|MESSAGING|ALERT"
    r"|ALERTS)\b)\w+ SUBSCRIPTIONS?\b"
    rf"| SUBSCRIPTIONS? (?:{'|'.join(sorted(_COMPOUND_HEADS))})\b"
)
"""A subscription to something other than the messages ("the magazine subscription", "the
subscription box"): a revocation word beside it is about that."""
_POSSESSIVES = frozenset(["MON", "MA", "MES", "SON", "SA", "SES", "MI", "MIS"])
_THE_WRITER = frozenset(["ME", "US", "MY", "OUR", "THIS", "MOI", "NOUS"])
_OTHERS = frozenset(["HE", "SHE", "THEY", "HES", "SHES", "THEYRE"])


def _someone_else_does(clause: tuple[str, ...], i: int) -> bool:
    """Whether the revocation word at ``i`` is someone else's doing: after HE, SHE or THEY, or after
    YOU in a question ("did you unsubscribe from the streaming service?")."""
    before = clause[i - 1]
    near = set(clause[max(0, i - 3) : i])
    wants = bool(near & _OTHERS) and not near & {"I", "ME", "US", "YOU", "U"}  # "he wants to unsubscribe"
    return before in _OTHERS or wants or (before in ("YOU", "U") and clause[0] in _QUESTION_START)


_FROM = frozenset(["FROM", "OF", "DE", "DEL", "DU", "DES", "D"])
_ALL = frozenset(["ALL", "TOUTES", "TOUS", "TODOS", "TODAS"])
_THE_LINE = frozenset(["NUMBER", "PHONE", "CELL", "LINE", "ACCOUNT", "MOBILE", "NUMERO", "PORTABLE"])
"""What after "unsubscribe my" is the customer's own line, not someone else ("unsubscribe my kids from
that channel" is someone else)."""
_WRITER_DID = frozenset(
    ["I", "IM", "IVE", "WE", "WERE", "WEVE", "SUIS", "SOMMES", "JUST", "FINALLY", "ALREADY", "DEJA", "ENFIN"]
)
"""Words just before UNSUBSCRIBE that make it the writer's own doing ("I'm unsubscribing from every
store email", "je me suis désinscrit de cette newsletter"): from someone else's e-mail, no request."""
_THE_SENDERS = frozenset(["YOUR", "UR", "YOU", "VOS", "VOTRE", "SU", "SUS", "USTEDES"])
_MODIFIED_NOUNS = frozenset(
    ["BUTTON", "BUTTONS", "LINK", "LINKS", "PAGE", "OPTION", "OPTIONS", "FORM", "FORMS", "SETTING"]
)
"""Nouns after UNSUBSCRIBE or OPT OUT that make it a modifier ("the unsubscribe button")."""
_CONSENT_WORDS = frozenset(["CONSENT", "PERMISSION", "AUTHORIZATION", "AUTHORISATION", "OPTIN", "AGREEMENT"])
_SOMEONE_ELSES_MESSAGES = frozenset(
    [
        "NEWSLETTER",
        "NEWSLETTERS",
        "EMAIL",
        "EMAILS",
        "MAILING",
        "GROUP",
        "CHANNEL",
        "FAMILY",
        "CLASS",
        "MAILS",
        "CORREOS",
        "BOLETIN",
        "CHAINE",
        "CANAL",
        "INFOLETTRE",
        "MAGAZINE",
        "MAGAZINES",
        "NEWSPAPER",
        "REVISTA",
        "PERIODICO",
        "REVUE",
        "JOURNAL",
    ]
)
"""Nouns that name messages the sender does not send ("unsubscribed from that newsletter", "from that
group text"): e-mail, groups, channels."""
_ELSEWHERES_MAIL = frozenset(
    [
        "NEWSLETTER",
        "NEWSLETTERS",
        "EMAIL",
        "EMAILS",
        "MAILING",
        "CHANNEL",
        "CHANNELS",
        "MAILS",
        "CORREOS",
        "BOLETIN",
        "CHAINE",
        "CHAINES",
        "CANAL",
        "INFOLETTRE",
        "YOUTUBE",
        "PODCAST",
        "PODCASTS",
    ]
)
"""Of those, the ones that are never the sender's text messages, whatever names them ("me désabonner de
cette chaîne YouTube", "unsubscribe from this newsletter"): e-mail and channels."""


_ANNOUNCED = frozenset(
    ["DROPS", "RESTOCKS", "COUPONS", "SPECIALS", "SALES", "CUPONES", "DESCUENTOS", "SOLDES", "REDUCTIONS"]
)
"""What a sender's texts announce ("unsub from the sneaker drops", "the Friday specials", "los cupones",
"les soldes"): unsubscribing from them is from the sender's messages, not from something else."""
_LIST_WORDS = frozenset(
    ["LIST", "LISTS", "LISTA", "LISTE", "PROGRAM", "PROGRAMA", "PROGRAMME", "SERVICE", "SERVICIO", "NUMBER"]
)


# --- Language of a reply -------------------------------------------------------------------------

LANGUAGE_MARKERS = {
    SPANISH: frozenset(
        ["POR", "FAVOR", "PORFA", "GRACIAS", "MENSAJES", "MENSAJE", "MAS", "QUIERO", "USTEDES"]
    ),
    FRENCH: frozenset(["SVP", "STP", "MERCI", "JE", "NE", "VOUS", "MOI", "SIL", "PLAIT"]),
}
"""Words that tell a reply in Spanish or French apart from an English one."""


COMMON_WORDS = {
    SPANISH: frozenset(
        [
            "YO",
            "ESTO",
            "ESTOS",
            "ESTA",
            "ESTE",
            "LOS",
            "LAS",
            "DEL",
            "NADA",
            "USTED",
            "SUS",
            "PARA",
            "QUE",
            "PERO",
        ]
    ),
    FRENCH: frozenset(
        [
            "JE",
            "LES",
            "DES",
            "VOS",
            "VOTRE",
            "PAS",
            "PLUS",
            "CE",
            "CETTE",
            "MON",
            "MES",
            "EST",
            "SUIS",
            "AVEC",
        ]
    ),
}
"""Common words of Spanish and French that English lacks, for a reply no rule placed in a language
(the reply model's decisions): "Qué fastidio, sáquenme ya de su lista de envíos" is answered in
Spanish."""


def guessed_language(words: Sequence[str], languages: Sequence[str]) -> str:
    """The enabled language most of ``words`` belong to by ``LANGUAGE_MARKERS`` and ``COMMON_WORDS``,
    English when none does."""
    best, best_count = ENGLISH, 0
    for language in languages:
        known = LANGUAGE_MARKERS.get(language, frozenset()) | COMMON_WORDS.get(language, frozenset())
        count = sum(w in known for w in words)
        if count > best_count:
            best, best_count = language, count
    return best


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
