"""Train the reply model (``sms_opt_out.domain.reply_model``) and write its weights, or estimate how
it does on a part it was not trained on.

``python -m benchmarks.train_reply_model`` trains on ``TRAINING_PARTS`` (the labelled replies and
conversations of those parts, and the ham-tuning half of the SMS Spam Collection: never ham-heldout,
nor a held-out part written after them) and writes ``reply_model.json``: the ``KEEP`` strongest
weights, each a whole number of ``reply_model.WEIGHT_STEP`` (``reply_model.encoded``).
Deterministic: the same corpora give the same file.

``python -m benchmarks.train_reply_model --calibrate`` chooses each policy's threshold on the
training parts, each read by the model trained without it (``calibrated`` states the rule), and
prints them for ``reply_model.STRICT_THRESHOLD`` and ``CONTEXTUAL_THRESHOLD``, writing nothing.

``python -m benchmarks.train_reply_model --without heldout-4`` trains without that part and prints
the rules alone and the rules with the model on it (per policy, as ``KeywordRules`` combines them),
writing nothing. The rules are the current ones: on a part they were tuned on, the figure is
optimistic; the honest estimate is the one taken with the rules as they were before the part was
looked at (BENCHMARKS.md).

A logistic regression by stochastic gradient descent (pure Python, no dependency), the negatives
weighted so that both classes weigh the same, L2-regularised; features of at least ``MIN_COUNT``
examples.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from benchmarks.classifier import LANGUAGES, SPLITS, WORDED_AS_REVOCATIONS, ham, read
from sms_opt_out.domain import reply_model, text_normalisation
from sms_opt_out.domain.intents import RevocationPolicy
from sms_opt_out.domain.keywords import Intent, KeywordRules

TRAINING_PARTS = SPLITS
"""The labelled parts the model learns from (the tuned parts), with ham-tuning; never an
``UNSEEN_SPLITS`` part, which is measured once before it becomes a tuned one."""
EPOCHS = 25
RATE = 0.2
L2 = 4e-3
MIN_COUNT = 2
KEEP = 6000
SEED = 1
THRESHOLDS = tuple(round(0.8 + 0.005 * n, 3) for n in range(38)) + tuple(
    round(0.99 + 0.001 * n, 3) for n in range(10)
)
"""The thresholds ``calibrated`` chooses from: 0.8 to 0.99 by 0.005, then to 0.999 by 0.001 (the
highest when none meets the targets)."""

Example = tuple[frozenset[str], bool]


def examples(parts: Sequence[str]) -> list[Example]:
    """(features, revokes) of every labelled reply and conversation of ``parts``, and of ham-tuning."""
    texts = [
        (r["text"], r["intent"] == Intent.OPT_OUT.value) for r in read("replies.csv") if r["split"] in parts
    ]
    texts += [(r["text"], False) for r in read("conversations.csv") if r["split"] in parts]
    texts += [(text, False) for text in ham("ham-tuning")]
    return [(reply_model.features(text_normalisation.words(text)), revokes) for text, revokes in texts]


def train(data: list[Example]) -> reply_model.ReplyModel:
    """The logistic regression of ``data``, its ``KEEP`` strongest weights as whole numbers of
    ``reply_model.WEIGHT_STEP``."""
    counts = Counter(f for found, _ in data for f in found)
    names = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    index = {f: i for i, f in enumerate(names)}
    rows = [(sorted(index[f] for f in found if f in index), revokes) for found, revokes in data]
    positives = sum(revokes for _, revokes in rows)
    negative_weight = positives / (len(rows) - positives)
    learned = [0.0] * len(names)
    bias = 0.0
    order = list(range(len(rows)))
    shuffle = random.Random(SEED)
    for epoch in range(EPOCHS):
        shuffle.shuffle(order)
        rate = RATE / (1 + epoch)
        for i in order:
            found, revokes = rows[i]
            score = bias + sum([learned[j] for j in found])
            gradient = reply_model.logistic(score) - revokes
            gradient *= 1.0 if revokes else negative_weight
            for j in found:
                learned[j] -= rate * (gradient + L2 * learned[j])
            bias -= rate * gradient
    weights = dict(zip(names, learned, strict=True))
    strongest = sorted(weights.items(), key=lambda item: (-abs(item[1]), item[0]))[:KEEP]
    step = reply_model.WEIGHT_STEP
    return reply_model.ReplyModel(
        round(bias, 3), {f: round(w / step) * step for f, w in sorted(strongest) if round(w / step)}
    )


def write(model: reply_model.ReplyModel) -> None:
    text = json.dumps(reply_model.encoded(model), separators=(",", ":"), ensure_ascii=True)
    reply_model.WEIGHTS.write_text(text + "\n", encoding="utf-8")


def estimate(part: str) -> None:
    """Train without ``part`` and print the rules alone and with that model on it."""
    model = train(examples([p for p in TRAINING_PARTS if p != part]))
    replies = [r for r in read("replies.csv") if r["split"] == part]
    talk = [r for r in read("conversations.csv") if r["split"] == part]
    for policy in RevocationPolicy:
        for label, rules in (
            ("rules", KeywordRules(policy=policy, second_opinion=False)),
            ("rules+model", replace_model(KeywordRules(policy=policy), model)),
        ):
            found = {
                r["text"]: rules.classify_reply(r["text"]).intent is Intent.OPT_OUT for r in replies + talk
            }
            recall = []
            for language in (*LANGUAGES, None):
                rows = [
                    r
                    for r in replies
                    if r["intent"] == Intent.OPT_OUT.value and language in (None, r["language"])
                ]
                recall.append(f"{language or 'all'} {sum(found[r['text']] for r in rows) / len(rows):.1%}")
            taken = [r for r in replies if found[r["text"]]]
            precision = sum(r["intent"] == Intent.OPT_OUT.value for r in taken) / max(1, len(taken))
            conversations = sum(found[r["text"]] for r in talk)
            print(
                f"{part} {policy} {label}: recall {', '.join(recall)}; precision {precision:.1%}; "
                f"conversations taken {conversations} of {len(talk)}"
            )


def cross_validate(parts: Sequence[str] = TRAINING_PARTS) -> dict[str, dict[str, float]]:
    """Leave one part out: for each of ``parts``, train without it and measure on it the model alone
    (a revocation at each policy's threshold) and the rules with that model (``KeywordRules``), per
    policy: recall per language and overall, precision, and the share of the part's conversations
    taken as opt-outs. The rules were tuned on every part, so "rules+model" is optimistic; "model" is
    the honest estimate of the model on wording it never saw."""
    figures: dict[str, dict[str, float]] = {}
    replies, conversations = read("replies.csv"), read("conversations.csv")
    for part in parts:
        model = train(examples([p for p in parts if p != part]))
        rows = [r for r in replies if r["split"] == part]
        talk = [r for r in conversations if r["split"] == part and r["text"] not in WORDED_AS_REVOCATIONS]
        for policy in RevocationPolicy:
            threshold = (
                reply_model.STRICT_THRESHOLD
                if policy is RevocationPolicy.STRICT
                else reply_model.CONTEXTUAL_THRESHOLD
            )
            rules = replace_model(KeywordRules(policy=policy), model)
            for label in ("model", "rules+model"):
                found = {
                    r["text"]: _model_revokes(model, r["text"], threshold)
                    if label == "model"
                    else rules.classify_reply(r["text"]).intent is Intent.OPT_OUT
                    for r in rows + talk
                }
                result: dict[str, float] = {}
                for language in (*LANGUAGES, "all"):
                    wanted = [
                        r
                        for r in rows
                        if r["intent"] == Intent.OPT_OUT.value and language in ("all", r["language"])
                    ]
                    result[language] = sum(found[r["text"]] for r in wanted) / max(1, len(wanted))
                taken = [r for r in rows if found[r["text"]]]
                result["precision"] = sum(r["intent"] == Intent.OPT_OUT.value for r in taken) / max(
                    1, len(taken)
                )
                result["conversations"] = sum(found[r["text"]] for r in talk) / max(1, len(talk))
                figures[f"{part}/{policy}/{label}"] = result
    return figures


@dataclass(frozen=True)
class HeldOut:
    """One labelled reply or conversational message, read by the model trained without its part."""

    probability: float
    """The model's, whatever the number of words."""
    asked: float
    """The model's as ``KeywordRules`` asks it under CONTEXTUAL, 0 when it does not ask."""
    kind: str
    """``revocation``, ``reply`` (labelled anything else) or ``conversation``."""


@dataclass(frozen=True)
class _Asked(reply_model.ReplyModel):
    """A model that notes the probability of each opinion asked of it."""

    given: list[float] = field(default_factory=list)

    def opinion(self, words: Sequence[str]) -> reply_model.Opinion:
        found = super().opinion(words)
        self.given.append(found.probability)
        return found


def held_out(parts: Sequence[str] = TRAINING_PARTS) -> list[HeldOut]:
    """Each labelled reply and conversational message of ``parts`` (less ``WORDED_AS_REVOCATIONS``),
    read by the model trained without its part."""
    replies, conversations = read("replies.csv"), read("conversations.csv")
    found: list[HeldOut] = []
    for part in parts:
        trained = train(examples([p for p in parts if p != part]))
        model = _Asked(trained.bias, trained.weights)
        rules = replace_model(KeywordRules(policy=RevocationPolicy.CONTEXTUAL), model)
        texts = [
            (r["text"], "revocation" if r["intent"] == Intent.OPT_OUT.value else "reply")
            for r in replies
            if r["split"] == part
        ]
        texts += [
            (r["text"], "conversation")
            for r in conversations
            if r["split"] == part and r["text"] not in WORDED_AS_REVOCATIONS
        ]
        for text, kind in texts:
            model.given.clear()
            rules.classify_reply(text)
            found.append(HeldOut(_probability(trained, text), max(model.given, default=0.0), kind))
    return found


def calibrated(found: Sequence[HeldOut]) -> tuple[float, float]:
    """(STRICT's, CONTEXTUAL's) threshold from ``held_out``: each the lowest of ``THRESHOLDS`` at
    which the model, on the parts it was not trained on, meets the issue's targets for that policy:
    under STRICT, at least 97% of what the model alone takes revokes (replies and conversational
    messages together); under CONTEXTUAL, that and at most 0.3% of the conversational messages taken
    by the model where the rules ask it (what it adds to the rules)."""
    conversations = [h for h in found if h.kind == "conversation"]

    def precise(threshold: float) -> bool:
        taken = [h.kind == "revocation" for h in found if h.probability >= threshold]
        return taken.count(False) <= 0.03 * len(taken)

    def few(threshold: float) -> bool:
        return sum(h.asked >= threshold for h in conversations) <= 0.003 * len(conversations)

    return (
        next((t for t in THRESHOLDS if precise(t)), THRESHOLDS[-1]),
        next((t for t in THRESHOLDS if precise(t) and few(t)), THRESHOLDS[-1]),
    )


def _probability(model: reply_model.ReplyModel, text: str) -> float:
    """The model's probability for ``text`` (any number of words, unlike ``ReplyModel.opinion``)."""
    words = text_normalisation.words(text)
    found = [model.weights[f] for f in reply_model.features(words) if f in model.weights]
    return reply_model.logistic(model.bias + sum(found))


def _model_revokes(model: reply_model.ReplyModel, text: str, threshold: float) -> bool:
    """Whether the model alone reads ``text`` as a revocation at ``threshold`` (any number of words)."""
    return _probability(model, text) >= threshold


def replace_model(rules: KeywordRules, model: reply_model.ReplyModel) -> KeywordRules:
    rules.model = model
    return rules


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--without", help="estimate on this part, trained without it (writes nothing)")
    parser.add_argument(
        "--cross-validate",
        action="store_true",
        help="leave each training part out in turn and print the figures on it (writes nothing)",
    )
    parser.add_argument(
        "--calibrate",
        action="store_true",
        help="choose each policy's threshold on the training parts left out in turn (writes nothing)",
    )
    args = parser.parse_args(argv)
    if args.calibrate:
        strict, contextual = calibrated(held_out())
        print(f"STRICT_THRESHOLD = {strict}, CONTEXTUAL_THRESHOLD = {contextual}")
        return 0
    if args.without:
        estimate(args.without)
        return 0
    if args.cross_validate:
        for key, result in cross_validate().items():
            shares = ", ".join(f"{name} {value:.1%}" for name, value in result.items())
            print(f"{key}: recall {shares}")
        return 0
    model = train(examples(TRAINING_PARTS))
    write(model)
    print(f"wrote {reply_model.WEIGHTS} ({len(model.weights)} weights)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
