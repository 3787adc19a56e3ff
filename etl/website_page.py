"""The site's HTML or just its tag snippet: which tags it loads and how they are set up.

How the owner gets the file: open the home page, press Ctrl+U (view source) and save it
(Ctrl+S) as an .html file; or copy the Google tag snippet from the website's template (or
from Google Analytics → Admin → Data streams → View tag instructions) into a .txt file.

What is read: the tag ids (GA4 `G-…`, Universal Analytics `UA-…`, Tag Manager `GTM-…`,
Google Ads `AW-…`, a Facebook pixel), the tracker hosts the page loads scripts from, the
`gtag('config', …)` and `gtag('set', …)` parameters `cookie_expires`, `anonymize_ip`,
`allow_google_signals`, `allow_ad_personalization_signals` and `user_id`, the consent-mode
defaults (`gtag('consent', 'default', …)`), and analytics.js's `ga('create' | 'set' |
'require', …)`. From that follow the cookies gtag.js will write: `_ga` and `_ga_<id>` for
`cookie_expires` seconds (two years when not set).

A snippet shows the tag's set-up, not what a visit does: it never replaces a HAR file.
"""

from __future__ import annotations

import re
from typing import Any

from etl.model import Said, WebObservation
from etl.website_hosts import (
    GA_DEFAULT_COOKIE_SECONDS,
    TAG_ID,
    UA_GID_SECONDS,
    ga_container,
    tracker_for,
)
from etl.website_js import Expression, calls

_URL = re.compile(r"(?:https?:)?//([a-z0-9.-]+\.[a-z]{2,})(/[^\s\"'<>)\\]*)?", re.IGNORECASE)
_FB_INIT = re.compile(r"fbq\(\s*['\"]init['\"]\s*,\s*['\"](\d{6,20})['\"]")
_HOTJAR = re.compile(r"\bhjid\s*:\s*(\d{4,10})")
# gtag parameters read, and the setting id each one is stored under.
_GTAG_FLAGS = {
    "allow_google_signals": "tag.allow_google_signals",
    "allow_ad_personalization_signals": "tag.allow_ad_personalization_signals",
    "anonymize_ip": "tag.anonymize_ip",
}
CONSENT_TYPES = ("analytics_storage", "ad_storage", "ad_user_data", "ad_personalization")


def looks_like_page(text: str) -> bool:
    """True for HTML, or for text holding a tag snippet."""
    low = text[:65536].lower()
    return (
        "<html" in low
        or "<!doctype html" in low
        or "gtag(" in low
        or "googletagmanager.com" in low
        or "google-analytics.com" in low
        or "fbq(" in low
    )


def _on_off(flag: Any) -> str | None:
    if isinstance(flag, bool):
        return "on" if flag else "off"
    if isinstance(flag, str) and flag.lower() in ("true", "false"):
        return "on" if flag.lower() == "true" else "off"
    return None


def _seconds(raw: Any) -> int | None:
    if isinstance(raw, bool) or not isinstance(raw, int | float | str):
        return None
    try:
        seconds = int(float(raw))
    except ValueError:
        return None
    return seconds if seconds >= 0 else None


