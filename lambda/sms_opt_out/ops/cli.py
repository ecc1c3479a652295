"""``sms-opt-out``: the operator CLI over the Python API (status, history, other channels, migration)."""

from __future__ import annotations

import argparse
import csv
import functools
import importlib.metadata
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any, TextIO

import boto3
from botocore.exceptions import BotoCoreError, ClientError, NoCredentialsError, NoRegionError

from sms_opt_out.contract import FREQUENCY_CAPS_VARIABLE, QUIET_HOURS_VARIABLE, TABLE_NAME_VARIABLE
from sms_opt_out.domain.intents import RevocationPolicy
from sms_opt_out.domain.keywords import explain
from sms_opt_out.domain.phone_numbers import ALL_NUMBERS, to_e164
from sms_opt_out.domain.preferences import Scope, event_time
from sms_opt_out.domain.send_windows import parse_caps, parse_quiet_hours
from sms_opt_out.errors import InvalidFieldError, SmsOptOutError
from sms_opt_out.ops.dead_letters import (
    LIST_VISIBILITY_SECONDS,
    DeadLetter,
    DeadLetterQueue,
    Function,
    FunctionInvoker,
    replay,
)
from sms_opt_out.ops.deployed_stack import DeployedOptOut
from sms_opt_out.ops.migration import (
    ImportReport,
    OptOutImporter,
    export_to_opt_out_list,
    numbers_to_hand_back,
    open_csv,
    opted_out_numbers,
    read_csv,
    read_opt_out_list,
    write_csv,
)
from sms_opt_out.ops.origination_keys import to_origination_key
from sms_opt_out.ops.registry import OptOutRegistry, RecordedEvent
from sms_opt_out.send.rules import SendRules, SendRulesSettings, Verdict, iso
from sms_opt_out.storage.frequency_caps import FrequencyCaps

HISTORY_COLUMNS = (
    "Timestamp",
    "Action",
    "Response",
    "Channel",
    "OID",
    "InboundMessageId",
    "Reference",
    "Source",
    "MatchedBy",
    "Language",
    "Rule",
    "Policy",
    "Reason",
    "ReplyText",
    "RecordedAt",
    "ConfirmedAt",
)
HISTORY_HEADERS = (
    "time",
    "action",
    "keyword",
    "channel",
    "origination",
    "inbound message id",
    "reference",
    "source",
    "matched by",
    "language",
    "rule",
    "policy",
    "reason",
    "reply text",
    "recorded at",
    "confirmed at",
)


def _global_options(parser: argparse.ArgumentParser, default: Any) -> None:
    """The options every command takes, before or after its name (``default`` SUPPRESS after it)."""
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--table", default=default, help="the opt-out table (default: $OPT_OUT_TABLE_NAME)")
    where.add_argument(
        "--stack", default=default,
        help="a deployed stack holding an SmsOptOut (an OptOutStack or your own): "
        "its table, functions and queues",
    )  # fmt: skip
    parser.add_argument("--region", default=default, help="AWS region (default: the AWS configuration's)")
    parser.add_argument("--profile", default=default, help="AWS profile (default: the AWS configuration's)")
    parser.add_argument(
        "--endpoint-url", default=default, metavar="URL",
        help="send every AWS request to this URL instead of AWS's endpoints "
        "(as the AWS CLI's --endpoint-url)",
    )  # fmt: skip
    parser.add_argument(
        "--scope", choices=[s.value for s in Scope], default=default,
        help="how an opt-out applies across our numbers, as the stack's OPT_OUT_SCOPE (default: ALL)",
    )  # fmt: skip


