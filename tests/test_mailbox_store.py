"""Mailbox exports in a real DuckDB file: requests from mail, answers in the thread (same or
separate export), overrules kept across re-imports, the prospect clock and the end of
cooperation, with POLICY.md's deadline examples; and no message text in the database."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

import pytest

from compliance import store
from compliance.importing import import_file
from compliance.policy import load_policy
from compliance.report import build_snapshot, report_dict
from tests.factories import IBAN_A, NOW, export, relation

FIXTURES = Path(__file__).parent / "fixtures" / "mailbox"
DISTINCTIVE = "De zonnebloemen op de vensterbank van kantoor Zwanenveld zijn verwelkt."


def load(db: Path, *names: str, now: datetime = NOW) -> None:
    for name in names:
        import_file(db, FIXTURES / name if "/" not in name else Path(name), actor="test", now=now)


def snapshot(db: Path, as_of: date):
    return report_dict(build_snapshot(db, load_policy(), as_of))


def requests_by_email(db: Path, as_of: date) -> dict[str, dict]:
    return {r["email"]: r for r in snapshot(db, as_of)["requests"]}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "mail.duckdb"


def with_bookkeeping(db: Path) -> None:
    """Karin's company is a client (invoiced, a direct-debit mandate); nobody else is."""
    karin = relation("K1", "Voorbeeld Installatietechniek B.V.", kvk="90000010",
                     emails=("karin@installatie.example.nl",), iban=IBAN_A,
                     added_on=date(2019, 1, 15))  # fmt: skip
    parsed = export("eboekhouden", [karin], invoices=[("F1", "K1", date(2026, 1, 5))],
                    direct_debit=("K1",))  # fmt: skip
    store.load_export(db, parsed, "relaties.csv", "sha-bookkeeping", "test", NOW)


# ------------------------------------------------------------------ requests and answers
def test_requests_from_mail_with_the_policy_deadlines(db: Path) -> None:
    load(db, "inbox.mbox")
    req = requests_by_email(db, date(2026, 11, 25))
    assert set(req) == {"piet@example.nl", "karin@installatie.example.nl"}
    access = req["piet@example.nl"]
    # Received 30 Jan 23:30 UTC = Saturday 31 January in Amsterdam: one month ends on
    # Saturday 28 February, so Monday 2 March (POLICY.md).
    assert (access["type"], access["received_on"], access["respond_by"]) == (
        "access", "2026-01-31", "2026-03-02")  # fmt: skip
    # Answered in the same export, by a reply whose In-Reply-To names the request.
    assert (access["answered_on"], access["status"]) == ("2026-02-20", "answered")
    termination = req["karin@installatie.example.nl"]
    # Friday 24 April, Koningsdag on Monday 27th: five working days end Monday 4 May.
    assert (termination["received_on"], termination["respond_by"]) == ("2026-04-24",
                                                                        "2026-05-04")  # fmt: skip
    assert termination["status"] == "overdue" and termination["answered_on"] is None
    rows = store.requests(db)
    assert set(rows["source"]) == {"mailbox"} and set(rows["channel"]) == {"email"}


def test_an_answer_in_a_separate_sent_items_export(db: Path) -> None:
    load(db, "inbox.mbox", "sent-items.mbox")
    termination = requests_by_email(db, date(2026, 11, 25))["karin@installatie.example.nl"]
    # "RE: Opzegging dienstverlening" to Karin on 29 April, no In-Reply-To: the subject.
    assert (termination["answered_on"], termination["status"]) == ("2026-04-29", "answered")
    outcome = store.request_outcomes(db)
    assert "answer-termination@ictroermond.nl" in set(outcome["answer_message_id"])
    log = store.audit_log(db)
    assert (log["action"] == "request_answered").sum() == 2


def test_sent_items_first_then_the_inbox(db: Path) -> None:
    load(db, "sent-items.mbox", "inbox.mbox")
    req = requests_by_email(db, date(2026, 11, 25))
    assert req["karin@installatie.example.nl"]["answered_on"] == "2026-04-29"


def test_a_reminder_in_the_thread_is_not_a_second_request(db: Path, tmp_path: Path) -> None:
    load(db, "inbox.mbox")
    reminder = tmp_path / "herinnering.eml"
    reminder.write_bytes(
        b"From: Piet Verzonnen <piet@example.nl>\r\nTo: info@ictroermond.nl\r\n"
        b"Subject: Re: Inzageverzoek\r\nDate: Mon, 16 Feb 2026 10:00:00 +0100\r\n"
        b"Message-ID: <reminder@example.nl>\r\nIn-Reply-To: <access-1@example.nl>\r\n"
        b"References: <access-1@example.nl>\r\n\r\n"
        b"Ik heb nog geen antwoord op mijn inzageverzoek. Ik wil nog steeds graag inzage in "
        b"mijn persoonsgegevens.\r\n"
    )
    load(db, str(reminder))
    assert len(store.requests(db)) == 2
    msgs = store.messages(db).set_index("message_id")
    assert list(msgs.loc["reminder@example.nl", "classes"]) == ["access"]
    assert bool(msgs.loc["reminder@example.nl", "in_request_thread"])


