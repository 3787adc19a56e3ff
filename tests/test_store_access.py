"""compliance.store.access on a real DuckDB file: entries linked in any import order, owner
links remembered, gone and returning entries, records in step, and what the report makes of
a terminated client's and a prospect's remaining access.

The people (all fake) on the as-of date 2026-11-25:

    Kapsalon Testknip B.V. (K100)  terminated in writing on 2026-03-02 -> former client
    Bakkerij Proefdeeg (K200)      invoiced in October                 -> client
    Nepnet Proef (R300)            no invoice, added 2026-10-01        -> prospect
"""

from __future__ import annotations

import hashlib
import json
import shutil
from datetime import date, datetime
from pathlib import Path

import pandas as pd
import pytest

from compliance import importing, store
from compliance.cli import main
from compliance.policy import load_policy
from compliance.report import build_snapshot
from tests.factories import export, relation

FIXTURES = Path(__file__).parent / "fixtures"
AS_OF = date(2026, 11, 25)
NOW = datetime(2026, 11, 20, 9, 0)
FIREWALL = FIXTURES / "transip" / "transip_firewall_ictr-vps1.json"


def _bookkeeping(db: Path) -> None:
    people = export("eboekhouden", [
        relation("K100", "Kapsalon Testknip B.V.", kvk="90000100", added_on=date(2021, 9, 1)),
        relation("K200", "Bakkerij Proefdeeg", kvk="90000200", added_on=date(2020, 3, 3)),
        relation("R300", "Nepnet Proef", kvk="90000300", added_on=date(2026, 10, 1)),
    ], invoices=[("F1", "K100", date(2025, 1, 10)), ("F2", "K200", date(2026, 10, 1))])  # fmt: skip
    store.load_export(db, people, "relaties.csv", "sha-people", "test", NOW)


def _import(db: Path, path: Path, when: datetime = NOW) -> store.ImportResult:
    return importing.import_file(db, path, actor="test", now=when)


def _terminate(db: Path) -> None:
    store.add_request(db, type="termination", received_on=date(2026, 3, 2), channel="post",
                      kvk="90000100", actor="test", now=NOW)  # fmt: skip


def _entries(db: Path) -> dict[str, dict]:
    df = store.access_entries(db)
    return {r["holder"]: r for r in df.to_dict("records")}


def _day(value: object) -> date | None:
    return None if pd.isna(value) else pd.Timestamp(value).date()


def _subject(db: Path, kvk: str) -> int:
    return int(store.subjects(db).query(f"kvk == '{kvk}'")["id"].iloc[0])


def _firewall(tmp_path: Path, rules: list[tuple[str, list[str]]], vps: str = "ictr-vps1") -> Path:
    path = tmp_path / f"transip_firewall_{vps}.json"
    body = {"vpsFirewall": {"isEnabled": True, "ruleSet": [
        {"description": d, "startPort": 22, "endPort": 22, "protocol": "tcp", "whitelist": w}
        for d, w in rules
    ]}}  # fmt: skip
    path.write_text(json.dumps(body))
    return path


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "access.duckdb"


# ------------------------------------------------------------------------- linking
def test_entries_imported_before_their_subjects_are_linked_when_those_arrive(db: Path) -> None:
    result = _import(db, FIREWALL)
    assert (result.access_linked, result.access_unlinked) == (0, 5)  # + 1 own (ICT Roermond)
    assert store.subjects(db).empty
    _bookkeeping(db)
    entries = _entries(db)
    kapsalon, bakkerij = _subject(db, "90000100"), _subject(db, "90000200")
    assert entries["203.0.113.45/32"]["subject_id"] == kapsalon
    assert entries["203.0.113.45/32"]["linked_by"] == "name"
    assert entries["203.0.113.20/32"]["subject_id"] == bakkerij
    assert entries["192.0.2.10/32"]["linked_by"] == "own"
    assert pd.isna(entries["198.51.100.77/32"]["subject_id"])
    records = store.subject_records(db, kapsalon)
    assert sorted(records.query("category == 'ip_address'")["detail"]) == [
        "2001:db8:45::/64 · ictr-vps1 · Kapsalon Testknip kantoor (TCP 22)",
        "203.0.113.45/32 · ictr-vps1 · Kapsalon Testknip kantoor (TCP 22)",
    ]


