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
_LEGAL_RE = re.compile(
    r"^(?:(?:" + "|".join(_LEGAL_FORMS) + r")\s+)+|(?:\s+(?:" + "|".join(_LEGAL_FORMS) + r"))+$"
)
_EMAIL_RE = re.compile(r"^[^@\s<>()\[\],;:\"]+@[^@\s<>()\[\],;:\"]+\.[a-z]{2,}$")


# Compiled once: these run for every relation of every import (a million at a time).
_DOTS_RE = re.compile(r"(?<=\b\w)\.(?=\w\b)|(?<=\b\w)\.(?=\s|$)")
_PUNCT_RE = re.compile(r"[^\w\s]")
_SPACES_RE = re.compile(r"\s+")
_NON_DIGITS_RE = re.compile(r"\D")
_ANGLE_RE = re.compile(r"<([^>]+)>")
_EMAIL_SPLIT_RE = re.compile(r"[;,\s]+(?![^<]*>)")
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
    previous = None
    while previous != text:
        previous = text
        text = _LEGAL_RE.sub("", text).strip()
    return text


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
    match = _ANGLE_RE.search(text)
    if match:
        text = match.group(1)
    text = text.strip().lower().removeprefix("mailto:").strip(" .;,")
    return text if _EMAIL_RE.match(text) else None


def split_emails(value: str | None) -> tuple[str, ...]:
    """All addresses in a field that may hold several (``a@x.nl; b@x.nl``)."""
    if not value:
        return ()
    found = []
    for part in _EMAIL_SPLIT_RE.split(str(value)):
        email = normalise_email(part)
        if email and email not in found:
            found.append(email)
    return tuple(found)


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
