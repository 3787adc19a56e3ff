"""The Verzoeken page in AppTest, run on its own on the seeded file of tests/test_pages.py
plus a mailbox export: the desk by urgency, the actions, a postal request, the access
overview and the classification review."""

from __future__ import annotations

import io
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from streamlit.testing.v1 import AppTest

from compliance import store
from compliance.i18n import t
from compliance.importing import import_file
from tests.test_pages import AS_OF, ROOT, seed, shown_table, texts

FIXTURES = ROOT / "tests" / "fixtures" / "mailbox"
PAGE = "pages/verzoeken.py"


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    db = seed(tmp_path / "verzoeken.duckdb")
    import_file(db, FIXTURES / "message-trace-utf16.csv", actor="test", now=datetime(2026, 11, 25))
    monkeypatch.setenv("COMPLIANCE_DB", str(db))
    return db


def run(lang: str = "nl", **query: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / PAGE), default_timeout=30)
    at.session_state["as_of"] = AS_OF
    at.session_state["lang"] = lang
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def desk(at: AppTest):
    return shown_table(at, 0)


def test_open_requests_most_urgent_first_with_days_and_rule(db: Path) -> None:
    at = run()
    assert not at.exception and not at.error, [e.value for e in (*at.exception, *at.error)]
    table = desk(at)
    # Seeded: withdrawal due 17 Nov (late), access due 27 Nov (2 working days);
    # the trace: an access request of 20 Nov, answered on the 23rd (not shown by default).
    assert list(table[t("col.request_type")]) == ["Machtiging intrekken", "Inzageverzoek"]
    assert list(table[t("req.col_urgency")]) == ["te laat", "binnen 2 werkdagen"]
    assert list(table[t("req.col_days_left")]) == ["8 dagen te laat", "nog 2 dagen"]
    assert table.iloc[0][t("req.col_rule")] == "ontvangen 2026-11-10 + 5 werkdagen"
    assert table.iloc[1][t("req.col_rule")].startswith("ontvangen 2026-10-27 + 1 maand")


def test_status_filter_and_the_overview_link(db: Path) -> None:
    at = run(status="answered")
    table = desk(at)
    assert set(table[t("req.col_urgency")]) == {"beantwoord"}
    assert "antwoord gevonden in de mailbox" in " ".join(table[t("req.col_note")])


def test_reject_with_a_reason(db: Path) -> None:
    at = run()
    withdrawal = int(store.requests(db).query("type == 'withdrawal'")["id"].iloc[0])
    at.selectbox(key="req_pick").set_value(withdrawal)
    at.radio(key="req_action").set_value("rejected")
    at.date_input(key="req_date").set_value(date(2026, 11, 24))
    at.get("form_submit_button")[0].click().run()
    assert at.error[0].value == t("req.need_note_rejected")
    at.text_input(key="req_note").input("geen machtiging bekend")
    at.get("form_submit_button")[0].click().run()
    assert not at.error, [e.value for e in at.error]
    assert at.success[0].value.startswith(f"Vastgelegd bij verzoek {withdrawal}")
    assert "Machtiging intrekken" not in list(desk(at)[t("col.request_type")])
    assert store.audit_log(db).iloc[0]["action"] == "request_rejected"


def test_extend_an_access_request_but_not_a_withdrawal(db: Path) -> None:
    at = run()
    rows = store.requests(db)
    withdrawal = int(rows.query("type == 'withdrawal'")["id"].iloc[0])
    access = int(rows.query("type == 'access' and source == 'manual'")["id"].iloc[0])
    at.selectbox(key="req_pick").set_value(withdrawal)
    at.radio(key="req_action").set_value("extended")
    at.date_input(key="req_date").set_value(date(2026, 11, 20))
    at.text_input(key="req_note").input("veel systemen")
    at.get("form_submit_button")[0].click().run()
    assert at.error[0].value == t("req.not_extendable")
    at.selectbox(key="req_pick").set_value(access)
    at.get("form_submit_button")[0].click().run()
    assert not at.error, [e.value for e in at.error]
    row = desk(at).set_index(t("col.request_id")).loc[access]
    assert row[t("col.respond_by")] == "2027-01-27"  # 27 October + 3 months
    assert "+ 2 maanden verlenging (gemeld op 2026-11-20)" in row[t("req.col_rule")]


