"""The Toegang page, run alone with Streamlit's AppTest on a real seeded DuckDB file.

Seed (all fake, as-of 2026-11-25): the firewall of ictr-vps1, a Bitwarden CSV and DSD
licences from tests/fixtures, and three relations: Kapsalon Testknip B.V. (terminated
2026-03-02: former client), Bakkerij Proefdeeg (client), Nepnet Proef (prospect).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from compliance import importing, store
from compliance.i18n import t
from tests.factories import export, relation

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
AS_OF = date(2026, 11, 25)
NOW = datetime(2026, 11, 20, 9, 0)
PAGE = "pages/toegang.py"


def seed(db: Path) -> Path:
    people = export("eboekhouden", [
        relation("K100", "Kapsalon Testknip B.V.", kvk="90000100", added_on=date(2021, 9, 1)),
        relation("K200", "Bakkerij Proefdeeg", kvk="90000200", added_on=date(2020, 3, 3)),
        relation("R300", "Nepnet Proef", kvk="90000300", added_on=date(2026, 10, 1)),
    ], invoices=[("F1", "K100", date(2025, 1, 10)), ("F2", "K200", date(2026, 10, 1))])  # fmt: skip
    store.load_export(db, people, "relaties.csv", "sha-people", "test", NOW)
    for name in ("transip/transip_firewall_ictr-vps1.json", "vault/bitwarden.csv",
                 "dsd/licenties.csv"):  # fmt: skip
        importing.import_file(db, FIXTURES / name, actor="test", now=NOW)
    store.add_request(db, type="termination", received_on=date(2026, 3, 2), channel="post",
                      kvk="90000100", actor="test", now=NOW)  # fmt: skip
    return db


@pytest.fixture
def seeded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    db = seed(tmp_path / "toegang.duckdb")
    monkeypatch.setenv("COMPLIANCE_DB", str(db))
    return db


def run(lang: str = "nl", **state) -> AppTest:
    at = AppTest.from_file(str(ROOT / PAGE), default_timeout=60)
    at.session_state["as_of"] = AS_OF
    at.session_state["lang"] = lang
    for key, value in state.items():
        at.session_state[key] = value
    return at.run()


def metric(at: AppTest, key: str, lang: str = "nl") -> int:
    return int(next(m.value for m in at.metric if m.label == t(key, lang)))


def table(at: AppTest):
    return at.dataframe[0].value


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_former_client_with_access_comes_first_in_red(seeded: Path, lang: str) -> None:
    at = run(lang)
    assert not at.exception, [e.value for e in at.exception]
    assert [e.value for e in at.title] == [t("page.toegang", lang)]
    red = at.error[0].value
    assert red.startswith(t("toegang.former.one", lang))
    assert "Kapsalon Testknip B.V." in red and "2026-03-09" in red
    assert "203.0.113.45/32" in red and "ictr-vps1" in red and "…DK7Q" in red
    assert "Nepnet Proef" in at.warning[0].value  # the prospect, in orange
    assert metric(at, "toegang.metric.former", lang) == 1
    assert metric(at, "toegang.metric.prospects", lang) == 1
    first = table(at).iloc[0]
    assert first[t("toegang.col.subject", lang)] == "Kapsalon Testknip B.V."
    assert first[t("toegang.col.state", lang)] == t("toegang.state.remove_now", lang)
    assert at.get("download_button")


def test_filters_by_kind_system_and_search(seeded: Path) -> None:
    at = run()
    at.pills(key="acc_category").set_value(["ip_address"]).run()
    kinds = set(table(at)[t("toegang.col.kind")])
    assert kinds == {t("toegang.category.ip_address")}
    at.pills(key="acc_category").set_value(["ip_address", "credentials"]).run()
    at.text_input(key="acc_search").input("bakkerij").run()
    names = set(table(at)[t("toegang.col.subject")])
    assert names == {"Bakkerij Proefdeeg"}
    at.text_input(key="acc_search").input("").run()
    at.selectbox(key="acc_system").set_value("ictr-vps1").run()
    assert set(table(at)[t("toegang.col.system")]) == {"ictr-vps1"}


def test_link_an_entry_and_it_is_remembered(seeded: Path) -> None:
    at = run()
    unlinked_before = metric(at, "toegang.metric.unlinked")
    entry = at.selectbox(key="acc_link_entry")
    labels = [entry.format_func(i) for i in range(len(entry.options))]
    index = next(i for i, label in enumerate(labels) if "198.51.100.77/32" in label)
    entry.set_value(index)
    bakkerij = int(store.subjects(seeded).query("kvk == '90000200'")["id"].iloc[0])
    at.selectbox(key="acc_link_who").set_value(bakkerij)
    at.get("form_submit_button")[0].click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.success[0].value.startswith("Opgeslagen: ictr-vps1 · RDP thuiswerker")
    assert metric(at, "toegang.metric.unlinked") == unlinked_before - 1
    assert at.selectbox(key="acc_link_who").value is None  # not carried over to the next
    rows = store.access_entries(seeded).set_index("holder")
    assert rows.loc["198.51.100.77/32", "linked_by"] == "owner"
    assert rows.loc["198.51.100.77/32", "subject_id"] == bakkerij


def test_mark_as_own_access(seeded: Path) -> None:
    at = run()
    entry = at.selectbox(key="acc_link_entry")
    labels = [entry.format_func(i) for i in range(len(entry.options))]
    entry.set_value(next(i for i, label in enumerate(labels) if "Wifi vergaderzaal" in label))
    at.selectbox(key="acc_link_who").set_value(-1)
    at.get("form_submit_button")[0].click().run()
    assert not at.exception
    rows = store.access_entries(seeded).set_index("item")
    assert rows.loc["Wifi vergaderzaal", "linked_by"] == "own"


def test_linking_needs_a_choice(seeded: Path) -> None:
    at = run()
    at.get("form_submit_button")[0].click().run()
    assert at.error[-1].value == t("toegang.link_need")
    assert not (store.audit_log(seeded)["action"] == "access_linked").any()


def test_without_access_exports_the_page_says_how_to_get_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "leeg.duckdb"
    people = export("eboekhouden", [relation("K1", "Alleen Boekhouding B.V.", kvk="90000001")])
    store.load_export(db, people, "relaties.csv", "sha", "test", NOW)
    monkeypatch.setenv("COMPLIANCE_DB", str(db))
    at = run()
    assert not at.exception
    assert at.info[0].value == t("toegang.empty")
    assert "pull transip" in at.markdown[-1].value


def test_change_a_link_and_forget_it_again(seeded: Path) -> None:
    at = run()
    entry = at.selectbox(key="acc_relink_entry")
    labels = [entry.format_func(i) for i in range(len(entry.options))]
    entry.set_value(
        next(i for i, label in enumerate(labels) if "Bakkerij Proefdeeg kassa" in label)
    )
    at.selectbox(key="acc_relink_who").set_value(-1)
    at.get("form_submit_button")[-2].click().run()  # save; the last one is "forget"
    assert not at.exception, [e.value for e in at.exception]
    rows = store.access_entries(seeded).set_index("holder")
    assert rows.loc["203.0.113.20/32", "linked_by"] == "own"
    entry = at.selectbox(key="acc_relink_entry")
    labels = [entry.format_func(i) for i in range(len(entry.options))]
    entry.set_value(
        next(i for i, label in enumerate(labels) if "Bakkerij Proefdeeg kassa" in label)
    )
    at.get("form_submit_button")[-1].click().run()
    assert at.success[0].value.startswith("Vergeten:")
    rows = store.access_entries(seeded).set_index("holder")
    assert rows.loc["203.0.113.20/32", "linked_by"] == "name"


def test_the_table_fits_the_page_and_the_download_has_every_column() -> None:
    """Cut-off columns hid what to remove: the page's columns have widths that fit the
    main area at 1400 px (about 920 px); the CSV keeps every column, "linked by" too."""
    from compliance.ui.access import CSV_COLUMNS, PAGE_COLUMNS, PAGE_WIDTHS

    assert set(PAGE_WIDTHS) == set(PAGE_COLUMNS)
    assert sum(PAGE_WIDTHS.values()) <= 920
    assert set(PAGE_COLUMNS) <= set(CSV_COLUMNS) and "toegang.col.linked_by" in CSV_COLUMNS
