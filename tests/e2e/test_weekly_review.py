"""The owner's week in a real browser: upload two exports, see the counts change, mark a
deletion done, sign off, download the audit workbook.

Runs headless Chromium (Debian's `chromium`) through Playwright against `streamlit run` on
127.0.0.1. Without Chromium or Playwright the tests are skipped with a message, except when
AVG_E2E_REQUIRED=1 (set by .ci/run), where that is a failure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from compliance import store
from compliance.policy import load_policy
from compliance.report import build_snapshot
from compliance.store import review as review_store
from tests.e2e.conftest import free_port, start_dashboard

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "data" / "samples"


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[tuple[str, Path]]:
    db = tmp_path_factory.mktemp("e2e") / "e2e.duckdb"
    port = free_port()
    proc = start_dashboard(db, port, ["--server.address", "127.0.0.1"])
    try:
        yield f"http://127.0.0.1:{port}", db
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def _metric(page, label: str) -> str:
    box = page.get_by_test_id("stMetric").filter(has_text=label).first
    return box.get_by_test_id("stMetricValue").inner_text().strip()


def _wait_idle(page) -> None:
    """Until Streamlit has finished running the script (no 'Running…' indicator)."""
    page.wait_for_timeout(300)
    page.get_by_test_id("stStatusWidget").wait_for(state="hidden", timeout=60_000)


def _headline_adds_up(page) -> int:
    """The yellow headline's number is the sum of its three cards; returns it."""
    headline = page.get_by_test_id("stAlert").filter(has_text="aandacht").first.inner_text()
    number = int(re.search(r"(\d+) (zaken vragen|zaak vraagt)", headline).group(1))
    cards = [
        int(_metric(page, label))
        for label in ("Verwijderingen te laat", "Verzoeken die haast hebben", "Andere bevindingen")
    ]
    assert number == sum(cards), (headline, cards)
    return number


def test_weekly_review_in_the_browser(browser_page, server, tmp_path: Path) -> None:
    page = browser_page
    url, db = server
    shots = tmp_path / "shots"
    shots.mkdir()

    # 1. An empty dashboard says so.
    page.goto(url)
    page.get_by_text("Er staan nog geen gegevens").first.wait_for(timeout=60_000)

    # 2. Upload two exports at once; the preview shows both, then import.
    page.goto(f"{url}/importeren")
    page.get_by_text("Exportbestanden").first.wait_for(timeout=60_000)
    page.locator("input[type=file]").set_input_files(
        [str(SAMPLES / "eboekhouden-relaties.csv"), str(SAMPLES / "eboekhouden-facturen.csv")]
    )
    button = page.get_by_role("button", name="Importeren", exact=True)
    button.wait_for(timeout=60_000)
    page.get_by_text("eboekhouden-facturen.csv").first.wait_for(timeout=60_000)
    _wait_idle(page)
    button.click()
    page.get_by_text("eboekhouden-relaties.csv:").first.wait_for(timeout=60_000)
    page.screenshot(path=str(shots / "import.png"), full_page=True)
    assert len(store.imports(db)) == 2

    # 3. The Overzicht shows the counts the report computes from the same database.
    snap = build_snapshot(db, load_policy(), date.today())
    overdue = int((snap.deletions["status"] == "overdue").sum())
    assert overdue > 0, "the samples are meant to have overdue deletions"
    page.goto(url)
    page.get_by_test_id("stMetric").first.wait_for(timeout=60_000)
    _wait_idle(page)
    assert _metric(page, "Verwijderingen te laat") == str(overdue)
    attention = _headline_adds_up(page)

    # 4. Mark one deletion done with evidence.
    page.goto(f"{url}/verwijderingen")
    page.get_by_text("Markeer als verwijderd").first.wait_for(timeout=60_000)
    _wait_idle(page)
    page.get_by_label("Hoe is het verwijderd?").fill("Relatie verwijderd in e-boekhouden.nl")
    page.get_by_label("Door wie").fill("Rob")  # a computer account is never offered
    page.get_by_text("Ik bevestig").click()
    page.get_by_role("button", name="Vastleggen").click()
    page.get_by_text("staat nu als verwijderd").first.wait_for(timeout=60_000)
    assert "deletion_marked" in store.audit_log(db)["action"].tolist()

    # 5. The Overzicht now counts one overdue deletion less; sign off with a note.
    page.goto(url)
    page.get_by_test_id("stMetric").first.wait_for(timeout=60_000)
    _wait_idle(page)
    assert _metric(page, "Verwijderingen te laat") == str(overdue - 1)
    page.get_by_label("Notitie bij de aftekening (optioneel)").fill("Week 48 bekeken")
    page.get_by_role("button", name="Aftekenen").click()
    page.get_by_text("Afgetekend.").first.wait_for(timeout=60_000)
    _wait_idle(page)
    # The first sign-off starts the trend: the chart replaces "appears once you signed off".
    page.get_by_text("Verloop per aftekening").first.wait_for(timeout=60_000)
    page.get_by_test_id("stPlotlyChart").first.wait_for(timeout=60_000)
    attention = _headline_adds_up(page)
    signed = review_store.sign_offs(db)
    assert signed["note"].tolist() == ["Week 48 bekeken"]
    page.screenshot(path=str(shots / "overzicht.png"), full_page=True)

    # 6. Download the audit workbook from the sidebar and open it.
    with page.expect_download(timeout=120_000) as info:
        page.get_by_role("button", name="Auditwerkboek (Excel)").click()
    target = tmp_path / "audit.xlsx"
    info.value.save_as(target)
    workbook = openpyxl.load_workbook(target)
    assert workbook.sheetnames[:4] == [
        "Samenvatting",
        "Verwerkingsregister",
        "Inventaris",
        "Verwijderingen",
    ]
    summary = {r[0]: r[1] for r in workbook["Samenvatting"].iter_rows(min_row=3, values_only=True)}
    assert summary["Verwijderingen te laat"] == overdue - 1
    assert "Week 48" not in str(summary)  # the note is in the audit log, not the summary
    assert summary["Laatste aftekening"] != "nog geen"
    # The workbook counts what the Overzicht's headline counts.
    assert (
        summary[
            "Zaken die aandacht vragen (verwijderingen te laat + verzoeken die haast hebben + "
            "andere bevindingen)"
        ]
        == attention
    )
