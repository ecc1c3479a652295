"""Cold start: importing and initialising each handler in a fresh interpreter, next to bare boto3.

The handlers run from a copy of the Lambda asset as CDK bundles it (``lambda_asset.EXCLUDE``: no
``__pycache__``), with bytecode writing off, so every run compiles the package from source as a new
Lambda container does; a checkout where an earlier run left ``.pyc`` files would measure less. boto3
and botocore come precompiled, as in the Lambda runtime. Every program runs with the variables Lambda
sets (``LAMBDA_ENVIRONMENT``: region and credentials).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from benchmarks.asset_size import bundled_files
from opt_out_stack.lambda_asset import lambda_asset_directory

RUNS = 20
PROGRAMS = {
    "bare boto3 client": "import boto3; boto3.client('dynamodb')",
    "send handler": "import send_text_message; send_text_message.guarded_sender()",
    "reply handler": "import process_reply; process_reply.reply_processor()",
}
LAMBDA_ENVIRONMENT = {
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_ACCESS_KEY_ID": "bench",
    "AWS_SECRET_ACCESS_KEY": "bench",
    "AWS_SESSION_TOKEN": "bench",
}
"""What Lambda sets for every function: the region and the role's credentials, so botocore's chain stops
at the environment (without them it would probe the instance metadata service, which no function does)."""
TIMED = (
    "import time; _t = time.perf_counter(); _c = time.process_time(); {program}; "
    "print(time.perf_counter() - _t, time.process_time() - _c)"
)


@dataclass(frozen=True)
class Timing:
    wall: float
    """Seconds on the clock: the cold start."""
    cpu: float
    """The interpreter's CPU seconds (user and system): the same work, less the waits for a shared
    machine's cores."""


def seconds_in_a_fresh_interpreter(program: str, folder: Path | None = None) -> float:
    """How long ``program`` takes in a new Python started in ``folder`` (the Lambda asset's by default),
    writing no bytecode."""
    return timing_in_a_fresh_interpreter(program, folder).wall


def timing_in_a_fresh_interpreter(program: str, folder: Path | None = None) -> Timing:
    """``seconds_in_a_fresh_interpreter``, with the CPU seconds beside."""
    env = (
        os.environ | LAMBDA_ENVIRONMENT | {"OPT_OUT_TABLE_NAME": "SMSOptOut", "PYTHONDONTWRITEBYTECODE": "1"}
    )
    result = subprocess.run(
        [sys.executable, "-c", TIMED.format(program=program)],
        cwd=folder or lambda_asset_directory(),
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    wall, cpu = result.stdout.split()
    return Timing(float(wall), float(cpu))


def bundled_asset(into: Path) -> Path:
    """A copy of the Lambda asset as CDK bundles it: no bytecode, no type marker, no operator's side."""
    folder = into / "asset"
    for path, relative in bundled_files():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, folder / relative)
    return folder


def run(runs: int = RUNS) -> dict[str, Timing]:
    """Median seconds (wall and CPU) per program; the programs take turns, so drift hits all alike."""
    samples: dict[str, list[Timing]] = {name: [] for name in PROGRAMS}
    with tempfile.TemporaryDirectory() as scratch:
        folder = bundled_asset(Path(scratch))
        for _ in range(runs):
            for name, program in PROGRAMS.items():
                samples[name].append(timing_in_a_fresh_interpreter(program, folder))
    return {
        name: Timing(statistics.median(t.wall for t in values), statistics.median(t.cpu for t in values))
        for name, values in samples.items()
    }
