"""Shared fixtures: moto for DynamoDB, the local SMS simulator, Lambda contexts and events."""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import boto3
import pytest
from hypothesis import settings
from moto import mock_aws

import sandbox.lambda_context
import sms_opt_out.domain.deadline
import sms_opt_out.sms.gateway
import sms_opt_out.sms.pacing
from sandbox.atomic_moto import AtomicMotoServer
from sandbox.dynamodb_rules import StrictDynamoDb
from sandbox.lambda_context import LambdaContext
from sandbox.sms_simulator import SmsSimulator
from sandbox.virtual_clock import VirtualClock

ROOT = Path(__file__).parent.parent
EVENTS = Path(__file__).parent / "events"
# jsii runs the project's own Node.js 22 (from npm), also when pytest is started by hand.
os.environ["PATH"] = f"{ROOT / 'node_modules' / '.bin'}{os.pathsep}{os.environ['PATH']}"
# Property tests never fail for a slow machine: no per-example deadline (a loaded CI box took 200 ms+).
settings.register_profile("no_deadline", deadline=None)
settings.load_profile("no_deadline")

TIERS = ("fast", "integration", "synthesis")
"""The markers of pyproject.toml: ``make test-fast``, ``make test-integration``, ``make test-synthesis``."""
MODULE_TIERS = {
    "test_reply_confirmation_queue": "integration",
    "test_rcs_and_notify_sends": "integration",
    "test_rcs_agents": "integration",
    "test_service_models": "fast",
    # fast: pure logic and in-memory fakes (botocore Stubber) at the service boundary; no socket, no synth
    "test_consent": "fast",
    "test_intents": "fast",
    "test_keywords": "fast",
    "test_reply_model": "fast",
    "test_layout": "fast",
    "test_languages": "fast",
    "test_pacing": "fast",
    "test_container_capacity": "fast",
    "test_rate_limits": "fast",
    "test_phone_numbers": "fast",
    "test_preferences": "fast",
    "test_readme": "fast",
    "test_send_windows": "fast",
    "test_settings": "fast",
    # integration: moto (a server or in process), the SMS simulator, threads, injected faults; and the
    # classifier's sweeps over every corpus row (tens of thousands of classifications)
    "test_corpora": "integration",
    "test_ambiguous_replies": "integration",
    "test_aws_clock": "integration",
    "test_aws_opt_out_lists": "integration",
    "test_delivery_events": "integration",
    "test_opt_out_list_removal": "integration",
    "test_shared_rates": "integration",
    "test_benchmarks": "integration",
    "test_dynamodb_strictness": "integration",
    "test_explain_cli": "integration",
    "test_cli": "integration",
    "test_cli_options": "integration",
    "test_dead_letters": "integration",
    "test_iam_enforcement": "integration",
    "test_idempotency": "integration",
    "test_metrics": "integration",
    "test_migration": "integration",
    "test_origination": "integration",
    "test_pools": "integration",
    "test_process_reply": "integration",
    "test_reply_concurrency": "integration",
    "test_reply_control_plane": "integration",
    "test_reply_evidence": "integration",
    "test_reply_faults": "integration",
    "test_runtime": "integration",
    "test_sandbox": "integration",
    "test_send_events": "integration",
    "test_send_rules": "integration",
    "test_send_text_message": "integration",
    "test_send_under_load": "integration",
    "test_sms_simulator": "integration",
    "test_unrecognised_replies": "integration",
    # synthesis: CDK templates, cdk-nag, cfn-lint, the built wheel
    "test_app": "synthesis",
    "test_cdk_nag": "synthesis",
    "test_construct": "synthesis",
    "test_construct_ids": "synthesis",
    "test_delivery_events_construct": "synthesis",
    "test_observability": "synthesis",
    "test_packaging": "synthesis",
    "test_pool_configuration": "synthesis",
    "test_rcs_construct": "synthesis",
    "test_revocation_policy_props": "synthesis",
    "test_send_capacity": "synthesis",
    "test_synthesis_refusals": "synthesis",
    "test_user_template_lint": "synthesis",
}
"""Each test module's tier; a test of another tier in the module says so (``@pytest.mark.fast``)."""
NETWORK_FIXTURES = {"dynamodb", "moto_server", "sms", "latent_aws"}
"""Fixtures that start moto or the simulator: a test using one is never fast."""


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Give each test its tier; a module missing from ``MODULE_TIERS`` stops the run, so every new
    module is classified, and a fast test that starts moto or the simulator is refused."""
    unclassified = sorted({_module_of(item) for item in items} - MODULE_TIERS.keys())
    if unclassified:
        raise pytest.UsageError(
            f"tests/conftest.py: MODULE_TIERS has no tier for {', '.join(unclassified)}; "
            f"give each one of {', '.join(TIERS)} (CONTRIBUTING.md says which)"
        )
    for item in items:
        marked = [tier for tier in TIERS if item.get_closest_marker(tier)]
        if len(marked) > 1:
            raise pytest.UsageError(f"{item.nodeid}: in two tiers ({', '.join(marked)}); give it one")
        tier = marked[0] if marked else MODULE_TIERS[_module_of(item)]
        network = sorted(NETWORK_FIXTURES & set(getattr(item, "fixturenames", ())))
        if tier == "fast" and network:
            raise pytest.UsageError(f"{item.nodeid}: in the fast tier but uses {', '.join(network)}")
        if not marked:
            item.add_marker(tier)


def _module_of(item: pytest.Item) -> str:
    """``test_keywords`` for ``tests/test_keywords.py::test_...``."""
    return item.path.stem


TABLE = "SMSOptOut"
OUR_NUMBER = "+18445550100"
CUSTOMER = "+14155550123"
IN_US_SENDING_HOURS = datetime(2026, 12, 8, 20, 0, tzinfo=UTC).timestamp()
"""A Tuesday, 3 pm in New York, noon in California, 10 am in Hawaii: promotional texts may go anywhere
in the US (a clock for the sender, so a test of a PROMOTIONAL request does not depend on the hour)."""


@pytest.fixture(autouse=True)
def aws_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No real credentials or endpoints can leak into a test."""
    for name in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_DYNAMODB"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("OPT_OUT_TABLE_NAME", TABLE)
    monkeypatch.setenv("AWS_MAX_ATTEMPTS", "2")  # injected throttling fails fast


