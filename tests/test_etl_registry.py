"""etl (the registry): detection by content, every kind has a working fixture, only
ImportRefused escapes."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import etl
from etl.model import SOURCES, ImportRefused, ParsedExport, texts

FIXTURES = Path(__file__).parent / "fixtures"
AS_OF = date(2026, 11, 25)

# One fixture per (kind, format): the completeness test fails when a kind or format is
# added to KINDS without a fixture that detects and parses.
FIXTURE_FOR = {
    ("eboekhouden.relations", "csv"): "eboekhouden/relaties-cp1252.csv",
    ("eboekhouden.relations", "xlsx"): "eboekhouden/relaties.xlsx",
    ("eboekhouden.relations", "json"): "eboekhouden/relations.json",
    ("eboekhouden.invoices", "csv"): "eboekhouden/facturen-cp1252.csv",
    ("eboekhouden.invoices", "xlsx"): "eboekhouden/facturen.xlsx",
    ("eboekhouden.invoices", "json"): "eboekhouden/invoices.json",
    ("eboekhouden.mutations", "csv"): "eboekhouden/mutaties.csv",
    ("eboekhouden.mutations", "xlsx"): "eboekhouden/mutaties.xlsx",
    ("eboekhouden.auditfile", "xaf"): "xaf/eboekhouden-2023.xaf",
    ("snelstart.relations", "csv"): "snelstart/relaties-utf8bom.csv",
    ("snelstart.relations", "xlsx"): "snelstart/relaties.xlsx",
    ("snelstart.relations", "json"): "snelstart/relaties.json",
    ("snelstart.invoices", "csv"): "snelstart/verkoopfacturen.csv",
    ("snelstart.invoices", "xlsx"): "snelstart/verkoopfacturen.xlsx",
    ("snelstart.invoices", "json"): "snelstart/verkoopfacturen.json",
    ("snelstart.auditfile", "xaf"): "xaf/snelstart-2024.xaf",
    ("mailbox.messages", "eml"): "mailbox/request-latin1.eml",
    ("mailbox.messages", "zip"): "mailbox/messages.zip",
    ("mailbox.messages", "mbox"): "mailbox/inbox.mbox",
    ("mailbox.messages", "msg"): "mailbox/outlook.msg",
    ("mailbox.messages", "csv"): "mailbox/message-trace-utf16.csv",
    ("website.har", "har"): "website/ga4-default.har",
    ("website.page", "html"): "website/homepage.html",
    ("website.page", "txt"): "website/gtag-config.js",
    ("website.cookie_scan", "csv"): "website/cookie-scan.csv",
    ("website.cookie_scan", "xlsx"): "website/cookie-scan.xlsx",
    ("website.ga_settings", "json"): "website/ga-admin-combined.json",
    ("transip.firewall", "json"): "transip/transip_firewall_ictr-vps1.json",
    ("transip.vps", "json"): "transip/transip_vps.json",
    ("transip.ip_addresses", "json"): "transip/transip_ip-addresses_ictr-vps2.json",
    ("transip.domains", "json"): "transip/transip_contacts_kapsalon-testknip.example.json",
    ("transip.invoices", "json"): "transip/transip_invoices.json",
    ("transip.bundle", "zip"): "transip/transip-bundle.zip",
    ("vault.bitwarden", "csv"): "vault/bitwarden.csv",
    ("vault.bitwarden", "json"): "vault/bitwarden.json",
    ("vault.keepass", "csv"): "vault/keepassxc.csv",
    ("vault.keepass", "xml"): "vault/keepass.xml",
    ("dsd.licences", "csv"): "dsd/licenties.csv",
    ("dsd.licences", "xlsx"): "dsd/licenties.xlsx",
}
CASES = [(kind, fmt) for kind in etl.KINDS for fmt in kind.formats]


@pytest.mark.parametrize(("kind", "fmt"), CASES, ids=[f"{k.id}-{f}" for k, f in CASES])
def test_every_kind_and_format_has_a_fixture_that_detects_and_parses(kind, fmt):
    path = FIXTURES / FIXTURE_FOR[(kind.id, fmt)]
    detected = etl.detect(path)
    assert (detected.kind_id, detected.format) == (kind.id, fmt)
    assert (detected.source, detected.kind) == (kind.source, kind.kind)
    export = etl.parse_file(path, as_of=AS_OF)
    assert isinstance(export, ParsedExport)
    assert (export.source, export.kind) == (kind.source, kind.kind)
    assert export.rows_read > 0 and (
        export.subjects
        or export.invoices
        or export.observations
        or export.access  # TransIP, vault, DSD
        or export.systems
        or export.informational
    )


def test_registry_is_well_formed():
    ids = [k.id for k in etl.KINDS]
    assert len(ids) == len(set(ids))
    assert set(FIXTURE_FOR) == {(k, f) for k, f in ((k.id, f) for k, f in CASES)}
    for kind in etl.KINDS:
        assert kind.source in SOURCES and kind.id.startswith(kind.source + ".")
        assert kind.description_nl.endswith(".") and kind.description_en.endswith(".")
    assert etl.describe(language="nl")[0]["description"] == etl.KINDS[0].description_nl


# ------------------------------------------------------------------ content, not name
@pytest.mark.parametrize(
    ("fixture", "disguise", "kind_id"),
    [
        ("snelstart/relaties.json", "export.txt", "snelstart.relations"),
        ("eboekhouden/relaties-cp1252.csv", "snelstart.json", "eboekhouden.relations"),
        ("snelstart/relaties.xlsx", "relaties.csv", "snelstart.relations"),
        ("xaf/snelstart-2024.xaf", "audit.xml", "snelstart.auditfile"),
        ("eboekhouden/mutaties.csv", "facturen.csv", "eboekhouden.mutations"),
    ],
)
def test_detection_reads_the_content_not_the_name(tmp_path, fixture, disguise, kind_id):
    path = tmp_path / disguise
    shutil.copy(FIXTURES / fixture, path)
    assert etl.detect(path).kind_id == kind_id
    assert etl.parse_file(path, as_of=AS_OF).rows_read > 0


GENERIC_INVOICES = "Factuurnummer;Relatiecode;Datum\nF1;K1;1-2-2024\n"


@pytest.mark.parametrize(
    ("name", "source", "kind_id"),
    [
        ("snelstart-facturen.csv", None, "snelstart.invoices"),
        ("e-boekhouden_facturen.csv", None, "eboekhouden.invoices"),
        ("facturen.csv", "snelstart", "snelstart.invoices"),
        ("facturen.csv", "eboekhouden", "eboekhouden.invoices"),
    ],
)
def test_file_name_or_source_breaks_a_tie(tmp_path, name, source, kind_id):
    path = tmp_path / name
    path.write_text(GENERIC_INVOICES)
    assert etl.detect(path, source).kind_id == kind_id


def test_a_tie_without_a_hint_asks_for_the_source(tmp_path):
    path = tmp_path / "facturen.csv"
    path.write_text(GENERIC_INVOICES)
    with pytest.raises(ImportRefused) as caught:
        etl.parse_file(path)
    assert str(caught.value) == (
        "facturen.csv: the columns fit both an e-boekhouden.nl and a SnelStart export; "
        "import it again with --source eboekhouden or --source snelstart."
    )


def test_detect_already_refuses_an_audit_file_of_another_maker():
    with pytest.raises(ImportRefused, match=r"made by 'Exact Online', not recognisably"):
        etl.detect(FIXTURES / "xaf/unknown-software.xaf")
    assert etl.detect(FIXTURES / "xaf/unknown-software.xaf", "eboekhouden").source == (
        "eboekhouden"
    )


def test_explicit_source_names_the_maker_of_an_audit_file():
    export = etl.parse_file(FIXTURES / "xaf/unknown-software.xaf", "snelstart", as_of=AS_OF)
    assert export.source == "snelstart"


# ------------------------------------------------------------------ refusals
def test_unknown_csv_lists_its_columns(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("Ordernummer;Product;Aantal\n1;Muis;2\n")
    with pytest.raises(ImportRefused) as caught:
        etl.parse_file(path)
    assert str(caught.value) == (
        "x.csv: this file was not recognised as an export of e-boekhouden.nl, SnelStart or an "
        "XML Auditfile (columns found: Ordernummer, Product, Aantal); see README section "
        "'Exports' for how to get one."
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("x.json", '{"orders": [{"nr": 1}]}',
         "x.json: this JSON holds no list of relations or invoices; save the answer of the "
         "relations or invoices API call as it comes, see README section 'Exports' for how to "
         "get one."),
        ("x.json", '[{"nr": 1, "product": "muis"}]',
         "x.json: this JSON was not recognised as an e-boekhouden.nl or SnelStart API answer "
         "(keys found: nr, product); see README section 'Exports' for how to get one."),
        ("x.json", '{"items": [], "count": 0}',
         "x.json: the API answer is an empty list; check the filter of the API call and save "
         "the answer again."),
        ("x.xml", "<rss><channel/></rss>",
         "x.xml: this XML file is not an XML Auditfile Financieel (XAF 3.2); export the audit "
         "file from the bookkeeping package, see README section 'Exports' for how to get one."),
        ("leeg.csv", "", "leeg.csv: the file is empty; export the list again."),
        ("kop.csv", "Code;Bedrijf;Email\r\n",
         "kop.csv: the file holds no relations, only column names or an empty list; export the "
         "list again with its rows (check the filter or period) and try again."),
    ],
)  # fmt: skip
def test_refusals_are_one_sentence_about_their_file(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(ImportRefused) as caught:
        etl.parse_file(path)
    assert str(caught.value) == message


def test_missing_file_and_bad_source(tmp_path):
    with pytest.raises(ImportRefused, match=r"^nope\.csv: no such file; check the name"):
        etl.parse_file(tmp_path / "nope.csv")
    with pytest.raises(ImportRefused, match=r"--source must be eboekhouden or snelstart"):
        etl.parse_file(FIXTURES / "xaf/snelstart-2024.xaf", "transip")


def test_an_unexpected_bug_still_reaches_the_owner_as_a_sentence(tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise KeyError("boom")

    monkeypatch.setattr(etl, "detect", lambda path, source=None: etl.Detected("x", "y", broken))
    with pytest.raises(ImportRefused) as caught:
        etl.parse_file(tmp_path / "any.csv")
    assert str(caught.value) == (
        "any.csv: the file could not be read because of an unexpected problem (KeyError); "
        "please report it, with the file if you can share it."
    )


# ------------------------------------------------------------------ fuzzing
SUFFIXES = st.sampled_from([".csv", ".xlsx", ".json", ".xaf", ".txt", ""])


def _only_refusals(path: Path) -> None:
    try:
        etl.parse_file(path, as_of=AS_OF)
    except ImportRefused as exc:
        message = str(exc)
        assert message.startswith(path.name + ": ") and "\n" not in message
        assert "unexpected problem" not in message  # the safety net is not a parser


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(content=st.binary(max_size=3000), suffix=SUFFIXES)
def test_random_bytes_only_ever_raise_import_refused(tmp_path, content, suffix):
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(content)
    _only_refusals(path)


PREFIXES = st.sampled_from([
    b"", b"PK\x03\x04", b"\xef\xbb\xbf", b"\xff\xfe", b"{", b"[", b'{"items": [',
    b'<?xml version="1.0"?><auditfile xmlns="http://www.auditfiles.nl/XAF/3.2">',
    b"Code;Bedrijf;AddDatum;Email;IBAN\n", b"Factuurnummer,Relatiecode,Datum\n",
    b"MutatieNr;Soort;Datum;RelatieCode\n1;FactuurVerstuurd;",
])  # fmt: skip


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(prefix=PREFIXES, tail=st.binary(max_size=500) | st.text(max_size=500).map(str.encode))
def test_plausible_beginnings_with_random_tails_only_raise_import_refused(tmp_path, prefix, tail):
    path = tmp_path / "fuzz.dat"
    path.write_bytes(prefix + tail)
    _only_refusals(path)


# ------------------------------------------------------------------ the demo data
SAMPLES = Path(__file__).parent.parent / "data" / "samples"
SAMPLE_KINDS = {
    "eboekhouden-relaties.csv": ("eboekhouden.relations", 12, 0),
    "eboekhouden-facturen.csv": ("eboekhouden.invoices", 0, 32),
    "snelstart-relaties.xlsx": ("snelstart.relations", 6, 0),
    "snelstart-relaties.json": ("snelstart.relations", 6, 0),
    "snelstart-verkoopfacturen.json": ("snelstart.invoices", 0, 6),
    "snelstart-auditfile-2025.xaf": ("snelstart.auditfile", 4, 8),
    "mailbox-info.mbox": ("mailbox.messages", 3, 0),
    "website-ictroermond.har": ("website.har", 0, 0),
    "website-ictroermond-juni.har": ("website.har", 0, 0),
    "website-ga4-instellingen.json": ("website.ga_settings", 0, 0),
    "transip-vps.json": ("transip.vps", 0, 0),
    "transip_firewall_ictr-web01.json": ("transip.firewall", 0, 0),
    "transip_firewall_ictr-kapsalon01.json": ("transip.firewall", 0, 0),
    "vault-bitwarden.csv": ("vault.bitwarden", 0, 0),
    "dsd-licenties.csv": ("dsd.licences", 0, 0),
}


def test_every_sample_export_is_listed_here():
    on_disk = {p.name for p in SAMPLES.iterdir()} - {"README.md", "postal_requests.csv"}
    assert on_disk == set(SAMPLE_KINDS)


@pytest.mark.parametrize("name", sorted(SAMPLE_KINDS))
def test_samples_parse_cleanly(name):
    kind_id, subjects, invoices = SAMPLE_KINDS[name]
    assert etl.detect(SAMPLES / name).kind_id == kind_id
    export = etl.parse_file(SAMPLES / name, as_of=AS_OF)
    assert (len(export.subjects), len(export.invoices), texts(export.warnings)) == (
        subjects, invoices, (),
    )  # fmt: skip
    refs = {s.ref for s in export.subjects}
    assert all(r.subject_ref in refs for r in export.records)


def test_sample_invoices_point_at_sample_relations():
    relations = {
        ("eboekhouden", s.ref)
        for s in etl.parse_file(SAMPLES / "eboekhouden-relaties.csv").subjects
    } | {
        ("snelstart", s.ref)
        for name in ("snelstart-relaties.xlsx", "snelstart-relaties.json")
        for s in etl.parse_file(SAMPLES / name).subjects
    }
    for name in ("eboekhouden-facturen.csv", "snelstart-verkoopfacturen.json",
                 "snelstart-auditfile-2025.xaf"):  # fmt: skip
        export = etl.parse_file(SAMPLES / name, as_of=AS_OF)
        assert {(export.source, i.subject_ref) for i in export.invoices} <= relations


def test_a_quoted_header_with_a_line_break_is_refused_in_one_line(tmp_path):
    path = tmp_path / "fuzz.csv"
    path.write_bytes(b'"\x01\n\x01')  # found by the fuzzer: the columns listed broke the line
    with pytest.raises(ImportRefused) as caught:
        etl.parse_file(path)
    assert "\n" not in str(caught.value)
