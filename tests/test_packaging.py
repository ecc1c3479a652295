"""A platform team installs the wheel and embeds the construct in its own app, in another directory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import textwrap
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

PLATFORM_APP = textwrap.dedent(
    """
    import aws_cdk as cdk
    import opt_out_stack
    import sms_opt_out
    from opt_out_stack import SmsOptOut

    app = cdk.App(outdir="cdk.out")
    stack = cdk.Stack(app, "PlatformStack")
    SmsOptOut(stack, "SmsOptOut", phone_number_ids=["phone-0123456789abcdef0123456789abcdef"])
    app.synth()
    import sys
    print("cdk-nag-imported" if any(m.startswith("cdk_nag") for m in sys.modules) else "no-cdk-nag")
    print(opt_out_stack.__file__)
    print(sms_opt_out.__file__)
    """
)


def run(*command: str | Path, cwd: Path) -> str:
    result = subprocess.run(
        [str(c) for c in command], cwd=cwd, capture_output=True, text=True, env=os.environ
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtualenv with the wheel installed (its dependencies are shared from this one)."""
    root = tmp_path_factory.mktemp("platform")
    run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "-q",
        "--no-deps",
        "--no-build-isolation",
        ROOT,
        "-w",
        root / "dist",
        cwd=root,
    )
    (wheel,) = (root / "dist").glob("sms_opt_out-*.whl")
    base_python = getattr(sys, "_base_executable", sys.executable)
    run(base_python, "-m", "venv", root / "venv", cwd=root)
    python = root / "venv" / "bin" / "python"
    site = run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=root).strip()
    # aws-cdk-lib and the rest come from this environment instead of a second 100 MB download.
    Path(site, "shared_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    run(python, "-m", "pip", "install", "-q", "--no-deps", wheel, cwd=root)
    return root


def test_the_wheel_carries_the_lambda_code_to_a_stack_in_another_directory(installed: Path) -> None:
    app_dir = installed / "their-app"
    app_dir.mkdir()
    (app_dir / "app.py").write_text(PLATFORM_APP)

    printed = run(installed / "venv" / "bin" / "python", "app.py", cwd=app_dir).split()

    assert all(Path(f).is_relative_to(installed / "venv") for f in printed[-2:]), printed
    assert printed[-3] == "no-cdk-nag", "the construct never imports cdk-nag"
    template = json.loads((app_dir / "cdk.out" / "PlatformStack.template.json").read_text())
    handlers = {
        r["Properties"]["Handler"]
        for r in template["Resources"].values()
        if r["Type"] == "AWS::Lambda::Function" and r["Properties"].get("Runtime", "").startswith("python")
    }
    assert handlers == {"process_reply.handler", "send_text_message.handler", "record_delivery_event.handler"}
    assets = [d for d in (app_dir / "cdk.out").glob("asset.*") if (d / "process_reply.py").exists()]
    assert len(assets) == 1
    shipped = sorted(str(p.relative_to(assets[0])) for p in assets[0].rglob("*.py"))
    source = sorted(str(p.relative_to(ROOT / "lambda")) for p in (ROOT / "lambda").rglob("*.py"))
    operator_side = ("sms_opt_out/ops/", "sms_opt_out/registry.py")
    assert shipped == [s for s in source if not s.startswith(operator_side)], "the functions' code only"
    models = sorted(str(p.relative_to(assets[0])) for p in assets[0].rglob("*.json.gz"))
    assert models == [
        "sms_opt_out/botocore_data/dynamodb/2012-08-10/service-2.json.gz",
        "sms_opt_out/botocore_data/pinpoint-sms-voice-v2/2022-03-31/service-2.json.gz",
    ]


def test_cdk_nag_is_an_optional_extra_of_the_wheel(installed: Path) -> None:
    (wheel,) = (installed / "dist").glob("sms_opt_out-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        (metadata,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        requirements = [
            line for line in archive.read(metadata).decode().splitlines() if line.startswith("Requires-Dist:")
        ]

    nag = [line for line in requirements if "cdk-nag" in line]
    assert nag and all("extra == 'nag'" in line or 'extra == "nag"' in line for line in nag), requirements


def test_the_wheel_carries_the_license_and_marks_both_packages_typed(installed: Path) -> None:
    (wheel,) = (installed / "dist").glob("sms_opt_out-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()

    assert {"opt_out_stack/py.typed", "sms_opt_out/py.typed"} <= set(names), "PEP 561: both are typed"
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names), "the MIT-0 text itself"
