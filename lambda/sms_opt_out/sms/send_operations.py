"""The send operations the guarded sender speaks, each recognised by a parameter of its own.

- ``NotifyConfigurationId``: ``SendNotifyTextMessage`` (a templated text through a Notify
  configuration and its pool; no ``OriginationIdentity`` of the sender's own);
- ``RcsMessageContent``: ``SendRcsMessage`` (from an RCS agent, or a pool holding one);
- ``MediaUrls``: ``SendMediaMessage`` (an MMS, ``MessageBody`` optional);
- anything else: ``SendTextMessage``.

All answer a ``MessageId``. A request mixing two (``MediaUrls`` in an RCS request) is checked
against the operation recognised first here, which names the parameter it does not take.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

DESTINATION = "DestinationPhoneNumber"
ORIGINATION = "OriginationIdentity"
MEDIA_URLS = "MediaUrls"
RCS_CONTENT = "RcsMessageContent"
NOTIFY_CONFIGURATION = "NotifyConfigurationId"
ALIASES = {"OID": ORIGINATION, "SourcePhoneNumber": DESTINATION}
"""The blog sample's request names, accepted beside SendTextMessage's own."""


@dataclass(frozen=True)
class SendOperation:
    name: str
    """The API operation, as in the service model and IAM (``sms-voice:<name>``)."""
    method: str
    """The botocore client's method."""
    required: tuple[str, ...]
    """The string parameters the guarded sender requires (consent needs both ends of the send)."""
    identity: str
    """The parameter naming what the send goes out as: paced, dispatched and governed by it."""


TEXT = SendOperation(
    "SendTextMessage", "send_text_message", (DESTINATION, ORIGINATION, "MessageBody"), ORIGINATION
)
MEDIA = SendOperation("SendMediaMessage", "send_media_message", (DESTINATION, ORIGINATION), ORIGINATION)
RCS = SendOperation("SendRcsMessage", "send_rcs_message", (DESTINATION, ORIGINATION), ORIGINATION)
NOTIFY = SendOperation(
    "SendNotifyTextMessage",
    "send_notify_text_message",
    (DESTINATION, NOTIFY_CONFIGURATION),
    NOTIFY_CONFIGURATION,
)
OPERATIONS = (NOTIFY, RCS, MEDIA, TEXT)
_MARKERS = ((NOTIFY_CONFIGURATION, NOTIFY), (RCS_CONTENT, RCS), (MEDIA_URLS, MEDIA))


def send_operation(params: Mapping[str, Any]) -> SendOperation:
    """The operation a request is for, by the first parameter of its own it has (see above)."""
    return next((operation for marker, operation in _MARKERS if marker in params), TEXT)