def test_record_a_postal_request(db: Path) -> None:
    at = run()
    at.selectbox(key="add_type").set_value("erasure")
    at.date_input(key="add_received").set_value(date(2026, 11, 24))
    at.text_input(key="add_email").input("geen-adres")
    at.get("form_submit_button")[1].click().run()
    assert at.error[0].value == t("req.add_bad_email", value="geen-adres")
    at.text_input(key="add_email").input("brief@example.nl")
    at.text_input(key="add_name").input("Briefschrijver Nep")
    at.get("form_submit_button")[1].click().run()
    assert not at.error
    assert at.success[0].value.startswith("Verzoek")
    rows = store.requests(db)
    new = rows[rows["email"] == "brief@example.nl"].iloc[0]
    assert (new["type"], new["channel"]) == ("erasure", "post")
    assert at.text_input(key="add_email").value == ""  # the form is empty again


def test_access_overview_download(db: Path) -> None:
    at = run()
    button = at.get("download_button")[0]
    assert button.proto.label == t("req.access_button")
    url = button.proto.url
    assert url  # the workbook was made; its bytes are checked in test_access_overview.py
    from compliance.access_overview import overview_workbook
    from compliance.policy import load_policy

    kees = int(store.requests(db).query("type == 'access' and source == 'manual'")[
        "subject_id"].iloc[0])  # fmt: skip
    book = openpyxl.load_workbook(
        io.BytesIO(overview_workbook(db, load_policy(), kees, AS_OF).to_bytes())
    )
    assert book["Betrokkene"]["B3"].value == "Kees Testschrijver"


def test_classification_review_and_overrule(db: Path) -> None:
    at = run()
    shown = texts(at)
    assert t("mail.title") in shown
    review = shown_table(at, 1)
    assert list(review[t("mail.col_subject")]) == ["Subject access request"]
    assert list(review[t("mail.col_class")]) == ["inzageverzoek"]
    why = review.iloc[0][t("mail.col_why")]
    assert why.startswith("onderwerp «Subject access request»: Inzageverzoek — telt (Engels; "
                          "regel «")  # fmt: skip
    assert why.endswith(t("reason.metadata_only"))  # a message trace: the subject only
    at.pills(key="mail_filter").set_value(["contact", "noise"]).run()
    review = shown_table(at, 1)
    assert set(review[t("mail.col_class")]) == {"gewoon contact", "ruis (nieuwsbrief, automatisch)"}
    pick = at.selectbox(key="mail_pick")
    pick.set_value("trace-4@placeholder.example.com")
    at.multiselect(key="mail_to").set_value(["erasure", "objection"])
    at.get("form_submit_button")[-1].click().run()
    assert at.error[0].value == t("mail.overrule_need_reason")
    at.multiselect(key="mail_to").set_value(["erasure", "contact"])
    at.text_input(key="mail_reason").input("vraagt ook om verwijdering")
    at.get("form_submit_button")[-1].click().run()
    assert at.error[0].value == t("mail.overrule_mixed")
    at.multiselect(key="mail_to").set_value(["erasure", "objection"])
    at.get("form_submit_button")[-1].click().run()
    assert not at.error, [e.value for e in at.error]
    assert at.success[0].value == (
        "Vastgelegd: «Offerte migratie» is nu verzoek tot verwijdering, bezwaar."
    )
    rows = store.requests(db)
    assert sorted(rows[rows["email"] == "noah@placeholder.example.com"]["type"]) == [
        "erasure", "objection"]  # fmt: skip
    at.pills(key="mail_filter").set_value(["overruled"]).run()
    review = shown_table(at, 1)
    row = review[review[t("mail.col_subject")] == "Offerte migratie"].iloc[0]
    assert row[t("mail.col_class")] == "verzoek tot verwijdering, bezwaar"
    assert row[t("mail.col_why")].startswith("gecorrigeerd door ")
    assert len(row[t("mail.col_request")].split(", ")) == 2  # two requests from one e-mail


