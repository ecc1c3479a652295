"""The service model shipped with the functions: they call the new operations whatever botocore has."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import botocore.session
import pytest
from botocore import xform_name

from sms_opt_out import runtime
from sms_opt_out.service_models import MODELS_DIRECTORY, SERVICE, SHIPPED, serialised, trimmed

NEW_OPERATIONS = ("SendRcsMessage", "SendNotifyTextMessage", "DescribeNotifyConfigurations")
PACKAGE = Path(__file__).parent.parent / "lambda"


def installed_model(service: str = SERVICE) -> dict[str, Any]:
    loader = botocore.session.Session().get_component("data_loader")
    model: dict[str, Any] = loader.load_service_model(service, "service-2")
    return model


@pytest.fixture
def older_botocore(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Given: a botocore whose model of the service predates RCS and Notify (the same API version
    without those operations), found first, as a runtime's bundled one would be."""
    model = installed_model()
    for name in NEW_OPERATIONS:
        del model["operations"][name]
    folder = tmp_path / SERVICE / model["metadata"]["apiVersion"]
    folder.mkdir(parents=True)
    (folder / "service-2.json").write_text(json.dumps(model))
    monkeypatch.setenv("AWS_DATA_PATH", str(tmp_path))


@pytest.mark.parametrize("service", SHIPPED)
def test_the_shipped_model_is_the_installed_botocores_cut_to_our_operations(service: str) -> None:
    (path,) = (MODELS_DIRECTORY / service).glob("*/service-2.json.gz")

    assert path.read_bytes() == serialised(trimmed(installed_model(service), SHIPPED[service])), (
        "regenerate it: python -m sms_opt_out.service_models"
    )


@pytest.mark.parametrize("service", SHIPPED)
def test_every_operation_the_package_calls_is_shipped(service: str) -> None:
    methods = {xform_name(name): name for name in installed_model(service)["operations"]}
    called = {
        methods[method]
        for path in PACKAGE.rglob("*.py")
        for method in re.findall(r"\b[a-z_]+\b", path.read_text())
        if method in methods
    }

    assert called <= set(SHIPPED[service]), (
        f"add to service_models.SHIPPED: {sorted(called - set(SHIPPED[service]))}"
    )


def test_an_older_model_lacks_the_new_operations(older_botocore: None) -> None:
    client = botocore.session.get_session().create_client(SERVICE, region_name="us-east-1")

    assert not hasattr(client, "send_rcs_message")


def test_the_functions_clients_have_them_whatever_model_botocore_has(older_botocore: None) -> None:
    client = runtime._default_factory()(SERVICE, region_name="us-east-1")

    assert set(NEW_OPERATIONS) <= set(client.meta.service_model.operation_names)
    assert all(hasattr(client, m) for m in ("send_rcs_message", "send_notify_text_message"))


def test_the_functions_dynamodb_client_is_the_shipped_models() -> None:
    client = runtime._default_factory()("dynamodb", region_name="us-east-1")

    assert sorted(client.meta.service_model.operation_names) == sorted(SHIPPED["dynamodb"])
    assert client.meta.service_model.api_version == installed_model("dynamodb")["metadata"]["apiVersion"]
