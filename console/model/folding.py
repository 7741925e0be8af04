"""Text folding for search: case and accents ignored ("zoe" finds "Zoë", "lukasz" "Łukasz")."""

from __future__ import annotations

import re
import unicodedata

# Letters that carry their mark inside the glyph and so survive NFKD decomposition.
_SPECIAL = str.maketrans(
    {
        "ł": "l",
        "Ł": "l",
        "ø": "o",
        "Ø": "o",
        "đ": "d",
        "Đ": "d",
        "ð": "d",
        "þ": "th",
        "ß": "ss",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ı": "i",
    }
)


def fold(text: str) -> str:
    """Lower-case, strip accents, keep letters of every script (王小明 stays 王小明)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped).casefold()


_TOKEN = re.compile(r"\w+", re.UNICODE)


def tokens(text: str) -> list[str]:
    """Folded word tokens, as the search index sees them."""
    return _TOKEN.findall(fold(text))


# -- across scripts -------------------------------------------------------------------------
# CJK ideographs, kana and Hangul are written without spaces, so one "word" is a whole name.
_NO_SPACES = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_ABJAD = re.compile(r"[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\ufb1d-\ufdff\ufe70-\ufeff]")
_GREEK = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")
# Arabic and Hebrew names are written without short vowels, so their transliterations lack
# them too ("mhmd"): a marked consonant key matches "muhammad" and "mohamed" alike. The mark
# keeps "anna" (key "n") from finding every Latin name that starts with n.
CONSONANT_MARK = "xq"


def consonant_key(word: str) -> str:
    """Latin letters without vowels and doubled letters: "muhammad" → "mhmd"."""
    letters = re.sub(r"[^a-z0-9]", "", word.lower())
    skeleton = re.sub(r"[aeiou]", "", letters)
    return re.sub(r"(.)\1+", r"\1", skeleton)


def _translit(token: str) -> list[str]:
    from anyascii import anyascii

    latin = anyascii(token)
    # anyascii writes each Chinese or Korean syllable capitalised: "WangXiaoMing".
    syllables = [s.lower() for s in re.findall(r"[A-Z]?[a-z0-9`']+|[A-Z]+", latin)]
    out = [re.sub(r"[^a-z0-9]", "", latin.lower())]
    if len(syllables) > 1 and _NO_SPACES.search(token):
        out += syllables + ["".join(syllables[i:]) for i in range(1, len(syllables))]
    if _GREEK.search(token):
        out.append(out[0].replace("oy", "ou"))  # ου is "ou" in every common spelling
    return out


def search_forms(name: str) -> list[str]:
    """Extra index words for a folded name written in another script than Latin.

    "王小明" gains "小明" and "明" (a family name is found by any part, as people type it),
    Иван gains "ivan", Γιώργος "giorgos", محمد the consonant key "xqmhmd".
    """
    forms: list[str] = []
    for token in tokens(name):
        if token.isascii():
            continue
        if _NO_SPACES.search(token):
            forms += [token[i:] for i in range(1, len(token))]
        latin = _translit(token)
        if _ABJAD.search(token):
            keys = [consonant_key(w) for w in latin[:1]]
            # The article al- (ال) is typed either way: "alzahra", "zahra".
            if token.startswith("ال"):
                keys.append(consonant_key(_translit(token[2:])[0]))
            forms += [CONSONANT_MARK + k for k in keys if k]
        else:
            forms += [w for w in latin if w]
    return list(dict.fromkeys(f for f in forms if f))
