"""Who may open the dashboard: one owner password, stored only as an argon2 hash.

The hash comes from the environment (`AVG_PASSWORD_HASH`) or `.streamlit/secrets.toml`
(`[auth] password_hash = "..."`, written by `make password`). Without a password the
dashboard may only listen on this computer (127.0.0.1).

    >>> stored = hash_password("correct horse battery")
    >>> verify_password(stored, "correct horse battery"), verify_password(stored, "guess")
    (True, False)
"""

from __future__ import annotations

import ipaddress
import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

ROOT = Path(__file__).resolve().parent.parent
SECRETS_PATH = ROOT / ".streamlit" / "secrets.toml"
HASH_ENV = "AVG_PASSWORD_HASH"
MIN_PASSWORD_LENGTH = 10
MAX_FAILURES = 5
LOCKOUT_SECONDS = 60.0
SESSION_MINUTES = 30

_HASHER = PasswordHasher()


def hash_password(password: str) -> str:
    """An argon2id hash with its own random salt; the password itself is never kept."""
    return _HASHER.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    """argon2's own verification (constant time in the password); False on any mismatch."""
    try:
        return _HASHER.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def password_problem(password: str, repeated: str) -> str | None:
    """Why a new password is refused (a catalog key), or None."""
    if password != repeated:
        return "auth.new.mismatch"
    if len(password) < MIN_PASSWORD_LENGTH:
        return "auth.new.too_short"
    return None


def configured_hash(secrets_path: Path | None = None) -> str | None:
    """The stored hash: the environment wins over secrets.toml; None when neither has one."""
    from_env = os.environ.get(HASH_ENV, "").strip()
    if from_env:
        return from_env
    secrets_path = secrets_path or SECRETS_PATH
    try:
        data = tomllib.loads(secrets_path.read_text(encoding="utf-8"))
    except (FileNotFoundError, tomllib.TOMLDecodeError):
        return None
    value = data.get("auth", {}).get("password_hash")
    return value.strip() if isinstance(value, str) and value.strip() else None


def store_hash(password_hash: str, secrets_path: Path | None = None) -> None:
    """Write `[auth] password_hash` into secrets.toml, keeping its other settings."""
    secrets_path = secrets_path or SECRETS_PATH
    line = f'password_hash = "{password_hash}"'
    text = secrets_path.read_text(encoding="utf-8") if secrets_path.exists() else ""
    if re.search(r"(?m)^password_hash\s*=.*$", text):
        text = re.sub(r"(?m)^password_hash\s*=.*$", lambda _: line, text)
    elif re.search(r"(?m)^\[auth\]\s*$", text):
        text = re.sub(r"(?m)^\[auth\]\s*$", lambda _: f"[auth]\n{line}", text, count=1)
    else:
        text = (text.rstrip() + "\n\n" if text.strip() else "") + f"[auth]\n{line}\n"
    secrets_path.parent.mkdir(parents=True, exist_ok=True)
    secrets_path.write_text(text, encoding="utf-8")
    secrets_path.chmod(0o600)  # only the owner's account may read it


def is_local_address(address: str | None) -> bool:
    """True for addresses reachable from this computer only. Empty or missing is not:
    Streamlit then listens on every interface; nor is a wildcard or a Unix socket (a proxy
    may put that on the network)."""
    if not address or address == "localhost":
        return bool(address)
    try:
        ip = ipaddress.ip_address(address.strip("[]"))
    except ValueError:
        return False
    mapped = getattr(ip, "ipv4_mapped", None)  # ::ffff:127.0.0.1
    return (mapped or ip).is_loopback


def own_listening_addresses(proc: Path = Path("/proc")) -> set[str] | None:
    """The addresses this process's own sockets listen on, read from the kernel (Linux).

    What the server really does, whatever its settings say. None where it cannot be read
    at all (no /proc); an empty set when this process listens nowhere (a page run in a
    test). A missing table (no IPv6) is only that kind of socket not being there.
    """
    try:
        ours = {
            link.removeprefix("socket:[").removesuffix("]")
            for fd in (proc / "self" / "fd").iterdir()
            if (link := _link(fd)).startswith("socket:[")
        }
    except OSError:
        return None
    found: set[str] = set()
    read = 0
    for name in ("tcp", "tcp6"):
        try:
            with (proc / "net" / name).open(encoding="ascii") as fh:
                next(fh, None)
                for line in fh:
                    cells = line.split()
                    if len(cells) > 9 and cells[3] == "0A" and cells[9] in ours:  # LISTEN
                        found.add(_proc_address(cells[1].split(":")[0]))
            read += 1
        except OSError:
            continue
    return found if read else None


def _link(fd: Path) -> str:
    try:
        return os.readlink(fd)
    except OSError:  # closed meanwhile (the listing's own descriptor, say)
        return ""


def _proc_address(hex_address: str) -> str:
    """/proc/net/tcp's address (32-bit words in host order, here little-endian) as text."""
    raw = bytes.fromhex(hex_address)
    ordered = b"".join(raw[i : i + 4][::-1] for i in range(0, len(raw), 4))
    return str(ipaddress.ip_address(ordered))


def serves_this_computer_only(
    configured: str | None, listening: set[str] | None, visitor: str | None
) -> bool:
    """May the dashboard open without a password? Only when it is set to listen on this
    computer, every socket it really listens on is a loopback address, and the visitor
    (None: Streamlit saw 127.0.0.1 or ::1) came from this computer too."""
    return (
        is_local_address(configured)
        and all(is_local_address(a) for a in listening or ())
        and (visitor is None or is_local_address(visitor))
    )


@dataclass
class Throttle:
    """After MAX_FAILURES wrong passwords in a row, nobody may try for LOCKOUT_SECONDS.

    One counter for the whole server: the dashboard has one owner, so a guesser opening
    new browser sessions gains nothing.
    """

    failures: int = 0
    locked_until: float = 0.0

    def wait_seconds(self, now: float) -> int:
        return max(0, round(self.locked_until - now))

    def failed(self, now: float) -> None:
        self.failures += 1
        if self.failures >= MAX_FAILURES:
            self.locked_until = now + LOCKOUT_SECONDS
            self.failures = 0

    def succeeded(self) -> None:
        self.failures = 0
