"""What the outcome metrics cost: cold start, CPU per message, and Powertools Metrics beside them.

Cold starts time, in a fresh interpreter that has already imported the send path (as the handler
has), the import and construction of our ``SendMetrics`` and of Powertools' ``Metrics``. Powertools
is a dev dependency here, measured as the alternative; it is not in the Lambda asset.
"""

from __future__ import annotations

import importlib.util
import io
import statistics
import subprocess
import sys
import time
import zipfile
from contextlib import redirect_stdout
from dataclasses import dataclass
from pathlib import Path

from opt_out_stack.lambda_asset import lambda_asset_directory
from sms_opt_out.metrics import SendMetrics

RUNS = 10
BATCH = 1_000
IDENTITIES = 3
PRELOAD = "import sms_opt_out.send.service, json, time"
PROGRAMS = {
    "ours": "import sms_opt_out.metrics; sms_opt_out.metrics.SendMetrics()",
    "powertools": "from aws_lambda_powertools import Metrics; Metrics(namespace='SmsOptOut')",
}
TIMED = "{preload}; import time as _t; _s = _t.perf_counter(); {program}; print(_t.perf_counter() - _s)"


@dataclass(frozen=True)
class MetricsCost:
    cold_start: dict[str, float]
    """Median seconds to import and build, per program."""
    cpu_per_message: float
    """CPU seconds per result counted and written, batch of ``BATCH``."""
    records_per_batch: int
    powertools_zipped: int
    """Bytes Powertools would add to the asset, zipped."""


def _once(program: str) -> float:
    result = subprocess.run(
        [sys.executable, "-c", TIMED.format(preload=PRELOAD, program=program)],
        cwd=lambda_asset_directory(),
        capture_output=True,
        text=True,
        check=True,
    )
    return float(result.stdout.strip())


def _cpu_per_message(runs: int) -> tuple[float, int]:
    identities = [f"+1844555{n:04d}" for n in range(IDENTITIES)]
    requests = [{"OriginationIdentity": identities[n % IDENTITIES]} for n in range(BATCH)]
    results = [{"status": "OPTED_OUT" if n % 10 == 0 else "SENT"} for n in range(BATCH)]
    samples, written = [], ""
    for _ in range(runs):
        out = io.StringIO()
        started = time.process_time()
        with redirect_stdout(out):
            metrics = SendMetrics()
            metrics.add_results(requests, results)
            metrics.flush()
        samples.append((time.process_time() - started) / BATCH)
        written = out.getvalue()
    return statistics.median(samples), len(written.splitlines())


def _zipped_size(package: str) -> int:
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        return 0
    root = Path(spec.origin).parent
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(root.rglob("*.py")):
            archive.write(path, path.relative_to(root.parent))
    return len(buffer.getvalue())


def run(runs: int = RUNS) -> MetricsCost:
    samples: dict[str, list[float]] = {name: [] for name in PROGRAMS}
    for _ in range(runs):
        for name, program in PROGRAMS.items():
            samples[name].append(_once(program))
    cpu, records = _cpu_per_message(runs)
    return MetricsCost(
        cold_start={name: statistics.median(values) for name, values in samples.items()},
        cpu_per_message=cpu,
        records_per_batch=records,
        powertools_zipped=_zipped_size("aws_lambda_powertools"),
    )
