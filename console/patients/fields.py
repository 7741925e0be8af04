"""Reading what a practitioner types into the patient form: names, birth dates, contacts.

Every parser returns a clean value or raises ``DomainError`` with the form field's name.
Birth dates are read day-first (the clinic's locale is en_GB): 11/12/1990 is 11 December 1990.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from console.errors import DomainError
from console.model.folding import fold
from console.texts import languages as language_texts

NAME_MAX = 200
MAX_AGE_YEARS = 120
DOB_HINT = "Day first: 24.11.1990, 24/11/1990 or 24111990; 11/12/1990 is 11 December."

# Punctuation that real names carry: O'Brien, O’Brien, Jean-Luc, St. John, Paul·la, (Bob).
_NAME_PUNCTUATION = set("'’‘`-‐‑.,·()")
_SPACES = re.compile(r"\s+")

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}

_FITZPATRICK = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6}
ROMAN = ("I", "II", "III", "IV", "V", "VI")


def collapse(text: str) -> str:
    """NFC, trimmed, every run of whitespace one plain space."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def name_key(name: str) -> str:
    """What two spellings of the same name share: "Zoë Brontë" and "zoe  bronte" agree."""
    return " ".join(re.findall(r"\w+", fold(name)))


def clean_name(raw: str) -> str:
    if any(unicodedata.category(c) == "Cc" and not c.isspace() for c in raw):
        raise DomainError("The name contains an invisible control character.", "full_name")
    name = collapse(raw)
    if not name:
        raise DomainError("Type the patient's name.", "full_name")
    if len(name) > NAME_MAX:
        raise DomainError(
            f"The name is {len(name)} characters long; at most {NAME_MAX} fit.", "full_name"
        )
    for c in name:
        cat = unicodedata.category(c)
        if cat == "Nd" or c.isdigit():
            raise DomainError("A name cannot contain digits.", "full_name")
        if cat[0] in "LM" or c == " " or c in _NAME_PUNCTUATION or cat == "Cf":
            continue
        raise DomainError(f"A name cannot contain “{c}”.", "full_name")
    if not any(unicodedata.category(c)[0] == "L" for c in name):
        raise DomainError("A name needs at least one letter.", "full_name")
    return name


def _ascii_digits(text: str) -> str:
    # Full-width and other scripts' digits (１９９０, ١٩٩٠) count as digits too.
    out = []
    for c in unicodedata.normalize("NFKC", text):
        d = unicodedata.decimal(c, None)
        out.append(str(d) if d is not None else c)
    return "".join(out)


_ISO = re.compile(r"(\d{4})[-./ ](\d{1,2})[-./ ](\d{1,2})")
_DAY_FIRST = re.compile(r"(\d{1,2})[-./ ](\d{1,2})[-./ ](\d+)")
_DAY_MONTH_NAME = re.compile(r"(\d{1,2})[-./ ]?([a-z]+)\.?[-./ ]?(\d+)")
_COMPACT = re.compile(r"\d{8}")


def _split(text: str) -> tuple[int, int, int, str]:
    """(year, month, day, form) from a typed date, without checking the calendar."""
    t = re.sub(r"\s*([-./])\s*", r"\1", _ascii_digits(text).strip().casefold())
    t = _SPACES.sub(" ", t)
    if m := _ISO.fullmatch(t):
        return int(m[1]), int(m[2]), int(m[3]), "iso"
    if m := _DAY_FIRST.fullmatch(t):
        if len(m[3]) != 4:
            raise DomainError("Type the year with four digits, e.g. 24.11.1990.", "date_of_birth")
        return int(m[3]), int(m[2]), int(m[1]), "day-first"
    if m := _DAY_MONTH_NAME.fullmatch(t):
        month = _MONTHS.get(m[2])
        if month is None:
            raise DomainError(f"“{m[2]}” is not a month.", "date_of_birth")
        if len(m[3]) != 4:
            raise DomainError("Type the year with four digits, e.g. 24 Nov 1990.", "date_of_birth")
        return int(m[3]), month, int(m[1]), "day-first"
    if _COMPACT.fullmatch(t):
        day_first = (int(t[4:]), int(t[2:4]), int(t[:2]), "compact")
        if _real(*day_first[:3]) is None and _real(int(t[:4]), int(t[4:6]), int(t[6:])):
            return int(t[:4]), int(t[4:6]), int(t[6:]), "compact"
        return day_first
    if re.fullmatch(r"\d{6}", t):
        raise DomainError("Type the year with four digits: 24111990.", "date_of_birth")
    raise DomainError(f"Not a date. {DOB_HINT}", "date_of_birth")


