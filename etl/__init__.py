"""The bookkeeping importers and the registry that picks one for a file by its content.

How the owner gets the files: see the docstring of each module (`etl.eboekhouden`,
`etl.snelstart`, `etl.xaf`) and README section "Exports". `KINDS` lists every importer
for the README, the upload page and the completeness tests.

    >>> export = parse_file("data/samples/eboekhouden-relaties.csv")
    >>> export.source, export.kind, len(export.subjects)
    ('eboekhouden', 'relations', 12)

Detection reads the content: the JSON keys, the XML root and namespace, or the CSV/XLSX
header matched against every importer's column aliases. The file name only breaks a tie.
Every failure is an `ImportRefused` whose text is one sentence for the owner, in either
language (`exc.text(lang)`; `str(exc)` is the English).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from compliance.faults import log_fault
from etl import access_registry, eboekhouden, mailbox, snelstart, website, xaf
from etl.jsondoc import keys_of, load_json, records_in
from etl.model import ImportRefused, ParsedExport, Said
from etl.rows import columns_listed
from etl.tabular import SAMPLE_BYTES, decode_head, map_headers, read_table, sniff_encoding

__all__ = ["KINDS", "Detected", "ImportRefused", "Kind", "ParsedExport", "detect", "parse_file"]

BOOKKEEPING_SOURCES = ("eboekhouden", "snelstart")
UNKNOWN_HINT = Said("how.see_readme_exports")


@dataclass(frozen=True)
class Kind:
    """One kind of export an importer reads (for the README, the UI and the tests)."""

    id: str  # "<source>.<kind>", unique
    source: str
    kind: str  # ParsedExport.kind it produces
    formats: tuple[str, ...]
    description_nl: str
    description_en: str


KINDS: tuple[Kind, ...] = (
    Kind("eboekhouden.relations", "eboekhouden", "relations", ("csv", "xlsx", "json"),
         "e-boekhouden.nl relaties (Relaties → Exporteren, of REST /v1/relation).",
         "e-boekhouden.nl relations (Relaties → Exporteren, or REST /v1/relation)."),
    Kind("eboekhouden.invoices", "eboekhouden", "invoices", ("csv", "xlsx", "json"),
         "e-boekhouden.nl facturen (Facturen → Overzicht → Exporteren, of REST /v1/invoice).",
         "e-boekhouden.nl invoices (Facturen → Overzicht → Exporteren, or REST /v1/invoice)."),
    Kind("eboekhouden.mutations", "eboekhouden", "invoices", ("csv", "xlsx"),
         "e-boekhouden.nl mutaties; regels 'FactuurVerstuurd' tellen als factuur.",
         "e-boekhouden.nl mutations; 'FactuurVerstuurd' rows count as invoices."),
    Kind("eboekhouden.auditfile", "eboekhouden", "auditfile", ("xaf",),
         "Auditfile (XAF 3.2) uit e-boekhouden.nl: klanten en verkoopfacturen.",
         "Audit file (XAF 3.2) from e-boekhouden.nl: customers and sales invoices."),
    Kind("snelstart.relations", "snelstart", "relations", ("csv", "xlsx", "json"),
         "SnelStart relaties (Relaties → Exporteren, of B2B API /v2/relaties).",
         "SnelStart relations (Relaties → Exporteren, or B2B API /v2/relaties)."),
    Kind("snelstart.invoices", "snelstart", "invoices", ("csv", "xlsx", "json"),
         "SnelStart verkoopfacturen (Verkoopfacturen → Exporteren, of /v2/verkoopfacturen).",
         "SnelStart sales invoices (Verkoopfacturen → Exporteren, or /v2/verkoopfacturen)."),
    Kind("snelstart.auditfile", "snelstart", "auditfile", ("xaf",),
         "Auditfile (XAF 3.2) uit SnelStart: klanten en verkoopfacturen.",
         "Audit file (XAF 3.2) from SnelStart: customers and sales invoices."),
    Kind("mailbox.messages", "mailbox", "mailbox", ("eml", "zip", "mbox", "msg", "csv"),
         "Mailbox: berichten als .eml (of een zip daarvan), mbox, Outlook .msg of .pst, of de "
         "message trace (CSV) van Exchange; de tekst wordt alleen gelezen om te classificeren.",
         "Mailbox: messages as .eml (or a zip of them), mbox, Outlook .msg or .pst, or the "
         "Exchange message trace (CSV); the text is only read to classify."),
    Kind("website.har", "website", "har", ("har",),
         "Website: HAR-bestand van een bezoek (F12 → Netwerk → Export HAR): cookies, "
         "looptijden en trackers.",
         "Website: HAR file of a visit (F12 → Network → Export HAR): cookies, lifetimes "
         "and trackers."),
    Kind("website.page", "website", "page", ("html", "txt"),
         "Website: broncode van de pagina (Ctrl+U) of het Google-tagfragment: tags en "
         "instellingen zoals cookie_expires.",
         "Website: the page source (Ctrl+U) or the Google tag snippet: tags and settings "
         "such as cookie_expires."),
    Kind("website.cookie_scan", "website", "cookie_scan", ("csv", "xlsx"),
         "Website: cookielijst van een cookiescanner (kolommen als de Open Cookie Database).",
         "Website: a cookie scanner's list (columns as in the Open Cookie Database)."),
    Kind("website.ga_settings", "website", "ga_settings", ("json",),
         "Google Analytics: antwoorden van de Admin API (bewaartermijn, gegevens delen, "
         "Google-signalen).",
         "Google Analytics: Admin API answers (retention, data sharing, Google signals)."),
    *(Kind(*spec) for spec in access_registry.KIND_SPECS),
)  # fmt: skip


@dataclass(frozen=True)
class Detected:
    """What a file is, and the parser bound to it: ``detected.parser(as_of=...)``."""

    source: str
    kind: str
    parser: Callable[..., ParsedExport]
    kind_id: str = ""
    format: str = ""


@dataclass(frozen=True)
class _TabularSpec:
    kind_id: str
    aliases: Mapping[str, Sequence[str]]
    required: Sequence[Sequence[str]]
    parse: Callable[..., ParsedExport]


_TABULAR = (
    _TabularSpec("eboekhouden.relations", eboekhouden.RELATION_ALIASES,
                 eboekhouden.RELATION_REQUIRED, eboekhouden.relations_from_table),
    _TabularSpec("eboekhouden.invoices", eboekhouden.INVOICE_ALIASES,
                 eboekhouden.INVOICE_REQUIRED, eboekhouden.invoices_from_table),
    _TabularSpec("eboekhouden.mutations", eboekhouden.MUTATION_ALIASES,
                 eboekhouden.MUTATION_REQUIRED, eboekhouden.mutations_from_table),
    _TabularSpec("snelstart.relations", snelstart.RELATION_ALIASES,
                 snelstart.RELATION_REQUIRED, snelstart.relations_from_table),
    _TabularSpec("snelstart.invoices", snelstart.INVOICE_ALIASES,
                 snelstart.INVOICE_REQUIRED, snelstart.invoices_from_table),
    *(_TabularSpec(*spec) for spec in access_registry.TABULAR_SPECS),
)  # fmt: skip

# JSON: the keys (lower-cased) an API answer must have, per kind; the first match wins.
_JSON = (
    ("eboekhouden.invoices", eboekhouden.REST_INVOICE_NEEDED, eboekhouden.invoices_from_json),
    ("snelstart.invoices", snelstart.API_INVOICE_NEEDED, snelstart.invoices_from_json),
    ("snelstart.relations", snelstart.API_RELATION_NEEDED, snelstart.relations_from_json),
    ("eboekhouden.relations", eboekhouden.REST_RELATION_NEEDED, eboekhouden.relations_from_json),
)


def _kind(kind_id: str) -> Kind:
    return next(k for k in KINDS if k.id == kind_id)


def _name_hint(path: Path) -> str | None:
    name = path.name.lower()
    if "snel" in name:
        return "snelstart"
    if "boekhoud" in name or "eboek" in name:
        return "eboekhouden"
    return None


def _detected(kind_id: str, fmt: str, parser: Callable[..., ParsedExport]) -> Detected:
    kind = _kind(kind_id)
    return Detected(kind.source, kind.kind, parser, kind_id, fmt)


def _detect_json(path: Path, source: str | None) -> Detected:
    records = records_in(load_json(path))
    if records is None:
        raise ImportRefused("refusal.json_no_list", file=path.name, how=UNKNOWN_HINT)
    if not records:
        raise ImportRefused("refusal.json_empty_list", file=path.name)
    keys = keys_of(records)
    for kind_id, needed, parse in _JSON:
        if needed <= keys and (source is None or _kind(kind_id).source == source):
            return _detected(kind_id, "json", partial(parse, path, records))
    found = ", ".join(sorted(keys)[:15])
    raise ImportRefused(
        "refusal.json_not_recognised", file=path.name, found=found, how=UNKNOWN_HINT
    )


def _detect_xml(path: Path, text: str, source: str | None) -> Detected:
    if re.match(r"<(?:!doctype\s+html|html|head|body)\b", text, re.IGNORECASE):
        raise ImportRefused("refusal.html_page", file=path.name, how=UNKNOWN_HINT)
    is_xaf = re.search(r"<(\w+:)?auditfile\b", text) and "auditfiles.nl/XAF/3" in text
    if not (is_xaf or "<!DOCTYPE" in text or "<!ENTITY" in text):
        raise ImportRefused("refusal.xml_not_xaf", file=path.name, how=UNKNOWN_HINT)
    software = re.search(r"<(?:\w+:)?softwareDesc>([^<]*)<", text)
    found = source or xaf.source_from_software(software.group(1).strip() if software else "")
    if found is None and software and is_xaf:
        raise xaf.unknown_maker(path, software.group(1).strip())
    # A header beyond the sample, or a DOCTYPE: the parser decides (and refuses) itself.
    kind_id = f"{found or 'snelstart'}.auditfile"
    return _detected(kind_id, "xaf", partial(xaf.parse, path, source))


def _detect_table(path: Path, source: str | None) -> Detected:
    union: dict[str, list[str]] = {}
    for spec in _TABULAR:
        for name, spellings in spec.aliases.items():
            union.setdefault(f"{spec.kind_id}.{name}", []).extend(spellings)
    table = read_table(path, union)
    scored: list[tuple[int, _TabularSpec]] = []
    for spec in _TABULAR:
        if source is not None and _kind(spec.kind_id).source != source:
            continue
        mapping = map_headers(table.headers, spec.aliases)
        if all(any(mapping.has(f) for f in group) for group in spec.required):
            scored.append((len(mapping.mapped), spec))
    if not scored:
        raise ImportRefused(
            "refusal.not_recognised", file=path.name, found=columns_listed(table.headers),
            how=UNKNOWN_HINT,
        )  # fmt: skip
    scored.sort(key=lambda item: -item[0])
    best = [spec for score, spec in scored if score == scored[0][0]]
    if len({_kind(spec.kind_id).source for spec in best}) > 1:
        hint = _name_hint(path)
        best = [spec for spec in best if _kind(spec.kind_id).source == hint]
        if not best:
            raise ImportRefused("refusal.ambiguous_source", file=path.name)
    spec = best[0]
    return _detected(spec.kind_id, table.format, partial(spec.parse, table))


def detect(path: str | Path, source: str | None = None) -> Detected:
    """Which importer reads this file, from its content (the name only breaks ties)."""
    path = Path(path)
    if source is not None and source not in (
        *BOOKKEEPING_SOURCES,
        mailbox.SOURCE,
        "website",
        *access_registry.ACCESS_SOURCES,
    ):
        raise ImportRefused("refusal.wrong_source", file=path.name, source=repr(source))
    if not path.is_file():
        raise ImportRefused("refusal.no_such_file", file=path.name)
    try:
        with path.open("rb") as handle:
            head = handle.read(SAMPLE_BYTES)
    except OSError as exc:
        raise ImportRefused("refusal.unreadable", file=path.name, problem=exc.strerror) from None
    if source in (None, mailbox.SOURCE) and (fmt := mailbox.sniff(path, head)) is not None:
        return _detected("mailbox.messages", fmt, partial(mailbox.parse, path, fmt))
    if source == mailbox.SOURCE:
        raise ImportRefused("refusal.not_a_mailbox", file=path.name, how=UNKNOWN_HINT)
    if source in (None, "website"):  # HAR, page or snippet, cookie scan, GA settings
        if (found := website.detect(path)) is not None:
            return _detected(*found)
        if source == "website":
            raise website.unrecognised(path)
    if (found := access_registry.detect(path, head, source)) is not None:
        return _detected(*found)
    encoding = sniff_encoding(head)
    if not head.startswith(b"PK") and encoding != "binary":
        text = decode_head(head, encoding).lstrip("\ufeff \t\r\n")
        if text.startswith("<"):
            return _detect_xml(path, text, source)
        if text.startswith(("{", "[")):
            return _detect_json(path, source)
    return _detect_table(path, source)


def parse_file(
    path: str | Path, source: str | None = None, *, as_of: date | None = None
) -> ParsedExport:
    """Detect and parse one export; only `ImportRefused` ever escapes.

    `source` ("eboekhouden" or "snelstart") narrows detection and names the maker of an
    audit file whose header does not; `as_of` is the date plausibility checks use.
    """
    try:
        return detect(path, source).parser(as_of=as_of)
    except ImportRefused:
        raise
    except Exception as exc:  # a bug must still reach the owner as one sentence
        log_fault(f"importer failed on {Path(path).name}")  # the trace: a log file only
        raise ImportRefused(
            "refusal.unexpected", file=Path(path).name, problem=type(exc).__name__
        ) from exc


def describe(kinds: Sequence[Kind] = KINDS, language: str = "en") -> list[dict[str, Any]]:
    """The registry as plain rows (for the README table and the upload page)."""
    return [
        {
            "id": k.id,
            "source": k.source,
            "kind": k.kind,
            "formats": ", ".join(k.formats),
            "description": k.description_nl if language == "nl" else k.description_en,
        }
        for k in kinds
    ]
