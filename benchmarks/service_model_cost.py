"""The cost of the shipped ``pinpoint-sms-voice-v2`` model (``sms_opt_out.service_models``): its
zipped bytes in the asset, and the SMS client's creation in a fresh interpreter with it and with the
installed botocore's own model (the one a runtime as new as our pin would use)."""

from __future__ import annotations

import io
import statistics
import zipfile
from dataclasses import dataclass

from benchmarks.cold_start import seconds_in_a_fresh_interpreter
from sms_opt_out.service_models import MODELS_DIRECTORY

RUNS = 10
IMPORTS = "import botocore.session; from sms_opt_out.service_models import use_shipped_models; "
PROGRAMS = {
    "shipped model": IMPORTS
    + "use_shipped_models(botocore.session.get_session()).create_client('pinpoint-sms-voice-v2')",
    "botocore's model": IMPORTS + "botocore.session.get_session().create_client('pinpoint-sms-voice-v2')",
}


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


def run(runs: int = RUNS) -> ModelCost:
    """Median seconds per program; the programs take turns, so drift hits both alike."""
    samples: dict[str, list[float]] = {name: [] for name in PROGRAMS}
    for _ in range(runs):
        for name, program in PROGRAMS.items():
            samples[name].append(seconds_in_a_fresh_interpreter(program))
    return ModelCost(_zipped(), {name: statistics.median(values) for name, values in samples.items()})
