"""The Cookies & analytics page with Streamlit's AppTest, on a real DuckDB file: the seed of
tests/test_pages.py plus the website samples (June with a Meta pixel, the November default
GA4 visit, the Admin API's default settings). Every page runs on its own."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from compliance import store
from compliance.i18n import t
from compliance.importing import import_file
from tests.test_pages import ROOT, run_page, seed, shown_table, texts

SAMPLES = ROOT / "data" / "samples"
PAGE = "pages/cookies.py"
WEBSITE_SAMPLES = (
    "website-ictroermond-juni.har",
    "website-ictroermond.har",
    "website-ga4-instellingen.json",
)


@pytest.fixture
def plain(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The seed without any website evidence."""
    db = seed(tmp_path / "plain.duckdb")
    monkeypatch.setenv("COMPLIANCE_DB", str(db))
    return db


@pytest.fixture
def website(plain: Path) -> Path:
    for name in WEBSITE_SAMPLES:
        import_file(plain, SAMPLES / name, actor="sample-data", now=datetime(2026, 11, 21, 8, 0))
    return plain


def tables(at: AppTest) -> list:
    return [shown_table(at, i) for i in range(len(at.table))]


def table_with(at: AppTest, column_key: str):
    return next(tb for tb in tables(at) if t(column_key) in tb.columns)


def test_without_evidence_every_check_is_visible_as_unknown(plain: Path) -> None:
    at = run_page(PAGE)
    assert not at.exception and not at.error
    assert at.info[0].value == t("cookies.no_evidence")
    ap, promise = (tb for tb in tables(at) if t("cookies.col_check") in tb.columns)
    assert len(ap) == 7 and len(promise) == 4
    assert set(ap[t("col.status")]) == {t("check.unknown"), t("check.pass")}
    assert list(promise[t("col.status")]) == [t("check.unknown")] * 4
    assert not at.get("plotly_chart")
    assert t("cookies.history_empty") in texts(at)


def test_the_promise_beside_what_the_site_does(website: Path) -> None:
    at = run_page(PAGE)
    assert not at.exception and not at.error, [e.value for e in at.exception]
    assert at.warning[0].value.startswith("**3 controles niet in orde, 2 onbekend**")
    shown = texts(at)
    assert "**31 dagen**" in shown  # the promise, from data/policy.toml
    assert "`_ga` 730 dagen" in shown  # what the newest visit showed
    assert "**niet in de verklaring:** `PHPSESSID`" in shown

    checklist = table_with(at, "cookies.col_check")
    status = dict(zip(checklist[t("cookies.col_check")], checklist[t("col.status")], strict=True))
    assert status[t("check.data_sharing_off")] == t("check.fail")
    assert status[t("check.processing_agreement")] == t("check.unknown")
    assert status[t("check.ip_masked")] == t("check.pass")
    evidence = dict(zip(checklist[t("cookies.col_check")], checklist[t("cookies.col_evidence")],
                        strict=True))  # fmt: skip
    assert evidence[t("check.ip_masked")] == "website-ictroermond.har · 2026-11-20"

    cookies = table_with(at, "cookies.col_cookie")
    ga = cookies[cookies[t("cookies.col_cookie")] == "_ga"].iloc[0]
    assert ga[t("cookies.col_lifetime")] == "730 dagen" and ga[t("col.status")] == "niet in orde"
    assert "_fbp" not in set(cookies[t("cookies.col_cookie")])  # gone since June
    assert len(at.get("plotly_chart")) == 1


def test_history_shows_what_changed_per_evidence_date(website: Path) -> None:
    at = run_page(PAGE)
    shown = texts(at)
    assert "**2026-11-21** · website-ga4-instellingen.json" in shown
    assert [e.label for e in at.expander if e.label.startswith("**2026")] == [
        "**2026-11-20** · website-ictroermond.har (HAR-bestand van een bezoek)",
        "**2026-06-12** · website-ictroermond-juni.har (HAR-bestand van een bezoek)",
    ]
    assert "cookie \\_fbp: weg (was 90 dagen)" in shown
    assert "controle: gegevens delen met Google uit: onbekend → **niet in orde**" in shown


