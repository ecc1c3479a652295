"""The ``pinpoint-sms-voice-v2`` service model shipped with the functions, for whatever botocore the
Lambda runtime bundles.

The runtime's botocore may predate ``SendRcsMessage``, ``SendNotifyTextMessage``,
``DescribeRcsAgents``, ``UpdateRcsAgent`` and ``DescribeNotifyConfigurations``. The asset carries
the model of the botocore pinned in constraints.txt (``service_models/``, gzipped: botocore reads
``.json.gz`` data files since 1.27, boto/botocore#2628), and every session the functions make
searches that folder first: its API version (2022-03-31) is the runtime's, so the shipped model
replaces the bundled one while endpoint rules and paginators still come from the runtime.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

MODELS_DIRECTORY = Path(__file__).parent / "service_models"
SERVICE = "pinpoint-sms-voice-v2"
OPERATIONS = (
    "SendTextMessage",
    "SendMediaMessage",
    "SendRcsMessage",
    "SendNotifyTextMessage",
    "DescribeRcsAgents",
    "UpdateRcsAgent",
    "DescribeNotifyConfigurations",
)
"""Operations the functions call that an older bundled model may lack."""


def use_shipped_models(session: Any) -> Any:
    """Make ``session`` (a botocore session, before its first client) load the shipped model first."""
    loader = session.get_component("data_loader")
    path = str(MODELS_DIRECTORY)
    if path not in loader.search_paths:
        loader.search_paths.insert(0, path)
    return session