class _Tags:
    """What the calls of one page say, collected before it becomes observations."""

    def __init__(self) -> None:
        self.settings: dict[str, str] = {}
        self.config: dict[str, dict[str, Any]] = {}  # measurement id -> its config object
        self.global_params: dict[str, Any] = {}  # gtag('set', {...})
        self.ua: dict[str, dict[str, Any]] = {}  # UA id -> ga('create') fields
        self.user_id_sources: list[str] = []
        self.notes: list[str] = []

    def read_gtag(self, text: str) -> None:
        for args in calls(text, "gtag"):
            if len(args) < 2 or not isinstance(args[0], str):
                continue
            command, target = args[0], args[1]
            params = args[2] if len(args) > 2 and isinstance(args[2], dict) else {}
            if command == "config" and isinstance(target, str):
                self.config.setdefault(target, {}).update(params)
            elif command == "set" and isinstance(target, dict):
                self.global_params.update(target)
            elif command == "set" and isinstance(target, str) and len(args) > 2:
                self.global_params[target] = args[2]
            elif command == "consent" and target == "default" and params:
                for kind in CONSENT_TYPES:
                    if isinstance(params.get(kind), str):
                        self.settings[f"consent.{kind}"] = params[kind]

    def read_analytics_js(self, text: str) -> None:
        for args in calls(text, "ga") + calls(text, "__gaTracker"):
            if not args or not isinstance(args[0], str):
                continue
            command = args[0].split(".")[-1]
            if command == "create" and len(args) > 1 and isinstance(args[1], str):
                fields = next((a for a in args[2:] if isinstance(a, dict)), {})
                self.ua.setdefault(args[1], {}).update(fields)
                if "userId" in fields:
                    self.user_id_sources.append("ga('create', {userId})")
            elif command == "set" and len(args) > 2:
                key = args[1]
                if key == "anonymizeIp":
                    self.settings["tag.anonymize_ip"] = _on_off(args[2]) or "on"
                elif key == "allowAdFeatures":
                    self.settings["tag.allow_google_signals"] = _on_off(args[2]) or "on"
                elif key == "userId":
                    self.user_id_sources.append("ga('set', 'userId')")
            elif command == "require" and len(args) > 1 and args[1] == "displayfeatures":
                self.settings["tag.allow_google_signals"] = "on"

    def ga4_settings(self) -> None:
        merged = [
            {**self.global_params, **params}
            for tid, params in self.config.items()
            if tid.startswith("G-")
        ]
        for key, setting in _GTAG_FLAGS.items():
            values = {_on_off(p.get(key, True)) for p in merged} - {None}
            if key == "anonymize_ip":  # Universal Analytics only; GA4 ignores it
                values = {_on_off(p[key]) for p in merged if key in p} - {None}
            if values:  # one config allowing it is enough for it to happen; true by default
                self.settings[setting] = "on" if "on" in values else "off"
        for params in merged:
            if "user_id" in params and params["user_id"] not in (None, ""):
                shown = params["user_id"]
                self.user_id_sources.append(
                    f"user_id: {shown.source if isinstance(shown, Expression) else '…'}"
                )
        if any(tid.startswith("G-") for tid in self.config):
            self.settings["tag.user_id"] = "on" if self.user_id_sources else "off"
        elif self.user_id_sources:
            self.settings["tag.user_id"] = "on"

    def cookie_seconds(self, tid: str) -> tuple[int | None, str]:
        """(lifetime in seconds or None for a session cookie, how it was found)."""
        params = {**self.global_params, **self.config.get(tid, {})}
        if "cookie_expires" in params:
            seconds = _seconds(params["cookie_expires"])
            if seconds is None:
                return GA_DEFAULT_COOKIE_SECONDS, "cookie_expires not a number: default"
            return (seconds or None), f"cookie_expires: {seconds}"
        return GA_DEFAULT_COOKIE_SECONDS, "gtag.js default (no cookie_expires)"


def page_observations(
    text: str, *, predict_cookies: bool = True
) -> tuple[list[WebObservation], list[Said]]:
    """(observations, warnings) for one page or snippet.

    `predict_cookies` adds the cookies the tag will write; a HAR (which saw the real
    cookies) reads its page with False.
    """
    text = _script_text(text)
    tags = _Tags()
    tags.read_gtag(text)
    tags.read_analytics_js(text)
    tags.ga4_settings()
    found: list[WebObservation] = []
    ids = sorted(set(TAG_ID.findall(text)))
    ids += [f"fb:{pixel}" for pixel in sorted(set(_FB_INIT.findall(text)))]
    ids += [f"hotjar:{site}" for site in sorted(set(_HOTJAR.findall(text)))]
    for tid in ids:
        found.append(WebObservation("tag", tid, category=_tag_service(tid), detail="page"))
    hosts: dict[str, str] = {}
    for host, path in _URL.findall(text):
        tracker = tracker_for(host, path or "/")
        if tracker:
            hosts.setdefault(host.lower(), tracker[0])
    for host, service in sorted(hosts.items()):
        found.append(
            WebObservation(
                "tracker", host, value=service, party="third", category=service, detail="script"
            )
        )
    for name, value in sorted(tags.settings.items()):
        found.append(WebObservation("setting", name, value=value, detail="tag snippet"))
    if tags.user_id_sources:
        found.append(
            WebObservation("field", "user_id", value=tags.user_id_sources[0], detail="tag snippet")
        )
    warnings: list[Said] = []
    if predict_cookies:
        found += _predicted_cookies(tags, ids)
    if any(i.startswith("GTM-") for i in ids) and not tags.config:
        containers = ", ".join(i for i in ids if i.startswith("GTM-"))
        warnings.append(Said("warning.page_tag_manager", containers=containers))
    return found, warnings


