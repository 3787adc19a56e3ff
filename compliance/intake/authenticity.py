"""Is the sender who the From: line says? What the receiving server found, when it wrote it.

Exchange Online stamps every message it receives with an Authentication-Results header
(RFC 8601), for example::

    spf=pass (sender IP is 203.0.113.5) smtp.mailfrom=bakkerij.example.nl; dkim=pass
    (signature was verified) header.d=bakkerij.example.nl;dmarc=pass action=none
    header.from=bakkerij.example.nl;compauth=pass reason=100

Only the topmost one counts: it is added last, by our own server; one further down may have
been written by anyone. A message is *unconfirmed* when SPF, DKIM and DMARC all failed, or
when the domain the server authenticated differs from the From: domain. Without the header
(an export that dropped it, a message trace) nothing is known and nothing is concluded.

    >>> check("a@bakkerij.example.nl", {"authentication-results": ["spf=fail …"]}).unconfirmed
    True
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

_RESULT = re.compile(r"\b(spf|dkim|dmarc)\s*=\s*([a-z]+)", re.I)
_HEADER_FROM = re.compile(r"\bheader\.from\s*=\s*([\w.\-]+)", re.I)
_PASS = "pass"
MAX_HEADER_CHARS = 4000  # a real Authentication-Results line is a few hundred characters


@dataclass(frozen=True)
class Authenticity:
    checked: bool = False  # the message carries the receiving server's verdict
    spf: str | None = None
    dkim: str | None = None
    dmarc: str | None = None
    header_from: str | None = None  # the domain DMARC was evaluated for
    all_failed: bool = False
    other_domain: bool = False  # header.from is not the From: address's domain

    @property
    def unconfirmed(self) -> bool:
        return self.all_failed or self.other_domain

    @property
    def summary(self) -> str:
        """'spf=fail dkim=none dmarc=fail header.from=x.nl': the evidence as the header had it."""
        parts = [f"{k}={v}" for k, v in (("spf", self.spf), ("dkim", self.dkim),
                                          ("dmarc", self.dmarc)) if v]  # fmt: skip
        if self.header_from:
            parts.append(f"header.from={self.header_from}")
        return " ".join(parts)


def _domain(address: str) -> str:
    return address.rpartition("@")[2].strip().strip(".").lower()


def check(sender: str, headers: Mapping[str, Iterable[str]]) -> Authenticity:
    """What the topmost Authentication-Results header says of `sender` (an address)."""
    values = list(headers.get("authentication-results", ()))
    if not values:
        return Authenticity()
    header = str(values[0])[:MAX_HEADER_CHARS]
    results: dict[str, str] = {}
    for method, result in _RESULT.findall(header):
        results.setdefault(method.lower(), result.lower())
    if not results:
        return Authenticity()
    found = _HEADER_FROM.search(header)
    header_from = found.group(1).lower().strip(".") if found else None
    reported = [results.get(m) for m in ("spf", "dkim", "dmarc")]
    all_failed = all(r is not None and r != _PASS for r in reported)
    own = _domain(sender)
    other_domain = bool(header_from and own and header_from != own)
    return Authenticity(True, *reported, header_from, all_failed, other_domain)
