"""Reply classification: opt-out, opt-in, help or other, how it matched and in which language.

A reply is normalized before matching: case, surrounding whitespace and punctuation, accents,
invisible format characters (zero-width space, soft hyphen, word joiner: Unicode category Cf),
Cyrillic and Greek letters that look Latin, and spaces or dashes of any kind inside a keyword do
not matter. The keyword sets themselves, per language, are ``languages``'.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from .languages import DEFAULT_LANGUAGES, ENGLISH, LANGUAGES, KeywordSet

STOP = "STOP"
"""The keyword that opts out under every configuration (carriers and the CTIA require it)."""
_ENGLISH = LANGUAGES[ENGLISH].keywords

_WORD = re.compile(r"[A-Z0-9]+")
_INSIDE_KEYWORD = re.compile(r"[\s\-_]+")
_APOSTROPHES = re.compile("['\u2019]")  # DON'T and DON\u2019T both read DONT
_SURROUNDING = re.compile(r"^[\W_]+|[\W_]+$")
_DASHES = frozenset("\u2212\u2043")
"""Dash-like characters outside Unicode's dash category (Pd): the minus sign, the hyphen bullet."""
_LOOK_ALIKES = str.maketrans(
    "АВЕКМНОРСТХУЅІЈԚԜҮҺӀаеорсухѕіјһԁԛԝүпгтнкмв"  # Cyrillic
    "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧαικνορτυχ",  # Greek
    "ABEKMHOPCTXYSIJQWYHIaeopcyxsijhdqwynrthkmbABEZHIKMNOPTYXaikvoptux",
)
"""Cyrillic and Greek letters that read as Latin ones, both cases (applied before and after upper-casing)."""


class Intent(enum.StrEnum):
    OPT_OUT = "OPT_OUT"
    OPT_IN = "OPT_IN"
    HELP = "HELP"
    OTHER = "OTHER"


class MatchMode(enum.StrEnum):
    WORD = "WORD"
    """Opt-out also when a revocation word or opt-out phrase appears anywhere in the reply."""
    EXACT = "EXACT"
    """Opt-out only when the whole reply is an opt-out keyword."""


class MatchedBy(enum.StrEnum):
    """How a reply matched: the evidence kept with each SMS opt-out and opt-in."""

    KEYWORD = "KEYWORD"
    """The whole reply is a keyword."""
    WORD = "WORD"
    """A revocation word appears as a whole word in the reply."""
    PHRASE = "PHRASE"
    """An opt-out phrase appears in the reply."""


@dataclass(frozen=True)
class Classification:
    intent: Intent
    keyword: str | None = None
    """The canonical keyword (or word, or phrase) that matched, upper case."""
    matched_by: MatchedBy | None = None
    language: str | None = None
    """The code of the language whose keyword matched (the language of the answer)."""


def normalize(text: str) -> str:
    """Upper-case ``text`` and drop accents, format characters, look-alikes and surrounding punctuation."""
    kept = []
    for ch in unicodedata.normalize("NFKD", text):
        category = unicodedata.category(ch)
        if unicodedata.combining(ch) or category == "Cf":
            continue
        kept.append("-" if category == "Pd" or ch in _DASHES else ch)
    plain = "".join(kept).translate(_LOOK_ALIKES).upper().translate(_LOOK_ALIKES)
    return _SURROUNDING.sub("", plain)


def _compact(text: str) -> str:
    """The keyword form of ``text``: normalized, spaces, hyphens and underscores removed."""
    return _INSIDE_KEYWORD.sub("", normalize(text))


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(_APOSTROPHES.sub("", normalize(text))))


_DEFAULT_KEYWORD_SETS = tuple(LANGUAGES[code].keywords for code in DEFAULT_LANGUAGES)


