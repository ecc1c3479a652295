"""Where the Lambda code is: beside this package in a wheel, or lambda/ in a source checkout."""

from __future__ import annotations

from pathlib import Path

import aws_cdk.aws_lambda as lambda_

_PACKAGED = Path(__file__).parent / "_lambda"
_CHECKOUT = Path(__file__).parent.parent / "lambda"


OPERATOR_SIDE = ("sms_opt_out/ops", "sms_opt_out/registry.py")
"""The operator's tools (CLI, ``OptOutRegistry``, migration, dead letters): in the wheel, never run by a
function (``tests/test_layout.py`` keeps every other module from importing them)."""
EXCLUDE = ("**/__pycache__", "**/*.pyc", "**/py.typed", *OPERATOR_SIDE)
"""Not the functions' code: the type checker's marker and the operator's side stay in the wheel."""


def lambda_asset_directory() -> Path:
    """The folder whose contents become the functions' code."""
    return _PACKAGED if _PACKAGED.is_dir() else _CHECKOUT


def lambda_code() -> lambda_.Code:
    """The handlers and the ``sms_opt_out`` package, nothing else (boto3 comes with the runtime)."""
    return lambda_.Code.from_asset(str(lambda_asset_directory()), exclude=list(EXCLUDE))