def test_a_message_te_beoordelen_on_the_desk_and_in_the_review(db: Path) -> None:
    store.overrule_message(db, "trace-4@placeholder.example.com", ["unclear"],
                           "misschien een verzoek", "owner", datetime(2026, 11, 25))  # fmt: skip
    at = run()
    assert not at.exception and not at.error, [e.value for e in (*at.exception, *at.error)]
    desk_types = list(desk(at)[t("col.request_type")])
    assert "Te beoordelen (mogelijk verzoek)" in desk_types
    at.pills(key="mail_filter").set_value(["unclear"]).run()
    review = shown_table(at, 1)
    assert list(review[t("mail.col_class")]) == ["Te beoordelen"]
    # Confirming it keeps its request number: the desk shows the type instead.
    (unclear_id,) = store.requests(db).query("type == 'unclear'")["id"]
    at.selectbox(key="mail_pick").set_value("trace-4@placeholder.example.com")
    at.multiselect(key="mail_to").set_value(["termination"])
    at.text_input(key="mail_reason").input("toch een opzegging")
    at.get("form_submit_button")[-1].click().run()
    assert not at.error, [e.value for e in at.error]
    rows = store.requests(db).set_index("id")
    assert rows.loc[unclear_id, "type"] == "termination"


def test_english(db: Path) -> None:
    at = run("en")
    assert not at.exception
    assert [e.value for e in at.title] == [t("page.verzoeken", "en")]
    assert list(desk(at)[t("req.col_urgency", "en")]) == ["overdue", "within 2 working days"]


def test_without_mail_the_page_says_how_to_import(tmp_path: Path, monkeypatch) -> None:
    db = seed(tmp_path / "zonder-mail.duckdb")
    monkeypatch.setenv("COMPLIANCE_DB", str(db))
    at = run()
    assert not at.exception
    assert t("mail.none") in [i.value for i in at.info]


# ------------------------------------------------------------------ te beoordelen
# A clear termination whose sender the receiving server could not confirm (SPF, DKIM and
# DMARC all failed): it must not end a contract by itself, so it is te beoordelen.
FORGED = FIXTURES / "forged-termination.eml"
FORGED_ID = "forged-termination@installatie.example.nl"
INTERNAL_CODES = ("unclear", "to_reader", "possible", "unpointed", "sender", "counted")


@pytest.fixture
def unclear_db(db: Path) -> Path:
    import_file(db, FORGED, actor="test", now=datetime(2026, 11, 25))
    return db


def _walk(node):
    kids = getattr(node, "children", None)
    if kids:
        for kid in kids.values():
            yield from _walk(kid)
    else:
        yield node


def section_texts(at: AppTest) -> list[str]:
    """Every text of the section te beoordelen, from its heading to its closing divider:
    values, labels, help texts, placeholders and the options of the multiselects."""
    out: list[str] = []
    inside = False
    for el in _walk(at.main):
        if el.type == "subheader" and el.value == t("unclear.title", at.session_state["lang"]):
            inside = True
        elif el.type == "divider" and inside:
            break
        if not inside:
            continue
        if el.type == "multiselect":
            out += [el.label, el.help or "", el.placeholder or "", *el.options]
        elif el.type == "button":
            out += [el.label, el.help or ""]
        else:
            out.append(str(el.value))
    return out


def decision_button(at: AppTest, what: str):
    from compliance.ui.requests import widget_key

    return at.button(key=f"{widget_key(FORGED_ID)}_{what}")


