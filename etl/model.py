"""What every importer hands to the store: plain frozen rows, no database, no I/O.

An importer's `parse(path)` returns one `ParsedExport` or raises `ImportRefused` with one
sentence that says what is wrong with the owner's file and what to do. Nothing is written
before the whole file has been parsed, so a refused file never changes the database.

Personal data is kept to what the dashboard needs: names and identifiers to link one
person across systems, and *which* fields a system holds (``fields``), not their values.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Self

if TYPE_CHECKING:
    from compliance.intake.verdict import Evidence

# Source system ids, as used in the database, the CLI and the JSON report.
SOURCES = (
    "eboekhouden", "snelstart", "mailbox", "transip", "vault", "dsd", "website", "manual",
)  # fmt: skip

# Field ids a record may list in `fields` (labels live in the UI string catalog).
FIELD_IDS = (
    "name",
    "contact_person",
    "address",
    "postal_code",
    "city",
    "country",
    "email",
    "phone",
    "mobile",
    "fax",
    "website",
    "kvk",
    "vat_number",
    "iban",
    "bic",
    "mandate",
    "note",
    "ip_address",  # an allow-listed address or range (etl.transip)
    "username",  # a login name (etl.vault)
    "licence_key",  # a licence key or certificate, masked (etl.dsd)
)


@dataclass(frozen=True, slots=True, init=False)
class Said:
    """A sentence for the owner, kept as its key in the string catalog and its values, so
    that it can be shown in either language: ``Said("warning.relation_no_code", where=...)``.

    A value may itself be a `Said` or a `Joined` (a fragment: "row 5", how to export a
    list), shown in the same language; numbers written with ``{n:,}`` read 1.000 in Dutch.
    `str(said)` is the English text.
    """

    key: str
    params: tuple[tuple[str, object], ...]

    def __init__(self, key: str, /, **params: object) -> None:
        object.__setattr__(self, "key", key)
        object.__setattr__(self, "params", tuple(sorted(params.items())))

    def text(self, lang: str = "en") -> str:
        from compliance.i18n import t

        return t(self.key, lang, **{k: localised(rendered(v, lang), lang) for k, v in self.params})

    def replace(self, **params: object) -> Said:
        """The same sentence with some of its values changed."""
        return Said(self.key, **{**dict(self.params), **params})

    def __str__(self) -> str:
        return self.text("en")

    def as_dict(self) -> dict[str, object]:
        """Key and values as plain JSON (how the store keeps a warning)."""
        return {"key": self.key, "params": {k: _plain(v) for k, v in self.params}}

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Said:
        params = data.get("params") or {}
        assert isinstance(params, dict)
        return cls(str(data["key"]), **{str(k): _unplain(v) for k, v in params.items()})


@dataclass(frozen=True, slots=True)
class Joined:
    """Items shown as one list: "A, B and C" (``last`` is the key of " and "), or with
    ``sep=None`` "A or B or C" (every gap is ``last``, the key of " or ")."""

    items: tuple[object, ...]
    last: str
    sep: str | None = ", "

    def text(self, lang: str = "en") -> str:
        from compliance.i18n import t

        shown = [str(rendered(item, lang)) for item in self.items]
        if len(shown) < 2:
            return "".join(shown)
        last = t(self.last, lang)
        return (last if self.sep is None else self.sep).join(shown[:-1]) + last + shown[-1]


def texts(saids: Sequence[Said], lang: str = "en") -> tuple[str, ...]:
    """Each sentence in `lang` (warnings as the owner reads them)."""
    return tuple(said.text(lang) for said in saids)


class _DutchNumber(int):
    """An integer whose thousands separator is a dot: ``f"{n:,}"`` reads 1.000."""

    def __format__(self, spec: str) -> str:
        text = int.__format__(self, spec)
        return text.replace(",", ".") if "," in spec else text


class _DutchDecimal(float):
    """A number with a decimal comma (and a dot between thousands): 2,5 and 1.234,5."""

    def __format__(self, spec: str) -> str:
        return float.__format__(self, spec).translate(str.maketrans(",.", ".,"))


def localised(value: object, lang: str) -> object:
    """A placeholder value written as `lang` writes numbers: in Dutch 1.000 and 2,5."""
    if lang == "en" or isinstance(value, bool):
        return value
    if isinstance(value, int):
        return _DutchNumber(value)
    if isinstance(value, float):
        return _DutchDecimal(value)
    return value


def rendered(value: object, lang: str) -> object:
    """A value of a `Said` as shown in `lang`: fragments become their text."""
    return value.text(lang) if isinstance(value, Said | Joined) else value


def _plain(value: object) -> object:
    if isinstance(value, Said):
        return value.as_dict()
    if isinstance(value, Joined):
        return {"items": [_plain(i) for i in value.items], "last": value.last, "sep": value.sep}
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _unplain(value: object) -> object:
    if isinstance(value, dict) and "key" in value:
        return Said.from_dict(value)
    if isinstance(value, dict) and "items" in value:
        items = value["items"]
        assert isinstance(items, list)
        sep = value.get("sep")
        return Joined(
            tuple(_unplain(i) for i in items), str(value["last"]), None if sep is None else str(sep)
        )
    return value


def _rebuilt(cls: type[SaidError], said: Said) -> SaidError:
    return cls.of(said)


class SaidError(Exception):
    """An error whose message is a `Said`: ``raise ImportRefused("refusal.empty", file=…)``.

    `str(exc)` is the English sentence (the CLI's default, the logs); `exc.text(lang)` the
    sentence in the reader's language.
    """

    said: Said

    def __init__(self, key: str, /, **params: object) -> None:
        super().__init__(key)
        self.said = Said(key, **params)

    @classmethod
    def of(cls, said: Said) -> Self:
        """The error saying `said` (a sentence caught elsewhere, passed on)."""
        exc = cls.__new__(cls)
        Exception.__init__(exc, said.key)
        exc.said = said
        return exc

    def text(self, lang: str = "en") -> str:
        return self.said.text(lang)

    def __str__(self) -> str:
        return self.said.text("en")

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuilt, (type(self), self.said))


class ImportRefused(SaidError):
    """A file the importers will not take: one sentence for the owner (a `Said`)."""


@dataclass(frozen=True, slots=True)
class SubjectRow:
    """One person or company as one source system knows it."""

    ref: str  # the key in the source system (relation code, custSupID, ...)
    name: str
    kvk: str | None = None
    emails: tuple[str, ...] = ()
    iban: str | None = None
    is_company: bool | None = None
    inactive: bool = False
    added_on: date | None = None  # when the source system first recorded it
    modified_on: date | None = None


@dataclass(frozen=True, slots=True)
class RecordRow:
    """One piece of personal data of one category in one source system."""

    subject_ref: str  # SubjectRow.ref of the same export
    category: str  # one of compliance.policy.CATEGORY_IDS
    ref: str  # unique per (source, category) in that system
    fields: tuple[str, ...] = ()  # which FIELD_IDS the system holds for it
    basis: str | None = None  # e.g. "direct_debit": selects a category's retention_by_basis
    seen_on: date | None = None  # the latest date the source shows for it
    clock_start: date | None = None  # the record's own end date (contract end), if known
    detail: str = ""  # short, non-secret description ("IBAN eindigend op 1234")


@dataclass(frozen=True, slots=True)
class InvoiceRow:
    """One sales invoice: only its number, its client and its date are needed."""

    number: str
    subject_ref: str
    invoice_date: date


@dataclass(frozen=True, slots=True)
class WebObservation:
    """One thing seen about the website: a cookie, a tracker host, a tag id, a setting or a
    field sent to analytics. Not about one person: no subject, no cookie values (etl.website).
    """

    kind: str  # "cookie" | "tracker" | "tag" | "setting" | "field" | "page"
    name: str  # cookie name, host, tag id (G-…), setting id (ga.google_signals), field id
    domain: str = ""  # cookies: the cookie's domain without a leading dot
    value: str = ""  # settings: the value; trackers: measurement ids; fields: the parameter
    lifetime_seconds: int | None = None  # cookies: None when session or unknown
    session: bool = False  # cookies: expires when the browser closes
    party: str = ""  # cookies and trackers: "first" | "third" | "" (not known)
    category: str = ""  # analytics | marketing | functional | preferences | security | …
    detail: str = ""  # where it was seen, in a few words


@dataclass(frozen=True, slots=True)
class MessageRow:
    """One e-mail: who, when, about what, and how it was classified; never its text."""

    message_id: str
    sent_at: datetime  # local time in Europe/Amsterdam, naive
    sender: str  # address, lower case
    recipients: tuple[str, ...]
    subject: str
    direction: str  # inbound | outbound | internal (by the policy's own addresses)
    counterpart: str | None  # the outside address: the sender, or the first recipient
    # request types (several when one message raises several requests), or ("unclear",)
    # for te beoordelen, ("contact",), ("noise",), ("sent",) for the company's own
    classes: tuple[str, ...]
    candidates: tuple[str, ...] = ()  # te beoordelen: the request types it may be
    language: str | None = None  # nl, en or de; None when it could not be told
    evidence: tuple[Evidence, ...] = ()  # why: every rule that held, losing ones too
    in_reply_to: str | None = None
    references: tuple[str, ...] = ()
    metadata_only: bool = False  # message trace: the text was never available


@dataclass(frozen=True, slots=True)
class AccessRow:
    """An IP address or credential held for someone the file names only in free text.

    A firewall rule, a vault item or a licence has no relation code: the store links it to
    a subject by its identifiers or by a subject's name or code found in `hints` (tried in
    order), or leaves it for the owner to link (etl.transip, etl.vault, etl.dsd). Never a
    secret: `holder` is the address, the login name or a masked licence key.
    """

    category: str  # "ip_address" or "credentials"
    ref: str  # unique per (source, category) and stable across exports
    scope: str  # entries of one scope form a complete list: one missing later is gone
    system: str  # where the access is: VPS name, website host, product
    item: str  # which entry: firewall rule, vault item, licence
    holder: str  # what is held: "203.0.113.7/32", a login name, "…AB12"
    detail: str  # one line for the register ("203.0.113.7/32 · vps1 · SSH")
    fields: tuple[str, ...] = ()  # FIELD_IDS held
    hints: tuple[str, ...] = ()  # texts that may name the subject, strongest first
    kvk: str | None = None
    emails: tuple[str, ...] = ()
    seen_on: date | None = None


@dataclass(frozen=True, slots=True)
class SystemRow:
    """A system access entries live on (a TransIP VPS): its description and tags help link
    the entries of that system to a subject, also when they arrive in another file."""

    system: str
    label: str = ""
    hints: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ParsedExport:
    """Everything one file contributed, ready for `compliance.store.load_export`."""

    source: str  # one of SOURCES
    kind: str  # "relations", "invoices", "auditfile", ...
    subjects: tuple[SubjectRow, ...] = ()
    records: tuple[RecordRow, ...] = ()
    # A tuple, or etl.invoice_list.InvoiceColumns: a long list kept as Arrow columns.
    invoices: Sequence[InvoiceRow] = ()
    rows_read: int = 0
    skipped: int = 0  # rows deliberately not imported (suppliers, blank lines)
    warnings: tuple[Said, ...] = ()  # each shown in the reader's language
    columns_mapped: dict[str, str] = field(default_factory=dict)  # file header -> field
    columns_unmapped: tuple[str, ...] = ()
    messages: tuple[MessageRow, ...] = ()  # mailbox exports only
    # Website evidence (etl.website): what a HAR, page, cookie scan or GA answer showed.
    observations: tuple[WebObservation, ...] = ()
    observed_on: date | None = None  # the evidence date the file itself shows (a HAR visit)
    complete: bool = False  # lists every cookie and tracker of the visit, not only GA's
    # Access (etl.transip, etl.vault, etl.dsd): entries linked to subjects by the store.
    access: tuple[AccessRow, ...] = ()
    systems: tuple[SystemRow, ...] = ()
    scopes: tuple[str, ...] = ()  # listed completely: their entries missing here are gone
    secrets_dropped: int = 0  # passwords, TOTP seeds, notes, ... discarded while parsing
    informational: bool = False  # read completely, but holds no personal data to keep
