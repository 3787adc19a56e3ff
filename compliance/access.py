"""Who still has access: linking IP addresses, logins and licences to subjects, and what a
former client's or a prospect's remaining access means. Pure functions over plain rows.

An entry (a firewall range, a vault item, a licence) names its holder only in free text.
`match_entry` tries, strongest first: the KvK number and e-mail address the entry carries,
then each hint in order (rule description or item name first, then folder, URL host, login
name, and last the VPS's description, tags and reverse DNS), looking for a subject's
relation code or its name (normalised as for bookkeeping subjects: no legal form, case,
accents or punctuation). The first hint that names anyone decides; a hint naming two
subjects leaves the entry for the owner ("ambiguous"). A hint naming ICT Roermond itself
marks the entry as the company's own, not personal data.

    >>> index = SubjectIndex.build([KnownSubject(7, ("Kapsalon Testknip B.V.",), ("K100",))])
    >>> match_entry(("Kapsalon Testknip kantoor",), (), None, (), index)
    (7, 'name')
    >>> match_entry(("RDP thuiswerker",), ("k100",), None, (), index)
    (7, 'code')
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from compliance.findings import Finding
from compliance.i18n import t
from compliance.identity import normalise_name

MIN_NAME = 4  # a shorter normalised name ("nep") would match far too much
# What is looked for in free text, and how far: a company name of more words, or a code of
# more characters, is not written in a firewall rule or a vault item's name (a forgotten
# subject's code is a 66-character fingerprint); and only the start of a very long hint is
# read for names and codes. The work per hint stays bounded, whatever a file holds.
MAX_NAME_WORDS = 12
MAX_CODE_CHARS = 40
MAX_HINT_CHARS = 2_000
_CODE_WORDS = (
    r"(?:klant|klantnr|klantnummer|klantcode|relatie|relatiecode|relatienr|debiteur|code|nr|"
    r"client|customer)"
)
# What the Toegang page shows first: the states in order of urgency.
STATES = ("remove_now", "remove_soon", "prospect", "unlinked", "kept", "own", "gone")


def hint_text(text: str) -> str:
    """A hint as names are compared: 'kapsalon-testknip.example' -> 'kapsalon testknip example'."""
    # normalise_name turns punctuation into spaces after dropping the dots of "B.V.".
    return normalise_name((text or "").replace("_", " "))


@dataclass(frozen=True)
class KnownSubject:
    """A subject as the matcher sees it: every name it has in any system, its codes."""

    subject_id: int
    names: tuple[str, ...]
    codes: tuple[str, ...] = ()


@dataclass
class SubjectIndex:
    """The keys a hint is looked up by: a lookup per piece of the hint, never a scan of
    every subject (a hint against thousands of names and codes was the slow part)."""

    by_kvk: dict[str, int] = field(default_factory=dict)
    by_email: dict[str, int] = field(default_factory=dict)
    keys: dict[tuple[str, str], list[int]] = field(default_factory=dict)  # (kind, key): ids
    own: tuple[str, ...] = ()  # normalised names of ICT Roermond itself
    sizes: dict[str, int] = field(default_factory=dict)  # kind: its longest key (key_size)

    @classmethod
    def build(
        cls,
        subjects: Iterable[KnownSubject],
        identifiers: Iterable[tuple[str, str, int]] = (),
        own_names: Iterable[str] = (),
    ) -> SubjectIndex:
        rows = []
        for s in subjects:
            keys = [name_key(n) for n in s.names] + [code_key(c) for c in s.codes]
            rows.extend((s.subject_id, kind, key) for kind, key in filter(None, keys))
        return cls.from_keys(rows, identifiers, own_names)

    @classmethod
    def from_keys(
        cls,
        keys: Iterable[tuple[int, str, str]],
        identifiers: Iterable[tuple[str, str, int]] = (),
        own_names: Iterable[str] = (),
    ) -> SubjectIndex:
        """From (subject id, kind, key) as `name_key` and `code_key` make them."""
        index = cls(own=tuple(n for n in (hint_text(o) for o in own_names) if n))
        for kind, value, subject_id in identifiers:
            if kind == "kvk":
                index.by_kvk[value] = subject_id
            elif kind == "email":
                index.by_email[value.lower()] = subject_id
        for subject_id, kind, key in keys:
            ids = index.keys.setdefault((kind, key), [])
            if subject_id not in ids:
                ids.append(subject_id)
            index.sizes[kind] = max(index.sizes.get(kind, 0), key_size(kind, key))
        return index


def name_key(name: str) -> tuple[str, str] | None:
    """("name", normalised name), or None when it is too short or too long to look for in
    free text."""
    key = hint_text(name)
    return ("name", key) if len(key) >= MIN_NAME and key.count(" ") < MAX_NAME_WORDS else None


def code_key(code: str) -> tuple[str, str] | None:
    """("word", code) for a code with letters and digits ('K100') or a hyphen, found anywhere
    as a word; ("number", code) for a number, found only as the whole hint; else None."""
    key = code.strip().lower()
    if not 3 <= len(key) <= MAX_CODE_CHARS:
        return None
    if (any(c.isalpha() for c in key) and any(c.isdigit() for c in key)) or "-" in key:
        return ("word", key)
    return ("number", key) if key.isdigit() else None


def key_size(kind: str, key: str) -> int:
    """How far `hint_keys` must look for a key: a name's words, a word code's characters."""
    return key.count(" ") + 1 if kind == "name" else len(key)


# "1007" in "port 1007" is no client; "1007", "klant 1007" or "#1007" is: a number names a
# code only as the whole hint. "\s*(?:[#:.\-]\s*)?", not "\s*[#:.\-]?\s*": two \s* in a
# row split a run of spaces every way, quadratic in a long hint.
_NUMBER_HINT = re.compile(rf"\s*(?:{_CODE_WORDS}\s*(?:[#:.\-]\s*)?)?#?([0-9]+)\s*")
_ALNUM = frozenset("0123456789abcdefghijklmnopqrstuvwxyz")


def hint_keys(hint: str, sizes: Mapping[str, int]) -> Iterator[tuple[str, str]]:
    """Every (kind, key) a hint could be looked up by, codes before names. `sizes` holds the
    longest key of each kind there is to find (`key_size`), so the work stays linear in the
    hint: a name is a run of the hint's words; a word code any stretch between two non-
    alphanumeric characters (or the ends); a number the whole hint."""
    lowered = hint.strip().lower()
    if "number" in sizes and (whole := _NUMBER_HINT.fullmatch(lowered)):
        yield ("number", whole.group(1))
    if longest := sizes.get("word", 0):
        # A code is stripped, so a stretch never starts or ends with a space.
        lowered = lowered[:MAX_HINT_CHARS]
        n = len(lowered)
        ends = [
            j
            for j in range(1, n + 1)
            if (j == n or lowered[j] not in _ALNUM) and not lowered[j - 1].isspace()
        ]
        for i in range(n):
            if (i == 0 or lowered[i - 1] not in _ALNUM) and not lowered[i].isspace():
                k = bisect_right(ends, i)
                while k < len(ends) and ends[k] - i <= longest:
                    yield ("word", lowered[i : ends[k]])
                    k += 1
    if (words := sizes.get("name", 0)) and (text := hint_text(hint[:MAX_HINT_CHARS])):
        tokens = text.split(" ")
        for i in range(len(tokens)):
            for j in range(i + 1, min(i + words, len(tokens)) + 1):
                yield ("name", " ".join(tokens[i:j]))


def subjects_named(hint: str, index: SubjectIndex) -> dict[int, str]:
    """The subjects a hint names, with how: {subject id: "code" | "name"}. A code with
    letters and digits ('K100') or a hyphen counts anywhere as a word; a number only on its
    own."""
    found: dict[int, str] = {}
    named: list[tuple[str, int]] = []
    for kind, key in dict.fromkeys(hint_keys(hint, index.sizes)):
        for sid in index.keys.get((kind, key), ()):
            if kind == "name":
                named.append((key, sid))
            else:
                found[sid] = "code"
    if len({sid for _, sid in named}) > 1:
        # "Testlab Nep Rotterdam" also contains "Testlab Nep": the longer name wins.
        longest, winner = max(named, key=lambda item: len(item[0]))
        tied = {sid for name, sid in named if len(name) == len(longest)}
        if len(tied) == 1 and all(f" {name} " in f" {longest} " for name, _ in named):
            named = [(longest, winner)]
    for _, sid in named:
        found.setdefault(sid, "name")
    return found


def is_own(hint: str, index: SubjectIndex) -> bool:
    text = f" {hint_text(hint)} "
    squashed = text.replace(" ", "")
    return any(f" {own} " in text or own.replace(" ", "") in squashed for own in index.own)


def match_entry(
    hints: Sequence[str],
    system_hints: Sequence[str],
    kvk: str | None,
    emails: Sequence[str],
    index: SubjectIndex,
) -> tuple[int | None, str | None]:
    """(subject id, how) for one entry; (None, "own"|"ambiguous"|None) when not linked."""
    if kvk and kvk in index.by_kvk:
        return index.by_kvk[kvk], "kvk"
    for email in emails:
        if email.lower() in index.by_email:
            return index.by_email[email.lower()], "email"
    for hint in (*hints, *system_hints):
        if not hint:
            continue
        named = subjects_named(hint, index)
        if len(named) == 1:
            ((subject_id, how),) = named.items()
            return subject_id, how
        if named:
            return None, "ambiguous"
        if is_own(hint, index):
            return None, "own"
    return None, None


# ------------------------------------------------------------------------- what it means
def describe(entry: Mapping[str, Any], lang: str) -> str:
    """'IP-adres 203.0.113.45/32 in firewallregel ‘kantoor (TCP 22)’ op ictr-vps1 (TransIP)'."""
    params = {"holder": entry["holder"], "item": entry["item"], "system": entry["system"]}
    if entry["category"] == "ip_address":
        return t("toegang.what.ip", lang, **params)
    if entry["source"] == "dsd":
        return t("toegang.what.licence", lang, **params)
    key = "toegang.what.login" if entry["holder"] else "toegang.what.item"
    return t(key, lang, **params)


def _present(entry: Mapping[str, Any]) -> bool:
    return _missing(entry.get("gone_on")) and _missing(entry.get("deleted_on"))


def _missing(value: Any) -> bool:
    return value is None or (not isinstance(value, list | tuple) and pd.isna(value))


def access_findings(
    entries: Iterable[Mapping[str, Any]],
    subjects: Mapping[int, Mapping[str, Any]],
    deletions: Mapping[tuple[int, str, str], Mapping[str, Any]],
) -> list[Finding]:
    """A former client's access still there after its due date (high, one per entry), a
    prospect's access (medium: a prospect has no contract that could need it), and how many
    entries wait to be linked (low)."""
    found: list[Finding] = []
    unlinked = 0
    for e in entries:
        if not _present(e):
            continue
        subject_id = None if _missing(e.get("subject_id")) else int(e["subject_id"])
        if subject_id is None:
            unlinked += e.get("linked_by") != "own"
            continue
        subject = subjects.get(subject_id)
        if subject is None:
            continue
        what = {lang: describe(e, lang) for lang in ("nl", "en")}
        if subject["status"] == "former_client":
            due = deletions.get((subject_id, e["category"], e["source"]))
            if due is not None and due["status"] == "overdue":
                params = {
                    "name": subject["name"],
                    "end": _iso(subject.get("end_of_cooperation")),
                    "due": _iso(due["due"]),
                    "what": what,
                }
                found.append(Finding("former_client_access", "high", subject_id, params))
        elif subject["status"] == "prospect":
            params = {"name": subject["name"], "what": what}
            found.append(Finding("prospect_access", "medium", subject_id, params))
    if unlinked:
        found.append(Finding("access_unlinked", "low", None, {"n": unlinked}))
    return found


def _iso(value: Any) -> str:
    if _missing(value):
        return "?"
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def access_overview(
    entries: pd.DataFrame, subjects: pd.DataFrame, deletions: pd.DataFrame
) -> pd.DataFrame:
    """Every entry with its subject's status, its due date and what to do (`state`), the
    most urgent first: a former client's overdue access, then what goes soon, prospects,
    entries to link, clients' access (kept while client), the company's own, gone."""
    if entries.empty:
        return entries.assign(
            name=[], status=[], due=[], deletion_status=[], end_of_cooperation=[], state=[]
        )
    people = subjects.set_index("id")
    due = {
        (int(r["subject_id"]), r["category"], r["source"]): r for r in deletions.to_dict("records")
    }
    rows = []
    for e in entries.to_dict("records"):
        sid = None if _missing(e["subject_id"]) else int(e["subject_id"])
        person = people.loc[sid] if sid is not None and sid in people.index else None
        d = due.get((sid, e["category"], e["source"])) if sid is not None else None
        status = person["status"] if person is not None else None
        rows.append(
            {
                **e,
                "name": person["name"] if person is not None else None,
                "status": status,
                "end_of_cooperation": person["end_of_cooperation"] if person is not None else None,
                "due": d["due"] if d is not None else None,
                "deletion_status": d["status"] if d is not None else None,
                "state": _state(e, sid, status, d),
            }
        )
    out = pd.DataFrame(rows)
    order = {s: i for i, s in enumerate(STATES)}
    out["_order"] = out["state"].map(order)
    out = out.sort_values(["_order", "name", "system", "holder"], na_position="last")
    return out.drop(columns="_order").reset_index(drop=True)


def _state(e: Mapping[str, Any], sid: int | None, status: str | None, d: Any) -> str:
    if not _present(e):
        return "gone"
    if sid is None:
        return "own" if e.get("linked_by") == "own" else "unlinked"
    if status == "prospect":
        return "prospect"
    if status == "former_client":
        return "remove_now" if d is not None and d["status"] == "overdue" else "remove_soon"
    return "kept"
