"""The sending windows of every law, in the recipient's time zones: pure, with explicit instants."""

from __future__ import annotations

import importlib.resources
import io
import re
import sys
import zoneinfo
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sms_opt_out.domain.number_regions import _area_codes, _zone_files, region_of, zone
from sms_opt_out.domain.send_windows import RULES, SendWindow, legal_cap, parse_caps, parse_quiet_hours
from sms_opt_out.errors import InvalidFieldError
from sms_opt_out.send.rules import QUIET_HOURS, SENDING_HOURS, SendRules, SendRulesSettings

NEW_YORK, CHICAGO = ZoneInfo("America/New_York"), ZoneInfo("America/Chicago")
WEDNESDAY = datetime(2026, 7, 15)  # daylight time everywhere in the US
PATTERNS = Path(__file__).parent / "data" / "libphonenumber_nanp_patterns.txt"


def at(day: datetime, hour: int, minute: int, zone: ZoneInfo) -> datetime:
    return day.replace(hour=hour, minute=minute, tzinfo=zone).astimezone(UTC)


def window(number: str, quiet: str | None = None) -> SendWindow:
    return SendWindow.of(region_of(number), parse_quiet_hours(quiet))


# number, its zone, opening and closing hour on a weekday: one row per law of send_windows.RULES
WEEKDAY_WINDOWS = [
    ("+12125550100", NEW_YORK, 8, 21),  # federal only (New York)
    ("+13055550100", NEW_YORK, 8, 20),  # Florida
    ("+14055550100", CHICAGO, 8, 20),  # Oklahoma
    ("+14105550100", NEW_YORK, 8, 20),  # Maryland
    ("+16015550100", CHICAGO, 8, 20),  # Mississippi
    ("+12015550100", NEW_YORK, 8, 20),  # New Jersey
    ("+15045550100", CHICAGO, 8, 20),  # Louisiana
    ("+16175550100", NEW_YORK, 8, 20),  # Massachusetts
    ("+12035550100", NEW_YORK, 9, 20),  # Connecticut
    ("+12135550100", ZoneInfo("America/Los_Angeles"), 9, 21),  # California
    ("+13125550100", CHICAGO, 9, 21),  # Illinois
    ("+13135550100", NEW_YORK, 9, 21),  # Michigan
    ("+16125550100", CHICAGO, 9, 21),  # Minnesota
    ("+15025550100", NEW_YORK, 10, 21),  # Kentucky
    ("+14015550100", NEW_YORK, 9, 18),  # Rhode Island
    ("+12145550100", CHICAGO, 9, 21),  # Texas
]


def test_every_state_rule_has_a_window_test() -> None:
    tested = {region_of(number).place for number, *_ in WEEKDAY_WINDOWS}
    assert {rule.place for rule in RULES} - {"US"} <= tested


@pytest.mark.parametrize(("number", "zone", "opens", "closes"), WEEKDAY_WINDOWS)
def test_each_window_edge_on_a_weekday(number: str, zone: ZoneInfo, opens: int, closes: int) -> None:
    rules = window(number)
    before, first = at(WEDNESDAY, opens - 1, 59, zone), at(WEDNESDAY, opens, 0, zone)

    assert not rules.is_open(before) and rules.next_open(before) == first
    assert rules.is_open(first)
    assert rules.is_open(at(WEDNESDAY, closes - 1, 59, zone))
    assert not rules.is_open(at(WEDNESDAY, closes, 0, zone))
    # after the close, across midnight, to the next morning
    assert rules.next_open(at(WEDNESDAY, closes, 0, zone)) == at(
        WEDNESDAY + timedelta(days=1), opens, 0, zone
    )
    assert rules.next_open(at(WEDNESDAY, 23, 59, zone)) == at(WEDNESDAY + timedelta(days=1), opens, 0, zone)


def test_texas_opens_at_noon_on_sunday_and_at_nine_on_saturday() -> None:
    texas = window("+12145550100")
    saturday, sunday = datetime(2026, 7, 18), datetime(2026, 7, 19)

    assert texas.is_open(at(saturday, 9, 0, CHICAGO))
    assert not texas.is_open(at(sunday, 11, 59, CHICAGO))
    assert texas.next_open(at(sunday, 9, 0, CHICAGO)) == at(sunday, 12, 0, CHICAGO)
    assert texas.is_open(at(sunday, 20, 59, CHICAGO)) and not texas.is_open(at(sunday, 21, 0, CHICAGO))
    assert texas.next_open(at(saturday, 21, 0, CHICAGO)) == at(sunday, 12, 0, CHICAGO)


