"""Outcome metrics in CloudWatch's embedded metric format (EMF), printed whole to standard output.

CloudWatch Logs extracts a metric from each JSON line written to standard output that carries an
``_aws.CloudWatchMetrics`` directive: no API call, no latency. The lines bypass ``logging``: under
Lambda's JSON log format a logged line becomes the ``message`` of a log record, which is not
extracted. An invocation writes one record per origination identity; each record publishes every
name of its function twice, with the ``OriginationIdentity`` dimension and as a total without
dimensions (two dimension sets of one directive), so alarms have a metric to watch whatever the
numbers are. A record holds counts and the identity only: never a customer's number, a message
body or a reply's text.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from sms_opt_out.contract import (
    DEFAULT_NAMESPACE,
    DIMENSION,
    MESSAGES_FAILED_METRIC,
    NAMESPACE_VARIABLE,
    THROTTLES_METRIC,
    THROTTLING,
)
from sms_opt_out.outcomes import ReplyOutcome, SendStatus
from sms_opt_out.sms.send_operations import ALIASES, NOTIFY_CONFIGURATION

logger = logging.getLogger(__name__)

FAILURE_CODE = "FailureCode"
"""The second dimension of ``MessagesFailed`` per code."""
UNVERIFIED = "unverified"
"""The identity published for a request whose OriginationIdentity is not known to be ours."""

REPLY_METRICS = (
    "OptOuts",
    "OptIns",
    "HelpRequests",
    "UnrecognisedReplies",
    "ConfirmationsSent",
    "RepeatedOptOuts",
    "SupersededReplies",
    "RepeatedDeliveries",
    "ConfirmationsQueued",
)
SEND_METRICS = (
    "MessagesSent",
    "MessagesBlocked",
    "MessagesInvalid",
    MESSAGES_FAILED_METRIC,
    "MessagesDeferred",
    "MessagesUnknown",
    "MessagesQueued",
    THROTTLES_METRIC,
    "MessagesCapped",
    "HeldForSendingHours",
    "HeldForQuietHours",
    "MessagesSuppressed",
)
REPLY_OUTCOMES: Mapping[ReplyOutcome, tuple[str, ...]] = {
    ReplyOutcome.OPT_OUT: ("OptOuts", "ConfirmationsSent"),
    ReplyOutcome.OPT_IN: ("OptIns", "ConfirmationsSent"),
    ReplyOutcome.HELP: ("HelpRequests", "ConfirmationsSent"),
    ReplyOutcome.UNRECOGNISED: ("UnrecognisedReplies",),
    ReplyOutcome.AMBIGUOUS: ("UnrecognisedReplies", "ConfirmationsSent"),  # kept for review, and clarified
    ReplyOutcome.ALREADY_OPTED_OUT: ("RepeatedOptOuts",),
    ReplyOutcome.SUPERSEDED: ("SupersededReplies",),
    ReplyOutcome.DUPLICATE: ("RepeatedDeliveries",),
    # recorded, not confirmed: AWS keeps the number on an opt-out list (30-day rule, no permission)
    ReplyOutcome.ON_AWS_OPT_OUT_LIST: ("OptIns",),
    # recorded, but AWS refused the answer: the number is on the identity's AWS opt-out list
    ReplyOutcome.OPT_OUT_UNANSWERED: ("OptOuts",),
    ReplyOutcome.OPT_IN_UNANSWERED: ("OptIns",),
    ReplyOutcome.HELP_UNANSWERED: ("HelpRequests",),
    # recorded and applied; the confirmation waits on the confirmation queue
    ReplyOutcome.OPT_OUT_QUEUED: ("OptOuts", "ConfirmationsQueued"),
    ReplyOutcome.OPT_IN_QUEUED: ("OptIns", "ConfirmationsQueued"),
}
"""What each outcome of ``ReplyProcessor.process`` counts (a test checks every outcome counts one)."""
SEND_STATUSES: Mapping[SendStatus, str] = {
    SendStatus.SENT: "MessagesSent",
    SendStatus.OPTED_OUT: "MessagesBlocked",
    SendStatus.INVALID: "MessagesInvalid",
    SendStatus.FAILED: MESSAGES_FAILED_METRIC,
    SendStatus.DEFERRED: "MessagesDeferred",
    SendStatus.UNKNOWN: "MessagesUnknown",
    SendStatus.QUEUED: "MessagesQueued",
    SendStatus.CAPPED: "MessagesCapped",
    SendStatus.SUPPRESSED: "MessagesSuppressed",
}
"""What each status of a send result counts (a test checks every status has one)."""
SEND_REASONS: Mapping[str, str] = {
    "SENDING_HOURS": "HeldForSendingHours",
    "QUIET_HOURS": "HeldForQuietHours",
}
"""What a DEFERRED result of the send rules counts instead of MessagesDeferred (by its ``reason``)."""
_NUMBER_LIKE = re.compile(r"[+\d\s().\-/]+")
_IDENTITY_FIELDS = (
    DIMENSION,
    *(alias for alias, name in ALIASES.items() if name == DIMENSION),
    NOTIFY_CONFIGURATION,
)
"""Where a send request names its origination identity: SendTextMessage's name, or the sample's; a
Notify send is counted under its configuration (as the request names it)."""


class OutcomeMetrics:
    """The counts of one function's outcomes per origination identity, written as EMF records."""

    def __init__(
        self,
        names: Sequence[str],
        *,
        namespace: str | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.names = tuple(names)
        self.namespace = namespace or os.environ.get(NAMESPACE_VARIABLE, "").strip() or DEFAULT_NAMESPACE
        self._clock = clock
        self._counts: dict[str, Counter[str]] = {}

    def add(self, identity: str, name: str, value: int = 1) -> None:
        if name not in self.names:
            raise ValueError(f"{name}: not one of {', '.join(self.names)}")
        self._counts.setdefault(identity, Counter())[name] += value

    def records(self) -> list[dict[str, Any]]:
        """One EMF record per identity counted; every name is in each, 0 when it did not occur."""
        timestamp = int(self._clock() * 1000)
        directive = {
            "Namespace": self.namespace,
            "Dimensions": [[DIMENSION], []],
            "Metrics": [{"Name": name, "Unit": "Count"} for name in self.names],
        }
        return [
            {"_aws": {"Timestamp": timestamp, "CloudWatchMetrics": [directive]}, DIMENSION: identity}
            | {name: counts[name] for name in self.names}
            for identity, counts in self._counts.items()
        ]

    def flush(self) -> None:
        """Print the records, one JSON line each, to standard output; start counting afresh."""
        lines = [json.dumps(record, separators=(",", ":")) for record in self.records()]
        if lines:
            sys.stdout.write("\n".join(lines) + "\n")
            sys.stdout.flush()
        self.clear()

    def clear(self) -> None:
        self._counts.clear()


class ReplyMetrics(OutcomeMetrics):
    """Counts reply outcomes under the number the customer replied to (``destinationNumber``)."""

    def __init__(self, **options: Any) -> None:
        super().__init__(REPLY_METRICS, **options)

    def add_outcome(self, our_number: str, outcome: str) -> None:
        if outcome not in REPLY_OUTCOMES:  # a test keeps every ReplyOutcome counted
            logger.warning("no metric counts the reply outcome %s", outcome)
            return
        for name in REPLY_OUTCOMES[ReplyOutcome(outcome)]:
            self.add(our_number, name)

    def add_queued_outcome(self, our_number: str, outcome: str) -> None:
        """What answering a reply from the confirmation queue did: a confirmation sent counts as such
        (the opt-out or opt-in itself was counted when it was queued); nothing else counts."""
        if outcome in (ReplyOutcome.OPT_OUT, ReplyOutcome.OPT_IN):
            self.add(our_number, "ConfirmationsSent")


class SendMetrics(OutcomeMetrics):
    """Counts send results under each request's OriginationIdentity, as the request gave it.

    The construct's own identities (``own``: the numbers of ``ORIGINATION_NUMBERS``, their IDs and
    ARNs, and ``POOL_IDS``) are published as given from the first record. Any other identity that
    looks like a phone number is published only once SendTextMessage has sent from it (in this or
    an earlier invocation of the container): a request with its numbers swapped must not put a
    customer's number in a metric. Until then, and for every invalid request, the identity is
    ``unverified``. IDs and ARNs are never a customer's number.
    """

    def __init__(self, own: Iterable[str] = (), **options: Any) -> None:
        super().__init__(SEND_METRICS, **options)
        self._verified: set[str] = set(own)
        self._failure_codes: Counter[tuple[str, str]] = Counter()

    def add_results(self, requests: Sequence[Any], results: Sequence[Mapping[str, Any]]) -> None:
        """Count ``results`` (in the order of ``requests``): one per status, and each throttle."""
        identities = [_identity(request) for request in requests]
        self._verified.update(
            i for i, r in zip(identities, results, strict=True) if i is not None and r["status"] == "SENT"
        )
        for identity, result in zip(identities, results, strict=True):
            published = self._published(identity, result)
            if result.get("reason") in SEND_REASONS:
                self.add(published, SEND_REASONS[result["reason"]])
            elif result["status"] in SEND_STATUSES:
                self.add(published, SEND_STATUSES[result["status"]])
            else:
                logger.warning("no metric counts the send status %s", result["status"])
            if result.get("code") == THROTTLING:
                self.add(published, THROTTLES_METRIC)
            if result["status"] == "FAILED" and result.get("code"):
                self._failure_codes[(published, str(result["code"]))] += 1

    def records(self) -> list[dict[str, Any]]:
        """Besides each identity's record, one per (identity, code) of the failed sends: ``MessagesFailed``
        with dimensions ``OriginationIdentity`` and ``FailureCode`` (a ConflictException's ``Reason``, such
        as ``DESTINATION_COUNTRY_BLOCKED_BY_PROTECT_CONFIGURATION``, else the error's code)."""
        timestamp = int(self._clock() * 1000)
        directive = {
            "Namespace": self.namespace,
            "Dimensions": [[DIMENSION, FAILURE_CODE]],
            "Metrics": [{"Name": MESSAGES_FAILED_METRIC, "Unit": "Count"}],
        }
        return super().records() + [
            {"_aws": {"Timestamp": timestamp, "CloudWatchMetrics": [directive]}, DIMENSION: identity}
            | {FAILURE_CODE: code, MESSAGES_FAILED_METRIC: count}
            for (identity, code), count in self._failure_codes.items()
        ]

    def clear(self) -> None:
        super().clear()
        self._failure_codes.clear()

    def _published(self, identity: str | None, result: Mapping[str, Any]) -> str:
        if identity is None or result["status"] == "INVALID":
            return UNVERIFIED
        if _NUMBER_LIKE.fullmatch(identity) and identity not in self._verified:
            return UNVERIFIED
        return identity


def _identity(request: Any) -> str | None:
    if not isinstance(request, Mapping):
        return None
    value = next((request[name] for name in _IDENTITY_FIELDS if name in request), None)
    return value.strip() if isinstance(value, str) and value.strip() else None
