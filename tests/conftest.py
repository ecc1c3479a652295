"""Shared fixtures: moto for DynamoDB, the local SMS simulator, Lambda contexts and events."""

from __future__ import annotations

import json
import os
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import boto3
import pytest
from moto import mock_aws
from moto.server import ThreadedMotoServer

from sandbox.sms_simulator import SmsSimulator

ROOT = Path(__file__).parent.parent
EVENTS = Path(__file__).parent / "events"
# jsii runs the project's own Node.js 22 (from npm), also when pytest is started by hand.
os.environ["PATH"] = f"{ROOT / 'node_modules' / '.bin'}{os.pathsep}{os.environ['PATH']}"
TABLE = "SMSOptOut"
OUR_NUMBER = "+18445550100"
CUSTOMER = "+14155550123"


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
def lambda_context() -> SimpleNamespace:
    return SimpleNamespace(
        function_name="test",
        memory_limit_in_mb=256,
        invoked_function_arn="arn:aws:lambda:us-east-1:123456789012:function:test",
        aws_request_id="52fdfc07-2182-154f-163f-5f0f9a621d72",
    )


@pytest.fixture
def dynamodb() -> Iterator[Any]:
    """A moto DynamoDB with the opt-out table (PK/SK strings, as the construct creates it)."""
    with mock_aws():
        client = boto3.client("dynamodb")
        create_table(client)
        yield client


def create_table(client: Any) -> None:
    """The opt-out table as the construct creates it: PK/SK strings, on demand."""
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


class SerialMotoServer(ThreadedMotoServer):
    """A moto server on its own thread that handles one request at a time.

    DynamoDB makes each request atomic; moto's backends are not thread-safe, so a lock stands in
    for that atomicity while the clients of several threads interleave their requests.
    """

    def start(self) -> None:
        super().start()
        server = self._server
        assert server is not None
        app, lock = server.app, threading.Lock()

        def one_request_at_a_time(environ: dict[str, Any], start_response: Any) -> list[bytes]:
            with lock:
                return list(app(environ, start_response))

        server.app = one_request_at_a_time


@pytest.fixture
def dynamodb_server() -> Iterator[str]:
    """A moto server with the opt-out table, one request at a time; yields its endpoint URL."""
    server = SerialMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        url = f"http://{host}:{port}"
        reset = urllib.request.Request(f"{url}/moto-api/reset", method="POST")
        urllib.request.urlopen(reset).close()  # moto's backends outlive a server: start empty
        create_table(boto3.client("dynamodb", endpoint_url=url))
        yield url
    finally:
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
