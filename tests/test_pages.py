"""Every dashboard page, run with Streamlit's AppTest on a real seeded DuckDB file.

The seeded data on the as-of date 2026-11-25 (a Wednesday), all people obviously fake:

    Actief Testbedrijf B.V.   client, invoiced in October           -> no clock runs
    Slapend Test VOF          client, last invoice January 2024    -> dormant (finding)
    Opgezegd Test B.V.        written termination 2026-06-01        -> former client;
        credentials (vault), IP address (TransIP), direct-debit mandate: overdue;
        contact details: 7 years, scheduled
    Piet Proefpersoon         prospect, last contact 2026-08-01     -> overdue (2026-11-01)
    Petra Voorbeeld           prospect, last contact 2026-09-15     -> due soon (2026-12-15)
    Kees Testschrijver        unknown sender of an access request   -> prospect without data

Requests: the termination (answered), an access request due 2026-11-27 (within five working
days) and a withdrawal of consent that was due 2026-11-17 (overdue, a finding).
"""

from __future__ import annotations

import ast
import csv
import io
import os
import re
from datetime import date, datetime
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from compliance import store
from compliance.i18n import t
from compliance.policy import load_policy
from compliance.report import build_snapshot
from compliance.store import review as review_store
from etl.model import InvoiceRow, ParsedExport, RecordRow, SubjectRow

ROOT = Path(__file__).resolve().parent.parent
AS_OF = date(2026, 11, 25)
NOW = datetime(2026, 11, 20, 9, 30)
PAGES = [
    "pages/overzicht.py",
    "pages/verzoeken.py",
    "pages/inventaris.py",
    "pages/toegang.py",
    "pages/cookies.py",
    "pages/verwijderingen.py",
    "pages/beleid.py",
    "pages/importeren.py",
    "pages/zo_werkt_het.py",
]
TITLES = {
    "pages/zo_werkt_het.py": "page.guide",
    "pages/overzicht.py": "page.overzicht",
    "pages/verzoeken.py": "page.verzoeken",
    "pages/inventaris.py": "page.inventaris",
    "pages/toegang.py": "page.toegang",
    "pages/cookies.py": "page.cookies",
    "pages/verwijderingen.py": "page.verwijderingen",
    "pages/beleid.py": "page.beleid",
    "pages/importeren.py": "page.importeren",
}
OVERDUE = 4  # Opgezegd: credentials, IP address, mandate; Piet: contact
DUE_SOON = 1  # Petra
REQUESTS_SOON = 2  # the access request (due 11-27) and the overdue withdrawal


def _bookkeeping() -> ParsedExport:
    subjects = (
        SubjectRow("K001", "Actief Testbedrijf B.V.", kvk="90000001", is_company=True,
                   emails=("info@actief-test.example",), added_on=date(2019, 1, 7)),
        SubjectRow("K002", "Opgezegd Test B.V.", kvk="90000002", is_company=True,
                   emails=("post@opgezegd-test.example",), added_on=date(2018, 3, 1)),
        SubjectRow("K003", "Piet Proefpersoon", is_company=False,
                   emails=("piet@proefpersoon.example",), added_on=date(2026, 7, 1)),
        SubjectRow("K004", "Petra Voorbeeld", is_company=False,
                   emails=("petra@voorbeeld.example",), added_on=date(2026, 9, 1)),
        SubjectRow("K005", "Slapend Test VOF", kvk="90000005", is_company=True,
                   added_on=date(2017, 5, 1)),
    )  # fmt: skip
    seen = {
        "K001": date(2026, 10, 1),
        "K002": date(2026, 5, 20),
        "K003": date(2026, 8, 1),
        "K004": date(2026, 9, 15),
        "K005": date(2024, 1, 10),
    }
    records = [
        RecordRow(ref, "contact", ref, ("name", "address", "email", "phone"),
                  seen_on=seen[ref], detail="relatiekaart")
        for ref in seen
    ]  # fmt: skip
    records.append(
        RecordRow("K002", "payment", "K002-iban", ("iban", "mandate"), basis="direct_debit",
                  seen_on=date(2026, 5, 20), detail="IBAN eindigend op 4300, incasso")
    )  # fmt: skip
    invoices = (
        InvoiceRow("2026-101", "K001", date(2026, 10, 1)),
        InvoiceRow("2025-040", "K002", date(2025, 12, 1)),
        InvoiceRow("2024-002", "K005", date(2024, 1, 10)),
    )
    return ParsedExport("eboekhouden", "relations", subjects, tuple(records), invoices, 8)


