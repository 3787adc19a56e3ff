"""Normalised identifiers, so one client is one subject across every system.

Linking order (strongest first): KvK number, e-mail address, IBAN, normalised company name.

    >>> normalise_name("Bakkerij De Vries B.V.")
    'bakkerij de vries'
    >>> normalise_kvk("KvK 1234.5678")
    '12345678'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

LINK_ORDER = ("kvk", "email", "iban", "name")

# Legal-form suffixes and prefixes that differ between systems for the same company.
_LEGAL_FORMS = (
    "bv",
    "nv",
    "vof",
    "cv",
    "bvba",
    "gmbh",
    "ltd",
)
_LEGAL_SET = frozenset(_LEGAL_FORMS)
_EMAIL_RE = re.compile(r"^[^@\s<>()\[\],;:\"]+@[^@\s<>()\[\],;:\"]+\.[a-z]{2,}$")


# Compiled once: these run for every relation of every import (a million at a time).
_DOTS_RE = re.compile(r"(?<=\b\w)\.(?=\w\b)|(?<=\b\w)\.(?=\s|$)")
_PUNCT_RE = re.compile(r"[^\w\s]")
_SPACES_RE = re.compile(r"\s+")
_NON_DIGITS_RE = re.compile(r"\D")
_SEPARATORS_RE = re.compile(r"[;,\s]+")
_IBAN_CLEAN_RE = re.compile(r"[\s.-]")
_IBAN_SHAPE_RE = re.compile(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}")
# A letter as its IBAN number (A=10 ... Z=35), digits as themselves: one translate call.
_IBAN_DIGITS = str.maketrans({c: str(int(c, 36)) for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"})


def _strip_accents(text: str) -> str:
    if text.isascii():  # nothing to decompose (most names): skip the Unicode tables
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalise_name(name: str | None) -> str:
    """Lower case, no accents or punctuation, legal form (B.V., V.O.F., ...) removed."""
    if not name:
        return ""
    text = _strip_accents(name).lower().replace("&", " en ")
    # "B.V." -> "bv", "V.O.F." -> "vof": drop dots between letters before other punctuation.
    text = _DOTS_RE.sub("", text)
    text = _PUNCT_RE.sub(" ", text)
    text = _SPACES_RE.sub(" ", text).strip()
    return _strip_legal_forms(text)


def _strip_legal_forms(text: str) -> str:
    """`text` (single spaces, trimmed) without the legal forms in front and at its end:
    "bv jansen bv" -> "jansen"; a lone "bv" stays.

    Words, not a regular expression: a pattern anchored at the end ("(?:\\s+bv)+$") is tried
    afresh at every space, quadratic in a long name (a CSV cell may hold megabytes).
    """
    words = text.split(" ")
    while True:
        first = 0  # a form in front counts only when a word follows it
        while first < len(words) - 1 and words[first] in _LEGAL_SET:
            first += 1
        last = len(words)  # and one at the end only when a word (not removed) precedes it
        while last - 1 > first and words[last - 1] in _LEGAL_SET:
            last -= 1
        if first == 0 and last == len(words):
            return " ".join(words)
        words = words[first:last]


def normalise_kvk(value: str | int | None) -> str | None:
    """Eight digits of a Chamber of Commerce number, or None when it is not one."""
    if value is None:
        return None
    digits = _NON_DIGITS_RE.sub("", str(value))
    if len(digits) == 7:  # Excel drops the leading zero of old numbers
        digits = "0" + digits
    return digits if len(digits) == 8 and digits != "00000000" else None


def normalise_email(value: str | None) -> str | None:
    """Lower-case address without display name or mailto:, or None when it is not one."""
    if not value:
        return None
    text = str(value).strip()
    inside = _first_in_angles(text)
    if inside is not None:
        text = inside
    text = text.strip().lower().removeprefix("mailto:").strip(" .;,")
    return text if _EMAIL_RE.match(text) else None


def split_emails(value: str | None) -> tuple[str, ...]:
    """All addresses in a field that may hold several (``a@x.nl; b@x.nl``)."""
    if not value:
        return ()
    found: dict[str, None] = {}  # in order, once each (a list's `in` is quadratic)
    for part in _address_parts(str(value)):
        if email := normalise_email(part):
            found[email] = None
    return tuple(found)


def _first_in_angles(text: str) -> str | None:
    """What the first "<...>" holds, as re.search(r"<([^>]+)>") finds it, or None.

    Found with str.find: that pattern restarted at every "<" and read on to the end of the
    text each time, quadratic in a cell of thousands of "<".
    """
    start = text.find("<")
    while start >= 0:
        end = text.find(">", start + 1)
        if end < 0:  # no ">" after this "<", so none after any later one either
            return None
        if end > start + 1:
            return text[start + 1 : end]
        start = text.find("<", end)  # "<>": try the next "<"
    return None


def _address_parts(text: str) -> list[str]:
    r"""`text` split at runs of ";", "," and white space that are not inside "<...>", as
    re.split(r"[;,\s]+(?![^<]*>)", text) does: a run is inside when the first "<" or ">"
    after it is a ">".

    That pattern's look-ahead read on to the next "<" (often the end of the text) at every
    separator: quadratic, cubic for a long run of spaces. Here the next "<" and ">" are
    found once and reused until a run lies beyond them.
    """
    parts: list[str] = []
    start = 0
    next_lt = next_gt = -1
    for run in _SEPARATORS_RE.finditer(text):
        end = run.end()
        if next_lt < end:
            next_lt = _find_or_end(text, "<", end)
        if next_gt < end:
            next_gt = _find_or_end(text, ">", end)
        if next_gt < next_lt:  # inside "<...>": not a separator
            continue
        parts.append(text[start : run.start()])
        start = end
    parts.append(text[start:])
    return parts


def _find_or_end(text: str, char: str, start: int) -> int:
    found = text.find(char, start)
    return len(text) if found < 0 else found


def normalise_iban(value: str | None) -> str | None:
    """IBAN in upper case without spaces, or None when the check digits are wrong."""
    if not value:
        return None
    text = _IBAN_CLEAN_RE.sub("", str(value)).upper()
    if not _IBAN_SHAPE_RE.fullmatch(text):
        return None
    rearranged = text[4:] + text[:4]
    number = rearranged.translate(_IBAN_DIGITS)
    return text if int(number) % 97 == 1 else None


def mask_iban(iban: str) -> str:
    """Only the country and the last four characters: enough to recognise, useless to misuse."""
    return f"{iban[:2]}…{iban[-4:]}"


def salted_hash(value: str, salt: str) -> str:
    """A stable, salted fingerprint used to match values without storing them."""
    return hashlib.sha256(f"{salt}\x00{value}".encode()).hexdigest()
