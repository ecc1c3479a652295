"""Lambda's 4 KB of environment variables, measured at synthesis as Lambda measures them.

Lambda refuses a function whose variables, written as one JSON object (``{"NAME":"value",...}``),
exceed 4 KB: the deploy fails, after the table and topic were created. A value CloudFormation fills
in at deploy time (a token) counts at the longest it can be, as the construct documents it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from aws_cdk import Token

from opt_out_stack.prop_validation import PropError
from opt_out_stack.runtime_props import LIST_VARIABLES, TEXT_VARIABLES

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
    "ORIGINATION_NUMBERS": "phone_number_ids",
    "NUMBER_TYPES": "phone_number_ids",
    "POOL_IDS": "pool_ids",
    "RCS_AGENT_IDS": "rcs_agent_ids",
    "MESSAGES_PER_SECOND": "messages_per_second",
    "LANGUAGES": "languages",
    "MATCH_MODE": "match_mode",
    "OPT_OUT_SCOPE": "opt_out_scope",
    "METRICS_NAMESPACE": "metrics_namespace",
    "OPT_OUT_TABLE_NAME": "table_name",
    "SEND_CONCURRENCY": "send_concurrency",
    "OPT_OUT_LIST_NUMBERS": "phone_number_ids",
    "DEFAULT_CONFIGURATION_SET": "delivery_events",
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
