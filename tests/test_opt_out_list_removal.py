"""Opt-ins that AWS will honour: a START takes the number off the AWS opt-out lists before it is
confirmed, or stays unconfirmed. Against moto DynamoDB and the local SMS simulator, whose clock
enforces DeleteOptedOutNumber's 30 days."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import boto3
import pytest

import process_reply
import send_text_message
from sandbox.sms_simulator import SmsSimulator
from sms_opt_out.domain.preferences import Action, event_time
from sms_opt_out.ops.registry import OptOutRegistry
from sms_opt_out.runtime import build_guarded_sender
from sms_opt_out.sms.aws_opt_out_lists import CHANNEL
from sms_opt_out.sms.opt_out_list_removal import OptOutListNames
from sms_opt_out.storage.consent_states import ConsentStates
from tests.conftest import CUSTOMER, OUR_NUMBER, TABLE, sns_event
from tests.test_cli import cli
from tests.test_process_reply import DEFAULT_OPT_IN_CONFIRMATION

Handler = Callable[[dict[str, Any]], Any]


class Clock:
    """AWS's time in the simulator, moved by the test."""

    def __init__(self) -> None:
        self.now = datetime(2026, 1, 1, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock(sms: SmsSimulator) -> Clock:
    sms.clock = clock = Clock()
    return clock


@pytest.fixture
def reply(
    dynamodb: Any, sms: SmsSimulator, lambda_context: Any, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Handler]:
    our = next(d for d in sms.state.phone_numbers.values() if d["PhoneNumber"] == OUR_NUMBER)
    monkeypatch.setenv("OPT_OUT_LIST_NUMBERS", f'["{our["PhoneNumberId"]}"]')
    boto3.client("pinpoint-sms-voice-v2").create_opt_out_list(OptOutListName="Default")
    process_reply.reply_processor.cache_clear()
    yield lambda event: process_reply.handler(event, lambda_context)
    process_reply.reply_processor.cache_clear()


@pytest.fixture
def send(dynamodb: Any, sms: SmsSimulator, lambda_context: Any, monkeypatch: pytest.MonkeyPatch) -> Handler:
    session = boto3.session.Session()
    monkeypatch.setattr(send_text_message, "guarded_sender", lambda: build_guarded_sender(session.client))
    return lambda event: send_text_message.handler(event, lambda_context)


def put_on_list(number: str = CUSTOMER) -> None:
    """AWS (or ``export --to-opt-out-list``) puts the number on our number's opt-out list."""
    boto3.client("pinpoint-sms-voice-v2").put_opted_out_number(
        OptOutListName="Default", OptedOutNumber=number
    )


def on_list(sms: SmsSimulator, number: str = CUSTOMER) -> bool:
    return number in sms.state.opt_out_lists["Default"]


def start(at: timedelta, inbound_id: str) -> dict[str, Any]:
    """A START received ``at`` after now (the store's events are ordered by these times)."""
    return sns_event("START", inbound_id=inbound_id, timestamp=event_time(datetime.now(UTC) + at))


def request() -> dict[str, Any]:
    return {"DestinationPhoneNumber": CUSTOMER, "OriginationIdentity": OUR_NUMBER, "MessageBody": "Hi"}


def opt_in_texts(sms: SmsSimulator) -> list[str]:
    return [m.body for m in sms.inbox(CUSTOMER) if m.body == DEFAULT_OPT_IN_CONFIRMATION]


def test_a_start_takes_the_number_off_the_aws_list_then_confirms(
    reply: Handler, send: Handler, sms: SmsSimulator, dynamodb: Any, clock: Clock
) -> None:
    put_on_list()
    assert send({"messages": [request()]})["results"][0]["status"] == "OPTED_OUT"  # learned

    reply(start(timedelta(seconds=1), "in-1"))

    assert not on_list(sms) and opt_in_texts(sms) == [DEFAULT_OPT_IN_CONFIRMATION]
    assert send({"messages": [request()]})["results"][0]["status"] == "SENT"


def test_a_start_within_30_days_of_the_last_removal_is_recorded_not_confirmed(
    reply: Handler, send: Handler, sms: SmsSimulator, dynamodb: Any, clock: Clock
) -> None:
    put_on_list()
    reply(start(timedelta(seconds=1), "in-1"))  # removed now
    clock.now += timedelta(days=10)
    put_on_list()  # back on the list (export --to-opt-out-list, or AWS)
    calls = len(sms.calls("SendTextMessage"))

    reply(start(timedelta(seconds=2), "in-2"))

    assert on_list(sms)
    assert len(sms.calls("SendTextMessage")) == calls, "no confirmation is even tried"
    registry = OptOutRegistry(TABLE, session=boto3.session.Session())
    (latest, *_) = registry.status(CUSTOMER)
    assert (latest.action, latest.channel) == (Action.OPT_OUT, CHANNEL), "status: still on the AWS list"
    (refusal,) = [h for h in registry.history(CUSTOMER) if h.get("Operation") == "DeleteOptedOutNumber"]
    assert refusal["AwsAnswer"] == "DeleteOptedOutNumber refused (Default: ValidationException)"
    removed_at = ConsentStates(TABLE, dynamodb).list_removals(CUSTOMER)["Default"]
    retry_after = datetime.fromisoformat(removed_at.replace("Z", "+00:00")) + timedelta(days=30)
    assert refusal["RetryAfter"] == event_time(retry_after), "30 days after our last removal"
    assert send({"messages": [request()]})["results"] == [{"status": "OPTED_OUT"}], "blocked without AWS"
    assert len(sms.calls("SendTextMessage")) == calls

    clock.now += timedelta(days=21)  # 31 days after the removal
    reply(start(timedelta(seconds=3), "in-3"))

    assert not on_list(sms) and len(opt_in_texts(sms)) == 2
    assert send({"messages": [request()]})["results"][0]["status"] == "SENT"


def test_a_removal_refused_for_want_of_permission_is_not_confirmed(
    reply: Handler, sms: SmsSimulator, dynamodb: Any, clock: Clock
) -> None:
    put_on_list()
    sms.fail_next("DeleteOptedOutNumber", "AccessDeniedException")

    reply(start(timedelta(seconds=1), "in-1"))

    assert opt_in_texts(sms) == []
    receipt = dynamodb.get_item(TableName=TABLE, Key={"PK": {"S": CUSTOMER}, "SK": {"S": "INBOUND#in-1"}})
    assert receipt["Item"]["Outcome"]["S"] == "ON_AWS_OPT_OUT_LIST"


def test_a_start_from_a_number_on_no_list_is_confirmed_as_before(
    reply: Handler, sms: SmsSimulator, clock: Clock
) -> None:
    reply(start(timedelta(seconds=1), "in-1"))

    assert opt_in_texts(sms) == [DEFAULT_OPT_IN_CONFIRMATION]
    assert sms.calls("DeleteOptedOutNumber") == [{"OptOutListName": "Default", "OptedOutNumber": CUSTOMER}]


def test_the_lists_are_those_of_the_governed_numbers_and_pools(sms: SmsSimulator) -> None:
    client = boto3.client("pinpoint-sms-voice-v2")
    for name in ("A", "B"):
        client.create_opt_out_list(OptOutListName=name)
    ours = next(iter(sms.state.phone_numbers.values()))
    client.update_phone_number(PhoneNumberId=ours["PhoneNumberId"], OptOutListName="A")
    other = sms.add_phone_number("+18445550199")
    client.update_phone_number(PhoneNumberId=other["PhoneNumberId"], OptOutListName="B")

    governed = OptOutListNames(client, [ours["PhoneNumberId"]])

    assert governed.names() == ("A",)
    assert governed.names(frozenset({"+18445550199"})) == ("A",), "an unknown key: every governed list"
    assert OptOutListNames(client, every_identity=True).names() == ("A", "B")


def test_an_operators_opt_in_removes_a_number_known_on_an_aws_list_or_says_when_to_retry(
    send: Handler, sms: SmsSimulator, dynamodb: Any, clock: Clock
) -> None:
    boto3.client("pinpoint-sms-voice-v2").create_opt_out_list(OptOutListName="Default")
    put_on_list()
    send({"messages": [request()]})  # learned: OPTED_OUT
    opt_in = ("opt-in", CUSTOMER, "--channel", "call-center", "--consent-reference", "CALL-1")

    code, out = cli(*opt_in)

    assert code == 0 and "removed from the AWS opt-out lists Default" in out
    assert send({"messages": [request()]})["results"][0]["status"] == "SENT"

    clock.now += timedelta(days=10)
    put_on_list()
    send({"messages": [request()]})  # learned again
    code, out = cli(*opt_in)

    removed_at = ConsentStates(TABLE, dynamodb).list_removals(CUSTOMER)["Default"]
    retry = event_time(datetime.fromisoformat(removed_at.replace("Z", "+00:00")) + timedelta(days=30))
    assert "NOT HONOURED: still on the AWS opt-out lists Default (ValidationException)" in out
    assert f"from {retry}" in out
    code, out = cli("status", CUSTOMER)
    assert retry in out and CHANNEL in out
    assert send({"messages": [request()]})["results"] == [{"status": "OPTED_OUT"}]


def test_an_operators_opt_in_of_a_number_on_no_known_list_calls_no_sms_api(
    dynamodb: Any, sms: SmsSimulator
) -> None:
    code, _ = cli("opt-in", CUSTOMER, "--channel", "web", "--consent-reference", "form-7")

    assert code == 0 and sms.calls() == []


@pytest.mark.parametrize(("body", "outcome"), [("STOP", "OPT_OUT_UNANSWERED"), ("HELP", "HELP_UNANSWERED")])
def test_an_answer_aws_refuses_as_opted_out_is_settled_not_retried(
    reply: Handler, sms: SmsSimulator, dynamodb: Any, body: str, outcome: str
) -> None:
    put_on_list()  # answers from our number cannot reach the customer

    assert reply(sns_event(body, inbound_id="in-1")) == {"outcomes": [outcome]}
    receipt = dynamodb.get_item(TableName=TABLE, Key={"PK": {"S": CUSTOMER}, "SK": {"S": "INBOUND#in-1"}})
    assert receipt["Item"]["Outcome"]["S"] == "ON_AWS_OPT_OUT_LIST"
    assert sms.inbox(CUSTOMER) == []
