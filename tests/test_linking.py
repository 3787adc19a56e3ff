"""Linking a source's relation to a subject: which identifiers count, in what order, and
which subject wins; the SQL linking of an import against the row-by-row reference."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compliance import store
from compliance.identity import LINK_ORDER, normalise_kvk, salted_hash
from compliance.store.connection import database_salt
from etl.model import ParsedExport, SubjectRow
from tests.factories import NOW
from tests.reference_linking import LinkIndex, identifiers_of, link

SALT = "test-salt"


def test_identifiers_come_strongest_first() -> None:
    ids = identifiers_of("Voorbeeld Test B.V.", "9000 0001", ("Info@Voorbeeld.example",),
                         "NL91ABNA0417164300", True, SALT)  # fmt: skip
    assert [kind for kind, _ in ids] == list(LINK_ORDER)
    assert ids[0] == ("kvk", "90000001")
    assert ids[1] == ("email", "info@voorbeeld.example")
    assert ids[2] == ("iban", salted_hash("NL91ABNA0417164300", SALT))  # never in clear
    assert ids[3] == ("name", "voorbeeld test")


@pytest.mark.parametrize(
    ("name", "is_company", "linked_by_name"),
    [
        ("Jan Jansen", False, False),  # two people called Jan Jansen are two people
        ("Jansen Test BV", True, True),
        ("Jansen Test BV", None, True),  # unknown: a company name may link
        ("BV", True, False),  # nothing left after the legal form
        ("AB", True, False),  # too short to mean anything
    ],
)
def test_names_link_only_companies(name: str, is_company: bool | None, linked_by_name: bool):
    kinds = [k for k, _ in identifiers_of(name, None, (), None, is_company, SALT)]
    assert ("name" in kinds) is linked_by_name


def test_the_first_owner_of_an_identifier_keeps_it() -> None:
    index = LinkIndex(known={("kvk", "90000001"): 7}, by_source_ref={}, next_id=8)
    shared = identifiers_of("Ander Test BV", "90000001", ("a@x.example",), None, True, SALT)
    assert link(index, "snelstart", "K1", shared) == (7, "kvk")
    # The same address with another KvK number is another company: a subject of its own,
    # and the address stays with 7.
    other = identifiers_of("Nog Een BV", "90000002", ("a@x.example",), None, True, SALT)
    assert link(index, "snelstart", "K2", other) == (8, "new")
    assert index.known[("kvk", "90000002")] == 8 and index.known[("email", "a@x.example")] == 7
    # Without a KvK number the address links it.
    same = identifiers_of("Ander Test", None, ("a@x.example",), None, True, SALT)
    assert link(index, "snelstart", "K4", same) == (7, "email")
    # Nothing known: a new subject, and the same relation again is that subject.
    fresh = identifiers_of("Nieuw Test BV", None, (), None, True, SALT)
    assert link(index, "snelstart", "K3", fresh) == (9, "new")
    assert link(index, "snelstart", "K3", []) == (9, "source_ref")


# ------------------------------------------------------------ the SQL against the reference
# Small pools, so that codes, numbers, addresses and names collide within a file and
# across two imports, the cases where the order of the rules matters.
_REFS = st.sampled_from([f"R{i}" for i in range(6)])
_NAMES = st.sampled_from(["Bakkerij Jansen B.V.", "bakkerij jansen", "Jan Jansen", "AB", "BV",
                          "Test & Co", "Café Noord", "Noord Cafe VOF", "x"])  # fmt: skip
_KVKS = st.sampled_from([None, "", "90000001", "9000 0001", "90000002", "0000000", "1234567"])
_EMAILS = st.lists(st.sampled_from(["a@x.example", "A@X.example", "b@y.example", "c@z.example"]),
                   max_size=3)  # fmt: skip
_IBANS = st.sampled_from([None, "NL91ABNA0417164300", "DE89370400440532013000"])
_RELATIONS = st.lists(
    st.builds(
        SubjectRow,
        ref=_REFS,
        name=_NAMES,
        kvk=_KVKS,
        emails=_EMAILS.map(tuple),
        iban=_IBANS,
        is_company=st.sampled_from([True, False, None]),
    ),
    min_size=1,
    max_size=12,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    files=st.lists(
        st.tuples(st.sampled_from(["eboekhouden", "snelstart"]), _RELATIONS), min_size=1, max_size=3
    ),
)
def test_an_import_links_as_the_reference_does(tmp_path_factory, files) -> None:
    db = tmp_path_factory.mktemp("link") / "link.duckdb"
    store.ensure_database(db)
    with store.reading(db) as conn:
        salt = database_salt(conn)
    index = LinkIndex(known={}, by_source_ref={}, next_id=1)
    for n, (source, relations) in enumerate(files):
        store.load_export(db, ParsedExport(source, "relations", subjects=tuple(relations),
                                           rows_read=len(relations)),
                          f"file{n}.csv", f"sha{n}", "test", NOW)  # fmt: skip
        index.begin_file(source, [(r.ref, normalise_kvk(r.kvk)) for r in relations])
        for r in relations:
            ids = identifiers_of(r.name, r.kvk, r.emails, r.iban, r.is_company, salt)
            link(index, source, r.ref, ids)
    with store.reading(db) as conn:
        stored = set(conn.execute("SELECT kind, value, subject_id FROM subject_identifiers")
                     .fetchall())  # fmt: skip
        refs = dict(((s, r), i) for s, r, i in
                    conn.execute("SELECT source, ref, subject_id FROM source_subjects")
                    .fetchall())  # fmt: skip
        subjects = conn.execute("SELECT count(*), max(id) FROM subjects").fetchall()[0]
    assert stored == {(k, v, i) for (k, v), i in index.known.items()}
    assert refs == index.by_source_ref
    assert subjects == (index.next_id - 1, index.next_id - 1)


# ------------------------------------------------------------ never two companies in one
def _subject_of(db: Path) -> dict[tuple[str, str], int]:
    with store.reading(db) as conn:
        rows = conn.execute("SELECT source, ref, subject_id FROM source_subjects").fetchall()
    return {(s, r): i for s, r, i in rows}


def _load(db: Path, source: str, relations: list[SubjectRow], n: int) -> None:
    parsed = ParsedExport(source, "relations", subjects=tuple(relations),
                          rows_read=len(relations))  # fmt: skip
    store.load_export(db, parsed, f"file{n}.csv", f"sha{n}", "test", NOW)


def test_two_companies_of_one_name_and_address_stay_two(tmp_path: Path) -> None:
    db = tmp_path / "l.duckdb"
    _load(db, "eboekhouden", [
        SubjectRow("K1", "Bakkerij Jansen B.V.", kvk="11111111", emails=("info@jansen.example",)),
        SubjectRow("K2", "Bakkerij Jansen", kvk="22222222", emails=("info@jansen.example",)),
        SubjectRow("K3", "Bakkerij Jansen", kvk="22222222"),  # the second one again
    ], 0)  # fmt: skip
    subject = _subject_of(db)
    assert subject[("eboekhouden", "K1")] != subject[("eboekhouden", "K2")]
    assert subject[("eboekhouden", "K2")] == subject[("eboekhouden", "K3")]
    with store.reading(db) as conn:
        owners = dict(conn.execute("SELECT value, subject_id FROM subject_identifiers "
                                   "WHERE kind IN ('kvk', 'email')").fetchall())  # fmt: skip
    assert owners["info@jansen.example"] == owners["11111111"] == subject[("eboekhouden", "K1")]


def test_a_subject_without_kvk_goes_to_the_first_company_that_joins_it(tmp_path: Path) -> None:
    db = tmp_path / "l.duckdb"
    _load(db, "snelstart", [SubjectRow("S1", "Bakkerij Jansen", emails=("b@jansen.example",))], 0)
    _load(db, "eboekhouden", [
        SubjectRow("K1", "Bakkerij Jansen B.V.", kvk="11111111"),  # by name: the first claim
        SubjectRow("K2", "Bakkerij Jansen", kvk="22222222", emails=("k2@jansen.example",)),
        SubjectRow("K3", "Jansen Twee", kvk="22222222", emails=("b@jansen.example",)),
        SubjectRow("K4", "Iets Anders", emails=("k2@jansen.example",)),  # follows K2
    ], 1)  # fmt: skip
    subject = _subject_of(db)
    first = subject[("snelstart", "S1")]
    assert subject[("eboekhouden", "K1")] == first
    second = subject[("eboekhouden", "K2")]  # refused by the name, a company of its own
    assert second != first
    assert subject[("eboekhouden", "K3")] == subject[("eboekhouden", "K4")] == second
    with store.reading(db) as conn:
        kvks = conn.execute("SELECT subject_id, count(*) FROM subject_identifiers "
                            "WHERE kind = 'kvk' GROUP BY ALL").fetchall()  # fmt: skip
    assert sorted(n for _, n in kvks) == [1, 1]


# Each code always carries the same KvK number (or none): the source system never says
# two things of one relation, so nothing can excuse a subject holding two numbers.
_KVK_OF = {"R0": None, "R1": None, "R2": "90000001", "R3": "90000002", "R4": "9000 0001",
           "R5": "90000003"}  # fmt: skip
_CONSISTENT = st.lists(
    st.builds(
        lambda ref, name, emails, iban: SubjectRow(ref, name, kvk=_KVK_OF[ref], emails=emails,
                                                   iban=iban, is_company=True),
        _REFS, _NAMES, _EMAILS.map(tuple), _IBANS,
    ),
    min_size=1,
    max_size=12,
)  # fmt: skip


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    files=st.lists(
        st.tuples(st.sampled_from(["eboekhouden", "snelstart"]), _CONSISTENT), min_size=1,
        max_size=3,
    ),
)  # fmt: skip
def test_no_subject_ever_holds_two_kvk_numbers(tmp_path_factory, files) -> None:
    db = tmp_path_factory.mktemp("kvk") / "kvk.duckdb"
    for n, (source, relations) in enumerate(files):
        _load(db, source, relations, n)
    _assert_one_kvk_stored(db)
    numbers: dict[int, set[str]] = {}
    for (_source, ref), subject_id in _subject_of(db).items():
        if kvk := normalise_kvk(_KVK_OF[ref]):
            numbers.setdefault(subject_id, set()).add(kvk)
    assert all(len(found) == 1 for found in numbers.values()), numbers


def _assert_one_kvk_stored(db: Path) -> None:
    with store.reading(db) as conn:
        held = conn.execute(
            "SELECT subject_id FROM subject_identifiers WHERE kind = 'kvk' "
            "GROUP BY subject_id HAVING count(*) > 1"
        ).fetchall()
    assert held == []


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(files=st.lists(st.tuples(st.sampled_from(["eboekhouden", "snelstart"]), _RELATIONS),
                      min_size=1, max_size=3))  # fmt: skip
def test_a_subject_keeps_one_kvk_number_even_when_a_relation_changes_its_own(
    tmp_path_factory, files
) -> None:
    # Any KvK per row, a code's number changing between files too: the relation keeps its
    # subject by its own code, but the subject never holds a second number.
    db = tmp_path_factory.mktemp("kvk") / "kvk.duckdb"
    for n, (source, relations) in enumerate(files):
        _load(db, source, relations, n)
    _assert_one_kvk_stored(db)


def test_a_relation_that_gets_its_kvk_keeps_its_subject_from_a_namesake(tmp_path: Path) -> None:
    db = tmp_path / "l.duckdb"
    _load(db, "snelstart", [SubjectRow("S1", "Bakkerij Jansen", is_company=True)], 0)
    # Next export: S1 now with its KvK number; a different Bakkerij Jansen listed first.
    _load(db, "snelstart", [
        SubjectRow("S0", "Bakkerij Jansen", kvk="11111111", is_company=True),
        SubjectRow("S1", "Bakkerij Jansen", kvk="22222222", is_company=True),
    ], 1)  # fmt: skip
    subject = _subject_of(db)
    assert subject[("snelstart", "S0")] != subject[("snelstart", "S1")]
    with store.reading(db) as conn:
        kvk = dict(conn.execute("SELECT value, subject_id FROM subject_identifiers "
                                "WHERE kind = 'kvk'").fetchall())  # fmt: skip
    assert kvk == {"22222222": subject[("snelstart", "S1")],
                   "11111111": subject[("snelstart", "S0")]}  # fmt: skip
