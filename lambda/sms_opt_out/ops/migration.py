"""Migration in and out: import existing opt-out lists, export every number currently opted out.

An import is idempotent and so resumable: each row whose opt-out is already in the table is
counted and skipped, so running it again after an interruption writes only what is missing.

Every write of a state item is conditional (TransactWriteItems of 100 conditional updates), so
a reply recorded between the importer's read and its write is never erased: the row it beats is
read and decided again.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from sms_opt_out.domain.consent import is_blocked
from sms_opt_out.domain.phone_numbers import ALL_NUMBERS, to_e164
from sms_opt_out.domain.preferences import Action, PreferenceEvent, Scope, StateEntry, event_time
from sms_opt_out.errors import InvalidFieldError, StateUnavailableError
from sms_opt_out.ops.origination_keys import to_origination_key
from sms_opt_out.storage.consent_items import BATCH_GET_LIMIT, UNPROCESSED_RETRIES
from sms_opt_out.storage.opt_out_store import OptOutStore

IMPORT_CHANNEL = "import"
CSV_COLUMNS = ("number", "origination", "timestamp", "source")
_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")

Progress = Callable[[int], None]
"""Called with the number of rows (or numbers) handled so far."""


@dataclass
class ImportReport:
    imported: int = 0
    already_present: int = 0
    superseded: int = 0
    """Rows older than an opt-in already recorded for the same number."""
    invalid: list[tuple[int, str]] = field(default_factory=list)
    """(line number, reason) of each row that could not be imported."""
    write_requests: int = 0
    read_requests: int = 0

    @property
    def rows(self) -> int:
        return self.imported + self.already_present + self.superseded + len(self.invalid)


@dataclass(frozen=True)
class ImportRow:
    line: int
    number: str
    origination: str | None = None
    timestamp: str | datetime | None = None
    source: str | None = None


def read_csv(stream: TextIO) -> Iterator[ImportRow]:
    """Rows of a CSV with a header naming ``number`` and optionally origination, timestamp, source.

    A file the csv module cannot read (a field over its size limit) raises InvalidFieldError
    naming the line.
    """
    reader = csv.DictReader(stream)
    columns = {name.strip().lower(): name for name in reader.fieldnames or []}
    if "number" not in columns:
        raise InvalidFieldError(
            "header", f"the first row must name the columns, with at least: number ({', '.join(CSV_COLUMNS)})"
        )
    rows = iter(reader)
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as error:  # e.g. a field over csv.field_size_limit()
            where = f"{stream.name}: " if isinstance(getattr(stream, "name", None), str) else ""
            raise InvalidFieldError("FILE", f"{where}line {reader.reader.line_num}: {error}") from None
        values = {key: (row.get(name) or "").strip() or None for key, name in columns.items()}
        yield ImportRow(
            reader.line_num,
            values["number"] or "",
            values.get("origination"),
            values.get("timestamp"),
            values.get("source"),
        )


def read_opt_out_list(client: Any, name: str) -> Iterator[ImportRow]:
    """Every number of an End User Messaging opt-out list (DescribeOptedOutNumbers, paginated)."""
    kwargs: dict[str, Any] = {"OptOutListName": name}
    line = 0
    while True:
        response = client.describe_opted_out_numbers(**kwargs)
        for entry in response["OptedOutNumbers"]:
            line += 1
            yield ImportRow(
                line, entry["OptedOutNumber"], None, entry["OptedOutTimestamp"], f"opt-out-list:{name}"
            )
        if not response.get("NextToken"):
            return
        kwargs["NextToken"] = response["NextToken"]


def _midnight_utc_if_date(value: str | datetime | None) -> str | datetime | None:
    """A date alone (``2024-01-05``, as spreadsheets export it) is that day's midnight, UTC."""
    if isinstance(value, str) and _DATE_ONLY.fullmatch(value.strip()):
        return f"{value.strip()}T00:00:00Z"
    return value


def _event(row: ImportRow, default_time: datetime, default_source: str, now: datetime) -> PreferenceEvent:
    customer = to_e164(row.number, "number")
    origination = (
        ALL_NUMBERS if row.origination is None else to_origination_key(row.origination, "origination")
    )
    timestamp = event_time(_midnight_utc_if_date(row.timestamp) or default_time, "timestamp", now=now)
    source = row.source or default_source
    digest = hashlib.sha256(f"{customer}|{origination}|{timestamp}|{source}".encode()).hexdigest()[:24]
    return PreferenceEvent(
        customer=customer,
        origination=origination,
        timestamp=timestamp,
        action=Action.OPT_OUT,
        keyword=Action.OPT_OUT.value,
        channel=IMPORT_CHANNEL,
        event_id=f"import-{digest}",
        source=source,
    )


