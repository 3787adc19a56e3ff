"""Website evidence: which cookies and trackers ictroermond.nl really uses, and how Google
Analytics is set up. Four kinds of file, each read by its own module:

- a HAR file (`.har`): developer tools, Network tab, Export HAR, during a visit
  (`etl.website_har`);
- the page's HTML or the tag snippet (`.html`, `.txt`, `.js`): Ctrl+U on the home page and
  save, or the gtag snippet (`etl.website_page`);
- a cookie scanner's list (`.csv`, `.xlsx`) in the Open Cookie Database's columns
  (`etl.website_scan`);
- Google Analytics 4 settings (`.json`): the Admin API's answers (`etl.website_ga`).

None of these is about a person: they become `WebObservation`s (cookie, tracker, tag,
setting, field) with the date of the evidence, never subjects or records. Cookie values
and User-IDs are never kept, only names, domains and lifetimes.

    >>> found = detect(Path("bezoek.har"))
    >>> found[0], found[1]
    ('website.har', 'har')
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from etl.jsondoc import load_json
from etl.model import ImportRefused, ParsedExport, Said, WebObservation
from etl.tabular import SAMPLE_BYTES, decode_head, read_table, sniff_encoding
from etl.website_ga import looks_like_ga_settings, parse_ga_settings
from etl.website_har import parse_har
from etl.website_hosts import site_of
from etl.website_page import looks_like_page, page_observations
from etl.website_scan import ALIASES as SCAN_ALIASES
from etl.website_scan import looks_like_scan, parse_scan

__all__ = ["detect", "parse_page", "unrecognised"]

PAGE_HOW = Said("how.page_source")
_GA_MARKERS = (
    "dataRetentionSettings",
    "dataSharingSettings",
    "googleSignalsSettings",
    "eventDataRetention",
    "sharingWith",
    "GOOGLE_SIGNALS_",
    "googleapis",
)
# The page's own address: <link rel="canonical" href=...> or <meta property="og:url"
# content=...>. One pattern for this ("<link[^>]+rel=...[^>]*href=...") was tried afresh at
# every "<link" and every rel= up to the tag's ">", quadratic in a page of thousands of them;
# canonical_url reads each tag once and finds what that pattern found.
_CANONICAL_TAG = re.compile(r"<(?:(link)|meta)", re.IGNORECASE)
_CANONICAL_REL = re.compile(r"rel=[\"']canonical[\"']", re.IGNORECASE)
_CANONICAL_HREF = re.compile(r"href=[\"']", re.IGNORECASE)
_OG_PROPERTY = re.compile(r"property=[\"']og:url[\"']", re.IGNORECASE)
_OG_CONTENT = re.compile(r"content=[\"']", re.IGNORECASE)
_QUOTED = re.compile(r"[^\"']+")
Found = tuple[str, str, Callable[..., ParsedExport]]


def _read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportRefused("refusal.unreadable", file=path.name, problem=exc.strerror) from None
    encoding = sniff_encoding(raw[:SAMPLE_BYTES])
    if encoding == "binary":
        raise ImportRefused("refusal.page_not_text", file=path.name, how=PAGE_HOW)
    return raw.decode(encoding, errors="replace").lstrip("\ufeff")


def canonical_url(text: str) -> str:
    """The address of the first <link rel="canonical" href=...> or <meta property="og:url"
    content=...> in `text`, else "".

    As the pattern r"<link[^>]+rel=["']canonical["'][^>]*href=["']([^"']+)" (and its <meta>
    twin) reads it, tag by tag: within the tag (up to its first ">") a rel= at least one
    character after "<link", then the last href= after it whose value is not empty. Every
    "<link" before the same ">" sees the same rel= and href= or fewer, so only the first
    of each kind is read.
    """
    close = -1  # the ">" ending the tag being read (the end of the text when none)
    tried: set[bool] = set()  # the kinds (link or not) already read before `close`
    for tag in _CANONICAL_TAG.finditer(text):
        start, is_link = tag.start(), tag.group(1) is not None
        if close < start:
            found = text.find(">", start)
            close = len(text) if found < 0 else found
            tried = set()
        if is_link in tried:
            continue
        tried.add(is_link)
        attribute, value = (
            (_CANONICAL_REL, _CANONICAL_HREF) if is_link else (_OG_PROPERTY, _OG_CONTENT)
        )
        # tag.end() + 1: the pattern's [^>]+ wants one character before the attribute.
        named = attribute.search(text, tag.end() + 1, close)
        if named is None:
            continue
        last = None
        for candidate in value.finditer(text, named.end(), close):
            if candidate.end() < len(text) and text[candidate.end()] not in "\"'":
                last = candidate
        if last is not None and (address := _QUOTED.match(text, last.end())):
            return address.group(0)
    return ""


def parse_page(path: Path, **_: Any) -> ParsedExport:
    """The site's HTML or a tag snippet (etl.website_page)."""
    text = _read_text(path)
    observations, warnings = page_observations(text)
    is_html = bool(re.search(r"<(html|!doctype html|head|body)\b", text[:65536], re.I))
    if not observations and not is_html:
        raise ImportRefused("refusal.page_no_tag", file=path.name, how=PAGE_HOW)
    if not observations:
        warnings.append(Said("warning.page_no_tag"))
    url = canonical_url(text)
    host = re.sub(r"^[a-z]+://", "", url).split("/")[0]
    page = WebObservation(
        "page",
        url or path.name,
        value=site_of(host) if host else "",
        detail="page source" if is_html else "tag snippet",
    )
    return ParsedExport(
        "website",
        "page",
        rows_read=len(observations) + 1,
        warnings=tuple(warnings),
        observations=(page, *observations),
    )