def _version() -> str:
    try:
        return importlib.metadata.version("sms-opt-out")
    except importlib.metadata.PackageNotFoundError:
        return "unknown (not installed)"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sms-opt-out", description=__doc__)
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    _global_options(parser, None)
    parser.set_defaults(scope=Scope.ALL.value)
    after = argparse.ArgumentParser(add_help=False)
    _global_options(after, argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, **kwargs: Any) -> argparse.ArgumentParser:
        return commands.add_parser(name, parents=[after], **kwargs)

    status = command("status", help="a number's current state for each of our numbers")
    status.add_argument("number", help="the customer's phone number (E.164, or as people write it)")
    status.add_argument(
        "--from", dest="origination",
        help="the decision for texts from this origination of ours: a number, a pool ID or ARN, or *",
    )  # fmt: skip
    status.add_argument("--json", action="store_true", help="print JSON instead of a table")
    status.set_defaults(run=_status)

    explain = command(
        "explain-send",
        help="would a promotional text to a number go now (quiet hours, caps); if not, why and when",
    )
    explain.add_argument("number", help="the customer's phone number")
    explain.add_argument(
        "--from", dest="origination", help="also check consent for texts from this number of ours"
    )
    explain.add_argument("--at", help="instead of now, ISO-8601 with a zone")
    explain.add_argument(
        "--quiet-hours", default=os.environ.get(QUIET_HOURS_VARIABLE),
        help="the sender's quiet_hours as JSON (default: $QUIET_HOURS)",
    )  # fmt: skip
    explain.add_argument(
        "--frequency-caps", default=os.environ.get(FREQUENCY_CAPS_VARIABLE),
        help="the sender's frequency_caps as JSON (default: $FREQUENCY_CAPS)",
    )  # fmt: skip
    explain.add_argument("--json", action="store_true", help="print JSON instead of sentences")
    explain.set_defaults(run=_explain_send)

    history = command("history", help="every opt-out and opt-in of a number")
    history.add_argument("number", help="the customer's phone number")
    formats = history.add_mutually_exclusive_group()
    formats.add_argument("--json", action="store_true", help="print JSON instead of a table")
    formats.add_argument("--csv", action="store_true", help="print CSV instead of a table")
    history.set_defaults(run=_history)

    replies = command("replies", help="replies kept for review")
    replies.add_argument(
        "--unrecognised",
        action="store_true",
        required=True,
        help="those no keyword rule recognised, and the AMBIGUOUS ones (kept 90 days)",
    )
    replies.add_argument("--since", help="received at or after this ISO-8601 time with a zone")
    replies.add_argument("--json", action="store_true", help="print JSON instead of a table")
    replies.set_defaults(run=_replies)

    explain = command(
        "explain",
        help="how the reply function reads each text (its default keywords and languages; no AWS access)",
    )
    explain.add_argument(
        "texts", nargs="*", metavar="TEXT", help="replies to classify (default: one per line on stdin)"
    )
    explain.add_argument(
        "--policy", type=str.upper, choices=[p.value for p in RevocationPolicy],
        default=RevocationPolicy.STRICT.value,
        help="the revocation policy, as the construct's revocation_policy (default: STRICT)",
    )  # fmt: skip
    explain.add_argument("--json", action="store_true", help="print one JSON object per text (JSON Lines)")
    explain.set_defaults(run=_explain_texts, target=lambda args: None)

    for name, run in (("opt-out", _opt_out), ("opt-in", _opt_in)):
        recording = command(name, help=f"record an {name} from another channel")
        recording.add_argument("number", help="the customer's phone number")
        recording.add_argument("--channel", required=True, help="web, call-center, email, ...")
        scope = recording.add_mutually_exclusive_group()
        scope.add_argument(
            "--from", dest="origination", help="only for this origination of ours: a number, a pool ID or ARN"
        )
        scope.add_argument("--all", action="store_true", help="for all our numbers (the default)")
        recording.add_argument("--at", help="when the customer asked, ISO-8601 with a zone (default: now)")
        if name == "opt-in":
            recording.add_argument(
                "--consent-reference", required=True, help="proof of consent, stored on the item"
            )
        else:
            recording.add_argument(
                "--reference",
                help="a ticket or case number, stored on the item; with --channel sms-review, the inbound "
                "message ID of the unrecognised reply a reviewer read as a revocation",
            )
        recording.set_defaults(run=run)

    suppressions = command(
        "suppressions", help="numbers the carriers report invalid or blocked: list them, or lift one"
    )
    suppressions.add_argument("action", choices=("list", "lift"), help="list every one, or lift NUMBER's")
    suppressions.add_argument("number", nargs="?", help="with lift: the customer's phone number")
    suppressions.add_argument("--json", action="store_true", help="print JSON instead of a table")
    suppressions.set_defaults(run=_suppressions)

    importing = command("import", help="bring existing opt-outs in (idempotent, resumable)")
    source = importing.add_mutually_exclusive_group(required=True)
    source.add_argument("file", nargs="?", help="CSV with a header: number[,origination,timestamp,source]")
    source.add_argument("--from-opt-out-list", metavar="NAME", help="an End User Messaging opt-out list")
    importing.set_defaults(run=_import)

    export = command("export", help="every number currently opted out")
    export.add_argument("--csv", metavar="FILE", help="write a CSV (the import's columns); - for stdout")
    export.add_argument(
        "--to-opt-out-list", metavar="NAME", help="PutOptedOutNumber each number on this list"
    )
    export.set_defaults(run=_export)

    dead_letters = command(
        "dead-letters", help="what waits on a dead-letter queue: list it masked, or replay it"
    )
    dead_letters.add_argument(
        "action", choices=("list", "replay"),
        help="list: each message, masked; replay: hand each to its function again, "
        "deleting those it then handles",
    )  # fmt: skip
    dead_letters.add_argument(
        "--queue", choices=list(DEAD_LETTER_QUEUES), default="replies",
        help="replies (unprocessed replies, perhaps STOPs), sends (failed sends), deliveries "
        "(unrecorded delivery events) or confirmations (recorded replies not confirmed); default: replies",
    )  # fmt: skip
    dead_letters.add_argument("--queue-url", help="the queue, instead of the --stack output")
    dead_letters.add_argument(
        "--function-name", help="the function replay invokes, instead of the --stack output"
    )
    dead_letters.set_defaults(run=_dead_letters, target=_session)
    parser.set_defaults(target=_registry)
    return parser


