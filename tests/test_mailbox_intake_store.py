"""Mail intake in a real DuckDB file: one message raising several requests (each its own
deadline), a message te beoordelen ('unclear') running the shortest deadline its candidate
types could have, the owner confirming it (same request number, a row per further type,
the end of cooperation) or dismissing it, the choice kept across re-imports and in the
audit log; the evidence rows, replaced on re-import and blanked on redaction; migration 8
from a version-7 file.

The messages are clear-cut ("Hierbij zeg ik het contract op."): what is tested is the
store, not the wording of the rules. A message is te beoordelen here because the receiving
server could not confirm the sender (forged mail must never end a contract by itself).
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest

from compliance import schema, store
from compliance.importing import import_file
from compliance.policy import load_policy
from compliance.report import build_snapshot, report_dict
from compliance.store import connection
from tests.factories import IBAN_A, NOW, export, relation

POLICY = load_policy()
AS_OF = date(2026, 4, 28)
KARIN = "karin@installatie.example.nl"
# What Exchange Online writes when SPF, DKIM and DMARC all failed: the sender is unconfirmed.
FORGED = (
    "Authentication-Results: spf=fail (sender IP is 192.0.2.7) "
    "smtp.mailfrom=installatie.example.nl; dkim=fail header.d=installatie.example.nl; "
    "dmarc=fail action=none header.from=installatie.example.nl"
)
TERMINATION = "Hierbij zeg ik het contract op."
ERASURE = "Ik verzoek u al mijn persoonsgegevens te verwijderen."
ACCESS = "Ik wil graag inzage in mijn persoonsgegevens."


def eml(
    folder: Path,
    name: str,
    body: str,
    *,
    subject: str = "Ons contract",
    sender: str = KARIN,
    message_id: str | None = None,
    when: str = "Fri, 24 Apr 2026 10:00:00 +0200",
    headers: tuple[str, ...] = (),
    in_reply_to: str | None = None,
) -> Path:
    """One real .eml file from an obviously fake person."""
    lines = [
        f"From: Karin Voorbeeld <{sender}>",
        "To: ICT Roermond <info@ictroermond.nl>",
        f"Subject: {subject}",
        f"Date: {when}",
        f"Message-ID: <{message_id or name}@installatie.example.nl>",
        *([f"In-Reply-To: <{in_reply_to}>", f"References: <{in_reply_to}>"] if in_reply_to
          else []),
        *headers,
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=utf-8",
        "",
        "Beste ICT Roermond,",
        "",
        body,
        "",
        "Met vriendelijke groet,",
        "Karin Voorbeeld",
        "",
    ]  # fmt: skip
    path = folder / f"{name}.eml"
    path.write_bytes("\r\n".join(lines).encode())
    return path


def mid(name: str) -> str:
    return f"{name}@installatie.example.nl"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "intake.duckdb"


def load(db: Path, path: Path, now: datetime = NOW) -> None:
    import_file(db, path, actor="test", now=now)


def with_bookkeeping(db: Path) -> None:
    """Karin's company is a client: invoiced, a direct-debit mandate."""
    karin = relation("K1", "Voorbeeld Installatietechniek B.V.", kvk="90000010",
                     emails=(KARIN,), iban=IBAN_A, added_on=date(2019, 1, 15))  # fmt: skip
    parsed = export("eboekhouden", [karin], invoices=[("F1", "K1", date(2026, 1, 5))],
                    direct_debit=("K1",))  # fmt: skip
    store.load_export(db, parsed, "relaties.csv", "sha-bookkeeping", "test", NOW)


def snapshot(db: Path, as_of: date = AS_OF) -> dict:
    return report_dict(build_snapshot(db, POLICY, as_of))


def mail_requests(db: Path) -> list[dict]:
    """The snapshot's requests from mail, by number, with their candidates."""
    snap = build_snapshot(db, POLICY, AS_OF)
    rows = snap.requests[snap.requests["source"] == "mailbox"].sort_values("id")
    return [
        {"id": int(r["id"]), "type": r["type"], "candidates": list(r["candidates"]),
         "received_on": r["received_on"], "respond_by": r["respond_by"]}
        for r in rows.to_dict("records")
    ]  # fmt: skip