_SCRIPT_OPEN = re.compile(r"<script\b", re.IGNORECASE)
_SCRIPT_CLOSE = re.compile(r"</script\s*>", re.IGNORECASE)
_NOSCRIPT_OPEN = re.compile(r"<noscript\b", re.IGNORECASE)
_NOSCRIPT_CLOSE = re.compile(r"</noscript\s*>", re.IGNORECASE)


def _elements(text: str, opening: re.Pattern[str], closing: re.Pattern[str]) -> list[str]:
    r"""Each element from its opening tag to its closing tag, as finditer of the pattern
    r"<script\b[^>]*>.*?</script\s*>" (DOTALL) finds them.

    That pattern, tried at every "<script" without a "</script>" after it, read on to the
    end of the page each time: quadratic in a page of thousands of them. But when one
    opening tag finds no ">" or no closing tag after it, no later one will: stop there.
    """
    found: list[str] = []
    pos = 0
    while opened := opening.search(text, pos):
        tag_end = text.find(">", opened.end())
        if tag_end < 0:
            break
        closed = closing.search(text, tag_end + 1)
        if closed is None:
            break
        found.append(text[opened.start() : closed.end()])
        pos = closed.end()
    return found


def _script_text(text: str) -> str:
    """The scripts of an HTML page (tags, sources and code); a bare snippet as it is.

    Ids and hosts are looked for only there, so a "G-…" in the page's prose is no tag.
    """
    if "<script" not in text.lower():
        return text
    scripts = _elements(text, _SCRIPT_OPEN, _SCRIPT_CLOSE)
    return "\n".join(scripts + _elements(text, _NOSCRIPT_OPEN, _NOSCRIPT_CLOSE))


def _tag_service(tid: str) -> str:
    prefix = tid.split("-")[0].split(":")[0]
    return {
        "G": "google_analytics",
        "UA": "google_analytics",
        "GTM": "google_tag_manager",
        "AW": "google_ads",
        "fb": "facebook_pixel",
        "hotjar": "hotjar",
    }.get(prefix, "")


def _predicted_cookies(tags: _Tags, ids: list[str]) -> list[WebObservation]:
    cookies: dict[str, WebObservation] = {}
    for tid in ids:
        if tid.startswith("G-"):
            seconds, how = tags.cookie_seconds(tid)
            for name in ("_ga", ga_container(tid)):
                cookies[name] = WebObservation(
                    "cookie",
                    name,
                    lifetime_seconds=seconds,
                    session=seconds is None,
                    party="first",
                    category="analytics",
                    detail=f"{tid}: {how}",
                )
        elif tid.startswith("UA-"):
            fields = tags.ua.get(tid, {})
            seconds = _seconds(fields.get("cookieExpires"))
            how = "cookieExpires" if seconds is not None else "analytics.js default"
            seconds = GA_DEFAULT_COOKIE_SECONDS if seconds is None else seconds
            cookies.setdefault(
                "_ga",
                WebObservation(
                    "cookie",
                    "_ga",
                    lifetime_seconds=seconds or None,
                    session=not seconds,
                    party="first",
                    category="analytics",
                    detail=f"{tid}: {how}",
                ),
            )
            cookies["_gid"] = WebObservation(
                "cookie",
                "_gid",
                lifetime_seconds=UA_GID_SECONDS,
                party="first",
                category="analytics",
                detail=f"{tid}: analytics.js default",
            )
    return list(cookies.values())
