"""The checklist of the Cookies & analytics page: the Autoriteit Persoonsgegevens' steps for
privacy-friendly Google Analytics and the statement's own promises, each pass, fail or
unknown with the evidence it rests on. "Unknown" is a status of its own: a step nobody
has looked at never passes silently.

Where the settings come from (newest evidence wins per setting, compliance.cookies):
`ga.*` the Admin API answers or the form; `tag.*` the page or snippet (gtag defaults
included, so a removed `allow_google_signals: false` shows); `hit.*` what the Google
Analytics requests of a HAR showed; `consent.*` consent-mode defaults.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from compliance.i18n import LANGUAGES, t
from compliance.policy import Policy

SHARING = (
    "ga.sharing_products",
    "ga.sharing_benchmarking",
    "ga.sharing_support",
    "ga.sharing_sales",
)
CHECK_STATUSES = ("pass", "fail", "unknown")
PROMISE_CHECKS = ("cookie_lifetime", "cookies_declared", "data_collected", "data_retention")


@dataclass(frozen=True)
class Evidence:
    id: int
    kind: str  # har | page | cookie_scan | ga_settings | ga_form
    file_name: str
    observed_on: date
    complete: bool


@dataclass(frozen=True)
class Seen:
    """One observation with the evidence it came from."""

    evidence: Evidence
    kind: str
    name: str
    domain: str
    value: str
    lifetime_seconds: int | None
    session: bool
    party: str
    category: str
    detail: str


@dataclass(frozen=True)
class Check:
    id: str
    group: str  # "ap" (the AP's steps) or "promise" (the statement's own promises)
    status: str  # pass | fail | unknown
    evidence: Evidence | None  # None: the policy file, or nothing seen
    detail: Mapping[str, str]  # what was seen, per language


def both(key: str, **params: Any) -> dict[str, str]:
    """A catalog text in every language (a parameter may itself be per language)."""

    def filled(lang: str) -> dict[str, Any]:
        return {k: v[lang] if isinstance(v, Mapping) else v for k, v in params.items()}

    return {lang: t(key, lang, **filled(lang)) for lang in LANGUAGES}


def _check(cid: str, group: str, status: str, evidence: Any, key: str, **params: Any) -> Check:
    return Check(cid, group, status, evidence, both(key, **params))


def _latest(settings: Mapping[str, Any], names: Sequence[str]) -> Any:
    found = [settings[n] for n in names if n in settings]
    return max(found, key=lambda s: (s.evidence.observed_on, s.evidence.id)) if found else None


def _value(settings: Mapping[str, Any], name: str) -> str | None:
    return settings[name].value if name in settings else None


def _ap_checks(
    policy: Policy, tags: list[Any], settings: Mapping[str, Any], no_analytics: Any
) -> list[Check]:
    out = []
    terms = settings.get("ga.processing_terms")
    if terms is not None:
        out.append(
            _check(
                "processing_agreement",
                "ap",
                "pass" if terms.value == "yes" else "fail",
                terms.evidence,
                f"check.seen.terms_{terms.value}",
            )
        )
    else:
        system = policy.systems[policy.cookies.analytics_system]
        status = {"yes": "pass", "not_required": "pass", "no": "fail"}.get(
            system.agreement_on_file, "unknown"
        )
        out.append(
            _check(
                "processing_agreement",
                "ap",
                status,
                None,
                "check.seen.terms_policy",
                value=both(f"agreement.{system.agreement_on_file}"),
            )
        )

    ua = [s for s in tags if s.name.startswith("UA-")]
    ga4 = [s for s in tags if s.name.startswith("G-")]
    masked = _latest(settings, ["tag.anonymize_ip", "hit.anonymize_ip"])
    if ua:
        ids = ", ".join(s.name for s in ua)
        status = "unknown" if masked is None else ("pass" if masked.value == "on" else "fail")
        out.append(
            _check(
                "ip_masked",
                "ap",
                status,
                masked.evidence if masked else ua[0].evidence,
                f"check.seen.ua_{status}",
                ids=ids,
            )
        )
    elif ga4:
        out.append(
            _check(
                "ip_masked",
                "ap",
                "pass",
                ga4[0].evidence,
                "check.seen.ga4_ip",
                ids=", ".join(s.name for s in ga4),
            )
        )
    elif no_analytics is not None:
        out.append(_check("ip_masked", "ap", "pass", no_analytics, "check.seen.no_analytics"))
    else:
        out.append(_check("ip_masked", "ap", "unknown", None, "check.seen.no_tag"))

    shared = [n for n in SHARING if _value(settings, n) == "on"]
    unknown = [n for n in SHARING if n not in settings]
    evidence = _latest(settings, SHARING)
    names = {"nl": "", "en": ""}
    if shared or unknown:
        names = {
            lang: ", ".join(t(f"setting.{n}", lang) for n in shared or unknown)
            for lang in LANGUAGES
        }
    status = "fail" if shared else ("unknown" if unknown else "pass")
    out.append(
        _check(
            "data_sharing_off",
            "ap",
            status,
            evidence and evidence.evidence,
            f"check.seen.sharing_{status}",
            names=names,
        )
    )

    prop, tag, hit = (
        _value(settings, n)
        for n in ("ga.google_signals", "tag.allow_google_signals", "hit.google_signals")
    )
    source = _latest(
        settings, ["ga.google_signals", "tag.allow_google_signals", "hit.google_signals"]
    )
    if hit == "on":
        status, seen = "fail", "check.seen.signals_traffic"
        source = settings["hit.google_signals"]
    elif prop == "off" or tag == "off":
        status, seen = "pass", "check.seen.signals_off"
    elif prop == "on":
        status, seen = "fail", "check.seen.signals_on"
    else:
        status, seen = "unknown", "check.seen.signals_unknown"
    out.append(_check("google_signals_off", "ap", status, source and source.evidence, seen))

    names_ads = (
        "ga.ad_personalization",
        "tag.allow_ad_personalization_signals",
        "hit.ad_personalization",
        "consent.ad_personalization",
    )
    values = {n: _value(settings, n) for n in names_ads}
    source = _latest(settings, names_ads)
    if any(v in ("off", "denied") for v in values.values()):
        status, seen = "pass", "check.seen.ads_off"
        source = next(settings[n] for n, v in values.items() if v in ("off", "denied"))
    elif values["ga.ad_personalization"] == "on":
        status, seen = "fail", "check.seen.ads_on"
    else:
        status, seen = "unknown", "check.seen.ads_unknown"
    out.append(_check("ad_personalization_off", "ap", status, source and source.evidence, seen))

    uid_names = ("hit.user_id", "tag.user_id", "ga.user_id")
    on = [settings[n] for n in uid_names if _value(settings, n) == "on"]
    off = [settings[n] for n in uid_names if _value(settings, n) == "off"]
    if on:
        out.append(
            _check(
                "user_id_off", "ap", "fail", on[0].evidence, "check.seen.uid_on", how=on[0].detail
            )
        )
    elif off:
        out.append(_check("user_id_off", "ap", "pass", off[0].evidence, "check.seen.uid_off"))
    else:
        out.append(_check("user_id_off", "ap", "unknown", None, "check.seen.uid_unknown"))

    mentions = policy.cookies.statement_mentions_analytics
    out.append(
        _check(
            "statement_mentions",
            "ap",
            "pass" if mentions else "fail",
            None,
            "check.seen.mentions_yes" if mentions else "check.seen.mentions_no",
        )
    )
    return out


def checklist(
    policy: Policy,
    cookies: list[Any],
    trackers: list[Any],
    tags: list[Any],
    fields: list[Any],
    settings: Mapping[str, Any],
    evidence: list[Evidence],
) -> list[Check]:
    """Every check, in the order the page shows them: the AP's steps, then the promises."""
    cookie_evidence = [e for e in evidence if e.kind in ("har", "cookie_scan", "page")]
    analytics_seen = any(s.name.startswith(("G-", "UA-")) for s in tags) or any(
        c.category == "analytics" for c in cookies
    )
    complete = next((e for e in evidence if e.complete and e.kind == "har"), None)
    no_analytics = complete if complete is not None and not analytics_seen else None
    checks = [
        c
        for c in _ap_checks(policy, tags, settings, no_analytics)
        if c.id in policy.cookies.analytics_checklist
    ]

    newest = max((c.evidence for c in cookies), key=lambda e: (e.observed_on, e.id), default=None)
    too_long = [c for c in cookies if c.too_long]
    unknown = [c for c in cookies if not c.known]
    limit = policy.cookies.max_lifetime_days
    if too_long:
        listed = ", ".join(f"{c.name} ({c.days})" for c in too_long)
        checks.append(
            _check(
                "cookie_lifetime",
                "promise",
                "fail",
                newest,
                "check.seen.lifetime_fail",
                cookies=listed,
                max=limit,
            )
        )
    elif unknown or not cookie_evidence:
        listed = ", ".join(c.name for c in unknown)
        checks.append(
            _check(
                "cookie_lifetime",
                "promise",
                "unknown",
                newest,
                "check.seen.lifetime_unknown" if unknown else "check.seen.no_cookies",
                cookies=listed,
            )
        )
    else:
        checks.append(
            _check(
                "cookie_lifetime",
                "promise",
                "pass",
                newest,
                "check.seen.lifetime_pass",
                n=len(cookies),
                max=limit,
            )
        )

    undeclared = [c.name for c in cookies if not c.declared]
    undeclared += [tr.host for tr in trackers if not tr.declared]
    if undeclared:
        checks.append(
            _check(
                "cookies_declared",
                "promise",
                "fail",
                newest,
                "check.seen.undeclared",
                names=", ".join(undeclared),
            )
        )
    elif not cookie_evidence:
        checks.append(
            _check(
                "cookies_declared", "promise", "unknown", None, "check.seen.no_cookies", cookies=""
            )
        )
    else:
        checks.append(_check("cookies_declared", "promise", "pass", newest, "check.seen.declared"))

    allowed = set(policy.cookies.collected_fields) | set(policy.cookies.implied_fields)
    beyond = [f for f in fields if f.name not in allowed]
    source = max((f.evidence for f in fields), key=lambda e: (e.observed_on, e.id), default=None)
    if beyond:
        names = {
            lang: ", ".join(t(f"webfield.{f.name}", lang) for f in beyond) for lang in LANGUAGES
        }
        checks.append(
            _check(
                "data_collected",
                "promise",
                "fail",
                beyond[0].evidence,
                "check.seen.fields_beyond",
                names=names,
            )
        )
    elif fields:
        checks.append(
            _check(
                "data_collected", "promise", "pass", source, "check.seen.fields_ok", n=len(fields)
            )
        )
    else:
        checks.append(
            _check("data_collected", "promise", "unknown", None, "check.seen.fields_unknown")
        )

    retention = settings.get("ga.data_retention")
    if retention is not None:
        checks.append(
            _check(
                "data_retention",
                "promise",
                "pass",
                retention.evidence,
                "check.seen.retention",
                value={lang: t(f"retention.{retention.value}", lang) for lang in LANGUAGES},
            )
        )
    else:
        checks.append(
            _check("data_retention", "promise", "unknown", None, "check.seen.retention_unknown")
        )
    return checks
