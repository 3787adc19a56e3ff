"""compliance.cookies and compliance.cookies_checklist: the website against the promise.

Pure functions: observations are built from the parsed fixtures (no database here; the
store's side is in tests/test_website_store.py).
"""

from __future__ import annotations

import copy
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import etl
from compliance.cookies import current, history, review_website
from compliance.cookies_checklist import Evidence, Seen
from compliance.policy import DEFAULT_POLICY_PATH, PolicyError, load_policy, parse_policy
from etl.model import WebObservation

FIXTURES = Path(__file__).parent / "fixtures" / "website"
POLICY = load_policy()
AS_OF = date(2026, 11, 25)


def seen_of(name: str, evidence_id: int, on: date | None = None) -> list[Seen]:
    """A fixture as stored observations, dated by the file or by `on`."""
    parsed = etl.parse_file(FIXTURES / name)
    evidence = Evidence(evidence_id, parsed.kind, name, on or parsed.observed_on, parsed.complete)
    return [
        Seen(evidence, o.kind, o.name, o.domain, o.value, o.lifetime_seconds, o.session,
             o.party, o.category, o.detail)
        for o in parsed.observations
    ]  # fmt: skip


def form(evidence_id: int, on: date, **settings: str) -> list[Seen]:
    evidence = Evidence(evidence_id, "ga_form", "form", on, False)
    return [
        Seen(evidence, "setting", f"ga.{k}", "", v, None, False, "", "", "form")
        for k, v in settings.items()
    ]


def checks(review) -> dict[str, str]:
    return {c.id: c.status for c in review.checks}


def codes(review) -> list[tuple[str, str]]:
    return [(f.code, f.params.get("name", "")) for f in review.findings]


# ------------------------------------------------------------------------- done when
def test_default_ga4_har_breaks_the_one_month_promise_for_ga_cookies_only() -> None:
    review = review_website(seen_of("ga4-default.har", 1), POLICY, AS_OF)
    lifetime = [f for f in review.findings if f.code == "cookie_lifetime"]
    assert sorted((f.params["name"], f.params["days"]) for f in lifetime) == [
        ("_ga", 730),
        ("_ga_R0ERM0ND42", 730),
    ]
    gid = next(c for c in review.cookies if c.name == "_gid")
    assert gid.days == 1 and not gid.too_long
    assert all(f.subject_id is None for f in review.findings)
    message = lifetime[0].message("nl")
    assert "730 dagen" in message and "31 dagen" in message
    assert "ga4-default.har" in message and "2026-11-20" in message
    assert "cookie_expires" in message  # what to do
    assert checks(review)["cookie_lifetime"] == "fail"


def test_snippet_with_cookie_expires_2592000_passes() -> None:
    review = review_website(seen_of("gtag-30-days.txt", 1, date(2026, 11, 21)), POLICY, AS_OF)
    assert [c.days for c in review.cookies] == [30, 30]
    assert not [f for f in review.findings if f.code == "cookie_lifetime"]
    assert checks(review)["cookie_lifetime"] == "pass"
    assert checks(review)["google_signals_off"] == "pass"
    assert checks(review)["ad_personalization_off"] == "pass"


def test_default_snippet_fails_the_same_promise() -> None:
    review = review_website(seen_of("gtag-default.txt", 1, date(2026, 11, 21)), POLICY, AS_OF)
    assert sorted(n for c, n in codes(review) if c == "cookie_lifetime") == [
        "_ga",
        "_ga_R0ERM0ND42",
    ]


# ------------------------------------------------------------------------- which evidence
def test_a_later_snippet_overrides_the_ga_cookies_of_an_earlier_har() -> None:
    seen = seen_of("ga4-default.har", 1) + seen_of("gtag-30-days.txt", 2, date(2026, 11, 22))
    review = review_website(seen, POLICY, AS_OF)
    days = {c.name: c.days for c in review.cookies}
    assert days == {"_ga": 30, "_ga_R0ERM0ND42": 30, "_gid": 1, "PHPSESSID": None}
    # Before the snippet, on the HAR's day, the two-year cookies still held.
    earlier = review_website(seen, POLICY, date(2026, 11, 21))
    assert {c.name: c.days for c in earlier.cookies}["_ga"] == 730


def test_a_newer_complete_har_drops_cookies_it_no_longer_shows() -> None:
    seen = seen_of("tracking.har", 1, date(2026, 6, 1)) + seen_of("ga4-default.har", 2)
    review = review_website(seen, POLICY, AS_OF)
    assert "_fbp" not in {c.name for c in review.cookies}
    assert "www.facebook.com" not in {t.host for t in review.trackers}
    # and the User-ID the June visit sent is no longer current
    assert checks(review)["user_id_off"] == "pass"
    assert checks(review_website(seen, POLICY, date(2026, 6, 30)))["user_id_off"] == "fail"


