"""etl.website_scan and etl.website_ga: a cookie scanner's list (Open Cookie Database
columns, English and Dutch) and Google Analytics Admin API answers."""

from __future__ import annotations

from pathlib import Path

import pytest

import etl
from etl.model import ImportRefused, texts
from etl.website_scan import UnknownRetention, category_of, retention_seconds

FIXTURES = Path(__file__).parent / "fixtures" / "website"
DAY = 86_400


def by_name(export, kind: str = "cookie") -> dict:
    return {o.name: o for o in export.observations if o.kind == kind}


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("2 years", 730 * DAY),
        ("1 day", DAY),
        ("24 hours", DAY),
        ("1 minute", 60),
        ("30 seconds", 30),
        ("13 months", 13 * 30 * DAY),
        ("a year", 365 * DAY),
        ("2 years after last activity", 730 * DAY),
        ("30 seconds till 1 year", 365 * DAY),
        ("60 days till 3650 days", 3650 * DAY),
        ("180 days after last activity or 10 years when opting out", 180 * DAY),
        ("period of 2 years", 730 * DAY),
        ("2 jaar", 730 * DAY),
        ("1 dag", DAY),
        ("24 uur", DAY),
        ("één jaar", 365 * DAY),
        ("3 maanden", 90 * DAY),
        ("1,5 jaar", round(1.5 * 365 * DAY)),
        ("1-2 jaar", 730 * DAY),
        ("30 dagen", 30 * DAY),
        ("10 minuten", 600),
        ("2 weken", 14 * DAY),
        ("session", None),
        ("Session", None),
        ("End of session (browser)", None),
        ("sessie", None),
        ("einde sessie", None),
        ("for one year", 365 * DAY),
        ("half a year", round(0.5 * 365 * DAY)),
        ("half an hour", 1800),
        ("2years", 730 * DAY),
        # Digits other than 0-9: Arabic-Indic ones are read; a superscript ("¹", a digit
        # to str.isdigit, not to float) is no amount (hypothesis found it crashing).
        ("\u0663 days", 3 * DAY),
        ("2 years\u00b9", 730 * DAY),
        ("\u00b90 days", 0),
    ],
)
def test_retention_words(text: str, seconds: int | None) -> None:
    assert retention_seconds(text) == seconds


@pytest.mark.parametrize("text", ["", "persistent", "until further notice", "zie website"])
def test_retention_without_a_period_is_unknown(text: str) -> None:
    with pytest.raises(UnknownRetention):
        retention_seconds(text)


@pytest.mark.parametrize(
    ("cell", "seconds"),
    [
        ("a" * 200_000 + "1", None),
        ("x " * 100_000 + "2 years", 730 * DAY),
        ("1" * 200_000 + "x", None),
    ],
)
def test_a_huge_retention_cell_is_read_in_one_pass(
    cell: str, seconds: int | None, hang_guard
) -> None:
    # (number|word)\s*word\b backtracked cubically on letters before a digit: hours.
    if seconds is None:
        with pytest.raises(UnknownRetention):
            retention_seconds(cell)
    else:
        assert retention_seconds(cell) == seconds


def test_a_huge_domain_cell_is_read_in_one_pass(tmp_path: Path, hang_guard) -> None:
    scan = tmp_path / "cookiescan.csv"
    scan.write_text(
        "Cookie / Data Key name,Domain,Retention period,Category\n"
        f"_ga,{'a' * 200_000},2 years,Analytics\n"
        f"_gid,{'b' * 100_000}..example.nl,1 day,Analytics\n",
        encoding="utf-8",
    )
    cookies = by_name(etl.parse_file(scan))
    assert cookies["_ga"].domain == ""
    assert cookies["_gid"].domain == "example.nl"


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Analytics", "analytics"),
        ("Statistieken", "analytics"),
        ("Marketing", "marketing"),
        ("Advertising", "marketing"),
        ("Noodzakelijk", "functional"),
        ("Strictly necessary", "functional"),
        ("Voorkeuren", "preferences"),
        ("Overig", "unclassified"),
        ("", ""),
    ],
)
def test_categories(text: str, category: str) -> None:
    assert category_of(text) == category


def test_open_cookie_database_csv() -> None:
    path = FIXTURES / "cookie-scan.csv"
    assert etl.detect(path).kind_id == "website.cookie_scan"
    export = etl.parse_file(path)
    assert (export.kind, export.complete, export.rows_read) == ("cookie_scan", True, 7)
    found = by_name(export)
    assert found["_ga"].lifetime_seconds == 730 * DAY
    assert found["_ga"].domain == "ictroermond.nl"
    assert found["_ga_*"].lifetime_seconds == 730 * DAY  # wildcard match 1
    assert found["_gid"].lifetime_seconds == DAY
    assert found["PHPSESSID"].session
    assert found["VISITOR_INFO1_LIVE"].party == "third"
    assert found["VISITOR_INFO1_LIVE"].category == "marketing"
    unknown = found["wp_lang"]
    assert unknown.lifetime_seconds is None and not unknown.session
    assert texts(export.warnings) == (
        "row 8: retention 'until further notice' of wp_lang not understood.",
    )
    assert export.columns_mapped["Retention period"] == "retention"


