"""Revocation recall and precision per language and policy, on the project's own corpora.

``benchmarks/corpora/replies.csv``: replies to business texts with the intent a reasonable person
reads in them (OPT_OUT, OPT_IN, HELP, OTHER), in en, es and fr, including Unicode and misspelt
spellings. ``conversations.csv``: person-to-person and customer-service messages, none a revocation.
Both were written before the rules, and each has a ``heldout`` part that was not looked at while the
rules were tuned on the ``tuning`` part: the figures are given for both. ``tuning-2`` is adversarial:
revocations written against the rules, to find their general gaps.

``sms_spam_collection_ham.tsv``: the 4,827 ham (person-to-person) messages of the public SMS Spam
Collection (see ``corpora/README.md``), real conversation in English. Its even lines (counted from 0)
are ``ham-tuning``, the rules' precision was tuned on them; its odd lines are ``ham-heldout``, never
looked at while tuning. The few that really revoke (``REAL_REVOCATIONS_IN_HAM``) are counted apart.

Recall: of the replies labelled OPT_OUT, the share classified OPT_OUT (AMBIGUOUS is a miss).
Precision: of the replies classified OPT_OUT, the share labelled OPT_OUT.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sms_opt_out.domain.intents import RevocationPolicy
from sms_opt_out.domain.keywords import Intent, KeywordRules

CORPORA = Path(__file__).resolve().parent / "corpora"
LANGUAGES = ("en", "es", "fr")
SPLITS = (
    "tuning",
    "heldout-1",
    "heldout-2",
    "heldout-3",
    "heldout-4",
    "tuning-2",
    "heldout-5",
    "heldout-6",
    "heldout-7",
    "heldout-8",
    "heldout-9",
    "heldout-10",
    "heldout-11",
    "heldout-12",
    "heldout-13",
    "heldout-14",
    "heldout-15",
    "heldout-16",
    "heldout-17",
    "heldout-18",
    "heldout-19",
    "heldout-20",
    "heldout-21",
    "heldout-22",
    "heldout-23",
    "heldout-24",
    "heldout-25",
    "heldout-26",
    "heldout-27",
    "heldout-28",
)
"""The parts the rules and the model were tuned on (or trained on): the targets are asserted on them."""
UNSEEN_SPLITS: tuple[str, ...] = ("heldout-29", "heldout-30", "heldout-31", "heldout-32")
"""Parts written by someone who never saw the rules, the model or the corpora, and never tuned on: the
honest estimate on new wording, reported by the bench, never asserted. Tuning on one makes it a
``SPLITS`` part, and the next one is written."""
POOLS = {"tuned": SPLITS, "unseen": UNSEEN_SPLITS}
"""Parts measured together: every tuned part, and every unseen part (their parts' figures summed)."""
HAM = "sms_spam_collection_ham.tsv"
HAM_SPLITS = ("ham-tuning", "ham-heldout")
REAL_REVOCATIONS_IN_HAM = frozenset(
    [
        "Please don't text me anymore. I have nothing else to say.",
        "Any chance you might have had with me evaporated as soon as you violated my privacy by stealing "
        "my phone number from your employer's paperwork. Not cool at all. Please do not contact me again "
        "or I will report you to your supervisor.",
        "I think u have the wrong number.",
    ]
)
"""The ham messages a reasonable person reads as a revocation (found by searching the whole file for
revocation wordings, before any measurement): legitimately opt-outs, so not counted against precision."""
WORDED_AS_REVOCATIONS = frozenset(
    [
        "Wrong number, but good luck with the move!",
        "Perdón, número equivocado",
        "Désolé, mauvais numéro",
    ]
)
"""Conversational messages (``heldout-5``) in the words ``replies.csv`` labels a revocation ("Sorry,
wrong number", ``tuning-2``): as a reply to a business text a reasonable person reads them so, and no
rule can tell them apart from it, so they are counted apart from the conversational messages (as
``REAL_REVOCATIONS_IN_HAM``), and found as opt-outs."""


@dataclass(frozen=True)
class Scores:
    revocations: int
    found: int
    taken_as_opt_out: int
    correct: int

    def __add__(self, other: Scores) -> Scores:
        return Scores(
            self.revocations + other.revocations,
            self.found + other.found,
            self.taken_as_opt_out + other.taken_as_opt_out,
            self.correct + other.correct,
        )

    @property
    def recall(self) -> float:
        return self.found / self.revocations if self.revocations else float("nan")

    @property
    def precision(self) -> float:
        return self.correct / self.taken_as_opt_out if self.taken_as_opt_out else 1.0


def read(name: str) -> list[dict[str, str]]:
    with (CORPORA / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def score(rules: KeywordRules, rows: Iterable[dict[str, str]]) -> Scores:
    revocations = found = taken = correct = 0
    for row in rows:
        is_revocation = row["intent"] == Intent.OPT_OUT.value
        opt_out = rules.classify_reply(row["text"]).intent is Intent.OPT_OUT
        revocations += is_revocation
        found += is_revocation and opt_out
        taken += opt_out
        correct += is_revocation and opt_out
    return Scores(revocations, found, taken, correct)


def misses(rules: KeywordRules, rows: Iterable[dict[str, str]]) -> list[tuple[str, str, str]]:
    """(label, classification, text) of each reply the rules get wrong on revocation."""
    wrong = []
    for row in rows:
        intent = rules.classify_reply(row["text"]).intent
        if (row["intent"] == Intent.OPT_OUT.value) != (intent is Intent.OPT_OUT):
            wrong.append((row["intent"], intent.value, row["text"]))
    return wrong


def errors(rules: KeywordRules, split: str) -> dict[str, list[str]]:
    """The error analysis of one part: each reply labelled OPT_OUT that is not taken, and each reply
    or conversational message taken as an opt-out that is not one, grouped by what decided
    (``miss <intent> <rule>`` or ``false <rule>``), to find the general gap each group reveals."""
    groups: dict[str, list[str]] = {}
    rows = [r for r in read("replies.csv") if r["split"] == split]
    rows += [{**r, "intent": Intent.OTHER.value} for r in read("conversations.csv") if r["split"] == split]
    for row in rows:
        found = rules.classify_reply(row["text"])
        revokes, taken = row["intent"] == Intent.OPT_OUT.value, found.intent is Intent.OPT_OUT
        if revokes != taken and row["text"] not in WORDED_AS_REVOCATIONS:
            key = f"miss {found.intent} {found.rule}" if revokes else f"false {found.rule}"
            groups.setdefault(key, []).append(f"[{row['language']}] {row['text']}  ({found.reason})")
    return dict(sorted(groups.items()))


def ham(split: str) -> list[str]:
    """The texts of one half of the SMS Spam Collection's ham messages (``HAM_SPLITS``)."""
    with (CORPORA / HAM).open(encoding="utf-8", newline="") as f:
        texts = [line.rstrip("\n").split("\t", 1)[1] for line in f]
    return texts[HAM_SPLITS.index(split) :: 2]


@dataclass(frozen=True)
class HamScores:
    messages: int
    taken_as_opt_out: int
    """Of the messages that do not revoke."""
    revocations: int
    """Messages that really revoke (``REAL_REVOCATIONS_IN_HAM``), counted apart."""
    revocations_found: int
    ambiguous: int

    @property
    def share(self) -> float:
        return self.taken_as_opt_out / (self.messages - self.revocations)


def score_ham(rules: KeywordRules, texts: Iterable[str]) -> HamScores:
    messages = taken = revocations = found = ambiguous = 0
    for text in texts:
        intent = rules.classify_reply(text).intent
        real = text in REAL_REVOCATIONS_IN_HAM
        messages += 1
        revocations += real
        found += real and intent is Intent.OPT_OUT
        taken += not real and intent is Intent.OPT_OUT
        ambiguous += intent is Intent.AMBIGUOUS
    return HamScores(messages, taken, revocations, found, ambiguous)


def conversational_opt_outs(rules: KeywordRules, rows: Iterable[dict[str, str]]) -> tuple[int, int]:
    """(taken as opt-outs, messages) of the conversational ``rows``, less ``WORDED_AS_REVOCATIONS``."""
    rows = [r for r in rows if r["text"] not in WORDED_AS_REVOCATIONS]
    return sum(rules.classify_reply(r["text"]).intent is Intent.OPT_OUT for r in rows), len(rows)


def cpu_per_reply(rules: KeywordRules, texts: list[str], rounds: int = 20) -> float:
    """CPU seconds per classification (process time, so other load on the machine does not count)."""
    start = time.process_time()
    for _ in range(rounds):
        for text in texts:
            rules.classify_reply(text)
    return (time.process_time() - start) / (rounds * len(texts))


def run() -> dict[str, object]:
    replies, conversations = read("replies.csv"), read("conversations.csv")
    results: dict[str, object] = {}
    nothing = Scores(0, 0, 0, 0)
    for policy in RevocationPolicy:
        rules = KeywordRules(policy=policy)
        scores: dict[tuple[str, str], Scores] = {}
        talks: dict[str, tuple[int, int]] = {}
        for split in (*SPLITS, *UNSEEN_SPLITS):
            for language in LANGUAGES:
                in_language = (r for r in replies if (r["split"], r["language"]) == (split, language))
                scores[split, language] = score(rules, in_language)
            talks[split] = conversational_opt_outs(rules, (r for r in conversations if r["split"] == split))
        parts = {split: (split,) for split in (*SPLITS, *UNSEEN_SPLITS)} | POOLS
        for split, members in parts.items():
            for language in LANGUAGES:
                results[f"{policy}/{split}/{language}"] = sum((scores[m, language] for m in members), nothing)
            results[f"{policy}/{split}/all"] = sum(
                (scores[m, lang] for m in members for lang in LANGUAGES), nothing
            )
            results[f"{policy}/{split}/conversations"] = (
                sum(talks[m][0] for m in members),
                sum(talks[m][1] for m in members),
            )
    for policy in RevocationPolicy:
        rules = KeywordRules(policy=policy)
        for split in HAM_SPLITS:
            results[f"{policy}/{split}"] = score_ham(rules, ham(split))
    texts = [r["text"] for r in replies + conversations]
    results["cpu"] = max(cpu_per_reply(KeywordRules(policy=p), texts) for p in RevocationPolicy)
    real = [text for split in HAM_SPLITS for text in ham(split)]
    results["cpu_ham"] = max(cpu_per_reply(KeywordRules(policy=p), real, rounds=2) for p in RevocationPolicy)
    return results


if __name__ == "__main__":
    import sys

    split = sys.argv[1] if len(sys.argv) > 1 else "tuning"
    if len(sys.argv) > 2 and sys.argv[2] == "--errors":
        for policy in RevocationPolicy:
            for group, texts in errors(KeywordRules(policy=policy), split).items():
                print(f"{policy} {group}: {len(texts)}", *texts, sep="\n    ")
        sys.exit(0)
    if split in HAM_SPLITS:
        for policy in RevocationPolicy:
            rules = KeywordRules(policy=policy)
            print(policy, score_ham(rules, ham(split)))
            for text in ham(split):
                c = rules.classify_reply(text)
                if c.intent is Intent.OPT_OUT and policy is RevocationPolicy.CONTEXTUAL:
                    print("   ", "REAL" if text in REAL_REVOCATIONS_IN_HAM else "FP", c.rule, "|", text[:120])
        sys.exit(0)
    for policy in RevocationPolicy:
        rules = KeywordRules(policy=policy)
        rows = [r for r in read("replies.csv") if r["split"] == split]
        for language in LANGUAGES:
            s = score(rules, (r for r in rows if r["language"] == language))
            print(f"{policy} {language}: recall {s.recall:.1%} precision {s.precision:.1%}")
        for wrong in misses(rules, rows):
            print("  ", *wrong)
        talk = [r for r in read("conversations.csv") if r["split"] == split]
        taken, total = conversational_opt_outs(rules, talk)
        print(f"{policy} conversations taken as opt-outs: {taken}/{total}")
        for r in talk:
            c = rules.classify_reply(r["text"])
            if c.intent is Intent.OPT_OUT:
                print("   FP", r["text"], c.rule, c.reason)