@pytest.fixture(autouse=True)
def dynamodb_as_strict_as_aws() -> Iterator[StrictDynamoDb]:
    """Every DynamoDB request of every test meets DynamoDB's documented rules, which moto does not
    enforce (``sandbox/dynamodb_rules.py``); a refused request fails the test even if it was caught."""
    with StrictDynamoDb() as strict:
        yield strict
    assert strict.refused == [], f"DynamoDB would refuse: {strict.refused}"


@pytest.fixture
def lambda_context() -> LambdaContext:
    """A fresh invocation with the construct's default 30 s timeout."""
    return LambdaContext(function_name="test")


@pytest.fixture
def virtual_clock(monkeypatch: pytest.MonkeyPatch) -> VirtualClock:
    """The clock of Lambda's context, deadlines, pacing and the gateway's waits: time passes only as
    the code sleeps (the gateway's own sleep is ``clock.sleep`` for a gateway built in the test)."""
    clock = VirtualClock()
    modules = (
        sms_opt_out.domain.deadline,
        sms_opt_out.sms.pacing,
        sms_opt_out.sms.gateway,
        sandbox.lambda_context,
    )
    clock.install(monkeypatch, *modules)
    return clock


def create_table(client: Any) -> None:
    """The opt-out table: PK/SK strings, as the construct creates it."""
    client.create_table(
        TableName=TABLE,
        KeySchema=[
            {"AttributeName": "PK", "KeyType": "HASH"},
            {"AttributeName": "SK", "KeyType": "RANGE"},
        ],
        AttributeDefinitions=[
            {"AttributeName": "PK", "AttributeType": "S"},
            {"AttributeName": "SK", "AttributeType": "S"},
        ],
        BillingMode="PAY_PER_REQUEST",
    )


@pytest.fixture
def dynamodb() -> Iterator[Any]:
    """A moto DynamoDB (in process) with the opt-out table."""
    with mock_aws():
        client = boto3.client("dynamodb")
        create_table(client)
        yield client


@pytest.fixture
def moto_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """A moto server for real threads (one request at a time, as DynamoDB applies each whole), with
    the opt-out table; every client made in the test reaches it through the endpoint variables."""
    server = AtomicMotoServer()
    server.start()
    for service in ("DYNAMODB", "SNS", "SQS"):
        monkeypatch.setenv(f"AWS_ENDPOINT_URL_{service}", server.endpoint_url)
    client = boto3.client("dynamodb")
    create_table(client)
    yield client
    server.stop()


@pytest.fixture
def sms(monkeypatch: pytest.MonkeyPatch) -> Iterator[SmsSimulator]:
    """The local SMS simulator with our number registered, reached through the standard endpoint variable."""
    with SmsSimulator() as simulator:
        simulator.add_phone_number(OUR_NUMBER)
        monkeypatch.setenv("AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2", simulator.endpoint_url)
        yield simulator


WAIT_SECONDS = 60.0
"""The longest any test waits for its threads: a hang fails the test instead of the run."""


def join_all(threads: Sequence[threading.Thread], timeout: float = WAIT_SECONDS) -> None:
    """Wait for ``threads``, ``timeout`` seconds at most in all; one still running fails the test."""
    gives_up_at = time.monotonic() + timeout
    for thread in threads:
        thread.join(max(0.0, gives_up_at - time.monotonic()))
    stuck = [thread.name for thread in threads if thread.is_alive()]
    if stuck:
        pytest.fail(f"still running after {timeout:.0f} s: {', '.join(stuck)}")


def load_event(name: str) -> dict[str, Any]:
    return json.loads((EVENTS / name).read_text())


def sns_event(
    body: str,
    *,
    inbound_id: str = "inbound-1",
    timestamp: str = "2025-05-01T12:00:00.000Z",
    customer: str = CUSTOMER,
    our_number: str = OUR_NUMBER,
) -> dict[str, Any]:
    """The event Lambda receives from SNS for one two-way SMS reply (from events/sns_reply.json)."""
    event = load_event("sns_reply.json")
    record = event["Records"][0]
    message = json.loads(record["Sns"]["Message"])
    message |= {
        "originationNumber": customer,
        "destinationNumber": our_number,
        "messageBody": body,
        "inboundMessageId": inbound_id,
    }
    record["Sns"]["Message"] = json.dumps(message)
    record["Sns"]["Timestamp"] = timestamp
    return event


@pytest.fixture
def latent_aws(moto_server: Any, sms: SmsSimulator) -> tuple[boto3.session.Session, SmsSimulator]:
    """A moto server (one request at a time) and the SMS simulator taking 10 ms a call."""
    sms.latency = 0.01
    return boto3.session.Session(), sms
