"""Handler CPU time per message in batch mode, against in-process fakes (no network)."""

from __future__ import annotations

import io
import os
import statistics
import time
from collections.abc import Mapping
from contextlib import redirect_stdout
from types import SimpleNamespace
from typing import Any

import botocore.session

import send_text_message
from sms_opt_out.domain.preferences import Action, PreferenceEvent
from sms_opt_out.send.service import GuardedSender
from sms_opt_out.sms.gateway import SmsGateway
from sms_opt_out.sms.origination import Originations
from sms_opt_out.storage.idempotency import IdempotencyKeys
from sms_opt_out.storage.opt_out_store import OptOutStore

OUR_NUMBER = "+18445550100"
BATCH = 1_000
RUNS = 20


class FakeDynamoDB:
    """BatchGetItem over an in-memory table of state items."""

    def __init__(self, items: Mapping[str, dict[str, Any]]) -> None:
        self._items = items

    def batch_get_item(self, RequestItems: dict[str, Any]) -> dict[str, Any]:
        ((table, request),) = RequestItems.items()
        found = [self._items[k["PK"]["S"]] for k in request["Keys"] if k["PK"]["S"] in self._items]
        return {"Responses": {table: found}, "UnprocessedKeys": {}}


class FakeSms:
    """SendTextMessage that answers at once, with the real service model for validation."""

    def __init__(self) -> None:
        model = botocore.session.get_session().get_service_model("pinpoint-sms-voice-v2")
        self.meta = SimpleNamespace(service_model=model)
        self.sent = 0

    def send_text_message(self, **params: Any) -> dict[str, Any]:
        self.sent += 1
        return {"MessageId": f"m-{self.sent}"}


def _state_item(customer: str) -> dict[str, Any]:
    event = PreferenceEvent(
        customer, OUR_NUMBER, "2025-01-01T00:00:00.000Z", Action.OPT_OUT, "STOP", "SMS", "e"
    )
    entry = {k: {"S": v} for k, v in event.state_entry().items()}
    return {"PK": {"S": customer}, "SK": {"S": "STATE"}, OUR_NUMBER: {"M": entry}}


def run(batch: int = BATCH, runs: int = RUNS) -> float:
    """Median CPU seconds per message for the handler on a batch (every tenth recipient opted out).

    The handler's metric records are included, written to memory.
    """
    recipients = [f"+1212555{n:04d}" for n in range(batch)]
    items = {r: _state_item(r) for r in recipients[::10]}
    sms = FakeSms()
    store = OptOutStore.of("SMSOptOut", FakeDynamoDB(items))
    sender = GuardedSender(store, SmsGateway(sms), Originations(sms), IdempotencyKeys("SMSOptOut", None))
    return handler_cpu_per_message(sender, recipients, runs)


def handler_cpu_per_message(sender: GuardedSender, recipients: list[str], runs: int) -> float:
    """Median CPU seconds per message of the real send handler, on ``sender``, for a batch to
    ``recipients`` (its metric records written to memory, as Lambda takes them from stdout)."""
    event = {
        "messages": [
            {"DestinationPhoneNumber": r, "OriginationIdentity": OUR_NUMBER, "MessageBody": "Spring sale"}
            for r in recipients
        ]
    }
    original = send_text_message.guarded_sender
    send_text_message.guarded_sender = lambda: sender  # type: ignore[assignment]  # the real handler, on fakes
    os.environ.setdefault("OPT_OUT_TABLE_NAME", "SMSOptOut")  # the metrics read the function's settings
    send_text_message.send_metrics.cache_clear()
    try:
        samples = []
        for _ in range(runs):
            started = time.process_time()
            with redirect_stdout(io.StringIO()):
                send_text_message.handler(event, None)
            samples.append((time.process_time() - started) / len(recipients))
    finally:
        send_text_message.guarded_sender = original
    return statistics.median(samples)
