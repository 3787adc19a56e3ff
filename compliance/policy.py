"""The privacy statement as data: `data/policy.toml` loaded into frozen dataclasses.

Every key is checked: an unknown key or a bad value raises `PolicyError` naming the key, so
a typo in the policy file can never silently switch a rule off.

    >>> policy = load_policy()
    >>> policy.categories["contact"].retention.years
    7
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import holidays

if TYPE_CHECKING:
    from compliance.intake.rules import MailRules

DEFAULT_POLICY_PATH = Path(__file__).resolve().parent.parent / "data" / "policy.toml"

CATEGORY_IDS = ("contact", "payment", "contract", "ip_address", "credentials", "cookies")
REQUEST_TYPE_IDS = (
    "access",
    "withdrawal",
    "termination",
    "erasure",
    "rectification",
    "objection",
    "complaint",
)
# An e-mail te beoordelen (possibly a request) makes a request of this type until the owner
# confirms or dismisses it: the intake writes it, the deadlines read it.
UNCLEAR = "unclear"
ANCHORS = ("end_of_cooperation", "contract_end")
AGREEMENT_STATES = ("yes", "no", "unknown", "not_required")


class PolicyError(ValueError):
    """The policy file is wrong; the message names the key."""


@dataclass(frozen=True)
class Offset:
    """A period: exactly one of years, months or working days."""

    years: int = 0
    months: int = 0
    working_days: int = 0

    @property
    def unit(self) -> str:
        if self.working_days:
            return "working_days"
        return "months" if self.months else "years"


@dataclass(frozen=True)
class RetentionRule:
    anchor: str
    offset: Offset

    @property
    def years(self) -> int:
        return self.offset.years


@dataclass(frozen=True)
class Category:
    id: str
    label_nl: str
    label_en: str
    description_nl: str
    description_en: str
    purpose_nl: str
    purpose_en: str
    systems: tuple[str, ...]
    fideslang: str
    retention: RetentionRule | None
    retention_by_basis: Mapping[str, RetentionRule]
    retention_nl: str
    retention_en: str
    interpretation_nl: str = ""
    interpretation_en: str = ""
    data_subjects: tuple[str, ...] = ()

    def rule_for(self, basis: str | None) -> RetentionRule | None:
        """The retention rule for a record with this basis (e.g. a direct-debit mandate)."""
        if basis and basis in self.retention_by_basis:
            return self.retention_by_basis[basis]
        return self.retention


@dataclass(frozen=True)
class SubjectStates:
    prospect_retention_months: int
    dormant_after_months: int
    due_soon_days: int
    interpretation_nl: str
    interpretation_en: str


@dataclass(frozen=True)
class RequestType:
    id: str
    label_nl: str
    label_en: str
    deadline: Offset | None
    extension_months: int
    sets_end_of_cooperation: bool
    basis_nl: str
    basis_en: str


@dataclass(frozen=True)
class CalendarRules:
    country: str
    every_year: tuple[tuple[int, int], ...]
    good_friday: bool
    equated_days: tuple[date, ...]
    company_closing_days: tuple[date, ...]


@dataclass(frozen=True)
class System:
    id: str
    label: str
    processor: str
    country: str
    purpose_nl: str
    purpose_en: str
    agreement_on_file: str


@dataclass(frozen=True)
class Controller:
    name: str
    address: str
    kvk: str
    email: str
    phone: str
    supervisory_authority: str
    own_addresses: tuple[str, ...]
    security_measures_nl: tuple[str, ...] = ()
    security_measures_en: tuple[str, ...] = ()


# What a website visit can send to analytics ([cookies] collected_fields, implied_fields).
WEB_FIELD_IDS = (
    "ip_address", "operating_system", "browser", "country", "search_keyword", "referrer_url",
    "page_url", "page_title", "screen_resolution", "language", "user_id", "user_properties",
    "user_provided_data",
)  # fmt: skip
# The Autoriteit Persoonsgegevens' steps for privacy-friendly Google Analytics.
ANALYTICS_CHECK_IDS = (
    "processing_agreement", "ip_masked", "data_sharing_off", "google_signals_off",
    "ad_personalization_off", "user_id_off", "statement_mentions",
)  # fmt: skip


@dataclass(frozen=True)
class CookiePromise:
    max_lifetime_days: int
    collected_fields: tuple[str, ...]
    site: str = ""  # the company's own site: cookies of other sites are third-party
    implied_fields: tuple[str, ...] = ()  # sent by any statistics tool; interpretation
    declared_cookies: tuple[str, ...] = ()  # names the statement mentions; * = any suffix
    declared_hosts: tuple[str, ...] = ()  # tracker hosts it mentions (and their subdomains)
    statement_mentions_analytics: bool = False
    analytics_system: str = ""  # the [systems] entry whose agreement_on_file is the DPA
    analytics_checklist: tuple[str, ...] = ()  # ANALYTICS_CHECK_IDS the dashboard checks
    interpretation_nl: str = ""
    interpretation_en: str = ""


@dataclass(frozen=True)
class Policy:
    version: int
    controller: Controller
    subject_states: SubjectStates
    categories: Mapping[str, Category]
    cookies: CookiePromise
    request_types: Mapping[str, RequestType]
    calendar: CalendarRules
    systems: Mapping[str, System]
    mail: MailRules | None = None  # [mail]: how mailbox messages are classified


# ------------------------------------------------------------------------- validation
class _Section:
    """Reads one TOML table, remembering which keys were used, to refuse the rest."""

    def __init__(self, data: Any, path: str) -> None:
        if not isinstance(data, dict):
            raise PolicyError(f"policy key '{path}' must be a table.")
        self.data = data
        self.path = path
        self.used: set[str] = set()

    def _key(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def get(self, key: str, kind: type | tuple[type, ...], default: Any = ...) -> Any:
        self.used.add(key)
        if key not in self.data:
            if default is ...:
                raise PolicyError(f"policy key '{self._key(key)}' is missing.")
            return default
        value = self.data[key]
        # bool is a subclass of int: never accept true/false where a number is meant.
        if isinstance(value, bool) and bool not in (kind if isinstance(kind, tuple) else (kind,)):
            raise PolicyError(f"policy key '{self._key(key)}' must not be true/false.")
        if not isinstance(value, kind):
            raise PolicyError(f"policy key '{self._key(key)}' has a value of the wrong type.")
        return value

    def text(self, key: str, default: Any = ...) -> str:
        value = self.get(key, str, default)
        if default is ... and not value.strip():
            raise PolicyError(f"policy key '{self._key(key)}' must not be empty.")
        return value

    def count(self, key: str, default: Any = ..., minimum: int = 0) -> int:
        value = self.get(key, int, default)
        if value < minimum:
            raise PolicyError(f"policy key '{self._key(key)}' must be at least {minimum}.")
        return value

    def strings(self, key: str) -> tuple[str, ...]:
        values = self.get(key, list)
        if not all(isinstance(v, str) for v in values):
            raise PolicyError(f"policy key '{self._key(key)}' must list text values.")
        return tuple(values)

    def sub(self, key: str) -> _Section:
        return _Section(self.get(key, dict), self._key(key))

    def done(self) -> None:
        unknown = sorted(set(self.data) - self.used)
        if unknown:
            raise PolicyError(f"policy key '{self._key(unknown[0])}' is not known.")


def _offset(sec: _Section) -> Offset:
    values = {k: sec.count(k, 0) for k in ("years", "months", "working_days")}
    if sum(1 for v in values.values() if v) != 1:
        raise PolicyError(
            f"policy key '{sec.path}' needs exactly one of years, months or working_days."
        )
    return Offset(**values)


def _rule(sec: _Section) -> RetentionRule:
    anchor = sec.text("anchor")
    if anchor not in ANCHORS:
        raise PolicyError(f"policy key '{sec.path}.anchor' must be one of {', '.join(ANCHORS)}.")
    rule = RetentionRule(anchor=anchor, offset=_offset(sec))
    sec.done()
    return rule


DATA_SUBJECT_IDS = ("client", "former_client", "prospect", "website_visitor")


def _data_subjects(sec: _Section) -> tuple[str, ...]:
    values = sec.strings("data_subjects")
    if not values or any(v not in DATA_SUBJECT_IDS for v in values):
        raise PolicyError(
            f"policy key '{sec.path}.data_subjects' must list some of "
            f"{', '.join(DATA_SUBJECT_IDS)}."
        )
    return values


def _category(cid: str, sec: _Section) -> Category:
    retention = _rule(sec.sub("retention")) if "retention" in sec.data else None
    by_basis: dict[str, RetentionRule] = {}
    if "retention_by_basis" in sec.data:
        bases = sec.sub("retention_by_basis")
        for basis in list(bases.data):
            by_basis[basis] = _rule(bases.sub(basis))
        bases.done()
    cat = Category(
        id=cid,
        label_nl=sec.text("label_nl"),
        label_en=sec.text("label_en"),
        description_nl=sec.text("description_nl"),
        description_en=sec.text("description_en"),
        purpose_nl=sec.text("purpose_nl"),
        purpose_en=sec.text("purpose_en"),
        systems=sec.strings("systems"),
        fideslang=sec.text("fideslang"),
        retention=retention,
        retention_by_basis=by_basis,
        retention_nl=sec.text("retention_nl"),
        retention_en=sec.text("retention_en"),
        interpretation_nl=sec.text("interpretation_nl", ""),
        interpretation_en=sec.text("interpretation_en", ""),
        data_subjects=_data_subjects(sec),
    )
    sec.used.add("retention")
    sec.used.add("retention_by_basis")
    sec.done()
    if not cat.fideslang.startswith("user."):
        raise PolicyError(f"policy key '{sec.path}.fideslang' must be a fideslang 'user.' key.")
    return cat


def _request_type(rid: str, sec: _Section) -> RequestType:
    deadline = _offset(sec.sub("deadline")) if "deadline" in sec.data else None
    sec.used.add("deadline")
    if deadline is not None and deadline.years:
        raise PolicyError(f"policy key '{sec.path}.deadline' takes months or working_days.")
    rt = RequestType(
        id=rid,
        label_nl=sec.text("label_nl"),
        label_en=sec.text("label_en"),
        deadline=deadline,
        extension_months=sec.count("extension_months", 0),
        sets_end_of_cooperation=sec.get("sets_end_of_cooperation", bool, False),
        basis_nl=sec.text("basis_nl"),
        basis_en=sec.text("basis_en"),
    )
    sec.done()
    return rt


def _dates(sec: _Section, key: str) -> tuple[date, ...]:
    values = sec.get(key, list, [])
    for value in values:
        # A TOML date-time is a datetime (a date subclass) that never equals a plain date.
        if not isinstance(value, date) or isinstance(value, datetime):
            raise PolicyError(f"policy key '{sec.path}.{key}' must list dates like 2026-05-15.")
    return tuple(sorted(values))


def _calendar(sec: _Section) -> CalendarRules:
    every_year = []
    for text in sec.get("every_year", list, []):
        try:
            month, day = (int(p) for p in str(text).split("-"))
            date(2000, month, day)  # 2000 is a leap year: 02-29 is allowed
        except ValueError:
            raise PolicyError(f"policy key '{sec.path}.every_year' needs MM-DD values.") from None
        every_year.append((month, day))
    country = sec.text("country")
    if country not in holidays.list_supported_countries():
        raise PolicyError(
            f"policy key '{sec.path}.country' is not a country the holidays "
            "package knows (use a code like NL)."
        )
    cal = CalendarRules(
        country=country,
        every_year=tuple(every_year),
        good_friday=sec.get("good_friday", bool, True),
        equated_days=_dates(sec, "equated_days"),
        company_closing_days=_dates(sec, "company_closing_days"),
    )
    sec.done()
    return cal


def _system(sid: str, sec: _Section) -> System:
    system = System(
        id=sid,
        label=sec.text("label"),
        processor=sec.text("processor"),
        country=sec.text("country"),
        purpose_nl=sec.text("purpose_nl"),
        purpose_en=sec.text("purpose_en"),
        agreement_on_file=sec.text("agreement_on_file"),
    )
    sec.done()
    if system.agreement_on_file not in AGREEMENT_STATES:
        raise PolicyError(
            f"policy key '{sec.path}.agreement_on_file' must be one of "
            f"{', '.join(AGREEMENT_STATES)}."
        )
    return system


def _ids(sec: _Section, key: str, known: tuple[str, ...]) -> tuple[str, ...]:
    values = sec.strings(key)
    unknown = [v for v in values if v not in known]
    if unknown:
        raise PolicyError(
            f"policy key '{sec.path}.{key}' names unknown {unknown[0]!r}; "
            f"known are {', '.join(known)}."
        )
    return values


def _cookies(sec: _Section) -> CookiePromise:
    promise = CookiePromise(
        max_lifetime_days=sec.count("max_lifetime_days", minimum=1),
        collected_fields=_ids(sec, "collected_fields", WEB_FIELD_IDS),
        site=sec.text("site").lower(),
        implied_fields=_ids(sec, "implied_fields", WEB_FIELD_IDS),
        declared_cookies=sec.strings("declared_cookies"),
        declared_hosts=tuple(h.lower().lstrip(".") for h in sec.strings("declared_hosts")),
        statement_mentions_analytics=sec.get("statement_mentions_analytics", bool),
        analytics_system=sec.text("analytics_system"),
        analytics_checklist=_ids(sec, "analytics_checklist", ANALYTICS_CHECK_IDS),
        interpretation_nl=sec.text("interpretation_nl"),
        interpretation_en=sec.text("interpretation_en"),
    )
    sec.done()
    return promise


def parse_policy(data: dict[str, Any]) -> Policy:
    """Build a Policy from parsed TOML, refusing unknown keys and bad values."""
    root = _Section(data, "")
    version = root.count("version", minimum=1)

    ctl = root.sub("controller")
    controller = Controller(
        name=ctl.text("name"),
        address=ctl.text("address"),
        kvk=ctl.text("kvk"),
        email=ctl.text("email"),
        phone=ctl.text("phone"),
        supervisory_authority=ctl.text("supervisory_authority"),
        own_addresses=tuple(a.lower() for a in ctl.strings("own_addresses")),
        security_measures_nl=ctl.strings("security_measures_nl"),
        security_measures_en=ctl.strings("security_measures_en"),
    )
    ctl.done()

    st = root.sub("subject_states")
    states = SubjectStates(
        prospect_retention_months=st.count("prospect_retention_months", minimum=1),
        dormant_after_months=st.count("dormant_after_months", minimum=1),
        due_soon_days=st.count("due_soon_days", minimum=0),
        interpretation_nl=st.text("interpretation_nl"),
        interpretation_en=st.text("interpretation_en"),
    )
    st.done()

    cats = root.sub("categories")
    categories = {cid: _category(cid, cats.sub(cid)) for cid in list(cats.data)}
    cats.done()
    if tuple(categories) != CATEGORY_IDS:
        raise PolicyError(f"policy key 'categories' must hold exactly {', '.join(CATEGORY_IDS)}.")

    cookies = _cookies(root.sub("cookies"))

    rts = root.sub("request_types")
    request_types = {rid: _request_type(rid, rts.sub(rid)) for rid in list(rts.data)}
    rts.done()
    if set(request_types) != set(REQUEST_TYPE_IDS):
        raise PolicyError(
            f"policy key 'request_types' must hold exactly {', '.join(REQUEST_TYPE_IDS)}."
        )

    calendar = _calendar(root.sub("calendar"))

    sys_sec = root.sub("systems")
    systems = {sid: _system(sid, sys_sec.sub(sid)) for sid in list(sys_sec.data)}
    sys_sec.done()
    if cookies.analytics_system not in systems:
        raise PolicyError("policy key 'cookies.analytics_system' names no [systems] entry.")
    for cat in categories.values():
        for sid in cat.systems:
            if sid not in systems:
                raise PolicyError(f"policy key 'categories.{cat.id}.systems' names unknown {sid}.")

    from compliance.intake.rules import parse_mail_rules  # it reads with _Section, from here

    mail = parse_mail_rules(root.get("mail", dict), "mail")

    root.done()
    return Policy(
        version=version,
        controller=controller,
        subject_states=states,
        categories=categories,
        cookies=cookies,
        request_types=request_types,
        calendar=calendar,
        systems=systems,
        mail=mail,
    )


def load_policy(path: Path | str = DEFAULT_POLICY_PATH) -> Policy:
    """Read and validate the policy file."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PolicyError(f"policy file {path} does not exist.") from None
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(f"policy file {path} is not valid TOML: {exc}.") from None
    return parse_policy(data)
