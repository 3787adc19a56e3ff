"""etl.dsd: DSD Europe licences as credentials, the key masked to its last four characters."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

import etl
from compliance import importing, store
from etl.access_rows import mask_key
from etl.model import ImportRefused, texts

FIXTURES = Path(__file__).parent / "fixtures" / "dsd"
AS_OF = date(2026, 11, 25)
FULL_KEYS = (
    "ESETK-AAAA1-BBBB2-CCCC3-DK7Q", "M365X-QQQQ1-WWWW2-EEEE3-RR4T",
    "VEEAM-ZZZZ1-YYYY2-XXXX3-9P2M", "WS25K-HHHH1-JJJJ2-KKKK3-TT8B", "CERT-AC-000555-LM3N",
)  # fmt: skip


@pytest.mark.parametrize(
    ("key", "masked"),
    [
        ("ESETK-AAAA1-BBBB2-CCCC3-DK7Q", "…DK7Q"),
        ("abc-12345", "…2345"),
        ("12 34", "…"),  # four characters or fewer: nothing shown at all
        ("", "…"),
    ],
)
def test_mask_key_keeps_the_last_four(key: str, masked: str) -> None:
    assert mask_key(key) == masked


def test_csv_licences_become_masked_credentials() -> None:
    export = etl.parse_file(FIXTURES / "licenties.csv", as_of=AS_OF)
    assert (export.source, export.kind) == ("dsd", "licences")
    assert export.rows_read == 3 and export.skipped == 1  # the empty line
    first = export.access[0]
    assert first.category == "credentials"
    assert (first.system, first.holder) == ("ESET Protect Entry", "…DK7Q")
    assert first.item == "order DSD-2024-0101"
    assert first.hints == ("Kapsalon Testknip B.V.",) and first.kvk == "90000100"
    assert first.seen_on == date(2024, 1, 15)
    assert first.ref == "DSD-2024-0101|ESET Protect Entry|…DK7Q"
    assert "geldig tot 2027-01-15" in first.detail
    assert export.access[1].kvk is None
    assert export.columns_mapped["Licentiesleutel"] == "dsd.licence_key"
    for key in FULL_KEYS:
        assert key not in repr(export)


def test_xlsx_with_a_title_row_certificate_and_customer_number() -> None:
    export = etl.parse_file(FIXTURES / "licenties.xlsx", as_of=AS_OF)
    assert etl.detect(FIXTURES / "licenties.xlsx").kind_id == "dsd.licences"
    assert [a.holder for a in export.access] == ["…TT8B", "…LM3N"]
    assert export.access[0].hints == ("Kapsalon Testknip B.V.", "K100")
    assert export.warnings == ()  # an end date years ahead is normal for a licence
    for key in FULL_KEYS:
        assert key not in repr(export)


def test_full_keys_never_reach_the_database(tmp_path: Path) -> None:
    db = tmp_path / "dsd.duckdb"
    for name in ("licenties.csv", "licenties.xlsx"):
        importing.import_file(db, FIXTURES / name, actor="test", now=datetime(2026, 11, 20))
    raw = db.read_bytes()
    for key in FULL_KEYS:
        assert key.encode() not in raw
        assert key.replace("-", "").encode() not in raw
    entries = store.access_entries(db)
    assert sorted(entries["holder"]) == ["…9P2M", "…DK7Q", "…LM3N", "…RR4T", "…TT8B"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("Eindklant;Product;Orderdatum\nKapsalon;ESET;01-01-2025\n",
         "no column Licentiesleutel (or Certificaat) was found"),
        ("Eindklant;Product;Licentiesleutel\n", "holds no licences"),
    ],
)  # fmt: skip
def test_refusals_name_what_is_missing(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "dsd.csv"
    path.write_text(content)
    with pytest.raises(ImportRefused) as caught:
        etl.parse_file(path, "dsd")
    assert str(caught.value).startswith("dsd.csv: ") and message in str(caught.value)


def test_a_row_without_customer_is_skipped_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "dsd.csv"
    path.write_text(
        "Eindklant;Product;Licentiesleutel\n;ESET;ABCDE-12345\nBakkerij;Office;QWERT-67890\n"
    )
    export = etl.parse_file(path)
    assert len(export.access) == 1 and export.skipped == 1
    assert texts(export.warnings) == (
        "row 2: the licence has no end customer or product and was skipped.",
    )