class OptOutImporter:
    """Brings opt-outs into the table: per 100 rows, one read and one TransactWriteItems request."""

    def __init__(
        self,
        store: OptOutStore,
        progress: Progress | None = None,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        """``now``: the clock rows without a time take, and times are checked against (60 s ahead at
        most); ``OptOutRegistry.aws_time`` for AWS's."""
        self._store = store
        self._progress = progress or (lambda handled: None)
        self._now = now

    def run(self, rows: Iterable[ImportRow], *, source: str) -> ImportReport:
        """Import ``rows``; an invalid row is reported with its line number and never stops the import."""
        report = ImportReport()
        started = self._now()
        pending: deque[PreferenceEvent] = deque()
        for row in rows:
            try:
                pending.append(_event(row, started, source, self._now()))
            except InvalidFieldError as error:
                report.invalid.append((row.line, str(error)))
            if len(pending) >= BATCH_GET_LIMIT * 4:
                self._drain(pending, report, until=BATCH_GET_LIMIT * 2)
        self._drain(pending, report, until=0)
        return report

    def _drain(self, pending: deque[PreferenceEvent], report: ImportReport, *, until: int) -> None:
        while len(pending) > until:
            self._import_chunk(_take_distinct_customers(pending, BATCH_GET_LIMIT), report)
            self._progress(report.rows)

    def _import_chunk(self, chunk: list[PreferenceEvent], report: ImportReport) -> None:
        """Read the chunk's state; write the opt-outs it lacks, each conditionally; count the rest.

        A row whose write condition failed (a later event arrived since the read) is read and
        decided again, so it ends imported, already present or superseded, and nothing is erased.
        """
        for _ in range(UNPROCESSED_RETRIES + 1):
            if not chunk:
                return
            states = self._store.states.consent_states(event.customer for event in chunk)
            report.read_requests += 1
            missing: list[PreferenceEvent] = []
            for event in chunk:
                entry = states[event.customer].entries.get(event.origination)
                if entry is not None and entry.action is Action.OPT_OUT:
                    report.already_present += 1
                elif entry is not None and entry.precedence() >= (event.timestamp, True):
                    report.superseded += 1
                else:
                    missing.append(event)
            written = self._store.imports.write_imported(missing)
            report.write_requests += written.requests
            report.imported += len(written.imported)
            chunk = written.changed_meanwhile
        if chunk:
            raise StateUnavailableError(f"{len(chunk)} rows kept meeting a later event; run the import again")


def _take_distinct_customers(pending: deque[PreferenceEvent], size: int) -> list[PreferenceEvent]:
    """Up to ``size`` events of distinct customers; a customer's second row waits for a later chunk."""
    chunk: list[PreferenceEvent] = []
    customers: set[str] = set()
    deferred: list[PreferenceEvent] = []
    while pending and len(chunk) < size:
        event = pending.popleft()
        if event.customer in customers:
            deferred.append(event)
        else:
            customers.add(event.customer)
            chunk.append(event)
    pending.extendleft(reversed(deferred))
    return chunk


@dataclass(frozen=True)
class OptedOutNumber:
    number: str
    origination: str | None
    """None when the opt-out applies to all of our numbers."""
    timestamp: str
    source: str


def opted_out_numbers(store: OptOutStore) -> Iterator[OptedOutNumber]:
    """Every (number, origination) whose opt-out is in force (no later opt-in for it or for all)."""
    for customer, state, imported in store.trail.state_items():
        for origination, entry in sorted(state.entries.items()):
            if entry.action is Action.OPT_OUT and is_blocked(state, origination, Scope.ORIGINATION):
                yield OptedOutNumber(
                    customer,
                    None if origination == ALL_NUMBERS else origination,
                    entry.timestamp,
                    _source(entry, imported),
                )


def _source(entry: StateEntry, imported: Mapping[str, Mapping[str, Any]]) -> str:
    """Where an opt-out came from: an imported one's own source (``crm``, an opt-out list), else its
    channel (``SMS``, ``web``), so an export imports back unchanged."""
    record = imported.get(entry.event_id) or {}
    return str(record.get("Source") or entry.channel)


def write_csv(rows: Iterable[OptedOutNumber], stream: TextIO) -> int:
    """Write ``rows`` in the import's own columns, so an export imports back unchanged."""
    writer = csv.writer(stream)
    writer.writerow(CSV_COLUMNS)
    count = 0
    for row in rows:
        writer.writerow([row.number, row.origination or "", row.timestamp, row.source])
        count += 1
    return count


def numbers_to_hand_back(rows: Iterable[OptedOutNumber]) -> list[str]:
    """Each opted-out number once, whatever number it opted out of: opt-out lists have no origination."""
    return sorted({row.number for row in rows})


def export_to_opt_out_list(
    numbers: Iterable[str], client: Any, name: str, progress: Progress | None = None
) -> int:
    """PutOptedOutNumber for each of ``numbers``; returns how many were put."""
    done = 0
    for number in numbers:
        client.put_opted_out_number(OptOutListName=name, OptedOutNumber=number)
        done += 1
        if progress:
            progress(done)
    return done


def open_csv(path: str) -> TextIO:
    """Open an import file, naming it in the error when it cannot be read."""
    try:
        return Path(path).open(newline="", encoding="utf-8-sig")
    except OSError as error:
        raise InvalidFieldError("FILE", f"{path}: {error.strerror}") from None
