"""Cookies as a HAR file shows them: a `Set-Cookie` header or an object of a `cookies[]`
list, with its lifetime counted from the time of the response (or the request).

    >>> set_cookie("_ga=GA1.1.1; Max-Age=63072000; Domain=.ictroermond.nl", "www.x.nl", None)
    Cookie(name='_ga', domain='ictroermond.nl', seconds=63072000, ...)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from etl.website_hosts import host_of

_DASHED_DATE = re.compile(r"(\d{1,2})-([A-Za-z]{3})-(\d{2,4})")


def when(text: Any) -> datetime | None:
    """An ISO 8601 or HTTP date (also `Wed, 20-Nov-2028 …`) as an aware datetime."""
    if isinstance(text, int | float) and not isinstance(text, bool):
        return datetime.fromtimestamp(text, UTC) if text > 0 else None
    if not isinstance(text, str) or not text.strip():
        return None
    text = text.strip()
    try:
        found = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            found = parsedate_to_datetime(_DASHED_DATE.sub(r"\1 \2 \3", text))
        except (TypeError, ValueError, IndexError):
            return None
    return found if found.tzinfo else found.replace(tzinfo=UTC)


@dataclass
class Cookie:
    name: str
    domain: str
    seconds: int | None = None
    session: bool = False
    known: bool = False  # lifetime known (a number of seconds or a session cookie)
    how: str = ""
    guessed_domain: bool = False  # listed without a domain (Firefox): the page's site

    def merge(self, other: Cookie) -> None:
        """Keep the longest known lifetime: the conservative reading of one visit."""
        if not other.known:
            return
        if not self.known or (other.seconds or 0) > (self.seconds or 0):
            self.seconds, self.session, self.known, self.how = (
                other.seconds,
                other.session,
                True,
                other.how,
            )


def set_cookie(header: str, host: str, at: datetime | None) -> Cookie | None:
    """One Set-Cookie header value; None for a deletion (Max-Age=0, Expires in the past)."""
    name, _, rest = header.partition("=")
    attrs: dict[str, str] = {}
    for part in rest.split(";")[1:]:
        key, _, val = part.strip().partition("=")
        attrs[key.strip().lower()] = val.strip()
    cookie = Cookie(name.strip(), host_of(attrs.get("domain") or host), known=True)
    if "max-age" in attrs and re.fullmatch(r"-?\d+", attrs["max-age"]):
        cookie.seconds, cookie.how = int(attrs["max-age"]), "Max-Age"
    elif "expires" in attrs and at is not None and (expires := when(attrs["expires"])):
        cookie.seconds, cookie.how = round((expires - at).total_seconds()), "Expires"
    else:
        cookie.session, cookie.how = True, "Set-Cookie"
    if cookie.seconds is not None and cookie.seconds <= 0:
        return None
    return cookie


def listed_cookie(item: Any, host: str, at: datetime | None) -> Cookie | None:
    """One object of a HAR `cookies[]` list."""
    if not isinstance(item, dict) or not str(item.get("name") or "").strip():
        return None
    cookie = Cookie(str(item["name"]).strip(), host_of(str(item.get("domain") or host)))
    cookie.guessed_domain = not item.get("domain")
    if "expires" not in item:
        return cookie  # Firefox lists request cookies without attributes: lifetime unknown
    expires = when(item["expires"])
    if item["expires"] in (None, "", "Session", "session") or expires is None:
        cookie.session = cookie.known = True
        cookie.how = "cookies[]"
        return cookie
    if at is None:
        return cookie
    cookie.seconds, cookie.known, cookie.how = (
        round((expires - at).total_seconds()),
        True,
        "expires",
    )
    return cookie if cookie.seconds > 0 else None