def test_the_section_te_beoordelen_shows_the_message_and_why(unclear_db: Path) -> None:
    at = run()
    assert not at.exception and not at.error, [e.value for e in (*at.exception, *at.error)]
    shown = section_texts(at)
    # The first thing on the page under its title, above the desk.
    first = next(el for el in _walk(at.main) if el.type not in ("title", "empty"))
    assert (first.type, first.value) == ("subheader", "Te beoordelen")
    assert "**1 e-mail is mogelijk een verzoek: beoordeel hem.**" in shown
    assert "**Ons contract**" in shown
    assert "Ontvangen 2026-11-23 10:00 · van Karin Voorbeeld (karin@installatie.example.nl)" in (
        shown
    )
    assert "Mogelijk: Opzegging / beëindiging" in shown
    (rid,) = store.requests(unclear_db).query("type == 'unclear'")["id"]
    # Termination: 5 working days from Monday 23 November, 5 days after the as-of date.
    assert f"Termijn die nu loopt (verzoek {rid}): uiterlijk **2026-11-30** — nog 5 dagen" in (
        shown
    )
    assert [w.value for w in at.warning] == [
        "De afzender kon niet worden bevestigd (SPF, DKIM en DMARC faalden) — mogelijk "
        "vervalst; controleer dit voordat u iets doet."
    ]
    evidence = next(x for x in shown if x.startswith("«Hierbij zeg ik het contract op.»"))
    assert evidence.endswith("→ **Opzegging / beëindiging** — telt · Nederlands · gevonden in: "
                             "tekst")  # fmt: skip
    assert any(x.startswith("regel") for x in shown)  # the rule of policy.toml, small
    assert decision_button(at, "termination").label == "Bevestig: Opzegging / beëindiging"
    assert decision_button(at, "contact").label == "Geen verzoek"
    # The mailbox table further down: the same words for the same evidence.
    review = shown_table(at, 1)
    row = review[review[t("mail.col_subject")] == "Ons contract"].iloc[0]
    assert row[t("mail.col_class")] == "Te beoordelen (mogelijk: Opzegging / beëindiging)"
    why = row[t("mail.col_why")]
    assert why.startswith("tekst «Hierbij zeg ik het contract op.»: Opzegging / beëindiging — "
                          "telt (Nederlands; regel")  # fmt: skip
    assert "afzender niet bevestigd: SPF, DKIM en DMARC faalden" in why
    assert "spf=" not in why and "dmarc=" not in why  # never the raw header


def test_the_section_speaks_dutch_without_internal_codes(unclear_db: Path) -> None:
    shown = "\n".join(section_texts(run()))
    assert "Hierbij zeg ik het contract op." in shown
    for code in INTERNAL_CODES:
        assert code not in shown, code
    for raw in ("spf=", "dkim=", "dmarc=", "header.from"):
        assert raw not in shown, raw
    english = "\n".join(section_texts(run("en")))
    assert "**1 e-mail may be a request: review it.**" in english
    assert "The sender could not be confirmed (SPF, DKIM and DMARC all failed)" in english
    assert "Confirm: Termination" in english


def test_confirming_a_candidate_with_one_click(unclear_db: Path) -> None:
    (rid,) = store.requests(unclear_db).query("type == 'unclear'")["id"]
    at = run()
    decision_button(at, "termination").click().run()
    assert not at.exception and not at.error, [e.value for e in (*at.exception, *at.error)]
    assert at.success[0].value == "Vastgelegd: «Ons contract» is nu opzegging."
    assert t("unclear.title") not in [e.value for e in at.subheader]  # nothing left to review
    msg = store.messages(unclear_db).set_index("message_id").loc[FORGED_ID]
    assert list(msg["classes"]) == ["termination"] and list(msg["automatic"]) == ["unclear"]
    assert msg["overrule_reason"] == "Beoordeeld op Verzoeken"
    rows = store.requests(unclear_db).set_index("id")
    assert rows.loc[rid, "type"] == "termination"  # the same request, now confirmed
    log = store.audit_log(unclear_db)
    entry = log[log["action"] == "message_overruled"].iloc[0]
    assert FORGED_ID in entry["detail"] and "Beoordeeld op Verzoeken" in entry["detail"]
    assert "request_retyped" in set(log["action"])
    # The desk shows it as a termination; the choice survives importing the mail again.
    assert "Opzegging / beëindiging" in list(desk(at)[t("col.request_type")])
    copy = unclear_db.parent / "opnieuw.eml"
    copy.write_bytes(FORGED.read_bytes() + b"\r\n")  # other bytes, the same message
    import_file(unclear_db, copy, actor="test", now=datetime(2026, 11, 26))
    again = store.messages(unclear_db).set_index("message_id").loc[FORGED_ID]
    assert list(again["classes"]) == ["termination"]
    assert store.requests(unclear_db).set_index("id").loc[rid, "type"] == "termination"
    assert t("unclear.title") not in [e.value for e in run().subheader]


