"""DynamoDB requests and capacity per message (ours against the sample's one Query per message),
and requests per reply."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import Any

import boto3

from benchmarks.local_stack import OUR_NUMBER, local_stack
from benchmarks.measure import read_units
from sandbox.local_aws import TABLE_NAME
from sandbox.request_counter import RequestCounter
from sms_opt_out.domain.languages import ENGLISH, LANGUAGES
from sms_opt_out.domain.leases import Lease
from sms_opt_out.domain.preferences import Action, PreferenceEvent
from sms_opt_out.reply.inbound import InboundReply
from sms_opt_out.reply.service import ReplyProcessor
from sms_opt_out.runtime import build_guarded_sender, build_reply_processor
from sms_opt_out.storage.opt_out_store import OptOutStore

RECIPIENTS = 1_000
OPTED_OUT_EVERY = 10
SINGLE_SENDS = 100
SAMPLE_OPT_OUT_KEYWORDS = LANGUAGES[ENGLISH].keywords.opt_out_keywords
HISTORY = (
    ("2025-01-01", Action.OPT_OUT, "STOP"),
    ("2025-02-01", Action.OPT_IN, "START"),
    ("2025-03-01", Action.OPT_OUT, "STOP"),
)


@dataclass(frozen=True)
class Cost:
    requests_per_message: float
    read_units_per_message: float


def _recipients() -> list[str]:
    return [f"+1212555{n:04d}" for n in range(RECIPIENTS)]


def _seed(client: Any) -> None:
    """Every tenth recipient has opted out, in, and out again: three history items each."""
    store = OptOutStore.of(TABLE_NAME, client)
    for customer in _recipients()[::OPTED_OUT_EVERY]:
        for day, action, keyword in HISTORY:
            at = f"{day}T00:00:00.000Z"
            store.writes.record(
                PreferenceEvent(customer, OUR_NUMBER, at, action, keyword, "SMS", f"{customer}{day}")
            )


def _ours(client: Any, batches: list[list[str]]) -> Cost:
    """The guarded sender, one invocation per batch; capacity from the state items it reads."""
    counting = RequestCounter()
    sender = build_guarded_sender(counting.client)
    opted_out = set(_recipients()[::OPTED_OUT_EVERY])
    units = 0.0
    for batch in batches:
        requests = [
            {"DestinationPhoneNumber": r, "OriginationIdentity": OUR_NUMBER, "MessageBody": "Hi"}
            for r in batch
        ]
        results = sender.send(requests).results
        assert [r["status"] == "OPTED_OUT" for r in results] == [r in opted_out for r in batch]
        for start in range(0, len(batch), 100):
            keys = [{"PK": {"S": r}, "SK": {"S": "STATE"}} for r in batch[start : start + 100]]
            found = client.batch_get_item(RequestItems={TABLE_NAME: {"Keys": keys}})["Responses"][TABLE_NAME]
            # A key with no item still costs one unit.
            units += read_units(found, consistent=True, per_item=True) + len(keys) - len(found)
    messages = sum(len(b) for b in batches)
    return Cost(counting.count("dynamodb:") / messages, units / messages)


def _sample(client: Any, batch: list[str]) -> tuple[Cost, Cost]:
    """The sample's strategy: Query PK = number AND begins_with(SK, OID) for every message."""
    requests, eventual, strong = 0, 0.0, 0.0
    for number in batch:
        items = client.query(
            TableName=TABLE_NAME,
            KeyConditionExpression="PK = :n AND begins_with(SK, :oid)",
            ExpressionAttributeValues={":n": {"S": number}, ":oid": {"S": OUR_NUMBER}},
        )["Items"]
        requests += 1
        latest = max(items, key=lambda i: i["SK"]["S"], default=None)
        _blocked = latest is not None and latest["Response"]["S"] in SAMPLE_OPT_OUT_KEYWORDS
        eventual += read_units(items, consistent=False, per_item=False)
        strong += read_units(items, consistent=True, per_item=False)
    return Cost(requests / len(batch), eventual / len(batch)), Cost(
        requests / len(batch), strong / len(batch)
    )


def _reply_requests(client: Any) -> dict[str, dict[str, int]]:
    """As deployed: with the confirmation queue, and the number's rate known (shared through ``RATE#``
    leases); no other container sends from it, so each confirmation goes out at once."""
    os.environ["CONFIRMATION_QUEUE_URL"] = boto3.client("sqs").create_queue(QueueName="confirmations")[
        "QueueUrl"
    ]
    os.environ["MESSAGES_PER_SECOND"] = json.dumps({"*": 3})
    counting = RequestCounter()
    processor: ReplyProcessor = build_reply_processor(counting.client)
    cases = {
        "opt-out": ("STOP", "in-1", "12:00"),
        "duplicate delivery": ("STOP", "in-1", "12:00"),
        "repeated STOP (already opted out)": ("STOP", "in-3", "12:05"),
        "HELP": ("HELP", "in-4", "12:07"),
        "unrecognised message (kept for review)": ("What time do you open?", "in-2", "12:10"),
    }
    figures = {}
    for name, (body, inbound_id, at) in cases.items():
        counting.requests.clear()
        processor.process(
            InboundReply("+13105550100", OUR_NUMBER, body, inbound_id, f"2025-05-01T{at}:00.000Z"),
            Lease.for_invocation("benchmark", remaining_ms=30_000),
        )
        figures[name] = {
            "dynamodb": counting.count("dynamodb:"),
            "sms": counting.count("pinpoint-sms-voice-v2:"),
        }
    return figures


def run() -> dict[str, Any]:
    with local_stack() as (client, _sms):
        _seed(client)
        recipients = _recipients()
        singles = recipients[:SINGLE_SENDS]
        return {
            "single": {"ours": _ours(client, [[r] for r in singles]), "sample": _sample(client, singles)},
            "batch": {"ours": _ours(client, [recipients]), "sample": _sample(client, recipients)},
            "replies": _reply_requests(client),
        }
