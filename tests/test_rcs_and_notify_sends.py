"""SendRcsMessage and SendNotifyTextMessage through the guarded sender, against moto and the simulator."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

import send_text_message
from sandbox.embedded_metrics import datapoints, emf_records
from sandbox.sms_simulator import SmsSimulator
from sms_opt_out.domain.phone_numbers import ALL_NUMBERS
from sms_opt_out.domain.preferences import Action, PreferenceEvent
from sms_opt_out.sms.origination import Originations
from sms_opt_out.storage.consent_writes import ConsentWrites
from tests.conftest import CUSTOMER, OUR_NUMBER, TABLE

Handler = Callable[[Any], dict[str, Any]]
SECOND, LONE = "+18445550101", "+18445550199"
CARD = {"Content": {"TextMessage": {"Body": "Your table is ready"}}}


def id_of(sms: SmsSimulator, number: str) -> str:
    return next(d["PhoneNumberId"] for d in sms.state.phone_numbers.values() if d["PhoneNumber"] == number)


@pytest.fixture
def agent(sms: SmsSimulator) -> dict[str, Any]:
    return sms.add_rcs_agent()


@pytest.fixture
def pool(sms: SmsSimulator, agent: dict[str, Any]) -> str:
    """Given: a pool of our number, a second number and an RCS agent (SMS as its fallback)."""
    client = boto3.client("pinpoint-sms-voice-v2")
    for number in (SECOND, LONE):
        sms.add_phone_number(number)
    pool_id = str(
        client.create_pool(OriginationIdentity=id_of(sms, OUR_NUMBER), MessageType="TRANSACTIONAL")["PoolId"]
    )
    client.associate_origination_identity(PoolId=pool_id, OriginationIdentity=id_of(sms, SECOND))
    client.associate_origination_identity(PoolId=pool_id, OriginationIdentity=agent["RcsAgentId"])
    return pool_id


@pytest.fixture
def notify(sms: SmsSimulator, pool: str) -> dict[str, Any]:
    """Given: a Notify configuration sending through the pool."""
    return sms.add_notify_configuration(pool)


def sender(monkeypatch: pytest.MonkeyPatch, lambda_context: Any, pool: str, scope: str) -> Handler:
    monkeypatch.setenv("POOL_IDS", json.dumps([pool]))
    monkeypatch.setenv("OPT_OUT_SCOPE", scope)
    send_text_message.guarded_sender.cache_clear()
    return lambda event: send_text_message.handler(event, lambda_context)


@pytest.fixture
def send(dynamodb: Any, pool: str, lambda_context: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Handler]:
    """The sender under scope ORIGINATION, where pools and lone numbers differ."""
    yield sender(monkeypatch, lambda_context, pool, "ORIGINATION")
    send_text_message.guarded_sender.cache_clear()


def record(dynamodb: Any, origination: str, action: Action = Action.OPT_OUT) -> None:
    at = "2025-05-01T12:00:00.000Z"
    event = PreferenceEvent(CUSTOMER, origination, at, action, action.value, "web", f"{origination}{action}")
    ConsentWrites(TABLE, dynamodb).apply(event)


def rcs(origination: str, **extra: Any) -> dict[str, Any]:
    return {
        "DestinationPhoneNumber": CUSTOMER,
        "OriginationIdentity": origination,
        "RcsMessageContent": CARD,
    } | extra


def code(configuration: str, **extra: Any) -> dict[str, Any]:
    return {
        "DestinationPhoneNumber": CUSTOMER,
        "NotifyConfigurationId": configuration,
        "TemplateVariables": {"code": "123456"},
    } | extra


# SendRcsMessage ------------------------------------------------------------------------------


def test_an_rcs_request_goes_through_send_rcs_message(send: Handler, sms: SmsSimulator, pool: str) -> None:
    result = send(rcs(pool))

    assert result["status"] == "SENT"
    (delivered,) = sms.inbox(CUSTOMER)
    assert (delivered.channel, delivered.body, delivered.message_id) == (
        "RCS",
        "Your table is ready",
        result["messageId"],
    )
    assert sms.calls("SendTextMessage") == []


def test_an_rcs_send_through_a_pool_is_blocked_by_an_opt_out_to_a_number_of_the_pool(
    send: Handler, dynamodb: Any, sms: SmsSimulator, pool: str
) -> None:
    record(dynamodb, SECOND)

    assert send(rcs(pool))["status"] == "OPTED_OUT"
    assert sms.calls("SendRcsMessage") == []


def test_an_rcs_request_is_checked_against_send_rcs_message_parameters(send: Handler, pool: str) -> None:
    results = send(
        {
            "messages": [
                rcs(pool, MediaUrls=["s3://acme-media/a.png"]),
                rcs(pool, TimeToLive=172801),
                rcs(pool, RcsMessageContent={"Suggestions": []}),
            ]
        }
    )["results"]

    assert [r["status"] for r in results] == ["INVALID"] * 3
    assert results[0]["error"].startswith("MediaUrls: not a SendRcsMessage parameter")
    assert results[1]["error"].startswith("TimeToLive: 172801 is more than 172800")
    assert "Content" in results[2]["error"]


def test_rcs_from_the_send_queue_is_sent_once_per_key(send: Handler, sms: SmsSimulator, pool: str) -> None:
    body = json.dumps(rcs(pool, IdempotencyKey="table-ready-1"))
    event = {
        "Records": [
            {"eventSource": "aws:sqs", "messageId": "m-1", "body": body},
            {"eventSource": "aws:sqs", "messageId": "m-2", "body": body},
        ]
    }

    assert send(event) == {"batchItemFailures": []}
    assert send(event) == {"batchItemFailures": []}
    assert [m.channel for m in sms.inbox(CUSTOMER)] == ["RCS"]


# SendNotifyTextMessage ------------------------------------------------------------------------


def test_a_notify_request_goes_through_send_notify_text_message(
    send: Handler, sms: SmsSimulator, notify: dict[str, Any]
) -> None:
    result = send(code(notify["NotifyConfigurationId"]))

    assert result["status"] == "SENT"
    (delivered,) = sms.inbox(CUSTOMER)
    assert delivered.channel == "NOTIFY" and delivered.origination in (OUR_NUMBER, SECOND)
    (call,) = sms.calls("SendNotifyTextMessage")
    assert call["TemplateVariables"] == {"code": "123456"}


def test_a_notify_send_is_governed_by_its_configurations_pool_and_by_all_numbers(
    send: Handler, dynamodb: Any, sms: SmsSimulator, notify: dict[str, Any]
) -> None:
    configuration = notify["NotifyConfigurationArn"]
    record(dynamodb, LONE)  # a number outside the pool: under ORIGINATION it does not govern

    assert send(code(configuration))["status"] == "SENT"

    record(dynamodb, SECOND)  # a number of the configuration's pool
    assert send(code(configuration))["status"] == "OPTED_OUT"
    assert len(sms.calls("SendNotifyTextMessage")) == 1


def test_a_notify_configuration_without_a_pool_is_governed_by_all_numbers_only(
    send: Handler, dynamodb: Any, sms: SmsSimulator
) -> None:
    configuration = sms.add_notify_configuration(None, name="no-pool")["NotifyConfigurationId"]
    record(dynamodb, OUR_NUMBER)

    assert send(code(configuration))["status"] == "SENT"

    record(dynamodb, ALL_NUMBERS)
    assert send(code(configuration))["status"] == "OPTED_OUT"


def test_an_unknown_or_malformed_notify_request_is_invalid_naming_the_field(
    send: Handler, notify: dict[str, Any]
) -> None:
    configuration = notify["NotifyConfigurationId"]
    without_variables = code(configuration)
    del without_variables["TemplateVariables"]

    results = send(
        {
            "messages": [
                code("nc-unknown"),
                without_variables,
                code(configuration, OriginationIdentity=OUR_NUMBER),
                code(configuration, TimeToLive=4),
            ]
        }
    )["results"]

    assert [r["status"] for r in results] == ["INVALID"] * 4
    assert results[0]["error"] == "NotifyConfigurationId: no Notify configuration has this ID or ARN"
    assert "TemplateVariables" in results[1]["error"]
    assert results[2]["error"].startswith("OriginationIdentity: not a SendNotifyTextMessage parameter")
    assert results[3]["error"].startswith("TimeToLive:") and "min value: 5" in results[3]["error"]


def test_a_configuration_is_described_once_per_container(
    send: Handler, sms: SmsSimulator, notify: dict[str, Any]
) -> None:
    configuration = notify["NotifyConfigurationId"]

    results = send({"messages": [code(configuration), code(notify["NotifyConfigurationArn"])]})["results"]
    send(code(configuration))

    assert [r["status"] for r in results] == ["SENT", "SENT"]
    assert len(sms.calls("DescribeNotifyConfigurations")) == 1


def test_a_notify_configuration_is_one_pace_under_its_id_and_its_arn(
    sms: SmsSimulator, notify: dict[str, Any]
) -> None:
    originations = Originations(boto3.client("pinpoint-sms-voice-v2"))

    by_arn = originations.resolve_notify(notify["NotifyConfigurationArn"])

    assert by_arn.key == notify["NotifyConfigurationId"]
    assert originations.names(notify["NotifyConfigurationArn"])[0] == notify["NotifyConfigurationId"]
    assert by_arn.state_key == sms.state.notify_configurations[by_arn.key]["PoolId"]


def test_a_throttled_notify_send_is_retried_and_counted_under_its_configuration(
    send: Handler, sms: SmsSimulator, notify: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    configuration = notify["NotifyConfigurationId"]
    sms.fail_next("SendNotifyTextMessage", "ThrottlingException", status=429)
    send_text_message.send_metrics.cache_clear()

    result = send({"messages": [code(configuration), rcs(notify["PoolId"])]})["results"]

    assert [r["status"] for r in result] == ["SENT", "SENT"]
    sums: Counter[str] = Counter()
    for point in datapoints(emf_records(capsys.readouterr().out)):
        if point.dimensions == (("OriginationIdentity", configuration),):
            sums[point.name] += int(point.value)
    assert (sums["MessagesSent"], sums["Throttles"]) == (1, 1)


def test_a_throttled_configuration_lookup_is_retried_and_a_refused_one_fails_that_request_alone(
    send: Handler, sms: SmsSimulator, notify: dict[str, Any], pool: str
) -> None:
    sms.fail_next("DescribeNotifyConfigurations", "ThrottlingException", times=2)

    assert send(code(notify["NotifyConfigurationId"]))["status"] == "SENT"

    other = sms.add_notify_configuration(pool, name="other")["NotifyConfigurationId"]
    sms.fail_next("DescribeNotifyConfigurations", "AccessDeniedException")
    results = send({"messages": [code(other), rcs(pool)]})["results"]

    assert [r["status"] for r in results] == ["FAILED", "SENT"]
    assert results[0]["code"] == "AccessDeniedException"
    assert len(sms.calls("SendNotifyTextMessage")) == 1, "the refused lookup sent nothing"


def test_an_rcs_message_of_two_kinds_is_invalid_here_and_refused_by_the_simulator(
    send: Handler, sms: SmsSimulator, pool: str
) -> None:
    two_kinds = {
        "Content": {"TextMessage": {"Body": "a"}, "FileMessage": {"FileUrl": "https://example.com/a.png"}}
    }

    (result,) = send({"messages": [rcs(pool, RcsMessageContent=two_kinds)]})["results"]

    assert result["status"] == "INVALID" and result["error"].startswith("RcsMessageContent")
    unchecked = boto3.client("pinpoint-sms-voice-v2", config=Config(parameter_validation=False))
    with pytest.raises(ClientError) as raised:
        unchecked.send_rcs_message(
            DestinationPhoneNumber=CUSTOMER, OriginationIdentity=pool, RcsMessageContent=two_kinds
        )
    assert raised.value.response["Error"]["Code"] == "ValidationException"
    (agent,) = unchecked.describe_rcs_agents()["RcsAgents"]
    assert agent["PoolId"] == pool


def test_a_batch_through_one_configuration_looks_it_up_once(
    send: Handler, sms: SmsSimulator, notify: dict[str, Any]
) -> None:
    configuration = notify["NotifyConfigurationId"]
    requests = [code(configuration, DestinationPhoneNumber=f"+1415555{n:04d}") for n in range(12)]

    results = send({"messages": requests})["results"]

    assert [r["status"] for r in results] == ["SENT"] * 12
    assert len(sms.calls("DescribeNotifyConfigurations")) == 1
