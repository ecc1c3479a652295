"""The Lambda asset's zipped size: what CDK uploads for both functions."""

from __future__ import annotations

import io
import zipfile

from opt_out_stack.lambda_asset import lambda_asset_directory


def run() -> int:
    """Bytes of the asset zipped with deflate, the files CDK bundles (no caches)."""
    root = lambda_asset_directory()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(root.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                archive.write(path, path.relative_to(root))
    return len(buffer.getvalue())
