"""Text columns for the report's large frames without a Python string per row, and the
row lookup (`positions`) that replaces a join on a key.

pandas 3 stores text as Arrow ("str"). A column handed over as an object array of Python
strings is copied into Arrow string by string: at a million rows that cost more than the
rules themselves. These build the same "str" columns from Arrow directly: a few words
repeated by code (statuses), or rows taken from an Arrow-backed column (names, sources).
An empty column stays an object array, as the frame constructor made it before.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa


def positions(keys: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """Where each of `wanted` stands in `keys` (unique), -1 where it is absent."""
    if not len(keys):
        return np.full(len(wanted), -1, dtype=np.int64)
    if keys.dtype.kind in "iu" and np.asarray(wanted).dtype.kind in "iu":
        low, high = int(keys.min()), int(keys.max())
        if high - low <= 4 * len(keys) + 1024:
            # Ids from a sequence (subjects): a table indexed by id answers in one step,
            # where a binary search per row cost a tenth of a second at L.
            table = np.full(high - low + 2, -1, dtype=np.int64)  # the last slot: absent
            table[keys.astype(np.int64) - low] = np.arange(len(keys))
            at = np.asarray(wanted, dtype=np.int64) - low
            return table[np.where((at >= 0) & (at <= high - low), at, high - low + 1)]
    # The report's keys (subject ids) come sorted: then no argsort is needed.
    if (keys[1:] > keys[:-1]).all():
        order, ordered = np.arange(len(keys)), keys
    else:
        order = np.argsort(keys, kind="stable")
        ordered = keys[order]
    at = np.minimum(np.searchsorted(ordered, wanted), len(keys) - 1)
    return np.where(ordered[at] == wanted, order[at], -1)


def words(vocabulary: Sequence[str], codes: np.ndarray) -> Any:
    """vocabulary[code] per row, as a "str" column (an object array when empty)."""
    if not len(codes):
        return np.array([], dtype=object)
    taken = pa.array(list(vocabulary), type=pa.large_string()).take(pa.array(codes))
    return pd.array(taken, dtype="str")


def take(values: Any, positions: np.ndarray) -> Any:
    """values[positions] (-1: missing, NaN), as the frame constructor would have typed the
    object array `values.to_numpy(dtype=object)[positions]`."""
    if isinstance(values, pd.Series | pd.Index):
        values = values.array
    if len(positions) and isinstance(values.dtype, pd.StringDtype) and values.dtype == "str":
        return values.take(positions, allow_fill=True)
    out = np.full(len(positions), np.nan, dtype=object)
    found = positions >= 0
    out[found] = np.asarray(values, dtype=object)[positions[found]]
    return out
