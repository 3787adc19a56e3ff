"""e-boekhouden.nl relations from a plain CSV, a column at a time.

The same rules as `eboekhouden.relations_from_table` with `rows.Relations` (those stay the
reference: tests/test_relation_columns.py compares both on generated files), arranged for
a list of a million relations. The cells come from `csv_columns.plain_columns`; each
distinct KvK, IBAN, e-mail cell, date and flag is judged once; a plain single e-mail
address is lower-cased by Arrow; which contact fields a row fills is a bit mask. Only the
rows themselves (a `SubjectRow`, its `RecordRow`s and its warnings, in row order) are made
one at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from compliance.identity import mask_iban, normalise_iban, normalise_kvk, split_emails
from etl.arrow_rows import RECORDS, SUBJECTS, RecordColumns, SubjectColumns
from etl.csv_columns import blank_rows, first_filled, stripped
from etl.headers import HeaderMap
from etl.model import Said
from etl.rows import ImportLog, is_company_of, mandate_on_file, ordered_fields
from etl.values import parse_bool, parse_date

CHUNK = 100_000  # rows turned into Python values at a time: the memory stays bounded
MANDATE_DATE, MODIFIED_ON = Said("what.mandate_date"), Said("what.modification_date")
_TEXTS = ("ref", "company", "person", "kvk", "iban", "bic", "bp")
# One address and nothing else: `split_emails` gives exactly that address in lower case.
_ONE_ADDRESS = (
    r"^[A-Za-z0-9_%+\-][A-Za-z0-9._%+\-]*@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$"
)


def _codes(column: pa.Array, judge: Callable[[str], Any]) -> tuple[np.ndarray, list[Any]]:
    """Per row the code of its value, and `judge` of each distinct value (by code)."""
    encoded = pc.dictionary_encode(column)
    return encoded.indices.to_numpy(), [judge(v) for v in encoded.dictionary.to_pylist()]


def _flags(column: pa.Array | pa.ChunkedArray) -> np.ndarray:
    return np.asarray(column.to_numpy(zero_copy_only=False), dtype=bool)


@dataclass
class _EmailColumn:
    filled: np.ndarray  # the cell is not blank
    simple: np.ndarray  # ... and holds one plain address: `lower` is the answer
    lower: pa.Array
    codes: np.ndarray  # for the other cells: split_emails of the cell by code
    found: list[tuple[str, ...]]


def _email_column(column: pa.Array) -> _EmailColumn:
    simple = _flags(pc.match_substring_regex(column, _ONE_ADDRESS))
    others = pc.if_else(pa.array(simple), pa.scalar("", pa.string()), column)
    codes, found = _codes(others, lambda text: split_emails(text) if text else ())
    return _EmailColumn(_flags(pc.not_equal(column, "")), simple, pc.utf8_lower(column),
                        codes, found)  # fmt: skip


def _judged_date(text: str) -> tuple[date | None, str | None]:
    """(the date or None, the text as a warning quotes it when it is garbage), as
    `ImportLog.date` reads it."""
    try:
        return parse_date(text), None
    except ValueError:
        return None, repr(text[:30])


def relation_fields(
    cells: pa.Table, cols: HeaderMap, contact_fields: Sequence[str]
) -> dict[str, Any]:
    """What the rules read of each row, taken from the file's cells (which may go then):
    texts as `HeaderMap.text` gives them, mandate and contact fields as flags."""
    out: dict[str, Any] = {
        name: first_filled(cells, cols.columns.get(name, ()))
        for name in (*_TEXTS, "inactive", "active", "mandate_date", "added_on", "modified_on")
    }
    out["emails"] = [_email_column(stripped(cells.column(f"c{i}")))
                     for i in cols.columns.get("email", ())]  # fmt: skip
    mandate = np.zeros(cells.num_rows, dtype=bool)
    for i in cols.columns.get("mandate", ()):
        codes, on_file = _codes(stripped(cells.column(f"c{i}")),
                                lambda v: bool(v) and mandate_on_file(v))  # fmt: skip
        mandate |= np.array(on_file, dtype=bool)[codes]
    out["mandate"] = mandate
    out["contact"] = {}  # field -> filled in any of its columns
    for name in contact_fields:
        filled = np.zeros(cells.num_rows, dtype=bool)
        for i in cols.columns.get(name, ()):
            filled |= _flags(pc.not_equal(stripped(cells.column(f"c{i}")), ""))
        out["contact"][name] = filled
    nothing = pc.equal(out["ref"], "")  # a blank row has no code: only those are looked at
    out["read"] = ~_flags(blank_rows(cells, nothing))
    out["has_active"] = cols.has("active")
    return out


def relations_by_columns(
    fields: dict[str, Any], log: ImportLog
) -> tuple[SubjectColumns, RecordColumns]:
    """The subjects and records of the rows (`relation_fields`), as `Relations` makes them:
    the last row of a code wins, in the order the codes first appear; a subject's records
    follow in that order (contact, then payment)."""
    rows = _Rows(fields, log)
    for start in range(0, len(fields["read"]), CHUNK):
        rows.chunk(start, min(start + CHUNK, len(fields["read"])))
    subjects = rows.table(rows.subject_tables, SUBJECTS)
    records = rows.table(rows.record_tables, RECORDS)
    if not subjects.num_rows:
        return SubjectColumns(subjects.drop(["pos"])), RecordColumns(records.drop(["pos"]))
    codes = pc.dictionary_encode(subjects.column("ref").combine_chunks()).indices.to_numpy()
    last = np.full(int(codes.max()) + 1, -1, dtype=np.int64)  # codes: first-appearance order
    np.maximum.at(last, codes, np.arange(len(codes)))
    subjects = subjects.take(pa.array(last))
    rank = np.full(len(fields["read"]), -1, dtype=np.int64)  # per row: its subject's place
    rank[subjects.column("pos").to_numpy()] = np.arange(subjects.num_rows)
    of_record = rank[records.column("pos").to_numpy()]
    kept = np.flatnonzero(of_record >= 0)  # the records of the rows that won
    records = records.take(pa.array(kept[np.argsort(of_record[kept], kind="stable")]))
    return SubjectColumns(subjects.drop(["pos"])), RecordColumns(records.drop(["pos"]))


class _Rows:
    """The per-row part: what each distinct value means is known before the loop, and
    each chunk's values are plain Python lists (a numpy element costs more to read)."""

    def __init__(self, fields: dict[str, Any], log: ImportLog) -> None:
        self.fields, self.log = fields, log
        self.judged = {
            "kvk": _codes(fields["kvk"], lambda v: normalise_kvk(v) if v else None),
            "iban": _codes(fields["iban"], _iban),
            **{name: _codes(fields[name], _judged_date)
               for name in ("mandate_date", "added_on", "modified_on")},
            **{name: _codes(fields[name], parse_bool) for name in ("inactive", "active")},
        }  # fmt: skip
        # Which contact fields are filled, as one small number per row (the field sets of
        # a file are few: each is ordered once).
        contact = list(fields["contact"])
        mask = np.zeros(len(fields["read"]), dtype=np.int64)
        for bit, name in enumerate(contact):
            mask |= np.where(fields["contact"][name], 1 << bit, 0)
        self.contact_names, self.contact_mask = contact, mask
        self.ordered: dict[tuple[int, bool, bool, bool, bool], tuple[str, ...]] = {}
        self.payment: dict[tuple[bool, bool], tuple[str, ...]] = {}
        self.where: dict[str, int] = {}  # code -> line of its latest row
        self.subject_tables: list[pa.Table] = []
        self.record_tables: list[pa.Table] = []
        self.subjects: dict[str, list[Any]] = {}
        self.records: dict[str, list[Any]] = {}

    @staticmethod
    def table(parts: list[pa.Table], schema: pa.Schema) -> pa.Table:
        full = pa.schema([("pos", pa.int64()), *schema])
        return pa.concat_tables(parts) if parts else full.empty_table()

    def chunk(self, start: int, stop: int) -> None:
        fields, log = self.fields, self.log
        self.subjects = {n: [] for n in ("pos", *SUBJECTS.names)}
        self.records = {n: [] for n in ("pos", *RECORDS.names)}
        part: dict[str, list[Any]] = {
            n: fields[n].slice(start, stop - start).to_pylist() for n in _TEXTS
        }
        for name, (codes, judged) in self.judged.items():
            part["judged_" + name] = [judged[c] for c in codes[start:stop].tolist()]
        part["emails"] = [_cells(column, start, stop) for column in fields["emails"]]
        for name in ("read", "mandate"):
            part[name] = fields[name][start:stop].tolist()
        part["contact"] = self.contact_mask[start:stop].tolist()
        for k in range(stop - start):
            if not part["read"][k]:
                log.skipped += 1
                continue
            log.rows_read += 1
            ref = part["ref"][k]
            if not ref:
                log.skipped += 1
                log.warn("warning.relation_no_code", where=Said("where.row", n=start + k + 2))
                continue
            self.row(part, k, start + k, ref)
        for lists, schema, tables in ((self.subjects, SUBJECTS, self.subject_tables),
                                      (self.records, RECORDS, self.record_tables)):  # fmt: skip
            full = pa.schema([("pos", pa.int64()), *schema])
            tables.append(pa.table({f.name: pa.array(lists[f.name], f.type) for f in full},
                                   schema=full))  # fmt: skip

    def day(self, judged: tuple[date | None, str | None], line: int, what: object) -> date | None:
        """`ImportLog.date` of a cell judged by `_judged_date` on line `line`; the line is
        put in words only for a warning (a million rows need none)."""
        parsed, garbage = judged
        if garbage is None:
            if parsed is None:
                return None
            earliest, latest = self.log.plausible_dates()
            if earliest <= parsed <= latest:
                self.log.dates_ok += 1
                return parsed
        return self.log.judged_date(parsed, garbage, Said("where.row", n=line), what)

    def contact_fields(self, mask: int, named: bool, person: bool, email: bool, kvk: bool
                       ) -> tuple[str, ...]:  # fmt: skip
        key = (mask, named, person, email, kvk)
        found = self.ordered.get(key)
        if found is None:
            names = {n for b, n in enumerate(self.contact_names) if mask & (1 << b)}
            for flag, name in zip(key[1:], ("name", "contact_person", "email", "kvk"),
                                  strict=True):  # fmt: skip
                if flag:
                    names.add(name)
            found = self.ordered[key] = ordered_fields(names)
        return found

    def payment_fields(self, bic: bool, mandate: bool) -> tuple[str, ...]:
        found = self.payment.get((bic, mandate))
        if found is None:
            names = ["iban", *(["bic"] if bic else []), *(["mandate"] if mandate else [])]
            found = self.payment[(bic, mandate)] = ordered_fields(names)
        return found

    def row(self, part: dict[str, list[Any]], k: int, i: int, ref: str) -> None:
        """One relation: `relations_from_table`'s reading, then `Relations.add`."""
        log = self.log
        company, person = part["company"][k], part["person"][k]
        inactive = part["judged_inactive"][k]
        if inactive is None and self.fields["has_active"]:
            inactive = part["judged_active"][k] is False
        line = i + 2
        mandate_date = self.day(part["judged_mandate_date"][k], line, MANDATE_DATE)
        added_on = self.day(part["judged_added_on"][k], line, "AddDatum")
        modified_on = self.day(part["judged_modified_on"][k], line, MODIFIED_ON)
        if ref in self.where:
            log.warn("warning.relation_twice", where=Said("where.row", n=line), ref=ref,
                     other=Said("where.row", n=self.where[ref]))  # fmt: skip
        name = company or person
        if not name:
            name = ref
            log.warn("warning.relation_no_name", where=Said("where.row", n=line), ref=ref)
        kvk_text, kvk = part["kvk"][k], part["judged_kvk"][k]
        if kvk_text and not kvk:
            log.warn("warning.kvk_not_8_digits", where=Said("where.row", n=line),
                     kvk=repr(kvk_text[:20]))  # fmt: skip
        emails: list[str] = []
        any_email = False
        for column in part["emails"]:  # the e-mail cells in column order
            addresses = column[k]
            if addresses is None:  # a blank cell
                continue
            any_email = True
            if not addresses:
                log.warn("warning.email_invalid", where=Said("where.row", n=line))
            emails.extend(e for e in addresses if e not in emails)
        written, iban, masked = part["judged_iban"][k]
        if written and not iban:
            log.warn("warning.invalid_iban", where=Said("where.row", n=line),
                     last4=written[-4:])  # fmt: skip
        seen_on = modified_on or added_on
        for column, value in (("pos", i), ("ref", ref), ("name", name), ("kvk", kvk),
                            ("emails", emails), ("iban", iban),
                            ("is_company", is_company_of(part["bp"][k], company)),
                            ("inactive", bool(inactive)), ("added_on", added_on),
                            ("modified_on", modified_on)):  # fmt: skip
            self.subjects[column].append(value)
        contact = self.contact_fields(part["contact"][k], bool(company or person),
                                      bool(person), any_email, bool(kvk_text))  # fmt: skip
        self.record(i, ref, "contact", contact, None, seen_on, "")
        if written:
            mandate = part["mandate"][k]
            dates = [d for d in (seen_on, mandate_date) if d]
            self.record(i, ref, "payment", self.payment_fields(bool(part["bic"][k]), mandate),
                        "direct_debit" if mandate else None, max(dates) if dates else None,
                        masked)  # fmt: skip
        self.where[ref] = i + 2

    def record(self, i: int, ref: str, category: str, fields: tuple[str, ...],
               basis: str | None, seen_on: date | None, detail: str) -> None:  # fmt: skip
        """A `RecordRow` of this relation, as columns (its ref is the relation's code)."""
        records = self.records
        for column, value in (("pos", i), ("subject_ref", ref), ("category", category),
                            ("ref", ref), ("fields", fields), ("basis", basis),
                            ("seen_on", seen_on), ("clock_start", None),
                            ("detail", detail)):  # fmt: skip
            records[column].append(value)


def _cells(column: _EmailColumn, start: int, stop: int) -> list[tuple[str, ...] | None]:
    """Per row of the chunk: None for a blank cell, else the cell's addresses."""
    lower = column.lower.slice(start, stop - start).to_pylist()
    found = column.found
    return [
        None if not filled else (address,) if simple else found[code]
        for filled, simple, code, address in zip(
            column.filled[start:stop].tolist(), column.simple[start:stop].tolist(),
            column.codes[start:stop].tolist(), lower, strict=True,
        )
    ]  # fmt: skip


def _iban(text: str) -> tuple[str, str | None, str]:
    """(as written, letters and digits only; the valid IBAN or None; how it is shown)."""
    kept = text if text.isalnum() else "".join(ch for ch in text if ch.isalnum())
    written = kept.upper()
    iban = normalise_iban(written) if written else None
    masked = "IBAN " + mask_iban(iban) if iban else "account …" + written[-4:]
    return written, iban, masked