def karin_status(db: Path) -> tuple[str, str | None]:
    karin = next(s for s in snapshot(db)["subjects"] if KARIN in s["emails"])
    return karin["status"], karin["end_of_cooperation"]


def actions(db: Path) -> list[str]:
    return list(reversed(store.audit_log(db, limit=None)["action"]))


def audit_details(db: Path, action: str) -> list[dict]:
    log = store.audit_log(db, limit=None)
    return [json.loads(d) for d in reversed(list(log[log["action"] == action]["detail"]))]


# ------------------------------------------------------------------ several requests
def test_one_message_raises_a_request_per_type_each_with_its_own_deadline(
    db: Path, tmp_path: Path
) -> None:
    load(db, eml(tmp_path, "both", f"{TERMINATION} {ERASURE}"))
    rows = mail_requests(db)
    assert [(r["type"], r["candidates"]) for r in rows] == [("termination", []),
                                                            ("erasure", [])]  # fmt: skip
    assert {r["received_on"] for r in rows} == {date(2026, 4, 24)}
    due = {r["type"]: r["respond_by"] for r in rows}
    # Friday 24 April, Koningsdag on Monday 27th: five working days end Monday 4 May.
    assert due["termination"] == date(2026, 5, 4)
    # One month: Sunday 24 May, Whit Monday the 25th, so Tuesday 26 May.
    assert due["erasure"] == date(2026, 5, 26)
    msgs = store.messages(db).set_index("message_id")
    m = msgs.loc[mid("both")]
    assert list(m["classes"]) == list(m["automatic"]) == ["termination", "erasure"]
    assert m["overruled_to"] is None and m["language"] == "nl"
    assert sorted(m["request_ids"]) == [r["id"] for r in rows] and m["request_id"] == rows[0]["id"]
    added = audit_details(db, "request_add")
    assert [(a["type"], a["message_id"]) for a in added] == [("termination", mid("both")),
                                                             ("erasure", mid("both"))]  # fmt: skip


def test_importing_the_same_file_again_keeps_the_requests(db: Path, tmp_path: Path) -> None:
    path = eml(tmp_path, "both", f"{TERMINATION} {ERASURE}")
    load(db, path)
    before = store.requests(db)
    evidence = store.message_evidence(db)
    copy = tmp_path / "again.eml"
    copy.write_bytes(path.read_bytes() + b"\r\n")  # other bytes, the same message
    load(db, copy)
    assert store.requests(db).equals(before)
    # The evidence is replaced by the latest reading, not added to.
    assert store.message_evidence(db).equals(evidence) and len(evidence)


# ------------------------------------------------------------------ te beoordelen
@pytest.mark.parametrize(
    ("body", "candidates", "due"),
    [
        # A termination is confirmed in 5 working days: the shortest it could carry.
        (TERMINATION, ["termination"], date(2026, 5, 4)),
        # Only access possible: its one month (24 May is a Sunday, the 25th Whit Monday).
        (ACCESS, ["access"], date(2026, 5, 26)),
    ],
    ids=["termination", "access"],
)
def test_a_message_te_beoordelen_runs_the_shortest_deadline_of_its_candidates(
    db: Path, tmp_path: Path, body: str, candidates: list[str], due: date
) -> None:
    load(db, eml(tmp_path, "forged", body, headers=(FORGED,)))
    (row,) = mail_requests(db)
    assert (row["type"], row["candidates"], row["respond_by"]) == ("unclear", candidates, due)
    msgs = store.messages(db).set_index("message_id")
    assert list(msgs.loc[mid("forged"), "classes"]) == ["unclear"]
    assert list(msgs.loc[mid("forged"), "candidates"]) == candidates
    evidence = store.message_evidence(db, [mid("forged")])
    assert "unconfirmed" in set(evidence["status"])  # why: the server's check
    assert set(evidence["message_id"]) == {mid("forged")}
    (added,) = audit_details(db, "request_add")
    assert (added["type"], added["candidates"]) == ("unclear", candidates)


def test_overruled_to_te_beoordelen_without_candidates_the_shortest_of_all(
    db: Path, tmp_path: Path
) -> None:
    load(db, eml(tmp_path, "question", "Kunnen we morgen bellen over de nieuwe laptop?"))
    assert mail_requests(db) == []
    store.overrule_message(db, mid("question"), ["unclear"], "twijfel", "owner", NOW)
    (row,) = mail_requests(db)
    # No candidate: any type may be meant, so the shortest (5 working days) runs.
    assert (row["type"], row["candidates"], row["respond_by"]) == ("unclear", [],
                                                                  date(2026, 5, 4))  # fmt: skip


