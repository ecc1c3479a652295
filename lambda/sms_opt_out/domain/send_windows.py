"""When a marketing text may go: the legal sending windows and frequency caps, in one table.

Each ``Rule`` is one law: where it applies (``US`` for the whole country and its territories,
``US-FL`` for a state), the local hours of each weekday it allows, and the most messages it allows
one person in 24 hours. A new law is one more row. The hours and caps are the ones compliance
vendors summarise (issue 24); ``statute`` names the law and ``source`` where to read it: have
counsel check each row before relying on it. Pure domain code: no AWS, no clock of its own.

A send is allowed at an instant when every rule of the recipient's place allows it, and the user's
quiet hours (``QUIET_HOURS``) do not forbid it, in every time zone the number may be in (an area
code spanning two zones gets the window open in both).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING

from sms_opt_out.contract import FREQUENCY_CAPS_VARIABLE, QUIET_HOURS_VARIABLE
from sms_opt_out.domain.number_regions import Region, zone
from sms_opt_out.errors import InvalidFieldError

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

Hours = tuple[time, time]
"""Local start (inclusive) and end (exclusive) of the sending hours of one day."""
Week = tuple[Hours, ...]
"""Monday to Sunday."""

SEARCH_DAYS = 8
"""How far ahead the next opening is looked for: any weekly rule opens within a week."""


def daily(start: int, end: int) -> Week:
    return ((time(start), time(end)),) * 7


def weekdays_weekends(weekdays: tuple[int, int], weekends: tuple[int, int]) -> Week:
    return ((time(weekdays[0]), time(weekdays[1])),) * 5 + ((time(weekends[0]), time(weekends[1])),) * 2


def mon_sat_sunday(mon_sat: tuple[int, int], sunday: tuple[int, int]) -> Week:
    return ((time(mon_sat[0]), time(mon_sat[1])),) * 6 + ((time(sunday[0]), time(sunday[1])),)


@dataclass(frozen=True)
class Rule:
    place: str
    """``US`` (the country and its territories, see ``COUNTRY_SCOPES``) or a state, ``US-FL``."""
    week: Week
    cap: int | None
    """Most promotional messages to one person in a rolling 24 hours; None: no cap in this law."""
    statute: str
    source: str


US_FEDERAL = "47 U.S.C. § 227(c); 47 CFR § 64.1200(c)(1) (TCPA)"
VENDORS = "issue 24: compliance vendors' summary"
RULES: tuple[Rule, ...] = (
    Rule("US", daily(8, 21), None, US_FEDERAL, "https://www.ecfr.gov/current/title-47/section-64.1200"),
    Rule("US-FL", daily(8, 20), 3, "Fla. Stat. § 501.616(6) (Florida Telephone Solicitation Act, 2021)", "https://www.flsenate.gov/Laws/Statutes/2024/501.616"),
    Rule("US-OK", daily(8, 20), 3, "Okla. Stat. tit. 15, § 775C.4 (Telephone Solicitation Act of 2022)", VENDORS),  # noqa: E501
    Rule("US-MD", daily(8, 20), 3, "Md. Code, Com. Law § 14-4503 (Stop the Spam Calls Act of 2023)", VENDORS),
    Rule("US-MS", daily(8, 20), None, "Miss. Code § 77-3-725 (Telephone Solicitation Act)", VENDORS),
    Rule("US-NJ", daily(8, 20), None, "N.J. Stat. § 56:8-130 (telemarketing hours)", VENDORS),
    Rule("US-LA", daily(8, 20), None, "La. R.S. 45:844.14 (Telephone Solicitation Relief Act)", VENDORS),
    Rule("US-MA", daily(8, 20), None, "940 CMR 19.04 (telemarketing hours)", VENDORS),
    Rule("US-CT", daily(9, 20), None, "Conn. Gen. Stat. § 42-288a (Public Act 23-98)", VENDORS),
    Rule("US-CA", daily(9, 21), None, "Cal. Bus. & Prof. Code § 17592 (telephone solicitation hours)", VENDORS),  # noqa: E501
    Rule("US-IL", daily(9, 21), None, "815 ILCS 413/15 (Telephone Solicitations Act)", VENDORS),
    Rule("US-MI", daily(9, 21), None, "Mich. Comp. Laws § 445.111b (Home Solicitation Sales Act)", VENDORS),
    Rule("US-MN", daily(9, 21), None, "Minn. Stat. § 325E.27 (use of prerecorded or live solicitations)", VENDORS),  # noqa: E501
    Rule("US-KY", daily(10, 21), None, "Ky. Rev. Stat. § 367.46955(15) (telephone solicitation)", VENDORS),
    Rule("US-RI", weekdays_weekends((9, 18), (10, 17)), None, "R.I. Gen. Laws § 5-61-3.4 (Telephone Sales Solicitation Act)", VENDORS),  # noqa: E501
    Rule("US-TX", mon_sat_sunday((9, 21), (12, 21)), None, "Tex. Bus. & Com. Code § 301.051 (SB 140, texts from 2025-09-01)", "https://statutes.capitol.texas.gov/Docs/BC/htm/BC.301.htm"),  # noqa: E501
)  # fmt: skip
"""Every rule, with its law, one line each (longer than the usual line: one row, one law)."""

COUNTRY_SCOPES: Mapping[str, tuple[str, ...]] = {"US": ("US", "PR", "VI", "GU", "AS", "MP")}
"""Countries whose rule also covers others: the TCPA covers the US territories with +1 numbers."""


def rules_for(region: Region) -> tuple[Rule, ...]:
    """The rules of ``region``: its country's (or the one covering it) and its state's."""
    countries = {c for c, covered in COUNTRY_SCOPES.items() if region.country in covered} | {region.country}
    return tuple(r for r in RULES if r.place in countries or r.place == region.subdivision)


# The user's quiet hours and caps ----------------------------------------------------------

_HOURS = re.compile(r"([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]|24):([0-5]\d)")
_PLACE = re.compile(r"\*|[A-Z]{2}(-[A-Z0-9]{1,3})?")


def parse_quiet_hours(value: str | None, name: str = QUIET_HOURS_VARIABLE) -> dict[str, Hours]:
    """``{"US": "21:00-09:00", "US-CA": "20:00-10:00", "*": "22:00-08:00"}`` (JSON) to quiet periods.

    A period is local ``HH:MM-HH:MM``, the end excluded, and may cross midnight.
    """
    places = _json_mapping(value, name)
    quiet: dict[str, Hours] = {}
    for place, period in places.items():
        match = _HOURS.fullmatch(period) if isinstance(period, str) else None
        if not isinstance(place, str) or not _PLACE.fullmatch(place) or match is None:
            raise InvalidFieldError(
                f"{name}[{place!r}]",
                f"{period!r} is not a quiet period 'HH:MM-HH:MM' for '*', a country (US) or a state (US-CA)",
            )
        start, end = time(int(match[1]), int(match[2])), _time(int(match[3]), int(match[4]))
        if start == end:
            raise InvalidFieldError(f"{name}[{place!r}]", f"{period!r} is empty: its start is its end")
        quiet[place] = (start, end)
    return quiet


def parse_caps(value: str | None, name: str = FREQUENCY_CAPS_VARIABLE) -> dict[str, int]:
    """``{"*": 5, "US-TX": 2}`` (JSON): most promotional messages per person in 24 hours, per place."""
    caps = _json_mapping(value, name)
    for place, cap in caps.items():
        if not isinstance(place, str) or not _PLACE.fullmatch(place):
            raise InvalidFieldError(f"{name}[{place!r}]", "is not '*', a country (US) or a state (US-CA)")
        if isinstance(cap, bool) or not isinstance(cap, int) or not 1 <= cap <= MAX_CAP:
            raise InvalidFieldError(f"{name}[{place!r}]", f"{cap!r} is not a whole number, 1 to {MAX_CAP}")
    return {place: cap for place, cap in caps.items() if isinstance(cap, int)}


MAX_CAP = 50
"""Most sends one cap item remembers (each a number in one DynamoDB list)."""


def _time(hour: int, minute: int) -> time:
    return time.max if hour == 24 else time(hour, minute)


def _json_mapping(value: str | None, name: str) -> dict[str, object]:
    if value is None or not value.strip():
        return {}
    try:
        parsed = json.loads(value)
    except json.JSONDecodeError as error:
        raise InvalidFieldError(name, f"is not JSON: {error}") from None
    if not isinstance(parsed, dict):
        raise InvalidFieldError(name, "is not a JSON object of place to value")
    return parsed


def most_specific(values: Mapping[str, object], region: Region) -> object | None:
    """The value for ``region``'s state, else its country, else ``*``."""
    for place in (region.subdivision, region.country, "*"):
        if place is not None and place in values:
            return values[place]
    return None