def test_not_a_request_removes_the_request(unclear_db: Path) -> None:
    at = run()
    decision_button(at, "contact").click().run()
    assert not at.exception and not at.error, [e.value for e in (*at.exception, *at.error)]
    assert at.success[0].value == "Vastgelegd: «Ons contract» is nu gewoon contact."
    rows = store.requests(unclear_db)
    assert rows[rows["email"] == "karin@installatie.example.nl"].empty
    msg = store.messages(unclear_db).set_index("message_id").loc[FORGED_ID]
    assert list(msg["classes"]) == ["contact"]
    assert "request_removed" in set(store.audit_log(unclear_db)["action"])
    copy = unclear_db.parent / "opnieuw.eml"
    copy.write_bytes(FORGED.read_bytes() + b"\r\n")
    import_file(unclear_db, copy, actor="test", now=datetime(2026, 11, 26))
    rows = store.requests(unclear_db)
    assert rows[rows["email"] == "karin@installatie.example.nl"].empty


def test_confirming_several_types_at_once(unclear_db: Path) -> None:
    from compliance.ui.requests import widget_key

    at = run()
    decision_button(at, "several").click().run()
    assert [e.value for e in at.error] == [t("unclear.need_types")]
    at.multiselect(key=f"{widget_key(FORGED_ID)}_types").set_value(["termination", "erasure"])
    decision_button(at, "several").click().run()
    assert not at.error, [e.value for e in at.error]
    rows = store.requests(unclear_db)
    assert sorted(rows[rows["email"] == "karin@installatie.example.nl"]["type"]) == [
        "erasure", "termination"]  # fmt: skip


def test_no_section_without_anything_to_review(db: Path) -> None:
    at = run()
    assert not at.exception
    assert t("unclear.title") not in [e.value for e in at.subheader]
    assert section_texts(at) == []


def test_the_overview_says_how_many_to_review_and_links_there(unclear_db: Path) -> None:
    from tests.test_pages import run_page

    at = run_page("pages/overzicht.py")
    assert not at.exception and not at.error
    assert ":material/mark_email_unread: **1 e-mail te beoordelen**" in [m.value for m in
                                                                          at.markdown]  # fmt: skip
    assert t("overview.to_review_note") in [c.value for c in at.caption]
    # In the real navigation the card links to the Verzoeken page.
    dash = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=30)
    dash.session_state["as_of"] = AS_OF
    dash.run()
    assert not dash.exception
    links = {link.proto.label: link.proto.page for link in dash.page_link}
    assert links[t("overview.to_review_link")] == "verzoeken"


def test_the_overview_has_no_card_when_nothing_is_to_review(db: Path) -> None:
    from tests.test_pages import run_page

    at = run_page("pages/overzicht.py")
    assert not any("te beoordelen" in m.value for m in at.markdown)


def test_a_message_only_the_learned_second_opinion_doubts_is_shown_with_why(db: Path) -> None:
    """No rule finds a request in "klopt ons adres nog …?", but it reads like the address
    changes of the sample mails: te beoordelen, any type possible (the shortest deadline),
    and the reason says so in words, without a rule or a code."""
    import_file(db, FIXTURES / "resembles-a-request.eml", actor="test", now=datetime(2026, 11, 25))
    (row,) = store.requests(db).query("type == 'unclear'").itertuples()
    shown = section_texts(run())
    assert "Mogelijk: een verzoek, soort onbekend" in shown
    why = next(x for x in shown if "voorbeeldmails" in x)
    assert "geen regel herkende een verzoek, maar de e-mail lijkt voor " in why
    assert "% op de verzoeken uit de voorbeeldmails: beoordeel hem zelf" in why
    assert "hele bericht" in why
    assert not any(x.startswith("regel") and "%" in x for x in shown)
    for code in (*INTERNAL_CODES, "resembles"):
        assert code not in "\n".join(shown), code
    # 5 working days from Tuesday 24 November: the shortest deadline any type could carry
    assert any(x.startswith(f"Termijn die nu loopt (verzoek {row.id}): uiterlijk **2026-12-01**")
               for x in shown)  # fmt: skip
