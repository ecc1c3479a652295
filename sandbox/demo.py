"""``make demo``: a conversation with the real handlers on an embedded AWS, printed as a transcript.

``make sandbox`` (``--interactive``) lets you type as the customer or as the app instead.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import boto3

from sandbox.embedded_metrics import emf_records, totals
from sandbox.local_aws import QUIET_CONFIGURATION_SET, TABLE_NAME, LocalAws, table_definition
from sms_opt_out.metrics import REPLY_METRICS, SEND_METRICS
from sms_opt_out.outcomes import ReplyOutcome
from sms_opt_out.storage.audit_trail import AuditTrail

CUSTOMER = "+14155550123"
BATCH_SIZE = 1_000
BATCH_OPTED_OUT = 50
DEMO_MEDIA = "s3://example-corp-media/receipt-1042.png"
INVALID_NUMBER = "+14155550188"
"""A number the (simulated) carrier reports invalid: suppressed after its first text."""
AWS_LISTED_NUMBER = "+14155550177"
"""A number on the AWS opt-out list of our number (a managed opt-out carried over)."""


@dataclass
class Step:
    number: int
    title: str
    lines: list[str] = field(default_factory=list)
    outcome: dict[str, Any] = field(default_factory=dict)


class Conversation:
    """Plays the demo conversation; each step keeps what happened for the transcript and the tests."""

    def __init__(self, local: LocalAws, echo: Callable[[Step], None] = lambda step: None) -> None:
        self.local = local
        self.echo = echo
        self.steps: list[Step] = []

    def _step(self, title: str, lines: list[str], outcome: dict[str, Any]) -> Step:
        step = Step(len(self.steps) + 1, title, lines, outcome)
        self.steps.append(step)
        self.echo(step)
        return step

    def app_sends(
        self,
        body: str,
        to: str = CUSTOMER,
        origination: str | None = None,
        media_urls: list[str] | None = None,
    ) -> Step:
        """The app sends ``body`` from ``origination`` (default: our number); an MMS with ``media_urls``."""
        before = len(self.local.sms.inbox(to))
        request: dict[str, Any] = {
            "DestinationPhoneNumber": to,
            "OriginationIdentity": origination or self.local.our_number,
        }
        request |= {"MessageBody": body} | ({"MediaUrls": media_urls} if media_urls else {})
        result = self.local.send(request)
        delivered = self.local.sms.inbox(to)[before:]
        if result["status"] == "SENT":
            sender = delivered[0].origination
            line = f"→ SENT, delivered to {to} from {sender} (message {result['messageId'][:8]}…)"
        else:
            line = f"→ BLOCKED ({result['status']}): nothing was sent"
        title = f'App sends "{body}"' + (f" through pool {origination[:13]}…" if origination else "")
        title += (" as an MMS with " + ", ".join(media_urls)) if media_urls else ""
        outcome = {
            "result": result,
            "delivered": [m.body for m in delivered],
            "from": [m.origination for m in delivered],
            "media": [list(m.media_urls) for m in delivered],
        }
        return self._step(title, [line], outcome)

    def app_sends_rcs(self, body: str, to: str = CUSTOMER) -> Step:
        """The app sends a rich RCS message (``SendRcsMessage``) from the sandbox's RCS agent."""
        before = len(self.local.sms.inbox(to))
        request = {
            "DestinationPhoneNumber": to,
            "OriginationIdentity": self.local.agent_id,
            "RcsMessageContent": {
                "Content": {"TextMessage": {"Body": body}},
                "Suggestions": [{"Reply": {"Text": "Track it", "PostbackData": "track-1042"}}],
            },
        }
        result = self.local.send(request)
        delivered = self.local.sms.inbox(to)[before:]
        if result["status"] == "SENT":
            agent, message = delivered[0].origination[:12], result["messageId"][:8]
            line = f"→ SENT over RCS from agent {agent}… (message {message}…)"
        else:
            line = f"→ BLOCKED ({result['status']}): nothing sent; under scope ALL a STOP by SMS governs RCS"
        outcome = {
            "result": result,
            "delivered": [m.body for m in delivered],
            "channel": [m.channel for m in delivered],
        }
        return self._step(f'App sends the RCS message "{body}" from its agent', [line], outcome)

    def customer_replies(self, body: str, customer: str = CUSTOMER) -> Step:
        before = len(self.local.sms.inbox(customer))
        outcomes = self.local.reply(customer, body)["outcomes"]
        answers = [m.body for m in self.local.sms.inbox(customer)[before:]]
        lines = [_describe(outcomes[0])]
        if outcomes[0] in ("OPT_OUT", "OPT_IN"):
            latest = max(self._history(customer), key=lambda item: item["Timestamp"])
            lines[0] += f" (keyword {latest['Response']}, event time {latest['Timestamp']})"
        lines += [f'← "{answer}"' for answer in answers]
        return self._step(f'Customer replies "{body}"', lines, {"outcomes": outcomes, "answers": answers})

    def batch(self) -> Step:
        recipients = [f"+1212555{n:04d}" for n in range(BATCH_SIZE)]
        opted_out = recipients[:: BATCH_SIZE // BATCH_OPTED_OUT]
        for customer in opted_out:
            self.local.reply(customer, "STOP")
        self.local.counter.requests.clear()
        messages = [
            {
                "DestinationPhoneNumber": r,
                "OriginationIdentity": self.local.our_number,
                "MessageBody": "Spring sale",
                "ConfigurationSetName": QUIET_CONFIGURATION_SET,  # the app's own: no delivery events
            }
            for r in recipients
        ]
        started = time.perf_counter()
        results = self.local.send({"messages": messages})["results"]
        elapsed = time.perf_counter() - started
        counts = {
            status: sum(r["status"] == status for r in results) for status in ("SENT", "OPTED_OUT", "INVALID")
        }
        reads = {op: n for op, n in self.local.counter.requests.items() if op.startswith("dynamodb:")}
        total_reads = sum(reads.values())
        lines = [
            f"→ sent {counts['SENT']:,}, blocked {counts['OPTED_OUT']:,}, invalid {counts['INVALID']:,} "
            f"in {elapsed:.1f} s",
            f"→ DynamoDB requests: {total_reads} ({', '.join(f'{n} {op}' for op, n in reads.items())}), "
            f"{total_reads / len(messages):.3f} per message",
        ]
        title = f"App sends a batch of {BATCH_SIZE:,} messages; {len(opted_out)} recipients had replied STOP"
        outcome = {"counts": counts, "dynamodb_requests": reads, "opted_out": opted_out, "results": results}
        return self._step(title, lines, outcome)

    @staticmethod
    def _history(customer: str) -> list[dict[str, Any]]:
        return AuditTrail(TABLE_NAME, boto3.client("dynamodb")).history(customer)

    def history(self, customer: str = CUSTOMER) -> Step:
        items = sorted(self._history(customer), key=lambda item: item["Timestamp"])
        header = (
            f"{'event time':<26}{'action':<9}{'keyword':<9}{'channel':<9}{'origination':<14}inbound message"
        )
        rows = [
            f"{i['Timestamp']:<26}{i['Action']:<9}{i['Response']:<9}{i['Channel']:<9}{i['OID']:<14}"
            f"{i.get('InboundMessageId', '-')[:8]}…"
            for i in items
        ]
        return self._step(
            f"The history of {customer} in the {TABLE_NAME} table", [header, *rows], {"items": items}
        )

    def metrics(self) -> Step:
        """The totals of the metrics the handlers wrote, read from their output as CloudWatch reads it."""
        output = self.local.handler_output.getvalue()
        sums = totals(output)
        lines = [
            ", ".join(f"{name} {sums[name]:,}" for name in names) for names in (REPLY_METRICS, SEND_METRICS)
        ]
        records = len(emf_records(output))
        lines.append(f"→ {records} EMF records on standard output, one per invocation and number")
        return self._step(
            "The metrics the handlers wrote (all numbers)", lines, {"totals": dict(sums), "records": records}
        )

    def carrier_reports_invalid(self, to: str = INVALID_NUMBER) -> Step:
        """The carrier reports a number invalid: its event is recorded and the number suppressed."""
        self.local.sms.set_delivery_outcome(to, "TEXT_INVALID")
        first = self.local.send(self._request("Your code is 042017.", to))
        events = self.local.deliver_events()
        again = self.local.send(self._request("Your code is 042018.", to))
        lines = [
            f"→ {first['status']}; the carrier reports TEXT_INVALID: delivery event {events[-1]}",
            f"→ the next send: {again['status']} ({again.get('reason')}), nothing sent",
        ]
        title = f"The carrier reports {to} invalid (configuration set event destination)"
        return self._step(title, lines, {"first": first, "events": events, "again": again})

    def aws_list_opt_out(self, to: str = AWS_LISTED_NUMBER) -> Step:
        """A number on the AWS opt-out list: AWS refuses the send, and the opt-out is learned."""
        sms = boto3.client("pinpoint-sms-voice-v2")
        sms.create_opt_out_list(OptOutListName="Default")
        sms.put_opted_out_number(OptOutListName="Default", OptedOutNumber=to)
        first = self.local.send(self._request("Spring sale", to))
        calls = len(self.local.sms.calls("SendTextMessage"))
        again = self.local.send(self._request("Spring sale, last day", to))
        (learned,) = [i for i in self._history(to) if i["Channel"] == "aws-opt-out-list"]
        lines = [
            f"→ {first['status']} ({first.get('code')}): "
            f"learned as {learned['Action']} via {learned['Channel']}",
            f"→ the next send: {again['status']}, "
            f"{len(self.local.sms.calls('SendTextMessage')) - calls} calls to AWS",
        ]
        title = f"AWS refuses a send to {to}: on the number's AWS opt-out list"
        return self._step(title, lines, {"first": first, "again": again, "learned": learned})

    def _request(self, body: str, to: str) -> dict[str, Any]:
        return {
            "DestinationPhoneNumber": to,
            "OriginationIdentity": self.local.our_number,
            "MessageBody": body,
        }

    def play(self) -> list[Step]:
        self.app_sends("Your order #1042 has shipped.")
        self.customer_replies("Stop texting me")
        self.app_sends("Flash sale: 20% off today only!")
        self.customer_replies("HELP")
        self.customer_replies("START")
        self.app_sends("Your table is ready.")
        self.batch()
        self.history()
        self.app_sends("Your verification code is 042017.", origination=self.local.pool_id)
        self.app_sends("Your receipt is attached.", media_urls=[DEMO_MEDIA])
        self.metrics()
        self.carrier_reports_invalid()
        self.aws_list_opt_out()
        self.app_sends_rcs("Your order #1042 is out for delivery.")
        self.customer_replies("STOP")
        self.app_sends_rcs("Rate your delivery!")
        return self.steps


def _describe(outcome: str) -> str:
    return {
        ReplyOutcome.OPT_OUT: "→ opt-out recorded",
        ReplyOutcome.OPT_IN: "→ opt-in recorded",
        ReplyOutcome.HELP: "→ help requested",
        ReplyOutcome.UNRECOGNISED: "→ no keyword: kept 90 days for review, nothing sent",
        ReplyOutcome.AMBIGUOUS: "→ a revocation word about something else (CONTEXTUAL): "
        "kept for review, clarified once",
        ReplyOutcome.DUPLICATE: "→ a repeated delivery: nothing more done",
        ReplyOutcome.SUPERSEDED: "→ recorded; a later event already decides",
        ReplyOutcome.ALREADY_OPTED_OUT: "→ recorded; told already that they opted out, not answered again",
    }[ReplyOutcome(outcome)]


def print_step(step: Step) -> None:
    print(f"\n{step.number:>2}. {step.title}")
    for line in step.lines:
        print(f"      {line}")


def print_setup(local: LocalAws) -> None:
    keys = ", ".join(f"{k['AttributeName']} ({k['KeyType']})" for k in table_definition()["KeySchema"])
    print("SMS opt-out sandbox: the real Lambda handlers on an embedded AWS (moto) and a local SMS simulator")
    print(f"  table        {TABLE_NAME}, from the SmsOptOut construct's template: {keys}")
    print(f"  our number   {local.our_number}: two-way SMS to the inbound topic, self-managed opt-outs on")
    print(f"  customer     {CUSTOMER}")


def interactive(local: LocalAws) -> None:
    conversation = Conversation(local, print_step)
    print(
        "\nType 'c TEXT' to reply as the customer, 'a TEXT' to send as the app, 'h' for history, 'q' to quit."
    )
    for line in _typed_lines():
        command, _, text = line.strip().partition(" ")
        if command == "q":
            break
        if command == "c" and text:
            conversation.customer_replies(text)
        elif command == "a" and text:
            conversation.app_sends(text)
        elif command == "h":
            conversation.history()
        elif command:
            print("  ? 'c TEXT', 'a TEXT', 'h' or 'q'")
    conversation.metrics()


def _typed_lines() -> Iterator[str]:
    if not sys.stdin.isatty():
        yield from sys.stdin
        return
    while True:
        try:
            yield input("> ")
        except EOFError:
            return


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--interactive", action="store_true", help="type as the customer or the app")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    with LocalAws() as local:
        print_setup(local)
        if args.interactive:
            interactive(local)
        else:
            Conversation(local, print_step).play()
    print(f"\nDone in {time.perf_counter() - started:.1f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
