"""What quiet hours and frequency caps cost per send: DynamoDB requests and write units of a
promotional send under a cap, of one without a cap and of a transactional one, and the CPU time of
the window decision."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime

from benchmarks.local_stack import OUR_NUMBER, local_stack
from sandbox.request_counter import RequestCounter
from sms_opt_out.runtime import build_guarded_sender
from sms_opt_out.send.rules import SendRules

SENDS = 300
NOON_EASTERN = datetime(2026, 7, 15, 16, 0, tzinfo=UTC).timestamp()
CAPPED_STATE = "+1305555"  # Florida: a cap of 3 in 24 hours
UNCAPPED_STATE = "+1212555"  # New York: sending hours only
DECISIONS = 20_000


@dataclass(frozen=True)
class Cost:
    writes_per_send: float
    reads_per_send: float
    write_units_per_send: float
    """Each cap item is well under 1 KB: one unit per write."""


def _cost(prefix: str, message_type: str) -> Cost:
    counting = RequestCounter()
    sender = build_guarded_sender(counting.client, clock=lambda: NOON_EASTERN)
    requests = [
        {
            "DestinationPhoneNumber": f"{prefix}{n:04d}",
            "OriginationIdentity": OUR_NUMBER,
            "MessageBody": "Hi",
            "MessageType": message_type,
        }
        for n in range(SENDS)
    ]
    before = counting.count("dynamodb:PutItem")
    reads_before = counting.count("dynamodb:GetItem")
    for start in range(0, SENDS, 100):
        results = sender.send(requests[start : start + 100]).results
        assert {r["status"] for r in results} == {"SENT"}, results[:1]
    writes = counting.count("dynamodb:PutItem") - before
    reads = counting.count("dynamodb:GetItem") - reads_before
    return Cost(writes / SENDS, reads / SENDS, writes / SENDS)


def _decision_seconds() -> float:
    """CPU time of one window decision (place, zones, every rule; no cap read)."""
    rules = SendRules()
    numbers = [f"+1{area}5550100" for area in (212, 305, 214, 401, 850, 208, 999)]
    start = time.process_time()
    for n in range(DECISIONS):
        rules.verdict(numbers[n % len(numbers)], NOON_EASTERN + n)
    return (time.process_time() - start) / DECISIONS


def run() -> dict[str, object]:
    with local_stack():
        return {
            "capped promotional": _cost(CAPPED_STATE, "PROMOTIONAL"),
            "uncapped promotional": _cost(UNCAPPED_STATE, "PROMOTIONAL"),
            "transactional": _cost(CAPPED_STATE[:-1] + "4", "TRANSACTIONAL"),
            "decision": _decision_seconds(),
        }


if __name__ == "__main__":
    print(run())
