"""etl.website_har: cookies, lifetimes and trackers of a recorded visit; refusals.

Fixtures: tests/fixtures/website/*.har, written by tests/fixtures/make_website.py (Chrome's
HAR shape: request cookies with domain and expires; Firefox's: without).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

import etl
from etl.model import ImportRefused, ParsedExport, WebObservation, texts
from etl.website_cookies import set_cookie, when
from etl.website_har import parse_har

FIXTURES = Path(__file__).parent / "fixtures" / "website"
DAY = 86_400


def cookies(export: ParsedExport) -> dict[str, WebObservation]:
    return {o.name: o for o in export.observations if o.kind == "cookie"}


def of_kind(export: ParsedExport, kind: str) -> dict[str, WebObservation]:
    return {o.name: o for o in export.observations if o.kind == kind}


def test_default_ga4_visit_shows_two_year_ga_cookies_and_a_day_long_gid() -> None:
    export = parse_har(FIXTURES / "ga4-default.har")
    assert (export.source, export.kind) == ("website", "har")
    assert export.observed_on == date(2026, 11, 20)
    assert export.complete and export.warnings == ()
    found = cookies(export)
    assert {n: round(c.lifetime_seconds / DAY) for n, c in found.items() if c.lifetime_seconds} == {
        "_ga": 730,
        "_ga_R0ERM0ND42": 730,
        "_gid": 1,
    }
    assert found["_ga"].domain == "ictroermond.nl" and found["_ga"].party == "first"
    assert found["_ga"].category == "analytics"
    session = found["PHPSESSID"]
    assert session.session and session.lifetime_seconds is None
    assert session.domain == "www.ictroermond.nl" and session.category == "functional"


def test_trackers_tags_and_fields_of_the_hits() -> None:
    export = parse_har(FIXTURES / "ga4-default.har")
    trackers = of_kind(export, "tracker")
    assert set(trackers) == {"region1.google-analytics.com", "www.googletagmanager.com"}
    assert trackers["region1.google-analytics.com"].value == "google_analytics"
    assert trackers["region1.google-analytics.com"].party == "third"
    assert set(of_kind(export, "tag")) == {"G-R0ERM0ND42"}
    fields = of_kind(export, "field")
    assert fields["referrer_url"].value == "dr" and fields["language"].value == "ul"
    assert {"ip_address", "browser", "operating_system", "country"} <= set(fields)
    assert "user_id" not in fields
    settings = of_kind(export, "setting")
    assert settings["hit.user_id"].value == "off"
    # The page's HTML was in the HAR: the tag's own set-up (gtag defaults) is read too.
    assert settings["tag.allow_google_signals"].value == "on"
    page = of_kind(export, "page")
    assert page == {"https://www.ictroermond.nl/": page["https://www.ictroermond.nl/"]}
    assert page["https://www.ictroermond.nl/"].value == "ictroermond.nl"


def test_no_cookie_value_or_user_id_is_kept() -> None:
    for name in ("ga4-default.har", "tracking.har"):
        export = parse_har(FIXTURES / name)
        text = repr(export)
        for secret in ("GA1.1.1234567890", "q3v8kd0f1m2n4p6r8t0v2x4z6b", "klant-0042",
                       "fb.1.1763629200800", "1234567890.1763629200"):  # fmt: skip
            assert secret not in text, (name, secret)


def test_tracking_visit_shows_user_id_signals_and_the_meta_pixel() -> None:
    export = parse_har(FIXTURES / "tracking.har")
    settings = of_kind(export, "setting")
    assert settings["hit.user_id"].value == "on"
    assert settings["hit.google_signals"].value == "on"
    fields = of_kind(export, "field")
    assert fields["user_id"].value == "uid"
    assert fields["user_properties"].value == "up.klanttype"
    assert "fb:246801357913579" in of_kind(export, "tag")
    trackers = of_kind(export, "tracker")
    assert trackers["www.facebook.com"].category == "marketing"
    assert trackers["stats.g.doubleclick.net"].value == "google_signals"
    assert round(cookies(export)["_fbp"].lifetime_seconds / DAY) == 90


def test_firefox_har_reads_set_cookie_headers_and_says_what_it_cannot_know() -> None:
    export = parse_har(FIXTURES / "firefox.har")
    found = cookies(export)
    assert round(found["FPID"].lifetime_seconds / DAY) == 400  # Max-Age=34560000
    # Expires in the old "Fri, 20-Nov-2027" style, counted from the response's Date header.
    assert round(found["cookieconsent_status"].lifetime_seconds / DAY) == 365
    assert "oud_bezoek" not in found  # Max-Age=0 deletes a cookie, it sets none
    assert found["VISITOR_INFO1_LIVE"].party == "third"
    assert found["VISITOR_INFO1_LIVE"].domain == "youtube.com"
    # PHPSESSID from the Set-Cookie header and from the request list are one cookie.
    assert [o.name for o in export.observations if o.kind == "cookie"].count("PHPSESSID") == 1
    assert found["PHPSESSID"].session
    unknown = found["_ga"]
    assert unknown.lifetime_seconds is None and not unknown.session
    assert texts(export.warnings) == (
        "the HAR does not say how long 1 cookies live (_ga); Chrome's HAR export includes it.",
    )


def test_a_sanitized_har_is_read_but_not_complete() -> None:
    export = parse_har(FIXTURES / "sanitized.har")
    assert not cookies(export)
    assert not export.complete
    assert "Export HAR (with sensitive data)" in texts(export.warnings)[0]
    assert "region1.google-analytics.com" in of_kind(export, "tracker")


@pytest.mark.parametrize(
    ("header", "seconds", "session"),
    [
        ("a=1; Max-Age=3600; Expires=Fri, 20 Nov 2099 10:00:00 GMT", 3600, False),
        ("a=1; Expires=Sat, 21 Nov 2026 10:00:00 GMT; Path=/", 86_400, False),
        ("a=1; expires=Sat, 21-Nov-2026 10:00:00 GMT", 86_400, False),
        ("a=1; Path=/; HttpOnly", None, True),
        ("a=1; max-age=60", 60, False),
    ],
)
def test_set_cookie_lifetime(header: str, seconds: int | None, session: bool) -> None:
    at = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
    cookie = set_cookie(header, "www.ictroermond.nl", at)
    assert cookie is not None
    assert (cookie.seconds, cookie.session, cookie.domain) == (
        seconds,
        session,
        "www.ictroermond.nl",
    )


@pytest.mark.parametrize(
    "header", ["a=; Max-Age=0", "a=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT", "a=1; max-age=-1"]
)
def test_a_deleting_set_cookie_is_no_cookie(header: str) -> None:
    assert set_cookie(header, "x.nl", datetime(2026, 11, 20, tzinfo=UTC)) is None


def test_set_cookie_domain_attribute_wins_over_the_host() -> None:
    cookie = set_cookie("a=1; Domain=.Ictroermond.nl", "www.ictroermond.nl", None)
    assert cookie is not None and cookie.domain == "ictroermond.nl"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-20T09:00:00.123Z", datetime(2026, 11, 20, 9, 0, 0, 123000, tzinfo=UTC)),
        ("2026-11-20T10:00:00+01:00", datetime(2026, 11, 20, 9, 0, tzinfo=UTC)),
        ("Fri, 20 Nov 2026 09:00:00 GMT", datetime(2026, 11, 20, 9, 0, tzinfo=UTC)),
        ("2026-11-20T09:00:00", datetime(2026, 11, 20, 9, 0, tzinfo=UTC)),  # naive: UTC
        (1795165200, datetime(2026, 11, 20, 9, 0, tzinfo=UTC)),  # seconds since 1970
        (0, None),
        ("", None),
        ("soon", None),
        (None, None),
    ],
)
def test_dates_in_a_har(text: object, expected: datetime | None) -> None:
    assert when(text) == expected


# ------------------------------------------------------------------------- refusals
@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "not-json.har",
            "not-json.har: this is not a HAR file, it is not valid JSON (line 1, column 1); "
            "save it again from the browser's developer tools (Network tab, Export HAR).",
        ),
        ("truncated.har", "truncated.har: this is not a HAR file, it is not valid JSON (line "),
        (
            "no-entries.har",
            "no-entries.har: the HAR file holds no requests; reload the page with the Network "
            "tab open, then save it again from the browser's developer tools (Network tab, "
            "Export HAR).",
        ),
    ],
)
def test_broken_hars_are_refused_in_one_sentence(name: str, message: str) -> None:
    with pytest.raises(ImportRefused) as caught:
        etl.parse_file(FIXTURES / name)
    assert str(caught.value).startswith(message)
    assert str(caught.value).count(". ") == 0  # one sentence


def test_json_without_a_log_is_not_a_har(tmp_path: Path) -> None:
    path = tmp_path / "bezoek.har"
    path.write_text('{"entries": []}', encoding="utf-8")
    with pytest.raises(ImportRefused, match=r"not a HAR file \(no log.entries\)"):
        etl.parse_file(path)


def test_a_har_is_recognised_by_content_under_another_name(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_bytes((FIXTURES / "ga4-default.har").read_bytes())
    assert etl.detect(path).kind_id == "website.har"
    assert etl.detect(path, "website").kind_id == "website.har"
