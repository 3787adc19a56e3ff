"""What the browser tests share: headless Chromium through Playwright, a free port, and
a dashboard started with `streamlit run` the way the owner's machine would run it."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("AVG_CHROMIUM", "/usr/bin/chromium")
HOW = (
    "to run the browser tests, install Chromium: apt-get install -y chromium "
    "(make test installs Playwright)"
)
CHROME_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _unavailable() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed"
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        return f"no Chromium at {CHROMIUM}"
    return None


@pytest.fixture(scope="module")
def browser_page() -> Iterator:
    problem = _unavailable()
    if problem:
        if os.environ.get("AVG_E2E_REQUIRED") == "1":
            pytest.fail(f"browser tests are required here, but {problem}; {HOW}")
        pytest.skip(f"{problem}; {HOW}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROME_ARGS)
        context = browser.new_context(
            viewport={"width": 1400, "height": 1000}, accept_downloads=True, locale="nl-NL"
        )
        yield context.new_page()
        browser.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_dashboard(
    db: Path, port: int, options: list[str], app: Path = ROOT, health: str = "127.0.0.1"
) -> subprocess.Popen:
    """`streamlit run dashboard.py` in `app` (and from there) with `options`, once it
    answers on `health`:`port`."""
    if _unavailable() and os.environ.get("AVG_E2E_REQUIRED") != "1":
        pytest.skip(f"{_unavailable()}; {HOW}")
    env = {**os.environ, "COMPLIANCE_DB": str(db), "PYTHONPATH": str(ROOT)}
    env.pop("AVG_PASSWORD_HASH", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(app / "dashboard.py"),
         "--server.port", str(port), "--server.headless", "true",
         "--browser.gatherUsageStats", "false", *options],
        cwd=app, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    for _ in range(120):
        try:
            with urllib.request.urlopen(f"http://{health}:{port}/_stcore/health", timeout=1):
                return proc
        except OSError:
            time.sleep(0.5)
    proc.kill()
    pytest.fail("streamlit did not start within 60 s")
