"""Import throughput against moto: rows per second, and read and write requests, of an import.

moto deep-copies the table once per item of a TransactWriteItems (to roll back a cancelled one),
so its throughput falls as the table grows and says little about DynamoDB's: the default size is
one moto handles in seconds. The request counts scale linearly to any size (one read and one
write request per 100 new numbers).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from benchmarks.local_stack import local_stack
from sandbox.local_aws import TABLE_NAME
from sandbox.request_counter import RequestCounter
from sms_opt_out.ops.migration import ImportRow, OptOutImporter
from sms_opt_out.storage.opt_out_store import OptOutStore

ROWS = 500


@dataclass(frozen=True)
class ImportFigures:
    rows: int
    seconds: float
    write_requests: int
    read_requests: int

    @property
    def rows_per_second(self) -> float:
        return self.rows / self.seconds

    def per_100k(self, requests: int) -> int:
        """``requests`` scaled to an import of 100,000 numbers."""
        return round(requests * 100_000 / self.rows)


def run(rows: int = ROWS) -> ImportFigures:
    with local_stack():
        counting = RequestCounter()
        store = OptOutStore.of(TABLE_NAME, counting.client("dynamodb"))
        data = (ImportRow(line + 2, f"+1{line + 2_000_000_000:010d}") for line in range(rows))
        started = time.perf_counter()
        report = OptOutImporter(store).run(data, source="benchmark.csv")
        elapsed = time.perf_counter() - started
        assert report.imported == rows, report
        writes = sum(
            n
            for op, n in counting.requests.items()
            if op in ("dynamodb:TransactWriteItems", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem")
        )
        return ImportFigures(rows, elapsed, writes, counting.requests["dynamodb:BatchGetItem"])
