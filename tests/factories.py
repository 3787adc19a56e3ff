"""Small builders for importer output, with obviously fake people, for store/report tests."""

from __future__ import annotations

from datetime import date, datetime

from etl.model import InvoiceRow, ParsedExport, RecordRow, SubjectRow

NOW = datetime(2026, 11, 25, 9, 30)


def relation(
    ref: str,
    name: str,
    *,
    kvk: str | None = None,
    emails: tuple[str, ...] = (),
    iban: str | None = None,
    is_company: bool | None = True,
    added_on: date | None = None,
    inactive: bool = False,
) -> SubjectRow:
    return SubjectRow(
        ref=ref,
        name=name,
        kvk=kvk,
        emails=emails,
        iban=iban,
        is_company=is_company,
        added_on=added_on,
        inactive=inactive,
    )


def export(
    source: str,
    relations: list[SubjectRow],
    *,
    invoices: list[tuple[str, str, date]] = (),
    direct_debit: tuple[str, ...] = (),
    seen_on: dict[str, date] | None = None,
    extra_records: list[RecordRow] = (),
    kind: str = "relations",
) -> ParsedExport:
    """One contact record per relation, a payment record for each IBAN."""
    seen_on = seen_on or {}
    records = []
    for rel in relations:
        records.append(
            RecordRow(
                rel.ref,
                "contact",
                rel.ref,
                ("name", "email"),
                seen_on=seen_on.get(rel.ref, rel.added_on),
            )
        )
        if rel.iban:
            records.append(
                RecordRow(
                    rel.ref,
                    "payment",
                    rel.ref,
                    ("iban",),
                    basis="direct_debit" if rel.ref in direct_debit else None,
                    detail=f"IBAN {rel.iban[:2]}…{rel.iban[-4:]}",
                )
            )
    records.extend(extra_records)
    return ParsedExport(
        source=source,
        kind=kind,
        subjects=tuple(relations),
        records=tuple(records),
        invoices=tuple(InvoiceRow(n, ref, d) for n, ref, d in invoices),
        rows_read=len(relations) + len(invoices),
    )


# Valid (mod-97) fake IBANs.
IBAN_A = "NL91ABNA0417164300"
IBAN_B = "NL20INGB0001234567"


def old_format_sign_off(db, sign_off_id: int, at: datetime, state: dict) -> dict:
    """Store `state` (as review_state made it) as a sign-off kept before migration 7: all
    in the state's JSON, each finding's text in both languages. Returns that old state."""
    import json

    import duckdb

    texts = {k: {**v, "en": k.split(":", 2)[2]} for k, v in state["finding_texts"].items()}
    old = {**state, "finding_texts": texts}
    con = duckdb.connect(str(db))
    try:
        con.execute(
            "INSERT INTO sign_offs VALUES (?, ?, 'eigenaar', ?, '', ?, ?)",
            [sign_off_id, at, at.date(), json.dumps(old), json.dumps(old["counts"])],
        )
    finally:
        con.close()
    return old
