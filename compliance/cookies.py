"""The website against the statement's promise: cookie lifetimes, undeclared cookies and
trackers, the Autoriteit Persoonsgegevens' checklist for Google Analytics, and the fields
sent to analytics. Pure: observations (from `store.website_observations`), the policy and
an explicit as-of date in; a `Review` with checks and findings out.

Which observations count on a date: every piece of evidence up to that date, but a
*complete* one (a HAR that shows cookies, or a cookie scan) replaces what came before it
for what it covers; a later partial one (a tag snippet, the GA form) then adds or
overrides. So a snippet with `cookie_expires: 2592000` imported after a HAR showing a
two-year `_ga` makes `_ga` a 30-day cookie, while a cookie the newest HAR no longer shows
is gone.

    >>> review = review_website(rows, policy, date(2026, 11, 25))
    >>> [(c.name, c.days) for c in review.cookies if c.too_long]
    [('_ga', 730), ('_ga_R0ERM0ND42', 730)]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from compliance.cookies_checklist import Check, Evidence, Seen, both, checklist
from compliance.findings import Finding
from compliance.policy import Policy
from etl.website_hosts import name_matches, site_of

DAY = 86_400
# Which observation kinds a complete piece of evidence lists in full.
COVERS = {"har": {"cookie", "tracker", "tag", "field", "hit"}, "cookie_scan": {"cookie"}}


@dataclass(frozen=True)
class CookieState:
    name: str
    domain: str
    lifetime_seconds: int | None
    session: bool
    party: str
    category: str
    declared: bool
    too_long: bool
    evidence: Evidence
    detail: str

    @property
    def known(self) -> bool:
        return self.session or self.lifetime_seconds is not None

    @property
    def days(self) -> int | None:
        """Whole days, rounded (a cookie set a second before the hit still counts 730)."""
        return None if self.lifetime_seconds is None else round(self.lifetime_seconds / DAY)


@dataclass(frozen=True)
class TrackerState:
    host: str
    service: str
    category: str
    declared: bool
    evidence: Evidence
    detail: str


@dataclass(frozen=True)
class Review:
    as_of: date
    evidence: tuple[Evidence, ...]  # up to as_of, newest first
    cookies: tuple[CookieState, ...]
    trackers: tuple[TrackerState, ...]
    tags: tuple[Seen, ...]
    fields: tuple[Seen, ...]
    settings: Mapping[str, Seen]
    checks: tuple[Check, ...]
    findings: tuple[Finding, ...] = field(default=())


def observations_from_rows(rows: Iterable[Mapping[str, Any]]) -> list[Seen]:
    """store.website_observations() rows (as dicts) as Seen objects."""
    found = []
    for r in rows:
        observed = r["observed_on"]
        observed = observed.date() if hasattr(observed, "date") else observed
        seconds = r.get("lifetime_seconds")
        evidence = Evidence(
            int(r["evidence_id"]),
            str(r["evidence_kind"]),
            str(r["file_name"]),
            observed,
            bool(r["complete"]),
        )
        found.append(
            Seen(
                evidence,
                str(r["kind"]),
                str(r["name"]),
                str(r.get("domain") or ""),
                str(r.get("value") or ""),
                _whole(seconds),
                bool(r.get("session")),
                str(r.get("party") or ""),
                str(r.get("category") or ""),
                str(r.get("detail") or ""),
            )
        )
    return found


def _whole(value: Any) -> int | None:
    """An integer, or None for SQL NULL however pandas shows it (None, NaN, NA)."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _order(evidence: Evidence) -> tuple[date, int]:
    return evidence.observed_on, evidence.id


def _coverage(seen: Seen) -> str:
    return "hit" if seen.kind == "setting" and seen.name.startswith("hit.") else seen.kind


def current(seen: list[Seen], kind: str, as_of: date, key: Any = None) -> list[Seen]:
    """The observations of one kind that hold on as_of (see the module docstring)."""
    key = key or (lambda s: (s.name, s.domain))
    mine = [s for s in seen if _coverage(s) == kind and s.evidence.observed_on <= as_of]
    complete = [
        s.evidence
        for s in seen
        if s.evidence.observed_on <= as_of
        and s.evidence.complete
        and kind in COVERS.get(s.evidence.kind, ())
    ]
    if complete:
        baseline = _order(max(complete, key=_order))
        mine = [s for s in mine if _order(s.evidence) >= baseline]
    latest: dict[Any, Seen] = {}
    for s in sorted(mine, key=lambda s: _order(s.evidence)):
        latest[key(s)] = s
    return list(latest.values())