def test_a_request_te_beoordelen_does_not_end_the_cooperation(db: Path, tmp_path: Path) -> None:
    with_bookkeeping(db)
    load(db, eml(tmp_path, "forged", TERMINATION, headers=(FORGED,)))
    assert karin_status(db) == ("client", None)


def test_an_overdue_request_te_beoordelen_everywhere_a_request_shows(
    db: Path, tmp_path: Path
) -> None:
    """Past its (shortest) deadline it is an overdue request like any other: a finding, in
    the text report, the audit workbook and the access overview, under its own label."""
    from compliance.access_overview import overview_workbook
    from compliance.audit import build_workbook
    from compliance.report import report_text

    load(db, eml(tmp_path, "forged", TERMINATION, headers=(FORGED,)))
    as_of = date(2026, 5, 6)
    built = build_snapshot(db, POLICY, as_of)
    (req,) = built.requests.to_dict("records")
    assert (req["type"], req["candidates"], req["status"]) == ("unclear", ["termination"],
                                                               "overdue")  # fmt: skip
    snap = report_dict(built)
    assert [r["type"] for r in snap["requests"]] == ["unclear"]
    (finding,) = [f for f in snap["findings"] if f["code"] == "request_overdue"]
    assert "Te beoordelen (mogelijk verzoek)" in finding["message"]
    assert "Te beoordelen (mogelijk verzoek)" in report_text(built, POLICY, "nl")
    assert "To review (possibly a request)" in report_text(built, POLICY, "en")
    book = build_workbook(db, POLICY, as_of, "nl")
    assert book.to_bytes()
    overview = overview_workbook(db, POLICY, req["subject_id"], as_of, "nl", built)
    assert overview.to_bytes()


def test_confirming_te_beoordelen_keeps_its_number_and_adds_a_row_per_further_type(
    db: Path, tmp_path: Path
) -> None:
    with_bookkeeping(db)
    load(db, eml(tmp_path, "forged", TERMINATION, headers=(FORGED,)))
    (unclear,) = mail_requests(db)
    store.overrule_message(db, mid("forged"), ["termination", "erasure"],
                           "Karin bevestigde telefonisch", "owner", NOW)  # fmt: skip
    rows = mail_requests(db)
    assert [(r["id"], r["type"], r["candidates"]) for r in rows] == [
        (unclear["id"], "termination", []), (unclear["id"] + 1, "erasure", [])]  # fmt: skip
    due = {r["type"]: r["respond_by"] for r in rows}
    assert due == {"termination": date(2026, 5, 4), "erasure": date(2026, 5, 26)}
    # A confirmed termination makes Karin a former client from the day it was received.
    assert karin_status(db) == ("former_client", "2026-04-24")

    (overruled,) = audit_details(db, "message_overruled")
    assert overruled == {"message_id": mid("forged"), "automatic": ["unclear"],
                         "before": ["unclear"], "to": ["termination", "erasure"],
                         "reason": "Karin bevestigde telefonisch"}  # fmt: skip
    (retyped,) = audit_details(db, "request_retyped")
    assert (retyped["request_id"], retyped["from"], retyped["to"]) == (unclear["id"], "unclear",
                                                                       "termination")  # fmt: skip
    assert retyped["candidates_before"] == ["termination"]
    assert [a["type"] for a in audit_details(db, "request_add")] == ["unclear", "erasure"]
    msgs = store.messages(db).set_index("message_id")
    m = msgs.loc[mid("forged")]
    assert list(m["automatic"]) == ["unclear"] and list(m["overruled_to"]) == list(m["classes"])
    assert list(m["classes"]) == ["termination", "erasure"]
    assert m["overrule_reason"] == "Karin bevestigde telefonisch"


def test_dismissing_te_beoordelen_removes_the_request(db: Path, tmp_path: Path) -> None:
    with_bookkeeping(db)
    load(db, eml(tmp_path, "forged", TERMINATION, headers=(FORGED,)))
    (unclear,) = mail_requests(db)
    store.overrule_message(db, mid("forged"), ["contact"], "geen opzegging, een grap", "owner",
                           NOW)  # fmt: skip
    assert mail_requests(db) == []
    assert karin_status(db) == ("client", None)
    (removed,) = audit_details(db, "request_removed")
    assert removed["id"] == str(unclear["id"]) and removed["type"] == "unclear"
    assert removed["reason"] == "message classified as contact"


