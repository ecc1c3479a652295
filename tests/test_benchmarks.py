"""The benchmark's measuring tools and its request counts (figures of time are printed, never asserted)."""

from __future__ import annotations

from benchmarks import import_throughput, metrics_cost
from benchmarks.measure import item_size, read_units


def test_item_sizes_follow_dynamodbs_rules() -> None:
    item = {"PK": {"S": "+14155550100"}, "Entry": {"M": {"Action": {"S": "OPT_OUT"}}}}

    assert item_size(item) == (2 + 12) + (5 + 3 + (6 + 7 + 1))


def test_reads_are_charged_per_item_or_per_query_total() -> None:
    small = [{"PK": {"S": "x" * 100}}] * 50  # 5,150 bytes in all

    assert read_units(small, consistent=True, per_item=True) == 50
    assert read_units(small, consistent=True, per_item=False) == 2
    assert read_units(small, consistent=False, per_item=False) == 1
    assert read_units([], consistent=False, per_item=False) == 0.5


def test_an_import_takes_one_write_and_one_read_per_100_numbers() -> None:
    figures = import_throughput.run(rows=200)

    assert (figures.write_requests, figures.read_requests) == (2, 2)


def test_a_batch_through_three_numbers_writes_three_metric_records() -> None:
    cost = metrics_cost.run(runs=1)

    assert cost.records_per_batch == metrics_cost.IDENTITIES
    assert cost.powertools_zipped > 0, "the baseline is measured, not assumed"