def test_a_vps_list_links_the_rules_of_its_vps_by_description_or_tag(db: Path) -> None:
    _bookkeeping(db)
    _import(db, FIXTURES / "transip" / "transip_firewall_ictr-vps2.json")
    assert store.access_entries(db)["subject_id"].isna().all()  # "kantoor" names nobody
    _import(db, FIXTURES / "transip" / "transip_vps.json")
    df = store.access_entries(db)
    assert set(df["subject_id"]) == {_subject(db, "90000100")}
    assert set(df["system_label"]) == {"Kapsalon Testknip - boekingssysteem"}


def test_the_same_file_twice_changes_nothing(db: Path) -> None:
    _bookkeeping(db)
    _import(db, FIREWALL)
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    assert _import(db, FIREWALL).already_imported
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_an_owner_link_is_remembered_across_imports(db: Path, tmp_path: Path) -> None:
    _bookkeeping(db)
    _import(db, FIREWALL)
    bakkerij = _subject(db, "90000200")
    ref = _entries(db)["198.51.100.77/32"]["ref"]
    store.link_access(db, source="transip", category="ip_address", ref=ref,
                      subject_id=bakkerij, actor="owner", now=NOW)  # fmt: skip
    assert _entries(db)["198.51.100.77/32"]["linked_by"] == "owner"
    # A newer firewall: same rule and address, another description, one more rule.
    newer = _firewall(tmp_path, [("RDP thuis", ["198.51.100.77/32"]),
                                 ("nieuw", ["198.51.100.78/32"])])  # fmt: skip
    shutil.copy(newer, tmp_path / "x.json")
    text = newer.read_text().replace('"startPort": 22, "endPort": 22', '"startPort": 3389, '
                                     '"endPort": 3389', 1)  # fmt: skip
    newer.write_text(text)
    _import(db, newer, datetime(2026, 11, 21, 9, 0))
    entry = _entries(db)["198.51.100.77/32"]
    assert (entry["subject_id"], entry["linked_by"], bool(entry["decided"])) == (
        bakkerij, "owner", True
    )  # fmt: skip
    assert store.subject_records(db, bakkerij)["detail"].str.contains("198.51.100.77").any()
    log = store.audit_log(db)
    assert (log["action"] == "access_linked").sum() == 1


def test_own_access_is_no_personal_data_and_forgetting_relinks(db: Path) -> None:
    _bookkeeping(db)
    _import(db, FIREWALL)
    kapsalon = _subject(db, "90000100")
    ref = _entries(db)["203.0.113.45/32"]["ref"]
    store.link_access(db, source="transip", category="ip_address", ref=ref, subject_id=None,
                      actor="owner", now=NOW)  # fmt: skip
    entry = _entries(db)["203.0.113.45/32"]
    assert entry["linked_by"] == "own"
    assert "203.0.113.45/32" not in " ".join(store.subject_records(db, kapsalon)["detail"])
    store.forget_access_link(db, source="transip", category="ip_address", ref=ref,
                             actor="owner", now=NOW)  # fmt: skip
    assert _entries(db)["203.0.113.45/32"]["subject_id"] == kapsalon


def test_linking_refuses_unknown_entries_and_subjects(db: Path) -> None:
    _bookkeeping(db)
    _import(db, FIREWALL)
    with pytest.raises(store.StoreError, match="not in the database"):
        store.link_access(db, source="transip", category="ip_address", ref="nope",
                          subject_id=None, actor="o", now=NOW)  # fmt: skip
    ref = _entries(db)["198.51.100.77/32"]["ref"]
    with pytest.raises(store.StoreError, match="no subject number 999"):
        store.link_access(db, source="transip", category="ip_address", ref=ref,
                          subject_id=999, actor="o", now=NOW)  # fmt: skip