def _real(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except (ValueError, OverflowError):
        return None


def parse_date(text: str) -> date:
    """A calendar date typed by hand, day first; any other input is a DomainError."""
    if not text.strip():
        raise DomainError("Type the date of birth.", "date_of_birth")
    year, month, day, _form = _split(text)
    found = _real(year, month, day)
    if found is None:
        if not 1 <= month <= 12:
            raise DomainError(f"There is no month {month}. {DOB_HINT}", "date_of_birth")
        raise DomainError(f"Month {month} of {year} has no day {day}.", "date_of_birth")
    return found


def parse_date_of_birth(text: str | date, today: date) -> date:
    dob = text if isinstance(text, date) else parse_date(text)
    if dob > today:
        raise DomainError("The date of birth is in the future.", "date_of_birth")
    if dob == today:
        raise DomainError("The date of birth is today: check the year.", "date_of_birth")
    age = today.year - dob.year - ((today.month, today.day) < (dob.month, dob.day))
    if age > MAX_AGE_YEARS:
        raise DomainError(
            f"That makes the patient {age} years old: check the year.", "date_of_birth"
        )
    return dob


def clean_phone(raw: str) -> str:
    phone = collapse(_ascii_digits(raw))
    if not phone:
        return ""
    bad = sorted({c for c in phone if not (c.isdigit() or c in " +-()")})
    if bad:
        raise DomainError(
            f"A phone number has only digits, spaces, + - ( ): remove “{''.join(bad)}”.", "phone"
        )
    if "+" in phone[1:]:
        raise DomainError("A + goes only at the start of a phone number.", "phone")
    digits = sum(c.isdigit() for c in phone)
    if digits < 6:
        raise DomainError("A phone number needs at least 6 digits.", "phone")
    if digits > 20:
        raise DomainError("That is too many digits for a phone number.", "phone")
    return phone


_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]{2,}")


def clean_email(raw: str) -> str:
    email = collapse(raw)
    if not email:
        return ""
    if len(email) > 254 or not _EMAIL.fullmatch(email) or ".." in email:
        raise DomainError("That does not look like an email address (name@example.org).", "email")
    return email


def parse_fitzpatrick(raw: str | int | None) -> int | None:
    """Type I–VI as roman numerals or 1–6; empty means not recorded."""
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise DomainError("Choose a skin type from I to VI.", "fitzpatrick")
    if isinstance(raw, int):
        value: int | None = raw if 1 <= raw <= 6 else None
    else:
        text = _ascii_digits(raw).strip().casefold()
        text = re.sub(r"^(fitzpatrick|type|skin type)\s*", "", text)
        if not text:
            return None
        value = _FITZPATRICK.get(text)
        if value is None and text in {"1", "2", "3", "4", "5", "6"}:
            value = int(text)
    if value is None:
        raise DomainError("Choose a skin type from I to VI.", "fitzpatrick")
    return value


def clean_text(raw: str, field: str, limit: int) -> str:
    """Allergies and notes: free text, several lines allowed, no other control characters."""
    text = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n")).strip()
    if any(unicodedata.category(c) == "Cc" and c not in "\n\t" for c in text):
        raise DomainError("The text contains an invisible control character.", field)
    if len(text) > limit:
        raise DomainError(f"At most {limit} characters fit here.", field)
    return text


def clean_language(raw: str | None) -> str | None:
    """A shipped language code ("es", "zh" …), or None for "the clinic's language"."""
    if raw is None or not raw.strip():
        return None
    try:
        return language_texts.normalise_code(raw)
    except DomainError as exc:
        raise DomainError(exc.message, "preferred_language") from exc
