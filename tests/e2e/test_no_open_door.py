"""No open door: without a password, a dashboard that really listens on the network shows
nothing, whatever way its address was (not) set; one on 127.0.0.1 is not reachable on any
other address. A second loopback address (127.0.0.2) stands in for the network: it reaches
only a server that listens on every interface."""

from __future__ import annotations

import shutil
import socket
from pathlib import Path

import pytest

from tests.e2e.conftest import ROOT, free_port, start_dashboard


@pytest.mark.parametrize(
    "options",
    [[], ["--server.address", "0.0.0.0"], ["--server.address", "::"]],
    ids=["address-missing", "ipv4-wildcard", "ipv6-wildcard"],
)
def test_without_password_a_dashboard_on_the_network_shows_nothing(
    browser_page, tmp_path: Path, options: list[str]
) -> None:
    # The app copied where no .streamlit/config.toml is (Streamlit reads the one beside the
    # script and in the working folder): only `options` set the address.
    app = tmp_path / "app"
    shutil.copytree(ROOT / "pages", app / "pages")
    shutil.copy(ROOT / "dashboard.py", app / "dashboard.py")
    port = free_port()
    proc = start_dashboard(tmp_path / "d.duckdb", port, options, app=app, health="127.0.0.2")
    try:
        browser_page.goto(f"http://127.0.0.2:{port}")
        browser_page.get_by_text("Er is geen wachtwoord ingesteld").first.wait_for(timeout=60_000)
        assert browser_page.get_by_test_id("stMetric").count() == 0
        assert browser_page.get_by_text("Er staan nog geen gegevens").count() == 0
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_a_dashboard_on_127_0_0_1_is_not_reachable_on_another_address(
    browser_page, tmp_path: Path
) -> None:
    port = free_port()
    proc = start_dashboard(tmp_path / "d.duckdb", port, ["--server.address", "127.0.0.1"])
    try:
        with pytest.raises(OSError):
            socket.create_connection(("127.0.0.2", port), timeout=2).close()
        browser_page.goto(f"http://127.0.0.1:{port}")  # and here it opens, no password asked
        browser_page.get_by_text("Er staan nog geen gegevens").first.wait_for(timeout=60_000)
    finally:
        proc.terminate()
        proc.wait(timeout=20)
