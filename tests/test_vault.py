"""etl.vault and etl.vault_keepass: the vault's inventory in, every secret out.

The last test is the proof the issue asks for: a vault full of known, distinctive secrets is
imported through the CLI, then the database file, every table, the report, the logs, the CLI
output and every export the dashboard offers are searched for them.
"""

from __future__ import annotations

import logging
import shutil
from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest

import etl
from compliance import store
from compliance.cli import build_parser, main
from etl.model import ImportRefused, texts
from tests.factories import export, relation

FIXTURES = Path(__file__).parent / "fixtures" / "vault"
AS_OF = date(2026, 11, 25)
NOW = datetime(2026, 11, 20, 9, 0)

# Every secret in the fixtures: passwords (also old ones), TOTP seeds, notes, hidden custom
# fields, a card number and code, an attachment's content (base64 in KeePass XML, and as text).
SECRETS = (
    "PW-Geheim", "TOTPSEEDGEHEIM", "NOTE-Geheim", "HIDDEN-Geheim", "CVC-Geheim",
    "4111111111111111", "QVRUQUNILUdlaGVpbS1iaWpsYWdlLTEz", "ATTACH-Geheim", "pincode",
    "herstelcode", "tenant=x", "key=x", "otpauth",
)  # fmt: skip


def parse(name: str):
    return etl.parse_file(FIXTURES / name, as_of=AS_OF)


# ------------------------------------------------------------------------- Bitwarden
def test_bitwarden_csv_keeps_item_folder_host_and_login_only() -> None:
    export_ = parse("bitwarden.csv")
    assert (export_.source, export_.kind) == ("vault", "vault")
    first = export_.access[0]
    assert first.category == "credentials"
    assert first.item == "Klanten/Kapsalon Testknip/Microsoft 365 beheer"
    assert first.system == "portal.office.example"  # the host: no path, no query
    assert first.holder == "beheer@kapsalon-testknip.example"
    assert first.hints[:2] == ("Microsoft 365 beheer", "Kapsalon Testknip")
    assert first.emails == ("beheer@kapsalon-testknip.example",)
    assert first.fields == ("username", "website")
    # notes, custom field, password, totp; 4 passwords; 1 secure note's text
    assert export_.secrets_dropped == 8
    assert export_.scopes == ("vault:bitwarden",)


def test_bitwarden_csv_preview_marks_secret_columns() -> None:
    mapped = parse("bitwarden.csv").columns_mapped
    assert mapped["login_password"] == mapped["login_totp"] == "access.secret"
    assert mapped["notes"] == mapped["fields"] == "access.secret"
    assert mapped["login_username"] == "vault.username"


def test_bitwarden_json_counts_history_cards_and_custom_fields() -> None:
    export_ = parse("bitwarden.json")
    assert [a.item for a in export_.access] == [
        "Klanten/Kapsalon Testknip/Microsoft 365 beheer",
        "Bakkerij Proefdeeg creditcard",
        "Intern/Wifi vergaderzaal",
    ]
    assert export_.access[0].ref == "a0000000-0000-4000-8000-000000000001"
    assert export_.access[0].seen_on == date(2026, 2, 1)
    # login: notes, 2 custom fields, 1 old password, password, totp = 6; card: number,
    # code, expiry month and year = 4; secure note: its text = 1.
    assert export_.secrets_dropped == 11


def test_encrypted_bitwarden_export_is_refused_with_what_to_do() -> None:
    with pytest.raises(ImportRefused) as caught:
        parse("bitwarden-encrypted.json")
    assert str(caught.value) == (
        "bitwarden-encrypted.json: this Bitwarden export is encrypted; export the vault again "
        "as plain .json or .csv (not 'encrypted'), import it and delete the file."
    )


