"""`python -m compliance pull transip`: fetch the TransIP answers the importer reads.

A small client of our own (standard library + `cryptography`): the PyPI client
`python-transip` cannot be pointed at another address than api.transip.nl, so it could not
be tested against a local fake, and it clashes with the old `transip` package.

Credentials come from the environment or from ``.streamlit/secrets.toml`` (which git
ignores), never from the command line or the repository:

======================== =============================== ===================================
environment              secrets.toml ``[transip]``      meaning
======================== =============================== ===================================
TRANSIP_LOGIN            login                           the TransIP account name
TRANSIP_PRIVATE_KEY_FILE private_key_file                path of the API key pair's private
                                                         key (PEM), made in the control panel
TRANSIP_PRIVATE_KEY      private_key                     the same key as text
TRANSIP_ACCESS_TOKEN     access_token                    instead of a key: a token made in the
                                                         control panel (valid for a short time)
TRANSIP_GLOBAL_KEY       global_key                      "true" when the key may be used from
                                                         any address (default: whitelisted only)
TRANSIP_API_URL          api_url                         default https://api.transip.nl/v6
======================== =============================== ===================================

With a key pair, a token is requested the way TransIP documents it: ``POST /auth`` with
``{"login", "nonce", "read_only": true, "expiration_time": "30 minutes", "label",
"global_key"}``, the exact body signed with the private key (RSA, SHA-512, PKCS#1 v1.5) and
the signature sent base64-encoded in the ``Signature`` header. The token is read-only: the
dashboard only reads. Neither the key nor the token is ever printed, logged or written.

What it fetches (each answer saved as it came, under ``data/raw/transip-<time>/``, which git
ignores): ``/vps``, per VPS ``/ip-addresses`` and ``/firewall``, ``/domains``, per domain
``/contacts``, and ``/invoices``; then `compliance.cli` imports them like any export.
"""

from __future__ import annotations

import base64
import json
import os
import re
import secrets
import tomllib
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SECRETS_FILE = ROOT / ".streamlit" / "secrets.toml"
DEFAULT_API = "https://api.transip.nl/v6"
TIMEOUT_SECONDS = 30
_LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


class PullRefused(Exception):
    """The pull cannot go on; the message is one sentence for the owner (never a secret)."""


@dataclass(frozen=True)
class Credentials:
    login: str | None
    private_key: bytes | None = None
    access_token: str | None = None
    global_key: bool = False
    api_url: str = DEFAULT_API

    def __repr__(self) -> str:  # never show the key or the token, not even in a traceback
        return f"Credentials(login={self.login!r}, api_url={self.api_url!r})"


def _from_secrets_file(path: Path) -> Mapping[str, Any]:
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        raise PullRefused(
            f"{path} cannot be read as TOML; fix the file (see compliance/transip_pull.py)."
        ) from None
    section = data.get("transip", {})
    return section if isinstance(section, dict) else {}


def credentials(
    env: Mapping[str, str] | None = None, secrets_file: Path = SECRETS_FILE
) -> Credentials:
    """The TransIP credentials from the environment, else from .streamlit/secrets.toml."""
    env = os.environ if env is None else env
    conf = _from_secrets_file(secrets_file)

    def get(env_name: str, key: str) -> str | None:
        value = env.get(env_name) or conf.get(key)
        return str(value).strip() if value not in (None, "") else None

    api_url = (get("TRANSIP_API_URL", "api_url") or DEFAULT_API).rstrip("/")
    parts = urllib.parse.urlsplit(api_url)
    if parts.scheme != "https" and not (parts.scheme == "http" and parts.hostname in _LOCAL_HOSTS):
        raise PullRefused(
            f"The TransIP API address {api_url} is not https; a token must never travel "
            "unencrypted."
        )
    token = get("TRANSIP_ACCESS_TOKEN", "access_token")
    key_text = get("TRANSIP_PRIVATE_KEY", "private_key")
    key_file = get("TRANSIP_PRIVATE_KEY_FILE", "private_key_file")
    key = key_text.encode() if key_text else None
    if key is None and key_file:
        try:
            key = Path(key_file).expanduser().read_bytes()
        except OSError as exc:
            raise PullRefused(
                f"The TransIP private key file {key_file} cannot be read ({exc.strerror})."
            ) from None
    login = get("TRANSIP_LOGIN", "login")
    if token is None and (key is None or login is None):
        raise PullRefused(
            "No TransIP credentials: set TRANSIP_LOGIN and TRANSIP_PRIVATE_KEY_FILE (or "
            "TRANSIP_ACCESS_TOKEN) in the environment or under [transip] in "
            ".streamlit/secrets.toml."
        )
    global_key = (get("TRANSIP_GLOBAL_KEY", "global_key") or "").lower() in ("1", "true", "yes")
    return Credentials(login, key, token, global_key, api_url)


