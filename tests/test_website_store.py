"""Website evidence in a real DuckDB file: imports, the GA form with its audit entry, and the
findings in `python -m compliance report`."""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from pathlib import Path

import pytest

from compliance import store
from compliance.cli import main
from compliance.importing import import_file
from compliance.policy import load_policy
from compliance.report import build_snapshot, report_dict

FIXTURES = Path(__file__).parent / "fixtures" / "website"
SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"
NOW = datetime(2026, 11, 25, 9, 30)
AS_OF = date(2026, 11, 25)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "website.duckdb"


def load(db: Path, *names: str) -> None:
    for name in names:
        import_file(db, FIXTURES / name, actor="tester", now=NOW)


def test_a_har_is_stored_as_evidence_of_its_visit_date(db: Path) -> None:
    result = import_file(db, FIXTURES / "ga4-default.har", actor="tester", now=NOW)
    assert (result.source, result.kind, result.rows_read) == ("website", "har", 5)
    assert result.rows_new == len(store.website_observations(db)) == 21
    assert result.subjects_new == 0
    evidence = store.website_evidence(db)
    row = evidence.iloc[0]
    assert (row["kind"], row["file_name"], bool(row["complete"])) == (
        "har",
        "ga4-default.har",
        True,
    )
    assert row["observed_on"] == date(2026, 11, 20)  # the visit, not the import
    assert row["entered_by"] == "tester"
    seen = store.website_observations(db)
    ga = seen[(seen["kind"] == "cookie") & (seen["name"] == "_ga")].iloc[0]
    assert ga["lifetime_seconds"] // 86_400 == 729  # 730 days less the 59 s before the request
    assert store.imports(db).iloc[0]["source"] == "website"
    assert not store.subjects(db).shape[0]  # website evidence is about no person


def test_files_without_a_date_count_from_the_import_day(db: Path) -> None:
    load(db, "gtag-default.txt", "cookie-scan.csv", "ga-admin-combined.json")
    assert set(store.website_evidence(db)["observed_on"]) == {NOW.date()}


def test_importing_the_same_file_twice_changes_nothing(db: Path) -> None:
    load(db, "ga4-default.har")
    before = digest(db)
    again = import_file(db, FIXTURES / "ga4-default.har", actor="tester", now=NOW)
    assert again.already_imported
    assert digest(db) == before


def test_no_cookie_value_reaches_the_database(db: Path) -> None:
    load(db, "tracking.har")
    seen = store.website_observations(db)
    text = seen.astype(str).to_string()
    for secret in ("GA1.1.1234567890", "q3v8kd0f1m2n4p6r8t0v2x4z6b", "klant-0042",
                   "fb.1.1763629200800"):  # fmt: skip
        assert secret not in text


@pytest.mark.parametrize(
    "name", ["not-json.har", "truncated.har", "cookie-scan-no-retention.csv", "ga-api-error.json"]
)
def test_refused_website_files_change_nothing(db: Path, capsys, name: str) -> None:
    load(db, "ga4-default.har")
    before = digest(db)
    assert main(["import", "--db", str(db), str(FIXTURES / name)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"refused: {name}: ") and err[0].endswith(".")
    assert digest(db) == before


# ------------------------------------------------------------------------- the GA form
def test_form_settings_are_evidence_with_who_and_when(db: Path) -> None:
    evidence_id = store.record_ga_settings(
        db,
        {"ga.google_signals": "off", "ga.processing_terms": "yes"},
        observed_on=date(2026, 11, 24),
        actor="Eigenaar",
        now=NOW,
        note="bekeken in GA Beheer",
    )
    evidence = store.website_evidence(db).iloc[0]
    assert (evidence["id"], evidence["kind"], evidence["entered_by"]) == (
        evidence_id,
        "ga_form",
        "Eigenaar",
    )
    assert evidence["observed_on"] == date(2026, 11, 24) and evidence["observations"] == 2
    log = store.audit_log(db)
    entry = log[log["action"] == "website_settings"].iloc[0]
    assert entry["actor"] == "Eigenaar"
    detail = json.loads(entry["detail"])
    assert detail["ga.google_signals"] == "off" and detail["note"] == "bekeken in GA Beheer"


@pytest.mark.parametrize(
    ("settings", "kwargs", "message"),
    [
        ({"ga.google_signals": "maybe"}, {}, "cannot be 'maybe'"),
        ({"ga.colour": "on"}, {}, "ga.colour"),
        ({}, {}, "at least one setting"),
        ({"ga.google_signals": "off"}, {"actor": " "}, "who read"),
        ({"ga.google_signals": "off"}, {"observed_on": date(2026, 12, 1)}, "future"),
    ],
)
def test_form_refusals_write_nothing(db: Path, settings, kwargs, message: str) -> None:
    load(db, "ga4-default.har")
    before = digest(db)
    args = {"observed_on": AS_OF, "actor": "Eigenaar", "now": NOW, **kwargs}
    with pytest.raises(store.StoreError, match=message):
        store.record_ga_settings(db, settings, **args)
    assert digest(db) == before


# ------------------------------------------------------------------------- the report
def test_report_json_carries_the_website_findings(db: Path, capsys) -> None:
    load(db, "ga4-default.har")
    assert main(["report", "--db", str(db), "--as-of", "2026-11-25", "--format", "json"]) == 0
    findings = json.loads(capsys.readouterr().out)["findings"]
    lifetime = [f for f in findings if f["code"] == "cookie_lifetime"]
    assert len(lifetime) == 2
    assert all(f["subject_id"] is None and f["severity"] == "high" for f in lifetime)
    assert any("_ga_R0ERM0ND42" in f["message"] and "730 dagen" in f["message"] for f in lifetime)
    codes = {f["code"] for f in findings}
    assert {"undeclared_cookie", "analytics_setting"} <= codes


def test_report_before_the_visit_has_no_website_findings(db: Path) -> None:
    load(db, "ga4-default.har")
    snap = build_snapshot(db, load_policy(), date(2026, 11, 19))
    assert not [f for f in snap.findings if f.code == "cookie_lifetime"]


def test_samples_tell_the_story(db: Path) -> None:
    """June: a Meta pixel; November: the default GA4 set-up; the Admin API's defaults."""
    for name in ("website-ictroermond-juni.har", "website-ictroermond.har",
                 "website-ga4-instellingen.json"):  # fmt: skip
        import_file(db, SAMPLES / name, actor="sample-data", now=NOW)
    report = report_dict(build_snapshot(db, load_policy(), AS_OF), "en")
    found = sorted((f["code"], f["severity"]) for f in report["findings"]
                   if f["code"] in ("cookie_lifetime", "undeclared_cookie",
                                    "analytics_setting", "data_collected"))  # fmt: skip
    assert found == [
        ("analytics_setting", "high"),  # data sharing on (the account's defaults)
        ("analytics_setting", "medium"),  # processing terms unknown
        ("analytics_setting", "medium"),  # ads personalization unknown
        ("cookie_lifetime", "high"),  # _ga
        ("cookie_lifetime", "high"),  # _ga_R0ERM0ND42
        ("undeclared_cookie", "low"),  # PHPSESSID
    ]
    # In June the pixel was there too.
    june = report_dict(build_snapshot(db, load_policy(), date(2026, 6, 30)), "en")
    assert any("_fbp" in f["message"] for f in june["findings"])


def test_migration_4_is_recorded(db: Path) -> None:
    load(db, "gtag-default.txt")
    assert (4, "website evidence: cookies, trackers and analytics settings") in (
        store.applied_migrations(db)
    )