INVALID_ROWS_EXIT_CODE = 3
"""``import`` when any row was invalid (the valid ones are imported); 2 is argparse's usage error."""
NOT_DECIDING_EXIT_CODE = 4
"""``opt-out`` or ``opt-in`` recorded, but a later event decides instead (named on standard output)."""
DEAD_LETTER_QUEUES = {
    "replies": (Function.REPLY, "reply-dead-letter-queue"),
    "sends": (Function.SEND, "send-dead-letter-queue"),
    "deliveries": (Function.DELIVERY, "delivery-dead-letter-queue"),
    "confirmations": (Function.REPLY, "confirmation-dead-letter-queue"),
}
"""Each ``--queue``: the function that takes its messages again, and the queue's marked role."""
FUNCTIONS = {
    Function.REPLY: "reply-function",
    Function.SEND: "send-function",
    Function.DELIVERY: "delivery-function",
}
REPLAY_VISIBILITY_SECONDS = 900
"""Messages being replayed stay hidden this long (a replay of each takes up to the function's timeout)."""


class _EndpointSession(boto3.session.Session):
    """A session whose every client goes to one endpoint (``--endpoint-url``)."""

    def __init__(self, endpoint_url: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._endpoint_url = endpoint_url

    def client(self, *args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("endpoint_url", self._endpoint_url)
        return super().client(*args, **kwargs)


def _session(args: argparse.Namespace) -> boto3.session.Session:
    if args.endpoint_url and not re.match(r"https?://[^/\s]", args.endpoint_url):
        raise InvalidFieldError(
            "--endpoint-url",
            f"{args.endpoint_url!r} is not a URL with a scheme: write http:// or https:// before it "
            f"(http://{args.endpoint_url} for a local endpoint)",
        )
    if args.endpoint_url:
        return _EndpointSession(args.endpoint_url, profile_name=args.profile, region_name=args.region)
    return boto3.session.Session(profile_name=args.profile, region_name=args.region)


def _registry(args: argparse.Namespace) -> OptOutRegistry:
    session = _session(args)
    scope = Scope(args.scope)
    if args.stack:
        return OptOutRegistry.from_stack(args.stack, session=session, scope=scope)
    table = args.table or os.environ.get(TABLE_NAME_VARIABLE)
    if not table:
        raise InvalidFieldError(
            "--table", "name the table with --table or --stack (or set OPT_OUT_TABLE_NAME)"
        )
    return OptOutRegistry(table, session=session, scope=scope)


def _print_table(headers: Sequence[str], rows: Sequence[Sequence[str]], out: TextIO) -> None:
    widths = [max(len(str(v)) for v in column) for column in zip(headers, *rows, strict=True)]
    for row in (headers, *rows):
        print("  ".join(str(v).ljust(w) for v, w in zip(row, widths, strict=True)).rstrip(), file=out)


def _status(registry: OptOutRegistry, args: argparse.Namespace, out: TextIO) -> int:
    rows = registry.status(args.number)
    suppressed = registry.suppressed(args.number)
    decision = None
    origination = to_origination_key(args.origination, "--from") if args.origination else None
    if origination:
        blocked = registry.is_opted_out(args.number, origination)
        decision = "OPTED_OUT" if blocked else "SUPPRESSED" if suppressed else "CAN_SEND"
    if args.json:
        payload: dict[str, Any] = {
            "number": to_e164(args.number, "number"),
            "states": [{k: v for k, v in asdict(r).items() if v is not None} for r in rows],
        }
        if decision:
            payload |= {"from": origination, "decision": decision}
        if suppressed:
            payload["suppressed"] = suppressed
        print(json.dumps(payload, indent=2), file=out)
        return 0
    if suppressed:
        print(f"suppressed: {suppressed} (carrier reports; sms-opt-out suppressions lift NUMBER)", file=out)
    if decision:
        print(f"texts from {args.origination}: {decision} (scope {registry.scope.value})", file=out)
    if not rows:
        print("no opt-out or opt-in recorded", file=out)
        return 0
    table = [
        (
            "all numbers" if r.origination == ALL_NUMBERS else r.origination,
            r.action.value,
            r.timestamp,
            r.channel,
            r.keyword,
            r.retry_after or "-",
        )
        for r in rows
    ]
    _print_table(("origination", "state", "since", "channel", "keyword", "removal retry from"), table, out)
    return 0


def _explain_send(registry: OptOutRegistry, args: argparse.Namespace, out: TextIO) -> int:
    """Reads the number's cap record (and consent with --from); writes nothing."""
    number = to_e164(args.number, "number")
    at = datetime.fromisoformat(event_time(args.at, "--at")) if args.at else datetime.now(UTC)
    settings = SendRulesSettings(
        quiet_hours=parse_quiet_hours(args.quiet_hours, "--quiet-hours"),
        caps=parse_caps(args.frequency_caps, "--frequency-caps"),
    )
    caps = FrequencyCaps(registry.table_name, registry.session.client("dynamodb"))
    verdict = SendRules(settings, caps).verdict(number, at.timestamp())
    opted_out = registry.is_opted_out(number, args.origination) if args.origination else None
    if args.json:
        print(json.dumps(_verdict_json(verdict, opted_out), indent=2), file=out)
    else:
        for line in _verdict_lines(verdict, opted_out):
            print(line, file=out)
    return 0


def _verdict_json(verdict: Verdict, opted_out: bool | None) -> dict[str, Any]:
    goes = verdict.allowed and not opted_out
    return {
        "decision": "SEND" if goes else ("OPTED_OUT" if opted_out else verdict.reason),
        "at": iso(verdict.at),
        "notBefore": iso(verdict.not_before) if verdict.not_before else None,
        "country": verdict.region.country,
        "subdivision": verdict.region.subdivision,
        "areaCodeKnown": verdict.region.known,
        "timeZones": list(verdict.region.zones),
        "cap": verdict.cap,
        "sendsInLast24Hours": verdict.sends_in_24h,
        "optedOut": opted_out,
    }


def _verdict_lines(verdict: Verdict, opted_out: bool | None) -> list[str]:
    region = verdict.region
    where = region.place + ("" if region.known else " (unknown area code: every zone of the country)")
    lines = [f"issued in {where}, time zones {', '.join(region.zones) or 'unknown'}"]
    if verdict.cap is not None:
        lines.append(
            f"frequency cap {verdict.cap} in 24 hours; sent in the last 24 hours: {verdict.sends_in_24h}"
        )
    if opted_out:
        lines.append("no: the customer opted out of texts from this number")
    elif verdict.allowed:
        lines.append(f"yes: a promotional text may go now ({iso(verdict.at)})")
    else:
        why = {
            "SENDING_HOURS": "outside the sending hours of the law",
            "QUIET_HOURS": "inside the quiet hours set for the sender",
            "FREQUENCY_CAP": "over the frequency cap",
        }[verdict.reason or ""]
        when = iso(verdict.not_before) if verdict.not_before else "unknown"
        lines.append(f"no: {why} ({verdict.reason}); the next may go at {when}")
    return lines


def _history(registry: OptOutRegistry, args: argparse.Namespace, out: TextIO) -> int:
    items = registry.history(args.number)
    if args.json:
        print(json.dumps(items, indent=2), file=out)
    elif args.csv:
        writer = csv.writer(out)
        writer.writerow(HISTORY_HEADERS)
        writer.writerows([[item.get(c, "") for c in HISTORY_COLUMNS] for item in items])
    elif not items:
        print("no opt-out or opt-in recorded", file=out)
    else:
        rows = [[" ".join(str(item.get(c, "-")).split()) for c in HISTORY_COLUMNS] for item in items]
        _print_table(HISTORY_HEADERS, rows, out)  # a reply's line breaks read as spaces here
    return 0


def _replies(registry: OptOutRegistry, args: argparse.Namespace, out: TextIO) -> int:
    replies = registry.unrecognised_replies(args.since)
    if args.json:
        print(json.dumps([asdict(r) for r in replies], indent=2, ensure_ascii=False), file=out)
    elif not replies:
        print("no unrecognised reply kept", file=out)
    else:
        rows = [
            (
                r.timestamp,
                r.customer,
                r.our_number,
                r.inbound_message_id,
                r.intent,
                r.reason or "-",
                " ".join(r.text.split()),
            )
            for r in replies
        ]
        headers = ("time", "number", "our number", "inbound message id", "intent", "reason", "reply text")
        _print_table(headers, rows, out)
    return 0


def _explain_texts(_: None, args: argparse.Namespace, out: TextIO) -> int:
    """Classify each text as the reply function would (the construct's default keywords and languages)."""
    texts = args.texts or [line.rstrip("\r\n") for line in sys.stdin if line.strip()]
    for text in texts:
        found = explain(text, args.policy)
        if args.json:
            print(json.dumps({"text": text, **found.evidence()}, ensure_ascii=False), file=out)
        else:
            language = found.language or "-"
            print(f"{found.intent.value:<9} {language:<2}  {text}\n          {found.reason}", file=out)
    return 0


def _opt_out(registry: OptOutRegistry, args: argparse.Namespace, out: TextIO) -> int:
    event = registry.opt_out(
        args.number, channel=args.channel, origination=args.origination, at=args.at, reference=args.reference
    )
    return _recorded(event, out)


def _opt_in(registry: OptOutRegistry, args: argparse.Namespace, out: TextIO) -> int:
    event = registry.opt_in(
        args.number,
        channel=args.channel,
        consent_reference=args.consent_reference,
        origination=args.origination,
        at=args.at,
    )
    return _recorded(event, out, registry)


def _list_removal(registry: OptOutRegistry, event: RecordedEvent, out: TextIO) -> None:
    """What an opt-in did to the AWS opt-out lists, and when removal can be tried again if refused."""
    removal = registry.last_list_removal
    if removal is not None and removal.removed:
        print(f"removed from the AWS opt-out lists {', '.join(removal.removed)}", file=out)
    if removal is not None and not removal.honoured:
        refused = ", ".join(f"{name} ({code})" for name, code in sorted(removal.refused.items()))
        retry = [r.retry_after for r in registry.status(event.customer) if r.retry_after]
        print(
            f"NOT HONOURED: still on the AWS opt-out lists {refused}; AWS refuses every text to it. "
            f"Try again (sms-opt-out opt-in) from {max(retry, default='30 days after the last removal')}",
            file=out,
        )


def _recorded(event: RecordedEvent, out: TextIO, opted_in_by: OptOutRegistry | None = None) -> int:
    """What was recorded, at which time (and for an opt-in what ``opted_in_by`` did to the AWS opt-out
    lists); when a later event decides instead, that one and ``NOT_DECIDING_EXIT_CODE``."""
    action = event.action.value
    print(
        f"recorded {action} of {event.customer} for {_numbers(event.origination)} via {event.channel}",
        file=out,
    )
    if opted_in_by is not None:
        _list_removal(opted_in_by, event, out)
    if event.decides:
        return 0
    later = event.decided_by
    instead = (
        f"{later.action.value} of {later.timestamp} via {later.channel} for {_numbers(later.origination)}"
        if later is not None
        else "another event"
    )
    print(f"not in force: {instead} decides, so the sender does not do what this {action} asks", file=out)
    return NOT_DECIDING_EXIT_CODE


def _suppressions(registry: OptOutRegistry, args: argparse.Namespace, out: TextIO) -> int:
    if args.action == "lift":
        if not args.number:
            raise InvalidFieldError("number", "name the number whose suppression to lift")
        lifted = registry.lift_suppression(args.number)
        customer = to_e164(args.number, "number")
        print(f"lifted the suppression of {customer} ({lifted.reason} since {lifted.since})"
              if lifted else f"{customer} is not suppressed", file=out)  # fmt: skip
        return 0
    found = sorted(registry.suppressions(), key=lambda s: s.since)
    if args.json:
        print(json.dumps([asdict(s) for s in found], indent=2), file=out)
    elif not found:
        print("no number is suppressed", file=out)
    else:
        rows = [(s.customer, s.reason, s.since, s.event_type, s.message_id) for s in found]
        _print_table(("number", "reason", "since", "event", "message id"), rows, out)
    return 0


def _numbers(origination: str) -> str:
    return "all our numbers" if origination == ALL_NUMBERS else origination


class _ProgressBar:
    """A one-line bar on standard error, drawn only on a terminal; a count when the total is unknown."""

    WIDTH = 30

    def __init__(self, stream: TextIO, doing: str, unit: str, total: int | None = None) -> None:
        self._stream = stream
        self._doing = doing
        self._unit = unit
        self._total = total
        self._enabled = stream.isatty()

    def __call__(self, handled: int) -> None:
        if not self._enabled:
            return
        if self._total:
            done = min(handled / self._total, 1.0)
            bar = "#" * round(done * self.WIDTH)
            self._stream.write(
                f"\r{self._doing} [{bar:<{self.WIDTH}}] {done:4.0%} {handled:,}/{self._total:,} {self._unit}"
            )
        else:
            self._stream.write(f"\r{self._doing}: {handled:,} {self._unit}")
        self._stream.flush()

    def __enter__(self) -> _ProgressBar:
        return self

    def __exit__(self, *_: object) -> None:
        """End the bar's line, so what follows starts on a line of its own."""
        if self._enabled:
            self._stream.write("\n")


def _import(registry: OptOutRegistry, args: argparse.Namespace, out: TextIO) -> int:
    if args.from_opt_out_list:
        client = registry.session.client("pinpoint-sms-voice-v2")
        rows = read_opt_out_list(client, args.from_opt_out_list)
        with _ProgressBar(sys.stderr, "importing", "rows") as progress:
            report = OptOutImporter(registry.store, progress, now=registry.aws_time).run(
                rows, source=f"opt-out-list:{args.from_opt_out_list}"
            )
    else:
        with open_csv(args.file) as stream:
            try:  # reading it whole first finds a file that is not UTF-8, or not CSV, before any write
                total = sum(1 for _ in read_csv(stream))
            except UnicodeDecodeError as error:
                bad = error.object[error.start : error.end].hex(" ")
                raise InvalidFieldError(
                    "FILE", f"{args.file}: is not UTF-8 text (bytes {bad}); save it as UTF-8 and import again"
                ) from None
            stream.seek(0)
            with _ProgressBar(sys.stderr, "importing", "rows", total) as progress:
                report = OptOutImporter(registry.store, progress, now=registry.aws_time).run(
                    read_csv(stream), source=os.path.basename(args.file)
                )
    _print_report(report, out)
    return INVALID_ROWS_EXIT_CODE if report.invalid else 0


def _print_report(report: ImportReport, out: TextIO) -> None:
    lines = [
        ("imported", report.imported),
        ("already present", report.already_present),
        ("superseded by a later opt-in", report.superseded),
        ("invalid", len(report.invalid)),
    ]
    for label, count in lines:
        print(f"{label:<30}{count:>10,}", file=out)
    for line, reason in report.invalid:
        print(f"  line {line}: {reason}", file=out)
    print(
        f"{'DynamoDB requests':<30}{report.write_requests:>10,} writes, {report.read_requests:,} reads",
        file=out,
    )


def _export(registry: OptOutRegistry, args: argparse.Namespace, out: TextIO) -> int:
    rows = list(opted_out_numbers(registry.store))
    if args.to_opt_out_list:
        client = registry.session.client("pinpoint-sms-voice-v2")
        numbers = numbers_to_hand_back(rows)
        with _ProgressBar(sys.stderr, "putting", f"numbers on {args.to_opt_out_list}", len(numbers)) as bar:
            count = export_to_opt_out_list(numbers, client, args.to_opt_out_list, bar)
        print(f"put {count:,} numbers on opt-out list {args.to_opt_out_list}", file=sys.stderr)
    if args.csv and args.csv != "-":
        with open(args.csv, "w", newline="", encoding="utf-8") as stream:
            count = write_csv(rows, stream)
        print(f"wrote {count:,} opted-out numbers to {args.csv}", file=sys.stderr)
    elif args.csv == "-" or not args.to_opt_out_list:
        write_csv(rows, out)
    return 0


def _dead_letters(session: boto3.session.Session, args: argparse.Namespace, out: TextIO) -> int:
    function, role = DEAD_LETTER_QUEUES[args.queue]

    @functools.cache
    def deployed() -> DeployedOptOut:
        if not args.stack:
            raise InvalidFieldError("--stack", "give --stack, or --queue-url and --function-name")
        return DeployedOptOut.find(session.client("cloudformation"), args.stack)

    queue_url = args.queue_url or deployed().get(role, "--queue-url")
    queue = DeadLetterQueue(queue_url, session.client("sqs"))
    if args.action == "list":
        with queue.taken(LIST_VISIBILITY_SECONDS) as letters:  # read, not taken: visible again at once
            print(f"{len(letters)} messages on the {args.queue} dead-letter queue", file=out)
            if letters:
                _print_table(
                    ("message id", "sent", "receives", "origin", "concerns", "error"),
                    [_dead_letter_row(letter) for letter in letters],
                    out,
                )
        return 0

    @functools.cache
    def function_name(of: Function) -> str:
        # A replies queue of before the sends queue existed may also hold sends: each goes to its function.
        if args.function_name and of is function:
            return str(args.function_name)
        return deployed().get(FUNCTIONS[of], "--function-name")

    function_name(function)  # usage first: nothing is received for a replay that could not run
    invoker = FunctionInvoker(session.client("lambda"), function_name)
    report = replay(queue, invoker, REPLAY_VISIBILITY_SECONDS)
    print(f"replayed and deleted {report.replayed:,}; kept {len(report.kept):,}", file=out)
    for letter, reason in report.kept:
        print(f"  kept {letter.message_id} ({letter.summary}): {reason}", file=out)
    return 0 if not report.kept else 1


def _dead_letter_row(letter: DeadLetter) -> tuple[str, ...]:
    sent = (
        datetime.fromtimestamp(int(letter.sent_at) / 1000, UTC).isoformat(timespec="milliseconds")[:-6] + "Z"
        if letter.sent_at.isdigit()
        else "-"
    )
    return (letter.message_id, sent, str(letter.receive_count), letter.origin, letter.summary, letter.error)


def _explain(error: Exception, args: argparse.Namespace) -> str:
    """One line a shell user can act on."""
    if isinstance(error, NoCredentialsError):
        return "no AWS credentials found: set AWS_PROFILE, pass --profile, or run 'aws configure'"
    if isinstance(error, NoRegionError):
        return "no AWS region: pass --region or set AWS_DEFAULT_REGION"
    if isinstance(error, ClientError):
        code = error.response["Error"]["Code"]
        message = error.response["Error"].get("Message", "")
        if code == "ResourceNotFoundException" and error.operation_name not in (
            "DescribeOptedOutNumbers", "PutOptedOutNumber", "Invoke"
        ):  # fmt: skip
            return f"table {args.table or os.environ.get(TABLE_NAME_VARIABLE)!r} not found: {message}"
        return f"{error.operation_name} failed: {code}: {message}"
    return str(error)


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.table and args.stack:
        parser.error("argument --stack: not allowed with argument --table")
    run: Callable[[Any, argparse.Namespace, TextIO], int] = args.run
    try:
        return run(args.target(args), args, out or sys.stdout)
    except (SmsOptOutError, BotoCoreError, ClientError) as error:
        print(f"sms-opt-out: error: {_explain(error, args)}", file=sys.stderr)
        return 1
    except OSError as error:  # a file that cannot be opened or written: name it and the reason
        where = f"{error.filename}: {error.strerror}" if error.filename else str(error)
        print(f"sms-opt-out: error: {where}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("sms-opt-out: interrupted (run the same import again to resume it)", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
