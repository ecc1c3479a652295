"""Reply classification: opt-out, opt-in, help or other.

A reply is normalized before matching: case, surrounding whitespace and
punctuation, accents, and spaces or hyphens inside a keyword do not matter.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

DEFAULT_OPT_OUT_KEYWORDS = (
    "ARRET", "CANCEL", "END", "OPT-OUT", "OPTOUT", "QUIT", "REMOVE", "REVOKE",
    "STOP", "STOPALL", "TD", "UNSUBSCRIBE",
)  # fmt: skip
DEFAULT_OPT_IN_KEYWORDS = ("JOIN", "START", "UNSTOP")
DEFAULT_HELP_KEYWORDS = ("HELP", "INFO")
DEFAULT_REVOCATION_WORDS = ("STOP", "QUIT", "END", "REVOKE", "OPT OUT", "CANCEL", "UNSUBSCRIBE")
"""Words the FCC treats as a definitive revocation when they appear in a reply (since April 2025)."""
DEFAULT_OPT_OUT_PHRASES = (
    "LEAVE ME ALONE", "REMOVE ME", "TAKE ME OFF", "DO NOT TEXT", "DON'T TEXT", "NO MORE TEXTS",
    "NO MORE MESSAGES", "OPT ME OUT",
)  # fmt: skip

STOP = "STOP"
"""The keyword that opts out under every configuration (carriers and the CTIA require it)."""

_WORD = re.compile(r"[A-Z0-9]+")
_INSIDE_KEYWORD = re.compile(r"[\s\-_]+")
_APOSTROPHES = re.compile("['\u2019]")  # DON'T and DON\u2019T both read DONT
_SURROUNDING = re.compile(r"^[\W_]+|[\W_]+$")


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


@dataclass(frozen=True)
class Classification:
    intent: Intent
    keyword: str | None = None
    """The canonical keyword (or word, or phrase) that matched, upper case."""


def normalize(text: str) -> str:
    """Upper-case ``text``, strip accents and drop surrounding whitespace and punctuation."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SURROUNDING.sub("", plain.upper())


def _compact(text: str) -> str:
    """The keyword form of ``text``: normalized, spaces, hyphens and underscores removed."""
    return _INSIDE_KEYWORD.sub("", normalize(text))


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(_APOSTROPHES.sub("", normalize(text))))


class KeywordRules:
    """Keyword lists and match mode; ``classify_reply`` applies them to one reply."""

    def __init__(
        self,
        *,
        opt_out_keywords: Iterable[str] = DEFAULT_OPT_OUT_KEYWORDS,
        opt_in_keywords: Iterable[str] = DEFAULT_OPT_IN_KEYWORDS,
        help_keywords: Iterable[str] = DEFAULT_HELP_KEYWORDS,
        revocation_words: Iterable[str] = DEFAULT_REVOCATION_WORDS,
        opt_out_phrases: Iterable[str] = DEFAULT_OPT_OUT_PHRASES,
        match_mode: MatchMode = MatchMode.WORD,
    ) -> None:
        self.match_mode = MatchMode(match_mode)
        self._keywords: dict[str, Classification] = {}
        for intent, keywords in (
            (Intent.HELP, help_keywords),
            (Intent.OPT_IN, opt_in_keywords),
            (Intent.OPT_OUT, opt_out_keywords),  # last: a keyword in two lists opts out
        ):
            for keyword in keywords:
                if _compact(keyword):
                    self._keywords[_compact(keyword)] = Classification(intent, normalize(keyword))
        phrases = [*revocation_words, *opt_out_phrases]
        self._phrases = [(_words(p), normalize(p)) for p in phrases if _words(p)]

    def classify_reply(self, body: str) -> Classification:
        """Classify one reply. Opt-in and help only ever match the whole reply."""
        keyword = self._keywords.get(_compact(body))
        if keyword is not None:
            return keyword
        if self.match_mode is MatchMode.WORD:
            words = _words(body)
            compact_words = {_INSIDE_KEYWORD.sub("", w) for w in words}
            for phrase, canonical in self._phrases:
                if _contains(words, phrase) or "".join(phrase) in compact_words:
                    return Classification(Intent.OPT_OUT, canonical)
        return Classification(Intent.OTHER)


def stop_rule_violation(
    *,
    opt_out_keywords: Iterable[str] = DEFAULT_OPT_OUT_KEYWORDS,
    opt_in_keywords: Iterable[str] = DEFAULT_OPT_IN_KEYWORDS,
    help_keywords: Iterable[str] = DEFAULT_HELP_KEYWORDS,
    revocation_words: Iterable[str] = DEFAULT_REVOCATION_WORDS,
    opt_out_phrases: Iterable[str] = DEFAULT_OPT_OUT_PHRASES,
    match_mode: MatchMode = MatchMode.WORD,
) -> tuple[str, str] | None:
    """Why these settings (KeywordRules' arguments) would not make a reply of STOP an opt-out,
    as (the argument at fault, the reason); None when STOP opts out.

    Carriers and the CTIA require STOP to opt out whatever else is configured, so the construct
    refuses such props at synthesis and the functions such variables at start. A help or opt-in
    keyword list naming STOP is refused even though the opt-out list would win.
    """
    for setting, keywords in (("help_keywords", help_keywords), ("opt_in_keywords", opt_in_keywords)):
        if any(_compact(keyword) == STOP for keyword in keywords):
            return setting, f"must not include {STOP}: {STOP} always opts out (CTIA)"
    rules = KeywordRules(
        opt_out_keywords=opt_out_keywords,
        revocation_words=revocation_words,
        opt_out_phrases=opt_out_phrases,
        match_mode=match_mode,
    )
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
