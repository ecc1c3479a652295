"""CPU per send, and the sends per second one send container makes at a function's memory (issue 25).

The whole send function's CPU per text: the real handler and sender, with the SMS client the function
makes (``runtime._clients``: the shipped model, one attempt, botocore's parameter validation off since
the gateway checks every request first) sending to the SMS simulator in a process of its own at no
latency, and consent read from an in-process fake of DynamoDB (one BatchGetItem per 100 texts; no
recipient opted out, so every text is a send); 32 threads, as the function runs them. Beside it,
botocore's share alone: one ``SendTextMessage`` on one thread, with that client and with a default
boto3 client. The SMS API is HTTP here, HTTPS in AWS: TLS adds its encryption of a few hundred bytes
a call.

``python -m benchmarks.send_cpu`` prints the figures.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from typing import Any

import boto3

from benchmarks.cpu_time import FakeDynamoDB, handler_cpu_per_message
from benchmarks.local_stack import ENVIRONMENT, OUR_NUMBER
from benchmarks.remote_simulator import remote_simulator
from sms_opt_out import runtime
from sms_opt_out.send.service import GuardedSender
from sms_opt_out.settings import Settings
from sms_opt_out.sms.gateway import SmsGateway
from sms_opt_out.sms.origination import Originations
from sms_opt_out.storage.idempotency import IdempotencyKeys
from sms_opt_out.storage.opt_out_store import OptOutStore

BATCH = 1_000
RUNS = 5
CALLS = 300


@dataclass(frozen=True)
class SendCpu:
    handler: float
    """CPU seconds per text of the whole send function (handler, sender, botocore), 32 threads."""
    botocore: float
    """CPU seconds per SendTextMessage call of the function's SMS client, one thread."""
    botocore_default: float
    """The same with a default boto3 client (parameter validation on, standard retries)."""


def _functions_sms_client() -> Any:
    settings = Settings.from_environ(replies=False)
    _, sms = runtime._clients(settings, runtime._default_factory())
    return sms


def _per_call(client: Any, calls: int = CALLS) -> float:
    params = {
        "DestinationPhoneNumber": "+12125550100",
        "OriginationIdentity": OUR_NUMBER,
        "MessageBody": "Hi",
    }
    client.send_text_message(**params)  # its connection made and its first-call caches filled
    started = time.process_time()
    for _ in range(calls):
        client.send_text_message(**params)
    return (time.process_time() - started) / calls


def _handler_per_send(client: Any, batch: int, runs: int) -> float:
    recipients = [f"+1212555{n:04d}" for n in range(batch)]
    store = OptOutStore.of("SMSOptOut", FakeDynamoDB({}))  # none opted out: every text is a send
    sender = GuardedSender(
        store, SmsGateway(client), Originations(client), IdempotencyKeys("SMSOptOut", None)
    )
    return handler_cpu_per_message(sender, recipients, runs)


def run(batch: int = BATCH, runs: int = RUNS) -> SendCpu:
    with remote_simulator(0.0, {OUR_NUMBER: None}) as (endpoint, pipe):
        saved = dict(os.environ)
        os.environ.update(ENVIRONMENT | {"AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2": endpoint})
        try:
            functions = _functions_sms_client()
            figures = SendCpu(
                handler=_handler_per_send(functions, batch, runs),
                botocore=_per_call(functions),
                botocore_default=_per_call(boto3.client("pinpoint-sms-voice-v2")),
            )
        finally:
            os.environ.clear()
            os.environ.update(saved)
        pipe.send("report")
        pipe.recv()
    return figures


if __name__ == "__main__":
    found = run()
    print(
        f"handler {found.handler * 1e3:.3f} ms/send; botocore {found.botocore * 1e3:.3f} ms/call "
        f"(default client {found.botocore_default * 1e3:.3f} ms)"
    )
