# ruff: noqa: E501
"""Build ``lambda/sms_opt_out/domain/number_regions_data.py`` from Google's libphonenumber (Apache 2.0).

Usage: ``python tools/build_number_regions.py LIBPHONENUMBER_GIT_DIR [COMMIT]`` (a clone of
https://github.com/google/libphonenumber). Three of its files are read at ``COMMIT`` (default HEAD):

- ``resources/timezones/map_data.txt``: number prefix to IANA time zones. An area code's zones are
  every zone of every prefix under it (208: America/Boise, America/Denver, America/Los_Angeles).
- ``resources/geocoding/en/1.txt``: NANP prefix to place; an area code's state or province is its
  own entry (``1210|San Antonio, TX``) or the commonest ``, XX`` of the prefixes under it.
- ``resources/PhoneNumberMetadata.xml``: which NANP area codes are another country's (876: JM),
  each calling code's main country, and (for tests/data) the US and Canadian number patterns.
"""

from __future__ import annotations

import importlib.resources
import io
import re
import struct
import subprocess
import sys
import zlib
from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "lambda" / "sms_opt_out" / "domain" / "number_regions_data.py"
PATTERNS = ROOT / "tests" / "data" / "libphonenumber_nanp_patterns.txt"
ZONES = ROOT / "lambda" / "sms_opt_out" / "domain" / "time_zones.bin"
"""The TZif file of every zone the data names (and UTC), from the pinned ``tzdata`` package: the
Lambda runtime's own zone files are not relied on (some images have none), and every container
computes windows from the same rules. Each file keeps only what decides times from ``SINCE`` on:
the transitions after it and the POSIX rule (the footer) for the rest, which is about a tenth of
the size; every zone is checked against the full file every hour from ``SINCE`` for ``CHECKED_YEARS``."""
SINCE = datetime(2025, 1, 1, tzinfo=UTC)
CHECKED_YEARS = 6

US_STATES = {
    "Alabama": "AL", "Alaska": "AK", "Arizona": "AZ", "Arkansas": "AR", "California": "CA",
    "Colorado": "CO", "Connecticut": "CT", "Delaware": "DE", "Florida": "FL", "Georgia": "GA",
    "Hawaii": "HI", "Idaho": "ID", "Illinois": "IL", "Indiana": "IN", "Iowa": "IA", "Kansas": "KS",
    "Kentucky": "KY", "Louisiana": "LA", "Maine": "ME", "Maryland": "MD", "Massachusetts": "MA",
    "Michigan": "MI", "Minnesota": "MN", "Mississippi": "MS", "Missouri": "MO", "Montana": "MT",
    "Nebraska": "NE", "Nevada": "NV", "New Hampshire": "NH", "New Jersey": "NJ", "New Mexico": "NM",
    "New York": "NY", "North Carolina": "NC", "North Dakota": "ND", "Ohio": "OH", "Oklahoma": "OK",
    "Oregon": "OR", "Pennsylvania": "PA", "Rhode Island": "RI", "South Carolina": "SC",
    "South Dakota": "SD", "Tennessee": "TN", "Texas": "TX", "Utah": "UT", "Vermont": "VT",
    "Virginia": "VA", "Washington": "WA", "Washington State": "WA", "West Virginia": "WV",
    "Wisconsin": "WI", "Wyoming": "WY", "Washington D.C.": "DC",
}  # fmt: skip
PROVINCES = {
    "Alberta": "AB", "British Columbia": "BC", "Manitoba": "MB", "New Brunswick": "NB",
    "Newfoundland and Labrador": "NL", "Nova Scotia": "NS", "Ontario": "ON", "Quebec": "QC",
    "Saskatchewan": "SK", "Prince Edward Island": "PE", "Northwest Territories": "NT",
    "Nunavut": "NU", "Yukon": "YT", "Nova Scotia/Prince Edward Island": "NS",
    "Northwest Territories/Nunavut/Yukon": "NT",
}  # fmt: skip

