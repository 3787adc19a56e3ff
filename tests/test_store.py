"""compliance/store.py on a real DuckDB file in tmp_path: migrations, one-transaction
imports, idempotency, linking across systems, locks, deletions and the audit log."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import duckdb
import pytest

from compliance import schema, store
from compliance.identity import normalise_email, normalise_name, split_emails
from tests.factories import IBAN_A, IBAN_B, NOW, export, relation

JAN, MAR, JUN, SEP = date(2026, 1, 5), date(2026, 3, 1), date(2026, 6, 30), date(2026, 9, 30)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def table(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "compliance.duckdb"


def test_migrations_are_recorded_once_and_create_a_salt(db: Path) -> None:
    store.ensure_database(db)
    store.ensure_database(db)
    assert store.applied_migrations(db) == [(v, n) for v, n, _ in schema.MIGRATIONS]
    salt = table(db, "SELECT value FROM settings WHERE key = 'salt'")
    assert len(salt) == 1 and len(salt[0][0]) == 32


def test_a_new_migration_backs_the_file_up_first(db: Path, monkeypatch) -> None:
    store.ensure_database(db)
    before = digest(db)
    extra = (*schema.MIGRATIONS, (99, "test column", "ALTER TABLE subjects ADD COLUMN x INT"))
    monkeypatch.setattr(store.connection, "MIGRATIONS", extra)
    store.ensure_database(db)
    backups = list((db.parent / "backups").glob("compliance-before-migration-*.duckdb"))
    assert len(backups) == 1 and digest(backups[0]) == before
    assert (99, "test column") in store.applied_migrations(db)


def test_same_file_twice_changes_nothing(db: Path) -> None:
    parsed = export("eboekhouden", [relation("1001", "Testbedrijf Alfa B.V.", kvk="90000001")])
    first = store.load_export(db, parsed, "relaties.csv", "sha-1", "tester", NOW)
    assert (first.rows_new, first.subjects_new, first.already_imported) == (1, 1, False)
    before = digest(db)
    again = store.load_export(db, parsed, "relaties.csv", "sha-1", "tester", NOW)
    assert again.already_imported and again.import_id is None
    assert digest(db) == before
    assert table(db, "SELECT count(*) FROM imports") == [(1,)]


def test_newer_export_counts_new_changed_unchanged(db: Path) -> None:
    rels = [relation("1", "Alfa Test BV", kvk="90000001"), relation("2", "Beta Test BV")]
    store.load_export(db, export("eboekhouden", rels), "a.csv", "sha-a", "t", NOW)
    rels2 = [
        relation("1", "Alfa Test BV", kvk="90000001"),
        relation("2", "Beta Test BV", iban=IBAN_A),  # payment record is new
        relation("3", "Gamma Test BV"),
    ]
    parsed = export("eboekhouden", rels2, seen_on={"2": JAN})
    result = store.load_export(db, parsed, "b.csv", "sha-b", "t", NOW)
    # contact 1 unchanged; contact 2 changed (new date); payment 2 and contact 3 new.
    assert (result.rows_new, result.rows_changed, result.rows_unchanged) == (2, 1, 1)
    assert table(db, "SELECT count(*) FROM subjects") == [(3,)]


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        # (detail, seen_on, clock_start) before, again, and what the record then holds.
        (("a", JAN, None), ("a", JAN, None), ("a", JAN, None)),
        (("a", JAN, None), ("b", JAN, None), ("b", JAN, None)),
        (("a", JAN, None), ("a", MAR, None), ("a", MAR, None)),
        # An older date in the newer file does not move the record back.
        (("a", MAR, None), ("a", JAN, None), ("a", MAR, None)),
        (("a", None, None), ("a", JAN, None), ("a", JAN, None)),
        (("a", JAN, None), ("a", None, None), ("a", JAN, None)),
        # A contract end, once known, is kept when a later file no longer says it.
        (("a", None, JUN), ("a", None, None), ("a", None, JUN)),
        (("a", None, JUN), ("a", None, SEP), ("a", None, SEP)),
        (("a", None, None), ("a", None, JUN), ("a", None, JUN)),
    ],
    ids=["same", "detail", "later", "earlier", "date-new", "date-gone", "end-kept",
         "end-moved", "end-new"],
)  # fmt: skip
def test_a_record_seen_again_holds_the_newest_facts_and_when_it_was_seen(
    db: Path, first: tuple, second: tuple, expected: tuple
) -> None:
    from datetime import datetime

    from etl.model import RecordRow

    def parsed(detail: str, seen_on: date | None, clock_start: date | None):
        contract = RecordRow("1", "contract", "C-1", ("name",), seen_on=seen_on,
                             clock_start=clock_start, detail=detail)  # fmt: skip
        return export("eboekhouden", [relation("1", "Alfa Test BV")], extra_records=[contract])

    store.load_export(db, parsed(*first), "a.csv", "sha-a", "t", NOW)
    later = datetime(2026, 11, 30, 9, 0)
    result = store.load_export(db, parsed(*second), "b.csv", "sha-b", "t", later)
    row = table(
        db,
        "SELECT detail, source_date, clock_start, last_seen, last_import_id, first_seen "
        "FROM records WHERE ref = 'C-1'",
    )
    assert row == [(*expected, later.date(), result.import_id, NOW.date())]
    assert result.rows_changed == (expected != first)  # what the record holds changed


@pytest.mark.parametrize(
    ("second", "linked"),
    [
        (relation("K1", "Iets Anders", kvk="9000.0001"), True),  # KvK with punctuation
        (relation("K1", "Iets Anders", emails=("INFO@ALFA-TEST.EXAMPLE",)), True),  # case
        (relation("K1", "Iets Anders", iban=IBAN_A), True),  # same IBAN
        (relation("K1", "alfa test b.v."), True),  # legal form and case differ
        (relation("K1", "Alfa Tést V.O.F."), True),  # accent and other legal form
        (relation("K1", "Alfa Test Holding"), False),  # a different company
        (relation("K1", "Beta Test BV", iban=IBAN_B), False),
    ],
    ids=["kvk", "email-case", "iban", "name-legal-form", "name-accent", "other-name", "other"],
)
def test_linking_across_systems(db: Path, second, linked: bool) -> None:
    first = relation(
        "1001", "Alfa Test B.V.", kvk="90000001", emails=("info@alfa-test.example",), iban=IBAN_A
    )
    store.load_export(db, export("eboekhouden", [first]), "e.csv", "sha-e", "t", NOW)
    store.load_export(db, export("snelstart", [second]), "s.csv", "sha-s", "t", NOW)
    subjects = table(db, "SELECT count(*) FROM subjects")[0][0]
    assert subjects == (1 if linked else 2)


def test_private_persons_are_not_linked_on_name_alone(db: Path) -> None:
    a = relation("1", "Jan Fictief", is_company=False, emails=("jan1@example.nl",))
    b = relation("2", "Jan Fictief", is_company=False, emails=("jan2@example.nl",))
    store.load_export(db, export("eboekhouden", [a, b]), "e.csv", "sha", "t", NOW)
    assert table(db, "SELECT count(*) FROM subjects") == [(2,)]


def test_names_and_addresses_in_huge_cells_are_read_in_linear_time(hang_guard) -> None:
    # The linking keys of a cell of hundreds of kilobytes, as of a short one. Each of these
    # was a regular expression taking quadratic time (the spaces inside "<...>": cubic).
    many_forms = "Alfa Test" + " B.V." * 50_000
    assert normalise_name(many_forms + " Holding") == "alfa test" + " bv" * 50_000 + " holding"
    assert normalise_name(many_forms) == "alfa test"
    assert normalise_email("<" * 200_000 + "info@alfa-test.example") is None
    spaced = "Alfa Test <" + " " * 200_000 + "info@alfa-test.example>"
    assert split_emails(spaced) == ("info@alfa-test.example",)
    addresses = tuple(f"info{i}@alfa-test.example" for i in range(20_000))
    assert split_emails(", ".join(addresses + addresses)) == addresses


def test_ibans_are_never_stored_in_clear(db: Path) -> None:
    rel = relation("1", "Alfa Test BV", iban=IBAN_A)
    store.load_export(db, export("eboekhouden", [rel]), "e.csv", "sha", "t", NOW)
    assert IBAN_A.encode() not in db.read_bytes()
    assert table(db, "SELECT detail FROM records WHERE category = 'payment'") == [("IBAN NL…4300",)]


def test_invoices_imported_before_their_relations_still_count(db: Path) -> None:
    invoices_only = export(
        "snelstart", [], invoices=[("F-1", "K9", date(2025, 3, 1))], kind="invoices"
    )
    store.load_export(db, invoices_only, "facturen.json", "sha-f", "t", NOW)
    store.load_export(
        db, export("snelstart", [relation("K9", "Delta Test BV")]), "r.csv", "sha-r", "t", NOW
    )
    activity = store.subject_activity(db, date(2026, 11, 25))
    assert activity["invoices"].tolist() == [1]


def test_failed_import_rolls_back_everything(db: Path, monkeypatch) -> None:
    store.load_export(
        db, export("eboekhouden", [relation("1", "Alfa Test BV")]), "a.csv", "sha-a", "t", NOW
    )
    counts_before = table(
        db,
        "SELECT (SELECT count(*) FROM subjects), "
        "(SELECT count(*) FROM records), (SELECT count(*) FROM imports)",
    )

    def boom(*args, **kwargs):
        raise RuntimeError("disk full halfway")

    monkeypatch.setattr(store.loading, "_load_invoices", boom)
    parsed = export("snelstart", [relation("K1", "Beta Test BV"), relation("K2", "Gamma BV")])
    with pytest.raises(RuntimeError):
        store.load_export(db, parsed, "b.csv", "sha-b", "t", NOW)
    assert (
        table(
            db,
            "SELECT (SELECT count(*) FROM subjects), "
            "(SELECT count(*) FROM records), (SELECT count(*) FROM imports)",
        )
        == counts_before
    )
    assert not store.is_imported(db, "sha-b")


HOLD_LOCK = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1])
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
"""


