"""Text folding for search: case and accents ignored ("zoe" finds "Zoë", "lukasz" "Łukasz")."""

from __future__ import annotations

import re
import unicodedata

# Letters that carry their mark inside the glyph and so survive NFKD decomposition.
_SPECIAL = str.maketrans(
    {
        "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ð": "d",
        "þ": "th", "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i",
    }
)  # fmt: skip


def fold(text: str) -> str:
    """Lower-case, strip accents, keep letters of every script (王小明 stays 王小明)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped).casefold()


_TOKEN = re.compile(r"\w+", re.UNICODE)


def tokens(text: str) -> list[str]:
    """Folded word tokens, as the search index sees them."""
    return _TOKEN.findall(fold(text))