def test_a_sanitized_har_is_no_baseline_for_cookies() -> None:
    seen = seen_of("ga4-default.har", 1, date(2026, 11, 1)) + seen_of("sanitized.har", 2)
    review = review_website(seen, POLICY, AS_OF)
    assert "_ga" in {c.name for c in review.cookies}  # the sanitized HAR cannot say it is gone


def test_evidence_after_the_as_of_date_is_ignored() -> None:
    review = review_website(seen_of("ga4-default.har", 1), POLICY, date(2026, 11, 19))
    assert review.evidence == () and review.findings == ()
    assert set(checks(review).values()) == {"unknown", "pass"}  # unknown stays visible


def test_without_any_evidence_every_observed_check_is_unknown_and_nothing_is_found() -> None:
    review = review_website([], POLICY, AS_OF)
    status = checks(review)
    assert status["cookie_lifetime"] == status["ip_masked"] == "unknown"
    assert status["data_sharing_off"] == status["user_id_off"] == "unknown"
    assert status["statement_mentions"] == "pass"  # from the policy itself
    assert review.findings == ()


def test_current_keeps_the_latest_per_key() -> None:
    seen = form(1, date(2026, 11, 1), google_signals="on") + form(
        2, date(2026, 11, 2), google_signals="off"
    )
    assert [s.value for s in current(seen, "setting", AS_OF, key=lambda s: s.name)] == ["off"]
    assert [s.value for s in current(seen, "setting", date(2026, 11, 1))] == ["on"]


# ------------------------------------------------------------------------- the AP checklist
def test_tracking_har_fails_user_id_signals_and_declared_and_collects_too_much() -> None:
    review = review_website(seen_of("tracking.har", 1), POLICY, AS_OF)
    status = checks(review)
    assert status["user_id_off"] == "fail"
    assert status["google_signals_off"] == "fail"
    assert status["cookies_declared"] == "fail"
    assert status["data_collected"] == "fail"
    collected = {f.params["param"] for f in review.findings if f.code == "data_collected"}
    assert collected == {"uid", "up.klanttype"}
    undeclared = {f.params["name"]: f.severity for f in review.findings
                  if f.code == "undeclared_cookie"}  # fmt: skip
    assert undeclared["_fbp"] == "high"  # marketing
    assert undeclared["www.facebook.com"] == "high"
    assert undeclared["PHPSESSID"] == "low"  # first-party, functional
    assert "stats.g.doubleclick.net" in undeclared
    assert "region1.google-analytics.com" not in undeclared  # the statement names GA


def test_ap_steps_from_admin_api_and_form() -> None:
    seen = seen_of("ga4-default.har", 1) + seen_of("ga-admin-combined.json", 2, AS_OF)
    review = review_website(seen, POLICY, AS_OF)
    status = checks(review)
    assert status["data_sharing_off"] == "fail"
    assert status["google_signals_off"] == "pass"
    assert status["ip_masked"] == "pass"  # GA4
    assert status["processing_agreement"] == "unknown"  # policy.toml says unknown
    assert status["ad_personalization_off"] == "unknown"
    assert status["data_retention"] == "pass"
    severities = {f.params["step"]["en"]: f.severity for f in review.findings
                  if f.code == "analytics_setting"}  # fmt: skip
    assert severities == {
        "data processing terms with Google accepted": "medium",
        "data sharing with Google off": "high",
        "advertising features off": "medium",
    }
    sharing = next(c for c in review.checks if c.id == "data_sharing_off")
    assert "Google products & services" in sharing.detail["en"]
    assert sharing.evidence is not None and sharing.evidence.file_name == "ga-admin-combined.json"

    fixed = seen + form(3, AS_OF, processing_terms="yes", sharing_products="off",
                        sharing_benchmarking="off", sharing_support="off", sharing_sales="off",
                        ad_personalization="off")  # fmt: skip
    after = review_website(fixed, POLICY, AS_OF)
    failing = {k: v for k, v in checks(after).items() if v != "pass"}
    # Only the statement's own promises still fail: _ga lives 730 days, PHPSESSID unnamed.
    assert failing == {"cookie_lifetime": "fail", "cookies_declared": "fail"}
    assert not [f for f in after.findings if f.code == "analytics_setting"]


@pytest.mark.parametrize(
    ("settings", "status"),
    [
        ({"google_signals": "on"}, "fail"),
        ({"google_signals": "off"}, "pass"),
        ({}, "unknown"),
    ],
)
def test_google_signals_by_form(settings: dict[str, str], status: str) -> None:
    review = review_website(form(1, AS_OF, **settings) or [], POLICY, AS_OF)
    assert checks(review)["google_signals_off"] == status


def test_signals_off_in_the_tag_pass_even_when_the_property_allows_them() -> None:
    seen = form(1, AS_OF, google_signals="on") + seen_of("gtag-30-days.txt", 2, AS_OF)
    assert checks(review_website(seen, POLICY, AS_OF))["google_signals_off"] == "pass"