# ------------------------------------------------------------------------- KeePass
def test_keepass_1x_csv() -> None:
    export_ = parse("keepass.csv")
    assert etl.detect(FIXTURES / "keepass.csv").kind_id == "vault.keepass"
    assert [a.holder for a in export_.access] == ["kassa@kapsalon-testknip.example", "beheerder"]
    assert export_.access[1].system == "nas.bakkerij-proefdeeg.example"
    assert export_.secrets_dropped == 3  # two passwords, one comment


def test_keepassxc_csv_groups_become_folders_without_root() -> None:
    export_ = parse("keepassxc.csv")
    assert [a.item for a in export_.access] == ["Klanten/Kapsalon Testknip/Router",
                                                "Intern/Backup-server"]  # fmt: skip
    assert export_.access[0].seen_on == date(2026, 1, 10)
    assert export_.secrets_dropped == 4


def test_keepass_xml_drops_strings_attachments_and_history() -> None:
    export_ = parse("keepass.xml")
    entry = export_.access[0]
    assert entry.item == "Kapsalon Testknip/Boekingssysteem beheer"
    assert entry.system == "boeken.kapsalon-testknip.example"
    assert entry.ref == "ZW50cnl1dWlkMDAwMDAwMQ=="
    assert entry.seen_on == date(2026, 1, 5)
    # Password, Notes, otp, Herstelcode, one attachment, the old password; the bin entry's
    # password and its empty URL (not a secret: empty).
    assert export_.secrets_dropped == 7
    assert export_.access[1].item == "Prullenbak/Bakkerij Proefdeeg webshop"
    assert texts(export_.warnings) == (
        "1 entries are in KeePass's Recycle Bin: they still count as held until the bin is "
        "emptied.",
    )


