"""Reply classification: opt-out, opt-in, help, ambiguous or other, how it matched, in which
language, and why.

A reply is folded before matching (``text_normalisation``: case, accents, compatibility forms,
invisible and default-ignorable characters, look-alike letters of other scripts, spelled-out and
leet spellings), then read in this order (``KeywordRules.classify_reply``):

1. The whole reply, without politeness around it ("help pls", "STOP svp"), is a keyword (or a
   misspelling of one: ``intents.canonical_word``), or one opt-out keyword repeated ("ALTO ALTO").
   A short reply the steps below read as nothing is read again with its words run together parted
   ("stoptexting", "noquieromasmensajes": ``intents.run_together``).
2. Match mode WORD only: one sentence of the reply is an opt-out keyword other than the FCC words
   ("Alto, no me interesa"; those are step 4's).
3. Match mode WORD only: a configured opt-out phrase, or a natural revocation of an enabled
   language (``intents.NATURAL_REVOCATIONS``), appears in the reply. Under ``CONTEXTUAL`` a reply
   with a revocation word or phrase that asks to be put back on the messages ("I didn't mean to
   unsubscribe, can you put me back on?", ``intents.rejoins``) is ``AMBIGUOUS``.
4. Match mode WORD only: a revocation word appears: under ``RevocationPolicy.STRICT`` it revokes;
   under ``CONTEXTUAL`` it revokes when used about the messages or alone, and the reply is
   ``AMBIGUOUS`` when every use is clearly about something else (``intents.judge_revocation_word``).
5. Match mode WORD, built-in keyword sets of every language: when nothing above matched, the reply
   model's second opinion (``reply_model``): OPT_OUT at the policy's threshold, under CONTEXTUAL
   AMBIGUOUS from the review threshold.

The keyword sets themselves, per language, are ``languages``'.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace

from sms_opt_out.domain import reply_model, text_normalisation
from sms_opt_out.domain.intents import (
    CONTEXTUAL_WORDS,
    COURTESY,
    DICTATED,
    OPENS_SENTENCE,
    POLITENESS,
    RevocationPolicy,
    canonical_word,
    fed_up,
    guessed_language,
    hold_on,
    judge_revocation_word,
    keyboard_slip,
    laughter,
    natural_revocation,
    object_elsewhere,
    rejoins,
    reply_language,
    run_together,
    settled,
    without_politeness,
)
from sms_opt_out.domain.languages import DEFAULT_LANGUAGES, ENGLISH, LANGUAGES, KeywordSet

STOP = "STOP"
"""The keyword that opts out under every configuration (carriers and the CTIA require it)."""
_ENGLISH = LANGUAGES[ENGLISH].keywords

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
    AMBIGUOUS = "AMBIGUOUS"
    """A revocation word clearly about something else (policy CONTEXTUAL): kept for review, clarified."""
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
    MODEL = "MODEL"
    """The reply model (``reply_model``) read a revocation where the rules found none."""


@dataclass(frozen=True)
class Classification:
    intent: Intent
    keyword: str | None = None
    """The canonical keyword (or word, or phrase) that matched, upper case."""
    matched_by: MatchedBy | None = None
    language: str | None = None
    """The code of the language whose keyword matched (the language of the answer)."""
    rule: str | None = field(default=None, compare=False)
    """The rule that decided: ``keyword``, ``phrase``, ``word.strict``, ``en.wrong-number``, ..."""
    reason: str | None = field(default=None, compare=False)
    """Why, in words a compliance officer can read."""
    policy: RevocationPolicy | None = field(default=None, compare=False)
    """The revocation policy the reply was read under."""

    def evidence(self) -> dict[str, str]:
        """The classification as strings, for the history, the review queue and ``explain``."""
        return {k: str(v) for k, v in asdict(self).items() if v is not None}


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
    """The keyword form of ``text``: its folded words, joined."""
    return "".join(text_normalisation.words(text))


def _words(text: str) -> tuple[str, ...]:
    return text_normalisation.words(text)


_DEFAULT_KEYWORD_SETS = tuple(LANGUAGES[code].keywords for code in DEFAULT_LANGUAGES)


class KeywordRules:
    """The keyword sets of the chosen languages, the match mode and the revocation policy;
    ``classify_reply`` applies them."""

    def __init__(
        self,
        keyword_sets: Iterable[KeywordSet] = _DEFAULT_KEYWORD_SETS,
        match_mode: MatchMode = MatchMode.WORD,
        policy: RevocationPolicy = RevocationPolicy.STRICT,
        *,
        second_opinion: bool = True,
    ) -> None:
        """``keyword_sets`` in precedence order: on a keyword two languages share, the first one's wins.
        ``second_opinion``: ask the reply model about the replies the rules read as nothing, in match
        mode WORD with the built-in keyword sets of every language (what it learned: a program that
        configures its own lists or leaves a language out gets the rules alone)."""
        self.match_mode = MatchMode(match_mode)
        self.policy = RevocationPolicy(policy)
        self.keyword_sets = tuple(keyword_sets)
        built_in = set(self.keyword_sets) == {language.keywords for language in LANGUAGES.values()}
        self.asks_model = second_opinion and built_in and self.match_mode is MatchMode.WORD
        self.model: reply_model.ReplyModel | None = None
        """The reply model, when not the shipped one (read on first use: no cost at import)."""
        self.languages = tuple(dict.fromkeys(k.language for k in self.keyword_sets))
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
        self._matchers = [
            (_words(phrase), Classification(Intent.OPT_OUT, normalize(phrase), matched_by, k.language))
            for k in self.keyword_sets
            for matched_by, phrases in (
                (MatchedBy.WORD, k.revocation_words),
                (MatchedBy.PHRASE, k.opt_out_phrases),
            )
            for phrase in phrases
            if _words(phrase)
        ]
        """The configured revocation words and opt-out phrases, in precedence order."""
        self._vocabulary = frozenset(self._keywords) | {
            "".join(w) for w, c in self._matchers if c.matched_by is MatchedBy.WORD
        }

    def classify_reply(self, body: str) -> Classification:
        """Classify one reply, with the rule that decided and the reason."""
        raw = text_normalisation.clauses(body)
        clauses = tuple(tuple(canonical_word(w, self._vocabulary) for w in clause) for clause in raw)
        words = tuple(w for clause in clauses for w in clause)
        raw_words = (w for clause in raw for w in clause)
        spelt = ", ".join(f"{r} as {w}" for r, w in zip(raw_words, words, strict=True) if r != w)
        found = self._classify(clauses, words)
        for parted, read in run_together(clauses, self._vocabulary) if found.intent is Intent.OTHER else ():
            again = self._classify(parted, tuple(w for clause in parted for w in clause))
            if again.intent is not Intent.OTHER:
                found, spelt = again, ", ".join(filter(None, (spelt, read)))
                break
        if found.intent is Intent.OTHER and self.asks_model and not settled(clauses):
            found = self._second_opinion(tuple(w for clause in raw for w in clause)) or found
        if spelt:
            found = replace(found, reason=f"{found.reason} (reading {spelt})")
        return replace(
            found, language=found.language and reply_language(words, self.languages, found.language)
        )

    def _classify(self, clauses: tuple[tuple[str, ...], ...], words: tuple[str, ...]) -> Classification:
        whole = "".join(words)
        trailing = "".join(without_politeness(words, leading=False))
        plain = without_politeness(words)
        polite = "".join(plain)
        repeated = plain[0] if plain and len(set(plain)) == 1 else polite  # "ALTO ALTO"
        dictated = "".join(DICTATED.sub("", " ".join(plain)).split())  # "BAJA PUNTO FINAL"
        for candidate in dict.fromkeys((whole, trailing, polite, repeated, dictated)):
            slip = None if candidate in self._keywords else keyboard_slip(candidate)
            keyword = self._keywords.get(slip or candidate)
            if keyword is None or (
                candidate not in (whole, trailing) and keyword.intent is not Intent.OPT_OUT
            ):
                continue  # consent and help are never read from a sentence: only politeness after them
            around = "" if candidate == whole else ", with politeness around it"
            around = ", with punctuation dictated after it" if candidate == dictated != polite else around
            around += f" ({candidate} typed with a key beside one of its letters)" if slip else ""
            return self._decided(keyword, "keyword", f"the reply is the keyword {keyword.keyword}{around}")
        if self.match_mode is MatchMode.EXACT:
            return self._decided(Classification(Intent.OTHER), "none", "no keyword (match mode EXACT)")
        contextual = self.policy is RevocationPolicy.CONTEXTUAL
        sentences = tuple(part for clause in clauses for part in self._courteous_request(clause))
        for clause in sentences if len(sentences) > 1 and not laughter(clauses) else ():
            keyword = self._keywords.get("".join(without_politeness(clause)))
            if (
                keyword
                and keyword.intent is Intent.OPT_OUT
                and clause != _FINALLY
                and _sentence_keyword(keyword.keyword or "", sentences)
            ):
                held = contextual and hold_on(clauses)
                if held:
                    reason = (
                        f"a sentence of the reply is the keyword {keyword.keyword}, in a reply between people"
                        f" ({held}): not clearly about the messages (policy CONTEXTUAL)"
                    )
                    return self._decided(
                        replace(keyword, intent=Intent.AMBIGUOUS), "ambiguous.hold-on", reason
                    )
                return self._decided(
                    keyword, "keyword-sentence", f"a sentence of the reply is the keyword {keyword.keyword}"
                )
        compact_words = set(words)
        present = [
            c
            for phrase, c in self._matchers
            if (phrase[0] in compact_words and _contains(words, phrase)) or "".join(phrase) in compact_words
        ]
        rejoin = contextual and present and rejoins(clauses)
        if rejoin:
            reason = (
                f"{present[0].keyword} in a reply that asks to be put back on the messages ({rejoin}): "
                "not clearly a revocation (policy CONTEXTUAL)"
            )
            return self._decided(replace(present[0], intent=Intent.AMBIGUOUS), "ambiguous.rejoin", reason)
        decisive = next((c for c in present if c.keyword not in CONTEXTUAL_WORDS), None)
        elsewhere = decisive and contextual and object_elsewhere(clauses, decisive.keyword or "")
        if decisive is not None and elsewhere:
            reason = (
                f"{decisive.keyword} is about {elsewhere}: not clearly about the messages (policy CONTEXTUAL)"
            )
            return self._decided(replace(decisive, intent=Intent.AMBIGUOUS), "ambiguous.object", reason)
        if decisive is not None:
            how = decisive.matched_by or MatchedBy.WORD
            what = "opt-out phrase" if how is MatchedBy.PHRASE else "revocation word"
            return self._decided(decisive, how.lower(), f"the {what} {decisive.keyword}")
        natural = natural_revocation(clauses, self.languages)
        if natural is not None:
            return self._decided(
                Classification(Intent.OPT_OUT, natural.matched, MatchedBy.PHRASE, natural.language),
                natural.rule,
                natural.reason,
            )
        if not present:
            return self._decided(
                Classification(Intent.OTHER), "none", "no keyword, phrase or revocation word"
            )
        if self.policy is RevocationPolicy.STRICT:
            word = present[0]
            return self._decided(
                word, "word.strict", f"the revocation word {word.keyword} (policy STRICT: anywhere)"
            )
        judged = judge_revocation_word(clauses, frozenset(c.keyword for c in present if c.keyword))
        assert judged is not None  # a contextual word is present
        word = next((c for c in present if c.keyword in judged.matched.split()), present[0])
        reason = f"{judged.reason} ({judged.matched!r}, policy CONTEXTUAL)"
        if judged.rule.startswith("contextual."):
            return self._decided(word, judged.rule, reason)
        return self._decided(replace(word, intent=Intent.AMBIGUOUS), judged.rule, reason)

    def _courteous_request(self, clause: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
        """``clause`` as two sentences when it opens with a keyword that opts out and a please or thanks
        before a sentence of its own, unpunctuated ("Arrêtez svp c'est la 3e fois": ARRETEZ SVP | C EST)."""
        keyword = self._keywords.get(clause[0]) if clause else None
        if keyword is None or keyword.intent is not Intent.OPT_OUT or keyword.keyword in _BOOKINGS:
            return (clause,)
        end = 1
        while end < len(clause) and clause[end] in POLITENESS:
            end += 1
        if end == len(clause) or clause[end] not in OPENS_SENTENCE:
            return (clause,)
        return (clause[:end], clause[end:]) if COURTESY.intersection(clause[1:end]) else (clause,)

    def _second_opinion(self, words: tuple[str, ...]) -> Classification | None:
        """The reply model's reading of a reply the rules read as nothing: OPT_OUT at the policy's
        threshold, AMBIGUOUS (CONTEXTUAL) from the review threshold, else None (the rules' OTHER)."""
        opinion = (self.model or reply_model.load()).opinion(words)
        strict = self.policy is RevocationPolicy.STRICT
        threshold = reply_model.STRICT_THRESHOLD if strict else reply_model.CONTEXTUAL_THRESHOLD
        reading = (
            f"the reply model reads a revocation with probability {opinion.probability:.3f} "
            f"(strongest n-grams: {', '.join(opinion.evidence) or 'none'})"
        )
        found = Classification(Intent.OPT_OUT, None, MatchedBy.MODEL, guessed_language(words, self.languages))
        if opinion.probability >= threshold:
            return self._decided(found, "model.opt-out", f"{reading}: at least {threshold} opts out")
        if not strict and opinion.probability >= reply_model.REVIEW_THRESHOLD:
            reason = f"{reading}: below {threshold}, kept for review (policy CONTEXTUAL)"
            return self._decided(replace(found, intent=Intent.AMBIGUOUS), "model.review", reason)
        return None

    def _decided(self, classification: Classification, rule: str, reason: str) -> Classification:
        return replace(classification, rule=rule, reason=reason, policy=self.policy)


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
    rules = KeywordRules([english], match_mode=match_mode, second_opinion=False)
    if rules.classify_reply(STOP).intent is not Intent.OPT_OUT:
        where = "" if MatchMode(match_mode) is MatchMode.EXACT else " (or the opt-out words)"
        return "opt_out_keywords", f"must include {STOP}{where}: {STOP} always opts out (CTIA)"
    return None


_BOOKINGS = frozenset(["CANCEL", "CANCELAR", "CANCELEN", "ANNULER", "ANNULEZ"])
"""Keywords whose everyday object is a booking ("Cancelar por favor, ya no puedo ir"): a please after
them does not end a revocation."""
_FINALLY = ("POR", "FIN")
"""Spanish "finally": no FIN keyword ("Terminamos el proyecto, por fin")."""


_BAJA_ASKED = re.compile(r"\b(?:PIDO|PEDI|QUIERO|SOLICITO|SOLICITE|DESEO) (?:LA|MI) BAJA\b|\bDENME DE BAJA\b")
"""A request for the baja in words ("pido la baja", "denme de baja")."""


def _sentence_keyword(keyword: str, clauses: tuple[tuple[str, ...], ...]) -> bool:
    """Whether ``keyword`` opts out as one sentence of a longer reply: a single word other than the FCC
    words (the policy's) and BASTA and BAJA, which are everyday words ("No more please, I'm full!",
    "Baja, te espero"); BASTA beside a word for the messages or of someone fed up (``intents.fed_up``:
    "Estoy harto, es el quinto mensaje del día. Basta."), and BAJA beside a request for the baja in
    another sentence ("Es la tercera vez que pido la baja. BAJA.")."""
    if keyword == "BAJA" and any(_BAJA_ASKED.search(" ".join(clause)) for clause in clauses):
        return True
    if keyword == "BASTA" and fed_up(clauses):
        return True
    return " " not in keyword and keyword not in CONTEXTUAL_WORDS and keyword not in ("BASTA", "BAJA")


def _contains(words: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(words[i : i + n] == phrase for i in range(len(words) - n + 1))


def classify_reply(body: str, rules: KeywordRules | None = None) -> Classification:
    """Classify ``body`` with ``rules`` (the defaults when omitted)."""
    return (rules or _DEFAULT_RULES[RevocationPolicy.STRICT]).classify_reply(body)


def explain(text: str, policy: RevocationPolicy | str = RevocationPolicy.STRICT) -> Classification:
    """How the reply function, with the construct's default keywords and languages, reads ``text``
    under ``policy``: the intent, the language, the rule and the reason (no AWS access)."""
    return _DEFAULT_RULES[RevocationPolicy(str(policy).upper())].classify_reply(text)


_DEFAULT_RULES = {policy: KeywordRules(policy=policy) for policy in RevocationPolicy}
