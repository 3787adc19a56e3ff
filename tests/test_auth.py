"""The login gate: hashes only, throttling, session expiry, audit entries, and no network
address without a password."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from compliance import auth, store
from compliance.cli import main
from tests.factories import NOW, export, relation

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "kantoor-Swalmen-2026"
HASH = auth.hash_password(PASSWORD)


@pytest.fixture(autouse=True)
def no_real_secrets(tmp_path: Path, monkeypatch) -> Path:
    """Never read the developer's own .streamlit/secrets.toml."""
    secrets = tmp_path / "secrets.toml"
    monkeypatch.setattr(auth, "SECRETS_PATH", secrets)
    monkeypatch.delenv(auth.HASH_ENV, raising=False)
    return secrets


def test_hash_verifies_and_never_contains_the_password() -> None:
    assert PASSWORD not in HASH and HASH.startswith("$argon2id$")
    assert auth.verify_password(HASH, PASSWORD)
    assert not auth.verify_password(HASH, PASSWORD.upper())
    assert not auth.verify_password("not a hash", PASSWORD)
    assert auth.hash_password(PASSWORD) != HASH  # salted


def test_environment_wins_over_secrets_file(no_real_secrets: Path, monkeypatch) -> None:
    assert auth.configured_hash() is None
    auth.store_hash(HASH)
    assert auth.configured_hash() == HASH
    monkeypatch.setenv(auth.HASH_ENV, "from-env")
    assert auth.configured_hash() == "from-env"


def test_store_hash_keeps_other_settings_and_is_private(no_real_secrets: Path) -> None:
    no_real_secrets.write_text('[transip]\nlogin = "demo"\n', encoding="utf-8")
    auth.store_hash("first")
    auth.store_hash("second")
    text = no_real_secrets.read_text(encoding="utf-8")
    assert 'login = "demo"' in text
    assert text.count("password_hash") == 1 and 'password_hash = "second"' in text
    assert oct(no_real_secrets.stat().st_mode & 0o777) == "0o600"


@pytest.mark.parametrize(
    ("password", "repeated", "problem"),
    [
        ("kort", "kort", "auth.new.too_short"),
        ("lang-genoeg-1", "lang-genoeg-2", "auth.new.mismatch"),
        ("lang-genoeg-1", "lang-genoeg-1", None),
    ],
)
def test_password_problem(password: str, repeated: str, problem: str | None) -> None:
    assert auth.password_problem(password, repeated) == problem


