"""A HAR file: what one visit to the site really did (cookies set, trackers called).

How the owner gets the file: open a private (incognito) window, press F12, open the
Network tab, visit the home page and click through two pages, then right-click the list
and choose "Save all as HAR" (Firefox) or "Export HAR (with sensitive data)" (Chrome; its
default "sanitized" export leaves every cookie out). No cookie value is kept, only names,
domains and lifetimes.

What is read:
- every cookie: from the `Set-Cookie` response headers and the `cookies[]` of responses
  and requests (Chrome lists the cookies scripts wrote, such as `_ga`, with their expiry on
  the requests that carry them); lifetime from `Max-Age`, else `Expires`, relative to the
  response's `Date` header, else to the entry's `startedDateTime`; session cookies; first
  or third party relative to the site of the visited page;
- every request to an analytics or advertising host (etl.website_hosts) with the tag or
  measurement id (`tid=G-…`, `id=…`) and the names (never the values) of the parameters
  Google Analytics hits send: `uid` means User-ID, `aip=1` masked IPs (Universal Analytics);
- the HTML of the visited page when the HAR holds it, for the tag's set-up.

    >>> export = parse_har(Path("bezoek.har"))
    >>> sorted(o.name for o in export.observations if o.kind == "cookie")
    ['_ga', '_ga_AB12CD34', '_gid']
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from etl.model import ImportRefused, ParsedExport, Said, WebObservation
from etl.tabular import sniff_encoding
from etl.website_cookies import Cookie, listed_cookie, set_cookie, when
from etl.website_hosts import (
    GA_IMPLICIT_FIELDS,
    cookie_category,
    fields_of_params,
    host_of,
    site_of,
    tracker_for,
)
from etl.website_page import page_observations

HOW = Said("how.har")
MAX_HAR_BYTES = 512 * 1024 * 1024


def load_har(path: Path) -> dict[str, Any]:
    """The `log` object of a HAR file, or a refusal in one sentence."""
    try:
        if path.stat().st_size > MAX_HAR_BYTES:
            raise ImportRefused("refusal.har_too_big", file=path.name, how=HOW)
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportRefused("refusal.unreadable", file=path.name, problem=exc.strerror) from None
    encoding = sniff_encoding(raw[:4096])
    try:
        doc = json.loads(raw.decode("utf-8" if encoding == "binary" else encoding))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        if hasattr(exc, "lineno"):
            raise ImportRefused(
                "refusal.har_not_json_at", file=path.name, line=exc.lineno, column=exc.colno,
                how=HOW,
            ) from None  # fmt: skip
        raise ImportRefused("refusal.har_not_json", file=path.name, how=HOW) from None
    log = doc.get("log") if isinstance(doc, dict) else None
    if not isinstance(log, dict) or not isinstance(log.get("entries"), list):
        raise ImportRefused("refusal.har_no_entries", file=path.name, how=HOW)
    if not log["entries"]:
        raise ImportRefused("refusal.har_no_requests", file=path.name, how=HOW)
    return log


@dataclass
class _Tracker:
    service: str
    category: str
    requests: int = 0
    ids: set[str] = field(default_factory=set)


@dataclass
class _Visit:
    site: str = ""
    cookies: dict[tuple[str, str], Cookie] = field(default_factory=dict)
    trackers: dict[str, _Tracker] = field(default_factory=dict)
    params: dict[str, set[str]] = field(default_factory=dict)  # measurement id -> params
    signals_traffic: bool = False
    cookie_info: bool = False
    page_html: str = ""

    def add_cookie(self, cookie: Cookie | None) -> None:
        if cookie is None:
            return
        if cookie.guessed_domain:  # the same name with a real domain is the same cookie
            same = [k for k in self.cookies if k[0] == cookie.name]
            if same:
                self.cookies[same[0]].merge(cookie)
                return
        elif (cookie.name, self.site) in self.cookies and self.cookies[
            (cookie.name, self.site)
        ].guessed_domain:
            guessed = self.cookies.pop((cookie.name, self.site))
            cookie.merge(guessed)
        key = (cookie.name, cookie.domain)
        if key in self.cookies:
            self.cookies[key].merge(cookie)
        else:
            self.cookies[key] = cookie


def _headers(message: Any, name: str) -> list[str]:
    found = []
    for header in message.get("headers") or []:
        if isinstance(header, dict) and str(header.get("name", "")).lower() == name:
            found.extend(str(header.get("value") or "").split("\n"))
    return [h for h in found if h.strip()]


def _hit_params(url: str, request: dict[str, Any]) -> list[dict[str, str]]:
    """Parameter sets of one analytics request: the URL's, merged with each POSTed hit."""
    query = dict(parse_qsl(urlsplit(url).query, keep_blank_values=True))
    post = request.get("postData") if isinstance(request.get("postData"), dict) else {}
    lines = [ln for ln in str(post.get("text") or "").splitlines() if "=" in ln]
    return [{**query, **dict(parse_qsl(ln, keep_blank_values=True))} for ln in lines] or [query]


