"""The demo conversation, played by the real handlers on the embedded AWS, step by step."""

from __future__ import annotations

import pytest

from sandbox.demo import BATCH_OPTED_OUT, BATCH_SIZE, CUSTOMER, DEMO_MEDIA, Conversation, Step
from sandbox.local_aws import LocalAws
from sms_opt_out.domain.languages import ENGLISH, LANGUAGES

TEXTS = LANGUAGES[ENGLISH].texts.render("Example Corp alerts", "help@example.com", None)


@pytest.fixture(scope="module")
def steps() -> list[Step]:
    with LocalAws() as local:
        steps = Conversation(local).play()
        assert local.dead_letters == []
        return steps


def test_the_first_send_is_delivered(steps: list[Step]) -> None:
    assert steps[0].outcome["result"]["status"] == "SENT"
    assert steps[0].outcome["delivered"] == ["Your order #1042 has shipped."]


def test_a_natural_language_stop_is_recorded_and_confirmed(steps: list[Step]) -> None:
    assert steps[1].outcome == {"outcomes": ["OPT_OUT"], "answers": [TEXTS.opt_out_confirmation]}
    assert "keyword STOP" in steps[1].lines[0]


def test_the_next_send_is_blocked(steps: list[Step]) -> None:
    assert steps[2].outcome == {"result": {"status": "OPTED_OUT"}, "delivered": [], "from": [], "media": []}


def test_help_is_answered_with_the_help_text(steps: list[Step]) -> None:
    (answer,) = steps[3].outcome["answers"]
    assert answer.startswith("Example Corp alerts:") and "STOP" in answer


def test_start_opts_back_in_and_the_next_send_is_delivered(steps: list[Step]) -> None:
    assert steps[4].outcome == {"outcomes": ["OPT_IN"], "answers": [TEXTS.opt_in_confirmation]}
    assert steps[5].outcome["delivered"] == ["Your table is ready."]


def test_the_batch_blocks_exactly_the_opted_out_with_one_read_per_100(steps: list[Step]) -> None:
    batch = steps[6].outcome
    assert batch["counts"] == {
        "SENT": BATCH_SIZE - BATCH_OPTED_OUT,
        "OPTED_OUT": BATCH_OPTED_OUT,
        "INVALID": 0,
    }
    blocked = {
        message for message, result in zip(range(BATCH_SIZE), batch["results"], strict=True)
        if result["status"] == "OPTED_OUT"
    }  # fmt: skip
    assert blocked == set(range(0, BATCH_SIZE, BATCH_SIZE // BATCH_OPTED_OUT))
    assert batch["dynamodb_requests"] == {"dynamodb:BatchGetItem": BATCH_SIZE // 100}


def test_the_history_shows_the_opt_out_then_the_opt_in(steps: list[Step]) -> None:
    items = steps[7].outcome["items"]
    assert [(i["Action"], i["Response"], i["Channel"]) for i in items] == [
        ("OPT_OUT", "STOP", "SMS"),
        ("OPT_IN", "START", "SMS"),
    ]
    assert all(i["PK"] == CUSTOMER for i in items)


def test_a_send_through_the_pool_goes_from_one_of_its_numbers(steps: list[Step]) -> None:
    through_pool = steps[8].outcome
    assert through_pool["result"]["status"] == "SENT"
    assert through_pool["from"][0] in LocalAws().pool_numbers


def test_an_mms_is_delivered_with_its_media(steps: list[Step]) -> None:
    mms = steps[9].outcome
    assert mms["result"]["status"] == "SENT"
    assert mms["media"] == [[DEMO_MEDIA]] and mms["delivered"] == ["Your receipt is attached."]


def test_the_demo_ends_with_the_metrics_the_handlers_wrote(steps: list[Step]) -> None:
    metrics = steps[10].outcome
    replies = 3 + BATCH_OPTED_OUT  # STOP, HELP, START, then a STOP from each opted-out recipient
    assert metrics["totals"] == {
        "OptOuts": 1 + BATCH_OPTED_OUT,
        "OptIns": 1,
        "HelpRequests": 1,
        "UnrecognisedReplies": 0,
        "ConfirmationsSent": replies,
        "ConfirmationsQueued": 0,
        "RepeatedOptOuts": 0,
        "SupersededReplies": 0,
        "RepeatedDeliveries": 0,
        "MessagesSent": 4 + BATCH_SIZE - BATCH_OPTED_OUT,  # with the pool send and the MMS
        "MessagesBlocked": 1 + BATCH_OPTED_OUT,
        "MessagesInvalid": 0,
        "MessagesFailed": 0,
        "MessagesDeferred": 0,
        "MessagesUnknown": 0,
        "MessagesQueued": 0,
        "Throttles": 0,
        "MessagesCapped": 0,
        "HeldForSendingHours": 0,
        "HeldForQuietHours": 0,
        "MessagesSuppressed": 0,
    }
    assert metrics["records"] == replies + 6, "one per invocation: each reply, five sends and the batch"


def test_the_demo_shows_a_number_the_carrier_reports_invalid_becoming_suppressed(steps: list[Step]) -> None:
    step = steps[11]
    assert step.outcome["first"]["status"] == "SENT" and "SUPPRESSED" in step.outcome["events"]
    assert step.outcome["again"] == {"status": "SUPPRESSED", "reason": "INVALID"}


def test_the_demo_shows_an_aws_list_opt_out_being_learned(steps: list[Step]) -> None:
    step = steps[12]
    assert step.outcome["first"] == {"status": "OPTED_OUT", "code": "DESTINATION_PHONE_NUMBER_OPTED_OUT"}
    assert step.outcome["again"] == {"status": "OPTED_OUT"}
    assert step.outcome["learned"]["Channel"] == "aws-opt-out-list"


def test_an_rcs_message_is_sent_and_blocked_after_a_stop_by_sms(steps: list[Step]) -> None:
    sent, stop, blocked = steps[13:16]
    assert sent.outcome["result"]["status"] == "SENT" and sent.outcome["channel"] == ["RCS"]
    assert stop.outcome["outcomes"] == ["OPT_OUT"]
    assert blocked.outcome == {"result": {"status": "OPTED_OUT"}, "delivered": [], "channel": []}
