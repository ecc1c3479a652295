"""Cold start: importing and initialising each handler in a fresh interpreter, next to bare boto3."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys

from opt_out_stack.lambda_asset import lambda_asset_directory

RUNS = 10
PROGRAMS = {
    "bare boto3 client": "import boto3; boto3.client('dynamodb')",
    "send handler": "import send_text_message; send_text_message.guarded_sender()",
    "reply handler": "import process_reply; process_reply.reply_processor()",
}
TIMED = "import time; _t = time.perf_counter(); {program}; print(time.perf_counter() - _t)"


def seconds_in_a_fresh_interpreter(program: str) -> float:
    """How long ``program`` takes in a new Python started in the Lambda asset's folder."""
    env = os.environ | {"OPT_OUT_TABLE_NAME": "SMSOptOut", "AWS_DEFAULT_REGION": "us-east-1"}
    result = subprocess.run(
        [sys.executable, "-c", TIMED.format(program=program)],
        cwd=lambda_asset_directory(),
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return float(result.stdout.strip())


def run(runs: int = RUNS) -> dict[str, float]:
    """Median seconds per program; the programs take turns, so drift hits all alike."""
    samples: dict[str, list[float]] = {name: [] for name in PROGRAMS}
    for _ in range(runs):
        for name, program in PROGRAMS.items():
            samples[name].append(seconds_in_a_fresh_interpreter(program))
    return {name: statistics.median(values) for name, values in samples.items()}
