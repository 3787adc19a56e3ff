"""Fuzzing every importer's format with hypothesis: random bytes under the names and first
bytes of the mailbox, website and access formats, random JSON built from the keys the
importers look for, random zips and random workbooks. Whatever comes in, `etl.parse_file`
may only raise `ImportRefused`, in one line about the file. (Random bytes as CSV, XLSX,
JSON and XAF: test_etl_registry.py; odd CSV files: test_fuzz_csv.py.)
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import etl
from etl.model import ImportRefused
from tests.bad_inputs.make_bad_inputs import SHEET_CLOSE, SHEET_OPEN, sheet_xml, xlsx, zip_bytes

FUZZ = settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
AS_OF = date(2026, 11, 25)


def only_refusals(path: Path, source: str | None = None) -> None:
    try:
        etl.parse_file(path, source, as_of=AS_OF)
    except ImportRefused as exc:
        message = str(exc)
        assert message.startswith(f"{path.name}: ") and "\n" not in message, message
        assert "unexpected problem" not in message, message


# ------------------------------------------------------------------------- bytes
SUFFIXES = [".har", ".eml", ".msg", ".mbox", ".pst", ".html", ".js", ".xml", ".zip", ".txt"]
PREFIXES = [
    b"From MAILER-DAEMON Thu Jan  1 00:00:00 2026\n", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
    b"!BDN", b'{"log": {"entries": [', b'<?xml version="1.0"?><KeePassFile><Root><Group>',
    b'{"vpsFirewall": {"ruleSet": [', b'{"vpss": [', b'{"encrypted": false, "items": [',
    b'{"dataRetentionSettings": {', b"<html><head><script>gtag('config', 'G-AB12CD34', ",
    b"From: a@example.nl\r\nDate: Mon, 2 Feb 2026 10:00:00 +0100\r\nSubject: ",
    "Received,SenderAddress,RecipientAddress,Subject,Status,MessageId\r\n".encode("utf-16"),
    b"Cookie / Data Key name,Domain,Retention period\r\n_ga,",
    b"Eindklant;Product;Licentiesleutel;Orderdatum\r\n",
    b"folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password\n",
    b'"Account","Login Name","Password","Web Site","Comments"\n',
]  # fmt: skip


@FUZZ
@given(content=st.binary(max_size=2000), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_under_every_format_name_only_raise_import_refused(tmp_path, content, suffix):
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(content)
    only_refusals(path)


@FUZZ
@given(
    prefix=st.sampled_from(PREFIXES),
    tail=st.binary(max_size=600) | st.text(max_size=600).map(str.encode),
    suffix=st.sampled_from(["", ".csv", ".json", ".xml", ".txt", ".har"]),
)
def test_the_first_bytes_of_every_format_with_random_tails_only_raise_import_refused(
    tmp_path, prefix, tail, suffix
):
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(prefix + tail)
    only_refusals(path)


# ------------------------------------------------------------------------- JSON
KEYS = [
    # bookkeeping APIs
    "items", "id", "code", "name", "type", "date", "emailAddress", "invoiceNumber", "relation",
    "relationCode", "relatie", "factuurnummer", "factuurDatum", "relatiecode", "naam", "email",
    "verkoopfacturen", "relaties",
    # TransIP
    "vpsFirewall", "isEnabled", "ruleSet", "whitelist", "description", "startPort", "vpss",
    "vps", "ipAddresses", "address", "reverseDns", "contacts", "domains", "domain",
    "invoices", "invoiceStatus", "creationDate", "companyName", "firstName", "lastName",
    # Bitwarden
    "encrypted", "folders", "collections", "login", "uris", "uri", "username", "password",
    "revisionDate", "folderId", "collectionIds", "fields", "notes",
    # HAR
    "log", "entries", "request", "response", "url", "headers", "cookies", "value", "expires",
    "startedDateTime", "content", "text", "mimeType", "queryString", "pages",
    # Google Analytics
    "dataRetentionSettings", "dataSharingSettings", "googleSignalsSettings",
    "eventDataRetention", "sharingWithOthersEnabled", "state", "consent",
]  # fmt: skip
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**70), 2**70), st.floats(allow_nan=False),
    st.text(max_size=20),
    st.sampled_from(["2024-02-30", "2026-01-01T00:00:00Z", "203.0.113.7", "10.0.0.0/8",
                     "https://www.google-analytics.com/g/collect?tid=G-AB12&uid=1",
                     "_ga=GA1.1.1; Max-Age=63072000", "GOOGLE_SIGNALS_ENABLED",
                     "properties/1/dataRetentionSettings", "FOURTEEN_MONTHS", "login"]),
)  # fmt: skip
DOCUMENTS = st.recursive(
    SCALARS,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=6), children, max_size=6)
    ),
    max_leaves=40,
)


@settings(max_examples=250, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(
    doc=st.dictionaries(st.sampled_from(KEYS), DOCUMENTS, min_size=1, max_size=5),
    name=st.sampled_from(["answer.json", "transip_firewall_vps1.json", "bezoek.har",
                          "transip_ip-addresses_vps1.json", "transip_contacts_x.example.json",
                          "bitwarden.json", "ga.json"]),
)  # fmt: skip
def test_random_json_made_of_the_keys_importers_read_only_raises_import_refused(
    tmp_path, doc, name
):
    path = tmp_path / name
    path.write_text(json.dumps(doc))
    only_refusals(path)


# ------------------------------------------------------------------------- zips
MEMBER_NAMES = st.sampled_from([
    "a.eml", "Postvak IN/b.eml", "../c.eml", "transip_vps.json", "dir/transip_firewall_v.json",
    "xl/workbook.xml", "[Content_Types].xml", "xl/worksheets/sheet1.xml", "foto.jpg", "x.json",
])  # fmt: skip
MEMBER_DATA = st.one_of(
    st.binary(max_size=300),
    st.sampled_from([b"From: a@example.nl\r\nDate: Mon, 2 Feb 2026 10:00:00 +0100\r\n\r\nhoi",
                     b'{"vpss": [{"name": "v", "description": 5}]}', b"{", b"",
                     b'{"vpsFirewall": {"ruleSet": [{"whitelist": ["203.0.113.7"]}]}}',
                     SHEET_OPEN + SHEET_CLOSE]),
)  # fmt: skip


@FUZZ
@given(
    members=st.lists(st.tuples(MEMBER_NAMES, MEMBER_DATA), min_size=1, max_size=5),
    cut=st.none() | st.integers(0, 2000),
    suffix=st.sampled_from([".zip", ".xlsx", ""]),
)
def test_random_zips_only_raise_import_refused(tmp_path, members, cut, suffix):
    data = zip_bytes(list(dict(members).items()))
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data if cut is None else data[:cut])
    only_refusals(path)


# ------------------------------------------------------------------------- workbooks
HEADERS = [
    ["Code", "Bedrijf", "Email", "KvkNummer", "AddDatum"],
    ["Factuurnummer", "Relatiecode", "Datum"],
    ["Relatiecode", "Naam", "Emailadres", "Relatiesoort"],
    ["Eindklant", "Product", "Licentiesleutel", "Orderdatum"],
    ["Cookie / Data Key name", "Domain", "Retention period"],
]
CELLS = st.one_of(
    st.none(), st.integers(-(2**40), 2**40), st.floats(allow_nan=False, allow_infinity=False),
    st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30),
    st.sampled_from(["31-02-2024", "45352", "2 years", "sessie", "", "NL69TEST0000000001"]),
)  # fmt: skip


@FUZZ
@given(
    header=st.sampled_from(HEADERS),
    rows=st.lists(st.lists(CELLS, max_size=6), max_size=6),
)
def test_random_workbooks_only_raise_import_refused(tmp_path, header, rows):
    path = tmp_path / "export.xlsx"
    path.write_bytes(xlsx(sheet_xml([header, *rows])))
    only_refusals(path)


# ------------------------------------------------------------------------- hostile shapes
# Shapes that cost work out of proportion to the bytes: a sheet claiming all of Excel's
# grid, numbers and nesting beyond any export, parts inside parts, a header of thousands
# of addresses. Each ends in a result or one sentence, with work counted, not timed.
HOSTILE = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
EB_HEADER = ["Code", "Bedrijf", "Email", "KvkNummer", "AddDatum"]


@HOSTILE
@given(
    claimed=st.sampled_from(["A1:XFD1048576", "A1:Z200000", "A1:E2", "B3:XFD9"]),
    strays=st.lists(st.tuples(st.integers(3, 1_048_576), st.integers(1, 16_384)), max_size=4,
                    unique_by=lambda cell: cell[0]),
)  # fmt: skip
def test_a_sheet_is_read_by_the_cells_it_holds(tmp_path, claimed, strays) -> None:
    from etl.tabular import read_table

    def column(n: int) -> str:
        name = ""
        while n:
            n, rest = divmod(n - 1, 26)
            name = chr(65 + rest) + name
        return name

    body = sheet_xml([EB_HEADER, ["K001", "Testbedrijf Fuzz B.V.", "f@fuzz.example", "", ""]])
    body = body.replace(b"<sheetData>", f'<dimension ref="{claimed}"/><sheetData>'.encode())
    extra = "".join(f'<row r="{r}"><c r="{column(c)}{r}" t="inlineStr"><is><t>x</t></is></c></row>'
                    for r, c in sorted(strays))  # fmt: skip
    path = tmp_path / "relaties.xlsx"
    path.write_bytes(xlsx(body.replace(SHEET_CLOSE, extra.encode() + SHEET_CLOSE)))
    rows = list(read_table(path).rows())
    assert len(rows) == 1 + len(strays)  # the rows the sheet holds, not the rows it claims
    assert sum(len(cells) for _, cells in rows) <= 5 + sum(c for _, c in strays)
    only_refusals(path)


@HOSTILE
@given(depth=st.integers(0, 20_000), digits=st.integers(1, 6_000))
def test_json_beyond_any_export_is_one_sentence(tmp_path, depth, digits) -> None:
    item = {"id": 1, "code": "K001", "name": "Testbedrijf Fuzz B.V.", "type": "B"}
    text = json.dumps({"items": [item]}).replace('"id": 1', '"id": ' + "7" * digits)
    text = text.replace('"type": "B"', '"type": "B", "x": ' + "[" * depth + "0" + "]" * depth)
    path = tmp_path / "relations.json"
    path.write_text(text)
    try:
        etl.parse_file(path, as_of=AS_OF)
    except ImportRefused as exc:
        message = str(exc)
        assert message.startswith("relations.json: ") and "\n" not in message
        assert "unexpected problem" not in message, message
        assert digits > 40 or depth > 500, message  # refused only for what is out of bounds
    else:
        assert digits <= 40


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(levels=st.sampled_from([1, 5, 40, 3_000]), recipients=st.sampled_from([1, 300, 12_000]))
def test_mail_of_parts_inside_parts_or_thousands_of_recipients(
    tmp_path, levels, recipients
) -> None:
    from tests.bad_inputs.make_bad_inputs import mail_nested

    to = ", ".join(f"p{i}@fuzz.example" for i in range(recipients))
    path = tmp_path / "genest.eml"
    path.write_bytes(mail_nested(levels).replace(b"To: info@ictroermond.nl", f"To: {to}".encode()))
    try:
        parsed = etl.parse_file(path, as_of=AS_OF)
    except ImportRefused as exc:
        message = str(exc)
        assert message.startswith("genest.eml: ") and "\n" not in message
        assert ("parts inside parts" in message) == (levels == 3_000 and recipients <= 12_000)
        assert levels == 3_000 or recipients > 10_000, message
    else:
        assert levels < 3_000 and recipients <= 10_000 and len(parsed.messages) == 1
