"""The Inventaris subject picker: its labels and order, built column-wise for a million
subjects, read exactly as the row-by-row version did."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from compliance.ui.display import listed
from compliance.ui.inventory import subject_choice_labels


def _reference(subjects: pd.DataFrame) -> list[str]:
    """The per-row labels as the page first made them."""
    labels = []
    for row in subjects.to_dict("records"):
        parts = [row["name"]]
        if row["kvk"]:
            parts.append(f"KvK {row['kvk']}")
        parts.extend(listed(row["emails"])[:2])
        labels.append(" · ".join(str(p) for p in parts))
    return labels


def _frame(rows: list[tuple[str, str | None, list[str] | None]]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": range(1, len(rows) + 1),
            "name": pd.Series([r[0] for r in rows], dtype="str"),
            "kvk": pd.Series([r[1] for r in rows], dtype=object),
            # DuckDB list columns arrive as numpy arrays, or None.
            "emails": pd.Series(
                [None if r[2] is None else np.array(r[2], dtype=object) for r in rows],
                dtype=object,
            ),
        }
    )


def test_labels_name_kvk_and_at_most_two_addresses() -> None:
    subjects = _frame([
        ("Voorbeeld Test B.V.", "90000001", ["a@test.example", "b@test.example", "c@x.example"]),
        ("Piet Proefpersoon", None, None),
        ("Leeg KvK Test", "", []),
    ])  # fmt: skip
    assert subject_choice_labels(None, subjects) == [
        "Voorbeeld Test B.V. · KvK 90000001 · a@test.example · b@test.example",
        "Piet Proefpersoon",
        "Leeg KvK Test",
    ]


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(min_size=1, max_size=12),
            st.one_of(st.none(), st.just(""), st.from_regex(r"[0-9]{8}", fullmatch=True)),
            st.one_of(st.none(), st.lists(st.emails(), max_size=4)),
        ),
        max_size=20,
    )
)
def test_column_wise_labels_equal_the_row_by_row_ones(rows) -> None:
    subjects = _frame(rows)
    assert subject_choice_labels(None, subjects) == _reference(subjects)
