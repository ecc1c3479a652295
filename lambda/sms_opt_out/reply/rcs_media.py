"""Files an RCS customer sends: no words to read, kept for a person to look at.

When a customer sends an image, a video, an audio file or a document to an RCS agent, AWS
publishes to the agent's two-way topic the same payload as for a text, whose ``messageBody`` is a
JSON document describing the file ("Receiving inbound RCS media", section "Inbound media
notification payload",
<https://docs.aws.amazon.com/sms-voice/latest/userguide/rcs-inbound-media.md>):
``mediaStatus`` (``SUCCESS``, ``UPLOAD_FAILED`` or ``ROLE_ASSUME_FAILED``), and ``mimeType``,
``fileName``, ``fileSizeBytes``, ``s3Bucket``, ``s3Key``, ``mediaStatusMessage`` as they apply.

Reading that document as a customer's words would be wrong both ways: a file named ``stop.jpg``
is not a revocation, and a photo may be one a person can see. So a media notification is never
classified: it is kept for review (``sms-opt-out replies --unrecognised``) with the file's type
and where it is stored, and not answered.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sms_opt_out.domain.keywords import Classification, Intent

MEDIA_RULE = "rcs.media"


@dataclass(frozen=True)
class MediaNotice:
    """What a media notification says of the file: never its content."""

    status: str
    """``mediaStatus``: ``SUCCESS``, or why the file could not be stored."""
    mime_type: str | None = None
    stored_at: str | None = None
    """``s3://<s3Bucket>/<s3Key>`` when the file was stored."""

    def classification(self) -> Classification:
        """The evidence a kept media message carries: not read, for a person to look at."""
        kind = self.mime_type or "of no stated type"
        where = f", stored at {self.stored_at}" if self.stored_at else ""
        return Classification(
            Intent.OTHER,
            rule=MEDIA_RULE,
            reason=(
                f"an RCS media message (a file {kind}, mediaStatus {self.status}{where}): a file has no "
                "words to read, so a person looks at it"
            ),
        )


def media_notice(body: str) -> MediaNotice | None:
    """The media notification ``body`` (an RCS ``messageBody``) is, or None when it is a text."""
    if not body.lstrip().startswith("{"):
        return None
    try:
        document = json.loads(body)
    except ValueError:
        return None
    if not isinstance(document, dict) or not isinstance(document.get("mediaStatus"), str):
        return None
    bucket, key = document.get("s3Bucket"), document.get("s3Key")
    mime_type = document.get("mimeType")
    return MediaNotice(
        status=document["mediaStatus"],
        mime_type=mime_type if isinstance(mime_type, str) else None,
        stored_at=f"s3://{bucket}/{key}" if isinstance(bucket, str) and isinstance(key, str) else None,
    )