def _system(source: str, category: str, fields: tuple[str, ...], detail: str) -> ParsedExport:
    """One record for Opgezegd Test B.V. in another system, linked by KvK."""
    subject = SubjectRow("X2", "Opgezegd Test B.V.", kvk="90000002", is_company=True)
    record = RecordRow("X2", category, f"{source}-1", fields, seen_on=date(2026, 5, 1),
                       detail=detail)  # fmt: skip
    return ParsedExport(source, "export", (subject,), (record,), (), 1)


def seed(db: Path) -> Path:
    """The fake company above in a fresh DuckDB file (also used for screenshots)."""
    exports = [
        (_bookkeeping(), "relaties.csv"),
        (_system("vault", "credentials", ("name", "note"), "3 inloggegevens"), "kluis.csv"),
        (_system("transip", "ip_address", ("note",), "2 IP-adressen in firewall"), "fw.json"),
    ]
    for number, (parsed, name) in enumerate(exports):
        store.load_export(db, parsed, name, f"sha-{number}", "test", NOW)
    common = {"actor": "test", "now": NOW}
    store.add_request(db, type="termination", received_on=date(2026, 6, 1), channel="post",
                      kvk="90000002", answered_on=date(2026, 6, 3), **common)  # fmt: skip
    store.add_request(db, type="access", received_on=date(2026, 10, 27), channel="email",
                      email="kees@testschrijver.example", name="Kees Testschrijver",
                      **common)  # fmt: skip
    store.add_request(db, type="withdrawal", received_on=date(2026, 11, 10), channel="email",
                      email="info@actief-test.example", **common)  # fmt: skip
    return db


@pytest.fixture
def seeded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    db = seed(tmp_path / "seeded.duckdb")
    monkeypatch.setenv("COMPLIANCE_DB", str(db))
    return db


def run_page(page: str, lang: str = "nl", **state) -> AppTest:
    at = AppTest.from_file(str(ROOT / page), default_timeout=30)
    at.session_state["as_of"] = AS_OF
    at.session_state["lang"] = lang
    for key, value in state.items():
        at.session_state[key] = value
    return at.run()


def texts(at: AppTest) -> str:
    """Everything the page shows as text, to search in."""
    parts = [e.value for e in (*at.title, *at.header, *at.subheader, *at.markdown, *at.caption)]
    parts += [e.value for e in (*at.info, *at.warning, *at.success, *at.error)]
    parts += [f"{m.label}: {m.value}" for m in at.metric]
    return "\n".join(str(p) for p in parts)


def shown_table(at: AppTest, index: int) -> pd.DataFrame:
    """An st.table as the reader sees it: Markdown escapes and non-breaking marks undone."""

    def plain(value: object) -> object:
        if not isinstance(value, str):
            return value
        value = value.replace("\u2011", "-").replace("\u00a0", " ")
        return re.sub(r"\\(.)", r"\1", value)

    return at.table[index].value.map(plain)


def metric(at: AppTest, key: str, lang: str = "nl") -> str:
    label = t(key, lang)
    found = [m.value for m in at.metric if m.label == label]
    assert found, f"no metric {label!r} among {[m.label for m in at.metric]}"
    return found[0]


