"""RCS agents as origination identities: one consent across SMS, MMS and RCS (moto and the simulator)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import boto3
import pytest

import process_reply
import send_text_message
from sandbox.sms_simulator import SmsSimulator
from sms_opt_out.errors import ConfigurationError, MalformedReplyError
from sms_opt_out.ops.origination_keys import to_origination_key
from sms_opt_out.reply.inbound import parse_sns_record
from sms_opt_out.sms.rcs import parse_rcs_agent_ids
from sms_opt_out.storage.audit_trail import AuditTrail
from tests.conftest import CUSTOMER, OUR_NUMBER, TABLE, sns_event

Handler = Callable[[Any], dict[str, Any]]
SECOND, LONE = "+18445550101", "+18445550199"
CARD = {"Content": {"TextMessage": {"Body": "Your table is ready"}}}
MEDIA = ["s3://acme-media/receipt.png"]


def id_of(sms: SmsSimulator, number: str) -> str:
    return next(d["PhoneNumberId"] for d in sms.state.phone_numbers.values() if d["PhoneNumber"] == number)


@pytest.fixture
def agent(sms: SmsSimulator) -> dict[str, Any]:
    """Given: an RCS agent in a pool with our number and a second one (SMS fallback), two-way on."""
    return sms.add_rcs_agent()


@pytest.fixture
def lone_agent(sms: SmsSimulator) -> dict[str, Any]:
    """Given: an RCS agent in no pool."""
    return sms.add_rcs_agent("lone")


@pytest.fixture
def pool(sms: SmsSimulator, agent: dict[str, Any]) -> str:
    client = boto3.client("pinpoint-sms-voice-v2")
    for number in (SECOND, LONE):
        sms.add_phone_number(number)
    pool_id = str(
        client.create_pool(OriginationIdentity=id_of(sms, OUR_NUMBER), MessageType="TRANSACTIONAL")["PoolId"]
    )
    client.associate_origination_identity(PoolId=pool_id, OriginationIdentity=id_of(sms, SECOND))
    client.associate_origination_identity(PoolId=pool_id, OriginationIdentity=agent["RcsAgentArn"])
    client.update_pool(PoolId=pool_id, TwoWayEnabled=True, TwoWayChannelArn="arn:aws:sns:us-east-1:1:t")
    return pool_id


@pytest.fixture(params=["ORIGINATION", "ALL"])
def scope(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def configured(
    dynamodb: Any,
    pool: str,
    agent: dict[str, Any],
    lone_agent: dict[str, Any],
    scope: str,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[None]:
    """The construct's environment: the pool, and the agents by ID (the lone one by ARN)."""
    monkeypatch.setenv("POOL_IDS", json.dumps([pool]))
    monkeypatch.setenv("RCS_AGENT_IDS", json.dumps([agent["RcsAgentId"], lone_agent["RcsAgentArn"]]))
    monkeypatch.setenv("OPT_OUT_SCOPE", scope)
    send_text_message.guarded_sender.cache_clear()
    process_reply.reply_processor.cache_clear()
    yield
    send_text_message.guarded_sender.cache_clear()
    process_reply.reply_processor.cache_clear()


@pytest.fixture
def send(configured: None, lambda_context: Any) -> Handler:
    return lambda event: send_text_message.handler(event, lambda_context)


@pytest.fixture
def reply(configured: None, lambda_context: Any) -> Handler:
    return lambda event: process_reply.handler(event, lambda_context)


def text(origination: str, **extra: Any) -> dict[str, Any]:
    return {
        "DestinationPhoneNumber": CUSTOMER,
        "OriginationIdentity": origination,
        "MessageBody": "Hi",
    } | extra


def rcs(origination: str) -> dict[str, Any]:
    return {"DestinationPhoneNumber": CUSTOMER, "OriginationIdentity": origination, "RcsMessageContent": CARD}


def mms(origination: str) -> dict[str, Any]:
    return {"DestinationPhoneNumber": CUSTOMER, "OriginationIdentity": origination, "MediaUrls": MEDIA}


def statuses(send: Handler, *requests: dict[str, Any]) -> list[str]:
    return [r["status"] for r in send({"messages": list(requests)})["results"]]


def every_channel(pool: str, agent: dict[str, Any]) -> list[dict[str, Any]]:
    """SMS, MMS and RCS from the pool, its number, and the agent (by ID and by ARN)."""
    return [
        text(pool),
        text(SECOND),
        mms(OUR_NUMBER),
        rcs(pool),
        rcs(agent["RcsAgentId"]),
        rcs(agent["RcsAgentArn"]),
        text(agent["RcsAgentArn"]),
    ]


