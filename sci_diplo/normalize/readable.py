"""Text as the finders read it: the same length and offsets, with what scraped text leaves in
(HTML entities, characters that show nothing) read as what it stands for.

The evidence still quotes the text as it was read: only the finders see this form.
"""

from __future__ import annotations

import re

# HTML entities that scraped text keeps, read as what they stand for, padded with spaces to
# their length (so every offset stays the same): white space as spaces, and "&amp;" and the
# currency signs as the character at the entity's end ("&euro;3" reads as "     €3").
_ENTITY_RX = re.compile(
    r"&(?:(?P<space>nbsp|ensp|emsp|thinsp|#160|#x[aA]0|#819[45]|#8201|#8239|#x202[fF])"
    r"|(?P<sign>amp|euro|pound|yen|cent|#8364|#163|#36|#x20[aA][cC]));"
)
_SIGNS = {"amp": "&", "euro": "€", "pound": "£", "yen": "¥", "cent": "¢", "#8364": "€", "#163": "£", "#36": "$"}
# Characters that show nothing, read as spaces: zero-width spaces and joiners, and a byte
# order mark inside the text. "3\u200b000\u200b000" is 3 000 000 and "South\u200bAfrica" ZAF.
_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff"
_INVISIBLE = dict.fromkeys(map(ord, _INVISIBLE_CHARS), " ")


def _entity(m: re.Match[str]) -> str:
    if m.group("space"):
        return " " * len(m.group())
    sign = _SIGNS.get(m.group("sign"), "€")
    return " " * (len(m.group()) - 1) + sign


def readable(text: str) -> str:
    """Return ``text`` with the HTML entities of white space, "&amp;" and currency signs read as
    what they stand for, and the characters that show nothing (zero-width spaces) as spaces,
    each padded to keep every offset: ``readable(t)`` is as long as ``t``."""
    if "&" in text:
        text = _ENTITY_RX.sub(_entity, text)
    if not text.isascii() and any(c in text for c in _INVISIBLE_CHARS):  # (a search is faster than translate)
        text = text.translate(_INVISIBLE)
    return text