def test_the_owners_choice_survives_a_re_import(db: Path, tmp_path: Path) -> None:
    with_bookkeeping(db)
    path = eml(tmp_path, "forged", TERMINATION, headers=(FORGED,))
    load(db, path)
    store.overrule_message(db, mid("forged"), ["termination", "erasure"], "bevestigd", "owner",
                           NOW)  # fmt: skip
    before = store.requests(db)
    logged = len(store.audit_log(db, limit=None))
    copy = tmp_path / "opnieuw.eml"
    copy.write_bytes(path.read_bytes() + b"\r\n")
    load(db, copy)
    assert store.requests(db).equals(before)
    assert [r["type"] for r in mail_requests(db)] == ["termination", "erasure"]
    assert karin_status(db) == ("former_client", "2026-04-24")
    # Nothing was retyped, added or removed again: only the import itself is logged.
    new = actions(db)[logged:]
    assert not {"request_add", "request_retyped", "request_removed"} & set(new)


def test_retyping_a_confirmed_request_keeps_its_number(db: Path, tmp_path: Path) -> None:
    load(db, eml(tmp_path, "both", f"{TERMINATION} {ERASURE}"))
    first, _erasure = mail_requests(db)
    store.overrule_message(db, mid("both"), ["access"], "bedoelde inzage", "owner", NOW)
    rows = mail_requests(db)
    # The first row (termination) becomes the access request, the erasure one goes.
    assert [(r["id"], r["type"]) for r in rows] == [(first["id"], "access")]
    assert [a["from"] for a in audit_details(db, "request_retyped")] == ["termination"]
    assert [a["type"] for a in audit_details(db, "request_removed")] == ["erasure"]


# ------------------------------------------------------------------ follow-ups per type
def test_a_reply_is_a_follow_up_of_its_own_type_only(db: Path, tmp_path: Path) -> None:
    load(db, eml(tmp_path, "first", TERMINATION, subject="Opzegging"))
    # The same termination again in the thread: a reminder, not a second request.
    load(db, eml(tmp_path, "again", TERMINATION, subject="Re: Opzegging",
                 when="Mon, 4 May 2026 09:00:00 +0200", in_reply_to=mid("first")))  # fmt: skip
    # An access request in the same thread is a request of its own.
    load(db, eml(tmp_path, "access", ACCESS, subject="Re: Opzegging",
                 when="Tue, 5 May 2026 09:00:00 +0200", in_reply_to=mid("first")))  # fmt: skip
    snap = build_snapshot(db, POLICY, date(2026, 5, 6))
    rows = snap.requests.sort_values("id")
    assert list(rows["type"]) == ["termination", "access"]
    msgs = store.messages(db).set_index("message_id")
    assert bool(msgs.loc[mid("again"), "in_request_thread"])
    assert list(msgs.loc[mid("again"), "request_ids"]) == []
    assert len(msgs.loc[mid("access"), "request_ids"]) == 1


# ------------------------------------------------------------------ evidence
def test_evidence_rows_and_their_redaction(db: Path, tmp_path: Path) -> None:
    load(db, eml(tmp_path, "both", f"{TERMINATION} {ERASURE}", sender="lotte@voorbeeld.example.nl"))
    found = store.message_evidence(db)
    assert list(found.columns) == ["message_id", "position", "type", "status", "rule",
                                   "language", "place", "sentence"]  # fmt: skip
    counted = found[found["status"] == "counted"]
    assert {"termination", "erasure"} <= set(counted["type"])
    assert any(TERMINATION in s for s in counted["sentence"])
    assert list(found["position"]) == list(range(len(found)))
    assert store.message_evidence(db, ["nobody@example.nl"]).empty
    # The owner deletes the mail of a prospect: the sentences are her words, blanked too.
    subject_id = int(store.messages(db)["subject_id"].iloc[0])
    store.mark_deleted(db, subject_id=subject_id, category="contact", source="mailbox",
                       deleted_on=date(2026, 11, 20), evidence="mailbox opgeschoond",
                       actor="owner", now=NOW)  # fmt: skip
    after = store.message_evidence(db)
    assert len(after) == len(found) and set(after["sentence"]) == {""}
    assert list(after["rule"]) == list(found["rule"])  # which rule held is the policy's


