"""The service model shipped with the functions: they call the new operations whatever botocore has."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import botocore.session
import pytest

from sms_opt_out import runtime
from sms_opt_out.service_models import MODELS_DIRECTORY, OPERATIONS, SERVICE

NEW_OPERATIONS = ("SendRcsMessage", "SendNotifyTextMessage", "DescribeRcsAgents", "UpdateRcsAgent",
                  "DescribeNotifyConfigurations")  # fmt: skip


def shipped_model() -> dict[str, Any]:
    (path,) = (MODELS_DIRECTORY / SERVICE).glob("*/service-2.json.gz")
    with gzip.open(path) as file:
        model: dict[str, Any] = json.load(file)
    return model


@pytest.fixture
def older_botocore(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Given: a botocore whose model of the service predates RCS and Notify (the same API version
    without those operations), found first, as a runtime's bundled one would be."""
    model = shipped_model()
    for name in NEW_OPERATIONS:
        del model["operations"][name]
    folder = tmp_path / SERVICE / model["metadata"]["apiVersion"]
    folder.mkdir(parents=True)
    (folder / "service-2.json").write_text(json.dumps(model))
    monkeypatch.setenv("AWS_DATA_PATH", str(tmp_path))


def test_the_shipped_model_has_every_operation_the_functions_call() -> None:
    assert set(OPERATIONS) <= set(shipped_model()["operations"])


def test_an_older_model_lacks_the_new_operations(older_botocore: None) -> None:
    client = botocore.session.get_session().create_client(SERVICE, region_name="us-east-1")

    assert not hasattr(client, "send_rcs_message")


def test_the_functions_clients_have_them_whatever_model_botocore_has(older_botocore: None) -> None:
    client = runtime._default_factory()(SERVICE, region_name="us-east-1")

    names = client.meta.service_model.operation_names
    assert set(NEW_OPERATIONS) <= set(names)
    assert all(hasattr(client, m) for m in ("send_rcs_message", "send_notify_text_message"))
