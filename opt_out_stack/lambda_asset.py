"""Where the Lambda code is: beside this package in a wheel, or lambda/ in a source checkout."""

from __future__ import annotations

from pathlib import Path

import aws_cdk.aws_lambda as lambda_

_PACKAGED = Path(__file__).parent / "_lambda"
_CHECKOUT = Path(__file__).parent.parent / "lambda"


EXCLUDE = ("**/__pycache__", "**/*.pyc", "**/py.typed")
"""Not code: the type checker's marker stays in the wheel, out of the functions."""


def lambda_asset_directory() -> Path:
    """The folder whose contents become the functions' code."""
    return _PACKAGED if _PACKAGED.is_dir() else _CHECKOUT


def lambda_code() -> lambda_.Code:
    """The handlers and the ``sms_opt_out`` package, nothing else (boto3 comes with the runtime)."""
    return lambda_.Code.from_asset(str(lambda_asset_directory()), exclude=list(EXCLUDE))
