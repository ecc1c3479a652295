"""Each origination identity's messages per second, from what AWS knows of it.

The pacer asks for the rate of an identity it has no configured rate for (``MESSAGES_PER_SECOND``
comes first). In order:

1. **Reported**: ``MessagingLimits.RateLimits["SMS"]`` of the number, as ``DescribePhoneNumbers``
   answers it (botocore 1.44 models it; an older SDK drops the field and the next source answers).
   Looked up once per number and container, only for a number whose ID is known (the construct's own
   numbers, ``ORIGINATION_NUMBERS``, or one sent from by ID or ARN).
2. **Published**: AWS's default for the number's type and country (``PUBLISHED_RATES``), from the
   ``NumberType`` and ``IsoCountryCode`` that ``UpdatePhoneNumber`` answered at deploy time
   (``NUMBER_TYPES``, in the order of ``ORIGINATION_NUMBERS``) or that ``DescribePhoneNumbers`` reported.
3. None: the pacer discovers the rate from AWS's throttling (``pacing``).

Pools and sender IDs have no reported rate: they are configured or discovered.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sms_opt_out.contract import NUMBER_TYPES_VARIABLE
from sms_opt_out.domain.deadline import Deadline
from sms_opt_out.errors import ConfigurationError
from sms_opt_out.sms.pacing import retry_throttled

logger = logging.getLogger(__name__)

PUBLISHED_RATES_SOURCE = "https://docs.aws.amazon.com/sms-voice/latest/userguide/sms-limitations-mps.html"
"""AWS End User Messaging SMS User Guide, "What are the Message Parts per Second (MPS) limits"."""
ANY_COUNTRY = "*"
PUBLISHED_RATES: Mapping[tuple[str, str], float] = {
    ("TEN_DLC", "US"): 1.0,  # "Default: 1 MPS per 10DLC number"
    ("TOLL_FREE", "US"): 3.0,  # "US toll-free numbers support 3 MPS"
    ("SHORT_CODE", "US"): 100.0,
    ("SHORT_CODE", "CA"): 100.0,  # other countries' short codes: "varies by country"
    ("LONG_CODE", "CA"): 1.0,
    ("LONG_CODE", ANY_COUNTRY): 10.0,  # "All other countries and regions"
}
"""AWS's default SMS message parts per second by ``NumberType`` and ``IsoCountryCode`` (source:
``PUBLISHED_RATES_SOURCE``). A type and country not listed has no published default."""
SMS_CAPABILITY = "SMS"


def published_rate(number_type: str | None, country: str | None) -> float | None:
    """AWS's published default for a number of this type in this country, or None."""
    if not number_type:
        return None
    exact = PUBLISHED_RATES.get((number_type, country or ""))
    return exact if exact is not None else PUBLISHED_RATES.get((number_type, ANY_COUNTRY))


def reported_rate(description: Mapping[str, Any]) -> float | None:
    """The SMS rate ``MessagingLimits`` reports in a DescribePhoneNumbers entry, or None."""
    limits = description.get("MessagingLimits") or {}
    rate = (limits.get("RateLimits") or {}).get(SMS_CAPABILITY)
    if isinstance(rate, bool) or not isinstance(rate, int | float) or rate <= 0:
        return None
    return float(rate)


def parse_number_types(
    value: str | None, numbers: Sequence[str], field: str = NUMBER_TYPES_VARIABLE
) -> dict[str, tuple[str, str]]:
    """``["TOLL_FREE/US", ...]``, one per phone number ID of ``numbers`` (``ORIGINATION_NUMBERS``'s, in
    its order: a list keeps 60 numbers within Lambda's 4 KB), as ID to (NumberType, IsoCountryCode)."""
    if value is None or not value.strip():
        return {}
    try:
        types = json.loads(value)
    except json.JSONDecodeError:
        raise ConfigurationError(field, "must be a JSON list of TYPE/COUNTRY") from None
    if not isinstance(types, list):
        raise ConfigurationError(field, "must be a JSON list of TYPE/COUNTRY")
    if len(types) != len(numbers):
        raise ConfigurationError(
            field, f"has {len(types)} types for the {len(numbers)} numbers of ORIGINATION_NUMBERS"
        )
    parsed: dict[str, tuple[str, str]] = {}
    for number_id, kind in zip(numbers, types, strict=True):
        number_type, _, country = str(kind).partition("/")
        if not number_type or not country:
            raise ConfigurationError(
                field, f"the type of {number_id!r} must be TYPE/COUNTRY, like TOLL_FREE/US"
            )
        parsed[number_id] = (number_type, country)
    return parsed


Describe = Callable[[str], "Mapping[str, Any] | None"]
"""DescribePhoneNumbers of one phone number ID: its entry, or None when it cannot be had."""


class RateLimits:
    """Reported, then published, rates of phone numbers; thread-safe, kept for the container's life."""

    def __init__(
        self, number_types: Mapping[str, tuple[str, str]] | None = None, describe: Describe | None = None
    ) -> None:
        self._types = dict(number_types or {})
        self._describe = describe
        self._reported: dict[str, float | None] = {}
        self._lock = threading.Lock()

    def remember(self, description: Mapping[str, Any]) -> None:
        """Keep what a DescribePhoneNumbers entry says of a number's rate and type (under its names)."""
        rate = reported_rate(description)
        kind = (description.get("NumberType"), description.get("IsoCountryCode"))
        with self._lock:
            for name in (description.get("PhoneNumberId"), description.get("PhoneNumberArn")):
                if name:
                    self._reported[name] = rate
                    if kind[0] and kind[1]:
                        self._types[name] = (str(kind[0]), str(kind[1]))

    def rate(self, names: Sequence[str]) -> float | None:
        """The rate AWS reports for the number of these names, else the one it publishes, else None."""
        ids = [name for name in names if _is_number_id(name)]
        for number_id in ids:
            reported = self._reported_rate(number_id)
            if reported is not None:
                return reported
        with self._lock:
            kinds = [self._types[name] for name in (*ids, *names) if name in self._types]
        for number_type, country in kinds:
            published = published_rate(number_type, country)
            if published is not None:
                return published
        return None

    def _reported_rate(self, number_id: str) -> float | None:
        with self._lock:
            if number_id in self._reported or self._describe is None:
                return self._reported.get(number_id)
        try:
            description = self._describe(number_id)
        except Exception as error:  # noqa: BLE001 - any refusal: the published rate or discovery answers
            logger.warning("DescribePhoneNumbers for a number's rate failed: %s", type(error).__name__)
            description = None
        if description is None:
            with self._lock:
                self._reported.setdefault(number_id, None)
            return None
        self.remember(description)
        with self._lock:
            self._reported.setdefault(number_id, None)
            return self._reported[number_id]


def _is_number_id(name: str) -> bool:
    return name.startswith("phone-") or ":phone-number/" in name


LOOKUP_SECONDS = 2.0
"""How long a rate lookup retries a throttled DescribePhoneNumbers (1 request per second per
account) before the published rate answers instead."""


def describe_with(client: Any) -> Describe:
    """DescribePhoneNumbers of one number, retried while throttled for ``LOOKUP_SECONDS``."""

    def describe(number_id: str) -> Mapping[str, Any] | None:
        found = retry_throttled(
            lambda: client.describe_phone_numbers(PhoneNumberIds=[number_id])["PhoneNumbers"],
            "DescribePhoneNumbers",
            Deadline(LOOKUP_SECONDS, margin=0.0),
        )
        return found[0] if found else None

    return describe
