"""The JSON report contract (`python -m compliance report`) on a seeded DuckDB file."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from compliance import store
from compliance.cli import main
from compliance.policy import load_policy
from compliance.report import build_snapshot, deletion_reason, report_dict
from tests.factories import IBAN_A, IBAN_B, NOW, export, relation

AS_OF = date(2026, 11, 25)


@pytest.fixture
def seeded(tmp_path: Path) -> Path:
    """Four fake relations covering every status, plus requests."""
    db = tmp_path / "seeded.duckdb"
    rels = [
        relation(
            "1001",
            "Actief Testbedrijf B.V.",
            kvk="90000001",
            emails=("info@actief.example",),
            added_on=date(2019, 1, 7),
        ),
        relation(
            "1002", "Vertrokken Test VOF", kvk="90000002", iban=IBAN_A, added_on=date(2018, 3, 1)
        ),
        relation(
            "1003",
            "Piet Prospect",
            is_company=False,
            emails=("piet@prospect.example",),
            added_on=date(2026, 6, 15),
        ),
        relation("1004", "Slapend Test BV", iban=IBAN_B, added_on=date(2017, 5, 1)),
    ]
    invoices = [
        ("2026-001", "1001", date(2026, 10, 1)),
        ("2019-007", "1001", date(2019, 2, 1)),
        ("2025-010", "1002", date(2025, 12, 1)),
        ("2023-004", "1004", date(2023, 4, 30)),
    ]
    parsed = export("eboekhouden", rels, invoices=invoices, direct_debit=("1002",))
    store.load_export(db, parsed, "relaties.csv", "sha-1", "test", NOW)
    # Vertrokken: written termination Friday 24 April 2026 (Koningsdag on Monday 27th).
    store.add_request(
        db,
        type="termination",
        received_on=date(2026, 4, 24),
        channel="post",
        actor="test",
        now=NOW,
        kvk="90000002",
        answered_on=date(2026, 4, 29),
    )
    store.add_request(
        db,
        type="access",
        received_on=date(2026, 10, 20),
        channel="email",
        actor="test",
        now=NOW,
        email="info@actief.example",
    )
    store.add_request(
        db,
        type="complaint",
        received_on=date(2026, 11, 2),
        channel="post",
        actor="test",
        now=NOW,
        name="Klager Verzonnen",
    )
    return db


def run_report(db: Path, capsys, as_of: str = "2026-11-25") -> dict:
    assert main(["report", "--db", str(db), "--as-of", as_of, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_report_has_exactly_the_contract_keys(seeded: Path, capsys) -> None:
    report = run_report(seeded, capsys)
    assert set(report) == {"as_of", "subjects", "inventory", "deletions", "requests", "findings"}
    assert report["as_of"] == "2026-11-25"
    assert set(report["subjects"][0]) == {
        "id",
        "name",
        "kvk",
        "emails",
        "status",
        "end_of_cooperation",
        "sources",
    }
    assert set(report["inventory"][0]) == {"category", "source", "subjects", "records"}
    assert set(report["deletions"][0]) == {
        "subject_id",
        "category",
        "source",
        "due",
        "status",
        "days_overdue",
    }
    assert set(report["requests"][0]) == {
        "id",
        "type",
        "subject_id",
        "email",
        "received_on",
        "respond_by",
        "answered_on",
        "status",
    }
    assert set(report["findings"][0]) == {"code", "severity", "subject_id", "message"}


def test_subject_statuses(seeded: Path, capsys) -> None:
    subjects = {s["name"]: s for s in run_report(seeded, capsys)["subjects"]}
    assert subjects["Actief Testbedrijf B.V."]["status"] == "client"
    assert subjects["Actief Testbedrijf B.V."]["emails"] == ["info@actief.example"]
    assert subjects["Actief Testbedrijf B.V."]["sources"] == ["eboekhouden"]
    assert subjects["Vertrokken Test VOF"]["status"] == "former_client"
    assert subjects["Vertrokken Test VOF"]["end_of_cooperation"] == "2026-04-24"
    assert subjects["Piet Prospect"]["status"] == "prospect"
    assert subjects["Piet Prospect"]["kvk"] is None
    assert subjects["Klager Verzonnen"]["sources"] == ["manual"]


def test_deletions(seeded: Path, capsys) -> None:
    rows = {(d["subject_id"], d["category"]): d for d in run_report(seeded, capsys)["deletions"]}
    # Former client: direct-debit payment data end + 5 working days → 2026-05-04, overdue.
    assert rows[(2, "payment")] == {
        "subject_id": 2,
        "category": "payment",
        "source": "eboekhouden",
        "due": "2026-05-04",
        "status": "overdue",
        "days_overdue": 205,
    }
    assert rows[(2, "contact")]["due"] == "2033-04-24"
    assert rows[(2, "contact")]["status"] == "scheduled"
    # Prospect last seen 2026-06-15 → 3 calendar months → 2026-09-15, 71 days late.
    assert rows[(3, "contact")]["due"] == "2026-09-15"
    assert rows[(3, "contact")]["days_overdue"] == 71
    # Active and dormant clients have no running clock.
    assert not any(subject in (1, 4) for subject, _ in rows)


def test_due_soon_and_deleted(seeded: Path, capsys) -> None:
    report = run_report(seeded, capsys, as_of="2026-08-20")
    prospect = next(d for d in report["deletions"] if d["subject_id"] == 3)
    assert (prospect["status"], prospect["days_overdue"]) == ("due_soon", 0)
    store.mark_deleted(
        seeded,
        subject_id=3,
        category="contact",
        source="eboekhouden",
        deleted_on=date(2026, 9, 1),
        evidence="relatie verwijderd",
        actor="test",
        now=NOW,
    )
    report = run_report(seeded, capsys)
    prospect = next(d for d in report["deletions"] if d["subject_id"] == 3)
    assert prospect["status"] == "deleted"
    inventory = {(i["category"], i["source"]): i for i in report["inventory"]}
    assert inventory[("contact", "eboekhouden")] == {
        "category": "contact",
        "source": "eboekhouden",
        "subjects": 3,
        "records": 3,
    }


def test_requests(seeded: Path, capsys) -> None:
    rows = {r["type"]: r for r in run_report(seeded, capsys)["requests"]}
    assert rows["termination"]["respond_by"] == "2026-05-04"
    assert rows["termination"]["status"] == "answered"
    assert rows["access"]["respond_by"] == "2026-11-20"
    assert rows["access"]["status"] == "overdue"
    assert rows["access"]["email"] == "info@actief.example"
    assert rows["complaint"]["respond_by"] is None
    assert rows["complaint"]["status"] == "open"


def test_as_of_before_the_termination_shows_a_client(seeded: Path, capsys) -> None:
    report = run_report(seeded, capsys, as_of="2026-04-01")
    subjects = {s["name"]: s for s in report["subjects"]}
    assert subjects["Vertrokken Test VOF"]["status"] == "client"
    assert not [r for r in report["requests"] if r["type"] in ("access", "complaint")]


def test_findings(seeded: Path, capsys) -> None:
    findings = run_report(seeded, capsys)["findings"]
    codes = [(f["code"], f["severity"], f["subject_id"]) for f in findings]
    assert ("request_overdue", "high", 1) in codes
    assert ("dormant_client", "medium", 4) in codes
    assert [f["severity"] for f in findings] == sorted(
        (f["severity"] for f in findings), key=["high", "medium", "low"].index
    )
    dormant = next(f for f in findings if f["code"] == "dormant_client")
    assert "2023-04-30" in dormant["message"]


def test_no_invoices_means_status_unknown_finding(tmp_path: Path) -> None:
    db = tmp_path / "x.duckdb"
    store.load_export(
        db, export("snelstart", [relation("K1", "Zonder Factuur BV")]), "r.csv", "sha", "t", NOW
    )
    report = report_dict(build_snapshot(db, load_policy(), AS_OF), "en")
    assert report["subjects"][0]["status"] == "client"
    assert report["deletions"] == []
    assert [f["code"] for f in report["findings"]] == ["no_invoices"]
    assert report["findings"][0]["message"].startswith("No invoices have been imported")


def test_deletion_reason_names_rule_and_basis_date(seeded: Path) -> None:
    snap = build_snapshot(seeded, load_policy(), AS_OF)
    row = (
        snap.deletions[(snap.deletions.subject_id == 2) & (snap.deletions.category == "payment")]
        .iloc[0]
        .to_dict()
    )
    assert deletion_reason(row, "nl") == "einde samenwerking 2026-04-24 + 5 werkdagen"
    assert deletion_reason(row, "en") == "end of cooperation 2026-04-24 + 5 working days"


def test_text_report_lists_overdue_items(seeded: Path, capsys) -> None:
    assert main(["report", "--db", str(seeded), "--as-of", "2026-11-25", "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert "Te late verwijderingen: 2" in out
    assert "Piet Prospect" in out and "Vertrokken Test VOF" in out