class KeywordRules:
    """The keyword sets of the chosen languages and the match mode; ``classify_reply`` applies them."""

    def __init__(
        self,
        keyword_sets: Iterable[KeywordSet] = _DEFAULT_KEYWORD_SETS,
        match_mode: MatchMode = MatchMode.WORD,
    ) -> None:
        """``keyword_sets`` in precedence order: on a keyword two languages share, the first one's wins."""
        self.match_mode = MatchMode(match_mode)
        self.keyword_sets = tuple(keyword_sets)
        self._keywords: dict[str, Classification] = {}
        for intent, lists in (
            (Intent.HELP, lambda k: k.help_keywords),
            (Intent.OPT_IN, lambda k: k.opt_in_keywords),
            (Intent.OPT_OUT, lambda k: k.opt_out_keywords),  # last: a keyword in two lists opts out
        ):
            for keyword_set in reversed(self.keyword_sets):
                for keyword in lists(keyword_set):
                    if _compact(keyword):
                        self._keywords[_compact(keyword)] = Classification(
                            intent, normalize(keyword), MatchedBy.KEYWORD, keyword_set.language
                        )
        self._phrases = [
            (
                _words(phrase),
                Classification(Intent.OPT_OUT, normalize(phrase), matched_by, keyword_set.language),
            )
            for keyword_set in self.keyword_sets
            for matched_by, phrases in (
                (MatchedBy.WORD, keyword_set.revocation_words),
                (MatchedBy.PHRASE, keyword_set.opt_out_phrases),
            )
            for phrase in phrases
            if _words(phrase)
        ]

    def classify_reply(self, body: str) -> Classification:
        """Classify one reply. Opt-in and help only ever match the whole reply."""
        keyword = self._keywords.get(_compact(body))
        if keyword is not None:
            return keyword
        if self.match_mode is MatchMode.WORD:
            words = _words(body)
            compact_words = {_INSIDE_KEYWORD.sub("", w) for w in words}
            for phrase, classification in self._phrases:
                if _contains(words, phrase) or "".join(phrase) in compact_words:
                    return classification
        return Classification(Intent.OTHER)


def stop_rule_violation(
    *,
    opt_out_keywords: Iterable[str] = _ENGLISH.opt_out_keywords,
    opt_in_keywords: Iterable[str] = _ENGLISH.opt_in_keywords,
    help_keywords: Iterable[str] = _ENGLISH.help_keywords,
    revocation_words: Iterable[str] = _ENGLISH.revocation_words,
    opt_out_phrases: Iterable[str] = _ENGLISH.opt_out_phrases,
    match_mode: MatchMode = MatchMode.WORD,
) -> tuple[str, str] | None:
    """Why these English settings (a ``KeywordSet``'s fields) would not make a reply of STOP an opt-out,
    as (the argument at fault, the reason); None when STOP opts out.

    Carriers and the CTIA require STOP to opt out whatever else is configured, so the construct
    refuses such props at synthesis and the functions such variables at start. A help or opt-in
    keyword list naming STOP is refused even though the opt-out list would win.
    """
    for setting, keywords in (("help_keywords", help_keywords), ("opt_in_keywords", opt_in_keywords)):
        if any(_compact(keyword) == STOP for keyword in keywords):
            return setting, f"must not include {STOP}: {STOP} always opts out (CTIA)"
    english = KeywordSet(
        ENGLISH,
        opt_out_keywords=tuple(opt_out_keywords),
        revocation_words=tuple(revocation_words),
        opt_out_phrases=tuple(opt_out_phrases),
    )
    rules = KeywordRules([english], match_mode=match_mode)
    if rules.classify_reply(STOP).intent is not Intent.OPT_OUT:
        where = "" if MatchMode(match_mode) is MatchMode.EXACT else " (or the opt-out words)"
        return "opt_out_keywords", f"must include {STOP}{where}: {STOP} always opts out (CTIA)"
    return None


def _contains(words: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(words[i : i + n] == phrase for i in range(len(words) - n + 1))


def classify_reply(body: str, rules: KeywordRules | None = None) -> Classification:
    """Classify ``body`` with ``rules`` (the defaults when omitted)."""
    return (rules or _DEFAULT_RULES).classify_reply(body)


_DEFAULT_RULES = KeywordRules()
