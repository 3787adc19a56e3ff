"""The linking rule row by row: the slow, obvious version the SQL of
`compliance.store.subject_links` is compared with (tests/test_linking.py).

Each relation in file order: its source code seen before, else its first identifier
already known that does not join two different companies (`refuses`), else a new subject;
its unknown identifiers then belong to that subject.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from compliance.identity import normalise_kvk, normalise_name, salted_hash


@dataclass
class LinkIndex:
    """Identifier -> subject id, grown while one import is linked (so rows in one file link
    too). Call `begin_file` before each file's rows."""

    known: dict[tuple[str, str], int]
    by_source_ref: dict[tuple[str, str], int]
    next_id: int
    added: list[tuple[str, str, int]] = field(default_factory=list)  # new (kind, value, id)
    stored_kvks: dict[int, set[str]] = field(default_factory=dict)  # before this file
    held_by: dict[tuple[str, str], str | None] = field(default_factory=dict)  # row's KvK
    first_kvk: dict[int, str] = field(default_factory=dict)  # this file's first, per subject
    own_kvk: dict[int, str] = field(default_factory=dict)  # its own relation's, this file
    unstored: dict[tuple[str, str], int] = field(default_factory=dict)  # KvKs not added

    def begin_file(self, source: str, rows: list[tuple[str, str | None]]) -> None:
        """Before the (ref, KvK) rows of one file."""
        for kind, value, subject_id in self.added:
            if kind == "kvk":
                self.stored_kvks.setdefault(subject_id, set()).add(value)
        self.added.clear()
        self.held_by.clear()
        self.first_kvk.clear()
        self.unstored.clear()
        self.own_kvk.clear()
        for ref, kvk in rows:
            subject_id = self.by_source_ref.get((source, ref))
            if subject_id is not None and kvk is not None:
                self.own_kvk.setdefault(subject_id, kvk)


WEAK = ("email", "iban", "name")


def refuses(index: LinkIndex, kind: str, value: str, target: int, kvk: str | None) -> bool:
    """Would joining `target` by this identifier join two different companies?"""
    if kind not in WEAK or kvk is None:
        return False  # the own code and the KvK number itself always link
    if (kind, value) in index.held_by:  # brought by an earlier relation of this file
        return index.held_by[(kind, value)] != kvk
    stored = index.stored_kvks.get(target)
    if stored:
        return kvk not in stored
    if target in index.own_kvk:  # its own relation says its number now
        return index.own_kvk[target] != kvk
    first = index.first_kvk.get(target)  # a subject without one: the first to join decides
    return first is not None and first != kvk


def identifiers_of(
    name: str,
    kvk: str | None,
    emails: tuple[str, ...],
    iban: str | None,
    is_company: bool | None,
    salt: str,
) -> list[tuple[str, str]]:
    """The (kind, value) pairs a relation can be linked by, strongest first."""
    found: list[tuple[str, str]] = []
    if kvk_n := normalise_kvk(kvk):
        found.append(("kvk", kvk_n))
    found.extend(("email", e.lower()) for e in emails if e)
    if iban:
        found.append(("iban", salted_hash(iban, salt)))
    if is_company is not False and (name_n := normalise_name(name)) and len(name_n) >= 3:
        found.append(("name", name_n))
    return found


def link(
    index: LinkIndex, source: str, ref: str, identifiers: list[tuple[str, str]]
) -> tuple[int, str]:
    """(subject id, how it was linked); a new id when nothing matches. An identifier
    already owned keeps its owner."""
    kvk = next((value for kind, value in identifiers if kind == "kvk"), None)
    subject_id: int | None = index.by_source_ref.get((source, ref))
    how = "source_ref" if subject_id is not None else "new"
    if subject_id is None:
        for kind, value in identifiers:
            target = index.known.get((kind, value), index.unstored.get((kind, value)))
            if target is not None:
                if refuses(index, kind, value, target, kvk):
                    continue
                subject_id, how = target, kind
                break
    if subject_id is None:
        subject_id = index.next_id
        index.next_id += 1
    index.by_source_ref[(source, ref)] = subject_id
    if kvk is not None:
        index.first_kvk.setdefault(subject_id, kvk)
    for kind, value in identifiers:
        if (kind, value) in index.known or (kind, value) in index.unstored:
            continue
        index.held_by[(kind, value)] = kvk
        has_kvk = index.stored_kvks.get(subject_id) or any(
            k == "kvk" and i == subject_id for k, _, i in index.added
        )
        if kind == "kvk" and has_kvk:  # one KvK number per subject
            index.unstored[(kind, value)] = subject_id
            continue
        index.known[(kind, value)] = subject_id
        index.added.append((kind, value, subject_id))
    return subject_id, how
