"""Lambda's 4 KB of environment variables, measured at synthesis as Lambda measures them.

Lambda refuses a function whose variables, written as one JSON object (``{"NAME":"value",...}``),
exceed 4 KB: the deploy fails, after the table and topic were created. A value CloudFormation fills
in at deploy time (a token) counts at the longest it can be, as the construct documents it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import aws_cdk.aws_lambda as lambda_
from aws_cdk import Token

from opt_out_stack.prop_validation import PropError
from opt_out_stack.runtime_props import LIST_VARIABLES, TEXT_VARIABLES
from sms_opt_out import contract

if TYPE_CHECKING:
    from opt_out_stack.numbers import Originations

MAX_ENVIRONMENT_BYTES = 4096
"""Lambda's limit on the JSON of a function's variables."""
MAX_TABLE_NAME = 255
"""DynamoDB's longest table name (a generated name is shorter)."""
MAX_QUEUE_URL = 150
"""``https://sqs.<region>.amazonaws.com[.cn]/<account>/<name>``: region at most 20, name at most 80."""
MAX_CONFIGURATION_SET_NAME = 64
"""The longest configuration set name (the one the construct creates is named at deploy time)."""
MAX_E164 = 16
"""``+`` and at most 15 digits."""
LONGEST_NUMBER_TYPE = "SHORT_CODE/XX"
"""``NUMBER_TYPES``'s longest value: the longest ``NumberType`` and a country code."""
ID_LENGTH = {"phone": len("phone-") + 32, "pool": len("pool-") + 32, "rcs-agent": 64}
"""The length of a phone number's and a pool's ID (an RCS agent's at most), known only at deploy time
for the app's own."""


CONSTRUCT_VARIABLES = {
    contract.ORIGINATION_NUMBERS_VARIABLE: "phone_number_ids",
    contract.NUMBER_TYPES_VARIABLE: "phone_number_ids",
    contract.POOL_IDS_VARIABLE: "pool_ids",
    contract.RCS_AGENT_IDS_VARIABLE: "rcs_agent_ids",
    contract.MESSAGES_PER_SECOND_VARIABLE: "messages_per_second",
    contract.LANGUAGES_VARIABLE: "languages",
    contract.MATCH_MODE_VARIABLE: "match_mode",
    contract.OPT_OUT_SCOPE_VARIABLE: "opt_out_scope",
    contract.NAMESPACE_VARIABLE: "metrics_namespace",
    contract.TABLE_NAME_VARIABLE: "table_name",
    contract.SEND_CONCURRENCY_VARIABLE: "send_concurrency",
    contract.LIST_NUMBERS_VARIABLE: "phone_number_ids",
    contract.DEFAULT_CONFIGURATION_SET_VARIABLE: "delivery_events",
}
"""The prop behind each variable the props set, but for the per-language ones (``language_settings``)."""
_PROP_OF_VARIABLE = {
    **{variable: prop for prop, variable in (LIST_VARIABLES | TEXT_VARIABLES).items()},
    **CONSTRUCT_VARIABLES,
}


def environment_bytes(variables: Mapping[str, object], bounds: Mapping[str, int]) -> int:
    """The size Lambda measures; a value known at deploy time counts as ``bounds[name]`` ASCII characters."""
    measured: dict[str, object] = {}
    for name, value in variables.items():
        if not isinstance(value, str) or Token.is_unresolved(value):
            assert name in bounds, f"{name} is a token without a documented bound"
            measured[name] = "x" * bounds[name]
        else:
            measured[name] = value
    return len(json.dumps(measured, separators=(",", ":"), ensure_ascii=False).encode())


def json_bound(value: object) -> int:
    """The length of ``value`` as JSON, where each string stands for the longest it can be."""
    return len(json.dumps(value, separators=(",", ":")))


def check_environment_size(
    function: str, variables: Mapping[str, str], bounds: Mapping[str, int], props: Mapping[str, object]
) -> None:
    """Raise PropError naming the prop whose variables weigh most when ``function``'s exceed 4 KB."""
    size = environment_bytes(variables, bounds)
    if size <= MAX_ENVIRONMENT_BYTES:
        return
    weights: dict[str, int] = {}
    for name, value in variables.items():
        prop = _PROP_OF_VARIABLE.get(name, "language_settings")
        weights[prop] = weights.get(prop, 0) + environment_bytes({name: value}, bounds)
    heaviest = max((p for p in weights if p in props), key=weights.__getitem__)
    raise PropError(
        heaviest,
        props[heaviest],
        f"makes the {function}'s environment {size} bytes, over Lambda's 4 KB "
        f"({MAX_ENVIRONMENT_BYTES} bytes of JSON)",
        "give fewer or shorter values (or split the numbers between two SmsOptOut)",
    )


def deploy_time_bounds(table_name: str | None, given: Originations) -> dict[str, int]:
    """The longest each variable set at deploy time can be, for the identities ``given``."""
    e164 = "+" + "9" * (MAX_E164 - 1)
    phone_id, pool_id = ID_LENGTH["phone"], ID_LENGTH["pool"]
    return {
        contract.TABLE_NAME_VARIABLE: len(table_name) if table_name else MAX_TABLE_NAME,
        contract.FAILED_SENDS_QUEUE_URL_VARIABLE: MAX_QUEUE_URL,
        contract.ORIGINATION_NUMBERS_VARIABLE: json_bound(
            {n.phone_number_id: e164 for n in given.numbers}
            | {str(i).rjust(phone_id, "x"): e164 for i in range(len(given.in_app_numbers))}
        ),
        contract.DEFAULT_CONFIGURATION_SET_VARIABLE: MAX_CONFIGURATION_SET_NAME,
        contract.NUMBER_TYPES_VARIABLE: json_bound(
            [LONGEST_NUMBER_TYPE] * (len(given.numbers) + len(given.in_app_numbers))
        ),
        contract.POOL_IDS_VARIABLE: json_bound(
            [p.pool_id for p in given.pools] + ["x" * pool_id] * len(given.in_app_pools)
        ),
        contract.RCS_AGENT_IDS_VARIABLE: json_bound(
            [a.resource_id for a in given.agents] + ["x" * ID_LENGTH["rcs-agent"]] * len(given.in_app_agents)
        ),
    }


class FunctionEnvironments:
    """Each function's environment variables, as set, to measure against Lambda's 4 KB once all are."""

    def __init__(self, functions: Sequence[lambda_.Function], environment: Mapping[str, str]) -> None:
        self.variables: dict[str, dict[str, str]] = {f.node.id: dict(environment) for f in functions}

    def add(self, function: lambda_.Function, name: str, value: str) -> None:
        """Set ``name`` on ``function`` and count it."""
        function.add_environment(name, value)
        self.variables[function.node.id][name] = value

    def check_sizes(self, bounds: Mapping[str, int], props: Mapping[str, object]) -> None:
        """Raise PropError when a function's variables exceed 4 KB (``check_environment_size``)."""
        for function, variables in self.variables.items():
            check_environment_size(function, variables, bounds, props)