def _read_entry(visit: _Visit, entry: dict[str, Any]) -> None:
    request = entry.get("request") if isinstance(entry.get("request"), dict) else {}
    response = entry.get("response") if isinstance(entry.get("response"), dict) else {}
    url = str(request.get("url") or "")
    parts = urlsplit(url)
    host = host_of(parts.hostname or "")
    started = when(entry.get("startedDateTime"))
    date_header = next(iter(_headers(response, "date")), None)
    answered = when(date_header) if date_header else started
    for header in _headers(response, "set-cookie"):
        visit.cookie_info = True
        visit.add_cookie(set_cookie(header, host, answered))
    for item in response.get("cookies") or []:
        visit.cookie_info = True
        visit.add_cookie(listed_cookie(item, host, answered))
    listed = request.get("cookies") or []
    for item in listed:
        visit.cookie_info = True
        visit.add_cookie(listed_cookie(item, site_of(host), started))
    if not listed:
        for header in _headers(request, "cookie"):
            visit.cookie_info = True
            for pair in header.split(";"):
                if pair.strip():
                    visit.add_cookie(Cookie(pair.split("=")[0].strip(), site_of(host)))
    tracker = tracker_for(host, parts.path or "/")
    if tracker is None:
        return
    found = visit.trackers.setdefault(host, _Tracker(*tracker))
    found.requests += 1
    for params in _hit_params(url, request):
        tid = params.get("tid") or params.get("id") or ""
        if tid and tracker[0] == "facebook_pixel":
            found.ids.add(f"fb:{tid}")
        elif tid:
            found.ids.add(tid)
        if tracker[0] == "google_signals":
            visit.signals_traffic = True
        elif tracker[0] == "google_analytics" and tid and "collect" in parts.path:
            visit.params.setdefault(tid, set()).update(k for k, v in params.items() if v)
            if params.get("aip") == "1":
                visit.params[tid].add("aip=1")
            if params.get("npa") == "1":
                visit.params[tid].add("npa=1")


def _page(log: dict[str, Any], entries: list[dict[str, Any]]) -> tuple[str, str, date | None]:
    """(visited page URL without query, its HTML if the HAR kept it, date of the visit)."""
    pages = [p for p in log.get("pages") or [] if isinstance(p, dict)]
    started = when(pages[0].get("startedDateTime")) if pages else None
    documents = [
        e
        for e in entries
        if e.get("_resourceType") == "document"
        or "text/html" in str(((e.get("response") or {}).get("content") or {}).get("mimeType"))
    ]
    first = (documents or entries)[0]
    url = str((first.get("request") or {}).get("url") or "")
    started = started or when(first.get("startedDateTime"))
    content = (first.get("response") or {}).get("content") or {}
    html = str(content.get("text") or "")
    if html and content.get("encoding") == "base64":
        try:
            html = base64.b64decode(html).decode("utf-8", errors="replace")
        except (binascii.Error, ValueError):
            html = ""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path}", html, started.date() if started else None


