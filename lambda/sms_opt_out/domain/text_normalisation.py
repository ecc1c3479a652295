"""Every spelling a person reads as the same word, folded to one: upper-case ASCII words.

What is folded, in order:

1. Compatibility forms (NFKC): fullwidth and mathematical letters, circled ``ⓈⓉⓄⓅ``, squared
   ``🅂🅃🄾🄿``, ligatures.
2. Default-ignorable code points (Unicode's ``Default_Ignorable_Code_Point``, as listed in
   DerivedCoreProperties.txt, which Python's ``unicodedata`` does not expose), and every other format
   character (category Cf): zero-width spaces and joiners, soft hyphen, variation selectors, the
   combining grapheme joiner, the Hangul fillers, the Mongolian vowel separator, tag characters,
   direction marks. They are dropped.
3. Blank characters that are not Unicode spaces (the braille blank U+2800): read as spaces.
4. Accents and every other combining mark (after NFKD): ``Stóp``, ``S̶T̶O̶P̶``.
5. ``CONFUSABLES``: the letters of other scripts that read as Latin ones, chosen from Unicode's
   confusables.txt for the letters of the keywords: Cyrillic, Greek, Latin small capitals (``ꜱᴛᴏᴘ``),
   Cherokee (``ᏚᎢᎾᏢ``) and Lisu look-alikes.
6. The stop-sign emoji 🛑 reads as the word STOP, the prohibited sign 🚫 as NO (a reply of nothing but
   prohibited or no-entry signs as STOP), laughing faces (😂 🤣 😆 😹) as LOL.

``words`` then splits the folded text into words: a French elision (``m'envoyer``: C, D, J, L, M, N,
S or T and an apostrophe) parts the words, other apostrophes join them (``don't`` is ``DONT``,
``I'm`` is ``IM``), ``#`` reads as NUMBER, a run of three or more single letters is one word
(``S T O P``, ``s.t.o.p``), in a word of letters and digits the digits that stand for letters are read
as letters (``ST0P``), a dollar sign before a letter as S (``$TOP``), and a French elision written
without its apostrophe is parted for the words of a revocation (``jveux`` is ``J VEUX``:
``_TEXTING_ELISION``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

DEFAULT_IGNORABLE = (
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x061C, 0x061C),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x206F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
)
"""Unicode 15's Default_Ignorable_Code_Point ranges (DerivedCoreProperties.txt), inclusive."""
BLANKS = frozenset("\u2800")
"""Characters that show as a blank but are no Unicode space: read as a space."""
CONFUSABLES = {
    # Cyrillic
    **dict(zip("АВЕКМНОРСТХУЅІЈԚԜҮҺӀ", "ABEKMHOPCTXYSIJQWYHI", strict=True)),
    **dict(zip("аеорсухѕіјһԁԛԝүпгтнкмв", "aeopcyxsijhdqwynrthkmb", strict=True)),
    # Greek
    **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧαικνορτυχ", "ABEZHIKMNOPTYXaikvoptux", strict=True)),
    # Latin small capitals and letter-like modifiers
    **dict(zip("ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘꞯʀꜱᴛᴜᴠᴡʏᴢ", "ABCDEFGHIJKLMNOPQRSTUVWYZ", strict=True)),
    # Cherokee capitals that read as Latin
    **dict(zip("ᎪᏴᏟᎠᎬᏀᎻᏆᎫᏦᏞᎷᎾᏢᏒᏚᎢᏙᏔᎩᏃ", "ABCDEGHIJKLMOPRSTVWYZ", strict=True)),
    # Lisu
    **dict(zip("ꓮꓐꓚꓓꓰꓝꓖꓧꓲꓙꓗꓡꓟꓠꓳꓑꓣꓢꓔꓴꓦꓪꓫꓬꓜ", "ABCDEFGHIJKLMNOPRSTUVWXYZ", strict=True)),  # noqa: RUF001
}
"""Letter of another script to the Latin letter it reads as (from Unicode's confusables.txt)."""
EMOJI_WORDS = {
    **dict.fromkeys("\U0001f6d1\U0001f4f5", " STOP "),
    **dict.fromkeys("\U0001f6ab\u274c\u26d4", " NO "),
    **dict.fromkeys("\U0001f602\U0001f923\U0001f606\U0001f639", " LOL "),
}
"""Emoji that read as a word: the octagonal stop sign and the no-mobile-phones sign (as STOP), the
prohibited sign (read as NO: "🚫 mensajes"), the cross mark and no-entry sign (as NO: "❌ mensajes"),
and laughing faces (read as LOL)."""
_PROHIBITED_ONLY = re.compile("^[\\s\U0001f6ab\u26d4\ufe0f]*[\U0001f6ab\u26d4][\\s\U0001f6ab\u26d4\ufe0f]*$")
"""A reply of nothing but prohibited or no-entry signs ("🚫🚫") reads as STOP."""
_LEET = str.maketrans("013457@$", "OIEASTAS")
_WORD = re.compile(r"[A-Z0-9#@$]+")
_ELISION = re.compile(r"\b([CDJLMNST])['\u2019`]")
_APOSTROPHES = re.compile("['\u2019`]")
_CLAUSE = re.compile(r"[.!?,;:\n\u2013\u2014]+|\s-+\s")  # a dash between words parts sentences too
_SPELLED = re.compile(r"(?<![A-Z0-9])[A-Z0-9](?:[\s.\-_*]{1,3}[A-Z0-9](?![A-Z0-9])){2,}")
_SPELLED_GAPS = re.compile(r"[\s.\-_*]+")
_TEXTING_ELISION = re.compile(
    r"^(?:(J)(VEUX|VEUT|VEU|VX|VOUS|EN|AI|SUIS|PEUX|VAIS|ARRETE|DEMANDE)|(D)(ARRET\w*|ENVOY\w*|ECRIRE|ETRE|AUTRE)"
    r"|(C)(TAIT|ETAIT|EST)|(M)(ENVOY\w*|ECRI\w*|APPEL\w*|INTERESSE))$"
)
"""French texting that drops the elision's apostrophe (``jveux``, ``jen ai marre``, ``merci darreter``,
``ctait``, ``menvoyez``): the letter and the word, parted, for the words a revocation uses."""
_DOLLAR_S = re.compile(r"\$(?=[A-Z])")
"""A dollar sign before a letter reads as S (``$TOP``)."""