SUPPLEMENT = {
    "257": "CA-BC America/Edmonton America/Vancouver",
}
"""Area codes in service that libphonenumber's place and zone data lack yet (NANPA's area code list,
https://www.nanpa.com/): 257 overlays British Columbia's 236, 250, 604, 672 and 778 (2025)."""


def show(repo: str, commit: str, path: str) -> str:
    return subprocess.run(
        ["git", f"--git-dir={repo}", "show", f"{commit}:{path}"], check=True, capture_output=True, text=True
    ).stdout


def entries(text: str) -> list[tuple[str, str]]:
    return [tuple(line.split("|", 1)) for line in text.splitlines() if line and not line.startswith("#")]  # type: ignore[misc]


def main(repo: str, commit: str = "HEAD") -> None:
    sha = subprocess.run(
        ["git", f"--git-dir={repo}", "rev-parse", commit], check=True, capture_output=True, text=True
    ).stdout.strip()
    zones = entries(show(repo, commit, "resources/timezones/map_data.txt"))
    places = entries(show(repo, commit, "resources/geocoding/en/1.txt"))
    metadata = show(repo, commit, "resources/PhoneNumberMetadata.xml")

    other_countries: dict[str, str] = {}
    main_country: dict[str, str] = {}
    for match in re.finditer(r'<territory id="([A-Z0-9]+)"([^>]*)>', metadata):
        region, attributes = match.groups()
        code = re.search(r'countryCode="(\d+)"', attributes).group(1)  # type: ignore[union-attr]
        leading = re.search(r'leadingDigits="([^"]+)"', attributes)
        if code == "1" and leading:
            for area in range(200, 1000):
                if (
                    re.match(f"(?:{leading.group(1)})", str(area))
                    and len(re.match(f"(?:{leading.group(1)})", str(area)).group(0)) == 3
                ):  # type: ignore[union-attr]
                    other_countries[str(area)] = region
        if code not in main_country or 'mainCountryForCode="true"' in attributes:
            main_country[code] = region

    area_zones: dict[str, set[str]] = defaultdict(set)
    other_zones: dict[str, str] = {}
    for prefix, names in zones:
        if prefix.startswith("1") and len(prefix) >= 4:
            area_zones[prefix[1:4]].update(names.split("&"))
        elif not prefix.startswith("1"):
            other_zones[prefix] = " ".join(sorted({same_rules(name) for name in names.split("&")}))
    for prefix in sorted(other_zones, key=len, reverse=True):  # a prefix saying what its parent says
        parent = next((prefix[:n] for n in range(len(prefix) - 1, 0, -1) if prefix[:n] in other_zones), None)
        if parent is not None and other_zones[parent] == other_zones[prefix]:
            del other_zones[prefix]

    area_place: dict[str, str] = {}
    suffixes: dict[str, Counter[str]] = defaultdict(Counter)
    for prefix, place in places:
        if len(prefix) == 4:
            area_place[prefix[1:]] = place
        elif len(prefix) > 4 and (m := re.search(r", ([A-Z]{2})$", place)):
            suffixes[prefix[1:4]][m.group(1)] += 1

    rows = []
    for area in sorted(set(area_zones) | set(area_place)):
        country = other_countries.get(area)
        place = area_place.get(area, "")
        region = ""
        if country is None:
            if place in PROVINCES:
                country, region = "CA", PROVINCES[place]
            elif place in US_STATES:
                country, region = "US", US_STATES[place]
            elif m := re.search(r", ([A-Z]{2})$", place):
                country, region = "US", m.group(1)
            elif suffixes[area]:
                country, region = "US", suffixes[area].most_common(1)[0][0]
            else:
                continue  # not geographic (toll-free, 5XX, 900)
            if region in PROVINCES.values():
                country = "CA"
        if not area_zones.get(area):
            continue
        place_code = f"{country}-{region}" if region else country
        rows.append(f"{area} {place_code} {' '.join(sorted(area_zones[area]))}")

    known = {row.split(" ")[0] for row in rows}
    rows = sorted(rows + [f"{area} {value}" for area, value in SUPPLEMENT.items() if area not in known])
    calling = "\n".join(f"{code} {region}" for code, region in sorted(main_country.items()) if code != "1")
    zone_names = sorted({zone for names in other_zones.values() for zone in names.split(" ")})
    number = {zone: str(index) for index, zone in enumerate(zone_names)}
    prefixes = "\n".join(
        f"{prefix} {' '.join(number[zone] for zone in names.split(' '))}"
        for prefix, names in sorted(other_zones.items())
    )
    OUTPUT.write_text(
        "# ruff: noqa: E501\n"
        f'"""Generated by tools/build_number_regions.py from google/libphonenumber {sha} (Apache 2.0): do not edit.\n\n'
        "NANP_AREA_CODES: area code, ISO 3166 country or ``country-subdivision``, its IANA time zones.\n"
        "CALLING_CODES: country calling code and its main country. PREFIX_ZONES: a number prefix outside\n"
        "the NANP (calling code first) and its IANA time zones, as line numbers (from 0) of ZONE_NAMES;\n"
        'the longest prefix of a number applies.\n"""\n\n'
        f'SOURCE = "https://github.com/google/libphonenumber/tree/{sha}/resources"\n\n'
        f'NANP_AREA_CODES = """\n' + "\n".join(rows) + '\n"""\n\n'
        f'CALLING_CODES = """\n{calling}\n"""\n\n'
        f'PREFIX_ZONES = """\n{prefixes}\n"""\n\n'
        'ZONE_NAMES = """\n' + "\n".join(zone_names) + '\n"""\n'
    )
    patterns = []
    for region in ("US", "CA"):
        block = re.search(f'<territory id="{region}".*?</territory>', metadata, re.S).group(0)  # type: ignore[union-attr]
        for kind in ("fixedLine", "mobile"):
            pattern = re.search(
                f"<{kind}>.*?<nationalNumberPattern>(.*?)</nationalNumberPattern>", block, re.S
            )
            patterns.append(f"{region} {kind} " + re.sub(r"\s+", "", pattern.group(1)))  # type: ignore[union-attr]
    PATTERNS.write_text(
        f"# US and Canadian number patterns of libphonenumber {sha} (PhoneNumberMetadata.xml)\n"
        + "\n".join(patterns)
        + "\n"
    )
    zones = {zone for row in rows for zone in row.split(" ")[2:]} | {"UTC"}
    write_zones(zones | {zone for names in other_zones.values() for zone in names.split(" ")})
    print(
        f"{len(rows)} area codes, {len(main_country)} calling codes, {len(other_zones)} prefixes -> {OUTPUT}"
    )