def test_rhode_island_weekends_run_from_ten_to_five() -> None:
    rhode_island = window("+14015550100")
    friday, saturday, sunday = datetime(2026, 7, 17), datetime(2026, 7, 18), datetime(2026, 7, 19)

    assert rhode_island.next_open(at(friday, 18, 0, NEW_YORK)) == at(saturday, 10, 0, NEW_YORK)
    assert not rhode_island.is_open(at(saturday, 9, 59, NEW_YORK))
    assert rhode_island.is_open(at(saturday, 16, 59, NEW_YORK))
    assert rhode_island.next_open(at(saturday, 17, 0, NEW_YORK)) == at(sunday, 10, 0, NEW_YORK)
    assert rhode_island.next_open(at(sunday, 17, 0, NEW_YORK)) == at(datetime(2026, 7, 20), 9, 0, NEW_YORK)


def test_a_window_follows_the_daylight_saving_change() -> None:
    new_york = window("+12125550100")
    saturday_night = datetime(2027, 3, 14, 3, 0, tzinfo=UTC)  # 22:00 EST; clocks go forward at 2:00

    assert new_york.next_open(saturday_night) == datetime(2027, 3, 14, 12, 0, tzinfo=UTC)  # 8:00 EDT
    assert new_york.next_open(datetime(2026, 11, 1, 3, 0, tzinfo=UTC)) == datetime(
        2026, 11, 1, 13, 0, tzinfo=UTC
    )


def test_an_area_code_in_two_zones_gets_the_window_open_in_both() -> None:
    panhandle = window("+18505550100")  # Florida, Central and Eastern

    assert set(region_of("+18505550100").zones) == {"America/Chicago", "America/New_York"}
    assert not panhandle.is_open(at(WEDNESDAY, 8, 30, NEW_YORK))  # 7:30 in Pensacola
    assert panhandle.next_open(at(WEDNESDAY, 8, 30, NEW_YORK)) == at(WEDNESDAY, 9, 0, NEW_YORK)
    assert panhandle.is_open(at(WEDNESDAY, 19, 59, NEW_YORK))
    assert not panhandle.is_open(at(WEDNESDAY, 20, 0, NEW_YORK))  # 19:00 in Pensacola, 20:00 in Tallahassee


def test_an_unknown_area_code_gets_the_federal_window_in_the_strictest_us_zones() -> None:
    unknown = region_of("+19995550100")
    federal = window("+19995550100")

    assert not unknown.known and unknown.subdivision is None
    assert {"America/New_York", "Pacific/Honolulu"} <= set(unknown.zones)
    # open from 8:00 in Honolulu (18:00 UTC) to 21:00 in New York (01:00 UTC)
    assert federal.next_open(datetime(2026, 7, 15, 17, 59, tzinfo=UTC)) == datetime(
        2026, 7, 15, 18, 0, tzinfo=UTC
    )
    assert federal.is_open(datetime(2026, 7, 16, 0, 59, tzinfo=UTC))
    assert not federal.is_open(datetime(2026, 7, 16, 1, 0, tzinfo=UTC))


def test_quiet_hours_across_midnight_narrow_the_window_in_the_recipients_time() -> None:
    london = ZoneInfo("Europe/London")
    quiet = '{"GB": "21:00-10:00", "US": "20:00-09:30"}'
    uk = window("+447700900123", quiet)

    assert uk.is_open(at(WEDNESDAY, 20, 59, london)) and not uk.is_open(at(WEDNESDAY, 21, 0, london))
    assert uk.next_open(at(WEDNESDAY, 23, 30, london)) == at(WEDNESDAY + timedelta(days=1), 10, 0, london)
    assert not uk.is_open(at(WEDNESDAY, 9, 59, london))
    new_york = window("+12125550100", quiet)  # federal 8 to 21, quiet from 20:00 to 9:30
    assert new_york.next_open(at(WEDNESDAY, 8, 0, NEW_YORK)) == at(WEDNESDAY, 9, 30, NEW_YORK)
    assert not new_york.is_open(at(WEDNESDAY, 20, 0, NEW_YORK))


def test_the_most_specific_quiet_hours_apply() -> None:
    quiet = parse_quiet_hours('{"*": "22:00-08:00", "US": "20:00-09:00", "US-TX": "19:00-11:00"}')

    texas, new_york = (
        SendWindow.of(region_of("+12145550100"), quiet),
        SendWindow.of(region_of("+12125550100"), quiet),
    )
    assert texas.quiet == quiet["US-TX"]
    assert new_york.quiet == quiet["US"]
    assert SendWindow.of(region_of("+33612345678"), quiet).quiet == quiet["*"]


def test_a_country_without_a_law_here_or_quiet_hours_is_never_held() -> None:
    france = window("+33612345678")

    assert france.is_open(datetime(2026, 7, 15, 2, 0, tzinfo=UTC))


