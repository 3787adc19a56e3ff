"""etl.website_page and etl.website_js: the site's HTML or tag snippet, and the little
JavaScript reading behind it."""

from __future__ import annotations

from pathlib import Path

import pytest

import etl
from etl.model import ImportRefused, texts
from etl.website_js import Expression, calls, strip_comments, value
from etl.website_page import page_observations

FIXTURES = Path(__file__).parent / "fixtures" / "website"
DAY = 86_400


def by_name(export, kind: str) -> dict:
    return {o.name: o for o in export.observations if o.kind == kind}


def test_default_snippet_means_two_year_cookies() -> None:
    export = etl.parse_file(FIXTURES / "gtag-default.txt")
    assert (export.source, export.kind) == ("website", "page")
    found = by_name(export, "cookie")
    assert {n: c.lifetime_seconds // DAY for n, c in found.items()} == {
        "_ga": 730,
        "_ga_R0ERM0ND42": 730,
    }
    assert "gtag.js default" in found["_ga"].detail
    settings = by_name(export, "setting")
    assert settings["tag.allow_google_signals"].value == "on"  # gtag's default
    assert settings["tag.user_id"].value == "off"
    assert "G-R0ERM0ND42" in by_name(export, "tag")


def test_snippet_with_cookie_expires_2592000() -> None:
    export = etl.parse_file(FIXTURES / "gtag-30-days.txt")
    found = by_name(export, "cookie")
    assert {n: c.lifetime_seconds for n, c in found.items()} == {
        "_ga": 2_592_000,
        "_ga_R0ERM0ND42": 2_592_000,
    }
    settings = {n: o.value for n, o in by_name(export, "setting").items()}
    assert settings["tag.allow_google_signals"] == "off"
    assert settings["tag.allow_ad_personalization_signals"] == "off"
    assert settings["consent.ad_storage"] == "denied"
    assert settings["consent.analytics_storage"] == "granted"


def test_homepage_lists_tags_and_tracker_hosts_and_its_address() -> None:
    export = etl.parse_file(FIXTURES / "homepage.html")
    assert etl.detect(FIXTURES / "homepage.html").format == "html"
    assert {"G-R0ERM0ND42", "fb:246801357913579"} <= set(by_name(export, "tag"))
    trackers = by_name(export, "tracker")
    assert trackers["connect.facebook.net"].value == "facebook_pixel"
    assert "www.googletagmanager.com" in trackers
    page = next(o for o in export.observations if o.kind == "page")
    assert (page.name, page.value) == ("https://www.ictroermond.nl/", "ictroermond.nl")


def test_tag_manager_only_warns_that_the_settings_live_in_the_container() -> None:
    export = etl.parse_file(FIXTURES / "gtm-only.html")
    assert "GTM-K7RMND2" in by_name(export, "tag")
    assert not by_name(export, "cookie")  # GTM decides; nothing to predict
    assert texts(export.warnings) and "GTM-K7RMND2" in texts(export.warnings)[0]


def test_analytics_js_with_masked_ips_and_a_user_id() -> None:
    export = etl.parse_file(FIXTURES / "analytics-js.txt")
    settings = {n: o.value for n, o in by_name(export, "setting").items()}
    assert settings["tag.anonymize_ip"] == "on"
    assert settings["tag.user_id"] == "on"
    cookies = by_name(export, "cookie")
    assert cookies["_ga"].lifetime_seconds == 2_592_000  # cookieExpires
    assert cookies["_gid"].lifetime_seconds == DAY
    assert "UA-12345678-1" in by_name(export, "tag")


def test_a_bare_js_snippet_with_arithmetic_and_a_variable() -> None:
    path = FIXTURES / "gtag-config.js"
    assert etl.detect(path).format == "txt"
    export = etl.parse_file(path)
    assert by_name(export, "cookie")["_ga"].lifetime_seconds == 2_592_000  # 60 * 60 * 24 * 30
    assert by_name(export, "field")["user_id"].value == "user_id: window.klant"


def test_cookie_expires_0_means_a_session_cookie() -> None:
    found, _ = page_observations("gtag('config', 'G-ABCDEF1234', {cookie_expires: 0});")
    ga = next(o for o in found if o.name == "_ga")
    assert ga.session and ga.lifetime_seconds is None


def test_ids_in_the_page_text_are_not_tags() -> None:
    html = (
        "<html><body><p>Bestel de G-SHOCK1234 horloge</p>"
        "<script>gtag('config', 'G-ABCDEF1234');</script></body></html>"
    )
    found, _ = page_observations(html)
    assert {o.name for o in found if o.kind == "tag"} == {"G-ABCDEF1234"}