def test_keepass_xml_with_a_doctype_is_refused() -> None:
    with pytest.raises(ImportRefused, match="declares a DOCTYPE or entities"):
        parse("keepass-doctype.xml")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("kluis.xml", "<KeePassFile><Meta/></KeePassFile>", "is not a KeePass export"),
        ("kluis.xml", "<KeePassFile><Root><Group>", "the XML is damaged"),
        ("kluis.csv", "folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,"
         "login_password,login_totp\n", "holds no vault items"),
        ("kluis.json", '{"encrypted": false, "folders": [], "items": []}', "holds no vault items"),
    ],
)  # fmt: skip
def test_refusals_are_one_sentence(tmp_path: Path, name: str, content: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(ImportRefused) as caught:
        etl.parse_file(path)
    assert str(caught.value).startswith(f"{name}: ") and message in str(caught.value)


def test_source_vault_narrows_detection(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    shutil.copy(FIXTURES.parent / "transip" / "transip_vps.json", path)
    with pytest.raises(ImportRefused, match="not a Bitwarden or KeePass export"):
        etl.detect(path, "vault")


# ------------------------------------------------------------------------- the proof
def _every_value(db: Path) -> str:
    """Every cell of every table as text: compression in the file cannot hide a value."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = [r[0] for r in con.execute("SHOW TABLES").fetchall()]
        parts = []
        for table in tables:
            parts.extend(repr(row) for row in con.execute(f'SELECT * FROM "{table}"').fetchall())
        return "\n".join(parts)
    finally:
        con.close()


def _absent(where: str, text: str | bytes) -> None:
    for secret in SECRETS:
        needle = secret.encode() if isinstance(text, bytes) else secret
        assert needle not in text, f"{secret!r} found in {where}"


def test_no_secret_reaches_the_database_report_logs_output_or_exports(
    tmp_path: Path, capsys, caplog, monkeypatch
) -> None:
    db = tmp_path / "kluis.duckdb"
    monkeypatch.setenv("COMPLIANCE_DB", str(db))
    people = export("eboekhouden", [
        relation("K100", "Kapsalon Testknip B.V.", kvk="90000100", added_on=date(2021, 9, 1)),
        relation("K200", "Bakkerij Proefdeeg", kvk="90000200", added_on=date(2020, 3, 3)),
    ], invoices=[("F1", "K100", date(2025, 1, 10)), ("F2", "K200", date(2026, 10, 1))])  # fmt: skip
    store.load_export(db, people, "relaties.csv", "sha-people", "test", NOW)
    caplog.set_level(logging.DEBUG)
    files = [str(FIXTURES / n) for n in ("bitwarden.csv", "bitwarden.json", "keepass.csv",
                                          "keepassxc.csv", "keepass.xml")]  # fmt: skip
    assert main(["import", "--db", str(db), *files]) == 0
    store.add_request(db, type="termination", received_on=date(2026, 3, 2), channel="post",
                      kvk="90000100", actor="test", now=NOW)  # fmt: skip
    assert main(["report", "--db", str(db), "--as-of", AS_OF.isoformat(), "--format", "json"]) == 0
    assert main(["report", "--db", str(db), "--as-of", AS_OF.isoformat(), "--format", "text"]) == 0
    out = capsys.readouterr()
    assert "secret fields" in out.out  # the summary says how many were dropped
    assert "former_client_access" in out.out  # and the data did arrive

    # Every export the dashboard and the CLI offer at this point.
    exports: list[tuple[str, bytes]] = []
    commands = build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    kapsalon = int(store.subjects(db).query("kvk == '90000100'")["id"].iloc[0])
    if "audit" in commands:
        book = tmp_path / "audit.xlsx"
        assert (
            main(["audit", "--db", str(db), "--as-of", AS_OF.isoformat(), "--out", str(book)]) == 0
        )
        exports.append(("audit workbook", _unzipped(book)))
    if "access-overview" in commands:
        book = tmp_path / "inzage.xlsx"
        assert main(["access-overview", "--db", str(db), "--subject", str(kapsalon),
                     "--out", str(book), "--as-of", AS_OF.isoformat()]) == 0  # fmt: skip
        exports.append(("access-overview workbook", _unzipped(book)))
    exports.extend(_page_exports(db, kapsalon))
    out = capsys.readouterr()

    raw = db.read_bytes() + (db.with_suffix(".duckdb.wal").read_bytes()
                             if db.with_suffix(".duckdb.wal").exists() else b"")  # fmt: skip
    _absent("the database file", raw)
    _absent("the database tables", _every_value(db))
    _absent("the CLI output", out.out + out.err)
    _absent("the logs", "\n".join(r.getMessage() for r in caplog.records) + caplog.text)
    for where, data in exports:
        _absent(where, data)
    assert len(exports) >= 2


def _unzipped(path: Path) -> bytes:
    """An xlsx is a ZIP: its XML parts uncompressed, so a search can see the text."""
    import zipfile

    if not path.exists():
        return b""
    with zipfile.ZipFile(path) as archive:
        return b"".join(archive.read(name) for name in archive.namelist())


def _page_exports(db: Path, subject_id: int) -> list[tuple[str, bytes]]:
    """The Toegang page's CSV and the Inventaris access-request CSV, built as the pages do."""
    from compliance.policy import load_policy
    from compliance.report import build_snapshot
    from compliance.ui import Settings, csv_bytes
    from compliance.ui.access import access_frame, access_table
    from compliance.ui.inventory import subject_overview, subject_records_view
    from compliance.workdays import WorkCalendar

    policy = load_policy()
    s = Settings(db, AS_OF, "nl", policy, WorkCalendar.from_policy(policy.calendar), 1)
    snap = build_snapshot(db, policy, AS_OF)
    access = csv_bytes(access_table(s, access_frame(s, snap), full=True))
    person = snap.subjects[snap.subjects["id"] == subject_id].iloc[0]
    records = subject_records_view(s, subject_id, snap)
    requests = snap.requests[snap.requests["subject_id"] == subject_id]
    overview = csv_bytes(subject_overview(s, person, records, requests))
    assert b"Microsoft 365 beheer" in access  # the inventory is there, the secrets are not
    return [("the Toegang CSV", access), ("the access-request CSV", overview)]