def test_the_laws_caps_apply_in_florida_oklahoma_and_maryland_and_a_users_cap_only_when_lower() -> None:
    rules = SendRules(SendRulesSettings(caps=parse_caps('{"*": 5, "US-FL": 10, "US-OK": 2}')))

    assert {rule.place for rule in RULES if rule.cap == 3} == {"US-FL", "US-OK", "US-MD"}
    assert legal_cap(region_of("+12125550100")) is None
    assert rules.cap_for(region_of("+13055550100")) == 3  # the law's, lower than the user's 10
    assert rules.cap_for(region_of("+14055550100")) == 2
    assert rules.cap_for(region_of("+12125550100")) == 5


def test_a_held_request_names_the_law_or_the_quiet_hours() -> None:
    night = datetime(2026, 7, 15, 3, 0, tzinfo=UTC).timestamp()  # 23:00 in New York
    morning = datetime(2026, 7, 15, 12, 30, tzinfo=UTC).timestamp()  # 8:30
    rules = SendRules(SendRulesSettings(quiet_hours=parse_quiet_hours('{"US": "20:00-09:00"}')))

    assert rules.verdict("+12125550100", night).reason == SENDING_HOURS
    assert rules.verdict("+12125550100", morning).reason == QUIET_HOURS
    assert rules.verdict("+12125550100", morning).not_before == datetime(2026, 7, 15, 13, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ('{"US": "9-5"}', "QUIET_HOURS['US']: '9-5' is not a quiet period"),
        ('{"Texas": "20:00-09:00"}', "QUIET_HOURS['Texas']"),
        ('{"US": "20:00-20:00"}', "is empty"),
        ('["US"]', "QUIET_HOURS: is not a JSON object"),
    ],
)
def test_bad_quiet_hours_name_the_entry(value: str, message: str) -> None:
    with pytest.raises(InvalidFieldError, match=re.escape(message)):
        parse_quiet_hours(value)


def test_bad_caps_name_the_entry() -> None:
    with pytest.raises(
        InvalidFieldError, match=re.escape("FREQUENCY_CAPS['US-FL']: 0 is not a whole number")
    ):
        parse_caps('{"US-FL": 0}')


def _in_service(pattern: str) -> set[str]:
    """The area codes whose numbers ``pattern`` (a national number pattern) accepts."""
    compiled = re.compile(pattern)
    return {
        f"{area}"
        for area in range(200, 1000)
        if any(
            compiled.fullmatch(f"{area}{d}{tail}")
            for d in "23456789"
            for tail in ("000000", "234567", "555555")
        )
    }


def test_every_us_and_canadian_area_code_in_service_is_in_the_table() -> None:
    """Against libphonenumber's number patterns (PhoneNumberMetadata.xml), another file than the
    table's sources (its time zone and place data)."""
    in_service: dict[str, set[str]] = {"US": set(), "CA": set()}
    for line in PATTERNS.read_text().splitlines():
        if line and not line.startswith("#"):
            country, _, pattern = line.split(" ", 2)
            in_service[country] |= _in_service(pattern)
    table = {area: place.split("-")[0] for area, (place, _) in _area_codes().items()}

    assert len(in_service["US"]) > 300 and len(in_service["CA"]) > 40
    for country, areas in in_service.items():
        missing = sorted(area for area in areas if table.get(area) != country)
        assert not missing, f"{country} area codes missing or in another country: {missing}"
    for area, (_, zones) in _area_codes().items():
        assert zones and all(ZoneInfo(zone) for zone in zones), area


def test_zones_come_from_the_asset_when_the_runtime_has_no_zone_files(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Some Lambda images have no /usr/share/zoneinfo and no tzdata package: the asset carries its zones."""
    monkeypatch.setitem(sys.modules, "tzdata", None)
    zoneinfo.reset_tzpath(to=[])
    zoneinfo.ZoneInfo.clear_cache()
    zone.cache_clear()
    try:
        with pytest.raises(zoneinfo.ZoneInfoNotFoundError):
            zoneinfo.ZoneInfo("America/Chicago")
        assert window("+12145550100").next_open(at(WEDNESDAY, 8, 0, CHICAGO)) == at(WEDNESDAY, 9, 0, CHICAGO)
    finally:
        zoneinfo.reset_tzpath()
        zone.cache_clear()


def test_the_assets_zones_agree_with_the_pinned_tzdata() -> None:
    """Trimmed to the transitions from 2025 and the rule after them (tools/build_number_regions.py)."""
    source = importlib.resources.files("tzdata.zoneinfo")
    names = _zone_files()
    assert len(names) > 80 and "America/New_York" in names and "UTC" in names
    for name in names:
        full = zoneinfo.ZoneInfo.from_file(io.BytesIO(source.joinpath(name).read_bytes()), key=name)
        ours = zone(name)
        instant = datetime(2026, 1, 1, tzinfo=UTC)
        while instant.year < 2028:
            assert instant.astimezone(ours).utcoffset() == instant.astimezone(full).utcoffset(), (
                name,
                instant,
            )
            instant += timedelta(hours=7)