def _host_declared(host: str, declared: Iterable[str]) -> bool:
    return any(host == d or host.endswith("." + d) for d in declared)


def review_website(
    rows: Iterable[Mapping[str, Any]] | list[Seen], policy: Policy, as_of: date
) -> Review:
    """Everything the Cookies & analytics page and the report need on one date."""
    rows = list(rows)
    seen = rows if rows and isinstance(rows[0], Seen) else observations_from_rows(rows)
    promise = policy.cookies
    site = promise.site
    limit = promise.max_lifetime_days * DAY
    cookies = []
    for s in current(seen, "cookie", as_of, key=lambda s: (s.name, site_of(s.domain or site))):
        domain = s.domain or site
        cookies.append(
            CookieState(
                s.name,
                domain,
                s.lifetime_seconds,
                s.session,
                s.party or ("first" if site_of(domain) == site_of(site) else "third"),
                s.category or "unclassified",
                any(name_matches(s.name, p) or s.name == p for p in promise.declared_cookies),
                (s.lifetime_seconds or 0) > limit,
                s.evidence,
                s.detail,
            )
        )
    cookies.sort(key=lambda c: (-(c.lifetime_seconds or 0), c.name))
    trackers = [
        TrackerState(
            s.name,
            s.value,
            s.category or "analytics",
            _host_declared(s.name, promise.declared_hosts),
            s.evidence,
            s.detail,
        )
        for s in current(seen, "tracker", as_of, key=lambda s: s.name)
    ]
    trackers.sort(key=lambda t: (t.declared, t.host))
    tags = current(seen, "tag", as_of, key=lambda s: s.name)
    fields = current(seen, "field", as_of, key=lambda s: s.name)
    settings = {s.name: s for s in current(seen, "setting", as_of, key=lambda s: s.name)}
    settings.update({s.name: s for s in current(seen, "hit", as_of, key=lambda s: s.name)})
    evidence = sorted(
        {s.evidence for s in seen if s.evidence.observed_on <= as_of}, key=_order, reverse=True
    )
    checks = checklist(policy, cookies, trackers, tags, fields, settings, evidence)
    review = Review(
        as_of,
        tuple(evidence),
        tuple(cookies),
        tuple(trackers),
        tuple(tags),
        tuple(fields),
        settings,
        tuple(checks),
    )
    return replace(review, findings=tuple(_findings(review, policy)))


# ------------------------------------------------------------------------- findings
def _where(evidence: Evidence | None) -> dict[str, str]:
    if evidence is None:
        return both("cookies.evidence_policy")
    if evidence.kind == "ga_form":
        return both("cookies.evidence_form", date=evidence.observed_on.isoformat())
    return both(
        "cookies.evidence_file", file=evidence.file_name, date=evidence.observed_on.isoformat()
    )


def website_findings(rows: Any, policy: Policy, as_of: date) -> list[Finding]:
    """The findings for the report: `rows` is store.website_observations() (a DataFrame)
    or its rows. None at all while no website evidence was imported."""
    if hasattr(rows, "to_dict"):
        rows = rows.to_dict("records")
    return list(review_website(rows, policy, as_of).findings)


