"""Normalization and classification of replies."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sms_opt_out.domain.keywords import (
    Intent,
    KeywordRules,
    MatchedBy,
    MatchMode,
    classify_reply,
    normalize,
    stop_rule_violation,
)
from sms_opt_out.domain.languages import ENGLISH, LANGUAGES, KeywordSet

KEYWORDS = [
    pair
    for language in LANGUAGES.values()
    for pair in (
        *((k, Intent.OPT_OUT) for k in language.keywords.opt_out_keywords),
        *((k, Intent.OPT_IN) for k in language.keywords.opt_in_keywords),
        *((k, Intent.HELP) for k in language.keywords.help_keywords),
    )
]
padding = st.text(alphabet=" \t\n.!?,;:'\"-()", max_size=4)
words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8)


def vary_case(text: str, flips: list[bool]) -> str:
    return "".join(
        c.swapcase() if flip else c for c, flip in zip(text, flips + [False] * len(text), strict=False)
    )


@given(st.sampled_from(KEYWORDS), padding, padding, st.lists(st.booleans(), max_size=12))
def test_case_and_surrounding_whitespace_and_punctuation_do_not_matter(
    keyword: tuple[str, Intent], before: str, after: str, flips: list[bool]
) -> None:
    text, intent = keyword
    assert classify_reply(before + vary_case(text, flips) + after).intent is intent


@pytest.mark.parametrize(
    "text", ["OPT OUT", "opt-out", "OptOut", "opt  out", "Opt - Out", "stop all", "Stop-All"]
)
def test_spacing_and_hyphens_inside_a_keyword_do_not_matter(text: str) -> None:
    assert classify_reply(text).intent is Intent.OPT_OUT


@pytest.mark.parametrize(("text", "keyword"), [("ARRÊT", "ARRET"), ("arrêt!", "ARRET"), ("Stóp", "STOP")])
def test_accents_do_not_matter(text: str, keyword: str) -> None:
    assert classify_reply(text).keyword == keyword


@given(words, words, st.sampled_from(["stop", "quit", "end", "revoke", "opt out", "cancel", "unsubscribe"]))
def test_a_revocation_word_anywhere_in_a_reply_opts_out(before: str, after: str, word: str) -> None:
    assert classify_reply(f"{before} {word} {after}").intent is Intent.OPT_OUT


@pytest.mark.parametrize(
    "text",
    ["Leave me alone", "please remove me from this list", "Take me off!", "do not text me",
     "Don't text me again", "no more texts please", "Stop texting me"],
)  # fmt: skip
def test_opt_out_phrases_opt_out(text: str) -> None:
    assert classify_reply(text).intent is Intent.OPT_OUT


@pytest.mark.parametrize(
    "text", ["Stopwatch", "stopped", "I'm ending this", "unstoppable", "endless", "cancelled"]
)
def test_a_word_inside_another_word_is_not_a_match(text: str) -> None:
    assert classify_reply(text).intent is Intent.OTHER


@pytest.mark.parametrize("text", ["please start", "Can you help me", "I want to join", "more info please"])
def test_consent_and_help_are_never_inferred_from_a_sentence(text: str) -> None:
    assert classify_reply(text).intent is Intent.OTHER


def test_exact_mode_only_takes_whole_message_keywords() -> None:
    rules = KeywordRules(match_mode=MatchMode.EXACT)

    assert rules.classify_reply("Stop texting me").intent is Intent.OTHER
    assert rules.classify_reply(" stop. ").intent is Intent.OPT_OUT


def test_keyword_lists_are_configurable() -> None:
    rules = KeywordRules([KeywordSet("it", opt_out_keywords=("BASTA",), opt_in_keywords=("SI",),
                                     help_keywords=("AIUTO",), revocation_words=("FINE",),
                                     opt_out_phrases=("lasciami stare",))])  # fmt: skip

    assert rules.classify_reply("basta!").intent is Intent.OPT_OUT
    assert rules.classify_reply("STOP").intent is Intent.OTHER
    assert rules.classify_reply("Si").intent is Intent.OPT_IN
    assert rules.classify_reply("aiuto").intent is Intent.HELP
    assert rules.classify_reply("è la fine").intent is Intent.OPT_OUT
    assert rules.classify_reply("Lasciami stare, grazie").keyword == "LASCIAMI STARE"


def test_a_keyword_in_both_lists_opts_out() -> None:
    english = LANGUAGES[ENGLISH].keywords
    rules = KeywordRules([KeywordSet("xx", opt_in_keywords=("STOP",)), english])

    assert rules.classify_reply("stop").intent is Intent.OPT_OUT


def test_on_a_keyword_two_languages_share_the_first_languages_wins() -> None:
    rules = KeywordRules([KeywordSet("a", help_keywords=("INFO",)), KeywordSet("b", help_keywords=("INFO",))])

    assert rules.classify_reply("info").language == "a"


@pytest.mark.parametrize(
    "text",
    ["S\u200bTOP", "ST\u00adOP", "STO\u2060P", "\ufeffSTOP", "OPT\u2011OUT", "opt\u2013out", "OPT\u2014OUT",
     "opt\u2212out", "ST\u041eP", "\u0455\u0442\u043e\u0440", "S\u03a4\u039fP", "\uff33\uff34\uff2f\uff30",
     "please s\u200btop texting me", "UNSUB\u0405CRIBE"],
)  # fmt: skip
def test_invisible_characters_dashes_and_look_alike_letters_do_not_hide_an_opt_out(text: str) -> None:
    assert classify_reply(text).intent is Intent.OPT_OUT


def test_a_word_of_another_script_is_not_made_into_a_keyword() -> None:
    assert classify_reply("\u0421\u0442\u043e\u043f").intent is Intent.OTHER  # Russian "Stop": C-T-O-N


@pytest.mark.parametrize(
    ("text", "matched_by"),
    [("STOP", MatchedBy.KEYWORD), ("please stop", MatchedBy.KEYWORD), ("Leave me alone", MatchedBy.PHRASE)],
)
def test_a_classification_says_how_it_matched(text: str, matched_by: MatchedBy) -> None:
    assert classify_reply(text).matched_by is matched_by


@given(st.text(max_size=40))
def test_classification_is_total_and_opt_in_only_on_whole_keywords(text: str) -> None:
    result = classify_reply(text)

    assert result.intent in Intent
    if result.intent in (Intent.OPT_IN, Intent.HELP):
        assert result.keyword is not None
        assert normalize(text).replace(" ", "").replace("-", "") == result.keyword.replace("-", "")


@given(st.text(max_size=40))
def test_normalize_is_idempotent(text: str) -> None:
    assert normalize(normalize(text)) == normalize(text)


@pytest.mark.parametrize(
    ("settings", "setting", "reason"),
    [
        ({"opt_out_keywords": [], "revocation_words": []}, "opt_out_keywords", "must include STOP"),
        (
            {"opt_out_keywords": ["QUIT"], "match_mode": MatchMode.EXACT},
            "opt_out_keywords",
            "must include STOP",
        ),
        ({"help_keywords": ["HELP", "STOP"]}, "help_keywords", "must not include STOP"),
        ({"help_keywords": ["stop!"]}, "help_keywords", "must not include STOP"),
        ({"opt_in_keywords": ["START", "S-T-O-P"]}, "opt_in_keywords", "must not include STOP"),
    ],
)
def test_settings_that_would_not_make_stop_an_opt_out_are_named(
    settings: dict, setting: str, reason: str
) -> None:
    violation = stop_rule_violation(**settings)

    assert violation is not None and violation[0] == setting and reason in violation[1]


@pytest.mark.parametrize(
    "settings",
    [
        {},
        {"opt_out_keywords": ["STOP"], "match_mode": MatchMode.EXACT},
        {"opt_out_keywords": [], "revocation_words": ["stop"]},
        {"opt_out_keywords": ["BASTA"], "opt_out_phrases": ["STOP"], "revocation_words": []},
    ],
)
def test_settings_under_which_stop_opts_out_pass_the_rule(settings: dict[str, Any]) -> None:
    assert stop_rule_violation(**settings) is None
    lists: dict[str, Any] = {k: tuple(v) for k, v in settings.items() if k != "match_mode"}
    english = dataclasses.replace(LANGUAGES[ENGLISH].keywords, **lists)
    rules = KeywordRules([english], match_mode=settings.get("match_mode", MatchMode.WORD))
    assert rules.classify_reply("STOP").intent is Intent.OPT_OUT