def test_an_agent_is_an_origination_identity(send: Handler, sms: SmsSimulator, agent: dict[str, Any]) -> None:
    assert statuses(send, rcs(agent["RcsAgentId"]), text(agent["RcsAgentArn"])) == ["SENT", "SENT"]
    assert [(m.channel, m.origination) for m in sms.inbox(CUSTOMER)] == [("RCS", agent["RcsAgentId"])] * 2


def test_a_stop_by_sms_blocks_rcs_sms_and_mms_of_the_pool(
    send: Handler, reply: Handler, sms: SmsSimulator, pool: str, agent: dict[str, Any]
) -> None:
    reply(sns_event("STOP", our_number=SECOND))

    assert statuses(send, *every_channel(pool, agent)) == ["OPTED_OUT"] * 7
    assert sms.calls("SendRcsMessage") == [] and sms.calls("SendMediaMessage") == []


def test_a_stop_through_the_agent_blocks_sms_mms_and_rcs_and_is_answered_through_the_pool(
    send: Handler, reply: Handler, dynamodb: Any, sms: SmsSimulator, pool: str, agent: dict[str, Any]
) -> None:
    reply(sns_event("STOP", our_number=agent["RcsAgentArn"]))

    (item,) = AuditTrail(TABLE, dynamodb).history(CUSTOMER)
    assert (item["OID"], item["Channel"]) == (agent["RcsAgentId"], "RCS"), "recorded for the agent"
    (confirmation,) = sms.inbox(CUSTOMER)
    assert (confirmation.channel, confirmation.origination) == ("RCS", agent["RcsAgentId"])
    assert sms.calls("SendTextMessage")[0]["OriginationIdentity"] == pool, "through the pool: SMS as fallback"
    assert statuses(send, *every_channel(pool, agent)) == ["OPTED_OUT"] * 7


def test_the_answer_to_an_rcs_stop_falls_back_to_sms_from_the_pool(
    reply: Handler, sms: SmsSimulator, agent: dict[str, Any]
) -> None:
    sms.state.sms_only.add(CUSTOMER)

    reply(sns_event("STOP", our_number=agent["RcsAgentId"]))

    (confirmation,) = sms.inbox(CUSTOMER)
    assert (confirmation.channel, confirmation.origination) in (("SMS", OUR_NUMBER), ("SMS", SECOND))


def test_a_lone_agent_is_its_own_origination(
    send: Handler, reply: Handler, sms: SmsSimulator, scope: str, pool: str, lone_agent: dict[str, Any]
) -> None:
    reply(sns_event("STOP", our_number=LONE))

    expected = "OPTED_OUT" if scope == "ALL" else "SENT"
    assert statuses(send, rcs(lone_agent["RcsAgentId"])) == [expected]


def test_a_stop_to_a_lone_agent_blocks_it_under_both_scopes_and_the_pool_only_under_all(
    send: Handler, reply: Handler, dynamodb: Any, scope: str, pool: str, lone_agent: dict[str, Any]
) -> None:
    reply(sns_event("STOP", our_number=lone_agent["RcsAgentArn"]))

    (item,) = AuditTrail(TABLE, dynamodb).history(CUSTOMER)
    assert item["OID"] == lone_agent["RcsAgentId"]
    assert statuses(send, rcs(lone_agent["RcsAgentArn"]), text(pool)) == [
        "OPTED_OUT",
        "OPTED_OUT" if scope == "ALL" else "SENT",
    ]


def test_rcs_from_the_simulator_reaches_the_reply_function(
    reply: Handler, sms: SmsSimulator, agent: dict[str, Any]
) -> None:
    """The agent's own two-way channel (UpdateRcsAgent) carries the customer's STOP to the reply function."""
    topic = boto3.client("sns").create_topic(Name="rcs-replies")["TopicArn"]
    sqs = boto3.client("sqs")
    queue = sqs.create_queue(QueueName="rcs-replies")["QueueUrl"]
    queue_arn = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=["QueueArn"])["Attributes"][
        "QueueArn"
    ]
    boto3.client("sns").subscribe(TopicArn=topic, Protocol="sqs", Endpoint=queue_arn)
    boto3.client("pinpoint-sms-voice-v2").update_rcs_agent(
        RcsAgentId=agent["RcsAgentId"],
        TwoWayEnabled=True,
        TwoWayChannelArn=topic,
        SelfManagedOptOutsEnabled=True,
    )

    sms.receive_rcs(LONE, agent["RcsAgentArn"], "STOP")
    (received,) = sqs.receive_message(QueueUrl=queue, WaitTimeSeconds=0)["Messages"]
    message = json.loads(json.loads(received["Body"])["Message"])
    event = sns_event(message["messageBody"], customer=LONE, our_number=message["destinationNumber"])

    assert message["destinationNumber"] == agent["RcsAgentId"]  # as AWS documents: the agent's ID
    assert reply(event) == {"outcomes": ["OPT_OUT"]}
    assert [m.channel for m in sms.inbox(LONE)] == ["RCS"]