@pytest.mark.parametrize(
    ("address", "local"),
    [
        ("127.0.0.1", True),
        ("127.0.0.2", True),
        ("::1", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("192.168.1.10", False),
        ("", False),
        (None, False),  # not set: Streamlit listens on every interface
        ("::", False),
        ("::ffff:127.0.0.1", True),
        ("[::1]", True),
        ("unix:///tmp/avg.sock", False),  # a proxy may put a socket on the network
        ("example.nl", False),
    ],
)
def test_is_local_address(address: str | None, local: bool) -> None:
    assert auth.is_local_address(address) is local


@pytest.mark.parametrize(
    ("configured", "listening", "visitor", "opens"),
    [
        ("127.0.0.1", {"127.0.0.1"}, None, True),
        ("127.0.0.1", set(), None, True),  # a page run without a server (a test)
        ("127.0.0.1", None, None, True),  # no /proc: the setting decides
        ("::1", {"::1"}, None, True),
        ("127.0.0.1", {"127.0.0.1", "::"}, None, False),  # really also on every interface
        ("127.0.0.1", {"0.0.0.0"}, None, False),
        ("127.0.0.1", {"127.0.0.1"}, "192.168.1.20", False),  # a visitor from the network
        ("127.0.0.1", {"127.0.0.1"}, "127.0.0.2", True),
        ("", set(), None, False),
        (None, set(), None, False),
        ("0.0.0.0", {"0.0.0.0"}, None, False),
    ],
)
def test_the_dashboard_opens_without_password_only_on_this_computer(
    configured: str | None, listening: set[str] | None, visitor: str | None, opens: bool
) -> None:
    assert auth.serves_this_computer_only(configured, listening, visitor) is opens


def test_the_addresses_this_process_really_listens_on_are_read_from_the_kernel() -> None:
    import socket

    before = auth.own_listening_addresses()
    if before is None:
        pytest.skip("no /proc on this system: the setting alone decides")
    with socket.socket() as v4, socket.socket(socket.AF_INET6) as v6:
        v4.bind(("127.0.0.1", 0))
        v4.listen()
        v6.bind(("::", 0))
        v6.listen()
        assert auth.own_listening_addresses() - before == {"127.0.0.1", "::"}
    assert auth.own_listening_addresses() == before


def test_throttle_locks_after_five_failures() -> None:
    throttle = auth.Throttle()
    for second in range(4):
        throttle.failed(1000.0 + second)
        assert throttle.wait_seconds(1000.0 + second) == 0
    throttle.failed(1004.0)
    assert throttle.wait_seconds(1004.0) == 60
    assert throttle.wait_seconds(1034.0) == 30
    assert throttle.wait_seconds(1064.0) == 0


def test_password_command_stores_only_a_hash(no_real_secrets: Path, monkeypatch, capsys) -> None:
    answers = iter([PASSWORD, PASSWORD])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert main(["password"]) == 0
    stored = auth.configured_hash()
    assert stored and auth.verify_password(stored, PASSWORD)
    assert PASSWORD not in no_real_secrets.read_text(encoding="utf-8")
    assert PASSWORD not in capsys.readouterr().out


def test_password_command_refuses_a_short_password(monkeypatch, capsys) -> None:
    monkeypatch.setattr("getpass.getpass", lambda prompt="": "kort")
    assert main(["password"]) == 2
    assert "at least 10 characters" in capsys.readouterr().err
    assert auth.configured_hash() is None


def test_serve_refuses_a_network_address_without_password(capsys) -> None:
    assert main(["serve", "--address", "0.0.0.0"]) == 2
    assert "will not listen on 0.0.0.0" in capsys.readouterr().err


# ------------------------------------------------------------------------- in the app
@pytest.fixture
def db(tmp_path: Path, monkeypatch) -> Path:
    path = tmp_path / "auth.duckdb"
    store.load_export(
        path, export("eboekhouden", [relation("1", "Alfa Test BV")]), "a.csv", "sha", "t", NOW
    )
    monkeypatch.setenv("COMPLIANCE_DB", str(path))
    return path


def run_page(at: AppTest | None = None) -> AppTest:
    at = at or AppTest.from_file(str(ROOT / "pages" / "overzicht.py"), default_timeout=30)
    return at.run()


def audit_actions(db: Path) -> list[str]:
    return store.audit_log(db)["action"].tolist()[::-1]


def test_without_password_the_local_dashboard_opens(db: Path) -> None:
    at = run_page()
    assert not at.exception
    assert [t.value for t in at.title] == ["Overzicht"]


def test_with_password_the_page_asks_first(db: Path, monkeypatch) -> None:
    monkeypatch.setenv(auth.HASH_ENV, HASH)
    auth_throttle_reset()
    at = run_page()
    assert [t.value for t in at.title] == ["Aanmelden bij AVG-toezicht"]
    assert not at.metric  # nothing of the register is shown

    at.text_input[0].input("fout-wachtwoord")
    at.button[0].click().run()
    assert "Dat wachtwoord klopt niet" in at.error[0].value
    assert [t.value for t in at.title] == ["Aanmelden bij AVG-toezicht"]

    at.text_input[0].input(PASSWORD)
    at.button[0].click().run()
    assert [t.value for t in at.title] == ["Overzicht"]
    assert audit_actions(db)[-2:] == ["login_failed", "login"]

    logout = next(b for b in at.sidebar.button if b.label == "Afmelden")
    logout.click().run()
    assert [t.value for t in at.title] == ["Aanmelden bij AVG-toezicht"]
    assert audit_actions(db)[-1] == "logout"


def test_five_failures_lock_out_even_the_right_password(db: Path, monkeypatch) -> None:
    monkeypatch.setenv(auth.HASH_ENV, HASH)
    auth_throttle_reset()
    at = run_page()
    for _ in range(5):
        at.text_input[0].input("fout")
        at.button[0].click().run()
    at.text_input[0].input(PASSWORD)
    at.button[0].click().run()
    assert "Te veel mislukte pogingen" in at.error[0].value
    assert [t.value for t in at.title] == ["Aanmelden bij AVG-toezicht"]
    assert audit_actions(db).count("login_failed") == 5


def test_session_expires_after_inactivity(db: Path, monkeypatch) -> None:
    monkeypatch.setenv(auth.HASH_ENV, HASH)
    auth_throttle_reset()
    at = run_page()
    at.text_input[0].input(PASSWORD)
    at.button[0].click().run()
    assert [t.value for t in at.title] == ["Overzicht"]
    at.session_state["_auth_seen"] = at.session_state["_auth_seen"] - 31 * 60
    at.run()
    assert [t.value for t in at.title] == ["Aanmelden bij AVG-toezicht"]
    assert "niet actief" in at.info[0].value


@pytest.mark.parametrize(
    "address", ["0.0.0.0", "::", "", None, "192.168.1.10", "unix:///tmp/avg.sock"]
)
def test_no_password_on_a_network_address_shows_nothing(db: Path, address: str | None) -> None:
    from streamlit import config

    previous = config.get_option("server.address")
    config.set_option("server.address", address)
    try:
        at = run_page()
    finally:
        config.set_option("server.address", previous)
    assert "geen wachtwoord ingesteld" in at.error[0].value
    assert not at.metric


def auth_throttle_reset() -> None:
    from compliance.ui import login

    login._throttle.clear()


def test_streamlit_config_is_fit_for_personal_data() -> None:
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["address"] == "127.0.0.1"
    assert config["server"]["enableXsrfProtection"] is True
    assert config["browser"]["gatherUsageStats"] is False
    assert config["client"]["showErrorDetails"] == "none"
    assert 0 < config["server"]["maxUploadSize"] <= 200


def test_serve_starts_streamlit_on_loopback_only(tmp_path: Path) -> None:
    """`python -m compliance serve` without arguments binds 127.0.0.1 (checked on the socket)."""
    env = {**os.environ, "COMPLIANCE_DB": str(tmp_path / "s.duckdb"), "PYTHONPATH": str(ROOT)}
    env.pop(auth.HASH_ENV, None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "compliance", "serve", "--port", "8591"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert proc.stdout.readline().strip() == "AVG-toezicht: http://127.0.0.1:8591"
        for _ in range(60):
            line = proc.stdout.readline()
            if "8591" in line and "127.0.0.1" in line:
                break
        assert listening_addresses(8591) == {"127.0.0.1"}
    finally:
        proc.kill()
        proc.wait()


def listening_addresses(port: int) -> set[str]:
    """IPv4/IPv6 addresses listening on `port`, read from /proc (no ss/netstat needed)."""
    found = set()
    for name in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(name, encoding="ascii") as fh:
            next(fh)
            for line in fh:
                local, state = line.split()[1], line.split()[3]
                address, port_hex = local.split(":")
                if state != "0A" or int(port_hex, 16) != port:
                    continue
                if len(address) == 8:
                    found.add(".".join(str(b) for b in bytes.fromhex(address)[::-1]))
                else:
                    found.add("::" if set(address) == {"0"} else address)
    return found


def test_a_missing_ipv6_table_does_not_hide_the_ipv4_sockets(tmp_path: Path) -> None:
    import shutil
    import socket

    fake = tmp_path / "proc"
    (fake / "net").mkdir(parents=True)
    (fake / "self").mkdir()
    (fake / "self" / "fd").symlink_to("/proc/self/fd")
    with socket.socket() as v4:
        v4.bind(("0.0.0.0", 0))
        v4.listen()
        shutil.copy("/proc/net/tcp", fake / "net" / "tcp")  # no tcp6: IPv6 switched off
        assert "0.0.0.0" in auth.own_listening_addresses(fake)
    assert auth.own_listening_addresses(tmp_path / "nothing") is None
