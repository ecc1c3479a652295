"""RCS agents as origination identities: recognising them, and the agents the construct configured.

An agent is an origination like a phone number (``origination``): its own consent key (its ID), and
in a pool one origination with the pool's numbers (``pools`` lists agents among a pool's members).
AWS documents no form for an agent ID (the model's ``RcsAgentIdOrArn`` is any of
``[A-Za-z0-9_:/-]+``), so an agent is recognised by its ARN (resource type ``rcs-agent``, from the
model's ``ResourceType``) or by an ID the construct configured (``RCS_AGENT_IDS``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection

from sms_opt_out.contract import RCS_AGENT_IDS_VARIABLE
from sms_opt_out.errors import ConfigurationError

RCS_AGENT_ARN = re.compile(r"arn:aws[a-z-]*:sms-voice:[a-z0-9-]+:\d{12}:rcs-agent/([A-Za-z0-9_-]{1,64})")
RCS_AGENT_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")


def rcs_agent_id(identity: str, known: Collection[str] = ()) -> str | None:
    """The agent ID ``identity`` names (an agent's ARN, or one of the ``known`` IDs), else None."""
    if arn := RCS_AGENT_ARN.fullmatch(identity):
        return arn.group(1)
    return identity if identity in known else None


def parse_rcs_agent_ids(value: str | None, field: str = RCS_AGENT_IDS_VARIABLE) -> tuple[str, ...]:
    """``["<id>", "arn:...:rcs-agent/<id>", ...]`` as agent IDs; unset or empty means none."""
    if value is None or not value.strip():
        return ()
    try:
        agents = json.loads(value)
    except json.JSONDecodeError:
        agents = None
    if not isinstance(agents, list):
        raise ConfigurationError(field, "must be a JSON list of RCS agent IDs or ARNs")
    ids: list[str] = []
    for agent in agents:
        found = rcs_agent_id(agent) if isinstance(agent, str) else None
        if found is None and isinstance(agent, str) and RCS_AGENT_ID.fullmatch(agent):
            found = agent
        if found is None:
            raise ConfigurationError(field, f"{agent!r} is not an RCS agent ID or ARN")
        ids.append(found)
    return tuple(dict.fromkeys(ids))