def test_importing_the_same_messages_again_changes_nothing(db: Path, tmp_path: Path) -> None:
    load(db, "inbox.mbox")
    copy = tmp_path / "inbox-again.mbox"
    copy.write_bytes((FIXTURES / "inbox.mbox").read_bytes() + b"\n")  # other bytes, same mail
    before = store.requests(db)
    load(db, str(copy))
    assert store.requests(db).equals(before)
    assert len(store.messages(db)) == 6


# ------------------------------------------------------------------ overrules
def test_an_overrule_is_kept_across_re_imports(db: Path, tmp_path: Path) -> None:
    load(db, "inbox.mbox")
    store.overrule_message(db, "access-1@example.nl", ["contact"],
                           "vraag van een klant, geen inzageverzoek", "owner", NOW)  # fmt: skip
    assert "piet@example.nl" not in requests_by_email(db, date(2026, 11, 25))
    store.overrule_message(db, "quote-1@nepnet.example.nl", ["erasure"], "vroeg ook om wissen",
                           "owner", NOW)  # fmt: skip
    assert requests_by_email(db, date(2026, 11, 25))["jan@nepnet.example.nl"]["type"] == "erasure"

    copy = tmp_path / "inbox-opnieuw.mbox"
    copy.write_bytes((FIXTURES / "inbox.mbox").read_bytes() + b"\n")
    load(db, str(copy))
    req = requests_by_email(db, date(2026, 11, 25))
    assert "piet@example.nl" not in req and req["jan@nepnet.example.nl"]["type"] == "erasure"
    msgs = store.messages(db).set_index("message_id")
    assert list(msgs.loc["access-1@example.nl", "automatic"]) == ["access"]
    assert list(msgs.loc["access-1@example.nl", "classes"]) == ["contact"]
    assert list(msgs.loc["access-1@example.nl", "overruled_to"]) == ["contact"]
    assert msgs.loc["access-1@example.nl", "overrule_reason"].startswith("vraag van een klant")
    actions = list(store.audit_log(db)["action"])
    assert actions.count("message_overruled") == 2 and "request_removed" in actions


def test_overrule_refuses_nonsense(db: Path) -> None:
    load(db, "inbox.mbox")
    with pytest.raises(store.StoreError, match="not a class"):
        store.overrule_message(db, "access-1@example.nl", ["spam"], "x", "owner", NOW)
    with pytest.raises(store.StoreError, match="not a class"):
        store.overrule_message(db, "access-1@example.nl", ["access", "sent"], "x", "owner", NOW)
    with pytest.raises(store.StoreError, match="cannot be anything else"):
        store.overrule_message(db, "access-1@example.nl", ["access", "contact"], "x", "o", NOW)
    with pytest.raises(store.StoreError, match="cannot be anything else"):
        store.overrule_message(db, "access-1@example.nl", ["noise", "contact"], "x", "o", NOW)
    with pytest.raises(store.StoreError, match="Choose what"):
        store.overrule_message(db, "access-1@example.nl", [], "x", "owner", NOW)
    with pytest.raises(store.StoreError, match="Say why"):
        store.overrule_message(db, "access-1@example.nl", ["contact"], "  ", "owner", NOW)
    with pytest.raises(store.StoreError, match="no incoming message"):
        store.overrule_message(db, "answer-access-1@ictroermond.nl", ["access"], "x", "owner",
                               NOW)  # fmt: skip
    assert "message_overruled" not in set(store.audit_log(db)["action"])


def test_an_overruled_newsletter_sender_becomes_a_subject(db: Path) -> None:
    load(db, "inbox.mbox")
    store.overrule_message(db, "nb-feb@leverancier.example.nl", ["objection"],
                           "bezwaar in de nieuwsbrief-reply", "owner", NOW)  # fmt: skip
    req = requests_by_email(db, date(2026, 11, 25))["nieuwsbrief@leverancier.example.nl"]
    assert req["subject_id"] is not None and req["type"] == "objection"


# ------------------------------------------------------------------ life cycle
@pytest.mark.parametrize(
    ("last_mail", "due"),
    [
        ("Fri, 20 Mar 2026 09:45:00 +0100", "2026-06-20"),
        ("Mon, 30 Nov 2026 10:00:00 +0100", "2027-02-28"),  # clamped to the month end
        ("Tue, 30 Nov 2027 10:00:00 +0100", "2028-02-29"),  # a leap year
        ("Sat, 31 Jan 2026 00:30:00 +0000", "2026-04-30"),  # 01:30 local; April has 30 days
    ],
)
def test_a_prospect_is_due_three_calendar_months_after_the_last_mail(
    db: Path, tmp_path: Path, last_mail: str, due: str
) -> None:
    with_bookkeeping(db)  # invoices exist, so a sender without one is a prospect
    path = tmp_path / "offerte.eml"
    path.write_bytes(
        (f"From: Nepnet <jan@nepnet.example.nl>\r\nTo: info@ictroermond.nl\r\n"
         f"Subject: Offerte\r\nDate: {last_mail}\r\nMessage-ID: <q@nepnet.example.nl>\r\n\r\n"
         "Graag een offerte.\r\n").encode()
    )  # fmt: skip
    load(db, str(path))
    snap = snapshot(db, date(2028, 12, 31))
    nepnet = next(s for s in snap["subjects"] if "jan@nepnet.example.nl" in s["emails"])
    assert nepnet["status"] == "prospect" and nepnet["sources"] == ["mailbox"]
    (deletion,) = [d for d in snap["deletions"] if d["subject_id"] == nepnet["id"]]
    assert (deletion["category"], deletion["source"], deletion["due"]) == ("contact", "mailbox",
                                                                          due)  # fmt: skip


