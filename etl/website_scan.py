"""A cookie scanner's list of the site's cookies, in the Open Cookie Database shape.

How the owner gets the file: run a cookie scanner on the site (Cookiebot's or CookieYes'
free scan, a WordPress cookie plugin's scan, or the EDPB Website Auditing Tool) and export
its cookie list as CSV; or fill in a copy of the Open Cookie Database
(github.com/jkwakman/Open-Cookie-Database) with the cookies the site sets. Columns read:
`Cookie / Data Key name`, `Domain`, `Retention period` (words such as "2 years", "1 day",
"session", also Dutch: "2 jaar", "1 dag", "sessie") and, when present, `Category`,
`Platform` and `Wildcard match`.

    >>> retention_seconds("2 years after last activity")
    63072000
    >>> retention_seconds("sessie") is None
    True
"""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

from etl.headers import map_headers
from etl.model import ImportRefused, ParsedExport, Said, WebObservation
from etl.reading import is_blank, open_table
from etl.tabular import Table
from etl.values import cell_text
from etl.website_hosts import cookie_category, host_of

ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("Cookie / Data Key name", "Cookie name", "Cookienaam", "Naam cookie", "Cookie",
             "Name", "Naam", "Key"),
    "domain": ("Domain", "Domein", "Host", "Cookie domain"),
    "retention": ("Retention period", "Retention", "Expiration", "Expiry", "Expires",
                  "Duration", "Bewaartermijn", "Looptijd", "Geldigheid", "Vervalt",
                  "Verloopt na", "Bewaarduur"),
    "category": ("Category", "Categorie", "Type", "Purpose", "Doel", "Soort"),
    "platform": ("Platform", "Provider", "Aanbieder", "Service", "Data Controller", "Dienst"),
    "wildcard": ("Wildcard match", "Wildcard"),
}  # fmt: skip
REQUIRED = (("name",), ("domain",), ("retention",))
WHAT = Said("what.cookie_scan")
HOW = Said("how.cookie_scan")

_SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800,
            "month": 2_592_000, "year": 31_536_000}  # fmt: skip
# Unit words (English and Dutch, singular and plural, abbreviations) -> unit.
_UNITS = {
    "s": "second", "sec": "second", "secs": "second", "second": "second", "seconds": "second",
    "seconde": "second", "seconden": "second",
    "m": "minute", "min": "minute", "mins": "minute", "minute": "minute", "minutes": "minute",
    "minuut": "minute", "minuten": "minute",
    "h": "hour", "hr": "hour", "hrs": "hour", "hour": "hour", "hours": "hour", "uur": "hour",
    "uren": "hour",
    "d": "day", "day": "day", "days": "day", "dag": "day", "dagen": "day",
    "w": "week", "wk": "week", "week": "week", "weeks": "week", "weken": "week",
    "mo": "month", "mnd": "month", "month": "month", "months": "month", "maand": "month",
    "maanden": "month",
    "y": "year", "yr": "year", "yrs": "year", "year": "year", "years": "year", "jaar": "year",
    "jaren": "year", "j": "year",
}  # fmt: skip
_WORD_NUMBERS = {"a": 1, "an": 1, "one": 1, "een": 1, "één": 1, "two": 2, "twee": 2,
                 "three": 3, "drie": 3, "half": 0.5}  # fmt: skip
# Amounts, words and single other characters, found left to right in one pass: a pattern
# like (number|word)\s*(word)\b backtracks cubically on a long run of letters before a
# digit (a 20 kB cell took minutes), pairs of tokens cannot.
_TOKEN = re.compile(r"\d+(?:[.,]\d+)?|[a-zé]+|[^\sa-zé\d]")
_SESSION = re.compile(
    r"\bsession\b|\bsessie\b|browser ?sessie|sessiecookie|end of (the )?session"
    r"|einde (van de )?sessie|bij het sluiten|when the browser (is )?closed"
)
_RANGE = re.compile(r"\b(till|until|to|tot|up to|tot maximaal)\b|\s[-–]\s")


class UnknownRetention(ValueError):
    """A retention text that names no period."""


def retention_seconds(text: str) -> int | None:
    """Seconds a cookie lives by a scanner's words; None for a session cookie.

    A range ("30 seconds till 1 year") counts its upper end; of alternatives ("180 days
    after last activity or 10 years when opting out") the first that names a period
    counts. Raises `UnknownRetention` when no period is named.
    """
    low = " ".join(text.strip().lower().split())
    if _SESSION.search(low):
        return None
    if _RANGE.search(low):
        periods = _periods(low)
        if periods:
            return max(periods)
    for alternative in re.split(r"\s(?:or|of|/)\s", low):
        periods = _periods(alternative)
        if periods:
            return periods[0]
    raise UnknownRetention(text)