# ------------------------------------------------------------------------- gone and back
def test_a_range_missing_from_a_newer_firewall_is_gone_and_its_record_deleted(
    db: Path, tmp_path: Path
) -> None:
    _bookkeeping(db)
    _terminate(db)
    _import(db, FIREWALL)
    kapsalon = _subject(db, "90000100")
    snap = build_snapshot(db, load_policy(), AS_OF)
    assert sum(f.code == "former_client_access" for f in snap.findings) == 2
    # The owner removed both Kapsalon ranges on 2026-11-21 and saved the firewall again.
    newer = _firewall(tmp_path, [("Bakkerij Proefdeeg kassa", ["203.0.113.20/32"])])
    result = _import(db, newer, datetime(2026, 11, 21, 9, 0))
    # Every old entry is gone (the Bakkerij rule moved to port 22: a new entry).
    assert result.access_gone == 6 and result.access_linked == 1
    entry = _entries(db)["203.0.113.45/32"]
    assert _day(entry["gone_on"]) == _day(entry["deleted_on"]) == date(2026, 11, 21)
    assert entry["deletion_evidence"] == "no longer in the newer export of firewall:ictr-vps1"
    snap = build_snapshot(db, load_policy(), AS_OF)
    row = snap.deletions.query(f"subject_id == {kapsalon} and category == 'ip_address'").iloc[0]
    assert row["status"] == "deleted"
    assert not any(f.code in ("former_client_access", "prospect_access") for f in snap.findings)
    # It comes back in a later export: present again, the deletion no longer counts.
    _import(db, FIREWALL, datetime(2026, 11, 22, 9, 0))
    entry = _entries(db)["203.0.113.45/32"]
    assert _day(entry["gone_on"]) is None and _day(entry["deleted_on"]) is None
    snap = build_snapshot(db, load_policy(), AS_OF)
    assert sum(f.code == "former_client_access" for f in snap.findings) == 2


def test_a_deletion_recorded_by_hand_is_undone_by_an_export_that_still_holds_it(
    db: Path, tmp_path: Path
) -> None:
    _bookkeeping(db)
    _terminate(db)
    _import(db, FIXTURES / "vault" / "bitwarden.csv")
    kapsalon = _subject(db, "90000100")
    store.mark_deleted(db, subject_id=kapsalon, category="credentials", source="vault",
                       deleted_on=date(2026, 11, 20), evidence="kluis opgeschoond",
                       actor="owner", now=NOW)  # fmt: skip
    snap = build_snapshot(db, load_policy(), AS_OF)
    assert not any(f.code == "former_client_access" for f in snap.findings)
    # Next week's vault export still holds the item: the deletion did not happen.
    again = tmp_path / "bitwarden-week48.csv"
    again.write_text(
        (FIXTURES / "vault" / "bitwarden.csv").read_text() + ",0,login,Nieuw,,,0,,x,y,\n"
    )
    _import(db, again, datetime(2026, 11, 27, 9, 0))
    snap = build_snapshot(db, load_policy(), AS_OF)
    assert sum(f.code == "former_client_access" for f in snap.findings) == 1


# ------------------------------------------------------------------------- the report
def test_report_for_a_terminated_client_and_a_prospect(db: Path) -> None:
    _bookkeeping(db)
    _terminate(db)
    for path in (FIREWALL, FIXTURES / "vault" / "bitwarden.csv",
                 FIXTURES / "dsd" / "licenties.csv"):  # fmt: skip
        _import(db, path)
    kapsalon, nepnet = _subject(db, "90000100"), _subject(db, "90000300")
    snap = build_snapshot(db, load_policy(), AS_OF)
    mine = snap.deletions.query(f"subject_id == {kapsalon}").set_index(["category", "source"])
    for key in (("ip_address", "transip"), ("credentials", "vault"), ("credentials", "dsd")):
        assert mine.loc[key, "status"] == "overdue"
        assert mine.loc[key, "due"] == date(2026, 3, 9)  # 5 working days after 2026-03-02
    assert mine.loc[("ip_address", "transip"), "present"] == 2
    codes = [(f.code, f.severity, f.subject_id) for f in snap.findings]
    assert codes.count(("former_client_access", "high", kapsalon)) == 4  # 2 IPs, 1 login, 1 key
    assert codes.count(("prospect_access", "medium", nepnet)) == 1
    assert ("access_unlinked", "low", None) in codes
    # Access records are no contact: the prospect's 3 months still run from 2026-10-01.
    prospect = snap.deletions.query(f"subject_id == {nepnet} and category == 'contact'").iloc[0]
    assert prospect["due"] == date(2027, 1, 1)


