"""The benchmark corpora are what BENCHMARKS.md says they are: sizes, languages, labels, parts."""

from __future__ import annotations

from collections import Counter

from benchmarks.classifier import LANGUAGES, SPLITS, read
from sms_opt_out.domain.keywords import Intent


def test_the_labelled_replies_cover_three_languages_every_intent_and_every_part() -> None:
    replies = read("replies.csv")

    assert len(replies) >= 400
    assert {r["intent"] for r in replies} == {i.value for i in Intent} - {Intent.AMBIGUOUS.value}
    revocations = Counter(r["language"] for r in replies if r["intent"] == Intent.OPT_OUT.value)
    assert set(revocations) == set(LANGUAGES) and min(revocations.values()) >= 50
    assert {r["split"] for r in replies} == set(SPLITS)
    keys = [(r["split"], r["language"], r["text"]) for r in replies]
    assert len(set(keys)) == len(keys), "no reply is counted twice in one part and language"


def test_the_conversational_messages_cover_three_languages_and_every_part() -> None:
    conversations = read("conversations.csv")

    assert len(conversations) >= 300
    assert {r["language"] for r in conversations} == set(LANGUAGES)
    assert {r["split"] for r in conversations} == set(SPLITS)
