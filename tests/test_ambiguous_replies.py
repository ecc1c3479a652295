"""Policy CONTEXTUAL in the reply function: an AMBIGUOUS reply is kept for review with its reason and
answered once with the clarification; a revocation is still an opt-out."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

from sms_opt_out.domain.languages import DEFAULT_PROGRAM_NAME, LANGUAGES, SPANISH
from sms_opt_out.errors import ConfirmationNotSentError
from sms_opt_out.storage.unrecognised_replies import PARTITION
from tests.conftest import CUSTOMER, OUR_NUMBER, TABLE, sns_event
from tests.test_cli import cli
from tests.test_process_reply import (
    DEFAULT_OPT_OUT_CONFIRMATION,
    ENGLISH_TEXTS,
    Handler,
    history,
    state,
    texts,
)
from tests.test_process_reply import handle as handle

CLARIFICATION = ENGLISH_TEXTS.clarification


@pytest.fixture(autouse=True)
def contextual(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REVOCATION_POLICY", "CONTEXTUAL")


def kept(dynamodb: Any) -> list[dict[str, str]]:
    items = dynamodb.query(
        TableName=TABLE,
        KeyConditionExpression="PK = :pk",
        ExpressionAttributeValues={":pk": {"S": PARTITION}},
    )["Items"]
    return [{k: v["S"] for k, v in item.items() if "S" in v} for item in items]


def test_an_ambiguous_reply_is_kept_with_its_reason_and_clarified_without_consent_change(
    handle: Handler, dynamodb: Any, sms: Any
) -> None:
    result = handle(sns_event("I need to cancel my appointment for tomorrow", inbound_id="in-1"))

    assert result == {"outcomes": ["AMBIGUOUS"]}
    (item,) = kept(dynamodb)
    assert (item["Intent"], item["Policy"], item["Language"]) == ("AMBIGUOUS", "CONTEXTUAL", "en")
    assert item["Rule"].startswith("ambiguous.") and "CANCEL" in item["Reason"]
    assert history(dynamodb) == [] and OUR_NUMBER not in state(dynamodb)
    assert texts(sms) == [CLARIFICATION]
    assert DEFAULT_PROGRAM_NAME in CLARIFICATION and "STOP" in CLARIFICATION


def test_a_repeated_delivery_of_an_ambiguous_reply_is_clarified_once(
    handle: Handler, dynamodb: Any, sms: Any
) -> None:
    handle(sns_event("Which bus stop?", inbound_id="in-1"))
    again = handle(sns_event("Which bus stop?", inbound_id="in-1"))

    assert again == {"outcomes": ["DUPLICATE"]}
    assert len(kept(dynamodb)) == 1
    assert texts(sms) == [CLARIFICATION]


def test_a_failed_clarification_raises_and_the_retry_sends_it_once(handle: Handler, sms: Any) -> None:
    sms.fail_next("SendTextMessage", "InternalServerException")

    with pytest.raises(ConfirmationNotSentError):
        handle(sns_event("I'll stop by tomorrow", inbound_id="in-1"))
    assert texts(sms) == []

    sms.heal()
    handle(sns_event("I'll stop by tomorrow", inbound_id="in-1"))
    handle(sns_event("I'll stop by tomorrow", inbound_id="in-1"))

    assert texts(sms) == [CLARIFICATION]


def test_a_revocation_word_about_the_messages_still_opts_out(
    handle: Handler, dynamodb: Any, sms: Any
) -> None:
    handle(sns_event("stop texting me", inbound_id="in-1"))

    (item,) = history(dynamodb)
    assert (item["Action"]["S"], item["Policy"]["S"], item["Rule"]["S"]) == (
        "OPT_OUT",
        "CONTEXTUAL",
        "contextual.about-messages",
    )
    assert "STOP" in item["Reason"]["S"]
    assert texts(sms) == [DEFAULT_OPT_OUT_CONFIRMATION]


def test_the_clarification_goes_out_in_the_replys_language_and_can_be_configured(
    handle: Handler, sms: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLARIFICATION_MESSAGE", "Acme: reply STOP to stop all our texts.")

    handle(sns_event("Which bus stop?", inbound_id="in-1"))
    handle(sns_event("Cancel the order por favor gracias", inbound_id="in-2"))

    spanish = LANGUAGES[SPANISH].texts.render(DEFAULT_PROGRAM_NAME, None, None).clarification
    assert texts(sms) == ["Acme: reply STOP to stop all our texts.", spanish]


def test_under_strict_the_same_reply_opts_out(
    handle: Handler, dynamodb: Any, sms: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REVOCATION_POLICY", "STRICT")

    handle(sns_event("Which bus stop?", inbound_id="in-1"))

    assert [i["Rule"]["S"] for i in history(dynamodb)] == ["word.strict"]
    assert texts(sms) == [DEFAULT_OPT_OUT_CONFIRMATION]
    assert kept(dynamodb) == []


def test_history_shows_the_rule_the_policy_and_the_reason(handle: Handler) -> None:
    handle(sns_event("Wrong number", inbound_id="in-1"))

    code, out = cli("history", CUSTOMER, "--csv")

    (row,) = csv.DictReader(io.StringIO(out))
    assert code == 0
    assert (row["rule"], row["policy"], row["language"]) == ("en.wrong-number", "CONTEXTUAL", "en")
    assert row["reason"] == "revocation in en: 'WRONG NUMBER'"
