"""Python API for preferences from other channels: what a web portal or call-centre app imports.

Events are stored in the same item format as SMS replies, so the guarded sender honours them
at once, and the audit trail shows every channel side by side. An event recorded without an explicit
time carries AWS's time (``aws_clock``, from the table's responses), as an SMS reply carries SNS's, so
the host's clock decides no order; an explicit time is checked against AWS's time too.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property
from typing import Any

import boto3

from sms_opt_out.aws_clock import STEP_SECONDS, AwsClock
from sms_opt_out.domain.consent import confirmation_holds, deciding_entry, is_blocked
from sms_opt_out.domain.phone_numbers import ALL_NUMBERS, to_e164
from sms_opt_out.domain.preferences import (
    Action,
    ConsentState,
    PreferenceEvent,
    Scope,
    event_time,
    time_after_seen,
)
from sms_opt_out.errors import InvalidFieldError
from sms_opt_out.ops.deployed_stack import DeployedOptOut
from sms_opt_out.ops.origination_keys import to_origination_key
from sms_opt_out.sms.aws_opt_out_lists import CHANNEL as AWS_LIST_CHANNEL
from sms_opt_out.sms.opt_out_list_removal import ListRemoval, OptOutListNames, OptOutListRemover
from sms_opt_out.storage.opt_out_store import OptOutStore
from sms_opt_out.storage.suppressions import Suppression, Suppressions
from sms_opt_out.storage.unrecognised_replies import UnrecognisedReplies, UnrecognisedReply

CLOCK_PROBE_KEY = "CLOCK"
"""A partition key no item has: reading it costs one read and shows AWS's time."""
REVIEW_CHANNEL = "sms-review"
"""The channel of a revocation a reviewer found in an unrecognised reply (its reference: the inbound ID)."""


@dataclass(frozen=True)
class RecordedEvent(PreferenceEvent):
    """A recorded event and what it did: ``decides`` is False when the sender does not do what it
    says (a later event decides, as a reply's outcome SUPERSEDED says); ``decided_by`` is then that event."""

    decides: bool = True
    decided_by: NumberStatus | None = None


@dataclass(frozen=True)
class NumberStatus:
    origination: str
    """One of our numbers, or ``*`` for all of them."""
    action: Action
    timestamp: str
    channel: str
    keyword: str
    retry_after: str | None = None
    """For a number still on an AWS opt-out list: from when its removal can be tried again."""