def test_a_global_set_applies_to_every_config() -> None:
    found, _ = page_observations(
        "gtag('set', {'allow_google_signals': false, cookie_expires: 86400});\n"
        "gtag('config', 'G-ABCDEF1234');"
    )
    settings = {o.name: o.value for o in found if o.kind == "setting"}
    assert settings["tag.allow_google_signals"] == "off"
    assert next(o for o in found if o.name == "_ga").lifetime_seconds == 86_400


@pytest.mark.parametrize(
    ("name", "start"),
    [
        ("empty.js", "empty.js: no Google Analytics, Tag Manager or other tracking tag was found"),
        ("no-tag.txt", "no-tag.txt: this file was not recognised as an export"),
    ],
)
def test_text_without_a_tag_is_refused(name: str, start: str) -> None:
    with pytest.raises(ImportRefused) as caught:
        etl.parse_file(FIXTURES / name)
    assert str(caught.value).startswith(start)


def test_an_html_page_without_tags_is_evidence_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "index.html"
    path.write_text("<!DOCTYPE html><html><body>Welkom</body></html>", encoding="utf-8")
    export = etl.parse_file(path)
    assert [o.kind for o in export.observations] == ["page"]
    assert texts(export.warnings) == ("no tracking tag was found in this page.",)


def test_a_page_full_of_unclosed_tags_is_read_in_linear_time(tmp_path: Path, hang_guard) -> None:
    # Patterns tried afresh at every "<link" (and every rel= in it) up to the tag's ">", and
    # at every "<script" without a "</script>" on to the end of the page: quadratic.
    junk = "<link " * 50_000 + ">\n<link " + "rel='canonical' " * 20_000 + ">\n"
    page = (FIXTURES / "homepage.html").read_text(encoding="utf-8")
    page = page.replace("<meta charset", junk + "<meta charset", 1)
    path = tmp_path / "index.html"
    path.write_text(page + "<script>" * 50_000 + "<noscript>" * 30_000, encoding="utf-8")
    export = etl.parse_file(path)
    found = next(o for o in export.observations if o.kind == "page")
    assert (found.name, found.value, found.detail) == (
        "https://www.ictroermond.nl/",
        "ictroermond.nl",
        "page source",
    )
    assert {"G-R0ERM0ND42", "fb:246801357913579"} <= set(by_name(export, "tag"))


# ------------------------------------------------------------------------- etl.website_js
@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("'x'", "x"),
        ('"it\\"s"', 'it"s'),
        ("2592000", 2592000),
        ("60 * 60 * 24 * 30", 2592000),
        ("86400 + 60", 86460),
        ("true", True),
        ("!1", False),
        ("null", None),
        ("{a: 1, 'b': [1, 2,], c: {d: false},}", {"a": 1, "b": [1, 2], "c": {"d": False}}),
        ("window.klant", Expression("window.klant")),
    ],
)
def test_js_values(source: str, expected: object) -> None:
    assert value(source) == expected


def test_calls_skip_methods_comments_and_strings() -> None:
    text = (
        "// gtag('config', 'G-COMMENTED1');\n"
        "obj.gtag('config', 'G-METHOD123');\n"
        "/* gtag('config', 'G-BLOCK1234') */\n"
        "gtag('config', 'G-REAL12345', {page_path: '/a(b)//c'});\n"
    )
    assert calls(text, "gtag") == [["config", "G-REAL12345", {"page_path": "/a(b)//c"}]]


def test_strip_comments_keeps_urls() -> None:
    assert strip_comments("s = 'https://x.nl'; // weg\nt = 1") == "s = 'https://x.nl'; \nt = 1"


def test_an_unclosed_call_is_ignored() -> None:
    assert calls("gtag('config', 'G-ABCDEF1234', {", "gtag") == []


def test_many_unclosed_calls_before_a_real_one_are_read_in_linear_time(hang_guard) -> None:
    # Each unclosed `gtag(` was read to the end of the page: quadratic in the page's length.
    text = "gtag(" * 100_000 + "\ngtag('config', 'G-REAL12345', {cookie_expires: 2592000});\n"
    assert calls(text, "gtag")[-1] == ["config", "G-REAL12345", {"cookie_expires": 2592000}]
    # An open string is bounded the same way.
    assert calls("gtag('" + "x" * 1_000_000, "gtag") == []