def test_dutch_scan_in_windows_1252_with_semicolons() -> None:
    export = etl.parse_file(FIXTURES / "cookie-scan-nl.csv")
    found = by_name(export)
    assert found["cookiebanner_keuze"].lifetime_seconds == 365 * DAY  # "één jaar", cp1252
    assert found["_fbp"].lifetime_seconds == 90 * DAY
    assert found["_fbp"].category == "marketing"
    assert found["PHPSESSID"].session and found["PHPSESSID"].category == "functional"


def test_scan_workbook_with_a_title_row() -> None:
    path = FIXTURES / "cookie-scan.xlsx"
    assert etl.detect(path).format == "xlsx"
    assert set(by_name(etl.parse_file(path))) == {"_ga", "_ga_*", "_gid", "PHPSESSID"}


def test_scan_without_retention_column_is_refused_in_one_sentence() -> None:
    with pytest.raises(ImportRefused) as caught:
        etl.parse_file(FIXTURES / "cookie-scan-no-retention.csv")
    assert str(caught.value) == (
        "cookie-scan-no-retention.csv: this does not look like a cookie scanner's list: no "
        "column Retention period was found (columns found: Cookie / Data Key name, Domain, "
        "Category); export the scan's cookie list as CSV with the cookie's name, domain and "
        "retention period (see README section 'Website')."
    )


def test_header_only_scan_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "scan.csv"
    path.write_text("Cookie / Data Key name,Domain,Retention period\r\n", encoding="utf-8")
    with pytest.raises(ImportRefused, match="the cookie list holds no cookies"):
        etl.parse_file(path)


def test_a_bookkeeping_csv_is_not_a_cookie_scan(tmp_path: Path) -> None:
    path = tmp_path / "relaties.csv"
    path.write_text("Code;Bedrijf;Naam;Email\r\nK1;Test B.V.;Jan;jan@example.nl\r\n")
    assert etl.detect(path).source == "eboekhouden"


# ------------------------------------------------------------------------- GA4 settings
def settings(export) -> dict[str, str]:
    return {o.name: o.value for o in export.observations if o.kind == "setting"}


def test_combined_admin_api_answers() -> None:
    export = etl.parse_file(FIXTURES / "ga-admin-combined.json")
    assert (export.kind, export.rows_read) == ("ga_settings", 3)
    assert settings(export) == {
        "ga.data_retention": "TWO_MONTHS",
        "ga.user_data_retention": "TWO_MONTHS",
        "ga.sharing_products": "on",
        "ga.sharing_benchmarking": "on",
        "ga.sharing_support": "on",
        "ga.sharing_sales": "on",
        "ga.google_signals": "off",
    }


def test_false_booleans_are_left_out_by_the_api_and_mean_off() -> None:
    export = etl.parse_file(FIXTURES / "ga-data-sharing-off.json")
    assert set(settings(export).values()) == {"off"}
    assert len(settings(export)) == 4


def test_a_list_of_answers() -> None:
    assert settings(etl.parse_file(FIXTURES / "ga-signals-list.json")) == {
        "ga.google_signals": "on",
        "ga.data_retention": "FOURTEEN_MONTHS",
    }


def test_an_api_error_answer_is_refused_saying_so() -> None:
    with pytest.raises(ImportRefused) as caught:
        etl.parse_file(FIXTURES / "ga-api-error.json")
    assert str(caught.value).startswith(
        "ga-api-error.json: this is an error answer of the Google API (403 PERMISSION_DENIED: "
        "Request had insufficient authentication scopes.)"
    )


def test_unspecified_signals_alone_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "signals.json"
    path.write_text(
        '{"name": "properties/1/googleSignalsSettings", '
        '"state": "GOOGLE_SIGNALS_STATE_UNSPECIFIED"}'
    )
    with pytest.raises(ImportRefused, match="holds no setting this dashboard reads"):
        etl.parse_file(path)


def test_website_source_refuses_what_is_no_website_evidence(tmp_path: Path) -> None:
    path = tmp_path / "relaties.csv"
    path.write_text("Code;Bedrijf\r\nK1;Test B.V.\r\n")
    with pytest.raises(ImportRefused, match="not recognised as website evidence"):
        etl.parse_file(path, "website")