def test_later_mail_restarts_the_clock_and_an_invoice_stops_it(db: Path, tmp_path: Path) -> None:
    with_bookkeeping(db)
    load(db, "inbox.mbox")  # Nepnet: quote request 10 Feb, our quote 11 Feb, question 20 Mar

    def nepnet_due(as_of: date) -> tuple[str, str | None]:
        snap = snapshot(db, as_of)
        who = next(s for s in snap["subjects"] if "jan@nepnet.example.nl" in s["emails"])
        dues = [d for d in snap["deletions"] if d["subject_id"] == who["id"]]
        return who["status"], (dues[0]["due"], dues[0]["status"]) if dues else None

    assert nepnet_due(date(2026, 6, 20)) == ("prospect", ("2026-06-20", "due_soon"))
    assert nepnet_due(date(2026, 6, 21)) == ("prospect", ("2026-06-20", "overdue"))
    later = tmp_path / "later.eml"
    later.write_bytes(
        b"From: jan@nepnet.example.nl\r\nTo: info@ictroermond.nl\r\nSubject: Nog een vraag\r\n"
        b"Date: Tue, 02 Jun 2026 09:00:00 +0200\r\nMessage-ID: <later@nepnet.example.nl>\r\n"
        b"\r\nKunnen we bellen?\r\n"
    )
    load(db, str(later))
    assert nepnet_due(date(2026, 6, 21)) == ("prospect", ("2026-09-02", "scheduled"))
    # An invoice makes Nepnet a client: no clock runs any more.
    client = relation("R9", "Nepnet Consultancy", emails=("jan@nepnet.example.nl",),
                      added_on=date(2026, 2, 10))  # fmt: skip
    parsed = export("eboekhouden", [client], invoices=[("F9", "R9", date(2026, 6, 15))])
    store.load_export(db, parsed, "facturen.csv", "sha-nepnet", "test", NOW)
    assert nepnet_due(date(2026, 12, 1)) == ("client", None)


def test_a_termination_by_mail_ends_the_cooperation(db: Path) -> None:
    with_bookkeeping(db)
    load(db, "inbox.mbox")
    snap = snapshot(db, date(2026, 11, 25))
    karin = next(s for s in snap["subjects"] if "karin@installatie.example.nl" in s["emails"])
    assert karin["status"] == "former_client"
    assert karin["end_of_cooperation"] == "2026-04-24"
    dues = {(d["category"], d["source"]): d["due"] for d in snap["deletions"]
            if d["subject_id"] == karin["id"]}  # fmt: skip
    # Contact data: 7 years; the direct-debit mandate: 5 working days (POLICY.md).
    assert dues[("contact", "eboekhouden")] == "2033-04-24"
    assert dues[("contact", "mailbox")] == "2033-04-24"
    assert dues[("payment", "eboekhouden")] == "2026-05-04"


# ------------------------------------------------------------------ what is (not) kept
def test_no_message_text_reaches_the_database_file(db: Path, tmp_path: Path) -> None:
    load(db, "request-latin1.eml", "messages.zip")
    found = store.messages(db)
    assert "Beëindiging samenwerking" in set(found["subject"])  # the subject is kept
    for path in [db, *db.parent.glob(f"{db.name}*")]:
        raw = path.read_bytes()
        for needle in (DISTINCTIVE, "Zwanenveld", "zonnebloemen", "vensterbank"):
            for encoding in ("utf-8", "utf-16-le", "latin-1"):
                assert needle.encode(encoding) not in raw, (path.name, needle)
    # Nor in the audit log or any other table: compare every text the database answers.
    with store.reading(db) as conn:
        tables = [r[0] for r in conn.execute("SELECT table_name FROM information_schema.tables")
                  .fetchall()]  # fmt: skip
        for table in tables:
            text = conn.execute(f'SELECT * FROM "{table}"').df().to_csv()
            assert "Zwanenveld" not in text, table


def test_a_refused_mailbox_changes_nothing(db: Path, tmp_path: Path) -> None:
    load(db, "inbox.mbox")
    before = db.read_bytes()
    bad = tmp_path / "kapot.zip"
    shutil.copy(FIXTURES / "messages.zip", bad)
    with bad.open("r+b") as fh:
        fh.seek(40)
        fh.write(b"\xff" * 200)
    from etl.model import ImportRefused

    with pytest.raises(ImportRefused):
        load(db, str(bad))
    assert db.read_bytes() == before
