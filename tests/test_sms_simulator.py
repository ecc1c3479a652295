"""The local SMS simulator speaks the real wire protocol and checks requests against the service model."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from tests.conftest import CUSTOMER, OUR_NUMBER


def unchecked_client() -> Any:
    """A client that sends what it is given, so the simulator's own checks are what answers."""
    return boto3.client("pinpoint-sms-voice-v2", config=Config(parameter_validation=False))


def test_a_request_the_service_model_rejects_is_a_validation_exception(sms: Any) -> None:
    with pytest.raises(ClientError) as raised:
        unchecked_client().send_text_message(DestinationPhoneNumber=CUSTOMER, TimeToLive="soon")

    assert raised.value.response["Error"]["Code"] == "ValidationException"
    assert "TimeToLive" in raised.value.response["Error"]["Message"]
    assert sms.inbox(CUSTOMER) == []


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"MessageBody": "x" * 1601}, "MessageBody"),
        ({"MessageType": "URGENT"}, "MessageType"),
        ({"DestinationPhoneNumber": "+1 415 555 0123"}, "DestinationPhoneNumber"),
    ],
)
def test_a_request_breaking_the_models_lengths_patterns_or_enums_is_refused_as_aws_does(
    sms: Any, params: dict[str, Any], field: str
) -> None:
    request = {"DestinationPhoneNumber": CUSTOMER, "OriginationIdentity": OUR_NUMBER, "MessageBody": "Hi"}

    with pytest.raises(ClientError) as raised:
        boto3.client("pinpoint-sms-voice-v2").send_text_message(**(request | params))

    error = raised.value.response["Error"]
    assert (error["Code"], error["Message"].split(":")[0]) == ("ValidationException", field)
    assert sms.inbox(CUSTOMER) == []


def test_a_text_lands_in_the_recipients_inbox_from_a_known_number_only(sms: Any) -> None:
    client = boto3.client("pinpoint-sms-voice-v2")

    message_id = client.send_text_message(
        DestinationPhoneNumber=CUSTOMER, OriginationIdentity=OUR_NUMBER, MessageBody="Hi"
    )["MessageId"]
    with pytest.raises(ClientError, match="ResourceNotFoundException"):
        client.send_text_message(
            DestinationPhoneNumber=CUSTOMER, OriginationIdentity="+15550000000", MessageBody="x"
        )

    (text,) = sms.inbox(CUSTOMER)
    assert (text.message_id, text.origination, text.body) == (message_id, OUR_NUMBER, "Hi")


def test_injected_faults_answer_in_the_services_error_shape(sms: Any) -> None:
    client = boto3.client("pinpoint-sms-voice-v2", config=Config(retries={"max_attempts": 1}))
    sms.fail_next("DescribePhoneNumbers", "AccessDeniedException")

    with pytest.raises(ClientError) as raised:
        client.describe_phone_numbers()
    (number,) = client.describe_phone_numbers()["PhoneNumbers"]

    assert raised.value.response["Error"]["Code"] == "AccessDeniedException"
    assert number["PhoneNumber"] == OUR_NUMBER


def test_a_reply_needs_two_way_sms_turned_on(sms: Any) -> None:
    with pytest.raises(Exception, match="two-way SMS is off"):
        sms.receive(CUSTOMER, OUR_NUMBER, "STOP")


def test_a_text_through_a_configuration_set_publishes_its_final_event_to_its_topic(
    sms: Any, moto_server: Any
) -> None:
    sns, sqs = boto3.client("sns"), boto3.client("sqs")
    topic = sns.create_topic(Name="events")["TopicArn"]
    queue = sqs.create_queue(QueueName="events")["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    sns.subscribe(TopicArn=topic, Protocol="sqs", Endpoint=arn, Attributes={"RawMessageDelivery": "true"})
    client = boto3.client("pinpoint-sms-voice-v2")
    client.create_configuration_set(ConfigurationSetName="cs")
    client.create_event_destination(
        ConfigurationSetName="cs", EventDestinationName="d", MatchingEventTypes=["TEXT_ALL"],
        SnsDestination={"TopicArn": topic},
    )  # fmt: skip
    sms.set_delivery_outcome("+14155550199", "TEXT_CARRIER_BLOCKED")
    sent = [
        client.send_text_message(
            DestinationPhoneNumber=to,
            OriginationIdentity="+18445550100",
            MessageBody="Hi",
            ConfigurationSetName="cs",
        )["MessageId"]
        for to in ("+14155550123", "+14155550199")
    ]
    client.send_text_message(
        DestinationPhoneNumber="+14155550123", OriginationIdentity="+18445550100", MessageBody="x"
    )

    sms.wait_for_events(timeout=10)
    bodies = sqs.receive_message(QueueUrl=queue, MaxNumberOfMessages=10, WaitTimeSeconds=1)["Messages"]
    events = sorted((json.loads(m["Body"]) for m in bodies), key=lambda e: sent.index(e["messageId"]))
    assert [(e["eventType"], e["destinationPhoneNumber"], e["isFinal"]) for e in events] == [
        ("TEXT_DELIVERED", "+14155550123", True),
        ("TEXT_CARRIER_BLOCKED", "+14155550199", True),
    ], "one final event per text through the set; none for the text that named no set"
    assert {e["originationPhoneNumber"] for e in events} == {"+18445550100"}


def test_a_number_on_the_opt_out_list_is_refused_and_removed_at_most_once_in_30_days(sms: Any) -> None:
    now = [datetime(2026, 1, 1, tzinfo=UTC)]
    sms.clock = lambda: now[0]
    client = boto3.client("pinpoint-sms-voice-v2")
    client.create_opt_out_list(OptOutListName="Default")
    client.put_opted_out_number(OptOutListName="Default", OptedOutNumber="+14155550123")
    send = {
        "DestinationPhoneNumber": "+14155550123",
        "OriginationIdentity": "+18445550100",
        "MessageBody": "Hi",
    }

    with pytest.raises(ClientError) as refused:
        client.send_text_message(**send)
    assert refused.value.response["Reason"] == "DESTINATION_PHONE_NUMBER_OPTED_OUT"
    client.delete_opted_out_number(OptOutListName="Default", OptedOutNumber="+14155550123")
    client.send_text_message(**send)
    client.put_opted_out_number(OptOutListName="Default", OptedOutNumber="+14155550123")
    now[0] += timedelta(days=29, hours=23)
    with pytest.raises(ClientError, match="once every 30 days"):
        client.delete_opted_out_number(OptOutListName="Default", OptedOutNumber="+14155550123")
    now[0] += timedelta(hours=1)
    client.delete_opted_out_number(OptOutListName="Default", OptedOutNumber="+14155550123")