def test_an_earlier_as_of_date_shows_the_june_visit(website: Path) -> None:
    at = run_page(PAGE, as_of=date(2026, 6, 30))
    cookies = table_with(at, "cookies.col_cookie")
    assert "_fbp" in set(cookies[t("cookies.col_cookie")])


def test_the_form_records_settings_with_date_and_who(website: Path) -> None:
    at = run_page(PAGE)
    at.selectbox(key="ga_ga.processing_terms_nl").set_value("yes")
    for name in ("products", "benchmarking", "support", "sales"):
        at.selectbox(key=f"ga_ga.sharing_{name}_nl").set_value("off")
    at.selectbox(key="ga_ga.ad_personalization_nl").set_value("off")
    at.text_input(key="ga_actor").input("Eigenaar")
    at.text_input(key="ga_note").input("samen met de websitebouwer bekeken")
    at.date_input(key="ga_checked_on").set_value(date(2026, 11, 24))
    at.get("form_submit_button")[0].click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert at.success[0].value == t("cookies.form_saved", n=8, date="2026-11-24")

    evidence = store.website_evidence(website)
    form = evidence[evidence["kind"] == "ga_form"].iloc[0]
    assert form["entered_by"] == "Eigenaar" and form["observed_on"] == date(2026, 11, 24)
    log = store.audit_log(website)
    entry = json.loads(log[log["action"] == "website_settings"].iloc[0]["detail"])
    assert entry["ga.processing_terms"] == "yes" and entry["note"].startswith("samen")

    checklist = table_with(at, "cookies.col_check")
    status = dict(zip(checklist[t("cookies.col_check")], checklist[t("col.status")], strict=True))
    assert set(status.values()) == {t("check.pass")}  # every AP step now passes


def test_the_form_refuses_all_unknown_and_a_missing_name(website: Path) -> None:
    at = run_page(PAGE)
    for key in [s.key for s in at.selectbox if s.key and s.key.startswith("ga_ga.")]:
        at.selectbox(key=key).set_value("unknown")
    at.get("form_submit_button")[0].click().run()
    assert at.error[0].value == t("cookies.form_need_value")
    at.selectbox(key="ga_ga.google_signals_nl").set_value("off")
    at.text_input(key="ga_actor").input(" ")
    at.get("form_submit_button")[0].click().run()
    assert at.error[0].value == t("cookies.form_need_actor")
    assert not (store.website_evidence(website)["kind"] == "ga_form").any()


def test_page_in_english(website: Path) -> None:
    at = run_page(PAGE, "en")
    assert not at.exception and not at.error
    assert [e.value for e in at.title] == ["Cookies & analytics"]
    assert at.warning[0].value.startswith("**3 checks fail, 2 unknown**")
    found = next(tb for tb in tables(at) if t("cookies.col_cookie", "en") in tb.columns)
    assert "730 days" in set(found[t("cookies.col_lifetime", "en")])


def test_the_overview_lists_the_website_findings(website: Path) -> None:
    at = run_page("pages/overzicht.py")
    shown = texts(at)
    assert "Cookie \\_ga (ictroermond.nl) blijft 730 dagen bewaard" in shown


def test_upload_a_har_on_the_import_page(plain: Path) -> None:
    at = run_page("pages/importeren.py")
    har = (SAMPLES / "website-ictroermond.har").read_bytes()
    broken = b"<html><body>502 Bad Gateway</body></html>"
    at.file_uploader[0].set_value(
        [("bezoek.har", har, "application/json"), ("kapot.har", broken, "application/json")]
    ).run()
    assert not at.exception
    shown = texts(at)
    recognised = "Herkend als **Website ictroermond.nl** · HAR-bestand van een bezoek, bewijs van "
    assert recognised in shown
    assert "2026-11-20. Cookies: 3 · trackerdomeinen: 2" in shown
    assert [e.value for e in at.error] == [  # in the page's language, Dutch
        "kapot.har: dit is geen HAR-bestand, het is geen geldige JSON (regel 1, kolom 1); sla "
        "het opnieuw op vanuit de ontwikkelhulpmiddelen van de browser (tabblad Netwerk, "
        "Export HAR)."
    ]
    assert store.website_evidence(plain).empty  # nothing written before the button
    at.button[0].click().run()
    assert not at.exception
    assert len(store.website_evidence(plain)) == 1
