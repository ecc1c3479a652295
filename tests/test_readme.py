"""The README's tables say what the construct takes and what the functions count, no more and no less."""

from __future__ import annotations

import re

from opt_out_stack.environments import CONTEXT_KEYS, IN_APP_PROPS
from opt_out_stack.stack import CONSTRUCT_PROPS
from sms_opt_out.metrics import REPLY_METRICS, SEND_METRICS
from sms_opt_out.outcomes import ReplyOutcome
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text()


def test_the_props_table_lists_every_prop_of_the_construct() -> None:
    table = README[README.index("### Props") : README.index("### What it provisions")]

    assert set(re.findall(r"^\| `([a-z_]+)` \|", table, re.MULTILINE)) == CONSTRUCT_PROPS


def test_every_prop_has_its_camel_case_cdk_json_key() -> None:
    assert set(CONTEXT_KEYS.values()) == CONSTRUCT_PROPS - IN_APP_PROPS, (
        "CDK resources are given in code only"
    )
    assert {"phone_numbers", "pools", "rcs_agents"} == IN_APP_PROPS
    assert {"phoneNumberIds", "memorySize", "timeout", "protectConfigurationIds"} <= set(CONTEXT_KEYS)


def test_the_metrics_table_lists_every_metric_and_the_outcomes_table_every_reply_outcome() -> None:
    metrics = README[README.index("### Metrics") : README.index("### Dashboard")]
    outcomes = README[README.index("Every outcome of a reply is one of") : README.index("Known limits:")]

    assert set(re.findall(r"^\| `(\w+)` \|", metrics, re.MULTILINE)) == {*REPLY_METRICS, *SEND_METRICS}
    first_cells = re.findall(r"^\| (`[A-Z_]+`(?:, `[A-Z_]+`)*) \|", outcomes, re.MULTILINE)
    assert set(re.findall(r"`(\w+)`", " ".join(first_cells))) == set(ReplyOutcome)
