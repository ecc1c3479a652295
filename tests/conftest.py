"""Shared fixtures: moto for DynamoDB, the local SMS simulator, Lambda contexts and events."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import boto3
import pytest
from moto import mock_aws

from sandbox.atomic_moto import AtomicMotoServer
from sandbox.lambda_context import LambdaContext
from sandbox.sms_simulator import SmsSimulator

ROOT = Path(__file__).parent.parent
EVENTS = Path(__file__).parent / "events"
# jsii runs the project's own Node.js 22 (from npm), also when pytest is started by hand.
os.environ["PATH"] = f"{ROOT / 'node_modules' / '.bin'}{os.pathsep}{os.environ['PATH']}"
TABLE = "SMSOptOut"
OUR_NUMBER = "+18445550100"
CUSTOMER = "+14155550123"
IN_US_SENDING_HOURS = datetime(2026, 12, 8, 20, 0, tzinfo=UTC).timestamp()
"""A Tuesday, 3 pm in New York, noon in California, 10 am in Hawaii: promotional texts may go anywhere
in the US (a clock for the sender, so a test of a PROMOTIONAL request does not depend on the hour)."""


@pytest.fixture(autouse=True)
def aws_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No real credentials or endpoints can leak into a test."""
    for name in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_DYNAMODB"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("OPT_OUT_TABLE_NAME", TABLE)
    monkeypatch.setenv("AWS_MAX_ATTEMPTS", "2")  # injected throttling fails fast


@pytest.fixture
def lambda_context() -> LambdaContext:
    """A fresh invocation with the construct's default 30 s timeout."""
    return LambdaContext(function_name="test")


def create_table(client: Any) -> None:
    """The opt-out table: PK/SK strings, as the construct creates it."""
    client.create_table(
        TableName=TABLE,
        KeySchema=[
            {"AttributeName": "PK", "KeyType": "HASH"},
            {"AttributeName": "SK", "KeyType": "RANGE"},
        ],
        AttributeDefinitions=[
            {"AttributeName": "PK", "AttributeType": "S"},
            {"AttributeName": "SK", "AttributeType": "S"},
        ],
        BillingMode="PAY_PER_REQUEST",
    )


@pytest.fixture
def dynamodb() -> Iterator[Any]:
    """A moto DynamoDB (in process) with the opt-out table."""
    with mock_aws():
        client = boto3.client("dynamodb")
        create_table(client)
        yield client


@pytest.fixture
def moto_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """A moto server for real threads (one request at a time, as DynamoDB applies each whole), with
    the opt-out table; every client made in the test reaches it through the endpoint variables."""
    server = AtomicMotoServer()
    server.start()
    for service in ("DYNAMODB", "SNS", "SQS"):
        monkeypatch.setenv(f"AWS_ENDPOINT_URL_{service}", server.endpoint_url)
    client = boto3.client("dynamodb")
    create_table(client)
    yield client
    server.stop()


@pytest.fixture
def sms(monkeypatch: pytest.MonkeyPatch) -> Iterator[SmsSimulator]:
    """The local SMS simulator with our number registered, reached through the standard endpoint variable."""
    with SmsSimulator() as simulator:
        simulator.add_phone_number(OUR_NUMBER)
        monkeypatch.setenv("AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2", simulator.endpoint_url)
        yield simulator


def load_event(name: str) -> dict[str, Any]:
    return json.loads((EVENTS / name).read_text())


def sns_event(
    body: str,
    *,
    inbound_id: str = "inbound-1",
    timestamp: str = "2025-05-01T12:00:00.000Z",
    customer: str = CUSTOMER,
    our_number: str = OUR_NUMBER,
) -> dict[str, Any]:
    """The event Lambda receives from SNS for one two-way SMS reply (from events/sns_reply.json)."""
    event = load_event("sns_reply.json")
    record = event["Records"][0]
    message = json.loads(record["Sns"]["Message"])
    message |= {
        "originationNumber": customer,
        "destinationNumber": our_number,
        "messageBody": body,
        "inboundMessageId": inbound_id,
    }
    record["Sns"]["Message"] = json.dumps(message)
    record["Sns"]["Timestamp"] = timestamp
    return event


@pytest.fixture
def latent_aws(moto_server: Any, sms: SmsSimulator) -> tuple[boto3.session.Session, SmsSimulator]:
    """A moto server (one request at a time) and the SMS simulator taking 10 ms a call."""
    sms.latency = 0.01
    return boto3.session.Session(), sms