@pytest.fixture
def agent_topic(sms: SmsSimulator, agent: dict[str, Any]) -> Callable[[], dict[str, Any]]:
    """The agent's two-way channel, on a queue; returns a reader of the next notification's message."""
    sns, sqs = boto3.client("sns"), boto3.client("sqs")
    topic = sns.create_topic(Name="rcs-media")["TopicArn"]
    queue = sqs.create_queue(QueueName="rcs-media")["QueueUrl"]
    attributes = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=["QueueArn"])["Attributes"]
    sns.subscribe(TopicArn=topic, Protocol="sqs", Endpoint=attributes["QueueArn"])
    boto3.client("pinpoint-sms-voice-v2").update_rcs_agent(
        RcsAgentId=agent["RcsAgentId"], TwoWayEnabled=True, TwoWayChannelArn=topic
    )

    def next_message() -> dict[str, Any]:
        (received,) = sqs.receive_message(QueueUrl=queue, WaitTimeSeconds=0)["Messages"]
        sqs.delete_message(QueueUrl=queue, ReceiptHandle=received["ReceiptHandle"])
        return dict(json.loads(json.loads(received["Body"])["Message"]))

    return next_message


@pytest.mark.parametrize("stored", [True, False], ids=["stored", "not-stored"])
def test_a_file_sent_to_an_agent_is_kept_for_review_never_read_as_words(
    reply: Handler,
    sms: SmsSimulator,
    agent: dict[str, Any],
    agent_topic: Callable[[], dict[str, Any]],
    dynamodb: Any,
    stored: bool,
) -> None:
    """A photo named STOP.jpg is not a revocation, and may be one a person can see: it is kept for review
    with the file's type and place, and not answered."""
    sms.receive_rcs_media(LONE, agent["RcsAgentId"], "STOP.jpg", stored=stored)
    message = agent_topic()
    event = sns_event(message["messageBody"], customer=LONE, our_number=message["destinationNumber"])

    assert reply(event) == {"outcomes": ["UNRECOGNISED"]}
    assert sms.inbox(LONE) == []
    (kept,) = dynamodb.query(
        TableName=TABLE,
        KeyConditionExpression="PK = :p",
        ExpressionAttributeValues={":p": {"S": "UNRECOGNISED"}},
    )["Items"]
    assert kept["Rule"]["S"] == "rcs.media"
    assert "image/jpeg" in kept["Reason"]["S"]
    assert ("s3://rcs-media/inbound-media/rcs/" in kept["Reason"]["S"]) is stored
    assert AuditTrail(TABLE, dynamodb).history(LONE) == []


def test_a_text_to_one_of_our_numbers_that_looks_like_a_media_notification_is_read_as_words() -> None:
    """Only an agent receives files: a text to a number is its words, whatever they look like."""
    body = json.dumps({"mediaStatus": "SUCCESS", "note": "stop"})

    assert parse_sns_record(sns_event(body)["Records"][0]).media is None
    assert parse_sns_record(sns_event(body, our_number="rcs-0123")["Records"][0], agents={"rcs-0123"}).media


# Parsing ------------------------------------------------------------------------------------


def test_a_reply_to_an_unknown_agent_id_is_malformed_naming_the_field() -> None:
    record = sns_event("STOP", our_number="not-configured")["Records"][0]

    with pytest.raises(MalformedReplyError) as raised:
        parse_sns_record(record)
    assert raised.value.field == "Records[0].Sns.Message.destinationNumber"
    assert parse_sns_record(record, agents={"not-configured"}).our_number == "not-configured"


def test_agent_ids_are_configured_by_id_or_arn() -> None:
    arn = "arn:aws:sms-voice:us-east-1:123456789012:rcs-agent/rcs-0123"

    assert parse_rcs_agent_ids(json.dumps(["rcs-0123", arn, "other_1"])) == ("rcs-0123", "other_1")
    with pytest.raises(ConfigurationError) as raised:
        parse_rcs_agent_ids(json.dumps(["arn:aws:sns:us-east-1:1:t"]))
    assert raised.value.field == "RCS_AGENT_IDS"


def test_an_operator_names_an_agent_by_its_arn() -> None:
    arn = "arn:aws:sms-voice:us-east-1:123456789012:rcs-agent/rcs-0123"

    assert to_origination_key(arn, "--from") == "rcs-0123"
