"""How many SMS parts a text costs: GSM-7 (GSM 03.38 basic table and extension) or UCS-2.

A text of GSM-7 characters only is one part up to 160 septets (an extension character, such as
``€`` or ``{``, takes two), else parts of 153; any other character makes the whole text UCS-2:
one part up to 70 UTF-16 code units, else parts of 67.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
"""The GSM 03.38 basic character set (one septet each)."""
EXTENSION = frozenset("\f^{}\\[~]|€")
"""The GSM 03.38 extension table (an escape and the character: two septets each)."""


class Encoding(enum.StrEnum):
    GSM7 = "GSM-7"
    UCS2 = "UCS-2"


@dataclass(frozen=True)
class Cost:
    encoding: Encoding
    length: int
    """Septets (GSM-7) or UTF-16 code units (UCS-2)."""
    parts: int
    outside_gsm7: str
    """The characters that made the text UCS-2, in order of first use (empty for GSM-7)."""


def cost(text: str) -> Cost:
    """What sending ``text`` as one SMS costs."""
    outside = "".join(dict.fromkeys(c for c in text if c not in BASIC and c not in EXTENSION))
    if not outside:
        length = len(text) + sum(c in EXTENSION for c in text)
        return Cost(Encoding.GSM7, length, 1 if length <= 160 else -(-length // 153), "")
    length = len(text.encode("utf-16-le")) // 2
    return Cost(Encoding.UCS2, length, 1 if length <= 70 else -(-length // 67), outside)