def test_a_lock_held_by_another_process_gives_a_clear_sentence(db: Path, monkeypatch) -> None:
    store.ensure_database(db)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(db), "30"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        monkeypatch.setattr(store.connection, "LOCK_WAIT_SECONDS", 0.5)
        with pytest.raises(store.StoreBusy, match="Another import is using the database"):
            store.load_export(
                db, export("eboekhouden", [relation("1", "Alfa BV")]), "a.csv", "sha", "t", NOW
            )
    finally:
        holder.kill()
        holder.wait()


def test_waits_for_a_short_lock_then_succeeds(db: Path) -> None:
    store.ensure_database(db)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(db), "1"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        started = time.monotonic()
        result = store.load_export(
            db, export("eboekhouden", [relation("1", "Alfa BV")]), "a.csv", "sha", "t", NOW
        )
        assert result.rows_new == 1
        assert time.monotonic() - started >= 0.2  # it really had to wait
    finally:
        holder.wait()


def test_mark_deleted_needs_evidence_and_is_audited(db: Path) -> None:
    rel = relation("1", "Alfa Test BV", iban=IBAN_A)
    store.load_export(db, export("eboekhouden", [rel]), "a.csv", "sha", "t", NOW)
    with pytest.raises(store.StoreError, match="evidence"):
        store.mark_deleted(
            db,
            subject_id=1,
            category="payment",
            source="eboekhouden",
            deleted_on=date(2026, 11, 20),
            evidence="  ",
            actor="eigenaar",
            now=NOW,
        )
    count = store.mark_deleted(
        db,
        subject_id=1,
        category="payment",
        source="eboekhouden",
        deleted_on=date(2026, 11, 20),
        evidence="IBAN gewist in relatie",
        actor="eigenaar",
        now=NOW,
    )
    assert count == 1
    assert table(
        db,
        "SELECT deleted_on, deleted_by, deletion_evidence FROM records WHERE category = 'payment'",
    ) == [(date(2026, 11, 20), "eigenaar", "IBAN gewist in relatie")]
    actions = [r[0] for r in table(db, "SELECT action FROM audit_log ORDER BY id")]
    assert actions == ["import", "deletion_marked"]
    with pytest.raises(store.StoreError, match="Nothing left"):
        store.mark_deleted(
            db,
            subject_id=1,
            category="payment",
            source="eboekhouden",
            deleted_on=date(2026, 11, 20),
            evidence="again",
            actor="e",
            now=NOW,
        )


def test_request_from_unknown_person_creates_a_manual_subject(db: Path) -> None:
    request_id, subject_id = store.add_request(
        db,
        type="access",
        received_on=date(2026, 11, 2),
        channel="post",
        actor="t",
        now=NOW,
        name="Piet Verzonnen",
        email="Piet@Example.NL",
    )
    assert (request_id, subject_id) == (1, 1)
    subjects = store.subjects(db)
    assert subjects.loc[0, "sources"].tolist() == ["manual"]
    assert subjects.loc[0, "emails"].tolist() == ["piet@example.nl"]


def test_request_links_to_known_subject_and_is_not_entered_twice(db: Path) -> None:
    store.load_export(
        db,
        export("eboekhouden", [relation("1", "Alfa BV", kvk="90000001")]),
        "a.csv",
        "sha",
        "t",
        NOW,
    )
    kwargs = dict(
        type="termination",
        received_on=date(2026, 11, 2),
        channel="post",
        actor="t",
        now=NOW,
        kvk="90000001",
        source_ref="brief-7",
    )
    assert store.add_request(db, **kwargs) == (1, 1)
    assert store.add_request(db, **kwargs) == (1, 1)
    assert table(db, "SELECT count(*) FROM requests") == [(1,)]
