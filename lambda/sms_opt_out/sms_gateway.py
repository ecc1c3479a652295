"""Adapter for the End User Messaging SMS API (``pinpoint-sms-voice-v2``)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError
from botocore.validate import ParamValidator

from .errors import InvalidRequestError
from .model_constraints import violation
from .phone_numbers import to_origination_number


def error_code(error: BotoCoreError | ClientError) -> str:
    """The code of a failed call, safe to log: the error's text may quote the phone number."""
    if isinstance(error, ClientError):
        return str(error.response.get("Error", {}).get("Code", "ClientError"))
    return type(error).__name__


class SmsGateway:
    """Sends texts, checks SendTextMessage requests against the service model, resolves our numbers."""

    def __init__(self, client: Any) -> None:
        self._client = client
        self._send_shape = client.meta.service_model.operation_model("SendTextMessage").input_shape
        self._numbers: dict[str, str] = {}

    @property
    def send_parameters(self) -> frozenset[str]:
        return frozenset(self._send_shape.members)

    def check_request(self, params: Mapping[str, Any]) -> None:
        """Raise InvalidRequestError naming the first parameter SendTextMessage would reject: its
        types (botocore's validator), then the model's lengths, ranges, patterns and enums."""
        for name in params:
            if name not in self._send_shape.members:
                raise InvalidRequestError(name, "not a SendTextMessage parameter")
        report = ParamValidator().validate(dict(params), self._send_shape)
        if report.has_errors():
            line = report.generate_report().splitlines()[0]
            field = next((n for n in params if re.search(rf"\b{n}\b", line)), "request")
            raise InvalidRequestError(field, line)
        found = violation(params, self._send_shape, "")
        if found:
            raise InvalidRequestError(*found)

    def send_text(self, params: Mapping[str, Any]) -> str:
        """Send one text; return its MessageId."""
        return self._client.send_text_message(**params)["MessageId"]

    def phone_number(self, identity: str) -> str:
        """The E.164 number behind a phone number ID or ARN, cached for the container's life."""
        if identity not in self._numbers:
            try:
                found = self._client.describe_phone_numbers(PhoneNumberIds=[identity])["PhoneNumbers"]
            except ClientError as error:
                if error.response["Error"]["Code"] != "ResourceNotFoundException":
                    raise
                found = []
            if not found:
                raise InvalidRequestError("OriginationIdentity", "no phone number has this ID or ARN")
            self._numbers[identity] = to_origination_number(found[0]["PhoneNumber"], "OriginationIdentity")
        return self._numbers[identity]
