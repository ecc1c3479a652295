"""What would fail at deploy or at the first reply is refused at synthesis, with one PropError shape.

Wrong types, a function environment over Lambda's 4 KB, a text over SendTextMessage's 1,600
characters once the program name and contact are filled in, a number or pool of another region or
account. Nothing here synthesizes a template: each case fails (or not) while the construct is built.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import aws_cdk as cdk
import aws_cdk.aws_smsvoice as smsvoice
import pytest

from opt_out_stack import SmsOptOut
from opt_out_stack.function_environment import environment_bytes
from opt_out_stack.prop_validation import PROP_TYPES, PropError

ENV = cdk.Environment(account="111122223333", region="us-east-1")
NUMBER = "phone-" + "a" * 32
POOL = "pool-" + "b" * 32
ARN = "arn:aws:sms-voice:{region}:{account}:{resource}"


def build(env: cdk.Environment | None = ENV, **props: Any) -> SmsOptOut:
    stack = cdk.Stack(cdk.App(), "Test", env=env)
    props.setdefault("phone_number_ids", [NUMBER])
    return SmsOptOut(stack, "SmsOptOut", **{k: v(stack) if callable(v) else v for k, v in props.items()})


def phone_number(stack: cdk.Stack) -> smsvoice.CfnPhoneNumber:
    keyword = smsvoice.CfnPhoneNumber.MandatoryKeywordProperty
    return smsvoice.CfnPhoneNumber(
        stack,
        "Number",
        iso_country_code="US",
        number_capabilities=["SMS"],
        number_type="TOLL_FREE",
        mandatory_keywords=smsvoice.CfnPhoneNumber.MandatoryKeywordsProperty(
            help=keyword(message="help"), stop=keyword(message="stop")
        ),
    )


WRONG_TYPES: dict[str, object | Callable[[cdk.Stack], object]] = {
    "phone_number_ids": 5,
    "pool_ids": {POOL},
    "phone_numbers": phone_number,  # one number, not in a list
    "pools": POOL,
    "rcs_agent_ids": 5,
    "rcs_agents": "rcs-agent",  # an ID, not a CfnRcsAgent
    "notify_configuration_ids": {"nc-0123"},
    "table_name": 5,
    "removal_policy": "destroy",
    "encryption_key": "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    "alarm_topic": "arn:aws:sns:us-east-1:111122223333:alarms",
    "opt_out_keywords": ["STOP", 5],
    "opt_in_keywords": 5,
    "help_keywords": [None],
    "opt_out_words": {"STOP": True},
    "opt_out_phrases": 5,
    "match_mode": 1,
    "opt_out_scope": ["ALL"],
    "opt_out_confirmation": 5,
    "clarification_message": ["Did you mean STOP?"],
    "revocation_policy": 3,
    "opt_in_confirmation": ["Welcome"],
    "help_message": b"Help",
    "program_name": 5,
    "support_contact": 18005550100,
    "message_frequency": 4,
    "languages": ["en", 5],
    "language_settings": [("fr", {})],
    "configuration_set_names": 5,
    "protect_configuration_ids": [5],
    "memory_size": "256",
    "timeout": 30,
    "reply_reserved_concurrency": 5.0,
    "send_reserved_concurrency": "20",
    "log_retention": 30,
    "messages_per_second": [("*", 3)],
    "send_concurrency": 32.0,
    "max_send_concurrency": "2",
    "metrics_namespace": 5,
    "dashboard_name": 5,
    "tracing": "ACTIVE",
    "delivery_events": "yes",
    "send_rules": ["PROMOTIONAL"],
    "quiet_hours": "21:00-09:00",
    "frequency_caps": 3,
    "retry_capped": "no",
}


def test_every_prop_has_a_type_and_a_wrong_value_here() -> None:
    props = set(inspect.signature(SmsOptOut.__init__).parameters) - {"self", "scope", "construct_id"}

    assert set(PROP_TYPES) == props
    assert set(WRONG_TYPES) == props


@pytest.mark.parametrize(("prop", "value"), WRONG_TYPES.items(), ids=list(WRONG_TYPES))
def test_a_prop_of_the_wrong_type_gets_one_line_naming_it(prop: str, value: object) -> None:
    with pytest.raises(PropError) as raised:
        build(**dict[str, Any]({prop: value}))

    message = str(raised.value)
    assert raised.value.prop == prop
    assert message.startswith(f"{prop}: ") and "\n" not in message
    assert " is not " in message or " is one string" in message


def test_a_list_of_in_app_numbers_is_still_accepted() -> None:
    opt_out = build(phone_number_ids=[], phone_numbers=lambda stack: [phone_number(stack)])

    assert opt_out.reply_function


# Lambda's 4 KB of environment ---------------------------------------------------------------


def many_numbers(count: int) -> list[str]:
    return [f"phone-{index:032x}" for index in range(1, count + 1)]


def test_the_measure_is_the_json_lambda_measures() -> None:
    assert environment_bytes({"A": "b", "É": "ü"}, {}) == len('{"A":"b","É":"ü"}'.encode())


def test_a_token_counts_at_its_documented_bound() -> None:
    token = cdk.Token.as_string(cdk.Fn.ref("Queue"))

    assert environment_bytes({"URL": token}, {"URL": 150}) == len('{"URL":""}') + 150


def test_a_token_without_a_bound_is_a_bug_of_the_construct() -> None:
    with pytest.raises(AssertionError, match="URL"):
        environment_bytes({"URL": cdk.Token.as_string(cdk.Fn.ref("Queue"))}, {})


def test_too_many_numbers_for_the_environment_are_refused_naming_the_prop() -> None:
    with pytest.raises(PropError, match=r"^phone_number_ids: .* over Lambda's 4 KB") as raised:
        build(phone_number_ids=many_numbers(80))

    assert "\n" not in str(raised.value)


def test_many_numbers_that_fit_still_synthesize() -> None:
    opt_out = build(phone_number_ids=many_numbers(30))

    assert len(opt_out.phone_numbers) == 30


def test_long_texts_of_language_settings_over_the_environment_are_refused_naming_them() -> None:
    long = "x" * 1500
    settings = {code: {"help_message": long, "opt_out_confirmation": long} for code in ("es", "fr")}

    with pytest.raises(PropError, match=r"^language_settings: .* over Lambda's 4 KB"):
        build(language_settings=settings)


def test_the_environment_of_an_environment_agnostic_stack_is_bounded_too() -> None:
    with pytest.raises(PropError, match=r"^phone_number_ids: .* over Lambda's 4 KB"):
        build(env=None, phone_number_ids=many_numbers(80))


# SendTextMessage's 1,600 characters ---------------------------------------------------------


def test_a_program_name_that_makes_a_confirmation_too_long_is_refused() -> None:
    message = r"^program_name: .* makes the en opt_out_confirmation \d+ characters"
    with pytest.raises(PropError, match=message):
        build(program_name="A" * 1600)


def test_a_support_contact_that_makes_help_too_long_is_refused() -> None:
    # The opt-in confirmation names the support contact too (issue 21), and is checked first
    too_long = r"^support_contact: .* makes the en opt_in_confirmation \d+ characters"
    with pytest.raises(PropError, match=too_long):
        build(support_contact="help@" + "a" * 1560 + ".example")


def test_a_message_frequency_that_makes_a_translation_too_long_is_refused() -> None:
    with pytest.raises(PropError, match=r"^language_settings\['fr'\].message_frequency: .* makes the fr"):
        build(language_settings={"fr": {"message_frequency": "f" * 1500}})


def test_a_program_name_of_reasonable_length_fits_every_text() -> None:
    assert build(program_name="P" * 200, support_contact="1-800-555-0100").send_function


# Numbers and pools of another region or account ---------------------------------------------


@pytest.mark.parametrize(
    ("prop", "arn", "where"),
    [
        (
            "phone_number_ids",
            ARN.format(region="eu-west-1", account=ENV.account, resource=f"phone-number/{NUMBER}"),
            "eu-west-1",
        ),
        (
            "phone_number_ids",
            ARN.format(region=ENV.region, account="444455556666", resource=f"phone-number/{NUMBER}"),
            "444455556666",
        ),
        (
            "pool_ids",
            ARN.format(region="us-west-2", account=ENV.account, resource=f"pool/{POOL}"),
            "us-west-2",
        ),
    ],
)
def test_an_arn_of_another_region_or_account_is_refused(prop: str, arn: str, where: str) -> None:
    with pytest.raises(PropError, match=rf"^{prop}: '{arn}' is in {where}, not the stack's"):
        build(**dict[str, Any]({prop: [arn]}))


def test_an_environment_agnostic_stack_takes_an_arn_of_any_region() -> None:
    arn = f"arn:aws:sms-voice:eu-west-1:111122223333:phone-number/{NUMBER}"

    assert build(env=None, phone_number_ids=[arn]).phone_numbers
