"""DynamoDB requests per delivery event (by what it does) and per send with the configuration set."""

from __future__ import annotations

import json
import os
from typing import Any

from benchmarks.local_stack import OUR_NUMBER, local_stack
from sandbox.local_aws import TABLE_NAME
from sandbox.request_counter import RequestCounter
from sms_opt_out.delivery.events import BLOCKED_THRESHOLD, DeliveryEvent, DeliveryEventRecorder
from sms_opt_out.runtime import build_guarded_sender
from sms_opt_out.settings import DEFAULT_CONFIGURATION_SET_VARIABLE

SENDS = 100


def _event(event_type: str, message_id: str, customer: str) -> DeliveryEvent:
    message = {
        "eventType": event_type,
        "messageId": message_id,
        "destinationPhoneNumber": customer,
        "originationPhoneNumber": OUR_NUMBER,
        "isFinal": True,
        "eventTimestamp": 1_764_000_000_000,
    }
    return DeliveryEvent.parse(json.dumps(message))


def _per_event() -> dict[str, int]:
    counting = RequestCounter()
    recorder = DeliveryEventRecorder(TABLE_NAME, counting.client("dynamodb"))
    cases = [
        ("delivered", _event("TEXT_DELIVERED", "m-1", "+12125550001")),
        ("duplicate", _event("TEXT_DELIVERED", "m-1", "+12125550001")),
        ("invalid (suppresses)", _event("TEXT_INVALID", "m-2", "+12125550002")),
        *[
            (f"blocked, {n + 1} of {BLOCKED_THRESHOLD}", _event("TEXT_BLOCKED", f"m-b{n}", "+12125550003"))
            for n in range(BLOCKED_THRESHOLD)
        ],
    ]
    figures: dict[str, int] = {}
    for name, event in cases:
        counting.requests.clear()
        recorder.record(event)
        figures[name] = counting.count("dynamodb:")
    return figures


def _per_send(configuration_set: str | None) -> float:
    os.environ.pop(DEFAULT_CONFIGURATION_SET_VARIABLE, None)
    if configuration_set:
        os.environ[DEFAULT_CONFIGURATION_SET_VARIABLE] = configuration_set  # as the construct sets it
    counting = RequestCounter()
    sender = build_guarded_sender(counting.client)
    requests = [
        {"DestinationPhoneNumber": f"+1212556{n:04d}", "OriginationIdentity": OUR_NUMBER, "MessageBody": "Hi"}
        for n in range(SENDS)
    ]
    assert {r["status"] for r in sender.send(requests).results} == {"SENT"}
    return counting.count("dynamodb:") / SENDS


def run() -> dict[str, Any]:
    with local_stack():  # restores the environment
        boto_sms = RequestCounter().client("pinpoint-sms-voice-v2")
        boto_sms.create_configuration_set(ConfigurationSetName="delivery")
        return {
            "per_event": _per_event(),
            "per_send": {"without": _per_send(None), "with": _per_send("delivery")},
        }
