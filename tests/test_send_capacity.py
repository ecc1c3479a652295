"""Enough CPU for the rates configured: the send function's memory and the queue's concurrency follow
the numbers' known rates, or synthesis warns with the figures (``opt_out_stack.send_capacity``)."""

from __future__ import annotations

import json
import math
from typing import Any

import aws_cdk as cdk
import aws_cdk.aws_smsvoice as smsvoice
import pytest
from aws_cdk.assertions import Annotations, Match, Template

from opt_out_stack import SmsOptOut
from opt_out_stack.numbers import originations
from opt_out_stack.send_capacity import (
    CPU_SHARE_FOR_SENDS,
    MB_PER_VCPU,
    WARNING_ID,
    known_rates,
    sends_per_second,
    size,
)
from sms_opt_out.contract import CPU_SECONDS_PER_SEND
from tests.test_construct import ENV
from tests.test_pool_configuration import keywords

A, B, C = ("phone-" + letter * 32 for letter in "abc")
P = "pool-" + "d" * 32
HANDLERS = ("process_reply.handler", "send_text_message.handler", "record_delivery_event.handler")


def synthesize(**props: Any) -> cdk.Stack:
    app = cdk.App()
    stack = cdk.Stack(app, "Capacity", env=ENV)
    props.setdefault("phone_number_ids", [A])
    SmsOptOut(stack, "SmsOptOut", support_contact="help@example.com", **props)
    return stack


def short_codes(count: int) -> cdk.Stack:
    app = cdk.App()
    stack = cdk.Stack(app, "ShortCodes", env=ENV)
    numbers = [
        smsvoice.CfnPhoneNumber(
            stack,
            f"ShortCode{i}",
            iso_country_code="US",
            mandatory_keywords=keywords(),
            number_capabilities=["SMS"],
            number_type="SHORT_CODE",
        )
        for i in range(count)
    ]
    SmsOptOut(stack, "SmsOptOut", phone_numbers=numbers, support_contact="help@example.com")
    return stack


def sizing(stack: cdk.Stack) -> dict[str, Any]:
    """Each function's memory by handler, the queue's maximum concurrency, and the capacity warnings."""
    template = Template.from_stack(stack)
    memory = {
        f["Properties"]["Handler"]: f["Properties"]["MemorySize"]
        for f in template.find_resources("AWS::Lambda::Function").values()
        if f["Properties"].get("Handler") in HANDLERS
    }
    (mapping,) = [  # the send queue's (the confirmation queue feeds the reply function)
        m
        for m in template.find_resources("AWS::Lambda::EventSourceMapping").values()
        if "SendFunction" in json.dumps(m["Properties"]["FunctionName"])
    ]
    warnings = Annotations.from_stack(stack).find_warning("*", Match.string_like_regexp(WARNING_ID))
    return {
        "memory": memory,
        "queue": mapping["Properties"]["ScalingConfig"]["MaximumConcurrency"],
        "warnings": [str(w.entry.data) for w in warnings],
    }


@pytest.fixture(scope="module")
def nothing_configured() -> dict[str, Any]:
    return sizing(synthesize(phone_number_ids=[A, B], pool_ids=[P]))


@pytest.fixture(scope="module")
def four_hundred_per_second() -> dict[str, Any]:
    return sizing(synthesize(phone_number_ids=[A, B, C], pool_ids=[P], messages_per_second={"*": 100}))


@pytest.fixture(scope="module")
def three_short_codes() -> dict[str, Any]:
    return sizing(short_codes(3))


@pytest.fixture(scope="module")
def given_too_little() -> dict[str, Any]:
    return sizing(
        synthesize(
            phone_number_ids=[A, B], messages_per_second={"*": 250}, memory_size=256, max_send_concurrency=2
        )
    )


@pytest.fixture(scope="module")
def beyond_one_vcpu() -> dict[str, Any]:
    return sizing(synthesize(phone_number_ids=[A, B, C], messages_per_second={"*": 1000}))


def test_with_no_rate_known_the_defaults_stay_and_nothing_warns(nothing_configured: dict[str, Any]) -> None:
    assert nothing_configured["memory"] == {
        "process_reply.handler": 256,
        "send_text_message.handler": 256,
        "record_delivery_event.handler": 256,
    }
    assert (nothing_configured["queue"], nothing_configured["warnings"]) == (2, [])