def _periods(text: str) -> list[int]:
    """Every "<amount> <unit>" in the text, in seconds ("2 years", "1,5 dag", "one day")."""
    tokens = _TOKEN.findall(re.sub(r"\bhalf an? ", "half ", text))
    found = []
    for amount, unit in pairwise(tokens):
        unit_id = _UNITS.get(unit)
        if amount[0].isdecimal():  # not isdigit: "¹" is a digit float() cannot read
            number: float | None = float(amount.replace(",", "."))
        else:
            number = _WORD_NUMBERS.get(amount)
        if unit_id is not None and number is not None:
            found.append(round(number * _SECONDS[unit_id]))
    return found


_CATEGORIES = (
    ("analytics", ("analytic", "statisti", "performance", "prestatie", "analytisch")),
    ("marketing", ("marketing", "advert", "tracking", "social", "targeting", "reclame")),
    ("functional", ("functional", "functioneel", "necessary", "noodzakelijk", "essential",
                    "technical", "technisch")),
    ("preferences", ("preference", "voorkeur", "personali")),
    ("security", ("security", "beveiliging")),
)  # fmt: skip


def category_of(text: str) -> str:
    low = text.lower()
    for category, stems in _CATEGORIES:
        if any(stem in low for stem in stems):
            return category
    return "unclassified" if low else ""


def _domain_and_party(text: str) -> tuple[str, str]:
    """A scanner's Domain cell: a real domain, or the Open Cookie Database's description."""
    low = text.lower()
    party = "third" if "3rd party" in low and "1st party" not in low else ""
    party = "first" if "1st party" in low and "3rd party" not in low else party
    found = _first_domain(low)
    if "advertiser" in low or "website domain" in low or not found:
        return "", party or "first"
    return host_of(found), party


def _first_domain(text: str) -> str:
    """The first run of two or more dot-separated labels, as the regex
    `[a-z0-9-]+(?:[.][a-z0-9-]+)+` would find it, but in one pass: that search backtracks
    quadratically over a long cell without a dot."""
    for word in re.findall(r"[a-z0-9.-]+", text):
        labels = word.split(".")
        for i in range(len(labels) - 1):
            if labels[i] and labels[i + 1]:
                end = i + 1
                while end < len(labels) and labels[end]:
                    end += 1
                return ".".join(labels[i:end])
    return ""


def looks_like_scan(table: Table) -> bool:
    """A table whose header names cookies and their retention (not a bookkeeping list)."""
    mapping = map_headers(table.headers, ALIASES)
    named_cookie = any("cookie" in h.lower() for h in table.headers)
    return mapping.has("name") and (mapping.has("retention") or named_cookie)


def parse_scan(source: Path | Table) -> ParsedExport:
    table, mapping = open_table(source, ALIASES, REQUIRED, WHAT, HOW)
    path = table.path
    cookies: dict[tuple[str, str], WebObservation] = {}
    warnings: list[Said] = []
    rows = 0
    for number, cells in table.rows():
        if is_blank(cells):
            continue
        rows += 1
        name = mapping.text(cells, "name")
        if not name:
            warnings.append(Said("warning.cookie_no_name", where=Said("where.row", n=number)))
            continue
        if cell_text(mapping.first(cells, "wildcard")) == "1" and not name.endswith("*"):
            name += "*"
        domain, party = _domain_and_party(mapping.text(cells, "domain"))
        retention = mapping.text(cells, "retention")
        try:
            seconds, known = retention_seconds(retention), True
        except UnknownRetention:
            seconds, known = None, False
            shown = retention if len(retention) <= 60 else retention[:57] + "..."
            warnings.append(
                Said(
                    "warning.cookie_retention_unknown", where=Said("where.row", n=number),
                    retention=repr(shown), name=name,
                )
            )  # fmt: skip
        cookies[(name, domain)] = WebObservation(
            "cookie", name, domain=domain, lifetime_seconds=seconds,
            session=known and seconds is None, party=party,
            category=category_of(mapping.text(cells, "category")) or cookie_category(name),
            detail=f"{retention} ({mapping.text(cells, 'platform')})".replace(" ()", ""),
        )  # fmt: skip
    if not cookies:
        raise ImportRefused("refusal.cookie_scan_empty", file=path.name, how=HOW)
    return ParsedExport(
        "website",
        "cookie_scan",
        rows_read=rows,
        skipped=rows - len(cookies),
        warnings=tuple(warnings[:50]),
        columns_mapped=dict(mapping.mapped),
        columns_unmapped=mapping.unmapped,
        observations=tuple(cookies.values()),
        complete=True,
    )
