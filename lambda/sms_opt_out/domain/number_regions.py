"""Where a phone number was issued: its country, state or province, and time zones.

For the North American Numbering Plan (+1) the area code decides (``number_regions_data``, built
from libphonenumber by ``tools/build_number_regions.py``); elsewhere the longest prefix of the
number that the data knows. This is where the number was issued, not where its holder is now.
"""

from __future__ import annotations

import functools
import importlib.resources
import io
import struct
import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

ZONES_FILE = "time_zones.bin"
"""The TZif data of every zone the data names, from the pinned tzdata (``tools/build_number_regions.py``):
a line naming the tzdata release, then, zlib-compressed, per zone its name, a newline, the length
of its TZif data (2 bytes, big-endian) and the data."""
NANP = "1"
UNKNOWN_NANP_COUNTRY = "US"
"""An unknown +1 area code is taken for the US (the strictest: the federal rule in all its zones)."""


@dataclass(frozen=True)
class Region:
    """Where a number was issued. ``place`` is ``US-FL`` when the state is known, else ``US``."""

    country: str | None
    """ISO 3166 code; None when no calling code matched."""
    subdivision: str | None
    """ISO 3166-2 code (``US-FL``, ``CA-ON``) for a NANP area code of the US or Canada."""
    zones: tuple[str, ...]
    """IANA time zones the number may be in; empty when unknown."""
    known: bool = True
    """False for a +1 area code not in the table (the country's every zone is assumed)."""

    @property
    def place(self) -> str:
        return self.subdivision or self.country or "*"


def _data() -> Any:
    """The generated tables, imported when first read: the functions' cold starts do not compile them."""
    from sms_opt_out.domain import number_regions_data

    return number_regions_data


@functools.cache
def _area_codes() -> dict[str, tuple[str, tuple[str, ...]]]:
    table = {}
    for line in _data().NANP_AREA_CODES.split("\n"):
        if line:
            area, place, *zones = line.split(" ")
            table[area] = (place, tuple(zones))
    return table


@functools.cache
def _prefix_zones() -> dict[str, tuple[str, ...]]:
    names = _data().ZONE_NAMES.split("\n")[1:-1]
    table = {}
    for line in _data().PREFIX_ZONES.split("\n"):
        if line:
            prefix, *indexes = line.split(" ")
            table[prefix] = tuple(names[int(index)] for index in indexes)
    return table


@functools.cache
def _calling_codes() -> dict[str, str]:
    pairs = (line.split(" ", 1) for line in _data().CALLING_CODES.split("\n") if line)
    return {code: country for code, country in pairs}


@functools.cache
def country_zones(country: str) -> tuple[str, ...]:
    """Every zone of the NANP area codes of ``country`` (US: from Eastern to Hawaii and Alaska)."""
    areas = _area_codes().values()
    zones = {zone for place, of_place in areas if place.split("-")[0] == country for zone in of_place}
    return tuple(sorted(zones))


def region_of(e164: str) -> Region:
    """The region of an E.164 number (``+`` and digits, as ``phone_numbers.to_e164`` gives)."""
    digits = e164.lstrip("+")
    if digits.startswith(NANP):
        found = _area_codes().get(digits[1:4])
        if found is None:
            return Region(UNKNOWN_NANP_COUNTRY, None, country_zones(UNKNOWN_NANP_COUNTRY), known=False)
        place, zones = found
        country, _, subdivision = place.partition("-")
        return Region(country, place if subdivision else None, zones)
    codes = _calling_codes()
    calling = next((codes[digits[:n]] for n in (1, 2, 3) if digits[:n] in codes), None)
    prefixes = _prefix_zones()
    zones = next((prefixes[digits[:n]] for n in range(len(digits), 0, -1) if digits[:n] in prefixes), ())
    return Region(calling, None, zones, known=calling is not None)


@functools.cache
def _zone_files() -> dict[str, bytes]:
    data = importlib.resources.files(__package__).joinpath(ZONES_FILE).read_bytes()
    records = zlib.decompress(data[data.index(b"\n") + 1 :])
    zones, at = {}, 0
    while at < len(records):
        end = records.index(b"\n", at)
        (length,) = struct.unpack(">H", records[end + 1 : end + 3])
        zones[records[at:end].decode()] = records[end + 3 : end + 3 + length]
        at = end + 3 + length
    return zones


@functools.cache
def zone(name: str) -> ZoneInfo:
    """The IANA zone ``name`` from the asset's zone files (the runtime's own may be missing)."""
    from zoneinfo import ZoneInfo  # here: the send function's cold start reads no zone

    data = _zone_files().get(name)
    return ZoneInfo(name) if data is None else ZoneInfo.from_file(io.BytesIO(data), key=name)
