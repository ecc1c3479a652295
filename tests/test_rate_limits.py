"""Each identity's rate from what AWS reports (MessagingLimits) or publishes (by NumberType and country)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from typing import Any

import boto3
import pytest

from sandbox.sms_simulator import SmsSimulator
from sms_opt_out.errors import ConfigurationError
from sms_opt_out.runtime import build_guarded_sender
from sms_opt_out.sms.rate_limits import (
    PUBLISHED_RATES_SOURCE,
    RateLimits,
    parse_number_types,
    published_rate,
    reported_rate,
)
from tests.conftest import OUR_NUMBER

REPORTING = "+18445550166"
PHONE_ID = "phone-" + "a" * 32


@pytest.mark.parametrize(
    ("number_type", "country", "rate"),
    [
        ("TEN_DLC", "US", 1),
        ("TOLL_FREE", "US", 3),
        ("SHORT_CODE", "US", 100),
        ("LONG_CODE", "CA", 1),
        ("LONG_CODE", "GB", 10),
        ("SHORT_CODE", "GB", None),  # "varies by country": discovered
        ("SIMULATOR", "US", None),
        (None, "US", None),
    ],
)
def test_the_published_default_of_a_number_type_and_country(
    number_type: str | None, country: str, rate: float | None
) -> None:
    assert published_rate(number_type, country) == rate
    assert PUBLISHED_RATES_SOURCE.startswith("https://docs.aws.amazon.com/sms-voice/")


def test_the_reported_rate_is_the_sms_capability_of_messaging_limits() -> None:
    assert reported_rate({"MessagingLimits": {"RateLimits": {"SMS": 20, "MMS": 5}}}) == 20
    assert reported_rate({"MessagingLimits": {"RateLimits": {"VOICE": 1}}}) is None
    assert reported_rate({"NumberType": "TOLL_FREE"}) is None, "an SDK without the field: not reported"


def test_reported_comes_before_published_and_each_number_is_described_once() -> None:
    described: list[str] = []

    def describe(number_id: str) -> Mapping[str, Any] | None:
        described.append(number_id)
        return {"PhoneNumberId": number_id, "MessagingLimits": {"RateLimits": {"SMS": 30}}}

    limits = RateLimits({PHONE_ID: ("TOLL_FREE", "US")}, describe)

    assert limits.rate((OUR_NUMBER, PHONE_ID)) == 30
    assert limits.rate((OUR_NUMBER, PHONE_ID)) == 30
    assert described == [PHONE_ID]


def test_a_refused_description_falls_back_to_the_deploy_time_type() -> None:
    def describe(number_id: str) -> Mapping[str, Any] | None:
        raise PermissionError("AccessDeniedException")

    limits = RateLimits({PHONE_ID: ("TEN_DLC", "US")}, describe)

    assert limits.rate((OUR_NUMBER, PHONE_ID)) == 1
    assert RateLimits().rate((OUR_NUMBER,)) is None, "nothing known: discovered by throttling"


def test_a_described_number_gives_its_rate_without_another_call() -> None:
    limits = RateLimits(describe=lambda number_id: pytest.fail("described twice"))
    limits.remember({"PhoneNumberId": PHONE_ID, "NumberType": "SHORT_CODE", "IsoCountryCode": "US"})

    assert limits.rate((OUR_NUMBER, PHONE_ID)) == 100, "no MessagingLimits: the published rate of its type"


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ('{"phone-1": "TOLL_FREE/US"}', "must be a JSON list"),
        ('["TOLL_FREE"]', "must be TYPE/COUNTRY"),
        ('["TOLL_FREE/US", "TEN_DLC/US"]', "has 2 types for the 1 numbers"),
        ("[", "JSON list"),
    ],
)
def test_bad_number_types_name_the_variable(value: str, reason: str) -> None:
    with pytest.raises(ConfigurationError, match=r"^NUMBER_TYPES: ") as raised:
        parse_number_types(value, [PHONE_ID])
    assert reason in str(raised.value)


def test_number_types_follow_the_order_of_the_numbers() -> None:
    other = "phone-" + "b" * 32
    parsed = parse_number_types(json.dumps(["TEN_DLC/US", "LONG_CODE/GB"]), [PHONE_ID, other])

    assert parsed == {PHONE_ID: ("TEN_DLC", "US"), other: ("LONG_CODE", "GB")}
    assert parse_number_types(None, [PHONE_ID]) == {}


@pytest.mark.integration
@pytest.mark.parametrize("report", [True, False])
def test_the_sender_paces_a_number_at_its_reported_or_published_rate_unthrottled(
    moto_server: Any, sms: SmsSimulator, monkeypatch: pytest.MonkeyPatch, report: bool
) -> None:
    """Nothing configured: 12 texts at once from a 3-MPS toll-free number are never throttled."""
    number = sms.add_phone_number(REPORTING, "TOLL_FREE", "US", messages_per_second=3, report_limits=report)
    monkeypatch.setenv("ORIGINATION_NUMBERS", json.dumps({number["PhoneNumberId"]: REPORTING}))
    if not report:
        monkeypatch.setenv("NUMBER_TYPES", json.dumps(["TOLL_FREE/US"]))
    recipients = [f"+1415555{n:04d}" for n in range(12)]
    batch = [
        {"DestinationPhoneNumber": r, "OriginationIdentity": REPORTING, "MessageBody": "Hi"}
        for r in recipients
    ]

    outcome = build_guarded_sender(boto3.session.Session().client).send(batch)

    assert {r["status"] for r in outcome.results} == {"SENT"}
    assert sms.state.throttled == [] and outcome.throttles == Counter()
    assert len(sms.calls("DescribePhoneNumbers")) == 1, "one lookup per number and container"