def _scan_found(path: Path) -> Found | None:
    try:
        table = read_table(path, SCAN_ALIASES)
    except ImportRefused:
        return None  # the bookkeeping detection refuses it with its own sentence
    if not looks_like_scan(table):
        return None
    return "website.cookie_scan", table.format, lambda **_: parse_scan(table)


def detect(path: Path) -> Found | None:
    """(kind id, format, parser) when `path` is website evidence, else None.

    A file named .har is always read as a HAR, and .html or .js as a page, so a damaged
    one is refused with a sentence about what it was meant to be.
    """
    suffix = path.suffix.lower()
    if suffix == ".har":
        return "website.har", "har", lambda **kw: parse_har(path, **kw)
    if suffix in (".html", ".htm", ".js"):
        fmt = "txt" if suffix == ".js" else "html"
        return "website.page", fmt, lambda **_: parse_page(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(SAMPLE_BYTES)
    except OSError:
        return None
    if head.startswith(b"PK"):
        return _scan_found(path) if suffix in (".xlsx", "") else None
    encoding = sniff_encoding(head)
    if encoding == "binary":
        return None
    text = decode_head(head, encoding).lstrip("\ufeff \t\r\n")
    if text.startswith("{") and re.match(r'\{\s*"log"\s*:', text):
        return "website.har", "har", lambda **kw: parse_har(path, **kw)
    if text.startswith(("{", "[")):
        if not any(marker in text for marker in _GA_MARKERS):
            return None
        doc = load_json(path)
        if looks_like_ga_settings(doc):
            return "website.ga_settings", "json", lambda **_: parse_ga_settings(path, doc)
        return None
    page: Found = ("website.page", "html", lambda **_: parse_page(path))
    if suffix == ".json":  # an API answer that is not JSON: refused as one, not a page
        return None
    if text.startswith("<"):
        return page if looks_like_page(text) else None
    # A scanner's list may name google-analytics.com: try it as a table before as a snippet.
    found = _scan_found(path)
    if found is None and looks_like_page(text):
        html = bool(re.search(r"<(script|html|!doctype|head|body)\b", text, re.IGNORECASE))
        return page if html else ("website.page", "txt", page[2])
    return found


def unrecognised(path: Path) -> ImportRefused:
    return ImportRefused("refusal.not_website_evidence", file=path.name)