# ------------------------------------------------------------------------- the seed itself
def test_seed_gives_the_numbers_the_page_tests_expect(seeded: Path) -> None:
    snap = build_snapshot(seeded, load_policy(), AS_OF)
    status = snap.deletions["status"].value_counts()
    assert status.get("overdue", 0) == OVERDUE
    assert status.get("due_soon", 0) == DUE_SOON
    from compliance.workdays import WorkCalendar

    cal = WorkCalendar.from_policy(load_policy().calendar)
    assert len(snap.requests_due_within(5, cal)) == REQUESTS_SOON


# ------------------------------------------------------------------------- every page
def test_every_page_is_in_the_navigation_and_tested() -> None:
    """A new page without a test (or missing from dashboard.py) fails here."""
    on_disk = sorted(f"pages/{p.name}" for p in (ROOT / "pages").glob("*.py"))
    assert on_disk == sorted(PAGES)
    assert sorted(TITLES) == sorted(PAGES)
    tree = ast.parse((ROOT / "dashboard.py").read_text(encoding="utf-8"))
    listed = {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and str(node.value).startswith("pages/")
    }
    assert listed == set(PAGES)


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_page_runs_with_its_title(seeded: Path, page: str, lang: str) -> None:
    at = run_page(page, lang)
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    assert [e.value for e in at.title] == [t(TITLES[page], lang)]
    # The sidebar speaks the same language and names the database file.
    sidebar = "\n".join(c.value for c in at.sidebar.caption)
    assert "seeded.duckdb" in sidebar
    assert t("sidebar.as_of", lang) in [w.label for w in at.sidebar.date_input]


def test_language_and_as_of_survive_a_page_switch(seeded: Path) -> None:
    """Both live under non-widget keys, so a page that never drew the widgets keeps them."""
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=30)
    at.session_state["as_of"] = AS_OF
    at.run()
    at.sidebar.segmented_control[0].set_value("en").run()
    assert at.session_state["lang"] == "en"
    at.switch_page("pages/beleid.py").run()
    assert [e.value for e in at.title] == [t("page.beleid", "en")]
    assert at.session_state["as_of"] == AS_OF


def test_changing_and_emptying_the_as_of_date(seeded: Path) -> None:
    at = run_page("pages/overzicht.py")
    at.sidebar.date_input[0].set_value(date(2026, 12, 31)).run()
    assert at.session_state["as_of"] == date(2026, 12, 31)
    at.sidebar.date_input[0].set_value(None).run()  # an emptied field keeps the last date
    assert not at.exception
    assert at.session_state["as_of"] == date(2026, 12, 31)


def test_dashboard_opens_on_the_overview_with_links(seeded: Path) -> None:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=30)
    at.session_state["as_of"] = AS_OF
    at.run()
    assert not at.exception
    assert [e.value for e in at.title] == [t("page.overzicht")]
    # In the real navigation the metric cards link to their pages (with a status filter).
    links = [link.proto.page for link in at.page_link]
    assert links.count("verwijderingen") == 2
    assert "inventaris" in links
    assert "verzoeken" in links  # the requests card opens the Verzoeken page