# ------------------------------------------------------------------ migration 8
def test_migration_8_from_a_version_7_database(tmp_path: Path, monkeypatch) -> None:
    db = tmp_path / "old.duckdb"
    monkeypatch.setattr(connection, "MIGRATIONS", schema.MIGRATIONS[:7])
    connection._CURRENT.clear()
    store.ensure_database(db)
    con = duckdb.connect(str(db))
    con.execute("""
        INSERT INTO messages VALUES
          ('old-1@example.nl', TIMESTAMP '2026-04-24 10:00', 'karin@installatie.example.nl',
           ['info@ictroermond.nl'], 'Opzegging', 'inbound', 'karin@installatie.example.nl',
           'termination', ['subject:opzegging', 'body:beeindig* … samenwerking'], NULL, [],
           false, 1, 1),
          ('old-2@example.nl', TIMESTAMP '2026-04-25 10:00', 'noreply@shop.example.com',
           ['info@ictroermond.nl'], 'Uw bestelling', 'inbound', 'noreply@shop.example.com',
           'noise', ['sender:noreply@*', 'metadata_only'], NULL, [], true, 1, 1),
          ('old-3@example.nl', TIMESTAMP '2026-04-26 10:00', 'jan@nepnet.example.nl',
           ['info@ictroermond.nl'], 'Offerte', 'inbound', 'jan@nepnet.example.nl',
           'contact', [], NULL, [], false, 1, 1)
    """)
    con.execute("INSERT INTO message_overrules VALUES ('old-3@example.nl', 'erasure', "
                "'vroeg ook om wissen', 'owner', TIMESTAMP '2026-04-27 09:00')")  # fmt: skip
    con.execute("INSERT INTO requests VALUES (1, 'termination', NULL, NULL, "
                "'karin@installatie.example.nl', NULL, 'email', DATE '2026-04-24', NULL, false, "
                "'mailbox', 'old-1@example.nl', TIMESTAMP '2026-04-24 11:00', 'test')")  # fmt: skip
    con.close()

    monkeypatch.setattr(connection, "MIGRATIONS", schema.MIGRATIONS[:8])
    connection._CURRENT.clear()
    assert store.pending_migrations(db) == [8]
    msgs = store.messages(db).set_index("message_id")
    assert "classification" not in msgs.columns and "matched" not in msgs.columns
    assert list(msgs.loc["old-1@example.nl", "classes"]) == ["termination"]
    assert list(msgs.loc["old-1@example.nl", "candidates"]) == []
    assert msgs.loc["old-1@example.nl", "language"] is None
    assert list(msgs.loc["old-3@example.nl", "automatic"]) == ["contact"]
    assert list(msgs.loc["old-3@example.nl", "overruled_to"]) == ["erasure"]
    assert list(msgs.loc["old-3@example.nl", "classes"]) == ["erasure"]
    evidence = store.message_evidence(db)
    assert [tuple(r) for r in evidence.itertuples(index=False)] == [
        ("old-1@example.nl", 0, "termination", "counted", "opzegging", None, "subject", ""),
        ("old-1@example.nl", 1, "termination", "counted", "beeindig* … samenwerking", None,
         "text", ""),
        ("old-2@example.nl", 0, "noise", "counted", "noreply@*", None, "sender", ""),
    ]  # fmt: skip
    with store.reading(db) as conn:
        cols = {r[0] for r in conn.execute("DESCRIBE message_overrules").fetchall()}
        assert "classification" not in cols and "classes" in cols
        assert conn.execute("SELECT type, candidates FROM requests").fetchall() == [
            ("termination", None)]  # fmt: skip
    assert (8, schema.MIGRATIONS[7][1]) in store.applied_migrations(db)
    # The migrated file works on: the overrule holds, a sync makes the erasure request.
    store.overrule_message(db, "old-3@example.nl", ["erasure", "objection"], "ook bezwaar",
                           "owner", NOW)  # fmt: skip
    got = store.requests(db).sort_values("id")
    assert list(got["type"]) == ["termination", "erasure", "objection"]
