"""compliance.transip_pull and `python -m compliance pull transip`, against a fake TransIP API
on 127.0.0.1 (a tiny http.server in this file): never the internet.

The fake checks what the real API checks: the signature of the token request (RSA SHA-512
with the account's key pair) and the bearer token on every other call.
"""

from __future__ import annotations

import base64
import json
import logging
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from compliance import store, transip_pull
from compliance.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "transip"
TOKEN = "eyJ0ZXN0LXRva2VuLWdlaGVpbSJ9.nep.token"  # what the fake hands out
ENV_NAMES = (
    "TRANSIP_LOGIN", "TRANSIP_PRIVATE_KEY_FILE", "TRANSIP_PRIVATE_KEY", "TRANSIP_ACCESS_TOKEN",
    "TRANSIP_GLOBAL_KEY", "TRANSIP_API_URL",
)  # fmt: skip


def _key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


KEY = _key()
PEM = KEY.private_bytes(
    serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
)
OTHER_PEM = _key().private_bytes(
    serialization.Encoding.PEM,
    serialization.PrivateFormat.TraditionalOpenSSL,
    serialization.NoEncryption(),
)


def _body(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


ROUTES = {
    "/v6/vps": _body("transip_vps.json"),
    "/v6/vps/ictr-vps1/ip-addresses": b'{"ipAddresses": []}',
    "/v6/vps/ictr-vps1/firewall": _body("transip_firewall_ictr-vps1.json"),
    "/v6/vps/ictr-vps2/ip-addresses": _body("transip_ip-addresses_ictr-vps2.json"),
    "/v6/vps/ictr-vps2/firewall": _body("transip_firewall_ictr-vps2.json"),
    "/v6/domains": _body("transip_domains.json"),
    "/v6/domains/kapsalon-testknip.example/contacts": _body(
        "transip_contacts_kapsalon-testknip.example.json"
    ),
    "/v6/domains/bakkerij-proefdeeg.example/contacts": b'{"contacts": []}',
    "/v6/invoices": _body("transip_invoices.json"),
}


class FakeTransip(BaseHTTPRequestHandler):
    calls: ClassVar[list[tuple[str, str]]] = []
    auth_bodies: ClassVar[list[dict]] = []

    def log_message(self, *args) -> None:  # keep the test output clean
        pass

    def _answer(self, code: int, body: bytes) -> None:
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:
        self.calls.append(("POST", self.path))
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if self.path != "/v6/auth":
            return self._answer(404, b'{"error": "not found"}')
        try:
            KEY.public_key().verify(
                base64.b64decode(self.headers["Signature"]), body, padding.PKCS1v15(),
                hashes.SHA512(),
            )  # fmt: skip
        except (InvalidSignature, ValueError, TypeError):
            return self._answer(401, b'{"error": "Invalid signature"}')
        self.auth_bodies.append(json.loads(body))
        return self._answer(201, json.dumps({"token": TOKEN}).encode())

    def do_GET(self) -> None:
        self.calls.append(("GET", self.path))
        if self.headers.get("Authorization") != f"Bearer {TOKEN}":
            return self._answer(401, b'{"error": "Your access token is invalid"}')
        if self.path not in ROUTES:
            return self._answer(404, b'{"error": "not found"}')
        return self._answer(200, ROUTES[self.path])


@pytest.fixture
def api() -> Iterator[str]:
    FakeTransip.calls, FakeTransip.auth_bodies = [], []
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeTransip)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v6"
    server.shutdown()
    server.server_close()


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, api: str) -> Path:
    """Credentials in the environment only; an empty secrets file so the real one is unused."""
    for name in ENV_NAMES:
        monkeypatch.delenv(name, raising=False)
    key_file = tmp_path / "transip.pem"
    key_file.write_bytes(PEM)
    monkeypatch.setenv("TRANSIP_LOGIN", "ictroermond")
    monkeypatch.setenv("TRANSIP_PRIVATE_KEY_FILE", str(key_file))
    monkeypatch.setenv("TRANSIP_API_URL", api)
    monkeypatch.setattr(transip_pull, "SECRETS_FILE", tmp_path / "geen-secrets.toml")
    return key_file


# ------------------------------------------------------------------------- credentials
def test_credentials_from_the_environment(env: Path, api: str) -> None:
    creds = transip_pull.credentials()
    assert (creds.login, creds.api_url, creds.global_key) == ("ictroermond", api, False)
    assert creds.private_key == PEM
    assert "PRIVATE" not in repr(creds)


def test_credentials_from_secrets_toml(tmp_path: Path) -> None:
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(
        '[transip]\nlogin = "ictroermond"\naccess_token = "tok"\nglobal_key = true\n'
    )
    creds = transip_pull.credentials(env={}, secrets_file=secrets)
    assert (creds.login, creds.access_token, creds.global_key) == ("ictroermond", "tok", True)
    assert creds.api_url == "https://api.transip.nl/v6"
    # The environment wins over the file.
    creds = transip_pull.credentials(env={"TRANSIP_ACCESS_TOKEN": "env"}, secrets_file=secrets)
    assert creds.access_token == "env"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({}, "No TransIP credentials"),
        ({"TRANSIP_LOGIN": "x"}, "No TransIP credentials"),
        ({"TRANSIP_ACCESS_TOKEN": "t", "TRANSIP_API_URL": "http://api.example/v6"}, "not https"),
        ({"TRANSIP_LOGIN": "x", "TRANSIP_PRIVATE_KEY_FILE": "/nope/key.pem"}, "cannot be read"),
    ],
)
def test_missing_or_unsafe_credentials_are_one_sentence(
    tmp_path: Path, env: dict, message: str
) -> None:
    with pytest.raises(transip_pull.PullRefused) as caught:
        transip_pull.credentials(env=env, secrets_file=tmp_path / "none.toml")
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_the_token_request_is_signed_as_transip_documents() -> None:
    body, signature = transip_pull.signed_token_request("ictroermond", PEM, nonce="abc123")
    KEY.public_key().verify(base64.b64decode(signature), body, padding.PKCS1v15(), hashes.SHA512())
    sent = json.loads(body)
    assert sent == {
        "login": "ictroermond", "nonce": "abc123", "read_only": True,
        "expiration_time": "30 minutes", "label": "avg-toezicht abc123", "global_key": False,
    }  # fmt: skip
    with pytest.raises(transip_pull.PullRefused, match="not a readable PEM key"):
        transip_pull.signed_token_request("x", b"-----BEGIN PRIVATE KEY-----\nrommel\n")