def test_universal_analytics_needs_anonymize_ip() -> None:
    review = review_website(seen_of("analytics-js.txt", 1, AS_OF), POLICY, AS_OF)
    assert checks(review)["ip_masked"] == "pass"
    assert checks(review)["user_id_off"] == "fail"


def test_processing_terms_from_the_policy_file(tmp_path: Path) -> None:
    data = tomllib.loads(DEFAULT_POLICY_PATH.read_text(encoding="utf-8"))
    data["systems"]["google_analytics"]["agreement_on_file"] = "yes"
    review = review_website([], parse_policy(data), AS_OF)
    assert checks(review)["processing_agreement"] == "pass"


def test_the_checklist_follows_the_policy() -> None:
    data = tomllib.loads(DEFAULT_POLICY_PATH.read_text(encoding="utf-8"))
    data["cookies"]["analytics_checklist"] = ["ip_masked"]
    data["cookies"]["statement_mentions_analytics"] = False
    review = review_website(seen_of("ga4-default.har", 1), parse_policy(data), AS_OF)
    assert [c.id for c in review.checks if c.group == "ap"] == ["ip_masked"]
    assert not [f for f in review.findings if f.code == "analytics_setting"]


# ------------------------------------------------------------------------- history
def test_history_says_what_changed_per_evidence_date() -> None:
    seen = (
        seen_of("tracking.har", 1, date(2026, 6, 12))
        + seen_of("ga4-default.har", 2)
        + seen_of("gtag-30-days.txt", 3, date(2026, 11, 24))
    )
    steps = history(seen, POLICY, AS_OF)
    assert [s.on for s in steps] == [date(2026, 11, 24), date(2026, 11, 20), date(2026, 6, 12)]
    latest = {(c.kind, c.name): (c.before, c.after) for c in steps[0].changes}
    assert latest[("cookie", "_ga")] == ("730d", "30d")
    assert latest[("check", "cookie_lifetime")] == ("fail", "pass")
    middle = {(c.kind, c.name): (c.before, c.after) for c in steps[1].changes}
    assert middle[("cookie", "_fbp")] == ("90d", "")
    assert middle[("tracker", "www.facebook.com")] == ("facebook_pixel", "")
    assert middle[("cookie", "_gid")] == ("", "1d")
    assert steps[-1].previous is None and steps[-1].changes == ()


# ------------------------------------------------------------------------- the policy keys
def _policy_with(**changes: Any) -> dict[str, Any]:
    data = tomllib.loads(DEFAULT_POLICY_PATH.read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    data["cookies"].update(changes)
    return data


@pytest.mark.parametrize(
    ("changes", "key"),
    [
        ({"colour": "blue"}, "cookies.colour"),
        ({"collected_fields": ["ip_address", "shoe_size"]}, "cookies.collected_fields"),
        ({"implied_fields": ["page_url", "x"]}, "cookies.implied_fields"),
        ({"analytics_checklist": ["ip_masked", "be_nice"]}, "cookies.analytics_checklist"),
        ({"analytics_system": "matomo"}, "cookies.analytics_system"),
        ({"statement_mentions_analytics": "yes"}, "cookies.statement_mentions_analytics"),
        ({"declared_cookies": "_ga"}, "cookies.declared_cookies"),
        ({"site": ""}, "cookies.site"),
    ],
)
def test_policy_refuses_bad_cookie_keys(changes: dict[str, Any], key: str) -> None:
    with pytest.raises(PolicyError) as caught:
        parse_policy(_policy_with(**changes))
    assert f"'{key}'" in str(caught.value)


def test_policy_cookie_promise() -> None:
    promise = POLICY.cookies
    assert promise.max_lifetime_days == 31 and promise.site == "ictroermond.nl"
    assert "_ga_*" in promise.declared_cookies
    assert "google-analytics.com" in promise.declared_hosts
    assert promise.analytics_system in POLICY.systems


def test_observation_dataclass_defaults_keep_other_importers_untouched() -> None:
    parsed = etl.parse_file(Path(__file__).parent / "fixtures" / "eboekhouden/relations.json")
    assert parsed.observations == () and parsed.observed_on is None and not parsed.complete
    assert WebObservation("cookie", "_ga").lifetime_seconds is None


def test_a_finding_from_the_form_names_the_form_and_its_date() -> None:
    review = review_website(form(1, date(2026, 11, 24), google_signals="on"), POLICY, AS_OF)
    signals = next(
        f for f in review.findings if f.params.get("step", {}).get("en") == "Google signals off"
    )
    assert signals.severity == "high"
    assert "volgens het formulier van 2026-11-24" in signals.message("nl")
    assert "according to the form of 2026-11-24" in signals.message("en")