# ------------------------------------------------------------------------- the token
def signed_token_request(
    login: str, private_key_pem: bytes, *, global_key: bool = False, nonce: str | None = None
) -> tuple[bytes, str]:
    """(body, Signature header) for POST /auth: the exact body bytes signed with the key."""
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import padding, rsa

    try:
        key = serialization.load_pem_private_key(private_key_pem, password=None)
    except (ValueError, TypeError):
        raise PullRefused(
            "The TransIP private key is not a readable PEM key without a passphrase; copy it "
            "again from the control panel."
        ) from None
    if not isinstance(key, rsa.RSAPrivateKey):
        raise PullRefused("The TransIP private key is not an RSA key; make a new key pair.")
    nonce = nonce or secrets.token_hex(16)
    body = json.dumps(
        {
            "login": login,
            "nonce": nonce,
            "read_only": True,
            "expiration_time": "30 minutes",
            "label": f"avg-toezicht {nonce[:8]}",
            "global_key": global_key,
        },
        separators=(",", ":"),
    ).encode()
    signature = key.sign(body, padding.PKCS1v15(), hashes.SHA512())
    return body, base64.b64encode(signature).decode("ascii")


class TransipClient:
    """GET requests with a bearer token; errors become `PullRefused` sentences."""

    def __init__(self, creds: Credentials, timeout: float = TIMEOUT_SECONDS) -> None:
        self.creds = creds
        self.timeout = timeout
        self._token = creds.access_token

    def _send(self, request: urllib.request.Request) -> bytes:
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.read()
        except urllib.error.HTTPError as exc:
            raise PullRefused(_http_sentence(exc, request)) from None
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise PullRefused(
                f"TransIP ({self.creds.api_url}) could not be reached ({reason}); check the "
                "internet connection and try again."
            ) from None

    def token(self) -> str:
        if self._token is None:
            assert self.creds.login is not None and self.creds.private_key is not None
            body, signature = signed_token_request(
                self.creds.login, self.creds.private_key, global_key=self.creds.global_key
            )
            request = urllib.request.Request(
                f"{self.creds.api_url}/auth",
                data=body,
                method="POST",
                headers={"Content-Type": "application/json", "Signature": signature},
            )
            try:
                self._token = json.loads(self._send(request))["token"]
            except (ValueError, KeyError, TypeError):
                raise PullRefused("TransIP answered the login without a token.") from None
        return self._token

    def get(self, path: str) -> bytes:
        """The raw body of GET <api>/<path> (as saved, so re-imports can be recognised)."""
        request = urllib.request.Request(
            f"{self.creds.api_url}{path}",
            headers={"Authorization": f"Bearer {self.token()}", "Accept": "application/json"},
        )
        return self._send(request)


def _http_sentence(exc: urllib.error.HTTPError, request: urllib.request.Request) -> str:
    try:
        detail = json.loads(exc.read()).get("error", "")
    except (ValueError, AttributeError, OSError):
        detail = ""
    detail = f" ({str(detail)[:200]})" if detail else ""
    path = urllib.parse.urlsplit(request.full_url).path
    if exc.code in (401, 403):
        return (
            f"TransIP refused the login{detail}; check the account name, the key pair and, "
            "unless the key is global, that this computer's address is whitelisted."
        )
    if exc.code == 429:
        return "TransIP says too many requests were made; wait a minute and try again."
    return f"TransIP answered {exc.code} on {path}{detail}; try again later."


# ------------------------------------------------------------------------- the pull
def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("._") or "x"


def _names(body: bytes, key: str) -> list[str]:
    try:
        items = json.loads(body).get(key) or []
    except (ValueError, AttributeError):
        raise PullRefused(
            f"TransIP's answer on /{key} is not valid JSON; try again later."
        ) from None
    return [str(i["name"]) for i in items if isinstance(i, dict) and i.get("name")]


def pull(creds: Credentials, raw_dir: Path, now: datetime) -> list[Path]:
    """Fetch every answer and save it under raw_dir/transip-<time>/; returns the files in the
    order they import best (VPS list first, then addresses, contacts, firewalls, the rest)."""
    client = TransipClient(creds)
    answers: list[tuple[str, bytes]] = []
    vps_list = client.get("/vps")
    answers.append(("transip_vps.json", vps_list))
    for name in _names(vps_list, "vpss"):
        quoted = urllib.parse.quote(name, safe="")
        answers.append(
            (f"transip_ip-addresses_{_safe(name)}.json", client.get(f"/vps/{quoted}/ip-addresses"))
        )
        answers.append(
            (f"transip_firewall_{_safe(name)}.json", client.get(f"/vps/{quoted}/firewall"))
        )
    domains = client.get("/domains")
    for name in _names(domains, "domains"):
        quoted = urllib.parse.quote(name, safe="")
        answers.append(
            (f"transip_contacts_{_safe(name)}.json", client.get(f"/domains/{quoted}/contacts"))
        )
    answers.append(("transip_domains.json", domains))
    answers.append(("transip_invoices.json", client.get("/invoices")))
    folder = raw_dir / f"transip-{now.strftime('%Y%m%d-%H%M%S')}"
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for file_name, body in answers:
        target = folder / file_name
        target.write_bytes(body)
        written.append(target)
    return written