class OptOutRegistry:
    """Records opt-outs and opt-ins from any channel and answers what a number's state is."""

    def __init__(
        self,
        table_name: str,
        *,
        session: boto3.session.Session | None = None,
        scope: Scope = Scope.ALL,
        clock: Callable[[], float] | None = None,
    ) -> None:
        """``clock``: this host's clock (default: the system's); events are stamped with AWS's time."""
        self.session = session or boto3.session.Session()
        self.table_name = table_name
        self.scope = scope
        self.clock = AwsClock(clock)
        """AWS's time, learnt from the table's responses."""
        self.last_list_removal: ListRemoval | None = None
        """What the last ``opt_in`` did to the AWS opt-out lists (None: the number was on none we knew of)."""
        client = self.store_client = self.clock.watch(self.session.client("dynamodb"))
        self.store = OptOutStore.of(table_name, client)
        self.unrecognised = UnrecognisedReplies(table_name, client)

    @classmethod
    def from_stack(
        cls,
        stack_name: str,
        *,
        session: boto3.session.Session | None = None,
        scope: Scope = Scope.ALL,
    ) -> OptOutRegistry:
        """The registry of a deployed stack holding an ``SmsOptOut`` (an OptOutStack or any other)."""
        session = session or boto3.session.Session()
        deployed = DeployedOptOut.find(session.client("cloudformation"), stack_name)
        return cls(deployed.get("table", "--table"), session=session, scope=scope)

    def aws_time(self) -> datetime:
        """Now by AWS's clock: a first request (a read of no customer) learns it from the response."""
        if not self.clock.synced:
            self.store.states.consent_states([CLOCK_PROBE_KEY])
        return datetime.fromtimestamp(self.clock(), UTC)

    def status(self, number: str) -> list[NumberStatus]:
        """The latest event for each of our numbers (and ``*``), latest first."""
        customer = to_e164(number, "number")
        state = self.store.states.consent_states([customer])[customer]
        on_aws_lists = (
            self.store.states.aws_list_records(customer)
            if any(e.channel == AWS_LIST_CHANNEL for e in state.entries.values())
            else {}
        )
        rows = [
            NumberStatus(
                origination,
                e.action,
                e.timestamp,
                e.channel,
                e.keyword,
                on_aws_lists.get(origination, {}).get("RetryAfter")
                if e.channel == AWS_LIST_CHANNEL
                else None,
            )
            for origination, e in state.entries.items()
        ]
        return sorted(rows, key=lambda row: row.timestamp, reverse=True)

    def is_opted_out(self, number: str, origination: str) -> bool:
        """Whether the guarded sender would block a text from ``origination`` to ``number``.

        ``origination`` is one of our numbers, a pool ID or ARN, or ``*``: the key given (and ``*``)
        is judged, without reading a pool's membership."""
        customer = to_e164(number, "number")
        origination = to_origination_key(origination, "origination")
        return is_blocked(self.store.states.consent_states([customer])[customer], origination, self.scope)

    def history(self, number: str) -> list[dict[str, Any]]:
        """Every opt-out and opt-in of ``number``, oldest first."""
        items = self.store.trail.history(to_e164(number, "number"))
        return sorted(items, key=lambda item: (item["Timestamp"], item["SK"]))

    def suppressed(self, number: str) -> str | None:
        """Why the sender suppresses texts to ``number`` (``INVALID``, ``BLOCKED``), or None."""
        customer = to_e164(number, "number")
        return self.store.states.consent_states([customer])[customer].suppressed

    def suppressions(self) -> list[Suppression]:
        """Every number the carriers' reports suppressed (a Scan of the table)."""
        return list(Suppressions(self.table_name, self.store_client).all())

    def lift_suppression(self, number: str) -> Suppression | None:
        """Lift ``number``'s suppression: the sender texts it again. The one lifted, or None."""
        return Suppressions(self.table_name, self.store_client).lift(to_e164(number, "number"))

    def unrecognised_replies(self, since: str | datetime | None = None) -> list[UnrecognisedReply]:
        """The replies no rule recognised, kept 90 days for review, oldest first (from ``since``)."""
        return list(self.unrecognised.since(None if since is None else event_time(since, "since")))

    def opt_out(
        self,
        number: str,
        *,
        channel: str,
        origination: str | None = None,
        at: str | datetime | None = None,
        reference: str | None = None,
    ) -> RecordedEvent:
        """Record an opt-out from ``channel``; it applies to all our numbers unless ``origination``.

        ``at`` (default: now, by AWS's clock) is when the customer asked; more than 60 s ahead of AWS's
        clock is refused. The answer's ``decides`` says whether the sender now blocks as it asks.
        From ``REVIEW_CHANNEL``, ``reference`` names the kept unrecognised reply of ``number`` a
        reviewer read as a revocation, and the opt-out takes that reply's time unless ``at``.
        """
        if isinstance(channel, str) and channel.strip() == REVIEW_CHANNEL:
            at = at or self._reviewed_reply(number, reference).timestamp
        return self._record(Action.OPT_OUT, number, channel, origination, at, reference)

    def opt_in(
        self,
        number: str,
        *,
        channel: str,
        consent_reference: str,
        origination: str | None = None,
        at: str | datetime | None = None,
    ) -> RecordedEvent:
        """Record an opt-in from ``channel``; ``consent_reference`` (proof of consent) is required.

        The answer's ``decides`` says whether the sender now sends as it asks (at ``at``, default now
        by AWS's clock). A number we know to be on an AWS opt-out list (an ``aws-opt-out-list`` opt-out
        in its state) is then removed from the lists of the account's numbers and pools in this region
        (all of them for an opt-in for all numbers); ``last_list_removal`` says what AWS did. If AWS
        refuses (30 days since the last removal, no permission), the number stays blocked as on the
        AWS list, with the time its removal can be tried again (``status``)."""
        if not isinstance(consent_reference, str) or not consent_reference.strip():
            raise InvalidFieldError(
                "consent_reference", "an opt-in from another channel needs proof of consent"
            )
        customer = to_e164(number, "number")
        state = self.store.states.consent_states([customer])[customer]
        event = self._record(Action.OPT_IN, number, channel, origination, at, consent_reference, state)
        self.last_list_removal = None
        if any(e.channel == AWS_LIST_CHANNEL for e in state.entries.values()):
            governing = None if event.origination == ALL_NUMBERS else frozenset({event.origination})
            self.last_list_removal = self._list_remover.remove(customer, event, governing)
        return event

    @cached_property
    def _list_remover(self) -> OptOutListRemover:
        sms = self.session.client("pinpoint-sms-voice-v2")
        return OptOutListRemover(sms, OptOutListNames(sms, every_identity=True), self.store)

    def _reviewed_reply(self, number: str, reference: str | None) -> UnrecognisedReply:
        if not reference or not reference.strip():
            raise InvalidFieldError(
                "reference", f"a {REVIEW_CHANNEL} opt-out names the reply's inbound message ID"
            )
        kept = self.unrecognised.find(reference.strip())
        if kept is None or kept.customer != to_e164(number, "number"):
            raise InvalidFieldError(
                "reference",
                f"{reference.strip()!r} is no kept unrecognised reply of this number (see replies)",
            )
        return kept

    def _record(
        self,
        action: Action,
        number: str,
        channel: str,
        origination: str | None,
        at: str | datetime | None,
        reference: str | None,
        seen: ConsentState | None = None,
    ) -> RecordedEvent:
        """Record the event; without ``at`` it is stamped after ``seen`` (the customer's state, read
        here unless the caller read it already)."""
        if not isinstance(channel, str) or not channel.strip():
            raise InvalidFieldError("channel", "name the channel (web, call-center, email, ...)")
        customer = to_e164(number, "number")
        now = self.aws_time()
        if not at and seen is None:
            seen = self.store.states.consent_states([customer])[customer]
        event = PreferenceEvent(
            customer=customer,
            origination=ALL_NUMBERS
            if origination is None
            else to_origination_key(origination, "origination"),
            timestamp=event_time(at, "at", now=now)
            if at
            else time_after_seen(seen or ConsentState({}), now, STEP_SECONDS),
            action=action,
            keyword=action.value,
            channel=channel.strip(),
            event_id=str(uuid.uuid4()),
            reference=reference.strip() if reference else None,
        )
        self.store.writes.record(event)
        return self._outcome(event)

    def _outcome(self, event: PreferenceEvent) -> RecordedEvent:
        """``event`` with whether it decides: for its number, or for all numbers every number's send."""
        state = self.store.states.consent_states([event.customer])[event.customer]
        keys = [event.origination] if event.origination != ALL_NUMBERS else [ALL_NUMBERS, *state.entries]
        fields = {f.name: getattr(event, f.name) for f in dataclasses.fields(PreferenceEvent)}
        for key in keys:
            if confirmation_holds(state, key, self.scope, event.action):
                continue
            deciding = deciding_entry(state, key, self.scope)
            decided_by = None
            if deciding is not None:
                origination, entry = deciding
                decided_by = NumberStatus(
                    origination, entry.action, entry.timestamp, entry.channel, entry.keyword
                )
            return RecordedEvent(**fields, decides=False, decided_by=decided_by)
        return RecordedEvent(**fields)
