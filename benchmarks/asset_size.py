"""The Lambda asset's zipped size: what CDK uploads for the functions."""

from __future__ import annotations

import fnmatch
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

from opt_out_stack.lambda_asset import EXCLUDE, lambda_asset_directory


def _excluded(relative: str) -> bool:
    """Whether CDK's asset leaves ``relative`` out (a pattern of ``EXCLUDE``, or a folder under one)."""
    parts = relative.split("/")
    prefixes = ["/".join(parts[: n + 1]) for n in range(len(parts))]
    return any(
        fnmatch.fnmatch(prefix, pattern) or fnmatch.fnmatch(prefix, pattern.removeprefix("**/"))
        for pattern in EXCLUDE
        for prefix in prefixes
    )


def bundled_files() -> Iterator[tuple[Path, str]]:
    """Each file CDK bundles (``lambda_asset.EXCLUDE`` left out) and its path in the asset, in order."""
    root = lambda_asset_directory()
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root).as_posix()
        if path.is_file() and not _excluded(relative):
            yield path, relative


CLASSIFIER = frozenset(
    f"sms_opt_out/domain/{name}"
    for name in (
        "intents.py",
        "keywords.py",
        "text_normalisation.py",
        "languages.py",
        "reply_model.py",
        "reply_model.json",
    )
)
"""The classifier's modules in the asset (issue 21); before it, they were ``keywords.py`` and
``languages.py`` only."""


def run(only: frozenset[str] | None = None) -> int:
    """Bytes of the asset zipped with deflate, the files CDK bundles (or ``only`` those of them)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, relative in bundled_files():
            if only is None or relative in only:
                archive.write(path, relative)
    return len(buffer.getvalue())
