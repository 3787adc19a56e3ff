"""Shared test setup: make the repository root importable when pytest is run directly.

`python -m pytest` (as `make test` does) puts the working directory on sys.path;
`.venv/bin/pytest` does not, so the `compliance` package would not be found.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _no_owner_password(tmp_path_factory, monkeypatch):
    """Tests never see the developer's own dashboard password (.streamlit/secrets.toml)."""
    from compliance import auth

    monkeypatch.setattr(auth, "SECRETS_PATH", tmp_path_factory.mktemp("secrets") / "s.toml")
    monkeypatch.delenv(auth.HASH_ENV, raising=False)


@pytest.fixture(autouse=True)
def fault_log(tmp_path_factory, monkeypatch) -> Path:
    """Faults are logged in a folder of the test's own, not in the checkout's data/logs."""
    folder = tmp_path_factory.mktemp("logs")
    monkeypatch.setenv("AVG_LOG_DIR", str(folder))
    return folder


@pytest.fixture
def hang_guard():
    """Fails a test still running after 60 s instead of letting it hang the run: for the
    large adversarial inputs that once took quadratic time. No time is asserted."""
    import signal

    def expired(signum, frame):
        raise AssertionError("still running after 60 s: super-linear on a large input?")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(60)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(autouse=True)
def _english_command_line(monkeypatch):
    """The CLI writes refusals in Dutch when $LANG starts with "nl": on a Dutch developer's
    machine the tests would read Dutch where they expect the English default."""
    import os

    if os.environ.get("LANG", "").lower().startswith("nl"):
        monkeypatch.setenv("LANG", "C.UTF-8")
