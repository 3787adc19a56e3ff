"""Rows of a long list kept as one Arrow table: a sequence that stands for the tuple of
row objects an importer returns, making a row object only where one is asked for (the
preview's first few, a test). The store reads `.table` itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar, overload

import pyarrow as pa

from etl.model import InvoiceRow, RecordRow, SubjectRow

T = TypeVar("T")


class ArrowRows(Sequence[T]):
    """`table`'s rows as `make(row dict)`; equal to the tuple of those rows."""

    make: Callable[[dict[str, Any]], T]

    def __init__(self, table: pa.Table) -> None:
        self.table = table

    def __len__(self) -> int:
        return self.table.num_rows

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[T, ...]: ...
    def __getitem__(self, index: int | slice) -> T | tuple[T, ...]:
        picked = range(len(self))[index]  # IndexError and negative indexes as a tuple has them
        if isinstance(picked, int):
            return type(self).make(self.table.slice(picked, 1).to_pylist()[0])
        rows = self.table.take(pa.array(picked, pa.int64()))  # typed: an empty slice too
        return tuple(type(self).make(r) for r in rows.to_pylist())

    def __iter__(self) -> Iterator[T]:
        for batch in self.table.to_batches():
            yield from (type(self).make(r) for r in batch.to_pylist())

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, tuple | ArrowRows):  # equal as the tuple it stands for
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]  # equal to a tuple, but not hashable

    def __repr__(self) -> str:
        return f"{type(self).__name__}({len(self)} rows)"


class InvoiceColumns(ArrowRows[InvoiceRow]):
    """Invoices: number, subject_ref, invoice_date."""

    make = staticmethod(lambda r: InvoiceRow(**r))


class SubjectColumns(ArrowRows[SubjectRow]):
    """Subjects: the fields of `SubjectRow`, emails as a list."""

    make = staticmethod(lambda r: SubjectRow(**{**r, "emails": tuple(r["emails"])}))


class RecordColumns(ArrowRows[RecordRow]):
    """Records: the fields of `RecordRow`, fields as a list."""

    make = staticmethod(lambda r: RecordRow(**{**r, "fields": tuple(r["fields"])}))


INVOICES = pa.schema(
    [("number", pa.string()), ("subject_ref", pa.string()), ("invoice_date", pa.date32())]
)
SUBJECTS = pa.schema(
    [
        ("ref", pa.string()),
        ("name", pa.string()),
        ("kvk", pa.string()),
        ("emails", pa.list_(pa.string())),
        ("iban", pa.string()),
        ("is_company", pa.bool_()),
        ("inactive", pa.bool_()),
        ("added_on", pa.date32()),
        ("modified_on", pa.date32()),
    ]
)
RECORDS = pa.schema(
    [
        ("subject_ref", pa.string()),
        ("category", pa.string()),
        ("ref", pa.string()),
        ("fields", pa.list_(pa.string())),
        ("basis", pa.string()),
        ("seen_on", pa.date32()),
        ("clock_start", pa.date32()),
        ("detail", pa.string()),
    ]
)


def columns_of(rows: Sequence[Any], schema: pa.Schema) -> pa.Table:
    """Row objects (or a table already) as a table of `schema`."""
    if isinstance(rows, ArrowRows):
        return rows.table
    return pa.table(
        {f.name: pa.array([getattr(r, f.name) for r in rows], f.type) for f in schema},
        schema=schema,
    )