def parse_har(path: Path, *, as_of: date | None = None) -> ParsedExport:
    """Every cookie and tracker of one recorded visit (see the module docstring)."""
    log = load_har(path)
    entries = [e for e in log["entries"] if isinstance(e, dict)]
    if not entries:
        raise ImportRefused("refusal.har_entries_not_requests", file=path.name, how=HOW)
    page_url, html, visited_on = _page(log, entries)
    visit = _Visit(site=site_of(urlsplit(page_url).hostname or ""), page_html=html)
    for entry in entries:
        _read_entry(visit, entry)
    observations, warnings = _observations(visit)
    observations.insert(0, WebObservation("page", page_url, value=visit.site, detail="HAR"))
    if not visit.cookie_info:
        warnings.insert(0, Said("warning.har_no_cookies"))
    return ParsedExport(
        "website",
        "har",
        rows_read=len(entries),
        warnings=tuple(warnings),
        observations=tuple(observations),
        observed_on=visited_on,
        complete=visit.cookie_info,
    )


def _observations(visit: _Visit) -> tuple[list[WebObservation], list[Said]]:
    found: list[WebObservation] = []
    unknown = []
    tags: set[str] = set()
    for cookie in sorted(visit.cookies.values(), key=lambda c: (c.name, c.domain)):
        party = "first" if site_of(cookie.domain) == visit.site else "third"
        if not cookie.known:
            unknown.append(cookie.name)
        found.append(
            WebObservation(
                "cookie",
                cookie.name,
                domain=cookie.domain,
                lifetime_seconds=cookie.seconds,
                session=cookie.session,
                party=party,
                category=cookie_category(cookie.name),
                detail=cookie.how or "lifetime not in HAR",
            )
        )
    for host, tracker in sorted(visit.trackers.items()):
        party = "first" if site_of(host) == visit.site else "third"
        found.append(
            WebObservation(
                "tracker",
                host,
                value=tracker.service,
                party=party,
                category=tracker.category,
                detail=f"{tracker.requests} requests"
                + (f"; {', '.join(sorted(tracker.ids))}" if tracker.ids else ""),
            )
        )
        for tid in sorted(tracker.ids - tags):
            tags.add(tid)
            found.append(
                WebObservation("tag", tid, category=_service_of_tag(tid, tracker), detail=host)
            )
    found += _hit_settings(visit)
    if visit.page_html:
        from_page, _ = page_observations(visit.page_html, predict_cookies=False)
        known = {(o.kind, o.name) for o in found}
        found += [o for o in from_page if (o.kind, o.name) not in known and o.kind != "tracker"]
    warnings = []
    if unknown:
        names = ", ".join(unknown[:5]) + (", …" if len(unknown) > 5 else "")
        warnings.append(Said("warning.har_lifetimes_unknown", n=len(unknown), names=names))
    return found, warnings


def _service_of_tag(tid: str, tracker: _Tracker) -> str:
    if tid.startswith(("G-", "UA-")):
        return "google_analytics"
    if tid.startswith("GTM-"):
        return "google_tag_manager"
    return tracker.service


def _hit_settings(visit: _Visit) -> list[WebObservation]:
    """What the Google Analytics hits themselves show: User-ID, masked IPs, fields sent."""
    found: list[WebObservation] = []
    ga4 = {tid: p for tid, p in visit.params.items() if tid.startswith("G-")}
    ua = {tid: p for tid, p in visit.params.items() if tid.startswith("UA-")}
    every = set().union(*visit.params.values()) if visit.params else set()
    if visit.params:
        sent_uid = "uid" in every or "_uid" in every
        found.append(
            WebObservation(
                "setting",
                "hit.user_id",
                value="on" if sent_uid else "off",
                detail="Google Analytics hits",
            )
        )
        for name in GA_IMPLICIT_FIELDS:
            found.append(WebObservation("field", name, value="request", detail="every hit"))
        for name, param in fields_of_params(every).items():
            found.append(WebObservation("field", name, value=param, detail="hit parameter"))
    if ga4 and all("npa=1" in p for p in ga4.values()):
        found.append(
            WebObservation("setting", "hit.ad_personalization", value="off", detail="npa=1")
        )
    if ua:
        masked = all("aip=1" in p for p in ua.values())
        found.append(
            WebObservation(
                "setting",
                "hit.anonymize_ip",
                value="on" if masked else "off",
                detail="aip=1" if masked else "no aip=1",
            )
        )
    if visit.signals_traffic:
        found.append(
            WebObservation(
                "setting",
                "hit.google_signals",
                value="on",
                detail="requests to Google's advertising hosts",
            )
        )
    return found
