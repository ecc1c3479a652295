"""The local SMS simulator speaks the real wire protocol and checks requests against the service model."""

from __future__ import annotations

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