def _rules_key(name: str) -> bytes:
    """What decides a zone's times from SINCE on, without its abbreviations."""
    import tzdata  # noqa: F401

    full = importlib.resources.files("tzdata.zoneinfo").joinpath(name).read_bytes()
    times, indexes, ttinfos, _, footer, _ = parse_tzif(trim_tzif(full, int(SINCE.timestamp())))
    offsets = b"".join(ttinfos[i * 6 : i * 6 + 5] for i in range(len(ttinfos) // 6))
    rule = re.sub(rb"<[^>]*>|[A-Za-z]{3,}", b"N", footer)
    return repr(times).encode() + indexes + offsets + rule


_CANONICAL: dict[bytes, str] = {}


def same_rules(name: str) -> str:
    """The zone with the same rules from SINCE on as ``name`` that tzdata's ``zone1970.tab`` lists
    first (London for Guernsey, Abidjan for Banjul), else ``name``."""
    if not _CANONICAL:
        table = importlib.resources.files("tzdata.zoneinfo").joinpath("zone1970.tab").read_text()
        for line in table.splitlines():
            if line and not line.startswith("#"):
                principal = line.split("\t")[2]
                _CANONICAL.setdefault(_rules_key(principal), principal)
    return _CANONICAL.setdefault(_rules_key(name), name)


def write_zones(names: set[str]) -> None:
    import tzdata

    source = importlib.resources.files("tzdata.zoneinfo")
    records = []
    for name in sorted(names):
        full = source.joinpath(name).read_bytes()
        trimmed = trim_tzif(full, int(SINCE.timestamp()))
        check_same(name, full, trimmed)
        records.append(name.encode() + b"\n" + struct.pack(">H", len(trimmed)) + trimmed)
    first_line = (
        f"IANA tzdata {tzdata.IANA_VERSION} (PyPI tzdata {tzdata.__version__}), from {SINCE:%Y-%m-%d}\n"
    )
    ZONES.write_bytes(first_line.encode() + zlib.compress(b"".join(records), 9))


def parse_tzif(data: bytes) -> tuple[tuple[int, ...], bytes, bytes, bytes, bytes, bytes]:
    """The version 2 block of a TZif file (RFC 8536): transition times, their type indexes, the
    types, the designations, the footer and the version byte."""
    assert data[:4] == b"TZif" and data[4:5] >= b"2", "a TZif file of version 2 or later"
    isut, isstd, leap, time, types, chars = struct.unpack(">6l", data[20:44])
    start = 44 + time * 5 + types * 6 + chars + leap * 8 + isstd + isut
    version = data[start + 4 : start + 5]
    isut, isstd, leap, time, types, chars = struct.unpack(">6l", data[start + 20 : start + 44])
    body = start + 44
    times = struct.unpack(f">{time}q", data[body : body + time * 8])
    indexes = data[body + time * 8 : body + time * 9]
    at = body + time * 9
    after = at + types * 6 + chars + leap * 12 + isstd + isut
    return (
        times,
        indexes,
        data[at : at + types * 6],
        data[at + types * 6 : at + types * 6 + chars],
        data[after:],
        version,
    )


def trim_tzif(data: bytes, since: int) -> bytes:
    """A TZif v2+ file with the transitions before ``since`` dropped (RFC 8536); the type in force at
    ``since`` opens the kept ones, and the footer's rule follows the last."""
    times, indexes, ttinfos, designations, footer, version = parse_tzif(data)
    types, chars = len(ttinfos) // 6, len(designations)
    in_force = [i for t, i in zip(times, indexes, strict=True) if t <= since]
    kept = [(t, i) for t, i in zip(times, indexes, strict=True) if t > since]
    if kept or footer.strip() == b"":
        kept = [(since, in_force[-1] if in_force else 0), *kept]
    used = sorted({i for _, i in kept} | {in_force[-1] if in_force else 0})
    ttinfos = b"".join(ttinfos[i * 6 : i * 6 + 6] for i in used)
    kept = [(t, used.index(i)) for t, i in kept]
    types = len(used)
    header = b"TZif" + version + bytes(15)
    v1_block = struct.pack(">6l", 0, 0, 0, 0, 1, 1) + struct.pack(">lBB", 0, 0, 0) + b"\0"
    v2 = struct.pack(">6l", 0, 0, 0, len(kept), types, chars)
    v2 += struct.pack(f">{len(kept)}q", *(t for t, _ in kept)) + bytes(i for _, i in kept)
    return header + v1_block + header + v2 + ttinfos + designations + footer


def check_same(name: str, full: bytes, trimmed: bytes) -> None:
    """Both files give the same offset and name every hour from SINCE for CHECKED_YEARS, and the same
    local times (with fold) back to UTC."""
    a = ZoneInfo.from_file(io.BytesIO(full), key=name)
    b = ZoneInfo.from_file(io.BytesIO(trimmed), key=name)
    hour, instant = timedelta(hours=1), SINCE
    while instant < SINCE.replace(year=SINCE.year + CHECKED_YEARS):
        x, y = instant.astimezone(a), instant.astimezone(b)
        assert (x.utcoffset(), x.tzname(), x.replace(tzinfo=None)) == (
            y.utcoffset(),
            y.tzname(),
            y.replace(tzinfo=None),
        ), (name, instant)
        local = instant.replace(tzinfo=None)
        assert local.replace(tzinfo=a).utcoffset() == local.replace(tzinfo=b).utcoffset(), (name, local)
        instant += hour


if __name__ == "__main__":
    main(*sys.argv[1:])
