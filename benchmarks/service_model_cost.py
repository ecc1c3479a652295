"""The cost of the shipped ``pinpoint-sms-voice-v2`` model (``sms_opt_out.service_models``): its
zipped bytes in the asset, and the SMS client's creation in a fresh interpreter with it and with the
installed botocore's own model (the one a runtime as new as our pin would use)."""

from __future__ import annotations

import io
import os
import statistics
import subprocess
import sys
import zipfile
from dataclasses import dataclass

from opt_out_stack.lambda_asset import lambda_asset_directory
from sms_opt_out.service_models import MODELS_DIRECTORY

RUNS = 10
IMPORTS = "import botocore.session; from sms_opt_out.service_models import use_shipped_models; "
PROGRAMS = {
    "shipped model": IMPORTS
    + "use_shipped_models(botocore.session.get_session()).create_client('pinpoint-sms-voice-v2')",
    "botocore's model": IMPORTS + "botocore.session.get_session().create_client('pinpoint-sms-voice-v2')",
}
TIMED = "import time; _t = time.perf_counter(); {program}; print(time.perf_counter() - _t)"


@dataclass(frozen=True)
class ModelCost:
    zipped_bytes: int
    client_seconds: dict[str, float]


def _zipped() -> int:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(MODELS_DIRECTORY.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(MODELS_DIRECTORY))
    return len(buffer.getvalue())


def _once(program: str) -> float:
    env = os.environ | {"AWS_DEFAULT_REGION": "us-east-1"}
    result = subprocess.run(
        [sys.executable, "-c", TIMED.format(program=program)],
        cwd=lambda_asset_directory(),
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return float(result.stdout.strip())


def run(runs: int = RUNS) -> ModelCost:
    """Median seconds per program; the programs take turns, so drift hits both alike."""
    samples: dict[str, list[float]] = {name: [] for name in PROGRAMS}
    for _ in range(runs):
        for name, program in PROGRAMS.items():
            samples[name].append(_once(program))
    return ModelCost(_zipped(), {name: statistics.median(values) for name, values in samples.items()})