# The window -------------------------------------------------------------------------------


@dataclass(frozen=True)
class SendWindow:
    """Every constraint on when a text to one region may go."""

    region: Region
    rules: tuple[Rule, ...]
    quiet: Hours | None = None
    zones: tuple[ZoneInfo, ...] = field(default=())

    @classmethod
    def of(cls, region: Region, quiet_hours: Mapping[str, Hours]) -> SendWindow:
        quiet = most_specific(quiet_hours, region)
        names = region.zones or (("UTC",) if quiet is not None else ())
        return cls(region, rules_for(region), quiet, tuple(zone(name) for name in names))  # type: ignore[arg-type]

    @property
    def unrestricted(self) -> bool:
        return not self.zones or (not self.rules and self.quiet is None)

    def is_open(self, now: datetime) -> bool:
        """Whether a send may start at ``now`` (aware) in every zone of the region."""
        if self.unrestricted:
            return True
        return all(self._open_in(now.astimezone(local)) for local in self.zones)

    def _open_in(self, local: datetime) -> bool:
        clock = local.time().replace(tzinfo=None)
        for rule in self.rules:
            start, end = rule.week[local.weekday()]
            if not start <= clock < end:
                return False
        if self.quiet is not None:
            start, end = self.quiet
            inside = start <= clock < end if start < end else (clock >= start or clock < end)
            if inside:
                return False
        return True

    def next_open(self, now: datetime) -> datetime | None:
        """``now`` if open, else the first instant within ``SEARCH_DAYS`` it opens (None: never)."""
        if self.is_open(now):
            return now
        for candidate in sorted(c for c in self._openings(now) if c > now):
            if self.is_open(candidate):
                return candidate
        return None

    def _openings(self, now: datetime) -> Iterable[datetime]:
        """Every local instant a constraint may open at: each rule's start, the quiet period's end."""
        starts = {time(0)} | {day[0] for rule in self.rules for day in rule.week}
        if self.quiet is not None:
            starts.add(self.quiet[1] if self.quiet[1] != time.max else time(0))
        for local in self.zones:
            today = now.astimezone(local).date()
            for offset in range(SEARCH_DAYS + 1):
                day = today + timedelta(days=offset)
                for start in starts:
                    yield datetime.combine(day, start, local).astimezone(UTC)


def legal_cap(region: Region) -> int | None:
    """The strictest cap of the laws of ``region``."""
    caps = [rule.cap for rule in rules_for(region) if rule.cap is not None]
    return min(caps) if caps else None
