"""Turning one relation or invoice of any export into the rows of `etl.model`.

Every importer (e-boekhouden.nl, SnelStart, XAF) fills a `Relation` with what it found and
lets `Relations` build the `SubjectRow` and its records, so the privacy rules live in one
place: only names, KvK, e-mail addresses and the normalised IBAN leave this module; of
addresses, phone numbers, notes and free fields only *that* they are held (field ids).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from compliance.identity import mask_iban, normalise_iban, normalise_kvk, split_emails
from etl.model import FIELD_IDS, ImportRefused, InvoiceRow, Joined, RecordRow, Said, SubjectRow
from etl.tabular import HeaderMap
from etl.values import cell_text, parse_bool, parse_date

MAX_WARNINGS = 50  # the preview shows these; a broken file would otherwise bury the rest
EARLIEST_PLAUSIBLE = date(1990, 1, 1)
_PAYMENT_ONLY = {"iban", "bic", "mandate"}
INVOICE_DATE = Said("what.invoice_date")  # a date's name in a warning


_FIELD_ORDER = {f: i for i, f in enumerate(FIELD_IDS)}


_ORDERED: dict[frozenset[str], tuple[str, ...]] = {}


def ordered_fields(fields: Iterable[str]) -> tuple[str, ...]:
    # In FIELD_IDS order; unknown ids are left out, as the filter over FIELD_IDS did.
    # A file of a million relations has a handful of distinct field sets: each is one
    # shared tuple, not a tuple per record.
    key = frozenset(f for f in fields if f in _FIELD_ORDER)
    found = _ORDERED.get(key)
    if found is None:
        found = tuple(sorted(key, key=_FIELD_ORDER.__getitem__))
        if len(_ORDERED) < 4096:  # the ids are a fixed list; this only bounds the cache
            _ORDERED[key] = found
    return found


def is_company_of(bp: str, company: str) -> bool | None:
    """A "Bedrijf/Particulier" cell (B or P) decides; otherwise a company name says company."""
    bp = bp.strip().upper()[:1]
    if bp in {"B", "P"}:
        return bp == "B"
    return True if company else None


def mandate_on_file(value: Any) -> bool:
    """A mandate column holds an id, a date, 'ja', 'Core' or a bool; 'nee'/'Geen'/empty: none."""
    if isinstance(value, dict | list):
        return bool(value)
    text = cell_text(value).lower()
    if not text or text in {"geen", "none", "null"}:
        return False
    flag = parse_bool(value)
    return True if flag is None else flag


class ImportLog:
    """Warnings, counts and the date checks of one file."""

    def __init__(self, path: Path, as_of: date) -> None:
        self.path = path
        self.as_of = as_of
        self.warnings: list[Said] = []
        self.more_warnings = 0
        self.rows_read = 0
        self.skipped = 0
        self.dates_ok = 0
        self.dates_bad = 0
        self.first_bad_date: tuple[object, str] | None = None  # (where, the quoted text)
        self._plausible: tuple[date, date] | None = None

    def warn(self, key: str, /, **params: object) -> None:
        """A warning: `key` in the string catalog, with its values."""
        if len(self.warnings) < MAX_WARNINGS:
            self.warnings.append(Said(key, **params))
        else:
            self.more_warnings += 1

    def add_warning(self, said: Said) -> None:
        """A warning already made (a column reader makes it only when there is room)."""
        if len(self.warnings) < MAX_WARNINGS:
            self.warnings.append(said)
        else:
            self.more_warnings += 1

    def bad_date(self, where: object, garbage: str) -> None:
        """Count an unreadable date (the first one is named if the file is refused)."""
        self.dates_bad += 1
        if self.first_bad_date is None:
            self.first_bad_date = (where, garbage)

    def date(self, value: Any, where: object, what: object) -> date | None:
        """A parsed date; garbage becomes a warning naming the row, odd years one too."""
        try:
            parsed = parse_date(value)
        except ValueError:
            return self.judged_date(None, repr(cell_text(value)[:30]), where, what)
        return self.judged_date(parsed, None, where, what)

    def judged_date(
        self, parsed: date | None, garbage: str | None, where: object, what: object
    ) -> date | None:
        """`date` once the cell is read: `garbage` is the quoted text of an unreadable
        one (the column readers judge each distinct text once, then call this per row).
        `where` ("row 7") and `what` (the date's name) are a `Said` or a column's name."""
        if garbage is not None:
            self.bad_date(where, garbage)
            self.warn("warning.not_a_date", where=where, what=what, text=garbage)
            return None
        if parsed is None:
            return None
        self.dates_ok += 1
        earliest, latest = self.plausible_dates()
        if parsed < earliest or parsed > latest:
            self.warn("warning.date_looks_wrong", where=where, what=what, date=parsed.isoformat())
        return parsed

    def plausible_dates(self) -> tuple[date, date]:
        """Dates outside this range get a warning: before 1990, or over a year ahead."""
        if self._plausible is None:  # asked for every date of a million rows: once
            try:
                latest = self.as_of.replace(year=self.as_of.year + 1)
            except ValueError:  # 29 February
                latest = self.as_of.replace(year=self.as_of.year + 1, day=28)
            self._plausible = (EARLIEST_PLAUSIBLE, latest)
        return self._plausible

    def has_room(self) -> bool:
        """Whether a warning would still be shown (not only counted)."""
        return len(self.warnings) < MAX_WARNINGS

    def count_warnings(self, n: int) -> None:
        """`n` warnings beyond those shown: counted, not written (a long list's rest)."""
        self.more_warnings += n

    def check_dates(self, fix: Said) -> None:
        """Refuse the file when most of its dates are unreadable (a wrong column or format)."""
        bad = self.dates_bad
        if bad and bad * 2 > bad + self.dates_ok:
            where, garbage = self.first_bad_date or ("", "")
            raise ImportRefused(
                "refusal.dates_unreadable", file=self.path.name, bad=bad,
                total=bad + self.dates_ok, where=where, text=garbage, how=fix,
            )  # fmt: skip

    def all_warnings(self) -> tuple[Said, ...]:
        if self.more_warnings:
            return (*self.warnings, Said("warning.more", n=self.more_warnings))
        return tuple(self.warnings)


@dataclass
class Relation:
    """What one export says about one relation, before the privacy rules are applied."""

    ref: str
    where: Said  # "row 7", "relation 12": how the owner finds it in the file
    company: str = ""
    person: str = ""
    emails: list[str] = field(default_factory=list)
    kvk: str = ""
    iban: str = ""  # as written: normalised and masked below, never stored in clear
    bic: str = ""
    mandate: bool = False
    mandate_date: date | None = None
    is_company: bool | None = None
    inactive: bool = False
    added_on: date | None = None
    modified_on: date | None = None
    contact_fields: set[str] = field(default_factory=set)  # FIELD_IDS that are filled
    payment_fields: set[str] = field(default_factory=set)  # e.g. account holder's name


class Relations:
    """Relations of one file by ref; a ref seen twice keeps the last one, with a warning."""

    def __init__(self, log: ImportLog) -> None:
        self.log = log
        self._rows: dict[str, tuple[SubjectRow, list[RecordRow]]] = {}
        self._where: dict[str, Said] = {}

    def add(self, rel: Relation) -> None:
        if rel.ref in self._rows:
            self.log.warn(
                "warning.relation_twice", where=rel.where, ref=rel.ref, other=self._where[rel.ref]
            )
        self._rows[rel.ref] = self._build(rel)
        self._where[rel.ref] = rel.where

    def _build(self, rel: Relation) -> tuple[SubjectRow, list[RecordRow]]:
        log = self.log
        name = rel.company or rel.person
        if not name:
            name = rel.ref
            log.warn("warning.relation_no_name", where=rel.where, ref=rel.ref)
        kvk = normalise_kvk(rel.kvk) if rel.kvk else None
        if rel.kvk and not kvk:
            log.warn("warning.kvk_not_8_digits", where=rel.where, kvk=repr(rel.kvk[:20]))
        emails: list[str] = []
        for raw in rel.emails:
            found = split_emails(raw)
            if not found:
                log.warn("warning.email_invalid", where=rel.where)
            emails.extend(e for e in found if e not in emails)
        written_iban = "".join(ch for ch in rel.iban if ch.isalnum()).upper()
        iban = normalise_iban(written_iban) if written_iban else None
        # mask_iban suits IBANs; of anything else (an old 7-digit account) show 4 characters.
        masked = "IBAN " + mask_iban(iban) if iban else "account …" + written_iban[-4:]
        if written_iban and not iban:
            log.warn("warning.invalid_iban", where=rel.where, last4=written_iban[-4:])
        seen_on = rel.modified_on or rel.added_on
        subject = SubjectRow(
            ref=rel.ref,
            name=name,
            kvk=kvk,
            emails=tuple(emails),
            iban=iban,
            is_company=rel.is_company,
            inactive=rel.inactive,
            added_on=rel.added_on,
            modified_on=rel.modified_on,
        )
        contact_fields = set(rel.contact_fields) - _PAYMENT_ONLY
        if rel.company or rel.person:
            contact_fields.add("name")
        if rel.person:
            contact_fields.add("contact_person")
        if rel.emails:
            contact_fields.add("email")
        if rel.kvk:
            contact_fields.add("kvk")
        records = [
            RecordRow(rel.ref, "contact", rel.ref, ordered_fields(contact_fields), seen_on=seen_on)
        ]
        if written_iban:
            payment_fields = set(rel.payment_fields) | {"iban"}
            if rel.bic:
                payment_fields.add("bic")
            if rel.mandate:
                payment_fields.add("mandate")
            dates = [d for d in (seen_on, rel.mandate_date) if d]
            records.append(
                RecordRow(
                    subject_ref=rel.ref,
                    category="payment",
                    ref=rel.ref,
                    fields=ordered_fields(payment_fields),
                    basis="direct_debit" if rel.mandate else None,
                    seen_on=max(dates) if dates else None,
                    detail=masked,
                )
            )
        return subject, records

    def subjects(self) -> tuple[SubjectRow, ...]:
        return tuple(subject for subject, _ in self._rows.values())

    def records(self) -> tuple[RecordRow, ...]:
        return tuple(record for _, records in self._rows.values() for record in records)


class Invoices:
    """Invoices of one file by number; invoice lines of one number collapse into one row.

    An invoice number is unique per source system (the store keys invoices on it), so a
    number booked on two relations keeps the first, with a warning.
    """

    def __init__(self, log: ImportLog) -> None:
        self.log = log
        self._rows: dict[str, InvoiceRow] = {}

    def add(self, number: str, subject_ref: str, invoice_date: date, where: Said) -> None:
        known = self._rows.get(number)
        if known is None:
            self._rows[number] = InvoiceRow(number, subject_ref, invoice_date)
        elif known.subject_ref != subject_ref:
            self.log.warn(
                "warning.invoice_twice", where=where, number=number, other=known.subject_ref
            )
        elif invoice_date < known.invoice_date:
            self._rows[number] = InvoiceRow(number, subject_ref, invoice_date)

    def rows(self) -> tuple[InvoiceRow, ...]:
        return tuple(self._rows.values())


def add_invoice(
    log: ImportLog, invoices: Invoices, where: Said, number: str, ref: str, raw_date: Any
) -> None:
    """One invoice line of any export: its date checked, skipped (with a warning) when its
    number, relation or date is missing. `etl.invoice_list` applies the same rules to a
    whole list at once."""
    invoice_date = log.date(raw_date, where, INVOICE_DATE)
    if not number or not ref or invoice_date is None:
        log.skipped += 1
        if not number:
            log.warn("warning.invoice_no_number", where=where)
        elif not ref:
            log.warn("warning.invoice_no_relation", where=where)
        else:
            log.warn("warning.invoice_no_date", where=where)
        return
    invoices.add(number, ref, invoice_date, where)


def columns_listed(headers: Sequence[str], limit: int = 15) -> str | Said:
    # A quoted header cell may hold a line break; the refusal must stay one line.
    named = [" ".join(str(h).split()) for h in headers if h]
    shown = [h for h in named if h][:limit]
    rest = len([h for h in named if h]) - len(shown)
    if not shown:
        return Said("list.none")
    if rest > 0:
        return Said("list.and_more", items=", ".join(shown), n=rest)
    return ", ".join(shown)


def require_columns(
    path: Path,
    headers: Sequence[str],
    mapping: HeaderMap,
    required: Sequence[Sequence[str]],
    aliases: Mapping[str, Sequence[str]],
    what: Said,
    how: Said,
) -> None:
    """Refuse a file lacking a required field; each group in `required` needs one of its fields.

    The sentence names the columns found and the columns expected, so the owner can see at
    once whether they exported the wrong list or a list with too few columns.
    """
    missing = [group for group in required if not any(mapping.has(f) for f in group)]
    if not missing:
        return
    labels: list[object] = []
    for group in missing:
        first, *others = (aliases[f][0] for f in group)
        labels.append(
            Said("list.column_or", column=first, others=Joined(tuple(others), "list.or", None))
            if others
            else first
        )
    found = columns_listed(headers)
    if len(labels) == 1:
        raise ImportRefused(
            "refusal.missing_column", file=path.name, what=what, named=labels[0], found=found,
            how=how,
        )  # fmt: skip
    raise ImportRefused(
        "refusal.missing_columns", file=path.name, what=what,
        named=Joined(tuple(labels), "list.and"), found=found, how=how,
    )  # fmt: skip
