"""Revocation recall and precision per language and policy, on the project's own corpora.

``benchmarks/corpora/replies.csv``: replies to business texts with the intent a reasonable person
reads in them (OPT_OUT, OPT_IN, HELP, OTHER), in en, es and fr, including Unicode and misspelt
spellings. ``conversations.csv``: person-to-person and customer-service messages, none a revocation.
Both were written before the rules, and each has a ``heldout`` part that was not looked at while the
rules were tuned on the ``tuning`` part: the figures are given for both.

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
SPLITS = ("tuning", "heldout-1", "heldout-2", "heldout-3")


@dataclass(frozen=True)
class Scores:
    revocations: int
    found: int
    taken_as_opt_out: int
    correct: int

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


def conversational_opt_outs(rules: KeywordRules, rows: Iterable[dict[str, str]]) -> tuple[int, int]:
    rows = list(rows)
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
    for policy in RevocationPolicy:
        rules = KeywordRules(policy=policy)
        for split in (*SPLITS, "all"):
            rows = [r for r in replies if split in ("all", r["split"])]
            results[f"{policy}/{split}/all"] = score(rules, rows)
            for language in LANGUAGES:
                in_language = (r for r in rows if r["language"] == language)
                results[f"{policy}/{split}/{language}"] = score(rules, in_language)
            talk = [r for r in conversations if split in ("all", r["split"])]
            results[f"{policy}/{split}/conversations"] = conversational_opt_outs(rules, talk)
    texts = [r["text"] for r in replies + conversations]
    results["cpu"] = max(cpu_per_reply(KeywordRules(policy=p), texts) for p in RevocationPolicy)
    return results


if __name__ == "__main__":
    import sys

    split = sys.argv[1] if len(sys.argv) > 1 else "tuning"
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
