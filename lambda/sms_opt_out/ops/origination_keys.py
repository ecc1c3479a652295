"""The origination an operator names (CLI ``--from``, the Python API, an import's ``origination``).

Consent is kept per origination key (``consent``): one of our numbers (E.164 or short code), a pool
(its ID), an RCS agent (its ID, named by its ARN), or ``*`` for all our numbers. An operator may
name a pool by its ID or its ARN; a phone number ID or ARN needs a lookup the operator tools do not
make, so it is refused, saying what to give.
"""

from __future__ import annotations

from sms_opt_out.domain.phone_numbers import ALL_NUMBERS, is_phone_number_reference, to_origination_number
from sms_opt_out.errors import InvalidFieldError
from sms_opt_out.sms.pools import pool_id
from sms_opt_out.sms.rcs import rcs_agent_id

FORMS = "a number of ours (E.164 or short code), a pool ID or ARN, an RCS agent ARN, or * for all our numbers"


def to_origination_key(value: object, field: str) -> str:
    """The origination key ``value`` names; InvalidFieldError naming ``field`` for anything else."""
    text = value.strip() if isinstance(value, str) else value
    if text == ALL_NUMBERS:
        return ALL_NUMBERS
    if isinstance(text, str) and (pool := pool_id(text)):
        return pool
    if isinstance(text, str) and (agent := rcs_agent_id(text)):
        return agent
    if isinstance(text, str) and is_phone_number_reference(text):
        raise InvalidFieldError(field, f"a phone number ID or ARN is not looked up here: give {FORMS}")
    try:
        return to_origination_number(text, field)
    except InvalidFieldError as error:
        raise InvalidFieldError(field, f"{error.reason}; give {FORMS}") from None
