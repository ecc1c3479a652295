"""moto in server mode for real threads: DynamoDB requests one at a time, each atomic as on DynamoDB."""

from __future__ import annotations

import contextlib
import logging
import threading
import urllib.request
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from moto.server import ThreadedMotoServer

from sandbox.sms_simulator import SmsSimulator
from tests.conftest import OUR_NUMBER, TABLE


class SerialisedSession:
    """A boto3 session whose DynamoDB calls hold one lock from request to answer (moto is not atomic)."""

    def __init__(self) -> None:
        self.session = boto3.session.Session()
        self._lock = threading.Lock()
        self.calls: dict[str, int] = {}
        self.session.events.register("before-call.dynamodb.*", self._enter)
        self.session.events.register("after-call.dynamodb.*", self._leave)
        self.session.events.register("after-call-error.dynamodb.*", self._leave)
        self.session.events.register("before-call.*.*", self._count)

    def _enter(self, **_: Any) -> None:
        self._lock.acquire()

    def _leave(self, **_: Any) -> None:
        self._lock.release()

    def _count(self, model: Any, **_: Any) -> None:
        self.calls[model.name] = self.calls.get(model.name, 0) + 1

    def client(self, name: str, **kwargs: Any) -> Any:
        return self.session.client(name, **kwargs)


@contextlib.contextmanager
def moto_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A moto server for DynamoDB and SQS, with the opt-out table; yields its endpoint."""
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    urllib.request.urlopen(urllib.request.Request(f"{endpoint}/moto-api/reset", method="POST")).close()
    for service in ("DYNAMODB", "SQS"):
        monkeypatch.setenv(f"AWS_ENDPOINT_URL_{service}", endpoint)
    boto3.client("dynamodb").create_table(
        TableName=TABLE,
        KeySchema=[{"AttributeName": "PK", "KeyType": "HASH"}, {"AttributeName": "SK", "KeyType": "RANGE"}],
        AttributeDefinitions=[
            {"AttributeName": "PK", "AttributeType": "S"},
            {"AttributeName": "SK", "AttributeType": "S"},
        ],
        BillingMode="PAY_PER_REQUEST",
    )
    try:
        yield endpoint
    finally:
        server.stop()


@contextlib.contextmanager
def simulator(monkeypatch: pytest.MonkeyPatch, latency: float = 0.0) -> Iterator[SmsSimulator]:
    with SmsSimulator(latency=latency) as sms:
        sms.add_phone_number(OUR_NUMBER)
        monkeypatch.setenv("AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2", sms.endpoint_url)
        yield sms