def _findings(review: Review, policy: Policy) -> list[Finding]:
    """One finding per problem, with the evidence and what to do; none without evidence."""
    if not review.evidence:
        return []
    found: list[Finding] = []
    promise_days = policy.cookies.max_lifetime_days
    for c in review.cookies:
        if c.too_long:
            found.append(
                Finding(
                    "cookie_lifetime",
                    "high",
                    None,
                    {
                        "name": c.name,
                        "domain": c.domain,
                        "days": c.days,
                        "max": promise_days,
                        "where": _where(c.evidence),
                        "todo": both(
                            "cookies.todo_lifetime_ga"
                            if c.category == "analytics"
                            else "cookies.todo_lifetime"
                        ),
                    },
                )
            )
    for c in review.cookies:
        if not c.declared:
            severity = (
                "high"
                if c.category == "marketing" or c.party == "third"
                else "medium"
                if c.category == "analytics"
                else "low"
            )
            found.append(
                Finding(
                    "undeclared_cookie",
                    severity,
                    None,
                    {
                        "what": both("cookies.what_cookie"),
                        "name": c.name,
                        "category": both(f"cookies.category.{c.category}"),
                        "where": _where(c.evidence),
                    },
                )
            )
    for tr in review.trackers:
        if not tr.declared:
            found.append(
                Finding(
                    "undeclared_cookie",
                    "high" if tr.category == "marketing" else "medium",
                    None,
                    {
                        "what": both("cookies.what_host"),
                        "name": tr.host,
                        "category": both(f"cookies.category.{tr.category}"),
                        "where": _where(tr.evidence),
                    },
                )
            )
    for check in review.checks:
        if check.group != "ap" or check.id not in policy.cookies.analytics_checklist:
            continue
        if check.status in ("fail", "unknown"):
            found.append(
                Finding(
                    "analytics_setting",
                    "high" if check.status == "fail" else "medium",
                    None,
                    {
                        "step": both(f"check.{check.id}"),
                        "state": both(f"check.{check.status}"),
                        "seen": check.detail,
                        "where": _where(check.evidence),
                        "todo": both(f"check.{check.id}.todo"),
                    },
                )
            )
    allowed = set(policy.cookies.collected_fields) | set(policy.cookies.implied_fields)
    for f in review.fields:
        if f.name not in allowed:
            found.append(
                Finding(
                    "data_collected",
                    "medium",
                    None,
                    {
                        "field": both(f"webfield.{f.name}"),
                        "param": f.value,
                        "where": _where(f.evidence),
                    },
                )
            )
    return found


# ------------------------------------------------------------------------- history
@dataclass(frozen=True)
class Change:
    kind: str  # cookie | tracker | check | setting
    name: str
    before: str  # "" when it was not there
    after: str  # "" when it is gone


def _cookie_text(c: CookieState) -> str:
    return "session" if c.session else ("?" if c.days is None else f"{c.days}d")


@dataclass(frozen=True)
class Step:
    """One evidence date and what its evidence changed against the date before."""

    on: date
    previous: date | None
    evidence: tuple[Evidence, ...]
    changes: tuple[Change, ...]


def _diff(before: Review, after: Review) -> list[Change]:
    found: list[Change] = []

    def diff(kind: str, old: Mapping[str, str], new: Mapping[str, str]) -> None:
        for name in sorted(set(old) | set(new)):
            if old.get(name, "") != new.get(name, ""):
                found.append(Change(kind, name, old.get(name, ""), new.get(name, "")))

    diff(
        "cookie",
        {c.name: _cookie_text(c) for c in before.cookies},
        {c.name: _cookie_text(c) for c in after.cookies},
    )
    diff(
        "tracker",
        {t.host: t.service for t in before.trackers},
        {t.host: t.service for t in after.trackers},
    )
    diff(
        "setting",
        {k: v.value for k, v in before.settings.items()},
        {k: v.value for k, v in after.settings.items()},
    )
    diff("check", {c.id: c.status for c in before.checks}, {c.id: c.status for c in after.checks})
    return found


def history(
    rows: Iterable[Mapping[str, Any]] | list[Seen], policy: Policy, as_of: date, limit: int = 12
) -> list[Step]:
    """Per evidence date up to as_of, newest first: what changed since the date before."""
    rows = list(rows)
    seen = rows if rows and isinstance(rows[0], Seen) else observations_from_rows(rows)
    dates = sorted({s.evidence.observed_on for s in seen if s.evidence.observed_on <= as_of})
    dates = dates[-(limit + 1) :]
    reviews = {d: review_website(seen, policy, d) for d in dates}
    steps = []
    for i, day in enumerate(dates):
        on_day = tuple(
            sorted({s.evidence for s in seen if s.evidence.observed_on == day}, key=lambda e: e.id)
        )
        previous = dates[i - 1] if i else None
        changes = _diff(reviews[previous], reviews[day]) if previous else []
        steps.append(Step(day, previous, on_day, tuple(changes)))
    return list(reversed(steps))[:limit]
