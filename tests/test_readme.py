"""The README's props table and cdk.json keys say what the construct takes, no more and no less."""

from __future__ import annotations

import re

from opt_out_stack.environments import CONTEXT_KEYS, IN_APP_PROPS
from opt_out_stack.stack import CONSTRUCT_PROPS
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text()


def test_the_props_table_lists_every_prop_of_the_construct() -> None:
    table = README[README.index("### Props") : README.index("### What it provisions")]

    assert set(re.findall(r"^\| `([a-z_]+)` \|", table, re.MULTILINE)) == CONSTRUCT_PROPS


def test_every_prop_has_its_camel_case_cdk_json_key() -> None:
    assert set(CONTEXT_KEYS.values()) == CONSTRUCT_PROPS - IN_APP_PROPS, (
        "CDK resources are given in code only"
    )
    assert {"phone_numbers", "pools"} == IN_APP_PROPS
    assert {"phoneNumberIds", "memorySize", "timeout", "protectConfigurationIds"} <= set(CONTEXT_KEYS)