def _is_ignorable(code_point: int) -> bool:
    return any(low <= code_point <= high for low, high in DEFAULT_IGNORABLE)


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    """What one character of the NFKC form reads as (upper case, no marks), or '' when invisible."""
    if ch in EMOJI_WORDS:
        return EMOJI_WORDS[ch]
    if ch in BLANKS:
        return " "
    code_point = ord(ch)
    if _is_ignorable(code_point) or unicodedata.category(ch) == "Cf":
        return ""
    ch = CONFUSABLES.get(ch, ch)
    kept = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    return "".join(CONFUSABLES.get(c, c) for c in kept.upper())


def fold(text: str) -> str:
    """``text`` with every spelling folded as the module says, upper case."""
    if _PROHIBITED_ONLY.match(text):
        return "STOP"
    if text.isascii():
        return text.upper()
    return "".join(_fold_char(ch) for ch in unicodedata.normalize("NFKC", text))


def clauses(text: str) -> tuple[tuple[str, ...], ...]:
    """The words of ``text`` (folded) per clause: the parts between sentence punctuation."""
    folded = _APOSTROPHES.sub("", _ELISION.sub(r"\1 ", fold(text)))
    folded = _SPELLED.sub(lambda m: _SPELLED_GAPS.sub("", m.group()), folded)
    parts = []
    for clause in _CLAUSE.split(folded):
        found = [part for w in map(_word, _WORD.findall(clause)) if w for part in _elided(w)]
        if found:
            parts.append(tuple(found))
    return tuple(parts)


def words(text: str) -> tuple[str, ...]:
    """The words of ``text``, folded, across clauses."""
    return tuple(w for clause in clauses(text) for w in clause)


def _elided(word: str) -> tuple[str, ...]:
    """``word``, or the letter and the word of a French elision written without its apostrophe."""
    found = _TEXTING_ELISION.match(word) if len(word) >= 3 else None
    if found is None:
        return (word,)
    letter, rest = (part for part in found.groups() if part)
    return letter, "ETAIT" if rest == "TAIT" else rest


def _word(word: str) -> str:
    """Read ``#`` as NUMBER, and digits standing for letters as letters (in a word of both)."""
    if word == "#":
        return "NUMBER"
    word = word.replace("#", "")
    if any(c.isdigit() for c in word) and sum(c.isalpha() for c in word) >= 2:
        return word.translate(_LEET)
    return _DOLLAR_S.sub("S", word).replace("@", "").replace("$", "")