def test_the_send_function_gets_the_cpu_its_rates_need(four_hundred_per_second: dict[str, Any]) -> None:
    memory = four_hundred_per_second["memory"]["send_text_message.handler"]
    containers = four_hundred_per_second["queue"]

    assert containers * sends_per_second(memory) >= 400, "the fleet keeps up with 4 identities at 100/s"
    assert containers * sends_per_second(memory - 64) < 400, "and is no larger than that needs"
    assert (memory, containers) == (512, 2)
    assert four_hundred_per_second["warnings"] == []


def test_only_the_send_function_is_sized(four_hundred_per_second: dict[str, Any]) -> None:
    memory = four_hundred_per_second["memory"]

    assert (memory["process_reply.handler"], memory["record_delivery_event.handler"]) == (256, 256)


def test_an_apps_own_numbers_count_at_aws_published_rate(three_short_codes: dict[str, Any]) -> None:
    """Three US short codes, 100 MPS each by AWS's published default, nothing configured."""
    memory = three_short_codes["memory"]["send_text_message.handler"]

    assert 2 * sends_per_second(memory) >= 300 > 2 * sends_per_second(256)
    assert (memory, three_short_codes["warnings"]) == (384, [])


def test_past_one_vcpu_a_container_the_queue_runs_more_containers(beyond_one_vcpu: dict[str, Any]) -> None:
    containers = beyond_one_vcpu["queue"]
    memory = beyond_one_vcpu["memory"]["send_text_message.handler"]

    assert containers == math.ceil(3000 / sends_per_second(MB_PER_VCPU)) == 5
    assert containers * sends_per_second(memory) >= 3000 and memory <= MB_PER_VCPU
    assert beyond_one_vcpu["warnings"] == []


def test_given_memory_and_concurrency_that_cannot_keep_up_warn_with_the_figures(
    given_too_little: dict[str, Any],
) -> None:
    (warning,) = given_too_little["warnings"]

    assert given_too_little["memory"]["send_text_message.handler"] == 256, "what is given is kept"
    assert "add up to 500 messages per second" in warning
    assert "2 containers (max_send_concurrency 2) of 256 MB (0.14 vCPU each)" in warning
    assert f"{CPU_SECONDS_PER_SEND * 1000:.2f} ms of CPU per send" in warning
    assert f"about {sends_per_second(256):.0f} a second each" in warning
    assert "raise memory_size to 640 MB or max_send_concurrency to 5" in warning


def test_a_reserved_concurrency_below_the_queues_is_counted_and_named() -> None:
    stack = synthesize(messages_per_second={"*": 200}, memory_size=256, send_reserved_concurrency=1)

    (warning,) = sizing(stack)["warnings"]
    assert "1 containers (max_send_concurrency 2)" in warning and "send_reserved_concurrency" in warning


def test_the_sizing_rule_keeps_a_fifth_of_the_cpu_for_the_rest() -> None:
    assert sends_per_second(MB_PER_VCPU) == pytest.approx(CPU_SHARE_FOR_SENDS / CPU_SECONDS_PER_SEND)
    assert sends_per_second(10240) == sends_per_second(MB_PER_VCPU), "one process uses one vCPU at most"
    sized = size(400, memory_size=None, max_concurrency=None, reserved_concurrency=None)
    assert (sized.memory_size, sized.max_concurrency, sized.keeps_up) == (512, 2, True)


def test_a_rate_named_by_e164_stands_for_a_number_whose_rate_is_otherwise_unknown() -> None:
    stack = cdk.Stack(cdk.App(), "Rates", env=ENV)
    given = originations(
        stack,
        phone_number_ids=[A, B],
        pool_ids=[P],
        phone_numbers=[],
        pools=[],
        rcs_agent_ids=[],
        rcs_agents=[],
        notify_configuration_ids=[],
    )

    rates = known_rates(given, {"+18445550100": 3, P: 50})

    assert rates.rates == {P: 50.0, "+18445550100": 3.0}
    assert rates.unknown == (B,), "one of the two numbers is the E.164 one; the other is not known"
    assert rates.total == 53