# ------------------------------------------------------------------------- overzicht
def test_overview_counts_what_was_seeded(seeded: Path) -> None:
    at = run_page("pages/overzicht.py")
    assert metric(at, "overview.overdue_deletions") == str(OVERDUE)
    assert metric(at, "overview.soon_deletions") == str(DUE_SOON)
    assert metric(at, "overview.requests_soon") == str(REQUESTS_SOON)
    # The dormant client; the overdue withdrawal is counted once, as a request.
    assert metric(at, "overview.findings") == "1"
    assert metric(at, "overview.clients") == "2"
    assert metric(at, "overview.former_clients") == "1"
    assert metric(at, "overview.prospects") == "3"
    assert metric(at, "overview.dormant") == "1"
    # The headline names exactly the cards' figures, and adds them up.
    assert at.warning[0].value == (
        "**7 zaken vragen aandacht:** 4 verwijderingen te laat, 2 verzoeken die haast hebben, "
        "1 andere bevinding."
    )
    cards = [metric(at, k) for k in ("overview.overdue_deletions", "overview.requests_soon",
                                     "overview.findings")]  # fmt: skip
    assert sum(map(int, cards)) == 7
    shown = texts(at)
    assert "Slapend Test VOF" in shown and "Verzoek 3 (Machtiging intrekken)" in shown
    requests = at.dataframe[0].value
    assert list(requests[t("col.request_id")]) == [3, 2]  # the overdue one first
    # Under the counts: the most overdue deletion and the next one due. The mandate of
    # Opgezegd was due 5 working days after the termination of 2026-06-01 (2026-06-08);
    # Petra's contact details are due 2026-12-15.
    captions = [c.value for c in at.caption]
    assert f"langst te laat: {(AS_OF - date(2026, 6, 8)).days} dagen" in captions
    assert "eerstvolgende: 2026-12-15" in captions


def test_overview_in_english(seeded: Path) -> None:
    at = run_page("pages/overzicht.py", "en")
    assert metric(at, "overview.overdue_deletions", "en") == str(OVERDUE)
    assert at.warning[0].value.startswith("**7 matters need attention:**")
    assert "Request 3 (Withdrawal of consent)" in texts(at)