# ------------------------------------------------------------------------- refusals
@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("transip_firewall_x.json", '{"vpsFirewall": {"ruleSet": "geen lijst"}}'),
        ("kluis.json", '{"encrypted": true, "data": "2.x|y|z"}'),
        ("kluis.xml", "<KeePassFile><Meta/></KeePassFile>"),
        ("licenties.csv", "Eindklant;Product;Orderdatum\nX;Y;01-01-2025\n"),
        ("transip.zip", "PK\x03\x04 kapot"),
    ],
)
def test_refused_access_files_exit_2_and_change_nothing(
    db: Path, tmp_path: Path, capsys, name: str, content: str
) -> None:
    _bookkeeping(db)
    _import(db, FIREWALL)
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    bad = tmp_path / name
    bad.write_bytes(content.encode("latin-1"))
    source = {"licenties.csv": ["--source", "dsd"]}.get(name, [])
    assert main(["import", "--db", str(db), *source, str(bad)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"refused: {name}: ") and err[0].endswith(".")
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


# ------------------------------------------------------------------------- linking work
@pytest.fixture
def looked_up(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every hint the linking looks up (the work that grew with entries × subjects)."""
    from compliance import access
    from compliance.store import access as access_store

    hints: list[str] = []
    real = access.hint_keys

    def counted(hint: str, sizes: dict[str, int]):
        hints.append(hint)
        return real(hint, sizes)

    monkeypatch.setattr(access, "hint_keys", counted)
    monkeypatch.setattr(access_store, "hint_keys", counted)
    return hints


def test_an_import_that_changes_nothing_entries_are_linked_by_links_nothing(
    db: Path, looked_up: list[str]
) -> None:
    _bookkeeping(db)
    _import(db, FIREWALL)
    links = store.access_entries(db)[["holder", "subject_id", "linked_by"]]
    looked_up.clear()
    invoices = export("eboekhouden", [], invoices=[("F9", "K200", date(2026, 11, 2))])
    store.load_export(db, invoices, "facturen-november.csv", "sha-nov", "test", NOW)
    assert looked_up == []  # no name, code or identifier changed: nothing to look up
    pd.testing.assert_frame_equal(store.access_entries(db)[links.columns], links)
    # A new relation that the unlinked "RDP thuiswerker" rule names: linked at once.
    newcomer = export("eboekhouden", [relation("R400", "RDP Thuiswerker B.V.", kvk="90000400")])
    store.load_export(db, newcomer, "relaties-2.csv", "sha-new", "test", NOW)
    assert looked_up  # something changed: the entries were looked up again
    assert _entries(db)["198.51.100.77/32"]["subject_id"] == _subject(db, "90000400")


def test_only_the_subjects_a_hint_could_name_are_read(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from compliance.access import SubjectIndex

    many = [relation(f"X{i:04d}", f"Onbekend Proefbedrijf {i}") for i in range(300)]
    store.load_export(db, export("snelstart", many), "klanten.csv", "sha-many", "test", NOW)
    _bookkeeping(db)
    built: list[list[tuple[int, str, str]]] = []
    real = SubjectIndex.from_keys.__func__

    def spied(cls, keys, *args, **kwargs):
        built.append(list(keys))
        return real(cls, built[-1], *args, **kwargs)

    monkeypatch.setattr(SubjectIndex, "from_keys", classmethod(spied))
    _import(db, FIREWALL)
    (keys,) = built
    named = {_subject(db, "90000100"), _subject(db, "90000200"), _subject(db, "90000300")}
    assert {sid for sid, _, _ in keys} <= named  # none of the 300 others
    assert _entries(db)["203.0.113.45/32"]["subject_id"] == _subject(db, "90000100")


def test_an_entry_deleted_and_brought_back_is_linked_again(db: Path, tmp_path: Path) -> None:
    # The same vault items a week later: the entry's inputs are as before, its link is
    # gone with the deletion; the former client's access must show again.
    _bookkeeping(db)
    _terminate(db)
    _import(db, FIXTURES / "vault" / "bitwarden.csv")
    kapsalon = _subject(db, "90000100")
    assert kapsalon in set(store.access_entries(db)["subject_id"])
    store.mark_deleted(db, subject_id=kapsalon, category="credentials", source="vault",
                       deleted_on=date(2026, 11, 20), evidence="kluis opgeschoond", actor="test",
                       now=NOW)  # fmt: skip
    assert kapsalon not in set(store.access_entries(db)["subject_id"])
    again = tmp_path / "bitwarden-week48.csv"
    again.write_text((FIXTURES / "vault" / "bitwarden.csv").read_text() + "\n")
    _import(db, again, datetime(2026, 11, 27, 9, 0))
    assert kapsalon in set(store.access_entries(db)["subject_id"])
    snap = build_snapshot(db, load_policy(), AS_OF)
    assert [f.code for f in snap.findings].count("former_client_access") == 1
