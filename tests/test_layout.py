"""The layout a newcomer reads: role packages with true maps, a domain free of AWS, the public paths."""

from __future__ import annotations

import ast
import importlib
import tomllib
from pathlib import Path

import pytest

RUNTIME = Path(__file__).parent.parent / "lambda" / "sms_opt_out"
ROLES = ("domain", "reply", "send", "delivery", "sms", "storage", "ops")
ADAPTERS = tuple(f"sms_opt_out.{role}" for role in ROLES if role != "domain")
AWS = ("boto3", "botocore")


def imported(module: Path) -> set[str]:
    """Every module ``module`` imports (absolute names; relative imports resolved in its package)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(module.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module if node.level == 0 else f"sms_opt_out.{module.parent.name}.{node.module}")
    return names


@pytest.mark.parametrize("module", sorted((RUNTIME / "domain").glob("*.py")), ids=lambda p: p.stem)
def test_the_domain_imports_no_aws_and_no_adapter(module: Path) -> None:
    names = imported(module)

    assert not {n for n in names if n.split(".")[0] in AWS}, "the domain is pure: no boto3 or botocore"
    assert not {n for n in names if n.startswith(ADAPTERS)}, "the domain imports no path and no adapter"


CONSTRUCT = RUNTIME.parent.parent / "opt_out_stack"
PACKAGES = {**{role: RUNTIME / role for role in ROLES}, "opt_out_stack": CONSTRUCT}
"""Each runtime role package, and the construct's package."""


@pytest.mark.parametrize("role", PACKAGES)
def test_each_package_map_names_every_module_it_holds(role: str) -> None:
    package = PACKAGES[role]
    doc = ast.get_docstring(ast.parse((package / "__init__.py").read_text())) or ""
    modules = sorted(p.stem for p in package.glob("*.py") if p.stem != "__init__")

    assert [m for m in modules if f"``{m}``" not in doc] == [], f"{role}/__init__.py's map is out of date"


@pytest.mark.parametrize(
    "module",
    sorted(p for p in (RUNTIME.parent).rglob("*.py") if "ops" not in p.parts and p.name != "registry.py"),
    ids=lambda p: str(p.relative_to(RUNTIME.parent)),
)
def test_no_function_module_imports_the_operators_side(module: Path) -> None:
    """``ops`` stays out of the Lambda asset (``opt_out_stack.lambda_asset.OPERATOR_SIDE``)."""
    assert not {n for n in imported(module) if n.startswith(("sms_opt_out.ops", "sms_opt_out.registry"))}


def test_no_flat_module_is_left_but_the_wiring() -> None:
    flat = sorted(p.stem for p in RUNTIME.glob("*.py"))

    assert flat == [
        "__init__",
        "aws_clock",
        "contract",
        "errors",
        "metrics",
        "outcomes",
        "registry",
        "runtime",
        "service_models",
        "settings",
    ], "a new concern goes in the package of its role (CONTRIBUTING.md)"


def test_the_contract_imports_nothing() -> None:
    """Both handlers load it at cold start, and the construct at synthesis: no boto3, no other module."""
    assert imported(RUNTIME / "contract.py") == {"__future__"}


@pytest.mark.parametrize(
    ("module", "name"),
    [
        ("opt_out_stack", "SmsOptOut"),
        ("opt_out_stack", "OptOutStack"),
        ("sms_opt_out.registry", "OptOutRegistry"),
        ("process_reply", "handler"),
        ("send_text_message", "handler"),
        ("record_delivery_event", "handler"),
        ("sms_opt_out.ops.cli", "main"),
    ],
)
def test_the_documented_public_paths_import(module: str, name: str) -> None:
    assert callable(getattr(importlib.import_module(module), name))


def test_mypy_reads_every_aws_cdk_module_the_project_imports() -> None:
    root = RUNTIME.parent.parent
    config = tomllib.loads((root / "pyproject.toml").read_text())["tool"]["mypy"]
    read = {
        name
        for override in config["overrides"]
        if override.get("follow_imports") == "normal"
        for name in override["module"]
    }
    checked = [root / f for f in config["files"] if f.endswith(".py")]
    checked += [p for f in config["files"] if (root / f).is_dir() for p in (root / f).rglob("*.py")]
    used: set[str] = set()
    for module in checked:
        if "aws_cdk" not in (text := module.read_text()):
            continue
        used.update(name for name in imported(module) if name.split(".")[0] == "aws_cdk")
        for node in ast.walk(ast.parse(text)):  # "from aws_cdk import custom_resources": a module too
            if isinstance(node, ast.ImportFrom) and node.module == "aws_cdk":
                used.update(f"aws_cdk.{a.name}" for a in node.names if a.name.islower())

    assert used - read == set(), "imported aws_cdk modules mypy skips (pyproject.toml, CONTRIBUTING.md)"
