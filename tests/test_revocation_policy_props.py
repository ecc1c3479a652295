"""The construct's revocation_policy and clarification_message props, and its warning for answers that
cost more than one SMS part (one synthesis)."""

from __future__ import annotations

from typing import Any

import aws_cdk as cdk
import pytest
from aws_cdk.assertions import Annotations, Match, Template

from opt_out_stack.prop_validation import PropError
from opt_out_stack.text_parts import multipart_texts
from tests.test_construct import build

LONG_SPANISH_HELP = "Acme: envíe ALTO para cancelar. " * 3


@pytest.fixture(scope="module")
def contextual() -> tuple[Template, cdk.Stack]:
    stack, _ = build(
        revocation_policy="contextual",
        clarification_message="Acme: reply STOP to stop all our texts.",
        support_contact="1-800-555-0100",
        language_settings={"es": {"help_message": LONG_SPANISH_HELP, "clarification_message": "Acme: ALTO."}},
    )
    return Template.from_stack(stack), stack


def test_the_policy_and_the_clarification_reach_the_functions(contextual: tuple[Template, cdk.Stack]) -> None:
    template, _ = contextual
    expected = {
        "REVOCATION_POLICY": "CONTEXTUAL",
        "CLARIFICATION_MESSAGE": "Acme: reply STOP to stop all our texts.",
        "CLARIFICATION_MESSAGE_ES": "Acme: ALTO.",
    }

    functions = template.find_resources(
        "AWS::Lambda::Function", {"Properties": {"Environment": {"Variables": Match.object_like(expected)}}}
    )

    assert len(functions) == 2


def test_a_text_of_more_than_one_part_warns_saying_how_many(contextual: tuple[Template, cdk.Stack]) -> None:
    _, stack = contextual

    (warning,) = Annotations.from_stack(stack).find_warning(
        "/Test/SmsOptOut", Match.string_like_regexp("several SMS parts")
    )

    message = str(warning.entry.data)
    assert "HELP_MESSAGE_ES needs 2 SMS parts: 96 UCS-2 characters (because of 'í')" in message
    assert "CLARIFICATION" not in message and "OPT_IN_CONFIRMATION" not in message


def test_the_default_texts_raise_no_warning() -> None:
    env = {"SUPPORT_CONTACT": "help@acme.example", "PROGRAM_NAME": "Acme alerts"}

    assert multipart_texts(env) == []


@pytest.mark.parametrize(
    ("value", "reason"), [("LOOSE", "is not one of STRICT, CONTEXTUAL"), (3, "is not a string")]
)
def test_a_bad_policy_is_refused_naming_the_prop(value: Any, reason: str) -> None:
    with pytest.raises(PropError, match=rf"^revocation_policy: .* {reason}"):
        build(revocation_policy=value)
