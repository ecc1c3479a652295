"""The sender's one decision before a marketing text goes: now, later (held), or not for a while (capped).

``SendRules.guard`` wraps a send: a request the rules cover (``MessageType`` ``PROMOTIONAL``; with
``SEND_RULES=ALL`` every request not marked ``TRANSACTIONAL``) is sent only inside the window of
``send_windows`` for the place its number was issued (``number_regions``) and under its frequency
cap (``frequency_caps``). Otherwise it answers, having sent nothing:

- ``{"status": "DEFERRED", "reason": "SENDING_HOURS" | "QUIET_HOURS", "notBefore": ISO-8601 UTC}``
  (a law's window, or the user's quiet hours, is closed; ``notBefore`` is when it opens);
- ``{"status": "CAPPED", "reason": "FREQUENCY_CAP", "notBefore": ...}`` (when the next may go).
"""

from __future__ import annotations

import enum
import logging
import math
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from botocore.exceptions import BotoCoreError, ClientError

if TYPE_CHECKING:  # the windows, the regions and the caps are imported by the first request the rules cover
    from sms_opt_out.domain.number_regions import Region
    from sms_opt_out.domain.send_windows import Hours
    from sms_opt_out.storage.frequency_caps import FrequencyCaps

logger = logging.getLogger(__name__)

MESSAGE_TYPE = "MessageType"
PROMOTIONAL = "PROMOTIONAL"
TRANSACTIONAL = "TRANSACTIONAL"
SENDING_HOURS = "SENDING_HOURS"
QUIET_HOURS = "QUIET_HOURS"
FREQUENCY_CAP = "FREQUENCY_CAP"
NO_WINDOW_RETRY_SECONDS = 24 * 3600
"""A window that never opens within the search (quiet hours covering a law's hours): look again then."""


class Coverage(enum.StrEnum):
    """Which requests the rules hold (``SEND_RULES``)."""

    PROMOTIONAL = "PROMOTIONAL"
    """Requests with ``MessageType`` ``PROMOTIONAL`` (the default)."""
    ALL = "ALL"
    """Every request not marked ``TRANSACTIONAL``."""
    OFF = "OFF"
    """None: a program that sends no marketing (one-time codes, alerts)."""


@dataclass(frozen=True)
class SendRulesSettings:
    coverage: Coverage = Coverage.PROMOTIONAL
    quiet_hours: Mapping[str, Hours] = field(default_factory=dict)
    """Place (``*``, ``US``, ``US-CA``) to the user's quiet period, in the recipient's local time."""
    caps: Mapping[str, int] = field(default_factory=dict)
    """Place to the user's cap; the law's cap (``send_windows.RULES``) applies when lower."""
    retry_capped: bool = False
    """A CAPPED request of the send queue comes back when its next slot opens, rather than being kept."""


@dataclass(frozen=True)
class Verdict:
    """Whether a promotional text to a number may go at ``at``, and if not why and when."""

    region: Region
    at: datetime
    reason: str | None
    not_before: datetime | None
    cap: int | None
    sends_in_24h: int | None = None

    @property
    def allowed(self) -> bool:
        return self.reason is None


def iso(instant: datetime) -> str:
    return instant.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class SendRules:
    """Decides, just before a send, whether it goes now; counts the promotional sends that go."""

    def __init__(
        self,
        settings: SendRulesSettings | None = None,
        caps: FrequencyCaps | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.settings = settings or SendRulesSettings()
        self._caps = caps
        self._clock = clock

    def covers(self, params: Mapping[str, Any]) -> bool:
        kind = params.get(MESSAGE_TYPE)
        if self.settings.coverage is Coverage.PROMOTIONAL:
            return kind == PROMOTIONAL
        return self.settings.coverage is Coverage.ALL and kind != TRANSACTIONAL

    def guard(self, params: Mapping[str, Any], send: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        """``send()``'s result if the rules let the request go now, else DEFERRED or CAPPED (unsent)."""
        if not self.covers(params):
            return send()
        from sms_opt_out.storage.frequency_caps import CapContendedError

        now = self._clock()
        customer = params["DestinationPhoneNumber"]
        try:
            verdict = self.verdict(customer, now, count=True)
        except CapContendedError:
            logger.warning("frequency cap contended: request deferred")
            return {"status": "DEFERRED"}
        if not verdict.allowed:
            return _held(verdict)
        result = send()
        if verdict.cap is not None and self._caps is not None and result.get("status") != "SENT":
            try:
                self._caps.give_back(customer, now, self._clock())
            except (BotoCoreError, ClientError) as error:  # the slot stays taken: one text fewer, never more
                logger.warning("frequency cap slot not given back: %s", type(error).__name__)
        return result

    def verdict(self, customer: str, now: float, *, count: bool = False) -> Verdict:
        """Whether a covered text to ``customer`` may go at ``now`` (epoch seconds).

        With ``count`` a send that may go is counted against its cap (one conditional write);
        without, nothing is written (``explain-send``).
        """
        from sms_opt_out.domain.number_regions import region_of
        from sms_opt_out.domain.send_windows import SendWindow

        at = datetime.fromtimestamp(now, UTC)
        region = region_of(customer)
        window = SendWindow.of(region, self.settings.quiet_hours)
        opens = window.next_open(at)
        if opens != at:
            lawful = SendWindow.of(region, {}).next_open(at) == at
            return Verdict(region, at, QUIET_HOURS if lawful else SENDING_HOURS, _or_later(opens, at), None)
        cap = self.cap_for(region)
        if cap is None or self._caps is None:
            return Verdict(region, at, None, None, cap)
        if count:
            next_free = self._caps.take(customer, cap, now)
            sends = None
        else:
            record = self._caps.read(customer)
            next_free, sends = record.next_free(cap, now), len(record.recent(now))
        if next_free is None:
            return Verdict(region, at, None, None, cap, sends)
        free = datetime.fromtimestamp(math.ceil(next_free), UTC)
        return Verdict(region, at, FREQUENCY_CAP, _or_later(window.next_open(free), free), cap, sends)

    def cap_for(self, region: Region) -> int | None:
        from sms_opt_out.domain.send_windows import legal_cap, most_specific

        given = most_specific(self.settings.caps, region)
        caps = [c for c in (legal_cap(region), given) if isinstance(c, int)]
        return min(caps) if caps else None


def _or_later(opens: datetime | None, at: datetime) -> datetime:
    if opens is not None:
        return opens
    return datetime.fromtimestamp(at.timestamp() + NO_WINDOW_RETRY_SECONDS, UTC)


def _held(verdict: Verdict) -> dict[str, Any]:
    status = "CAPPED" if verdict.reason == FREQUENCY_CAP else "DEFERRED"
    assert verdict.not_before is not None
    return {"status": status, "reason": verdict.reason, "notBefore": iso(verdict.not_before)}
