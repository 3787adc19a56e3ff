"""Which subject is this? What identifies a source system's relation, strongest first.

Order: the same relation seen before in the same system, then KvK, then e-mail
(case-insensitive), then IBAN (a salted hash only), then normalised company name. Private
persons are never linked on name alone: two people called Jan Jansen are two people.

This module says which identifiers each relation of a file has, a column at a time (each
distinct KvK, address, IBAN and name judged once); `compliance.store.subject_links`
decides in SQL which subject each relation is. `tests/reference_linking.py` holds the same
rule row by row, which a property test compares with both.

    >>> import pyarrow as pa
    >>> rows = pa.table({"pos": [0], "ref": ["K100"], "name": ["Voorbeeld B.V."],
    ...                  "kvk": ["90000001"], "emails": [["info@voorbeeld.example"]],
    ...                  "iban": [None], "is_company": [True]})
    >>> found = identifier_columns(rows, "salt")
    >>> list(zip(found["kind"].to_pylist(), found["value"].to_pylist()))[1:]
    [('kvk', '90000001'), ('email', 'info@voorbeeld.example'), ('name', 'voorbeeld')]
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from compliance.identity import normalise_kvk, normalise_name, salted_hash

SOURCE_REF = "#ref"  # the kind of "this source's own code": matched before every other kind
IDENTIFIERS = pa.schema(
    [("pos", pa.int64()), ("rank", pa.int64()), ("kind", pa.string()), ("value", pa.string())]
)
# A row's identifiers are tried in rank order: its own code, KvK, its addresses in the order
# written, IBAN, name. The gaps leave room for any number of addresses.
_RANK = {"#ref": -1, "kvk": 0, "email": 1, "iban": 1 << 40, "name": (1 << 40) + 1}
_MIN_NAME = 3  # a normalised name shorter than this means nothing ("AB", "BV")


def identifier_columns(rows: pa.Table, salt: str) -> pa.Table:
    """The (pos, rank, kind, value) of every identifier of `rows` (columns pos, ref, name,
    kvk, emails, iban, is_company): the relation's code, then kvk, email, iban and name."""
    pos = rows.column("pos").combine_chunks()
    # Every row has its code among its identifiers (even a blank one): the rows linked are
    # the rows with a code.
    refs = rows.column("ref").combine_chunks()
    parts = [_table(pos, np.full(len(pos), _RANK[SOURCE_REF]), SOURCE_REF, refs)]
    parts.append(_part(pos, "kvk", _judged(rows.column("kvk"), normalise_kvk)))
    emails = rows.column("emails").combine_chunks()
    flat = pc.list_flatten(emails)
    if len(flat):
        owner = pc.list_parent_indices(emails)
        first = np.asarray(emails.offsets.to_numpy()[:-1], dtype=np.int64)
        index = np.arange(len(flat), dtype=np.int64) - first[owner.to_numpy()]
        lower = _judged(flat, str.lower)
        keep = pc.is_valid(lower)
        parts.append(_table(pc.take(pos, owner).filter(keep),
                            (_RANK["email"] + index)[keep.to_numpy(zero_copy_only=False)],
                            "email", lower.filter(keep)))  # fmt: skip
    parts.append(_part(pos, "iban", _judged(rows.column("iban"), lambda v: salted_hash(v, salt))))
    # A company (or a relation not said to be a person) may be linked by its name.
    may_name = pc.fill_null(pc.invert(pc.equal(rows.column("is_company"), False)), True)
    names = _judged(rows.column("name"), normalise_name)
    short = pc.less(pc.utf8_length(names), _MIN_NAME)
    parts.append(_part(pos, "name", pc.if_else(pc.or_kleene(pc.invert(may_name), short),
                                               pa.scalar(None, pa.string()), names)))  # fmt: skip
    return pa.concat_tables(parts)


def _part(pos: pa.Array, kind: str, values: pa.Array | pa.ChunkedArray) -> pa.Table:
    """The rows' identifiers of one kind; a row without one (null or empty) has none."""
    values = values.combine_chunks() if isinstance(values, pa.ChunkedArray) else values
    keep = pc.fill_null(pc.not_equal(values, ""), False)
    return _table(pos.filter(keep), np.full(pc.sum(keep).as_py() or 0, _RANK[kind]), kind,
                  values.filter(keep))  # fmt: skip


def _table(pos: pa.Array, rank: np.ndarray, kind: str, values: pa.Array) -> pa.Table:
    return pa.Table.from_arrays(
        [pos, pa.array(rank, pa.int64()), pa.repeat(kind, len(pos)), values],
        schema=IDENTIFIERS,
    )


def _judged(column: pa.Array | pa.ChunkedArray, judge: Callable[[str], str | None]) -> pa.Array:
    """`judge` of each value (null and "" stay null), each distinct value judged once."""
    column = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    encoded = pc.dictionary_encode(column)
    judged = pa.array([judge(v) if v else None for v in encoded.dictionary.to_pylist()],
                      pa.string())  # fmt: skip
    return pc.take(judged, encoded.indices)