# ------------------------------------------------------------------------- the command
def test_pull_saves_every_answer_and_imports_them(
    env: Path, tmp_path: Path, capsys, caplog
) -> None:
    caplog.set_level(logging.DEBUG)
    db, raw = tmp_path / "pull.duckdb", tmp_path / "raw"
    assert main(["pull", "transip", "--db", str(db), "--raw-dir", str(raw)]) == 0
    out = capsys.readouterr()
    folder = next(raw.iterdir())
    assert folder.name.startswith("transip-")
    assert sorted(p.name for p in folder.iterdir()) == [
        "transip_contacts_bakkerij-proefdeeg.example.json",
        "transip_contacts_kapsalon-testknip.example.json",
        "transip_domains.json",
        "transip_firewall_ictr-vps1.json",
        "transip_firewall_ictr-vps2.json",
        "transip_invoices.json",
        "transip_ip-addresses_ictr-vps1.json",
        "transip_ip-addresses_ictr-vps2.json",
        "transip_vps.json",
    ]
    assert (folder / "transip_firewall_ictr-vps1.json").read_bytes() == ROUTES[
        "/v6/vps/ictr-vps1/firewall"
    ]  # saved exactly as received
    assert FakeTransip.auth_bodies[0]["read_only"] is True
    assert [c for c in FakeTransip.calls if c[0] == "POST"] == [("POST", "/v6/auth")]
    assert "transip_firewall_ictr-vps1.json: imported from transip (firewall)" in out.out
    # A domain without contacts and TransIP's own invoices import as read, keeping nothing.
    assert out.err == ""
    assert (
        "transip_contacts_bakkerij-proefdeeg.example.json: imported from transip (domains)"
        in out.out
    )
    entries = store.access_entries(db)
    assert len(entries) == 8 and set(entries["system"]) == {"ictr-vps1", "ictr-vps2"}
    for text in (out.out, out.err, caplog.text):
        assert TOKEN not in text and "PRIVATE KEY" not in text


def test_pulling_again_changes_nothing_when_nothing_changed(
    env: Path, tmp_path: Path, capsys
) -> None:
    db, raw = tmp_path / "pull.duckdb", tmp_path / "raw"
    main(["pull", "transip", "--db", str(db), "--raw-dir", str(raw)])
    capsys.readouterr()
    before = store.imports(db)
    main(["pull", "transip", "--db", str(db), "--raw-dir", str(raw)])
    out = capsys.readouterr().out
    assert "transip_firewall_ictr-vps1.json: already imported earlier; nothing changed." in out
    assert len(store.imports(db)) == len(before)


def test_an_access_token_needs_no_key(monkeypatch, env: Path, tmp_path: Path, capsys) -> None:
    monkeypatch.delenv("TRANSIP_PRIVATE_KEY_FILE")
    monkeypatch.delenv("TRANSIP_LOGIN")
    monkeypatch.setenv("TRANSIP_ACCESS_TOKEN", TOKEN)
    assert main(["pull", "transip", "--db", str(tmp_path / "t.duckdb"),
                 "--raw-dir", str(tmp_path / "raw")]) == 0  # fmt: skip
    assert ("POST", "/v6/auth") not in FakeTransip.calls
    assert ("GET", "/v6/vps") in FakeTransip.calls


def test_a_wrong_key_is_refused_and_nothing_is_written(env: Path, tmp_path: Path, capsys) -> None:
    env.write_bytes(OTHER_PEM)  # a key TransIP does not know (traditional RSA PEM format)
    db, raw = tmp_path / "pull.duckdb", tmp_path / "raw"
    assert main(["pull", "transip", "--db", str(db), "--raw-dir", str(raw)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        "refused: TransIP refused the login (Invalid signature); check the account name, the "
        "key pair and, unless the key is global, that this computer's address is whitelisted."
    ]
    assert not db.exists() and not raw.exists()


def test_an_unreachable_api_is_one_sentence(monkeypatch, env: Path, tmp_path: Path, capsys) -> None:
    monkeypatch.setenv("TRANSIP_API_URL", "http://127.0.0.1:9/v6")  # discard port: refused
    assert main(["pull", "transip", "--db", str(tmp_path / "x.duckdb")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("refused: TransIP (http://127.0.0.1:9/v6) could")


def test_no_credentials_is_exit_2(env: Path, monkeypatch, tmp_path: Path, capsys) -> None:
    for name in ENV_NAMES:
        monkeypatch.delenv(name, raising=False)
    assert main(["pull", "transip", "--db", str(tmp_path / "x.duckdb")]) == 2
    assert "No TransIP credentials" in capsys.readouterr().err