def test_overview_says_all_is_well_when_nothing_is_due(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One active client, invoiced last month: nothing late, nothing to answer."""
    db = tmp_path / "calm.duckdb"
    client = SubjectRow("K1", "Rustig Test B.V.", kvk="90000011", added_on=date(2020, 1, 6))
    record = RecordRow("K1", "contact", "K1", ("name", "email"), seen_on=date(2026, 10, 1))
    invoice = InvoiceRow("2026-900", "K1", date(2026, 10, 1))
    parsed = ParsedExport("eboekhouden", "relations", (client,), (record,), (invoice,), 2)
    store.load_export(db, parsed, "relaties.csv", "sha-calm", "test", NOW)
    monkeypatch.setenv("COMPLIANCE_DB", str(db))
    at = run_page("pages/overzicht.py")
    assert not at.warning
    assert at.success[0].value == t("overview.all_well")
    assert metric(at, "overview.overdue_deletions") == "0"
    captions = [c.value for c in at.caption]
    assert t("overview.none_overdue") in captions and t("overview.none_soon") in captions


def test_empty_database_explains_how_to_load_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COMPLIANCE_DB", str(tmp_path / "empty.duckdb"))
    at = run_page("pages/overzicht.py")
    assert not at.exception
    assert at.info[0].value == t("empty.title")
    assert "python -m compliance import" in texts(at)
    assert [b.label for b in at.button] == [t("empty.load_samples")]
    assert not at.metric


def test_sample_button_loads_the_samples(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "samples.duckdb"
    monkeypatch.setenv("COMPLIANCE_DB", str(db))
    at = run_page("pages/overzicht.py")
    at.button[0].click().run()
    assert not at.exception
    assert store.has_data(db)
    assert at.success[0].value.startswith(t("empty.samples_loaded", n=0).split("(")[0])
    assert at.metric  # the real overview now
    # the sample history: three weekly sign-offs, so the trend is drawn from the start
    assert len(review_store.sign_offs(db)) == 3
    assert at.get("plotly_chart")


def test_a_broken_database_is_one_sentence_not_a_trace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "broken.duckdb"
    bad.write_bytes(b"this is not a database")
    monkeypatch.setenv("COMPLIANCE_DB", str(bad))
    at = run_page("pages/overzicht.py")
    assert not at.exception
    assert at.error[0].value.startswith(t("error.store"))
    assert "Traceback" not in at.error[0].value


# ------------------------------------------------------------------------- inventaris
def test_inventory_per_category_and_one_subject(seeded: Path) -> None:
    at = run_page("pages/inventaris.py")
    table = shown_table(at, 0)
    assert t("col.category") in table.columns
    categories = set(table[t("col.category")])
    assert {"NAW- en contactgegevens", "Betaalgegevens", "IP-adressen"} <= categories
    contact = table[table[t("col.category")] == "NAW- en contactgegevens"].iloc[0]
    assert contact[t("col.subjects")] == 5 and contact[t("col.records")] == 5
    assert len(at.get("plotly_chart")) == 1

    names = at.selectbox(key="inv_subject")
    opgezegd = next(o for o in names.options if o.startswith("Opgezegd Test B.V."))
    names.set_value(next(i for i in range(1, 7) if names.format_func(i) == opgezegd)).run()
    assert not at.exception
    shown = texts(at)
    assert "2026-06-01" in shown and t("status.former_client") in shown
    records = shown_table(at, 1)
    assert len(records) == 4  # contact, payment, credentials, IP address across 3 systems
    assert set(records[t("col.system")]) == {
        "e-boekhouden.nl",
        "Wachtwoordkluis",
        "TransIP (cloudservers)",
    }
    assert "IBAN, incassomachtiging" in set(records[t("col.fields")])
    # the date the export gives, apart from when it was imported (not "first seen")
    payment = records[records[t("col.fields")] == "IBAN, incassomachtiging"].iloc[0]
    assert payment[t("col.source_date")] == "2026-05-20"
    assert payment[t("col.first_seen")] == "2026-11-20"  # the seed's import
    assert at.get("download_button")


def test_access_overview_csv_names_fields_never_values(seeded: Path) -> None:
    """The download for an access request: every record, fields by name, no IBAN digits."""
    from compliance.ui import Settings
    from compliance.ui.inventory import subject_overview, subject_records_view
    from compliance.workdays import WorkCalendar

    policy = load_policy()
    s = Settings(seeded, AS_OF, "nl", policy, WorkCalendar.from_policy(policy.calendar), 1)
    snap = build_snapshot(seeded, policy, AS_OF)
    person = snap.subjects[snap.subjects["name"] == "Opgezegd Test B.V."].iloc[0]
    records = subject_records_view(s, int(person["id"]), snap)
    requests = snap.requests[snap.requests["subject_id"] == person["id"]]
    raw = csv_bytes_of(subject_overview(s, person, records, requests))
    assert "Licenties, inloggegevens en wachtwoorden" in raw
    assert "IBAN, incassomachtiging" in raw and "Opzegging / beëindiging" in raw
    assert "4300" in raw  # only the masked detail the importer stored ("eindigend op 4300")
    assert not re.search(r"NL\d{2}[A-Z]{4}\d{10}", raw)


def csv_bytes_of(df: pd.DataFrame) -> str:
    from compliance.ui import csv_bytes

    return csv_bytes(df).decode("utf-8-sig")


def test_inventory_status_filter(seeded: Path) -> None:
    at = run_page("pages/inventaris.py")
    at.pills(key="inv_status").set_value(["prospect"]).run()
    table = shown_table(at, 0)
    assert list(table[t("col.category")]) == ["NAW- en contactgegevens"]
    assert table.iloc[0][t("col.subjects")] == 2  # Piet and Petra; Kees has no records


def test_csv_cells_cannot_run_as_formulas() -> None:
    from compliance.ui import csv_bytes

    df = pd.DataFrame({"=cmd": ["=1+1", "+31 6", "-x", "@SUM(A1)", "\tx", "\rx", "ok", 5]})
    raw = csv_bytes(df)
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel then reads UTF-8 correctly
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert [r[0] for r in rows] == [
        "'=cmd",
        "'=1+1",
        "'+31 6",
        "'-x",
        "'@SUM(A1)",
        "'\tx",
        "'\rx",
        "ok",
        "5",
    ]


# ------------------------------------------------------------------------- verwijderingen
def test_deletions_late_first_with_their_reason(seeded: Path) -> None:
    at = run_page("pages/verwijderingen.py")
    table = shown_table(at, 0)
    assert len(table) == OVERDUE + DUE_SOON
    assert list(table[t("col.status")]) == ["te laat"] * OVERDUE + ["binnenkort"]
    first = table.iloc[0]
    assert first[t("col.name")] == "Opgezegd Test B.V."
    assert first[t("col.days_overdue")] == "170 dagen"
    assert first[t("col.reason")] == "einde samenwerking 2026-06-01 + 5 werkdagen"
    assert table.iloc[3][t("col.reason")] == "laatste contact 2026-08-01 + 3 kalendermaanden"


def test_deletions_filtered_from_the_overview_link(seeded: Path) -> None:
    at = AppTest.from_file(str(ROOT / "pages/verwijderingen.py"), default_timeout=30)
    at.session_state["as_of"] = AS_OF
    at.query_params["status"] = "due_soon"
    at.run()
    assert list(shown_table(at, 0)[t("col.name")]) == ["Petra Voorbeeld"]


def test_mark_a_deletion_done(seeded: Path) -> None:
    at = run_page("pages/verwijderingen.py")
    pick = at.selectbox(key="mark_pick")
    piet = next(o for o in pick.options if o.startswith("Piet Proefpersoon"))
    key = next(k for k in _choice_keys(at) if pick.format_func(k) == piet)
    piet_id = key[0]
    pick.set_value(key)
    at.text_area(key="mark_evidence").input("Relatie verwijderd in e-boekhouden.nl")
    at.date_input(key="mark_date").set_value(date(2026, 11, 24))
    at.text_input(key="mark_actor").input("tester")
    at.checkbox(key="mark_confirm").check()
    at.get("form_submit_button")[0].click().run()
    assert not at.exception
    assert not at.error, [e.value for e in at.error]
    assert at.success[0].value.startswith("Vastgelegd: Piet Proefpersoon")

    snap = build_snapshot(seeded, load_policy(), AS_OF)
    # Piet was a prospect with one record: once deleted, the dashboard forgets his name too.
    assert "Piet Proefpersoon" not in set(snap.subjects["name"])
    row = snap.deletions[snap.deletions["subject_id"] == piet_id].iloc[0]
    assert row["status"] == "deleted" and row["name"] == f"#{piet_id}"
    log = store.audit_log(seeded)
    entry = log[log["action"] == "deletion_marked"].iloc[0]
    assert entry["actor"] == "tester" and "e-boekhouden.nl" in entry["detail"]
    # The page now shows one overdue row less and the marking in its log.
    assert len(shown_table(at, 0)) == OVERDUE + DUE_SOON - 1
    log_table = shown_table(at, -1)
    assert list(log_table[t("col.evidence")]) == ["Relatie verwijderd in e-boekhouden.nl"]
    assert list(log_table[t("col.name")]) == [f"#{piet_id}"]
    # The form is empty again: the next row cannot inherit this evidence or confirmation.
    assert at.text_area(key="mark_evidence").value == ""
    assert at.checkbox(key="mark_confirm").value is False


def test_mark_needs_evidence_and_confirmation(seeded: Path) -> None:
    at = run_page("pages/verwijderingen.py")
    at.get("form_submit_button")[0].click().run()
    assert at.error[0].value == t("deletions.need_evidence")
    at.text_area(key="mark_evidence").input("gewist")
    at.text_input(key="mark_actor").input("Rob")  # "root" is not offered as a name
    at.get("form_submit_button")[0].click().run()
    assert at.error[0].value == t("deletions.need_confirm")
    log = store.audit_log(seeded)
    assert not (log["action"] == "deletion_marked").any()


def test_the_picker_offers_the_most_urgent_rows_and_says_so(
    seeded: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("compliance.ui.deletions.MAX_CHOICES", 2)
    at = run_page("pages/verwijderingen.py")
    options = at.selectbox(key="mark_pick").options
    assert len(options) == 2
    assert options[0].startswith("Opgezegd Test B.V.")  # the latest first, as in the table
    assert t("deletions.mark_first", shown=2, n=OVERDUE + DUE_SOON) in texts(at)


def _choice_keys(at: AppTest) -> list[tuple[int, str, str]]:
    snap = build_snapshot(Path(os.environ["COMPLIANCE_DB"]), load_policy(), AS_OF)
    d = snap.deletions
    return list(zip(d["subject_id"].astype(int), d["category"], d["source"], strict=True))


# ------------------------------------------------------------------------- beleid
def test_policy_shows_interpretations_and_the_calendar(seeded: Path) -> None:
    at = run_page("pages/beleid.py")
    callouts = [i.value for i in at.info]
    assert len(callouts) == 4  # client/prospect, payment, IP addresses, credentials
    assert all(c.startswith("**Interpretatie") for c in callouts)
    shown = texts(at)
    # where the rules live, in words once, never a path or a taxonomy code
    assert "beleidsbestand (policy.toml in de map data)" in shown
    assert "data/policy.toml" not in shown and "user.contact" not in shown
    tables = [shown_table(at, i) for i in range(len(at.table))]
    calendar = next(tb for tb in tables if t("col.holiday_name") in tb.columns)
    days = dict(zip(calendar[t("col.holiday_date")], calendar[t("col.holiday_name")], strict=True))
    assert days["2026-05-05"] == "Bevrijdingsdag (5 mei)"  # every year, not only in 2025
    assert days["2026-01-02"] == "Gelijkgestelde dag"
    assert days["2026-04-03"] == "Goede Vrijdag"
    at.selectbox(key="pol_year").set_value(2027).run()
    calendar = next(
        tb
        for tb in (shown_table(at, i) for i in range(len(at.table)))
        if t("col.holiday_name") in tb.columns
    )
    assert "2027-05-05" in set(calendar[t("col.holiday_date")])


# ------------------------------------------------------------------------- importeren
RELATIONS_CSV = (
    "Code;Bedrijf;Email;KvkNummer;AddDatum\r\n"
    "R1;Upload Test B.V.;info@upload-test.example;90000077;01-02-2026\r\n"
).encode("cp1252")


def test_import_previews_then_imports(seeded: Path) -> None:
    at = run_page("pages/importeren.py")
    before = len(store.imports(seeded))
    at.file_uploader[0].set_value(
        [
            ("relaties.csv", RELATIONS_CSV, "text/csv"),
            ("notities.txt", b"\x00\x01 not an export", "text/plain"),
        ]
    ).run()
    assert not at.exception
    assert "e-boekhouden.nl" in texts(at)  # detected before anything is written
    assert len(at.error) == 1  # the refusal of notities.txt, one sentence
    assert len(store.imports(seeded)) == before
    at.button[0].click().run()
    assert not at.exception
    assert at.success[0].value.startswith("relaties.csv: geïmporteerd uit e-boekhouden.nl")
    assert len(store.imports(seeded)) == before + 1
    history = at.dataframe[-1].value
    assert history.iloc[0][t("col.file")] == "relaties.csv"

    # The outcome on top, the next step beside it, the previews gone with their files.
    # (The link "Naar het overzicht" shows only in the real navigation.)
    def leaves(node):
        kids = getattr(node, "children", None)
        yield from (x for k in kids.values() for x in leaves(k)) if kids else [node]

    shown = [el for el in leaves(at.main) if el.type not in ("title", "empty")]
    assert shown[0].type == "success" and shown[0].value == at.success[0].value
    assert not at.file_uploader[0].value
    assert "e-boekhouden.nl · relaties" not in texts(at)


def test_an_import_on_the_page_leaves_the_overview_warm(seeded: Path, monkeypatch) -> None:
    # The snapshot is built while the import's progress bar still shows, once: the page
    # the owner opens next finds it in the cache.
    from compliance.ui import frame

    built: list[int] = []
    real = frame.build_snapshot
    monkeypatch.setattr(frame, "build_snapshot", lambda *a: built.append(1) or real(*a))
    frame.clear_cache()
    at = run_page("pages/importeren.py")
    at.file_uploader[0].set_value([("relaties.csv", RELATIONS_CSV, "text/csv")]).run()
    at.button[0].click().run()
    assert not at.exception and len(built) == 1
    overview = run_page("pages/overzicht.py")
    assert not overview.exception
    assert len(built) == 1  # no second build: the overview opened on the warm snapshot


@pytest.mark.parametrize("page", PAGES)
def test_pages_stay_thin(page: str) -> None:
    """No SQL, no database driver and no date arithmetic in a page: that lives in compliance/."""
    source = (ROOT / page).read_text(encoding="utf-8")
    for forbidden in ("duckdb", "SELECT ", "today()", "now()", "timedelta", "relativedelta"):
        assert forbidden not in source.replace("ui.today()", "").replace("ui.now()", ""), (
            page,
            forbidden,
        )


# ------------------------------------------------------------------------- zo werkt het
def test_the_guide_tells_the_week_in_dutch_and_english(seeded: Path) -> None:
    """What to export in which order, the colours, and what to do per kind of finding; the
    same sections in both languages, and every page it names exists in the navigation."""
    nl, en = (texts(run_page("pages/zo_werkt_het.py", lang)) for lang in ("nl", "en"))
    for heading in ("Elke week, in deze volgorde", "Wat de kleuren betekenen",
                    "Wat u doet met elke soort bevinding"):  # fmt: skip
        assert heading in nl
    for system in ("e-boekhouden.nl", "SnelStart", "TransIP", "DSD Europe", "Bitwarden"):
        assert system in nl and system in en
    assert "Every week, in this order" in en and "Elke week" not in en
    for key in ("page.importeren", "page.verzoeken", "page.verwijderingen", "page.toegang"):
        assert f"*{t(key)}*" in nl and f"*{t(key, 'en')}*" in en


def test_inventory_counts_a_person_in_two_systems_once(seeded: Path) -> None:
    """The same client in e-boekhouden and SnelStart is one person with contact data; the
    records are counted per system."""
    relation_sb = ParsedExport(
        "snelstart", "relations",
        (SubjectRow("S1", "Klant Test BV", kvk="90000001", added_on=date(2025, 1, 6)),),
        (RecordRow("S1", "contact", "S1", ("name",), seen_on=date(2026, 10, 1)),), (), 1,
    )  # fmt: skip
    before = shown_table(run_page("pages/inventaris.py"), 0)
    row = before[before[t("col.category")] == "NAW- en contactgegevens"].iloc[0]
    store.load_export(seeded, relation_sb, "relaties.xlsx", "sha-sb", "test", NOW)
    after = shown_table(run_page("pages/inventaris.py"), 0)
    again = after[after[t("col.category")] == "NAW- en contactgegevens"].iloc[0]
    assert again[t("col.records")] == row[t("col.records")] + 1  # one more record ...
    assert again[t("col.subjects")] == row[t("col.subjects")]  # ... of a person already known
    assert "SnelStart (1)" in again[t("col.systems")]


def test_the_import_history_fits_the_page_and_downloads_whole(seeded: Path) -> None:
    from compliance.ui.display import HISTORY_WIDTHS

    assert sum(HISTORY_WIDTHS.values()) <= 920
    at = run_page("pages/importeren.py")
    shown = at.dataframe[-1].value
    assert set(shown.columns) == {t(k) for k in HISTORY_WIDTHS}
    (button,) = [
        b for b in at.get("download_button") if b.proto.label == t("import.history_download")
    ]
    assert button is not None
