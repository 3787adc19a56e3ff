"""Synthetic exports in the real formats, seeded and reproducible (fake people only).

Per size (S 10k, M 100k, L 1M relations), into ``bench/out/<size>/``:

* ``eboekhouden-relaties.csv``: e-boekhouden's relations export, Windows-1252, ``;``,
  dd-mm-jjjj dates, a quoted note now and then (a ``;`` inside quotes), valid IBANs;
* ``eboekhouden-facturen.csv``: 3 invoice lines per relation on average, decimal comma;
* ``snelstart-relaties.xlsx``: a title row above the header, real date cells, a tenth of
  the relations (half of them the same clients as in e-boekhouden: linking across systems);
* ``snelstart-auditfile.xaf``: XAF 3.2 with the same customers and their sales;
* ``mailbox.mbox``: a tenth as many messages (100k at L): clients, prospects, newsletters,
  replies from the company's own address, and now and then a termination or access request.

Files are written once per size and seed; `ensure` returns their paths. `ensure_owner`
writes the owner's case beside them: the relaties export again with 1% of its rows changed
and 300 new relations (then 0.1% more changed), its first 2,000 rows, 50 new invoice lines
for those 2,000, and Bitwarden exports of 200 and 2,000 items that name no relation.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
SIZES = {"S": 10_000, "M": 100_000, "L": 1_000_000}
SEED = 20261125
VERSION = 4  # bump when the generated files change: old ones are written again
OWNER_VERSION = 1  # bump when the owner's-case files (below) change


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FIRST = _words(
    "Jan Piet Kees Anna Sanne Eva Tom Lisa Bram Noor Daan Fleur Sem Iris Ruud Femke Joost "
    "Maaike Stijn Loes Gijs Ilse Bart Anouk Rik Chloë Zoë Joël Michiel Renée"
)
LAST = _words(
    "Jansen de Vries van den Berg Bakker Visser Smit Meijer de Boer Mulder de Groot Bos "
    "Vos Peters Hendriks van Leeuwen Dekker Brouwer de Wit Dijkstra Smits Janssen Gerrits "
    "Verhoeven Maas Kuipers Peeters Crijns Houben Lemmens Coenen Willems Hermans Geurts "
    "Schreurs Thijssen Moonen Vossen Kessels Wijnen Curfs Hoebën Stéfens"
)
TRADES = _words(
    "Bakkerij Installatietechniek Kapsalon Dakwerken Fietsen Consultancy Schilders "
    "Autobedrijf Tandartspraktijk Bloemen Transport Administratie Catering Bouw Slagerij "
    "Fysiotherapie Makelaardij Drukkerij Loodgieters Hoveniers Café Garage Reisbureau "
    "Brillen Schoenen Elektro Tegelzetters Timmerwerken Advocatuur Notariaat"
)
LEGAL = ("B.V.", "BV", "V.O.F.", "", "", "Holding B.V.", "& Zn.", "")
CITIES = _words(
    "Roermond Swalmen Maastricht Venlo Weert Sittard Heerlen Echt Herten Linne Horn "
    "Beesel Reuver Tegelen Baexem Haelen Melick Montfort Posterholt Vlodrop"
)
BANKS = ("INGB", "RABO", "ABNA", "SNSB", "TRIO", "ASNB", "KNAB", "BUNQ")
HEADER_RELATIONS = (
    "ID;AddDatum;Code;Bedrijf;Contactpersoon;Geslacht;Adres;Postcode;Plaats;"
    "Land;Telefoon;GSM;FAX;Email;Site;Notitie;BTWNummer;KvkNummer;IBAN;BIC;BP"
)
HEADER_INVOICES = (
    "Factuurnummer;Relatiecode;Datum;Betalingstermijn;TotaalExclBTW;TotaalBTW;"
    "TotaalInclBTW;TotaalOpenstaand"
)
START = date(2012, 1, 1)
DAYS = (date(2026, 10, 31) - START).days


def ascii_of(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c for c in plain.lower() if c.isalnum())


def iban(rng: random.Random) -> str:
    """A Dutch IBAN with valid check digits (mod 97), bank code and account made up."""
    bank, account = rng.choice(BANKS), f"{rng.randrange(10**10):010d}"
    digits = "".join(str(int(c, 36)) for c in bank + account + "NL00")
    return f"NL{98 - int(digits) % 97:02d}{bank}{account}"


def nl_date(day: date) -> str:
    return f"{day.day:02d}-{day.month:02d}-{day.year}"


def amount(value: float) -> str:
    return f"{value:.2f}".replace(".", ",")


class Relation:
    """One fake relation; `i` decides its name, so every file agrees on who it is."""

    __slots__ = ("added", "city", "code", "company", "email", "iban", "kvk", "person")

    def __init__(self, i: int, rng: random.Random) -> None:
        first, last = FIRST[i % len(FIRST)], LAST[(i // len(FIRST)) % len(LAST)]
        self.person = f"{first} {last}"
        self.city = CITIES[(i // 7) % len(CITIES)]
        is_company = i % 5 != 0
        self.company = ""
        if is_company:  # unique by construction (mixed radix of i): trade × two families × city
            trade, other = TRADES[i % len(TRADES)], LAST[(i // 1290) % len(LAST)]
            place = CITIES[(i // 55_470) % len(CITIES)]
            self.company = f"{trade} {last} & {other} {place} {LEGAL[i % len(LEGAL)]}".rstrip()
        self.code = f"K{i:07d}" if is_company else f"P{i:07d}"
        self.kvk = f"{10_000_000 + i * 37 % 89_999_989:08d}" if is_company and i % 7 else ""
        domain = f"{ascii_of(self.company)[:20] or 'mail'}.example.nl"
        self.email = "" if i % 19 == 0 else f"{ascii_of(first)}.{ascii_of(last)}{i}@{domain}"
        self.iban = iban(rng) if i % 10 < 7 else ""
        self.added = START + timedelta(days=rng.randrange(DAYS))


def relations(n: int) -> Iterator[Relation]:
    rng = random.Random(SEED)
    for i in range(1, n + 1):
        yield Relation(i, rng)


def _relation_line(r: Relation) -> str:
    i = int(r.code[1:])
    note = '"Sleutel bij buren; alarm 1234"' if i % 23 == 0 else ""
    return (
        f"{i + 300};{nl_date(r.added)};{r.code};{r.company};{r.person};;Dorpsstraat "
        f"{i % 200 + 1};{6000 + i % 999} AB;{r.city};NL;0475-{i % 1_000_000:06d};;;"
        f"{r.email};;{note};;{r.kvk};{r.iban};{'RABONL2U' if r.iban else ''};"
        f"{'B' if r.company else 'P'}\r\n"
    )


def write_relations_csv(path: Path, n: int) -> None:
    with path.open("w", encoding="cp1252", newline="") as out:
        out.write(HEADER_RELATIONS + "\r\n")
        for r in relations(n):
            out.write(_relation_line(r))


def write_invoices_csv(path: Path, n: int) -> None:
    """About three lines per relation: 60% of relations are clients with invoices."""
    rng = random.Random(SEED + 1)
    lines, target, number = 0, 3 * n, 0
    with path.open("w", encoding="cp1252", newline="") as out:
        out.write(HEADER_INVOICES + "\r\n")
        while lines < target:
            i = rng.randrange(1, n + 1)
            if i % 5 in (1, 3):  # 40% never invoiced: prospects
                continue
            number += 1
            day = START + timedelta(days=rng.randrange(DAYS))
            code = f"K{i:07d}" if i % 5 else f"P{i:07d}"
            for _ in range(min(rng.randint(1, 5), target - lines)):
                excl = rng.randrange(2500, 250_000) / 100
                out.write(
                    f"F{day.year}-{number:07d};{code};{day.day}-{day.month}-{day.year};14;"
                    f"{amount(excl)};{amount(excl * 0.21)};{amount(excl * 1.21)};0,00\r\n"
                )
                lines += 1


def _snelstart_rows(n: int) -> Iterator[tuple[Relation, str]]:
    """A tenth of n: even ones the e-boekhouden clients (same KvK and e-mail), odd ones new."""
    for r in relations(n // 10):
        i = int(r.code[1:])
        if i % 2:
            r.code, r.kvk = f"S{i:07d}", ""
            r.company = f"{r.company} Zuid" if r.company else ""
            r.email = r.email.replace("@", ".snel@") if r.email else ""
        yield r, "Leverancier" if i % 41 == 0 else "Klant"


def write_snelstart_xlsx(path: Path, n: int) -> None:
    import xlsxwriter  # bench-only (requirements-dev.txt)

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("Relaties")
    when = book.add_format({"num_format": "dd-mm-yyyy"})
    sheet.write_row(0, 0, ["Relatieoverzicht ICT Roermond (testadministratie)"])
    sheet.write_row(
        1,
        0,
        [
            "Relatiecode",
            "Naam",
            "Contactpersoon",
            "Plaats",
            "LandID",
            "Emailadres",
            "Nummer kvk",
            "IBAN",
            "BIC",
            "Relatiesoort",
            "Incassosoort",
            "Aangemaakt op",
        ],
    )
    for row, (r, kind) in enumerate(_snelstart_rows(n), start=2):
        sheet.write_row(
            row,
            0,
            [
                r.code,
                r.company or r.person,
                r.person,
                r.city,
                "NL",
                r.email,
                int(r.kvk) if r.kvk else "",
                r.iban,
                "INGBNL2A" if r.iban else "",
                kind,
                "Core" if r.iban and row % 3 else "Geen",
            ],
        )
        sheet.write_datetime(row, 11, r.added, when)
    book.close()


def write_xaf(path: Path, n: int) -> None:
    rng = random.Random(SEED + 2)
    with path.open("w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<auditfile xmlns="http://www.auditfiles.nl/XAF/3.2">\n'
            "<header><fiscalYear>2025</fiscalYear><startDate>2025-01-01</startDate>"
            "<endDate>2025-12-31</endDate><curCode>EUR</curCode><dateCreated>2026-01-20"
            "</dateCreated><softwareDesc>SnelStart 12</softwareDesc><softwareVersion>12.85"
            "</softwareVersion></header>\n<company><companyIdent>ICTR-BENCH</companyIdent>"
            "<companyName>ICT Roermond (bench)</companyName>"
            "<taxRegistrationCountry>NL</taxRegistrationCountry>\n<customersSuppliers>\n"
        )
        codes = []
        for r, kind in _snelstart_rows(n):
            codes.append(r.code)
            bank = (
                (
                    f"<bankAccount><bankAccNr>{r.iban}</bankAccNr><bankIdCd>INGBNL2A</bankIdCd>"
                    "</bankAccount>"
                )
                if r.iban
                else ""
            )
            name = (r.company or r.person).replace("&", "&amp;")
            out.write(
                f"<customerSupplier><custSupID>{r.code}</custSupID><custSupName>{name}"
                f"</custSupName><contact>{r.person}</contact><eMail>{r.email}</eMail>"
                f"<commerceNr>{r.kvk}</commerceNr><custSupTp>{'S' if kind != 'Klant' else 'C'}"
                f"</custSupTp><streetAddress><city>{r.city}</city><country>NL</country>"
                f"</streetAddress>{bank}</customerSupplier>\n"
            )
        out.write(
            "</customersSuppliers></company>\n<transactions><journal><jrnID>VK</jrnID>"
            "<desc>Verkoopboek</desc><jrnTp>S</jrnTp>\n"
        )
        for nr in range(1, len(codes) * 2 + 1):
            day = date(2025, 1, 1) + timedelta(days=rng.randrange(365))
            out.write(
                f"<transaction><nr>{nr}</nr><desc>Factuur 2025{nr:07d}</desc><trDt>{day}"
                f"</trDt><trLine><nr>1</nr><accID>1300</accID><docRef>2025{nr:07d}</docRef>"
                f"<effDate>{day}</effDate><amnt>121.00</amnt><amntTp>D</amntTp><custSupID>"
                f"{rng.choice(codes)}</custSupID><invRef>2025{nr:07d}</invRef></trLine>"
                "<trLine><nr>2</nr><accID>8000</accID><amnt>100.00</amnt><amntTp>C</amntTp>"
                "</trLine></transaction>\n"
            )
        out.write("</journal></transactions></auditfile>\n")


def write_mbox(path: Path, n: int) -> None:
    from bench.generate_mail import write_mailbox  # it builds on `relations` above

    write_mailbox(path, n)


FILES = {
    "relaties": ("eboekhouden-relaties.csv", write_relations_csv),
    "facturen": ("eboekhouden-facturen.csv", write_invoices_csv),
    "snelstart": ("snelstart-relaties.xlsx", write_snelstart_xlsx),
    "xaf": ("snelstart-auditfile.xaf", write_xaf),
    "mbox": ("mailbox.mbox", write_mbox),
}


def paths(target: Path) -> dict[str, Path]:
    return {k: target / name for k, (name, _) in FILES.items()}


def ensure(target: Path, n: int) -> dict[str, Path]:
    """Generate the files for `n` relations into `target`, unless they are there already."""
    target.mkdir(parents=True, exist_ok=True)
    stamp = target / ".generated"
    key = f"{VERSION} {SEED} {n}"
    found = paths(target)
    if stamp.exists() and stamp.read_text() == key and all(p.exists() for p in found.values()):
        return found
    for k, (_, write) in FILES.items():
        write(found[k], n)
    stamp.write_text(key)
    return found


# ------------------------------------------------------------------------- the owner's case
# Files the bench imports into a database that already holds data (bench.prepare builds
# those databases): the relaties export again a while later, and a 50-line invoice file.
OWNER_FILES = {
    "relaties changed": "owner-relaties-gewijzigd.csv",
    "relaties changed again": "owner-relaties-gewijzigd-2.csv",
    "relaties 2000": "owner-relaties-2000.csv",
    "facturen 50": "owner-facturen-50.csv",
    "vault 200": "owner-bitwarden-200.csv",
    "vault 2000": "owner-bitwarden-2000.csv",
}
HEADER_BITWARDEN = (
    "folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,"
    "login_totp"
)
NEXT_FIRST = dict(zip(FIRST, FIRST[1:] + FIRST[:1], strict=True))
DEVICES = _words("Server-rack Switch Printer NAS Router Wifi-punt Backup-schijf Firewall UPS")


def owner_paths(target: Path) -> dict[str, Path]:
    return {k: target / name for k, name in OWNER_FILES.items()}


def write_changed_relations(
    source: Path, path: Path, *, every: int, offset: int, new: range = range(0)
) -> int:
    """`source` exported again later: in one row of every `every` (from `offset`) the e-mail
    address or the contact person changed, and the relations numbered `new` appended.

    Windows-1252, the same header and `;` as e-boekhouden writes; the rows left alone are
    byte for byte the same. Returns the number of rows changed.
    """
    import csv

    changed = 0
    with (
        source.open(encoding="cp1252", newline="") as src,
        path.open("w", encoding="cp1252", newline="") as out,
    ):
        rows = csv.reader(src, delimiter=";")
        write = csv.writer(out, delimiter=";", lineterminator="\r\n").writerow
        write(next(rows))
        for k, row in enumerate(rows):
            if k % every == offset:
                changed += 1
                email, person = row[13], row[4]
                if email and (k // every) % 2 == 0:  # a new address at the same company
                    local, _, domain = email.partition("@")
                    row[13] = f"{local}.{every}@{domain}"
                else:  # someone else is the contact now
                    first, _, last = person.partition(" ")
                    row[4] = f"{NEXT_FIRST.get(first, FIRST[0])} {last}".strip()
            write(row)
        rng = random.Random(SEED + 3)
        for i in new:
            out.write(_relation_line(Relation(i, rng)))
    return changed


def write_small_invoices(source: Path, path: Path, *, lines: int, relations: int) -> None:
    """The first `lines` invoice lines of `source` as a new file: new invoice numbers, and
    the relation codes brought within the first `relations` (a multiple of 5: K/P stays)."""
    with (
        source.open(encoding="cp1252", newline="") as src,
        path.open("w", encoding="cp1252", newline="") as out,
    ):
        out.write(next(src))
        for line, _ in zip(src, range(lines), strict=False):
            number, code, rest = line.split(";", 2)
            i = (int(code[1:]) - 1) % relations + 1
            out.write(f"N{number};{code[0]}{i:07d};{rest}")


def write_vault_csv(path: Path, items: int) -> None:
    """A Bitwarden CSV export of `items` logins for the company's own equipment: no name,
    host or login in it names a relation. No secrets at all (the importer drops them)."""
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(HEADER_BITWARDEN + "\n")
        for k in range(1, items + 1):
            device = DEVICES[k % len(DEVICES)]
            out.write(
                f"Intern,0,login,{device} {k:04d},,,0,https://intern-{k:04d}.example.invalid/,"
                f"beheer-{k:04d},,\n"
            )


def ensure_owner(target: Path, n: int) -> dict[str, Path]:
    """The owner's-case files for the `n` relations generated into `target` (written once)."""
    stamp = target / ".generated-owner"
    key = f"{VERSION} {SEED} {n} {OWNER_VERSION}"
    found = owner_paths(target)
    if stamp.exists() and stamp.read_text() == key and all(p.exists() for p in found.values()):
        return found
    files = paths(target)
    # About 1% of the rows changed and a few hundred new relations; then 0.1% more changed.
    write_changed_relations(
        files["relaties"], found["relaties changed"], every=100, offset=0, new=range(n + 1, n + 301)
    )
    write_changed_relations(
        found["relaties changed"], found["relaties changed again"], every=1000, offset=7
    )
    write_relations_csv(found["relaties 2000"], 2000)  # the first 2,000 rows, as generated
    write_small_invoices(files["facturen"], found["facturen 50"], lines=50, relations=2000)
    write_vault_csv(found["vault 200"], 200)
    write_vault_csv(found["vault 2000"], 2000)
    stamp.write_text(key)
    return found
